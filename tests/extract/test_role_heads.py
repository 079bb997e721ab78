"""A role phrase names only the holder of that very role: "The president-elect" is not the
article's "Vice President-elect Kamala Harris" (the seeds' 003 article, where a head-word rule
tried in session 13 gave Biden's promise to Harris)."""

from __future__ import annotations

from newsweave.extract.entities import link_mentions
from newsweave.model import Entity

from .helpers import name_mention as _name

# The seeds' 003 article, shortened.
_TEXT = (
    "Biden and Vice President-elect Kamala Harris were declared the winner of the election.\n\n"
    "The president-elect promised to work with allies."
)


def _holder_of(entities: tuple[Entity, ...], article: str, start: int) -> Entity | None:
    found = [
        e
        for e in entities
        if any(m.article_id == article and m.span[0] == start for m in e.mentions)
    ]
    return found[0] if found else None


def test_the_president_elect_is_not_the_vice_president_elect() -> None:
    mentions = [
        _name("a", _TEXT, "Biden", "PERSON"),
        _name("a", _TEXT, "Kamala Harris", "PERSON"),
    ]
    linked = link_mentions(mentions, {"a": _TEXT})
    holder = _holder_of(linked, "a", _TEXT.index("The president-elect"))
    assert holder is None or holder.name != "Kamala Harris"
