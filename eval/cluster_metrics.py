"""Clustering scores against gold labels: B-cubed, adjusted Rand index, V-measure (numpy only)."""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Sequence


def bcubed(predicted: Sequence[str], gold: Sequence[str]) -> tuple[float, float, float]:
    """B-cubed precision, recall and F1 over items labelled `predicted` and `gold`."""
    pairs = Counter(zip(predicted, gold, strict=True))
    pred_sizes = Counter(predicted)
    gold_sizes = Counter(gold)
    n = len(predicted)
    if n == 0:
        return 0.0, 0.0, 0.0
    precision = sum(c * c / pred_sizes[p] for (p, _), c in pairs.items()) / n
    recall = sum(c * c / gold_sizes[g] for (_, g), c in pairs.items()) / n
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1


def _comb2(x: int) -> float:
    return x * (x - 1) / 2


def adjusted_rand(predicted: Sequence[str], gold: Sequence[str]) -> float:
    """Adjusted Rand index (Hubert & Arabie)."""
    n = len(predicted)
    if n < 2:
        return 1.0
    index = sum(_comb2(c) for c in Counter(zip(predicted, gold, strict=True)).values())
    rows = sum(_comb2(c) for c in Counter(predicted).values())
    cols = sum(_comb2(c) for c in Counter(gold).values())
    expected = rows * cols / _comb2(n)
    maximum = (rows + cols) / 2
    return 1.0 if maximum == expected else (index - expected) / (maximum - expected)


def _entropy(labels: Sequence[str]) -> float:
    n = len(labels)
    return -sum(c / n * math.log(c / n) for c in Counter(labels).values())


def _conditional_entropy(a: Sequence[str], b: Sequence[str]) -> float:
    """H(a | b)."""
    n = len(a)
    joint = Counter(zip(a, b, strict=True))
    b_sizes = Counter(b)
    return -sum(c / n * math.log(c / b_sizes[y]) for (_, y), c in joint.items())


def v_measure(predicted: Sequence[str], gold: Sequence[str]) -> tuple[float, float, float]:
    """Homogeneity, completeness and V-measure (Rosenberg & Hirschberg 2007)."""
    h_gold, h_pred = _entropy(gold), _entropy(predicted)
    homogeneity = 1.0 if h_gold == 0 else 1 - _conditional_entropy(gold, predicted) / h_gold
    completeness = 1.0 if h_pred == 0 else 1 - _conditional_entropy(predicted, gold) / h_pred
    total = homogeneity + completeness
    v = 2 * homogeneity * completeness / total if total else 0.0
    return homogeneity, completeness, v


def scores(predicted: Sequence[str], gold: Sequence[str]) -> dict[str, float]:
    """All scores of one labelling, rounded for a JSON line."""
    p, r, f = bcubed(predicted, gold)
    _, _, v = v_measure(predicted, gold)
    return {
        "b3_p": round(p, 4),
        "b3_r": round(r, 4),
        "b3_f1": round(f, 4),
        "ari": round(adjusted_rand(predicted, gold), 4),
        "v_measure": round(v, 4),
        "clusters": len(set(predicted)),
        "gold_clusters": len(set(gold)),
    }
