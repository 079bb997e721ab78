"""The cross-article alignment stages: quote grouping, claims and conflicts, the timeline.

Each works story by story, so a story that trips one of them loses only that stage's output for
that story (one problem line naming the story), never the batch.
"""

from __future__ import annotations

import dataclasses
import functools
import operator
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from newsweave.align.claims import ClaimConfig, article_voice
from newsweave.align.conflict_base import ConflictConfig
from newsweave.align.timeline import TimelineConfig
from newsweave.executors import Executor, pooled_items, restart_workers
from newsweave.model import (
    Article,
    Attribution,
    Claim,
    Conflict,
    Quote,
    Story,
    Storyline,
    TimelineEntry,
)
from newsweave.pipeline import Corpus, isolate
from newsweave.products import ProductCache, source_digest


def story_source(story: Story) -> str:
    """How a problem names a story: its id and title."""
    return f"story {story.id} ({story.title})" if story.title else f"story {story.id}"


def _with_attributions(quotes: tuple[Quote, ...], mentions: Sequence[object]) -> tuple[Quote, ...]:
    """Quotes with their conflicting attributions, where outlets disagree on the speaker."""
    from newsweave.align.quotes import attribution_conflicts

    conflicts = {c.quote_id: c for c in attribution_conflicts(quotes, mentions)}  # type: ignore[arg-type]
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


def _quote_order(quote: Quote) -> tuple[str, str, tuple[int, int]]:
    return (quote.story_id or "", quote.variants[0].article_id, quote.variants[0].span)


@dataclass(slots=True, kw_only=True)
class QuotesStage:
    """The same statement's wordings across the articles of a story grouped into one quote."""

    name: str = "quotes"
    requires: tuple[str, ...] = ("quote_mentions", "entities", "stories")
    provides: tuple[str, ...] = ("quotes",)

    def run(self, corpus: Corpus, executor: Executor) -> Corpus:
        from newsweave.align.quotes import group_quotes

        story_of: dict[str, str | None] = {i: s.id for s in corpus.stories for i in s.article_ids}
        by_story: dict[str | None, list[object]] = {}
        for mention in corpus.quote_mentions:
            by_story.setdefault(story_of.get(mention.article_id), []).append(mention)
        # Mentions outside any story are grouped as one unit of their own.
        units = [s for s in corpus.stories if s.id in by_story]

        cache = getattr(executor, "cache", None)

        def quotes(stories: list[Story]) -> tuple[Quote, ...]:
            found: list[Quote] = []
            if len(stories) == len(units) and None in by_story:
                chosen = by_story[None]
                grouped = group_quotes(chosen, story_of=story_of)  # type: ignore[arg-type]
                found += _with_attributions(grouped, chosen)
            groups = {s.id: by_story[s.id] for s in stories}
            for grouped in _kept_story_quotes(groups, cache, executor).values():
                found += grouped
            return tuple(found)

        found, problems = isolate(self.name, units, quotes, source_of=story_source)
        return corpus.evolve(
            quotes=tuple(sorted(found, key=_quote_order)),
            problems=corpus.problems + tuple(problems),
        )


@functools.lru_cache(maxsize=1)
def quote_grouping_rules() -> str:
    """A hash of the source that groups a story's quotes (align/quotes.py, the word lists of
    extract/aliases.py it reads, and this module's `_with_attributions`), part of the
    `story-quotes` key: a store's grouped quotes are not handed back after those rules changed,
    even where the product's version was not bumped."""
    from newsweave.align import quotes
    from newsweave.extract import aliases

    return source_digest([Path(quotes.__file__), Path(aliases.__file__), Path(__file__)])


def _quotes_of_story(
    story_id: str, mentions: list[object], *, rules: str = ""
) -> tuple[Quote, ...]:
    """The quotes of one story from the quote mentions of its articles (a per-story product,
    `newsweave.products`; `rules`: `quote_grouping_rules()`, read by the product key only): the
    story's quotes are grouped within the story alone (a mention links only to mentions of its
    story, `group_quotes`' blocks), so grouping each story by itself gives the quotes grouping
    them all together gives."""
    from newsweave.align.quotes import group_quotes

    story_of = {m.article_id: story_id for m in mentions}  # type: ignore[attr-defined]
    grouped = group_quotes(mentions, story_of=story_of)  # type: ignore[arg-type]
    return _with_attributions(grouped, mentions)


def _kept_story_quotes(
    groups: dict[str, list[object]], cache: object, executor: Executor
) -> dict[str, tuple[Quote, ...]]:
    """Each story's quotes (`_quotes_of_story`), kept in the run's product cache by the story's
    mentions: an `ingest` groups again only the stories whose mentions changed (grouping every
    story's quotes again was ~3 % of a +1 % step's parent at 2,000 articles), in this process,
    where the quote vectors kept in the store are read.

    A run without a store groups every story once, nothing to key, on the executor's workers
    (`reduce_groups`): no earlier stage embedded the quotes' texts, so a worker embeds them no
    more than this process would, and the ~5.6 CPU s of 772 ECB+ articles no longer hold the
    second core idle (issue 15). The workers' vectors come back to this process's cache."""
    from newsweave.products import CachingExecutor

    task = functools.partial(_quotes_of_story, rules=quote_grouping_rules())

    def here(todo: dict[str, list[object]]) -> dict[str, tuple[Quote, ...]]:
        return {key: task(key, values) for key, values in todo.items()}

    if isinstance(cache, ProductCache) and cache.backing is not None:
        return cache.kept_groups(task, groups, here)
    engine = executor.inner if isinstance(executor, CachingExecutor) else executor
    return engine.reduce_groups(task, groups)


def story_voices(
    stories: Sequence[Story], articles: Mapping[str, Article], voices: Mapping[str, str]
) -> dict[str, str]:
    """Each story member's voice named by the story's first member (by id) with that voice.

    The copies stage names a voice corpus-wide by its smallest article id, so one new article
    of an outlet renames that outlet's voice in every story it reports in. Claim alignment only
    tells voices apart (equal or not), so naming them within each story gives the same claims,
    and a story that no new article joined keeps the key of its kept claims product (+1 % ingest
    into 1,978 stored articles: 9 of the 53 stories aligned again had only a renamed voice; in 6
    more the new articles joined two of its voices, which does change them).
    Voices follow `align_claims`' rule: an unmapped article is its original's voice when it is
    a copy, else its own. An article in two stories keeps every name as it was (no story would
    otherwise be sure to see one name per voice).
    """
    seen: set[str] = set()
    named: dict[str, str] = {}
    for story in stories:
        first: dict[str, str] = {}
        for article_id in sorted(set(story.article_ids)):
            article = articles.get(article_id)
            if article is None:
                continue
            if article_id in seen:
                return dict(voices)
            seen.add(article_id)
            named[article_id] = first.setdefault(article_voice(article, voices), article_id)
    return {**voices, **named}


# Articles whose claims are aligned per call of `align_claims`. Each call holds its articles'
# claim sentences and vectors in this process (~30 KB an article; the product cache keeps them
# until they are let go), so one call over 10,000 articles held ~300 MiB at once, the peak of
# the run (docs/benchmarks.md, issue 15). Stories are aligned one by one either way, so the
# batches change memory only, never a claim.
CLAIM_BATCH_ARTICLES = 1_500


# From this many articles, each batch of the claims stage runs on fresh pool workers, and the
# stage ends its workers when it is done. Workers come to it holding what copies, stories and
# entities left (spaCy's NER, caches, heap pages `malloc_trim` cannot return), and in claims they
# grow with every batch (10,000 articles: ~200 MiB PSS each at the first batch, ~600 after the
# seventh); timeline and brief, which follow in this process, would find them idle and as large
# (docs/benchmarks.md, session 24: the 2,140 MiB peak of a 10,000-article run was there). New
# workers load their models again (a few CPU seconds each), which a small run does not repay.
FRESH_WORKERS_FROM_ARTICLES = 2_000
# ... and workers are ended only once they were handed this many items (articles, in claims)
# since they started: an `ingest` step re-aligns only the stories it touched, a few of each
# batch, and restarting before every batch there would pay the models' start-up for nothing
# (~4 CPU s a restart with two workers, seven batches at 10,000 articles).
FRESH_WORKERS_AFTER_ITEMS = CLAIM_BATCH_ARTICLES // 2


def _workers_grown(executor: Executor) -> bool:
    """Whether the pool's workers did enough since they started to be worth ending."""
    count = pooled_items(executor)
    return count is None or count >= FRESH_WORKERS_AFTER_ITEMS


def story_batches(stories: Sequence[Story], limit: int) -> list[list[Story]]:
    """`stories` by id, cut into consecutive batches of at most `limit` articles (a story with
    more goes alone). `align_claims` orders its claims by story id, so the batches' claims one
    after another are in the order one call over every story gives."""
    batches: list[list[Story]] = []
    batch: list[Story] = []
    size = 0
    for story in sorted(stories, key=lambda s: s.id):
        count = len(set(story.article_ids))
        if batch and size + count > limit:
            batches.append(batch)
            batch, size = [], 0
        batch.append(story)
        size += count
    if batch:
        batches.append(batch)
    return batches


def let_go_of_products(executor: Executor) -> None:
    """Write the products computed so far to the run's store and drop them from memory (what
    the pipeline does between stages), so a stage that works batch by batch holds one batch's."""
    from newsweave.executors.memory import give_back_free_memory
    from newsweave.products import CachingExecutor

    if isinstance(executor, CachingExecutor):
        executor.cache.end_stage()
    give_back_free_memory()


@dataclass(slots=True, kw_only=True)
class ClaimsStage:
    """Claims aligned across the outlets of each story, and the conflicts between them."""

    config: ClaimConfig = field(default_factory=ClaimConfig)
    name: str = "claims"
    requires: tuple[str, ...] = ("stories", "voices", "articles.dates", "entities")
    provides: tuple[str, ...] = ("claims", "conflicts")

    def run(self, corpus: Corpus, executor: Executor) -> Corpus:
        from newsweave.align.claims import align_claims

        by_id = {a.id: a for a in corpus.articles}
        voices = story_voices(corpus.stories, by_id, corpus.voices)
        fresh = len(by_id) >= FRESH_WORKERS_FROM_ARTICLES

        def claims(stories: list[Story]) -> tuple[tuple[Claim, ...], tuple[Conflict, ...]]:
            found: list[Claim] = []
            conflicts: list[Conflict] = []
            for batch in story_batches(stories, CLAIM_BATCH_ARTICLES):
                if fresh and _workers_grown(executor):
                    restart_workers(executor)
                batch_claims, batch_conflicts = align_claims(
                    batch,
                    by_id,
                    voices=voices,
                    entities=corpus.entities,
                    executor=executor,
                    config=self.config,
                )
                found += batch_claims
                conflicts += batch_conflicts
                let_go_of_products(executor)
            return tuple(found), tuple(conflicts)

        (found, conflicts), problems = isolate(
            self.name, corpus.stories, claims, source_of=story_source
        )
        if fresh and _workers_grown(executor):
            restart_workers(executor)
        if self.config.conflicts.storyline_conflicts:
            # Voices named corpus-wide (`story_voices` names them per story, which two stories
            # do not share).
            every_voice = {a: article_voice(article, corpus.voices) for a, article in by_id.items()}
            cache = getattr(executor, "cache", None)
            # A storyline that trips the rules costs its own cross-story conflicts, not the run.
            across, trouble = isolate(
                self.name,
                corpus.storylines,
                lambda lines: _storyline_conflicts(
                    lines, found, by_id, every_voice, config=self.config.conflicts, cache=cache
                ),
                source_of=lambda line: f"storyline {line.id}",
            )
            conflicts += across
            problems += trouble
        return corpus.evolve(
            claims=found,
            conflicts=conflicts,
            problems=corpus.problems + tuple(problems),
            modes={**corpus.modes, "statements": self._statement_mode()},
        )

    def _statement_mode(self) -> str:
        """Which same-statement check ran: with spaCy's parser (who does what), on rules alone
        (figures, dates, polarity), or none."""
        from newsweave.nlp import spacy_model_available

        if not self.config.check_statement:
            return "off"
        return "spacy-parser" if spacy_model_available() else "rules"


@functools.lru_cache(maxsize=1)
def storyline_conflict_rules() -> str:
    """A hash of the source that compares a storyline's stories (align/storyline_conflicts.py,
    the conflict rules and every newsweave module they import; and this module's keying), part
    of the `storyline-conflicts` key: a store's conflicts are not handed back after those rules
    changed, even where the product's version was not bumped."""
    from newsweave.align.claims import _source_closure

    return source_digest([*_source_closure("newsweave.align.storyline_conflicts"), Path(__file__)])


def _storyline_conflicts(
    storylines: Sequence[Storyline],
    claims: Sequence[Claim],
    articles: Mapping[str, Article],
    voices: Mapping[str, str],
    *,
    config: ConflictConfig,
    cache: object,
) -> tuple[Conflict, ...]:
    """The conflicts across the stories of each storyline (`align.storyline_conflicts`), with a
    backed product cache kept per storyline: an `ingest` compares again only the storylines
    whose stories' claim sentences (or their articles' voices and dates) changed (comparing
    every storyline was 3.5 of a +1 % step's 15.9 CPU s on the 772 ECB+ articles)."""
    from newsweave.align.storyline_conflicts import (
        StorylineStory,
        conflicts_of_storyline,
        merged_conflicts,
        storyline_conflicts,
        storyline_stories,
    )

    if not isinstance(cache, ProductCache) or cache.backing is None:
        # A one-shot run compares each storyline once: nothing to key.
        return storyline_conflicts(storylines, claims, articles, voices, config=config)
    task = functools.partial(
        conflicts_of_storyline, config=config, rules=storyline_conflict_rules()
    )
    groups = storyline_stories(storylines, claims, articles, voices)

    def here(todo: dict[str, list[StorylineStory]]) -> dict[str, tuple[Conflict, ...]]:
        return {line: task(line, stories) for line, stories in todo.items()}

    kept = cache.kept_groups(
        task,
        groups,
        here,
        key_items=_storyline_key_items(groups, claims, articles, voices, cache),
    )
    return merged_conflicts(kept)


def _storyline_key_items(
    groups: Mapping[str, Sequence[tuple[str, object]]],
    claims: Sequence[Claim],
    articles: Mapping[str, Article],
    voices: Mapping[str, str],
    cache: ProductCache,
) -> dict[str, object]:
    """What each storyline's conflicts are keyed on: a stand-in for its stories' statements
    that determines them. A story's claims stand in by the key of the `story-claims` product
    that gave them (the claims stage's `named_keys`; taken only when they are that product's
    very objects, `is`: records are frozen), with the id, voice and date of each article they
    cite; else by the claims themselves. Canonicalising every claim sentence of every
    storyline at each `ingest` would cost a good part of what the kept conflicts save."""
    from newsweave.align.claims import STORY_CLAIMS_KIND

    named = cache.named_keys.get(STORY_CLAIMS_KIND, {})
    claims_of: dict[str, list[Claim]] = {}
    for claim in claims:
        claims_of.setdefault(claim.story_id, []).append(claim)

    def stand_in(story_id: str, said: object) -> object:
        mine = claims_of.get(story_id, [])
        kept = named.get(story_id)
        found: Sequence[object] = kept[0][0] if kept is not None else ()  # type: ignore[index]
        if kept is None or len(found) != len(mine) or any(map(operator.is_not, found, mine)):
            return ("statements", story_id, said)
        cited = sorted({e.article_id for claim in mine for e in claim.support})
        return (
            STORY_CLAIMS_KIND,
            story_id,
            kept[1],
            tuple(
                (a, voices.get(a, a), articles[a].published) if a in articles else (a, None)
                for a in cited
            ),
        )

    return {
        line: tuple(stand_in(story_id, said) for story_id, said in stories)
        for line, stories in groups.items()
    }


@dataclass(slots=True, kw_only=True)
class TimelineStage:
    """A dated timeline per story, merged across its outlets."""

    config: TimelineConfig = field(default_factory=TimelineConfig)
    name: str = "timeline"
    requires: tuple[str, ...] = ("stories", "articles.dates", "voices")
    provides: tuple[str, ...] = ("timeline",)

    def run(self, corpus: Corpus, executor: Executor) -> Corpus:
        from newsweave.align.timeline import build_timeline
        from newsweave.products import ProductCache

        by_id = {a.id: a for a in corpus.articles}
        cache = getattr(executor, "cache", None)
        kept = isinstance(cache, ProductCache) and cache.backing is not None

        def timeline(stories: list[Story]) -> tuple[TimelineEntry, ...]:
            if not kept or len({s.id for s in stories}) < len(stories):
                # A one-shot run builds each story's timeline once: nothing to key.
                return build_timeline(stories, by_id, voices=corpus.voices, config=self.config)
            return _kept_story_timelines(stories, by_id, corpus.voices, self.config, cache)

        found, problems = isolate(self.name, corpus.stories, timeline, source_of=story_source)
        return corpus.evolve(timeline=found, problems=corpus.problems + tuple(problems))


@functools.lru_cache(maxsize=1)
def timeline_rules() -> str:
    """A hash of the source that builds a story's timeline (align/timeline.py and every
    newsweave module it imports: roundups, sentences, extract/numbers.py, extract/dates, the
    speech verbs ...; and this module's keying), part of the `story-timeline` key: a store's
    timelines are not handed back after those rules changed, even where the product's version
    was not bumped."""
    from newsweave.align.claims import _source_closure

    return source_digest([*_source_closure("newsweave.align.timeline"), Path(__file__)])


# One member of a story as its timeline reads it: (article id, the article or None when the
# corpus lacks it, its voice named within the story).
TimelineMember = tuple[str, Article | None, str]


def timeline_members(
    story: Story, articles: Mapping[str, Article], voices: Mapping[str, str]
) -> list[TimelineMember]:
    """The members of `story`, in its order, as `_timeline_of_story` reads them: each voice
    named by the story's first member (by id) with that voice.

    A timeline only tells voices apart (an entry of month or year precision needs two; entries
    are ranked by how many they have), so naming them within the story gives the same entries,
    and a story no new article joined keeps its key when the copies stage renames a voice
    corpus-wide (`story_voices` does the same for claims)."""
    first: dict[str, str] = {}
    for article_id in sorted(set(story.article_ids)):
        first.setdefault(voices.get(article_id, article_id), article_id)
    return [(i, articles.get(i), first[voices.get(i, i)]) for i in story.article_ids]


def _timeline_of_story(
    story_id: str, members: list[TimelineMember], *, config: TimelineConfig, rules: str = ""
) -> tuple[TimelineEntry, ...]:
    """The timeline of one story (a per-story product, `newsweave.products`; `rules`:
    `timeline_rules()`, read by the product key only). `build_timeline` builds each story from
    its own members alone, so one story at a time gives what every story at once gives."""
    from newsweave.align.timeline import build_timeline

    story = Story(id=story_id, title="", article_ids=tuple(i for i, _, _ in members))
    articles = {i: article for i, article, _ in members if article is not None}
    voices = {i: voice for i, _, voice in members}
    return build_timeline([story], articles, voices=voices, config=config)


def _kept_story_timelines(
    stories: Sequence[Story],
    articles: Mapping[str, Article],
    voices: Mapping[str, str],
    config: TimelineConfig,
    cache: object,
) -> tuple[TimelineEntry, ...]:
    """Every story's timeline (`_timeline_of_story`), kept in the run's product cache by the
    story's members (each article with every field, and its voice within the story): an
    `ingest` builds again only the stories whose members changed (every story's timeline was
    ~13 CPU s of a +1 % step at 10,000 articles, session 21). In story id order, as
    `build_timeline` gives them."""
    from newsweave.align.kept_vectors import claim_vector_lookup
    from newsweave.embed import get_embedder
    from newsweave.products import ProductCache

    assert isinstance(cache, ProductCache)
    task = functools.partial(_timeline_of_story, config=config, rules=timeline_rules())
    groups = {
        s.id: timeline_members(s, articles, voices) for s in sorted(stories, key=lambda s: s.id)
    }

    def here(todo: dict[str, list[TimelineMember]]) -> dict[str, tuple[TimelineEntry, ...]]:
        out = {}
        for key, members in todo.items():
            # A sentence the timeline embeds is a span of a member's text; where it is one of
            # that member's claim sentences, its vector is kept (`align.kept_vectors`).
            held = [article for _, article, _ in members if article is not None]

            def holders(text: str, held: list[Article] = held) -> list[str]:
                return [a.id for a in held if text in a.text]

            with get_embedder().held_in(claim_vector_lookup(cache, holders)):
                out[key] = task(key, members)
        return out

    kept = cache.kept_groups(task, groups, here)
    return tuple(entry for story_id in groups for entry in kept[story_id])
