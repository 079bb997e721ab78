from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from newsweave.errors import StoreError
from newsweave.model import DateMention, Problem
from newsweave.store import Store
from tests.report.sample import sample_report


def test_re_adding_the_same_articles_adds_nothing(tmp_path: Path) -> None:
    articles = sample_report().articles
    with Store(tmp_path / "n.db") as store:
        assert store.add_articles(articles) == [a.id for a in articles]
        assert store.add_articles(articles) == []
        assert store.count() == len(articles)


def test_articles_round_trip_with_every_field(tmp_path: Path) -> None:
    original = sample_report().articles
    dated = original[0].__class__(
        **{
            **{f: getattr(original[0], f) for f in original[0].__slots__},
            "dates": (
                DateMention(text="on Monday", span=(30, 39), value="2020-12-14", precision="day"),
            ),
        }
    )
    with Store(tmp_path / "n.db") as store:
        store.add_articles([dated, *original[1:]])
        assert store.articles() == [dated, *original[1:]]


def test_database_uses_write_ahead_logging(tmp_path: Path) -> None:
    Store(tmp_path / "n.db").close()
    mode = sqlite3.connect(tmp_path / "n.db").execute("PRAGMA journal_mode").fetchone()[0]
    assert mode == "wal"


def test_full_text_search_finds_articles_and_never_fails_on_syntax(tmp_path: Path) -> None:
    with Store(tmp_path / "n.db") as store:
        store.add_articles(sample_report().articles)
        assert store.search("electoral") == ["a-2"]
        assert store.search("VOTE") == ["a-2"]  # stemmed and case-folded: the text says "votes"
        assert store.search('"unbalanced') == []
        assert store.search("AND") == ["a-2"]  # the word "and", not an operator


def test_problems_and_state_persist(tmp_path: Path) -> None:
    with Store(tmp_path / "n.db") as store:
        store.add_problems([Problem(source="x", error="binary file")] * 2)
        store.put_state("stories", b"\x00\x01")
    with Store(tmp_path / "n.db", read_only=True) as store:
        assert store.problems() == [Problem(source="x", error="binary file")]
        assert store.get_state("stories") == b"\x00\x01"
        with pytest.raises(StoreError, match="read-only"):
            store.add_problems([])


def test_a_file_that_is_not_a_database_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "n.db"
    path.write_bytes(b"this is not sqlite" * 100)
    with pytest.raises(StoreError, match="not a usable newsweave database"):
        Store(path)


def test_a_missing_database_cannot_be_read(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match="no such database"):
        Store(tmp_path / "missing.db", read_only=True)


def test_a_database_of_another_schema_version_is_refused(tmp_path: Path) -> None:
    Store(tmp_path / "n.db").close()
    db = sqlite3.connect(tmp_path / "n.db")
    db.execute("UPDATE meta SET value='99' WHERE key='schema_version'")
    db.commit()
    db.close()
    with pytest.raises(StoreError, match="schema version 99"):
        Store(tmp_path / "n.db")


def test_opening_without_create_refuses_a_missing_path_and_creates_nothing(
    tmp_path: Path,
) -> None:
    with pytest.raises(StoreError, match="no such database"):
        Store(tmp_path / "typo" / "news.db", create=False)
    with pytest.raises(StoreError, match="no such database"):
        Store(tmp_path, create=False)  # a directory is no database either
    assert list(tmp_path.iterdir()) == []


def test_opening_without_create_leaves_another_sqlite_file_untouched(tmp_path: Path) -> None:
    other = tmp_path / "app.sqlite"
    with sqlite3.connect(other) as db:
        db.execute("CREATE TABLE things (name TEXT)")
        db.execute("INSERT INTO things VALUES ('kept')")
    db.close()
    empty = tmp_path / "empty.db"
    empty.write_bytes(b"")
    before = {path.name: path.read_bytes() for path in tmp_path.iterdir()}
    for path in (other, empty):
        with pytest.raises(StoreError, match="not a newsweave database"):
            Store(path, create=False)
    assert {path.name: path.read_bytes() for path in tmp_path.iterdir()} == before


def test_opening_without_create_writes_to_an_existing_database(tmp_path: Path) -> None:
    path = tmp_path / "news.db"
    report = sample_report()
    with Store(path) as store:
        store.add_articles(report.articles)
    with Store(path, create=False) as store:
        store.add_problems([Problem(source="x.txt", error="empty file")])
        assert len(list(store.articles())) == len(report.articles)


def test_a_report_stored_from_its_pieces_is_the_same_text(tmp_path: Path) -> None:
    from newsweave.report.json import dumps, iter_json

    report = sample_report()
    text = dumps(report)
    assert any(ord(c) > 127 for c in text)  # the UTF-8 byte length differs from the length
    with Store(tmp_path / "n.db") as store:
        store.put_report("latest", text)
        store.put_report_tables(report)
        assert store.report_tables_current()
        store.put_report("latest", iter_json(report))
        assert store.get_report("latest") == text
        assert not store.report_tables_current()  # a new latest report: its tables follow
        store.put_report("other", ["", "{", "}\n"])
        assert store.get_report("other") == "{}\n"
        assert store.get_report("latest") == text
        row = store.connection.execute(
            "SELECT typeof(json), length(json) FROM reports WHERE name='latest'"
        ).fetchone()
    assert row == ("blob", len(text.encode("utf-8")))
