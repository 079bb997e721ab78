"""Entity rules of session 11, read on audit 10 (ECB+ dev 2_ecb, 5_ecbplus) and fresh26: a word a
story uses as a thing's name ("Oscar night") is no given name there, a short form shared by
several full names ("Mo") links to the one the corpus names with its surname, and a sheriff's
"Department" and "Office" are one body."""

from __future__ import annotations

from newsweave.extract.entities import link_mentions
from newsweave.extract.entity_records import thing_use
from newsweave.extract.person_linking import nickname_keys
from newsweave.model import Entity

from .helpers import name_mention as _name


def _together(entities: tuple[Entity, ...], a: str, b: str) -> bool:
    return any(
        any(m.text == a for m in e.mentions) and any(m.text == b for m in e.mentions)
        for e in entities
    )


def _entity_at(entities: tuple[Entity, ...], aid: str, start: int) -> str:
    [found] = [
        e.id for e in entities for m in e.mentions if m.article_id == aid and m.span[0] == start
    ]
    return found


def test_thing_uses_of_a_word() -> None:
    text = "on Oscar night, an Oscar win, the Oscar-winning director, his son Oscar, 8, said so"
    at = text.index
    assert thing_use(text, (at("Oscar night"), at("Oscar night") + 5))
    assert thing_use(text, (at("Oscar win"), at("Oscar win") + 5))
    assert thing_use(text, (at("Oscar-"), at("Oscar-") + 5))
    assert not thing_use(text, (at("Oscar, 8"), at("Oscar, 8") + 5))


def test_an_award_word_is_not_the_person_whose_given_name_it_is() -> None:
    full = (
        "Jackman hosts the show. He was never an Oscar nominee. The couple have their own Oscar"
        " at home: their son, Oscar Maximillian, is 8."
    )
    other = (
        "On Oscar night the Oscar host sings. The Oscar telecast is long. Ratings for the Oscar"
        " show fell, and Oscar producers worry. His son Oscar, 8, likes pancakes."
    )
    mentions = [
        _name("a", full, "Oscar", "PERSON"),
        _name("a", full, "Oscar", "PERSON", nth=1),
        _name("a", full, "Oscar Maximillian", "PERSON"),
        *(_name("b", other, "Oscar", "PERSON", nth=n) for n in range(6)),
    ]
    story = {"a": "s", "b": "s"}
    linked = link_mentions(mentions, {"a": full, "b": other}, story_of=story)
    son = _entity_at(linked, "a", full.index("Oscar Maximillian"))
    assert _entity_at(linked, "a", full.index("an Oscar") + 3) != son
    assert _entity_at(linked, "a", full.index("own Oscar") + 4) != son
    award = _entity_at(linked, "b", other.index("Oscar night"))
    assert award != son
    assert {e.type for e in linked if e.id == award} == {"MISC"}
    # the kinship word still names the son
    assert _entity_at(linked, "b", other.index("son Oscar") + 4) == son


def test_a_given_name_used_as_a_person_still_links() -> None:
    full = "Oscar Maximillian, 8, won the race. Oscar smiled."
    other = "Oscar thanked his coach. Oscar said he would run again."
    mentions = [
        _name("a", full, "Oscar Maximillian", "PERSON"),
        _name("a", full, "Oscar", "PERSON", nth=1),
        _name("b", other, "Oscar", "PERSON"),
        _name("b", other, "Oscar", "PERSON", nth=1),
    ]
    linked = link_mentions(mentions, {"a": full, "b": other}, story_of={"a": "s", "b": "s"})
    son = _entity_at(linked, "a", 0)
    assert _entity_at(linked, "a", full.index("Oscar smiled")) == son


def test_a_shared_short_form_links_to_the_one_full_name_it_fits() -> None:
    assert nickname_keys(["P:mo cheeks", "P:maurice cheeks"]) == {"P:mo cheeks": "P:maurice cheeks"}
    # two full names it may stand for: neither
    assert nickname_keys(["P:mo smith", "P:maurice smith", "P:mohamed smith"]) == {}
    assert nickname_keys(["P:mo farah"]) == {}
    text = 'The Sixers hired Maurice Cheeks. "I know Mo Cheeks," King said.'
    mentions = [
        _name("a", text, "Maurice Cheeks", "PERSON"),
        _name("a", text, "Mo Cheeks", "PERSON"),
    ]
    assert _together(link_mentions(mentions, {"a": text}), "Maurice Cheeks", "Mo Cheeks")


def test_a_sheriffs_department_and_office_of_one_county_are_one_body() -> None:
    one = "The Marion County Sheriff's Department responded to the call."
    two = "The incident is under investigation by the Marion County Sheriff's Office."
    three = (
        "The Marion County Sheriff's Office said so. The Lee County Sheriff's Department did not."
    )
    mentions = [
        _name("a", one, "Marion County Sheriff's Department", "FAC"),
        _name("b", two, "Marion County Sheriff's Office", "ORG"),
        _name("c", three, "Marion County Sheriff's Office", "ORG"),
        _name("c", three, "Lee County Sheriff's Department", "ORG"),
    ]
    story = {"a": "s", "b": "s", "c": "s"}
    linked = link_mentions(mentions, {"a": one, "b": two, "c": three}, story_of=story)
    assert _together(linked, "Marion County Sheriff's Department", "Marion County Sheriff's Office")
    assert not _together(
        linked, "Lee County Sheriff's Department", "Marion County Sheriff's Office"
    )


def test_the_capitalised_head_word_names_the_one_organisation_of_its_article() -> None:
    text = (
        "The Robert Wood Johnson Foundation congratulates her. While the Foundation is sorry to"
        " lose her, it is grateful."
    )
    two = "The Ford Foundation and the Gates Foundation gave money. Later the Foundation said no."
    mentions = [
        _name("a", text, "Robert Wood Johnson Foundation", "ORG"),
        _name("a", text, "Foundation", "ORG", nth=1),
        _name("b", two, "Ford Foundation", "ORG"),
        _name("b", two, "Gates Foundation", "ORG"),
        _name("b", two, "Foundation", "ORG", nth=2),
    ]
    linked = link_mentions(mentions, {"a": text, "b": two})
    found = _entity_at(linked, "a", text.index("the Foundation") + 4)
    assert found == _entity_at(linked, "a", text.index("Robert"))
    alone = _entity_at(linked, "b", two.index("the Foundation") + 4)
    assert alone not in {_entity_at(linked, "b", two.index(n)) for n in ("Ford", "Gates")}


def test_a_surname_before_team_is_the_person_two_other_articles_name() -> None:
    one = "President-elect Barack Obama offered Sanjay Gupta the post."
    two = "Barack Obama chose Gupta, the WSJ reports."
    three = "CNN confirmed that Gupta had been approached by the Obama team."
    mentions = [
        _name("a", one, "Barack Obama", "PERSON"),
        _name("b", two, "Barack Obama", "PERSON"),
        _name("c", three, "Obama", "PERSON"),
    ]
    story = {"a": "s", "b": "s", "c": "s"}
    linked = link_mentions(mentions, {"a": one, "b": two, "c": three}, story_of=story)
    assert _together(linked, "Barack Obama", "Obama")


def test_a_city_is_its_team_where_sports_words_say_so() -> None:
    one = "The New Orleans Saints placed Reggie Bush on injured reserve."
    two = (
        "New Orleans coach Sean Payton said Bush would rest. Bush finished his season in New"
        " Orleans. The team added a back after signing with New Orleans in Week 12."
    )
    mentions = [
        _name("a", one, "New Orleans Saints", "ORG"),
        _name("b", two, "New Orleans", "GPE"),
        _name("b", two, "New Orleans", "GPE", nth=1),
        _name("b", two, "New Orleans", "GPE", nth=2),
    ]
    linked = link_mentions(mentions, {"a": one, "b": two}, story_of={"a": "s", "b": "s"})
    team = _entity_at(linked, "a", one.index("New"))
    assert _entity_at(linked, "b", 0) == team
    assert _entity_at(linked, "b", two.index("signing with") + 13) == team
    # "in New Orleans" is the city
    assert _entity_at(linked, "b", two.index("in New") + 3) != team
    assert {e.type for e in linked if e.id == team} == {"ORG"}


def test_a_city_without_its_teams_full_name_in_the_story_stays_the_city() -> None:
    text = "The Colts won 31-24 over Jacksonville. Jacksonville coach Jack Del Rio was upset."
    mentions = [
        _name("a", text, "Colts", "ORG"),
        _name("a", text, "Jacksonville", "GPE"),
        _name("a", text, "Jacksonville", "GPE", nth=1),
    ]
    linked = link_mentions(mentions, {"a": text})
    assert not _together(linked, "Colts", "Jacksonville")


def test_two_spellings_of_one_street_in_a_story_are_one_street() -> None:
    one = "The shooting happened in the 800 block of Smilax Road in Vista."
    two = "Deputies were called to Smilex Road on Sunday. Fort Wayne and Fort Payne differ."
    mentions = [
        _name("a", one, "Smilax Road", "PERSON"),
        _name("b", two, "Smilex Road", "PERSON"),
        _name("b", two, "Fort Wayne", "GPE"),
        _name("b", two, "Fort Payne", "GPE"),
    ]
    linked = link_mentions(mentions, {"a": one, "b": two}, story_of={"a": "s", "b": "s"})
    assert _together(linked, "Smilax Road", "Smilex Road")
    assert not _together(linked, "Fort Wayne", "Fort Payne")


def test_one_full_name_two_stories_give_different_ages_is_two_people() -> None:
    one = "Police arrested John Smith, 45, of Dayton. Smith was held."
    two = "John Smith, 17, a junior, was shot. Smith died."
    three = "The court named John Smith, 46, as the driver."
    four = "John Smith was also named in a report."
    texts = {"a": one, "b": two, "c": three, "d": four}
    mentions = [
        _name("a", one, "John Smith", "PERSON"),
        _name("a", one, "Smith", "PERSON", nth=1),
        _name("b", two, "John Smith", "PERSON"),
        _name("b", two, "Smith", "PERSON", nth=1),
        _name("c", three, "John Smith", "PERSON"),
        _name("d", four, "John Smith", "PERSON"),
    ]
    story = {"a": "s1", "b": "s2", "c": "s3", "d": "s4"}
    linked = link_mentions(mentions, texts, story_of=story)
    adult = _entity_at(linked, "a", one.index("John"))
    teen = _entity_at(linked, "b", 0)
    assert adult != teen
    assert _entity_at(linked, "b", two.index("Smith died")) == teen
    assert _entity_at(linked, "c", three.index("John")) == adult  # 45 and 46: a birthday
    assert _entity_at(linked, "d", 0) == adult  # no age: the name as it was
    # without ages across stories, one name is one person as before
    plain = {"a": "John Smith spoke.", "b": "John Smith left."}
    again = link_mentions(
        [
            _name("a", plain["a"], "John Smith", "PERSON"),
            _name("b", plain["b"], "John Smith", "PERSON"),
        ],
        plain,
        story_of={"a": "s1", "b": "s2"},
    )
    assert len(again) == 1


def test_a_two_letter_acronym_names_a_thing_of_its_own_story_only() -> None:
    one = "Deputies responded to a shooting on Monica Drive."
    two = "The foundation congratulates Regina Benjamin, M.D., on her nomination."
    three = "Officers closed Monica Drive. Traffic on M.D. was slow."
    mentions = [
        _name("a", one, "Monica Drive", "FAC"),
        _name("b", two, "M.D.", "ORG"),
        _name("c", three, "Monica Drive", "FAC"),
        _name("c", three, "M.D.", "ORG"),
    ]
    story = {"a": "s1", "b": "s2", "c": "s1"}
    linked = link_mentions(mentions, {"a": one, "b": two, "c": three}, story_of=story)
    drive = _entity_at(linked, "a", one.index("Monica"))
    assert _entity_at(linked, "b", two.index("M.D.")) != drive
    assert _entity_at(linked, "c", three.index("M.D.")) == drive
