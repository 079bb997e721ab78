"""Speaker attribution cases of session 14 (issue 12, from the errors of splits fresh9 and
fresh13). Sentences are shaped like the articles' own, with other names: a paragraph opened by
a capitalised word before a lower-case title ("Police commissioner …" then "The commissioner
says"), a closing mark typed between spaces, a condemnation whose object is quoted."""

from __future__ import annotations

from newsweave.extract.person_linking import title_before

from .helpers import name_mention, tagged_quotes


def _direct(text: str, tagged: list[tuple[str, str]]) -> list[tuple[str | None, str | None]]:
    return [
        (name, shown) for kind, _, name, shown in tagged_quotes(text, tagged) if kind == "direct"
    ]


def test_a_sentence_initial_capital_before_a_lower_case_title_is_not_the_title() -> None:
    text = "The school was closed.\n\nPolice commissioner Carl Dorsey says the drills help."
    mention = name_mention("a", text, "Carl Dorsey", "PERSON")
    assert title_before(text, mention) == "commissioner"
    text = "The school was closed. Police commissioner Carl Dorsey says the drills help."
    assert title_before(text, name_mention("a", text, "Carl Dorsey", "PERSON")) == "commissioner"


def test_a_capital_inside_the_sentence_stays_in_the_title() -> None:
    text = "The school was closed.\n\nRussian President Ivan Petrov says the drills help."
    mention = name_mention("a", text, "Ivan Petrov", "PERSON")
    assert title_before(text, mention) == "Russian President"


def test_the_role_named_after_a_paragraph_opening_title_is_its_holder() -> None:
    text = (
        "The school was closed.\n\nPolice commissioner Carl Dorsey says the drills help.\n\n"
        'The commissioner says, "We have learned from the past and we are ready."'
    )
    assert _direct(text, [("Carl Dorsey", "PERSON")]) == [("Carl Dorsey", "Carl Dorsey")]


def test_a_closing_mark_between_spaces_after_a_comma_closes_the_quote() -> None:
    text = (
        'The bidding went on.\n\n"This fight is not over yet, " said Paul R. Dunn, an analyst. '
        '"At some point, it will become too costly for one company."'
    )
    assert _direct(text, [("Paul R. Dunn", "PERSON")]) == [
        ("Paul R. Dunn", "Paul R. Dunn"),
        ("Paul R. Dunn", "Paul R. Dunn"),
    ]


def test_a_condemnation_whose_object_is_quoted_is_the_subjects_words() -> None:
    text = (
        'Ambassador Omar Haddad, on behalf of the envoys, condemned the "cowardly, criminal and '
        'senseless" attacks.'
    )
    assert _direct(text, [("Omar Haddad", "PERSON")]) == [("Omar Haddad", "Omar Haddad")]
