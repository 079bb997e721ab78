"""Which files the inputs name: paths, directories walked recursively, and "-" for stdin."""

from __future__ import annotations

import os
import stat
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from newsweave.ingest.problems import describe_read_error
from newsweave.model import Problem

STDIN = "-"
STDIN_SOURCE = "<stdin>"

_SHORT_ESCAPES = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}


def printable_source(name: str) -> str:
    """`name` (a path, a JSON key) with every unprintable character escaped, for display.

    Control characters, line breaks, terminal escapes, bidi controls and other invisible or
    unassigned characters become `\\n`, `\\x1b`, `\\u202e`...; bytes of a file name that is not
    valid UTF-8 (which Python carries as lone surrogates, PEP 383) become `\\xff`. The result is
    one line that cannot forge another problem line, move the cursor or reorder what follows,
    and that encodes to UTF-8. Printable names (nearly all) come back unchanged.
    """
    if name.isprintable():
        return name
    return "".join(char if char.isprintable() else _escape(char) for char in name)


def _escape(char: str) -> str:
    code = ord(char)
    if char in _SHORT_ESCAPES:
        return _SHORT_ESCAPES[char]
    if 0xDC80 <= code <= 0xDCFF:  # surrogateescape: the original byte of the file name
        return f"\\x{code - 0xDC00:02x}"
    if code <= 0xFF:
        return f"\\x{code:02x}"
    if code <= 0xFFFF:
        return f"\\u{code:04x}"
    return f"\\U{code:08x}"


@dataclass(frozen=True, slots=True)
class InputFile:
    """A regular file to read; `source` is its path as the user wrote it (joined for walks),
    made printable (`printable_source`); `path` is the path itself, to open it."""

    source: str
    path: str


@dataclass(frozen=True, slots=True)
class StandardInput:
    """The process's standard input."""

    source: str = STDIN_SOURCE


def list_inputs(inputs: Sequence[str]) -> Iterator[InputFile | StandardInput | Problem]:
    """The files `inputs` name, each once, in the given order; directories in sorted order.

    Hidden files and directories (name starting with ".") inside a directory are skipped; a
    hidden file named explicitly is read. The same file reached twice (named twice, through a
    symlink or another spelling of its path) is listed once.
    """
    seen_files: set[tuple[int, int]] = set()
    seen_stdin = False
    for given in inputs:
        if given == STDIN:
            if not seen_stdin:
                seen_stdin = True
                yield StandardInput()
            continue
        yield from _expand(given, seen_files, seen_dirs=set())


def _expand(
    path: str, seen_files: set[tuple[int, int]], seen_dirs: set[tuple[int, int]]
) -> Iterator[InputFile | Problem]:
    try:
        info = os.stat(path)
    except OSError as error:
        if os.path.islink(path):
            reason = "broken symbolic link"
            if error.__class__ is not FileNotFoundError:
                reason = describe_read_error(error)
            yield Problem(source=printable_source(path), error=reason)
        else:
            yield Problem(source=printable_source(path), error=describe_read_error(error))
        return
    identity = (info.st_dev, info.st_ino)
    if stat.S_ISDIR(info.st_mode):
        if identity in seen_dirs:  # a symlink loop back into the walk
            return
        yield from _walk(path, seen_files, seen_dirs | {identity})
    elif stat.S_ISREG(info.st_mode):
        if identity not in seen_files:
            seen_files.add(identity)
            yield InputFile(source=printable_source(path), path=path)
    else:
        # FIFOs, sockets and devices could block or never end.
        yield Problem(
            source=printable_source(path), error=f"not a regular file ({_file_kind(info.st_mode)})"
        )


def _walk(
    directory: str, seen_files: set[tuple[int, int]], seen_dirs: set[tuple[int, int]]
) -> Iterator[InputFile | Problem]:
    try:
        with os.scandir(directory) as entries:
            names = sorted(entry.name for entry in entries)
    except OSError as error:
        yield Problem(source=printable_source(directory), error=describe_read_error(error))
        return
    for name in names:
        if name.startswith("."):
            continue
        yield from _expand(os.path.join(directory, name), seen_files, seen_dirs)


def _file_kind(mode: int) -> str:
    if stat.S_ISFIFO(mode):
        return "named pipe"
    if stat.S_ISSOCK(mode):
        return "socket"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "device"
    return "special file"
