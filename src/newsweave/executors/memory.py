"""Giving freed memory back to the system between pieces of work.

glibc's malloc keeps the memory of freed small and mid-sized blocks in its heap for reuse: a
stage that built and dropped millions of records (features, vectors of 1.5 KB each, parses)
leaves the process's resident size at its peak, and the next stage's peak comes on top of it.
`malloc_trim(0)` hands every free page of the heap back (the blocks still in use stay where they
are), so a process holds what it uses plus what it uses next. It runs between stages in the
driver and after each task in a worker; it never changes a value, and costs milliseconds.
"""

from __future__ import annotations

import ctypes
import functools
import sys
from collections.abc import Callable


@functools.lru_cache(maxsize=1)
def _malloc_trim() -> Callable[[int], int] | None:
    """glibc's `malloc_trim`, or None on a system without it (musl, macOS, Windows)."""
    if not sys.platform.startswith("linux"):
        return None
    try:
        trim: Callable[[int], int] = ctypes.CDLL(None).malloc_trim
    except (OSError, AttributeError):
        return None
    return trim


def give_back_free_memory() -> None:
    """Return the free pages of this process's malloc heap to the system (a no-op without
    glibc)."""
    trim = _malloc_trim()
    if trim is not None:
        trim(0)
