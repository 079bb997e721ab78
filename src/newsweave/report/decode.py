"""JSON objects back into records: the inverse of `report.json._plain`, driven by type hints."""

from __future__ import annotations

import dataclasses
import types
import typing
from functools import cache
from typing import Any, TypeVar, cast

from newsweave import model

T = TypeVar("T")


@cache
def _hints(cls: Any) -> dict[str, Any]:
    return typing.get_type_hints(cls, vars(model))


def _convert(hint: Any, value: Any) -> Any:
    if value is None:
        return None
    origin = typing.get_origin(hint)
    if origin in (typing.Union, types.UnionType):
        options = [h for h in typing.get_args(hint) if h is not type(None)]
        return _convert(options[0], value) if len(options) == 1 else value
    if origin is tuple:
        args = typing.get_args(hint)
        if len(args) == 2 and args[1] is Ellipsis:
            return tuple(_convert(args[0], item) for item in value)
        return tuple(_convert(a, item) for a, item in zip(args, value, strict=True))
    if origin is dict:
        return dict(value)
    if isinstance(hint, type) and dataclasses.is_dataclass(hint):
        return from_plain(hint, value)
    return value


def from_plain(cls: type[T], data: dict[str, Any]) -> T:
    """A record of type `cls` from its JSON object (unknown keys ignored, missing defaulted)."""
    hints = _hints(cast(Any, cls))
    fields = {f.name for f in dataclasses.fields(cls)}  # type: ignore[arg-type]
    values = {name: _convert(hints[name], data[name]) for name in fields if name in data}
    return cls(**values)


def report_from_dict(data: dict[str, Any]) -> model.Report:
    """A `Report` from the JSON export."""
    return from_plain(model.Report, data)
