"""`newsweave ingest` reads, cleans and stores in batches: memory bounded, finished work kept."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator
from pathlib import Path

import pytest

import newsweave
import newsweave.ingest
from newsweave.config import Config
from newsweave.model import Problem, RawDoc
from newsweave.report.json import dumps
from newsweave.store import Store
from tests.conftest import EXAMPLES


def _small_batches(size: int) -> Config:
    return dataclasses.replace(
        Config(), ingest=dataclasses.replace(Config().ingest, batch_records=size)
    )


@pytest.mark.slow
def test_batches_give_the_same_store_as_one_batch(tmp_path: Path) -> None:
    _, whole = newsweave.ingest_into(EXAMPLES, tmp_path / "one.db")
    added, batched = newsweave.ingest_into(EXAMPLES, tmp_path / "two.db", config=_small_batches(1))
    assert len(added) == 4
    assert dumps(dataclasses.replace(batched, provenance=None)) == dumps(
        dataclasses.replace(whole, provenance=None)
    )


def test_an_interrupted_ingest_keeps_the_batches_it_finished(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    real = newsweave.ingest.read_inputs

    def interrupted(inputs: tuple[str, ...], **kwargs: object) -> Iterator[RawDoc | Problem]:
        for number, item in enumerate(real(inputs, **kwargs)):  # type: ignore[arg-type]
            if number == 3:
                raise KeyboardInterrupt
            yield item

    monkeypatch.setattr(newsweave.ingest, "read_inputs", interrupted)
    db = tmp_path / "store.db"
    with pytest.raises(KeyboardInterrupt):
        newsweave.ingest_into(EXAMPLES, db, config=_small_batches(2))
    with Store(db) as store:
        assert len(list(store.articles())) == 2
