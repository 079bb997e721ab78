"""Entity rules of session 12, read on fresh27 after its untouched figure: a name given as a
person's alias after "was known as ..." joins them, and so do its other mentions in articles
that name the bearer; a brand opening the story's one company or venue name ("Summit" of
"Summit Entertainment") joins it, while a town before its public body stays the town."""

from __future__ import annotations

from newsweave.extract.entities import link_mentions
from newsweave.model import Entity

from .helpers import name_mention as _name


def _together(entities: tuple[Entity, ...], a: tuple[str, int], b: tuple[str, int]) -> bool:
    """Whether the mentions starting at `a` and `b` ((article id, start)) share an entity."""
    for entity in entities:
        starts = {(m.article_id, m.span[0]) for m in entity.mentions}
        if a in starts:
            return b in starts
    return False


def test_an_alias_after_known_as_and_its_repeats_join_the_bearer() -> None:
    first = "Mark Felt, who was known as Watergate scandal informant 'Deep Throat,' died on Friday."
    second = (
        'Mark Felt, the mysterious "Deep Throat" source, has died. People argued about the'
        ' identity of "Deep Throat" for years. Felt told his lawyer.'
    )
    mentions = [
        _name("a", first, "Mark Felt", "PERSON"),
        _name("a", first, "Deep Throat", "PERSON"),
        _name("b", second, "Mark Felt", "PERSON"),
        _name("b", second, "Deep Throat", "PERSON"),
        _name("b", second, "Deep Throat", "PERSON", nth=1),
        _name("b", second, "Felt", "PERSON", nth=1),
    ]
    linked = link_mentions(mentions, {"a": first, "b": second}, story_of={"a": "s", "b": "s"})
    felt = ("a", 0)
    assert _together(linked, felt, ("a", first.index("Deep")))
    assert _together(linked, felt, ("b", second.index("Deep")))
    assert _together(linked, felt, ("b", second.rindex("Deep")))
    # The entity keeps the name the text gives the person.
    [entity] = [e for e in linked if any(m.span[0] == 0 for m in e.mentions)]
    assert entity.name == "Mark Felt"


def test_an_alias_stays_apart_where_its_bearer_is_not_named() -> None:
    first = "Mark Felt, who was known as Watergate scandal informant 'Deep Throat,' died on Friday."
    other = 'The film "Deep Throat" opened in 1972, Linda Lovelace said.'
    mentions = [
        _name("a", first, "Mark Felt", "PERSON"),
        _name("a", first, "Deep Throat", "PERSON"),
        _name("b", other, "Deep Throat", "PERSON"),
        _name("b", other, "Linda Lovelace", "PERSON"),
    ]
    linked = link_mentions(mentions, {"a": first, "b": other}, story_of={"a": "s", "b": "s"})
    assert _together(linked, ("a", 0), ("a", first.index("Deep")))
    assert not _together(linked, ("a", 0), ("b", other.index("Deep")))


def test_known_as_without_quotes_is_no_alias() -> None:
    text = "Mark Felt, who was known as a careful man, met Bob Woodward in a garage."
    mentions = [_name("a", text, "Mark Felt", "PERSON"), _name("a", text, "Bob Woodward", "PERSON")]
    linked = link_mentions(mentions, {"a": text}, story_of={"a": "s"})
    assert not _together(linked, ("a", 0), ("a", text.index("Bob")))


def test_a_brand_joins_its_company_name() -> None:
    t1 = "Summit Entertainment hired Chris Weitz. Summit a week ago had faced fans."
    t2 = "Summit Entertainment confirmed that Weitz will direct the sequel."
    mentions = [
        _name("a", t1, "Summit Entertainment", "ORG"),
        _name("a", t1, "Chris Weitz", "PERSON"),
        _name("a", t1, "Summit", "ORG", nth=1),
        _name("b", t2, "Summit Entertainment", "ORG"),
        _name("b", t2, "Weitz", "PERSON"),
    ]
    linked = link_mentions(mentions, {"a": t1, "b": t2}, story_of={"a": "s", "b": "s"})
    assert _together(linked, ("a", 0), ("a", t1.index("Summit a")))
    assert _together(linked, ("a", 0), ("b", 0))


def test_a_town_before_its_police_department_stays_the_town() -> None:
    t1 = "Benton Police Department officers came. Benton a town of 9,000 mourned."
    t2 = "The Benton Police Department said the boy died."
    mentions = [
        _name("a", t1, "Benton Police Department", "ORG"),
        _name("a", t1, "Benton", "ORG", nth=1),
        _name("b", t2, "Benton Police Department", "ORG"),
    ]
    linked = link_mentions(mentions, {"a": t1, "b": t2}, story_of={"a": "s", "b": "s"})
    assert not _together(linked, ("a", 0), ("a", t1.index("Benton a")))


def test_names_after_a_village_noun_are_places_not_people() -> None:
    text = "Houses in the villages Kavouhi and Zinabieh were damaged, the governor said."
    mentions = [_name("a", text, "Kavouhi", "PERSON"), _name("a", text, "Zinabieh", "PERSON")]
    types = {e.name: e.type for e in link_mentions(mentions, {"a": text}, story_of={"a": "s"})}
    assert types["Kavouhi"] != "PERSON"
    assert types["Zinabieh"] != "PERSON"


def test_a_person_after_a_village_word_in_another_sense_stays_a_person() -> None:
    text = "The village council met. Anna Berg, who chairs it, said Berg would stay."
    mentions = [_name("a", text, "Anna Berg", "PERSON"), _name("a", text, "Berg", "PERSON", nth=1)]
    types = {e.name: e.type for e in link_mentions(mentions, {"a": text}, story_of={"a": "s"})}
    assert types["Anna Berg"] == "PERSON"
