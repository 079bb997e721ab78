"""The pipeline: stages that declare what they require and provide, checked when it is built.

A stage reads products from a `Corpus` and returns a new `Corpus` with its own products added;
it never mutates what earlier stages made. Products are `Corpus` fields (`stories`) or facets of
the articles that a stage fills in (`articles.dates`). `Pipeline` checks at build time that every
stage's requirements are provided by an earlier stage (as spaCy does for its components), so a
wrong order fails before any document is read; while it runs, it checks that a stage replaced
only the fields it declared (plus the bookkeeping ones: problems, modes, state).

Fault isolation: a stage that fails for one article or one story turns that failure into a
`Problem` (source, stage, exception) and goes on (`isolate`, `guarded`); one article that trips a
stage never aborts the batch.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Protocol, TypeVar

from newsweave.errors import PipelineError
from newsweave.executors import Executor, LocalExecutor
from newsweave.executors.memory import give_back_free_memory
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

if TYPE_CHECKING:
    from newsweave.extract.quotes import QuoteMention


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
    quote_mentions: tuple[QuoteMention, ...] = ()
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
    """One step of the job: what it reads (`requires`) and what it adds (`provides`)."""

    name: str
    requires: tuple[str, ...]
    provides: tuple[str, ...]

    def run(self, corpus: Corpus, executor: Executor) -> Corpus:
        """Return `corpus` with this stage's products added."""
        ...


# Fields any stage may extend: problems it met, the mode it ran in, state for incremental runs.
BOOKKEEPING = frozenset({"problems", "modes", "state"})
# `clean` turns raw documents into articles and drops them: it may clear `raw`.
CLEARS: dict[str, frozenset[str]] = {"clean": frozenset({"raw"})}
CORPUS_FIELDS = frozenset(f.name for f in dataclasses.fields(Corpus))


def product_field(product: str) -> str:
    """The `Corpus` field a product lives in: `articles.dates` lives in `articles`."""
    return product.split(".", 1)[0]


ProgressCallback = Callable[[str, int, int], None]


class Pipeline:
    """An ordered list of stages whose requirements were checked when it was built."""

    def __init__(self, stages: Sequence[Stage]) -> None:
        available = {"inputs"}
        for stage in stages:
            unknown = [
                p
                for p in (*stage.requires, *stage.provides)
                if product_field(p) not in CORPUS_FIELDS
            ]
            if unknown:
                raise PipelineError(
                    f"stage {stage.name!r} names {', '.join(unknown)}, which is not a corpus field"
                )
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
            before = corpus
            corpus = stage.run(corpus, engine)
            _check_writes(stage, before, corpus)
            # What the stage built and dropped goes back to the system before the next stage's
            # peak comes on top of it (executors/memory.py).
            give_back_free_memory()
        return corpus


def _check_writes(stage: Stage, before: Corpus, after: Corpus) -> None:
    allowed = {product_field(p) for p in stage.provides} | BOOKKEEPING
    allowed |= CLEARS.get(stage.name, frozenset())
    changed = [
        name
        for name in sorted(CORPUS_FIELDS - allowed)
        if getattr(before, name) is not getattr(after, name)
    ]
    if changed:
        raise PipelineError(
            f"stage {stage.name!r} changed {', '.join(changed)}, which it does not provide"
        )


# ---- fault isolation ---------------------------------------------------------------------------

T = TypeVar("T")
R = TypeVar("R")


def describe_exception(error: BaseException) -> str:
    """An exception as one line: its type and the first line of its message."""
    message = str(error).strip().splitlines()
    return f"{type(error).__name__}: {message[0][:300]}" if message else type(error).__name__


def stage_problem(stage: str, source: str, error: BaseException) -> Problem:
    """The problem line of a stage that failed on one article (or story)."""
    return Problem(source=source, error=f"{stage} failed: {describe_exception(error)}")


def isolate(
    stage: str,
    units: Sequence[T],
    run: Callable[[list[T]], R],
    *,
    source_of: Callable[[T], str],
) -> tuple[R, list[Problem]]:
    """`run(units)`; when it raises, the units that make it raise are found and left out.

    Halving finds every unit that fails on its own (log-many extra runs per bad unit); the result
    is `run` over all the other units, so the good ones get exactly what a clean run gives them,
    and each bad unit gets one problem line. When no single unit is to blame, the stage's result
    for the whole batch is `run([])` and one problem says so (a stage that fails even on no
    units is a bug of ours, and its error propagates).
    """
    try:
        return run(list(units)), []
    except Exception:  # the culprits are found below, each with its own error
        pass
    culprits: dict[int, BaseException] = {}
    _find_culprits(list(range(len(units))), units, run, culprits)
    problems = [stage_problem(stage, source_of(units[i]), e) for i, e in sorted(culprits.items())]
    rest = [u for i, u in enumerate(units) if i not in culprits]
    try:
        return run(rest), problems
    except Exception as error:
        # Only a combination of units fails: the stage gives nothing for this batch, and says so.
        whole = stage_problem(stage, f"{len(rest)} items together", error)
        return run([]), [*problems, whole]


def _find_culprits(
    indexes: list[int],
    units: Sequence[T],
    run: Callable[[list[T]], R],
    culprits: dict[int, BaseException],
) -> None:
    if not indexes:
        return
    try:
        run([units[i] for i in indexes])
    except Exception as error:
        if len(indexes) == 1:
            culprits[indexes[0]] = error
            return
        middle = len(indexes) // 2
        _find_culprits(indexes[:middle], units, run, culprits)
        _find_culprits(indexes[middle:], units, run, culprits)


def guarded(stage: str, item: T, run: Callable[[T], R], source: str) -> R | Problem:
    """`run(item)`, or the problem it raised as a `Problem` naming `source` and `stage`."""
    try:
        return run(item)
    except Exception as error:
        return stage_problem(stage, source, error)
