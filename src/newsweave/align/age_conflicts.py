"""A named person's age told two ways: "61-year-old Sharron Diane Crawford Smith" vs
"Sixty-year-old Sharron Diane Crawford Smith" (ECB+ 22_ecb, read on split fresh19's misses in
session 18).

A news story gives a named person one age at the time of the telling. The figure rules read an
age as a measure of whoever the sentence is about and do not tie it to a name, so this rule
reads the two common forms itself and says less whenever it can:
- the age is written right beside a full name: "N-year-old NAME" (digits or words,
  "Sixty-year-old") or "NAME, N," / "NAME, age N" / "NAME, aged N";
- the person is one full name: at least a given name and a surname, titles before it dropped,
  keyed by the first and the last word ("Sharron Diane Crawford Smith" and "Sharron Smith" are
  one person, "Jim Smith" and "Sharron Smith" two; "Jr." and "Sr." keep a father from his son);
  a bare surname ("Smith, 60") or "a 60-year-old woman" names no one and is not read;
- an age told of another time is left out: "then 25", "at the time", "when ...";
- the sentences that hold the two ages are published at most `_MAX_DAYS` apart (undated ones
  count as the story's day): an age told a year later is another age, not a dispute;
- two independent voices, two ages, and no voice writes both (`two_forms_conflict`).
Read over every ECB+ and GVC story (each article its own voice), it reads 619 ages of 394
named people, 108 of them told by two or more articles, and reports three conflicts, all real:
Sharron Smith 60 vs 61 (22_ecb), Robert Buckley 31 vs 32 (23_ecbplus), Herbert Lattin 31 vs 35
(GVC 711921); a later-step guard keeps out Jose Luis Orozco 27 (sought, 2005) vs 29 (convicted,
2007).
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Sequence

from newsweave.align.conflict_base import Statement, days_apart
from newsweave.align.per_text import kept_per_text
from newsweave.align.place_conflicts import two_forms_conflict
from newsweave.extract.numbers import _ONES as _UNITS
from newsweave.extract.numbers import _TENS
from newsweave.model import Conflict

__all__ = ["age_conflicts", "named_ages"]

# Ages told at most this many publication days apart are one age at one telling.
_MAX_DAYS = 7

# An age written out ("Sixty-year-old"), in the figure reader's number words.
_WORD_AGE = (
    r"(?:(?:" + "|".join(_TENS) + r")(?:-(?:" + "|".join(list(_UNITS)[:9]) + r"))?"
    r"|" + "|".join(_UNITS) + r")"
)
# One word of a person's name: capitalised ("Sharron", "O'Neal", "McDermott"), or an initial.
_NAME_WORD = r"(?:[A-Z][a-z]{0,2}['\u2019]?[A-Z]?[a-z]{1,20}(?:-[A-Z][a-z]{1,20})?|[A-Z]\.)"
_SUFFIX = r"(?:,?\s(?:Jr\.|Sr\.|II|III|IV))?"
_NAME = rf"(?P<name>{_NAME_WORD}(?:\s{_NAME_WORD}){{1,4}}{_SUFFIX})"
# A person noun right after "N-year-old NAME" makes the capitalised words an attribute, not a
# name ("a 35-year-old New Bedford man", "the 29-year-old Hawaiian Gardens gang member").
_ATTRIBUTE = re.compile(
    r"\s(?:man|woman|men|women|boy|boys|girl|girls|teen|teens|teenager|resident|residents|"
    r"native|youth|mother|father|couple|student|students|driver|motorist|hunter|climber|"
    r"officer|deputy|suspect|gang|gangmember|member|gunman|victim|player|worker|employee|"
    r"veteran|grad|graduate|senior|junior|sophomore|freshman|trooper|soldier|mom|dad|son|"
    r"daughter)\b"
)
_BEFORE = re.compile(
    rf"\b(?i:(?P<age>\d{{1,3}}|{_WORD_AGE})[-\s]years?[-\s]old)\s(?:[a-z]+\s)?" + _NAME + r"\b"
)
# "has died in Los Angeles, aged 85": a place after a preposition is no name.
_PLACE_BEFORE = re.compile(r"\b(?:in|at|near|into|outside)\s$")
_AFTER = re.compile(_NAME + r",\s(?:age\s|aged\s)?(?P<age>\d{1,3})(?=,|\)|\.(?:\s|$)|;)")
# Words before a name that are a title or a role, not the name ("Police Chief Jim Williams").
_TITLE_WORDS = """
    mr mrs ms miss dr rev sgt lt capt cpt col gen officer deputy detective chief police
    sheriff trooper coach president senator sen rep gov governor mayor judge justice
    professor prof director actor actress singer rapper star player guard forward center
    quarterback pitcher defendant suspect victim pastor father mother brother sister
    former the a an and his her their lawyer attorney sergeant lieutenant captain
    councilman councilwoman commissioner superintendent principal teacher in on at of
    unemployed freshman sophomore junior senior englishman"""
_TITLES = frozenset(_TITLE_WORDS.split())
_NOT_NAME_WORDS = """
    january february march april may june july august september october november december
    jan feb mar apr jun jul aug sep sept oct nov dec monday tuesday wednesday thursday friday
    saturday sunday county school park city street girl boy man woman shot killed dies
    dead high"""
_NOT_NAMES = frozenset(_NOT_NAME_WORDS.split())
# An age of another time than the telling.
_OTHER_TIME = re.compile(
    r"\b(?:then|at\s+the\s+time|when|while|was\s+(?:only|just)|had\s+been|in\s+(?:19|20)\d\d)\b",
    re.IGNORECASE,
)
# A later step of a case: an age told at a verdict or a sentencing is told months or years
# after the one told at the arrest ("Orozco, 27," sought in 2005; "Orozco, 29," convicted in
# 2007: ECB+ 16_ecbplus), and undated articles cannot say how far apart.
_LATER_STEP = re.compile(
    r"\b(?:convicted|convict|conviction|guilty|sentenced|sentencing|sentence|trial|jury|jurors|"
    r"verdict|pleaded|pleads|plea|acquitted|appeal|appeals|parole|paroled|executed|"
    r"anniversary|years\s+ago|years\s+later|years\s+after)\b",
    re.IGNORECASE,
)


def _age(text: str) -> int | None:
    word = text.lower()
    if word.isdigit():
        return int(word)
    if word in _UNITS:
        return _UNITS[word]
    tens, _, unit = word.partition("-")
    if tens not in _TENS or (unit and unit not in _UNITS):
        return None
    return _TENS[tens] + (_UNITS[unit] if unit else 0)


def _person(name: str) -> str | None:
    """'First Last' (with a suffix) of a full name, the words up to its last title dropped;
    None unless two words are left and none is a month or a weekday."""
    suffix = ""
    found = re.search(r",?\s(Jr\.|Sr\.|II|III|IV)$", name)
    if found:
        suffix, name = " " + found[1], name[: found.start()]
    words = name.split()
    titles = [i for i, w in enumerate(words) if w.lower().rstrip(".") in _TITLES]
    if titles:
        words = words[titles[-1] + 1 :]  # "Staunton Police Chief Jim Williams": Jim Williams
    if len(words) < 2 or any(w.lower().rstrip(".") in _NOT_NAMES for w in words):
        return None
    if words[0].endswith(".") or words[-1].endswith("."):
        return None  # an initial alone is no given name to key on; "St." ends no name
    return f"{words[0]} {words[-1]}{suffix}"


@kept_per_text
def named_ages(text: str) -> list[tuple[str, int]]:
    """(person, age) of each full name the sentence gives an age at the telling."""
    out: list[tuple[str, int]] = []
    if _LATER_STEP.search(text):
        return out
    for pattern in (_BEFORE, _AFTER):
        for match in pattern.finditer(text):
            if pattern is _BEFORE and _ATTRIBUTE.match(text, match.end()):
                continue
            if pattern is _AFTER and _PLACE_BEFORE.search(text, 0, match.start()):
                continue
            near = text[max(0, match.start() - 30) : match.end() + 30]
            if _OTHER_TIME.search(near):
                continue
            age = _age(match["age"])
            person = _person(match["name"])
            if age is None or not 0 < age < 120 or person is None:
                continue
            out.append((person, age))
    return out


def _close_in_time(statements: Sequence[Statement], held: Sequence[int]) -> bool:
    days = sorted({statements[i].day for i in held} - {""})
    if len(days) < 2:
        return True
    apart = days_apart(days[0], days[-1])
    return apart is not None and apart <= _MAX_DAYS


def age_conflicts(story_id: str, statements: Sequence[Statement]) -> list[Conflict]:
    """Conflicts (basis "number") on a named person's age at the telling."""
    held: dict[str, dict[str, list[int]]] = defaultdict(lambda: defaultdict(list))
    for index, statement in enumerate(statements):
        for person, age in named_ages(statement.evidence.text):
            held[person][str(age)].append(index)
    out: list[Conflict] = []
    for person, forms in sorted(held.items()):
        if not _close_in_time(statements, [i for h in forms.values() for i in h]):
            continue
        out += two_forms_conflict(
            story_id, f"age of {person}", dict(forms), statements, mentions=False,
            basis="number",
        )  # fmt: skip
    return out
