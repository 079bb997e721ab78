"""Support must state the claim's specific content (audit 5, ECB+ 3_ecbplus): a sentence that
shares only part of a compound claim is not its support, however close its embedding."""

from __future__ import annotations

import numpy as np

from newsweave.align.claims import ClaimConfig, ClaimScorer
from newsweave.align.similarity import term_weights, text_features

COMPOUND = (
    "During the escape, Arcade Comeaux allegedly produced a weapon and fired upon two "
    "correctional officers, took them hostage and forced them to drive to Baytown, where he "
    "restrained the officers in the back of the van and took their firearms."
)
PART = (
    "Officials said Arcade Comeaux, 49, took two transport officers hostage on Monday morning "
    "and then escaped from the vehicle and took off on foot."
)
RESTATED = (
    "Comeaux allegedly produced a weapon, fired upon two correctional officers, took them "
    "hostage and forced them to drive to Baytown, where he restrained them and took their "
    "firearms."
)
OTHER = [
    "The Texas Department of Criminal Justice is searching for an escaped inmate.",
    "Rewards totaling $30,000 are offered for information leading to his arrest.",
    "He was serving a life sentence for crimes committed in three Texas counties.",
]


def scorer(cosine: float, config: ClaimConfig) -> tuple[ClaimScorer, list[str]]:
    """A scorer over the story's sentences where sentence 0 and 1 have the given cosine."""
    texts = [COMPOUND, PART, RESTATED, *OTHER]
    features = [text_features(t) for t in texts]
    vectors = np.zeros((len(texts), 8), dtype=np.float32)
    vectors[:, 7] = 1.0
    vectors[0] = [1.0, 0, 0, 0, 0, 0, 0, 0]
    side = float(np.sqrt(1 - cosine**2))
    vectors[1] = [cosine, side, 0, 0, 0, 0, 0, 0]
    vectors[2] = [cosine, 0, side, 0, 0, 0, 0, 0]
    return ClaimScorer(vectors, features, term_weights(features), config, None), texts


def test_part_of_a_compound_claim_is_no_support_however_close() -> None:
    config = ClaimConfig()
    close, texts = scorer(0.82, config)
    assert close.coverage(0, 1) < config.support_coverage
    assert not close.states(0, 1, texts)
    # The same content in other words still supports it.
    assert close.coverage(0, 2) >= config.support_coverage
    assert close.states(0, 2, texts)


def test_coverage_yields_to_a_near_paraphrase_cosine() -> None:
    strict = ClaimConfig(support_coverage=1.0)
    far, texts = scorer(0.82, strict)
    assert far.coverage(0, 2) < 1.0
    assert not far.states(0, 2, texts)
    # Above `support_coverage_cosine` the coverage rule stands aside (the score rules decide).
    near, texts = scorer(0.95, strict)
    assert near.states(0, 2, texts)
