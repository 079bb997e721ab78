"""Average linkage from summed vectors equals the textbook pairwise definition."""

from __future__ import annotations

import itertools

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st

from newsweave.cluster.linkage import agglomerate, candidate_pairs, content_linkage
from newsweave.cluster.profiles import Profile, founder_key


def _profiles(vectors: np.ndarray) -> list[Profile]:
    return [
        Profile(
            founder=f"a{i:03d}",
            founder_key=founder_key(f"a{i:03d}", None),
            members=[f"a{i:03d}"],
            vector=v.astype(np.float64),
        )
        for i, v in enumerate(vectors)
    ]


def _brute_force_upgma(sim: np.ndarray, threshold: float) -> set[frozenset[int]]:
    clusters = [frozenset({i}) for i in range(len(sim))]
    while len(clusters) > 1:
        best, pair = -np.inf, None
        for a, b in itertools.combinations(range(len(clusters)), 2):
            score = np.mean([sim[i, j] for i in clusters[a] for j in clusters[b]])
            if score > best + 1e-12:
                best, pair = score, (a, b)
        if best < threshold or pair is None:
            break
        a, b = pair
        clusters = [c for k, c in enumerate(clusters) if k not in pair] + [
            clusters[a] | clusters[b]
        ]
    return set(clusters)


def _content(a: Profile, b: Profile) -> float:
    return content_linkage(a, b, embed=1.0, terms=0.0, entities=0.0)


@settings(max_examples=30, deadline=None)
@given(st.integers(min_value=0, max_value=10_000))
def test_agglomerate_matches_brute_force_average_link(seed: int) -> None:
    rng = np.random.default_rng(seed)
    centres = rng.standard_normal((3, 8))
    vectors = centres[rng.integers(0, 3, 9)] + 0.6 * rng.standard_normal((9, 8))
    vectors /= np.linalg.norm(vectors, axis=1, keepdims=True)
    sim = vectors @ vectors.T
    all_pairs = list(itertools.combinations(range(9), 2))
    result = agglomerate(
        _profiles(vectors), all_pairs, content=_content, penalty=lambda a, b, s: 0.0, threshold=0.5
    )
    got = {frozenset(int(m[1:]) for m in p.members) for p in result}
    assert got == _brute_force_upgma(sim, 0.5)


def test_candidate_pairs_skip_blocks_larger_than_the_cap() -> None:
    keys = [["common", "x"], ["common", "x"], ["common"], ["common", "y"], ["y"]]
    assert candidate_pairs(keys, max_block=2) == [(0, 1), (3, 4)]
    assert len(candidate_pairs(keys, max_block=5)) == 7


def _sparse_profile(name: str, vector: np.ndarray, terms: dict[str, float]) -> Profile:
    norm = float(np.sqrt(sum(w * w for w in terms.values())))
    unit = {t: w / norm for t, w in terms.items()}
    return Profile(
        founder=name,
        founder_key=founder_key(name, None),
        members=[name],
        vector=vector.astype(np.float64),
        terms=unit,
        with_terms=1,
        vector_self=float(vector @ vector),
    )


@settings(max_examples=30, deadline=None)
@given(st.integers(min_value=0, max_value=10_000), st.integers(min_value=2, max_value=6))
def test_cohesion_from_sums_is_the_mean_similarity_of_distinct_members(seed: int, n: int) -> None:
    rng = np.random.default_rng(seed)
    vectors = rng.standard_normal((n, 5))
    vectors /= np.linalg.norm(vectors, axis=1, keepdims=True)
    words = ["quake", "chile", "rehab", "2013", "fire"]
    parts = [
        _sparse_profile(
            f"a{i}",
            vectors[i],
            {w: float(rng.random()) + 0.1 for w in words if rng.random() < 0.6} or {"quake": 1.0},
        )
        for i in range(n)
    ]
    pairwise = [
        0.4 * float(parts[i].vector @ parts[j].vector)
        + 0.6 * sum(w * parts[j].terms.get(t, 0.0) for t, w in parts[i].terms.items())
        for i, j in itertools.permutations(range(n), 2)
    ]
    cluster = parts[0]
    for other in parts[1:]:
        cluster.absorb(other)
    got = cluster.cohesion(embed=0.4, terms=0.6, entities=0.3)
    assert got is not None
    assert abs(got - float(np.mean(pairwise))) < 1e-9
    assert parts[1].cohesion(embed=0.4, terms=0.6, entities=0.3) is None  # one member: none


@settings(max_examples=30, deadline=None)
@given(st.integers(min_value=0, max_value=10_000), st.integers(min_value=2, max_value=8))
def test_squared_norms_carried_through_merges_equal_fresh_ones(seed: int, n: int) -> None:
    # `absorb` updates |terms|^2 from the parts (a flood must not re-walk its whole profile),
    # whether asked before, between or after merges, and whichever side is the larger.
    rng = np.random.default_rng(seed)
    words = ["quake", "chile", "rehab", "2013", "fire", "navy", "gulf"]
    parts = [
        _sparse_profile(
            f"a{i}",
            np.ones(3) / np.sqrt(3),
            {w: float(rng.random()) for w in words if rng.random() < 0.5} or {"fire": 1.0},
        )
        for i in range(n)
    ]
    small = parts[-1]
    cluster = parts[0]
    for k, other in enumerate(parts[1:-1]):
        if k % 2:
            cluster.squared_norms()  # asked in between: carried from here on
        cluster.absorb(other)
    small.absorb(cluster)  # the larger into the smaller
    fresh = Profile(
        founder="x",
        founder_key=founder_key("x", None),
        members=["x"],
        vector=np.zeros(3),
        terms=dict(small.terms),
        entities=dict(small.entities),
    )
    got, want = small.squared_norms(), fresh.squared_norms()
    assert abs(got[0] - want[0]) < 1e-9 and abs(got[1] - want[1]) < 1e-9
