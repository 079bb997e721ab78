"""Rewrites: the same article paraphrased, spun or translated back, found by sentence alignment.

Shingles fail on a rewrite (its wording changes throughout), so two articles are compared
sentence by sentence in embedding space: each sentence of A takes its most similar sentence
of B; a sentence is *aligned* when that cosine clears a threshold. A rewrite has most sentences
of both articles aligned, mostly in the same order. Two outlets reporting the same event share
facts, names and even long quotes, but each tells the story its own way: only a part of either
article aligns, and what does comes in another order. That difference is what the thresholds
in `DedupeConfig` separate (calibrated on eval/copies.py, see there).
"""

from __future__ import annotations

import bisect
import re

import numpy as np
import numpy.typing as npt

from newsweave.embed import get_embedder
from newsweave.model import record

Vectors = npt.NDArray[np.float32]

# Fragments shorter than this ("Reuters", "Photo: AP", "Advertisement") carry no statement and
# would align with anything of the same outlet; 4 words keeps every real news sentence.
MIN_SENTENCE_WORDS = 4
_NEXT = r"(?=[\"'“‘(\[]?[A-Z0-9])"
_BOUNDARY = re.compile(rf"(?<=[.!?])\s+{_NEXT}|(?<=[.!?][\"'”’)\]])\s+{_NEXT}|\n\s*\n", re.UNICODE)
_WORD = re.compile(r"\w+", re.UNICODE)


@record
class Alignment:
    """How two articles' sentences align.

    `aligned_first`/`aligned_second`: share of each article's sentences whose best match in the
    other clears the threshold; `in_order`: share of the first article's aligned sentences that
    keep their order in the second (longest increasing subsequence of matched positions).
    """

    aligned_first: float
    aligned_second: float
    in_order: float
    sentences_first: int
    sentences_second: int

    @property
    def similarity(self) -> float:
        """The weaker side's aligned share: how much of the pair is the same article."""
        return min(self.aligned_first, self.aligned_second)


def split_sentences(text: str) -> list[str]:
    """Sentences of `text` with at least `MIN_SENTENCE_WORDS` words (rule-based, fast)."""
    pieces = (piece.strip() for piece in _BOUNDARY.split(text))
    return [p for p in pieces if len(_WORD.findall(p)) >= MIN_SENTENCE_WORDS]


def embed_partition(texts: list[str]) -> list[tuple[str, Vectors]]:
    """Map step: (embedder mode, unit sentence vectors) of each text, in order.

    All sentences of the partition go to the embedder in one call, so it can batch by length.
    """
    embedder = get_embedder()
    sentences = [split_sentences(text) for text in texts]
    flat = [s for group in sentences for s in group]
    vectors = embedder.embed(flat)
    out: list[tuple[str, Vectors]] = []
    start = 0
    for group in sentences:
        out.append((embedder.mode, vectors[start : start + len(group)]))
        start += len(group)
    return out


def _longest_increasing(values: list[int]) -> int:
    """Length of the longest non-decreasing subsequence (patience sorting).

    Non-decreasing: two sentences of a rewrite that split one original sentence both match it.
    """
    tails: list[int] = []
    for value in values:
        position = bisect.bisect_right(tails, value)
        if position == len(tails):
            tails.append(value)
        else:
            tails[position] = value
    return len(tails)


def align(first: Vectors, second: Vectors, *, threshold: float) -> Alignment:
    """Align the sentences of two articles (rows: unit sentence vectors)."""
    count_first, count_second = first.shape[0], second.shape[0]
    if count_first == 0 or count_second == 0:
        return Alignment(
            aligned_first=0.0,
            aligned_second=0.0,
            in_order=0.0,
            sentences_first=count_first,
            sentences_second=count_second,
        )
    cosine = first @ second.T
    best_for_first = cosine.argmax(axis=1)
    hit_first = cosine.max(axis=1) >= threshold
    hit_second = cosine.max(axis=0) >= threshold
    matched = [int(j) for j in best_for_first[hit_first]]
    in_order = _longest_increasing(matched) / len(matched) if matched else 0.0
    return Alignment(
        aligned_first=float(hit_first.mean()),
        aligned_second=float(hit_second.mean()),
        in_order=in_order,
        sentences_first=count_first,
        sentences_second=count_second,
    )
