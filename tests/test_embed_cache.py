"""The embedding cache drops its least recently used vectors, never everything at once."""

from __future__ import annotations

import numpy as np
import pytest

from newsweave import embed
from newsweave.embed import Embedder


def test_a_full_cache_evicts_the_least_recently_used_vector(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    embedder = Embedder()
    if embedder.mode != "minilm-onnx":
        pytest.skip("the cache holds model vectors only")
    monkeypatch.setattr(embed, "CACHE_ENTRIES", 3)
    first = embedder.embed(["A storm hit.", "Ferries stopped.", "Roads closed."])
    embedder.embed(["A storm hit."])  # used again: now the most recent
    embedder.embed(["Schools shut.", "Schools shut."])

    assert list(embedder._cache) == ["Roads closed.", "A storm hit.", "Schools shut."]
    # An evicted sentence is embedded again, to the same vector.
    assert np.array_equal(embedder.embed(["Ferries stopped."])[0], first[1])
    assert len(embedder._cache) == 3 and "Roads closed." not in embedder._cache
