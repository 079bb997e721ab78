"""Plain-text documents."""

from __future__ import annotations

from newsweave.ingest.config import IngestConfig
from newsweave.ingest.decode import decode_bytes
from newsweave.model import Problem, RawDoc


def read_text(
    data: bytes, source: str, *, url: str | None = None, notes: list[Problem] | None = None
) -> RawDoc | Problem:
    """A RawDoc holding `data` decoded, with line endings made `\\n`; a Problem if not text.

    Line endings are unified here (as Python's text mode would) so that every later stage and
    every character offset sees one convention; NUL characters are removed, with a note
    appended to `notes`; nothing else about the text is changed.
    """
    decoded = decode_bytes(data)
    if decoded is None:
        return Problem(source=source, error="binary file (not text in any known encoding)")
    text = remove_nuls(decoded.text, source, notes)
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if not text.strip():
        return Problem(source=source, error="empty file")
    return RawDoc(source=source, text=text, url=url, encoding=decoded.encoding)


def safe_string(value: str) -> str:
    """`value` without NUL characters and with lone surrogates (which UTF-8 cannot encode, from
    JSON escapes such as "\\ud800") made U+FFFD."""
    value = value.replace("\x00", "")
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        value = value.encode("utf-16", "surrogatepass").decode("utf-16", "replace")
    return value


def remove_nuls(text: str, source: str, notes: list[Problem] | None) -> str:
    """`text` without NUL characters; a note saying how many went is appended to `notes`."""
    if "\x00" not in text:
        return text
    count = text.count("\x00")
    if notes is not None:
        plural = "s" if count > 1 else ""
        notes.append(
            Problem(source=source, error=f"removed {count} NUL character{plural}; kept the rest")
        )
    return text.replace("\x00", "")


def within_limits(doc: RawDoc | Problem, config: IngestConfig) -> RawDoc | Problem:
    """`doc`, or a Problem when its text is longer than `config.max_text_chars`."""
    if isinstance(doc, RawDoc) and doc.text is not None and len(doc.text) > config.max_text_chars:
        return Problem(
            source=doc.source,
            error=f"article text longer than {config.max_text_chars:,} characters "
            "(the max_text_chars limit)",
        )
    return doc
