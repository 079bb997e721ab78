"""The claims stage aligns its stories in batches of articles (issue 15: memory at 10,000
articles) and lets each batch's products go: the claims are those of one batch."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from newsweave.align import stage
from newsweave.align.stage import ClaimsStage, story_batches
from newsweave.executors import LocalExecutor
from newsweave.model import Article, Story
from newsweave.pipeline import Corpus
from newsweave.products import CachingExecutor, ProductCache
from tests.align.seed_articles import seed_article


def _story(story_id: str, *article_ids: str) -> Story:
    return Story(id=story_id, title="Putin congratulates Biden", article_ids=article_ids)


def test_batches_follow_story_ids_and_hold_at_most_the_limit() -> None:
    stories = [
        _story("s-c", "a1", "a2"),
        _story("s-a", "a3", "a4", "a4"),  # an id named twice counts once
        _story("s-d", *(f"b{n}" for n in range(5))),  # more than the limit: alone
        _story("s-b", "a5"),
    ]
    batches = story_batches(stories, 3)
    assert [[s.id for s in batch] for batch in batches] == [["s-a", "s-b"], ["s-c"], ["s-d"]]
    assert story_batches([], 3) == []


class _Recording(LocalExecutor):
    """One in-process executor that notes the story groups of each alignment call."""

    def __init__(self) -> None:
        super().__init__(workers=1)
        self.calls: list[list[str]] = []

    def reduce_groups(self, fn: Callable[..., object], groups: dict) -> dict:  # type: ignore[override]
        self.calls.append(sorted(groups))
        return super().reduce_groups(fn, groups)


class _Watched(ProductCache):
    """A product cache that notes the most claim vectors it held at once."""

    most: int = 0

    def keep(self, kind: str, rows: object) -> None:
        super().keep(kind, rows)  # type: ignore[arg-type]
        held = len(self.found.get("claim-vectors", {}))
        type(self).most = max(type(self).most, held)


def _run(corpus: Corpus) -> tuple[Corpus, list[list[str]], int]:
    engine = _Recording()
    _Watched.most = 0
    try:
        out = ClaimsStage().run(corpus, CachingExecutor(engine, _Watched()))
    finally:
        engine.close()
    return out, engine.calls, _Watched.most


def test_claims_aligned_batch_by_batch_are_those_of_one_call(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    articles: list[Article] = [seed_article(n) for n in ("000", "001", "002", "003")]
    ids = sorted(a.id for a in articles)
    corpus = Corpus(
        articles=tuple(articles),
        stories=(_story("s-b", ids[2], ids[3]), _story("s-a", ids[0], ids[1])),
        voices={a.id: a.id for a in articles},
    )
    whole, calls, most = _run(corpus)
    assert calls == [["s-a", "s-b"]] and most == 4
    assert whole.claims  # the seeds' stories have claims to compare

    monkeypatch.setattr(stage, "CLAIM_BATCH_ARTICLES", 2)
    batched, calls, most = _run(corpus)
    assert calls == [["s-a"], ["s-b"]]
    assert most == 2  # the first batch's vectors were let go before the second's came
    assert batched.claims == whole.claims
    assert batched.conflicts == whole.conflicts
