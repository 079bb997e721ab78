"""A cited sentence whose own statement is something else does not state a claim that only a
clause on its subject says (claims14, read after its untouched run, session 15)."""

from __future__ import annotations

import numpy as np
import pytest

from newsweave.align.claims import ClaimConfig, ClaimScorer, _FactsOf
from newsweave.align.similarity import term_weights, text_features
from newsweave.align.statement import default_parser
from newsweave.model import Evidence

CLAIM = (
    "Garrard, who rushed for a score, finished with 28-of-41 for 329 yards with one touchdown "
    "and one interception for Jacksonville."
)
SUBJECT_CLAUSE = (
    "Garrard, who completed 28 passes for 329 yards, ran for two yards to give Jacksonville a "
    "14-0 lead in the second quarter."
)
OWN_STATEMENT = (
    "Garrard, who was sacked twice, completed 28 of 41 passes for 329 yards with a touchdown "
    "and an interception."
)
BACKGROUND_CLAIM = (
    "LaRue discounted rumors that he was Deep Throat, saying the mysterious source for "
    "Washington Post reporters Bob Woodward and Carl Bernstein on the Watergate story was "
    "probably a combination of several people."
)
BACKGROUND = (
    'He was one of many Nixon-era figures rumored over the years to be "Deep Throat," the '
    "undercover source of Washington Post reporters Bob Woodward and Carl Bernstein."
)
FIRED = "On Saturday, Cheeks was fired as head coach of the Philadelphia 76ers."
FIRED_ATTR = (
    "Maurice Cheeks became the fifth NBA head coach to be fired this season, after the "
    "Philadelphia 76ers notified the former point guard of his dismissal Saturday morning."
)
OTHER = [
    "The Colts beat the Jaguars 28-24 on Thursday night.",
    "Peyton Manning threw for 364 yards and three touchdowns.",
    "LaRue died at his home in Biloxi, Mississippi.",
]


def detail_scorer(texts: list[str]) -> ClaimScorer:
    features = [text_features(t) for t in texts]
    vectors = np.eye(len(texts), dtype=np.float32)
    facts = _FactsOf(
        [Evidence(article_id=str(i), span=(0, len(t)), text=t) for i, t in enumerate(texts)],
        [()] * len(texts),
        [()] * len(texts),
    )
    return ClaimScorer(vectors, features, term_weights(features), ClaimConfig(), facts)


@pytest.fixture(scope="module")
def scorer() -> ClaimScorer:
    if default_parser() is None:
        pytest.skip("no spaCy parser")
    texts = [CLAIM, SUBJECT_CLAUSE, OWN_STATEMENT, BACKGROUND_CLAIM, BACKGROUND, FIRED]
    return detail_scorer([*texts, FIRED_ATTR, *OTHER])


def test_a_clause_on_the_subject_is_not_the_sentence_statement(scorer: ClaimScorer) -> None:
    assert scorer.states_a_detail(0, 1)


def test_a_relative_clause_beside_the_claim_own_statement_keeps_it(scorer: ClaimScorer) -> None:
    assert not scorer.states_a_detail(0, 2)


def test_background_on_a_copular_complement_is_not_the_claim(scorer: ClaimScorer) -> None:
    assert scorer.states_a_detail(3, 4)


def test_a_predicate_carrying_the_claim_terms_states_it(scorer: ClaimScorer) -> None:
    # "became the fifth NBA head coach to be fired": the claim's terms are in the predicate.
    assert not scorer.states_a_detail(5, 6)


def test_off_without_a_parse_or_at_zero() -> None:
    texts = [CLAIM, SUBJECT_CLAUSE, *OTHER]
    features = [text_features(t) for t in texts]
    vectors = np.eye(len(texts), dtype=np.float32)
    plain = ClaimScorer(vectors, features, term_weights(features), ClaimConfig(), None)
    assert not plain.states_a_detail(0, 1)
    off = detail_scorer(texts)
    off.config = ClaimConfig(support_detail_predicate=0.0)
    assert not off.states_a_detail(0, 1)
