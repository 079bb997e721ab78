"""Golden tests on the bundled sample corpus (examples/): key sentences kept, key junk gone."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsweave.clean import clean_text, corpus_line_stats
from newsweave.model import Cleaned

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"


def _clean(prefix: str) -> Cleaned:
    (path,) = EXAMPLES.glob(f"{prefix}_*.txt")
    return clean_text(path.read_text(encoding="utf-8"))


def _paragraphs(cleaned: Cleaned) -> list[str]:
    return cleaned.text.split("\n\n")


def test_people_seed_cuts_glued_captions_and_keeps_the_sentences() -> None:
    cleaned = _clean("000")
    paragraphs = _paragraphs(cleaned)
    assert cleaned.title is not None and cleaned.title.startswith("Vladimir Putin Congratulates")
    assert paragraphs[0].startswith("Vladimir Putin is extending his congratulations")
    starts = [p[:40] for p in paragraphs]
    assert any(s.startswith("“The President of Russia noted that") for s in starts)
    assert any(s.startswith("Vote tallies in the 2020 presidential") for s in starts)
    assert any(s.startswith("Putin, Russia’s autocratic leader") for s in starts)
    assert paragraphs[-1].startswith("According to the AP, Putin’s spokesperson")
    for junk in (
        "Getty",
        "Shutterstock",
        "posing for a picture",
        "wearing a suit",
        "newsletter",
        "Leave A Reply",
        "email address",
        "cookies",
    ):
        assert junk not in cleaned.text
    assert cleaned.title not in cleaned.text
    assert "\n0\n" not in f"\n{cleaned.text}\n"
    reasons = {r.reason for r in cleaned.removed}
    assert {"caption", "newsletter-plug", "comment-rules", "cookie-notice", "counter"} <= reasons


def test_moscow_times_seed_joins_the_split_quote_and_drops_the_source_line() -> None:
    cleaned = _clean("001")
    assert cleaned.title == (
        "Putin Congratulates U.S. President-Elect Biden After Electoral College Confirmation"
    )
    assert (
        '"Russia and the U.S., which bear special responsibility for global security and '
        "stability, can, despite their differences"
    ) in cleaned.text
    assert _paragraphs(cleaned)[0].startswith("Russian President Vladimir Putin has sent")
    assert _paragraphs(cleaned)[-1].startswith("Ties between the U.S. and Russia")
    for junk in (
        "Original url",
        "https://",
        "Related article",
        "David Lienemann",
        "December 15, 2020",
    ):
        assert junk not in cleaned.text


def test_sputnik_seed_drops_widgets_and_the_whole_account_tail() -> None:
    cleaned = _clean("002")
    paragraphs = _paragraphs(cleaned)
    assert cleaned.title == "Putin Congratulates Biden on Election Victory"
    assert paragraphs[0].startswith("On 14 December, the Electoral College gathered")
    assert paragraphs[-1] == "The incumbent President Trump has so far refused to concede defeat."
    assert "Just in Time" in paragraphs  # a real sub-heading of the article
    assert '"There is no ulterior motive or anything' in cleaned.text
    for junk in (
        "COVID-19",
        "Confirmed cases",
        "6612",
        "Get short URL",
        "Subscribe",
        "KEVIN LAMARQUE",
        "points a finger",
        "Community standards",
        "Privacy Policy",
        "Registration",
        "moderator@",
        "push notifications",
        "Tags:",
        "St. John the Divine",
        "account",
    ):
        assert junk not in cleaned.text


def test_newsweek_seed_without_blank_lines_is_kept_whole() -> None:
    (path,) = EXAMPLES.glob("003_*.txt")
    raw_lines = [
        line.strip() for line in path.read_text(encoding="utf-8").splitlines() if line.strip()
    ]
    cleaned = _clean("003")
    assert cleaned.title is None
    assert _paragraphs(cleaned) == raw_lines
    assert cleaned.removed == ()


@pytest.mark.parametrize("prefix", ["000", "001", "002", "003"])
def test_seed_cleaning_is_idempotent(prefix: str) -> None:
    once = _clean(prefix)
    again = clean_text(once.text)
    assert again.text == once.text


def test_corpus_stats_over_the_seeds_change_nothing() -> None:
    """Four outlets share no furniture: statistics must not remove article text."""
    texts = [p.read_text(encoding="utf-8") for p in sorted(EXAMPLES.glob("*.txt"))]
    stats = corpus_line_stats(texts)
    for text in texts:
        assert clean_text(text, stats=stats).text == clean_text(text).text
