"""The second pass over names the model missed (`extract.missed_names`), and its linking."""

from __future__ import annotations

from newsweave.extract.entities import link_mentions
from newsweave.extract.mentions import NameMention
from newsweave.extract.missed_names import missed_names

from .helpers import name_mention as _name


def _found(text: str, *given: tuple[str, str]) -> dict[str, str]:
    mentions = [_name("a1", text, surface, label) for surface, label in given]
    return {m.text: m.label for m in missed_names(mentions, {"a1": text})}


def test_a_titled_or_speaking_name_is_a_person() -> None:
    text = (
        "It was an accident, Navarro County Sheriff Elmer Tanner told WFAA. "
        '"We have a problem," Pastor Lynwood Deans said. "Take care," said Fred Poore Jr.'
    )
    found = _found(text, ("Navarro County", "GPE"), ("WFAA", "ORG"))
    assert found == {
        "Elmer Tanner": "PERSON",
        "Lynwood Deans": "PERSON",
        "Fred Poore Jr.": "PERSON",
    }


def test_a_capitalised_pair_without_a_cue_is_left_out() -> None:
    text = (
        "Security experts said Internet Explorer users should switch. "
        "She met Rocky Road at noon. Another Day came."
    )
    assert _found(text) == {}


def test_heads_type_organisations_and_places() -> None:
    text = (
        "The Knox County Sheriff's Office was called to the Northeast Side. "
        "Call Crime Stoppers at 555-1234."
    )
    assert _found(text) == {
        "Knox County Sheriff's Office": "ORG",
        "Northeast Side": "LOC",
        "Crime Stoppers": "ORG",
    }


def test_a_piece_of_a_name_the_model_cut_is_no_name_of_its_own() -> None:
    text = (
        "A 16-year-old Bladensburg High School student was shot, 24-Hour News 8 said. "
        "Call Crime Stoppers of Michigan."
    )
    found = _found(text, ("Bladensburg", "GPE"), ("Michigan", "GPE"))
    assert found == {}


def test_a_sheriff_found_by_the_second_pass_keeps_his_lone_surname() -> None:
    text = "Navarro County Sheriff Elmer Tanner told WFAA. No one can be charged, Tanner said."
    mentions = [_name("a1", text, "Navarro County", "GPE"), _name("a1", text, "WFAA", "ORG")]
    people = [e for e in link_mentions(mentions, {"a1": text}) if e.type == "PERSON"]
    assert [(e.name, len(e.mentions)) for e in people] == [("Elmer Tanner", 2)]


def test_a_first_name_opening_a_sentence_before_a_persons_verb_is_that_person() -> None:
    text = 'He produced Tara Reid last year. "Tara was professional," he said. Hope is all.'
    mentions = [_name("a1", text, "Tara Reid", "PERSON")]
    people = [e for e in link_mentions(mentions, {"a1": text}) if e.type == "PERSON"]
    assert [(e.name, len(e.mentions)) for e in people] == [("Tara Reid", 2)]


def test_a_lone_word_that_opens_the_storys_place_name_is_no_person() -> None:
    t1 = "Lohan was settling in at Morningside Recovery, a treatment facility."
    t2 = "She showed up to Morningside at noon, then left Morningside."
    mentions = [
        _name("a1", t1, "Lohan", "PERSON"),
        _name("a1", t1, "Morningside Recovery", "FAC"),
        _name("a2", t2, "Morningside", "PERSON"),
        _name("a2", t2, "Morningside", "PERSON", nth=1),
    ]
    entities = link_mentions(mentions, {"a1": t1, "a2": t2}, story_of={"a1": "s", "a2": "s"})
    assert not any(e.type == "PERSON" and "Morningside" in e.name for e in entities)


def test_a_caps_dateline_glued_to_its_dash_is_the_storys_city() -> None:
    t1 = "SAN ANTONIO- A man was shot. Police in San Antonio said he died."
    t2 = "SAN ANTONIO - A girl was shot in San Antonio."
    mentions = [
        _name("a1", t1, "SAN ANTONIO-", "ORG"),
        _name("a1", t1, "San Antonio", "GPE"),
        _name("a2", t2, "SAN ANTONIO -", "ORG"),
        _name("a2", t2, "San Antonio", "GPE"),
    ]
    entities = link_mentions(mentions, {"a1": t1, "a2": t2}, story_of={"a1": "s", "a2": "s"})
    assert [(e.type, len(e.mentions)) for e in entities] == [("GPE", 4)]


def test_an_institution_without_its_last_word_is_that_institution_unless_a_place() -> None:
    text = (
        "Georgia Southern University said classes go on. Georgia Southern students gathered. "
        "He died at Cook County Hospital in Cook County."
    )
    mentions = [
        _name("a1", text, "Georgia Southern University", "ORG"),
        _name("a1", text, "Georgia Southern", "ORG"),
        _name("a1", text, "Cook County Hospital", "ORG"),
        _name("a1", text, "Cook County", "GPE", nth=1),
    ]
    entities = link_mentions(mentions, {"a1": text})
    forms = sorted(sorted({m.text for m in e.mentions}) for e in entities)
    assert ["Georgia Southern", "Georgia Southern University"] in forms
    assert ["Cook County"] in forms
    assert ["Cook County Hospital"] in forms


def test_a_town_with_its_states_postal_code_is_a_place_not_a_person() -> None:
    text = (
        "Vista CA— The medical examiner named the teen. METCALFE COUNTY, Ky (LEX 18) - Officials."
    )
    mentions = [_name("a1", text, "Vista CA", "PERSON"), _name("a1", text, "Ky", "PERSON")]
    found = {e.name: e.type for e in link_mentions(mentions, {"a1": text})}
    assert found == {"Vista CA": "GPE", "Ky": "GPE"}


def test_a_shop_or_a_theatre_the_model_calls_a_person_is_an_organisation() -> None:
    text = (
        "He was shot outside Blvd Liquor Store. She danced with Alvin Ailey American Dance Theater."
    )
    mentions = [
        _name("a1", text, "Blvd Liquor Store", "PERSON"),
        _name("a1", text, "Alvin Ailey American Dance Theater", "PERSON"),
    ]
    assert {e.type for e in link_mentions(mentions, {"a1": text})} == {"ORG"}


def test_datelines_and_a_persons_town_are_places() -> None:
    text = (
        "PEMBERTON — A teenager was charged.\n"
        "RUPERT, Idaho -- Authorities said more.\n"
        "UPDATE — Police said Kyle Markins of Findlay was killed. "
        "Sullivan County, Ind (WIBQ) - Details."
    )
    found = _found(text, ("Kyle Markins", "PERSON"), ("Sullivan County", "GPE"), ("Idaho", "GPE"))
    assert found == {
        "PEMBERTON": "GPE",
        "RUPERT": "GPE",
        "Findlay": "GPE",
        "Ind": "GPE",
        "WIBQ": "ORG",
    }


def test_a_company_after_a_persons_name_and_of_is_no_town() -> None:
    text = "John Smith of Microsoft said the update was late."
    assert _found(text, ("John Smith", "PERSON")) == {}


def test_the_name_after_the_last_calling_of_a_long_title_is_a_person() -> None:
    text = "He died, according to Floyd County Chief Deputy Coroner Gene Proctor. Proctor said so."
    assert _found(text) == {"Gene Proctor": "PERSON"}


def test_a_dotless_state_abbreviation_in_a_dateline_is_the_state() -> None:
    t1 = "WISCONSIN RAPIDS, Wis (WSAU) Police are investigating."
    t2 = "MADISON, Wis. — A boy was shot."
    mentions = [_name("a1", t1, "Wis", "GPE"), _name("a2", t2, "Wis.", "GPE")]
    entities = link_mentions(mentions, {"a1": t1, "a2": t2}, story_of={"a1": "s", "a2": "s"})
    assert [len(e.mentions) for e in entities if e.type == "GPE" and "Wis" in e.name] == [2]


def test_call_signs_and_streets_after_a_house_number_are_found() -> None:
    text = (
        "GRANITE FALLS, N.C. (WBTV) - A teen was shot at 937 Euharlee Road. "
        "Officers went to the 2400 Block of Van Wedding Road. Robinson told WBTV she slept."
    )
    found = _found(text, ("GRANITE FALLS", "GPE"), ("N.C.", "GPE"), ("Robinson", "PERSON"))
    assert found == {"WBTV": "ORG", "Euharlee Road": "FAC", "Van Wedding Road": "FAC"}


def test_a_street_named_after_the_articles_town_is_left_to_the_model() -> None:
    text = "Two Euharlee police officers went to 937 Euharlee Road. The Euharlee officers left."
    mentions = [
        _name("a1", text, "Euharlee", "PERSON"),
        _name("a1", text, "Euharlee", "GPE", nth=2),
    ]
    assert _found_from(mentions, text) == {}


def test_all_caps_words_of_a_shouted_line_are_no_call_signs() -> None:
    text = "THE DEPUTIES KNEW WHAT KIDS WERE DOING WITH THE GUN THAT NIGHT IN THE HOUSE."
    assert _found(text) == {}


def _found_from(mentions: list[NameMention], text: str) -> dict[str, str]:
    return {m.text: m.label for m in missed_names(mentions, {"a1": text})}


def test_a_teams_plural_name_joins_the_one_full_name_it_ends() -> None:
    t1 = "The Indianapolis Colts beat the Jags. The Colts won again."
    t2 = "Colts fans cheered in Indianapolis."
    mentions = [
        _name("a1", t1, "Indianapolis Colts", "ORG"),
        _name("a1", t1, "Colts", "ORG", nth=1),
        _name("a2", t2, "Colts", "ORG"),
    ]
    entities = link_mentions(mentions, {"a1": t1, "a2": t2}, story_of={"a1": "s", "a2": "s"})
    assert sorted(len(e.mentions) for e in entities if "Colts" in e.name) == [3]
    # Two full names of the story ending in the word leave it alone in another article.
    t3 = "The Cleveland Browns and the Dallas Browns met."
    t4 = "The Browns lost."
    mentions = [
        _name("a3", t3, "Cleveland Browns", "ORG"),
        _name("a3", t3, "Dallas Browns", "ORG"),
        _name("a4", t4, "Browns", "ORG"),
    ]
    found = link_mentions(mentions, {"a3": t3, "a4": t4}, story_of={"a3": "t", "a4": "t"})
    assert sorted(len(e.mentions) for e in found) == [1, 1, 1]
