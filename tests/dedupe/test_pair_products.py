"""Rewrite candidates' word checks are per-pair products: a later run checks only new pairs."""

from __future__ import annotations

import random
from collections.abc import Iterable

from newsweave.dedupe import find_copies
from newsweave.dedupe.decide import CopyResult
from newsweave.dedupe.synth import spin
from newsweave.executors import LocalExecutor
from newsweave.model import Article
from newsweave.products import CachingExecutor, ProductCache
from tests.memory_products import MemoryProducts

from .helpers import make_article, seed_texts

KIND = "rewrite-word-checks"


class _Recording(ProductCache):
    """A product cache that counts the pairs whose words were checked (computed, not found)."""

    checked: int = 0

    def keep(self, kind: str, rows: Iterable[tuple[bytes, str | None, object]]) -> None:
        rows = list(rows)
        if kind == KIND:
            type(self).checked += len(rows)
        super().keep(kind, rows)


def test_a_later_run_checks_only_the_pairs_of_new_articles() -> None:
    texts = seed_texts()
    first = [make_article(f"seed{n}", t, outlet=f"outlet{n}") for n, t in texts.items()]
    first.append(make_article("spun", spin(texts["002"], random.Random(4))))
    later = make_article("spun-again", spin(texts["002"], random.Random(9)))
    backing = MemoryProducts()

    def run(articles: list[Article]) -> CopyResult:
        cache = _Recording(backing=backing)
        try:
            return find_copies(articles, executor=CachingExecutor(LocalExecutor(workers=1), cache))
        finally:
            cache.end_stage()

    once = run(first)
    assert once.links["spun"].kind == "rewritten"
    checked_once = _Recording.checked
    assert checked_once >= 1  # the spun text and its original, at least
    twice = run([*first, later])
    checked_new = _Recording.checked - checked_once
    # Every pair checked the second time holds the new article: at most one per old article.
    assert 1 <= checked_new <= len(first)
    assert twice == find_copies([*first, later], executor=LocalExecutor(workers=1))
    assert twice.links["spun-again"].article_id == "seed002"
    # A third run over the same articles checks nothing again.
    run([*first, later])
    assert _Recording.checked == checked_once + checked_new
