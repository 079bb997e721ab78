"""A large claims stage runs each batch on fresh pool workers and ends them when it is done
(issue 15: the peak of a 10,000-article run), and the claims are those of the workers the
earlier stages used."""

from __future__ import annotations

import pytest

from newsweave.align import stage
from newsweave.align.stage import ClaimsStage
from newsweave.executors import LocalExecutor
from newsweave.model import Story
from newsweave.pipeline import Corpus
from newsweave.products import CachingExecutor, ProductCache
from tests.align.seed_articles import seed_article


class _Counting(LocalExecutor):
    restarts = 0

    def restart_workers(self) -> None:
        type(self).restarts += 1
        super().restart_workers()


def _claims(corpus: Corpus) -> tuple[Corpus, int]:
    out, restarts, _ = _claims_and_pool(corpus)
    return out, restarts


def _claims_and_pool(corpus: Corpus) -> tuple[Corpus, int, bool]:
    """The stage's output, its restarts, and whether it left a pool running."""
    engine = _Counting(workers=2)
    _Counting.restarts = 0
    try:
        out = ClaimsStage().run(corpus, CachingExecutor(engine, ProductCache()))
        pool_left = engine._pool is not None
    finally:
        engine.close()
    return out, _Counting.restarts, pool_left


def _corpus() -> Corpus:
    articles = tuple(seed_article(n) for n in ("000", "001", "002", "003"))
    ids = sorted(a.id for a in articles)
    return Corpus(
        articles=articles,
        stories=(
            Story(id="s-a", title="Putin congratulates Biden", article_ids=(ids[0], ids[1])),
            Story(id="s-b", title="Putin congratulates Biden", article_ids=(ids[2], ids[3])),
        ),
        voices={a.id: a.id for a in articles},
    )


def test_workers_are_restarted_from_the_size_on_with_the_same_claims(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    corpus = _corpus()
    monkeypatch.setattr(stage, "FRESH_WORKERS_AFTER_ITEMS", 0)  # whatever the workers did
    monkeypatch.setattr(stage, "FRESH_WORKERS_FROM_ARTICLES", 5)
    kept, restarts = _claims(corpus)
    assert restarts == 0  # a small run keeps its workers
    monkeypatch.setattr(stage, "FRESH_WORKERS_FROM_ARTICLES", 4)
    fresh, restarts = _claims(corpus)
    assert restarts == 2  # before its one batch, and at its end
    assert fresh.claims and fresh.claims == kept.claims
    assert fresh.conflicts == kept.conflicts and fresh.problems == kept.problems


def test_each_batch_gets_fresh_workers_and_none_are_left_after_the_stage(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # Workers grew with every batch of a 10,000-article claims stage, and stayed that large,
    # idle, through timeline and brief (docs/benchmarks.md, session 24).
    corpus = _corpus()
    monkeypatch.setattr(stage, "FRESH_WORKERS_AFTER_ITEMS", 0)  # whatever the workers did
    monkeypatch.setattr(stage, "CLAIM_BATCH_ARTICLES", 2)  # one story per batch: two batches
    monkeypatch.setattr(stage, "FRESH_WORKERS_FROM_ARTICLES", 5)
    kept, restarts, pool_left = _claims_and_pool(corpus)
    assert restarts == 0
    monkeypatch.setattr(stage, "FRESH_WORKERS_FROM_ARTICLES", 4)
    fresh, restarts, pool_left = _claims_and_pool(corpus)
    assert restarts == 3  # before each of the two batches, and at the end
    assert not pool_left
    assert fresh.claims and fresh.claims == kept.claims
    assert fresh.conflicts == kept.conflicts and fresh.problems == kept.problems


def test_workers_that_did_little_are_kept_through_the_batches(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # An `ingest` step re-aligns a few touched stories per batch: its workers are not worth
    # their models' start-up again before each batch.
    corpus = _corpus()
    monkeypatch.setattr(stage, "CLAIM_BATCH_ARTICLES", 2)
    monkeypatch.setattr(stage, "FRESH_WORKERS_FROM_ARTICLES", 4)
    monkeypatch.setattr(stage, "FRESH_WORKERS_AFTER_ITEMS", 1_000)
    kept, restarts, _ = _claims_and_pool(corpus)
    assert restarts == 0
    monkeypatch.setattr(stage, "FRESH_WORKERS_AFTER_ITEMS", 0)
    fresh, restarts, _ = _claims_and_pool(corpus)
    assert restarts == 3
    assert fresh.claims == kept.claims and fresh.conflicts == kept.conflicts


def test_the_local_executor_counts_what_its_workers_were_handed() -> None:
    engine = LocalExecutor(workers=2)
    try:
        assert engine.pooled_items == 0
        engine.map_partitions(_doubled, list(range(6)), size=2)
        assert engine.pooled_items == 6
        engine.reduce_groups(_summed, {"a": [1, 2], "b": [3]})
        assert engine.pooled_items == 9
        engine.restart_workers()
        assert engine.pooled_items == 0
    finally:
        engine.close()


def _doubled(part: list[int]) -> list[int]:
    return [2 * x for x in part]


def _summed(key: str, values: list[int]) -> int:
    return sum(values)
