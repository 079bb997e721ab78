"""Repairs of the name mentions NER gives, before linking.

Caption debris split into the names it glues together, names cut at a dateline dash, "X of
Y" split into a person and a place, acronyms the text defines, repeats of a name that NER
missed in an article or story, and the place that opens an institution's name.
"""

from __future__ import annotations

import bisect
import re
from collections import Counter, defaultdict
from collections.abc import Callable, Mapping, Sequence
from typing import Final

import numpy as np
import numpy.typing as npt

from newsweave.extract import gazetteer
from newsweave.extract.aliases import (
    NICKNAMES,
    TITLE_WORDS,
    bare_name,
    name_key,
    name_tokens,
    strip_possessive,
    wordlist,
)
from newsweave.extract.entity_records import (
    label_priority,
    no_person_shape,
    place_evidence,
    place_like,
)
from newsweave.extract.mentions import MAX_NAME_WORDS, TENTATIVE, NameMention, title_case_line
from newsweave.extract.name_linking import PLACE_LABELS, initials_of, plain_key, plural_name
from newsweave.extract.person_linking import (
    person_cue,
    person_key,
    surname_acts_alone,
    title_before,
)
from newsweave.model import Span


def _piece(mention: NameMention, start: int, text: str, label: str) -> NameMention:
    """A mention of `text` written at `start` in the article of `mention` (a part of it, or a
    name grown or cut from it)."""
    return NameMention(
        article_id=mention.article_id, span=(start, start + len(text)), text=text, label=label
    )


def _word_spans(text: str, span: Span) -> list[Span]:
    return [
        (span[0] + m.start(), span[0] + m.end())
        for m in re.finditer(r"\S+", text[span[0] : span[1]])
    ]


def split_debris(mentions: list[NameMention], texts: dict[str, str]) -> list[NameMention]:
    """Split caption debris ("Getty Vladimir Putin Mikhail") into the known names it glues.

    A name of 3+ words is split when a shorter person name seen elsewhere in the corpus, at least
    as often, stands inside it; left-over words survive only if they are a known surname.
    """
    counts = Counter(name_key(m.text) for m in mentions if m.label == "PERSON")
    pairs = {k for k in counts if len(k.split()) == 2}
    pair_surnames = Counter({k.split()[-1]: 0 for k in pairs})
    for k in pairs:
        pair_surnames[k.split()[-1]] = max(pair_surnames[k.split()[-1]], counts[k])
    # "Putin Congratulates" (a title-case headline): a known surname followed by a word that is
    # no part of another name, and rarer than the full name behind that surname.
    # Likewise "Newsweek Biden": a word that is mostly a non-person name, then a known surname.
    # Outlets are organisations: a first name the model took for a place ("Rebecca and Michael
    # Parsons" with "Rebecca" tagged GPE) does not make "Rebecca Parsons" debris.
    others = Counter(name_key(m.text) for m in mentions if m.label == "ORG")
    # A word the model also tags a person on its own ("father Scott (second from right)") is a
    # first name, though tagged ORG elsewhere: "Scott Westerhuis" is no outlet plus a surname.
    lone_people = {
        name_key(m.text) for m in mentions if m.label == "PERSON" and " " not in m.text.strip()
    }
    # Only in a title-case line: in prose, "James Oler" beside a better known "LeBron James" is
    # a person of his own, not "James" plus a word.
    # (A word no other pair holds: counted once per pair holding it, not by a scan of the
    # pairs for each pair, which was quadratic in the corpus's names.)
    holding = Counter(word for k in pairs for word in set(k.split()))
    surname_first = {
        k
        for k in pairs
        if counts[k] < pair_surnames.get(k.split()[0], 0) and holding[k.split()[1]] == 1
    }
    outlet_first = {
        k
        for k in pairs
        if counts[k] < pair_surnames.get(k.split()[1], 0)
        and others[k.split()[0]] >= counts[k]
        and k.split()[0] not in lone_people
    }
    headline_pairs = surname_first | outlet_first
    known = pairs - headline_pairs
    # Longer names are known only when no known pair stands inside them ("Martin Luther King"
    # is, "Getty Vladimir Putin" is not).
    for k in counts:
        words = k.split()
        if len(words) >= 3 and not any(
            " ".join(words[i : i + 2]) in known for i in range(len(words) - 1)
        ):
            known.add(k)
    surnames = {k.split()[-1] for k in known}
    # Whether each asked line is a title-case one, by (article, line start): a paragraph is one
    # line holding many names, and asking it again for each cost ~3.5 % of linking at 10,000
    # articles (issue 15, session 20).
    title_lines: dict[tuple[str, int], bool] = {}
    out: list[NameMention] = []
    for mention in mentions:
        key = name_key(mention.text)
        words = key.split()
        if mention.label != "PERSON" or len(words) < 2:
            out.append(mention)
            continue
        text = texts[mention.article_id]
        # "Putin Congratulates" (a title-case headline): a known surname followed by a word
        # that is no part of any known name.
        # Whether the name's line is a title-case one is asked only where it decides: a
        # paragraph is one line, and testing it for every name cost ~4 % of linking (issue 15).
        title_line = (key in surname_first or (key in known and len(words) == 2)) and (
            _title_line_at(text, mention.article_id, mention.span[0], title_lines)
        )
        headline = key in outlet_first or (key in surname_first and title_line)
        if key in known and len(words) == 2 and not title_line:
            # "5-year-old Thomas Horn" in prose is a person, though "Thomas" is another's
            # surname: two known surnames are split only in captions and headlines.
            # (Decided before the pieces are looked for: most names are such, and their
            # pieces were ~30 % of this pass at 10,000 articles; issue 15).
            out.append(mention)
            continue
        spans = _word_spans(text, mention.span)
        tokens = [name_key(text[s:e]) for s, e in spans]
        pieces: list[tuple[int, int]] = []
        i = 0
        while i < len(tokens):
            for j in range(len(tokens), i + 1, -1):
                sub = " ".join(t for t in tokens[i:j] if t)
                if (j - i < len(tokens)) and sub in known and counts[sub] >= counts[key]:
                    pieces.append((i, j))
                    i = j
                    break
            else:
                if tokens[i] in surnames:
                    pieces.append((i, i + 1))
                i += 1
        if not headline and len(pieces) < 2 and not any(j - i >= 2 for i, j in pieces):
            out.append(mention)
            continue
        for i, j in pieces:
            start, end = spans[i][0], spans[j - 1][1]
            surface = text[start:end]
            trimmed = strip_possessive(surface.rstrip(",;:"))
            out.append(_piece(mention, start, trimmed, "PERSON"))
    return out


def _line_at(text: str, pos: int) -> str:
    start = text.rfind("\n", 0, pos) + 1
    end = text.find("\n", pos)
    return text[start : end if end >= 0 else len(text)]


def _title_line_at(text: str, article_id: str, pos: int, seen: dict[tuple[str, int], bool]) -> bool:
    """`title_case_line` of the line of `text` at `pos`, answered once per line: `seen` holds
    the answers by (article id, the line's start), which fixes the line in its article."""
    start = text.rfind("\n", 0, pos) + 1
    found = seen.get((article_id, start))
    if found is None:
        found = seen[(article_id, start)] = title_case_line(_line_at(text, pos))
    return found


# Words, and ordinals that open a street's name ("11th Street South").
_WORD_TOKEN = re.compile(r"(?<!\d)\d+(?:st|nd|rd|th)\b|[^\W\d_][\w-]*(?:['’][^\W\d_]+)*")


# What `word_spans` depends on besides the text (part of the `article-words` key).
WORD_RULE: Final = _WORD_TOKEN.pattern


def word_spans(text: str) -> npt.NDArray[np.int32]:
    """The (start, end) of each word `with_repeats` reads in `text` (`_WORD_TOKEN`), in order,
    as an (n, 2) array: a product of the text alone, kept per article (`article-words`) so that
    an `ingest` tokenises only its new articles (issue 15)."""
    spans = [m.span() for m in _WORD_TOKEN.finditer(text)]
    return np.array(spans, dtype=np.int32).reshape(-1, 2)


def _words_at(text: str, spans: npt.NDArray[np.int32] | None) -> list[tuple[str, int, int]]:
    """Each word of `text` with its start and end: from its kept `word_spans`, when given."""
    if spans is None:
        return [(m.group(0), m.start(), m.end()) for m in _WORD_TOKEN.finditer(text)]
    return [(text[start:end], start, end) for start, end in spans.tolist()]


# The short forms of each full given name the nickname table knows ("walter": walt, wally).
_SHORTS_OF: Final = {
    full: tuple(sorted(short for short, name in NICKNAMES.items() if name == full))
    for full in set(NICKNAMES.values())
}


# One article of a `with_repeats` unit: its id, text, kept word spans (or None) and mentions.
UnitArticle = tuple[str, str | None, "npt.NDArray[np.int32] | None", tuple[NameMention, ...]]
# What a unit's articles gain and lose: the repeats found in each article (by id, in the order
# found; articles without any left out) and the (article id, span) of mentions they replace.
UnitRepeats = tuple[dict[str, list[NameMention]], set[tuple[str, Span]]]
# Each unit's `UnitRepeats`, given the units (`with_repeats`' `kept_units`).
KeptUnits = Callable[[dict[str, list[UnitArticle]]], Mapping[str, UnitRepeats]]


def with_repeats(
    mentions: list[NameMention],
    texts: dict[str, str],
    story_of: Mapping[str, str | None] | None = None,
    spans_of: Mapping[str, npt.NDArray[np.int32]] | None = None,
    *,
    kept_units: KeptUnits | None = None,
) -> list[NameMention]:
    """Mentions plus the repeats NER missed: within one article, every other occurrence of a
    name already found there ("said Rawlins" after "Sheila Rawlins", "KOKOMO" in the dateline
    of an article naming Kokomo), and the surname of the article's only person with it; within
    one story (`story_of`), the place and organisation names and full person names found in
    its other articles ("Chalmette" tagged in one article, missed in the next).

    Work is linear in the text: words are looked up in a set, names of up to
    `MAX_NAME_WORDS` words; a repeat never overlaps a found mention nor continues a longer
    capitalised name ("Dennis Jones" is not a repeat of "Jones"). `spans_of`: each article's
    `word_spans`, when kept; an article without them is tokenised here.

    `kept_units`: what `unit_repeats` gives for each of `repeat_units`' units (a story's articles,
    or an article of no story), when kept (`extract.entities`: a story's repeats kept in the
    store by what the unit reads, so an `ingest` finds only the touched stories' again). Each
    unit reads its own articles alone, so the result is the same (tests/extract/
    test_story_repeats_kept.py keeps the one pass over the corpus as the oracle).
    """
    if kept_units is None:
        added, dropped = repeats_found(mentions, texts, story_of, spans_of)
    else:
        added, dropped = {}, set()
        units = repeat_units(mentions, texts, story_of, spans_of)
        for unit_added, unit_dropped in kept_units(units).values():
            added.update(unit_added)
            dropped.update(unit_dropped)
    out = list(mentions)
    # The repeats follow the mentions, article by article in id order, as one pass adds them.
    for article_id in sorted(added):
        out.extend(added[article_id])
    return [m for m in out if (m.article_id, m.span) not in dropped]


def repeat_units(
    mentions: Sequence[NameMention],
    texts: Mapping[str, str],
    story_of: Mapping[str, str | None] | None = None,
    spans_of: Mapping[str, npt.NDArray[np.int32]] | None = None,
) -> dict[str, list[UnitArticle]]:
    """The units `with_repeats` reads one at a time: a story's articles ("s:" and its id), an
    article of no story ("a:" and its id); each article in id order with its mentions in their
    order. An article with mentions but no text counts for its story's names only."""
    by_article: dict[str, list[NameMention]] = defaultdict(list)
    for mention in mentions:
        by_article[mention.article_id].append(mention)
    units: dict[str, list[UnitArticle]] = defaultdict(list)
    for article_id in sorted({*texts, *by_article}):
        story = story_of.get(article_id) if story_of else None
        unit = f"a:{article_id}" if story is None else f"s:{story}"
        spans = spans_of.get(article_id) if spans_of is not None else None
        units[unit].append(
            (article_id, texts.get(article_id), spans, tuple(by_article.get(article_id, ())))
        )
    return dict(units)


def unit_repeats(unit: str, articles: list[UnitArticle]) -> UnitRepeats:
    """`repeats_found` over one unit of `repeat_units` (a pure function of its articles)."""
    story = unit if unit.startswith("s:") else None
    texts = {a: text for a, text, _, _ in articles if text is not None}
    spans = {a: s for a, _, s, _ in articles if s is not None}
    mentions = [m for _, _, _, found in articles for m in found]
    story_of = {a: story for a, _, _, _ in articles}
    return repeats_found(mentions, texts, story_of, spans if spans else None)


def repeats_found(
    mentions: list[NameMention],
    texts: Mapping[str, str],
    story_of: Mapping[str, str | None] | None = None,
    spans_of: Mapping[str, npt.NDArray[np.int32]] | None = None,
) -> UnitRepeats:
    """The repeats `with_repeats` adds to each article, and the mentions they replace."""
    by_article: dict[str, list[NameMention]] = defaultdict(list)
    for mention in mentions:
        by_article[mention.article_id].append(mention)
    own: dict[str, dict[str, Counter[str]]] = {}
    shared: dict[str, dict[str, Counter[str]]] = defaultdict(lambda: defaultdict(Counter))
    for article_id in sorted(by_article):
        found = by_article[article_id]
        labels: dict[str, Counter[str]] = defaultdict(Counter)
        for m in found:
            plain = m.label != TENTATIVE and not any(c in m.text for c in "\n\xa0\t")
            if plain and any(c.isalpha() for c in m.text):
                labels[m.text][m.label] += 1
        own[article_id] = labels
        story = story_of.get(article_id) if story_of else None
        if story is None:
            continue
        for surface, votes in labels.items():
            # Only names that stand on their own: a full person name, or a non-person name
            # of two or more words or of one word that is no common word ("Chalmette").
            person = "PERSON" in votes
            words = surface.split(" ")
            if person and len(name_tokens(surface)) < 2:
                continue
            if (
                not person
                and len(words) == 1
                and not _story_acronym(surface, votes)
                and (
                    len(surface) < 4 or surface.lower() in gazetteer.NOT_NAMES or surface.isupper()
                )
            ):
                continue
            shared[story][surface].update(votes)
    story_names = {story: sorted(names.items()) for story, names in shared.items()}
    story_openers = {story: _names_by_opener(names) for story, names in story_names.items()}
    added: dict[str, list[NameMention]] = {}
    dropped: set[tuple[str, Span]] = set()
    for article_id in sorted(texts):
        found = by_article.get(article_id, [])
        text = texts[article_id]
        labels = defaultdict(Counter, own.get(article_id, {}))
        story = story_of.get(article_id) if story_of else None
        spans_at = _words_at(text, spans_of.get(article_id) if spans_of is not None else None)
        people: dict[str, set[str]] = defaultdict(set)
        firsts: dict[str, set[str]] = defaultdict(set)
        for m in found:
            tokens = name_tokens(m.text)
            words = bare_name(m.text).split()
            if m.label == "PERSON" and len(tokens) >= 2 and words:
                people[strip_possessive(words[-1])].add(person_key(tokens))
                firsts[words[0]].add(person_key(tokens))
            elif (
                len(tokens) in {2, 3}
                and m.label not in _PLACE_OR_GROUP
                and words
                and (
                    person_cue(text, m.span)
                    or title_before(text, m)
                    or (m.label == "ORG" and surname_acts_alone(text, m.text))
                )
            ):
                # "identified as Briar Newsome" tagged ORG: a person by the words before it
                firsts[words[0]].add(person_key(tokens))
                people[strip_possessive(words[-1])].add(person_key(tokens))
        if story_names.get(story or ""):
            # The story's names join in their sorted order, each the first time: only those
            # the text can repeat (opening with one of its words) or the steps below look up
            # by name, so an article's work does not grow with its story (issue 15).
            position, by_opener = story_openers[story or ""]
            looked_up = {*people, *firsts, *_PLATFORMS}
            looked_up |= {s.capitalize() for f in firsts for s in _SHORTS_OF.get(f.lower(), ())}
            picked = {position[w] for w in looked_up if w in position}
            for word in {w for w, _, _ in spans_at}:
                picked.update(by_opener.get(word, ()))
                if word.endswith(("'s", "’s")):
                    picked.update(by_opener.get(word[:-2], ()))
            names = story_names[story or ""]
            for index in sorted(picked):
                surface, votes = names[index]
                if surface not in labels:
                    labels[surface] = Counter(votes)
        for last, keys in people.items():
            # A surname two people of the article share ("Meisenheimer" beside Thomas and
            # Walter Meisenheimer; fresh5) is a person's too: linking says whose, or no one's.
            common = last in gazetteer.NOT_NAMES or last.lower() in gazetteer.NOT_NAMES
            if keys and last[:1].isupper() and len(last) > 2 and not common:
                labels[last]["PERSON"] += 1
        # The first name of the article's one person with it ("Briar and his father"), found
        # only inside a sentence: at a sentence start it may be a common word ("Hope is ...").
        first_only: set[tuple[str, ...]] = set()
        for first, keys in firsts.items():
            common = first in gazetteer.NOT_NAMES or first.lower() in gazetteer.NOT_NAMES
            fits = first.isalpha() and first[:1].isupper() and not first.isupper()
            if len(keys) == 1 and fits and len(first) > 3 and not common and first not in people:
                if first not in labels:
                    first_only.add((first,))
                labels[first]["PERSON"] += 1
                for short in _SHORTS_OF.get(first.lower(), ()):
                    # "Wally" in an article naming Walter Meisenheimer (fresh5)
                    nickname = short.capitalize()
                    if nickname not in labels and nickname not in people:
                        first_only.add((nickname,))
                        labels[nickname]["PERSON"] += 1
        for surface in _PLATFORMS:
            # "Facebook | Twitter" in a share bar: names the model seldom tags there.
            labels.setdefault(surface, Counter({"ORG": 1}))
        wanted: dict[tuple[str, ...], str] = {}
        for surface, votes in list(labels.items()):
            if surface.endswith(" High School") and "PERSON" not in votes:
                # "Bladensburg High" is the school "Bladensburg High School" is
                labels.setdefault(surface[: -len(" School")], Counter(votes))
            town = _TOWN_OF.match(surface)
            if town is not None and "PERSON" not in votes:
                # "Town of Wallkill" names Wallkill, and so does the dateline "WALLKILL"
                labels.setdefault(surface[town.end() :], Counter(votes))
        for surface, votes in labels.items():
            label = min(votes, key=lambda lab: (-votes[lab], label_priority(lab), lab))
            parts = tuple(surface.split(" "))
            if len(parts) <= MAX_NAME_WORDS:
                wanted.setdefault(parts, label)
                upper = tuple(w.upper() for w in parts)
                # An all-caps dateline names a place: a name the model also tagged as a place
                # or organisation somewhere in the article qualifies ("Kokomo" is PERSON three
                # times, GPE once, and "KOKOMO, Ind." opens the article).
                places = [lab for lab in votes if lab not in {"PERSON", TENTATIVE}]
                if places and len(surface) >= 4 and upper != parts:
                    place = min(places, key=lambda lab: (-votes[lab], label_priority(lab), lab))
                    wanted.setdefault(upper, place)
        if not wanted:
            continue
        longest = max(len(w) for w in wanted)
        taken = sorted(m.span for m in found)
        starts = [span[0] for span in taken]
        # A repeat opens with the first word of a wanted name (a lone one may carry "'s"):
        # other words are passed over without building their candidate names (issue 15).
        openers = {parts[0] for parts in wanted}
        openers |= {f"{w}{tail}" for w in list(openers) for tail in ("'s", "’s")}
        i = 0
        while i < len(spans_at):
            if spans_at[i][0] not in openers:
                i += 1
                continue
            hit = _repeat_at(text, spans_at, i, wanted, longest)
            if hit is None:
                i += 1
                continue
            n, end, label = hit
            start = spans_at[i][1]
            first_name = tuple(w for w, _, _ in spans_at[i : i + n]) in first_only
            opens = _sentence_start(text, start) and not _PERSON_VERB_AFTER.match(text, end)
            if first_name and (opens or place_evidence(text, (start, end))):
                i += n
                continue
            k = bisect.bisect_left(starts, end)
            near = [t for t in taken[max(0, k - 8) : k] if t[1] > start]
            # A longer name of the story swallows the pieces the model cut it into
            # ("Hawaiian" NORP + "Gardens" for "Hawaiian Gardens"); a name overlapping a
            # found mention otherwise stays out.
            inside = all(start <= s2 and e2 <= end and (s2, e2) != (start, end) for s2, e2 in near)
            clash = bool(near) and not (inside and n >= 2)
            # A full person name of the article or story may follow a capitalised title the
            # model left out ("Chargers NT Jamal Williams"); its words after still count.
            full_person = label == "PERSON" and n >= 2
            if not clash and not _continues_name(
                text,
                spans_at,
                i,
                i + n,
                check_before=not full_person,
                title_after=label in PLACE_LABELS or _force_name(label, text[start:end]),
            ):
                dropped.update((article_id, t) for t in near)
                added.setdefault(article_id, []).append(
                    NameMention(
                        article_id=article_id, span=(start, end), text=text[start:end], label=label
                    )
                )
            i += n
    return added, dropped


def _names_by_opener(
    names: Sequence[tuple[str, Counter[str]]],
) -> tuple[dict[str, int], dict[str, list[int]]]:
    """Each story name's position, and the positions of the names by each word a repeat of
    them may open with: their first word, written as is or in capitals, and that of the name
    `with_repeats` derives from them ("Bladensburg High", "Wallkill" of "Town of Wallkill")."""
    position: dict[str, int] = {}
    by_opener: dict[str, list[int]] = defaultdict(list)
    for index, (surface, _) in enumerate(names):
        position[surface] = index
        forms = [surface]
        if surface.endswith(" High School"):
            forms.append(surface[: -len(" School")])
        town = _TOWN_OF.match(surface)
        if town is not None:
            forms.append(surface[town.end() :])
        openers = {f.split(" ")[0] for f in forms}
        for word in openers | {w.upper() for w in openers}:
            by_opener[word].append(index)
    return position, by_opener


def _story_acronym(surface: str, votes: Counter[str]) -> bool:
    """Whether a one-word all-caps name is an organisation's acronym the story's other articles
    may repeat ("NBA", "TMZ", "LAPD" tagged in one article, missed in the next; session 7, read
    on fresh16 and fresh19): three to five letters, tagged ORG only, no common word. An all-caps
    dateline or headline word ("POLICE", "UPDATE") is no ORG the model tags alone, and a state's
    postal code or a two-letter word ("IN", "US") stays out."""
    return (
        3 <= len(surface) <= 5
        and surface.isalpha()
        and surface.isupper()
        and set(votes) == {"ORG"}
        and surface.lower() not in gazetteer.NOT_NAMES
        and surface.lower() not in gazetteer.GPE_NAMES
    )


_PLACE_OR_GROUP: Final = frozenset({"GPE", "LOC", "FAC", "NORP", TENTATIVE})
_TOWN_OF: Final = re.compile(r"(?:Town|City|Village|Township|Borough) of (?=[A-Z])")

# Platforms news pages name in running text and share bars ("took to Facebook", "Follow us on
# Twitter"), written as they write them; one word each, none of them a common word.
_PLATFORMS: Final = (
    "Facebook",
    "Twitter",
    "Instagram",
    "YouTube",
    "TikTok",
    "Snapchat",
    "LinkedIn",
    "WhatsApp",
    "Pinterest",
)


# A first name opening a sentence is the person's when a person's verb follows it ('"Tara was
# 100 percent professional," he said'); "Hope is ..." stays out unless a "Hope X" is named.
_PERSON_VERB_AFTER = re.compile(r" (?:was|is|has|had|said|says|told)\b")


def _sentence_start(text: str, start: int) -> bool:
    """Whether the word at `start` opens a sentence, a quote or a line."""
    before = text[max(0, start - 3) : start].rstrip(" ")
    return not before or before[-1] in ".!?\n\"'“‘’”:(-—–"


def _repeat_at(
    text: str,
    tokens: list[tuple[str, int, int]],
    i: int,
    wanted: Mapping[tuple[str, ...], str],
    longest: int,
) -> tuple[int, int, str] | None:
    """(words, end, label) of the longest wanted name starting at token `i`, if any."""
    words: list[str] = []
    for j in range(i, min(len(tokens), i + longest)):
        if j > i and text[tokens[j - 1][2] : tokens[j][1]] != " ":
            break
        words.append(tokens[j][0])
    for n in range(len(words), 0, -1):
        key = tuple(words[:n])
        label = wanted.get(key)
        end = tokens[i + n - 1][2]
        if label is None and key[-1].endswith(("'s", "’s")):
            label = wanted.get((*key[:-1], key[-1][:-2]))
            end -= 2
        if label is not None:
            return n, end, label
    return None


def _force_name(label: str, surface: str) -> bool:
    """Whether a name is a force's or an office's ("Troy Police"), which a title and the
    titled person's name may follow ("Troy Police Lt. Gerry Scherlinck"; fresh24, session 10)."""
    return label == "ORG" and surface.rsplit(maxsplit=1)[-1].lower() in _FORCE_WORDS


_FORCE_WORDS: Final = wordlist("police department office sheriff's patrol")


def _continues_name(
    text: str,
    tokens: list[tuple[str, int, int]],
    i: int,
    j: int,
    *,
    check_before: bool = True,
    title_after: bool = False,
) -> bool:
    """True when a capitalised word right before (unless not `check_before`) or after
    tokens[i:j] extends the name (in an all-caps name, only an all-caps word: "WOODLAWN — A
    man" is a dateline, then a sentence). With `title_after` (a place's name), a title after
    it is no part of it ("Fayette County Sheriff Marty Fisher")."""
    caps = all(w.isupper() for w, _, _ in tokens[i:j])

    def extends(word: str) -> bool:
        return word.isupper() if caps else word[:1].isupper()

    if (
        j < len(tokens)
        and text[tokens[j - 1][2] : tokens[j][1]] == " "
        and extends(tokens[j][0])
        and tokens[j - 1][0][-2:] not in {"'s", "’s"}
        and not (title_after and tokens[j][0].lower() in TITLE_WORDS)
    ):
        return True
    if check_before and i > 0 and text[tokens[i - 1][2] : tokens[i][1]] == " ":
        before = tokens[i - 1][0]
        # "Toledo's Old West End": a possessive owns the name, it is no part of it
        owner = before.endswith(("'s", "’s"))
        if extends(before) and before.lower() not in TITLE_WORDS and not owner:
            # "The Henry County Prosecutor": an article opening a sentence is no part of it.
            return before not in gazetteer.NOT_NAMES and before.lower() not in {"the", "a", "an"}
    return False


_SPACED_DASH = re.compile(r"(?<!\s)\s+[-–—]+\s+")  # lookbehind: linear on runs of spaces


def split_acronym_lead(mentions: list[NameMention]) -> list[NameMention]:
    """A person's name the model ran together with the call sign or acronym before it
    ("told WBTV Michael loved comic books" tagged "WBTV Michael") is that organisation and the
    name after it: an all-capital word of three or more characters opening a name whose other
    words are not all capitals."""
    out: list[NameMention] = []
    for mention in mentions:
        words = mention.text.split(" ")
        lead = words[0]
        if (
            mention.label != "PERSON"
            or len(words) < 2
            or len(lead) < 3
            or not lead.isupper()
            or not lead.isalnum()
            or all(w.isupper() for w in words[1:])
        ):
            out.append(mention)
            continue
        start, rest = mention.span[0], len(lead) + 1
        out.append(_piece(mention, start, lead, "ORG"))
        out.append(
            NameMention(
                article_id=mention.article_id,
                span=(start + rest, mention.span[1]),
                text=mention.text[rest:],
                label="PERSON",
            )
        )
    return out


_PAIRED_STREETS = re.compile(r"\s+(?:avenues|streets|roads|boulevards|drives|lanes)\b")


def split_paired_streets(
    mentions: list[NameMention], texts: Mapping[str, str]
) -> list[NameMention]:
    """ "Terrace and Atlantic avenues" names two streets: each word before "and" and after it
    is a place of its own (a facility), found again as the short form of its street."""
    out: list[NameMention] = []
    for mention in mentions:
        parts = mention.text.split(" and ")
        text = texts[mention.article_id]
        if (
            len(parts) != 2
            or not all(p[:1].isupper() and " " not in p for p in parts)
            or not _PAIRED_STREETS.match(text, mention.span[1])
        ):
            out.append(mention)
            continue
        second = mention.span[0] + len(parts[0]) + len(" and ")
        for start, part in ((mention.span[0], parts[0]), (second, parts[1])):
            out.append(_piece(mention, start, part, "FAC"))
    return out


# Words that join two places' names in one span the model tagged ("8442 Tavenor Lane near
# Hobby Airport"); no name holds them between capitalised words.
_PLACE_JOINER = re.compile(r" (?:near|outside|off) (?=[A-Z0-9])")


def slash_joined_unit(mention: NameMention, text: str) -> NameMention:
    """A place's name the text joins with "/" to a unit's name after it ("the Lake County/Gary
    Metro Homicide Unit": one joint unit of two forces; session 8, read on fresh2) is the start
    of that organisation's name, not the county."""
    if mention.label == "PERSON":
        return mention
    found = _SLASH_UNIT.match(text, mention.span[1])
    if found is None:
        return mention
    end = found.end()
    return _piece(mention, mention.span[0], text[mention.span[0] : end], "ORG")


# "/Gary Metro Homicide Unit": up to five capitalised words ending in a unit's head word.
_SLASH_UNIT: Final = re.compile(
    r"/(?:[A-Z][\w'’-]* ){0,5}(?:Unit|Task Force|Team|Squad|Division|Bureau|Department)\b"
)


def split_glued_dateline(
    mentions: list[NameMention], texts: Mapping[str, str]
) -> list[NameMention]:
    """An outlet's dateline glued by a hyphen to the name that opens the report
    ("Computerworld-Microsoft today said"; seen by eye on ECB+ 27_3ecbplus, session 8) is two
    names: at a paragraph's start, "A-B" of two capitalised parts where the article names B
    alone elsewhere and never writes "A-B" again. "Coca-Cola" keeps whole: no lone "Cola"."""
    alone: set[tuple[str, str]] = {(m.article_id, m.text) for m in mentions}
    out: list[NameMention] = []
    for mention in mentions:
        text = texts[mention.article_id]
        parts = _GLUED_PAIR.fullmatch(mention.text)
        if (
            parts is None
            or mention.label == "PERSON"
            or (not text.startswith("\n", max(0, mention.span[0] - 1)) and mention.span[0] != 0)
            or (mention.article_id, parts.group(2)) not in alone
            or text.count(mention.text) != 1
        ):
            out.append(mention)
            continue
        start = mention.span[0]
        out.append(_piece(mention, start, parts.group(1), "ORG"))
        out.append(_piece(mention, start + parts.end(1) + 1, parts.group(2), mention.label))
    return out


_GLUED_PAIR: Final = re.compile(r"([A-Z][\w.]+)-([A-Z][\w.]+)")


def names_inside_titles(mentions: list[NameMention], texts: Mapping[str, str]) -> list[NameMention]:
    """Names the model tagged with the words around them (session 8, read on fresh22 after its
    untouched figure): a work's title that ends in a person's full name the corpus tags a
    person's ("The Notorious Bettie Page") names that person; a "person" that is a place
    before a title, right before the titled person ("Brooklyn Councilman Jumaane Williams"),
    is the place."""
    people = {
        m.text
        for m in mentions
        if m.label == "PERSON"
        and len(m.text.split()) == 2
        and not place_like(name_tokens(m.text))  # "Parish Prison" tagged PERSON once
        and not no_person_shape(name_tokens(m.text))
    }
    starts = {(m.article_id, m.span[0]) for m in mentions if m.label == "PERSON"}
    out: list[NameMention] = []
    for mention in mentions:
        words = mention.text.split(" ")
        if mention.label != "PERSON" and len(words) >= 3 and " ".join(words[-2:]) in people:
            name = " ".join(words[-2:])
            out.append(_piece(mention, mention.span[1] - len(name), name, "PERSON"))
            continue
        text = texts[mention.article_id]
        if (
            mention.label == "PERSON"
            and len(words) >= 2
            and words[-1].lower() in TITLE_WORDS
            and (mention.article_id, mention.span[1] + 1) in starts
            and text.startswith(" ", mention.span[1])
            and not any(w.lower() in TITLE_WORDS for w in words[:-1])
        ):
            place = " ".join(words[:-1])
            out.append(_piece(mention, mention.span[0], place, "GPE"))
            continue
        out.append(mention)
    return out


# "Smith saw Calloway": two capitalised words around one lower-case word.
# Word lengths bounded so that a search over a long run of one letter stays linear.
_GLUED_CLAUSE: Final = re.compile(r"([A-Z][\w'-]{1,40}) ([a-z]{2,25}) ([A-Z][\w'-]{1,40})")
# Lower-case words inside real names ("Bank of America", "Leonardo da Vinci").
_NAME_JOINERS: Final = frozenset(
    {"of", "and", "the", "for", "on", "at", "in", "to", "upon", "du", "de", "da", "del", "van"}
    | {"von", "der", "la", "le", "y", "bin", "ibn", "al", "el", "di", "dos", "das"}
)


def split_glued_clause(mentions: list[NameMention]) -> list[NameMention]:
    """A name the model ran over a short clause ("Police said Smith saw Calloway get in",
    tagged ORG) is the two people it names, when the same article names each of them as a
    person elsewhere (GVC 662638, read after fresh28's untouched figure)."""
    people: set[tuple[str, str]] = set()
    for mention in mentions:
        if mention.label == "PERSON":
            words = mention.text.split()
            if words:
                people.add((mention.article_id, strip_possessive(words[-1])))
    out: list[NameMention] = []
    for mention in mentions:
        found = _GLUED_CLAUSE.fullmatch(mention.text)
        if (
            found is None
            or found.group(2) in _NAME_JOINERS
            or (mention.article_id, found.group(1)) not in people
            or (mention.article_id, strip_possessive(found.group(3))) not in people
        ):
            out.append(mention)
            continue
        start = mention.span[0]
        out.append(_piece(mention, start, found.group(1), "PERSON"))
        out.append(_piece(mention, start + found.start(3), found.group(3), "PERSON"))
    return out


def split_at_joiner(mentions: list[NameMention]) -> list[NameMention]:
    """A place's name the model ran into the next one across "near", "outside" or "off" is
    two names, each with the mention's label."""
    out: list[NameMention] = []
    for mention in mentions:
        found = _PLACE_JOINER.search(mention.text)
        if found is None or mention.label == "PERSON" or found.start() == 0:
            out.append(mention)
            continue
        start = mention.span[0]
        for part, offset in (
            (mention.text[: found.start()], 0),
            (mention.text[found.end() :], found.end()),
        ):
            if part.strip():
                out.append(_piece(mention, start + offset, part, mention.label))
    return out


def cut_trailing_title(mention: NameMention) -> NameMention:
    """A force's name the model ran into the title after it ("IMPD Sgt. Kendale Adams" cut to
    "IMPD Sgt", "Los Angeles Police Department Detective D. Peteque") ends before the title,
    when what is left is an acronym or ends in an organisation's head word; an acronym left
    alone is an organisation's."""
    words = mention.text.split(" ")
    cut = next(
        (i for i, w in enumerate(words) if i >= 1 and w.rstrip(".").lower() in _TRAILING_TITLES),
        None,
    )
    if cut is None:
        return mention
    text = " ".join(words[:cut]).rstrip(" ,")
    acronym = len(text) >= 2 and text.replace(".", "").isupper() and " " not in text
    if not acronym and words[cut - 1].lower() not in gazetteer.ORG_HEADS:
        return mention
    return _piece(mention, mention.span[0], text, "ORG")


# Officials a town's or a county's name goes before ("Garner City Administrator").
_LOCAL_OFFICIALS: Final = wordlist(
    """administrator manager clerk attorney engineer coroner commissioner auditor treasurer
    assessor prosecutor"""
)


def cut_local_official(mention: NameMention) -> NameMention:
    """A town's name the model ran into the office after it ("Garner City Administrator";
    fresh23, session 9) is the town's: "City" or "Town" and the official's title are cut,
    unless the city is named so ("Kansas City Manager": the words before "City" name a place
    of their own). A county's official stays whole: "Putnam County Auditor" names the office."""
    words = mention.text.split(" ")
    if (
        len(words) < 3
        or words[-1].lower() not in _LOCAL_OFFICIALS
        or words[-2] not in {"City", "Town"}
        or not all(w[:1].isupper() for w in words[:-2])
        or " ".join(words[:-1]).lower() in gazetteer.GPE_NAMES
        or " ".join(words[:-2]).lower() in gazetteer.GPE_NAMES
    ):
        return mention
    return _piece(mention, mention.span[0], " ".join(words[:-2]), "GPE")


# Short titles of police and the military that follow their force's name ("IMPD Sgt.").
_TRAILING_TITLES: Final = frozenset(
    {"sgt", "lt", "capt", "det", "cpl", "officer", "detective", "sergeant", "lieutenant"}
)


_ROUTE_HEAD = re.compile(
    r"(?:U\.S\.|US)(?: (?:Highway|Hwy\.?|Route))?|Interstate|Highway|Hwy\.?|State (?:Route|Road)"
)
_ROUTE_NUMBER = re.compile(r" \d{1,3}\b(?: (?:East|West|North|South)\b)?")


def with_route_number(mention: NameMention, text: str) -> NameMention:
    """A road's name the model cut before its number ("U.S." of "U.S. 41 East", "U.S.
    Highway" of "U.S. Highway 41") takes the number back, as a facility."""
    if not _ROUTE_HEAD.fullmatch(mention.text):
        return mention
    number = _ROUTE_NUMBER.match(text, mention.span[1])
    if number is None:
        return mention
    end = number.end()
    return _piece(mention, mention.span[0], text[mention.span[0] : end], "FAC")


# A dash ending a name is the dateline's ("SAN ANTONIO- A man", "SAN ANTONIO - A 14-year-old").
_TRAILING_DASH = re.compile(r"(?<![\s-])\s*[-–—]+$")


# A name's last word glued by a lost dash to a lower-case word ("Jonathan Wright-director of
# wholesale products"; session 7, fresh20): a double name's halves are both capitalised.
_GLUED_LOWER_DASH = re.compile(r"(?<=[a-z])[-–—](?=[a-z]+$)")


def cut_at_dash(mention: NameMention) -> NameMention:
    """A name glued to the sentence after a dateline ("BRISTOL - Standing") ends at the dash:
    no name holds a dash between spaces, nor before a lower-case last word."""
    found = (
        _SPACED_DASH.search(mention.text)
        or _TRAILING_DASH.search(mention.text)
        or _GLUED_LOWER_DASH.search(mention.text)
    )
    if found is None or found.start() == 0:
        return mention
    text = mention.text[: found.start()]
    return _piece(mention, mention.span[0], text, mention.label)


def cut_before_house_number(mention: NameMention) -> NameMention:
    """A name the model ran from a possessive into the house number after it ("Throneberry's
    1240 Bell's Ferry Road home"; session 8, read on fresh15) ends before the possessive: no
    name holds "'s" before a number."""
    found = _POSSESSIVE_NUMBER.search(mention.text)
    if found is None or found.start() == 0:
        return mention
    return _piece(mention, mention.span[0], mention.text[: found.start()], mention.label)


_POSSESSIVE_NUMBER: Final = re.compile(r"['’]s? \d")


# A number glued to a name by a comma ("Janet Francois,16": her age), and a phone number or
# a house number after a place's name ("called Gallatin County 911").
_GLUED_AGE: Final = re.compile(r"(?<=[a-z.]),\s?\d{1,3}$")
_PLACE_NUMBER: Final = re.compile(r"(?<=[a-z]) \d{3,4}$")
_SCORE: Final = re.compile(r"(?<=[a-z]) \d{1,3}$")


def cut_trailing_number(mention: NameMention) -> NameMention:
    """A name ends before a number glued to it by a comma (an age), and a town's or county's
    name before a number (no town is called "Gallatin County 911"; fresh23, session 9);
    numbered roads and units ("Route 66", "Station 12") are named otherwise."""
    found = _GLUED_AGE.search(mention.text)
    if found is None and mention.label == "GPE":
        found = _PLACE_NUMBER.search(mention.text)
    if found is None and mention.label == "LAW":
        # "Colts 7, Jaguars 3" tagged LAW: a team and its score (fresh18, session 10)
        score = _SCORE.search(mention.text)
        if score is not None and score.start() > 0 and plural_name(mention.text[: score.start()]):
            return _piece(mention, mention.span[0], mention.text[: score.start()], "ORG")
    if found is None or found.start() == 0:
        return mention
    return _piece(mention, mention.span[0], mention.text[: found.start()], mention.label)


def org_of_place(mention: NameMention, text: str) -> NameMention:
    """A place the model took alone out of an organisation's name ("Crime Stoppers of
    [Michigan]") is the organisation's name: up to four capitalised words ending in an
    organisation's head word, then "of", right before it."""
    if mention.label not in PLACE_LABELS or not text.endswith(" of ", 0, mention.span[0]):
        return mention
    before = text[max(0, mention.span[0] - 60) : mention.span[0] - len(" of ")]
    words = before.split(" ")[-4:]
    run: list[str] = []
    for word in reversed(words):
        if not word[:1].isupper() or not word.replace("'", "").replace("&", "").isalnum():
            break
        run.insert(0, word)
    if not run or run[-1].lower() not in gazetteer.ORG_HEADS:
        return mention
    start = mention.span[0] - len(" of ") - len(" ".join(run))
    if len(run) >= 2 and (_sentence_start(text, start) or run[0].lower() in gazetteer.NOT_NAMES):
        start += len(run[0]) + 1  # "Call Crime Stoppers of ...": a verb opening the sentence
    return _piece(mention, start, text[start : mention.span[1]], "ORG")


# A hyphenated tail of a place's name ("Miami[-Dade]") and up to three capitalised words after
# it, each alone on its spaces ("Miami-Dade [Crime Stoppers]", "Indianapolis [Metro Police]").
_HYPHEN_TAIL = re.compile(r"(?:-[A-Z][a-z]+)+")
_NEXT_WORD = re.compile(r" ([A-Z][\w&'’.]*)")


def orgs_of_places(mentions: list[NameMention], texts: Mapping[str, str]) -> list[NameMention]:
    """A place the model cut out of a longer name is that name: its hyphenated tail stays
    ("Miami-Dade", not "Miami"), and capitalised words after it that end in an organisation's
    head make the organisation ("Indianapolis Metro Police", "Miami-Dade Public Schools").
    Mentions inside such a longer name are dropped."""
    out: list[NameMention] = []
    grown: dict[str, list[Span]] = defaultdict(list)
    for mention in mentions:
        longer = _grown_place(mention, texts[mention.article_id])
        if longer is not mention:
            grown[mention.article_id].append(longer.span)
        out.append(longer)
    return [
        m
        for m in out
        if not any(
            s <= m.span[0] and m.span[1] <= e and (s, e) != m.span for s, e in grown[m.article_id]
        )
    ]


def _grown_place(mention: NameMention, text: str) -> NameMention:
    if mention.label not in PLACE_LABELS or not mention.text[:1].isupper():
        return mention
    end = mention.span[1]
    tail = _HYPHEN_TAIL.match(text, end)
    if tail is not None:
        end = tail.end()
    label = mention.label
    position = end
    for _ in range(3):
        word = _NEXT_WORD.match(text, position)
        if word is None:
            break
        position = word.end()
        surface = word.group(1)
        if surface.lower() in TITLE_WORDS and surface.lower() not in gazetteer.ORG_HEADS:
            break  # "Waterbury [Deputy Police Chief]": a title, not the organisation's words
        if surface.rstrip(".").lower() in gazetteer.ORG_HEADS:
            stop = surface.endswith(".") and surface.lower() not in gazetteer.ORG_HEADS
            end, label = word.end() - stop, "ORG"  # "Police." ends a sentence
        if surface.endswith("."):
            break
    if end == mention.span[1]:
        return mention
    return _piece(mention, mention.span[0], text[mention.span[0] : end], label)


_CAPS_LEAD = re.compile(r"(?:[A-Z][A-Z.'’-]* ){1,3}")


def whole_caps_dateline(mention: NameMention, text: str) -> NameMention:
    """An all-caps place the model took without its first words ("SALT [LAKE CITY] —") takes
    the all-caps words from the start of its line."""
    if not mention.text.isupper():
        return mention
    line_start = text.rfind("\n", 0, mention.span[0]) + 1
    lead = _CAPS_LEAD.fullmatch(text, line_start, mention.span[0])
    if lead is None or mention.span[0] == line_start:
        return mention
    return _piece(mention, line_start, text[line_start : mention.span[1]], mention.label)


def person_of_place(
    mentions: Sequence[NameMention], story_of: Mapping[str, str | None] | None
) -> list[NameMention]:
    """Mentions, with "Chad Couture of Bristol" (a person and their town read as one
    organisation) split into the person and the place, when the story names that person
    on their own elsewhere, and "Lopez and Carrasquillo" into the two people the article
    names in full."""

    def scope(article_id: str) -> str:
        story = story_of.get(article_id) if story_of else None
        return f"s:{story}" if story is not None else f"a:{article_id}"

    people: set[tuple[str, str]] = set()
    for m in mentions:
        if m.label == "PERSON" and len(name_tokens(m.text)) >= 2:
            people.add((scope(m.article_id), " ".join(m.text.split())))
            # "Lopez and Carrasquillo": surnames of the article's people named in full
            people.add((m.article_id, bare_name(m.text).split(" ")[-1]))
        elif m.label == "PERSON":  # a lone surname the model tagged a person in this article
            people.add((m.article_id, strip_possessive(m.text)))
    out: list[NameMention] = []
    for m in mentions:
        pair = m.text.split(" and ")
        if (
            m.label != "PERSON"
            and len(pair) == 2
            and all((m.article_id, p) in people or (scope(m.article_id), p) in people for p in pair)
        ):
            second = m.span[0] + len(pair[0]) + len(" and ")
            for start, name in ((m.span[0], pair[0]), (second, pair[1])):
                out.append(_piece(m, start, name, "PERSON"))
            continue
        head, sep, tail = m.text.partition(" of ")
        words = head.split(" ")
        known = (scope(m.article_id), head) in people or (
            len(words) in {2, 3}
            and all(w[:1].isupper() for w in words)
            and (m.article_id, words[-1]) in people
        )
        if m.label == "PERSON" or not sep or not known:
            out.append(m)
            continue
        start = m.span[0]
        tail_start = start + len(head) + len(sep)
        out.append(_piece(m, start, head, "PERSON"))
        out.append(_piece(m, tail_start, tail, "GPE"))
    return out


_DEFINED = re.compile(r"\(([A-Z]{2,6})\)")


_CAPS_WORD = re.compile(r"(?<![\w.])[A-Z]{3,6}(?![\w.])")


_NAME_WORD = re.compile(r"[A-Z][\w’'&.-]*|of|and|the|for|&")


def defined_acronyms(
    mentions: Sequence[NameMention],
    texts: Mapping[str, str],
    story_of: Mapping[str, str | None] | None = None,
) -> list[NameMention]:
    """Names the model missed that the text defines by their acronym: "Internet Explorer (IE)"
    (the capitalised words right before the bracket, whose initials spell the acronym), and
    the acronym itself; both then link as one name. Also an acronym of three letters or more
    that spells a name of three words or more the article names ("TCSO"), or another article
    of its story ("SLED" where the other article writes "State Law Enforcement Division";
    fresh11, session 9)."""

    def scope(article_id: str) -> str:
        story = story_of.get(article_id) if story_of else None
        return f"s:{story}" if story is not None else f"a:{article_id}"

    taken: dict[str, list[Span]] = defaultdict(list)
    labels: dict[tuple[str, str], str] = {}
    for m in mentions:
        taken[m.article_id].append(m.span)
        labels.setdefault((m.article_id, m.text), m.label)
    out: list[NameMention] = []
    acronyms: dict[str, dict[str, str]] = defaultdict(dict)  # story -> acronym -> label
    for m in mentions:
        words = plain_key(m.text).split()
        if m.label not in {"PERSON", TENTATIVE} and len(words) >= 3:
            where = scope(m.article_id)
            acronyms[where].setdefault(initials_of(words).upper(), m.label)
            if words[-1] == "police":  # "HCPD" for "Horry County Police" [Department]
                acronyms[where].setdefault(initials_of(words).upper() + "D", m.label)
    for article_id in sorted(texts):
        text = texts[article_id]
        spans = taken.get(article_id, [])
        own = acronyms.get(scope(article_id), {})
        for match in _CAPS_WORD.finditer(text) if own else ():
            # "TCSO deputies" in an article naming the Tyler County Sheriff's Office
            span = (match.start(), match.end())
            label = own.get(match.group(0))
            if label and not any(a < span[1] and span[0] < b for a, b in spans):
                out.append(
                    NameMention(article_id=article_id, span=span, text=match.group(0), label=label)
                )
        for match in _DEFINED.finditer(text):
            acronym = match.group(1)
            long_span = _defined_long_form(text, match)
            if long_span is None:
                continue
            long_form = text[long_span[0] : long_span[1]]
            label = labels.get((article_id, acronym), labels.get((article_id, long_form)))
            for span in (long_span, (match.start(1), match.end(1))):
                if not any(a < span[1] and span[0] < b for a, b in spans):
                    out.append(
                        NameMention(
                            article_id=article_id,
                            span=span,
                            text=text[span[0] : span[1]],
                            label=label or "ORG",
                        )
                    )
    return out


def _defined_long_form(text: str, match: re.Match[str]) -> Span | None:
    """The span of the capitalised words right before an acronym's brackets whose initials
    spell it ("Fish Wildlife and Parks (FWP)"), or None."""
    acronym = match.group(1)
    words = text[max(0, match.start() - 120) : match.start()].rstrip(" ").split(" ")
    run: list[str] = []
    for word in reversed(words):
        if not _NAME_WORD.fullmatch(word) or len(run) >= len(acronym) + 3:
            break
        run.insert(0, word)
    while run and not run[0][:1].isupper():
        run.pop(0)
    for n in range(len(run), 1, -1):
        phrase = run[-n:]
        if phrase[0][:1].isupper() and initials_of(w.lower() for w in phrase).upper() == acronym:
            long_form = " ".join(phrase)
            end = text.rfind(long_form, 0, match.start()) + len(long_form)
            return end - len(long_form), end
    return None


def join_defined_pieces(
    mentions: Sequence[NameMention], texts: Mapping[str, str]
) -> list[NameMention]:
    """The pieces the model cut a name into ("[Fish Wildlife] and [Parks] (FWP)": an ORG and
    a PERSON; fresh23, session 9) joined into the one name whose initials the acronym in
    brackets after it spells, typed as the pieces' organisation (ORG when none is)."""
    by_article: dict[str, list[NameMention]] = defaultdict(list)
    for m in mentions:
        by_article[m.article_id].append(m)
    drop: set[tuple[str, Span]] = set()
    joined: list[NameMention] = []
    for article_id in sorted(by_article):
        text = texts[article_id]
        own = by_article[article_id]
        for match in _DEFINED.finditer(text) if "(" in text else ():
            span = _defined_long_form(text, match)
            if span is None:
                continue
            inside = [m for m in own if span[0] <= m.span[0] and m.span[1] <= span[1]]
            crossing = [
                m for m in own if m.span[0] < span[1] and span[0] < m.span[1] and m not in inside
            ]
            if len(inside) < 2 or crossing:
                continue
            labels = [m.label for m in inside if m.label not in {"PERSON", TENTATIVE}]
            drop.update((article_id, m.span) for m in inside)
            joined.append(
                NameMention(
                    article_id=article_id,
                    span=span,
                    text=text[span[0] : span[1]],
                    label=labels[0] if labels else "ORG",
                )
            )
    if not joined:
        return list(mentions)
    kept = [m for m in mentions if (m.article_id, m.span) not in drop]
    return sorted([*kept, *joined], key=lambda m: (m.article_id, m.span))


# Words that, right after a place name, make an institution of that place's government
# ("Baton Rouge Police", "Henry County Prosecutor’s Office"): the place is named too. Not
# "City", "County" or "Parish", which make another place ("Kansas City", "Washington County").
# Read on the tune stories of eval/data/entities_gold.jsonl (re-check: eval/entities.py).
_INSTITUTION_WORDS: Final = wordlist(
    """police sheriff sheriff's sheriff’s fire prosecutor prosecutor's prosecutor’s coroner
    coroner's coroner’s department dept. metropolitan metro municipal superior district circuit
    court council school schools board jail prison correctional detention mayor's mayor’s"""
)


_COMPASS: Final = frozenset(
    {"North", "South", "East", "West", "Northeast", "Northwest", "Southeast", "Southwest"}
)


def nested_places(
    mentions: Sequence[NameMention], story_of: Mapping[str, str | None] | None
) -> list[NameMention]:
    """The place that opens an institution's name ("Baton Rouge" in "Baton Rouge Police"), as a
    mention of its own, when the article or its story names that place on its own."""
    places: dict[str, set[str]] = defaultdict(set)  # article or story -> place surfaces
    for m in mentions:
        if m.label in PLACE_LABELS and not _institution(m.text):
            places[m.article_id].add(m.text)
            story = story_of.get(m.article_id) if story_of else None
            if story is not None:
                places["story:" + story].add(m.text)
    out: list[NameMention] = []
    for m in mentions:
        words = m.text.split(" ")
        compass = m.label in PLACE_LABELS and words[0] in _COMPASS
        if m.label in {"PERSON", TENTATIVE} or not (compass or _institution(m.text)):
            continue
        story = story_of.get(m.article_id) if story_of else None
        own = places.get(m.article_id, set())
        told = places.get(f"story:{story}", set())
        if m.label in PLACE_LABELS and len(words) >= 2 and words[0] in _COMPASS:
            # "South Stockton" is a part of Stockton, and names it.
            # Not a country, state or large city ("South Korea", "West Virginia", "South
            # America"): those are places of their own, or not parts of the rest.
            rest = " ".join(words[1:])
            big = m.text.lower() in gazetteer.GPE_NAMES or rest.lower() in gazetteer.GPE_NAMES
            if (rest in own or rest in told) and not big:
                start = m.span[1] - len(rest)
                out.append(
                    NameMention(
                        article_id=m.article_id, span=(start, m.span[1]), text=rest, label="GPE"
                    )
                )
            continue
        for n in range(min(3, len(words) - 1), 0, -1):
            head = " ".join(words[:n])
            if (head in own or head in told) and words[n].lower() in _INSTITUTION_WORDS:
                start = m.span[0]
                out.append(_piece(m, start, head, "GPE"))
                break
    return out


def _institution(text: str) -> bool:
    return any(w.lower() in _INSTITUTION_WORDS for w in text.split(" ")[1:])


def first_word_of_place(
    mentions: Sequence[NameMention], story_of: Mapping[str, str | None] | None
) -> list[NameMention]:
    """Mentions, with a lone word the model tagged PERSON retyped as the place or organisation
    its story names with it first ("Morningside" beside "Morningside Recovery"), when no person
    of the story has that word in their name. Read on fresh16 of eval/data/entities_gold.jsonl
    (session 6), where the model called the rehab centre's short name a person."""

    def scope(article_id: str) -> str:
        story = story_of.get(article_id) if story_of else None
        return f"s:{story}" if story is not None else f"a:{article_id}"

    heads: dict[tuple[str, str], Counter[str]] = defaultdict(Counter)
    personal: set[tuple[str, str]] = set()
    for m in mentions:
        words = [strip_possessive(w) for w in m.text.split()]
        if m.label == "PERSON" and len(words) >= 2:
            personal.update((scope(m.article_id), w) for w in words)
        elif len(words) >= 2 and m.label in {"ORG", "FAC", "GPE", "LOC"} and words[0][:1].isupper():
            heads[(scope(m.article_id), words[0])][m.label] += 1
    out: list[NameMention] = []
    for m in mentions:
        word = strip_possessive(m.text)
        key = (scope(m.article_id), word)
        if m.label != "PERSON" or " " in m.text or key not in heads or key in personal:
            out.append(m)
            continue
        votes = heads[key]
        label = min(votes, key=lambda lab: (-votes[lab], label_priority(lab), lab))
        out.append(_piece(m, m.span[0], m.text, label))
    return out


# A capitalised adjective opening a sentence, glued by the model to the surname after it
# ("Stunning Williams quickly achieved movie success"; audit 6, 4_ecbplus).
_OPENING_ADJECTIVE = re.compile(r"[A-Z][a-z]{3,}(?:ing|ly)")


def cut_opening_adjective(
    mentions: Sequence[NameMention], texts: Mapping[str, str]
) -> list[NameMention]:
    """A two-word person's name opening a sentence whose first word is an -ing or -ly word
    ("Stunning", "Fittingly") and whose surname the article gives another person named in
    full, cut to the surname: the adjective is no first name. Without that full name the
    mention is kept as the model gave it ("Sterling Williams" alone is a name)."""
    full_surnames: dict[str, set[tuple[str, str]]] = defaultdict(set)
    for m in mentions:
        words = m.text.split()
        if m.label == "PERSON" and len(words) >= 2:
            full_surnames[m.article_id].add((words[0], words[-1]))
    out: list[NameMention] = []
    for mention in mentions:
        words = mention.text.split(" ")
        if (
            mention.label == "PERSON"
            and len(words) == 2
            and _OPENING_ADJECTIVE.fullmatch(words[0])
            and _sentence_start(texts[mention.article_id], mention.span[0])
            and any(
                last == words[1] and first != words[0]
                for first, last in full_surnames[mention.article_id]
            )
        ):
            end = mention.span[1]
            mention = _piece(mention, end - len(words[1]), words[1], "PERSON")  # noqa: PLW2901
        out.append(mention)
    return out


# A capitalised word right before a name, and an age right before a title word ("10-month-old
# Justice Burroughs": a child's given name, no judge).
_WORD_BEFORE = re.compile(r"([A-Z][a-z]{2,}) $")
_AGE_BEFORE = re.compile(r"\d{1,3}[- ](?:year|month|week|day)s?[- ]old\s$")


def grow_cut_given_name(
    mentions: Sequence[NameMention], texts: Mapping[str, str]
) -> list[NameMention]:
    """A lone surname the model cut from the given name before it ("10-month-old Justice
    [Burroughs]", beside "Kristina Burroughs"; fresh23, session 9) grows to the full name of
    another person: the word before is capitalised, inside a sentence, in no mention, no
    function word, month, place or nationality, and a title only after an age; the surname is
    one a person of the article is named in full by, with another given name. Without the
    given name the lone surname would join that other person. A title word after an age is
    a given name, which linking must not fold as a title: `given_title` tells those apart."""
    full: dict[str, set[tuple[str, str]]] = defaultdict(set)
    covered: dict[str, list[Span]] = defaultdict(list)
    for m in mentions:
        covered[m.article_id].append(m.span)
        words = m.text.split()
        if m.label == "PERSON" and len(words) >= 2:
            full[m.article_id].add((words[0], strip_possessive(words[-1])))
    out: list[NameMention] = []
    for mention in mentions:
        text = texts[mention.article_id]
        start = mention.span[0]
        found = _WORD_BEFORE.search(text, max(0, start - 30), start)
        word = strip_possessive(mention.text)
        if (
            found is not None
            and " " not in mention.text
            and not mention.text.isupper()
            and any(last == word for _, last in full[mention.article_id])
            and all(first != found.group(1) for first, last in full[mention.article_id])
            and not _sentence_start(text, found.start(1))
            and not any(s <= found.start(1) < e for s, e in covered[mention.article_id])
            and found.group(1).lower() not in gazetteer.NOT_NAMES
            and found.group(1).lower() not in gazetteer.GPE_NAMES
            and found.group(1).lower() not in gazetteer.NORP_NAMES
            and (
                found.group(1).lower() not in TITLE_WORDS
                or _AGE_BEFORE.search(text, max(0, found.start(1) - 20), found.start(1))
            )
        ):
            span = (found.start(1), mention.span[1])
            mention = _piece(mention, span[0], text[span[0] : span[1]], "PERSON")  # noqa: PLW2901
        out.append(mention)
    return out


def given_title(mention: NameMention, text: str) -> bool:
    """Whether `mention` opens with a title word that an age before it makes a given name
    ("10-month-old Justice Burroughs"), so its tokens keep that word."""
    first = mention.text.split(" ", 1)[0]
    return (
        " " in mention.text
        and first.lower() in TITLE_WORDS
        and _AGE_BEFORE.search(text, max(0, mention.span[0] - 20), mention.span[0]) is not None
    )


_NEXT_NAME_WORD = re.compile(r" ([A-Z][a-z]+(?:-[A-Z][a-z]+)?)(?![\w'’-])")


def grow_cut_first_name(
    mentions: Sequence[NameMention], texts: Mapping[str, str]
) -> list[NameMention]:
    """A lone first name the model cut from its surname ("from [Chris] Byrd.") grows to the
    full name when the next capitalised word is one the article names alone elsewhere ("victory
    over Byrd", whatever the model typed it) and is no known place or nationality: the surname
    the article goes on to call the person by."""
    alone: dict[str, set[str]] = defaultdict(set)
    starts: dict[str, set[int]] = defaultdict(set)
    for m in mentions:
        starts[m.article_id].add(m.span[0])
        if " " not in m.text:
            alone[m.article_id].add(m.text)
    out: list[NameMention] = []
    for mention in mentions:
        text = texts[mention.article_id]
        found = _NEXT_NAME_WORD.match(text, mention.span[1])
        if (
            found is not None
            and mention.label == "PERSON"
            and " " not in mention.text
            and found.group(1) in alone[mention.article_id]
            and found.group(1) != mention.text
            and found.start(1) not in starts[mention.article_id]
            and found.group(1).lower() not in gazetteer.GPE_NAMES
            and found.group(1).lower() not in gazetteer.NORP_NAMES
        ):
            span = (mention.span[0], found.end(1))
            mention = _piece(mention, span[0], text[span[0] : span[1]], "PERSON")  # noqa: PLW2901
        out.append(mention)
    return out


def split_place_lead(
    mentions: list[NameMention],
    texts: Mapping[str, str],
    story_of: Mapping[str, str | None] | None = None,
) -> list[NameMention]:
    """An organisation's name written after the name of its town ("the Bloomington Sam's Club
    store"; fresh24, session 10) is two names when its article or story names the town alone
    and the story (or, without stories, the article) writes the rest alone as an organisation's or a
    facility's name ("Sam's Club"): the town, then the rest. Never a team's plural ("Detroit
    Red Wings" is the team's name), a rest of one word ("Boston Globe") nor a public body's
    ("Caldwell County Sheriff's Office" is the county's office)."""

    def scope(article_id: str) -> str:
        story = story_of.get(article_id) if story_of else None
        return f"s:{story}" if story is not None else f"a:{article_id}"

    places: dict[str, set[str]] = defaultdict(set)
    alone: dict[str, set[str]] = defaultdict(set)
    for m in mentions:
        if m.label in PLACE_LABELS:
            places[m.article_id].add(m.text)
            places[scope(m.article_id)].add(m.text)
        elif m.label in {"ORG", "FAC"}:
            alone[scope(m.article_id)].add(m.text)
    out: list[NameMention] = []
    for m in mentions:
        words = _word_spans(texts[m.article_id], m.span) if m.label in {"ORG", "FAC"} else []
        split = None
        for cut in (1, 2):
            if len(words) - cut < 2:
                break
            text = texts[m.article_id]
            lead = text[m.span[0] : words[cut - 1][1]]
            rest = text[words[cut][0] : m.span[1]]
            if (
                (lead in places[m.article_id] or lead in places[scope(m.article_id)])
                and rest in alone[scope(m.article_id)]
                and not plural_name(rest.split()[-1].lower())
                and not _public_body(rest)
                and lead.split()[-1].lower() not in _PUBLIC_WORDS
            ):
                split = (_piece(m, m.span[0], lead, "GPE"), _piece(m, words[cut][0], rest, m.label))
                break
        out.extend(split or (m,))
    return out


# Words of a public body's or an office's name: "Sheriff's Office", "Police Department".
_PUBLIC_WORDS: Final = (
    frozenset(w.lower() for w in gazetteer.ORG_HEADS)
    | TITLE_WORDS
    | wordlist(
        "county city town township parish state police fire sheriff district prosecutor"
        " coroner medical examiner public safety attorney general"
    )
)


def _public_body(rest: str) -> bool:
    """Whether every word of a name is a public body's or an office's word."""
    return all(
        strip_possessive(word).lower() in _PUBLIC_WORDS or word.lower() in _PUBLIC_WORDS
        for word in rest.split()
    )
