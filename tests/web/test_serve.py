"""`newsweave serve` as a user runs it: prints its URL, one-line errors with exit status 2."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
from pathlib import Path

import pytest

pytest.importorskip("uvicorn")
import httpx

COMMAND = [sys.executable, "-m", "newsweave.cli", "serve"]


def _run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str]:
    from newsweave.cli import main

    try:
        status = main(["serve", *args])
    except SystemExit as exit_:  # an option argparse itself refuses
        status = int(exit_.code or 0)
    return status, capsys.readouterr().err


@pytest.mark.slow
def test_serve_prints_its_url_and_answers_on_loopback(db: Path) -> None:
    with subprocess.Popen(
        [*COMMAND, "--db", str(db), "--port", "0"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    ) as process:
        try:
            assert process.stdout is not None
            line = process.stdout.readline()
            assert line.startswith("newsweave: serving "), line
            url = line.split(" at ", 1)[1].split(" ", 1)[0]
            assert url.startswith("http://127.0.0.1:")
            response = httpx.get(url + "api/stories", timeout=10)
            assert response.status_code == 200
            assert response.json()["total"] == 1
            assert httpx.get(url, headers={"host": "evil.example"}, timeout=10).status_code == 400
        finally:
            process.send_signal(signal.SIGINT)
            try:
                process.communicate(timeout=20)
            except subprocess.TimeoutExpired:
                process.kill()
                process.communicate()


def test_a_port_in_use_is_a_one_line_error(db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen(1)
        port = taken.getsockname()[1]
        status, err = _run(capsys, "--db", str(db), "--port", str(port))
    assert status == 2
    assert err.count("\n") == 1, err
    assert "in use" in err


@pytest.mark.parametrize("port", ["70000", "-1"])
def test_a_bad_port_is_a_one_line_error(
    db: Path, capsys: pytest.CaptureFixture[str], port: str
) -> None:
    status, err = _run(capsys, "--db", str(db), f"--port={port}")
    assert status == 2
    assert err.count("\n") == 1, err
    assert "port" in err


def test_a_missing_database_is_a_one_line_error_and_creates_nothing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    status, err = _run(capsys, "--db", str(tmp_path / "typo.db"), "--port", "0")
    assert status == 2
    assert err.count("\n") == 1, err
    assert os.listdir(tmp_path) == []
