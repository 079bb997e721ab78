"""Corpus-wide line counts: a line that many pages of one outlet repeat is page furniture.

`corpus_line_stats` is the map step, `CorpusLineStats.merge` the reduce step; both are pure, so
the counts do not depend on partitioning or order. Lines are keyed by an 8-byte hash of their
loose form (case, digits and spacing ignored), so the object stays small and pickles cheaply.

What is counted is *distinct bodies*, not documents: copies of one article (a crawl's `/amp/`,
`?utm_` and `m.` variants of a page, a wire story run verbatim by three outlets) share every
line, and counting each copy would call the whole article furniture and delete it. Identical
bodies are the dedupe stage's business (kept once, the others linked as copies); here they
count once. For each line the stats keep the hashes of the bodies that contain it, up to
`MAX_COUNTED_BODIES` (the smallest hashes, so merging is a set union and stays exact below
the cap); `docs_with` counts them.
"""

from __future__ import annotations

import hashlib
from collections import Counter
from collections.abc import Hashable, Iterable, Mapping
from dataclasses import field
from itertools import repeat
from types import MappingProxyType
from typing import Any, TypeVar

from newsweave.clean.lines import line_key, normalize_text
from newsweave.model import record

# Lines longer than this are never page furniture shared across pages in our experience (legal
# paragraphs are at most ~1,500 characters); skipping them bounds the memory of the counts.
_MAX_COUNTED_CHARS = 2000
# Counts saturate here: a line in 64 distinct bodies is furniture under any sensible
# `CleanConfig.corpus_min_docs` (3 by default), and the cap bounds what one line costs.
MAX_COUNTED_BODIES = 64

_K = TypeVar("_K", bound=Hashable)


def line_hash(line: str) -> int:
    """Stable 64-bit hash of a line's loose form (independent of PYTHONHASHSEED)."""
    digest = hashlib.blake2b(line_key(line).encode("utf-8"), digest_size=8).digest()
    return int.from_bytes(digest, "big")


def _empty() -> Mapping[Any, Any]:
    return MappingProxyType({})


@record
class CorpusLineStats:
    """How many distinct bodies contain each line, overall and per outlet.

    Treat it as immutable: `merge` returns a new object. `docs_with(line, outlet)` is what the
    cleaner asks. `documents` and `outlet_documents` count documents, copies included.
    """

    documents: int = 0
    line_bodies: Mapping[int, tuple[int, ...]] = field(default_factory=_empty)
    outlet_documents: Mapping[str, int] = field(default_factory=_empty)
    outlet_line_bodies: Mapping[tuple[str, int], tuple[int, ...]] = field(default_factory=_empty)

    def merge(self, other: CorpusLineStats) -> CorpusLineStats:
        """Counts of both corpora (associative and commutative)."""
        return CorpusLineStats(
            documents=self.documents + other.documents,
            line_bodies=MappingProxyType(_union(self.line_bodies, other.line_bodies)),
            outlet_documents=MappingProxyType(
                dict(Counter(self.outlet_documents) + Counter(other.outlet_documents))
            ),
            outlet_line_bodies=MappingProxyType(
                _union(self.outlet_line_bodies, other.outlet_line_bodies)
            ),
        )

    def docs_with(self, line: str, outlet: str | None = None) -> tuple[int, int]:
        """(distinct bodies containing `line` in the whole corpus, in `outlet`'s documents).

        Both saturate at `MAX_COUNTED_BODIES`.
        """
        key = line_hash(line)
        in_outlet = len(self.outlet_line_bodies.get((outlet, key), ())) if outlet is not None else 0
        return len(self.line_bodies.get(key, ())), in_outlet

    def __reduce__(self) -> tuple[object, ...]:
        # MappingProxyType does not pickle; ship plain dicts to workers and wrap them again.
        return (
            _rebuild,
            (
                self.documents,
                dict(self.line_bodies),
                dict(self.outlet_documents),
                dict(self.outlet_line_bodies),
            ),
        )


def _rebuild(
    documents: int,
    line_bodies: dict[int, tuple[int, ...]],
    outlet_documents: dict[str, int],
    outlet_line_bodies: dict[tuple[str, int], tuple[int, ...]],
) -> CorpusLineStats:
    return CorpusLineStats(
        documents=documents,
        line_bodies=MappingProxyType(line_bodies),
        outlet_documents=MappingProxyType(outlet_documents),
        outlet_line_bodies=MappingProxyType(outlet_line_bodies),
    )


def _union(
    left: Mapping[_K, tuple[int, ...]], right: Mapping[_K, tuple[int, ...]]
) -> dict[_K, tuple[int, ...]]:
    """Per key, the smallest `MAX_COUNTED_BODIES` of both sets of body hashes."""
    merged = dict(left)
    for key, bodies in right.items():
        mine = merged.get(key)
        merged[key] = bodies if mine is None else _smallest(set(mine).union(bodies))
    return merged


def _smallest(bodies: Iterable[int]) -> tuple[int, ...]:
    return tuple(sorted(bodies)[:MAX_COUNTED_BODIES])


def corpus_line_stats(
    texts: Iterable[str], outlet_keys: Iterable[str | None] | None = None
) -> CorpusLineStats:
    """Count, for every line, the distinct bodies (overall and of the same outlet) with it.

    A body is the document's sequence of lines in their loose form, so copies that differ
    only in case, digits or spacing are one body.
    """
    line_bodies: dict[int, set[int]] = {}
    outlet_docs: Counter[str] = Counter()
    outlet_line_bodies: dict[tuple[str, int], set[int]] = {}
    seen: set[int] = set()
    seen_in_outlet: set[tuple[str, int]] = set()
    documents = 0
    keys: Iterable[str | None] = repeat(None) if outlet_keys is None else outlet_keys
    for text, outlet in zip(texts, keys, strict=outlet_keys is not None):
        documents += 1
        if outlet is not None:
            outlet_docs[outlet] += 1
        lines = [line for line in normalize_text(text).split("\n") if line]
        hashes = [line_hash(line) for line in lines]
        body = _body_hash(hashes)
        counted = {
            h for h, line in zip(hashes, lines, strict=True) if len(line) <= _MAX_COUNTED_CHARS
        }
        if body not in seen:
            seen.add(body)
            for h in counted:
                line_bodies.setdefault(h, set()).add(body)
        if outlet is not None and (outlet, body) not in seen_in_outlet:
            seen_in_outlet.add((outlet, body))
            for h in counted:
                outlet_line_bodies.setdefault((outlet, h), set()).add(body)
    return CorpusLineStats(
        documents=documents,
        line_bodies=MappingProxyType({h: _smallest(b) for h, b in line_bodies.items()}),
        outlet_documents=MappingProxyType(dict(outlet_docs)),
        outlet_line_bodies=MappingProxyType(
            {key: _smallest(b) for key, b in outlet_line_bodies.items()}
        ),
    )


def _body_hash(line_hashes: list[int]) -> int:
    digest = hashlib.blake2b(digest_size=8)
    for h in line_hashes:
        digest.update(h.to_bytes(8, "big"))
    return int.from_bytes(digest.digest(), "big")
