"""Articles for copy-detection tests."""

from __future__ import annotations

from pathlib import Path

from newsweave.model import Article

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"


def make_article(
    article_id: str,
    text: str,
    *,
    outlet: str | None = None,
    published: str | None = None,
    origin: str | None = None,
) -> Article:
    return Article(
        id=article_id,
        source=f"{article_id}.txt",
        url=None,
        outlet=outlet,
        domain=None,
        title="",
        published=published,
        published_basis="metadata" if published else "unknown",
        language="en",
        text=text,
        origin=origin,
    )


def seed_texts() -> dict[str, str]:
    """The four bundled real articles by their number ("000".."003")."""
    return {p.name[:3]: p.read_text(encoding="utf-8") for p in sorted(EXAMPLES.glob("*.txt"))}
