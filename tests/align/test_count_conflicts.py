"""How many times a named person married, told two ways (`align.count_conflicts`): a conflict
only for one person's whole count, between independent voices; else nothing."""

from __future__ import annotations

from newsweave.align.conflicts import find_conflicts
from newsweave.align.count_conflicts import count_conflicts, life_counts
from newsweave.extract.numbers import extract_quantities
from newsweave.model import DateMention
from tests.align.statements import said

# ECB+ 4_ecb (names changed): two obituaries count one pin-up model's marriages.
TWICE = (
    "Marsh married twice; the first marriage to Navy man Billy Neale lasted from 1943 to 1947, "
    "and her second to Armond Walters in 1958 to 1963."
)
THREE_TIMES = "Marsh was married three times but had no children."


def test_one_persons_marriages_counted_two_ways_conflict() -> None:
    (conflict,) = count_conflicts("s", [said("a", TWICE), said("b", THREE_TIMES)])
    assert [v.value for v in conflict.values] == ["2 times", "3 times"]
    assert conflict.basis == "number" and conflict.kind == "conflict"


def test_the_shipped_entry_point_reports_it() -> None:
    def no_dates(text: str, published: str | None) -> tuple[DateMention, ...]:
        return ()

    statements = [said("a", TWICE), said("b", THREE_TIMES)]
    found = find_conflicts("s", statements, [0, 1], quantities=extract_quantities, dates=no_dates)
    assert [[v.value for v in c.values] for c in found if c.topic.startswith("how many")] == [
        ["2 times", "3 times"]
    ]


def test_a_count_before_something_two_people_and_one_voice_say_nothing() -> None:
    # "married twice before" counts earlier marriages, a part of the life's count.
    assert not life_counts("Marsh had been married twice before she met the painter.")
    assert not life_counts("Marsh was married in 1958.")
    other = "Walters was married three times."
    assert not count_conflicts("s", [said("a", TWICE), said("b", other)])
    assert not count_conflicts("s", [said("a", TWICE, "ap"), said("b", THREE_TIMES, "ap")])
