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
   does not depend on input order. A cluster with more than `EAGER_DEGREE` neighbours is
   re-scored lazily (see `agglomerate`), so one huge story does not cost size x neighbours.
"""

from __future__ import annotations

import heapq
from collections.abc import Callable, Mapping, Sequence

import numpy as np
import numpy.typing as npt

from newsweave.cluster.profiles import Profile, RankedDots, sparse_dot, sparse_dots

Linkage = Callable[[Profile, Profile], float]
# linkages(a, others) -> [linkage(a, b) for b in others], the same floats.
Linkages = Callable[[Profile, Sequence[Profile]], list[float]]
# penalty(a, b, content linkage of a and b) -> how much to subtract from it (>= 0).
Penalty = Callable[[Profile, Profile, float], float]

# Hyperplanes come from a fixed seed: the same vectors always get the same signatures.
LSH_SEED = 20201215


def content_linkage(
    a: Profile, b: Profile, *, embed: float, terms: float, entities: float, lede: float = 0.0
) -> float:
    """Average pairwise similarity of the members of `a` and `b` (exact, from the sums)."""
    total = (
        embed * float(a.vector @ b.vector)
        + terms * sparse_dot(a.terms, b.terms)
        + entities * sparse_dot(a.entities, b.entities)
    )
    if lede:
        total += lede * sparse_dot(a.lede, b.lede)
    return total / (a.size * b.size)


def content_linkages(
    profiles: Sequence[Profile],
    pairs: Sequence[tuple[int, int]],
    *,
    embed: float,
    terms: float,
    entities: float,
    lede: float = 0.0,
) -> list[float]:
    """`content_linkage` of every pair at once, bit for bit (see `profiles.sparse_dots`).

    The same float operations in the same order, as arrays: the weighted sum left to right,
    the lede's term added after it, then the division by the sizes' product. With no weight on
    the embedding its term is left out: 0.0 times a finite dot product is a zero, and a zero
    added to the (non-negative) rest leaves it as it is.
    """
    if not pairs:
        return []
    index = np.asarray(pairs, dtype=np.int64)
    left, right = index[:, 0], index[:, 1]
    if embed:
        vector_dots = np.array([float(profiles[i].vector @ profiles[j].vector) for i, j in pairs])
        total = embed * vector_dots + terms * sparse_dots([p.terms for p in profiles], left, right)
    else:
        total = terms * sparse_dots([p.terms for p in profiles], left, right)
    total = total + entities * sparse_dots([p.entities for p in profiles], left, right)
    if lede:
        total = total + lede * sparse_dots([p.lede for p in profiles], left, right)
    sizes = np.array([p.size for p in profiles], dtype=np.float64)
    linkages: list[float] = (total / (sizes[left] * sizes[right])).tolist()
    return linkages


def batch_content_linkage(
    profiles: Sequence[Profile], *, embed: float, terms: float, entities: float, lede: float = 0.0
) -> Linkages:
    """`content_linkage` of one cluster with several, bit for bit, for the clusters merged
    from `profiles` (`agglomerate`'s re-scoring of a merged cluster's neighbours).

    The sparse dot products come from `RankedDots` (the same floats as `sparse_dot`), and the
    weighted sum is `content_linkage`'s, term by term in the same order.
    """
    fields = [RankedDots("terms", profiles), RankedDots("entities", profiles)]
    if lede:
        fields.append(RankedDots("lede", profiles))

    def linkages(a: Profile, others: Sequence[Profile]) -> list[float]:
        dots = [field.dots(a, others) for field in fields]
        out: list[float] = []
        for k, b in enumerate(others):
            if embed:
                total = embed * float(a.vector @ b.vector) + terms * dots[0][k]
            else:
                # As `content_linkages`: 0.0 times a finite dot product is a zero, and a zero
                # added to the (non-negative) rest leaves it as it is; the product of two
                # 384-wide vectors per pair was ~10 % of the re-scoring at 10,000 articles.
                total = terms * dots[0][k]
            total = total + entities * dots[1][k]
            if lede:
                total += lede * dots[2][k]
            out.append(total / (a.size * b.size))
        return out

    return linkages


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


# Above this many neighbours a merged cluster is not re-scored against all of them after every
# merge (see `agglomerate`). At 16, ECB+ dev and train and GVC dev and train give the same groups
# as at 256 with the shipped values, models and fallback (at 4 one fallback group of ECB+ train
# changes); a 5,000-record flood of one event (tests/hostile's river gauges) took 18.8 CPU s at
# 256, 4.9 s at 16: each merge re-scored up to 256 neighbours, O(256 n) linkages.
EAGER_DEGREE = 16
# From this many neighbours on, a merged cluster is scored against them in one `content_many`
# call (numpy's fixed cost per call is that of scoring ~3 pairs one by one).
BATCH_MIN = 4


def agglomerate(
    profiles: list[Profile],
    pairs: Sequence[tuple[int, int]],
    *,
    content: Linkage,
    penalty: Penalty,
    threshold: float,
    slack: float = 0.0,
    eager_degree: int = EAGER_DEGREE,
    linkages: Sequence[float] | None = None,
    content_many: Linkages | None = None,
) -> list[Profile]:
    """Average-link clusters of `profiles` (merged in place) joined along `pairs`.

    A penalty may be negative (evidence for joining) by at most `slack`: pairs whose content
    linkage lies within `slack` below the threshold are kept as edges too.

    After a merge, the merged cluster's linkage to each neighbour changes. While it has at most
    `eager_degree` neighbours all of them are re-scored at once (exact average link, as the
    textbook). A huge story (a flood of reports of one event) would make that quadratic, so past
    it only neighbours new to the cluster are scored, and the cluster's older heap
    entries stay in the heap to be re-scored exactly when they come up (lazy); all its
    neighbours are re-scored whenever it has doubled since the last full re-scoring, and once
    more before merging stops. Linkages moved by the absorbed members are then seen late: the
    merge order may differ from exact UPGMA, never the threshold test of a merge itself. The
    work is O(edges x log(size)) instead of O(size x neighbours).

    `linkages`, when given, are `content` of each of `pairs` computed beforehand (as
    `content_linkages` does for the stories' linkage, all pairs at once); merged clusters are
    still scored by `content`, or, when given, by `content_many` (the same values, one cluster
    against several at once) where a merged cluster is re-scored against its neighbours.
    """
    n = len(profiles)
    neighbours: list[set[int]] = [set() for _ in range(n)]
    heap: list[tuple[float, str, str, int, int, int, int, int, int]] = []
    # `version` changes at every merge (an entry of the current versions is exact); `epoch`
    # at every full re-scoring (an older entry of the current epochs is re-scored when popped).
    version = [0] * n
    epoch = [0] * n
    scored_size = [p.size for p in profiles]
    alive = [True] * n
    # Output order: the position of the side that would have been kept by founder order.
    slot = list(range(n))

    def score(i: int, j: int, linkage: float | None = None) -> float:
        if linkage is None:
            linkage = content(profiles[i], profiles[j])
        if linkage < threshold and slack <= 0.0:
            # A penalty never adds more than `slack`: without slack, a linkage below the
            # threshold stays below it whatever the penalty, and `score`'s callers only ask
            # whether it reaches the threshold. The penalties' checks were 40 % of the
            # agglomeration's CPU (issue 15, session 16); the merges are the same.
            return linkage
        return linkage - penalty(profiles[i], profiles[j], linkage)

    def push(i: int, j: int, value: float) -> None:
        a, b = (i, j) if profiles[i].founder <= profiles[j].founder else (j, i)
        founders = (profiles[a].founder, profiles[b].founder)
        entry = (-value, *founders, a, b, version[a], version[b], epoch[a], epoch[b])
        heapq.heappush(heap, entry)

    def rescore_all(i: int) -> None:
        epoch[i] += 1
        scored_size[i] = profiles[i].size
        score_against(i, sorted(neighbours[i]))

    def score_against(i: int, others: list[int]) -> None:
        linkages: Sequence[float | None] = [None] * len(others)
        if content_many is not None and len(others) >= BATCH_MIN:
            linkages = content_many(profiles[i], [profiles[o] for o in others])
        for other, linkage in zip(others, linkages, strict=True):
            value = score(i, other, linkage)
            if value >= threshold:
                push(i, other, value)

    def merge(a: int, b: int) -> None:
        # The larger cluster is kept and the smaller one added into it, so a flood of one event
        # (one cluster absorbing thousands of single reports) costs the size of each report, not
        # of the cluster; at equal sizes the side with more neighbours is kept (the smaller set
        # is walked). The sums are the same either way, since addition commutes.
        keep, gone = max(
            (a, b), (b, a), key=lambda kg: (profiles[kg[0]].size, len(neighbours[kg[0]]))
        )
        profiles[keep].absorb(profiles[gone])
        alive[gone] = False
        slot[keep] = slot[a]
        version[keep] += 1
        moved = neighbours[gone] - {keep}
        neighbours[gone] = set()
        neighbours[keep].discard(gone)
        for other in moved:
            neighbours[other].discard(gone)
            neighbours[other].add(keep)
        new = moved - neighbours[keep]
        neighbours[keep] |= moved
        if len(neighbours[keep]) <= eager_degree or profiles[keep].size >= 2 * scored_size[keep]:
            rescore_all(keep)
            return
        score_against(keep, sorted(new))

    initial = (
        linkages if linkages is not None else (content(profiles[i], profiles[j]) for i, j in pairs)
    )
    for (i, j), linkage in zip(pairs, initial, strict=True):
        if linkage >= threshold - slack:
            neighbours[i].add(j)
            neighbours[j].add(i)
            value = linkage - penalty(profiles[i], profiles[j], linkage)
            if value >= threshold:
                push(i, j, value)

    while True:
        while heap:
            _, _, _, a, b, version_a, version_b, epoch_a, epoch_b = heapq.heappop(heap)
            if not (alive[a] and alive[b]):
                continue
            if version[a] == version_a and version[b] == version_b:
                merge(a, b)
            elif epoch[a] == epoch_a and epoch[b] == epoch_b:
                value = score(a, b)  # deferred by a huge merged cluster: re-scored now
                if value >= threshold:
                    push(a, b, value)
        # Deferred linkages that may have risen above the threshold: re-score them all.
        grown = [i for i in range(n) if alive[i] and profiles[i].size != scored_size[i]]
        if not grown:
            break
        for i in grown:
            rescore_all(i)
        if not heap:
            break
    return [profiles[i] for i in sorted((i for i in range(n) if alive[i]), key=slot.__getitem__)]
