"""Disagreements between the stories of one storyline: one matter that clustering told as two.

Conflicts are found story by story (`align.claims`), so two outlets that tell one thing two ways
in articles that clustering put in two stories are never compared (issue 11, session 24: 9 of
the 86 labelled disagreements the report missed lay in two stories, e.g. a rule's March
memorandum and its April letters, a death's first reports and its obituaries). The storyline
stage has already linked those stories as one continuing matter; here the conflict rules
(`find_conflicts`, every rule but the typed slots, which need the story's sentence vectors) run
over the claim sentences of each storyline's stories together, and a conflict is kept only when
no one story holds two of its positions (those are that story's own rules' business, found
there already). The stories of a storyline are told at different moments (a shooting, then the
trial two years on), so only what time does not change is compared across them
(`STABLE_BASES`): how a name is written, when a thing happened or began, how and where a person
died, an address. An age, a count, a running total, a state or a time of day may be another
moment's or another happening's (ECB+ 16_ecbplus: a suspect 27 when sought, 29 when convicted,
two stories of one storyline). Updates (a figure changing over days) are left to each story's
timeline. A conflict found here belongs to the story that holds most of its sentences; it marks
no claim disputed (the claims are each story's).
"""

from __future__ import annotations

import dataclasses
from collections import defaultdict
from collections.abc import Mapping, Sequence

from newsweave.align.conflict_base import ConflictConfig, Statement
from newsweave.align.conflicts import find_conflicts
from newsweave.model import Article, Claim, Conflict, Storyline

__all__ = ["MAX_STORYLINE_SENTENCES", "STABLE_BASES", "storyline_conflicts"]

# What stays true from one story of a storyline to the next (see the module's docstring).
STABLE_BASES = frozenset({"name", "date", "death", "place"})

# A storyline with more claim sentences than this is not compared across its stories: the
# rules compare sentences in pairs, and a long-running storyline (a season, a campaign) holds
# many happenings whose figures are no one thing. Each of its stories is still compared alone.
MAX_STORYLINE_SENTENCES = 2_000


def storyline_conflicts(
    storylines: Sequence[Storyline],
    claims: Sequence[Claim],
    articles: Mapping[str, Article],
    voices: Mapping[str, str],
    *,
    config: ConflictConfig,
) -> tuple[Conflict, ...]:
    """The conflicts and corrections between the stories of each storyline, sorted by id.

    `voices` maps an article id to its independent voice (unmapped: its own)."""
    claims_of: dict[str, list[Claim]] = defaultdict(list)
    for claim in claims:
        claims_of[claim.story_id].append(claim)
    out: dict[str, Conflict] = {}
    for line in sorted(storylines, key=lambda s: s.id):
        stories = sorted({s for s in line.story_ids if s in claims_of})
        if len(stories) < 2:
            continue
        statements: list[Statement] = []
        labels: list[int] = []
        home: dict[tuple[str, tuple[int, int]], str] = {}
        label = 0
        for story_id in stories:
            for claim in claims_of[story_id]:
                for evidence in claim.support:
                    key = (evidence.article_id, evidence.span)
                    article = articles.get(evidence.article_id)
                    if key in home or article is None:
                        continue
                    home[key] = story_id
                    voice = voices.get(article.id, article.id)
                    statements.append(Statement(evidence, voice, article.published))
                    labels.append(label)
                label += 1
        if len(statements) > MAX_STORYLINE_SENTENCES:
            continue
        for conflict in find_conflicts(line.id, statements, labels, config=config):
            if conflict.kind == "update" or conflict.basis not in STABLE_BASES:
                continue
            held = [
                {home[(e.article_id, e.span)] for e in value.evidence} for value in conflict.values
            ]
            if any(sum(story in h for h in held) > 1 for story in stories):
                continue
            counts: dict[str, int] = defaultdict(int)
            for value in conflict.values:
                for e in value.evidence:
                    counts[home[(e.article_id, e.span)]] += 1
            owner = min(counts, key=lambda s: (-counts[s], s))
            out[conflict.id] = dataclasses.replace(conflict, story_id=owner)
    return tuple(out[k] for k in sorted(out))
