"""Name conflicts read each sentence's text once and only the forms of a slip pair (session 18):
the same conflicts as the rule that read every sentence again for every form.

The oracle below is `name_conflicts` as it was before (its voices read with `_voices_writing`
over every statement, the middle initials dropped again each time, for every form)."""

from __future__ import annotations

import json
import random
import re
from collections import defaultdict
from collections.abc import Sequence

from newsweave.align.conflict_base import ConflictConfig, Statement
from newsweave.align.name_conflicts import (
    _AGED_NAME,
    _MIDDLE_INITIAL,
    _NAME,
    _NEXT_WORD,
    _POSSESSIVE,
    _PREVIOUS_WORD,
    _WORD,
    _name_conflict,
    name_conflicts,
    spelling_slip,
)
from newsweave.model import Conflict
from tests.align.statements import said
from tests.conftest import shared_path


def _old_voices_writing(
    form: str, statements: Sequence[Statement], shared: str, position: int
) -> set[str]:
    word = re.compile(rf"\b{re.escape(form)}\b")
    out = set()
    for statement in statements:
        text = _MIDDLE_INITIAL.sub(" ", statement.evidence.text)
        for match in word.finditer(text):
            if position == 1:
                other = _NEXT_WORD.match(text, match.end())
            else:
                other = _PREVIOUS_WORD.search(text, 0, match.start())
            if other is None or _POSSESSIVE.sub("", other[1]).casefold() == shared.casefold():
                out.add(statement.voice)
                break
    return out


def _old_name_conflicts(
    story_id: str, statements: Sequence[Statement], config: ConflictConfig
) -> list[Conflict]:
    lower_words = {w for s in statements for w in _WORD.findall(s.evidence.text)}
    forms: dict[tuple[str, int], dict[str, list[int]]] = defaultdict(lambda: defaultdict(list))
    written: dict[str, str] = {}
    for index, statement in enumerate(statements):
        for match in _NAME.finditer(_MIDDLE_INITIAL.sub(" ", statement.evidence.text)):
            first, last = (_POSSESSIVE.sub("", w) for w in match.groups())
            forms[(written.setdefault(last.casefold(), last), 1)][first].append(index)
            forms[(written.setdefault(first.casefold(), first), 0)][last].append(index)
        for match in _AGED_NAME.finditer(statement.evidence.text):
            forms[(match[1], 0)][match[2]].append(index)
    out: list[Conflict] = []
    for (shared, position), by_form in sorted(forms.items()):
        if shared.lower() in lower_words:
            continue
        voices_of = {f: _old_voices_writing(f, statements, shared, position) for f in by_form}
        names = sorted(by_form)
        for i, a in enumerate(names):
            for b in names[i + 1 :]:
                if not config.max_name_edits or not spelling_slip(a, b, config.max_name_edits):
                    continue
                if a.lower() in lower_words or b.lower() in lower_words:
                    continue
                if voices_of[a] & voices_of[b]:
                    continue
                out.append(
                    _name_conflict(
                        story_id,
                        shared=shared,
                        position=position,
                        pair={a, b},
                        by_form=by_form,
                        statements=statements,
                    )
                )
    return out


_GIVEN = ["Kendall", "Kendal", "Michael", "Micheal", "Jon", "John", "Steven", "Steve", "DeShawn"]
_GIVEN += ["Deshawn", "Ezequiel", "Ezekiel", "Partick", "Patrick", "Onesha", "Omesha", "Tara"]
_SUR = ["Pinkerton", "Pinkertn", "Melon", "Melton", "Owen", "Owens", "McNutt", "Reid", "Reed"]
_SUR += ["Beddles", "Beedles", "Melendez", "Wellborn", "Welborn", "Powell's", "Powel"]
_GLUE = ["said", "told police", "was shot by", "met", "and", "'s aunt", "C.", "J.", "the"]
_GLUE += ["13-year-old", "six-year-old", "Police Chief", "police", "reid", "owen", "\u2019s"]


def _random_sentence(rng: random.Random) -> str:
    words = []
    for _ in range(rng.randint(3, 12)):
        pick = rng.random()
        pool = _GIVEN if pick < 0.35 else _SUR if pick < 0.7 else _GLUE
        words.append(rng.choice(pool))
    return " ".join(words) + rng.choice([".", "", " on Friday."])


def _same(statements: Sequence[Statement], config: ConflictConfig) -> bool:
    return name_conflicts("s", statements, config) == _old_name_conflicts("s", statements, config)


def test_random_stories_have_the_old_name_conflicts() -> None:
    rng = random.Random(18)
    found = 0
    for _ in range(400):
        voices = [f"v{k}" for k in range(rng.randint(1, 6))]
        statements = [
            said(f"a{rng.randint(0, 9)}", _random_sentence(rng), voice=rng.choice(voices))
            for _ in range(rng.randint(1, 25))
        ]
        old = _old_name_conflicts("s", statements, ConflictConfig())
        assert name_conflicts("s", statements, ConflictConfig()) == old
        assert _same(statements, ConflictConfig(max_name_edits=1))
        found += len(old)
    assert found > 40  # the stories do dispute spellings, so the comparison says something


def test_ecbplus_topics_have_the_old_name_conflicts() -> None:
    path = shared_path("eval", "ecbplus", "articles.jsonl")
    by_topic: dict[str, list[Statement]] = defaultdict(list)
    with path.open(encoding="utf-8") as lines:
        for line in lines:
            record = json.loads(line)
            topic = record["id"].split("_")[0]
            voice = record["id"] if len(by_topic[topic]) % 3 else f"{topic}-wire"
            for sentence in re.split(r"(?<=[.!?])\s+", record["text"]):
                by_topic[topic].append(said(record["id"], sentence, voice=voice))
    found = 0
    for statements in by_topic.values():
        old = _old_name_conflicts("s", statements, ConflictConfig())
        assert name_conflicts("s", statements, ConflictConfig()) == old
        found += len(old)
    assert found > 0


def test_a_voice_writing_a_form_beside_another_surname_still_counts_elsewhere() -> None:
    # One outlet writes "Jon" beside another man's surname first, then alone: it writes the
    # form, so it spells the name both ways and disputes nothing (a voice is found by any one
    # of its sentences, not only by its first one that has the form's letters).
    statements = [
        said("a", "John McNutt spoke to Jon Smith.", voice="x"),
        said("b", "Later Jon said he saw it.", voice="x"),
        said("c", "John Owen was there.", voice="x"),
        said("d", "Jon Owen left at noon.", voice="y"),
    ]
    assert _same(statements, ConflictConfig())
