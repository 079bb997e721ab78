"""The score of a game at one moment of its clock, told two ways: "Creighton would take its
first double-digit lead of the day at 45-35 on a pair of Artino free throws with 13:41 to go"
vs "two free throws that allowed Creighton to open a 45-36 lead with 13:41 to play" (ECB+
31_ecbplus, read on split fresh19's misses in session 18).

A game report marks its turns by the clock ("with 13:41 to play"), and at one moment of one
game the score is one. The figure rules read "45-35" as no measured thing, so this rule reads
the narrow frame itself and says less whenever it can:
- the score ("45-35", two counts joined by a hyphen or a dash) comes right before the clock:
  at most `_REACH` words between, no other score and no other clock between, and the clock is
  a game clock ("with 13:41 to play / to go / left / remaining"), not a time of day;
- the moment is the clock and the part of the game written after it ("left in the first
  half", "in the third quarter"); a clock with no part named is one moment only with another
  with no part named;
- a score in brackets is a team's record ("the Chiefs (2-13) came out and tied the game with
  6:00 minutes remaining") and is not read;
- a score is read as its two counts in order (45-35 and 35-45 are one score written from the
  other side, and agree);
- two independent voices, exactly two scores, no voice writes both (`two_forms_conflict`).
A story tells of one game (the clustering keeps games apart); a roundup of two games with one
clock moment told two ways would need more than this rule reads.
Read over every ECB+ and GVC story (each article its own voice; session 18), it reads 13
scores at a clock moment, all in three basketball and football stories, and reports one
conflict, the one above; the two other moments told by two articles (19-12 with 11:43 left in
the first half, 60-46 with 6:11 to go) agree, both in two copies of one release.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Sequence

from newsweave.align.conflict_base import Statement
from newsweave.align.place_conflicts import two_forms_conflict
from newsweave.model import Conflict

__all__ = ["clock_scores", "score_conflicts"]

_REACH = 12
_SCORE = re.compile(r"(?<![\w.,:/-])(?P<a>\d{1,3})[-\u2013](?P<b>\d{1,3})(?![\w.,:/-]\d)")
_CLOCK = re.compile(
    r"\bwith\s+(?:about\s+|just\s+)?(?P<clock>\d{1,2}:\d\d)\s+(?:minutes\s+)?"
    r"(?:to\s+play|to\s+go|left|remaining)\b(?P<part>\s+in\s+(?:the\s+)?"
    r"(?:first|second|third|fourth)\s+(?:half|quarter|period)|\s+in\s+(?:overtime|regulation))?"
)


def clock_scores(text: str) -> list[tuple[str, str]]:
    """(moment, score) of each score the sentence gives at a moment of the game clock."""
    out: list[tuple[str, str]] = []
    for clock in _CLOCK.finditer(text):
        if "about" in clock.group(0):
            continue  # a rounded clock is no moment
        before = text[: clock.start()]
        scores = list(_SCORE.finditer(before))
        if not scores:
            continue
        score = scores[-1]
        if text[score.end() : score.end() + 1] == ")":
            continue  # "the Chiefs (2-13)": a team's record, not the score
        between = before[score.end() :]
        if (
            len(between.split()) > _REACH
            or _CLOCK.search(between)
            or re.search(r"\d:\d\d", between)
        ):
            continue
        part = " ".join((clock["part"] or "").split())
        moment = f"{clock['clock']} left{(' ' + part) if part else ''}"
        a, b = int(score["a"]), int(score["b"])
        out.append((moment, f"{max(a, b)}-{min(a, b)}"))
    return out


def score_conflicts(story_id: str, statements: Sequence[Statement]) -> list[Conflict]:
    """Conflicts (basis "number") on the score of the game at one moment of its clock."""
    held: dict[str, dict[str, list[int]]] = defaultdict(lambda: defaultdict(list))
    for index, statement in enumerate(statements):
        for moment, score in clock_scores(statement.evidence.text):
            held[moment][score].append(index)
    out: list[Conflict] = []
    for moment, forms in sorted(held.items()):
        out += two_forms_conflict(
            story_id, f"score with {moment}", dict(forms), statements, mentions=False,
            basis="number",
        )  # fmt: skip
    return out
