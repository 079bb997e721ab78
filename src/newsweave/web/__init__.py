"""A local, read-only web app over a newsweave database: pages, JSON API, CSV export.

Pages (HTML, no script):
    /                        stories: sort by size, latest date, outlets, disputes; filter by
                             date range, outlet, language; paginated; coverage plot
    /stories/{id}            brief, disagreements (who holds which value), claims (a
                             single-source one that other voices come close to is "not
                             matched elsewhere", with their close sentences, as in the HTML
                             report), outlet × claim matrix (paginated), quotes by speaker,
                             timeline, articles
    /articles/{id}           clean text, only evidence highlighted, removals, metadata + basis
    /claims/{id}, /conflicts/{id}, /quotes/{id}   stable permalinks
    /entities, /entities/{id}, /outlets, /outlets/{name}, /search?q=..., /problems

JSON API (`/api/openapi.json` documents it): /api/stories, /api/stories/{id}, /api/claims,
/api/conflicts, /api/quotes, /api/articles, /api/entities, /api/outlets (each list paginated
with `limit` and `offset` and answering `{"total", "limit", "offset", "items"}`, each item by
id), /api/search, /api/report (the stored JSON report), and CSV exports under
/api/export/{claims,conflicts,quotes,articles}.csv.

Every error is `{"error": {"status": <int>, "message": <str>}}` with that HTTP status (an HTML
page for a browser). Pages are read from the `r_*` tables an analysis writes
(`Store.put_report_tables`), never by parsing the whole report. The database is opened
read-only; the server listens on 127.0.0.1 unless told otherwise, refuses Host headers other
than loopback names (DNS rebinding), and sends nosniff, a strict Content-Security-Policy with
`frame-ancestors 'none'` and `Referrer-Policy: no-referrer` on every response.
"""

from __future__ import annotations

from newsweave.web.app import create_app, serve

__all__ = ["create_app", "serve"]
