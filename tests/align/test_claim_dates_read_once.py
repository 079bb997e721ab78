"""The claim rules date each sentence once per `find_conflicts` call (session 20): a story is
compared whole and again per voice (`revisions`), and both read the same sentences' dates.
The same conflicts as reading them each time, which is the oracle here."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

import pytest

from newsweave.align import conflicts
from newsweave.align.conflicts import Statement, find_conflicts
from newsweave.extract.dates import extract_dates
from newsweave.model import DateMention, Evidence


def _said(article: str, voice: str, day: str, text: str) -> Statement:
    evidence = Evidence(article_id=article, text=text, span=(0, len(text)))
    return Statement(evidence=evidence, voice=voice, published=day)


# One outlet's two days and another outlet, each pair one aligned claim with a written date.
STATEMENTS = [
    _said("a1", "kxan", "2016-01-19", "The bridge closed on January 12, 2016, officials said."),
    _said("a2", "kxan", "2016-01-21", "The bridge closed on January 14, 2016, officials said."),
    _said("a3", "khou", "2016-01-21", "The bridge was closed on January 12, 2016."),
    _said("a1", "kxan", "2016-01-19", "Repairs began on January 15, 2016."),
    _said("a2", "kxan", "2016-01-21", "Repairs began on January 16, 2016, the city said."),
]
LABELS = [0, 0, 0, 1, 1]


class _Counted:
    def __init__(self) -> None:
        self.calls: Counter[tuple[str, str | None]] = Counter()

    def __call__(self, text: str, published: str | None) -> Sequence[DateMention]:
        self.calls[(text, published)] += 1
        return extract_dates(text, published)


def test_each_sentence_is_dated_once_by_the_claim_rules(monkeypatch: pytest.MonkeyPatch) -> None:
    counted = _Counted()
    found = find_conflicts("s", STATEMENTS, LABELS, dates=counted)
    assert {c.basis for c in found} >= {"date"}
    # The old reading, every call to the extractor itself (the figure rules read it too).
    monkeypatch.setattr(conflicts, "_read_once", lambda dates: dates)
    every = _Counted()
    assert find_conflicts("s", STATEMENTS, LABELS, dates=every) == found
    texts = set(every.calls)
    assert texts == set(counted.calls)
    # The claim of both outlets is dated whole and again for kxan's days: its two kxan
    # sentences are read once fewer (the claim of kxan alone is dated for its days only).
    assert sum(every.calls.values()) - sum(counted.calls.values()) == 2
