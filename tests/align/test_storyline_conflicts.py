"""Disagreements between the stories of one storyline (`align.storyline_conflicts`)."""

from __future__ import annotations

from typing import Any

import pytest

from newsweave.align.conflict_base import ConflictConfig
from newsweave.align.storyline_conflicts import storyline_conflicts
from newsweave.model import Article, Claim, Conflict, Evidence, Story, Storyline

# ECB+ 9_ecbplus (session 24, fresh14 t605): the March story (the memorandum) and the April one
# (the scientists' letters), one storyline, date one rule's start two ways.
SPAN = (
    "The rule, finalized in December, made optional the mandatory, independent consultations "
    "federal scientists have performed for 35 years on projects."
)
START = (
    "The end of the long-standing requirement _ dating back to 1986 _ of interagency "
    "consultation with the Interior and Commerce agencies on endangered species protection "
    "produced a firestorm in both Congress and within the environmental and conservation "
    "communities."
)
OTHER = "The Interior Department said the review would take several months to complete."


def _article(article_id: str, text: str, day: str | None) -> Article:
    return Article(
        id=article_id,
        source=article_id,
        url=None,
        outlet=None,
        domain=None,
        title="",
        published=day,
        published_basis="metadata",
        language="en",
        text=text,
    )


def _claim(story: str, article: Article) -> Claim:
    evidence = Evidence(article_id=article.id, text=article.text, span=(0, len(article.text)))
    return Claim(
        id=f"c-{article.id}",
        story_id=story,
        text=article.text,
        status="single-source",
        support=(evidence,),
    )


ARTICLES = {
    "a": _article("a", SPAN, "2009-04-28"),
    "b": _article("b", START, "2009-03-04"),
    "c": _article("c", OTHER, "2009-03-04"),
}
CLAIMS = [_claim("april", ARTICLES["a"]), _claim("march", ARTICLES["b"])]


def test_one_matter_told_in_two_stories_is_compared() -> None:
    line = Storyline(id="l", title="", story_ids=("march", "april"))
    (conflict,) = storyline_conflicts([line], CLAIMS, ARTICLES, {}, config=ConflictConfig())
    assert conflict.kind == "conflict" and conflict.basis == "date"
    assert [v.value for v in conflict.values] == ["35 years (since about 1974)", "since 1986"]
    # It belongs to one of its stories (ties: the one citing the first sentence by article id
    # and span), never to the storyline.
    assert conflict.story_id == "april"


def test_a_tie_goes_to_the_same_story_whatever_the_stories_ids() -> None:
    # An ingest keeps a stored story's id where one run names it by its founder: the same two
    # stories, the April one now with the larger id (before: the smaller id won the tie).
    claims = [_claim("zeta", ARTICLES["a"]), _claim("alpha", ARTICLES["b"])]
    line = Storyline(id="l", title="", story_ids=("alpha", "zeta"))
    (conflict,) = storyline_conflicts([line], claims, ARTICLES, {}, config=ConflictConfig())
    assert conflict.story_id == "zeta"


def test_stories_of_no_common_storyline_are_not() -> None:
    lines = [
        Storyline(id="l1", title="", story_ids=("march",)),
        Storyline(id="l2", title="", story_ids=("april",)),
    ]
    assert storyline_conflicts(lines, CLAIMS, ARTICLES, {}, config=ConflictConfig()) == ()


def test_one_voice_across_the_stories_is_no_dispute() -> None:
    line = Storyline(id="l", title="", story_ids=("march", "april"))
    voices = {"a": "outlet", "b": "outlet"}
    found = storyline_conflicts([line], CLAIMS, ARTICLES, voices, config=ConflictConfig())
    assert all(c.kind != "conflict" for c in found)


def test_what_one_story_holds_both_sides_of_is_left_to_it() -> None:
    # Both positions in one story: that story's own comparison already reports it.
    claims = [_claim("march", ARTICLES["a"]), _claim("march", ARTICLES["b"])]
    claims.append(_claim("april", ARTICLES["c"]))
    line = Storyline(id="l", title="", story_ids=("march", "april"))
    assert storyline_conflicts([line], claims, ARTICLES, {}, config=ConflictConfig()) == ()


def test_what_time_changes_is_not_compared_across_stories() -> None:
    # ECB+ 16_ecbplus (names changed): the suspect's age when sought and, two years on, when
    # convicted; the same two sentences in one story are the age rule's business.
    sought = _article(
        "s", "Deputies identified the suspect as Jose Luis Orosco, 27, a parolee.", None
    )
    convicted = _article(
        "t", "The jury found Jose Luis Orosco, 29, guilty of first degree murder.", None
    )
    articles = {"s": sought, "t": convicted}
    claims = [_claim("shooting", sought), _claim("trial", convicted)]
    line = Storyline(id="l", title="", story_ids=("shooting", "trial"))
    assert storyline_conflicts([line], claims, articles, {}, config=ConflictConfig()) == ()


def _claims_stage_conflicts(config: ConflictConfig) -> tuple[Conflict, ...]:
    return _claims_stage(config).conflicts


def _claims_stage(config: ConflictConfig) -> Any:
    from newsweave.align.claims import ClaimConfig
    from newsweave.align.stage import ClaimsStage
    from newsweave.executors import LocalExecutor
    from newsweave.pipeline import Corpus

    march, april = ARTICLES["b"], ARTICLES["a"]
    corpus = Corpus(
        articles=(march, april),
        stories=(
            Story(id="march", title="", article_ids=("b",), storyline_id="l"),
            Story(id="april", title="", article_ids=("a",), storyline_id="l"),
        ),
        storylines=(Storyline(id="l", title="", story_ids=("march", "april")),),
        voices={"a": "a", "b": "b"},
    )
    engine = LocalExecutor(workers=1)
    try:
        stage = ClaimsStage(config=ClaimConfig(conflicts=config))
        return stage.run(corpus, engine)
    finally:
        engine.close()


def test_the_claims_stage_reports_them_and_a_setting_turns_them_off() -> None:
    (conflict,) = _claims_stage_conflicts(ConflictConfig())
    assert conflict.basis == "date" and conflict.story_id == "april"
    assert _claims_stage_conflicts(ConflictConfig(storyline_conflicts=False)) == ()


def test_a_storyline_that_trips_the_rules_costs_only_its_own_conflicts(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    import newsweave.align.storyline_conflicts as module

    def broken(lines: list[Storyline], *args: object, **kwargs: object) -> tuple[Conflict, ...]:
        if lines:
            raise ValueError("a rule failed")
        return ()

    monkeypatch.setattr(module, "storyline_conflicts", broken)
    out = _claims_stage(ConflictConfig())
    assert out.claims and out.conflicts == ()
    assert any("storyline l" in str(problem) for problem in out.problems)
