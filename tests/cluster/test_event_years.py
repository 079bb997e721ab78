"""Year evidence per article pair: an undated report naming years far from a dated one's."""

from __future__ import annotations

import dataclasses
from collections import Counter
from datetime import date

from newsweave.cluster import StoryConfig, StoryIndex, cluster_stories
from newsweave.cluster.event_years import article_year, year_conflict
from newsweave.cluster.features import extract_features, newest_year
from newsweave.extract.dates import extract_dates
from tests.cluster.samples import make_article

JULY_2012 = date(2012, 7, 7).toordinal()


def _dated(article, published: str | None):  # type: ignore[no-untyped-def]
    """The article as the dates stage leaves it (its mentions valued from `published`)."""
    return dataclasses.replace(article, dates=tuple(extract_dates(article.text, published)))


def test_a_dated_report_gives_its_publication_year_an_undated_one_its_newest_named_year() -> None:
    assert article_year(JULY_2012, 2006) == (2012, True)
    assert article_year(None, 2006) == (2006, False)
    assert article_year(None, None) is None


def test_the_newest_year_is_the_latest_valued_date_the_text_names() -> None:
    text = "He won the belt in 2004 and defended it on Dec. 13, 2008 in Mannheim, next year too."
    article = _dated(make_article(text, title="Title fight"), None)
    assert newest_year(article) == 2008
    assert newest_year(_dated(make_article("No year here.", title="Nothing"), None)) is None


def test_conflict_is_the_share_of_undated_dated_pairs_years_apart() -> None:
    undated_2006 = Counter({(2006, False): 2})
    dated_2012 = Counter({(2012, True): 3})
    assert year_conflict(undated_2006, dated_2012, 2, 3, grace=1) == 1.0
    # A member without a year counts as agreeing; the last or next year is within the grace.
    assert year_conflict(undated_2006, dated_2012, 4, 3, grace=1) == 0.5
    assert year_conflict(Counter({(2011, False): 1}), dated_2012, 1, 3, grace=1) == 0.0


def test_two_dated_or_two_undated_reports_carry_no_year_evidence() -> None:
    assert year_conflict(Counter({(2006, True): 1}), Counter({(2012, True): 1}), 1, 1, grace=1) == 0
    assert (
        year_conflict(Counter({(2006, False): 1}), Counter({(2012, False): 1}), 1, 1, grace=1) == 0
    )


FIGHTS = (
    (
        "Klitschko retains heavyweight titles",
        "Wladimir Klitschko retained his heavyweight titles by stopping Hasim Rahman in the "
        "seventh round in Mannheim. Klitschko, champion since 2006, was never troubled.",
        None,
    ),
    (
        "Klitschko stops Rahman to keep belts",
        "Wladimir Klitschko kept his heavyweight belts, stopping Hasim Rahman in the seventh "
        "round in Mannheim. The champion has not lost since 2004.",
        None,
    ),
    (
        "Klitschko retains heavyweight titles again",
        "Wladimir Klitschko retained his heavyweight titles by stopping Tony Thompson in the "
        "sixth round in Bern. Thompson was bloodied from the first round.",
        "2012-07-08",
    ),
    (
        "Klitschko stops Thompson in six",
        "Wladimir Klitschko kept his heavyweight titles, stopping Tony Thompson in the sixth "
        "round in Bern. The American was cut early and never recovered.",
        "2012-07-08",
    ),
)


def _fights() -> list:  # type: ignore[type-arg]
    out = []
    for title, text, published in FIGHTS:
        article = make_article(text, title=title, published=published)
        out.append(_dated(article, published))
    return out


def test_an_undated_title_defence_naming_older_years_stays_apart_from_a_dated_one() -> None:
    articles = _fights()
    ids = [a.id for a in articles]

    def groups(weight: float) -> set[frozenset[int]]:
        config = StoryConfig(year_conflict_weight=weight, fallback_year_conflict_weight=weight)
        stories, _ = cluster_stories(articles, config=config)
        return {frozenset(ids.index(a) for a in s.article_ids) for s in stories}

    # Without it the shared words make one story of two title defences six years apart.
    assert groups(0.0) == {frozenset({0, 1, 2, 3})}
    assert groups(0.5) == {frozenset({0, 1}), frozenset({2, 3})}


def test_the_story_index_keeps_the_newest_year() -> None:
    articles = _fights()
    _, index = cluster_stories(articles)
    restored = StoryIndex.from_bytes(index.to_bytes())
    years = {f.id: f.newest_year for f, _ in restored.articles}
    assert years[articles[0].id] == 2006
    assert years == {f.id: f.newest_year for f, _ in extract_features(articles)}
