"""The entity stage's per-article work runs in the executor's per-article phase (the pool),
and gives there what one process gives: the names NER missed and each article's quotes.

Both ran in the driver (`map_here`) until session 14, holding the second core idle; in the pool
an article's item is pickled to a spawned worker, which holds none of the driver's state, so
anything they read besides their item would show here as a difference.
"""

from __future__ import annotations

import dataclasses
import functools
import json
from collections.abc import Callable, Sequence
from typing import TypeVar

import pytest

from newsweave.executors import Executor, LocalExecutor
from newsweave.extract.entities import EntityConfig, _missed_names_partition, missed_name_rules
from newsweave.extract.mentions import rules_mentions
from newsweave.extract.stage import MentionsStage
from newsweave.model import Article, Story
from newsweave.pipeline import Corpus
from newsweave.products import CachingExecutor, _unwrapped
from tests.conftest import shared_path
from tests.extract.helpers import plain_article

T = TypeVar("T")
U = TypeVar("U")

# ECB+ topics with several articles each, many names and quotes.
TOPICS = ("3", "12", "36")
PER_ARTICLE = {
    ("newsweave.extract.entities", "_missed_names_partition"),
    ("newsweave.extract.stage", "_quotes_partition"),
}


def _corpus() -> Corpus:
    path = shared_path("eval", "ecbplus", "articles.jsonl")
    articles: list[Article] = []
    stories: dict[str, list[str]] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        row = json.loads(line)
        topic = row["id"].split("_", 1)[0]
        if topic in TOPICS:
            articles.append(
                dataclasses.replace(plain_article(row["text"]), id=row["id"], source=row["id"])
            )
            stories.setdefault(topic, []).append(row["id"])
    return Corpus(
        articles=tuple(articles),
        stories=tuple(
            Story(id=f"s{topic}", title=topic, article_ids=tuple(ids))
            for topic, ids in sorted(stories.items())
        ),
    )


def _stage() -> MentionsStage:
    # The rules' mentions (no model): the same per-article phase, in a few seconds.
    return MentionsStage(config=EntityConfig(use_model=False, partition_size=4))


class _Recording:
    """An executor that runs in this process and records the functions mapped through it."""

    name = "recording"
    partition_size: int | None = None

    def __init__(self) -> None:
        self.mapped: list[tuple[str, str]] = []

    def map_partitions(
        self, fn: Callable[[list[T]], list[U]], items: Sequence[T], *, size: int = 256
    ) -> list[U]:
        self.mapped.append(_unwrapped(fn))
        return fn(list(items))

    def reduce_groups(self, fn: Callable[..., U], groups: dict[T, list[U]]) -> dict[T, U]:
        return {key: fn(key, values) for key, values in groups.items()}

    def close(self) -> None:
        pass


def test_missed_names_and_quotes_go_to_the_per_article_phase() -> None:
    recording = _Recording()
    _stage().run(_corpus(), CachingExecutor(recording))
    assert set(recording.mapped) >= PER_ARTICLE


@pytest.mark.slow  # starts a pool of two spawned workers
def test_pool_gives_the_entities_and_quotes_of_one_process() -> None:
    corpus = _corpus()
    assert len(corpus.articles) > 20
    serial_engine: Executor = LocalExecutor(workers=1, partition_size=10**6)
    try:
        serial = _stage().run(corpus, serial_engine)
    finally:
        serial_engine.close()
    # The stage's own NER mentions leave few names out: the rules' mentions with every third
    # one dropped (as a model drops names) give the missed-names search something to find.
    named = []
    for article in corpus.articles:
        found = rules_mentions(article.id, article.text)
        named.append((article.id, article.text, tuple(m for n, m in enumerate(found) if n % 3)))
    missed = _missed_names_partition(named)
    pool = LocalExecutor(workers=2, partition_size=4)
    try:
        pooled = _stage().run(corpus, CachingExecutor(pool))
        assert pool._pool is not None  # the partitions ran in worker processes
        task = functools.partial(_missed_names_partition, rules=missed_name_rules())
        assert pool.map_partitions(task, named) == missed
    finally:
        pool.close()
    assert sum(map(len, missed)) > 10
    assert serial.quote_mentions  # the slice has quotes ...
    assert any(e.mentions for e in serial.entities)  # ... and names
    assert pooled.entities == serial.entities
    assert pooled.quote_mentions == serial.quote_mentions
    assert pooled.problems == serial.problems
