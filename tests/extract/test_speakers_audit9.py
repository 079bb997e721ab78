"""Speaker cases of the audit-9 fact check (session 9, issue 12), from the real sentences: a
progressive speech verb after a pronoun ("She is asking for"), a surname shared by the son a
quote addresses and the father who speaks it, a source phrase with a prepositional tail, "says
one" of a group of sources, and a clock time inside a reported clause."""

from __future__ import annotations

from newsweave.extract.entities import EntityResult
from newsweave.extract.quotes import extract_quotes
from newsweave.model import Entity, Evidence

from .helpers import plain_article
from .helpers import tagged_quotes as _quotes


def test_a_progressive_speech_verb_after_a_pronoun_gives_the_named_speaker() -> None:
    text = (
        "His mother, Heather Shannon says her child has just made it out of surgery, and that "
        'he is fighting hard. She is asking for "everyone to pray hard because he is fighting '
        'hard."'
    )
    quotes = _quotes(text, [("Heather Shannon", "PERSON")])
    direct = [(who, shown) for kind, _, who, shown in quotes if kind == "direct"]
    assert direct == [("Heather Shannon", "She")]


def test_a_participle_after_a_comma_still_takes_the_sentences_subject() -> None:
    text = 'Jones left the room, saying "we will be back with the money tomorrow morning."'
    [(_, _, who, _)] = _quotes(text, [("Jones", "PERSON")])
    assert who == "Jones"


def _person(ident: str, name: str, mentions: list[tuple[int, str]]) -> Entity:
    """A PERSON entity of article "a" with mentions (start, text as written)."""
    return Entity(
        id=ident,
        name=name,
        type="PERSON",
        aliases=(),
        article_ids=("a",),
        mentions=tuple(
            Evidence(article_id="a", text=form, span=(at, at + len(form)))
            for at, form in sorted(mentions)
        ),
    )


def test_a_surname_shared_with_the_son_the_quote_addresses_is_the_fathers() -> None:
    text = (
        "News 3 spoke with Fabriccio Patti's father Monday afternoon.\n\n"
        "Martin Patti is now asking himself why his quiet and sometimes stubborn boy would "
        "become involved in a robbery. He may never have an answer.\n\n"
        '"Believe me, I talked to him so many times. I talked to him, like Fabriccio, make the '
        'right decision. He tried to prove something," said Patti.'
    )
    # As the product's linking left it: the lone "Patti" joined the son's entity.
    son = [
        (text.index("Fabriccio Patti"), "Fabriccio Patti"),
        (text.index("Fabriccio,"), "Fabriccio"),
        (text.rindex("Patti"), "Patti"),
    ]
    father = [(text.index("Martin Patti"), "Martin Patti")]
    entities = EntityResult(
        entities=(
            _person("e0", "Fabriccio Patti", son),
            _person("e1", "Martin Patti", father),
        ),
        mode="test",
    )
    names = {e.id: e.name for e in entities.entities}
    [quote] = [q for q in extract_quotes(plain_article(text), entities) if q.kind == "direct"]
    assert names.get(quote.speaker_id or "") == "Martin Patti"


def test_a_person_the_quote_names_with_no_namesake_still_does_not_speak() -> None:
    text = 'The judge said: "Do not trust Mr. Nichols ever again," Nichols said.'
    quotes = _quotes(text, [("Nichols", "PERSON")])
    assert all(who is None for _, _, who, _ in quotes)


def test_a_source_phrase_keeps_its_prepositional_tail() -> None:
    text = (
        'And negotiations for him to do the first movie were "a terrible experience," says a '
        "source with knowledge of the discussions, because Ross is a seasoned filmmaker."
    )
    [(_, _, who, shown)] = _quotes(text, [("Ross", "PERSON")])
    assert (who, shown) == (None, "a source with knowledge of the discussions")


def test_says_one_is_one_of_the_sources_named_before() -> None:
    text = (
        "Nonetheless, sources involved with the franchise are betting that Ross will return.\n\n"
        '"Ultimately, it will be difficult, and yet everybody will do the sane thing, which is '
        'to work it out," says one.\n\n'
        '"Everybody will end up unhappy in their own way. It\'s just the nature of the beast."'
    )
    quotes = _quotes(text, [("Ross", "PERSON")])
    assert [shown for _, _, _, shown in quotes] == ["one of the sources", "one of the sources"]


def test_says_one_with_no_group_of_sources_before_names_no_one() -> None:
    text = (
        "The council met on Monday. Then Mayor John Smith spoke.\n\n"
        '"We will rebuild every house on this street," says one.'
    )
    [(_, _, who, shown)] = _quotes(text, [("John Smith", "PERSON")])
    assert (who, shown) == (None, None)


def test_a_clock_time_does_not_end_a_reported_clause() -> None:
    text = (
        "Marion County Sheriff David McKnight says the child was pronounced dead at 12:09 p.m. "
        "Wednesday at LSU Medical Center in Shreveport. The body is being sent to Dallas."
    )
    [(kind, quote, who, _)] = _quotes(text, [("David McKnight", "PERSON")])
    assert (kind, who) == ("indirect", "David McKnight")
    assert quote.endswith("at LSU Medical Center in Shreveport")


def test_a_clock_time_before_a_new_sentence_ends_the_clause() -> None:
    text = "McKnight said the call came in at 9:15 p.m. Deputies arrived minutes later."
    [(_, quote, _, _)] = _quotes(text, [("McKnight", "PERSON")])
    assert quote == "the call came in at 9:15 p.m"


def test_two_apostrophes_around_a_source_are_quote_marks_not_part_of_its_name() -> None:
    text = (
        "According to ''The Hollywood Reporter'', Director of ''The Hunger Games'', Gary Ross is "
        "currently in the negotiation stages to direct the sequel."
    )
    [(kind, _, who, shown)] = _quotes(text, [("Gary Ross", "PERSON")])
    assert (kind, who, shown) == ("indirect", None, "The Hollywood Reporter")
