"""Typed comparison of what outlets state: the same quantity, date or fact with other values.

No NLI model is usable here (../shared/DEPENDENCIES.md), so disagreement comes from comparing
typed values of sentences that are linked:
- numbers (`newsweave.extract.numbers`): two sentences are linked when they are one aligned
  claim, or when they state an equal figure on a compatible unit (the *anchor*: "306-232" and
  "302 ... to the 232 assigned to Trump" share 232, so 306 and 302 tell the same tally).
  Linked figures are matched one to one (equal values first, then compatible units, closest
  values) and each differing match is classified (`compare_values`);
- dates (`newsweave.extract.dates`): day-precise dates of aligned claims;
- negation and hedges: an aligned claim affirmed by one voice and negated ("did not",
  "denied") or hedged ("reportedly", "allegedly") by another.

Kinds of `Conflict`: "conflict" (incompatible at the same time), "update" (a later article gives a
new value with words such as "rose to", "now"), "rounding" (an approximate figure within
tolerance of an exact one: kept for audit, never makes a claim disputed), "hedge" (fact vs
hedged report). Figures that look alike but count something else ("538 electors" vs "306
votes", "232 for Trump" vs "302 for Biden") classify as "different-quantity" and are *not*
reported: they are not disagreements, and reporting them would bury the real ones.
"""

from __future__ import annotations

import importlib
import re
from collections import defaultdict
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Literal, Protocol, TypeVar, cast

from newsweave.align.similarity import STOPWORDS, lexical_overlap, stem, text_features
from newsweave.ids import content_id
from newsweave.model import Conflict, ConflictValue, DateMention, Evidence, record

ComparisonKind = Literal["same", "conflict", "update", "rounding", "different-quantity"]


class QuantityLike(Protocol):
    """What the comparison needs from `newsweave.extract.numbers.Quantity`.

    `approx` is truthy for an approximate figure (the qualifier as written, or a flag). An
    optional `second_value` is the other side of a score ("306-232"), read with `getattr`.
    """

    @property
    def text(self) -> str: ...
    @property
    def span(self) -> tuple[int, int]: ...
    @property
    def value(self) -> object: ...
    @property
    def unit(self) -> str | None: ...
    @property
    def approx(self) -> object: ...
    @property
    def kind(self) -> str: ...
    @property
    def about(self) -> str | None: ...


QuantityExtractor = Callable[[str], Sequence[QuantityLike]]
DateExtractor = Callable[[str, str | None], Sequence[DateMention]]

# Kinds of figure that are not amounts of something: comparing them across sentences says
# nothing about disagreement (a year, an age, a date, an ordinal).
NOT_AMOUNTS = frozenset(
    {"year", "date", "time", "age", "ordinal", "phone", "id", "day", "duration"}
)

_UPDATE_CUE = re.compile(
    r"\b(?:rose|risen|rises|rising|climbed|increased|jumped|grew|reached|now|updated|revised|"
    r"as of|has (?:since )?(?:risen|climbed|grown|reached)|fell|dropped|declined)\b",
    re.IGNORECASE,
)
_APPROX_CUE = re.compile(
    r"\b(?:about|around|nearly|almost|roughly|approximately|some|more than|over|at least|"
    r"up to|close to|an estimated|estimated|fewer than|less than|under|upwards of)\s+\S*$",
    re.IGNORECASE,
)
_NEGATION = re.compile(
    r"\b(?:not|never|no|none|denied|denies|deny|denying|refused|refuses|rejected|rejects|"
    r"dismissed)\b|n['’]t\b",
    re.IGNORECASE,
)
# Negation words in phrases that do not negate the statement.
_NOT_NEGATING = re.compile(r"\b(?:not only|no doubt|whether or not|no less than)\b", re.IGNORECASE)
_HEDGE = re.compile(
    r"\b(?:reportedly|allegedly|purportedly|unconfirmed|possibly|apparently|rumou?red|"
    r"(?:may|might|could) have|(?:is|are|was|were) (?:said|believed|thought) to)\b",
    re.IGNORECASE,
)


# Opposed sentences must share this much of the shorter one's content words (unweighted
# containment, cue words removed). 0.5: the seed story's affirmed/negated pairs that are the
# same statement share 60 % or more; "sent congratulations" vs "had not congratulated by
# then" (a change over time, not a dispute) shares 26 %.
MIN_OPPOSED_OVERLAP = 0.5


@record
class ConflictConfig:
    """Tolerances of the typed comparison."""

    # An approximate figure within this relative distance of another is rounding, not a
    # conflict ("about 300" vs 302, "nearly 5,000" vs 4,870 = 2.6 %). 10 % is the widest gap
    # that news rounding ("nearly", "some") covers in the examples of issue 5.
    rounding_tolerance: float = 0.1
    # Anchors are figures of at least this size: "2" or "3" coincide too often to link sentences.
    min_anchor_value: float = 10.0
    # A figure stated (distinctly) by more sentences than this is common in the story, not a
    # tally two outlets tell differently; it links nothing (and keeps anchor pairs bounded).
    max_anchor_sentences: int = 50


@dataclass(frozen=True, slots=True)
class Statement:
    """A claim sentence with who says it and when."""

    evidence: Evidence
    voice: str
    published: str | None


@dataclass(frozen=True, slots=True)
class Figure:
    """A comparable amount in a statement, normalised for comparison."""

    statement: int
    value: float
    text: str
    unit: frozenset[str]
    about: frozenset[str]
    approx: bool
    unit_words: str | None
    about_words: str | None


def _load(module: str, name: str) -> object | None:
    """`module.name` when that extractor is installed (it is written alongside this module)."""
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


def _keys(words: str | None) -> frozenset[str]:
    if not words:
        return frozenset()
    return frozenset(stem(w) for w in re.findall(r"[^\W\d_]+", words) if w.lower() not in STOPWORDS)


def _as_float(value: object) -> float | None:
    if value is None:
        return None
    if isinstance(value, int | float):
        return float(value)
    try:
        return float(str(value).replace(",", ""))
    except ValueError:
        return None


_T = TypeVar("_T")


def _guarded(extract: Callable[[str], Sequence[_T]], text: str) -> Sequence[_T]:
    """Run an extractor on untrusted text; a failure on one sentence costs that sentence's
    values, not the whole batch's claims (article text is untrusted; extractors are rules)."""
    try:
        return extract(text)
    except Exception:
        return ()


def figures_of(
    index: int, statement: Statement, quantities: Sequence[QuantityLike]
) -> list[Figure]:
    """The statement's amounts (years, ages, dates, ordinals left out)."""
    out = []
    text = statement.evidence.text
    for quantity in quantities:
        value = _as_float(quantity.value)
        if value is None or quantity.kind in NOT_AMOUNTS:
            continue
        before = text[: quantity.span[0]]
        approx = bool(quantity.approx) or bool(_APPROX_CUE.search(before[-30:]))
        second = _as_float(getattr(quantity, "second_value", None))
        # Which side of a score belongs to whom is not written next to it ("Biden defeated
        # Trump 306-232"): its sides get no subject, and the anchor rule matches them.
        about = None if second is not None else quantity.about
        for number in (value,) if second is None else (value, second):
            out.append(
                Figure(
                    statement=index,
                    value=number,
                    text=quantity.text,
                    unit=_keys(quantity.unit),
                    about=_keys(about),
                    approx=approx,
                    unit_words=quantity.unit,
                    about_words=about,
                )
            )
    return out


def compare_values(
    a: Figure,
    b: Figure,
    statements: Sequence[Statement],
    *,
    config: ConflictConfig | None = None,
) -> ComparisonKind:
    """How two figures that may tell the same quantity relate."""
    config = config or ConflictConfig()
    if not _compatible(a.unit, b.unit) or not _compatible(a.about, b.about):
        return "different-quantity"
    if a.value == b.value:
        return "same"
    largest = max(abs(a.value), abs(b.value))
    if (a.approx or b.approx) and abs(a.value - b.value) <= config.rounding_tolerance * largest:
        return "rounding"
    earlier, later = sorted((a, b), key=lambda f: statements[f.statement].published or "")
    first = statements[earlier.statement].published
    second = statements[later.statement].published
    later_text = statements[later.statement].evidence.text
    if first and second and first[:10] < second[:10] and _UPDATE_CUE.search(later_text):
        return "update"
    return "conflict"


def _compatible(a: frozenset[str], b: frozenset[str]) -> bool:
    """Unknown on either side is compatible; known sides must share a word."""
    return not a or not b or bool(a & b)


def _match(left: list[Figure], right: list[Figure]) -> tuple[list[tuple[Figure, Figure]], bool]:
    """One-to-one matching of two statements' figures: equal values first, then closest values
    with compatible units. Returns the matches and whether an equal (anchor) pair exists."""
    candidates = []
    for a in left:
        for b in right:
            if not _compatible(a.unit, b.unit) or not _compatible(a.about, b.about):
                continue
            largest = max(abs(a.value), abs(b.value), 1e-9)
            shared_unit = bool(a.unit & b.unit)
            candidates.append(
                (a.value != b.value, not shared_unit, abs(a.value - b.value) / largest, a, b)
            )
    candidates.sort(key=lambda c: (c[0], c[1], c[2], c[3].text, c[3].value, c[4].text, c[4].value))
    used_a: set[int] = set()
    used_b: set[int] = set()
    matches = []
    anchored = False
    for differs, _, _, a, b in candidates:
        if id(a) in used_a or id(b) in used_b:
            continue
        used_a.add(id(a))
        used_b.add(id(b))
        matches.append((a, b))
        anchored = anchored or not differs
    return matches, anchored


def find_conflicts(
    story_id: str,
    statements: Sequence[Statement],
    labels: Sequence[int],
    *,
    config: ConflictConfig | None = None,
    quantities: QuantityExtractor | None = None,
    dates: DateExtractor | None = None,
) -> tuple[Conflict, ...]:
    """Conflicts among one story's statements; `labels[i]` is the aligned claim of statement i."""
    config = config or ConflictConfig()
    quantities = quantities or default_quantity_extractor()
    dates = dates or default_date_extractor()
    # Identical sentences (copies) carry identical values: compare each distinct text once.
    by_text: dict[str, list[int]] = defaultdict(list)
    for index, statement in enumerate(statements):
        by_text[statement.evidence.text].append(index)
    found: list[Conflict] = []
    if quantities is not None:
        found += _figure_conflicts(
            story_id,
            statements=statements,
            labels=labels,
            by_text=by_text,
            extract=quantities,
            config=config,
        )
    found += _claim_conflicts(story_id, statements, labels, by_text, dates)
    unique = {c.id: c for c in found}
    return tuple(unique[k] for k in sorted(unique))


def _figure_conflicts(
    story_id: str,
    *,
    statements: Sequence[Statement],
    labels: Sequence[int],
    by_text: Mapping[str, list[int]],
    extract: QuantityExtractor,
    config: ConflictConfig,
) -> list[Conflict]:
    # Statements of one claim that state the same figures the same day compare alike (copies,
    # light rewrites): one representative each keeps large claims cheap. `members_of` maps it to
    # all the statements it stands for, whose evidence a conflict lists.
    figures_by_text = {text: _guarded(extract, text) for text in sorted(by_text)}
    members_of: dict[int, list[int]] = {}
    figures: dict[int, list[Figure]] = {}
    signatures: dict[tuple[object, ...], int] = {}
    for i, statement in enumerate(statements):
        text = statement.evidence.text
        found = figures_of(i, statement, figures_by_text[text])
        if not found:
            continue
        signature = (
            labels[i],
            (statement.published or "")[:10],
            bool(_UPDATE_CUE.search(text)),
            tuple(
                sorted((f.value, f.unit_words or "", f.about_words or "", f.approx) for f in found)
            ),
        )
        if signature in signatures:
            members_of[signatures[signature]].append(i)
            continue
        signatures[signature] = i
        members_of[i] = [i]
        figures[i] = found
    firsts = sorted(figures)
    # Candidate sentence pairs: same aligned claim, or an equal figure big enough to anchor.
    pairs: set[tuple[int, int]] = set()
    by_claim: dict[int, list[int]] = defaultdict(list)
    by_value: dict[float, set[int]] = defaultdict(set)
    for i in firsts:
        by_claim[labels[i]].append(i)
        for figure in figures[i]:
            if abs(figure.value) >= config.min_anchor_value:
                by_value[figure.value].add(i)
    anchor_groups = [sorted(g) for g in by_value.values() if len(g) <= config.max_anchor_sentences]
    for group in [*by_claim.values(), *anchor_groups]:
        pairs.update((a, b) for k, a in enumerate(group) for b in group[k + 1 :])
    # Union of figures that tell the same quantity; differing links are kept with their kind.
    parent: dict[tuple[int, int], tuple[int, int]] = {}

    def find(x: tuple[int, int]) -> tuple[int, int]:
        parent.setdefault(x, x)
        while parent[x] != x:
            x = parent[x]
        return x

    kinds: dict[tuple[tuple[int, int], tuple[int, int]], ComparisonKind] = {}
    position = {id(f): (f.statement, k) for i in firsts for k, f in enumerate(figures[i])}
    for a_index, b_index in sorted(pairs):
        same_claim = labels[a_index] == labels[b_index]
        matches, anchored = _match(figures[a_index], figures[b_index])
        for fa, fb in matches:
            kind = compare_values(fa, fb, statements, config=config)
            if kind == "different-quantity":
                continue
            if kind != "same" and not (same_claim or anchored):
                continue
            if kind != "same" and _one_voice(members_of, statements, fa, fb):
                continue
            key_a, key_b = position[id(fa)], position[id(fb)]
            root_a, root_b = find(key_a), find(key_b)
            parent[max(root_a, root_b)] = min(root_a, root_b)
            if kind != "same":
                kinds[(key_a, key_b)] = kind
    components: dict[tuple[int, int], list[Figure]] = defaultdict(list)
    for i in firsts:
        for k, figure in enumerate(figures[i]):
            if (i, k) in parent:
                components[find((i, k))].append(figure)
    out = []
    for root, members in components.items():
        member_kinds = [kind for (a, b), kind in kinds.items() if find(a) == root]
        if not member_kinds:
            continue
        out.append(_figure_conflict(story_id, members, member_kinds, statements, members_of))
    return out


def _one_voice(
    members_of: Mapping[int, list[int]], statements: Sequence[Statement], a: Figure, b: Figure
) -> bool:
    """Whether both figures come only from one voice (an outlet may repeat itself)."""
    voices = {statements[i].voice for f in (a, b) for i in members_of[f.statement]}
    return len(voices) == 1


def _figure_conflict(
    story_id: str,
    members: list[Figure],
    kinds: list[ComparisonKind],
    statements: Sequence[Statement],
    members_of: Mapping[int, list[int]],
) -> Conflict:
    kind = "conflict" if "conflict" in kinds else "update" if "update" in kinds else "rounding"
    evidence_by_value: dict[str, set[Evidence]] = defaultdict(set)
    for figure in members:
        label = _value_label(figure)
        for i in members_of[figure.statement]:
            evidence_by_value[label].add(statements[i].evidence)
    values = tuple(
        ConflictValue(
            value=label,
            evidence=tuple(sorted(evidence, key=lambda e: (e.article_id, e.span))),
        )
        for label, evidence in sorted(evidence_by_value.items())
    )
    topic = _topic(members)
    conflict_id = content_id("x", story_id, topic, *(v.value for v in values))
    return Conflict(id=conflict_id, story_id=story_id, topic=topic, values=values, kind=kind)


def _value_label(figure: Figure) -> str:
    number = f"{figure.value:,.0f}" if figure.value.is_integer() else f"{figure.value:,}"
    return f"about {number}" if figure.approx else number


def _topic(members: list[Figure]) -> str:
    """What the figures count, in words: the most common unit, and what it is about."""
    units = sorted((f.unit_words for f in members if f.unit_words), key=lambda u: (-len(u), u))
    abouts = sorted((f.about_words for f in members if f.about_words), key=lambda u: (len(u), u))
    unit = units[0] if units else "figure"
    if abouts:
        about = abouts[0]
        joiner = (
            " " if about.split()[0].lower() in {"for", "of", "in", "to", "from", "on"} else " for "
        )
        return f"{unit}{joiner}{about}"
    return unit


def _claim_conflicts(
    story_id: str,
    statements: Sequence[Statement],
    labels: Sequence[int],
    by_text: Mapping[str, list[int]],
    dates: DateExtractor | None,
) -> list[Conflict]:
    """Dates, negation and hedges that differ between voices of one aligned claim."""
    groups: dict[int, list[int]] = defaultdict(list)
    for text_indices in by_text.values():
        groups[labels[text_indices[0]]].append(min(text_indices))
    out = []
    for members in groups.values():
        members.sort()
        voices = {
            statements[i].voice for m in members for i in by_text[statements[m].evidence.text]
        }
        if len(members) < 2 or len(voices) < 2:
            continue
        topic = statements[members[0]].evidence.text
        texts = [statements[m].evidence.text for m in members]
        for classify, kind in ((_polarity, "conflict"), (_certainty, "hedge")):
            sides = _opposed_sides(texts, classify, statements, by_text)
            if sides:
                out.append(_fact_conflict(story_id, topic, sides, kind))
        if dates is not None:
            day_of = {t: _single_day(t, statements[by_text[t][0]].published, dates) for t in texts}
            sides = _opposed_sides(texts, day_of.get, statements, by_text)
            if sides:
                out.append(_fact_conflict(story_id, f"date of: {topic}", sides, "conflict"))
    return out


def _opposed_sides(
    texts: list[str],
    classify: Callable[[str], str | None],
    statements: Sequence[Statement],
    by_text: Mapping[str, list[int]],
) -> dict[str, set[Evidence]]:
    """Sentences of one claim on opposite sides (affirmed/negated, fact/hedged), kept only when
    an opposite sentence shares most of its content words: a "not" elsewhere in a long sentence
    ("not only the US but the world") must not make the claim disputed. Sentences classified
    None take no side (e.g. no single date)."""
    labels = {t: label for t in texts if (label := classify(t)) is not None}
    if len(set(labels.values())) < 2:
        return {}
    features = {t: text_features(_CUES_REMOVED.sub(" ", t)) for t in texts}
    sides: dict[str, set[Evidence]] = defaultdict(set)
    for a, label_a in labels.items():
        for b, label_b in labels.items():
            if label_a >= label_b:
                continue
            if lexical_overlap(features[a], features[b]) < MIN_OPPOSED_OVERLAP:
                continue
            for text in (a, b):
                for i in by_text[text]:
                    sides[labels[text]].add(statements[i].evidence)
    if len(sides) > 1 and _voices_differ(sides, statements):
        return sides
    return {}


def _single_day(text: str, published: str | None, dates: DateExtractor) -> str | None:
    """The one day-precise date a sentence states, or None (no date, or several)."""
    found = _guarded(lambda t: dates(t, published), text)
    days = {d.value for d in found if d.precision == "day" and d.value}
    return days.pop() if len(days) == 1 else None


def _voices_differ(sides: Mapping[str, set[Evidence]], statements: Sequence[Statement]) -> bool:
    voice = {s.evidence: s.voice for s in statements}
    per_side = [{voice[e] for e in evidence} for evidence in sides.values()]
    return len(set().union(*per_side)) > 1 and any(
        a != b for a in per_side for b in per_side if a is not b
    )


_CUES_REMOVED = re.compile(_NEGATION.pattern + "|" + _HEDGE.pattern, re.IGNORECASE)


def _polarity(text: str) -> str:
    return "negated" if _NEGATION.search(_NOT_NEGATING.sub(" ", text)) else "affirmed"


def _certainty(text: str) -> str:
    return "hedged" if _HEDGE.search(text) else "stated as fact"


def _fact_conflict(
    story_id: str, topic: str, sides: Mapping[str, set[Evidence]], kind: str
) -> Conflict:
    values = tuple(
        ConflictValue(value=label, evidence=tuple(sorted(ev, key=lambda e: (e.article_id, e.span))))
        for label, ev in sorted(sides.items())
    )
    conflict_id = content_id("x", story_id, kind, topic, *(v.value for v in values))
    return Conflict(id=conflict_id, story_id=story_id, topic=topic, values=values, kind=kind)


def disputed_statements(statements: Sequence[Statement], conflicts: Sequence[Conflict]) -> set[int]:
    """Indices of statements that take part in a real disagreement (not rounding or update)."""
    index = {(s.evidence.article_id, s.evidence.span): i for i, s in enumerate(statements)}
    out: set[int] = set()
    for conflict in conflicts:
        if conflict.kind not in {"conflict", "hedge"}:
            continue
        for value in conflict.values:
            for evidence in value.evidence:
                position = index.get((evidence.article_id, evidence.span))
                if position is not None:
                    out.add(position)
    return out
