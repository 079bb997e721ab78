"""Linking's cheaper scans (issue 15, session 26) find what the whole scans found: the role
phrases tried only where "the" and the role's first letters stand, the alias patterns run only
on texts holding their words, and the title before a mention read from the 80 characters
before it. The whole scans are kept here as the oracles."""

from __future__ import annotations

import random
import re

import pytest

from newsweave.extract.mentions import NameMention
from newsweave.extract.person_linking import (
    _BIRTH_NAME,
    _KNOWN_AS_QUOTED,
    _QUOTED_ALIAS,
    _alias_matches,
    _role_matches,
    _the_starts,
    _title_before,
    title_before,
)

# What `role_phrase_mentions` compiles for a role (its pattern, as written there).
_OFFICE_OF = r"['’]s\s+(?i:office|department|bureau|staff)\b"


def _role_pattern(role: str) -> re.Pattern[str]:
    words = r"\s+".join(re.escape(w) for w in role.split())
    return re.compile(rf"\b[Tt]he\s+(?i:{words})(?![\w-])(?!\s+[A-Z])(?!\s+of\b)(?!{_OFFICE_OF})")


_ROLES = ["president", "russian president", "sheriff", "vice president", "dc mayor", "président"]
_PIECES = [
    "the",
    "The",
    "THE",
    "the the",
    " ",
    "  ",
    "\n",
    "\xa0",
    "president",
    "President",
    "PRESIDENT",
    "Russian",
    "russian",
    "ruſſian",
    "RUſſIAN",
    "İ",
    "ı",
    "\u212a",
    "sheriff",
    "Sheriff's Office",
    "of",
    "Putin",
    "vice",
    "Vice-President",
    "DC",
    "dc",
    "mayor",
    "présidents",
    "président",
    "other",
    ",",
    ".",
    "-",
    "there",
    "then",
    "bathe",
]


def _texts(seed: int, count: int) -> list[str]:
    rng = random.Random(seed)
    return [
        "".join(rng.choice(_PIECES) + rng.choice([" ", "", " ", "\n"]) for _ in range(60))
        for _ in range(count)
    ]


@pytest.mark.parametrize("seed", range(6))
def test_role_matches_are_the_whole_scan(seed: int) -> None:
    for text in _texts(seed, 60):
        starts = _the_starts(text)
        for role in _ROLES:
            pattern = _role_pattern(role)
            found = [m.span() for m in _role_matches(pattern, role, text, starts)]
            assert found == [m.span() for m in pattern.finditer(text)], (role, text)


def test_role_matches_fold_letters_as_the_pattern_does() -> None:
    # "ſ" is an "s" to `re.IGNORECASE`, and "\u212a" (the Kelvin sign) a "k".
    text = "Then the ruſſian president spoke; the \u212aing said so, as did The Russian President."
    for role in ("russian president", "king"):
        pattern = _role_pattern(role)
        expected = [m.span() for m in pattern.finditer(text)]
        assert expected  # the oracle finds each
        assert [m.span() for m in _role_matches(pattern, role, text, _the_starts(text))] == (
            expected
        )


def _alias_scan(text: str) -> list[tuple[int, int]]:
    found = [*_QUOTED_ALIAS.finditer(text), *_KNOWN_AS_QUOTED.finditer(text)]
    return [m.span(1) for m in [*found, *_BIRTH_NAME.finditer(text)]]


@pytest.mark.parametrize(
    "text",
    [
        'LaSalle, also known by law enforcement as "Crazy T," was held.',
        "Mark Felt, who was known as Watergate scandal informant 'Deep Throat,' died.",
        "Page was born Betty Mae Page in Nashville.",
        "Page, née Betty Mae Page in Nashville.",
        'He goes by "Big Mike" and went by "Mikey" a.k.a. "M" aka "Em", dubbed "Tiny".',
        "No alias here, nor any quotation.",
        'A quote "without the words" the patterns need.',
    ],
)
def test_alias_matches_are_the_whole_scans(text: str) -> None:
    assert [m.span(1) for m in _alias_matches(text)] == _alias_scan(text)


def test_title_before_reads_the_80_characters_before_the_mention() -> None:
    text = "Moscow\n\nRussian President Vladimir Putin said. " + "x " * 50 + "Ms. Gomes left."
    for name in ("Vladimir Putin", "Gomes"):
        start = text.index(name)
        mention = NameMention(
            article_id="a", span=(start, start + len(name)), text=name, label="PERSON"
        )
        before = text[max(0, start - 80) : start]
        assert title_before(text, mention) == _title_before(name, before, start <= 80)
    start = text.index("Vladimir")
    putin = NameMention(article_id="a", span=(start, start + 14), text="Vladimir Putin", label="P")
    assert title_before(text, putin) == "Russian President"
