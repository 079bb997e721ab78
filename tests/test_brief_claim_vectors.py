"""A brief or a timeline written again takes its claim sentences' vectors from the
`claim-vectors` products the claims stage kept (`align.kept_vectors`, issue 15), not from the
model: in an `ingest` the stored articles' vectors are in those products, not in this process's
embedder. The briefs and timelines written with every vector from the model (the old
computation) are the oracle."""

from __future__ import annotations

from collections import OrderedDict

import numpy as np
import pytest

from newsweave.align.claims import ArticleClaims
from newsweave.align.stage import TimelineStage
from newsweave.align.timeline import build_timeline
from newsweave.embed import Embedder, get_embedder
from newsweave.executors import LocalExecutor
from newsweave.extract.stage import DatesStage
from tests.align.test_claims_story_index import _Shelf
from tests.test_brief_keys import _run
from tests.test_brief_text_reads import _corpus, _oracle


@pytest.fixture
def model() -> Embedder:
    embedder = get_embedder()
    if embedder.mode != "minilm-onnx":
        pytest.skip("the MiniLM model is not installed (the fallback embeds no batch)")
    return embedder


def _asked(monkeypatch: pytest.MonkeyPatch, embedder: Embedder) -> list[str]:
    """The texts given to the model from now on, in a new, empty cache (a new process)."""
    asked: list[str] = []
    embed = embedder._embed_model

    def counted(texts: list[str]) -> np.ndarray:
        asked.extend(texts)
        return embed(texts)

    monkeypatch.setattr(embedder, "_embed_model", counted)
    monkeypatch.setattr(embedder, "_cache", OrderedDict())
    return asked


def test_briefs_written_again_take_the_kept_claim_vectors(
    monkeypatch: pytest.MonkeyPatch, model: Embedder
) -> None:
    shelf = _Shelf()
    first, _ = _run(_corpus(), shelf)
    claim_texts = {c.text for c in first.claims}

    # The oracle: every brief from vectors the model gives now.
    asked = _asked(monkeypatch, model)
    oracle = _oracle(first)
    assert claim_texts & set(asked)
    assert first.summaries == oracle

    # Written again (the claims and text reads kept, the briefs not): no claim text is
    # embedded, the briefs are the oracle's.
    asked = _asked(monkeypatch, model)
    again, _ = _run(_corpus(), shelf.copy(without="story-brief"))
    assert again.summaries == oracle
    assert not claim_texts & set(asked)


def test_a_kept_claim_vector_is_the_models_vector(model: Embedder) -> None:
    """The bytes a product keeps are those the model gives the text embedded alone."""
    shelf = _Shelf()
    _run(_corpus(), shelf)
    kept = [v for v in shelf.rows["claim-vectors"].values() if isinstance(v, ArticleClaims)]
    assert kept
    for claims in kept:
        alone = model._embed_model([e.text for e in claims.evidence[:3]])
        for k in range(len(alone)):
            assert alone[k].tobytes() == claims.vectors[k].tobytes()
        for k, e in enumerate(claims.evidence):
            assert model._embed_model([e.text])[0].tobytes() == claims.vectors[k].tobytes()


def test_timelines_built_again_take_the_kept_claim_vectors(
    monkeypatch: pytest.MonkeyPatch, model: Embedder
) -> None:
    corpus = DatesStage().run(_corpus(), LocalExecutor(workers=1))
    shelf = _Shelf()
    first, _ = _run(corpus, shelf, then=TimelineStage())
    assert first.timeline
    claim_texts = {c.text for c in first.claims}

    # The oracle: every story's timeline from vectors the model gives now.
    asked = _asked(monkeypatch, model)
    oracle = build_timeline(
        corpus.stories,
        {a.id: a for a in corpus.articles},
        voices=corpus.voices,
        config=TimelineStage().config,
    )
    embedded = claim_texts & set(asked)
    assert embedded
    assert first.timeline == oracle

    asked = _asked(monkeypatch, model)
    again, _ = _run(corpus, shelf.copy(without="story-timeline"), then=TimelineStage())
    assert again.timeline == oracle
    assert not embedded & set(asked)
