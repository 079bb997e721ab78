"""Finding, repairing and normalising the article's own address."""

from __future__ import annotations

import pytest

from newsweave.describe.urls import (
    clean_url,
    date_from_url,
    find_url_in_text,
    registered_domain,
    slug_words,
)


def test_tracking_parameters_and_anchors_are_stripped() -> None:
    url = "https://example.com/news/a-b-c?id=7&utm_source=tw&utm_medium=x&fbclid=abc#comments"
    assert clean_url(url) == "https://example.com/news/a-b-c?id=7"


def test_hashbang_fragments_are_kept_and_host_lowercased() -> None:
    assert clean_url("HTTPS://Example.COM/#!/story/1") == "https://example.com/#!/story/1"


@pytest.mark.parametrize("bad", ["not a url", "ftp://example.com/x", "https://localhost/x", ""])
def test_invalid_addresses_are_rejected(bad: str) -> None:
    assert clean_url(bad) is None


def test_registered_domain_handles_multi_part_suffixes_offline() -> None:
    assert registered_domain("https://news.bbc.co.uk/1/hi/world") == "bbc.co.uk"
    assert registered_domain("https://edition.cnn.com/2021/x") == "cnn.com"
    assert registered_domain("not a url") is None


@pytest.mark.parametrize(
    ("url", "site"),
    [
        # ECB+ 13_12 and 13_14: two blogs on Blogger's Dutch mirror were one site "blogspot.nl"
        ("http://the-palmerpost.blogspot.nl/2012/08/farewell.html", "the-palmerpost.blogspot.com"),
        ("http://theimmoralminority.blogspot.nl/x.html", "theimmoralminority.blogspot.com"),
        ("https://foo.blogspot.co.uk/x", "foo.blogspot.com"),
        ("https://foo.blogspot.com/x", "foo.blogspot.com"),
        ("http://malialitman.wordpress.com/2012/11/20/arson/", "malialitman.wordpress.com"),
        ("http://druzifer.livejournal.com/208067.html", "druzifer.livejournal.com"),
        ("https://www.livejournal.com/about", "livejournal.com"),
        ("https://wordpress.com/", "wordpress.com"),
        ("https://en.blog.wordpress.com/2019/06/19/diverse/", "wordpress.com"),
    ],
)
def test_a_blog_on_a_hosting_platform_is_its_own_site(url: str, site: str) -> None:
    assert registered_domain(url) == site


@pytest.mark.parametrize(
    ("url", "date"),
    [
        ("https://x.com/2020/12/15/some-story/", "2020-12-15"),
        ("https://x.com/news/2019-03-29-leader-spotlight/", "2019-03-29"),
        ("https://sputniknews.com/us/202012151081463006-putin-congratulates/", "2020-12-15"),
        ("https://www.thelocal.se/20200428/meet-the-swede", "2020-04-28"),
        ("https://x.com/2020/01/only-a-month/", None),
        ("https://x.com/item/154091739818", None),
        ("https://x.com/2020/02/30/no-such-day/", None),
    ],
)
def test_dates_written_in_url_paths(url: str, date: str | None) -> None:
    assert date_from_url(url) == date


def test_slug_words_drop_ids_and_digits() -> None:
    words = slug_words("https://x.com/2020/12/15/putin-meets-biden-a72358.html")
    assert words == ["putin", "meets", "biden"]


def test_labelled_url_split_by_a_space_is_rejoined() -> None:
    text = (
        "Some article text.\n\nOriginal url:\n\n"
        "https://www.example-news.com/2020/12/15/leaders-meet-after-elect oral-college-vote-a123"
    )
    assert find_url_in_text(text) == (
        "https://www.example-news.com/2020/12/15/leaders-meet-after-electoral-college-vote-a123"
    )


def test_url_cut_at_a_hyphen_by_a_line_break_is_rejoined() -> None:
    text = "Source: https://example.org/2021/03/02/mayor-opens-\nnew-bridge-over-river\n\nBody."
    assert (
        find_url_in_text(text) == "https://example.org/2021/03/02/mayor-opens-new-bridge-over-river"
    )


def test_a_following_word_of_prose_is_not_glued_to_a_link() -> None:
    text = "Read more at https://example.org/2021/03/02/mayor-opens-bridge today"
    assert find_url_in_text(text) == "https://example.org/2021/03/02/mayor-opens-bridge"


def test_join_that_fits_the_headline_worse_is_refused() -> None:
    text = "Original url: https://example.org/2021/03/02/mayor-opens-bridge other-thing-here"
    url = find_url_in_text(text, title="Mayor opens bridge")
    assert url == "https://example.org/2021/03/02/mayor-opens-bridge"


def test_image_cdn_and_social_links_are_never_the_article() -> None:
    text = (
        "Original url:\n"
        "https://cdn1.img.example.com/img/07e4/0c/0f/1081463201_0:0:2966:1668_1200x675.jpg\n"
        "Source: https://twitter.com/someone/status/1338800000000000000\n"
    )
    assert find_url_in_text(text) is None


def test_unlabelled_link_alone_on_a_line_matching_the_headline_is_taken() -> None:
    text = (
        "Mayor Opens New Bridge Over River\n"
        "https://cdn.example.com/pic.jpg\n"
        "https://www.example.com/local/202103021234-mayor-opens-new-bridge-over-river/\n"
        "The mayor opened the bridge on Tuesday."
    )
    url = find_url_in_text(text, title="Mayor Opens New Bridge Over River")
    assert url == "https://www.example.com/local/202103021234-mayor-opens-new-bridge-over-river/"


def test_links_inside_prose_point_elsewhere() -> None:
    text = (
        "Mayor Opens New Bridge Over River\n"
        "The plan, described at https://www.city.gov/plans/mayor-opens-new-bridge-over-river, "
        "was approved last year."
    )
    assert find_url_in_text(text, title="Mayor Opens New Bridge Over River") is None


def test_home_pages_are_not_article_addresses() -> None:
    assert find_url_in_text("Source: https://www.example.com/") is None
