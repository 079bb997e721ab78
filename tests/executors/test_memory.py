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
