"""The body whose office one named person holds, written two ways: "Mike Reavey, director of the
Microsoft Security Response Center" vs "Microsoft Security Response Alliance director Mike
Reavey" (ECB+ 27_ecb, read on split fresh13's misses in session 15).

A person named in full with a title of one body ("director of the X Y Center", "X Y Alliance
director Name") holds that office in one body; two outlets that write the body's name with one
word changed disagree on which body it is. The rule says less whenever it can:
- the person is named by two or more capitalised words right beside the title (after it, or
  before it behind a comma), and the body by three or more capitalised words ending in a word
  that names a kind of body (`_BODY_WORDS`: Center, Alliance, Institute, ...);
- only the last word may differ: "Los Angeles Police Department" and "Los Angeles Fire
  Department" are two bodies told apart by their own names, not one body misnamed;
- two independent voices hold the two forms, and no voice writes the other form anywhere (one
  person may hold offices in two bodies, and then someone names both).
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Sequence

from newsweave.align.conflict_base import Statement
from newsweave.align.place_conflicts import two_forms_conflict
from newsweave.model import Conflict

__all__ = ["office_conflicts", "offices"]

_TITLE = (
    r"(?:director|executive director|deputy director|chairman|chairwoman|president|"
    r"vice president|head|chief|spokesman|spokeswoman|spokesperson|manager|secretary)"
)
# Words that name a kind of body: the last word of a body's name.
_BODY_WORDS = (
    r"(?:Center|Centre|Alliance|Institute|Council|Association|Society|Foundation|Committee|"
    r"Commission|Agency|Office|Bureau|Program|Programme|Coalition|Network|Board|Service|"
    r"Authority|League|Union|Federation)"
)
_WORD = r"[A-Z][A-Za-z&'-]{0,30}"
# The body: two to five capitalised words before the body word (three words or more in all).
_BODY = rf"(?P<body>(?:{_WORD} ){{2,5}}){_BODY_WORDS}\b"
_NAME = r"(?P<name>[A-Z][a-z'-]{1,30}(?: [A-Z]\.)?(?: [A-Z][a-z'-]{1,30}){1,2})"
# "Mike Reavey, director of the Microsoft Security Response Center"
_NAME_TITLE_OF = re.compile(rf"{_NAME}, (?:the )?{_TITLE} of (?:the )?{_BODY}")
# "Microsoft Security Response Alliance director Mike Reavey"
_BODY_TITLE_NAME = re.compile(rf"{_BODY} {_TITLE} {_NAME}\b")
_LAST_WORD = re.compile(rf"{_BODY_WORDS}\b")


def offices(text: str) -> list[tuple[str, str, str]]:
    """(person, body name without its last word, last word) of each titled office in a
    sentence."""
    found: list[tuple[str, str, str]] = []
    for pattern in (_NAME_TITLE_OF, _BODY_TITLE_NAME):
        for match in pattern.finditer(text):
            body = " ".join(match["body"].split())
            last = _LAST_WORD.match(text, match.end("body"))
            if last is None:
                continue
            person = " ".join(match["name"].split())
            found.append((person, body, last.group(0)))
    return found


def office_conflicts(story_id: str, statements: Sequence[Statement]) -> list[Conflict]:
    """Conflicts (basis "name") on the name of the body one named person holds an office in."""
    held: dict[tuple[str, str], dict[str, list[int]]] = defaultdict(lambda: defaultdict(list))
    for index, statement in enumerate(statements):
        for person, body, last in offices(statement.evidence.text):
            held[(person, body)][f"{body} {last}"].append(index)
    out: list[Conflict] = []
    for (person, _), by_form in sorted(held.items()):
        topic = f"body whose office {person} holds"
        forms = {form: list(indices) for form, indices in by_form.items()}
        out += two_forms_conflict(story_id, topic, forms, statements, mentions=True, basis="name")
    return out
