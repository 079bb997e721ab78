"""A sentence of one article as the conflict rules read it, for the conflict tests."""

from __future__ import annotations

from newsweave.align.conflict_base import Statement
from newsweave.model import Evidence


def said(article: str, text: str, voice: str | None = None, day: str | None = None) -> Statement:
    """`text`, whole, as a statement of `article` (its own voice unless `voice` is given),
    published on `day`."""
    evidence = Evidence(article_id=article, text=text, span=(0, len(text)))
    return Statement(evidence=evidence, voice=voice or article, published=day)
