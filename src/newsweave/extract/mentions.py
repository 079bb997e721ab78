"""Name mentions in article text: spaCy NER when installed, capitalised-sequence rules otherwise.

This is the per-article (map) half of entity extraction; `entities.py` links the mentions into
entities across the corpus. Both modes return `NameMention`s whose spans index `Article.text`.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
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
        if label in {"GPE", "LOC"} and len(words) > 1 and _is_title_only(words[-1]):
            # "Henry County Prosecutor [Joe Bergacs]": the place, without the title after it.
            e = s + len(surface) - len(words[-1])
            while e > s and text[e - 1].isspace():
                e -= 1
            surface = text[s:e]
            words = surface.split()
        out.append(NameMention(article_id=article_id, span=(s, e), text=surface, label=label))
    return out


# Abbreviated titles the models tag as names on their own ("Sgt", "Atty").
_TITLE_ABBREVIATIONS: Final = wordlist(
    """dist atty sgt lt det cpl ofc supt insp cmdr asst dep capt col gen maj adm gov sen rep
    rev prof dr mr mrs ms jr sr st"""
)


def _is_title_only(surface: str) -> bool:
    low = surface.lower().rstrip(".")
    return low in _TITLE_ABBREVIATIONS or low in TITLE_WORDS


def spacy_mentions(
    items: list[tuple[str, str]], *, batch_size: int = 64, types: tuple[str, ...] = NAME_TYPES
) -> list[list[NameMention]] | None:
    """NER mentions for each (article_id, text); None when spaCy or its model is missing."""
    nlp: Any = load_spacy(exclude=NER_ONLY)
    if nlp is None:
        return None
    chunks: list[tuple[int, int, list[int]]] = []  # (item index, offset, respace map)
    texts: list[str] = []
    for index, (_, text) in enumerate(items):
        for offset, piece in paragraphs(text):
            spaced, mapping = respace_glued(piece.replace("\xa0", " "))
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
            for part in _name_pieces(doc_text, ent.start_char, ent.end_char):
                s, e = map_span(part, mapping)
                out[index].extend(
                    _clean_mention(article_id, text, (offset + s, offset + e), ent.label_)
                )
    return out


# Separators that never stand inside one name but do join two in captions and lists:
# "Joe Biden\nVladimir Putin" (re-spaced glue), "Chip Somodevilla/Getty", "Biden, Navalny",
# "the Associated Press and The New York Times".
_NAME_BREAK = re.compile(
    r"\n|(?<![^\S\n])[^\S\n]*/\s*|,\s+|(?<![^\S\n])[^\S\n]+(?:and|&)\s+(?=The\b|[A-Z][a-z]+\s+[A-Z])"
)


def _name_pieces(text: str, start: int, end: int) -> Iterator[Span]:
    last = start
    for match in _NAME_BREAK.finditer(text, start, end):
        yield last, match.start()
        last = match.end()
    yield last, end


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
    words = [w for w in line.split() if any(c.isalpha() for c in w)]
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
