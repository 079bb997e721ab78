"""The per-article extraction stages: time expressions; entities and quote mentions."""

from __future__ import annotations

import dataclasses
import functools
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from newsweave.executors import Executor
from newsweave.extract.dates import DatesConfig, stated_update_day
from newsweave.extract.entities import EntityConfig
from newsweave.extract.speakers import SpeakerConfig
from newsweave.model import Article, DateMention, Problem
from newsweave.pipeline import Corpus, guarded, isolate
from newsweave.products import source_digest

if TYPE_CHECKING:
    from newsweave.extract.quotes import QuoteMention
    from newsweave.extract.speakers import MentionIndex

# What the dates of an article depend on: its text, publication date and the update day its page
# states (the id and source name the article in a problem line). Mapping over these alone keys
# the kept product on them only.
_Dated = tuple[str, str, str, str | None, str | None]  # id, source, text, published, updated


def _dates_partition(
    items: list[_Dated], *, config: DatesConfig
) -> list[tuple[DateMention, ...] | Problem]:
    from newsweave.extract.dates import extract_dates

    return [
        guarded(
            "dates",
            item,
            lambda i: tuple(extract_dates(i[2], i[3], config=config, updated=i[4])),
            item[1],
        )
        for item in items
    ]


def dated(
    articles: tuple[Article, ...], executor: Executor, config: DatesConfig
) -> tuple[tuple[Article, ...], tuple[Problem, ...]]:
    """`articles` with their time expressions; an article that trips the grammar keeps none."""
    task = functools.partial(_dates_partition, config=config)
    # A "Last updated" line is often page furniture that cleaning removed: read it there too.
    items = [
        (
            a.id,
            a.source,
            a.text,
            a.published,
            stated_update_day([*(r.text for r in a.removed), a.text], a.published),
        )
        for a in articles
    ]
    results = executor.map_partitions(task, items)
    out: list[Article] = []
    problems: list[Problem] = []
    for article, result in zip(articles, results, strict=True):
        if isinstance(result, Problem):
            problems.append(result)
            out.append(dataclasses.replace(article, dates=()))
        else:
            out.append(dataclasses.replace(article, dates=result))
    return tuple(out), tuple(problems)


@dataclass(slots=True, kw_only=True)
class DatesStage:
    """Find and value every time expression of each article against its publication date.

    It runs before stories so that the story stage can weigh the dates of the happening itself.
    """

    config: DatesConfig = field(default_factory=DatesConfig)
    name: str = "dates"
    requires: tuple[str, ...] = ("articles",)
    provides: tuple[str, ...] = ("articles.dates",)

    def run(self, corpus: Corpus, executor: Executor) -> Corpus:
        articles, problems = dated(corpus.articles, executor, self.config)
        return corpus.evolve(articles=articles, problems=corpus.problems + problems)


# What the quotes of an article depend on: the article, its entity mentions as the speaker rules
# see them (span, entity id, type, text) and the names of those entities. Keyed on these, an
# article's quotes are kept (`article-quotes`) and found again while none of them changes: an
# `ingest` extracts the quotes of new articles and of articles whose entities were renamed.
# The item carries everything the rules read, so it is quoted wherever its partition runs.
_Quoting = tuple[Article, tuple[object, ...], tuple[tuple[str, str], ...]]


def _quoting(article: Article, index: MentionIndex) -> _Quoting:
    named = sorted({(m.entity_id, index.names.get(m.entity_id, "")) for m in index.mentions})
    return article, tuple(index.mentions), tuple(named)


@functools.lru_cache(maxsize=1)
def quote_rules() -> str:
    """A hash of the quote and speaker rules' source (extract/quotes.py, extract/indirect.py,
    extract/speakers/, and extract/aliases.py, whose word lists the speaker rules read, with
    resources/given_names.txt, whose given names tell a speaker's sex), part of the
    `article-quotes` key (`products.source_digest`)."""
    from newsweave.extract import aliases, indirect, quotes, speakers

    files = [Path(quotes.__file__), Path(indirect.__file__), Path(aliases.__file__)]
    files += sorted(Path(speakers.__file__).parent.glob("*.py"))
    files.append(Path(aliases.__file__).parent.parent / "resources" / "given_names.txt")
    return source_digest(files)


def _quotes_partition(
    items: list[_Quoting], *, config: SpeakerConfig, rules: str = ""
) -> list[tuple[QuoteMention, ...] | Problem]:
    """The quotes of each item (`rules`: `quote_rules()`, read by the product key only)."""
    from newsweave.extract.quotes import extract_quotes
    from newsweave.extract.speakers import MentionIndex

    def quotes(item: _Quoting) -> tuple[QuoteMention, ...]:
        article, found, named = item
        index = MentionIndex(article.id, names=dict(named), found=list(found))  # type: ignore[arg-type]
        return tuple(extract_quotes(article, index=index, config=config))

    return [guarded("quotes", item, quotes, item[0].source) for item in items]


@dataclass(slots=True, kw_only=True)
class MentionsStage:
    """Entities of the corpus (one per real person or organisation) and each article's quotes."""

    config: EntityConfig = field(default_factory=EntityConfig)
    speakers: SpeakerConfig = field(default_factory=SpeakerConfig)
    name: str = "entities"
    requires: tuple[str, ...] = ("articles", "stories")
    provides: tuple[str, ...] = ("entities", "quote_mentions")

    def run(self, corpus: Corpus, executor: Executor) -> Corpus:
        from newsweave.extract.entities import no_cycle_collection

        # The whole stage, not linking alone: reading every article's kept mentions and
        # quotes back makes hundreds of thousands of records, as many cues to collect.
        with no_cycle_collection():
            return self._run(corpus, executor)

    def _run(self, corpus: Corpus, executor: Executor) -> Corpus:
        from newsweave.extract.entities import EntityResult, extract_entities
        from newsweave.extract.speakers import MentionIndex

        # Stories are the evidence that lets a lone surname in one article link to a person
        # named in full in another article of the same story.
        story_of: dict[str, str | None] = {i: s.id for s in corpus.stories for i in s.article_ids}

        def entities(articles: list[Article]) -> EntityResult:
            return extract_entities(
                articles, executor=executor, config=self.config, story_of=story_of
            )

        result, problems = isolate(
            self.name, corpus.articles, entities, source_of=lambda a: a.source
        )
        mentions: list[QuoteMention] = []
        # Every article's entity mentions in one pass (a scan per article was quadratic).
        indexes = MentionIndex.per_article(result.entities, [a.id for a in corpus.articles])
        items = [_quoting(article, indexes[article.id]) for article in corpus.articles]
        task = functools.partial(_quotes_partition, config=self.speakers, rules=quote_rules())
        # In the pool, as every per-article product: done here, quoting 2,000 articles held the
        # second core idle for ~12 profiled s (docs/benchmarks.md, session 14).
        for found in executor.map_partitions(task, items):
            if isinstance(found, Problem):
                problems.append(found)
            else:
                mentions.extend(found)
        return corpus.evolve(
            entities=result.entities,
            quote_mentions=tuple(mentions),
            problems=corpus.problems + tuple(problems),
            modes={**corpus.modes, "entities": result.mode},
        )
