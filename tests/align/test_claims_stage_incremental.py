"""The claims stage aligns again only the stories whose inputs changed (issue 15: incremental
`ingest`): a voice or an entity renamed corpus-wide by a new article elsewhere leaves a story's
kept claims."""

from __future__ import annotations

import dataclasses
import re

from newsweave.align.claims import story_mentions
from newsweave.align.stage import ClaimsStage, story_voices
from newsweave.model import Article, CopyLink, Entity, Evidence, Story
from newsweave.pipeline import Corpus
from newsweave.products import CachingExecutor, ProductCache
from tests.align.recording import RecordingExecutor
from tests.align.seed_articles import seed_article
from tests.memory_products import MemoryProducts


def _story(story_id: str, *articles: Article) -> Story:
    return Story(
        id=story_id, title="Putin congratulates Biden", article_ids=tuple(a.id for a in articles)
    )


def _claims_run(corpus: Corpus, kept: MemoryProducts | None) -> tuple[Corpus, list[str]]:
    engine = RecordingExecutor()
    try:
        cache = ProductCache(backing=kept)
        out = ClaimsStage().run(corpus, CachingExecutor(engine, cache))
        cache.flush()
    finally:
        engine.close()
    return out, engine.aligned


def _assert_only_s_b_aligned_again(one: Corpus, after: Corpus, kept: MemoryProducts) -> None:
    """Run again on `after` with the products `kept` by the run that gave `one`: only story s-b
    is aligned; the claims are those of a run that kept nothing, and s-a's are as they were."""
    two, aligned = _claims_run(after, kept)
    assert aligned == ["s-b"]
    fresh, aligned = _claims_run(after, None)
    assert sorted(aligned) == ["s-a", "s-b"]
    assert two.claims == fresh.claims and two.conflicts == fresh.conflicts
    assert [c for c in two.claims if c.story_id == "s-a"] == [
        c for c in one.claims if c.story_id == "s-a"
    ]


def test_a_voice_renamed_elsewhere_does_not_align_an_untouched_story_again() -> None:
    first, second, third, new = (seed_article(n) for n in ("000", "001", "002", "003"))
    # The new article's id sorts first: the copies stage names a voice by its smallest id.
    new = dataclasses.replace(new, id="a-0000")
    assert new.id < min(first.id, second.id, third.id)
    before = Corpus(
        articles=(first, second, third),
        stories=(_story("s-a", first, second), _story("s-b", third)),
        # One outlet wrote `first` and `second`: one voice, named by its smallest article id.
        voices={
            first.id: min(first.id, second.id),
            second.id: min(first.id, second.id),
            third.id: third.id,
        },
    )
    kept = MemoryProducts()
    one, aligned = _claims_run(before, kept)
    assert sorted(aligned) == ["s-a", "s-b"]
    assert any(c.story_id == "s-a" for c in one.claims)

    # The new article joins story s-b and the outlet of s-a's articles: that voice is renamed
    # after it in every story, but s-a's articles, claims and voice groups are as they were.
    after = Corpus(
        articles=(new, first, second, third),
        stories=(before.stories[0], _story("s-b", new, third)),
        voices={new.id: new.id, first.id: new.id, second.id: new.id, third.id: third.id},
    )
    _assert_only_s_b_aligned_again(one, after, kept)


def _article(article_id: str, copy_of: str | None = None) -> Article:
    return dataclasses.replace(
        seed_article("000"),
        id=article_id,
        copy_of=CopyLink(article_id=copy_of, kind="exact", similarity=1.0) if copy_of else None,
    )


def test_story_voices_keep_each_story_s_voice_groups_and_name_them_within_it() -> None:
    articles = {i: _article(i) for i in ("a1", "a2", "a3", "b1", "b2")}
    articles["b3"] = _article("b3", copy_of="b1")  # unmapped: its original's voice
    stories = [
        Story(id="s1", title="", article_ids=("a1", "a2", "a3")),
        Story(id="s2", title="", article_ids=("b1", "b2", "b3")),
    ]
    voices = {"a1": "a0", "a2": "a0", "a3": "a3", "b1": "a0", "b2": "b2"}
    named = story_voices(stories, articles, voices)
    assert [named[i] for i in ("a1", "a2", "a3")] == ["a1", "a1", "a3"]
    assert [named[i] for i in ("b1", "b2", "b3")] == ["b1", "b2", "b1"]
    # An article in two stories: the names stay as the copies stage gave them.
    twice = [*stories, Story(id="s3", title="", article_ids=("a1",))]
    assert story_voices(twice, articles, voices) == voices


def _entity(entity_id: str, name: str, *articles: Article) -> Entity:
    """An entity with every mention of `name` in `articles`."""
    mentions = tuple(
        Evidence(article_id=a.id, text=name, span=(found.start(), found.end()))
        for a in articles
        for found in re.finditer(re.escape(name), a.text)
    )
    assert mentions
    return Entity(
        id=entity_id,
        name=name,
        type="PERSON",
        aliases=(),
        article_ids=tuple(sorted({a.id for a in articles})),
        mentions=mentions,
    )


def test_an_entity_renamed_elsewhere_does_not_align_an_untouched_story_again() -> None:
    first, second, third, new = (seed_article(n) for n in ("000", "001", "002", "003"))
    voices = {a.id: a.id for a in (first, second, third, new)}
    before = Corpus(
        articles=(first, second, third),
        stories=(_story("s-a", first, second), _story("s-b", third)),
        voices=voices,
        entities=(_entity("e-putin", "Putin", first, second, third),),
    )
    kept = MemoryProducts()
    one, aligned = _claims_run(before, kept)
    assert sorted(aligned) == ["s-a", "s-b"]

    # The new article joins s-b and names the man otherwise: the entity's corpus-wide name, and
    # so its id, change in every story; s-a's mentions are the same words of the same entity.
    after = Corpus(
        articles=(new, first, second, third),
        stories=(before.stories[0], _story("s-b", new, third)),
        voices=voices,
        entities=(_entity("e-vladimir-putin", "Putin", first, second, third, new),),
    )
    _assert_only_s_b_aligned_again(one, after, kept)


def test_story_mentions_name_each_entity_within_the_story_and_keep_span_order() -> None:
    mentions = {
        "a2": [(30, 35, "e-b"), (0, 5, "e-a")],
        "a1": [(10, 15, "e-c"), (10, 15, "e-a"), (40, 44, "e-c")],
    }
    named = story_mentions(["a1", "a2", "a3"], mentions)
    # First mentioned first (a1's words by span; at one span, the corpus-wide ids' order).
    assert named == {
        "a1": ((10, 15, "n0"), (10, 15, "n1"), (40, 44, "n1")),
        "a2": ((0, 5, "n0"), (30, 35, "n2")),
        "a3": (),
    }
    # Renamed corpus-wide, the same mentions are named alike.
    renamed = {a: [(s, e, {"e-b": "e-y"}.get(i, i)) for s, e, i in m] for a, m in mentions.items()}
    assert story_mentions(["a1", "a2", "a3"], renamed)["a2"] == named["a2"]
