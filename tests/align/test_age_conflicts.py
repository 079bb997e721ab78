"""A named person's age told two ways (`align.age_conflicts`)."""

from __future__ import annotations

from newsweave.align.age_conflicts import age_conflicts, named_ages
from newsweave.align.conflicts import find_conflicts
from newsweave.extract.numbers import extract_quantities
from newsweave.model import DateMention
from tests.align.statements import said

# ECB+ 22_ecb (names changed): one suspect's age at her arrest, told two ways.
SIXTY = (
    "Sixty-year-old Sharon Diane Crawley Smythe is now accused of murdering two women at an "
    "ice cream store in 1967."
)
SIXTY_ONE = "Police Chief Jim Walsh announced 61-year-old Sharon Diane Crawley Smythe was arrested."
AGE_61 = "Police have arrested and charged Sharon Smythe, age 61, with two counts of murder."


def _no_dates(text: str, published: str | None) -> tuple[DateMention, ...]:
    return ()


def test_the_forms_of_a_named_age() -> None:
    assert named_ages(SIXTY) == [("Sharon Smythe", 60)]
    assert named_ages(SIXTY_ONE) == [("Sharon Smythe", 61)]
    assert named_ages(AGE_61) == [("Sharon Smythe", 61)]
    assert named_ages("Tara Reid, 33, who starred in the film, entered rehab.") == [
        ("Tara Reid", 33)
    ]


def test_one_persons_age_told_two_ways_conflict() -> None:
    statements = [said("a", SIXTY), said("b", SIXTY_ONE), said("c", AGE_61)]
    (conflict,) = age_conflicts("s", statements)
    assert [v.value for v in conflict.values] == ["60", "61"]
    assert conflict.basis == "number" and conflict.kind == "conflict"
    assert conflict.topic == "age of Sharon Smythe"


def test_the_shipped_entry_point_reports_it() -> None:
    statements = [said("a", SIXTY), said("b", SIXTY_ONE)]
    found = find_conflicts("s", statements, [0, 1], quantities=extract_quantities, dates=_no_dates)
    assert [[v.value for v in c.values] for c in found if c.topic.startswith("age of")] == [
        ["60", "61"]
    ]


def test_no_name_no_person() -> None:
    # An unnamed "60-year-old woman", a bare surname, a place or a school before a person noun.
    assert not named_ages("A 60-year-old woman charged with killing two women was released.")
    assert not named_ages("Smythe, 60, was released.")
    assert not named_ages("Police say a 35-year-old New Bedford man stabbed his ex-girlfriend.")
    assert not named_ages("A 16-year-old Bladensburg High School student was fatally shot.")
    assert not named_ages("The pin-up star has died in Los Angeles, aged 85.")


def test_two_people_of_one_surname_are_two() -> None:
    statements = [
        said("a", "Police found 54-year-old Mark Mata and 6-year-old Hank Mata."),
        said("b", "Mark Mata, 54, and his son Hank Mata, 6, were found."),
    ]
    assert not age_conflicts("s", statements)


def test_an_age_of_another_time_says_nothing() -> None:
    # ECB+ 16_ecbplus (names changed): sought at 27 in 2005, convicted at 29 in 2007.
    sought = said("a", "Authorities were still searching for Jose Luis Orosco, 27, on Friday.")
    convicted = said("b", "The jury found Jose Luis Orosco, 29, guilty of first-degree murder.")
    assert not age_conflicts("s", [sought, convicted])
    assert not named_ages("Jose Orosco, then 25, moved to the city.")
    # Told a month apart: a birthday may fall between.
    early = said("a", "Herb Latten, 31, was hunting with his son.", day="2016-11-27")
    late = said("b", "Herb Latten, 32, was remembered at a vigil.", day="2016-12-29")
    assert not age_conflicts("s", [early, late])
    assert age_conflicts("s", [early, said("b", "Herb Latten, 35, died.", day="2016-11-28")])


def test_one_voice_writing_both_says_nothing() -> None:
    assert not age_conflicts("s", [said("a", SIXTY), said("a", SIXTY_ONE)])
