from __future__ import annotations

import os
from collections.abc import Iterator

import numpy as np
import pytest

from newsweave.errors import ConfigError
from newsweave.executors import LocalExecutor, default_workers, make_executor, partition
from newsweave.executors.local import MAX_DEFAULT_WORKERS


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


def _pid_of_partition(items: list[int]) -> list[int]:
    return [os.getpid()] * len(items)


def _fail_on_seven(items: list[int]) -> list[int]:
    if 7 in items:
        raise ValueError("seven")
    return items


@pytest.fixture(scope="module")
def pooled() -> Iterator[LocalExecutor]:
    executor = LocalExecutor(workers=2)
    yield executor
    executor.close()


def test_local_pool_gives_what_one_process_gives(pooled: LocalExecutor) -> None:
    items = list(range(1000))
    assert pooled.map_partitions(_square_all, items, size=7) == _square_all(items)
    assert pooled.map_partitions(_square_all, [], size=7) == []


def test_local_pool_runs_partitions_in_other_processes_and_keeps_them(
    pooled: LocalExecutor,
) -> None:
    first = set(pooled.map_partitions(_pid_of_partition, list(range(40)), size=4))
    second = set(pooled.map_partitions(_pid_of_partition, list(range(40)), size=4))
    assert os.getpid() not in first | second
    assert 1 <= len(first) <= 2
    # The pool lives as long as the executor: models loaded by a worker stay loaded. (Under
    # load one worker may take every partition of the first map, so the second may be the first
    # to reach the other worker: no new process, not necessarily the same ones.)
    assert len(first | second) <= 2


def test_one_partition_or_one_worker_runs_in_this_process(pooled: LocalExecutor) -> None:
    here = {os.getpid()}
    assert set(pooled.map_partitions(_pid_of_partition, list(range(5)), size=8)) == here
    single = LocalExecutor(workers=1)
    assert set(single.map_partitions(_pid_of_partition, list(range(40)), size=4)) == here
    single.close()


def test_an_error_in_a_pool_partition_reaches_the_caller(pooled: LocalExecutor) -> None:
    with pytest.raises(ValueError, match="seven"):
        pooled.map_partitions(_fail_on_seven, list(range(20)), size=3)
    # The pool survives a failing partition.
    assert pooled.map_partitions(_square_all, [1, 2, 3, 4], size=1) == [1, 4, 9, 16]


def test_a_closed_executor_starts_no_pool() -> None:
    executor = LocalExecutor(workers=2)
    executor.close()
    with pytest.raises(RuntimeError, match="closed"):
        executor.map_partitions(_square_all, [1, 2, 3], size=1)


def test_local_worker_count_defaults_to_the_cores_and_rejects_zero() -> None:
    assert 1 <= default_workers() <= MAX_DEFAULT_WORKERS
    assert LocalExecutor().workers == default_workers()
    chosen = make_executor("local", workers=3)
    assert isinstance(chosen, LocalExecutor) and chosen.workers == 3
    with pytest.raises(ConfigError, match="at least 1"):
        LocalExecutor(workers=0)


def _embed_partition(texts: list[str]) -> list[int]:
    from newsweave.embed import get_embedder

    return [len(v) for v in get_embedder().embed(texts)]


def test_vectors_a_worker_embeds_join_this_process_cache(pooled: LocalExecutor) -> None:
    from newsweave.embed import get_embedder

    embedder = get_embedder()
    if embedder.mode != "minilm-onnx":
        pytest.skip("only model vectors are cached")
    texts = [f"Ferry number {n} was cancelled on Tuesday." for n in range(6)]
    pooled.map_partitions(_embed_partition, texts, size=2)
    assert all(text in embedder._cache for text in texts)
    # What the worker computed is what this process computes.
    cached = np.stack([embedder._cache[text] for text in texts])
    embedder._cache.clear()
    assert np.array_equal(embedder.embed(texts), cached)


def _worker_settings() -> tuple[object, object]:
    import dask

    return (
        dask.config.get("distributed.worker.profile.enabled"),
        dask.config.get("distributed.admin.tick.interval"),
    )


@pytest.mark.slow
def test_a_local_dask_cluster_runs_without_per_second_housekeeping() -> None:
    pytest.importorskip("distributed")
    dask = make_executor("dask", workers=2)
    try:
        settings = dask._client.run(_worker_settings)  # type: ignore[attr-defined]
    finally:
        dask.close()
    assert len(settings) == 2
    assert all(value == (False, "1s") for value in settings.values())


def _pid_of_group(key: str, values: list[int]) -> int:
    return os.getpid()


@pytest.mark.slow
def test_dask_reduces_one_task_of_groups_here_and_more_on_the_cluster() -> None:
    pytest.importorskip("distributed")
    from newsweave.executors.dask import GROUPS_PER_TASK

    dask = make_executor("dask", workers=2)
    try:
        few = dask.reduce_groups(_pid_of_group, {str(i): [i] for i in range(GROUPS_PER_TASK)})
        many = dask.reduce_groups(_pid_of_group, {str(i): [i] for i in range(GROUPS_PER_TASK + 1)})
    finally:
        dask.close()
    assert set(few.values()) == {os.getpid()}  # one task would gain nothing from a worker
    assert os.getpid() not in set(many.values())


def test_local_pool_reduces_groups_in_the_workers_as_one_process_does(
    pooled: LocalExecutor,
) -> None:
    groups = {f"g{i}": list(range(i % 17)) for i in range(60)}
    reduced = pooled.reduce_groups(_sum_group, groups)
    assert reduced == {key: sum(values) for key, values in groups.items()}
    assert list(reduced) == list(groups)
    assert os.getpid() not in set(pooled.reduce_groups(_pid_of_group, groups).values())
    # One group gains nothing from a worker.
    assert pooled.reduce_groups(_pid_of_group, {"only": [1]}) == {"only": os.getpid()}


def test_group_tasks_put_the_costliest_groups_first_and_split_the_rest() -> None:
    from newsweave.executors.local import TASKS_PER_WORKER, group_tasks

    groups = {"big": list(range(100)), **{f"s{i}": [i, i] for i in range(50)}}
    tasks = group_tasks(groups, 2)
    assert tasks[0][0][0] == "big"
    assert sorted(key for task in tasks for key, _ in task) == sorted(groups)
    assert [values for task in tasks for key, values in task if key == "s3"] == [[3, 3]]
    # The small groups are batched, not one task each.
    assert 2 <= len(tasks) <= 2 * TASKS_PER_WORKER + 1


def test_pool_partitions_are_even_across_the_workers(pooled: LocalExecutor) -> None:
    sizes = pooled.map_partitions(_partition_size, list(range(772)), size=256)
    # 3 full partitions and 4 items would leave one of 2 workers idle for a third of the time.
    assert sorted(set(sizes)) == [193]
    assert pooled.map_partitions(_square_all, list(range(772)), size=256) == _square_all(
        list(range(772))
    )
    # A size the caller fixed for the whole run is kept.
    fixed = LocalExecutor(workers=2, partition_size=256)
    try:
        assert sorted(set(fixed.map_partitions(_partition_size, list(range(772)), size=7))) == [
            4,
            256,
        ]
    finally:
        fixed.close()


def _partition_size(items: list[int]) -> list[int]:
    return [len(items)] * len(items)


def test_restarted_workers_are_new_processes_with_the_same_exchange() -> None:
    from newsweave.executors import restart_workers
    from newsweave.products import CachingExecutor

    engine = LocalExecutor(workers=2)
    try:
        before = set(engine.map_partitions(_pid_of_partition, list(range(40)), size=4))
        exchange = engine._exchange
        restart_workers(CachingExecutor(engine))  # through the product cache's wrapper
        after = set(engine.map_partitions(_pid_of_partition, list(range(40)), size=4))
        assert engine._exchange is exchange  # what was embedded stays readable
        assert before.isdisjoint(after) and os.getpid() not in after
        assert engine.map_partitions(_square_all, list(range(50)), size=7) == _square_all(
            list(range(50))
        )
        restart_workers(make_executor("local", workers=1))  # nothing to restart: no error
    finally:
        engine.close()
