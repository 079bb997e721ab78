"""What people type becomes a safe FTS5 query: no syntax errors, ever."""

from __future__ import annotations

import sqlite3

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newsweave.store.fts import MAX_TERMS, parse_query

AWKWARD = [
    "hit-and-run",
    "U.S.",
    "9.1",
    "AND",
    "OR",
    "NOT",
    "NEAR(",
    "NEAR(a b",
    "*",
    '"',
    '""',
    '"unbalanced phrase',
    "title:earthquake",
    "^start",
    "a OR b AND (c",
    "{col1 col2}: x",
    "Zürich — 東京 — القاهرة",
    "\x00\x01\x02",
    "x" * 5000,
    "a OR " * 3000,
    "'; DROP TABLE articles; --",
]


@pytest.fixture(scope="module")
def db() -> sqlite3.Connection:
    db = sqlite3.connect(":memory:")
    db.execute(
        "CREATE VIRTUAL TABLE f USING fts5(title, text,"
        " tokenize = 'porter unicode61 remove_diacritics 2')"
    )
    db.execute(
        "INSERT INTO f VALUES (?, ?)",
        ("Earthquakes hit the U.S.", "A hit-and-run on 9.1 in Zurich: near the station."),
    )
    return db


def _count(db: sqlite3.Connection, query: str) -> int:
    match = parse_query(query).match
    if not match:
        return 0
    return int(db.execute("SELECT count(*) FROM f WHERE f MATCH ?", (match,)).fetchone()[0])


@pytest.mark.parametrize("query", AWKWARD)
def test_awkward_queries_are_never_syntax(db: sqlite3.Connection, query: str) -> None:
    assert _count(db, query) in (0, 1)


@pytest.mark.parametrize(
    "query",
    ["hit-and-run", "U.S.", "9.1", "earthquake", "EARTHQUAKE", "zürich", "hit-an*", '"near the"'],
)
def test_what_people_type_finds_the_article(db: sqlite3.Connection, query: str) -> None:
    assert _count(db, query) == 1


def test_operators_are_words_not_syntax(db: sqlite3.Connection) -> None:
    assert _count(db, "earthquake NOT") == 0  # "not" is a word the text lacks, not an operator
    assert _count(db, "earthquake AND run") == 1  # "and" is a word of the text ("hit-and-run")
    assert _count(db, "earthquake near") == 1  # "near" is a word of the text


def test_term_count_is_capped_and_repeats_are_kept_once() -> None:
    parsed = parse_query(" ".join(f"w{i}" for i in range(100)) + " w1 w1")
    assert len(parsed.terms) == MAX_TERMS
    assert parsed.ignored == 100 - MAX_TERMS
    assert parse_query("a OR a OR a").terms == ("a", "or")


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=200))
def test_any_text_is_a_valid_query(text: str) -> None:
    db = sqlite3.connect(":memory:")
    db.execute("CREATE VIRTUAL TABLE f USING fts5(t, tokenize = 'porter unicode61')")
    match = parse_query(text).match
    if match:
        db.execute("SELECT count(*) FROM f WHERE f MATCH ?", (match,)).fetchone()
