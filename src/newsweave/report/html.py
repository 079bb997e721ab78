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
from markupsafe import Markup

from newsweave.model import (
    UNKNOWN_SOURCE,
    Article,
    Claim,
    Conflict,
    Evidence,
    Report,
    Story,
    TimelineEntry,
    source_label,
)
from newsweave.report.bidi import attr, finalize
from newsweave.report.highlight import anchor_id, evidence_spans, paragraphs_with_marks
from newsweave.report.labels import (
    outlet_key,
    sources_line,
    status_label,
    support_note,
    voice_of,
)
from newsweave.report.markdown import chronological, link_reason, sources_note

_SAFE_URL = re.compile(r"^https?://[^\s\"'<>`]+$", re.IGNORECASE)
# The matrix shows this many claims per story at once; the others follow in a collapsed table
# (complete, never cut: a table taller than this stops being readable at a glance).
MATRIX_CLAIMS = 25
TIMELINE_WIDTH = 860


@lru_cache(maxsize=1)
def _environment() -> Environment:
    env = Environment(
        loader=PackageLoader("newsweave", "report/templates"),
        autoescape=select_autoescape(default=True, default_for_string=True),
        trim_blocks=True,
        lstrip_blocks=True,
        finalize=finalize,
    )
    env.filters["attr"] = attr
    env.filters["safe_url"] = safe_url
    env.filters["one_per_article"] = one_per_article
    env.globals["anchor_id"] = anchor_id
    env.globals["link_reason"] = link_reason
    # A brief line's " · 1 independent source" beside its chips (one chip per cited article).
    env.globals["sources_note"] = sources_note
    env.globals["UNKNOWN_SOURCE"] = UNKNOWN_SOURCE
    env.globals["cite_groups"] = cite_groups
    env.globals["status_label"] = status_label
    return env


def one_per_article(evidence: tuple[Evidence, ...]) -> list[Evidence]:
    """The first piece of evidence of each article, so a citation chip names each source once."""
    seen: dict[str, Evidence] = {}
    for item in evidence:
        seen.setdefault(item.article_id, item)
    return list(seen.values())


def cite_groups(
    items: tuple[Evidence, ...] | tuple[str, ...], labels: dict[str, str]
) -> tuple[list[tuple[str, str]], list[str]]:
    """Citation targets of evidence (or article ids), one per article: (anchor, outlet label)
    for known outlets, and the anchors of unknown-source articles, which read as one count
    ("12 articles of unknown source") instead of twelve identical chips."""
    known: list[tuple[str, str]] = []
    unknown: list[str] = []
    seen: set[str] = set()
    for item in items:
        if isinstance(item, Evidence):
            article_id, href = item.article_id, anchor_id(item.article_id, item.span)
        else:
            article_id, href = item, item
        if article_id in seen:
            continue
        seen.add(article_id)
        label = labels.get(article_id, UNKNOWN_SOURCE)
        if label == UNKNOWN_SOURCE:
            unknown.append(href)
        else:
            known.append((href, label))
    return known, unknown


def safe_url(url: str | None) -> Markup | None:
    """`url` (escaped) when it is a plain http(s) address, else None (never javascript:, ...)."""
    return attr(url) if url and _SAFE_URL.match(url) else None


@dataclass
class _Context:
    """Per-article evidence spans gathered from every section: all are citation anchors, only
    the `marked` ones (corroborated or disputed claims, conflicts, quotes) are highlighted —
    every sentence is some single-source claim, so marking those would mark everything."""

    spans: dict[str, set[tuple[int, int]]] = field(default_factory=lambda: defaultdict(set))
    marked: dict[str, set[tuple[int, int]]] = field(default_factory=lambda: defaultdict(set))

    def add(self, evidence: list[Evidence] | tuple[Evidence, ...], *, marked: bool) -> None:
        for article_id, spans in evidence_spans(evidence).items():
            self.spans[article_id].update(spans)
            if marked:
                self.marked[article_id].update(spans)


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


@dataclass
class _ByStory:
    """The report's records grouped by story in one pass each, in report order.

    Every story's section reads its own records from here: scanning the whole report per story
    made rendering grow with stories x records (issue 15: the HTML report's per-story scans).
    """

    claims: dict[str | None, list[Claim]]
    conflicts: dict[str | None, list[Any]]
    quotes: dict[str | None, list[Any]]
    timeline: dict[str | None, list[TimelineEntry]]
    summaries: dict[str | None, Any]
    # Per article, the positions (in report order) of the entities naming it.
    entities_of: dict[str, list[int]]

    @classmethod
    def of(cls, report: Report) -> _ByStory:
        def grouped(items: Any) -> dict[str | None, list[Any]]:
            out: dict[str | None, list[Any]] = defaultdict(list)
            for item in items:
                out[item.story_id].append(item)
            return out

        summaries: dict[str | None, Any] = {}
        for summary in report.summaries:
            summaries.setdefault(summary.story_id, summary)
        entities_of: dict[str, list[int]] = defaultdict(list)
        for position, entity in enumerate(report.entities):
            for article_id in dict.fromkeys(entity.article_ids):
                entities_of[article_id].append(position)
        return cls(
            claims=grouped(report.claims),
            conflicts=grouped(report.conflicts),
            quotes=grouped(report.quotes),
            timeline=grouped(report.timeline),
            summaries=summaries,
            entities_of=entities_of,
        )


def _story_view(
    story: Story,
    report: Report,
    by_id: dict[str, Article],
    ctx: _Context,
    by_story: _ByStory | None = None,
) -> dict[str, Any]:
    by_story = by_story or _ByStory.of(report)
    members = [by_id[i] for i in story.article_ids if i in by_id]
    claims = list(by_story.claims.get(story.id, ()))
    conflicts = list(by_story.conflicts.get(story.id, ()))
    quotes = list(by_story.quotes.get(story.id, ()))
    timeline = list(by_story.timeline.get(story.id, ()))
    for claim in claims:
        ctx.add(claim.support, marked=claim.status != "single-source")
        ctx.add(claim.near_elsewhere, marked=False)  # the anchors of "close elsewhere" cites
    for conflict in conflicts:
        for value in conflict.values:
            ctx.add(value.evidence, marked=True)
    for quote in quotes:
        ctx.add(quote.variants, marked=True)
    for entry in timeline:
        ctx.add(entry.evidence, marked=False)
    summary = by_story.summaries.get(story.id)
    for line in summary.sentences if summary is not None else ():
        # Who else states a brief line: their sentences are the citation anchors.
        ctx.add(line.also_reported_by, marked=False)
    member_ids = set(story.article_ids)
    by_article = {a.id: a for a in members}
    # The entities naming a member, in report order, then most members first (a stable sort).
    overlap = Counter(position for i in member_ids for position in by_story.entities_of.get(i, ()))
    entities = sorted(
        (report.entities[position] for position in sorted(overlap)),
        key=lambda e: (-len(member_ids & set(e.article_ids)), e.name),
    )
    status_order = {"disputed": 0, "corroborated": 1, "single-source": 2}
    ordered_claims = sorted(claims, key=lambda c: (status_order[c.status], -len(c.support), c.id))
    keys = {a.id: outlet_key(a) for a in members}
    voices = {a.id: voice_of(a, by_id) for a in members}
    return {
        "story": story,
        "members": members,
        "sources_line": sources_line(
            len(members),
            len({k for k in keys.values() if k}),
            sum(1 for k in keys.values() if not k),
            len(set(voices.values())),
        ),
        "summary": by_story.summaries.get(story.id),
        "claims": ordered_claims,
        "notes": {c.id: _support_note(c, keys, voices) for c in ordered_claims},
        "disputes": _disputes(ordered_claims, conflicts, by_article),
        "status_counts": Counter(status_label(c.status, c.near_elsewhere) for c in claims),
        "matrix": _matrix(ordered_claims, members),
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


def _support_note(claim: Claim, keys: dict[str, str | None], voices: dict[str, str]) -> str:
    articles = {e.article_id for e in claim.support}
    return support_note(
        {
            "status": claim.status,
            "n_outlets": len({keys[a] for a in articles if keys.get(a)}),
            "n_unknown": sum(1 for a in articles if not keys.get(a)),
            # The claims stage's count (retellings and credited outlets joined) where the
            # report has it; copy chains alone for reports written before it.
            "n_voices": claim.independent_sources
            if claim.independent_sources is not None
            else len({voices.get(a, a) for a in articles}),
        }
    )


def _disputes(
    claims: list[Claim], conflicts: list[Conflict], by_id: dict[str, Article]
) -> dict[str, list[str]]:
    """For each disputed claim: 'topic: A (outlets) vs B (outlets)' of the conflicts it is in."""
    at_span: dict[tuple[str, int, int], set[int]] = defaultdict(set)
    for index, conflict in enumerate(conflicts):
        for value in conflict.values:
            for e in value.evidence:
                at_span[(e.article_id, e.span[0], e.span[1])].add(index)
    out: dict[str, list[str]] = {}
    for claim in claims:
        if claim.status != "disputed":
            continue
        found = sorted({i for e in claim.support for i in at_span.get((e.article_id, *e.span), ())})
        lines = []
        for index in found:
            conflict = conflicts[index]
            sides = []
            for value in conflict.values:
                names = sorted(
                    {
                        source_label(by_id[e.article_id])
                        for e in value.evidence
                        if e.article_id in by_id
                    }
                )
                sides.append(f"{value.value} ({', '.join(names)})")
            lines.append(f"{conflict.topic}: {' vs '.join(sides)}")
        out[claim.id] = lines
    return out


def _matrix(claims: list[Claim], members: list[Article]) -> dict[str, Any]:
    """Which outlet supports which claim: rows are every claim, columns outlets.

    Articles without a known outlet share one "unknown source" column (last), so they neither
    vanish nor look like outlets. The first MATRIX_CLAIMS rows are `rows`, the rest `more`.
    """
    columns: dict[str | None, list[str]] = defaultdict(list)
    for article in members:
        columns[outlet_key(article)].append(article.id)
    names: list[str | None] = [*sorted(k for k in columns if k is not None)]
    if None in columns:
        names.append(None)
    rows = []
    for claim in claims:
        supporting = {e.article_id for e in claim.support}
        cells = [any(a in supporting for a in columns[name]) for name in names]
        rows.append({"claim": claim, "cells": cells})
    return {
        "columns": [name if name is not None else UNKNOWN_SOURCE for name in names],
        "rows": rows[:MATRIX_CLAIMS],
        "more": rows[MATRIX_CLAIMS:],
        "n_outlets": len([n for n in names if n is not None]),
    }


def stories_by_size(report: Report) -> list[Story]:
    """Largest stories first; among equals the most recent first, then by id (stable output)."""
    by_id = {a.id: a for a in report.articles}

    def latest(story: Story) -> str:
        dates = [by_id[a].published or "" for a in story.article_ids if a in by_id]
        return max([*dates, story.end or "", story.start or ""])

    ordered = sorted(report.stories, key=lambda s: s.id)
    ordered.sort(key=latest, reverse=True)
    ordered.sort(key=lambda s: len(s.article_ids), reverse=True)
    return ordered


def _positions(at: dict[str, int], ids: tuple[str, ...]) -> list[int]:
    """The positions of the distinct known `ids`, in report order."""
    return sorted({at[i] for i in ids if i in at})


def render_html(report: Report) -> str:
    """The report as one self-contained HTML document."""
    by_id = {a.id: a for a in report.articles}
    ctx = _Context()
    by_story = _ByStory.of(report)
    stories = [_story_view(s, report, by_id, ctx, by_story) for s in stories_by_size(report)]
    labels = {a.id: source_label(a) for a in report.articles}
    articles = [
        {
            "article": article,
            "paragraphs": paragraphs_with_marks(
                article.id,
                article.text,
                ctx.spans.get(article.id, ()),
                marked=ctx.marked.get(article.id, set()),
            ),
        }
        for article in report.articles
    ]
    story_of = {i: s.id for s in report.stories for i in s.article_ids}
    entity_names = {e.id: e.name for e in report.entities}
    # Positions of stories and of each story's timeline entries, for the storylines section.
    story_at: dict[str, int] = {}
    for n, story in enumerate(report.stories):
        story_at.setdefault(story.id, n)
    entries_at: dict[str | None, list[int]] = defaultdict(list)
    for n, entry in enumerate(report.timeline):
        entries_at[entry.story_id].append(n)
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
                (
                    line,
                    sorted(
                        (report.stories[n] for n in _positions(story_at, line.story_ids)),
                        key=chronological,
                    ),
                )
                for line in report.storylines
                # A storyline of one story says nothing a story does not: only lines are shown.
                if len(set(line.story_ids)) > 1
            ],
            line_titles={s.id: s.title for s in report.stories},
            line_timelines={
                line.id: [
                    report.timeline[n]
                    # (date, text), ties in report order: a stable sort of the report's list.
                    for n in sorted(
                        (n for i in dict.fromkeys(line.story_ids) for n in entries_at.get(i, ())),
                        key=lambda n: (report.timeline[n].date, report.timeline[n].text, n),
                    )
                ]
                for line in report.storylines
                if len(line.story_ids) > 1
            },
        )
    )
