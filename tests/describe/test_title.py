"""Headlines: site suffixes, headings in page text, fallbacks."""

from __future__ import annotations

import pytest

from newsweave.describe.title import (
    first_sentence,
    heading_from_text,
    normalise_title,
    split_site_names,
    strip_glued_byline,
    title_from_source,
    undouble,
)


@pytest.mark.parametrize(
    ("title", "core", "names"),
    [
        ("Putin meets Biden | Reuters", "Putin meets Biden", ["Reuters"]),
        ("Putin Congratulates Biden - The Moscow Times", "Putin Congratulates Biden",
         ["The Moscow Times"]),
        ("Berlin confronts its colonial past | DW | 19.01.2020",
         "Berlin confronts its colonial past", ["Deutsche Welle"]),
        ("Prison official speaks | Cayman Compass", "Prison official speaks", ["Cayman Compass"]),
        ("Doubts over relations grow - Poll", "Doubts over relations grow - Poll", []),
        ("BBC News - Mayor opens new bridge", "Mayor opens new bridge", ["BBC"]),
        ("Reuters", "Reuters", []),
    ],
)  # fmt: skip
def test_site_names_are_cut_from_headlines(title: str, core: str, names: list[str]) -> None:
    assert split_site_names(title) == (core, names)


def test_a_dash_suffix_matching_the_domain_or_site_name_is_cut() -> None:
    assert split_site_names("Mayor opens bridge - Acme Gazette", domain="acmegazette.com") == (
        "Mayor opens bridge",
        ["Acme Gazette"],
    )
    assert split_site_names("Mayor opens bridge – Gazette Online", site_name="Gazette Online")[
        0
    ] == ("Mayor opens bridge")


def test_titles_are_unescaped_and_whitespace_normalised() -> None:
    assert normalise_title("  Tom &amp; Jerry\n  return ") == "Tom & Jerry return"


def test_heading_matching_the_url_slug_wins_over_menu_lines() -> None:
    text = (
        "Listen Live\nCOVID-19 Global Data Tracker Here\n"
        "Putin Congratulates Biden on Victory\nBody."
    )
    url = "https://x.com/us/2020-putin-congratulates-biden-on-victory/"
    assert heading_from_text(text, url=url) == "Putin Congratulates Biden on Victory"


def test_first_headline_cased_line_without_url() -> None:
    text = "0\nSkip to main content\nMayor Opens New Bridge Over the River\nThe mayor opened it."
    assert heading_from_text(text) == "Mayor Opens New Bridge Over the River"


def test_sentences_and_date_lines_are_not_headings() -> None:
    assert heading_from_text("December 15, 2020\nThe mayor opened the bridge on Tuesday.") is None


def test_first_sentence_is_cut_at_a_word_boundary() -> None:
    assert first_sentence("Short one. Second.") == "Short one."
    long = "word " * 60
    cut = first_sentence(long, limit=50)
    assert cut is not None and cut.endswith("…") and len(cut) <= 51
    assert first_sentence("   ") is None


def test_title_from_source_file_name() -> None:
    assert title_from_source("/data/000_putin-meets_biden.txt") == "000 putin meets biden"
    assert title_from_source("crawl.warc.gz#123") == "crawl"


@pytest.mark.parametrize(
    ("title", "expected"),
    [
        ("Man shot dead in Chicago on July 02 2013 7:41 AM", "Man shot dead in Chicago"),
        ("Floods hit the town - Updated: March 3, 2020", "Floods hit the town"),
        ("Storm hits the coast, Jan 5, 2020 at 10:05 pm EST", "Storm hits the coast"),
        ("Remembering September 11, 2001", "Remembering September 11, 2001"),
        ("The March 3, 2020 primary results", "The March 3, 2020 primary results"),
    ],
)
def test_a_date_glued_to_a_headline_is_cut(title: str, expected: str) -> None:
    from newsweave.describe.title import strip_glued_date

    assert strip_glued_date(title) == expected


@pytest.mark.parametrize(
    ("title", "domain", "site_name", "expected"),
    [
        ("Four Years Remaining » Blog Archive » Interning of Small Integers in Python",
         "fouryears.eu", None, "Interning of Small Integers in Python"),
        ("How To Scrape Google With Python - By linksc", "hackernoon.com", None,
         "How To Scrape Google With Python"),
        ("Update | Deceased Clarendon crash victims identified | News | Jamaica Gleaner",
         "jamaica-gleaner.com", None, "Update | Deceased Clarendon crash victims identified"),
        ("Better Health For America: What You Need To Know About CVS Health : Home : Jobs & Hire",
         "jobsnhire.com", "Jobs & Hire",
         "Better Health For America: What You Need To Know About CVS Health"),
        ("Letters: Coddling criminals | Undermining road | Tax dollars", "mercurynews.com",
         "The Mercury News", "Letters: Coddling criminals | Undermining road | Tax dollars"),
        ("Spooky Halloween Workouts - My Daily Magazine - Art, Design, DIY, Fashion and Beauty !",
         "mydailymagazine.com", "My Daily Magazine - Art, Design, DIY, Fashion and Beauty !",
         "Spooky Halloween Workouts"),
        ("EMACSPEAK The Complete Audio Desktop: Meta-Programming In Emacs Using Defadvice",
         "emacspeak.blogspot.com", None, "Meta-Programming In Emacs Using Defadvice"),
        ("Python 3: simple HTTP Request with the Socket module", "geeks3d.com", None,
         "Python 3: simple HTTP Request with the Socket module"),
        ("Python 3.8: what is new in it", "python.org", None, "Python 3.8: what is new in it"),
        ("Pluralsight Tech Blog | Managing Python Environments", "pluralsight.com", None,
         "Managing Python Environments"),
        ("Detroit’s Mezcal restaurant goes beyond familiar Mexican fare | Restaurant reviews | "
         "Detroit | Detroit Metro Times", "metrotimes.com", "Detroit Metro Times",
         "Detroit’s Mezcal restaurant goes beyond familiar Mexican fare"),
        ("Google Online Security Blog: Enhanced Safe Browsing Protection now available in Chrome",
         "googleblog.com", "Google Online Security Blog",
         "Enhanced Safe Browsing Protection now available in Chrome"),
        ("Colder Temperatures Forecast for Wed. after Cold Wave Alert Tues. l KBS WORLD",
         "kbs.co.kr", None, "Colder Temperatures Forecast for Wed. after Cold Wave Alert Tues."),
        ("Wide Range Of Investment Opportunities At AICE 2022 – Jamaica Information Service",
         "jis.gov.jm", None, "Wide Range Of Investment Opportunities At AICE 2022"),
        ("The Loneliest Woman in the World: An Appreciation of Heart’s “Alone” |",
         "thenervousbreakdown.com", None,
         "The Loneliest Woman in the World: An Appreciation of Heart’s “Alone”"),
    ],
)  # fmt: skip
def test_site_names_sections_and_bylines_are_cut_from_headlines(
    title: str, domain: str, site_name: str | None, expected: str
) -> None:
    assert split_site_names(title, domain=domain, site_name=site_name)[0] == expected


def test_first_sentence_is_not_cut_after_an_abbreviation_or_an_initial() -> None:
    # Undated ECB+ articles were titled "... says neurosurgeon Dr." and "The U.S."
    text = "Lohan checks into rehab, says neurosurgeon Dr. Drew Pinsky. Her lawyer agreed."
    assert first_sentence(text) == "Lohan checks into rehab, says neurosurgeon Dr. Drew Pinsky."
    assert first_sentence("The U.S. Navy seized a ship. Then more.") == (
        "The U.S. Navy seized a ship."
    )
    assert first_sentence("Gov. J. Smith resigned. He left.") == "Gov. J. Smith resigned."


@pytest.mark.parametrize(
    ("title", "domain", "site_name", "expected"),
    [
        # A site tail of several parts: name, places and taglines, in either order.
        ("Teenager found shot in Vista - CBS News 8 - San Diego, CA News Station",
         "cbs8.com", None, "Teenager found shot in Vista"),
        ("Anadarko Heartbroken Over Suicides - News9.com - Oklahoma City, OK - News, Weather, "
         "Video and Sports |", "news9.com", None, "Anadarko Heartbroken Over Suicides"),
        ("Man arrested in shooting - Atlanta News, Weather, Traffic, and Sports | FOX 5",
         "myfoxatlanta.com", None, "Man arrested in shooting"),
        ("Police investigating two shootings - KAIT Jonesboro, AR - Region 8 News, weather, sports",
         "kait8.com", None, "Police investigating two shootings"),
        ("ATLANTIS DONATES MEDICAL SUPPLIES TO BAARK | Nassau / Paradise Island, Bahamas | "
         "Bahamas Local News - Nassau / Paradise Island, Bahamas", None, None,
         "ATLANTIS DONATES MEDICAL SUPPLIES TO BAARK"),
        ("Berlin confronts its colonial past | Germany| News and in-depth reporting from Berlin "
         "and beyond | DW | 19.01.2020", "dw.com", "DW.COM", "Berlin confronts its colonial past"),
        ("Hating Millennials - the prejudice you're allowed to boast about / Boing Boing",
         "boingboing.net", "Boing Boing",
         "Hating Millennials - the prejudice you're allowed to boast about"),
        # A place without a site name after it, and a dash inside a headline, are kept.
        ("Storm closes schools - Tulsa, OK", "example.com", None,
         "Storm closes schools - Tulsa, OK"),
        ("Hating Millennials - the prejudice you're allowed to boast about", "boingboing.net",
         None, "Hating Millennials - the prejudice you're allowed to boast about"),
        ("Shooting suspect arrested - police say more charges likely", "wect.com", None,
         "Shooting suspect arrested - police say more charges likely"),
    ],
)  # fmt: skip
def test_site_tails_of_several_parts_are_cut(
    title: str, domain: str | None, site_name: str | None, expected: str
) -> None:
    assert split_site_names(title, domain=domain, site_name=site_name)[0] == expected


def test_a_prime_between_letters_is_an_apostrophe() -> None:
    assert normalise_title("Germany′s colonial past") == "Germany’s colonial past"
    assert normalise_title("a 5′ 10″ man") == "a 5′ 10″ man"


def test_a_glued_byline_label_and_a_doubled_headline_are_cut() -> None:
    assert strip_glued_byline("Teen dies in shooting, deputies say by: Dave Faherty") == (
        "Teen dies in shooting, deputies say"
    )
    assert strip_glued_byline("Killed by: Police") == "Killed by: Police"  # too little left
    assert undouble("Man Shot In The HeadMan Shot In The Head") == "Man Shot In The Head"
    assert undouble("Bora Bora") == "Bora Bora"


def test_a_heading_spelling_the_url_slug_beats_a_cleaner_title_sharing_none_of_it() -> None:
    from newsweave.describe import describe_article
    from newsweave.model import Cleaned, RawDoc

    body = "Esther Williams, the swimming champion turned actress, has died. She was 91."
    text = (
        "Friday, June 7, 2013\nHollywood’s mermaid Esther Williams dies\n"
        f"Champion swimmer turned top box-office draw in 40s and 50s\n{body}"
    )
    url = "http://www.example.com/article/132929/hollywoods-mermaid-esther-williams-dies-"
    subhead = "Champion swimmer turned top box-office draw in 40s and 50s"
    article = describe_article(
        RawDoc(source="p.txt", text=text, url=url), Cleaned(text=body, title=subhead)
    )
    assert article.title == "Hollywood’s mermaid Esther Williams dies"
    # A title the container gave is not second-guessed.
    given = RawDoc(source="p.txt", text=text, url=url, title=subhead)
    assert describe_article(given, Cleaned(text=body, title=subhead)).title == subhead
