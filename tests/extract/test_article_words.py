"""What linking reads of one text alone is kept per article (`article-words`, issue 15): the
spans of `with_repeats`' words and the text's lower-case words. Linking given them must give
what it gives reading the texts itself; the old reading is kept here as the oracle."""

from __future__ import annotations

import dataclasses
import json
import random
import re

from newsweave.extract.entities import (
    _LOWER_WORD,
    _words_partition,
    link_mentions,
    missed_names,
    word_rules,
)
from newsweave.extract.mention_repair import _WORD_TOKEN, _words_at, with_repeats
from newsweave.extract.mentions import rules_mentions
from newsweave.extract.name_linking import _LOWER_WORD as _SHORT_FORM_LOWER
from newsweave.extract.stage import MentionsStage
from newsweave.model import Article, Story
from newsweave.pipeline import Corpus
from newsweave.products import PRODUCTS, CachingExecutor
from tests.conftest import shared_path
from tests.extract.helpers import plain_article
from tests.extract.test_per_article_pool import _Recording, _stage

TOPICS = ("1", "3", "12", "36")
_PIECES = (
    "Mr. O'Neil",
    "O’Brien's",
    "11th Street",
    "3rd",
    "21st-century",
    "well-known",
    "Jean-Luc",
    "the",
    "The",
    "police",
    "Zoë",
    "İstanbul",
    "x2",
    "_under_",
    "don't",
    "rock’n’roll",
    "KOKOMO, Ind.",
    "Smith",
    "—",
    "-",
    "(AP)",
    "\n",
    "\xa0",
    "42",
    "1990s",
    "ß",
)


def _random_text(rng: random.Random) -> str:
    return "".join(
        rng.choice(_PIECES) + rng.choice((" ", "", ", ", ". ", "\n", "-", "'"))
        for _ in range(rng.randint(0, 40))
    )


def _old_tokens(text: str) -> list[tuple[str, int, int]]:
    """`with_repeats`' tokens as it read them before `article-words` (the oracle)."""
    return [(m.group(0), m.start(), m.end()) for m in _WORD_TOKEN.finditer(text)]


def test_kept_words_are_the_words_read_from_the_text() -> None:
    rng = random.Random(17)
    texts = [_random_text(rng) for _ in range(2000)]
    kept = _words_partition([(str(n), t) for n, t in enumerate(texts)], rules=word_rules())
    for text, (spans, lower, short_lower) in zip(texts, kept, strict=True):
        assert _words_at(text, spans) == _old_tokens(text)
        assert _words_at(text, None) == _old_tokens(text)
        assert set(lower.split()) == set(_LOWER_WORD.findall(text))
        assert set(short_lower.split()) == set(_SHORT_FORM_LOWER.findall(text))
    assert sum(len(spans) for spans, _, _ in kept) > 10_000


def _corpus() -> tuple[dict[str, str], dict[str, str | None]]:
    texts: dict[str, str] = {}
    story_of: dict[str, str | None] = {}
    path = shared_path("eval", "ecbplus", "articles.jsonl")
    for line in path.read_text(encoding="utf-8").splitlines():
        row = json.loads(line)
        topic = row["id"].split("_", 1)[0]
        if topic in TOPICS:
            texts[row["id"]] = row["text"]
            story_of[row["id"]] = f"s{topic}"
    return texts, story_of


def test_linking_with_kept_words_is_linking_reading_the_texts() -> None:
    texts, story_of = _corpus()
    assert len(texts) > 40
    ids = sorted(texts)
    mentions = [m for a in ids for m in rules_mentions(a, texts[a])]
    missed = missed_names(mentions, texts)
    kept = dict(zip(ids, _words_partition([(a, texts[a]) for a in ids]), strict=True))
    # Some articles without kept words (read from their texts), as a caller may pass.
    partial = {a: w for n, (a, w) in enumerate(kept.items()) if n % 4}
    for stories in (story_of, None):
        old = link_mentions(mentions, texts, story_of=stories, missed=missed)
        assert len(old) > 200
        for words in (kept, partial):
            new = link_mentions(
                mentions, texts, story_of=stories, missed=missed, article_words=words
            )
            assert new == old
        spans = {a: w[0] for a, w in kept.items()}
        assert with_repeats(mentions, texts, stories, spans_of=spans) == with_repeats(
            mentions, texts, stories
        )


def test_kept_words_that_differ_change_linking() -> None:
    # The oracle comparison above can see a wrong product: spans one character short lose
    # repeats, and a lower-case word missing from every text changes an entity's type or name.
    texts, story_of = _corpus()
    ids = sorted(texts)
    mentions = [m for a in ids for m in rules_mentions(a, texts[a])]
    kept = dict(zip(ids, _words_partition([(a, texts[a]) for a in ids]), strict=True))
    short = {a: (spans - [0, 1], low, s) for a, (spans, low, s) in kept.items()}
    old = link_mentions(mentions, texts, story_of=story_of, missed=[])
    assert link_mentions(mentions, texts, story_of=story_of, missed=[], article_words=short) != old


def _articles() -> Corpus:
    texts, story_of = _corpus()
    articles = tuple(
        dataclasses.replace(plain_article(text), id=a, source=a) for a, text in texts.items()
    )
    groups: dict[str, list[str]] = {}
    for a, story in story_of.items():
        groups.setdefault(str(story), []).append(a)
    return Corpus(
        articles=articles,
        stories=tuple(Story(id=s, title=s, article_ids=tuple(ids)) for s, ids in groups.items()),
    )


def test_article_words_are_a_per_article_product_of_the_stage() -> None:
    assert PRODUCTS[("newsweave.extract.entities", "_words_partition")][0] == "article-words"
    corpus = _articles()
    recording = _Recording()
    caching = CachingExecutor(recording)
    first = _stage().run(corpus, caching)
    assert ("newsweave.extract.entities", "_words_partition") in recording.mapped
    # A second run finds every article's words kept, and links the same entities.
    before = caching.cache.hits
    again = _stage().run(corpus, caching)
    assert caching.cache.hits - before >= 3 * len(corpus.articles)
    assert again.entities == first.entities
    # The stage without a product cache (the words read from the texts) links the same.
    plain = MentionsStage(config=_stage().config).run(corpus, _Recording())
    assert plain.entities == first.entities
    assert re.fullmatch(r"[^\n]+\n[^\n]+\n[^\n]+", word_rules())
    assert isinstance(corpus.articles[0], Article)


def test_each_lower_word_table_decides_somewhere() -> None:
    # Kept lower-case words that were wrong would change linking: the common word "brook"
    # keeps a lone "Brook" from being a person, and "morningside" written in lower case in the
    # story keeps "Morningside" from joining "Morningside Recovery".
    from tests.extract.helpers import name_mention

    def linked(texts: dict[str, str], mentions: list, words: dict | None) -> set:
        found = link_mentions(
            mentions, texts, story_of=dict.fromkeys(texts, "s"), missed=[], article_words=words
        )
        return {(e.name, e.type, len(e.mentions)) for e in found}

    cases = [
        (
            {"a": "Officials said Brook told reporters that the plan was final.", "b": ""},
            [("a", "Brook", "PERSON")],
            1,
        ),
        (
            {
                "a1": "She was settling in at Morningside Recovery, a treatment facility.",
                "a2": "She showed up to Morningside at noon and left.",
                "a3": "",
            },
            [("a1", "Morningside Recovery", "FAC"), ("a2", "Morningside", "FAC")],
            2,
        ),
    ]
    lower = {1: "The brook behind the school flooded.", 2: "They walked to the morningside."}
    for texts, names, field in cases:
        mentions = [name_mention(a, texts[a], s, label) for a, s, label in names]
        last = sorted(texts)[-1]
        texts[last] = lower[field]
        ids = sorted(texts)
        kept = dict(zip(ids, _words_partition([(a, texts[a]) for a in ids]), strict=True))
        emptied = {
            a: tuple("" if n == field else part for n, part in enumerate(w))
            for a, w in kept.items()
        }
        old = linked(texts, mentions, None)
        assert linked(texts, mentions, kept) == old
        assert linked(texts, mentions, emptied) != old
