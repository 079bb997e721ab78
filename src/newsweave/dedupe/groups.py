"""Copy groups: joining verified links, choosing each group's original, linking members to it."""

from __future__ import annotations

from collections import deque
from collections.abc import Callable, Sequence
from datetime import UTC, datetime

from newsweave.model import Article, CopyKind

# Kinds from strongest to weakest: a chain is as weak as its weakest link.
_STRENGTH: dict[CopyKind, int] = {"exact": 0, "near": 1, "rewritten": 2}
Edge = tuple[CopyKind, float]


class UnionFind:
    """Disjoint sets over 0..size-1; the smaller index becomes the root."""

    def __init__(self, size: int) -> None:
        self.parent = list(range(size))

    def find(self, item: int) -> int:
        root = item
        while self.parent[root] != root:
            root = self.parent[root]
        while self.parent[item] != root:
            self.parent[item], item = root, self.parent[item]
        return root

    def union(self, first: int, second: int) -> None:
        a, b = self.find(first), self.find(second)
        if a != b:
            self.parent[max(a, b)] = min(a, b)


def _norm_name(name: str | None) -> str:
    text = (name or "").casefold().strip()
    return text.removeprefix("the ").replace(" ", "")


def _published_key(value: str | None) -> tuple[int, float]:
    if not value:
        return (1, 0.0)
    try:
        moment = datetime.fromisoformat(value.strip().replace("Z", "+00:00"))
    except ValueError:
        return (1, 0.0)
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return (0, moment.timestamp())


def choose_original(group: Sequence[Article]) -> Article:
    """The original of a copy group: credited by another member (`origin` naming its outlet),
    else the earliest published, else the longest text, else the smallest id."""

    def credited(article: Article) -> bool:
        names = {_norm_name(article.outlet)}
        if article.domain:
            names.add(_norm_name(article.domain.split(".")[0]))
        names.discard("")
        return any(other.id != article.id and _norm_name(other.origin) in names for other in group)

    return min(
        group,
        key=lambda a: (not credited(a), _published_key(a.published), -len(a.text), a.id),
    )


def link_group(
    members: list[int],
    original: int,
    neighbours: dict[int, list[tuple[int, Edge]]],
    direct: Callable[[int, int], float | None],
    exact_keys: Sequence[str],
) -> dict[int, Edge]:
    """Kind and similarity of every member's link to the original.

    A direct exact or near match to the original wins; otherwise the path of verified links
    that joined the member (breadth-first, neighbours in index order) gives the weakest kind
    on it and the smallest similarity.
    """
    path_edge: dict[int, Edge] = {original: ("exact", 1.0)}
    queue = deque([original])
    while queue:
        node = queue.popleft()
        for nxt, (kind, similarity) in sorted(neighbours.get(node, [])):
            if nxt in path_edge:
                continue
            prior_kind, prior_similarity = path_edge[node]
            weakest = max(prior_kind, kind, key=_STRENGTH.__getitem__)
            path_edge[nxt] = (weakest, min(prior_similarity, similarity))
            queue.append(nxt)
    out: dict[int, Edge] = {}
    for member in members:
        if member == original:
            continue
        if exact_keys[member] == exact_keys[original]:
            out[member] = ("exact", 1.0)
            continue
        near = direct(member, original)
        if near is not None:
            out[member] = ("near", round(near, 4))
        else:
            kind, similarity = path_edge[member]
            out[member] = (kind, round(similarity, 4))
    return out
