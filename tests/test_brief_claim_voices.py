"""A brief line counts the independent sources the claim it rests on counts (issue 11, session
11): two sites that retell one AP text - each credits the AP and they share a sentence - are one
voice for the claim (`align.claims`, f58e331), so the line citing both says 1 source, not 2."""

from __future__ import annotations

import dataclasses

from newsweave.align.claims import ClaimConfig, align_claims
from newsweave.brief import summarize_story
from newsweave.model import Story
from tests.align.test_claims import article, figures_extractor  # noqa: F401

BOOKED = "Williams was booked into county jail early Sunday and later released on bail."


def _story() -> tuple[Story, dict[str, object]]:
    first = article(
        "fox",
        "Chargers defensive tackle Jamal Williams was arrested on suspicion of drunken driving."
        f"\n\n{BOOKED}\n\nThe arrest was first reported by the Associated Press.",
    )
    second = article(
        "blog",
        "Jamal Williams, the Chargers' defensive tackle, was arrested on suspicion of drunken "
        f"driving, according to the AP.\n\n{BOOKED}",
    )
    arts = {
        "fox": dataclasses.replace(first, outlet="Fox Sports"),
        "blog": dataclasses.replace(second, outlet="Bolts Blog"),
    }
    return Story(id="s", title="Williams arrested", article_ids=tuple(arts)), arts


def _arrest_line_and_claim(config: ClaimConfig):  # type: ignore[no-untyped-def]
    story, arts = _story()
    claims, conflicts = align_claims([story], arts, voices={}, config=config)  # type: ignore[arg-type]
    claim = next(c for c in claims if "arrested" in c.text)
    brief = summarize_story(
        story,
        claims,
        conflicts,
        arts,  # type: ignore[arg-type]
        voices={},
        claim_config=config,
    )
    line = next(s for s in brief.sentences if "arrested" in s.text)
    return line, claim


def test_a_line_citing_two_retellings_of_one_ap_text_counts_one_source_as_its_claim(
    figures_extractor: None,  # noqa: F811
) -> None:
    line, claim = _arrest_line_and_claim(ClaimConfig())
    assert {e.article_id for e in claim.support} == {"fox", "blog"}
    assert line.article_ids == ("blog", "fox")
    assert claim.independent_sources == 1
    assert line.independent_sources == 1


def test_without_the_credit_rule_both_stages_count_two(
    figures_extractor: None,  # noqa: F811
) -> None:
    # One shared sentence without the credit rule is no retelling (`reprint_sentences` is 3):
    # the line and its claim count two voices alike.
    off = ClaimConfig(credited_reprint_sentences=0)
    line, claim = _arrest_line_and_claim(off)
    assert claim.independent_sources == 2
    assert line.independent_sources == 2
