"""`split_debris` asks whether a name's line is a title-case one once per line (issue 15,
session 20): the same pieces as asking it again for every name, kept here as the oracle, on
random corpora of headline and prose lines; and a line holding many names is read once."""

from __future__ import annotations

import random
import re

import pytest

from newsweave.extract import mention_repair
from newsweave.extract.mention_repair import _line_at, split_debris
from newsweave.extract.mentions import NameMention, title_case_line

_NAMES = ["Vladimir Putin", "Joe Biden", "Thomas Horn", "Putin Congratulates", "Newsweek Biden"]
_NAMES += ["Getty Vladimir Putin Mikhail", "Scott Westerhuis", "Horn Thomas", "Martin Luther King"]
_PROSE = ["said", "the", "on", "a", "visit", "to", "talks", "with", "in", "Moscow", "by"]


def _corpus(seed: int) -> tuple[list[NameMention], dict[str, str]]:
    rng = random.Random(seed)
    mentions: list[NameMention] = []
    texts: dict[str, str] = {}
    for a in range(rng.randint(1, 6)):
        article = f"a{a}"
        text = ""
        for _ in range(rng.randint(1, 5)):  # lines: headlines (title case) or prose
            headline = rng.random() < 0.5
            words: list[str] = []
            for _ in range(rng.randint(2, 7)):
                if rng.random() < 0.4:
                    name = rng.choice(_NAMES)
                    start = len(text) + len(" ".join([*words, ""]))
                    label = rng.choice(["PERSON", "PERSON", "ORG"])
                    mentions.append(
                        NameMention(
                            article_id=article,
                            span=(start, start + len(name)),
                            text=name,
                            label=label,
                        )
                    )
                    words.append(name)
                else:
                    word = rng.choice(_PROSE)
                    words.append(word.capitalize() if headline else word)
            text += " ".join(words) + "\n"
        texts[article] = text
    mentions.sort(key=lambda m: (m.article_id, m.span))
    return mentions, texts


def _each_time(text: str, article_id: str, pos: int, seen: dict[tuple[str, int], bool]) -> bool:
    """The old computation: the line read again for every name."""
    return title_case_line(_line_at(text, pos))


@pytest.mark.parametrize("seed", range(60))
def test_split_debris_gives_the_pieces_of_asking_every_line_again(
    seed: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    mentions, texts = _corpus(seed)
    got = split_debris(list(mentions), texts)
    monkeypatch.setattr(mention_repair, "_title_line_at", _each_time)
    assert got == split_debris(list(mentions), texts)


def test_a_line_of_many_names_is_read_once(monkeypatch: pytest.MonkeyPatch) -> None:
    # Both names are known pairs, so each asks whether its line is a headline's.
    line = "Thomas Horn Meets Joe Biden And Thomas Horn Greets Joe Biden Again"
    text = line + "\nThomas Horn said today\n"
    mentions = [
        NameMention(article_id="a", span=found.span(), text=found.group(0), label="PERSON")
        for found in re.finditer(r"Thomas Horn|Joe Biden", text)
    ]
    assert len(mentions) == 5
    read: list[str] = []

    def counted(line: str) -> bool:
        read.append(line)
        return title_case_line(line)

    monkeypatch.setattr(mention_repair, "title_case_line", counted)
    split_debris(mentions, {"a": text})
    assert sorted(read) == [line, "Thomas Horn said today"]  # each line once
