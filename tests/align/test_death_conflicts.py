"""The cause and the place of one named person's death, told two ways (`align.death_conflicts`):
a conflict only for one person, between independent voices; else nothing."""

from __future__ import annotations

from newsweave.align.conflicts import find_conflicts
from newsweave.align.death_conflicts import death_conflicts, deaths
from newsweave.extract.numbers import extract_quantities
from newsweave.model import DateMention
from tests.align.statements import said

# ECB+ 28_ecb (names changed): one obituary against the others.
HOSPICE = (
    "W. Mark Fell, Sr., the number 2 man at the FBI during the Watergate scandal, died yesterday "
    "from Alzheimer's disease at a hospice near his home in Santa Rosa, California."
)
HOME = (
    "A controversial figure who was later convicted of authorizing illegal activities, Fell died "
    "of heart failure Thursday at his home in Santa Rosa, Calif., his grandson Rob Jones said."
)


def test_one_persons_cause_and_place_of_death_told_two_ways_conflict() -> None:
    found = death_conflicts("s", [said("a", HOSPICE), said("b", HOME)])
    assert [(c.topic, [v.value for v in c.values]) for c in found] == [
        ("cause of death of Fell", ["dementia", "heart"]),
        ("place of death of Fell", ["home", "hospice"]),
    ]
    assert all(c.basis == "death" and c.kind == "conflict" for c in found)


def test_the_shipped_entry_point_reports_it() -> None:
    def no_dates(text: str, published: str | None) -> tuple[DateMention, ...]:
        return ()

    statements = [said("a", HOSPICE), said("b", HOME)]
    found = find_conflicts("s", statements, [0, 1], quantities=extract_quantities, dates=no_dates)
    assert {c.topic for c in found if c.basis == "death"} == {
        "cause of death of Fell",
        "place of death of Fell",
    }


def test_who_died_is_the_named_subject() -> None:
    assert deaths("Fell died of congestive heart failure.") == [("Fell", "cause", "heart")]
    # A grandson who tells of the death did not die; a pronoun and a town name no one.
    assert not deaths("Rob Jones, Fell's grandson, said his grandfather died at his home.")
    assert not deaths("He died of cancer in 2002.")
    assert not deaths("A 15-year-old boy from the Town of Shelby has died from a gunshot wound.")
    assert not deaths("I thought he died of a heart attack.")


def test_causes_of_one_class_triggers_and_two_people_say_nothing() -> None:
    attack = said("a", "Page died Thursday of a heart attack.")
    failure = said("b", "Page died of heart failure at a Los Angeles hospital.")
    assert not death_conflicts("s", [attack, failure])
    # "complications of" names a trigger, not the cause; a hospital and a hospice can be one.
    complication = said("c", "Page died of complications of pneumonia at a hospice.")
    assert not death_conflicts("s", [attack, complication])
    assert not deaths("Page died of natural causes.")
    # Another person's death (a rival who died years before) is not this one's.
    rival = said("d", "It was the same place where rival boss John Gotti died of cancer in 2002.")
    assert not death_conflicts("s", [attack, rival])


def test_one_voice_or_a_voice_writing_both_says_nothing() -> None:
    assert not death_conflicts("s", [said("a", HOSPICE, "ap"), said("b", HOME, "ap")])
    both = said("c", "Fell died of heart failure, his family said.", "wp")
    found = death_conflicts("s", [said("a", HOSPICE, "wp"), both, said("b", HOME, "la")])
    assert [c.topic for c in found] == ["place of death of Fell"]
