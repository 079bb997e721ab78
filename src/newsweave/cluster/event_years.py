"""Year evidence per article pair: is an undated report of the dated cluster's years?

An undated report cannot say on which day it was written, but the years its text names (valued
date mentions: "2006", "Dec. 11, 2008") bound when: a report of a happening names the year of
that happening or one close to it when it names any. An undated report whose newest named year
lies years from the publication year of a dated report is most likely about another happening
of the same kind (a title fight or an emergency patch years earlier, ECB+'s undated `ecb` half
against its dated `ecbplus` half). Like `event_weekdays`, two clusters are scored by the share
of their article pairs (one undated side naming a year, one dated side) whose years lie more
than `grace` apart; pairs of two dated or two undated reports carry no such evidence (the gap
penalty compares dated days). Counts per (year, dated) per cluster are all that is needed.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date

# A (year, dated) pair: the publication year of a dated report, or the newest year an undated
# report's text names.
EventYear = tuple[int, bool]


def article_year(published: int | None, newest_year: int | None) -> EventYear | None:
    """The year evidence of one article: its publication year when dated (`published` is a day
    ordinal), else the newest year its text names, else None."""
    if published is not None:
        return date.fromordinal(published).year, True
    if newest_year is not None:
        return newest_year, False
    return None


def year_conflict(
    a: Mapping[EventYear, int],
    b: Mapping[EventYear, int],
    size_a: int,
    size_b: int,
    *,
    grace: int,
) -> float:
    """Share of the article pairs across two clusters (one dated, one undated member) whose
    years lie more than `grace` years apart."""
    if not a or not b or size_a == 0 or size_b == 0:
        return 0.0
    differing = 0
    for (year_a, dated_a), count_a in a.items():
        for (year_b, dated_b), count_b in b.items():
            if dated_a != dated_b and abs(year_a - year_b) > grace:
                differing += count_a * count_b
    return differing / (size_a * size_b)
