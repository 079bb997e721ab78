"""The whole job on the bundled sample corpus, through the CLI and the Python API."""

from __future__ import annotations

import gzip
import json
import shutil
from pathlib import Path
from typing import Any

import jsonschema
import pytest

import newsweave
from newsweave.cli import main
from newsweave.executors import make_executor
from newsweave.report.json import dumps
from tests.conftest import EXAMPLES, shared_path

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def seed_report() -> newsweave.Report:
    return newsweave.analyze([str(EXAMPLES)])


def test_cli_writes_a_report_that_validates_against_the_schema(tmp_path: Path) -> None:
    out = tmp_path / "report.json"
    assert main(["analyze", str(EXAMPLES), "-o", str(out), "--no-progress"]) == 0
    schema = json.loads(shared_path("spec", "report.schema.json").read_text(encoding="utf-8"))
    report = json.loads(out.read_text(encoding="utf-8"))
    jsonschema.validate(report, schema)
    assert len(report["articles"]) == 4
    assert report["problems"] == []


@pytest.mark.parametrize("fmt", ["md", "html"])
def test_cli_writes_markdown_and_html(tmp_path: Path, fmt: str) -> None:
    out = tmp_path / "new" / "folder" / f"report.{fmt}"
    assert main(["analyze", str(EXAMPLES), "-o", str(out), "--no-progress"]) == 0
    text = out.read_text(encoding="utf-8")
    assert "Putin" in text


def test_bad_inputs_become_problems_and_the_batch_goes_on(tmp_path: Path) -> None:
    corpus = tmp_path / "in"
    shutil.copytree(EXAMPLES, corpus)
    (corpus / "empty.txt").write_bytes(b"")
    (corpus / "binary.bin").write_bytes(bytes(range(256)) * 64)
    varied = " ".join(f"word{i * 7919 % 10007}" for i in range(3000)).encode()
    (corpus / "broken.txt.gz").write_bytes(gzip.compress(varied)[:2000])
    (corpus / "lines.jsonl").write_text(
        '{"text": "A short text about nothing much at all."}\n[1, 2]\nnot json\n'
    )
    out = tmp_path / "report.json"
    assert (
        main(
            ["analyze", str(corpus), str(tmp_path / "missing.txt"), "-o", str(out), "--no-progress"]
        )
        == 1
    )
    report = json.loads(out.read_text(encoding="utf-8"))
    sources = " ".join(p["source"] for p in report["problems"])
    for name in (
        "empty.txt",
        "binary.bin",
        "broken.txt.gz",
        "lines.jsonl#2",
        "lines.jsonl#3",
        "missing.txt",
    ):
        assert name in sources
    assert all("\n" not in p["error"] for p in report["problems"])
    assert len([a for a in report["articles"] if a["source"].endswith(".txt")]) == 4


def test_input_order_does_not_change_the_report(seed_report: newsweave.Report) -> None:
    files = sorted(str(p) for p in EXAMPLES.glob("*.txt"))
    assert dumps(newsweave.analyze(files[::-1])) == dumps(seed_report)


def test_dask_gives_byte_identical_report(seed_report: newsweave.Report) -> None:
    executor = make_executor("dask", workers=2)
    try:
        assert dumps(newsweave.analyze([str(EXAMPLES)], executor=executor)) == dumps(seed_report)
    finally:
        executor.close()


def test_ingest_is_idempotent_and_incremental(tmp_path: Path) -> None:
    db = tmp_path / "n.db"
    files = sorted(EXAMPLES.glob("*.txt"))
    added, _ = newsweave.ingest_into([str(f) for f in files[:2]], db)
    assert len(added) == 2
    added, report = newsweave.ingest_into([str(f) for f in files], db)
    assert len(added) == 2 and len(report.articles) == 4
    added, again = newsweave.ingest_into([str(f) for f in files], db)
    assert added == [] and dumps(again) == dumps(report)


def test_an_unwritable_output_is_a_one_line_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("x")
    assert (
        main(["analyze", str(EXAMPLES / "001_06a7b271a246a29e.txt"), "-o", str(blocker / "r.json")])
        == 2
    )
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and "cannot write the report" in err[0]


def _undeclared(value: Any, schema: Any, path: str, defs: Any) -> list[str]:
    """Keys of `value` that `schema` (the repo copy; `defs` its $defs) does not declare."""
    while "$ref" in schema:
        schema = defs[schema["$ref"].rsplit("/", 1)[-1]]
    if isinstance(value, dict):
        declared = schema.get("properties", {})
        found = [f"{path}.{k}" for k in value if k not in declared]
        for key, item in value.items():
            if key in declared:
                found += _undeclared(item, declared[key], f"{path}.{key}", defs)
        if isinstance(schema.get("additionalProperties"), dict):
            return [f for f in found if f.count(".") > path.count(".") + 1]
        return found
    if isinstance(value, list) and isinstance(schema.get("items"), dict):
        return [p for v in value for p in _undeclared(v, schema["items"], f"{path}[]", defs)]
    return []


def test_the_repo_schema_declares_every_field_the_report_writes(
    seed_report: newsweave.Report,
) -> None:
    # The shared contract lets objects carry more than it lists; the repo's copy documents
    # each extension, so a new field cannot ship undocumented.
    repo_schema = json.loads(
        (Path(__file__).resolve().parents[1] / "spec" / "report.schema.json").read_text("utf-8")
    )
    report = json.loads(dumps(seed_report))
    jsonschema.validate(report, repo_schema)
    defs = repo_schema.get("$defs", {})
    assert sorted(set(_undeclared(report, repo_schema, "$", defs))) == []


def test_the_report_says_which_same_statement_check_ran(seed_report: newsweave.Report) -> None:
    assert seed_report.modes["statements"] == "spacy-parser"
