"""Evaluation gate for claim alignment: NAnCo validation must not fall below pinned floors.

Measured 2026-11-22 (docs/evaluation.md, "Claim alignment"): with MiniLM ONNX, balanced accuracy
0.867 at the frozen threshold and 0.863 leave-one-question-out; with the hashed-words fallback,
0.737. Lower a floor only on purpose, with the reason in docs/evaluation.md.
"""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from tests.conftest import REPO, shared_path

FLOOR_BALANCED_ACCURACY = 0.85
FLOOR_LEAVE_ONE_OUT = 0.84
FLOOR_PER_QUESTION = 0.74
FLOOR_FALLBACK = 0.70


@pytest.mark.slow
def test_nanco_eval_prints_one_json_line_above_the_floors() -> None:
    data = shared_path("eval", "nanco")
    result = subprocess.run(
        [sys.executable, str(REPO / "eval" / "nanco.py"), str(data)],
        capture_output=True,
        text=True,
        check=True,
    )
    lines = result.stdout.strip().splitlines()
    assert len(lines) == 1
    metrics = json.loads(lines[0])
    if metrics["embedder"] != "minilm-onnx":
        assert metrics["balanced_accuracy"] >= FLOOR_FALLBACK
        return
    assert metrics["balanced_accuracy"] >= FLOOR_BALANCED_ACCURACY
    assert metrics["leave_one_question_out"] >= FLOOR_LEAVE_ONE_OUT
    assert min(metrics["per_question"].values()) >= FLOOR_PER_QUESTION
    # The blend must beat the embedding alone, or it is not worth its parameters.
    assert metrics["upper_bound_per_question_threshold"] > metrics["cosine_only_upper_bound"]
