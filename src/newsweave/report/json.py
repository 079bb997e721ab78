"""The JSON export: records to plain objects; the same report always gives the same bytes."""

from __future__ import annotations

import dataclasses
import json
from typing import Any

from newsweave.model import Report

# Similarities are rounded so that tiny floating-point differences between engines (BLAS kernels,
# summation order) never change the bytes of the report.
FLOAT_DIGITS = 4


def to_plain(value: Any) -> Any:
    """Records, tuples and dicts as JSON-ready objects (floats rounded to FLOAT_DIGITS)."""
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: to_plain(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, tuple | list):
        return [to_plain(item) for item in value]
    if isinstance(value, dict):
        return {str(key): to_plain(item) for key, item in sorted(value.items())}
    if isinstance(value, float):
        return round(value, FLOAT_DIGITS)
    return value


def report_to_dict(report: Report) -> dict[str, Any]:
    """The report as JSON-ready objects whose field names follow spec/report.schema.json."""
    out: dict[str, Any] = to_plain(report)
    return out


def dumps(report: Report) -> str:
    """The report as JSON text (UTF-8, stable key order, two-space indent, trailing newline)."""
    return json.dumps(report_to_dict(report), ensure_ascii=False, indent=2) + "\n"


def write_json(report: Report, path: str) -> None:
    """Write the report to `path` ("-" for standard output is handled by the CLI)."""
    with open(path, "w", encoding="utf-8", newline="\n") as handle:
        handle.write(dumps(report))
