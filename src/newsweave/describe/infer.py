"""Publication dates inferred from an article's story, for articles that state none.

Relative dates ("on Monday") can only be resolved against a publication date. When an article has
none, but the other articles of its story — at least two independent voices — were published
within a short window, the article most likely appeared in that window too (news about one
happening is published together). We then take the window's most common date, mark the basis
`inferred`, and let the report say so. Wider windows mean a running story; we do not guess there.
"""

from __future__ import annotations

import dataclasses
from collections import Counter
from collections.abc import Mapping, Sequence
from datetime import date

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
            if article_id in by_id and not by_id[article_id].published:
                inferred[article_id] = best.isoformat()
    return tuple(
        dataclasses.replace(a, published=inferred[a.id], published_basis="inferred")
        if a.id in inferred
        else a
        for a in articles
    )
