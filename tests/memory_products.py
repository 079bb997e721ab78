"""Products of earlier runs kept in memory: a `newsweave.products.ProductBacking` standing for
the SQLite store that `ingest --db` keeps them in, for tests of what a later run reuses."""

from __future__ import annotations

from collections.abc import Sequence


class MemoryProducts:
    """Kept products by (kind, key), across the runs of one test."""

    def __init__(self) -> None:
        self.rows: dict[tuple[str, bytes], object] = {}

    def get_products(self, kind: str, keys: Sequence[bytes]) -> dict[bytes, object]:
        return {k: self.rows[(kind, k)] for k in keys if (kind, k) in self.rows}

    def put_products(self, kind: str, rows: Sequence[tuple[bytes, str | None, object]]) -> None:
        self.rows.update({(kind, key): value for key, _, value in rows})
