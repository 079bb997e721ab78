"""The web app says what the HTML report says of a single-source claim that other voices come
close to: "not matched elsewhere", with those close sentences (issue 11, session 22). The store
keeps `Claim.near_elsewhere`; the tables before it (schema 5) are dropped on upgrade."""

from __future__ import annotations

import csv
import io
import json
import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest

pytest.importorskip("fastapi")
from fastapi.testclient import TestClient

from newsweave.errors import StoreError
from newsweave.model import Claim, Report, Story
from newsweave.report.decode import report_from_dict
from newsweave.report.html import render_html
from newsweave.report.json import dumps
from newsweave.store import Store
from newsweave.store.read import ReportQueries
from newsweave.web import create_app
from tests.report.sample import article, evidence

CHARGES = "At this time, police say they do not expect any charges to be filed."
GUN = "The gun belongs to someone who lives in the home."
# The close sentence of another voice is article text: untrusted, escaped on every page.
APPEAR = "Stephens says <b>it</b> doesn't appear charges will be filed <script>alert(1)</script>."
ALSO = "No charges are expected in the case, a spokesman said on Friday."


def not_matched_report() -> Report:
    wibw = article("wibw", f"{CHARGES} {GUN}", outlet="wibw.com", title="Girl dies")
    kfdi = article("kfdi", APPEAR, outlet="kfdi.com", title="Girl shot")
    ksn = article("ksn", ALSO, outlet="ksn.com", title="Girl shot at home")
    claims = (
        Claim(
            id="c-charges",
            story_id="s",
            text=CHARGES,
            status="single-source",
            support=(evidence(wibw, CHARGES),),
            independent_sources=1,
            near_elsewhere=(evidence(kfdi, APPEAR), evidence(ksn, ALSO)),
        ),
        Claim(
            id="c-gun",
            story_id="s",
            text=GUN,
            status="single-source",
            support=(evidence(wibw, GUN),),
            independent_sources=1,
        ),
    )
    return Report(
        version="test",
        articles=(wibw, kfdi, ksn),
        stories=(
            Story(id="s", title="Girl dies in shooting", article_ids=("wibw", "kfdi", "ksn")),
        ),
        claims=claims,
    )


def _store(path: Path, report: Report) -> Path:
    with Store(path) as store:
        store.add_articles(report.articles)
        store.put_report("latest", dumps(report))
        store.put_report_tables(report)
    return path


@pytest.fixture
def db(tmp_path: Path) -> Path:
    return _store(tmp_path / "n.db", not_matched_report())


@pytest.fixture
def client(db: Path) -> TestClient:
    return TestClient(create_app(db, allowed_hosts={"testserver"}))


def test_the_report_read_back_from_the_store_equals_the_one_written(db: Path) -> None:
    with Store(db, read_only=True) as store:
        text = store.get_report("latest")
    assert text is not None
    again = report_from_dict(json.loads(text))
    assert again == not_matched_report()
    assert [e.text for e in again.claims[0].near_elsewhere] == [APPEAR, ALSO]


def test_the_tables_keep_the_close_sentences_apart_from_the_support(db: Path) -> None:
    with Store(db, read_only=True) as store:
        q = ReportQueries(store.connection)
        claim = q.claim("c-charges")
        assert claim is not None
        assert (claim["status"], claim["n_near"], claim["label"]) == (
            "single-source",
            2,
            "not matched elsewhere",
        )
        gun = q.claim("c-gun")
        assert gun is not None and gun["label"] == "single-source"
        near = q.near_elsewhere(["c-charges", "c-gun"])
        assert [(n["article_id"], n["text"]) for n in near["c-charges"]] == [
            ("kfdi", APPEAR),
            ("ksn", ALSO),
        ]
        assert "c-gun" not in near
        # The support is the claim's own sentence; the close ones are no support and no cell of
        # the outlet matrix.
        assert [e["article_id"] for e in q.evidence(["c-charges"])["c-charges"]] == ["wibw"]
        assert set(q.matrix_cells(["c-charges"])) == {("c-charges", "wibw.com")}
        story = q.story("s")
        assert story is not None and (story["n_single"], story["n_unmatched"]) == (2, 1)
        # The close sentence is an anchor on its article's page, never highlighted.
        (row,) = q.article_evidence("kfdi")
        assert (row["kind"], row["marked"]) == ("near", 0)


def test_the_api_says_not_matched_elsewhere_with_the_close_sentences(client: TestClient) -> None:
    items = client.get("/api/claims", params={"story_id": "s"}).json()["items"]
    labels = {c["id"]: (c["status"], c["label"], c["n_near"]) for c in items}
    assert labels == {
        "c-charges": ("single-source", "not matched elsewhere", 2),
        "c-gun": ("single-source", "single-source", 0),
    }
    claim = client.get("/api/claims/c-charges").json()
    assert claim["label"] == "not matched elsewhere"
    assert [e["article_id"] for e in claim["support"]] == ["wibw"]
    assert claim["near_elsewhere"] == [
        {"article_id": "kfdi", "source": "kfdi.com", "text": APPEAR, "span": [0, len(APPEAR)]},
        {"article_id": "ksn", "source": "ksn.com", "text": ALSO, "span": [0, len(ALSO)]},
    ]
    assert client.get("/api/claims/c-gun").json()["near_elsewhere"] == []
    story = client.get("/api/stories/s").json()
    assert (story["n_single"], story["n_unmatched"]) == (2, 1)
    rows = list(csv.DictReader(io.StringIO(client.get("/api/export/claims.csv").text)))
    assert {(r["id"], r["status"], r["label"]) for r in rows} == {
        ("c-charges", "single-source", "not matched elsewhere"),
        ("c-gun", "single-source", "single-source"),
    }


def test_the_pages_say_what_the_html_report_says(client: TestClient) -> None:
    report = render_html(not_matched_report())
    assert "1 single-source</span>" in report and "1 not matched elsewhere</span>" in report
    story = client.get("/stories/s").text
    assert "1 single-source</span>" in story
    assert "1 not matched elsewhere</span>" in story
    assert 'not matched elsewhere</span> <a href="/claims/c-charges">' in story  # the matrix
    assert 'single-source</span> <a href="/claims/c-gun">' in story
    escaped = "Stephens says &lt;b&gt;it&lt;/b&gt; doesn&#39;t appear charges will be filed"
    assert f"close elsewhere, not matched: “{escaped}" in story
    assert "<script>alert(1)</script>" not in story
    assert 'href="/articles/kfdi#ev-0-' in story
    home = client.get("/").text
    assert "1 single-source</span>" in home and "1 not matched elsewhere</span>" in home
    claim = client.get("/claims/c-charges").text
    assert ">not matched elsewhere</span>" in claim
    assert "Close elsewhere, not matched" in claim and escaped in claim
    assert "<script>alert(1)</script>" not in claim
    gun = client.get("/claims/c-gun").text
    assert ">single-source</span>" in gun and "Close elsewhere" not in gun
    article = client.get("/articles/kfdi").text
    assert 'id="ev-0-' in article and "— 0 spans." in article  # an anchor, never highlighted
    # A claim no other voice was matched with is not "said by this voice alone": others may say
    # it in words the aligner did not match.
    wibw = client.get("/articles/wibw").text
    assert "2 matched in no other voice (single-source, or not matched elsewhere)" in wibw
    assert "alone" not in wibw
    outlet = client.get("/outlets/wibw.com").text
    assert "matched in no other voice" in outlet and "alone" not in outlet
    assert "alone" not in client.get("/outlets").text


def test_a_version_5_store_is_refused_until_upgraded_then_filled_again(tmp_path: Path) -> None:
    path = _store(tmp_path / "v5.db", not_matched_report())
    db = sqlite3.connect(path)
    db.executescript(
        "UPDATE meta SET value = '5' WHERE key = 'schema_version';"
        "ALTER TABLE r_claims DROP COLUMN n_near; ALTER TABLE r_stories DROP COLUMN n_unmatched;"
    )
    db.commit()
    db.close()
    with pytest.raises(StoreError, match=r"schema version 5.*newsweave report --db"):
        Store(path, read_only=True)
    with Store(path) as store:
        # Its report tables had the old shape: gone, empty until the next analysis fills them.
        assert not ReportQueries(store.connection).has_report()
        assert store.get_report("latest") is not None  # the report itself is kept
        store.put_report_tables(not_matched_report())
    with Store(path, read_only=True) as store:
        claim = ReportQueries(store.connection).claim("c-charges")
        assert claim is not None and claim["label"] == "not matched elsewhere"


@pytest.fixture(scope="module")
def base(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    pytest.importorskip("uvicorn")
    from tests.web.live import live_server

    path = _store(tmp_path_factory.mktemp("near") / "n.db", not_matched_report())
    with live_server(path) as url:
        yield url


@pytest.mark.slow
@pytest.mark.browser
def test_a_reader_sees_not_matched_elsewhere_and_follows_the_close_sentence(base: str) -> None:
    from tests.report.browser import browser_page

    with browser_page() as page:
        errors: list[str] = []
        page.on("pageerror", lambda e: errors.append(str(e)))
        page.goto(base + "/stories/s")
        counts = page.locator("p.counts").inner_text()
        assert "1 single-source" in counts and "1 not matched elsewhere" in counts
        page.locator("details.unmatched summary").click()
        near = page.locator("details.unmatched p.near").first
        assert near.is_visible()
        assert "<b>it</b>" in near.inner_text()  # shown as text, not markup
        near.locator("a.cite").click()
        page.wait_for_load_state()
        assert page.url.startswith(base + "/articles/kfdi#ev-0-")
        page.goto(base + "/claims/c-charges")
        assert page.locator("p.meta .st").first.inner_text() == "not matched elsewhere"
        assert page.locator("ul.near blockquote").count() == 2
    assert errors == []
