"""The score of a game at one moment of its clock, told two ways (`align.score_conflicts`)."""

from __future__ import annotations

from newsweave.align.conflicts import find_conflicts
from newsweave.align.score_conflicts import clock_scores, score_conflicts
from newsweave.extract.numbers import extract_quantities
from newsweave.model import DateMention
from tests.align.statements import said

# ECB+ 31_ecbplus (names changed): one moment of one game, two scores.
THIRTY_FIVE = (
    "Crayton would take its first double-digit lead of the day at 45-35 on a pair of Arten "
    "free throws with 13:41 to go."
)
THIRTY_SIX = (
    "Arten scored four straight points on a dunk and two free throws that allowed Crayton to "
    "open a 45-36 lead with 13:41 to play."
)


def _no_dates(text: str, published: str | None) -> tuple[DateMention, ...]:
    return ()


def test_a_score_at_a_clock_moment() -> None:
    assert clock_scores(THIRTY_FIVE) == [("13:41 left", "45-35")]
    assert clock_scores("Arten made it 19-12 with 11:43 left in the first half.") == [
        ("11:43 left in the first half", "19-12")
    ]
    # Written from the other side, one score.
    assert clock_scores("Drake trailed 35-45 with 13:41 to play.") == [("13:41 left", "45-35")]


def test_one_moment_told_two_ways_conflicts() -> None:
    (conflict,) = score_conflicts("s", [said("a", THIRTY_FIVE), said("b", THIRTY_SIX)])
    assert [v.value for v in conflict.values] == ["45-35", "45-36"]
    assert conflict.basis == "number" and conflict.kind == "conflict"


def test_the_shipped_entry_point_reports_it() -> None:
    statements = [said("a", THIRTY_FIVE), said("b", THIRTY_SIX)]
    found = find_conflicts("s", statements, [0, 1], quantities=extract_quantities, dates=_no_dates)
    assert [[v.value for v in c.values] for c in found if c.topic.startswith("score")] == [
        ["45-35", "45-36"]
    ]


def test_what_is_no_moment_says_nothing() -> None:
    # A team's record in brackets, a rounded clock, a time of day, another half.
    assert not clock_scores("The Chiefs (2-13) came out and tied the game with 6:00 minutes left.")
    assert not clock_scores("Drake went on a 9-2 run and missed a trey with about 10:00 to play.")
    assert not clock_scores("Crayton improved to 25-7 and plays a 1:35 pm semifinal Saturday.")
    first_half = said("a", "Arten made it 45-35 with 13:41 left in the first half.")
    assert not score_conflicts("s", [first_half, said("b", THIRTY_SIX)])
    assert not score_conflicts("s", [said("a", THIRTY_FIVE), said("a", THIRTY_SIX)])
