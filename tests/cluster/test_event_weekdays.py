"""Weekday evidence per article pair: undated reports naming another weekday stay apart."""

from __future__ import annotations

from collections import Counter
from datetime import date

from newsweave.cluster.event_weekdays import (
    count_weekdays,
    event_weekday,
    weekday_conflict,
    weekday_of,
)

THURSDAY = date(2011, 11, 10).toordinal()
SATURDAY, FRIDAY = 5, 4


def test_weekday_of_an_ordinal_counts_from_monday() -> None:
    assert weekday_of(THURSDAY) == 3
    assert weekday_of(date(2020, 12, 14).toordinal()) == 0


def test_the_first_dated_day_of_the_opening_wins_over_weekday_words() -> None:
    found = event_weekday(
        ((40, THURSDAY),),
        ((10, SATURDAY),),
        published=THURSDAY + 1,
        lede_chars=1500,
        window_days=30,
    )
    assert found == (3, True)


def test_days_outside_the_window_or_the_opening_are_not_the_happening() -> None:
    later = THURSDAY + 10  # after publication: a plan, not the happening
    assert (
        event_weekday(((5, later),), (), published=THURSDAY, lede_chars=1500, window_days=30)
        is None
    )
    assert (
        event_weekday(
            ((2000, THURSDAY),),
            ((1800, SATURDAY),),
            published=None,
            lede_chars=1500,
            window_days=30,
        )
        is None
    )


def test_an_undated_report_gives_the_first_weekday_its_opening_names() -> None:
    found = event_weekday(
        (), ((30, SATURDAY), (90, FRIDAY)), published=None, lede_chars=1500, window_days=30
    )
    assert found == (SATURDAY, False)


def test_conflict_is_the_share_of_pairs_naming_different_weekdays() -> None:
    undated_saturdays = Counter({(SATURDAY, False): 3})
    dated_thursdays = Counter({(3, True): 2})
    # Every pair differs; a cluster of 4 with one member lacking a weekday counts it as agreeing.
    assert weekday_conflict(undated_saturdays, dated_thursdays, 3, 2, grace=0) == 1.0
    assert weekday_conflict(undated_saturdays, dated_thursdays, 4, 2, grace=0) == 0.75


def test_neighbouring_weekdays_agree_within_the_grace_around_the_week() -> None:
    sunday, monday = Counter({(6, False): 1}), Counter({(0, True): 1})
    assert weekday_conflict(sunday, monday, 1, 1, grace=0) == 1.0
    assert weekday_conflict(sunday, monday, 1, 1, grace=1) == 0.0


def test_two_undated_members_carry_no_evidence() -> None:
    # A trial's Tuesday and Wednesday testimony, both undated: nothing ties either to a week.
    # An undated Tuesday against a dated Wednesday still places the happening.
    tuesday, wednesday = Counter({(1, False): 1}), Counter({(2, False): 1})
    dated_wednesday = Counter({(2, True): 1})
    assert weekday_conflict(tuesday, wednesday, 1, 1, grace=0) == 0.0
    assert weekday_conflict(tuesday, dated_wednesday, 1, 1, grace=0) == 1.0
    mixed = Counter({(1, False): 1, (2, True): 1})
    assert weekday_conflict(tuesday, mixed, 1, 2, grace=0) == 0.5


def test_two_dated_members_are_left_to_the_gap_penalty() -> None:
    thursday, saturday = Counter({(3, True): 1}), Counter({(SATURDAY, True): 1})
    assert weekday_conflict(thursday, saturday, 1, 1, grace=0) == 0.0


def test_members_are_counted_per_event_weekday() -> None:
    weekday = {"a": (SATURDAY, False), "b": (SATURDAY, False), "c": None}
    assert count_weekdays(["a", "b", "c", "d"], weekday) == Counter({(SATURDAY, False): 2})


def test_an_undated_report_gives_its_weekday_words_not_a_recalled_calendar_day() -> None:
    # An undated obituary: "died Thursday night" and, later in the opening, "born April 22,
    # 1923" (a Sunday): with no publication day the birth date cannot be told from the death.
    born = date(1923, 4, 22).toordinal()
    found = event_weekday(
        ((270, born),), ((117, 3),), published=None, lede_chars=1500, window_days=30
    )
    assert found == (3, False)
