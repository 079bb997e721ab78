"""One input stream to RawDocs and Problems: sniff its format, then hand it to its reader."""

from __future__ import annotations

import io
import zlib
from collections.abc import Callable, Iterator
from typing import IO

from newsweave.ingest.config import IngestConfig, format_size
from newsweave.ingest.decode import wide_encoding
from newsweave.ingest.html import read_html
from newsweave.ingest.jsonl import read_json, read_jsonl
from newsweave.ingest.problems import describe_read_error
from newsweave.ingest.sniff import SNIFF_BYTES, binary_kind, sniff_format
from newsweave.ingest.streams import (
    BUFFER_BYTES,
    ByteStream,
    GunzipStream,
    PrefixedStream,
    Utf8Transcoder,
    read_capped,
    read_prefix,
)
from newsweave.ingest.text import read_text, within_limits
from newsweave.ingest.warc import read_warc
from newsweave.model import Problem, RawDoc

# .gz inside .gz is legitimate once (a gzipped .warc.gz by mistake); deeper is a zip bomb shape.
_MAX_GZIP_DEPTH = 2
_GZIP_SUFFIXES = (".gz", ".gzip")


def read_stream(
    stream: ByteStream,
    *,
    source: str,
    name: str,
    config: IngestConfig,
    reopen: Callable[[], IO[bytes]] | None = None,
    depth: int = 0,
) -> Iterator[RawDoc | Problem]:
    """The documents in `stream`, whatever its format; `name` is a hint for ties only.

    `reopen` opens the same input again from the start (None for stdin); read errors that
    escape (OSError, EOFError, zlib.error) are the caller's to turn into a Problem.
    """
    prefix, error = read_prefix(stream, SNIFF_BYTES)
    if error is not None and not prefix:
        yield Problem(source=source, error=describe_read_error(error))
        return
    kind = sniff_format(prefix, name)
    if error is not None and kind not in ("jsonl", "json"):
        # Only line formats can use what came before a read error; and a sniff of bytes that
        # end in corruption would misname the input.
        yield Problem(source=source, error=describe_read_error(error))
        return
    whole = len(prefix) < SNIFF_BYTES and error is None  # read_prefix stops short only at EOF
    body = io.BufferedReader(PrefixedStream(prefix, stream, error), buffer_size=BUFFER_BYTES)
    if kind == "empty":
        if whole:
            yield Problem(source=source, error="empty file")
            return
        kind = "text"  # 64 kB of whitespace, then something: let the text reader decide
    if kind == "binary":
        yield Problem(source=source, error=f"binary file ({binary_kind(prefix) or 'binary data'})")
    elif kind == "gzip":
        yield from _read_gzip(
            body, prefix, source=source, name=name, config=config, reopen=reopen, depth=depth
        )
    elif kind == "warc":
        yield from read_warc(body, source, config, reopen=reopen)
    elif kind in ("jsonl", "json"):
        wide = wide_encoding(prefix)
        lines: IO[bytes] = body
        if wide is not None:
            lines = io.BufferedReader(Utf8Transcoder(body, wide), buffer_size=BUFFER_BYTES)
        reader = read_jsonl if kind == "jsonl" else read_json
        yield from reader(lines, source, config)
    else:
        # Most articles fit in the sniffed prefix: no second read, no copy.
        data = prefix if whole else read_capped(body, config.max_bytes)
        if len(data) > config.max_bytes:
            yield Problem(
                source=source,
                error=f"larger than {format_size(config.max_bytes)} (the max_bytes limit)",
            )
        else:
            notes: list[Problem] = []
            if kind == "html":
                doc = within_limits(read_html(data, source, notes=notes), config)
            else:
                doc = within_limits(read_text(data, source, notes=notes), config)
            yield doc
            if isinstance(doc, RawDoc):
                yield from notes


def _read_gzip(
    body: IO[bytes],
    prefix: bytes,
    *,
    source: str,
    name: str,
    config: IngestConfig,
    reopen: Callable[[], IO[bytes]] | None,
    depth: int,
) -> Iterator[RawDoc | Problem]:
    if depth >= _MAX_GZIP_DEPTH:
        yield Problem(source=source, error="gzip nested in gzip more than twice")
        return
    inner_name = name
    for suffix in _GZIP_SUFFIXES:
        if inner_name.lower().endswith(suffix):
            inner_name = inner_name[: -len(suffix)]
    if sniff_format(_gunzip_start(prefix), inner_name) == "warc":
        # warcio reads .warc.gz itself, record by record, and so gives compressed offsets.
        reopen_decompressed = None
        if reopen is not None and depth == 0:
            reopen_decompressed = _gunzipped(reopen, config.max_decompressed_bytes)
        yield from read_warc(
            body,
            source,
            config,
            reopen=reopen if depth == 0 else None,
            gzipped=True,
            reopen_decompressed=reopen_decompressed,
        )
        return
    gunzip = GunzipStream(body, limit=config.max_decompressed_bytes)
    unzipped = io.BufferedReader(gunzip, buffer_size=BUFFER_BYTES)
    yield from read_stream(unzipped, source=source, name=inner_name, config=config, depth=depth + 1)


def _gunzip_start(prefix: bytes) -> bytes:
    """The first decompressed bytes of a gzip stream starting with `prefix` (b"" if corrupt)."""
    try:
        return zlib.decompressobj(wbits=31).decompress(prefix, SNIFF_BYTES)
    except zlib.error:
        return b""


def _gunzipped(reopen: Callable[[], IO[bytes]], limit: int) -> Callable[[], io.BufferedReader]:
    def open_gunzipped() -> io.BufferedReader:
        gunzip = GunzipStream(reopen(), owned=True, limit=limit)
        return io.BufferedReader(gunzip, buffer_size=BUFFER_BYTES)

    return open_gunzipped
