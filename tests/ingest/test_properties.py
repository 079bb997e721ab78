"""Whatever the bytes, reading yields RawDocs and one-line Problems and never raises."""

from __future__ import annotations

import gzip
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from newsweave.ingest import IngestConfig, read_inputs
from newsweave.model import Problem, RawDoc

# Prefixes that steer random bytes into each reader instead of the binary check.
PREFIXES = [
    b"",
    b"WARC/1.0\r\n",
    b"WARC/1.0\r\nWARC-Type: response\r\nContent-Length: 10\r\n\r\n",
    b'{"text": "',
    b'{"text": "a"}\n',
    b"[",
    b'[{"text": "a"}, ',
    b"<html><head><title>",
    b"\xff\xfe",
    b"\x1f\x8b",
]

# raise_unexpected: a bug of ours must fail the test, not hide as a Problem.
STRICT = IngestConfig(max_bytes=4096, raise_unexpected=True)


def check(path: Path) -> None:
    for item in read_inputs([str(path)], config=STRICT):
        assert isinstance(item, RawDoc | Problem)
        if isinstance(item, Problem):
            assert item.error and item.error.isprintable()
            assert item.source.startswith(str(path))
        else:
            assert item.text is not None or item.html is not None


@settings(
    max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    prefix=st.sampled_from(PREFIXES),
    data=st.binary(max_size=6000),
    name=st.sampled_from(["x", "x.txt", "x.html", "x.jsonl", "x.json", "x.warc", "x.gz"]),
    compress=st.booleans(),
    cut=st.integers(min_value=0, max_value=64),
)
def test_random_bytes_never_raise(
    tmp_path: Path, *, prefix: bytes, data: bytes, name: str, compress: bool, cut: int
) -> None:
    content = prefix + data
    if compress:
        content = gzip.compress(content)
        content = content[: len(content) - cut]  # truncated or whole
    path = tmp_path / name
    path.write_bytes(content)
    check(path)
