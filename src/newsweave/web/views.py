"""Helpers shared by the pages: pagination, honest count lines, highlighted article text."""

from __future__ import annotations

import itertools
import math
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any
from urllib.parse import quote, urlencode

from newsweave.model import StoryLink
from newsweave.report.decode import from_plain
from newsweave.report.labels import sources_line, support_note
from newsweave.report.markdown import link_arrow, link_reason

__all__ = ["Pager", "highlighted", "sources_line", "storyline_links", "support_note"]

Row = dict[str, Any]

# Which mark wins where highlighted evidence overlaps: a disagreement says the most.
_MARK_ORDER = {"conflict": 0, "disputed": 1, "quote": 2, "corroborated": 3}


_URL_SAFE = re.compile(r"[A-Za-z0-9._~-]*")


def path_quote(value: str) -> str:
    """`value` as one URL path segment (outlet names hold spaces and slashes)."""
    if _URL_SAFE.fullmatch(value):  # ids, the common case: nothing to quote
        return value
    return quote(value, safe="")


@dataclass(frozen=True, slots=True)
class Pager:
    """Where a paginated list is: `total` items, `limit` per page, starting at `offset`."""

    total: int
    limit: int
    offset: int
    base: str
    params: tuple[tuple[str, str], ...]
    key: str = "offset"

    @property
    def first(self) -> int:
        return min(self.offset + 1, self.total)

    @property
    def last(self) -> int:
        return min(self.offset + self.limit, self.total)

    @property
    def page(self) -> int:
        return self.offset // self.limit + 1

    @property
    def pages(self) -> int:
        return max(1, math.ceil(self.total / self.limit))

    def url(self, page: int) -> str:
        params = [(k, v) for k, v in self.params if k != self.key]
        if page > 1:
            params.append((self.key, str((page - 1) * self.limit)))
        return self.base + ("?" + urlencode(params) if params else "")

    def links(self) -> list[tuple[int | None, str | None]]:
        """(page, url) for the first, last and nearby pages; (None, None) marks a gap."""
        wanted = sorted(
            {1, self.pages, *range(max(1, self.page - 2), min(self.pages, self.page + 2) + 1)}
        )
        out: list[tuple[int | None, str | None]] = []
        previous = 0
        for page in wanted:
            if page - previous > 1:
                out.append((None, None))
            out.append((page, self.url(page)))
            previous = page
        return out


@dataclass(frozen=True, slots=True)
class Segment:
    text: str
    mark: str | None  # conflict | disputed | quote | corroborated, or None
    link: str | None  # the permalink of the item the mark stands for
    anchors: tuple[str, ...]


def evidence_anchor(start: int, end: int) -> str:
    return f"ev-{start}-{end}"


def item_url(kind: str, item_id: str) -> str:
    route = {"claim": "claims", "conflict": "conflicts", "quote": "quotes"}.get(kind)
    return f"/{route}/{path_quote(item_id)}" if route else f"#{item_id}"


def highlighted(text: str, evidence: Sequence[Mapping[str, Any]]) -> list[list[Segment]]:
    """`text` as paragraphs of segments; only evidence rows with `marked` set are highlighted.

    Every evidence span gets an anchor (so a citation can point at it); a segment is marked
    with the strongest kind among the marked spans covering it, linked to that item's page.
    """
    spans = [e for e in evidence if 0 <= e["start"] < e["end"] <= len(text)]
    cuts = {0, len(text)}
    for e in spans:
        cuts.update((e["start"], e["end"]))
    position = 0
    while (brk := text.find("\n\n", position)) != -1:
        cuts.update((brk, brk + 2))
        position = brk + 2
    starts: dict[int, list[str]] = {}
    for e in spans:
        anchor = evidence_anchor(e["start"], e["end"])
        if anchor not in starts.setdefault(e["start"], []):
            starts[e["start"]].append(anchor)
    marked = [e for e in spans if e["marked"]]
    paragraphs: list[list[Segment]] = [[]]
    for left, right in itertools.pairwise(sorted(cuts)):
        piece = text[left:right]
        if "\n\n" in piece and not piece.strip():
            if paragraphs[-1]:
                paragraphs.append([])
            continue
        covering = [e for e in marked if e["start"] <= left and right <= e["end"]]
        mark = link = None
        if covering:
            best = min(covering, key=lambda e: _MARK_ORDER.get(_kind(e), 9))
            mark, link = _kind(best), item_url(best["kind"], best["item_id"])
        paragraphs[-1].append(Segment(piece, mark, link, tuple(starts.get(left, ()))))
    return [p for p in paragraphs if p]


def _kind(evidence: Mapping[str, Any]) -> str:
    if evidence["kind"] == "claim":
        return str(evidence.get("status") or "corroborated")
    return str(evidence["kind"])


def storyline_links(line: Mapping[str, Any], stories: Sequence[Mapping[str, Any]]) -> list[Row]:
    """Why each story of a storyline joined it: the two stories (id, title) and the reason in
    words (shared names and words, days apart), from the `links` of an `r_storylines` row."""
    titles = {s["id"]: s["title"] for s in stories}
    out: list[Row] = []
    for plain in line.get("links") or ():
        link = from_plain(StoryLink, plain)
        earlier, later = link.story_ids
        out.append(
            {
                "earlier": {"id": earlier, "title": titles.get(earlier, earlier)},
                "later": {"id": later, "title": titles.get(later, later)},
                "arrow": link_arrow(link),
                "reason": link_reason(link),
            }
        )
    return out
