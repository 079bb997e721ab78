"""What the raw HTML itself says: its visible text and its metadata.

The describe stage searches the whole visible page (junk lines included) for dates, links and
publisher clues, and falls back on the page's own metadata (og:*, canonical link, htmldate)
when the cleaner handed over none. One lxml parse serves all of it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

_BLOCK_TAGS = frozenset(
    [
        "address",
        "article",
        "aside",
        "blockquote",
        "br",
        "dd",
        "div",
        "dl",
        "dt",
        "figcaption",
        "figure",
        "footer",
        "form",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "header",
        "hr",
        "li",
        "main",
        "nav",
        "ol",
        "p",
        "pre",
        "section",
        "table",
        "td",
        "th",
        "tr",
        "ul",
        "title",
        "time",
    ]
)
_INVISIBLE_TAGS = ("script", "style", "noscript", "template", "svg", "head", "iframe", "object")
# Pages larger than this are cut before parsing: metadata and the article start long before.
MAX_HTML_CHARS = 2_000_000


@dataclass(frozen=True, slots=True)
class HtmlPage:
    """Visible text and metadata of one HTML page (fields None when the page does not say)."""

    text: str = ""
    title: str | None = None
    url: str | None = None
    site_name: str | None = None
    published: str | None = None
    language: str | None = None


def _meta(tree: Any, *keys: str) -> str | None:
    for key in keys:
        for attr in ("property", "name", "itemprop"):
            values = tree.xpath(f'//meta[@{attr}="{key}"]/@content')
            for value in values:
                if str(value).strip():
                    return str(value).strip()
    return None


def read_html(html: str, *, want_date: bool = True) -> HtmlPage:
    """Parse `html` once: visible text, title, address, site name, date, language."""
    try:
        import lxml.html
        from lxml import etree

        tree = lxml.html.fromstring(html[:MAX_HTML_CHARS])
    except Exception:  # empty, binary or hopeless markup: nothing to read, not a crash
        return HtmlPage()
    title = _meta(tree, "og:title", "twitter:title") or _first_text(tree, "//title")
    canonical = tree.xpath('//link[@rel="canonical"]/@href')
    url = _meta(tree, "og:url") or (str(canonical[0]).strip() if canonical else None)
    site_name = _meta(tree, "og:site_name", "application-name")
    published = _meta(
        tree, "article:published_time", "datePublished", "pubdate", "publishdate", "date"
    )
    if published is None and want_date:
        published = _htmldate(tree)
    languages = tree.xpath("/html/@lang")
    language = str(languages[0]).strip() if languages else None
    etree.strip_elements(tree, *_INVISIBLE_TAGS, with_tail=False)
    etree.strip_elements(tree, etree.Comment, etree.ProcessingInstruction, with_tail=False)
    return HtmlPage(
        text=_visible_text(tree),
        title=title,
        url=url,
        site_name=site_name,
        published=published,
        language=language,
    )


def _first_text(tree: Any, xpath: str) -> str | None:
    found = tree.xpath(xpath)
    if not found:
        return None
    text = found[0].text_content().strip()
    return text or None


def _htmldate(tree: Any) -> str | None:
    """htmldate's original publication date from the page's markup (no extensive text search)."""
    try:
        from htmldate import find_date

        value = find_date(tree, original_date=True, extensive_search=False)
    except Exception:  # htmldate raises on some malformed trees; a missing date is fine
        return None
    return str(value) if value else None


def _visible_text(tree: Any) -> str:
    """The text a reader sees, one block per line."""
    from lxml import etree

    parts: list[str] = []
    for event, element in etree.iterwalk(tree, events=("start", "end")):
        tag = element.tag if isinstance(element.tag, str) else ""
        block = tag.lower() in _BLOCK_TAGS
        if event == "start":
            if block:
                parts.append("\n")
            if element.text:
                parts.append(element.text)
        else:
            if block:
                parts.append("\n")
            if element.tail and element is not tree:
                parts.append(element.tail)
    text = "".join(parts)
    text = re.sub(r"[ \t\r\f\v\xa0]+", " ", text)
    return re.sub(r"(?<![^\S\n])[^\S\n]*\n\s*", "\n", text).strip()
