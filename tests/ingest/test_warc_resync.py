"""Damaged records in ARC files and on stdin are skipped like in WARC files (issue 14 row 7),
and what a .warc.gz inflates to counts towards max_decompressed_bytes."""

from __future__ import annotations

import gzip
import io
import itertools
import sys
import zlib
from collections.abc import Callable, Sequence
from pathlib import Path

import pytest

from newsweave.ingest import IngestConfig

from .conftest import WarcRecord, article_html, build_warc, read_all, split

Write = Callable[[str, bytes], Path]
JUNK = b"JUNK\r\n\r\n"


def _pages(n: int) -> list[WarcRecord]:
    return [
        ("response", f"https://e.example/{i}", "200 OK", "text/html", article_html(f"P{i}", "m"))
        for i in range(n)
    ]


def _with_junk(data: bytes, cuts: Sequence[int]) -> bytes:
    """`data` with JUNK inserted at each of the offsets `cuts`."""
    bounds = [0, *cuts, len(data)]
    return JUNK.join(data[a:b] for a, b in itertools.pairwise(bounds))


def _stdin(monkeypatch: pytest.MonkeyPatch, data: bytes) -> None:
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data)))


def build_arc(titles: Sequence[str], *, gzipped: bool = False) -> tuple[bytes, list[int]]:
    """An ARC (version 1) file of HTML pages, and the byte offset of each page's record."""
    spec = b"1 0 newsweave\nURL IP-address Archive-date Content-type Archive-length\n"
    records = [b"filedesc://t.arc 0.0.0.0 20200101000000 text/plain %d\n%s\n" % (len(spec), spec)]
    for i, title in enumerate(titles):
        html = article_html(title, "arc body")
        payload = b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n" + html
        header = b"https://arc.example/%d 1.2.3.4 20200101000000 text/html %d\n" % (i, len(payload))
        records.append(header + payload + b"\n")
    if gzipped:
        records = [gzip.compress(r, mtime=0) for r in records]
    offsets = list(itertools.accumulate(len(r) for r in records))[:-1]
    return b"".join(records), offsets


def test_every_damaged_place_on_stdin_is_skipped_and_the_records_between_are_kept(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    data, offsets = build_warc(_pages(6), gzip=False)
    damaged = _with_junk(data, [offsets[1], offsets[3], offsets[5]])
    _stdin(monkeypatch, damaged)
    docs, problems = split(read_all("-"))
    assert [doc.title for doc in docs] == [f"P{i}" for i in range(6)]
    assert [p.source for p in problems] == [
        f"<stdin>#{offsets[1]}",
        f"<stdin>#{offsets[3] + len(JUNK)}",
        f"<stdin>#{offsets[5] + 2 * len(JUNK)}",
    ]
    resumed = [offsets[1] + len(JUNK), offsets[3] + 2 * len(JUNK), offsets[5] + 3 * len(JUNK)]
    for problem, at in zip(problems, resumed, strict=True):
        assert problem.error.endswith(f"; skipped {len(JUNK)} bytes to the next record at #{at}")


def test_a_wrong_length_on_stdin_finds_the_swallowed_record_again(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    data, offsets = build_warc(_pages(3), gzip=False)
    first = data[: offsets[1]]
    length = int(first.split(b"Content-Length: ")[1].split(b"\r\n")[0])
    longer = first.replace(b"Content-Length: %d\r\n" % length, b"Content-Length: %d\r\n" % 900, 1)
    _stdin(monkeypatch, longer + data[offsets[1] :])
    docs, problems = split(read_all("-"))
    # The first record swallowed the second one's start: the second is found again after it.
    assert "P1" in [doc.title for doc in docs] and "P2" in [doc.title for doc in docs]
    assert problems and all("to the next record at #" in p.error for p in problems)


def test_a_corrupt_gzip_member_on_stdin_is_skipped(
    monkeypatch: pytest.MonkeyPatch, capfd: pytest.CaptureFixture[str]
) -> None:
    body = "q" * 5000
    pages = [
        ("response", f"https://e.example/{i}", "200 OK", "text/html", article_html(f"P{i}", body))
        for i in range(3)
    ]
    data, offsets = build_warc(pages, gzip=True)
    broken = bytearray(data)
    middle = (offsets[1] + offsets[2]) // 2
    broken[middle : middle + 16] = bytes(16)
    _stdin(monkeypatch, bytes(broken))
    docs, problems = split(read_all("-"))
    assert [doc.title for doc in docs] == ["P0", "P2"]
    assert [p.source for p in problems] == [f"<stdin>#{offsets[1]}"]
    assert problems[0].error.endswith(f"to the next record at #{offsets[2]}")
    assert capfd.readouterr() == ("", "")


def test_an_arc_file_is_read(write: Write) -> None:
    data, offsets = build_arc(["A0", "A1"])
    docs, problems = split(read_all(write("t.arc", data)))
    assert problems == []
    assert [(doc.title, doc.url) for doc in docs] == [
        ("A0", "https://arc.example/0"),
        ("A1", "https://arc.example/1"),
    ]
    assert docs[0].source.endswith(f"#{offsets[0]}")


@pytest.mark.parametrize("from_stdin", [False, True])
def test_garbage_in_an_arc_file_is_skipped_and_reading_goes_on(
    write: Write, monkeypatch: pytest.MonkeyPatch, from_stdin: bool
) -> None:
    data, offsets = build_arc([f"A{i}" for i in range(5)])
    damaged = _with_junk(data, [offsets[2], offsets[4]])
    if from_stdin:
        _stdin(monkeypatch, damaged)
        given, source = "-", "<stdin>"
    else:
        given = source = str(write("t.arc", damaged))
    docs, problems = split(read_all(given))
    assert [doc.title for doc in docs] == [f"A{i}" for i in range(5)]
    assert len(problems) == 2
    assert problems[0].source == f"{source}#{offsets[2]}"
    assert problems[0].error.endswith(
        f"; skipped {len(JUNK)} bytes to the next record at #{offsets[2] + len(JUNK)}"
    )


def test_a_corrupt_member_of_a_gzipped_arc_file_is_skipped(write: Write) -> None:
    data, offsets = build_arc([f"A{i}" for i in range(4)], gzipped=True)
    broken = bytearray(data)
    middle = (offsets[2] + offsets[3]) // 2
    broken[middle : middle + 8] = bytes(8)
    docs, problems = split(read_all(write("t.arc.gz", bytes(broken))))
    assert [doc.title for doc in docs] == ["A0", "A1", "A3"]
    assert [p.source.rsplit("#", 1)[1] for p in problems] == [str(offsets[2])]
    assert problems[0].error.endswith(f"to the next record at #{offsets[3]}")


def _bomb_record(size: int) -> bytes:
    """One gzip member: a WARC resource record (an image, never read as a document) of `size`
    zero bytes, which compresses about a thousandfold."""
    head = (
        b"WARC/1.0\r\nWARC-Type: resource\r\nWARC-Target-URI: https://e.example/zeros.png\r\n"
        b"WARC-Record-ID: <urn:uuid:00000000-0000-0000-0000-000000000000>\r\n"
        b"Content-Type: image/png\r\nContent-Length: %d\r\n\r\n" % size
    )
    packer = zlib.compressobj(9, zlib.DEFLATED, 31)
    chunk = bytes(1 << 20)
    parts = [packer.compress(head)]
    for _ in range(size // len(chunk)):
        parts.append(packer.compress(chunk))
    parts.append(packer.compress(b"\r\n\r\n") + packer.flush())
    return b"".join(parts)


@pytest.mark.parametrize("from_stdin", [False, True])
def test_a_record_drained_inside_a_warc_gz_counts_towards_the_decompressed_limit(
    write: Write, monkeypatch: pytest.MonkeyPatch, from_stdin: bool
) -> None:
    before, _ = build_warc(_pages(1), gzip=True)
    after, _ = build_warc(_pages(2)[1:], gzip=True)
    bomb = _bomb_record(8 << 20)
    data = before + bomb + after
    assert len(data) < 64_000  # 8 MB of zeros in a few kB
    config = IngestConfig(max_decompressed_bytes=2_000_000, raise_unexpected=True)
    if from_stdin:
        _stdin(monkeypatch, data)
        given, source = "-", "<stdin>"
    else:
        given = source = str(write("bomb.warc.gz", data))
    docs, problems = split(read_all(given, config=config))
    assert [doc.title for doc in docs] == ["P0"]
    assert [p.source for p in problems] == [f"{source}#{len(before)}"]
    assert problems[0].error == (
        "decompresses to more than 2 MB (the max_decompressed_bytes limit); the rest was not read"
    )
    # Under the limit the same file is read whole.
    if not from_stdin:
        docs, problems = split(read_all(given))
        assert [doc.title for doc in docs] == ["P0", "P1"] and problems == []
