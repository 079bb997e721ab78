"""Content-derived ids: the same input gives the same id on any machine, in any order."""

from __future__ import annotations

import hashlib


def content_id(prefix: str, *parts: str, length: int = 16) -> str:
    """A short stable id such as `a-3f2c…` from `parts` (joined unambiguously)."""
    digest = hashlib.sha256("\x1f".join(parts).encode("utf-8", "surrogatepass")).hexdigest()
    return f"{prefix}-{digest[:length]}"
