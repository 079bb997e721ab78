"""Entity rules of session 13, read on fresh28 after its untouched figure and on ECB+ 32_ecb: a
two-word name typed as a place that opens with a common given name is the person whose surname
the article writes alone ("Brittany Rock"); a name run over a short clause ("Smith saw
Calloway") is its two people; a titled shared surname ("Ms. Gomes") goes to the bearer of its
sex, and a bare one to the son the article calls "Mr. Gomes" though it once writes "Gary"."""

from __future__ import annotations

from newsweave.extract.aliases import given_name_sex, given_names
from newsweave.extract.entities import link_mentions
from newsweave.extract.mention_repair import split_glued_clause
from newsweave.model import Entity

from .helpers import name_mention as _name


def _entity_at(entities: tuple[Entity, ...], article: str, start: int) -> Entity:
    [entity] = [
        e
        for e in entities
        if any(m.article_id == article and m.span[0] == start for m in e.mentions)
    ]
    return entity


def test_given_name_lists_know_common_names_and_their_sex() -> None:
    assert {"brittany", "gary", "catherine"} <= given_names()
    assert given_name_sex("Gary") == "m"
    assert given_name_sex("Catherine") == "f"
    assert given_name_sex("Jordan") is None  # common among both sexes
    assert given_name_sex("Qeshm") is None


# GVC 662638 (WCCO), shortened.
_ROCK = (
    "According to the criminal complaint, Smith, Brittany Rock, Rock's girlfriend and 16-year-old"
    " Samantha Leah Burnette were driving around. Rock was driving, Smith sat in the passenger"
    " seat. Police said Smith saw Calloway get in the passenger seat and poke Rock with the gun."
    " Kalisha Smith and Christopher Calloway were charged."
)


def test_a_given_name_typed_as_a_place_before_a_lone_surname_is_the_person() -> None:
    mentions = [
        _name("a", _ROCK, "Brittany Rock", "GPE"),
        _name("a", _ROCK, "Rock", "PERSON", nth=1),
        _name("a", _ROCK, "Rock", "PERSON", nth=2),
        _name("a", _ROCK, "Samantha Leah Burnette", "PERSON"),
    ]
    linked = link_mentions(mentions, {"a": _ROCK})
    rock = _entity_at(linked, "a", _ROCK.index("Brittany"))
    assert rock.type == "PERSON"
    assert {m.span[0] for m in rock.mentions} >= {
        _ROCK.index("Rock was"),
        _ROCK.index("Rock with"),
    }


def test_a_place_name_without_a_given_name_stays_a_place() -> None:
    text = "He lived in Rock Falls for years. Rock said he liked it there."
    mentions = [_name("a", text, "Rock Falls", "GPE"), _name("a", text, "Rock", "PERSON", nth=1)]
    linked = link_mentions(mentions, {"a": text})
    assert _entity_at(linked, "a", text.index("Rock Falls")).type != "PERSON"


def test_a_name_run_over_a_clause_is_the_two_people_it_names() -> None:
    mentions = [
        _name("a", _ROCK, "Smith", "PERSON", nth=1),
        _name("a", _ROCK, "Smith saw Calloway", "ORG"),
        _name("a", _ROCK, "Kalisha Smith", "PERSON"),
        _name("a", _ROCK, "Christopher Calloway", "PERSON"),
    ]
    pieces = split_glued_clause(mentions)
    assert {(m.text, m.label) for m in pieces} >= {("Smith", "PERSON"), ("Calloway", "PERSON")}
    assert "Smith saw Calloway" not in {m.text for m in pieces}
    linked = link_mentions(mentions, {"a": _ROCK})
    calloway = _entity_at(linked, "a", _ROCK.index("Christopher"))
    assert _ROCK.index("Calloway get") in {m.span[0] for m in calloway.mentions}


def test_a_lower_case_joiner_inside_a_name_is_kept() -> None:
    text = "Smith said Bank of America and Smith and Calloway agreed. Calloway left."
    mentions = [
        _name("a", text, "Bank of America", "ORG"),
        _name("a", text, "Smith", "PERSON"),
        _name("a", text, "Smith and Calloway", "ORG"),
        _name("a", text, "Calloway", "PERSON", nth=1),
    ]
    assert split_glued_clause(mentions) == mentions


# ECB+ 32_3ecb (the Pittsburgh Post-Gazette's style: "Mr." and "Ms." before every surname),
# shortened.
_GOMES = (
    "The suspect, Gary Gomes, 35, of New Bedford, has a lengthy record. The victims have been"
    " identified as Robyn Mendes, 48, an ex-girlfriend of Mr. Gomes, and Catherine Gomes, 61,"
    " the defendant's mother.\n\nMs. Gomes was the tenant at the apartment. At his arraignment,"
    " Mr. Gomes was ordered held without bail.\n\nMs. Gomes' body was found under a mattress."
    " Neighbors said Gary told them his mother had gone away. Mr. Gomes was found barricaded."
    " Police say Gomes had been at that location for a few hours."
)


def test_titled_and_bare_shared_surnames_go_to_the_bearer_of_their_sex() -> None:
    mentions = [
        _name("a", _GOMES, "Gary Gomes", "PERSON"),
        _name("a", _GOMES, "Robyn Mendes", "PERSON"),
        _name("a", _GOMES, "Gomes", "PERSON", nth=1),  # Mr.
        _name("a", _GOMES, "Catherine Gomes", "PERSON"),
        _name("a", _GOMES, "Gomes", "PERSON", nth=3),  # Ms. (opens its paragraph)
        _name("a", _GOMES, "Gomes", "PERSON", nth=4),  # Mr.
        _name("a", _GOMES, "Gomes", "PERSON", nth=5),  # Ms. (opens its paragraph)
        _name("a", _GOMES, "Gary", "PERSON", nth=1),
        _name("a", _GOMES, "Gomes", "PERSON", nth=6),  # Mr.
        _name("a", _GOMES, "Gomes", "PERSON", nth=7),  # bare
    ]
    linked = link_mentions(mentions, {"a": _GOMES})
    gary = {m.span[0] for m in _entity_at(linked, "a", _GOMES.index("Gary Gomes")).mentions}
    catherine = {m.span[0] for m in _entity_at(linked, "a", _GOMES.index("Catherine")).mentions}
    assert _GOMES.index("Gomes, and") in gary
    assert _GOMES.index("Gomes was the tenant") in catherine
    assert _GOMES.index("Gomes' body") in catherine
    assert _GOMES.index("Gomes was ordered") in gary
    assert _GOMES.index("Gomes was found") in gary
    assert _GOMES.index("Gomes had been") in gary


def test_washington_after_a_town_is_the_state_not_the_capital() -> None:
    twilight = "They decide to leave the town of Forks, Washington for Bella and Edward's safety."
    felt = (
        "The burglary at the Watergate complex in Washington. He lived in Santa Rosa, California."
    )
    cities = "Offices in New York, Washington and Boston closed."
    texts = {"a": twilight, "b": felt, "c": cities}
    mentions = [
        _name("a", twilight, "Forks", "GPE"),
        _name("a", twilight, "Washington", "GPE"),
        _name("b", felt, "Washington", "GPE"),
        _name("c", cities, "New York", "GPE"),
        _name("c", cities, "Washington", "GPE"),
    ]
    linked = link_mentions(mentions, texts, story_of={"a": "s1", "b": "s2", "c": "s3"})
    state = _entity_at(linked, "a", twilight.index("Washington"))
    capital = _entity_at(linked, "b", felt.index("Washington"))
    assert state is not capital
    # a list of cities keeps the capital
    assert _entity_at(linked, "c", cities.index("Washington")) is capital


# pcgamer.com's Skyrim diary (the cleaning set), shortened.
_DIARY = (
    "When I have to choose who to flee with, a rebel or a guard, I pick the guard, Hadvar. He"
    " looks better equipped. Stormcloaks! I hide in a corner while Hadvar deals with them.\n\n"
    '"Thanks for your help," says Hadvar, while I study him for any hint of sarcasm.\n\n'
    "Hadvar sets off, and I traipse nervously behind him. He stops, looks at me."
)


def test_a_lone_name_that_speaks_and_takes_he_is_a_person_though_tagged_org() -> None:
    mentions = [_name("a", _DIARY, "Hadvar", "ORG", nth=n) for n in range(4)]
    linked = link_mentions(mentions, {"a": _DIARY})
    assert _entity_at(linked, "a", _DIARY.index("Hadvar")).type == "PERSON"


def test_an_organisation_that_speaks_and_takes_it_stays_an_organisation() -> None:
    text = (
        "Regulators fined Acme on Monday. Acme said it would appeal.\n\n"
        '"We disagree," said Acme, which makes brakes. It employs 400 people.'
    )
    mentions = [_name("a", text, "Acme", "ORG", nth=n) for n in range(3)]
    linked = link_mentions(mentions, {"a": text})
    assert _entity_at(linked, "a", text.index("Acme")).type == "ORG"


def test_a_state_name_after_block_of_is_the_story_street_it_heads() -> None:
    # GVC 730637 (WXYZ, Detroit Free Press), shortened.
    first = "It happened around 1:45 a.m. in the 700 block of Tennessee, police said."
    second = "Police were dispatched to the 700 block of Tennessee Street on the east side."
    third = "The family moved from Tennessee last year."
    mentions = [
        _name("a", first, "Tennessee", "GPE"),
        _name("b", second, "Tennessee Street", "FAC"),
        _name("c", third, "Tennessee", "GPE"),
    ]
    texts = {"a": first, "b": second, "c": third}
    linked = link_mentions(mentions, texts, story_of={"a": "s", "b": "s", "c": "s"})
    street = _entity_at(linked, "b", second.index("Tennessee"))
    assert _entity_at(linked, "a", first.index("Tennessee")) is street
    assert _entity_at(linked, "c", third.index("Tennessee")) is not street
