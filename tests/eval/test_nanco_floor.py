"""Evaluation floor for the same-statement scorer on NAnCo, at the threshold the product ships.

Measured 2026-12-02 (eval/nanco.py): with MiniLM ONNX, balanced accuracy 0.864 leave-one-question-
out at `ClaimConfig.threshold` (0.32), MiniLM cosine alone 0.860. Lower a floor only on purpose,
with the reason in docs/evaluation.md.
"""

from __future__ import annotations

import importlib
import sys

import pytest

from tests.conftest import REPO, shared_path

FLOOR_SHIPPED = 0.85
FLOOR_FALLBACK = 0.70


@pytest.mark.slow
def test_nanco_at_the_shipped_threshold_stays_above_the_floor() -> None:
    shared_path("eval", "nanco")
    sys.path.insert(0, str(REPO / "eval"))
    try:
        nanco = importlib.import_module("nanco")
    finally:
        sys.path.remove(str(REPO / "eval"))
    figures = nanco.figures(quick=True)
    shipped = next(f for f in figures if "ClaimConfig.threshold" in f.metric)
    assert shipped.baseline_value is not None
    if "minilm" not in shipped.data:
        assert shipped.value >= FLOOR_FALLBACK
        return
    assert shipped.value >= FLOOR_SHIPPED
    # The blend must not lose to the embedding alone, or it is not worth its parameters.
    assert shipped.value >= shipped.baseline_value
