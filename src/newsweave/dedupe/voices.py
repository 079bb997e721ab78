"""Voices beyond copies: articles that retell one report speak with one voice.

Copy detection (`find_copies`) links articles that are mostly one text. A fact-checker also
counts once an article that credits another outlet's report ("According to the BBC, ... the
report added"; `Article.origin`) and two articles that keep the same agency sentences word for
word after each edited the top and bottom of the agency text. Both only join voices: they are
not copies, so `copy_of` stays as copy detection found it.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path

import numpy as np

from newsweave.dedupe.groups import UnionFind
from newsweave.dedupe.shingles import shingle_hashes, tokenize, tokenize_parts, window_hashes
from newsweave.describe.outlets import canonical_outlet
from newsweave.model import Article

# A sentence ends at . ! ? followed by space, or at a line break.
_SENTENCE_RE = re.compile(r"[^\n.!?]+(?:[.!?]+(?=\s|$))?")
# Quoted words are the speaker's, which independent reporters copy alike.
_QUOTE_MARK_RE = re.compile(r"[\"“”]")
# An unquoted sentence in the first person is a statement or a quote whose marks were lost.
_FIRST_PERSON_RE = re.compile(r"\b(?:I|(?i:we|we're|we've|our|us|my|me|i'm|i've))\b")


def join_voices(voices: Mapping[str, str], links: Iterable[tuple[str, str]]) -> dict[str, str]:
    """`voices` with the voices of each linked pair of articles joined; every article maps to
    the smallest voice of its joined group."""
    names = sorted(set(voices.values()))
    index = {voice: i for i, voice in enumerate(names)}
    groups = UnionFind(len(names))
    for first, second in links:
        if first in voices and second in voices:
            groups.union(index[voices[first]], index[voices[second]])
    return {article: names[groups.find(index[voice])] for article, voice in voices.items()}


def credited_links(articles: Sequence[Article]) -> list[tuple[str, str]]:
    """Pairs of articles that retell one outlet's report: two that credit the same origin, and
    one that credits the outlet of the other."""
    credited = {key for article in articles if (key := _key(article.origin)) is not None}
    first_filed: dict[str, str] = {}  # outlet name -> first article filed under it
    links: list[tuple[str, str]] = []
    for article in articles:
        # Filed under the outlet it credits, and under its own outlet if another credits that.
        names = (_key(article.origin), _key(article.outlet or article.domain))
        for key in sorted({name for name in names if name in credited and name is not None}):
            if key in first_filed:
                links.append((first_filed[key], article.id))
            else:
                first_filed[key] = article.id
    return links


def _key(name: str | None) -> str | None:
    if not name:
        return None
    known = canonical_outlet(name) or name
    return known.casefold().removeprefix("the ").strip() or None


@functools.lru_cache(maxsize=1)
def narration_rules() -> str:
    """A hash of the source `narration_runs` reads (this module and `dedupe.shingles`), part of
    the `narration-runs` product's key: a rule changed without a version bump cannot hand back
    a store's stale runs."""
    from newsweave.dedupe import shingles
    from newsweave.products import source_digest

    return source_digest([Path(__file__), Path(shingles.__file__)])


def _narration_partition(
    items: list[tuple[str, str]], *, run_words: int, rules: str = ""
) -> list[tuple[np.ndarray, np.ndarray]]:
    """Each (article id, text)'s `narration_runs`: a product of its text alone, kept per
    article (`narration-runs`), so that an `ingest` reads the stored articles' runs back and
    finds the new ones' only (`shared_text_links` reads every article's at each step; at 2,000
    articles ~1.5 CPU s of the copies stage). `rules`: `narration_rules()`, read by the key."""
    return [narration_runs(text, run_words) for _, text in items]


def shared_text_links(
    articles: Sequence[Article],
    *,
    run_words: int,
    min_sentences: int = 1,
    runs: Sequence[tuple[np.ndarray, np.ndarray]] | None = None,
) -> list[tuple[str, str]]:
    """Pairs of articles sharing `run_words` words in a row of their own narration (quotes
    and first-person sentences aside) in at least `min_sentences` sentences of each: the
    sentences of one agency text each kept.

    One shared passage alone does not make two reports one text: two local outlets that copy
    one police charge list word for word still write their other sentences themselves (fresh5:
    "Calvin Williams, 23" vs "Calvin Williams, 24" in two such articles), so with
    `min_sentences` 2 a lone copied sentence joins no voices (claims count it once as a
    near-identical sentence, `align.claims`).

    `runs[k]`, when given, is `narration_runs(articles[k].text, run_words)` (kept per article,
    `_narration_partition`); otherwise each text is read here.
    """
    if run_words <= 0:
        return []
    hashes: list[np.ndarray] = []
    owners: list[np.ndarray] = []
    sentences: list[np.ndarray] = []
    if runs is None:
        runs = [narration_runs(article.text, run_words) for article in articles]
    if len(runs) != len(articles):
        raise ValueError(f"{len(runs)} narration runs for {len(articles)} articles")
    for position, (found, where) in enumerate(runs):
        hashes.append(found)
        owners.append(np.full(found.size, position, dtype=np.int64))
        sentences.append(where)
    if not hashes:
        return []
    all_hashes = np.concatenate(hashes)
    all_owners = np.concatenate(owners)
    all_sentences = np.concatenate(sentences)
    order = np.lexsort((all_sentences, all_owners, all_hashes))
    all_hashes, all_owners = all_hashes[order], all_owners[order]
    all_sentences = all_sentences[order]
    # Only runs that two articles hold matter: the groups of one hash with 2+ owners.
    starts = np.flatnonzero(np.r_[True, all_hashes[1:] != all_hashes[:-1]])
    ends = np.r_[starts[1:], all_hashes.size]
    # A group has two owners where, sorted by owner, its owner changes.
    changes = np.flatnonzero(
        (all_hashes[1:] == all_hashes[:-1]) & (all_owners[1:] != all_owners[:-1])
    )
    held_twice = np.unique(np.searchsorted(starts, changes + 1, side="right") - 1)
    pairs = _pairs_sharing_runs(
        all_owners,
        all_sentences,
        starts[held_twice],
        ends[held_twice],
        articles=len(articles),
        min_sentences=min_sentences,
    )
    return [(articles[a].id, articles[b].id) for a, b in pairs]


# Holders of one run above which only (first holder, other) pairs are counted.
_MAX_PAIRWISE_HOLDERS = 32


def _pairs_sharing_runs(
    owners: np.ndarray,
    sentences: np.ndarray,
    group_starts: np.ndarray,
    group_ends: np.ndarray,
    *,
    articles: int,
    min_sentences: int,
) -> list[tuple[int, int]]:
    """Sorted (article, article) pairs whose shared runs lie in at least `min_sentences`
    sentences of each.

    `owners` and `sentences` are sorted by (run hash, owner, sentence); each group (a run held
    by two or more articles) pairs all its holders, or its first holder with each other one
    past `_MAX_PAIRWISE_HOLDERS`. Computed in numpy as sets of (pair, side, sentence) codes: a
    Python loop over the groups (a dict of two sets per pair) cost ~15 CPU s of the driver's
    serial work on the 10,000-article bench corpus (~900,000 groups, 74,000 links).
    """
    if group_starts.size == 0:
        return []
    span = int(sentences.max()) + 1
    found: list[np.ndarray] = []

    def codes(first: np.ndarray, second: np.ndarray) -> None:
        # Entries (by position) of two holders of one run: each side's sentence, under the pair.
        pair = owners[first] * articles + owners[second]
        found.append(np.unique(2 * pair * span + sentences[first]))
        found.append(np.unique((2 * pair + 1) * span + sentences[second]))

    new_owner = np.r_[True, owners[1:] != owners[:-1]].astype(np.int64)
    new_owner[group_starts] = 1
    counted = np.cumsum(new_owner)
    holders = counted[group_ends - 1] - counted[group_starts] + 1
    sizes = group_ends - group_starts
    few = holders <= _MAX_PAIRWISE_HOLDERS
    for size in np.unique(sizes[few]).tolist():
        firsts = group_starts[few & (sizes == size)]
        left, right = np.triu_indices(size, k=1)
        first = (firsts[:, None] + left).ravel()
        second = (firsts[:, None] + right).ravel()
        other = owners[first] != owners[second]  # sorted by owner: first's is the smaller
        codes(first[other], second[other])
    for start, end in zip(group_starts[~few].tolist(), group_ends[~few].tolist(), strict=True):
        # A run on very many sites (boilerplate, a syndicated text) links each holder to its
        # first one only: counting every pair of them would cost the square.
        entries = np.arange(start, end)
        lead = owners[entries] == owners[start]
        own, rest = entries[lead], entries[~lead]
        codes(np.repeat(own, rest.size), np.tile(rest, own.size))
    sided, counts = np.unique(np.unique(np.concatenate(found)) // span, return_counts=True)
    # Every pair has both sides: its entries come in (side 0, side 1) order.
    pair = sided[0::2] // 2
    kept = pair[np.minimum(counts[0::2], counts[1::2]) >= min_sentences]
    return [(int(c // articles), int(c % articles)) for c in kept]


def narration_runs(text: str, run_words: int) -> tuple[np.ndarray, np.ndarray]:
    """The distinct hashes of the `run_words`-word runs inside the unquoted parts of the
    third-person sentences of `text`, and the sentence (its number) each lies in.

    The runs `sentence_runs` finds in each sentence, computed for the whole text in one numpy
    pass (`shingles.tokenize_parts`): sentence by sentence it cost ~0.2 ms of numpy call
    overhead per sentence, ~30 CPU s of the driver's serial work at 10,000 articles.
    """
    parts: list[str] = []
    owners: list[int] = []  # the sentence of each part
    for number, sentence in enumerate(_SENTENCE_RE.findall(text)):
        for part in _narration_parts(sentence):
            parts.append(part)
            owners.append(number)
    hashes, part_of = tokenize_parts(parts)
    if run_words <= 0 or hashes.size < run_words:
        return np.empty(0, dtype=np.uint64), np.empty(0, dtype=np.int64)
    runs = window_hashes(hashes, run_words)
    # A run counts only when its words lie in one part (one stretch of a sentence's narration).
    whole = part_of[: runs.size] == part_of[run_words - 1 :]
    sentence_of = np.asarray(owners, dtype=np.uint64)[part_of[: runs.size][whole]]
    if sentence_of.size == 0:
        return np.empty(0, dtype=np.uint64), np.empty(0, dtype=np.int64)
    # One (hash, sentence) each: a run repeated within a sentence counts once.
    pairs = np.unique(np.stack([runs[whole], sentence_of]), axis=1)
    return pairs[0], pairs[1].astype(np.int64)


def _narration_parts(sentence: str) -> list[str]:
    """A sentence's own narration: the parts between its quotations; none in the first
    person, none when a lone quote mark says a quote runs past it."""
    if _FIRST_PERSON_RE.search(sentence):
        return []
    pieces = _QUOTE_MARK_RE.split(sentence)
    if len(pieces) % 2 == 0:
        return []  # part of a quote that runs past the sentence
    return pieces[::2]  # between quote marks, outside quotations


def sentence_runs(sentence: str, run_words: int) -> np.ndarray:
    """The hashes of the `run_words`-word runs of one sentence's own narration: none in the
    first person, none inside quotation marks, none when a lone quote mark says a quote runs
    past it (repeats kept)."""
    found = []
    for part in _narration_parts(sentence):
        tokens = tokenize(part).hashes
        if tokens.size >= run_words:
            found.append(shingle_hashes(tokens, run_words).astype(np.uint64))
    return np.concatenate(found) if found else np.empty(0, dtype=np.uint64)
