"""What aligning a story reads of a sentence's text alone (`TextReads`: its features and the
per-text readers' findings) is kept across runs and never changes the story's claims.

A story aligned again because an article joined it (`ingest`) read every old sentence's
features, slots, named ages, dated happenings, span starts, clock times, nationalities and
narration runs again in a new pool worker; given what an earlier run kept, it reads only the
new sentences. The oracle is the old computation: the same story aligned with no readings
given (every sentence read)."""

from __future__ import annotations

import pickle
from collections.abc import Callable
from dataclasses import replace

import pytest

from newsweave.align import claims, per_text
from newsweave.align.claims import (
    ClaimConfig,
    SentenceReadings,
    TextReads,
    _align_story,
    _story_texts,
    align_claims,
)
from newsweave.align.similarity import TextFeatures
from newsweave.executors import LocalExecutor
from newsweave.products import Aid, CachingExecutor, ProductCache
from tests.align.seed_articles import seed_story
from tests.align.test_claims import figures_extractor  # noqa: F401  (a fixture)
from tests.align.test_claims_readings import _fresh_process, _Shelf, _story_groups


def _forget_findings(monkeypatch: pytest.MonkeyPatch) -> None:
    """A new pool worker: no reader holds any finding."""
    _fresh_process(monkeypatch)
    for findings in per_text.READERS.values():
        monkeypatch.setattr(findings, "held", type(findings.held)())


def _count_reads(monkeypatch: pytest.MonkeyPatch) -> list[tuple[str, str]]:
    """Every (reader, text) read from now: the kept readers and `claims`' `text_features`."""
    calls: list[tuple[str, str]] = []

    def counting(name: str, fn: Callable[..., object]) -> Callable[..., object]:
        def read(text: str, *rest: object) -> object:
            calls.append((name, text))
            return fn(text, *rest)

        return read

    for name, findings in per_text.READERS.items():
        monkeypatch.setattr(findings, "fn", counting(name, findings.fn))
    monkeypatch.setattr(claims, "text_features", counting("features", claims.text_features))
    return calls


@pytest.mark.usefixtures("figures_extractor")
def test_kept_reads_align_as_reading_every_sentence(monkeypatch: pytest.MonkeyPatch) -> None:
    config = ClaimConfig()
    [(story_id, members)] = _story_groups().items()
    texts = _story_texts(members)
    _forget_findings(monkeypatch)
    plain = _align_story(story_id, members, config=config)  # the old computation

    _forget_findings(monkeypatch)
    first = _align_story(story_id, [*members, Aid(SentenceReadings())], config=config)
    assert first[:2] == plain
    assert isinstance(first[2], Aid)
    read = first[2].value
    assert isinstance(read, SentenceReadings)
    # Every sentence's reads, its features at least, and the typed comparisons' findings.
    assert {t for t, _ in read.reads} == texts
    names = {name for _, r in read.reads for name, _, _ in r.found}
    assert {n.rpartition(".")[2] for n in names} >= {"read_slots", "named_ages", "clock_times"}

    # A fresh process given them (through a store: pickled) reads no sentence anew: the kept
    # readers read nothing, and the features of each sentence are asked only by the parts of
    # claims checked (`_parts_of`), not once for every sentence.
    kept = pickle.loads(pickle.dumps(read))
    with monkeypatch.context() as patched:
        _forget_findings(patched)
        every = _count_reads(patched)
        _align_story(story_id, [*members, Aid(SentenceReadings())], config=config)
    _forget_findings(monkeypatch)
    calls = _count_reads(monkeypatch)
    again = _align_story(story_id, [*members, Aid(kept)], config=config)
    assert again[:2] == plain
    assert isinstance(again[2], Aid)
    assert again[2].value.reads == ()
    assert [c for c in calls if c[0] != "features"] == []
    asked = [c for c in every if c[0] == "features"]
    sentences = sum(len(m[1].evidence) for m in members)  # type: ignore[index]
    # Read the first time: once for every sentence, and once more (a cache hit) for each
    # distinct text as it is kept.
    assert len(asked) - len([c for c in calls if c[0] == "features"]) == sentences + len(texts)


@pytest.mark.usefixtures("figures_extractor")
def test_given_reads_are_read_not_carried(monkeypatch: pytest.MonkeyPatch) -> None:
    """Features given wrong change the claims (so the right ones above are what was read)."""
    config = ClaimConfig()
    [(story_id, members)] = _story_groups().items()
    _forget_findings(monkeypatch)
    first = _align_story(story_id, [*members, Aid(SentenceReadings())], config=config)
    assert isinstance(first[2], Aid)
    read = first[2].value
    blank = TextFeatures(frozenset(), frozenset(), frozenset())
    wrong = replace(read, reads=tuple((t, TextReads.of(blank, r.found)) for t, r in read.reads))
    _forget_findings(monkeypatch)
    assert _align_story(story_id, [*members, Aid(wrong)], config=config)[0] != first[0]


def test_a_finding_kept_with_the_runs_config_comes_back_with_the_next_runs() -> None:
    config = ClaimConfig()
    found = (("r", (config.conflicts, "2016-01-19"), 1), ("s", (replace(config.conflicts),), 2))
    other = (("r", (replace(config.conflicts, clock_round_minutes=7),), 3),)
    kept = claims._kept_findings(found + other, config)
    assert kept == (
        ("r", (claims._THE_CONFLICTS, "2016-01-19"), 1),
        ("s", (claims._THE_CONFLICTS,), 2),
    )
    assert claims._local_findings(kept, config) == found


def test_held_findings_come_back_in_another_process() -> None:
    @per_text.kept_per_text
    def words(text: str, upper: bool) -> list[str]:
        return [w.upper() if upper else w for w in text.split()]

    assert words("a b", True) == ["A", "B"]
    held = per_text.held_findings(["a b", "c"])
    assert list(held) == ["a b"]
    name = next(n for n in per_text.READERS if n.endswith(".words"))
    per_text.READERS[name].clear()
    per_text.hold_findings(held.items())
    first = words("a b", True)
    first.append("mine")  # a caller's list is its own
    assert words("a b", True) == ["A", "B"]
    assert words.cache_info().misses == 0  # type: ignore[attr-defined]
    del per_text.READERS[name]


@pytest.mark.usefixtures("figures_extractor")
def test_product_cache_keeps_every_sentences_reads(monkeypatch: pytest.MonkeyPatch) -> None:
    story, articles = seed_story(("000", "001", "002"))
    _forget_findings(monkeypatch)
    plain = align_claims([story], articles, voices={}, executor=LocalExecutor(workers=1))

    _forget_findings(monkeypatch)
    cache = ProductCache(backing=_Shelf())
    engine = CachingExecutor(LocalExecutor(workers=1), cache)
    assert align_claims([story], articles, voices={}, executor=engine) == plain
    reads = dict(cache.found["sentence-reads"])
    assert reads and all(isinstance(r, TextReads) for r in reads.values())

    # Aligned again (its claims gone) from the kept readings: no sentence read anew.
    _forget_findings(monkeypatch)
    kinds = [k for k in cache.found if k.startswith("sentence-")]
    fresh = ProductCache(backing=_Shelf(), found={k: dict(cache.found[k]) for k in kinds})
    calls = _count_reads(monkeypatch)
    again = align_claims(
        [story], articles, voices={}, executor=CachingExecutor(LocalExecutor(workers=1), fresh)
    )
    assert again == plain
    assert [c for c in calls if c[0] != "features"] == []
    assert not fresh.fresh.get("sentence-reads")
