"""One bad input, one line: records of one file that share a reason are one problem line."""

from __future__ import annotations

import gzip
import json
import random
from pathlib import Path

from newsweave.api import _current_report, analyze, ingest_into
from newsweave.config import Config
from newsweave.ingest import IngestConfig, cap_problems, read_inputs
from newsweave.ingest.problems import collapse_repeats
from newsweave.model import Problem, RawDoc
from newsweave.store import Store

NO_TEXT = "no article text found after cleaning"
SEED = Path(__file__).resolve().parents[2] / "examples"


def _records(path: str, numbers: range, error: str = NO_TEXT) -> list[Problem]:
    return [Problem(source=f"{path}#{n}", error=error) for n in numbers]


def test_five_thousand_records_with_one_reason_are_one_line() -> None:
    problems = _records("tiny.jsonl.gz", range(1, 5_001))
    capped = cap_problems(problems, 1_000)
    assert capped == (
        Problem(source="tiny.jsonl.gz", error=f"5,000 records: {NO_TEXT} (first: #1)"),
    )


def test_distinct_reasons_stay_distinct_and_a_lone_record_keeps_its_line() -> None:
    problems = [
        Problem(source="a.json", error="binary file"),
        *_records("b.jsonl", range(3, 9)),
        Problem(source="b.jsonl#12", error="not a JSON object (a list)"),
        *_records("b.jsonl", range(20, 22), error="line longer than 1 MiB"),
        *_records("c.jsonl", range(1, 3)),
    ]
    assert cap_problems(problems, 10) == (
        Problem(source="a.json", error="binary file"),
        Problem(source="b.jsonl", error=f"6 records: {NO_TEXT} (first: #3)"),
        Problem(source="b.jsonl#12", error="not a JSON object (a list)"),
        Problem(source="b.jsonl", error="2 records: line longer than 1 MiB (first: #20)"),
        Problem(source="c.jsonl", error=f"2 records: {NO_TEXT} (first: #1)"),
    )


def test_the_line_does_not_depend_on_the_order_problems_arrive_in() -> None:
    """A store lists problems sorted as text (#10 before #9): the first record is by number."""
    problems = _records("f.jsonl", range(9, 120)) + _records("g.json", range(5, 7), "x")
    shuffled = problems[:]
    random.Random(1).shuffle(shuffled)
    as_text = sorted(problems, key=lambda p: (p.source, p.error))
    expected = set(cap_problems(problems, 5))
    assert set(cap_problems(shuffled, 5)) == expected == set(cap_problems(as_text, 5))
    assert Problem(source="f.jsonl", error=f"111 records: {NO_TEXT} (first: #9)") in expected


def test_collapsing_is_idempotent_and_merges_more_records_of_the_same_reason() -> None:
    once = collapse_repeats(_records("f.jsonl", range(1, 40)))
    assert collapse_repeats(once) == once
    more = collapse_repeats([*once, *_records("f.jsonl", range(40, 51))])
    assert more == (Problem(source="f.jsonl", error=f"50 records: {NO_TEXT} (first: #1)"),)
    assert cap_problems(cap_problems(more, 3), 3) == more


def test_a_record_cannot_pass_its_own_line_for_a_collapsed_one() -> None:
    forged = Problem(source="f.jsonl#2", error="9,999 records: x (first: #1)")
    assert collapse_repeats([forged]) == (forged,)


def test_reading_lists_a_repeated_reason_once_whatever_max_problems(tmp_path: Path) -> None:
    """3,000 lines without a text field: one line, not max_problems lines and a count."""
    path = tmp_path / "no-text.jsonl"
    path.write_text("".join(json.dumps({"body": i}) + "\n" for i in range(3_000)))
    config = IngestConfig(max_problems=10)
    items = list(read_inputs([str(path)], config=config))
    problems = [item for item in items if isinstance(item, Problem)]
    assert not [item for item in items if isinstance(item, RawDoc)]
    (line,) = cap_problems(problems, config.max_problems)
    assert line.source == str(path)
    assert line.error.startswith("3,000 records: no text field") and line.error.endswith("#1)")


def _tiny_gzip(path: Path, records: int) -> Path:
    with gzip.open(path, "wb") as handle:
        handle.write(b'{"text": "tiny record"}\n' * records)
    return path


def test_a_gzip_of_tiny_records_through_analyze_is_one_line(tmp_path: Path) -> None:
    """Issue 14 row 6: its records each fail cleaning; 1,001 lines before."""
    path = _tiny_gzip(tmp_path / "tiny.jsonl.gz", 1_500)
    report = analyze([str(path)], config=Config(ingest=IngestConfig(max_problems=1_000)))
    assert report.problems == (
        Problem(source=str(path), error=f"1,500 records: {NO_TEXT} (first: #1)"),
    )


def test_ingesting_again_keeps_one_line_and_reuses_the_stored_report(tmp_path: Path) -> None:
    tiny = _tiny_gzip(tmp_path / "tiny.jsonl.gz", 40)
    seed = next(iter(sorted(SEED.glob("*.txt"))))
    config = Config(ingest=IngestConfig(max_problems=5))
    db = tmp_path / "news.db"
    _, first = ingest_into([str(tiny), str(seed)], db, config=config)
    added, again = ingest_into([str(tiny), str(seed)], db, config=config)
    line = Problem(source=str(tiny), error=f"40 records: {NO_TEXT} (first: #1)")
    assert added == []
    assert first.problems == again.problems == (line,)
    with Store(db) as store:
        assert len(store.problems()) == 40  # stored one per record, deduplicated by the store
        assert _current_report(store, config) == again  # the rerun found it current


CAP = (
    "more than 3 records (the max_records limit); the rest of the file was not read: "
    "to read more, raise it"
)


def test_a_file_cut_at_the_cap_whose_records_all_failed_alike_is_one_line() -> None:
    problems = [*_records("tiny.jsonl.gz", range(1, 4)), Problem(source="tiny.jsonl.gz", error=CAP)]
    capped = cap_problems(problems, 1_000)
    assert capped == (
        Problem(source="tiny.jsonl.gz", error=f"all 3 records read: {NO_TEXT} (first: #1); {CAP}"),
    )
    assert cap_problems(capped, 1_000) == capped  # merging again changes nothing
    assert cap_problems([*reversed(problems)], 1_000) == capped


def test_a_file_cut_at_the_cap_with_good_records_or_other_reasons_keeps_its_lines() -> None:
    some_good = [*_records("a.jsonl", range(1, 3)), Problem(source="a.jsonl", error=CAP)]
    assert len(cap_problems(some_good, 1_000)) == 2
    two_reasons = [
        *_records("b.jsonl", range(1, 3)),
        Problem(source="b.jsonl#3", error="invalid JSON"),
        Problem(source="b.jsonl", error=CAP),
    ]
    assert len(cap_problems(two_reasons, 1_000)) == 3
