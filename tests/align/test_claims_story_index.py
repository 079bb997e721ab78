"""The claims stage finds an untouched story's kept claims without loading its members' claim
vectors (`align.claims._StoryIndex`, issue 15): the same claims, conflicts and live products as
keying every story by its members' `ArticleClaims` (the old computation, which a run without
index rows still makes), and only the stories a run changed are loaded and aligned."""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence

from newsweave.align.claims import _INDEX_KIND
from newsweave.align.stage import ClaimsStage
from newsweave.ids import content_id
from newsweave.model import Article, Story
from newsweave.pipeline import Corpus
from newsweave.products import CachingExecutor, ProductCache
from tests.align.recording import RecordingExecutor
from tests.align.seed_articles import seed_article


class _Shelf:
    """Kept products in memory, noting which kinds' products are loaded."""

    def __init__(self) -> None:
        self.rows: dict[str, dict[bytes, object]] = {}
        self.loaded: list[str] = []

    def get_products(self, kind: str, keys: Sequence[bytes]) -> dict[bytes, object]:
        held = self.rows.get(kind, {})
        found = {k: held[k] for k in keys if k in held}
        self.loaded += [kind] * len(found)
        return found

    def known_products(self, kind: str, keys: Sequence[bytes]) -> set[bytes]:
        return {k for k in keys if k in self.rows.get(kind, {})}

    def put_products(self, kind: str, rows: Sequence[tuple[bytes, str | None, object]]) -> None:
        self.rows.setdefault(kind, {}).update((key, value) for key, _, value in rows)

    def copy(self, *, without: str = "") -> _Shelf:
        out = _Shelf()
        out.rows = {kind: dict(rows) for kind, rows in self.rows.items() if kind != without}
        return out


def _run(corpus: Corpus, shelf: _Shelf | None) -> tuple[Corpus, list[str], dict[str, set[bytes]]]:
    engine = RecordingExecutor()
    try:
        cache = ProductCache(backing=shelf)
        out = ClaimsStage().run(corpus, CachingExecutor(engine, cache))
        cache.flush()
    finally:
        engine.close()
    return out, engine.aligned, cache.used


def _story(story_id: str, *articles: Article) -> Story:
    return Story(id=story_id, title="Putin and Biden", article_ids=tuple(a.id for a in articles))


def _corpus(*stories: tuple[str, tuple[Article, ...]]) -> Corpus:
    articles = {a.id: a for _, members in stories for a in members}
    return Corpus(
        articles=tuple(sorted(articles.values(), key=lambda a: a.id)),
        stories=tuple(_story(sid, *members) for sid, members in stories),
        voices={i: i for i in articles},
    )


def _later(article: Article) -> Article:
    """Another outlet's version of `article`: its first paragraph left out."""
    text = article.text.split("\n\n", 1)[1]
    return dataclasses.replace(article, id=content_id("a", text), text=text, source="later.txt")


def _same_as_old(corpus: Corpus, shelf: _Shelf) -> tuple[Corpus, list[str]]:
    """A run on `shelf` checked against the old computation: the same run on a copy of the
    shelf without index rows (every story keyed by its members' claim vectors, all loaded),
    and a run that keeps nothing (every story aligned)."""
    old, old_aligned, old_used = _run(corpus, shelf.copy(without=_INDEX_KIND))
    fresh, everything, _ = _run(corpus, None)
    assert sorted(everything) == sorted(s.id for s in corpus.stories)
    new, aligned, used = _run(corpus, shelf)
    for out in (old, new):
        assert out.claims == fresh.claims and out.conflicts == fresh.conflicts
    assert new.claims  # the seed stories have claims
    # The same stories aligned again: those whose kept claims their group's key does not find.
    assert aligned == old_aligned

    # The same products stay live (the store prunes the rest), the index's own rows aside.
    def live(used: dict[str, set[bytes]]) -> dict[str, set[bytes]]:
        return {kind: keys for kind, keys in used.items() if kind != _INDEX_KIND}

    assert live(used) == live(old_used)
    return new, aligned


def test_untouched_stories_are_found_without_their_vectors() -> None:
    first, second, third, fourth = (seed_article(n) for n in ("000", "001", "002", "003"))
    before = _corpus(("s-a", (first, second)), ("s-b", (third,)), ("s-c", (fourth,)))
    shelf = _Shelf()
    _, aligned, _ = _run(before, shelf)
    assert sorted(aligned) == ["s-a", "s-b", "s-c"]
    assert len(shelf.rows[_INDEX_KIND]) == 3

    # The same stories again: every one found by the index, no claim vectors loaded.
    shelf.loaded.clear()
    _, aligned = _same_as_old(before, shelf)
    assert aligned == []
    assert "claim-vectors" not in shelf.loaded

    # A new article joins s-b: only s-b is aligned, and only its members' vectors are loaded.
    after = _corpus(("s-a", (first, second)), ("s-b", (third, _later(fourth))), ("s-c", (fourth,)))
    shelf.loaded.clear()
    _, aligned = _same_as_old(after, shelf)
    assert aligned == ["s-b"]
    assert shelf.loaded.count("claim-vectors") == 1  # `third`'s; the new one is computed
    # ... and written into the index: the next run aligns nothing.
    _, aligned, _ = _run(after, shelf)
    assert aligned == []


def test_a_story_whose_kept_claims_or_vectors_are_gone_is_not_found_by_the_index() -> None:
    first, second, third = (seed_article(n) for n in ("000", "001", "002"))
    corpus = _corpus(("s-a", (first, second)), ("s-b", (third,)))
    shelf = _Shelf()
    _run(corpus, shelf)
    live_a = _run(_corpus(("s-a", (first, second))), shelf.copy())[2]
    for kind in ("story-claims", "claim-vectors"):
        damaged = shelf.copy()
        [only_b] = [key for key in damaged.rows[kind] if key not in live_a[kind]]
        del damaged.rows[kind][only_b]
        damaged.loaded.clear()
        _, aligned = _same_as_old(corpus, damaged)
        # s-b's members are loaded (or computed) and its group keyed: its claims are aligned
        # again when they are gone, found by the group's key when only its vectors were.
        assert aligned == (["s-b"] if kind == "story-claims" else [])
        assert only_b in damaged.rows[kind]
        # Its index row names what the group's key found: the next run finds it by the index.
        damaged.loaded.clear()
        _, aligned, _ = _run(corpus, damaged)
        assert aligned == []
        assert "claim-vectors" not in damaged.loaded
