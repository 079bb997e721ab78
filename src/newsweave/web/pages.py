"""HTML pages: story list, story, article, claim/conflict/quote permalinks, entity, outlet, search.

Server-rendered Jinja2 with autoescaping and bidi isolation (`report.bidi.finalize`); no script.
Sorting, filtering and paging are plain links and GET forms, so every view has a URL.
"""

from __future__ import annotations

from collections import defaultdict
from functools import lru_cache
from typing import TYPE_CHECKING, Annotated, Any, Literal

from fastapi import APIRouter, Query, Request
from fastapi.responses import HTMLResponse
from jinja2 import Environment, PackageLoader, select_autoescape
from markupsafe import Markup, escape

from newsweave.model import UNKNOWN_SOURCE
from newsweave.report.bidi import attr, finalize
from newsweave.report.html import safe_url
from newsweave.report.labels import NOT_MATCHED, NOT_MATCHED_TITLE
from newsweave.report.markdown import sources_note
from newsweave.store.read import HIT_END, HIT_START, ReportQueries, Row, StoryFilter
from newsweave.web import plots
from newsweave.web.app import ApiError
from newsweave.web.views import (
    Pager,
    evidence_anchor,
    highlighted,
    item_url,
    path_quote,
    sources_line,
    storyline_links,
    support_note,
)

if TYPE_CHECKING:
    from newsweave.web.app import Database

STORIES_PER_PAGE = 25
RESULTS_PER_PAGE = 20
ARTICLES_PER_PAGE = 50
# Rows of the outlet × claim matrix per page: beyond that the table stops being readable, so the
# rest is on the next pages (with links), never dropped.
MATRIX_CLAIMS = 30
SINGLE_SOURCE_SHOWN = 100


@lru_cache(maxsize=1)
def environment() -> Environment:
    env = Environment(
        loader=PackageLoader("newsweave", "web/templates"),
        autoescape=select_autoescape(default=True, default_for_string=True),
        trim_blocks=True,
        lstrip_blocks=True,
        finalize=finalize,
    )
    env.filters["attr"] = attr
    env.filters["q"] = path_quote
    env.filters["safe_url"] = safe_url
    env.filters["snippet"] = snippet_html
    env.globals.update(
        item_url=item_url,
        evidence_anchor=evidence_anchor,
        sources_line=sources_line,
        support_note=support_note,
        split_sources=split_sources,
        UNKNOWN_SOURCE=UNKNOWN_SOURCE,
        NOT_MATCHED=NOT_MATCHED,
        UNMATCHED_TITLE=NOT_MATCHED_TITLE,
    )
    return env


def render(template: str, **context: Any) -> str:
    return environment().get_template(template).render(**context)


def error_page(status: int, message: str) -> str:
    return render("error.html.j2", status=status, message=message)


def snippet_html(text: str | None) -> Markup:
    """An FTS5 snippet with its hit markers as <mark>, everything else escaped."""
    if not text:
        return Markup("")
    out = str(escape(text))
    if out.count(HIT_START) != out.count(HIT_END):  # an article carrying the marker bytes
        return Markup(out.replace(HIT_START, "").replace(HIT_END, ""))
    return Markup(out.replace(HIT_START, "<mark>").replace(HIT_END, "</mark>"))


SORTS = (
    ("size", "size"),
    ("latest", "latest date"),
    ("outlets", "outlets"),
    ("disputes", "disputes"),
)


def _with(request: Any, **changes: str | None) -> str:
    """The current URL with some query parameters changed (None removes one)."""
    from urllib.parse import urlencode

    params = [(k, v) for k, v in request.query_params.multi_items() if v and k not in changes]
    params += [(k, v) for k, v in changes.items() if v is not None]
    return str(request.url.path) + ("?" + urlencode(params) if params else "")


_COVERAGE_CACHE: dict[str, Markup] = {}


def _store_coverage(q: ReportQueries, totals: Row) -> Markup:
    """The whole store's coverage plot, drawn once per analysis (keyed by its stamp)."""
    key = str(totals.get("stamp", ""))
    if not key or key not in _COVERAGE_CACHE:
        _COVERAGE_CACHE.clear()
        _COVERAGE_CACHE[key] = plots.coverage_svg(
            q.coverage(),
            title="Articles per day in the whole database, by outlet",
            total=int(totals.get("articles", 0)),
        )
    return _COVERAGE_CACHE[key]


def _labels_for(q: ReportQueries, evidence: dict[str, list[Row]]) -> dict[str, Row]:
    return q.labels([e["article_id"] for rows in evidence.values() for e in rows])


def _sources_in_order(evidence: list[Row], labels: dict[str, Row]) -> list[Row]:
    """Each evidence row with its article's label (for a citation chip), in the given order."""
    return [
        {**e, "label": labels.get(e["article_id"], {}).get("label", UNKNOWN_SOURCE)}
        for e in evidence
    ]


def _sources(evidence: list[Row], labels: dict[str, Row]) -> list[Row]:
    """One entry per article: its label and the first evidence span, for citation chips."""
    seen: dict[str, Row] = {}
    for e in evidence:
        if e["article_id"] not in seen:
            label = labels.get(e["article_id"], {})
            seen[e["article_id"]] = {**e, "label": label.get("label", UNKNOWN_SOURCE)}
    return sorted(seen.values(), key=lambda e: (e["label"] == UNKNOWN_SOURCE, e["label"]))


def split_sources(sources: list[Row]) -> tuple[list[Row], list[Row]]:
    """Citations with a known outlet, and those of unknown source (shown as one count)."""
    known = [s for s in sources if s["label"] != UNKNOWN_SOURCE]
    return known, [s for s in sources if s["label"] == UNKNOWN_SOURCE]


def _conflict_view(conflict: Row, evidence: list[Row], labels: dict[str, Row]) -> Row:
    values: dict[str, list[Row]] = defaultdict(list)
    for e in evidence:
        values[e["value"] or ""].append(e)
    sides = []
    for value, items in values.items():
        sources = _sources(items, labels)
        sides.append({"value": value, "sources": sources, "evidence": items})
    return {**conflict, "sides": sides}


Offset = Annotated[int, Query(ge=0)]
Day = Annotated[str | None, Query(pattern=r"^(\d{4}(-\d{2}(-\d{2})?)?)?$")]


def router(database: Database) -> APIRouter:
    pages = APIRouter(default_response_class=HTMLResponse, include_in_schema=False)

    def page(template: str, request: Request, **context: Any) -> HTMLResponse:
        return HTMLResponse(render(template, request=request, **context))

    def params(request: Request) -> tuple[tuple[str, str], ...]:
        return tuple((k, v) for k, v in request.query_params.multi_items() if v)

    @pages.get("/")
    def story_list(
        request: Request,
        *,
        sort: Literal["size", "latest", "outlets", "disputes"] = "size",
        date_from: Annotated[Day, Query(alias="from")] = None,
        date_to: Annotated[Day, Query(alias="to")] = None,
        outlet: str | None = None,
        language: str | None = None,
        offset: Offset = 0,
    ) -> HTMLResponse:
        where = StoryFilter(
            date_from=date_from or None,
            date_to=date_to or None,
            outlet=outlet or None,
            language=language or None,
        )
        with database.queries() as q:
            total, stories = q.stories(
                sort=sort, where=where, limit=STORIES_PER_PAGE, offset=offset
            )
            totals = q.totals()
            coverage = _store_coverage(q, totals)
            outlets = q.outlet_names()
            languages = q.languages()
            meta = q.meta()
        return page(
            "stories.html.j2",
            request,
            stories=stories,
            totals=totals,
            meta=meta,
            coverage=coverage,
            outlets=outlets,
            languages=languages,
            sort=sort,
            sort_links=[
                (value, name, _with(request, sort=value, offset=None)) for value, name in SORTS
            ],
            where=where,
            pager=Pager(total, STORIES_PER_PAGE, offset, "/", params(request)),
        )

    @pages.get("/stories/{story_id}")
    def story_page(request: Request, story_id: str, claims_offset: Offset = 0) -> HTMLResponse:
        with database.queries() as q:
            story = q.story(story_id)
            if story is None:
                raise ApiError(404, f"no story {story_id!r}")
            summary = q.summary(story_id)
            _, conflicts = q.conflicts(story_id=story_id, limit=1000, offset=0)
            _, claims = q.claims(story_id=story_id, limit=100_000, offset=0)
            _, quotes = q.quotes(story_id=story_id, limit=1000, offset=0)
            timeline = q.timeline(story_id)
            _, articles = q.articles(story_id=story_id, limit=100_000, offset=0)
            outlets = q.story_outlets(story_id)
            coverage = plots.coverage_svg(
                q.coverage(story_id=story_id),
                title="Articles per day in this story, by outlet",
                total=story["n_articles"],
            )
            line, siblings = (
                q.storyline(story["storyline_id"]) if story["storyline_id"] else (None, [])
            )
            evidence = q.evidence(
                [c["id"] for c in conflicts]
                + [c["id"] for c in claims if c["status"] != "single-source"]
            )
            disputes = q.conflicts_of_claims([c["id"] for c in claims if c["status"] == "disputed"])
            # A single-source claim other voices come close to is "not matched elsewhere", shown
            # with those close sentences, as the HTML report does (session 22).
            unmatched = [c for c in claims if c["label"] == NOT_MATCHED]
            near = q.near_elsewhere([c["id"] for c in unmatched[:SINGLE_SOURCE_SHOWN]])
            near_labels = q.labels(
                [n["article_id"] for rows in near.values() for n in rows if n["article_id"]]
            )
            matrix_claims = claims[claims_offset : claims_offset + MATRIX_CLAIMS]
            cells = q.matrix_cells([c["id"] for c in matrix_claims])
        labels = {a["id"]: a for a in articles}
        conflict_views = [_conflict_view(c, evidence.get(c["id"], []), labels) for c in conflicts]
        topics = {c["id"]: c for c in conflict_views}
        quotes_by_speaker: dict[str, list[Row]] = defaultdict(list)
        for quote in quotes:
            quotes_by_speaker[quote["speaker_name"] or "unknown speaker"].append(quote)
        columns = [o["outlet_key"] for o in outlets]
        if story["n_unknown"]:
            columns.append(None)
        support = defaultdict(set)
        for claim_id, key in cells:
            support[claim_id].add(key)
        return page(
            "story.html.j2",
            request,
            story=story,
            summary=[
                {
                    **sentence,
                    "sources": _sources(
                        [
                            {"article_id": a, "start": None, "end": None}
                            for a in sentence["article_ids"]
                        ],
                        labels,
                    ),
                    # Reprints of one text cited three times are one source (stores written
                    # before the count was kept have none, and show no note).
                    "sources_note": sources_note(
                        sentence.get("independent_sources"), len(set(sentence["article_ids"]))
                    ),
                }
                for sentence in summary
            ],
            labels=labels,
            conflicts=conflict_views,
            disputed=[
                {
                    **c,
                    "sources": _sources(evidence.get(c["id"], []), labels),
                    "conflicts": [topics[x] for x in disputes.get(c["id"], []) if x in topics],
                }
                for c in claims
                if c["status"] == "disputed"
            ],
            corroborated=[
                {**c, "sources": _sources(evidence.get(c["id"], []), labels)}
                for c in claims
                if c["status"] == "corroborated"
            ],
            single=[c for c in claims if c["label"] == "single-source"],
            unmatched=[
                {**c, "near": _sources_in_order(near.get(c["id"], []), near_labels)}
                for c in unmatched[:SINGLE_SOURCE_SHOWN]
            ],
            n_unmatched=len(unmatched),
            single_shown=SINGLE_SOURCE_SHOWN,
            quotes_by_speaker=sorted(
                quotes_by_speaker.items(), key=lambda kv: (kv[0] == "unknown speaker", -len(kv[1]))
            ),
            timeline=timeline,
            timeline_plot=plots.timeline_svg(timeline, title="Dated happenings of the story"),
            articles=articles,
            outlets=outlets,
            coverage=coverage,
            storyline=line,
            siblings=siblings,
            storyline_links=storyline_links(line, siblings) if line else [],
            matrix={
                "columns": columns,
                "rows": [
                    {"claim": c, "cells": [key in support[c["id"]] for key in columns]}
                    for c in matrix_claims
                ],
                "pager": Pager(
                    len(claims),
                    MATRIX_CLAIMS,
                    claims_offset,
                    f"/stories/{path_quote(story_id)}",
                    params(request),
                    key="claims_offset",
                ),
            },
        )

    @pages.get("/articles/{article_id}")
    def article_page(request: Request, article_id: str) -> HTMLResponse:
        with database.queries() as q:
            article, record = q.article(article_id)
            if article is None or record is None:
                raise ApiError(404, f"no article {article_id!r}")
            evidence = q.article_evidence(article_id)
            story = q.story(article["story_id"]) if article["story_id"] else None
            original = q.labels([article["copy_of"]]) if article["copy_of"] else {}
        text = str(record.get("text", ""))
        return page(
            "article.html.j2",
            request,
            article=article,
            record=record,
            paragraphs=highlighted(text, evidence),
            marked=sum(1 for e in evidence if e["marked"]),
            story=story,
            original=original.get(article["copy_of"] or ""),
        )

    def item_page(request: Request, kind: str, item: Row, q: ReportQueries) -> HTMLResponse:
        evidence = q.evidence([item["id"]])
        labels = _labels_for(q, evidence)
        rows = evidence.get(item["id"], [])
        story = q.story(item["story_id"]) if item.get("story_id") else None
        extra: dict[str, Any] = {}
        if kind == "conflict":
            extra["conflict"] = _conflict_view(item, rows, labels)
        if kind == "claim" and item["label"] == NOT_MATCHED:
            near = q.near_elsewhere([item["id"]]).get(item["id"], [])
            extra["near"] = _sources_in_order(near, q.labels([n["article_id"] for n in near]))
        if kind == "claim" and item["status"] == "disputed":
            extra["conflicts"] = [
                _conflict_view(
                    c,
                    q.evidence([c["id"]]).get(c["id"], []),
                    labels
                    | q.labels([e["article_id"] for e in q.evidence([c["id"]]).get(c["id"], [])]),
                )
                for x in q.conflicts_of_claims([item["id"]]).get(item["id"], [])
                if (c := q.conflict(x)) is not None
            ]
        return page(
            "item.html.j2",
            request,
            kind=kind,
            item=item,
            story=story,
            evidence=[
                {
                    **e,
                    "label": labels.get(e["article_id"], {}).get("label", UNKNOWN_SOURCE),
                    "title": labels.get(e["article_id"], {}).get("title"),
                }
                for e in rows
            ],
            **extra,
        )

    @pages.get("/claims/{claim_id}")
    def claim_page(request: Request, claim_id: str) -> HTMLResponse:
        with database.queries() as q:
            claim = q.claim(claim_id)
            if claim is None:
                raise ApiError(404, f"no claim {claim_id!r}")
            return item_page(request, "claim", claim, q)

    @pages.get("/conflicts/{conflict_id}")
    def conflict_page(request: Request, conflict_id: str) -> HTMLResponse:
        with database.queries() as q:
            conflict = q.conflict(conflict_id)
            if conflict is None:
                raise ApiError(404, f"no conflict {conflict_id!r}")
            return item_page(request, "conflict", conflict, q)

    @pages.get("/quotes/{quote_id}")
    def quote_page(request: Request, quote_id: str) -> HTMLResponse:
        with database.queries() as q:
            quote = q.quote(quote_id)
            if quote is None:
                raise ApiError(404, f"no quote {quote_id!r}")
            return item_page(request, "quote", quote, q)

    @pages.get("/entities")
    def entity_list(request: Request, offset: Offset = 0) -> HTMLResponse:
        with database.queries() as q:
            total, entities = q.entities(limit=ARTICLES_PER_PAGE, offset=offset)
        pager = Pager(total, ARTICLES_PER_PAGE, offset, "/entities", params(request))
        return page("entities.html.j2", request, entities=entities, pager=pager)

    @pages.get("/entities/{entity_id}")
    def entity_page(request: Request, entity_id: str, offset: Offset = 0) -> HTMLResponse:
        with database.queries() as q:
            entity = q.entity(entity_id)
            if entity is None:
                raise ApiError(404, f"no entity {entity_id!r}")
            stories = q.entity_stories(entity_id, limit=50)
            _, quotes = q.quotes(speaker=entity_id, limit=100, offset=0)
            total, articles = q.articles(
                entity_id=entity_id, limit=ARTICLES_PER_PAGE, offset=offset
            )
        return page(
            "entity.html.j2",
            request,
            entity=entity,
            stories=stories,
            quotes=quotes,
            articles=articles,
            pager=Pager(
                total,
                ARTICLES_PER_PAGE,
                offset,
                f"/entities/{path_quote(entity_id)}",
                params(request),
            ),
        )

    @pages.get("/outlets")
    def outlet_list(request: Request, offset: Offset = 0) -> HTMLResponse:
        with database.queries() as q:
            total, outlets = q.outlets(limit=ARTICLES_PER_PAGE, offset=offset)
            totals = q.totals()
        pager = Pager(total, ARTICLES_PER_PAGE, offset, "/outlets", params(request))
        return page("outlets.html.j2", request, outlets=outlets, totals=totals, pager=pager)

    @pages.get("/outlets/{key:path}")
    def outlet_page(
        request: Request, key: str, offset: Offset = 0, stories_offset: Offset = 0
    ) -> HTMLResponse:
        with database.queries() as q:
            outlet = q.outlet(key)
            if outlet is None:
                raise ApiError(404, f"no outlet {key!r}")
            total, articles = q.articles(outlet=key, limit=ARTICLES_PER_PAGE, offset=offset)
            n_stories, stories = q.outlet_stories(key, limit=25, offset=stories_offset)
        base = f"/outlets/{path_quote(key)}"
        return page(
            "outlet.html.j2",
            request,
            outlet=outlet,
            articles=articles,
            stories=stories,
            pager=Pager(total, ARTICLES_PER_PAGE, offset, base, params(request)),
            story_pager=Pager(
                n_stories, 25, stories_offset, base, params(request), key="stories_offset"
            ),
        )

    @pages.get("/search")
    def search_page(
        request: Request,
        q: Annotated[str, Query(max_length=20_000)] = "",
        outlet: str | None = None,
        language: str | None = None,
        offset: Offset = 0,
    ) -> HTMLResponse:
        with database.queries() as queries:
            found = queries.search(
                q,
                outlet=outlet or None,
                language=language or None,
                limit=RESULTS_PER_PAGE,
                offset=offset,
            )
            outlets = queries.outlet_names()
            languages = queries.languages()
        return page(
            "search.html.j2",
            request,
            q=q,
            found=found,
            outlet=outlet or "",
            language=language or "",
            outlets=outlets,
            languages=languages,
            pager=Pager(found.total, RESULTS_PER_PAGE, offset, "/search", params(request)),
        )

    @pages.get("/problems")
    def problems_page(request: Request, offset: Offset = 0) -> HTMLResponse:
        with database.queries() as q:
            total, problems = q.problems(limit=100, offset=offset)
        pager = Pager(total, 100, offset, "/problems", params(request))
        return page("problems.html.j2", request, problems=problems, pager=pager)

    return pages
