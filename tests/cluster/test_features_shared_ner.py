"""One NER pass per article: the story features and the entity stage read the same mentions."""

from __future__ import annotations

import dataclasses
import functools

import numpy as np
import pytest

from newsweave.cluster import features
from newsweave.executors import LocalExecutor
from newsweave.extract import mentions
from newsweave.extract.entities import EntityConfig, _mentions_partition
from newsweave.model import Article
from newsweave.nlp import NER_ONLY, load_spacy
from newsweave.products import CachingExecutor

needs_spacy = pytest.mark.skipif(load_spacy(exclude=NER_ONLY) is None, reason="no spaCy model")

TEXTS = (
    "Tara Reid entered the Promises rehab centre in Malibu on Tuesday, her publicist said.\n\n"
    "The actress, 33, checked in after a week in Los Angeles, People magazine reported.",
    "An earthquake of magnitude 6.1 struck Indonesia's Aceh province on Tuesday.\n\n"
    "The US Geological Survey said the quake hit near Banda Aceh at a depth of 10 km.",
    "Lindsay Lohan is back at the Betty Ford Center in Rancho Mirage, California.",
)


def _article(number: int, text: str) -> Article:
    return Article(
        id=f"a{number}",
        source=f"a{number}.txt",
        url=None,
        outlet=None,
        domain=None,
        title=text.split(",", maxsplit=1)[0],
        published="2013-05-14",
        published_basis="metadata",
        language="en",
        text=text,
    )


ARTICLES = [_article(n, t) for n, t in enumerate(TEXTS)]


def _same_features(got: list[tuple[object, object]], want: list[tuple[object, object]]) -> bool:
    return [f for f, _ in got] == [f for f, _ in want] and all(
        np.allclose(g, w, atol=1e-6) for (_, g), (_, w) in zip(got, want, strict=True)
    )


def _mentions_task() -> functools.partial[list[tuple[str, tuple[mentions.NameMention, ...]]]]:
    cfg = EntityConfig()
    return functools.partial(
        _mentions_partition, use_model=True, batch_size=cfg.batch_size, types=cfg.types
    )


@needs_spacy
def test_each_text_is_read_by_ner_once_for_features_and_mentions(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    read: list[str] = []
    real = mentions._ner_mentions

    def counting(nlp, items, **options):  # type: ignore[no-untyped-def]
        read.extend(text for _, text in items)
        return real(nlp, items, **options)

    monkeypatch.setattr(mentions, "_ner_mentions", counting)
    engine = CachingExecutor(LocalExecutor(workers=1))
    got_features = engine.map_partitions(features.extract_features, ARTICLES, size=2)
    engine.cache.end_stage()  # the entity stage comes later, after other stages
    got_mentions = engine.map_partitions(_mentions_task(), [(a.id, a.text) for a in ARTICLES])

    assert sorted(read) == sorted(TEXTS)
    # ... and the values are those of each function run on its own, without sharing.
    assert _same_features(got_features, features.extract_features(ARTICLES))
    assert got_mentions == _mentions_task()([(a.id, a.text) for a in ARTICLES])


@needs_spacy
def test_features_take_the_names_of_the_text_from_its_mentions() -> None:
    (found, _), *_ = features.extract_features(ARTICLES[:1])
    names = dict(found.entities)
    assert "tara reid" in names and "malibu" in names and "los angeles" in names


@needs_spacy
def test_mentions_of_another_set_of_types_are_not_taken_from_the_shared_ones() -> None:
    table: dict[tuple[str, str], tuple[mentions.NameMention, ...]] = {}
    items = [(a.id, a.text) for a in ARTICLES]
    with mentions.shared_mentions(table):
        people = mentions.spacy_mentions(items, types=("PERSON",))
    assert table == {}
    assert people is not None
    assert {m.label for found in people for m in found} == {"PERSON"}


@needs_spacy
def test_the_pool_ships_shared_mentions_and_gives_what_one_process_gives() -> None:
    pool = LocalExecutor(workers=2)
    try:
        engine = CachingExecutor(pool)
        pooled_features = engine.map_partitions(features.extract_features, ARTICLES, size=1)
        items = [(a.id, a.text) for a in ARTICLES]
        assert set(engine.cache.mentions) == set(items)  # came back from the workers
        changed = dataclasses.replace(ARTICLES[0], id="b0")  # not computed yet: NER runs
        pooled_mentions = engine.map_partitions(
            _mentions_task(), [*items, (changed.id, changed.text)], size=1
        )
    finally:
        pool.close()
    assert _same_features(pooled_features, features.extract_features(ARTICLES))
    assert pooled_mentions == _mentions_task()([*items, (changed.id, changed.text)])
