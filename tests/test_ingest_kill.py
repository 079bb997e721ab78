"""`kill -9` during `newsweave ingest`: the store stays intact, nothing is lost or doubled, and
the report after a rerun is never stale.

The number of kills is `NEWSWEAVE_KILLS` (4 by default, to keep the suite short; the issue's
campaign of 20 was run with NEWSWEAVE_KILLS=20).
"""

from __future__ import annotations

import os
import random
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from newsweave.store import Store
from tests.conftest import EXAMPLES, SHARED

pytestmark = pytest.mark.slow

KILLS = int(os.environ.get("NEWSWEAVE_KILLS", "4"))


def _corpus(folder: Path) -> Path:
    for path in EXAMPLES.glob("*.txt"):
        shutil.copy(path, folder / path.name)
    pages = SHARED / "eval" / "cleaning" / "txt"
    for path in sorted(pages.glob("*.txt"))[:24] if pages.exists() else []:
        shutil.copy(path, folder / path.name)
    return folder


def _ingest(corpus: Path, db: Path, config: Path) -> subprocess.Popen[bytes]:
    return subprocess.Popen(
        [sys.executable, "-m", "newsweave.cli", "ingest", str(corpus), "--db", str(db),
         "--config", str(config), "--no-progress", "--workers", "1"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )  # fmt: skip


def _integrity(db: Path) -> str:
    with sqlite3.connect(db) as connection:
        return str(connection.execute("PRAGMA integrity_check").fetchone()[0])


def test_kill_9_during_ingest_loses_and_doubles_nothing(tmp_path: Path) -> None:
    (tmp_path / "corpus").mkdir()
    corpus = _corpus(tmp_path / "corpus")
    config = tmp_path / "small-batches.toml"
    config.write_text("[ingest]\nbatch_records = 3\n", encoding="utf-8")
    reference = tmp_path / "reference.db"
    assert _ingest(corpus, reference, config).wait(timeout=900) in (0, 1)
    with Store(reference) as store:
        expected = store.article_ids()

    db = tmp_path / "killed.db"
    rng = random.Random(20261202)
    for _ in range(KILLS):
        process = _ingest(corpus, db, config)
        time.sleep(rng.uniform(0.5, 6.0))
        if process.poll() is None:
            process.send_signal(signal.SIGKILL)
        process.wait(timeout=60)
        if db.exists():
            assert _integrity(db) == "ok"
            with Store(db) as store:
                assert store.article_ids() <= expected

    assert _ingest(corpus, db, config).wait(timeout=900) in (0, 1)
    assert _integrity(db) == "ok"
    with Store(db) as store:
        assert store.article_ids() == expected
        assert store.count() == len(expected)
        assert store.report_tables_current()
        latest = store.get_report("latest")
    assert latest is not None
    for article_id in expected:
        assert article_id in latest
