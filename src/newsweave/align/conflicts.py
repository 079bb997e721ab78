"""Disagreements between independent outlets: figures, negations and dates that are incompatible.

A `Conflict` is reported only when at least two independent voices (copies and rewrites of one
text are one voice: `Statement.voice`) take incompatible positions on one thing. Its `values`
are the positions, each with the sentences (hence articles and outlets) that hold it; its
`basis` says why it is a disagreement:
- "number": two figures of the same measured thing (`align.quantities`: same measure, part,
  unit, entity; not background) whose ranges do not meet ("306" vs "302 electoral votes for
  Biden"; "about 300" vs 302 meet, so they agree);
- "negation": a count against its negation ("12 killed" vs "no casualties"), or an aligned
  claim affirmed by one voice and negated by another ("confirmed" vs "denied");
- "date": an aligned claim dated to different days;
- "time": two clock times of one happening ("broke out about 8.40pm" vs "at 8.49pm") whose
  windows (hedges and round times are tolerances, stated zones converted) do not meet;
- "name": one name spelt two ways by independent voices ("Kendal" / "Kendall Pinkerton"), or
  the body a named person holds an office in named two ways (`align.office_conflicts`:
  "director of the Microsoft Security Response Center" / "... Response Alliance director");
- "place" (`align.place_conflicts`): one address with two street words ("1094 Misty Hollow
  Lane" / "Court"), a named person of two home towns ("LaSalle, 36, of Minneapolis" / "of
  Bloomington");
- "date" (`align.dated_conflicts`): one happening of one thing dated to two years or months
  ("sold for $30 million in 1957" / "in 1967"; "the 2005 film" / "the 2006 HBO movie" of one
  title; "launched ... called Mantra in December" / "in September");
- "date" (`align.act_days`): one shooting, stabbing or killing of one person placed at two
  times that cannot meet, each day resolved against its own article's publication day ("On
  Saturday night, Ezekiel Melendez was shot" / "shot and killed his 9-year-old brother ...
  Saturday afternoon");
- "date" (`align.span_conflicts`): when one long-standing thing began, as a span against its
  article's year and as a start ("consultations ... performed for 35 years" in 2009 /
  "requirement _ dating back to 1986 _ of interagency consultation");
- "sex", "wound", "time", "date", "weapon" (`align.slot_conflicts`): statements about one thing
  (close in meaning) that fill one typed slot two ways: "an 11-year-old girl" vs "boy", a wound
  to the shoulder vs the chest, "Saturday night" vs "Saturday afternoon", "in 2009" vs "in
  2010", a ".22-caliber" vs a ".40-caliber" gun. Only when the caller gives `cosine`;
- "death" (`align.death_conflicts`): the cause or the place of one named person's death told
  two ways ("died of heart failure ... at his home" vs "died from Alzheimer's disease at a
  hospice");
- "state", "charge" (`align.state_conflicts`, on the dependency parse): one person dead in one
  outlet and alive ("on life support") in another, or charged with murder in one and
  manslaughter in another. Only with `cosine` and spaCy's parser.
A figure that changes across the story's days (10 dead on Monday, 15 on Tuesday) is an
"update" (`kind="update"`), its values labelled with their dates: a dated series, never a
dispute. One outlet whose later article states a thing otherwise than its earlier one ("Louis"
in August, "Luis" in November) is a "correction" (`align.revisions`, `kind="correction"`): the
same rules, run between that voice's days; no dispute either. Rounding and hedges are
agreement and are not reported.

The claims side calls `find_conflicts(story_id, statements, labels)` with every claim sentence
of one story (`labels[i]`: the aligned claim of sentence i; figures do not need it, negation and
date conflicts compare only sentences of one claim), then `disputed_statements` to mark claims.

This module is the entry point; the work is split by responsibility:
- `align.conflict_base`: the config, `Statement`, the extractors, the `Conflict` built;
- `align.figure_conflicts`: figures of one measured thing (disputes and dated updates), among
  them how long one act lasted (`align.act_spans`) and the temperature at the happening
  (`align.temperatures`);
- `align.claim_conflicts`: negation and dates of one aligned claim;
- `align.clock_conflicts`: the time of day of one happening;
- `align.name_conflicts`: the spelling of one name;
- `align.place_conflicts`: the street of one address, a person's home town;
- `align.office_conflicts`: the body whose office a named person holds;
- `align.ordinal_conflicts`: which holder of an office a named person is ("the fifth coach");
- `align.dated_conflicts`: the year or month of one happening of one thing;
- `align.act_days`: the day (and part of it) of one shooting, stabbing or killing of one person;
- `align.span_conflicts`: the start of one long-standing thing ("for 35 years" / "since 1986");
- `align.count_conflicts`: how many times one named person married or divorced;
- `align.points_conflicts`: how many points one named player scored in the game;
- `align.record_conflicts`: the record a named person holds, a named person's running total;
- `align.age_conflicts`: a named person's age at the telling;
- `align.score_conflicts`: the score of a game at one moment of its clock;
- `align.death_conflicts`: the cause and the place of one named person's death;
- `align.slot_conflicts`: typed slots of statements about one thing;
- `align.state_conflicts`: a person's state and charge, read on the parse.
The claims stage also runs these rules across the stories of one storyline
(`align.storyline_conflicts`): what time does not change (a name, a date, a death, an address)
told two ways in two stories that clustering split from one matter.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Collection, Iterable, Sequence

from newsweave.align.act_days import act_day_conflicts
from newsweave.align.age_conflicts import age_conflicts
from newsweave.align.claim_conflicts import claim_conflicts
from newsweave.align.clock_conflicts import clock_conflicts
from newsweave.align.conflict_base import (
    DISAGREEMENT_BASES,
    ConflictConfig,
    DateExtractor,
    QuantityExtractor,
    Statement,
    default_date_extractor,
    default_quantity_extractor,
    is_disagreement,
)
from newsweave.align.count_conflicts import count_conflicts
from newsweave.align.dated_conflicts import dated_conflicts
from newsweave.align.death_conflicts import death_conflicts
from newsweave.align.figure_conflicts import (
    PairRelation,
    compare_mentions,
    figure_conflicts,
    figure_frame,
    statement_frames,
)
from newsweave.align.name_conflicts import name_conflicts
from newsweave.align.office_conflicts import office_conflicts
from newsweave.align.ordinal_conflicts import ordinal_conflicts
from newsweave.align.place_conflicts import place_conflicts
from newsweave.align.points_conflicts import points_conflicts
from newsweave.align.quantities import same_measure
from newsweave.align.record_conflicts import record_conflicts
from newsweave.align.revisions import revisions
from newsweave.align.score_conflicts import score_conflicts
from newsweave.align.slot_conflicts import SLOT_BASES, Cosine, slot_conflicts
from newsweave.align.span_conflicts import span_conflicts
from newsweave.align.state_conflicts import STATE_BASES, state_conflicts
from newsweave.model import Conflict, DateMention

__all__ = [
    "DISAGREEMENT_BASES",
    "ConflictConfig",
    "PairRelation",
    "Statement",
    "compare_mentions",
    "default_date_extractor",
    "default_quantity_extractor",
    "disputed_statements",
    "figure_frame",
    "find_conflicts",
    "is_disagreement",
    "same_measure",
    "statement_frames",
]


def find_conflicts(
    story_id: str,
    statements: Sequence[Statement],
    labels: Sequence[int],
    *,
    config: ConflictConfig | None = None,
    quantities: QuantityExtractor | None = None,
    dates: DateExtractor | None = None,
    cosine: Cosine | None = None,
    bases: Collection[str] | None = None,
) -> tuple[Conflict, ...]:
    """Disagreements and updates among one story's statements, sorted by id, name spellings
    last: a reader (and the brief, which states the first few) needs the disputed figures and
    facts before how a name is written. `cosine(i, j)` (the embedding cosine of statements i
    and j) tells which statements are about one thing for the typed slots; without it they are
    not compared. With `bases`, only the conflicts and corrections of those bases (no update:
    it has none), as the whole call would give them, and only the rules that can give one run
    (the storyline pass keeps four bases: over the ~100 storylines of a 10,000-article report,
    asking for them alone took it from 26.9 to 6.1 CPU s, the figure rules most of the rest)."""
    config = config or ConflictConfig()
    quantities = quantities or default_quantity_extractor()
    dates = dates or default_date_extractor()
    day_dates = _read_once(dates) if dates is not None else None

    def asked(*given: str | None) -> bool:
        """Whether a rule that gives conflicts of these bases is to run."""
        return bases is None or any(b in bases for b in given)

    def compare_some(
        these: Sequence[Statement],
        these_labels: Sequence[int],
        these_cosine: Cosine | None,
        runs: Callable[..., bool] = asked,
    ) -> list[Conflict]:
        # Each rule runs when `runs` holds for the bases it can give (tests/align/
        # test_conflict_bases.py checks them against the whole call's).
        found: list[Conflict] = []
        if quantities is not None and runs("number", "negation", None):
            found += figure_conflicts(story_id, these, quantities, dates, config)
        if runs("negation", "date"):
            found += claim_conflicts(story_id, these, these_labels, day_dates, config)
        if runs("time"):
            found += clock_conflicts(story_id, these, config)
        if runs("name"):
            found += name_conflicts(story_id, these, config)
        if runs("place"):
            found += place_conflicts(story_id, these)
        if runs("number"):
            found += ordinal_conflicts(story_id, these)
        if runs("name"):
            found += office_conflicts(story_id, these)
        if runs("date"):
            found += dated_conflicts(story_id, these)
            found += act_day_conflicts(story_id, these, day_dates)
            found += span_conflicts(story_id, these)
        if runs("number"):
            found += count_conflicts(story_id, these)
            found += points_conflicts(story_id, these)
            found += record_conflicts(story_id, these)
            found += score_conflicts(story_id, these)
            found += [c for c in age_conflicts(story_id, these) if not _already_told(c, found)]
        if runs("death"):
            found += death_conflicts(story_id, these)
        if these_cosine is not None:
            if runs(*SLOT_BASES):
                found += slot_conflicts(story_id, these, these_cosine, config)
            if runs(*STATE_BASES):
                found += state_conflicts(story_id, these, these_cosine, config)
        return found

    def compare(
        these: Sequence[Statement], these_labels: Sequence[int], these_cosine: Cosine | None
    ) -> list[Conflict]:
        return compare_some(these, these_labels, these_cosine)

    found = compare(statements, labels, cosine)
    if config.report_corrections:
        fixes = revisions(story_id, statements, labels, compare, cosine=cosine, known=found)
        if fixes and bases is not None:
            # A correction is not told where a conflict of any basis already holds its
            # sentences (`revisions`' `known`): the rules left out run, for that only, when
            # there is a correction to check.
            others = compare_some(statements, labels, cosine, lambda *given: not asked(*given))
            fixes = revisions(
                story_id, statements, labels, compare, cosine=cosine, known=[*found, *others]
            )
        found += fixes
    if bases is not None:
        found = [c for c in found if c.basis in bases]
    unique = {c.id: c for c in found}
    return tuple(unique[k] for k in sorted(unique, key=lambda k: (unique[k].basis == "name", k)))


def _read_once(dates: DateExtractor) -> DateExtractor:
    """`dates` read once per (text, publication day) for one `find_conflicts` call: the claim
    rules date each claim's sentences for the story whole and again for each voice's days
    (`revisions`; 1.8 of 53 profiled s in the biggest stories of a 10,000-article +1 % step,
    session 20). Not handed to the figure rules, whose kept frames are keyed on the extractor
    itself; a failure is not kept (the caller's guard sees it each time, as before)."""
    found: dict[tuple[str, str | None], Sequence[DateMention]] = {}

    def read(text: str, published: str | None) -> Sequence[DateMention]:
        key = (text, published)
        if key not in found:
            found[key] = dates(text, published)
        return found[key]

    return read


def _already_told(conflict: Conflict, found: Sequence[Conflict]) -> bool:
    """Whether another conflict already holds the same values on the same sentences (the figure
    rules read some named ages themselves: "age of Herbert N. Lattin" is "age of Herbert
    Lattin")."""

    def positions(c: Conflict) -> set[tuple[str, str, tuple[int, int]]]:
        return {(v.value, e.article_id, e.span) for v in c.values for e in v.evidence}

    mine = positions(conflict)
    values = {v.value for v in conflict.values}
    return any(
        mine <= positions(other)
        or (other.topic == conflict.topic and {v.value for v in other.values} == values)
        for other in found
        if other.kind == conflict.kind
    )


def disputed_statements(statements: Sequence[Statement], conflicts: Iterable[Conflict]) -> set[int]:
    """Indices of statements that hold a position in a disagreement (not an update).

    A name's spelling is no position on what a sentence states: "Kendal Pinkerton was
    critically injured" and "the child, identified as Kendall Pinkerton, was taken to ..." do
    not dispute the injury, so name conflicts mark no statement (the claims side would make
    their sentences one disputed claim)."""
    index: dict[tuple[str, tuple[int, int]], list[int]] = defaultdict(list)
    for i, s in enumerate(statements):
        index[(s.evidence.article_id, s.evidence.span)].append(i)
    out: set[int] = set()
    for conflict in conflicts:
        if not is_disagreement(conflict) or conflict.basis in ("name", "place"):
            continue
        for value in conflict.values:
            for evidence in value.evidence:
                out.update(index.get((evidence.article_id, evidence.span), ()))
    return out
