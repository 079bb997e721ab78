"""Score the same-statement similarity on NAnCo (Laban et al. 2022), the paper's protocol.

Usage: python eval/nanco.py DATA_DIR   (DATA_DIR holds nanco_validation.json)

For each question, every unordered pair of answers is a "same group" (1) or not (0); the score is
`same_statement_matrix` over the answers, with the question as the topic whose words weigh
little. Per question we report balanced accuracy at the frozen `SimilarityConfig.threshold`
(the number that counts), and at the best per-question threshold (an upper bound, the
paper's validation protocol), plus leave-one-question-out (threshold chosen on the other three)
and the MiniLM cosine alone as a baseline. Prints one JSON line.
"""

from __future__ import annotations

import itertools
import json
import sys
from pathlib import Path

import numpy as np
import numpy.typing as npt

from newsweave.align.similarity import SimilarityConfig, same_statement_matrix
from newsweave.embed import get_embedder

GRID = np.round(np.arange(0.0, 1.0001, 0.01), 2)
FloatArray = npt.NDArray[np.float64]


def balanced_accuracy(scores: FloatArray, labels: FloatArray, threshold: float) -> float:
    """Mean of the recall on same-group pairs and on different-group pairs."""
    predicted = scores > threshold
    positive = labels == 1
    return float(0.5 * (predicted[positive].mean() + (~predicted[~positive]).mean()))


def curve(scores: FloatArray, labels: FloatArray) -> FloatArray:
    return np.array([balanced_accuracy(scores, labels, float(t)) for t in GRID])


def question_pairs(item: dict[str, object]) -> tuple[list[str], FloatArray, FloatArray]:
    """Answers, pair labels and the (i, j) pair index arrays in file order."""
    answers = item["answers"]
    assert isinstance(answers, list)
    pairs = list(itertools.combinations(range(len(answers)), 2))
    labels = np.array(
        [float(answers[i]["cluster_global"] == answers[j]["cluster_global"]) for i, j in pairs]
    )
    index = np.array(pairs, dtype=np.int64)
    return [a["Answer"] for a in answers], labels, index


def main(data_dir: Path) -> dict[str, object]:
    items = json.loads((data_dir / "nanco_validation.json").read_text(encoding="utf-8"))
    config = SimilarityConfig()
    embedder = get_embedder()
    per_question: dict[str, float] = {}
    curves, cosine_curves = [], []
    for item in items:
        texts, labels, index = question_pairs(item)
        matrix = same_statement_matrix(texts, texts, topic=item["question"], config=config)
        scores = matrix[index[:, 0], index[:, 1]].astype(np.float64)
        vectors = embedder.embed(texts)
        cosine = (vectors @ vectors.T)[index[:, 0], index[:, 1]].astype(np.float64)
        qid = item["answers"][0]["qid"]
        per_question[qid] = round(balanced_accuracy(scores, labels, config.threshold), 4)
        curves.append(curve(scores, labels))
        cosine_curves.append(curve(cosine, labels))
    table = np.array(curves)
    cosine_table = np.array(cosine_curves)
    leave_one_out = []
    for k in range(len(table)):
        others = np.delete(table, k, axis=0).mean(axis=0)
        leave_one_out.append(table[k, int(others.argmax())])
    return {
        "eval": "nanco-validation",
        "embedder": embedder.mode,
        "threshold": config.threshold,
        "balanced_accuracy": round(float(np.mean(list(per_question.values()))), 4),
        "per_question": per_question,
        "upper_bound_per_question_threshold": round(float(table.max(axis=1).mean()), 4),
        "best_single_threshold": float(GRID[int(table.mean(axis=0).argmax())]),
        "leave_one_question_out": round(float(np.mean(leave_one_out)), 4),
        "cosine_only_single_threshold": round(float(cosine_table.mean(axis=0).max()), 4),
        "cosine_only_upper_bound": round(float(cosine_table.max(axis=1).mean()), 4),
    }


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit("usage: python eval/nanco.py DATA_DIR")
    print(json.dumps(main(Path(sys.argv[1])), sort_keys=True))
