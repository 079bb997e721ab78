"""Turning read failures into the one-line reasons that Problems carry."""

from __future__ import annotations

import errno
import gzip
import re
import zlib

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
