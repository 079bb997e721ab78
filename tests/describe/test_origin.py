"""The outlet a republished text credits as its origin."""

from __future__ import annotations

import pytest

from newsweave.describe.origin import find_origin

BODY = (
    "The council voted on Tuesday to expand the bus network to three new districts, a plan "
    "that officials said would cut average commuting times by almost a quarter."
)


def _origin(text: str, outlet: str | None = "Acme Gazette") -> str | None:
    return find_origin(text, body=text, outlet=outlet)


@pytest.mark.parametrize(
    ("credit", "origin"),
    [
        ("This article originally appeared on Grist.", "Grist"),
        ("This story was first published by The Conversation.", "The Conversation"),
        ("Republished with permission from ProPublica.", "ProPublica"),
        ("This article is republished from The Conversation under a Creative Commons license.",
         "The Conversation"),
        ("Originally published at https://www.theguardian.com/world/2020/dec/15/a-b-c",
         "The Guardian"),
    ],
)  # fmt: skip
def test_explicit_credit_lines(credit: str, origin: str) -> None:
    assert _origin(f"{BODY}\n\n{credit}") == origin


def test_wire_dateline_credits_the_wire() -> None:
    assert _origin(f"MOSCOW (Reuters) - {BODY}") == "Reuters"
    assert _origin(f"WASHINGTON (AP) — {BODY}") == "Associated Press"


def test_end_credit_and_byline_of_wire_copy() -> None:
    assert _origin(f"{BODY}\n\n— AFP") == "Agence France-Presse"
    assert _origin(f"By Jane Doe, Associated Press\n\n{BODY}") == "Associated Press"


def test_copyright_of_a_wire_on_another_outlets_page() -> None:
    text = f"{BODY}\n\nCopyright 2020 The Associated Press. All rights reserved."
    assert _origin(text) == "Associated Press"
    assert _origin(text, outlet="AP") is None  # AP's own page: not a republication


def test_source_line_naming_an_outlet() -> None:
    assert _origin(f"{BODY}\nSource: Reuters") == "Reuters"
    assert _origin(f"{BODY}\nSource: Bureau of Labor Statistics") is None


def test_reporting_by_signature_is_reuters() -> None:
    assert _origin(f"{BODY}\n(Reporting by Jane Doe; Editing by John Roe)") == "Reuters"


def test_outlet_left_as_subject_of_a_garbled_for_comment_sentence() -> None:
    text = f"{BODY} Newsweek The Kremlin as well as Washington D.C. for comment."
    assert _origin(text, outlet=None) == "Newsweek"


def test_outlet_that_reached_out_for_comment() -> None:
    text = f"{BODY} Newsweek has reached out to the campaign for comment."
    assert _origin(text, outlet=None) == "Newsweek"


def test_outlets_cited_as_sources_are_not_origins() -> None:
    text = (
        f"{BODY} According to the AP, the mayor agreed. Reuters reported that the ministry did "
        "not immediately respond to a request for comment. The Associated Press reported it too."
    )
    assert _origin(text, outlet=None) is None


def test_own_outlet_is_never_the_origin() -> None:
    text = f"{BODY} Newsweek reached out to the Kremlin for comment."
    assert _origin(text, outlet="Newsweek") is None
    assert (
        _origin(f"{BODY}\nThis article originally appeared on people.com", outlet="PEOPLE") is None
    )


def test_text_without_credit_has_no_origin() -> None:
    assert _origin(BODY) is None


@pytest.mark.parametrize(
    "line",
    [
        "This article was originally published on November 19, 2020.",
        "This story first appeared on Monday in print.",
        "Originally published on Jan. 5 2021",
    ],
)
def test_a_date_after_originally_published_is_no_origin(line: str) -> None:
    text = f"A fire broke out downtown.\n{line}"
    assert find_origin(text, body=text, outlet="Example News") is None


def test_a_real_credit_line_still_names_the_origin() -> None:
    text = "A fire broke out downtown.\nThis article originally appeared on The Conversation."
    assert find_origin(text, body=text, outlet="Example News") == "The Conversation"


def test_a_lead_credited_to_an_agency_is_a_retold_report() -> None:
    text = (
        "5.9 Earthquake Jolts Iran\n\nA 5.9 magnitude earthquake has leveled seven villages in "
        "southern Iran, killing 10 people, Iranian officials were quoted by AP as saying.\n\n"
        f"{BODY}"
    )
    assert _origin(text, outlet="softpedia.com") == "Associated Press"


def test_a_credited_report_referred_back_to_is_a_retold_report() -> None:
    text = (
        f"{BODY}\n\nAccording to the BBC, Microsoft's Dustin Childs advised users to raise "
        "their security settings.\n\nUsers have complained about repeated update messages, the "
        "report added."
    )
    assert _origin(text, outlet="Hindustan Times") == "BBC"


def test_one_credited_quote_or_fact_is_not_a_retold_report() -> None:
    # Past the lead, a single credit is one borrowed fact, and "the report" after a quote's
    # credit ("told AFP") refers to another report.
    assert _origin(f"{BODY}\n\nThe governor told AFP that ten people had died.") is None
    assert _origin(f"{BODY}\n\nThe hospital was full, the BBC reported.") is None
    told = f"{BODY}\n\nA official told Reuters it was calm.\n\nThe report said villages were hit."
    assert _origin(told) is None
    quoted = f'{BODY}\n\n"According to the BBC, it was calm," he said. The report added more.'
    assert _origin(quoted) is None
