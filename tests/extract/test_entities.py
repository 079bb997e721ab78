"""Entity extraction: one entity per real thing, in spaCy mode and in the rules fallback."""

from __future__ import annotations

import pytest

from newsweave.extract.aliases import bare_name, respace_glued, split_title
from newsweave.extract.entities import EntityConfig, extract_entities, link_mentions
from newsweave.model import Article, Entity
from newsweave.nlp import load_spacy

from .helpers import name_mention as _name


def _article(aid: str, text: str) -> Article:
    return Article(
        id=aid,
        source=aid,
        url=None,
        outlet=None,
        domain=None,
        title="",
        published=None,
        published_basis="unknown",
        language="en",
        text=text,
    )


CORPUS = [
    _article(
        "a1",
        "Russian President Vladimir Putin sent a telegram to President-elect Joe Biden on "
        "Tuesday. Putin's message was short.\n\nThe Russian president said he was ready to talk.",
    ),
    _article("a2", "Putin said the talks would go ahead. Biden did not reply."),
    _article(
        "a3", "Joe BidenVladimir Putin are posing for a picture: Vladimir Putin (L); Joe Biden"
    ),
]


def _by_name(result, name):  # type: ignore[no-untyped-def]
    return [e for e in result.entities if e.name == name]


@pytest.mark.parametrize("use_model", [True, False])
def test_one_person_entity_per_real_person_across_the_corpus(use_model: bool) -> None:
    if use_model and load_spacy(disable=("parser", "lemmatizer")) is None:
        pytest.skip("spaCy model not installed")
    result = extract_entities(CORPUS, config=EntityConfig(use_model=use_model))
    assert result.mode.startswith("spacy:") if use_model else result.mode == "rules"
    putin = _by_name(result, "Vladimir Putin")
    assert len(putin) == 1
    assert putin[0].type == "PERSON"
    assert putin[0].article_ids == ("a1", "a2", "a3")
    assert not [e for e in result.entities if "Putin" in e.name and e.name != "Vladimir Putin"]
    assert _by_name(result, "Joe Biden")[0].article_ids == ("a1", "a2", "a3")


@pytest.mark.parametrize("use_model", [True, False])
def test_mentions_are_spans_of_the_article_text(use_model: bool) -> None:
    result = extract_entities(CORPUS, config=EntityConfig(use_model=use_model))
    texts = {a.id: a.text for a in CORPUS}
    for entity in result.entities:
        for ev in entity.mentions:
            assert texts[ev.article_id][ev.span[0] : ev.span[1]] == ev.text


def test_role_phrase_links_to_the_person_the_title_named() -> None:
    result = extract_entities(CORPUS, config=EntityConfig(use_model=False))
    putin = _by_name(result, "Vladimir Putin")[0]
    assert any(ev.text.lower() == "the russian president" for ev in putin.mentions)


def test_glued_caption_names_never_become_entities() -> None:
    for use_model in (True, False):
        result = extract_entities(CORPUS, config=EntityConfig(use_model=use_model))
        assert not [e for e in result.entities if "BidenVladimir" in e.name]
        assert not [e for e in result.entities if len(e.name.split()) > 3 and e.type == "PERSON"]


def test_result_does_not_depend_on_article_order() -> None:
    forward = extract_entities(CORPUS, config=EntityConfig(use_model=False))
    backward = extract_entities(CORPUS[::-1], config=EntityConfig(use_model=False))
    assert forward == backward


def test_titles_and_possessives_fold_into_the_bare_name() -> None:
    assert bare_name("Russian President Vladimir Putin") == "Vladimir Putin"
    assert bare_name("Putin’s") == "Putin"
    assert bare_name("President-elect Joe Biden") == "Joe Biden"
    assert split_title("Foreign Ministry") == ("", "Foreign Ministry")
    assert split_title("former Vice President Joe Biden")[1] == "Joe Biden"


def test_respacing_glued_names_keeps_offsets_mappable() -> None:
    text = "Joe BidenVladimir Putin and Joe Biden and McDonald"
    spaced, mapping = respace_glued(text)
    assert spaced == "Joe Biden\nVladimir Putin and Joe Biden and McDonald"
    assert len(mapping) == len(spaced) + 1
    assert text[mapping[spaced.index("Vladimir")]] == "V"


def test_result_does_not_depend_on_partition_size() -> None:
    small = extract_entities(CORPUS, config=EntityConfig(use_model=False, partition_size=1))
    large = extract_entities(CORPUS, config=EntityConfig(use_model=False, partition_size=64))
    assert small == large


def test_bad_config_is_rejected_with_a_message() -> None:
    with pytest.raises(ValueError, match="at least 1"):
        EntityConfig(batch_size=0)


# Issue 12: people sharing one first or last name across articles, and the subject of a story.
SHARED_NAMES = [
    _article(
        "b1",
        "Lebron James scored 30 points for the Lakers on Sunday. James said the team played "
        "well.\n\nThe crowd cheered as James left the court.",
    ),
    _article(
        "b2", "Polygamist leader James Oler was found guilty on Tuesday. Oler denied the charges."
    ),
    _article(
        "b3",
        "The new film revives James Bond for a new generation. Critics said Bond looked tired.",
    ),
    _article("b4", "Speaking to the BBC, James said the storm had passed. Roads stayed closed."),
    _article(
        "b5", "AMD analyst Stacy Warren said the chip was late. Warren expects sales to fall."
    ),
    _article("b6", "Defence attorney Warren said his client was innocent. Warren will appeal."),
    _article(
        "b7",
        "Warren Jeffs, the leader of the sect, was jailed in Texas. His nephew Brielle Jeffs said "
        "Jeffs controlled their lives. Rulon Jeffs, his late father, led the church before him.",
    ),
]


@pytest.mark.parametrize("use_model", [True, False])
def test_a_lone_shared_name_never_merges_people_across_articles(use_model: bool) -> None:
    result = extract_entities(SHARED_NAMES, config=EntityConfig(use_model=use_model))
    people = {e.name: e.article_ids for e in result.entities if e.type == "PERSON"}
    assert people["Lebron James"] == ("b1",)
    assert people["James Oler"] == ("b2",)
    assert people["James Bond"] == ("b3",)
    assert people["Stacy Warren"] == ("b5",)
    assert people["Warren Jeffs"] == ("b7",)
    # No entity spans the two unrelated Warrens, or the reporter and a James named in full.
    for entity in result.entities:
        assert not {"b5", "b6"} <= set(entity.article_ids), entity
        assert not ({"b4"} < set(entity.article_ids)), entity


@pytest.mark.parametrize("use_model", [True, False])
def test_surname_alone_links_within_its_article_and_to_a_name_named_in_two(
    use_model: bool,
) -> None:
    corpus = [
        _article("c1", 'Sheila Rawlins, a neighbor, was stunned. "It\'s unreal," said Rawlins.'),
        _article("c2", "A neighbour, Rawlins, said he heard shots."),
    ]
    result = extract_entities(corpus, config=EntityConfig(use_model=use_model))
    sheila = [e for e in result.entities if e.name == "Sheila Rawlins"]
    assert len(sheila) == 1
    assert [m.text for m in sheila[0].mentions] == ["Sheila Rawlins", "Rawlins"]
    assert sheila[0].article_ids == ("c1",)  # named in full in one article only
    # With stories known, the same story is the evidence (rules mode: the small spaCy model
    # does not tag this lone "Rawlins" at all).
    linked = extract_entities(
        corpus, config=EntityConfig(use_model=False), story_of={"c1": "s", "c2": "s"}
    )
    assert [e.article_ids for e in linked.entities if e.name == "Sheila Rawlins"] == [("c1", "c2")]


def test_all_caps_dateline_repeats_the_place_the_article_names() -> None:
    text = "WOODLAWN — A boy was shot on Sunday in Woodlawn, police said."
    result = extract_entities([_article("d1", text)], config=EntityConfig(use_model=True))
    places = [e for e in result.entities if e.name == "Woodlawn"]
    if load_spacy(disable=("parser", "lemmatizer")) is None:
        pytest.skip("spaCy model not installed")
    assert len(places) == 1
    assert sorted(m.text for m in places[0].mentions) == ["WOODLAWN", "Woodlawn"]


# ---- linking on hand-made mentions (no model): the evidence rules of issue 12 ----------------


def _entity_of(entities: tuple[Entity, ...], aid: str, start: int) -> str | None:
    for entity in entities:
        for ev in entity.mentions:
            if ev.article_id == aid and ev.span[0] == start:
                return entity.name
    return None


def test_a_name_of_the_story_is_found_where_the_model_missed_it() -> None:
    t1 = "Police in Chalmette said a man was shot."
    t2 = "CHALMETTE, La. - The shooting in Chalmette left one dead."
    mentions = [_name("a1", t1, "Chalmette", "GPE")]
    story = {"a1": "s", "a2": "s"}
    entities = link_mentions(mentions, {"a1": t1, "a2": t2}, story_of=story)
    assert _entity_of(entities, "a2", t2.index("in Chalmette") + 3) == "Chalmette"
    # Without the story as evidence, the other article is not searched for it.
    alone = link_mentions(mentions, {"a1": t1, "a2": t2}, story_of={"a1": "s", "a2": "t"})
    assert _entity_of(alone, "a2", t2.index("in Chalmette") + 3) is None


def test_the_place_opening_a_police_name_is_a_mention_of_that_place() -> None:
    text = "Baton Rouge Police arrested a man in Baton Rouge on Friday."
    mentions = [
        _name("a1", text, "Baton Rouge Police", "ORG"),
        _name("a1", text, "Baton Rouge", "GPE", nth=1),
    ]
    entities = link_mentions(mentions, {"a1": text})
    city = next(e for e in entities if e.name == "Baton Rouge")
    assert {ev.span[0] for ev in city.mentions} == {0, text.index("in Baton") + 3}
    assert any(e.name == "Baton Rouge Police" for e in entities)


def test_state_abbreviation_and_short_form_join_their_full_names() -> None:
    text = (
        "ATLANTA, Ga. - Georgia officials spoke to The Atlanta Journal-Constitution. "
        "The Journal-Constitution first reported it."
    )
    mentions = [
        _name("a1", text, "Ga.", "GPE"),
        _name("a1", text, "Georgia", "GPE"),
        _name("a1", text, "Atlanta Journal-Constitution", "ORG"),
        _name("a1", text, "Journal-Constitution", "ORG", nth=1),
    ]
    entities = link_mentions(mentions, {"a1": text})
    names = {e.name: len(e.mentions) for e in entities}
    assert names.get("Georgia") == 2
    assert names.get("Atlanta Journal-Constitution") == 2


def test_a_name_defined_by_its_acronym_links_to_the_acronym() -> None:
    text = "A flaw in Internet Explorer (IE) was fixed. IE users should update."
    mentions = [_name("a1", text, "IE", "ORG", nth=1)]
    entities = link_mentions(mentions, {"a1": text})
    browser = next(e for e in entities if "Internet Explorer" in {e.name, *e.aliases})
    assert len(browser.mentions) == 3


def test_one_letter_misspelling_of_a_full_name_is_one_person_within_a_story_only() -> None:
    t1 = "Lamont Lanfair was shot on Friday."
    t2 = "Friends of Lamont Lonfair gathered."
    t3 = "Lamont Lenfair, a teacher, spoke in another town."
    mentions = [
        _name("a1", t1, "Lamont Lanfair", "PERSON"),
        _name("a2", t2, "Lamont Lonfair", "PERSON"),
        _name("a3", t3, "Lamont Lenfair", "PERSON"),
    ]
    texts = {"a1": t1, "a2": t2, "a3": t3}
    entities = link_mentions(mentions, texts, story_of={"a1": "s", "a2": "s", "a3": "other"})
    people = sorted(len(e.mentions) for e in entities if e.type == "PERSON")
    assert people == [1, 2]


def test_a_quoted_nickname_names_the_same_person_as_nickname_and_surname() -> None:
    text = 'Jerry Ortiz died. Deputy Luis Gerardo "Jerry" Ortiz was 35. Ortiz had two sons.'
    mentions = [
        _name("a1", text, "Jerry Ortiz", "PERSON"),
        _name("a1", text, 'Luis Gerardo "Jerry" Ortiz', "PERSON"),
        _name("a1", text, "Ortiz", "PERSON", nth=2),
    ]
    (person,) = link_mentions(mentions, {"a1": text})
    assert len(person.mentions) == 3


def test_people_read_as_one_organisation_are_split_into_the_people() -> None:
    text = (
        "Andrew Lopez and Jonathan Carrasquillo were tried. The trial of Lopez and Carrasquillo "
        "ended. Chad Couture of Bristol said Couture was home."
    )
    mentions = [
        _name("a1", text, "Andrew Lopez", "PERSON"),
        _name("a1", text, "Jonathan Carrasquillo", "PERSON"),
        _name("a1", text, "Lopez and Carrasquillo", "ORG"),
        _name("a1", text, "Chad Couture of Bristol", "ORG"),
        _name("a1", text, "Couture", "PERSON", nth=1),
    ]
    entities = link_mentions(mentions, {"a1": text})
    sizes = {e.name: len(e.mentions) for e in entities}
    assert sizes["Andrew Lopez"] == 2
    assert sizes["Jonathan Carrasquillo"] == 2
    assert sizes["Chad Couture"] == 2
    assert sizes["Bristol"] == 1
    assert not any(" and " in e.name or " of " in e.name for e in entities)


def test_a_surname_shared_by_two_people_of_the_article_is_a_person_of_that_article() -> None:
    text = "Daniel Caron was shot. His daughter Nicole Caron spoke. Caron said he was kind."
    mentions = [
        _name("a1", text, "Daniel Caron", "PERSON"),
        _name("a1", text, "Nicole Caron", "PERSON"),
        _name("a1", text, "Caron", "ORG", nth=2),
    ]
    entities = link_mentions(mentions, {"a1": text})
    lone = next(e for e in entities if e.name == "Caron")
    assert lone.type == "PERSON"
    assert len(lone.mentions) == 1


def test_accents_dashes_and_compass_parts_keep_one_place() -> None:
    t1 = "STOCKTON - Police said a man was shot in South Stockton near Rancho Peñasquitos."
    t2 = "The shooting in Stockton shocked Rancho Penasquitos. South Korea sent aid to Korea."
    mentions = [
        _name("a1", t1, "STOCKTON - Police", "ORG"),
        _name("a1", t1, "South Stockton", "GPE"),
        _name("a1", t1, "Rancho Peñasquitos", "GPE"),
        _name("a2", t2, "Stockton", "GPE"),
        _name("a2", t2, "Rancho Penasquitos", "GPE"),
        _name("a2", t2, "South Korea", "GPE"),
        _name("a2", t2, "Korea", "GPE", nth=1),
    ]
    entities = link_mentions(mentions, {"a1": t1, "a2": t2}, story_of={"a1": "s", "a2": "s"})
    sizes = {e.name: len(e.mentions) for e in entities}
    # The dateline cut at its dash, "South Stockton" (which names it too) and the plain name.
    assert sizes["Stockton"] == 3
    assert sum(n for name, n in sizes.items() if "asquitos" in name) == 2
    assert len([e for e in entities if "asquitos" in e.name]) == 1
    assert sizes["South Korea"] == 1 and sizes["Korea"] == 1  # a country is no part of another


def test_short_forms_of_an_organisation_join_it_beside_their_long_form() -> None:
    text = (
        "The Prince George's County Police Department said the Summer Kick Off Mansion Party "
        "was raided. Prince George's County Police made two arrests. The Mansion Party page "
        "was taken down. Bladensburg High School said Bladensburg High will stay open."
    )
    mentions = [
        _name("a1", text, "Prince George's County Police Department", "ORG"),
        _name("a1", text, "Summer Kick Off Mansion Party", "EVENT"),
        _name("a1", text, "Prince George's County Police", "ORG", nth=1),
        _name("a1", text, "Mansion Party", "ORG", nth=1),
        _name("a1", text, "Bladensburg High School", "ORG"),
        _name("a1", text, "Bladensburg High", "ORG", nth=1),
    ]
    sizes = {e.name: len(e.mentions) for e in link_mentions(mentions, {"a1": text})}
    assert sizes["Prince George's County Police Department"] == 2
    assert sizes["Summer Kick Off Mansion Party"] == 2
    assert sizes["Bladensburg High School"] == 2


def test_an_acronym_of_a_name_of_the_article_is_a_mention_of_it() -> None:
    text = "The Tyler County Sheriff's Office said TCSO deputies were called. FBI agents came."
    mentions = [_name("a1", text, "Tyler County Sheriff's Office", "ORG")]
    (office,) = [e for e in link_mentions(mentions, {"a1": text}) if "Tyler" in e.name]
    assert [ev.text for ev in office.mentions] == ["Tyler County Sheriff's Office", "TCSO"]


def test_a_misspelt_surname_and_a_short_first_name_join_the_one_person_they_fit() -> None:
    text = (
        "Dakota Schriefer was shot. Zackary Yashkus fled. Shriefer was taken to hospital. "
        "Friends said Zack was upset."
    )
    mentions = [
        _name("a1", text, "Dakota Schriefer", "PERSON"),
        _name("a1", text, "Zackary Yashkus", "PERSON"),
        _name("a1", text, "Shriefer", "PERSON"),
        _name("a1", text, "Zack", "PERSON", nth=1),
    ]
    sizes = {e.name: len(e.mentions) for e in link_mentions(mentions, {"a1": text})}
    assert sizes == {"Dakota Schriefer": 2, "Zackary Yashkus": 2}


def test_first_names_with_two_letters_exchanged_are_one_person_within_a_story() -> None:
    t1 = "Javon Wilson, 15, was shot. Wilson died at the hospital."
    t2 = "Police said Jovan Wilson was the grandson of a congressman."
    t3 = "Javon Wilson and Jovan Wilson, cousins, were both at the party."
    mentions = [
        _name("a1", t1, "Javon Wilson", "PERSON"),
        _name("a2", t2, "Jovan Wilson", "PERSON"),
        _name("a3", t3, "Javon Wilson", "PERSON"),
        _name("a3", t3, "Jovan Wilson", "PERSON"),
    ]
    texts = {"a1": t1, "a2": t2, "a3": t3}
    one_story = link_mentions(mentions[:2], texts, story_of={"a1": "s", "a2": "s"})
    assert sorted(len(e.mentions) for e in one_story if e.type == "PERSON") == [3]
    # Side by side in one article they are two people, and so in the whole story.
    story = {"a1": "s", "a2": "s", "a3": "s"}
    both = link_mentions(mentions, texts, story_of=story)
    assert len([e for e in both if e.type == "PERSON"]) == 2


def test_a_lone_surname_two_edits_from_a_long_surname_of_the_article_is_that_person() -> None:
    text = "Dakota Schriefer, 19, was charged. Scheifer told police he did not mean it."
    mentions = [
        _name("a1", text, "Dakota Schriefer", "PERSON"),
        _name("a1", text, "Scheifer", "PERSON"),
    ]
    (person,) = link_mentions(mentions, {"a1": text})
    assert len(person.mentions) == 2
    # Short surnames two edits apart are different people ("Jones" is no "Jonas").
    short = "Mark Jonas spoke. Jones said nothing."
    found = link_mentions(
        [_name("a2", short, "Mark Jonas", "PERSON"), _name("a2", short, "Jones", "PERSON")],
        {"a2": short},
    )
    assert len(found) == 2


def test_one_country_written_several_ways_is_one_entity() -> None:
    text = "The U.S. said America would act. The United States Army was ready. Join US today."
    mentions = [
        _name("a1", text, "U.S.", "GPE"),
        _name("a1", text, "America", "GPE"),
        _name("a1", text, "US", "ORG"),
    ]
    entities = link_mentions(mentions, {"a1": text})
    country = [e for e in entities if e.type == "GPE"]
    assert len(country) == 1
    assert len(country[0].mentions) == 2


def test_the_last_two_words_of_a_longer_name_are_that_person_in_its_article() -> None:
    text = (
        "Cheryl Boone Isaacs leads the Academy. Academy President Boone Isaacs said yes. "
        "In another case, Vincent Del Giudice and Mary Del Giudice spoke; Del Giudice left."
    )
    mentions = [
        _name("a1", text, "Cheryl Boone Isaacs", "PERSON"),
        _name("a1", text, "Boone Isaacs", "ORG", nth=1),
        _name("a1", text, "Vincent Del Giudice", "PERSON"),
        _name("a1", text, "Mary Del Giudice", "PERSON"),
        _name("a1", text, "Del Giudice", "ORG", nth=2),
    ]
    found = {e.name: len(e.mentions) for e in link_mentions(mentions, {"a1": text})}
    assert found["Cheryl Boone Isaacs"] == 2
    # Two people end with "Del Giudice": the short form joins neither.
    assert found["Vincent Del Giudice"] == 1
    assert found["Mary Del Giudice"] == 1


def test_an_all_caps_dateline_keeps_its_first_words_and_a_city_its_short_name() -> None:
    t1 = "SALT LAKE CITY — Police say a Salt Lake man shot a boy."
    t2 = "Salt Lake police said the boy died. Kansas City and Kansas are two places."
    mentions = [
        _name("a1", t1, "LAKE CITY", "GPE"),
        _name("a1", t1, "Salt Lake", "GPE"),
        _name("a2", t2, "Salt Lake", "GPE"),
        _name("a2", t2, "Kansas City", "GPE"),
        _name("a2", t2, "Kansas", "GPE", nth=1),
    ]
    entities = link_mentions(mentions, {"a1": t1, "a2": t2}, story_of={"a1": "s", "a2": "s"})
    found = {e.name: sorted(m.text for m in e.mentions) for e in entities}
    city = next(v for k, v in found.items() if "SALT LAKE CITY" in v)
    assert city == ["SALT LAKE CITY", "Salt Lake", "Salt Lake"]
    assert found["Kansas City"] == ["Kansas City"]
    assert found["Kansas"] == ["Kansas"]


def test_a_first_name_the_model_took_for_a_title_or_a_child_named_in_apposition() -> None:
    text = (
        "The child, Eva Diaz, ran for help. Eva's parents died. Mariah Davis, 5, died. Mariah hid."
    )
    mentions = [
        _name("a1", text, "Eva Diaz", "ORG"),
        _name("a1", text, "Eva", "ORG", nth=1),
        _name("a1", text, "Mariah Davis", "PERSON"),
        _name("a1", text, "Mariah", "WORK_OF_ART", nth=1),
    ]
    found = {e.name: (e.type, len(e.mentions)) for e in link_mentions(mentions, {"a1": text})}
    assert found == {"Eva Diaz": ("PERSON", 2), "Mariah Davis": ("PERSON", 2)}


def test_a_first_name_the_model_missed_is_found_inside_a_sentence_only() -> None:
    text = (
        "The teen, identified as Briar Newsome, died. The rifle went off as Briar and his father "
        "were at the river. 'Briar just got shot,' a friend said."
    )
    mentions = [_name("a1", text, "Briar Newsome", "ORG")]
    (person,) = link_mentions(mentions, {"a1": text})
    assert person.type == "PERSON"
    # The mid-sentence "Briar" is found; the one opening a quote is left alone.
    assert sorted(m.span[0] for m in person.mentions) == [
        text.index("Briar Newsome"),
        text.index("as Briar and") + 3,
    ]


def test_initials_after_a_place_house_numbers_and_a_first_name_tagged_place() -> None:
    text = (
        "Jayden Choate visited 210 Main Street. Jayden was taken to hospital. The Iowa Division "
        "of Criminal Investigation and the DCI agents came to Main St. and to a Jayden hospital."
    )
    mentions = [
        _name("a1", text, "Jayden Choate", "PERSON"),
        _name("a1", text, "210 Main Street", "FAC"),
        _name("a1", text, "Jayden", "GPE", nth=1),
        _name("a1", text, "Iowa Division of Criminal Investigation", "ORG"),
        _name("a1", text, "DCI", "ORG"),
        _name("a1", text, "Main St.", "FAC"),
    ]
    entities = link_mentions(mentions, {"a1": text})
    found = {e.name: len(e.mentions) for e in entities}
    assert found["Jayden Choate"] == 2
    assert found["Iowa Division of Criminal Investigation"] == 2
    street = next(e for e in entities if "Main St." in {m.text for m in e.mentions})
    assert len(street.mentions) == 2
    # "in Jayden" after naming a Jayden Smith too: the town stays a place of its own.
    text2 = "Jayden Smith lives in Jayden. The mayor of Jayden spoke."
    mentions2 = [
        _name("a2", text2, "Jayden Smith", "PERSON"),
        _name("a2", text2, "Jayden", "GPE", nth=1),
    ]
    found2 = {e.name: e.type for e in link_mentions(mentions2, {"a2": text2})}
    assert found2 == {"Jayden Smith": "PERSON", "Jayden": "GPE"}
