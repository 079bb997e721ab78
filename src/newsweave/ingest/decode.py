"""Bytes to text: BOM, UTF-8, a declared charset, then charset-normalizer's guess.

The order follows what browsers do (WHATWG encoding sniffing), with one change: bytes that are
valid UTF-8 are read as UTF-8 even when a declared charset says otherwise, because mislabelled
UTF-8 pages ("charset=iso-8859-1" on UTF-8 bytes) are common and valid non-ASCII UTF-8 is almost
never an accident. Strict UTF-8 comes first so the usual case costs one `bytes.decode`.
"""

from __future__ import annotations

import codecs
import re
from collections.abc import Sequence
from dataclasses import dataclass

import charset_normalizer

_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32"),  # before UTF-16 LE, whose BOM is its prefix
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)

# Labels that WHATWG maps to a superset: pages labelled latin-1 or ASCII are in practice written
# in windows-1252 (curly quotes at 0x93/0x94), and GB2312 pages use GBK characters.
_ALIASES = {
    "latin1": "cp1252",
    "latin-1": "cp1252",
    "iso-8859-1": "cp1252",
    "iso8859-1": "cp1252",
    "iso_8859-1": "cp1252",
    "ascii": "cp1252",
    "us-ascii": "cp1252",
    "gb2312": "gbk",
    "x-sjis": "shift_jis",
    "ks_c_5601-1987": "cp949",
}

# Code pages among which charset-normalizer often cannot tell (same letters for English, French
# and German text). It picked cp1250 for cp1252 English/French/German samples (turning "naïve"
# into "naďve"); windows-1252 is by far the most common of them in news pages, so on a tie
# (same chaos, coherence within 0.01) we prefer it. Checked on the samples in
# tests/ingest/test_decode.py (English, French, German cp1252; Greek cp1253; Turkish cp1254;
# Russian cp1251 keep their own code pages).
_PREFERRED_ON_TIE = "cp1252"
_TIE_COHERENCE = 0.01

# Share of U+FFFD replacement characters above which undecodable bytes are called binary rather
# than text with a few bad bytes. 1 % keeps a page with a stray broken byte per paragraph and
# rejects random bytes (about 45 % replacements as UTF-8).
_MAX_REPLACEMENT_SHARE = 0.01

# Below this many non-ASCII bytes charset-normalizer has too little evidence (it read "café" in
# cp1252 as cp1006, Urdu): mostly-ASCII text is Latin script, so cp1252 when it decodes.
_FEW_HIGH_BYTES = 8

_META_CHARSET = re.compile(
    rb"""<meta[^>]{0,512}?charset\s*=\s*["']?\s*([A-Za-z0-9._:-]{1,40})""", re.I
)


@dataclass(frozen=True, slots=True)
class Decoded:
    """Text and the name of the codec it was decoded with."""

    text: str
    encoding: str


def bom_encoding(data: bytes) -> str | None:
    """The codec a byte-order mark at the start of `data` names, if any."""
    if data[:1] not in (b"\x00", b"\xef", b"\xfe", b"\xff"):  # the common case, fast
        return None
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return encoding
    return None


def wide_encoding(data: bytes) -> str | None:
    """`utf-16`/`utf-32` (by BOM) or `utf-16-le`/`-be` (by NUL pattern) when `data` is UTF-16/32.

    Without a BOM, UTF-16 text of Latin script has a NUL in every other byte, on one side only;
    binary data has NULs scattered on both sides.
    """
    encoding = bom_encoding(data)
    if encoding in ("utf-16", "utf-32"):
        return encoding
    sample = data[:4096]
    if b"\x00" not in sample:
        return None
    pairs = len(sample) // 2
    if pairs < 4:
        return None
    even_nuls = sample[0 : pairs * 2 : 2].count(0)
    odd_nuls = sample[1 : pairs * 2 : 2].count(0)
    # 60 % / 2 %: ASCII-heavy UTF-16 text has NULs at nearly every odd (LE) or even (BE) byte;
    # accented and non-Latin letters lower that, binaries raise the other side.
    if odd_nuls >= 0.6 * pairs and even_nuls <= 0.02 * pairs:
        return "utf-16-le"
    if even_nuls >= 0.6 * pairs and odd_nuls <= 0.02 * pairs:
        return "utf-16-be"
    return None


def normalize_charset(label: str | None) -> str | None:
    """A Python codec name for a declared charset label, or None when unknown or unusable."""
    if not label:
        return None
    label = label.strip().strip("\"'").lower()
    label = _ALIASES.get(label, label)
    try:
        name = codecs.lookup(label).name
    except LookupError:
        return None
    # A page that reached us as ASCII-compatible bytes cannot really be UTF-16/32 (WHATWG).
    if name.startswith(("utf-16", "utf-32")):
        return None
    return name


def html_declared_charset(data: bytes) -> str | None:
    """The charset a `<meta charset>` or `http-equiv` tag declares in the first 4 kB."""
    match = _META_CHARSET.search(data[:4096])
    return match.group(1).decode("ascii") if match else None


def decode_bytes(data: bytes, *, declared: Sequence[str | None] = ()) -> Decoded | None:
    """Decode `data`; None when it is not text in any encoding we can tell.

    `declared` lists charsets the container names (HTTP header, `<meta>`), strongest first.
    """
    encoding = bom_encoding(data) or wide_encoding(data)
    if encoding:
        return Decoded(data.decode(encoding, errors="replace"), encoding.removesuffix("-sig"))
    try:
        return Decoded(data.decode("utf-8"), "utf-8")
    except UnicodeDecodeError:
        pass
    for label in declared:
        name = normalize_charset(label)
        if name and name != "utf-8":
            try:
                return Decoded(data.decode(name), name)
            except UnicodeDecodeError:
                continue
    guessed = _guess(data)
    if guessed:
        return Decoded(data.decode(guessed, errors="replace"), guessed)
    text = data.decode("utf-8", errors="replace")
    if text.count("\ufffd") <= _MAX_REPLACEMENT_SHARE * max(len(text), 1):
        return Decoded(text, "utf-8")
    return None


def _guess(data: bytes) -> str | None:
    """charset-normalizer's encoding for `data`, cp1252 on a tie, None for binary."""
    if _few_high_bytes(data):
        try:
            data.decode(_PREFERRED_ON_TIE)
        except UnicodeDecodeError:
            pass
        else:
            return _PREFERRED_ON_TIE
    results = charset_normalizer.from_bytes(data)
    best = results.best()
    if best is None:
        return None
    encoding: str = codecs.lookup(best.encoding).name
    if encoding.startswith(("utf-16", "utf-32")):
        # No BOM and no NUL pattern (checked before): a short single-byte text that happens to
        # pair up, e.g. "café" in cp1252 guessed as UTF-16-BE.
        candidates = [r for r in results if not r.encoding.startswith(("utf_16", "utf_32"))]
        if not candidates:
            return None
        best = candidates[0]
        encoding = codecs.lookup(best.encoding).name
    if encoding == _PREFERRED_ON_TIE:
        return encoding
    if _PREFERRED_ON_TIE in best.could_be_from_charset:
        return _PREFERRED_ON_TIE
    for other in results:
        if (
            codecs.lookup(other.encoding).name == _PREFERRED_ON_TIE
            and other.chaos <= best.chaos
            and other.coherence >= best.coherence - _TIE_COHERENCE
        ):
            return _PREFERRED_ON_TIE
    return encoding


def _few_high_bytes(data: bytes) -> bool:
    high = 0
    for start in range(0, len(data), 65536):
        chunk = data[start : start + 65536]
        high += len(chunk) - len(chunk.translate(None, bytes(range(128, 256))))
        if high >= _FEW_HIGH_BYTES:
            return False
    return True
