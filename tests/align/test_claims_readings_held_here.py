"""The readings of the stories `align_claims` aligned elsewhere (pool workers) are held in the
process that drives it (`align.claims._hold_here`): the storyline conflicts that follow there
read the same sentences, and find their figures and frames instead of reading them again."""

from __future__ import annotations

from collections import OrderedDict

import pytest

from newsweave.align import figure_conflicts
from newsweave.align.claims import ClaimConfig, _extractors, _story_frame_keys, align_claims
from newsweave.executors import LocalExecutor
from newsweave.products import CachingExecutor, ProductCache
from tests.align.seed_articles import seed_story
from tests.align.test_claims import figures_extractor  # noqa: F401  (a fixture)
from tests.align.test_claims_readings import _fresh_process, _Shelf


class _Elsewhere(LocalExecutor):
    """Aligns each story as a pool worker would: what it reads does not stay in this process."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        super().__init__(workers=1)
        self.monkeypatch = monkeypatch
        self.groups: dict[str, list[object]] = {}

    def reduce_groups(self, fn, groups):  # type: ignore[no-untyped-def]
        self.groups.update(groups)
        out = super().reduce_groups(fn, groups)
        _fresh_process(self.monkeypatch)
        return out


@pytest.mark.usefixtures("figures_extractor")
def test_frames_of_stories_aligned_elsewhere_are_held_here(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    if _extractors() is None:
        pytest.skip("the kept figure frames need the shipped extractors")
    quantities, dates = _extractors()  # type: ignore[misc]
    config = ClaimConfig()
    story, articles = seed_story(("000", "001", "002"))
    monkeypatch.setattr(figure_conflicts, "_held_frames", OrderedDict())
    inner = _Elsewhere(monkeypatch)
    engine = CachingExecutor(inner, ProductCache(backing=_Shelf()))
    align_claims([story], articles, voices={}, executor=engine, config=config)
    [members] = inner.groups.values()
    keys = _story_frame_keys([m for m in members if isinstance(m, tuple)])
    held = figure_conflicts.held_frames(quantities, dates, config.conflicts, keys)
    assert set(held) == keys
