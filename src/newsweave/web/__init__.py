"""A local web app over a newsweave database: the HTML report and a read-only JSON API.

    GET /                       the HTML report of the latest analysis
    GET /api/report             the latest report (the JSON export contract)
    GET /api/stories            stories: id, title, article count, start, end
    GET /api/stories/{id}       one story with its claims, conflicts, quotes, timeline, summary
    GET /api/articles           articles without text (id, title, outlet, url, published, story)
    GET /api/articles/{id}      one article, with text and the cleaning audit
    GET /api/search?q=...       articles matching a full-text query (SQLite FTS5)

Every error is `{"error": {"status": <int>, "message": <str>}}` with that HTTP status. The database
is opened read-only; the server listens on 127.0.0.1 unless told otherwise.
"""

from __future__ import annotations

from newsweave.web.app import create_app, serve

__all__ = ["create_app", "serve"]
