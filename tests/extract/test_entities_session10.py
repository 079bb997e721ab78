"""Entity rules of session 10, read on the fresh24 split (ECB+ dev): a quoted alias, a short
title before a surname ("Insp"), two spellings of one organisation's name, "Mt" for "Mount",
a town's name glued before an organisation's, a residence after a name, and a name after a
bare "the" that is no person's."""

from __future__ import annotations

from newsweave.extract.aliases import split_title
from newsweave.extract.entities import link_mentions
from newsweave.extract.entity_records import bare_definite
from newsweave.extract.mention_repair import split_place_lead
from newsweave.extract.name_linking import _link_company_word
from newsweave.model import Entity

from .helpers import name_mention as _name


def _together(entities: tuple[Entity, ...], a: str, b: str) -> bool:
    return any(
        any(m.text == a for m in e.mentions) and any(m.text == b for m in e.mentions)
        for e in entities
    )


def _type_of(entities: tuple[Entity, ...], surface: str) -> str:
    [found] = [e.type for e in entities if any(m.text == surface for m in e.mentions)]
    return found


def test_a_quoted_alias_is_the_person_named_just_before() -> None:
    text = (
        'Police arrested Mark Dorsey, 41. Dorsey, also known by neighbours as "Big Mo," '
        'was held. Later he used the alias "Big Mo" again. Ann Lee was not charged.'
    )
    mentions = [
        _name("a", text, "Mark Dorsey", "PERSON"),
        _name("a", text, "Dorsey", "PERSON", nth=1),
        _name("a", text, "Ann Lee", "PERSON"),
    ]
    linked = link_mentions(mentions, {"a": text})
    [dorsey] = [e for e in linked if e.name == "Mark Dorsey"]
    assert sum(m.text == "Big Mo" for m in dorsey.mentions) == 2
    assert not _together(linked, "Big Mo", "Ann Lee")


def test_a_quoted_phrase_with_no_person_before_it_is_no_alias() -> None:
    text = 'The storm, also known as "Big Mo," hit the coast.'
    assert link_mentions([], {"a": text}) == ()


def test_short_police_titles_are_titles() -> None:
    assert split_title("Insp Dave Hollis") == ("Insp", "Dave Hollis")
    text = "Inspector Dave Hollis said so. Insp Hollis said the walk was hard."
    mentions = [
        _name("a", text, "Dave Hollis", "PERSON"),
        _name("a", text, "Insp Hollis", "PERSON"),
    ]
    assert _together(link_mentions(mentions, {"a": text}), "Dave Hollis", "Insp Hollis")


def test_two_spellings_of_one_firm_in_a_story_are_one_firm() -> None:
    a = "He worked at Hollis Advisors, a tax firm. Hollis Advisors was closed."
    b = "Staff of Hollis Advisers fled."
    mentions = [
        _name("a", a, "Hollis Advisors", "ORG"),
        _name("a", a, "Hollis Advisors", "ORG", nth=1),
        _name("b", b, "Hollis Advisers", "ORG"),
    ]
    story = {"a": "s", "b": "s"}
    linked = link_mentions(mentions, {"a": a, "b": b}, story_of=story)
    assert _together(linked, "Hollis Advisors", "Hollis Advisers")
    # in two stories they stay two names; short words one letter apart are never merged
    apart = link_mentions(mentions, {"a": a, "b": b}, story_of={"a": "s", "b": "t"})
    assert not _together(apart, "Hollis Advisors", "Hollis Advisers")
    towns = "Fort Wayne police and Fort Payne police met."
    pair = [_name("a", towns, "Fort Wayne", "ORG"), _name("a", towns, "Fort Payne", "ORG")]
    assert not _together(link_mentions(pair, {"a": towns}), "Fort Wayne", "Fort Payne")


def test_mt_is_mount_beside_the_name_written_out() -> None:
    a = "He flew to Mount Cook Village."
    b = "The man was taken to Mt Cook Village."
    mentions = [_name("a", a, "Mount Cook Village", "LOC"), _name("b", b, "Mt Cook Village", "FAC")]
    linked = link_mentions(mentions, {"a": a, "b": b}, story_of={"a": "s", "b": "s"})
    assert _together(linked, "Mount Cook Village", "Mt Cook Village")


def test_a_town_glued_before_a_store_is_two_names() -> None:
    text = (
        "A woman was killed at the Elmwood Corner Market. Police in Elmwood said "
        "Corner Market staff saw it."
    )
    mentions = [
        _name("a", text, "Elmwood Corner Market", "ORG"),
        _name("a", text, "Elmwood", "GPE", nth=1),
        _name("a", text, "Corner Market", "ORG", nth=1),
    ]
    split = {m.text: m.label for m in split_place_lead(mentions, {"a": text})}
    assert split == {"Elmwood": "GPE", "Corner Market": "ORG"}
    # a team's plural name and a one-word rest stay whole
    teams = "The Elmwood Red Wings won. Elmwood cheered the Red Wings. Elmwood Globe wrote."
    kept = [
        _name("a", teams, "Elmwood Red Wings", "ORG"),
        _name("a", teams, "Elmwood", "GPE", nth=1),
        _name("a", teams, "Red Wings", "ORG", nth=1),
        _name("a", teams, "Elmwood Globe", "ORG"),
    ]
    texts = {m.text for m in split_place_lead(kept, {"a": teams})}
    assert {"Elmwood Red Wings", "Elmwood Globe"} <= texts


def test_a_residence_after_a_name_is_a_place() -> None:
    text = "66-year-old Luella Marsh, of Greenvale, was hit while walking."
    mentions = [_name("a", text, "Luella Marsh", "PERSON"), _name("a", text, "Greenvale", "PERSON")]
    assert _type_of(link_mentions(mentions, {"a": text}), "Greenvale") == "GPE"


def test_a_name_right_after_a_bare_the_is_no_person() -> None:
    text = "They climbed to the Ridge Hollow from the village. The John Day shooting was later."
    hut = _name("a", text, "Ridge Hollow", "PERSON")
    assert bare_definite(text, hut.span)
    assert not bare_definite(text, _name("a", text, "John Day", "PERSON").span)
    assert _type_of(link_mentions([hut], {"a": text}), "Ridge Hollow") != "PERSON"


def test_a_clipped_team_plural_is_the_storys_team() -> None:
    a = "The Jacksonville Jaguars lost. The Jags never led."
    b = "Fans of the Jags left early."
    mentions = [
        _name("a", a, "Jacksonville Jaguars", "FAC"),
        _name("a", a, "Jags", "PERSON"),
        _name("b", b, "Jags", "PERSON"),
    ]
    linked = link_mentions(mentions, {"a": a, "b": b}, story_of={"a": "s", "b": "s"})
    [team] = [e for e in linked if any(m.text == "Jacksonville Jaguars" for m in e.mentions)]
    assert sum(m.text == "Jags" for m in team.mentions) == 2
    # a plural that clips no team of its own story stays apart
    other = link_mentions(mentions, {"a": a, "b": b}, story_of={"a": "s", "b": "t"})
    [team] = [e for e in other if any(m.text == "Jacksonville Jaguars" for m in e.mentions)]
    assert {m.article_id for m in team.mentions} == {"a"}


def test_a_team_and_its_score_tagged_law_is_the_team() -> None:
    text = "The Indianapolis Colts won. Final: Colts 7, Jaguars 3."
    mentions = [
        _name("a", text, "Indianapolis Colts", "ORG"),
        _name("a", text, "Colts 7", "LAW"),
    ]
    linked = link_mentions(mentions, {"a": text})
    assert _together(linked, "Indianapolis Colts", "Colts")


def test_a_lone_word_opening_the_articles_one_firm_is_the_firm() -> None:
    text = "He worked at Hollis Advisors. Calls made to Hollis were not answered."
    found = [_name("a", text, "Hollis Advisors", "ORG"), _name("a", text, "Hollis", "PERSON", 1)]
    assigned = {0: "N:hollis advisors", 1: "N:hollis"}
    _link_company_word(found, assigned, {"a": text})
    assert assigned[1] == "N:hollis advisors"
    # spoken of as a person, or the town of a public body, it stays apart
    said = "He worked at Hollis Advisors. Hollis said the office was closed."
    force = "Hollis Police Department said so. Calls made to Hollis were not answered."
    for text, org in ((said, "Hollis Advisors"), (force, "Hollis Police Department")):
        found = [_name("a", text, org, "ORG"), _name("a", text, "Hollis", "PERSON", 1)]
        assigned = {0: "N:" + org.lower(), 1: "N:hollis"}
        _link_company_word(found, assigned, {"a": text})
        assert assigned[1] == "N:hollis"


def test_a_forces_name_before_a_title_is_found_again_in_the_story() -> None:
    a = "Troy Police Chief Ann Marr spoke."
    b = "The gunman fled, Troy Police Lt. Dan Reyes said. Troy Police Chief Ann Marr agreed."
    mentions = [
        _name("a", a, "Troy Police", "ORG"),
        _name("a", a, "Ann Marr", "PERSON"),
        _name("b", b, "Dan Reyes", "PERSON"),
        _name("b", b, "Ann Marr", "PERSON"),
    ]
    linked = link_mentions(mentions, {"a": a, "b": b}, story_of={"a": "s", "b": "s"})
    [force] = [e for e in linked if e.name == "Troy Police"]
    assert {m.article_id for m in force.mentions} == {"a", "b"}
    assert len(force.mentions) == 3


def test_i_75_is_interstate_75() -> None:
    a = "He was caught on Interstate 75."
    b = "Traffic stopped on the I-75 corridor."
    mentions = [_name("a", a, "Interstate 75", "FAC"), _name("b", b, "I-75", "PRODUCT")]
    linked = link_mentions(mentions, {"a": a, "b": b}, story_of={"a": "s", "b": "s"})
    assert _together(linked, "Interstate 75", "I-75")


def test_makers_hospitals_and_pikes_are_no_people() -> None:
    gun = "Deputies recovered a Hank Tovar model 229 handgun."
    hospital = "The man was transported to Ephraim Tull and then to a trauma centre."
    road = "It happened near Thompson Lane and Wexley Pike on Monday."
    for text, name in ((gun, "Hank Tovar"), (hospital, "Ephraim Tull"), (road, "Wexley Pike")):
        linked = link_mentions([_name("a", text, name, "PERSON")], {"a": text})
        assert _type_of(linked, name) != "PERSON", name
    person = "The boy was taken to his mother, Ann Tull, who called 911."
    linked = link_mentions([_name("a", person, "Ann Tull", "PERSON")], {"a": person})
    assert _type_of(linked, "Ann Tull") == "PERSON"


def test_a_birth_name_is_the_person_named_before() -> None:
    text = "Nora Vance died on Thursday. Vance was born Eleanor Mae Whitby in Ohio. She was 85."
    mentions = [
        _name("a", text, "Nora Vance", "PERSON"),
        _name("a", text, "Vance", "PERSON", nth=1),
        _name("a", text, "Eleanor Mae Whitby", "PERSON"),
    ]
    linked = link_mentions(mentions, {"a": text})
    assert _together(linked, "Nora Vance", "Eleanor Mae Whitby")
    assert {e.name for e in linked} == {"Nora Vance"}
    # a day or a place after "was born" is no name
    day = "Nora Vance was born Tuesday Morning in Ohio."
    assert link_mentions([_name("a", day, "Nora Vance", "PERSON")], {"a": day})[0].name == (
        "Nora Vance"
    )


def test_a_ships_name_is_no_person() -> None:
    text = "The navy answered a distress call from the MV Orla Brenn off the coast."
    linked = link_mentions([_name("a", text, "MV Orla Brenn", "PERSON")], {"a": text})
    assert _type_of(linked, "MV Orla Brenn") == "PRODUCT"
