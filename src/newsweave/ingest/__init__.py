"""Reading inputs: files, directories and stdin, in any of the formats news comes in.

`read_inputs` yields a `RawDoc` per document and a `Problem` per input (or record) it cannot
read, and never stops the batch for one bad input. Formats are told apart by content
(`sniff_format`), not by file name: plain text in any encoding, HTML, JSON Lines, JSON, WARC,
and gzip of any of these. Sources name where each document came from: `path`, `path#LINE` for
JSONL, `path#/INDEX` for JSON lists, `path#OFFSET` for WARC records, `<stdin>` for "-"; a
name that could forge or hide text (newlines, terminal escapes, bidi controls, bytes that are
not UTF-8) is escaped by `printable_source`, so every source is one printable line.

Work is bounded whatever the input (`IngestConfig` limits): documents are yielded one at a
time as they are read, never gathered, and each limit passed costs one Problem: a too-big
document, a too-deep JSON record, a gzip that inflates too far, a file with too many records.
"""

from __future__ import annotations

import contextlib
import sys
from collections.abc import Generator, Iterator, Sequence

from newsweave.errors import ConfigError
from newsweave.ingest.config import IngestConfig, parse_field_options
from newsweave.ingest.problems import (
    cap_problems,
    describe_read_error,
    is_read_error,
    not_listed,
    one_line,
    records_cap,
)
from newsweave.ingest.read import read_stream
from newsweave.ingest.sniff import sniff_format
from newsweave.ingest.sources import InputFile, StandardInput, list_inputs, printable_source
from newsweave.model import Problem, RawDoc

__all__ = [
    "IngestConfig",
    "cap_problems",
    "parse_field_options",
    "printable_source",
    "read_inputs",
    "sniff_format",
]


def read_inputs(
    inputs: Sequence[str], *, config: IngestConfig | None = None
) -> Iterator[RawDoc | Problem]:
    """Every document in `inputs` (paths, directories, "-" for stdin), in a stable order.

    Raises:
        ConfigError: `inputs` is a single string rather than a list of them.
    """
    if isinstance(inputs, str | bytes):
        raise ConfigError(f"read_inputs takes a list of paths, got the string {inputs!r}")
    config = config or IngestConfig()
    for item in list_inputs(inputs):
        if isinstance(item, Problem):
            yield item
        else:
            yield from _capped(_read_one(item, config), item.source, config)


def _capped(
    items: Generator[RawDoc | Problem, None, None], source: str, config: IngestConfig
) -> Iterator[RawDoc | Problem]:
    """`items` up to `max_records` records (then one Problem, and the file is closed), with at
    most `max_problems` distinct reasons listed and one more line counting the rest.

    A reason already listed for this file passes uncounted: the report makes one line of all
    the records that share it (`collapse_repeats`), and `max_records` bounds how many there are.
    """
    records = problems = 0
    reasons: set[str] = set()
    with contextlib.closing(items):
        for item in items:
            records += 1
            if records > config.max_records:
                yield records_cap(config.max_records, source)
                break
            if isinstance(item, Problem) and item.error not in reasons:
                problems += 1
                if problems > config.max_problems:
                    continue
                reasons.add(item.error)
            yield item
    if problems > config.max_problems:
        yield not_listed(problems - config.max_problems, source)


def _read_one(
    item: InputFile | StandardInput, config: IngestConfig
) -> Generator[RawDoc | Problem, None, None]:
    try:
        if isinstance(item, StandardInput):
            stdin = getattr(sys.stdin, "buffer", None)
            if stdin is None:
                yield Problem(source=item.source, error="no standard input to read")
                return
            yield from read_stream(stdin, source=item.source, name="", config=config)
            return
        path = item.path
        with open(path, "rb") as stream:
            yield from read_stream(
                stream,
                source=item.source,
                name=path,
                config=config,
                reopen=lambda: open(path, "rb"),  # noqa: SIM115 - the caller closes it
            )
    except Exception as error:
        if is_read_error(error):
            yield Problem(source=item.source, error=describe_read_error(error))
        elif config.raise_unexpected:
            raise
        else:
            yield Problem(
                source=item.source,
                error=one_line(f"unexpected error while reading: {type(error).__name__}: {error}"),
            )
