"""What an HTML page states about itself: title, canonical URL, outlet, publication date, language.

Only metadata the page declares (<title>, <link rel=canonical>, OpenGraph and article meta tags,
schema.org JSON-LD, <html lang>); nothing is inferred from the visible text: main-text extraction
is the cleaning stage's job and guessing is the describe stage's.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any
from urllib.parse import urljoin, urlsplit

import lxml.etree
import lxml.html

from newsweave.ingest.decode import decode_bytes, html_declared_charset
from newsweave.ingest.text import remove_nuls
from newsweave.model import Problem, RawDoc

# Meta tags (property=, name= or itemprop=, compared lower-case) that state a publication date,
# in the order we trust them: OpenGraph/article first (set by the CMS), then Dublin Core and
# vendor tags that news sites use (Parse.ly, Sailthru, Cxense).
_DATE_META = (
    "article:published_time",
    "og:article:published_time",
    "datepublished",
    "publishdate",
    "publish-date",
    "publish_date",
    "pubdate",
    "dc.date.issued",
    "dcterms.issued",
    "dc.date",
    "dcterms.created",
    "dcterms.date",
    "parsely-pub-date",
    "sailthru.date",
    "article.published",
    "cxenseparse:recs:publishtime",
    "date",
)
_TITLE_META = ("og:title", "twitter:title")
_ARTICLE_TYPES = frozenset(
    {
        "article",
        "newsarticle",
        "reportagenewsarticle",
        "analysisnewsarticle",
        "opinionnewsarticle",
        "backgroundnewsarticle",
        "reviewnewsarticle",
        "blogposting",
        "socialmediaposting",
        "liveblogposting",
        "scholarlyarticle",
        "report",
    }
)
# Metadata values are single short strings; a longer one is markup junk, not a title or a date.
_MAX_VALUE_CHARS = 1000
_SPACES = re.compile(r"\s+")


@dataclass(frozen=True, slots=True)
class HtmlMeta:
    """Metadata a page declares about itself; None where it says nothing."""

    title: str | None = None
    url: str | None = None
    published: str | None = None
    outlet: str | None = None
    language: str | None = None


def read_html(
    data: bytes,
    source: str,
    *,
    declared_charset: str | None = None,
    url: str | None = None,
    notes: list[Problem] | None = None,
) -> RawDoc | Problem:
    """A RawDoc with the page's HTML and declared metadata, or a Problem when it is not text.

    `url` (e.g. the WARC target URI) wins over the page's own canonical URL, and resolves a
    relative canonical link otherwise. NUL characters are removed, with a note in `notes`.
    """
    decoded = decode_bytes(data, declared=(declared_charset, html_declared_charset(data)))
    if decoded is None:
        return Problem(source=source, error="binary file (not text in any known encoding)")
    if not decoded.text.strip():
        return Problem(source=source, error="empty file")
    html = remove_nuls(decoded.text, source, notes)
    meta = html_metadata(html, base_url=url)
    return RawDoc(
        source=source,
        html=html,
        url=url or meta.url,
        title=meta.title,
        published=meta.published,
        outlet=meta.outlet,
        language=meta.language,
        encoding=decoded.encoding,
    )


def html_metadata(html: str, *, base_url: str | None = None) -> HtmlMeta:
    """The metadata `html` declares; an empty HtmlMeta when it cannot be parsed at all."""
    parser = lxml.html.HTMLParser(encoding="utf-8", recover=True, no_network=True)
    try:
        # Bytes plus an explicit encoding: lxml refuses str input that carries an XML encoding
        # declaration, and the declared one may be wrong now that we decoded it.
        root = lxml.html.document_fromstring(html.encode("utf-8", errors="replace"), parser=parser)
    except (lxml.etree.ParserError, ValueError):
        return HtmlMeta()
    metas = _meta_values(root)
    ld_objects = list(_json_ld_objects(root))
    articles = [obj for obj in ld_objects if _types(obj) & _ARTICLE_TYPES]
    ld_ordered = articles + [obj for obj in ld_objects if obj not in articles]
    return HtmlMeta(
        title=_first(
            _clean(root.findtext("head/title")),  # not an inline SVG <title> in the body
            *(metas.get(key) for key in _TITLE_META),
            *(_ld_text(obj.get("headline")) for obj in articles),
        ),
        url=_first(
            *(_absolute(href, base_url) for href in _canonical_links(root)),
            _absolute(metas.get("og:url"), base_url),
        ),
        published=_first(
            *(metas.get(key) for key in _DATE_META[:-1]),
            *(_ld_text(obj.get("datePublished")) for obj in ld_ordered),
            *(_clean(value) for value in _time_datetimes(root)),
            metas.get(_DATE_META[-1]),
        ),
        outlet=_first(
            metas.get("og:site_name"),
            *(_ld_name(obj.get("publisher")) for obj in articles),
        ),
        language=_first(
            _clean(root.get("lang")),
            _clean(root.get("{http://www.w3.org/XML/1998/namespace}lang")),
            metas.get("content-language"),
        ),
    )


def _meta_values(root: Any) -> dict[str, str]:
    """First non-empty content of each meta property/name/itemprop/http-equiv, keys lower-case."""
    values: dict[str, str] = {}
    for meta in root.iter("meta"):
        content = _clean(meta.get("content"))
        if content is None:
            continue
        for attribute in ("property", "name", "itemprop", "http-equiv"):
            key = (meta.get(attribute) or "").strip().lower()
            if key and key not in values:
                values[key] = content
    return values


def _canonical_links(root: Any) -> Iterator[str]:
    for link in root.iter("link"):
        rels = (link.get("rel") or "").lower().split()
        href = link.get("href")
        if "canonical" in rels and href:
            yield href


def _time_datetimes(root: Any) -> Iterator[str]:
    """`datetime` of <time> elements marked as the publication date (itemprop or pubdate)."""
    for element in root.iter("time", "meta"):
        marked = (element.get("itemprop") or "").lower() == "datepublished"
        if marked or element.get("pubdate") is not None:
            value = element.get("datetime") or element.get("content")
            if value:
                yield value


def _json_ld_objects(root: Any) -> Iterator[dict[str, Any]]:
    for script in root.iter("script"):
        if (script.get("type") or "").strip().lower() != "application/ld+json":
            continue
        raw = (script.text or "").strip()
        # Some CMSs wrap the JSON in an HTML comment or CDATA section.
        raw = re.sub(r"^\s*(?://\s*)?(?:<!--|<!\[CDATA\[)|(?://\s*)?(?:-->|\]\]>)\s*$", "", raw)
        try:
            data = json.loads(raw, strict=False)
        except ValueError:
            continue
        yield from _walk_ld(data, depth=0)


def _walk_ld(data: Any, depth: int) -> Iterator[dict[str, Any]]:
    if depth > 4:  # JSON-LD graphs are shallow; deeper nesting is not page metadata
        return
    if isinstance(data, list):
        for item in data:
            yield from _walk_ld(item, depth + 1)
    elif isinstance(data, dict):
        yield data
        graph = data.get("@graph")
        if graph is not None:
            yield from _walk_ld(graph, depth + 1)


def _types(obj: dict[str, Any]) -> set[str]:
    kind = obj.get("@type")
    kinds = kind if isinstance(kind, list) else [kind]
    return {k.strip().lower() for k in kinds if isinstance(k, str)}


def _ld_text(value: Any) -> str | None:
    if isinstance(value, list) and value:
        value = value[0]
    if isinstance(value, dict):
        value = value.get("@value")
    return _clean(value) if isinstance(value, str) else None


def _ld_name(value: Any) -> str | None:
    if isinstance(value, list) and value:
        value = value[0]
    if isinstance(value, dict):
        return _ld_text(value.get("name"))
    return _ld_text(value)


def _absolute(href: str | None, base_url: str | None) -> str | None:
    href = _clean(href)
    if href is None:
        return None
    if base_url:
        href = urljoin(base_url, href)
    parts = urlsplit(href)
    return href if parts.scheme in ("http", "https") and parts.netloc else None


def _clean(value: str | None) -> str | None:
    """One line of text, or None for missing, empty or implausibly long values."""
    if not isinstance(value, str):
        return None
    value = _SPACES.sub(" ", value).strip()
    return value if value and len(value) <= _MAX_VALUE_CHARS else None


def _first(*values: str | None) -> str | None:
    return next((value for value in values if value), None)
