"""A report lists at most max_problems problems per input file, then one line counting the rest.

The problems here have distinct reasons: records that share one are one line before the cap
(tests/ingest/test_problem_collapse.py).
"""

from __future__ import annotations

import dataclasses

from newsweave.api import corpus_to_report
from newsweave.config import Config
from newsweave.ingest import IngestConfig, cap_problems
from newsweave.model import Problem
from newsweave.pipeline import Corpus


def _duplicates(path: str, n: int, start: int = 2) -> list[Problem]:
    """Copies of n - 2 distinct originals (the originals are in other files)."""
    return [
        Problem(source=f"{path}#{line}", error=f"same content as {path}.orig#{line}")
        for line in range(start, n)
    ]


def test_each_file_keeps_its_first_problems_and_one_line_counts_the_rest() -> None:
    problems = [*_duplicates("flood.jsonl", 1_002), Problem(source="bad.bin", error="binary file")]
    capped = cap_problems(problems, 10)
    assert capped[:10] == tuple(problems[:10])
    assert Problem(source="bad.bin", error="binary file") in capped
    assert capped[-1].source == "flood.jsonl"
    assert capped[-1].error.startswith("990 more problems in this file not listed")
    assert len(capped) == 12


def test_capping_merges_the_counting_line_reading_wrote_and_is_idempotent() -> None:
    read_side = cap_problems(_duplicates("f.jsonl", 30), 5)  # 28 problems: 5 + "23 more"
    later = _duplicates("f.jsonl", 38, start=30)  # a later stage adds 8 more of the file
    capped = cap_problems([*read_side, *later], 5)
    assert capped[-1].error.startswith("31 more problems")
    assert cap_problems(capped, 5) == capped


def test_the_report_of_a_flood_of_duplicates_is_capped_by_the_ingest_setting() -> None:
    config = dataclasses.replace(Config(), ingest=IngestConfig(max_problems=3))
    report = corpus_to_report(Corpus(problems=tuple(_duplicates("x.jsonl", 500))), config)
    assert len(report.problems) == 4
    assert report.problems[-1].error.startswith("495 more problems in this file not listed")
