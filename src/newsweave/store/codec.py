"""Records to JSON text and back, for the store (the report uses `report.json`)."""

from __future__ import annotations

import json

from newsweave.model import Article
from newsweave.report.decode import from_plain
from newsweave.report.json import to_plain


def article_to_json(article: Article) -> str:
    return json.dumps(to_plain(article), ensure_ascii=False, sort_keys=True)


def article_from_json(text: str) -> Article:
    return from_plain(Article, json.loads(text))
