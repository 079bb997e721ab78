"""Engines that run stage code: in-process (`local`) or on Dask (`dask`).

Stage code never imports Dask; it hands partition functions to an `Executor`.
"""

from __future__ import annotations

from newsweave.executors.base import Executor, partition
from newsweave.executors.local import LocalExecutor

__all__ = ["Executor", "LocalExecutor", "make_executor", "partition"]


def make_executor(
    name: str = "local", *, scheduler: str | None = None, workers: int = 2
) -> Executor:
    """The executor called `name` ("local" or "dask")."""
    if name == "local":
        return LocalExecutor()
    if name == "dask":
        from newsweave.executors.dask import DaskExecutor

        return DaskExecutor(scheduler=scheduler, workers=workers)
    from newsweave.errors import ConfigError

    raise ConfigError(f"unknown executor {name!r}: use 'local' or 'dask'")
