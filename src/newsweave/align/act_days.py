"""The day of one violent act told two ways: "On Saturday night, Ezekiel Melendez was shot by his
14-year-old brother Jacob" vs "A 14-year-old boy accidentally shot and killed his 9-year-old
brother in Perris Saturday afternoon" (GVC 341451, split fresh3).

The part of a weekday is read by `align.slot_conflicts` too, but only between sentences close in
meaning or naming one happening noun beside both; two outlets that date one shooting say
different things about it (cosine 0.48 above). This rule reads a narrower frame instead and
places each act on a time line, every day resolved against its own article's publication day
(`extract.dates`: "yesterday" in Tuesday's paper and "Monday" in Wednesday's are one day):
- the act is a shooting, a stabbing or a killing, named by its verb or noun within `_REACH`
  words of the one day the sentence names (several days in a sentence: which one dates the act
  is not read); a day after a telling verb ("said Saturday") dates the telling;
- the act befalls someone both sentences name: a shared age ("14-year-old") or surname; a
  death, an arrest or a charge is another act (a later development), never compared;
- each day is a window of hours: a bare day runs into the small hours of the next ("a shooting
  Saturday" at 12:30 a.m. Sunday), a part of the day is its span (a night reaches 5 a.m.),
  "early" is before 8 a.m., "late" after 6 p.m., "noon" one hour around it; a day written
  relative to the article ("yesterday", "last night", "this morning") may be one day off when
  the article went out after midnight, so its window widens by a day either side;
- two windows that meet agree (an afternoon and an evening can be one 5.35 p.m.); windows apart
  in two sentences of two independent voices disagree, unless the days are more than
  `_MAX_DAYS` apart (another happening recalled) or a voice of the pair places the act of that
  person in two windows that do not meet (it tells of two acts).
Clock times are left to `align.clock_conflicts`; a hedged time within the hour of another
("about 8:30 a.m." / "around 8 AM") agrees there, and so does a zone a sentence states.
Read over every ECB+ and GVC story (each article its own voice, session 26): 126 act days, 92
pairs of one act of one person told by two articles, one conflict (the one above, real).
Arrests, deaths, fires and crashes added to the acts made no pair of times apart there, so
they are not read: an arrest or a death is a later development of a shooting, and a fire or a
crash befalls no named person to key it on.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from newsweave.align.conflict_base import FIRST_PERSON, DateExtractor, Statement, guarded
from newsweave.align.place_conflicts import two_forms_conflict
from newsweave.model import Conflict

__all__ = ["ActDay", "act_day_conflicts", "act_days"]

# Acts that befall one person once, by class; "shot and killed" is both.
_ACT_WORDS = {
    "shoot": ("shot", "shooting", "gunned down"),
    "stab": ("stabbed", "stabbing"),
    "kill": ("killed", "killing", "slain", "slaying", "murdered"),
}
_ACT_OF = {word: act for act, words in _ACT_WORDS.items() for word in words}
_ACT = re.compile(
    r"\b(?:" + "|".join(sorted(_ACT_OF, key=len, reverse=True)).replace(" ", r"\s+") + r")\b",
    re.I,
)
# Words between an act's verb (or noun) and the day that dates it.
_REACH = 6
_NOUN_REACH = 1
# "shot and killed", "shot dead", "fatally shot": one act of both classes.
_JOINED = re.compile(r"(?:shot|stabbed)\s+(?:and\s+killed|dead|to\s+death)\b", re.I)
_JOINED_AFTER = re.compile(
    r"\b(?:(?:shot|stabbed)\s+and\s+killed|fatally\s+(?:shot|stabbed))$", re.I
)
_BOTH = {"shoot", "kill"}
_WORDS = re.compile(r"\S+")
_TOLD = re.compile(
    r"\b(?:said|says|told(?: \w+)?|announced|reported|confirmed|added|stated)(?: on)?\s*$", re.I
)
_ISO_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")
# Days further apart than this are two happenings (one recalled), not one act misdated.
_MAX_DAYS = 7
# Hours of a day (0 = its midnight) each way of writing a day stands for.
_PART_HOURS = {
    "morning": (5, 12),
    "afternoon": (12, 18),
    "evening": (17, 22),
    "night": (19, 29),
    "tonight": (17, 29),
}
_BARE_DAY = (0, 29)
_HOURS = _PART_HOURS | {"early": (0, 8), "late": (18, 29), "noon": (11, 13)}
_PART = re.compile(r"\b(morning|afternoon|evening|night|tonight)\b", re.I)
_RELATIVE = re.compile(r"\b(?:yesterday|today|tonight|last\s+night|this\s+\w+)\b", re.I)
_AGE = re.compile(r"\b(\d{1,3})[- ]years?[- ]old\b", re.I)
_NAME = re.compile(r"\b[A-Z][a-z]+(?:\s+[A-Z]\.)?(?:\s+[A-Z][a-z]+)+")
_PLACE_BEFORE = re.compile(r"\b(?:in|on|at|of|near|from|the)\s+$", re.I)
_NOT_NAMES = {
    "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday", "Police",
    "County", "Street", "Avenue", "Road", "Department", "Office", "City", "Park", "Drive",
    "Lane", "Court", "Center", "Hospital", "News", "Sheriff", "Deputies", "Officers",
}  # fmt: skip


@dataclass(frozen=True, slots=True)
class ActDay:
    """One act a sentence dates: its class, whom it befalls (ages and surnames as keys), the
    day it was on (ISO) and the hours of that day it may have been in."""

    act: str
    people: frozenset[str]
    day: str
    # How the day is written: "night", "early", "noon" ... ("" for a bare day).
    part: str
    # Written relative to the article ("yesterday", "last night").
    relative: bool


def act_days(text: str, published: str | None, dates: DateExtractor) -> list[ActDay]:
    """The acts a sentence dates to a day (see the module docstring); [] when it names no
    day, several days or nobody."""
    if FIRST_PERSON.search(text) or not _ACT.search(text):
        return []
    days = [
        m
        for m in guarded(lambda: dates(text, published))
        if m.precision == "day"
        and _ISO_DAY.fullmatch(m.value or "")
        and not _TOLD.search(text[: m.span[0]])
    ]
    if len({m.value for m in days}) != 1:
        return []
    people = _people(text)
    if not people:
        return []
    found: dict[str, ActDay] = {}
    for mention in days:
        part = _part(text, mention.text, mention.span)
        relative = bool(_RELATIVE.search(mention.text))
        for act in _acts_beside(text, mention.span):
            found.setdefault(act, ActDay(act, people, str(mention.value), part, relative))
    return list(found.values())


def _acts_beside(text: str, span: tuple[int, int]) -> set[str]:
    """The acts a day dates: a verb within `_REACH` words either side of it, a noun right
    beside it ("a shooting Saturday", "Saturday night's shooting"; a noun further off is what a
    sentence is about, not what its day dates: "critical condition Friday night" after "an
    accidental shooting")."""
    out = set()
    for match in _ACT.finditer(text):
        if match.start() < span[1] and span[0] < match.end():
            continue
        if match.end() <= span[0]:
            between = text[match.end() : span[0]]
        else:
            between = text[span[1] : match.start()]
        word = re.sub(r"\s+", " ", match.group(0).lower())
        reach = _NOUN_REACH if word.endswith("ing") else _REACH
        if len(_WORDS.findall(between)) <= reach:
            joined = _JOINED.match(text, match.start()) or _JOINED_AFTER.search(
                text, max(0, match.start() - 20), match.end()
            )
            out |= _BOTH if joined else {_ACT_OF[word]}
    return out


def _part(text: str, written: str, span: tuple[int, int]) -> str:
    """The part of its day a day mention names, by its own words, the word right after it
    ("yesterday afternoon": the dates stage reads "yesterday") or "noon" beside it."""
    lower = written.lower() + " " + " ".join(text[span[1] :].split()[:1]).lower()
    if part := _PART.search(lower):
        return part.group(1)
    if "early" in lower:
        return "early"
    if "late" in lower:
        return "late"
    if re.search(r"\bnoon\b", text[max(0, span[0] - 20) : span[1] + 20], re.I):
        return "noon"
    return ""


def _window(item: ActDay) -> tuple[int, int]:
    """The hours (from the epoch's midnight) an act day may be in."""
    start, end = _HOURS.get(item.part, _BARE_DAY)
    if item.relative:
        start, end = start - 24, end + 24
    base = date.fromisoformat(item.day).toordinal() * 24
    return base + start, base + end


def _people(text: str) -> frozenset[str]:
    """Whom a sentence names: its ages and the last word of each name."""
    ages = {f"age {m.group(1)}" for m in _AGE.finditer(text)}
    names = set()
    for match in _NAME.finditer(text):
        if _PLACE_BEFORE.search(text, max(0, match.start() - 6), match.start()):
            continue  # "in Santa Cruz", "on the Lower East Side": a place, not whom it befalls
        words = [w for w in match.group(0).split() if w not in _NOT_NAMES]
        if len(words) >= 2:
            names.add(words[-1].lower())
    return frozenset(ages | names)


def act_day_conflicts(
    story_id: str, statements: Sequence[Statement], dates: DateExtractor | None
) -> list[Conflict]:
    """Conflicts (basis "date") on the day of one act that befalls one person."""
    if dates is None:
        return []
    read = [act_days(s.evidence.text, s.published, dates) for s in statements]
    # (act, person) -> [(statement, its act day)]
    held: dict[tuple[str, str], list[tuple[int, ActDay]]] = defaultdict(list)
    for index, found in enumerate(read):
        for item in found:
            for person in item.people:
                held[(item.act, person)].append((index, item))
    out: list[Conflict] = []
    seen: set[tuple[tuple[int, ...], ...]] = set()
    for (_act, _person), items in sorted(held.items()):
        torn = {
            statements[i].voice
            for i, a in items
            for j, b in items
            if statements[i].voice == statements[j].voice and not _meet(a, b)
        }
        sides: dict[str, set[int]] = defaultdict(set)
        for x, (i, a) in enumerate(items):
            for j, b in items[x + 1 :]:
                voices = {statements[i].voice, statements[j].voice}
                if len(voices) < 2 or voices & torn or _meet(a, b):
                    continue
                if abs(_ordinal(a.day) - _ordinal(b.day)) > _MAX_DAYS:
                    continue
                sides[_label(a)].add(i)
                sides[_label(b)].add(j)
        key = tuple(sorted(tuple(sorted(v)) for v in sides.values()))
        if len(sides) != 2 or key in seen:
            continue
        seen.add(key)
        first = min(i for held_by in sides.values() for i in held_by)
        topic = f"day of: {statements[first].evidence.text}"
        forms = {form: sorted(held_by) for form, held_by in sides.items()}
        out += two_forms_conflict(story_id, topic, forms, statements, mentions=False, basis="date")
    return out


def _meet(a: ActDay, b: ActDay) -> bool:
    """Whether two act days can be one moment: their hour windows meet (touching is meeting)."""
    (start_a, end_a), (start_b, end_b) = _window(a), _window(b)
    return start_a <= end_b and start_b <= end_a


def _ordinal(day: str) -> int:
    return date.fromisoformat(day[:10]).toordinal()


def _label(item: ActDay) -> str:
    """A position as the reader sees it: the day and its part ("2015-05-16 night")."""
    return f"{item.day} {item.part}".strip()
