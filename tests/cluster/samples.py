"""Small hand-written articles for clustering tests."""

from __future__ import annotations

from newsweave.ids import content_id
from newsweave.model import Article


def make_article(text: str, *, title: str, published: str | None = None) -> Article:
    """An Article whose id is the hash of its text, as the ingest stage would make it."""
    return Article(
        id=content_id("a", title, text),
        source=f"{title[:20]}.txt",
        url=None,
        outlet=None,
        domain=None,
        title=title,
        published=published,
        published_basis="metadata" if published else "unknown",
        language="en",
        text=text,
    )


QUAKE_CHILE = [
    (
        "Magnitude 7.8 earthquake strikes northern Chile",
        "A magnitude 7.8 earthquake struck off northern Chile near Iquique on Tuesday, the US "
        "Geological Survey said. Chilean authorities ordered the evacuation of the Iquique coast. "
        "Five people were killed in Iquique and Arica.",
    ),
    (
        "Chile quake of 7.8 kills five near Iquique",
        "Five people died when a 7.8 magnitude quake hit the coast of northern Chile near Iquique. "
        "The Chilean government evacuated coastal Iquique and Arica after a tsunami warning.",
    ),
    (
        "Iquique evacuated after strong earthquake in Chile",
        "Residents of Iquique fled to higher ground after the magnitude 7.8 earthquake off "
        "northern Chile. Officials in Arica counted five dead.",
    ),
]
QUAKE_CALIFORNIA = [
    (
        "Magnitude 6.0 earthquake hits Napa in California",
        "A magnitude 6.0 earthquake struck Napa, California early Sunday, injuring 120 people and "
        "damaging wineries across the Napa Valley, the US Geological Survey said.",
    ),
    (
        "Napa Valley wineries damaged by 6.0 quake",
        "The 6.0 earthquake that shook Napa on Sunday injured 120 people. Wineries in the Napa "
        "Valley of California reported broken barrels and damaged buildings.",
    ),
]


def product_articles(records: list[dict[str, object]]) -> list[Article]:
    """Articles as the stories stage receives them: the product's own clean, describe and dates
    functions over raw records (no copy detection, no corpus line statistics)."""
    import dataclasses

    from newsweave.clean import clean_document
    from newsweave.describe import describe_article
    from newsweave.extract.dates import extract_dates
    from newsweave.model import RawDoc

    out: list[Article] = []
    for number, record in enumerate(records, start=1):
        raw = RawDoc(
            source=f"records.jsonl#{number}",
            text=str(record["text"]),
            url=str(record["url"]) if record.get("url") else None,
            published=str(record["published"]) if record.get("published") else None,
        )
        article = describe_article(raw, clean_document(raw))
        out.append(
            dataclasses.replace(article, dates=extract_dates(article.text, article.published))
        )
    return out
