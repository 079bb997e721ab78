"""WARC (and ARC) files, plain or gzipped, read record by record with warcio.

Which records become documents:
- `response` records with a 2xx HTTP status and an HTML payload (by Content-Type, or by sniffing
  when the type is missing or generic), and `resource` records with an HTML payload;
- `resource` and `conversion` records of type text/plain (e.g. the extracted text in WET files).
Everything else is skipped silently, as a crawl holds far more non-articles than articles:
request/metadata/warcinfo/revisit records, redirects and error pages, images, scripts, CSS,
robots.txt, DNS records, empty payloads.

A record that is truncated or corrupt becomes a Problem named `file#OFFSET` (the record's byte
offset in the file, compressed offsets for record-gzipped .warc.gz as CDX indexes use them); the
records before it are kept. WARC-Date is when the page was crawled, not published: it is not used.
"""

from __future__ import annotations

import io
from collections.abc import Callable, Iterator
from typing import Any

from newsweave.ingest._warcio import CountingReader, QuietArchiveIterator, content_stream
from newsweave.ingest.config import IngestConfig, format_size
from newsweave.ingest.html import read_html
from newsweave.ingest.problems import is_read_error, one_line
from newsweave.ingest.sniff import SNIFF_BYTES, sniff_format
from newsweave.ingest.streams import ByteStream, read_capped
from newsweave.ingest.text import read_text
from newsweave.model import Problem, RawDoc

_DOCUMENT_RECORDS = frozenset({"response", "resource", "conversion"})
_GENERIC_TYPES = frozenset({"", "application/octet-stream", "unk", "unknown", "no-type"})
_NOT_RECORD_GZIPPED = "non-chunked gzip"
_DRAIN_CHUNK = 1 << 16


def read_warc(
    stream: ByteStream,
    source: str,
    config: IngestConfig,
    *,
    reopen_decompressed: Callable[[], io.BufferedReader] | None = None,
) -> Iterator[RawDoc | Problem]:
    """The documents of a WARC stream (gzipped per record or not), and its Problems.

    `reopen_decompressed` opens the input again as decompressed bytes; it is used when the
    file turns out to be gzipped as one stream rather than record by record (`gzip file.warc`),
    which warcio cannot iterate. Offsets then count decompressed bytes.
    """
    records = _RecordReader(stream, source, config)
    yield from records
    if records.single_gzip_stream_at is None:
        return
    if reopen_decompressed is None:
        yield Problem(
            source=f"{source}#{records.single_gzip_stream_at}",
            error="WARC gzipped as a single stream, not record by record; "
            "decompress it (gunzip) and read the .warc",
        )
        return
    with reopen_decompressed() as decompressed:
        yield from _RecordReader(decompressed, source, config, skip=records.seen)


class _RecordReader:
    """Iterates over the documents and Problems of one WARC stream.

    Afterwards `seen` counts the records read and `single_gzip_stream_at` is the offset where
    warcio found the stream gzipped as a whole (None otherwise).
    """

    def __init__(
        self, stream: ByteStream, source: str, config: IngestConfig, *, skip: int = 0
    ) -> None:
        self._counter = CountingReader(stream)
        self._source = source
        self._config = config
        self._skip = skip
        self.seen = 0
        self.single_gzip_stream_at: int | None = None

    def __iter__(self) -> Iterator[RawDoc | Problem]:
        records = QuietArchiveIterator(self._counter)
        source = self._source
        offset = 0
        overruns = 0
        while True:
            try:
                record = next(records, None)
            except Exception as error:  # warcio raises many kinds on bad input, some its bugs
                if _NOT_RECORD_GZIPPED in str(error):
                    self.single_gzip_stream_at = offset
                    return
                yield Problem(
                    source=f"{source}#{records.offset}",
                    error=one_line(f"corrupt or truncated WARC record: {_warcio_reason(error)}"),
                )
                return
            if records.err_count > overruns:  # counted while warcio went past the last record
                overruns = records.err_count
                yield Problem(
                    source=f"{source}#{offset}",
                    error="record longer than its Content-Length (corrupt record or wrong length)",
                )
            if record is None:
                break
            offset = records.offset
            self.seen += 1
            if self.seen <= self._skip:
                continue
            item = self._read(record, f"{source}#{offset}")
            if records.reader.decompress_error:
                yield Problem(
                    source=f"{source}#{offset}",
                    error=one_line(
                        f"corrupt gzip data in WARC record: {records.reader.decompress_error}"
                    ),
                )
                return
            if item is not None:
                yield item
        if self._counter.count > records.offset:
            yield Problem(
                source=f"{source}#{records.offset}",
                error="truncated or corrupt WARC record (file ends inside it)",
            )

    def _read(self, record: Any, source: str) -> RawDoc | Problem | None:
        try:
            return _read_record(record, source, self._config)
        except Exception as error:
            # warcio's payload readers raise their own errors, zlib's and ValueError on bad
            # chunking or compression; anything else is a bug of ours.
            input_error = (
                is_read_error(error)
                or isinstance(error, ValueError)
                or type(error).__module__.startswith("warcio")
            )
            if self._config.raise_unexpected and not input_error:
                raise
            return Problem(
                source=source, error=one_line(f"cannot read record payload: {_reason(error)}")
            )


def _read_record(record: Any, source: str, config: IngestConfig) -> RawDoc | Problem | None:
    if _declared_length(record) is None:
        _drain(record)
        return Problem(source=source, error="truncated or corrupt WARC record header")
    kind, charset = _document_kind(record)
    payload = b""
    if kind is not None:
        content = content_stream(record)
        payload = read_capped(content, config.max_bytes)
        if getattr(content, "decompress_error", None):
            _drain(record)
            return Problem(
                source=source,
                error=one_line(f"corrupt compressed payload: {content.decompress_error}"),
            )
    # Read the rest of the block ourselves: a shortfall against Content-Length means the file
    # ends inside this record (warcio would silently hand over the short payload).
    _drain(record)
    if getattr(record.raw_stream, "limit", 0) > 0:
        return Problem(source=source, error="truncated WARC record (file ends inside it)")
    if len(payload) > config.max_bytes:
        return Problem(source=source, error=f"record larger than {format_size(config.max_bytes)}")
    if kind == "sniff":
        kind = "html" if sniff_format(payload[:SNIFF_BYTES], "") == "html" else None
    if kind is None or not payload.strip():
        return None
    url = _target_uri(record) or None
    if kind == "html":
        return read_html(payload, source, declared_charset=charset, url=url)
    return read_text(payload, source, url=url)


def _document_kind(record: Any) -> tuple[str | None, str | None]:
    """("html" | "text" | "sniff" | None, declared charset) for a record."""
    if record.rec_type not in _DOCUMENT_RECORDS:
        return None, None
    headers = record.rec_headers
    if record.http_headers is not None:
        status = record.http_headers.get_statuscode() or ""
        if record.rec_type == "response" and not status.startswith("2"):
            return None, None
        headers = record.http_headers
    elif record.rec_type == "response" and _target_uri(record).startswith(("http:", "https:")):
        return None, None  # an HTTP response without HTTP headers: not a page we can read
    media_type, charset = _parse_content_type(headers.get_header("Content-Type") or "")
    if "html" in media_type:
        return "html", charset
    if media_type == "text/plain" and record.rec_type in ("resource", "conversion"):
        return "text", charset
    if media_type in _GENERIC_TYPES:
        return "sniff", charset
    return None, None


def _parse_content_type(value: str) -> tuple[str, str | None]:
    media_type, *params = value.split(";")
    charset = None
    for param in params:
        name, _, param_value = param.partition("=")
        if name.strip().lower() == "charset":
            charset = param_value.strip().strip("\"'") or None
    return media_type.strip().lower(), charset


def _declared_length(record: Any) -> int | None:
    name = "Content-Length" if record.format == "warc" else "length"
    value = (record.rec_headers.get_header(name) or "").strip()
    return int(value) if value.isdigit() else None


def _target_uri(record: Any) -> str:
    name = "WARC-Target-URI" if record.format == "warc" else "uri"
    value: str = record.rec_headers.get_header(name) or ""
    return value.strip().strip("<>")


def _drain(record: Any) -> None:
    """Read the rest of the record's block so its length can be checked."""
    while record.raw_stream.read(_DRAIN_CHUNK):
        pass


def _reason(error: BaseException) -> str:
    text = str(error).strip().splitlines()
    first = next((line for line in text if line.strip()), "")
    return f"{type(error).__name__}: {first}" if first else type(error).__name__


def _warcio_reason(error: BaseException) -> str:
    """What warcio's exception says about the input; its internal errors say nothing useful."""
    if type(error).__module__.startswith("warcio"):
        text = str(error).strip().splitlines()
        reason = next((line.strip() for line in text if line.strip()), "unreadable record")
        head, quoted, line = reason.partition("first line:")
        # The quoted line is input bytes, often binary: a short glimpse is enough.
        return f"{head}{quoted} {line.strip()[:40]!r}" if quoted else reason
    if isinstance(error, EOFError):
        return "file ends inside the record header"
    return "unreadable record header"
