"""Linking's corpus-wide look-ups made linear (issue 15) give what the quadratic trials gave.

The reference below is the earlier code's loop, kept here as the oracle: every role of the
corpus tried in every article.
"""

from __future__ import annotations

import random
from collections import defaultdict

import pytest

from newsweave.extract.person_linking import _role_holders_by_article, corpus_evidence


def _trial(texts, roles, corpus, named, full, story_of, min_articles):  # noqa: PLR0917
    out: dict[str, dict[str, str]] = {}
    for article_id in sorted(texts):
        for role in sorted(corpus):
            local = roles.get((article_id, role), set())
            if len(local) == 1:
                holder = next(iter(local))
            elif not local and (" " in role or "-" in role) and len(corpus[role]) == 1:
                holder = next(iter(corpus[role]))
                if article_id not in named[holder] and not corpus_evidence(
                    article_id, full[holder], story_of, min_articles
                ):
                    continue
            else:
                continue
            out.setdefault(article_id, {})[role] = holder
    return out


@pytest.mark.parametrize("seed", range(40))
@pytest.mark.parametrize("with_stories", [True, False])
def test_role_holders_are_those_of_trying_every_role_in_every_article(seed, with_stories):
    rng = random.Random(seed)
    articles = [f"a{i}" for i in range(rng.randint(1, 25))]
    texts = dict.fromkeys(articles, "")
    people = [f"p{i}" for i in range(rng.randint(1, 6))]
    role_words = ["president", "russian president", "chief-of-staff", "coach", "head coach"]
    roles: dict[tuple[str, str], set[str]] = {}
    # Articles outside `texts` hold roles and names too, as other callers' inputs may.
    for _ in range(rng.randint(0, 40)):
        article = rng.choice([*articles, "elsewhere"])
        roles[article, rng.choice(role_words)] = set(
            rng.sample(people, min(len(people), rng.randint(0, 2)))
        )
    corpus: dict[str, set[str]] = defaultdict(set)
    for (_, role), holders in roles.items():
        corpus[role] |= holders
    named: dict[str, set[str]] = defaultdict(set)
    full: dict[str, set[str]] = defaultdict(set)
    for person in people:
        named[person] = set(
            rng.sample([*articles, "elsewhere"], min(len(articles) + 1, rng.randint(0, 3)))
        )
        full[person] = {a for a in named[person] if rng.random() < 0.6}
    stories = [None, "s1", "s2", "s3"]
    story_of = {a: rng.choice(stories) for a in [*articles, "elsewhere"]} if with_stories else None
    min_articles = rng.randint(1, 3)
    args = (texts, roles, corpus, named, full, story_of, min_articles)
    expected = _trial(*args)
    got = _role_holders_by_article(*args)
    assert {a: h for a, h in got.items() if h} == expected
