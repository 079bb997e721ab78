"""Holidays whose day the text does not write: fixed, movable, and their year chosen by tense.

The sentences are those of eval/data/dates_gold.jsonl (GVC, a nymag.com page of the cleaning
set) and one of TimeBank half A (NYT19981026.0446).
"""

from __future__ import annotations

from datetime import date

import pytest

from newsweave.extract.dates import extract_dates
from newsweave.extract.dates.calendar import easter


def values(text: str, published: str) -> dict[str, str | None]:
    return {m.text: m.value for m in extract_dates(text, published)}


@pytest.mark.parametrize(
    ("published", "sentence", "expression", "value"),
    [
        (
            "2015-07-05",
            "A 7-year-old boy was shot and killed Saturday night while celebrating "
            "the Fourth of July with his family on the city's West Side.",
            "Fourth of July",
            "2015-07-04",
        ),
        # Past tense ("arrested him"), written in March: last July, not the coming one.
        (
            "2016-03-28",
            "As Coffee appeared last week at the Leighton Criminal Court Building on "
            "state weapons charges, federal agents arrested him on new charges linking his gun to "
            "one of Chicago's most memorable killings of 2015 — the Fourth of July slaying of "
            "7-year-old Amari Brown.",
            "Fourth of July",
            "2015-07-04",
        ),
        (
            "2016-03-28",
            "Amari was shot and killed just before midnight on the Fourth of July in "
            "the 1100 block of North Harding Avenue.",
            "Fourth of July",
            "2015-07-04",
        ),
        (
            "2015-06-22",
            "ROY — A Roy couple and their two young children were found dead inside "
            "their home on Father's Day in an apparent triple murder-suicide.",
            "Father's Day",
            "2015-06-21",
        ),
        (
            "2016-05-25",
            "The first was on Easter, March 27, when 3-year-old Aniaya Montgomery was "
            "shot and killed on the city’s west side.",
            "Easter",
            "2016-03-27",
        ),
        (
            "2020-10-17",
            "The Democrat running for a must-win Senate seat in North Carolina was "
            "caught cheating on his wife just weeks before Election Day.",
            "Election Day",
            "2020-11-03",
        ),
        (
            "1998-10-26",
            "clinic violence is going to be a major theme of our campaign from now to "
            "Election Day.",
            "Election Day",
            "1998-11-03",
        ),
        (
            "2013-07-16",
            "testified seeing the Poores with guns on New Year's Eve and overheard "
            "them talking about a future robbery",
            "New Year's Eve",
            "2012-12-31",
        ),
    ],
)
def test_holiday_values(published: str, sentence: str, expression: str, value: str) -> None:
    assert values(sentence, published).get(expression) == value


@pytest.mark.parametrize(
    "sentence",
    [
        "They flew to Easter Island on Easter Monday.",  # an island; another day
        "He bought Easter eggs for the children.",  # no temporal word: no day
        "His father's day job was at the mill.",
        # a modifier, as "a Christmas concert"
        "a Father's Day shooting that left a 3-year-old boy hurt",
    ],
)
def test_holiday_names_that_name_no_day(sentence: str) -> None:
    found = values(sentence, "2016-06-23")
    assert not any(k for k in found if "Easter" in k or "ather" in k), found


def test_easter_computus() -> None:
    assert [easter(y) for y in (1998, 2000, 2008, 2016, 2019, 2024, 2025)] == [
        date(1998, 4, 12), date(2000, 4, 23), date(2008, 3, 23), date(2016, 3, 27),
        date(2019, 4, 21), date(2024, 3, 31), date(2025, 4, 20),
    ]  # fmt: skip
