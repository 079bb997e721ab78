"""The executor contract.

Stages hand an executor a *partition function* (a pure function from a list of items to a list of
results) and the items. The executor splits the items into partitions of fixed size, in input
order, runs the function on each (anywhere), and concatenates the results in partition order. So
the output never depends on the engine or on the number of workers; partition size changes only
how work is batched, and stage functions must not depend on it either. An executor made with a
`partition_size` uses it for every call instead of the size the stage asks for: one knob that
re-batches a whole run (`--partition-size`), which is how the tests show that reports do not
depend on it. It is an engine setting, not a `Config` field, because it must not change the
report (a `Config` field would change its `config_hash`).

Group stages (dedupe, clustering) use `map_partitions` for their heavy per-record part (signatures,
embeddings) and `reduce_groups` for per-key work, then finish on the driver.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Sequence
from typing import Protocol, TypeVar

T = TypeVar("T")
U = TypeVar("U")
K = TypeVar("K", bound=Hashable)
V = TypeVar("V")

# Dask costs ~1.8 ms per task here (../shared/DEPENDENCIES.md): partitions of a few hundred
# documents keep scheduling overhead under 1 % of the work.
DEFAULT_PARTITION_SIZE = 256


def check_partition_size(size: int | None) -> int | None:
    """`size` when it is None or at least 1; a `ConfigError` otherwise."""
    if size is not None and size < 1:
        from newsweave.errors import ConfigError

        raise ConfigError(f"partition size must be at least 1, got {size}")
    return size


def partition(items: Sequence[T], size: int = DEFAULT_PARTITION_SIZE) -> list[list[T]]:
    """Split `items` into consecutive lists of at most `size` items."""
    if size < 1:
        raise ValueError(f"partition size must be at least 1, got {size}")
    return [list(items[i : i + size]) for i in range(0, len(items), size)]


class Executor(Protocol):
    """Runs partition functions; results always come back in input order."""

    name: str
    # When set, the size of every partition, whatever size the stage asked for.
    partition_size: int | None

    def map_partitions(
        self, fn: Callable[[list[T]], list[U]], items: Sequence[T], *, size: int = ...
    ) -> list[U]:
        """`fn` applied to consecutive partitions of `items`; results concatenated in order."""
        ...

    def reduce_groups(self, fn: Callable[[K, list[V]], U], groups: dict[K, list[V]]) -> dict[K, U]:
        """`fn(key, values)` for every group; the caller must not rely on evaluation order."""
        ...

    def close(self) -> None:
        """Release workers; the executor cannot be used afterwards."""
        ...
