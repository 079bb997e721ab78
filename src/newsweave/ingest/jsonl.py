"""JSON Lines and JSON files of article records, read one record at a time.

Each record is a JSON object; `IngestConfig.field_map` says which keys hold the text, HTML, URL,
title, date, outlet and language. A JSON file may hold one record, a list of records (streamed,
so a large list is never loaded whole), or an object wrapping such a list (`{"articles": [...]}`,
as news APIs return). Sources are `file#LINE` (1-based) for JSONL and `file#/INDEX` (a JSON
pointer) for items of a JSON list.
"""

from __future__ import annotations

import codecs
import json
import re
from collections.abc import Iterator
from typing import IO, Any

from newsweave.ingest.config import IngestConfig, format_size
from newsweave.ingest.decode import decode_bytes
from newsweave.ingest.html import html_metadata
from newsweave.ingest.problems import describe_read_error, is_read_error, one_line
from newsweave.ingest.sources import printable_source
from newsweave.ingest.streams import read_capped
from newsweave.ingest.text import safe_string, within_limits
from newsweave.model import Problem, RawDoc

# Read size while skipping an over-long line or filling the JSON buffer; 1 MiB keeps syscalls
# few without holding much.
_CHUNK = 1 << 20
# Strings (skipped whole; an unterminated one has an empty last group) and brackets: all that
# tells the nesting of JSON. The alternatives inside the string cannot overlap: linear time.
_TOKENS = re.compile(r'"(?:[^"\\]|\\.)*("?)|[\[\]{}]', re.S)
_NEWLINE_RUN = b"\n" * 4096
_NON_SPACE = re.compile(rb"[^ \t\r\n\x0b\x0c]")
_BYTE_TOKENS = re.compile(rb'"(?:[^"\\]|\\.)*("?)|[\[\]{}]', re.S)


def read_jsonl(stream: IO[bytes], source: str, config: IngestConfig) -> Iterator[RawDoc | Problem]:
    """One RawDoc or Problem per non-blank line of `stream`; a read error ends the file.

    Lines are cut from 1 MiB chunks rather than read one by one, so runs of blank lines are
    skipped at C speed (a gzip of gigabytes of newlines costs what inflating it costs), and
    memory holds one chunk plus at most one line of `max_bytes`.
    """
    # read1: BufferedReader.read(n) drops what it gathered when a later raw read fails, and a
    # truncated gzip fails exactly so; the lines before the cut must still be read.
    read = getattr(stream, "read1", stream.read)
    buffer = b""
    pos = 0
    number = 0  # newlines before `pos`: the 1-based number of the line at `pos`, minus one
    error: BaseException | None = None
    eof = False
    while True:
        # A long run of newlines (the shape of a blank-line bomb) is counted at memory speed;
        # the pattern search below runs at a third of that.
        newlines = -1
        if buffer.startswith(_NEWLINE_RUN, pos):
            newlines = buffer.count(b"\n", pos)
        if newlines == len(buffer) - pos:
            start = -1
        else:
            start = _first_non_space(buffer, pos)
            newlines = buffer.count(b"\n", pos) if start < 0 else 0
        if start < 0:  # only blank lines in the buffer
            number += newlines
            buffer, pos = b"", 0
        else:
            number += buffer.count(b"\n", pos, start)
            pos = start
            end = buffer.find(b"\n", pos)
            if end < 0 and eof and error is None and pos < len(buffer):
                end = len(buffer) - 1  # the last line, without its newline
            if end >= 0:
                line_source = f"{source}#{number + 1}"
                if end + 1 - pos > config.max_bytes:
                    yield Problem(source=line_source, error=_line_too_long(config))
                else:
                    line = buffer[pos : end + 1]
                    if number == 0:
                        line = line.removeprefix(codecs.BOM_UTF8)
                    yield from _parse_line(line, line_source, config)
                number += 1
                pos = end + 1
                continue
            if len(buffer) - pos > config.max_bytes:
                yield Problem(source=f"{source}#{number + 1}", error=_line_too_long(config))
                number += 1
                buffer, pos, eof, error = b"", 0, *_skip_rest_of_line(stream)
                continue
        if eof:
            if error is not None:
                yield Problem(
                    source=source,
                    error=f"{describe_read_error(error)} after line {number} "
                    "(earlier lines were read)",
                )
            return
        try:
            chunk = read(_CHUNK)
        except Exception as read_error:
            if not is_read_error(read_error):
                raise
            chunk, error = b"", read_error
        if not chunk:
            eof = True
        buffer, pos = buffer[pos:] + chunk, 0


def _first_non_space(data: bytes, pos: int) -> int:
    match = _NON_SPACE.search(data, pos)
    return match.start() if match else -1


def _line_too_long(config: IngestConfig) -> str:
    return f"line larger than {format_size(config.max_bytes)}"


def read_json(stream: IO[bytes], source: str, config: IngestConfig) -> Iterator[RawDoc | Problem]:
    """The records of a JSON file: one object, a list of objects, or an object wrapping a list."""
    reader = _JsonArrayReader(stream, config.max_bytes, config.max_json_depth)
    try:
        first = reader.peek_start()
        if first == "[":
            for index, item in reader.items():
                item_source = f"{source}#/{index}"
                if isinstance(item, _Skipped):
                    yield Problem(source=item_source, error=item.reason)
                    continue
                yield from _with_notes(item, item_source, config, encoding=reader.encoding)
            return
        data = read_capped(stream, config.max_bytes)
    except _JsonStreamError as error:
        yield Problem(source=f"{source}#/{error.index}", error=str(error))
        return
    except Exception as error:
        if not is_read_error(error):
            raise
        yield Problem(source=source, error=describe_read_error(error))
        return
    data = reader.buffered_bytes() + data
    if len(data) > config.max_bytes:
        yield Problem(
            source=source,
            error=f"JSON object larger than {format_size(config.max_bytes)}; "
            "write one record per line (JSONL) instead",
        )
        return
    yield from _records(data, source, config, item_prefix=f"{source}#/")


def record_from_json(
    value: Any,
    source: str,
    config: IngestConfig,
    *,
    encoding: str | None,
    notes: list[Problem] | None = None,
) -> RawDoc | Problem:
    """The RawDoc a parsed JSON record describes, or a Problem saying what it lacks.

    Strings are made safe to store (`safe_string`); NUL characters removed from the text or
    HTML are told in `notes`.
    """
    if not isinstance(value, dict):
        return Problem(source=source, error=f"not a JSON object (a {_json_type(value)})")
    text = _text_value(value, config.names("text"))
    html = _string_value(value, config.names("html"), keep_lines=True)
    if text is None and html is None:
        looked = ", ".join(config.names("text") + config.names("html"))
        return Problem(source=source, error=one_line(f"no text field (looked for {looked})"))
    nuls = (text or "").count("\x00") + (html or "").count("\x00")
    if nuls and notes is not None:
        plural = "s" if nuls > 1 else ""
        notes.append(
            Problem(source=source, error=f"removed {nuls} NUL character{plural}; kept the rest")
        )
    text = safe_string(text) if text is not None else None
    html = safe_string(html) if html is not None else None
    if html is not None and len(html.encode("utf-8")) > config.max_bytes:
        return Problem(source=source, error=f"html larger than {format_size(config.max_bytes)}")
    meta = html_metadata(html) if html is not None else None
    url = _string_value(value, config.names("url"))
    return RawDoc(
        source=source,
        text=text,
        html=html,
        url=url or (meta.url if meta else None),
        title=_string_value(value, config.names("title")) or (meta.title if meta else None),
        published=_string_value(value, config.names("published"))
        or (meta.published if meta else None),
        outlet=_name_value(value, config.names("outlet")) or (meta.outlet if meta else None),
        language=_string_value(value, config.names("language"))
        or (meta.language if meta else None),
        encoding=encoding,
    )


def _parse_line(line: bytes, source: str, config: IngestConfig) -> Iterator[RawDoc | Problem]:
    # One API response per line names its items `file#LINE/articles/0`.
    yield from _records(line, source, config, item_prefix=f"{source}/")


def _records(
    data: bytes, source: str, config: IngestConfig, *, item_prefix: str
) -> Iterator[RawDoc | Problem]:
    """The records of one JSON value: itself, or the items of the list an object wraps."""
    if _too_deep(data, config.max_json_depth):
        yield Problem(source=source, error=_too_deep_reason(config.max_json_depth))
        return
    decoded = _decode_json(data)
    if isinstance(decoded, str):
        yield Problem(source=source, error=decoded)
        return
    value, encoding = decoded
    wrapped = _wrapped_list(value, config) if isinstance(value, dict) else None
    if wrapped is None:
        yield from _with_notes(value, source, config, encoding=encoding)
        return
    key, items = wrapped
    # The key is input: made printable, and escaped as a JSON pointer (RFC 6901).
    pointer = printable_source(key.replace("~", "~0").replace("/", "~1"))
    for index, item in enumerate(items):
        yield from _with_notes(item, f"{item_prefix}{pointer}/{index}", config, encoding=encoding)


def _with_notes(
    value: Any, source: str, config: IngestConfig, *, encoding: str | None
) -> Iterator[RawDoc | Problem]:
    """The record `value` describes (or its Problem), then its notes."""
    notes: list[Problem] = []
    record = record_from_json(value, source, config, encoding=encoding, notes=notes)
    item = within_limits(record, config)
    yield item
    if isinstance(item, RawDoc):
        yield from notes


def _too_deep_reason(limit: int) -> str:
    return f"JSON nested deeper than {limit} levels (the max_json_depth limit)"


def _too_deep(data: bytes | str, limit: int) -> bool:
    """Whether the JSON text `data` nests arrays and objects deeper than `limit`."""
    if isinstance(data, bytes):
        if data.count(b"[") + data.count(b"{") <= limit:  # the common case, at C speed
            return False
        return _scan_depth(_BYTE_TOKENS.finditer(data), limit)[0] > limit
    if data.count("[") + data.count("{") <= limit:
        return False
    return _scan_depth(_TOKENS.finditer(data), limit)[0] > limit


def _scan_depth(tokens: Iterator[re.Match[Any]], limit: int | None) -> tuple[int, int]:
    """(deepest nesting seen, end of the first complete value or -1) over `tokens`.

    Stops early once deeper than `limit` (unless None). The end is -1 when the value is not
    complete (the text ends inside it).
    """
    depth = deepest = 0
    for match in tokens:
        token = match.group()
        first = token[:1]
        if first in ("[", "{", b"[", b"{"):
            depth += 1
            if depth > deepest:
                deepest = depth
                if limit is not None and deepest > limit:
                    return deepest, -1
        elif first in ("]", "}", b"]", b"}"):
            depth -= 1
            if depth <= 0:
                return deepest, match.end()
        elif not match.group(1):
            return deepest, -1  # an unterminated string
        elif depth == 0:
            return deepest, match.end()  # a top-level string
    return deepest, -1


def _decode_json(data: bytes) -> tuple[Any, str] | str:
    """(value, encoding) of JSON bytes, or why they are not JSON.

    UTF-8 as RFC 8259 asks (json also takes UTF-16/32); other bytes are decoded by guessing.
    """
    encoding = "utf-8"
    try:
        try:
            return json.loads(data), encoding
        except UnicodeDecodeError:
            decoded = decode_bytes(data)
            if decoded is None:
                return "not valid JSON: undecodable bytes"
            encoding = decoded.encoding
            return json.loads(decoded.text), encoding
    except ValueError as error:
        return one_line(f"not valid JSON: {error}")
    except RecursionError:
        return "not valid JSON: nested too deeply"


def _skip_rest_of_line(stream: IO[bytes]) -> tuple[bool, BaseException | None]:
    """Read past the end of the current line; (at end of input, the read error that ended it)."""
    while True:
        try:
            chunk = stream.readline(_CHUNK)
        except Exception as error:
            if not is_read_error(error):
                raise
            return True, error
        if not chunk:
            return True, None
        if chunk.endswith(b"\n"):
            return False, None


def _present(record: dict[str, Any], names: tuple[str, ...]) -> Iterator[Any]:
    """The values `record` has under `names`, in order; a dotted name ("source.name") reaches
    into nested objects when no key has that literal name. One loop for all names: this runs
    for every field of every record."""
    for name in names:
        value = record.get(name)
        if value is None and "." in name:
            value = _nested(record, name)
        if value is not None:
            yield value


def _nested(record: dict[str, Any], name: str) -> Any:
    value: Any = record
    for part in name.split("."):
        if not isinstance(value, dict) or part not in value:
            return None
        value = value[part]
    return value


def _text_value(record: dict[str, Any], names: tuple[str, ...]) -> str | None:
    """The first non-blank string, or list of strings (paragraphs, joined by blank lines)."""
    for value in _present(record, names):
        text = value
        if isinstance(value, list) and all(isinstance(part, str) for part in value):
            text = "\n\n".join(part.strip() for part in value if part.strip())
        if isinstance(text, str) and text.strip():
            return text.replace("\r\n", "\n").replace("\r", "\n")
    return None


def _string_value(
    record: dict[str, Any], names: tuple[str, ...], *, keep_lines: bool = False
) -> str | None:
    """The first non-blank string (or number, e.g. an epoch date) among `names`."""
    for value in _present(record, names):
        found = _as_string(value, keep_lines=keep_lines)
        if found:
            return found
    return None


def _as_string(value: Any, *, keep_lines: bool = False) -> str | None:
    if isinstance(value, int | float) and not isinstance(value, bool):
        value = str(value)
    if isinstance(value, str) and value.strip():
        # The HTML keeps its NULs for the caller to count; a one-line value loses them here.
        return value if keep_lines else safe_string(" ".join(value.split()))
    return None


def _name_value(record: dict[str, Any], names: tuple[str, ...]) -> str | None:
    """Like `_string_value`, also taking `name` of an object ({"publisher": {"name": ...}})."""
    for value in _present(record, names):
        found = _as_string(value.get("name") if isinstance(value, dict) else value)
        if found:
            return found
    return None


def _wrapped_list(value: dict[str, Any], config: IngestConfig) -> tuple[str, list[Any]] | None:
    """(key, items) when `value` is not a record itself but wraps a list of records."""
    if _text_value(value, config.names("text")) or _string_value(value, config.names("html")):
        return None
    for key, item in value.items():
        if isinstance(item, list) and item and all(isinstance(x, dict) for x in item):
            return key, item
    return None


def _json_type(value: Any) -> str:
    names = {list: "list", str: "string", bool: "boolean", int: "number", float: "number"}
    return "null" if value is None else names.get(type(value), type(value).__name__)


class _JsonStreamError(ValueError):
    """An item of a streamed JSON list is invalid, too large, or the list is cut short."""

    def __init__(self, index: int, message: str) -> None:
        super().__init__(message)
        self.index = index


class _Skipped:
    """An item of a JSON list that was skipped whole, and why."""

    def __init__(self, reason: str) -> None:
        self.reason = reason


class _JsonArrayReader:
    """Reads the items of a top-level JSON list one at a time from a byte stream.

    The encoding is UTF-8 (RFC 8259) unless the first chunk is not UTF-8; then it is guessed
    from that chunk, and `encoding` says which.
    """

    def __init__(self, stream: IO[bytes], max_bytes: int, max_depth: int) -> None:
        self._stream = stream
        self._max_bytes = max_bytes
        self._max_depth = max_depth
        self.encoding = "utf-8"
        self._decoder: codecs.IncrementalDecoder = codecs.getincrementaldecoder("utf-8")()
        self._json = json.JSONDecoder()
        self._raw = b""  # bytes read before we knew the input is not a list
        self._buffer = ""
        self._pos = 0
        self._eof = False

    def peek_start(self) -> str:
        """The first non-blank character of the input ("" when there is none)."""
        while True:
            self._skip_space()
            if self._pos < len(self._buffer) or not self._fill(keep_raw=True):
                break
        return self._buffer[self._pos : self._pos + 1]

    def buffered_bytes(self) -> bytes:
        return self._raw

    def items(self) -> Iterator[tuple[int, Any]]:
        self._pos += 1  # the "["
        index = 0
        while True:
            separator = self._next_char(index)
            if separator == "]":
                return
            if index > 0:
                if separator != ",":
                    raise _JsonStreamError(
                        index, f"expected ',' or ']' between items, got {separator!r}"
                    )
                self._pos += 1
            elif separator == ",":
                raise _JsonStreamError(index, "expected an item, got ','")
            if self._next_char(index) == "]":
                raise _JsonStreamError(index, "expected an item after ',', got ']'")
            yield index, self._next_value(index)
            index += 1

    def _next_char(self, index: int) -> str:
        while True:
            self._skip_space()
            if self._pos < len(self._buffer):
                return self._buffer[self._pos]
            if not self._fill():
                raise _JsonStreamError(index, "truncated JSON list (no closing ']')")

    def _next_value(self, index: int) -> Any:
        """The next item, or `_Skipped` for one nested too deeply (the list goes on after it)."""
        while True:
            try:
                value, end = self._json.raw_decode(self._buffer, self._pos)
            except RecursionError:
                return self._skip_deep_item(index)
            except json.JSONDecodeError as error:
                if self._eof or not self._may_need_more(error):
                    raise _JsonStreamError(index, one_line(f"not valid JSON: {error}")) from None
                if len(self._buffer) - self._pos > self._max_bytes:
                    raise _JsonStreamError(
                        index, f"item larger than {format_size(self._max_bytes)}"
                    ) from None
                # Read at least as much again as is buffered, so a big item costs a few
                # retries, not one per chunk.
                self._fill(max(_CHUNK, len(self._buffer) - self._pos))
                continue
            if (
                end == len(self._buffer)
                and not self._eof
                and not self._buffer.endswith(("}", "]", '"'))
            ):
                # A number or literal may continue in the next chunk.
                self._fill()
                continue
            too_deep = _too_deep(self._buffer[self._pos : end], self._max_depth)
            self._pos = end
            self._compact()
            return _Skipped(_too_deep_reason(self._max_depth)) if too_deep else value

    def _skip_deep_item(self, index: int) -> _Skipped:
        """Move past an item too deep for the parser, found by counting brackets."""
        while True:
            _, end = _scan_depth(_TOKENS.finditer(self._buffer, self._pos), None)
            if end >= 0:
                self._pos = end
                self._compact()
                return _Skipped(_too_deep_reason(self._max_depth))
            if len(self._buffer) - self._pos > self._max_bytes:
                raise _JsonStreamError(index, f"item larger than {format_size(self._max_bytes)}")
            if not self._fill(max(_CHUNK, len(self._buffer) - self._pos)):
                raise _JsonStreamError(index, "truncated JSON list (no closing ']')")

    def _may_need_more(self, error: json.JSONDecodeError) -> bool:
        """Whether the item may just continue beyond the buffer (else it is invalid JSON)."""
        return error.pos >= len(self._buffer) - 1 or error.msg.startswith("Unterminated")

    def _skip_space(self) -> None:
        buffer, pos = self._buffer, self._pos
        while pos < len(buffer) and buffer[pos] in " \t\r\n\ufeff":
            pos += 1
        self._pos = pos

    def _fill(self, size: int = _CHUNK, *, keep_raw: bool = False) -> bool:
        if self._eof:
            return False
        chunk = self._stream.read(size)
        if keep_raw:
            self._raw += chunk
        first = not self._buffer and self._pos == 0
        try:
            self._buffer += self._decoder.decode(chunk, final=not chunk)
        except UnicodeDecodeError:
            decoded = decode_bytes(chunk) if first else None
            self.encoding = decoded.encoding if decoded else "utf-8"
            self._decoder = codecs.getincrementaldecoder(self.encoding)(errors="replace")
            self._buffer += self._decoder.decode(chunk, final=not chunk)
        if first:
            # Past the first chunk a bad byte is damage, not another encoding: replace it.
            self._decoder.errors = "replace"
        if not chunk:
            self._eof = True
            return False
        return True

    def _compact(self) -> None:
        if self._pos > _CHUNK:
            self._buffer = self._buffer[self._pos :]
            self._pos = 0
