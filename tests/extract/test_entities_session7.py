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
    "Gigante, spoke. Mr. Gigante had feigned madness. Salvatore Gigante was his father."
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
