"""When one long-standing thing began, told as a span and as a start year: "the mandatory,
independent consultations federal scientists have performed for 35 years" (an article of 2009:
since about 1974) vs "the long-standing requirement _ dating back to 1986 _ of interagency
consultation" (ECB+ 9_ecbplus, split fresh14 t605, read after its untouched run).

A span "for N years" runs up to the day its article was written, so it is read only against
that article's publication year, and only in the frame that says so and nothing else:
- the span is in a perfect tense ("have performed for 35 years", "has been in place for 20
  years"), exact (no "more than", "nearly", "about": a bound or a rounding), at least
  `_MIN_YEARS` long, in a sentence naming no year and no other span;
- the start is "since 1986" or "dating back to 1986", the sentence's one year;
- a person's own span (lived, worked, served, married, coached...) is not read: a story names
  many people's tenures, and one person's start is not another's; nor a last time ("the first
  win since 2005", "has not had a government since 1991", "for the first time in 20 years");
- the two share what began: one content word written within `_THING_REACH` words of the span
  on one side and of the start on the other ("consultations" / "consultation");
- the two starts are more than `_SLACK_YEARS` apart (a span's anchor is a year either side:
  "for 35 years" written in 2009 is 1973 or 1974), from two independent voices, and no voice
  writes both.
Over every ECB+ and GVC story (each article its own voice, the publication day read from the
text when no metadata gives it), one sentence reads as a span (the one above) and 14 as a
"since" start before the last-time words were left out (session 16: a first win, a first
death, the first time since 1980), 7 after (Somalia's conflict since 1991, a record that had
stood since 1999, ...); the rule reports one conflict, the real one above.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Sequence

from newsweave.align.conflict_base import FIRST_PERSON, Statement
from newsweave.align.per_text import kept_per_text
from newsweave.align.place_conflicts import two_forms_conflict
from newsweave.model import Conflict

__all__ = ["span_conflicts", "span_starts"]

_NUMBER_WORDS = {
    "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11,
    "twelve": 12, "fifteen": 15, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50,
}  # fmt: skip
# "have performed for 35 years", "has been in place for the past 20 years".
_SPAN = re.compile(
    r"\b(?:have|has|had)\b(?P<between>[^.;:]{0,80}?)\bfor\s+(?:the\s+(?:past|last)\s+)?"
    r"(?P<n>\d{1,3}|" + "|".join(_NUMBER_WORDS) + r")\s+years\b",
    re.I,
)
_HEDGE = re.compile(
    r"\b(?:more than|over|nearly|almost|about|around|roughly|some|at least|up to|under)\s+"
    r"(?:the\s+(?:past|last)\s+)?$",
    re.I,
)
_START = re.compile(
    r"\b(?:since|dating back to|dates back to|date back to|dated back to)\s+"
    r"(?P<year>(?:19|20)\d{2})(?![\w-]|\s*(?:-|–|to|and)\s*\d)",
    re.I,
)
_YEAR = re.compile(r"(?<![\d$])(?:19|20)\d{2}(?!\d)")
_ANY_SPAN = re.compile(r"\b\w{1,12}\s+years\b", re.I)
# A person's own span: many people's tenures are told in a story, each with its own start.
_PERSONAL = re.compile(
    r"\b(?:lived|live|lives|living|worked|work|works|working|served|serve|serving|married|"
    r"coached|taught|owned|known|employed|played|attended|volunteered|resided|been with|"
    r"been at|been there|been here|been in office|been a|been an|been the|been his|been her)\b",
    re.I,
)
# "their first division title since 2000", "hasn't scored a notable win since 2005", "the fifth
# time since 2013": the last time something happened, not when a lasting thing began (most
# "since YEAR" sentences of ECB+/GVC are these).
_LAST_TIME = re.compile(r"\b(?:first|last|not|never|only|times?|ever)\b|n't\b", re.I)
_MIN_YEARS = 5
_SLACK_YEARS = 2
_THING_REACH = 6
_CONTENT = re.compile(r"[A-Za-z]{5,20}")
_NOT_A_THING = {
    "years", "since", "dating", "about", "which", "their", "there", "these", "those", "other",
    "after", "before", "while", "where", "federal", "state", "local", "national", "public",
    "people", "officials", "official", "agency", "agencies", "government", "department",
    "according",
}  # fmt: skip


def _things(words: list[str]) -> set[str]:
    """Content words as keys (plural -s dropped: "consultations" is "consultation")."""
    out = set()
    for word in words:
        for token in _CONTENT.findall(word):
            key = token.lower()
            if key not in _NOT_A_THING:
                out.add(key[:-1] if key.endswith("s") and not key.endswith("ss") else key)
    return out


def _near(text: str, start: int, end: int) -> set[str]:
    """The content words within `_THING_REACH` words either side of text[start:end]."""
    before = text[:start].split()[-_THING_REACH:]
    after = text[end:].split()[:_THING_REACH]
    return _things(before + after)


@kept_per_text
def span_starts(text: str, published: str | None) -> list[tuple[int, frozenset[str], str]]:
    """The start a sentence gives one thing, as (year, what began, how it is told): from a
    span, the publication year minus it; from "since 1986", that year. [] when unsure."""
    if FIRST_PERSON.search(text) or _PERSONAL.search(text) or _LAST_TIME.search(text):
        return []
    years = _YEAR.findall(text)
    spans = list(_SPAN.finditer(text))
    if spans:
        if years or len(spans) != 1 or len(_ANY_SPAN.findall(text)) != 1:
            return []
        span = spans[0]
        if _HEDGE.search(text, max(0, span.start("n") - 30), span.start("n")):
            return []
        n = span["n"]
        count = int(n) if n.isdigit() else _NUMBER_WORDS[n.lower()]
        year = (published or "")[:4]
        if count < _MIN_YEARS or not year.isdigit():
            return []
        near = _near(text, span.start(), span.end()) | _things(span["between"].split())
        told = f"{count} years (since about {int(year) - count})"
        return [(int(year) - count, frozenset(near), told)] if near else []
    starts = list(_START.finditer(text))
    if len(starts) != 1 or len(years) != 1 or _ANY_SPAN.search(text):
        return []
    start = starts[0]
    near = _near(text, start.start(), start.end())
    return [(int(start["year"]), frozenset(near), f"since {start['year']}")] if near else []


def span_conflicts(story_id: str, statements: Sequence[Statement]) -> list[Conflict]:
    """Conflicts (basis "date") on when one long-standing thing began (module docstring)."""
    # thing -> (from a span?, year, told) -> statements
    held: dict[str, dict[tuple[bool, int, str], list[int]]] = defaultdict(lambda: defaultdict(list))
    for index, statement in enumerate(statements):
        for year, things, told in span_starts(statement.evidence.text, statement.published):
            for thing in things:
                held[thing][(told[0].isdigit(), year, told)].append(index)
    out: list[Conflict] = []
    seen: set[tuple[tuple[int, ...], ...]] = set()
    for _thing, by_start in sorted(held.items()):
        from_spans = [k for k in by_start if k[0]]
        from_years = [k for k in by_start if not k[0]]
        # One span against one start year: each side says one thing of it.
        if len(from_spans) != 1 or len(from_years) != 1:
            continue
        (span,), (start,) = from_spans, from_years
        if abs(span[1] - start[1]) <= _SLACK_YEARS:
            continue
        forms = {span[2]: by_start[span], start[2]: by_start[start]}
        sides = tuple(sorted(tuple(sorted(h)) for h in forms.values()))
        if sides in seen:
            continue
        seen.add(sides)
        first = min(i for h in forms.values() for i in h)
        topic = f"since when: {statements[first].evidence.text}"
        out += two_forms_conflict(story_id, topic, forms, statements, mentions=False, basis="date")
    return out
