"""What people type into a search box, turned into a safe SQLite FTS5 query.

FTS5 has its own query language (`AND`, `NEAR(...)`, `col:`, `*`, `^`, quotes), so passing user
text straight to MATCH turns "hit-and-run" into a column reference and "U.S." into a syntax error.
Here nothing the user types is syntax except two things people mean: a double-quoted phrase and a
trailing `*` for a prefix. Every other chunk becomes one quoted FTS5 phrase, which the tokenizer
splits the same way it split the indexed text ("hit-and-run" → the phrase `hit and run`, "U.S."
→ `u s`, "9.1" → `9 1`). Terms are ANDed. Chunks without a letter or digit are dropped, repeated
terms are kept once, and at most `MAX_TERMS` terms are used (the rest are reported as ignored),
so a 15 kB `a OR a OR …` costs what a short query costs.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# More terms than this add almost nothing to the ranking but multiply the work per row.
MAX_TERMS = 12
# Longer queries are cut before parsing (a pasted paragraph still answers, on its first words).
MAX_QUERY_CHARS = 1000

_CHUNK = re.compile(r'"([^"]*)"?|(\S+)')
_WORDY = re.compile(r"[^\W_]", re.UNICODE)


@dataclass(frozen=True, slots=True)
class ParsedQuery:
    """A user query as FTS5 text (`match`, empty when there is nothing to search) and notes."""

    match: str
    terms: tuple[str, ...]
    ignored: int = 0


def _phrase(text: str) -> str:
    return '"' + text.replace('"', '""') + '"'


def parse_query(query: str) -> ParsedQuery:
    """`query` as an FTS5 expression that can never be a syntax error."""
    terms: list[str] = []
    parts: list[str] = []
    ignored = 0
    for match in _CHUNK.finditer(query[:MAX_QUERY_CHARS]):
        phrase, word = match.group(1), match.group(2)
        text = phrase if phrase is not None else word
        prefix = False
        if word is not None and word.endswith("*"):
            text = word.rstrip("*")
            prefix = True
        # Control characters mean nothing in a search and some upset the tokenizer's output.
        text = "".join(ch for ch in text if ch.isprintable()).strip()
        if not _WORDY.search(text):
            continue
        key = text.casefold() + ("*" if prefix else "")
        if key in terms:
            continue
        if len(terms) >= MAX_TERMS:
            ignored += 1
            continue
        terms.append(key)
        # A prefix applies only to a single token: `"hit-and"*` is the phrase `hit and*`.
        parts.append(_phrase(text) + ("*" if prefix else ""))
    return ParsedQuery(match=" ".join(parts), terms=tuple(terms), ignored=ignored)
