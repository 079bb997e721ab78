"""Nationalities a sentence gives its nouns, and when two sentences' nationalities clash."""

from __future__ import annotations

import pytest

from newsweave.align.nationality import nationalities, nationalities_apart
from newsweave.align.similarity import stem
from newsweave.align.statement import different_statement, statement_facts


def test_a_nationality_word_and_a_country_before_a_noun_are_read() -> None:
    assert nationalities("A British climber has fallen to his death.") == {
        ("united kingdom", "climb")
    }
    assert nationalities("It was a New Zealand climber who fell on Friday.") == {
        ("new zealand", "climb")
    }


@pytest.mark.parametrize(
    "text",
    ["Russia's president sent a telegram.", "The Russian president sent a telegram."],
)
def test_a_country_and_its_nationality_word_are_one_key(text: str) -> None:
    assert nationalities(text) == {("russia", "president")}


def test_a_country_named_as_a_place_is_no_nationality() -> None:
    assert nationalities("He died in New Zealand on Friday.") == frozenset()
    assert nationalities("The talks in Russia ended.") == frozenset()


def test_two_climbers_of_different_countries_clash_but_nations_of_one_state_do_not() -> None:
    british = nationalities("A British climber has fallen to his death in New Zealand.")
    kiwi = nationalities("The first death was that of a New Zealand climber who fell Friday.")
    english = nationalities("One Australian and one English climber have fallen to their deaths.")
    assert nationalities_apart(british, kiwi)
    assert not nationalities_apart(british, english)


def test_nationalities_of_different_nouns_or_a_shared_country_do_not_clash() -> None:
    navy = nationalities("The Indian navy captured 23 pirates in the Gulf of Aden.")
    pirates = nationalities("A warship nabbed 23 Somali and Yemeni sea brigands.")
    assert not nationalities_apart(navy, pirates)
    ship = nationalities("The pirates attacked the Indian ship INS Tabar.")
    both = nationalities("The Indian Navy sank what was in fact a Thai ship being hijacked.")
    assert not nationalities_apart(ship, both)


def test_the_same_statement_check_reads_the_clash() -> None:
    a = statement_facts("A British climber has fallen to his death in New Zealand.")
    b = statement_facts("A New Zealand climber has fallen to his death.")
    assert different_statement(a, b) == "nationality"
    c = statement_facts("An English climber has fallen to his death in New Zealand.")
    assert different_statement(a, c) is None


def test_a_sentence_final_noun_and_dotted_names_are_read() -> None:
    assert nationalities("It was that of a New Zealand climber.") == {("new zealand", "climb")}
    assert nationalities("A U.S. soldier was killed.") == {("united states", stem("soldier"))}
