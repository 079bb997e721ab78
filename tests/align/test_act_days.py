"""The day of one shooting, stabbing or killing told two ways (`align.act_days`): a conflict only
when one act of one person is placed, each day resolved against its own article, at two times
that cannot meet; else nothing."""

from __future__ import annotations

from newsweave.align.act_days import act_day_conflicts, act_days
from newsweave.align.conflicts import disputed_statements, find_conflicts
from newsweave.extract.dates import extract_dates
from newsweave.extract.numbers import extract_quantities
from newsweave.model import Conflict
from tests.align.statements import said

# GVC 341451 (split fresh3, r003): the Press-Enterprise of Thursday May 21 and a wire story of
# Saturday May 16, 2015.
NIGHT = (
    "On Saturday night, Ezekiel Melendez was shot by his 14-year-old brother Jacob while "
    "playing with a gun they thought was a toy."
)
AFTERNOON = (
    "A 14-year-old boy accidentally shot and killed his 9-year-old brother in Perris Saturday "
    "afternoon, Riverside County sheriff's deputies said."
)
THURSDAY, SATURDAY, SUNDAY, MONDAY = "2015-05-21", "2015-05-16", "2015-05-17", "2015-05-18"


def values(conflicts: list[Conflict] | tuple[Conflict, ...]) -> list[list[str]]:
    return [[v.value for v in c.values] for c in conflicts]


def conflicts_of(*sentences: tuple[str, str, str | None]) -> list[Conflict]:
    statements = [said(article, text, day=day) for article, text, day in sentences]
    return act_day_conflicts("s", statements, extract_dates)


def test_one_shooting_in_the_afternoon_and_at_night_of_one_day_is_a_date_conflict() -> None:
    (conflict,) = conflicts_of(("a", NIGHT, THURSDAY), ("b", AFTERNOON, SATURDAY))
    assert conflict.kind == "conflict" and conflict.basis == "date"
    assert values([conflict]) == [["2015-05-16 afternoon", "2015-05-16 night"]]
    assert conflict.topic == f"day of: {NIGHT}"


def test_the_shipped_entry_point_reports_it_and_marks_both_sentences_disputed() -> None:
    statements = [said("a", NIGHT, day=THURSDAY), said("b", AFTERNOON, day=SATURDAY)]
    found = find_conflicts("s", statements, [0, 1], quantities=extract_quantities)
    dated = [c for c in found if c.basis == "date"]
    assert values(dated) == [["2015-05-16 afternoon", "2015-05-16 night"]]
    assert disputed_statements(statements, dated) == {0, 1}


def test_a_relative_day_resolves_against_its_own_article() -> None:
    # "yesterday afternoon" in Sunday's paper is Saturday afternoon: the same day as "Saturday
    # afternoon" in Monday's, and apart from Saturday night.
    yesterday = "Jacob Melendez, 14, shot his 9-year-old brother yesterday afternoon, police said."
    monday = "The 9-year-old boy was shot Saturday afternoon at the family's home in Perris."
    assert [(a.day, a.part) for a in act_days(yesterday, SUNDAY, extract_dates)] == [
        ("2015-05-16", "afternoon")
    ]
    assert conflicts_of(("a", yesterday, SUNDAY), ("b", monday, MONDAY)) == []
    # A day written relative to the article may be one day off (a paper that went out after
    # midnight), so "yesterday" never disputes the days either side of it.
    assert conflicts_of(("a", NIGHT, THURSDAY), ("b", yesterday, SUNDAY)) == []


def test_days_that_can_be_one_night_agree() -> None:
    late = "Ezekiel Melendez, 9, was shot late Saturday at his home in Perris, deputies said."
    early = "Ezekiel Melendez, 9, was shot early Sunday at his home in Perris, deputies said."
    bare = "Ezekiel Melendez, 9, was shot Saturday at his home in Perris, deputies said."
    assert conflicts_of(("a", late, MONDAY), ("b", early, MONDAY)) == []
    assert conflicts_of(("a", bare, MONDAY), ("b", early, MONDAY)) == []
    sunday = "Ezekiel Melendez was shot Sunday afternoon at his home in Perris, deputies said."
    saturday = "Ezekiel Melendez was shot Saturday afternoon at his home in Perris."
    assert values(conflicts_of(("a", saturday, MONDAY), ("b", sunday, MONDAY))) == [
        ["2015-05-16 afternoon", "2015-05-17 afternoon"]
    ]


def test_a_later_development_or_a_telling_is_not_the_act() -> None:
    died = "Ezekiel Melendez, 9, died Monday morning at Riverside Community Hospital."
    arrested = "Jacob Melendez, 14, was arrested Monday morning in connection with the shooting."
    told = "Deputies said Monday morning that Ezekiel Melendez was shot by his brother."
    for other in (died, arrested, told):
        assert conflicts_of(("a", NIGHT, THURSDAY), ("b", other, MONDAY)) == []


def test_a_noun_away_from_the_day_is_what_the_sentence_is_about() -> None:
    update = (
        "The 20-year-old victim of what police called an accidental shooting remained in "
        "critical condition Friday night, a hospital spokesman said."
    )
    assert act_days(update, "2016-06-04", extract_dates) == []
    assert [a.act for a in act_days(NIGHT, THURSDAY, extract_dates)] == ["shoot"]


def test_two_people_two_voices_of_one_voice_or_days_far_apart_say_nothing() -> None:
    other = "A 16-year-old boy was shot Saturday afternoon near a park in Moreno Valley."
    assert [a.people for a in act_days(other, SATURDAY, extract_dates)] == [{"age 16"}]
    assert conflicts_of(("a", NIGHT, THURSDAY), ("b", other, SATURDAY)) == []
    statements = [said("a", NIGHT, "pe", THURSDAY), said("b", AFTERNOON, "pe", SATURDAY)]
    assert act_day_conflicts("s", statements, extract_dates) == []
    # A voice that places the act at two times tells of two acts.
    torn = [
        said("a", NIGHT, "pe", THURSDAY),
        said("b", AFTERNOON, "ap", SATURDAY),
        said("c", AFTERNOON.replace("A 14", "Another 14"), "pe", SATURDAY),
    ]
    assert act_day_conflicts("s", torn, extract_dates) == []
    month_later = "Ezekiel Melendez, 14, was shot on June 20 in Perris, deputies said."
    assert [a.day for a in act_days(month_later, "2015-06-22", extract_dates)] == ["2015-06-20"]
    assert conflicts_of(("a", NIGHT, THURSDAY), ("b", month_later, "2015-06-22")) == []


def test_no_date_reader_no_conflict() -> None:
    statements = [said("a", NIGHT, day=THURSDAY), said("b", AFTERNOON, day=SATURDAY)]
    assert act_day_conflicts("s", statements, None) == []
