"""Entity records: one `Entity` per linked cluster of name mentions, with its type and name.

The type is voted by the cluster's name mentions (PERSON wins for a cluster keyed on a full
person name); a PERSON vote that is plainly wrong (a nationality, a gazetteer place, a call
sign, a street) is corrected by `_not_a_person`. The name is the most frequent full form.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Mapping
from typing import Final

from newsweave.extract import gazetteer
from newsweave.extract.aliases import bare_name, normalize_space, strip_possessive, wordlist
from newsweave.extract.mentions import NameMention
from newsweave.ids import content_id
from newsweave.model import Entity, Evidence

# Order in which tied type votes are decided: the kind spaCy confuses least first.
_TYPE_PRIORITY: Final = ("PERSON", "GPE", "ORG", "NORP", "LOC", "EVENT", "FAC", "PRODUCT")


def build_entity(
    key: str, members: list[tuple[NameMention, bool]], texts: Mapping[str, str]
) -> Entity:
    person = key.startswith("P:")
    named = [m for m, is_name in members if is_name] or [m for m, _ in members]
    labels = Counter(m.label for m in named)
    if person:
        entity_type = "PERSON"
    else:
        entity_type = min(labels, key=lambda lab: (-labels[lab], label_priority(lab), lab))
        entity_type = _not_a_person(entity_type, key, named, texts)
    forms = Counter(_canonical_form(m.text, person) for m in named)
    full = {f: n for f, n in forms.items() if len(f.split()) >= 2} if person else {}
    pool = full or dict(forms)
    name = min(pool, key=lambda f: (-pool[f], f.isupper(), -len(f), f))
    evidence = tuple(
        sorted(
            {Evidence(article_id=m.article_id, text=m.text, span=m.span) for m, _ in members},
            key=lambda e: (e.article_id, e.span),
        )
    )
    aliases = sorted({strip_possessive(normalize_space(m.text)) for m, _ in members} - {name})
    # A lone name kept to its article ("N:warren#<article>") is an entity of its own.
    scope = key.partition("#")[2]
    return Entity(
        id=content_id("e", entity_type, name, scope)
        if scope
        else content_id("e", entity_type, name),
        name=name,
        type=entity_type,
        aliases=tuple(aliases),
        article_ids=tuple(sorted({m.article_id for m, _ in members})),
        mentions=evidence,
    )


# "in Kokomo", "near Knightstown", "Emmanuel Arrington, 33, of Kokomo".
_LOCATIVE = re.compile(r"(?:\b(?:in|near|outside|across)|\d,\s+of)\s+$", re.IGNORECASE)


# Last words that make a two-word "person" a street, a building or a place ("Clinton Drive",
# "Elks Lodge", "Aransas Pass"); read on the tune stories of eval/data/entities_gold.jsonl.
_PLACE_HEADS: Final = wordlist(
    """drive dr dr. avenue ave ave. street st st. road rd rd. way boulevard blvd lane ln court
    ct circle terrace place plaza highway parkway lodge hotel motel prison jail hospital
    school center centre pass park bridge bar club church airport station mall"""
)


def _not_a_person(voted: str, key: str, named: list[NameMention], texts: Mapping[str, str]) -> str:
    """The type of a name not linked to any full person name, when the model's PERSON vote is
    plainly wrong: a nationality ("Russian") is NORP, a country or city of the gazetteer GPE,
    a call sign or acronym ("KTHV", "WISH") or a web name ("KMOV.com", "Fox59") ORG, and a word
    that mostly follows "in"/"near" ("in Kokomo") a place."""
    words = key[2:].split("#", 1)[0]
    if words in gazetteer.NORP_NAMES:
        return "NORP"
    if voted != "PERSON":
        return voted
    if words in gazetteer.GPE_NAMES:
        return "GPE"
    surfaces = [m.text for m in named]
    if all(len(t) >= 3 and t.replace(".", "").isupper() for t in surfaces):
        return "ORG"
    if any(".com" in t.lower() or any(c.isdigit() for c in t) for t in surfaces):
        return "ORG"
    if place_like(words.split()):
        return "FAC"
    if " " not in words:
        placed = sum(
            1
            for m in named
            if _LOCATIVE.search(texts.get(m.article_id, "")[max(0, m.span[0] - 12) : m.span[0]])
        )
        if placed * 2 > len(named):
            return "GPE"
    return voted


def place_like(tokens: list[str]) -> bool:
    last = tokens[-1]
    return len(tokens) >= 2 and (
        last in _PLACE_HEADS or last in gazetteer.LOC_HEADS or last in gazetteer.ORG_HEADS
    )


def label_priority(label: str) -> int:
    return _TYPE_PRIORITY.index(label) if label in _TYPE_PRIORITY else len(_TYPE_PRIORITY)


def _canonical_form(text: str, person: bool) -> str:
    if person:
        return bare_name(text)
    words = normalize_space(text)
    return strip_possessive(re.sub(r"^(?:the|The|THE)\s+", "", words)).strip(" ,")
