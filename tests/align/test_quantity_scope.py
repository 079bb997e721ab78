"""Counts scoped to one day of several: a part of the story's total, never its rival."""

from __future__ import annotations

from newsweave.align.conflicts import compare_mentions
from newsweave.extract.numbers import extract_quantities
from newsweave.model import DateMention


def no_dates(text: str, published: str | None) -> tuple[DateMention, ...]:
    return ()


def related(a: str, figure_a: str, b: str, figure_b: str) -> str:
    first, second = a.index(figure_a), b.index(figure_b)
    return compare_mentions(
        (a, (first, first + len(figure_a)), None),
        (b, (second, second + len(figure_b)), None),
        quantities=extract_quantities,
        dates=no_dates,
    )


def test_one_days_count_does_not_dispute_the_total() -> None:
    day = "Police said they made 86 arrests over the course of Saturday's protests."
    total = "Hundreds of stores have been smashed, and more than 200 people have been arrested."
    assert related(day, "86", total, "more than 200") == "different"


def test_counts_of_the_same_day_still_dispute() -> None:
    first = "Police said they made 86 arrests over the course of Saturday's protests."
    second = "Police made 40 arrests during Saturday's protests, a spokesman said."
    assert related(first, "86", second, "40") == "conflict"
    # Unscoped counts are untouched.
    assert related("Police arrested 86 people.", "86", "Police arrested 40 people.", "40") == (
        "conflict"
    )
