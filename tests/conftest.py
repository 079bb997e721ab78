"""Shared fixtures: paths to the bundled sample corpus and the labelled eval data."""

from __future__ import annotations

from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
EXAMPLES = REPO / "examples"
SHARED = REPO.parent / "shared"
SCHEMA = SHARED / "spec" / "report.schema.json"


@pytest.fixture
def examples_dir() -> Path:
    return EXAMPLES


def shared_path(*parts: str) -> Path:
    """A path under ../shared; tests that need it skip when it is absent."""
    path = SHARED.joinpath(*parts)
    if not path.exists():
        pytest.skip(f"{path} is not present")
    return path
