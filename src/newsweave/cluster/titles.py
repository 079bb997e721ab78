"""Titles of stories and storylines: the most representative real headline among the members.

A title is a member's own headline, never a bag of keywords: the one whose article vector is
closest to the cluster's mean vector, preferring titles that look like headlines (not a file
name, a URL or an all-caps banner). Each story keeps its `MAX_CANDIDATES` best candidates in the
`StoryIndex`, so a later run can re-rank them against the moved centroid together with the
headlines of new members, without the old articles at hand.
"""

from __future__ import annotations

from collections.abc import Iterable

import numpy as np
import numpy.typing as npt

from newsweave.model import record

MAX_CANDIDATES = 5


@record
class TitleCandidate:
    """A member headline and the vector of the article it heads."""

    article_id: str
    title: str
    headline_like: bool
    vector: tuple[float, ...]


def rank_candidates(
    candidates: Iterable[TitleCandidate], centroid: npt.NDArray[np.float64]
) -> list[TitleCandidate]:
    """Candidates best first: real headlines first, then closest to `centroid`, then by id."""
    norm = float(np.linalg.norm(centroid))
    unit = centroid / norm if norm > 0 else centroid
    unique = {c.article_id: c for c in candidates if c.title.strip()}

    def key(candidate: TitleCandidate) -> tuple[bool, float, str]:
        closeness = float(np.asarray(candidate.vector, dtype=np.float64) @ unit)
        # Rounded so that float noise between runs never reorders near-equal candidates.
        return (not candidate.headline_like, -round(closeness, 6), candidate.article_id)

    return sorted(unique.values(), key=key)[:MAX_CANDIDATES]


def best_title(ranked: list[TitleCandidate]) -> str:
    """The title of the best candidate ("" when the cluster has no titled member)."""
    return ranked[0].title if ranked else ""
