"""The evaluation gate: every quick figure of the shipped path stays above its pinned floor."""

from __future__ import annotations

import pytest
from eval.gate import data_path, load_floors, load_script, sha256

FLOORS, DATA = load_floors()


@pytest.mark.parametrize("name", sorted(DATA))
def test_pinned_data_is_unchanged(name: str) -> None:
    path = data_path(name)
    if not path.exists():
        pytest.skip(f"{path} is not present")
    assert sha256(path) == DATA[name], f"{name} changed: re-measure, then re-pin its hash"


@pytest.mark.slow
@pytest.mark.parametrize("script", sorted({f.eval for f in FLOORS}))
def test_quick_figures_stay_above_their_floors(script: str) -> None:
    figures = load_script(script).figures(quick=True)
    if not figures:
        pytest.skip(f"the data of eval/{script}.py is not present")
    by_metric = {f.metric: f for f in figures}
    all_data = all(data_path(name).exists() for name in DATA)
    for floor in (f for f in FLOORS if f.eval == script):
        if floor.metric not in by_metric and not all_data:
            continue  # a figure whose data is not on this machine
        assert floor.metric in by_metric, f"eval/{script}.py no longer reports {floor.metric!r}"
        figure = by_metric[floor.metric]
        value = figure.value if figure.higher_is_better else -figure.value
        bound = floor.min if figure.higher_is_better else -floor.min
        assert value >= bound, f"{script}: {floor.metric} = {figure.value}, floor {floor.min}"
