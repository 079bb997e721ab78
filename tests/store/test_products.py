"""Per-article products: computed once per item, kept in the store, loaded only as records."""

from __future__ import annotations

import dataclasses
import functools
import importlib
import os
import pickle
from pathlib import Path

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

from newsweave import products
from newsweave.executors import LocalExecutor
from newsweave.extract.mentions import NameMention
from newsweave.products import CachingExecutor, ProductCache, canonical, product_of
from newsweave.store import Store
from newsweave.store.products import ProductStore, load_product


def _double(items: list[int], *, offset: int) -> list[int]:
    _double.calls.append(list(items))  # type: ignore[attr-defined]
    return [2 * i + offset for i in items]


_double.calls = []  # type: ignore[attr-defined]


def _totals(items: list[int]) -> list[int]:
    return [sum(items)]  # one result per partition: not a per-item product


@pytest.fixture
def registered(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(products.PRODUCTS, (__name__, "_double"), ("double", 1))
    monkeypatch.setitem(products.PRODUCTS, (__name__, "_totals"), ("totals", 1))
    _double.calls.clear()  # type: ignore[attr-defined]


def test_every_registered_product_function_exists() -> None:
    for (module, name), (kind, version) in products.PRODUCTS.items():
        assert callable(getattr(importlib.import_module(module), name)), (module, name)
        assert kind and version >= 1


@pytest.mark.usefixtures("registered")
def test_each_item_is_computed_once_and_results_keep_input_order() -> None:
    engine = CachingExecutor(LocalExecutor(workers=1))
    task = functools.partial(_double, offset=1)

    assert engine.map_partitions(task, [3, 1, 3, 2], size=2) == [7, 3, 7, 5]
    assert engine.map_partitions(task, [2, 5, 1], size=2) == [5, 11, 3]

    computed = [i for call in _double.calls for i in call]  # type: ignore[attr-defined]
    assert sorted(computed) == [1, 2, 3, 5]


@pytest.mark.usefixtures("registered")
def test_other_options_are_another_product() -> None:
    engine = CachingExecutor(LocalExecutor(workers=1))
    assert engine.map_partitions(functools.partial(_double, offset=1), [4]) == [9]
    assert engine.map_partitions(functools.partial(_double, offset=2), [4]) == [10]
    assert len(_double.calls) == 2  # type: ignore[attr-defined]


def test_unregistered_functions_run_as_they_are() -> None:
    calls: list[list[int]] = []

    def fn(items: list[int]) -> list[int]:
        calls.append(items)
        return items

    engine = CachingExecutor(LocalExecutor(workers=1))
    engine.map_partitions(fn, [1, 2])
    engine.map_partitions(fn, [1, 2])
    assert product_of(fn) is None and len(calls) == 2


@pytest.mark.usefixtures("registered")
def test_a_function_that_is_not_per_item_is_refused() -> None:
    engine = CachingExecutor(LocalExecutor(workers=1))
    with pytest.raises(RuntimeError, match="not per item"):
        engine.map_partitions(_totals, [1, 2, 3])


class _NoPool(LocalExecutor):
    """An executor whose pool must not be used."""

    def map_partitions(self, fn: object, items: object, **options: object) -> list[object]:
        raise AssertionError("map_here sent work to the executor")


@pytest.mark.usefixtures("registered")
def test_map_here_runs_in_this_process_and_keeps_each_item_once(tmp_path: Path) -> None:
    task = functools.partial(_double, offset=1)
    with Store(tmp_path / "s.db") as store:
        cache = ProductCache(backing=ProductStore(store))
        engine = CachingExecutor(_NoPool(workers=1), cache)
        assert products.map_here(engine, task, [3, 1, 3]) == [7, 3, 7]
        assert products.map_here(engine, task, [1, 2]) == [3, 5]
        cache.flush()
    assert _double.calls == [[3, 1], [2]]  # type: ignore[attr-defined]
    _double.calls.clear()  # type: ignore[attr-defined]
    with Store(tmp_path / "s.db") as store:  # a later run finds them in the store
        engine = CachingExecutor(_NoPool(workers=1), ProductCache(backing=ProductStore(store)))
        assert products.map_here(engine, task, [2, 3, 4]) == [5, 7, 9]
        # other options are another product
        assert products.map_here(engine, functools.partial(_double, offset=0), [2]) == [4]
    assert _double.calls == [[4], [2]]  # type: ignore[attr-defined]
    # Without a product cache, the function simply runs.
    assert products.map_here(LocalExecutor(workers=1), task, [2]) == [5]


def test_equal_values_have_one_canonical_form_whatever_objects_hold_them() -> None:
    text = "".join(["Tara", " Reid"])  # a distinct object equal to the literal
    first = NameMention(article_id="a", span=(0, 9), text=text, label="PERSON")
    second = NameMention(article_id="a", span=(0, 9), text="Tara Reid", label="PERSON")
    assert repr(canonical((first, first))) == repr(canonical((first, second)))
    assert repr(canonical(first)) != repr(canonical(NameMention(
        article_id="a", span=(0, 9), text="Tara Reid", label="ORG"
    )))  # fmt: skip


@pytest.mark.usefixtures("registered")
def test_products_are_kept_in_the_store_for_a_later_run(tmp_path: Path) -> None:
    task = functools.partial(_double, offset=0)
    with Store(tmp_path / "s.db") as store:
        cache = ProductCache(backing=ProductStore(store))
        CachingExecutor(LocalExecutor(workers=1), cache).map_partitions(task, [1, 2])
        cache.flush()
    _double.calls.clear()  # type: ignore[attr-defined]
    with Store(tmp_path / "s.db") as store:
        kept = ProductStore(store)
        cache = ProductCache(backing=kept)
        assert CachingExecutor(LocalExecutor(workers=1), cache).map_partitions(task, [2, 3]) == [
            4,
            6,
        ]
        cache.flush()
        assert _double.calls == [[3]]  # type: ignore[attr-defined]
        # The product of 1 was not used by this run: pruned; those of 2 and 3 stay.
        assert kept.prune_products(cache.used) == 1
        assert kept.count_products("double") == 2


def test_records_and_arrays_round_trip_through_the_store(tmp_path: Path) -> None:
    mention = NameMention(article_id="a", span=(0, 4), text="Reid", label="PERSON")
    vectors = np.arange(6, dtype=np.float32).reshape(2, 3)
    with Store(tmp_path / "s.db") as store:
        kept = ProductStore(store)
        kept.put_products("k", [(b"1", "a", ("spacy", (mention,))), (b"2", None, vectors)])
        found = kept.get_products("k", [b"1", b"2", b"3"])
    assert found[b"1"] == ("spacy", (mention,))
    assert np.array_equal(found[b"2"], vectors)  # type: ignore[arg-type]
    assert b"3" not in found


class _Evil:
    def __reduce__(self) -> tuple[object, tuple[str]]:
        return (os.system, ("true",))


def test_a_stored_product_cannot_call_anything_when_loaded(tmp_path: Path) -> None:
    data = pickle.dumps(_Evil())
    with pytest.raises(pickle.UnpicklingError, match="refusing"):
        load_product(data)
    with Store(tmp_path / "s.db") as store:
        kept = ProductStore(store)
        store.connection.execute(
            "INSERT INTO products(kind, key, article_id, data) VALUES ('k', ?, NULL, ?)",
            (b"1", data),
        )
        assert kept.get_products("k", [b"1"]) == {}  # refused: computed again instead


def test_sentence_vectors_are_kept_per_model(tmp_path: Path) -> None:
    vector = np.linspace(0, 1, 4, dtype=np.float32)
    with Store(tmp_path / "s.db") as store:
        kept = ProductStore(store)
        kept.put_vectors("m1", {"A storm hit.": vector})
        assert np.array_equal(kept.get_vectors("m1", ["A storm hit.", "x"])["A storm hit."], vector)
        assert kept.get_vectors("m2", ["A storm hit."]) == {}


def _canonical_before_fast_paths(value: object) -> object:
    """`canonical` as it was before its tuple and list fast path (session 17): the oracle."""
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        fields = dataclasses.fields(value)
        inner = tuple(_canonical_before_fast_paths(getattr(value, f.name)) for f in fields)
        return (type(value).__qualname__, inner)
    if isinstance(value, tuple | list):
        return tuple(_canonical_before_fast_paths(item) for item in value)
    if isinstance(value, dict):
        return tuple(sorted((repr(k), _canonical_before_fast_paths(v)) for k, v in value.items()))
    if isinstance(value, set | frozenset):
        return tuple(sorted(repr(_canonical_before_fast_paths(item)) for item in value))
    return value


_MENTIONS = st.builds(
    NameMention,
    article_id=st.text(max_size=3),
    span=st.tuples(st.integers(0, 9), st.integers(0, 9)),
    text=st.text(max_size=5),
    label=st.sampled_from(["PERSON", "ORG"]),
)
_NESTED = st.recursive(
    st.none() | st.booleans() | st.integers() | st.text(max_size=4) | _MENTIONS,
    lambda inner: (
        st.lists(inner, max_size=4)
        | st.lists(inner, max_size=4).map(tuple)
        | st.dictionaries(st.text(max_size=3), inner, max_size=3)
        | st.frozensets(st.integers() | st.text(max_size=3), max_size=3)
    ),
    max_leaves=20,
)


@given(_NESTED)
def test_canonical_forms_are_those_of_the_slower_walk(value: object) -> None:
    assert repr(canonical(value)) == repr(_canonical_before_fast_paths(value))
