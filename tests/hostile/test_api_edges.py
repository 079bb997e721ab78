"""Issue 14 row 14, API edges: options given through the API are checked as the CLI checks them."""

from __future__ import annotations

import pytest

from newsweave import executors
from newsweave.errors import ConfigError


class _NoCluster:
    """Stands in for DaskExecutor: a test must not start a cluster to see a bad worker count."""

    def __init__(self, **options: object) -> None:
        self.options = options


@pytest.mark.parametrize("name", ["local", "dask"])
@pytest.mark.parametrize("workers", [0, -1])
def test_make_executor_rejects_a_worker_count_below_one(
    monkeypatch: pytest.MonkeyPatch, name: str, workers: int
) -> None:
    import newsweave.executors.dask as dask_executor

    monkeypatch.setattr(dask_executor, "DaskExecutor", _NoCluster)
    with pytest.raises(ConfigError, match=f"workers must be at least 1, got {workers}") as caught:
        executors.make_executor(name, workers=workers)
    assert "\n" not in str(caught.value)


def test_make_executor_keeps_its_defaults(monkeypatch: pytest.MonkeyPatch) -> None:
    import newsweave.executors.dask as dask_executor

    monkeypatch.setattr(dask_executor, "DaskExecutor", _NoCluster)
    made = executors.make_executor("dask")
    assert isinstance(made, _NoCluster)
    assert made.options["workers"] == executors.DASK_DEFAULT_WORKERS
    local = executors.make_executor("local", workers=1)
    assert isinstance(local, executors.LocalExecutor) and local.workers == 1
    local.close()
