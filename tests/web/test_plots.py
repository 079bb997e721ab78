"""The coverage plot's date labels never overlap, whatever the span of the story."""

from __future__ import annotations

import itertools
import re
from datetime import date, timedelta

import pytest

from newsweave.web.plots import coverage_svg

# An ISO date in an 11 px sans-serif font is about 62 px wide (measured in Chromium).
LABEL_WIDTH = 62.0


def _label_extents(svg: str) -> list[tuple[float, float, str]]:
    extents = []
    for x, anchor, text in re.findall(
        r'<text x="([\d.]+)" y="\d+" text-anchor="(\w+)" font-size="11">(\d{4}-\d\d-\d\d)</text>',
        svg,
    ):
        left = float(x) - {"start": 0.0, "middle": LABEL_WIDTH / 2, "end": LABEL_WIDTH}[anchor]
        extents.append((left, left + LABEL_WIDTH, text))
    return extents


@pytest.mark.parametrize("days", [1, 2, 3, 4, 5, 8, 30, 200, 2000])
def test_date_labels_of_the_coverage_plot_do_not_overlap(days: int) -> None:
    start = date(2023, 11, 1)
    rows = [
        {"day": (start + timedelta(days=d)).isoformat(), "outlet_key": "a.example", "n": 1}
        for d in range(days)
    ]
    svg = str(coverage_svg(rows, title="coverage"))
    extents = sorted(_label_extents(svg))
    assert extents, "the first day is always labelled"
    assert extents[0][2] <= start.isoformat()  # the first bin (a day, a week or a month)
    for (_, right, _), (left, _, _) in itertools.pairwise(extents):
        assert right <= left
    assert all(left >= 0 for left, _, _ in extents)


def test_a_long_story_is_labelled_at_both_ends_and_the_middle() -> None:
    rows = [
        {"day": (date(2023, 1, 1) + timedelta(days=d)).isoformat(), "outlet_key": "a", "n": 1}
        for d in range(0, 100, 3)
    ]
    assert len(_label_extents(str(coverage_svg(rows, title="coverage")))) == 3
