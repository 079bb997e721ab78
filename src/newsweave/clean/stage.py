"""The clean stage: every raw document cleaned and described as an article.

Cleaning and describing run fused, one document at a time, because describing reads what
cleaning removed (credit lines, datelines) and both are cheap per document.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass, field

from newsweave.clean.config import CleanConfig
from newsweave.clean.stats import CorpusLineStats
from newsweave.describe import DescribeConfig
from newsweave.executors import Executor
from newsweave.model import Article, Problem, RawDoc
from newsweave.pipeline import Corpus, stage_problem


def _line_stats_partition(raws: list[RawDoc]) -> list[CorpusLineStats]:
    from newsweave.clean import corpus_line_stats, outlet_key

    text_route = [raw for raw in raws if raw.text is not None and raw.html is None]
    texts = [raw.text or "" for raw in text_route]
    return [corpus_line_stats(texts, [outlet_key(raw) for raw in text_route])]


def _clean_describe_partition(
    raws: list[RawDoc],
    *,
    stats: CorpusLineStats | None,
    clean: CleanConfig,
    describe: DescribeConfig,
) -> list[Article | Problem]:
    from newsweave.clean import clean_document
    from newsweave.describe import describe_article

    out: list[Article | Problem] = []
    for raw in raws:
        try:
            cleaned = clean_document(raw, config=clean, stats=stats)
        except Exception as error:
            out.append(stage_problem("clean", raw.source, error))
            continue
        if not cleaned.text.strip():
            out.append(Problem(source=raw.source, error="no article text found after cleaning"))
            continue
        try:
            out.append(describe_article(raw, cleaned, config=describe))
        except Exception as error:
            out.append(stage_problem("describe", raw.source, error))
    return out


@dataclass(slots=True, kw_only=True)
class CleanStage:
    """Clean every raw document and describe it as an article.

    Corpus line statistics (lines repeated across documents, e.g. an outlet's footer) are built
    first as mergeable partials, then every document is cleaned with them. Articles with the same
    content are kept once; the later sources are noted as problems naming the first.
    """

    config: CleanConfig = field(default_factory=CleanConfig)
    describe: DescribeConfig = field(default_factory=DescribeConfig)
    use_corpus_stats: bool = True
    name: str = "clean"
    requires: tuple[str, ...] = ("raw",)
    provides: tuple[str, ...] = ("articles",)

    def run(self, corpus: Corpus, executor: Executor) -> Corpus:
        stats: CorpusLineStats | None = None
        problems = list(corpus.problems)
        if self.use_corpus_stats and corpus.raw:
            try:
                partials = executor.map_partitions(_line_stats_partition, corpus.raw)
                stats = functools.reduce(lambda a, b: a.merge(b), partials)
            except Exception as error:
                # Without corpus statistics each document is still cleaned on its own rules.
                problems.append(stage_problem("clean", "corpus line statistics", error))
        task = functools.partial(
            _clean_describe_partition, stats=stats, clean=self.config, describe=self.describe
        )
        results = executor.map_partitions(task, corpus.raw)
        articles: dict[str, Article] = {a.id: a for a in corpus.articles}
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
