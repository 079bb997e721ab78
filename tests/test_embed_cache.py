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


def test_vectors_kept_from_an_earlier_run_are_used_without_the_model(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    embedder = Embedder()
    if embedder.mode != "minilm-onnx":
        pytest.skip("only model vectors are kept")
    kept = embedder.embed(["A storm hit.", "Ferries stopped."])
    later = Embedder()  # another run: an empty cache
    asked: list[list[str]] = []

    def lookup(texts: list[str]) -> dict[str, np.ndarray]:
        asked.append(texts)
        return {"A storm hit.": kept[0]} if "A storm hit." in texts else {}

    later.use_lookup(lookup)
    later.start_recording()
    real = Embedder._embed_model

    def only_new(self: Embedder, texts: list[str]) -> np.ndarray:
        assert texts == ["Ferries stopped."], texts  # the kept vector is not embedded again
        return real(self, texts)

    monkeypatch.setattr(Embedder, "_embed_model", only_new)
    found = later.embed(["A storm hit.", "Ferries stopped."])
    monkeypatch.setattr(Embedder, "_embed_model", real)
    with later.recording_paused():
        later.embed(["Roads closed."])  # inside a partition function: its product keeps it
    later.embed(["Roads closed."])  # asked for by a stage of this process: recorded now

    assert np.array_equal(found, kept)
    assert asked[0] == ["A storm hit.", "Ferries stopped."]
    recorded = later.stop_recording()
    # What the lookup gave is kept already; the rest is recorded to be kept.
    assert sorted(recorded) == ["Ferries stopped.", "Roads closed."]
    assert np.array_equal(recorded["Ferries stopped."], kept[1])


def test_an_embedder_keeps_at_most_its_own_cache_limit() -> None:
    embedder = Embedder()
    if embedder.mode != "minilm-onnx":
        pytest.skip("the cache holds model vectors only")
    embedder.cache_limit = 2
    first = embedder.embed(["A storm hit.", "Ferries stopped.", "Roads closed."])
    assert list(embedder._cache) == ["Ferries stopped.", "Roads closed."]
    embedder.remember({"Schools shut.": first[0]})
    assert list(embedder._cache) == ["Roads closed.", "Schools shut."]


class _Spill:
    """A spill held in a dict: what the embedder evicted, and what it asked back."""

    def __init__(self) -> None:
        self.kept: dict[str, np.ndarray] = {}
        self.asked: list[list[str]] = []

    def keep(self, pairs: list[tuple[str, np.ndarray]]) -> None:
        self.kept.update(pairs)

    def __call__(self, texts: list[str]) -> dict[str, np.ndarray]:
        self.asked.append(texts)
        return {t: self.kept[t] for t in texts if t in self.kept}


def test_an_evicted_vector_is_read_back_from_the_spill_not_embedded_again(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    embedder = Embedder()
    if embedder.mode != "minilm-onnx":
        pytest.skip("the cache holds model vectors only")
    spill = _Spill()
    embedder.spill_to(spill, keep=2)
    first = embedder.embed(["A storm hit.", "Ferries stopped.", "Roads closed."])
    assert list(embedder._cache) == ["Ferries stopped.", "Roads closed."]
    assert list(spill.kept) == ["A storm hit."]

    def no_model(self: Embedder, texts: list[str]) -> np.ndarray:
        raise AssertionError(f"embedded again: {texts}")

    monkeypatch.setattr(Embedder, "_embed_model", no_model)
    spill.asked.clear()  # the first call's misses were asked for too: the spill may hold them
    again = embedder.embed(["A storm hit.", "Roads closed."])
    assert again.tobytes() == first[[0, 2]].tobytes()
    assert spill.asked == [["A storm hit."]]  # cache hits are not asked for
    assert list(spill.kept) == ["A storm hit.", "Ferries stopped."]  # evicted in its turn

    embedder.spill_to(None)  # the plain cache again
    assert embedder.spill is None and embedder.cache_limit is None
