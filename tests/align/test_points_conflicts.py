"""How many points one named player scored in the game, told two ways
(`align.points_conflicts`), and the whole of a rate ("8 of 14 shots") read as no disputable
count (`align.quantities`)."""

from __future__ import annotations

from newsweave.align.conflicts import find_conflicts
from newsweave.align.points_conflicts import game_points, points_conflicts
from newsweave.align.record_conflicts import held_records, record_conflicts, running_totals
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
    assert [v.value for v in conflict.values] == ["12", "14"]
    assert conflict.basis == "number" and conflict.kind == "conflict"


def test_the_shipped_entry_point_reports_it() -> None:
    statements = [said("a", TWELVE), said("b", FOURTEEN)]
    found = find_conflicts("s", statements, [0, 1], quantities=extract_quantities, dates=_no_dates)
    assert [[v.value for v in c.values] for c in found if c.topic.startswith("points")] == [
        ["12", "14"]
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


# ECB+ 31_ecbplus (names changed): a record and a running total, each told two ways.
RECORD_A = "Lane broke Rod Barford's school scoring record of 2,116 points with a free throw."
RECORD_B = "He came in needing 11 points to break Rod Barford's scoring record of 2,106."
TOTAL_A = "McLane, a junior, now has 2,129 points-13 more than Rod Barford."
TOTAL_B = "McLane now has 2,029 points in 106 games as a Bluejay."


def test_a_named_record_and_a_running_total_told_two_ways_conflict() -> None:
    assert held_records(RECORD_A) == [("Barford", "2,116")]
    assert running_totals(TOTAL_B) == [("McLane", "points", "2,029")]
    statements = [said("a", RECORD_A), said("b", RECORD_B), said("a", TOTAL_A), said("b", TOTAL_B)]
    found = record_conflicts("s", statements)
    assert sorted([v.value for v in c.values] for c in found) == [
        ["2,029", "2,129"],
        ["2,106", "2,116"],
    ]


def test_one_voice_or_two_days_say_nothing() -> None:
    assert not record_conflicts("s", [said("a", RECORD_A), said("a", RECORD_B)])
    monday = said("a", TOTAL_A, day="2013-03-08")
    tuesday = said("b", TOTAL_B, day="2013-03-09")
    assert not record_conflicts("s", [monday, tuesday])
