"""Quote grouping reading only the pairs whose words may link (issue 15) gives the groups
(and embeds the texts) that comparing every pair of a story gave.

The reference below is the earlier `group_quotes`, kept as the oracle: every pair of each
block's wordings tested.
"""

from __future__ import annotations

import random
import zlib
from collections import defaultdict

import numpy as np
import pytest

from newsweave.align import quotes as quotes_module
from newsweave.align.quotes import (
    _blocks,
    _may_link,
    _may_need_cosine,
    _quote,
    _Vectors,
    _within_block,
    group_quotes,
    same_statement,
)
from newsweave.extract.quotes import QuoteMention


def _old_group_quotes(mentions, *, story_of):
    ordered = sorted(mentions, key=lambda m: (m.article_id, m.span, m.kind))
    if not ordered:
        return ()
    plans = []
    for block in _blocks(ordered, story_of):
        first = {}
        joins = []
        for i in block:
            speaker = (ordered[i].speaker_id or "") if ordered[i].kind == "indirect" else ""
            key = (ordered[i].kind, ordered[i].text, speaker)
            if key in first:
                joins.append((first[key], i))
            else:
                first[key] = i
        pairs = [
            (i, j)
            for part in _within_block(ordered, list(first.values()))
            for x, i in enumerate(part)
            for j in part[x + 1 :]
            if ordered[i].kind == ordered[j].kind and _may_link(ordered[i], ordered[j])
        ]
        plans.append((joins, pairs))
    vectors = _Vectors(
        ordered,
        {
            k
            for _, pairs in plans
            for i, j in pairs
            if _may_need_cosine(ordered[i].text, ordered[j].text)
            for k in (i, j)
        },
    )
    parent = list(range(len(ordered)))

    def find(i):
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    def union(i, j):
        root_i, root_j = find(i), find(j)
        parent[max(root_i, root_j)] = min(root_i, root_j)

    for joins, pairs in plans:
        for i, j in joins:
            union(i, j)
        for i, j in pairs:
            if find(i) != find(j) and same_statement(
                ordered[i].text, ordered[j].text, vectors.cosine(i, j)
            ):
                union(i, j)
    groups = defaultdict(list)
    for i in range(len(ordered)):
        groups[find(i)].append(i)
    quotes = [_quote([ordered[i] for i in members], story_of) for members in groups.values()]
    return tuple(
        sorted(
            quotes, key=lambda q: (q.story_id or "", q.variants[0].article_id, q.variants[0].span)
        )
    )


class _BagEmbedder:
    """Unit vectors of hashed word counts (cosine follows shared words), recording its inputs."""

    def __init__(self) -> None:
        self.seen: list[list[str]] = []

    def embed(self, texts):
        self.seen.append(list(texts))
        rows = np.zeros((len(texts), 8))
        for row, text in enumerate(texts):
            for word in text.lower().split():
                rows[row, zlib.crc32(word.encode()) % 8] += 1.0
            rows[row] /= max(np.linalg.norm(rows[row]), 1e-9)
        return rows


_WORDS = [
    *("police", "said", "the", "suspect", "fled", "north", "after", "shooting", "two"),
    *("people", "near", "school", "we", "will", "not", "rebuild", "town", "never", "again"),
    *("every", "family", "deserves", "answers", "it", "is", "what", "was"),
]
_SPEAKERS = [None, "e-chief", "e-mayor", "the chief", "a witness", "he", "Michelle Lyons"]


def _mentions(rng: random.Random) -> tuple[list[QuoteMention], dict[str, str | None]]:
    base = [" ".join(rng.choice(_WORDS) for _ in range(rng.randint(1, 14))) for _ in range(12)]
    out = []
    articles = [f"a{n}" for n in range(rng.randint(1, 12))]
    for n in range(rng.randint(1, 60)):
        words = rng.choice(base).split()
        # A rewrite: words dropped, added or swapped, so that containment varies.
        for _ in range(rng.randint(0, 4)):
            edit = rng.random()
            if edit < 0.4 and len(words) > 1:
                words.pop(rng.randrange(len(words)))
            elif edit < 0.8:
                words.insert(rng.randrange(len(words) + 1), rng.choice(_WORDS))
            else:
                words.reverse()
        text = " ".join(words)
        speaker = rng.choice(_SPEAKERS)
        out.append(
            QuoteMention(
                article_id=rng.choice(articles),
                text=text,
                span=(n * 200, n * 200 + len(text)),
                speaker_text=speaker,
                speaker_id=speaker if speaker and speaker.startswith("e-") else None,
                kind=rng.choice(["direct", "direct", "indirect"]),
                cue="said",
            )
        )
    story_of = {a: rng.choice([None, "s1", "s1", "s2"]) for a in articles}
    return out, story_of


@pytest.mark.parametrize("seed", range(80))
def test_grouping_reads_only_pairs_that_may_link_and_finds_the_same_groups(seed, monkeypatch):
    rng = random.Random(seed)
    mentions, story_of = _mentions(rng)
    # Small blocks too: a story past BLOCK_MAX wordings is split by speaker and rare words.
    monkeypatch.setattr(quotes_module, "BLOCK_MAX", rng.choice([400, 400, 5, 12]))
    old, new = _BagEmbedder(), _BagEmbedder()
    monkeypatch.setattr(quotes_module, "get_embedder", lambda: old)
    expected = _old_group_quotes(mentions, story_of=story_of)
    monkeypatch.setattr(quotes_module, "get_embedder", lambda: new)
    assert group_quotes(mentions, story_of=story_of) == expected
    assert new.seen == old.seen
