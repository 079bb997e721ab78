"""`surname_acts_alone` reads the words before a person's verb once per text: the same answers
as its per-name search (the old function is kept here as the oracle)."""

from __future__ import annotations

import random
import re

from newsweave.extract import gazetteer
from newsweave.extract.person_linking import _PERSON_VERBS, surname_acts_alone


def _old(text: str, name: str) -> bool:
    words = name.split()
    if not 2 <= len(words) <= 3 or not all(w.isalpha() and w[:1].isupper() for w in words):
        return False
    last = words[-1]
    if (
        words[0].lower() in gazetteer.GPE_NAMES
        or any(w.lower() in gazetteer.ORG_HEADS for w in words)
        or last.lower() in gazetteer.NOT_NAMES
        or (last.endswith("s") and not last.endswith(("ss", "us", "is")))
    ):
        return False
    pattern = rf"(?<![\w'’.-])(?<!the )(?<!The ){re.escape(last)} {_PERSON_VERBS}\b"
    return re.search(pattern, text) is not None


_WORDS = [
    "Manning", "Brady", "Lopez", "Müller", "Brien", "O", "the", "The", "was", "said", "told",
    "is", "has", "wasn", "saidx", "Smith_Jones", "Jonesé", "Kowalczyk", "2", "a" * 61,
    "B" + "c" * 64,
]  # fmt: skip
_GAPS = [" ", " ", " ", " ", "’", "'", "-", ".", "\n", "", "_"]


def _text(rng: random.Random) -> str:
    parts = []
    for _ in range(rng.randint(0, 14)):
        parts += [rng.choice(_WORDS), rng.choice(_GAPS)]
    return "".join(parts)


def test_words_before_person_verbs_answer_as_the_per_name_search() -> None:
    rng = random.Random(15)
    for _ in range(3000):
        text = _text(rng)
        first = rng.choice(["Peyton", "Tom", "Ana"])
        for last in ("Manning", "Brady", "Lopez", "Müller", "Brien", "Jonesé", "Kowalczyk"):
            for name in (f"{first} {last}", f"{first} Q {last}"):
                assert surname_acts_alone(text, name) == _old(text, name), (text, name)
        long_last = "B" + "c" * 64
        assert surname_acts_alone(text, f"Tom {long_last}") == _old(text, f"Tom {long_last}")
