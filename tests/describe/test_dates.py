"""The publication date: date lines of the page text and metadata strings."""

from __future__ import annotations

import pytest

from newsweave.describe.dates import find_dates, find_text_date, has_date, normalise_published

TITLE = "Council Approves New Bus Network"
BODY = "The council voted on Tuesday to expand the bus network to three new districts."


@pytest.mark.parametrize(
    "date_line",
    [
        "December 15, 2020",
        "Dec. 15, 2020",
        "15 December 2020",
        "Tuesday, 15th of December 2020",
        "08:33 GMT15 December 2020",
        "date 2020-12-15 Register",
        "Published: 12/15/2020 3:45 PM ET",
        "Posted on 2020/12/15",
        "15.12.2020",
        "Published: 2020.12.15 09:01 AM",
        "2020-12-15T09:01:00+01:00",
        "By Jane Doe | December 15, 2020",
    ],
)
def test_date_line_near_the_title(date_line: str) -> None:
    text = f"{TITLE}\n\n{date_line}\n\n{BODY}"
    assert find_text_date(text, title=TITLE) == "2020-12-15"


def test_date_line_above_the_title_at_the_top_of_the_page() -> None:
    text = f" date 2020-12-15 Register\n08:33 GMT15 December 2020\nListen Live\n{TITLE}\n{BODY}"
    assert find_text_date(text, title=TITLE) == "2020-12-15"


def test_dates_inside_prose_are_about_events_not_publication() -> None:
    text = (
        f"{TITLE}\n\nOn 14 December 2020, the electors gathered across the states to cast "
        "their votes, confirming the result of the November 3, 2020 election for good.\n"
    )
    assert find_text_date(text, title=TITLE) is None


def test_publication_date_is_preferred_over_the_update() -> None:
    text = f"{TITLE}\nUpdated: December 16, 2020\nPublished: December 15, 2020\n{BODY}"
    assert find_text_date(text, title=TITLE) == "2020-12-15"
    same_line = f"{TITLE}\nUpdated Dec 16, 2020 / Published Dec 15, 2020\n{BODY}"
    assert find_text_date(same_line, title=TITLE) == "2020-12-15"


def test_only_an_update_date_is_still_a_date() -> None:
    text = f"{TITLE}\nLast updated: 16 December 2020\n{BODY}"
    assert find_text_date(text, title=TITLE) == "2020-12-16"


def test_wire_dateline_at_the_start_of_the_body() -> None:
    text = (
        f"{TITLE}\nMOSCOW, Dec. 15, 2020 (Reuters) - Russian President Vladimir Putin sent a "
        "telegram of congratulations on Tuesday, the Kremlin said in a statement to reporters, "
        "after the electors confirmed the result of the vote."
    )
    assert find_text_date(text, title=TITLE) == "2020-12-15"


def test_the_date_the_url_carries_wins_among_several_date_lines() -> None:
    text = f"Related: December 1, 2020\n{TITLE}\nDecember 15, 2020\n{BODY}"
    assert find_text_date(text, title=None, url_date="2020-12-15") == "2020-12-15"
    assert find_text_date(text, title=None) == "2020-12-01"


def test_a_comment_posted_far_below_loses_to_the_date_near_the_title() -> None:
    filler = "\n".join(f"Paragraph {i} of the article goes on here." for i in range(60))
    text = f"{TITLE}\nDecember 15, 2020\n{filler}\nPosted on December 20, 2020 by reader"
    assert find_text_date(text, title=TITLE) == "2020-12-15"


def test_ambiguous_slashed_dates_are_not_guessed() -> None:
    assert find_dates("03/04/2020") == []
    assert [d.value for d in find_dates("13/04/2020")] == ["2020-04-13"]


def test_dotted_year_first_dates_are_iso_order_and_build_numbers_are_not_dates() -> None:
    # Alaska Journal's "Published: 2012.08.08 09:01 AM" (ECB+ 13_13) was read as no date.
    assert [d.value for d in find_dates("Published: 2012.08.08 09:01 AM")] == ["2012-08-08"]
    assert [d.value for d in find_dates("on 2020.1.20.")] == ["2020-01-20"]
    assert find_dates("rev 2020.1.20.35817") == []
    assert find_dates("2012.13.01") == []


def test_non_english_date_lines_use_the_articles_language() -> None:
    text = "Titel des Artikels hier\n15. Dezember 2020\nDer Rat hat am Dienstag beschlossen."
    assert find_text_date(text, title=None, language="de") == "2020-12-15"


def test_has_date_recognises_month_and_year() -> None:
    assert has_date("19.01.2020")
    assert has_date("January 2020")
    assert not has_date("Putin Congratulates Biden")


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2020-12-15", "2020-12-15"),
        ("2020-12-15T08:33:00Z", "2020-12-15T08:33:00+00:00"),
        ("2020-12-15T08:33:00+03:00", "2020-12-15T08:33:00+03:00"),
        ("Tue, 15 Dec 2020 08:33:00 GMT", "2020-12-15T08:33:00+00:00"),
        ("December 15, 2020", "2020-12-15"),
        ("15 Dec 2020", "2020-12-15"),
        ("", None),
        ("not a date", None),
        ("1850-01-01", "1850-01-01"),
        ("1989-11-02", "1989-11-02"),  # TimeBank's wires: any year the input states is kept
        ("0001-01-01", None),  # placeholders of content systems
        ("1970-01-01T00:00:00Z", None),
    ],
)
def test_metadata_dates_are_normalised_to_iso(value: str, expected: str | None) -> None:
    assert normalise_published(value) == expected


def test_a_date_in_a_listed_web_address_is_not_the_publication_date() -> None:
    page = (
        "Biggest scheme in history uncovered\nSkip to content\n"
        "Sources:\nclarityofsignal.com/2017/01/21/msm-mia-the-ukrainian\n"
        "harpers.org/blog/2015/08/undelivered-goods/\n"
    )
    assert find_text_date(page, title="Biggest scheme in history uncovered") is None
    byline = page.replace("Skip to content", "October 19, 2019 by IWB")
    assert find_text_date(byline, title="Biggest scheme in history uncovered") == "2019-10-19"


@pytest.mark.parametrize(
    ("line", "value"),
    [
        ("11/30/09 05:40 PM ET", "2009-11-30"),
        ("POSTED: 04/02/07, 9:00 PM PDT |", "2007-04-02"),  # a US zone: month first
        ("11/28/05", "2005-11-28"),  # only one order is a date
        ("First Posted: 10/25/11 06:44 PM ET Updated: 12/25/11 05:12 AM ET", "2011-10-25"),
        ("8/2/13 at 1:30 PM", None),  # 2 August or 8 February: not guessed
        ("Houston gained 398 yards rushing against them (10/1/61) that season.", None),
    ],
)
def test_a_date_line_with_a_two_digit_year(line: str, value: str | None) -> None:
    text = f"{TITLE}\n{line}\nThe council met on the river bank and talked for an hour."
    assert find_text_date(text, title=TITLE) == value


@pytest.mark.parametrize(
    ("line", "value"),
    [
        # Audit 7 (democraticunderground.com's repost of a BBC report): a hand-typed date line.
        ("Novemer 27, 2005", "2005-11-27"),
        ("Posted: Febuary 3rd, 2011", "2011-02-03"),
        ("3 Setpember 2013", "2013-09-03"),
        # Not a month one edit away: a name, a short month ("Jun" is not "Jan").
        ("Marcy 27, 2005", None),
        ("Jnue 27, 2005", None),
    ],
)
def test_a_date_line_with_a_misspelt_month(line: str, value: str | None) -> None:
    title = "'Several die' in south Iran quake"
    text = f"{title}\n\n{line}\n\nA powerful earthquake has hit southern Iran, killing three."
    assert find_text_date(text, title=title) == value


def test_a_misspelt_month_in_prose_is_not_a_publication_date() -> None:
    text = "A headline of the story\n\nThe quake struck on Novemer 27, 2005, killing three people."
    assert find_text_date(text, title="A headline of the story") is None
