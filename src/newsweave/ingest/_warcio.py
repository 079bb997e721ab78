"""warcio, minus its writes to stderr.

warcio writes to `sys.stderr` when a record overruns its Content-Length and when gzip data goes
bad mid-stream (then it returns b"" and carries on), and logs a warning (printed by logging's
last-resort handler when the application configured none) for a target URI with spaces.
Library code must not print, and we want those events as Problems, so these subclasses record
them instead. They override small private methods, the same in warcio 1.7 and 1.8 (pyproject
has `warcio>=1.7.4`); tests/ingest/test_warc.py covers each event. The record reader also counts
what a .warc.gz inflates to, so `max_decompressed_bytes` bounds it as it bounds other gzip files.
"""

from __future__ import annotations

from typing import Any

from warcio.archiveiterator import ArchiveIterator
from warcio.bufferedreaders import BufferedReader, ChunkedDataReader, DecompressingBufferedReader
from warcio.recordloader import ArcWarcRecordLoader
from warcio.utils import BUFF_SIZE

from newsweave.ingest.config import format_size
from newsweave.ingest.problems import InputTooLargeError
from newsweave.ingest.streams import ByteStream


class _QuietDecompression:
    """Mixin: a decompression error after the first block is recorded, not printed."""

    decompressor: Any
    num_block_read: int
    decompress_error: str | None = None

    def _decompress(self, data: bytes) -> bytes:
        if self.decompressor and data and self.num_block_read > 0:
            try:
                result: bytes = self.decompressor.decompress(data)
            except Exception as error:  # zlib.error, brotli.error: the payload is corrupt
                self.decompress_error = str(error) or type(error).__name__
                return b""
            return result
        # The first block: warcio's own logic (falls back to "not compressed"), never printing.
        first: bytes = super()._decompress(data)  # type: ignore[misc]
        return first


class QuietDecompressingReader(_QuietDecompression, DecompressingBufferedReader):  # type: ignore[misc]
    """warcio's record-level reader (gzip members) that records decompression errors.

    It counts what gzip members inflate to in `inflated` (records drained unread included);
    past `limit` it raises InputTooLargeError, so a small .warc.gz cannot inflate without end.
    """

    inflated = 0
    limit: int | None = None

    def _decompress(self, data: bytes) -> bytes:
        result = super()._decompress(data)
        if self.decompressor is not None:
            self.inflated += len(result)
            if self.limit is not None and self.inflated > self.limit:
                raise InputTooLargeError(
                    f"decompresses to more than {format_size(self.limit)} "
                    "(the max_decompressed_bytes limit); the rest was not read"
                )
        return result


class _QuietBufferedReader(_QuietDecompression, BufferedReader):  # type: ignore[misc]
    pass


class _QuietChunkedReader(_QuietDecompression, ChunkedDataReader):  # type: ignore[misc]
    pass


class CountingReader:
    """Counts the bytes warcio takes from a stream, to notice data left after the last record."""

    def __init__(self, stream: ByteStream) -> None:
        self._stream = stream
        self.count = 0

    def read(self, size: int = -1) -> bytes:
        data = self._stream.read(size)
        self.count += len(data)
        return data

    def tell(self) -> int:
        return self.count


class QuietArchiveIterator(ArchiveIterator):  # type: ignore[misc]
    """warcio's iterator that counts record overruns in `err_count` instead of printing them."""

    reader: Any
    loader: Any

    def __init__(self, stream: CountingReader, *, inflate_limit: int | None = None) -> None:
        super().__init__(stream)
        # Nothing has been read yet: swap in the quiet reader and loader over the same stream.
        self.reader = QuietDecompressingReader(self.fh, block_size=BUFF_SIZE)
        self.reader.limit = inflate_limit
        self.loader = _QuietRecordLoader(verify_http=False, arc2warc=False)

    def _consume_blanklines(self) -> tuple[bytes | None, int]:
        # warcio's method minus its sys.stderr.write of the "not followed by newline" warning.
        empty_size = 0
        first_line = True
        while True:
            line: bytes = self.reader.readline()
            if not line:
                return None, empty_size
            stripped = line.rstrip()
            if not stripped or first_line:
                empty_size += len(line)
                if stripped:
                    self.err_count += 1
                first_line = False
                continue
            return line, empty_size


class _QuietRecordLoader(ArcWarcRecordLoader):  # type: ignore[misc]
    def _ensure_target_uri_format(self, rec_headers: Any) -> str | None:
        # warcio's method minus its logger.warning: <uri> (a wget bug) unwrapped, spaces encoded.
        uri: str | None = rec_headers.get_header("WARC-Target-URI")
        if uri is not None and uri.startswith("<") and uri.endswith(">"):
            uri = uri[1:-1]
            rec_headers.replace_header("WARC-Target-URI", uri)
        if uri is not None and " " in uri:
            uri = uri.replace(" ", "%20")
            rec_headers.replace_header("WARC-Target-URI", uri)
        return uri


def content_stream(record: Any) -> Any:
    """The payload of `record`, de-chunked and decompressed (warcio's `content_stream`, quiet).

    The returned reader's `decompress_error` is set when the payload's compression is corrupt.
    """
    if not record.http_headers:
        return record.raw_stream
    encoding = (record.http_headers.get_header("content-encoding") or "").lower() or None
    if encoding not in BufferedReader.get_supported_decompressors():
        encoding = None
    if record.http_headers.get_header("transfer-encoding") == "chunked":
        return _QuietChunkedReader(record.raw_stream, decomp_type=encoding)
    if encoding:
        return _QuietBufferedReader(record.raw_stream, decomp_type=encoding)
    return record.raw_stream
