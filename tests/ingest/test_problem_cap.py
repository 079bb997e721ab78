"""A report lists at most max_problems problems per input file, then one line counting the rest."""

from __future__ import annotations

import dataclasses

from newsweave.api import corpus_to_report
from newsweave.config import Config
from newsweave.ingest import IngestConfig, cap_problems
from newsweave.model import Problem
from newsweave.pipeline import Corpus


def _duplicates(path: str, n: int) -> list[Problem]:
    return [
        Problem(source=f"{path}#{line}", error=f"same content as {path}#1") for line in range(2, n)
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
    later = _duplicates("f.jsonl", 10)  # a later stage adds 8 more of the same file
    capped = cap_problems([*read_side, *later], 5)
    assert capped[-1].error.startswith("31 more problems")
    assert cap_problems(capped, 5) == capped


def test_the_report_of_a_flood_of_duplicates_is_capped_by_the_ingest_setting() -> None:
    config = dataclasses.replace(Config(), ingest=IngestConfig(max_problems=3))
    report = corpus_to_report(Corpus(problems=tuple(_duplicates("x.jsonl", 500))), config)
    assert len(report.problems) == 4
    assert report.problems[-1].error.startswith("495 more problems in this file not listed")
