"""`narration_runs` (one numpy pass over a text) finds what `sentence_runs` finds sentence by
sentence: the same (run hash, sentence) pairs, for any run length."""

from __future__ import annotations

import numpy as np
import pytest

from newsweave.dedupe.shingles import tokenize, tokenize_parts
from newsweave.dedupe.voices import _SENTENCE_RE, narration_runs, sentence_runs

TEXTS = [
    "",
    "I said so. We went home.",
    'Police said the man, 34, was "very calm" when officers arrived at the house on Elm '
    "Street late on Friday night.\n\nThe man was taken to the county jail and charged with "
    "burglary, police said. “He was calm,” said a neighbour, who saw it all from the porch.",
    "İstanbul’s Straße und ΑΣ — words… words «words» 3.5 million people, no-break\u00a0space "
    'here and there; a lone quote mark " runs past this sentence and on. Next one here now.',
]


def _oracle(text: str, run_words: int) -> set[tuple[int, int]]:
    return {
        (int(h), number)
        for number, sentence in enumerate(_SENTENCE_RE.findall(text))
        for h in sentence_runs(sentence, run_words)
    }


@pytest.mark.parametrize("run_words", [1, 3, 5, 15])
@pytest.mark.parametrize("text", TEXTS)
def test_narration_runs_are_the_sentence_runs_of_each_sentence(text: str, run_words: int) -> None:
    hashes, sentences = narration_runs(text, run_words)
    found = list(zip(hashes.tolist(), sentences.tolist(), strict=True))
    assert found == sorted(_oracle(text, run_words))
    assert hashes.dtype == np.uint64 and sentences.dtype == np.int64


def test_tokenize_parts_gives_each_part_its_own_words() -> None:
    parts = ["Straße ΑΣ one", "", "two—three", "“four” five", "ß"]
    hashes, owners = tokenize_parts(parts)
    expected = [(int(h), i) for i, part in enumerate(parts) for h in tokenize(part).hashes]
    assert list(zip(hashes.tolist(), owners.tolist(), strict=True)) == expected
