"""The report as indexed tables: honest counts, one write per analysis, schema upgrades."""

from __future__ import annotations

import dataclasses
import json
import sqlite3
from pathlib import Path

import pytest

from newsweave.errors import StoreError
from newsweave.model import UNKNOWN_SOURCE, Claim, Report
from newsweave.store import Store
from newsweave.store.read import ReportQueries, StoryFilter
from tests.report.sample import article, evidence, sample_report


def report_with_unknown_sources() -> Report:
    """The sample plus two articles with no outlet and no domain that corroborate a claim."""
    base = sample_report()
    u1 = article("u-1", "Officials said the count was final.", outlet=None, domain=None, url=None)
    u2 = article("u-2", "Officials said the count was final today.", outlet=None, domain=None)
    story = dataclasses.replace(
        base.stories[0], article_ids=(*base.stories[0].article_ids, "u-1", "u-2")
    )
    claim = Claim(
        id="c-unknown",
        story_id="s-1",
        text="Officials said the count was final.",
        status="corroborated",
        support=(
            evidence(u1, "Officials said the count was final"),
            evidence(u2, "Officials said the count was final"),
        ),
    )
    return dataclasses.replace(
        base,
        articles=(*base.articles, u1, u2),
        stories=(story,),
        claims=(*base.claims, claim),
    )


@pytest.fixture
def queries(tmp_path: Path) -> ReportQueries:
    report = report_with_unknown_sources()
    store = Store(tmp_path / "n.db")
    store.add_articles(report.articles)
    store.put_report_tables(report)
    return ReportQueries(store.connection)


def test_unknown_sources_are_labelled_and_never_counted_as_outlets(queries: ReportQueries) -> None:
    story = queries.story("s-1")
    assert story is not None
    # a-1, a-2, a-3 have outlets; u-1 and u-2 have none: 5 articles, 3 outlets, 2 unknown.
    assert (story["n_articles"], story["n_outlets"], story["n_unknown"]) == (5, 3, 2)
    # a-3 copies a-1: one voice between them.
    assert story["n_voices"] == 4
    _, rows = queries.articles(story_id="s-1", limit=10, offset=0)
    labels = {r["id"]: r["label"] for r in rows}
    assert labels["u-1"] == UNKNOWN_SOURCE
    assert {r["key"] for r in queries.outlets(limit=10, offset=0)[1]} == {
        "A-1",
        "Sputnik",
        "Copycat",
    }


def test_claim_counts_say_when_corroboration_rests_on_unknown_sources(
    queries: ReportQueries,
) -> None:
    claim = queries.claim("c-unknown")
    assert claim is not None
    assert (claim["n_outlets"], claim["n_unknown"], claim["n_voices"]) == (0, 2, 2)
    known = queries.claim("c-1")
    assert known is not None and (known["n_outlets"], known["n_unknown"]) == (2, 0)


def test_only_corroborated_disputed_and_quoted_evidence_is_marked(queries: ReportQueries) -> None:
    marked = {(e["kind"], e["marked"]) for e in queries.article_evidence("a-1")}
    assert ("claim", 1) in marked  # c-1 is corroborated
    assert ("timeline", 0) in marked  # an anchor, not a highlight


def test_stories_sort_and_filter(queries: ReportQueries) -> None:
    for sort in ("size", "latest", "outlets", "disputes"):
        assert [s["id"] for s in queries.stories(sort=sort, limit=5, offset=0)[1]] == ["s-1"]
    assert queries.stories(where=StoryFilter(outlet="Sputnik"), limit=5, offset=0)[0] == 1
    assert queries.stories(where=StoryFilter(outlet="nobody"), limit=5, offset=0)[0] == 0
    assert queries.stories(where=StoryFilter(date_from="2021-01-01"), limit=5, offset=0)[0] == 0
    assert queries.stories(where=StoryFilter(date_to="2020-12-15"), limit=5, offset=0)[0] == 1
    assert queries.stories(where=StoryFilter(language="en"), limit=5, offset=0)[0] == 1


def test_rewriting_the_tables_replaces_the_previous_analysis(tmp_path: Path) -> None:
    with Store(tmp_path / "n.db") as store:
        store.put_report_tables(report_with_unknown_sources())
        store.put_report_tables(sample_report())
        queries = ReportQueries(store.connection)
        assert queries.claim("c-unknown") is None
        assert queries.totals()["articles"] == 3


def test_search_finds_articles_with_their_label_and_story(queries: ReportQueries) -> None:
    found = queries.search("counts FINAL", limit=5, offset=0)
    assert {r["id"] for r in found.rows} == {"u-1", "u-2"}
    assert {r["label"] for r in found.rows} == {UNKNOWN_SOURCE}
    assert {r["story_id"] for r in found.rows} == {"s-1"}
    assert "\x02count\x03" in found.rows[0]["snippet"]


def test_search_past_its_time_budget_says_so_instead_of_holding_the_server(tmp_path: Path) -> None:
    with Store(tmp_path / "n.db") as store:
        store.add_articles(article(f"m-{i}", f"many words here number {i}") for i in range(300))
        store.put_report_tables(sample_report())
        queries = ReportQueries(store.connection)
        assert queries.search("words", limit=5, offset=0).total == 300
        stopped = queries.search("words", limit=5, offset=0, budget=-1.0)
        assert stopped.timed_out and stopped.rows == []


def _version_1_database(path: Path) -> None:
    """A database as newsweave 0.1 with schema 1 wrote it (no stemming, no report tables)."""
    report = sample_report()
    db = sqlite3.connect(path)
    db.executescript(
        "CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);"
        "INSERT INTO meta VALUES ('schema_version', '1');"
        "CREATE TABLE articles (seq INTEGER PRIMARY KEY AUTOINCREMENT, id TEXT NOT NULL UNIQUE,"
        " source TEXT NOT NULL, url TEXT, outlet TEXT, domain TEXT, title TEXT NOT NULL,"
        " published TEXT, language TEXT, record TEXT NOT NULL);"
        "CREATE VIRTUAL TABLE articles_fts USING fts5(id UNINDEXED, title, text);"
    )
    from newsweave.store.codec import article_to_json

    for a in report.articles:
        db.execute(
            "INSERT INTO articles(id, source, url, outlet, domain, title, published, language,"
            " record) VALUES (?,?,?,?,?,?,?,?,?)",
            (
                a.id,
                a.source,
                a.url,
                a.outlet,
                a.domain,
                a.title,
                a.published,
                a.language,
                article_to_json(a),
            ),
        )
        db.execute("INSERT INTO articles_fts VALUES (?,?,?)", (a.id, a.title, a.text))
    db.commit()
    db.close()


def test_a_version_1_database_is_upgraded_when_opened_for_writing(tmp_path: Path) -> None:
    path = tmp_path / "old.db"
    _version_1_database(path)
    with pytest.raises(StoreError, match="newsweave report --db"):
        Store(path, read_only=True)
    with Store(path) as store:
        assert store.count() == 3
        assert store.search("vote") == ["a-2"]  # stemming came with the rebuilt index
    with Store(path, read_only=True) as store:
        assert json.loads("[]") == []
        assert ReportQueries(store.connection).has_report() is False


def test_a_version_2_database_gets_report_tables_of_the_new_shape(tmp_path: Path) -> None:
    path = tmp_path / "v2.db"
    Store(path).close()
    db = sqlite3.connect(path)
    db.executescript(
        "UPDATE meta SET value = '2' WHERE key = 'schema_version';"
        "DROP TABLE r_articles; CREATE TABLE r_articles (id TEXT PRIMARY KEY);"
    )
    db.commit()
    db.close()
    with Store(path) as store:
        store.put_report_tables(sample_report())
        assert ReportQueries(store.connection).totals()["articles"] == 3


def test_a_new_report_without_its_tables_is_not_shown_as_current(tmp_path: Path) -> None:
    with Store(tmp_path / "n.db") as store:
        store.put_report("latest", "{}")
        store.put_report_tables(sample_report())
        assert store.report_tables_current()
        store.put_report("latest", "{}")  # the run stops before writing the tables
        assert not store.report_tables_current()
        assert not ReportQueries(store.connection).has_report()


def test_why_a_conflict_is_a_disagreement_is_kept_in_the_tables(tmp_path: Path) -> None:
    base = sample_report()
    assert base.conflicts
    conflicts = tuple(dataclasses.replace(c, basis="number") for c in base.conflicts)
    store = Store(tmp_path / "n.db")
    store.add_articles(base.articles)
    store.put_report_tables(dataclasses.replace(base, conflicts=conflicts))
    row = ReportQueries(store.connection).conflict(conflicts[0].id)
    assert row is not None
    assert row["basis"] == "number"


def _table_rows(db: sqlite3.Connection) -> dict[str, list[tuple[object, ...]]]:
    """Every `r_*` row with its rowid where the table has one, and every index's definition."""
    from newsweave.store.tables import TABLES

    out: dict[str, list[tuple[object, ...]]] = {}
    for table in TABLES:
        without = db.execute(
            "SELECT sql LIKE '%WITHOUT ROWID%' FROM sqlite_master WHERE name=?", (table,)
        ).fetchone()[0]
        query = f"SELECT * FROM {table}" if without else f"SELECT rowid, * FROM {table}"
        out[table] = db.execute(query + " ORDER BY 1, 2").fetchall()
    out["indexes"] = db.execute(
        "SELECT name, tbl_name, sql FROM sqlite_master WHERE type='index' ORDER BY name"
    ).fetchall()
    return out


def test_tables_written_with_their_indexes_built_after_hold_what_they_held(
    tmp_path: Path,
) -> None:
    """Session 20 (issue 15): the indexes are dropped and built again after the rows go in, in
    the same transaction. The oracle is the old write (rows inserted with every index in place,
    `_write_rows` into a fresh schema): the same rows, rowids and indexes, written over an
    earlier report too; and no index is missing to a reader at any commit."""
    from newsweave.store.tables import INDEXES, TABLES_SCHEMA, _write_rows

    first, second = report_with_unknown_sources(), sample_report()
    oracle = sqlite3.connect(tmp_path / "oracle.db")
    oracle.executescript(TABLES_SCHEMA)
    oracle.execute("CREATE VIRTUAL TABLE articles_fts USING fts5(id UNINDEXED, title, text)")
    with oracle:
        _write_rows(oracle, second)
    with Store(tmp_path / "n.db") as store:
        store.put_report_tables(first)
        statements: list[str] = []
        store.connection.set_trace_callback(statements.append)
        store.put_report_tables(second)
        store.connection.set_trace_callback(None)
        db = store.connection
        assert _table_rows(db) == {**_table_rows(oracle), "indexes": _table_rows(db)["indexes"]}
        assert {name for name, _, _ in _table_rows(db)["indexes"]} >= {n for n, _ in INDEXES}
        # Built once, after the last row, before the one commit (fails without: none built).
        created = [i for i, s in enumerate(statements) if s.startswith("CREATE INDEX")]
        inserts = [i for i, s in enumerate(statements) if s.startswith("INSERT")]
        commits = [i for i, s in enumerate(statements) if s.upper().startswith("COMMIT")]
        assert len(created) == len(INDEXES)
        assert min(created) > max(inserts) and commits and min(commits) > max(created)
    oracle_indexes = {(n, t) for n, t, _ in _table_rows(oracle)["indexes"] if n.startswith("r_")}
    with Store(tmp_path / "n.db") as store:
        got = {(n, t) for n, t, _ in _table_rows(store.connection)["indexes"] if n.startswith("r_")}
    assert got == oracle_indexes
