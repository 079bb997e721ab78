from __future__ import annotations

import gzip

import pytest
from hypothesis import given
from hypothesis import strategies as st

from newsweave.ingest import sniff_format
from newsweave.ingest.sniff import FORMATS, binary_kind


@pytest.mark.parametrize(
    ("data", "name", "expected"),
    [
        (b"", "a.txt", "empty"),
        (b" \r\n\t\n", "a.txt", "empty"),
        (b"\xef\xbb\xbf  \n", "a.txt", "empty"),
        (b"Officials said on Monday that the bridge would reopen.", "", "text"),
        (b"<!DOCTYPE html>\n<html><head></head><body>x</body></html>", "", "html"),
        (b"<html lang='en'><body><p>x</p></body></html>", "page.txt", "html"),
        (b"<?xml version='1.0'?>\n<html xmlns='http://www.w3.org/1999/xhtml'></html>", "", "html"),
        (b"  <!-- saved page -->\n<!doctype html><title>x</title>", "", "html"),
        (b"<head><meta charset='utf-8'><title>T</title></head>", "", "html"),
        (b"<p>one</p><p>two</p><p>three</p><p>four</p><p>five</p>", "", "html"),
        (b"<p>A paragraph of an article fragment.</p>", "story.html", "html"),
        (b"<p>A short fragment saved without a name.</p>", "", "html"),
        (b"<b>Breaking:</b> the bridge is closed.", "", "html"),
        (b"Breaking: the <b>bridge</b> is closed.", "", "text"),
        (b'{"text": "a"}\n{"text": "b"}\n', "dump", "jsonl"),
        (b'{"text": "only line"}', "x.json", "json"),
        (b'{"text": "only line"}', "x", "jsonl"),
        (b'[{"text": "a"}, {"text": "b"}]', "", "json"),
        (b'[\n  {\n    "text": "a"\n  }\n]\n', "", "json"),
        (b"[]", "x.json", "json"),
        (b'{\n  "articles": [\n    {"text": "a"}\n  ]\n}\n', "", "json"),
        (b"\x1f\x8b\x08\x00\x00\x00\x00\x00", "x.txt", "gzip"),
        (b"WARC/1.0\r\nWARC-Type: warcinfo\r\n", "", "warc"),
        (b"WARC/1.1\r\nWARC-Type: response\r\n", "x.txt", "warc"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "photo.html", "binary"),
        (b"PK\x03\x04\x14\x00\x00\x00\x08\x00", "", "binary"),
        (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n", "", "binary"),
        (b"abc\x00def\x00ghi", "a.txt", "binary"),
        (bytes(range(256)) * 4, "", "binary"),
    ],
)
def test_sniff_format_tells_formats_by_content(data: bytes, name: str, expected: str) -> None:
    assert sniff_format(data, name) == expected


def test_sniff_text_that_merely_mentions_markup_or_braces_stays_text() -> None:
    prose = (
        "The council's website, which still shows a <div> error on its front page, was "
        "updated on Tuesday. " * 20
    ).encode()
    assert sniff_format(prose, "") == "text"
    assert sniff_format(b"{Editor's note: corrected}\nThe mayor said...", "") == "text"
    assert sniff_format(b"[1] Footnote: the figures are provisional.", "") == "text"
    assert sniff_format(b"BZh, the band, played on Friday.", "") == "text"


def test_sniff_reads_utf16_content_through_its_encoding() -> None:
    assert sniff_format("<html><body><p>Hi</p></body></html>".encode("utf-16"), "") == "html"
    assert sniff_format('{"text": "a"}\n{"text": "b"}\n'.encode("utf-16"), "") == "jsonl"
    no_bom = "Plain words in UTF-16 without a byte order mark.".encode("utf-16-le")
    assert sniff_format(no_bom, "") == "text"
    assert sniff_format("Same, big-endian this time, no mark.".encode("utf-16-be"), "") == "text"


def test_sniff_big_single_line_jsonl_record_beyond_the_sniffed_prefix() -> None:
    record = b'{"text": "' + b"word " * 40_000 + b'"}\n'
    assert sniff_format(record, "dump.jsonl") == "jsonl"


def test_sniff_gzip_is_reported_as_gzip_whatever_it_holds() -> None:
    assert sniff_format(gzip.compress(b"hello"), "a.txt.gz") == "gzip"


def test_binary_kind_names_the_format() -> None:
    assert binary_kind(b"\x89PNG\r\n\x1a\n\x00\x00") == "PNG image"
    assert binary_kind(b"\x00\x01\x02\x03") == "binary data"
    assert binary_kind(b"Just text.") is None
    assert binary_kind("text".encode("utf-16")) is None


@given(st.binary(max_size=2048), st.sampled_from(["", "a.txt", "b.html", "c.jsonl", "d.json"]))
def test_sniff_format_never_raises_and_returns_a_known_format(data: bytes, name: str) -> None:
    assert sniff_format(data, name) in FORMATS


def test_many_comments_before_a_tag_are_sniffed_in_linear_time() -> None:
    """Issue 14 row 3: `(?:<!--.*?-->\\s*)*` backtracked exponentially (this never ended)."""
    assert sniff_format(b"<!---->" * 40 + b"<div>x</div>", "") == "text"
    assert sniff_format(b"<!-- a -->\n" * 5000 + b"<html><body>x</body></html>", "") == "html"
    assert sniff_format(b"<?xml version='1.0'?>\n<!-- c --><html>", "") == "html"


def test_a_too_deep_first_line_does_not_make_jsonl_a_json_file() -> None:
    """Issue 14 row 8: the first line's RecursionError made the whole file one bad JSON."""
    deep = b'{"a":' * 3000 + b"1" + b"}" * 3000
    assert sniff_format(deep + b'\n{"text": "x"}\n', "") == "jsonl"
