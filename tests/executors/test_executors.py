from __future__ import annotations

import pytest

from newsweave.errors import ConfigError
from newsweave.executors import LocalExecutor, make_executor, partition


def _square_all(items: list[int]) -> list[int]:
    return [i * i for i in items]


def _sum_group(key: str, values: list[int]) -> int:
    return sum(values)


def test_partition_keeps_order_and_sizes() -> None:
    assert partition([1, 2, 3, 4, 5], 2) == [[1, 2], [3, 4], [5]]
    with pytest.raises(ValueError, match="at least 1"):
        partition([1], 0)


def test_local_results_do_not_depend_on_partition_size() -> None:
    items = list(range(1000))
    local = LocalExecutor()
    assert local.map_partitions(_square_all, items, size=7) == _square_all(items)


def test_unknown_executor_is_a_config_error() -> None:
    with pytest.raises(ConfigError, match="unknown executor"):
        make_executor("spark")


@pytest.mark.slow
def test_dask_gives_what_local_gives() -> None:
    items = list(range(2000))
    groups = {str(i): list(range(i)) for i in range(600)}
    dask = make_executor("dask", workers=2)
    try:
        assert dask.map_partitions(_square_all, items, size=128) == _square_all(items)
        assert dask.reduce_groups(_sum_group, groups) == LocalExecutor().reduce_groups(
            _sum_group, groups
        )
        assert list(dask.reduce_groups(_sum_group, groups)) == list(groups)
    finally:
        dask.close()
