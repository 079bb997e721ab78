"""JSON objects back into records: the inverse of `report.json._plain`, driven by type hints.

Each type hint is read once into a converter (`_converter`): reading the hints again for every
value (`typing.get_origin` / `get_args` per field of every record) was most of the cost of
reading a store's articles back (`Store.articles`: 2.8 of the 145 profiled CPU s of a +1 %
`ingest` step at 2,000 articles, once per step) and of decoding a stored report.
"""

from __future__ import annotations

import dataclasses
import types
import typing
from collections.abc import Callable
from functools import cache
from typing import Any, TypeVar, cast

from newsweave import model

T = TypeVar("T")

_Convert = Callable[[Any], Any]


@cache
def _hints(cls: Any) -> dict[str, Any]:
    return typing.get_type_hints(cls, vars(model))


def _same(value: Any) -> Any:
    return value


@cache
def _converter(hint: Any) -> _Convert:
    """The function `_convert(hint, value)` is for every value: the hint read once.

    Every converter gives None for None, as `_convert` does before it reads the hint."""
    origin = typing.get_origin(hint)
    if origin in (typing.Union, types.UnionType):
        options = [h for h in typing.get_args(hint) if h is not type(None)]
        return _converter(options[0]) if len(options) == 1 else _same
    if origin is tuple:
        args = typing.get_args(hint)
        if len(args) == 2 and args[1] is Ellipsis:
            item = _converter(args[0])
            if item is _same:
                return lambda value: None if value is None else tuple(value)
            return lambda value: None if value is None else tuple([item(v) for v in value])
        items = tuple(_converter(a) for a in args)
        return lambda value: (
            None
            if value is None
            else tuple([convert(v) for convert, v in zip(items, value, strict=True)])
        )
    if origin is dict:
        return lambda value: None if value is None else dict(value)
    if isinstance(hint, type) and dataclasses.is_dataclass(hint):
        record = cast(Any, hint)
        return lambda value: None if value is None else from_plain(record, value)
    return _same


def _convert(hint: Any, value: Any) -> Any:
    """`value` (a JSON value) as the type `hint` says (tuples, dicts, records; None stays)."""
    return _converter(hint)(value)


@cache
def _fields(cls: Any) -> tuple[tuple[str, _Convert], ...]:
    """Each field of the record type `cls` with the converter of its hint."""
    hints = _hints(cls)
    return tuple((f.name, _converter(hints[f.name])) for f in dataclasses.fields(cls))


def from_plain(cls: type[T], data: dict[str, Any]) -> T:
    """A record of type `cls` from its JSON object (unknown keys ignored, missing defaulted)."""
    fields = _fields(cast(Any, cls))
    values = {name: convert(data[name]) for name, convert in fields if name in data}
    return cls(**values)


def report_from_dict(data: dict[str, Any]) -> model.Report:
    """A `Report` from the JSON export."""
    return from_plain(model.Report, data)
