"""Linking of person mentions: full-name keys, titles and roles, misspellings, lone names.

A lone surname or first name links to a person only with evidence (the same article, or the
same story naming them in full); a role phrase ("the Russian president") to the one person a
title phrase established in that role.
"""

from __future__ import annotations

import functools
import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator, Mapping, Sequence
from itertools import chain
from typing import Final

from newsweave.extract import gazetteer
from newsweave.extract.aliases import (
    NICKNAMES,
    PAST_ROLE_WORDS,
    SHARED_NICKNAMES,
    TITLE_WORDS,
    name_tokens,
    normalize_space,
    split_title,
    strip_possessive,
    token_pattern,
)
from newsweave.extract.mentions import TENTATIVE, NameMention
from newsweave.model import Span

# Words right before a name that make it a person's: "neighbor Constance Jones", "11-year-old
# Corinne Horn", "identified as Marques Green", "The child, Eva Diaz"; read on the fresh, fresh3
# and tune splits of eval/data/entities_gold.jsonl, where the model tagged such names ORG or FAC.
_PERSON_CUE_BEFORE = re.compile(
    r"(?:\b(?:neighbou?rs?|residents?|victims?|suspects?|son|daughter|wife|husband|mother"
    r"|father|brother|sister|grand(?:mother|father|son|daughter)|uncle|aunt|cousin|nephew"
    r"|niece|friend|girlfriend|boyfriend|witness|pastor|child|boy|girl|toddler|teen|teenager"
    r"|identified\sas|named)"
    r"|\b(?:\d{1,3}|[A-Za-z]{3,9})-year-old|\b(?:Mr|Mrs|Ms|Dr|Det|Sgt|Lt|Capt|Deputy|Officer|Detective))[.,]?\s$"
)
# After a name: an age ("Frederick Davis, 65,"), a kinship ("Marques Green's mother"), a
# relative pronoun or a reflexive of a person ("Mason Jefferies, who", "Mason Jefferies calls
# himself"; read on the audit of GVC train incident 710885), a residence ("Cade Hartwig, of
# Clear Lake, suffered"; fresh23, session 9).
_PERSON_CUE_AFTER = re.compile(
    r",\s\d{1,3},|,\sof\s[A-Z][a-z]+(?:\s[A-Z][a-z]+)?,\s[a-z]|['’]s\s(?:mother|father|son|daughter|wife|husband|brother|sister|family"
    r"|grandmother|grandfather|uncle|aunt|cousin)\b|,\swho\b|\s[a-z]+\s(?:himself|herself)\b"
)


def person_cue_after(text: str, end: int) -> bool:
    """Whether the words right after a name say it is a person's (`_PERSON_CUE_AFTER`)."""
    return _PERSON_CUE_AFTER.match(text, end) is not None


# Kinship words ("son", "grandmother"; a rule may allow "step" before them), for two rules.
_KIN_WORDS: Final = (
    r"son|daughter|father|mother|wife|husband|brother|sister"
    r"|grand(?:son|daughter|father|mother)|nephew|niece|uncle|aunt|cousin"
)
# A possessive and a kinship word after a lone surname ("Lamas' son, actor Lorenzo Lamas"):
# the surname names a relative of the person named next, not that person (audit 6, 4_ecbplus).
_KIN_AFTER = re.compile(rf"(?:['’]s|['’])\s(?:step)?(?:{_KIN_WORDS}|widow|widower)\b")


def relative_of_next(text: str, end: int, surname: str) -> bool:
    """Whether a lone surname ending at `end` is followed by a possessive kinship word and,
    in the same clause, a full name with that surname: "Lamas' son, actor Lorenzo Lamas" (the
    father), "Smith's wife, Jane Smith". A bare "Smith's wife said" stays Smith's own."""
    # the model's span may keep the possessive: `relative_named_next` drops it
    return relative_named_next(text, end, surname) is not None


def relative_named_next(text: str, end: int, surname: str) -> str | None:
    """The full name `relative_of_next` finds after a lone surname ending at `end` ("Gray's
    sister Mahnefah Gray": "Mahnefah Gray", a relative, so not the one the surname means)."""
    for possessive in ("'s", "’s", "'", "’"):
        if text.endswith(possessive, 0, end):
            end -= len(possessive)
            break
    kin = _KIN_AFTER.match(text, end)
    if kin is None:
        return None
    clause = re.split(r"[.;:!?\n]", text[kin.end() : kin.end() + 60], maxsplit=1)[0]
    named = re.search(r"\b[A-Z][\w'’-]+\s+(?i:" + token_pattern(surname) + r")\b", clause)
    return named.group(0) if named is not None else None


def person_cue(text: str, span: Span) -> bool:
    """Whether the words around a name say it is a person's (see `_PERSON_CUE_BEFORE`)."""
    before = text[max(0, span[0] - 24) : span[0]]
    return bool(_PERSON_CUE_BEFORE.search(before) or _PERSON_CUE_AFTER.match(text, span[1]))


def surname_acts_alone(text: str, name: str) -> bool:
    """Whether the last word of a two- or three-word `name` the model did not tag PERSON
    stands alone elsewhere in `text` as a person's does: opening a clause before a person's
    verb ("Peyton Manning completed 29 passes" tagged ORG, then "Manning was feeling it";
    session 7, read on fresh18). Not after "the" ("the Post said"), not for a name with a
    known place, an organisation's head word or a plural at its end ("Jacksonville Jaguars")."""
    words = name.split()
    if not 2 <= len(words) <= 3 or not all(w.isalpha() and w[:1].isupper() for w in words):
        return False
    last = words[-1]
    if (
        words[0].lower() in gazetteer.GPE_NAMES
        or any(w.lower() in gazetteer.ORG_HEADS for w in words)
        or last.lower() in gazetteer.NOT_NAMES
        or (last.endswith("s") and not last.endswith(("ss", "us", "is")))
    ):
        return False
    if len(last) > _WORD_MAX:
        pattern = rf"(?<![\w'’.-])(?<!the )(?<!The ){re.escape(last)} {_PERSON_VERBS}\b"
        return re.search(pattern, text) is not None
    return last in _words_before_person_verbs(text)


# Verbs a person's surname opens a clause with ("Manning was", "Smith said").
_PERSON_VERBS: Final = r"(?:was|is|has|had|said|says|told)"
# A whole word of letters opening such a clause, not after "the": `surname_acts_alone` asked
# for each name `re.search(rf"...{re.escape(last)} {_PERSON_VERBS}\b")`, a pattern compiled and
# a scan of the text per name; the words it can find are read once per text instead. A name's
# last word is letters only, so the word this finds at a place is that name's word exactly
# when the per-name pattern matches there (issue 15, session 15). Words are read up to
# `_WORD_MAX` letters (a longer last word is searched for as before).
_WORD_MAX: Final = 60
_BEFORE_PERSON_VERB: Final = re.compile(
    rf"(?<![\w'’.-])(?<!the )(?<!The )([^\W\d_]{{1,{_WORD_MAX}}}) {_PERSON_VERBS}\b"
)


@functools.lru_cache(maxsize=4)
def _words_before_person_verbs(text: str) -> frozenset[str]:
    """The words of `text` that open a clause before a person's verb (`_BEFORE_PERSON_VERB`);
    kept for the last few texts: linking asks for one article's names in a row."""
    return frozenset(found.group(1) for found in _BEFORE_PERSON_VERB.finditer(text))


# The end of a sentence before a word: "... on Friday. Police commissioner ..."
_SENTENCE_STOPS: Final = (".", "!", "?", '."', ".”", "!”", "?”", ".’")


def title_before(text: str, mention: NameMention) -> str:
    """The title phrase of a person mention, inside its span or just before it in the text.

    spaCy leaves titles out of PERSON spans ("Russian President [Vladimir Putin]"), the rules
    keep them in; both give "Russian President" here.
    """
    start = mention.span[0]
    return _title_before(mention.text, text[max(0, start - 80) : start], start <= 80)


# A pure function of short strings, asked again for the same mention by several rules (193,000
# calls at 10,000 articles; issue 15).
@functools.lru_cache(maxsize=1 << 16)
def _title_before(name: str, before: str, near_start: bool) -> str:
    """`title_before` of a mention whose text is `name`, from the 80 characters `before` it;
    `near_start`: whether it starts within 80 characters of the text's start."""
    inner, _ = split_title(strip_possessive(normalize_space(name)))
    if inner:
        return inner
    # A title opening its paragraph ("\n\nMs. Gomes", ECB+ 32_3ecb): the words of its line only.
    line_start = before.rfind("\n") >= 0 or near_start
    before = before[before.rfind("\n") + 1 :]
    words = before.replace("\xa0", " ").split(" ")[:-1] if before.endswith((" ", "\xa0")) else []
    run: list[str] = []
    for i in range(len(words) - 1, max(-1, len(words) - 7), -1):
        word = words[i]
        low = word.lower()
        if low in TITLE_WORDS or low in PAST_ROLE_WORDS:
            run.insert(0, word)
        elif word[:1].isupper() and run and not word.endswith((",", ".", ";", ":")):
            # A sentence's capitalised first word before a lower-case title word is not the
            # title's ("Police commissioner Charles Ramsey" is a commissioner, ECB+ 22_8ecbplus).
            first = (i == 0 and line_start) or (i > 0 and words[i - 1].endswith(_SENTENCE_STOPS))
            if first and run[0][:1].islower():
                break
            run.insert(0, word)  # "Russian", "United Kingdom", "Putin’s" before the title
        else:
            break
    title, rest = split_title(" ".join([*run, "X"]))
    return title if rest == "X" else ""


# "Mr. Craig" is a man, "Mrs. Craig" and "Ms. Craig" a woman.
_SEX_OF_TITLE: Final = {"mr": "m", "mrs": "f", "ms": "f", "miss": "f"}
_PRONOUN = re.compile(r"\b(he|him|his|she|her|hers)\b", re.IGNORECASE)
_SENTENCE_END = re.compile(r"[.!?][\"”’]?\s|\n")


def sex_of(text: str, mention: NameMention) -> str | None:
    """ "m" or "f" when the text says it of the person a mention names: a title ("Mr.",
    "Mrs.", "Ms.") before it, else the first personal pronoun of the rest of its sentence
    ("neighbor Susan Craig, who has lived in her home"); None when it says neither."""
    title = title_before(text, mention)
    if title:
        return _SEX_OF_TITLE.get(title.split()[0].lower().rstrip("."))
    end = _SENTENCE_END.search(text, mention.span[1])
    stop = end.start() if end is not None else len(text)
    pronoun = _PRONOUN.search(text, mention.span[1], min(stop, mention.span[1] + 160))
    if pronoun is None:
        return None
    return "m" if pronoun.group(1).lower() in {"he", "him", "his"} else "f"


def person_key(tokens: list[str]) -> str:
    """Full names with the same first and last word are one person ("Vladimir V. Putin"); a
    quoted nickname stands for the first name ('Luis Gerardo "Jerry" Ortiz' is Jerry Ortiz)."""
    if len(tokens) < 2:
        return tokens[0]
    # Only a one-word nickname ('"Jerry"') stands for a first name; a quoted epithet of
    # several words ('Vincent "The Chin" Gigante', '"Fat Tony"') leaves the given name.
    nicknames = [
        t.strip(_QUOTE_CHARS)
        for t in tokens[1:-1]
        if t[:1] in _QUOTE_CHARS and t[-1:] in _QUOTE_CHARS and len(t) > 2
    ]
    first = nicknames[0] if nicknames and nicknames[0] else tokens[0].strip(_QUOTE_CHARS)
    return f"{first} {tokens[-1].strip(_QUOTE_CHARS)}"


def given_name_key(tokens: list[str]) -> str | None:
    """The key of a full name by its given name when the name holds a quoted nickname
    ('Vincent "Chin" Gigante' -> "vincent gigante"), else None."""
    if len(tokens) < 3 or not any(t[:1] in _QUOTE_CHARS for t in tokens[1:-1]):
        return None
    return f"{tokens[0].strip(_QUOTE_CHARS)} {tokens[-1].strip(_QUOTE_CHARS)}"


def quoted_nickname(tokens: list[str]) -> str | None:
    """The one-word nickname a full name quotes ('Vincent "The Chin" Gigante': "chin"), without
    a leading "the"; None when it quotes none or several words."""
    inner = tokens[1:-1]
    start = next((i for i, t in enumerate(inner) if t[:1] in _QUOTE_CHARS), None)
    if start is None:
        return None
    words: list[str] = []
    for token in inner[start:]:
        words.append(token.strip(_QUOTE_CHARS))
        if token[-1:] in _QUOTE_CHARS and (len(token) > 1 or len(words) > 1):
            break
    else:
        return None
    if words and words[0] == "the":
        words = words[1:]
    return words[0] if len(words) == 1 and len(words[0]) >= 3 else None


def nickname_keys(keys: Iterable[str]) -> dict[str, str]:
    """Person keys ("P:dave rossi") whose short given name stands for a full one that the
    corpus names with the same surname ("P:david rossi"), mapped to that key. Without the full
    name, two short forms stay two people ("Ken" and "Kenny Kreuscher", father and son)."""
    present = set(keys)
    out: dict[str, str] = {}
    for key in present:
        first, _, last = key[2:].partition(" ")
        fulls = (NICKNAMES[first],) if first in NICKNAMES else SHARED_NICKNAMES.get(first, ())
        found = [f"P:{full} {last}" for full in fulls if f"P:{full} {last}" in present]
        if last and len(found) == 1:
            out[key] = found[0]
    return out


_QUOTE_CHARS: Final = "\"“”'‘’"


def one_edit(a: str, b: str) -> bool:
    """True when `a` and `b` differ by one substitution, insertion, deletion or swap of
    neighbours ("Lonfair"/"Lanfair", "Haung"/"Huang")."""
    if a == b or abs(len(a) - len(b)) > 1:
        return False
    if len(a) == len(b):
        diff = [i for i in range(len(a)) if a[i] != b[i]]
        swap = len(diff) == 2 and diff[1] == diff[0] + 1 and a[diff[0]] == b[diff[1]]
        return len(diff) == 1 or (swap and a[diff[1]] == b[diff[0]])
    short, long_ = (a, b) if len(a) < len(b) else (b, a)
    return any(long_[:i] + long_[i + 1 :] == short for i in range(len(long_)))


def _swapped(a: str, b: str) -> bool:
    """True when `b` is `a` with two of its letters exchanged ("Javon"/"Jovan")."""
    if len(a) != len(b) or a == b:
        return False
    diff = [i for i in range(len(a)) if a[i] != b[i]]
    return len(diff) == 2 and a[diff[0]] == b[diff[1]] and a[diff[1]] == b[diff[0]]


def _two_edits(a: str, b: str) -> bool:
    """True when `a` and `b` are at most two edits apart (insertions, deletions,
    substitutions, swaps of neighbours): "Scheifer"/"Schriefer"."""
    if abs(len(a) - len(b)) > 2:
        return False
    if a == b or one_edit(a, b):
        return True
    # Each edit leaves at most one letter of either word without its match in the other (a
    # swap none): more than two such letters on a side, and no two edits do it. Most pairs
    # stop here, before the edits are tried (issue 15).
    left, right = Counter(a), Counter(b)
    if (left - right).total() > 2 or (right - left).total() > 2:
        return False
    # One edit of `a` (each deletion, or each neighbour swap) then one more to reach `b`.
    steps = {a[:i] + a[i + 1 :] for i in range(len(a))}
    steps |= {a[:i] + a[i + 1] + a[i] + a[i + 2 :] for i in range(len(a) - 1)}
    if any(step == b or one_edit(step, b) for step in steps):
        return True
    # A substitution or insertion in `a` is a deletion in `b`.
    return any(one_edit(a, b[:i] + b[i + 1 :]) for i in range(len(b)))


def merge_misspellings(
    mentions: Sequence[NameMention],
    assigned: dict[int, str],
    person_clusters: set[str],
    story_of: Mapping[str, str | None] | None,
) -> dict[str, str]:
    """One person whose full name a story's articles spell two ways ("Lamont Lanfair" and
    "Lamont Lonfair"): same first name (or surname), the other differing by one edit or by
    two letters exchanged ("Javon"/"Jovan") in a word of five letters or more, and never both
    in one article (two names side by side are two people). Only within a story: across
    stories a near name is another person."""
    if not story_of:
        return {}
    articles: dict[str, set[str]] = defaultdict(set)
    counts: Counter[str] = Counter()
    by_story: dict[str, set[str]] = defaultdict(set)
    for index, key in assigned.items():
        if key in person_clusters:
            article = mentions[index].article_id
            articles[key].add(article)
            counts[key] += 1
            story = story_of.get(article)
            if story is not None:
                by_story[story].add(key)
    remap: dict[str, str] = {}
    for story in sorted(by_story):
        # Only names sharing their first or their last word are compared (work stays near
        # linear in a story with thousands of people).
        buckets: dict[str, list[str]] = defaultdict(list)
        for key in by_story[story]:
            first, last = key[2:].split(" ", 1)
            buckets["f:" + first].append(key)
            buckets["l:" + last].append(key)
        for bucket in sorted(buckets):
            keys = sorted(buckets[bucket], key=lambda k: (-counts[k], k))
            for i, a in enumerate(keys):
                for b in keys[i + 1 :]:
                    (fa, la), (fb, lb) = a[2:].split(" ", 1), b[2:].split(" ", 1)
                    if articles[a] & articles[b] and not _slip_of_pen(fa, la, fb, lb, counts):
                        continue
                    near = (fa == fb and len(la) >= 5 and _misspelt(la, lb)) or (
                        la == lb and ((len(fa) >= 5 and _misspelt(fa, fb)) or _h_spelling(fa, fb))
                    )
                    if not near:
                        continue
                    if b not in remap:
                        remap[b] = remap.get(a, a)
                    elif a not in remap and remap[b] != a and not articles[a] & articles[remap[b]]:
                        # "Heidar Alishvandi" is one edit from "Heydar Alishvandi", already
                        # a spelling of "Heydar Alishbandi": the third spelling of one name
                        remap[a] = remap[b]
    for key in list(remap):  # follow chains to their end
        seen = {key}
        while remap[key] in remap and remap[key] not in seen:
            seen.add(remap[key])
            remap[key] = remap[remap[key]]
    return remap


def _slip_of_pen(fa: str, la: str, fb: str, lb: str, counts: Counter[str]) -> bool:
    """Whether two names of one article are one person's, the surname mistyped once
    ("Christopher Cadenbach" twice, then "Christopher Cadenback"; fresh23, session 9): same
    given name, a surname of six letters or more one letter apart (no letters added), the
    slip written once and the name at least twice."""
    if fa != fb or len(la) < 6 or len(la) != len(lb):
        return False
    once = sorted((counts[f"P:{fa} {la}"], counts[f"P:{fb} {lb}"]))
    return once[0] == 1 and once[1] >= 2 and sum(x != y for x, y in zip(la, lb, strict=True)) == 1


def _h_spelling(a: str, b: str) -> bool:
    """Whether two first names are one name written with and without an "h" ("Jon"/"John",
    "Sara"/"Sarah"; session 7, read on fresh18): one is the other with one "h" inserted."""
    short, long_ = (a, b) if len(a) < len(b) else (b, a)
    if len(short) < 3 or len(long_) != len(short) + 1:
        return False
    return any(long_[i] == "h" and long_[:i] + long_[i + 1 :] == short for i in range(len(long_)))


def _misspelt(a: str, b: str) -> bool:
    return one_edit(a, b) or _swapped(a, b)


def near_person(
    token: str, surnames: list[tuple[str, set[str]]], firsts: list[tuple[str, set[str]]]
) -> str | None:
    """The article's one person a lone name (the model took for a person) misspells or
    shortens: a surname one edit away (six letters or more; two edits when both have eight
    or more: "Scheifer" beside "Dakota Schriefer"), the start of a first name ("Zack"
    beside "Zackary Yashkus", three letters or more) or its nickname ("Jim" for James).
    `surnames` and `firsts` are the article's (name, person keys). None when no one, or more
    than one, fits."""
    found: set[str] = set()
    for name, keys in surnames if len(token) >= 6 else ():
        if abs(len(name) - len(token)) > 2:
            continue  # no two edits apart: asked of every name of the article (issue 15)
        long_names = min(len(name), len(token)) >= 8
        if (len(name) >= 6 and one_edit(token, name)) or (long_names and _two_edits(token, name)):
            found |= keys
    # "Jim" beside "James Baker": a short form the nickname table gives one full name
    short_for = NICKNAMES.get(token.lower())
    for name, keys in firsts if len(token) >= 3 else ():
        if (name.startswith(token) and name != token) or short_for == name.lower():
            found |= keys
    return next(iter(found)) if len(found) == 1 else None


def blended_name(text: str, surnames: list[tuple[str, set[str]]]) -> str | None:
    """The article's one person a one-word blend of the first name's and the surname's
    openings names ("LiLo" beside "Lindsay Lohan", "A-Rod" beside "Alex Rodriguez"; session 8,
    read on fresh16): two capitalised parts, the second of two letters or more. `surnames`
    are the article's (surname, person keys). None when no one, or more than one, fits."""
    parts = _BLEND.fullmatch(text.strip())
    if parts is None:
        return None
    head, rest = parts.group(1).lower(), parts.group(2).lower()
    found = {
        key
        for name, keys in surnames
        if name.startswith(rest) and name != rest
        for key in keys
        if key[2:].split(" ")[0].startswith(head)
    }
    return next(iter(found)) if len(found) == 1 else None


_BLEND: Final = re.compile(r"([A-Z][a-z]?)[-.]?([A-Z][a-z]{1,3})")


def corpus_evidence(
    article_id: str,
    holder_articles: set[str],
    story_of: Mapping[str, str | None] | None,
    min_articles: int,
) -> bool:
    """Whether a person named in full in `holder_articles` may be meant by a lone name in
    `article_id`: the same story names them in full, or (no stories known) `min_articles` do."""
    if story_of is None:
        return len(holder_articles) >= min_articles
    story = story_of.get(article_id)
    return story is not None and any(story_of.get(a) == story for a in holder_articles)


def personal_word(token: str, votes: Mapping[str, Counter[str]]) -> bool:
    """A lone word that mostly names a person in this corpus (and is no place or nationality)."""
    if token in gazetteer.GPE_NAMES or token in gazetteer.NORP_NAMES:
        return False
    counts = votes.get(token, Counter())
    personal = counts["PERSON"] + counts["linked"]
    return personal * 2 > sum(n for label, n in counts.items() if label != TENTATIVE)


def role_phrase_mentions(  # noqa: PLR0917
    texts: dict[str, str],
    roles: dict[tuple[str, str], set[str]],
    mentions: list[NameMention],
    assigned: Mapping[int, str],
    story_of: Mapping[str, str | None] | None,
    min_articles: int,
) -> list[tuple[str, NameMention]]:
    """Mentions such as "the Russian president" linked to the person holding that role.

    Within an article the role must have exactly one holder; elsewhere in the corpus a role of
    two or more words ("russian president", not "president") must have exactly one holder
    corpus-wide, none other in that article, and evidence: the holder is named in the article,
    or in full elsewhere in its story (`corpus_evidence`).
    """
    named: dict[str, set[str]] = defaultdict(set)
    full: dict[str, set[str]] = defaultdict(set)
    for index, key in assigned.items():
        named[key].add(mentions[index].article_id)
        if len(name_tokens(mentions[index].text)) >= 2:
            full[key].add(mentions[index].article_id)
    corpus: dict[str, set[str]] = defaultdict(set)
    for (_, role), holders in roles.items():
        corpus[role] |= holders
    covered: dict[str, list[Span]] = defaultdict(list)
    for mention in mentions:
        if mention.label == "PERSON":
            covered[mention.article_id].append(mention.span)
    out: list[tuple[str, NameMention]] = []
    holders_in = _role_holders_by_article(texts, roles, corpus, named, full, story_of, min_articles)
    patterns: dict[str, re.Pattern[str]] = {}
    for article_id in sorted(holders_in):
        text = texts[article_id]
        starts = _the_starts(text)
        for role, holder in sorted(holders_in[article_id].items()):
            pattern = patterns.get(role)
            if pattern is None:
                words = r"\s+".join(re.escape(w) for w in role.split())
                # "the Russian president", not "the President of Russia" nor "the president
                # Joe …" nor "the District Attorney's Office" (an organisation, not its head)
                pattern = patterns[role] = re.compile(
                    rf"\b[Tt]he\s+(?i:{words})(?![\w-])(?!\s+[A-Z])(?!\s+of\b)(?!{_OFFICE_OF})"
                )
            for match in _role_matches(pattern, role, text, starts):
                span = (match.start(), match.end())
                if any(s < span[1] and span[0] < e for s, e in covered[article_id]):
                    continue
                place = _place_in_role(article_id, match)
                if place is not None:
                    # "the [Fayette County] Sheriff": the county is a place of its own (keyed by
                    # the caller), the person's mention is the title after it.
                    out.append(("", place))
                    span = (place.span[1] + 1, span[1])
                out.append(
                    (
                        holder,
                        NameMention(
                            article_id=article_id,
                            span=span,
                            text=text[span[0] : span[1]],
                            label="PERSON",
                        ),
                    )
                )
    return out


# "the" and the spaces after it, where every role phrase starts (`_role_matches`).
_THE: Final = re.compile(r"\b[Tt]he\s+")
# The letters besides an ASCII letter's two cases that `re.IGNORECASE` matches to it (the four
# the `re` documentation lists; "İ" lower-cases to two characters).
_CASE_FOLD: Final = str.maketrans({"ı": "i", "İ": "i", "ſ": "s", "\u212a": "k"})
# How many letters of a role's first word index the places it may start at.
_ROLE_PREFIX: Final = 3


def _the_starts(text: str) -> dict[str, list[int]]:
    """Where "the" starts in `text`, in order, by the first letters after it as a role's
    pattern reads them (case folded as `re.IGNORECASE` folds ASCII letters)."""
    out: dict[str, list[int]] = defaultdict(list)
    for found in _THE.finditer(text):
        after = text[found.end() : found.end() + _ROLE_PREFIX]
        out[after.translate(_CASE_FOLD).lower()].append(found.start())
    return out


def _role_matches(
    pattern: re.Pattern[str], role: str, text: str, starts: Mapping[str, list[int]]
) -> Iterator[re.Match[str]]:
    """`pattern.finditer(text)` for a role phrase's pattern: tried only where "the" and the
    role's first letters stand (`_the_starts`). Every article of a story was scanned whole for
    each role of the story's people (76,000 scans at 10,000 articles; issue 15)."""
    prefix = role[:_ROLE_PREFIX]
    if len(prefix) < _ROLE_PREFIX or not (prefix.isascii() and prefix.isalpha()):
        yield from pattern.finditer(text)
        return
    end = 0
    for start in starts.get(prefix, ()):
        if start < end:
            continue
        found = pattern.match(text, start)
        if found is not None:
            end = found.end()
            yield found


def _role_holders_by_article(  # noqa: PLR0917
    texts: Mapping[str, str],
    roles: Mapping[tuple[str, str], set[str]],
    corpus: Mapping[str, set[str]],
    named: Mapping[str, set[str]],
    full: Mapping[str, set[str]],
    story_of: Mapping[str, str | None] | None,
    min_articles: int,
) -> dict[str, dict[str, str]]:
    """For each article, the roles `role_phrase_mentions` looks for in it and their holder.

    Found from each role's holders and their stories, not by trying every role of the corpus in
    every article (quadratic in the corpus); the same pairs as that trial: a role with one holder
    in the article, or a role of two or more words with one holder corpus-wide, none in the
    article, and the holder named there or in full in its story (`corpus_evidence`).
    """
    out: dict[str, dict[str, str]] = defaultdict(dict)
    for (article_id, role), local in roles.items():
        if len(local) == 1 and article_id in texts:
            out[article_id][role] = next(iter(local))
    members: dict[str, list[str]] = defaultdict(list)
    if story_of is not None:
        for article_id in texts:
            story = story_of.get(article_id)
            if story is not None:
                members[story].append(article_id)
    for role, holders in corpus.items():
        if len(holders) != 1 or not (" " in role or "-" in role):
            continue
        holder = next(iter(holders))
        if story_of is None:
            evidence: Iterable[str] = texts if len(full[holder]) >= min_articles else ()
        else:
            stories = {story_of.get(a) for a in full[holder]} - {None}
            evidence = (a for story in stories for a in members.get(story or "", ()))
        for article_id in chain(named[holder], evidence):
            if article_id in texts and not roles.get((article_id, role)):
                out[article_id][role] = holder
    return out


# An office named after its head's title: "the District Attorney's Office".
_OFFICE_OF: Final = r"['’]s\s+(?i:office|department|bureau|staff)\b"

# Last words of a town or district's name inside a role phrase ("the Fayette County Sheriff").
_TOWN_WORDS: Final = frozenset({"county", "city", "township", "parish", "borough"})


def _place_in_role(article_id: str, match: re.Match[str]) -> NameMention | None:
    """The mention of a town's name of two words or more that opens a role phrase ("the
    Fayette County Sheriff" -> "Fayette County", GPE), or None."""
    words = list(re.finditer(r"\S+", match.group(0)))[1:]  # without "the"
    for index, word in enumerate(words):
        if word.group(0).lower() not in _TOWN_WORDS:
            continue
        if index < 1 or index == len(words) - 1:
            return None
        if not all(w.group(0)[:1].isupper() for w in words[: index + 1]):
            return None
        start = match.start() + words[0].start()
        end = match.start() + word.end()
        return NameMention(
            article_id=article_id, span=(start, end), text=match.string[start:end], label="GPE"
        )
    return None


def surname_holder(keys: set[str], text: str, named: Mapping[str, int]) -> str | None:
    """Which of an article's people sharing a surname a lone surname means: the one person
    the article never calls by the first name alone while it calls each of the others so,
    when that person is named in full at least as often as each of them (`named`: full-name
    mentions per key). News writes a relative, most often a child, by the first name ("Tyson
    loaded Treyvon into his vehicle") and keeps the surname for the other ("Tevin Tyson ...
    Tyson told officers"); a person named in full less often than a relative called once by
    the first name (a quoted post's "Steven also shot") is no safe pick. None otherwise: being
    named in full most often is no evidence (fresh15: "Westerhuis" for the father, his full
    name cut by the model, went to the mother named in full three times).

    The writer's habit is read outside quotation marks. A first name that only the quoted
    people use is weaker evidence: a father's "a perfect shot for Tyler" is no sign that the
    lone "Hansbrough" of a story about Tyler Hansbrough is the father (ECB+ 31_12ecb), while a
    mother's "Dewaun deserves the truth" goes with "Rockingham said her son ..." meaning her
    (GVC). It is taken only for the person the article names first."""
    if len(keys) < 2:
        return None
    holder = _never_called_by_first_name(keys, text, named, quoted=False)
    if holder is not None:
        return holder
    holder = _never_called_by_first_name(keys, text, named, quoted=True)
    return holder if holder is not None and holder == _named_first(keys, text) else None


def _never_called_by_first_name(
    keys: set[str], text: str, named: Mapping[str, int], *, quoted: bool
) -> str | None:
    uses = {key: _first_name_uses(key[2:].split(" ")[0], text, quoted) for key in sorted(keys)}
    unnamed = [key for key, n in uses.items() if n == 0]
    if len(unnamed) != 1 or any(n == 0 for key, n in uses.items() if key != unnamed[0]):
        return None
    holder = unnamed[0]
    if any(named.get(key, 0) > named.get(holder, 0) for key in keys):
        return None
    return holder


def _named_first(keys: set[str], text: str) -> str | None:
    """The key whose full name `text` writes first (None when one is not found written)."""
    firsts: list[tuple[int, str]] = []
    for key in sorted(keys):
        words = key[2:].split(" ")
        pattern = r"(?<![\w-])" + r"\s+".join(token_pattern(w) for w in words) + r"(?![\w-])"
        found = re.search(pattern, text, re.IGNORECASE)
        if found is None:
            return None
        firsts.append((found.start(), key))
    return min(firsts)[1]


def _first_name_uses(first: str, text: str, quoted: bool = False) -> int:
    """How often `first` (a key's lower-case word) stands in `text` as a capitalised whole
    word that no capitalised word follows, outside quotation marks unless `quoted`."""
    if len(first) < 3:
        return 0
    alone = re.compile(r"(?<![\w-])(?i:" + token_pattern(first) + r")(?![\w-])(?! [A-Z])")
    return sum(
        1
        for found in alone.finditer(text)
        if found.group(0)[:1].isupper() and (quoted or not _inside_quotation(text, found.start()))
    )


def _inside_quotation(text: str, position: int) -> bool:
    """True when `position` is inside a quotation: an odd number of double quotation marks
    precede it in its paragraph, or none do and the paragraph's first mark closes a quote that
    an earlier paragraph opened ('… past Tyler.\n\nIf somebody tells me … comes to Tyler,"
    Gene Hansbrough said.', a quote split into paragraphs without marking the second)."""
    start = text.rfind("\n", 0, position) + 1
    end = text.find("\n", position)
    end = len(text) if end < 0 else end
    before = sum(text.count(mark, start, position) for mark in _QUOTATION_MARKS)
    if before % 2 == 1:
        return True
    if before or sum(text.count(mark, position, end) for mark in _QUOTATION_MARKS) % 2 == 0:
        return False
    first = min(i for mark in _QUOTATION_MARKS if (i := text.find(mark, position, end)) >= 0)
    return text[first] == "”" or text[first - 1] in ",.?!"


_QUOTATION_MARKS = '"“”'


# "Heriberto Gonzalez, also known as Kirby": the words that make the next name an alias.
_ALIAS_BEFORE = re.compile(r"(?:also known as|a\.k\.a\.?|aka|nicknamed)\s+[\"“']?$", re.IGNORECASE)


def alias_of(
    mentions: Sequence[NameMention], index: int, assigned: Mapping[int, str], text: str
) -> str | None:
    """The person a lone name is given as an alias of ("Heriberto Gonzalez, also known as
    Kirby"): the person mention right before the alias words, within a short clause."""
    mention = mentions[index]
    start = mention.span[0]
    if not _ALIAS_BEFORE.search(text[max(0, start - 24) : start]):
        return None
    for before in range(index - 1, -1, -1):
        other = mentions[before]
        if other.article_id != mention.article_id or other.span[1] < start - 60:
            return None
        key = assigned.get(before)
        if key is not None and key.startswith("P:") and "#" not in key:
            return key
    return None


# A quoted alias: 'LaSalle, also known by law enforcement as "Crazy T,"', 'he uses the alias
# "Crazy T"' (fresh24, session 10). The name is one to four capitalised words inside quotes.
_QUOTED_ALIAS = re.compile(
    r"\b(?:also known(?: by [a-z]+(?: [a-z]+){0,3})? as|a\.k\.a\.?|aka|nicknamed|dubbed"
    r"|the alias|an alias|goes by|went by)\s+[\"“]"
    r"([A-Z][\w'’.-]*(?: [A-Z0-9][\w'’.-]*){0,3})[,.]?[\"”]"
)
# "Mark Felt, who was known as Watergate scandal informant 'Deep Throat,' died" (fresh27,
# session 12): "known as", up to four words saying what the bearer was, then a quoted name of
# one to four capitalised words, in double or single quotes.
_KNOWN_AS_QUOTED = re.compile(
    r"\b(?:was|were|is|are|be|been|became|become|widely|popularly|better) known as"
    r"(?: [A-Za-z][a-z-]*){0,4} (?:[\"“]|['‘](?=[A-Z]))"
    r"([A-Z][\w.-]*(?: [A-Z0-9][\w.-]*){0,3})[,.]?[\"”'’]"
)
# A birth name: "Page was born Betty Mae Page in Nashville" (fresh22, read in session 10): two
# to four capitalised words right after "was born" / "née", then no more capitalised word.
_BIRTH_NAME = re.compile(
    r"\b(?:was born|née|nee)\s+([A-Z][a-z]+(?: [A-Z][a-z]+){1,3})(?![\w'’-]| [A-Z])"
)
# How far before a quoted alias its bearer may be named: the clause or the sentence before.
_ALIAS_REACH: Final = 250


def quoted_aliases(
    mentions: Sequence[NameMention], assigned: Mapping[int, str], texts: Mapping[str, str]
) -> list[tuple[NameMention, str, int | None]]:
    """(alias mention, person key, index of an existing mention of the same span) for each
    quoted alias or birth name whose bearer the article named last before it, within `_ALIAS_REACH`
    characters: the nearest person mention there. The model seldom tags such a name, and
    when it does, as a name of its own ("Crazy T"); an alias with no person before it is
    left alone. Then the alias's other mentions in articles that name its bearer too."""
    by_article: dict[str, list[int]] = defaultdict(list)
    for index, mention in enumerate(mentions):
        by_article[mention.article_id].append(index)
    out: list[tuple[NameMention, str, int | None]] = []
    for article_id in sorted(by_article):
        text = texts[article_id]
        found = _alias_matches(text)
        if not found:
            continue
        indexes = sorted(by_article[article_id], key=lambda i: mentions[i].span)
        seen: set[Span] = set()
        for match in found:
            start, end = match.span(1)
            if (start, end) in seen:
                continue
            seen.add((start, end))
            bearer = None
            for index in indexes:
                mention = mentions[index]
                key = assigned.get(index, "")
                if mention.span[1] > match.start():
                    break
                if key.startswith("P:") and mention.span[1] >= match.start() - _ALIAS_REACH:
                    bearer = key
            if bearer is None:
                continue
            same = next((i for i in indexes if mentions[i].span == (start, end)), None)
            alias = NameMention(
                article_id=article_id, span=(start, end), text=text[start:end], label="PERSON"
            )
            out.append((alias, bearer, same))
    return out + _alias_repeats(mentions, assigned, out)


# Words each alias pattern cannot match without (`_alias_matches`): most articles have none.
_QUOTED_ALIAS_WORDS: Final = (
    "also known",
    "a.k.a",
    "aka",
    "nicknamed",
    "dubbed",
    "alias",
    "goes by",
    "went by",
)


def _alias_matches(text: str) -> list[re.Match[str]]:
    """The matches of `_QUOTED_ALIAS`, `_KNOWN_AS_QUOTED` and `_BIRTH_NAME` in `text`, in that
    order; a pattern is run only on a text holding the words it needs (three scans of every
    article were ~1 of linking's 32 CPU s at 10,000 articles; issue 15)."""
    quoted = '"' in text or "“" in text
    out: list[re.Match[str]] = []
    if quoted and any(word in text for word in _QUOTED_ALIAS_WORDS):
        out.extend(_QUOTED_ALIAS.finditer(text))
    if " known as" in text:
        out.extend(_KNOWN_AS_QUOTED.finditer(text))
    if "was born" in text or "née" in text or "nee" in text:
        out.extend(_BIRTH_NAME.finditer(text))
    return out


def _alias_repeats(
    mentions: Sequence[NameMention],
    assigned: Mapping[int, str],
    aliases: Sequence[tuple[NameMention, str, int | None]],
) -> list[tuple[NameMention, str, int | None]]:
    """The other mentions of each alias in articles that name its bearer too: 'the mysterious
    "Deep Throat" source' in an article naming Mark Felt, once another article gave "Deep
    Throat" as his alias (fresh27, session 12). The bearer named beside it is the evidence; an
    article that writes the alias without naming its bearer keeps it as it was."""
    bearer_of: dict[str, set[str]] = defaultdict(set)
    given = {(alias.article_id, alias.span) for alias, _, _ in aliases}
    for alias, bearer, _ in aliases:
        bearer_of[alias.text].add(bearer)
    if not bearer_of:
        return []
    keys_in: dict[str, set[str]] = defaultdict(set)
    for index, key in assigned.items():
        keys_in[mentions[index].article_id].add(key)
    out: list[tuple[NameMention, str, int | None]] = []
    for index, mention in enumerate(mentions):
        bearers = bearer_of.get(strip_possessive(mention.text), set())
        if len(bearers) != 1 or (mention.article_id, mention.span) in given:
            continue
        bearer = next(iter(bearers))
        if bearer in keys_in[mention.article_id] and assigned.get(index) != bearer:
            out.append((mention, bearer, index))
    return out


# A kinship word right before a lone first name: "his older brother, Vitali", "his wife Shauna".
_KIN_BEFORE = re.compile(rf"\b((?:step)?(?:{_KIN_WORDS})),?\s$")


def kin_before(text: str, start: int) -> bool:
    """Whether a kinship word stands right before the name at `start` ("son Oscar, 8")."""
    return _KIN_BEFORE.search(text[max(0, start - 24) : start]) is not None


def link_kin_first_names(
    mentions: Sequence[NameMention],
    assigned: dict[int, str],
    texts: Mapping[str, str],
    story_of: Mapping[str, str | None] | None,
) -> None:
    """Lone first names kept apart per article ("N:vitali#<article>") that two or more
    articles of one story introduce with the same kinship word ("his older brother, Vitali",
    "his elder brother Vitali") are one person: the same name in the same role, the evidence
    a lone name needs across articles. A name without that word, or only one article's,
    stays its article's."""
    if not story_of:
        return
    groups: dict[tuple[str, str, str], set[str]] = defaultdict(set)
    for index, key in assigned.items():
        mention = mentions[index]
        story = story_of.get(mention.article_id)
        if not key.startswith("N:") or "#" not in key or story is None:
            continue
        if mention.label != "PERSON" or not key.endswith("#" + mention.article_id):
            continue
        start = mention.span[0]
        kin = _KIN_BEFORE.search(texts[mention.article_id][max(0, start - 24) : start])
        if kin is not None:
            groups[(story, key.split("#", 1)[0], kin.group(1).lower())].add(key)
    remap: dict[str, str] = {}
    for keys in groups.values():
        if len(keys) >= 2:
            first = min(keys)
            for key in keys:
                remap.setdefault(key, first)
    for index, key in assigned.items():
        if key in remap:
            assigned[index] = remap[key]


# An age written beside a full name: "Jim Smith, 45, of Dayton", "17-year-old Jim Smith".
_AGE_AFTER = re.compile(r",\s(\d{1,3}),")
_AGE_BEFORE = re.compile(r"\b(\d{1,3})[- ]year[- ]old\s$")


def _age_at(text: str, span: Span) -> int | None:
    after = _AGE_AFTER.match(text, span[1])
    before = _AGE_BEFORE.search(text, max(0, span[0] - 16), span[0])
    found = after or before
    age = int(found.group(1)) if found is not None else None
    return age if age is not None and age <= 120 else None


def _ages_fit(a: set[int], b: set[int]) -> bool:
    """Whether two stories' ages of a name may be one person's (a birthday between them)."""
    return any(abs(x - y) <= 1 for x in a for y in b)


def split_by_age(
    mentions: Sequence[NameMention],
    assigned: dict[int, str],
    texts: Mapping[str, str],
    story_of: Mapping[str, str | None] | None,
) -> None:
    """A full name that two stories give ages more than a year apart ("John Smith, 45," in one,
    "John Smith, 17," in another) names two people, clear evidence the same name alone cannot
    outweigh (audit 10 asked for it; precision first): each story whose ages fit none of the
    ages of the stories most of them agree with becomes a person of its own. Stories that give
    no age keep the name as it was."""
    if not story_of:
        return
    ages: dict[str, dict[str, set[int]]] = defaultdict(lambda: defaultdict(set))
    for index, key in assigned.items():
        mention = mentions[index]
        story = story_of.get(mention.article_id)
        if not key.startswith("P:") or "#" in key or story is None or " " not in mention.text:
            continue
        age = _age_at(texts[mention.article_id], mention.span)
        if age is not None:
            ages[key][story].add(age)
    apart: dict[tuple[str, str], str] = {}
    for key, by_story in sorted(ages.items()):
        if len(by_story) < 2:
            continue
        stories = sorted(by_story)
        # The reference: the story whose ages most other stories fit (ties: first by id).
        reference = max(
            stories,
            key=lambda s: (
                sum(_ages_fit(by_story[s], by_story[o]) for o in stories),
                -stories.index(s),
            ),
        )
        for story in stories:
            if not _ages_fit(by_story[story], by_story[reference]):
                apart[(key, story)] = f"{key}#{story}"
    if not apart:
        return
    for index, key in list(assigned.items()):
        story = story_of.get(mentions[index].article_id)
        if story is not None and (key, story) in apart:
            assigned[index] = apart[(key, story)]
