"""A correction (one outlet's later article against its own earlier one) is shown apart from
the disagreements between outlets, in every rendering, and is not counted among them."""

from __future__ import annotations

import dataclasses
import re
from pathlib import Path

from fastapi.testclient import TestClient

from newsweave.model import Conflict, ConflictValue, Report
from newsweave.report.html import render_html
from newsweave.report.json import dumps
from newsweave.report.markdown import render_markdown
from newsweave.store import Store
from newsweave.web import create_app
from tests.report.sample import evidence, sample_report

DISAGREE = "Where outlets disagree"
CHANGED = "Where an outlet changed its own account"


def _with_correction() -> Report:
    report = sample_report()
    a = report.articles[0]
    correction = Conflict(
        id="k-2",
        story_id="s-1",
        topic="the day Biden won",
        values=(
            ConflictValue(value="2020-11-03: Monday", evidence=(evidence(a, "on Monday"),)),
            ConflictValue(value="2020-11-04: 306", evidence=(evidence(a, "306-232"),)),
        ),
        kind="correction",
    )
    return dataclasses.replace(report, conflicts=(*report.conflicts, correction))


def _after(text: str, heading: str) -> str:
    """The text from `heading` to the next heading of any level."""
    start = text.index(heading)
    following = re.search(r"\n#+ |<h[1-3]", text[start + len(heading) :])
    return text[start : start + len(heading) + (following.start() if following else len(text))]


def test_markdown_shows_a_correction_under_its_own_heading() -> None:
    markdown = render_markdown(_with_correction())
    assert "the day Biden won" in _after(markdown, CHANGED)
    assert "the day Biden won" not in _after(markdown, DISAGREE)
    assert "electoral votes for Biden" in _after(markdown, DISAGREE)


def test_markdown_has_no_disagreement_heading_for_corrections_alone() -> None:
    report = _with_correction()
    report = dataclasses.replace(report, conflicts=report.conflicts[1:])
    markdown = render_markdown(report)
    assert DISAGREE not in markdown and CHANGED in markdown


def test_html_report_shows_a_correction_apart_and_does_not_count_it() -> None:
    html = render_html(_with_correction())
    assert "the day Biden won" in _after(html, CHANGED)
    assert "the day Biden won" not in _after(html, DISAGREE)
    assert "· 1 conflict ·" in html


def test_web_story_page_and_counts_leave_corrections_out_of_disagreements(
    tmp_path: Path,
) -> None:
    report = _with_correction()
    path = tmp_path / "c.db"
    with Store(path) as store:
        store.add_articles(report.articles)
        store.put_report("latest", dumps(report))
        store.put_report_tables(report)
    client = TestClient(create_app(path, allowed_hosts={"testserver"}))
    page = client.get("/stories/s-1").text
    corrections = page[page.index('id="corrections"') :]
    disagreements = page[page.index('id="disagreements"') : page.index('id="corrections"')]
    assert "the day Biden won" in corrections and CHANGED in corrections
    assert "the day Biden won" not in disagreements
    assert "electoral votes for Biden" in disagreements
    assert "1 disagreement ·" in page
    assert client.get("/api/stories/s-1").json()["n_conflicts"] == 1
