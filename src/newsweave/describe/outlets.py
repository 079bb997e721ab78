"""The table of well-known outlets (`resources/outlets.tsv`) and name lookups against it.

The table maps a registered domain (or a host such as abcnews.go.com) to the outlet's human
name, with the aliases the outlet goes by ("AP", "The Associated Press"). Lookups:
- `outlet_for_host`: the outlet of a host, trying the host then each parent domain;
- `canonical_outlet`: any spelling of a known name ("the associated press", "Sputniknews.com")
  to the table's name;
- `find_outlet_mentions`: known names written in a piece of text, matched case-sensitively and
  only where the name is not part of a longer capitalised name ("The Independent Electoral
  Commission" is not "The Independent").
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from newsweave.describe.urls import BRAND_PARENTS, url_host

# Single-word names that are also everyday English words: in free text "Fortune" or "Nature" is
# far more often the word than the outlet, so they are matched only where a pattern says
# "this is a publication" (a copyright line, a newsletter plug), never as a bare mention.
_COMMON_WORDS = frozenset(
    [
        "people",
        "time",
        "fortune",
        "nature",
        "science",
        "reason",
        "salon",
        "slate",
        "metro",
        "mint",
        "stuff",
        "dawn",
        "punch",
        "vanguard",
        "variety",
        "deadline",
        "vogue",
        "insider",
        "observer",
        "economist",
        "guardian",
        "spectator",
        "scotsman",
        "independent",
        "times",
        "post",
        "sun",
        "star",
        "nation",
        "hill",
        "mirror",
        "express",
        "standard",
        "telegraph",
        "globe",
        "tribune",
        "herald",
        "examiner",
        "inquirer",
        "wired",
        "smithsonian",
        "scroll",
        "mainichi",
        "asahi",
        "ynet",
        "politico",
        "quartz",
        "bild",
        "welt",
        "spiegel",
        "billboard",
        "esquire",
        "cosmopolitan",
        "tennessean",
        "oregonian",
        "vice",
        "harper's",
    ]
)
# Words that join the parts of a name ("Voice of America", "Mail & Guardian").
_CONNECTORS = r"(?:of|the|de|la|le|du|des|di|del|am|&)"
_TOKEN = r"[A-Z0-9][\w'’.&!-]*"
_CAPITALISED_RUN_RE = re.compile(rf"{_TOKEN}(?:[ \t]+(?:{_CONNECTORS}[ \t]+)*{_TOKEN})*")
_DOMAIN_LIKE_RE = re.compile(r"^[\w-]+(?:\.[\w-]+)*\.[a-z]{2,}$", re.IGNORECASE)
_POSSESSIVE_RE = re.compile(r"['’]s?$")
MAX_NAME_WORDS = 6


@dataclass(frozen=True, slots=True)
class OutletTable:
    """Lookups built from the outlet table."""

    by_host: dict[str, str]
    kind_of: dict[str, str]
    by_folded: dict[str, str]
    by_exact: dict[str, str]


def _fold(name: str) -> str:
    """Case- and article-insensitive key ("The Associated Press" -> "associated press")."""
    key = re.sub(r"\s+", " ", name.replace("’", "'")).strip().casefold()
    return key.removeprefix("the ").strip()


def _is_common_word(alias: str) -> bool:
    words = alias.removeprefix("The ").split()
    return len(words) == 1 and not alias.isupper() and words[0].casefold() in _COMMON_WORDS


@lru_cache(maxsize=1)
def outlet_table() -> OutletTable:
    """The parsed outlet table (loaded once per process)."""
    text = resources.files("newsweave.resources").joinpath("outlets.tsv").read_text("utf-8")
    by_host: dict[str, str] = {}
    kind_of: dict[str, str] = {}
    by_folded: dict[str, str] = {}
    by_exact: dict[str, str] = {}
    for line in text.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        domain, name, aliases, kind = [*line.split("\t"), "", "", ""][:4]
        by_host[domain.strip().lower()] = name
        kind_of[name] = kind.strip() or "news"
        for alias in [name, *filter(None, (a.strip() for a in aliases.split("|")))]:
            by_folded.setdefault(_fold(alias), name)
            if _is_common_word(alias):
                continue
            variants = {alias, alias.upper()} if len(alias) > 2 else {alias}
            if alias.startswith("The ") and " " in alias[4:]:
                # "The Moscow Times" is also written "Moscow Times"; "The Local" is not "Local"
                variants |= {alias[4:], "THE " + alias[4:].upper()}
            for variant in variants:
                by_exact.setdefault(variant, name)
    return OutletTable(by_host=by_host, kind_of=kind_of, by_folded=by_folded, by_exact=by_exact)


def outlet_for_host(host_or_url: str | None) -> str | None:
    """The known outlet of a host or URL ("edition.cnn.com" -> "CNN"), or None."""
    if not host_or_url:
        return None
    host = url_host(host_or_url) if ("/" in host_or_url or ":" in host_or_url) else host_or_url
    if not host:
        return None
    labels = host.lower().removeprefix("www.").split(".")
    table = outlet_table().by_host
    for start in range(len(labels) - 1):
        name = table.get(".".join(labels[start:]))
        if name:
            return name
    if len(labels) >= 3 and ".".join(labels[-2:]) in BRAND_PARENTS:
        # "espn.go.com": the brand under its owner's domain also has a site of its own.
        return table.get(f"{labels[-3]}.com")
    return None


def canonical_outlet(name: str | None) -> str | None:
    """The table's name for any known spelling of an outlet (or its domain), else None."""
    if not name:
        return None
    cleaned = _POSSESSIVE_RE.sub("", name.strip().strip(".,:;!?()[]\"'“”")).strip()
    if not cleaned:
        return None
    if _DOMAIN_LIKE_RE.match(cleaned) and " " not in cleaned:
        return outlet_for_host(cleaned) or outlet_table().by_folded.get(_fold(cleaned))
    return outlet_table().by_folded.get(_fold(cleaned))


def known_outlet_prefix(phrase: str) -> str | None:
    """The known outlet named by the longest leading part of `phrase`, or None."""
    words = phrase.split()[:MAX_NAME_WORDS]
    for end in range(len(words), 0, -1):
        name = canonical_outlet(" ".join(words[:end]))
        if name:
            return name
    return None


def is_wire(name: str) -> bool:
    """Whether `name` is a news agency whose copy other outlets republish."""
    return outlet_table().kind_of.get(name) == "wire"


def same_outlet(first: str | None, second: str | None) -> bool:
    """Whether two outlet names denote the same outlet (by table alias or by spelling)."""
    if not first or not second:
        return False
    if _fold(first) == _fold(second):
        return True
    known_first, known_second = canonical_outlet(first), canonical_outlet(second)
    return known_first is not None and known_first == known_second


def find_outlet_mentions(text: str) -> list[tuple[str, int, int]]:
    """Known outlets written in `text` as (name, start, end), in text order.

    A match must end where its capitalised run ends, so a known name at the head of a longer
    proper name is not taken for the outlet.
    """
    table = outlet_table()
    found: list[tuple[str, int, int]] = []
    for run in _CAPITALISED_RUN_RE.finditer(text):
        tokens = [(m.group(0), run.start() + m.start()) for m in re.finditer(r"\S+", run.group(0))]
        if len(tokens) > 12:  # a line in capitals (a shouted heading), not a name
            continue
        for first in range(len(tokens)):
            if len(tokens) - first > MAX_NAME_WORDS:
                continue
            phrase = " ".join(t for t, _ in tokens[first:])
            bare = _POSSESSIVE_RE.sub("", phrase.rstrip(".,:;!?")).rstrip(".,:;")
            name = table.by_exact.get(bare) or table.by_exact.get(phrase)
            if name is None and first == len(tokens) - 1 and _DOMAIN_LIKE_RE.match(bare):
                name = outlet_for_host(bare)
            if name:
                start = tokens[first][1]
                found.append((name, start, start + len(bare)))
                break
    return found


def name_from_domain(domain: str, texts: list[str], *, any_word: bool = False) -> str | None:
    """A capitalised name in `texts` whose letters spell the domain's label ("Cayman Compass").

    `any_word`: a plain one-word name counts too (for texts that name the site, such as the
    site name cut from a headline: "Pluralsight" in "Pluralsight Tech Blog")."""
    label = _squash(domain.split(".", 1)[0])
    if len(label) < 3:
        return None
    for text in texts:
        for run in _CAPITALISED_RUN_RE.finditer(text[:20000]):
            words = run.group(0).split()
            for first in range(len(words)):
                for end in range(min(len(words), first + MAX_NAME_WORDS), first, -1):
                    phrase = _POSSESSIVE_RE.sub("", " ".join(words[first:end]).rstrip(".,:;!?"))
                    if _squash(phrase) in (label, "the" + label) and (
                        any_word or _name_like(phrase)
                    ):
                        return phrase.removeprefix("the ")  # "the WESH 2 News app"
    return None


def _name_like(phrase: str) -> bool:
    """Whether a phrase spelling a domain reads as the site's name: one plain capitalised word
    ("Ohio" in "Akron, Ohio", "Tallahassee" in "Tallahassee Police") is far more often a place
    or a word than the masthead, which a one-word site writes its own way ("WESH", "KSL",
    "DoingItLocal"); the domain is then the honest name."""
    words = re.sub(r"^(?:the|The|THE)\s+", "", phrase).split()
    if len(words) != 1:
        return True
    word = words[0]
    return word.isupper() or any(c.isupper() or c.isdigit() for c in word[1:])


def _squash(name: str) -> str:
    return re.sub(r"[^a-z0-9]", "", name.lower())


def compatible_with_domain(name: str, domain: str) -> bool:
    """Whether `name` could be the name of the site at `domain` ("Sputnik" / sputniknews.com)."""
    label = _squash(domain.split(".", 1)[0])  # "jamaica-gleaner" spells "Jamaica Gleaner"
    squashed = _squash(name).removeprefix("the")
    label = label.removeprefix("the")
    initials = "".join(w[0] for w in re.findall(r"[A-Za-z][\w']*", name) if w[0].isupper())
    if len(label) >= 3 and initials.lower() == label:
        return True  # "Jamaica Information Service" / jis.gov.jm
    if len(squashed) < 3 or len(label) < 3:
        return squashed == label
    return squashed == label or label.startswith(squashed) or squashed.startswith(label)


def harmonise_outlets(pairs: Sequence[tuple[str | None, str | None]]) -> list[str | None]:
    """One name per site: each (domain, outlet) pair's outlet, where an article that fell back to
    its bare domain ("ksl.com") takes the name its site's other articles give it ("KSL").

    Outlets are resolved one page at a time, so one page that writes the site's name and one
    that does not end up as two outlets for one site, which splits its voice and its coverage.
    Only bare-domain (or missing) outlets change, and only to a name that spells the domain:
    a page declaring another name (a sub-brand on the same domain) keeps it.
    """
    names: dict[str, Counter[str]] = {}
    for domain, outlet in pairs:
        if domain and outlet and outlet != domain and compatible_with_domain(outlet, domain):
            names.setdefault(domain, Counter())[outlet] += 1
    chosen = {
        domain: min(counts.items(), key=lambda item: (-item[1], item[0]))[0]
        for domain, counts in names.items()
    }
    return [
        chosen.get(domain, outlet) if domain and outlet in (None, domain) else outlet
        for domain, outlet in pairs
    ]
