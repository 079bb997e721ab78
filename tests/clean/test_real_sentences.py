"""Cleaning keeps the article's real sentences (audit 6: 14 real sentences deleted in 4 untuned
stories), repairs sentences glued without a space and cuts page marks out of sentences.

The excerpts are short pieces of the audited ECB+ and GVC articles (7_ecbplus, 4_ecbplus,
11_ecbplus, gvc 562315); the outlets' pages are made up around them.
"""

from __future__ import annotations

from newsweave.clean import clean_text, corpus_line_stats
from newsweave.clean.lexicon import is_date_line
from newsweave.clean.repair import space_glued_sentences
from tests.clean.conftest import PARAGRAPHS


def _page(*parts: str) -> str:
    return "\n\n".join(parts)


def _wire_copies(line: str, outlets: list[str]) -> tuple[list[str], list[str]]:
    """One wire story as several outlets run it: the same lines, each with its own headline and
    tail, so the bodies differ (copies of one body count once in the corpus statistics)."""
    texts = [
        _page(
            f"Klitschko retains his belts in Bern, reports {outlet}",
            PARAGRAPHS[0],
            line,
            "I'm satisfied, the champion told reporters after the bout in Switzerland.",
            PARAGRAPHS[1],
            f"Read more sports news from {outlet} every day of the week, all in one place.",
        )
        for outlet in outlets
    ]
    return texts, outlets


def _clean_batch(texts: list[str], outlets: list[str]) -> list[str]:
    stats = corpus_line_stats(texts, outlets)
    return [
        clean_text(t, stats=stats, outlet_key=o).text for t, o in zip(texts, outlets, strict=True)
    ]


def test_a_short_sentence_that_wire_reprints_share_is_kept() -> None:
    for line in ('"Thompson was not so easy to box.', "She was 91.", "I partied."):
        texts, outlets = _wire_copies(line, ["espn.go.com", "cbc.ca", "pba-online.net"])
        for cleaned in _clean_batch(texts, outlets):
            assert line in cleaned


def test_chrome_repeated_across_outlets_still_goes() -> None:
    for chrome in (
        "Advertisement",
        "Share this story",
        "Click here for more sports news.",
        "No comments.",
        "Thank you.",
    ):
        texts, outlets = _wire_copies(chrome, ["espn.go.com", "cbc.ca", "pba-online.net"])
        for cleaned in _clean_batch(texts, outlets):
            assert chrome not in cleaned


def test_a_sentence_repeated_on_one_outlets_pages_is_still_furniture() -> None:
    line = "She was 91."
    texts, _ = _wire_copies(line, ["a", "b", "c"])
    outlets = ["trend.az"] * 3
    for cleaned in _clean_batch(texts, outlets):
        assert line not in cleaned


def test_a_sentence_naming_a_date_is_no_date_line() -> None:
    for sentence in (
        "The main current staff was elected in December 2008.",
        "Jackson's court date is set for February 17, 2009.",
    ):
        assert not is_date_line(sentence, len(sentence.split()))
        assert sentence in clean_text(_page(PARAGRAPHS[0], sentence, *PARAGRAPHS[1:])).text
    for line in (
        "Updated: July 7, 2012, 10:04 PM ET",
        "Published on Friday, 27 September 2013",
        "Article posted on 08.07.2012",
        "Seacom operations fully restored: 4 November 2011",
    ):
        assert is_date_line(line, len(line.split()))


def test_a_dotted_date_line_is_not_taken_for_the_headline() -> None:
    headline = "Wladimir Klitschko stops Tony Thompson in 6 with efficient execution"
    cleaned = clean_text(_page("Article posted on 08.07.2012", headline, *PARAGRAPHS))
    assert cleaned.title == headline
    assert any(r.reason == "metadata-line" and "08.07.2012" in r.text for r in cleaned.removed)


def test_a_plain_last_sentence_of_the_article_is_kept() -> None:
    last = "Davis' friends lit candles outside the apartment Thursday night."
    assert clean_text(_page(*PARAGRAPHS, last)).text.endswith(last)
    credit = "Michael George reports."
    assert credit not in clean_text(_page(*PARAGRAPHS, credit)).text


def test_sentences_glued_without_a_space_are_spaced() -> None:
    glued = (
        "He was set to graduate before joining the Army.He was known for his sense of humor."
        '"Very polite boy," neighbor Nancy Gonzales said. "Very good, not a trouble-maker. He '
        "didn't deserve that.\"Neighbors say his mother is a postal worker."
    )
    assert space_glued_sentences(glued) == (
        "He was set to graduate before joining the Army. He was known for his sense of humor. "
        '"Very polite boy," neighbor Nancy Gonzales said. "Very good, not a trouble-maker. He '
        "didn't deserve that.\" Neighbors say his mother is a postal worker."
    )
    assert space_glued_sentences("She said “not now.”Then it rained.") == (
        "She said “not now.” Then it rained."
    )


def test_abbreviations_urls_decimals_and_code_stay_glued() -> None:
    for text in (
        "The U.S.Army and Gov.Smith met.",
        "See www.example.Com or mail a.b@example.Org today.",
        "It rose 3.5 Percent, e.g.The case.",
        "mybar = mod.Bar()",
        "Wait...The end.",
    ):
        assert space_glued_sentences(text) == text


def test_a_quote_split_by_a_stray_paragraph_break_is_joined() -> None:
    text = _page(
        PARAGRAPHS[0], '"Thompson was not so easy to box.', "I'm satisfied,\" Klitschko said."
    )
    assert (
        '"Thompson was not so easy to box. I\'m satisfied," Klitschko said.'
        in clean_text(text).text
    )
    # A long quote's next paragraph opens with a quotation mark again: no join.
    two = _page(PARAGRAPHS[0], '"The plan is good for the city.', '"We will build it," she said.')
    assert (
        '"The plan is good for the city.\n\n"We will build it," she said.' in clean_text(two).text
    )


def test_a_wire_dateline_is_cut_from_the_first_sentence_and_kept_as_a_removal() -> None:
    first = "NEW YORK (AP) - New York City police say a 17-year-old boy was killed in the Bronx."
    cleaned = clean_text(_page(first, *PARAGRAPHS))
    assert cleaned.text.startswith("New York City police say a 17-year-old boy")
    assert any(r.reason == "dateline" and r.text == "NEW YORK (AP) -" for r in cleaned.removed)
    # Not a dateline: a capitalised name with a bracket inside the sentence.
    plain = "NASA (the space agency) said on Monday that the launch would go ahead in May."
    assert clean_text(_page(plain, *PARAGRAPHS)).text.startswith(plain)


def test_a_publication_stamp_closing_a_paragraph_is_cut() -> None:
    caption = (
        "A 17-year-old boy was fatally shot in the chest inside a Bronx apartment Thursday "
        "evening, police say. (Published Thursday, May 19, 2016)"
    )
    cleaned = clean_text(_page(*PARAGRAPHS[:2], caption, *PARAGRAPHS[2:]))
    assert "(Published" not in cleaned.text
    assert "inside a Bronx apartment Thursday evening, police say." in cleaned.text
    kept = "The report (published in May 2016 by the state) found no fault."
    assert kept in clean_text(_page(*PARAGRAPHS, kept)).text


def test_a_name_with_a_capital_inside_is_no_glued_caption() -> None:
    for text in (
        "Fred LaRue, a high-ranking Nixon administration official who served a prison term "
        "for his role in Watergate, died at 75, his family said.",
        "Captain Roxanne McDaris of the Enterprise Area Command became emotional as she "
        "relived the details of the shooting on Tuesday.",
        "A GoFundMe account has been set up to help pay for funeral expenses and counseling "
        "for the family, and so far nearly $8,000 has been raised.",
    ):
        doc = _page(text, *PARAGRAPHS, "La Rue and Mc and go are words here too.")
        assert clean_text(doc).text.startswith(text)


def test_a_short_lede_under_the_headline_is_kept() -> None:
    lede = "The expectations placed upon Andrew Luck almost seemed unfair."
    cleaned = clean_text(
        _page("Colts beat Chiefs 20-13 to clinch playoff berth", lede, *PARAGRAPHS)
    )
    assert cleaned.title == "Colts beat Chiefs 20-13 to clinch playoff berth"
    assert cleaned.text.startswith(lede)
    note = "— This story has been updated."
    page = _page("Accidental gun discharge kills officer's son", note, *PARAGRAPHS)
    assert note not in clean_text(page).text
    # A short line under a share widget, not right under a headline or a date, stays out.
    teaser = "Scores came late from the league."
    page = _page("Colts beat Chiefs 20-13", "Share on Facebook", teaser, *PARAGRAPHS)
    assert teaser not in clean_text(page).text


def test_sentences_of_one_quote_on_lines_of_their_own_are_joined() -> None:
    quote = (
        '"Do not trust Mr. Nichols ever again.',
        "Ever again.",
        'Because he can not be trusted."',
    )
    lead = "The judge had advice for anyone who deals with Nichols in the future:"
    cleaned = clean_text(_page(*PARAGRAPHS, lead, *quote)).text
    assert cleaned.endswith(
        '"Do not trust Mr. Nichols ever again. Ever again. Because he can not be trusted."'
    )
    # No line closes the quote: the lines stay apart.
    open_only = _page(
        *PARAGRAPHS[:2], '"We will build it.', "The vote is on Monday.", *PARAGRAPHS[2:]
    )
    assert '"We will build it.\n\nThe vote is on Monday.' in clean_text(open_only).text
