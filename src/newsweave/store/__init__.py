"""The embedded store: one SQLite file (WAL, one writer) with articles, problems, stage state."""

from __future__ import annotations

from newsweave.store.sqlite import Store

__all__ = ["Store"]
