from __future__ import annotations

from newsweave.describe.infer import infer_published
from newsweave.model import Story
from tests.report.sample import article


def _story(*ids: str) -> Story:
    return Story(id="s", title="t", article_ids=ids)


def test_undated_article_takes_its_story_date_with_basis_inferred() -> None:
    arts = [
        article("a", "x", published="2020-12-15"),
        article("b", "y", published="2020-12-15T08:33:00"),
        article("c", "z", published=None, published_basis="unknown"),
    ]
    out = {a.id: a for a in infer_published(arts, [_story("a", "b", "c")], voices={})}
    assert out["c"].published == "2020-12-15"
    assert out["c"].published_basis == "inferred"
    assert out["a"] == arts[0]


def test_copies_of_one_article_are_one_voice_and_do_not_suffice() -> None:
    arts = [
        article("a", "x", published="2020-12-15"),
        article("b", "x", published="2020-12-15"),
        article("c", "z", published=None, published_basis="unknown"),
    ]
    out = infer_published(arts, [_story("a", "b", "c")], voices={"b": "a"})
    assert out[2].published is None


def test_a_story_spread_over_weeks_gives_no_guess() -> None:
    arts = [
        article("a", "x", published="2020-11-08"),
        article("b", "y", published="2020-12-15"),
        article("c", "z", published=None, published_basis="unknown"),
    ]
    assert infer_published(arts, [_story("a", "b", "c")], voices={})[2].published is None
