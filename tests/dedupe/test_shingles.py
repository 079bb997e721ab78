from __future__ import annotations

import numpy as np

from newsweave.dedupe.shingles import normalize, text_shingles, tokenize, words


def test_normalize_ignores_case_and_whitespace() -> None:
    assert normalize("  The  Kremlin\n\nsaid\tso ") == normalize("the kremlin said so")


def test_words_are_case_folded_without_punctuation() -> None:
    assert words("Putin, 68, said: “Ready.”") == ["putin", "68", "said", "ready"]


def test_tokenize_hashes_each_word_the_same_wherever_it_is() -> None:
    tokens = tokenize("Putin, Biden — PUTIN “putin” putin’s")
    assert tokens.hashes.dtype == np.uint64
    first = tokens.hashes
    assert first.size == words("Putin, Biden - PUTIN putin putin s").__len__()
    assert first[0] == first[2] == first[3] == first[4] != first[1]
    assert np.array_equal(first, tokenize("Putin, Biden — PUTIN “putin” putin’s").hashes)
    assert tokens.lengths.tolist() == [5, 5, 5, 5, 5, 1]


def test_tokenize_agrees_with_the_word_regex_on_plain_text() -> None:
    text = "The 538 electors met on Monday; Biden won 306-232 (as projected) in the U.S. vote."
    assert tokenize(text).hashes.size == len(words(text))
    assert tokenize(text).numeric.tolist() == [w[0].isdigit() for w in words(text)]
    assert tokenize("").hashes.size == 0


def test_shingles_are_sorted_distinct_five_grams() -> None:
    text = "one two three four five six seven"
    shingles = text_shingles(text)
    assert shingles.size == 3
    assert np.all(shingles[:-1] < shingles[1:])
    doubled = text_shingles(text + " " + text)
    assert doubled.size == 7  # 10 five-grams, 3 of them repeated
    assert np.isin(shingles, doubled).all()


def test_word_order_changes_shingles() -> None:
    assert not np.array_equal(text_shingles("a b c d e"), text_shingles("e d c b a"))


def test_short_text_is_one_shingle_and_empty_text_none() -> None:
    assert text_shingles("just three words").size == 1
    assert text_shingles("  ...  ").size == 0
