"""What each worker process holds: the sentence model without a growing memory arena."""

from __future__ import annotations

import pytest

from newsweave.embed import _load_model


def test_the_sentence_model_session_keeps_no_memory_arena() -> None:
    # With ONNX Runtime's CPU arena, one session kept ~1 GB after long batches; every pool and
    # Dask worker holds one session (docs/benchmarks.md, Pipeline).
    loaded = _load_model()
    if loaded is None:
        pytest.skip("the sentence model is not installed")
    session, _ = loaded
    assert session.get_session_options().enable_cpu_mem_arena is False


_PEAK_OF_LONG_BATCH = """
import resource
from newsweave.embed import get_embedder
embedder = get_embedder()
embedder.embed(["warm up"])
before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
for n in range(8):
    embedder.embed([f"{n} {i} " + "word " * 300 for i in range(32)])
print((resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - before) // 1024)
"""


def test_long_batches_do_not_leave_the_process_hundreds_of_mib_bigger() -> None:
    # 32 inputs of 256 tokens raised the peak RSS by ~500 MiB (malloc kept and fragmented the
    # batch's freed buffers, and 32 x 256 tokens went in one batch); with the token budget per
    # batch and a fixed mmap threshold, by well under 200.
    import subprocess
    import sys

    if _load_model() is None:
        pytest.skip("the sentence model is not installed")
    done = subprocess.run(
        [sys.executable, "-c", _PEAK_OF_LONG_BATCH], capture_output=True, text=True, check=True
    )
    growth_mib = int(done.stdout.strip().splitlines()[-1])
    assert growth_mib < 200


_FREED_AND_GIVEN_BACK = """
import numpy as np
import psutil
from newsweave.executors.memory import give_back_free_memory
process = psutil.Process()
kept = {n: np.full(384, n, dtype=np.float32) for n in range(200_000)}  # ~300 MiB of 1.5 KB blocks
for n in range(50_000, 200_000):
    del kept[n]
before = process.memory_info().rss
give_back_free_memory()
print((before - process.memory_info().rss) // 2**20)
"""


def test_memory_a_stage_freed_goes_back_to_the_system() -> None:
    # Freed mid-sized blocks stay in glibc's heap: without malloc_trim the process keeps the
    # ~220 MiB it no longer uses, and the next stage's peak comes on top of it.
    import subprocess
    import sys

    if not sys.platform.startswith("linux"):
        pytest.skip("malloc_trim is glibc's")
    done = subprocess.run(
        [sys.executable, "-c", _FREED_AND_GIVEN_BACK], capture_output=True, text=True, check=True
    )
    given_back_mib = int(done.stdout.strip().splitlines()[-1])
    assert given_back_mib > 100
