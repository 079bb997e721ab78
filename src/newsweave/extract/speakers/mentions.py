"""Who a frame names (`Attribution`), and logarithmic look-ups over the entity mentions and
spans of one article (`MentionIndex`, `SpanIndex`)."""

from __future__ import annotations

import bisect
from collections.abc import Sequence

from newsweave.model import Entity, Span, record


@record
class Attribution:
    """Who a frame names as speaker, how, and whether the frame attaches to the quote."""

    speaker_text: str | None
    speaker_id: str | None
    cue: str | None


@record
class _Mention:
    span: Span
    entity_id: str
    type: str
    text: str


class SpanIndex:
    """Sorted, non-overlapping spans with logarithmic look-ups: article text is untrusted and may
    hold tens of thousands of quotes, so no look-up may scan them all."""

    def __init__(self, spans: Sequence[Span] = ()) -> None:
        self._spans = sorted(spans)
        self._starts = [s for s, _ in self._spans]

    def add(self, span: Span) -> None:
        i = bisect.bisect_left(self._starts, span[0])
        self._spans.insert(i, span)
        self._starts.insert(i, span[0])

    def overlaps(self, start: int, end: int) -> bool:
        """True when a span shares a character with [start, end)."""
        i = bisect.bisect_left(self._starts, end) - 1
        return i >= 0 and self._spans[i][1] > start

    def contains(self, pos: int) -> bool:
        return self.overlaps(pos, pos + 1)

    def starting_at(self, pos: int) -> Span | None:
        i = bisect.bisect_left(self._starts, pos)
        return self._spans[i] if i < len(self._starts) and self._starts[i] == pos else None

    def first_start_within(self, start: int, end: int) -> int | None:
        """The first span start s with start < s <= end."""
        i = bisect.bisect_right(self._starts, start)
        return self._starts[i] if i < len(self._starts) and self._starts[i] <= end else None


class MentionIndex:
    """Entity mentions of one article, sorted by position, for subject look-ups.

    `MentionIndex(article_id, entities)` scans every mention of `entities`; for every article of
    a corpus, `MentionIndex.per_article(entities)` builds all the indexes in one pass over the
    mentions (the per-article scan made the quotes stage quadratic in the corpus).
    """

    def __init__(
        self,
        article_id: str,
        entities: Sequence[Entity] = (),
        *,
        names: dict[str, str] | None = None,
        found: list[_Mention] | None = None,
    ) -> None:
        if found is None:
            found = [
                _Mention(span=ev.span, entity_id=e.id, type=e.type, text=ev.text)
                for e in entities
                for ev in e.mentions
                if ev.article_id == article_id
            ]
        self.mentions = sorted(found, key=lambda m: (m.span, m.entity_id))
        self._starts = [m.span[0] for m in self.mentions]
        self.names = names if names is not None else {e.id: e.name for e in entities}

    @classmethod
    def per_article(
        cls, entities: Sequence[Entity], article_ids: Sequence[str]
    ) -> dict[str, MentionIndex]:
        """The index of each of `article_ids`, from one pass over the mentions (linear).

        Each equals `MentionIndex(article_id, entities)`.
        """
        names = {e.id: e.name for e in entities}
        found: dict[str, list[_Mention]] = {article_id: [] for article_id in article_ids}
        for e in entities:
            for ev in e.mentions:
                if ev.article_id in found:
                    mention = _Mention(span=ev.span, entity_id=e.id, type=e.type, text=ev.text)
                    found[ev.article_id].append(mention)
        return {
            article_id: cls(article_id, names=names, found=mentions)
            for article_id, mentions in found.items()
        }

    def within(self, start: int, end: int) -> list[_Mention]:
        """Mentions lying inside [start, end)."""
        i = bisect.bisect_left(self._starts, start)
        out: list[_Mention] = []
        while i < len(self.mentions) and self.mentions[i].span[0] < end:
            if self.mentions[i].span[1] <= end:
                out.append(self.mentions[i])
            i += 1
        return out


def _pick(mentions: list[_Mention], *, last: bool) -> _Mention | None:
    people = [m for m in mentions if m.type == "PERSON"]
    # A nationality or a place never speaks ("Sudanese said", "in Khartoum, … said"); an
    # organisation issues statements.
    pool = people or [m for m in mentions if m.type in {"ORG", "MISC"}]
    if not pool:
        return None
    return pool[-1] if last else pool[0]
