"""The web app over a store made by the shipped path (`ingest_into` on the bundled seeds)."""

from __future__ import annotations

from pathlib import Path

import pytest

pytest.importorskip("fastapi")
from fastapi.testclient import TestClient

import newsweave
from newsweave.store import Store
from newsweave.store.read import ReportQueries
from newsweave.web import create_app

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"


@pytest.mark.slow
def test_every_page_of_an_ingested_store_answers(tmp_path: Path) -> None:
    db = tmp_path / "seeds.db"
    _, report = newsweave.ingest_into([str(EXAMPLES)], db)
    client = TestClient(create_app(db, allowed_hosts={"testserver"}))
    with Store(db, read_only=True) as store:
        queries = ReportQueries(store.connection)
        assert queries.totals()["articles"] == len(report.articles)
        ids = {
            "stories": [s.id for s in report.stories],
            "articles": [a.id for a in report.articles],
            "claims": [c.id for c in report.claims][:50],
            "conflicts": [c.id for c in report.conflicts],
            "quotes": [q.id for q in report.quotes][:50],
            "entities": [e.id for e in report.entities][:20],
        }
        outlets = queries.outlet_names()
    urls = ["/", "/?sort=latest", "/?sort=disputes", "/outlets", "/entities", "/problems"]
    urls += [f"/{kind}/{ident}" for kind, items in ids.items() for ident in items]
    urls += [f"/outlets/{name}" for name in outlets]
    urls += [f"/api/{kind}/{items[0]}" for kind, items in ids.items() if items]
    urls += ["/search?q=the", "/api/export/claims.csv", "/api/openapi.json"]
    for url in urls:
        response = client.get(url)
        assert response.status_code == 200, (url, response.text[:300])
