from __future__ import annotations

from newsweave.describe.infer import infer_published
from newsweave.extract.dates import extract_dates
from newsweave.model import Article, Story
from tests.report.sample import article


def _story(*ids: str) -> Story:
    return Story(id="s", title="t", article_ids=ids)


def _undated(ident: str, text: str) -> Article:
    """An article without a publication date, with the time expressions the dates stage gives."""
    return article(
        ident, text, published=None, published_basis="unknown", dates=extract_dates(text, None)
    )


_FROM_ITS_DAY = "The mayor resigned on Monday, a day after the vote."


def test_undated_article_takes_its_story_date_with_basis_inferred() -> None:
    arts = [
        article("a", "x", published="2020-12-15"),
        article("b", "y", published="2020-12-15T08:33:00"),
        _undated("c", _FROM_ITS_DAY),
    ]
    out = {a.id: a for a in infer_published(arts, [_story("a", "b", "c")], voices={})}
    assert out["c"].published == "2020-12-15"
    assert out["c"].published_basis == "inferred"
    assert out["a"] == arts[0]


def test_copies_of_one_article_are_one_voice_and_do_not_suffice() -> None:
    arts = [
        article("a", "x", published="2020-12-15"),
        article("b", "x", published="2020-12-15"),
        _undated("c", _FROM_ITS_DAY),
    ]
    out = infer_published(arts, [_story("a", "b", "c")], voices={"b": "a"})
    assert out[2].published is None


def test_a_story_spread_over_weeks_gives_no_guess() -> None:
    arts = [
        article("a", "x", published="2020-11-08"),
        article("b", "y", published="2020-12-15"),
        _undated("c", _FROM_ITS_DAY),
    ]
    assert infer_published(arts, [_story("a", "b", "c")], voices={})[2].published is None


def test_a_page_that_only_states_dates_gives_no_evidence_of_its_own_day() -> None:
    # A question-and-answer page (wiki.answers.com in ECB+ topic 26) states the day of the
    # death; nothing in it says when it was written, so its story's day is no evidence.
    arts = [
        article("a", "x", published="2005-12-20"),
        article("b", "y", published="2005-12-20"),
        _undated("c", "Vincent Gigante died while in prison custody on December 19, 2005."),
        _undated("d", "No date at all is written here."),
    ]
    out = infer_published(arts, [_story("a", "b", "c", "d")], voices={})
    assert [a.published for a in out[2:]] == [None, None]
    assert [a.published_basis for a in out[2:]] == ["unknown", "unknown"]


def test_a_narrative_offset_with_no_date_before_it_is_no_evidence() -> None:
    # "the next day" counts from a date of the text, never from the publication day.
    arts = [
        article("a", "x", published="2005-12-20"),
        article("b", "y", published="2005-12-20"),
        _undated("c", "He was captured the next day in a suburban county."),
    ]
    assert _undated("c", "He was captured the next day.").dates[0].value is None
    assert infer_published(arts, [_story("a", "b", "c")], voices={})[2].published is None


def test_a_page_that_states_a_later_date_was_not_written_in_the_window() -> None:
    arts = [
        article("a", "x", published="2005-12-20"),
        article("b", "y", published="2005-12-20"),
        _undated("c", "He died on Monday. His estate was settled in March 2007."),
    ]
    assert infer_published(arts, [_story("a", "b", "c")], voices={})[2].published is None


def test_a_page_that_speaks_from_its_day_and_states_earlier_dates_is_inferred() -> None:
    arts = [
        article("a", "x", published="2005-12-20"),
        article("b", "y", published="2005-12-21"),
        _undated("c", "He died on Monday, December 19, 2005, officials said yesterday."),
    ]
    out = infer_published(arts, [_story("a", "b", "c")], voices={})
    assert (out[2].published, out[2].published_basis) == ("2005-12-20", "inferred")
