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
records before it are kept, and reading resumes at the next record header (WARC or ARC, from a
file or from stdin). What gzip members inflate to counts towards `max_decompressed_bytes`.
WARC-Date is when the page was crawled, not published: it is not used.
"""

from __future__ import annotations

import contextlib
import io
import itertools
import re
import zlib
from collections.abc import Callable, Generator, Iterator
from dataclasses import dataclass
from typing import IO, Any

from newsweave.ingest._warcio import CountingReader, QuietArchiveIterator, content_stream
from newsweave.ingest.config import IngestConfig, format_size
from newsweave.ingest.html import read_html
from newsweave.ingest.problems import InputTooLargeError, is_read_error, one_line
from newsweave.ingest.sniff import SNIFF_BYTES, sniff_format
from newsweave.ingest.streams import BUFFER_BYTES, ByteStream, PrefixedStream, read_capped
from newsweave.ingest.text import read_text, within_limits
from newsweave.model import Problem, RawDoc

_DOCUMENT_RECORDS = frozenset({"response", "resource", "conversion"})
_GENERIC_TYPES = frozenset({"", "application/octet-stream", "unk", "unknown", "no-type"})
_NOT_RECORD_GZIPPED = "non-chunked gzip"
_DRAIN_CHUNK = 1 << 16
_CUT_SHORT = "truncated WARC record (file ends inside it)"
_OVERRUN = "record longer than its Content-Length (corrupt record or wrong length)"
# Resynchronising: what starts a record, how much is read at a time while looking for one, and
# how much after a candidate is checked. A file with more damaged places than _MAX_RESYNCS is
# not a damaged WARC but something else; giving up bounds the work.
_LINE_RECORD = b"\nWARC/"
_GZIP_MEMBER = b"\x1f\x8b\x08"
_RECORD_START = re.compile(rb"WARC/\d\.\d+\r?\n")
# An ARC (version 1) record starts with a line "URL IP-address date content-type length".
_ARC_LINE = b"\n"
_ARC_RECORD_START = re.compile(rb"[^\s]+ [^\s]+ \d{8,14} [^\s]+ \d+\r?\n")
_SCAN_CHUNK = 1 << 20
_SCAN_CHECK = 256
_ARC_CHECK = 4096  # an ARC header line holds a URL: longer than a WARC version line
_MAX_RESYNCS = 100


def read_warc(
    stream: ByteStream,
    source: str,
    config: IngestConfig,
    *,
    reopen: Callable[[], IO[bytes]] | None = None,
    gzipped: bool = False,
    reopen_decompressed: Callable[[], IO[bytes]] | None = None,
) -> Iterator[RawDoc | Problem]:
    """The documents of a WARC stream (gzipped per record or not), and its Problems.

    `reopen` opens the same bytes again from the start (`gzipped` says whether they are the
    compressed ones); a damaged record is skipped by resynchronising on the next record (see
    `_RecordReader`); without `reopen` (stdin) the bytes since the last whole record are kept
    to look there (`_Rewindable`).
    `reopen_decompressed` opens the input again as decompressed bytes; it is used when the
    file turns out to be gzipped as one stream rather than record by record (`gzip file.warc`),
    which warcio cannot iterate. Offsets then count decompressed bytes.
    """
    records = _RecordReader(stream, source, config, reopen=reopen, gzipped=gzipped)
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
        yield from _RecordReader(
            decompressed, source, config, skip=records.seen, reopen=reopen_decompressed
        )


@dataclass(frozen=True, slots=True)
class _Damage:
    """Where a stream stopped being readable as records (a file offset) and why."""

    offset: int
    reason: str
    arc: bool = False  # an ARC file: the next record is an ARC header line
    final: bool = False  # reading cannot go on (the max_decompressed_bytes limit)


class _Rewindable:
    """A forward-only input (stdin) that keeps the bytes read since the last record that was
    read whole, so that after a damaged record the search for the next one can start just
    after the damaged record's start, as it does in a file.

    At most about `2 * cap` bytes are kept: past that the oldest are dropped and the search
    starts at the oldest byte kept (a damaged record longer than `cap` loses its tail).
    """

    def __init__(self, stream: ByteStream, base: int, cap: int) -> None:
        self._stream = stream
        self._kept = bytearray()
        self._kept_from = base
        self._cap = cap

    def read(self, size: int = -1, /) -> bytes:
        data = self._stream.read(size)
        self._kept += data
        if len(self._kept) > 2 * self._cap:
            self.release(self._kept_from + len(self._kept) - self._cap)
        return data

    def release(self, offset: int) -> None:
        """Nothing before file offset `offset` will be read again."""
        drop = min(max(0, offset - self._kept_from), len(self._kept))
        del self._kept[:drop]
        self._kept_from += drop

    def rewind(self, offset: int) -> tuple[IO[bytes], int]:
        """A stream of the input from `offset` (or the oldest byte kept), and where it starts."""
        start = min(max(offset, self._kept_from), self._kept_from + len(self._kept))
        rest = bytes(self._kept[start - self._kept_from :])
        self._kept = bytearray()
        stream = io.BufferedReader(PrefixedStream(rest, self._stream), buffer_size=BUFFER_BYTES)
        return stream, start


class _RecordReader:
    """Iterates over the documents and Problems of one WARC stream.

    A damaged record (a wrong Content-Length, garbage between records, a corrupt gzip member,
    a record cut short) does not end the file: the reader looks for the next record header
    after the damaged record's start (`WARC/` at the start of a line, or a gzip member that
    starts with one) and goes on from there, so the intact records after it are kept and
    records a wrong length swallowed are found again. Each damaged place costs one Problem
    saying how many bytes were skipped.

    Afterwards `seen` counts the records read and `single_gzip_stream_at` is the offset where
    warcio found the stream gzipped as a whole (None otherwise).
    """

    def __init__(
        self,
        stream: ByteStream,
        source: str,
        config: IngestConfig,
        *,
        skip: int = 0,
        reopen: Callable[[], IO[bytes]] | None = None,
        gzipped: bool = False,
    ) -> None:
        self._stream = stream
        self._source = source
        self._config = config
        self._skip = skip
        self._reopen = reopen
        self._gzipped = gzipped
        self.seen = 0
        self.single_gzip_stream_at: int | None = None
        self._inflated = 0  # what gzip members inflated to in earlier segments

    def __iter__(self) -> Iterator[RawDoc | Problem]:
        # One reopened handle at a time: each resynchronisation replaces the previous one.
        with contextlib.ExitStack() as reopened:
            stream, base = self._forward(self._stream, 0), 0
            for resyncs in itertools.count():
                damage = yield from self._segment(stream, base)
                if damage is None:
                    return
                where = f"{self._source}#{damage.offset}"
                if damage.final:
                    yield Problem(source=where, error=one_line(damage.reason))
                    return
                if resyncs >= _MAX_RESYNCS:
                    yield Problem(
                        source=where,
                        error=one_line(
                            f"{damage.reason}; more than {_MAX_RESYNCS} damaged places, "
                            "the rest of the file was not read"
                        ),
                    )
                    return
                if isinstance(stream, _Rewindable):
                    again, at = stream.rewind(damage.offset + 1)
                else:
                    assert self._reopen is not None
                    reopened.close()
                    again, at = reopened.enter_context(self._reopen()), 0
                found = _find_next_record(
                    again, damage.offset + 1, self._gzipped, arc=damage.arc, at=at
                )
                if found is None:
                    yield Problem(
                        source=where,
                        error=one_line(f"{damage.reason}; no intact record after it"),
                    )
                    return
                stream, base = self._forward(found[0], found[1]), found[1]
                yield Problem(
                    source=where,
                    error=one_line(
                        f"{damage.reason}; skipped {base - damage.offset} bytes "
                        f"to the next record at #{base}"
                    ),
                )

    def _forward(self, stream: ByteStream, base: int) -> ByteStream:
        """`stream` (at file offset `base`), kept to look back in when it cannot be reopened."""
        if self._reopen is not None:
            return stream
        return _Rewindable(stream, base, self._config.max_bytes)

    def _segment(
        self, stream: ByteStream, base: int
    ) -> Generator[RawDoc | Problem, None, _Damage | None]:
        """The records from `stream` (which starts at file offset `base`) up to the end or
        the first damage, which it returns. A record is held back until the next one is read,
        because only then does warcio tell that its length was wrong."""
        counter = CountingReader(stream)
        records = QuietArchiveIterator(
            counter, inflate_limit=self._config.max_decompressed_bytes - self._inflated
        )
        reader = records.reader  # warcio drops it when the iterator ends
        try:
            return (yield from self._records(records, counter, stream, base))
        finally:
            self._inflated += reader.inflated

    def _records(
        self, records: QuietArchiveIterator, counter: CountingReader, stream: ByteStream, base: int
    ) -> Generator[RawDoc | Problem, None, _Damage | None]:
        source = self._source
        pending: tuple[int, list[RawDoc | Problem]] | None = None
        while True:
            try:
                record = next(records, None)
            except InputTooLargeError as error:
                if pending is not None:
                    yield from pending[1]
                return _Damage(base + records.offset, str(error), final=True)
            except Exception as error:  # warcio raises many kinds on bad input, some its bugs
                if _NOT_RECORD_GZIPPED in str(error):
                    self.single_gzip_stream_at = base + records.offset
                    if pending is not None:
                        yield from pending[1]
                    return None
                if records.err_count and pending is not None:
                    return _Damage(pending[0], _OVERRUN)
                if pending is not None:
                    yield from pending[1]
                reason = f"corrupt or truncated WARC record: {_warcio_reason(error)}"
                return self._damage(records, base + records.offset, reason)
            if records.err_count and pending is not None:
                # Counted while warcio went past the last record: what it read since may be
                # the middle of a record (a gzip member gone bad reads as too long), so the
                # next record is looked for again from the damaged one's start.
                return self._damage(records, pending[0], _OVERRUN)
            if pending is not None:
                yield from pending[1]
            pending = None
            if record is None:
                break
            offset = base + records.offset
            self.seen += 1
            if self.seen <= self._skip:
                continue
            try:
                items = self._read(record, f"{source}#{offset}")
            except InputTooLargeError as error:
                return _Damage(offset, str(error), final=True)
            if records.reader.decompress_error:
                reason = f"corrupt gzip data in WARC record: {records.reader.decompress_error}"
                return self._damage(records, offset, reason)
            if items and isinstance(items[0], Problem) and items[0].error == _CUT_SHORT:
                return self._damage(records, offset, _CUT_SHORT)
            pending = (offset, items)
            if isinstance(stream, _Rewindable):
                stream.release(offset)  # damage is now found at this record or after it
        if counter.count > records.offset:
            reason = "truncated or corrupt WARC record (file ends inside it)"
            return self._damage(records, base + records.offset, reason)
        return None

    def _damage(self, records: Any, offset: int, reason: str) -> _Damage:
        return _Damage(offset, reason, arc=records.known_format == "arc")

    def _read(self, record: Any, source: str) -> list[RawDoc | Problem]:
        """The document of `record` (none for records that are not documents), its notes."""
        notes: list[Problem] = []
        try:
            item = _read_record(record, source, self._config, notes)
        except InputTooLargeError:
            raise  # the file's limit, not this record's: reading stops (`_records`)
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
            error_line = one_line(f"cannot read record payload: {_reason(error)}")
            return [Problem(source=source, error=error_line)]
        if item is None:
            return []
        return [item, *notes] if isinstance(item, RawDoc) else [item]


def _find_next_record(
    stream: IO[bytes], start: int, gzipped: bool, *, arc: bool = False, at: int = 0
) -> tuple[IO[bytes], int] | None:
    """`stream` positioned at the first record header at or after offset `start`, and its
    offset; None when there is none. `stream` must be at offset `at` (<= start, or past it
    when the bytes before are gone: then the search starts there). `arc`: ARC records."""
    if stream.seekable():
        stream.seek(start)
    else:
        _discard(stream, start - at)
    start = max(start, at)
    check = _ARC_CHECK if arc else _SCAN_CHECK
    marker = _GZIP_MEMBER if gzipped else _ARC_LINE if arc else _LINE_RECORD
    window = b""
    window_start = start
    while True:
        chunk = stream.read(_SCAN_CHUNK)
        window += chunk
        pos = 0
        while True:
            pos = window.find(marker, pos)
            if pos < 0:
                break
            head = pos + (0 if gzipped else 1)
            if len(window) - head < check and chunk:
                break  # too little after it to check: read more first
            if _starts_record(window[head : head + check], gzipped, arc=arc):
                found = window_start + head
                if stream.seekable():
                    stream.seek(found)
                    return stream, found
                rest = PrefixedStream(window[head:], stream)
                return io.BufferedReader(rest, buffer_size=BUFFER_BYTES), found
            pos += 1
        if not chunk:
            return None
        # Keep a marker's width, so one split across chunks is still found.
        keep = min(len(window), len(marker) + check)
        window_start += len(window) - keep
        window = window[len(window) - keep :]


def _starts_record(data: bytes, gzipped: bool, *, arc: bool = False) -> bool:
    if gzipped:
        try:
            data = zlib.decompressobj(wbits=31).decompress(data, _ARC_CHECK if arc else 16)
        except zlib.error:
            return False
    return (_ARC_RECORD_START if arc else _RECORD_START).match(data) is not None


def _discard(stream: IO[bytes], size: int) -> None:
    while size > 0:
        chunk = stream.read(min(size, _SCAN_CHUNK))
        if not chunk:
            return
        size -= len(chunk)


def _read_record(
    record: Any, source: str, config: IngestConfig, notes: list[Problem]
) -> RawDoc | Problem | None:
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
        return Problem(source=source, error=_CUT_SHORT)
    if len(payload) > config.max_bytes:
        return Problem(source=source, error=f"record larger than {format_size(config.max_bytes)}")
    if kind == "sniff":
        kind = "html" if sniff_format(payload[:SNIFF_BYTES], "") == "html" else None
    if kind is None or not payload.strip():
        return None
    url = _target_uri(record) or None
    if kind == "html":
        doc = read_html(payload, source, declared_charset=charset, url=url, notes=notes)
    else:
        doc = read_text(payload, source, url=url, notes=notes)
    return within_limits(doc, config)


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
        if quoted and not line.strip().strip("'\"").isprintable():
            # Compressed or binary bytes (a corrupt gzip member): a glimpse of them says nothing.
            return f"{head}{quoted} binary data (corrupt gzip data or garbage)"
        # The quoted line is input bytes: a short glimpse is enough.
        return f"{head}{quoted} {line.strip()[:40]!r}" if quoted else reason
    if isinstance(error, EOFError):
        return "file ends inside the record header"
    return "unreadable record header"
