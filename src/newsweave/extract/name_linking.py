"""Linking of names that are not people: organisations and places.

Keys that make two writings of one name equal ("The Denver Post's" / "Denver Post", "Porter
St." / "Porter Street"), AP state abbreviations of datelines, initials ("AP", "EBR"), and the
short forms of a longer name in the same story ("the Post" beside "The Denver Post").
"""

from __future__ import annotations

import functools
import re
from collections import defaultdict
from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import Final

from newsweave.extract import gazetteer
from newsweave.extract.aliases import (
    fold_accents,
    name_key,
    normalize_space,
    strip_possessive,
    wordlist,
)
from newsweave.extract.mentions import TENTATIVE, NameMention
from newsweave.extract.person_linking import one_edit

PLACE_LABELS: Final = frozenset({"GPE", "LOC"})


def initials_of(tokens: Iterable[str]) -> str:
    """First letters of a name's words; a dotted initialism gives all its letters ("u.s.
    geological survey" -> "usgs")."""
    return "".join(
        t.replace(".", "") if _DOTTED.match(t) else t[0]
        for t in tokens
        if t not in {"of", "the", "and", "for", "&"}
    )


_DOTTED: Final = re.compile(r"^(?:[a-z]\.){2,3}$")
# "US Geological Survey" is the "U.S. Geological Survey": a country's initials opening a name.
_COUNTRY_INITIALS: Final = re.compile(r"^(U)([SKN]) (?=[A-Z][a-z])")


@functools.lru_cache(maxsize=1 << 16)
def plain_key(text: str) -> str:
    """Key of a non-person name: no leading 'the', no possessive, case folded."""
    words = normalize_space(text).replace("’", "'")
    words = re.sub(r"^(?:the|The|THE)\s+", "", words)
    words = _COUNTRY_INITIALS.sub(r"\1.\2. ", words, count=1)
    key = fold_accents(strip_possessive(words)).lower().strip(" .,")
    # "Bell's Ferry Road" is the "Bells Ferry Road" another article writes
    key = _INNER_POSSESSIVE.sub("s", key)
    # "Town of Wallkill" is Wallkill; "Fifth Avenue" is "5th Avenue"; "WGN-TV" is WGN
    key = _TOWN_OF.sub("", key, count=1)
    key = _CALL_SIGN_SUFFIX.sub("", key).replace(" & ", " and ")
    # "U.S. 41 East", "U.S. Highway 41", "US 41": one road
    road = _US_ROUTE.match(key)
    if road is not None:
        return f"u.s. route {road.group(1)}"
    if any(word in _ORDINALS for word in key.split(" ")):
        key = " ".join(_ORDINALS.get(word, word) for word in key.split(" "))
    head, _, last = key.rpartition(" ")
    if head and last in _STREET_WORDS:
        key = f"{head} {_STREET_WORDS[last]}"
        last = _STREET_WORDS[last]
    number, _, street = key.partition(" ")
    if number.isdigit() and " " in street and last in _STREET_NAMES:
        return street  # "210 Main Street" is Main Street: the number is a house's
    return key


_INNER_POSSESSIVE: Final = re.compile(r"'s(?= )")
_TOWN_OF: Final = re.compile(r"^(?:town|city|village|township|borough) of (?=\w)")
_US_ROUTE: Final = re.compile(
    r"^(?:u\.s\.?|us)(?: (?:highway|hwy\.?|route|rte\.?))? (\d{1,3})"
    r"(?: (?:east|west|north|south))?$"
)
_CALL_SIGN_SUFFIX: Final = re.compile(
    r"(?<=^[kw][a-z]{3})-(?:tv|dt|fm|am)$|(?<=^[kw][a-z]{2})-(?:tv|dt|fm|am)$"
)
_ORDINALS: Final = {
    "first": "1st",
    "second": "2nd",
    "third": "3rd",
    "fourth": "4th",
    "fifth": "5th",
    "sixth": "6th",
    "seventh": "7th",
    "eighth": "8th",
    "ninth": "9th",
    "tenth": "10th",
    "eleventh": "11th",
    "twelfth": "12th",
    "thirteenth": "13th",
    "fourteenth": "14th",
    "fifteenth": "15th",
    "sixteenth": "16th",
    "seventeenth": "17th",
    "eighteenth": "18th",
    "nineteenth": "19th",
    "twentieth": "20th",
}

# "Porter St." is "Porter Street" (the trailing full stop is stripped before the look-up).
_STREET_WORDS: Final = {
    "st": "street",
    "ave": "avenue",
    "blvd": "boulevard",
    "rd": "road",
    "ln": "lane",
    "hwy": "highway",
    "pkwy": "parkway",
}


# AP-style state abbreviations, as datelines write them ("ATLANTA, Ga.").
STATE_ABBREVIATIONS: Final = dict(
    item.replace("_", " ").lower().split("=")
    for item in wordlist(
        """Ala.=Alabama Ariz.=Arizona Ark.=Arkansas Calif.=California Colo.=Colorado
        Conn.=Connecticut Del.=Delaware Fla.=Florida Ga.=Georgia Ill.=Illinois Ind.=Indiana
        Kan.=Kansas Ky.=Kentucky La.=Louisiana Md.=Maryland Mass.=Massachusetts Mich.=Michigan
        Minn.=Minnesota Miss.=Mississippi Mo.=Missouri Mont.=Montana Neb.=Nebraska Nev.=Nevada
        N.H.=New_Hampshire N.J.=New_Jersey N.M.=New_Mexico N.Y.=New_York N.C.=North_Carolina
        N.D.=North_Dakota Okla.=Oklahoma Ore.=Oregon Pa.=Pennsylvania R.I.=Rhode_Island
        S.C.=South_Carolina S.D.=South_Dakota Tenn.=Tennessee Tex.=Texas Vt.=Vermont
        Va.=Virginia Wash.=Washington W.Va.=West_Virginia Wis.=Wisconsin Wyo.=Wyoming"""
    )
)


# Postal codes of states, as a dateline after a comma writes them ("NAVARRO COUNTY, TX");
# those that are also English words or other names ("IN", "OR", "ME", "CO", "LA") are left out.
POSTAL_STATES: Final = dict(
    item.replace("_", " ").lower().split("=")
    for item in wordlist(
        """AK=Alaska AZ=Arizona AR=Arkansas CA=California CT=Connecticut FL=Florida
        GA=Georgia IL=Illinois KS=Kansas KY=Kentucky MD=Maryland MI=Michigan MN=Minnesota
        MS=Mississippi MT=Montana NE=Nebraska NV=Nevada NH=New_Hampshire NJ=New_Jersey
        NM=New_Mexico NY=New_York NC=North_Carolina ND=North_Dakota PA=Pennsylvania
        RI=Rhode_Island SC=South_Carolina SD=South_Dakota TN=Tennessee TX=Texas UT=Utah
        VT=Vermont VA=Virginia WA=Washington WV=West_Virginia WI=Wisconsin WY=Wyoming"""
    )
)


def postal_state(mention: NameMention, text: str) -> str | None:
    """The state a two-capital mention right after a comma names ("Vista, CA"), or an AP
    abbreviation written there without its dot ("Sullivan County, Ind (WIBQ)"), if any."""
    surface = mention.text.strip()
    if not text.endswith(", ", 0, mention.span[0]):
        return None
    if len(surface) == 2 and surface.isupper():
        return POSTAL_STATES.get(surface.lower())
    if surface[:1].isupper() and surface[1:].islower():
        return STATE_ABBREVIATIONS.get(f"{surface.lower()}.")
    return None


_KNOWN: Final = frozenset(p.lower() for p in gazetteer.GPE_NAMES)
_STREET_NAMES: Final = frozenset({*_STREET_WORDS.values(), "drive", "circle", "court", "place"})
# One country, written several ways; a GPE mention's key is its country's one key.
_COUNTRY_KEYS: Final = {
    form: country
    for country, forms in (
        ("united states", "u.s us usa u.s.a united_states united_states_of_america america"),
        ("united kingdom", "u.k uk britain great_britain united_kingdom"),
    )
    for form in (f.replace("_", " ") for f in forms.split())
}


def country_key(key: str) -> str:
    """The one key of a country written several ways ("U.S.", "America" -> united states)."""
    return _COUNTRY_KEYS.get(key, key)


def _scopes(story_of: Mapping[str, str | None] | None) -> Callable[[str], str]:
    """Each article's scope, its story's ("s:<story>") or else its own ("a:<article>"), made
    once per article: the linking passes ask ~1.4 million times at 10,000 articles (issue 15)."""
    scopes: dict[str, str] = {}

    def scope(article_id: str) -> str:
        found = scopes.get(article_id)
        if found is None:
            story = story_of.get(article_id) if story_of else None
            found = f"s:{story}" if story is not None else f"a:{article_id}"
            scopes[article_id] = found
        return found

    return scope


def link_short_forms(
    mentions: list[NameMention],
    assigned: dict[int, str],
    story_of: Mapping[str, str | None] | None,
    texts: Mapping[str, str] | None = None,
    lower_of: Mapping[str, str] | None = None,
) -> None:
    """Short forms of a longer name in the same story (or article, without stories), when that
    longer name is the only one they fit: the name without its leading place ("Journal-
    Constitution" for "Atlanta Journal-Constitution"), or with the words before the common tail
    written as their initials ("EBR Parish Prison" for "East Baton Rouge Parish Prison").
    `lower_of`: each article's `lower_words`, when kept (else read from its text)."""

    scope = _scopes(story_of)

    # The texts of each scope, read by the story-wide checks of a name (`_town_use`,
    # `_modifies_other_noun`): they walked every text of the corpus for each name they were
    # asked about, quadratic in the corpus (issue 15, session 16).
    scope_texts = _ScopeTexts(texts or {}, scope)

    _expand_abbreviations(mentions, assigned, scope)
    _merge_spelling_variants(mentions, assigned, scope)
    places = {name_key(m.text) for m in mentions if m.label in PLACE_LABELS and len(m.text) > 2} | {
        p.lower() for p in gazetteer.GPE_NAMES
    }
    # Longer names of each scope, indexed by their tails: a short form is looked up, never
    # compared with every name of a large story.
    by_tail: dict[tuple[str, tuple[str, ...]], set[str]] = defaultdict(set)
    by_lead_tail: dict[tuple[str, str, tuple[str, ...]], set[str]] = defaultdict(set)
    by_article_tail: dict[tuple[str, tuple[str, ...]], set[str]] = defaultdict(set)
    by_stem: dict[tuple[str, tuple[str, ...]], set[str]] = defaultdict(set)
    for index, key in assigned.items():
        if not key.startswith("N:") or "#" in key or " " not in key:
            continue
        where = scope(mentions[index].article_id)
        full = tuple(key[2:].split())
        for extra in range(1, len(full)):
            if " ".join(full[:extra]) in places:
                by_tail[(where, full[extra:])].add(key)  # "Journal-Constitution"
            if extra >= 2:
                by_lead_tail[(where, initials_of(full[:extra]), full[extra:])].add(key)
            if len(full) - extra >= 2 and full[-1] in _ORG_ENDS:
                # "Mansion Party" beside "Summer Kick Off Mansion Party" in one article (an
                # organisation's or event's name: "Baton Rouge" is no short "East Baton Rouge")
                by_article_tail[(mentions[index].article_id, full[extra:])].add(key)
        if full[-1] in _GENERIC_ORG_WORDS:
            by_stem[(where, full[:-1])].add(key)  # "X Police" for "X Police Department"
        elif full[-1] in _INSTITUTION_WORDS and " ".join(full[:-1]) not in places:
            # "Georgia Southern" for "Georgia Southern University"; never a place for the
            # institution named after it ("Cook County" is no "Cook County Hospital")
            by_stem[(where, full[:-1])].add(key)
        elif full[-1] == "city" and len(full) >= 3 and " ".join(full[:-1]) not in _KNOWN:
            # "Salt Lake" for "Salt Lake City"; not "Kansas" for "Kansas City", nor a stem
            # that is a place of its own ("New York")
            by_stem[(where, full[:-1])].add(key)
    # "Terrace" beside "Terrace Avenue": the one street of the story a lone word (no person's,
    # no place's of its own) opens. "Colts" beside "Indianapolis Colts": the one name of the
    # story a plural word ends (a team's, a band's; session 6, read on fresh18).
    by_head: dict[tuple[str, str], set[str]] = defaultdict(set)
    by_plural: dict[tuple[str, str], set[str]] = defaultdict(set)
    by_last: dict[tuple[str, str], set[str]] = defaultdict(set)
    named_in = {(key, mentions[index].article_id) for index, key in assigned.items()}
    for index, key in assigned.items():
        if not key.startswith("N:") or "#" in key:
            continue
        full = tuple(key[2:].split())
        where = scope(mentions[index].article_id)
        if len(full) == 2 and full[1] in _HEADED:
            by_head[(where, full[0])].add(key)
        if len(full) >= 2 and plural_name(full[-1]) and full[-1] not in _ORG_ENDS:
            by_plural[(where, full[-1])].add(key)
        if len(full) >= 2 and mentions[index].label == "ORG" and full[-1] not in _ORG_ENDS:
            by_last[(where, full[-1])].add(key)
    # Each scope's plural last words, for `_clipped_team` (it scanned every scope's).
    plurals_of: dict[str, list[tuple[str, set[str]]]] = defaultdict(list)
    for (where, last), keys in by_plural.items():
        plurals_of[where].append((last, keys))
    for index, key in sorted(assigned.items()):
        lone = key[2:]
        mention = mentions[index]
        if (
            key.startswith("N:")
            and " " not in lone
            and mention.label not in {"PERSON", TENTATIVE}
            and mention.text[:1].isupper()
            and (lone not in _KNOWN or _after_block_of(mention, texts))
        ):
            heads = by_head.get((scope(mention.article_id), lone), set())
            if (
                mention.label == "GPE"
                and texts is not None
                and any(h.split()[-1] in _STREET_ENDS for h in heads)
                and _town_use(mention, scope_texts)
            ):
                # "in Rosamond" beside "Rosamond Boulevard": the town the street is named
                # after (fresh23, session 9); "at Belmont and Junction avenues" is the street's
                heads = set()
            if len(heads) == 1:
                assigned[index] = next(iter(heads))
            teams = by_plural.get((scope(mention.article_id), lone), set()) or _clipped_team(
                lone, plurals_of.get(scope(mention.article_id), [])
            )
            if len(heads) != 1 and len(teams) == 1 and plural_name(lone):
                assigned[index] = next(iter(teams))
            elif len(heads) != 1 and texts is not None and mention.label == "ORG":
                tails = by_last.get((scope(mention.article_id), lone), set())
                if len(tails) == 1 and _tail_beside(
                    lone, (next(iter(tails)), mention.article_id), named_in, texts
                ):
                    assigned[index] = next(iter(tails))  # "Sox" beside "Red Sox"
    # A plural the model took for a person's name ("the Jags", "Colts") and that no person of
    # the article bears (its key is a lone name's): the story's one team it names or clips.
    for index, key in sorted(assigned.items()):
        lone = key[2:].split("#", 1)[0]
        mention = mentions[index]
        if (
            key.startswith("N:")
            and mention.label == "PERSON"
            and " " not in lone
            and plural_name(lone)
            and mention.text[:1].isupper()
        ):
            where = scope(mention.article_id)
            teams = by_plural.get((where, lone), set()) or _clipped_team(
                lone, plurals_of.get(where, [])
            )
            if len(teams) == 1:
                assigned[index] = next(iter(teams))
    if texts is not None:
        _link_company_word(mentions, assigned, texts)
        _link_definite_heads(mentions, assigned, texts)
        _link_city_teams(mentions, assigned, texts, scope)
    if texts is not None:
        _link_leading_words(
            mentions, assigned, scope, places, texts, scope_texts=scope_texts, lower_of=lower_of
        )
    present = {(key, mentions[index].article_id) for index, key in assigned.items()}
    found: dict[tuple[str, str, bool], set[str]] = {}
    for index, key in sorted(assigned.items()):
        if not key.startswith("N:") or "#" in key:
            continue
        where = scope(mentions[index].article_id)
        words = tuple(key[2:].split())
        capital = mentions[index].text[:1].isupper()
        look = (where, key, capital)
        if look not in found:
            options = set(by_tail.get((where, words), set()))
            if len(words) >= 2 and capital:
                options |= by_lead_tail.get((where, words[0], words[1:]), set())  # "EBR …"
            found[look] = options - {key}
        options = found[look]
        if not options and len(words) >= 2 and capital:
            options = (
                by_article_tail.get((mentions[index].article_id, words), set())
                | by_stem.get((where, words), set())
            ) - {key}
        if len(options) == 1 and (len(words) >= 2 or "-" in words[0]):
            assigned[index] = next(iter(options))
        elif len(options) == 1 and mentions[index].label in {"ORG", TENTATIVE}:
            # A one-word tail ("the Post" for "The Denver Post") only beside its long form.
            target = next(iter(options))
            if (target, mentions[index].article_id) in present:
                assigned[index] = target


# Words around a place's name that make it its team's, as sports writing does: "a 31-24 win
# over Jacksonville", "after signing with New Orleans", "New Orleans coach Sean Payton",
# "visiting Evansville (7-2)" (fresh16, fresh18, fresh19, session 11).
_TEAM_BEFORE = re.compile(
    r"(?:\b(?:win|wins|victory|victories|loss|losses|defeat|defeats|drubbing|rout)\s+(?:over|to|of)"
    r"|\b(?:game|games|matchup)\s+against|\b(?:signing|signed|signs|traded)\s+(?:with|to))"
    r"\s+(?:the\s+)?$"
)
_TEAM_AFTER = re.compile(
    r"\s+(?:\(\d{1,2}-\d{1,2}(?:-\d{1,2})?\)|(?:head\s+)?coach\b|quarterback\b|running\s+back\b)"
)


def _link_city_teams(
    mentions: list[NameMention],
    assigned: dict[int, str],
    texts: Mapping[str, str],
    scope: Callable[[str], str],
) -> None:
    """A place's name the story's one team name opens ("Jacksonville" of "Jacksonville
    Jaguars") is that team where the words around it say so (`_TEAM_BEFORE`, `_TEAM_AFTER`);
    "in Jacksonville" stays the city, and without the team's full name in the story nothing
    changes. Such a mention is relabelled ORG (`mentions` is changed in place)."""
    teams: dict[tuple[str, str], set[str]] = defaultdict(set)
    for index, key in assigned.items():
        if not key.startswith("N:") or "#" in key:
            continue  # the cheap tests before the split
        words = key[2:].split()
        if len(words) >= 2 and plural_name(words[-1]) and words[-1] not in _ORG_ENDS:
            for cut in range(1, len(words)):  # "north carolina" of "north carolina tar heels"
                teams[(scope(mentions[index].article_id), " ".join(words[:cut]))].add(key)
    for index, key in sorted(assigned.items()):
        mention = mentions[index]
        if not key.startswith("N:") or "#" in key or mention.label not in PLACE_LABELS:
            continue
        options = teams.get((scope(mention.article_id), key[2:]), set())
        if len(options) != 1:
            continue
        text = texts[mention.article_id]
        start, end = mention.span
        if _TEAM_BEFORE.search(text, max(0, start - 30), start) or _TEAM_AFTER.match(text, end):
            assigned[index] = next(iter(options))
            # the team's mention: its type votes ORG, never the city's GPE
            mentions[index] = NameMention(
                article_id=mention.article_id, span=mention.span, text=mention.text, label="ORG"
            )


def _link_definite_heads(
    mentions: Sequence[NameMention], assigned: dict[int, str], texts: Mapping[str, str]
) -> None:
    """A capitalised head word after "the" ("the Foundation is sorry to be losing her") names
    the one organisation of its article whose name it ends ("Robert Wood Johnson Foundation";
    fresh26, session 11); two such names, or none, leave it alone."""
    by_end: dict[tuple[str, str], set[str]] = defaultdict(set)
    for index, key in assigned.items():
        if (
            key.startswith("N:")
            and "#" not in key
            and " " in key
            and mentions[index].label in _INSTITUTIONS
        ):
            by_end[(mentions[index].article_id, key.split()[-1])].add(key)
    for index, key in sorted(assigned.items()):
        mention = mentions[index]
        lone = key[2:]
        if (
            key.startswith("N:")
            and " " not in lone
            and lone in _ORG_ENDS
            and mention.label in {"ORG", TENTATIVE}
            and mention.text[:1].isupper()
            and texts[mention.article_id][max(0, mention.span[0] - 4) : mention.span[0]] == "the "
        ):
            options = by_end.get((mention.article_id, lone), set())
            if len(options) == 1:
                assigned[index] = next(iter(options))


def _link_company_word(
    mentions: Sequence[NameMention], assigned: dict[int, str], texts: Mapping[str, str]
) -> None:
    """A lone word the model took for a person's name, linked to no person, that opens the one
    organisation name of its article ("Calls made to Gordon were not answered" beside "Gordon
    Advisors"; fresh24, session 10) is that organisation, unless the text speaks of it as a
    person does ("Gordon said", "Mr. Gordon") or the organisation is a public body named
    after a place ("Benton Police Department")."""
    leads: dict[tuple[str, str], set[str]] = defaultdict(set)
    for index, key in assigned.items():
        if (
            key.startswith("N:")
            and "#" not in key
            and mentions[index].label in _INSTITUTIONS
            and len(words := key[2:].split()) >= 2
        ):
            leads[(mentions[index].article_id, words[0])].add(key)
    for index, key in sorted(assigned.items()):
        mention = mentions[index]
        if not key.startswith("N:") or mention.label not in _LONE_WORD_LABELS:
            continue  # the cheap tests before the split
        lone = key[2:].split("#", 1)[0]
        if " " in lone:
            continue
        options = leads.get((mention.article_id, lone), set())
        text = texts[mention.article_id]
        if (
            len(options) == 1
            and not _spoken_of_as_person(text, mention.span)
            and _PUBLIC_BODY_WORDS.isdisjoint(next(iter(options))[2:].split()[1:])
        ):
            assigned[index] = next(iter(options))


# Labels of a company's first word written alone that no other rule links ("Gordon" PERSON);
# an ORG one is `_link_leading_words`' (allowing it here merged towns into forces).
_LONE_WORD_LABELS: Final = frozenset({"PERSON", TENTATIVE})
# A public body's words: "Benton" is the town of "Benton Police Department", not the force.
_PUBLIC_BODY_WORDS: Final = wordlist(
    "police department fire sheriff sheriff's county city town township parish district"
    " office court school university college hospital state patrol rescue"
)


# A speech verb after a name, or a courtesy title before it: the text treats it as a person.
_PERSON_VERB_AFTER: Final = re.compile(r"\s(?:said|says|told|added|wrote|who)\b")
_COURTESY_BEFORE: Final = re.compile(r"\b(?:Mr|Mrs|Ms|Dr)\.?\s$")


def _spoken_of_as_person(text: str, span: tuple[int, int]) -> bool:
    return bool(
        _PERSON_VERB_AFTER.match(text, span[1])
        or _COURTESY_BEFORE.search(text[max(0, span[0] - 6) : span[0]])
    )


def _clipped_team(lone: str, plurals: Sequence[tuple[str, set[str]]]) -> set[str]:
    """The team names of a story whose plural a lone plural clips ("Jags" for "Jacksonville
    Jaguars", "Bucs" for "Buccaneers"; fresh18, read in session 10): the lone word less its
    "s", three letters or more, opens the team's last word. Empty when none fits. `plurals`:
    the story's (plural last word, keys ending with it)."""
    stem = lone[:-1]
    if len(stem) < 3 or not lone.endswith("s"):
        return set()
    return {
        key
        for last, keys in plurals
        if len(last) > len(lone) and last.startswith(stem)
        for key in keys
    }


# "the 700 block of Tennessee": a street's name, though a state's too (GVC 730637, fresh28).
_BLOCK_OF: Final = re.compile(r"\bblock of $")


def _after_block_of(mention: NameMention, texts: Mapping[str, str] | None) -> bool:
    """Whether the name is written right after "block of", as only a street's is."""
    if texts is None:
        return False
    start = mention.span[0]
    return _BLOCK_OF.search(texts[mention.article_id], max(0, start - 9), start) is not None


class _ScopeTexts:
    """The texts of each scope (a story, or an article without one), in the corpus's order,
    grouped on first use: one pass over the corpus, however many names ask."""

    __slots__ = ("_by_scope", "_scope", "_texts")

    def __init__(self, texts: Mapping[str, str], scope: Callable[[str], str]) -> None:
        self._texts = texts
        self._scope = scope
        self._by_scope: dict[str, list[str]] | None = None

    def of(self, article_id: str) -> list[str]:
        """The texts of `article_id`'s scope (its own among them)."""
        if self._by_scope is None:
            self._by_scope = defaultdict(list)
            for other, text in self._texts.items():
                self._by_scope[self._scope(other)].append(text)
        return self._by_scope.get(self._scope(article_id), [])


def _town_use(mention: NameMention, scope_texts: _ScopeTexts) -> bool:
    """Whether the story (or article) writes the name after "in" with no capitalised word
    after it ("a shooting in Rosamond"), as a town's name is written and a street's is not."""
    written = re.compile(r"\b[Ii]n " + re.escape(mention.text) + r"\b(?! [A-Z])")
    return any(written.search(text) for text in scope_texts.of(mention.article_id))


def _link_leading_words(
    mentions: Sequence[NameMention],
    assigned: dict[int, str],
    scope: Callable[[str], str],
    places: set[str],
    texts: Mapping[str, str],
    *,
    scope_texts: _ScopeTexts,
    lower_of: Mapping[str, str] | None = None,
) -> None:
    """A name that opens the one longer organisation or facility name of its story, written
    again without the rest ("Morningside" for "Morningside Recovery", "Carlton" for "Carlton
    Intercontinental Hotel", "Palmer Fire" for "Palmer Fire & Rescue"; session 8, read on
    fresh16 and fresh18), joins it. Never a place's name or a word the story writes in lower
    case ("Police" is no short "Police Athletic League"), never a person's, and never a name
    of its own that several longer names open ("Chicago" for "Chicago Bulls" and "Chicago
    Police")."""
    by_lead: dict[tuple[str, tuple[str, ...]], set[str]] = defaultdict(set)
    for index, key in assigned.items():
        if not key.startswith("N:") or "#" in key or mentions[index].label not in _INSTITUTIONS:
            continue
        full = tuple(key[2:].split())
        for extra in range(1, len(full)):
            by_lead[(scope(mentions[index].article_id), full[:extra])].add(key)
    if not by_lead:
        return
    # The lower-case words of each scope, read when a name of the scope is asked about (a
    # scope's words were all read whether asked or not; issue 15).
    articles_of: dict[str, list[str]] = defaultdict(list)
    for article_id in texts:
        articles_of[scope(article_id)].append(article_id)
    lower_words: dict[str, set[str]] = {}

    def lower_in(where: str) -> set[str]:
        found = lower_words.get(where)
        if found is None:
            found = lower_words[where] = set()
            for article_id in articles_of.get(where, ()):
                kept = lower_of.get(article_id) if lower_of is not None else None
                found.update(
                    kept.split() if kept is not None else _LOWER_WORD.findall(texts[article_id])
                )
        return found

    skipped = {"PERSON", TENTATIVE, *PLACE_LABELS}
    for index, key in sorted(assigned.items()):
        if not key.startswith("N:") or "#" in key:
            continue
        mention = mentions[index]
        if mention.label in skipped or not mention.text[:1].isupper():
            continue
        words = tuple(key[2:].split())
        where = scope(mention.article_id)
        if (
            " ".join(words) in places
            or words[0] in places
            or any(word in lower_in(where) for word in words)
        ):
            continue
        options = by_lead.get((where, words), set())
        if len(options) == 1:
            target = next(iter(options))
            tail = target[2:].split()[len(words) :]
            # "Benton" of "Benton Police Department", "Creekwood" of "Creekwood South": a
            # place's public body or part, named after it; "NBA" is an acronym's business.
            # "Pocatello by Life Flight" is debris of two names, no longer name.
            # "Summit" of "Summit Entertainment", "Kodak" of "Kodak Theatre": a company's or a
            # venue's brand, no place's body (fresh27, session 12).
            if (
                (_PUBLIC_TAIL.isdisjoint(tail) or _BRAND_TAIL.issuperset(tail))
                and _DEBRIS_WORDS.isdisjoint(tail)
                and not mention.text.isupper()
                and not _modifies_other_noun(mention, scope_texts, tail)
            ):
                assigned[index] = target


def _modifies_other_noun(mention: NameMention, scope_texts: _ScopeTexts, tail: list[str]) -> bool:
    """Whether the story writes the name before a lower-case noun that is no word of the longer
    name's rest ("Burbank police" beside "Burbank Fire Department": a town's name; "the Carlton
    hotel" beside "Carlton Intercontinental Hotel" is the hotel's)."""
    written = re.compile(re.escape(mention.text) + r" ([a-z][a-z'’-]*)")
    for text in scope_texts.of(mention.article_id):
        for found in written.finditer(text):
            if found.group(1) not in tail and found.group(1) not in _JOINING_WORDS:
                return True
    return False


# Words that may follow a short name in a clause without making it a modifier; an article
# opens the next phrase ("Summit a week ago had faced ...").
_JOINING_WORDS: Final = wordlist(
    "and or of in on at to for from with by is was are were has had have said says will would"
    " could can after before because but as when while where who which that than since a an the"
)
# The rest of a company's or venue's name after its brand: words a place's public body or part
# never ends with ("Benton Police Department" stays the town's).
_BRAND_TAIL: Final = wordlist(
    "entertainment studios pictures films records theatre theater inc inc. corp corp. co. ltd"
    " ltd. llc plc company corporation holdings industries motors airlines technologies"
)


_INSTITUTIONS: Final = frozenset({"ORG", "FAC"})
_DEBRIS_WORDS: Final = wordlist("by in at on to from with said says was is")
_PUBLIC_TAIL: Final = frozenset(
    {w.lower() for w in gazetteer.ORG_HEADS}
    | wordlist("north south east west northeast northwest southeast southwest station")
)
_LOWER_WORD: Final = re.compile(r"(?<![\w'’.-])[a-z][a-z'’-]*(?![\w'’-])")


def lower_words(text: str) -> str:
    """The distinct lower-case words of `text` (`_LOWER_WORD`) that `_link_leading_words` reads,
    sorted and joined by spaces (none holds one): kept per article (`article-words`)."""
    return " ".join(sorted(set(_LOWER_WORD.findall(text))))


# What `lower_words` depends on besides the text (part of the `article-words` key).
LOWER_WORD_RULE: Final = _LOWER_WORD.pattern


def _tail_beside(
    lone: str,
    target: tuple[str, str],
    named_in: set[tuple[str, str]],
    texts: Mapping[str, str],
) -> bool:
    """Whether a lone organisation word is the short form of `target`, the story's one
    organisation name it ends ("Sox" for "Red Sox"; session 7, read on fresh19): the article
    names `target` too (`target` is (key, article id)), and the word is no common word (never
    written in lower case there, not a sentence opener), so "House" beside "White House" in a
    text about a house stays apart."""
    if not lone.isalpha() or lone.lower() in gazetteer.NOT_NAMES:
        return False
    if target not in named_in:
        return False
    text = texts[target[1]]
    return re.search(rf"(?<![\w-]){re.escape(lone.lower())}(?![\w-])", text) is None


def plural_name(words: str) -> bool:
    """A one-word name shaped like a plural ("jaguars", "Jags"), not "Harris" or "Ross"."""
    return (
        " " not in words
        and len(words) >= 4
        and words.endswith("s")
        and not words.endswith(("ss", "us", "is"))
    )


_ORG_ENDS: Final = gazetteer.ORG_HEADS | gazetteer.EVENT_HEADS
# Last words a street or a body of water may drop when the story names it again ("Terrace"
# for "Terrace Avenue", "the Mediterranean" for "Mediterranean Sea"; session 7, fresh20); not
# a county's: "Culpeper" is a town of "Culpeper County".
_HEADED: Final = wordlist("avenue street road boulevard drive lane sea ocean river canal")
_STREET_ENDS: Final = wordlist("avenue street road boulevard drive lane")

# Abbreviations local news writes inside names ("Fort Bend Co.", "Dearborn Co. Sheriff's
# Office", "Wisconsin Rapids PD"), written out.
_NAME_ABBREVIATIONS: Final = {
    "co": "county",
    "pd": "police department",
    "dept": "department",
    "twp": "township",
    "e": "east",  # "E. 171st St." for "East 171st St." (fresh11, session 9)
    "w": "west",
    "n": "north",
    "s": "south",
    "mt": "mount",  # "Mt Cook Village" for "Mount Cook Village" (fresh24, session 10)
    "ft": "fort",
}


def _expand_abbreviations(
    mentions: Sequence[NameMention], assigned: dict[int, str], scope: Callable[[str], str]
) -> None:
    """A name with an abbreviated word joins the name written out in the same story (or
    article), only when that longer name is there: "Fort Bend Co." is the "Fort Bend County"
    the story names, while a lone "Acme Co." stays a name of its own."""
    keys: dict[str, set[str]] = defaultdict(set)
    for index, key in assigned.items():
        if key.startswith("N:") and "#" not in key:
            keys[scope(mentions[index].article_id)].add(key)
    for index, key in sorted(assigned.items()):
        words = key[2:].split()
        if not key.startswith("N:") or "#" in key or (len(words) < 2 and "-" not in key):
            continue
        written = [_NAME_ABBREVIATIONS.get(w.rstrip("."), w) for w in words]
        interstate = _INTERSTATE.fullmatch(key[2:])
        if interstate is not None:  # "I-75" for "Interstate 75" (fresh24, session 10)
            written = ["interstate", interstate.group(1)]
        if written == words:
            continue
        target = "N:" + " ".join(written)
        if target in keys[scope(mentions[index].article_id)]:
            assigned[index] = target


def _merge_spelling_variants(
    mentions: Sequence[NameMention], assigned: dict[int, str], scope: Callable[[str], str]
) -> None:
    """Two spellings of one organisation's name in one story ("Gordon Advisors" and "Gordon
    Advisers"; fresh24, session 10): names of two words or more, typed ORG or FAC, equal but
    for one word of six letters or more that is one letter apart (one replaced, added or
    dropped), join the spelling written more often (ties: the first by name); so do streets'
    names whatever their label ("Smilax Road" / "Smilex Road", fresh8). Places and people are
    left alone ("Fort Wayne" and "Fort Payne" are two towns)."""
    counts: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    for index, key in assigned.items():
        if (
            key.startswith("N:")
            and "#" not in key
            and " " in key
            and (mentions[index].label in _INSTITUTIONS or key.split()[-1] in _STREET_ENDS)
        ):
            # a street's name the model called a person's still ends in its head word
            counts[scope(mentions[index].article_id)][key] += 1
    remap: dict[str, str] = {}
    for where in sorted(counts):
        # Names are compared only within a bucket of the same word count and first word, or
        # last word ("Smilax Road" and "Smilex Road"; fresh8, session 11).
        buckets: dict[tuple[int, str, str], list[str]] = defaultdict(list)
        for key in counts[where]:
            words = key[2:].split()
            buckets[(len(words), "first", words[0])].append(key)
            buckets[(len(words), "last", words[-1])].append(key)
        for bucket in sorted(buckets):
            keys = sorted(buckets[bucket], key=lambda k: (-counts[where][k], k))
            for i, kept in enumerate(keys):
                for other in keys[i + 1 :]:
                    if other not in remap and kept not in remap and _one_word_slip(kept, other):
                        remap[other] = kept
    for index, key in list(assigned.items()):
        if key in remap:
            assigned[index] = remap[key]


# The two heads a county sheriff's organisation goes by ("Marion County Sheriff's Department"
# and "... Sheriff's Office" in one story are one body; fresh26, session 11).
_SHERIFF_HEADS: Final = frozenset({"department", "office"})


def _one_word_slip(a: str, b: str) -> bool:
    """Whether two keys differ in one word only, of six letters or more, by one letter; or
    only in a sheriff's head word ("sheriffs department" / "sheriffs office")."""
    wa, wb = a[2:].split(), b[2:].split()
    differ = [(x, y) for x, y in zip(wa, wb, strict=True) if x != y]
    if len(differ) != 1:
        return False
    x, y = differ[0]
    if {x, y} == _SHERIFF_HEADS and wa[-1] == x and len(wa) >= 3 and wa[-2] == "sheriffs":
        return True
    return min(len(x), len(y)) >= 6 and one_edit(x, y)


_INTERSTATE: Final = re.compile(r"i-(\d{1,3})")

# Last words an organisation's name may drop ("Prince George's County Police [Department]",
# "Bladensburg High [School]"); the rest must keep two words or more.
_GENERIC_ORG_WORDS: Final = wordlist("department dept office agency service inc corp co ltd school")
# Last words an institution's name may drop unless the rest names a place ("Georgia Southern
# [University]", "Northeast Baptist [Hospital]"); read on fresh15 (session 6); "Wells Fargo
# [Bank]" read on fresh21 after its untouched figure (session 7).
_INSTITUTION_WORDS: Final = wordlist("university college hospital bank")


# An acronym as a name's definition writes it in brackets: "CEC", "TsKVPR", "PPPT".
_BRACKETED_ACRONYM: Final = re.compile(r"[A-Z][A-Za-z]{0,2}[A-Z][A-Za-z]{0,5}")


def link_defined_acronyms(
    mentions: Sequence[NameMention],
    assigned: dict[int, str],
    texts: Mapping[str, str],
    story_of: Mapping[str, str | None] | None,
) -> None:
    """An acronym the text defines in brackets right after an organisation's name ("Central
    Commission for Elections and Referenda (CEC)", "Central Election and Referendum
    Commission (TsKVPR)") joins that name wherever its story (or article) writes it, even when
    its letters are another language's initials. Only when the story defines the acronym as
    one name: defined as two, it stays a name of its own."""

    scope = _scopes(story_of)

    ends: dict[tuple[str, int], int] = {}  # (article, end of a name) -> its mention
    for index, mention in enumerate(mentions):
        if mention.label in {"ORG", TENTATIVE} and len(mention.text.split()) >= 2:
            ends[(mention.article_id, mention.span[1])] = index
    # "Central Commission for Elections" + "and Referenda" + " (CEC)": the model cut the name
    # at "and"; its last word joins the name when the acronym's brackets follow it, and so
    # wherever its story writes the same two parts side by side.
    joined: list[tuple[int, int]] = []  # (the name's head mention, its cut-off last word)
    for index, mention in enumerate(mentions):
        text = texts[mention.article_id]
        start = mention.span[0]
        head = ends.get((mention.article_id, start - 5))
        if (
            head is not None
            and " " not in mention.text
            and mention.text[:1].isupper()
            and text[start - 5 : start] == " and "
            and re.search(r" (?:for|of) ", mentions[head].text)
        ):
            joined.append((head, index))
    pairs: set[tuple[str, str, str]] = set()
    for head, tail in joined:
        article_id, end = mentions[tail].article_id, mentions[tail].span[1]
        if texts[article_id][end : end + 2] == " (":
            pairs.add((scope(article_id), assigned.get(head, ""), assigned.get(tail, "")))
            ends[(article_id, end)] = head
    for head, tail in joined:
        pair = (scope(mentions[tail].article_id), assigned.get(head, ""), assigned.get(tail, ""))
        if pair in pairs:
            assigned[tail] = assigned[head]
    defined: dict[tuple[str, str], set[str]] = defaultdict(set)
    acronyms: list[int] = []
    for index, mention in enumerate(mentions):
        if not _BRACKETED_ACRONYM.fullmatch(mention.text) or "#" in assigned.get(index, "#"):
            continue
        acronyms.append(index)
        text = texts[mention.article_id]
        start, end = mention.span
        if text[start - 2 : start] != " (" or text[end : end + 1] != ")":
            continue
        named = ends.get((mention.article_id, start - 2))
        if named is not None and named in assigned and assigned[named].startswith("N:"):
            defined[(scope(mention.article_id), mention.text)].add(assigned[named])
    for index in acronyms:
        mention = mentions[index]
        names = defined.get((scope(mention.article_id), mention.text), set())
        if len(names) == 1:
            assigned[index] = next(iter(names))
