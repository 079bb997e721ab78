"""A file with more records than `max_records`: read up to the cap, one problem line saying how
to read the rest (issue 14: the cap bounds a run fed a flood; real bulk files must raise it)."""

from __future__ import annotations

import json
from pathlib import Path

from newsweave.cli import _config, build_parser
from newsweave.ingest import IngestConfig, read_inputs
from newsweave.ingest.config import DEFAULT_MAX_RECORDS
from newsweave.model import Problem, RawDoc


def _jsonl(path: Path, n: int) -> str:
    lines = (json.dumps({"text": f"Record {i}: the gauge rose by {i} cm."}) for i in range(n))
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return str(path)


def test_the_cap_problem_names_the_limit_and_how_to_raise_it(tmp_path: Path) -> None:
    source = _jsonl(tmp_path / "export.jsonl", 12)
    items = list(read_inputs([source], config=IngestConfig(max_records=10)))
    docs = [i for i in items if isinstance(i, RawDoc)]
    problems = [i for i in items if isinstance(i, Problem)]
    assert len(docs) == 10
    assert len(problems) == 1
    assert problems[0].source == source
    error = problems[0].error
    assert error.startswith("more than 10 records (the max_records limit)")
    assert "--max-records N" in error and "max_records = N" in error and "[ingest]" in error


def test_a_file_at_the_cap_is_read_whole_without_a_problem(tmp_path: Path) -> None:
    source = _jsonl(tmp_path / "export.jsonl", 10)
    items = list(read_inputs([source], config=IngestConfig(max_records=10)))
    assert sum(isinstance(i, RawDoc) for i in items) == 10
    assert not any(isinstance(i, Problem) for i in items)


def test_max_records_option_raises_the_cap_for_analyze_and_ingest() -> None:
    parser = build_parser()
    for argv in (
        ["analyze", "x.jsonl", "--max-records", "100000"],
        ["ingest", "x.jsonl", "--db", "n.db", "--max-records", "100000"],
    ):
        assert _config(parser.parse_args(argv)).ingest.max_records == 100_000
    default = _config(parser.parse_args(["analyze", "x.jsonl"]))
    assert default.ingest.max_records == DEFAULT_MAX_RECORDS


def test_max_records_option_keeps_the_config_file_and_field_settings(tmp_path: Path) -> None:
    settings = tmp_path / "settings.toml"
    settings.write_text("[ingest]\nmax_records = 7\nmax_problems = 3\n", encoding="utf-8")
    args = build_parser().parse_args(
        ["analyze", "x.jsonl", "--config", str(settings), "--field", "text=body"]
    )
    assert _config(args).ingest.max_records == 7  # the file's value without the option
    with_option = ["analyze", "x.jsonl", "--config", str(settings), "--field", "text=body"]
    args = build_parser().parse_args([*with_option, "--max-records", "20"])
    ingest = _config(args).ingest
    assert (ingest.max_records, ingest.max_problems) == (20, 3)
    assert ingest.names("text") == ("body",)
