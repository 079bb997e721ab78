"""`title_case_line` reads letters with `map(str.isalpha, ...)` (issue 15, session 16): the same
answer as testing each character, kept here as the oracle, on any text."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from newsweave.extract.mentions import TITLE_CASE_SHARE, title_case_line


def _per_character(line: str) -> bool:
    words = [w for w in line.split() if any(c.isalpha() for c in w)]
    if len(words) < 4:
        return False
    capitalised = sum(1 for w in words if w[:1].isupper())
    return capitalised / len(words) >= TITLE_CASE_SHARE


_WORDS = st.sampled_from(
    ["Putin", "said", "5", "U.S.", "—", "Ωmega", "ǅemal", "²", "of", "Ⅻ", "a-b"]
)


@settings(max_examples=300, deadline=None)
@given(st.lists(_WORDS, max_size=12), st.text(max_size=40))
def test_title_case_line_answers_as_the_per_character_test(words: list[str], noise: str) -> None:
    for line in (" ".join(words), noise, " ".join([*words, noise])):
        assert title_case_line(line) == _per_character(line)
