"""A weekday that recurs is a set, not a day: "the second Tuesday of every month" (ECB+ 27's
reports of Microsoft's Patch Tuesday were dated the Tuesday before publication, and the
timeline listed the habit under that day), "every Tuesday", "each Thursday"."""

from __future__ import annotations

import pytest

from newsweave.extract.dates import extract_dates


def values(text: str, published: str = "2012-09-19") -> dict[str, str | None]:
    return {m.text: m.value for m in extract_dates(text, published)}


@pytest.mark.parametrize(
    "text",
    [
        "Microsoft usually pushes out security patches on the second Tuesday of every month.",
        "Typically, patches are available on the second Tuesday of each month.",
        "Rent is due the last Friday of the month.",
        "The council meets every Tuesday at the town hall.",
        "The council meets every Tuesday and Thursday at the town hall.",
        "The third flight departs each Thursday from August 6.",
    ],
)
def test_a_recurring_weekday_is_no_day(text: str) -> None:
    weekdays = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
    assert not any(value for found, value in values(text).items() if found.endswith(weekdays))


def test_a_single_weekday_beside_a_habit_keeps_its_day() -> None:
    found = values("Every Monday, the paper runs a column. The vote was held on Monday.")
    assert list(found.values()) == ["2012-09-17"]
    assert values("On Tuesday, every officer was called in.") == {"Tuesday": "2012-09-18"}
    assert values("He was arrested last Friday.") == {"last Friday": "2012-09-14"}
