from __future__ import annotations

import numpy as np
import pytest

from newsweave.dedupe import signature
from newsweave.dedupe.lsh import band_threshold, candidate_pairs, s_curve

from .helpers import seed_texts


def test_s_curve_is_steep_around_the_band_threshold() -> None:
    threshold = band_threshold(64, 2)
    assert threshold == pytest.approx(0.125)
    assert s_curve(0.05, 64, 2) < 0.2
    assert s_curve(0.35, 64, 2) > 0.99


def test_near_identical_texts_pair_and_different_ones_do_not() -> None:
    texts = seed_texts()
    edited = texts["002"].replace("Kremlin", "Russian government", 1)
    sigs = np.stack([signature(t) for t in (texts["000"], texts["002"], texts["003"], edited)])
    pairs = {tuple(int(x) for x in p) for p in candidate_pairs(sigs, 64)}
    assert (1, 3) in pairs
    assert (0, 2) not in pairs and (2, 3) not in pairs


def test_large_buckets_give_a_linear_number_of_pairs() -> None:
    sigs = np.stack([signature("the same wire story text repeated here")] * 200)
    pairs = candidate_pairs(sigs, 32)
    assert len(pairs) == 199 + 198  # a star from the first member plus a chain of the rest
    assert {int(i) for i in pairs.ravel()} == set(range(200))


def test_empty_signatures_never_pair() -> None:
    sigs = np.stack([signature(""), signature(""), signature("a b c d e f")])
    assert len(candidate_pairs(sigs, 32)) == 0


def test_bands_must_divide_the_signature() -> None:
    with pytest.raises(ValueError, match="bands dividing"):
        candidate_pairs(np.stack([signature("a b c d e")] * 2), 30)
