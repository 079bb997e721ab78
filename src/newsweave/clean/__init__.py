"""Cleaning stage: from a raw page (plain text or HTML) to the article body, title and removals.

Plain text goes through our own cleaner (`clean_text`); HTML through trafilatura
(`extract_html`). Every removed piece is kept with a short, stable reason code:

    title, repeated-title        the headline (returned in `Cleaned.title`) and its copies
    cookie-notice, privacy-notice, newsletter-plug, comment-rules, login-form, share-widget,
    related-link, advertisement, help-box, disclaimer, copyright, browser-notice
                                 phrase lexicons (`lexicon.py`)
    navigation, link, counter, metadata-line
                                 menus, bare URLs, numbers, bylines, dates, labels
    dateline                     a wire dateline cut off the first sentence ("NEW YORK (AP) -")
    caption, photo-credit        photo captions and credits (`captions.py`)
    repeated-line, corpus-repeated
                                 repeated in the document / across an outlet's documents
                                 (identical copies of a body count once)
    author-bio                   "Jane Doe is a writer for ..." at the edge of the article
    outside-article              prose outside the article region (teasers, policies)
    html-boilerplate             visible HTML text that trafilatura did not keep
"""

from __future__ import annotations

from urllib.parse import urlsplit

from newsweave.clean.config import CleanConfig
from newsweave.clean.html import extract_html
from newsweave.clean.stats import CorpusLineStats, corpus_line_stats
from newsweave.clean.text import clean_text
from newsweave.model import Cleaned, RawDoc

__all__ = [
    "CleanConfig",
    "CorpusLineStats",
    "clean_document",
    "clean_text",
    "corpus_line_stats",
    "extract_html",
    "outlet_key",
]


def clean_document(
    raw: RawDoc, *, config: CleanConfig | None = None, stats: CorpusLineStats | None = None
) -> Cleaned:
    """Clean one raw document: its HTML when it has some, else its plain text."""
    if raw.html is not None:
        cleaned = extract_html(raw.html, url=raw.url, config=config)
        if cleaned.text or not raw.text:
            return cleaned
    return clean_text(raw.text or "", config=config, stats=stats, outlet_key=outlet_key(raw))


def outlet_key(raw: RawDoc) -> str | None:
    """The key under which `corpus_line_stats` should count this document: outlet, else host."""
    if raw.outlet:
        return raw.outlet
    if raw.url:
        try:
            host = urlsplit(raw.url).hostname
        except ValueError:  # a malformed URL (e.g. an unclosed IPv6 bracket) has no host
            return None
        return host.removeprefix("www.") if host else None
    return None
