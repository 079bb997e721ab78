"""When a figure is from: this happening, another time ("in February", "last year"), or none.

Used by `align.quantities` to mark figures of background sentences, which never conflict with
the story's own figures.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Iterable, Sequence

from newsweave.model import DateMention

DateExtractor = Callable[[str, str | None], Sequence[DateMention]]

# A sentence about another time: a date that is not the story's days, or words that say so.
_PAST_CUE = re.compile(
    r"\b(?:ago|last\s+(?:year|month|major|time)|previous(?:ly)?|earlier\s+(?:this|last)\s+"
    r"(?:year|month)|in\s+the\s+past|history|historic)\b",
    re.I,
)
# A sentence about another happening told beside this one, with no date to say so: "Thieves
# also targeted the annual Cannes film festival, stealing almost $2 million" in a story of a
# Paris heist (ECB+ 24_ecbplus, a false "haul" dispute with the Paris $2.6m); "in another
# robbery". A happening verb after "also" is a second target (or a part of this happening, whose
# figure is no total either); "also said" is not matched.
_OTHER_HAPPENING = re.compile(
    r"\balso\s+(?:targeted|struck|hit|robbed|raided|attacked|stole)\b"
    r"|\b(?:another|a\s+separate|an\s+earlier|a\s+previous|a\s+similar)\s+"
    r"(?:robbery|heist|raid|attack|shooting|quake|earthquake|incident|theft|crash|fire|case)\b",
    re.I,
)

_HYPOTHETICAL = re.compile(
    r"\b(?:can|could|would|may|might)\s+(?:cause|be|have|kill|reach|leave)\b|\bif\b|\bsuch\b"
    r"|\btypically\b|\busually\b|\bon average\b",
    re.I,
)
# A modal bears on its own clause only: in "He may have been driven to suicide because ... 89
# people were arrested" the arrests are a fact. Words that open another clause:
_MODAL = re.compile(r"\b(?:can|could|would|may|might)\s+(?:cause|be|have|kill|reach|leave)\b", re.I)
_NEW_CLAUSE = re.compile(
    r"\b(?:because|since|after|which|whom|who|when|where|although|though)\b|[;:—–]", re.I
)
_CLAUSE_END = re.compile(r",\s|;|—|–|\(|:|\bwhich\b|\bwho\b")
_YEAR_OF = re.compile(r"\b(?:in|since|of|during)\s+(?:\w+\s+)?(?P<year>(?:19|20)\d\d)\b", re.I)


def is_background(text: str) -> bool:
    """Whether a sentence tells of no time at all ("a magnitude-6 quake can cause severe
    damage"): none of its figures is this happening's."""
    return bool(_HYPOTHETICAL.search(text))


def is_hypothetical_at(text: str, span: tuple[int, int]) -> bool:
    """Whether the figure at `span` is in a clause that tells of no time: the sentence has a
    general cue ("if", "such", "usually"), or a modal ("can cause", "may have") that no clause
    opener ("because", "which", ";") separates from the figure."""
    if not is_background(text):
        return False
    rest = _MODAL.sub(" ", text)
    if _HYPOTHETICAL.search(rest):
        return True  # a cue other than a modal covers the whole sentence
    for modal in _MODAL.finditer(text):
        start, end = sorted((modal.start(), span[0]))
        if not _NEW_CLAUSE.search(text, start, end):
            return True
    return False


def other_times(text: str, published: str | None, dates: DateExtractor | None) -> list[int]:
    """Where the sentence names another time: a month or year other than the story's ("in
    February", "in 2003") or words such as "ago", "last year", "previous"; or another
    happening ("also targeted", "in another robbery"). A day ("after the
    Nov. 3 election") is often a reference point of this very story and does not count."""
    day = (published or "")[:10]
    marks = [m.start() for m in _YEAR_OF.finditer(text) if m["year"] != day[:4]]
    marks += [m.start() for m in _PAST_CUE.finditer(text)]
    marks += [m.start() for m in _OTHER_HAPPENING.finditer(text)]
    if dates is not None:
        try:
            mentions = dates(text, published)
        except Exception:
            mentions = ()
        width = {"month": 7, "year": 4}
        # Without a publication day a named month or year cannot be told to be the story's own
        # ("in September", said of an earlier quake): saying less, it marks another time.
        marks += [
            m.span[0]
            for m in mentions
            if m.precision in width
            and (not day or (m.value or "")[: width[m.precision]] != day[: width[m.precision]])
        ]
    return sorted(marks)


def in_other_time(text: str, span: tuple[int, int], marks: list[int]) -> bool:
    """A mark before the figure sets its time ("In February, a 6.4 quake hit"); one after it
    only within its clause ("600 were killed in Zarand in February", not "..., confirming his
    victory in the November election")."""
    for mark in marks:
        if mark < span[0]:
            return True
        if not _CLAUSE_END.search(text, span[1], mark):
            return True
    return False


_WEEKDAY = re.compile(r"\b(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day\b")
# A weekday that dates the telling, not the happening: "..., officials said Friday", "police
# told reporters on Monday" (ECB+ 24_ecb: the Thursday robbery's "$108 million ..., officials
# said Friday" was left out as of another day).
_TOLD_ON = re.compile(
    r"\b(?:said|says|told(?: \w+)?|announced|reported|confirmed|added|stated)"
    r"(?: on)? (?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day\b"
)


def articles_of_another_day(
    sentences: Iterable[tuple[str, int, str]], main: str | None
) -> set[str]:
    """Undated articles whose first weekday named for a happening is not the story's
    (`story_weekday`); `sentences` are (article id, offset, text) of undated articles. Such an
    article tells of another day's happening even where a sentence names no day: in a story of
    Sunday's quake, the report that "a magnitude-5.2 quake has injured three people", then
    "Monday's earthquake was the second one to hit Qeshm" (ECB+ 20_5ecb) made false disputes of
    Sunday's 5.6 and five hurt. Its figures and clock times are that other day's."""
    if main is None:
        return set()
    first: dict[str, tuple[int, set[str]]] = {}
    for article, offset, text in sentences:
        named = _happening_weekdays(text)
        if named and (article not in first or offset < first[article][0]):
            first[article] = (offset, named)
    return {article for article, (_, named) in first.items() if main not in named}


def _happening_weekdays(text: str) -> set[str]:
    """The weekdays a sentence names, those of its telling ("said Friday") left out."""
    return set(_WEEKDAY.findall(_TOLD_ON.sub(" ", text)))


def story_weekday(texts: Iterable[str]) -> str | None:
    """The weekday an undated story's sentences name most ("Sunday" for a quake told as "hit
    southern Iran on Sunday"), None when none or a tie."""
    counts: Counter[str] = Counter(str(day) for text in texts for day in _happening_weekdays(text))
    ranked = counts.most_common(2)
    if not ranked or (len(ranked) == 2 and ranked[0][1] == ranked[1][1]):
        return None
    return ranked[0][0]


def on_another_weekday(text: str, main: str | None) -> bool:
    """Whether an undated sentence names only weekdays other than the story's (`story_weekday`):
    "On Saturday, more than a dozen people were killed by a quake in eastern China" in a story
    of Sunday's quake; or a later day's figure, which undated can be neither an update nor a
    dispute of the first day's."""
    if main is None:
        return False
    named = _happening_weekdays(text)
    return bool(named) and main not in named
