"""Entity linking rules read on audit 6 (four untuned ECB+ and GVC stories): a relative named
by a possessive surname, a headline adjective glued to a surname, an acronym defined in
brackets after a name."""

from __future__ import annotations

from newsweave.extract.entities import link_mentions
from newsweave.model import Entity

from .helpers import name_mention as _name


def _entity(entities: tuple[Entity, ...], surface: str) -> Entity:
    return next(e for e in entities if any(m.text == surface for m in e.mentions))


def test_a_possessive_surname_before_a_kinship_word_and_a_full_name_is_a_relative() -> None:
    # 4_8ecbplus: "Lamas" is Lorenzo's father, not Lorenzo.
    text = (
        "Williams married Fernando Lamas in 1969. Lamas' son, actor Lorenzo Lamas, tweeted "
        "Thursday. Lorenzo Lamas called her his stepmom."
    )
    mentions = [
        _name("a1", text, "Lamas", "PERSON", nth=1),
        _name("a1", text, "Lorenzo Lamas", "PERSON"),
        _name("a1", text, "Lorenzo Lamas", "PERSON", nth=1),
    ]
    entities = link_mentions(mentions, {"a1": text})
    assert _entity(entities, "Lamas") is not _entity(entities, "Lorenzo Lamas")


def test_a_possessive_surname_before_a_kinship_word_alone_stays_the_person() -> None:
    text = "Lorenzo Lamas spoke on Thursday. Lamas' son said the family was grieving."
    mentions = [
        _name("a1", text, "Lorenzo Lamas", "PERSON"),
        _name("a1", text, "Lamas", "PERSON", nth=1),
    ]
    entities = link_mentions(mentions, {"a1": text})
    assert _entity(entities, "Lamas") is _entity(entities, "Lorenzo Lamas")


def test_an_opening_adjective_glued_to_a_surname_is_cut_when_the_article_names_the_person() -> None:
    # 4_4ecbplus: "Stunning Williams" is Esther Williams.
    text = "Esther Williams has died. Stunning Williams quickly achieved movie success."
    mentions = [
        _name("a1", text, "Esther Williams", "PERSON"),
        _name("a1", text, "Stunning Williams", "PERSON"),
    ]
    entities = link_mentions(mentions, {"a1": text})
    assert [e.name for e in entities if e.type == "PERSON"] == ["Esther Williams"]
    assert len(entities[0].mentions) == 2


def test_an_opening_ing_word_stays_a_first_name_without_another_person_of_that_surname() -> None:
    text = "Sterling Williams has died. He was 91."
    mentions = [_name("a1", text, "Sterling Williams", "PERSON")]
    entities = link_mentions(mentions, {"a1": text})
    assert [e.name for e in entities] == ["Sterling Williams"]


ELECTIONS = (
    "Experts met the Central Commission for Elections and Referenda (CEC) in Ashgabat. The "
    "CEC plans to hold a seminar."
)


def test_an_acronym_defined_in_brackets_joins_the_name_and_its_part_after_and() -> None:
    # 11_5ecbplus: the model cut the name at "and"; "CEC" is not its English initials.
    mentions = [
        _name("a1", ELECTIONS, "Central Commission for Elections", "ORG"),
        _name("a1", ELECTIONS, "Referenda", "ORG"),
        _name("a1", ELECTIONS, "CEC", "ORG"),
        _name("a1", ELECTIONS, "CEC", "ORG", nth=1),
        _name("a1", ELECTIONS, "Ashgabat", "GPE"),
    ]
    entities = link_mentions(mentions, {"a1": ELECTIONS})
    commission = _entity(entities, "Central Commission for Elections")
    assert {m.text for m in commission.mentions} == {
        "Central Commission for Elections",
        "Referenda",
        "CEC",
    }
    assert len(commission.mentions) == 4


def test_a_transliterated_acronym_in_brackets_joins_the_name_before_it() -> None:
    text = (
        "The Central Election and Referendum Commission (TsKVPR) registered them. TsKVPR "
        "named 3 parties."
    )
    mentions = [
        _name("a1", text, "Central Election and Referendum Commission", "ORG"),
        _name("a1", text, "TsKVPR", "ORG"),
        _name("a1", text, "TsKVPR", "ORG", nth=1),
    ]
    entities = link_mentions(mentions, {"a1": text})
    assert len(entities) == 1


def test_an_acronym_the_story_defines_as_two_names_joins_neither() -> None:
    texts = {
        "a1": "The Central Election Commission (CEC) met. CEC said so.",
        "a2": "The Caspian Energy Company (CEC) met. CEC said so.",
    }
    mentions = [
        _name("a1", texts["a1"], "Central Election Commission", "ORG"),
        _name("a1", texts["a1"], "CEC", "ORG"),
        _name("a2", texts["a2"], "Caspian Energy Company", "ORG"),
        _name("a2", texts["a2"], "CEC", "ORG"),
    ]
    entities = link_mentions(mentions, texts, story_of={"a1": "s", "a2": "s"})
    assert _entity(entities, "Central Election Commission") is not _entity(
        entities, "Caspian Energy Company"
    )


def test_a_lone_first_name_two_articles_give_the_same_kinship_is_one_person() -> None:
    # 7_1, 7_3, 7_8 ecbplus: "his older brother, Vitali" / "his elder brother Vitali".
    texts = {
        "a1": "Klitschko holds the belts he shares with his older brother, Vitali. Vitali won.",
        "a2": "Klitschko holds the belts he shares with his elder brother Vitali.",
    }
    mentions = [
        _name("a1", texts["a1"], "Vitali", "PERSON"),
        _name("a1", texts["a1"], "Vitali", "PERSON", nth=1),
        _name("a2", texts["a2"], "Vitali", "PERSON"),
    ]
    entities = link_mentions(mentions, texts, story_of={"a1": "s", "a2": "s"})
    people = [e for e in entities if e.type == "PERSON"]
    assert len(people) == 1
    assert len(people[0].mentions) == 3


def test_a_lone_first_name_without_the_same_kinship_stays_its_articles() -> None:
    texts = {
        "a1": "The analyst, Warren, said the chip was late.",
        "a2": "The case went on, Warren said for the defence.",
    }
    mentions = [
        _name("a1", texts["a1"], "Warren", "PERSON"),
        _name("a2", texts["a2"], "Warren", "PERSON"),
    ]
    entities = link_mentions(mentions, texts, story_of={"a1": "s", "a2": "s"})
    assert len([e for e in entities if e.type == "PERSON"]) == 2


def test_a_first_name_cut_from_the_surname_the_article_uses_alone_grows_to_the_full_name() -> None:
    # 7_7ecbplus: "[Chris] Byrd" tagged PERSON, "victory over [Byrd]" tagged GPE.
    text = "He captured the IBF strap from Chris Byrd. In 2006 came a victory over Byrd."
    mentions = [
        _name("a1", text, "Chris", "PERSON"),
        _name("a1", text, "Byrd", "GPE", nth=1),
    ]
    entities = link_mentions(mentions, {"a1": text})
    assert [(e.type, e.name, len(e.mentions)) for e in entities] == [("PERSON", "Chris Byrd", 2)]


def test_a_first_name_before_a_known_place_keeps_its_span() -> None:
    text = "Chris Paris was the headline. Paris was quiet."
    mentions = [_name("a1", text, "Chris", "PERSON"), _name("a1", text, "Paris", "GPE", nth=1)]
    entities = link_mentions(mentions, {"a1": text})
    assert "Chris" in {e.name for e in entities}
