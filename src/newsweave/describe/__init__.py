"""Describe stage: title, URL, domain, outlet, publication date, language and credited origin.

The container's metadata (JSONL fields, WARC headers, HTML meta) is trusted most; what it lacks
is read from the page itself, junk lines included (a date line, an "Original url:" line, a
newsletter plug naming the publisher), because cleaning removes exactly those lines from the body.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from newsweave.describe.dates import (
    find_text_date,
    labelled_publication_dates,
    normalise_published,
)
from newsweave.describe.html_page import HtmlPage, read_html
from newsweave.describe.language import DETECT_CHARS, detect_language
from newsweave.describe.origin import find_origin
from newsweave.describe.publisher import resolve_outlet, text_clues
from newsweave.describe.scan import bounded
from newsweave.describe.title import (
    clip_title,
    first_sentence,
    heading_from_text,
    normalise_title,
    slug_heading,
    split_site_names,
    strip_glued_byline,
    strip_glued_date,
    title_from_source,
    undouble,
)
from newsweave.describe.urls import clean_url, date_from_url, find_url_in_text, registered_domain
from newsweave.ids import content_id
from newsweave.model import Article, Cleaned, PublishedBasis, RawDoc

__all__ = ["DescribeConfig", "describe_article"]


@dataclass(frozen=True, slots=True, kw_only=True)
class DescribeConfig:
    """Options of the describe stage.

    `language_chars`: how much clean text language identification reads.
    `html_date`: run htmldate on raw HTML when neither container nor cleaner gave a date.
    `date_from_text` / `date_from_url`: allow those fallbacks for `published`.
    """

    language_chars: int = DETECT_CHARS
    html_date: bool = True
    date_from_text: bool = True
    date_from_url: bool = True

    def __post_init__(self) -> None:
        if self.language_chars < 1:
            raise ValueError(
                f"language_chars must be a positive number of characters, not {self.language_chars}"
            )


def describe_article(
    raw: RawDoc, cleaned: Cleaned, *, config: DescribeConfig | None = None
) -> Article:
    """The `Article` for one cleaned document: metadata found, body and removals passed on."""
    config = config or DescribeConfig()
    removed_texts = [piece.text for piece in cleaned.removed]
    page = _html_page(raw, cleaned, removed_texts, config) if raw.html else HtmlPage()
    page_text = bounded(page.text or raw.text or "")

    declared_title = _first(raw.title, cleaned.title, page.title)
    url = _first_url(raw.url, cleaned.meta_url, page.url)
    if url is None:
        url = find_url_in_text(page_text, title=declared_title or heading_from_text(page_text))
    if not raw.title and declared_title and url:
        # The cleaner chose among the headings of a page's text without its address; a heading
        # that spells the URL's slug is the article's, one sharing no slug word is a menu's.
        declared_title = slug_heading(declared_title, page_text, url) or declared_title
    domain = registered_domain(url) if url else None
    site_name = _first(raw.outlet, cleaned.meta_outlet, page.site_name)

    title, title_names = _title(
        declared_title, page_text, cleaned.text, url=url, domain=domain, site_name=site_name
    )
    if not title:
        title = title_from_source(raw.source)

    clues = text_clues(page_text, removed=removed_texts, title_names=title_names)
    outlet = resolve_outlet(
        url=url,
        domain=domain,
        declared=(raw.outlet, cleaned.meta_outlet, page.site_name),
        clues=clues,
        texts=[*title_names, page_text],
        title_names=title_names,
    )
    language = detect_language(
        cleaned.text[: config.language_chars],
        declared=raw.language,
        page_hint=cleaned.meta_language or page.language,
    )
    published, basis = _published(
        (raw.published, cleaned.meta_published, page.published),
        page_text,
        title=title,
        url=url,
        language=language,
        config=config,
    )
    body = bounded(cleaned.text)
    # The cleaner cuts a wire dateline ("NEW YORK (AP) -") off the first sentence; its credit
    # still names the origin, so it is read where it stood.
    datelines = [piece.text for piece in cleaned.removed if piece.reason == "dateline"]
    head = f"{datelines[0]} {body}" if datelines else body
    origin = find_origin(page_text or body, body=head, outlet=outlet)
    return Article(
        id=content_id("a", url or "", raw.text or raw.html or ""),
        source=raw.source,
        url=url,
        outlet=outlet,
        domain=domain,
        title=clip_title(title),
        published=published,
        published_basis=basis,
        language=language,
        text=cleaned.text,
        removed=cleaned.removed,
        origin=origin,
    )


def _html_page(
    raw: RawDoc, cleaned: Cleaned, removed_texts: list[str], config: DescribeConfig
) -> HtmlPage:
    """The raw page's text and metadata; parsed only when the cleaner's metadata falls short.

    Parsing costs ~17 ms on a 200 kB page (more than trafilatura's extraction), so when the
    container and the cleaner already gave address, date, title and site name, the page text is
    the body plus what the cleaner removed (the cleaner keeps every visible piece it drops).
    """
    known = (
        _first_url(raw.url, cleaned.meta_url)
        and (raw.published or cleaned.meta_published)
        and (raw.title or cleaned.title)
        and (raw.outlet or cleaned.meta_outlet)
    )
    if known and raw.html:
        return HtmlPage(text="\n".join([cleaned.title or "", cleaned.text, *removed_texts]))
    return read_html(raw.html or "", want_date=config.html_date)


def _first(*values: str | None) -> str | None:
    for value in values:
        if value and value.strip():
            return value.strip()
    return None


def _first_url(*values: str | None) -> str | None:
    for value in values:
        url = clean_url(value) if value else None
        if url:
            return url
    return None


def _title(
    declared: str | None,
    page_text: str,
    body: str,
    *,
    url: str | None,
    domain: str | None,
    site_name: str | None,
) -> tuple[str | None, list[str]]:
    """The headline and the site names cut off its ends."""
    candidate = declared or heading_from_text(page_text, url=url) or first_sentence(body)
    if not candidate:
        return None, []
    core, names = split_site_names(normalise_title(candidate), domain=domain, site_name=site_name)
    if not names and declared:
        names = _names_cut_by_cleaner(declared, page_text, domain=domain, site_name=site_name)
    return undouble(strip_glued_byline(strip_glued_date(core))), names


# Lines of the page text searched for the page title the cleaner took the headline from.
_PAGE_TITLE_LINES = 3


def _names_cut_by_cleaner(
    declared: str, page_text: str, *, domain: str | None, site_name: str | None
) -> list[str]:
    """The site names the text cleaner cut off the page's title line ("Transit tax trust rejects
    county's data - Miami Today" -> "Miami Today"): the headline it returns has lost them, and
    they are the page's own statement of its name."""
    lines = [line.strip() for line in page_text[:2000].splitlines() if line.strip()]
    for line in lines[:_PAGE_TITLE_LINES]:
        if line != declared and line.startswith(declared):
            _, names = split_site_names(normalise_title(line), domain=domain, site_name=site_name)
            return names
    return []


def _published(
    declared: tuple[str | None, ...],
    page_text: str,
    *,
    title: str,
    url: str | None,
    language: str | None,
    config: DescribeConfig,
) -> tuple[str | None, PublishedBasis]:
    """The publication date and how it was found: metadata > a date line > the URL."""
    for index, value in enumerate(declared):
        normalised = normalise_published(value)
        if normalised:
            others = [normalise_published(v) for v in declared[index + 1 :]]
            local = _local_day(normalised, page_text, others, title=title, language=language)
            if index > 0:
                byline = _byline_day(local, page_text)
                if byline:
                    return byline, "text"
            return local, "metadata"
    url_date = date_from_url(url) if url and config.date_from_url else None
    if config.date_from_text:
        text_date = find_text_date(
            page_text, title=title, url_date=url_date, language=_language_code(language)
        )
        if text_date:
            return text_date, "text"
    if url_date:
        return url_date, "url"
    return None, "unknown"


_UTC_SUFFIX = re.compile(r"T\d\d:\d\d(?::\d\d(?:\.\d+)?)?(?:Z|\+00:?00)$")


def _local_day(
    published: str,
    page_text: str,
    others: list[str | None],
    *,
    title: str,
    language: str | None,
) -> str:
    """The byline's day instead of a UTC timestamp's when they differ by one day.

    Many sites write their metadata in UTC: "2023-01-17T00:30:41+00:00" is the article the
    byline dates "January 16, 2023 at 4:30 p.m." (Pacific). The reader's date is the byline's:
    the page's date line, else a later declared date read from the page (the cleaner's).
    """
    if not _UTC_SUFFIX.search(published):
        return published
    stated = [find_text_date(page_text, title=title, language=_language_code(language))]
    for day in [*stated, *others]:
        if day is None or _UTC_SUFFIX.search(day):
            continue
        try:
            gap = (dt.date.fromisoformat(day[:10]) - dt.date.fromisoformat(published[:10])).days
        except ValueError:
            continue
        if abs(gap) == 1:
            return day[:10]
    return published


# A byline's date this many days or more from the cleaner's date is another day, not the same
# moment in another time zone (`_local_day` handles those).
MIN_BYLINE_GAP_DAYS = 2


def _byline_day(published: str, page_text: str) -> str | None:
    """The page's labelled publication day when it labels one day only and the date the cleaner
    or the page parser found is another: theirs may come from a list of related stories
    ("Editor's Pick ... 2023-11-03" below "Written: 2023-11-07", world.kbs.co.kr). The
    container's own date (JSONL field, WARC header, meta tags) is not second-guessed."""
    labelled = labelled_publication_dates(page_text)
    if len(labelled) != 1:
        return None  # none, or several (comments, related stories): no byline to trust
    stated = next(iter(labelled))
    try:
        gap = (dt.date.fromisoformat(stated) - dt.date.fromisoformat(published[:10])).days
    except ValueError:
        return None
    return stated if abs(gap) >= MIN_BYLINE_GAP_DAYS else None


def _language_code(language: str | None) -> str | None:
    return language if language and re.fullmatch(r"[a-z]{2}", language) else None
