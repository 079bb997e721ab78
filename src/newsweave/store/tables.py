"""The report as indexed tables, written once per analysis, read by the web app.

The web app must answer "stories sorted by outlets", "one article with its evidence" or "claims
of one story" without parsing a whole report. `write_report_tables` flattens a `Report` into the
`r_*` tables below (all rows of the previous analysis are replaced in the same transaction), and
derives the honest counts every page shows once, here, so no page recomputes them differently:

- an article's outlet key is its outlet, else its domain, else NULL (unknown source); unknown
  articles never count as outlets;
- an article's voice is the original at the end of its `copy_of` chain (copies add no voice);
- a claim counts its articles, voices, known outlets and unknown-source articles, so
  "corroborated only by unknown sources" can be said;
- a single-source claim keeps the close sentences of other voices it was not matched with
  (`Claim.near_elsewhere`) as `r_evidence` rows of kind "near" under its id, and counts them
  (`r_claims.n_near`): with one or more it is "not matched elsewhere" on every page, as in the
  HTML report (`report.labels.status_label`); a story counts those claims (`n_unmatched`,
  among its `n_single`).
"""

from __future__ import annotations

import hashlib
import json
import sqlite3
from collections import Counter, defaultdict
from collections.abc import Iterable

from newsweave.ids import content_id
from newsweave.model import Article, Evidence, Report, source_label
from newsweave.report.json import to_plain
from newsweave.report.labels import outlet_key, voice_of

TABLES_SCHEMA = """
CREATE TABLE IF NOT EXISTS r_meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS r_articles (
    id TEXT PRIMARY KEY, title TEXT NOT NULL, label TEXT NOT NULL, outlet_key TEXT,
    domain TEXT, url TEXT, published TEXT, published_basis TEXT, language TEXT, origin TEXT,
    story_id TEXT, copy_of TEXT, copy_kind TEXT, voice TEXT NOT NULL,
    n_claims INTEGER NOT NULL, n_corroborated INTEGER NOT NULL, n_alone INTEGER NOT NULL,
    fts_rowid INTEGER
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS r_articles_story ON r_articles(story_id, published);
CREATE INDEX IF NOT EXISTS r_articles_outlet_fts ON r_articles(outlet_key, fts_rowid);
CREATE INDEX IF NOT EXISTS r_articles_language_fts ON r_articles(language, fts_rowid);
CREATE INDEX IF NOT EXISTS r_articles_outlet ON r_articles(outlet_key, published);
CREATE INDEX IF NOT EXISTS r_articles_published ON r_articles(published);
CREATE TABLE IF NOT EXISTS r_stories (
    id TEXT PRIMARY KEY, title TEXT NOT NULL, storyline_id TEXT,
    start TEXT, end TEXT, latest TEXT,
    n_articles INTEGER NOT NULL, n_outlets INTEGER NOT NULL, n_unknown INTEGER NOT NULL,
    n_voices INTEGER NOT NULL, n_claims INTEGER NOT NULL, n_corroborated INTEGER NOT NULL,
    n_single INTEGER NOT NULL, n_disputed INTEGER NOT NULL, n_conflicts INTEGER NOT NULL,
    n_quotes INTEGER NOT NULL, disputes INTEGER NOT NULL, n_unmatched INTEGER NOT NULL
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS r_stories_size ON r_stories(n_articles DESC, latest DESC, id);
CREATE INDEX IF NOT EXISTS r_stories_latest ON r_stories(latest DESC, n_articles DESC, id);
CREATE INDEX IF NOT EXISTS r_stories_outlets ON r_stories(n_outlets DESC, n_articles DESC, id);
CREATE INDEX IF NOT EXISTS r_stories_disputes ON r_stories(disputes DESC, n_articles DESC, id);
CREATE TABLE IF NOT EXISTS r_story_articles (
    story_id TEXT NOT NULL, article_id TEXT NOT NULL, PRIMARY KEY (story_id, article_id)
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS r_story_articles_article ON r_story_articles(article_id);
CREATE TABLE IF NOT EXISTS r_story_outlets (
    outlet_key TEXT NOT NULL, story_id TEXT NOT NULL, n_articles INTEGER NOT NULL,
    PRIMARY KEY (outlet_key, story_id)
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS r_story_outlets_story ON r_story_outlets(story_id);
CREATE TABLE IF NOT EXISTS r_story_languages (
    language TEXT NOT NULL, story_id TEXT NOT NULL, PRIMARY KEY (language, story_id)
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS r_storylines (
    id TEXT PRIMARY KEY, title TEXT NOT NULL, story_ids TEXT NOT NULL, links TEXT NOT NULL
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS r_claims (
    id TEXT PRIMARY KEY, story_id TEXT NOT NULL, ord INTEGER NOT NULL, text TEXT NOT NULL,
    status TEXT NOT NULL, n_articles INTEGER NOT NULL, n_voices INTEGER NOT NULL,
    n_outlets INTEGER NOT NULL, n_unknown INTEGER NOT NULL, n_near INTEGER NOT NULL
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS r_claims_story ON r_claims(story_id, ord);
CREATE TABLE IF NOT EXISTS r_claim_conflicts (
    claim_id TEXT NOT NULL, conflict_id TEXT NOT NULL, PRIMARY KEY (claim_id, conflict_id)
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS r_claim_conflicts_conflict ON r_claim_conflicts(conflict_id);
CREATE TABLE IF NOT EXISTS r_conflicts (
    id TEXT PRIMARY KEY, story_id TEXT, ord INTEGER NOT NULL, topic TEXT NOT NULL,
    kind TEXT NOT NULL, n_values INTEGER NOT NULL, basis TEXT
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS r_conflicts_story ON r_conflicts(story_id, ord);
CREATE TABLE IF NOT EXISTS r_quotes (
    id TEXT PRIMARY KEY, story_id TEXT, ord INTEGER NOT NULL, speaker TEXT, speaker_name TEXT,
    kind TEXT NOT NULL, text TEXT NOT NULL, n_variants INTEGER NOT NULL, attributions TEXT
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS r_quotes_story ON r_quotes(story_id, ord);
CREATE INDEX IF NOT EXISTS r_quotes_speaker ON r_quotes(speaker);
CREATE TABLE IF NOT EXISTS r_timeline (
    id TEXT PRIMARY KEY, story_id TEXT, ord INTEGER NOT NULL, date TEXT NOT NULL,
    precision TEXT NOT NULL, text TEXT NOT NULL, reported TEXT NOT NULL
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS r_timeline_story ON r_timeline(story_id, date);
CREATE TABLE IF NOT EXISTS r_evidence (
    kind TEXT NOT NULL, item_id TEXT NOT NULL, article_id TEXT NOT NULL,
    start INTEGER NOT NULL, end INTEGER NOT NULL, text TEXT NOT NULL, value TEXT,
    marked INTEGER NOT NULL
);
CREATE INDEX IF NOT EXISTS r_evidence_item ON r_evidence(item_id);
CREATE INDEX IF NOT EXISTS r_evidence_article ON r_evidence(article_id, start);
CREATE TABLE IF NOT EXISTS r_summaries (story_id TEXT PRIMARY KEY, sentences TEXT NOT NULL)
    WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS r_entities (
    id TEXT PRIMARY KEY, name TEXT NOT NULL, type TEXT NOT NULL, aliases TEXT NOT NULL,
    n_articles INTEGER NOT NULL, n_stories INTEGER NOT NULL, n_quotes INTEGER NOT NULL
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS r_entities_size ON r_entities(n_articles DESC, id);
CREATE TABLE IF NOT EXISTS r_entity_articles (
    entity_id TEXT NOT NULL, article_id TEXT NOT NULL, PRIMARY KEY (entity_id, article_id)
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS r_entity_articles_article ON r_entity_articles(article_id);
CREATE TABLE IF NOT EXISTS r_outlets (
    key TEXT PRIMARY KEY, n_articles INTEGER NOT NULL, n_stories INTEGER NOT NULL,
    n_claims INTEGER NOT NULL, n_corroborated INTEGER NOT NULL, n_alone INTEGER NOT NULL,
    n_disputed INTEGER NOT NULL, first TEXT, last TEXT
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS r_outlets_size ON r_outlets(n_articles DESC, key);
CREATE TABLE IF NOT EXISTS r_problems (source TEXT NOT NULL, error TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS r_coverage (day TEXT NOT NULL, outlet_key TEXT, n INTEGER NOT NULL);
"""

TABLES = (
    "r_meta",
    "r_articles",
    "r_stories",
    "r_story_articles",
    "r_story_outlets",
    "r_story_languages",
    "r_storylines",
    "r_claims",
    "r_claim_conflicts",
    "r_conflicts",
    "r_quotes",
    "r_timeline",
    "r_evidence",
    "r_summaries",
    "r_entities",
    "r_entity_articles",
    "r_outlets",
    "r_problems",
    "r_coverage",
)


def _dumps(value: object) -> str:
    return json.dumps(value, ensure_ascii=False, sort_keys=True)


def _evidence_rows(
    kind: str, item_id: str, evidence: Iterable[Evidence], *, marked: bool, value: str | None = None
) -> list[tuple[object, ...]]:
    return [
        (kind, item_id, e.article_id, e.span[0], e.span[1], e.text, value, int(marked))
        for e in evidence
    ]


def timeline_id(story_id: str | None, date: str, text: str) -> str:
    return content_id("t", story_id or "", date, text)


# The secondary indexes of the tables, one statement each. `write_report_tables` drops them
# before the rows go in and builds them again after (inside the caller's transaction, so a
# reader never sees the tables without them): one sort per index instead of a B-tree insert per
# row. The report of the 10,000-article step written over the last one: 6.17-6.49 -> 5.11-5.15
# CPU s, the same rows and rowids (session 20).
INDEXES: tuple[tuple[str, str], ...] = tuple(
    (statement.split()[5], statement.strip())
    for statement in TABLES_SCHEMA.split(";")
    if statement.strip().startswith("CREATE INDEX IF NOT EXISTS ")
)


def write_report_tables(db: sqlite3.Connection, report: Report) -> None:
    """Replace the `r_*` tables with `report` (the caller holds the write transaction)."""
    # The deletes first: they open the transaction (Python's sqlite3 opens one before a DML
    # statement, not before DDL), so the indexes are dropped and built again inside it.
    for table in TABLES:
        db.execute(f"DELETE FROM {table}")
    for name, _ in INDEXES:
        db.execute(f"DROP INDEX IF EXISTS {name}")
    _write_rows(db, report)
    for _, statement in INDEXES:
        db.execute(statement)


def _write_rows(db: sqlite3.Connection, report: Report) -> None:
    """The rows of every `r_*` table from `report` (the tables are empty)."""
    by_id = {a.id: a for a in report.articles}
    voice = {a.id: voice_of(a, by_id) for a in report.articles}
    key = {a.id: outlet_key(a) for a in report.articles}
    story_of: dict[str, str] = {}
    for story in report.stories:
        for aid in story.article_ids:
            story_of.setdefault(aid, story.id)

    # Claims first: articles and outlets count what they support.
    claim_rows = []
    evidence_rows: list[tuple[object, ...]] = []
    per_article: dict[str, Counter[str]] = defaultdict(Counter)
    per_outlet_claims: dict[str, dict[str, str]] = defaultdict(dict)
    status_by_story: dict[str, Counter[str]] = defaultdict(Counter)
    order: Counter[str] = Counter()
    for claim in report.claims:
        articles = sorted({e.article_id for e in claim.support})
        outlets = {k for a in articles if (k := key.get(a))}
        unknown = sum(1 for a in articles if not key.get(a))
        voices = {voice.get(a, a) for a in articles}
        claim_rows.append(
            (
                claim.id,
                claim.story_id,
                order[claim.story_id],
                claim.text,
                claim.status,
                len(articles),
                # The claims stage's count of independent sources (retellings and credited
                # outlets joined); copy chains alone for reports written before it.
                claim.independent_sources if claim.independent_sources is not None else len(voices),
                len(outlets),
                unknown,
                len(claim.near_elsewhere),
            )
        )
        order[claim.story_id] += 1
        status_by_story[claim.story_id][claim.status] += 1
        if claim.status == "single-source" and claim.near_elsewhere:
            status_by_story[claim.story_id]["unmatched"] += 1
        # Every sentence is some claim; only what several voices or a dispute back is marked.
        evidence_rows += _evidence_rows(
            "claim", claim.id, claim.support, marked=claim.status != "single-source"
        )
        # The other voices' close sentences: anchors for their citations, never highlighted.
        evidence_rows += _evidence_rows("near", claim.id, claim.near_elsewhere, marked=False)
        for aid in articles:
            per_article[aid]["claims"] += 1
            per_article[aid][claim.status] += 1
        for outlet in outlets:
            per_outlet_claims[outlet][claim.id] = claim.status
    db.executemany("INSERT OR IGNORE INTO r_claims VALUES (?,?,?,?,?,?,?,?,?,?)", claim_rows)

    conflict_rows = []
    conflicts_by_story: Counter[str] = Counter()
    disagreements = 0
    at_span: dict[tuple[str, int, int], set[str]] = defaultdict(set)
    for index, conflict in enumerate(report.conflicts):
        conflict_rows.append(
            (
                conflict.id,
                conflict.story_id,
                index,
                conflict.topic,
                conflict.kind,
                len(conflict.values),
                conflict.basis,
            )
        )
        if not conflict.is_correction:
            disagreements += 1
            if conflict.story_id:
                conflicts_by_story[conflict.story_id] += 1
        for value in conflict.values:
            evidence_rows += _evidence_rows(
                "conflict", conflict.id, value.evidence, marked=True, value=value.value
            )
            for e in value.evidence:
                at_span[(e.article_id, e.span[0], e.span[1])].add(conflict.id)
    db.executemany("INSERT OR IGNORE INTO r_conflicts VALUES (?,?,?,?,?,?,?)", conflict_rows)
    # Which disagreement makes a claim disputed: its support shares evidence with the conflict.
    db.executemany(
        "INSERT OR IGNORE INTO r_claim_conflicts VALUES (?,?)",
        [
            (claim.id, conflict_id)
            for claim in report.claims
            if claim.status == "disputed"
            for e in claim.support
            for conflict_id in at_span.get((e.article_id, e.span[0], e.span[1]), ())
        ],
    )

    names = {e.id: e.name for e in report.entities}
    quote_rows = []
    quotes_by_story: Counter[str] = Counter()
    quotes_by_speaker: Counter[str] = Counter()
    for index, quote in enumerate(report.quotes):
        name = names.get(quote.speaker) if quote.speaker else None
        if name is None and quote.attributions:
            name = quote.attributions[0].speaker_text
        if name is None:
            name = quote.speaker_text  # the text's description: "a witness", "the agency"
        quote_rows.append(
            (
                quote.id,
                quote.story_id,
                index,
                quote.speaker,
                name,
                quote.kind,
                quote.variants[0].text if quote.variants else "",
                len(quote.variants),
                _dumps(
                    [
                        {
                            "speaker": a.speaker,
                            "name": names.get(a.speaker or "") or a.speaker_text,
                            "article_ids": list(a.article_ids),
                        }
                        for a in quote.attributions
                    ]
                ),
            )
        )
        if quote.story_id:
            quotes_by_story[quote.story_id] += 1
        if quote.speaker:
            quotes_by_speaker[quote.speaker] += 1
        evidence_rows += _evidence_rows("quote", quote.id, quote.variants, marked=True)
    db.executemany("INSERT OR IGNORE INTO r_quotes VALUES (?,?,?,?,?,?,?,?,?)", quote_rows)

    timeline_rows = []
    for index, entry in enumerate(report.timeline):
        ident = timeline_id(entry.story_id, entry.date, entry.text)
        timeline_rows.append(
            (
                ident,
                entry.story_id,
                index,
                entry.date,
                entry.precision,
                entry.text,
                _dumps(list(entry.reported)),
            )
        )
        evidence_rows += _evidence_rows("timeline", ident, entry.evidence, marked=False)
    db.executemany("INSERT OR IGNORE INTO r_timeline VALUES (?,?,?,?,?,?,?)", timeline_rows)
    db.executemany("INSERT INTO r_evidence VALUES (?,?,?,?,?,?,?,?)", evidence_rows)

    # Search filters by outlet or language select FTS rows by rowid (an index), not by reading
    # the id column of every hit.
    fts_rowid = dict(db.execute("SELECT id, rowid FROM articles_fts").fetchall())
    db.executemany(
        "INSERT OR IGNORE INTO r_articles VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
        [
            (
                a.id,
                a.title,
                source_label(a),
                key[a.id],
                a.domain,
                a.url,
                a.published,
                a.published_basis,
                a.language,
                a.origin,
                story_of.get(a.id),
                a.copy_of.article_id if a.copy_of else None,
                a.copy_of.kind if a.copy_of else None,
                voice[a.id],
                per_article[a.id]["claims"],
                per_article[a.id]["corroborated"],
                per_article[a.id]["single-source"],
                fts_rowid.get(a.id),
            )
            for a in report.articles
        ],
    )

    story_rows = []
    member_rows = []
    outlet_rows = []
    language_rows = []
    stories_of_outlet: dict[str, set[str]] = defaultdict(set)
    for story in report.stories:
        members = [by_id[a] for a in dict.fromkeys(story.article_ids) if a in by_id]
        story_outlets = Counter(k for a in members if (k := key[a.id]))
        dates = [a.published[:10] for a in members if a.published]
        statuses = status_by_story[story.id]
        story_rows.append(
            (
                story.id,
                story.title,
                story.storyline_id,
                story.start,
                story.end,
                max(dates, default=story.end or story.start),
                len(members),
                len(story_outlets),
                sum(1 for a in members if not key[a.id]),
                len({voice[a.id] for a in members}),
                sum(statuses.values()),
                statuses["corroborated"],
                statuses["single-source"],
                statuses["disputed"],
                conflicts_by_story[story.id],
                quotes_by_story[story.id],
                statuses["disputed"] + conflicts_by_story[story.id],
                statuses["unmatched"],
            )
        )
        member_rows += [(story.id, a.id) for a in members]
        outlet_rows += [(outlet, story.id, n) for outlet, n in story_outlets.items()]
        language_rows += [(lang, story.id) for lang in {a.language for a in members if a.language}]
        for outlet in story_outlets:
            stories_of_outlet[outlet].add(story.id)
    db.executemany(
        "INSERT OR IGNORE INTO r_stories VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)", story_rows
    )
    db.executemany("INSERT OR IGNORE INTO r_story_articles VALUES (?,?)", member_rows)
    db.executemany("INSERT OR IGNORE INTO r_story_outlets VALUES (?,?,?)", outlet_rows)
    db.executemany("INSERT OR IGNORE INTO r_story_languages VALUES (?,?)", language_rows)
    db.executemany(
        "INSERT OR IGNORE INTO r_storylines VALUES (?,?,?,?)",
        [
            (
                line.id,
                line.title,
                _dumps(list(line.story_ids)),
                # Why each story joined (`StoryLink`), as the JSON report writes it.
                _dumps([to_plain(link) for link in line.links]),
            )
            for line in report.storylines
        ],
    )

    outlet_articles: dict[str, list[Article]] = defaultdict(list)
    for article in report.articles:
        if key[article.id]:
            outlet_articles[str(key[article.id])].append(article)
    outlet_table = []
    for outlet, outlet_members in outlet_articles.items():
        statuses = Counter(per_outlet_claims[outlet].values())
        dates = sorted(a.published[:10] for a in outlet_members if a.published)
        outlet_table.append(
            (
                outlet,
                len(outlet_members),
                len(stories_of_outlet[outlet]),
                sum(statuses.values()),
                statuses["corroborated"],
                statuses["single-source"],
                statuses["disputed"],
                dates[0] if dates else None,
                dates[-1] if dates else None,
            )
        )
    db.executemany("INSERT INTO r_outlets VALUES (?,?,?,?,?,?,?,?,?)", outlet_table)

    entity_rows = []
    entity_article_rows = []
    for entity in report.entities:
        members_ids = sorted(set(entity.article_ids))
        entity_rows.append(
            (
                entity.id,
                entity.name,
                entity.type,
                _dumps(list(entity.aliases)),
                len(members_ids),
                len({story_of[a] for a in members_ids if a in story_of}),
                quotes_by_speaker[entity.id],
            )
        )
        entity_article_rows += [(entity.id, a) for a in members_ids]
    db.executemany("INSERT OR IGNORE INTO r_entities VALUES (?,?,?,?,?,?,?)", entity_rows)
    db.executemany("INSERT OR IGNORE INTO r_entity_articles VALUES (?,?)", entity_article_rows)

    db.executemany(
        "INSERT OR IGNORE INTO r_summaries VALUES (?,?)",
        [
            (
                s.story_id,
                _dumps(
                    [
                        {
                            "text": x.text,
                            "article_ids": list(x.article_ids),
                            "independent_sources": x.independent_sources,
                        }
                        for x in s.sentences
                    ]
                ),
            )
            for s in report.summaries
        ],
    )
    db.executemany(
        "INSERT INTO r_problems VALUES (?,?)", [(p.source, p.error) for p in report.problems]
    )
    coverage = Counter((a.published[:10], key[a.id]) for a in report.articles if a.published)
    db.executemany(
        "INSERT INTO r_coverage VALUES (?,?,?)",
        [(day, outlet, n) for (day, outlet), n in sorted(coverage.items(), key=str)],
    )
    dates = sorted(a.published for a in report.articles if a.published)
    stamp = hashlib.sha256(
        "\x1f".join([report.version, *sorted(by_id), *sorted(s.id for s in report.stories)]).encode(
            "utf-8", "surrogatepass"
        )
    ).hexdigest()[:16]
    totals = {
        "articles": len(report.articles),
        "stories": len(report.stories),
        "outlets": len(outlet_table),
        "unknown": sum(1 for a in report.articles if not key[a.id]),
        "claims": len(claim_rows),
        "conflicts": disagreements,
        "problems": len(report.problems),
        "first": dates[0] if dates else None,
        "last": dates[-1] if dates else None,
    }
    db.executemany(
        "INSERT INTO r_meta VALUES (?,?)",
        [
            ("version", report.version),
            ("modes", _dumps(report.modes)),
            ("totals", _dumps(totals)),
            # Changes whenever the analysis does: lets readers cache what they derive from it.
            ("stamp", stamp),
        ],
    )
