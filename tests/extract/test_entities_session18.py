"""Names with a typographic apostrophe (session 18, issue 12): "Lawrence O’Toole" was cut to
"Lawrence" by the NER model, which reads the straight apostrophe of "O'Toole" as part of the
name; and the same name written with either apostrophe is one key."""

from __future__ import annotations

import pytest

from newsweave.extract.aliases import name_key, token_pattern
from newsweave.extract.entities import EntityConfig, extract_entities
from newsweave.extract.mentions import straight_name_apostrophes
from newsweave.nlp import load_spacy
from tests.extract.helpers import plain_article


def test_a_name_apostrophe_is_made_straight_and_nothing_else() -> None:
    text = "Lt. Col. Lawrence O’Toole wouldn’t say; CBS4’s Peter D’Oench and N‘Golo asked ‘Why?’"
    straight = straight_name_apostrophes(text)
    assert len(straight) == len(text)  # offsets hold
    assert straight == (
        "Lt. Col. Lawrence O'Toole wouldn’t say; CBS4’s Peter D'Oench and N'Golo asked ‘Why?’"
    )


def test_either_apostrophe_gives_one_name_key() -> None:
    assert name_key("Lawrence O’Toole") == name_key("Lawrence O'Toole") == "lawrence o'toole"
    assert name_key("O’Toole’s") == "o'toole"
    assert token_pattern("o'toole") == "o['’‘ʼ]toole"


@pytest.mark.parametrize(
    ("sentence", "name"),
    [
        (
            "St. Louis Police Lt. Col. Lawrence O’Toole wouldn’t characterize the shooting.",
            "Lawrence O’Toole",
        ),
        # typed ORG before
        ("Ke’Ambrielle Sanders went to school with Rollins.", "Ke’Ambrielle Sanders"),
    ],
)
def test_a_name_with_a_typographic_apostrophe_is_one_whole_person(sentence: str, name: str) -> None:
    if load_spacy(disable=("parser", "lemmatizer")) is None:
        pytest.skip("spaCy model not installed")
    result = extract_entities([plain_article(sentence)], config=EntityConfig(use_model=True))
    people = {e.name for e in result.entities if e.type == "PERSON"}
    assert name in people
    assert not {p for p in people if p != name and p in name}  # no "Lawrence" cut off


def test_one_person_across_articles_whatever_the_apostrophe() -> None:
    if load_spacy(disable=("parser", "lemmatizer")) is None:
        pytest.skip("spaCy model not installed")
    articles = [
        plain_article("Police Lt. Col. Lawrence O’Toole said the girl was shot on Sunday.", "a1"),
        plain_article("Police Lt. Col. Lawrence O'Toole said there were good leads.", "a2"),
    ]
    result = extract_entities(articles, config=EntityConfig(use_model=True))
    toole = [e for e in result.entities if "Toole" in e.name]
    assert len(toole) == 1
    assert toole[0].article_ids == ("a1", "a2")
