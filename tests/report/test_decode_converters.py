"""Records read back from JSON by converters built once per type hint (issue 15, session 20).

The decoder read each field's type hint again for every value (`typing.get_origin` and
`get_args`); it now builds one converter per hint. The old reader is kept here as the oracle:
the same records, field by field, from the sample report, from stored articles, and from
JSON objects with missing, unknown and null fields.
"""

from __future__ import annotations

import dataclasses
import json
import types
import typing
from typing import Any, TypeVar, cast

import pytest

from newsweave import model
from newsweave.report import decode
from newsweave.report.decode import from_plain, report_from_dict
from newsweave.report.json import dumps, to_plain
from newsweave.store.codec import article_from_json, article_to_json
from tests.report.sample import sample_report

T = TypeVar("T")


def _old_convert(hint: Any, value: Any) -> Any:
    if value is None:
        return None
    origin = typing.get_origin(hint)
    if origin in (typing.Union, types.UnionType):
        options = [h for h in typing.get_args(hint) if h is not type(None)]
        return _old_convert(options[0], value) if len(options) == 1 else value
    if origin is tuple:
        args = typing.get_args(hint)
        if len(args) == 2 and args[1] is Ellipsis:
            return tuple(_old_convert(args[0], item) for item in value)
        return tuple(_old_convert(a, item) for a, item in zip(args, value, strict=True))
    if origin is dict:
        return dict(value)
    if isinstance(hint, type) and dataclasses.is_dataclass(hint):
        return _old_from_plain(hint, value)
    return value


def _old_from_plain(cls: type[T], data: dict[str, Any]) -> T:
    hints = typing.get_type_hints(cast(Any, cls), vars(model))
    fields = {f.name for f in dataclasses.fields(cls)}  # type: ignore[arg-type]
    values = {name: _old_convert(hints[name], data[name]) for name in fields if name in data}
    return cls(**values)


def _same(a: object, b: object) -> None:
    """Equal, and of the same types all the way down (a list is no tuple)."""
    assert type(a) is type(b)
    assert a == b
    if isinstance(a, tuple | list):
        for x, y in zip(a, cast(Any, b), strict=True):
            _same(x, y)
    elif dataclasses.is_dataclass(a) and not isinstance(a, type):
        for field in dataclasses.fields(a):
            _same(getattr(a, field.name), getattr(b, field.name))
    elif isinstance(a, dict):
        for key in a:
            _same(a[key], cast(Any, b)[key])


def test_the_report_reads_back_as_the_old_reader_read_it() -> None:
    data = json.loads(dumps(sample_report()))
    _same(report_from_dict(data), _old_from_plain(model.Report, data))
    assert report_from_dict(data) == sample_report()


def test_stored_articles_read_back_as_the_old_reader_read_them() -> None:
    for article in sample_report().articles:
        text = article_to_json(article)
        _same(article_from_json(text), _old_from_plain(model.Article, json.loads(text)))


def test_missing_unknown_and_null_fields_read_as_before() -> None:
    article = sample_report().articles[0]
    plain = to_plain(article)
    variants = [
        {k: v for k, v in plain.items() if k not in {"dates", "copy_of"}},
        {**plain, "unknown": 1, "copy_of": None, "dates": []},
        {**plain, "copy_of": {"article_id": "x", "kind": "exact", "similarity": 1.0}},
    ]
    for data in variants:
        _same(from_plain(model.Article, data), _old_from_plain(model.Article, data))


def test_each_hint_is_read_once(monkeypatch: pytest.MonkeyPatch) -> None:
    """Fails with the old reader: it asked `typing.get_origin` for every value it read."""
    texts = [article_to_json(a) for a in sample_report().articles] * 50
    for built in ("_converter", "_fields"):  # what this run built (none with the old reader)
        getattr(decode, built, decode._hints).cache_clear()
    asked: list[object] = []
    real = typing.get_origin

    def counting(hint: Any) -> Any:
        asked.append(hint)
        return real(hint)

    monkeypatch.setattr(decode.typing, "get_origin", counting)
    for text in texts:
        article_from_json(text)
    assert asked and len(asked) == len(set(map(repr, asked)))
