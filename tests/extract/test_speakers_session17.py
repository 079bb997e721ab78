"""Speaker attribution cases of session 17 (issue 12, from errors read by eye in GVC and ECB+
stories): a document source about a person, a pair of people joined by "or", an attitude noun
before "that", a louder speech verb, a clause opening with a name of inner capitals, and a
"he" after a described person. Sentences are shaped like the articles' own, with other names."""

from __future__ import annotations

from .helpers import tagged_quotes


def _quotes(
    text: str, tagged: list[tuple[str, str]], kind: str
) -> list[tuple[str, str | None, str | None]]:
    return [
        (quote, name, shown)
        for found, quote, name, shown in tagged_quotes(text, tagged)
        if found == kind
    ]


def test_according_to_a_document_filed_against_a_person_names_the_document() -> None:
    text = (
        "According to a criminal complaint filed against Reyes, when deputies arrived at the "
        "house, Reyes was sitting on the porch with a phone in his hand."
    )
    found = _quotes(text, [("Reyes", "PERSON")], "indirect")
    assert [(name, shown) for _, name, shown in found] == [(None, "a criminal complaint")]


def test_a_document_by_a_person_still_names_its_author() -> None:
    text = (
        "According to a statement from Ann Lee, the council will meet again on Tuesday to "
        "vote on the budget."
    )
    found = _quotes(text, [("Ann Lee", "PERSON")], "indirect")
    assert [name for _, name, _ in found] == ["Ann Lee"]


def test_one_of_two_people_joined_by_or_is_no_single_speaker() -> None:
    text = (
        'Their attackers ran off. Reyes or his brother yelled, "You will pay for this" and '
        '"We will be back," witnesses said.'
    )
    found = _quotes(text, [("Reyes", "PERSON")], "direct")
    assert [(name, shown) for _, name, shown in found] == [
        (None, "Reyes or his brother"),
        (None, "Reyes or his brother"),
    ]


def test_an_attitude_noun_before_that_reports_no_words() -> None:
    text = (
        "But the strike underlined doubts that the cabinet could keep its promises to the "
        "lenders, sending the currency lower."
    )
    assert _quotes(text, [], "indirect") == []


def test_an_owned_belief_before_that_is_still_stated() -> None:
    text = "Ann Lee stressed her belief that the cabinet will keep its promises to the lenders."
    found = _quotes(text, [("Ann Lee", "PERSON")], "indirect")
    assert [name for _, name, _ in found] == ["Ann Lee"]


def test_thundered_is_a_speech_verb() -> None:
    text = (
        '"A protest is one thing and arson is quite another!" Prime Minister Tom Reyes '
        "thundered in parliament during a debate on the budget."
    )
    found = _quotes(text, [("Tom Reyes", "PERSON")], "direct")
    assert [name for _, name, _ in found] == ["Tom Reyes"]


def test_said_before_a_name_with_an_inner_capital_reports_the_clause() -> None:
    text = (
        "Ann McAllister was visiting her aunt for the holiday. Police said McAllister was "
        "talking to friends when she was hit."
    )
    found = _quotes(text, [("Ann McAllister", "PERSON"), ("McAllister", "PERSON")], "indirect")
    assert [(q, shown) for q, _, shown in found] == [
        ("McAllister was talking to friends when she was hit", "Police")
    ]


def test_he_after_a_described_man_in_the_same_paragraph_is_that_man() -> None:
    text = (
        "The suspect, identified as Tom Reyes, fired five shots, police said.\n\n"
        "A third man escaped unhurt despite a bullet through his coat, police said. He said "
        "the suspect fired at him twice but only hit his coat, according to officials."
    )
    found = _quotes(text, [("Tom Reyes", "PERSON")], "indirect")
    said = [(name, shown) for q, name, shown in found if q.startswith("the suspect fired")]
    assert said == [(None, "A third man")]


def test_an_adverb_after_a_plural_source_is_no_part_of_it() -> None:
    text = (
        "The farm was first thought to hold the plants, but investigators now say the plants "
        "are on another property and do not believe they are related."
    )
    found = _quotes(text, [], "indirect")
    assert [shown for _, _, shown in found] == ["investigators"]


def test_said_before_a_clause_is_no_inner_attribution() -> None:
    text = (
        "One of Dana's cousins, Nicole Park, said Dana had wanted out of her marriage, but Tom "
        "didn't. She said she never imagined this would happen. Dana was more like a sister to "
        'her than a cousin.\n\n"My prayers, our talks; that was my sister," she said before '
        "breaking into tears."
    )
    tags = [("Dana", "PERSON"), ("Nicole Park", "PERSON"), ("Tom", "PERSON")]
    found = _quotes(text, tags, "direct")
    assert [name for _, name, _ in found] == ["Nicole Park"]
    assert all(name != "Dana" for _, name, _ in _quotes(text, tags, "indirect"))
