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


@dataclass(frozen=True, slots=True)
class InputFile:
    """A regular file to read; `source` is its path as the user wrote it (joined for walks)."""

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
            yield Problem(source=path, error=reason)
        else:
            yield Problem(source=path, error=describe_read_error(error))
        return
    identity = (info.st_dev, info.st_ino)
    if stat.S_ISDIR(info.st_mode):
        if identity in seen_dirs:  # a symlink loop back into the walk
            return
        yield from _walk(path, seen_files, seen_dirs | {identity})
    elif stat.S_ISREG(info.st_mode):
        if identity not in seen_files:
            seen_files.add(identity)
            yield InputFile(source=path, path=path)
    else:
        # FIFOs, sockets and devices could block or never end.
        yield Problem(source=path, error=f"not a regular file ({_file_kind(info.st_mode)})")


def _walk(
    directory: str, seen_files: set[tuple[int, int]], seen_dirs: set[tuple[int, int]]
) -> Iterator[InputFile | Problem]:
    try:
        with os.scandir(directory) as entries:
            names = sorted(entry.name for entry in entries)
    except OSError as error:
        yield Problem(source=directory, error=describe_read_error(error))
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
