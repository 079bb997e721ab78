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


def test_two_counts_one_writer_states_are_two_things_not_a_dispute() -> None:
    from newsweave.align.conflicts import Statement, find_conflicts
    from newsweave.model import Evidence

    def said(article: str, text: str) -> Statement:
        evidence = Evidence(article_id=article, text=text, span=(0, len(text)))
        return Statement(evidence=evidence, voice=article, published="2016-06-27")

    found = "They found the bodies of two people at the home, police said."
    toll = "Three people are dead and another was injured in a shooting at a berry farm."
    other = "Three people were killed and another critically injured in a shooting on Monday."
    # One article states both counts (two found at the home, three dead in all): no dispute.
    both = [said("komo", found), said("komo", toll), said("koin", other)]
    assert not find_conflicts("s", both, [0, 1, 2], quantities=extract_quantities, dates=no_dates)
    # Two writers stating the two counts alone do dispute.
    apart = [said("komo", found), said("koin", other)]
    (conflict,) = find_conflicts("s", apart, [0, 1], quantities=extract_quantities, dates=no_dates)
    assert {v.value for v in conflict.values} == {"2", "3"}
    # A magnitude one writer states twice is a dispute it reports: the rule is for counts.
    tehran = "Tehran's seismological centre put the magnitude at 5.9, state media said."
    usgs = "The U.S. Geological Survey measured the quake at magnitude 6.1."
    reported = [said("a", tehran), said("a", usgs), said("b", "A magnitude 5.9 quake hit Iran.")]
    assert find_conflicts("s", reported, [0, 1, 2], quantities=extract_quantities, dates=no_dates)
