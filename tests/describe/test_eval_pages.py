"""Describe on the 118 real pages of the cleaning dev set (shared/eval/cleaning; skipped if absent).

Measured 2026-11-22: the HTML route finds the gold URL's registered domain on 99 of the 102
pages that have one (0.971) and never a wrong domain; the 3 misses are blogs without canonical
or og:url metadata. Re-run after changing urls.py, html_page.py or the cleaner's metadata.
"""

from __future__ import annotations

import gzip
import json
from pathlib import Path

import pytest

from newsweave.describe import describe_article
from newsweave.describe.urls import registered_domain
from newsweave.model import Cleaned, RawDoc
from tests.conftest import shared_path

DOMAIN_FLOOR = 0.95
MAX_WRONG_DOMAINS = 1
# Text route (visible text only, no URL metadata): a date found on a date line must equal the
# page's metadata date (htmldate/og). Measured 2026-11-22: 69 of 84 equal (0.82); 6 of the 15
# others are the same moment in another time zone (a day apart), the rest update dates or a
# header's "today" when the headline line is misjudged.
TEXT_DATE_AGREEMENT_FLOOR = 0.75


def _cleaned(raw: RawDoc) -> Cleaned:
    try:
        from newsweave.clean import clean_document
    except ImportError:
        import trafilatura

        meta = trafilatura.extract_metadata(raw.html or "")
        text = trafilatura.extract(raw.html or "") or ""
        return Cleaned(
            text=text,
            route="html",
            title=meta.title if meta else None,
            meta_url=meta.url if meta else None,
            meta_published=meta.date if meta else None,
            meta_outlet=meta.sitename if meta else None,
        )
    return clean_document(raw)


def _pages(root: Path) -> list[tuple[str, str, str | None]]:
    snippets = json.loads((root / "snippets.json").read_text(encoding="utf-8"))
    pages = []
    for name, entry in sorted(snippets.items()):
        html = gzip.decompress((root / "html" / f"{name}.html.gz").read_bytes()).decode("utf-8")
        pages.append((name, html, entry.get("url")))
    return pages


@pytest.mark.slow
def test_html_route_finds_the_gold_domain() -> None:
    root = shared_path("eval", "cleaning")
    right = wrong = total = 0
    for name, html, gold_url in _pages(root):
        if not gold_url:
            continue
        raw = RawDoc(source=f"{name}.html", html=html)
        article = describe_article(raw, _cleaned(raw))
        total += 1
        gold = registered_domain(gold_url)
        right += article.domain == gold
        wrong += article.domain is not None and article.domain != gold
        assert article.title.strip()
    assert total >= 100
    assert right / total >= DOMAIN_FLOOR
    assert wrong <= MAX_WRONG_DOMAINS


@pytest.mark.slow
def test_text_route_date_lines_agree_with_page_metadata() -> None:
    root = shared_path("eval", "cleaning")
    agree = found = 0
    for name, html, _ in _pages(root):
        raw_html = RawDoc(source=f"{name}.html", html=html)
        meta_date = describe_article(raw_html, Cleaned(text="", route="html")).published
        text = (root / "txt" / f"{name}.txt").read_text(encoding="utf-8")
        article = describe_article(RawDoc(source=f"{name}.txt", text=text), Cleaned(text=text))
        if meta_date and article.published_basis == "text":
            found += 1
            agree += article.published == meta_date[:10]
    assert found >= 30
    assert agree / found >= TEXT_DATE_AGREEMENT_FLOOR
