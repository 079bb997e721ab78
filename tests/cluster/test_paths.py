"""Every path gives the same stories: one-shot, incremental in any arrival order, Dask."""

from __future__ import annotations

import importlib.util
import random
from collections.abc import Callable, Sequence
from typing import Any

import pytest

from newsweave.cluster import StoryIndex, cluster_stories
from newsweave.model import Article, Story
from tests.cluster.samples import QUAKE_CALIFORNIA, QUAKE_CHILE, make_article

FLOODS = [
    (
        "Floods in Jakarta force 30,000 from homes",
        "Monsoon floods in Jakarta forced 30,000 people "
        "from their homes on Monday, Indonesian officials said.",
    ),
    (
        "Jakarta flood: thousands evacuated",
        "About 30,000 residents of Jakarta were evacuated as "
        "the Ciliwung river burst its banks after monsoon rain.",
    ),
    (
        "Ciliwung river floods east Jakarta",
        "The Ciliwung flooded east Jakarta; Indonesia's disaster agency counted 30,000 evacuated.",
    ),
]


def _articles() -> list[Article]:
    pairs = (*QUAKE_CHILE, *QUAKE_CALIFORNIA, *FLOODS)
    days = ["2014-04-02", None, "2014-04-03", "2014-08-24", "2014-08-25", None, "2014-01-20", None]
    return [
        make_article(text, title=title, published=day)
        for (title, text), day in zip(pairs, days, strict=True)
    ]


def _groups(stories: Sequence[Story]) -> set[frozenset[str]]:
    return {frozenset(s.article_ids) for s in stories}


@pytest.mark.slow
def test_any_arrival_order_and_batching_gives_the_one_shot_stories() -> None:
    articles = _articles()
    one_shot, _ = cluster_stories(articles)
    assert len(one_shot) < len(articles)  # reports of one happening were grouped
    for seed in (1, 2, 3):
        order = articles[:]
        random.Random(seed).shuffle(order)
        index: StoryIndex | None = None
        for start in range(0, len(order), 3):
            stories, index = cluster_stories(order[start : start + 3], index=index)
            if index is not None:  # what the store keeps between runs
                index = StoryIndex.from_bytes(index.to_bytes())
        assert _groups(stories) == _groups(one_shot)


@pytest.mark.slow
@pytest.mark.skipif(importlib.util.find_spec("dask") is None, reason="Dask is not installed")
def test_dask_with_four_partitions_gives_identical_stories_and_index() -> None:
    from newsweave.executors.dask import DaskExecutor

    class FourPartitions(DaskExecutor):
        def map_partitions(
            self, fn: Callable[[list[Any]], list[Any]], items: Sequence[Any], *, size: int = 2
        ) -> list[Any]:
            return super().map_partitions(fn, items, size=2)

    articles = _articles()
    local, local_index = cluster_stories(articles)
    executor = FourPartitions(workers=2)
    try:
        distributed, index = cluster_stories(articles, executor=executor)
    finally:
        executor.close()
    assert distributed == local
    assert index.to_bytes() == local_index.to_bytes()


@pytest.mark.slow
def test_a_copy_arriving_before_its_original_ends_as_in_one_shot() -> None:
    articles = _articles()
    original = articles[0]
    copy = make_article(original.text + " (Reprinted.)", title=original.title + " - reprint")
    voices = {copy.id: original.id}
    one_shot, _ = cluster_stories([*articles, copy], voices=voices)
    _, index = cluster_stories([copy, *articles[3:]], voices=voices)
    again, _ = cluster_stories(articles[:3], voices=voices, index=index)
    assert _groups(again) == _groups(one_shot)
    assert copy.id in next(s for s in again if original.id in s.article_ids).article_ids
