"""State in parts: one head and many keyed pieces, so a store rewrites only the pieces that changed.

The story index keeps the features of every article clustered so far; written as one blob, an
`ingest` of ten new articles rewrote the features of all ten thousand old ones. Packed with
`pack_parts`, the store (`Store.put_state`) keeps the head in one row and each piece in a row of
its own keyed by `(stage, key)`, and writes only the pieces that are new or changed.

Layout (little-endian): MAGIC, u64 head length, head, then per piece in key order:
u32 key length, key (UTF-8), u64 piece length, piece.
"""

from __future__ import annotations

import struct
from collections.abc import Mapping

MAGIC = b"NWPARTS1"
_U32 = struct.Struct("<I")
_U64 = struct.Struct("<Q")


def is_parts(data: bytes) -> bool:
    """Whether `data` was written by `pack_parts`."""
    return data[: len(MAGIC)] == MAGIC


def pack_parts(head: bytes, parts: Mapping[str, bytes]) -> bytes:
    """`head` and the keyed `parts` as one byte string (in key order: same input, same bytes)."""
    out = [MAGIC, _U64.pack(len(head)), head]
    for key in sorted(parts):
        encoded = key.encode("utf-8", "surrogatepass")
        out += [_U32.pack(len(encoded)), encoded, _U64.pack(len(parts[key])), parts[key]]
    return b"".join(out)


def unpack_parts(data: bytes) -> tuple[bytes, dict[str, bytes]]:
    """The head and the parts of `pack_parts` bytes (ValueError on anything else)."""
    if not is_parts(data):
        raise ValueError("not state in parts (no header)")
    view = memoryview(data)

    def take(position: int, size: int) -> bytes:
        if position + size > len(view):
            raise ValueError("damaged state in parts: truncated")
        return bytes(view[position : position + size])

    try:
        position = len(MAGIC)
        (size,) = _U64.unpack_from(view, position)
        head = take(position + _U64.size, size)
        position += _U64.size + size
        parts: dict[str, bytes] = {}
        while position < len(view):
            (key_size,) = _U32.unpack_from(view, position)
            key = take(position + _U32.size, key_size).decode("utf-8", "surrogatepass")
            position += _U32.size + key_size
            (size,) = _U64.unpack_from(view, position)
            parts[key] = take(position + _U64.size, size)
            position += _U64.size + size
    except (struct.error, UnicodeDecodeError) as error:
        raise ValueError(f"damaged state in parts: {error}") from error
    return head, parts
