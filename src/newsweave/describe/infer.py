"""Publication dates inferred from an article's story, for articles that state none.

Relative dates ("on Monday") can only be resolved against a publication date. When an article has
none, but the other articles of its story — at least two independent voices — were published
within a short window, the article most likely appeared in that window too (news about one
happening is published together). We then take the window's most common date, mark the basis
`inferred`, and let the report say so. Wider windows mean a running story; we do not guess there.

The story alone is not enough: the page itself must show that it was written at that moment. It
must speak from its own day ("on Monday", "yesterday", "Nov. 3" without a year: an expression only
a publication date can value), and no date it states may lie after the window. A page that only
states dates ("died on December 19, 2005", a question-and-answer page written years later) gives
no evidence of when it was written, so its date stays unknown.
"""

from __future__ import annotations

import dataclasses
import re
from collections import Counter
from collections.abc import Mapping, Sequence
from datetime import date

from newsweave.extract.dates import extract_dates
from newsweave.model import Article, Story

# Dated members must agree within this many days. Two days covers time zones and overnight
# publication of the same news; beyond it a story spans several days and the guess gets poor.
MAX_WINDOW_DAYS = 2
MIN_VOICES = 2


def _day(value: str) -> date | None:
    try:
        return date.fromisoformat(value[:10])
    except ValueError:
        return None


def _speaks_from_its_day(article: Article, day: date) -> bool:
    """Whether the article has a time expression that only its publication date can value:
    one without a value now that takes one when the text is read as published on `day` ("on
    Monday", "yesterday"; not "the next day" with no date before it)."""
    unvalued = {m.span for m in article.dates if m.value is None}
    if not unvalued:
        return False
    return any(
        m.span in unvalued and m.value is not None
        for m in extract_dates(article.text, day.isoformat())
    )


def _first_day(value: str | None) -> date | None:
    """The first day of a stated absolute date ("2005-12-19", "2005-12", "2006"); None for
    references, decades, weeks and seasons (their first day is not needed here)."""
    if value is None or not _ABSOLUTE.fullmatch(value):
        return None
    year, month, day = [*value.split("-"), "1", "1"][:3]
    try:
        return date(int(year), int(month), int(day))
    except ValueError:
        return None


_ABSOLUTE = re.compile(r"\d{4}(?:-\d{2}(?:-\d{2})?)?")


def _fits_the_window(article: Article, day: date) -> bool:
    """Whether the page's own text allows publication on `day`: it speaks from its own day and
    states no date after `day` (a page that names a later date was written later)."""
    if not _speaks_from_its_day(article, day):
        return False
    stated = [d for m in article.dates if (d := _first_day(m.value)) is not None]
    return all(d <= day for d in stated)


def infer_published(
    articles: Sequence[Article], stories: Sequence[Story], *, voices: Mapping[str, str]
) -> tuple[Article, ...]:
    """`articles` with `published` filled (basis "inferred") where their story makes it safe."""
    by_id = {a.id: a for a in articles}
    inferred: dict[str, str] = {}
    for story in stories:
        dated = [
            (day, voices.get(i, i))
            for i in story.article_ids
            if i in by_id and by_id[i].published and (day := _day(str(by_id[i].published)))
        ]
        if len({voice for _, voice in dated}) < MIN_VOICES:
            continue
        days = [day for day, _ in dated]
        if (max(days) - min(days)).days > MAX_WINDOW_DAYS:
            continue
        counts = Counter(days)
        best = min(counts, key=lambda d: (-counts[d], d))
        for article_id in story.article_ids:
            article = by_id.get(article_id)
            if article is not None and not article.published and _fits_the_window(article, best):
                inferred[article_id] = best.isoformat()
    return tuple(
        dataclasses.replace(a, published=inferred[a.id], published_basis="inferred")
        if a.id in inferred
        else a
        for a in articles
    )
