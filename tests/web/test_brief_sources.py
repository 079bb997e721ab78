"""The story page and its JSON tell how many independent sources a brief line's citations are
(reprints of one text cited twice are one source), from the count the brief stage stored."""

from __future__ import annotations

import dataclasses
from pathlib import Path

from fastapi.testclient import TestClient

from newsweave.model import Summary, SummarySentence
from newsweave.report.json import dumps
from newsweave.store import Store
from newsweave.web import create_app
from tests.store.test_tables import report_with_unknown_sources

LINE = "Putin congratulated Biden."


def _client(tmp_path: Path, independent: int | None) -> TestClient:
    report = report_with_unknown_sources()
    sentence = SummarySentence(
        text=LINE, article_ids=("a-1", "a-2"), independent_sources=independent
    )
    report = dataclasses.replace(
        report, summaries=(Summary(story_id="s-1", sentences=(sentence,)),)
    )
    path = tmp_path / "n.db"
    with Store(path) as store:
        store.add_articles(report.articles)
        store.put_report("latest", dumps(report))
        store.put_report_tables(report)
    return TestClient(create_app(path, allowed_hosts={"testserver"}))


def test_a_line_citing_one_text_twice_says_one_independent_source(tmp_path: Path) -> None:
    client = _client(tmp_path, independent=1)
    assert client.get("/api/stories/s-1").json()["summary"][0]["independent_sources"] == 1
    page = client.get("/stories/s-1").text
    line = next(li for li in page.split("<li>") if li.startswith(LINE))
    assert "1 independent source" in line


def test_no_note_where_every_citation_is_its_own_source_or_none_was_counted(
    tmp_path: Path,
) -> None:
    for independent in (2, None):
        page = _client(tmp_path / str(independent), independent).get("/stories/s-1").text
        assert "independent source" not in page
