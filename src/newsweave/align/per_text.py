"""What a typed comparison reads of one sentence, kept per process.

`find_conflicts` compares a story's statements whole and then again per voice
(`align.revisions`: each voice's articles of each day against its other days), and each rule
reads every statement it is given: the slots, dated happenings, named ages, span starts and
clock times of most sentences were read about twice per alignment (the biggest stories of a
10,000-article +1 % step, session 20: 34,407 reads for 18,478 sentences). What a reader finds
depends on its arguments alone (the sentence, and for some its publication day or the
comparison's config), and its findings are immutable records, so each is read once per
process and handed back as a fresh list, the same values.

Not in `align.conflict_base`: that module's source is in the key of the kept figure frames
(`align.claims._reading_options`), and an edit there would make every store read them again.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import ParamSpec, TypeVar

P = ParamSpec("P")
T = TypeVar("T")

# Distinct arguments each reader keeps (a worker aligns many stories; entries are a few hundred
# bytes, most of them an empty tuple), as `similarity.FEATURE_CACHE_ENTRIES`.
READER_CACHE_ENTRIES = 50_000


def kept_per_text(fn: Callable[P, list[T]]) -> Callable[P, list[T]]:
    """`fn` (a pure reader whose findings are immutable) read once per process for each set
    of arguments; each call gets a list of its own."""

    @functools.lru_cache(maxsize=READER_CACHE_ENTRIES)
    def read(*args: object, **kwargs: object) -> tuple[T, ...]:
        return tuple(fn(*args, **kwargs))  # type: ignore[arg-type]

    @functools.wraps(fn)
    def kept(*args: P.args, **kwargs: P.kwargs) -> list[T]:
        return list(read(*args, **kwargs))  # type: ignore[arg-type]

    kept.cache_info = read.cache_info  # type: ignore[attr-defined]
    kept.cache_clear = read.cache_clear  # type: ignore[attr-defined]
    return kept
