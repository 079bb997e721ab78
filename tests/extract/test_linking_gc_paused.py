"""Linking, and the whole entities stage, run with the cyclic garbage collector paused (issue
15: its collections were 5.1 of linking's 28.6 CPU s in a step at 10,000 articles), and the
collector is left as it was, also when linking fails."""

from __future__ import annotations

import gc
from collections.abc import Iterator

import pytest

from newsweave.executors import LocalExecutor
from newsweave.extract import entities
from newsweave.extract.entities import EntityConfig, extract_entities
from newsweave.extract.stage import MentionsStage
from newsweave.model import Entity
from newsweave.pipeline import Corpus
from tests.extract.helpers import plain_article

_ARTICLES = [plain_article("Vladimir Putin met Joe Biden in Geneva on Wednesday.")]
_RULES = EntityConfig(use_model=False)


@pytest.fixture
def collector_on() -> Iterator[None]:
    enabled = gc.isenabled()
    gc.enable()
    yield
    if not enabled:
        gc.disable()


def test_linking_runs_with_the_collector_paused_and_resumes_it(
    collector_on: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    seen: list[bool] = []
    link = entities.link_mentions

    def recorded(*args: object, **kwargs: object) -> tuple[Entity, ...]:
        seen.append(gc.isenabled())
        return link(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(entities, "link_mentions", recorded)
    result = extract_entities(_ARTICLES, config=_RULES)
    assert seen == [False]
    assert gc.isenabled()
    assert "Vladimir Putin" in {e.name for e in result.entities}


def test_a_failure_in_linking_resumes_the_collector(
    collector_on: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    def failing(*args: object, **kwargs: object) -> tuple[Entity, ...]:
        raise RuntimeError("linking failed")

    monkeypatch.setattr(entities, "link_mentions", failing)
    with pytest.raises(RuntimeError, match="linking failed"):
        extract_entities(_ARTICLES, config=_RULES)
    assert gc.isenabled()


def test_a_collector_paused_by_the_caller_stays_paused(
    collector_on: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    gc.disable()
    extract_entities(_ARTICLES, config=_RULES)
    assert not gc.isenabled()


def test_the_entities_stage_runs_with_the_collector_paused(
    collector_on: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    seen: list[bool] = []
    run = MentionsStage._run

    def recorded(self: MentionsStage, corpus: Corpus, executor: object) -> Corpus:
        seen.append(gc.isenabled())
        return run(self, corpus, executor)  # type: ignore[arg-type]

    monkeypatch.setattr(MentionsStage, "_run", recorded)
    stage = MentionsStage(config=_RULES)
    out = stage.run(Corpus(articles=tuple(_ARTICLES)), LocalExecutor(workers=1))
    assert seen == [False]
    assert gc.isenabled()
    assert "Vladimir Putin" in {e.name for e in out.entities}
