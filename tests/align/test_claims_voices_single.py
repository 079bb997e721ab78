"""A claim of one member counts one voice without reading its narration runs or credits
(session 20). The old count is kept as the oracle over random claims of agency-like sentences."""

from __future__ import annotations

import random
from collections.abc import Callable, Mapping, Sequence

from newsweave.align.claims import (
    ClaimConfig,
    _copy_key,
    _distinct_voices,
    _near_identical,
    _SharedRuns,
)
from newsweave.model import Evidence

AGENCY = (
    "Last month, India's navy drew criticism after sinking a Thai fishing trawler that had "
    "been commandeered hours earlier by pirates, officials told The Associated Press."
)
TEXTS = [
    AGENCY,
    AGENCY.removesuffix(".") + ", but the navy says it fired in self-defence.",
    "The Indian navy was criticised last month for sinking a hijacked Thai trawler.",
    "The Indian navy was criticized last month for sinking a hijacked Thai trawler.",
    "Police said the man was taken to a hospital, according to Reuters.",
    '"We fired in self-defence," a navy spokesman said on Friday.',
    "He was 77.",
]


def _old_distinct_voices(
    indices: Sequence[int],
    evidence: Sequence[Evidence],
    keys: Sequence[str],
    voice_of: Mapping[str, str],
    config: ClaimConfig,
    *,
    runs: _SharedRuns | None = None,
    tags: Callable[[int], frozenset[str]] | None = None,
) -> int:
    runs = runs or _SharedRuns(evidence, config.shared_run_words)
    groups: list[tuple[set[str], list[str], set[int]]] = []
    for index in indices:
        voice, key, held = voice_of[evidence[index].article_id], keys[index], runs.of(index)
        names = {voice, *(tags(index) if tags is not None else ())}
        joined = [
            g
            for g in groups
            if not names.isdisjoint(g[0])
            or not held.isdisjoint(g[2])
            or any(_near_identical(key, other, config) for other in g[1])
        ]
        merged: tuple[set[str], list[str], set[int]] = (names, [key], set(held))
        for group in joined:
            merged[0].update(group[0])
            merged[1].extend(group[1])
            merged[2].update(group[2])
            groups.remove(group)
        groups.append(merged)
    return len(groups)


def test_voices_are_counted_as_before() -> None:
    rng = random.Random(20)
    config = ClaimConfig()
    for _ in range(300):
        size = rng.randint(1, 9)
        texts = [rng.choice(TEXTS) for _ in range(size)]
        evidence = [
            Evidence(article_id=f"a{rng.randrange(5)}", text=t, span=(k, k + len(t)))
            for k, t in enumerate(texts)
        ]
        keys = [_copy_key(t) for t in texts]
        voice_of = {e.article_id: f"v{rng.randrange(3)}" for e in evidence}

        def tags(index: int, texts: list[str] = texts) -> frozenset[str]:
            return frozenset({"outlet:ap"}) if "Associated" in texts[index] else frozenset()

        for chosen in (list(range(size)), [rng.randrange(size)], []):
            expected = _old_distinct_voices(chosen, evidence, keys, voice_of, config, tags=tags)
            assert _distinct_voices(chosen, evidence, keys, voice_of, config, tags=tags) == expected


class _CountedRuns(_SharedRuns):
    def __init__(self, evidence: Sequence[Evidence], run_words: int) -> None:
        super().__init__(evidence, run_words)
        self.read: list[int] = []

    def of(self, index: int) -> frozenset[int]:
        self.read.append(index)
        return super().of(index)


def test_a_single_member_reads_no_runs_or_credits() -> None:
    evidence = [Evidence(article_id="a", text=AGENCY, span=(0, len(AGENCY)))]
    runs = _CountedRuns(evidence, ClaimConfig().shared_run_words)
    tagged: list[int] = []

    def tags(index: int) -> frozenset[str]:
        tagged.append(index)
        return frozenset()

    count = _distinct_voices(
        [0], evidence, [_copy_key(AGENCY)], {"a": "a"}, ClaimConfig(), runs=runs, tags=tags
    )
    assert count == 1
    assert runs.read == [] and tagged == []  # the old count read both
