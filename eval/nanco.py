"""Same-statement scoring on NAnCo (Laban et al. 2022), at the threshold the product ships.

Usage: python eval/nanco.py [--quick]

NAnCo's validation file holds four questions, each with 26-31 answers grouped by meaning. Every
unordered pair of one question's answers is "same group" (1) or not (0); the score is
`same_statement_matrix` (MiniLM cosine + story-IDF word containment + numbers) with the question
as the topic whose words weigh little - the function claim alignment uses - with the
similarity settings of the shipped `ClaimConfig`.

Figures (mean over the four questions of the balanced accuracy of "score > threshold"):
- at `ClaimConfig.threshold`, the alignment threshold `newsweave analyze` ships, with the blend
  weight (`semantic_weight`, once chosen on NAnCo) picked leave-one-question-out: for each
  question, the weight with the best mean on the other three; baseline: MiniLM cosine alone, its
  threshold also picked on the other three questions;
- at `SimilarityConfig.threshold` (the scorer's own NAnCo-calibrated default), same protocol.
NAnCo answers are short answer spans, not the full news sentences claims align: the product's
threshold is calibrated on `eval/data/claim_pairs.jsonl` (see `eval/claims.py`), and the gap
between the two thresholds is the honest cost of using one on the other's data.
"""

from __future__ import annotations

import argparse
import dataclasses
import itertools
import sys
from pathlib import Path
from typing import Any

import numpy as np
import numpy.typing as npt

sys.path.insert(0, str(Path(__file__).resolve().parent))

from harness import Figure, print_figures, shared_eval
from newsweave.align.claims import ClaimConfig
from newsweave.align.similarity import SimilarityConfig, same_statement_matrix
from newsweave.embed import get_embedder

GRID = np.round(np.arange(0.0, 1.0001, 0.01), 2)
WEIGHTS = (0.4, 0.5, 0.6, 0.7, 0.8)
FloatArray = npt.NDArray[np.float64]
COMMAND = "python eval/nanco.py"


def balanced_accuracy(scores: FloatArray, labels: FloatArray, threshold: float) -> float:
    """Mean of the recall on same-group pairs and on different-group pairs."""
    predicted = scores > threshold
    positive = labels == 1
    return float(0.5 * (predicted[positive].mean() + (~predicted[~positive]).mean()))


def curve(scores: FloatArray, labels: FloatArray) -> FloatArray:
    return np.array([balanced_accuracy(scores, labels, float(t)) for t in GRID])


def question_pairs(item: dict[str, Any]) -> tuple[list[str], FloatArray, npt.NDArray[np.int64]]:
    """Answers, pair labels and the (i, j) pair index arrays in file order."""
    answers = item["answers"]
    pairs = list(itertools.combinations(range(len(answers)), 2))
    labels = np.array(
        [float(answers[i]["cluster_global"] == answers[j]["cluster_global"]) for i, j in pairs]
    )
    return [a["Answer"] for a in answers], labels, np.array(pairs, dtype=np.int64)


def load_items() -> list[dict[str, Any]] | None:
    import json

    folder = shared_eval("nanco")
    if folder is None:
        return None
    items: list[dict[str, Any]] = json.loads(
        (folder / "nanco_validation.json").read_text(encoding="utf-8")
    )
    return items


def leave_one_out(table: FloatArray) -> float:
    """Mean over held-out rows of the row's value at the column best on the other rows."""
    picked = [
        table[k, int(np.delete(table, k, axis=0).mean(axis=0).argmax())] for k in range(len(table))
    ]
    return float(np.mean(picked))


def measure(
    items: list[dict[str, Any]], similarity: SimilarityConfig, threshold: float
) -> dict[str, float]:
    """Leave-one-question-out balanced accuracy at `threshold`, and the cosine baseline."""
    embedder = get_embedder()
    by_weight = np.zeros((len(items), len(WEIGHTS)))
    cosine_curves = []
    for q, item in enumerate(items):
        texts, labels, index = question_pairs(item)
        for w, weight in enumerate(WEIGHTS):
            config = dataclasses.replace(similarity, semantic_weight=weight)
            matrix = same_statement_matrix(texts, texts, topic=item["question"], config=config)
            scores = matrix[index[:, 0], index[:, 1]].astype(np.float64)
            by_weight[q, w] = balanced_accuracy(scores, labels, threshold)
        vectors = embedder.embed(texts)
        cosine = (vectors @ vectors.T)[index[:, 0], index[:, 1]].astype(np.float64)
        cosine_curves.append(curve(cosine, labels))
    shipped_weight = (
        WEIGHTS.index(similarity.semantic_weight) if similarity.semantic_weight in WEIGHTS else None
    )
    return {
        "leave_one_out": leave_one_out(by_weight),
        "shipped_weights": float(by_weight[:, shipped_weight].mean())
        if shipped_weight is not None
        else float("nan"),
        "cosine_leave_one_out": leave_one_out(np.array(cosine_curves)),
    }


def figures(*, quick: bool = False) -> list[Figure]:
    """NAnCo figures (the data are small: quick and full are the same run)."""
    del quick
    items = load_items()
    if items is None:
        return []
    claims = ClaimConfig()
    scorer = SimilarityConfig()
    data = f"NAnCo validation ({len(items)} questions)"
    out = []
    for label, similarity, threshold in (
        ("ClaimConfig.threshold", claims.similarity, claims.threshold),
        ("SimilarityConfig.threshold", scorer, scorer.threshold),
    ):
        result = measure(items, similarity, threshold)
        out.append(
            Figure(
                eval="nanco",
                metric=f"balanced accuracy at {label}, leave-one-question-out",
                data=f"{data}; threshold {threshold:.2f}; embedder {get_embedder().mode}",
                tuned_on="the other three questions (blend weight; threshold fixed)",
                value=round(result["leave_one_out"], 4),
                baseline="MiniLM cosine, threshold chosen on the other three questions",
                baseline_value=round(result["cosine_leave_one_out"], 4),
                command=COMMAND,
            )
        )
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true")
    print_figures(figures(quick=parser.parse_args().quick))


if __name__ == "__main__":
    main()
