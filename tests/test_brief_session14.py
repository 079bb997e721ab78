"""Session 14 brief rule (issue 11): when the chosen opener does not state the happening - it
names no one, nowhere and no day, or its own words hold none of the past verbs the headlines tell
the happening with - the story's earliest headline that does opens the brief (GVC 678245 and
685537, fresh11)."""

from __future__ import annotations

import pytest

from newsweave.align.statement import default_parser
from newsweave.brief import _Facts, _headline_opening, _sentence_case
from newsweave.model import Claim, Story
from tests.report.sample import article, evidence

pytestmark = pytest.mark.skipif(default_parser() is None, reason="needs spaCy's parser")

FIRST = (
    "At approximately 11:44 a.m. Monday, Benton officers responded to the 1200 block of River "
    "Oaks for a report of a family disturbance."
)
IDENTIFIED = "A teen who was killed in an officer-involved shooting has been identified."
FOUND = (
    "A deputy from the Vista Patrol Station was on patrol on Smilax Road when he noticed a "
    "male lying face down in the southbound lane of traffic."
)


def _facts(names: int) -> _Facts:
    return _Facts(
        voices=1,
        lede=True,
        lede_voices=1,
        lede_voice_ids=frozenset({"b"}),
        first=True,
        dated_now=False,
        background=False,
        names=names,
    )


def _story(first_title: str, second_title: str, opener: str) -> tuple[Story, dict, Claim]:
    a = article("a", FIRST, title=first_title, published="2016-10-18")
    b = article("b", opener, title=second_title, published="2016-10-19")
    claim = Claim(
        id="c", story_id="s", text=opener, status="single-source", support=(evidence(b, opener),)
    )
    story = Story(id="s", title="s", article_ids=("a", "b"))
    return story, {"a": a, "b": b}, claim


def test_an_opener_naming_no_one_nowhere_and_no_day_yields_to_the_first_headline() -> None:
    story, arts, claim = _story(
        "Benton 17-year-old killed in officer involved shooting",
        "Teen killed in officer-involved shooting identified",
        IDENTIFIED,
    )
    line = _headline_opening(claim, _facts(0), story, arts)
    assert line is not None
    assert line.text == "Benton 17-year-old killed in officer involved shooting"
    assert line.article_ids == ("a",)


def test_an_opener_without_the_headlines_verb_yields_and_the_outlets_name_is_cut() -> None:
    story, arts, claim = _story(
        "Teenager found shot and killed in Vista - CBS News 8 - San Diego, CA News Station",
        "Teen found Dead on Road in Vista Identified",
        FOUND,
    )
    line = _headline_opening(claim, _facts(3), story, arts)
    assert line is not None
    assert line.text == "Teenager found shot and killed in Vista"


def test_an_opener_that_states_the_happening_keeps_its_place() -> None:
    opener = "Police said a Benton officer shot and killed a 17-year-old in a wooded area Monday."
    story, arts, claim = _story(
        "Benton 17-year-old killed in officer involved shooting",
        "Teen killed in officer-involved shooting identified",
        opener,
    )
    assert _headline_opening(claim, _facts(2), story, arts) is None


def test_a_title_cased_or_nameless_headline_does_not_open() -> None:
    assert not _sentence_case("Teen found Dead on Road in Vista Identified")
    story, arts, claim = _story(
        "Teen found Dead on Road in Vista Identified",
        "teenager found shot and killed on a road",
        FOUND,
    )
    assert _headline_opening(claim, _facts(3), story, arts) is None


def test_the_first_claim_span_is_split_claims_first_read_only_that_far() -> None:
    from newsweave.align.sentences import split_claims
    from newsweave.brief import _first_claim_span

    texts = (
        "Benton police\n\nBENTON, Ark. (KTHV) -- At approximately 11:44 a.m. Monday, officers "
        "responded to a call.\n\nThe suspect was pronounced deceased at the scene.",
        "Posted: May 24\nIs this a question?\nDr. Smith said the fire was out by 9. 35am on "
        "Monday in the town.",
        "no claim here",
    )
    for n, text in enumerate(texts):
        art = article(f"x{n}", text)
        found = split_claims(art)
        assert _first_claim_span(art) == (found[0].span if found else None)
