"""`content_linkages` / `sparse_dots` score all candidate pairs at once (issue 15, session 17):
every value must be the one `content_linkage` / `sparse_dot` gives, bit for bit, and the
stories' clusters those of scoring each pair alone.

The oracle is the per-pair computation, kept as it was: a sorted key intersection whose
products Python's `sum` adds left to right.
"""

from __future__ import annotations

import random
import tracemalloc

import numpy as np
import pytest

from newsweave.cluster import profiles
from newsweave.cluster.linkage import (
    agglomerate,
    batch_content_linkage,
    content_linkage,
    content_linkages,
)
from newsweave.cluster.profiles import Profile, founder_key, sparse_dot, sparse_dots


def _oracle_dot(a: dict[str, float], b: dict[str, float]) -> float:
    return sum(a[t] * b[t] for t in sorted(a.keys() & b.keys()))


def _vector(rng: random.Random, vocabulary: list[str], signed: bool) -> dict[str, float]:
    keys = rng.sample(vocabulary, rng.randint(0, min(40, len(vocabulary))))
    scale = rng.choice([1.0, 1e-3, 7.5, 1e-150])
    values = [rng.random() * scale * (rng.choice([-1, 1]) if signed else 1) for _ in keys]
    if signed and values:
        values[0] = rng.choice([0.0, -0.0, values[0]])
    return dict(zip(keys, values, strict=True))


def _vocabulary(rng: random.Random) -> list[str]:
    # Words, word pairs, numbers, capitals and non-ASCII: sorted order is code point order.
    stems = ["a", "Ab", "ab", "b c", "zz", "é", "10", "9", "x y", "Ω", ""]
    return sorted({rng.choice(stems) + str(rng.randint(0, 60)) for _ in range(90)})


@pytest.mark.parametrize("seed", range(60))
def test_sparse_dots_are_sparse_dot_bit_for_bit(seed: int) -> None:
    rng = random.Random(seed)
    vocabulary = _vocabulary(rng)
    vectors = [_vector(rng, vocabulary, signed=seed % 2 == 1) for _ in range(rng.randint(1, 25))]
    m = rng.randint(0, 80)
    left = np.array([rng.randrange(len(vectors)) for _ in range(m)], dtype=np.int64)
    right = np.array([rng.randrange(len(vectors)) for _ in range(m)], dtype=np.int64)
    got = sparse_dots(vectors, left, right)
    for p in range(m):
        want = float(_oracle_dot(vectors[left[p]], vectors[right[p]]))
        assert got[p].tobytes() == np.float64(want).tobytes()
        assert float(sparse_dot(vectors[left[p]], vectors[right[p]])) == want


@pytest.mark.parametrize("chunk", [1, 7, 40, 1 << 21])
def test_sparse_dots_in_chunks_are_bit_for_bit(chunk: int, monkeypatch: pytest.MonkeyPatch) -> None:
    """Pairs scored a chunk at a time give every pair the floats of `sparse_dot`."""
    monkeypatch.setattr(profiles, "_ENTRIES_PER_CHUNK", chunk)
    rng = random.Random(chunk)
    vocabulary = _vocabulary(rng)
    vectors = [_vector(rng, vocabulary, signed=True) for _ in range(30)]
    left = np.array([rng.randrange(30) for _ in range(300)], dtype=np.int64)
    right = np.array([rng.randrange(30) for _ in range(300)], dtype=np.int64)
    got = sparse_dots(vectors, left, right)
    for p in range(300):
        want = float(_oracle_dot(vectors[left[p]], vectors[right[p]]))
        assert got[p].tobytes() == np.float64(want).tobytes()


def test_sparse_dots_memory_does_not_grow_with_the_pairs(monkeypatch: pytest.MonkeyPatch) -> None:
    """Session 19: at 10,000 articles the candidate pairs' per-entry arrays held ~2 GB at once
    (the ingest build's memory peak); scored in chunks they stay bounded by the chunk."""
    monkeypatch.setattr(profiles, "_ENTRIES_PER_CHUNK", 100_000)
    vectors = [{f"w{k}": 1.0 for k in range(i % 7, 400, 3)} for i in range(50)]
    n_pairs = 20_000  # 20,000 pairs x ~130 looked-up keys: ~2.6 million entries, ~20 MB an array
    rng = np.random.default_rng(0)
    left = rng.integers(0, 50, n_pairs).astype(np.int64)
    right = rng.integers(0, 50, n_pairs).astype(np.int64)
    tracemalloc.start()
    try:
        sparse_dots(vectors, left, right)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert peak < 40 * 2**20  # all at once: ~170 MB


def _profiles(rng: random.Random, n: int, dim: int) -> list[Profile]:
    vocabulary = _vocabulary(rng)
    out = []
    for i in range(n):
        size = rng.choice([1, 1, 1, 2, 5])
        day = rng.randint(0, 20)
        out.append(
            Profile(
                founder=f"a{i:03d}",
                founder_key=founder_key(f"a{i:03d}", day),
                members=[f"a{i:03d}", *(f"a{i:03d}-{k}" for k in range(size - 1))],
                vector=np.asarray([rng.gauss(0, 1) for _ in range(dim)]),
                terms=_vector(rng, vocabulary, signed=False),
                entities=_vector(rng, vocabulary[::3], signed=False),
                lede=_vector(rng, vocabulary[1::2], signed=False),
                first_day=day,
                last_day=day,
            )
        )
    return out


@pytest.mark.parametrize("seed", range(40))
def test_content_linkages_are_content_linkage_bit_for_bit(seed: int) -> None:
    rng = random.Random(1000 + seed)
    profiles = _profiles(rng, rng.randint(2, 30), dim=8)
    pairs = sorted({tuple(sorted(rng.sample(range(len(profiles)), 2))) for _ in range(60)})
    weights = rng.choice(
        [
            {"embed": 0.0, "terms": 0.5, "entities": 0.3, "lede": 0.2},
            {"embed": 0.2, "terms": 0.5, "entities": 0.3, "lede": 0.0},
            {"embed": rng.random(), "terms": rng.random(), "entities": 0.0, "lede": rng.random()},
        ]
    )
    got = content_linkages(profiles, pairs, **weights)
    want = [content_linkage(profiles[i], profiles[j], **weights) for i, j in pairs]
    assert [np.float64(g).tobytes() for g in got] == [np.float64(w).tobytes() for w in want]
    # One cluster against several, after merges too (its arrays are rebuilt when it grows).
    many = batch_content_linkage(profiles, **weights)
    for step in range(min(3, len(profiles) - 1)):
        one, others = profiles[step], profiles[step + 1 :]
        got = many(one, others)
        want = [content_linkage(one, other, **weights) for other in others]
        assert [np.float64(g).tobytes() for g in got] == [np.float64(w).tobytes() for w in want]
        if len(profiles) > step + 2:
            one.absorb(profiles.pop(step + 1))


@pytest.mark.parametrize("seed", range(20))
def test_agglomerate_with_bulk_and_batch_linkages_merges_as_before(seed: int) -> None:
    rng = random.Random(2000 + seed)
    n = rng.randint(5, 40)
    weights = {"embed": 0.0, "terms": 0.5, "entities": 0.3, "lede": 0.2}
    pairs = sorted({tuple(sorted(rng.sample(range(n), 2))) for _ in range(3 * n)})

    def content(a: Profile, b: Profile) -> float:
        return content_linkage(a, b, **weights)

    def penalty(a: Profile, b: Profile, score: float) -> float:
        return 0.01 * abs((a.first_day or 0) - (b.first_day or 0)) * max(0.0, 1.0 - score)

    runs: list[list[tuple[str, tuple[str, ...], list[tuple[str, float]]]]] = []
    for bulk in (False, True):
        profiles = _profiles(random.Random(seed), n, dim=4)
        linkages = content_linkages(profiles, pairs, **weights) if bulk else None
        many = batch_content_linkage(profiles, **weights) if bulk else None
        merged = agglomerate(
            profiles,
            pairs,
            content=content,
            penalty=penalty,
            threshold=0.05,
            eager_degree=2 if seed % 2 else 16,  # 2: the lazy re-scoring too
            linkages=linkages,
            content_many=many,
        )
        digest = [(p.founder, tuple(p.members), sorted(p.terms.items())) for p in merged]
        runs.append(digest)
    assert runs[0] == runs[1]
