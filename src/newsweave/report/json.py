"""The JSON export: records to plain objects; the same report always gives the same bytes.

The text is written record by record (`iter_json`): a report of 10,000 articles is a few hundred
megabytes of JSON and several times that as one dict of plain objects, so the whole report is
never turned into one object at once. The bytes are those of `json.dumps` over the whole dict
(two-space indent, keys in field order, `ensure_ascii=False`): JSON escapes every newline inside
a string, so the line breaks of one record's text are all structural and re-indenting them by
its depth gives exactly what the whole-document encoder writes.
"""

from __future__ import annotations

import dataclasses
import json
import math
from collections.abc import Iterator
from json.encoder import encode_basestring
from typing import Any

from newsweave.model import Report

# Similarities are rounded so that tiny floating-point differences between engines (BLAS kernels,
# summation order) never change the bytes of the report.
FLOAT_DIGITS = 4

_INDENT = "  "


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


def _encoded(value: Any, depth: int) -> str:
    """`value` as indented JSON text for a place `depth` levels deep in the document: the text of
    `json.dumps(to_plain(value), ensure_ascii=False, indent=2)` with every line break indented by
    `depth` more levels.

    Written directly from the records (`json.dumps` with an indent runs its pure-Python encoder,
    one generator per level): 1.9 -> 0.6 CPU s for the report of 2,000 articles, same bytes.
    """
    return _encode(value, "\n" + _INDENT * depth)


# Each record type's fields with the JSON text of their keys, and the infinities json writes.
# A type that is no dataclass maps to None, so that `dataclasses.is_dataclass` is asked once per
# type, not once per value (it was ~10 % of encoding a report of 10,000 articles).
_FIELD_KEYS: dict[type, tuple[tuple[str, str], ...] | None] = {}
_INF = float("inf")


def _float(value: float) -> str:
    value = round(value, FLOAT_DIGITS)
    if math.isnan(value):
        return "NaN"
    if value == _INF:
        return "Infinity"
    if value == -_INF:
        return "-Infinity"
    return float.__repr__(value)


def _field_keys(value: Any, kind: type) -> tuple[tuple[str, str], ...] | None:
    """The (field name, JSON key text) pairs of a dataclass instance's type, else None."""
    try:
        return _FIELD_KEYS[kind]
    except KeyError:
        pass
    keys = None
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        keys = tuple((f.name, encode_basestring(f.name) + ": ") for f in dataclasses.fields(value))
    _FIELD_KEYS[kind] = keys
    return keys


def _encode(value: Any, newline: str) -> str:
    """`value` as `json.dumps(to_plain(value), ensure_ascii=False, indent=2)` writes it, each of
    its line breaks followed by `newline`'s indent instead of none.

    The values a report holds most (text, whole numbers, None) are written in place by the
    record and list branches instead of by a call of their own: 5.2 million calls for the
    report of 10,000 articles, most of them for such leaves."""
    kind = type(value)
    if kind is str:
        return encode_basestring(value)
    if kind is int:
        return int.__repr__(value)
    if value is None:
        return "null"
    if value is True:
        return "true"
    if value is False:
        return "false"
    if kind is float:
        return _float(value)
    inner = newline + _INDENT
    if kind is tuple or kind is list:
        if not value:
            return "[]"
        parts = []
        for item in value:
            item_kind = type(item)
            if item_kind is str:
                parts.append(encode_basestring(item))
            elif item_kind is int:
                parts.append(int.__repr__(item))
            else:
                parts.append(_encode(item, inner))
        return "[" + inner + ("," + inner).join(parts) + newline + "]"
    keys = _field_keys(value, kind)
    if keys is not None:
        if not keys:
            return "{}"
        fields = []
        for name, key in keys:
            item = getattr(value, name)
            item_kind = type(item)
            if item_kind is str:
                fields.append(key + encode_basestring(item))
            elif item is None:
                fields.append(key + "null")
            elif item_kind is int:
                fields.append(key + int.__repr__(item))
            else:
                fields.append(key + _encode(item, inner))
        return "{" + inner + ("," + inner).join(fields) + newline + "}"
    if kind is dict:
        # to_plain's dict: keys sorted, then made text (two keys of one text: the later value)
        plain = {str(key): item for key, item in sorted(value.items())}
        if not plain:
            return "{}"
        items = [
            encode_basestring(key) + ": " + _encode(item, inner) for key, item in plain.items()
        ]
        return "{" + inner + ("," + inner).join(items) + newline + "}"
    # Anything else (subclasses of the plain types, arrays): exactly what json.dumps writes.
    text = json.dumps(to_plain(value), ensure_ascii=False, indent=len(_INDENT))
    return text.replace("\n", newline)


def iter_json(report: Report) -> Iterator[str]:
    """The report's JSON text in pieces of at most one record each (see the module docstring).

    `"".join(iter_json(report)) == dumps(report)`; a writer that consumes the pieces as they come
    holds one record's plain objects at a time.
    """
    names = [f.name for f in dataclasses.fields(report)]
    yield "{"
    for number, name in enumerate(names):
        yield ("\n" if number == 0 else ",\n") + f"{_INDENT}{json.dumps(name)}: "
        value = getattr(report, name)
        if not isinstance(value, tuple | list) or not value:
            yield _encoded(value, 1)
            continue
        yield "["
        for index, item in enumerate(value):
            yield ("\n" if index == 0 else ",\n") + _INDENT * 2 + _encoded(item, 2)
        yield "\n" + _INDENT + "]"
    yield ("\n}" if names else "}") + "\n"


def dumps(report: Report) -> str:
    """The report as JSON text (UTF-8, stable key order, two-space indent, trailing newline)."""
    return "".join(iter_json(report))


def write_json(report: Report, path: str) -> None:
    """Write the report to `path` ("-" for standard output is handled by the CLI), record by
    record."""
    with open(path, "w", encoding="utf-8", newline="\n") as handle:
        handle.writelines(iter_json(report))
