from __future__ import annotations

import numpy as np
import pytest

from newsweave.dedupe.rewrites import align, content_words, split_sentences, word_alignment


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


def _words(*sentences: str) -> list[frozenset[str]]:
    return [content_words(s) for s in sentences]


def test_content_words_drop_function_words_and_keep_numbers() -> None:
    assert content_words("The Police said 3 men were arrested in Paris.") == {
        "police",
        "3",
        "men",
        "arrested",
        "paris",
    }


def test_word_alignment_counts_sentences_sharing_words_on_the_weaker_side() -> None:
    first = _words(
        "Police arrested three men in Paris on Tuesday.",
        "The suspects will appear before a judge on Friday.",
        "Officials did not release their names.",
    )
    reworded = _words(
        "Officers arrested three men in Paris on Tuesday.",
        "The suspects are expected before a judge on Friday.",
        "Authorities did not release the names.",
    )
    other = _words(
        "A storm closed the airport in Denver overnight.",
        "Flights resume on Friday morning, the airline said.",
        "Police arrested three men in Paris on Tuesday.",
        "Snow fell across the plains.",
    )
    assert word_alignment(first, reworded, overlap=0.3, min_words=3) == 1.0
    # Only one sentence of four (and one of three) has a partner.
    assert word_alignment(first, other, overlap=0.3, min_words=3) == pytest.approx(1 / 4)
    assert word_alignment(first, [], overlap=0.3, min_words=3) == 0.0


def test_sentences_too_short_to_judge_by_their_words_count_as_partnered() -> None:
    first = _words("He was with her when it happened.", "Police arrested three men in Paris.")
    second = _words("He was with her when it took place.", "Police arrested three men in Paris.")
    assert word_alignment(first, second, overlap=0.3, min_words=3) == 1.0
    assert word_alignment(first, second, overlap=0.3, min_words=0) == pytest.approx(1 / 2)
