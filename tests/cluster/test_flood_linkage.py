"""A flood of reports of one event costs average-link merging work linear-ish in its size.

The test counts linkage computations (never times them): one huge story used to be re-scored
against all its neighbours after every merge, O(size x neighbours).
"""

from __future__ import annotations

import itertools

import numpy as np

from newsweave.cluster.linkage import agglomerate, candidate_pairs, content_linkage
from newsweave.cluster.profiles import Profile, founder_key


def _one_event(
    n: int, *, seed: int = 7, spread: float = 0.8
) -> tuple[list[Profile], list[tuple[int, int]]]:
    """`n` reports of one event (vectors around one direction), blocked like real articles:
    each offers 2 keys from a pool of n / 4, so it has ~14 candidate neighbours."""
    rng = np.random.default_rng(seed)
    common = rng.standard_normal(32)
    profiles = []
    for i in range(n):
        vector = common + spread * rng.standard_normal(32)
        vector /= np.linalg.norm(vector)
        name = f"r{i:05d}"
        profiles.append(
            Profile(
                founder=name,
                founder_key=founder_key(name, None),
                members=[name],
                vector=vector,
                vector_self=float(vector @ vector),
            )
        )
    keys = [[f"k{int(k)}" for k in rng.integers(0, n // 4, 2)] for _ in range(n)]
    return profiles, candidate_pairs(keys, max_block=200)


def _clustered(n: int) -> tuple[int, list[int]]:
    profiles, pairs = _one_event(n)
    calls = [0]

    def content(a: Profile, b: Profile) -> float:
        calls[0] += 1
        return content_linkage(a, b, embed=1.0, terms=0.0, entities=0.0)

    result = agglomerate(
        profiles, pairs, content=content, penalty=lambda a, b, s: 0.0, threshold=0.3
    )
    return calls[0], sorted(p.size for p in result)


def test_a_flood_of_one_event_is_one_story_at_linear_cost() -> None:
    calls_1k, sizes_1k = _clustered(1000)
    calls_2k, sizes_2k = _clustered(2000)
    assert sizes_1k == [1000] and sizes_2k == [2000]
    # Re-scoring every neighbour after every merge took 85 k then 257 k calls (x3.0); now
    # ~54 k then ~90 k. Twice the records may cost a log factor more, never four times.
    assert calls_2k <= 2.2 * calls_1k
    assert calls_2k <= 60 * 2000


def test_lazy_re_scoring_keeps_separate_events_apart() -> None:
    # Three events far apart, each a tight group: deferring re-scoring (eager_degree 2) must
    # not join or split any of them.
    rng = np.random.default_rng(3)
    centres = np.eye(16)[:3] * 4.0
    vectors = centres[np.repeat(np.arange(3), 12)] + 0.5 * rng.standard_normal((36, 16))
    vectors /= np.linalg.norm(vectors, axis=1, keepdims=True)
    groups = []
    for eager in (2, 1000):
        profiles = [
            Profile(
                founder=f"a{i:03d}",
                founder_key=founder_key(f"a{i:03d}", None),
                members=[f"a{i:03d}"],
                vector=v.astype(np.float64),
            )
            for i, v in enumerate(vectors)
        ]
        result = agglomerate(
            profiles,
            list(itertools.combinations(range(36), 2)),
            content=lambda a, b: content_linkage(a, b, embed=1.0, terms=0.0, entities=0.0),
            penalty=lambda a, b, s: 0.0,
            threshold=0.4,
            eager_degree=eager,
        )
        groups.append({frozenset(int(m[1:]) // 12 for m in p.members) for p in result})
        assert len(result) == 3
    assert groups[0] == groups[1] == {frozenset({0}), frozenset({1}), frozenset({2})}
