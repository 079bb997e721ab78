"""CorpusLineStats: counting, merging, pickling, and what the cleaner does with it."""

from __future__ import annotations

import pickle

import pytest

from newsweave.clean import CleanConfig, CorpusLineStats, clean_text, corpus_line_stats
from newsweave.errors import ConfigError
from tests.clean.conftest import PARAGRAPHS

_FURNITURE = "Springfield Gazette Daily Briefing Desk"


def _pages() -> list[str]:
    return [f"{_FURNITURE}\n\n{p}\n\n{PARAGRAPHS[(i + 1) % 5]}" for i, p in enumerate(PARAGRAPHS)]


def test_counts_documents_not_occurrences() -> None:
    stats = corpus_line_stats(["a line\na line\nother", "a line"])
    assert stats.documents == 2
    assert stats.docs_with("a line") == (2, 0)
    assert stats.docs_with("A  LINE") == (2, 0)  # case and spacing do not matter
    assert stats.docs_with("other") == (1, 0)


def test_counts_per_outlet() -> None:
    stats = corpus_line_stats(["x\ny", "x", "x"], ["a", "a", "b"])
    assert stats.docs_with("x", "a") == (3, 2)
    assert stats.docs_with("x", "b") == (3, 1)
    assert stats.outlet_documents == {"a": 2, "b": 1}


def test_merge_equals_counting_everything_at_once() -> None:
    texts = _pages()
    outlets = ["a", "b", "a", None, "b"]
    whole = corpus_line_stats(texts, outlets)
    left = corpus_line_stats(texts[:2], outlets[:2])
    right = corpus_line_stats(texts[2:], outlets[2:])
    assert left.merge(right) == whole
    assert right.merge(left) == whole
    assert CorpusLineStats().merge(whole) == whole


def test_stats_pickle_round_trip() -> None:
    stats = corpus_line_stats(_pages(), ["a"] * 5)
    assert pickle.loads(pickle.dumps(stats)) == stats


def test_mismatched_outlet_keys_are_rejected() -> None:
    with pytest.raises(ValueError):
        corpus_line_stats(["a", "b"], ["x"])


def test_line_repeated_across_an_outlet_is_removed() -> None:
    pages = _pages()
    stats = corpus_line_stats(pages, ["gazette"] * len(pages))
    cleaned = clean_text(pages[0], stats=stats, outlet_key="gazette")
    assert _FURNITURE not in cleaned.text
    assert any(r.reason == "corpus-repeated" for r in cleaned.removed)
    assert PARAGRAPHS[0] in cleaned.text


def test_long_paragraph_shared_across_outlets_is_kept() -> None:
    """Syndicated wire copy repeats whole paragraphs across outlets: that is not furniture."""
    pages = [f"{PARAGRAPHS[0]}\n\n{p}" for p in PARAGRAPHS[1:]]
    stats = corpus_line_stats(pages, ["a", "b", "c", "d"])
    cleaned = clean_text(pages[0], stats=stats, outlet_key="a")
    assert PARAGRAPHS[0] in cleaned.text


def test_config_rejects_a_useless_corpus_threshold() -> None:
    with pytest.raises(ConfigError, match="corpus_min_docs"):
        CleanConfig(corpus_min_docs=1)


def test_headline_shared_by_syndicated_copies_stays_the_title() -> None:
    headline = "Council Votes to Expand Bus Network"
    pages = [f"{headline}\n\nSubscribe\n\n{p}\n\n{PARAGRAPHS[0]}" for p in PARAGRAPHS[1:]]
    stats = corpus_line_stats(pages)  # no outlet keys: copies from different outlets
    cleaned = clean_text(pages[0], stats=stats)
    assert cleaned.title == headline
    assert PARAGRAPHS[0] in cleaned.text


def test_button_repeated_across_the_corpus_is_removed_without_outlet_keys() -> None:
    button = "Gazette Radio Hour"
    pages = [f"{p}\n\n{button}\n\n{PARAGRAPHS[(i + 2) % 5]}" for i, p in enumerate(PARAGRAPHS)]
    alone = clean_text(pages[0])
    assert button in alone.text  # a short line inside an article stays without other evidence
    cleaned = clean_text(pages[0], stats=corpus_line_stats(pages))
    assert "Gazette Radio Hour" not in cleaned.text
    assert [r.reason for r in cleaned.removed] == ["corpus-repeated"]
