"""Article text split into paragraphs and segments, with evidence spans marked and anchored.

The HTML report needs every evidence span to be (a) highlighted in its paragraph and (b) a link
target, even when spans overlap. We cut the text at every span boundary and at paragraph breaks,
so each segment is either inside some spans or inside none; the template escapes each segment.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterable
from dataclasses import dataclass

from newsweave.model import Evidence, Span


def anchor_id(article_id: str, span: Span) -> str:
    """The HTML id of an evidence span; citations link to `#` + this."""
    return f"ev-{article_id}-{span[0]}-{span[1]}"


@dataclass(frozen=True, slots=True)
class Segment:
    text: str
    marked: bool
    anchors: tuple[str, ...]  # ids of spans that start here


def paragraphs_with_marks(
    article_id: str, text: str, spans: Iterable[Span], *, marked: Iterable[Span] | None = None
) -> list[list[Segment]]:
    """`text` as paragraphs (split on blank lines) of segments, spans anchored.

    Segments inside one of `marked` (default: all `spans`) are marked; the other spans are only
    anchors, so a citation can land on them without highlighting them.
    """
    valid = sorted({s for s in spans if 0 <= s[0] < s[1] <= len(text)})
    highlighted = valid if marked is None else sorted({(s[0], s[1]) for s in marked})
    cuts = {0, len(text)}
    for start, end in valid:
        cuts.update((start, end))
    position = 0
    while (brk := text.find("\n\n", position)) != -1:
        cuts.update((brk, brk + 2))
        position = brk + 2
    starts: dict[int, list[str]] = {}
    for span in valid:
        starts.setdefault(span[0], []).append(anchor_id(article_id, span))
    bounds = sorted(cuts)
    paragraphs: list[list[Segment]] = [[]]
    for left, right in itertools.pairwise(bounds):
        piece = text[left:right]
        if piece == "\n\n" or (not piece.strip() and "\n\n" in piece):
            if paragraphs[-1]:
                paragraphs.append([])
            continue
        inside = any(s <= left and right <= e for s, e in highlighted)
        paragraphs[-1].append(Segment(piece, inside, tuple(starts.get(left, ()))))
    return [p for p in paragraphs if p]


def evidence_spans(evidence: Iterable[Evidence]) -> dict[str, set[Span]]:
    """Spans per article id."""
    out: dict[str, set[Span]] = {}
    for item in evidence:
        out.setdefault(item.article_id, set()).add((item.span[0], item.span[1]))
    return out
