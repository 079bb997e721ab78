from __future__ import annotations

import random

import numpy as np
import pytest

from newsweave.dedupe import estimate_jaccard, signature
from newsweave.dedupe.minhash import EMPTY, merge, minhash, permutations
from newsweave.dedupe.shingles import text_shingles, words
from newsweave.dedupe.synth import near_copy

from .helpers import seed_texts


def _true_jaccard(first: str, second: str) -> float:
    a, b = text_shingles(first), text_shingles(second)
    shared = np.intersect1d(a, b).size
    return shared / (a.size + b.size - shared)


def _pairs() -> list[tuple[str, str]]:
    """Real text pairs over a spread of Jaccard similarities: seeds, cut and edited copies."""
    texts = list(seed_texts().values())
    pairs = []
    for number, text in enumerate(texts):
        rng = random.Random(number)
        for variant in ("furniture", "truncate", "edit"):
            pairs.append((text, near_copy(text, rng, variant)))
        pairs.append((text, texts[(number + 1) % len(texts)]))
        half = " ".join(text.split()[: len(text.split()) // 2])
        pairs.append((text, half + " " + texts[(number + 2) % len(texts)]))
    return pairs


def test_signature_is_a_fixed_length_uint64_array() -> None:
    sig = signature(seed_texts()["000"])
    assert sig.dtype == np.uint64
    assert sig.shape == (128,)
    assert np.array_equal(sig, signature(seed_texts()["000"]))
    assert np.array_equal(np.frombuffer(sig.tobytes(), dtype=np.uint64), sig)


def test_same_words_in_other_case_and_spacing_have_equal_signatures() -> None:
    text = seed_texts()["001"]
    assert np.array_equal(signature(text), signature("  " + text.upper().replace(" ", "\n ")))


def test_empty_text_signature_is_empty_and_estimates_zero() -> None:
    empty = signature("")
    assert np.all(empty == EMPTY)
    assert estimate_jaccard(empty, empty) == 0.0


def test_estimate_rejects_signatures_of_different_lengths() -> None:
    with pytest.raises(ValueError, match="same num_perm"):
        estimate_jaccard(signature("a b c d e f", num_perm=64), signature("a b c d e f"))


def test_merge_is_the_signature_of_the_union() -> None:
    first, second = seed_texts()["000"], seed_texts()["003"]
    union = np.union1d(text_shingles(first), text_shingles(second))
    assert np.array_equal(merge(signature(first), signature(second)), minhash(union))


def test_estimates_agree_with_datasketch_and_the_true_jaccard() -> None:
    datasketch = pytest.importorskip("datasketch")
    ours_errors, their_errors = [], []
    for first, second in _pairs():
        truth = _true_jaccard(first, second)
        ours = estimate_jaccard(signature(first), signature(second))
        sketches = []
        for text in (first, second):
            tokens = words(text)
            grams = {" ".join(tokens[i : i + 5]) for i in range(max(len(tokens) - 4, 1))}
            sketch = datasketch.MinHash(num_perm=128, seed=1)
            sketch.update_batch([g.encode("utf-8") for g in sorted(grams)])
            sketches.append(sketch)
        theirs = sketches[0].jaccard(sketches[1])
        # 128 permutations: standard error <= 0.044; 0.16 is > 3.5 standard errors.
        assert abs(ours - truth) < 0.16, (ours, truth)
        assert abs(ours - theirs) < 0.2, (ours, theirs)
        ours_errors.append(abs(ours - truth))
        their_errors.append(abs(theirs - truth))
    spread = [_true_jaccard(a, b) for a, b in _pairs()]
    assert min(spread) < 0.1 and max(spread) > 0.8
    # Same accuracy as the oracle on average (both around 0.02-0.03 here).
    assert np.mean(ours_errors) < 0.05
    assert np.mean(ours_errors) < 2 * np.mean(their_errors) + 0.01


def test_long_inputs_are_signed_in_blocks_with_the_same_result() -> None:
    shingles = text_shingles(" ".join(f"word{i % 9000} w{i}" for i in range(12_000)))
    assert shingles.size > 4096 * 2
    a, b = permutations(128)
    values = np.multiply.outer(a, shingles) + b[:, None]
    reduced = (values & np.uint64((1 << 61) - 1)) + (values >> np.uint64(61))
    assert np.array_equal(minhash(shingles), reduced.min(axis=1))
