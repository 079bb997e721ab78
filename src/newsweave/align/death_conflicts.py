"""How and where one named person died, told two ways: "Felt died of heart failure Thursday at
his home" vs "W. Mark Felt, Sr., ..., died yesterday from Alzheimer's disease at a hospice near
his home" (ECB+ 28_ecb, read on split fresh13 after its untouched run).

A person dies once, so the cause and the place of their death are one thing each; this rule
reads them in a narrow frame and says less whenever it can:
- the dead person is named as the subject of "died" / "passed away": the name right before the
  verb ("Felt died of ...") or the name that opens the sentence before an apposition ("W. Mark
  Felt, Sr., the number 2 man at the FBI ..., died ..."); a pronoun ("He died of ...") or a
  common noun ("the victim") names no one, and the person is known by their surname;
- the cause is written right after the verb, behind at most a few words of when or at what
  age ("died yesterday from", "died Thursday of", "died at 91 of"), and read by a small
  lexicon of causes (`_CAUSES`: a heart attack, heart failure and heart disease are one
  cause, as are cancer and its kinds); "complications of", "natural causes", injuries and
  anything the lexicon does not know say nothing, and so does a sentence naming two causes;
- the place is the first "at" / "in" phrase after the verb and before another clause
  ("after", "when", "while", ";"): at home, at a hospital, at a hospice, at the scene, on the
  way to a hospital; a hospital and a hospice can be one bed and agree;
- two independent voices hold the two forms, and no voice writes both anywhere in the story
  (two causes from one voice are a cause and its trigger, not a dispute).
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Sequence

from newsweave.align.conflict_base import FIRST_PERSON, Statement
from newsweave.align.place_conflicts import two_forms_conflict
from newsweave.model import Conflict

__all__ = ["death_conflicts", "deaths"]

_DEATH = re.compile(r"\b(?:died|passed away)\b")
# What may stand between the verb and "of"/"from": when, or at what age ("died yesterday
# from", "died Thursday of", "died on Friday of", "died at 91 of", "died at age 85 from").
_BETWEEN = re.compile(
    r"(?: (?:yesterday|today|overnight|early|late|last|this|on|at|age|the|"
    r"(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day|morning|afternoon|evening|night|week|"
    r"\d{1,3})){0,4} (?:of|from) "
)
# Causes of death by class: two names of one class are one cause.
_CAUSES = {
    "heart": (
        r"(?:a |an )?(?:apparent |massive |sudden )?(?:heart attack|heart failure|"
        r"congestive heart failure|heart disease|cardiac arrest|coronary artery disease|"
        r"heart ailment|heart condition)"
    ),
    "cancer": (r"(?:\w{1,20} )?(?:cancer|leukemia|lymphoma|melanoma|tumou?r)"),
    "dementia": r"(?:Alzheimer'?s?(?: disease)?|dementia)",
    "Parkinson's": r"Parkinson'?s?(?: disease)?",
    "stroke": r"(?:a |an )?(?:massive )?stroke",
    "pneumonia": r"pneumonia",
    "AIDS": r"(?:AIDS|HIV)(?:[- ]related (?:illness|complications))?",
    "kidney failure": r"(?:kidney|renal) failure",
    "liver failure": r"(?:liver failure|cirrhosis)",
    "overdose": r"(?:a |an )?(?:apparent |accidental )?(?:drug )?overdose",
    "gunshot": r"(?:a |an )?(?:single |apparent |self-inflicted )*gunshot wounds?",
    "stab wounds": r"(?:multiple )?stab wounds?",
    "drowning": r"drowning",
}
_CAUSE = {name: re.compile(pattern + r"\b") for name, pattern in _CAUSES.items()}
# A cause named as another's trigger or under a hedge of two: "complications of", "natural".
_NO_CAUSE = re.compile(r"(?:complications?|natural causes|injuries|wounds suffered)\b", re.I)

# The place of death: the first "at"/"in"/"on the way" phrase after the verb.
_PLACES = {
    "home": r"(?:at|in) (?:his|her|their|the family) (?:own )?home\b|at home\b",
    "hospital": (
        r"(?:at|in) (?:a |the )?(?:[A-Z][\w.'-]{0,30} ){0,4}"
        r"(?:[Hh]ospital|[Mm]edical [Cc]enter)\b|in hospital\b"
    ),
    "hospice": r"(?:at|in) (?:a |the )?(?:[A-Z][\w.'-]{0,30} ){0,4}[Hh]ospice\b",
    "the scene": r"at the scene\b",
    "on the way to hospital": r"(?:en route|on the way|on (?:the|her|his) way) to\b",
}
_PLACE = re.compile("|".join(f"(?P<p{i}>{p})" for i, p in enumerate(_PLACES.values())))
_PLACE_NAMES = list(_PLACES)
# Where the death's own words end: another clause or happening.
_CLAUSE_END = re.compile(r"\b(?:after|when|while|before|because|and was|but)\b|[;:]")
_PLACE_REACH = 120  # characters after the verb in which its place is read
# A hospital and a hospice (a hospital's hospice unit) can be one place.
_AGREE = {frozenset({"hospital", "hospice"})}

# The dead person: a name (capitalised words, initials, a suffix) right before the verb, or
# opening the sentence before an apposition's comma; read word by word (`_name_before`,
# `_name_opening`).
_NAME_WORD = re.compile(r"(?:[A-Z]\.){1,3}|[A-Z][a-z'’-]{1,30}|(?:Sr|Jr)\.?")
_HONORIFICS = {"Mr.", "Mrs.", "Ms.", "Dr."}
_NAME_REACH = 5  # words of one name
_NOT_NAMES = {
    "He", "She", "They", "It", "The", "A", "An", "This", "That", "Police", "Officials",
    "Authorities", "Sr", "Jr", "All", "Both", "Paramedics", "Monday", "Tuesday", "Wednesday",
    "Thursday", "Friday", "Saturday", "Sunday",
}  # fmt: skip
# A name right after one of these is a place or an organisation ("a boy from the Town of
# Shelby has died"), not who died.
_PLACE_WORDS = {"of", "from", "in", "at", "near", "to", "for", "on", "the"}


def _name_before(before: str) -> str | None:
    """The name written right before the verb ("Mark Felt died", "Page has died")."""
    words = before.split()
    if words and words[-1] in ("has", "had"):
        words.pop()
    name: list[str] = []
    while words and len(name) < _NAME_REACH and _NAME_WORD.fullmatch(words[-1]):
        name.insert(0, words.pop())
    if not name or (words and words[-1].lower() in _PLACE_WORDS):
        return None  # "a boy from the Town of Shelby has died": a place, not who died
    return " ".join(name)


def _name_opening(before: str) -> str | None:
    """The name that opens the sentence before an apposition's comma ("W. Mark Felt, Sr., the
    number 2 man at the FBI ..., died"): only when the apposition ends right before the verb,
    not "Rob Jones, Felt's grandson, said his grandfather died"."""
    if not before.rstrip().endswith(","):
        return None
    words = before.split()
    if words and words[0] in _HONORIFICS:
        words.pop(0)
    name: list[str] = []
    for word in words[:_NAME_REACH]:
        bare = word.rstrip(",")
        if not _NAME_WORD.fullmatch(bare):
            return None
        name.append(bare)
        if word.endswith(","):
            return " ".join(name)
    return None


def _surname(name: str) -> str | None:
    words = [w.strip(".,") for w in name.split()]
    words = [w for w in words if w and w not in ("Sr", "Jr") and len(w) > 1]
    if not words or words[-1] in _NOT_NAMES:
        return None
    return words[-1]


def deaths(text: str) -> list[tuple[str, str, str]]:
    """(surname, "cause" or "place", class) of each named death the sentence states."""
    if FIRST_PERSON.search(text):
        return []
    found: list[tuple[str, str, str]] = []
    for verb in _DEATH.finditer(text):
        before = text[: verb.start()]
        name = _name_before(before) or _name_opening(before)
        if name is None:
            continue
        who = _surname(name)
        if who is None:
            continue
        rest = text[verb.end() :]
        end = _CLAUSE_END.search(rest)
        own = rest[: end.start()] if end else rest
        if between := _BETWEEN.match(own):
            cause_text = own[between.end() :]
            cause_text = re.split(r"[,;]| at | in | on | after ", cause_text, maxsplit=1)[0]
            classes = {name for name, pattern in _CAUSE.items() if pattern.search(cause_text)}
            if len(classes) == 1 and not _NO_CAUSE.search(cause_text):
                found.append((who, "cause", classes.pop()))
        place = _PLACE.search(own[:_PLACE_REACH])
        if place and place.lastgroup:
            found.append((who, "place", _PLACE_NAMES[int(place.lastgroup[1:])]))
    return found


def death_conflicts(story_id: str, statements: Sequence[Statement]) -> list[Conflict]:
    """Conflicts (basis "death") on the cause or the place of one named person's death."""
    # (surname, aspect) -> class -> statements
    held: dict[tuple[str, str], dict[str, list[int]]] = defaultdict(lambda: defaultdict(list))
    for index, statement in enumerate(statements):
        for who, aspect, value in deaths(statement.evidence.text):
            held[(who, aspect)][value].append(index)
    out: list[Conflict] = []
    for (who, aspect), by_value in sorted(held.items()):
        if len(by_value) != 2 or frozenset(by_value) in _AGREE:
            continue
        topic = f"{aspect} of death of {who}"
        forms = {value: list(indices) for value, indices in by_value.items()}
        out += two_forms_conflict(story_id, topic, forms, statements, mentions=False, basis="death")
    return out
