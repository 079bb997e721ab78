"""Entity linking rules of session 7 (audit 7): a quoted epithet inside a full name, a surname
the article settled on its first bearer before naming relatives."""

from __future__ import annotations

from newsweave.extract.entities import link_mentions
from newsweave.extract.person_linking import given_name_key, person_key
from newsweave.model import Entity

from .helpers import name_mention as _name


def _size(entities: tuple[Entity, ...], name: str) -> int:
    return sum(len(e.mentions) for e in entities if e.name == name)


def test_a_quoted_epithet_of_several_words_leaves_the_given_name() -> None:
    assert person_key(["vincent", '"the', 'chin"', "gigante"]) == "vincent gigante"
    assert person_key(["anthony", '"fat', 'tony"', "salerno"]) == "anthony salerno"
    assert person_key(["luis", "gerardo", '"jerry"', "ortiz"]) == "jerry ortiz"
    assert given_name_key(["vincent", "'chin'", "gigante"]) == "vincent gigante"
    assert given_name_key(["vincent", "gigante"]) is None


def test_a_full_name_with_a_nickname_joins_the_same_name_without_it() -> None:
    t1 = 'Vincent "The Chin" Gigante died. Gigante was 77.'
    t2 = "Vincent 'Chin' Gigante died on Monday."
    t3 = "Vincent Gigante, the boss, died."
    mentions = [
        _name("a1", t1, 'Vincent "The Chin" Gigante', "PERSON"),
        _name("a2", t2, "Vincent 'Chin' Gigante", "PERSON"),
        _name("a3", t3, "Vincent Gigante", "PERSON"),
    ]
    entities = link_mentions(mentions, {"a1": t1, "a2": t2, "a3": t3})
    (person,) = [e for e in entities if e.type == "PERSON"]
    assert len(person.mentions) == 4  # the lone "Gigante" of a1 too


OBITUARY = (
    "Vincent Gigante, the mob boss, died. Mr. Gigante was 77. His brother, the Rev. Louis "
    "Gigante, spoke. Mr. Gigante had feigned madness. Salvatore Gigante was his father. "
    "Mrs. Gigante raised him."
)


def test_a_surname_settled_on_the_first_person_named_keeps_meaning_him() -> None:
    mentions = [
        _name("a1", OBITUARY, "Vincent Gigante", "PERSON"),
        _name("a1", OBITUARY, "Gigante", "PERSON", nth=1),
        _name("a1", OBITUARY, "Louis Gigante", "PERSON"),
        _name("a1", OBITUARY, "Gigante", "PERSON", nth=3),
        _name("a1", OBITUARY, "Salvatore Gigante", "PERSON"),
    ]
    entities = link_mentions(mentions, {"a1": OBITUARY})
    assert _size(entities, "Vincent Gigante") == 3
    assert _size(entities, "Louis Gigante") == 1
    # his mother is not him: a title of the other sex than the settled "Mr. Gigante"
    mother = _name("a1", OBITUARY, "Gigante", "PERSON", nth=5)
    entities = link_mentions([*mentions, mother], {"a1": OBITUARY})
    assert _size(entities, "Vincent Gigante") == 3


def test_a_surname_is_not_settled_when_another_bearer_may_be_cut_or_named_first() -> None:
    # "Scott" was tagged apart: Scott Westerhuis may be the "Westerhuis" meant.
    cut = "Kailey Westerhuis was found. Westerhuis was 13. Scott Westerhuis and Nicole Westerhuis."
    mentions = [
        _name("a1", cut, "Kailey Westerhuis", "PERSON"),
        _name("a1", cut, "Westerhuis", "PERSON", nth=1),
        _name("a1", cut, "Westerhuis", "PERSON", nth=2),
        _name("a1", cut, "Nicole Westerhuis", "PERSON"),
    ]
    entities = link_mentions(mentions, {"a1": cut})
    assert _size(entities, "Kailey Westerhuis") == 1
    # no lone surname between the two full names: nothing settled
    text = "Daniel Caron was shot. His daughter Nicole Caron spoke. Caron said he was kind."
    mentions = [
        _name("a1", text, "Daniel Caron", "PERSON"),
        _name("a1", text, "Nicole Caron", "PERSON"),
        _name("a1", text, "Caron", "PERSON", nth=2),
    ]
    entities = link_mentions(mentions, {"a1": text})
    assert _size(entities, "Daniel Caron") == 1


def test_a_third_spelling_joins_a_name_already_merged_with_a_second() -> None:
    texts = {
        "a1": "Governor Heydar Alishvandi said houses fell.",
        "a2": "The governor Heydar Alishbandi said ten died.",
        "a3": "The governor, Heidar Alishvandi, spoke on TV.",
        "a4": "Heidar Alishvandi, the governor, spoke again.",
        "a5": "Heydar Alishbandi spoke too.",
    }
    names = {
        "a1": "Heydar Alishvandi",
        "a2": "Heydar Alishbandi",
        "a3": "Heidar Alishvandi",
        "a4": "Heidar Alishvandi",
        "a5": "Heydar Alishbandi",
    }
    mentions = [_name(a, texts[a], names[a], "PERSON") for a in texts]
    entities = link_mentions(mentions, texts, story_of=dict.fromkeys(texts, "s"))
    assert len([e for e in entities if e.type == "PERSON"]) == 1
    # across stories a near name stays another person
    entities = link_mentions(mentions, texts, story_of={a: a for a in texts})
    assert len([e for e in entities if e.type == "PERSON"]) == 3


def test_country_initials_with_or_without_dots_and_the_acronym_are_one_agency() -> None:
    text = (
        "The U.S. Geological Survey measured it. The US Geological Survey said 6.1. "
        "The USGS said so."
    )
    mentions = [
        _name("a1", text, "U.S. Geological Survey", "ORG"),
        _name("a1", text, "US Geological Survey", "ORG"),
        _name("a1", text, "USGS", "ORG"),
    ]
    (agency,) = link_mentions(mentions, {"a1": text})
    assert len(agency.mentions) == 3


def test_names_after_a_place_noun_and_of_are_places_not_people() -> None:
    text = (
        "It shook the port city of Bandar Abbas. Qeshm lies 35 miles southwest of Bandar "
        "Abbas. Houses fell in the villages of Tonban, Gavarzin and Khaledi. The village of "
        "Gavarzin was hit."
    )
    mentions = [
        _name("a1", text, "Bandar Abbas", "PERSON"),
        _name("a1", text, "Gavarzin", "PERSON"),
        _name("a1", text, "Khaledi", "PERSON"),
        _name("a1", text, "Gavarzin", "PERSON", nth=1),
    ]
    types = {e.name: e.type for e in link_mentions(mentions, {"a1": text})}
    assert types["Bandar Abbas"] == "GPE"
    assert types["Gavarzin"] == "GPE"
    assert types["Khaledi"] == "GPE"


def test_a_person_after_of_stays_a_person() -> None:
    text = "The son of Bandar Abbas spoke. Bandar Abbas said he was proud."
    mentions = [
        _name("a1", text, "Bandar Abbas", "PERSON"),
        _name("a1", text, "Bandar Abbas", "PERSON", nth=1),
    ]
    (person,) = link_mentions(mentions, {"a1": text})
    assert person.type == "PERSON"


def test_a_quoted_nickname_alone_names_its_bearer_when_no_one_else_is_called_so() -> None:
    t1 = 'Mob boss Vincent "The Chin" Gigante died.'
    t2 = "It took until 2003 for the Chin to admit his sham."
    t3 = "Chin Lee, a neighbour, said the Chin was kind."
    mentions = [
        _name("a1", t1, 'Vincent "The Chin" Gigante', "PERSON"),
        _name("a2", t2, "Chin", "ORG"),
        _name("a3", t3, "Chin Lee", "PERSON"),
        _name("a3", t3, "Chin", "ORG", nth=1),
    ]
    entities = link_mentions(
        mentions, {"a1": t1, "a2": t2, "a3": t3}, story_of=dict.fromkeys(["a1", "a2", "a3"], "s")
    )
    assert _size(entities, 'Vincent "The Chin" Gigante') == 2
    # where a person of the article has it as a first name, the nickname is not linked
    assert _size(entities, "Chin Lee") == 2
