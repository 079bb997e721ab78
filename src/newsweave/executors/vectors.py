"""Sentence vectors shared by this process and its workers on this machine, during one run.

Each worker process keeps its own embedding cache, and a stage's partition seldom lands on the
worker that embedded the same sentences for an earlier stage: on 400 articles of the benchmark
corpus, 27 % of the texts the model embedded had been embedded already in another process (the
copies stage embeds in this process, then story features and claims embed the same sentences in
the workers). So before it hands out partitions, the executor writes the vectors this process
holds (its own and those the workers sent back) to a SQLite file in a temporary folder, and a
worker looks a text up there before it embeds it (`Embedder.use_lookup`). Only this process
writes, and only between two rounds of tasks, while no worker reads.

A vector does not depend on the batch it was computed in, and the file keeps its float32 bytes,
so this changes cost only, never a result.
"""

from __future__ import annotations

import contextlib
import hashlib
import shutil
import sqlite3
import tempfile
from collections.abc import Iterable
from pathlib import Path

import numpy as np
import numpy.typing as npt

from newsweave.embed import WORKER_CACHE_ENTRIES, Embedder, get_embedder

# Vectors the driving process keeps in its own cache once the exchange holds the rest (see
# `Embedder.spill_to`): as many as a worker's, enough for the repeats within a stage.
DRIVER_CACHE_ENTRIES = WORKER_CACHE_ENTRIES

# Texts per SELECT (SQLite's default limit of host parameters is 32,766; smaller keeps each
# statement cheap to prepare).
LOOKUP_CHUNK = 500
_SCHEMA = "CREATE TABLE IF NOT EXISTS vectors (key BLOB PRIMARY KEY, vector BLOB) WITHOUT ROWID"


def text_key(text: str) -> bytes:
    return hashlib.blake2b(text.encode("utf-8", "surrogatepass"), digest_size=16).digest()


class VectorExchange:
    """The file of this run's sentence vectors, written by the process that owns the workers."""

    def __init__(self) -> None:
        self._folder = Path(tempfile.mkdtemp(prefix="newsweave-vectors-"))
        self.path = self._folder / "vectors.sqlite"
        self._db = sqlite3.connect(self.path)
        # Nothing here must survive a crash: it is a scratch file for one run.
        self._db.execute("PRAGMA journal_mode=OFF")
        self._db.execute("PRAGMA synchronous=OFF")
        self._db.execute(_SCHEMA)
        self._db.commit()
        # Which texts the file holds, by Python's hash of the text (a set of every text would
        # hold each sentence of the run a second time: ~50 MiB at 10,000 articles). Two texts
        # with one hash would leave the second unpublished: a worker then embeds it again, to
        # the same vector.
        self._written: set[int] = set()

    def publish(self, embedder: Embedder) -> str | None:
        """Write the model vectors `embedder` holds that the file lacks; the file's path.

        None when the embedder has no model (the fallback's vectors cost nothing to recompute).
        """
        if embedder.mode != "minilm-onnx":
            return None
        self.keep(embedder.cached())
        return str(self.path)

    def keep(self, pairs: list[tuple[str, npt.NDArray[np.float32]]]) -> None:
        """Write the (text, vector) pairs the file lacks.

        Called by `publish` between rounds, and by the driver's embedder as it evicts vectors
        (`Embedder.spill_to`), which may be while workers read: a reader waits for the write's
        lock (SQLite's busy timeout) or, past it, embeds the text itself, to the same vector.
        """
        fresh = [(t, v) for t, v in pairs if hash(t) not in self._written]
        if not fresh:
            return
        try:
            self._db.executemany(
                "INSERT OR IGNORE INTO vectors VALUES (?, ?)",
                ((text_key(t), np.asarray(v, dtype=np.float32).tobytes()) for t, v in fresh),
            )
            self._db.commit()
        except sqlite3.Error:  # readers held the file past the busy timeout: embedded again
            with contextlib.suppress(sqlite3.Error):
                self._db.rollback()
            return
        self._written.update(hash(t) for t, _ in fresh)

    def __call__(self, texts: list[str]) -> dict[str, npt.NDArray[np.float32]]:
        """The vectors the file holds of `texts` (the driver reading back what it evicted)."""
        return _select(self._db, texts)

    def close(self) -> None:
        with contextlib.suppress(sqlite3.Error):
            self._db.close()
        shutil.rmtree(self._folder, ignore_errors=True)


class ExchangeReader:
    """A worker's lookup into a `VectorExchange` file (read only)."""

    def __init__(self, path: str) -> None:
        self.path = path
        self._db = sqlite3.connect(f"file:{path}?mode=ro", uri=True)

    def __call__(self, texts: list[str]) -> dict[str, npt.NDArray[np.float32]]:
        return _select(self._db, texts)


def _select(db: sqlite3.Connection, texts: list[str]) -> dict[str, npt.NDArray[np.float32]]:
    """The vectors `db` holds of `texts`; those it could not read are left out (embedded)."""
    found: dict[str, npt.NDArray[np.float32]] = {}
    for start in range(0, len(texts), LOOKUP_CHUNK):
        chunk = texts[start : start + LOOKUP_CHUNK]
        by_key = {text_key(t): t for t in chunk}
        marks = ",".join("?" * len(by_key))
        try:
            rows: Iterable[tuple[bytes, bytes]] = db.execute(
                f"SELECT key, vector FROM vectors WHERE key IN ({marks})",
                list(by_key),
            ).fetchall()
        except sqlite3.Error:  # the run ended and took the file: embed instead
            return found
        for key, vector in rows:
            found[by_key[key]] = np.frombuffer(vector, dtype=np.float32).copy()
    return found


_installed: list[str] = []  # the exchange this worker process reads, once installed


def read_exchange(path: str | None) -> None:
    """In a worker: look vectors up in the exchange at `path` before embedding them, and keep
    a small cache of its own (`WORKER_CACHE_ENTRIES`): the exchange holds what the others embed.

    A path this machine does not have (a worker of a remote Dask cluster) is left alone.
    """
    if path is None or _installed == [path] or not Path(path).exists():
        return
    embedder = get_embedder()
    if embedder.mode != "minilm-onnx":
        return
    embedder.use_lookup(ExchangeReader(path))
    embedder.cache_limit = WORKER_CACHE_ENTRIES
    _installed[:] = [path]
