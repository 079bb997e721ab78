"""Do two sentences make the same statement? A score in [0, 1] that alignment thresholds.

The score blends three signals, because none is enough alone (measured on NAnCo, see
`docs/evaluation.md`, "Claim alignment"):
- semantic: cosine of MiniLM sentence embeddings (`newsweave.embed`), which sees paraphrase
  ("largest shareholder" ~ "biggest investor") but also rates two different claims about the
  same topic as close;
- lexical: weighted containment of content words (lower-cased, lemma-ish stemmed, numbers
  normalised) where words every candidate shares - the question, the story's common vocabulary -
  weigh little, so agreement on what is *specific* to a statement counts;
- numbers: a shared number raises the score; numbers present on both sides with none in common
  ("two years" vs "three years") lower it. Alignment of claims switches the clash penalty off
  (see `newsweave.align.claims`): there a clash on the same quantity is a dispute, not a
  different statement.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from functools import lru_cache

import numpy as np
import numpy.typing as npt

from newsweave.embed import get_embedder
from newsweave.model import record

Matrix = npt.NDArray[np.float32]


@record
class SimilarityConfig:
    """Weights of the same-statement score and the threshold alignment applies to it.

    Calibrated on the four NAnCo validation questions (`eval/nanco.py`; re-run it and update
    `tests/eval/test_nanco_floor.py` when any value changes). The weights were chosen on a coarse
    grid for the best mean balanced accuracy with ONE threshold shared by all questions, and
    checked leave-one-question-out; they were not tuned per question.
    """

    # Share of the embedding cosine in the blend; the rest is lexical containment. Grid
    # 0.4..0.8: 0.7 best with one threshold (0.6 costs 0.005 balanced accuracy).
    semantic_weight: float = 0.7
    # Added when both texts state a number and share one (same count, same year). Neutral on
    # NAnCo (grid 0..0.2 within 0.001); kept small because shared figures are strong evidence
    # of the same statement in full news sentences.
    number_match_bonus: float = 0.05
    # Subtracted when both texts state numbers and share none; 0 makes clashes neutral.
    # Grid 0..0.3: 0.2 lifts Q3 ("two years" vs "three years") from 0.85 to 0.89.
    number_clash_penalty: float = 0.2
    # Share of the context (surrounding paragraph) cosine, when contexts are given. Paragraph
    # cosine alone scores 0.61 on NAnCo and any share of it lowered the blend, so it is off by
    # default; the knob exists for callers whose texts are fragments of a known paragraph.
    context_weight: float = 0.0
    # Score above which two texts are taken to make the same statement. Frozen on NAnCo
    # validation: the single threshold (grid step 0.01) with the best mean balanced accuracy
    # over Q2/Q3/Q5/Q6 = 0.867; leave-one-question-out 0.863 (docs/evaluation.md).
    threshold: float = 0.32

    def __post_init__(self) -> None:
        for name in ("semantic_weight", "context_weight"):
            value = getattr(self, name)
            if not 0.0 <= value <= 1.0:
                raise ValueError(f"SimilarityConfig.{name} must be within [0, 1], got {value}")
        if self.number_match_bonus < 0 or self.number_clash_penalty < 0:
            raise ValueError("SimilarityConfig number bonus and penalty must not be negative")


DEFAULT_CONFIG = SimilarityConfig()

# Function words and reporting verbs: they carry no content of their own in news sentences.
STOPWORDS = frozenset(
    """a about above after again against all also am an and any are as at be because been before
    being below between both but by can could did do does doing down during each few for from
    further had has have having he her here hers herself him himself his how i if in into is it its
    itself just me more most my myself no nor not of off on once only or other our ours ourselves
    out over own same she should so some such than that the their theirs them themselves then there
    these they this those through to too under until up very was we were what when where which
    while who whom why will with would you your yours yourself yourselves s t don now said says
    say told tells according mr mrs ms per via also would could may might must shall one's its
    """.split()  # noqa: SIM905  (a word list reads better as text)
)

NUMBER_WORDS = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
    "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20,
    "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80,
    "ninety": 90, "hundred": 100, "dozen": 12, "half": 0.5, "single": 1, "once": 1, "twice": 2,
    "first": 1, "second": 2, "third": 3,
}  # fmt: skip
# "one"/"first"/"single"/"second" are too often not counts ("one of", "second-largest") to
# make a clash: they may confirm a match but never count as a clashing number.
WEAK_NUMBER_WORDS = frozenset({"one", "single", "first", "second", "once", "half"})

# A figure written as digit groups joined by a dash, colon or slash is ONE value: a phone number
# ("574-6941"), a score or record ("122-147"), a season ("2007-08"), a time ("10:30"). Read as two
# numbers, "(203) 574-6941" and "(203) 574-6920" shared two of three and looked like agreement
# (a phone number keeps its area code).
_TOKEN = re.compile(
    r"\(\d{3}\)\s?\d{3}[-–]\d{4}|\d+(?:[-–:/]\d+)+|\d[\d,]*(?:\.\d+)?|[^\W\d_]+(?:['’][^\W\d_]+)?",
    re.UNICODE,
)
# Calendar dates ("October 23", "23 Oct. 2008", "Dec. 2, 2008"): their numbers are days and years,
# not counts ("since October 23" matched "23 pirates"), and outlets date one event differently
# ("Saturday" / "Dec. 6"). Same-day checks belong to the date comparison of `align.statement`.
_MONTH = (
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|"
    r"sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)(?:\.|\b)"
)
_DATE = re.compile(
    rf"\b{_MONTH}\s*\d{{1,2}}(?:st|nd|rd|th)?\b(?:,?\s*\d{{4}}\b)?"
    rf"|\b\d{{1,2}}(?:st|nd|rd|th)?\s+(?:of\s+)?{_MONTH}(?:,?\s*\d{{4}}\b)?",
    re.IGNORECASE,
)
_SUFFIXES = ("ations", "ation", "ings", "ing", "ies", "ied", "ness", "ers", "ed", "es", "er", "s")


@lru_cache(maxsize=1 << 16)
def stem(word: str) -> str:
    """A lemma-ish key: lower-case, common English suffixes cut (smuggled ~ smuggling ~ smuggle).

    Deliberately cruder than a lemmatizer: it runs on every candidate pair's words and only has
    to map inflections of one word together, not produce a real lemma.
    """
    word = word.lower().replace("’", "'")
    if word.endswith("'s"):
        word = word[:-2]
    for suffix in _SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            word = word[: -len(suffix)]
            break
    if len(word) > 3 and word.endswith("e"):
        word = word[:-1]
    if len(word) > 3 and word[-1] == word[-2] and word[-1] not in "aeiou":
        word = word[:-1]
    return word


@dataclass(frozen=True, slots=True)
class TextFeatures:
    """What the lexical and number parts of the score need from one text."""

    terms: frozenset[str]
    numbers: frozenset[str]
    strong_numbers: frozenset[str]


def _number_key(token: str) -> str | None:
    """The value a token states, as a comparable key ("1000", "2.5", "574-6941"), or None."""
    if token[0] == "(":  # a phone number with its area code
        return re.sub(r"\D", "", token)
    if token[0].isdecimal():
        if not token[-1].isdecimal():
            return None
        joined = re.sub(r"[-–]", "-", token.replace(",", ""))
        if not joined.replace(".", "", 1).isdecimal():
            return joined  # digit groups joined by - : / are one figure
        return f"{float(joined):g}"
    value = NUMBER_WORDS.get(token.lower())
    return f"{float(value):g}" if value is not None else None


# Distinct texts whose features a process keeps (`text_features`): claim alignment asks for a
# sentence's features again for each pair it compares (`polarity_clash`, the same-statement
# facts): 10,217 calls for 2,337 sentences in the ten biggest stories of a 2,000-article +1 %
# step. A few hundred bytes each.
FEATURE_CACHE_ENTRIES = 50_000


@lru_cache(maxsize=FEATURE_CACHE_ENTRIES)
def text_features(text: str) -> TextFeatures:
    """Content-word keys and stated numbers of `text` (immutable, so kept per process)."""
    terms: set[str] = set()
    numbers: set[str] = set()
    strong: set[str] = set()
    for token in _TOKEN.findall(_DATE.sub(" ", text)):
        value = _number_key(token)
        if value is not None:
            numbers.add(value)
            terms.add(f"#{value}")
            if token.lower() not in WEAK_NUMBER_WORDS:
                strong.add(value)
            continue
        lowered = token.lower()
        if lowered in STOPWORDS or len(lowered) < 2:
            continue
        terms.add(stem(lowered))
    return TextFeatures(frozenset(terms), frozenset(numbers), frozenset(strong))


@dataclass(frozen=True, slots=True)
class TermWeights:
    """How much each content term counts; unseen terms count `default` (as if seen once)."""

    weights: Mapping[str, float]
    default: float

    def of(self, term: str) -> float:
        return self.weights.get(term, self.default)

    def total(self, features: TextFeatures) -> float:
        return sum(self.of(t) for t in features.terms)


def term_weights(texts: Iterable[str | TextFeatures], *, topic: str | None = None) -> TermWeights:
    """Inverse document frequency of each term among `texts` (a story's sentences, a question's
    answers), with the terms of `topic` (the question, the story title) weighted as if every text
    contained them: words every candidate shares say little about which statement it makes.
    """
    features = [t if isinstance(t, TextFeatures) else text_features(t) for t in texts]
    total = len(features)
    frequency: Counter[str] = Counter()
    for feature in features:
        frequency.update(feature.terms)
    if topic is not None:
        for term in text_features(topic).terms:
            frequency[term] = total
    weights = {term: _idf(count, total) for term, count in frequency.items()}
    return TermWeights(weights=weights, default=_idf(1, total))


def _idf(count: int, total: int) -> float:
    # Smoothed so that a term in every text still weighs a little (never exactly zero).
    return math.log((total + 1) / (count + 0.5))


def lexical_overlap(
    a: TextFeatures,
    b: TextFeatures,
    weights: TermWeights | None = None,
    *,
    totals: tuple[float, float] | None = None,
) -> float:
    """Weighted overlap coefficient of content terms: shared weight / the smaller side's weight.

    Containment rather than Jaccard: a short wording ("largest shareholder") inside a longer one
    ("largest shareholder and a board member") makes the same point. `totals` are the two sides'
    total weights when the caller has them already (alignment scores each claim many times).
    """
    if not a.terms or not b.terms:
        return 0.0
    if weights is None:
        return len(a.terms & b.terms) / min(len(a.terms), len(b.terms))
    shared = sum(weights.of(t) for t in a.terms & b.terms)
    total_a, total_b = totals if totals is not None else (weights.total(a), weights.total(b))
    smaller = min(total_a, total_b)
    return shared / smaller if smaller > 0 else 0.0


# Cues that turn a statement into its denial. "not only" and "no doubt" assert; they are cut first.
_NEGATION = re.compile(
    r"\b(?:not|no|never|none|nobody|nothing|neither|nor|cannot|without|denied|denies|deny|"
    r"refused|refuses|rejected)\b|n['’]t\b",
    re.IGNORECASE,
)
_NOT_NEGATING = re.compile(
    r"\b(?:not only|no doubt|no later than|no more than|no less than|not least|"
    r"nothing but|no matter)\b",
    re.IGNORECASE,
)


# Where a denial cue's reach ends: the end of its clause (punctuation, a dash, "but"). Not a
# full stop: inside one claim sentence that is an abbreviation ("no U.S. troops").
_CLAUSE_END = re.compile(r"[,;:!?()\[\]—–\"“”]|\s-\s|\b(?:but|although|though|while)\b")


def _reach(text: str, start: int) -> str:
    """The words a denial cue ending at `start` governs: the next 60 characters, up to the end
    of the cue's clause ('the rich pay nothing," said Giannis' denies nothing of Giannis)."""
    window = text[start : start + 60]
    end = _CLAUSE_END.search(window)
    return window[: end.start()] if end else window


def negated(text: str) -> bool:
    """Whether `text` carries a denial cue ("not", "never", "didn't", "denied").

    Coarse on purpose: it only has to tell "X was arrested" from "X was not arrested" among
    sentences that already align; which clause the cue belongs to is left to the overlap test
    of the caller.
    """
    return bool(_NEGATION.search(_NOT_NEGATING.sub(" ", text)))


# Kept per process like `text_features`: `polarity_clash` reads both sides' denials for each
# pair it checks (55,304 calls for ~3,000 sentences in a 20-article +1 % step into 1,978
# articles, session 26), and a text's denials never change.
@lru_cache(maxsize=FEATURE_CACHE_ENTRIES)
def negated_terms(text: str) -> frozenset[str]:
    """Content-word keys that a denial cue governs: the first content word after each cue
    ("was not arrested" -> {"arrest"}, "no one else was injured" -> {"injur"})."""
    cleaned = _NOT_NEGATING.sub(" ", text)
    out: set[str] = set()
    for cue in _NEGATION.finditer(cleaned):
        for token in _TOKEN.findall(_reach(cleaned, cue.end())):
            lowered = token.lower()
            if lowered in STOPWORDS or lowered in NUMBER_WORDS or lowered == "else":
                continue
            if not token[0].isdigit() and len(lowered) > 1:
                out.add(stem(lowered))
                break
    return frozenset(out)


@lru_cache(maxsize=FEATURE_CACHE_ENTRIES)
def negation_reach(text: str) -> frozenset[str]:
    """Content-word keys within a denial cue's reach: from the cue to the end of its clause,
    within the same 60 characters `negated_terms` reads ("no chance of parole" reaches
    "parole"; "never one of those to go out and get into trouble" reaches "get")."""
    cleaned = _NOT_NEGATING.sub(" ", text)
    out: set[str] = set()
    for cue in _NEGATION.finditer(cleaned):
        for token in _TOKEN.findall(_reach(cleaned, cue.end())):
            lowered = token.lower()
            if lowered not in STOPWORDS and not token[0].isdigit() and len(lowered) > 1:
                out.add(stem(lowered))
    return frozenset(out)


def polarity_clash(a: str, b: str) -> bool:
    """Whether one text denies what the other affirms: a word governed by a denial cue on one
    side stands on the other outside any denial's reach ("was arrested" vs "was not
    arrested").

    The governed word is the first content word after the cue, which two wordings of one
    denial need not share: "without parole" / "with no chance of parole", "not having
    surgery" / "does not require surgery", "never one of those to go out and get into trouble"
    / "never one of those to get into trouble" (issue 11, session 22: three single-source
    claims of eval/single_source.py's stories that another article states). A word the other
    side also denies (`negation_reach`) is no clash; one it affirms still is."""
    denied_a, denied_b = negated_terms(a), negated_terms(b)
    reach_a, reach_b = denied_a | negation_reach(a), denied_b | negation_reach(b)
    terms_a, terms_b = text_features(a).terms, text_features(b).terms
    return bool((denied_a - reach_b) & terms_b) or bool((denied_b - reach_a) & terms_a)


def number_agreement(a: TextFeatures, b: TextFeatures) -> int:
    """+1 when the texts share a number, -1 when both state counts with none in common, else 0."""
    if a.numbers & b.numbers:
        return 1
    if a.strong_numbers and b.strong_numbers:
        return -1
    return 0


def combine(
    cosine: float,
    lexical: float,
    numbers: int,
    *,
    context_cosine: float | None = None,
    config: SimilarityConfig = DEFAULT_CONFIG,
) -> float:
    """The same-statement score from its parts, clipped to [0, 1]."""
    score = config.semantic_weight * cosine + (1.0 - config.semantic_weight) * lexical
    if context_cosine is not None and config.context_weight > 0:
        score = (1.0 - config.context_weight) * score + config.context_weight * context_cosine
    if numbers > 0:
        score += config.number_match_bonus
    elif numbers < 0:
        score -= config.number_clash_penalty
    return min(1.0, max(0.0, score))


def same_statement_score(
    a: str,
    b: str,
    *,
    context_a: str | None = None,
    context_b: str | None = None,
    config: SimilarityConfig | None = None,
) -> float:
    """How surely `a` and `b` make the same statement, in [0, 1].

    `context_a`/`context_b` are the paragraphs the texts come from; with a positive
    `config.context_weight` their cosine enters the blend. Scores above `config.threshold` mean
    "same statement". Without a topic or corpus, every content word weighs the same; alignment
    uses `same_statement_matrix` with a story's term weights instead.
    """
    config = config or DEFAULT_CONFIG
    texts = [a, b]
    with_context = context_a is not None and context_b is not None
    if with_context:
        texts += [context_a or "", context_b or ""]
    vectors = get_embedder().embed(texts)
    cosine = float(vectors[0] @ vectors[1])
    context_cosine = float(vectors[2] @ vectors[3]) if with_context else None
    fa, fb = text_features(a), text_features(b)
    return combine(
        cosine,
        lexical_overlap(fa, fb),
        number_agreement(fa, fb),
        context_cosine=context_cosine,
        config=config,
    )


def same_statement_matrix(
    texts_a: Sequence[str],
    texts_b: Sequence[str],
    *,
    topic: str | None = None,
    weights: TermWeights | None = None,
    config: SimilarityConfig | None = None,
) -> Matrix:
    """Scores of every pair (len(texts_a) x len(texts_b)); vectorized over the embeddings.

    `weights` are term weights (see `term_weights`); by default they are computed over both lists
    together with `topic` (e.g. the question all texts answer) down-weighted.
    """
    config = config or DEFAULT_CONFIG
    if weights is None:
        weights = term_weights([*texts_a, *texts_b], topic=topic)
    embedder = get_embedder()
    cosine = embedder.embed(list(texts_a)) @ embedder.embed(list(texts_b)).T
    return score_matrix(
        cosine, [text_features(t) for t in texts_a], [text_features(t) for t in texts_b],
        weights=weights, config=config,
    )  # fmt: skip


def score_matrix(
    cosine: Matrix,
    features_a: Sequence[TextFeatures],
    features_b: Sequence[TextFeatures],
    *,
    weights: TermWeights | None,
    config: SimilarityConfig = DEFAULT_CONFIG,
) -> Matrix:
    """Blend a precomputed cosine matrix with the lexical and number parts of each pair."""
    out = np.zeros(cosine.shape, dtype=np.float32)
    totals_a = [weights.total(f) if weights else 0.0 for f in features_a]
    totals_b = [weights.total(f) if weights else 0.0 for f in features_b]
    for i, fa in enumerate(features_a):
        for j, fb in enumerate(features_b):
            totals = (totals_a[i], totals_b[j]) if weights else None
            out[i, j] = combine(
                float(cosine[i, j]),
                lexical_overlap(fa, fb, weights, totals=totals),
                number_agreement(fa, fb),
                config=config,
            )
    return out


def without_clash_penalty(config: SimilarityConfig) -> SimilarityConfig:
    """`config` with number clashes made neutral (for finding disputes rather than differences)."""
    return replace(config, number_clash_penalty=0.0)
