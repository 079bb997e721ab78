"""Locality-sensitive hashing over MinHash signatures: candidate pairs without comparing all pairs.

A signature of `bands * rows` values is cut into `bands` bands; two documents become candidates
when all `rows` values of at least one band agree. For Jaccard similarity J that happens with
probability `1 - (1 - J**rows) ** bands` (the "S-curve"), whose steepest point is near
`(1 / bands) ** (1 / rows)`.

Bucketing is vectorised: each band is reduced to one 64-bit key per document, keys are sorted
(numpy), and runs of equal keys are the buckets. Documents are indexed in id order and the sort
is stable, so buckets, pairs and everything after them are independent of input order. The
cost is O(n log n) per band; the number of pairs stays linear because large buckets (many copies
of one story) contribute a star and a chain rather than all their pairs.
"""

from __future__ import annotations

import numpy as np
import numpy.typing as npt

from newsweave.dedupe.minhash import EMPTY, Signature

Pairs = npt.NDArray[np.int64]

# Buckets up to this size contribute all their pairs; larger ones (dozens of copies of one wire
# story) a star from the first member plus a chain of neighbours, which keeps the pair count
# linear; copies are joined transitively afterwards, so no copy is lost when its first-member
# check passes. 8 keeps the all-pairs work under 28 checks per bucket.
SMALL_BUCKET = 8

_BAND_MIX_SEED = 7


def s_curve(similarity: float, bands: int, rows: int) -> float:
    """Probability that two sets of Jaccard `similarity` share at least one band."""
    return float(1.0 - (1.0 - similarity**rows) ** bands)


def band_threshold(bands: int, rows: int) -> float:
    """The approximate Jaccard similarity where the S-curve is steepest."""
    return float((1.0 / bands) ** (1.0 / rows))


def band_keys(signatures: Signature, bands: int) -> npt.NDArray[np.uint64]:
    """One 64-bit key per (document, band); `signatures` has shape (documents, bands * rows).

    The rows of a band are combined with fixed odd multipliers in wrapping arithmetic: two
    bands with equal rows always get equal keys, different rows collide with probability ~2**-64.
    """
    count, num_perm = signatures.shape
    if bands < 1 or num_perm % bands:
        raise ValueError(
            f"cannot cut {num_perm} permutations into {bands} bands: choose bands dividing num_perm"
        )
    rows = num_perm // bands
    rng = np.random.Generator(np.random.PCG64(_BAND_MIX_SEED))
    mix = rng.integers(1, 2**63, size=rows, dtype=np.uint64) | np.uint64(1)
    blocks = signatures.reshape(count, bands, rows)
    keys: npt.NDArray[np.uint64] = (blocks * mix).sum(axis=2, dtype=np.uint64)
    return keys


def _bucket_pairs(
    order: npt.NDArray[np.int64], starts: npt.NDArray[np.int64], small_bucket: int
) -> Pairs:
    """Pairs of one band's buckets (runs of `order` beginning at `starts`), all in numpy.

    Every bucket gives a star from its first member and a chain of neighbours; buckets of up to
    `small_bucket` members also give all their other pairs.
    """
    sizes = np.diff(np.r_[starts, order.size])
    run_start = np.repeat(starts, sizes)
    position = np.arange(order.size)
    follower = position != run_start
    parts = [np.stack([order[run_start[follower]], order[follower]], axis=1)]
    chained = follower & (position - 1 != run_start)
    parts.append(np.stack([order[position[chained] - 1], order[chained]], axis=1))
    for size in range(3, small_bucket + 1):
        first_rows = starts[sizes == size]
        if first_rows.size == 0:
            continue
        left, right = np.triu_indices(size, k=1)
        parts.append(
            np.stack(
                [order[(first_rows[:, None] + left).ravel()],
                 order[(first_rows[:, None] + right).ravel()]],
                axis=1,
            )
        )  # fmt: skip
    return np.concatenate(parts)


def candidate_pairs(signatures: Signature, bands: int, *, small_bucket: int | None = None) -> Pairs:
    """Sorted distinct pairs (i, j), i < j, of rows of `signatures` that share a band.

    Buckets up to `small_bucket` members (default `SMALL_BUCKET`) give all their pairs, larger
    ones a star and a chain. Empty signatures (documents without shingles) never pair.
    """
    limit = SMALL_BUCKET if small_bucket is None else small_bucket
    count = signatures.shape[0]
    if count < 2:
        return np.empty((0, 2), dtype=np.int64)
    keys = band_keys(signatures, bands)
    live = signatures[:, 0] != EMPTY
    found: list[npt.NDArray[np.int64]] = []
    for band in range(keys.shape[1]):
        column = keys[:, band]
        order = np.argsort(column, kind="stable")
        order = order[live[order]].astype(np.int64)
        if order.size < 2:
            continue
        sorted_keys = column[order]
        new_run = np.r_[True, sorted_keys[1:] != sorted_keys[:-1]]
        shared = ~new_run | np.r_[~new_run[1:], False]  # positions in buckets of 2 or more
        if not shared.any():
            continue
        order = order[shared]
        starts = np.flatnonzero(new_run[shared])
        found.append(_bucket_pairs(order, starts, limit))
    if not found:
        return np.empty((0, 2), dtype=np.int64)
    pairs = np.sort(np.concatenate(found), axis=1)
    codes = np.unique(pairs[:, 0] * np.int64(count) + pairs[:, 1])
    return np.stack([codes // count, codes % count], axis=1)
