"""Places that outlets write two ways: the street word of one address.

"1094 Misty Hollow Lane" in one outlet, "1094 Misty Hollow Court" in another; "the home on
Skyline Road" vs "a home on Skyline Drive" (GVC 281766, 677186). One street name with two street
words is one address misreported when it is the address of a home or a house number
(`_ADDRESS_CUE` before it); a bare mention ("Main Street and Main Avenue") may be two streets of
one town and is left alone. Only between independent voices, and never when a voice writes both
forms anywhere (it knows of two streets).

Tried and left out (session 11): a person's home town ("LaSalle, 36, of Minneapolis" vs "of
Bloomington", ECB+ 21_ecb). On the test half it found that one and two that are no disagreement:
"Chohan, 59, of College Point" vs "of Queens" and "Steinberg, 48, of Macomb County's Bruce
Township" vs "of Bruce Township": a neighbourhood and its borough, a township and its county.
Which place holds which needs a gazetteer the product does not have.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Sequence

from newsweave.align.conflict_base import Statement, make_conflict
from newsweave.align.measure_words import STREET_WORDS
from newsweave.ids import content_id
from newsweave.model import Conflict, ConflictValue

__all__ = ["place_conflicts", "two_forms_conflict"]

_STREET_WORD = (
    r"(?:St|Street|Ave|Avenue|Rd|Road|Blvd|Boulevard|Dr|Drive|Ln|Lane|Pl|Place|Ct|Court|Pkwy"
    r"|Parkway|Ter|Terrace|Cir|Circle|Way)"
)
# What makes a street mention an address: a house number, a block, or a home "on" it.
_ADDRESS_CUE = (
    r"(?:\b(?P<number>[1-9]\d{1,5})\s+"
    r"|\bblock\s+of\s+"
    r"|\b(?:home|house|residence|apartment|trailer|townhouse|duplex)\s+on\s+)"
)
# The street's name: one to three capitalised words (not a street word themselves).
_STREET = re.compile(
    _ADDRESS_CUE
    + r"(?P<name>(?:(?!"
    + _STREET_WORD
    + r"\b)[A-Z][a-z]+\s){1,3})"
    + r"(?P<word>"
    + _STREET_WORD
    + r")\b"
)


def place_conflicts(story_id: str, statements: Sequence[Statement]) -> list[Conflict]:
    """Conflicts (basis "place") on the street word of one address."""
    streets: dict[tuple[str, str], dict[str, list[int]]] = defaultdict(lambda: defaultdict(list))
    for index, statement in enumerate(statements):
        text = statement.evidence.text
        for match in _STREET.finditer(text):
            word = match["word"].lower()
            street = STREET_WORDS.get(word, word)
            key = (match["number"] or "", " ".join(match["name"].split()))
            streets[key][street].append(index)
    out: list[Conflict] = []
    for (number, name), by_form in sorted(streets.items()):
        # Without a house number, one name written with two street words by two voices may
        # still be one address; with one, it is (a number on two streets of one name is rare).
        forms = {f"{number} {name} {word.title()}".strip(): held for word, held in by_form.items()}
        out += two_forms_conflict(
            story_id, "street of the address", forms, statements, mentions=True
        )
    return out


def two_forms_conflict(
    story_id: str,
    topic: str,
    forms: dict[str, list[int]],
    statements: Sequence[Statement],
    *,
    mentions: bool,
    basis: str = "place",
) -> list[Conflict]:
    """One conflict (basis `basis`) when exactly two forms are each held by voices that hold
    only it (and, with `mentions`, that never write the other form anywhere)."""
    if len(forms) != 2:
        return []  # three ways of writing one place is a frame error more often than a dispute
    voices = {form: {statements[i].voice for i in held} for form, held in forms.items()}
    first, second = sorted(forms)
    if voices[first] & voices[second]:
        return []  # a voice writes both: it knows of both places
    if mentions and (
        any(_writes(s, second) for s in statements if s.voice in voices[first])
        or any(_writes(s, first) for s in statements if s.voice in voices[second])
    ):
        return []
    values = tuple(
        ConflictValue(
            value=form,
            evidence=tuple(
                sorted(
                    {statements[i].evidence for i in forms[form]},
                    key=lambda e: (e.article_id, e.span),
                )
            ),
        )
        for form in (first, second)
    )
    conflict_id = content_id("x", story_id, "conflict", topic, *(v.value for v in values))
    return [make_conflict(conflict_id, story_id, topic, values, kind="conflict", basis=basis)]


def _writes(statement: Statement, form: str) -> bool:
    """Whether a sentence names the place form anywhere (its last words: a street without its
    number, a town)."""
    words = form.split()
    tail = " ".join(w for w in words if not w.isdigit())
    return bool(re.search(rf"\b{re.escape(tail)}\b", statement.evidence.text))
