from __future__ import annotations

import gzip
import io
import os
import sys
import time
from collections.abc import Callable
from pathlib import Path

import pytest

from newsweave.ingest import IngestConfig, read_inputs
from newsweave.model import Problem, RawDoc

from .conftest import article_html, read_all, split

Write = Callable[[str, bytes], Path]


def only_doc(items: list[RawDoc | Problem]) -> RawDoc:
    assert len(items) == 1, items
    assert isinstance(items[0], RawDoc), items[0]
    return items[0]


def only_problem(items: list[RawDoc | Problem]) -> Problem:
    assert len(items) == 1, items
    assert isinstance(items[0], Problem), items[0]
    assert "\n" not in items[0].error
    return items[0]


def test_cp1252_text_file_is_decoded_and_its_encoding_recorded(write: Write) -> None:
    text = "The mayor said “it’s over” – and left.\r\nPrices rose 5 % in Zürich.\r\n"
    doc = only_doc(read_all(write("story.txt", text.encode("cp1252"))))
    assert doc.text == text.replace("\r\n", "\n")
    assert doc.encoding == "cp1252"
    assert doc.html is None
    assert doc.url is doc.title is doc.published is doc.outlet is doc.language is None


def test_utf16_file_with_bom(write: Write) -> None:
    text = "Ο υπουργός δήλωσε ότι οι τιμές αυξήθηκαν.\nSecond line."
    doc = only_doc(read_all(write("greek.txt", text.encode("utf-16"))))
    assert (doc.text, doc.encoding) == (text, "utf-16")


def test_html_without_extension_is_sniffed_and_its_metadata_read(write: Write) -> None:
    head = (
        "<link rel='canonical' href='https://news.example.com/a/1'>"
        "<meta property='og:site_name' content='Example News'>"
        "<meta property='article:published_time' content='2024-03-05T10:00:00Z'>"
    )
    path = write("page", article_html("Bridge reopens", "The bridge reopened.", extra_head=head))
    doc = only_doc(read_all(path))
    assert doc.text is None
    assert doc.html is not None and "<p>The bridge reopened.</p>" in doc.html
    assert doc.title == "Bridge reopens"
    assert doc.url == "https://news.example.com/a/1"
    assert doc.outlet == "Example News"
    assert doc.published == "2024-03-05T10:00:00Z"
    assert doc.language == "en"
    assert doc.encoding == "utf-8"
    assert doc.source == str(path)


def test_html_in_a_legacy_charset_declared_by_meta(write: Write) -> None:
    html = (
        "<html><head><meta http-equiv='Content-Type' content='text/html; charset=koi8-r'>"
        "<title>Министр ушёл в отставку</title></head><body><p>Текст.</p></body></html>"
    )
    doc = only_doc(read_all(write("ru.html", html.encode("koi8-r"))))
    assert doc.title == "Министр ушёл в отставку"
    assert doc.encoding == "koi8-r"


def test_empty_and_blank_files_are_problems(write: Write) -> None:
    assert only_problem(read_all(write("empty.txt", b""))).error == "empty file"
    assert only_problem(read_all(write("blank.txt", b"  \n\n\t "))).error == "empty file"
    assert only_problem(read_all(write("bom.txt", b"\xef\xbb\xbf\n"))).error == "empty file"


def test_binary_files_are_problems_that_name_the_kind(write: Write) -> None:
    png = only_problem(read_all(write("photo.html", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")))
    assert png.error == "binary file (PNG image)"
    blob = only_problem(read_all(write("data.txt", bytes(range(256)) * 64)))
    assert blob.error.startswith("binary file")


def test_ten_megabyte_single_line_file_is_read_quickly(write: Write) -> None:
    line = b"word " * 2_000_000  # 10 MB, no newline
    path = write("one-line.txt", line)
    started = time.perf_counter()
    doc = only_doc(read_all(path, config=IngestConfig(max_text_chars=len(line))))
    elapsed = time.perf_counter() - started
    assert doc.text is not None and len(doc.text) == len(line)
    assert elapsed < 5, f"reading 10 MB took {elapsed:.1f} s"


def test_article_text_over_max_text_chars_is_one_problem(write: Write) -> None:
    path = write("long.txt", b"word " * 200_001)  # 1,000,005 characters
    problem = only_problem(read_all(path))  # the default bound: 500,000
    assert problem.error.startswith("article text longer than 500,000 characters")
    small = IngestConfig(max_text_chars=10)
    assert only_doc(read_all(write("short.txt", b"ten chars."), config=small)).text == "ten chars."
    assert only_problem(read_all(write("eleven.txt", b"11 chars..."), config=small))


def test_documents_over_max_bytes_are_problems(write: Write) -> None:
    path = write("big.txt", b"x" * 5000)
    problem = only_problem(read_all(path, config=IngestConfig(max_bytes=4096)))
    assert problem.error.startswith("larger than 4.1 kB")
    html = write("big.html", b"<html><body>" + b"<p>x</p>" * 1000 + b"</body></html>")
    assert only_problem(read_all(html, config=IngestConfig(max_bytes=4096))).source == str(html)


def test_directory_tree_is_read_recursively_in_sorted_order_skipping_hidden(
    write: Write, tmp_path: Path
) -> None:
    write("corpus/b.txt", b"Second.")
    write("corpus/a.txt", b"First.")
    write("corpus/sub/c.txt", b"Third.")
    write("corpus/sub/deeper/d.html", b"<html><body><p>Fourth.</p></body></html>")
    write("corpus/.hidden.txt", b"Hidden.")
    write("corpus/.git/objects/e.txt", b"Git internals.")
    docs, problems = split(read_all(tmp_path / "corpus"))
    assert problems == []
    names = [Path(doc.source).relative_to(tmp_path).as_posix() for doc in docs]
    assert names == ["corpus/a.txt", "corpus/b.txt", "corpus/sub/c.txt", "corpus/sub/deeper/d.html"]


def test_explicit_hidden_file_is_read(write: Write) -> None:
    assert only_doc(read_all(write(".notes.txt", b"Named on purpose."))).text == "Named on purpose."


def test_unreadable_paths_are_problems_and_the_batch_goes_on(write: Write, tmp_path: Path) -> None:
    good = write("good.txt", b"Readable.")
    missing = tmp_path / "missing.txt"
    broken = tmp_path / "broken-link.txt"
    broken.symlink_to(tmp_path / "nowhere.txt")
    under_file = good / "child.txt"  # a file used as a directory
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    items = read_all(missing, broken, under_file, fifo, good)
    docs, problems = split(items)
    assert [doc.source for doc in docs] == [str(good)]
    assert [(p.source, p.error) for p in problems] == [
        (str(missing), "no such file or directory"),
        (str(broken), "broken symbolic link"),
        (str(under_file), "not a directory (a part of the path is a file)"),
        (str(fifo), "not a regular file (named pipe)"),
    ]


def test_broken_symlink_inside_a_directory_is_a_problem(write: Write, tmp_path: Path) -> None:
    write("dir/ok.txt", b"Fine.")
    (tmp_path / "dir" / "dangling.txt").symlink_to(tmp_path / "gone.txt")
    docs, problems = split(read_all(tmp_path / "dir"))
    assert len(docs) == 1
    assert [p.error for p in problems] == ["broken symbolic link"]


def test_symlink_loop_in_a_tree_is_not_followed_forever(write: Write, tmp_path: Path) -> None:
    write("tree/a.txt", b"Once.")
    (tmp_path / "tree" / "loop").symlink_to(tmp_path / "tree")
    docs, problems = split(read_all(tmp_path / "tree"))
    assert [doc.text for doc in docs] == ["Once."]
    assert problems == []


def test_duplicate_inputs_are_read_once(write: Write, tmp_path: Path) -> None:
    path = write("dir/story.txt", b"Only once.")
    (tmp_path / "alias.txt").symlink_to(path)
    items = read_all(
        path,
        path,
        tmp_path / "dir" / ".." / "dir" / "story.txt",
        tmp_path / "dir",
        tmp_path / "alias.txt",
    )
    assert [doc.source for doc in split(items)[0]] == [str(path)]


def test_stdin_is_sniffed_and_read_once(monkeypatch: pytest.MonkeyPatch) -> None:
    data = b'{"text": "From a pipe.", "url": "https://e.com/1"}\nnot json\n'
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data)))
    docs, problems = split(read_all("-", "-"))
    assert [(d.source, d.text, d.url) for d in docs] == [
        ("<stdin>#1", "From a pipe.", "https://e.com/1")
    ]
    assert [p.source for p in problems] == ["<stdin>#2"]


def test_stdin_gzipped_html(monkeypatch: pytest.MonkeyPatch) -> None:
    data = gzip.compress(article_html("Piped", "Body."))
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data)))
    doc = only_doc(read_all("-"))
    assert (doc.source, doc.title) == ("<stdin>", "Piped")


def test_missing_stdin_is_a_problem(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "stdin", None)
    assert only_problem(read_all("-")).error == "no standard input to read"


def test_gzipped_text_and_html_are_sniffed_after_decompressing(write: Write) -> None:
    text = write("story.gz", gzip.compress("Café news.".encode("cp1252")))
    doc = only_doc(read_all(text))
    assert (doc.text, doc.encoding) == ("Café news.", "cp1252")
    page = write("page.txt.gz", gzip.compress(article_html("Zipped page", "Body.")))
    assert only_doc(read_all(page)).title == "Zipped page"


def test_truncated_gzip_of_a_whole_document_is_a_problem(write: Write) -> None:
    data = gzip.compress(("A long article. " * 5000).encode())
    problem = only_problem(read_all(write("cut.txt.gz", data[: len(data) // 2])))
    assert problem.error == "truncated gzip stream"


def test_truncated_gzip_of_jsonl_keeps_the_lines_before_the_cut(write: Write) -> None:
    lines = b"".join(b'{"text": "Record %d with some words."}\n' % i for i in range(5000))
    data = gzip.compress(lines)
    items = read_all(write("dump.jsonl.gz", data[: len(data) * 2 // 3]))
    docs, problems = split(items)
    assert 1000 < len(docs) < 5000
    assert [doc.source.rsplit("#", 1)[1] for doc in docs[:3]] == ["1", "2", "3"]
    assert len(problems) == 1 and problems[0] is items[-1]
    assert problems[0].error.startswith("truncated gzip stream after line")


def test_small_truncated_gzip_jsonl_still_yields_its_complete_lines(write: Write) -> None:
    data = gzip.compress(b'{"text": "one"}\n{"text": "two"}\n{"text": "three"}\n')
    docs, problems = split(read_all(write("small.jsonl.gz", data[:-12])))
    assert [doc.text for doc in docs][:2] == ["one", "two"]
    assert len(problems) == 1


def test_corrupt_gzip_is_a_problem(write: Write) -> None:
    data = bytearray(gzip.compress(b"Some text that compresses. " * 100))
    data[30:40] = b"\xff" * 10
    problem = only_problem(read_all(write("bad.gz", bytes(data))))
    assert problem.error.startswith(("corrupt gzip stream", "truncated gzip stream"))


def test_every_problem_is_one_line_naming_its_source(write: Write, tmp_path: Path) -> None:
    write("mix/a.jsonl", b'{"text": "ok"}\n[1, 2]\n{"title": "no text"}\n{bad\n')
    write("mix/b.bin", b"\x00\x01\x02\x03" * 100)
    write("mix/c.txt", b"")
    items = list(read_inputs([str(tmp_path / "mix"), str(tmp_path / "nope")]))
    docs, problems = split(items)
    assert len(docs) == 1 and len(problems) == 6
    for problem in problems:
        assert problem.error and "\n" not in problem.error
        assert problem.source.startswith(str(tmp_path))


def test_permission_denied_is_a_problem(write: Write, monkeypatch: pytest.MonkeyPatch) -> None:
    # Tests run as root, where chmod 000 does not stop reading: make open() refuse instead.
    from newsweave import ingest

    locked = write("locked.txt", b"Secret.")
    good = write("open.txt", b"Public.")

    def guarded_open(path: str, mode: str = "r") -> io.BufferedReader:
        if path == str(locked):
            raise PermissionError(13, "Permission denied", path)
        return open(path, mode)

    monkeypatch.setattr(ingest, "open", guarded_open, raising=False)
    docs, problems = split(read_all(locked, good))
    assert [(p.source, p.error) for p in problems] == [(str(locked), "permission denied")]
    assert [doc.text for doc in docs] == ["Public."]


def test_a_single_string_instead_of_a_list_is_refused() -> None:
    from newsweave.errors import ConfigError

    with pytest.raises(ConfigError, match="list of paths"):
        list(read_inputs("examples"))


def test_public_surface_is_pinned() -> None:
    import newsweave.ingest

    assert sorted(newsweave.ingest.__all__) == [
        "IngestConfig",
        "cap_problems",
        "parse_field_options",
        "printable_source",
        "read_inputs",
        "sniff_format",
    ]


def test_gzip_bomb_stops_at_max_decompressed_bytes(write: Write) -> None:
    lines = b'{"text": "a record"}\n' * 1000  # 21 kB
    path = write("bomb.jsonl.gz", gzip.compress(lines))
    config = IngestConfig(max_decompressed_bytes=5_000, raise_unexpected=True)
    docs, problems = split(read_all(path, config=config))
    assert 100 < len(docs) < 1000
    assert len(problems) == 1
    assert problems[0].error.startswith("decompresses to more than 5 kB")


def test_problems_past_max_problems_are_counted_in_one_line(write: Write) -> None:
    # Each line fails at another place: 50 distinct reasons.
    bad = b"".join(b"[" + b"0," * n + b"x]\n" for n in range(50))
    path = write("bad.jsonl", b'{"text": "fine"}\n' + bad)
    config = IngestConfig(max_problems=3, raise_unexpected=True)
    docs, problems = split(read_all(path, config=config))
    assert len(docs) == 1
    assert [p.source for p in problems[:3]] == [f"{path}#{n}" for n in (2, 3, 4)]
    assert problems[3:] == [
        Problem(
            source=str(path),
            error="47 more problems in this file not listed (the max_problems limit)",
        )
    ]


def test_a_reason_listed_once_is_not_counted_again(write: Write) -> None:
    """50 lines failing alike pass whole: the report makes them one line (collapse_repeats)."""
    path = write("bad.jsonl", b'{"text": "fine"}\n' + b"not json\n" * 50 + b"[x]\n")
    config = IngestConfig(max_problems=1, raise_unexpected=True)
    _, problems = split(read_all(path, config=config))
    assert [p.source for p in problems[:50]] == [f"{path}#{n}" for n in range(2, 52)]
    assert problems[50:] == [
        Problem(
            source=str(path),
            error="1 more problems in this file not listed (the max_problems limit)",
        )
    ]


def test_text_with_a_few_nul_bytes_is_kept_with_a_note(write: Write) -> None:
    text = b"A council voted on Tuesday to build a bridge. " * 40
    path = write("nul.txt", text[:100] + b"\x00\x00" + text[100:] + b"\x00")
    docs, problems = split(read_all(path))
    assert docs[0].text == text.decode()
    assert [p.error for p in problems] == ["removed 3 NUL characters; kept the rest"]


@pytest.mark.parametrize(
    ("name", "shown"),
    [
        ("plain name.txt", "plain name.txt"),
        ("évé.txt", "évé.txt"),
        ("evil\nnewsweave: FAKE.txt", "evil\\nnewsweave: FAKE.txt"),
        ("tab\there\r.txt", "tab\\there\\r.txt"),
        ("esc\x1b[31m.txt", "esc\\x1b[31m.txt"),
        ("rlo\u202etxt.exe", "rlo\\u202etxt.exe"),
        ("bytes-\udcff.txt", "bytes-\\xff.txt"),
        ("tag\U000e0041.txt", "tag\\U000e0041.txt"),
    ],
)
def test_printable_source_escapes_what_could_forge_or_hide_text(name: str, shown: str) -> None:
    from newsweave.ingest import printable_source

    assert printable_source(name) == shown
    assert printable_source(name).isprintable()
