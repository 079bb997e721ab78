"""A small ingest step joins the stored stories; a large one, or past the drift bound, clusters
everything again (`StoryConfig.join_share`, `join_drift`)."""

from __future__ import annotations

import importlib.util
import random
from collections.abc import Callable, Sequence
from typing import Any

import pytest

from newsweave.cluster import StoryConfig, StoryIndex, cluster_stories
from newsweave.cluster import stories as stories_module
from newsweave.cluster.stories import effective_config
from newsweave.model import Article, Story
from tests.cluster.samples import QUAKE_CALIFORNIA, QUAKE_CHILE, make_article
from tests.cluster.test_paths import FLOODS

# Each test says which route it wants: the shipped share needs 20 stored articles per new one.
JOIN = StoryConfig(join_share=1.0, fallback_join_share=1.0, join_drift=1.0)
FULL = StoryConfig(join_share=0.0, fallback_join_share=0.0)
# Nothing merges: every article its own story (either embedder's threshold).
APART = StoryConfig(threshold=1.0, fallback_threshold=1.0)
GARDEN = make_article("Completely different words about gardening and roses.", title="Garden")


def _articles() -> list[Article]:
    pairs = (*QUAKE_CHILE, *QUAKE_CALIFORNIA, *FLOODS)
    days = ["2014-04-02", None, "2014-04-03", "2014-08-24", "2014-08-25", None, "2014-01-20", None]
    return [
        make_article(text, title=title, published=day)
        for (title, text), day in zip(pairs, days, strict=True)
    ]


def _groups(stories: Sequence[Story]) -> set[frozenset[str]]:
    return {frozenset(s.article_ids) for s in stories}


def _routes(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The routes `cluster_stories` takes from now on, in order."""
    taken: list[str] = []
    for name, route in (("cluster_features", "full"), ("join_features", "join")):
        real = getattr(stories_module, name)

        def counted(*args: Any, _real: Any = real, _route: str = route, **kwargs: Any) -> Any:
            taken.append(_route)
            return _real(*args, **kwargs)

        monkeypatch.setattr(stories_module, name, counted)
    return taken


@pytest.mark.slow
def test_a_small_step_keeps_the_stored_stories_a_full_clustering_would_change(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    articles = _articles()
    _, apart = cluster_stories(articles, config=APART)
    assert len(apart) == len(articles)
    routes = _routes(monkeypatch)
    joined, index = cluster_stories([GARDEN], index=apart, config=JOIN)
    full, _ = cluster_stories([GARDEN], index=apart, config=FULL)
    assert routes == ["join", "full"]
    # Joined: the stored stories (one article each) were not clustered again.
    assert _groups(joined) == {frozenset([a.id]) for a in [*articles, GARDEN]}
    assert {s.id for s in apart.stories} <= {s.id for s in joined}
    assert index.joined == 1
    # Clustered again, the reports of one earthquake are one story.
    assert len(full) < len(joined)


@pytest.mark.slow
def test_a_joining_article_joins_its_story_and_the_others_stay() -> None:
    articles = _articles()
    one_shot, _ = cluster_stories(articles)
    late = articles[2]  # the third Chile report
    stored, index = cluster_stories([a for a in articles if a is not late])
    joined, _ = cluster_stories([late], index=index, config=JOIN)
    assert _groups(joined) == _groups(one_shot)
    assert {s.id for s in stored} <= {s.id for s in joined}


@pytest.mark.slow
def test_a_large_step_and_the_drift_bound_cluster_everything_again(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    articles = _articles()
    _, index = cluster_stories(articles[:5])
    routes = _routes(monkeypatch)
    # The shipped share: one new article into five stored is a fifth, far above it.
    _, after = cluster_stories(articles[5:6], index=index)
    assert routes == ["full"] and after.joined == 0
    # Up to a third joined since the last full clustering: 1 of 6, 2 of 7, then 3 of 8.
    bounded = StoryConfig(join_share=1.0, fallback_join_share=1.0, join_drift=0.34)
    routes.clear()
    _, index = cluster_stories(articles[5:6], index=index, config=bounded)
    _, index = cluster_stories(
        articles[6:7], index=StoryIndex.from_bytes(index.to_bytes()), config=bounded
    )
    assert routes == ["join", "join"] and index.joined == 2
    _, index = cluster_stories(articles[7:8], index=index, config=bounded)
    assert routes == ["join", "join", "full"] and index.joined == 0


def test_the_model_path_joins_small_steps_and_the_fallback_does_not() -> None:
    config = StoryConfig()
    small = {"n_new": 1, "n_stored": 100, "joined": 1}
    assert stories_module.joins(**small, config=effective_config(config, "minilm-onnx"))
    assert not stories_module.joins(**small, config=effective_config(config, "hashed-bow"))
    assert not stories_module.joins(**{**small, "n_new": 6}, config=config)


@pytest.mark.slow
def test_known_articles_alone_cluster_everything_again(monkeypatch: pytest.MonkeyPatch) -> None:
    """A step with nothing new re-clusters (what `eval/stories.py`'s tuning relies on)."""
    articles = _articles()
    _, index = cluster_stories(articles, config=APART)
    routes = _routes(monkeypatch)
    again, _ = cluster_stories(articles[:2], index=index, config=JOIN)
    assert routes == ["full"]
    assert len(again) < len(articles)


@pytest.mark.slow
def test_a_joined_step_is_the_same_whatever_the_order_of_its_articles() -> None:
    articles = _articles()
    _, index = cluster_stories(articles[:6])
    step = [articles[7], articles[6], GARDEN]
    first, first_index = cluster_stories(step, index=index, config=JOIN)
    for seed in (1, 2):
        shuffled = step[:]
        random.Random(seed).shuffle(shuffled)
        restored = StoryIndex.from_bytes(index.to_bytes())
        again, again_index = cluster_stories(shuffled, index=restored, config=JOIN)
        assert again == first
        assert again_index.to_bytes() == first_index.to_bytes()
    assert first_index.joined == 3


@pytest.mark.slow
@pytest.mark.skipif(importlib.util.find_spec("dask") is None, reason="Dask is not installed")
def test_a_joined_step_through_dask_gives_the_local_stories_and_index() -> None:
    from newsweave.executors.dask import DaskExecutor

    class OnePerPartition(DaskExecutor):
        def map_partitions(
            self, fn: Callable[[list[Any]], list[Any]], items: Sequence[Any], *, size: int = 2
        ) -> list[Any]:
            return super().map_partitions(fn, items, size=1)

    articles = _articles()
    _, index = cluster_stories(articles[:5])
    step = [*articles[5:], GARDEN]
    local, local_index = cluster_stories(step, index=index, config=JOIN)
    executor = OnePerPartition(workers=2)
    try:
        distributed, dask_index = cluster_stories(step, executor=executor, index=index, config=JOIN)
    finally:
        executor.close()
    assert distributed == local
    assert dask_index.to_bytes() == local_index.to_bytes()
    assert local_index.joined == 4
