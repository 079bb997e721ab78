"""Voices beyond copies: articles that retell one report speak with one voice.

Copy detection (`find_copies`) links articles that are mostly one text. A fact-checker also
counts once an article that credits another outlet's report ("According to the BBC, ... the
report added"; `Article.origin`) and two articles that keep the same agency sentences word for
word after each edited the top and bottom of the agency text. Both only join voices: they are
not copies, so `copy_of` stays as copy detection found it.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence

import numpy as np

from newsweave.dedupe.groups import UnionFind
from newsweave.dedupe.shingles import shingle_hashes, tokenize
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


def shared_text_links(articles: Sequence[Article], *, run_words: int) -> list[tuple[str, str]]:
    """Pairs of articles sharing `run_words` words in a row of their own narration (quotes
    and first-person sentences aside): the sentences of one agency text each kept."""
    if run_words <= 0:
        return []
    hashes: list[np.ndarray] = []
    owners: list[np.ndarray] = []
    for position, article in enumerate(articles):
        found = _narration_runs(article.text, run_words)
        hashes.append(found)
        owners.append(np.full(found.size, position, dtype=np.int64))
    if not hashes:
        return []
    all_hashes = np.concatenate(hashes)
    all_owners = np.concatenate(owners)
    order = np.lexsort((all_owners, all_hashes))
    all_hashes, all_owners = all_hashes[order], all_owners[order]
    # Each run hash links every later holder to its first holder.
    same = np.flatnonzero(all_hashes[1:] == all_hashes[:-1]) + 1
    starts = np.flatnonzero(np.r_[True, all_hashes[1:] != all_hashes[:-1]])
    first_holder = all_owners[starts[np.searchsorted(starts, same, side="right") - 1]]
    pairs = {
        (int(a), int(b)) for a, b in zip(first_holder, all_owners[same], strict=True) if a != b
    }
    return [(articles[a].id, articles[b].id) for a, b in sorted(pairs)]


def _narration_runs(text: str, run_words: int) -> np.ndarray:
    """Distinct hashes of the `run_words`-word runs inside the unquoted parts of the
    third-person sentences of `text`."""
    found: list[np.ndarray] = []
    for sentence in _SENTENCE_RE.findall(text):
        if _FIRST_PERSON_RE.search(sentence):
            continue
        pieces = _QUOTE_MARK_RE.split(sentence)
        if len(pieces) % 2 == 0:
            continue  # a lone quote mark: part of a quote that runs past the sentence
        for part in pieces[::2]:  # between quote marks, outside quotations
            tokens = tokenize(part).hashes
            if tokens.size >= run_words:
                found.append(shingle_hashes(tokens, run_words))
    if not found:
        return np.empty(0, dtype=np.uint64)
    return np.unique(np.concatenate(found))
