"""The whole hostile corpus mixed with the bundled seeds, through `analyze` and the CLI.

Done-when of issue 14: no run aborted, no good article lost or duplicated, each bad input
exactly its problem lines, all of them printable.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from newsweave.api import analyze, render
from newsweave.cli import main
from newsweave.config import Config
from newsweave.ingest import IngestConfig, printable_source
from newsweave.model import Report
from tests.hostile.corpus import SMALL, Case, article, build

REPO = Path(__file__).resolve().parents[2]
SEEDS = sorted((REPO / "examples").glob("*.txt"))
# The shipped settings, with caps small enough that the small corpus reaches them.
CONFIG = Config(ingest=IngestConfig(max_records=100, max_bytes=1_000_000))

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def run(tmp_path_factory: pytest.TempPathFactory) -> tuple[list[Case], Report]:
    cases = build(tmp_path_factory.mktemp("hostile"), SMALL)
    inputs = [str(case.path) for case in cases] + [str(seed) for seed in SEEDS]
    return cases, analyze(inputs, config=CONFIG)


def _names(source: str, case: Case) -> bool:
    return source == case.source or source.startswith(case.source + "#")


def test_every_seed_article_is_kept_once(run: tuple[list[Case], Report]) -> None:
    _, report = run
    for seed in SEEDS:
        assert [a.source for a in report.articles].count(str(seed)) == 1, seed


def test_each_hostile_input_costs_exactly_its_problem_lines(
    run: tuple[list[Case], Report],
) -> None:
    cases, report = run
    for case in cases:
        lines = [p for p in report.problems if _names(p.source, case)]
        if case.problems is not None:
            assert len(lines) == case.problems, (case.name, [p.error for p in lines])
        if case.kept:
            articles = [a for a in report.articles if _names(a.source, case)]
            assert len(articles) == case.documents, (case.name, lines)
    claimed = [p for p in report.problems if any(_names(p.source, c) for c in cases)]
    assert len(claimed) == len(report.problems), "a problem line names no input"


def test_crawl_copies_are_kept_once_and_linked(run: tuple[list[Case], Report]) -> None:
    """Issue 14 row 4: copies are one article plus links, not deleted as boilerplate."""
    cases, report = run
    copies = next(case for case in cases if case.name == "row4-crawl-copies")
    articles = [a for a in report.articles if _names(a.source, copies)]
    same = [p for p in report.problems if _names(p.source, copies)]
    assert articles, [p.error for p in same]
    assert all(p.error.startswith("same content as") for p in same)
    assert len(articles) + len(same) == copies.documents
    ids = {a.id for a in articles}
    # One of them stands; the others link to it (or were merged into it as the same content).
    originals = [a for a in articles if a.copy_of is None or a.copy_of.article_id not in ids]
    assert len(originals) == 1


def test_problem_lines_are_printable_and_the_report_serializes(
    run: tuple[list[Case], Report],
) -> None:
    _, report = run
    for problem in report.problems:
        assert problem.source.isprintable() and problem.error.isprintable(), problem
    for item in report.articles:
        assert item.source.isprintable()
    text = render(report, "json")
    json.loads(text)
    text.encode("utf-8")  # no lone surrogates anywhere in the report


def test_cli_lines_cannot_be_forged_by_file_names(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Issue 14 rows 2 and 10 through the command: the report is written and every problem is
    one printable line on stderr."""
    root = os.fsencode(tmp_path)
    for index, name in enumerate(
        (b"evil\nnewsweave: FAKE-SOURCE: nothing.txt", b"bad-\xff.txt", b"esc\x1b[2J.txt")
    ):
        with open(os.path.join(root, name), "wb") as handle:
            handle.write(article(900 + index).encode())
    with open(os.path.join(root, b"empty\n\x1b[31m.txt"), "wb"):
        pass
    out = tmp_path / "report.json"

    status = main(["analyze", str(tmp_path), "-o", str(out), "--no-progress"])

    assert status == 1
    err = capsys.readouterr().err
    lines = err.splitlines()
    assert not any(line.startswith("newsweave: FAKE") for line in lines)
    assert "\x1b" not in err
    expected = printable_source(os.fsdecode(os.path.join(root, b"empty\n\x1b[31m.txt")))
    assert f"newsweave: {expected}: empty file" in lines
    report = json.loads(out.read_text(encoding="utf-8"))
    sources = sorted(article["source"] for article in report["articles"])
    assert len(sources) == 3 and all(source.isprintable() for source in sources)


def test_a_gzip_of_identical_bad_records_is_one_line_per_reason(
    run: tuple[list[Case], Report],
) -> None:
    """Issue 14 row 6: the tiny-record gzip's records all fail cleaning for one reason; one line
    says how many (it listed one line per record, max_problems of them, before), and the same
    line says the file holds more than max_records."""
    cases, report = run
    tiny = next(case for case in cases if case.name == "row6-tiny-jsonl-gz")
    lines = [p for p in report.problems if _names(p.source, tiny)]
    read = CONFIG.ingest.max_records
    assert len(lines) == 1, lines
    assert lines[0].source == tiny.source
    assert lines[0].error.startswith(
        f"all {read:,} records read: no article text found after cleaning (first: #1); "
        f"more than {read:,} records (the max_records limit)"
    )
