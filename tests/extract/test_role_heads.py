"""A title's head word alone names its holder within the article ("Police commissioner Charles
Ramsey says … The commissioner says"), as the whole title does ("the police commissioner"), and
names no one where two of the article's people hold titles with that head."""

from __future__ import annotations

from newsweave.extract.entities import link_mentions
from newsweave.model import Entity

from .helpers import name_mention as _name

# ECB+ 22_8ecbplus (KYW), shortened, names changed.
_ONE = (
    "Authorities say the incident began after the employee was suspended.\n\n"
    "Police commissioner Charles Ramsden says she was escorted out of the building.\n\n"
    "Reporters say Commissioner Ramsden credits a special training program.\n\n"
    "The commissioner says he has put many officers through the training."
)

_TWO = (
    "Police commissioner Charles Ramsden spoke first. Fire commissioner Lloyd Ayers spoke later."
    "\n\nThe commissioner says he has put many officers through the training."
)


def _holder_of(entities: tuple[Entity, ...], article: str, start: int) -> Entity | None:
    found = [
        e
        for e in entities
        if any(m.article_id == article and m.span[0] == start for m in e.mentions)
    ]
    return found[0] if found else None


def test_the_head_of_a_title_names_its_one_holder_in_the_article() -> None:
    mentions = [
        _name("a", _ONE, "Charles Ramsden", "PERSON"),
        _name("a", _ONE, "Ramsden", "PERSON", nth=1),
    ]
    linked = link_mentions(mentions, {"a": _ONE})
    holder = _holder_of(linked, "a", _ONE.index("The commissioner"))
    assert holder is not None
    assert holder.name == "Charles Ramsden"


def test_the_head_names_no_one_when_two_people_hold_it() -> None:
    mentions = [
        _name("a", _TWO, "Charles Ramsden", "PERSON"),
        _name("a", _TWO, "Lloyd Ayers", "PERSON"),
    ]
    linked = link_mentions(mentions, {"a": _TWO})
    assert _holder_of(linked, "a", _TWO.index("The commissioner")) is None
