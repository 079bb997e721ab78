"""Repair what scraping broke: sentences split by a stray line break, hyphenation, hard wraps."""

from __future__ import annotations

import re
from typing import Final

from newsweave.clean.lexicon import is_date_line, word_set
from newsweave.clean.lines import Line, ends_like_sentence

# Prefixes whose hyphen is part of the word ("self-aware", "well-known"): keep the hyphen when
# joining a line that ends with one of them.
_KEEP_HYPHEN: Final = word_set(
    "self well non anti co ex pre post pro semi multi inter intra cross half so long "
    "short high low full all one two three four five six seven eight nine ten first "
    "second third"
)
_BULLET: Final = re.compile(r"^(?:[-*•·◦▪‣–—>]|\d{1,3}[.)]|[a-z][.)]) ")
_HYPHEN_END: Final = re.compile(r"\b([^\W\d_]+)-$")
# Lines of a hard-wrapped text (mail, plain-text archives) are this long, give or take.
# Calibrated on RFC-style 72-column text and 80-column archives; html_text output never wraps.
_WRAP_MIN, _WRAP_MAX = 45, 100


def _continues(prev: str, nxt: str) -> bool:
    """`nxt` continues the sentence that `prev` leaves open."""
    if not nxt or not nxt[0].islower() or _BULLET.match(nxt) or _is_dateline(nxt):
        return False
    if ends_like_sentence(prev) or prev.endswith((":", ";")):
        return False
    last = prev[-1]
    # A fragment of at least eight words, cut after a word or a comma, is a sentence cut in two:
    # menu items and list entries are shorter (checked on the dev set: no list entry joined).
    return (last.isalpha() or last in ",") and len(prev.split()) >= 8


# A line whose first quotation mark closes a quote after punctuation ("I'm satisfied,\"
# Klitschko said."): the quote was opened on an earlier line.
_CLOSES_QUOTE_FIRST: Final = re.compile(r"^[^\"“”\n]{1,300}[,.!?][\"”](?:\s|$)")


def _quote_continues(prev: str, nxt: str) -> bool:
    """`nxt` ends a quotation that `prev` opened: a stray paragraph break inside a quote
    ('"Thompson was not so easy to box.' / 'I'm satisfied," Klitschko said.'). A new paragraph
    of a long quote opens with a quotation mark again, so such a line never continues."""
    if not nxt or nxt[0] in "\"“'‘" or _CLOSES_QUOTE_FIRST.match(nxt) is None:
        return False
    opened = prev.count('"') % 2 == 1 or prev.count("“") > prev.count("”")
    return opened and len(prev.split()) <= 80


# Sentences of one quote a scrape put on lines of their own: at most this many between the
# line that opens the quote and the line that closes it.
_MAX_QUOTE_LINES = 3
_QUOTE_MARKS: Final = ('"', "“", "”")


def _inside_open_quote(prev: str, lines: list[Line], index: int) -> bool:
    """`lines[index]` is a sentence inside the quote `prev` opened, which a line soon after
    closes ('"Do not trust Mr. Nichols ever again.' / 'Ever again.' / 'Because he can not be
    trusted."'): no quotation mark on it or on the lines up to the closing one."""
    if not (prev.count('"') % 2 == 1 or prev.count("“") > prev.count("”")):
        return False
    for ahead in lines[index : index + _MAX_QUOTE_LINES]:
        text = ahead.text
        if not ends_like_sentence(text) or len(text.split()) > _MAX_QUOTED_LINE_WORDS:
            return False
        if any(mark in text for mark in _QUOTE_MARKS):
            return ahead is not lines[index] and _quote_continues(prev, text)
    return False


_MAX_QUOTED_LINE_WORDS = 60


# A time of day ("5:03p", "4:31 AM") near the start of a line.
_CLOCK: Final = re.compile(r"\b[0-2]?\d:[0-5]\d")
_DATELINE_REACH = 30


def _is_dateline(line: str) -> bool:
    """A byline date under a headline ("on Dec 23 2012, 5:03p"): a date and a time of day near
    its start, and no sentence end. Joined to the headline above it, it became part of the
    title ("Colts Beat Chiefs 20-13, ... on Dec 23 2012, 5:03p", 5 ECB+ pages)."""
    head = line[:_DATELINE_REACH]
    return (
        not ends_like_sentence(line)
        and _CLOCK.search(line) is not None
        and is_date_line(head, len(head.split()))
    )


# A sentence end glued to the next sentence by a scrape that dropped the space ("the
# Army.He was", "sense of humor.\"Very polite boy,\" ...", "deserve that.\"Neighbors say"):
# two lower-case letters, the mark, maybe a quotation mark, then a capitalised word. Initials
# and abbreviations with a capital before the dot ("U.S.Army", "Mr.Smith"), ellipses and
# decimals never match.
_GLUED_SENTENCE: Final = re.compile(r"(?<=[a-z]{2})[.!?][\"“”]?(?=[A-Z][a-z])")
# Abbreviations written in lower case after a capital, which a name may follow ("Gov.Smith").
_ABBREVIATIONS: Final = word_set(
    "gov sen rep gen col capt cmdr lt sgt supt det insp prof rev hon messrs mrs ms dr st jr sr "
    "inc corp ltd co bros vs no nos jan feb mar apr aug sep sept oct nov dec mt ft ave blvd"
)
# Characters of code, addresses and file names: a token holding one is left alone.
_NOT_PROSE_CHARS: Final = frozenset("/@()=_<>{}[]\\|#")


def space_glued_sentences(text: str) -> str:
    """`text` with a space put back between a sentence end and the sentence glued to it.

    A straight quotation mark after the full stop closes a quote when an odd number of them
    came before it on the line, else it opens the next sentence's quote.
    """
    if _GLUED_SENTENCE.search(text) is None:
        return text
    pieces: list[str] = []
    last = 0
    for match in _GLUED_SENTENCE.finditer(text):
        start, end = match.span()
        token_start = max(text.rfind(" ", 0, start), text.rfind("\n", 0, start)) + 1
        token_end = min(
            (i for i in (text.find(" ", end), text.find("\n", end)) if i >= 0), default=len(text)
        )
        token = text[token_start:token_end]
        word = text[token_start:start].lstrip("\"“‘'(").lower()
        if word in _ABBREVIATIONS or "www." in token or any(c in _NOT_PROSE_CHARS for c in token):
            continue
        mark, quote = text[start], text[start + 1 : end]
        line_start = text.rfind("\n", 0, start) + 1
        closes = quote == "”" or (quote == '"' and text.count('"', line_start, start) % 2 == 1)
        spaced = f"{mark}{quote} " if closes else f"{mark} {quote}"
        pieces.append(text[last:start])
        pieces.append(spaced)
        last = end
    pieces.append(text[last:])
    return "".join(pieces)


def join_text(prev: str, nxt: str) -> str:
    """Join two pieces of one sentence, undoing end-of-line hyphenation."""
    hyphen = _HYPHEN_END.search(prev[-60:]) if prev.endswith("-") else None
    if hyphen is not None and nxt[:1].islower():
        stem = hyphen.group(1).lower()
        if stem in _KEEP_HYPHEN:
            return prev + nxt
        return prev[:-1] + nxt
    return prev + " " + nxt


def _hyphen_split(prev: str, nxt: str) -> bool:
    return (
        prev.endswith("-")
        and _HYPHEN_END.search(prev[-60:]) is not None
        and nxt[:1].islower()
        and len(prev.split()) >= 3
        and not _BULLET.match(nxt)
    )


def _wrapped_block(lines: list[Line]) -> bool:
    """A block whose lines are a hard-wrapped paragraph: similar widths, no list markers."""
    if len(lines) < 3:
        return False
    widths = [len(line.text) for line in lines[:-1]]
    if min(widths) < _WRAP_MIN or max(widths) > _WRAP_MAX or max(widths) - min(widths) > 30:
        return False
    return not any(_BULLET.match(line.text) for line in lines)


def unwrap(lines: list[Line]) -> list[Line]:
    """Join hard-wrapped blocks, split sentences and hyphenated words into whole lines.

    A blank line between two pieces of one sentence is a scraping accident (a quote cut by a
    stray paragraph break), so the join may cross one block boundary.
    """
    out: list[Line] = []
    by_block: dict[int, list[Line]] = {}
    for line in lines:
        by_block.setdefault(line.block, []).append(line)
    wrapped = {block for block, members in by_block.items() if _wrapped_block(members)}
    for index, line in enumerate(lines):
        if out:
            prev = out[-1]
            same_wrapped = prev.block == line.block and line.block in wrapped
            if (
                same_wrapped
                or _continues(prev.text, line.text)
                or _quote_continues(prev.text, line.text)
                or _inside_open_quote(prev.text, lines, index)
                or _hyphen_split(prev.text, line.text)
            ):
                prev.text = join_text(prev.text, line.text)
                continue
        out.append(Line(text=line.text, index=len(out), block=line.block))
    return out


def join_paragraphs(paragraphs: list[str]) -> list[str]:
    """Join kept paragraphs that continue one another (after junk between them was removed)."""
    out: list[str] = []
    for para in paragraphs:
        if out and (
            _continues(out[-1], para)
            or _quote_continues(out[-1], para)
            or _hyphen_split(out[-1], para)
        ):
            out[-1] = join_text(out[-1], para)
        else:
            out.append(para)
    return out
