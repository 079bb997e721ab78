"""Fixture builders for the ingest tests: every input is made here, in tmp_path."""

from __future__ import annotations

import io
from collections.abc import Callable, Sequence
from pathlib import Path

import pytest
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from newsweave.ingest import IngestConfig, read_inputs
from newsweave.model import Problem, RawDoc

# (record type, target URI, HTTP status or None for no HTTP headers, content type, payload)
WarcRecord = tuple[str, str, str | None, str, bytes]


def article_html(title: str, body: str, *, extra_head: str = "") -> bytes:
    return (
        f"<!DOCTYPE html><html lang='en'><head><meta charset='utf-8'><title>{title}</title>"
        f"{extra_head}</head><body><article><h1>{title}</h1><p>{body}</p></article></body></html>"
    ).encode()


def build_warc(records: Sequence[WarcRecord], *, gzip: bool) -> tuple[bytes, list[int]]:
    """WARC bytes made with warcio's writer, and the byte offset of each record.

    A record with an HTTP status gets HTTP headers (its content type there, plus any
    "Name: value" lines given after a newline in the content type); one without is written
    with the content type as its WARC Content-Type (resource, conversion records).
    """
    buffer = io.BytesIO()
    writer = WARCWriter(buffer, gzip=gzip)
    offsets = []
    for rec_type, uri, status, content_type, payload in records:
        offsets.append(buffer.tell())
        if status is not None:
            first, *extra = content_type.split("\n")
            headers = [("Content-Type", first)] if first else []
            headers += [tuple(line.split(": ", 1)) for line in extra]  # type: ignore[misc]
            headers.append(("Content-Length", str(len(payload))))
            http_headers = StatusAndHeaders(status, headers, protocol="HTTP/1.1")
            record = writer.create_warc_record(
                uri, rec_type, payload=io.BytesIO(payload), http_headers=http_headers
            )
        else:
            record = writer.create_warc_record(
                uri,
                rec_type,
                payload=io.BytesIO(payload),
                length=len(payload),
                warc_content_type=content_type,
            )
        writer.write_record(record)
        record.raw_stream.close()  # warcio may have spooled the payload to a temporary file
    return buffer.getvalue(), offsets


def read_all(*inputs: str | Path, config: IngestConfig | None = None) -> list[RawDoc | Problem]:
    config = config or IngestConfig(raise_unexpected=True)
    return list(read_inputs([str(item) for item in inputs], config=config))


def split(items: Sequence[RawDoc | Problem]) -> tuple[list[RawDoc], list[Problem]]:
    docs = [item for item in items if isinstance(item, RawDoc)]
    problems = [item for item in items if isinstance(item, Problem)]
    assert len(docs) + len(problems) == len(items)
    return docs, problems


@pytest.fixture
def write(tmp_path: Path) -> Callable[[str, bytes], Path]:
    """Write bytes to a file under tmp_path (parents created) and return its path."""

    def _write(name: str, data: bytes) -> Path:
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
        return path

    return _write
