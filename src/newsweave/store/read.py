"""Read queries over the report tables (`tables.py`): what the web app and its API show.

Every list is paginated by `limit`/`offset` and returns `(total, rows)`; rows are plain dicts.
Each query touches an index (see `TABLES_SCHEMA`), so a page costs about the same on a store of
100 or 10,000 articles. Search runs under a time budget (SQLite's progress handler): a query that
would take longer answers with what it has, marked `timed_out`, instead of holding the server.
"""

from __future__ import annotations

import json
import sqlite3
import time
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import Any, Literal

from newsweave.report.labels import status_label
from newsweave.store.fts import ParsedQuery, parse_query

StorySort = Literal["size", "latest", "outlets", "disputes"]
STORY_SORTS: dict[str, str] = {
    "size": "n_articles DESC, latest DESC, id",
    "latest": "latest IS NULL, latest DESC, n_articles DESC, id",
    "outlets": "n_outlets DESC, n_articles DESC, id",
    "disputes": "disputes DESC, n_articles DESC, id",
}
# Search gives up after this long and says so (issue 14: a 15 kB query once cost 51 s).
SEARCH_BUDGET_SECONDS = 0.5
# Snippet markers: control characters that escaping leaves alone and no article keeps.
HIT_START, HIT_END = "\x02", "\x03"

Row = dict[str, Any]


@dataclass(frozen=True, slots=True, kw_only=True)
class StoryFilter:
    """Which stories a list shows: by date range (ISO days), outlet key and language."""

    date_from: str | None = None
    date_to: str | None = None
    outlet: str | None = None
    language: str | None = None

    def where(self) -> tuple[str, list[Any]]:
        return where(
            ("latest >= ?", self.date_from),
            ("coalesce(start, latest) <= ?", self.date_to and self.date_to + "\uffff"),
            ("id IN (SELECT story_id FROM r_story_outlets WHERE outlet_key = ?)", self.outlet),
            ("id IN (SELECT story_id FROM r_story_languages WHERE language = ?)", self.language),
        )


def where(*conditions: tuple[str, Any]) -> tuple[str, list[Any]]:
    """A WHERE clause of the conditions whose value is set (each SQL has one `?`), and its args."""
    chosen = [(sql, value) for sql, value in conditions if value]
    if not chosen:
        return "", []
    return " WHERE " + " AND ".join(sql for sql, _ in chosen), [value for _, value in chosen]


@dataclass(frozen=True, slots=True)
class SearchResult:
    query: ParsedQuery
    total: int
    rows: list[Row]
    timed_out: bool = False


class ReportQueries:
    """Read queries on one open connection (the web app opens one per request)."""

    def __init__(self, db: sqlite3.Connection) -> None:
        self._db = db

    def _all(self, sql: str, args: Sequence[Any] = ()) -> list[Row]:
        cursor = self._db.execute(sql, tuple(args))
        names = [d[0] for d in cursor.description]
        return [dict(zip(names, row, strict=True)) for row in cursor.fetchall()]

    def _all_in(self, sql: str, ids: Sequence[str]) -> Iterator[Row]:
        """The rows of `sql` for `ids`, whose "{marks}" stands for the IN list's placeholders:
        asked 500 ids at a time, under SQLite's limit on bound parameters."""
        for start in range(0, len(ids), 500):
            chunk = list(ids[start : start + 500])
            yield from self._all(sql.format(marks=",".join("?" * len(chunk))), chunk)

    def _one(self, sql: str, args: Sequence[Any] = ()) -> Row | None:
        rows = self._all(sql, args)
        return rows[0] if rows else None

    def _count(self, sql: str, args: Sequence[Any] = ()) -> int:
        return int(self._db.execute(sql, tuple(args)).fetchone()[0])

    # -- the store as a whole --------------------------------------------------------------

    def meta(self) -> dict[str, str]:
        return dict(self._db.execute("SELECT key, value FROM r_meta").fetchall())

    def has_report(self) -> bool:
        return self._db.execute("SELECT 1 FROM r_meta LIMIT 1").fetchone() is not None

    def totals(self) -> Row:
        """Counts over the whole analysis (written with the tables), and its `stamp`."""
        meta = self.meta()
        totals: Row = json.loads(meta.get("totals", "{}"))
        totals["stamp"] = meta.get("stamp", "")
        return totals

    def languages(self) -> list[str]:
        return [r[0] for r in self._db.execute("SELECT DISTINCT language FROM r_story_languages")]

    def problems(self, *, limit: int, offset: int) -> tuple[int, list[Row]]:
        total = self._count("SELECT count(*) FROM r_problems")
        rows = self._all(
            "SELECT source, error FROM r_problems ORDER BY source LIMIT ? OFFSET ?", (limit, offset)
        )
        return total, rows

    # -- stories ---------------------------------------------------------------------------

    def stories(
        self, *, sort: str = "size", where: StoryFilter | None = None, limit: int, offset: int
    ) -> tuple[int, list[Row]]:
        clause, args = (where or StoryFilter()).where()
        total = self._count(f"SELECT count(*) FROM r_stories{clause}", args)
        rows = self._all(
            f"SELECT * FROM r_stories{clause} ORDER BY {STORY_SORTS[sort]} LIMIT ? OFFSET ?",
            [*args, limit, offset],
        )
        return total, rows

    def story(self, story_id: str) -> Row | None:
        return self._one("SELECT * FROM r_stories WHERE id = ?", (story_id,))

    def storyline(self, line_id: str) -> tuple[Row | None, list[Row]]:
        line = self._one("SELECT * FROM r_storylines WHERE id = ?", (line_id,))
        if line is None:
            return None, []
        ids = json.loads(line["story_ids"])
        # Each link: {"story_ids": [earlier, later], "shared": [...], "gap_days", "similarity"}.
        line["links"] = json.loads(line["links"])
        marks = ",".join("?" * len(ids))
        stories = self._all(
            f"SELECT id, title, start, end, n_articles FROM r_stories WHERE id IN ({marks})"
            " ORDER BY coalesce(start, latest), id",
            ids,
        )
        return line, stories

    def story_outlets(self, story_id: str) -> list[Row]:
        return self._all(
            "SELECT outlet_key, n_articles FROM r_story_outlets WHERE story_id = ?"
            " ORDER BY n_articles DESC, outlet_key",
            (story_id,),
        )

    def summary(self, story_id: str) -> list[Row]:
        row = self._db.execute(
            "SELECT sentences FROM r_summaries WHERE story_id = ?", (story_id,)
        ).fetchone()
        return list(json.loads(row[0])) if row else []

    # -- articles --------------------------------------------------------------------------

    def articles(
        self,
        *,
        story_id: str | None = None,
        outlet: str | None = None,
        entity_id: str | None = None,
        language: str | None = None,
        limit: int,
        offset: int,
    ) -> tuple[int, list[Row]]:
        clause, args = where(
            ("id IN (SELECT article_id FROM r_story_articles WHERE story_id = ?)", story_id),
            ("outlet_key = ?", outlet),
            ("id IN (SELECT article_id FROM r_entity_articles WHERE entity_id = ?)", entity_id),
            ("language = ?", language),
        )
        total = self._count(f"SELECT count(*) FROM r_articles{clause}", args)
        rows = self._all(
            f"SELECT * FROM r_articles{clause} ORDER BY published IS NULL, published, id"
            " LIMIT ? OFFSET ?",
            [*args, limit, offset],
        )
        return total, rows

    def article(self, article_id: str) -> tuple[Row | None, dict[str, Any] | None]:
        """The article's table row and its stored record (text, removals) as a dict."""
        row = self._one("SELECT * FROM r_articles WHERE id = ?", (article_id,))
        record = self._db.execute("SELECT record FROM articles WHERE id = ?", (article_id,))
        found = record.fetchone()
        return row, (json.loads(found[0]) if found else None)

    def labels(self, article_ids: Sequence[str]) -> dict[str, Row]:
        """id → {label, outlet_key, title} for the given articles."""
        ids = sorted(set(article_ids))
        out: dict[str, Row] = {}
        for row in self._all_in(
            "SELECT id, label, outlet_key, title, published, voice FROM r_articles"
            " WHERE id IN ({marks})",
            ids,
        ):
            out[row["id"]] = row
        return out

    def article_evidence(self, article_id: str) -> list[Row]:
        return self._all(
            "SELECT e.kind, e.item_id, e.start, e.end, e.value, e.marked, c.status"
            " FROM r_evidence e LEFT JOIN r_claims c ON e.kind = 'claim' AND c.id = e.item_id"
            " WHERE e.article_id = ? ORDER BY e.start, e.end",
            (article_id,),
        )

    # -- claims, conflicts, quotes, timeline -----------------------------------------------

    def claims(
        self,
        *,
        story_id: str | None = None,
        status: str | None = None,
        article_id: str | None = None,
        limit: int,
        offset: int,
    ) -> tuple[int, list[Row]]:
        clause, args = where(
            ("story_id = ?", story_id),
            ("status = ?", status),
            (
                "id IN (SELECT item_id FROM r_evidence WHERE article_id = ? AND kind = 'claim')",
                article_id,
            ),
        )
        total = self._count(f"SELECT count(*) FROM r_claims{clause}", args)
        # Disputed first, then what most independent voices say.
        rows = self._all(
            f"SELECT * FROM r_claims{clause} ORDER BY CASE status WHEN 'disputed' THEN 0"
            " WHEN 'corroborated' THEN 1 ELSE 2 END, n_voices DESC, story_id, ord LIMIT ? OFFSET ?",
            [*args, limit, offset],
        )
        return total, [_labelled(row) for row in rows]

    def claim(self, claim_id: str) -> Row | None:
        row = self._one("SELECT * FROM r_claims WHERE id = ?", (claim_id,))
        return None if row is None else _labelled(row)

    def near_elsewhere(self, claim_ids: Sequence[str]) -> dict[str, list[Row]]:
        """claim id → the close sentences of other voices it was not matched with (best first:
        the order the claims stage gave them, which is the order they were written in)."""
        out: dict[str, list[Row]] = {}
        ids = list(dict.fromkeys(claim_ids))
        for row in self._all_in(
            "SELECT item_id, article_id, start, end, text FROM r_evidence"
            " WHERE kind = 'near' AND item_id IN ({marks}) ORDER BY rowid",
            ids,
        ):
            out.setdefault(row["item_id"], []).append(row)
        return out

    def conflicts_of_claims(self, claim_ids: Sequence[str]) -> dict[str, list[str]]:
        out: dict[str, list[str]] = {}
        for row in self._all_in(
            "SELECT claim_id, conflict_id FROM r_claim_conflicts WHERE claim_id IN ({marks})",
            claim_ids,
        ):
            out.setdefault(row["claim_id"], []).append(row["conflict_id"])
        return out

    def conflicts(
        self, *, story_id: str | None = None, limit: int, offset: int
    ) -> tuple[int, list[Row]]:
        clause, args = (" WHERE story_id = ?", [story_id]) if story_id else ("", [])
        total = self._count(f"SELECT count(*) FROM r_conflicts{clause}", args)
        rows = self._all(
            f"SELECT * FROM r_conflicts{clause} ORDER BY kind != 'conflict', story_id, ord"
            " LIMIT ? OFFSET ?",
            [*args, limit, offset],
        )
        return total, rows

    def conflict(self, conflict_id: str) -> Row | None:
        return self._one("SELECT * FROM r_conflicts WHERE id = ?", (conflict_id,))

    def quotes(
        self,
        *,
        story_id: str | None = None,
        speaker: str | None = None,
        limit: int,
        offset: int,
    ) -> tuple[int, list[Row]]:
        clause, args = where(("story_id = ?", story_id), ("speaker = ?", speaker))
        total = self._count(f"SELECT count(*) FROM r_quotes{clause}", args)
        rows = self._all(
            f"SELECT * FROM r_quotes{clause} ORDER BY speaker_name IS NULL, speaker_name,"
            " n_variants DESC, ord LIMIT ? OFFSET ?",
            [*args, limit, offset],
        )
        for row in rows:
            row["attributions"] = json.loads(row["attributions"] or "[]")
        return total, rows

    def quote(self, quote_id: str) -> Row | None:
        row = self._one("SELECT * FROM r_quotes WHERE id = ?", (quote_id,))
        if row is not None:
            row["attributions"] = json.loads(row["attributions"] or "[]")
        return row

    def timeline(self, story_id: str) -> list[Row]:
        return self._all(
            "SELECT * FROM r_timeline WHERE story_id = ? ORDER BY date, ord", (story_id,)
        )

    def evidence(self, item_ids: Sequence[str]) -> dict[str, list[Row]]:
        """item id → its evidence rows (article, span, text, conflict value), in span order."""
        out: dict[str, list[Row]] = {}
        ids = list(dict.fromkeys(item_ids))
        for row in self._all_in(
            "SELECT item_id, article_id, start, end, text, value FROM r_evidence"
            " WHERE item_id IN ({marks}) AND kind != 'near'"
            " ORDER BY item_id, value, article_id, start",
            ids,
        ):
            out.setdefault(row["item_id"], []).append(row)
        return out

    # -- entities and outlets --------------------------------------------------------------

    def entities(self, *, limit: int, offset: int) -> tuple[int, list[Row]]:
        total = self._count("SELECT count(*) FROM r_entities")
        rows = self._all(
            "SELECT * FROM r_entities ORDER BY n_articles DESC, id LIMIT ? OFFSET ?",
            (limit, offset),
        )
        return total, rows

    def entity(self, entity_id: str) -> Row | None:
        row = self._one("SELECT * FROM r_entities WHERE id = ?", (entity_id,))
        if row is not None:
            row["aliases"] = json.loads(row["aliases"])
        return row

    def entity_stories(self, entity_id: str, *, limit: int) -> list[Row]:
        return self._all(
            "SELECT s.*, count(*) AS mentions FROM r_entity_articles m"
            " JOIN r_story_articles sa ON sa.article_id = m.article_id"
            " JOIN r_stories s ON s.id = sa.story_id WHERE m.entity_id = ?"
            " GROUP BY s.id ORDER BY mentions DESC, s.n_articles DESC, s.id LIMIT ?",
            (entity_id, limit),
        )

    def outlets(self, *, limit: int, offset: int) -> tuple[int, list[Row]]:
        total = self._count("SELECT count(*) FROM r_outlets")
        rows = self._all(
            "SELECT * FROM r_outlets ORDER BY n_articles DESC, key LIMIT ? OFFSET ?",
            (limit, offset),
        )
        return total, rows

    def outlet_names(self) -> list[str]:
        return [r[0] for r in self._db.execute("SELECT key FROM r_outlets ORDER BY key")]

    def outlet(self, key: str) -> Row | None:
        return self._one("SELECT * FROM r_outlets WHERE key = ?", (key,))

    def outlet_stories(self, key: str, *, limit: int, offset: int) -> tuple[int, list[Row]]:
        total = self._count("SELECT count(*) FROM r_story_outlets WHERE outlet_key = ?", (key,))
        rows = self._all(
            "SELECT s.*, o.n_articles AS from_outlet FROM r_story_outlets o"
            " JOIN r_stories s ON s.id = o.story_id WHERE o.outlet_key = ?"
            " ORDER BY s.n_articles DESC, s.latest DESC, s.id LIMIT ? OFFSET ?",
            (key, limit, offset),
        )
        return total, rows

    # -- plots -----------------------------------------------------------------------------

    def coverage(self, *, story_id: str | None = None) -> list[Row]:
        """Articles per day and outlet key (NULL = unknown source), for one story or all."""
        if story_id is None:
            return self._all("SELECT day, outlet_key, n FROM r_coverage ORDER BY day")
        clause, args = " AND story_id = ?", [story_id]
        return self._all(
            "SELECT substr(published, 1, 10) AS day, outlet_key, count(*) AS n FROM r_articles"
            f" WHERE published IS NOT NULL{clause} GROUP BY day, outlet_key ORDER BY day",
            args,
        )

    def matrix_cells(self, claim_ids: Sequence[str]) -> list[tuple[str, str | None]]:
        """(claim id, outlet key or None) for every supporting article of the given claims."""
        return [
            (row["item_id"], row["outlet_key"])
            for row in self._all_in(
                "SELECT DISTINCT e.item_id, a.outlet_key FROM r_evidence e"
                " JOIN r_articles a ON a.id = e.article_id"
                " WHERE e.item_id IN ({marks}) AND e.kind = 'claim'",
                claim_ids,
            )
        ]

    # -- search ----------------------------------------------------------------------------

    def search(
        self,
        query: str,
        *,
        outlet: str | None = None,
        language: str | None = None,
        limit: int,
        offset: int,
        budget: float = SEARCH_BUDGET_SECONDS,
    ) -> SearchResult:
        """Articles matching what a person typed, best first, with a snippet and their story."""
        parsed = parse_query(query)
        if not parsed.match:
            return SearchResult(parsed, 0, [])
        clauses, args = ["articles_fts MATCH ?"], [parsed.match]
        if outlet:
            clauses.append("+rowid IN (SELECT fts_rowid FROM r_articles WHERE outlet_key = ?)")
            args.append(outlet)
        if language:
            clauses.append("+rowid IN (SELECT fts_rowid FROM r_articles WHERE language = ?)")
            args.append(language)
        # The unary + keeps SQLite from driving the query by the rowid list (one MATCH per
        # listed row): FTS5 finds the matches once, the filter then drops rows (124 -> 48 ms).
        where = " AND ".join(clauses)
        deadline = time.monotonic() + budget
        self._db.set_progress_handler(lambda: int(time.monotonic() > deadline), 250)
        try:
            total = self._count(f"SELECT count(*) FROM articles_fts WHERE {where}", args)
            # Rank on the FTS table alone (FTS5 sorts by rank without a join), then snippets
            # and metadata for the page of hits only: a snippet per matching row of a common
            # word was most of the cost.
            ranked = [
                r[0]
                for r in self._db.execute(
                    f"SELECT rowid FROM articles_fts WHERE {where} ORDER BY rank LIMIT ? OFFSET ?",
                    (*args, limit, offset),
                )
            ]
            rows = self._all(
                "SELECT articles_fts.rowid AS rowid, articles_fts.id AS id,"
                " coalesce(a.title, articles_fts.title) AS title,"
                " a.label, a.outlet_key, a.published, a.language, a.story_id,"
                " s.title AS story_title,"
                f" snippet(articles_fts, 2, '{HIT_START}', '{HIT_END}', '…', 16) AS snippet"
                " FROM articles_fts LEFT JOIN r_articles a ON a.id = articles_fts.id"
                " LEFT JOIN r_stories s ON s.id = a.story_id"
                " WHERE articles_fts MATCH ? AND articles_fts.rowid IN"
                f" ({','.join('?' * len(ranked))})",
                [parsed.match, *ranked],
            )
        except sqlite3.OperationalError as error:
            if "interrupt" not in str(error):
                raise
            return SearchResult(parsed, 0, [], timed_out=True)
        finally:
            self._db.set_progress_handler(None, 0)
        order = {rowid: i for i, rowid in enumerate(ranked)}
        rows.sort(key=lambda r: order[r.pop("rowid")])
        return SearchResult(parsed, total, rows)


def _labelled(claim: Row) -> Row:
    """A claim row with `label`: its status as every page words it ("not matched elsewhere" for
    a single-source claim that other voices come close to, as the HTML report says)."""
    claim["label"] = status_label(claim["status"], claim["n_near"])
    return claim
