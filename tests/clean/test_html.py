"""HTML route (trafilatura) and the document router."""

from __future__ import annotations

from newsweave.clean import clean_document, extract_html
from newsweave.model import RawDoc
from tests.clean.conftest import PARAGRAPHS

_PAGE = """<!DOCTYPE html>
<html lang="en"><head><title>Council votes to expand bus network - Springfield Gazette</title>
<meta property="og:site_name" content="Springfield Gazette">
<meta property="article:published_time" content="2023-11-09T08:00:00Z">
</head><body>
<nav><ul><li><a href="/">Home</a></li><li><a href="/news">News</a></li>
<li><a href="/sport">Sport</a></li></ul></nav>
<article><h1>Council votes to expand bus network</h1>
{paragraphs}
<p>Sign up for our free daily newsletter to get the best stories delivered to your inbox.</p>
</article>
<footer><p>Copyright 2023 Springfield Gazette. All rights reserved.</p>
<a href="/privacy">Privacy Policy</a></footer>
</body></html>"""


def _html() -> str:
    return _PAGE.format(paragraphs="\n".join(f"<p>{p}</p>" for p in PARAGRAPHS))


def test_extract_html_returns_article_paragraphs_and_metadata() -> None:
    cleaned = extract_html(_html(), url="https://gazette.example/bus")
    assert cleaned.route == "html"
    assert cleaned.text.split("\n\n") == list(PARAGRAPHS)
    assert cleaned.title == "Council votes to expand bus network"
    assert cleaned.meta_published == "2023-11-09"
    assert cleaned.meta_outlet == "Springfield Gazette"
    assert cleaned.meta_url == "https://gazette.example/bus"
    assert cleaned.meta_language == "en"


def test_extract_html_records_what_it_dropped() -> None:
    cleaned = extract_html(_html())
    dropped = " ".join(r.text for r in cleaned.removed)
    assert "Home" in dropped and "Privacy Policy" in dropped
    assert {r.reason for r in cleaned.removed} == {"html-boilerplate", "newsletter-plug", "title"}


def test_extract_html_on_garbage_gives_empty_text_not_an_error() -> None:
    for junk in ("", "<html></html>", "\x00\x01 not html at all", "<p>" * 1000):
        cleaned = extract_html(junk)
        assert cleaned.route == "html"
        assert isinstance(cleaned.text, str)


def test_clean_document_routes_html_and_text() -> None:
    html_doc = RawDoc(source="a.html", html=_html(), url="https://gazette.example/bus")
    text_doc = RawDoc(source="a.txt", text="\n\n".join(PARAGRAPHS))
    assert clean_document(html_doc).route == "html"
    assert clean_document(text_doc).route == "text"


def test_clean_document_falls_back_to_text_when_html_is_empty() -> None:
    doc = RawDoc(source="x", html="<html></html>", text="\n\n".join(PARAGRAPHS))
    cleaned = clean_document(doc)
    assert cleaned.route == "text"
    assert cleaned.text.split("\n\n") == list(PARAGRAPHS)
