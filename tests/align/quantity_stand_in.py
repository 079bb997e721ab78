"""A stand-in for `newsweave.extract.numbers.extract_quantities` in alignment tests.

The comparison code depends only on `conflicts.QuantityLike`; these tests pin its behaviour with
values whose unit and subject are unambiguous, so they do not depend on the extractor's
heuristics. Tests that need the real extractor use it when it is installed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_NUMBER = re.compile(r"(?<![\w.])(\d+(?:,\d{3})*(?:\.\d+)?)(?:\s*-\s*(\d+(?:,\d{3})*))?")
_UNIT = re.compile(
    r"\s+((?:[a-z]+\s+){0,1}(?:votes?|electors?|people|deaths?|dead|years?|"
    r"dollars?|soldiers?|cases?|troops))\b"
)
_ABOUT = re.compile(r"\s+(?:in his favour\s+)?(for|to|of)\s+((?:[A-Z][a-z]+\s?){1,3})")
_APPROX = re.compile(r"\b(?:about|nearly|around|almost|some|roughly)\s+$", re.IGNORECASE)
_MONTHS = re.compile(
    r"(?:January|February|March|April|May|June|July|August|September|October|"
    r"November|December|Nov\.|Dec\.)\s*$"
)


@dataclass(frozen=True, slots=True)
class StandInQuantity:
    text: str
    span: tuple[int, int]
    value: float | None
    unit: str | None
    approx: bool
    kind: str
    about: str | None


def stand_in_quantities(text: str) -> tuple[StandInQuantity, ...]:
    out = []
    for match in _NUMBER.finditer(text):
        parts = [(match.group(1), match.start(1), match.end(1))]
        if match.group(2):
            parts.append((match.group(2), match.start(2), match.end(2)))
        for raw, start, end in parts:
            value = float(raw.replace(",", ""))
            after = text[match.end() :]
            unit_match = _UNIT.match(after)
            unit = unit_match.group(1) if unit_match else None
            rest = after[unit_match.end() :] if unit_match else after
            about_match = _ABOUT.match(rest)
            about = (
                f"{about_match.group(1)} {about_match.group(2).strip()}" if about_match else None
            )
            before = text[:start]
            kind = "count"
            if _MONTHS.search(before) or re.match(
                r"\s*(?:January|February|December|November)", after
            ):
                kind = "date"
            elif raw.isdigit() and len(raw) == 4 and 1900 <= value <= 2100:
                kind = "year"
            elif re.search(r",\s*$", before) and re.match(r",", after) and value < 120:
                kind = "age"
            out.append(
                StandInQuantity(
                    text=text[start:end],
                    span=(start, end),
                    value=value,
                    unit=unit,
                    approx=bool(_APPROX.search(before)),
                    kind=kind,
                    about=about,
                )
            )
    return tuple(out)
