"""Names as news writes them: titles, roles, possessives, glued caption names, and name keys.

Everything here is string work shared by both entity modes (spaCy and rules) and by speaker
finding: it decides which surface forms are the *same name* ("President Putin", "Putin's",
"Russian President Vladimir Putin" -> "Vladimir Putin" / "Putin"), never which real thing a name
denotes (that is `entities.py`'s clustering).
"""

from __future__ import annotations

import functools
import re
import unicodedata
from typing import Final

from newsweave.model import Span


def wordlist(text: str) -> frozenset[str]:
    """The whitespace-separated words of `text` as a set (keeps long lexicons compact)."""
    return frozenset(text.split())


# Words that stand before a name as a title or office ("President-elect Joe Biden",
# "Foreign Minister Sergei Lavrov"). Collected from the role phrases of news style guides
# (AP titles list) and checked against the ECB+ train articles; royal and religious titles
# ("Pope Francis", "Queen Elizabeth", "Prince Harry") are deliberately absent: they are part of
# how those people are named.
TITLE_WORDS: Final = wordlist(
    """president president-elect vice vice-president prime minister pm chancellor secretary
    senator sen sen. rep rep. representative congressman congresswoman gov gov. governor
    mayor mr mr. mrs mrs. ms ms. dr dr. prof prof. professor gen gen. general col col.
    colonel lt lt. lieutenant sgt sgt. sergeant capt capt. captain adm adm. admiral cmdr
    commander judge justice chief ceo cfo coo chairman chairwoman chair director spokesman
    spokeswoman spokesperson officer detective det. sheriff coach attorney lawyer deputy
    foreign defense defence interior finance state special adviser advisor counsel leader
    ambassador archbishop bishop rev rev. reverend sir dame emperor sultan sheikh premier
    incumbent acting interim opposition speaker first lady house majority minority whip head
    envoy executive founder publicist representative agent manager superintendent inspector
    constable commissioner minister-elect chancellor-elect governor-elect senator-elect
    mayor-elect trooper councilman councilwoman councilmember councilor councillor alderman
    alderwoman assemblyman assemblywoman insp insp. supt supt. det cpl cpl. cmdr. lieut
    lieut."""
)

# Qualifiers that make a role a past or partial one: "former Vice President Joe Biden" tells who
# Biden was, not who "the vice president" is now, so such phrases never establish a role.
PAST_ROLE_WORDS: Final = frozenset({"former", "ex", "ex-", "late", "then", "then-", "outgoing"})

# Heads that may end a role phrase (a role needs one of these, not just "Deputy Foreign").
ROLE_HEADS: Final = wordlist(
    """president president-elect vice-president minister pm chancellor secretary senator
    governor mayor general colonel admiral judge justice chief ceo chairman chairwoman
    director spokesman spokeswoman spokesperson sheriff coach attorney ambassador archbishop
    bishop premier leader speaker envoy commissioner founder publicist manager
    superintendent adviser advisor counsel representative congressman congresswoman officer
    detective inspector minister-elect chancellor-elect governor-elect senator-elect
    mayor-elect trooper"""
)
# Short titles that make a person of what follows even without a role head ("Mr. Smith").
HONORIFICS: Final = wordlist(
    """mr mr. mrs mrs. ms ms. dr dr. prof prof. sen sen. rep rep. gov gov. gen gen. col col. lt
    lt. sgt sgt. capt capt. adm adm. cmdr cmdr. det det. insp insp. supt supt. cpl cpl. lieut
    lieut. rev rev. sir dame"""
)


# Short forms of English given names that stand for one full name only ("Dave Rossi" is David
# Rossi in another article of the story). Forms shared by two names ("Chris", "Alex", "Sam",
# "Pat", "Jerry", "Steve") are left out: they would merge two people.
NICKNAMES: Final = {
    short: full
    for full, shorts in {
        "david": "dave davey",
        "michael": "mike mikey mick",
        "robert": "bob bobby rob robbie",
        "william": "bill billy will willie",
        "james": "jim jimmy",
        "thomas": "tom tommy",
        "joseph": "joe joey",
        "daniel": "dan danny",
        "anthony": "tony",
        "andrew": "andy",
        "matthew": "matt",
        "nicholas": "nick",
        "richard": "rick ricky dick",
        "gregory": "greg",
        "jeffrey": "jeff",
        "kenneth": "ken kenny",
        "lawrence": "larry",
        "charles": "charlie chuck",
        "elizabeth": "liz beth betsy",
        "jennifer": "jenny jen",
        "benjamin": "ben",
        "timothy": "tim",
        "ronald": "ron ronnie",
        "donald": "don donnie",
        "douglas": "doug",
        "frederick": "fred freddie",
        "joshua": "josh",
        "peter": "pete",
        "raymond": "ray",
        "stanley": "stan",
        "vincent": "vince",
        "walter": "walt wally",
        "zachary": "zach",
        "rebecca": "becky",
        "deborah": "debbie",
        "margaret": "peggy",
        "susan": "sue",
    }.items()
    for short in shorts.split()
}


@functools.cache
def _given_name_table() -> dict[str, str]:
    """`resources/given_names.txt` (the 1990 census lists): lower-case given name -> "m", "f",
    or "" when the name is common among both sexes."""
    from importlib import resources

    text = resources.files("newsweave").joinpath("resources/given_names.txt").read_text("utf-8")
    table: dict[str, str] = {}
    for line in text.splitlines():
        if line.strip() and not line.startswith("#"):
            name, _, sex = line.partition(" ")
            table[name] = sex.strip()
    return table


@functools.cache
def given_names() -> frozenset[str]:
    """Common US given names, lower case. Evidence that a two-word name the model typed as a
    place or body is a person's, beside what the text says; many are also places or words
    ("Georgia", "Rock"), so never enough alone."""
    return frozenset(_given_name_table())


def given_name_sex(name: str) -> str | None:
    """ "m" or "f" for a given name far more common among one sex ("Gary", "Catherine"),
    else None ("Jordan", or a name the lists lack)."""
    return _given_name_table().get(name.lower()) or None


# Short forms that stand for more than one full name: each links to the one of its full names
# the corpus names with the same surname, never when it names two ("Mo Cheeks" is the "Maurice
# Cheeks" of his story, audit 10). The `nicknames` package (PyPI, offline CSV) was checked for
# this table in session 11: it gives "maurice" only "morey", so it would not link him.
SHARED_NICKNAMES: Final = {
    "mo": ("maurice", "mohamed", "mohammed", "morris", "moses"),
    "steve": ("stephen", "steven"),
}


NAME_PARTICLES: Final = frozenset(
    {"de", "del", "della", "der", "van", "von", "da", "di", "du", "la", "le", "al", "bin", "ibn"}
)
SUFFIXES: Final = frozenset({"jr", "jr.", "sr", "sr.", "ii", "iii", "iv"})

_POSSESSIVE = re.compile(r"(?:['’]s|s['’]|['’])$")
_APOSTROPHE_S = re.compile(r"['’]s\b")
_LEADING_ARTICLE = re.compile(r"^(?:the|The|THE)\s+")
_SPACE = re.compile(r"\s+")


def strip_possessive(name: str) -> str:
    """'Putin's' -> 'Putin', 'Reuters'' stays (a plural possessive keeps its s)."""
    if name.endswith(("'s", "’s")):
        return name[:-2]
    if name.endswith(("'", "’")):
        return name[:-1]
    return name


def normalize_space(text: str) -> str:
    """Collapse runs of whitespace (including no-break spaces) to one space."""
    return _SPACE.sub(" ", text.replace("\xa0", " ")).strip()


# Name keys are pure functions of short strings that linking asks for again and again (the same
# surface in every article and every rule: 57,000 calls for 4,700 mentions); a bounded cache
# answers repeats without changing any answer (issue 15).
_NAME_CACHE: Final = 1 << 16


@functools.lru_cache(maxsize=_NAME_CACHE)
def split_title(name: str) -> tuple[str, str]:
    """('Russian President', 'Vladimir Putin') from 'Russian President Vladimir Putin'.

    The title is the last run of title words that holds a role head or an honorific ("Prime
    Minister", "Mr."), with whatever names its holder's country or owner in front of it
    ("United Kingdom Prime Minister", "Putin's spokesperson"); the rest is the name. A run
    without a head ("Foreign Ministry") is no title, and a name is never reduced to nothing.
    """
    words = normalize_space(name).split(" ")
    cut = 0
    i = 0
    while i < len(words) - 1:
        run = i
        while run < len(words) - 1 and _is_title_word(words[run]):
            run += 1
        if run > i and any(_is_head(w) for w in words[i:run]) and words[run][:1].isupper():
            cut = run
            i = run
        else:
            i += 1
    if cut == 0:
        return "", " ".join(words)
    return " ".join(words[:cut]), " ".join(words[cut:])


def _is_title_word(word: str) -> bool:
    low = word.lower().strip(",")
    return low in TITLE_WORDS or low in PAST_ROLE_WORDS or low.startswith(("ex-", "then-"))


def _is_head(word: str) -> bool:
    low = word.lower().strip(",")
    return low in ROLE_HEADS or low in HONORIFICS


def role_of(title: str) -> str | None:
    """The role a title phrase establishes ("russian president"), or None when it cannot.

    Past roles ("former Vice President") and titles without a head word ("Mr.") establish none.
    """
    words = [w.lower() for w in title.split(" ") if w]
    if not words or any(w in PAST_ROLE_WORDS or w.startswith(("ex-", "then-")) for w in words):
        return None
    words = [w for w in words if not _POSSESSIVE.search(w) and w != "incumbent"]
    if not words or words[-1] not in ROLE_HEADS:
        return None
    return " ".join(words)


@functools.lru_cache(maxsize=_NAME_CACHE)
def bare_name(name: str) -> str:
    """The name without article, possessive, titles, or trailing punctuation: 'Vladimir Putin'."""
    text = normalize_space(name).strip(" ,.;:!?\"“”‘’'()[]")
    text = _LEADING_ARTICLE.sub("", text)
    text = strip_possessive(text)
    _, rest = split_title(text)
    return rest.strip(" ,.")


def fold_accents(text: str) -> str:
    """'Peñasquitos' -> 'Penasquitos': one key for a name written with and without accents."""
    if text.isascii():
        return text
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def name_tokens(name: str) -> list[str]:
    """Lower-cased tokens of a bare name without suffixes and lone initials ('J.' in 'Joe J. X'),
    accents folded (a fresh list: callers may change it)."""
    return list(_name_tokens(name))


_TYPOGRAPHIC_APOSTROPHE: Final = re.compile(r"(?<=\w)[’‘ʼ](?=\w)")


def token_pattern(token: str) -> str:
    """A regex for a `name_tokens` word as an article may write it: a straight apostrophe in
    the key stands for any ("o'toole" finds "O’Toole")."""
    return re.escape(token).replace("'", "['’‘ʼ]")


@functools.lru_cache(maxsize=_NAME_CACHE)
def _name_tokens(name: str) -> tuple[str, ...]:
    out: list[str] = []
    # "O’Toole" and "O'Toole" (one outlet's typographic apostrophe, another's straight one) are
    # one name: the key is written with the straight one, as `plain_key` writes others' names.
    for token in _TYPOGRAPHIC_APOSTROPHE.sub("'", fold_accents(bare_name(name))).split(" "):
        low = token.lower().strip(".,")
        if not low or low in SUFFIXES or (len(low) == 1 and token.endswith(".")):
            continue
        out.append(low)
    return tuple(out)


def name_key(name: str) -> str:
    """A comparison key: 'Putin’s' and 'PUTIN' and 'President Putin' all give 'putin'."""
    return " ".join(name_tokens(name))


def surname(name: str) -> str | None:
    """Last token of a multi-token person name ("putin"), or None for a one-token name."""
    tokens = name_tokens(name)
    return tokens[-1] if len(tokens) >= 2 else None


# Glued caption names: "Joe BidenVladimir Putin", "Mikhail MetzelTASS", "HarrisMatt Baron".
# A split needs a word of at least four letters before the join ("Biden|Vladimir"), so
# "McDonald", "MacArthur", "DeSantis", "LeBron", "YouTube" and "iPhone" stay whole; brands such as
# "BlackRock" or "PlayStation" are kept when neither half occurs on its own in the text (checked by
# `respace_glued`). Calibrated on the seed captions and the ECB+ train texts (no false split seen).
_GLUED = re.compile(r"\b([A-Z][a-z]{3,})(?=([A-Z][a-z]+|[A-Z]{3,})\b)")


def respace_glued(text: str) -> tuple[str, list[int]]:
    """Text with glued names separated by a line break, and a map new offset -> old offset.

    A line break (not a space) keeps the NER model from reading the two halves as one name.
    The returned map has len(new_text) + 1 entries so that span ends map too.
    """
    standalone = {m.group(0) for m in re.finditer(r"(?<![A-Za-z])[A-Z][A-Za-z]+(?![A-Za-z])", text)}
    cuts: list[int] = []
    for match in _GLUED.finditer(text):
        left, right = match.group(1), match.group(2)
        if left in standalone or right in standalone or right.isupper():
            cuts.append(match.end(1))
    if not cuts:
        return text, list(range(len(text) + 1))
    pieces: list[str] = []
    mapping: list[int] = []
    last = 0
    for cut in cuts:
        pieces.append(text[last:cut])
        mapping.extend(range(last, cut))
        pieces.append("\n")
        mapping.append(cut)
        last = cut
    pieces.append(text[last:])
    mapping.extend(range(last, len(text) + 1))
    return "".join(pieces), mapping


def map_span(span: Span, mapping: list[int]) -> Span:
    """A span of respaced text mapped back to the original text."""
    start = mapping[span[0]]
    end = mapping[span[1] - 1] + 1 if span[1] > span[0] else start
    return start, end


def has_glue(token: str) -> bool:
    """True for a token with an internal lower->Upper join of the glued-caption kind."""
    return bool(_GLUED.search(token))


def trim_span(text: str, span: Span) -> Span:
    """Shrink a mention span past a leading 'the', a possessive and surrounding punctuation."""
    start, end = span
    piece = text[start:end]
    lead = len(piece) - len(piece.lstrip(" \xa0\n\t\"“”‘’'(["))
    start += lead
    piece = text[start:end]
    article = _LEADING_ARTICLE.match(piece.replace("\xa0", " "))
    if article:
        start += article.end()
    piece = text[start:end]
    stripped = piece.rstrip(' \xa0\n\t,;:!?"“”‘’)]')
    if _APOSTROPHE_S.search(stripped[-2:]):
        stripped = stripped[:-2]
    elif stripped.endswith(("s'", "s’")):
        stripped = stripped[:-1]
    return start, start + len(stripped)
