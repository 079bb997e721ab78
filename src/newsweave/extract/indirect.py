"""Indirect speech: reported clauses and who reports them.

Three shapes, each giving the span of the reported clause (never the attribution):
- "Putin said (that) <clause>", "Putin expressed confidence that <clause>", "told jurors he …";
- "<clause>, police said on Saturday." / "<clause>, said Lt. Gregg Hastings." / "…, it said,
  adding that <clause>";
- "According to X, <clause>."
A clause already quoted directly is left to the direct quote; a subject that names nobody
("after news media announced …") gives no indirect quote.
"""

from __future__ import annotations

import itertools
import re
from typing import Final

from newsweave.extract.aliases import wordlist
from newsweave.extract.speakers import (
    PRONOUNS,
    Attribution,
    SpanIndex,
    Speakers,
    sentence_limit,
    sentence_starts,
)
from newsweave.model import Span


def find_indirect(
    text: str, speakers: Speakers, direct_spans: list[Span]
) -> list[tuple[Span, Attribution]]:
    """(span of the reported clause, who reports it) for the indirect speech of `text`."""
    quoted = SpanIndex(direct_spans)
    found = _that_clauses(text, speakers, quoted)
    taken = SpanIndex([span for span, _ in found])
    found += _reported_sentences(text, speakers, quoted, taken)
    return found


_CLAUSE_VERBS = (
    r"said|says|say|told|tells|added|noted|stressed|warned|claimed|claims|claiming|"
    r"argued|insisted|announced|stated|explained|acknowledged|admitted|confirmed|denied|hoped|"
    r"revealed|testified|expressed\s+(?:confidence|hope|concern|regret|belief|doubt)|assured|"
    r"predicted|believes|believed|underlined|emphasi[sz]ed|maintained|reiterated|promised"
)
# Verbs whose bare complement is a clause ("said the talks …"); others take objects ("denied
# the allegations", "confirmed the report") and need "that" or a pronoun subject.
_BARE_CLAUSE_VERBS = (
    r"said|says|say|added|believes|believed|hoped|thinks|thought|argued|insisted|claimed|warned"
)
_INDIRECT = re.compile(
    rf"\b(?:(?P<verb>{_CLAUSE_VERBS})"
    r"(?:(?P<gap>(?:\s+[\w.,’']+){0,7}?)\s+that\s+"
    # without "that": a pronoun may follow a short object or time ("told jurors in Albany County
    # Court he …", "said on Saturday they …")
    r"|(?P<gap2>(?:\s+[\w.’']+){0,6}?)\s+(?=(?:he|she|they|it|we|I)\s))"
    rf"|(?P<bare>{_BARE_CLAUSE_VERBS})"
    r"\s+(?=(?:the|a|an|his|her|its|our|their|this|these|those|there|some|[A-Z][a-z]+)\s))"
)
# The words between a verb and "that" must read as an adverbial or an object ("in his message",
# "on Nov. 9", "reporters"), not as a new clause ("… said the man who claimed that").
_GAP_STOP: Final = wordlist("who which said says and but because if when while")


def _that_clauses(
    text: str, speakers: Speakers, quoted: SpanIndex
) -> list[tuple[Span, Attribution]]:
    """'X said (that) <clause>', 'X expressed confidence that <clause>'."""
    out: list[tuple[Span, Attribution]] = []
    taken = SpanIndex()
    for match in _INDIRECT.finditer(text):
        verb_group = "verb" if match.group("verb") else "bare"
        verb_start = match.start(verb_group)
        if speakers.inside_quote(verb_start):
            continue
        gap = (match.group("gap") or match.group("gap2") or "").split()
        if any(w.lower().strip(",") in _GAP_STOP for w in gap):
            continue
        clause_start = match.end()
        sentence_end = sentence_limit(text, clause_start)
        clause_end = _clause_end(text, clause_start, sentence_end)
        # The reported clause stops where a quote of its own words begins; what is left must
        # still be a clause, not only its subject ('that the Russian president, 68, "wished …"').
        s = quoted.first_start_within(clause_start, clause_end)
        if s is not None:
            clause_end = s - 1 if len(text[clause_start : s - 1].split()) > 5 else clause_start
        clause_end = _clause_end(text, clause_start, clause_end)
        if clause_end - clause_start < 15:
            continue
        if quoted.overlaps(clause_start, clause_end):
            continue  # the reported words are quoted: the direct quote covers them
        if taken.overlaps(clause_start, clause_end):
            continue
        para_start, _ = speakers.paragraph(verb_start)
        para_start = max(para_start, verb_start - speakers.config.frame_chars)
        begin = max(sentence_starts(text, para_start, verb_start)[-1], para_start)
        before = text[begin:verb_start]
        age = re.search(r",\s*\d{1,3}\s*,\s*$", before)  # "Armstead, 32, testified"
        if age:
            before = before[: age.start()]
        words = re.findall(r"[\w’'\-\.]+|,", before)
        if not words:
            continue
        commas = [i for i, w in enumerate(words) if w == ","]
        if words[-1] == ",":
            # "Jonathan Wright, a director at Interoute, said that …": the appositive names
            # the subject that opens the sentence.
            if len(commas) < 2 or commas[0] > 5:
                continue
            cut = -1
            subject = words[: commas[0]]
        else:
            cut = commas[-1] if commas else -1
            subject = words[cut + 1 :]
        if not subject or len(subject) > 8:
            continue
        clause_from = begin + _nth_offset(before, words, cut + 1)
        attribution = speakers.subject(
            clause_from,
            verb_start,
            prefer_last=False,
            cue=" ".join(match.group(verb_group).split()),
        )
        named = subject[-1][:1].isupper() and subject[-1].lower() not in PRONOUNS
        described = subject[0].lower() in _DETERMINERS and len(subject) <= 6
        if attribution.speaker_id is None and not (_speaker_noun(subject) or named or described):
            continue  # "after news media announced Biden has won": no speaker named
        span = (clause_start, clause_end)
        taken.add(span)
        out.append((span, attribution))
    return out


_REPORTING = (
    r"said|says|told\s+[\w.]+(?:\s+[A-Z][\w.]+)*|added|reported|announced|confirmed|stated|"
    r"explained|noted|warned|insisted|claimed|reports"
)
# "<clause>, police said on Saturday." / "<clause>, it said, adding that <clause>."
_TRAILING = re.compile(
    rf",\s+(?P<subj>[^,\"“”]{{1,70}}?)\s+(?P<verb>{_REPORTING})(?P<tail>(?:\s+[^,\"“”]{{0,50}})?)"
    r"(?:,\s+adding\s+that\s+(?P<added>.+)|,\s+(?:in|as|after|while|with|\w+ing)\b[^\"“”]*)?$"
)
# "<clause>, said Lt. Gregg Hastings of the Oregon State Police."
_TRAILING_VERB_FIRST = re.compile(
    r",\s+(?P<verb>said|says|added)\s+(?P<subj>[^,\"“”]{1,80})(?:,\s+(?:who|a|an|the)\b[^\"“”]*)?$"
)
_ACCORDING = re.compile(r"^[Aa]ccording to\s+(?P<subj>[^,]{1,80}),\s+")


def _reported_sentences(
    text: str, speakers: Speakers, quoted: SpanIndex, taken: SpanIndex
) -> list[tuple[Span, Attribution]]:
    """Indirect speech attributed at the end or start of its sentence, without "that":
    "<clause>, police said." / "<clause>, said X." / "According to X, <clause>."."""
    out: list[tuple[Span, Attribution]] = []
    for para in re.finditer(r"[^\n]+", text):
        bounds = [*sentence_starts(text, para.start(), para.end()), para.end()]
        for start, end in itertools.pairwise(bounds):
            sentence = text[start:end].rstrip()
            body = sentence.rstrip(".!? ")
            stop = start + len(body)
            if quoted.overlaps(start, stop) or taken.overlaps(start, stop):
                continue
            found = _reported_in(text, start, stop, speakers)
            if found is None:
                continue
            (clause_start, clause_end), attribution = found
            out.append(((clause_start, clause_end), attribution[0]))
            if attribution[1] is not None:
                out.append((attribution[1], attribution[0]))
    return out


def _reported_in(
    text: str, start: int, stop: int, speakers: Speakers
) -> tuple[Span, tuple[Attribution, Span | None]] | None:
    body = text[start:stop]
    match = _ACCORDING.match(body)
    if match:
        attribution = speakers.subject(
            start + match.start("subj"),
            start + match.end("subj"),
            prefer_last=False,
            cue="according to",
        )
        clause = (start + match.end(), stop)
        return (clause, (attribution, None)) if _named(attribution, match.group("subj")) else None
    match = _TRAILING.search(body) or _TRAILING_VERB_FIRST.search(body)
    if match is None or "that" in (match.groupdict().get("tail") or "").split():
        return None
    subject = match.group("subj")
    if len(subject.split()) > 8 or subject.split()[0].lower() in {"which", "who", "and", "but"}:
        return None
    clause_end = start + match.start()
    if len(text[start:clause_end].split()) < 4:
        return None
    attribution = speakers.subject(
        start + match.start("subj"),
        start + match.end("subj"),
        prefer_last=match.re is _TRAILING,
        cue=" ".join(match.group("verb").split()),
    )
    if not _named(attribution, subject):
        return None
    added = match.groupdict().get("added")
    extra = (start + match.start("added"), stop) if added else None
    return (start, clause_end), (attribution, extra)


def _named(attribution: Attribution, subject: str) -> bool:
    """A speaker worth reporting: an entity, a name, a pronoun or a speaker noun."""
    words = subject.split()
    return bool(words) and (
        attribution.speaker_id is not None
        or _speaker_noun(words)
        or words[-1].lower() in PRONOUNS
        or words[-1][:1].isupper()
    )


def _nth_offset(before: str, words: list[str], n: int) -> int:
    pos = 0
    for i, word in enumerate(words):
        pos = before.find(word, pos)
        if i == n:
            return pos
        pos += len(word)
    return len(before)


def _clause_end(text: str, start: int, end: int) -> int:
    """End of a reported clause: before a trailing ', according to …' and the final stop."""
    piece = text[start:end]
    match = re.search(
        r",\s+(?:according to|adding|saying|noting|stressing|he said|she said|they said|"
        r"[A-Z][\w’'\- ]{0,40} said)\b",
        piece,
    )
    if match:
        piece = piece[: match.start()]
    piece = piece.rstrip(' .,;:!?\n"“‘')
    return start + len(piece)


# Common nouns that name a speaker well enough without a name ("police said that ...").
_SPEAKER_NOUNS: Final = wordlist(
    """spokesman spokeswoman spokesperson spokespeople official officials police authorities
    officers witnesses prosecutors prosecutor lawyer lawyers attorney source sources
    statement agency ministry company government department experts analysts residents
    investigators representative representatives publicist reports report"""
)


# A subject opening with one of these describes a speaker ("The victim's nephew said she …",
# "some 62 percent of respondents said …"); prepositions ("after news media announced …") do not.
_DETERMINERS: Final = wordlist("the a an his her its their our some many most several")


def _speaker_noun(subject: list[str]) -> bool:
    return any(w.lower().strip(".,") in _SPEAKER_NOUNS for w in subject)
