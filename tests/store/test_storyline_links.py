"""Storyline links survive the store: the report read back equals the one written."""

from __future__ import annotations

import dataclasses
import json
from pathlib import Path

from newsweave.model import Report, Storyline, StoryLink
from newsweave.report.decode import from_plain, report_from_dict
from newsweave.report.json import dumps
from newsweave.store import Store
from newsweave.store.read import ReportQueries
from tests.web.sample import several_stories

HOSTILE = "<img src=x onerror=alert(1)> [x](javascript:y)"


def linked_stories(*, shared: tuple[str, ...] = ("magnitude", "coast")) -> Report:
    """`several_stories` with the quake and the flood in one storyline, the flood linked on."""
    base = several_stories()
    link = StoryLink(
        story_ids=("s-quake", "s-flood"), shared=shared, gap_days=272, similarity=0.41234
    )
    line = Storyline(
        id="l-quake", title="Coastal earthquake", story_ids=("s-flood", "s-quake"), links=(link,)
    )
    stories = tuple(
        dataclasses.replace(s, storyline_id="l-quake") if s.id in line.story_ids else s
        for s in base.stories
    )
    return dataclasses.replace(base, stories=stories, storylines=(line,))


def _store(path: Path, report: Report) -> None:
    with Store(path) as store:
        store.add_articles(report.articles)
        store.put_report("latest", dumps(report))
        store.put_report_tables(report)


def test_a_report_read_back_from_the_store_keeps_its_storyline_links(tmp_path: Path) -> None:
    report = linked_stories()
    _store(tmp_path / "n.db", report)
    with Store(tmp_path / "n.db", read_only=True) as store:
        text = store.get_report("latest")
    assert text is not None
    again = report_from_dict(json.loads(text))
    assert again.storylines == report_from_dict(json.loads(dumps(report))).storylines
    (line,) = again.storylines
    assert line.links[0].story_ids == ("s-quake", "s-flood")
    assert line.links[0].shared == ("magnitude", "coast")
    assert line.links[0].gap_days == 272


def test_the_storyline_table_holds_each_link(tmp_path: Path) -> None:
    report = linked_stories(shared=(HOSTILE, "coast"))
    _store(tmp_path / "n.db", report)
    with Store(tmp_path / "n.db", read_only=True) as store:
        line, stories = ReportQueries(store.connection).storyline("l-quake")
    assert line is not None
    assert [s["id"] for s in stories] == ["s-quake", "s-flood"]  # by start
    links = tuple(from_plain(StoryLink, plain) for plain in line["links"])
    expected = report.storylines[0].links
    assert links == (dataclasses.replace(expected[0], similarity=0.4123),)


def test_a_storyline_without_links_reads_back_empty(tmp_path: Path) -> None:
    report = dataclasses.replace(
        several_stories(),
        storylines=(Storyline(id="l-1", title="Flood", story_ids=("s-flood",)),),
    )
    _store(tmp_path / "n.db", report)
    with Store(tmp_path / "n.db", read_only=True) as store:
        line, _ = ReportQueries(store.connection).storyline("l-1")
    assert line is not None and line["links"] == []
