"""Near-copy checks and rewrite alignments are kept per pair of texts (issue 15, session 21):
an `ingest` judges only the pairs it has not judged, and gives the copies a run that judges
every pair gives."""

from __future__ import annotations

import random
from collections.abc import Iterable

import numpy as np

from newsweave.dedupe import find_copies
from newsweave.dedupe.config import DedupeConfig
from newsweave.dedupe.decide import (
    CopyResult,
    _direct_checks,
    _fingerprint_partition,
    _Matcher,
)
from newsweave.dedupe.synth import exact_copy, near_copy, spin
from newsweave.executors import LocalExecutor
from newsweave.model import Article
from newsweave.products import CachingExecutor, ProductCache
from tests.memory_products import MemoryProducts

from .helpers import make_article, seed_texts

KINDS = ("near-copy-checks", "rewrite-alignments")


class _Recording(ProductCache):
    """A product cache that counts the pair verdicts computed (not found) by kind."""

    judged: dict[str, int] = {}  # noqa: RUF012  (counts across the runs of a test)

    def keep(self, kind: str, rows: Iterable[tuple[bytes, str | None, object]]) -> None:
        rows = list(rows)
        if kind in KINDS:
            type(self).judged[kind] = type(self).judged.get(kind, 0) + len(rows)
        super().keep(kind, rows)


def _corpus() -> list[Article]:
    texts = seed_texts()
    rng = random.Random(7)
    articles = [make_article(f"seed{n}", t, outlet=f"outlet{n}") for n, t in texts.items()]
    articles.append(make_article("spun", spin(texts["002"], random.Random(4))))
    articles.append(make_article("near", near_copy(texts["001"], rng, "edit")))
    articles.append(make_article("trimmed", near_copy(texts["001"], rng, "truncate")))
    articles.append(make_article("same", exact_copy(texts["003"], rng)))
    return articles


def _run(articles: list[Article], backing: MemoryProducts) -> CopyResult:
    cache = _Recording(backing=backing)
    try:
        return find_copies(articles, executor=CachingExecutor(LocalExecutor(workers=1), cache))
    finally:
        cache.end_stage()


def _judged() -> int:
    return sum(_Recording.judged.values())


def test_a_later_run_judges_only_the_pairs_of_new_articles() -> None:
    _Recording.judged = {}
    first = _corpus()
    texts = seed_texts()
    later = make_article("spun-again", spin(texts["002"], random.Random(9)))
    backing = MemoryProducts()

    once = _run(first, backing)
    # The oracle: every pair judged in this run (no store behind the executor).
    assert once == find_copies(first, executor=LocalExecutor(workers=1))
    assert {link.kind for link in once.links.values()} == {"rewritten", "near", "exact"}
    judged_once = _judged()
    assert _Recording.judged.get("near-copy-checks", 0) >= 1
    assert _Recording.judged.get("rewrite-alignments", 0) >= 1
    twice = _run([*first, later], backing)
    assert twice == find_copies([*first, later], executor=LocalExecutor(workers=1))
    assert twice.links["spun-again"].article_id == "seed002"
    # Only pairs holding the new article were judged: at most two per old article.
    judged_new = _judged() - judged_once
    assert 1 <= judged_new <= 2 * len(first)
    # The same articles again: nothing is judged, the same copies come back.
    assert _run([*first, later], backing) == twice
    assert _judged() == judged_once + judged_new


def test_a_changed_text_is_judged_again() -> None:
    _Recording.judged = {}
    texts = seed_texts()
    first = _corpus()
    backing = MemoryProducts()
    _run(first, backing)
    before = _Recording.judged["near-copy-checks"]
    # The near copy's text changes under the same id (two other edits): its pairs are judged
    # again, and the copies are those of a run that judges every pair.
    for seed in (21, 22):
        text = near_copy(texts["001"], random.Random(seed), "edit")
        changed = [make_article("near", text) if a.id == "near" else a for a in first]
        assert _run(changed, backing) == find_copies(changed, executor=LocalExecutor(workers=1))
        assert _Recording.judged.get("near-copy-checks", 0) > before
        before = _Recording.judged["near-copy-checks"]


def test_direct_checks_give_what_the_matcher_gives() -> None:
    """`_direct_checks` (screened in bulk, judged through `verified`) against the per-pair
    `_Matcher.near` it replaces, for every member and original of random groups."""
    texts = list(seed_texts().values())
    rng = random.Random(3)
    variants = [*texts]
    for text in texts:
        variants += [near_copy(text, rng, "edit"), near_copy(text, rng, "truncate")]
        variants += [spin(text, rng), exact_copy(text, rng)]
    config = DedupeConfig()
    prints = _fingerprint_partition(
        [(f"a{n}", t) for n, t in enumerate(variants)],
        num_perm=config.num_perm,
        topic_perm=config.topic_perm,
    )
    matcher = _Matcher(variants, prints, config)
    exact_keys = [p.exact_key for p in prints]
    for _ in range(30):
        order = rng.sample(range(len(variants)), len(variants))
        cuts = sorted(rng.sample(range(1, len(order)), 4))
        groups = [order[a:b] for a, b in zip([0, *cuts], [*cuts, len(order)], strict=True)]
        members = {min(g): sorted(g) for g in groups}
        originals = {root: rng.choice(g) for root, g in members.items()}
        asked: list[list[tuple[int, int]]] = []

        def verified(
            pairs: list[tuple[int, int]], asked: list[list[tuple[int, int]]] = asked
        ) -> list[float | None]:
            asked.append(pairs)
            return [matcher.verify(a, b) for a, b in pairs]

        direct = _direct_checks(
            prints, members, originals, exact_keys, config=config, verified=verified
        )
        for root, group in members.items():
            original = originals[root]
            for member in group:
                if member != original and exact_keys[member] != exact_keys[original]:
                    assert direct(member, original) == matcher.near(member, original)
        assert len(asked) <= 1
    assert np.all(np.array([p.words for p in prints]) > 0)
