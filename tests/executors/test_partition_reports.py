"""The whole report does not depend on the engine or on how the work is partitioned.

One executor-wide `partition_size` re-batches every stage of a run (`--partition-size`): the
JSON report must be the same bytes with one partition in this process, 4 partitions in the local
process pool, and 4 or 16 partitions on Dask (issue 15).
"""

from __future__ import annotations

import importlib.util
import json
import math
from pathlib import Path

import pytest

import newsweave
from newsweave.errors import ConfigError
from newsweave.executors import Executor, LocalExecutor, make_executor
from newsweave.report.json import dumps
from tests.conftest import EXAMPLES, shared_path

# Articles of the run: the 4 seeds and 28 consecutive ECB+ articles (a few topics of several
# articles each, so stories, quotes and claims span partitions).
ARTICLES = 32
ECB_ARTICLES = ARTICLES - 4


def _partitions_of(items: list[int]) -> list[int]:
    return [len(items)]


def _report(inputs: list[str], executor: Executor) -> str:
    try:
        return dumps(newsweave.analyze(inputs, executor=executor))
    finally:
        executor.close()


def _inputs(tmp_path: Path) -> list[str]:
    lines = shared_path("eval", "ecbplus", "articles.jsonl").read_text(encoding="utf-8")
    records = [json.loads(line) for line in lines.splitlines()[:ECB_ARTICLES]]
    path = tmp_path / "ecb.jsonl"
    path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    return [str(EXAMPLES), str(path)]


def test_partition_size_overrides_the_size_a_stage_asks_for() -> None:
    executor = LocalExecutor(workers=1, partition_size=3)
    assert executor.map_partitions(_partitions_of, list(range(10)), size=100) == [3, 3, 3, 1]
    assert LocalExecutor(workers=1).map_partitions(_partitions_of, list(range(10)), size=4) == [
        4,
        4,
        2,
    ]


def test_partition_size_below_one_is_a_config_error() -> None:
    with pytest.raises(ConfigError, match="at least 1"):
        make_executor("local", partition_size=0)


@pytest.mark.slow
def test_report_is_identical_for_one_four_and_sixteen_partitions_local_and_dask(
    tmp_path: Path,
) -> None:
    inputs = _inputs(tmp_path)
    one = _report(inputs, LocalExecutor(workers=1, partition_size=10**6))
    assert len(json.loads(one)["articles"]) == ARTICLES

    four = math.ceil(ARTICLES / 4)
    pooled = LocalExecutor(workers=2, partition_size=four)
    assert _report(inputs, pooled) == one
    if importlib.util.find_spec("distributed") is None:
        pytest.skip("Dask is not installed")
    assert _report(inputs, make_executor("dask", workers=2, partition_size=four)) == one
    sixteen = math.ceil(ARTICLES / 16)
    assert _report(inputs, make_executor("dask", workers=2, partition_size=sixteen)) == one
