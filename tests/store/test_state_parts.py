"""State in parts: the story index's article features are rows keyed by article, and an ingest
writes only the new ones."""

from __future__ import annotations

import io
import json
import sqlite3
from pathlib import Path

import numpy as np
import pytest

from newsweave.cluster import StoryIndex
from newsweave.cluster.features import ArticleFeatures
from newsweave.cluster.incremental import StoredStory
from newsweave.cluster.titles import TitleCandidate
from newsweave.parts import pack_parts, unpack_parts
from newsweave.store import Store

DIM = 4


def _features(i: int) -> tuple[ArticleFeatures, np.ndarray]:
    features = ArticleFeatures(
        id=f"a-{i:03d}",
        title=f"Title {i} <b>",
        headline_like=i % 2 == 0,
        terms=(("quake", 2), (f"w{i}", 1)),
        entities=(("chile", 1),),
        day=18_000 + i,
        mention_days=((10, 18_000),),
        mention_weekdays=((40, i % 7),),
    )
    return features, np.arange(DIM, dtype=np.float32) + i


def _index(n: int) -> StoryIndex:
    articles = tuple(_features(i) for i in range(n))
    story = StoredStory(
        id="s-1",
        founder="a-000",
        members=tuple(f.id for f, _ in articles),
        copies=(),
        vector=np.ones(DIM),
        terms={"quake": 0.5},
        entities={"chile": 1.0},
        first_day=18_000,
        last_day=18_000 + n,
        titles=(
            TitleCandidate(
                article_id="a-000", title="T", headline_like=True, vector=(1.0, 0.0, 0.0, 0.0)
            ),
        ),
        event_days=(18_000,),
    )
    return StoryIndex(embed_mode="hashed-bow", dim=DIM, articles=articles, stories=(story,))


def test_parts_round_trip_and_damage_is_a_value_error() -> None:
    data = pack_parts(b"head", {"b": b"2", "a": b"", "é": b"\x00" * 3})
    assert unpack_parts(data) == (b"head", {"a": b"", "b": b"2", "é": b"\x00\x00\x00"})
    with pytest.raises(ValueError, match="truncated"):
        unpack_parts(data[:-1])
    with pytest.raises(ValueError):
        unpack_parts(b"head")


def test_the_story_index_keeps_every_feature_through_bytes() -> None:
    index = _index(5)
    again = StoryIndex.from_bytes(index.to_bytes())
    assert again == index
    assert [f for f, _ in again.articles] == [f for f, _ in index.articles]
    assert all(
        np.array_equal(v, w) for (_, v), (_, w) in zip(again.articles, index.articles, strict=True)
    )


def test_an_ingest_writes_only_the_features_of_new_articles(tmp_path: Path) -> None:
    with Store(tmp_path / "n.db") as store:
        assert store.put_state("stories", _index(50).to_bytes()) == 50
        assert StoryIndex.from_bytes(store.get_state("stories") or b"") == _index(50)
        # Three articles more: three rows written, the head rewritten, the rest untouched.
        assert store.put_state("stories", _index(53).to_bytes()) == 3
        assert store.get_state("stories") == _index(53).to_bytes()
        assert store.put_state("stories", _index(53).to_bytes()) == 0
        # Fewer articles (one became a copy): the others' rows are deleted.
        assert store.put_state("stories", _index(10).to_bytes()) == 0
        assert store.get_state("stories") == _index(10).to_bytes()
        count = store.connection.execute("SELECT count(*) FROM state_parts").fetchone()[0]
        assert count == 10
        # Plain state (no parts) still round-trips and drops the parts of that stage.
        assert store.put_state("stories", b"plain") == 0
        assert store.get_state("stories") == b"plain"
        assert store.connection.execute("SELECT count(*) FROM state_parts").fetchone()[0] == 0


def _format_2_bytes(index: StoryIndex) -> bytes:
    """The story index as schema-4 stores kept it: one `.npz` with the article features."""
    head, _ = unpack_parts(index.to_bytes())
    with np.load(io.BytesIO(head), allow_pickle=False) as arrays:
        header = json.loads(arrays["header"].tobytes().decode("utf-8"))
        vectors, titles = arrays["vectors"], arrays["title_vectors"]
    header["format"] = 2
    header["articles"] = [
        {
            "id": f.id,
            "title": f.title,
            "headline": f.headline_like,
            "terms": [list(x) for x in f.terms],
            "entities": [list(x) for x in f.entities],
            "day": f.day,
            "mention_days": [list(x) for x in f.mention_days],
        }
        for f, _ in index.articles
    ]
    buffer = io.BytesIO()
    np.savez_compressed(
        buffer,
        header=np.frombuffer(json.dumps(header).encode("utf-8"), dtype=np.uint8),
        vectors=vectors,
        title_vectors=titles,
        article_vectors=np.stack([v for _, v in index.articles]),
    )
    return buffer.getvalue()


def test_a_version_4_store_is_upgraded_and_its_story_index_still_loads(tmp_path: Path) -> None:
    path = tmp_path / "v4.db"
    Store(path).close()
    old = _index(3)
    db = sqlite3.connect(path)
    db.executescript(
        "UPDATE meta SET value = '4' WHERE key = 'schema_version'; DROP TABLE state_parts;"
        "DROP TABLE r_storylines;"
        "CREATE TABLE r_storylines (id TEXT PRIMARY KEY, title TEXT NOT NULL,"
        " story_ids TEXT NOT NULL) WITHOUT ROWID;"
    )
    db.execute("INSERT INTO state VALUES ('stories', ?)", (_format_2_bytes(old),))
    db.commit()
    db.close()
    with Store(path) as store:
        loaded = StoryIndex.from_bytes(store.get_state("stories") or b"")
        # Format 2 kept no weekdays: everything else is the same.
        assert [f.id for f, _ in loaded.articles] == [f.id for f, _ in old.articles]
        assert loaded.stories[0].members == old.stories[0].members
        assert store.put_state("stories", loaded.to_bytes()) == 3
        columns = [r[1] for r in store.connection.execute("PRAGMA table_info(r_storylines)")]
        assert "links" in columns
