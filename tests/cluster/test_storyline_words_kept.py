"""Storyline links read each story's words once (issue 15, session 22): `link_storylines`
keeps every story's (stem, word) list and counts a link's shared stems from the two lists.

The oracle is `surface_words` as it was (every text read again for every link): the same
choice of written form for random texts and stems, and the same links for random stories.
"""

from __future__ import annotations

import random
from collections import Counter
from collections.abc import Sequence

import pytest

from newsweave.cluster.features import _WORD, _light_stem
from newsweave.cluster.storylines import _stemmed_words, _surface, surface_words


def _old_surface_words(stems: Sequence[str], texts: Sequence[str]) -> dict[str, str]:
    wanted = set(stems)
    counts: dict[str, Counter[str]] = {}
    for text in texts if wanted else ():
        for word in _WORD.findall(text):
            token = word.lower().replace("’", "'")
            token = token.removesuffix("'s")
            if len(token) >= 2 and (stem := _light_stem(token)) in wanted:
                counts.setdefault(stem, Counter())[token] += 1
    return {
        stem: min(seen.items(), key=lambda kv: (-kv[1], kv[0]))[0] for stem, seen in counts.items()
    }


_WORDS = [
    "Species",
    "species",
    "sentenced",
    "Sentencing",
    "endangered",
    "endangering",
    "Nichols",
    "nichol's",
    "Fire",
    "fires",
    "firing",
    "Police’s",
    "policed",
    "a",
    "I",
    "2013",
    "6.1",
    "arrests",
    "arrested",
    "ARREST",
    "studies",
    "study",
    "é",
    "Zoë",
    "zoës",
]


@pytest.mark.parametrize("seed", range(40))
def test_kept_words_choose_as_reading_the_texts_again(seed: int) -> None:
    rng = random.Random(seed)
    texts = [
        " ".join(rng.choice(_WORDS) for _ in range(rng.randrange(0, 30)))
        for _ in range(rng.randrange(1, 6))
    ]
    stems = sorted({_light_stem(w.lower()) for w in rng.sample(_WORDS, 6)} | {"absent"})
    expected = _old_surface_words(stems, texts)
    assert surface_words(stems, texts) == expected
    # A link's two stories read apart and joined: the same counts as their texts together.
    cut = rng.randrange(len(texts) + 1)
    joined = [*_stemmed_words(texts[:cut]), *_stemmed_words(texts[cut:])]
    assert _surface(stems, joined) == expected
    assert _surface([], joined) == {}


def _old_links(members, shapes, profiles, score, texts):  # type: ignore[no-untyped-def]
    """`storylines._links` as it was: every link read its two stories' texts again."""
    from newsweave.cluster.profiles import range_gap
    from newsweave.cluster.storylines import _shared
    from newsweave.model import StoryLink

    ordered = sorted(members, key=lambda m: profiles[m].founder_key)
    links = []
    for k, later in enumerate(ordered[1:], start=1):
        scored = [(score(profiles[e], profiles[later]), e) for e in ordered[:k]]
        best, earlier = max(scored, key=lambda se: (se[0], se[1]))
        a, b = shapes[earlier], shapes[later]
        gap = range_gap(a.first_day, a.last_day, b.first_day, b.last_day)
        stems = _shared(a.terms, b.terms)
        written = _old_surface_words(stems, [*texts(earlier), *texts(later)])
        words = [written.get(stem, stem) for stem in stems]
        links.append(
            StoryLink(
                story_ids=(earlier, later),
                shared=tuple(dict.fromkeys((*_shared(a.entities, b.entities), *words))),
                gap_days=gap,
                similarity=round(best, 4),
            )
        )
    return tuple(links)


@pytest.mark.parametrize("seed", range(20))
def test_links_of_a_line_are_those_of_reading_texts_per_link(seed: int) -> None:
    import numpy as np

    from newsweave.cluster.linkage import content_linkage
    from newsweave.cluster.storylines import _links, _story_profile, _StoryShape
    from newsweave.model import Story

    rng = random.Random(seed)
    n = rng.randrange(2, 7)  # lines of several stories: many links per line
    ids = [f"s{k}" for k in range(n)]
    texts = {
        i: [" ".join(rng.choice(_WORDS) for _ in range(rng.randrange(5, 25))) for _ in range(2)]
        for i in ids
    }
    stems = sorted({_light_stem(w.lower()) for w in _WORDS if len(w) > 1})
    shapes = {
        i: _StoryShape(
            np.asarray([rng.random() for _ in range(3)]),
            {e: rng.random() for e in rng.sample(["reid", "la", "fbi", "nyc"], 2)},
            730000 + k,
            730000 + k + rng.randrange(3),
            {t: rng.random() for t in rng.sample(stems, 6)},
        )
        for k, i in enumerate(ids)
    }
    profiles = {i: _story_profile(Story(id=i, title=i, article_ids=(i,)), shapes[i]) for i in ids}

    def score(a, b):  # type: ignore[no-untyped-def]
        return content_linkage(a, b, embed=0.4, terms=0.0, entities=0.6)

    def story_words(i: str) -> list[tuple[str, str]]:
        return _stemmed_words(texts[i])

    assert _links(ids, shapes, profiles, score, story_words) == _old_links(
        ids, shapes, profiles, score, texts.__getitem__
    )
