"""How many points one named player scored in the game, told two ways: "Richard Carter had 12
points and four assists" vs "Richard Carter scored 14 points" (ECB+ 31_ecbplus, read on split
fresh19's misses in session 17).

A game report's box-score line gives each named player one count of points for the game. The
figure rules read "14 points" as a count of no named thing, so this rule reads the narrow
pattern itself and says less whenever it can:
- the count follows a scoring verb right after the player's surname ("Carter scored 14
  points", "Carter had 12 points");
- a sentence that scopes the count to a part of a game or to other games (a half, a quarter,
  minutes, a season, a career, an average, "last", "straight") is left out: those are other
  figures of the same player;
- two independent voices, two counts, and no voice writes both (`two_forms_conflict`).
Read over every ECB+ and GVC story (each article its own voice), it finds 34 such counts and
reports one conflict, the one above.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Sequence

from newsweave.align.conflict_base import Statement
from newsweave.align.place_conflicts import two_forms_conflict
from newsweave.model import Conflict

__all__ = ["game_points", "points_conflicts"]

_POINTS = re.compile(
    r"\b(?P<name>[A-Z][a-z]{1,20}(?:[A-Z][a-z]{1,20})?)\s{1,3}"
    r"(?:scored|had|added|finished\s{1,3}with|poured\s{1,3}in)\s{1,3}"
    r"(?:a\s{1,3}(?:game|career|season)-high\s{1,3})?(?P<count>\d{1,3})\s{1,3}points\b"
)
# Words that scope a count to a part of the game or to other games.
_SCOPE = re.compile(
    r"\b(?:half|halftime|quarter|period|inning|minutes|season|career|average|averaged|"
    r"averages|averaging|per\s{1,3}game|a\s{1,3}game|last|previous|earlier|week|straight|"
    r"consecutive|since|through)\b",
    re.IGNORECASE,
)


def game_points(text: str) -> list[tuple[str, int]]:
    """(surname, points) of each player's game count of points the sentence states."""
    if _SCOPE.search(text):
        return []
    return [(match["name"], int(match["count"])) for match in _POINTS.finditer(text)]


def points_conflicts(story_id: str, statements: Sequence[Statement]) -> list[Conflict]:
    """Conflicts (basis "number") on how many points one named player scored in the game."""
    held: dict[str, dict[str, list[int]]] = defaultdict(lambda: defaultdict(list))
    for index, statement in enumerate(statements):
        for name, value in game_points(statement.evidence.text):
            held[name][str(value)].append(index)
    out: list[Conflict] = []
    for name, forms in sorted(held.items()):
        topic = f"points {name} scored in the game"
        out += two_forms_conflict(
            story_id, topic, dict(forms), statements, mentions=False, basis="number"
        )
    return out
