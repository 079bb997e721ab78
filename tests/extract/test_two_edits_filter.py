"""`_two_edits` with its letter-count filter (issue 15) answers as the edit trial alone did.

The reference is the earlier function, kept as the oracle, on random near and far word pairs.
"""

from __future__ import annotations

import random

import pytest

from newsweave.extract.person_linking import _two_edits, one_edit


def _old_two_edits(a: str, b: str) -> bool:
    if abs(len(a) - len(b)) > 2:
        return False
    if a == b or one_edit(a, b):
        return True
    steps = {a[:i] + a[i + 1 :] for i in range(len(a))}
    steps |= {a[:i] + a[i + 1] + a[i] + a[i + 2 :] for i in range(len(a) - 1)}
    if any(step == b or one_edit(step, b) for step in steps):
        return True
    return any(one_edit(a, b[:i] + b[i + 1 :]) for i in range(len(b)))


def _edited(rng: random.Random, word: str) -> str:
    letters = list(word)
    for _ in range(rng.randint(0, 4)):
        edit, at = rng.random(), rng.randrange(len(letters) + 1)
        if edit < 0.25 and letters:
            letters.pop(min(at, len(letters) - 1))
        elif edit < 0.5:
            letters.insert(at, rng.choice("aehnrs"))
        elif edit < 0.75 and letters:
            letters[min(at, len(letters) - 1)] = rng.choice("aehnrs")
        elif len(letters) > 1:
            k = min(at, len(letters) - 2)
            letters[k], letters[k + 1] = letters[k + 1], letters[k]
    return "".join(letters)


@pytest.mark.parametrize("seed", range(10))
def test_two_edits_filter_keeps_every_answer(seed):
    rng = random.Random(seed)
    for _ in range(2000):
        a = "".join(rng.choice("aehnrs") for _ in range(rng.randint(0, 10)))
        b = _edited(rng, a) if rng.random() < 0.8 else _edited(rng, a[::-1])
        assert _two_edits(a, b) == _old_two_edits(a, b), (a, b)
