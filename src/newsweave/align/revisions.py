"""One voice against its own earlier article: a correction, kept apart from a dispute.

Conflicts are reported between independent voices only, and an outlet's articles are one voice
(`dedupe.stage.one_voice_per_outlet`). So when one outlet writes "Louis Anaya" in August and
"Luis Anaya" in November, or a boy's age 16 in its first report and 15 in the coroner's ruling
a week later, no conflict can say so (session 10: three of fresh10's seven disagreements were of
this kind). A reader still needs to see it: the outlet's two articles cannot both be right.

`revisions` runs the very comparisons `find_conflicts` runs, once per voice, with that voice's
articles of each publication day taken as a voice of their own. What they find is reported as
`kind="correction"`: its values are labelled with the day that first stated them, in order, and
its evidence is the two articles' sentences. It is no dispute (`is_disagreement` is False: it
marks no claim disputed and the brief does not state it), and which value is right is not
decided; the later one is often the outlet's correction, sometimes its slip.

Only articles with known, different publication days are compared: articles of one day (or
undated) give no order, and one article stating two values is the figure rules' business
(a part and its total, two counts). A figure of a measure that grows (the dead, the arrested)
changing over days stays an update, so it is not reported here either.
"""

from __future__ import annotations

import dataclasses
from collections import defaultdict
from collections.abc import Callable, Sequence

from newsweave.align.conflict_base import Statement, make_conflict
from newsweave.ids import content_id
from newsweave.model import Conflict, ConflictValue, Evidence

__all__ = ["CORRECTION", "revisions"]

CORRECTION = "correction"

# Runs the comparisons over statements and their claim labels, with an index-based cosine.
Cosine = Callable[[int, int], float]
Compare = Callable[[Sequence[Statement], Sequence[int], Cosine | None], list[Conflict]]


def revisions(
    story_id: str,
    statements: Sequence[Statement],
    labels: Sequence[int],
    compare: Compare,
    *,
    cosine: Cosine | None = None,
    known: Sequence[Conflict] = (),
) -> list[Conflict]:
    """Corrections: what `compare` finds between one voice's articles of different days.

    `compare(statements, labels, cosine)` returns the conflicts of those statements (the
    caller's `find_conflicts` rules); `known` are the conflicts already found between voices,
    whose sentences a correction does not repeat."""
    by_voice: dict[str, list[int]] = defaultdict(list)
    for i, statement in enumerate(statements):
        if statement.day:
            by_voice[statement.voice].append(i)
    shown = [_evidence(c) for c in known]
    out: list[Conflict] = []
    for voice in sorted(by_voice):
        members = by_voice[voice]
        days = {statements[i].day for i in members}
        articles = {statements[i].evidence.article_id for i in members}
        if len(days) < 2 or len(articles) < 2:
            continue
        # Each day's articles speak as a voice of their own; the rules then compare the days.
        sub = [
            dataclasses.replace(statements[i], voice=f"{voice}@{statements[i].day}")
            for i in members
        ]
        sub_labels = [labels[i] for i in members] if labels else []
        sub_cosine = None
        if cosine is not None:
            sub_cosine = _restricted(cosine, members)
        day_of = {(s.evidence.article_id, s.evidence.span): s.day for s in sub}
        for conflict in compare(sub, sub_labels, sub_cosine):
            if conflict.kind != "conflict":
                continue  # a dated series of a growing figure stays an update
            evidence = _evidence(conflict)
            if any(evidence <= other for other in shown):
                continue
            if not _days_apart(conflict, day_of):
                continue  # a day's articles state both values: no earlier and later account
            out.append(_correction(story_id, conflict, day_of))
    return out


def _restricted(
    cosine: Callable[[int, int], float], members: list[int]
) -> Callable[[int, int], float]:
    return lambda i, j: cosine(members[i], members[j])


# The publication day of each statement's sentence, by (article id, span).
DayOf = dict[tuple[str, tuple[int, int]], str]


def _days_apart(conflict: Conflict, day_of: DayOf) -> bool:
    """Whether no day states two of the conflict's values (ECB+/GVC test half: one outlet's
    two lists of the year's homicides, each dating "Jan. 5" to two years, are no correction)."""
    seen: set[str] = set()
    for value in conflict.values:
        days = {day_of.get((e.article_id, e.span), "") for e in value.evidence}
        if days & seen:
            return False
        seen |= days
    return True


def _evidence(conflict: Conflict) -> frozenset[tuple[str, tuple[int, int]]]:
    return frozenset((e.article_id, e.span) for v in conflict.values for e in v.evidence)


def _correction(story_id: str, conflict: Conflict, day_of: DayOf) -> Conflict:
    """The conflict's values in the order the voice first stated them, each labelled with
    that day: "16 (2016-09-18)", "15 (2016-09-25)"."""

    def first_day(evidence: Sequence[Evidence]) -> str:
        return min((day_of.get((e.article_id, e.span), "") for e in evidence), default="")

    ordered = sorted(conflict.values, key=lambda v: (first_day(v.evidence), v.value))
    values = tuple(
        ConflictValue(value=f"{v.value} ({first_day(v.evidence)})", evidence=v.evidence)
        for v in ordered
    )
    topic = f"{conflict.topic}, as one outlet's later article states it"
    conflict_id = content_id("x", story_id, CORRECTION, topic, *(v.value for v in values))
    return make_conflict(
        conflict_id, story_id, topic, values, kind=CORRECTION, basis=conflict.basis
    )
