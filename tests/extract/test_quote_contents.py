"""A quote's content is what was said, exactly (issue 12, session 16: GVC 413257, 525329 and
710200, ECB+ Greek riots, read by eye). Sentences are shaped like the articles' own, with other
names: an indirect quote keeps its subject when "that" is a determiner, a time of saying after
the verb is no content, one scare-quoted word is no quote (a one-word answer is), a subordinate
clause's subject speaks, a clause cut at an auxiliary goes on into its quote."""

from __future__ import annotations

from newsweave.extract.entities import EntityConfig, extract_entities
from newsweave.extract.quotes import extract_quotes

from .helpers import plain_article


def _quotes(text: str) -> list[tuple[str, str, str | None]]:
    article = plain_article(text)
    result = extract_entities([article], config=EntityConfig(use_model=False))
    return [(q.kind, q.text, q.speaker_text) for q in extract_quotes(article, result)]


def _indirect(text: str) -> list[str]:
    return [content for kind, content, _ in _quotes(text) if kind == "indirect"]


def test_that_as_a_determiner_keeps_the_clause_subject() -> None:
    found = _indirect(
        "Criminal complaints indicate Marcus Hale received the rifle on the day of the "
        "shooting. The complaint says Hale gave that rifle to another person the next day."
    )
    assert found == ["Hale gave that rifle to another person the next day"]


def test_that_after_an_adverbial_gap_is_still_the_complementizer() -> None:
    found = _indirect(
        "Police Chief Ann Ruiz said in a statement released Tuesday that the shooting was "
        "under investigation."
    )
    assert found == ["the shooting was under investigation"]


def test_a_time_of_saying_after_the_verb_is_no_content() -> None:
    found = _indirect(
        "Police Chief Dana Wolcott said Saturday night the crash does not appear to be "
        "deliberate. Wolcott said Tuesday the second driver was never found."
    )
    assert "the crash does not appear to be deliberate" in found
    assert "the second driver was never found" in found
    assert not any(q.startswith(("Saturday", "Tuesday")) for q in found)


def test_a_time_of_saying_then_a_phrase_is_no_reported_clause() -> None:
    found = _indirect(
        '"Everybody loved her," the girl\'s cousin Lena Ward said Friday about the teen '
        'known to friends as "Bee."'
    )
    assert found == []


def test_a_quoted_phrase_closing_the_clause_keeps_its_closing_mark() -> None:
    found = _indirect(
        "Police Chief Dana Wolcott said the crash does not appear to be an “intentional act.”"
    )
    assert found == ["the crash does not appear to be an “intentional act.”"]


def test_a_clause_cut_at_an_auxiliary_goes_on_into_its_quote() -> None:
    found = _indirect(
        "Council President Hans Meier insisted the debt problems in Spain and Portugal had "
        '"absolutely nothing to do with the situation in Greece."'
    )
    assert found == [
        'the debt problems in Spain and Portugal had "absolutely nothing to do with the '
        'situation in Greece."'
    ]


def test_one_scare_quoted_word_is_no_quote() -> None:
    quotes = _quotes(
        'An investigation into the shooting is "active," the sheriff\'s office said in a news '
        "release."
    )
    assert not any(kind == "direct" for kind, _, _ in quotes)


def test_a_one_word_answer_with_a_said_verb_is_a_quote() -> None:
    quotes = _quotes(
        'Asked whether the driver had been drinking, Sheriff Tom Baird paused. "No," he said.'
    )
    assert [(kind, content) for kind, content, _ in quotes] == [("direct", "No")]


def test_a_subordinate_clause_subject_speaks() -> None:
    quotes = _quotes(
        "Dale Evers was arrested in August 2014 after police said he and another man shot "
        "three people in an alley."
    )
    found = [(content, who) for kind, content, who in quotes if kind == "indirect"]
    assert found == [("he and another man shot three people in an alley", "police")]


def test_a_belief_of_the_narrative_is_no_statement() -> None:
    found = _indirect(
        "The 13-year-old thought the gun was not loaded after he pulled the clip from the pistol."
    )
    assert found == []


def test_a_bare_plural_subject_with_its_auxiliary_is_a_reported_clause() -> None:
    found = _indirect(
        "Chief Dana Wolcott said investigators have interviewed the driver of the truck. "
        "Wolcott said police have spoken with everyone inside the house."
    )
    assert found == [
        "investigators have interviewed the driver of the truck",
        "police have spoken with everyone inside the house",
    ]
