"""Invariants of the text cleaner, checked on generated pages and on the real dev pages."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from newsweave.clean import clean_text
from tests.clean.conftest import PARAGRAPHS


def word_list(words: str) -> list[str]:
    return words.split()


_JUNK = [
    "Home",
    "News",
    "Share on Facebook",
    "0",
    "6612",
    "Leave a Reply",
    "Log in",
    "Related Stories",
    "Your email address will not be published.",
    "© Reuters / Jane Doe",
    "By Jane Doe",
    "Sign up for our daily newsletter",
    "Tags:",
    "https://example.com/a/b",
    "Read more",
    "Mark DavisEllen Brooks said the plan would be ready in the spring, her office said.",
    "The mayor said that the council, which share",
    "responsibility for transport, is ready.",
    "heated discus-",
    "sion on Tuesday.",
    "Council Votes to Expand Bus Network - Gazette",
    "Council Votes to Expand Bus Network",
    "Jane Doe is a senior writer for the Gazette.",
]
_WORDS = st.sampled_from(
    word_list(
        "the a council said mayor bus routes new city of and to in on plan Tuesday voted "
        "would Brooks residents districts spring money roads cost dollars"
    )
)
_SENTENCE = st.lists(_WORDS, min_size=1, max_size=30).map(
    lambda ws: " ".join(ws).capitalize() + "."
)
_LINE = st.one_of(st.sampled_from(_JUNK), st.sampled_from(PARAGRAPHS), _SENTENCE, st.just(""))
_PAGE = st.lists(_LINE, max_size=25).map("\n".join)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_PAGE)
def test_cleaning_is_idempotent(page: str) -> None:
    once = clean_text(page).text
    assert clean_text(once).text == once


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=400))
def test_cleaning_arbitrary_text_is_idempotent_and_never_crashes(page: str) -> None:
    once = clean_text(page).text
    assert clean_text(once).text == once
    assert "\n\n\n" not in once
    assert once == once.strip()


@settings(max_examples=200, deadline=None)
@given(_PAGE)
def test_output_is_paragraphs_separated_by_one_blank_line(page: str) -> None:
    text = clean_text(page).text
    if text:
        assert all(p and p == p.strip() and "\n" not in p for p in text.split("\n\n"))


@settings(max_examples=100, deadline=None)
@given(_PAGE)
def test_cleaning_is_deterministic(page: str) -> None:
    assert clean_text(page) == clean_text(page)


@pytest.mark.slow
def test_cleaning_is_idempotent_on_every_dev_page() -> None:
    root = Path(__file__).resolve().parents[3] / "shared" / "eval" / "cleaning" / "txt"
    if not root.is_dir():
        pytest.skip(f"{root} is not present")
    for path in sorted(root.glob("*.txt")):
        once = clean_text(path.read_text(encoding="utf-8")).text
        assert clean_text(once).text == once, path.name


@pytest.mark.slow
def test_ten_megabyte_single_line_finishes() -> None:
    line = ("word " * 7 + "Another sentence follows here. ") * 250_000  # ~10 MB, no newline
    cleaned = clean_text(line)
    assert len(cleaned.text) > 9_000_000
