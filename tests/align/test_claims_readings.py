"""The sentence readings a story keeps across runs (parses, token vectors, figures and figure
frames) never change its claims.

`_align_story` handed the readings an earlier run kept (`SentenceReadings` in an `Aid`) must
give the very claims and conflicts it gives computing them itself, and hand back only what it
read anew; `align_claims` through a product cache keeps them and hands them to the next run.
"""

from __future__ import annotations

import functools
import pickle
from collections.abc import Sequence
from dataclasses import replace

import pytest

from newsweave.align import figure_conflicts, similarity, statement
from newsweave.align.claims import (
    ClaimConfig,
    SentenceReadings,
    _align_story,
    _extractors,
    _story_frame_keys,
    align_claims,
)
from newsweave.executors import LocalExecutor
from newsweave.extract import numbers
from newsweave.products import Aid, CachingExecutor, ProductCache
from tests.align.seed_articles import seed_story
from tests.align.test_claims import figures_extractor  # noqa: F401  (a fixture)


def _fresh_process(monkeypatch: pytest.MonkeyPatch) -> None:
    """Forget what this process read of any sentence, as a new pool worker would."""
    monkeypatch.setattr(statement, "_parsed_roles", type(statement._parsed_roles)())
    monkeypatch.setattr(figure_conflicts, "_held_quantities", type(statement._parsed_roles)())
    monkeypatch.setattr(figure_conflicts, "_held_frames", type(statement._parsed_roles)())
    similarity.text_features.cache_clear()


def _counting(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Every sentence parsed, whose figures are read or whose figure frames are made, from now."""
    calls: list[str] = []
    real_roles, real_frames = statement._roles_of, figure_conflicts._sentence_frames
    real_quantities = numbers.extract_quantities

    def roles_of(doc):  # type: ignore[no-untyped-def]
        calls.append(f"parse {doc.text}")
        return real_roles(doc)

    @functools.wraps(real_quantities)
    def extract_quantities(text):  # type: ignore[no-untyped-def]
        calls.append(f"figures {text}")
        return real_quantities(text)

    def sentence_frames(text, *args):  # type: ignore[no-untyped-def]
        calls.append(f"frames {text}")
        return real_frames(text, *args)

    monkeypatch.setattr(statement, "_roles_of", roles_of)
    monkeypatch.setattr(numbers, "extract_quantities", extract_quantities)
    monkeypatch.setattr(figure_conflicts, "_sentence_frames", sentence_frames)
    return calls


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
    _fresh_process(monkeypatch)
    plain = _align_story(story_id, members, config=config)
    assert len(plain) == 2

    _fresh_process(monkeypatch)
    first = _align_story(story_id, [*members, Aid(SentenceReadings())], config=config)
    assert first[:2] == plain
    assert isinstance(first[2], Aid)
    read = first[2].value
    assert isinstance(read, SentenceReadings)
    if statement.default_parser() is not None:
        assert read.parses  # the seed story's claims check some members on their parse
    if _extractors() is not None:
        # Every sentence's figure frames, and the figures they and the statement facts read.
        assert len(read.frames) == len(_story_frame_keys(members))
        assert read.quantities

    # A fresh process given what the first run read (through a store: pickled) reads nothing
    # anew, to the same result.
    kept = pickle.loads(pickle.dumps(read))
    _fresh_process(monkeypatch)
    calls = _counting(monkeypatch)
    again = _align_story(story_id, [*members, Aid(kept)], config=config)
    assert again[:2] == plain
    assert calls == []
    assert isinstance(again[2], Aid)
    assert again[2].value == SentenceReadings()


@pytest.mark.usefixtures("figures_extractor")
def test_given_figure_frames_are_what_the_conflicts_read(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The kept frames are read, not merely carried: frames given wrong change the conflicts
    (so the test above, with the right ones, shows they are read to the same result)."""
    if _extractors() is None:
        pytest.skip("the shipped figures extractor is not installed")
    config = ClaimConfig()
    [(story_id, members)] = _story_groups().items()
    _fresh_process(monkeypatch)
    first = _align_story(story_id, [*members, Aid(SentenceReadings())], config=config)
    assert isinstance(first[2], Aid)
    read = first[2].value
    assert isinstance(read, SentenceReadings)
    assert first[1]  # the seed story's figures conflict
    _fresh_process(monkeypatch)
    blank = replace(read, frames=tuple((key, ()) for key, _ in read.frames))
    assert _align_story(story_id, [*members, Aid(blank)], config=config)[1] != first[1]


_KINDS = ("sentence-parse", "sentence-tokens", "sentence-quantities", "sentence-frames")


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
    _fresh_process(monkeypatch)
    plain = align_claims([story], articles, voices={}, executor=LocalExecutor(workers=1))

    # A one-shot run (no store behind its cache) keeps no readings: nothing would read them.
    memory_only = ProductCache()
    engine = CachingExecutor(LocalExecutor(workers=1), memory_only)
    assert align_claims([story], articles, voices={}, executor=engine) == plain
    assert not any(memory_only.found.get(kind) for kind in _KINDS)

    _fresh_process(monkeypatch)
    cache = ProductCache(backing=_Shelf())
    engine = CachingExecutor(LocalExecutor(workers=1), cache)
    assert align_claims([story], articles, voices={}, executor=engine) == plain
    kept = {kind: dict(cache.found.get(kind, {})) for kind in _KINDS}
    if statement.default_parser() is not None:
        assert kept["sentence-parse"]
    if not keep_tokens:
        assert not kept["sentence-tokens"]
    if _extractors() is not None:
        assert kept["sentence-quantities"] and kept["sentence-frames"]

    # The story aligned again (its kept claims gone) from the kept readings alone.
    _fresh_process(monkeypatch)
    fresh = ProductCache(backing=_Shelf(), found={k: dict(v) for k, v in kept.items()})
    calls = _counting(monkeypatch)
    again = align_claims(
        [story], articles, voices={}, executor=CachingExecutor(LocalExecutor(workers=1), fresh)
    )
    assert again == plain
    assert calls == []
    assert not any(fresh.fresh.get(kind) for kind in _KINDS)


def test_group_product_is_kept_without_the_aid_it_hands_back() -> None:
    cache = ProductCache()
    engine = CachingExecutor(LocalExecutor(workers=1), cache)
    task = functools.partial(_align_story, config=ClaimConfig())
    out = cache.kept_groups(task, {"s": []}, lambda todo: {k: ((), (), Aid(1)) for k in todo})
    assert out == {"s": ((), (), Aid(1))}
    assert list(cache.found["story-claims"].values()) == [((), ())]
    assert engine.cache is cache
