"""The local process pool gives the report one process gives, byte for byte."""

from __future__ import annotations

import dataclasses
import json
from pathlib import Path

import pytest

import newsweave
from newsweave.config import Config
from newsweave.executors import LocalExecutor
from newsweave.report.json import dumps
from tests.conftest import EXAMPLES, shared_path

pytestmark = pytest.mark.slow


def _small_partitions() -> Config:
    # Small partitions, so that a few dozen articles make several and the pool has work.
    config = Config()
    return dataclasses.replace(
        config,
        entities=dataclasses.replace(config.entities, partition_size=5),
        copies=dataclasses.replace(config.copies, partition_size=5),
    )


def _report_bytes(inputs: list[str], config: Config, workers: int) -> tuple[str, bool]:
    executor = LocalExecutor(workers=workers)
    try:
        report = newsweave.analyze(inputs, config=config, executor=executor)
        pooled = executor._pool is not None
    finally:
        executor.close()
    return dumps(report), pooled


def test_two_local_workers_give_the_seed_report_of_one() -> None:
    config = _small_partitions()
    one, _ = _report_bytes([str(EXAMPLES)], config, workers=1)
    assert _report_bytes([str(EXAMPLES)], config, workers=2)[0] == one
    assert dumps(newsweave.analyze([str(EXAMPLES)], config=config)) == one


def test_two_local_workers_give_the_ecbplus_report_of_one(tmp_path: Path) -> None:
    lines = shared_path("eval", "ecbplus", "articles.jsonl").read_text(encoding="utf-8")
    # Every 20th ECB+ article: 39 articles of many topics, 8 partitions of 5.
    records = [json.loads(line) for line in lines.splitlines()[::20]]
    path = tmp_path / "ecb.jsonl"
    path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    config = _small_partitions()

    one, one_pooled = _report_bytes([str(path)], config, workers=1)
    two, two_pooled = _report_bytes([str(path)], config, workers=2)

    assert not one_pooled and two_pooled
    assert two == one
    assert len(json.loads(two)["articles"]) == len(records)
