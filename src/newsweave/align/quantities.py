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

from newsweave.align import measure_words as lex
from newsweave.align.act_spans import act_of_span
from newsweave.align.quantity_time import (
    in_other_time,
    is_background,
    is_hypothetical_at,
    other_times,
)
from newsweave.align.similarity import STOPWORDS, stem
from newsweave.model import DateMention

__all__ = [
    "QuantityFrame",
    "QuantityLike",
    "Relation",
    "block_frames",
    "frames_of",
    "is_background",
    "listed_ages",
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


# The gap between "8" and "14" of "8 of 14 shots": the second figure is a rate's whole.
_RATE_WHOLE = re.compile(r"\s{1,3}of\s{1,3}")


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
    # An unnamed person's age: the noun that names them ("girl"), and, when the sentence lists
    # several unnamed people with their ages, the others as (noun, age) (see `listed_ages`).
    who: str | None = None
    listed_with: frozenset[tuple[str, float]] = frozenset()
    # Whose figure it is when the measure is a person's own (a fall): the ages written before
    # it and the names those ages are of ("36-year-old Duncan Raite" -> {"age 36", "duncan",
    # "rait"}); two such figures are of one person only when these meet.
    person: frozenset[str] = frozenset()

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


def frames_of(
    text: str,
    quantities: Sequence[QuantityLike],
    *,
    tolerance: float = 0.1,
    conversion_tolerance: float = 0.1,
    published: str | None = None,
    dates: DateExtractor | None = None,
    marks: list[int] | None = None,
) -> list[QuantityFrame]:
    """The figures of one sentence with what they measure (see the module docstring); figures
    of another time are marked `background`, and so are those of a clause that tells of no
    time ("a magnitude-6 quake can cause ..."). `marks`: the sentence's `other_times` with
    these `published` and `dates`, when the caller has read them (they date the text again)."""
    frames: list[QuantityFrame] = []
    if marks is None:
        marks = other_times(text, published, dates)
    spans = [q.span for q in quantities]
    in_range = _range_ends(text, spans)
    for index, quantity in enumerate(quantities):
        value = _as_float(quantity.value)
        if value is None or quantity.kind in {"year", "ordinal"} or index in in_range:
            continue
        approx = " ".join(str(quantity.approx).lower().split()) if quantity.approx else None
        previous_end = spans[index - 1][1] if index else 0
        next_start = spans[index + 1][0] if index + 1 < len(spans) else len(text)
        left = text[previous_end : quantity.span[0]]
        right = text[quantity.span[1] : next_start]
        converted = _is_conversion(quantities, index, text)
        head = index
        while head and _is_conversion(quantities, head, text):
            head -= 1
        tail = index
        while tail + 1 < len(quantities) and _is_conversion(quantities, tail + 1, text):
            tail += 1
        # An amount and its conversions are one amount: what it is (loot, a price) is read
        # around the whole run ("made off with 2m euros (£1.7m; $2.6m) in gems").
        money_context = (
            (quantities[head].span[0], spans[tail + 1][0] if tail + 1 < len(spans) else len(text))
            if tail > head
            else None
        )
        found = _frames_of_quantity(
            text,
            quantity,
            value=value,
            approx=approx,
            left=left,
            right=right,
            money_context=money_context,
        )
        if converted:
            # "5 million euros ($6.5 million)": a conversion at some rate, which two outlets
            # make a little differently: it covers `conversion_tolerance` either side, and
            # disputes only beyond it (and a story's dollars of a thing priced in euros are
            # compared as `figure_conflicts._dollars_of_unknown_kind` says).
            found = [replace(f, converted=True) for f in found]
        if any(f.measure == "fall" for f in found):
            person = _person_keys(quantities[:index])
            found = [
                replace(f, person=person) if person else replace(f, measure="fall (noun only)")
                for f in found
            ]
        for frame in found:
            background = is_hypothetical_at(text, frame.span) or in_other_time(
                text, frame.span, marks
            )
            widened = _with_tolerance(frame, tolerance)
            if converted:
                widened = replace(
                    widened,
                    low=min(widened.low, widened.value * (1 - conversion_tolerance)),
                    high=max(widened.high, widened.value * (1 + conversion_tolerance)),
                )
            frames.append(replace(widened, background=background))
    return frames


def _person_keys(before: Sequence[QuantityLike]) -> frozenset[str]:
    """The ages written before a person's figure and the names they are of (see
    `QuantityFrame.person`); empty when no age says who it is."""
    keys: set[str] = set()
    for quantity in before:
        if quantity.kind == "age":
            keys.add(f"age {_as_float(quantity.value)}")
            keys |= _name_keys(quantity.about)
    return frozenset(keys)


def _range_ends(text: str, spans: Sequence[tuple[int, int]]) -> set[int]:
    """Indices of figures that are the ends of a range ("ranging from 3.6 to 4.3", "between 10
    and 15"): neither end is the value, and a range is not read as one here."""
    out: set[int] = set()
    for index in range(len(spans) - 1):
        (_, end), (start, _) = spans[index], spans[index + 1]
        opened = lex.RANGE_OPEN.search(text, max(0, spans[index][0] - 12), spans[index][0])
        if opened and lex.RANGE_JOIN.fullmatch(text, end, start):
            out.update((index, index + 1))
    return out


def _is_conversion(quantities: Sequence[QuantityLike], index: int, text: str) -> bool:
    """Whether the amount at `index` restates the amount right before it in another unit:
    "85 million euros ($108 million)", and each amount of a bracketed list of them ("2m euros
    (£1.7m; $2.6m)")."""
    if not index or quantities[index].kind != "money" or quantities[index - 1].kind != "money":
        return False
    left = text[quantities[index - 1].span[1] : quantities[index].span[0]]
    if lex.CONVERSION_GAP.match(left):
        return True
    return bool(lex.LIST_GAP.match(left)) and _is_conversion(quantities, index - 1, text)


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
    money_context: tuple[int, int] | None = None,
) -> list[QuantityFrame]:
    unit = quantity.unit
    kind = quantity.kind
    second = _as_float(getattr(quantity, "second_value", None))
    part: str | None = None
    about = quantity.about
    measure: str | None
    if (of := lex.PART_AFTER.match(right)) is not None:
        if of["of"]:
            return []  # "30 of the 80 wounded": a part, of what is not read here
        part = (of["part"] or "per share").lower()
    who: str | None = None
    if kind == "age":
        # "a 4-year-old boy": whose age it is is not written, so two can only agree (unless
        # listed with others, see `listed_ages`).
        named = about is not None and about[:1].isupper()
        measure = "age" if named else "age (noun only)"
        unit = unit if unit in {"months", "weeks", "days"} else "years"  # "a 2-month-old girl"
        # The noun is the hint's last word: "a boy, about 4" hints "and boy" (fresh6).
        noun = about.lower().split()[-1] if about and not named else None
        if noun in lex.PERSON_NOUNS:
            who = noun
        about = about if named else None
    elif kind == "money":
        if money_context is not None:
            start, stop = money_context
            tail_end = max(text.rfind(")", start, stop) + 1, quantity.span[1])
            measure = _money_measure(text[:start], text[tail_end:stop])
        else:
            measure = _money_measure(text[: quantity.span[0]], right)
        if measure in lex.NEGOTIATED_MONEY:
            # Offers, prices and earnings come in many (bids, periods, ranges): such amounts
            # can agree, but two of them differing says nothing.
            measure = f"{measure} (noun only)"
    elif kind == "percent":
        measure = _first_cue(_words(right)[:4] + _words(left)[-4:], lex.PERCENT_CUES)
        measure = measure or "percent (noun only)"
    elif kind == "duration":
        sentence = text.lower()
        prison = re.search(r"\b(?:sentenced|prison|jail)\b", sentence)
        # A prison term belongs to one case of one person, often an earlier one told as
        # background ("a year later he was convicted ..., sentenced to seven years"): terms can
        # agree, but two different ones say nothing.
        measure = "sentence (noun only)" if prison else f"{unit or 'time'} (noun only)"
        if not prison and lex.HOSPITAL_STAY.search(left[-60:]):
            measure = "time in hospital"
        elif not prison and (act := act_of_span(text, quantity.span)) is not None:
            # "two hours while police negotiated": how long one act lasted, compared only with
            # the same act ("spent about two hours negotiating"; `align.act_spans`).
            measure, about = "time spent", act
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
        if measure is not None and _RATE_WHOLE.fullmatch(left):
            # "He made 8 of 14 shots": the whole of a rate (a figure right after "N of", no
            # article) counts tries, not what the noun counts elsewhere ("two charity shots"):
            # it can agree, never dispute (fresh19, session 17; "30 of the 80 wounded" keeps
            # its article and is unchanged).
            measure = f"{measure.split(' (')[0]} (noun only)"
        if measure == "magnitude" and lex.AFTERSHOCK.search(text):
            # A sentence about aftershocks tells their magnitudes and often the main quake's
            # too ("aftershocks have hit since a magnitude-5.9 quake"): which is which is not
            # read, so these can agree with the quake's, never dispute it.
            measure = "magnitude (noun only)"
    if measure is None:
        return []
    if measure == "casualties" and lex.WORD.findall(quantity.unit or "")[:1] in (
        ["other"],
        ["others"],
    ):
        # "the two other victims" (besides one told of before) are a part of the victims,
        # never their number; "three others were injured" is the injured (no part).
        part = "others"
    if part is None and measure.split(" (")[0] in lex.CUMULATIVE_MEASURES:
        clause = lex.CLAUSE_BREAK.split(right, maxsplit=1)[0]
        if lex.ONE_DAY_SCOPE.search(clause) or lex.ONE_DAY_SCOPE.search(
            lex.CLAUSE_BREAK.split(left)[-1]
        ):
            part = "one day"
    noun_only = measure.endswith("(noun only)")
    of_event = measure.split(" (")[0] in lex.EVENT_MEASURES or noun_only
    if not of_event and measure != "age" and kind != "money" and not about:
        return []
    if of_event:
        about = None
    frame = _frame(quantity, value, approx, measure=measure, unit=unit, about=about, part=part)
    frame = replace(frame, who=who)
    if measure == "fall" and unit in lex.DISTANCE_UNITS:
        # A fall is told in metres (or feet, read as a noun only): shown and compared in them.
        metres = round(value * lex.DISTANCE_UNITS[unit] * 1000, 6)
        return [replace(frame, value=metres, unit="m", converted=metres != value)]
    if unit in lex.DISTANCE_UNITS and unit not in {"km", "kilometers", "kilometres"}:
        factor = lex.DISTANCE_UNITS[unit]
        return [replace(frame, value=value * factor, unit="km", converted=True)]
    if unit in lex.DISTANCE_UNITS:
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
    unit_words = [w.lower() for w in lex.WORD.findall(unit or "")]
    head = unit_words[-1] if unit_words else None
    if unit is None and lex.PARENT_OF.search(text, max(0, quantity.span[0] - 24), quantity.span[0]):
        # "a mother of 12": the children of the person named right after the figure ("Mother of
        # 13 Zurana Horton") or set off before it ("Zurana Horton, 34, a mother of 12"); an
        # unnamed parent's children are not compared.
        owner = lex.NAME_AFTER.match(right) or lex.PARENT_APPOSITION.search(
            text, max(0, quantity.span[0] - 90), quantity.span[0]
        )
        return ("children" if owner else None), None, (owner["name"] if owner else None)
    if head in lex.DISTANCE_UNITS or head == "km":
        rest = text[quantity.span[1] :]
        rest = rest[len(unit or "") + 1 :] if unit and rest.lstrip().startswith(unit) else rest
        if lex.DEPTH_BEFORE.search(left) or lex.BELOW.match(rest):
            return "depth", head, None
        if lex.FALL_BEFORE.search(lex.CLAUSE_BREAK.split(left)[-1][-40:]):
            # "died after falling about 150 metres": how far a person fell, compared only
            # with a figure of the same person (`QuantityFrame.person`).
            return "fall", head, None
        if (direction := lex.DIRECTION.match(rest)) is not None:
            # Whose distance it is must be written ("Qeshm, located 1,150 km ..."); "a
            # motorist 50 miles north of Detroit" and "the building, 15 miles north" are two.
            located = lex.LOCATED_BEFORE.search(left) or lex.SUBJECT_APPOSITION.match(
                text[: quantity.span[0]]
            )
            measure = "distance" if located else "distance (noun only)"
            return measure, head, direction["place"].strip()
        return None, unit, about
    if (
        head in {"magnitude", "magnitudes"}
        or _ends_with(left, "magnitude")
        or (re.search(r"\bRichter\b", right[:40]))
    ):
        return "magnitude", None, None
    if lex.POPULATION_BEFORE.search(left):
        # "Qeshm is Iran's largest island in the Persian Gulf, with a population of 120,000":
        # the subject (not the name the phrase is set off from, "the Persian Gulf") ...
        owner = lex.POPULATION_SUBJECT.match(text[: quantity.span[0]])
        # ... else "Qeshm island, home to 120,000 people".
        owner = owner or lex.POPULATION_OF.search(
            text, max(0, quantity.span[0] - 90), quantity.span[0]
        )
        return ("population" if owner else None), None, (owner["name"] if owner else None)
    if head and "per" in unit_words:
        return " ".join(unit_words), unit, about  # a rate ("pixels per inch") is its own thing
    if lex.EARLIER_WORDS.intersection(unit_words):
        return None, unit, about  # "four prior arrests": a record, not this happening's count
    if head and head not in lex.GENERIC_UNITS:
        if "electoral" in unit_words:
            return "electoral votes", None, about
        cue = lex.CUES.get(head)
        if cue is not None:
            return cue, None, about
        state = _thing_state(right, unit_words)
        if state is not None:
            # "three undersea cables were damaged" / "two undersea cables in the Mediterranean
            # suffered severe damage": what happened to the things counted is read, so two
            # counts of one noun and one state are one measure of this happening.
            return f"{state} ({' '.join(unit_words)})", None, about
        # "seven villages": what happened to them is not read. The noun alone can tell that two
        # equal figures agree, never that two different ones disagree (`QuantityFrame.weak`).
        return f"{' '.join(unit_words)} (noun only)", unit, about
    # Generic or no noun: the cue right after ("people were killed", "50 injured") ...
    group = f" ({head})" if head and head not in lex.WHOLE_UNITS else ""
    # (only up to the end of its clause: "killed at least six people, injured almost 50")
    after = [w.lower() for w in lex.WORD.findall(re.split(r"[,;:()—–]", right, maxsplit=1)[0])]
    skip = len(unit_words) if unit and right.lstrip().lower().startswith(unit.lower()) else 0
    for at, word in enumerate(after[skip : skip + 4], start=skip):
        if word in lex.CUES:
            return lex.CUES[word] + group, None, about
        if word in lex.SHOT_WORDS:
            return _grouped(_shot_measure(after[at + 1 : at + 4]), group), None, about
        if word not in lex.AUX and word not in lex.BETWEEN_NOUN_AND_CUE:
            break
    # ... else the nearest cue before it in its clause ("killing 10 people").
    clause = lex.CLAUSE_BREAK.split(left)[-1]
    for word in reversed(_words(clause)[-5:]):
        if word in lex.CUES:
            return lex.CUES[word] + group, None, about
        if word in lex.SHOT_WORDS:
            return _grouped(lex.SHOT, group), None, about  # "a gunman shot three people"
    if head is not None:
        return f"{head} (noun only)", unit, about  # "at least a dozen people inside"
    return None, unit, about


def _thing_state(right: str, unit_words: list[str]) -> str | None:
    """What happened to counted things, read right after their noun in its clause: "were
    damaged", "in the Mediterranean suffered severe damage" -> "damaged"; None when the next
    word that is no auxiliary, filler or place name says nothing of it."""
    clause = re.split(r"[,;:()—–]|\.\s", right, maxsplit=1)[0]
    words = lex.WORD.findall(clause)
    at = 0
    for unit_word in unit_words:  # the counted noun itself is written right after the number
        if at < len(words) and words[at].lower() == unit_word:
            at += 1
    for word in words[at : at + 6]:
        lowered = word.lower()
        if lowered in lex.THING_STATES:
            return lex.THING_STATES[lowered]
        if lowered in lex.AUX or lowered in lex.BETWEEN_NOUN_AND_CUE or word[:1].isupper():
            continue
        if lowered in {"been", "being", "had", "have", "has", "all", "badly", "heavily"}:
            continue
        return None
    return None


def _grouped(measure: str, group: str) -> str:
    """ "injured" + " (officers)"; a noun-only measure stays so: "shot (men) (noun only)"."""
    weak = " (noun only)"
    if measure.endswith(weak):
        return measure.removesuffix(weak) + group + weak
    return measure + group


def _shot_measure(following: list[str]) -> str:
    """ "were shot": the people hit, a measure of its own, unless the words after it say they
    died ("shot dead", "shot and killed") or were wounded ("shot and wounded"); "shot" counts
    both, so it never compares with the dead or the injured.

    A bare "shot" count can agree, never dispute (noun only): shooting stories tell of other
    shootings in the same words ("came weeks after a driver shot eight people"), and which
    shooting a count is of is not read here."""
    for word in following:
        if word in {"and", "to", "were", "was"}:
            continue
        return lex.AFTER_SHOT.get(word, lex.SHOT)
    return lex.SHOT


def _score_frames(
    text: str, quantity: QuantityLike, value: float, second: float, approx: str | None
) -> list[QuantityFrame]:
    """ "Biden defeated Trump 306-232": one frame per side, when both sides are named."""
    about = quantity.about or ""
    sides = about.split(" vs ")
    if len(sides) != 2:
        return []
    # Only an election's tally is one figure per side; a game's score changes through the game
    # ("leading KC 13-3" at halftime, "beat the Chiefs 20-13"), so two scores can only agree.
    if not lex.ELECTION_WORDS.search(text):
        measure = "score (noun only)"
    else:
        measure = "electoral votes" if re.search(r"\belectoral\b", text, re.I) else "score"
    return [
        _frame(quantity, value, approx, measure=measure, about=sides[0]),
        _frame(quantity, second, approx, measure=measure, about=sides[1]),
    ]


def _money_measure(left: str, right: str) -> str | None:
    """The nearest money cue before the amount in its sentence part, else right after it."""
    words = list(reversed(_words(re.split(r"[;:()—–]|\.\s", left)[-1])[-12:]))
    words += _words(right)[:4]
    return _first_cue(words, lex.MONEY_CUES)


def _first_cue(words: list[str], cues: dict[str, str]) -> str | None:
    for word in words:
        if word in cues:
            return cues[word]
    return None


def _words(text: str) -> list[str]:
    return [w.lower() for w in lex.WORD.findall(text)]


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
    if approx in lex.LOWER_BOUND:
        return value, math.inf
    if approx in lex.UPPER_BOUND:
        return 0.0, value
    if approx in lex.NEAR_BELOW:
        return value * (1 - tolerance), value
    return value * (1 - tolerance), value * (1 + tolerance)


def zero_frames(text: str) -> list[QuantityFrame]:
    """Counts stated as none: "no casualties", "no one was killed" (not "no immediate reports")."""
    out = []
    for found in lex.ZERO.finditer(text):
        if lex.ZERO_HEDGED.search(text, max(0, found.start() - 20), found.end() + 30):
            continue
        word = found["verb1"] or found["verb2"] or found["noun"] or found["noun2"]
        measure = lex.ZERO_MEASURE.get(word.split()[-1].lower())
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


def block_frames(text: str) -> list[QuantityFrame]:
    """Street blocks: "in the 12000 block of East 223rd Street" is a figure of where the
    happening was, the street its entity ("12500 block of East 223rd Street" disputes it; the
    same block of another street is another place). The number reader leaves addresses out."""
    out = []
    places = [(found, False) for found in lex.STREET_BLOCK.finditer(text)]
    places += [(found, True) for found in lex.HOUSE_NUMBER.finditer(text)]
    for found, house in places:
        value = float(found["number"].replace(",", ""))
        # A house number is in its hundred block: 14458 agrees with "the 14400 block".
        low = value // 100 * 100 if house else value
        # Whose place it is: the names written before it ("Deputy Ortiz was shot ... in the
        # 12000 block"). A street holds more than one place of a story ("the man suspected of
        # stabbing them was found ... on the 800 block" / "Luke was found on the 300 block of
        # Pioneer Road", ECB+/GVC test half): unnamed, a block can agree, never dispute.
        person = frozenset(
            key
            for word in lex.CAPITALISED.findall(text, 0, found.start())
            if word not in lex.NOT_NAMES
            for key in _name_keys(word)
        )
        out.append(
            QuantityFrame(
                text=found[0],
                span=found.span("number"),
                value=value,
                low=low,
                high=low + 99 if house else value,
                approx=None,
                measure="street block" if person else "street block (noun only)",
                unit=None,
                about=_street(found["street"]),
                person=person,
            )
        )
    return out


def _street(name: str) -> str:
    """A street's name with its street word written out ("Rixeyville Rd." -> "Rixeyville
    Road"), so two outlets' ways of writing it name one street."""
    words = name.replace(".", " ").split()
    return " ".join(
        lex.STREET_WORDS[w.lower()].title() if i and w.lower() in lex.STREET_WORDS else w
        for i, w in enumerate(words)
    )


def listed_ages(frames: Sequence[QuantityFrame]) -> list[QuantityFrame]:
    """One sentence's frames, where unnamed people listed with their ages ("a 16-year-old boy
    and 17-year-old girl are charged") become comparable: each age is of the one person its
    noun names in the list, and the others listed are kept, so that "a 17-year-old girl and
    15-year-old boy" (the same girl, another age for the boy) is a disagreement, while two
    unrelated boys' ages are not. Nouns that come twice ("a 16-year-old girl and a 14-year-old
    girl") name no one: those ages stay noun only."""
    unnamed = [
        i for i, f in enumerate(frames) if f.measure == "age (noun only)" and f.who is not None
    ]
    nouns = [frames[i].who for i in unnamed]
    if len(unnamed) < 2 or len(set(nouns)) != len(nouns):
        return list(frames)
    out = list(frames)
    for i in unnamed:
        others = frozenset(
            (f.who or "", f.value) for j, f in enumerate(frames) if j in unnamed and j != i
        )
        out[i] = replace(frames[i], measure="age (listed)", about=frames[i].who, listed_with=others)
    return out


def same_measure(a: QuantityFrame, b: QuantityFrame) -> bool:
    """Whether two frames measure one thing: measure, part, unit and entity agree."""
    if a.measure is None or b.measure is None or a.background or b.background:
        return False
    if a.part != b.part:
        return False
    if {a.measure, b.measure} <= {"street block", "street block (noun only)"}:
        return _same_name(a.about, b.about)  # whose place it is: see `relate`
    if (
        a.measure != b.measure
        and {a.measure, b.measure} <= lex.TALLIES
        and "score"
        in {
            a.measure,
            b.measure,
        }
    ):
        pass  # "Biden defeated Trump 306-232" is a tally of votes, written as a score
    elif a.measure != b.measure and _noun_of_state(a) is not None:
        # "three undersea cables were damaged" and "three undersea cables between Italy and
        # Egypt ... were damaged" (the state not read): one noun, so they can agree (the
        # noun-only side is weak, so never dispute).
        return _noun_of_state(a) == _noun_of_state(b) and (a.weak or b.weak)
    elif a.measure != b.measure:
        zero, other = (a, b) if a.value == 0 else (b, a)
        whole = (other.measure or "").split(" (")[0]
        included = lex.INCLUDES.get(zero.measure or "", frozenset()) | {zero.measure}
        return zero.value == 0 and other.value != 0 and whole in included
    if a.unit != b.unit and a.unit is not None and b.unit is not None:
        return False
    if a.measure == "fall":
        return bool(a.person & b.person)  # two climbers' falls of one story are two things
    if (a.measure or "").split(" (")[0] in lex.EVENT_MEASURES or a.weak:
        return True
    return _same_name(a.about, b.about)


def _noun_of_state(frame: QuantityFrame) -> str | None:
    """The counted noun of a frame of things: "undersea cables" of "damaged (undersea cables)"
    and of "undersea cables (noun only)"; None for other measures."""
    measure = frame.measure or ""
    if frame.weak:
        return measure.removesuffix(" (noun only)")
    state, _, noun = measure.partition(" (")
    return noun.removesuffix(")") if state in lex.THING_STATES.values() and noun else None


def _same_name(a: str | None, b: str | None) -> bool:
    """ "Putin" and "Vladimir Putin" name one person; "Joseph Horn" and "Thomas Horn" do not."""
    keys_a, keys_b = _name_keys(a), _name_keys(b)
    return bool(keys_a and keys_b) and (keys_a <= keys_b or keys_b <= keys_a)


def _name_keys(name: str | None) -> frozenset[str]:
    if not name:
        return frozenset()
    # A middle initial names no one apart: "Herbert N. Lattin" is "Herbert Lattin" (fresh6,
    # read after its untouched run: an age 35 vs 31 the initial kept apart).
    return frozenset(
        stem(w) for w in lex.WORD.findall(name) if w.lower() not in STOPWORDS and len(w) > 1
    )


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
    if a.measure == "street block" and not a.person & b.person:
        return "different"  # one street, two people's places (a suspect's, a victim's)
    if a.measure == "age (listed)" and not a.listed_with & b.listed_with:
        return "different"  # no one else listed alike: nothing says these are one person
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
