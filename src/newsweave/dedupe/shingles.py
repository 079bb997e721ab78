"""Words, their 64-bit hashes, and word n-gram shingles as numpy arrays of hashes.

Text normalisation for copy detection: case-folded words, so whitespace, punctuation and letter
case never make two copies look different. Tokenising and hashing run in numpy over the UTF-8
bytes of the text: word bytes are ASCII letters, digits and `_` plus non-ASCII bytes outside
Unicode's punctuation ranges (U+0080-U+00BF, U+2000-U+207F: curly quotes, dashes, no-break
space...), and each word's hash is a polynomial hash of its bytes read off one prefix sum. That
is ~2x faster than `re.findall` plus a memoised per-word hash (the previous version of this
module), and needs no process-wide cache. Hashes are stable across processes and machines.
"""

from __future__ import annotations

import re

import numpy as np
import numpy.typing as npt

from newsweave.model import record

Hashes = npt.NDArray[np.uint64]

SHINGLE_WORDS = 5
_WORD = re.compile(r"\w+", re.UNICODE)
_PRIME = 0x100000001B3  # FNV-1a's 64-bit prime: odd, so invertible modulo 2**64
_BASE = np.uint64(_PRIME)
_INVERSE = np.uint64(pow(_PRIME, -1, 2**64))
_WORD_BYTE = np.zeros(256, dtype=bool)
_WORD_BYTE[list(b"0123456789abcdefghijklmnopqrstuvwxyz_")] = True
_WORD_BYTE[0x80:] = True
_DIGIT_BYTE = np.zeros(256, dtype=bool)
_DIGIT_BYTE[list(b"0123456789")] = True
# Odd 64-bit multipliers, one per position in an n-gram (splitmix64 / wyhash constants), so
# that "a b c" and "c b a" hash differently.
_MIX = np.array(
    [0x9E3779B97F4A7C15, 0xBF58476D1CE4E5B9, 0x94D049BB133111EB, 0xD6E8FEB86659FD93,
     0xA0761D6478BD642F, 0xE7037ED1A0B428DB, 0x8EBC6AF09C88C6E3, 0x589965CC75374CC3],
    dtype=np.uint64,
)  # fmt: skip
_powers: list[Hashes] = [np.ones(1, dtype=np.uint64), np.ones(1, dtype=np.uint64)]


@record
class Tokens:
    """The words of a text as hashes, with what filtering them needs (lengths in bytes)."""

    hashes: Hashes
    lengths: npt.NDArray[np.int64]
    numeric: npt.NDArray[np.bool_]


def normalize(text: str) -> str:
    """Case-folded text with runs of whitespace collapsed: what an *exact* copy must share."""
    return " ".join(text.casefold().split())  # str.split: ~20x faster than a regex here


def words(text: str) -> list[str]:
    """Case-folded word tokens of `text` as strings (for display and tests)."""
    return _WORD.findall(text.casefold())


def _power_tables(size: int) -> tuple[Hashes, Hashes]:
    """P**k and P**-k modulo 2**64 for k < size (grown on demand, never shrunk)."""
    if _powers[0].size < size:
        length = max(size, 2 * _powers[0].size)
        for slot, base in enumerate((_BASE, _INVERSE)):
            steps = np.full(length, base, dtype=np.uint64)
            steps[0] = 1
            _powers[slot] = np.cumprod(steps, dtype=np.uint64)
    return _powers[0][:size], _powers[1][:size]


def tokenize(text: str) -> Tokens:
    """Hashes of the case-folded words of `text`, in order, computed in numpy."""
    return _tokenize_with_starts(text)[0]


def tokenize_parts(parts: list[str]) -> tuple[Hashes, npt.NDArray[np.int64]]:
    """The word hashes of every text of `parts` (as `tokenize` gives them, in order) and the
    index of the part each word comes from, from one pass over the parts joined.

    One numpy pass instead of one per part: a text cut into hundreds of short pieces (a
    sentence's unquoted parts, `voices.narration_runs`) cost ~0.1 ms of numpy call overhead per
    piece. The parts are joined by a line break, which is no word byte, and case-folding works
    character by character, so every word stays within its part and hashes as it would alone.
    """
    if not parts:
        return np.empty(0, dtype=np.uint64), np.empty(0, dtype=np.int64)
    tokens, starts = _tokenize_with_starts("\n".join(parts))
    sizes = [len(part.casefold().encode("utf-8", "surrogatepass")) + 1 for part in parts]
    part_starts = np.cumsum([0, *sizes[:-1]], dtype=np.int64)
    owner = np.searchsorted(part_starts, starts, side="right") - 1
    return tokens.hashes, owner.astype(np.int64)


def _tokenize_with_starts(text: str) -> tuple[Tokens, npt.NDArray[np.int64]]:
    """`tokenize`, and the byte offset (in the case-folded UTF-8 text) where each word starts."""
    data = np.frombuffer(text.casefold().encode("utf-8", "surrogatepass"), dtype=np.uint8)
    size = data.size
    is_word = _WORD_BYTE[data]
    if size >= 2:  # U+0080-U+00BF (no-break space, guillemets, ...) is C2 80..BF
        lead = np.flatnonzero((data[:-1] == 0xC2) & (data[1:] < 0xC0))
        is_word[lead] = is_word[lead + 1] = False
    if size >= 3:  # U+2000-U+207F (dashes, curly quotes, ellipsis, ...) is E2 80..81 xx
        lead = np.flatnonzero((data[:-2] == 0xE2) & ((data[1:-1] == 0x80) | (data[1:-1] == 0x81)))
        is_word[lead] = is_word[lead + 1] = is_word[lead + 2] = False
    edges = np.diff(is_word.view(np.int8), prepend=np.int8(0), append=np.int8(0))
    starts = np.flatnonzero(edges == 1)
    ends = np.flatnonzero(edges == -1)
    powers, inverses = _power_tables(size + 1)
    prefix = np.zeros(size + 1, dtype=np.uint64)
    np.cumsum((data.astype(np.uint64) + np.uint64(1)) * powers[:size], out=prefix[1:])
    hashes = (prefix[ends] - prefix[starts]) * inverses[starts]  # wraps mod 2**64
    hashes ^= hashes >> np.uint64(31)  # spread the weak low bits of a polynomial hash
    hashes *= _MIX[0]
    hashes ^= hashes >> np.uint64(29)
    tokens = Tokens(
        hashes=hashes,
        lengths=(ends - starts).astype(np.int64),
        numeric=_DIGIT_BYTE[data[starts]] if starts.size else np.zeros(0, dtype=bool),
    )
    return tokens, starts.astype(np.int64)


def shingle_hashes(hashes: Hashes, n: int = SHINGLE_WORDS) -> Hashes:
    """Sorted distinct hashes of the word n-grams of a token-hash sequence.

    A sequence shorter than `n` words is one shingle (so a short text still has a fingerprint);
    an empty sequence has none. The n-gram hash is a position-weighted sum of its token hashes
    in wrapping uint64 arithmetic, computed for all positions at once; the MinHash
    permutations that follow do the mixing.
    """
    if hashes.size == 0:
        return np.empty(0, dtype=np.uint64)
    count = max(hashes.size - n + 1, 1)
    width = min(n, hashes.size)
    combined = np.zeros(count, dtype=np.uint64)
    for offset in range(width):
        combined += hashes[offset : offset + count] * _MIX[offset % len(_MIX)]
    return np.unique(combined)


def window_hashes(hashes: Hashes, n: int) -> Hashes:
    """The n-gram hash (as `shingle_hashes` computes it) of the `n` words starting at each
    position that has `n` words after it, in order (repeats kept; empty below `n` words)."""
    count = hashes.size - n + 1
    if count <= 0:
        return np.empty(0, dtype=np.uint64)
    combined = np.zeros(count, dtype=np.uint64)
    for offset in range(n):
        combined += hashes[offset : offset + count] * _MIX[offset % len(_MIX)]
    return combined


def text_shingles(text: str, n: int = SHINGLE_WORDS) -> Hashes:
    """Sorted distinct word n-gram hashes of `text`."""
    return shingle_hashes(tokenize(text).hashes, n)
