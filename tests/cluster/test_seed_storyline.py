"""The seed corpus: three 15 December reports are one story; the 8 November piece another
story of the same storyline (general rules: time gap + shared central names, no seed hacks)."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsweave.cluster import cluster_stories, link_storylines
from newsweave.extract.dates import extract_dates
from newsweave.model import Article, RawDoc

PUBLISHED = {"000": None, "001": "2020-12-15", "002": "2020-12-15", "003": "2020-11-08"}


def _seed_articles(examples: Path) -> list[Article]:
    clean = pytest.importorskip("newsweave.clean")
    articles = []
    for path in sorted(examples.glob("*.txt")):
        key = path.name[:3]
        cleaned = clean.clean_document(RawDoc(source=path.name, text=path.read_text("utf-8")))
        title = cleaned.title or next(x.strip() for x in cleaned.text.splitlines() if x.strip())
        articles.append(
            Article(
                id=f"seed-{key}",
                source=path.name,
                url=None,
                outlet=None,
                domain=None,
                title=title,
                published=PUBLISHED[key],
                published_basis="metadata" if PUBLISHED[key] else "unknown",
                language="en",
                text=cleaned.text,
                # The dates stage runs before the stories stage in the product.
                dates=extract_dates(cleaned.text, PUBLISHED[key]),
            )
        )
    return articles


@pytest.mark.slow
def test_seed_reports_form_one_story_and_the_earlier_piece_joins_its_storyline(
    examples_dir: Path,
) -> None:
    articles = _seed_articles(examples_dir)
    stories, index = cluster_stories(articles)
    groups = {frozenset(s.article_ids) for s in stories}
    assert groups == {frozenset({"seed-000", "seed-001", "seed-002"}), frozenset({"seed-003"})}

    linked, storylines = link_storylines(stories, articles, index=index)
    assert len(storylines) == 1
    assert set(storylines[0].story_ids) == {s.id for s in stories}
    assert {s.storyline_id for s in linked} == {storylines[0].id}
    december = next(s for s in linked if "seed-001" in s.article_ids)
    assert (december.start, december.end) == ("2020-12-15", "2020-12-15")
    assert "Putin" in december.title and "Biden" in december.title
    # The reason is in the report: the November story leads to December's, 37 days on.
    (link,) = storylines[0].links
    november = next(s for s in linked if "seed-003" in s.article_ids)
    assert link.story_ids == (november.id, december.id)
    assert link.gap_days == 37
    assert {"vladimir putin", "joe biden"} <= set(link.shared)

    # Without the index the stories' articles are read again: the same storylines come out.
    _, again = link_storylines(stories, articles)
    assert again == storylines
