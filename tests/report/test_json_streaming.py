"""The JSON report written record by record has the bytes of the whole document encoded at once."""

from __future__ import annotations

import dataclasses
import json
from pathlib import Path

import pytest

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


@dataclasses.dataclass(frozen=True)
class _Odd:
    """Values a record can hold that the whole-document encoder writes in its own ways."""

    text: str
    number: float
    count: int
    flag: bool
    nothing: None
    items: tuple[object, ...]
    table: dict[object, object]


class _Label(str):
    pass


class _Count(int):
    pass


def _odd_values() -> list[object]:
    import numpy as np

    strings = ["", "plain", 'quote " and \\ back', "line\nbreak\ttab\r\x00\x1f\x7f", "é ü 中文 😀",
               "\u2028\u2029", "\ud800 lone surrogate", "</script>"]  # fmt: skip
    floats = [0.0, -0.0, 1.23456789, 1e-9, 12345678901234567890.0, 2.5e-5, float("nan"),
              float("inf"), float("-inf"), np.float64(0.333333)]  # fmt: skip
    out: list[object] = [*strings, *floats, 0, -7, 10**30, True, False, None, (), [], {}]
    out += [_Label("sub"), _Count(3), (1, (2, ()), [{}])]
    out += [{"b": 1, "a": [1.5, {"z": None}], "3": "three"}, {2: "two", 1: (0.5,)}]
    out.append(
        _Odd(
            text="x\ny",
            number=0.123456,
            count=2,
            flag=False,
            nothing=None,
            items=tuple(strings + floats),
            table={"k": _Odd("", 1.0, 0, True, None, (), {}), "e": {}},
        )
    )
    return out


def test_every_kind_of_value_has_the_whole_encoders_bytes_at_any_depth() -> None:
    import numpy as np

    from newsweave.report.json import _encoded, to_plain

    for value in _odd_values():
        expected = json.dumps(to_plain(value), ensure_ascii=False, indent=2)
        for depth in (0, 1, 2, 5):
            assert _encoded(value, depth) == expected.replace("\n", "\n" + "  " * depth), value
    # What it cannot write, it refuses as json does.
    for value in (np.float32(0.5), object(), {1, 2}):
        with pytest.raises(TypeError):
            json.dumps(to_plain(value))
        with pytest.raises(TypeError):
            _encoded(value, 1)


def test_whether_a_type_is_a_record_is_asked_once_per_type(monkeypatch: pytest.MonkeyPatch) -> None:
    """Session 20 (issue 15): the encoder asked `dataclasses.is_dataclass` of every list, tuple
    and dict it wrote (839,230 calls, ~10 % of encoding the report of 10,000 articles); it now
    asks once per type, and writes text and whole numbers in lists and records in place. The
    bytes are the whole encoder's (the tests above)."""
    from newsweave.report import json as report_json

    report = sample_report()
    asked: list[type] = []
    real = dataclasses.is_dataclass

    def counting(value: object) -> bool:
        asked.append(type(value))
        return real(value)

    expected = _whole(report)
    monkeypatch.setattr(report_json, "_FIELD_KEYS", {})
    monkeypatch.setattr(report_json.dataclasses, "is_dataclass", counting)
    assert dumps(report) == expected
    assert asked and len(asked) == len(set(asked))
