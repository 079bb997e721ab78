"""The narration runs of each article are kept per article (`narration-runs`, session 18): the
copies stage joins the same voices with kept runs as reading every text, and a later run over
the same articles reads no text's runs again."""

from __future__ import annotations

import json
import pickle

import numpy as np
import pytest

from newsweave.dedupe import voices as voices_module
from newsweave.dedupe.config import DedupeConfig
from newsweave.dedupe.stage import CopiesStage
from newsweave.dedupe.voices import _narration_partition, narration_runs, shared_text_links
from newsweave.executors import LocalExecutor
from newsweave.model import Article
from newsweave.pipeline import Corpus
from newsweave.products import PRODUCTS, CachingExecutor, ProductCache
from newsweave.store.products import dump_product, load_product
from tests.conftest import shared_path
from tests.dedupe.helpers import make_article
from tests.memory_products import MemoryProducts


def _ecb_articles(limit: int) -> list[Article]:
    path = shared_path("eval", "ecbplus", "articles.jsonl")
    with path.open(encoding="utf-8") as lines:
        records = [json.loads(line) for _, line in zip(range(limit), lines, strict=False)]
    return [make_article(r["id"], r["text"]) for r in records]


def test_kept_runs_give_the_links_reading_the_texts_gives() -> None:
    articles = _ecb_articles(400)
    for run_words, min_sentences in ((15, 2), (8, 1), (6, 2)):
        runs = _narration_partition([(a.id, a.text) for a in articles], run_words=run_words)
        # As a store hands them back: pickled and loaded by the store's unpickler.
        kept = [load_product(dump_product(r)) for r in runs]
        for (found, where), (again, at) in zip(runs, kept, strict=True):
            assert found.dtype == again.dtype and where.dtype == at.dtype
            assert np.array_equal(found, again) and np.array_equal(where, at)
        expected = shared_text_links(articles, run_words=run_words, min_sentences=min_sentences)
        assert expected, "the texts share runs, so the comparison says something"
        given = shared_text_links(
            articles, run_words=run_words, min_sentences=min_sentences, runs=kept
        )
        assert given == expected
    # Runs of other texts are read, not ignored: one article's runs taken away changes the links.
    runs = _narration_partition([(a.id, a.text) for a in articles], run_words=15)
    emptied = [(np.empty(0, dtype=np.uint64), np.empty(0, dtype=np.int64))] * len(runs)
    assert shared_text_links(articles, run_words=15, min_sentences=2, runs=emptied) == []
    with pytest.raises(ValueError):
        shared_text_links(articles, run_words=15, runs=runs[:-1])


def test_the_stage_keeps_each_articles_runs_and_a_later_run_reads_none_again(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    assert ("newsweave.dedupe.voices", "_narration_partition") in PRODUCTS
    articles = tuple(_ecb_articles(120))
    backing = MemoryProducts()
    stage = CopiesStage(config=DedupeConfig())
    cache = ProductCache(backing)
    first = stage.run(Corpus(articles=articles), CachingExecutor(LocalExecutor(), cache))
    cache.flush()
    assert sum(kind == "narration-runs" for kind, _ in backing.rows) == len(articles)
    read: list[str] = []
    real = voices_module.narration_runs

    def counted(text: str, run_words: int) -> tuple[np.ndarray, np.ndarray]:
        read.append(text)
        return real(text, run_words)

    monkeypatch.setattr(voices_module, "narration_runs", counted)
    later = CachingExecutor(LocalExecutor(), ProductCache(backing))
    again = stage.run(Corpus(articles=articles), later)
    assert read == []
    plain = stage.run(Corpus(articles=articles), LocalExecutor())
    assert len(read) == len(articles)  # without a product cache every text is read
    assert again.voices == first.voices == plain.voices
    assert pickle.dumps(again.articles) == pickle.dumps(plain.articles)


def test_partition_is_narration_runs_of_each_text() -> None:
    texts = [("a", "One two three four five six seven eight nine ten."), ("b", "")]
    out = _narration_partition(texts, run_words=4)
    for (_, text), (found, where) in zip(texts, out, strict=True):
        expected = narration_runs(text, 4)
        assert np.array_equal(found, expected[0]) and np.array_equal(where, expected[1])
