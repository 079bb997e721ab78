"""Publication date lines of the audit-9 fact check (session 9, ECB+ 6_ecbplus): a slashed date
whose day and month are the same number, and a four-digit-year slashed date beside a US time
zone, are read; a slashed date either order could mean stays unread."""

from __future__ import annotations

import pytest

from newsweave.describe.dates import find_dates, find_text_date


@pytest.mark.parametrize(
    ("line", "value"),
    [
        ("04/04/2012", "2012-04-04"),  # tribeofgeek: both orders give one day
        ("8:00 AM PDT 4/4/2012", "2012-04-04"),  # The Hollywood Reporter's date line
        ("8:00 AM PDT 4/5/2012", "2012-04-05"),  # a US zone: month first
        ("04/05/2012", None),  # April 5 or May 4: not guessed
        ("10:30 AM CET 4/5/2012", None),  # not a US zone
    ],
)
def test_a_slashed_date_line_with_a_four_digit_year(line: str, value: str | None) -> None:
    text = f"'The Hunger Games' sequel is in negotiations.\n\n{line}\n\nAccording to the report."
    assert find_text_date(text, title="'The Hunger Games' sequel is in negotiations.") == value


def test_a_same_number_day_and_month_in_prose_is_one_date() -> None:
    assert [f.value for f in find_dates("Metro on 11/11/2015")] == ["2015-11-11"]
