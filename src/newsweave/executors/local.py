"""In-process executor: the default, and the reference every other engine must match."""

from __future__ import annotations

from collections.abc import Callable, Hashable, Sequence
from typing import TypeVar

from newsweave.executors.base import DEFAULT_PARTITION_SIZE, partition

T = TypeVar("T")
U = TypeVar("U")
K = TypeVar("K", bound=Hashable)
V = TypeVar("V")


class LocalExecutor:
    """Runs everything in this process, partition by partition."""

    name = "local"

    def map_partitions(
        self,
        fn: Callable[[list[T]], list[U]],
        items: Sequence[T],
        *,
        size: int = DEFAULT_PARTITION_SIZE,
    ) -> list[U]:
        results: list[U] = []
        for part in partition(items, size):
            results.extend(fn(part))
        return results

    def reduce_groups(self, fn: Callable[[K, list[V]], U], groups: dict[K, list[V]]) -> dict[K, U]:
        return {key: fn(key, values) for key, values in groups.items()}

    def close(self) -> None:
        return None
