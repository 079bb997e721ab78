"""Short-form linking's story-wide checks read each scope's texts (issue 15, session 16): the
same answers as the earlier scans of the whole corpus for each name, kept here as the oracles.
"""

from __future__ import annotations

import random
import re
from collections import defaultdict

import pytest

from newsweave.extract.mentions import NameMention
from newsweave.extract.name_linking import (
    _clipped_team,
    _modifies_other_noun,
    _ScopeTexts,
    _town_use,
)


def _town_use_scan(mention, texts, scope):
    where = scope(mention.article_id)
    written = re.compile(r"\b[Ii]n " + re.escape(mention.text) + r"\b(?! [A-Z])")
    return any(
        written.search(text) for article_id, text in texts.items() if scope(article_id) == where
    )


def _modifies_scan(mention, texts, scope, tail, joining):
    where = scope(mention.article_id)
    written = re.compile(re.escape(mention.text) + r" ([a-z][a-z'’-]*)")
    for article_id, text in texts.items():
        if scope(article_id) != where:
            continue
        for found in written.finditer(text):
            if found.group(1) not in tail and found.group(1) not in joining:
                return True
    return False


def _clipped_scan(lone, where, by_plural):
    stem = lone[:-1]
    if len(stem) < 3 or not lone.endswith("s"):
        return set()
    return {
        key
        for (scope, last), keys in by_plural.items()
        if scope == where and len(last) > len(lone) and last.startswith(stem)
        for key in keys
    }


_PIECES = [
    "in Rosamond",
    "In Rosamond Boulevard",
    "Rosamond police",
    "Rosamond and",
    "Burbank Fire",
    "Burbank fire",
    "the Carlton hotel",
    "Carlton Intercontinental",
    "in Burbank",
    "said",
    "Jags",
    ".",
]


@pytest.mark.parametrize("seed", range(60))
def test_scope_checks_answer_as_the_corpus_scans(seed):
    from newsweave.extract.name_linking import _JOINING_WORDS

    rng = random.Random(seed)
    articles = [f"a{i}" for i in range(rng.randint(1, 12))]
    texts = {a: " ".join(rng.choices(_PIECES, k=rng.randint(0, 8))) for a in articles}
    stories = [None, "s1", "s2"]
    story_of = {a: rng.choice(stories) for a in articles}

    def scope(article_id):
        story = story_of.get(article_id)
        return f"s:{story}" if story is not None else f"a:{article_id}"

    scoped = _ScopeTexts(texts, scope)
    for article in articles:
        for name in ("Rosamond", "Burbank", "Carlton"):
            mention = NameMention(article_id=article, span=(0, len(name)), text=name, label="GPE")
            assert _town_use(mention, scoped) == _town_use_scan(mention, texts, scope)
            for tail in (["fire"], ["hotel"], [], ["police", "fire"]):
                assert _modifies_other_noun(mention, scoped, tail) == _modifies_scan(
                    mention, texts, scope, tail, _JOINING_WORDS
                )


@pytest.mark.parametrize("seed", range(60))
def test_clipped_team_reads_its_scope_as_the_scan_of_every_scope(seed):
    rng = random.Random(seed)
    lasts = ["jaguars", "jags", "buccaneers", "bucs", "colts", "jaguarss", "bucks"]
    by_plural: dict[tuple[str, str], set[str]] = defaultdict(set)
    for _ in range(rng.randint(0, 15)):
        where = rng.choice(["s:1", "s:2", "a:x"])
        last = rng.choice(lasts)
        by_plural[(where, last)].add(f"N:team {rng.randint(0, 4)} {last}")
    plurals_of: dict[str, list[tuple[str, set[str]]]] = defaultdict(list)
    for (where, last), keys in by_plural.items():
        plurals_of[where].append((last, keys))
    for where in ("s:1", "s:2", "a:x", "s:3"):
        for lone in ("jags", "bucs", "jag", "colts", "jaguars"):
            assert _clipped_team(lone, plurals_of.get(where, [])) == _clipped_scan(
                lone, where, by_plural
            )
