"""FastAPI application over a read-only store (see the package docstring for the routes)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from newsweave.errors import ConfigError, StoreError
from newsweave.store import Store

MAX_SEARCH_RESULTS = 200


class _ApiError(Exception):
    def __init__(self, status: int, message: str) -> None:
        super().__init__(message)
        self.status = status
        self.message = message


def _error_body(status: int, message: str) -> dict[str, Any]:
    return {"error": {"status": status, "message": message}}


def create_app(db: str | Path) -> Any:
    """The ASGI app serving database `db` (which must exist)."""
    try:
        from fastapi import FastAPI, Request
        from fastapi.exceptions import RequestValidationError
        from fastapi.responses import HTMLResponse, JSONResponse
        from starlette.exceptions import HTTPException
    except ImportError as error:
        raise ConfigError("the web app needs FastAPI: pip install 'newsweave[web]'") from error

    path = Path(db)
    Store(path, read_only=True).close()  # fail now, with a clear message, if it is unusable
    app = FastAPI(title="newsweave", docs_url=None, redoc_url=None, openapi_url="/api/openapi.json")

    def latest() -> dict[str, Any]:
        with Store(path, read_only=True) as store:
            text = store.get_report("latest")
        if text is None:
            raise _ApiError(404, "no report yet: run `newsweave ingest ... --db` first")
        report: dict[str, Any] = json.loads(text)
        return report

    @app.exception_handler(_ApiError)
    async def api_error(request: Request, error: _ApiError) -> JSONResponse:
        return JSONResponse(_error_body(error.status, error.message), status_code=error.status)

    @app.exception_handler(HTTPException)
    async def http_error(request: Request, error: HTTPException) -> JSONResponse:
        return JSONResponse(_error_body(error.status_code, str(error.detail)), error.status_code)

    @app.exception_handler(RequestValidationError)
    async def bad_request(request: Request, error: RequestValidationError) -> JSONResponse:
        first = error.errors()[0] if error.errors() else {}
        where = ".".join(str(p) for p in first.get("loc", ()))
        return JSONResponse(_error_body(400, f"{where}: {first.get('msg', 'bad request')}"), 400)

    @app.exception_handler(StoreError)
    async def store_error(request: Request, error: StoreError) -> JSONResponse:
        return JSONResponse(_error_body(400, str(error)), 400)

    @app.get("/", response_class=HTMLResponse)
    def index() -> HTMLResponse:
        from newsweave.report.decode import report_from_dict
        from newsweave.report.html import render_html

        html = render_html(report_from_dict(latest()))
        return HTMLResponse(
            html,
            headers={"Content-Security-Policy": "default-src 'none'; style-src 'unsafe-inline'"},
        )

    @app.get("/api/report")
    def report() -> dict[str, Any]:
        return latest()

    @app.get("/api/stories")
    def stories() -> list[dict[str, Any]]:
        return [
            {k: s.get(k) for k in ("id", "title", "start", "end", "storyline_id")}
            | {"articles": len(s["article_ids"])}
            for s in latest()["stories"]
        ]

    @app.get("/api/stories/{story_id}")
    def story(story_id: str) -> dict[str, Any]:
        data = latest()
        found = next((s for s in data["stories"] if s["id"] == story_id), None)
        if found is None:
            raise _ApiError(404, f"no story {story_id!r}")
        out = dict(found)
        for section in ("claims", "conflicts", "quotes", "timeline"):
            out[section] = [x for x in data[section] if x.get("story_id") == story_id]
        out["summary"] = next((x for x in data["summaries"] if x["story_id"] == story_id), None)
        return out

    @app.get("/api/articles")
    def articles() -> list[dict[str, Any]]:
        data = latest()
        story_of = {a: s["id"] for s in data["stories"] for a in s["article_ids"]}
        keys = ("id", "title", "outlet", "domain", "url", "published", "language", "copy_of")
        return [
            {k: a.get(k) for k in keys} | {"story_id": story_of.get(a["id"])}
            for a in data["articles"]
        ]

    @app.get("/api/articles/{article_id}")
    def article(article_id: str) -> dict[str, Any]:
        found = next((a for a in latest()["articles"] if a["id"] == article_id), None)
        if found is None:
            raise _ApiError(404, f"no article {article_id!r}")
        article_data: dict[str, Any] = found
        return article_data

    @app.get("/api/search")
    def search(q: str, limit: int = 50) -> dict[str, Any]:
        if not q.strip():
            raise _ApiError(400, "q: give a search query")
        if not 1 <= limit <= MAX_SEARCH_RESULTS:
            raise _ApiError(400, f"limit: must be between 1 and {MAX_SEARCH_RESULTS}")
        with Store(path, read_only=True) as store:
            ids = store.search(q, limit=limit)
        titles = {a["id"]: a["title"] for a in latest()["articles"]}
        return {"query": q, "results": [{"id": i, "title": titles.get(i)} for i in ids]}

    return app


def serve(db: str | Path, *, host: str = "127.0.0.1", port: int = 8765) -> None:
    """Serve database `db` until interrupted."""
    try:
        import uvicorn
    except ImportError as error:
        raise ConfigError("the web app needs uvicorn: pip install 'newsweave[web]'") from error
    uvicorn.run(create_app(db), host=host, port=port, log_level="warning")
