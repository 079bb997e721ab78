"""A quote whose closing mark was left out before its attribution (ECB+ 27_9ecbplus, read in
session 22): '“It's important … preview, Tyler Reguly, technical manager …, says.' then a new
paragraph opening another quote. The next paragraph's mark opens a new quote; it does not carry
the first on, which gave the words, the attribution and the next quote to the speaker before."""

from __future__ import annotations

from newsweave.extract.entities import EntityConfig, extract_entities
from newsweave.extract.quotes import extract_quotes, find_quote_spans

from .helpers import plain_article

TEXT = (
    "Paul Henry, an analyst with Lumension, says that the threat is limited.\n\n"
    '“The bad news is that this patch is very wide-reaching," he says.\n\n'
    "“It's important to reiterate that all versions are affected, Tyler Reguly, technical "
    "manager of security research for Tripwire, says.\n\n"
    '"Since attacks are occurring now, Microsoft should release a patch soon.\n\n'
    "In the meantime, install the shim that they've released.”\n"
)


def test_the_quote_closes_before_its_attribution() -> None:
    quoted = [TEXT[start:end] for start, end in find_quote_spans(TEXT)]
    assert "It's important to reiterate that all versions are affected" in quoted
    assert not any("Tyler Reguly" in words for words in quoted)


def test_the_attributed_speaker_says_it() -> None:
    article = plain_article(TEXT)
    result = extract_entities([article], config=EntityConfig(use_model=False))
    speakers = {
        q.text: q.speaker_text for q in extract_quotes(article, result) if q.kind == "direct"
    }
    assert speakers["It's important to reiterate that all versions are affected"] == "Tyler Reguly"


def test_a_described_speaker_ends_the_quote_too() -> None:
    text = (
        "“We will rebuild the school this year, the mayor said.\n\n"
        "“Nobody here is giving up,” she added.\n"
    )
    assert [text[s:e] for s, e in find_quote_spans(text)] == [
        "We will rebuild the school this year",
        "Nobody here is giving up,",
    ]


def test_a_quote_continued_over_paragraphs_stays_one() -> None:
    text = (
        "“We will rebuild the school, and we will do it this year.\n\n"
        "“Nobody here is giving up,” the mayor said.\n"
    )
    assert [text[s:e] for s, e in find_quote_spans(text)] == [
        "We will rebuild the school, and we will do it this year.\n\n“Nobody here is giving up,"
    ]
