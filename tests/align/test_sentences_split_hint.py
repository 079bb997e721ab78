"""The sentence splitter scans a paragraph for split decimals and amounts only when it holds a
period, a space and a digit (issue 15, session 21): the same split points as the three scans
over every paragraph (the old computation, the oracle here), and no scan where none can match."""

from __future__ import annotations

import random

from newsweave.align import sentences
from newsweave.align.sentences import (
    SPLIT_LEADING_DECIMAL,
    _sentence_spans,
    _split_points,
    claim_spans,
    sentence_around,
)
from newsweave.extract.numbers import SPLIT_AMOUNT, SPLIT_DECIMAL
from tests.align.seed_articles import EXAMPLES

_PIECES = [
    "He hit. 308 with 33 homers.", "arrested around 9. 35am", "$368. 0 million", "12. 7 percent",
    "$1. 29 for the first time", "armed with her. 357 Magnum", "A. 38-caliber revolver",
    "of. 09 percent", "this:. 290 average,. 919 OPS", "in 2012. 10 people died.", "3. 5 km",
    "The U.S. vote was on Monday.", "Mr. Smith said.", "It rose 5.", " 7 more", "No. 5 seed.",
    "a 6. 1 magnitude quake", "€4. 5bn", "Dec. 14", "1. ", ". 2", "\n", "\n\n", " ", "Then",
    "“Yes.” 45 people", "Q. 4 A.", "9. 11", "x. 0a", "$. 5", ",. 123", ":. 999", "3.14",
]  # fmt: skip


def _old_points(text: str, start: int, end: int) -> set[int]:
    """The split points as the three scans over the range gave them before the hint."""
    points = {m.end(1) for m in SPLIT_DECIMAL.finditer(text, start, end)}
    points |= {
        m.end("unit") if m["unit"] else m.end("currency")
        for m in SPLIT_AMOUNT.finditer(text, start, end)
    }
    points |= {m.start() for m in SPLIT_LEADING_DECIMAL.finditer(text, start, end)}
    return points


def _texts() -> list[str]:
    rng = random.Random(21)
    out = [path.read_text(encoding="utf-8") for path in sorted(EXAMPLES.glob("*.txt"))]
    for _ in range(3_000):
        out.append("".join(rng.choice(_PIECES) for _ in range(rng.randint(1, 12))))
    return out


def test_split_points_are_those_of_the_three_scans_over_any_range() -> None:
    rng = random.Random(5)
    for text in _texts():
        ranges = [(0, len(text))]
        ranges += [tuple(sorted(rng.sample(range(len(text) + 1), 2))) for _ in range(6)]
        position = 0
        for paragraph in text.split("\n"):
            ranges.append((position, position + len(paragraph)))
            position += len(paragraph) + 1
        for start, end in ranges:
            assert _split_points(text, start, end) == _old_points(text, start, end), (text, start)


def test_no_scan_of_a_paragraph_without_a_period_space_digit(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    scanned: list[str] = []

    class Counting:
        def __init__(self, pattern):  # type: ignore[no-untyped-def]
            self.pattern = pattern

        def finditer(self, text, start, end):  # type: ignore[no-untyped-def]
            scanned.append(text[start:end])
            return self.pattern.finditer(text, start, end)

    for name in ("SPLIT_DECIMAL", "SPLIT_AMOUNT", "SPLIT_LEADING_DECIMAL"):
        monkeypatch.setattr(sentences, name, Counting(getattr(sentences, name)))
    text = (
        "The U.S. vote was on Monday. Mr. Smith said so.\n\nIt cost $368. 0 million. Then 5 more."
    )
    spans = list(claim_spans(text))
    assert [text[a:b] for a, b in spans] == [
        "The U.S. vote was on Monday.",
        "It cost $368. 0 million.",
    ]
    assert scanned == ["It cost $368. 0 million. Then 5 more."] * 3
    scanned.clear()
    assert sentence_around(text, 21, 27) == (0, 28)
    assert scanned == []
    assert list(_sentence_spans(text, 0, 47)) == [(0, 29), (29, 47)]
    assert scanned == []
