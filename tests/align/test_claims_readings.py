"""The sentence readings a story keeps across runs (parses, token vectors) never change its claims.

`_align_story` handed the readings an earlier run kept (`SentenceReadings` in an `Aid`) must
give the very claims and conflicts it gives computing them itself, and hand back only what it
read anew; `align_claims` through a product cache keeps them and hands them to the next run.
"""

from __future__ import annotations

import functools
from collections.abc import Sequence

import pytest

from newsweave.align import statement
from newsweave.align.claims import (
    ClaimConfig,
    SentenceReadings,
    _align_story,
    align_claims,
)
from newsweave.executors import LocalExecutor
from newsweave.products import Aid, CachingExecutor, ProductCache
from tests.align.seed_articles import seed_story
from tests.align.test_claims import figures_extractor  # noqa: F401  (a fixture)


def _story_groups() -> dict[str, list[object]]:
    """The reduce groups `align_claims` builds for the seed story, captured on their way."""
    story, articles = seed_story(("000", "001", "002"))
    captured: dict[str, list[object]] = {}

    class Capture(LocalExecutor):
        def reduce_groups(self, fn, groups):  # type: ignore[no-untyped-def]
            captured.update(groups)
            return super().reduce_groups(fn, groups)

    align_claims([story], articles, voices={}, executor=Capture(workers=1))
    return captured


@pytest.mark.usefixtures("figures_extractor")
def test_story_given_its_readings_aligns_as_one_that_reads_them_itself(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    config = ClaimConfig()
    [(story_id, members)] = _story_groups().items()
    monkeypatch.setattr(statement, "_parsed_roles", type(statement._parsed_roles)())
    plain = _align_story(story_id, members, config=config)
    assert len(plain) == 2

    monkeypatch.setattr(statement, "_parsed_roles", type(statement._parsed_roles)())
    first = _align_story(story_id, [*members, Aid(SentenceReadings())], config=config)
    assert first[:2] == plain
    assert isinstance(first[2], Aid)
    read = first[2].value
    assert isinstance(read, SentenceReadings)
    if statement.default_parser() is not None:
        assert read.parses  # the seed story's claims check some members on their parse

    # A fresh process given what the first run read reads nothing anew, to the same result.
    monkeypatch.setattr(statement, "_parsed_roles", type(statement._parsed_roles)())
    again = _align_story(story_id, [*members, Aid(read)], config=config)
    assert again[:2] == plain
    assert isinstance(again[2], Aid)
    assert again[2].value == SentenceReadings()


class _Shelf:
    """A store behind a product cache, in memory (`products.ProductBacking`)."""

    def __init__(self) -> None:
        self.rows: dict[str, dict[bytes, object]] = {}

    def get_products(self, kind: str, keys: Sequence[bytes]) -> dict[bytes, object]:
        held = self.rows.get(kind, {})
        return {k: held[k] for k in keys if k in held}

    def put_products(self, kind: str, rows: Sequence[tuple[bytes, str | None, object]]) -> None:
        self.rows.setdefault(kind, {}).update((key, value) for key, _, value in rows)


@pytest.mark.usefixtures("figures_extractor")
@pytest.mark.parametrize("keep_tokens", [True, False])
def test_product_cache_keeps_readings_for_the_next_run(
    monkeypatch: pytest.MonkeyPatch, keep_tokens: bool
) -> None:
    monkeypatch.setattr("newsweave.align.claims.KEEP_TOKEN_VECTORS", keep_tokens)
    story, articles = seed_story(("000", "001", "002"))
    monkeypatch.setattr(statement, "_parsed_roles", type(statement._parsed_roles)())
    plain = align_claims([story], articles, voices={}, executor=LocalExecutor(workers=1))

    # A one-shot run (no store behind its cache) keeps no readings: nothing would read them.
    memory_only = ProductCache()
    engine = CachingExecutor(LocalExecutor(workers=1), memory_only)
    assert align_claims([story], articles, voices={}, executor=engine) == plain
    assert not memory_only.found.get("sentence-parse")
    assert not memory_only.found.get("sentence-tokens")

    monkeypatch.setattr(statement, "_parsed_roles", type(statement._parsed_roles)())
    cache = ProductCache(backing=_Shelf())
    engine = CachingExecutor(LocalExecutor(workers=1), cache)
    assert align_claims([story], articles, voices={}, executor=engine) == plain
    kept = {kind: dict(cache.found.get(kind, {})) for kind in ("sentence-parse", "sentence-tokens")}
    if statement.default_parser() is not None:
        assert kept["sentence-parse"]
    if not keep_tokens:
        assert not kept["sentence-tokens"]

    # The story aligned again (its kept claims gone) from the kept readings alone.
    monkeypatch.setattr(statement, "_parsed_roles", type(statement._parsed_roles)())
    fresh = ProductCache(backing=_Shelf(), found={k: dict(v) for k, v in kept.items()})
    calls: list[str] = []
    real_parse_ahead = statement.parse_ahead

    def parse_ahead(parser, texts):  # type: ignore[no-untyped-def]
        todo = [t for t in texts if (parser, t) not in statement._parsed_roles]
        calls.extend(todo)
        return real_parse_ahead(parser, todo)

    monkeypatch.setattr("newsweave.align.claims.parse_ahead", parse_ahead)
    again = align_claims(
        [story], articles, voices={}, executor=CachingExecutor(LocalExecutor(workers=1), fresh)
    )
    assert again == plain
    assert calls == []
    assert not fresh.fresh.get("sentence-parse") and not fresh.fresh.get("sentence-tokens")


def test_group_product_is_kept_without_the_aid_it_hands_back() -> None:
    cache = ProductCache()
    engine = CachingExecutor(LocalExecutor(workers=1), cache)
    task = functools.partial(_align_story, config=ClaimConfig())
    out = cache.kept_groups(task, {"s": []}, lambda todo: {k: ((), (), Aid(1)) for k in todo})
    assert out == {"s": ((), (), Aid(1))}
    assert list(cache.found["story-claims"].values()) == [((), ())]
    assert engine.cache is cache
