from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest

from newsweave.errors import ConfigError
from newsweave.ingest import IngestConfig, parse_field_options
from newsweave.ingest.config import DEFAULT_FIELD_MAP
from newsweave.model import RawDoc

from .conftest import article_html, read_all, split

Write = Callable[[str, bytes], Path]


def jsonl(*records: object) -> bytes:
    return b"".join(json.dumps(record).encode() + b"\n" for record in records)


def test_jsonl_maps_common_field_names(write: Write) -> None:
    path = write(
        "news.jsonl",
        jsonl(
            {
                "maintext": "Body one.",
                "url": "https://a.example/1",
                "title": "One",
                "date_publish": "2024-01-02 10:00:00",
                "source_domain": "a.example",
                "language": "en",
            },
            {
                "content": "Body two.",
                "link": "https://b.example/2",
                "headline": "Two",
                "publishedAt": "2024-01-03T00:00:00Z",
                "source": {"id": None, "name": "B News"},
            },
        ),
    )
    docs, problems = split(read_all(path))
    assert problems == []
    assert docs == [
        RawDoc(
            source=f"{path}#1",
            text="Body one.",
            url="https://a.example/1",
            title="One",
            published="2024-01-02 10:00:00",
            outlet="a.example",
            language="en",
            encoding="utf-8",
        ),
        RawDoc(
            source=f"{path}#2",
            text="Body two.",
            url="https://b.example/2",
            title="Two",
            published="2024-01-03T00:00:00Z",
            outlet="B News",
            encoding="utf-8",
        ),
    ]


def test_bad_jsonl_lines_are_problems_with_1_based_line_numbers(write: Write) -> None:
    data = (
        b'{"text": "good one"}\n'
        b"\n"
        b"this is not json\n"
        b"[1, 2, 3]\n"
        b'"a string"\n'
        b'{"title": "no body here"}\n'
        b'{"text": "   "}\n'
        b'{"text": "good two"}\n'
        b'{"text": "cut off\n'
    )
    path = write("mixed.jsonl", data)
    items = read_all(path)
    got = [
        (item.source.rsplit("#", 1)[1], item.text if isinstance(item, RawDoc) else item.error)
        for item in items
    ]
    assert got[0] == ("1", "good one")
    assert got[1][0] == "3" and got[1][1].startswith("not valid JSON: Expecting value")
    assert got[2] == ("4", "not a JSON object (a list)")
    assert got[3] == ("5", "not a JSON object (a string)")
    assert got[4][0] == "6" and got[4][1].startswith("no text field (looked for text, body,")
    assert got[5][0] == "7" and got[5][1].startswith("no text field")
    assert got[6] == ("8", "good two")
    assert got[7][0] == "9" and got[7][1].startswith("not valid JSON")
    assert len(got) == 8


def test_field_map_override_changes_where_text_is_read(write: Write) -> None:
    path = write("custom.jsonl", jsonl({"text": "teaser", "body": "Full body.", "u": "https://x"}))
    config = IngestConfig(field_map={"text": ("body",), "url": "u"}, raise_unexpected=True)
    docs, _ = split(read_all(path, config=config))
    assert [(doc.text, doc.url) for doc in docs] == [("Full body.", "https://x")]
    assert config.names("title") == DEFAULT_FIELD_MAP["title"]


def test_dotted_names_paragraph_lists_and_numeric_dates(write: Write) -> None:
    record = {"article": ["First paragraph.", " ", "Second."], "meta": {"ts": 1700000000}}
    config = IngestConfig(field_map={"published": ("meta.ts",)}, raise_unexpected=True)
    docs, _ = split(read_all(write("nested.jsonl", jsonl(record)), config=config))
    assert docs[0].text == "First paragraph.\n\nSecond."
    assert docs[0].published == "1700000000"


def test_html_field_is_kept_and_its_metadata_fills_gaps(write: Write) -> None:
    html = article_html(
        "From the page",
        "Body.",
        extra_head="<meta property='og:site_name' content='Page Outlet'>"
        "<link rel='canonical' href='https://page.example/x'>",
    ).decode()
    path = write("pages.jsonl", jsonl({"raw_html": html, "title": "From the record"}))
    docs, problems = split(read_all(path))
    assert problems == []
    assert docs[0].html == html and docs[0].text is None
    assert docs[0].title == "From the record"  # the record's own field wins
    assert (docs[0].outlet, docs[0].url, docs[0].language) == (
        "Page Outlet",
        "https://page.example/x",
        "en",
    )


def test_over_long_line_is_a_problem_and_the_next_line_is_read(write: Write) -> None:
    data = jsonl({"text": "x" * 10_000}, {"text": "short"})
    config = IngestConfig(max_bytes=5000, raise_unexpected=True)
    items = read_all(write("long.jsonl", data), config=config)
    assert [type(item).__name__ for item in items] == ["Problem", "RawDoc"]
    assert items[0].source.endswith("#1") and items[1].source.endswith("#2")
    assert items[0].error.startswith("line larger than 5 kB")  # type: ignore[union-attr]


def test_jsonl_in_cp1252_and_utf16(write: Write) -> None:
    cp1252 = '{"text": "Café “quoted”"}\n'.encode("cp1252")
    docs, _ = split(read_all(write("legacy.jsonl", cp1252)))
    assert (docs[0].text, docs[0].encoding) == ("Café “quoted”", "cp1252")
    utf16 = '{"text": "Ünïcode one"}\r\n{"text": "two"}\r\n'.encode("utf-16")
    docs, problems = split(read_all(write("powershell.jsonl", utf16)))
    assert problems == []
    assert [doc.text for doc in docs] == ["Ünïcode one", "two"]


def test_json_list_is_streamed_with_pointer_sources(write: Write) -> None:
    records = [{"text": f"Item {i}."} for i in range(3)] + [[1], {"title": "none"}]
    path = write("list.json", json.dumps(records, indent=2).encode())
    items = read_all(path)
    assert [item.source.removeprefix(str(path)) for item in items] == [
        "#/0",
        "#/1",
        "#/2",
        "#/3",
        "#/4",
    ]
    docs, problems = split(items)
    assert [doc.text for doc in docs] == ["Item 0.", "Item 1.", "Item 2."]
    assert [p.error.split(" (")[0] for p in problems] == ["not a JSON object", "no text field"]


def test_json_list_bigger_than_a_read_chunk(write: Write) -> None:
    records = [{"text": f"Item {i} " + "word " * 200} for i in range(2000)]  # about 2 MB
    docs, problems = split(read_all(write("big.json", json.dumps(records).encode())))
    assert problems == []
    assert len(docs) == 2000 and docs[-1].text is not None and docs[-1].text.startswith("Item 1999")


def test_truncated_json_list_keeps_items_before_the_cut(write: Write) -> None:
    data = json.dumps([{"text": "a"}, {"text": "b"}, {"text": "c"}]).encode()
    items = read_all(write("cut.json", data[:-15]))
    docs, problems = split(items)
    assert [doc.text for doc in docs] == ["a", "b"]
    assert len(problems) == 1 and problems[0].source.endswith("#/2")


def test_json_single_object_and_wrapped_list(write: Write) -> None:
    single = write("one.json", json.dumps({"text": "Alone.", "title": "T"}, indent=1).encode())
    docs, _ = split(read_all(single))
    assert [(doc.source, doc.text) for doc in docs] == [(str(single), "Alone.")]
    wrapped = write(
        "api.json",
        json.dumps({"status": "ok", "articles": [{"content": "A."}, {"content": "B."}]}).encode(),
    )
    docs, _ = split(read_all(wrapped))
    assert [(doc.source, doc.text) for doc in docs] == [
        (f"{wrapped}#/articles/0", "A."),
        (f"{wrapped}#/articles/1", "B."),
    ]


def test_invalid_json_file_is_a_problem(write: Write) -> None:
    docs, problems = split(read_all(write("bad.json", b'{\n  "text": "unterminated\n}\n')))
    assert docs == []
    assert len(problems) == 1 and problems[0].error.startswith("not valid JSON")


@pytest.mark.parametrize(
    ("options", "expected"),
    [
        (["text=body"], {"text": ("body",)}),
        (["text=body, content", "url=link"], {"text": ("body", "content"), "url": ("link",)}),
        (["outlet="], {"outlet": ()}),
    ],
)
def test_parse_field_options(options: list[str], expected: dict[str, tuple[str, ...]]) -> None:
    assert parse_field_options(options) == expected
    IngestConfig(field_map=expected)  # accepted


@pytest.mark.parametrize("options", [["text"], ["nosuch=x"], ["=body"]])
def test_parse_field_options_rejects_malformed_options(options: list[str]) -> None:
    with pytest.raises(ConfigError, match="FIELD=NAME"):
        parse_field_options(options)


def test_ingest_config_rejects_bad_values() -> None:
    with pytest.raises(ConfigError, match="unknown field 'body'"):
        IngestConfig(field_map={"body": ("text",)})
    with pytest.raises(ConfigError, match="both 'text' and 'html'"):
        IngestConfig(field_map={"text": (), "html": ()})
    with pytest.raises(ConfigError, match="max_bytes must be at least 1"):
        IngestConfig(max_bytes=0)
    with pytest.raises(ConfigError, match="non-empty strings"):
        IngestConfig(field_map={"text": ("",)})


def test_jsonl_line_wrapping_a_list_of_records_is_expanded(write: Write) -> None:
    path = write("responses.jsonl", jsonl({"articles": [{"text": "A."}, {"text": "B."}]}))
    docs, _ = split(read_all(path))
    assert [doc.source.removeprefix(str(path)) for doc in docs] == [
        "#1/articles/0",
        "#1/articles/1",
    ]


def test_ten_megabyte_single_line_jsonl_record(write: Write) -> None:
    body = "word " * 2_000_000
    config = IngestConfig(max_text_chars=len(body), raise_unexpected=True)
    docs, problems = split(read_all(write("huge.jsonl", jsonl({"text": body})), config=config))
    assert problems == []
    assert len(docs) == 1 and docs[0].text == body


def test_ingest_config_pickles_and_hashes() -> None:
    import pickle

    config = IngestConfig(field_map={"text": ("body",)}, max_bytes=1000)
    assert pickle.loads(pickle.dumps(config)) == config
    assert hash(config) == hash(IngestConfig(field_map={"text": ("body",)}, max_bytes=1000))


def test_json_list_in_cp1252_is_decoded(write: Write) -> None:
    data = '[{"text": "Café “one”"}, {"text": "naïve two"}]'.encode("cp1252")
    docs, problems = split(read_all(write("legacy.json", data)))
    assert problems == []
    assert [(doc.text, doc.encoding) for doc in docs] == [
        ("Café “one”", "cp1252"),
        ("naïve two", "cp1252"),
    ]


def test_json_list_utf8_character_split_across_read_chunks(write: Write) -> None:
    # The 1 MiB read boundary falls inside a multi-byte character somewhere in here.
    records = [{"text": "é" * 1000 + f" {i}"} for i in range(700)]
    docs, problems = split(
        read_all(write("split.json", json.dumps(records, ensure_ascii=False).encode()))
    )
    assert problems == []
    assert [doc.text for doc in docs] == [record["text"] for record in records]


def test_syntax_error_in_a_big_json_list_is_reported_at_its_item(write: Write) -> None:
    good = json.dumps([{"text": f"Item {i}"} for i in range(5)])
    data = (good[:-1] + ', {"text": "broken" "x"}, ' + good[1:]).encode()
    items = read_all(write("broken.json", data))
    docs, problems = split(items)
    assert len(docs) == 5
    assert [p.source.rsplit("#", 1)[1] for p in problems] == ["/5"]
    assert problems[0].error.startswith("not valid JSON: Expecting ',' delimiter")


def test_jsonl_lines_across_read_chunks_and_long_blank_runs_keep_their_numbers(
    write: Write,
) -> None:
    """Lines are cut from 1 MiB chunks; blank runs are skipped without losing the count."""
    records = [{"text": f"r{i} " + "w" * (300_000 + i)} for i in range(6)]
    data = b"".join(
        json.dumps(record).encode() + b"\n" + b"\n" * (i * 50_000) + b" \t\r\n" * (i % 2)
        for i, record in enumerate(records)
    )
    docs, problems = split(read_all(write("chunks.jsonl", data)))
    assert problems == []
    assert [doc.text for doc in docs] == [record["text"] for record in records]
    expected, line = [], 1
    for i in range(6):
        expected.append(str(line))
        line += 1 + i * 50_000 + i % 2
    assert [doc.source.rsplit("#", 1)[1] for doc in docs] == expected
