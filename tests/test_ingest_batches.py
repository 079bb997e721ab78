"""`newsweave ingest` reads, cleans and stores in batches: memory bounded, finished work kept."""

from __future__ import annotations

import dataclasses
import functools
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

import newsweave
import newsweave.api
import newsweave.ingest
from newsweave.clean.stage import CleanStage
from newsweave.config import Config
from newsweave.executors import LocalExecutor
from newsweave.model import Problem, RawDoc
from newsweave.products import article_id_of, product_of, with_shared_mentions
from newsweave.report.json import dumps
from newsweave.store import Store
from newsweave.store.products import ProductStore
from tests.conftest import EXAMPLES, shared_path


def _small_batches(size: int) -> Config:
    return dataclasses.replace(
        Config(), ingest=dataclasses.replace(Config().ingest, batch_records=size)
    )


@pytest.mark.slow
def test_batches_give_the_same_store_as_one_batch(tmp_path: Path) -> None:
    _, whole = newsweave.ingest_into(EXAMPLES, tmp_path / "one.db")
    added, batched = newsweave.ingest_into(EXAMPLES, tmp_path / "two.db", config=_small_batches(1))
    assert len(added) == 4
    assert dumps(dataclasses.replace(batched, provenance=None)) == dumps(
        dataclasses.replace(whole, provenance=None)
    )


def test_an_interrupted_ingest_keeps_the_batches_it_finished(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    real = newsweave.ingest.read_inputs

    def interrupted(inputs: tuple[str, ...], **kwargs: object) -> Iterator[RawDoc | Problem]:
        for number, item in enumerate(real(inputs, **kwargs)):  # type: ignore[arg-type]
            if number == 3:
                raise KeyboardInterrupt
            yield item

    monkeypatch.setattr(newsweave.ingest, "read_inputs", interrupted)
    db = tmp_path / "store.db"
    with pytest.raises(KeyboardInterrupt):
        newsweave.ingest_into(EXAMPLES, db, config=_small_batches(2))
    with Store(db) as store:
        assert len(list(store.articles())) == 2


@pytest.mark.slow
def test_reingesting_known_inputs_reuses_the_stored_report(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    db = tmp_path / "store.db"
    _, first = newsweave.ingest_into(EXAMPLES, db)

    def no_analysis(*args: object, **kwargs: object) -> None:
        raise AssertionError("the analysis ran again for inputs it already holds")

    monkeypatch.setattr(newsweave.api, "_analyze_store", no_analysis)
    added, again = newsweave.ingest_into(EXAMPLES, db)
    assert added == []
    assert dumps(again) == dumps(first)


@pytest.mark.slow
def test_a_stale_stored_report_is_recomputed(tmp_path: Path) -> None:
    db = tmp_path / "store.db"
    files = sorted(EXAMPLES.glob("*.txt"))
    newsweave.ingest_into(files[:2], db)
    with Store(db) as store:
        stale = store.get_report("latest")
    _, full = newsweave.ingest_into(files, db)
    with Store(db) as store:  # as if the run had stopped after storing the articles
        assert stale is not None
        store.put_report("latest", stale)
    added, again = newsweave.ingest_into(files, db)
    assert added == []
    assert len(again.articles) == len(full.articles) == 4


@pytest.mark.slow
def test_other_settings_recompute_the_report(tmp_path: Path) -> None:
    db = tmp_path / "store.db"
    newsweave.ingest_into(EXAMPLES, db)
    brief = dataclasses.replace(Config().brief, max_sentences=1, max_conflicts=0)
    _, report = newsweave.ingest_into(
        EXAMPLES, db, config=dataclasses.replace(Config(), brief=brief)
    )
    assert report.provenance is not None
    assert report.provenance.config_hash == dataclasses.replace(Config(), brief=brief).hash()
    assert all(len(s.sentences) <= 1 for s in report.summaries)


@pytest.mark.slow
def test_report_tables_left_unwritten_are_rewritten_on_rerun(tmp_path: Path) -> None:
    db = tmp_path / "store.db"
    newsweave.ingest_into(EXAMPLES, db)
    with Store(db) as store:  # as if the run had stopped between the report and its tables
        report = store.get_report("latest")
        assert report is not None
        store.put_report("latest", report)
        assert not store.report_tables_current()
    newsweave.ingest_into(EXAMPLES, db)
    with Store(db) as store:
        assert store.report_tables_current()


class _Recording(LocalExecutor):
    """The in-process executor, noting the items each per-article product was computed for."""

    def __init__(self) -> None:
        super().__init__(workers=1)
        self.computed: dict[str, list[object]] = {}

    def map_partitions(self, fn: Any, items: Any, **options: Any) -> Any:
        inner, shown = fn, items
        # The readers of the one NER pass run wrapped, each item paired with its mentions.
        if isinstance(fn, functools.partial) and fn.func is with_shared_mentions:
            inner, shown = fn.args[0], [item for item, _ in items]
        product = product_of(inner)
        if product is not None:
            self.computed.setdefault(product[0], []).extend(shown)
        return super().map_partitions(fn, items, **options)


def _ids(items: list[object]) -> set[str | None]:
    return {article_id_of(item) for item in items}


@pytest.mark.slow
def test_a_later_ingest_computes_products_for_the_new_articles_only(tmp_path: Path) -> None:
    db = tmp_path / "store.db"
    files = sorted(EXAMPLES.glob("*.txt"))
    _first, _ = newsweave.ingest_into(files[:2], db)
    engine = _Recording()
    added, report = newsweave.ingest_into(files, db, executor=engine)
    assert len(added) == 2
    assert {"ner-mentions", "dates", "fingerprints"} <= set(engine.computed)
    # Model work runs for the new articles only ...
    for kind in ("ner-mentions", "fingerprints", "story-features"):
        assert _ids(engine.computed.get(kind, [])) <= set(added), kind
    # ... and for a stored article only when the analysis changed what the product reads: its
    # publication date, inferred once its story had enough dated voices (then its time
    # expressions are valued again, and its claims carry the new dates).
    inferred = {a.id for a in report.articles if a.published_basis == "inferred"}
    for kind in ("dates", "claim-vectors"):
        assert _ids(engine.computed.get(kind, [])) <= set(added) | inferred, kind
    # ... and the report is the one the same store gives with nothing kept from earlier runs.
    with Store(db) as store:
        assert ProductStore(store).count_products("ner-mentions") == 4
        store.connection.executescript("DROP TABLE products; DROP TABLE vectors;")
    again = newsweave.report_from_store(db)
    assert dumps(again) == dumps(report)


@pytest.mark.slow
def test_a_batch_of_known_inputs_is_not_cleaned_again(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    db = tmp_path / "store.db"
    newsweave.ingest_into(EXAMPLES, db)

    def no_cleaning(*args: object, **kwargs: object) -> None:
        raise AssertionError("known input records were cleaned again")

    monkeypatch.setattr(CleanStage, "run", no_cleaning)
    added, report = newsweave.ingest_into(EXAMPLES, db)
    assert added == [] and len(report.articles) == 4
    # Other reading settings are other inputs: those records are read and cleaned again.
    other = dataclasses.replace(Config().clean, corpus_min_docs=Config().clean.corpus_min_docs + 1)
    with pytest.raises(AssertionError, match="cleaned again"):
        newsweave.ingest_into(EXAMPLES, db, config=dataclasses.replace(Config(), clean=other))


def _ecbplus_records(topics: tuple[str, ...], per_topic: int) -> list[dict[str, Any]]:
    """The first `per_topic` ECB+ dev articles (by id) of each of `topics`, as JSONL records."""
    import json

    base = shared_path("eval", "ecbplus")
    gold = {
        g["id"]: g
        for g in map(json.loads, (base / "gold.jsonl").read_text(encoding="utf-8").splitlines())
    }
    records = [
        json.loads(line) for line in (base / "articles.jsonl").read_text("utf-8").splitlines()
    ]
    chosen: list[dict[str, Any]] = []
    for topic in topics:
        mine = sorted(
            (r for r in records if gold[r["id"]]["topic"] == topic), key=lambda r: r["id"]
        )
        chosen.extend(mine[:per_topic])
    return chosen


@pytest.mark.slow
def test_two_ingests_of_real_articles_give_the_one_shot_report(tmp_path: Path) -> None:
    """ECB+ articles of two events ingested in two runs (the second brings articles of both
    stories the first built): the same report, byte for byte, as one ingest of them all."""
    import json

    records = _ecbplus_records(("12", "18"), 6)
    later = {r["id"] for r in records[4:6] + records[10:12]}

    # One file per article, so that each article's source (its file) is the same in both runs.
    folder = tmp_path / "in"
    folder.mkdir()
    files = {r["id"]: folder / f"{r['id']}.jsonl" for r in records}
    for record in records:
        files[record["id"]].write_text(json.dumps(record) + "\n", encoding="utf-8")
    _, once = newsweave.ingest_into([str(files[r["id"]]) for r in records], tmp_path / "once.db")
    first = [str(files[r["id"]]) for r in records if r["id"] not in later]
    newsweave.ingest_into(first, tmp_path / "twice.db")
    added, twice = newsweave.ingest_into(
        [str(files[i]) for i in sorted(later)], tmp_path / "twice.db"
    )
    assert len(added) == len(later)
    assert len(once.stories) >= 2 and once.entities and once.claims
    assert dumps(twice) == dumps(once)
    with Store(tmp_path / "twice.db") as store:
        assert store.get_report("latest") == dumps(twice)


@pytest.mark.slow
def test_stored_quotes_are_reused_until_a_speaker_setting_changes(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """An article's quotes are a kept product (`article-quotes`): a later analysis of the store
    quotes no article again, and one with other speaker settings quotes every article again
    and gives the report a store with nothing kept gives under those settings."""
    from newsweave.extract import quotes
    from newsweave.extract import stage as extract_stage

    db = tmp_path / "store.db"
    _, first = newsweave.ingest_into(EXAMPLES, db)
    assert first.quotes
    quoted: list[str] = []
    real = quotes.extract_quotes

    def recording(article: Any, *args: Any, **kwargs: Any) -> Any:
        quoted.append(article.id)
        return real(article, *args, **kwargs)

    monkeypatch.setattr(quotes, "extract_quotes", recording)
    assert dumps(newsweave.report_from_store(db)) == dumps(first)
    assert quoted == []
    # Quote rules edited (their source's hash differs): every article is quoted again.
    monkeypatch.setattr(extract_stage, "quote_rules", lambda: "rules edited")
    assert dumps(newsweave.report_from_store(db)) == dumps(first)
    assert sorted(quoted) == sorted(a.id for a in first.articles)
    quoted.clear()

    # Quotes of at most 60 characters: fewer quotes, so stale ones would show.
    shorter = dataclasses.replace(Config().speakers, max_quote_chars=60)
    other = dataclasses.replace(Config(), speakers=shorter)
    changed = newsweave.report_from_store(db, config=other)
    assert sorted(quoted) == sorted(a.id for a in first.articles)
    assert len(changed.quotes) < len(first.quotes)
    with Store(db) as store:
        store.connection.executescript("DROP TABLE products; DROP TABLE vectors;")
    assert dumps(newsweave.report_from_store(db, config=other)) == dumps(changed)
