"""Every generated hostile input, read on its own: documents kept, one problem line, printable."""

from __future__ import annotations

import pytest

from newsweave.ingest import IngestConfig, read_inputs
from newsweave.model import Problem, RawDoc
from tests.hostile.corpus import SMALL, Case, build

# Caps small enough that the small corpus reaches them (the defaults are for real inputs).
CONFIG = IngestConfig(max_records=100, max_bytes=1_000_000, raise_unexpected=True)

CASE_NAMES = [
    "row2-name-not-utf8",
    "row10-name-newline",
    "row10-name-terminal-escape",
    "row10-name-bidi",
    "row3-comments",
    "row4-crawl-copies",
    "row6-json-list",
    "row6-tiny-jsonl-gz",
    "row6-blank-gz",
    "row6-blank-lines-between-records",
    "row6-huge-article",
    "row7-warc-short-length",
    "row7-warc-long-length",
    "row7-warc-garbage",
    "row7-warc-truncated",
    "row7-warc-corrupt-member",
    "row7-arc-garbage",
    "row7-arc-corrupt-member",
    "row8-deep-list-item",
    "row8-deep-first-line",
    "row9-nul-bytes",
    "own-json-lone-surrogate",
    "own-json-evil-key",
    "own-jsonl-bad-lines",
    "own-empty",
    "own-binary",
    "own-truncated-gzip",
    "own-utf16-no-bom",
    "own-nested-divs",
    "own-terminal-escapes-in-text",
]


@pytest.fixture(scope="module")
def cases(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Case]:
    return {case.name: case for case in build(tmp_path_factory.mktemp("hostile"), SMALL)}


def _read(case: Case) -> tuple[list[RawDoc], list[Problem]]:
    items = list(read_inputs([str(case.path)], config=CONFIG))
    docs = [item for item in items if isinstance(item, RawDoc)]
    problems = [item for item in items if isinstance(item, Problem)]
    return docs, problems


def test_the_case_list_is_the_generated_corpus(cases: dict[str, Case]) -> None:
    assert sorted(cases) == sorted(CASE_NAMES)


@pytest.mark.parametrize("name", CASE_NAMES)
def test_hostile_input_keeps_its_documents_and_costs_its_problem_lines(
    cases: dict[str, Case], name: str
) -> None:
    case = cases[name]
    docs, problems = _read(case)
    if case.problems is not None:
        assert len(problems) == case.problems, [p.error for p in problems]
    if case.exact:
        assert len(docs) == case.documents
    else:
        assert len(docs) >= case.documents
    for item in [*docs, *problems]:
        assert item.source.isprintable(), item.source
        assert item.source == case.source or item.source.startswith(case.source + "#")
        item.source.encode("utf-8")  # storable: no lone surrogates
    for problem in problems:
        assert problem.error.isprintable(), problem.error
    for doc in docs:
        for text in (doc.text, doc.html, doc.title):
            assert text is None or ("\x00" not in text and text.encode("utf-8"))


def test_evil_file_names_cannot_forge_a_line(cases: dict[str, Case]) -> None:
    """Issue 14 rows 2 and 10: the source of every document is one printable line."""
    sources = {name: _read(cases[name])[0][0].source for name in CASE_NAMES if "-name-" in name}
    assert sources["row2-name-not-utf8"].endswith("bad-\\xff\\xfe-name.txt")
    assert sources["row10-name-newline"].endswith("evil\\nnewsweave: FAKE-SOURCE: all good.txt")
    assert sources["row10-name-terminal-escape"].endswith("esc-\\x1b[31mred\\x1b]0;title\\x07.txt")
    assert sources["row10-name-bidi"].endswith("bidi-\\u202etxt.exe.txt")


def test_damaged_warc_records_say_what_was_skipped(cases: dict[str, Case]) -> None:
    """Issue 14 row 7: reading resynchronises on the next record header."""
    for name in (
        "row7-warc-short-length",
        "row7-warc-long-length",
        "row7-warc-garbage",
        "row7-arc-garbage",
    ):
        _, problems = _read(cases[name])
        assert "skipped" in problems[0].error and "to the next record at #" in problems[0].error
    _, problems = _read(cases["row7-warc-truncated"])
    assert problems[0].error.endswith("no intact record after it")


def test_the_record_cap_costs_one_line(cases: dict[str, Case]) -> None:
    """Issue 14 row 6: a flood of records stops at max_records with one problem line."""
    for name in ("row6-json-list", "row6-tiny-jsonl-gz"):
        docs, problems = _read(cases[name])
        assert len(docs) == CONFIG.max_records
        assert [p.error for p in problems] == [
            "more than 100 records (the max_records limit); the rest of the file was not read: "
            "to read more, raise it (`--max-records N`, or `max_records = N` under [ingest] in "
            "--config)"
        ]
