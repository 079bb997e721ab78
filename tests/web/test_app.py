from __future__ import annotations

from pathlib import Path

import pytest

pytest.importorskip("fastapi")
from fastapi.testclient import TestClient

from newsweave.errors import StoreError
from newsweave.report.json import dumps
from newsweave.store import Store
from newsweave.web import create_app
from tests.report.sample import sample_report


@pytest.fixture
def client(tmp_path: Path) -> TestClient:
    report = sample_report()
    with Store(tmp_path / "n.db") as store:
        store.add_articles(report.articles)
        store.put_report("latest", dumps(report))
    return TestClient(create_app(tmp_path / "n.db"))


def test_index_serves_the_html_report_with_a_strict_policy(client: TestClient) -> None:
    response = client.get("/")
    assert response.status_code == 200
    assert "Where outlets disagree" in response.text
    assert "default-src 'none'" in response.headers["content-security-policy"]


def test_api_lists_stories_and_articles(client: TestClient) -> None:
    assert client.get("/api/stories").json()[0]["articles"] == 3
    story = client.get("/api/stories/s-1").json()
    assert story["conflicts"][0]["topic"] == "electoral votes for Biden"
    articles = client.get("/api/articles").json()
    assert {a["story_id"] for a in articles} == {"s-1"}
    assert "text" not in articles[0]
    assert client.get("/api/articles/a-2").json()["outlet"] == "Sputnik"


def test_search_finds_articles_by_text(client: TestClient) -> None:
    results = client.get("/api/search", params={"q": "electoral"}).json()["results"]
    assert [r["id"] for r in results] == ["a-2"]


@pytest.mark.parametrize(
    ("url", "status"),
    [
        ("/api/stories/nope", 404),
        ("/api/articles/nope", 404),
        ("/api/search?q=", 400),
        ("/api/search?q=x&limit=0", 400),
        ("/api/search?q=%22broken", 400),
        ("/api/search", 400),
        ("/no/such/route", 404),
    ],
)
def test_every_error_has_one_json_shape(client: TestClient, url: str, status: int) -> None:
    response = client.get(url)
    assert response.status_code == status
    body = response.json()
    assert set(body) == {"error"}
    assert body["error"]["status"] == status
    assert isinstance(body["error"]["message"], str) and body["error"]["message"]


def test_a_database_without_report_answers_404(tmp_path: Path) -> None:
    Store(tmp_path / "empty.db").close()
    response = TestClient(create_app(tmp_path / "empty.db")).get("/api/report")
    assert response.status_code == 404
    assert "newsweave ingest" in response.json()["error"]["message"]


def test_a_missing_database_is_refused_at_start(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match="no such database"):
        create_app(tmp_path / "missing.db")
