"""Figures the rules left noun only (issue 11, kind C1): how long one act lasted, and the
temperature at the happening."""

from __future__ import annotations

from newsweave.align.act_spans import act_of_span
from newsweave.align.conflicts import Statement, compare_mentions, find_conflicts
from newsweave.align.temperatures import temperature_frames
from newsweave.extract.numbers import extract_quantities
from newsweave.model import Conflict, DateMention, Evidence


def statement(article: str, text: str, day: str = "") -> Statement:
    evidence = Evidence(article_id=article, text=text, span=(0, len(text)))
    return Statement(evidence=evidence, voice=article, published=day or None)


def no_dates(text: str, published: str | None) -> tuple[DateMention, ...]:
    return ()


def disputes(*said: tuple[str, str, str]) -> list[Conflict]:
    story = [statement(article, text, day) for article, text, day in said]
    found = find_conflicts(
        "s-1", story, list(range(len(story))), quantities=extract_quantities, dates=no_dates
    )
    return [c for c in found if c.kind == "conflict"]


def act(text: str, figure: str) -> str | None:
    start = text.index(figure)
    return act_of_span(text, (start, start + len(figure)))


# ECB+ 18_ecb (tune row q035).
TWO_HOURS = "What followed was a tense two hours while police negotiated the suspect's exit."
SPENT = "Pigeon said police spent about two hours negotiating with the suspect."
ALMOST_THREE = (
    "Police locked down the busy neighbourhood for almost three hours while they negotiated "
    "with the suspect, directing traffic away from Ontario Street."
)


def test_a_span_is_of_the_act_its_verb_frame_names() -> None:
    assert act(TWO_HOURS, "two") == "negotiating"
    assert act(SPENT, "about two") == "negotiating"
    assert act(ALMOST_THREE, "almost three") == "negotiating"
    assert act("Firefighters battled the blaze for eight hours.", "eight") == "battling"


def test_a_gap_an_ongoing_act_a_term_or_a_span_of_something_is_no_act() -> None:
    gap = "The two were arrested four hours later as they emerged from a house."
    assert act(gap, "four") is None
    ongoing = "Rescuers have searched for three days in the rubble."
    assert act(ongoing, "three") is None
    separated = "She said they had been separated for about three weeks."
    assert act(separated, "about three") is None
    assert act("He was suspended for two weeks by the league.", "two") is None
    assert act("The shooting sparked five days of rioting as police fought youths.", "five") is None


def test_one_acts_length_told_two_ways_by_two_voices_conflicts() -> None:
    (found,) = disputes(("a", TWO_HOURS, ""), ("b", ALMOST_THREE, ""))
    assert found.topic == "time spent negotiating, in hours"
    assert {v.value for v in found.values} == {"2", "almost 3"}
    # "about two" and "two" agree; "two hours" and "almost three" do not meet.
    assert not disputes(("a", TWO_HOURS, ""), ("b", SPENT, ""))


def test_two_acts_lengths_and_a_bare_span_never_dispute() -> None:
    other_act = "Officers searched the building for three hours while the suspect hid."
    assert not disputes(("a", TWO_HOURS, ""), ("b", other_act, ""))
    bare = "The neighbourhood was locked down for three hours."
    assert not disputes(("a", TWO_HOURS, ""), ("b", bare, ""))


def test_a_longer_span_of_one_act_on_a_later_day_is_an_update() -> None:
    found = find_conflicts(
        "s-1",
        [
            statement("a", "Crews battled the blaze for eight hours.", "2008-12-13"),
            statement("b", "Crews battled the blaze for 20 hours.", "2008-12-14"),
        ],
        [0, 1],
        quantities=extract_quantities,
        dates=no_dates,
    )
    assert [c.kind for c in found] == ["update"]


# ECB+ 13_ecb (tune row q138).
MINUS_17 = "Firefighters fought the blaze in temperatures of minus 17 degrees."
MINUS_20 = "Outside temperatures were minus 20 as firefighters battled the blaze."


def test_temperatures_are_read_signed_with_their_scale() -> None:
    (a,) = temperature_frames(MINUS_17)
    (b,) = temperature_frames(MINUS_20)
    assert (a.value, a.unit, b.value, b.unit) == (-17, None, -20, None)
    (c,) = temperature_frames("Firefighters battled for hours in minus-20 degree temperatures.")
    assert c.value == -20
    (d,) = temperature_frames("The weather was warm with temperatures of about 28 degrees Celsius.")
    assert (d.value, d.unit, d.approx) == (28, "C", "about")
    (e,) = temperature_frames("Crews worked in wind gusts and -15C temperatures.")
    assert (e.value, e.unit) == (-15, "C")


def test_one_happenings_temperature_told_two_ways_conflicts() -> None:
    (found,) = disputes(("a", MINUS_17, ""), ("b", MINUS_20, ""))
    assert found.topic == "temperature"
    assert {v.value for v in found.values} == {"-17", "-20"}
    assert (
        compare_mentions(
            (MINUS_17, _span(MINUS_17, "17"), None), (MINUS_20, _span(MINUS_20, "20"), None)
        )
        == "conflict"
    )


def test_degrees_of_no_scale_meet_in_either_scale() -> None:
    # A US outlet's Fahrenheit and a Canadian one's Celsius: 10 F is about -12 C.
    us = "Crews fought the fire in temperatures of 10 degrees."
    canada = "Outside temperatures were minus 12 as crews fought the fire."
    assert not disputes(("a", us, ""), ("b", canada, ""))
    assert not disputes(("a", MINUS_17, ""), ("b", "Temperatures were minus 16 at the fire.", ""))


def test_a_forecast_an_extreme_or_another_days_temperature_is_no_dispute() -> None:
    assert not temperature_frames("Temperatures were minus 30 overnight, forecasters said.")
    assert not temperature_frames("The overnight low temperature was minus 30 degrees.")
    assert not disputes(("a", MINUS_17, "2008-12-13"), ("b", MINUS_20, "2008-12-14"))


def _span(text: str, figure: str) -> tuple[int, int]:
    start = text.index(figure)
    return start, start + len(figure)
