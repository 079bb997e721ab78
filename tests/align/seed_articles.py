"""Articles built from the seed corpus (examples/) for alignment tests.

Cleaning and describing are other stages; here a stand-in keeps the paragraphs that look like
prose (enough words, closing punctuation), which is what alignment sees after cleaning.
"""

from __future__ import annotations

import re
from pathlib import Path

from newsweave.ids import content_id
from newsweave.model import Article, Story

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"
PUBLISHED = "2020-12-15"


def prose_paragraphs(raw: str) -> str:
    """The paragraphs of `raw` that read as article prose."""
    keep = []
    for raw_line in raw.splitlines():
        line = " ".join(raw_line.split())
        if len(line.split()) >= 12 and re.search(r"[.!?\"”’]$", line):
            keep.append(line)
    return "\n\n".join(keep)


def seed_article(number: str) -> Article:
    path = next(EXAMPLES.glob(f"{number}_*.txt"))
    text = prose_paragraphs(path.read_text(encoding="utf-8"))
    return Article(
        id=content_id("a", text),
        source=path.name,
        url=None,
        outlet=None,
        domain=None,
        title=path.stem,
        published=PUBLISHED,
        published_basis="text",
        language="en",
        text=text,
    )


def seed_story(numbers: tuple[str, ...]) -> tuple[Story, dict[str, Article]]:
    articles = {a.id: a for a in (seed_article(n) for n in numbers)}
    ids = tuple(sorted(articles))
    story = Story(id=content_id("s", *ids), title="Putin congratulates Biden", article_ids=ids)
    return story, articles
