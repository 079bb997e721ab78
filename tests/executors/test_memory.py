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
