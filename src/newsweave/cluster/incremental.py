"""`StoryIndex`: the clustering state kept between runs, so new articles join existing stories.

It keeps the *features* of every article clustered so far (lede vector, word and name counts,
publication day, mentioned days: the costly model products, computed once) and the stories of
the last run. A later `cluster_stories(new, index=old)` extracts features of the new articles
only, then clusters all articles again from features, exactly as a one-shot run over the union
would: the same groups whatever the order or batching of arrival. A small step (the new
articles a few percent of the stored ones, `StoryConfig.join_share`) instead joins them to the
stored stories (`stories.join_features`), which then never split; `joined` counts the articles
joined since the last full clustering, and past `StoryConfig.join_drift` of them the next step
clusters everything again. Story ids stay stable: a story keeps the id of the stored story most
of its members came from (see `stories.py`).

Per story it also keeps what storylines need (`profiles.py`): the sums of the member vectors,
word and name TF-IDF, the publication-day range, the event days and the best headline
candidates.

Serialised by `to_bytes()` without pickle: the stories as a NumPy `.npz` (a JSON header and the
vectors), each article's features as a part of its own (`newsweave.parts`), so that the store
writes only the features of new articles.
"""

from __future__ import annotations

import io
import json
import struct
import zipfile
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from typing import Any

import numpy as np
import numpy.typing as npt

from newsweave.cluster.features import ArticleFeatures
from newsweave.cluster.titles import TitleCandidate
from newsweave.parts import is_parts, pack_parts, unpack_parts

# 4: article features carry their lede words; 3: article features as parts keyed by article
# id (`newsweave.parts`); 2: one `.npz`.
FORMAT_VERSION = 4


@dataclass(frozen=True, slots=True, kw_only=True, eq=False)
class StoredStory:
    """One story as the index keeps it (sums of member vectors, not the vectors)."""

    id: str
    founder: str
    members: tuple[str, ...]
    copies: tuple[str, ...]
    vector: npt.NDArray[np.float64]
    terms: Mapping[str, float]
    entities: Mapping[str, float]
    first_day: int | None
    last_day: int | None
    titles: tuple[TitleCandidate, ...]
    # Days of the happening the members describe (`stories.event_days`).
    event_days: tuple[int, ...] = ()


class StoryIndex:
    """Serialisable clustering state: stories with their summed features, and corpus counts."""

    __slots__ = (
        "_by_article",
        "_read",
        "articles",
        "copies",
        "dim",
        "embed_mode",
        "joined",
        "stories",
    )

    def __init__(
        self,
        *,
        embed_mode: str,
        dim: int,
        articles: tuple[tuple[ArticleFeatures, npt.NDArray[np.float32]], ...] = (),
        copies: Mapping[str, str] | None = None,
        stories: tuple[StoredStory, ...] = (),
        joined: int = 0,
    ) -> None:
        self.embed_mode = embed_mode
        self.dim = dim
        self.articles = tuple(sorted(articles, key=lambda fv: fv[0].id))
        # Copy id -> id of the original it is clustered through.
        self.copies: dict[str, str] = dict(sorted((copies or {}).items()))
        self.stories = tuple(sorted(stories, key=lambda s: s.id))
        # Articles joined to the stories since they were last clustered from scratch
        # (`stories.joins`: past a share of them the next step clusters everything again).
        self.joined = joined
        self._by_article = {
            article_id: story.id
            for story in self.stories
            for article_id in (*story.members, *story.copies)
        }
        # Article id -> (features, vector, the part they were read from), for an index read by
        # `from_bytes`: `to_bytes(reuse=...)` writes those bytes again instead of encoding them.
        self._read: dict[str, tuple[ArticleFeatures, npt.NDArray[np.float32], bytes]] = {}

    @property
    def n_docs(self) -> int:
        """How many articles (copies excluded) the index holds features of."""
        return len(self.articles)

    def __len__(self) -> int:
        return len(self.stories)

    def __iter__(self) -> Iterator[StoredStory]:
        return iter(self.stories)

    def __eq__(self, other: object) -> bool:
        return isinstance(other, StoryIndex) and self.to_bytes() == other.to_bytes()

    __hash__ = None  # type: ignore[assignment]

    def story_of(self, article_id: str) -> str | None:
        """Id of the stored story holding `article_id` (as member or copy), or None."""
        return self._by_article.get(article_id)

    def to_bytes(self, *, reuse: StoryIndex | None = None) -> bytes:
        """The index as `parts.pack_parts` bytes, which load without pickle.

        The head holds the stories (a JSON header and float arrays in a NumPy `.npz`); each
        article's features are a part of their own keyed by article id, so a store writes only
        the features of new articles (`Store.put_state`). With `reuse` (the index this one was
        made from, read by `from_bytes`), the features it read and this index still holds, the
        same objects, are written as the bytes they were read from: an `ingest` of a few
        articles encodes only theirs (at 2,000 articles encoding every part was ~0.3 CPU s).
        """
        header: dict[str, Any] = {
            "format": FORMAT_VERSION,
            "embed_mode": self.embed_mode,
            "dim": self.dim,
            "copies": self.copies,
            "joined": self.joined,
            "stories": [
                {
                    "id": s.id,
                    "founder": s.founder,
                    "members": list(s.members),
                    "copies": list(s.copies),
                    "terms": dict(sorted(s.terms.items())),
                    "entities": dict(sorted(s.entities.items())),
                    "first_day": s.first_day,
                    "last_day": s.last_day,
                    "event_days": list(s.event_days),
                    "titles": [
                        {"article_id": t.article_id, "title": t.title, "headline": t.headline_like}
                        for t in s.titles
                    ],
                }
                for s in self.stories
            ],
        }
        encoded = json.dumps(header, ensure_ascii=False, sort_keys=True).encode("utf-8")
        vectors = np.zeros((len(self.stories), self.dim), dtype=np.float64)
        for row, story in enumerate(self.stories):
            vectors[row] = story.vector
        title_vectors = [t.vector for s in self.stories for t in s.titles]
        titles = np.asarray(title_vectors, dtype=np.float32).reshape(len(title_vectors), self.dim)
        buffer = io.BytesIO()
        # Not compressed: zlib took 0.33 of the 0.47 CPU s of writing the index of 2,000 articles
        # (531 stories), to shrink its head from 7.7 to 4.4 MB. `np.load` reads either.
        np.savez(
            buffer,
            header=np.frombuffer(encoded, dtype=np.uint8),
            vectors=vectors,
            title_vectors=titles,
        )
        read = reuse._read if reuse is not None else {}
        parts: dict[str, bytes] = {}
        for features, vector in self.articles:
            known = read.get(features.id)
            if known is not None and known[0] is features and known[1] is vector:
                parts[features.id] = known[2]
            else:
                parts[features.id] = _features_to_bytes(features, vector)
        return pack_parts(buffer.getvalue(), parts)

    @classmethod
    def from_bytes(cls, data: bytes) -> StoryIndex:
        """Load an index written by `to_bytes`, or by format 2 (one `.npz`); ValueError else."""
        read: dict[str, tuple[ArticleFeatures, npt.NDArray[np.float32], bytes]] = {}
        if is_parts(data):
            head, parts = unpack_parts(data)
            header, vectors, title_vectors, _ = _load_npz(head, FORMAT_VERSION)
            dim = int(header["dim"])
            read = {key: (*_features_from_bytes(parts[key], dim), parts[key]) for key in parts}
            articles = tuple((read[key][0], read[key][1]) for key in sorted(read))
        else:  # format 2 (stores of schema 4): the article features inside the one `.npz`
            header, vectors, title_vectors, article_vectors = _load_npz(data, 2)
            articles = tuple(
                (_features_from_plain(item), article_vectors[row].copy())
                for row, item in enumerate(header["articles"])
            )
        stories: list[StoredStory] = []
        title_row = 0
        for row, item in enumerate(header["stories"]):
            titles: list[TitleCandidate] = []
            for t in item["titles"]:
                titles.append(
                    TitleCandidate(
                        article_id=t["article_id"],
                        title=t["title"],
                        headline_like=bool(t["headline"]),
                        vector=tuple(title_vectors[title_row].tolist()),
                    )
                )
                title_row += 1
            stories.append(
                StoredStory(
                    id=item["id"],
                    founder=item["founder"],
                    members=tuple(item["members"]),
                    copies=tuple(item["copies"]),
                    vector=vectors[row].copy(),
                    terms={k: float(v) for k, v in item["terms"].items()},
                    entities={k: float(v) for k, v in item["entities"].items()},
                    first_day=item["first_day"],
                    last_day=item["last_day"],
                    event_days=tuple(item.get("event_days", ())),
                    titles=tuple(titles),
                )
            )
        index = cls(
            embed_mode=header["embed_mode"],
            dim=int(header["dim"]),
            articles=articles,
            copies=header["copies"],
            stories=tuple(stories),
            # Written before steps could join: every index was clustered from scratch.
            joined=int(header.get("joined", 0)),
        )
        if read:
            index._read = {
                features.id: (features, vector, part)
                for key, (features, vector, part) in read.items()
                if features.id == key
            }
        return index


_LENGTH = struct.Struct("<I")


def _load_npz(
    data: bytes, version: int
) -> tuple[
    dict[str, Any], npt.NDArray[np.float64], npt.NDArray[np.float32], npt.NDArray[np.float32]
]:
    """The JSON header and the arrays of an index `.npz` of format `version`."""
    try:
        with np.load(io.BytesIO(data), allow_pickle=False) as arrays:
            header = json.loads(arrays["header"].tobytes().decode("utf-8"))
            vectors = np.asarray(arrays["vectors"], dtype=np.float64)
            title_vectors = np.asarray(arrays["title_vectors"], dtype=np.float32)
            article_vectors = np.asarray(arrays.get("article_vectors", ()), dtype=np.float32)
    except (OSError, KeyError, ValueError, UnicodeDecodeError, zipfile.BadZipFile) as error:
        raise ValueError(f"not a story index: {error}") from error
    if header.get("format") != version:
        raise ValueError(
            f"story index format {header.get('format')!r} is not supported: "
            "re-cluster from scratch (no index)"
        )
    return header, vectors, title_vectors, article_vectors


def _features_to_bytes(features: ArticleFeatures, vector: npt.NDArray[np.float32]) -> bytes:
    """One article's features: u32 length, its JSON, then the vector as little-endian float32."""
    plain = {
        "id": features.id,
        "title": features.title,
        "headline": features.headline_like,
        "terms": [list(x) for x in features.terms],
        "entities": [list(x) for x in features.entities],
        "day": features.day,
        "mention_days": [list(x) for x in features.mention_days],
        "mention_weekdays": [list(x) for x in features.mention_weekdays],
        "lede_words": [list(x) for x in features.lede_words],
        "lede_people": list(features.lede_people),
        "newest_year": features.newest_year,
    }
    encoded = json.dumps(plain, ensure_ascii=False, sort_keys=True).encode("utf-8")
    return _LENGTH.pack(len(encoded)) + encoded + np.asarray(vector, dtype="<f4").tobytes()


def _features_from_bytes(data: bytes, dim: int) -> tuple[ArticleFeatures, npt.NDArray[np.float32]]:
    try:
        (size,) = _LENGTH.unpack_from(data)
        plain = json.loads(data[_LENGTH.size : _LENGTH.size + size].decode("utf-8"))
        vector = np.frombuffer(data, dtype="<f4", offset=_LENGTH.size + size).astype(np.float32)
    except (struct.error, ValueError, UnicodeDecodeError) as error:
        raise ValueError(f"damaged article features in the story index: {error}") from error
    if vector.shape != (dim,):
        raise ValueError(f"article features of {plain.get('id')!r}: vector is not of size {dim}")
    return _features_from_plain(plain), vector


def _features_from_plain(item: Mapping[str, Any]) -> ArticleFeatures:
    return ArticleFeatures(
        id=item["id"],
        title=item["title"],
        headline_like=bool(item["headline"]),
        terms=tuple((str(t), int(c)) for t, c in item["terms"]),
        entities=tuple((str(e), int(c)) for e, c in item["entities"]),
        day=item["day"],
        mention_days=tuple((int(o), int(d)) for o, d in item["mention_days"]),
        mention_weekdays=tuple((int(o), int(w)) for o, w in item.get("mention_weekdays", ())),
        # Format 2 kept none: `cluster_stories` extracts them again for articles it is given.
        lede_words=tuple((str(k), float(w)) for k, w in item.get("lede_words", ())),
        # Stored before the lede's people were kept: none (no evidence either way).
        lede_people=tuple(str(x) for x in item.get("lede_people", ())),
        # Stored before the newest named year was kept: none (no evidence either way).
        newest_year=None if item.get("newest_year") is None else int(item["newest_year"]),
    )
