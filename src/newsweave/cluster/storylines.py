"""Storylines: stories that continue one another (a reaction days later, a follow-up, a reversal).

Two stories continue one another when they share their *central* named things (the heaviest
entries of each story's name profile: who and where) and are about the same matter (cosine of
their mean lede vectors), and lie within `storyline_max_gap_days` of each other. Stories are
grouped by average linkage on that score (each story counts once, however many articles it has),
so one shared name - "Putin" - does not chain every story that mentions it into one line.
A storyline may hold a single story. Each story after the first carries a `StoryLink` to the
earlier story of its line it is closest to: the central names and words they share, the days
between them and the score, so a reader sees why they were put together.

Storyline id: `content_id("l", id of its earliest story)` (earliest start, then smallest id).
"""

from __future__ import annotations

import dataclasses
from collections import Counter
from collections.abc import Callable, Mapping, Sequence

import numpy as np
import numpy.typing as npt

from newsweave.cluster.features import _WORD, _light_stem, extract_features, is_headline_like
from newsweave.cluster.incremental import StoryIndex
from newsweave.cluster.linkage import agglomerate, candidate_pairs, content_linkage
from newsweave.cluster.profiles import NO_DAY, Profile, add_into, range_gap, tfidf_unit
from newsweave.cluster.stories import StoryConfig
from newsweave.cluster.titles import TitleCandidate, best_title, rank_candidates
from newsweave.ids import content_id
from newsweave.model import Article, Story, Storyline, StoryLink

# A story's central names: the heaviest few of its name profile (who and where). A design
# choice, not tuned: beyond a handful the profile fills with names mentioned in passing.
CENTRAL_ENTITIES = 8
# Blocking for story pairs: stories sharing one of their central names are compared.
MAX_STORY_BLOCK = 500
# How many shared names and words a link shows (a display choice).
SHARED_SHOWN = 5
# Shared words are stems ("specy", "sentenc"): a link shows each as its members write it most
# often, read from the title and the start of a few member articles per story (bounded work).
SURFACE_ARTICLES = 5
SURFACE_CHARS = 3_000


@dataclasses.dataclass(frozen=True, slots=True)
class _StoryShape:
    vector: npt.NDArray[np.float64]
    entities: dict[str, float]
    first_day: int | None
    last_day: int | None
    terms: dict[str, float] = dataclasses.field(default_factory=dict)


def _shapes_from_index(stories: Sequence[Story], index: StoryIndex) -> dict[str, _StoryShape]:
    stored = {s.id: s for s in index}
    shapes: dict[str, _StoryShape] = {}
    for story in stories:
        item = stored.get(story.id)
        if item is not None:
            shapes[story.id] = _StoryShape(
                item.vector, dict(item.entities), item.first_day, item.last_day, dict(item.terms)
            )
    return shapes


def _shapes_from_articles(
    stories: Sequence[Story], articles: Sequence[Article], config: StoryConfig
) -> dict[str, _StoryShape]:
    by_id = {a.id: a for a in articles}
    wanted = sorted({i for s in stories for i in s.article_ids if i in by_id})
    extracted = {f.id: (f, v) for f, v in extract_features([by_id[i] for i in wanted])}
    df: Counter[str] = Counter()
    df_terms: Counter[str] = Counter()
    for features, _ in extracted.values():
        df.update(e for e, _ in features.entities)
        df_terms.update(t for t, _ in features.terms)
    shapes: dict[str, _StoryShape] = {}
    for story in stories:
        parts = [extracted[i] for i in story.article_ids if i in extracted]
        if not parts:
            continue
        vector = np.sum([np.asarray(v, dtype=np.float64) for _, v in parts], axis=0)
        entities: dict[str, float] = {}
        terms: dict[str, float] = {}
        for features, _ in parts:
            add_into(
                entities,
                tfidf_unit(features.entities, df, len(extracted), top=config.top_entities),
            )
            add_into(
                terms, tfidf_unit(features.terms, df_terms, len(extracted), top=config.top_terms)
            )
        days = [f.day for f, _ in parts if f.day is not None]
        shapes[story.id] = _StoryShape(
            vector, entities, min(days) if days else None, max(days) if days else None, terms
        )
    return shapes


def _story_profile(story: Story, shape: _StoryShape) -> Profile:
    norm = float(np.linalg.norm(shape.vector))
    ranked = sorted(shape.entities.items(), key=lambda kv: (-kv[1], kv[0]))[:CENTRAL_ENTITIES]
    total = float(np.sqrt(sum(w * w for _, w in ranked)))
    central = {e: w / total for e, w in ranked} if total > 0 else {}
    start = NO_DAY if shape.first_day is None else shape.first_day
    return Profile(
        founder=story.id,
        founder_key=(1, start, story.id),
        members=[story.id],
        vector=shape.vector / norm if norm > 0 else shape.vector.copy(),
        entities=central,
        first_day=shape.first_day,
        last_day=shape.last_day,
    )


def link_storylines(
    stories: Sequence[Story],
    articles: Sequence[Article],
    *,
    config: StoryConfig | None = None,
    index: StoryIndex | None = None,
) -> tuple[tuple[Story, ...], tuple[Storyline, ...]]:
    """Stories with `storyline_id` set, and the storylines (sorted by id).

    With `index` (from `cluster_stories`) the stories' stored vectors are used; otherwise the
    member articles are embedded again.
    """
    config = config or StoryConfig()
    stories = sorted(stories, key=lambda s: s.id)
    shapes = _shapes_from_index(stories, index) if index is not None else {}
    missing = [s for s in stories if s.id not in shapes]
    if missing:
        shapes.update(_shapes_from_articles(missing, articles, config))
    profiles = [_story_profile(s, shapes[s.id]) for s in stories if s.id in shapes]
    keys = [[f"e:{e}" for e in p.entities] for p in profiles]
    pairs = candidate_pairs(keys, max_block=MAX_STORY_BLOCK)

    def content(a: Profile, b: Profile) -> float:
        return content_linkage(
            a,
            b,
            embed=config.storyline_weight_embed,
            terms=0.0,
            entities=config.storyline_weight_entities,
        )

    def too_far(a: Profile, b: Profile, _content: float) -> float:
        # A continuation must follow within the allowance: beyond it, never linked.
        if a.first_day is None or b.first_day is None or a.last_day is None or b.last_day is None:
            return 0.0
        gap = max(0, b.first_day - a.last_day, a.first_day - b.last_day)
        return 0.0 if gap <= config.storyline_max_gap_days else 2.0

    lines = agglomerate(
        profiles, pairs, content=content, penalty=too_far, threshold=config.storyline_threshold
    )
    by_story = {s.id: s for s in stories}
    by_article = {a.id: a for a in articles}

    words_of: dict[str, list[tuple[str, str]]] = {}

    def story_words(story_id: str) -> list[tuple[str, str]]:
        """(stem, word) of the titles and starts of a few of the story's articles, where shared
        words are read; each story's read once (a story is the earlier side of many links: at
        10,000 articles reading them again for every link was most of the storylines' CPU)."""
        found = words_of.get(story_id)
        if found is None:
            members = sorted(a for a in by_story[story_id].article_ids if a in by_article)
            chosen = [by_article[a] for a in members[:SURFACE_ARTICLES]]
            found = _stemmed_words([f"{a.title}\n{a.text[:SURFACE_CHARS]}" for a in chosen])
            words_of[story_id] = found
        return found

    # `agglomerate` merged `profiles` in place: the links compare the stories themselves.
    profile_of = {s.id: _story_profile(s, shapes[s.id]) for s in stories if s.id in shapes}
    line_of: dict[str, str] = {}
    storylines: list[Storyline] = []
    for line in lines:
        line_id = content_id("l", line.founder)
        members = sorted(line.members)
        candidates = _title_candidates([by_story[m] for m in members], shapes)
        storylines.append(
            Storyline(
                id=line_id,
                title=best_title(rank_candidates(candidates, line.vector)),
                story_ids=tuple(members),
                links=_links(members, shapes, profile_of, content, story_words),
            )
        )
        line_of.update((m, line_id) for m in members)
    for story in stories:
        if story.id not in line_of:  # none of its articles was given: a storyline of its own
            line_of[story.id] = content_id("l", story.id)
            storylines.append(
                Storyline(id=line_of[story.id], title=story.title, story_ids=(story.id,))
            )
    linked = tuple(dataclasses.replace(s, storyline_id=line_of.get(s.id)) for s in stories)
    return linked, tuple(sorted(storylines, key=lambda line: line.id))


def _links(
    members: Sequence[str],
    shapes: Mapping[str, _StoryShape],
    profiles: Mapping[str, Profile],
    score: Callable[[Profile, Profile], float],
    story_words: Callable[[str], list[tuple[str, str]]],
) -> tuple[StoryLink, ...]:
    """For each story after the first (by start), the link to its closest earlier story."""
    ordered = sorted(members, key=lambda m: profiles[m].founder_key)
    links: list[StoryLink] = []
    for k, later in enumerate(ordered[1:], start=1):
        scored = [(score(profiles[e], profiles[later]), e) for e in ordered[:k]]
        best, earlier = max(scored, key=lambda se: (se[0], se[1]))
        a, b = shapes[earlier], shapes[later]
        gap = range_gap(a.first_day, a.last_day, b.first_day, b.last_day)
        stems = _shared(a.terms, b.terms)
        written = _surface(stems, [*story_words(earlier), *story_words(later)]) if stems else {}
        words = [written.get(stem, stem) for stem in stems]
        links.append(
            StoryLink(
                story_ids=(earlier, later),
                shared=tuple(dict.fromkeys((*_shared(a.entities, b.entities), *words))),
                gap_days=gap,
                similarity=round(best, 4),
            )
        )
    return tuple(links)


def _shared(a: Mapping[str, float], b: Mapping[str, float]) -> list[str]:
    """The keys both sparse vectors weigh most (by product of weights), heaviest first."""
    common = sorted(((a[k] * b[k], k) for k in a.keys() & b.keys()), key=lambda wk: (-wk[0], wk[1]))
    return [k for _, k in common[:SHARED_SHOWN]]


def surface_words(stems: Sequence[str], texts: Sequence[str]) -> dict[str, str]:
    """For each of `stems` found in `texts`, the word as written most often (ties: the
    alphabetically first), lower-cased as the story features count it."""
    return _surface(stems, _stemmed_words(texts) if stems else [])


def _stemmed_words(texts: Sequence[str]) -> list[tuple[str, str]]:
    """(stem, word) of every word of `texts` of 2 characters or more, lower-cased as the story
    features count it."""
    out: list[tuple[str, str]] = []
    for text in texts:
        for word in _WORD.findall(text):
            token = word.lower().replace("’", "'")
            token = token.removesuffix("'s")
            if len(token) >= 2:
                out.append((_light_stem(token), token))
    return out


def _surface(stems: Sequence[str], words: Sequence[tuple[str, str]]) -> dict[str, str]:
    """`surface_words` of texts read into (stem, word) by `_stemmed_words`."""
    wanted = set(stems)
    counts: dict[str, Counter[str]] = {}
    for stem, token in words if wanted else ():
        if stem in wanted:
            counts.setdefault(stem, Counter())[token] += 1
    return {
        stem: min(seen.items(), key=lambda kv: (-kv[1], kv[0]))[0] for stem, seen in counts.items()
    }


def _title_candidates(
    stories: Sequence[Story], shapes: Mapping[str, _StoryShape]
) -> list[TitleCandidate]:
    out: list[TitleCandidate] = []
    for story in stories:
        vector = shapes[story.id].vector
        norm = float(np.linalg.norm(vector))
        unit = vector / norm if norm > 0 else vector
        out.append(
            TitleCandidate(
                # The tie-break: two stories are always equally close to the sum of their unit
                # vectors, so a two-story storyline's title comes down to this key. A story's
                # id is not it: an ingest keeps a stored story's id (`stories._stable_ids`),
                # so the same stories would be titled otherwise than by one run.
                article_id=min(story.article_ids, default=story.id),
                title=story.title,
                headline_like=is_headline_like(story.title),
                vector=tuple(float(x) for x in unit),
            )
        )
    return out
