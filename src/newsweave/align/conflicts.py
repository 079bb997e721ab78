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
- "date": an aligned claim dated to different days.
A figure that changes across the story's days (10 dead on Monday, 15 on Tuesday) is an
"update" (`kind="update"`), its values labelled with their dates: a dated series, never a
dispute. Rounding and hedges are agreement and are not reported.

The claims side calls `find_conflicts(story_id, statements, labels)` with every claim sentence
of one story (`labels[i]`: the aligned claim of sentence i; figures do not need it, negation and
date conflicts compare only sentences of one claim), then `disputed_statements` to mark claims.
"""

from __future__ import annotations

import functools
import importlib
import re
from collections import defaultdict
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Literal, TypeVar, cast

from newsweave.align.measure_words import CUMULATIVE_MEASURES
from newsweave.align.quantities import (
    QuantityFrame,
    QuantityLike,
    frames_of,
    is_background,
    relate,
    same_measure,
    zero_frames,
)
from newsweave.align.similarity import TextFeatures, text_features
from newsweave.ids import content_id
from newsweave.model import Conflict, ConflictValue, DateMention, Evidence, record

__all__ = [
    "DISAGREEMENT_BASES",
    "ConflictConfig",
    "Statement",
    "compare_mentions",
    "disputed_statements",
    "find_conflicts",
    "is_disagreement",
]

QuantityExtractor = Callable[[str], Sequence[QuantityLike]]
DateExtractor = Callable[[str, str | None], Sequence[DateMention]]

DISAGREEMENT_BASES = ("number", "negation", "attribution", "date")


@record
class ConflictConfig:
    """Tolerances of the comparison (re-check with `python eval/conflicts.py`)."""

    # An "about"/"some"/"roughly" figure covers values within this relative distance ("about
    # 300" agrees with 302 and 320, not with 400). 10 %: the widest gap news rounding covers in
    # the tune half of eval/data/quantity_pairs.jsonl.
    rounding_tolerance: float = 0.1
    # An affirmed and a negated sentence of one claim dispute it only when, cue words removed,
    # each shares this much of its content words with the other (both directions, so a "not"
    # in a longer sentence that says more does not count). 0.7: on the tune stories of
    # eval/data/quantity_pairs.jsonl every opposed pair below it was two different statements
    # ("Palin stopped by the church" vs "Palin, who was not at the church ..., stopped by").
    min_opposed_overlap: float = 0.7

    def __post_init__(self) -> None:
        if not 0.0 <= self.rounding_tolerance < 1.0:
            raise ValueError(
                f"ConflictConfig.rounding_tolerance must be within [0, 1), "
                f"got {self.rounding_tolerance}"
            )


@dataclass(frozen=True, slots=True)
class Statement:
    """A claim sentence with who says it (its independent voice) and when."""

    evidence: Evidence
    voice: str
    published: str | None


def is_disagreement(conflict: Conflict) -> bool:
    """Whether a conflict is a dispute between voices (not an update series)."""
    return conflict.kind == "conflict"


def _load(module: str, name: str) -> object | None:
    try:
        return getattr(importlib.import_module(module), name, None)
    except ImportError:
        return None


def default_quantity_extractor() -> QuantityExtractor | None:
    """`newsweave.extract.numbers.extract_quantities`, or None when it is unavailable."""
    return cast(
        "QuantityExtractor | None", _load("newsweave.extract.numbers", "extract_quantities")
    )


def default_date_extractor() -> DateExtractor | None:
    """`newsweave.extract.dates.extract_dates`, or None when it is unavailable."""
    return cast("DateExtractor | None", _load("newsweave.extract.dates", "extract_dates"))


_T = TypeVar("_T")


def _guarded(extract: Callable[[], Sequence[_T]]) -> Sequence[_T]:
    """Run an extractor on untrusted text; a failure costs that sentence's values only."""
    try:
        return extract()
    except Exception:
        return ()


def find_conflicts(
    story_id: str,
    statements: Sequence[Statement],
    labels: Sequence[int],
    *,
    config: ConflictConfig | None = None,
    quantities: QuantityExtractor | None = None,
    dates: DateExtractor | None = None,
) -> tuple[Conflict, ...]:
    """Disagreements and updates among one story's statements, sorted by id."""
    config = config or ConflictConfig()
    quantities = quantities or default_quantity_extractor()
    dates = dates or default_date_extractor()
    found: list[Conflict] = []
    if quantities is not None:
        found += _figure_conflicts(story_id, statements, quantities, dates, config)
    found += _claim_conflicts(story_id, statements, labels, dates, config)
    unique = {c.id: c for c in found}
    return tuple(unique[k] for k in sorted(unique))


# --- figures ------------------------------------------------------------------------------


@dataclass(slots=True)
class _Position:
    """One stated value of one measured thing, with every statement that states it."""

    frame: QuantityFrame
    members: list[int]


def statement_frames(
    statements: Sequence[Statement],
    quantities: QuantityExtractor,
    dates: DateExtractor | None,
    config: ConflictConfig,
) -> list[tuple[int, QuantityFrame]]:
    """(statement index, frame) of every figure that measures something of this happening."""
    by_text: dict[str, Sequence[QuantityLike]] = {}
    frames: dict[tuple[str, str | None], list[QuantityFrame]] = {}
    out: list[tuple[int, QuantityFrame]] = []
    for index, statement in enumerate(statements):
        text = statement.evidence.text
        if text not in by_text:
            by_text[text] = _guarded(functools.partial(quantities, text))
        day = (statement.published or "")[:10] or None
        if (text, day) not in frames:
            found = frames_of(
                text,
                by_text[text],
                tolerance=config.rounding_tolerance,
                published=day,
                dates=dates,
            )
            if not is_background(text):
                found += zero_frames(text)
            frames[(text, day)] = [f for f in found if not f.background]
        out.extend((index, frame) for frame in frames[(text, day)])
    return out


def _figure_conflicts(
    story_id: str,
    statements: Sequence[Statement],
    quantities: QuantityExtractor,
    dates: DateExtractor | None,
    config: ConflictConfig,
) -> list[Conflict]:
    # Buckets by measure keep the pairwise comparison small; a count of none of "casualties"
    # also goes to the dead and the injured, which it contradicts.
    buckets: dict[tuple[str, str | None], dict[tuple[object, ...], _Position]] = defaultdict(dict)
    for index, frame in statement_frames(statements, quantities, dates, config):
        assert frame.measure is not None
        measures = [frame.measure]
        if frame.value == 0 and frame.measure == "casualties":
            measures += ["deaths", "injured"]
        for measure in measures:
            key = (frame.label, frame.unit, frame.about, frame.part)
            bucket = buckets[(_family(measure), frame.part)]
            if key in bucket:
                bucket[key].members.append(index)
            else:
                bucket[key] = _Position(frame, [index])
    out: list[Conflict] = []
    for (measure, _), bucket in sorted(buckets.items(), key=lambda kv: (kv[0][0], kv[0][1] or "")):
        positions = [bucket[k] for k in sorted(bucket, key=repr)]
        out.extend(_bucket_conflicts(story_id, measure, positions, statements))
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
) -> list[Conflict]:
    disputes: dict[int, set[int]] = defaultdict(set)
    updates: dict[int, set[int]] = defaultdict(set)
    negation = False
    for i, a in enumerate(positions):
        for j in range(i + 1, len(positions)):
            b = positions[j]
            if relate(a.frame, b.frame) != "conflict":
                continue
            when = _when_opposed(a.members, b.members, statements)
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
    for component in _components(disputes):
        held = [positions[k] for k in component]
        basis = "negation" if any(p.frame.value == 0 for p in held) and negation else "number"
        out.append(_conflict(story_id, measure, held, statements, kind="conflict", basis=basis))
    for component in _components(updates):
        held = [positions[k] for k in component if k not in disputes]
        if len(held) >= 2:
            out.append(_conflict(story_id, measure, held, statements, kind="update", basis=None))
    return out


PairRelation = Literal["agree", "rounding", "conflict", "update", "different"]


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
    quantities = quantities or default_quantity_extractor()
    dates = dates or default_date_extractor()
    frames = [_frame_at(m, config, quantities, dates) for m in (a, b)]
    first, second = frames
    if first is None or second is None:
        return "different"
    relation = relate(first, second)
    if relation == "different":
        return "different"
    if relation == "same":
        return "agree"
    if relation == "rounding":
        return "rounding"
    day_a, day_b = (a[2] or "")[:10], (b[2] or "")[:10]
    later = bool(day_a and day_b and day_a != day_b)
    measure = first.measure or ""
    return "update" if later and measure in CUMULATIVE_MEASURES else "conflict"


def _frame_at(
    mention: tuple[str, tuple[int, int], str | None],
    config: ConflictConfig,
    quantities: QuantityExtractor | None,
    dates: DateExtractor | None,
) -> QuantityFrame | None:
    """The frame of the figure at `span` in `sentence` (None when it measures nothing known)."""
    sentence, span, published = mention
    found = list(zero_frames(sentence)) if not is_background(sentence) else []
    if quantities is not None:
        found += frames_of(
            sentence,
            _guarded(functools.partial(quantities, sentence)),
            tolerance=config.rounding_tolerance,
            published=(published or "")[:10] or None,
            dates=dates,
        )
    for frame in found:
        if not frame.background and frame.span[0] < span[1] and span[0] < frame.span[1]:
            return frame
    return None


def _when_opposed(a: list[int], b: list[int], statements: Sequence[Statement]) -> str | None:
    """ "same time" when two independent voices state the values on one day (or undated),
    "later" when they do so only on different days, None when only one voice states both."""
    later = False
    for i in a:
        for j in b:
            if statements[i].voice == statements[j].voice:
                continue
            day_a = (statements[i].published or "")[:10]
            day_b = (statements[j].published or "")[:10]
            if not day_a or not day_b or day_a == day_b:
                return "same time"
            later = True
    return "later" if later else None


def _components(edges: Mapping[int, set[int]]) -> list[list[int]]:
    seen: set[int] = set()
    out = []
    for start in sorted(edges):
        if start in seen:
            continue
        stack, component = [start], []
        seen.add(start)
        while stack:
            node = stack.pop()
            component.append(node)
            for other in sorted(edges[node] - seen):
                seen.add(other)
                stack.append(other)
        out.append(sorted(component))
    return out


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
            day = (statements[i].published or "")[:10]
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
    return _make(conflict_id, story_id, topic, values, kind=kind, basis=basis)


def _topic(measure: str, frames: list[QuantityFrame]) -> str:
    """What the values measure, in words: "deaths", "electoral votes for Joe Biden"."""
    named = [f.measure for f in frames if f.measure and f.measure != "score"]
    words = sorted(named, key=lambda m: (-named.count(m), m))[0] if named else measure
    part = next((f.part for f in frames if f.part), None)
    if part:
        words = f"{words} ({part})"
    abouts = sorted({f.about for f in frames if f.about}, key=lambda a: (-len(a), a))
    if not abouts:
        return words
    joiner = " for " if words.endswith("votes") else " of "
    return f"{words}{joiner}{abouts[0]}"


def _make(
    conflict_id: str,
    story_id: str,
    topic: str,
    values: tuple[ConflictValue, ...],
    *,
    kind: str,
    basis: str | None,
) -> Conflict:
    """A `Conflict`; its `basis` says why it is a disagreement (None for an update)."""
    return Conflict(
        id=conflict_id, story_id=story_id, topic=topic, values=values, kind=kind, basis=basis
    )


# --- negation and dates of aligned claims ---------------------------------------------------

_NEGATION = re.compile(
    r"\b(?:not|never|no|none|denied|denies|deny|denying|refused|refuses|rejected|rejects|"
    r"dismissed|cant|dont|wont|didnt|doesnt|isnt|wasnt|arent|werent|hasnt|havent|hadnt|"
    r"couldnt|wouldnt|shouldnt)\b|n['’]t\b",
    re.IGNORECASE,
)
# Negation words in phrases that do not negate the statement.
_NOT_NEGATING = re.compile(
    r"\b(?:not only|no doubt|whether or not|no less than|no longer|if not|not least)\b",
    re.IGNORECASE,
)


def _claim_conflicts(
    story_id: str,
    statements: Sequence[Statement],
    labels: Sequence[int],
    dates: DateExtractor | None,
    config: ConflictConfig,
) -> list[Conflict]:
    """Negation and day dates that differ between independent voices of one aligned claim."""
    by_text: dict[str, list[int]] = defaultdict(list)
    for index, statement in enumerate(statements):
        by_text[statement.evidence.text].append(index)
    groups: dict[int, list[str]] = defaultdict(list)
    for text, indices in by_text.items():
        groups[labels[indices[0]]].append(text)
    out = []
    for label in sorted(groups):
        texts = sorted(groups[label])
        voices = {statements[i].voice for t in texts for i in by_text[t]}
        if len(texts) < 2 or len(voices) < 2:
            continue
        topic = statements[min(i for t in texts for i in by_text[t])].evidence.text
        sides = _opposed_sides(texts, _polarity, statements, by_text, config, check=_negates)
        if sides:
            out.append(_fact_conflict(story_id, topic, sides, "negation"))
        if dates is not None:
            day_of = {t: _single_day(t, statements[by_text[t][0]].published, dates) for t in texts}
            sides = _opposed_sides(texts, day_of.get, statements, by_text, config)
            if sides:
                out.append(_fact_conflict(story_id, f"date of: {topic}", sides, "date"))
    return out


def _opposed_sides(
    texts: list[str],
    classify: Callable[[str], str | None],
    statements: Sequence[Statement],
    by_text: Mapping[str, list[int]],
    config: ConflictConfig,
    *,
    check: Callable[[str, str], bool] | None = None,
) -> dict[str, set[Evidence]]:
    """Sentences of one claim on opposite sides, kept only when an opposite sentence shares most
    of its content words and comes from another voice: a "not" elsewhere in a long sentence
    must not make the claim disputed. Sentences classified None take no side."""
    side_of = {t: label for t in texts if (label := classify(t)) is not None}
    if len(set(side_of.values())) < 2:
        return {}
    features = {t: text_features(_NEGATION.sub(" ", t)) for t in side_of}
    sides: dict[str, set[Evidence]] = defaultdict(set)
    for a, side_a in side_of.items():
        for b, side_b in side_of.items():
            if side_a >= side_b:
                continue
            if _coverage(features[a], features[b]) < config.min_opposed_overlap:
                continue
            if check is not None and not check(a, b):
                continue
            voices_a = {statements[i].voice for i in by_text[a]}
            voices_b = {statements[i].voice for i in by_text[b]}
            if not any(x != y for x in voices_a for y in voices_b):
                continue
            for text in (a, b):
                sides[side_of[text]].update(statements[i].evidence for i in by_text[text])
    return dict(sides) if len(sides) > 1 else {}


def _coverage(a: TextFeatures, b: TextFeatures) -> float:
    """Shared content words over those of the longer sentence (`lexical_overlap` takes the
    shorter one, which a short sentence inside a long one always fills)."""
    longer = max(len(a.terms), len(b.terms))
    return len(a.terms & b.terms) / longer if longer else 0.0


def _single_day(text: str, published: str | None, dates: DateExtractor) -> str | None:
    """The one day-precise date a sentence states, or None (no date, or several)."""
    found = _guarded(lambda: dates(text, published))
    # Written dates only ("on 14 December"): relative ones ("yesterday", "on Monday") resolve
    # against each article's own day and differ whenever the articles do. The article's own day
    # ("announced today (20 October)") is when it reports, not when the thing happened.
    days = {
        d.value
        for d in found
        if d.precision == "day" and d.value and any(c.isdigit() for c in d.text)
    }
    days.discard((published or "")[:10])
    return days.pop() if len(days) == 1 else None


def _negates(affirmed: str, negated: str) -> bool:
    """Whether the negation bears on what the affirmed sentence says: the first content word
    after a negation cue is in it ("denied that troops crossed" / "confirmed that troops crossed";
    not "We have no idea what caused it" / "investigators were considering arson")."""
    said = text_features(affirmed).terms
    for cue in _NEGATION.finditer(_NOT_NEGATING.sub(" ", negated)):
        for word in negated[cue.end() :].split()[:4]:
            terms = text_features(word).terms
            if terms:  # the first content word after the cue is what is negated
                if terms & said:
                    return True
                break
    return False


def _polarity(text: str) -> str:
    return "negated" if _NEGATION.search(_NOT_NEGATING.sub(" ", text)) else "affirmed"


def _fact_conflict(
    story_id: str, topic: str, sides: Mapping[str, set[Evidence]], basis: str
) -> Conflict:
    values = tuple(
        ConflictValue(value=label, evidence=tuple(sorted(ev, key=lambda e: (e.article_id, e.span))))
        for label, ev in sorted(sides.items())
    )
    conflict_id = content_id("x", story_id, "conflict", topic, *(v.value for v in values))
    return _make(conflict_id, story_id, topic, values, kind="conflict", basis=basis)


def disputed_statements(statements: Sequence[Statement], conflicts: Iterable[Conflict]) -> set[int]:
    """Indices of statements that hold a position in a disagreement (not an update)."""
    index: dict[tuple[str, tuple[int, int]], list[int]] = defaultdict(list)
    for i, s in enumerate(statements):
        index[(s.evidence.article_id, s.evidence.span)].append(i)
    out: set[int] = set()
    for conflict in conflicts:
        if not is_disagreement(conflict):
            continue
        for value in conflict.values:
            for evidence in value.evidence:
                out.update(index.get((evidence.article_id, evidence.span), ()))
    return out


__all__ += ["default_date_extractor", "default_quantity_extractor", "same_measure"]
