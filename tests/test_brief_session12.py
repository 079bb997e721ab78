"""Session 12 brief rules (issue 11): a line cites each independent voice of its claim, not only
the retellings of one wire text (ECB+ 7_ecbplus: the opener cited seven retellings of one AP
text, "1 independent source", while its claim had four voices); an opener that points back to
"this case" is no opener (GVC 685537, fresh11)."""

from __future__ import annotations

from newsweave.align.claims import ClaimConfig
from newsweave.brief import _REFERS_BACK, _claim_sentence, _line_worthy, _StoryVoices
from newsweave.model import Claim
from tests.report.sample import article, evidence

WIRE = (
    "Wladimir Klitschko stopped Tony Thompson in the sixth round to retain his WBA, IBF and "
    "WBO heavyweight title belts Saturday night."
)
# Two outlets in their own words: one leaves the day to another of its lines, one says
# "the sixth" its own way and names the challenger's country.
OWN_WORDS = (
    "Wladimir Klitschko retained his heavyweight title belts by stopping American challenger "
    "Tony Thompson in the sixth round."
)
OTHER_WORDS = (
    "In Bern the Ukrainian Wladimir Klitschko kept his belts when Tony Thompson was stopped in "
    "the sixth round by the champion."
)
# One that lacks a figure of the wire's line (no round) states only a part of it.
PART = "Wladimir Klitschko retained his world titles with another victory over Tony Thompson."


def _claim(texts: dict[str, str]) -> tuple[Claim, _StoryVoices]:
    arts = {ident: article(ident, text, outlet=f"Outlet {ident}") for ident, text in texts.items()}
    claim = Claim(
        id="c",
        story_id="s",
        text=WIRE,
        status="corroborated",
        support=tuple(evidence(a, a.text) for a in arts.values()),
    )
    voices = _StoryVoices([claim], arts, {}, ClaimConfig())
    return claim, voices


def test_a_sentence_lacking_the_lines_day_or_figure_is_not_cited() -> None:
    # Three sites run the AP text word for word (one voice); two outlets state it in their own
    # words without "Saturday", one gives no round: none of theirs states the whole line, and
    # every other wording would drop the day, so the line cites the wire's voice alone.
    claim, voices = _claim(
        {
            "ap1": WIRE,
            "ap2": WIRE,
            "ap3": WIRE,
            "bbc": OWN_WORDS,
            "blog": OTHER_WORDS,
            "espn": PART,
        }
    )
    assert len(voices.groups(claim.support)) == 4
    line = _claim_sentence(claim, voices)
    assert line.text == WIRE
    assert line.article_ids == ("ap1", "ap2", "ap3")
    assert line.independent_sources == 1


def test_a_figure_the_other_voices_lack_gives_the_line_their_wording() -> None:
    # The wire's line holds a record (58-3) that only its retellings give; both other outlets
    # state the knockdown without it, so the line is worded as one of theirs, which the wire's
    # sentences state too: every voice is cited.
    wire = (
        "The champion Klitschko, 58-3 with 51 knockouts, floored Thompson with a big right hand "
        "near the end of the fifth round."
    )
    bbc = (
        "Thompson never recovered from a big right hand from Klitschko near the end of the "
        "fifth round."
    )
    other = "Klitschko sent Thompson down with a right hand at the end of the fifth round in Bern."
    arts = {
        ident: article(ident, text, outlet=f"Outlet {ident}")
        for ident, text in {"ap1": wire, "ap2": wire, "bbc": bbc, "blog": other}.items()
    }
    claim = Claim(
        id="c",
        story_id="s",
        text=wire,
        status="corroborated",
        support=tuple(evidence(a, a.text) for a in arts.values()),
    )
    voices = _StoryVoices([claim], arts, {}, ClaimConfig())
    assert len(voices.groups(claim.support)) == 3
    line = _claim_sentence(claim, voices)
    assert line.text == bbc
    assert line.article_ids == ("ap1", "ap2", "bbc", "blog")
    assert line.independent_sources == 3
    # Without the voices (no claims stage rule), the claim's own wording stands.
    assert _claim_sentence(claim).text == wire


def test_no_wording_that_drops_the_lines_day_or_is_stated_by_no_more_voices() -> None:
    # The part (no round, no day) is stated by every voice, but it would drop the day the
    # wire's line gives: the line keeps its wording and cites the voices that state it.
    claim, voices = _claim({"ap1": WIRE, "ap2": WIRE, "espn": PART})
    assert len(voices.groups(claim.support)) == 2
    line = _claim_sentence(claim, voices)
    assert line.text == WIRE
    assert line.article_ids == ("ap1", "ap2")
    assert line.independent_sources == 1


def test_a_garbled_member_gives_no_wording() -> None:
    assert not _line_worthy(
        "The also said that Gray had previously been arrested four times on charges of grand "
        "larceny."
    )
    assert _line_worthy("The police also said that Gray had been arrested four times before.")


def test_a_sentence_pointing_back_to_this_case_is_no_opener() -> None:
    autopsy = (
        "The San Diego County Medical Examiner's Office has completed the autopsy associated "
        "with this case."
    )
    assert _REFERS_BACK.search(autopsy)
    assert _REFERS_BACK.search(
        "Police are still investigating the incident, and this incident is one of many."
    )
    assert not _REFERS_BACK.search("A teen was found shot dead in a road in Vista this week.")
    assert not _REFERS_BACK.search("The case went to trial on Monday.")
