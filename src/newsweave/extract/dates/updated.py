"""The day a page says its text was last updated ("Last updated at 10:39 a.m. on Sunday, Nov. 27").

News pages keep their first publication date while the text is rewritten as the story moves on:
a page published on Friday and "Last updated ... Sunday, Nov. 27" tells of "a statement posted
Saturday morning", a day after publication. Cleaning often drops such lines as page furniture
(they stay in `Article.removed`); `stated_update_day` reads them there or in the text, and
`extract_dates(..., updated=...)` counts past weekdays back from that day.

Only an absolute day counts ("Mar 21, 2016", "Sunday, Nov. 27": a year-less day takes the year
closest to publication); "Updated: 12 hours ago" has no base we know, and "Updated Monday" none
we could trust.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from datetime import date

from newsweave.extract.dates import calendar as cal

_UPDATE_LABEL = re.compile(r"\b(?:last\s+)?(?:updated|modified)\b\s*(?:on|at)?\s*:?", re.IGNORECASE)
# How far after its label an update day may end ("Last updated at 10:39 a.m. on Sunday, Nov. 27").
LABEL_REACH = 60
# Where the label's field ends: the next label or line.
_FIELD_END = re.compile(r"\n|\b(?:published|posted|first\s+published)\b", re.IGNORECASE)


def stated_update_day(pieces: Iterable[str], published: str | None) -> str | None:
    """The latest day an "Updated"/"Last modified" label in `pieces` states, seen from the
    `published` ISO date (which dates a year-less "Sunday, Nov. 27"); None when none does."""
    from newsweave.extract.dates import extract_dates

    base = cal.parse_published(published)
    latest: date | None = None
    for piece in pieces:
        for label in _UPDATE_LABEL.finditer(piece):
            field = piece[label.end() : label.end() + LABEL_REACH]
            end = _FIELD_END.search(field)
            field = field[: end.start()] if end else field
            for mention in extract_dates(field, published):
                day = _absolute_day(mention.text, mention.value, base)
                if day is not None and (latest is None or day > latest):
                    latest = day
    return None if latest is None else latest.isoformat()


def _absolute_day(words: str, value: str | None, base: date | None) -> date | None:
    """The day of a mention that writes its month and day ("Nov. 27", "4/12/2016"), not a
    relative one ("Monday", "3 months ago")."""
    if value is None or not re.search(r"\d", words) or re.search(r"\bago\b", words, re.I):
        return None
    try:
        return date.fromisoformat(value) if len(value) == 10 else None
    except ValueError:
        return None
