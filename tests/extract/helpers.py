"""Inputs for extraction tests: a name mention placed in its text, a bare article; the direct
quotes of a text as the rules alone attribute them."""

from __future__ import annotations

from newsweave.extract.entities import EntityConfig, extract_entities
from newsweave.extract.mentions import NameMention
from newsweave.extract.quotes import extract_quotes
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


def direct_quotes(text: str) -> list[tuple[str, str | None, str | None]]:
    """(quote text, speaker entity name, speaker text as written) of each direct quote of an
    article made of `text`, with the rule-based entities (no model)."""
    article = plain_article(text)
    result = extract_entities([article], config=EntityConfig(use_model=False))
    names = {e.id: e.name for e in result.entities}
    return [
        (q.text, names.get(q.speaker_id or ""), q.speaker_text)
        for q in extract_quotes(article, result)
        if q.kind == "direct"
    ]
