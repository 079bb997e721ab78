"""The timeline stage keeps each story's timeline per story (issue 15, session 21): the same
entries as one `build_timeline` over every story with the corpus' voices (the old computation,
the oracle here), and an `ingest` builds again only the stories whose members changed in
something the timeline reads (an article's field, a member, the partition of its voices)."""

from __future__ import annotations

import dataclasses
import random

from newsweave.align import timeline
from newsweave.align.claims import _source_closure
from newsweave.align.stage import TimelineStage
from newsweave.align.timeline import TimelineConfig, build_timeline
from newsweave.executors import LocalExecutor
from newsweave.extract.dates import extract_dates
from newsweave.model import Article, Removal, Story, TimelineEntry
from newsweave.pipeline import Corpus
from newsweave.products import CachingExecutor, ProductCache
from tests.align.seed_articles import seed_article
from tests.memory_products import MemoryProducts
from tests.report.sample import article

_SENTENCES = [
    "A man was shot and killed on Monday night outside a bar on Main Street.",
    "Police said Tuesday that the man was shot outside the bar on Main Street.",
    "The shooting happened Monday around 11 p.m., police said.",
    "The Electoral College voted for Biden on Dec. 14, confirming his win.",
    "On 14 December, the Electoral College cast its votes for Joe Biden.",
    "Biden was projected the winner after the Nov. 3 vote.",
    "He will be sentenced on Friday, officials said.",
    "The suspect, who was arrested Sunday, was released on bail.",
    "In November, the city council approved the new budget.",
    "The council approved the budget in November after a long debate.",
    "Firefighters put out the blaze on Saturday morning, the chief said.",
    "The fire started on Saturday in the kitchen of the restaurant.",
    "The victim died Sunday at a hospital, a family member said.",
    "Smith, 34, was charged Wednesday with first-degree murder.",
    "A vigil was held on Thursday evening for the victims.",
]
_PUBLISHED = ["2020-12-15", "2020-12-16", "2020-12-18", None]


def _articles(rng: random.Random, count: int) -> dict[str, Article]:
    out: dict[str, Article] = {}
    for number in range(count):
        ident = f"a{number:02d}"
        paragraphs = [
            " ".join(rng.sample(_SENTENCES, rng.randint(1, 3))) for _ in range(rng.randint(2, 5))
        ]
        text = "\n\n".join(paragraphs)
        published = rng.choice(_PUBLISHED)
        base = article(ident, text, published=published, outlet=rng.choice(["KDKA", "AP", "WTAE"]))
        out[ident] = dataclasses.replace(base, dates=extract_dates(text, published))
    for number in ("000", "001", "002", "003"):  # the seed corpus, dated
        seed = seed_article(number)
        out[seed.id] = dataclasses.replace(seed, dates=extract_dates(seed.text, seed.published))
    return out


def _stories(rng: random.Random, ids: list[str]) -> tuple[Story, ...]:
    ids = list(ids)
    rng.shuffle(ids)
    cut = sorted(rng.sample(range(1, len(ids)), 3))
    parts = [ids[: cut[0]], ids[cut[0] : cut[1]], ids[cut[1] : cut[2]], ids[cut[2] :]]
    stories = [Story(id=f"s{n}", title="", article_ids=tuple(part)) for n, part in enumerate(parts)]
    # One member missing from the corpus, one story with a member twice.
    stories[0] = dataclasses.replace(stories[0], article_ids=(*stories[0].article_ids, "gone"))
    first = stories[1].article_ids
    stories[1] = dataclasses.replace(stories[1], article_ids=(*first, first[0]))
    return tuple(stories)


def _voices(rng: random.Random, ids: list[str]) -> dict[str, str]:
    # Some articles share a voice (a copy, one outlet), some have none (their own).
    names = ids[:6]
    return {i: rng.choice(names) for i in ids if rng.random() < 0.7}


def _old(corpus: Corpus, config: TimelineConfig) -> tuple[TimelineEntry, ...]:
    """The stage's timeline as one `build_timeline` over every story gave it."""
    by_id = {a.id: a for a in corpus.articles}
    return build_timeline(corpus.stories, by_id, voices=corpus.voices, config=config)


def _run(
    corpus: Corpus, cache: ProductCache | None, config: TimelineConfig | None = None
) -> tuple[TimelineEntry, ...]:
    inner = LocalExecutor(workers=1)
    executor = CachingExecutor(inner, cache) if cache is not None else inner
    try:
        return TimelineStage(config=config or TimelineConfig()).run(corpus, executor).timeline
    finally:
        executor.close()


def _corpus(seed: int) -> Corpus:
    rng = random.Random(seed)
    articles = _articles(rng, 14)
    ids = sorted(articles)
    return Corpus(
        articles=tuple(articles.values()), stories=_stories(rng, ids), voices=_voices(rng, ids)
    )


def test_stories_built_one_by_one_give_the_timeline_of_one_build() -> None:
    found = 0
    for seed in range(6):
        corpus = _corpus(seed)
        for config in (
            TimelineConfig(),
            TimelineConfig(same_happening=0.3, max_entries_per_story=3),
        ):
            expected = _old(corpus, config)
            found += len(expected)
            assert _run(corpus, None, config) == expected
            cache = ProductCache(backing=MemoryProducts())
            assert _run(corpus, cache, config) == expected
            assert _run(corpus, cache, config) == expected  # read back from the kept products
    assert found > 25  # the cases date something


def _built(monkeypatch, corpus: Corpus, cache: ProductCache) -> list[str]:  # type: ignore[no-untyped-def]
    """The ids of the stories the stage builds, the result checked against the oracle."""
    built: list[str] = []
    real = timeline.build_timeline

    def counting(stories, articles, **kwargs):  # type: ignore[no-untyped-def]
        built.extend(s.id for s in stories)
        return real(stories, articles, **kwargs)

    monkeypatch.setattr(timeline, "build_timeline", counting)
    try:
        assert _run(corpus, cache) == _old(corpus, TimelineConfig())
    finally:
        monkeypatch.setattr(timeline, "build_timeline", real)
    return sorted(built)


def test_only_stories_whose_members_changed_are_built_again(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    corpus = _corpus(3)
    cache = ProductCache(backing=MemoryProducts())
    assert _built(monkeypatch, corpus, cache) == ["s0", "s1", "s2", "s3"]
    assert _built(monkeypatch, corpus, cache) == []

    by_id = {a.id: a for a in corpus.articles}
    story_of = {i: s.id for s in corpus.stories for i in s.article_ids}
    member = corpus.stories[2].article_ids[0]

    def changed(**fields: object) -> Corpus:
        new = dataclasses.replace(by_id[member], **fields)  # type: ignore[arg-type]
        return corpus.evolve(articles=tuple(new if a.id == member else a for a in corpus.articles))

    text = by_id[member].text + "\n\nThe mayor spoke on Tuesday."
    # Every field the timeline reads gives a new key: text, time expressions, day, the lines
    # cleaning removed (a stated update day), and any other field of the article.
    for variant in (
        changed(text=text, dates=extract_dates(text, by_id[member].published)),
        changed(dates=by_id[member].dates[1:]),
        changed(published="2020-12-01"),
        changed(removed=(Removal(text="Last updated on Dec. 16", reason="navigation"),)),
        changed(title="Another title"),
    ):
        assert _built(monkeypatch, variant, ProductCache(backing=MemoryProducts())) != []
        assert _built(monkeypatch, variant, cache) == [story_of[member]]

    # A new member, or the members in another order.
    story = corpus.stories[3]
    joined = dataclasses.replace(story, article_ids=(*story.article_ids, member))
    assert _built(monkeypatch, corpus.evolve(stories=(*corpus.stories[:3], joined)), cache) == [
        "s3"
    ]
    turned = dataclasses.replace(story, article_ids=story.article_ids[::-1])
    assert _built(monkeypatch, corpus.evolve(stories=(*corpus.stories[:3], turned)), cache) == [
        "s3"
    ]

    # Voices renamed corpus-wide with the same partition: nothing to build again.
    renamed = {i: f"voice-{v}" for i, v in corpus.voices.items()}
    assert _built(monkeypatch, corpus.evolve(voices=renamed), cache) == []
    # Two voices of a story joined (a new copy link): that story only.
    voice = {i: corpus.voices.get(i, i) for i in by_id}
    a, b, story_id = next(
        (x, y, s.id)
        for s in corpus.stories
        for x in s.article_ids
        for y in s.article_ids
        if x in by_id and y in by_id and voice[x] != voice[y] and story_of[y] == s.id
    )
    joined_voices = {**corpus.voices, b: voice[a]}
    assert _built(monkeypatch, corpus.evolve(voices=joined_voices), cache) == [story_id]


def test_other_rules_or_config_build_every_story_again(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from newsweave.align import stage

    corpus = _corpus(4)
    cache = ProductCache(backing=MemoryProducts())
    assert _built(monkeypatch, corpus, cache) == ["s0", "s1", "s2", "s3"]
    assert _built(monkeypatch, corpus, cache) == []
    # The rules' source is in the key (`timeline_rules`: every module the timeline imports).
    closure = {p.name for p in _source_closure("newsweave.align.timeline")}
    assert {"timeline.py", "roundups.py", "sentences.py", "numbers.py", "updated.py"} <= closure
    monkeypatch.setattr(stage, "timeline_rules", lambda: "other rules")
    assert _built(monkeypatch, corpus, cache) == ["s0", "s1", "s2", "s3"]
    monkeypatch.undo()
    built: list[str] = []
    real = timeline.build_timeline

    def counting(stories, articles, **kwargs):  # type: ignore[no-untyped-def]
        built.extend(s.id for s in stories)
        return real(stories, articles, **kwargs)

    monkeypatch.setattr(timeline, "build_timeline", counting)
    config = TimelineConfig(max_entries_per_story=2)
    assert _run(corpus, cache, config) == _old(corpus, config)
    assert sorted(built) == ["s0", "s1", "s2", "s3"]
