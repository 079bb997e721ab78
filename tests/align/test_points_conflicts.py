"""How many points one named player scored in the game, told two ways
(`align.points_conflicts`), and the whole of a rate ("8 of 14 shots") read as no disputable
count (`align.quantities`)."""

from __future__ import annotations

from newsweave.align.conflicts import find_conflicts
from newsweave.align.points_conflicts import game_points, points_conflicts
from newsweave.extract.numbers import extract_quantities
from newsweave.model import DateMention
from tests.align.statements import said

# ECB+ 31_ecbplus (names changed): two box-score lines of one game.
TWELVE = "Drake was paced by 13 points from Sam Vance, while Rick Carver had 12 points."
FOURTEEN = "Rick Carver scored 14 points and Sam Vance scored 13 for the Bulldogs."


def _no_dates(text: str, published: str | None) -> tuple[DateMention, ...]:
    return ()


def test_one_players_points_told_two_ways_conflict() -> None:
    (conflict,) = points_conflicts("s", [said("a", TWELVE), said("b", FOURTEEN)])
    assert [v.value for v in conflict.values] == ["12 points", "14 points"]
    assert conflict.basis == "number" and conflict.kind == "conflict"


def test_the_shipped_entry_point_reports_it() -> None:
    statements = [said("a", TWELVE), said("b", FOURTEEN)]
    found = find_conflicts("s", statements, [0, 1], quantities=extract_quantities, dates=_no_dates)
    assert [[v.value for v in c.values] for c in found if c.topic.startswith("points")] == [
        ["12 points", "14 points"]
    ]


def test_a_part_of_the_game_another_game_and_one_voice_say_nothing() -> None:
    assert not game_points("The Jays led 33-26 at the half, paced by Carver, who had 13 points.")
    assert not game_points("Carver had 20 points in last week's win.")
    assert not game_points("Carver is averaging 14 points a game this season.")
    assert not points_conflicts("s", [said("a", TWELVE), said("a", FOURTEEN)])


def test_the_whole_of_a_rate_disputes_no_count() -> None:
    statements = [
        said("a", "He made 8 of 14 shots from the field and grabbed seven rebounds."),
        said("b", "Gibbs ended the run with two charity shots to pull away."),
    ]
    found = find_conflicts("s", statements, [0, 1], quantities=extract_quantities, dates=_no_dates)
    assert not found
