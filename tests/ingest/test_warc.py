from __future__ import annotations

import gzip
import io
import itertools
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from newsweave.ingest import IngestConfig
from newsweave.model import Problem, RawDoc

from .conftest import WarcRecord, article_html, build_warc, read_all, split

Write = Callable[[str, bytes], Path]

PUBLISHED = "<meta property='article:published_time' content='2023-05-01T08:00:00Z'>"
CP1252_PAGE = (
    "<html lang='en-GB'><head><title>Minister “resigns”</title>"
    "<meta property='og:site_name' content='Daily Example'>"
    f"{PUBLISHED}</head><body><p>Café owners said…</p></body></html>"
).encode("cp1252")

MIXED: list[WarcRecord] = [
    (
        "response",
        "https://news.example/a",
        "200 OK",
        "text/html; charset=windows-1252",
        CP1252_PAGE,
    ),
    ("request", "https://news.example/a", "GET", "", b""),
    ("response", "https://news.example/logo.png", "200 OK", "image/png", b"\x89PNG\r\n\x1a\n\x00"),
    ("response", "https://news.example/robots.txt", "200 OK", "text/plain", b"User-agent: *\n"),
    ("response", "https://news.example/old", "301 Moved Permanently", "text/html", b"<a>moved</a>"),
    ("response", "https://news.example/gone", "404 Not Found", "text/html", b"<p>Not found</p>"),
    ("resource", "https://news.example/b", None, "text/html", article_html("Resource", "Kept.")),
    ("conversion", "https://news.example/c", None, "text/plain", b"Extracted text of a page."),
    ("resource", "dns:news.example", None, "text/dns", b"news.example. 300 IN A 1.2.3.4"),
    ("response", "https://news.example/d", "200 OK", "", article_html("No type", "Sniffed.")),
]


@pytest.mark.parametrize("compressed", [False, True])
def test_warc_yields_html_and_text_documents_and_skips_the_rest(
    write: Write, compressed: bool
) -> None:
    data, offsets = build_warc(MIXED, gzip=compressed)
    path = write("crawl.warc.gz" if compressed else "crawl.warc", data)
    docs, problems = split(read_all(path))
    assert problems == []
    assert [doc.source for doc in docs] == [f"{path}#{offsets[i]}" for i in (0, 6, 7, 9)]
    page = docs[0]
    assert page.url == "https://news.example/a"
    assert page.title == "Minister “resigns”"
    assert page.html is not None and "Café owners said…" in page.html
    assert page.encoding == "cp1252"
    assert (page.outlet, page.language) == ("Daily Example", "en-GB")
    assert page.published == "2023-05-01T08:00:00Z"  # from the page, never WARC-Date
    assert docs[1].html is not None and docs[1].title == "Resource"
    assert (docs[2].text, docs[2].html, docs[2].url) == (
        "Extracted text of a page.",
        None,
        "https://news.example/c",
    )
    assert docs[3].title == "No type"


def test_warc_date_is_not_a_publication_date(write: Write) -> None:
    data, _ = build_warc(
        [("response", "https://e.example/x", "200 OK", "text/html", article_html("T", "B"))],
        gzip=False,
    )
    docs, _ = split(read_all(write("nodate.warc", data)))
    assert docs[0].published is None


def test_offsets_point_at_the_records(write: Write) -> None:
    data, offsets = build_warc(MIXED, gzip=False)
    docs, _ = split(read_all(write("crawl.warc", data)))
    for doc in docs:
        offset = int(doc.source.rsplit("#", 1)[1])
        assert offset in offsets
        assert data[offset:].startswith(b"WARC/1.")


def test_truncated_warc_gz_keeps_records_before_the_cut(write: Write) -> None:
    pages = [
        (
            "response",
            f"https://e.example/{i}",
            "200 OK",
            "text/html",
            article_html(f"P{i}", "x" * 3000),
        )
        for i in range(4)
    ]
    data, offsets = build_warc(pages, gzip=True)
    cut = (offsets[2] + offsets[3]) // 2
    path = write("cut.warc.gz", data[:cut])
    items = read_all(path)
    docs, problems = split(items)
    assert [doc.title for doc in docs] == ["P0", "P1"]
    assert len(problems) == 1 and items[-1] is problems[0]
    assert problems[0].source == f"{path}#{offsets[2]}"
    assert "truncated" in problems[0].error


def test_truncated_plain_warc_keeps_records_before_the_cut(write: Write) -> None:
    pages = [
        (
            "response",
            f"https://e.example/{i}",
            "200 OK",
            "text/html",
            article_html(f"P{i}", "y" * 3000),
        )
        for i in range(3)
    ]
    data, offsets = build_warc(pages, gzip=False)
    path = write("cut.warc", data[: offsets[2] + 500])
    docs, problems = split(read_all(path))
    assert [doc.title for doc in docs] == ["P0", "P1"]
    assert [p.source for p in problems] == [f"{path}#{offsets[2]}"]


def test_warc_cut_right_after_a_gzip_member_header_is_noticed(write: Write) -> None:
    pages = [
        ("response", f"https://e.example/{i}", "200 OK", "text/html", article_html(f"P{i}", "z"))
        for i in range(2)
    ]
    data, offsets = build_warc(pages, gzip=True)
    path = write("stub.warc.gz", data[: offsets[1] + 3])
    docs, problems = split(read_all(path))
    assert [doc.title for doc in docs] == ["P0"]
    assert [p.source for p in problems] == [f"{path}#{offsets[1]}"]


def test_garbage_between_records_is_skipped_and_reading_goes_on(write: Write) -> None:
    good, _ = build_warc(
        [("response", "https://e.example/1", "200 OK", "text/html", article_html("One", "a"))],
        gzip=False,
    )
    garbage = b"this is not a warc record\r\n\r\n"
    path = write("junk.warc", good + garbage + good)
    docs, problems = split(read_all(path))
    assert [doc.source for doc in docs] == [f"{path}#0", f"{path}#{len(good) + len(garbage)}"]
    assert len(problems) == 1 and problems[0].source == f"{path}#{len(good)}"
    assert "\n" not in problems[0].error
    assert problems[0].error.endswith(
        f"skipped {len(garbage)} bytes to the next record at #{len(good) + len(garbage)}"
    )


def test_warc_gzipped_as_one_stream_is_read_whole(write: Write) -> None:
    data, _ = build_warc(MIXED, gzip=False)
    docs, problems = split(read_all(write("whole.warc.gz", gzip.compress(data))))
    assert problems == []
    assert [doc.title for doc in docs] == ["Minister “resigns”", "Resource", None, "No type"]


def test_record_over_max_bytes_is_a_problem_and_reading_goes_on(write: Write) -> None:
    records: list[WarcRecord] = [
        (
            "response",
            "https://e.example/big",
            "200 OK",
            "text/html",
            article_html("Big", "b" * 9000),
        ),
        ("response", "https://e.example/small", "200 OK", "text/html", article_html("Small", "s")),
    ]
    data, offsets = build_warc(records, gzip=True)
    path = write("sizes.warc.gz", data)
    items = read_all(path, config=IngestConfig(max_bytes=4000, raise_unexpected=True))
    assert isinstance(items[0], Problem) and items[0].source == f"{path}#{offsets[0]}"
    assert items[0].error.startswith("record larger than 4 kB")
    assert isinstance(items[1], RawDoc) and items[1].title == "Small"


def test_content_encoded_payload_is_decompressed(write: Write) -> None:
    page = gzip.compress(article_html("Compressed body", "z"))
    data, _ = build_warc(
        [("response", "https://e.example/z", "200 OK", "text/html\nContent-Encoding: gzip", page)],
        gzip=False,
    )
    docs, problems = split(read_all(write("ce.warc", data)))
    assert problems == []
    assert [doc.title for doc in docs] == ["Compressed body"]


def test_warc_from_stdin(monkeypatch: pytest.MonkeyPatch) -> None:
    data, offsets = build_warc(MIXED, gzip=True)
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data)))
    docs, problems = split(read_all("-"))
    assert problems == []
    assert [doc.source for doc in docs] == [f"<stdin>#{offsets[i]}" for i in (0, 6, 7, 9)]


def test_whole_stream_gzipped_warc_from_stdin_is_a_clear_problem(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    data, _ = build_warc(MIXED, gzip=False)
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(gzip.compress(data))))
    docs, problems = split(read_all("-"))
    assert [doc.title for doc in docs] == ["Minister “resigns”"]
    assert len(problems) == 1 and "gunzip" in problems[0].error


def test_record_longer_than_its_content_length_is_a_problem_and_nothing_is_printed(
    write: Write, capfd: pytest.CaptureFixture[str]
) -> None:
    pages = [
        ("response", f"https://e.example/{i}", "200 OK", "text/html", article_html(f"P{i}", "w"))
        for i in range(2)
    ]
    data, offsets = build_warc(pages, gzip=False)
    first = data[: offsets[1]]
    length = int(first.split(b"Content-Length: ")[1].split(b"\r\n")[0])
    shorter = first.replace(
        b"Content-Length: %d\r\n" % length, b"Content-Length: %d\r\n" % (length - 40), 1
    )
    path = write("overrun.warc", shorter + data[offsets[1] :])
    items = read_all(path)
    problems = split(items)[1]
    assert problems and problems[0].source == f"{path}#0"
    assert problems[0].error.startswith("record longer than its Content-Length")
    assert capfd.readouterr() == ("", "")


def test_target_uri_with_spaces_is_encoded_without_a_printed_warning(
    write: Write, capfd: pytest.CaptureFixture[str]
) -> None:
    data, _ = build_warc(
        [("response", "https://e.example/a b", "200 OK", "text/html", article_html("S", "s"))],
        gzip=False,
    )
    docs, _ = split(read_all(write("spaces.warc", data)))
    assert [doc.url for doc in docs] == ["https://e.example/a%20b"]
    assert capfd.readouterr() == ("", "")


def test_corrupt_gzip_member_is_skipped_and_nothing_is_printed(
    write: Write, capfd: pytest.CaptureFixture[str]
) -> None:
    pages = [
        (
            "response",
            f"https://e.example/{i}",
            "200 OK",
            "text/html",
            article_html(f"P{i}", "q" * 5000),
        )
        for i in range(3)
    ]
    data, offsets = build_warc(pages, gzip=True)
    broken = bytearray(data)
    middle = (offsets[1] + offsets[2]) // 2
    broken[middle : middle + 16] = bytes(16)
    path = write("flipped.warc.gz", bytes(broken))
    docs, problems = split(read_all(path))
    assert [doc.title for doc in docs] == ["P0", "P2"]  # the member after it is found again
    assert [p.source for p in problems] == [f"{path}#{offsets[1]}"]
    assert problems[0].error.endswith(f"to the next record at #{offsets[2]}")
    assert capfd.readouterr() == ("", "")


def test_corrupt_content_encoding_is_a_problem_for_that_record(
    write: Write, capfd: pytest.CaptureFixture[str]
) -> None:
    words = " ".join(f"w{i * 7919 % 10007}" for i in range(5000))  # compresses poorly
    body = bytearray(gzip.compress(article_html("Broken", words)))
    assert len(body) > 5000
    body[2000:2016] = bytes(16)
    records: list[WarcRecord] = [
        (
            "response",
            "https://e.example/x",
            "200 OK",
            "text/html\nContent-Encoding: gzip",
            bytes(body),
        ),
        ("response", "https://e.example/y", "200 OK", "text/html", article_html("Fine", "f")),
    ]
    data, offsets = build_warc(records, gzip=False)
    path = write("ce-broken.warc", data)
    items = read_all(path)
    assert isinstance(items[0], Problem) and items[0].source == f"{path}#{offsets[0]}"
    assert isinstance(items[1], RawDoc) and items[1].title == "Fine"
    assert capfd.readouterr() == ("", "")


def test_every_damaged_place_is_skipped_and_the_records_between_are_kept(write: Write) -> None:
    """Issue 14 row 7: reading went on only up to the first damaged record."""
    pages = [
        ("response", f"https://e.example/{i}", "200 OK", "text/html", article_html(f"P{i}", "m"))
        for i in range(6)
    ]
    data, offsets = build_warc(pages, gzip=False)
    junk = b"JUNK\r\n\r\n"
    cut = [0, offsets[1], offsets[3], offsets[5], len(data)]
    path = write("many.warc", junk.join(data[a:b] for a, b in itertools.pairwise(cut)))
    docs, problems = split(read_all(path))
    assert [doc.title for doc in docs] == [f"P{i}" for i in range(6)]
    assert len(problems) == 3
    assert all(f"; skipped {len(junk)} bytes to the next record at #" in p.error for p in problems)
