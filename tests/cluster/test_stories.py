"""Story clustering: same happening together, twins apart, order-free, copies follow originals."""

from __future__ import annotations

import random

import pytest

from newsweave.cluster import StoryConfig, StoryIndex, cluster_stories
from newsweave.cluster.profiles import Profile, founder_key
from newsweave.cluster.stories import gap_penalty
from newsweave.executors import LocalExecutor
from newsweave.ids import content_id
from newsweave.model import Article
from tests.cluster.samples import QUAKE_CALIFORNIA, QUAKE_CHILE, make_article


def _articles() -> list[Article]:
    return [make_article(text, title=title) for title, text in (*QUAKE_CHILE, *QUAKE_CALIFORNIA)]


def _groups(stories: tuple[object, ...]) -> set[frozenset[str]]:
    return {frozenset(s.article_ids) for s in stories}  # type: ignore[attr-defined]


@pytest.mark.slow
def test_two_different_earthquakes_are_two_stories() -> None:
    articles = _articles()
    stories, _ = cluster_stories(articles)
    chile = frozenset(a.id for a in articles[:3])
    california = frozenset(a.id for a in articles[3:])
    assert _groups(stories) == {chile, california}


@pytest.mark.slow
def test_shuffled_input_and_partition_size_give_identical_stories() -> None:
    articles = _articles()
    stories, index = cluster_stories(articles)
    shuffled = articles[:]
    random.Random(7).shuffle(shuffled)

    class TinyPartitions(LocalExecutor):
        def map_partitions(self, fn, items, *, size=2):  # type: ignore[no-untyped-def]
            return super().map_partitions(fn, items, size=size)

    again, index_again = cluster_stories(shuffled, executor=TinyPartitions())
    assert again == stories
    assert index_again.to_bytes() == index.to_bytes()


@pytest.mark.slow
def test_story_id_and_title_come_from_members() -> None:
    articles = _articles()
    stories, _ = cluster_stories(articles)
    for story in stories:
        members = [a for a in articles if a.id in story.article_ids]
        assert story.id == content_id("s", min(a.id for a in members))
        assert story.title in {a.title for a in members}


@pytest.mark.slow
def test_copy_joins_its_originals_story_without_being_clustered() -> None:
    articles = _articles()
    original = articles[3]
    # An unrelated text: only the `voices` link can put it in the California story.
    copy = make_article("Completely different words about gardening.", title="Garden tips")
    stories, index = cluster_stories([*articles, copy], voices={copy.id: original.id})
    story = next(s for s in stories if original.id in s.article_ids)
    assert copy.id in story.article_ids
    stored = next(s for s in index if s.id == story.id)
    assert copy.id in stored.copies
    assert copy.id not in stored.members


@pytest.mark.slow
def test_incremental_attach_matches_one_shot_and_keeps_ids() -> None:
    articles = _articles()
    one_shot, _ = cluster_stories(articles)
    first = [articles[0], articles[1], articles[3]]
    rest = [articles[2], articles[4]]
    stories_first, index = cluster_stories(first)
    restored = StoryIndex.from_bytes(index.to_bytes())
    stories, _ = cluster_stories(rest, index=restored)
    assert _groups(stories) == _groups(one_shot)
    assert {s.id for s in stories_first} <= {s.id for s in stories}


@pytest.mark.slow
def test_articles_already_in_the_index_are_not_clustered_again() -> None:
    articles = _articles()
    stories, index = cluster_stories(articles)
    again, index_again = cluster_stories(articles[:2], index=index)
    assert again == stories
    assert index_again.n_docs == index.n_docs


def test_story_index_round_trips_through_bytes() -> None:
    empty = StoryIndex(embed_mode="hashed-bow", dim=4)
    assert StoryIndex.from_bytes(empty.to_bytes()) == empty


def test_story_index_rejects_other_bytes() -> None:
    with pytest.raises(ValueError, match="not a story index"):
        StoryIndex.from_bytes(b"PK\x03\x04 definitely not an npz")


def _profile(day: int | None, events: tuple[int, ...] = ()) -> Profile:
    import numpy as np

    return Profile(
        founder="a",
        founder_key=founder_key("a", day),
        members=["a"],
        vector=np.zeros(2),
        first_day=day,
        last_day=day,
        event_days=events,
        dated_event_days=events if day is not None else (),
    )


def test_publication_gap_weighs_against_joining_only_beyond_a_few_days() -> None:
    config = StoryConfig(
        gap_grace_days=2, gap_full_days=14, gap_max_factor=1.0, published_gap_weight=0.5
    )
    at = config.threshold
    assert gap_penalty(_profile(100), _profile(101), config, at) == 0.0
    week = gap_penalty(_profile(100), _profile(107), config, at)
    month = gap_penalty(_profile(100), _profile(130), config, at)
    assert 0.0 < week < month == config.gap_penalty * config.published_gap_weight


def test_beyond_full_days_a_longer_gap_weighs_more_up_to_the_cap() -> None:
    config = StoryConfig(gap_grace_days=1, gap_full_days=4, gap_max_factor=2.0)
    at = config.threshold
    full = gap_penalty(_profile(100, (100,)), _profile(100, (104,)), config, at)
    month = gap_penalty(_profile(100, (100,)), _profile(100, (130,)), config, at)
    year = gap_penalty(_profile(100, (100,)), _profile(100, (465,)), config, at)
    assert full == config.gap_penalty < month <= year == 2 * config.gap_penalty


def test_an_undated_side_neither_joins_nor_stays_apart_because_of_it() -> None:
    config = StoryConfig()
    assert gap_penalty(_profile(100), _profile(None), config, config.threshold) == 0.0
    assert gap_penalty(_profile(100, (99,)), _profile(None), config, config.threshold) == 0.0


def test_a_gap_weighs_less_the_more_alike_the_content() -> None:
    config = StoryConfig()
    a, b = _profile(100), _profile(130)
    at_threshold = gap_penalty(a, b, config, config.threshold)
    alike = gap_penalty(a, b, config, 0.9)
    assert at_threshold > alike > gap_penalty(a, b, config, 1.0) == 0.0


def test_the_day_of_the_happening_counts_more_than_the_publication_day() -> None:
    config = StoryConfig()
    at = config.threshold
    # A follow-up published a month later that names the day of the happening: no gap.
    assert gap_penalty(_profile(100, (99,)), _profile(130, (99, 129)), config, at) == 0.0
    # Published the same day about happenings weeks apart: the full (unweighted) penalty,
    # more than the same gap between publication days alone.
    apart = gap_penalty(_profile(100, (70,)), _profile(100, (99,)), config, at)
    assert apart >= config.gap_penalty
    assert apart > gap_penalty(_profile(70), _profile(100), config, at)


def test_event_days_come_from_the_opening_and_not_after_publication() -> None:
    from newsweave.cluster.features import ArticleFeatures
    from newsweave.cluster.stories import event_days

    config = StoryConfig(event_lede_chars=500, event_window_days=30)
    features = ArticleFeatures(
        id="a",
        title="t",
        headline_like=True,
        terms=(),
        entities=(),
        day=1000,
        mention_days=((10, 999), (20, 1005), (30, 900), (40, 1000), (600, 998)),
    )
    assert event_days(features, config) == (999, 1000)
    undated = ArticleFeatures(
        id="b",
        title="t",
        headline_like=True,
        terms=(),
        entities=(),
        day=None,
        mention_days=((10, 500), (20, 400)),
    )
    assert event_days(undated, config) == (400, 500)


def test_config_rejects_bad_values() -> None:
    with pytest.raises(ValueError, match="threshold"):
        StoryConfig(threshold=0.0)
    with pytest.raises(ValueError, match="weights"):
        StoryConfig(weight_embed=0.0, weight_terms=0.0, weight_entities=0.0, weight_lede=0.0)


def test_no_articles_give_no_stories() -> None:
    stories, index = cluster_stories([])
    assert stories == ()
    assert len(index) == 0


@pytest.mark.slow
def test_copy_arriving_later_joins_the_stored_story_of_its_original() -> None:
    articles = _articles()
    stories, index = cluster_stories(articles)
    copy = make_article("Completely different words about gardening.", title="Garden tips")
    again, _ = cluster_stories([copy], voices={copy.id: articles[0].id}, index=index)
    story = next(s for s in again if articles[0].id in s.article_ids)
    assert copy.id in story.article_ids
    assert len(again) == len(stories)


def test_an_undated_report_naming_another_weekday_weighs_against_joining() -> None:
    import dataclasses
    from datetime import date

    config = StoryConfig()
    monday = date(2020, 12, 14).toordinal()
    dated = _profile(monday + 1, (monday,))
    saturday = dataclasses.replace(_profile(None), weekdays=(5,))
    also_monday = dataclasses.replace(_profile(None), weekdays=(0,))
    at = config.threshold
    assert gap_penalty(dated, saturday, config, at) > config.gap_penalty
    assert gap_penalty(saturday, dated, config, at) == gap_penalty(dated, saturday, config, at)
    assert gap_penalty(dated, also_monday, config, at) == 0.0
    assert gap_penalty(saturday, also_monday, config, at) == 0.0  # two undated: no evidence
    # An undated text's calendar day may be background (an obituary's birth date, a Sunday):
    # no week ties it to an undated report's "died on Thursday".
    born_sunday = _profile(None, (date(1923, 4, 22).toordinal(),))
    thursday = dataclasses.replace(_profile(None), weekdays=(3,))
    assert gap_penalty(born_sunday, thursday, config, at) == 0.0


def test_two_tight_groups_that_resemble_each_other_less_than_themselves_are_penalised() -> None:
    import dataclasses

    import numpy as np

    from newsweave.cluster.stories import contrast_penalty

    config = StoryConfig(contrast_weight=1.0, contrast_ratio=0.6, weight_embed=0.2)
    x, y = np.array([1.0, 0.0]), np.array([0.0, 1.0])

    def group(vector: np.ndarray) -> Profile:
        # Two identical members: cohesion = embed weight x 1.
        one = dataclasses.replace(_profile(None), vector=vector.copy(), vector_self=1.0)
        one.absorb(dataclasses.replace(_profile(None), vector=vector.copy(), vector_self=1.0))
        return one

    inner = config.weight_embed
    shortfall = contrast_penalty(group(x), group(y), config, 0.1)
    assert shortfall == pytest.approx(0.6 * inner - 0.1)
    assert contrast_penalty(group(x), group(y), config, 0.6 * inner) == 0.0
    # A single article has no cohesion of its own: only the group's counts.
    assert contrast_penalty(_profile(None), _profile(None), config, 0.0) == 0.0
    assert contrast_penalty(group(x), group(y), StoryConfig(contrast_weight=0.0), 0.1) == 0.0
