"""When one long-standing thing began, as a span and as a start year (`align.span_conflicts`):
a conflict only when one thing's two starts are years apart; else nothing."""

from __future__ import annotations

from newsweave.align.span_conflicts import span_conflicts, span_starts
from tests.align.statements import said

# ECB+ 9_ecbplus (split fresh14, t605), shortened.
SPAN = (
    "The rule, finalized in December, made optional the mandatory, independent consultations "
    "federal scientists have performed for 35 years on projects."
)
START = (
    "The end of the long-standing requirement _ dating back to 1986 _ of interagency "
    "consultation with the Interior and Commerce agencies produced a firestorm in Congress."
)


def test_a_span_against_a_start_year_of_one_thing_is_a_date_conflict() -> None:
    statements = [said("a", SPAN, day="2009-04-28"), said("b", START, day="2009-03-03")]
    (conflict,) = span_conflicts("s", statements)
    assert conflict.kind == "conflict" and conflict.basis == "date"
    assert [v.value for v in conflict.values] == ["35 years (since about 1974)", "since 1986"]


def test_a_span_is_read_only_against_its_articles_year() -> None:
    assert not span_starts(SPAN, None)
    assert span_starts(SPAN, "2009-04-28")[0][0] == 1974
    # Written in 2021, 35 years runs from 1986: the two agree.
    statements = [said("a", SPAN, day="2021-04-28"), said("b", START)]
    assert not span_conflicts("s", statements)


def test_one_voice_writing_both_says_nothing() -> None:
    statements = [said("a", SPAN, voice="ap", day="2009-04-28"), said("b", START, voice="ap")]
    assert not span_conflicts("s", statements)


def test_hedged_personal_and_last_time_spans_are_not_read() -> None:
    day = "2009-04-28"
    hedged = "Scientists have performed the consultations for more than 20 years on projects."
    personal = "Smith has worked at the consultation office for 35 years, neighbours said."
    assert not span_starts(hedged, day)
    assert not span_starts(personal, day)
    assert not span_starts("The Vikings need a victory to win their first title since 2000.", day)
    assert not span_starts("Somalia has not had a functioning government since 1991.", day)


def test_two_things_that_share_no_word_are_not_compared() -> None:
    other = "Payments to the program's farmers date back to 1986, records show."
    statements = [said("a", SPAN, day="2009-04-28"), said("b", other)]
    assert not span_conflicts("s", statements)
