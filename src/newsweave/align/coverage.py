"""Two-way content coverage of two sentences by greedy token alignment (BERTScore-style).

A cited sentence that states only a detail of a claim, or presupposes it ("was struck as she
walked into Sam's Club" for "was killed ... when LaSalle struck her"), shares the claim's topic,
words and often a high sentence cosine, so the sentence-level rules let it through. Aligning
each word piece of one sentence with its closest piece of the other (MiniLM's contextual token
vectors, weighted by the piece's inverse frequency in the story) measures how much of each
sentence the other carries: recall (the claim's content found in the cited sentence) and
precision (the cited sentence's content found in the claim). A pair where one side carries
the main event and the other a side detail scores low in at least one direction
(`ClaimScorer.covers` in `align.claims` sets a floor on each).

Only with the model at hand: the hashed fallback has no token vectors, and there the rule is off
(the support rules of `align.claims` decide as before).
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Sequence
from typing import Any

import numpy as np
import numpy.typing as npt

from newsweave.embed import get_embedder

_TokenVectors = tuple[npt.NDArray[np.float32], tuple[str, ...]]


def _token_model() -> tuple[Any, Any] | None:
    """The shared embedder's ONNX session and tokenizer, or None without the model."""
    return get_embedder().token_model


class TokenCoverage:
    """Two-way coverage between sentences of one story (`texts`), token vectors computed on
    demand and kept for the story's life."""

    def __init__(self, texts: Sequence[str], model: tuple[Any, Any]) -> None:
        self.texts = texts
        self.session, self.tokenizer = model
        self.vectors: dict[int, _TokenVectors] = {}
        self._frequency: Counter[str] | None = None
        self.total = len(set(texts))

    @property
    def frequency(self) -> Counter[str]:
        """In how many of the story's distinct sentences each word piece occurs (computed on
        the first pair asked: most stories never ask, and tokenizing costs ~1 ms a sentence)."""
        if self._frequency is None:
            self._frequency = Counter()
            for encoding in self.tokenizer.encode_batch(sorted(set(self.texts))):
                self._frequency.update(set(encoding.tokens[1:-1]))
        return self._frequency

    @classmethod
    def of(cls, texts: Sequence[str]) -> TokenCoverage | None:
        model = _token_model()
        return cls(texts, model) if model is not None else None

    def _weight(self, piece: str) -> float:
        # Punctuation carries no content; frequent pieces ("the", the story's name) little.
        if not any(ch.isalnum() for ch in piece):
            return 0.0
        return math.log((self.total + 1) / (self.frequency.get(piece, 0) + 0.5))

    def _tokens(self, index: int) -> _TokenVectors:
        if index not in self.vectors:
            encoding = self.tokenizer.encode(self.texts[index])
            ids = np.array([encoding.ids], dtype=np.int64)
            (hidden,) = self.session.run(
                None,
                {
                    "input_ids": ids,
                    "attention_mask": np.ones_like(ids),
                    "token_type_ids": np.zeros_like(ids),
                },
            )
            pieces = hidden[0][1:-1].astype(np.float32)  # [CLS] and [SEP] left out
            norms = np.linalg.norm(pieces, axis=1, keepdims=True)
            self.vectors[index] = (
                pieces / np.clip(norms, 1e-9, None),
                tuple(encoding.tokens[1:-1]),
            )
        return self.vectors[index]

    def directions(self, a: int, b: int) -> tuple[float, float]:
        """(a's content found in b, b's content found in a), each 0..1."""
        vectors_a, pieces_a = self._tokens(a)
        vectors_b, pieces_b = self._tokens(b)
        if not pieces_a or not pieces_b:
            return 1.0, 1.0
        similarity = vectors_a @ vectors_b.T
        weights_a = np.array([self._weight(p) for p in pieces_a])
        weights_b = np.array([self._weight(p) for p in pieces_b])
        if weights_a.sum() <= 0 or weights_b.sum() <= 0:
            return 1.0, 1.0
        recall = float((similarity.max(axis=1) * weights_a).sum() / weights_a.sum())
        precision = float((similarity.max(axis=0) * weights_b).sum() / weights_b.sum())
        # Rounded: a near tie must not flip with the float summation order of a platform.
        return round(recall, 4), round(precision, 4)
