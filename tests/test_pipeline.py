from __future__ import annotations

from dataclasses import dataclass

import pytest

from newsweave.errors import PipelineError
from newsweave.executors import Executor
from newsweave.pipeline import Corpus, Pipeline


@dataclass
class _Stage:
    name: str
    requires: tuple[str, ...]
    provides: tuple[str, ...]

    def run(self, corpus: Corpus, executor: Executor) -> Corpus:
        return corpus.evolve(modes={**corpus.modes, self.name: "ran"})


def test_pipeline_refuses_a_stage_before_what_it_needs() -> None:
    with pytest.raises(PipelineError, match="'stories' requires articles"):
        Pipeline(
            [
                _Stage("stories", ("articles",), ("stories",)),
                _Stage("clean", ("inputs",), ("articles",)),
            ]
        )


def test_pipeline_runs_stages_in_order_without_mutating_the_input() -> None:
    start = Corpus(inputs=("x",))
    seen: list[str] = []
    pipeline = Pipeline(
        [
            _Stage("clean", ("inputs",), ("articles",)),
            _Stage("stories", ("articles",), ("stories",)),
        ]
    )
    end = pipeline.run(start, on_stage=seen.append)
    assert seen == ["clean", "stories"]
    assert end.modes == {"clean": "ran", "stories": "ran"}
    assert start.modes == {}
