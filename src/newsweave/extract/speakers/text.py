"""Sentence and word helpers over raw article text: sentence starts and limits that survive
abbreviations, decimals and clock times, datelines, and the word tokens frames are read from."""

from __future__ import annotations

import re
from typing import Final

from newsweave.extract.aliases import wordlist
from newsweave.extract.speakers.words import (
    _ABBREVIATION,
    SPEECH_VERBS,
)

_WORD = re.compile(r"[\w’'\-\.]+|[,:;]")


_SENTENCE_END = re.compile(
    r"(?<!\b[A-Z])(?<!\b(?:Mr|Ms|Dr|St|Jr|Sr))(?<!\bMrs)[.!?][\"”’']{0,2}(?=\s+[\"“‘'`]{0,2}\[?[A-Z0-9])"
)


_DASHES: Final = ("—", "–", "--", " - ")


_CLOCK_MARK = re.compile(r"\b[ap]\.m$", re.IGNORECASE)


# What may follow "p.m." in the same sentence: "at 12:09 p.m. Wednesday at …", "p.m. on June 3".
_AFTER_CLOCK = re.compile(
    r"\s+(?:[a-z(]|\d|(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day\b|(?:Jan|Feb|March|April|May|"
    r"June|July|Aug|Sept?|Oct|Nov|Dec)[a-z]*\.?\s+\d)"
)


# Abbreviations that stand before a name, never at the end of a sentence.
_TITLE_ABBREVIATIONS: Final = wordlist(
    """Rev Gen Sen Rep Gov Lt Col Sgt Capt Prof Mt Ft Atty Det Cpl Supt Insp Asst Dep Ofc Cmdr
    Maj Adm Cpt Brig Pres Hon Fr Spc Pvt"""
)


# Abbreviations that stand before a number ("Nov. 30", "No. 5", "Ch. 3").
_NUMBERED_ABBREVIATIONS: Final = wordlist(
    """Jan Feb Mar Apr Jun Jul Aug Sep Sept Oct Nov Dec No Nos Vol Ch Art Sec Pg Fig Rt Hwy
    Ave Blvd Apt Ste"""
)


def after_dateline(text: str, start: int, end: int) -> int:
    """`start`, moved past an all-capitals dateline and its dash that open text[start:end]
    ("SALT LAKE CITY — Police say …", "ATLANTA, Ga. -- …"): the place is never a speaker."""
    pos = start + len(text[start:end]) - len(text[start:end].lstrip(' "“\n'))
    piece = text[pos : min(end, pos + 60)]
    cuts = [(piece.find(d), d) for d in _DASHES if piece.find(d) > 0]
    if not cuts:
        return start
    cut, dash = min(cuts)
    place = piece[:cut].split(",")[0].strip()
    if not any(c.isalpha() for c in place) or place != place.upper() or "\n" in piece[:cut]:
        return start
    return pos + cut + len(dash)


def title_words(words: str) -> bool:
    """Whether `words` (what stands between a speech verb and a name: "California Highway
    Patrol Officer") are capitalised title words only, no "And" joining two people."""
    return all(w[:1].isupper() and w not in {"And", "&"} for w in words.split())


def possessed(text: str, end: int) -> bool:
    """True when the name ending at `end` is a possessive ("Lewis' father", "Putin's aide",
    "Timmons' 16 year-old best friend")."""
    return bool(re.match(r"(?:['’]s?)\s+[a-z0-9]", text[end : end + 12]))


def sentence_limit(text: str, pos: int, *, reach: int = 300) -> int:
    """End of the sentence running at `pos` (after its stop), or of the line; abbreviations
    ("Mr.", "U.S.", "Nov.") do not end sentences."""
    stop = min(len(text), pos + reach)
    # '… Department said.A $40,000 reward …': a page that lost the space after a stop (two
    # lower-case letters before it, a capital after) glues sentences that still end there.
    for match in re.finditer(
        r"[.!?](?=[\"”’']?(?:\s|$))|(?<=[a-z]{2}\.)(?=[A-Z])|\n", text[pos:stop]
    ):
        at = pos + match.start()
        if match.group(0) == "." and (
            _ABBREVIATION.search(text[max(0, at - 6) : at])
            or _split_decimal(text, at)
            or _clock_mark_goes_on(text, at)
        ):
            continue
        return pos + match.end()
    return stop


def _clock_mark_goes_on(text: str, stop: int) -> bool:
    """Whether the full stop at `stop` closes "a.m."/"p.m." inside a sentence that goes on (a
    weekday, a date, a lower-case word after it), not the sentence: "pronounced dead at 12:09
    p.m. Wednesday at LSU Medical Center"."""
    return bool(
        _CLOCK_MARK.search(text[max(0, stop - 4) : stop]) and _AFTER_CLOCK.match(text, stop + 1)
    )


def sentence_starts(text: str, start: int, end: int) -> list[int]:
    """Offsets where sentences begin within text[start:end] (the first is `start`).

    A blank line always ends a sentence (headlines and captions carry no final stop). The full
    stop of a title ("Lt. Gerry Scherlinck") or of a dated or numbered abbreviation ("Nov. 30",
    "No. 5") ends none.
    """
    out = {start}
    # The look-ahead needs to see the first letters after `end` (a sentence that starts there).
    for match in _SENTENCE_END.finditer(text, start, min(len(text), end + 3)):
        if match.end() > end:
            break
        if _abbreviation_stop(text, match.start(), match.end()) or _clock_mark_goes_on(
            text, match.start()
        ):
            continue  # "about 7:45 a.m. Friday in the stairwell": the sentence goes on
        out.add(_skip_space(text, match.end(), end))
    for match in re.finditer(r"\n[ \t\xa0]*\n", text[start:end]):
        out.add(_skip_space(text, start + match.end(), end))
    return sorted(out)


def _split_decimal(text: str, stop: int) -> bool:
    """True when the full stop at `stop` is a decimal point that a tokenizer split off ("$2. 6
    million", "at around 4. 30am" in ECB+ texts): a digit before it and after one space."""
    return (
        stop > 0
        and text[stop - 1].isdigit()
        and text[stop + 1 : stop + 2] == " "
        and text[stop + 2 : stop + 3].isdigit()
    )


def _abbreviation_stop(text: str, stop: int, end: int) -> bool:
    """True when the full stop at `stop` closes an abbreviation, not a sentence: a title before
    a name ("Gen. Schwarzkopf"), or a month or "No." before a number ("Nov. 30 escape")."""
    if text[stop] != "." or end != stop + 1:
        return False
    if _split_decimal(text, stop):
        return True
    word = re.search(r"\b([A-Z][a-z]{1,4})$", text[max(0, stop - 6) : stop])
    if word is None:
        return False
    if word.group(1) in _TITLE_ABBREVIATIONS:
        return True
    follows = text[end : end + 4].lstrip()
    return word.group(1) in _NUMBERED_ABBREVIATIONS and follows[:1].isdigit()


def _skip_space(text: str, pos: int, end: int) -> int:
    while pos < end and text[pos].isspace():
        pos += 1
    return pos


def _words(text: str, start: int, end: int) -> list[tuple[str, int, int]]:
    # A run of apostrophes is a typed closing quote (newswire ''), not a word.
    return [
        (m.group(0), start + m.start(), start + m.end())
        for m in _WORD.finditer(text[start:end])
        if m.group(0).strip("'’")
    ]


def _is_verb(word: str) -> bool:
    """A speech verb as written in running text: "said", not the "State" of "Ohio State"."""
    return word[:1].islower() and word.strip(".") in SPEECH_VERBS
