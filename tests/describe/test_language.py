"""Language of the clean text."""

from __future__ import annotations

from newsweave.describe.language import detect_language, normalise_language

ENGLISH = "The council voted on Tuesday to expand the bus network to three new districts."
FRENCH = (
    "Le conseil municipal a voté mardi pour étendre le réseau de bus à trois nouveaux quartiers."
)


def test_language_is_detected_from_text() -> None:
    assert detect_language(ENGLISH) == "en"
    assert detect_language(FRENCH) == "fr"


def test_container_language_is_trusted_and_normalised() -> None:
    assert detect_language(FRENCH, declared="en-US") == "en"
    assert detect_language(ENGLISH, declared="fra") == "fr"


def test_page_hint_is_used_only_when_the_text_cannot_tell() -> None:
    assert detect_language("Oui.", page_hint="fr-FR") == "fr"
    assert detect_language(ENGLISH, page_hint="de") == "en"


def test_empty_text_has_no_language() -> None:
    assert detect_language("   \n", declared="en") is None
    assert detect_language("") is None


def test_language_tags_are_normalised() -> None:
    assert normalise_language("pt_BR") == "pt"
    assert normalise_language("iw") == "he"
    assert normalise_language("english please") is None
    assert normalise_language(None) is None
