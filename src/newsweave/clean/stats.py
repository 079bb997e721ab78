"""Corpus-wide line counts: a line that many pages of one outlet repeat is page furniture.

`corpus_line_stats` is the map step, `CorpusLineStats.merge` the reduce step; both are pure, so
the counts do not depend on partitioning or order. Lines are keyed by an 8-byte hash of their
loose form (case, digits and spacing ignored), so the object stays small and pickles cheaply.
"""

from __future__ import annotations

import hashlib
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import field
from itertools import repeat
from types import MappingProxyType
from typing import Any

from newsweave.clean.lines import line_key, normalize_text
from newsweave.model import record

# Lines longer than this are never page furniture shared across pages in our experience (legal
# paragraphs are at most ~1,500 characters); skipping them bounds the memory of the counts.
_MAX_COUNTED_CHARS = 2000


def line_hash(line: str) -> int:
    """Stable 64-bit hash of a line's loose form (independent of PYTHONHASHSEED)."""
    digest = hashlib.blake2b(line_key(line).encode("utf-8"), digest_size=8).digest()
    return int.from_bytes(digest, "big")


def _empty() -> Mapping[Any, int]:
    return MappingProxyType({})


@record
class CorpusLineStats:
    """How many documents contain each line, overall and per outlet.

    Treat it as immutable: `merge` returns a new object. `docs_with(line, outlet)` is what the
    cleaner asks.
    """

    documents: int = 0
    line_docs: Mapping[int, int] = field(default_factory=_empty)
    outlet_documents: Mapping[str, int] = field(default_factory=_empty)
    outlet_line_docs: Mapping[tuple[str, int], int] = field(default_factory=_empty)

    def merge(self, other: CorpusLineStats) -> CorpusLineStats:
        """Counts of both corpora (associative and commutative)."""
        return CorpusLineStats(
            documents=self.documents + other.documents,
            line_docs=MappingProxyType(dict(Counter(self.line_docs) + Counter(other.line_docs))),
            outlet_documents=MappingProxyType(
                dict(Counter(self.outlet_documents) + Counter(other.outlet_documents))
            ),
            outlet_line_docs=MappingProxyType(
                dict(Counter(self.outlet_line_docs) + Counter(other.outlet_line_docs))
            ),
        )

    def docs_with(self, line: str, outlet: str | None = None) -> tuple[int, int]:
        """(documents containing `line` in the whole corpus, in `outlet`'s documents)."""
        key = line_hash(line)
        in_outlet = self.outlet_line_docs.get((outlet, key), 0) if outlet is not None else 0
        return self.line_docs.get(key, 0), in_outlet

    def __reduce__(self) -> tuple[object, ...]:
        # MappingProxyType does not pickle; ship plain dicts to workers and wrap them again.
        return (
            _rebuild,
            (
                self.documents,
                dict(self.line_docs),
                dict(self.outlet_documents),
                dict(self.outlet_line_docs),
            ),
        )


def _rebuild(
    documents: int,
    line_docs: dict[int, int],
    outlet_documents: dict[str, int],
    outlet_line_docs: dict[tuple[str, int], int],
) -> CorpusLineStats:
    return CorpusLineStats(
        documents=documents,
        line_docs=MappingProxyType(line_docs),
        outlet_documents=MappingProxyType(outlet_documents),
        outlet_line_docs=MappingProxyType(outlet_line_docs),
    )


def corpus_line_stats(
    texts: Iterable[str], outlet_keys: Iterable[str | None] | None = None
) -> CorpusLineStats:
    """Count, for every line, the documents (and documents of the same outlet) that contain it."""
    line_docs: Counter[int] = Counter()
    outlet_docs: Counter[str] = Counter()
    outlet_line_docs: Counter[tuple[str, int]] = Counter()
    documents = 0
    keys: Iterable[str | None] = repeat(None) if outlet_keys is None else outlet_keys
    for text, outlet in zip(texts, keys, strict=outlet_keys is not None):
        documents += 1
        hashes = {
            line_hash(line)
            for line in normalize_text(text).split("\n")
            if line and len(line) <= _MAX_COUNTED_CHARS
        }
        line_docs.update(hashes)
        if outlet is not None:
            outlet_docs[outlet] += 1
            outlet_line_docs.update((outlet, h) for h in hashes)
    return CorpusLineStats(
        documents=documents,
        line_docs=MappingProxyType(dict(line_docs)),
        outlet_documents=MappingProxyType(dict(outlet_docs)),
        outlet_line_docs=MappingProxyType(dict(outlet_line_docs)),
    )
