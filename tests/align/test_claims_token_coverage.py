"""Token coverage (`align.coverage`): a detail of a claim is not the claim, more detail is."""

from __future__ import annotations

import pytest

from newsweave.align.claims import ClaimConfig, ClaimScorer
from newsweave.align.coverage import TokenCoverage
from newsweave.align.similarity import term_weights, text_features
from newsweave.embed import get_embedder

needs_model = pytest.mark.skipif(
    get_embedder().mode != "minilm-onnx", reason="needs the MiniLM ONNX model"
)

CLAIM = (
    "Antoine and Anderson were on the front porch of Antoine's residence playing with a "
    "shotgun when Antoine accidentally shot Anderson, police said."
)
DETAIL = (
    "Investigators say Antoine and his friend, 17-year-old Devin Anderson, were playing with a "
    "shotgun on the front porch of Antoine's residence last night around 5:00pm."
)
PARAPHRASE = "Police said Antoine accidentally shot Anderson while the two played with a shotgun."
OTHER = [
    "The school district sent counsellors to the high school on Friday.",
    "Anderson was taken to a hospital, where he died.",
    "Neighbours described the family as quiet.",
]


@needs_model
def test_a_sentence_stating_only_the_setting_does_not_cover_the_claim() -> None:
    coverage = TokenCoverage.of([CLAIM, DETAIL, PARAPHRASE, *OTHER])
    assert coverage is not None
    floor = ClaimConfig().support_token_extra
    assert min(coverage.directions(0, 1)) < floor
    assert min(coverage.directions(0, 2)) >= floor
    # The two directions swap with the two sentences.
    assert coverage.directions(1, 0) == coverage.directions(0, 1)[::-1]


LONGER = (
    "Police said Antoine and Anderson, both 17, were on the front porch of Antoine's home on "
    "Elm Street playing with a shotgun his father kept in a closet when Antoine accidentally "
    "shot Anderson in the chest around 5 p.m. Thursday."
)


def _scorer(texts: list[str]) -> ClaimScorer:
    vectors = get_embedder().embed(texts)
    features = [text_features(t) for t in texts]
    return ClaimScorer(
        vectors, features, term_weights(texts), ClaimConfig(), tokens=TokenCoverage.of(texts)
    )


@needs_model
def test_a_setting_sentence_fails_its_own_direction_and_more_detail_passes() -> None:
    texts = [CLAIM, DETAIL, PARAPHRASE, LONGER, *OTHER]
    coverage = TokenCoverage.of(texts)
    assert coverage is not None
    config = ClaimConfig()
    # The setting sentence carries most of the claim's words: only its own direction parts it.
    claim_found, detail_found = coverage.directions(0, 1)
    assert claim_found >= config.support_token_coverage
    assert detail_found < config.support_token_extra
    scorer = _scorer(texts)
    assert not scorer.covers(0, 1)
    assert scorer.covers(0, 2)
    # The claim with more detail (a place, a time, a wound) still carries the claim.
    assert scorer.covers(0, 3)


@needs_model
def test_a_sentence_covers_itself_fully() -> None:
    coverage = TokenCoverage.of([CLAIM, *OTHER])
    assert coverage is not None
    assert coverage.directions(0, 0) == pytest.approx((1.0, 1.0), abs=1e-3)


def test_the_rule_is_off_without_the_model(monkeypatch: pytest.MonkeyPatch) -> None:
    import newsweave.align.coverage as module

    monkeypatch.setattr(module, "_token_model", lambda: None)
    assert TokenCoverage.of([CLAIM, DETAIL]) is None
