"""The pipeline: stages that declare what they require and provide, checked when it is built.

A stage reads products from a `Corpus` and returns a new `Corpus` with its own products added;
it never mutates what earlier stages made. `Pipeline` checks at build time that every stage's
requirements are provided by an earlier stage (as spaCy does for its components), so a wrong
order fails before any document is read.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Protocol

from newsweave.errors import PipelineError
from newsweave.executors import Executor, LocalExecutor
from newsweave.model import (
    Article,
    Claim,
    Conflict,
    Entity,
    Problem,
    Quote,
    RawDoc,
    Story,
    Storyline,
    Summary,
    TimelineEntry,
)


@dataclass(frozen=True, slots=True, kw_only=True)
class Corpus:
    """Everything the stages have made so far. Fields a stage has not filled stay empty."""

    inputs: tuple[str, ...] = ()
    raw: tuple[RawDoc, ...] = ()
    articles: tuple[Article, ...] = ()
    voices: dict[str, str] = field(default_factory=dict)
    stories: tuple[Story, ...] = ()
    storylines: tuple[Storyline, ...] = ()
    entities: tuple[Entity, ...] = ()
    quotes: tuple[Quote, ...] = ()
    claims: tuple[Claim, ...] = ()
    conflicts: tuple[Conflict, ...] = ()
    timeline: tuple[TimelineEntry, ...] = ()
    summaries: tuple[Summary, ...] = ()
    problems: tuple[Problem, ...] = ()
    modes: dict[str, str] = field(default_factory=dict)
    # Opaque per-stage state kept for incremental runs (e.g. the story index), by stage name.
    state: dict[str, bytes] = field(default_factory=dict)

    def evolve(self, **changes: object) -> Corpus:
        """A copy with `changes` applied (records stay shared, nothing is mutated)."""
        return dataclasses.replace(self, **changes)  # type: ignore[arg-type]


class Stage(Protocol):
    """One step of the job."""

    name: str
    requires: tuple[str, ...]
    provides: tuple[str, ...]

    def run(self, corpus: Corpus, executor: Executor) -> Corpus:
        """Return `corpus` with this stage's products added."""
        ...


ProgressCallback = Callable[[str, int, int], None]


class Pipeline:
    """An ordered list of stages whose requirements were checked when it was built."""

    def __init__(self, stages: Sequence[Stage]) -> None:
        available = {"inputs"}
        for stage in stages:
            missing = [name for name in stage.requires if name not in available]
            if missing:
                raise PipelineError(
                    f"stage {stage.name!r} requires {', '.join(missing)}, which no earlier stage "
                    f"provides; put the stages that provide it first"
                )
            available.update(stage.provides)
        self.stages = tuple(stages)
        self.provides = frozenset(available)

    def run(
        self,
        corpus: Corpus,
        *,
        executor: Executor | None = None,
        on_stage: Callable[[str], None] | None = None,
    ) -> Corpus:
        """Run every stage in order on `corpus`."""
        engine = executor or LocalExecutor()
        for stage in self.stages:
            if on_stage is not None:
                on_stage(stage.name)
            corpus = stage.run(corpus, engine)
        return corpus
