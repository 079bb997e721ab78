"""The JSON report written record by record has the bytes of the whole document encoded at once."""

from __future__ import annotations

import dataclasses
import json
from pathlib import Path

from newsweave.model import Provenance, Report
from newsweave.report.json import dumps, iter_json, report_to_dict, write_json
from tests.report.sample import sample_report


def _whole(report: Report) -> str:
    """The encoding before streaming: one dict, one `json.dumps`."""
    return json.dumps(report_to_dict(report), ensure_ascii=False, indent=2) + "\n"


def test_streamed_json_has_the_bytes_of_the_whole_document() -> None:
    report = sample_report()
    assert report.articles and report.claims  # records nested several levels deep
    assert dumps(report) == _whole(report)


def test_empty_fields_and_no_provenance_are_written_as_the_whole_encoder_writes_them() -> None:
    empty = Report(version="1")
    assert dumps(empty) == _whole(empty)
    some = dataclasses.replace(
        sample_report(),
        quotes=(),
        modes={},
        provenance=Provenance(version="1", config_hash="abc"),
    )
    assert dumps(some) == _whole(some)


def test_each_piece_holds_at_most_one_record() -> None:
    report = sample_report()
    pieces = list(iter_json(report))
    longest = max(len(dumps(dataclasses.replace(report, articles=(a,)))) for a in report.articles)
    assert max(len(p) for p in pieces) < longest
    assert "".join(pieces) == _whole(report)


def test_write_json_writes_the_same_bytes(tmp_path: Path) -> None:
    path = tmp_path / "report.json"
    write_json(sample_report(), str(path))
    assert path.read_bytes() == _whole(sample_report()).encode("utf-8")
