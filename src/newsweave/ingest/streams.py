"""Byte streams the readers share: a sniffed prefix put back in front, UTF-16 made UTF-8."""

from __future__ import annotations

import codecs
import gzip
import io
import zlib
from typing import Protocol

from newsweave.ingest.config import format_size
from newsweave.ingest.problems import InputTooLargeError, is_read_error

# Buffer of the readers we stack on inputs, and the most read at once: 256 kB keeps line
# reading cheap on big files. Reads are capped at this size because read(n) allocates n bytes
# first: asking for max_bytes (20 MB) per file made 10k small files read 3x slower (measured).
BUFFER_BYTES = 1 << 18


class ByteStream(Protocol):
    """Anything with `read(size) -> bytes`: files, stdin's buffer, GzipFile."""

    def read(self, size: int = ..., /) -> bytes: ...


class PrefixedStream(io.RawIOBase):
    """`prefix` then the rest of `stream`; `error` (raised while reading the prefix) comes after.

    Reading the prefix may already fail (a gzip stream truncated in its first 64 kB): the error
    is kept until the prefix is consumed, so line readers still get the lines before it.
    """

    def __init__(
        self, prefix: bytes, stream: ByteStream | None, error: BaseException | None = None
    ) -> None:
        super().__init__()
        self._prefix = memoryview(prefix)
        self._pos = 0
        self._stream = stream if error is None else None
        self._error = error

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: bytearray | memoryview) -> int:  # type: ignore[override]
        target = memoryview(buffer).cast("B")
        if self._pos < len(self._prefix):
            size = min(len(target), len(self._prefix) - self._pos)
            target[:size] = self._prefix[self._pos : self._pos + size]
            self._pos += size
            return size
        if self._error is not None:
            error, self._error = self._error, None
            raise error
        if self._stream is None:
            return 0
        data = self._stream.read(len(target))
        target[: len(data)] = data
        return len(data)


class Utf8Transcoder(io.RawIOBase):
    """The text of `stream` (in `encoding`, e.g. UTF-16) as UTF-8 bytes, so one line reader
    serves every encoding. Undecodable bytes become U+FFFD."""

    def __init__(self, stream: ByteStream, encoding: str) -> None:
        super().__init__()
        self._stream = stream
        self._decoder = codecs.getincrementaldecoder(encoding)(errors="replace")
        self._pending = b""
        self._done = False

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: bytearray | memoryview) -> int:  # type: ignore[override]
        target = memoryview(buffer).cast("B")
        while not self._pending and not self._done:
            chunk = self._stream.read(max(len(target), 4096))
            self._done = not chunk
            self._pending = self._decoder.decode(chunk, final=self._done).encode("utf-8")
        size = min(len(target), len(self._pending))
        target[:size] = self._pending[:size]
        self._pending = self._pending[size:]
        return size


class GunzipStream(io.RawIOBase):
    """The decompressed bytes of a gzip `stream` (all members, NUL padding allowed).

    Ours rather than `gzip.GzipFile` because GzipFile drops what it already decompressed when
    the stream is truncated (it raises EOFError instead of returning the bytes before the cut);
    here the decompressed bytes come first and the EOFError after, so a truncated JSONL.gz still
    gives its complete lines. zlib checks each member's CRC and length (zlib.error when wrong).
    Past `limit` decompressed bytes it raises InputTooLargeError (a gzip bomb stops there).
    """

    def __init__(
        self, stream: ByteStream, *, owned: bool = False, limit: int | None = None
    ) -> None:
        super().__init__()
        self._stream = stream
        self._owned = owned
        self._limit = limit
        self._total = 0
        self._over_limit = False
        self._decompressor = zlib.decompressobj(wbits=31)
        self._input = b""
        self._output = b""
        self._in_member = False
        self._finished = False

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: bytearray | memoryview) -> int:  # type: ignore[override]
        target = memoryview(buffer).cast("B")
        while not self._output and not self._finished:
            self._decompress_some(max(len(target), 8192))
        if not self._output and self._over_limit:
            assert self._limit is not None
            raise InputTooLargeError(
                f"decompresses to more than {format_size(self._limit)} "
                "(the max_decompressed_bytes limit); the rest was not read"
            )
        size = min(len(target), len(self._output))
        target[:size] = self._output[:size]
        self._output = self._output[size:]
        return size

    def close(self) -> None:
        if self._owned and not self.closed:
            close = getattr(self._stream, "close", None)
            if close is not None:
                close()
        super().close()

    def _decompress_some(self, size: int) -> None:
        if not self._input:
            self._input = self._stream.read(BUFFER_BYTES)
            if not self._input:
                if self._in_member:
                    raise EOFError("gzip stream ends inside a member")
                self._finished = True
                return
        if not self._in_member:
            self._input = self._input.lstrip(b"\x00")  # padding between or after members
            if not self._input:
                return
            if not self._input.startswith(b"\x1f\x8b"[: len(self._input)]):
                raise gzip.BadGzipFile("data after the gzip stream is not gzip")
            self._decompressor = zlib.decompressobj(wbits=31)
            self._in_member = True
        self._output = self._decompressor.decompress(self._input, size)
        self._input = self._decompressor.unconsumed_tail
        self._total += len(self._output)
        if self._limit is not None and self._total > self._limit:
            # The bytes up to the limit are read (lines before it count); then the error.
            self._output = self._output[: len(self._output) - (self._total - self._limit)]
            self._over_limit = True
            self._finished = True
        if self._decompressor.eof:
            self._input = self._decompressor.unused_data + self._input
            self._in_member = False


def read_prefix(stream: ByteStream, size: int) -> tuple[bytes, BaseException | None]:
    """Up to `size` bytes from the start of `stream`, and the read error that cut it short."""
    parts: list[bytes] = []
    total = 0
    # read1 where there is one: BufferedReader.read(n) loses what it gathered when a later raw
    # read fails, and a truncated gzip fails exactly so.
    read = getattr(stream, "read1", stream.read)
    try:
        while total < size:
            chunk = read(size - total)
            if not chunk:
                break
            parts.append(chunk)
            total += len(chunk)
    except Exception as error:
        if not is_read_error(error):
            raise
        return b"".join(parts), error
    return b"".join(parts), None


def read_capped(stream: ByteStream, cap: int) -> bytes:
    """Up to `cap + 1` bytes of `stream`: one more than allowed tells that it is too big."""
    parts: list[bytes] = []
    total = 0
    while total <= cap:
        # Bounded chunks: read(n) allocates n bytes up front, 20 MB per small file otherwise.
        chunk = stream.read(min(cap + 1 - total, BUFFER_BYTES))
        if not chunk:
            break
        parts.append(chunk)
        total += len(chunk)
    return b"".join(parts)
