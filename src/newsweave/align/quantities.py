"""Quantity frames: what a figure measures, so that only figures of one measured thing compare.

A figure in a sentence becomes a `QuantityFrame`: its value as an interval (hedges and rounding:
"at least 10" is [10, inf), "about 300" is 300 +- tolerance), the *measure* (what is counted:
deaths, injured, magnitude, depth, electoral votes, population, a price ...), the *part* of it
("in cash" is a part of a price, "30 of the 80 wounded" a part of the wounded), the entity it is
*about* when the measure belongs to one (a town's population, a candidate's votes), and whether
the sentence is *background* (another time or event: "a quake in 2003 killed 31,000").

Measures come from words around the number: the counted noun ("12 deaths"), else a cue word
next to it ("killing 10 people", "Ten people were killed", "50 injured"); a number whose measure
cannot be read gets none and is never compared: saying less beats a false conflict. Zero counts
written as negations ("no casualties", "no one was killed") are frames with value 0, so they
disagree with a non-zero count of the same measure ("12 killed" vs "no casualties").

Rules only; see `eval/conflicts.py` for the labelled quantity pairs that check them.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from typing import Literal, Protocol

from newsweave.align.similarity import STOPWORDS, stem
from newsweave.model import DateMention

__all__ = [
    "QuantityFrame",
    "QuantityLike",
    "Relation",
    "frames_of",
    "is_background",
    "relate",
    "zero_frames",
]

Relation = Literal["same", "rounding", "conflict", "different"]


class QuantityLike(Protocol):
    """What frames need from `newsweave.extract.numbers.Quantity`.

    `approx` is the qualifier as written ("about", "more than") or None; an optional
    `second_value` (the other side of a score or a dimension) is read with `getattr`.
    """

    @property
    def text(self) -> str: ...
    @property
    def span(self) -> tuple[int, int]: ...
    @property
    def value(self) -> object: ...
    @property
    def unit(self) -> str | None: ...
    @property
    def approx(self) -> object: ...
    @property
    def kind(self) -> str: ...
    @property
    def about(self) -> str | None: ...


DateExtractor = Callable[[str, str | None], Sequence[DateMention]]


@dataclass(frozen=True, slots=True, kw_only=True)
class QuantityFrame:
    """One figure of a sentence with what it measures (see the module docstring)."""

    text: str
    span: tuple[int, int]
    value: float
    low: float
    high: float
    approx: str | None
    measure: str | None
    unit: str | None
    about: str | None
    part: str | None = None
    background: bool = False
    converted: bool = False

    @property
    def weak(self) -> bool:
        """Whether only the counted noun says what is measured (see `relate`)."""
        return (self.measure or "").endswith("(noun only)")

    @property
    def label(self) -> str:
        """The value as a reader would write it: "302", "at least 10", "none"."""
        if self.value == 0 and self.approx is None:
            return "none"
        number = _number_words(self.value)
        if self.unit in {"USD", "EUR", "GBP"}:
            number = f"{number} {self.unit}"
        return f"{self.approx} {number}" if self.approx else number


# Measures whose figure belongs to the happening itself (a story is one happening): the entity
# named near them is not part of the frame. Other measures need an entity ("home to 120,000"
# is Qeshm's population, not Zarand's).
EVENT_MEASURES = frozenset(
    {"deaths", "injured", "casualties", "missing", "arrested", "displaced", "magnitude",
     "aftershock magnitude", "depth", "shots", "rescued", "hostages", "charges", "sentence"}
)  # fmt: skip
# "casualties" count the dead and the injured together: none of them contradicts any dead or
# injured; a number of them does not contradict a number of either (a part is not the total).
# A score's sides are tallies of whatever its sentence counts ("306-232" after "the Electoral
# College" two sentences earlier): a score compares with a tally of the same side's name.
_TALLIES = frozenset({"score", "votes", "electoral votes", "points", "goals", "runs"})
_INCLUDES = {"casualties": frozenset({"deaths", "injured"})}


# Cue word stems -> measure. Participles and nouns; checked on the counted noun, then right
# after the number ("Ten people were killed"), then left of it ("killing 10 people").
def _cue_table(table: dict[str, str]) -> dict[str, str]:
    """{measure: "word word ..."} -> {word: measure}."""
    return {word: measure for measure, words in table.items() for word in words.split()}


def _set(words: str) -> frozenset[str]:
    return frozenset(words.split("|"))


_CUES = _cue_table(
    {
        "deaths": "killed kill kills killing dead died die dies death deaths fatalities fatality "
        "fatal fatally lives bodies toll slain murdered perished",
        "injured": "injured injuring injures injury injuries wounded wounding wounds hurt "
        "hospitalized hospitalised",
        "casualties": "casualties casualty victims",
        "missing": "missing unaccounted",
        "arrested": "arrested arrests arrest detained detentions",
        "displaced": "evacuated displaced homeless evacuees refugees",
        "rescued": "rescued",
        "hostages": "hostages",
        "magnitude": "magnitude magnitudes strength",
        "depth": "depth deep",
        "shots": "shots",
        "charges": "counts charges",
        "electoral votes": "electoral",
        "votes": "votes vote",
        "population": "population residents inhabitants",
    }
)
# Money measures: what the amount is the price, loot or fine of.
_MONEY_CUES = _cue_table(
    {
        "price": "paid pay pays paying price deal acquisition acquire acquires acquired buy buys "
        "bought purchase takeover offer bid valued worth cost sold sell",
        "contract": "contract salary",
        "haul": "stolen stole heist loot haul robbery jewels jewellery jewelry",
        "bail": "bail bond",
        "fine": "fine fined penalty settlement damages",
        "reward": "reward",
        "revenue": "revenue revenues sales",
        "profit": "profit profits earnings",
        "loss": "loss losses",
    }
)
_PERCENT_CUES = {"vote": "vote share", "votes": "vote share", "turnout": "turnout"}
# Counted nouns that say nothing of what happened to them: the measure needs a cue word.
_GENERIC_UNITS = _set(
    "people|persons|person|men|women|children|others|adults|teenagers|students|residents|"
    "civilians|soldiers|officers|workers|passengers"
)
# A count of "people" (or of nothing named) is the whole; "two women died" or "two officers
# were hurt" count a group among them: "deaths (women)" is its own measure, which only a
# count of none contradicts.
_WHOLE_UNITS = _set("people|persons|person|others")
_DISTANCE_UNITS = {
    "km": 1.0, "kilometers": 1.0, "kilometres": 1.0, "kilometer": 1.0, "kilometre": 1.0,
    "miles": 1.609, "mile": 1.609, "mi": 1.609, "m": 0.001, "meters": 0.001, "metres": 0.001,
}  # fmt: skip
_DIRECTION = re.compile(
    r"^\s*(?:\(.*?\)\s*)?(?:(?:north|south|east|west)(?:-?(?:east|west))?(?:ern)?|from|away from|"
    r"off|outside)\b(?:\s+of)?\s+(?:the\s+)?(?P<place>(?:[A-Z][\w'’-]+\s?){1,3})"
)
_BELOW = re.compile(r"^\s*(?:\(.*?\)\s*)?(?:deep|below|beneath|underground|down)\b", re.I)
_DEPTH_BEFORE = re.compile(r"\bdepth\s+of\s+(?:about\s+|some\s+)?$", re.I)
_PART_AFTER = re.compile(
    r"^\s*(?:(?P<of>of\s+(?:the|those|them|whom|which|these)\b)"
    r"|in\s+(?P<part>cash|stock|shares|equity|debt)\b|(?P<share>(?:a|per)\s+share)\b)",
    re.I,
)
_POPULATION_BEFORE = re.compile(
    r"(?:\bhome\s+to|\bpopulation\s+of|\b(?:town|city|village|island)\s+of)\s+(?:about\s+|some\s+|"
    r"more\s+than\s+|over\s+|nearly\s+|around\s+)?$",
    re.I,
)
_SCORE_WORDS = re.compile(r"\b(?:electoral|votes?|points?|goals?|runs?)\b", re.I)
_AUX = frozenset(
    [
        "were",
        "was",
        "are",
        "is",
        "have",
        "has",
        "had",
        "been",
        "be",
        "being",
        "reported",
        "confirmed",
        "said",
        "believed",
    ]
)
_CLAUSE_BREAK = re.compile(r"[;:()\[\]—–]|,\s|\.\s|\band\b|\bbut\b|\bwhile\b")
_WORD = re.compile(r"[A-Za-z][A-Za-z'-]*")

# Words that may stand between a counted noun and its cue: "two officers suffered minor injuries".
_BETWEEN_NOUN_AND_CUE = _set(
    "in|on|of|the|a|more|others|other|suffered|sustained|received|minor|serious|critical|"
    "severe|life-threatening|non-life-threatening|gunshot|bullet|were|reportedly"
)
# Hedges -> which side of the stated value the true one may lie on.
_LOWER_BOUND = _set("more than|over|at least|upwards of|just over|as many as|some|an estimated")
_UPPER_BOUND = _set("less than|fewer than|under|up to|at most|just under|as few as")
_NEAR_BELOW = _set("nearly|almost|close to")

# A sentence about another time: a date that is not the story's days, or words that say so.
_PAST_CUE = re.compile(
    r"\b(?:ago|last\s+(?:year|month|major|time)|previous(?:ly)?|earlier\s+(?:this|last)\s+"
    r"(?:year|month)|in\s+the\s+past|history|historic)\b",
    re.I,
)

_HYPOTHETICAL = re.compile(
    r"\b(?:can|could|would|may|might)\s+(?:cause|be|have|kill|reach|leave)\b|\bif\b|\bsuch\b"
    r"|\btypically\b|\busually\b|\bon average\b",
    re.I,
)
# Sentences about the after-effects, not the happening: their figures are another measure.
_AFTERSHOCK = re.compile(r"\baftershocks?\b|\btremors?\s+(?:followed|after)\b", re.I)
# Measures that only grow or shrink as the news comes in: a later different figure is an update.
CUMULATIVE_MEASURES = frozenset(
    {"deaths", "injured", "casualties", "missing", "arrested", "displaced", "rescued", "shots",
     "charges"}
)  # fmt: skip
# "Qeshm island, home to 120,000 people", "Zarand, a town of about 15,000 people": the name the
# population belongs to is the one the phrase is set off from by a comma.
_POPULATION_OF = re.compile(
    r"(?P<name>[A-Z][\w'’-]{0,40}(?:\s+[A-Z][\w'’-]{0,40}){0,2})(?:\s+(?:island|city|town|province|"
    r"village|county|state))?,\s+(?:(?:a|the)\s+(?:[\w-]+\s+){0,2}(?:town|city|village|island|"
    r"province|country)\s+of|home\s+to|with\s+a\s+population\s+of|population)\s+"
    r"(?:about\s+|some\s+|more\s+than\s+|over\s+|nearly\s+|around\s+|roughly\s+)?$"
)
_CLAUSE_END = re.compile(r",\s|;|—|–|\(|:|\bwhich\b|\bwho\b")
_YEAR_OF = re.compile(r"\b(?:in|since|of|during)\s+(?:\w+\s+)?(?P<year>(?:19|20)\d\d)\b", re.I)
# Negated counts: "no casualties", "no one was killed", "nobody was hurt".
_ZERO = re.compile(
    r"\b(?:no|zero)\s+(?:other\s+)?(?P<noun>casualties|deaths|fatalities|injuries|victims|dead|"
    r"one\s+(?:was|were|has\s+been|had\s+been)\s+(?:\w+\s+)?(?P<verb1>killed|injured|hurt|wounded|"
    r"harmed)|injured)\b(?!\s+(?:reports?|immediate))"
    r"|\bnobody\s+(?:was|were|has\s+been|had\s+been)\s+(?:\w+\s+)?(?P<verb2>killed|injured|hurt|"
    r"wounded|harmed)\b"
    r"|\bwithout\s+(?:any\s+)?(?P<noun2>casualties|injuries)\b",
    re.I,
)
_ZERO_HEDGED = re.compile(
    r"\b(?:immediate|initial|early|yet|else|other|further|more|reports?\s+of|word\s+of|"
    r"information|known|no\s+one\s+else)\b",
    re.I,
)
_ZERO_MEASURE = {
    "casualties": "casualties", "victims": "casualties", "deaths": "deaths",
    "fatalities": "deaths", "dead": "deaths", "killed": "deaths", "injuries": "injured",
    "injured": "injured", "hurt": "injured", "wounded": "injured", "harmed": "casualties",
}  # fmt: skip


def frames_of(
    text: str,
    quantities: Sequence[QuantityLike],
    *,
    tolerance: float = 0.1,
    published: str | None = None,
    dates: DateExtractor | None = None,
) -> list[QuantityFrame]:
    """The figures of one sentence with what they measure (see the module docstring); figures
    of another time are marked `background`, and all of them when the sentence is."""
    frames: list[QuantityFrame] = []
    everything_background = is_background(text)
    marks = [] if everything_background else other_times(text, published, dates)
    spans = [q.span for q in quantities]
    for index, quantity in enumerate(quantities):
        value = _as_float(quantity.value)
        if value is None or quantity.kind in {"year", "ordinal"}:
            continue
        approx = " ".join(str(quantity.approx).lower().split()) if quantity.approx else None
        previous_end = spans[index - 1][1] if index else 0
        next_start = spans[index + 1][0] if index + 1 < len(spans) else len(text)
        left = text[previous_end : quantity.span[0]]
        right = text[quantity.span[1] : next_start]
        found = _frames_of_quantity(
            text, quantity, value=value, approx=approx, left=left, right=right
        )
        for frame in found:
            background = everything_background or _in_other_time(text, frame.span, marks)
            frames.append(replace(_with_tolerance(frame, tolerance), background=background))
    return frames


def _with_tolerance(frame: QuantityFrame, tolerance: float) -> QuantityFrame:
    low, high = _interval(frame.value, frame.approx, tolerance)
    if frame.converted:
        # "10 km (6.2 miles)": a converted figure is rounded in one of its units.
        low, high = min(low, frame.value * 0.97), max(high, frame.value * 1.03)
    return replace(frame, low=low, high=high)


def _frames_of_quantity(
    text: str,
    quantity: QuantityLike,
    *,
    value: float,
    approx: str | None,
    left: str,
    right: str,
) -> list[QuantityFrame]:
    unit = quantity.unit
    kind = quantity.kind
    second = _as_float(getattr(quantity, "second_value", None))
    part: str | None = None
    about = quantity.about
    measure: str | None
    if (of := _PART_AFTER.match(right)) is not None:
        if of["of"]:
            return []  # "30 of the 80 wounded": a part, of what is not read here
        part = (of["part"] or "per share").lower()
    if kind == "age":
        # "a 4-year-old boy": whose age it is is not written, so two can only agree.
        named = about is not None and about[:1].isupper()
        measure, unit = ("age" if named else "age (noun only)"), "years"
        about = about if named else None
    elif kind == "money":
        measure = _money_measure(text[: quantity.span[0]], right)
    elif kind == "percent":
        measure = _first_cue(_words(right)[:4] + _words(left)[-4:], _PERCENT_CUES)
        measure = measure or "percent (noun only)"
    elif kind == "duration":
        sentence = text.lower()
        prison = re.search(r"\b(?:sentenced|prison|jail)\b", sentence)
        measure = "sentence" if prison else f"{unit or 'time'} (noun only)"
    elif kind == "score" and second is not None:
        return _score_frames(text, quantity, value, second, approx)
    elif kind == "dimension" and second is not None:
        measure = "resolution" if unit in {None, "pixels"} else None
        if measure is None:
            return []
        return [
            _frame(quantity, value, approx, measure=measure, unit="pixels"),
            _frame(quantity, second, approx, measure=f"{measure} (second side)", unit="pixels"),
        ]
    else:
        measure, unit, about = _count_measure(
            text, quantity, unit=unit, about=about, left=left, right=right
        )
    if measure is None:
        return []
    noun_only = measure.endswith("(noun only)")
    of_event = measure.split(" (")[0] in EVENT_MEASURES or noun_only
    if not of_event and measure != "age" and kind != "money" and not about:
        return []
    if of_event:
        about = None
    frame = _frame(quantity, value, approx, measure=measure, unit=unit, about=about, part=part)
    if unit in _DISTANCE_UNITS and unit not in {"km", "kilometers", "kilometres"}:
        factor = _DISTANCE_UNITS[unit]
        return [replace(frame, value=value * factor, unit="km", converted=True)]
    if unit in _DISTANCE_UNITS:
        return [replace(frame, unit="km")]
    return [frame]


def _count_measure(
    text: str,
    quantity: QuantityLike,
    *,
    unit: str | None,
    about: str | None,
    left: str,
    right: str,
) -> tuple[str | None, str | None, str | None]:
    """(measure, unit, about) of a count: the counted noun, else a cue word next to it."""
    unit_words = [w.lower() for w in _WORD.findall(unit or "")]
    head = unit_words[-1] if unit_words else None
    if head in _DISTANCE_UNITS or head == "km":
        rest = text[quantity.span[1] :]
        rest = rest[len(unit or "") + 1 :] if unit and rest.lstrip().startswith(unit) else rest
        if _DEPTH_BEFORE.search(left) or _BELOW.match(rest):
            return "depth", head, None
        if (direction := _DIRECTION.match(rest)) is not None:
            return "distance", head, direction["place"].strip()
        return None, unit, about
    if (
        head in {"magnitude", "magnitudes"}
        or _ends_with(left, "magnitude")
        or (re.search(r"\bRichter\b", right[:40]))
    ):
        aftershock = _AFTERSHOCK.search(text)
        return ("aftershock magnitude" if aftershock else "magnitude"), None, None
    if _POPULATION_BEFORE.search(left):
        owner = _POPULATION_OF.search(text, max(0, quantity.span[0] - 90), quantity.span[0])
        return ("population" if owner else None), None, (owner["name"] if owner else None)
    if head and "per" in unit_words:
        return " ".join(unit_words), unit, about  # a rate ("pixels per inch") is its own thing
    if head and head not in _GENERIC_UNITS:
        if "electoral" in unit_words:
            return "electoral votes", None, about
        measure = _CUES.get(head)
        if measure is not None:
            return measure, None, about
        # "seven villages": what happened to them is not read. The noun alone can tell that two
        # equal figures agree, never that two different ones disagree (`QuantityFrame.weak`).
        return f"{' '.join(unit_words)} (noun only)", unit, about
    # Generic or no noun: the cue right after ("people were killed", "50 injured") ...
    group = f" ({head})" if head and head not in _WHOLE_UNITS else ""
    after = [w.lower() for w in _WORD.findall(right)]
    skip = len(unit_words) if unit and right.lstrip().lower().startswith(unit.lower()) else 0
    for word in after[skip : skip + 4]:
        if word in _CUES:
            return _CUES[word] + group, None, about
        if word not in _AUX and word not in _BETWEEN_NOUN_AND_CUE:
            break
    # ... else the nearest cue before it in its clause ("killing 10 people").
    clause = _CLAUSE_BREAK.split(left)[-1]
    for word in reversed(_words(clause)[-5:]):
        if word in _CUES:
            return _CUES[word] + group, None, about
    if head is not None:
        return f"{head} (noun only)", unit, about  # "at least a dozen people inside"
    return None, unit, about


def _score_frames(
    text: str, quantity: QuantityLike, value: float, second: float, approx: str | None
) -> list[QuantityFrame]:
    """ "Biden defeated Trump 306-232": one frame per side, when both sides are named."""
    about = quantity.about or ""
    sides = about.split(" vs ")
    if len(sides) != 2:
        return []
    words = _SCORE_WORDS.findall(text)
    electoral = any(w.lower() == "electoral" for w in words) or "Electoral" in text
    measure = "electoral votes" if electoral else "score"
    return [
        _frame(quantity, value, approx, measure=measure, about=sides[0]),
        _frame(quantity, second, approx, measure=measure, about=sides[1]),
    ]


def _money_measure(left: str, right: str) -> str | None:
    """The nearest money cue before the amount in its sentence part, else right after it."""
    words = list(reversed(_words(re.split(r"[;:()—–]|\.\s", left)[-1])[-12:]))
    words += _words(right)[:4]
    return _first_cue(words, _MONEY_CUES)


def _first_cue(words: list[str], cues: dict[str, str]) -> str | None:
    for word in words:
        if word in cues:
            return cues[word]
    return None


def _words(text: str) -> list[str]:
    return [w.lower() for w in _WORD.findall(text)]


def _ends_with(text: str, word: str) -> bool:
    return bool(re.search(rf"\b{word}(?:-|\s+(?:of\s+)?)$", text, re.IGNORECASE))


def _frame(
    quantity: QuantityLike,
    value: float,
    approx: str | None,
    *,
    measure: str,
    unit: str | None = None,
    about: str | None = None,
    part: str | None = None,
) -> QuantityFrame:
    low, high = _interval(value, approx)
    return QuantityFrame(
        text=quantity.text,
        span=quantity.span,
        value=value,
        low=low,
        high=high,
        approx=approx,
        measure=measure,
        unit=unit,
        about=about,
        part=part,
    )


def _interval(value: float, approx: str | None, tolerance: float = 0.1) -> tuple[float, float]:
    if approx is None:
        return value, value
    if approx in _LOWER_BOUND:
        return value, math.inf
    if approx in _UPPER_BOUND:
        return 0.0, value
    if approx in _NEAR_BELOW:
        return value * (1 - tolerance), value
    return value * (1 - tolerance), value * (1 + tolerance)


def zero_frames(text: str) -> list[QuantityFrame]:
    """Counts stated as none: "no casualties", "no one was killed" (not "no immediate reports")."""
    out = []
    for found in _ZERO.finditer(text):
        if _ZERO_HEDGED.search(text, max(0, found.start() - 20), found.end() + 30):
            continue
        word = found["verb1"] or found["verb2"] or found["noun"] or found["noun2"]
        measure = _ZERO_MEASURE.get(word.split()[-1].lower())
        if measure is None:
            continue
        out.append(
            QuantityFrame(
                text=found[0],
                span=found.span(),
                value=0.0,
                low=0.0,
                high=0.0,
                approx=None,
                measure=measure,
                unit=None,
                about=None,
            )
        )
    return out


def is_background(text: str) -> bool:
    """Whether a sentence tells of no time at all ("a magnitude-6 quake can cause severe
    damage"): none of its figures is this happening's."""
    return bool(_HYPOTHETICAL.search(text))


def other_times(text: str, published: str | None, dates: DateExtractor | None) -> list[int]:
    """Where the sentence names another time: a month or year other than the story's ("in
    February", "in 2003") or words such as "ago", "last year", "previous". A day ("after the
    Nov. 3 election") is often a reference point of this very story and does not count."""
    day = (published or "")[:10]
    marks = [m.start() for m in _YEAR_OF.finditer(text) if m["year"] != day[:4]]
    marks += [m.start() for m in _PAST_CUE.finditer(text)]
    if dates is not None and day:
        try:
            mentions = dates(text, published)
        except Exception:
            mentions = ()
        width = {"month": 7, "year": 4}
        marks += [
            m.span[0]
            for m in mentions
            if m.value
            and m.precision in width
            and m.value[: width[m.precision]] != day[: width[m.precision]]
        ]
    return sorted(marks)


def _in_other_time(text: str, span: tuple[int, int], marks: list[int]) -> bool:
    """A mark before the figure sets its time ("In February, a 6.4 quake hit"); one after it
    only within its clause ("600 were killed in Zarand in February", not "..., confirming his
    victory in the November election")."""
    for mark in marks:
        if mark < span[0]:
            return True
        if not _CLAUSE_END.search(text, span[1], mark):
            return True
    return False


def same_measure(a: QuantityFrame, b: QuantityFrame) -> bool:
    """Whether two frames measure one thing: measure, part, unit and entity agree."""
    if a.measure is None or b.measure is None or a.background or b.background:
        return False
    if a.part != b.part:
        return False
    if (
        a.measure != b.measure
        and {a.measure, b.measure} <= _TALLIES
        and "score"
        in {
            a.measure,
            b.measure,
        }
    ):
        pass  # "Biden defeated Trump 306-232" is a tally of votes, written as a score
    elif a.measure != b.measure:
        zero, other = (a, b) if a.value == 0 else (b, a)
        whole = (other.measure or "").split(" (")[0]
        included = _INCLUDES.get(zero.measure or "", frozenset()) | {zero.measure}
        return zero.value == 0 and other.value != 0 and whole in included
    if a.unit != b.unit and a.unit is not None and b.unit is not None:
        return False
    if (a.measure or "").split(" (")[0] in EVENT_MEASURES or a.weak:
        return True
    return _same_name(a.about, b.about)


def _same_name(a: str | None, b: str | None) -> bool:
    """ "Putin" and "Vladimir Putin" name one person; "Joseph Horn" and "Thomas Horn" do not."""
    keys_a, keys_b = _name_keys(a), _name_keys(b)
    return bool(keys_a and keys_b) and (keys_a <= keys_b or keys_b <= keys_a)


def _name_keys(name: str | None) -> frozenset[str]:
    if not name:
        return frozenset()
    return frozenset(stem(w) for w in _WORD.findall(name) if w.lower() not in STOPWORDS)


def relate(a: QuantityFrame, b: QuantityFrame) -> Relation:
    """How two figures relate: the same value, compatible (rounding, hedges), or in conflict."""
    if not same_measure(a, b):
        return "different"
    if a.value == b.value and a.approx == b.approx:
        return "same"
    if a.value == b.value and a.value != 0:
        return "rounding"  # "more than 2.5 million" and "2.5 million" are compatible, not equal
    compatible = a.low <= b.high and b.low <= a.high and (a.value == 0) == (b.value == 0)
    if compatible:
        return "same" if a.value == b.value else "rounding"
    if a.measure == "age" and _name_keys(a.about) != _name_keys(b.about):
        return "different"  # "Gray, 16" and "Mahnefah Gray, 19" are two Grays
    # "flattening seven villages" vs "15 villages damaged": a noun is not enough to dispute.
    return "different" if a.weak or b.weak else "conflict"


def _number_words(value: float) -> str:
    """1,150 / 6.1 / 4.3 billion: large round amounts the way news writes them."""
    for scale, word in ((1e12, "trillion"), (1e9, "billion"), (1e6, "million")):
        if abs(value) >= scale and (value / scale * 100).is_integer():
            return f"{value / scale:g} {word}"
    return f"{value:,.0f}" if value.is_integer() else f"{value:,}"


def _as_float(value: object) -> float | None:
    if isinstance(value, int | float):
        return float(value)
    try:
        return float(str(value).replace(",", ""))
    except ValueError:
        return None
