"""`agglomerate` leaves out the penalty of a linkage already below the threshold (issue 15,
session 16): the merges must be those of scoring every pair in full.

The full path is the same function with a slack too small to move any float (`1e-300`: the
threshold minus it is the threshold), which turns the shortcut off and changes nothing else.
"""

from __future__ import annotations

import itertools
import zlib

import numpy as np
import pytest

from newsweave.cluster.linkage import agglomerate, content_linkage
from newsweave.cluster.profiles import Profile, founder_key


def _profiles(vectors: np.ndarray, days: list[int]) -> list[Profile]:
    return [
        Profile(
            founder=f"a{i:03d}",
            founder_key=founder_key(f"a{i:03d}", day),
            members=[f"a{i:03d}"],
            vector=v.astype(np.float64),
            first_day=day,
            last_day=day,
        )
        for i, (v, day) in enumerate(zip(vectors, days, strict=True))
    ]


def _content(a: Profile, b: Profile) -> float:
    return content_linkage(a, b, embed=1.0, terms=0.0, entities=0.0)


def _penalty(a: Profile, b: Profile, score: float) -> float:
    # A penalty of the clusters' days and members (as the stories' checks are), never < 0.
    gap = abs((a.first_day or 0) - (b.first_day or 0))
    salt = zlib.crc32(" ".join(sorted([*a.members, *b.members])).encode()) % 7
    return 0.02 * min(gap, 10) * max(0.0, 1.0 - score) + 0.01 * salt


@pytest.mark.parametrize("seed", range(40))
def test_merges_are_those_of_scoring_every_pair_in_full(seed: int) -> None:
    rng = np.random.default_rng(seed)
    n = int(rng.integers(5, 40))
    centres = rng.standard_normal((4, 12))
    vectors = centres[rng.integers(0, 4, n)] + 0.7 * rng.standard_normal((n, 12))
    vectors /= np.linalg.norm(vectors, axis=1, keepdims=True)
    days = [int(d) for d in rng.integers(0, 30, n)]
    pairs = list(itertools.combinations(range(n), 2))
    # eager_degree 2 exercises the lazy re-scoring of large clusters too.
    for eager in (2, 16):
        runs = [
            agglomerate(
                _profiles(vectors, days),
                pairs,
                content=_content,
                penalty=_penalty,
                threshold=0.3,
                slack=slack,
                eager_degree=eager,
            )
            for slack in (0.0, 1e-300)
        ]
        shortcut, full = ([(p.founder, tuple(p.members)) for p in run] for run in runs)
        assert shortcut == full
