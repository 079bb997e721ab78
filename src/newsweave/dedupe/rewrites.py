"""Rewrites: the same article paraphrased, spun or translated back, found by sentence alignment.

Shingles fail on a rewrite (its wording changes throughout), so two articles are compared
sentence by sentence in embedding space: each sentence of A takes its most similar sentence
of B; a sentence is *aligned* when that cosine clears a threshold. A rewrite has most sentences
of both articles aligned, mostly in the same order. Two outlets reporting the same event share
facts, names and even long quotes, but each tells the story its own way: only a part of either
article aligns, and what does comes in another order. That difference is what the thresholds
in `DedupeConfig` separate (calibrated on eval/copies.py, see there).

Embedding is the costly part, so a pair is embedded only when its words allow a rewrite
(`word_alignment`): a sentence the model aligns at the calibrated cosine shares content words
with its match (MiniLM cosine >= 0.8: content-word Dice >= 0.3 for 98.9 % of 7,313 such sentence
pairs of ECB+ and the built copies), so a pair where few sentences have any such partner cannot
reach the aligned share a rewrite needs, and its sentences are never embedded.
"""

from __future__ import annotations

import bisect
import re

import numpy as np
import numpy.typing as npt

from newsweave.dedupe.fingerprints import STOPWORDS
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


def content_words(sentence: str) -> frozenset[str]:
    """The case-folded words of `sentence` that are not function words (one-letter words
    dropped, numbers kept), as `fingerprints.content_words` chooses them."""
    return frozenset(
        word
        for word in _WORD.findall(sentence.casefold())
        if word not in STOPWORDS and (len(word) > 1 or word.isdigit())
    )


def word_alignment(
    first: list[frozenset[str]], second: list[frozenset[str]], *, overlap: float, min_words: int
) -> float:
    """The weaker side's share of sentences that have a partner sharing words, from the
    sentences' content words alone (no model).

    A sentence has a partner when the Dice coefficient of its content words with those of some
    sentence of the other article is at least `overlap`. A sentence with fewer than
    `min_words` content words ("He was with her when it happened.") cannot be judged by its
    words and counts as having one: the share then bounds from above what the model can align.
    """
    if not first or not second:
        return 0.0
    hit_first = [len(words) < min_words for words in first]
    hit_second = [len(words) < min_words for words in second]
    for i, one in enumerate(first):
        for j, other in enumerate(second):
            if hit_first[i] and hit_second[j]:
                continue
            shared = len(one & other)
            if shared and 2 * shared >= overlap * (len(one) + len(other)):
                hit_first[i] = hit_second[j] = True
    return min(sum(hit_first) / len(first), sum(hit_second) / len(second))


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


def longest_increasing(values: list[int], *, strict: bool = False) -> int:
    """Length of the longest non-decreasing subsequence (patience sorting); increasing if `strict`.

    Non-decreasing: two sentences of a rewrite that split one original sentence both match it.
    """
    place = bisect.bisect_left if strict else bisect.bisect_right
    tails: list[int] = []
    for value in values:
        position = place(tails, value)
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
    in_order = longest_increasing(matched) / len(matched) if matched else 0.0
    return Alignment(
        aligned_first=float(hit_first.mean()),
        aligned_second=float(hit_second.mean()),
        in_order=in_order,
        sentences_first=count_first,
        sentences_second=count_second,
    )
