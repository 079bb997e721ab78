"""Disagreements between the stories of one storyline: one matter that clustering told as two.

Conflicts are found story by story (`align.claims`), so two outlets that tell one thing two ways
in articles that clustering put in two stories are never compared (issue 11, session 24: 9 of
the 86 labelled disagreements the report missed lay in two stories, e.g. a rule's March
memorandum and its April letters, a death's first reports and its obituaries). The storyline
stage has already linked those stories as one continuing matter; here the conflict rules
(`find_conflicts`, those of the bases below; not the typed slots, which need the story's
sentence vectors) run over the claim sentences of each storyline's stories together, and a
conflict is kept only when
no one story holds two of its positions (those are that story's own rules' business, found
there already). The stories of a storyline are told at different moments (a shooting, then the
trial two years on), so only what time does not change is compared across them
(`STABLE_BASES`): how a name is written, when a thing happened or began, how and where a person
died, an address. An age, a count, a running total, a state or a time of day may be another
moment's or another happening's (ECB+ 16_ecbplus: a suspect 27 when sought, 29 when convicted,
two stories of one storyline). Updates (a figure changing over days) are left to each story's
timeline. A conflict found here belongs to the story that holds most of its sentences; it marks
no claim disputed (the claims are each story's). Each storyline is compared by itself
(`conflicts_of_storyline`), so an `ingest` keeps the conflicts of those whose stories did not
change (`align.stage._storyline_conflicts`).
"""

from __future__ import annotations

import dataclasses
from collections import defaultdict
from collections.abc import Mapping, Sequence

from newsweave.align.conflict_base import ConflictConfig, Statement
from newsweave.align.conflicts import find_conflicts
from newsweave.model import Article, Claim, Conflict, Storyline

__all__ = [
    "MAX_STORYLINE_SENTENCES",
    "STABLE_BASES",
    "StorylineStory",
    "conflicts_of_storyline",
    "merged_conflicts",
    "storyline_conflicts",
    "storyline_stories",
]

# What stays true from one story of a storyline to the next (see the module's docstring).
STABLE_BASES = frozenset({"name", "date", "death", "place"})

# A storyline with more claim sentences than this is not compared across its stories: the
# rules compare sentences in pairs, and a long-running storyline (a season, a campaign) holds
# many happenings whose figures are no one thing. Each of its stories is still compared alone.
MAX_STORYLINE_SENTENCES = 2_000

# One story of a storyline as its comparison reads it: the story's id and, for each of its
# claims, the claim's cited sentences of articles the corpus holds, each with its article's
# voice and publication date.
StorylineStory = tuple[str, tuple[tuple[Statement, ...], ...]]


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
    groups = storyline_stories(storylines, claims, articles, voices)
    return merged_conflicts(
        {
            line: conflicts_of_storyline(line, stories, config=config)
            for line, stories in groups.items()
        }
    )


def storyline_stories(
    storylines: Sequence[Storyline],
    claims: Sequence[Claim],
    articles: Mapping[str, Article],
    voices: Mapping[str, str],
) -> dict[str, list[StorylineStory]]:
    """What `conflicts_of_storyline` reads of each storyline of two or more stories with
    claims, by storyline id (in id order): its stories in id order."""
    claims_of: dict[str, list[Claim]] = defaultdict(list)
    for claim in claims:
        claims_of[claim.story_id].append(claim)

    def statements(claim: Claim) -> tuple[Statement, ...]:
        out = []
        for evidence in claim.support:
            article = articles.get(evidence.article_id)
            if article is not None:
                voice = voices.get(article.id, article.id)
                out.append(Statement(evidence, voice, article.published))
        return tuple(out)

    groups: dict[str, list[StorylineStory]] = {}
    for line in sorted(storylines, key=lambda s: s.id):
        stories = sorted({s for s in line.story_ids if s in claims_of})
        if len(stories) >= 2:
            groups[line.id] = [
                (story, tuple(statements(claim) for claim in claims_of[story])) for story in stories
            ]
    return groups


def conflicts_of_storyline(
    line_id: str, stories: Sequence[StorylineStory], *, config: ConflictConfig, rules: str = ""
) -> tuple[Conflict, ...]:
    """The cross-story conflicts of one storyline (a per-storyline product, `newsweave.products`;
    `rules`: a hash of the rules' source, read by the product key only), sorted by id: a pure
    function of its stories' claim sentences, so a storyline whose stories' claims did not
    change need not be compared again."""
    statements: list[Statement] = []
    labels: list[int] = []
    home: dict[tuple[str, tuple[int, int]], str] = {}
    label = 0
    for story_id, claims in stories:
        for said in claims:
            for statement in said:
                key = (statement.evidence.article_id, statement.evidence.span)
                if key in home:
                    continue
                home[key] = story_id
                statements.append(statement)
                labels.append(label)
            label += 1
    if len(statements) > MAX_STORYLINE_SENTENCES:
        return ()
    ids = [story_id for story_id, _ in stories]
    out: dict[str, Conflict] = {}
    for conflict in find_conflicts(line_id, statements, labels, config=config, bases=STABLE_BASES):
        if conflict.kind == "update":
            continue
        held = [{home[(e.article_id, e.span)] for e in value.evidence} for value in conflict.values]
        if any(sum(story in h for h in held) > 1 for story in ids):
            continue
        counts: dict[str, int] = defaultdict(int)
        first: dict[str, tuple[str, tuple[int, int]]] = {}
        for value in conflict.values:
            for e in value.evidence:
                key = (e.article_id, e.span)
                story = home[key]
                counts[story] += 1
                first[story] = min(first.get(story, key), key)
        # Ties go to the story citing the first sentence, not to the smaller story id: an ingest
        # keeps a stored story's id (`stories._stable_ids`), one run would name it otherwise.
        owner = min(counts, key=lambda s: (-counts[s], first[s]))
        out[conflict.id] = dataclasses.replace(conflict, story_id=owner)
    return tuple(out[k] for k in sorted(out))


def merged_conflicts(found: Mapping[str, Sequence[Conflict]]) -> tuple[Conflict, ...]:
    """The conflicts of every storyline (`conflicts_of_storyline`, by storyline id), sorted by
    id (a conflict's id names its storyline: no two storylines give one)."""
    out: dict[str, Conflict] = {}
    for line in sorted(found):
        out.update((conflict.id, conflict) for conflict in found[line])
    return tuple(out[k] for k in sorted(out))
