"""Claims across outlets: split articles into statements, align the ones that say the same thing,
and tell corroborated from single-source and disputed.

Per story (candidate blocking: claims never align across stories):
1. split each article into claim sentences (`sentences.split_claims`) and embed them - once per
   article, in `executor.map_partitions`, the expensive part;
2. find candidates by embedding cosine, top-k neighbours per claim, in row chunks so memory stays
   linear in the story size (never a full corpus-wide matrix);
3. score candidates with `same_statement` (cosine + story-IDF-weighted word overlap + numbers,
   number clashes neutral: a clash on the same quantity is a dispute, not another statement);
4. merge pairs above the threshold, best first, into groups (a merge also needs the average
   cosine between the two groups to stay high, which stops chains of loosely related sentences);
5. status from independent voices and typed comparison (`conflicts`).
"""

from __future__ import annotations

import functools
import re
from collections import defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

from newsweave.align.conflicts import (
    ConflictConfig,
    Statement,
    disputed_statements,
    find_conflicts,
)
from newsweave.align.sentences import split_claims
from newsweave.align.similarity import (
    SimilarityConfig,
    TermWeights,
    TextFeatures,
    combine,
    lexical_overlap,
    number_agreement,
    term_weights,
    text_features,
)
from newsweave.embed import get_embedder
from newsweave.executors import Executor, LocalExecutor
from newsweave.ids import content_id
from newsweave.model import Article, Claim, ClaimStatus, Conflict, Evidence, Story, record

Vectors = npt.NDArray[np.float32]

# Claims alignment keeps number clashes neutral: "306-232" and "302 electoral votes" are the same
# claim told with different figures, which the typed comparison then marks disputed.
ALIGNMENT_SIMILARITY = SimilarityConfig(number_clash_penalty=0.0)


@record
class ClaimConfig:
    """Options of claim alignment."""

    similarity: SimilarityConfig = ALIGNMENT_SIMILARITY
    # Score above which two claims align. The NAnCo-frozen threshold (0.32) is for short
    # answers to one question; whole sentences of one story share far more (names, setting):
    # in the seed story, cross-outlet pairs that a reader judges the same statement score
    # 0.55-0.83, related-but-different ones 0.45-0.60. 0.55 keeps most of the first and the
    # centroid rule below removes most of the rest. Re-check `tests/align/test_claims.py`.
    threshold: float = 0.55
    # Candidate neighbours per claim (by cosine). Exact copies of an article take slots; groups
    # still merge transitively through them, so 16 suffices at 1,000 articles per story.
    neighbours: int = 16
    # Pairs below this cosine are never scored: the blend cannot reach `threshold` from below
    # it unless the words coincide almost entirely (0.7 * 0.25 + 0.3 + bonus < 0.5).
    min_cosine: float = 0.25
    # A merge needs the mean cosine over all cross pairs of the two groups (average link,
    # computed from vector sums) to reach this; stops chains A~B~C where A and C differ.
    # Set on the seed story: at 0.60 "Putin sent congratulations" and "the Kremlin would wait
    # for the official result" became one claim; at 0.65 they stay apart while the paraphrase
    # groups (average cosine 0.7-0.8) keep all their outlets.
    average_link_cosine: float = 0.65
    # Rows of the cosine matrix computed at once: 512 x 30,000 float32 = 60 MB.
    chunk_rows: int = 512
    conflicts: ConflictConfig = ConflictConfig()

    def __post_init__(self) -> None:
        if self.neighbours < 1 or self.chunk_rows < 1:
            raise ValueError("ClaimConfig.neighbours and chunk_rows must be at least 1")
        if not 0.0 <= self.threshold <= 1.0:
            raise ValueError(f"ClaimConfig.threshold must be within [0, 1], got {self.threshold}")


@dataclass(frozen=True, slots=True)
class ArticleClaims:
    """One article's claim sentences and their embeddings (computed once per article)."""

    article_id: str
    evidence: tuple[Evidence, ...]
    vectors: Vectors


def embed_article_claims(articles: list[Article]) -> list[ArticleClaims]:
    """Partition function: split and embed the claims of a batch of articles in one model call."""
    pieces = [split_claims(article) for article in articles]
    # Copies repeat sentences verbatim: embed each distinct sentence once.
    distinct = sorted({e.text for piece in pieces for e in piece})
    row = {text: k for k, text in enumerate(distinct)}
    unique_vectors = get_embedder().embed(distinct)
    vectors = unique_vectors[[row[e.text] for piece in pieces for e in piece]]
    out: list[ArticleClaims] = []
    cursor = 0
    for article, piece in zip(articles, pieces, strict=True):
        out.append(ArticleClaims(article.id, piece, vectors[cursor : cursor + len(piece)]))
        cursor += len(piece)
    return out


def align_claims(
    stories: Sequence[Story],
    articles: Mapping[str, Article],
    *,
    voices: Mapping[str, str],
    config: ClaimConfig | None = None,
    executor: Executor | None = None,
) -> tuple[tuple[Claim, ...], tuple[Conflict, ...]]:
    """Claims of every story with their status and support, and the value conflicts found.

    `voices` maps an article id to its independent voice (copies and rewrites of one article
    share a voice); unmapped articles are their own voice, or their original's when `copy_of` is
    set. Articles a story names but `articles` lacks are skipped. The result is sorted and does
    not depend on the order of `stories`, of their article ids, or of `articles`.
    """
    config = config or ClaimConfig()
    executor = executor or LocalExecutor()
    wanted = sorted({aid for story in stories for aid in story.article_ids if aid in articles})
    embedded = executor.map_partitions(embed_article_claims, [articles[a] for a in wanted])
    by_article = {item.article_id: item for item in embedded}
    groups: dict[str, list[object]] = {}
    for story in sorted(stories, key=lambda s: s.id):
        members = sorted({a for a in story.article_ids if a in by_article})
        groups[story.id] = [
            (story.title, by_article[a], _voice(articles[a], voices), articles[a].published)
            for a in members
        ]
    results = executor.reduce_groups(functools.partial(_align_story, config=config), groups)
    claims = tuple(c for sid in sorted(results) for c in results[sid][0])
    conflicts = tuple(c for sid in sorted(results) for c in results[sid][1])
    return claims, conflicts


def _voice(article: Article, voices: Mapping[str, str]) -> str:
    if article.id in voices:
        return voices[article.id]
    if article.copy_of is not None:
        return voices.get(article.copy_of.article_id, article.copy_of.article_id)
    return article.id


def _align_story(
    story_id: str, members: list[object], *, config: ClaimConfig
) -> tuple[tuple[Claim, ...], tuple[Conflict, ...]]:
    """Group one story's claims and decide their status (a reduce_groups function)."""
    title = ""
    evidence: list[Evidence] = []
    parts: list[Vectors] = []
    voice_of: dict[str, str] = {}
    published: dict[str, str | None] = {}
    for member in members:
        assert isinstance(member, tuple)
        title, item, voice, date = member
        assert isinstance(item, ArticleClaims)
        evidence.extend(item.evidence)
        parts.append(item.vectors)
        voice_of[item.article_id] = voice
        published[item.article_id] = date
    if not evidence:
        return (), ()
    vectors = np.concatenate(parts).astype(np.float32)
    features = [text_features(e.text) for e in evidence]
    weights = term_weights(features, topic=title or None)
    owners = np.array([hash_article(e.article_id) for e in evidence], dtype=np.int64)
    pairs = _candidate_pairs(vectors, owners, config)
    scored = _score_pairs(pairs, vectors, features, weights, config)
    labels = _merge(scored, vectors, config)
    statements = [
        Statement(evidence=e, voice=voice_of[e.article_id], published=published[e.article_id])
        for e in evidence
    ]
    conflicts = find_conflicts(story_id, statements, labels, config=config.conflicts)
    disputed_members = disputed_statements(statements, conflicts)
    claims = _build_claims(
        story_id,
        evidence=evidence,
        vectors=vectors,
        labels=labels,
        voice_of=voice_of,
        disputed_members=disputed_members,
    )
    return claims, conflicts


def hash_article(article_id: str) -> int:
    """A stable 63-bit number for an article id (for vectorized same-article masks)."""
    return int(content_id("h", article_id)[2:], 16) & 0x7FFFFFFFFFFFFFFF


def _candidate_pairs(
    vectors: Vectors, owners: npt.NDArray[np.int64], config: ClaimConfig
) -> list[tuple[int, int, float]]:
    """Top-k cosine neighbours of every claim in other articles, in row chunks; (i < j, cosine).

    Sentences of one article never align directly: an article rarely states a claim twice, and
    linking its sentences to each other would let one outlet corroborate itself.
    """
    n = len(vectors)
    k = min(config.neighbours, n - 1)
    if k < 1:
        return []
    found: dict[tuple[int, int], float] = {}
    for start in range(0, n, config.chunk_rows):
        block = vectors[start : start + config.chunk_rows] @ vectors.T
        block[owners[start : start + config.chunk_rows, None] == owners[None, :]] = -np.inf
        top = np.argpartition(-block, k - 1, axis=1)[:, :k]
        for r, cols in enumerate(top):
            i = start + r
            for j in cols.tolist():
                cosine = float(block[r, j])
                if cosine >= config.min_cosine:
                    found[(min(i, j), max(i, j))] = cosine
    return [(i, j, c) for (i, j), c in sorted(found.items())]


def _score_pairs(
    pairs: list[tuple[int, int, float]],
    vectors: Vectors,
    features: list[TextFeatures],
    weights: TermWeights,
    config: ClaimConfig,
) -> list[tuple[float, int, int]]:
    scored = []
    totals = [weights.total(f) for f in features]
    for i, j, cosine in pairs:
        score = combine(
            cosine,
            lexical_overlap(features[i], features[j], weights, totals=(totals[i], totals[j])),
            number_agreement(features[i], features[j]),
            config=config.similarity,
        )
        # Rounded: embeddings of one sentence differ in the last float bits with the batch it
        # was padded in (partitioning), which must not reorder near-equal merges.
        score = round(score, 5)
        if score > config.threshold:
            scored.append((score, i, j))
    # Best first; ties by position, which is canonical (articles sorted by id, claims by span).
    scored.sort(key=lambda s: (-s[0], s[1], s[2]))
    return scored


def _merge(
    scored: list[tuple[float, int, int]], vectors: Vectors, config: ClaimConfig
) -> list[int]:
    """Union of aligned pairs, best first, refusing merges whose groups disagree on average."""
    n = len(vectors)
    parent = list(range(n))
    sums = vectors.astype(np.float64).copy()
    sizes = [1] * n

    def find(x: int) -> int:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for _, i, j in scored:
        ri, rj = find(i), find(j)
        if ri == rj:
            continue
        a, b = sums[ri], sums[rj]
        if float(a @ b) / (sizes[ri] * sizes[rj]) < config.average_link_cosine:
            continue
        root, child = min(ri, rj), max(ri, rj)
        parent[child] = root
        sums[root] = a + b
        sizes[root] = sizes[ri] + sizes[rj]
    return [find(i) for i in range(n)]


def normalise_claim_text(text: str) -> str:
    """Case- and space-insensitive form of a claim's text, the basis of its id."""
    return re.sub(r"\s+", " ", text).strip().lower()


def _build_claims(
    story_id: str,
    *,
    evidence: list[Evidence],
    vectors: Vectors,
    labels: list[int],
    voice_of: Mapping[str, str],
    disputed_members: set[int],
) -> tuple[Claim, ...]:
    members: dict[int, list[int]] = defaultdict(list)
    for index, label in enumerate(labels):
        members[label].append(index)
    by_id: dict[str, tuple[list[int], bool]] = {}
    for indices in members.values():
        representative = _representative(indices, evidence, vectors)
        claim_id = content_id("c", story_id, normalise_claim_text(evidence[representative].text))
        # Two groups with the same representative text are one claim (the id says so).
        previous, was_disputed = by_id.get(claim_id, ([], False))
        disputed = was_disputed or any(i in disputed_members for i in indices)
        by_id[claim_id] = (sorted({*previous, *indices}), disputed)
    claims = []
    for claim_id, (indices, disputed) in by_id.items():
        support = tuple(evidence[i] for i in indices)
        representative = _representative(indices, evidence, vectors)
        distinct_voices = {voice_of[e.article_id] for e in support}
        status: ClaimStatus
        if disputed:
            status = "disputed"
        elif len(distinct_voices) >= 2:
            status = "corroborated"
        else:
            status = "single-source"
        claims.append(
            Claim(
                id=claim_id,
                story_id=story_id,
                text=evidence[representative].text,
                status=status,
                support=support,
            )
        )
    claims.sort(key=lambda c: (-len({voice_of[e.article_id] for e in c.support}), c.id))
    return tuple(claims)


def _representative(indices: list[int], evidence: list[Evidence], vectors: Vectors) -> int:
    """The member closest to the group's centroid; ties by (article id, span)."""
    if len(indices) == 1:
        return indices[0]
    centroid = vectors[indices].astype(np.float64).sum(axis=0)
    scores = vectors[indices].astype(np.float64) @ centroid
    # Rounded so that float summation order cannot flip a near tie between platforms.
    best = min(
        range(len(indices)),
        key=lambda k: (
            -round(float(scores[k]), 5),
            evidence[indices[k]].article_id,
            evidence[indices[k]].span,
        ),
    )
    return indices[best]
