"""Names that outlets spell differently: "Kendal Pinkerton" in one, "Kendall Pinkerton" in another.

Two names of one story that share one word and differ in the other by a slip of spelling (an
edit or two, same first letter, neither a shortening of the other: "Steve" / "Steven" is a
nickname, not a slip) name one person or place, and two independent voices that each write only
one of the forms disagree on how it is written. A fact-checker needs to know which spelling to
verify. The rules say less whenever they can:
- both forms are capitalised words that the story never writes in lower case (a word, not a
  name: "March" / "Match");
- no voice writes both forms (an outlet that spells a name two ways disagrees with itself, and
  that is no dispute between outlets).
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Sequence

from rapidfuzz.distance import OSA

from newsweave.align.conflict_base import ConflictConfig, Statement, make_conflict
from newsweave.ids import content_id
from newsweave.model import Conflict, ConflictValue

__all__ = ["name_conflicts", "spelling_slip"]

# Two capitalised words in a row ("Kendal Pinkerton", "Bell's Ferry"); a possessive "'s" is
# dropped so "Powell's" and "Powell" are one word.
# A word may be a prefixed name with a second capital ("DeShawn", "McFarlane", "LaSalle"), which
# outlets also write in lower case after the prefix ("Deshawn Beddles" / "DeShawn Beedles", GVC
# 358286): the shared word is then compared case-blind.
_WORD_OF_NAME = r"(?:[A-Z][a-z]{1,2}[A-Z][a-z]{2,}|[A-Z][a-z]{2,})(?:['’][a-z]{2,})?"
_NAME = re.compile(rf"\b({_WORD_OF_NAME})\s+({_WORD_OF_NAME})\b")
# A middle initial between a given name and a surname ("Michael C. Melon") is left out, so the
# name is read as "Michael Melon" beside another outlet's "Michael Melton".
_MIDDLE_INITIAL = re.compile(r"(?<=[a-z]) [A-Z]\. (?=[A-Z][a-z])")
# A given name written alone after an age ("13-year-old Onesha, six-year-old Onya"): the age is
# the shared word that ties two spellings to one person (read on GVC 168844, "13-year-old
# Onesha" vs "13-year-old Omesha"); a name with a surname after it is `_NAME`'s.
_AGED_NAME = re.compile(r"\b(\d{1,3}-(?:year|month)-old) ([A-Z][a-z]{2,})\b(?!['’]|\s+[A-Z])")
_POSSESSIVE = re.compile(r"['’]s$")
# The name word right after (a given name's surname) or right before (a surname's given name) a
# form, when there is one.
_NEXT_WORD = re.compile(rf"\s+({_WORD_OF_NAME})\b")
_PREVIOUS_WORD = re.compile(rf"\b({_WORD_OF_NAME})\s+$")
_WORD = re.compile(r"[a-z]+(?:['’][a-z]+)?")
_DOUBLED = re.compile(r"([a-z])\1")


def name_conflicts(
    story_id: str, statements: Sequence[Statement], config: ConflictConfig
) -> list[Conflict]:
    """One conflict (basis "name") per name that independent voices spell two ways."""
    lower_words = {w for s in statements for w in _WORD.findall(s.evidence.text)}
    # (shared word, its position 0/1) -> form of the other word -> statement indices
    # The shared word is keyed case-blind ("DeShawn" / "Deshawn") and shown as first written.
    forms: dict[tuple[str, int], dict[str, list[int]]] = defaultdict(lambda: defaultdict(list))
    written: dict[str, str] = {}
    # Each sentence without its middle initials, once (`_voices_writing` reads them again for
    # the forms of every shared word; making them there each time was quadratic in a story).
    texts = [_MIDDLE_INITIAL.sub(" ", s.evidence.text) for s in statements]
    for index, statement in enumerate(statements):
        for match in _NAME.finditer(texts[index]):
            first, last = (_POSSESSIVE.sub("", w) for w in match.groups())
            forms[(written.setdefault(last.casefold(), last), 1)][first].append(index)
            forms[(written.setdefault(first.casefold(), first), 0)][last].append(index)
        for match in _AGED_NAME.finditer(statement.evidence.text):
            forms[(match[1], 0)][match[2]].append(index)
    out: list[Conflict] = []
    for (shared, position), by_form in sorted(forms.items()):
        if shared.lower() in lower_words:
            continue  # "Police Chief": the shared word is a word of the language here
        # Read only for the forms of a slip pair (most forms have none).
        voices_of: dict[str, set[str]] = {}
        names = sorted(by_form)
        for i, a in enumerate(names):
            for b in names[i + 1 :]:
                if not config.max_name_edits or not spelling_slip(a, b, config.max_name_edits):
                    continue
                if a.lower() in lower_words or b.lower() in lower_words:
                    continue
                for form in (a, b):
                    if form not in voices_of:
                        voices_of[form] = _voices_writing(form, statements, texts, shared, position)
                if voices_of[a] & voices_of[b]:
                    continue  # a voice writes both: no dispute between outlets
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


def _voices_writing(
    form: str, statements: Sequence[Statement], texts: Sequence[str], shared: str, position: int
) -> set[str]:
    """The voices that write `form` alone or in this name ("Ezequiel's aunt"), not as part of
    another person's full name: "John McNutt" beside "Jon Owen" is two men, and says nothing
    of how the outlet spells Owen's given name (ECB+ 13_ecbplus, read for split fresh13).
    `texts[i]` is statement i's text without middle initials."""
    word = re.compile(rf"\b{re.escape(form)}\b")
    out = set()
    for statement, text in zip(statements, texts, strict=True):
        if statement.voice in out or form not in text:
            continue  # a match needs the form's letters; a voice found once is found
        for match in word.finditer(text):
            if position == 1:
                other = _NEXT_WORD.match(text, match.end())
            else:
                other = _PREVIOUS_WORD.search(text, 0, match.start())
            if other is None or _POSSESSIVE.sub("", other[1]).casefold() == shared.casefold():
                out.add(statement.voice)
                break
    return out


def spelling_slip(a: str, b: str, max_edits: int) -> bool:
    """Whether two words are one word misspelt: same first letter, at most `max_edits` edits
    (and at most a quarter of the longer word), neither a shortening of the other."""
    a, b = a.lower(), b.lower()
    if a == b or a[0] != b[0]:
        return False
    if (a.startswith(b) or b.startswith(a)) and _undoubled(a) != _undoubled(b):
        return False  # "Steve" / "Steven", "Dan" / "Daniel"; not "Kendal" / "Kendall"
    if min(len(a), len(b)) < 3 or (min(len(a), len(b)) == 3 and len(a) + len(b) != 7):
        # A three-letter word is a slip only of a four-letter one with one letter put in
        # ("Jon" / "John", ECB+ 13_ecbplus): two three-letter names one letter apart ("Tim" /
        # "Tom") are two names. Read on every ECB+/GVC story: that pair is the one it adds.
        return False
    # Two letters swapped is one slip ("Partick" / "Patrick", GVC 302749): optimal string
    # alignment counts a transposition once. Read on every ECB+/GVC story (sentences of two
    # sites): it adds no spelling between two outlets there, only within one outlet's days.
    edits = OSA.distance(a, b)
    return edits <= max_edits and edits <= max(len(a), len(b)) / 4


def _undoubled(word: str) -> str:
    """The word with doubled letters written once ("kendall" -> "kendal")."""
    return _DOUBLED.sub(r"\1", word)


def _name_conflict(
    story_id: str,
    *,
    shared: str,
    position: int,
    pair: set[str],
    by_form: dict[str, list[int]],
    statements: Sequence[Statement],
) -> Conflict:
    values = []
    for form in sorted(pair):
        written = f"{form} {shared}" if position == 1 else f"{shared} {form}"
        evidence = sorted(
            {statements[i].evidence for i in by_form[form]}, key=lambda e: (e.article_id, e.span)
        )
        values.append(ConflictValue(value=written, evidence=tuple(evidence)))
    topic = "spelling of a name"
    conflict_id = content_id("x", story_id, "conflict", topic, *(v.value for v in values))
    return make_conflict(conflict_id, story_id, topic, tuple(values), kind="conflict", basis="name")
