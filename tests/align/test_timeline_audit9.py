"""Timeline cases of the audit-9 fact check (session 9), from the real sentences: a date that
belongs to a relative clause of the subject does not date the sentence's main event, and a
photo's date and credit is no happening."""

from __future__ import annotations

from .test_timeline import _dates_of_sentences


def test_a_date_in_the_subjects_relative_clause_does_not_date_the_main_event() -> None:
    died = (
        "Marion County Sheriff, David McKnight, released a statement saying the three year old"
        " who was injured in an apparent accidental gunshot incident Monday night has died."
    )
    assert _dates_of_sentences(died, "2016-07-13") == {}
    released = "Smith, who was arrested Monday, was released on bail Wednesday."
    assert _dates_of_sentences(released, "2016-07-14") == {released: ["2016-07-13"]}


def test_a_date_closing_its_sentence_or_a_reported_clause_still_dates_it() -> None:
    arrested = "Police arrested the man who shot Smith on Monday."
    reported = "Police said that the man was shot Monday and is in hospital."
    coordinated = "It is clear that the man was shot Monday and is in hospital."
    for text in (arrested, reported, coordinated):
        assert _dates_of_sentences(text, "2016-07-13") == {text: ["2016-07-11"]}


def test_a_photos_date_and_credit_is_no_happening() -> None:
    text = (
        "12/6/16 (Kelsey Thomas | KSNV)\n\n"
        "Police and community leaders spoke during Tuesday's press conference."
    )
    found = _dates_of_sentences(text, "2016-12-06")
    assert list(found) == ["Police and community leaders spoke during Tuesday's press conference."]
