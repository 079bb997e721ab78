from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from newsweave.align.conflicts import default_quantity_extractor
from newsweave.align.statement import (
    StatementFacts,
    default_parser,
    different_statement,
    statement_facts,
)
from tests.align.quantity_stand_in import stand_in_quantities


def facts(text: str, **kwargs: Any) -> StatementFacts:
    quantities = default_quantity_extractor() or stand_in_quantities
    return statement_facts(text, quantities=quantities, **kwargs)


def test_different_counts_of_one_thing_are_two_statements() -> None:
    a = facts("During the operation, 12 magazines and about 300 rounds of ammunition were found.")
    b = facts("So far the navy has confiscated 31 magazines and 923 rounds of ammunition.")
    assert different_statement(a, b) == "figures"


def test_same_figures_in_other_words_pass() -> None:
    a = facts("The Indian navy has captured 23 pirates in the Gulf of Aden.")
    b = facts("Indian commandos took 23 pirates into custody in the Gulf of Aden.")
    assert different_statement(a, b) is None


def test_dates_that_never_meet_are_two_statements() -> None:
    tuesday = (date(2009, 4, 28), date(2009, 4, 28))
    march = (date(2009, 3, 3), date(2009, 3, 3))
    a = facts("President Obama on Tuesday overturned a Bush regulation.", dates=[tuesday])
    b = facts("On March 3, Obama overturned another Bush regulation.", dates=[march])
    assert different_statement(a, b) == "dates"


def test_a_denial_is_another_statement() -> None:
    a = facts("The driver was arrested at the scene.")
    b = facts("The driver was not arrested at the scene.")
    assert different_statement(a, b) == "polarity"


@pytest.mark.skipif(default_parser() is None, reason="needs spaCy's English parser")
def test_different_named_actors_are_two_statements_and_entity_ids_name_them() -> None:
    parser = default_parser()
    a = facts(
        "In a letter, the scientists urged the secretaries to rescind the rule changes.",
        parser=parser,
    )
    b = facts("Interior Secretary Ken Salazar rescinded the rule changes.", parser=parser)
    assert different_statement(a, b) == "actors"
    # One entity named two ways is one actor.
    c = facts(
        "Maurice Cheeks coached the team for three seasons.",
        parser=parser,
        entity_spans=[(0, 14, "e-cheeks")],
    )
    d = facts("The coach Mo coached the team.", parser=parser, entity_spans=[(10, 12, "e-cheeks")])
    assert different_statement(c, d) is None


@pytest.mark.skipif(default_parser() is None, reason="needs spaCy's English parser")
def test_two_common_nouns_may_name_one_actor() -> None:
    parser = default_parser()
    a = facts("Putin has sent a congratulatory telegram to Joe Biden.", parser=parser)
    b = facts("Putin has sent a letter of congratulations to Joe Biden.", parser=parser)
    assert different_statement(a, b) is None


@pytest.mark.skipif(default_parser() is None, reason="needs spaCy's English parser")
def test_a_reporting_verb_is_known_by_its_lemma_though_the_lemmatizer_is_off() -> None:
    from newsweave.align.similarity import stem

    parser = default_parser()
    # The lemmatizer is loaded off: only the root's lemma is asked for ("said" -> "say").
    assert "lemmatizer" in parser.disabled  # type: ignore[union-attr]
    said = facts("Smith said the navy seized six rifles.", parser=parser)
    assert {a.word for a in said.agents} == {stem("navy")}


@pytest.mark.skipif(default_parser() is None, reason="needs spaCy's English parser")
def test_sentences_parsed_ahead_in_a_batch_give_the_facts_of_one_parse_each() -> None:
    from newsweave.align import statement

    parser = default_parser()
    texts = [
        "Police arrested the mayor on Tuesday.",
        "The mayor was arrested by police on Tuesday.",
        "Jones said the navy seized six rifles.",
        "The coach Mo coached the team.",
    ]
    statement._parsed_roles.clear()
    one_by_one = [facts(t, parser=parser) for t in texts]
    statement._parsed_roles.clear()
    statement.parse_ahead(parser, texts)
    assert len(statement._parsed_roles) == len(texts)
    assert [facts(t, parser=parser) for t in texts] == one_by_one


def test_different_steps_of_a_case_are_two_statements() -> None:
    charged = facts("In 2005, he was charged with assault and battery on Mendes.")
    convicted = facts("In 2005, Gomes was convicted of beating Mendes.")
    assert different_statement(charged, convicted) == "legal step"
    arraigned = facts("Gomes is expected to be arraigned today on two counts of murder.")
    arraignment = facts("Gomes faces arraignment on Wednesday on two murder charges.")
    assert different_statement(arraigned, arraignment) is None


def test_clock_times_that_never_meet_are_two_statements() -> None:
    # GVC (claims13): the time a shooting was reported against the time it happened.
    a = facts("The shooting was reported just before 12:45 p.m. in the 1000 block, police said.")
    b = facts("The shooting happened at about 1:30 p.m. Saturday at a home in the 1000 block.")
    assert different_statement(a, b) == "clock times"
    # A zone stated on one side only may explain whole hours (ECB+ train, labelled same).
    c = facts("New Orleans plays at Seattle on Saturday at 3:30 p.m. in the Wild Card round.")
    d = facts("New Orleans begins its postseason Saturday at 4:30 p.m. ET in Seattle.")
    assert different_statement(c, d) is None
    e = facts("The shooting happened around 12:40 p.m. at a home in the 1000 block.")
    assert different_statement(a, e) is None


def test_a_death_and_a_stated_condition_are_two_statements() -> None:
    a = facts("A 4-year-old girl has died, days after she accidentally shot herself in Yonkers.")
    b = facts("A 4-year-old girl is in critical condition after she accidentally shot herself.")
    assert different_statement(a, b) == "condition"
    c = facts("A 4-year-old girl died after she accidentally shot herself in Yonkers.")
    assert different_statement(a, c) is None


@pytest.mark.skipif(default_parser() is None, reason="needs spaCy's English parser")
def test_actors_of_different_ages_are_two_statements() -> None:
    parser = default_parser()
    a = facts(
        "A 17-year-old boy has been charged with fatally shooting a 16-year-old boy.", parser=parser
    )
    b = facts("A 16-year-old boy was killed in an accidental shooting on Friday.", parser=parser)
    assert different_statement(a, b) == "ages"
    # The victim's age stated in either sentence is not the agent's.
    c = facts("A 17-year-old boy was charged in the death of the 16-year-old.", parser=parser)
    assert different_statement(a, c) is None


@pytest.mark.skipif(default_parser() is None, reason="needs spaCy's English parser")
def test_her_friend_is_not_she() -> None:
    parser = default_parser()
    a = facts("But her friend quickly found her daughter on the back seat floor.", parser=parser)
    b = facts("She then found her daughter on the floor of the vehicle.", parser=parser)
    assert different_statement(a, b) == "actors"
    c = facts("Her friend then found the girl on the floor of the vehicle.", parser=parser)
    assert different_statement(a, c) is None
