from __future__ import annotations

import numpy as np
import pytest

from newsweave.dedupe.rewrites import align, split_sentences


def test_split_sentences_drops_fragments_and_keeps_statements() -> None:
    text = 'Advertisement\n\nPutin sent a telegram on Tuesday. "I am ready for contacts," he said.'
    assert split_sentences(text) == [
        "Putin sent a telegram on Tuesday.",
        '"I am ready for contacts," he said.',
    ]


def _unit(rows: list[list[float]]) -> np.ndarray:
    matrix = np.array(rows, dtype=np.float32)
    return matrix / np.linalg.norm(matrix, axis=1, keepdims=True)


def test_identical_sentences_align_fully_in_order() -> None:
    vectors = _unit([[1, 0, 0], [0, 1, 0], [0, 0, 1]])
    alignment = align(vectors, vectors, threshold=0.9)
    assert alignment.aligned_first == alignment.aligned_second == alignment.in_order == 1.0
    assert alignment.similarity == 1.0


def test_reversed_order_is_measured() -> None:
    vectors = _unit([[1, 0, 0, 0], [0, 1, 0, 0], [0, 0, 1, 0], [0, 0, 0, 1]])
    alignment = align(vectors, vectors[::-1].copy(), threshold=0.9)
    assert alignment.aligned_first == 1.0
    assert alignment.in_order == pytest.approx(0.25)


def test_partly_shared_articles_align_partly() -> None:
    first = _unit([[1, 0, 0, 0], [0, 1, 0, 0], [0, 0, 1, 0]])
    second = _unit([[1, 0.1, 0, 0], [0, 0, 0, 1]])
    alignment = align(first, second, threshold=0.9)
    assert alignment.aligned_first == pytest.approx(1 / 3)
    assert alignment.aligned_second == pytest.approx(1 / 2)
    assert alignment.similarity == pytest.approx(1 / 3)


def test_empty_articles_align_nothing() -> None:
    empty = np.zeros((0, 3), dtype=np.float32)
    assert align(empty, _unit([[1, 0, 0]]), threshold=0.5).similarity == 0.0
