"""newsweave: what many news reports of the same events agree on, and where they differ.

The public Python API:

    report = newsweave.analyze("articles/")                    # read, clean, analyze
    config = newsweave.load_config("settings.toml")            # every stage's settings
    report = newsweave.analyze(["a.jsonl", "b/"], config=config)
    html = newsweave.render(report, "html")                    # or "json", "md"
    added, report = newsweave.ingest_into(["more/"], "news.db")  # incremental, into SQLite
    report = newsweave.report_from_store("news.db")
"""

from __future__ import annotations

__version__ = "0.1.0"

# First, before anything loads numpy (see the module).
from newsweave import blas_threads  # noqa: F401
from newsweave.api import analyze, ingest_into, render, report_from_store
from newsweave.config import Config, load_config
from newsweave.errors import NewsweaveError
from newsweave.model import Article, Report

__all__ = [
    "Article",
    "Config",
    "NewsweaveError",
    "Report",
    "__version__",
    "analyze",
    "ingest_into",
    "load_config",
    "render",
    "report_from_store",
]
