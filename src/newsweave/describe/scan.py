"""Cheap scanning helpers: run a pattern only near the rare keyword it cannot match without.

A regex scan of a whole page costs milliseconds; `str.find` of a keyword costs microseconds.
Patterns anchored on a keyword ("newsletter", "©", "originally") are therefore run on short
windows around each occurrence of the keyword.
"""

from __future__ import annotations

from collections.abc import Iterable

# Pages longer than this are scanned at their head and tail only: metadata lines sit at the top
# (headline, date) or the bottom (copyright, credits) of a page, never only in its middle.
MAX_SCAN_CHARS = 200_000
TAIL_CHARS = 50_000


def bounded(text: str) -> str:
    """`text`, or its head and tail when it is longer than MAX_SCAN_CHARS."""
    if len(text) <= MAX_SCAN_CHARS:
        return text
    return text[: MAX_SCAN_CHARS - TAIL_CHARS] + "\n" + text[-TAIL_CHARS:]


def keyword_positions(lowered: str, keyword: str) -> list[int]:
    """Where `keyword` occurs in the lower-cased text."""
    positions: list[int] = []
    position = lowered.find(keyword)
    while position >= 0:
        positions.append(position)
        position = lowered.find(keyword, position + 1)
    return positions


def keyword_windows(
    text: str, lowered: str, keywords: Iterable[str], *, reach: int = 160
) -> list[tuple[int, str]]:
    """(offset, piece) of `text` around each occurrence of any keyword, whole lines, merged.

    `reach` exceeds the longest match of any keyword-anchored pattern (a 6-word name and its
    phrase); pieces are widened to whole lines so that ^/$ anchors keep their meaning.
    """
    spans = sorted(
        (max(0, position - reach), position + len(keyword) + reach)
        for keyword in keywords
        for position in keyword_positions(lowered, keyword)
    )
    merged: list[tuple[int, int]] = []
    for start, end in spans:
        line_start = text.rfind("\n", max(0, start - reach), start) + 1 if start else 0
        if line_start == 0 and start > reach:
            line_start = start  # no line break near: a very long line, keep the window
        line_end = text.find("\n", end, end + reach)
        stop = line_end if line_end >= 0 else min(len(text), end)
        if merged and line_start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], stop))
        else:
            merged.append((line_start, stop))
    return [(start, text[start:end]) for start, end in merged]
