"""The JSON API (`/api/...`) and CSV exports, paginated with `limit` and `offset`.

Every list answers `{"total", "limit", "offset", "items"}`; errors answer
`{"error": {"status", "message"}}`. CSV exports stream every row that matches the filters.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator
from typing import TYPE_CHECKING, Annotated, Any, Literal

from fastapi import APIRouter, Query
from fastapi.responses import Response, StreamingResponse

from newsweave.store.read import (
    HIT_END,
    HIT_START,
    ReportQueries,
    Row,
    StoryFilter,
)
from newsweave.web.app import ApiError

if TYPE_CHECKING:
    from newsweave.web.app import Database

MAX_LIMIT = 200
CSV_BATCH = 1000


def _page(total: int, limit: int, offset: int, items: list[Row]) -> dict[str, Any]:
    return {"total": total, "limit": limit, "offset": offset, "items": items}


def _evidence(queries: ReportQueries, item_id: str) -> list[Row]:
    rows = queries.evidence([item_id]).get(item_id, [])
    labels = queries.labels([r["article_id"] for r in rows])
    return [
        {
            "article_id": r["article_id"],
            "source": labels.get(r["article_id"], {}).get("label"),
            "text": r["text"],
            "span": [r["start"], r["end"]],
            **({"value": r["value"]} if r["value"] is not None else {}),
        }
        for r in rows
    ]


def _csv(rows: Iterator[list[Any]], header: list[str]) -> Iterator[str]:
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(header)
    for row in rows:
        writer.writerow(row)
        if buffer.tell() > 64_000:
            yield buffer.getvalue()
            buffer.seek(0)
            buffer.truncate()
    yield buffer.getvalue()


Limit = Annotated[int, Query(ge=1, le=MAX_LIMIT, description="items per page")]
Offset = Annotated[int, Query(ge=0, description="items to skip")]
Day = Annotated[str | None, Query(pattern=r"^\d{4}(-\d{2}(-\d{2})?)?$", description="ISO date")]
Status = Literal["corroborated", "single-source", "disputed"]


def router(database: Database) -> APIRouter:
    api = APIRouter(prefix="/api")

    def missing(kind: str, ident: str) -> ApiError:
        return ApiError(404, f"no {kind} {ident!r}")

    @api.get("/stories", summary="Stories, sorted and filtered")
    def stories(
        *,
        sort: Literal["size", "latest", "outlets", "disputes"] = "size",
        date_from: Annotated[Day, Query(alias="from")] = None,
        date_to: Annotated[Day, Query(alias="to")] = None,
        outlet: str | None = None,
        language: str | None = None,
        limit: Limit = 25,
        offset: Offset = 0,
    ) -> dict[str, Any]:
        where = StoryFilter(date_from=date_from, date_to=date_to, outlet=outlet, language=language)
        with database.queries() as q:
            total, rows = q.stories(sort=sort, where=where, limit=limit, offset=offset)
        return _page(total, limit, offset, rows)

    @api.get("/stories/{story_id}", summary="One story with its brief, counts and storyline")
    def story(story_id: str) -> dict[str, Any]:
        with database.queries() as q:
            row = q.story(story_id)
            if row is None:
                raise missing("story", story_id)
            line, siblings = q.storyline(row["storyline_id"]) if row["storyline_id"] else (None, [])
            return {
                **row,
                "summary": q.summary(story_id),
                "outlets": q.story_outlets(story_id),
                "timeline": q.timeline(story_id),
                # The storyline's stories in date order and why each pair is linked (shared
                # names and words, days apart), as the report's `storylines[].links` says.
                "storyline": None
                if line is None
                else {
                    "id": line["id"],
                    "title": line["title"],
                    "stories": siblings,
                    "links": line["links"],
                },
            }

    @api.get("/claims", summary="Claims, disputed first")
    def claims(
        story_id: str | None = None,
        status: Literal["corroborated", "single-source", "disputed"] | None = None,
        article_id: str | None = None,
        limit: Limit = 50,
        offset: Offset = 0,
    ) -> dict[str, Any]:
        with database.queries() as q:
            total, rows = q.claims(
                story_id=story_id, status=status, article_id=article_id, limit=limit, offset=offset
            )
        return _page(total, limit, offset, rows)

    @api.get("/claims/{claim_id}", summary="One claim with its evidence")
    def claim(claim_id: str) -> dict[str, Any]:
        with database.queries() as q:
            row = q.claim(claim_id)
            if row is None:
                raise missing("claim", claim_id)
            near = q.near_elsewhere([claim_id]).get(claim_id, [])
            labels = q.labels([n["article_id"] for n in near])
            return {
                **row,
                "support": _evidence(q, claim_id),
                "conflicts": q.conflicts_of_claims([claim_id]).get(claim_id, []),
                # Of a single-source claim: other voices' close sentences it was not matched
                # with, best first (`label` is then "not matched elsewhere"), as the report's
                # `claims[].near_elsewhere`.
                "near_elsewhere": [
                    {
                        "article_id": n["article_id"],
                        "source": labels.get(n["article_id"], {}).get("label"),
                        "text": n["text"],
                        "span": [n["start"], n["end"]],
                    }
                    for n in near
                ],
            }

    @api.get("/conflicts", summary="Value conflicts")
    def conflicts(
        story_id: str | None = None, limit: Limit = 50, offset: Offset = 0
    ) -> dict[str, Any]:
        with database.queries() as q:
            total, rows = q.conflicts(story_id=story_id, limit=limit, offset=offset)
        return _page(total, limit, offset, rows)

    @api.get("/conflicts/{conflict_id}", summary="One conflict with each value's evidence")
    def conflict(conflict_id: str) -> dict[str, Any]:
        with database.queries() as q:
            row = q.conflict(conflict_id)
            if row is None:
                raise missing("conflict", conflict_id)
            evidence = _evidence(q, conflict_id)
        values: dict[str, list[Row]] = {}
        for item in evidence:
            values.setdefault(item.pop("value", ""), []).append(item)
        return {**row, "values": [{"value": v, "evidence": e} for v, e in values.items()]}

    @api.get("/quotes", summary="Quotes, by speaker")
    def quotes(
        story_id: str | None = None,
        speaker: str | None = None,
        limit: Limit = 50,
        offset: Offset = 0,
    ) -> dict[str, Any]:
        with database.queries() as q:
            total, rows = q.quotes(story_id=story_id, speaker=speaker, limit=limit, offset=offset)
        return _page(total, limit, offset, rows)

    @api.get("/quotes/{quote_id}", summary="One quote with every wording")
    def quote(quote_id: str) -> dict[str, Any]:
        with database.queries() as q:
            row = q.quote(quote_id)
            if row is None:
                raise missing("quote", quote_id)
            return {**row, "variants": _evidence(q, quote_id)}

    @api.get("/articles", summary="Articles without their text")
    def articles(
        *,
        story_id: str | None = None,
        outlet: str | None = None,
        entity_id: str | None = None,
        language: str | None = None,
        limit: Limit = 50,
        offset: Offset = 0,
    ) -> dict[str, Any]:
        with database.queries() as q:
            total, rows = q.articles(
                story_id=story_id,
                outlet=outlet,
                entity_id=entity_id,
                language=language,
                limit=limit,
                offset=offset,
            )
        return _page(total, limit, offset, rows)

    @api.get("/articles/{article_id}", summary="One article with text, removals and evidence")
    def article(article_id: str) -> dict[str, Any]:
        with database.queries() as q:
            row, record = q.article(article_id)
            if row is None or record is None:
                raise missing("article", article_id)
            evidence = q.article_evidence(article_id)
        return {
            **row,
            "text": record.get("text", ""),
            "removed": record.get("removed", []),
            "evidence": evidence,
        }

    @api.get("/entities", summary="People, places and organisations")
    def entities(limit: Limit = 50, offset: Offset = 0) -> dict[str, Any]:
        with database.queries() as q:
            total, rows = q.entities(limit=limit, offset=offset)
        return _page(total, limit, offset, rows)

    @api.get("/entities/{entity_id}", summary="One entity with its stories")
    def entity(entity_id: str) -> dict[str, Any]:
        with database.queries() as q:
            row = q.entity(entity_id)
            if row is None:
                raise missing("entity", entity_id)
            return {**row, "stories": q.entity_stories(entity_id, limit=MAX_LIMIT)}

    @api.get("/outlets", summary="Outlets with how often they are corroborated or alone")
    def outlets(limit: Limit = 50, offset: Offset = 0) -> dict[str, Any]:
        with database.queries() as q:
            total, rows = q.outlets(limit=limit, offset=offset)
        return _page(total, limit, offset, rows)

    @api.get("/outlets/{key:path}", summary="One outlet")
    def outlet(key: str) -> dict[str, Any]:
        with database.queries() as q:
            row = q.outlet(key)
            if row is None:
                raise missing("outlet", key)
            return row

    @api.get("/search", summary="Full-text search over articles (what people type, no syntax)")
    def search(
        q: Annotated[str, Query(max_length=20_000)],
        outlet: str | None = None,
        language: str | None = None,
        limit: Limit = 20,
        offset: Offset = 0,
    ) -> dict[str, Any]:
        with database.queries() as queries:
            found = queries.search(q, outlet=outlet, language=language, limit=limit, offset=offset)
        for row in found.rows:
            row["snippet"] = (row["snippet"] or "").replace(HIT_START, "").replace(HIT_END, "")
        return {
            **_page(found.total, limit, offset, found.rows),
            "query": q,
            "terms": list(found.query.terms),
            "ignored_terms": found.query.ignored,
            "timed_out": found.timed_out,
        }

    @api.get("/report", summary="The latest report (the JSON export contract)")
    def report() -> Any:
        from newsweave.store import Store

        with Store(database.path, read_only=True) as store:
            text = store.get_report("latest")
        if text is None:
            raise ApiError(404, "no report yet: run `newsweave ingest ... --db` first")
        return Response(text, media_type="application/json")

    def stream(kind: str, header: list[str], rows: Iterator[list[Any]]) -> StreamingResponse:
        return StreamingResponse(
            _csv(rows, header),
            media_type="text/csv; charset=utf-8",
            headers={"content-disposition": f'attachment; filename="{kind}.csv"'},
        )

    def all_rows(fetch: Any) -> Iterator[Row]:
        offset = 0
        while True:
            with database.queries() as q:
                _, rows = fetch(q, CSV_BATCH, offset)
            yield from rows
            if len(rows) < CSV_BATCH:
                return
            offset += CSV_BATCH

    def checked() -> None:
        with database.queries():
            pass  # a database without an analysis answers 404 before the stream starts

    @api.get("/export/claims.csv", summary="Every claim (filters as /api/claims)")
    def claims_csv(
        story_id: str | None = None,
        status: Literal["corroborated", "single-source", "disputed"] | None = None,
    ) -> StreamingResponse:
        checked()
        rows = all_rows(
            lambda q, n, o: q.claims(story_id=story_id, status=status, limit=n, offset=o)
        )
        keys = ["id", "story_id", "status", "text", "n_articles", "n_voices", "n_outlets"]
        # `label`: the status as the pages word it ("not matched elsewhere" for a single-source
        # claim other voices come close to), last so the older columns keep their places.
        return stream(
            "claims",
            [*keys, "n_unknown_source", "label"],
            ([r[k] for k in keys] + [r["n_unknown"], r["label"]] for r in rows),
        )

    @api.get("/export/conflicts.csv", summary="Every conflict value with its sources")
    def conflicts_csv(story_id: str | None = None) -> StreamingResponse:
        checked()

        def rows() -> Iterator[list[Any]]:
            for batch in _batches(
                all_rows(lambda q, n, o: q.conflicts(story_id=story_id, limit=n, offset=o))
            ):
                with database.queries() as q:
                    evidence = q.evidence([c["id"] for c in batch])
                    labels = q.labels([e["article_id"] for v in evidence.values() for e in v])
                for conflict in batch:
                    by_value: dict[str, list[Row]] = {}
                    for e in evidence.get(conflict["id"], []):
                        by_value.setdefault(e["value"] or "", []).append(e)
                    for value, items in by_value.items():
                        sources = sorted(
                            {
                                labels[e["article_id"]]["label"]
                                for e in items
                                if e["article_id"] in labels
                            }
                        )
                        yield [
                            conflict["id"],
                            conflict["story_id"],
                            conflict["kind"],
                            conflict["topic"],
                            value,
                            "; ".join(sources),
                            " | ".join(e["text"] for e in items),
                        ]

        header = ["id", "story_id", "kind", "topic", "value", "sources", "evidence"]
        return stream("conflicts", header, rows())

    @api.get("/export/quotes.csv", summary="Every quote with its speaker")
    def quotes_csv(story_id: str | None = None) -> StreamingResponse:
        checked()
        rows = all_rows(lambda q, n, o: q.quotes(story_id=story_id, limit=n, offset=o))
        keys = ["id", "story_id", "speaker", "speaker_name", "kind", "n_variants", "text"]
        return stream("quotes", keys, ([r[k] for k in keys] for r in rows))

    @api.get("/export/articles.csv", summary="Every article's metadata (no text)")
    def articles_csv(
        story_id: str | None = None, outlet: str | None = None, language: str | None = None
    ) -> StreamingResponse:
        checked()
        rows = all_rows(
            lambda q, n, o: q.articles(
                story_id=story_id, outlet=outlet, language=language, limit=n, offset=o
            )
        )
        keys = [
            "id",
            "title",
            "label",
            "outlet_key",
            "domain",
            "url",
            "published",
            "published_basis",
            "language",
            "story_id",
            "copy_of",
            "copy_kind",
        ]
        return stream("articles", keys, ([r[k] for k in keys] for r in rows))

    return api


def _batches(rows: Iterator[Row], size: int = 200) -> Iterator[list[Row]]:
    batch: list[Row] = []
    for row in rows:
        batch.append(row)
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch
