"""Inputs for extraction tests: a name mention placed in its text, a bare article, entities
placed on every occurrence of given names; the direct quotes of a text as the rules alone
attribute them."""

from __future__ import annotations

import re

from newsweave.extract.entities import EntityConfig, EntityResult, extract_entities
from newsweave.extract.mentions import NameMention
from newsweave.extract.quotes import extract_quotes
from newsweave.model import Article, Entity, Evidence


def name_mention(aid: str, text: str, surface: str, label: str, nth: int = 0) -> NameMention:
    """The `nth` occurrence (from 0) of `surface` in `text`, as the model would tag it."""
    start = -1
    for _ in range(nth + 1):
        start = text.index(surface, start + 1)
    return NameMention(
        article_id=aid, span=(start, start + len(surface)), text=surface, label=label
    )


def plain_article(text: str, aid: str = "a") -> Article:
    """An article with nothing but its text (and its id)."""
    return Article(
        id=aid,
        source=aid,
        url=None,
        outlet=None,
        domain=None,
        title="",
        published=None,
        published_basis="unknown",
        language="en",
        text=text,
    )


def tagged_entities(text: str, tagged: list[tuple[str, str]]) -> EntityResult:
    """One entity per (name, type) of `tagged`, its mentions every occurrence of the name in
    the text of article "a" (no model, no rules)."""
    return EntityResult(
        entities=tuple(
            Entity(
                id=f"e{n}",
                name=name,
                type=kind,
                aliases=(),
                article_ids=("a",),
                mentions=tuple(
                    Evidence(article_id="a", text=name, span=(m.start(), m.end()))
                    for m in re.finditer(re.escape(name), text)
                ),
            )
            for n, (name, kind) in enumerate(tagged)
        ),
        mode="test",
    )


def tagged_quotes(
    text: str, tagged: list[tuple[str, str]]
) -> list[tuple[str, str, str | None, str | None]]:
    """(kind, quote text, speaker entity name, speaker text as written) of each quote of an
    article made of `text`, with `tagged_entities` as the entities: the speaker rules alone."""
    entities = tagged_entities(text, tagged)
    names = {e.id: e.name for e in entities.entities}
    return [
        (q.kind, q.text, names.get(q.speaker_id or ""), q.speaker_text)
        for q in extract_quotes(plain_article(text), entities)
    ]


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
