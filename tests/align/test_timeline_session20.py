"""Session 20 timeline rules (issue 11), from real output read by eye: a wire dateline's day is
the report's (GVC 492366, UPI), a time word inside a quotation counts from the speaker's day,
which the page does not give (GVC 492366, Yale Daily News), a plan is told in more words than
"will" ("when he returns to court Feb. 4, 2016"; "to be voted on Thursday", ECB+ 8_ecbplus) and
on a page of no known day ("court date is set for February 17, 2009", ECB+ 35_ecbplus), and a
quote's tail is whole when any saying verb the quote extraction knows names its speaker
("SEACOM tweeted", ECB+ 30_ecbplus)."""

from __future__ import annotations

from newsweave.align.timeline import build_timeline, whole_sentence
from newsweave.extract.dates import extract_dates
from newsweave.model import Article, Story
from tests.report.sample import article


def _dated(ident: str, text: str, published: str | None) -> Article:
    base = article(ident, text, published=published, outlet=f"Outlet {ident}")
    return base.__class__(
        **{f: getattr(base, f) for f in base.__slots__ if f != "dates"},
        dates=extract_dates(text, published),
    )


def _entries(text: str, published: str | None) -> list[tuple[str, str]]:
    page = _dated("a", text, published)
    story = Story(id="s", title="t", article_ids=("a",))
    return [(e.date, e.text) for e in build_timeline([story], {"a": page})]


def test_a_wire_datelines_day_dates_no_happening() -> None:
    text = (
        "NEW HAVEN, Conn., Oct. 27 (UPI) -- One person was killed and five others injured in a "
        "shooting at a Connecticut nightclub, police say.\n\n"
        "The shooting happened at 3:30 a.m. Saturday at the Key Club Cabaret."
    )
    assert _entries(text, "2013-10-27") == [
        ("2013-10-26", "The shooting happened at 3:30 a.m. Saturday at the Key Club Cabaret.")
    ]


def test_a_time_word_inside_a_quotation_is_the_speakers_and_dates_nothing() -> None:
    text = (
        "“I believe that detectives will honor the promise we made to her father and mother this "
        "morning in the emergency room,” Esserman said.\n\n"
        '"We found him on Oct. 26 at the club," the chief said.\n\n'
        "Police said an officer rushed into the club this morning.\n\n"
        # A stray mark that nothing closes opens no quotation; “playing’’ closes its own.
        '"A gunman shot three people at a club Monday morning, police said.\n\n'
        "A man who was “playing’’ with a gun shot his brother, police said Sunday."
    )
    assert _entries(text, "2013-10-28") == [
        ("2013-10-26", '"We found him on Oct. 26 at the club," the chief said.'),
        ("2013-10-27", "A man who was “playing’’ with a gun shot his brother, police said Sunday."),
        ("2013-10-28", '"A gunman shot three people at a club Monday morning, police said.'),
        ("2013-10-28", "Police said an officer rushed into the club this morning."),
    ]


def test_a_quotes_tail_closes_a_quotation_its_paragraph_did_not_open() -> None:
    text = (
        '"We can confirm that SEACOM is experiencing problems on its network.\n\n'
        'We will keep you updated on progress," SEACOM tweeted this morning.'
    )
    assert _entries(text, "2011-08-16") == [
        ("2011-08-16", 'We will keep you updated on progress," SEACOM tweeted this morning.')
    ]
    tail = 'We will keep you updated on progress," SEACOM tweeted at 09:30 on Tuesday.'
    assert whole_sentence(tail, 0, len(tail)) is True


def test_plans_in_more_words_and_on_pages_of_no_day_are_no_happenings() -> None:
    text = (
        "Bennett pleaded guilty on Tuesday in New Haven.\n\n"
        "He still faces a maximum prison sentence of up to 193 years when he returns to court "
        "Feb. 4, 2016.\n\n"
        "The government was preparing for the measures to be voted on Thursday.\n\n"
        "His next court date is Nov. 12 in the same court."
    )
    assert _entries(text, "2015-11-10") == [
        ("2015-11-10", "Bennett pleaded guilty on Tuesday in New Haven.")
    ]
    # Months after the page, whatever the words: no page reports that done.
    far = "The jury returned its verdict on Jan. 20, 2016 in New Haven."
    assert _entries(far, "2015-11-10") == []
    # ... but a page that says it was updated that day reports it (GVC 544535).
    update = "Update (Nov. 30, 2015) -- The mother has been charged with neglect."
    assert _entries(update, "2015-11-10") == [("2015-11-30", update)]
    # A page of no known day: what is told as a plan is left out, what is told done stays.
    undated = (
        "Jackson's court date is set for February 17, 2009.\n\n"
        "Jackson was arrested on January 3, 2009 in Orlando.\n\n"
        "Its 2,507 members had to be approved by Niyazov, who died on Dec. 21, 2006 in Ashgabat."
    )
    assert _entries(undated, None) == [
        (
            "2006-12-21",
            "Its 2,507 members had to be approved by Niyazov, who died on Dec. 21, "
            "2006 in Ashgabat.",
        ),
        ("2009-01-03", "Jackson was arrested on January 3, 2009 in Orlando."),
    ]
