"""The benchmark's memory sampler (benchmarks/bench_pipeline.py): a process tree's RSS, PSS and
USS summed over its processes, grandchildren included, and the peaks over a run."""

from __future__ import annotations

import subprocess
import sys
import threading
import time

import pytest

psutil = pytest.importorskip("psutil")

from benchmarks.bench_pipeline import (  # noqa: E402
    TreeMemory,
    TreePeaks,
    sample_tree,
    stage_at,
    stage_peaks,
    tree_memory,
)

MIB = 2**20

# A process that fills `int(argv[1])` MiB of its own (written, so resident), starts a child of
# its own that does the same with argv[2] MiB, says "ready" and holds it all until stdin closes.
HOLDER = """
import subprocess, sys
held = b"x" * (int(sys.argv[1]) * 2**20)
kid = None
if sys.argv[2] != "0":
    kid = subprocess.Popen([sys.executable, "-c", sys.argv[3], sys.argv[2],
                            "0", ""], stdin=subprocess.PIPE, stdout=subprocess.PIPE)
    kid.stdout.readline()
print("ready", flush=True)
sys.stdin.read()
if kid is not None:
    kid.stdin.close()
    kid.wait()
"""


def _holder(own: int, child: int) -> subprocess.Popen[str]:
    process = subprocess.Popen(
        [sys.executable, "-c", HOLDER, str(own), str(child), HOLDER],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    assert process.stdout is not None
    assert process.stdout.readline().strip() == "ready"
    return process


def _end(process: subprocess.Popen[str]) -> None:
    assert process.stdin is not None and process.stdout is not None
    process.stdin.close()
    process.wait()
    process.stdout.close()


def test_tree_memory_sums_the_tree_grandchildren_included() -> None:
    process = _holder(96, 160)
    try:
        reading = tree_memory(psutil.Process(process.pid))
    finally:
        _end(process)
    assert len(reading.pss_by_pid) == 2
    own, kid = reading.pss_by_pid[process.pid], max(reading.pss_by_pid.values())
    assert own >= 96 * MIB
    assert kid >= 160 * MIB
    assert reading.pss == sum(reading.pss_by_pid.values())
    # What each process wrote is its own: in USS and PSS alike; shared pages only add to RSS.
    assert reading.uss >= 256 * MIB
    assert reading.rss >= reading.pss >= reading.uss


def test_pss_divides_what_rss_counts_once_per_process() -> None:
    # Two interpreters map the same libraries: summed RSS counts those pages twice, PSS once.
    process = _holder(8, 8)
    try:
        reading = tree_memory(psutil.Process(process.pid))
    finally:
        _end(process)
    assert reading.pss < reading.rss


def test_sample_tree_keeps_the_peak_after_the_memory_is_gone() -> None:
    process = _holder(200, 0)
    peaks = TreePeaks()
    sampler = threading.Thread(
        target=sample_tree, args=(process,), kwargs={"interval": 0.05, "peaks": peaks}
    )
    sampler.start()
    seen = peaks.readings
    while peaks.readings < seen + 2 and process.poll() is None:
        time.sleep(0.01)
    _end(process)
    sampler.join()
    assert peaks.pss >= 200 * MIB
    assert peaks.uss >= 200 * MIB
    assert peaks.rss >= peaks.pss
    assert set(peaks.pss_by_pid) == {process.pid}


def test_peaks_are_each_sums_own_largest() -> None:
    peaks = TreePeaks()
    peaks.add(TreeMemory(rss=10, pss=5, uss=4, pss_by_pid={1: 5}), at=1.0)
    peaks.add(TreeMemory(rss=12, pss=4, uss=3, pss_by_pid={1: 4}), at=2.0)
    peaks.add(TreeMemory(rss=9, pss=6, uss=2, pss_by_pid={1: 2, 2: 4}), at=3.0)
    assert (peaks.rss, peaks.pss, peaks.uss) == (12, 6, 4)
    assert peaks.pss_at == 3.0
    assert peaks.pss_by_pid == {1: 2, 2: 4}


def test_stage_at_reads_the_stage_markers() -> None:
    log = "STAGE 10.0 reading\nsome warning\nSTAGE 20.5 claims\nSTAGE 30.0 brief\n"
    assert stage_at(log, 5.0) == "-"
    assert stage_at(log, 10.0) == "reading"
    assert stage_at(log, 25.0) == "claims"
    assert stage_at(log, 99.0) == "brief"
    assert stage_at("", 1.0) == "-"


def test_stage_peaks_take_each_stages_largest_reading() -> None:
    log = "STAGE 10.0 reading\nSTAGE 20.0 claims\n"
    trace = [
        (5.0, {1: 100}),
        (11.0, {1: 300, 2: 50}),
        (12.0, {1: 200, 2: 200}),
        (21.0, {1: 250, 2: 100}),
        (22.0, {1: 150, 2: 90}),
    ]
    assert stage_peaks(log, trace, root=1) == {
        "-": (100, 100),
        "reading": (400, 200),
        "claims": (350, 250),
    }


def test_a_root_that_ended_since_its_poll_reads_as_nothing() -> None:
    # sample_tree polls, then reads: the run's child may end in between.
    process = subprocess.Popen([sys.executable, "-c", "pass"])
    root = psutil.Process(process.pid)
    process.wait()
    assert tree_memory(root) == TreeMemory()
