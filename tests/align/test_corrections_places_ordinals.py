"""Corrections (one outlet against its own earlier article), places written two ways and the
ordinal of an office: each only when the text leaves no doubt, else nothing."""

from __future__ import annotations

from newsweave.align.conflicts import ConflictConfig, Statement, disputed_statements, find_conflicts
from newsweave.align.name_conflicts import name_conflicts
from newsweave.align.ordinal_conflicts import ordinal_conflicts
from newsweave.align.place_conflicts import place_conflicts
from newsweave.extract.numbers import extract_quantities
from newsweave.model import Conflict, DateMention, Evidence


def said(article: str, text: str, voice: str | None = None, day: str | None = "2016-08-07"):
    evidence = Evidence(article_id=article, text=text, span=(0, len(text)))
    return Statement(evidence=evidence, voice=voice or article, published=day)


def no_dates(text: str, published: str | None) -> tuple[DateMention, ...]:
    return ()


def found(*statements: Statement, config: ConflictConfig | None = None) -> tuple[Conflict, ...]:
    return find_conflicts(
        "s",
        statements,
        list(range(len(statements))),
        quantities=extract_quantities,
        dates=no_dates,
        config=config,
    )


def values(conflict: Conflict) -> list[str]:
    return [v.value for v in conflict.values]


AUGUST = "According to a family member, Mancera's husband Louis Anaya had just returned home."
NOVEMBER = "Police said Colbert opened fire on Mancera, Luis Anaya and their child."


def test_one_outlet_respelling_a_name_in_a_later_article_is_a_dated_correction() -> None:
    (conflict,) = found(
        said("aug", AUGUST, voice="abc7", day="2016-08-07"),
        said("nov", NOVEMBER, voice="abc7", day="2016-11-07"),
    )
    assert conflict.kind == "correction" and conflict.basis == "name"
    assert values(conflict) == ["Louis Anaya (2016-08-07)", "Luis Anaya (2016-11-07)"]
    # A correction disputes nothing: no claim is marked, the brief states none.
    statements = [said("aug", AUGUST, voice="abc7"), said("nov", NOVEMBER, voice="abc7")]
    assert not disputed_statements(statements, [conflict])


def test_no_correction_within_one_day_undated_or_when_turned_off() -> None:
    same_day = (
        said("a", AUGUST, voice="abc7", day="2016-08-07"),
        said("b", NOVEMBER, voice="abc7", day="2016-08-07"),
    )
    assert not found(*same_day)
    undated = (
        said("a", AUGUST, voice="abc7", day=None),
        said("b", NOVEMBER, voice="abc7", day=None),
    )
    assert not found(*undated)
    off = ConflictConfig(report_corrections=False)
    assert not found(
        said("a", AUGUST, voice="abc7", day="2016-08-07"),
        said("b", NOVEMBER, voice="abc7", day="2016-11-07"),
        config=off,
    )


def test_articles_of_one_day_stating_both_values_are_no_correction() -> None:
    assert not found(
        said("a", AUGUST, voice="abc7", day="2016-08-07"),
        said("a", NOVEMBER, voice="abc7", day="2016-08-07"),
        said("b", AUGUST, voice="abc7", day="2016-11-07"),
    )


def test_two_voices_give_a_dispute_not_a_correction() -> None:
    (conflict,) = found(said("a", AUGUST, voice="abc7"), said("b", NOVEMBER, voice="ktla"))
    assert conflict.kind == "conflict"


def test_a_growing_toll_in_one_outlets_later_article_is_not_a_correction() -> None:
    assert not [
        c
        for c in found(
            said("a", "Two people were killed in the fire.", voice="wsvn", day="2016-02-27"),
            said("b", "Five people were killed in the fire.", voice="wsvn", day="2016-02-29"),
        )
        if c.kind == "correction"
    ]


def test_a_prefixed_given_name_in_two_cases_still_ties_a_surname_spelt_two_ways() -> None:
    (conflict,) = name_conflicts(
        "s",
        [
            said("fox5", "Cash struck his brother, Deshawn Beddles, in the head."),
            said("cbs46", "Tyderris Cash, 24, was arrested for shooting DeShawn Beedles."),
        ],
        ConflictConfig(),
    )
    assert {v.value.split()[-1] for v in conflict.values} == {"Beddles", "Beedles"}


def test_one_address_with_two_street_words_from_two_outlets() -> None:
    streets = place_conflicts(
        "s",
        [
            said("wfla", "The toddler found a gun at 1094 Misty Hollow Lane in Eastlake."),
            said("abc", "The family was moving from a home at 1094 Misty Hollow Court."),
        ],
    )
    assert [values(c) for c in streets] == [["1094 Misty Hollow Court", "1094 Misty Hollow Lane"]]


def test_street_words_of_bare_mentions_or_written_both_ways_by_one_outlet_say_nothing() -> None:
    assert not place_conflicts(
        "s",
        [
            said("a", "Traffic was stopped on Main Street after the crash."),
            said("b", "The crash closed Main Avenue for hours."),
        ],
    )
    assert not place_conflicts(
        "s",
        [
            said("a", "Police went to a home on Skyline Road."),
            said("b", "Police went to a home on Skyline Drive."),
            said("b", "Skyline Road was closed too."),
        ],
    )


def test_two_ordinals_of_one_office_for_one_person_disagree_only_across_voices() -> None:
    fourth = "Cheeks, who was fired March 2 by Portland, is the fourth head coach since King came."
    fifth = (
        "Certainly, King knows about changes - Cheeks will be the fifth Sixers coach in four years."
    )
    (conflict,) = ordinal_conflicts("s", [said("espn", fourth), said("ap", fifth)])
    assert conflict.basis == "number" and values(conflict) == ["4th", "5th"]
    assert not ordinal_conflicts("s", [said("espn", fourth), said("espn", fifth)])
    # Not an office, or no named subject: no ordinal is compared.
    assert not ordinal_conflicts(
        "s",
        [
            said("a", "Smith is the fourth person charged in the case."),
            said("b", "He will be the fifth coach in four years."),
        ],
    )


def test_two_letters_swapped_are_one_slip_of_one_name() -> None:
    (conflict,) = found(
        said("may", "Partick McFarlane, 60, was shoveling snow.", voice="wqow", day="2015-05-04"),
        said(
            "mar", "The DNR named the dead man Patrick McFarlane.", voice="wqow", day="2015-03-08"
        ),
    )
    assert conflict.kind == "correction"
    assert values(conflict) == ["Patrick McFarlane (2015-03-08)", "Partick McFarlane (2015-05-04)"]
