"""CorpusLineStats: counting, merging, pickling, and what the cleaner does with it."""

from __future__ import annotations

import pickle

import pytest

from newsweave.clean import CleanConfig, CorpusLineStats, clean_text, corpus_line_stats
from newsweave.clean.stats import MAX_COUNTED_BODIES
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
    stats = corpus_line_stats(["x\ny", "x\nz", "x"], ["a", "a", "b"])
    assert stats.docs_with("x", "a") == (3, 2)
    assert stats.docs_with("x", "b") == (3, 1)
    assert stats.outlet_documents == {"a": 2, "b": 1}


def test_identical_bodies_count_once() -> None:
    """Crawl copies of one page (/amp/, ?utm_, m. host) are one body, not three pages."""
    page = "Council Votes to Expand Bus Network\nSubscribe\nThe council voted on Monday."
    copy = page.upper().replace("Monday", "monday")  # case and spacing do not make a new body
    stats = corpus_line_stats([page, page, copy, "Subscribe\nOther story."], ["a"] * 4)
    assert stats.documents == 4
    assert stats.docs_with("Subscribe", "a") == (2, 2)
    assert stats.docs_with("The council voted on Monday.", "a") == (1, 1)
    # The same body under two outlets (syndication) is one body overall, one per outlet.
    both = corpus_line_stats([page, page], ["a", "b"])
    assert both.docs_with("Subscribe", "a") == (1, 1)
    assert both.docs_with("Subscribe", "b") == (1, 1)


def test_copies_in_different_partitions_still_count_once() -> None:
    texts = [*_pages(), _pages()[0], _pages()[0]]
    outlets = ["a"] * len(texts)
    whole = corpus_line_stats(texts, outlets)
    parts = [
        corpus_line_stats([text], [outlet]) for text, outlet in zip(texts, outlets, strict=True)
    ]
    merged = CorpusLineStats()
    for part in reversed(parts):
        merged = merged.merge(part)
    assert merged == whole
    assert whole.docs_with(PARAGRAPHS[0], "a") == (2, 2)  # in two pages, however many copies


def test_counts_saturate_at_the_cap() -> None:
    texts = [f"Shared footer line\nStory number {'i' * n}." for n in range(MAX_COUNTED_BODIES + 5)]
    stats = corpus_line_stats(texts, ["a"] * len(texts))
    assert stats.docs_with("Shared footer line", "a") == (MAX_COUNTED_BODIES, MAX_COUNTED_BODIES)


def test_three_crawl_copies_of_an_article_keep_their_text() -> None:
    """Issue 14 row 4: the copies were all deleted as corpus-repeated furniture."""
    first = (
        "The harbour authority said on Friday that the new ferry terminal would open in May, "
        "two years later than planned, after a dispute over the cost of the pier."
    )
    second = (
        "Ferry operators welcomed the date but said fares would rise to cover the delay, "
        "which the authority blamed on a shortage of steel."
    )
    article = f"{_FURNITURE}\n\nHarbour Terminal Delayed Again\n\n{first}\n\n{second}"
    pages = [article, article, article, *_pages()]
    stats = corpus_line_stats(pages, ["gazette"] * len(pages))
    cleaned = clean_text(article, stats=stats, outlet_key="gazette")
    assert first in cleaned.text and second in cleaned.text
    assert _FURNITURE not in cleaned.text  # real furniture still goes


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
