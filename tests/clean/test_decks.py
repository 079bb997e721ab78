"""A deck (the sub-headline under the headline) is article text; a photo caption or a page's
first line of furniture in that slot is not (audit 7: the NBC and Computerworld decks were
deleted as navigation, and the Computerworld one was the only line giving "IE6 through IE11")."""

from __future__ import annotations

from newsweave.clean import clean_text
from tests.clean.conftest import PARAGRAPHS

DECKS = (
    "IE6 through IE11 harbor vulnerability, but in-the-wild attacks limited to IE8 and IE9",
    "He was known as the 'Oddfather' for faking mental illness to beat raps",
)


def _page(*parts: str) -> str:
    return "\n\n".join(parts)


def test_a_deck_under_the_headline_is_kept_with_or_without_a_date_line_between() -> None:
    for deck in DECKS:
        for date_line in ([], ["September 17, 2013 03:16 PM ET"]):
            page = _page(
                "Hackers exploit critical IE bug; Microsoft promises patch",
                deck,
                *date_line,
                *PARAGRAPHS,
            )
            cleaned = clean_text(page)
            assert deck in cleaned.text
            assert cleaned.text.startswith(deck)  # in its place, before the first paragraph
            assert "03:16 PM" not in cleaned.text
            # a fixpoint: cleaning the clean text keeps it (the later pass has no headline)
            assert clean_text(cleaned.text).text == cleaned.text


def test_captions_stamps_and_furniture_in_the_deck_slot_still_go() -> None:
    headline = "Boy shot in the head in Portage Park"
    for line in (
        "A boy was shot in the head Friday morning in Portage Park, police said. "
        "View Full Caption Facebook/Joe Basilone",
        "on April 30, 2008 at 4:31 AM, updated April 30, 2008 at 8:33 AM",
        "Subscribe to our newsletter for the latest news from your area",
        "— This story has been updated with the names of the victims",
    ):
        assert line not in clean_text(_page(headline, line, *PARAGRAPHS)).text, line
    # With no headline above, a page's first line is not taken for a deck.
    first_line = "× Arrest made after teen is shot in the chest while getting a perm"
    assert first_line not in clean_text(_page(first_line, *PARAGRAPHS)).text


def test_the_wire_dateline_under_a_deck_is_still_cut() -> None:
    deck = "Police say the shooting followed an argument outside a motel room"
    first = "LITTLE ROCK, Ark. (AP) — " + PARAGRAPHS[0]
    cleaned = clean_text(_page("Man shot dead at motel", deck, first, *PARAGRAPHS[1:]))
    assert cleaned.text.startswith(deck)
    assert "(AP)" not in cleaned.text and PARAGRAPHS[0] in cleaned.text
    assert any(r.reason == "dateline" for r in cleaned.removed)
