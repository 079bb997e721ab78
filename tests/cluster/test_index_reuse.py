"""`StoryIndex.to_bytes(reuse=...)`: the features read from the store are written back as read."""

from __future__ import annotations

import dataclasses
import io

import numpy as np

from newsweave.cluster import StoryIndex
from newsweave.parts import pack_parts, unpack_parts
from tests.store.test_state_parts import _features, _index


def _grown(read: StoryIndex, extra: int, *, retitled: str | None = None) -> StoryIndex:
    """What `cluster_stories` makes from `read`: its feature objects, and `extra` new ones."""
    articles = list(read.articles)
    if retitled is not None:
        articles = [
            (dataclasses.replace(f, title="changed"), v) if f.id == retitled else (f, v)
            for f, v in articles
        ]
    start = len(articles)
    articles += [_features(i) for i in range(start, start + extra)]
    return StoryIndex(
        embed_mode=read.embed_mode, dim=read.dim, articles=tuple(articles), stories=read.stories
    )


def test_reused_parts_give_the_bytes_of_encoding_everything() -> None:
    read = StoryIndex.from_bytes(_index(6).to_bytes())
    grown = _grown(read, 3)
    assert grown.to_bytes(reuse=read) == grown.to_bytes()
    again = StoryIndex.from_bytes(grown.to_bytes(reuse=read))
    assert [f for f, _ in again.articles] == [f for f, _ in _index(9).articles]


def test_features_that_changed_are_encoded_again() -> None:
    read = StoryIndex.from_bytes(_index(4).to_bytes())
    grown = _grown(read, 0, retitled="a-002")
    _, parts = unpack_parts(grown.to_bytes(reuse=read))
    assert b'"changed"' in parts["a-002"]
    assert grown.to_bytes(reuse=read) == grown.to_bytes()
    # An index made in this run (nothing read) has nothing to reuse.
    fresh = _index(4)
    assert fresh.to_bytes(reuse=fresh) == fresh.to_bytes()


def test_a_compressed_head_of_earlier_versions_still_loads() -> None:
    index = _index(3)
    head, parts = unpack_parts(index.to_bytes())
    with np.load(io.BytesIO(head), allow_pickle=False) as arrays:
        buffer = io.BytesIO()
        np.savez_compressed(buffer, **{name: arrays[name] for name in arrays.files})
    assert StoryIndex.from_bytes(pack_parts(buffer.getvalue(), parts)) == index
