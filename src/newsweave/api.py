"""The Python API: analyze inputs into a report, keep articles in a store, write outputs."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Literal

from newsweave import __version__
from newsweave.executors import Executor, LocalExecutor
from newsweave.ingest import IngestConfig
from newsweave.model import Report
from newsweave.pipeline import Corpus, Pipeline, Stage
from newsweave.stages import CleanDescribeStage, IngestStage
from newsweave.store import Store

ReportFormat = Literal["json", "md", "html"]
FORMATS: tuple[ReportFormat, ...] = ("json", "md", "html")


def default_stages(
    *, on_record: Callable[[], None] | None = None, ingest_config: IngestConfig | None = None
) -> list[Stage]:
    """The stages of `newsweave analyze`, in order."""
    return [
        IngestStage(config=ingest_config, on_record=on_record),
        CleanDescribeStage(),
        *analysis_stages(),
    ]


def analysis_stages() -> list[Stage]:
    """The stages that work on articles (everything after ingest and cleaning)."""
    from newsweave import stages

    return list(stages.analysis_stages())


def corpus_to_report(corpus: Corpus) -> Report:
    """The report of a finished run."""
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
        problems=corpus.problems,
        modes=dict(corpus.modes),
    )


def analyze(
    inputs: Sequence[str],
    *,
    executor: Executor | None = None,
    on_record: Callable[[], None] | None = None,
    on_stage: Callable[[str], None] | None = None,
    ingest_config: IngestConfig | None = None,
) -> Report:
    """Read, clean, describe and analyze `inputs` (paths, directories or "-") into one report."""
    pipeline = Pipeline(default_stages(on_record=on_record, ingest_config=ingest_config))
    corpus = pipeline.run(
        Corpus(inputs=tuple(inputs)), executor=executor or LocalExecutor(), on_stage=on_stage
    )
    return corpus_to_report(corpus)


def ingest_into(
    inputs: Sequence[str],
    db: str | Path,
    *,
    executor: Executor | None = None,
    on_record: Callable[[], None] | None = None,
    ingest_config: IngestConfig | None = None,
) -> tuple[list[str], Report]:
    """Add `inputs` to the store at `db`; returns the ids that were new and the updated report.

    Re-ingesting the same input adds nothing. Stage state kept in the store (the story index)
    lets new articles join existing stories instead of re-clustering everything.
    """
    engine = executor or LocalExecutor()
    read = Pipeline([IngestStage(config=ingest_config, on_record=on_record), CleanDescribeStage()])
    fresh = read.run(Corpus(inputs=tuple(inputs)), executor=engine)
    with Store(db) as store:
        added = store.add_articles(fresh.articles)
        store.add_problems(fresh.problems)
        report = _analyze_store(store, engine)
    return added, report


def report_from_store(db: str | Path, *, executor: Executor | None = None) -> Report:
    """Re-run the analysis over every article in the store."""
    with Store(db) as store:
        return _analyze_store(store, executor or LocalExecutor())


def _analyze_store(store: Store, executor: Executor) -> Report:
    from newsweave.report.json import dumps

    corpus = Corpus(
        articles=tuple(sorted(store.articles(), key=lambda a: a.id)),
        problems=tuple(store.problems()),
        state={name: data for name in ("stories",) if (data := store.get_state(name)) is not None},
    )
    stages = analysis_stages()
    if stages:
        corpus = Pipeline([_Given(), *stages]).run(corpus, executor=executor)
    for name, data in corpus.state.items():
        store.put_state(name, data)
    store.replace_articles(corpus.articles)
    report = corpus_to_report(corpus)
    store.put_report("latest", dumps(report))
    return report


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
    from newsweave.report.html import render_html

    return render_html(report)
