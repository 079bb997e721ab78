"""What a typed comparison reads of one sentence, kept per process (and, through
`align.claims`' kept sentence readings, across runs).

`find_conflicts` compares a story's statements whole and then again per voice
(`align.revisions`: each voice's articles of each day against its other days), and each rule
reads every statement it is given: the slots, dated happenings, named ages, span starts and
clock times of most sentences were read about twice per alignment (the biggest stories of a
10,000-article +1 % step, session 20: 34,407 reads for 18,478 sentences). What a reader finds
depends on its arguments alone (the sentence, and for some its publication day or the
comparison's config), and its findings are immutable records, so each is read once per
process and handed back as a fresh list, the same values.

A story aligned again because an article joined it (`ingest`) read every old sentence again in
a new pool worker. So each reader's findings are also kept by the sentence: `held_findings`
hands back what this process read of some texts, `hold_findings` gives a process what an
earlier one read (`align.claims.SentenceReadings.reads`, a product keyed on the text, the
readers' source and the config), and a reader given them does not read again.

Not in `align.conflict_base`: that module's source is in the key of the kept figure frames
(`align.claims._reading_options`), and an edit there would make every store read them again.
"""

from __future__ import annotations

import functools
from collections import OrderedDict
from collections.abc import Callable, Iterable
from typing import Any, NamedTuple, ParamSpec, TypeVar

P = ParamSpec("P")
T = TypeVar("T")
V = TypeVar("V")

# Distinct texts each reader keeps (a worker aligns many stories; entries are a few hundred
# bytes, most of them an empty tuple), as `similarity.FEATURE_CACHE_ENTRIES`.
READER_CACHE_ENTRIES = 50_000


class CacheInfo(NamedTuple):
    hits: int
    misses: int
    maxsize: int
    currsize: int


class _Findings:
    """One reader's findings in this process: by text, then by its other arguments; the
    texts least recently asked go first past `maxsize`."""

    def __init__(self, fn: Callable[..., Any], maxsize: int) -> None:
        self.fn, self.maxsize = fn, maxsize
        self.held: OrderedDict[str, dict[tuple[object, ...], object]] = OrderedDict()
        self.hits = self.misses = 0

    def read(self, text: str, rest: tuple[object, ...]) -> object:
        by_rest = self.held.get(text)
        if by_rest is not None:
            self.held.move_to_end(text)
            if rest in by_rest:
                self.hits += 1
                return by_rest[rest]
        self.misses += 1
        value = self.fn(text, *rest)
        self.put(text, rest, value)
        return value

    def put(self, text: str, rest: tuple[object, ...], value: object) -> None:
        by_rest = self.held.get(text)
        if by_rest is None:
            by_rest = self.held[text] = {}
            if len(self.held) > self.maxsize:
                self.held.popitem(last=False)
        else:
            self.held.move_to_end(text)
        by_rest[rest] = value

    def clear(self) -> None:
        self.held.clear()
        self.hits = self.misses = 0

    def info(self) -> CacheInfo:
        return CacheInfo(self.hits, self.misses, self.maxsize, len(self.held))


# Every kept reader by name (its module's last part and its qualified name), for
# `held_findings` / `hold_findings`.
READERS: dict[str, _Findings] = {}


def _register(fn: Callable[..., Any], maxsize: int, *, name: Callable[..., Any]) -> _Findings:
    # Named by its module's last part and its own name: kept with every sentence's findings,
    # a short name is fewer bytes to store and load.
    findings = _Findings(fn, maxsize)
    READERS[f"{name.__module__.rpartition('.')[2]}.{name.__qualname__}"] = findings
    return findings


def kept_per_text(fn: Callable[P, list[T]]) -> Callable[P, list[T]]:
    """`fn` (a pure reader of a text, then other hashable arguments, whose findings are
    immutable) read once per process for each set of arguments; each call gets a list of its
    own."""
    reader: Callable[..., list[T]] = fn
    findings = _register(
        lambda text, *rest: tuple(reader(text, *rest)), READER_CACHE_ENTRIES, name=fn
    )

    @functools.wraps(fn)
    def kept(text: str, *rest: object) -> list[T]:
        found: tuple[T, ...] = findings.read(text, rest)  # type: ignore[assignment]
        return list(found)

    kept.cache_info = findings.info  # type: ignore[attr-defined]
    kept.cache_clear = findings.clear  # type: ignore[attr-defined]
    return kept  # type: ignore[return-value]


def kept_value(maxsize: int) -> Callable[[Callable[..., V]], Callable[..., V]]:
    """As `kept_per_text` for a reader whose value is itself immutable (handed back as is)."""

    def wrap(fn: Callable[..., V]) -> Callable[..., V]:
        findings = _register(fn, maxsize, name=fn)

        @functools.wraps(fn)
        def kept(text: str, *rest: object) -> V:
            return findings.read(text, rest)  # type: ignore[return-value]

        kept.cache_info = findings.info  # type: ignore[attr-defined]
        kept.cache_clear = findings.clear  # type: ignore[attr-defined]
        return kept

    return wrap


# One finding as kept across processes: (reader, its arguments after the text, its value).
Finding = tuple[str, tuple[object, ...], object]


def held_findings(texts: Iterable[str]) -> dict[str, tuple[Finding, ...]]:
    """What this process's readers found of each of `texts` (those some reader read)."""
    out: dict[str, tuple[Finding, ...]] = {}
    for text in texts:
        found = tuple(
            (name, rest, value)
            for name, findings in sorted(READERS.items())
            if (by_rest := findings.held.get(text)) is not None
            for rest, value in by_rest.items()
        )
        if found:
            out[text] = found
    return out


def hold_findings(found: Iterable[tuple[str, Iterable[Finding]]]) -> None:
    """Give this process's readers what `held_findings` handed back (of another process):
    they hand it back for those arguments without reading."""
    for text, findings in found:
        for name, rest, value in findings:
            reader = READERS.get(name)
            if reader is not None:
                reader.put(text, rest, value)
