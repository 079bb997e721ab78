"""Inputs for extraction tests: a name mention placed in its text, a bare article."""

from __future__ import annotations

from newsweave.extract.mentions import NameMention
from newsweave.model import Article


def name_mention(aid: str, text: str, surface: str, label: str, nth: int = 0) -> NameMention:
    """The `nth` occurrence (from 0) of `surface` in `text`, as the model would tag it."""
    start = -1
    for _ in range(nth + 1):
        start = text.index(surface, start + 1)
    return NameMention(
        article_id=aid, span=(start, start + len(surface)), text=surface, label=label
    )


def plain_article(text: str) -> Article:
    """An article with nothing but its text."""
    return Article(
        id="a",
        source="a",
        url=None,
        outlet=None,
        domain=None,
        title="",
        published=None,
        published_basis="unknown",
        language="en",
        text=text,
    )
