"""A sentence's entity mentions (`align.claims._within`) are found by bisection in its article's
mentions in span order (`story_mentions`); they are the ones a scan of every mention finds."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from newsweave.align.claims import _within, story_mentions

_MENTION = st.tuples(st.integers(0, 60), st.integers(0, 12), st.sampled_from("abcd"))


def _scanned(named: tuple[tuple[int, int, str], ...], span: tuple[int, int]) -> tuple:
    start, end = span
    return tuple((s - start, e - start, i) for s, e, i in named if start <= s and e <= end)


@given(st.lists(_MENTION, max_size=25), st.integers(0, 70), st.integers(0, 30))
def test_mentions_within_a_sentence_are_the_scanned_ones(
    raw: list[tuple[int, int, str]], start: int, width: int
) -> None:
    mentions = {"a": [(s, s + length, entity) for s, length, entity in raw]}
    named = story_mentions(["a"], mentions)["a"]
    span = (start, start + width)
    assert _within(named, span) == _scanned(named, span)


def test_a_mention_ending_where_the_sentence_ends_is_within_and_one_past_it_is_not() -> None:
    named = ((0, 4, "n0"), (5, 10, "n1"), (10, 10, "n2"), (10, 12, "n3"))
    assert _within(named, (5, 10)) == ((0, 5, "n1"), (5, 5, "n2"))
