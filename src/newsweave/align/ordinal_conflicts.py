"""Ordinals of one role: "Cheeks ... is the fourth head coach since King took over" vs "Cheeks
will be the fifth Sixers coach in four years" (ECB+ 5_ecbplus, audit 10).

An ordinal is no count, so the figure rules never see it (`extract.numbers` reads "fourth" as no
number on purpose: "the fourth quarter", "his second DWI" are not quantities). One narrow frame
is a figure all the same: a named person who *is* (was, will be, becomes) the Nth holder of an
office. Two independent voices that give the same person two ordinals of the same office word
disagree on how many held it before. Only offices (`_OFFICES`), only a name right before the
verb (the subject), and never when one voice writes both ordinals.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Sequence

from newsweave.align.conflict_base import Statement
from newsweave.align.place_conflicts import two_forms_conflict
from newsweave.model import Conflict

__all__ = ["ordinal_conflicts"]

_ORDINALS = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7,
    "eighth": 8, "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12,
}  # fmt: skip
# Offices whose holders are counted in order ("the fifth Sixers coach", "the 44th president").
_OFFICES = (
    "coach|manager|president|chairman|chairwoman|chair|director|captain|host|governor|mayor|"
    "secretary|minister|premier|commissioner|superintendent|chancellor|editor|anchor|ceo|pope|"
    "prime minister|chief executive|general manager|head coach"
)
_FRAME = re.compile(
    r"\b(?P<subject>[A-Z][a-z]{2,})(?:,[^,;]{1,160},)?\s+"
    r"(?:is|was|will\s+be|would\s+be|becomes|became|will\s+become|is\s+to\s+be)\s+"
    r"(?:the|[A-Z][\w'’]*['’]s)\s+"
    r"(?P<ordinal>" + "|".join(_ORDINALS) + r"|[1-9]\d{0,2}(?:st|nd|rd|th))\s+"
    r"(?:[\w'’-]+\s+){0,2}?"
    r"(?P<office>" + _OFFICES + r")s?\b",
    re.I,
)


def ordinal_conflicts(story_id: str, statements: Sequence[Statement]) -> list[Conflict]:
    """Conflicts (basis "number") on the ordinal of a named person's office."""
    held: dict[tuple[str, str], dict[str, list[int]]] = defaultdict(lambda: defaultdict(list))
    for index, statement in enumerate(statements):
        for match in _FRAME.finditer(statement.evidence.text):
            if not match["subject"][0].isupper():
                continue  # re.I lets "he" through; the subject must be a name
            office = match["office"].lower().split()[-1]  # "head coach" is a coach
            ordinal = match["ordinal"].lower()
            value = _ORDINALS.get(ordinal) or int(re.sub(r"\D", "", ordinal))
            held[(match["subject"], office)][_ordinal_word(value)].append(index)
    out: list[Conflict] = []
    for (subject, office), by_ordinal in sorted(held.items()):
        topic = f"which {office} {subject} is"
        out += two_forms_conflict(
            story_id, topic, dict(by_ordinal), statements, mentions=False, basis="number"
        )
    return out


def _ordinal_word(value: int) -> str:
    """ "4th", "21st": one form for "fourth" and "4th"."""
    suffix = "th" if 10 <= value % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(value % 10, "th")
    return f"{value}{suffix}"
