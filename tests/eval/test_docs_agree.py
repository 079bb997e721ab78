"""The README's evaluation table is the one `eval/run_all.py` wrote from the measured figures."""

from __future__ import annotations

from eval.run_all import END, README, START, load_cache, summary_table


def test_the_readme_table_is_the_measured_one() -> None:
    readme = README.read_text(encoding="utf-8")
    assert START in readme and END in readme
    table = readme[readme.index(START) + len(START) : readme.index(END)].strip()
    assert table == summary_table(load_cache())
