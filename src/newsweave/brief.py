"""Briefs: a short cited summary per story, led by what most independent voices corroborate.

Extractive on purpose: every sentence of a brief is a claim sentence as it stands in a source
(so no statement can appear that no source makes), except the one templated sentence per
conflict, which only names values the sources state ("Outlets differ on the electoral votes for
Joe Biden: 306 (PEOPLE) vs 302 (Sputnik)."). Each sentence cites the articles it comes from.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

import numpy as np

from newsweave.embed import get_embedder
from newsweave.executors import Executor
from newsweave.model import (
    Article,
    Claim,
    Conflict,
    Story,
    Summary,
    SummarySentence,
    source_label,
)
from newsweave.pipeline import Corpus, isolate

# Selection weights, set by reading briefs of the seed corpus and of ECB+ dev stories: support by
# independent voices dominates; position and length only break ties between equally supported
# claims. Re-read the seed brief (tests/test_brief.py) when changing them.
VOICE_WEIGHT = 1.0
LEDE_BONUS = 0.3  # a claim from an article's first paragraphs states the news, not background
REDUNDANT = 0.72  # cosine above which a candidate repeats a chosen sentence
MIN_WORDS, MAX_WORDS = 8, 45
_PRONOUN_START = re.compile(
    r"^[\"“'‘]?(He|She|It|They|This|That|These|Those|His|Her|Their|Its|We|I)\b"
)


@dataclass(frozen=True, slots=True, kw_only=True)
class BriefConfig:
    max_sentences: int = 6
    max_conflicts: int = 2


def _conflict_sentence(conflict: Conflict, articles: Mapping[str, Article]) -> SummarySentence:
    parts = []
    cited: list[str] = []
    for value in conflict.values:
        outlets = sorted(
            {
                source_label(articles[e.article_id])
                for e in value.evidence
                if e.article_id in articles
            }
        )
        cited += [e.article_id for e in value.evidence]
        parts.append(f"{value.value} ({', '.join(outlets)})" if outlets else value.value)
    text = f"Outlets differ on the {conflict.topic}: {' vs '.join(parts)}."
    return SummarySentence(text=text, article_ids=tuple(sorted(set(cited))))


def _score(claim: Claim, articles: Mapping[str, Article], voices: Mapping[str, str]) -> float:
    support_voices = {voices.get(e.article_id, e.article_id) for e in claim.support}
    first = min(claim.support, key=lambda e: e.span[0])
    article = articles.get(first.article_id)
    lede = 0.0
    if article is not None:
        paragraph_index = article.text.count("\n\n", 0, first.span[0])
        lede = LEDE_BONUS if paragraph_index < 3 else 0.0
    return VOICE_WEIGHT * len(support_voices) + lede


def _briefable(conflict: Conflict) -> bool:
    """A true value conflict whose topic and values read well in one templated sentence.

    Negation and hedge disagreements ("affirmed" vs "negated") have a whole sentence as topic;
    the report shows them side by side, a one-line template would garble them.
    """
    short_values = all(len(v.value.split()) <= 4 for v in conflict.values)
    return (
        conflict.kind == "conflict"
        and short_values
        and len(conflict.topic.split()) <= 12
        and (not {v.value for v in conflict.values} & {"affirmed", "negated"})
    )


def _eligible(claim: Claim) -> bool:
    words = len(claim.text.split())
    if not MIN_WORDS <= words <= MAX_WORDS:
        return False
    # A sentence opening with a pronoun leans on a sentence the brief does not show.
    return not _PRONOUN_START.match(claim.text)


def summarize_story(
    story: Story,
    claims: Sequence[Claim],
    conflicts: Sequence[Conflict],
    articles: Mapping[str, Article],
    *,
    voices: Mapping[str, str],
    config: BriefConfig | None = None,
) -> Summary:
    """The brief of one story from its claims and conflicts."""
    config = config or BriefConfig()
    candidates = sorted(
        (c for c in claims if c.status != "disputed" and _eligible(c)),
        key=lambda c: (-_score(c, articles, voices), c.id),
    )
    vectors = get_embedder().embed([c.text for c in candidates]) if candidates else None
    chosen: list[int] = []
    for index in range(len(candidates)):
        if len(chosen) >= config.max_sentences:
            break
        if (
            vectors is not None
            and chosen
            and float(np.max(vectors[chosen] @ vectors[index])) > REDUNDANT
        ):
            continue
        chosen.append(index)
    sentences = [
        SummarySentence(
            text=candidates[i].text,
            article_ids=tuple(sorted({e.article_id for e in candidates[i].support})),
        )
        for i in chosen
    ]
    real_conflicts = [c for c in conflicts if _briefable(c)][: config.max_conflicts]
    conflict_sentences = [_conflict_sentence(c, articles) for c in real_conflicts]
    # Lead with the best-corroborated sentence, then say what is disputed, then the rest.
    ordered = sentences[:1] + conflict_sentences + sentences[1:]
    if not ordered:
        ordered = _lede_fallback(story, articles)
    return Summary(story_id=story.id, sentences=tuple(ordered))


def _lede_fallback(story: Story, articles: Mapping[str, Article]) -> list[SummarySentence]:
    """Without claims, the first paragraph of the story's best-described article."""
    members = [articles[i] for i in story.article_ids if i in articles]
    if not members:
        return []
    article = max(members, key=lambda a: (len(a.text), a.id))
    first = article.text.split("\n\n", 1)[0].strip()
    return [SummarySentence(text=first, article_ids=(article.id,))] if first else []


def write_briefs(
    stories: Sequence[Story],
    claims: Sequence[Claim],
    conflicts: Sequence[Conflict],
    articles: Mapping[str, Article],
    *,
    voices: Mapping[str, str],
    config: BriefConfig | None = None,
) -> tuple[Summary, ...]:
    """One brief per story, in story order."""
    claims_of: dict[str, list[Claim]] = {}
    for claim in claims:
        claims_of.setdefault(claim.story_id, []).append(claim)
    conflicts_of: dict[str | None, list[Conflict]] = {}
    for conflict in conflicts:
        conflicts_of.setdefault(conflict.story_id, []).append(conflict)
    return tuple(
        summarize_story(
            story,
            claims_of.get(story.id, []),
            conflicts_of.get(story.id, []),
            articles,
            voices=voices,
            config=config,
        )
        for story in stories
    )


@dataclass(slots=True, kw_only=True)
class BriefStage:
    """One cited brief per story, from its claims and conflicts."""

    config: BriefConfig = field(default_factory=BriefConfig)
    name: str = "brief"
    requires: tuple[str, ...] = ("claims", "conflicts", "quotes", "timeline")
    provides: tuple[str, ...] = ("summaries",)

    def run(self, corpus: Corpus, executor: Executor) -> Corpus:
        from newsweave.align.stage import story_source

        by_id = {a.id: a for a in corpus.articles}

        def briefs(stories: list[Story]) -> tuple[Summary, ...]:
            return write_briefs(
                stories,
                corpus.claims,
                corpus.conflicts,
                by_id,
                voices=corpus.voices,
                config=self.config,
            )

        found, problems = isolate(self.name, corpus.stories, briefs, source_of=story_source)
        return corpus.evolve(summaries=found, problems=corpus.problems + tuple(problems))
