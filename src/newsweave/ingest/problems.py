"""Turning read failures into the one-line reasons that Problems carry."""

from __future__ import annotations

import errno
import gzip
import re
import zlib
from collections import Counter
from collections.abc import Sequence

from newsweave.model import Problem

_SPACES = re.compile(r"\s+")
# Problems are shown one per line in reports; a reason longer than this is cut.
_MAX_REASON_CHARS = 300

# Exceptions that mean "this input is bad or unreadable", as opposed to a bug of ours:
# OSError covers gzip.BadGzipFile and unreadable files, EOFError a truncated gzip stream.
_READ_ERRORS = (OSError, EOFError, zlib.error)

_ERRNO_REASONS = {
    errno.ENOENT: "no such file or directory",
    errno.EACCES: "permission denied",
    errno.EPERM: "permission denied",
    errno.ENOTDIR: "not a directory (a part of the path is a file)",
    errno.EISDIR: "is a directory",
    errno.ELOOP: "too many levels of symbolic links",
    errno.ENAMETOOLONG: "file name too long",
    errno.EIO: "input/output error",
}


class InputTooLargeError(OSError):
    """An input inflates past a limit; str(error) says which (a read error like any other)."""


def one_line(text: str) -> str:
    """`text` on one line, whitespace collapsed, unprintable characters as "?", cut short.

    Reasons may quote input bytes (a parser's "first line: ..."), which must not smuggle
    control characters or line breaks into a report.
    """
    text = _SPACES.sub(" ", text).strip()
    text = "".join(char if char.isprintable() else "?" for char in text)
    if len(text) > _MAX_REASON_CHARS:
        text = text[: _MAX_REASON_CHARS - 3].rstrip() + "..."
    return text or "unknown error"


def is_read_error(error: BaseException) -> bool:
    """True when `error` is about the input (unreadable, truncated, corrupt), not about our code."""
    return isinstance(error, _READ_ERRORS)


def describe_read_error(error: BaseException) -> str:
    """A one-line reason for a read failure."""
    if isinstance(error, InputTooLargeError):
        return one_line(str(error))
    if isinstance(error, EOFError):
        return "truncated gzip stream"
    if isinstance(error, zlib.error | gzip.BadGzipFile):
        return one_line(f"corrupt gzip stream: {error}")
    if isinstance(error, OSError):
        if error.errno in _ERRNO_REASONS:
            return _ERRNO_REASONS[error.errno]
        return one_line(error.strerror or str(error) or type(error).__name__).lower()
    return one_line(f"{type(error).__name__}: {error}")


NOT_LISTED = "more problems in this file not listed (the max_problems limit)"
_NOT_LISTED_LINE = re.compile(r"^([\d,]+) " + re.escape(NOT_LISTED) + "$")


def not_listed(count: int, source: str) -> Problem:
    """The one line that counts the problems of `source` beyond the max_problems limit."""
    return Problem(source=source, error=f"{count:,} {NOT_LISTED}")


def cap_problems(problems: Sequence[Problem], limit: int) -> tuple[Problem, ...]:
    """At most `limit` problems listed per input file, in order, then one line per file counting
    the rest.

    Reading caps each file's problems as it goes, but later stages add their own per record (a
    flood of identical records is one duplicate problem per record), so the report caps the
    whole list the same way. Counting lines already in `problems` are merged, so capping a
    capped list changes nothing.
    """
    kept: list[Problem] = []
    listed: Counter[str] = Counter()
    more: Counter[str] = Counter()
    for problem in problems:
        path = problem.source.split("#", 1)[0]
        counted = _NOT_LISTED_LINE.match(problem.error)
        if counted is not None:
            more[path] += int(counted.group(1).replace(",", ""))
            continue
        listed[path] += 1
        if listed[path] > limit:
            more[path] += 1
        else:
            kept.append(problem)
    return (*kept, *(not_listed(count, path) for path, count in more.items()))
