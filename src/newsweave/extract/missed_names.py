"""Names the model missed: capitalised word sequences it left untagged, typed by their context.

The small spaCy model leaves out names it has not learnt ("Navarro County Sheriff Elmer Tanner
told WFAA", "Pastor Lynwood Deans said", "the Knox County Sheriff's Office"). This pass reads
the capitalised sequences of each article that no mention covers and keeps one only when the
words say what it is:
- a person's name of two to four name-shaped words after a title ("Sheriff", "Mr."), a
  speech verb ("said X", "X told"), or a cue word the linker already trusts ("neighbor X",
  "X, 65,");
- an organisation when its last word is an organisation's head ("Office", "Hospital"), a
  place when it is a place's head ("River", "Northeast Side"), a town ("Hempstead Village").
Everything else stays out: a wrong name costs more than a missing one. Lone words are left to
`mention_repair.with_repeats`, which then finds the repeats of the names found here ("Tanner
said" after "Sheriff Elmer Tanner"). Work is one linear scan of each text.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterator, Mapping, Sequence
from typing import Final

from newsweave.extract import gazetteer
from newsweave.extract.aliases import (
    SUFFIXES,
    TITLE_WORDS,
    split_title,
    strip_possessive,
    wordlist,
)
from newsweave.extract.entity_records import definite_use
from newsweave.extract.mentions import MAX_NAME_WORDS, NameMention, capitalised_runs
from newsweave.extract.name_linking import POSTAL_STATES, STATE_ABBREVIATIONS, plural_name
from newsweave.extract.person_linking import person_cue, title_before
from newsweave.model import Span

# A speech verb right before or after a name makes it a speaker's, hence a person's ("said
# Elmer Tanner", "Fred Poore Jr. said", "Lynwood Deans told WBTV").
_SPEECH_BEFORE = re.compile(r"\b(?:said|says|told|asked|added|according\sto)\s$")
_SPEECH_AFTER = re.compile(
    r",?\s(?:said|says|told|added|explained|stated|wrote|testified|tweeted)\b"
)
# One word of a person's name: capitalised then lower case, with inner capitals, apostrophes
# and hyphens ("McFarlane", "RaMaya", "O'Connor", "Smith-Jones"); or an initial ("D.").
_NAME_WORD = re.compile(r"[^\W\d_][^\W\d_]*(?:['’-][^\W\d_]+)*|[^\W\d_]\.")
_COMPASS: Final = wordlist(
    "north south east west northeast northwest southeast southwest near far upper lower"
)
# Words that end a town's name as part of it ("Hempstead Village", "Soul City").
_TOWN_HEADS: Final = wordlist("city county township village borough parish")
# Words that never stand inside a person's name here: function words and heads of other kinds.
_NOT_PERSON_WORDS: Final = (
    gazetteer.NOT_NAMES
    | gazetteer.ORG_HEADS
    | gazetteer.LOC_HEADS
    | gazetteer.EVENT_HEADS
    | gazetteer.GPE_NAMES
    | gazetteer.NORP_NAMES
    | gazetteer.ORG_NAMES
    | TITLE_WORDS
    | _TOWN_HEADS
    | wordlist("street avenue road drive boulevard lane highway way court place county")
)
_CONNECTORS: Final = wordlist("of de del van von der da di du al bin la le for &")
# Callings written before a name like a title, which `split_title` does not know as one
# ("Pastor Lynwood Deans said", "Trooper Joe Smith").
_CALLINGS: Final = wordlist(
    """pastor reverend rev. deacon chaplain trooper father sister brother coroner prosecutor
    marshal principal ranger"""
)
# Words that open a sentence before a name and are no part of it: function words, and the
# imperatives of appeals ("Call Crime Stoppers", "Contact the Sheriff's Office").
_NOT_OPENING: Final = gazetteer.NOT_NAMES | wordlist(
    "call contact visit follow join see email text tweet anyone tips"
)
# "Briar Newsome of [Carlton]", "Braison Howard, 3, of [Nacogdoches]"; the town then ends a
# clause or goes on with a verb ("of Findlay was killed"), not a speech verb ("Smith of
# Microsoft said" may name a company).
_OF_AFTER_PERSON = re.compile(r"(?:,\s\d{1,3},)?\sof\s$")
_TOWN_END = re.compile(r"(?:[,.;:)]|\s(?!said\b|says\b|told\b)[a-z])")
# After a dateline's place: a dash, or its state ("RUPERT, Idaho --", "PEMBERTON — A").
_DATELINE_AFTER = re.compile(r"\s*(?:—|–|--?)\s|,\s[A-Z][a-z]+\.?(?:\s|,)")
# After a state's abbreviation in a dateline: a call sign, a dash or the clause's end.
_ABBREVIATION_END = re.compile(r"\s*(?:[(,—–-]|$)", re.MULTILINE)
# A broadcaster's call sign ("told WBTV", "(WSAU)", "WUSA9"); all-caps lines are never read.
_CALL_SIGN = re.compile(r"[KW][A-Z]{3}(?:-(?:TV|DT|FM|AM))?\d{0,2}")
# A street's last word, and what stands before a street's name: a house number or a block
# ("at 937 Euharlee Road", "the 2400 Block of Van Wedding Road"), or a preposition of place.
_STREET_HEADS: Final = wordlist(
    """street st avenue ave road rd drive boulevard blvd lane ln court ct circle way place pl
    terrace highway hwy parkway pkwy trail pike"""
)
_STREET_BEFORE = re.compile(r"(?:\b\d{1,6}|\b(?:on|at|near|along|off|of))\s(?:Block\sof\s)?$")
# Words that are no town's name, though capitalised at a line's start or after "of".
_NOT_PLACE_WORDS: Final = (
    gazetteer.NOT_NAMES
    | gazetteer.ORG_HEADS
    | gazetteer.NORP_NAMES
    | TITLE_WORDS
    | wordlist("update breaking watch video photos live exclusive developing note editor")
)
# A name right after an opening quote is a title or a nickname ("the “Mansion Party”").
_OPEN_QUOTES: Final = frozenset("\"“‘'")
# After "said X", the name ends its clause; "said Internet Explorer users" is no speaker.
_CLAUSE_END = re.compile(r"['’]?(?:[,.;:!?\"”’)]|\s*$|\s(?:who|of|in)\b)")


def missed_names(mentions: Sequence[NameMention], texts: Mapping[str, str]) -> list[NameMention]:
    """Mentions of the names that `mentions` leave out of `texts`, typed by their context."""
    taken: dict[str, list[Span]] = defaultdict(list)
    people: dict[str, set[int]] = defaultdict(set)  # article -> where a person's name ends
    towns: dict[str, set[str]] = defaultdict(set)  # article -> its one-word names
    surnames: dict[str, set[str]] = defaultdict(set)  # article -> its people's last words
    for mention in mentions:
        taken[mention.article_id].append(mention.span)
        if mention.label == "PERSON":
            people[mention.article_id].add(mention.span[1])
            surnames[mention.article_id].add(mention.text.split(" ")[-1])
        if " " not in mention.text:
            towns[mention.article_id].add(mention.text)  # the model may call a town PERSON
    out: list[NameMention] = []
    untyped: dict[str, list[Span]] = defaultdict(list)  # bare names of one article
    for article_id in sorted(texts):
        text = texts[article_id]
        spans = sorted(taken.get(article_id, []))
        for start, end in capitalised_runs(text):
            for s, e in _free_parts(text, (start, end), spans):
                if e < end:
                    continue  # the head of a name the model tagged the rest of ("X of [Ohio]")
                found = _placed(
                    article_id, text, (s, e), people[article_id], towns[article_id]
                ) or _typed(article_id, text, s, e, surnames[article_id])
                if found is not None:
                    out.append(found)
                elif (bare := _bare_name(text, (s, e))) is not None:
                    untyped[text[bare[0] : bare[1]]].append(bare)
        # A name of two to four capitalised words that the article writes twice or more
        # inside its sentences is a name even when nothing types it ("a flaw in Internet
        # Explorer"; session 7, read on fresh20 after its untouched figure): kind unknown.
        for places in untyped.values():
            if len(places) >= 2:
                out.extend(_mention(article_id, text, a, b, "MISC") for a, b in places)
        untyped.clear()
        out.extend(
            _mention(article_id, text, a, b, "FAC")
            for a, b in _ordinal_places(text)
            if not any(a < e and s < b for s, e in spans)
        )
    return out


# A numbered street or precinct, which no name-shaped word opens ("East 52nd Street", "E.
# 171st St.", "the 67th precinct"; fresh22 and fresh11, session 9): compass word, ordinal,
# head (the text's case: "52nd street" too).
_ORDINAL_PLACE = re.compile(
    r"(?<![\w.-])(?:(?:North|South|East|West|[NSEW]\.|NE|NW|SE|SW)\s)?[1-9]\d{0,2}(?:st|nd|rd|th)"
    r"\s(?:[Ss]treet|St\.|[Aa]venue|Ave\.|[Rr]oad|Rd\.|[Pp]lace|[Tt]errace|[Pp]recinct)(?![\w-])"
)


def _ordinal_places(text: str) -> Iterator[Span]:
    for match in _ORDINAL_PLACE.finditer(text):
        yield match.start(), match.end()


def _bare_name(text: str, span: Span) -> Span | None:
    """The two to four capitalised words that end `span`, when a lower-case word stands before
    them inside a sentence and none is a function word or a title; None otherwise."""
    start, end = span
    words = text[start:end].split(" ")
    lower = [i for i, w in enumerate(words) if w.islower()]
    if lower:  # "Users of [Internet Explorer]": the name after a run's connector
        start += len(" ".join(words[: lower[-1] + 1])) + 1
        words = words[lower[-1] + 1 :]
    before = text[max(0, start - 30) : start].rstrip(" ").rsplit(" ", 1)[-1]
    if not before.isalpha() or not before.islower() or not 2 <= len(words) <= 4:
        return None
    for word in words:
        if not (word.isalpha() and word[:1].isupper() and not word.isupper()):
            return None
        if word.lower() in gazetteer.NOT_NAMES or word.lower() in TITLE_WORDS:
            return None
    return start, end


def _placed(
    article_id: str, text: str, span: Span, people: set[int], towns: set[str]
) -> NameMention | None:
    """A town the words around it name as one, even as a lone word: a person's town ("Briar
    Newsome of Carlton", "Braison Howard, 3, of Nacogdoches"), an all-caps dateline
    ("PEMBERTON — A teenager", "RUPERT, Idaho --") or a state's abbreviation after a place
    ("Sullivan County, Ind (WIBQ)"); a broadcaster's call sign ("told WBTV"); a street after a
    house number or a preposition of place ("at 937 Euharlee Road")."""
    start, end = span
    words = [strip_possessive(w) for w in text[start:end].split(" ")]
    if len(words) == 1 and _CALL_SIGN.fullmatch(words[0]):
        return _mention(article_id, text, start, start + len(words[0]), "ORG")
    if len(words) >= 4 and words[0] == "Block" and words[1] == "of":
        start += len("Block of ")  # "the 2400 Block of [Van Wedding Road]"
        words = words[2:]
    # A street named after the article's town ("937 Euharlee Road" in Euharlee) is left out:
    # linking would take the town's lone name for the street's short form.
    street = len(words) >= 2 and words[-1].lower().rstrip(".") in _STREET_HEADS
    street = street and words[0] not in towns
    if street and _STREET_BEFORE.search(text, max(0, start - 21), start):
        return _mention(article_id, text, start, end, "FAC")
    if len(words) > 3 or any(w.lower().rstrip(".") in _NOT_PLACE_WORDS for w in words):
        return None
    of = _OF_AFTER_PERSON.search(text, max(0, start - 12), start)
    # At most two words: "Lt. Bob Rifkin of Operation Safe Streets" names his unit.
    town = len(words) <= 2 and of is not None and of.start() in people
    town = town and _TOWN_END.match(text, end) is not None
    if town and not any(w.isupper() for w in words):
        return _mention(article_id, text, start, end, "GPE")
    line_start = start == 0 or text[start - 1] == "\n"
    if line_start and all(w.isupper() for w in words) and _DATELINE_AFTER.match(text, end):
        return _mention(article_id, text, start, end, "GPE")
    if (
        len(words) == 1
        and _is_state_abbreviation(words[0])
        and text.endswith(", ", 0, start)
        and text[max(0, start - 3) : start - 2].isalpha()
        and _ABBREVIATION_END.match(text, end)
    ):
        return _mention(article_id, text, start, end, "GPE")
    return None


def _is_state_abbreviation(word: str) -> bool:
    plain = word.rstrip(".")
    if plain.isupper() and len(plain) == 2:
        return plain.lower() in POSTAL_STATES
    return f"{plain.lower()}." in STATE_ABBREVIATIONS and plain[:1].isupper()


def _free_parts(text: str, run: Span, spans: list[Span]) -> Iterator[Span]:
    """The runs of whole words of `run` that no span in `spans` touches."""
    inside = [(s, e) for s, e in spans if s < run[1] and e > run[0]]
    part: Span | None = None
    for word in re.finditer(r"\S+", text[run[0] : run[1]]):
        s, e = run[0] + word.start(), run[0] + word.end()
        if any(s < e2 and e > s2 for s2, e2 in inside):
            if part is not None:
                yield part
            part = None
            continue
        if part is None and text[s:e] in _CONNECTORS:
            continue  # "[Kyle Markins] of Findlay": the part starts after the connector
        part = (part[0], e) if part is not None else (s, e)
    if part is not None:
        yield part


def _typed(
    article_id: str, text: str, start: int, end: int, surnames: set[str]
) -> NameMention | None:
    words = text[start:end].split(" ")
    tail = _tail(text, start)
    # Leading function words and trailing connectors are no part of the name ("The", "of").
    while words and (words[0].lower().rstrip(".") in _NOT_OPENING):
        start += len(words[0]) + 1
        words = words[1:]
    while words and words[-1].lower() in _CONNECTORS:
        words = words[:-1]
    if words and words[-1] != strip_possessive(words[-1]):
        words[-1] = strip_possessive(words[-1])
    if len(words) == 1 and not tail:
        return _team(article_id, text, (start, start + len(words[0])), surnames)
    if len(words) < 2 or len(words) > MAX_NAME_WORDS or all(w.isupper() for w in words):
        return None  # one word, debris, or an all-caps caption credit ("THE BLADE/JEREMY ...")
    end = start + len(" ".join(words))
    last = words[-1].lower().rstrip(".")
    title, rest = split_title(" ".join(words))
    rest_words = rest.split(" ")
    callings = [i for i, w in enumerate(rest_words[:-1]) if w.lower() in _CALLINGS]
    if callings:
        # "Floyd County Chief Deputy Coroner [Gene Proctor]", "Pastor [Lynwood Deans]"
        cut = callings[-1] + 1
        title, rest = " ".join([title, *rest_words[:cut]]).strip(), " ".join(rest_words[cut:])
    if not title and not tail and text[start - 1 : start] not in _OPEN_QUOTES:
        label = _head_label(words, last)
        if label is not None:
            return _mention(article_id, text, start, end, label)
    name_start = end - len(rest)
    return _person(text, (name_start, end), rest.split(" "), bool(title), article_id)


def _team(article_id: str, text: str, span: Span, surnames: set[str]) -> NameMention | None:
    """A team's or a group's one-word plural name right after "the" ("the Nationals lack
    confidence", "over the Jaguars"; session 7, read on fresh18 and fresh19): ORG, when the
    word is no place, nationality or head word, the text never writes it in lower case, no
    person's noun follows ("the Williams family") and it is no surname, or plural of one, the
    article gives a person (`surnames`: "the Westerhuises" are a family)."""
    start, end = span
    word = text[start:end]
    if {word, word[:-1]} & surnames or (word.endswith("es") and word[:-2] in surnames):
        return None
    if (
        text[max(0, start - 4) : start] not in {"the ", "The "}
        or not (word.isalpha() and word[:1].isupper() and not word.isupper())
        or not plural_name(word)
        or word.lower() in _NOT_TEAM_WORDS
        or not definite_use(text, (start, end))
    ):
        return None
    if re.search(rf"(?<![\w-]){re.escape(word.lower())}(?![\w-])", text) is not None:
        return None
    return _mention(article_id, text, start, end, "ORG")


# Plural words that are places, peoples or heads of other names ("the Netherlands", "the
# Americans", "the Falls"), none of them a team's name.
_NOT_TEAM_WORDS: Final = (
    gazetteer.NOT_NAMES
    | gazetteer.GPE_NAMES
    | gazetteer.NORP_NAMES
    | gazetteer.ORG_HEADS
    | gazetteer.LOC_HEADS
    | gazetteer.EVENT_HEADS
    | TITLE_WORDS
)


def _tail(text: str, start: int) -> bool:
    """Whether the words at `start` end a longer name the model cut ("Bladensburg [High
    School]", "24-[Hour News]", "561 [N. Center]", "7 [Action News]")."""
    if text[start - 1 : start] == "-":
        return True
    if text[start - 1 : start] != " ":
        return False
    words = text[max(0, start - 40) : start - 1].split(" ")
    last = words[-1] if words else ""
    if last[-1:] == "." and last[:1].isupper() and len(last) <= 4:
        return True  # an abbreviation of the name's first words ("Stl. [County PD]")
    if last.lower() in gazetteer.NOT_NAMES or last[-1:] in '.!?:;,"”’)':
        return False  # "The [Knox County Sheriff's Office]", "... Side. [Crime Stoppers]"
    return last[:1].isupper() or last[-1:].isdigit()


def _head_label(words: list[str], last: str) -> str | None:
    """ORG, LOC or GPE when the last word is the head of such a name."""
    if any(w.lower() in TITLE_WORDS for w in words):
        return None  # "Assistant Chief of Police": a role, not a name ("Attorney's Office" is)
    if last in gazetteer.ORG_HEADS:
        return "ORG"
    if last in gazetteer.LOC_HEADS or (last == "side" and words[0].lower() in _COMPASS):
        return "LOC"
    if last in _TOWN_HEADS:
        return "GPE"
    return None


def _person(
    text: str, span: Span, words: list[str], titled: bool, article_id: str
) -> NameMention | None:
    """A person mention of `words` at `span` when they have a person's shape and context."""
    core = [w for w in words if w.lower() not in SUFFIXES]
    if not 2 <= len(core) <= 4 or any(not _NAME_WORD.fullmatch(w) for w in core):
        return None
    if any(w.lower().rstrip(".") in _NOT_PERSON_WORDS or w.isupper() for w in core):
        return None
    if len(core[-1]) < 2 or core[-1].endswith("."):
        return None  # a name ends with its surname, not an initial
    mention = _mention(article_id, text, span[0], span[1], "PERSON")
    before = text[max(0, span[0] - 24) : span[0]]
    evidence = (
        titled
        or bool(title_before(text, mention))
        or person_cue(text, span)
        or (_SPEECH_BEFORE.search(before) is not None and _CLAUSE_END.match(text, span[1]))
        or _SPEECH_AFTER.match(text, span[1]) is not None
    )
    return mention if evidence else None


def _mention(article_id: str, text: str, start: int, end: int, label: str) -> NameMention:
    return NameMention(article_id=article_id, span=(start, end), text=text[start:end], label=label)
