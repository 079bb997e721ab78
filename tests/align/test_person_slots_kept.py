"""A sentence's person slots are kept per process by its text, its parse and those of its
tokens' lower-cased forms the story has (session 20): the story's lower-case words are read
only as spellings of the sentence's own tokens. The old reading is kept as the oracle."""

from __future__ import annotations

import random
from collections.abc import Set

import pytest

from newsweave.align import state_conflicts
from newsweave.align.state_conflicts import (
    _CUE,
    PersonSlot,
    _charge_slots,
    _role_slots,
    _state_slots,
    read_person_slots,
)
from newsweave.align.statement import Parser, default_parser, parsed_words

from .test_state_conflicts import DIED, ON_SUPPORT

needs_parser = pytest.mark.skipif(default_parser() is None, reason="needs spaCy's parser")

SENTENCES = [
    DIED,
    ON_SUPPORT,
    "A 3-year-old Lenawee County boy died Sunday after shooting himself.",
    "Thomas Meisenheimer, 34, was charged with manslaughter.",
    "Police said Thomas Meisenheimer, 34, was charged with murder on Friday.",
    "Shawna Smith was the assistant manager of the Busy Bee Playhouse, police said.",
    "Shawna Smith worked as the assistant director at Busy Bee Playhouse.",
    "Walter Meisenheimer, 68, was pronounced dead at the scene.",
    "The Victim, 22, remained in critical condition at Harborview Medical Center.",
    "Officer Marcus Young survived and Ricky Ray Byrd was killed by deputies.",
    "The 5-year-old boy could have died, officials said.",
]


def _old(text: str, parser: Parser, lower_words: Set[str]) -> list[PersonSlot]:
    if not _CUE.search(text):
        return []
    words = parsed_words(parser, text)
    return (
        _state_slots(text, words, lower_words)
        + _charge_slots(text, words, lower_words)
        + _role_slots(text, words, lower_words)
    )


@needs_parser
def test_slots_are_the_old_reading_whatever_the_story_s_words() -> None:
    parser = default_parser()
    assert parser is not None
    rng = random.Random(20)
    forms = sorted({w.text.lower() for t in SENTENCES for w in parsed_words(parser, t)})
    found = 0
    for _ in range(40):
        for text in SENTENCES:
            lower_words = set(rng.sample(forms, rng.randint(0, len(forms)))) | {"unrelated"}
            expected = _old(text, parser, lower_words)
            got = read_person_slots(text, parser, lower_words)
            assert got == expected, text
            got.append(expected[0] if expected else got)  # type: ignore[arg-type]
            assert read_person_slots(text, parser, lower_words) == expected
            found += bool(expected)
    assert found >= 100


@needs_parser
def test_words_of_other_sentences_do_not_read_the_slots_again() -> None:
    parser = default_parser()
    assert parser is not None
    state_conflicts._person_slots.cache_clear()
    read_person_slots(DIED, parser, {"police"})
    read_person_slots(DIED, parser, {"police", "manslaughter", "playhouse"})
    info = state_conflicts._person_slots.cache_info()
    assert (info.misses, info.hits) == (1, 1)
