"""SQLite store: WAL journal, one writer, content-hash ids so ingest is idempotent.

Schema version 6:
    meta(key, value)                  schema_version, newsweave version
    articles(seq, id UNIQUE, ...)     one row per article; `record` is the article as JSON
    articles_fts (FTS5)               title + text, Porter-stemmed, for search in the web app
    problems(source, error)           inputs that could not be read, kept across runs
    state(stage, data)                opaque per-stage state for incremental runs (story index)
    state_parts(stage, key, ...)      pieces of a stage's state in parts (`newsweave.parts`): the
                                      story index's features, one row per article
    reports(name, json)               the latest report (the JSON export contract; TEXT, or its
                                      UTF-8 as a BLOB when written record by record)
    r_* (see `tables.py`)             the latest report as indexed tables, read by the web app

Older versions are upgraded in place when opened for writing: 1 (no stemming, no `r_*` tables)
gets its search index rebuilt; 1 to 5 get the `r_*` tables of this version, empty until the
next analysis (`newsweave report --db` or `ingest`) fills them. A story index of version 4 (one
blob) is read as it is and written in parts by the next analysis.
"""

from __future__ import annotations

import hashlib
import sqlite3
import tempfile
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path

from newsweave.errors import StoreError
from newsweave.model import Article, Problem, Report
from newsweave.parts import is_parts, pack_parts, unpack_parts
from newsweave.store.codec import article_from_json, article_to_json
from newsweave.store.fts import parse_query
from newsweave.store.tables import TABLES, TABLES_SCHEMA, write_report_tables

SCHEMA_VERSION = 6

_SCHEMA = """
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS articles (
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    id TEXT NOT NULL UNIQUE,
    source TEXT NOT NULL,
    url TEXT, outlet TEXT, domain TEXT, title TEXT NOT NULL,
    published TEXT, language TEXT,
    record TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS articles_url ON articles(url);
CREATE TABLE IF NOT EXISTS problems (
    source TEXT NOT NULL, error TEXT NOT NULL, PRIMARY KEY (source, error)
);
CREATE TABLE IF NOT EXISTS state (stage TEXT PRIMARY KEY, data BLOB NOT NULL);
CREATE TABLE IF NOT EXISTS state_parts (
    stage TEXT NOT NULL, key TEXT NOT NULL, digest BLOB NOT NULL, data BLOB NOT NULL,
    UNIQUE (stage, key)
);
CREATE TABLE IF NOT EXISTS reports (name TEXT PRIMARY KEY, json TEXT NOT NULL);
"""

# Porter stemming over unicode61 words: "earthquakes" finds "earthquake"; accents folded.
_FTS = (
    "CREATE VIRTUAL TABLE IF NOT EXISTS articles_fts USING fts5(id UNINDEXED, title, text,"
    " tokenize = 'porter unicode61 remove_diacritics 2')"
)


# Bytes copied into a report row at a time (`put_report` from pieces).
_BLOB_PIECE = 1 << 20


def _digest(part: bytes) -> bytes:
    return hashlib.blake2b(part, digest_size=16).digest()


class Store:
    """One newsweave database file. Use as a context manager, or call `close()`."""

    def __init__(self, path: str | Path, *, read_only: bool = False, create: bool = True) -> None:
        """Open the database at `path`.

        `read_only`: never write (the web app). `create=False`: write to an existing newsweave
        database only; a missing path or another kind of file is a `StoreError` and nothing is
        created or changed (`newsweave report`, so that a typo in `--db` is not a new database).
        """
        self.path = Path(path)
        self.read_only = read_only
        try:
            if read_only:
                if not self.path.exists():
                    raise StoreError(f"{self.path}: no such database")
                uri = f"file:{self.path.resolve()}?mode=ro"
                self._db = sqlite3.connect(uri, uri=True, check_same_thread=False)
            else:
                if not create and not self.path.is_file():
                    raise StoreError(
                        f"{self.path}: no such database (`newsweave ingest --db` creates one)"
                    )
                if create:
                    self.path.parent.mkdir(parents=True, exist_ok=True)
                self._db = sqlite3.connect(self.path, check_same_thread=False)
                if not create:
                    self._require_newsweave()  # before anything writes to a foreign file
                self._db.execute("PRAGMA journal_mode=WAL")
                self._db.execute("PRAGMA busy_timeout=5000")
                self._create()
            self._check_version()
        except sqlite3.DatabaseError as error:
            raise StoreError(f"{self.path}: not a usable newsweave database ({error})") from error

    def _create(self) -> None:
        with self._db:
            self._db.executescript(_SCHEMA)
            row = self._db.execute("SELECT value FROM meta WHERE key='schema_version'").fetchone()
            if row is not None and row[0] == "1":
                self._rebuild_search_index()
            if row is not None and row[0] in {"1", "2", "3", "4", "5"}:
                self._upgrade_report_tables()
            self._db.execute(_FTS)
            self._db.executescript(TABLES_SCHEMA)
            self._db.execute(
                "INSERT OR IGNORE INTO meta(key, value) VALUES ('schema_version', ?)",
                (str(SCHEMA_VERSION),),
            )

    def _upgrade_report_tables(self) -> None:
        """Version 1 to 5 → 6: report tables of the new shape (empty until the next analysis).

        Version 4 keeps why a conflict is a disagreement (`r_conflicts.basis`); version 5 why
        stories are one storyline (`r_storylines.links`); version 6 the close sentences of
        other voices a single-source claim was not matched with (`r_claims.n_near`, "near"
        evidence, `r_stories.n_unmatched`), so the web app says "not matched elsewhere" as the
        HTML report does (session 22).
        """
        for table in TABLES:
            self._db.execute(f"DROP TABLE IF EXISTS {table}")
        self._db.execute(
            "UPDATE meta SET value=? WHERE key='schema_version'", (str(SCHEMA_VERSION),)
        )

    def _rebuild_search_index(self) -> None:
        """Version 1 → 2: rebuild the search index with stemming."""
        self._db.execute("DROP TABLE IF EXISTS articles_fts")
        self._db.execute(_FTS)
        rows = self._db.execute("SELECT id, title, record FROM articles ORDER BY seq").fetchall()
        self._db.executemany(
            "INSERT INTO articles_fts(id, title, text) VALUES (?,?,?)",
            [(i, t, article_from_json(r).text) for i, t, r in rows],
        )
        self._db.execute(
            "UPDATE meta SET value=? WHERE key='schema_version'", (str(SCHEMA_VERSION),)
        )

    def _require_newsweave(self) -> None:
        try:
            row = self._db.execute("SELECT value FROM meta WHERE key='schema_version'").fetchone()
        except sqlite3.OperationalError:  # no meta table: an SQLite file of something else
            row = None
        if row is None:
            self._db.close()
            raise StoreError(f"{self.path}: not a newsweave database")

    def _check_version(self) -> None:
        row = self._db.execute("SELECT value FROM meta WHERE key='schema_version'").fetchone()
        if row is None or int(row[0]) != SCHEMA_VERSION:
            found = row[0] if row else "none"
            hint = (
                f"; run `newsweave report --db {self.path} -o /dev/null` once to upgrade it"
                if row is not None and int(row[0]) < SCHEMA_VERSION
                else ""
            )
            raise StoreError(
                f"{self.path}: schema version {found}, this newsweave reads {SCHEMA_VERSION}" + hint
            )

    @property
    def connection(self) -> sqlite3.Connection:
        """The SQLite connection, for read queries (`newsweave.store.read`)."""
        return self._db

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        self._db.close()

    @contextmanager
    def _write(self) -> Iterator[sqlite3.Connection]:
        if self.read_only:
            raise StoreError(f"{self.path}: opened read-only")
        with self._db:
            yield self._db

    def add_articles(self, articles: Iterable[Article]) -> list[str]:
        """Store articles not yet present; returns the new ids (re-ingesting adds nothing)."""
        added: list[str] = []
        with self._write() as db:
            for article in articles:
                cursor = db.execute(
                    "INSERT OR IGNORE INTO articles(id, source, url, outlet, domain, title,"
                    " published, language, record) VALUES (?,?,?,?,?,?,?,?,?)",
                    (
                        article.id,
                        article.source,
                        article.url,
                        article.outlet,
                        article.domain,
                        article.title,
                        article.published,
                        article.language,
                        article_to_json(article),
                    ),
                )
                if cursor.rowcount:
                    db.execute(
                        "INSERT INTO articles_fts(id, title, text) VALUES (?,?,?)",
                        (article.id, article.title, article.text),
                    )
                    added.append(article.id)
        return added

    def replace_articles(self, articles: Iterable[Article]) -> None:
        """Update stored articles with derived fields (copy_of, dates) filled by later stages."""
        with self._write() as db:
            db.executemany(
                "UPDATE articles SET record=? WHERE id=?",
                [(article_to_json(a), a.id) for a in articles],
            )

    def articles(self) -> list[Article]:
        """Every stored article, in the order they were first added."""
        rows = self._db.execute("SELECT record FROM articles ORDER BY seq").fetchall()
        return [article_from_json(row[0]) for row in rows]

    def article_ids(self) -> set[str]:
        return {row[0] for row in self._db.execute("SELECT id FROM articles")}

    def count(self) -> int:
        return int(self._db.execute("SELECT count(*) FROM articles").fetchone()[0])

    def search(self, query: str, *, limit: int = 50) -> list[str]:
        """Ids of articles matching what a person typed (see `fts.parse_query`), best first."""
        match = parse_query(query).match
        if not match:
            return []
        rows = self._db.execute(
            "SELECT id FROM articles_fts WHERE articles_fts MATCH ? ORDER BY rank LIMIT ?",
            (match, limit),
        ).fetchall()
        return [row[0] for row in rows]

    def add_problems(self, problems: Iterable[Problem]) -> None:
        with self._write() as db:
            db.executemany(
                "INSERT OR IGNORE INTO problems(source, error) VALUES (?,?)",
                [(p.source, p.error) for p in problems],
            )

    def problems(self) -> list[Problem]:
        rows = self._db.execute("SELECT source, error FROM problems ORDER BY source, error")
        return [Problem(source=s, error=e) for s, e in rows]

    def put_state(self, stage: str, data: bytes) -> int:
        """Keep a stage's state; returns how many of its parts were written.

        State in parts (`newsweave.parts`) keeps its head in `state` and each part in a row of
        `state_parts`: only parts that are new or changed (by digest) are written, parts no
        longer there are deleted, so adding 10 articles to a story index of 10,000 writes 10.
        """
        head, parts = unpack_parts(data) if is_parts(data) else (data, None)
        with self._write() as db:
            if parts is None:
                db.execute("DELETE FROM state_parts WHERE stage=?", (stage,))
                db.execute("INSERT OR REPLACE INTO state(stage, data) VALUES (?,?)", (stage, data))
                return 0
            stored = dict(db.execute("SELECT key, digest FROM state_parts WHERE stage=?", (stage,)))
            digests = {key: _digest(part) for key, part in parts.items()}
            changed = [key for key, digest in digests.items() if stored.get(key) != digest]
            db.executemany(
                "DELETE FROM state_parts WHERE stage=? AND key=?",
                [(stage, key) for key in stored.keys() - parts.keys()],
            )
            db.executemany(
                "INSERT OR REPLACE INTO state_parts(stage, key, digest, data) VALUES (?,?,?,?)",
                [(stage, key, digests[key], parts[key]) for key in changed],
            )
            db.execute(
                "INSERT OR REPLACE INTO state(stage, data) VALUES (?,?)",
                (stage, pack_parts(head, {})),
            )
            return len(changed)

    def get_state(self, stage: str) -> bytes | None:
        """A stage's state as `put_state` was given it (parts joined again), or None."""
        # One statement, one snapshot: a concurrent ingest cannot pair a head with other parts.
        rows = self._db.execute(
            "SELECT NULL, data FROM state WHERE stage=?"
            " UNION ALL SELECT key, data FROM state_parts WHERE stage=?",
            (stage, stage),
        ).fetchall()
        heads = [bytes(data) for key, data in rows if key is None]
        if not heads:
            return None
        if not is_parts(heads[0]):
            return heads[0]
        head, _ = unpack_parts(heads[0])
        return pack_parts(head, {key: bytes(data) for key, data in rows if key is not None})

    def put_report(self, name: str, report_json: str | Iterable[str]) -> None:
        """Store a report's JSON; a new "latest" marks the report tables as not yet current.

        `report_json` is the text, or its pieces in order (`report.json.iter_json`): pieces are
        spooled to a temporary file as UTF-8 and copied into the row through SQLite's incremental
        blob I/O, so a report of 10,000 articles (hundreds of MB of JSON) is never one string in
        memory. That row holds the UTF-8 bytes as a BLOB (a TEXT value would have to be built
        whole: `CAST(zeroblob(n) AS TEXT)` costs n bytes of memory, measured +399 MiB for
        230 MB); `get_report` gives the same text either way.

        The tables follow in `put_report_tables`; if the run stops in between, the web app says
        the analysis is incomplete instead of showing the previous one as if it were this one.
        """
        if isinstance(report_json, str):
            with self._write() as db:
                db.execute(
                    "INSERT OR REPLACE INTO reports(name, json) VALUES (?,?)", (name, report_json)
                )
                if name == "latest":
                    db.execute("DELETE FROM r_meta")
            return
        with tempfile.TemporaryFile() as spool:
            for text in report_json:
                spool.write(text.encode("utf-8"))
            size = spool.tell()
            spool.seek(0)
            with self._write() as db:
                # `size` zero bytes SQLite never materialises, overwritten in place with the UTF-8.
                row = db.execute(
                    "INSERT OR REPLACE INTO reports(name, json) VALUES (?, zeroblob(?))",
                    (name, size),
                ).lastrowid
                if row is None:  # pragma: no cover - an INSERT always sets it
                    raise StoreError(f"{self.path}: the report row was not written")
                with db.blobopen("reports", "json", row) as blob:
                    while chunk := spool.read(_BLOB_PIECE):
                        blob.write(chunk)
                if name == "latest":
                    db.execute("DELETE FROM r_meta")

    def report_tables_current(self) -> bool:
        """Whether the `r_*` tables hold the latest report (False after an interrupted write)."""
        return self._db.execute("SELECT 1 FROM r_meta LIMIT 1").fetchone() is not None

    def put_report_tables(self, report: Report) -> None:
        """Write `report` into the indexed `r_*` tables the web app reads (replacing the last)."""
        with self._write() as db:
            write_report_tables(db, report)

    def get_report(self, name: str = "latest") -> str | None:
        """The stored report's JSON text (a TEXT value, or UTF-8 bytes when stored from pieces)."""
        row = self._db.execute("SELECT json FROM reports WHERE name=?", (name,)).fetchone()
        if row is None:
            return None
        value = row[0]
        return value.decode("utf-8") if isinstance(value, bytes) else str(value)
