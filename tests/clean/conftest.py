"""Synthetic article text shared by the cleaning tests (written for the tests, not scraped)."""

from __future__ import annotations

import pytest

PARAGRAPHS = (
    "The city council voted on Tuesday to expand the bus network to three new districts, "
    "a plan that officials said would cut average commuting times by almost a quarter.",
    "Mayor Ellen Brooks told reporters that the first routes would open in the spring and "
    "that the remaining lines would follow before the end of next year.",
    "Opponents of the plan argued that the money should instead be spent on repairing roads, "
    "which they described as the most urgent problem facing residents of the outer districts.",
    "The transport authority estimates that the expansion will cost about 40 million dollars, "
    "most of which is to be covered by a grant from the regional government.",
    "A final decision on the timetable is expected when the council meets again in March, "
    "after a series of public hearings in each of the affected neighbourhoods.",
)


@pytest.fixture
def article() -> str:
    """Five prose paragraphs separated by blank lines."""
    return "\n\n".join(PARAGRAPHS)
