"""An in-process executor that notes the story groups it aligns (the claims stage's tests)."""

from __future__ import annotations

from collections.abc import Callable

from newsweave.executors import LocalExecutor


class RecordingExecutor(LocalExecutor):
    """One in-process executor that notes the story groups it aligns."""

    def __init__(self) -> None:
        super().__init__(workers=1)
        self.aligned: list[str] = []

    def reduce_groups(self, fn: Callable[..., object], groups: dict) -> dict:  # type: ignore[override]
        self.aligned.extend(groups)
        return super().reduce_groups(fn, groups)
