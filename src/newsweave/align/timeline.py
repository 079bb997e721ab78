"""Timelines: dated happenings per story, merged across the outlets that report them.

Each resolved time expression in an article (`Article.dates`) anchors the sentence it stands in.
Within a story, anchored sentences with the same date value that say much the same thing
(embedding similarity) become one entry whose evidence lists every outlet's sentence. Event time
(the entry's `date`) is kept apart from report time (`reported`: when those articles came out).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

import numpy as np

from newsweave.align.sentences import sentence_around
from newsweave.embed import get_embedder
from newsweave.model import Article, DateMention, Evidence, Story, TimelineEntry

# Two sentences dated the same day are the same happening when their embeddings are at least this
# close. Set from the seed corpus' 14 Dec sentences (0.55-0.75 between outlets describing the
# Electoral College vote; < 0.35 for unrelated sentences dated the same day); re-check the seed
# timeline test when changing it.
SAME_HAPPENING = 0.5
# A story rarely needs more dated entries than this to be readable; the rest are the least
# supported (fewest independent voices).
MAX_ENTRIES_PER_STORY = 20
TIMELINE_PRECISIONS = {"day", "month", "year"}


@dataclass(frozen=True, slots=True, kw_only=True)
class TimelineConfig:
    same_happening: float = SAME_HAPPENING
    max_entries_per_story: int = MAX_ENTRIES_PER_STORY


@dataclass(slots=True)
class _Anchor:
    date: str
    precision: str
    evidence: Evidence
    voice: str
    published: str | None


def _anchors(article: Article, voice: str) -> list[_Anchor]:
    out = []
    seen: set[tuple[str, tuple[int, int]]] = set()
    for mention in article.dates:
        if not _usable(mention):
            continue
        start, end = sentence_around(article.text, mention.span[0], mention.span[1])
        key = (str(mention.value), (start, end))
        if key in seen:
            continue
        seen.add(key)
        evidence = Evidence(article_id=article.id, text=article.text[start:end], span=(start, end))
        out.append(
            _Anchor(str(mention.value), str(mention.precision), evidence, voice, article.published)
        )
    # A sentence that names a day is about that day; its coarser mentions ("in November") are
    # background to it, not happenings of their own.
    day_sentences = {a.evidence.span for a in out if a.precision == "day"}
    return [a for a in out if a.precision == "day" or a.evidence.span not in day_sentences]


def _usable(mention: DateMention) -> bool:
    return mention.value is not None and mention.precision in TIMELINE_PRECISIONS


def _merge_same_date(anchors: list[_Anchor], threshold: float) -> list[list[_Anchor]]:
    """Group anchors of one date whose sentences say much the same (greedy, in a fixed order)."""
    anchors = sorted(anchors, key=lambda a: (a.evidence.article_id, a.evidence.span))
    vectors = get_embedder().embed([a.evidence.text for a in anchors])
    groups: list[list[int]] = []
    for index in range(len(anchors)):
        best, best_score = None, threshold
        for number, group in enumerate(groups):
            score = float(np.max(vectors[group] @ vectors[index]))
            if score >= best_score:
                best, best_score = number, score
        if best is None:
            groups.append([index])
        else:
            groups[best].append(index)
    return [[anchors[i] for i in group] for group in groups]


def _entry(group: list[_Anchor], story_id: str) -> TimelineEntry:
    # The shortest sentence usually states the happening most directly.
    representative = min(group, key=lambda a: (len(a.evidence.text), a.evidence.article_id))
    evidence = tuple(sorted((a.evidence for a in group), key=lambda e: (e.article_id, e.span)))
    reported = tuple(sorted({a.published for a in group if a.published}))
    return TimelineEntry(
        date=representative.date,
        precision=representative.precision,  # type: ignore[arg-type]
        text=representative.evidence.text,
        evidence=evidence,
        story_id=story_id,
        reported=reported,
    )


def build_timeline(
    stories: Sequence[Story],
    articles: Mapping[str, Article],
    *,
    voices: Mapping[str, str] | None = None,
    config: TimelineConfig | None = None,
) -> tuple[TimelineEntry, ...]:
    """Every story's dated happenings, merged across outlets, ordered by story then date."""
    config = config or TimelineConfig()
    voices = voices or {}
    out: list[TimelineEntry] = []
    for story in sorted(stories, key=lambda s: s.id):
        by_date: dict[str, list[_Anchor]] = defaultdict(list)
        for article_id in story.article_ids:
            article = articles.get(article_id)
            if article is None:
                continue
            for anchor in _anchors(article, voices.get(article_id, article_id)):
                by_date[anchor.date].append(anchor)
        groups = [
            group
            for anchors in by_date.values()
            for group in _merge_same_date(anchors, config.same_happening)
        ]
        # Month and year mentions from one voice are mostly background ("the 2016 election",
        # "last December"); a story's own happenings are dated to the day or told by several.
        groups = [g for g in groups if g[0].precision == "day" or len({a.voice for a in g}) > 1]
        # Keep the best-supported entries: most independent voices, then most evidence.
        groups.sort(key=lambda g: (-len({a.voice for a in g}), -len(g), g[0].date))
        kept = groups[: config.max_entries_per_story]
        entries = [_entry(g, story.id) for g in kept]
        out.extend(sorted(entries, key=lambda e: (e.date, e.text)))
    return tuple(out)
