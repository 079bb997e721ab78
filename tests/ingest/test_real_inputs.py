"""The seed articles and the labelled eval pages read cleanly (eval data: skipped when absent)."""

from __future__ import annotations

from pathlib import Path

import pytest

from .conftest import read_all, split

REPO = Path(__file__).resolve().parents[2]
EXAMPLES = REPO / "examples"
EVAL = (REPO / ".." / "shared" / "eval").resolve()
CLEANING_HTML = EVAL / "cleaning" / "html"
ECBPLUS_ARTICLES = EVAL / "ecbplus" / "articles.jsonl"


def test_seed_examples_are_read_as_utf8_text() -> None:
    paths = sorted(EXAMPLES.glob("*.txt"))
    assert len(paths) == 4
    docs, problems = split(read_all(*paths))
    assert problems == []
    assert [doc.source for doc in docs] == [str(path) for path in paths]
    for doc, path in zip(docs, paths, strict=True):
        assert doc.text == path.read_text(encoding="utf-8").replace("\r\n", "\n")
        assert doc.html is None and doc.encoding == "utf-8"


@pytest.mark.slow
@pytest.mark.skipif(not CLEANING_HTML.is_dir(), reason="shared/eval/cleaning not present")
def test_cleaning_eval_pages_are_read_as_html_with_their_metadata() -> None:
    paths = sorted(CLEANING_HTML.glob("*.html.gz"))
    docs, problems = split(read_all(CLEANING_HTML))
    assert problems == []
    assert len(docs) == len(paths) > 100
    assert all(doc.html and doc.text is None for doc in docs)
    assert all(doc.encoding == "utf-8" for doc in docs)  # the README: all 118 are valid UTF-8
    # Metadata is only what pages declare, so not every page has every field; these shares
    # are what the 118 pages declare (titles 118, canonical/og URLs 114, dates 98, lang 105).
    assert sum(doc.title is not None for doc in docs) >= 0.95 * len(docs)
    assert sum(doc.url is not None for doc in docs) >= 0.85 * len(docs)
    assert sum(doc.published is not None for doc in docs) >= 0.7 * len(docs)
    assert sum(doc.language is not None for doc in docs) >= 0.8 * len(docs)


@pytest.mark.skipif(not ECBPLUS_ARTICLES.is_file(), reason="shared/eval/ecbplus not present")
def test_ecbplus_articles_jsonl_reads_without_problems() -> None:
    docs, problems = split(read_all(ECBPLUS_ARTICLES))
    assert problems == []
    assert len(docs) > 700
    assert docs[0].source == f"{ECBPLUS_ARTICLES}#1"
    assert all(doc.text for doc in docs)
