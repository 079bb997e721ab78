"""The describe stage as a whole: API, HTML route, invariants."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newsweave import describe
from newsweave.describe import DescribeConfig, describe_article
from newsweave.model import Cleaned, RawDoc, Removal

BODY = (
    "The council voted on Tuesday to expand the bus network to three new districts, a plan "
    "that officials said would cut average commuting times by almost a quarter."
)
PAGE = """<!doctype html><html lang="en"><head>
<title>Council expands buses | Acme Gazette</title>
<meta property="og:title" content="Council expands bus network | Acme Gazette">
<meta property="og:site_name" content="Acme Gazette">
<link rel="canonical" href="https://www.acmegazette.com/2021/03/02/council-expands-bus-network/?utm_source=x">
<meta property="article:published_time" content="2021-03-02T10:00:00+00:00">
<script>var junk = "© Reuters";</script>
</head><body><nav>Home News</nav><article><h1>Council expands bus network</h1>
<p>{body}</p></article><footer>© 2021 Acme Gazette. All rights reserved.</footer></body></html>
""".replace("{body}", BODY)


def test_public_surface_is_pinned() -> None:
    assert describe.__all__ == ["DescribeConfig", "describe_article"]


def test_html_page_metadata_is_read_when_the_cleaner_gave_none() -> None:
    raw = RawDoc(source="page.html", html=PAGE)
    article = describe_article(raw, Cleaned(text=BODY, route="html"))
    assert article.url == "https://www.acmegazette.com/2021/03/02/council-expands-bus-network/"
    assert article.domain == "acmegazette.com"
    assert article.outlet == "Acme Gazette"
    assert article.title == "Council expands bus network"
    assert (article.published, article.published_basis) == ("2021-03-02T10:00:00+00:00", "metadata")
    assert article.language == "en"
    assert article.origin is None  # script text is not visible text


def test_cleaner_metadata_and_container_fields_come_first() -> None:
    raw = RawDoc(
        source="x.jsonl#3",
        text=BODY,
        url="https://www.reuters.com/world/europe/council-expands-bus-network-2021-03-02/",
        title="Council expands bus network | Reuters",
        published="2021-03-02",
        language="en",
    )
    article = describe_article(raw, Cleaned(text=BODY, title="Other", meta_published="1999-01-01"))
    assert article.title == "Council expands bus network"
    assert article.outlet == "Reuters"
    assert (article.published, article.published_basis) == ("2021-03-02", "metadata")


def test_date_from_url_when_the_page_states_none() -> None:
    raw = RawDoc(source="p", text=BODY, url="https://x-news.com/2021/03/02/council-expands-bus/")
    article = describe_article(raw, Cleaned(text=BODY))
    assert (article.published, article.published_basis) == ("2021-03-02", "url")
    config = DescribeConfig(date_from_url=False)
    assert describe_article(raw, Cleaned(text=BODY), config=config).published_basis == "unknown"


def test_two_blogs_on_one_platform_are_two_outlets() -> None:
    urls = ("http://the-palmerpost.blogspot.nl/2012/08/a.html", "http://other.blogspot.nl/b.html")
    outlets = {describe_article(RawDoc(source="p", text=BODY, url=u), Cleaned(text=BODY)).outlet
               for u in urls}  # fmt: skip
    assert outlets == {"the-palmerpost.blogspot.com", "other.blogspot.com"}


def test_body_and_removals_pass_through_and_later_fields_are_empty() -> None:
    removed = (Removal(text="Accept cookies", reason="cookie"),)
    article = describe_article(RawDoc(source="p", text=BODY), Cleaned(text=BODY, removed=removed))
    assert article.text == BODY
    assert article.removed == removed
    assert article.copy_of is None and article.dates == ()


def test_id_depends_on_url_and_raw_content_only() -> None:
    raw = RawDoc(source="a.txt", text=BODY)
    first = describe_article(raw, Cleaned(text=BODY))
    moved = describe_article(RawDoc(source="b.txt", text=BODY), Cleaned(text="other"))
    assert first.id == moved.id
    with_url = RawDoc(source="a.txt", text=BODY, url="https://x-news.com/a/b-c-d")
    assert describe_article(with_url, Cleaned(text=BODY)).id != first.id


def test_empty_document_still_gets_a_title() -> None:
    article = describe_article(RawDoc(source="dir/empty_page.txt", text=""), Cleaned(text=""))
    assert article.title == "empty page"
    assert article.language is None
    assert article.published_basis == "unknown"


def test_config_rejects_a_useless_language_sample() -> None:
    with pytest.raises(ValueError, match="language_chars"):
        DescribeConfig(language_chars=0)


def test_broken_html_does_not_crash() -> None:
    raw = RawDoc(source="bad.html", html="<<<\x00>>> </html><p>")
    article = describe_article(raw, Cleaned(text="", route="html"))
    assert article.title


@settings(max_examples=60, deadline=None)
@given(st.text(max_size=400))
def test_any_text_gives_an_article_with_a_title_deterministically(text: str) -> None:
    raw = RawDoc(source="fuzz.txt", text=text)
    first = describe_article(raw, Cleaned(text=text))
    assert first.title.strip()
    assert first == describe_article(raw, Cleaned(text=text))
    assert first.published_basis in ("metadata", "text", "url", "inferred", "unknown")
    assert (first.published is None) == (first.published_basis == "unknown")


def test_a_utc_timestamp_gives_way_to_the_bylines_day_one_day_apart() -> None:
    from newsweave.describe import _local_day

    page = "Letters: Coddling criminals\nPUBLISHED: January 16, 2023 at 4:30 p.m.\nBody text."
    title = "Letters: Coddling criminals"
    assert _local_day("2023-01-17T00:30:41+00:00", page, [], title=title, language="en") == (
        "2023-01-16"
    )
    # A timestamp with its own offset is the publisher's local time already.
    local = "2023-01-17T00:30:41-08:00"
    assert _local_day(local, page, [], title=title, language="en") == local
    # Two or more days apart is not a time-zone shift (a modified date, another article).
    assert _local_day("2023-01-19T00:30:41Z", page, [], title=title, language="en") == (
        "2023-01-19T00:30:41Z"
    )
    # The cleaner's date read from the page counts when the page text has no date line.
    assert _local_day(
        "2020-02-25T02:25:54+00:00", "", ["2020-02-24"], title="x", language="en"
    ) == ("2020-02-24")


def test_the_pages_one_labelled_day_beats_the_cleaners_date_of_another_day() -> None:
    body = "Colder temperatures are forecast for Wednesday after a cold wave alert on Tuesday."
    byline = Removal(text="Written: 2023-11-07 15:03:30 / Updated: 2023-11-07 15:30:46", reason="x")
    related = Removal(text="Editor's Pick\nMusic Bank Lineup\n2023-11-03", reason="x")
    url = "https://world.example.kr/news_view.htm?seq=1"

    def published(raw_published: str | None, *removed: Removal) -> str | None:
        raw = RawDoc(source="p.html", html="<p>x</p>", url=url, title="Colder Temperatures",
                     outlet="Example", published=raw_published)  # fmt: skip
        cleaned = Cleaned(text=body, route="html", meta_published="2023-11-03", removed=removed)
        return describe_article(raw, cleaned).published

    assert published(None, byline, related) == "2023-11-07"
    # Two labelled days (a comment's "Posted"): no byline to trust; the container's date stays.
    comment = Removal(text="Posted on 2023-11-05 by reader", reason="x")
    assert published(None, byline, comment) == "2023-11-03"
    assert published("2023-11-03", byline) == "2023-11-03"


def test_the_site_name_the_cleaner_cut_off_the_page_title_still_names_the_outlet() -> None:
    # The text cleaner returns "Transit tax trust ..." without its "- Miami Today" tail; that
    # tail and the copyright line name the site (miamitodaynews.com was shown as its domain).
    from newsweave.clean import clean_text

    body = " ".join([BODY] * 3)
    page = (
        "Transit tax trust rejects county data - Miami Today\n\nHome\n\nNews\n\n"
        f"Transit tax trust rejects county data\n\n{body}\n\n{body}\n\n"
        "© 2023 Miami Today. All Rights Reserved."
    )
    url = "https://www.miamitodaynews.com/2023/11/07/transit-tax-trust-rejects/"
    raw = RawDoc(source="p", text=page, url=url)
    article = describe_article(raw, clean_text(page))
    assert (article.title, article.outlet) == (
        "Transit tax trust rejects county data",
        "Miami Today",
    )
    # Without the copyright line, the headline's tail alone (an unknown name) is not enough.
    bare = page.rsplit("\n\n", 1)[0]
    article = describe_article(RawDoc(source="p", text=bare, url=url), clean_text(bare))
    assert article.outlet == "miamitodaynews.com"
