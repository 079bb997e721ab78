"""Entity linking rules of session 8: a blend of a person's name openings ("LiLo"), a name
that opens the story's one longer organisation name ("Morningside"), a place joined by "/" to
a unit's name, and a first name the model also tags ORG that stays a person's."""

from __future__ import annotations

from newsweave.extract.entities import link_mentions
from newsweave.extract.mention_repair import (
    cut_before_house_number,
    names_inside_titles,
    slash_joined_unit,
    split_glued_dateline,
)
from newsweave.extract.name_linking import plain_key
from newsweave.extract.person_linking import blended_name
from newsweave.model import Entity

from .helpers import name_mention as _name


def _holding(entities: tuple[Entity, ...], surface: str) -> set[str]:
    return {e.name for e in entities if any(m.text == surface for m in e.mentions)}


def test_a_blend_of_name_openings_is_the_one_person_it_fits() -> None:
    people = [("lohan", {"P:lindsay lohan"}), ("heller", {"P:mark heller"})]
    assert blended_name("LiLo", people) == "P:lindsay lohan"
    assert blended_name("A-Rod", [("rodriguez", {"P:alex rodriguez"})]) == "P:alex rodriguez"
    # a plain word, a word that fits no one, and a blend two people fit name no one
    assert blended_name("Lohan", people) is None
    assert blended_name("MaHo", people) is None
    two = [("lohan", {"P:lindsay lohan"}), ("lowe", {"P:lisa lowe"})]
    assert blended_name("LiLo", two) is None


def test_a_blend_links_to_the_person_the_story_names_in_full() -> None:
    t1 = "Lindsay Lohan entered rehab on Monday. Lohan is 24."
    t2 = "LiLo left the clinic after two minutes, her lawyer Mark Heller said."
    mentions = [
        _name("a1", t1, "Lindsay Lohan", "PERSON"),
        _name("a1", t1, "Lohan", "PERSON", nth=1),
        _name("a2", t2, "LiLo", "PERSON"),
        _name("a2", t2, "Mark Heller", "PERSON"),
    ]
    texts = {"a1": t1, "a2": t2}
    linked = link_mentions(mentions, texts, story_of={"a1": "s", "a2": "s"})
    assert _holding(linked, "LiLo") == {"Lindsay Lohan"}
    # another story's "LiLo" is no evidence
    apart = link_mentions(mentions, texts, story_of={"a1": "s", "a2": "t"})
    assert _holding(apart, "LiLo") != {"Lindsay Lohan"}


def test_a_name_opening_the_stories_one_longer_name_joins_it() -> None:
    t1 = "She was settling in at Morningside Recovery, a treatment facility."
    t2 = "She showed up to Morningside at noon and left."
    mentions = [
        _name("a1", t1, "Morningside Recovery", "FAC"),
        _name("a2", t2, "Morningside", "FAC"),
    ]
    linked = link_mentions(mentions, {"a1": t1, "a2": t2}, story_of={"a1": "s", "a2": "s"})
    assert _holding(linked, "Morningside") == _holding(linked, "Morningside Recovery")


def test_a_town_before_its_public_body_or_a_noun_stays_apart() -> None:
    t1 = "Paramedics from the Burbank Fire Department arrived."
    t2 = "A man was found outside a Burbank hotel, said Burbank police."
    mentions = [
        _name("a1", t1, "Burbank Fire Department", "ORG"),
        _name("a2", t2, "Burbank", "ORG"),
    ]
    linked = link_mentions(mentions, {"a1": t1, "a2": t2}, story_of={"a1": "s", "a2": "s"})
    assert _holding(linked, "Burbank") != _holding(linked, "Burbank Fire Department")
    # the public body alone refuses too, even without the noun
    t3 = "Paramedics from the Burbank Fire Department arrived."
    t4 = "The man was taken from Burbank to a hospital."
    mentions = [
        _name("a1", t3, "Burbank Fire Department", "ORG"),
        _name("a2", t4, "Burbank", "ORG"),
    ]
    linked = link_mentions(mentions, {"a1": t3, "a2": t4}, story_of={"a1": "s", "a2": "s"})
    assert _holding(linked, "Burbank") != _holding(linked, "Burbank Fire Department")


def test_a_place_joined_by_a_slash_to_a_unit_is_the_units_name() -> None:
    text = "Call Det. Kristopher Adams of the Lake County/Gary Metro Homicide Unit at once."
    mention = _name("a1", text, "Lake County", "GPE")
    joint = slash_joined_unit(mention, text)
    assert joint.text == "Lake County/Gary Metro Homicide Unit"
    assert joint.label == "ORG"
    other = "Roads in Lake County/Porter County were closed."
    plain = _name("a1", other, "Lake County", "GPE")
    assert slash_joined_unit(plain, other) == plain


def test_a_first_name_also_tagged_org_keeps_its_full_name_whole() -> None:
    text = (
        "Husband and father Scott Westerhuis, 41, died. The family, including father Scott "
        "(second from right), were remembered. Both Scott and Nicole Westerhuis worked at a "
        "cooperative. Nicole Westerhuis was its manager. Scott was listed as CFO and Nicole "
        "Westerhuis as business manager. Nicole Westerhuis and Nicole Westerhuis again."
    )
    mentions = [
        _name("a1", text, "Scott Westerhuis", "PERSON"),
        _name("a1", text, "Scott", "PERSON", nth=1),
        _name("a1", text, "Scott", "ORG", nth=2),
        _name("a1", text, "Nicole Westerhuis", "PERSON"),
        _name("a1", text, "Nicole Westerhuis", "PERSON", nth=1),
        _name("a1", text, "Scott", "ORG", nth=3),
        _name("a1", text, "Nicole Westerhuis", "PERSON", nth=2),
        _name("a1", text, "Nicole Westerhuis", "PERSON", nth=3),
        _name("a1", text, "Nicole Westerhuis", "PERSON", nth=4),
    ]
    linked = link_mentions(mentions, {"a1": text})
    assert "Scott Westerhuis" in {e.name for e in linked if e.type == "PERSON"}


def test_a_possessive_before_a_house_number_ends_the_name() -> None:
    text = "Cody Throneberry shot his friend at Throneberry’s 1240 Bell’s Ferry Road home."
    mentions = [
        _name("a1", text, "Cody Throneberry", "PERSON"),
        _name("a1", text, "Throneberry’s 1240", "ORG"),
    ]
    linked = link_mentions(mentions, {"a1": text})
    (person,) = [e for e in linked if e.name == "Cody Throneberry"]
    assert len(person.mentions) == 2
    assert cut_before_house_number(mentions[0]) == mentions[0]


def test_a_street_written_with_and_without_its_apostrophe_is_one_street() -> None:
    assert plain_key("Bell’s Ferry Road") == plain_key("Bells Ferry Road")
    assert plain_key("The Denver Post's") == plain_key("Denver Post")


def test_a_dateline_glued_to_the_opening_name_is_two_names() -> None:
    text = (
        "September 17, 2013\n\nComputerworld-Microsoft today said hackers exploit a bug. "
        "Microsoft will patch it. A Coca-Cola plant closed."
    )
    mentions = [
        _name("a1", text, "Computerworld-Microsoft", "ORG"),
        _name("a1", text, "Microsoft", "ORG", nth=1),
        _name("a1", text, "Coca-Cola", "ORG"),
    ]
    pieces = split_glued_dateline(mentions, {"a1": text})
    assert [m.text for m in pieces] == ["Computerworld", "Microsoft", "Microsoft", "Coca-Cola"]
    linked = link_mentions(mentions, {"a1": text})
    (company,) = [e for e in linked if e.name == "Microsoft"]
    assert len(company.mentions) == 2
    # in running text, not at a paragraph's start, the pair is left alone
    prose = "He said Computerworld-Microsoft ties grew. Microsoft agreed."
    inside = [
        _name("a1", prose, "Computerworld-Microsoft", "ORG"),
        _name("a1", prose, "Microsoft", "ORG", nth=1),
    ]
    assert split_glued_dateline(inside, {"a1": prose}) == inside


def test_a_name_ending_in_an_acronym_is_no_person() -> None:
    text = "Indiana DNR said Cochran shot Conly. Indiana DNR is urging safety. John Smith III came."
    mentions = [
        _name("a1", text, "Indiana DNR", "PERSON"),
        _name("a1", text, "Indiana DNR", "PERSON", nth=1),
        _name("a1", text, "John Smith III", "PERSON"),
    ]
    types = {e.name: e.type for e in link_mentions(mentions, {"a1": text})}
    assert types["Indiana DNR"] == "ORG"
    assert types["John Smith III"] == "PERSON"


def test_a_lone_name_before_neighborhood_is_a_place() -> None:
    text = (
        "The victim was Dalon Williams, 17, of Garfield. A teenager was shot in the city's "
        "Garfield neighborhood. Katelyn Sykes reports from Garfield."
    )
    mentions = [
        _name("a1", text, "Dalon Williams", "PERSON"),
        _name("a1", text, "Garfield", "PERSON"),
        _name("a1", text, "Garfield", "PERSON", nth=1),
        _name("a1", text, "Garfield", "PERSON", nth=2),
    ]
    types = {e.name: e.type for e in link_mentions(mentions, {"a1": text})}
    assert types["Garfield"] == "GPE"


def test_a_title_ending_in_a_persons_name_names_the_person() -> None:
    text = (
        "Bettie Page died. A movie, The Notorious Bettie Page, was released. "
        "He was held at St. Bernard Parish Prison. Parish Prison staff said so."
    )
    mentions = [
        _name("a1", text, "Bettie Page", "PERSON"),
        _name("a1", text, "Notorious Bettie Page", "WORK_OF_ART"),
        _name("a1", text, "St. Bernard Parish Prison", "FAC"),
        _name("a1", text, "Parish Prison", "PERSON", nth=1),
    ]
    found = {(m.text, m.label) for m in names_inside_titles(mentions, {"a1": text})}
    assert ("Bettie Page", "PERSON") in found
    assert ("Notorious Bettie Page", "WORK_OF_ART") not in found
    # a place's institution is no person's name, though the model once tagged it so
    assert ("St. Bernard Parish Prison", "FAC") in found


def test_a_place_before_a_title_before_a_person_is_the_place() -> None:
    text = "Tonight, said Brooklyn Councilman Jumaane Williams in a release."
    mentions = [
        _name("a1", text, "Brooklyn Councilman", "PERSON"),
        _name("a1", text, "Jumaane Williams", "PERSON"),
    ]
    found = {(m.text, m.label) for m in names_inside_titles(mentions, {"a1": text})}
    assert found == {("Brooklyn", "GPE"), ("Jumaane Williams", "PERSON")}


def test_a_shared_surname_nothing_settles_goes_to_the_storys_subject() -> None:
    t1 = "Gary Gomes was arrested. Gomes faces arraignment."
    t2 = "Gary Gomes, 35, will face charges. Police arrested Gomes."
    t3 = (
        "Police named the victims as Katherine Gomes, 61, and Robyn Mendes. "
        "Gary Gomes was arrested. Gomes is scheduled to be arraigned."
    )
    texts = {"a1": t1, "a2": t2, "a3": t3}
    mentions = [
        _name("a1", t1, "Gary Gomes", "PERSON"),
        _name("a1", t1, "Gomes", "PERSON", nth=1),
        _name("a2", t2, "Gary Gomes", "PERSON"),
        _name("a2", t2, "Gomes", "PERSON", nth=1),
        _name("a3", t3, "Katherine Gomes", "PERSON"),
        _name("a3", t3, "Robyn Mendes", "PERSON"),
        _name("a3", t3, "Gary Gomes", "PERSON"),
        _name("a3", t3, "Gomes", "PERSON", nth=2),
    ]
    story = {"a1": "s", "a2": "s", "a3": "s"}
    linked = link_mentions(mentions, texts, story_of=story)
    (gary,) = [e for e in linked if e.name == "Gary Gomes"]
    assert len(gary.mentions) == 6
    # one article naming each once is no evidence: the lone surname stays apart
    alone = link_mentions(mentions[4:], {"a3": t3}, story_of={"a3": "s"})
    (gary,) = [e for e in alone if e.name == "Gary Gomes"]
    assert len(gary.mentions) == 1


def test_a_surname_before_a_kin_word_and_a_full_name_is_not_that_relative() -> None:
    text = (
        "Police shot Kimani Gray on Saturday. His sister Mahnefah Gray said he was kind. "
        "Gray was 16. Still, Gray's sister Mahnefah Gray said Kimani was adjusting his belt."
    )
    mentions = [
        _name("a1", text, "Kimani Gray", "PERSON"),
        _name("a1", text, "Mahnefah Gray", "PERSON"),
        _name("a1", text, "Gray", "PERSON", nth=2),
        _name("a1", text, "Gray", "PERSON", nth=3),
        _name("a1", text, "Mahnefah Gray", "PERSON", nth=1),
    ]
    linked = link_mentions(mentions, {"a1": text})
    (kimani,) = [e for e in linked if e.name == "Kimani Gray"]
    assert sorted(m.text for m in kimani.mentions) == ["Gray", "Gray", "Kimani", "Kimani Gray"]


def test_a_name_before_group_after_the_is_a_units_not_a_persons() -> None:
    text = (
        "Dustin Childs, a manager in the Trustworthy Computing group, said so. "
        "The Smith family and Dustin Childs agreed."
    )
    mentions = [
        _name("a1", text, "Dustin Childs", "PERSON"),
        _name("a1", text, "Trustworthy Computing", "PERSON"),
        _name("a1", text, "Smith", "PERSON"),
        _name("a1", text, "Dustin Childs", "PERSON", nth=1),
    ]
    types = {e.name: e.type for e in link_mentions(mentions, {"a1": text})}
    assert types["Trustworthy Computing"] == "ORG"
    assert types["Dustin Childs"] == "PERSON"


def test_a_surname_tagged_otherwise_joins_the_person_two_story_articles_name() -> None:
    t1 = "Gregory Echenique scored 11 points. Echenique also blocked six shots."
    t2 = "Starting center Gregory Echenique scored 11 points in the second half."
    t3 = (
        "The Jays answered, as Echenique threw down a dunk. Echenique's third three-point "
        "play. Echenique blocked a shot."
    )
    texts = {"a1": t1, "a2": t2, "a3": t3}
    mentions = [
        _name("a1", t1, "Gregory Echenique", "PERSON"),
        _name("a1", t1, "Echenique", "PERSON", nth=1),
        _name("a2", t2, "Gregory Echenique", "PERSON"),
        _name("a3", t3, "Echenique", "ORG"),
        _name("a3", t3, "Echenique", "ORG", nth=1),
        _name("a3", t3, "Echenique", "ORG", nth=2),
    ]
    story = {"a1": "s", "a2": "s", "a3": "s"}
    linked = link_mentions(mentions, texts, story_of=story)
    (person,) = [e for e in linked if e.name == "Gregory Echenique"]
    assert len(person.mentions) == 6
