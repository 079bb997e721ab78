"""Two-way token coverage (`align.coverage`): a detail of a claim is not the claim."""

from __future__ import annotations

import pytest

from newsweave.align.claims import ClaimConfig
from newsweave.align.coverage import TokenCoverage
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
    floor = ClaimConfig().support_token_coverage
    assert coverage.two_way(0, 1) < floor
    assert coverage.two_way(0, 2) >= floor
    # Symmetric by construction: the smaller of the two directions.
    assert coverage.two_way(1, 0) == coverage.two_way(0, 1)


@needs_model
def test_a_sentence_covers_itself_fully() -> None:
    coverage = TokenCoverage.of([CLAIM, *OTHER])
    assert coverage is not None
    assert coverage.two_way(0, 0) == pytest.approx(1.0, abs=1e-3)


def test_the_rule_is_off_without_the_model(monkeypatch: pytest.MonkeyPatch) -> None:
    import newsweave.align.coverage as module

    monkeypatch.setattr(module, "_token_model", lambda: None)
    assert TokenCoverage.of([CLAIM, DETAIL]) is None
