"""`StoryIndex`: the clustering state kept between runs, so new articles join existing stories.

Per story it keeps what average linkage needs (`profiles.py`): the member ids, the sums of their
lede vectors, word TF-IDF and name TF-IDF, the publication-day range, and the best headline
candidates; plus the document frequencies of words and names over every article seen. A later
`cluster_stories(new, index=old)` starts agglomeration from these stories instead of from
scratch: new articles join a story (or each other, or open a new one) by exactly the same rule as
in a one-shot run. Differences from a one-shot run on the union, measured on ECB+ dev in
`docs/evaluation.md` ("Stories", incremental):
- a story formed earlier is never split: new evidence can join or merge stories, not undo an
  earlier merge;
- TF-IDF weights of stored articles keep the document frequencies of their own run;
- ids stay stable: a stored story keeps its id even if an earlier-published article joins it.

Serialised by `to_bytes()` as a NumPy `.npz` (no pickle) holding a JSON header and the vectors.
"""

from __future__ import annotations

import io
import json
import zipfile
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from typing import Any

import numpy as np
import numpy.typing as npt

from newsweave.cluster.titles import TitleCandidate

FORMAT_VERSION = 1


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


class StoryIndex:
    """Serialisable clustering state: stories with their summed features, and corpus counts."""

    __slots__ = ("_by_article", "df_entities", "df_terms", "dim", "embed_mode", "n_docs", "stories")

    def __init__(
        self,
        *,
        embed_mode: str,
        dim: int,
        n_docs: int = 0,
        df_terms: Mapping[str, int] | None = None,
        df_entities: Mapping[str, int] | None = None,
        stories: tuple[StoredStory, ...] = (),
    ) -> None:
        self.embed_mode = embed_mode
        self.dim = dim
        self.n_docs = n_docs
        self.df_terms: dict[str, int] = dict(sorted((df_terms or {}).items()))
        self.df_entities: dict[str, int] = dict(sorted((df_entities or {}).items()))
        self.stories = tuple(sorted(stories, key=lambda s: s.id))
        self._by_article = {
            article_id: story.id
            for story in self.stories
            for article_id in (*story.members, *story.copies)
        }

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

    def to_bytes(self) -> bytes:
        """The index as `.npz` bytes (JSON header + float arrays; loads without pickle)."""
        header: dict[str, Any] = {
            "format": FORMAT_VERSION,
            "embed_mode": self.embed_mode,
            "dim": self.dim,
            "n_docs": self.n_docs,
            "df_terms": self.df_terms,
            "df_entities": self.df_entities,
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
        np.savez_compressed(
            buffer,
            header=np.frombuffer(encoded, dtype=np.uint8),
            vectors=vectors,
            title_vectors=titles,
        )
        return buffer.getvalue()

    @classmethod
    def from_bytes(cls, data: bytes) -> StoryIndex:
        """Load an index written by `to_bytes` (raises ValueError on anything else)."""
        try:
            with np.load(io.BytesIO(data), allow_pickle=False) as arrays:
                header = json.loads(arrays["header"].tobytes().decode("utf-8"))
                vectors = np.asarray(arrays["vectors"], dtype=np.float64)
                title_vectors = np.asarray(arrays["title_vectors"], dtype=np.float32)
        except (OSError, KeyError, ValueError, UnicodeDecodeError, zipfile.BadZipFile) as error:
            raise ValueError(f"not a story index: {error}") from error
        if header.get("format") != FORMAT_VERSION:
            raise ValueError(f"story index format {header.get('format')!r} is not supported")
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
                        vector=tuple(float(x) for x in title_vectors[title_row]),
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
                    titles=tuple(titles),
                )
            )
        return cls(
            embed_mode=header["embed_mode"],
            dim=int(header["dim"]),
            n_docs=int(header["n_docs"]),
            df_terms=header["df_terms"],
            df_entities=header["df_entities"],
            stories=tuple(stories),
        )
