"""Entity records: one `Entity` per linked cluster of name mentions, with its type and name.

The type is voted by the cluster's name mentions (PERSON wins for a cluster keyed on a full
person name); a PERSON vote that is plainly wrong (a nationality, a gazetteer place, a call
sign, a street) is corrected by `_not_a_person`. The name is the most frequent full form.
"""

from __future__ import annotations

import functools
import re
from collections import Counter
from collections.abc import Mapping
from typing import Final

from newsweave.extract import gazetteer
from newsweave.extract.aliases import (
    bare_name,
    name_tokens,
    normalize_space,
    strip_possessive,
    wordlist,
)
from newsweave.extract.mentions import NameMention
from newsweave.extract.name_linking import POSTAL_STATES, STATE_ABBREVIATIONS, plural_name
from newsweave.extract.person_linking import person_cue
from newsweave.ids import content_id
from newsweave.model import Entity, Evidence

# Order in which tied type votes are decided: the kind spaCy confuses least first.
_TYPE_PRIORITY: Final = ("PERSON", "GPE", "ORG", "NORP", "LOC", "EVENT", "FAC", "PRODUCT")


def build_entity(
    key: str,
    members: list[tuple[NameMention, bool]],
    texts: Mapping[str, str],
    common_words: frozenset[str] = frozenset(),
    entity_type: str | None = None,
) -> Entity:
    """The entity of one cluster. `common_words` are the words the corpus writes in lower case
    mid-sentence and no person's name contains ("arson", "dairy"): a lone one is no person.
    `entity_type` overrides the vote (a type decided across clusters)."""
    person = key.startswith("P:")
    named = [m for m, is_name in members if is_name] or [m for m, _ in members]
    labels = Counter(m.label for m in named)
    if entity_type is not None:
        pass
    elif person:
        entity_type = "PERSON"
    else:
        entity_type = min(labels, key=lambda lab: (-labels[lab], label_priority(lab), lab))
        entity_type = _not_a_person(entity_type, key, named, texts, common_words)
    forms = Counter(_canonical_form(m.text, person) for m in named)
    full = {f: n for f, n in forms.items() if len(f.split()) >= 2} if person else {}
    if person and not full and " " in key[2:]:
        # "10-month-old Justice Burroughs" keyed with her given name, which `bare_name` folds
        # as a title: the name is the words of the key as the text writes them
        written = Counter(
            strip_possessive(normalize_space(m.text))
            for m in named
            if strip_possessive(normalize_space(m.text)).lower() == key[2:]
        )
        full = dict(written)
    pool = full or dict(forms)
    name = min(pool, key=lambda f: (-pool[f], f.isupper(), -len(f), f))
    # Each distinct mention made a record once: an `Evidence` hashes as the tuple of its
    # fields in order, so the set of tuples iterates as the set of records did (issue 15).
    evidence = tuple(
        Evidence(article_id=article_id, text=text, span=span)
        for article_id, text, span in sorted(
            {(m.article_id, m.text, m.span) for m, _ in members}, key=lambda e: (e[0], e[2])
        )
    )
    aliases = sorted({_alias_form(m.text) for m, _ in members} - {name})
    # A lone name kept to its article ("N:warren#<article>") is an entity of its own.
    scope = key.partition("#")[2]
    return Entity(
        id=content_id("e", entity_type, name, scope)
        if scope
        else content_id("e", entity_type, name),
        name=name,
        type=entity_type,
        aliases=tuple(aliases),
        article_ids=tuple(sorted({m.article_id for m, _ in members})),
        mentions=evidence,
    )


# "in Kokomo", "near Knightstown", "Emmanuel Arrington, 33, of Kokomo".
_LOCATIVE = re.compile(r"(?:\b(?:in|near|outside|across)|\d,\s+of)\s+$", re.IGNORECASE)
# "the port city of Bandar Abbas", "the village of Gavarzin", "35 miles southwest of Bandar
# Abbas", and each name of "the villages of Tonban, Gavarzin and Khaledi" (audit 7).
_PLACE_OF = re.compile(
    r"(?:\b(?:city|town|towns|village|villages|port|capital|province|provinces|island|islands"
    r"|district|districts|region)|(?:north|south)(?:-?(?:east|west))?|\beast|\bwest)"
    r" of\s+(?:[A-Z][\w'’-]*,?\s+){0,6}?(?:and\s+|or\s+)?$"
)
# "in the villages Kavouhi and Zinabieh", "the island Qeshm": a place noun right before the
# names, without "of" (fresh27, session 12; the model tagged both villages PERSON).
_PLACE_NOUN_BEFORE = re.compile(
    r"\b(?:villages?|islands?|hamlets?)\s+(?:[A-Z][\w'’-]*,?\s+){0,6}?(?:and\s+|or\s+)?$"
)
# A house number right before a name makes it a street ("at 7900 Scott Hamilton"); not a year.
_HOUSE_NUMBER = re.compile(r"(?<![\d,.$])(?!(?:19|20)\d\d\s)\d{3,5}\s+$")
# Last words that make a two-word "person" a street, a building or a place ("Clinton Drive",
# "Elks Lodge", "Aransas Pass"); read on the tune stories of eval/data/entities_gold.jsonl.
_PLACE_HEADS: Final = wordlist(
    """drive dr dr. avenue ave ave. street st st. road rd rd. way boulevard blvd lane ln court
    ct circle terrace place plaza highway parkway lodge hotel motel inn suites prison jail hospital
    school center centre pass park bridge bar club church airport station mall pike turnpike
    expressway freeway"""
)
# Last words that make a name a town or a district ("Soul City", "Dorchester County").
_TOWN_HEADS: Final = wordlist("city county township village borough parish")
# Titles that end an office's name, never a person's ("Genesee County Sheriff"); not titles
# that are also surnames ("Judge", "Bishop", "Justice").
_OFFICE_WORDS: Final = wordlist(
    """sheriff police chief mayor governor president senator coroner prosecutor commissioner
    superintendent spokesman spokeswoman spokesperson detective officer fire rescue district
    marshal marshall"""
)
# Words right after a name that make it a place: "Gary police", "Burnsville residents".
# A name's last word that is an acronym ("DNR", "PD"), not a generation ("III", "IV").
_ACRONYM_END: Final = re.compile(r" (?![IVX]+$)[A-Z]{2,6}$")
_PLACE_FOLLOWERS: Final = wordlist(
    """police sheriff sheriff's sheriff’s fire officials authorities residents mayor
    mayor's mayor’s neighborhood neighbourhood"""
)
# ", Indiana" or ", Ind." after a name: a town in a state ("Gary, Indiana").
_STATE_AFTER = re.compile(r",\s([A-Z][a-z]+\.?(?:\s[A-Z][a-z]+\.?)?)")
# "Abu Talat (Egypt)": a place followed by its country or state in brackets.
_REGION_AFTER = re.compile(r"\s\(([A-Z][\w.]*(?:\s[A-Z][\w.]*)?)\)")
# An all-caps dateline: "WEATHERFORD -- ", "KNOXVILLE (WATE) – ", "DETROIT, Mich. (WXYZ) -".
_DATELINE_TAIL = re.compile(
    r"(?:,\s[A-Z][\w.]{1,12}(?:\s[A-Z][\w.]{1,12})?)?\s?(?:\([^()\n]{1,30}\)\s?)?(?:--|[-–—])"
)
# "a Browns Mills teenager", "a Glock handgun": a name between an indefinite article and a
# common noun modifies the noun, which no person's name does; the noun says place or maker.
# "a rural Williston address" (fresh23, session 9): an adjective may stand between.
_INDEFINITE_BEFORE = re.compile(r"(?<![\w-])[Aa]n?\s(?:\d{1,3}-year-old\s|[a-z]{3,12}\s)?$")
_NOUN_AFTER = re.compile(r"\s([a-z][a-z-]{2,})\b")
_NOT_A_NOUN: Final = wordlist(
    """who whom whose that which and or but of is was are were has had have said says told in
    at on for with to from as by into than who's shot killed died wounded injured arrested
    charged"""
)  # "found 17-year-old Dontay Jordan shot in the head" (fresh23): a verb, no noun
_RESIDENT_NOUNS: Final = wordlist(
    """man woman men women boy boys girl girls teen teens teenager teenagers resident residents
    family families home homes house couple native mother father child children student
    students hospital neighborhood neighbourhood apartment street park community school
    native address"""
)


# Nouns that make the name before them a building's ("the Ida Yarbrough apartments").
_UNIT_NOUNS: Final = wordlist("group division unit team department subsidiary")
_THE_BEFORE = re.compile(r"\b[Tt]he\s+$")
_BUILDING_NOUNS: Final = wordlist(
    """apartments apartment complex projects homes building buildings hotel motel towers
    tower estates courts housing"""
)


# Words before a name and the nouns after it that make it a place's even without "a":
# an owner's home ("his Glen Flora home"), a town's community ("the Traer community"), an
# age and a person noun ("12 year-old Traer girl"); read on GVC train stories listed by the
# session 5 entities audit.
_PLACE_MODIFIER_SHAPES: Final = (
    (
        re.compile(r"(?<![\w-])(?:[Hh]is|[Hh]er|[Tt]heir|[Oo]ur|[Mm]y)\s$"),
        wordlist("home homes residence hometown"),
    ),
    (re.compile(r"(?<![\w-])[Tt]he\s$"), wordlist("community neighborhood neighbourhood area")),
    (
        re.compile(r"(?<![\w-])\d{1,3}[- ]year[- ]old\s$"),
        wordlist("man woman boy girl teen teenager resident native"),
    ),
)


def modifier_use(text: str, span: tuple[int, int]) -> str | None:
    """ "GPE" or "ORG" when the name at `span` modifies a common noun after an indefinite
    article ("a Burnsville hospital" names a place, "a Glock handgun" a maker), "FAC" before a
    building's noun after any word ("the Ida Yarbrough apartments"), else None."""
    after = _NOUN_AFTER.match(text, span[1])
    if after is not None and after.group(1) in _BUILDING_NOUNS:
        return "FAC"
    before = text[max(0, span[0] - 18) : span[0]]
    if after is not None and after.group(1) in _UNIT_NOUNS and _THE_BEFORE.search(before):
        # "a manager in the Trustworthy Computing group" (session 8, seen by eye on ECB+
        # 27_3ecbplus): a company's unit; "the Smith family" is no unit
        return "ORG"
    if not _INDEFINITE_BEFORE.search(before):
        # "his Glen Flora home", "The Traer community", "12 year-old Traer girl": a place
        # before the few nouns no person's name modifies after these words
        found = _NOUN_AFTER.match(text, span[1])
        noun = found.group(1) if found is not None else ""
        for pattern, nouns in _PLACE_MODIFIER_SHAPES:
            if noun in nouns and pattern.search(before):
                return "GPE"
        return None
    if not modifies_noun(text, span[1]):
        return None
    noun = text[span[1] :].split(None, 1)[0]
    return "GPE" if noun in _RESIDENT_NOUNS else "ORG"


# Nouns a maker's name modifies ("a loaded Glock handgun", "his Ford pickup").
_PRODUCT_NOUNS: Final = wordlist(
    """handgun handguns pistol pistols rifle rifles shotgun shotguns revolver revolvers gun
    guns semi-automatic truck trucks pickup car cars sedan suv van minivan phone phones laptop
    model"""
)


def _maker_use(text: str, end: int) -> bool:
    found = _NOUN_AFTER.match(text, end)
    return found is not None and found.group(1) in _PRODUCT_NOUNS


def modifies_noun(text: str, end: int) -> bool:
    """Whether a common noun follows the name ending at `end` ("Corpus Christi firefighter")."""
    found = _NOUN_AFTER.match(text, end)
    return found is not None and found.group(1) not in _NOT_A_NOUN


def dateline_use(text: str, span: tuple[int, int]) -> bool:
    """True for an all-caps name opening a line as a dateline ("WEATHERFORD -- ...")."""
    surface = text[span[0] : span[1]]
    line_start = text.rfind("\n", 0, span[0]) + 1
    return (
        surface.isupper()
        and len(surface) >= 3
        and not text[line_start : span[0]].strip()
        and _DATELINE_TAIL.match(text, span[1]) is not None
    )


# A person's residence: "66-year-old Luann Johnson, of " right before the name of a place.
_RESIDENCE_OF: Final = re.compile(r"[A-Z][a-z]+, of $")


def _placed(text: str, span: tuple[int, int]) -> bool:
    """Whether the text around `span` says the name is a place: "in Kokomo", "Gary, Indiana",
    "Gary police", "7900 Scott Hamilton", or an all-caps dateline."""
    before = text[max(0, span[0] - 12) : span[0]]
    # "in Darin's memory": a possessive makes the name the owner of what follows, not a place
    owner = text.startswith(("'s ", "’s "), span[1])
    if (_LOCATIVE.search(before) and not owner) or _HOUSE_NUMBER.search(before):
        return True
    if not owner and _PLACE_OF.search(text, max(0, span[0] - 90), span[0]):
        return True
    if not owner and _PLACE_NOUN_BEFORE.search(text, max(0, span[0] - 90), span[0]):
        return True
    if dateline_use(text, span):
        return True
    if _RESIDENCE_OF.search(text, max(0, span[0] - 60), span[0]) and text.startswith(
        (",", ";"), span[1]
    ):
        return True  # "Luann Johnson, of Burnsville, was hit" (fresh24, session 10)
    state = _STATE_AFTER.match(text, span[1]) or _REGION_AFTER.match(text, span[1])
    if state is not None:
        name = state.group(1).lower()
        if name in gazetteer.GPE_NAMES or name in STATE_ABBREVIATIONS:
            return True
    follower = text[span[1] : span[1] + 16].split()
    return bool(follower) and follower[0].rstrip(".,;:") in _PLACE_FOLLOWERS


def opens_institution(text: str, end: int) -> bool:
    """Whether capitalised words right after the name ending at `end` close an institution's or
    building's name that it opens ("Rock Falls [High School]" cut short by the model)."""
    if not text.startswith(" ", end):
        return False
    for word in text[end : end + 48].split()[:3]:
        if not word[:1].isupper():
            return False
        if word.rstrip(".,;:").lower() in _INSTITUTION_HEADS:
            return True
    return False


_INSTITUTION_HEADS: Final = _PLACE_HEADS | gazetteer.ORG_HEADS


def place_evidence(text: str, span: tuple[int, int]) -> bool:
    """Whether the words around the name at `span` use it as a place's (`_placed`), as a
    modifier ("a Burnsville hospital") or as the start of an institution's name."""
    return (
        _placed(text, span)
        or modifier_use(text, span) is not None
        or opens_institution(text, span[1])
    )


def _not_a_person(
    voted: str,
    key: str,
    named: list[NameMention],
    texts: Mapping[str, str],
    common_words: frozenset[str] = frozenset(),
) -> str:
    """The type of a name not linked to any full person name, when the model's PERSON vote is
    plainly wrong: a nationality ("Russian") is NORP, a country or city of the gazetteer GPE,
    a call sign or acronym ("KTHV", "WISH") or a web name or handle ("KMOV.com", "Fox59",
    "Twitter @x") ORG, a name whose context mostly says place ("in Kokomo", "Gary, Indiana",
    "Gary police", a dateline) a place, and a name modifying a noun ("a Burnsville hospital")
    the place or maker the noun calls for. A name the text writes after "the" ("the Jaguars",
    "the Indy passing game") is a team's, a company's or a thing's: ORG; a common word of
    the corpus ("Arson is suspected") names no one: MISC."""
    words = key[2:].split("#", 1)[0]
    if words in gazetteer.NORP_NAMES:
        return "NORP"
    if voted == "ORG" and _cued_first_name(words, named, texts):
        return "PERSON"  # "his wife, Celeste, heard gun shots" tagged ORG (session 7, fresh20)
    if voted == "ORG" and _speaks_as_a_person(words, named, texts):
        return "PERSON"  # '"Thanks for your help," says Hadvar' tagged ORG (session 13)
    if voted != "PERSON":
        return voted
    if words in gazetteer.GPE_NAMES:
        return "GPE"
    if words in gazetteer.ORG_NAMES:
        return "ORG"
    surfaces = [m.text for m in named]
    if all(len(t) >= 3 and t.replace(".", "").isupper() for t in surfaces):
        return "ORG"
    if any(".com" in t.lower() or "@" in t or any(c.isdigit() for c in t) for t in surfaces):
        return "ORG"
    tokens = words.split()
    if len(tokens) >= 2 and tokens[-1] in _OFFICE_WORDS:
        return "ORG"  # "Genesee County Sheriff": an office
    if len(tokens) >= 2 and tokens[0] in _SHIP_PREFIXES:
        return "PRODUCT"  # "MV Gibe": a ship, as spaCy types vessels
    state = f"{words}." in STATE_ABBREVIATIONS or words in POSTAL_STATES
    after_comma = all(texts.get(m.article_id, "").endswith(", ", 0, m.span[0]) for m in named)
    if all(_ends_in_state(t) for t in surfaces) or (state and after_comma):
        return "GPE"  # "Vista CA— The ..." and "METCALFE COUNTY, Ky (LEX 18)": datelines
    if all(" " in t and not t.isupper() and _ACRONYM_END.search(t) for t in surfaces):
        return "ORG"  # "Indiana DNR said": an agency; no person's name ends in an acronym
    if len(tokens) >= 2 and tokens[-1] in _TOWN_HEADS:
        return "GPE"
    if place_like(tokens):
        # "Crime Stoppers", "Pine Lake", "Clinton Drive"
        if tokens[-1] in gazetteer.ORG_HEADS:
            return "ORG"
        return "LOC" if tokens[-1] in gazetteer.LOC_HEADS else "FAC"
    placed = 0
    modifiers: Counter[str] = Counter()
    for m in named:
        text = texts.get(m.article_id, "")
        if _placed(text, m.span):
            placed += 1
        elif (use := modifier_use(text, m.span)) is not None:
            modifiers[use] += 1
    # Half the mentions placed is enough when the model did not call them all people
    # ("WEATHERFORD --" tagged ORG, "The Weatherford football page" PERSON).
    split_vote = any(m.label != "PERSON" for m in named)
    if placed * 2 > len(named) or (split_vote and placed * 2 == len(named)):
        return "GPE"
    if modifiers["FAC"] * 2 > len(named):
        return "FAC"
    if (placed + sum(modifiers.values())) * 2 > len(named):
        return "GPE" if placed + modifiers["GPE"] >= modifiers["ORG"] else "ORG"
    defined = sum(1 for m in named if definite_use(texts.get(m.article_id, ""), m.span))
    # A plural after "the" once is enough ("the Rams lost", "the Tar Heels (10-0)"): no
    # person's name is a plural.
    if defined and (defined * 2 >= len(named) or plural_name(tokens[-1])):
        return "ORG"
    cued = any(person_cue(texts.get(m.article_id, ""), m.span) for m in named)
    if len(tokens) == 1 and tokens[0] in common_words and not cued:
        return "MISC"
    made = sum(1 for m in named if _maker_use(texts.get(m.article_id, ""), m.span[1]))
    if made * 2 > len(named):
        return "ORG"  # "the Glock handgun", "a Sig Sauer model 229": a maker
    if all(carried_to(texts.get(m.article_id, ""), m.span) for m in named):
        return "ORG"  # "transported to Ephraim McDowell": a hospital
    # Half or more used as a place or an institution's first words, never as a person's.
    used = sum(1 for m in named if place_evidence(texts.get(m.article_id, ""), m.span))
    if used >= 2 and used * 2 >= len(named) and not cued:
        return "GPE"
    return voted


# "the Jaguars", "The Jags drove", "the old Mat Maid building": "the" right before a name, or
# "the" and one lower-case word when a common noun follows the name.
_DEFINITE_BEFORE = re.compile(r"(?<![\w-])[Tt]he\s(?:([a-z][\w-]{1,15})\s)?$")


# Nouns a person's name modifies after "the": the people, home, case or office of a person.
_PERSONAL_NOUNS: Final = wordlist(
    """family families brothers sisters twins household home house estate case trial murder
    death killing shooting funeral campaign administration presidency era government"""
)


def _cued_first_name(words: str, named: list[NameMention], texts: Mapping[str, str]) -> bool:
    """Whether a one-word name the model tagged ORG is a person's by the words before each of
    its mentions: a relative's or a neighbour's word, an age ("his wife, Celeste,")."""
    return (
        " " not in words
        and words not in gazetteer.ORG_NAMES
        and words not in gazetteer.GPE_NAMES
        and all(
            m.text[:1].isupper()
            and not m.text.isupper()
            and person_cue(texts.get(m.article_id, ""), m.span)
            for m in named
        )
    )


# '"Thanks," says Hadvar.': a speech verb written before a name that ends its clause.
_SAYS_BEFORE = re.compile(r"\b(?:says|said|asks|asked|replies|replied|shouts|shouted)\s$")
_CLAUSE_END = re.compile(r"[.,!?;:]")
# "the guard, Hadvar. He looks better equipped": the next sentence opens on "He" or "She".
_PRONOUN_NEXT = re.compile(r"[^.!?\n]{0,200}[.!?][\"”’]?\s+(?:He|She)\s")


def _speaks_as_a_person(words: str, named: list[NameMention], texts: Mapping[str, str]) -> bool:
    """Whether a one-word name the model tagged ORG is a person's by how its article writes it
    at least twice: after an inverted speech verb ('says Hadvar.') or in a sentence the next
    one continues with "He"/"She" (a game diary's companion, pcgamer.com; organisations take
    "it"). Never a known organisation or place, or a name in capitals."""
    if " " in words or words in gazetteer.ORG_NAMES or words in gazetteer.GPE_NAMES:
        return False
    cued = 0
    for mention in named:
        text = texts.get(mention.article_id, "")
        if mention.text.isupper() or definite_use(text, mention.span):
            return False
        start, end = mention.span
        if (
            _SAYS_BEFORE.search(text, max(0, start - 10), start) and _CLAUSE_END.match(text, end)
        ) or _PRONOUN_NEXT.match(text, end):
            cued += 1
    return cued >= 2


def definite_use(text: str, span: tuple[int, int]) -> bool:
    """Whether the text puts "the" before the name at `span` as no person's name takes it:
    right before it ("the Jaguars"), or before an adjective when the name modifies a noun
    ("the old Mat Maid building"; not "the late John Smith said")."""
    found = _DEFINITE_BEFORE.search(text[max(0, span[0] - 22) : span[0]])
    if found is None or modifier_use(text, span) == "GPE":
        return False
    after = _NOUN_AFTER.match(text, span[1])
    if after is not None and after.group(1) in _PERSONAL_NOUNS:
        return False  # "the Smith family", "the Timmons trial": a person's
    return found.group(1) is None or modifies_noun(text, span[1])


# A determiner before a lone capitalised word makes it a thing's name: "an Oscar", "their own
# Oscar" (audit 10, 2_ecb); no one writes a person's lone given name so.
_THING_DETERMINER: Final = re.compile(r"(?<![\w-])(?:[Aa]n?|[Tt]he|his|her|their|its|own)\s$")


def thing_use(text: str, span: tuple[int, int]) -> bool:
    """Whether a lone capitalised word may be used here as a thing's name: before a lower-case
    word ("Oscar night"), in a compound ("Oscar-winning") or after a determiner ("an Oscar").
    The first is weak alone ("Herbert reported", "Mariah when"): `thing_words` also asks for
    determiners."""
    end = span[1]
    compound = text.startswith("-", end) and text[end + 1 : end + 2].islower()
    return modifies_noun(text, end) or compound or determined(text, span)


def determined(text: str, span: tuple[int, int]) -> bool:
    """Whether a determiner stands right before the word ("an Oscar", "the Oscar host")."""
    return _THING_DETERMINER.search(text, max(0, span[0] - 8), span[0]) is not None


def thing_words(
    mentions: list[NameMention], texts: Mapping[str, str], scope_of: Mapping[str, str]
) -> frozenset[tuple[str, str]]:
    """(scope, word) of the lone words a story (or article) uses as a thing's name at least
    three times as often as otherwise, three times at least and twice after a determiner: the
    award "Oscar" in "Oscar night", "an Oscar win", "the Oscar host" of a story whose host's
    son is "Oscar Maximillian" (audit 10, 17 such uses against 2). Such a word is no given name
    there; "Herbert reported" three times is a person's (fresh13)."""
    uses: dict[tuple[str, str], list[int]] = {}
    for mention in mentions:
        words = name_tokens(mention.text)
        if len(words) != 1:
            continue
        key = (scope_of[mention.article_id], words[0])
        counts = uses.setdefault(key, [0, 0, 0])
        text = texts[mention.article_id]
        counts[0 if thing_use(text, mention.span) else 1] += 1
        counts[2] += determined(text, mention.span)
    return frozenset(
        key
        for key, (thing, other, after_determiner) in uses.items()
        if thing >= 3 and thing >= 3 * other and after_determiner >= 2
    )


def bare_definite(text: str, span: tuple[int, int]) -> bool:
    """Whether a lower-case "the" stands right before the name and no noun after it ("climb to
    the Sefton Bivvy from"; fresh24, session 10): a place's or a thing's name, as no person's
    is written ("the Kimani Gray shooting" is a modifier, and may be a person's)."""
    before = text[max(0, span[0] - 4) : span[0]]
    return (
        before == "the "
        and not (span[0] >= 5 and (text[span[0] - 5].isalnum() or text[span[0] - 5] == "-"))
        and not modifies_noun(text, span[1])
    )


def _ends_in_state(surface: str) -> bool:
    """Whether a name of two words or more ends in a state's postal code ("Vista CA")."""
    words = surface.split()
    return len(words) >= 2 and words[-1].isupper() and words[-1].lower() in POSTAL_STATES


def not_a_person_here(text: str, span: tuple[int, int]) -> bool:
    """Whether a multi-word name the model tagged PERSON is, at this place in the text, plainly
    no person: a dateline, a handle ("Twitter @x"), a town and its state's postal code ("Vista
    CA"), a modifier ("a Browns Mills teenager"), a maker ("a Sig Sauer model 229") or where
    someone is carried ("transported to Ephraim McDowell")."""
    surface = text[span[0] : span[1]]
    return (
        "@" in surface
        or _ends_in_state(surface)
        or dateline_use(text, span)
        or modifier_use(text, span) is not None
        or _maker_use(text, span[1])
        or carried_to(text, span)
    )


# Where the injured are carried: "transported to Ephraim McDowell" names a hospital.
_CARRIED_TO: Final = re.compile(
    r"\b(?:transported|taken|airlifted|flown|rushed|driven|brought|transferred)\s+to\s+$"
)


def carried_to(text: str, span: tuple[int, int]) -> bool:
    """Whether the name follows "transported to", "taken to" or the like (fresh23's hospital,
    read in session 10): where someone is carried, no person."""
    return _CARRIED_TO.search(text[max(0, span[0] - 24) : span[0]]) is not None


def team_use(text: str, span: tuple[int, int]) -> bool:
    """Whether a multi-word name ending in a plural stands right after "the" as a team's or a
    band's does ("the Tar Heels (10-0)", "the Charlotte Bobcats"; session 7, read on fresh19),
    not as a family's ("the Williams family" is a person's noun phrase, see `definite_use`)."""
    words = text[span[0] : span[1]].split()
    return len(words) >= 2 and plural_name(words[-1]) and definite_use(text, span)


# Prefixes of ships' names (fresh24's "MV Gibe" typed PERSON, read in session 10).
_SHIP_PREFIXES: Final = wordlist("mv m/v ins uss hms hmas hmcs hmnzs rms")


def no_person_shape(tokens: list[str]) -> bool:
    """Whether a multi-word name cannot be a person's by its words: a title at its end
    ("Genesee County Sheriff"), a number in it ("BEY 0843"), or a town word after its first
    word ("Genesee County ..."), or a ship's prefix before it ("MV Gibe", "INS Mysore")."""
    return len(tokens) >= 2 and (
        tokens[-1] in _OFFICE_WORDS
        or tokens[0] in _SHIP_PREFIXES
        or any(c.isdigit() for t in tokens for c in t)
        or any(t in _TOWN_HEADS for t in tokens[1:])
    )


def place_like(tokens: list[str]) -> bool:
    last = tokens[-1]
    return len(tokens) >= 2 and (
        last in _PLACE_HEADS
        or last in _TOWN_HEADS
        or last in gazetteer.LOC_HEADS
        or last in gazetteer.ORG_HEADS
    )


def label_priority(label: str) -> int:
    return _TYPE_PRIORITY.index(label) if label in _TYPE_PRIORITY else len(_TYPE_PRIORITY)


@functools.lru_cache(maxsize=1 << 16)
def _alias_form(text: str) -> str:
    """A mention's words as an alias: spaces collapsed, no possessive (a pure function of a
    short string the corpus writes again and again; issue 15)."""
    return strip_possessive(normalize_space(text))


@functools.lru_cache(maxsize=1 << 16)
def _canonical_form(text: str, person: bool) -> str:
    if person:
        return bare_name(text)
    words = normalize_space(text)
    return strip_possessive(re.sub(r"^(?:the|The|THE)\s+", "", words)).strip(" ,")
