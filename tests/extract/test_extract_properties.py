"""Invariants of entity and quote extraction on arbitrary (untrusted) text."""

from __future__ import annotations

import itertools

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from newsweave.extract.entities import EntityConfig, extract_entities
from newsweave.extract.quotes import extract_quotes, find_quote_spans

from .helpers import plain_article as _article

# Text built from the pieces that trip quote and name rules: marks of every kind, apostrophes,
# capitalised words, titles, speech verbs, paragraph breaks.
PIECES = st.sampled_from(
    [
        '"',
        "“",
        "”",
        "‘",
        "’",
        "'",
        "«",
        "»",
        " ",
        "\n",
        "\n\n",
        ",",
        ".",
        ":",
        "Putin",
        "Vladimir",
        "President",
        "said",
        "told reporters",
        "he",
        "she",
        "the statement",
        "according to",
        "that",
        "Russia’s",
        "don't",
        "BidenVladimir",
        "the Russian president",
        "É",
        "x" * 30,
        "We will work",
        "68",
        "(L)",
    ]
)
TEXTS = st.lists(PIECES, max_size=40).map("".join)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(TEXTS)
def test_quote_and_entity_spans_always_index_the_text(text: str) -> None:
    article = _article(text)
    entities = extract_entities([article], config=EntityConfig(use_model=False))
    for entity in entities.entities:
        for ev in entity.mentions:
            assert text[ev.span[0] : ev.span[1]] == ev.text
    ids = {e.id for e in entities.entities}
    for quote in extract_quotes(article, entities):
        assert text[quote.span[0] : quote.span[1]] == quote.text
        assert quote.speaker_id is None or quote.speaker_id in ids
        assert quote.kind in {"direct", "indirect"}


@settings(max_examples=200, deadline=None)
@given(TEXTS)
def test_quote_spans_are_ordered_and_disjoint(text: str) -> None:
    spans = find_quote_spans(text)
    assert spans == sorted(spans)
    for (_, end), (start, _) in itertools.pairwise(spans):
        assert end <= start
    assert all(0 <= s < e <= len(text) for s, e in spans)
