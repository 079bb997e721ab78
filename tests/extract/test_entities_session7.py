"""Entity rules of session 7, read on fresh18 and fresh19 (ECB+ sports stories): a team's
one-word short form, a team's plural name after "the", a quarterback the model tags ORG, a
story's acronym repeated in another article."""

from __future__ import annotations

from newsweave.extract.entities import link_mentions
from newsweave.extract.missed_names import missed_names
from newsweave.extract.person_linking import surname_acts_alone
from newsweave.model import Entity

from .helpers import name_mention as _name


def _entity(entities: tuple[Entity, ...], surface: str) -> Entity:
    return next(e for e in entities if any(m.text == surface for m in e.mentions))


def test_a_one_word_tail_joins_the_organisation_it_ends_in_its_article() -> None:
    # 10_9ecbplus: "Sox" is the "Red Sox" of the same article.
    text = "The Red Sox made an offer. So the Sox have the high offer for Teixeira."
    mentions = [_name("a1", text, "Red Sox", "ORG"), _name("a1", text, "Sox", "ORG", nth=1)]
    entities = link_mentions(mentions, {"a1": text})
    assert _entity(entities, "Sox") is _entity(entities, "Red Sox")


def test_a_tail_the_text_writes_in_lower_case_stays_apart() -> None:
    text = "The White House spoke. The House voted after a house burned."
    mentions = [_name("a1", text, "White House", "ORG"), _name("a1", text, "House", "ORG", nth=1)]
    entities = link_mentions(mentions, {"a1": text})
    assert _entity(entities, "House") is not _entity(entities, "White House")


def test_a_tail_needs_its_long_form_in_the_same_article() -> None:
    first, second = "The Red Sox made an offer.", "The Sox have the high offer."
    mentions = [_name("a1", first, "Red Sox", "ORG"), _name("a2", second, "Sox", "ORG")]
    entities = link_mentions(mentions, {"a1": first, "a2": second})
    assert _entity(entities, "Sox") is not _entity(entities, "Red Sox")


def test_a_plural_name_after_the_is_a_team_not_a_person() -> None:
    # 31_2ecb: "the Tar Heels (10-0)", tagged PERSON.
    text = "Hansbrough helped the Tar Heels (10-0) remain unbeaten. Talented Tar Heels played."
    mentions = [
        _name("a1", text, "Tar Heels", "PERSON"),
        _name("a1", text, "Tar Heels", "PERSON", nth=1),
    ]
    entities = link_mentions(mentions, {"a1": text})
    assert [(e.name, e.type, len(e.mentions)) for e in entities] == [("Tar Heels", "ORG", 2)]


def test_a_family_after_the_stays_a_person() -> None:
    text = "John Williams spoke. The Williams family was at home."
    mentions = [_name("a1", text, "John Williams", "PERSON")]
    entities = link_mentions(mentions, {"a1": text})
    assert _entity(entities, "John Williams").type == "PERSON"


def test_a_plural_word_after_the_is_a_team_the_model_missed() -> None:
    # 10_9ecbplus: "the Nationals lack confidence", untagged.
    text = "The Angels are out, the Nationals lack confidence, and the Sox lead."
    found = missed_names([], {"a1": text})
    assert [(m.text, m.label) for m in found] == [("Angels", "ORG"), ("Nationals", "ORG")]


def test_a_family_plural_a_common_plural_and_a_place_are_no_team() -> None:
    text = (
        "Police said Scott Westerhuis died. Neighbors said the Westerhuises were nice. "
        "He went to the Netherlands. The Parks were busy, and parks are closed."
    )
    found = missed_names([_name("a1", text, "Scott Westerhuis", "PERSON")], {"a1": text})
    assert [m.text for m in found] == []


def test_a_surname_that_opens_a_clause_before_a_person_verb_makes_a_person() -> None:
    # 29_6ecb: "Peyton Manning" tagged ORG, then "Manning was feeling it".
    text = "Peyton Manning completed 29 passes. Manning was feeling it tonight."
    assert surname_acts_alone(text, "Peyton Manning")
    mentions = [_name("a1", text, "Peyton Manning", "ORG")]
    entities = link_mentions(mentions, {"a1": text})
    person = _entity(entities, "Peyton Manning")
    assert person.type == "PERSON"
    assert [m.text for m in person.mentions] == ["Peyton Manning", "Manning"]


def test_an_organisation_whose_last_word_follows_the_is_no_person() -> None:
    text = "Denver Post reported it. The Post said the fire was out."
    assert not surname_acts_alone(text, "Denver Post")
    assert not surname_acts_alone("Trend Micro said. Jaguars was", "Jacksonville Jaguars")


def test_an_acronym_found_in_one_article_of_a_story_is_found_in_the_next() -> None:
    first, second = "TMZ reported the arrest on Monday.", "Lohan spoke to TMZ about it."
    mentions = [_name("a1", first, "TMZ", "ORG")]
    entities = link_mentions(
        mentions, {"a1": first, "a2": second}, story_of={"a1": "s1", "a2": "s1"}
    )
    assert sorted(m.article_id for m in _entity(entities, "TMZ").mentions) == ["a1", "a2"]


def test_an_all_caps_word_of_a_headline_is_no_story_acronym() -> None:
    first, second = "POLICE said the man ran.", "The man ran from POLICE."
    mentions = [_name("a1", first, "POLICE", "ORG")]
    entities = link_mentions(
        mentions, {"a1": first, "a2": second}, story_of={"a1": "s1", "a2": "s1"}
    )
    assert all(m.article_id == "a1" for e in entities for m in e.mentions)


def test_a_first_name_with_and_without_an_h_in_two_articles_is_one_person() -> None:
    # 13_ecbplus: "Public Safety Director Jon Owen" and "John Owen" in another article.
    first, second = "Director Jon Owen said the fire spread.", "John Owen said it burned."
    mentions = [
        _name("a1", first, "Jon Owen", "PERSON"),
        _name("a2", second, "John Owen", "PERSON"),
    ]
    entities = link_mentions(
        mentions, {"a1": first, "a2": second}, story_of={"a1": "s1", "a2": "s1"}
    )
    assert _entity(entities, "Jon Owen") is _entity(entities, "John Owen")


def test_two_first_names_one_letter_apart_but_no_h_stay_two_people() -> None:
    first, second = "Joe Owen said the fire spread.", "Jon Owen said it burned."
    mentions = [_name("a1", first, "Joe Owen", "PERSON"), _name("a2", second, "Jon Owen", "PERSON")]
    entities = link_mentions(
        mentions, {"a1": first, "a2": second}, story_of={"a1": "s1", "a2": "s1"}
    )
    assert _entity(entities, "Joe Owen") is not _entity(entities, "Jon Owen")


def test_a_capitalised_name_written_twice_inside_sentences_is_a_name() -> None:
    # 27_4ecb: "Internet Explorer", which the model never tags.
    text = (
        "Microsoft fixed a flaw in Internet Explorer on Wednesday. Users of Internet Explorer "
        "should update. Once Upon a time."
    )
    found = missed_names([_name("a1", text, "Microsoft", "ORG")], {"a1": text})
    assert [(m.text, m.label) for m in found] == [("Internet Explorer", "MISC")] * 2


def test_a_capitalised_pair_written_once_or_opening_sentences_stays_out() -> None:
    text = "Big Fire broke out. Big Fire again. It hit the Old Mill once."
    assert missed_names([], {"a1": text}) == []


def test_a_name_glued_to_a_lower_case_word_by_a_dash_is_cut() -> None:
    # 30_7ecb: "Jonathan Wright-director of wholesale products at Interoute".
    text = "Jonathan Wright-director of wholesale products, said it. Mr Wright added more."
    mentions = [_name("a1", text, "Jonathan Wright-director", "PERSON")]
    entities = link_mentions(mentions, {"a1": text})
    person = _entity(entities, "Jonathan Wright")
    assert person.name == "Jonathan Wright"
    assert [m.text for m in person.mentions] == ["Jonathan Wright", "Wright"]


def test_a_double_surname_keeps_its_dash() -> None:
    text = "Maurice Jones-Drew ran for 80 yards."
    mentions = [_name("a1", text, "Maurice Jones-Drew", "PERSON")]
    assert [e.name for e in link_mentions(mentions, {"a1": text})] == ["Maurice Jones-Drew"]


def test_a_sea_named_without_its_head_word_is_the_sea_of_the_story() -> None:
    first, second = "Cables under the Mediterranean Sea broke.", "Ships crossed the Mediterranean."
    mentions = [
        _name("a1", first, "Mediterranean Sea", "LOC"),
        _name("a2", second, "Mediterranean", "LOC"),
    ]
    entities = link_mentions(
        mentions, {"a1": first, "a2": second}, story_of={"a1": "s1", "a2": "s1"}
    )
    assert _entity(entities, "Mediterranean") is _entity(entities, "Mediterranean Sea")


def test_a_bank_named_without_its_head_word_is_the_bank_of_the_story() -> None:
    # 8_2ecb: "a nearby Wells Fargo branch bank" beside "a Wells Fargo Bank" in 8_4ecb.
    first, second = "Earlier a Wells Fargo Bank was called.", "A nearby Wells Fargo branch was."
    mentions = [
        _name("a1", first, "Wells Fargo Bank", "ORG"),
        _name("a2", second, "Wells Fargo", "ORG"),
    ]
    entities = link_mentions(
        mentions, {"a1": first, "a2": second}, story_of={"a1": "s1", "a2": "s1"}
    )
    assert _entity(entities, "Wells Fargo") is _entity(entities, "Wells Fargo Bank")


def test_a_trooper_title_is_no_part_of_the_name() -> None:
    # 8_6ecb: "Senior Trooper William Hakim", tagged PERSON with the title.
    text = "The police delayed announcing the death of Senior Trooper William Hakim."
    mentions = [_name("a1", text, "Trooper William Hakim", "PERSON")]
    assert [e.name for e in link_mentions(mentions, {"a1": text})] == ["William Hakim"]


def test_a_lone_name_after_a_relative_word_is_a_person_though_tagged_org() -> None:
    # 16_1ecb: "his wife, Celeste, heard gun shots", tagged ORG.
    text = "Escalante was loading a car when his wife, Celeste, heard gun shots."
    mentions = [_name("a1", text, "Celeste", "ORG")]
    assert [(e.name, e.type) for e in link_mentions(mentions, {"a1": text})] == [
        ("Celeste", "PERSON")
    ]


def test_a_lone_organisation_without_a_person_cue_stays_an_organisation() -> None:
    text = "His wife works at Acme, which makes anvils."
    mentions = [_name("a1", text, "Acme", "ORG")]
    assert [(e.name, e.type) for e in link_mentions(mentions, {"a1": text})] == [("Acme", "ORG")]
