"""Benchmark: the hostile corpus of issue 14 at full size, seconds and peak memory per case.

    python benchmarks/bench_hostile.py [--scale 1.0] [--analyze] [--cases row6,row7]

The inputs come from `tests/hostile/corpus.py` (the generator the tests run at small sizes),
scaled: `--scale 1` is the issue's campaign (a JSON list of 1 M records, 1 GB of tiny JSONL
records gzipped, a 4 GB gzip of blank lines, a 19 MB article, ...); smaller scales shrink the
big inputs only. Each case runs in a fresh process, so peak RSS is that case's own: by default
`read_inputs` with the shipped `IngestConfig` (documents streamed and dropped, as a batching
caller does), with `--analyze` the whole `newsweave.api.analyze` with the shipped `Config`.
Prints a Markdown table (wall and CPU seconds include starting Python and importing, about
2 s; the load average when each case started; CPU of the process and its workers, the
process's own in brackets; peak memory of the largest process and of the whole process tree,
workers included, and in ingest mode, beside the documents and problems, what the generator
expects of reading);
the budget of issue 14 is 60 s and 2 GB per case.
"""

from __future__ import annotations

import argparse
import contextlib
import dataclasses
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import psutil

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from tests.hostile.corpus import FULL, Case, Sizes, build  # noqa: E402

_CHILD = """
import json, resource, sys, time
started = time.perf_counter()
documents = problems = 0
if sys.argv[2] == "analyze":
    from newsweave.api import analyze
    report = analyze([sys.argv[1]])
    documents, problems = len(report.articles), len(report.problems)
else:
    from newsweave.ingest import read_inputs
    from newsweave.model import Problem
    for item in read_inputs([sys.argv[1]]):
        if isinstance(item, Problem):
            problems += 1
        else:
            documents += 1
seconds = time.perf_counter() - started
# Worker processes (the executor's pool) count too: CPU summed, peak of the largest one.
me = resource.getrusage(resource.RUSAGE_SELF)
kids = resource.getrusage(resource.RUSAGE_CHILDREN)
parent_cpu = me.ru_utime + me.ru_stime
cpu = parent_cpu + kids.ru_utime + kids.ru_stime
peak_mb = max(me.ru_maxrss, kids.ru_maxrss) / 1024
print(json.dumps({"seconds": seconds, "cpu": cpu, "parent_cpu": parent_cpu, "peak_mb": peak_mb,
                  "documents": documents, "problems": problems}))
"""


def scaled(scale: float) -> Sizes:
    """FULL with its big inputs multiplied by `scale` (nesting depth and comments kept)."""
    return dataclasses.replace(
        FULL,
        list_records=max(1, int(FULL.list_records * scale)),
        tiny_jsonl_bytes=max(1, int(FULL.tiny_jsonl_bytes * scale)),
        blank_bytes=max(1, int(FULL.blank_bytes * scale)),
        nested_divs=max(1, int(FULL.nested_divs * scale)),
    )


def _tree_rss(root: psutil.Process) -> int:
    """Bytes resident in `root` and every process below it (the analysis pool's workers)."""
    total = 0
    for process in [root, *root.children(recursive=True)]:
        with contextlib.suppress(psutil.Error):  # ended between listing and reading
            total += process.memory_info().rss
    return total


def run_case(case: Case, mode: str, timeout: float) -> dict[str, float | int | str]:
    """One case in a fresh process; `tree_mb` is the peak of the summed RSS of that process
    and its workers, sampled every 0.2 s (what the machine must hold at once); `load` the
    machine's 1-minute load average when it started (wall time is CPU time stretched by it)."""
    load = os.getloadavg()[0]
    with tempfile.TemporaryFile("w+") as out, tempfile.TemporaryFile("w+") as err:
        process = subprocess.Popen(
            [sys.executable, "-c", _CHILD, str(case.path), mode], stdout=out, stderr=err
        )
        root = psutil.Process(process.pid)
        started, tree = time.perf_counter(), 0
        while process.poll() is None:
            if time.perf_counter() - started > timeout:
                for child in root.children(recursive=True):
                    with contextlib.suppress(psutil.Error):
                        child.kill()
                process.kill()
                process.wait()
                return {"error": f"over {timeout:.0f} s"}
            with contextlib.suppress(psutil.Error):
                tree = max(tree, _tree_rss(root))
            time.sleep(0.2)
        out.seek(0)
        err.seek(0)
        if process.returncode != 0:
            return {"error": (err.read().strip().splitlines() or ["failed"])[-1][:80]}
        result: dict[str, float | int | str] = json.loads(out.read().strip().splitlines()[-1])
    result["tree_mb"] = tree / 2**20
    result["load"] = load
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--scale", type=float, default=1.0)
    parser.add_argument("--analyze", action="store_true", help="time analyze, not only ingest")
    parser.add_argument("--cases", default="", help="comma-separated name prefixes to run")
    parser.add_argument("--timeout", type=float, default=600.0)
    args = parser.parse_args()
    prefixes = tuple(p for p in args.cases.split(",") if p)
    mode = "analyze" if args.analyze else "ingest"
    with tempfile.TemporaryDirectory(prefix="bench-hostile-") as folder:
        started = time.perf_counter()
        cases = build(Path(folder), scaled(args.scale))
        print(f"generated {len(cases)} inputs in {time.perf_counter() - started:.0f} s")
        print(
            f"\n| case | bytes on disk | load | {mode} s (wall) | CPU s (parent) "
            "| peak MB (largest process) | peak MB (process tree) | documents | problems |"
        )
        print("|---|---:|---:|---:|---:|---:|---:|---:|---:|")
        for case in cases:
            if prefixes and not case.name.startswith(prefixes):
                continue
            size = case.path.stat().st_size
            result = run_case(case, mode, args.timeout)
            if "error" in result:
                print(f"| {case.name} | {size:,} | | {result['error']} | | | | | |")
                continue
            documents, problems = f"{result['documents']:,}", f"{result['problems']:,}"
            if mode == "ingest":  # what the generator expects of reading (analysis differs)
                documents += f" ({'' if case.exact else '>= '}{case.documents:,})"
                problems += f" ({'any' if case.problems is None else case.problems})"
            tree = max(float(result["tree_mb"]), float(result["peak_mb"]))  # samples can miss it
            print(
                f"| {case.name} | {size:,} | {result['load']:.1f} | {result['seconds']:.1f} "
                f"| {result['cpu']:.1f} ({result['parent_cpu']:.1f}) "
                f"| {result['peak_mb']:.0f} | {tree:.0f} | {documents} | {problems} |",
                flush=True,
            )


if __name__ == "__main__":
    main()
