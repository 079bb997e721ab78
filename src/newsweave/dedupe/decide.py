"""Copy decisions: which articles copy which, of what kind, and which one is the original.

The flow (a map step, then group steps on the driver):
1. map: one `Fingerprint` per article (`executor.map_partitions`), reusable across runs;
2. exact copies: equal normalised text;
3. near copies: LSH over 5-gram signatures; candidates screened in bulk by their estimated
   Jaccard/containment, then checked by exact shingle Jaccard or containment (a truncated copy
   is contained in its original even when Jaccard is moderate);
4. rewrites: LSH over content-word signatures (names and numbers included: they survive any
   rewording) blocks candidates, never all pairs; content overlap, length and sentence count
   prune them, then the words of their sentences (a pair where too few sentences share words
   with any sentence of the other cannot be a rewrite; `map_partitions`, one answer per pair,
   kept across runs as a product); only the articles left are embedded
   (`map_partitions` again) and aligned sentence by sentence (`rewrites.py`);
5. copy groups are the connected parts of the verified links; the group's original is the one
   credited by another member, else the earliest, else the longest, else the smallest id;
   every other member links straight to it (chains collapse).
Articles are handled in id order and every tie is broken by id, so the result depends neither
on input order nor on partition size.
"""

from __future__ import annotations

import functools
from collections.abc import Mapping, Sequence

import numpy as np
import numpy.typing as npt

from newsweave.dedupe.config import DedupeConfig
from newsweave.dedupe.fingerprints import Fingerprint, exact_key, fingerprint
from newsweave.dedupe.groups import Edge, UnionFind, choose_original, link_group
from newsweave.dedupe.lsh import Pairs, candidate_pairs
from newsweave.dedupe.minhash import Signature
from newsweave.dedupe.rewrites import (
    Vectors,
    align,
    content_words,
    embed_partition,
    split_sentences,
    word_alignment,
)
from newsweave.dedupe.shingles import Hashes, text_shingles
from newsweave.executors.base import Executor
from newsweave.executors.local import LocalExecutor
from newsweave.model import Article, CopyLink, record

# Estimated Jaccard is within ~3.4 standard errors (0.044 at 128 permutations) of the truth
# beyond this margin: candidates further below the thresholds skip the exact check.
_ESTIMATE_MARGIN = 0.15
# Candidate pairs screened per numpy block: 50k pairs x 128 permutations ~ 6 MB of booleans.
_SCREEN_CHUNK = 50_000
# Rewrite candidates per topic bucket before a bucket is reduced to a star and a chain. Larger
# than near copies' 8: a busy event puts dozens of articles in one content-word bucket, and a
# rewrite hiding among them should still meet its original.
_TOPIC_BUCKET = 32


@record
class CopyResult:
    """Copy links (copy id -> link to its group's original) and voices (every id -> original).

    `CopyLink.similarity` is 1.0 for an exact copy; for a near copy the share of the shorter
    text's 5-gram shingles found in the longer one; for a rewrite the share of sentences
    aligned on the weaker side. A copy linked through a chain (A copies B, B rewrites the
    original) gets the weakest kind and the smallest similarity on its path. `embedding`
    names the sentence embedder that checked rewrites ("none" when none ran).
    """

    links: dict[str, CopyLink]
    voices: dict[str, str]
    embedding: str = "none"


def _fingerprint_partition(
    items: list[tuple[str, str]], *, num_perm: int, topic_perm: int
) -> list[Fingerprint]:
    return [fingerprint(i, t, num_perm=num_perm, topic_perm=topic_perm) for i, t in items]


def _reusable(found: Fingerprint | None, article: Article, config: DedupeConfig) -> bool:
    return (
        found is not None
        and found.article_id == article.id
        and len(found.signature) == 8 * config.num_perm
        and len(found.topic) == 8 * config.topic_perm
        and found.exact_key == exact_key(article.text)
    )


class _Matcher:
    """Near-copy checks between articles (by index), with shingle sets built on demand."""

    def __init__(self, texts: list[str], prints: list[Fingerprint], config: DedupeConfig):
        self.prints = prints
        self.config = config
        self.shingles = functools.lru_cache(maxsize=4096)(lambda i: text_shingles(texts[i]))

    def near(self, first: int, second: int) -> float | None:
        """Containment of the shorter in the longer if the pair are near copies, else None."""
        sizes = np.array([self.prints[first].shingles, self.prints[second].shingles])
        signatures = np.stack(
            [self.prints[first].signature_array(), self.prints[second].signature_array()]
        )
        pair = np.array([[0, 1]], dtype=np.int64)
        if not _screen_near(signatures, sizes, pair, self.config)[0]:
            return None
        return self.verify(first, second)

    def verify(self, first: int, second: int) -> float | None:
        """The exact check of `near`, for a pair that passed the screening."""
        config = self.config
        first_set: Hashes = self.shingles(first)
        second_set: Hashes = self.shingles(second)
        shared = np.intersect1d(first_set, second_set, assume_unique=True).size
        jaccard = shared / (first_set.size + second_set.size - shared)
        sizes = sorted((first_set.size, second_set.size))
        containment = shared / sizes[0]
        if jaccard >= config.near_jaccard:
            return float(containment)
        if (
            containment >= config.near_containment
            and sizes[0] >= config.min_containment_ratio * sizes[1]
        ):
            return float(containment)
        return None


def _estimates(signatures: Signature, pairs: Pairs) -> npt.NDArray[np.float64]:
    """Estimated Jaccard of every pair of rows, in chunks that keep memory flat."""
    out = np.empty(len(pairs), dtype=np.float64)
    for start in range(0, len(pairs), _SCREEN_CHUNK):
        chunk = pairs[start : start + _SCREEN_CHUNK]
        out[start : start + len(chunk)] = np.mean(
            signatures[chunk[:, 0]] == signatures[chunk[:, 1]], axis=1
        )
    return out


def _screen_near(
    signatures: Signature, sizes: npt.NDArray[np.int64], pairs: Pairs, config: DedupeConfig
) -> npt.NDArray[np.bool_]:
    """Which candidate pairs may be near copies, judged from signatures and set sizes alone.

    Containment is estimated from the Jaccard estimate J and the set sizes:
    |A ∩ B| = J (|A| + |B|) / (1 + J).
    """
    estimate = _estimates(signatures, pairs)
    small = np.minimum(sizes[pairs[:, 0]], sizes[pairs[:, 1]])
    total = sizes[pairs[:, 0]] + sizes[pairs[:, 1]]
    contained = estimate * total / ((1 + estimate) * np.maximum(small, 1))
    plausible = (estimate >= config.near_jaccard - _ESTIMATE_MARGIN) | (
        contained >= config.near_containment - _ESTIMATE_MARGIN
    )
    result: npt.NDArray[np.bool_] = plausible & (small >= config.min_shingles)
    return result


def _near_edges(
    prints: list[Fingerprint], members: list[int], matcher: _Matcher, config: DedupeConfig
) -> dict[tuple[int, int], Edge]:
    """LSH candidates among `members`, screened in bulk, then checked exactly."""
    if len(members) < 2:
        return {}
    signatures = np.stack([prints[i].signature_array() for i in members])
    sizes = np.array([prints[i].shingles for i in members], dtype=np.int64)
    pairs = candidate_pairs(signatures, config.bands)
    pairs = pairs[_screen_near(signatures, sizes, pairs, config)]
    edges: dict[tuple[int, int], Edge] = {}
    for i, j in pairs.tolist():
        similarity = matcher.verify(members[i], members[j])
        if similarity is not None:
            edges[(members[i], members[j])] = ("near", round(similarity, 4))
    return edges


Texted = tuple[str, str]  # (article id, text)


def _words_allow_rewrite_partition(
    pairs: list[tuple[Texted, Texted]],
    *,
    min_sentences: int,
    overlap: float,
    min_words: int,
    aligned: float,
) -> list[bool]:
    """Map step: whether the words of each pair of texts allow a rewrite (`word_alignment`).

    A pure function of the two texts and the options, so each pair's answer is a product
    (`newsweave.products`): a later `ingest` checks only the pairs a new article is in.
    """
    sentence_words = functools.cache(lambda text: [content_words(s) for s in split_sentences(text)])
    out = []
    for (_, first), (_, second) in pairs:
        words_first, words_second = sentence_words(first), sentence_words(second)
        out.append(
            min(len(words_first), len(words_second)) >= min_sentences
            and word_alignment(words_first, words_second, overlap=overlap, min_words=min_words)
            >= aligned
        )
    return out


def _rewrite_candidates(
    ordered: list[Article],
    prints: list[Fingerprint],
    members: list[int],
    joined: UnionFind,
    *,
    executor: Executor,
    config: DedupeConfig,
) -> list[tuple[int, int]]:
    """Blocked rewrite candidates: content-word LSH, then cheap checks, never all pairs."""
    if len(members) < 2:
        return []
    topics = np.stack([prints[i].topic_array() for i in members])
    pairs = candidate_pairs(topics, config.topic_bands, small_bucket=_TOPIC_BUCKET)
    pairs = pairs[_estimates(topics, pairs) >= config.rewrite_min_topic]
    words = np.array([prints[i].words for i in members], dtype=np.int64)
    shorter = np.minimum(words[pairs[:, 0]], words[pairs[:, 1]])
    longer = np.maximum(words[pairs[:, 0]], words[pairs[:, 1]])
    pairs = pairs[shorter >= config.rewrite_length_ratio * longer]
    unjoined = [
        (members[i], members[j])
        for i, j in pairs.tolist()
        if joined.find(members[i]) != joined.find(members[j])
    ]
    if not unjoined:
        return []
    allowed = executor.map_partitions(
        functools.partial(
            _words_allow_rewrite_partition,
            min_sentences=config.rewrite_min_sentences,
            overlap=config.rewrite_word_overlap,
            min_words=config.rewrite_min_content_words,
            aligned=config.rewrite_word_aligned,
        ),
        [((ordered[a].id, ordered[a].text), (ordered[b].id, ordered[b].text)) for a, b in unjoined],
        size=config.partition_size,
    )
    return [pair for pair, ok in zip(unjoined, allowed, strict=True) if ok]


def _rewrite_edges(
    texts: list[str],
    prints: list[Fingerprint],
    candidates: list[tuple[int, int]],
    executor: Executor,
    config: DedupeConfig,
) -> tuple[dict[tuple[int, int], Edge], str]:
    needed = sorted({i for pair in candidates for i in pair})
    if not needed:
        return {}, "none"
    embedded = executor.map_partitions(
        embed_partition, [texts[i] for i in needed], size=config.partition_size
    )
    mode = embedded[0][0]
    vectors: dict[int, Vectors] = {i: v for i, (_, v) in zip(needed, embedded, strict=True)}
    threshold = config.rewrite_cosine_for(mode)
    edges: dict[tuple[int, int], Edge] = {}
    for first, second in candidates:
        if min(len(vectors[first]), len(vectors[second])) < config.rewrite_min_sentences:
            continue
        alignment = align(vectors[first], vectors[second], threshold=threshold)
        if (
            alignment.aligned_first >= config.rewrite_aligned
            and alignment.aligned_second >= config.rewrite_aligned
            and alignment.in_order >= config.rewrite_in_order
        ):
            edges[(first, second)] = ("rewritten", round(alignment.similarity, 4))
    return edges, mode


def find_copies(
    articles: Sequence[Article],
    *,
    executor: Executor | None = None,
    config: DedupeConfig | None = None,
    fingerprints: Mapping[str, Fingerprint] | None = None,
) -> CopyResult:
    """Exact copies, near copies and rewrites among `articles`, and the voice of each.

    `fingerprints` (by article id, e.g. kept in the store from an earlier run) are reused when
    they still match the article text and the config; the others are computed.
    """
    config = config or DedupeConfig()
    executor = executor or LocalExecutor()
    by_id: dict[str, Article] = {}
    for article in sorted(articles, key=lambda a: (a.id, a.text)):
        by_id.setdefault(article.id, article)
    ordered = list(by_id.values())
    texts = [a.text for a in ordered]
    known = fingerprints or {}
    todo = [a for a in ordered if not _reusable(known.get(a.id), a, config)]
    computed = executor.map_partitions(
        functools.partial(
            _fingerprint_partition, num_perm=config.num_perm, topic_perm=config.topic_perm
        ),
        [(a.id, a.text) for a in todo],
        size=config.partition_size,
    )
    fresh = {p.article_id: p for p in computed}
    prints = [fresh[a.id] if a.id in fresh else known[a.id] for a in ordered]
    matcher = _Matcher(texts, prints, config)

    edges: dict[tuple[int, int], Edge] = {}
    first_with_key: dict[str, int] = {}
    for index, found in enumerate(prints):
        if found.words == 0:
            continue
        first = first_with_key.setdefault(found.exact_key, index)
        if first != index:
            edges[(first, index)] = ("exact", 1.0)
    representatives = sorted(first_with_key.values())

    edges.update(_near_edges(prints, representatives, matcher, config))

    mode = "none"
    if config.detect_rewrites:
        joined = UnionFind(len(ordered))
        for a, b in edges:
            joined.union(a, b)
        candidates = _rewrite_candidates(
            ordered, prints, representatives, joined, executor=executor, config=config
        )
        rewrites, mode = _rewrite_edges(texts, prints, candidates, executor, config)
        edges.update(rewrites)

    groups = UnionFind(len(ordered))
    for a, b in sorted(edges):
        groups.union(a, b)
    members: dict[int, list[int]] = {}
    for index in range(len(ordered)):
        members.setdefault(groups.find(index), []).append(index)
    neighbours: dict[int, list[tuple[int, Edge]]] = {}
    for (a, b), edge in edges.items():
        neighbours.setdefault(a, []).append((b, edge))
        neighbours.setdefault(b, []).append((a, edge))
    position = {article.id: index for index, article in enumerate(ordered)}
    exact_keys = [p.exact_key for p in prints]

    links: dict[str, CopyLink] = {}
    voices: dict[str, str] = {}
    for group in members.values():
        original = position[choose_original([ordered[i] for i in group]).id]
        for index in group:
            voices[ordered[index].id] = ordered[original].id
        if len(group) < 2:
            continue
        linked = link_group(group, original, neighbours, matcher.near, exact_keys)
        for member, (kind, similarity) in linked.items():
            links[ordered[member].id] = CopyLink(
                article_id=ordered[original].id, kind=kind, similarity=similarity
            )
    return CopyResult(
        links=dict(sorted(links.items())), voices=dict(sorted(voices.items())), embedding=mode
    )
