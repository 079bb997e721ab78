"""The quotes stage groups each story's quotes by itself and keeps them per story (issue 15):
the same quotes as grouping every story's mentions together (the old computation, the oracle
here), an `ingest` groups again only the stories whose mentions changed, and a run without a
store groups them on the executor's workers."""

from __future__ import annotations

import dataclasses
import random

import pytest

from newsweave.align import quotes
from newsweave.align.quotes import group_quotes
from newsweave.align.stage import QuotesStage, _quote_order, _with_attributions
from newsweave.embed import get_embedder
from newsweave.executors import LocalExecutor
from newsweave.extract.quotes import QuoteMention
from newsweave.model import Quote, Story
from newsweave.pipeline import Corpus
from newsweave.products import CachingExecutor, ProductCache
from tests.memory_products import MemoryProducts
from tests.test_brief_pool import _NewWorker

_SAID = [
    "We will rebuild the bridge before the winter comes",
    "we will rebuild the bridge before winter",
    "The bridge will be rebuilt before the winter, the mayor said",
    "Nobody was hurt when the old bridge fell into the river",
    "nobody was hurt when the bridge fell",
    "I am ready for interaction and contacts with you",
    "For my part, I am ready for interaction and contacts with you.",
    "The fire started in the kitchen of the restaurant shortly after midnight",
]


def _mentions(rng: random.Random, count: int) -> list[QuoteMention]:
    out = []
    for number in range(count):
        text = rng.choice(_SAID)
        speaker = rng.choice([None, "e-mayor", "e-chief", "e-putin"])
        out.append(
            QuoteMention(
                article_id=f"a{rng.randrange(12):02d}",
                text=text,
                span=(number * 100, number * 100 + len(text)),
                speaker_text=rng.choice([None, "the mayor", "a witness", "officials"]),
                speaker_id=speaker,
                kind=rng.choice(["direct", "direct", "indirect"]),
                cue="said",
            )
        )
    return out


def _stories(rng: random.Random) -> tuple[Story, ...]:
    # Articles a00..a09 in three stories (a04 may be in two: the last one holds its
    # mentions), a10 and a11 in none.
    ids = [f"a{n:02d}" for n in range(10)]
    rng.shuffle(ids)
    return (
        Story(id="s1", title="", article_ids=tuple(sorted(ids[:4]))),
        Story(id="s2", title="", article_ids=tuple(sorted({*ids[4:7], "a04"}))),
        Story(id="s3", title="", article_ids=tuple(sorted(ids[7:]))),
    )


def _old(corpus: Corpus) -> tuple[Quote, ...]:
    """The stage's quotes as one `group_quotes` over every mention gave them."""
    story_of = {i: s.id for s in corpus.stories for i in s.article_ids}
    mentions = list(corpus.quote_mentions)
    grouped = group_quotes(mentions, story_of=story_of)
    return tuple(sorted(_with_attributions(grouped, mentions), key=_quote_order))


def _run(corpus: Corpus, cache: ProductCache | None) -> tuple[Quote, ...]:
    inner = LocalExecutor(workers=1)
    executor = CachingExecutor(inner, cache) if cache is not None else inner
    try:
        return QuotesStage().run(corpus, executor).quotes
    finally:
        executor.close()


def test_stories_grouped_one_by_one_give_the_quotes_of_one_grouping() -> None:
    rng = random.Random(19)
    for _ in range(40):
        corpus = Corpus(stories=_stories(rng), quote_mentions=tuple(_mentions(rng, 30)))
        expected = _old(corpus)
        assert _run(corpus, None) == expected
        assert _run(corpus, ProductCache(backing=MemoryProducts())) == expected


def test_only_stories_whose_mentions_changed_are_grouped_again(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    rng = random.Random(7)
    stories = _stories(rng)
    mentions = _mentions(rng, 30)
    cache = ProductCache(backing=MemoryProducts())
    first = Corpus(stories=stories, quote_mentions=tuple(mentions))
    assert _run(first, cache) == _old(first)

    # One more mention in an article of s1: s1 is grouped again, and the mentions outside any
    # story (grouped every time), nothing else.
    s1 = next(a for a in stories[0].article_ids if a not in stories[1].article_ids)
    end = 9_000 + len(mentions[0].text)
    added = dataclasses.replace(mentions[0], article_id=s1, span=(9_000, end))
    second = Corpus(stories=stories, quote_mentions=(*mentions, added))
    expected = _old(second)

    grouped: list[set[str | None]] = []
    real = quotes.group_quotes

    def counting(mentions, *, story_of):  # type: ignore[no-untyped-def]
        grouped.append({story_of.get(m.article_id) for m in mentions})
        return real(mentions, story_of=story_of)

    monkeypatch.setattr(quotes, "group_quotes", counting)
    assert _run(second, cache) == expected
    assert sorted(grouped, key=repr) == [{"s1"}, {None}]


def test_a_run_without_a_store_groups_the_stories_quotes_on_the_workers() -> None:
    # In this process the grouping held the second core idle (772 ECB+ articles: ~5.6 CPU s).
    rng = random.Random(23)
    for cache in (None, ProductCache()):
        corpus = Corpus(stories=_stories(rng), quote_mentions=tuple(_mentions(rng, 30)))
        engine = _NewWorker(get_embedder())
        executor = CachingExecutor(engine, cache) if cache is not None else engine
        assert QuotesStage().run(corpus, executor).quotes == _old(corpus)
        with_mentions = {s.id for s in corpus.stories} & {
            s.id
            for s in corpus.stories
            for m in corpus.quote_mentions
            if m.article_id in s.article_ids
        }
        assert [set(groups) for groups in engine.groups] == [with_mentions]


def test_an_ingest_groups_the_stories_it_does_not_hold_in_this_process() -> None:
    # The store's quote vectors are read here; the kept groups decide what is grouped again.
    rng = random.Random(29)
    corpus = Corpus(stories=_stories(rng), quote_mentions=tuple(_mentions(rng, 30)))
    engine = _NewWorker(get_embedder())
    executor = CachingExecutor(engine, ProductCache(backing=MemoryProducts()))
    assert QuotesStage().run(corpus, executor).quotes == _old(corpus)
    assert engine.groups == []


@pytest.mark.slow
def test_quotes_grouped_in_a_pool_of_two_are_the_quotes_grouped_here() -> None:
    rng = random.Random(31)
    corpus = Corpus(stories=_stories(rng), quote_mentions=tuple(_mentions(rng, 40)))
    executor = CachingExecutor(LocalExecutor(workers=2), ProductCache())
    try:
        assert QuotesStage().run(corpus, executor).quotes == _old(corpus)
    finally:
        executor.close()
