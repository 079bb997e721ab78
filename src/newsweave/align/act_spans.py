"""How long one act of the happening lasted, read from the verb a duration is written with:
"a tense two hours while police negotiated the suspect's exit" / "for almost three hours while
they negotiated with the suspect" / "police spent about two hours negotiating with the suspect"
(ECB+ 18_ecb, tune row q035). A bare duration ("two hours") says nothing of what lasted, so
the figure rules leave it noun only; with its act written in one of three frames it is a measure
of that act (`quantities`: "time spent", about the act), compared only with the same act:
- the act before the span: "negotiated for two hours", "battled the blaze for eight hours";
- a span spent on the act: "spent about two hours negotiating";
- the act the span runs beside: "two hours while police negotiated", "as police negotiated".
Left unread, so that a span only ever measures one finished act of the story:
- an act still going on (a perfect or progressive before the span: "have been searching for
  three days", "had been separated for about three weeks"): it grows with the telling;
- a gap, not a length ("four hours later as they emerged", "fired four days earlier"), and a
  span "of" something ("five days of rioting": riots told on several days);
- a penalty (sentenced, jailed, suspended ... for): a term of one person's case, which
  `quantities` keeps noun only;
- a span told as speech ("for two hours, as police said").
Over every ECB+ and GVC story (each article its own voice, session 25) these frames read 15
durations; the only two acts told by two articles with values that differ are the 18_ecb
negotiation above (two hours vs almost three: one conflict, the labelled one).
"""

from __future__ import annotations

import re

__all__ = ["act_of_span"]

_UNIT = r"(?:hours?|minutes?|days?|weeks?|months?|seconds?)"
# A clause ends at these; an act in another clause is not the span's.
_CLAUSE = re.compile(r"[,;:()\[\]—–]|\.\s")
_BEFORE = re.compile(
    r"\b(?P<verb>[a-z]{3,}ed)\s+(?:[a-z]+\s+){0,3}?for\s+(?:the\s+(?:next|first|last|past)\s+)?$"
)
_SPENT = re.compile(r"\bsp(?:ent|end|ends|ending)\s+(?:the\s+(?:next|first|last|past)\s+)?$")
_SPENT_ON = re.compile(rf"^[\s-]*{_UNIT}\s+(?P<verb>[a-z]{{3,}}ing)\b")
_BESIDE = re.compile(
    rf"^[\s-]*{_UNIT}\b(?P<between>[^,;:.()]{{0,30}}?)\b(?:while|as)\s+(?:[a-z']+\s+){{0,2}}?"
    r"(?P<verb>[a-z]{3,}ed)\b"
)
# "have been searching for", "had been separated for": still going on at the telling.
_ONGOING = re.compile(r"\b(?:has|have|had|been|is|are|am|'s|'ve)\b")
_GAP = re.compile(rf"^[\s-]*{_UNIT}\s+(?:later|earlier|ago|before|after|afterwards|of|since)\b")
_NOT_ACTS = frozenset(
    {
        # a term of one person's case
        "sentenced", "jailed", "imprisoned", "suspended", "banned", "barred", "convicted",
        "hospitalized", "hospitalised", "detained", "grounded", "fined",
        # speech
        "said", "reported", "added", "noted", "confirmed", "stated", "explained", "claimed",
        "alleged", "announced", "told", "tweeted", "posted",
        # "scheduled for", "planned for": what is to come
        "scheduled", "planned", "expected", "slated", "delayed", "postponed",
    }
)  # fmt: skip


def act_of_span(text: str, span: tuple[int, int]) -> str | None:
    """The act the duration at `span` of `text` measures, as its "-ing" word ("negotiating"),
    or None when no frame above reads one."""
    start, end = span
    left = _CLAUSE.split(text[:start])[-1].lower()
    right = text[end:].lower()
    right = right[: m.start()] if (m := _CLAUSE.search(right)) else right
    if _GAP.match(right):
        return None
    verb = _verb(left, right)
    if verb is None or verb in _NOT_ACTS:
        return None
    return _ing(verb)


def _verb(left: str, right: str) -> str | None:
    """The verb of the first frame that reads, None when none does or the act goes on."""
    if (found := _BEFORE.search(left)) is not None:
        ongoing = _ONGOING.search(left[: found.start()]) or _ONGOING.search(found[0])
        return None if ongoing else found["verb"]
    if _SPENT.search(left) and (found := _SPENT_ON.match(right)) is not None:
        return found["verb"]
    found = _BESIDE.match(right)
    return found["verb"] if found is not None and not _ONGOING.search(found["between"]) else None


def _ing(verb: str) -> str:
    """ "negotiated" -> "negotiating"; an "-ing" word is kept."""
    if verb.endswith("ing"):
        return verb
    if verb.endswith("ied"):
        return verb[:-3] + "ying"
    return verb[:-2] + "ing"
