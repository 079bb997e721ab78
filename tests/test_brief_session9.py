"""Session 9 brief rules and the brief as a per-story product.

Rules read on the fresh7 and fresh8 splits (ECB+ 27_ecb, 19_ecb, 3_ecb): a clause pronoun that
points ahead to a name is no lean, a past "be" with an adjective is a state and not the
happening, what someone suggested is news, a title cut from the first sentence is no headline.
The product: `write_briefs` through a caching executor writes each unchanged story's brief once.
"""

from __future__ import annotations

import dataclasses

import pytest

from newsweave.brief import (
    _leans_on_unseen,
    _not_yet_or_announced,
    _tells_past_event,
    write_briefs,
)
from newsweave.executors.local import LocalExecutor
from newsweave.model import Article, Claim, Story
from newsweave.nlp import spacy_model_available
from newsweave.products import CachingExecutor
from tests.report.sample import article, evidence


def test_a_clause_pronoun_that_points_ahead_to_a_name_is_no_lean() -> None:
    assert not _leans_on_unseen(
        "As it promised [Tuesday], Microsoft Corp. today issued an emergency patch to plug a "
        "critical hole in Internet Explorer."
    )
    assert not _leans_on_unseen("When she arrived, Smith found the door open.")
    # ... but it leans when the main clause names no one, or the pronoun is plural or "this".
    assert _leans_on_unseen("When it got there, the man had been flown to a hospital.")
    assert _leans_on_unseen("When it got there the man had been flown to a hospital.")
    assert _leans_on_unseen("When they arrived, Smith found the door open.")
    assert _leans_on_unseen("After this happened, police closed the road.")
    assert _leans_on_unseen("He said the patch was ready.")
    assert not _leans_on_unseen("Microsoft issued an emergency patch on Wednesday.")


def test_what_someone_suggested_is_news_though_it_says_should() -> None:
    assert _not_yet_or_announced(
        "Superior Court Judge James Bodiford on Saturday suggested that Nichols should serve "
        "his time in the federal maximum security prison."
    )
    assert not _not_yet_or_announced("Nichols should serve his time in a federal prison.")


@pytest.mark.skipif(not spacy_model_available(), reason="needs spaCy's parser")
def test_a_past_be_with_an_adjective_is_a_state_not_the_happening() -> None:
    assert not _tells_past_event(
        "Athens was calm Sunday after eight days of the worst riots Greece has seen in decades, "
        "sparked by the police killing of a teenager."
    )
    assert _tells_past_event("A police station in Athens was firebombed on Saturday night.")
    assert _tells_past_event("Youths attacked a police station with petrol bombs in Athens.")


def _story(ident: str, lede: str, detail: str) -> tuple[Story, list[Claim], list[Article]]:
    first = article(f"{ident}1", f"{lede}\n\n{detail}")
    second = article(f"{ident}2", f"{lede}\n\nOther words follow here in this second report.")
    claims = [
        Claim(
            id=f"{ident}-lede",
            story_id=ident,
            text=lede,
            status="corroborated",
            support=(evidence(first, lede), evidence(second, lede)),
        ),
        Claim(
            id=f"{ident}-detail",
            story_id=ident,
            text=detail,
            status="single-source",
            support=(evidence(first, detail),),
        ),
    ]
    story = Story(id=ident, title=f"Story {ident}", article_ids=(first.id, second.id))
    return story, claims, [first, second]


def test_briefs_through_the_cache_are_the_same_and_unchanged_stories_are_not_written_again() -> (
    None
):
    quake, quake_claims, quake_articles = _story(
        "q",
        "A strong earthquake struck northern Chile on Tuesday, destroying hundreds of homes.",
        "Rescue teams from Santiago reached the coastal town of Arica by Wednesday morning.",
    )
    fire, fire_claims, fire_articles = _story(
        "f",
        "A fire destroyed the historic dairy warehouse in Palmer on Tuesday morning.",
        "Firefighters from Wasilla poured water on the warehouse for six hours on Tuesday.",
    )
    stories = [quake, fire]
    articles = {a.id: a for a in quake_articles + fire_articles}
    claims = quake_claims + fire_claims
    plain = write_briefs(stories, claims, [], articles, voices={})

    engine = CachingExecutor(LocalExecutor(workers=1))
    assert write_briefs(stories, claims, [], articles, voices={}, executor=engine) == plain
    assert (engine.cache.hits, engine.cache.misses) == (0, 2)
    assert write_briefs(stories, claims, [], articles, voices={}, executor=engine) == plain
    assert (engine.cache.hits, engine.cache.misses) == (2, 2)

    # One story's article changes (a new voice for it): only that story's brief is written.
    moved = dataclasses.replace(articles["f2"], outlet="Another Outlet")
    changed = write_briefs(
        stories, claims, [], {**articles, "f2": moved}, voices={}, executor=engine
    )
    assert (engine.cache.hits, engine.cache.misses) == (3, 3)
    assert changed[0] == plain[0]
    assert [s.text for s in changed[1].sentences] == [s.text for s in plain[1].sentences]
