"""The self-contained HTML report.

One file, inline CSS and SVG, no script at all, and a Content-Security-Policy that forbids scripts
and every network fetch — so a hostile article can neither run code nor make the browser fetch
anything when the report is opened, even from `file://`. All article text goes through Jinja2's
autoescaping; links are emitted only for http(s) URLs. Navigation (citations → evidence,
collapsible audits) uses plain anchors, `:target` and `<details>`.
"""

from __future__ import annotations

import difflib
import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache
from typing import Any

from jinja2 import Environment, PackageLoader, select_autoescape

from newsweave.model import (
    Article,
    Claim,
    Evidence,
    Report,
    Story,
    TimelineEntry,
    source_label,
)
from newsweave.report.highlight import anchor_id, evidence_spans, paragraphs_with_marks

_SAFE_URL = re.compile(r"^https?://[^\s\"'<>`]+$", re.IGNORECASE)
# The matrix shows at most this many claims per story: beyond that a table stops being readable.
MATRIX_CLAIMS = 25
TIMELINE_WIDTH = 860


@lru_cache(maxsize=1)
def _environment() -> Environment:
    env = Environment(
        loader=PackageLoader("newsweave", "report/templates"),
        autoescape=select_autoescape(default=True, default_for_string=True),
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters["safe_url"] = safe_url
    env.filters["one_per_article"] = one_per_article
    env.globals["anchor_id"] = anchor_id
    return env


def one_per_article(evidence: tuple[Evidence, ...]) -> list[Evidence]:
    """The first piece of evidence of each article, so a citation chip names each source once."""
    seen: dict[str, Evidence] = {}
    for item in evidence:
        seen.setdefault(item.article_id, item)
    return list(seen.values())


def safe_url(url: str | None) -> str | None:
    """`url` when it is a plain http(s) address, else None (never javascript:, data:, ...)."""
    return url if url and _SAFE_URL.match(url) else None


@dataclass
class _Context:
    """Per-article evidence spans gathered from every section, for highlighting."""

    spans: dict[str, set[tuple[int, int]]] = field(default_factory=lambda: defaultdict(set))

    def add(self, evidence: list[Evidence] | tuple[Evidence, ...]) -> None:
        for article_id, spans in evidence_spans(evidence).items():
            self.spans[article_id].update(spans)


def paragraph_of(article: Article, span: tuple[int, int]) -> tuple[str, str, str]:
    """The paragraph holding `span`, cut into (before, evidence, after)."""
    text = article.text
    start = text.rfind("\n\n", 0, span[0])
    start = 0 if start == -1 else start + 2
    end = text.find("\n\n", span[1])
    end = len(text) if end == -1 else end
    return text[start : span[0]], text[span[0] : span[1]], text[span[1] : end]


def word_diff(base: str, other: str) -> list[tuple[str, str]]:
    """Word-level diff of `other` against `base`: ("equal"|"insert"|"delete", words)."""
    a, b = base.split(), other.split()
    ops: list[tuple[str, str]] = []
    for tag, i1, i2, j1, j2 in difflib.SequenceMatcher(a=a, b=b, autojunk=False).get_opcodes():
        if tag == "equal":
            ops.append(("equal", " ".join(a[i1:i2])))
            continue
        if i2 > i1:
            ops.append(("delete", " ".join(a[i1:i2])))
        if j2 > j1:
            ops.append(("insert", " ".join(b[j1:j2])))
    return ops


def _timeline_svg_points(entries: list[TimelineEntry]) -> dict[str, Any]:
    """Positions of timeline entries on a horizontal axis, with month ticks."""
    days: list[int | None] = []
    for entry in entries:
        try:
            days.append(date.fromisoformat(_complete_date(entry.date)).toordinal())
        except ValueError:
            days.append(None)
    known = [d for d in days if d is not None]
    if not known:
        return {"points": [], "ticks": [], "width": TIMELINE_WIDTH}
    low, high = min(known), max(known)
    scale = (TIMELINE_WIDTH - 80) / max(high - low, 1)
    points = []
    for index, (entry, day) in enumerate(zip(entries, days, strict=True)):
        if day is None:
            continue
        points.append(
            {"x": 40 + (day - low) * scale, "row": index % 4, "date": entry.date, "n": index + 1}
        )
    ticks = []
    first = date.fromordinal(low).replace(day=1)
    last = date.fromordinal(high)
    # At most ~10 labels, whatever the span: monthly for a season, yearly-ish for a decade.
    step = max(1, -(-((last.year - first.year) * 12 + last.month - first.month + 1) // 10))
    cursor = first
    while cursor.toordinal() <= high:
        if cursor.toordinal() >= low or cursor == first:
            x = 40 + max(cursor.toordinal() - low, 0) * scale
            ticks.append({"x": x, "label": cursor.strftime("%b %Y")})
        months = cursor.month - 1 + step
        cursor = date(cursor.year + months // 12, months % 12 + 1, 1)
    return {"points": points, "ticks": ticks, "width": TIMELINE_WIDTH}


def _complete_date(value: str) -> str:
    if len(value) == 4:
        return f"{value}-01-01"
    if len(value) == 7:
        return f"{value}-01"
    return value[:10]


def _story_view(
    story: Story, report: Report, by_id: dict[str, Article], ctx: _Context
) -> dict[str, Any]:
    members = [by_id[i] for i in story.article_ids if i in by_id]
    claims = [c for c in report.claims if c.story_id == story.id]
    conflicts = [c for c in report.conflicts if c.story_id == story.id]
    quotes = [q for q in report.quotes if q.story_id == story.id]
    timeline = [t for t in report.timeline if t.story_id == story.id]
    for claim in claims:
        ctx.add(claim.support)
    for conflict in conflicts:
        for value in conflict.values:
            ctx.add(value.evidence)
    for quote in quotes:
        ctx.add(quote.variants)
    for entry in timeline:
        ctx.add(entry.evidence)
    member_ids = set(story.article_ids)
    entities = sorted(
        (e for e in report.entities if member_ids & set(e.article_ids)),
        key=lambda e: (-len(member_ids & set(e.article_ids)), e.name),
    )
    status_order = {"disputed": 0, "corroborated": 1, "single-source": 2}
    ordered_claims = sorted(claims, key=lambda c: (status_order[c.status], -len(c.support), c.id))
    return {
        "story": story,
        "members": members,
        "summary": next((s for s in report.summaries if s.story_id == story.id), None),
        "claims": ordered_claims,
        "status_counts": Counter(c.status for c in claims),
        "matrix": _matrix(ordered_claims[:MATRIX_CLAIMS], members),
        "conflicts": [
            {
                "conflict": conflict,
                "values": [
                    {
                        "value": value.value,
                        "evidence": [
                            (e, paragraph_of(by_id[e.article_id], e.span))
                            for e in value.evidence
                            if e.article_id in by_id
                        ],
                    }
                    for value in conflict.values
                ],
            }
            for conflict in conflicts
        ],
        "quotes": [
            {
                "quote": quote,
                "variants": [
                    (v, word_diff(quote.variants[0].text, v.text) if i else None)
                    for i, v in enumerate(quote.variants)
                ],
            }
            for quote in quotes
        ],
        "timeline": timeline,
        "timeline_svg": _timeline_svg_points(timeline),
        "copies": [a for a in members if a.copy_of is not None],
        "entities": entities[:30],
    }


def _matrix(claims: list[Claim], members: list[Article]) -> dict[str, Any]:
    """Which outlet supports which claim: rows are claims, columns outlets."""
    columns: dict[str, list[str]] = defaultdict(list)
    for article in members:
        columns[article.outlet or article.domain or article.id].append(article.id)
    names = sorted(columns)
    rows = []
    for claim in claims:
        supporting = {e.article_id for e in claim.support}
        cells = [any(a in supporting for a in columns[name]) for name in names]
        rows.append({"claim": claim, "cells": cells})
    return {"columns": names, "rows": rows}


def render_html(report: Report) -> str:
    """The report as one self-contained HTML document."""
    by_id = {a.id: a for a in report.articles}
    ctx = _Context()
    stories = [_story_view(s, report, by_id, ctx) for s in report.stories]
    labels = {a.id: source_label(a) for a in report.articles}
    articles = [
        {
            "article": article,
            "paragraphs": paragraphs_with_marks(
                article.id, article.text, ctx.spans.get(article.id, ())
            ),
        }
        for article in report.articles
    ]
    story_of = {i: s.id for s in report.stories for i in s.article_ids}
    entity_names = {e.id: e.name for e in report.entities}
    return (
        _environment()
        .get_template("report.html.j2")
        .render(
            report=report,
            stories=stories,
            articles=articles,
            labels=labels,
            story_of=story_of,
            entity_names=entity_names,
            storylines=[
                (line, [s for s in report.stories if s.id in set(line.story_ids)])
                for line in report.storylines
            ],
            line_timelines={
                line.id: sorted(
                    (t for t in report.timeline if t.story_id in set(line.story_ids)),
                    key=lambda t: (t.date, t.text),
                )
                for line in report.storylines
                if len(line.story_ids) > 1
            },
        )
    )
