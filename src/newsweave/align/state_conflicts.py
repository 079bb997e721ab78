"""Typed comparison on the parse: outlets that disagree on who died or what someone is charged with.

Some disagreements are not figures nor a word in a fixed slot but who the statement is about:
"A 5-year-old boy who was shot in the face ... has died" against "The boy, believed to be 5 years
old, remained on life support"; "An allegedly intoxicated driver ... has been charged in her
murder" against "A driver has been charged with DWI and criminally negligent homicide". A
pattern cannot tell whose state or whose charge a sentence gives; the dependency parse can (the
subject of "died", of "remained on life support", of "was charged"). The parse is the one the
same-statement check caches (`align.statement.parsed_words`); without spaCy nothing is compared.

Two slots are read, each a value of one person (the anchor: an age or a name the subject states):
- "state": dead ("died", "was killed", "pronounced dead", "succumbed") or alive ("on life
  support", "in critical condition", "survived"), neither negated nor hedged ("could have died");
- "charge": the homicide charge a defendant faces: murder, manslaughter or negligent homicide
  ("attempted murder" is another victim's charge and is not read).
A conflict is reported, in the style of `align.slot_conflicts`, only when all of these hold:
- two independent voices, each sentence giving the person exactly one value of the slot;
- the two subjects share an age or a name (a story has several victims and suspects);
- no voice writes both values of the slot anywhere in the story ("was in critical condition and
  died later", a second suspect charged otherwise: the outlet tells of two moments or people);
- the sentences are close in meaning (embedding cosine >= `ConflictConfig.slot_min_cosine`);
- time: a person reported alive on a day before another outlet reports the death is an update,
  not a dispute, so "alive" must be published on the day of "dead" or later; charges change
  over days (upgraded, reduced), so two charges must be published on one day (or both undated).
"""

from __future__ import annotations

import functools
import re
from collections import defaultdict
from collections.abc import Callable, Sequence
from collections.abc import Set as AbstractSet
from dataclasses import dataclass

from newsweave.align.conflict_base import ConflictConfig, Statement, make_conflict
from newsweave.align.per_text import READER_CACHE_ENTRIES
from newsweave.align.statement import ParsedWord, Parser, default_parser, parse_ahead, parsed_words
from newsweave.ids import content_id
from newsweave.model import Conflict, ConflictValue

__all__ = ["STATE_BASES", "PersonSlot", "read_person_slots", "state_conflicts"]

Cosine = Callable[[int, int], float]

STATE_BASES = ("state", "charge", "role")

# Sentences worth parsing: a death, a survivor's condition, a charge (the parse is the cost).
_CUE = re.compile(
    r"\b(?:died|dies|dead|succumbed|killed|life support|condition|survived|charged|charges?|"
    r"accused|director|manager|president|chairman|chairwoman|officer|supervisor|coordinator|"
    r"principal|superintendent|coach|editor|pastor|secretary|treasurer|counsel|chief)\b",
    re.IGNORECASE,
)
# "5-year-old", "5 years old" (also as tokens joined by spaces: "5 - year - old"), "Smith, 68,".
_AGE = re.compile(r"\b(\d{1,3}) ?[- ] ?years? ?[- ] ?old\b|,\s*(\d{1,3})\s*(?:,|$)", re.IGNORECASE)
_DEATH_VERBS = frozenset({"died", "dies", "succumbed"})
_ALIVE_CONDITIONS = frozenset({"critical", "serious", "stable", "fair", "good", "grave"})
# A hedge or a negation on the verb: the sentence states no state ("could have died").
_HEDGES = frozenset({"could", "would", "might", "may", "should", "not", "n't", "never"})
_RELATIVE = frozenset({"who", "that", "which", "whom"})
_SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass"})

_MURDER = re.compile(r"(?<!attempted )(?<!attempted first-degree )\bmurder(?:ing|ed)?\b", re.I)
_MANSLAUGHTER = re.compile(r"\bmanslaughter\b", re.IGNORECASE)
_NEGLIGENT = re.compile(r"\b(?:negligent|reckless|vehicular)\s+homicide\b", re.IGNORECASE)
_CHARGE_WORDS = frozenset({"charged", "charge", "charges", "accused"})
# Heads of job titles ("the assistant director of Busy Bee Playhouse").
_TITLE_HEADS = frozenset(
    """director manager president chairman chairwoman officer supervisor coordinator principal
    superintendent coach editor pastor secretary treasurer counsel chief""".split()  # noqa: SIM905
)
# Verbs a title follows with "as" ("worked as the assistant director").
_AS_VERBS = frozenset("worked works served serves employed hired named appointed".split())  # noqa: SIM905


@dataclass(frozen=True, slots=True)
class PersonSlot:
    """One person's value of a slot in a sentence: the slot kind, who (ages and names the
    subject states), the value, and the words that say it."""

    kind: str
    ages: frozenset[str]
    names: frozenset[str]
    value: str
    words: str
    # The person's name as the sentence writes it ("Shawna Smith"), "" when only an age.
    name: str = ""
    # Where a title is held (the organisation's names); empty for other kinds.
    place: frozenset[str] = frozenset()


def _subtree(words: Sequence[ParsedWord], root: int) -> list[int]:
    """Indices of the tokens under `root` (itself included), in sentence order."""
    out = []
    for i in range(len(words)):
        j, seen = i, 0
        while j != root and words[j].head != j and seen < len(words):
            j, seen = words[j].head, seen + 1
        if j == root:
            out.append(i)
    return out


def _children(words: Sequence[ParsedWord], head: int) -> list[int]:
    return [i for i, w in enumerate(words) if w.head == head and i != head]


def _hedged(words: Sequence[ParsedWord], verb: int) -> bool:
    """Whether the verb (or the verb it hangs from) is negated or under a modal."""
    for v in {verb, words[verb].head}:
        if any(words[c].text.lower() in _HEDGES for c in _children(words, v)):
            return True
    return False


def _subject(words: Sequence[ParsedWord], verb: int) -> int | None:
    """The subject token of a verb; a relative pronoun stands for the noun it modifies, a verb
    joined to another ("was shot and died") shares its subject."""
    for _ in range(3):
        subjects = [c for c in _children(words, verb) if words[c].dep in _SUBJECT_DEPS]
        if subjects:
            subject = subjects[0]
            if words[subject].text.lower() in _RELATIVE and words[verb].dep == "relcl":
                return words[verb].head
            return subject
        if words[verb].dep in ("conj", "xcomp") and words[verb].head != verb:
            verb = words[verb].head
        else:
            return None
    return None


# Words of a subject that describe the person themself (not a relative clause's other people,
# not "in Harris County", not whose father).
_CORE_DEPS = frozenset({"compound", "appos", "flat", "amod", "nummod", "det", "punct", "npadvmod"})
_OTHER_PEOPLE_DEPS = frozenset({"relcl", "prep", "poss", "acl"})
# Common nouns that name one person (a fallback anchor reads the sentence's one age for them).
_PERSON_NOUNS = frozenset(
    "boy girl man woman child toddler teen teenager victim baby infant son daughter".split()  # noqa: SIM905
)


def _who(
    text: str, words: Sequence[ParsedWord], subject: int, lower_words: AbstractSet[str]
) -> tuple[frozenset[str], frozenset[str]]:
    """The ages and names a subject states ("A 5-year-old boy", "Walter Meisenheimer, 68"):
    names of its own words, ages of its words but relative clauses, phrases and possessives.
    A person noun whose age the parse hangs elsewhere ("The boy, believed to be 5 years old,")
    takes the sentence's age when the sentence states one only."""
    core, todo = {subject}, [subject]
    while todo:
        for child in _children(words, todo.pop()):
            if words[child].dep in _CORE_DEPS and child not in core:
                core.add(child)
                todo.append(child)
    names = frozenset(
        words[i].text
        for i in core
        if _part_of_name(words, i, subject)
        and words[i].text[:1].isupper()
        and words[i].text.lower() not in lower_words
    )
    left_out = {
        i
        for c in _subtree(words, subject)
        if c != subject and words[c].dep in _OTHER_PEOPLE_DEPS and words[c].head != c
        for i in _subtree(words, c)
    }
    own = [i for i in _subtree(words, subject) if i not in left_out]
    phrase = " ".join(words[i].text for i in own)
    ages = _ages(phrase)
    if not ages and words[subject].text.lower() in _PERSON_NOUNS:
        every = _ages(text)
        ages = every if len(every) == 1 else frozenset()
    return ages, names


def _part_of_name(words: Sequence[ParsedWord], i: int, subject: int) -> bool:
    """Whether token i is part of the subject's own name: proper nouns all the way up to a
    proper-noun subject or to an apposition ("the boy, Ryan Welch,"); not the place in "A
    3-year-old Lenawee County boy"."""
    while i != subject:
        if words[i].pos != "PROPN":
            return False
        if words[i].dep == "appos" and words[i].head == subject:
            return True
        i = words[i].head
    return words[subject].pos == "PROPN"


def _named(words: Sequence[ParsedWord], names: frozenset[str]) -> str:
    """The name words in sentence order ("Walter Meisenheimer")."""
    return " ".join(w.text for w in words if w.text in names)


def _ages(text: str) -> frozenset[str]:
    return frozenset(a or b for a, b in _AGE.findall(text))


def _state_at(words: Sequence[ParsedWord], i: int) -> tuple[int | None, str, str] | None:
    """(the verb, "dead" or "alive", the words that say it) when token i states a person's
    state, else None."""
    lower = words[i].text.lower()

    # The token's dependents are read only for the words that ask (`_children` scans the whole
    # sentence, and this runs for every token: 2.6 of 67.5 profiled s of claim alignment, the
    # ten-odd biggest stories of a 10,000-article +1 % step, session 20).
    def passive() -> bool:
        return any(words[c].dep == "auxpass" for c in _children(words, i))

    if lower in _DEATH_VERBS and words[i].pos in ("VERB", "AUX"):
        return i, "dead", lower
    if lower == "killed" and passive():
        return i, "dead", lower
    if lower == "dead" and words[words[i].head].text.lower() == "pronounced":
        return words[i].head, "dead", "pronounced dead"
    if lower == "support" and i and words[i - 1].text.lower() == "life":
        return _verb_of_prep(words, i), "alive", "on life support"
    if lower == "condition":
        conditions = [
            words[c].text.lower()
            for c in _children(words, i)
            if words[c].text.lower() in _ALIVE_CONDITIONS
        ]
        if conditions:
            return _verb_of_prep(words, i), "alive", f"in {conditions[0]} condition"
    if lower == "survived" and not passive():  # not "he is survived by his wife"
        return i, "alive", lower
    return None


def _state_slots(
    text: str, words: Sequence[ParsedWord], lower_words: AbstractSet[str]
) -> list[PersonSlot]:
    found = []
    for i in range(len(words)):
        state = _state_at(words, i)
        if state is None:
            continue
        verb, value, phrase = state
        slot = _person_slot(
            "state", value, phrase, verb, text=text, words=words, lower_words=lower_words
        )
        if slot is not None:
            found.append(slot)
    return found


def _person_slot(
    kind: str,
    value: str,
    phrase: str,
    verb: int | None,
    *,
    text: str,
    words: Sequence[ParsedWord],
    lower_words: AbstractSet[str],
) -> PersonSlot | None:
    """The slot a plainly stated (unhedged) verb fills for the person its subject names by an
    age or a name; None when the subject names no one."""
    if verb is None or _hedged(words, verb):
        return None
    subject = _subject(words, verb)
    if subject is None:
        return None
    ages, names = _who(text, words, subject, lower_words)
    if not (ages or names):
        return None
    return PersonSlot(kind, ages, names, value, phrase, _named(words, names))


def _verb_of_prep(words: Sequence[ParsedWord], noun: int) -> int | None:
    """The verb a prepositional phrase hangs from ("remained [on [life support]]")."""
    prep = words[noun].head
    if words[prep].dep != "prep":
        return None
    head = words[prep].head
    return head if words[head].pos in ("VERB", "AUX") else None


def _charge_slots(
    text: str, words: Sequence[ParsedWord], lower_words: AbstractSet[str]
) -> list[PersonSlot]:
    found = []
    for i, word in enumerate(words):
        if word.text.lower() not in _CHARGE_WORDS:
            continue
        verb = i if word.pos in ("VERB", "AUX") else word.head
        span = _subtree(words, i)
        phrase = text[words[span[0]].start : words[span[-1]].start + len(words[span[-1]].text)]
        values = {
            name
            for name, pattern in (
                ("murder", _MURDER),
                ("manslaughter", _MANSLAUGHTER),
                ("negligent homicide", _NEGLIGENT),
            )
            if pattern.search(phrase)
        }
        if len(values) != 1:
            continue
        slot = _person_slot(
            "charge", values.pop(), word.text, verb, text=text, words=words, lower_words=lower_words
        )
        if slot is not None:
            found.append(slot)
    return found


def _role_slots(
    text: str, words: Sequence[ParsedWord], lower_words: AbstractSet[str]
) -> list[PersonSlot]:
    """A named person's job title at a named organisation: "Shawna Smith was the assistant
    manager of the Busy Bee Playhouse", "... worked as the assistant director at Busy Bee
    Playhouse", "John Doe, the president of Acme Corp,". The value is the title with its
    modifiers; the organisation's names join the anchor (the same title word is another job at
    another place)."""
    found = []
    for i, word in enumerate(words):
        if word.pos != "NOUN" or word.text.lower() not in _TITLE_HEADS:
            continue
        person = _title_holder(words, i)
        if person is None:
            continue
        _, names = _who(text, words, person, lower_words)
        org = frozenset(
            words[k].text
            for c in _children(words, i)
            if words[c].dep == "prep" and words[c].text.lower() in ("of", "at")
            for k in _subtree(words, c)
            if words[k].pos == "PROPN" and words[k].text.lower() not in lower_words
        )
        if len(names) < 2 or not org:
            continue
        # The title's words right before its head ("assistant manager"; not "an ecologist and
        # executive director", whose "ecologist" is a job of its own).
        start = i
        while start and words[start - 1].head == i and words[start - 1].dep in ("amod", "compound"):
            start -= 1
        title = " ".join(w.text.lower() for w in words[start : i + 1])
        found.append(
            PersonSlot("role", frozenset(), names, title, title, _named(words, names), org)
        )
    return found


def _title_holder(words: Sequence[ParsedWord], title: int) -> int | None:
    """The proper-noun subject that holds a title: of "was the TITLE", of "worked as the
    TITLE", or the name a "NAME, the TITLE," apposition hangs from."""
    dep, head = words[title].dep, words[title].head
    holder: int | None = None
    if dep == "attr" and words[head].text.lower() in ("is", "was"):
        holder = _subject(words, head)
    elif dep == "pobj" and words[head].text.lower() == "as":
        verb = words[head].head
        if words[verb].text.lower() in _AS_VERBS:
            holder = _subject(words, verb)
    elif dep == "appos":
        holder = head
    if holder is None or words[holder].pos != "PROPN":
        return None
    return holder


def read_person_slots(text: str, parser: Parser, lower_words: AbstractSet[str]) -> list[PersonSlot]:
    """The state, charge and role slots a sentence fills (none when it has no cue word).

    The story's lower-case words (`lower_words`) are read only as spellings of the sentence's
    own tokens, so the slots are a function of the text, its parse and those of its tokens'
    lower-cased forms the story has: kept per process by them (`find_conflicts` reads a story
    whole and again per voice, `revisions`)."""
    if not _CUE.search(text):
        return []
    words = parsed_words(parser, text)
    own = frozenset(w.text.lower() for w in words) & lower_words
    return list(_person_slots(text, words, own))


@functools.lru_cache(maxsize=READER_CACHE_ENTRIES)
def _person_slots(
    text: str, words: tuple[ParsedWord, ...], lower_words: frozenset[str]
) -> tuple[PersonSlot, ...]:
    return (
        *_state_slots(text, words, lower_words),
        *_charge_slots(text, words, lower_words),
        *_role_slots(text, words, lower_words),
    )


def _same_person(a: PersonSlot, b: PersonSlot) -> bool:
    if a.kind == "role":
        # One full name (every name word the shorter one gives) at one organisation.
        shorter, longer = sorted((a.names, b.names), key=len)
        return shorter <= longer and bool(a.place & b.place)
    return bool(a.ages & b.ages or a.names & b.names)


def _titles_apart(a: str, b: str) -> bool:
    """Two titles of one length that differ in one word ("assistant director" / "assistant
    manager"): a less precise title ("director" / "executive director") or two whole titles
    ("president" / "chairman", which one person can hold at once) are not read as a dispute."""
    words_a, words_b = a.split(), b.split()
    return (
        len(words_a) == len(words_b) > 1
        and sum(x != y for x, y in zip(words_a, words_b, strict=True)) == 1
    )


def _in_time(kind: str, first: Statement, second: Statement, value_first: str) -> bool:
    """Whether two dated statements can dispute the slot (see the module docstring)."""
    if kind == "role":
        return True
    if kind == "charge":
        return first.day == second.day
    dead, alive = (first, second) if value_first == "dead" else (second, first)
    if not dead.day or not alive.day:
        return dead.day == alive.day  # both undated
    return alive.day >= dead.day


_LOWER = re.compile(r"\b[a-z]{3,}\b")


def state_conflicts(
    story_id: str,
    statements: Sequence[Statement],
    cosine: Cosine,
    config: ConflictConfig,
    parser: Parser | None = None,
) -> list[Conflict]:
    """One conflict per slot kind and person whose state or charge independent voices give two
    ways (see the module docstring); [] without a parser."""
    if config.slot_min_cosine > 1.0:
        return []
    parser = parser or default_parser()
    if parser is None:
        return []
    lower_words = {w for s in statements for w in _LOWER.findall(s.evidence.text)}
    texts = [s.evidence.text for s in statements]
    parse_ahead(parser, [t for t in dict.fromkeys(texts) if _CUE.search(t)])
    slots = [read_person_slots(t, parser, lower_words) for t in texts]
    # One value per person per sentence: a sentence giving one person two values says nothing.
    single: list[tuple[int, PersonSlot]] = []
    for index, found in enumerate(slots):
        for slot in found:
            others = [o for o in found if o.kind == slot.kind and _same_person(o, slot)]
            if len({o.value for o in others}) == 1:
                single.append((index, slot))
    out: list[Conflict] = []
    for kind in STATE_BASES:
        members = [(i, s) for i, s in single if s.kind == kind]
        sides: dict[str, set[int]] = defaultdict(set)
        shown: dict[str, set[str]] = defaultdict(set)
        who = ""
        for x, (i, a) in enumerate(members):
            for j, b in members[x + 1 :]:
                first, second = statements[i], statements[j]
                if a.value == b.value or first.voice == second.voice:
                    continue
                if kind == "role" and not _titles_apart(a.value, b.value):
                    continue
                voices = {first.voice, second.voice}
                if not _same_person(a, b) or _torn(
                    kind=kind, a=a, b=b, single=single, statements=statements, voices=voices
                ):
                    continue
                if not _in_time(kind, first, second, a.value):
                    continue
                if cosine(i, j) < config.slot_min_cosine:
                    continue
                sides[a.value].add(i)
                sides[b.value].add(j)
                who = who or _person_words(a, b)
                shown[a.value].add(a.words.lower())
                shown[b.value].add(b.words.lower())
        if len(sides) >= 2:
            topic = _TOPIC[kind].format(who=who)
            out.append(
                _state_conflict(
                    story_id,
                    kind=kind,
                    topic=topic,
                    sides=sides,
                    shown=shown,
                    statements=statements,
                )
            )
    return out


def _torn(
    *,
    kind: str,
    a: PersonSlot,
    b: PersonSlot,
    single: Sequence[tuple[int, PersonSlot]],
    statements: Sequence[Statement],
    voices: set[str],
) -> bool:
    """Whether a voice of the pair writes both values for this person somewhere in the story."""
    values_of: dict[str, set[str]] = defaultdict(set)
    for index, slot in single:
        voice = statements[index].voice
        if (
            voice in voices
            and slot.kind == kind
            and (_same_person(slot, a) or _same_person(slot, b))
        ):
            values_of[voice].add(slot.value)
    return any(len(v) > 1 for v in values_of.values())


# Topics read after "Outlets differ on the ..." (the brief's template).
_TOPIC = {"state": "state of {who}", "charge": "charge against {who}", "role": "job title of {who}"}


def _person_words(a: PersonSlot, b: PersonSlot) -> str:
    """Who two slots are both about, in words: the shared name, else "the 5-year-old"."""
    if a.names & b.names:
        shorter = min((a, b), key=lambda s: len(s.names))
        return shorter.name
    return f"the {min(a.ages & b.ages)}-year-old"


def _state_conflict(
    story_id: str,
    *,
    kind: str,
    topic: str,
    sides: dict[str, set[int]],
    shown: dict[str, set[str]],
    statements: Sequence[Statement],
) -> Conflict:
    values = []
    for value in sorted(sides):
        evidence = sorted(
            {statements[i].evidence for i in sides[value]}, key=lambda e: (e.article_id, e.span)
        )
        # The words as written ("died", "on life support"); a charge or a title is its value.
        label = " / ".join(sorted(shown[value])) if kind == "state" else value
        values.append(ConflictValue(value=label, evidence=tuple(evidence)))
    conflict_id = content_id("x", story_id, "conflict", topic, *(v.value for v in values))
    return make_conflict(conflict_id, story_id, topic, tuple(values), kind="conflict", basis=kind)
