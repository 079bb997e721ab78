"""The concrete stages of `newsweave analyze`: thin adapters from stage modules to the pipeline.

Partition functions are module-level (with `functools.partial` for options) so that Dask can ship
them to workers by pickling.
"""

from __future__ import annotations

import dataclasses
import functools
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from newsweave.executors import Executor
from newsweave.model import Article, Attribution, Problem, Quote, RawDoc
from newsweave.pipeline import Corpus

if TYPE_CHECKING:  # stage modules load lazily, so a run imports only what it uses
    from newsweave.clean import CleanConfig, CorpusLineStats
    from newsweave.ingest import IngestConfig


def one_line(error: BaseException) -> str:
    """An exception as one line: its type and first line of its message."""
    message = str(error).strip().splitlines()
    return f"{type(error).__name__}: {message[0]}" if message else type(error).__name__


@dataclass(slots=True, kw_only=True)
class IngestStage:
    """Read every input into raw documents; unreadable inputs become problems."""

    config: IngestConfig | None = None
    on_record: Callable[[], None] | None = None
    name: str = "ingest"
    requires: tuple[str, ...] = ("inputs",)
    provides: tuple[str, ...] = ("raw", "problems")

    def run(self, corpus: Corpus, executor: Executor) -> Corpus:
        from newsweave.ingest import read_inputs

        raw: list[RawDoc] = []
        problems: list[Problem] = list(corpus.problems)
        for item in read_inputs(corpus.inputs, config=self.config):
            if isinstance(item, Problem):
                problems.append(item)
            else:
                raw.append(item)
            if self.on_record is not None:
                self.on_record()
        return corpus.evolve(raw=corpus.raw + tuple(raw), problems=tuple(problems))


def _line_stats_partition(raws: list[RawDoc]) -> list[CorpusLineStats]:
    from newsweave.clean import corpus_line_stats, outlet_key

    text_route = [raw for raw in raws if raw.text is not None and raw.html is None]
    texts = [raw.text or "" for raw in text_route]
    return [corpus_line_stats(texts, [outlet_key(raw) for raw in text_route])]


def _clean_describe_partition(
    raws: list[RawDoc], *, stats: CorpusLineStats | None, clean_config: CleanConfig | None
) -> list[Article | Problem]:
    from newsweave.clean import clean_document
    from newsweave.describe import describe_article

    out: list[Article | Problem] = []
    for raw in raws:
        try:
            cleaned = clean_document(raw, config=clean_config, stats=stats)
            if not cleaned.text.strip():
                out.append(Problem(source=raw.source, error="no article text found after cleaning"))
                continue
            out.append(describe_article(raw, cleaned))
        except Exception as error:
            out.append(Problem(source=raw.source, error=f"cleaning failed: {one_line(error)}"))
    return out


@dataclass(slots=True, kw_only=True)
class CleanDescribeStage:
    """Clean every raw document and describe it as an article.

    Corpus line statistics (lines repeated across documents, e.g. an outlet's footer) are built
    first as mergeable partials, then every document is cleaned with them.
    """

    config: CleanConfig | None = None
    use_corpus_stats: bool = True
    name: str = "clean"
    requires: tuple[str, ...] = ("raw",)
    provides: tuple[str, ...] = ("articles",)

    def run(self, corpus: Corpus, executor: Executor) -> Corpus:
        stats: CorpusLineStats | None = None
        if self.use_corpus_stats and corpus.raw:
            partials = executor.map_partitions(_line_stats_partition, corpus.raw)
            stats = functools.reduce(lambda a, b: a.merge(b), partials)
        task = functools.partial(_clean_describe_partition, stats=stats, clean_config=self.config)
        results = executor.map_partitions(task, corpus.raw)
        articles: dict[str, Article] = {a.id: a for a in corpus.articles}
        problems = list(corpus.problems)
        for item in results:
            if isinstance(item, Problem):
                problems.append(item)
            elif item.id in articles:
                first = articles[item.id].source
                if first != item.source:
                    problems.append(
                        Problem(source=item.source, error=f"same content as {first}; kept once")
                    )
            else:
                articles[item.id] = item
        ordered = tuple(sorted(articles.values(), key=lambda a: a.id))
        return corpus.evolve(articles=ordered, problems=tuple(problems), raw=())


def _copies_run(corpus: Corpus, executor: Executor) -> Corpus:
    from newsweave.dedupe import find_copies

    result = find_copies(corpus.articles, executor=executor)
    articles = tuple(
        dataclasses.replace(a, copy_of=result.links.get(a.id)) for a in corpus.articles
    )
    return corpus.evolve(
        articles=articles,
        voices=dict(result.voices),
        modes={**corpus.modes, "copies": f"minhash+{result.embedding}"},
    )


def _stories_run(corpus: Corpus, executor: Executor) -> Corpus:
    from newsweave.cluster import StoryIndex, cluster_stories, link_storylines
    from newsweave.embed import get_embedder

    saved = corpus.state.get("stories")
    index = StoryIndex.from_bytes(saved) if saved else None
    if index is not None and index.embed_mode != get_embedder().mode:
        # The store was clustered with another embedder (models installed or removed since):
        # its story vectors cannot be compared with today's, so cluster everything afresh.
        index = None
    stories, index = cluster_stories(
        corpus.articles, executor=executor, voices=corpus.voices, index=index
    )
    stories, storylines = link_storylines(stories, corpus.articles, index=index)
    return corpus.evolve(
        stories=stories,
        storylines=storylines,
        state={**corpus.state, "stories": index.to_bytes()},
        modes={**corpus.modes, "embeddings": get_embedder().mode},
    )


def _dates_partition(articles: list[Article]) -> list[Article]:
    from newsweave.extract.dates import extract_dates

    return [dataclasses.replace(a, dates=extract_dates(a.text, a.published)) for a in articles]


def _dates_run(corpus: Corpus, executor: Executor) -> Corpus:
    from newsweave.describe.infer import infer_published

    articles = infer_published(corpus.articles, corpus.stories, voices=corpus.voices)
    return corpus.evolve(articles=tuple(executor.map_partitions(_dates_partition, articles)))


def _with_attributions(quotes: tuple[Quote, ...], mentions: list[Any]) -> tuple[Quote, ...]:
    """Quotes with their conflicting attributions, where outlets disagree on the speaker."""
    from newsweave.align.quotes import attribution_conflicts

    conflicts = {c.quote_id: c for c in attribution_conflicts(quotes, mentions)}
    return tuple(
        dataclasses.replace(
            q,
            attributions=tuple(
                Attribution(speaker=s, speaker_text=t, article_ids=ids)
                for s, t, ids in conflicts[q.id].attributions
            ),
        )
        if q.id in conflicts
        else q
        for q in quotes
    )


def _entities_run(corpus: Corpus, executor: Executor) -> Corpus:
    from newsweave.align.quotes import group_quotes
    from newsweave.extract.entities import extract_entities
    from newsweave.extract.quotes import extract_quotes

    result = extract_entities(corpus.articles, executor=executor)
    mentions = [m for a in corpus.articles for m in extract_quotes(a, result)]
    story_of: dict[str, str | None] = {i: s.id for s in corpus.stories for i in s.article_ids}
    quotes = _with_attributions(group_quotes(mentions, story_of=story_of), mentions)
    return corpus.evolve(
        entities=result.entities,
        quotes=quotes,
        modes={**corpus.modes, "entities": result.mode},
    )


def _claims_run(corpus: Corpus, executor: Executor) -> Corpus:
    from newsweave.align.claims import align_claims

    by_id = {a.id: a for a in corpus.articles}
    claims, conflicts = align_claims(corpus.stories, by_id, voices=corpus.voices, executor=executor)
    return corpus.evolve(claims=claims, conflicts=conflicts)


def _timeline_run(corpus: Corpus, executor: Executor) -> Corpus:
    from newsweave.align.timeline import build_timeline

    by_id = {a.id: a for a in corpus.articles}
    return corpus.evolve(timeline=build_timeline(corpus.stories, by_id, voices=corpus.voices))


def _brief_run(corpus: Corpus, executor: Executor) -> Corpus:
    from newsweave.brief import write_briefs

    by_id = {a.id: a for a in corpus.articles}
    summaries = write_briefs(
        corpus.stories, corpus.claims, corpus.conflicts, by_id, voices=corpus.voices
    )
    return corpus.evolve(summaries=summaries)


@dataclass(slots=True)
class FunctionStage:
    """A stage made of a run function and its declared requirements and products."""

    name: str
    requires: tuple[str, ...]
    provides: tuple[str, ...]
    function: Callable[[Corpus, Executor], Corpus]

    def run(self, corpus: Corpus, executor: Executor) -> Corpus:
        return self.function(corpus, executor)


def analysis_stages() -> list[FunctionStage]:
    """The stages after cleaning, in order."""
    return [
        FunctionStage("copies", ("articles",), ("copies", "voices"), _copies_run),
        FunctionStage("stories", ("articles", "voices"), ("stories", "storylines"), _stories_run),
        FunctionStage("dates", ("articles", "stories"), ("dates",), _dates_run),
        FunctionStage("entities", ("articles", "stories"), ("entities", "quotes"), _entities_run),
        FunctionStage("claims", ("stories", "voices"), ("claims", "conflicts"), _claims_run),
        FunctionStage("timeline", ("stories", "dates"), ("timeline",), _timeline_run),
        FunctionStage("brief", ("claims", "conflicts"), ("summaries",), _brief_run),
    ]
