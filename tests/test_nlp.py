"""spaCy loads with only the components a caller needs, and NER alone finds what it found before."""

from __future__ import annotations

import pytest

from newsweave.nlp import NER_ONLY, load_spacy
from tests.conftest import EXAMPLES


def _model_or_skip() -> None:
    if load_spacy() is None:
        pytest.skip("spaCy or its English model is not installed")


def test_ner_only_loads_the_ner_component_alone() -> None:
    _model_or_skip()
    nlp = load_spacy(exclude=NER_ONLY)
    assert nlp is not None and nlp.pipe_names == ["ner"]


def test_a_component_another_listens_to_is_loaded_after_all() -> None:
    _model_or_skip()
    # The tagger listens to the shared tok2vec: excluding tok2vec alone would leave it deaf.
    nlp = load_spacy(exclude=("tok2vec", "parser", "lemmatizer"))
    assert nlp is not None and nlp.pipe_names[:2] == ["tok2vec", "tagger"]


def test_ner_alone_finds_the_entities_of_the_fuller_pipeline() -> None:
    _model_or_skip()
    texts = [path.read_text(encoding="utf-8") for path in sorted(EXAMPLES.glob("*.txt"))]
    fuller = load_spacy(disable=("parser", "lemmatizer"))
    alone = load_spacy(exclude=NER_ONLY)
    assert fuller is not None and alone is not None

    def entities(nlp: object) -> list[list[tuple[int, int, str]]]:
        return [
            [(e.start_char, e.end_char, e.label_) for e in doc.ents]
            for doc in nlp.pipe(texts)  # type: ignore[attr-defined]
        ]

    found = entities(alone)
    assert sum(map(len, found)) > 20
    assert found == entities(fuller)
