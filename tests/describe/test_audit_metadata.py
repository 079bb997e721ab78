"""Metadata of audit 6's untuned stories (short excerpts of ECB+ 7_1, 7_7, 11_2 and GVC dfe6):
a date glued before the headline, a brand under its owner's domain, a wire dateline the
cleaner cut off the first sentence."""

from __future__ import annotations

from newsweave.clean import clean_text
from newsweave.describe import describe_article
from newsweave.describe.title import strip_glued_date
from newsweave.model import RawDoc

BODY = (
    "Parliamentary elections in Turkmenistan that are scheduled for December 15 of this year "
    "will be held on a two-party basis, the Central Election Commission said on Friday."
)


def _describe(text: str, url: str | None = None):
    raw = RawDoc(source="audit.jsonl:1", text=text, url=url)
    return describe_article(raw, clean_text(text))


def test_a_numeric_date_glued_before_the_headline_is_cut() -> None:
    headline = "Turkmenistan to hold first-ever parliamentary elections on a two-party basis"
    assert strip_glued_date(f"27/09/2013-{headline}") == headline
    assert strip_glued_date(f"2013-09-27 | {headline}") == headline
    for kept in ("9/11-Era Rules Stay", "24-7 Coverage of the Storm"):
        assert strip_glued_date(kept) == kept
    page = f"27/09/2013-{headline}\n\nPublished on Friday, 27 September 2013\n\n{BODY}"
    assert _describe(page, "http://www.turkmenistan.ru/en/articles/17425.html").title == headline


def test_a_brand_under_its_owners_domain_is_its_own_outlet() -> None:
    page = f"Wladimir Klitschko retains belts\n\n{BODY}"
    article = _describe(page, "http://espn.go.com/boxing/story/_/id/8139047/klitschko")
    assert article.outlet == "ESPN"
    assert article.domain == "espn.go.com"
    abc = _describe(page, "http://abcnews.go.com/US/story?id=1")
    assert abc.outlet == "ABC News"
    assert abc.domain != article.domain


def test_the_wire_credit_of_a_cut_dateline_still_names_the_origin() -> None:
    page = (
        "Police: 17-year-old fatally shot in NYC apartment building\n\n"
        "NEW YORK (AP) - New York City police say a 17-year-old boy was killed after being shot "
        "inside a public housing apartment building in the Bronx.\n\n" + BODY
    )
    article = _describe(page, "http://www.wcax.com/story/31999999/police-teen-shot")
    assert article.text.startswith("New York City police say")
    assert article.origin == "Associated Press"
