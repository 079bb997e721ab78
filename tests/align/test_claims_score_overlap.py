"""`ClaimScorer.score` sums the shared terms' story weights itself (session 20): the same
scores as `similarity.lexical_overlap` with the story's weights, which is kept as the oracle."""

from __future__ import annotations

import random

import numpy as np
import pytest

from newsweave.align.claims import ClaimConfig, ClaimScorer
from newsweave.align.similarity import (
    TermWeights,
    combine,
    lexical_overlap,
    number_agreement,
    term_weights,
    text_features,
)

WORDS = [
    "police", "said", "the", "gunman", "shot", "two", "officers", "in", "Baytown", "on",
    "Friday", "and", "took", "them", "hostage", "before", "fleeing", "on", "foot", "3", "4",
    "12", "three", "dozen", "Kremlin", "telegram", "congratulations", "Biden", "election",
]  # fmt: skip


def _old_score(scorer: ClaimScorer, i: int, j: int, *, support: bool = False) -> float:
    cosine = float(scorer.vectors[i] @ scorer.vectors[j])
    fi, fj = scorer.features[i], scorer.features[j]
    config = scorer.config.support_similarity if support else scorer.config.similarity
    score = combine(
        cosine,
        lexical_overlap(fi, fj, scorer.weights, totals=(scorer.totals[i], scorer.totals[j])),
        number_agreement(fi, fj),
        config=config,
    )
    return round(score, 5)


def _scorer(rng: random.Random, size: int) -> ClaimScorer:
    texts = [" ".join(rng.choices(WORDS, k=rng.randint(0, 12))) for _ in range(size)]
    features = [text_features(t) for t in texts]
    vectors = np.random.default_rng(rng.randrange(1 << 30)).standard_normal((size, 8))
    vectors = (vectors / np.linalg.norm(vectors, axis=1, keepdims=True)).astype(np.float32)
    weights = term_weights(features, topic=" ".join(rng.choices(WORDS, k=3)))
    return ClaimScorer(vectors, features, weights, ClaimConfig())


def test_scores_are_the_old_ones() -> None:
    rng = random.Random(20)
    for _ in range(200):
        scorer = _scorer(rng, rng.randint(2, 12))
        n = len(scorer.features)
        for i in range(n):
            for j in range(n):
                for support in (False, True):
                    assert scorer.score(i, j, support=support) == _old_score(
                        scorer, i, j, support=support
                    )


def test_a_pair_is_scored_without_a_method_call_per_term(monkeypatch: pytest.MonkeyPatch) -> None:
    scorer = _scorer(random.Random(1), 6)

    def refused(self: TermWeights, term: str) -> float:
        raise AssertionError("weights read term by term")

    monkeypatch.setattr(TermWeights, "of", refused)
    assert all(0.0 <= scorer.score(i, j) <= 1.0 for i in range(6) for j in range(6))
