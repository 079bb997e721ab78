"""Junk and wrong types the fact-check audit of four train stories found (ECB+ 14 and 33, GVC
571210 and 710885): clock times, time zones, common-noun initials and a child's "Mommy" are no
names; a title inside a span ends the office before the person; an "and" inside one
organisation's name does not split it; a place the model calls a person is one place."""

from __future__ import annotations

from newsweave.extract.entities import link_mentions
from newsweave.extract.mentions import NameMention, _clean_mention

from .helpers import name_mention as _name


def _clean(text: str, label: str) -> list[tuple[str, str]]:
    return [(m.text, m.label) for m in _clean_mention("a1", text, (0, len(text)), label)]


def test_times_zones_common_initials_and_mommy_are_no_names() -> None:
    for junk in ("8.40pm", "9 p.m.", "2045 GMT", "GMT", "CCTV", "DNA", "Mommy"):
        assert _clean(junk, "ORG") == [], junk
    assert _clean("Banstead in", "WORK_OF_ART") == [("Banstead", "WORK_OF_ART")]
    # A number ending a name is no lower-case word: the street keeps it.
    assert _clean("West 36th", "GPE") == [("West 36th", "GPE")]
    assert _clean("Pam Am", "PERSON") == [("Pam Am", "PERSON")]


def test_a_title_inside_a_span_ends_the_office_before_the_person() -> None:
    assert _clean("Detective Avery Thompson", "ORG") == [("Avery Thompson", "PERSON")]
    assert _clean("Fayette County Sheriff Marty Fisher", "PERSON") == [
        ("Fayette County", "GPE"),
        ("Marty Fisher", "PERSON"),
    ]
    assert _clean("Fairbanks Police Detective Avery Thompson", "ORG") == [
        ("Fairbanks Police", "ORG"),
        ("Avery Thompson", "PERSON"),
    ]
    # A short person span keeps its title (folded later); a title that is no office's end
    # ("Justice") and a first name that is a title word are left alone.
    assert _clean("Sheriff Alan Jones", "PERSON") == [("Sheriff Alan Jones", "PERSON")]
    assert _clean("Chief Justice John Roberts", "PERSON") == [
        ("Chief Justice John Roberts", "PERSON")
    ]
    assert _clean("Justice Galarza", "ORG") == [("Justice Galarza", "ORG")]
    # An organisation named after a title is no person ("Sheriff's Office").
    assert _clean("Sheriff Street Lodge", "ORG") == [("Sheriff Street Lodge", "ORG")]


def test_an_and_inside_one_organisations_name_does_not_split_it() -> None:
    from newsweave.extract.mentions import _name_pieces

    text = "Surrey Fire and Rescue Service"
    assert [text[s:e] for s, e in _name_pieces(text, 0, len(text))] == [text]
    both = "the Associated Press and The New York Times"
    assert [both[s:e] for s, e in _name_pieces(both, 4, len(both))] == [
        "Associated Press",
        "The New York Times",
    ]


def test_shapes_and_followers_that_make_no_person() -> None:
    text = (
        "Officers went to the Hampton Inn. A gun was found at the Ida Yarbrough apartments. "
        "Albany County District said nothing. The Surrey Fire crews came."
    )
    mentions = [
        _name("a1", text, "Hampton Inn", "PERSON"),
        _name("a1", text, "Ida Yarbrough", "PERSON"),
        _name("a1", text, "Albany County District", "PERSON"),
        _name("a1", text, "Surrey Fire", "PERSON"),
    ]
    types = {e.name: e.type for e in link_mentions(mentions, {"a1": text})}
    assert types == {
        "Hampton Inn": "FAC",
        "Ida Yarbrough": "FAC",
        "Albany County District": "ORG",
        "Surrey Fire": "ORG",
    }


def test_a_place_the_model_calls_a_person_is_one_place_across_articles() -> None:
    texts = {f"a{i}": f"A Waitrose store in Surrey burned. Story {i}." for i in range(1, 5)}
    mentions = [_name(aid, text, "Surrey", "PERSON") for aid, text in texts.items()]
    entities = link_mentions(mentions, texts)
    assert [(e.name, e.type, len(e.article_ids)) for e in entities] == [("Surrey", "GPE", 4)]


def test_a_short_given_name_is_the_full_name_the_corpus_names() -> None:
    texts = {
        "a1": "Prosecutor David Rossi spoke. Rossi said the case was strong.",
        "a2": "District Attorney Dave Rossi asked the media to wait.",
        "a3": "Ken Kreuscher and his son Kenny Kreuscher were hurt.",
    }
    mentions = [
        _name("a1", texts["a1"], "David Rossi", "PERSON"),
        _name("a1", texts["a1"], "Rossi", "PERSON"),
        _name("a2", texts["a2"], "Dave Rossi", "PERSON"),
        _name("a3", texts["a3"], "Ken Kreuscher", "PERSON"),
        _name("a3", texts["a3"], "Kenny Kreuscher", "PERSON"),
    ]
    people = {e.name: {m.text for m in e.mentions} for e in link_mentions(mentions, texts)}
    # Without the full name "Kenneth Kreuscher", two short forms stay two people.
    assert people == {
        "David Rossi": {"David Rossi", "Rossi", "Dave Rossi"},
        "Ken Kreuscher": {"Ken Kreuscher"},
        "Kenny Kreuscher": {"Kenny Kreuscher"},
    }


def test_a_reflexive_or_relative_pronoun_after_a_name_makes_it_a_person() -> None:
    text = (
        'Mason Jefferies calls himself a school buddy of the man. "He was lovable," Jefferies said.'
    )
    mentions = [
        _name("a1", text, "Mason Jefferies", "ORG"),
        _name("a1", text, "Jefferies", "ORG", nth=1),
    ]
    entities = link_mentions(mentions, {"a1": text})
    assert [(e.name, e.type, len(e.mentions)) for e in entities] == [
        ("Mason Jefferies", "PERSON", 2)
    ]
    # A company's name before a verb stays the company's.
    firm = "Acme Widgets makes parts for cars."
    entities = link_mentions([_name("a2", firm, "Acme Widgets", "ORG")], {"a2": firm})
    assert [(e.name, e.type) for e in entities] == [("Acme Widgets", "ORG")]


def test_a_county_opening_a_role_phrase_is_a_place_not_the_person() -> None:
    text = (
        "Fayette County Sheriff Marty Fisher confirmed the death. "
        "The Fayette County Sheriff said the boy was 4."
    )
    mentions = [
        NameMention(article_id="a1", span=(23, 35), text="Marty Fisher", label="PERSON"),
    ]
    entities = {e.name: e for e in link_mentions(mentions, {"a1": text})}
    assert entities["Fayette County"].type == "GPE"
    assert [m.text for m in entities["Fayette County"].mentions] == ["Fayette County"]
    assert "Sheriff" in {m.text for m in entities["Marty Fisher"].mentions}
    assert all("Fayette" not in m.text for m in entities["Marty Fisher"].mentions)


def test_a_platform_the_model_missed_is_found() -> None:
    text = "Her family took to Facebook to share the news. Follow us: Facebook | Twitter"
    entities = link_mentions([], {"a1": text})
    found = {e.name: len(e.mentions) for e in entities}
    assert found == {"Facebook": 2, "Twitter": 1}
    # Only the written form: "facebook.com" in a link and "twitterati" are no platform names.
    other = "See facebook.com for more; the twitterati agreed."
    assert link_mentions([], {"a2": other}) == ()


def test_a_place_cut_out_of_a_longer_name_is_that_name() -> None:
    from newsweave.extract.mention_repair import orgs_of_places

    text = (
        "said Miami-Dade Police Director Juan Perez. Indianapolis Metro Police arrested him. "
        "Waterbury Deputy Police Chief Ed Smith spoke. He lives in Miami. Call Miami-Dade "
        "Public Schools."
    )
    places = [
        _name("a1", text, "Miami", "GPE"),
        _name("a1", text, "Indianapolis", "GPE"),
        _name("a1", text, "Waterbury", "GPE"),
        _name("a1", text, "Miami", "GPE", nth=1),
        _name("a1", text, "Miami-Dade", "GPE", nth=1),
    ]
    grown = [(m.text, m.label) for m in orgs_of_places(places, {"a1": text})]
    assert grown == [
        ("Miami-Dade Police", "ORG"),
        ("Indianapolis Metro Police", "ORG"),
        ("Waterbury", "GPE"),
        ("Miami", "GPE"),
        ("Miami-Dade Public Schools", "ORG"),
    ]


def test_an_ampersand_between_two_streets_splits_them() -> None:
    from newsweave.extract.mentions import _name_pieces

    text = "N.W. 25th Avenue & 102nd Street"
    assert [text[s:e] for s, e in _name_pieces(text, 0, len(text))] == [
        "N.W. 25th Avenue",
        "102nd Street",
    ]
    firm = "Johnson & Johnson"
    assert [firm[s:e] for s, e in _name_pieces(firm, 0, len(firm))] == [firm]


def test_an_age_in_words_before_a_name_makes_it_a_person() -> None:
    text = "Sixteen-year-old Dekota Smith was at his home. Dekota was a sophomore."
    mentions = [
        _name("a1", text, "Dekota Smith", "ORG"),
        _name("a1", text, "Dekota", "GPE", nth=1),
    ]
    entities = link_mentions(mentions, {"a1": text})
    assert [(e.name, e.type, len(e.mentions)) for e in entities] == [("Dekota Smith", "PERSON", 2)]


def test_a_place_in_a_town_is_two_names_but_a_title_stays_whole() -> None:
    from newsweave.extract.mentions import _located_pieces

    text = "on the High Street in Banstead was"
    pieces = [text[s:e] for s, e in _located_pieces(text, 3, 30, "ORG")]
    assert pieces == ["the High Street", "Banstead"]
    title = "Death in Venice"
    assert [title[s:e] for s, e in _located_pieces(title, 0, 15, "WORK_OF_ART")] == [title]
    # A lower-case word after "in" is no second name.
    plain = "Hotel in ruins"
    assert [plain[s:e] for s, e in _located_pieces(plain, 0, 14, "FAC")] == [plain]
