from __future__ import annotations

import numpy as np

from newsweave.embed import Embedder


def test_a_vector_does_not_depend_on_its_batch_or_the_cache() -> None:
    sentence = "Russian President Vladimir Putin has sent a congratulatory telegram to Biden."
    long = "The earthquake struck northern Chile on Tuesday, destroying buildings. " * 4
    alone = Embedder().embed([sentence])[0]
    warm = Embedder()
    warm.embed([long])
    batched = warm.embed([long, sentence, "short", sentence])
    assert np.array_equal(batched[1], alone) and np.array_equal(batched[3], alone)
    assert np.array_equal(warm.embed([sentence])[0], alone)


def test_paraphrases_are_closer_than_unrelated_sentences() -> None:
    vectors = Embedder().embed(
        [
            "can, despite their differences, effectively contribute to solving many problems",
            "can really contribute to solving many problems",
            "The earthquake struck northern Chile on Tuesday.",
        ]
    )
    assert vectors[0] @ vectors[1] > 0.6
    assert vectors[0] @ vectors[2] < 0.2


def test_fallback_runs_without_the_model() -> None:
    embedder = Embedder(prefer_model=False)
    assert embedder.mode == "hashed-bow"
    vectors = embedder.embed(["solving many problems together", "solving many problems", "x"])
    assert np.allclose(np.linalg.norm(vectors, axis=1), 1.0)
    assert vectors[0] @ vectors[1] > vectors[0] @ vectors[2]
