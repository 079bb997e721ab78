"""Which countries a sentence gives its people and things as their nationality.

"A British climber has fallen to his death" and "a New Zealand climber who fell on Friday" are
two people: the same-statement check (`align.statement`) reads the nationality each sentence
gives a noun ("British climber", "a New Zealand climber", "Russia's president"), and two
sentences that give one noun nationalities sharing no country do not make one statement. A
country named as a place ("in New Zealand") is not a nationality, so "a British climber died
in New Zealand" keeps agreeing with "an English climber died". Nationality words and country
names come from the gazetteer (`extract.gazetteer`); one country's words map to one key
("Russian", "Russia's" -> russia; "British", "English", "UK" -> the United Kingdom).
"""

from __future__ import annotations

import re
from functools import lru_cache

from newsweave.align.per_text import kept_value
from newsweave.align.similarity import stem
from newsweave.extract.gazetteer import GPE_NAMES, NORP_NAMES

# Country names written several ways, and nations inside one state that outlets use for it
# ("an English climber" / "a British climber").
_ALIASES = {
    "united kingdom": ("uk", "britain", "great britain", "england", "scotland", "wales"),
    "united states": ("us", "u.s.", "usa", "america"),
}
# Nationality words whose country does not start with their stem.
_IRREGULAR = {
    "french": "france", "dutch": "netherlands", "danish": "denmark", "swiss": "switzerland",
    "spanish": "spain", "polish": "poland", "irish": "ireland", "greek": "greece",
    "norwegian": "norway", "finnish": "finland", "portuguese": "portugal", "peruvian": "peru",
    "saudi": "saudi arabia", "saudis": "saudi arabia", "british": "united kingdom",
    "english": "united kingdom", "scottish": "united kingdom", "scots": "united kingdom",
    "welsh": "united kingdom", "britons": "united kingdom", "new zealander": "new zealand",
    "kiwi": "new zealand", "czech": "czech republic", "filipino": "philippines",
    "argentine": "argentina", "icelandic": "iceland", "cypriot": "cyprus",
    "emirati": "united arab emirates", "sri lankan": "sri lanka", "panamanian": "panama",
    "salvadoran": "el salvador", "montenegrin": "montenegro", "mozambican": "mozambique",
    "congolese": "congo", "kosovar": "kosovo", "laotian": "laos", "nigerien": "niger",
    "american": "united states", "americans": "united states",
}  # fmt: skip
_SUFFIXES = ("ians", "ian", "ans", "an", "ese", "is", "i", "ish", "n")
# Words after a country name that show it names a place or an actor, not a nationality
# ("New Zealand police said" is a nationality of the police; "New Zealand on Friday" is not).
_NOT_A_NOUN = frozenset(
    """a an and or but on in at to for of from with by as is are was were has have had will
    would could should may might can said says say told after before when where while which who
    that the this than since until during over under about into""".split()  # noqa: SIM905
)
# Words before a country used as a modifier: an article or a count ("a New Zealand climber",
# "two Russian sailors" are read through the nationality word itself).
_DETERMINERS = frozenset("a an the one two three four five six seven eight nine ten".split())  # noqa: SIM905
_TOKEN = re.compile(r"[A-Za-z][A-Za-z.]*(?:['’]s)?")
_LONGEST = 3  # words in the longest name read ("united arab emirates")


def _stem(word: str) -> str:
    for suffix in _SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= 4:
            return word[: -len(suffix)]
    return word


@lru_cache(maxsize=1)
def _tables() -> tuple[dict[str, str], dict[str, str]]:
    """(nationality word -> country key, country name -> country key)."""
    alias_of = {alias: key for key, aliases in _ALIASES.items() for alias in aliases}
    countries: dict[str, str] = {}
    demonyms: dict[str, str] = {}
    for word in NORP_NAMES:
        country = _IRREGULAR.get(word)
        if country is None:
            stem = _stem(word)
            # The shortest country starting with the stem: "austrian" -> austria, not australia.
            matches = sorted((g for g in GPE_NAMES if g.startswith(stem)), key=len)
            country = matches[0] if matches else None
        if country is not None:
            demonyms[word] = alias_of.get(country, country)
    for key in set(demonyms.values()):
        countries[key] = key
    countries.update(alias_of)
    return demonyms, countries


@kept_value(1 << 14)
def nationalities(text: str) -> frozenset[tuple[str, str]]:
    """(country key, the noun it qualifies, stemmed) for each nationality the sentence states:
    "a British climber" -> (united kingdom, climber), "Russia's president" -> (russia,
    president). A nationality with no noun after it ("he is British") is left out."""
    demonyms, countries = _tables()
    tokens = _TOKEN.findall(text)
    found: set[tuple[str, str]] = set()
    i = 0
    while i < len(tokens):
        for size in range(min(_LONGEST, len(tokens) - i), 0, -1):
            words = tokens[i : i + size]
            if not all(w[0].isupper() for w in words if w.lower() not in ("of", "and")):
                continue
            phrase = " ".join(words).lower().replace("’", "'")
            possessive = phrase.endswith("'s")
            name = phrase[:-2] if possessive else phrase
            if name not in demonyms and name not in countries:
                name = name.rstrip(".")  # a sentence's last word ("... a British man.")
            if name in demonyms and not possessive:
                country = demonyms[name]
            elif name in countries and _as_modifier(tokens, i, size, possessive):
                country = countries[name]
            else:
                continue
            head = _head(tokens, i + size)
            if head is not None:
                found.add((country, head))
            i += size - 1
            break
        i += 1
    return frozenset(found)


def _head(tokens: list[str], start: int) -> str | None:
    """The noun a nationality qualifies: the first lower-case word after it, past coordinated
    nationalities ("Somali and Yemeni sea brigands" -> sea)."""
    demonyms, _ = _tables()
    for token in tokens[start : start + 4]:
        lowered = token.lower()
        if lowered in ("and", "or") or lowered in demonyms:
            continue
        lowered = lowered.rstrip(".")
        return None if lowered in _NOT_A_NOUN or not lowered else stem(lowered)
    return None


def _as_modifier(tokens: list[str], start: int, size: int, possessive: bool) -> bool:
    """Whether the country at tokens[start:start+size] qualifies a noun ("a New Zealand
    climber", "Russia's president") rather than names a place."""
    if possessive:
        return True
    before = tokens[start - 1].lower() if start > 0 else ""
    after = tokens[start + size] if start + size < len(tokens) else ""
    return before in _DETERMINERS and bool(after) and after.islower() and after not in _NOT_A_NOUN


def nationalities_apart(a: frozenset[tuple[str, str]], b: frozenset[tuple[str, str]]) -> bool:
    """Whether two sentences give one noun ("climber") nationalities that share no country, and
    neither names a country of the other's at all (the Indian navy and Somali pirates of one
    sentence are no clash with another's; nor "the Indian ship" with "the Indian Navy ... a
    Thai ship", which may tell of both ships)."""
    if not {c for c, _ in a}.isdisjoint({c for c, _ in b}):
        return False
    heads = {head for _, head in a} & {head for _, head in b}
    return any(
        {c for c, h in a if h == head}.isdisjoint({c for c, h in b if h == head}) for head in heads
    )
