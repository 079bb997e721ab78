"""Statements of one aligned claim that disagree: one voice affirms, another negates; or two
voices date it to different days.

The claims side has already grouped sentences that make one statement (`labels`); here only
sentences of one claim are compared, and only across independent voices.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Callable, Mapping, Sequence

from newsweave.align.conflict_base import (
    ConflictConfig,
    DateExtractor,
    Statement,
    guarded,
    make_conflict,
)
from newsweave.align.similarity import TextFeatures, text_features
from newsweave.ids import content_id
from newsweave.model import Conflict, ConflictValue, Evidence

__all__ = ["claim_conflicts"]

_NEGATION = re.compile(
    r"\b(?:not|never|no|none|denied|denies|deny|denying|refused|refuses|rejected|rejects|"
    r"dismissed|cant|dont|wont|didnt|doesnt|isnt|wasnt|arent|werent|hasnt|havent|hadnt|"
    r"couldnt|wouldnt|shouldnt)\b|n\s?['’]t\b",
    re.IGNORECASE,
)
# Negation words in phrases that do not negate the statement.
_NOT_NEGATING = re.compile(
    r"\b(?:not only|no doubt|whether or not|no less than|no longer|if not|not least)\b",
    re.IGNORECASE,
)


def claim_conflicts(
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
        sides = _opposed_sides(
            texts, _polarity, statements, by_text, config, check=_negates, same_day=True
        )
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
    same_day: bool = False,
) -> dict[str, set[Evidence]]:
    """Sentences of one claim on opposite sides, kept only when an opposite sentence shares most
    of its content words and comes from another voice: a "not" elsewhere in a long sentence
    must not make the claim disputed. Sentences classified None take no side.

    With `same_day`, the two voices must also write on one day (or both be undated): "Putin has
    not congratulated Biden" on 8 November and "Putin congratulated Biden" in December are a
    change over time, not a dispute; nor can a dated side be set against an undated one."""
    side_of = {t: label for t in texts if (label := classify(t)) is not None}
    if len(set(side_of.values())) < 2:
        return {}
    features = {t: text_features(_NEGATION.sub(" ", t)) for t in side_of}
    sides: dict[str, set[Evidence]] = defaultdict(set)
    for a, side_a in side_of.items():
        for b, side_b in side_of.items():
            if side_a >= side_b:
                continue
            if _words_of(a) == _words_of(b):
                continue  # one text in two copies ("didn't" / "didn 't", other quote marks)
            if _coverage(features[a], features[b]) < config.min_opposed_overlap:
                continue
            if check is not None and not check(a, b):
                continue
            if not _two_voices(by_text[a], by_text[b], statements, same_day=same_day):
                continue
            for text in (a, b):
                sides[side_of[text]].update(statements[i].evidence for i in by_text[text])
    return dict(sides) if len(sides) > 1 else {}


def _two_voices(
    a: list[int], b: list[int], statements: Sequence[Statement], *, same_day: bool
) -> bool:
    """Whether two different voices state the two sides (on one day, with `same_day`)."""
    return any(
        statements[i].voice != statements[j].voice
        and (not same_day or statements[i].day == statements[j].day)
        for i in a
        for j in b
    )


_WORD = re.compile(r"[^\W_]+")


def _words_of(text: str) -> list[str]:
    """The words of a sentence, lower case, without punctuation and quote marks."""
    return _WORD.findall(text.lower())


def _coverage(a: TextFeatures, b: TextFeatures) -> float:
    """Shared content words over those of the longer sentence (`lexical_overlap` takes the
    shorter one, which a short sentence inside a long one always fills)."""
    longer = max(len(a.terms), len(b.terms))
    return len(a.terms & b.terms) / longer if longer else 0.0


def _single_day(text: str, published: str | None, dates: DateExtractor) -> str | None:
    """The one day-precise date a sentence states, or None (no date, or several)."""
    found = guarded(lambda: dates(text, published))
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
    return make_conflict(conflict_id, story_id, topic, values, kind="conflict", basis=basis)
