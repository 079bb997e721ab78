"""Calendar evidence per article pair: does each report put its happening on the same weekday?

The cluster-level time evidence of `stories.gap_penalty` compares the *closest* days two
clusters name, so one member naming a bridging day silences it. Here every article carries at
most one *event weekday*: the weekday of the first day its opening names for the happening
(a dated report: the first day-precision date of its opening, as `stories.event_days` bounds
it), or, for an undated report, the first weekday its opening names ("on Saturday"). Two
clusters are scored by the share of their article pairs that both carry a weekday and name
different ones (more than `weekday_grace` apart): twin happenings of one kind reported by
undated pieces ("pirates captured on Saturday") and dated ones (a Thursday) disagree pair by
pair, whatever a single member says. Pairs of two undated reports carry no such evidence (as
in `event_years` and the cluster-level weekday check of `stories.gap_penalty`): nothing ties
either weekday to a calendar week, and one happening that lasts is reported on several days (a
trial's Monday jury selection, Tuesday and Wednesday testimony: ECB+ train 33_ecb, whose undated
reports were split three ways when its articles were analysed on their own). The counts of
weekdays per cluster are all that is needed, so the score is exact for any cluster (a sum over
at most 7 x 7 weekday pairs).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping, Sequence


def weekday_of(ordinal: int) -> int:
    """Weekday (0 = Monday) of a proleptic Gregorian day number."""
    return (ordinal + 6) % 7


# An event weekday is a (weekday, dated) pair: dated when it comes from a calendar day.
EventWeekday = tuple[int, bool]


def event_weekday(
    mention_days: Sequence[tuple[int, int]],
    mention_weekdays: Sequence[tuple[int, int]],
    *,
    published: int | None,
    lede_chars: int,
    window_days: int,
) -> EventWeekday | None:
    """The weekday of the happening an article's opening names first, None when it names none.

    `mention_days` and `mention_weekdays` are (offset, value) pairs in text order (the
    article's features). A dated day counts when it lies within the event window of the
    publication day (not after it + 1, not more than `window_days` before); an unvalued
    weekday counts when no dated day does. An undated report has no window: a calendar day its
    opening names may be anything it recalls (an obituary's birth date, ECB+ train 4_ecb), so
    its weekday words ("died on Thursday") speak for it, and, undated, they are compared with
    dated reports only (`weekday_conflict`).
    """
    if published is not None:
        for offset, day in mention_days:
            if offset >= lede_chars:
                break
            if published - window_days <= day <= published + 1:
                return weekday_of(day), True
    for offset, weekday in mention_weekdays:
        if offset >= lede_chars:
            break
        return weekday, False
    return None


def weekday_conflict(
    a: Mapping[EventWeekday, int],
    b: Mapping[EventWeekday, int],
    size_a: int,
    size_b: int,
    *,
    grace: int,
) -> float:
    """Share of the article pairs across two clusters whose event weekdays differ.

    `a` and `b` count the members of each cluster per event weekday; pairs where a side has
    none count as agreeing (no evidence), and so do pairs of two dated members (their days
    themselves are compared by the gap penalty) and pairs of two undated ones (neither weekday
    is tied to a week). Weekdays within `grace` days of each other (around the week) agree:
    "Friday night" and "early Saturday" are one happening.
    """
    if not a or not b or size_a == 0 or size_b == 0:
        return 0.0
    differing = 0
    for (day_a, dated_a), count_a in a.items():
        for (day_b, dated_b), count_b in b.items():
            if dated_a == dated_b:
                continue
            apart = abs(day_a - day_b) % 7
            if min(apart, 7 - apart) > grace:
                differing += count_a * count_b
    return differing / (size_a * size_b)


def count_weekdays(
    members: Sequence[str], weekday: Mapping[str, EventWeekday | None]
) -> Counter[EventWeekday]:
    """Members per event weekday (members without one are not counted)."""
    return Counter(d for m in members if (d := weekday.get(m)) is not None)
