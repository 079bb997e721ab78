"""Per-article products and sentence vectors kept in the store, for later `ingest` runs.

Tables (created on first use; older stores simply have none yet, so the schema version stays):
    products(kind, key, article_id, data)   one row per product (`newsweave.products`): `key` is
                                            the content key of the item and of every option and
                                            model version that can change the product
    vectors(key, model, data)               sentence vectors the stages run in the parent
                                            process asked for (brief, timeline, quotes), keyed
                                            by a hash of the sentence, for one model
    ingested(key)                           input records already read into this store, by a
                                            hash of the record and the reading settings: a
                                            batch of known records is not cleaned again

Products are Python records and NumPy arrays, written with pickle and read back with an
unpickler that builds only newsweave record types and NumPy arrays (a store file found
somewhere cannot make it call anything else).
"""

from __future__ import annotations

import hashlib
import io
import pickle
import sqlite3
from collections.abc import Iterable, Iterator, Sequence
from typing import Any, Final

import numpy as np
import numpy.typing as npt

from newsweave.errors import StoreError
from newsweave.store.sqlite import Store

_SCHEMA: Final = """
CREATE TABLE IF NOT EXISTS products (
    kind TEXT NOT NULL, key BLOB NOT NULL, article_id TEXT, data BLOB NOT NULL,
    PRIMARY KEY (kind, key)
);
CREATE TABLE IF NOT EXISTS vectors (
    key BLOB NOT NULL, model TEXT NOT NULL, data BLOB NOT NULL, PRIMARY KEY (key, model)
);
CREATE TABLE IF NOT EXISTS ingested (key BLOB PRIMARY KEY) WITHOUT ROWID;
"""
# SQLite's default limit of host parameters is 32,766; lookups go in chunks well below it.
_CHUNK: Final = 500

_NUMPY_MODULES: Final = frozenset(
    {"numpy", "numpy.core.multiarray", "numpy._core.multiarray", "numpy.core.numeric",
     "numpy._core.numeric"}
)  # fmt: skip
_NUMPY_NAMES: Final = frozenset({"_reconstruct", "_frombuffer", "ndarray", "dtype", "scalar"})
_BUILTINS: Final = frozenset({"tuple", "list", "dict", "set", "frozenset", "bytes", "complex"})


class _RecordUnpickler(pickle.Unpickler):
    """Builds newsweave record types, NumPy arrays and plain containers, nothing else."""

    def find_class(self, module: str, name: str) -> Any:
        if module in _NUMPY_MODULES and name in _NUMPY_NAMES:
            return super().find_class(module, name)
        if module == "builtins" and name in _BUILTINS:
            return super().find_class(module, name)
        if module == "newsweave" or module.startswith("newsweave."):
            found = super().find_class(module, name)
            if isinstance(found, type):
                return found
        raise pickle.UnpicklingError(f"refusing to load {module}.{name} from a store")


def dump_product(value: object) -> bytes:
    return pickle.dumps(value, protocol=5)


def load_product(data: bytes) -> object:
    return _RecordUnpickler(io.BytesIO(data)).load()


def text_key(text: str) -> bytes:
    return hashlib.blake2b(text.encode("utf-8", "surrogatepass"), digest_size=16).digest()


class ProductStore:
    """The products, vectors and ingested-record tables of one `Store` opened for writing."""

    def __init__(self, store: Store) -> None:
        if store.read_only:
            raise StoreError(f"{store.path}: opened read-only")
        self._db: sqlite3.Connection = store.connection
        with self._db:
            self._db.executescript(_SCHEMA)

    def _rows_with_keys(
        self, query: str, fixed: tuple[object, ...], keys: Sequence[bytes]
    ) -> Iterator[tuple[Any, ...]]:
        """Rows of `query` (ending in `key IN ({marks})`) for `keys`, asked in chunks."""
        for start in range(0, len(keys), _CHUNK):
            chunk = keys[start : start + _CHUNK]
            marks = ",".join("?" * len(chunk))
            yield from self._db.execute(query.format(marks=marks), (*fixed, *chunk))

    # ---- products ------------------------------------------------------------------------------

    def get_products(self, kind: str, keys: Sequence[bytes]) -> dict[bytes, object]:
        out: dict[bytes, object] = {}
        query = "SELECT key, data FROM products WHERE kind=? AND key IN ({marks})"
        for key, data in self._rows_with_keys(query, (kind,), keys):
            try:
                out[bytes(key)] = load_product(bytes(data))
            except (pickle.UnpicklingError, AttributeError, ImportError, EOFError, TypeError):
                continue  # written by another version: computed again
        return out

    def known_products(self, kind: str, keys: Sequence[bytes]) -> set[bytes]:
        """Which of `keys` of `kind` are stored (none loaded)."""
        query = "SELECT key FROM products WHERE kind=? AND key IN ({marks})"
        return {bytes(row[0]) for row in self._rows_with_keys(query, (kind,), keys)}

    def put_products(self, kind: str, rows: Sequence[tuple[bytes, str | None, object]]) -> None:
        with self._db:
            self._db.executemany(
                "INSERT OR REPLACE INTO products(kind, key, article_id, data) VALUES (?,?,?,?)",
                [(kind, key, article_id, dump_product(value)) for key, article_id, value in rows],
            )

    def prune_products(self, used: dict[str, set[bytes]]) -> int:
        """Drop products of the kinds in `used` that this run did not use; returns how many.

        A product goes stale when its article changes (a new copy link, an inferred date): its
        key is then never asked for again.
        """
        removed = 0
        with self._db:
            self._db.execute("CREATE TEMP TABLE IF NOT EXISTS live (key BLOB PRIMARY KEY)")
            for kind, keys in sorted(used.items()):
                self._db.execute("DELETE FROM live")
                self._db.executemany(
                    "INSERT OR IGNORE INTO live(key) VALUES (?)", ((k,) for k in keys)
                )
                cursor = self._db.execute(
                    "DELETE FROM products WHERE kind=? AND key NOT IN (SELECT key FROM live)",
                    (kind,),
                )
                removed += cursor.rowcount
            self._db.execute("DROP TABLE live")
        return removed

    def count_products(self, kind: str | None = None) -> int:
        if kind is None:
            row = self._db.execute("SELECT count(*) FROM products").fetchone()
        else:
            row = self._db.execute("SELECT count(*) FROM products WHERE kind=?", (kind,)).fetchone()
        return int(row[0])

    # ---- sentence vectors ----------------------------------------------------------------------

    def get_vectors(self, model: str, texts: list[str]) -> dict[str, npt.NDArray[np.float32]]:
        by_key = {text_key(t): t for t in texts}
        out: dict[str, npt.NDArray[np.float32]] = {}
        query = "SELECT key, data FROM vectors WHERE model=? AND key IN ({marks})"
        for key, data in self._rows_with_keys(query, (model,), list(by_key)):
            out[by_key[bytes(key)]] = np.frombuffer(bytes(data), dtype=np.float32).copy()
        return out

    def put_vectors(self, model: str, vectors: dict[str, npt.NDArray[np.float32]]) -> None:
        with self._db:
            self._db.executemany(
                "INSERT OR IGNORE INTO vectors(key, model, data) VALUES (?,?,?)",
                [
                    (text_key(t), model, np.ascontiguousarray(v, dtype=np.float32).tobytes())
                    for t, v in vectors.items()
                ],
            )

    # ---- input records already read ------------------------------------------------------------

    def known_inputs(self, keys: Sequence[bytes]) -> set[bytes]:
        query = "SELECT key FROM ingested WHERE key IN ({marks})"
        return {bytes(row[0]) for row in self._rows_with_keys(query, (), keys)}

    def add_inputs(self, keys: Iterable[bytes]) -> None:
        with self._db:
            self._db.executemany(
                "INSERT OR IGNORE INTO ingested(key) VALUES (?)", ((k,) for k in keys)
            )
