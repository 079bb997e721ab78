"""Cluster profiles: summed feature vectors, so that average linkage is a dot product.

Every similarity clustering uses is a weighted sum of dot products of unit vectors (lede
embedding, TF-IDF of words, TF-IDF of named things). For such a similarity the *average* over
all article pairs of two clusters equals the dot product of the clusters' summed vectors divided
by the product of their sizes. So a cluster is fully described by its sums and size: average
linkage is exact without a pairwise matrix, clusters merge by adding sums, and a stored story
(`StoryIndex`) can keep growing in a later run as if its articles were still in memory.
"""

from __future__ import annotations

import bisect
import functools
import itertools
import math
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field

import numpy as np
import numpy.typing as npt

Sparse = dict[str, float]


@functools.lru_cache(maxsize=65536)
def idf(df: int, n_docs: int) -> float:
    """Smoothed inverse document frequency (the usual `log((1+n)/(1+df)) + 1`)."""
    return math.log((1 + n_docs) / (1 + df)) + 1.0


def tfidf_unit(
    counts: Iterable[tuple[str, int]], df: Mapping[str, int], n_docs: int, *, top: int
) -> Sparse:
    """Sublinear TF-IDF of `counts`, cut to the `top` heaviest entries, L2-normalised."""
    weights = {t: (1.0 + math.log(c)) * idf(df.get(t, 0), n_docs) for t, c in counts if c > 0}
    if len(weights) > top:
        # Sorted by weight, then name, so the cut never depends on input order.
        kept = sorted(weights.items(), key=lambda kv: (-kv[1], kv[0]))[:top]
        weights = dict(kept)
    norm = math.sqrt(sum(w * w for w in weights.values()))
    return {t: w / norm for t, w in weights.items()} if norm > 0 else {}


def sparse_dot(a: Mapping[str, float], b: Mapping[str, float]) -> float:
    """Dot product of two sparse vectors (iterates over the smaller one)."""
    # The key intersection runs in C (most keys of two clusters are not shared); sorted so the
    # float sum never depends on string hashing, which differs between processes.
    return sum(a[t] * b[t] for t in sorted(a.keys() & b.keys()))


def sparse_dots(
    vectors: Sequence[Mapping[str, float]],
    left: npt.NDArray[np.int64],
    right: npt.NDArray[np.int64],
) -> npt.NDArray[np.float64]:
    """`sparse_dot(vectors[left[p]], vectors[right[p]])` for every p at once, bit for bit.

    `sparse_dot` adds the products of the shared keys in sorted key order, starting from 0.0
    (Python's `sum` of floats adds left to right). Here keys become their ranks in sorted
    order, each vector a run of (rank, value) sorted by rank, and the smaller side of a pair
    looks its keys up in the other's: its matches come in rank order, i.e. in sorted key order.
    The products are the same multiplications, and they are added into 0.0 one position at a
    time across all pairs (the k-th shared key of every pair at step k), so each pair's sum
    takes the same additions in the same order. The clustering of a whole corpus scores every
    candidate pair once before merging (issue 15: the ingest +1 % step re-clusters every
    article); in Python that was a set intersection, a sort and a generator per pair.
    """
    out = np.zeros(len(left), dtype=np.float64)
    if len(left) == 0:
        return out
    vocabulary = sorted(set().union(*vectors))
    rank = {key: r for r, key in enumerate(vocabulary)}
    sizes = np.fromiter(map(len, vectors), dtype=np.int64, count=len(vectors))
    total = int(sizes.sum())
    if total == 0:
        return out
    rows = np.repeat(np.arange(len(vectors), dtype=np.int64), sizes)
    ranks = np.fromiter(
        map(rank.__getitem__, itertools.chain.from_iterable(vectors)), dtype=np.int64, count=total
    )
    values = np.fromiter(
        itertools.chain.from_iterable(v.values() for v in vectors), dtype=np.float64, count=total
    )
    width = len(vocabulary)
    codes = rows * width + ranks
    order = np.argsort(codes, kind="stable")
    codes, values = codes[order], values[order]
    starts = np.zeros(len(vectors) + 1, dtype=np.int64)
    np.cumsum(sizes, out=starts[1:])
    # The smaller side's keys are looked up in the larger side's (ties: the right side).
    small = np.where(sizes[left] < sizes[right], left, right)
    large = np.where(sizes[left] < sizes[right], right, left)
    lengths = sizes[small]
    # Pairs go in chunks of about `_ENTRIES_PER_CHUNK` looked-up keys: each pair's sum is its
    # own, so a chunk gives the same floats, and the per-entry arrays (eight of them, 8 bytes an
    # entry) stay near 100 MB instead of growing with the candidate pairs (at 10,000 articles they
    # held ~2 GB at once: the ingest build's and step's memory peak, session 19).
    ends = np.cumsum(lengths)
    start = 0
    while start < len(left):
        stop = int(np.searchsorted(ends, ends[start] - lengths[start] + _ENTRIES_PER_CHUNK))
        stop = max(stop, start + 1)
        chunk = slice(start, stop)
        out[chunk] = _pair_dots(
            codes,
            values,
            starts=starts,
            width=width,
            small=small[chunk],
            large=large[chunk],
            left_is_small=small[chunk] == left[chunk],
        )
        start = stop
    return out


_ENTRIES_PER_CHUNK = 1 << 20


def _pair_dots(
    codes: npt.NDArray[np.int64],
    values: npt.NDArray[np.float64],
    *,
    starts: npt.NDArray[np.int64],
    width: int,
    small: npt.NDArray[np.int64],
    large: npt.NDArray[np.int64],
    left_is_small: npt.NDArray[np.bool_],
) -> npt.NDArray[np.float64]:
    """`sparse_dots` of the pairs (small[p], large[p]) over the rank-coded vectors."""
    out = np.zeros(len(small), dtype=np.float64)
    lengths = starts[small + 1] - starts[small]
    n_entries = int(lengths.sum())
    if n_entries == 0:
        return out
    pair = np.repeat(np.arange(len(small), dtype=np.int64), lengths)
    offsets = np.zeros(len(small) + 1, dtype=np.int64)
    np.cumsum(lengths, out=offsets[1:])
    within = np.arange(n_entries, dtype=np.int64) - offsets[pair]
    position = starts[small][pair] + within
    wanted = large[pair] * width + (codes[position] - small[pair] * width)
    found = np.searchsorted(codes, wanted)
    found = np.minimum(found, len(codes) - 1)
    hit = codes[found] == wanted
    pair, mine, theirs = pair[hit], values[position[hit]], values[found[hit]]
    # Operand order as `sparse_dot`'s a[t] * b[t] (a product is the same either way in IEEE
    # arithmetic; kept for the reader): the left vector's value first.
    products = np.where(left_is_small[pair], mine * theirs, theirs * mine)
    # Rank of each product within its pair (products of one pair are consecutive).
    first = np.zeros(len(pair), dtype=bool)
    if len(pair):
        first[0] = True
        first[1:] = pair[1:] != pair[:-1]
    group_start = np.maximum.accumulate(np.where(first, np.arange(len(pair)), 0))
    step = np.arange(len(pair)) - group_start
    by_step = np.argsort(step, kind="stable")
    counts = np.bincount(step, minlength=1)
    bounds = np.zeros(len(counts) + 1, dtype=np.int64)
    np.cumsum(counts, out=bounds[1:])
    pair, products = pair[by_step], products[by_step]
    for k in range(len(counts)):
        # One product per pair at step k: a fancy-indexed += adds each once.
        out[pair[bounds[k] : bounds[k + 1]]] += products[bounds[k] : bounds[k + 1]]
    return out


class RankedDots:
    """`sparse_dot` of one profile's vector with several others' at once, bit for bit.

    Keys are ranks in sorted order over a closed vocabulary (every key a clustering's merged
    profiles can hold is some starting profile's). Each profile's vector is kept as rank-sorted
    arrays, rebuilt when the profile has grown (profiles only grow, by `absorb`). One side is
    spread over a dense array, the others' keys read it in rank order, i.e. in sorted key
    order, and each pair's products go through Python's `sum` as `sparse_dot`'s do.
    """

    __slots__ = ("_cache", "_field", "_in_dict_order", "_present", "_rank", "_values")

    def __init__(self, field: str, profiles: Sequence[Profile]) -> None:
        self._field = field
        vocabulary = sorted(set().union(*(getattr(p, field) for p in profiles)))
        self._rank = {key: r for r, key in enumerate(vocabulary)}
        self._values = np.zeros(len(vocabulary), dtype=np.float64)
        self._present = np.zeros(len(vocabulary), dtype=bool)
        self._cache: dict[int, tuple[int, npt.NDArray[np.int64], npt.NDArray[np.float64]]] = {}
        # Each profile's vector (the dict itself) and its keys' ranks in the dict's order: a
        # grown profile's dict holds its old keys in their old order and the absorbed side's
        # new keys after them (`add_into` only updates and appends), so only the new keys are
        # looked up when its arrays are rebuilt (looking up every key of a large story after
        # each merge it made was ~7 % of the stories stage at 10,000 articles, issue 15).
        self._in_dict_order: dict[int, tuple[Sparse, npt.NDArray[np.int64]]] = {}
        # Every starting profile's arrays at once (one pass, one sort).
        profiles = list(profiles)
        vectors: list[Sparse] = [getattr(p, field) for p in profiles]
        sizes = [len(v) for v in vectors]
        total = sum(sizes)
        ranks = np.fromiter(
            map(self._rank.__getitem__, itertools.chain.from_iterable(vectors)),
            dtype=np.int64,
            count=total,
        )
        values = np.fromiter(
            itertools.chain.from_iterable(v.values() for v in vectors),
            dtype=np.float64,
            count=total,
        )
        rows = np.repeat(np.arange(len(vectors), dtype=np.int64), sizes)
        order = np.lexsort((ranks, rows))
        if not profiles:
            return
        cuts: list[int] = np.cumsum(sizes)[:-1].tolist()
        for profile, vector, r, v, unsorted in zip(
            profiles,
            vectors,
            np.split(ranks[order], cuts),
            np.split(values[order], cuts),
            np.split(ranks, cuts),
            strict=True,
        ):
            self._cache[id(profile)] = (profile.size, r, v)
            self._in_dict_order[id(profile)] = (vector, unsorted)

    def _arrays(self, profile: Profile) -> tuple[npt.NDArray[np.int64], npt.NDArray[np.float64]]:
        cached = self._cache.get(id(profile))
        if cached is not None and cached[0] == profile.size:
            return cached[1], cached[2]
        vector: Sparse = getattr(profile, self._field)
        known = self._in_dict_order.get(id(profile))
        if known is not None and known[0] is vector and len(known[1]) <= len(vector):
            head = known[1]
            tail = np.fromiter(
                map(self._rank.__getitem__, itertools.islice(vector, len(head), None)),
                dtype=np.int64,
                count=len(vector) - len(head),
            )
            ranks = np.concatenate((head, tail))
        else:
            ranks = np.fromiter(
                map(self._rank.__getitem__, vector), dtype=np.int64, count=len(vector)
            )
        self._in_dict_order[id(profile)] = (vector, ranks)
        values = np.fromiter(vector.values(), dtype=np.float64, count=len(vector))
        order = np.argsort(ranks, kind="stable")
        ranks, values = ranks[order], values[order]
        self._cache[id(profile)] = (profile.size, ranks, values)
        return ranks, values

    def dots(self, one: Profile, others: Sequence[Profile]) -> list[float]:
        """`sparse_dot(one.<field>, other.<field>)` for each of `others`."""
        if not others:
            return []
        ranks, values = self._arrays(one)
        self._values[ranks] = values
        self._present[ranks] = True
        parts = [self._arrays(other) for other in others]
        all_ranks = np.concatenate([r for r, _ in parts])
        all_values = np.concatenate([v for _, v in parts])
        hit = self._present[all_ranks]
        products = (self._values[all_ranks[hit]] * all_values[hit]).tolist()
        self._values[ranks] = 0.0
        self._present[ranks] = False
        # Hits before each part's end (a part may be empty: its bounds are equal).
        hits = np.zeros(len(all_ranks) + 1, dtype=np.int64)
        np.cumsum(hit, out=hits[1:])
        ends = np.zeros(len(parts) + 1, dtype=np.int64)
        np.cumsum([len(r) for r, _ in parts], out=ends[1:])
        bounds = hits[ends].tolist()
        return [sum(products[bounds[k] : bounds[k + 1]]) for k in range(len(parts))]


def add_into(total: Sparse, part: Mapping[str, float]) -> None:
    """`total += part` for sparse vectors."""
    for t, w in part.items():
        total[t] = total.get(t, 0.0) + w


@dataclass(slots=True)
class Profile:
    """A cluster under construction: members and the sums of their feature vectors.

    Internal and mutable on purpose (clustering merges thousands of these); never exported.
    `founder` is the member whose id names the story; `first_day`/`last_day` bound the known
    publication days of the members (None when no member has one); `event_days` are the days of
    the happening their texts describe (sorted, empty when no member names one).
    """

    founder: str
    founder_key: tuple[int, int, str]
    members: list[str]
    vector: npt.NDArray[np.float64]
    terms: Sparse = field(default_factory=dict)
    entities: Sparse = field(default_factory=dict)
    first_day: int | None = None
    last_day: int | None = None
    event_days: tuple[int, ...] = ()
    # Weekdays (0=Monday) named by undated members whose openings name no calendar day.
    weekdays: tuple[int, ...] = ()
    # The event days named by members with a publication day (`weekdays_disagree` compares
    # weekdays with these only: an undated text's calendar day may be background, a birth date).
    dated_event_days: tuple[int, ...] = ()
    # What the average linkage of a cluster with itself counts as self-pairs (`cohesion`):
    # members with a non-empty word / name vector, and the sum of squared lede-vector norms.
    with_terms: int = 0
    with_entities: int = 0
    vector_self: float = 0.0
    # Summed lede word vectors (`features.lede_words`) and how many members have one.
    lede: Sparse = field(default_factory=dict)
    with_lede: int = 0
    # (|terms|^2, |entities|^2, |lede|^2), computed on first use and carried through `absorb`.
    self_dots: tuple[float, float, float] | None = None
    # len(members), kept as a field: clustering asks it millions of times (penalties, linkages,
    # caches; at 10,000 articles a property call each was ~10 % of the stories stage, issue 15).
    # `members` only grows through `absorb`, which keeps it.
    size: int = field(init=False, default=0)

    def __post_init__(self) -> None:
        self.size = len(self.members)

    def absorb(self, other: Profile) -> None:
        """Add `other` into this profile; the earlier founder names the result."""
        # |T + t|^2 = |T|^2 + 2 T.t + |t|^2: the cohesion's squared norms follow the merge at the
        # cost of the smaller side (recomputing them walked the whole profile after every merge,
        # quadratic in a flood of one event).
        own, theirs = self.squared_norms(), other.squared_norms()
        self.self_dots = (
            own[0] + 2.0 * sparse_dot(self.terms, other.terms) + theirs[0],
            own[1] + 2.0 * sparse_dot(self.entities, other.entities) + theirs[1],
            own[2] + 2.0 * sparse_dot(self.lede, other.lede) + theirs[2],
        )
        self.members.extend(other.members)
        self.size = len(self.members)
        self.vector += other.vector
        add_into(self.terms, other.terms)
        add_into(self.entities, other.entities)
        add_into(self.lede, other.lede)
        self.with_lede += other.with_lede
        if other.founder_key < self.founder_key:
            self.founder, self.founder_key = other.founder, other.founder_key
        self.first_day = _earliest(self.first_day, other.first_day)
        self.last_day = _latest(self.last_day, other.last_day)
        if other.event_days:
            self.event_days = tuple(sorted(set(self.event_days) | set(other.event_days)))
        if other.weekdays:
            self.weekdays = tuple(sorted(set(self.weekdays) | set(other.weekdays)))
        if other.dated_event_days:
            self.dated_event_days = tuple(
                sorted(set(self.dated_event_days) | set(other.dated_event_days))
            )
        self.with_terms += other.with_terms
        self.with_entities += other.with_entities
        self.vector_self += other.vector_self

    def squared_norms(self) -> tuple[float, float, float]:
        """(|terms|^2, |entities|^2, |lede|^2) of the sums (computed once, kept by `absorb`)."""
        if self.self_dots is None:
            self.self_dots = (
                sparse_dot(self.terms, self.terms),
                sparse_dot(self.entities, self.entities),
                sparse_dot(self.lede, self.lede),
            )
        return self.self_dots

    def cohesion(
        self, *, embed: float, terms: float, entities: float, lede: float = 0.0
    ) -> float | None:
        """Average similarity of two different members (exact, from the sums); None below 2.

        The summed vectors' squared norms count every ordered pair of members, self-pairs
        included; taking the self-pairs out leaves the average over distinct pairs.
        """
        n = self.size
        if n < 2:
            return None
        term_dot, entity_dot, lede_dot = self.squared_norms()
        total = embed * float(self.vector @ self.vector) + terms * term_dot + entities * entity_dot
        total += lede * lede_dot
        own = embed * self.vector_self + terms * self.with_terms + entities * self.with_entities
        own += lede * self.with_lede
        return (total - own) / (n * (n - 1))


def _earliest(a: int | None, b: int | None) -> int | None:
    return b if a is None else a if b is None else min(a, b)


def _latest(a: int | None, b: int | None) -> int | None:
    return b if a is None else a if b is None else max(a, b)


NO_DAY = 10**9  # sorts undated articles after dated ones when choosing a founder


def founder_key(article_id: str, day: int | None, *, stored: bool = False) -> tuple[int, int, str]:
    """Order of founding: a stored story first (its id must not change), then the earliest
    publication day, then the smallest id."""
    return (0 if stored else 1, NO_DAY if day is None else day, article_id)


def range_gap(
    a_first: int | None, a_last: int | None, b_first: int | None, b_last: int | None
) -> int | None:
    """Days between two day ranges (0 if they overlap), None if either range is unknown."""
    if a_first is None or a_last is None or b_first is None or b_last is None:
        return None
    return max(0, b_first - a_last, a_first - b_last)


def gap_days(a: Profile, b: Profile) -> int:
    """Days between the publication ranges of two clusters (0 if they overlap or are undated)."""
    return range_gap(a.first_day, a.last_day, b.first_day, b.last_day) or 0


def weekdays_disagree(a: Profile, b: Profile, *, grace: int) -> bool | None:
    """Whether the weekdays one side names fall on none of the other side's event days (within
    `grace` days); None when there is nothing to compare.

    Only the event days of members with a publication day count: those lie in the event window
    before it, so they are days of a happening; an undated text's calendar day may be anything
    it recalls (an obituary's birth date: ECB+ train 4_ecb, undated, named "April 22, 1923",
    a Sunday, and its reports of a death "on Thursday" were split from it), and, as for two
    undated reports' weekdays (`event_weekdays`), nothing ties it to the week of the other's.
    """
    for named, dated in ((a, b), (b, a)):
        if named.weekdays and not named.event_days and dated.dated_event_days:
            near = {
                (day + delta + 6) % 7  # proleptic ordinal -> weekday, Monday = 0
                for day in dated.dated_event_days
                for delta in range(-grace, grace + 1)
            }
            return not near & set(named.weekdays)
    return None


def event_gap_days(a: Profile, b: Profile) -> int | None:
    """Days between the closest event days of two clusters, None if either has none."""
    if not a.event_days or not b.event_days:
        return None
    small, large = sorted((a.event_days, b.event_days), key=len)
    best: int | None = None
    for day in small:
        at = bisect.bisect_left(large, day)
        for k in (at - 1, at):
            if 0 <= k < len(large):
                gap = abs(large[k] - day)
                best = gap if best is None or gap < best else best
        if best == 0:
            break
    return best
