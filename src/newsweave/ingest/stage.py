"""The ingest stage: every input read into raw documents; unreadable inputs become problems."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from newsweave.executors import Executor
from newsweave.ingest.config import IngestConfig
from newsweave.model import Problem, RawDoc
from newsweave.pipeline import Corpus


@dataclass(slots=True, kw_only=True)
class IngestStage:
    """Read every input into raw documents; unreadable inputs become problems."""

    config: IngestConfig = field(default_factory=IngestConfig)
    on_record: Callable[[], None] | None = None
    name: str = "ingest"
    requires: tuple[str, ...] = ("inputs",)
    provides: tuple[str, ...] = ("raw", "problems")

    def run(self, corpus: Corpus, executor: Executor) -> Corpus:
        from newsweave.ingest import read_inputs

        raw: list[RawDoc] = []
        problems: list[Problem] = list(corpus.problems)
        for item in read_inputs(corpus.inputs, config=self.config):
            if isinstance(item, Problem):
                problems.append(item)
            else:
                raw.append(item)
            if self.on_record is not None:
                self.on_record()
        return corpus.evolve(raw=corpus.raw + tuple(raw), problems=tuple(problems))
