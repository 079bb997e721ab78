"""Typed comparison of statements about one happening: outlets that fill one slot two ways.

A fact-checker sees more disagreements than figures: "shot in the shoulder" vs "wound to the
chest", "an 11-year-old girl" vs "an 11-year-old boy", "Saturday night" vs "Saturday
afternoon", "approved in 2009" vs "in 2010", a ".22-caliber" vs a ".40-caliber" pistol. Each
rule here reads one slot of a sentence with a small pattern (no parse) and reports a conflict
(its `basis` names the slot) only when all of these hold, so that it says less whenever it can:
- two independent voices (`Statement.voice`: reprints and rewrites of one text are one voice);
- each of the two sentences fills the slot with exactly one value, and the values are
  incompatible (a face is part of the head; an evening is not far from a night);
- the slot is anchored to one thing where a story can hold several: the victim's age for their
  sex, the weekday for the part of the day; and no voice of the pair writes the other value of
  that slot anywhere in the story (an outlet naming two wounds or two guns is telling of two
  things, not disagreeing; years aside, which an outlet writes for many things);
- a wound is of one victim: both sentences state the same age or name;
- a sentence in the first person (a quote, a witness's impression) fills no slot;
- the two sentences are about one thing: their embedding cosine reaches
  `ConflictConfig.slot_min_cosine` (and, for a year, which news mentions for many things, the
  rest of their words must be nearly the same: `ConflictConfig.slot_year_overlap`); two parts
  of one weekday that both date one named happening ("a shooting Tuesday afternoon" /
  "Tuesday night's shooting") need only `ConflictConfig.slot_happening_min_cosine`.
A weekday alone is not a slot: read on 208 ECB+/GVC train stories, six of the seven pairs it
made were two happenings (a boy shot Tuesday, another Wednesday), a game's two days or an
article's own dateline.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from newsweave.align.conflict_base import (
    FIRST_PERSON,
    ConflictConfig,
    Statement,
    make_conflict,
)
from newsweave.align.per_text import kept_per_text
from newsweave.align.similarity import text_features
from newsweave.ids import content_id
from newsweave.model import Conflict, ConflictValue

__all__ = ["SLOT_BASES", "Slot", "read_slots", "slot_conflicts"]

Cosine = Callable[[int, int], float]

_NUMBER_WORDS = {
    w: str(n)
    for n, w in enumerate(
        [
            "zero",
            "one",
            "two",
            "three",
            "four",
            "five",
            "six",
            "seven",
            "eight",
            "nine",
            "ten",
            "eleven",
            "twelve",
            "thirteen",
            "fourteen",
            "fifteen",
            "sixteen",
            "seventeen",
            "eighteen",
            "nineteen",
            "twenty",
        ]
    )
}
_AGE = r"(\d{1,3}|" + "|".join(_NUMBER_WORDS) + r")"

# "an 11-year-old girl", "the 2-year-old boy", "a 35-year-old woman".
_AGE_SEX = re.compile(
    _AGE + r"[- ]years?[- ]old\s+(boy|girl|man|woman|son|daughter|brother|sister)\b",
    re.IGNORECASE,
)
_MALE = {"boy", "man", "son", "brother"}

# "shot in the right shoulder", "a gunshot wound to the chest", "struck in the head"; not "shot
# in the back of the head" (the head).
_WOUND = re.compile(
    r"\b(?:shot|wounds?|struck|hit)\s+(?:to|in)\s+(?:the|his|her)\s+"
    r"(?:(?:upper|lower|left|right)\s+)?"
    r"(head|face|eye|jaw|neck|chest|abdomen|stomach|torso|back|shoulder|arm|hand|leg|thigh|"
    r"knee|foot|hip|buttocks|groin)\b(?!\s+of\b)",
    re.IGNORECASE,
)
# Body parts that one wound can be called by (a face is a part of the head): a conflict needs
# two regions, not two names of one.
_REGION = {
    "head": "head",
    "face": "head",
    "eye": "head",
    "jaw": "head",
    "neck": "neck",
    "chest": "torso",
    "abdomen": "torso",
    "stomach": "torso",
    "torso": "torso",
    "back": "torso",
    "shoulder": "shoulder",
    "arm": "arm",
    "hand": "arm",
    "leg": "leg",
    "thigh": "leg",
    "knee": "leg",
    "foot": "leg",
    "hip": "hip",
    "buttocks": "hip",
    "groin": "hip",
}

_WEEKDAY = r"(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
_PART = r"(morning|afternoon|evening|night)"
# "Saturday night", "on Saturday afternoon"; "Saturday late night" is not read (say less).
_DAY_PART = re.compile(r"\b" + _WEEKDAY + r"\s+" + _PART + r"\b")
# A telling right before a weekday ("said Saturday night", "told reporters Friday night").
_TOLD = re.compile(
    r"\b(?:said|says|told(?: \w+)?|announced|reported|confirmed|added|stated)(?: on)? $"
)
# Parts of the day in order; neighbours (afternoon / evening, evening / night) can name one
# moment (5.35 p.m. is told both ways), so only parts two apart disagree.
_PART_ORDER = {"morning": 0, "afternoon": 1, "evening": 2, "night": 3}

# A year a past fact is dated to: "in 2009", "since 2010".
_YEAR = re.compile(r"\b(?:in|since|of)\s+((?:19|20)\d{2})\b(?!\s*(?:%|percent|people|votes))")
_ANY_YEAR = re.compile(r"\b(?:19|20)\d{2}\b")

# ".22-caliber", ".40 calibre", "9mm", "9 mm"; not "$20MM" (millions).
_CALIBRE = re.compile(
    r"(?<![\w.])\.(\d{2,3})[- ]?(?i:caliber|calibre)\b|(?<![$\w.])(\d{1,2}(?:\.\d)?)\s?mm\b"
)

# The kind of gun: a handgun (pistol, revolver), a long gun (rifle, shotgun) or an air gun
# ("BB gun", "pellet pistol": read before the word "pistol" inside it).
_GUN = re.compile(
    r"\b(?:(?:BB|pellet|airsoft)[- ](?:gun|pistol|rifle)|"
    r"(handgun|pistol|revolver|rifle|shotgun|carbine|AR-15))s?\b",
    re.IGNORECASE,
)
_GUN_CLASS = {
    "handgun": "handgun",
    "pistol": "handgun",
    "revolver": "handgun",
    "rifle": "rifle",
    "carbine": "rifle",
    "ar-15": "rifle",
    "shotgun": "shotgun",
}

# Words that name a happening, by the happening they name. A part of the day with one of them
# close by dates that happening ("after a shooting Tuesday afternoon"); "fired" (from a job),
# "died" and "found" are left out: a victim shot in the afternoon may die or be found at night.
_HAPPENING_WORDS = {
    "shoot": ("shot", "shoot", "shooting", "shootings", "gunned", "gunfire"),
    "kill": ("killed", "killing", "slain", "slaying", "murdered"),
    "stab": ("stabbed", "stabbing"),
    "fire": ("fire", "blaze", "burned", "burning"),
    "crash": ("crash", "crashed", "collision", "collided"),
    "explode": ("explosion", "exploded", "blast"),
    "quake": ("quake", "earthquake", "tremor"),
    "arrest": ("arrested", "arrest"),
    "rob": ("robbed", "robbery", "heist"),
}
_HAPPENING_OF = {word: kind for kind, words in _HAPPENING_WORDS.items() for word in words}
_WORD = re.compile(r"[a-z]+")
# Words either side of a part of the day in which a happening word dates that happening.
_HAPPENING_REACH = 8

SLOT_BASES = ("sex", "wound", "time", "date", "weapon")


@dataclass(frozen=True, slots=True)
class Slot:
    """One slot a sentence fills: its kind (the conflict basis), what it is anchored to (the
    victim's age, the weekday; "" when the story has one), its value and the words that hold
    it (left out when the rest of two sentences is compared)."""

    kind: str
    anchor: str
    value: str
    words: str
    # What happened at that time, as the words beside a part of the day name it ("a shooting
    # Tuesday afternoon", "Tuesday night's shooting": {"shoot"}); empty for other slots.
    happenings: frozenset[str] = frozenset()


_AGE_WORDS = re.compile(_AGE + r"[- ]years?[- ]old\b", re.IGNORECASE)
# A capitalised word after another word: a name, unless the story writes it in lower case.
_INNER_CAPITAL = re.compile(r"(?<=[a-z,] )[A-Z][a-z]{2,}\b")
_LOWER = re.compile(r"\b[a-z]{3,}\b")


@kept_per_text
def read_slots(text: str) -> list[Slot]:
    """Every slot a sentence fills, by the patterns above (none in the first person)."""
    found: list[Slot] = []
    if FIRST_PERSON.search(text):
        return found
    for match in _AGE_SEX.finditer(text):
        age = _NUMBER_WORDS.get(match.group(1).lower(), match.group(1))
        sex = "male" if match.group(2).lower() in _MALE else "female"
        found.append(Slot("sex", age, sex, match.group(2)))
    for match in _WOUND.finditer(text):
        part = match.group(1).lower()
        found.append(Slot("wound", "", _REGION[part], part))
    for match in _DAY_PART.finditer(text):
        if _TOLD.search(text, max(0, match.start() - 30), match.start()):
            continue  # "Waldie told reporters Friday night": when it was told, not happened
        found.append(
            Slot(
                "time",
                match.group(1),
                match.group(2).lower(),
                match.group(2),
                _happenings_beside(text, match.start(), match.end()),
            )
        )
    for match in _YEAR.finditer(text):
        found.append(Slot("date", "", match.group(1), match.group(1)))
    for match in _CALIBRE.finditer(text):
        value = f".{match.group(1)} caliber" if match.group(1) else f"{match.group(2)}mm"
        found.append(Slot("weapon", "calibre", value, match.group(0)))
    for match in _GUN.finditer(text):
        gun = _GUN_CLASS[match.group(1).lower()] if match.group(1) else "air gun"
        found.append(Slot("weapon", "kind", gun, match.group(0)))
    return found


def _happenings_beside(text: str, start: int, end: int) -> frozenset[str]:
    """The happenings named within `_HAPPENING_REACH` words of text[start:end] (a weekday and
    its part of the day)."""
    before = _WORD.findall(text[:start].lower())[-_HAPPENING_REACH:]
    after = _WORD.findall(text[end:].lower())[:_HAPPENING_REACH]
    return frozenset(_HAPPENING_OF[w] for w in (*before, *after) if w in _HAPPENING_OF)


def _min_cosine(kind: str, a: Slot, b: Slot, config: ConflictConfig) -> float:
    """How close two sentences must be to compare their slots: for parts of one weekday that
    both date one named happening ("a shooting Tuesday afternoon" / "Tuesday night's
    shooting") less close, since the happening, not the cosine, says they tell of one thing."""
    if kind == "time" and a.happenings & b.happenings:
        return min(config.slot_min_cosine, config.slot_happening_min_cosine)
    return config.slot_min_cosine


def _compatible(kind: str, a: str, b: str) -> bool:
    if a == b:
        return True
    if kind == "time":
        return abs(_PART_ORDER[a] - _PART_ORDER[b]) < 2
    return False


_TOPIC = {
    "sex": "sex of the {anchor}-year-old",
    "wound": "place of the wound",
    "time": "time of day on {anchor}",
    "date": "year",
    "weapon": "{anchor} of gun",
}


def slot_conflicts(
    story_id: str,
    statements: Sequence[Statement],
    cosine: Cosine,
    config: ConflictConfig,
) -> list[Conflict]:
    """One conflict per slot (kind and anchor) that independent voices fill incompatibly."""
    if config.slot_min_cosine > 1.0:
        return []  # the rule is off
    slots = [read_slots(s.evidence.text) for s in statements]
    lower_words = {w for s in statements for w in _LOWER.findall(s.evidence.text)}
    # (kind, anchor) -> voice -> values that voice writes anywhere in the story
    written: dict[tuple[str, str], dict[str, set[str]]] = defaultdict(lambda: defaultdict(set))
    # (kind, anchor) -> statements filling it with exactly one value, and their slots of it
    single: dict[tuple[str, str], list[tuple[int, str]]] = defaultdict(list)
    held: dict[tuple[int, str, str], list[Slot]] = defaultdict(list)
    for index, found in enumerate(slots):
        by_key: dict[tuple[str, str], set[str]] = defaultdict(set)
        for slot in found:
            by_key[(slot.kind, slot.anchor)].add(slot.value)
            held[(index, slot.kind, slot.anchor)].append(slot)
        for key, values in by_key.items():
            written[key][statements[index].voice] |= values
            if len(values) == 1:
                single[key].append((index, next(iter(values))))
    out: list[Conflict] = []
    for key in sorted(single):
        kind, anchor = key
        members = single[key]
        if len({v for _, v in members}) < 2:
            continue
        # A voice that writes both values (or two incompatible ones) tells of two things; not
        # for a year, which an outlet writes for many things (there the rest of the two
        # sentences must be nearly the same instead).
        torn = (
            set()
            if kind == "date"
            else {
                voice
                for voice, values in written[key].items()
                if any(not _compatible(kind, value, other) for value in values for other in values)
            }
        )
        sides: dict[str, set[int]] = defaultdict(set)
        for x, (i, value_i) in enumerate(members):
            for j, value_j in members[x + 1 :]:
                voice_i, voice_j = statements[i].voice, statements[j].voice
                if voice_i == voice_j or _compatible(kind, value_i, value_j):
                    continue
                if voice_i in torn or voice_j in torn:
                    continue
                needed = max(
                    _min_cosine(kind, a, b, config)
                    for a in held[(i, kind, anchor)]
                    for b in held[(j, kind, anchor)]
                )
                if cosine(i, j) < needed:
                    continue
                if kind == "date" and not _same_words(statements[i], statements[j], config):
                    continue
                if kind == "wound" and not _one_subject(
                    statements[i].evidence.text, statements[j].evidence.text, lower_words
                ):
                    continue
                sides[value_i].add(i)
                sides[value_j].add(j)
        if len(sides) >= 2:
            out.append(
                _slot_conflict(
                    story_id,
                    kind=kind,
                    anchor=anchor,
                    sides=sides,
                    statements=statements,
                    slots=slots,
                )
            )
    return out


def _subjects(text: str, lower_words: set[str]) -> set[str]:
    """Who a sentence is about, as far as words tell: the ages it states and its names."""
    ages = {_NUMBER_WORDS.get(m.group(1).lower(), m.group(1)) for m in _AGE_WORDS.finditer(text)}
    names = {w for w in _INNER_CAPITAL.findall(text) if w.lower() not in lower_words}
    return ages | names


def _one_subject(a: str, b: str, lower_words: set[str]) -> bool:
    """Whether two sentences name one victim (a story can have several, each with a wound):
    the same age or the same name in both."""
    return bool(_subjects(a, lower_words) & _subjects(b, lower_words))


def _same_words(a: Statement, b: Statement, config: ConflictConfig) -> bool:
    """Whether two sentences say nearly the same words once their years are left out."""
    terms_a = text_features(_ANY_YEAR.sub(" ", a.evidence.text)).terms
    terms_b = text_features(_ANY_YEAR.sub(" ", b.evidence.text)).terms
    longer = max(len(terms_a), len(terms_b))
    return bool(longer) and len(terms_a & terms_b) / longer >= config.slot_year_overlap


def _slot_conflict(
    story_id: str,
    *,
    kind: str,
    anchor: str,
    sides: dict[str, set[int]],
    statements: Sequence[Statement],
    slots: Sequence[list[Slot]],
) -> Conflict:
    values = []
    for value in sorted(sides):
        indices = sorted(sides[value])
        # The value as a sentence writes it ("shoulder", not the region "shoulder"; "girl").
        shown = sorted(
            {
                s.words.lower()
                for i in indices
                for s in slots[i]
                if s.kind == kind and s.anchor == anchor and s.value == value
            }
        )
        label = " / ".join(shown) if kind in ("sex", "wound", "time") else value
        evidence = sorted(
            {statements[i].evidence for i in indices}, key=lambda e: (e.article_id, e.span)
        )
        values.append(ConflictValue(value=label, evidence=tuple(evidence)))
    topic = _TOPIC[kind].format(anchor=anchor)
    if kind == "date":
        # "year of: Voters in 2009 approved a $3 million bond ..." (as `claim_conflicts` names a
        # claim's date): a bare "year" says nothing of what is dated.
        first = min(i for indices in sides.values() for i in indices)
        topic = f"year of: {statements[first].evidence.text}"
    conflict_id = content_id("x", story_id, "conflict", topic, *(v.value for v in values))
    return make_conflict(conflict_id, story_id, topic, tuple(values), kind="conflict", basis=kind)
