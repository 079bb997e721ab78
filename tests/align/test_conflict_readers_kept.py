"""What the typed comparisons read of one sentence is read once per process (`align.per_text`,
session 20): `find_conflicts` compares a story whole and again per voice (`revisions`), and
each read gave the same immutable findings. The readers' own code is the oracle."""

from __future__ import annotations

from collections.abc import Callable

from newsweave.align.age_conflicts import named_ages
from newsweave.align.clock_conflicts import clock_times
from newsweave.align.conflicts import ConflictConfig, Statement, find_conflicts
from newsweave.align.dated_conflicts import dated_happenings
from newsweave.align.slot_conflicts import read_slots
from newsweave.align.span_conflicts import span_starts
from newsweave.model import Evidence

from .seed_articles import seed_article

SENTENCES = [
    "An 11-year-old girl was shot in the shoulder Saturday night with a .22-caliber rifle.",
    "An 11-year-old boy was shot in the chest Saturday afternoon with a .40-caliber handgun.",
    "Walter Meisenheimer, 68, died at 8:40 p.m. on Friday at his home, police said.",
    "Walter Meisenheimer, 67, died about 8.49pm Friday, the coroner said.",
    "The fire broke out about 8.40pm on Tuesday in the basement.",
    "The painting sold for $30 million in 1957, and was sold again in March.",
    "The painting sold for $30 million in 1967.",
    "Consultations have been performed for 35 years under the act.",
    "The requirement, dating back to 1986, of interagency consultation was dropped.",
    "I was there in 2009, we saw it.",
    "He was 77.",
]
READERS: list[tuple[str, Callable[..., list[object]], tuple[object, ...]]] = [
    ("slots", read_slots, ()),
    ("ages", named_ages, ()),
    ("dated", dated_happenings, ()),
    ("spans", span_starts, ("2009-05-01",)),
    ("spans undated", span_starts, (None,)),
    ("clocks", clock_times, ()),
    ("clocks, config", clock_times, (ConflictConfig(),)),
]


def _texts() -> list[str]:
    seeds = [seed_article(n) for n in ("000", "001", "002")]
    return SENTENCES + [p for a in seeds for p in a.text.split("\n\n")][:60]


def test_each_reader_gives_its_own_code_s_findings_every_time() -> None:
    found = 0
    for _, reader, extra in READERS:
        own = reader.__wrapped__  # type: ignore[attr-defined]
        for text in _texts():
            expected = own(text, *extra)
            first = reader(text, *extra)
            assert first == expected
            first.append("changed by a caller")  # a list of its own: the kept one stays
            assert reader(text, *extra) == expected
            found += bool(expected)
    assert found >= 10  # the sentences fill every reader somewhere


def _said(article: str, voice: str, day: str, text: str) -> Statement:
    evidence = Evidence(article_id=article, text=text, span=(0, len(text)))
    return Statement(evidence=evidence, voice=voice, published=day)


def test_a_story_compared_whole_and_per_voice_reads_each_sentence_once() -> None:
    # One outlet's two days (compared again by `revisions`) and another outlet.
    statements = [
        _said("a1", "kxan", "2016-01-19", SENTENCES[0]),
        _said("a1", "kxan", "2016-01-19", SENTENCES[2]),
        _said("a2", "kxan", "2016-01-20", SENTENCES[1]),
        _said("a2", "kxan", "2016-01-20", SENTENCES[3]),
        _said("a3", "khou", "2016-01-20", SENTENCES[5]),
        _said("a3", "khou", "2016-01-20", SENTENCES[6]),
    ]
    for reader in (read_slots, named_ages, dated_happenings):
        reader.cache_clear()  # type: ignore[attr-defined]
    find_conflicts("s", statements, list(range(len(statements))), cosine=lambda i, j: 0.9)
    for reader in (read_slots, named_ages, dated_happenings):
        info = reader.cache_info()  # type: ignore[attr-defined]
        assert info.misses == len(statements)  # each sentence read once
        assert info.hits >= 4  # the voice's four sentences, compared again by `revisions`
