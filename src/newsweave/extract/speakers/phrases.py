"""Noun-phrase helpers: the speaker a phrase names or describes, the gender a name's context
gives, and the clause shapes (negation, passive, offers) that stop a phrase from speaking."""

from __future__ import annotations

import re
from typing import Final

from newsweave.extract.aliases import given_name_sex, wordlist
from newsweave.extract.speakers.text import _is_verb
from newsweave.extract.speakers.words import (
    _AUXILIARIES,
    _BETWEEN,
    _CLAUSE_WORDS,
    _COPULAS,
    _OPENERS,
    _SOURCE_HEADS,
    _SUBORDINATORS,
)
from newsweave.model import Span

_MALE: Final = wordlist(
    "he his him brother father husband son uncle grandfather boyfriend nephew man stepfather "
    "grandson mr mr. prince king duke lord sir spokesman chairman congressman councilman "
    "businessman widower dad stepdad stepson grandpa policeman"
)


_FEMALE: Final = wordlist(
    "she her hers sister mother wife daughter aunt grandmother girlfriend niece woman "
    "stepmother granddaughter mrs mrs. ms ms. princess queen duchess lady actress spokeswoman "
    "chairwoman congresswoman councilwoman businesswoman widow mom stepmom stepdaughter grandma "
    "policewoman"
)


_PRONOUN_FORMS: Final = frozenset({"he", "she", "his", "her", "him", "hers"})


_DESCRIBED = re.compile(
    r"\b(?:a|an|the|one)\s+(?:[\w'’-]+\s+){0,3}?(" + "|".join(sorted(_SOURCE_HEADS)) + r")\b"
)


_SAID = re.compile(r"\b(?:said|says|told|added|explained|stated|recalled|recounted)\b")


# A sentence opened by a described person: "A woman who lives …", "One neighbour …".
_DESCRIBED_OPENING = re.compile(
    r"[\s\"“‘]*(?:[Aa]n?|[Oo]ne|[Aa]nother)\s+(?:[a-z'’-]+\s+){0,2}?("
    + "|".join(sorted(_SOURCE_HEADS))
    + r")\b"
)


# The described opener's own speech verb, after a relative clause or a place about it: "A
# woman who answered the phone at the roofing business on Monday said …", "Another neighbor
# on Pioneer Road said …".
_OPENER_SAID = re.compile(
    r",?[ \t]+(?:(?:who|that)\b[^.;:\"“”]{0,100}?|(?:on|at|in|of|from|across|near|down)\b"
    r"[^.;:,\"“”]{0,40}?)?\b(?:said|says|told|added|explained)\b"
)


# Verbs by which a described source opening a sentence speaks about someone.
_DESCRIBES = re.compile(r"\b(?:described|called|remembered|praised|wrote|recalled|spoke)\b")


# Verbs that end a possessed noun phrase ("Timmons' best friend took the stand").
_PHRASE_ENDS: Final = wordlist(
    """took was is had has got went came gave made saw sat stood ran left spoke who which that
    and but in on at to with for of"""
)


_EXPLETIVES: Final = wordlist("there it this that here")


_PASSIVE_SPEECH: Final = wordlist(
    "asked told informed advised urged described quoted said warned reminded instructed"
)


_GIVING_VERBS: Final = wordlist("offered offers gave gives provided provides issued")


_SPEECH_NOUNS: Final = wordlist(
    """apology apologies thanks tribute explanation assurance warning reply response answer
    excuse promise reminder assessment"""
)


# Participles that open a reduced relative clause after a noun ("a Web site found to be …").
_REDUCED_RELATIVE: Final = wordlist(
    "found known seen held named accused charged convicted considered believed thought"
)


def _described_speaker(sentence: str, pronoun: str) -> str | None:
    """An unnamed source speaking in `sentence` whose gender fits `pronoun` ("a France Telecom
    spokeswoman who asked not to be named said"), as written; None when there is none."""
    for match in _DESCRIBED.finditer(sentence):
        if _SOURCE_HEADS[match.group(1)] not in {"", pronoun}:
            continue
        after = sentence[match.end() : match.end() + 60]
        before = sentence[max(0, match.start() - 12) : match.start()]
        lead = sentence[max(0, match.start() - 16) : match.start()].lower()
        if _SAID.search(after) or _SAID.search(before) or lead.endswith("according to "):
            # "… said", "told … a neighbour", "According to a relative, he had …"
            return match.group(0)
    opening = _DESCRIBED_OPENING.match(sentence)
    if (
        opening
        and _SOURCE_HEADS[opening.group(1).lower()] in {"", pronoun}
        and (_DESCRIBES.search(sentence) or _OPENER_SAID.match(sentence, opening.end()))
    ):
        # "A woman who lives across the street …, who asked not to be identified,
        # described the family as …" before '"…," she said': the described person who
        # opens the sentence, not someone talked about in a sentence before it.
        return opening.group(0).strip(' "“‘')
    return None


def _gender_near(text: str, span: Span) -> str | None:
    """Gender evidence right around one person mention: 'Mrs. X' or 'X, her sister,'."""
    own = text[span[0] : span[1]].lower().split()
    if len(own) > 1 and own[0] in (_MALE | _FEMALE) - _PRONOUN_FORMS:
        return "he" if own[0] in _MALE else "she"  # "Prince Harry", "Mrs. Smith" as one mention
    before = text[max(0, span[0] - 10) : span[0]].lower().split()
    if before and before[-1] in _MALE | _FEMALE:
        return "he" if before[-1] in _MALE else "she"
    after = text[span[1] : span[1] + 120]
    if after.startswith(", "):
        apposition = re.split(r"[,.;:!?\n]", after[2:], maxsplit=1)[0].lower().split()[:6]
        if apposition and apposition[0] in {"who", "whose", "which", "that", "whom"}:
            # "Armstead, who was walking with her son": a relative clause names others.
            return None
        if {"and", "or"} & set(apposition):
            # "Waters, his wife and their son all lived …": a list of people, not an apposition.
            return None
        kin = [w for w in apposition[:3] if w in (_MALE | _FEMALE) - _PRONOUN_FORMS]
        if kin:
            return "he" if kin[0] in _MALE else "she"
    # No guess from pronouns in the clause after the name: in "Villittha said her grandson
    # told her he …" the "he" is the grandson.
    return None


# Words before a given name that are no part of it ("Rev Billy Graham", "Sen. John McCain").
_NAME_TITLES: Final = wordlist(
    """mr mrs ms miss mx dr rev reverend sir dame lord lady prof professor sen senator rep gov
    governor president judge justice officer sgt lt capt det gen col pastor bishop cardinal
    pope king queen prince princess saint st"""
)


def _given_name_gender(name: str) -> str | None:
    """'he' or 'she' when a full name opens with a given name far more common among one sex
    (`aliases.given_name_sex`, the 1990 US census lists: "Mark Roesler" he, "Bettie Page"
    she); None for a single word (a surname alone: "Page", "Graham"), an initial, or a name
    common among both sexes ("Jordan", "Kim")."""
    words = [w.strip("\"“”‘’'(),") for w in name.split()]
    while words and (
        words[0].lower().rstrip(".") in _NAME_TITLES or re.fullmatch(r"[A-Z]\.?", words[0])
    ):
        words = words[1:]  # a title, or an initial ("J. Edgar Hoover")
    if len(words) < 2 or not words[0][:1].isupper() or not words[0].isalpha():
        return None
    sex = given_name_sex(words[0])
    return {"m": "he", "f": "she"}.get(sex or "")


def _owned_phrase(text: str, start: int, end: int) -> str:
    """The possessive name at text[start:end] with the noun it owns ("Steafon Lewis' father",
    "Timmons' 16 year-old best friend"): up to five words, stopping at a verb."""
    found = re.match(r"(['’]s?)((?:\s+[a-z0-9][\w-]*){1,6})", text[end : end + 80])
    if found is None:
        return text[start:end]
    words: list[str] = []
    for word in found.group(2).split():
        if word in _PHRASE_ENDS or _is_verb(word) or (word.endswith("ed") and words):
            break
        words.append(word)
    return " ".join([text[start:end] + found.group(1), *words[:5]])


def _negates(before: str, earlier: str) -> bool:
    """True when the word(s) before a speech verb negate it ("wouldn't", "did not", "declined
    to")."""
    low = before.lower().replace("’", "'")
    return (
        low in {"not", "never"}
        or low.endswith("n't")
        or (low == "to" and earlier.lower() in {"declined", "refused", "failed"})
    )


def _offers_words(words: list[tuple[str, int, int]], i: int) -> bool:
    """'offered the explanation that "…"': a verb of giving with a noun of speech and 'that'
    or a colon is a speech verb."""
    return (
        words[i][0].lower() in _GIVING_VERBS
        and i + 3 < len(words)
        and words[i + 1][0].lower() in _OPENERS
        and words[i + 2][0].lower() in _SPEECH_NOUNS
        and (
            words[i + 3][0].lower() in {"that", ":"}
            # 'offered an apology to the assistant pastor "if the incident …"'
            or (words[i + 2][0].lower() in _ADDRESSED_NOUNS and words[i + 3][0].lower() == "to")
        )
    )


# Speech nouns whose words are given to someone ("an apology to the pastor", "thanks to").
_ADDRESSED_NOUNS: Final = wordlist("apology apologies thanks tribute")


def _passive(before: str, verb: str) -> bool:
    """True for a passive speech verb ('are asked', 'was told'): its subject is addressed."""
    return before.lower() in _COPULAS | {"being"} and verb.lower() in _PASSIVE_SPEECH - {
        "quoted",
        "said",
    }


def _names_someone(phrase: str) -> bool:
    """True when a speaker phrase holds a name or a noun, not only function words and
    adjectives cut off before their noun ("a", "the old", "an assistant" is kept: a noun)."""
    words = re.findall(r"[\w’'-]+", phrase)
    content = [w for w in words if w.lower() not in _OPENERS | _COPULAS | _EXPLETIVES]
    return bool(content)


def _leading_noun_phrase(words: list[tuple[str, int, int]]) -> Span | None:
    """The sentence's opening noun phrase ("A government official" in "A government official
    downplayed …"): up to five words before the first past-tense or speech verb."""
    for i, (word, _, _) in enumerate(words[:6]):
        low = word.lower()
        if low in _COPULAS or (i == 0 and low in _EXPLETIVES):
            return None  # "There is an old saying that": a clause, not a noun phrase
        # "The court also found …": an adverb before the verb ends the phrase too.
        ends = {",", "has", "had", "was"}
        if i > 1:  # not after a lone pronoun: "She then heard the man saying"
            ends |= _BETWEEN - {"is", "have", "will", "would", "could"}
        if i > 0 and (low.endswith("ed") or _is_verb(low) or low in ends):
            if words[0][0].lower() in _SUBORDINATORS | {"on", "in", "at", "after"}:
                return None
            return words[0][1], words[i - 1][2]
    return None


def _noun_phrase(chunk: str) -> str:
    """The phrase right before a verb that can be its subject ("a man standing next to her",
    "We"); it must open with a determiner or a capitalised word, else only its last word
    counts ("… she overheard someone" -> "someone"). Auxiliaries at its end are dropped.
    A subject that opens with an article and goes on in a relative clause ("A Minneapolis rap
    musician who put together a big bash … were shot") is the phrase before the clause."""
    words = chunk.split()
    relative = next(
        (i for i, w in enumerate(words[:7]) if w.lower() in {"who", "whose", "which"}), None
    )
    if relative and words[0].lower() in {"a", "an", "the"} and relative > 1:
        return " ".join(words[:relative]).strip(" ,")
    while words and words[-1].lower() in _AUXILIARIES:
        words.pop()
    if (
        2 < len(words) <= 8
        and words[0].lower() in {"a", "an", "the"}
        and "of" in (w.lower() for w in words[1:4])
        and not any(w.lower().strip(",") in _CLAUSE_WORDS for w in words)
    ):
        # "A close friend of the dead mum said": the head opens the phrase; the noun of its
        # "of" phrase is someone else.
        return " ".join(words).strip(" ,")
    if len(words) > 3 and words[0].lower() in {"a", "an", "the"} and words[2].lower() == "of":
        # "The creator of an anti-abortion Web site found to be a threat to abortion providers
        # says": a participle ends the subject's "of" phrase; what follows describes it.
        ends = next(
            (
                i
                for i, w in enumerate(words[4:], 4)
                if w.lower() in _REDUCED_RELATIVE or w.lower().strip(",") in _CLAUSE_WORDS
            ),
            None,
        )
        if ends is not None:
            return " ".join(words[:ends]).strip(" ,")
    if (
        2 < len(words) <= 10
        and words[0].lower() in {"a", "an", "the", "another"}
        and any(w.lower().strip(",") in _SOURCE_HEADS for w in words[1:3])
        and not any(w.lower().strip(",") in _CLAUSE_WORDS for w in words)
    ):
        # "a source with knowledge of the discussions says": a source word heads the phrase;
        # what follows it describes the source, the last noun is not who speaks.
        return " ".join(words).strip(" ,")
    start = len(words)
    while start > 0 and len(words) - start < 6:
        word = words[start - 1].lower().strip(",")
        participle = word.endswith("ed") and start < len(words)
        if participle and start >= 2 and words[start - 2].lower() in _OPENERS:
            participle = False  # "the convicted killer": an adjective after a determiner
        if word in _CLAUSE_WORDS or participle:
            break
        start -= 1
    phrase = words[start:]
    for i, word in enumerate(phrase):
        if word.lower() in _OPENERS or word[:1].isupper():
            return " ".join(phrase[i:]).strip(" ,")
    return phrase[-1].strip(" ,") if phrase else ""


def _capitalised_name(chunk: str) -> str | None:
    """The last run of capitalised words in a phrase ("spokesman Jack Ketsoyan" -> the name)."""
    runs = re.findall(r"(?:[A-Z][\w’'\-\.]*(?:\s+|$))+", chunk)
    runs = [r.strip() for r in runs if r.strip().lower() not in {"the", "a", "an"}]
    return runs[-1] if runs else None
