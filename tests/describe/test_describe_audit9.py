"""Describe cases of the audit-9 fact check (session 9, ECB+ 6_ecbplus): a slashed date whose
day and month are the same number, and a four-digit-year slashed date beside a US time zone, are
read as the publication date (a slashed date either order could mean stays unread); an article
that keeps crediting one outlet, and no other, for what it says retells that outlet's report."""

from __future__ import annotations

import pytest

from newsweave.describe.dates import find_dates, find_text_date
from newsweave.describe.origin import find_origin


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


def test_an_article_that_keeps_crediting_one_outlet_retells_its_report() -> None:
    # collider.com's retelling of The Hollywood Reporter (ECB+ 6_2ecbplus), shortened.
    text = (
        "As I said many times in my review, the direction was the strongest element of the "
        "film.\n\nNow, THR is reporting that Ross and the studio are locked in tense "
        "negotiations over his return to direct the sequel.\n\nHe was paid $3 million for "
        "co-writing and directing the film.\n\nAccording to THR, negotiations on the first film "
        "were tough because Ross already had a successful movie to his name."
    )
    assert find_origin(text, body=text, outlet="collider.com") == "The Hollywood Reporter"


def test_one_credit_or_credits_of_several_outlets_are_sources_not_an_origin() -> None:
    once = (
        "Ross has spoken very confidently about his involvement in the sequel, and fans "
        "expect him back.\n\nPer THR, "
        "the negotiations between the two parties are delicate, but a deal could get done soon."
    )
    assert find_origin(once, body=once, outlet="HuffPost") is None
    several = (
        "Fans launched a campaign to show support for the director of the first film.\n\n"
        "The Hollywood Reporter says Ross is set to meet with the studio on Monday.\n\nThe "
        "Los Angeles Times reported that he would not return.\n\nAccording to THR, salary is "
        "one of two sticking points."
    )
    assert find_origin(several, body=several, outlet="examiner.com") is None
