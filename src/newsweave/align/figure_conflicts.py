"""Figures that disagree: two values of one measured thing stated by independent voices.

Every figure of a story's statements becomes a `QuantityFrame` (`align.quantities`: what it
measures, of which entity, hedged how); figures of one measure are compared pairwise. Values
whose ranges do not meet are a dispute when two voices state them on one day (or undated), and
an update (a dated series) when they do so only on different days and the measure is one that
grows with the news (deaths, arrests ...). A magnitude or a population does not grow: different
values of it are a dispute whatever the days.
"""

from __future__ import annotations

import functools
from collections import OrderedDict, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from typing import Literal, TypeVar

from newsweave.align.conflict_base import (
    ConflictConfig,
    DateExtractor,
    QuantityExtractor,
    Statement,
    components,
    days_apart,
    default_date_extractor,
    default_quantity_extractor,
    guarded,
    make_conflict,
    story_days,
)
from newsweave.align.measure_words import CUMULATIVE_MEASURES, ONE_DAY_MEASURES
from newsweave.align.quantities import (
    QuantityFrame,
    QuantityLike,
    Relation,
    block_frames,
    frames_of,
    listed_ages,
    relate,
    same_measure,
    zero_frames,
)
from newsweave.align.quantity_time import (
    in_other_time,
    is_hypothetical_at,
    on_another_weekday,
    other_times,
)
from newsweave.align.temperatures import TEMPERATURE, temperature_frames, temperature_relation
from newsweave.ids import content_id
from newsweave.model import Conflict, ConflictValue, Evidence

__all__ = [
    "PairRelation",
    "compare_mentions",
    "figure_conflicts",
    "figure_frame",
    "held_frames",
    "held_quantities",
    "hold_frames",
    "hold_quantities",
    "read_quantities",
    "statement_frames",
]

PairRelation = Literal["agree", "rounding", "conflict", "update", "different"]


# Measures of one named person that no weekday scopes: how far a person fell (compared only
# between falls of one person, `quantities.same_measure`) and a named age. "On Friday,
# 36-year-old Duncan Raite died after ... falling about 60 metres" in a story whose sentences
# mostly tell of Saturday's second death (ECB+ 23_ecbplus) is still Raite's fall.
_ANY_DAY = frozenset({"fall", "age"})


@dataclass(slots=True)
class _Position:
    """One stated value of one measured thing, with every statement that states it."""

    frame: QuantityFrame
    members: list[int]


# What a sentence's figures read as, kept per process (least recently used first) and handed
# between runs (`align.claims` keeps them in a store beside the parses): a story is compared
# whole and again per voice (`conflicts.find_conflicts`), and aligned again in each run an
# article joins it. The frames of a sentence are a function of its text, its publication day
# (the anchor of its time expressions), the two extractors and the config's tolerances alone.
FrameKey = tuple[str, str | None]  # (sentence text, publication day or None)
READING_CACHE_ENTRIES = 20_000
_held_quantities: OrderedDict[tuple[QuantityExtractor, str], Sequence[QuantityLike]] = OrderedDict()
_held_frames: OrderedDict[tuple[object, ...], tuple[QuantityFrame, ...]] = OrderedDict()


def _frame_reader(
    quantities: QuantityExtractor, dates: DateExtractor | None, config: ConflictConfig
) -> tuple[object, ...]:
    return (quantities, dates, config.rounding_tolerance, config.conversion_tolerance)


_K = TypeVar("_K")
_V = TypeVar("_V")


def _kept(held: OrderedDict[_K, _V], key: _K, value: _V) -> None:
    held[key] = value
    held.move_to_end(key)
    while len(held) > READING_CACHE_ENTRIES:
        held.popitem(last=False)


def read_quantities(quantities: QuantityExtractor, text: str) -> Sequence[QuantityLike]:
    """`quantities(text)`, read once per process (a failure is raised and not kept)."""
    key = (quantities, text)
    found = _held_quantities.get(key)
    if found is None:
        found = quantities(text)
        _kept(_held_quantities, key, found)
    return found


def held_quantities(
    quantities: QuantityExtractor, texts: Iterable[str]
) -> dict[str, Sequence[QuantityLike]]:
    """The figures this process read of `texts`, for a caller that keeps them beyond it."""
    return {t: f for t in texts if (f := _held_quantities.get((quantities, t))) is not None}


def hold_quantities(
    quantities: QuantityExtractor, found: Iterable[tuple[str, Sequence[QuantityLike]]]
) -> None:
    """Hold what `quantities` read of these texts elsewhere (`held_quantities` of another
    process or run): `read_quantities` then finds them."""
    for text, values in found:
        _kept(_held_quantities, (quantities, text), values)


def held_frames(
    quantities: QuantityExtractor,
    dates: DateExtractor | None,
    config: ConflictConfig,
    keys: Iterable[FrameKey],
) -> dict[FrameKey, tuple[QuantityFrame, ...]]:
    """The frames this process read of these (text, day) sentences (`statement_frames`)."""
    reader = _frame_reader(quantities, dates, config)
    return {k: f for k in keys if (f := _held_frames.get((*reader, *k))) is not None}


def hold_frames(
    quantities: QuantityExtractor,
    dates: DateExtractor | None,
    config: ConflictConfig,
    frames: Iterable[tuple[FrameKey, tuple[QuantityFrame, ...]]],
) -> None:
    """Hold frames read elsewhere (`held_frames`): `statement_frames` then reads them."""
    reader = _frame_reader(quantities, dates, config)
    for key, found in frames:
        _kept(_held_frames, (*reader, *key), found)


def statement_frames(
    statements: Sequence[Statement],
    quantities: QuantityExtractor,
    dates: DateExtractor | None,
    config: ConflictConfig,
) -> list[tuple[int, QuantityFrame]]:
    """(statement index, frame) of every figure that measures something of this happening."""
    reader = _frame_reader(quantities, dates, config)
    frames: dict[tuple[str, str | None], tuple[QuantityFrame, ...]] = {}
    out: list[tuple[int, QuantityFrame]] = []
    main_day, other_articles = story_days(statements)
    for index, statement in enumerate(statements):
        text = statement.evidence.text
        # Of a day the story's other sentences are not about: its figures are another day's,
        # but for a named person's own (see `_ANY_DAY`).
        other_day = (
            on_another_weekday(text, main_day) or statement.evidence.article_id in other_articles
        )
        day = statement.day or None
        if (text, day) not in frames:
            held = _held_frames.get((*reader, text, day))
            if held is None:
                found = guarded(lambda: read_quantities(quantities, text))  # noqa: B023
                held = tuple(_sentence_frames(text, found, day, dates, config))
                _kept(_held_frames, (*reader, text, day), held)
            frames[(text, day)] = held
        out.extend(
            (index, frame)
            for frame in frames[(text, day)]
            if not other_day or frame.measure in _ANY_DAY
        )
    return out


def _sentence_frames(
    text: str,
    found: Sequence[QuantityLike],
    day: str | None,
    dates: DateExtractor | None,
    config: ConflictConfig,
) -> list[QuantityFrame]:
    """The frames of one sentence's figures and negated counts, background ones left out."""
    frames = [f for f in zero_frames(text) if not is_hypothetical_at(text, f.span)]
    marks = other_times(text, day, dates)
    frames += [
        replace(f, background=True) if in_other_time(text, f.span, marks) else f
        for f in block_frames(text)
    ]
    temperatures = temperature_frames(text)
    frames += temperatures
    frames += [
        f
        for f in frames_of(
            text,
            found,
            tolerance=config.rounding_tolerance,
            conversion_tolerance=config.conversion_tolerance,
            published=day,
            dates=dates,
            marks=marks,
        )
        # "minus 17 degrees" is a temperature, not a count of degrees.
        if not any(t.span[0] < f.span[1] and f.span[0] < t.span[1] for t in temperatures)
    ]
    return listed_ages([f for f in frames if not f.background])


def figure_conflicts(
    story_id: str,
    statements: Sequence[Statement],
    quantities: QuantityExtractor,
    dates: DateExtractor | None,
    config: ConflictConfig,
) -> list[Conflict]:
    """Disputes and updates between the figures of one story's statements."""
    # Buckets by measure keep the pairwise comparison small; a count of none of "casualties"
    # also goes to the dead and the injured, which it contradicts.
    buckets: dict[tuple[str, str | None], dict[tuple[object, ...], _Position]] = defaultdict(dict)
    for index, frame in statement_frames(statements, quantities, dates, config):
        assert frame.measure is not None
        measures = [frame.measure]
        if frame.value == 0 and frame.measure == "casualties":
            measures += ["deaths", "injured"]
        for measure in measures:
            # The measure is part of the key: a noun-only figure (a conversion) and a strong
            # one of equal value are two positions, not one read as whichever came first.
            key = (
                frame.label,
                frame.measure,
                frame.unit,
                frame.about,
                frame.part,
                frame.listed_with,
            )
            bucket = buckets[(_family(measure), frame.part)]
            if key in bucket:
                bucket[key].members.append(index)
            else:
                bucket[key] = _Position(frame, [index])
    out: list[Conflict] = []
    for (measure, _), bucket in sorted(buckets.items(), key=lambda kv: (kv[0][0], kv[0][1] or "")):
        positions = [bucket[k] for k in sorted(bucket, key=repr)]
        out.extend(_bucket_conflicts(story_id, measure, positions, statements, config))
    return out


def _family(measure: str) -> str:
    """Measures compared with each other share a bucket (a score's sides with vote tallies)."""
    if measure in {"score", "votes", "electoral votes", "points", "goals", "runs"}:
        return "tally"
    return measure.split(" (", maxsplit=1)[0]  # "deaths (women)" meets a count of no deaths


def _bucket_conflicts(
    story_id: str,
    measure: str,
    positions: list[_Position],
    statements: Sequence[Statement],
    config: ConflictConfig,
) -> list[Conflict]:
    disputes: dict[int, set[int]] = defaultdict(set)
    updates: dict[int, set[int]] = defaultdict(set)
    negation = False
    priced_abroad = any(
        p.frame.unit in _OTHER_THAN_DOLLARS and not p.frame.background for p in positions
    )
    for i, a in enumerate(positions):
        for j in range(i + 1, len(positions)):
            b = positions[j]
            if not _opposed(a.frame, b.frame, config):
                continue
            if priced_abroad and _dollars_of_unknown_kind(a.frame, b.frame):
                continue
            if measure in CUMULATIVE_MEASURES and _one_voice_states_both(
                a.members, b.members, statements
            ):
                # "They found the bodies of two people at the home ..." and "Three people are
                # dead": a writer who states two counts holds them as two things (where the dead
                # were found and the toll after one died later; a part and its total). A
                # magnitude stated twice is a dispute reported ("Tehran's centre put it at 5.9,
                # but the USGS ... 6.1"), so this holds for counts only.
                continue
            when = _when_opposed(a.members, b.members, statements, config)
            if when == "later" and measure in ONE_DAY_MEASURES:
                continue  # two days' temperatures are two readings
            if when == "later" and measure not in CUMULATIVE_MEASURES:
                when = "same time"  # a magnitude or a population does not grow with the news
            if when == "same time":
                disputes[i].add(j)
                disputes[j].add(i)
                negation = negation or 0 in {a.frame.value, b.frame.value}
            elif when == "later":
                updates[i].add(j)
                updates[j].add(i)
    out = []
    for component in components(disputes):
        held = [positions[k] for k in component]
        basis = "negation" if any(p.frame.value == 0 for p in held) and negation else "number"
        out.append(_conflict(story_id, measure, held, statements, kind="conflict", basis=basis))
    for component in components(updates):
        held = [positions[k] for k in component if k not in disputes]
        if len(held) >= 2:
            out.append(_conflict(story_id, measure, held, statements, kind="update", basis=None))
    return out


# A thing priced in euros or pounds that outlets restate in "$" is restated in their own
# dollars at their own rates: "85 million euros ($108 million)" (US), "$137-million"
# (Canadian), "more than $160 million" (Australian) are one haul (ECB+ 24_ecb). "$" names no
# country, so dollar figures of such a thing dispute only when no exchange between the common
# dollars explains them (US, Canadian, Australian and New Zealand dollars have stayed within
# a factor of 2 of one another since 1990).
_OTHER_THAN_DOLLARS = frozenset({"EUR", "GBP"})
_DOLLAR_EXCHANGE_SPAN = 2.0


def _priced_in_other_money(frame: QuantityFrame, dollars: QuantityFrame) -> bool:
    """Whether `frame` is the thing `dollars` measures, in euros or pounds."""
    return (
        frame.unit in _OTHER_THAN_DOLLARS
        and not frame.background
        and frame.part == dollars.part
        and _family(frame.measure or "") == _family(dollars.measure or "")
    )


def _dollars_of_unknown_kind(a: QuantityFrame, b: QuantityFrame) -> bool:
    """Whether two dollar figures of a thing priced in another currency may be one amount in
    two countries' dollars."""
    if a.unit != "USD" or b.unit != "USD" or a.value <= 0 or b.value <= 0:
        return False
    low, high = sorted((a.value, b.value))
    return high < low * _DOLLAR_EXCHANGE_SPAN


def _opposed(a: QuantityFrame, b: QuantityFrame, config: ConflictConfig) -> bool:
    """Whether two figures of one measure cannot both hold, and are close enough to be one
    thing misreported rather than two things (`ConflictConfig.max_dispute_ratio`)."""
    if _relate(a, b) != "conflict":
        return False
    if a.value == 0 or b.value == 0:
        return True  # "12 killed" vs "no casualties"
    if (a.measure or "").startswith("magnitude"):
        return abs(a.value - b.value) <= config.max_magnitude_gap
    low, high = sorted((abs(a.value), abs(b.value)))
    return high <= low * config.max_dispute_ratio


def _relate(a: QuantityFrame, b: QuantityFrame) -> Relation:
    """`quantities.relate`, but two temperatures meet when some scale makes them meet."""
    if a.measure == b.measure == TEMPERATURE and same_measure(a, b):
        return temperature_relation(a, b)
    return relate(a, b)


def _one_voice_states_both(a: list[int], b: list[int], statements: Sequence[Statement]) -> bool:
    """Whether one voice (an article, or copies of one text) states both values."""
    return bool({statements[i].voice for i in a} & {statements[j].voice for j in b})


def _when_opposed(
    a: list[int], b: list[int], statements: Sequence[Statement], config: ConflictConfig
) -> str | None:
    """ "same time" when two independent voices state the values on one day (or undated),
    "later" when they do so only on different days (at most `max_series_days` apart), None when
    only one voice states both, or only on days so far apart that two happenings are told."""
    later = False
    for i in a:
        for j in b:
            if statements[i].voice == statements[j].voice:
                continue
            day_a, day_b = statements[i].day, statements[j].day
            if not day_a or not day_b or day_a == day_b:
                return "same time"
            apart = days_apart(day_a, day_b)
            if apart is not None and apart > config.max_series_days:
                continue
            later = True
    return "later" if later else None


def _conflict(
    story_id: str,
    measure: str,
    held: list[_Position],
    statements: Sequence[Statement],
    *,
    kind: str,
    basis: str | None,
) -> Conflict:
    evidence: dict[str, set[Evidence]] = defaultdict(set)
    first_day: dict[str, str] = {}
    for position in held:
        label = position.frame.label
        for i in position.members:
            evidence[label].add(statements[i].evidence)
            day = statements[i].day
            if day and (label not in first_day or day < first_day[label]):
                first_day[label] = day
    if kind == "update":
        ordered = sorted(evidence, key=lambda v: (first_day.get(v, ""), v))
        names = {v: f"{v} ({first_day[v]})" if v in first_day else v for v in ordered}
    else:
        ordered = sorted(evidence)
        names = {v: v for v in ordered}
    values = tuple(
        ConflictValue(
            value=names[v],
            evidence=tuple(sorted(evidence[v], key=lambda e: (e.article_id, e.span))),
        )
        for v in ordered
    )
    topic = _topic(measure, [p.frame for p in held])
    conflict_id = content_id("x", story_id, kind, topic, *(v.value for v in values))
    return make_conflict(conflict_id, story_id, topic, values, kind=kind, basis=basis)


# Units a frame's label already writes (`QuantityFrame.label`).
_UNITS_IN_VALUES = frozenset({"USD", "EUR", "GBP"})


def _topic(measure: str, frames: list[QuantityFrame]) -> str:
    """What the values measure, in words: "deaths", "electoral votes for Joe Biden"."""
    named = [f.measure for f in frames if f.measure and f.measure != "score"]
    words = sorted(named, key=lambda m: (-named.count(m), m))[0] if named else measure
    if words == "age (listed)":
        # "age of the boy": an unnamed person, named by the noun every position uses.
        who = {f.who for f in frames}
        return f"age of the {who.pop()}" if len(who) == 1 else "age"
    part = next((f.part for f in frames if f.part), None)
    if part:
        words = f"{words} ({part})"
    abouts = sorted({f.about for f in frames if f.about}, key=lambda a: (-len(a), a))
    if abouts:
        # "time spent negotiating": the act is the measure's own word.
        joiner = " for " if words.endswith("votes") else " " if words == "time spent" else " of "
        words = f"{words}{joiner}{abouts[0]}"
    # The values are bare numbers ("3 vs 4"), so the topic carries their one unit ("time in
    # hospital, in weeks"); currencies are in the values already, an age needs none, and a
    # unit the topic already names ("kilometres") is not repeated.
    units = {f.unit for f in frames}
    unit = units.pop() if len(units) == 1 else None
    if unit and unit not in _UNITS_IN_VALUES and not words.startswith("age") and unit not in words:
        words = f"{words}, in {unit}"
    return words


def compare_mentions(
    a: tuple[str, tuple[int, int], str | None],
    b: tuple[str, tuple[int, int], str | None],
    *,
    config: ConflictConfig | None = None,
    quantities: QuantityExtractor | None = None,
    dates: DateExtractor | None = None,
) -> PairRelation:
    """How two figures relate, each given as (sentence, span of the figure, published day), by
    the very rules `find_conflicts` applies (two different voices assumed)."""
    config = config or ConflictConfig()
    first, second = (figure_frame(m, config, quantities=quantities, dates=dates) for m in (a, b))
    if first is None or second is None:
        return "different"
    relation = _relate(first, second)
    if relation == "conflict" and not _opposed(first, second, config):
        return "different"
    if relation == "conflict" and _dollars_of_unknown_kind(first, second):
        # As `_bucket_conflicts` does with a story's other figures of the thing.
        priced = (
            _mention_frames(text, None, config, quantities=quantities, dates=dates)
            for text in (a[0], b[0])
        )
        if any(_priced_in_other_money(f, first) for frames in priced for f in frames):
            return "agree"
    if relation == "different":
        return "different"
    if relation == "same":
        return "agree"
    if relation == "rounding":
        return "rounding"
    day_a, day_b = (a[2] or "")[:10], (b[2] or "")[:10]
    later = bool(day_a and day_b and day_a != day_b)
    apart = days_apart(day_a, day_b) if later else None
    if apart is not None and apart > config.max_series_days:
        return "different"
    measure = first.measure or ""
    if later and measure in ONE_DAY_MEASURES:
        return "different"
    return "update" if later and measure in CUMULATIVE_MEASURES else "conflict"


def figure_frame(
    mention: tuple[str, tuple[int, int], str | None],
    config: ConflictConfig | None = None,
    *,
    quantities: QuantityExtractor | None = None,
    dates: DateExtractor | None = None,
) -> QuantityFrame | None:
    """The frame of the figure at `span` in `sentence` (given as (sentence, span, published
    day)), None when it measures nothing known: what `find_conflicts` reads there."""
    config = config or ConflictConfig()
    sentence, span, published = mention
    day = (published or "")[:10] or None
    dates = dates or default_date_extractor()
    for frame in _mention_frames(sentence, day, config, quantities=quantities, dates=dates):
        if frame.span[0] < span[1] and span[0] < frame.span[1]:
            return frame
    return None


def _mention_frames(
    sentence: str,
    day: str | None,
    config: ConflictConfig,
    *,
    quantities: QuantityExtractor | None,
    dates: DateExtractor | None,
) -> list[QuantityFrame]:
    """Every frame the figure rules read in one sentence (the default quantity extractor when
    none is given; without `dates`, no time expression is read)."""
    quantities = quantities or default_quantity_extractor()
    found = guarded(functools.partial(quantities, sentence)) if quantities is not None else ()
    return _sentence_frames(sentence, found, day, dates, config)
