"""The names NER missed are a per-article product (`missed-names`): the same entities as
`missed_names` over the whole corpus, and an `ingest` looks for them in new articles only."""

from __future__ import annotations

import dataclasses
import json
from pathlib import Path
from typing import Any

import pytest

import newsweave
from newsweave.extract import entities
from newsweave.extract.entities import (
    _mentions_partition,
    _missed_names_partition,
    link_mentions,
)
from newsweave.extract.mentions import NAME_TYPES, NameMention, rules_mentions
from newsweave.extract.missed_names import missed_names
from newsweave.report.json import dumps
from newsweave.store import Store
from newsweave.store.products import ProductStore
from tests.conftest import EXAMPLES, shared_path


def _ecb_slice(topics: tuple[str, ...]) -> dict[str, str]:
    """Texts of the ECB+ articles of `topics` (a real slice: several stories, many names)."""
    path = shared_path("eval", "ecbplus", "articles.jsonl")
    texts: dict[str, str] = {}
    with path.open(encoding="utf-8") as handle:
        for line in handle:
            row = json.loads(line)
            if row["id"].split("_", 1)[0] in topics:
                texts[row["id"]] = row["text"]
    return texts


def _rules_mentions(texts: dict[str, str]) -> list[NameMention]:
    """The rules' mentions with every third one left out, as a model leaves names out."""
    found = [m for a in sorted(texts) for m in rules_mentions(a, texts[a])]
    return [m for number, m in enumerate(found) if number % 3]


def _model_mentions(texts: dict[str, str]) -> list[NameMention]:
    items = [(a, texts[a]) for a in sorted(texts)]
    found = _mentions_partition(items, use_model=True, batch_size=64, types=NAME_TYPES)
    if any(mode == "rules" for mode, _ in found):
        pytest.skip("no spaCy model installed")
    return [m for _, mentions in found for m in mentions]


def _same_as_the_corpus_call(texts: dict[str, str], mentions: list[NameMention]) -> None:
    whole = missed_names(mentions, texts)
    items = [(a, texts[a], tuple(m for m in mentions if m.article_id == a)) for a in sorted(texts)]
    per_article = [m for found in _missed_names_partition(items) for m in found]
    assert whole  # the slice has names the mentions leave out
    assert per_article == whole
    story_of: dict[str, str | None] = {a: a.split("_", 1)[0] for a in texts}
    assert link_mentions(list(mentions), texts, story_of=story_of, missed=per_article) == (
        link_mentions(list(mentions), texts, story_of=story_of)
    )


def test_missed_names_per_article_are_the_corpus_call_and_link_the_same() -> None:
    texts = _ecb_slice(("1", "3", "12", "36"))
    assert len(texts) > 20
    _same_as_the_corpus_call(texts, _rules_mentions(texts))


@pytest.mark.slow
def test_missed_names_of_the_model_per_article_are_the_corpus_call() -> None:
    texts = _ecb_slice(("3", "36"))
    _same_as_the_corpus_call(texts, _model_mentions(texts))


@pytest.mark.slow
def test_a_later_ingest_looks_for_missed_names_in_new_articles_only(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    db = tmp_path / "store.db"
    files = sorted(EXAMPLES.glob("*.txt"))
    newsweave.ingest_into(files[:2], db)
    searched: list[str] = []
    real = entities.missed_names

    def recording(mentions: Any, texts: Any) -> Any:
        searched.extend(texts)
        return real(mentions, texts)

    monkeypatch.setattr(entities, "missed_names", recording)
    added, report = newsweave.ingest_into(files, db)
    assert len(added) == 2
    assert sorted(searched) == sorted(added)
    with Store(db) as store:
        assert ProductStore(store).count_products("missed-names") == 4
    # A rule edited (the rules' hash differs): every article is searched again, same report.
    searched.clear()
    monkeypatch.setattr(entities, "missed_name_rules", lambda: "rules edited")
    again = newsweave.report_from_store(db)
    assert sorted(searched) == sorted(a.id for a in report.articles)
    assert dumps(dataclasses.replace(again, provenance=None)) == dumps(
        dataclasses.replace(report, provenance=None)
    )
    # ... and the report is the one a store with nothing kept gives.
    with Store(db) as store:
        store.connection.executescript("DROP TABLE products; DROP TABLE vectors;")
    assert dumps(newsweave.report_from_store(db)) == dumps(report)
