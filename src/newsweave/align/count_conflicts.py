"""How many times a named person married, told two ways: "Page married twice; the first
marriage to ..." vs "Page was married three times but had no children" (ECB+ 4_ecb, read for
split fresh12).

A life's count of marriages or divorces is one figure per person that an obituary or profile
states whole. The extractor reads no "twice", and a count frame of "times" says nothing of what
was counted, so this rule reads the narrow pattern itself and says less whenever it can:
- the count follows the verb right after the person's name ("Page (was) married twice");
- a count "before" something ("had been married twice before") is a part, not the life's total;
- two independent voices, two counts, and no voice writes both (`two_forms_conflict`).
Read over every ECB+ and GVC story (each article its own voice), it reports one conflict, the
one above.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Sequence

from newsweave.align.conflict_base import Statement
from newsweave.align.place_conflicts import two_forms_conflict
from newsweave.model import Conflict

__all__ = ["count_conflicts", "life_counts"]

_COUNTS = {"once": 1, "twice": 2, "thrice": 3, "two times": 2, "three times": 3,
           "four times": 4, "five times": 5, "six times": 6, "seven times": 7,
           "eight times": 8}  # fmt: skip
_COUNT = "|".join(sorted(_COUNTS, key=len, reverse=True)).replace(" ", r"\s+")
_LIFE_COUNT = re.compile(
    r"\b(?P<name>[A-Z][a-z]{2,})\s+(?:was\s+|had\s+been\s+|has\s+been\s+)?"
    r"(?P<verb>married|divorced)\s+(?P<count>" + _COUNT + r"|[2-9]\s+times)\b"
    r"(?!\s+(?:before|previously|earlier|already|since|in\b))"
)


def life_counts(text: str) -> list[tuple[str, str, int]]:
    """(surname or name, verb, count) of each life count the sentence states."""
    out = []
    for match in _LIFE_COUNT.finditer(text):
        count = " ".join(match["count"].lower().split())
        value = _COUNTS.get(count) or int(count.split()[0])
        out.append((match["name"], match["verb"], value))
    return out


def count_conflicts(story_id: str, statements: Sequence[Statement]) -> list[Conflict]:
    """Conflicts (basis "number") on how many times one named person married or divorced."""
    held: dict[tuple[str, str], dict[str, list[int]]] = defaultdict(lambda: defaultdict(list))
    for index, statement in enumerate(statements):
        for name, verb, value in life_counts(statement.evidence.text):
            held[(name, verb)][f"{value} times"].append(index)
    out: list[Conflict] = []
    for (name, verb), forms in sorted(held.items()):
        topic = f"how many times {name} {verb}"
        forms_of = dict(forms)
        out += two_forms_conflict(
            story_id, topic, forms_of, statements, mentions=False, basis="number"
        )
    return out
