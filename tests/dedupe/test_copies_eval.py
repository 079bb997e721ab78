"""Evaluation gate for copy detection (eval/copies.py on ECB+; skipped when the data is absent).

Floors sit a little under the measured numbers in docs/evaluation.md; lower one only on purpose.
"""

from __future__ import annotations

import importlib.util
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

from tests.conftest import shared_path

REPO = Path(__file__).resolve().parents[2]


def _eval_module() -> ModuleType:
    spec = importlib.util.spec_from_file_location("eval_copies", REPO / "eval" / "copies.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _run(*args: str) -> dict[str, Any]:
    data = shared_path("eval", "ecbplus")
    metrics: dict[str, Any] = _eval_module().main([str(data), *args])
    return metrics


@pytest.mark.slow
def test_exact_and_near_copies_floor_on_all_of_ecbplus() -> None:
    metrics = _run("--no-rewrites")
    kinds = metrics["kinds"]
    assert kinds["exact"]["precision"] == 1.0 and kinds["exact"]["recall"] == 1.0
    assert kinds["near"]["precision"] >= 0.98
    assert kinds["near"]["recall"] >= 0.93
    assert metrics["same_event_joined"] == 0
    assert metrics["pairs"]["precision"] >= 0.98
    assert metrics["original_accuracy"] >= 0.98


@pytest.mark.slow
def test_rewrites_floor_on_ecbplus_dev() -> None:
    metrics = _run("--split", "dev")
    kinds = metrics["kinds"]
    assert kinds["rewritten"]["precision"] >= 0.9
    assert kinds["rewritten"]["recall"] >= 0.85
    assert kinds["near"]["precision"] >= 0.95
    assert metrics["same_event_joined"] <= 2
    assert metrics["pairs"]["precision"] >= 0.95
    assert metrics["pairs"]["recall"] >= 0.9
