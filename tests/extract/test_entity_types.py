"""Entity types from the words around a name: a name the model took for a person that the text
plainly uses as a place, a maker or a handle is typed as such (extract/entity_records.py)."""

from __future__ import annotations

from newsweave.extract.entities import link_mentions
from newsweave.extract.entity_records import dateline_use, modifier_use
from newsweave.extract.mentions import NameMention

from .helpers import name_mention as _name


def _types(mentions: list[NameMention], texts: dict[str, str]) -> dict[str, str]:
    return {e.name: e.type for e in link_mentions(mentions, texts)}


def test_a_town_named_by_its_state_or_its_police_is_a_place() -> None:
    text = (
        "Officers went to West 39th Avenue in Gary, Indiana, where a man was found, according "
        "to a statement from Gary police."
    )
    mentions = [_name("a1", text, "Gary", "PERSON"), _name("a1", text, "Gary", "PERSON", nth=1)]
    assert _types(mentions, {"a1": text})["Gary"] == "GPE"
    # A man called Gary stays a person.
    person = "Gary said he heard shots. Gary called the police."
    mentions = [_name("a2", person, "Gary", "PERSON"), _name("a2", person, "Gary", "PERSON", 1)]
    assert _types(mentions, {"a2": person})["Gary"] == "PERSON"


def test_a_name_modifying_a_noun_after_an_indefinite_article_is_no_person() -> None:
    text = (
        "A Browns Mills teenager was charged. He went to a Burnsville hospital with a Glock pistol."
    )
    mentions = [
        _name("a1", text, "Browns Mills", "PERSON"),
        _name("a1", text, "Burnsville", "PERSON"),
        _name("a1", text, "Glock", "PERSON"),
    ]
    types = _types(mentions, {"a1": text})
    assert types == {"Browns Mills": "GPE", "Burnsville": "GPE", "Glock": "ORG"}
    assert modifier_use("a John Smith who lived here", (2, 12)) is None


def test_an_all_caps_dateline_is_a_place_and_a_handle_an_organisation() -> None:
    text = "WEATHERFORD -- Students mourn. The Weatherford team page said so. Follow Twitter @jdoe."
    mentions = [
        _name("a1", text, "WEATHERFORD", "ORG"),
        _name("a1", text, "Weatherford", "PERSON"),
        _name("a1", text, "Twitter @jdoe", "PERSON"),
    ]
    types = _types(mentions, {"a1": text})
    assert types["Weatherford"] == "GPE"
    assert types["Twitter @jdoe"] == "ORG"
    assert dateline_use("KNOXVILLE (WATE) – A man", (0, 9))
    assert dateline_use("DETROIT, Mich. (WXYZ) - A child", (0, 7))
    assert not dateline_use("Said NASA officials", (5, 9))


def test_a_name_ending_in_city_or_county_is_a_place_not_a_person() -> None:
    text = "Soul City owner Roshawn Jones spoke."
    mentions = [
        _name("a1", text, "Soul City", "PERSON"),
        _name("a1", text, "Roshawn Jones", "PERSON"),
    ]
    assert _types(mentions, {"a1": text}) == {"Soul City": "GPE", "Roshawn Jones": "PERSON"}


def test_words_around_a_name_the_model_tagged_otherwise_make_it_a_person() -> None:
    text = (
        '"They were kind," said neighbor Constance Jones. The victim, 11-year-old Corinne Horn, '
        "died. He was identified as Corpus Christi firefighter Steven Dolan."
    )
    mentions = [
        _name("a1", text, "Constance Jones", "ORG"),
        _name("a1", text, "Corinne Horn", "FAC"),
        _name("a1", text, "Corpus Christi", "GPE"),
        _name("a1", text, "Steven Dolan", "PERSON"),
    ]
    types = _types(mentions, {"a1": text})
    assert types["Constance Jones"] == "PERSON"
    assert types["Corinne Horn"] == "PERSON"
    # A name modifying a noun is no person, whatever comes before it.
    assert types["Corpus Christi"] == "GPE"


def test_a_lone_first_name_tagged_organisation_links_to_the_one_person_of_that_name() -> None:
    text = "Amirra Jacques, 3, died. Amirra's uncle was home. Tyler Jones saw it in Tyler."
    mentions = [
        _name("a1", text, "Amirra Jacques", "PERSON"),
        _name("a1", text, "Amirra", "ORG", nth=1),
        _name("a1", text, "Tyler Jones", "PERSON"),
        _name("a1", text, "Tyler", "GPE", nth=1),
    ]
    entities = {e.name: len(e.mentions) for e in link_mentions(mentions, {"a1": text})}
    assert entities == {"Amirra Jacques": 2, "Tyler Jones": 1, "Tyler": 1}


def test_organisation_heads_and_bracketed_countries_correct_a_person_vote() -> None:
    text = "Call Crime Stoppers at 555-1111. The cable between Abu Talat (Egypt) and Spain broke."
    mentions = [
        _name("a1", text, "Crime Stoppers", "PERSON"),
        _name("a1", text, "Abu Talat", "GPE"),
    ]
    entities = link_mentions(mentions, {"a1": text})
    # "Abu Talat" was tagged GPE here, so only check it stays out of the people.
    assert {e.name: e.type for e in entities}["Crime Stoppers"] == "ORG"
    lone = "The outage hit Abu (Egypt) hard."
    found = link_mentions([_name("a2", lone, "Abu", "PERSON")], {"a2": lone})
    assert [e.type for e in found] == ["GPE"]


def test_a_two_word_name_used_as_a_place_twice_and_never_as_a_person_is_no_person() -> None:
    text = (
        "MORRISON - A teen shot his friend at home in Rock Falls. The boy was a Rock Falls High "
        "School freshman. He picked up the Glock handgun."
    )
    mentions = [
        _name("a1", text, "Rock Falls", "PERSON"),
        _name("a1", text, "Rock Falls", "PERSON", nth=1),
        _name("a1", text, "Glock", "PERSON"),
    ]
    # The dateline "MORRISON -", which the model missed, is found as a place (missed_names).
    assert _types(mentions, {"a1": text}) == {
        "Rock Falls": "GPE",
        "Glock": "ORG",
        "MORRISON": "GPE",
    }
    # A person named the same way beside a person's word stays a person.
    person = "He lived in Rock Falls. Rock Falls High School hired neighbor Rock Falls, 40, then."
    mentions = [_name("a2", person, "Rock Falls", "PERSON", nth=i) for i in range(3)]
    assert _types(mentions, {"a2": person}) == {"Rock Falls": "PERSON"}


def test_names_shaped_as_an_office_a_code_or_a_firm_are_no_person() -> None:
    text = (
        "Genesee County Sheriff Robert Pickell said the car, plate BEY 0843, was found. Staff "
        "of Gordon Advisors fled. Jim Justice spoke."
    )
    mentions = [
        _name("a1", text, "Genesee County Sheriff", "PERSON"),
        _name("a1", text, "Robert Pickell", "PERSON"),
        _name("a1", text, "BEY 0843", "PERSON"),
        _name("a1", text, "Gordon Advisors", "PERSON"),
        _name("a1", text, "Jim Justice", "PERSON"),
    ]
    types = _types(mentions, {"a1": text})
    people = sorted(name for name, kind in types.items() if kind == "PERSON")
    assert people == ["Jim Justice", "Robert Pickell"]
    assert types["Gordon Advisors"] == "ORG"


def test_a_place_tagged_person_once_among_place_tags_stays_a_place() -> None:
    text = (
        "She runs a clinic in Bayou La Batre, Alabama. The job took her to Bayou La Batre where "
        "she was the only doctor. She opened a clinic in Bayou La Batre."
    )
    mentions = [
        _name("a1", text, "Bayou La Batre", "GPE"),
        _name("a1", text, "Bayou La Batre", "PERSON", nth=1),
        _name("a1", text, "Bayou La Batre", "GPE", nth=2),
    ]
    (place,) = link_mentions(mentions, {"a1": text})
    assert place.type == "GPE"
    assert len(place.mentions) == 3


def test_a_place_cut_out_of_an_organisations_name_is_that_organisation() -> None:
    text = "Call Crime Stoppers of Michigan at 800. The Governor of Michigan spoke."
    mentions = [
        _name("a1", text, "Michigan", "GPE"),
        _name("a1", text, "Michigan", "GPE", nth=1),
    ]
    found = {e.name: e.type for e in link_mentions(mentions, {"a1": text})}
    assert found == {"Crime Stoppers of Michigan": "ORG", "Michigan": "GPE"}
