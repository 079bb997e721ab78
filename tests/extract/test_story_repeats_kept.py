"""A story's repeats kept per story (`story-repeats`, issue 15): `with_repeats` given each
unit's repeats gives what its one pass over the corpus gives (the oracle), and through a
product cache over a store a later run finds again only the units whose articles or
mentions changed."""

from __future__ import annotations

import dataclasses
import json
import random
from pathlib import Path

import pytest

from newsweave.executors import LocalExecutor
from newsweave.extract import entities
from newsweave.extract.entities import (
    EntityConfig,
    _kept_repeats,
    extract_entities,
    link_mentions,
)
from newsweave.extract.mention_repair import (
    UnitArticle,
    UnitRepeats,
    repeat_units,
    unit_repeats,
    with_repeats,
    word_spans,
)
from newsweave.extract.mentions import NameMention, rules_mentions
from newsweave.products import CachingExecutor, ProductCache
from newsweave.store import Store
from newsweave.store.products import ProductStore
from tests.conftest import shared_path
from tests.extract.helpers import plain_article
from tests.extract.test_repeats_linear import _corpus


def _each_unit(units: dict[str, list[UnitArticle]]) -> dict[str, UnitRepeats]:
    return {unit: unit_repeats(unit, articles) for unit, articles in units.items()}


@pytest.mark.parametrize("seed", range(150))
def test_repeats_found_unit_by_unit_are_the_one_pass(seed: int) -> None:
    rng = random.Random(seed)
    mentions, texts, story_of = _corpus(rng)
    spans = {a: word_spans(t) for a, t in texts.items() if rng.random() < 0.5}
    # A name of an article whose text is not given still counts for its story's names.
    mentions.append(NameMention(article_id="zz", span=(0, 9), text="Chalmette", label="GPE"))
    story_of["zz"] = rng.choice([None, "s1"])
    for stories in (story_of, None):
        for spans_of in (spans, None):
            one_pass = with_repeats(mentions, texts, stories, spans_of)
            assert with_repeats(mentions, texts, stories, spans_of, kept_units=_each_unit) == (
                one_pass
            )


def test_units_are_stories_and_lone_articles() -> None:
    mentions, texts, _ = _corpus(random.Random(3))
    story_of: dict[str, str | None] = {a: ("s1" if i % 2 else None) for i, a in enumerate(texts)}
    units = repeat_units(mentions, texts, story_of)
    assert sorted(a for a, _, _, _ in units["s:s1"]) == sorted(a for a in texts if story_of[a])
    assert all(len(units[f"a:{a}"]) == 1 for a in texts if story_of[a] is None)


def _ecb_slice(topics: tuple[str, ...]) -> dict[str, str]:
    path = shared_path("eval", "ecbplus", "articles.jsonl")
    texts: dict[str, str] = {}
    with path.open(encoding="utf-8") as handle:
        for line in handle:
            row = json.loads(line)
            if row["id"].split("_", 1)[0] in topics:
                texts[row["id"]] = row["text"]
    return texts


def _counted(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    calls: list[str] = []

    def counting(unit: str, articles: list[UnitArticle]) -> UnitRepeats:
        calls.append(unit)
        return unit_repeats(unit, articles)

    monkeypatch.setattr(entities, "unit_repeats", counting)
    return calls


def test_a_later_run_finds_again_only_the_changed_stories(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    texts = _ecb_slice(("1", "3", "12"))
    assert len(texts) > 10
    mentions = [m for a in sorted(texts) for m in rules_mentions(a, texts[a])]
    story_of: dict[str, str | None] = {a: a.split("_", 1)[0] for a in texts}
    calls = _counted(monkeypatch)

    def linked(cache: ProductCache, mentions: list[NameMention], texts: dict[str, str]) -> object:
        kept = _kept_repeats(cache)
        out = link_mentions(list(mentions), texts, story_of=story_of, kept_repeats=kept)
        cache.flush()
        return out

    with Store(tmp_path / "s.db") as store:
        first = linked(ProductCache(backing=ProductStore(store)), mentions, texts)
    assert first == link_mentions(list(mentions), texts, story_of=story_of)
    assert sorted(calls) == ["s:1", "s:12", "s:3"]

    # The same inputs: every story's repeats are the store's.
    calls.clear()
    with Store(tmp_path / "s.db") as store:
        again = linked(ProductCache(backing=ProductStore(store)), mentions, texts)
    assert again == first
    assert calls == []

    # One article of story 3 gains a sentence naming a person of story 12; a mention of story
    # 12 changes its label: those two stories are found again, and the result is the one pass.
    changed = next(a for a in sorted(texts) if a.startswith("3_"))
    texts = {**texts, changed: texts[changed] + "\n\nJohn Smith said so."}
    other = next(i for i, m in enumerate(mentions) if m.article_id.startswith("12_"))
    mentions = [
        dataclasses.replace(m, label="ORG" if m.label != "ORG" else "GPE") if i == other else m
        for i, m in enumerate(mentions)
    ]
    mentions += rules_mentions(changed, texts[changed])[-1:]
    mentions.sort(key=lambda m: (m.article_id, m.span))
    calls.clear()
    with Store(tmp_path / "s.db") as store:
        third = linked(ProductCache(backing=ProductStore(store)), mentions, texts)
    assert third == link_mentions(list(mentions), texts, story_of=story_of)
    assert sorted(calls) == ["s:12", "s:3"]


def test_extract_entities_through_a_caching_executor_keeps_each_story(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    texts = _ecb_slice(("1", "3"))
    articles = [plain_article(t, a) for a, t in sorted(texts.items())]
    story_of: dict[str, str | None] = {a: a.split("_", 1)[0] for a in texts}
    config = EntityConfig(use_model=False)
    calls = _counted(monkeypatch)
    engine = CachingExecutor(LocalExecutor(workers=1))
    plain = extract_entities(articles, config=config, story_of=story_of)
    assert calls == []  # no product cache: one pass, no units
    kept = extract_entities(articles, executor=engine, config=config, story_of=story_of)
    assert kept == plain
    assert sorted(calls) == ["s:1", "s:3"]
    calls.clear()
    assert extract_entities(articles, executor=engine, config=config, story_of=story_of) == plain
    assert calls == []
