"""The repo's copy of the report schema extends the shared contract and never breaks it."""

from __future__ import annotations

import dataclasses
import json
from pathlib import Path
from typing import Any

import jsonschema

from newsweave.model import Quote
from newsweave.report.json import report_to_dict
from tests.conftest import shared_path
from tests.report.sample import sample_report

REPO_SCHEMA = Path(__file__).resolve().parents[2] / "spec" / "report.schema.json"


def _contains(extended: Any, base: Any, path: str = "") -> list[str]:
    """Where `extended` drops or changes something `base` says (extra keys are allowed)."""
    if isinstance(base, dict):
        if not isinstance(extended, dict):
            return [path or "/"]
        return [p for k, v in base.items() for p in _contains(extended.get(k), v, f"{path}/{k}")]
    return [] if extended == base else [path]


def test_the_repo_schema_keeps_everything_the_shared_contract_says() -> None:
    shared = json.loads(shared_path("spec", "report.schema.json").read_text(encoding="utf-8"))
    ours = json.loads(REPO_SCHEMA.read_text(encoding="utf-8"))
    assert _contains(ours, shared) == []


def test_a_quote_with_a_described_speaker_validates_against_both_schemas() -> None:
    base = sample_report()
    quote = dataclasses.replace(base.quotes[0], speaker=None, speaker_text="a local official")
    data = report_to_dict(dataclasses.replace(base, quotes=(quote,)))
    assert data["quotes"][0]["speaker_text"] == "a local official"
    for schema_path in (REPO_SCHEMA, shared_path("spec", "report.schema.json")):
        jsonschema.validate(data, json.loads(schema_path.read_text(encoding="utf-8")))
    assert "speaker_text" in {f.name for f in dataclasses.fields(Quote)}
