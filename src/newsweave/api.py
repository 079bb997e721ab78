"""The Python API: analyze inputs into a report, keep articles in a store, write outputs."""

from __future__ import annotations

import dataclasses
import hashlib
import os
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import Literal

from newsweave import __version__
from newsweave.config import Config
from newsweave.errors import ConfigError
from newsweave.executors import Executor, LocalExecutor
from newsweave.ingest import IngestConfig, cap_problems
from newsweave.model import Article, Problem, Provenance, RawDoc, Report
from newsweave.pipeline import Corpus, Pipeline, Stage
from newsweave.products import CachingExecutor, ProductCache
from newsweave.store import Store
from newsweave.store.products import ProductStore

ReportFormat = Literal["json", "md", "html"]
FORMATS: tuple[ReportFormat, ...] = ("json", "md", "html")
Inputs = str | os.PathLike[str] | Sequence[str | os.PathLike[str]]


def reading_stages(config: Config, *, on_record: Callable[[], None] | None = None) -> list[Stage]:
    """The stages that read inputs into articles: ingest, then clean (with describe)."""
    from newsweave.clean.stage import CleanStage
    from newsweave.ingest.stage import IngestStage

    return [
        IngestStage(config=config.ingest, on_record=on_record),
        CleanStage(config=config.clean, describe=config.describe),
    ]


def analysis_stages(config: Config | None = None) -> list[Stage]:
    """The stages that work on articles (everything after ingest and cleaning), in order."""
    from newsweave.align.stage import ClaimsStage, QuotesStage, TimelineStage
    from newsweave.brief import BriefStage
    from newsweave.cluster.stage import StoriesStage
    from newsweave.dedupe.stage import CopiesStage
    from newsweave.describe.stage import InferPublishedStage
    from newsweave.extract.stage import DatesStage, MentionsStage

    config = config or Config()
    return [
        CopiesStage(config=config.copies),
        DatesStage(config=config.dates),
        StoriesStage(config=config.stories),
        InferPublishedStage(dates=config.dates),
        MentionsStage(config=config.entities, speakers=config.speakers),
        QuotesStage(),
        ClaimsStage(config=config.claim_settings()),
        TimelineStage(config=config.timeline),
        BriefStage(config=config.brief, claims=config.claims),
    ]


def default_stages(
    config: Config | None = None, *, on_record: Callable[[], None] | None = None
) -> list[Stage]:
    """The stages of `newsweave analyze`, in order."""
    config = config or Config()
    return [*reading_stages(config, on_record=on_record), *analysis_stages(config)]


def corpus_to_report(corpus: Corpus, config: Config) -> Report:
    """The report of a finished run, naming the version and settings that produced it."""
    return Report(
        version=__version__,
        articles=corpus.articles,
        stories=corpus.stories,
        storylines=corpus.storylines,
        entities=corpus.entities,
        quotes=corpus.quotes,
        claims=corpus.claims,
        conflicts=corpus.conflicts,
        timeline=corpus.timeline,
        summaries=corpus.summaries,
        problems=cap_problems(corpus.problems, config.ingest.max_problems),
        modes=dict(corpus.modes),
        provenance=Provenance(version=__version__, config_hash=config.hash()),
    )


def as_inputs(inputs: Inputs) -> tuple[str, ...]:
    """Inputs as a tuple of paths: one `str` or path is one input, never its characters."""
    if isinstance(inputs, str | os.PathLike):
        return (os.fspath(inputs),)
    if isinstance(inputs, bytes):
        raise ConfigError("inputs must be paths (str or os.PathLike), not bytes")
    return tuple(os.fspath(item) for item in inputs)


def _settings(config: Config | None, ingest_config: IngestConfig | None) -> Config:
    config = config or Config()
    if ingest_config is not None:
        config = dataclasses.replace(config, ingest=ingest_config)
    return config


def analyze(
    inputs: Inputs,
    *,
    config: Config | None = None,
    executor: Executor | None = None,
    on_record: Callable[[], None] | None = None,
    on_stage: Callable[[str], None] | None = None,
    ingest_config: IngestConfig | None = None,
) -> Report:
    """Read, clean, describe and analyze `inputs` (paths, directories or "-") into one report.

    `config` is every stage's settings (`newsweave.config.Config`; the shipped defaults when
    None); `ingest_config` replaces its ingest section (kept for callers of earlier versions).
    """
    settings = _settings(config, ingest_config)
    pipeline = Pipeline(default_stages(settings, on_record=on_record))
    # An executor made here (a local process pool) is closed here; a caller's stays open.
    engine = executor or LocalExecutor()
    try:
        # Within a stage each per-article product is computed once (fault isolation reruns a
        # stage on part of its articles).
        cache = ProductCache()

        def next_stage(name: str) -> None:
            cache.end_stage()
            if on_stage is not None:
                on_stage(name)

        corpus = pipeline.run(
            Corpus(inputs=as_inputs(inputs)),
            executor=CachingExecutor(engine, cache),
            on_stage=next_stage,
        )
    finally:
        if executor is None:
            engine.close()
    return corpus_to_report(corpus, settings)


def ingest_into(
    inputs: Inputs,
    db: str | Path,
    *,
    config: Config | None = None,
    executor: Executor | None = None,
    on_record: Callable[[], None] | None = None,
    ingest_config: IngestConfig | None = None,
) -> tuple[list[str], Report]:
    """Add `inputs` to the store at `db`; returns the ids that were new and the updated report.

    Re-ingesting the same input adds nothing, and a batch of input records all read before is
    not even cleaned. Stage state kept in the store (the story index) lets new articles join
    existing stories instead of re-clustering everything, and the per-article products kept
    there (NER mentions, story features, fingerprints, sentence vectors, ...) are reused, so a
    stored article costs no model time again.
    """
    settings = _settings(config, ingest_config)
    engine = executor or LocalExecutor()
    added: list[str] = []
    try:
        with Store(db) as store:
            kept_products = ProductStore(store)
            for keys, batch in _read_batches(
                as_inputs(inputs), settings, engine, on_record=on_record, known=kept_products
            ):
                # Each batch is committed before the next is read: memory is bounded by a batch,
                # and an interrupted run keeps everything it finished.
                added.extend(store.add_articles(batch.articles))
                store.add_problems(batch.problems)
                kept_products.add_inputs(keys)
            kept = None if added else _current_report(store, settings)
            report = kept or _analyze_store(store, engine, settings)
    finally:
        if executor is None:
            engine.close()
    return added, report


def _current_report(store: Store, config: Config) -> Report | None:
    """The stored report when it is still the store's report under `config`, else None.

    Re-ingesting known inputs adds nothing, so the analysis need not run again: the stored report
    is reused when it was made by this version with these settings and covers exactly the stored
    articles and problems, and the web app's tables hold it (a run that stopped between storing
    articles and writing the report, or between the report and its tables, leaves a stale one,
    which is then recomputed).
    """
    import json

    from newsweave.report.decode import report_from_dict

    text = store.get_report("latest")
    if text is None or not store.report_tables_current():
        return None
    try:
        report = report_from_dict(json.loads(text))
    except (ValueError, TypeError, KeyError):
        return None
    expected = Provenance(version=__version__, config_hash=config.hash())
    if report.provenance != expected:
        return None
    if {a.id for a in report.articles} != store.article_ids():
        return None
    if not set(cap_problems(store.problems(), config.ingest.max_problems)) <= set(report.problems):
        return None
    return report


def _read_batches(
    inputs: tuple[str, ...],
    config: Config,
    executor: Executor,
    *,
    on_record: Callable[[], None] | None = None,
    known: ProductStore | None = None,
) -> Iterator[tuple[list[bytes], Corpus]]:
    """The reading stages over `inputs`, `config.ingest.batch_records` raw documents at a time.

    Yields the keys of each batch's records (`input_key`) with the batch read. A batch whose
    records `known` has all seen is not cleaned again: it can only give articles the store holds
    (an article's id is a hash of its record, and its cleaning depends on the batch's other
    records only through their line statistics, which the same batch repeats).
    """
    from newsweave.ingest import read_inputs

    # Records are read here, batch by batch, so of the reading stages only cleaning runs as a stage.
    _, clean = reading_stages(config)
    settings = _reading_settings(config)

    def batch(raw: list[RawDoc], problems: list[Problem]) -> tuple[list[bytes], Corpus]:
        keys = [input_key(doc, settings) for doc in raw]
        if known is not None and raw and len(known.known_inputs(keys)) == len(set(keys)):
            return keys, Corpus(problems=tuple(problems))
        return keys, clean.run(Corpus(raw=tuple(raw), problems=tuple(problems)), executor)

    raw: list[RawDoc] = []
    problems: list[Problem] = []
    for item in read_inputs(inputs, config=config.ingest):
        if isinstance(item, Problem):
            problems.append(item)
        else:
            raw.append(item)
        if on_record is not None:
            on_record()
        if len(raw) >= config.ingest.batch_records:
            yield batch(raw, problems)
            raw, problems = [], []
    if raw or problems:
        yield batch(raw, problems)


def _reading_settings(config: Config) -> str:
    from newsweave.products import canonical

    return repr((__version__, canonical((config.ingest, config.clean, config.describe))))


def input_key(doc: RawDoc, settings: str) -> bytes:
    """The key of one input record read with `settings` (every field of the record counts)."""
    from newsweave.products import canonical

    text = repr((settings, canonical(doc)))
    return hashlib.blake2b(text.encode("utf-8", "surrogatepass"), digest_size=20).digest()


def report_from_store(
    db: str | Path, *, config: Config | None = None, executor: Executor | None = None
) -> Report:
    """Re-run the analysis over every article of an existing store (a missing one: StoreError)."""
    engine = executor or LocalExecutor()
    try:
        with Store(db, create=False) as store:
            return _analyze_store(store, engine, config or Config())
    finally:
        if executor is None:
            engine.close()


def _analyze_store(store: Store, executor: Executor, config: Config) -> Report:
    from newsweave.embed import get_embedder
    from newsweave.products import model_signature
    from newsweave.report.json import iter_json

    stored = {a.id: a for a in store.articles()}
    corpus = Corpus(
        articles=tuple(sorted((as_read(a) for a in stored.values()), key=lambda a: a.id)),
        problems=tuple(store.problems()),
        state={name: data for name in ("stories",) if (data := store.get_state(name)) is not None},
    )
    kept = ProductStore(store)
    cache = ProductCache(backing=kept)
    embedder = get_embedder()
    model = model_signature()
    embedder.use_lookup(lambda texts: kept.get_vectors(model, texts))
    embedder.start_recording()
    try:
        corpus = Pipeline([_Given(), *analysis_stages(config)]).run(
            corpus,
            executor=CachingExecutor(executor, cache),
            on_stage=lambda _: cache.end_stage(),  # each stage's new products kept as it ends
        )
    finally:
        embedder.use_lookup(None)
        asked = embedder.stop_recording()
    cache.end_stage()
    kept.prune_products(cache.used)
    kept.put_vectors(model, asked)
    for name, data in corpus.state.items():
        store.put_state(name, data)
    # Only the articles the analysis changed are written again (a new copy link, other time
    # expressions, an inferred date): re-encoding every stored one cost ~0.15 CPU s at 2,000.
    store.replace_articles(a for a in corpus.articles if stored.get(a.id) != a)
    report = corpus_to_report(corpus, config)
    store.put_report("latest", iter_json(report))
    store.put_report_tables(report)
    return report


def as_read(article: Article) -> Article:
    """A stored article as reading made it: without what the analysis added to it.

    The store keeps each article with its copy link, time expressions and (when its story
    allowed) an inferred publication date; the analysis makes all of them again, from the
    article as read, exactly as a one-shot run over the same articles does.
    """
    inferred = article.published_basis == "inferred"
    return dataclasses.replace(
        article,
        copy_of=None,
        dates=(),
        published=None if inferred else article.published,
        published_basis="unknown" if inferred else article.published_basis,
    )


class _Given:
    """Marks articles and problems as present when a pipeline starts from the store."""

    name = "store"
    requires: tuple[str, ...] = ()
    provides: tuple[str, ...] = ("raw", "articles", "problems")

    def run(self, corpus: Corpus, executor: Executor) -> Corpus:
        return corpus


def render(report: Report, fmt: ReportFormat) -> str:
    """The report as text in format `fmt`."""
    if fmt == "json":
        from newsweave.report.json import dumps

        return dumps(report)
    if fmt == "md":
        from newsweave.report.markdown import render_markdown

        return render_markdown(report)
    if fmt == "html":
        from newsweave.report.html import render_html

        return render_html(report)
    raise ConfigError(f"unknown report format {fmt!r}; choose one of {', '.join(FORMATS)}")
