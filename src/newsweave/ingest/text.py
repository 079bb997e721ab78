"""Plain-text documents."""

from __future__ import annotations

from newsweave.ingest.decode import decode_bytes
from newsweave.model import Problem, RawDoc


def read_text(data: bytes, source: str, *, url: str | None = None) -> RawDoc | Problem:
    """A RawDoc holding `data` decoded, with line endings made `\\n`; a Problem if not text.

    Line endings are unified here (as Python's text mode would) so that every later stage and
    every character offset sees one convention; nothing else about the text is changed.
    """
    decoded = decode_bytes(data)
    if decoded is None:
        return Problem(source=source, error="binary file (not text in any known encoding)")
    text = decoded.text.replace("\r\n", "\n").replace("\r", "\n")
    if not text.strip():
        return Problem(source=source, error="empty file")
    return RawDoc(source=source, text=text, url=url, encoding=decoded.encoding)
