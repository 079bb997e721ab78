"""Split plain text into lines and measure the shape of each one.

Every decision of the text cleaner is made from these measures (length, share of function
words, sentence-final punctuation, capitalised words, link-like text), never from the wording
of a particular site.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from typing import Final

from newsweave.clean.lexicon import STOP_WORDS

# Control characters, zero-width characters, the soft hyphen and byte-order marks carry no text.
# Only lines that are not printable are searched (str.isprintable is C-fast; the regex is not).
_UNPRINTABLE: Final = re.compile(
    "[\x00-\x1f\x7f-\x9f\u00ad\u200b-\u200f\u202a-\u202e\u2060-\u2064\ufeff]"
)

_FINAL: Final = frozenset(".!?…")
_CLOSERS: Final = frozenset("\"'”’»)]*")
_LINKISH: Final = re.compile(r"https?://|www\.|\.(?:com|org|net|co\.uk|html?|php)\b|\S@[^\s@]+\.\w")
_LINK_HINTS: Final = ("http", "www.", ".com", ".org", ".net", ".co.uk", ".htm", ".php", "@")
_URL_ONLY: Final = re.compile(r"^(?:https?://|www\.)\S+$|^\S+@[^\s@]+\.\w+$")
_COUNTER: Final = re.compile(r"^[\d\s.,:;/%+()\-–kKmM]*\d[\d\s.,:;/%+()\-–kKmM]*$")
_PUNCT: Final = "\"'“”‘’()[]{},.;:!?-–—…«»*/|•·"


def normalize_text(text: str) -> str:
    """Unicode NFC, one kind of newline, no invisible characters, single spaces, no trailing space.

    Written with C-speed string methods: a regex pass costs ~50 ns a character in CPython.
    """
    if not unicodedata.is_normalized("NFC", text):
        text = unicodedata.normalize("NFC", text)
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    lines = []
    for raw in text.split("\n"):
        line = " ".join(raw.split())  # every kind of space, tab and NBSP becomes one space
        if not line.isprintable():
            line = " ".join(_UNPRINTABLE.sub("", line).split())
        lines.append(line)
    return "\n".join(lines)


def line_key(line: str) -> str:
    """A loose identity of a line: case, digits and spacing do not matter."""
    return re.sub(r"\d+", "0", " ".join(line.lower().split()))


@dataclass(slots=True)
class Line:
    """One non-blank line of the input with its measures (internal, mutable while cleaning)."""

    text: str
    index: int
    block: int  # lines of one block are not separated by a blank line
    words: int = 0
    stop_ratio: float = 0.0
    upper_ratio: float = 0.0  # share of title-case words ("Biden", not "USA" or "iPhone")
    letter_ratio: float = 0.0  # share of tokens that are plain words (no digits or symbols)
    final: bool = False  # ends like a sentence
    linkish: bool = False
    counter: bool = False
    url_only: bool = False
    reason: str | None = None  # set when the line is to be removed
    weight: float = 0.0
    cached_key: str | None = None
    lowered: list[str] | None = None  # lower-case words without punctuation, while measuring

    @property
    def key(self) -> str:
        """`line_key` of the text, computed once."""
        if self.cached_key is None:
            self.cached_key = line_key(self.text)
        return self.cached_key

    def snapshot(self) -> Measures:
        """The measures and the line-level verdict, to reuse for an identical line."""
        return (
            self.words,
            self.stop_ratio,
            self.upper_ratio,
            self.letter_ratio,
            self.final,
            self.linkish,
            self.counter,
            self.url_only,
            self.reason,
            self.cached_key,
        )

    def restore(self, measures: Measures) -> None:
        """Take the measures of an identical line (see `snapshot`)."""
        (
            self.words,
            self.stop_ratio,
            self.upper_ratio,
            self.letter_ratio,
            self.final,
            self.linkish,
            self.counter,
            self.url_only,
            self.reason,
            self.cached_key,
        ) = measures


Measures = tuple[int, float, float, float, bool, bool, bool, bool, str | None, str | None]


def ends_like_sentence(text: str) -> bool:
    """True when the line ends with sentence punctuation, possibly inside quotes/brackets."""
    end = text.rstrip()
    while end and end[-1] in _CLOSERS:
        end = end[:-1]
    return bool(end) and end[-1] in _FINAL


def measure(line: Line) -> None:
    """Fill in the shape measures of `line` (token-based: no per-character regex)."""
    text = line.text
    tokens = text.split()
    line.words = count = len(tokens)
    if count:
        # map() with C methods: a Python-level loop per token was the main cost here.
        stripped = [token.strip(_PUNCT) for token in tokens[:400]]
        lowered = " ".join(stripped).lower().split()
        sample = len(stripped)
        line.stop_ratio = sum(map(STOP_WORDS.__contains__, lowered)) / sample
        line.upper_ratio = sum(map(str.istitle, stripped)) / sample
        line.letter_ratio = sum(map(str.isalpha, stripped)) / sample
        line.lowered = lowered
    line.final = ends_like_sentence(text)
    head = text[:2000]
    line.linkish = any(hint in head for hint in _LINK_HINTS) and _LINKISH.search(head) is not None
    line.url_only = count == 1 and _URL_ONLY.match(text) is not None
    line.counter = len(text) <= 40 and _COUNTER.match(text) is not None
    if len(text) <= 2000:  # long lines never take part in repeat/title matching
        line.cached_key = line_key(text)


def split_lines(text: str) -> list[Line]:
    """Non-blank lines of normalized text, each with its block number."""
    lines: list[Line] = []
    block = 0
    blank = False
    for raw in text.split("\n"):
        if not raw:
            blank = True
            continue
        if blank and lines:
            block += 1
        blank = False
        lines.append(Line(text=raw, index=len(lines), block=block))
    return lines


def is_prose(line: Line) -> bool:
    """A line a reader would call a sentence or paragraph of running text."""
    if line.words >= 8 and line.final and line.stop_ratio >= 0.12 and line.letter_ratio >= 0.5:
        return True
    # Long unterminated text with plenty of function words (a paragraph cut before its end).
    return line.words >= 25 and line.stop_ratio >= 0.25 and line.letter_ratio >= 0.6


# Calls to action that close a page rather than its article ("Stay with Channel 4 for more
# information.", "Go here to keep reading.", "Click here for reuse options!").
PAGE_CLOSING_CALLS: Final = frozenset(
    [
        "stay",
        "go",
        "click",
        "call",
        "read",
        "watch",
        "follow",
        "sign",
        "subscribe",
        "visit",
        "check",
        "see",
        "share",
        "tap",
        "download",
        "contact",
        "email",
        "send",
        "find",
        "like",
        "join",
        "tell",
        "learn",
        "get",
        "keep",
        "sound",
        "look",
    ]
)
# A call to action, not a statement ("Read more.", "Click here to subscribe.", "Sign in."):
# the page's closing calls and the site's own controls.
IMPERATIVE_OPENERS: Final = PAGE_CLOSING_CALLS | frozenset(
    [
        "log",
        "register",
        "continue",
        "view",
        "comment",
        "scroll",
        "enter",
        "print",
    ]
)
_SENTENCE_END_MARKS: Final = frozenset(".!?")
_FEW_WORDS: Final = 3
_SUBJECT_PRONOUNS: Final = frozenset(["i", "he", "she", "we", "they", "it", "that", "this"])


def is_short_sentence(line: Line) -> bool:
    """A short statement as an article writes it: "She was 91.", "I partied.", "\"Thompson was
    not so easy to box.": a capital (or an opening quote) first, a full stop, "!" or "?" last
    (not an ellipsis), a function word (or a contraction of one: "we're") among mostly plain
    words, and no command or link.

    Page furniture is buttons, labels and calls to action; a statement of two words or more
    with a function word is article text even when several outlets' pages repeat it.
    """
    text = line.text
    if not 2 <= line.words <= 40 or line.linkish or line.counter or text.endswith(".."):
        return False
    head = text.lstrip("\"“‘'(")
    if not head[:1].isupper():
        return False
    end = text.rstrip("\"'”’)")
    if not end or end[-1] not in _SENTENCE_END_MARKS:
        return False
    words = [word.strip(_PUNCT) for word in text.lower().split()]
    # Contractions are words here ("it's"); digits are not ("91" in "She was 91." is the one).
    heads = [re.split(r"['’]", word, maxsplit=1)[0] for word in words]
    if words[0] in IMPERATIVE_OPENERS or sum(map(str.isalpha, heads)) < 0.6 * len(heads):
        return False
    if len(words) <= _FEW_WORDS:
        # Two or three words: only as a subject and its verb ("She was 91.", "I partied.");
        # a page's "No comments." or "Thank you." is furniture however often it is repeated.
        return heads[0] in _SUBJECT_PRONOUNS
    # A function word, alone or as a contraction's head ("we're", "it's", "I'm").
    return any(head in STOP_WORDS for head in heads)


def is_title_like(line: Line) -> bool:
    """Short, unterminated or exclamatory, mostly words: the shape of a headline."""
    text = line.text
    if not 2 <= line.words <= 30 or len(text) > 250 or line.counter or line.linkish:
        return False
    if text.endswith((":", ",", ";")) or line.letter_ratio < 0.55:
        return False
    return not (text.endswith(".") and not text.endswith("..."))
