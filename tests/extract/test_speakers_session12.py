"""Speaker attribution cases of session 12 (issue 12, from the errors of split fresh15: ECB+
web news, and fresh13): a frame cut after a title's full stop, the verb before the marks
against a second-hand frame after them, a described source going on after "she added", an age
phrase, a participle's subject, a paragraph about the last speaker, "comments that"."""

from __future__ import annotations

from dataclasses import replace

from newsweave.extract.entities import EntityResult
from newsweave.extract.quotes import extract_quotes
from newsweave.model import Evidence

from .helpers import plain_article, tagged_entities, tagged_quotes


def _direct(text: str, tagged: list[tuple[str, str]]) -> list[tuple[str | None, str | None]]:
    return [
        (name, shown) for kind, _, name, shown in tagged_quotes(text, tagged) if kind == "direct"
    ]


def test_a_frame_cut_after_a_title_runs_on_into_the_next_paragraph() -> None:
    text = (
        "A fire damaged the chapel on Friday.\n\n"
        '"We do not know how it started," the Rev.\n\n'
        "Martin Hale of the First Chapel said Saturday."
    )
    assert _direct(text, [("Martin Hale", "PERSON")]) == [("Martin Hale", "Martin Hale")]


def test_the_verb_before_the_marks_beats_according_to_after_them() -> None:
    text = (
        "In 2011, Dale Price was convicted of threatening Ann Moss and telling her, "
        '"you will regret this," according to court records.'
    )
    tags = [("Dale Price", "PERSON"), ("Ann Moss", "PERSON")]
    assert _direct(text, tags) == [("Dale Price", "Dale Price")]


def test_a_reporting_frame_after_the_marks_alone_still_gives_the_reporter() -> None:
    text = 'The dispute went on for weeks. "It is over," the newspaper reported.'
    assert _direct(text, []) == [(None, "the newspaper")]


def test_a_described_source_goes_on_after_she_added() -> None:
    text = (
        "Nora Quill had moved back to the town in May.\n\n"
        'The neighbour said she was "cheerful" when she saw her on Friday.\n\n'
        'She added: "We talked for an hour about the garden."'
    )
    assert _direct(text, [("Nora Quill", "PERSON")])[-1] == (None, "The neighbour")


def test_she_added_after_a_named_speaker_still_means_her() -> None:
    text = 'Nora Quill said the town was quiet.\n\nShe added: "We talked for an hour about it."'
    assert _direct(text, [("Nora Quill", "PERSON")]) == [("Nora Quill", "She")]


def test_an_age_phrase_goes_on_with_the_one_person_named_before() -> None:
    text = (
        "Masters champion Tom Reyes has been made a life member of the tour.\n\n"
        '"I have goosebumps," said the 31-year-old on the eve of the open.'
    )
    assert _direct(text, [("Tom Reyes", "PERSON")]) == [("Tom Reyes", "Tom Reyes")]


def test_an_age_phrase_after_two_people_stays_a_description() -> None:
    text = (
        "Tom Reyes beat Sam Hill in the final.\n\n"
        '"I have goosebumps," said the 31-year-old on the eve of the open.'
    )
    tags = [("Tom Reyes", "PERSON"), ("Sam Hill", "PERSON")]
    assert _direct(text, tags) == [(None, "the 31-year-old")]


def test_a_participle_reports_for_the_person_opening_the_sentence() -> None:
    text = (
        "Beat writer Lee Moran puts this in one line, saying Dan Cole "
        '"could sit out the last two games."'
    )
    tags = [("Lee Moran", "PERSON"), ("Dan Cole", "PERSON")]
    assert _direct(text, tags) == [("Lee Moran", "Lee Moran")]


def test_a_partial_quote_of_the_clause_subject_without_a_participle_is_his() -> None:
    text = 'The coach was clear: Dan Cole "could sit out the last two games."'
    assert _direct(text, [("Dan Cole", "PERSON")])[0][0] == "Dan Cole"


def test_a_quote_paragraph_after_a_paragraph_about_the_last_speaker_is_his() -> None:
    text = (
        '"The damage is heavy," Paul Crane said.\n\n'
        "Paul Crane said he was not at the hall when the fire broke out.\n\n"
        "He would not say how many people were inside.\n\n"
        '"They were all adults, and they all got out."'
    )
    assert _direct(text, [("Paul Crane", "PERSON")])[-1][0] == "Paul Crane"


def test_a_quote_paragraph_after_a_paragraph_about_someone_else_is_not_his() -> None:
    text = (
        '"The damage is heavy," Paul Crane said.\n\n'
        "Mary Bell ran the hall for ten years.\n\n"
        "She would not say how many people were inside.\n\n"
        '"They were all adults, and they all got out."'
    )
    tags = [("Paul Crane", "PERSON"), ("Mary Bell", "PERSON")]
    assert _direct(text, tags)[-1][0] != "Paul Crane"


def test_comments_that_frames_a_partial_quote() -> None:
    text = (
        "Looking back at the crisis, the economist Joseph Stone comments that "
        '"rapid liberalization was the single most important cause of the crisis".'
    )
    assert _direct(text, [("Joseph Stone", "PERSON")]) == [("Joseph Stone", "Joseph Stone")]


def test_she_in_a_statement_s_relative_clause_is_its_one_person() -> None:
    text = (
        "The fire gutted the chapel on Friday.\n\n"
        "The paper said Ann Reed released a statement in which she said she offered an "
        'apology "if the fire is in any way connected to the attention the chapel received."'
    )
    assert _direct(text, [("Ann Reed", "PERSON")]) == [("Ann Reed", "she")]


def test_she_after_another_woman_acts_in_her_own_clause_stays_unsure() -> None:
    text = 'After Ann Reed was shot, she shouted, "Run to the car and call for help!"'
    assert _direct(text, [("Ann Reed", "PERSON")])[0][0] is None


def test_a_reporting_clause_after_a_dash_gives_no_frame_to_the_verb_before() -> None:
    text = (
        "In one example, Ann Reed read a story which said the fruit was "
        '"linked to water shortages and deforestation" -- while a separate story simply '
        "reported the duchess ate them."
    )
    assert _direct(text, [("Ann Reed", "PERSON")])[0][0] is None


def test_a_name_the_speaker_gives_himself_in_the_quote_does_not_stop_him_speaking() -> None:
    text = '"I\'m the man they used to call Night Owl," Ray Dorn told his lawyer.'
    people = [("Ray Dorn", "PERSON")]
    entities = tagged_entities(text, people)
    alias_at = text.index("Night Owl")
    [dorn] = entities.entities
    mentions = (
        *dorn.mentions,
        Evidence(article_id="a", text="Night Owl", span=(alias_at, alias_at + 9)),
    )
    entities = EntityResult(entities=(replace(dorn, mentions=mentions),), mode="test")
    [quote] = [q for q in extract_quotes(plain_article(text), entities) if q.kind == "direct"]
    assert quote.speaker_id == dorn.id


def test_a_person_the_quote_talks_about_still_does_not_speak_it() -> None:
    text = '"I met Ray Dorn last year," Ray Dorn\'s neighbour said.'
    assert _direct(text, [("Ray Dorn", "PERSON")])[0][0] is None
