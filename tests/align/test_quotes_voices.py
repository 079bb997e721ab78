"""Reported speech of different voices never forms one statement (audit 5, ECB+ 3_ecbplus)."""

from __future__ import annotations

from newsweave.align.quotes import group_quotes
from newsweave.extract.quotes import QuoteMention


def _indirect(aid: str, text: str, speaker_id: str | None, written: str | None) -> QuoteMention:
    return QuoteMention(
        article_id=aid,
        text=text,
        span=(0, len(text)),
        speaker_text=written,
        speaker_id=speaker_id,
        kind="indirect",
        cue="said",
    )


_ONE = "Comeaux took the officers' weapons and handcuffed them together in the back of the van"
_TWO = "Comeaux allegedly handcuffed the officers together in the van and took their weapons"


def _sizes(*mentions: QuoteMention) -> list[int]:
    story = {m.article_id: "s" for m in mentions}
    return sorted(len(q.variants) for q in group_quotes(list(mentions), story_of=story))


def test_a_named_voice_and_another_written_voice_stay_apart() -> None:
    lyons = _indirect("a", _ONE, "e-lyons", "Lyons")
    outlet = _indirect("b", _TWO, None, "MyFoxHouston.com")
    assert _sizes(lyons, outlet) == [1, 1]


def test_one_voice_written_two_ways_still_groups() -> None:
    lyons = _indirect("a", _ONE, "e-lyons", "Michelle Lyons")
    surname = _indirect("b", _TWO, None, "Lyons")
    assert _sizes(lyons, surname) == [2]


def test_an_unresolved_pronoun_differs_from_no_one() -> None:
    lyons = _indirect("a", _ONE, "e-lyons", "Lyons")
    pronoun = _indirect("b", _TWO, None, "he")
    assert _sizes(lyons, pronoun) == [2]
