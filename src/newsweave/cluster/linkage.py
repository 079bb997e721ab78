"""Sub-quadratic average-link clustering: blocking for candidates, then a merge heap.

1. Candidates (blocking). Each cluster offers a few keys: its heaviest rare words, its heaviest
   named things, and random-hyperplane LSH signatures of its mean embedding. Clusters that share
   a key are compared. A key shared by more than `max_block` clusters is not rare and is skipped,
   so the work is O(n * keys * max_block), linear in n.
2. Edges. Average linkage of two clusters is at least the threshold only if some pair of their
   starting parts is (an average never exceeds its maximum), so only candidate pairs whose exact
   linkage reaches the threshold are kept as edges; the rest can never cause a merge.
3. Merging. The pair of adjacent clusters with the highest linkage (exact, from the summed
   vectors, minus a penalty that may depend on it: the time gap weighs more the less alike two
   clusters are) merges while it reaches the threshold; ties break on founder ids, so the result
   does not depend on input order.
"""

from __future__ import annotations

import heapq
from collections.abc import Callable, Mapping, Sequence

import numpy as np
import numpy.typing as npt

from newsweave.cluster.profiles import Profile, sparse_dot

Linkage = Callable[[Profile, Profile], float]
# penalty(a, b, content linkage of a and b) -> how much to subtract from it (>= 0).
Penalty = Callable[[Profile, Profile, float], float]

# Hyperplanes come from a fixed seed: the same vectors always get the same signatures.
LSH_SEED = 20201215


def content_linkage(
    a: Profile, b: Profile, *, embed: float, terms: float, entities: float
) -> float:
    """Average pairwise similarity of the members of `a` and `b` (exact, from the sums)."""
    total = (
        embed * float(a.vector @ b.vector)
        + terms * sparse_dot(a.terms, b.terms)
        + entities * sparse_dot(a.entities, b.entities)
    )
    return total / (a.size * b.size)


def blocking_keys(
    profile: Profile,
    *,
    df_terms: Mapping[str, int],
    df_entities: Mapping[str, int],
    n_terms: int,
    n_entities: int,
) -> list[str]:
    """The rare words and names a cluster offers as blocking keys (seen in >= 2 documents)."""
    keys: list[str] = []
    for prefix, weights, df, n in (
        ("t:", profile.terms, df_terms, n_terms),
        ("e:", profile.entities, df_entities, n_entities),
    ):
        shared = [(w, t) for t, w in weights.items() if df.get(t, 0) >= 2]
        shared.sort(key=lambda wt: (-wt[0], wt[1]))
        keys.extend(prefix + t for _, t in shared[:n])
    return keys


def lsh_keys(vectors: npt.NDArray[np.float64], *, tables: int, bits: int) -> list[list[str]]:
    """Per row, one bucket key per table from the signs of `bits` random projections."""
    if len(vectors) == 0 or tables == 0:
        return [[] for _ in range(len(vectors))]
    rng = np.random.default_rng(LSH_SEED)
    planes = rng.standard_normal((vectors.shape[1], tables * bits))
    signs = (vectors @ planes) > 0
    powers = 1 << np.arange(bits, dtype=np.int64)
    codes = signs.reshape(len(vectors), tables, bits).astype(np.int64) @ powers
    return [[f"h{t}:{int(c)}" for t, c in enumerate(row)] for row in codes]


def candidate_pairs(keys: Sequence[Sequence[str]], *, max_block: int) -> list[tuple[int, int]]:
    """Index pairs (i < j) of clusters that share at least one key held by <= max_block."""
    postings: dict[str, list[int]] = {}
    for index, node_keys in enumerate(keys):
        for key in set(node_keys):
            postings.setdefault(key, []).append(index)
    codes: list[npt.NDArray[np.int64]] = []
    n = max(len(keys), 1)
    for members in postings.values():
        if 2 <= len(members) <= max_block:
            ids = np.asarray(members, dtype=np.int64)
            left, right = np.triu_indices(len(ids), k=1)
            codes.append(ids[left] * n + ids[right])
    if not codes:
        return []
    unique = np.unique(np.concatenate(codes))
    return [(int(c // n), int(c % n)) for c in unique]


def agglomerate(
    profiles: list[Profile],
    pairs: Sequence[tuple[int, int]],
    *,
    content: Linkage,
    penalty: Penalty,
    threshold: float,
    slack: float = 0.0,
) -> list[Profile]:
    """Average-link clusters of `profiles` (merged in place) joined along `pairs`.

    A penalty may be negative (evidence for joining) by at most `slack`: pairs whose content
    linkage lies within `slack` below the threshold are kept as edges too.
    """
    neighbours: dict[int, set[int]] = {i: set() for i in range(len(profiles))}
    heap: list[tuple[float, str, str, int, int, int, int]] = []
    version = [0] * len(profiles)
    alive = [True] * len(profiles)

    def push(i: int, j: int, score: float) -> None:
        a, b = (i, j) if profiles[i].founder <= profiles[j].founder else (j, i)
        entry = (-score, profiles[a].founder, profiles[b].founder, a, b, version[a], version[b])
        heapq.heappush(heap, entry)

    for i, j in pairs:
        score = content(profiles[i], profiles[j])
        if score >= threshold - slack:
            neighbours[i].add(j)
            neighbours[j].add(i)
            score -= penalty(profiles[i], profiles[j], score)
            if score >= threshold:
                push(i, j, score)

    while heap:
        _, _, _, a, b, version_a, version_b = heapq.heappop(heap)
        if not (alive[a] and alive[b]) or version[a] != version_a or version[b] != version_b:
            continue
        profiles[a].absorb(profiles[b])
        alive[b] = False
        version[a] += 1
        merged = (neighbours[a] | neighbours.pop(b)) - {a, b}
        neighbours[a] = merged
        for other in sorted(merged):
            neighbours[other].discard(b)
            neighbours[other].add(a)
            score = content(profiles[a], profiles[other])
            score -= penalty(profiles[a], profiles[other], score)
            if score >= threshold:
                push(a, other, score)
    return [p for p, live in zip(profiles, alive, strict=True) if live]
