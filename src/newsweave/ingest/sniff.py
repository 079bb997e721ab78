"""Tell an input's format from its first bytes; the file name only breaks ties."""

from __future__ import annotations

import json
import re
from typing import Final

from newsweave.ingest.decode import bom_encoding, wide_encoding

# How much of an input the sniffer sees. 64 kB holds the <head> of nearly every page and many
# JSONL lines; the rest of the input is never needed to decide.
SNIFF_BYTES: Final = 65536

FORMATS: Final = ("text", "html", "jsonl", "json", "warc", "gzip", "binary", "empty")

# Signatures of binary formats whose first bytes are (partly) printable, so the control-byte
# test alone would miss them; the name goes into the Problem.
_MAGIC: Final = (
    (b"%PDF-", "PDF document"),
    (b"\x89PNG\r\n\x1a\n", "PNG image"),
    (b"\xff\xd8\xff", "JPEG image"),
    (b"GIF87a", "GIF image"),
    (b"GIF89a", "GIF image"),
    (b"PK\x03\x04", "zip archive"),
    (b"PK\x05\x06", "zip archive"),
    (b"BZh", "bzip2 archive"),
    (b"\xfd7zXZ\x00", "xz archive"),
    (b"(\xb5/\xfd", "zstd archive"),
    (b"7z\xbc\xaf'\x1c", "7z archive"),
    (b"\x7fELF", "executable"),
    (b"SQLite format 3\x00", "SQLite database"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "Office document"),
    (b"OggS", "Ogg media"),
    (b"ID3", "MP3 audio"),
    (b"\x1aE\xdf\xa3", "Matroska/WebM media"),
    (b"wOFF", "web font"),
    (b"wOF2", "web font"),
)
# Short printable signatures also need a control byte nearby to count ("BZh" could start a
# sentence; a bzip2 stream has binary bytes right after).
_SHORT_MAGIC_CHECK: Final = 64

# Control bytes other than tab, newlines, form feed, escape and the DOS end-of-file mark.
_CONTROL_BYTES: Final = bytes(b for b in range(32) if b not in b"\t\n\r\x0b\x0c\x1a\x1b") + b"\x7f"
# Share of control bytes above which an input is binary: 2 %. Text files have none or a stray
# one; random bytes have 11 %, compressed and image data about as much.
_MAX_CONTROL_SHARE: Final = 0.02
# Share of NUL bytes above which an input is binary: 1 %. Binary formats are full of NULs
# (integers, padding); a text with a few stray NULs (a bad export, a copy from a terminal) is
# text, and the readers remove the NULs with a note.
_MAX_NUL_SHARE: Final = 0.01

# The document start, after any XML declaration and comments (skipped by `_skip_prologue`,
# not by the pattern: `(?:<!--.*?-->\s*)*` backtracks exponentially over many comments).
_SPACES = re.compile(r"\s*")
_HTML_START = re.compile(r"<(?:!doctype\s+html|html|head|body)\b", re.I)
# `[^<>]*`, not `[^>]*`: an unclosed "<html" then stops at the next tag, so many of them cost
# linear time instead of a scan to the end of the input each.
_HTML_SKELETON = re.compile(r"<(?:html|head|body)\b[^<>]*>|<meta\s[^<>]*>|<title>", re.I)
_HTML_TAG = re.compile(
    r"</?(?:p|div|span|a|br|hr|img|ul|ol|li|table|tr|td|th|h[1-6]|script|style|link|article|"
    r"section|header|footer|nav|main|aside|strong|em|b|i|u|blockquote|figure|figcaption|form|"
    r"input|button|iframe|noscript|time|small|sup|sub|pre|code)(?:\s[^<>]*)?/?>",
    re.I,
)
# Tags that make a name-less input HTML: at least 5, some closing, and one per 1,000 characters.
# A news text that quotes a tag or two stays text; a fragment like "<p>...</p><p>...</p>" with
# paragraphs of up to ~1,000 characters is HTML. With an .htm(l) name one tag is enough.
_MIN_TAGS: Final = 5
_CHARS_PER_TAG: Final = 1000

_HTML_NAMES: Final = (".html", ".htm", ".xhtml", ".shtml", ".php", ".asp", ".aspx")
_JSON_NAMES: Final = (".json",)
# Lines looked at after a first line that is not a JSON object.
_LINES_CHECKED: Final = 4


def sniff_format(data: bytes, name: str) -> str:
    """One of `FORMATS` for an input whose first bytes are `data` (at most `SNIFF_BYTES` are used).

    `name` (a file name, possibly without extension) only breaks ties: content decides.
    """
    data = data[:SNIFF_BYTES]
    if data.startswith(b"\x1f\x8b"):
        return "gzip"
    if data.startswith((b"WARC/1.", b"WARC/0.", b"filedesc://")):
        return "warc"
    wide = wide_encoding(data)
    if wide is None and binary_kind(data) is not None:
        return "binary"
    if wide:
        text = data[: len(data) - len(data) % 4].decode(wide, errors="ignore")
    else:
        text = data.decode("utf-8", errors="replace")
    text = text.lstrip("\ufeff \t\r\n\x0b\x0c")
    if not text:
        return "empty"
    lower = name.lower().removesuffix(".gz")
    whole = len(data) < SNIFF_BYTES
    json_format = _sniff_json(text, lower, whole=whole)
    if json_format:
        return json_format
    if _looks_like_html(text, lower):
        return "html"
    return "text"


def binary_kind(data: bytes) -> str | None:
    """What binary format `data` starts with ("PNG image", "binary data"), None for text."""
    if bom_encoding(data):
        return None
    for magic, kind in _MAGIC:
        if data.startswith(magic) and (
            len(magic) > 4 or _control_share(data[:_SHORT_MAGIC_CHECK]) > 0
        ):
            return kind
    if data[:4] == b"\x00\x00\x01\x00" or data[4:8] == b"ftyp":
        return "media file"
    if data[257:262] == b"ustar":
        return "tar archive"
    sample = data[:SNIFF_BYTES]
    too_many_nuls = sample.count(0) > _MAX_NUL_SHARE * len(sample)
    if too_many_nuls or _control_share(sample) > _MAX_CONTROL_SHARE:
        return "binary data"
    return None


def _control_share(data: bytes) -> float:
    if not data:
        return 0.0
    return (len(data) - len(data.translate(None, _CONTROL_BYTES))) / len(data)


def _sniff_json(text: str, name: str, *, whole: bool) -> str | None:
    if text.startswith("["):
        rest = text[1:].lstrip()
        return "json" if rest.startswith(("{", "]")) or (not rest and whole) else None
    if not text.startswith("{"):
        return None
    first_line, newline, _ = text.partition("\n")
    if newline or whole:
        try:
            first = json.loads(first_line)
        except (ValueError, RecursionError):  # too deep to parse is still a JSON line
            first = None
        if isinstance(first, dict):
            # A .json file holding one object on one line is JSON (its sources read better).
            one_line = not text[len(first_line) :].strip()
            return "json" if whole and one_line and name.endswith(_JSON_NAMES) else "jsonl"
        if _has_object_line(text, whole=whole):
            return "jsonl"  # a bad (or too deep) first line: it costs that line, not the file
        # A pretty-printed object: "{" then a quoted key on a later line.
        if newline and re.match(r'\{\s*("|\})', text):
            return "json"
        return None
    # One line longer than the sniffed prefix: a big JSONL record (or a one-line .json object,
    # which the line reader handles the same way).
    if re.match(r'\{\s*"', text):
        return "json" if name.endswith(_JSON_NAMES) and not text.startswith('{"') else "jsonl"
    return None


def _has_object_line(text: str, *, whole: bool) -> bool:
    """Whether one of the next few complete lines after the first is a JSON object."""
    parts = text.split("\n", _LINES_CHECKED + 1)
    lines = parts[1 : _LINES_CHECKED + 1]
    if not whole and len(parts) <= _LINES_CHECKED + 1:
        lines = lines[:-1]  # the last one may be cut by the end of the sniffed prefix
    for line in lines:
        if line.strip():
            try:
                return isinstance(json.loads(line), dict)
            except (ValueError, RecursionError):
                return False
    return False


def _looks_like_html(text: str, name: str) -> bool:
    if _HTML_START.match(text, _skip_prologue(text)):
        return True
    head = text[:1024]
    if head.startswith("<") and _HTML_SKELETON.search(head):
        return True
    tags = _HTML_TAG.findall(text)
    if name.endswith(_HTML_NAMES) and (tags or _HTML_SKELETON.search(text)):
        return True
    # Markup closes what it opens; prose that mentions a tag rarely writes a closing one.
    if not any(tag.startswith("</") for tag in tags):
        return False
    if _HTML_TAG.match(text):  # starts with a tag and closes one: a fragment ("<p>...</p>")
        return True
    if len(tags) < _MIN_TAGS:
        return False
    return bool(_HTML_SKELETON.search(text)) or len(tags) * _CHARS_PER_TAG >= len(text)


def _skip_prologue(text: str) -> int:
    """Where the markup starts after an XML declaration, comments and the spaces between them."""
    pos = _skip_spaces(text, 0)
    if text.startswith("<?xml", pos):
        end = text.find(">", pos)
        if end < 0:
            return pos
        pos = _skip_spaces(text, end + 1)
    while text.startswith("<!--", pos):
        end = text.find("-->", pos + 4)
        if end < 0:
            return pos
        pos = _skip_spaces(text, end + 3)
    return pos


def _skip_spaces(text: str, pos: int) -> int:
    match = _SPACES.match(text, pos)
    return match.end() if match else pos
