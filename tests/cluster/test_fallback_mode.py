"""Without MiniLM and spaCy, story clustering uses its own calibrated weights and threshold.

The scenario is built in-process: the embedder is the hashed-words fallback and spaCy is
"not installed", exactly as on a machine without the model packages.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

from newsweave.cluster import StoryConfig, cluster_stories
from newsweave.cluster.stories import effective_config
from newsweave.embed import Embedder
from tests.cluster.samples import product_articles
from tests.cluster.test_seed_storyline import _seed_articles
from tests.conftest import REPO, shared_path

# ECB+ dev measured 0.847 B3 F1 in fallback mode on the product's articles
# (`eval/stories.py --no-models`); with the MiniLM values applied to it, far lower. Session 5
# (weekday evidence, re-tuned fallback values): 0.900 through `newsweave analyze`.
FALLBACK_FLOOR_B3_F1 = 0.78


@pytest.fixture
def no_models(monkeypatch: pytest.MonkeyPatch) -> None:
    fallback = Embedder(prefer_model=False)
    for module in ("newsweave.cluster.stories", "newsweave.cluster.features", "newsweave.embed"):
        monkeypatch.setattr(f"{module}.get_embedder", lambda *_a, **_k: fallback)
    monkeypatch.setattr("newsweave.cluster.features.load_spacy", lambda **_k: None)


def test_fallback_values_replace_the_model_ones_only_in_hashed_mode() -> None:
    config = StoryConfig()
    assert effective_config(config, "minilm-onnx") == config
    fallback = effective_config(config, "hashed-bow")
    assert fallback.threshold == config.fallback_threshold
    assert fallback.weight_terms == config.fallback_weight_terms
    assert fallback.contrast_weight == config.fallback_contrast_weight
    assert fallback.contrast_ratio == config.fallback_contrast_ratio
    assert fallback.weekday_conflict_weight == config.fallback_weekday_conflict_weight
    assert fallback != config  # the fallback has its own calibration


@pytest.mark.slow
@pytest.mark.usefixtures("no_models")
def test_seed_reports_of_one_day_form_one_story_without_the_models(examples_dir: Path) -> None:
    stories, index = cluster_stories(_seed_articles(examples_dir))
    assert index.embed_mode == "hashed-bow"
    groups = {frozenset(s.article_ids) for s in stories}
    assert frozenset({"seed-001", "seed-002"}) <= max(groups, key=len)
    assert not any({"seed-001", "seed-003"} <= g for g in groups)


@pytest.mark.slow
@pytest.mark.usefixtures("no_models")
def test_ecbplus_dev_in_fallback_mode_stays_above_the_floor() -> None:
    data = shared_path("eval", "ecbplus")
    gold = {g["id"]: g for g in _jsonl(data / "gold.jsonl")}
    records = [r for r in _jsonl(data / "articles.jsonl") if gold[r["id"]]["split"] == "dev"]
    articles = product_articles(records)
    stories, _ = cluster_stories(articles)
    story_of = {a: s.id for s in stories for a in s.article_ids}
    predicted = [story_of[a.id] for a in articles]
    truth = [gold[r["id"]]["event"] for r in records]
    sys.path.insert(0, str(REPO / "eval"))
    try:
        from cluster_metrics import bcubed
    finally:
        sys.path.remove(str(REPO / "eval"))
    assert bcubed(predicted, truth)[2] >= FALLBACK_FLOOR_B3_F1


def _jsonl(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8") as stream:
        return [json.loads(line) for line in stream if line.strip()]
