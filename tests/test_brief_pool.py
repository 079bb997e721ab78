"""A run without a store writes its briefs in the pool (`reduce_groups`, issue 15), each story
handed the vectors of its claims' texts: in this process the brief held the second core idle
(772 ECB+ articles: ~4.6 CPU s), and a worker that embedded every claim text again cost more
than it saved. The briefs written here (no product cache) are the oracle."""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Callable, Hashable

import numpy as np
import pytest

from newsweave import brief
from newsweave.brief import BriefStage
from newsweave.embed import Embedder, get_embedder
from newsweave.executors import LocalExecutor
from newsweave.products import CachingExecutor
from tests.align.test_claims_story_index import _Shelf
from tests.test_brief_keys import _run
from tests.test_brief_text_reads import _corpus, _oracle


class _NewWorker(LocalExecutor):
    """Groups run here as in a new worker process: with an empty embedding cache, every text
    given to the model recorded."""

    def __init__(self, embedder: Embedder) -> None:
        super().__init__(workers=1)
        self.embedder = embedder
        self.groups: list[dict[Hashable, list[object]]] = []
        self.asked: list[str] = []

    def reduce_groups(self, fn: Callable[..., object], groups: dict) -> dict:  # type: ignore[type-arg]
        self.groups.append(groups)
        embedder, embed, cache = self.embedder, self.embedder._embed_model, self.embedder._cache

        def counted(texts: list[str]) -> np.ndarray:
            self.asked.extend(texts)
            return embed(texts)

        embedder._embed_model, embedder._cache = counted, OrderedDict()  # type: ignore[method-assign]
        try:
            return super().reduce_groups(fn, groups)
        finally:
            embedder._embed_model, embedder._cache = embed, cache  # type: ignore[method-assign]


@pytest.mark.parametrize("round_claims", [brief.POOL_ROUND_CLAIMS, 1])
def test_a_run_without_a_store_writes_briefs_in_the_pool_with_their_claim_vectors(
    monkeypatch: pytest.MonkeyPatch, round_claims: int
) -> None:
    monkeypatch.setattr(brief, "POOL_ROUND_CLAIMS", round_claims)
    embedder = get_embedder()
    if embedder.mode != "minilm-onnx":
        pytest.skip("the MiniLM model is not installed (the fallback embeds no batch)")
    corpus, _ = _run(_corpus(), _Shelf(), then=BriefStage())
    claim_texts = {c.text for c in corpus.claims}
    assert claim_texts
    engine = _NewWorker(embedder)
    assert _oracle(corpus, CachingExecutor(engine)) == _oracle(corpus)
    # One round of every story; with rounds of one claim, a round per story.
    stories = [s.id for s in corpus.stories]
    expected = [set(stories)] if round_claims > len(corpus.claims) else [{s} for s in stories]
    assert [set(groups) for groups in engine.groups] == expected
    assert not claim_texts & set(engine.asked)
