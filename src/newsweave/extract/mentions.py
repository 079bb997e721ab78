"""Name mentions in article text: spaCy NER when installed, capitalised-sequence rules otherwise.

This is the per-article (map) half of entity extraction; `entities.py` links the mentions into
entities across the corpus. Both modes return `NameMention`s whose spans index `Article.text`.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from typing import Any, Final

from newsweave.extract import gazetteer
from newsweave.extract.aliases import (
    SUFFIXES,
    TITLE_WORDS,
    map_span,
    respace_glued,
    split_title,
    strip_possessive,
    trim_span,
    wordlist,
)
from newsweave.model import Span, record
from newsweave.nlp import NER_ONLY, load_spacy, spacy_safe

# spaCy labels kept: names of things. Numbers, dates, money and the like belong to the
# numbers/dates extractors.
NAME_TYPES: Final = (
    "PERSON",
    "ORG",
    "GPE",
    "LOC",
    "NORP",
    "EVENT",
    "FAC",
    "PRODUCT",
    "WORK_OF_ART",
    "LAW",
)
# Longer "names" are caption debris or headline fragments; the longest real names in the ECB+
# train articles have 6 words ("Federal Emergency Management Agency of the ...").
MAX_NAME_WORDS = 7
# Paragraphs are cut to this many characters before NER so that one huge untrusted line cannot
# exhaust memory (spaCy's own limit is 1,000,000 characters).
MAX_CHUNK_CHARS = 20_000
# Components the NER of en_core_web_sm does not need (it has its own tok2vec): `load_spacy`
# leaves them out (`NER_ONLY`); turned off here too in case a model needs them loaded.
_UNUSED_FOR_NER: Final = ("tagger", "attribute_ruler", "senter", "morphologizer")
# Rules mode: a lone capitalised word opening a sentence ("Putin said", "Another day") is kept
# tentatively and survives only by linking to a person named in full somewhere in the corpus.
TENTATIVE: Final = "TENTATIVE"


@record
class NameMention:
    """A name as it stands in one article, with the type the model or the rules gave it."""

    article_id: str
    span: Span
    text: str
    label: str


_PARAGRAPH = re.compile(r"[^\n]+(?:\n(?![^\S\n]*\n)[^\n]+)*")


def paragraphs(text: str) -> Iterator[tuple[int, str]]:
    """(offset, paragraph) for every run of non-blank lines, cut to `MAX_CHUNK_CHARS`."""
    for match in _PARAGRAPH.finditer(text):
        start, piece = match.start(), match.group(0)
        for cut in range(0, len(piece), MAX_CHUNK_CHARS):
            yield start + cut, piece[cut : cut + MAX_CHUNK_CHARS]


def _clean_mention(article_id: str, text: str, span: Span, label: str) -> list[NameMention]:
    """Trim a raw span; split it at line breaks; drop what cannot be a name."""
    out: list[NameMention] = []
    start, end = span
    for piece in re.finditer(r"[^\n]+", text[start:end]):
        s, e = trim_span(text, (start + piece.start(), start + piece.end()))
        surface = text[s:e]
        words = surface.split()
        if not words or (not surface[:1].isupper() and not surface[:1].isdigit()):
            continue
        if len(words) > MAX_NAME_WORDS or not any(c.isalpha() for c in surface):
            continue
        if label != "PERSON" and len(words) == 1 and surface in gazetteer.NOT_NAMES:
            continue
        if surface.lower() in gazetteer.NOT_NAMES or surface.lower() in SUFFIXES:
            continue
        if len(words) == 1 and _is_title_only(surface):
            continue  # "Sgt." of "Sgt. Kari Thompson", "Dist." of "Dist. Atty. Steve Cooley"
        if _no_name(surface):
            continue  # "8.40pm", "GMT", "CCTV", "Mommy"
        while len(words) > 1 and words[-1].isalpha() and words[-1].islower():
            # "[Banstead in] Surrey": a name never ends in a lower-case word.
            surface = surface[: surface.rstrip().rfind(" ")].rstrip()
            e = s + len(surface)
            words = surface.split()
        split = _split_at_title(article_id, text, (s, e), label)
        if split is not None:
            out.extend(split)
            continue
        if label in {"GPE", "LOC"} and len(words) > 1 and _is_title_only(words[-1]):
            # "Henry County Prosecutor [Joe Bergacs]": the place, without the title after it.
            e = s + len(surface) - len(words[-1])
            while e > s and text[e - 1].isspace():
                e -= 1
            surface = text[s:e]
            words = surface.split()
        out.append(NameMention(article_id=article_id, span=(s, e), text=surface, label=label))
    return out


# Words the model tags as names that name nothing here: clock times and time zones ("8.40pm",
# "2045 GMT"), common-noun initials ("a CCTV operator", "DNA evidence") and the words a child
# calls a parent ("Mommy, I got hit"). Read on the audit of ECB+ train events 14 and 33.
_CLOCK = re.compile(
    r"\d{1,2}(?:[.:]\d{2})?\s?[ap]\.?m\.?|\d{1,4}(?:[.:]\d{2})?\s?(?:GMT|BST|UTC)", re.IGNORECASE
)
_NOT_NAME_WORDS: Final = wordlist(
    """gmt bst utc est edt cst cdt mst mdt pst pdt cctv dna gps atm suv pin cpr icu ptsd
    mommy mummy mom mum mama momma daddy dad papa grandma grandpa granny nana"""
)


def _no_name(surface: str) -> bool:
    return _CLOCK.fullmatch(surface) is not None or surface.lower().rstrip(".") in _NOT_NAME_WORDS


# Titles that end an office before a person's name inside one span ("Fayette County Sheriff
# Marty Fisher", "Detective Avery Thompson"); only titles that are seldom a name's own word.
_SPLIT_TITLES: Final = wordlist(
    """sheriff detective det det. officer sergeant sgt sgt. lieutenant lt lt. captain capt
    capt. deputy trooper investigator inspector constable prosecutor attorney spokesman
    spokeswoman spokesperson mayor governor gov gov. senator sen sen. coroner commissioner
    superintendent chief judge"""
)


# Heads of a street's or a building's name after a title word ("Sheriff Street Lodge").
_BUILDING_HEADS: Final = wordlist(
    """street st st. road rd rd. avenue ave ave. drive lane boulevard blvd way court place
    plaza square lodge hotel inn motel hall building tower station mall"""
)


def _person_after_title(words: list[str]) -> int | None:
    """How many words after the last title of `words` make a person's name (one to three
    capitalised words, none of them an organisation's or a place's head), or None."""
    for index in range(len(words) - 2, -1, -1):
        low = words[index].lower()
        if low in TITLE_WORDS and low not in _SPLIT_TITLES:
            return None  # "Chief Justice John Roberts": the last title is no office's end
        if low in _SPLIT_TITLES:
            rest = words[index + 1 :]
            plain = all(w[:1].isupper() and not w.isupper() for w in rest)
            heads = any(
                w.lower() in gazetteer.ORG_HEADS
                or w.lower() in gazetteer.LOC_HEADS
                or w.lower() in _BUILDING_HEADS
                for w in rest
            )
            return len(rest) if 1 <= len(rest) <= 3 and plain and not heads else None
    return None


def _split_at_title(article_id: str, text: str, span: Span, label: str) -> list[NameMention] | None:
    """ "Detective [Avery Thompson]" tagged ORG, "[Fayette County] Sheriff [Marty Fisher]"
    tagged PERSON: the person after an office's title, and the place or organisation before
    the title when it names one on its own; None when the span holds no such title (a PERSON
    span of up to three words keeps its title: `split_title` folds it later)."""
    pieces = list(re.finditer(r"\S+", text[span[0] : span[1]]))
    words = [p.group(0) for p in pieces]
    person = _person_after_title(words)
    if person is None or (label == "PERSON" and len(words) <= 3):
        return None
    first = pieces[len(words) - person]
    out = []
    head = _office_before(words[: len(words) - person - _title_run(words, person)])
    if head is not None:
        head_end = span[0] + pieces[len(head[0]) - 1].end()
        out.append(
            NameMention(
                article_id=article_id,
                span=(span[0], head_end),
                text=text[span[0] : head_end],
                label=head[1],
            )
        )
    name_start = span[0] + first.start()
    out.append(
        NameMention(
            article_id=article_id,
            span=(name_start, span[1]),
            text=text[name_start : span[1]],
            label="PERSON",
        )
    )
    return out


def _title_run(words: list[str], person: int) -> int:
    """The number of title words right before the last `person` words ("Chief Deputy")."""
    run = 0
    for word in reversed(words[: len(words) - person]):
        if word.lower() not in TITLE_WORDS and word.lower() not in _SPLIT_TITLES:
            break
        run += 1
    return run


def _office_before(words: list[str]) -> tuple[list[str], str] | None:
    """The words before a title and their label when they name a place or an organisation on
    their own ("Fayette County", "Fairbanks Police"); None when they name nothing sure."""
    if not words or not all(w[:1].isupper() for w in words):
        return None
    low = [w.lower() for w in words]
    if low[-1] in {"county", "city", "township", "parish", "borough"} or " ".join(low) in (
        gazetteer.GPE_NAMES
    ):
        return words, "GPE"
    if low[-1] in gazetteer.ORG_HEADS:
        return words, "ORG"
    return None


# Abbreviated titles the models tag as names on their own ("Sgt", "Atty").
_TITLE_ABBREVIATIONS: Final = wordlist(
    """dist atty sgt lt det cpl ofc supt insp cmdr asst dep capt col gen maj adm gov sen rep
    rev prof dr mr mrs ms jr sr st"""
)


def _is_title_only(surface: str) -> bool:
    low = surface.lower().rstrip(".")
    return low in _TITLE_ABBREVIATIONS or low in TITLE_WORDS


# The one NER pass of each article, shared by its readers (the story features, the entity
# stage): while a table is installed (`shared_mentions`), `spacy_mentions` with every name type
# reads each (article id, text) there and adds what it had to compute. The caching executor
# (`newsweave.products`) keeps the table across stages, so spaCy reads each text once a run.
_SHARED: ContextVar[dict[tuple[str, str], tuple[NameMention, ...]] | None] = ContextVar(
    "shared_mentions", default=None
)


@contextmanager
def shared_mentions(
    table: dict[tuple[str, str], tuple[NameMention, ...]],
) -> Iterator[dict[tuple[str, str], tuple[NameMention, ...]]]:
    """Make `spacy_mentions` read and fill `table` (keyed by (article id, text)) meanwhile."""
    token = _SHARED.set(table)
    try:
        yield table
    finally:
        _SHARED.reset(token)


def spacy_mentions(
    items: list[tuple[str, str]], *, batch_size: int = 64, types: tuple[str, ...] = NAME_TYPES
) -> list[list[NameMention]] | None:
    """NER mentions for each (article_id, text); None when spaCy or its model is missing."""
    nlp: Any = load_spacy(exclude=NER_ONLY)
    if nlp is None:
        return None
    table = _SHARED.get()
    if table is None or set(types) != set(NAME_TYPES):
        # Another set of types filters entities before they are cleaned (a split at a title
        # can relabel a piece), so it is not a filter of the shared mentions: computed apart.
        return _ner_mentions(nlp, items, batch_size=batch_size, types=types)
    keys = [(article_id, text) for article_id, text in items]
    missing = [key for key in dict.fromkeys(keys) if key not in table]
    if missing:
        found = _ner_mentions(nlp, missing, batch_size=batch_size, types=NAME_TYPES)
        table.update((key, tuple(mentions)) for key, mentions in zip(missing, found, strict=True))
    return [list(table[key]) for key in keys]


# A typographic apostrophe inside a name ("Lawrence O’Toole", "Lisa D’Angelo", "Ke’Ambrielle
# Sanders", "N‘Golo Kante"): the model, trained on straight apostrophes, ends the name before
# the word ("Lawrence") or types it ORG, so the NER reads a straight one there (same length, so
# offsets hold; the mention keeps the article's own characters). Only between a capitalised
# word start of at most four letters and a capitalised word: contractions and possessives
# ("wouldn’t", "CBS4’s") are read as written, as the model did before.
_NAME_APOSTROPHE: Final = re.compile(r"(?<![\w'’‘`ʼ])([A-Z][a-z]{0,3})[’‘`ʼ](?=[A-Z][a-z])")


def straight_name_apostrophes(text: str) -> str:
    """`text` with a typographic apostrophe inside a name made straight, offsets unchanged."""
    return _NAME_APOSTROPHE.sub(r"\1'", text)


def _ner_mentions(
    nlp: Any, items: list[tuple[str, str]], *, batch_size: int, types: tuple[str, ...]
) -> list[list[NameMention]]:
    chunks: list[tuple[int, int, list[int]]] = []  # (item index, offset, respace map)
    texts: list[str] = []
    for index, (_, text) in enumerate(items):
        for offset, piece in paragraphs(text):
            plain = straight_name_apostrophes(piece.replace("\xa0", " "))
            spaced, mapping = respace_glued(plain)
            chunks.append((index, offset, mapping))
            texts.append(spacy_safe(spaced))
    skip = [name for name in _UNUSED_FOR_NER if name in nlp.pipe_names]
    out: list[list[NameMention]] = [[] for _ in items]
    wanted = set(types)
    for (index, offset, mapping), doc in zip(
        chunks, nlp.pipe(texts, batch_size=batch_size, disable=skip), strict=True
    ):
        article_id, text = items[index]
        doc_text = doc.text  # rebuilt from every token on each access: once per doc, not per name
        for ent in doc.ents:
            if ent.label_ not in wanted:
                continue
            for part in _located_pieces(doc_text, ent.start_char, ent.end_char, ent.label_):
                s, e = map_span(part, mapping)
                out[index].extend(
                    _clean_mention(article_id, text, (offset + s, offset + e), ent.label_)
                )
    return out


# Separators that never stand inside one name but do join two in captions and lists:
# "Joe Biden\nVladimir Putin" (re-spaced glue), "Chip Somodevilla/Getty", "Biden, Navalny",
# "the Associated Press and The New York Times", "N.W. 25th Avenue & 102nd Street".
_NAME_BREAK = re.compile(
    r"\n|(?<![^\S\n])[^\S\n]*/\s*|,\s+|(?<![^\S\n])[^\S\n]+(?:and|&)\s+"
    r"(?=The\b|[A-Z][a-z]+\s+[A-Z]|\d+(?:st|nd|rd|th)\s+[A-Z])"
)


# " in " between two capitalised names of a place or organisation span: "High Street in
# Banstead" is a street and its town (a title keeps it: "Death in Venice" is WORK_OF_ART).
_LOCATED_IN = re.compile(r"(?<=[a-z.]) in (?=[A-Z])")
_LOCATED_LABELS: Final = frozenset({"GPE", "LOC", "FAC", "ORG"})


def _located_pieces(text: str, start: int, end: int, label: str) -> Iterator[Span]:
    for s, e in _name_pieces(text, start, end):
        if label not in _LOCATED_LABELS:
            yield s, e
            continue
        last = s
        for match in _LOCATED_IN.finditer(text, s, e):
            yield last, match.start()
            last = match.end()
        yield last, e


def _name_pieces(text: str, start: int, end: int) -> Iterator[Span]:
    last = start
    for match in _NAME_BREAK.finditer(text, start, end):
        if _inside_one_name(text, last, match, end):
            continue
        yield last, match.start()
        last = match.end()
    yield last, end


def _inside_one_name(text: str, last: int, match: re.Match[str], end: int) -> bool:
    """Whether an "and" joins two words of one organisation's name ("Surrey Fire and Rescue
    Service"): the name after it ends in an organisation's head and the one before does not
    ("the Associated Press and The New York Times" stays two)."""
    if match.group(0).strip() not in {"and", "&"}:
        return False
    before = text[last : match.start()].split()
    after = text[match.end() : end].split()
    return (
        bool(before and after)
        and after[-1].lower() in gazetteer.ORG_HEADS
        and before[-1].lower() not in gazetteer.ORG_HEADS
        and after[0] != "The"
    )


# ---- rules mode -------------------------------------------------------------------------------

_ABBREVIATIONS = (
    r"(?:Mr|Mrs|Ms|Dr|St|Jr|Sr|Gen|Sen|Rep|Gov|Lt|Col|Sgt|Capt|Rev|Prof|Inc|Corp|Co|Ltd)\."
)
# Capitals and letters beyond ASCII too ("Gérard Bénézat", "Łukasz"): Latin-1 and Latin
# Extended-A upper-case ranges, then any letters.
_UPPER = "A-ZÀ-ÖØ-ÞĀĂĄĆĈĊČĎĐĒĔĖĘĚĜĞĠĢĤĦĨĪĬĮİĴĶĹĻĽĿŁŃŅŇŊŌŎŐŒŔŖŘŚŜŞŠŢŤŦŨŪŬŮŰŲŴŶŸŹŻŽ"
_LETTERS = r"[^\W\d_]"
_TOKEN = (
    rf"(?:(?:[{_UPPER}]\.){{2,}}|{_ABBREVIATIONS}|[{_UPPER}]\.(?=[ \xa0][{_UPPER}])"
    rf"|[{_UPPER}]{_LETTERS}*(?:['’\-]{_LETTERS}+)*)"
)
_CONNECT = r"(?:of|de|del|van|von|der|da|di|du|al|bin|la|le|for|&)"
_SEQUENCE = re.compile(rf"(?<![\w’'.]){_TOKEN}(?:[ \xa0](?:{_CONNECT}[ \xa0])?{_TOKEN})*")
_LINE = re.compile(r"[^\n]+")
# A line whose words are mostly capitalised is a headline, a menu or a caption credit: names
# in it are unreliable without a model (every word looks like one). 0.7 with at least four
# words kept every prose sentence of the ECB+ train sample.
TITLE_CASE_SHARE = 0.7


def _at_sentence_start(text: str, start: int) -> bool:
    before = text[max(0, start - 12) : start].rstrip(" \t\xa0\"“‘'(")
    return not before or before[-1] in ".!?:\n"


def title_case_line(line: str) -> bool:
    # `map(str.isalpha, ...)` is `c.isalpha() for c in w` without a generator: linking asks this
    # of whole paragraphs (`split_debris`), half its cost (issue 15, session 16).
    words = [w for w in line.split() if any(map(str.isalpha, w))]
    if len(words) < 4:
        return False
    capitalised = sum(1 for w in words if w[:1].isupper())
    return capitalised / len(words) >= TITLE_CASE_SHARE


def _rules_type(words: list[str], titled: bool) -> str | None:
    last = words[-1].lower().rstrip(".") if words else ""
    joined = " ".join(words).lower()
    if titled:
        return "PERSON"
    if joined in gazetteer.GPE_NAMES:
        return "GPE"
    if joined in gazetteer.NORP_NAMES:
        return "NORP"
    if last in gazetteer.ORG_HEADS or joined in gazetteer.ORG_HEADS:
        return "ORG"
    if len(words) == 1 and words[0].isupper() and len(words[0].replace(".", "")) >= 2:
        return "ORG"  # an acronym: "NATO", "AP"
    if last in gazetteer.LOC_HEADS:
        return "LOC"
    if last in gazetteer.EVENT_HEADS:
        return "EVENT"
    if len(words) >= 2 and " of " not in f" {joined} ":
        return "PERSON"
    return None


def capitalised_runs(text: str) -> Iterator[Span]:
    """Spans of the capitalised word sequences of `text` ("Sheriff Elmer Tanner", "Knox County
    Sheriff's Office") outside headline-like lines, where every word is capitalised."""
    plain = text.replace("\xa0", " ")
    for line in _LINE.finditer(plain):
        if not title_case_line(line.group(0)):
            for match in _SEQUENCE.finditer(plain, line.start(), line.end()):
                yield match.start(), match.end()


def rules_mentions(article_id: str, text: str) -> list[NameMention]:
    """Capitalised sequences typed with the gazetteer and the title lexicon (no model)."""
    out: list[NameMention] = []
    spaced, mapping = respace_glued(text.replace("\xa0", " "))
    matches = [
        m
        for line in _LINE.finditer(spaced)
        if not title_case_line(line.group(0))
        for m in _SEQUENCE.finditer(spaced, line.start(), line.end())
    ]
    mid_words = {
        strip_possessive(w)
        for m in matches
        if not _at_sentence_start(spaced, m.start())
        for w in m.group(0).split()
    }
    for match in matches:
        start, surface = match.start(), match.group(0)
        words = surface.split()
        at_start = _at_sentence_start(spaced, start)
        # Leading function words ("The Kremlin", "But Putin") are not part of the name.
        while words and words[0].lower().rstrip(".") in gazetteer.NOT_NAMES:
            start += len(words[0]) + 1
            words = words[1:]
            at_start = False
        if not words:
            continue
        name = " ".join(words)
        title, rest = split_title(strip_possessive(name))
        rest_words = rest.split()
        if not rest_words or rest.lower() in TITLE_WORDS or not rest[:1].isupper():
            continue
        if rest.split(" ")[0].lower() in TITLE_WORDS and not title:
            continue  # "President of Russia": a role, not a name
        label = _rules_type([strip_possessive(w) for w in rest_words], bool(title))
        if label is None:
            single = strip_possessive(rest_words[0])
            # A lone capitalised word counts when it also stands mid-sentence somewhere
            # (so "Another" opening a sentence is not a name, "Navalny" is).
            if len(rest_words) == 1 and (single in mid_words or not at_start):
                label = "MISC"
            elif len(rest_words) == 1:
                label = TENTATIVE  # kept only if it links to a known person's surname
            else:
                continue
        # The mention is the name itself; its title ("Lt.", "Russian President") stays in the
        # text just before it, where entity linking reads roles from.
        offset = len(name) - len(rest) if title and name.endswith(rest) else 0
        span = map_span((start + offset, start + len(name)), mapping)
        out.extend(_clean_mention(article_id, text, span, label))
    return out
