"""The run's shared NER mentions are let go once every stage that reads them has run, not before.

`ProductCache.mentions` keeps each article's NER mentions from the story features (stories
stage) for the entity stage, so spaCy reads each text once a run; after the entity stage no
stage asks for them, and holding them through quotes, claims, timeline and brief cost memory.
Dropped too early, the entity stage would read every text with spaCy again (same values, twice
the NER time): these tests fail then, as they fail when the table is never let go.
"""

from __future__ import annotations

import functools
from typing import Any

import pytest

import newsweave
from newsweave import products
from newsweave.cluster import features
from newsweave.executors import LocalExecutor
from newsweave.extract import mentions
from newsweave.extract.entities import EntityConfig, _mentions_partition
from newsweave.model import Article
from newsweave.nlp import NER_ONLY, load_spacy
from newsweave.products import CachingExecutor, ProductCache
from newsweave.report.json import dumps
from tests.conftest import EXAMPLES

needs_spacy = pytest.mark.skipif(load_spacy(exclude=NER_ONLY) is None, reason="no spaCy model")

TEXTS = (
    "Tara Reid entered the Promises rehab centre in Malibu on Tuesday, her publicist said.",
    "An earthquake of magnitude 6.1 struck Indonesia's Aceh province on Tuesday.",
)
ARTICLES = [
    Article(
        id=f"a{n}",
        source=f"a{n}.txt",
        url=None,
        outlet=None,
        domain=None,
        title=text.split(",", maxsplit=1)[0],
        published="2013-05-14",
        published_basis="metadata",
        language="en",
        text=text,
    )
    for n, text in enumerate(TEXTS)
]


def _counting_ner(monkeypatch: pytest.MonkeyPatch) -> list[tuple[str, str]]:
    """The (article id, text) items spaCy's NER pass reads from now on (in this process)."""
    read: list[tuple[str, str]] = []
    real = mentions._ner_mentions

    def counting(nlp: Any, items: list[tuple[str, str]], **options: Any) -> Any:
        read.extend(items)
        return real(nlp, items, **options)

    monkeypatch.setattr(mentions, "_ner_mentions", counting)
    return read


def _mentions_task() -> Any:
    cfg = EntityConfig()
    return functools.partial(
        _mentions_partition, use_model=True, batch_size=cfg.batch_size, types=cfg.types
    )


@needs_spacy
def test_the_mentions_stay_until_the_entity_stage_and_go_after_it(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    read = _counting_ner(monkeypatch)
    engine = CachingExecutor(LocalExecutor(workers=1))
    engine.map_partitions(features.extract_features, ARTICLES)
    engine.cache.end_stage()
    assert len(engine.cache.mentions) == len(ARTICLES)  # kept: the entity stage reads them
    got = engine.map_partitions(_mentions_task(), [(a.id, a.text) for a in ARTICLES])
    engine.cache.end_stage()
    assert engine.cache.mentions == {}  # every reader has run: let go
    assert sorted(read) == sorted((a.id, a.text) for a in ARTICLES)  # one NER pass each
    assert got == _mentions_task()([(a.id, a.text) for a in ARTICLES])


@needs_spacy
def test_a_whole_run_reads_each_text_once_and_holds_no_mentions_after_the_entity_stage(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    held = [0]  # mentions held after the last `end_stage` (between stages, and claims batches)
    real_end = ProductCache.end_stage

    def end_stage(self: ProductCache) -> None:
        real_end(self)
        held[0] = len(self.mentions)

    monkeypatch.setattr(ProductCache, "end_stage", end_stage)
    at_start: dict[str, int] = {}

    def starting(name: str) -> None:
        at_start.setdefault(name, held[0])

    read = _counting_ner(monkeypatch)
    report = newsweave.analyze(
        [str(EXAMPLES)], executor=LocalExecutor(workers=1), on_stage=starting
    )
    assert at_start["entities"] > 0  # the stories stage's, kept for the entity stage
    assert at_start["quotes"] == at_start["claims"] == at_start["brief"] == 0
    assert len(read) == len(set(read)) >= at_start["entities"]  # no text read twice

    # The report is the one of a run that never lets the mentions go.
    monkeypatch.setattr(products, "READS_MENTIONS", products.READS_MENTIONS | {("x", "never")})
    kept = newsweave.analyze([str(EXAMPLES)], executor=LocalExecutor(workers=1))
    assert dumps(kept) == dumps(report)
