"""The story page says which stories of its storyline are linked, and why, escaped."""

from __future__ import annotations

from pathlib import Path

import pytest

pytest.importorskip("fastapi")
from fastapi.testclient import TestClient

from newsweave.report.json import dumps
from newsweave.store import Store
from newsweave.web import create_app
from tests.store.test_storyline_links import HOSTILE, linked_stories


def _client(path: Path, shared: tuple[str, ...]) -> TestClient:
    report = linked_stories(shared=shared)
    with Store(path) as store:
        store.add_articles(report.articles)
        store.put_report("latest", dumps(report))
        store.put_report_tables(report)
    return TestClient(create_app(path, allowed_hosts={"testserver"}))


def _links_list(page: str) -> str:
    start = page.index('<ul class="links">')
    return page[start : page.index("</ul>", start)]


def test_the_story_page_shows_the_storyline_links(tmp_path: Path) -> None:
    client = _client(tmp_path / "n.db", ("magnitude", "coast"))
    page = client.get("/stories/s-flood").text
    links = _links_list(page)
    assert (
        '<a href="/stories/s-quake">Coastal earthquake</a> → <strong>River flood</strong>' in links
    )
    assert "linked by magnitude, coast (272 days apart, similarity 0.41)" in links
    # From the other end the earlier story is the one in bold.
    other = _links_list(client.get("/stories/s-quake").text)
    assert '<strong>Coastal earthquake</strong> → <a href="/stories/s-flood">' in other


def test_storyline_link_words_are_escaped_on_the_story_page(tmp_path: Path) -> None:
    client = _client(tmp_path / "n.db", (HOSTILE, "coast"))
    links = _links_list(client.get("/stories/s-flood").text)
    assert "<img" not in links
    assert "&lt;img src=x onerror=alert(1)&gt;" in links


def test_the_json_api_gives_a_storys_storyline_with_why_its_stories_are_linked(
    tmp_path: Path,
) -> None:
    client = _client(tmp_path / "n.db", ("magnitude", "coast"))
    story = client.get("/api/stories/s-flood").json()
    line = story["storyline"]
    assert [s["id"] for s in line["stories"]] == ["s-quake", "s-flood"]
    (link,) = line["links"]
    assert link["story_ids"] == ["s-quake", "s-flood"]
    assert link["shared"] == ["magnitude", "coast"]
    assert link["gap_days"] == 272
