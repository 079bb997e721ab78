"""The JSON API, the host check, the headers and the error shape (no browser)."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest

pytest.importorskip("fastapi")
from fastapi.testclient import TestClient

from newsweave.errors import StoreError
from newsweave.store import Store
from newsweave.web import create_app
from newsweave.web.app import host_name

AWKWARD = [
    "hit-and-run",
    "U.S.",
    "9.1",
    "AND",
    "a AND",
    "NEAR(",
    "NEAR(a b, 2)",
    "*",
    '"',
    '"Putin',
    "col:ready",
    "^ready",
    "Zürich 東京 القاهرة \u202e",
    "x" * 5000,
    "a OR " * 1000,
    "%00",
]


@pytest.fixture
def client(db: Path) -> TestClient:
    return TestClient(create_app(db, allowed_hosts={"testserver"}))


def test_stories_are_paginated_sorted_and_filtered(client: TestClient) -> None:
    page = client.get("/api/stories", params={"sort": "outlets", "limit": 1}).json()
    assert (page["total"], page["limit"], page["offset"]) == (1, 1, 0)
    story = page["items"][0]
    assert (story["n_articles"], story["n_outlets"], story["n_unknown"]) == (5, 3, 2)
    assert client.get("/api/stories", params={"outlet": "Sputnik"}).json()["total"] == 1
    assert client.get("/api/stories", params={"from": "2030-01-01"}).json()["total"] == 0
    assert client.get("/api/stories", params={"sort": "nonsense"}).status_code == 400


def test_story_claim_conflict_quote_and_article_by_id(client: TestClient) -> None:
    story = client.get("/api/stories/s-1").json()
    assert story["summary"][0]["text"] == "Putin congratulated Biden."
    claim = client.get("/api/claims/c-1").json()
    assert {e["source"] for e in claim["support"]} == {"A-1", "Sputnik"}
    conflict = client.get("/api/conflicts/k-1").json()
    assert sorted(v["value"] for v in conflict["values"]) == ["302", "306"]
    assert client.get("/api/quotes/q-1").json()["speaker_name"] == "Vladimir Putin"
    article = client.get("/api/articles/u-1").json()
    assert article["label"] == "unknown source" and article["outlet_key"] is None
    assert article["text"].startswith("Officials")


def test_lists_page_with_limit_and_offset(client: TestClient) -> None:
    first = client.get("/api/articles", params={"limit": 2}).json()
    second = client.get("/api/articles", params={"limit": 2, "offset": 2}).json()
    assert first["total"] == second["total"] == 5
    assert not {a["id"] for a in first["items"]} & {a["id"] for a in second["items"]}
    assert client.get("/api/claims", params={"status": "disputed"}).json()["total"] == 0
    assert client.get("/api/claims", params={"story_id": "s-1"}).json()["total"] == 2


@pytest.mark.parametrize("query", AWKWARD)
def test_awkward_search_queries_answer_200(client: TestClient, query: str) -> None:
    for url in ("/api/search", "/search"):
        response = client.get(url, params={"q": query})
        assert response.status_code == 200, (url, query, response.text[:300])


def test_search_takes_words_as_typed(client: TestClient) -> None:
    found = client.get("/api/search", params={"q": "Electoral-College votes"}).json()
    assert [r["id"] for r in found["items"]] == ["a-2"]
    assert found["items"][0]["story_title"] == "Putin congratulates Biden"
    ready = client.get("/api/search", params={"q": "ready", "outlet": "Sputnik"}).json()
    assert [r["id"] for r in ready["items"]] == ["a-2"]
    assert client.get("/api/search", params={"q": "ready", "language": "fr"}).json()["total"] == 0
    many = client.get("/api/search", params={"q": " ".join(f"w{i}" for i in range(50))}).json()
    assert many["ignored_terms"] > 0 and many["total"] == 0


def test_openapi_document_lists_the_api(client: TestClient) -> None:
    document = client.get("/api/openapi.json").json()
    assert {"/api/stories", "/api/search", "/api/claims/{claim_id}"} <= set(document["paths"])


@pytest.mark.parametrize(
    ("kind", "first_column"),
    [("claims", "id"), ("conflicts", "id"), ("quotes", "id"), ("articles", "id")],
)
def test_csv_exports(client: TestClient, kind: str, first_column: str) -> None:
    response = client.get(f"/api/export/{kind}.csv")
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/csv")
    rows = list(csv.DictReader(io.StringIO(response.text)))
    assert rows and first_column in rows[0]
    if kind == "conflicts":
        assert {r["value"]: r["sources"] for r in rows} == {"302": "Sputnik", "306": "A-1"}


@pytest.mark.parametrize(
    ("url", "status"),
    [
        ("/api/stories/nope", 404),
        ("/api/articles/nope", 404),
        ("/api/claims/nope", 404),
        ("/api/search", 400),
        ("/api/search?q=x&limit=0", 400),
        ("/api/stories?limit=100000", 400),
        ("/api/stories?from=yesterday", 400),
        ("/no/such/route", 404),
        ("/stories/nope", 404),
    ],
)
def test_every_error_has_one_json_shape(client: TestClient, url: str, status: int) -> None:
    response = client.get(url)
    assert response.status_code == status
    body = response.json()
    assert set(body) == {"error"}
    assert body["error"]["status"] == status
    assert isinstance(body["error"]["message"], str) and body["error"]["message"]


def test_a_browser_gets_an_html_error_page(client: TestClient) -> None:
    response = client.get("/stories/nope", headers={"accept": "text/html"})
    assert response.status_code == 404
    assert "<h1>404</h1>" in response.text


@pytest.mark.parametrize(
    "url", ["/", "/stories/s-1", "/api/stories", "/static/app.css", "/nope", "/api/openapi.json"]
)
def test_security_headers_on_every_route(client: TestClient, url: str) -> None:
    headers = client.get(url).headers
    assert headers["x-content-type-options"] == "nosniff"
    assert "frame-ancestors 'none'" in headers["content-security-policy"]
    assert "script-src" not in headers["content-security-policy"]  # default-src 'none' covers it
    assert headers["referrer-policy"] == "no-referrer"


@pytest.mark.parametrize("host", ["evil.example", "127.0.0.1.evil.example", "", "localhost.:80x"])
def test_unknown_host_names_are_refused(db: Path, host: str) -> None:
    client = TestClient(create_app(db), base_url="http://localhost")
    assert client.get("/api/stories").status_code == 200
    response = client.get("/api/stories", headers={"host": host})
    assert response.status_code == 400
    assert response.json()["error"]["status"] == 400
    assert response.headers["x-content-type-options"] == "nosniff"


@pytest.mark.parametrize("host", ["localhost:8765", "127.0.0.1:1", "[::1]:8765", "LOCALHOST"])
def test_loopback_host_names_are_allowed_by_default(db: Path, host: str) -> None:
    client = TestClient(create_app(db))
    assert client.get("/api/stories", headers={"host": host}).status_code == 200


def test_host_name_parsing() -> None:
    assert host_name("[::1]:8765") == "::1"
    assert host_name("Example.ORG.:80") == "example.org"
    assert host_name("localhost") == "localhost"


def test_the_app_never_writes(db: Path, client: TestClient) -> None:
    before = db.read_bytes()
    for url in ("/", "/stories/s-1", "/api/search?q=ready", "/api/export/claims.csv"):
        client.get(url)
    assert client.post("/api/stories").status_code == 405
    assert db.read_bytes() == before


def test_a_database_without_analysis_answers_404(tmp_path: Path) -> None:
    Store(tmp_path / "empty.db").close()
    client = TestClient(create_app(tmp_path / "empty.db", allowed_hosts={"testserver"}))
    for url in ("/api/stories", "/api/report", "/"):
        response = client.get(url)
        assert response.status_code == 404
        assert "newsweave" in response.json()["error"]["message"]


def test_a_missing_database_is_refused_at_start(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match="no such database"):
        create_app(tmp_path / "missing.db")
    assert not (tmp_path / "missing.db").exists()
