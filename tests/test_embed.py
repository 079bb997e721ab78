from __future__ import annotations

import numpy as np

from newsweave.embed import Embedder, token_batches


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


def test_batches_hold_at_most_a_token_budget_shortest_first() -> None:
    lengths = [256, 10, 12, 256, 40, 11, 256, 256, 256]
    batches = token_batches(lengths, max_items=32, max_tokens=512)
    assert sorted(i for batch in batches for i in batch) == list(range(len(lengths)))
    for batch in batches:
        assert len(batch) * max(lengths[i] for i in batch) <= 512
    assert batches[0] == [1, 5, 2, 4]  # the short ones together, shortest first
    assert [len(b) for b in batches[1:]] == [2, 2, 1]
    assert token_batches([600, 5], max_tokens=512) == [[1], [0]]  # too long: alone


def test_a_long_input_beside_short_ones_gets_the_vector_it_gets_alone() -> None:
    long = "The earthquake struck northern Chile on Tuesday, destroying buildings. " * 30
    short = "Russian President Vladimir Putin has sent a congratulatory telegram to Biden."
    alone = [Embedder().embed([t])[0] for t in (long, short)]
    together = Embedder().embed([short, long, *[f"{short} {i}" for i in range(40)]])
    assert np.array_equal(together[1], alone[0]) and np.array_equal(together[0], alone[1])
