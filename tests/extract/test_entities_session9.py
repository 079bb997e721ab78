"""Entity rules of session 9, read on the fresh23 split and the misses of fresh5: a given name
the model cut from a surname ("Justice [Burroughs]"), a shared surname and a child's age, a
surname mistyped once in one article, numbers glued to names, a town's official, an acronym
of a police force, pieces of a name an acronym defines, a town before its street, a lone
surname two people share, a residence after a name, and a nickname the model missed."""

from __future__ import annotations

from newsweave.extract.entities import link_mentions
from newsweave.extract.mention_repair import (
    cut_local_official,
    cut_trailing_number,
    given_title,
    grow_cut_given_name,
    join_defined_pieces,
)
from newsweave.extract.person_linking import person_cue
from newsweave.model import Entity

from .helpers import name_mention as _name


def _holding(entities: tuple[Entity, ...], surface: str) -> set[str]:
    return {e.name for e in entities if any(m.text == surface for m in e.mentions)}


def _together(entities: tuple[Entity, ...], a: str, b: str) -> bool:
    return any(
        any(m.text == a for m in e.mentions) and any(m.text == b for m in e.mentions)
        for e in entities
    )


def test_a_given_name_cut_from_a_shared_surname_makes_another_person() -> None:
    text = (
        "The victims were Dale Hooper, 40, and Marla Hooper, 38. Their neighbour, "
        "12-year-old Kaden Hooper, was hurt, as was the girl Kimber Hooper."
    )
    mentions = [
        _name("a", text, "Dale Hooper", "PERSON"),
        _name("a", text, "Marla Hooper", "PERSON"),
        _name("a", text, "Hooper", "GPE", nth=2),
        _name("a", text, "Hooper", "ORG", nth=3),
    ]
    grown = {m.text for m in grow_cut_given_name(mentions, {"a": text})}
    assert {"Kaden Hooper", "Kimber Hooper"} <= grown


def test_a_title_word_after_an_age_is_a_given_name_and_no_title() -> None:
    text = "Dead were Rita Coles, 40, and 10-month-old Justice Coles, her niece."
    mentions = [
        _name("a", text, "Rita Coles", "PERSON"),
        _name("a", text, "Coles", "GPE", nth=1),
    ]
    linked = link_mentions(mentions, {"a": text})
    assert not _together(linked, "Rita Coles", "Justice Coles")
    assert "Justice Coles" in {e.name for e in linked}  # named as written, no title folded
    grown = [m for m in grow_cut_given_name(mentions, {"a": text}) if m.text == "Justice Coles"]
    assert grown and given_title(grown[0], text)
    # a title without an age before it stays a title: "Justice Coles" is a judge's name
    judge = "Rita Coles asked the court. Justice Coles refused."
    found = _name("a", judge, "Justice Coles", "PERSON")
    assert not given_title(found, judge)


def test_a_word_before_a_surname_that_is_no_name_does_not_grow() -> None:
    text = "Dale Hooper was shot. On Monday Hooper died, police said. The Hooper family wept."
    mentions = [
        _name("a", text, "Dale Hooper", "PERSON"),
        _name("a", text, "Hooper", "PERSON", nth=1),
        _name("a", text, "Hooper", "PERSON", nth=2),
    ]
    assert [m.text for m in grow_cut_given_name(mentions, {"a": text})] == [
        "Dale Hooper",
        "Hooper",
        "Hooper",
    ]


def test_a_lone_surname_is_the_grown_bearers_not_the_childs() -> None:
    text = (
        "Police sought Craig Tollan, 43. Tollan had spent the day with his sons, six-year "
        "old Ben and four-year old Sam Tollan. Later Tollan drove off with them."
    )
    mentions = [
        _name("a", text, "Craig Tollan", "PERSON"),
        _name("a", text, "Tollan", "PERSON", nth=1),
        _name("a", text, "Sam Tollan", "PERSON"),
        _name("a", text, "Tollan", "ORG", nth=3),
    ]
    linked = link_mentions(mentions, {"a": text})
    later = mentions[3].span
    assert {e.name for e in linked if any(m.span == later for m in e.mentions)} == {"Craig Tollan"}


def test_two_grown_bearers_of_a_surname_leave_it_unsettled() -> None:
    text = "Craig Tollan, 43, and Anna Tollan, 41, were found. Tollan had called police."
    mentions = [
        _name("a", text, "Craig Tollan", "PERSON"),
        _name("a", text, "Anna Tollan", "PERSON"),
        _name("a", text, "Tollan", "PERSON", nth=2),
    ]
    linked = link_mentions(mentions, {"a": text})
    assert _holding(linked, "Tollan") not in ({"Craig Tollan"}, {"Anna Tollan"})


def test_a_surname_mistyped_once_in_an_article_is_the_same_person() -> None:
    text = (
        "Officers looked for Martin Hellbrand. Martin Hellbrand was armed. Later Martin "
        "Hellbrank fired at officers."
    )
    mentions = [
        _name("a", text, "Martin Hellbrand", "PERSON"),
        _name("a", text, "Martin Hellbrand", "PERSON", nth=1),
        _name("a", text, "Martin Hellbrank", "PERSON"),
    ]
    linked = link_mentions(mentions, {"a": text}, story_of={"a": "s"})
    assert _together(linked, "Martin Hellbrand", "Martin Hellbrank")
    # each written once: two names side by side may be two people
    pair = "Martin Hellbrand and Martin Hellbrank were arrested."
    two = [
        _name("b", pair, "Martin Hellbrand", "PERSON"),
        _name("b", pair, "Martin Hellbrank", "PERSON"),
    ]
    apart = link_mentions(two, {"b": pair}, story_of={"b": "s"})
    assert not _together(apart, "Martin Hellbrand", "Martin Hellbrank")


def test_numbers_glued_to_names_are_cut() -> None:
    text = "Nina Ortiz,16, was shot. A neighbour called Ramsey County 911 at once."
    age = cut_trailing_number(_name("a", text, "Nina Ortiz,16", "PERSON"))
    assert (age.text, age.label) == ("Nina Ortiz", "PERSON")
    phone = cut_trailing_number(_name("a", text, "Ramsey County 911", "GPE"))
    assert phone.text == "Ramsey County"
    # a road keeps its number
    road = "on Route 911 near town"
    kept = cut_trailing_number(_name("a", road, "Route 911", "FAC"))
    assert kept.text == "Route 911"


def test_a_towns_official_is_cut_to_the_town() -> None:
    text = "Dorrance City Administrator Lee Park said the range was closed."
    town = cut_local_official(_name("a", text, "Dorrance City Administrator", "ORG"))
    assert (town.text, town.label) == ("Dorrance", "GPE")
    county = "Lyon County Auditor said so."
    office = cut_local_official(_name("a", county, "Lyon County Auditor", "ORG"))
    assert office.text == "Lyon County Auditor"
    named = "Kansas City Manager said so."
    city = cut_local_official(_name("a", named, "Kansas City Manager", "ORG"))
    assert city.text == "Kansas City Manager"


def test_an_acronym_of_a_police_force_joins_it() -> None:
    text = "Marion County Police were called. MCPD officers found a man."
    mentions = [_name("a", text, "Marion County Police", "GPE")]
    linked = link_mentions(mentions, {"a": text})
    assert _together(linked, "Marion County Police", "MCPD")


def test_pieces_of_a_name_an_acronym_defines_are_joined() -> None:
    text = "Deputies called Game Fish and Parks (GFP) Sergeant Al Brook. GFP said nothing."
    mentions = [
        _name("a", text, "Game Fish", "ORG"),
        _name("a", text, "Parks", "PERSON"),
        _name("a", text, "GFP", "ORG"),
        _name("a", text, "GFP", "ORG", nth=1),
    ]
    joined = join_defined_pieces(mentions, {"a": text})
    assert next(m.text for m in joined if m.label != "PERSON") == "Game Fish and Parks"
    assert "Parks" not in {m.text for m in joined}
    linked = link_mentions(mentions, {"a": text})
    assert _together(linked, "Game Fish and Parks", "GFP")


def test_a_town_before_its_street_stays_the_town() -> None:
    text = "A teen died in Lomita. He lived just off Lomita Boulevard."
    mentions = [
        _name("a", text, "Lomita", "GPE"),
        _name("a", text, "Lomita Boulevard", "FAC"),
    ]
    linked = link_mentions(mentions, {"a": text})
    assert not _together(linked, "Lomita", "Lomita Boulevard")
    # a street named by its first word stays one street
    street = "It happened on Junction and Belmont Avenue. Shots came from Belmont and Junction."
    found = [
        _name("b", street, "Belmont Avenue", "FAC"),
        _name("b", street, "Belmont", "GPE", nth=1),
    ]
    assert _together(link_mentions(found, {"b": street}), "Belmont", "Belmont Avenue")


def test_a_surname_two_people_share_is_found_where_the_model_missed_it() -> None:
    text = (
        "Thomas Vandermeer, 80, and his brother Walter Vandermeer, 78, were shot. "
        "Police said Vandermeer had argued with a neighbour."
    )
    mentions = [
        _name("a", text, "Thomas Vandermeer", "PERSON"),
        _name("a", text, "Walter Vandermeer", "PERSON"),
    ]
    linked = link_mentions(mentions, {"a": text})
    assert any(m.text == "Vandermeer" for e in linked for m in e.mentions)


def test_a_nickname_of_the_articles_person_is_found_where_the_model_missed_it() -> None:
    text = "Walter Vandermeer, 78, was shot. Neighbours said Wally kept to himself."
    mentions = [_name("a", text, "Walter Vandermeer", "PERSON")]
    linked = link_mentions(mentions, {"a": text})
    assert _together(linked, "Walter Vandermeer", "Wally")


def test_a_residence_after_a_name_is_a_persons_cue() -> None:
    text = "Police said Cody Marsh, of Clear Lake, was hurt."
    start = text.index("Cody Marsh")
    assert person_cue(text, (start, start + len("Cody Marsh")))
    place = "Police said Mason City, of course, was quiet."
    start = place.index("Mason City")
    assert not person_cue(place, (start, start + len("Mason City")))


def test_an_acronym_of_a_name_another_article_of_the_story_writes_joins_it() -> None:
    t1 = "Agents of the State Law Enforcement Division were called."
    t2 = "SLED agents said the man was dead. SLED will report."
    mentions = [_name("a1", t1, "State Law Enforcement Division", "ORG")]
    texts = {"a1": t1, "a2": t2}
    linked = link_mentions(mentions, texts, story_of={"a1": "s", "a2": "s"})
    assert _together(linked, "State Law Enforcement Division", "SLED")
    # another story's article is no evidence
    apart = link_mentions(mentions, texts, story_of={"a1": "s", "a2": "t"})
    assert not _together(apart, "State Law Enforcement Division", "SLED")


def test_numbered_streets_and_precincts_the_model_missed_are_places() -> None:
    t1 = "Officers saw two men near 410 East 48th Street. They walked to the 71st Precinct."
    t2 = "A crowd gathered on East 48th street, then outside the 71st precinct, police said."
    texts = {"a1": t1, "a2": t2}
    linked = link_mentions([], texts, story_of={"a1": "s", "a2": "s"})
    assert _together(linked, "East 48th Street", "East 48th street")
    assert _together(linked, "71st Precinct", "71st precinct")
    # an age or a date is no street
    assert link_mentions([], {"b": "He was 21st in line on the 3rd day."}) == ()


def test_an_abbreviated_compass_word_is_the_storys_street_written_out() -> None:
    t1 = "He was shot on East 171st St. in the Bronx."
    t2 = "Police found him near E. 171st St. early Friday."
    linked = link_mentions([], {"a1": t1, "a2": t2}, story_of={"a1": "s", "a2": "s"})
    assert _together(linked, "East 171st St.", "E. 171st St.")


def test_a_verb_after_an_aged_name_is_no_noun_it_modifies() -> None:
    text = "Police found 17-year-old Tavon Reese shot in the head near Oak Park."
    mentions = [_name("a", text, "Tavon Reese", "FAC")]
    linked = link_mentions(mentions, {"a": text})
    assert {e.type for e in linked if e.name == "Tavon Reese"} == {"PERSON"}
    # a noun after the name still makes it a modifier ("a Glock handgun")
    noun = "Police found 17-year-old Tavon Reese handgun near Oak Park."
    kept = link_mentions([_name("a", noun, "Tavon Reese", "FAC")], {"a": noun})
    assert {e.type for e in kept if e.name == "Tavon Reese"} != {"PERSON"}
