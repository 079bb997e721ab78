"""The public surface of newsweave.clean is pinned: the pipeline imports exactly these names."""

from __future__ import annotations

from newsweave import clean


def test_public_names_are_pinned() -> None:
    assert sorted(clean.__all__) == [
        "CleanConfig",
        "CorpusLineStats",
        "clean_document",
        "clean_text",
        "corpus_line_stats",
        "extract_html",
        "outlet_key",
    ]
    for name in clean.__all__:
        assert hasattr(clean, name)
