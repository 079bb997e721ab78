"""The HTML report in a real browser: no errors, no network, citations scroll to evidence."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsweave.report.html import render_html
from tests.report.browser import browser_page
from tests.report.sample import sample_report
from tests.report.test_html import HOSTILE

pytestmark = [pytest.mark.slow, pytest.mark.browser]


def _open(page: object, path: Path) -> tuple[list[str], list[str]]:
    """Load `path`; returns live lists of console errors and requested URLs (dialogs count)."""
    errors: list[str] = []
    requests: list[str] = []
    page.on("dialog", lambda d: errors.append(f"dialog: {d.message}"))  # type: ignore[attr-defined]
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)  # type: ignore[attr-defined]
    page.on("pageerror", lambda e: errors.append(str(e)))  # type: ignore[attr-defined]
    page.on("request", lambda r: requests.append(r.url))  # type: ignore[attr-defined]
    page.goto(path.as_uri())  # type: ignore[attr-defined]
    return errors, requests


def test_hostile_report_runs_nothing_and_fetches_nothing(tmp_path: Path) -> None:
    path = tmp_path / "report.html"
    path.write_text(render_html(sample_report(HOSTILE)), encoding="utf-8")
    with browser_page() as page:
        errors, requests = _open(page, path)
        page.wait_for_timeout(300)
        assert page.locator("script, iframe, img").count() == 0
    assert requests == [path.as_uri()]
    assert errors == []


def test_citation_click_scrolls_to_its_evidence(tmp_path: Path) -> None:
    report = sample_report()
    path = tmp_path / "report.html"
    path.write_text(render_html(report), encoding="utf-8")
    with browser_page(height=700) as page:
        errors, requests = _open(page, path)
        for heading in ("Brief", "Where outlets disagree", "Timeline", "Who says what", "Articles"):
            assert page.get_by_role("heading", name=heading).first.is_visible()
        cite = page.locator(".conflict a.cite").last
        target = (cite.get_attribute("href") or "")[1:]
        cite.click()
        page.wait_for_timeout(200)
        assert page.evaluate("location.hash") == f"#{target}"
        box = page.evaluate(
            "id => document.getElementById(id).nextElementSibling.getBoundingClientRect().top",
            target,
        )
        assert 0 <= box <= 700
    assert errors == []
    assert requests == [path.as_uri()]
