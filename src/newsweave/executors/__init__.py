"""Engines that run stage code: in-process (`local`) or on Dask (`dask`).

Stage code never imports Dask; it hands partition functions to an `Executor`.
"""

from __future__ import annotations

from newsweave.executors.base import Executor, partition
from newsweave.executors.local import LocalExecutor, default_workers

__all__ = [
    "Executor",
    "LocalExecutor",
    "default_workers",
    "make_executor",
    "partition",
    "pooled_items",
    "restart_workers",
]

# A local Dask cluster's default size (each worker is a process with its own models).
DASK_DEFAULT_WORKERS = 2


def restart_workers(executor: Executor) -> None:
    """Give `executor` fresh worker processes, where it runs a pool of its own (the local
    executor); other engines, and wrappers around one (the product cache's `inner`), as is."""
    engine = getattr(executor, "inner", executor)
    restart = getattr(engine, "restart_workers", None)
    if callable(restart):
        restart()


def pooled_items(executor: Executor) -> int | None:
    """Items the executor's own pool workers were handed since they started (the local
    executor's `pooled_items`); None for an engine that keeps no such count."""
    engine = getattr(executor, "inner", executor)
    count = getattr(engine, "pooled_items", None)
    return count if isinstance(count, int) else None


def make_executor(
    name: str = "local",
    *,
    scheduler: str | None = None,
    workers: int | None = None,
    partition_size: int | None = None,
) -> Executor:
    """The executor called `name` ("local" or "dask") with `workers` processes.

    `workers` None: the local executor uses `default_workers()` (the cores, at most 4); a local
    Dask cluster starts `DASK_DEFAULT_WORKERS`. `partition_size` None: each stage's own size.
    """
    from newsweave.errors import ConfigError

    if workers is not None and workers < 1:  # from the API too: a zero would hang or become 2
        raise ConfigError(f"workers must be at least 1, got {workers}")
    if name == "local":
        return LocalExecutor(workers=workers, partition_size=partition_size)
    if name == "dask":
        from newsweave.executors.dask import DaskExecutor

        return DaskExecutor(
            scheduler=scheduler,
            workers=workers or DASK_DEFAULT_WORKERS,
            partition_size=partition_size,
        )
    from newsweave.errors import ConfigError

    raise ConfigError(f"unknown executor {name!r}: use 'local' or 'dask'")
