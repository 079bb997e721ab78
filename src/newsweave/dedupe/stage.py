"""The copies stage: exact copies, near copies and rewrites; who is an independent voice."""

from __future__ import annotations

import dataclasses
import functools
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

import numpy as np

from newsweave.dedupe.config import DedupeConfig
from newsweave.dedupe.voices import (
    _narration_partition,
    credited_links,
    join_voices,
    narration_rules,
    shared_text_links,
)
from newsweave.executors import Executor
from newsweave.model import Article, CopyLink
from newsweave.pipeline import Corpus, isolate
from newsweave.products import map_here


@dataclass(slots=True, kw_only=True)
class CopiesStage:
    """Link each copy to its original (`copy_of`) and group articles into voices (one outlet
    name per site first)."""

    config: DedupeConfig = field(default_factory=DedupeConfig)
    name: str = "copies"
    requires: tuple[str, ...] = ("articles",)
    provides: tuple[str, ...] = ("articles.outlet", "articles.copy_of", "voices")

    def run(self, corpus: Corpus, executor: Executor) -> Corpus:
        from newsweave.dedupe import find_copies

        corpus = corpus.evolve(articles=_one_outlet_per_site(corpus.articles))

        def copies(articles: list[Article]) -> tuple[dict[str, CopyLink], dict[str, str], str]:
            result = find_copies(articles, executor=executor, config=self.config)
            return dict(result.links), dict(result.voices), result.embedding

        (links, voices, embedding), problems = isolate(
            self.name, corpus.articles, copies, source_of=lambda a: a.source
        )
        # An article the stage failed on is its own voice: it is never counted twice.
        voices = {a.id: voices.get(a.id, a.id) for a in corpus.articles}
        # Retellings of one report are one voice too: credited ones, and agency texts whose
        # top and bottom each outlet edited (they keep several of its sentences word for word;
        # one copied passage makes one voice of that passage only, as claims count it).
        voices = join_voices(voices, credited_links(corpus.articles))
        voices = join_voices(
            voices,
            shared_text_links(
                corpus.articles,
                run_words=self.config.shared_run_words,
                min_sentences=self.config.shared_run_sentences,
                runs=_narration_runs(corpus.articles, self.config.shared_run_words, executor),
            ),
        )
        voices = one_voice_per_outlet(corpus.articles, voices)
        articles = tuple(dataclasses.replace(a, copy_of=links.get(a.id)) for a in corpus.articles)
        return corpus.evolve(
            articles=articles,
            voices=voices,
            problems=corpus.problems + tuple(problems),
            modes={**corpus.modes, "copies": f"minhash+{embedding}"},
        )


def _narration_runs(
    articles: Sequence[Article], run_words: int, executor: Executor
) -> list[tuple[np.ndarray, np.ndarray]] | None:
    """Each article's `narration_runs`, read here through the run's product cache: an `ingest`
    reads the stored articles' runs back and finds the new ones' only (issue 15)."""
    if run_words <= 0:
        return None
    task = functools.partial(_narration_partition, run_words=run_words, rules=narration_rules())
    return map_here(executor, task, [(a.id, a.text) for a in articles])


def one_voice_per_outlet(articles: Sequence[Article], voices: Mapping[str, str]) -> dict[str, str]:
    """`voices` with the voices of one outlet joined: each article mapped to the smallest voice
    of its outlet's articles (and of the copies those voices stand for).

    Two reports of one newsroom are not independent sources: a fact-checker counts the outlet
    once (audit 6: "Steafon Lewis was arrested Friday" corroborated by two nbcnewyork.com
    articles; "The MPs term of office is five years" by three trend.az ones). Articles whose
    outlet and domain are unknown keep their own voice.
    """
    first_of_outlet: dict[str, str] = {}
    links = [
        (first_of_outlet.setdefault(outlet, article.id), article.id)
        for article in articles
        if (outlet := _outlet_key(article))
    ]
    return join_voices(voices, links)


def _outlet_key(article: Article) -> str:
    return (article.outlet or article.domain or "").casefold().strip()


def _one_outlet_per_site(articles: tuple[Article, ...]) -> tuple[Article, ...]:
    """Articles of one site under one outlet name before voices are counted (see
    `harmonise_outlets`); the articles that need no change are the same objects."""
    from newsweave.describe.outlets import harmonise_outlets

    outlets = harmonise_outlets([(a.domain, a.outlet) for a in articles])
    return tuple(
        a if outlet == a.outlet else dataclasses.replace(a, outlet=outlet)
        for a, outlet in zip(articles, outlets, strict=True)
    )
