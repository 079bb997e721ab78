"""A large claims stage starts with fresh pool workers (issue 15: the peak of a 10,000-article
run), and the claims are those of the workers the earlier stages used."""

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
    engine = _Counting(workers=2)
    _Counting.restarts = 0
    try:
        out = ClaimsStage().run(corpus, CachingExecutor(engine, ProductCache()))
    finally:
        engine.close()
    return out, _Counting.restarts


def test_workers_are_restarted_from_the_size_on_with_the_same_claims(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    articles = tuple(seed_article(n) for n in ("000", "001", "002", "003"))
    ids = sorted(a.id for a in articles)
    corpus = Corpus(
        articles=articles,
        stories=(
            Story(id="s-a", title="Putin congratulates Biden", article_ids=(ids[0], ids[1])),
            Story(id="s-b", title="Putin congratulates Biden", article_ids=(ids[2], ids[3])),
        ),
        voices={a.id: a.id for a in articles},
    )
    monkeypatch.setattr(stage, "FRESH_WORKERS_FROM_ARTICLES", 5)
    kept, restarts = _claims(corpus)
    assert restarts == 0  # a small run keeps its workers
    monkeypatch.setattr(stage, "FRESH_WORKERS_FROM_ARTICLES", 4)
    fresh, restarts = _claims(corpus)
    assert restarts == 1
    assert fresh.claims and fresh.claims == kept.claims
    assert fresh.conflicts == kept.conflicts and fresh.problems == kept.problems
