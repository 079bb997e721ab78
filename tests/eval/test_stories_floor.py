"""Story clustering on ECB+ dev must not fall below the pinned floors (with the models).

The stories stage runs on the articles the product's own clean/describe/dates functions make of
the dev records, with the shipped `StoryConfig` (calibrated on ECB+ train + GVC train).
Measured 2026-12-02 on the product's articles and features of ECB+ dev: B3 F1 0.834
(P 0.776, R 0.900); after the session-4 re-calibration 0.841 (P 0.783, R 0.908); session 5
(weekday evidence, re-tuned on train) 0.838 (P 0.792, R 0.891) through analyze; session 7
(lead-person evidence) 0.973 (P 1.000, R 0.947) here and through analyze; no story
mixes two topics (`python eval/stories.py` for the figure
through `newsweave analyze`). Lower a floor only on
purpose, with the reason in docs/evaluation.md.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

from newsweave.cluster import cluster_stories
from newsweave.embed import get_embedder
from tests.cluster.samples import product_articles
from tests.conftest import REPO, shared_path

FLOOR_B3_F1 = 0.96
FLOOR_TOPIC_PRECISION = 0.99


def _jsonl(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8") as stream:
        return [json.loads(line) for line in stream if line.strip()]


@pytest.mark.slow
def test_ecbplus_dev_story_clustering_stays_above_the_floor() -> None:
    data = shared_path("eval", "ecbplus")
    if get_embedder().mode != "minilm-onnx":
        pytest.skip("floors were measured with MiniLM")
    gold = {g["id"]: g for g in _jsonl(data / "gold.jsonl")}
    records = [r for r in _jsonl(data / "articles.jsonl") if gold[r["id"]]["split"] == "dev"]
    articles = product_articles(records)
    stories, _ = cluster_stories(articles)
    story_of = {a: s.id for s in stories for a in s.article_ids}
    predicted = [story_of[a.id] for a in articles]
    sys.path.insert(0, str(REPO / "eval"))
    try:
        from cluster_metrics import bcubed
    finally:
        sys.path.remove(str(REPO / "eval"))
    assert bcubed(predicted, [gold[r["id"]]["event"] for r in records])[2] >= FLOOR_B3_F1
    # A story must never mix topics (twin events of one topic are the hard part, not topics).
    topic_precision = bcubed(predicted, [gold[r["id"]]["topic"] for r in records])[0]
    assert topic_precision >= FLOOR_TOPIC_PRECISION
