"""Turning read failures into the one-line reasons that Problems carry."""

from __future__ import annotations

import errno
import gzip
import re
import zlib
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

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


# A reason several records of one file share is one line: "5,000 records: <reason> (first: #1)".
_RECORDS = " records: "
_FIRST = " (first: "


def repeated(count: int, path: str, error: str, first: str) -> Problem:
    """The one line for `count` records of the file `path` that share the reason `error`;
    `first` is the fragment ("#12") of the first of them in record order."""
    return Problem(source=path, error=f"{count:,}{_RECORDS}{error}{_FIRST}{first})")


def _parse_repeated(problem: Problem) -> tuple[int, str, str] | None:
    """(count, reason, first) of a line `repeated` made, else None. Such a line names a whole
    file (no "#"), so no record's own reason can pass for one. Plain string operations: the
    reason is input-dependent text, and a regex over it would have to stay linear."""
    if "#" in problem.source or not problem.error.endswith(")"):
        return None
    count, sep, rest = problem.error.partition(_RECORDS)
    reason, sep2, first = rest.rpartition(_FIRST)
    if not (sep and sep2 and count.replace(",", "").isdigit() and first.startswith("#")):
        return None
    return int(count.replace(",", "")), reason, first[:-1]


def _record_order(fragment: str) -> tuple[tuple[int, int | str], ...]:
    """Sort key of a record fragment ("#12", "#/3", "#4096"): numbers by value, so "#9" comes
    before "#10" whatever order the problems arrive in (a store lists them sorted as text)."""
    pieces: list[tuple[int, int | str]] = []
    number = ""
    for char in fragment:
        if char.isdigit():
            number += char
            continue
        if number:
            pieces.append((0, int(number)))
            number = ""
        pieces.append((1, char))
    if number:
        pieces.append((0, int(number)))
    return tuple(pieces)


@dataclass(slots=True)
class _Repeats:
    """The records of one file that share one reason, as `collapse_repeats` gathers them."""

    counted: int  # records counted by lines `repeated` made earlier
    fragments: set[str]  # the records seen one by one (a record listed twice counts once)
    first: str
    problem: Problem  # the first record's own line, kept when it is the only one

    def add(self, count: int, fragments: set[str], first: str, problem: Problem) -> None:
        self.counted += count
        self.fragments |= fragments
        if _record_order(first) < _record_order(self.first):
            self.first, self.problem = first, problem

    def line(self, path: str, reason: str) -> Problem:
        count = self.counted + len(self.fragments)
        return self.problem if count == 1 else repeated(count, path, reason, self.first)


def collapse_repeats(problems: Sequence[Problem]) -> tuple[Problem, ...]:
    """Problems with one line per (file, reason) shared by several of the file's records.

    A flood of identical bad records (a gzip of `{"text": "tiny record"}` lines) is one bad
    input: it gets one line saying how many records hit the reason and which came first, at the
    place of the first of them; distinct reasons stay distinct lines, and a reason only one
    record has keeps that record's own line. Lines this made are merged back, so collapsing a
    collapsed list (or one with more records added) counts each record once.
    """
    groups: dict[tuple[str, str], _Repeats] = {}
    order: list[Problem | tuple[str, str]] = []
    for problem in problems:
        parsed = _parse_repeated(problem)
        if parsed is not None:
            count, reason, first = parsed
            key, fragments = (problem.source, reason), set()
        else:
            path, hash_, fragment = problem.source.partition("#")
            if not hash_ or _NOT_LISTED_LINE.match(problem.error):
                order.append(problem)
                continue
            count, first = 0, "#" + fragment
            key, fragments = (path, problem.error), {first}
        group = groups.get(key)
        if group is None:
            groups[key] = _Repeats(count, fragments, first, problem)
            order.append(key)
        else:
            group.add(count, fragments, first, problem)
    return tuple(item if isinstance(item, Problem) else groups[item].line(*item) for item in order)


# Said with the records-cap problem line: a big JSONL export or a Common Crawl WARC (tens of
# thousands of records) passes the default on purpose, and the user must learn how to read all.
RAISE_MAX_RECORDS = (
    "to read more, raise it (`--max-records N`, or `max_records = N` under [ingest] in --config)"
)
_CAP_LINE = re.compile(r"^more than ([\d,]+) records \(the max_records limit\); ")


def records_cap(limit: int, source: str) -> Problem:
    """The line of a file `source` that holds more than `limit` records (the rest not read)."""
    return Problem(
        source=source,
        error=f"more than {limit:,} records (the max_records limit); "
        f"the rest of the file was not read: {RAISE_MAX_RECORDS}",
    )


def merge_cap_lines(problems: Sequence[Problem]) -> tuple[Problem, ...]:
    """A file cut at the records cap whose every record read failed for one reason gets one
    line, not two: "all 5,000 records read: <reason> (first: #1); more than 5,000 records (the
    max_records limit); ..." (issue 14: one bad input, one line). A file with other reasons or
    with good records keeps its lines apart. Merged lines are neither lines `repeated` made nor
    cap lines, so merging again changes nothing."""
    caps: dict[str, list[int]] = {}
    repeats: dict[str, list[int]] = {}
    for index, problem in enumerate(problems):
        if "#" in problem.source:
            continue
        if _CAP_LINE.match(problem.error):
            caps.setdefault(problem.source, []).append(index)
        elif _parse_repeated(problem) is not None:
            repeats.setdefault(problem.source, []).append(index)
    merged: dict[int, Problem] = {}
    dropped: set[int] = set()
    for path, (cap_index, *more_caps) in caps.items():
        lines = repeats.get(path, [])
        if more_caps or len(lines) != 1:
            continue
        cap = problems[cap_index]
        parsed = _parse_repeated(problems[lines[0]])
        cap_match = _CAP_LINE.match(cap.error)
        assert parsed is not None and cap_match is not None
        count, reason, first = parsed
        if count != int(cap_match.group(1).replace(",", "")):
            continue
        merged[lines[0]] = Problem(
            source=path, error=f"all {count:,} records read: {reason} (first: {first}); {cap.error}"
        )
        dropped.add(cap_index)
    return tuple(
        merged.get(index, problem) for index, problem in enumerate(problems) if index not in dropped
    )


def cap_problems(problems: Sequence[Problem], limit: int) -> tuple[Problem, ...]:
    """Repeated reasons of one file collapsed (`collapse_repeats`), then at most `limit` lines
    listed per input file, in order, then one line per file counting the rest.

    Reading caps each file's problems as it goes, but later stages add their own per record (a
    flood of identical records is one cleaning problem per record), so the report caps the
    whole list the same way. Counting lines already in `problems` are merged, so capping a
    capped list changes nothing. Last, a file cut at the records cap whose records all failed
    for one reason gets one line (`merge_cap_lines`).
    """
    kept: list[Problem] = []
    listed: Counter[str] = Counter()
    more: Counter[str] = Counter()
    for problem in collapse_repeats(problems):
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
    return merge_cap_lines((*kept, *(not_listed(count, path) for path, count in more.items())))
