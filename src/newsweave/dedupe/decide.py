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
import hashlib
from collections.abc import Callable, Mapping, Sequence
from typing import TypeVar

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
from newsweave.products import ProductCache, model_signature, product_key, product_of

# Estimated Jaccard is within ~3.4 standard errors (0.044 at 128 permutations) of the truth
# beyond this margin: candidates further below the thresholds skip the exact check.
_ESTIMATE_MARGIN = 0.15
# Candidate pairs screened per numpy block: 50k pairs x 128 permutations ~ 6 MB of booleans.
_SCREEN_CHUNK = 50_000
# Rewrite candidates per topic bucket before a bucket is reduced to a star and a chain. Larger
# than near copies' 8: a busy event puts dozens of articles in one content-word bucket, and a
# rewrite hiding among them should still meet its original.
_TOPIC_BUCKET = 32
# Texts per partition when the rewrite candidates are embedded. An article's sentences take
# ~60 ms to embed, and the candidates seldom fill one partition of `partition_size` (772 ECB+
# articles: 143 texts, 8.5 CPU s): in one partition they ran in the driving process while the
# pool's workers idled. Partitions of 32 share them among the workers; the workers' vectors
# come back to this process's cache (`executors.local`), so later stages find them as before.
_EMBED_PARTITION = 32


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
        return _near_similarity(self.shingles(first), self.shingles(second), self.config)


def _near_similarity(first_set: Hashes, second_set: Hashes, config: DedupeConfig) -> float | None:
    """Containment of the smaller shingle set in the larger if the two are near copies, else
    None (the same for either order)."""
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


def _near_verdicts(pairs: list[tuple[str, str]], *, config: DedupeConfig) -> list[float | None]:
    """Each pair of texts' near-copy check (`_Matcher.verify`): a pure function of the two
    texts and the config, kept per pair (`_kept_pair_verdicts`, issue 15)."""
    return [_near_similarity(text_shingles(a), text_shingles(b), config) for a, b in pairs]


RewriteVerdict = tuple[str, Edge | None]


def _rewrite_verdicts(
    pairs: list[tuple[str, str]], *, config: DedupeConfig
) -> list[RewriteVerdict]:
    """Each pair of texts' rewrite check (`_rewrite_edges`): the embedder mode the first
    text's sentence vectors came in, and the rewrite edge or None. A pure function of the two
    texts, the config and the embedder (in `model_signature`), kept per pair."""
    out: list[RewriteVerdict] = []
    for first, second in pairs:
        (mode, one), (_, other) = embed_partition([first, second])
        out.append((mode, _rewrite_edge(one, other, config.rewrite_cosine_for(mode), config)))
    return out


def _rewrite_edge(
    first: Vectors, second: Vectors, threshold: float, config: DedupeConfig
) -> Edge | None:
    if min(len(first), len(second)) < config.rewrite_min_sentences:
        return None
    alignment = align(first, second, threshold=threshold)
    if (
        alignment.aligned_first >= config.rewrite_aligned
        and alignment.aligned_second >= config.rewrite_aligned
        and alignment.in_order >= config.rewrite_in_order
    ):
        return ("rewritten", round(alignment.similarity, 4))
    return None


V = TypeVar("V")


def _kept_pair_verdicts(
    executor: Executor,
    fn: Callable[..., object],
    pairs: Sequence[tuple[int, int]],
    digests: Sequence[bytes],
    compute: Callable[[list[tuple[int, int]]], list[V]],
) -> list[V]:
    """`compute(pairs)`, each pair's verdict found in the run's product store when kept.

    A pair's key is `fn`'s product (kind, version, bound options), the model signature and
    the two articles' text digests (`_text_digest`), in the pair's order: `fn` reads the two
    texts alone, so equal digests mean an equal verdict, and a text that changes changes the
    key. Only with a store behind the cache (`ingest --db`): a one-shot `analyze` checks each
    pair once. At 10,000 articles the near checks (21,251 pairs: every text's shingles built
    again) and the rewrite alignments (6,246 pairs) of the stored articles were ~17 of the
    copies stage's ~21 CPU s in the parent at each `ingest`."""
    cache = getattr(executor, "cache", None)
    if not isinstance(cache, ProductCache) or cache.backing is None or not pairs:
        return compute(list(pairs))
    product = product_of(fn)
    assert product is not None, "a pair verdict function is a registered product (PRODUCTS)"
    kind, options = product
    signature = model_signature()
    keys = [product_key(kind, options, signature, (digests[a], digests[b])) for a, b in pairs]
    known = cache.lookup(kind, keys)
    todo: dict[bytes, tuple[int, int]] = {}
    for key, pair in zip(keys, pairs, strict=True):
        if key not in known and key not in todo:
            todo[key] = pair
    cache.hits += len(pairs) - len(todo)
    cache.misses += len(todo)
    if todo:
        computed = compute(list(todo.values()))
        rows = [(key, None, value) for key, value in zip(todo, computed, strict=True)]
        cache.keep(kind, rows)
        known = {**known, **{key: value for key, _, value in rows}}
    return [known[key] for key in keys]  # type: ignore[misc]


def _text_digest(text: str) -> bytes:
    """What a pair verdict's key knows of an article: its text (see `_kept_pair_verdicts`)."""
    return hashlib.blake2b(text.encode("utf-8", "surrogatepass"), digest_size=20).digest()


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
    prints: list[Fingerprint],
    members: list[int],
    matcher: _Matcher,
    config: DedupeConfig,
    verified: Callable[[list[tuple[int, int]]], list[float | None]],
) -> dict[tuple[int, int], Edge]:
    """LSH candidates among `members`, screened in bulk, then checked exactly (`verified`:
    `matcher.verify` of each pair, or its kept verdict)."""
    if len(members) < 2:
        return {}
    signatures = np.stack([prints[i].signature_array() for i in members])
    sizes = np.array([prints[i].shingles for i in members], dtype=np.int64)
    pairs = candidate_pairs(signatures, config.bands)
    pairs = pairs[_screen_near(signatures, sizes, pairs, config)]
    checked = [(members[i], members[j]) for i, j in pairs.tolist()]
    edges: dict[tuple[int, int], Edge] = {}
    for pair, similarity in zip(checked, verified(checked), strict=True):
        if similarity is not None:
            edges[pair] = ("near", round(similarity, 4))
    return edges


def _direct_checks(
    prints: list[Fingerprint],
    members: Mapping[int, list[int]],
    originals: Mapping[int, int],
    exact_keys: Sequence[str],
    *,
    config: DedupeConfig,
    verified: Callable[[list[tuple[int, int]]], list[float | None]],
) -> Callable[[int, int], float | None]:
    """`_Matcher.near` of every (member, original) pair `link_group` asks about (members not
    an exact copy of their group's original), screened in bulk and checked by `verified`
    (kept per pair), as a lookup. Both checks are symmetric, so a pair is asked in index
    order."""
    pairs = sorted(
        {
            (min(member, original), max(member, original))
            for root, group in members.items()
            if len(group) > 1
            for original in [originals[root]]
            for member in group
            if member != original and exact_keys[member] != exact_keys[original]
        }
    )
    if not pairs:
        return lambda first, second: None
    used = sorted({i for pair in pairs for i in pair})
    row = {index: n for n, index in enumerate(used)}
    signatures = np.stack([prints[i].signature_array() for i in used])
    sizes = np.array([prints[i].shingles for i in used], dtype=np.int64)
    local = np.array([(row[a], row[b]) for a, b in pairs], dtype=np.int64)
    plausible = _screen_near(signatures, sizes, local, config).tolist()
    checked = [pair for pair, ok in zip(pairs, plausible, strict=True) if ok]
    found = dict(zip(checked, verified(checked), strict=True))
    return lambda first, second: found.get((min(first, second), max(first, second)))


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
    candidates: list[tuple[int, int]],
    executor: Executor,
    config: DedupeConfig,
    digests: Sequence[bytes],
) -> tuple[dict[tuple[int, int], Edge], str]:
    """Rewrite edges among `candidates` by sentence alignment, and the embedder mode.

    Each pair's verdict is kept per pair (`_rewrite_verdicts`, `_kept_pair_verdicts`): an
    `ingest` embeds and aligns only the pairs it has not judged. The mode is the one the
    first candidate's first text was embedded in (candidates come sorted, so that text is
    the first of all the articles embedded, whose mode named the run before)."""
    if not candidates:
        return {}, "none"

    def judged(todo: list[tuple[int, int]]) -> list[RewriteVerdict]:
        needed = _embedding_order(todo)
        embedded = executor.map_partitions(
            embed_partition,
            [texts[i] for i in needed],
            size=min(config.partition_size, _EMBED_PARTITION),
        )
        mode = embedded[0][0]
        vectors: dict[int, Vectors] = {i: v for i, (_, v) in zip(needed, embedded, strict=True)}
        threshold = config.rewrite_cosine_for(mode)
        return [
            (mode, _rewrite_edge(vectors[first], vectors[second], threshold, config))
            for first, second in todo
        ]

    verdicts = _kept_pair_verdicts(
        executor,
        functools.partial(_rewrite_verdicts, config=config),
        candidates,
        digests,
        judged,
    )
    if isinstance(getattr(executor, "cache", None), ProductCache) and verdicts:
        _mark_vectors_used(executor, sorted({texts[i] for pair in candidates for i in pair}))
    edges = {
        pair: edge for pair, (_, edge) in zip(candidates, verdicts, strict=True) if edge is not None
    }
    return edges, verdicts[0][0]


def _embedding_order(pairs: list[tuple[int, int]]) -> list[int]:
    """The articles of `pairs`, those linked through pairs next to each other (each group
    at its smallest index, the root `UnionFind` keeps), so that they mostly share a partition:
    candidates share sentences (a wire's quotes, a statement), which a partition embeds once.
    772 ECB+ articles: 143 texts of 1,450 distinct sentences; in partitions of 24 in index
    order the sentences embedded were 1,680, in this order 1,480."""
    needed = sorted({i for pair in pairs for i in pair})
    if not needed:
        return []
    linked = UnionFind(needed[-1] + 1)
    for first, second in pairs:
        linked.union(first, second)
    return sorted(needed, key=lambda index: (linked.find(index), index))


def _mark_vectors_used(executor: Executor, texts: list[str]) -> None:
    """Keep the candidates' sentence vectors in the store (as when every pair was embedded
    again at each run): a pair judged later with one of them reads them, not a new embedding."""
    cache = getattr(executor, "cache", None)
    product = product_of(embed_partition)
    if not isinstance(cache, ProductCache) or cache.backing is None or product is None:
        return
    kind, options = product
    signature = model_signature()
    cache.known(kind, [product_key(kind, options, signature, text) for text in texts])


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
    digests = [_text_digest(text) for text in texts]

    def verified(pairs: list[tuple[int, int]]) -> list[float | None]:
        return _kept_pair_verdicts(
            executor,
            functools.partial(_near_verdicts, config=config),
            pairs,
            digests,
            lambda todo: [matcher.verify(a, b) for a, b in todo],
        )

    edges: dict[tuple[int, int], Edge] = {}
    first_with_key: dict[str, int] = {}
    for index, found in enumerate(prints):
        if found.words == 0:
            continue
        first = first_with_key.setdefault(found.exact_key, index)
        if first != index:
            edges[(first, index)] = ("exact", 1.0)
    representatives = sorted(first_with_key.values())

    edges.update(_near_edges(prints, representatives, matcher, config, verified))

    mode = "none"
    if config.detect_rewrites:
        joined = UnionFind(len(ordered))
        for a, b in edges:
            joined.union(a, b)
        candidates = _rewrite_candidates(
            ordered, prints, representatives, joined, executor=executor, config=config
        )
        rewrites, mode = _rewrite_edges(texts, candidates, executor, config, digests)
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

    originals = {
        root: position[choose_original([ordered[i] for i in group]).id]
        for root, group in members.items()
    }
    direct = _direct_checks(
        prints, members, originals, exact_keys, config=config, verified=verified
    )

    links: dict[str, CopyLink] = {}
    voices: dict[str, str] = {}
    for root, group in members.items():
        original = originals[root]
        for index in group:
            voices[ordered[index].id] = ordered[original].id
        if len(group) < 2:
            continue
        linked = link_group(group, original, neighbours, direct, exact_keys)
        for member, (kind, similarity) in linked.items():
            links[ordered[member].id] = CopyLink(
                article_id=ordered[original].id, kind=kind, similarity=similarity
            )
    return CopyResult(
        links=dict(sorted(links.items())), voices=dict(sorted(voices.items())), embedding=mode
    )
