"""OpenBLAS's idle threads are told to sleep at once before numpy loads (`blas_threads`)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

SRC = str(Path(__file__).resolve().parents[1] / "src")

# Records the variable as it is when numpy starts loading: what OpenBLAS reads.
_PROBE = """
import importlib.abc, os, sys
seen = []
class Probe(importlib.abc.MetaPathFinder):
    def find_spec(self, name, path=None, target=None):
        if name == "numpy" and not seen:
            seen.append(os.environ.get("OPENBLAS_THREAD_TIMEOUT"))
        return None
sys.meta_path.insert(0, Probe())
import newsweave
print(seen[0] if seen else "numpy not loaded")
"""


def _timeout_when_numpy_loads(value: str | None) -> str:
    env = {k: v for k, v in os.environ.items() if k != "OPENBLAS_THREAD_TIMEOUT"}
    env["PYTHONPATH"] = SRC
    if value is not None:
        env["OPENBLAS_THREAD_TIMEOUT"] = value
    done = subprocess.run(
        [sys.executable, "-c", _PROBE], env=env, capture_output=True, text=True, check=True
    )
    return done.stdout.strip()


def test_importing_newsweave_sets_the_blas_thread_timeout_before_numpy_loads() -> None:
    assert _timeout_when_numpy_loads(None) == "4"


def test_a_blas_thread_timeout_the_user_set_is_kept() -> None:
    assert _timeout_when_numpy_loads("12") == "12"
