"""The body whose office one named person holds, written two ways (`align.office_conflicts`): a
conflict only when one last word of one body's name differs, between independent voices that
never write the other form; else nothing."""

from __future__ import annotations

from newsweave.align.office_conflicts import office_conflicts, offices
from tests.align.statements import said

# ECB+ 27_ecb (names changed): AFP against a blog post.
CENTER = (
    "Writing in a company blog, Mike Reavy, director of the Macrosoft Security Response Center, "
    "urged users to deploy the update."
)
ALLIANCE = (
    "The patch will be applied automatically, according to Macrosoft Security Response Alliance "
    "director Mike Reavy."
)


def test_one_persons_body_named_two_ways_conflicts() -> None:
    found = office_conflicts("s", [said("a", CENTER), said("b", ALLIANCE)])
    assert [(c.topic, [v.value for v in c.values], c.basis) for c in found] == [
        (
            "body whose office Mike Reavy holds",
            ["Macrosoft Security Response Alliance", "Macrosoft Security Response Center"],
            "name",
        )
    ]


def test_titles_are_read_both_ways() -> None:
    assert offices(CENTER) == [("Mike Reavy", "Macrosoft Security Response", "Center")]
    assert offices(ALLIANCE) == [("Mike Reavy", "Macrosoft Security Response", "Alliance")]


def test_two_bodies_of_other_names_one_voice_or_a_voice_writing_both_say_nothing() -> None:
    police = "Los Angeles Police Department spokesman Tom Hill said."
    fire = "Los Angeles Fire Department spokesman Tom Hill said."
    assert office_conflicts("s", [said("a", police), said("b", fire)]) == []  # no body word
    assert office_conflicts("s", [said("a", CENTER), said("b", ALLIANCE, voice="a")]) == []
    both = "He also chairs the Macrosoft Security Response Alliance."
    statements = [said("a", CENTER), said("a2", both, voice="a"), said("b", ALLIANCE)]
    assert office_conflicts("s", statements) == []
