"""Dask executor: the only module that imports Dask.

`DaskExecutor()` starts a `LocalCluster` of processes; `DaskExecutor(scheduler="tcp://host:8786")`
joins a running cluster. Work goes out as one task per partition (never one per document), and
results are gathered in partition order, so reports are byte-identical to the local executor's.
As with the local pool, each task sends back the sentence vectors its worker computed, and they
join this process's embedding cache: the stages that finish here do not embed them again; the
workers of a cluster started here read them from the run's `VectorExchange` too.
"""

from __future__ import annotations

import functools
import importlib
import weakref
from collections.abc import Callable, Hashable, Sequence
from typing import Any, TypeVar

from newsweave.embed import get_embedder
from newsweave.errors import ConfigError
from newsweave.executors.base import DEFAULT_PARTITION_SIZE, check_partition_size, partition
from newsweave.executors.local import run_keeping_vectors
from newsweave.executors.memory import give_back_free_memory
from newsweave.executors.vectors import VectorExchange

T = TypeVar("T")
U = TypeVar("U")
K = TypeVar("K", bound=Hashable)
V = TypeVar("V")

# Groups are shipped in batches so that many small groups (LSH buckets) do not become many tasks.
GROUPS_PER_TASK = 512

# Dask's housekeeping in a local cluster costs CPU per second of wall time, not per task: the
# statistical profiler samples a running task every 10 ms, the system monitor runs every
# 500 ms and the event-loop tick every 20 ms in every process. Measured with 2 workers running
# 2 x 15 CPU s of pure-Python tasks (load ~18): 0.057 CPU s of overhead per wall second with
# Dask's defaults, 0.012 with these (a long run on a loaded machine paid it for every minute).
# None of them changes a result; no dashboard is started, so nothing reads these samples.
QUIET_CLUSTER = {
    "distributed.worker.profile.enabled": False,
    "distributed.admin.system-monitor.interval": "5s",
    "distributed.worker.memory.monitor-interval": "1s",
    "distributed.admin.tick.interval": "1s",
}


def _run_groups(fn: Callable[[K, list[V]], U], batch: list[tuple[K, list[V]]]) -> list[tuple[K, U]]:
    try:
        return [(key, fn(key, values)) for key, values in batch]
    finally:
        give_back_free_memory()


class DaskExecutor:
    """Runs partition functions on a Dask cluster."""

    name = "dask"

    def __init__(
        self, *, scheduler: str | None = None, workers: int = 2, partition_size: int | None = None
    ) -> None:
        self.partition_size = check_partition_size(partition_size)
        try:
            # Imported untyped on purpose: dask.distributed ships no complete type hints.
            distributed: Any = importlib.import_module("dask.distributed")
        except ImportError as error:
            raise ConfigError(
                "--executor dask needs Dask: pip install 'newsweave[dask]'"
            ) from error
        self._cluster: Any = None
        self._exchange: VectorExchange | None = None
        if scheduler:
            self._client: Any = distributed.Client(scheduler)
        else:
            dask: Any = importlib.import_module("dask")
            # Only for the cluster started here (a joined cluster keeps its own settings).
            with dask.config.set(QUIET_CLUSTER):
                self._cluster = distributed.LocalCluster(
                    n_workers=workers,
                    threads_per_worker=1,
                    processes=True,
                    host="127.0.0.1",
                    # Any free loopback port: the scheduler serves /health and /metrics even
                    # without a dashboard, and None means 8787, which another cluster may hold.
                    dashboard_address="127.0.0.1:0",
                )
                self._client = distributed.Client(self._cluster)

    def map_partitions(
        self,
        fn: Callable[[list[T]], list[U]],
        items: Sequence[T],
        *,
        size: int = DEFAULT_PARTITION_SIZE,
    ) -> list[U]:
        parts = partition(items, self.partition_size or size)
        if not parts:
            return []
        embedder = get_embedder()
        exchange = None
        if self._cluster is not None:  # workers on this machine read the run's vectors
            if self._exchange is None:
                self._exchange = VectorExchange()
                weakref.finalize(self, self._exchange.close)
            exchange = self._exchange.publish(embedder)
        futures = self._client.map(
            functools.partial(run_keeping_vectors, fn, exchange=exchange), parts, pure=False
        )
        results: list[U] = []
        for part_result, vectors in self._client.gather(futures):
            results.extend(part_result)
            if vectors:
                embedder.remember(vectors)
        return results

    def reduce_groups(self, fn: Callable[[K, list[V]], U], groups: dict[K, list[V]]) -> dict[K, U]:
        batches = partition(list(groups.items()), GROUPS_PER_TASK)
        if not batches:
            return {}
        if len(batches) == 1:
            # One task runs on one worker while this process waits: no parallelism, and the
            # worker loads the models the stage needs (claim alignment: spaCy's parser, ~1.5 s
            # of CPU per process) that this process loads anyway for the stages after it (brief).
            # Run here, as the local executor does: same results, and on 100 ECB+ articles
            # claims + brief cost 19.0 CPU s on Dask against 14.6 locally before this.
            return {key: fn(key, values) for key, values in groups.items()}
        futures = self._client.map(lambda batch: _run_groups(fn, batch), batches, pure=False)
        out: dict[K, U] = {}
        for batch_result in self._client.gather(futures):
            out.update(batch_result)
        return {key: out[key] for key in groups}

    def close(self) -> None:
        self._client.close()
        if self._cluster is not None:
            self._cluster.close()
        if self._exchange is not None:
            self._exchange.close()
            self._exchange = None
