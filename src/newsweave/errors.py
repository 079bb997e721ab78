"""Exceptions of newsweave.

NewsweaveError                 base of everything we raise on purpose
├── InputError                 an input cannot be read; becomes a `Problem` in a batch
├── ConfigError                an option or config file is wrong
├── PipelineError              stages are ordered so that one lacks what it requires
└── StoreError                 the SQLite store is unusable (wrong schema, locked, corrupt)
"""

from __future__ import annotations


class NewsweaveError(Exception):
    """Base class of the errors newsweave raises on purpose."""


class InputError(NewsweaveError):
    """An input cannot be read. `source` names it; str(error) is one line saying why."""

    def __init__(self, source: str, reason: str) -> None:
        super().__init__(f"{source}: {reason}")
        self.source = source
        self.reason = reason


class ConfigError(NewsweaveError):
    """An option or config value is wrong; the message says which and what to do."""


class PipelineError(NewsweaveError):
    """A pipeline was built with stages whose requirements are not met."""


class StoreError(NewsweaveError):
    """The store cannot be used."""
