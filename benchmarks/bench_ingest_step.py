"""Benchmark: one `ingest` step into a kept store, CPU by stage (parent and pool workers).

    python benchmarks/bench_ingest_step.py STORE.db NEW.jsonl [PROFILE.prof]

Copy the store first (the step changes it): `bench_pipeline.py --ingest --keep DIR` leaves
`built-N.db` and `more-N.jsonl` for this. Prints one line per stage (the parent's CPU seconds
by `time.process_time`, the pool workers' by psutil plus the reaped children's) and a JSON line
(added, articles, CPU s of the whole process tree, the parent's, wall, the parent's peak RSS,
the load). With PROFILE.prof the parent runs under cProfile with a CPU timer (its Python runs
~1.5-2x slower, so its shares, not its seconds, are the figures).
"""

from __future__ import annotations

import cProfile
import dataclasses
import json
import os
import resource
import sys
import time
from typing import Any

import psutil

import newsweave
from newsweave import pipeline
from newsweave.config import Config
from newsweave.ingest import IngestConfig

_ROWS: list[tuple[str, float, float]] = []
_MARK: dict[str, Any] = {"name": "reading", "parent": time.process_time(), "workers": 0.0}


def _workers_cpu() -> float:
    total = 0.0
    for child in psutil.Process().children(recursive=True):
        try:
            times = child.cpu_times()
        except psutil.Error:
            continue
        total += times.user + times.system
    reaped = resource.getrusage(resource.RUSAGE_CHILDREN)
    return total + reaped.ru_utime + reaped.ru_stime


def _tick(name: str) -> None:
    parent, workers = time.process_time(), _workers_cpu()
    _ROWS.append((_MARK["name"], parent - _MARK["parent"], workers - _MARK["workers"]))
    _MARK.update(name=name, parent=parent, workers=workers)


_RUN = pipeline.Pipeline.run


def _timed_run(self: Any, corpus: Any, *, executor: Any = None, on_stage: Any = None) -> Any:
    def stage(name: str) -> None:
        _tick(name)
        if on_stage is not None:
            on_stage(name)

    out = _RUN(self, corpus, executor=executor, on_stage=stage)
    _tick("after the stages")
    return out


pipeline.Pipeline.run = _timed_run  # type: ignore[method-assign]


def main() -> None:
    db, new = sys.argv[1], sys.argv[2]
    config = dataclasses.replace(Config(), ingest=IngestConfig(max_records=10_000_000))
    profile = cProfile.Profile(time.process_time) if len(sys.argv) > 3 else None
    start = time.perf_counter()
    if profile is not None:
        profile.enable()
    added, report = newsweave.ingest_into(new, db, config=config)
    if profile is not None:
        profile.disable()
        profile.dump_stats(sys.argv[3])
    _tick("end")
    own = resource.getrusage(resource.RUSAGE_SELF)
    kids = resource.getrusage(resource.RUSAGE_CHILDREN)
    for name, parent, workers in _ROWS:
        print(f"{name:18s} parent {parent:7.2f}  workers {workers:7.2f}")
    print(
        json.dumps(
            {
                "added": len(added),
                "articles": len(report.articles),
                "cpu": own.ru_utime + own.ru_stime + kids.ru_utime + kids.ru_stime,
                "parent_cpu": own.ru_utime + own.ru_stime,
                "wall": time.perf_counter() - start,
                "peak_mib": own.ru_maxrss / 1024,
                "load": os.getloadavg()[0],
            }
        )
    )


if __name__ == "__main__":  # the pool's spawned workers import this module again
    main()
