"""Corroboration counts independent sources: a retold text and a credited outlet count once, and
each claim says how many sources it rests on (issue 11, session 11; audit 10's AP / San Diego
Union-Tribune text retold by other sites)."""

from __future__ import annotations

import dataclasses

import pytest

from newsweave.align.claims import ClaimConfig, _ordered_alike, align_claims
from newsweave.dedupe.credits import credit_key, sentence_credits
from newsweave.model import Article, Story
from newsweave.report.decode import report_from_dict
from newsweave.report.json import report_to_dict
from tests.align.test_claims import article, figures_extractor  # noqa: F401

ARREST = "Chargers defensive tackle Jamal Williams was arrested on suspicion of drunken driving."
BOOKED = "Williams was booked into county jail early Sunday and later released on bail."


def _with_outlet(item: Article, outlet: str) -> Article:
    return dataclasses.replace(item, outlet=outlet)


@pytest.mark.parametrize(
    ("sentence", "credited"),
    [
        ("CHP Officer Brian Pennings told The San Diego Union-Tribune.", {"union-tribune"}),
        ("According to the Union-Tribune, he was speeding.", {"union-tribune"}),
        ("He was fired, the Associated Press reported.", {"associated press"}),
        ("SAN DIEGO (AP) — Williams was arrested.", {"associated press"}),
        ("Reuters reported that the ship sank.", {"reuters"}),
        ("The boy's mother told KTVI on Tuesday she was home.", {"ktvi"}),
        # Police, people and quoted words credit no outlet.
        ("According to the California Highway Patrol, he was speeding.", set()),
        ("He told Officer Smith he had two beers.", set()),
        ('"The Times reported it wrong," he said.', set()),
        ("Police reported the crash at 1:30 a.m.", set()),
    ],
)
def test_a_sentence_credits_the_outlet_it_names_as_its_source(
    sentence: str, credited: set[str]
) -> None:
    assert sentence_credits(sentence) == frozenset(credited)


def test_an_outlet_is_known_by_one_key_however_it_is_written() -> None:
    assert credit_key("The San Diego Union-Tribune") == credit_key("Union-Tribune")
    assert credit_key("AP") == credit_key("The Associated Press")
    assert credit_key(None) is None


def test_sentences_alike_in_the_same_order_are_counted_once_each() -> None:
    config = ClaimConfig()
    first = [f"the sentence number {n} of the agency text about the arrest" for n in range(6)]
    reordered = list(reversed(first))
    assert _ordered_alike(first, first, config) == 6
    assert _ordered_alike(first, reordered, config) == 1
    assert _ordered_alike(first, ["a short one"], config) == 0


def _claim_of(claims, words: str):  # type: ignore[no-untyped-def]
    return next(c for c in claims if words in c.text)


def test_a_sentence_crediting_an_outlet_is_that_outlets_voice(figures_extractor: None) -> None:  # noqa: F811
    own = article("ut", f"{ARREST}\n\nHe was going 90 mph, officers said.")
    told = (
        "Jamal Williams, the Chargers' defensive tackle, was arrested early Sunday on suspicion "
        "of drunken driving, a CHP officer {}."
    )
    retold = article("blog", told.format("told The San Diego Union-Tribune"))
    ut = _with_outlet(own, "San Diego Union-Tribune")
    story = Story(id="s-dui", title="Williams arrested", article_ids=("ut", "blog"))
    claims, _ = align_claims([story], {"ut": ut, "blog": retold}, voices={})
    arrest = _claim_of(claims, "arrested")
    assert {e.article_id for e in arrest.support} == {"ut", "blog"}
    assert arrest.status == "single-source"
    assert arrest.independent_sources == 1
    # Without the credit line the two are independent: the count is the claim's status.
    plain = dataclasses.replace(retold, text=told.format("said"))
    claims, _ = align_claims([story], {"ut": ut, "blog": plain}, voices={})
    arrest = _claim_of(claims, "arrested")
    assert arrest.status == "corroborated"
    assert arrest.independent_sources == 2


def test_two_articles_crediting_one_outlet_and_sharing_a_sentence_are_one_voice(
    figures_extractor: None,  # noqa: F811
) -> None:
    a = article(
        "a",
        f"{BOOKED}\n\nThe arrest was first reported by the San Diego Union-Tribune.\n\n"
        "Williams was pulled over for speeding early Sunday on a freeway outside downtown, the "
        "California Highway Patrol said.",
    )
    b = article(
        "b",
        f"{BOOKED}\n\nAccording to the Union-Tribune, the case has not been filed yet.\n\n"
        "The California Highway Patrol said Williams was pulled over for speeding early Sunday "
        "on a freeway outside downtown San Diego.",
    )
    story = Story(id="s-dui", title="Williams arrested", article_ids=("a", "b"))
    claims, _ = align_claims([story], {"a": a, "b": b}, voices={})
    speeding = _claim_of(claims, "speeding")
    assert {e.article_id for e in speeding.support} == {"a", "b"}
    assert speeding.status == "single-source"
    off = ClaimConfig(credited_reprint_sentences=0)
    claims, _ = align_claims([story], {"a": a, "b": b}, voices={}, config=off)
    assert _claim_of(claims, "speeding").status == "corroborated"


def test_a_claim_counts_its_sources_in_the_json_report() -> None:
    from newsweave.model import Claim, Evidence, Report

    claim = Claim(
        id="c-1",
        story_id="s-1",
        text=ARREST,
        status="corroborated",
        support=(Evidence(article_id="a", text=ARREST, span=(0, len(ARREST))),),
        independent_sources=2,
    )
    data = report_to_dict(Report(version="x", claims=(claim,)))
    assert data["claims"][0]["independent_sources"] == 2
    assert report_from_dict(data).claims[0].independent_sources == 2
    del data["claims"][0]["independent_sources"]
    assert report_from_dict(data).claims[0].independent_sources is None
