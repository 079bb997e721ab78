"""The run's vector exchange: a sentence embedded in one process is not embedded in another."""

from __future__ import annotations

import os
from collections.abc import Iterator

import numpy as np
import pytest

from newsweave.embed import get_embedder
from newsweave.executors import LocalExecutor
from newsweave.executors.vectors import ExchangeReader, VectorExchange


@pytest.fixture
def model() -> None:
    if get_embedder().mode != "minilm-onnx":
        pytest.skip("only model vectors are shared")


@pytest.fixture
def exchange() -> Iterator[VectorExchange]:
    made = VectorExchange()
    yield made
    made.close()


@pytest.mark.usefixtures("model")
def test_published_vectors_read_back_with_the_same_bytes(exchange: VectorExchange) -> None:
    embedder = get_embedder()
    texts = ["The ferry sank off the coast of Bohol.", "Rescuers pulled 40 people out."]
    vectors = embedder.embed(texts)
    path = exchange.publish(embedder)
    assert path is not None
    found = ExchangeReader(path)([*texts, "A sentence nobody embedded."])
    assert set(found) == set(texts)
    for text, vector in zip(texts, vectors, strict=True):
        assert found[text].tobytes() == vector.tobytes()


def test_the_files_go_with_the_exchange() -> None:
    made = VectorExchange()
    folder = made.path.parent
    made.close()
    assert not folder.exists()


def _embedded_here(texts: list[str]) -> list[tuple[int, bool]]:
    """(worker pid, whether the worker's model had to embed the text) per text."""
    embedder = get_embedder()
    known = {text for text in texts if text in embedder._cache}
    embedder.embed(texts)
    return [
        (os.getpid(), text not in known and text not in embedder._from_lookup) for text in texts
    ]


@pytest.mark.usefixtures("model")
def test_workers_read_what_this_process_embedded_instead_of_embedding_it() -> None:
    texts = [f"Flight {n} landed safely in Denver after a bird strike." for n in range(8)]
    pool = LocalExecutor(workers=2)
    try:
        here = get_embedder().embed(texts)
        got = pool.map_partitions(_embedded_here, texts, size=2)
        assert {pid for pid, _ in got} != {os.getpid()}  # ran in the workers
        assert not any(embedded for _, embedded in got)
        # Later stages: what one worker embedded, the other reads.
        more = [f"Train {n} was delayed by snow near Leeds." for n in range(8)]
        first = pool.map_partitions(_embedded_here, more, size=2)
        again = pool.map_partitions(_embedded_here, list(reversed(more)), size=2)
        assert all(embedded for _, embedded in first)
        assert not any(embedded for _, embedded in again)
    finally:
        pool.close()
    assert np.array_equal(get_embedder().embed(texts), here)


def _cache_limits(items: list[int]) -> list[int | None]:
    return [get_embedder().cache_limit for _ in items]


@pytest.mark.usefixtures("model")
def test_a_worker_that_reads_the_exchange_keeps_a_small_cache_of_its_own() -> None:
    # The parent gets every vector a worker computes and publishes it to the exchange, so a
    # full cache in each worker (~170 MiB at 100,000 vectors) held them all a second time.
    from newsweave.embed import CACHE_ENTRIES, WORKER_CACHE_ENTRIES

    assert WORKER_CACHE_ENTRIES < CACHE_ENTRIES
    pool = LocalExecutor(workers=2)
    try:
        limits = pool.map_partitions(_cache_limits, list(range(4)), size=1)
    finally:
        pool.close()
    assert limits == [WORKER_CACHE_ENTRIES] * 4
    # This process kept a small cache during the run (below) and the full one after it.
    assert get_embedder().cache_limit is None and get_embedder().spill is None


def _embed_here(texts: list[str]) -> list[int]:
    get_embedder().embed(texts)
    return [os.getpid() for _ in texts]


@pytest.mark.usefixtures("model")
def test_the_driver_keeps_a_small_cache_and_reads_evicted_vectors_back_from_the_exchange(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # The driver receives every vector the workers compute (~190 MiB at 10,000 articles in a
    # cache of 100,000); the exchange holds them anyway, so it keeps a few and reads back.
    from newsweave.embed import Embedder
    from newsweave.executors import local

    monkeypatch.setattr(local, "DRIVER_CACHE_ENTRIES", 3)
    texts = [f"Bus {n} left the depot in Turin at dawn." for n in range(8)]
    pool = LocalExecutor(workers=2)
    try:
        pids = pool.map_partitions(_embed_here, texts, size=2)
        assert os.getpid() not in pids
        embedder = get_embedder()
        assert embedder.cache_limit == 3 and len(embedder._cache) <= 3
        # What the workers sent back and this process evicted is in the exchange (the rest is
        # published before the next round).
        evicted = [t for t in texts if t not in embedder._cache]
        reader = ExchangeReader(str(pool._exchange.path))  # type: ignore[union-attr]
        assert len(evicted) >= 5 and set(reader(texts)) >= set(evicted)

        def no_model(self: Embedder, asked: list[str]) -> np.ndarray:
            raise AssertionError(f"embedded again: {asked}")

        monkeypatch.setattr(Embedder, "_embed_model", no_model)
        found = embedder.embed(texts)
        monkeypatch.undo()
    finally:
        pool.close()
    assert get_embedder().spill is None and get_embedder().cache_limit is None
    fresh = Embedder()  # another process's model: same bytes
    assert found.tobytes() == fresh.embed(texts).tobytes()
