"""`with_repeats` made linear in the story (issue 15) gives what the earlier code gave.

The reference below is the earlier loop, kept as the oracle: every name of the story copied
and relabelled for each of its articles (work growing with the square of the story).
"""

from __future__ import annotations

import bisect
import random
from collections import Counter, defaultdict
from collections.abc import Mapping

import pytest

from newsweave.extract import gazetteer
from newsweave.extract.aliases import bare_name, name_tokens, strip_possessive
from newsweave.extract.entity_records import label_priority, place_evidence
from newsweave.extract.mention_repair import (
    _PERSON_VERB_AFTER,
    _PLACE_OR_GROUP,
    _PLATFORMS,
    _SHORTS_OF,
    _TOWN_OF,
    _WORD_TOKEN,
    _continues_name,
    _force_name,
    _repeat_at,
    _sentence_start,
    _story_acronym,
    with_repeats,
)
from newsweave.extract.mentions import MAX_NAME_WORDS, TENTATIVE, NameMention
from newsweave.extract.name_linking import PLACE_LABELS
from newsweave.extract.person_linking import (
    person_cue,
    person_key,
    surname_acts_alone,
    title_before,
)
from newsweave.model import Span


def _old_with_repeats(
    mentions: list[NameMention],
    texts: dict[str, str],
    story_of: Mapping[str, str | None] | None = None,
) -> list[NameMention]:
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
    out = list(mentions)
    dropped: set[tuple[str, Span]] = set()
    for article_id in sorted(texts):
        found = by_article.get(article_id, [])
        text = texts[article_id]
        labels = defaultdict(Counter, own.get(article_id, {}))
        story = story_of.get(article_id) if story_of else None
        for surface, votes in story_names.get(story or "", []):
            if surface not in labels:
                labels[surface] = Counter(votes)
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
                firsts[words[0]].add(person_key(tokens))
                people[strip_possessive(words[-1])].add(person_key(tokens))
        for last, keys in people.items():
            common = last in gazetteer.NOT_NAMES or last.lower() in gazetteer.NOT_NAMES
            if keys and last[:1].isupper() and len(last) > 2 and not common:
                labels[last]["PERSON"] += 1
        first_only: set[tuple[str, ...]] = set()
        for first, keys in firsts.items():
            common = first in gazetteer.NOT_NAMES or first.lower() in gazetteer.NOT_NAMES
            fits = first.isalpha() and first[:1].isupper() and not first.isupper()
            if len(keys) == 1 and fits and len(first) > 3 and not common and first not in people:
                if first not in labels:
                    first_only.add((first,))
                labels[first]["PERSON"] += 1
                for short in _SHORTS_OF.get(first.lower(), ()):
                    nickname = short.capitalize()
                    if nickname not in labels and nickname not in people:
                        first_only.add((nickname,))
                        labels[nickname]["PERSON"] += 1
        for surface in _PLATFORMS:
            labels.setdefault(surface, Counter({"ORG": 1}))
        wanted: dict[tuple[str, ...], str] = {}
        for surface, votes in list(labels.items()):
            if surface.endswith(" High School") and "PERSON" not in votes:
                labels.setdefault(surface[: -len(" School")], Counter(votes))
            town = _TOWN_OF.match(surface)
            if town is not None and "PERSON" not in votes:
                labels.setdefault(surface[town.end() :], Counter(votes))
        for surface, votes in labels.items():
            label = min(votes, key=lambda lab: (-votes[lab], label_priority(lab), lab))
            parts = tuple(surface.split(" "))
            if len(parts) <= MAX_NAME_WORDS:
                wanted.setdefault(parts, label)
                upper = tuple(w.upper() for w in parts)
                places = [lab for lab in votes if lab not in {"PERSON", TENTATIVE}]
                if places and len(surface) >= 4 and upper != parts:
                    place = min(places, key=lambda lab: (-votes[lab], label_priority(lab), lab))
                    wanted.setdefault(upper, place)
        if not wanted:
            continue
        longest = max(len(w) for w in wanted)
        taken = sorted(m.span for m in found)
        starts = [span[0] for span in taken]
        spans_at = [(m.group(0), m.start(), m.end()) for m in _WORD_TOKEN.finditer(text)]
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
            inside = all(start <= s2 and e2 <= end and (s2, e2) != (start, end) for s2, e2 in near)
            clash = bool(near) and not (inside and n >= 2)
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
                out.append(
                    NameMention(
                        article_id=article_id, span=(start, end), text=text[start:end], label=label
                    )
                )
            i += n
    return [m for m in out if (m.article_id, m.span) not in dropped]


# Names and words the random corpora are made of: people (with nicknames: Walter -> Wally),
# places in capitals and as written, a school, a town, platforms, possessives, common words.
_NAMES = [
    "Walter Meisenheimer",
    "Thomas Meisenheimer",
    "Wally",
    "Meisenheimer",
    "Sheila Rawlins",
    "Rawlins",
    "Kokomo",
    "KOKOMO",
    "Chalmette",
    "Bladensburg High School",
    "Bladensburg High",
    "Town of Wallkill",
    "Wallkill",
    "WALLKILL",
    "Facebook",
    "Troy Police",
    "Gerry Scherlinck",
    "Hawaiian Gardens",
    "Hawaiian",
    "Gardens",
    "NBA",
    "Hope",
    "Briar Newsome",
    "Briar",
    "Jamal Williams",
    "Williams",
    "Kokomo's",
]
_WORDS = ["said", "the", "in", "of", "Lt.", "police", "He", "was", "told", "and", "NT"]
_SEPARATORS = [" ", " ", " ", ", ", ". ", "\n", " - ", ' "', "'s "]
_LABELS = ["PERSON", "PERSON", "GPE", "ORG", "LOC", "FAC", "NORP", TENTATIVE]


def _corpus(rng: random.Random) -> tuple[list[NameMention], dict[str, str], dict[str, str | None]]:
    texts: dict[str, str] = {}
    mentions: list[NameMention] = []
    for a in range(rng.randint(1, 14)):
        article_id = f"a{a:02d}"
        pieces: list[str] = []
        spans: list[tuple[int, int]] = []
        at = 0
        for _ in range(rng.randint(3, 40)):
            word = rng.choice(_NAMES) if rng.random() < 0.6 else rng.choice(_WORDS)
            if word in _NAMES and rng.random() < 0.5:
                spans.append((at, at + len(word)))
            sep = rng.choice(_SEPARATORS)
            pieces.append(word + sep)
            at += len(word) + len(sep)
        text = "".join(pieces)
        texts[article_id] = text
        for start, end in spans:
            mentions.append(
                NameMention(
                    article_id=article_id,
                    span=(start, end),
                    text=text[start:end],
                    label=rng.choice(_LABELS),
                )
            )
    story_of = {a: rng.choice([None, "s1", "s2", "s3"]) for a in texts}
    return sorted(mentions, key=lambda m: (m.article_id, m.span)), texts, story_of


@pytest.mark.parametrize("seed", range(150))
def test_with_repeats_gives_what_copying_every_story_name_gave(seed):
    rng = random.Random(seed)
    mentions, texts, story_of = _corpus(rng)
    for stories in (story_of, None):
        assert with_repeats(mentions, texts, stories) == _old_with_repeats(mentions, texts, stories)
