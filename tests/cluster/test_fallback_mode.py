"""Without MiniLM and spaCy, story clustering uses its own calibrated weights and threshold.

The scenario is built in-process: the embedder is the hashed-words fallback and spaCy is
"not installed", exactly as on a machine without the model packages.
"""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest

from newsweave.cluster import StoryConfig, cluster_stories
from newsweave.cluster.stories import effective_config
from newsweave.embed import Embedder
from tests.cluster.test_seed_storyline import _seed_articles
from tests.conftest import REPO, shared_path

# ECB+ dev measured 0.824 B3 F1 (P 0.848) in fallback mode (docs/evaluation.md, "Stories",
# "Without the models"); with the MiniLM threshold applied to it, 0.472.
FALLBACK_FLOOR_B3_F1 = 0.80


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
    assert fallback.threshold < config.threshold


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
    spec = importlib.util.spec_from_file_location("eval_stories", REPO / "eval" / "stories.py")
    assert spec is not None and spec.loader is not None
    sys.path.insert(0, str(REPO / "eval"))
    try:
        module = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)
    finally:
        sys.path.remove(str(REPO / "eval"))
    articles, gold = module.load(data)
    dev = [a for a in articles if gold[a.id]["split"] == "dev"]
    stories, _ = cluster_stories(dev)
    label = module.labels_of(stories)
    result = module.scores([label[a.id] for a in dev], [gold[a.id]["event"] for a in dev])
    assert result["b3_f1"] >= FALLBACK_FLOOR_B3_F1
