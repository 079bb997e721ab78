"""`state_conflicts._state_at` reads a token's dependents only for the words that ask (session
20: it scanned the sentence twice for every token). The old rule is kept here as the oracle:
random parses over the words the rule reads give the same state at every token."""

from __future__ import annotations

import random
from collections.abc import Sequence

import pytest

from newsweave.align import state_conflicts
from newsweave.align.state_conflicts import (
    _ALIVE_CONDITIONS,
    _children,
    _state_at,
    _verb_of_prep,
)
from newsweave.align.statement import ParsedWord


def _old_state_at(words: Sequence[ParsedWord], i: int) -> tuple[int | None, str, str] | None:
    lower = words[i].text.lower()
    passive = any(words[c].dep == "auxpass" for c in _children(words, i))
    if lower in state_conflicts._DEATH_VERBS and words[i].pos in ("VERB", "AUX"):
        return i, "dead", lower
    if lower == "killed" and passive:
        return i, "dead", lower
    if lower == "dead" and words[words[i].head].text.lower() == "pronounced":
        return words[i].head, "dead", "pronounced dead"
    if lower == "support" and i and words[i - 1].text.lower() == "life":
        return _verb_of_prep(words, i), "alive", "on life support"
    conditions = [
        words[c].text.lower()
        for c in _children(words, i)
        if words[c].text.lower() in _ALIVE_CONDITIONS
    ]
    if lower == "condition" and conditions:
        return _verb_of_prep(words, i), "alive", f"in {conditions[0]} condition"
    if lower == "survived" and not passive:
        return i, "alive", lower
    return None


_WORDS = [
    *sorted(state_conflicts._DEATH_VERBS),
    *sorted(_ALIVE_CONDITIONS),
    "Killed", "killed", "dead", "Dead", "pronounced", "life", "support", "condition",
    "Condition", "survived", "was", "is", "the", "in", "on", "boy", "hospital", "at", "by",
]  # fmt: skip
_DEPS = ["auxpass", "nsubj", "nsubjpass", "prep", "pobj", "amod", "ROOT", "dobj", "aux", "conj"]
_POS = ["VERB", "AUX", "NOUN", "ADJ", "ADP", "PROPN"]


def _random_parse(rng: random.Random) -> tuple[ParsedWord, ...]:
    size = rng.randint(1, 14)
    words = []
    for i in range(size):
        head = i if rng.random() < 0.15 else rng.randrange(size)
        words.append(
            ParsedWord(
                text=rng.choice(_WORDS),
                pos=rng.choice(_POS),
                dep=rng.choice(_DEPS),
                head=head,
                start=i * 5,
            )
        )
    return tuple(words)


def test_the_state_at_every_token_is_the_old_rules() -> None:
    rng = random.Random(20)
    stated = 0
    for _ in range(4_000):
        words = _random_parse(rng)
        for i in range(len(words)):
            expected = _old_state_at(words, i)
            assert _state_at(words, i) == expected
            stated += expected is not None
    assert stated > 1_000  # the random parses reach every branch often


def test_tokens_that_state_nothing_are_not_scanned(monkeypatch: pytest.MonkeyPatch) -> None:
    calls: list[int] = []

    def counted(words: Sequence[ParsedWord], head: int) -> list[int]:
        calls.append(head)
        return _children(words, head)

    monkeypatch.setattr(state_conflicts, "_children", counted)
    sentence = ["the", "boy", "was", "taken", "to", "the", "hospital", "by", "ambulance"]
    words = tuple(
        ParsedWord(text=t, pos="NOUN", dep="nsubj", head=0, start=k) for k, t in enumerate(sentence)
    )
    assert [_state_at(words, i) for i in range(len(words))] == [None] * len(words)
    assert calls == []  # the old rule scanned the sentence twice per token
