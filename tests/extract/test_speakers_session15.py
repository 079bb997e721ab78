"""Speaker attribution cases of session 15 (issue 12, from the errors of split fresh17: WSJ
analyst stories and wire reports of speeches). Sentences are shaped like the articles' own, with
other names: a titled one-word name that also heads a firm's name, and a naming verb whose long
object stands between it and the quote."""

from __future__ import annotations

from .helpers import tagged_quotes


def _direct(text: str, tagged: list[tuple[str, str]]) -> list[tuple[str | None, str | None]]:
    return [
        (name, shown) for kind, _, name, shown in tagged_quotes(text, tagged) if kind == "direct"
    ]


def test_a_he_after_a_titled_name_that_heads_a_firm_is_that_person() -> None:
    text = (
        "So Ann Lee at First Harbor said she is cutting her estimate. Tom Reyes agreed with "
        '"I was too high to begin with," he said.\n\nMr. Hale of Hale amp Partners said he will '
        'stay at $1 a share. "Is it low enough?" he asked.'
    )
    tags = [
        ("Ann Lee", "PERSON"),
        ("First Harbor", "ORG"),
        ("Tom Reyes", "PERSON"),
        ("Hale", "PERSON"),
        ("Hale amp Partners", "ORG"),
    ]
    assert _direct(text, tags)[-1] == ("Hale", "he")


def test_a_naming_verb_far_before_its_quote_names_the_speaker() -> None:
    text = (
        "Chairman Tom Reyes called the plan part of the company's two-year strategy to cut "
        'costs and "an effective headcount-control program."'
    )
    assert _direct(text, [("Tom Reyes", "PERSON")]) == [("Tom Reyes", "Tom Reyes")]


def test_a_phrasal_called_for_far_before_a_quote_names_no_one() -> None:
    text = 'Ann Lee called for calm across the city and "an end to all the violence."'
    assert _direct(text, [("Ann Lee", "PERSON")]) == [(None, None)]


def test_a_naming_verb_with_a_clause_between_names_no_one() -> None:
    text = (
        "Ann Lee called the plan a start when the council met, though residents want "
        '"an end to all the violence."'
    )
    assert _direct(text, [("Ann Lee", "PERSON")]) == [(None, None)]


def test_the_person_of_a_firm_named_after_people_speaks() -> None:
    text = (
        '"People keep seeing headline after headline," says Tom Reyes of Reyes amp Hale, a '
        "San Francisco investment adviser."
    )
    tags = [("Tom Reyes", "PERSON"), ("Hale", "PERSON"), ("San Francisco", "GPE")]
    assert _direct(text, tags) == [("Tom Reyes", "Tom Reyes")]


def test_a_spokesman_for_the_person_of_a_firm_stays_unnamed() -> None:
    text = '"We will fight on," said a spokesman for Tom Reyes of Reyes Hale.'
    tags = [("Tom Reyes", "PERSON"), ("Hale", "PERSON")]
    assert _direct(text, tags) == [(None, "a spokesman for Tom Reyes of Reyes Hale")]


def test_the_president_goes_on_with_a_titled_name_the_entity_stage_typed_misc() -> None:
    text = (
        "President Reyes implied as much when reporters asked about food. The president "
        'responded, "Everything, everything."'
    )
    assert _direct(text, [("Reyes", "MISC")]) == [("Reyes", "Reyes")]


def test_the_president_goes_on_with_a_mention_that_holds_the_title() -> None:
    text = (
        "President Reyes implied as much when reporters asked about food. The president "
        'responded, "Everything, everything."'
    )
    assert _direct(text, [("President Reyes", "PERSON")]) == [
        ("President Reyes", "President Reyes")
    ]


def test_a_nationality_after_a_role_is_not_the_role_holder() -> None:
    text = (
        "The president, an American by birth, arrived on Monday. The president said, "
        '"We will stay."'
    )
    assert _direct(text, [("American", "MISC")]) == [(None, "The president")]
