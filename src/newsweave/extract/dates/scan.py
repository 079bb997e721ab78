"""Where the grammar runs: windows around trigger words, then every candidate span in them."""

from __future__ import annotations

import re
from collections.abc import Iterator

from newsweave.extract.dates.coarse import COARSE_PATTERNS
from newsweave.extract.dates.config import DatesConfig
from newsweave.extract.dates.grammar import PATTERNS as CALENDAR_PATTERNS
from newsweave.extract.dates.grammar import Candidate

PATTERNS = (*CALENDAR_PATTERNS, *COARSE_PATTERNS)

_PATTERNS_OF: dict[str, tuple[int, ...]] = {}
for _index, _entry in enumerate(PATTERNS):
    for _word in _entry[2]:
        _PATTERNS_OF[_word] = (*_PATTERNS_OF.get(_word, ()), _index)
_WORD_TRIGGERS = tuple((w, i) for w, i in _PATTERNS_OF.items() if not w.startswith("#"))
_NUMBER = re.compile(r"\d+")
# How far an expression reaches around its trigger word ("the very beginning of the year",
# "Wednesday, 05 May 2010"): longer than any left or right context of the patterns above.
_REACH = 48


def _windows(text: str) -> dict[int, list[tuple[int, int]]]:
    """For each pattern (by index), the merged stretches of `text` around its trigger words.

    Trigger words are found with `str.find` (C speed), whole words only; numbers with a regex.
    """
    lowered = text.lower()
    hits: dict[int, list[int]] = {}
    for word, indexes in _WORD_TRIGGERS:
        at = lowered.find(word)
        while at != -1:
            after = at + len(word)
            if (at == 0 or not lowered[at - 1].isalpha()) and (
                after == len(lowered) or not lowered[after].isalpha()
            ):
                for index in indexes:
                    hits.setdefault(index, []).append(at)
            at = lowered.find(word, after)
    for number in _NUMBER.finditer(text):
        for index in _PATTERNS_OF["#4" if len(number[0]) == 4 else "#"]:
            hits.setdefault(index, []).append(number.start())
    windows: dict[int, list[tuple[int, int]]] = {}
    for index, starts in hits.items():
        spans: list[tuple[int, int]] = []
        for at in sorted(starts):
            start, end = max(0, at - _REACH), at + _REACH + 10  # 10: the longest trigger word
            if spans and start <= spans[-1][1]:
                spans[-1] = (spans[-1][0], end)
            else:
                spans.append((start, end))
        windows[index] = spans
    return windows


def _url_spans(text: str) -> list[tuple[int, int]]:
    """Whitespace-delimited tokens holding a "/" after a "." or "://" (web addresses)."""
    spans: list[tuple[int, int]] = []
    slash = text.find("/")
    while slash != -1:
        start = max(text.rfind(" ", 0, slash), text.rfind("\n", 0, slash)) + 1
        tail = _NON_SPACE.match(text, slash)
        end = tail.end() if tail else slash + 1
        if "." in text[start:slash] or "://" in text[start:end]:
            spans.append((start, end))
        slash = text.find("/", end)
    return spans


_NON_SPACE = re.compile(r"\S+")


def candidates(text: str, config: DatesConfig) -> Iterator[Candidate]:
    """Every span some pattern reads as a time expression (overlaps included), outside URLs."""
    windows = _windows(text)
    if not windows:
        return
    urls = _url_spans(text)
    for index, (pattern, build, _) in enumerate(PATTERNS):
        for start, end in windows.get(index, ()):
            for match in pattern.finditer(text, start, end):
                if any(s <= match.start() < e for s, e in urls):
                    continue
                found = build(match, text, config)
                if found is not None:
                    yield found
