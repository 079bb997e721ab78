"""The web app in real Chromium: list, sort, filter, search, story, article, permalink, CSV."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

pytest.importorskip("fastapi")
pytest.importorskip("uvicorn")

from newsweave.report.json import dumps
from newsweave.store import Store
from tests.report.browser import browser_page
from tests.web.live import live_server
from tests.web.sample import RLO_TITLE, several_stories

pytestmark = [pytest.mark.slow, pytest.mark.browser]


@pytest.fixture(scope="module")
def base(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    report = several_stories()
    path = tmp_path_factory.mktemp("browser") / "n.db"
    with Store(path) as store:
        store.add_articles(report.articles)
        store.add_problems(report.problems)
        store.put_report("latest", dumps(report))
        store.put_report_tables(report)
    with live_server(path) as url:
        yield url


class Watch:
    """Console errors, page errors and requests that leave the server, for one page."""

    def __init__(self, page: Any, base: str) -> None:
        self.errors: list[str] = []
        self.foreign: list[str] = []
        page.on("console", lambda m: self.errors.append(m.text) if m.type == "error" else None)
        page.on("pageerror", lambda e: self.errors.append(str(e)))
        page.on(
            "request",
            lambda r: None if r.url.startswith(base + "/") else self.foreign.append(r.url),
        )


def titles(page: Any) -> list[str]:
    return [t.strip() for t in page.locator(".story-title").all_inner_texts()]


def test_story_list_sorts_filters_and_searches(base: str) -> None:
    with browser_page() as page:
        watch = Watch(page, base)
        page.goto(base + "/")
        # Largest first: 5 articles, then 3, then 2.
        assert titles(page) == ["Putin congratulates Biden", "Coastal earthquake", "River flood"]
        assert page.locator(".coverage svg rect").count() > 0
        page.locator("a.sort-latest").click()
        page.wait_for_load_state()
        assert titles(page)[0] == "River flood"
        page.select_option("select[name=outlet]", "Sputnik")
        page.get_by_role("button", name="Apply").click()
        page.wait_for_load_state()
        assert titles(page) == ["Putin congratulates Biden"]
        assert "outlet=Sputnik" in page.url
        page.select_option("select[name=outlet]", "")
        page.select_option("select[name=language]", "de")
        page.get_by_role("button", name="Apply").click()
        page.wait_for_load_state()
        assert titles(page) == ["River flood"]
        page.fill("header input[name=q]", "earthquakes coast")
        page.press("header input[name=q]", "Enter")
        page.wait_for_load_state()
        assert page.locator("#result-count").inner_text().startswith("3 articles")
        assert page.locator(".snippet mark").first.inner_text().lower().startswith("earthquake")
        assert "Coastal earthquake" in page.locator("ol.results").inner_text()
    assert watch.errors == []
    assert watch.foreign == []


def test_awkward_search_in_the_browser(base: str) -> None:
    with browser_page() as page:
        watch = Watch(page, base)
        for query in ['hit-and-run "U.S." 9.1 AND NEAR( * "', "x" * 5000]:
            page.goto(base + "/search")
            page.fill("main input[name=q]", query)
            page.press("main input[name=q]", "Enter")
            page.wait_for_load_state()
            assert page.locator("h1").inner_text() == "Search"
    assert watch.errors == []


def test_story_page_and_claim_permalink(base: str) -> None:
    with browser_page() as page:
        watch = Watch(page, base)
        page.goto(base + "/")
        page.get_by_role("link", name="Putin congratulates Biden").click()
        page.wait_for_load_state()
        for heading in (
            "Brief",
            "Where outlets disagree",
            "Claims",
            "Who says what",
            "Quotes by speaker",
            "Timeline",
        ):
            assert page.get_by_role("heading", name=heading).first.is_visible()
        meta = page.locator("main > p.meta").first.inner_text()
        assert "5 articles from 3 outlets (2 of unknown source)" in meta
        holders = page.locator(".conflict .holders").all_inner_texts()
        assert any("Sputnik" in h for h in holders) and any("A-1" in h for h in holders)
        assert "all of unknown source" in page.locator("#c-unknown").inner_text()
        assert page.locator("table.matrix th.outlet", has_text="unknown source").count() == 1
        page.locator("#c-1 a.permalink").click()
        page.wait_for_load_state()
        assert page.url == base + "/claims/c-1"
        assert page.locator("h1").inner_text() == "Putin is ready for interaction."
        page.locator("ul.evidence a.cite").first.click()
        page.wait_for_load_state()
        assert "/articles/" in page.url and "#ev-" in page.url
    assert watch.errors == []
    assert watch.foreign == []


def test_article_page_highlights_only_evidence(base: str) -> None:
    with browser_page() as page:
        watch = Watch(page, base)
        page.goto(base + "/articles/a-1")
        marks = page.locator(".text mark").all_inner_texts()
        # Corroborated claim, the conflict value, the quote: highlighted. The timeline's
        # "on Monday" is only an anchor.
        assert "on Monday" not in " ".join(marks)
        assert any("ready for interaction" in m for m in marks)
        assert page.locator(".text mark.disputed").count() >= 1
        assert page.locator("details.removed summary").inner_text().startswith("Cleaning removed 1")
        page.goto(base + "/articles/u-1")
        assert "unknown source" in page.locator("dl.facts").inner_text()
    assert watch.errors == []


def test_bidi_override_in_a_title_is_isolated(base: str) -> None:
    with browser_page() as page:
        page.goto(base + "/stories/s-flood")
        tag = page.evaluate(
            """() => {
                const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
                const found = [];
                while (walker.nextNode()) {
                    if (walker.currentNode.data.includes('\\u202e'))
                        found.push(walker.currentNode.parentElement.tagName);
                }
                return found;
            }"""
        )
        assert tag and set(tag) == {"BDI"}
        assert page.locator("a", has_text=RLO_TITLE[:5]).count() >= 1


def test_csv_export_downloads(base: str, tmp_path: Path) -> None:
    with browser_page() as page:
        page.goto(base + "/stories/s-1")
        with page.expect_download() as download:
            page.get_by_role("link", name="claims as CSV").click()
        target = tmp_path / "claims.csv"
        download.value.save_as(target)
    lines = target.read_text(encoding="utf-8").splitlines()
    assert lines[0].startswith("id,story_id,status,text")
    assert len(lines) == 3


def test_phone_layout_does_not_scroll_sideways(base: str) -> None:
    with browser_page(width=390, height=844) as page:
        for url in ("/", "/articles/a-1", "/search?q=river"):
            page.goto(base + url)
            overflow = page.evaluate(
                "document.scrollingElement.scrollWidth - document.documentElement.clientWidth"
            )
            assert overflow <= 0, url
