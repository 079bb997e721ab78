"""A story's brief is keyed on a stand-in for its inputs (`brief._brief_key_items`, issue 15):
its articles by their `claim-vectors` keys and its claims and conflicts by the key of the
`story-claims` product that gave them, so an untouched story's brief costs a lookup.

The old key (the group itself, every article's text and every claim canonicalised) is the
oracle for sensitivity: every change of an input that moves the old key moves the new one, with
the claims stage's keys at hand or not; and a run that finds every story's brief canonicalises
no article and no claim."""

from __future__ import annotations

import dataclasses
import functools
from collections.abc import Iterator

import pytest

from newsweave import products
from newsweave.align.claims import (
    STORY_CLAIMS_KIND,
    ClaimConfig,
    _align_story,
    embed_article_claims,
)
from newsweave.align.stage import ClaimsStage
from newsweave.brief import (
    BriefConfig,
    BriefStage,
    _brief_key_items,
    _brief_of_story,
    _story_inputs,
)
from newsweave.model import (
    Article,
    Claim,
    Conflict,
    ConflictValue,
    CopyLink,
    DateMention,
    Removal,
    Story,
    TimelineEntry,
)
from newsweave.pipeline import Corpus, Stage
from newsweave.products import (
    CachingExecutor,
    ProductCache,
    model_signature,
    product_key,
    product_of,
)
from tests.align.recording import RecordingExecutor
from tests.align.seed_articles import seed_article
from tests.align.test_claims_story_index import _Shelf
from tests.report.sample import article, evidence

# --- the inputs of one story, and every way to change one of them -----------------------------


def _inputs() -> tuple[
    Story, list[Claim], list[Conflict], list[TimelineEntry], dict[str, Article], dict[str, str]
]:
    a = article(
        "a-1",
        "Biden defeated Trump 306-232 on Monday.\n\nPutin said he was ready.",
        removed=(Removal(text="Leave A Reply", reason="comment-form"),),
        dates=(DateMention(text="Monday", span=(32, 38), value="2020-12-14", precision="day"),),
        origin="wire",
    )
    b = article(
        "a-2",
        "The Electoral College cast 302 electoral votes for Biden on Monday.",
        outlet="Sputnik",
        copy_of=CopyLink(article_id="a-1", kind="rewritten", similarity=0.8),
    )
    outside = article("a-3", "Biden won the vote, another story said.")
    story = Story(
        id="s-1",
        title="Biden wins",
        article_ids=("a-1", "a-2"),
        storyline_id="l-1",
        start="2020-12-14",
        end="2020-12-15",
    )
    claims = [
        Claim(
            id="c-1",
            story_id="s-1",
            text="Biden defeated Trump 306-232 on Monday.",
            status="corroborated",
            support=(evidence(a, "Biden defeated Trump 306-232 on Monday."), evidence(b, "302")),
            independent_sources=2,
        ),
        Claim(
            id="c-2",
            story_id="s-1",
            text="Biden won the vote.",
            status="single-source",
            # Evidence in an article outside the story: the brief reads that article too.
            support=(evidence(outside, "Biden won the vote"),),
        ),
    ]
    conflicts = [
        Conflict(
            id="x-1",
            story_id="s-1",
            topic="electoral votes",
            values=(
                ConflictValue(value="306", evidence=(evidence(a, "306"),)),
                ConflictValue(value="302", evidence=(evidence(b, "302"),)),
            ),
            basis="figure",
        )
    ]
    timeline = [
        TimelineEntry(
            date="2020-12-14",
            precision="day",
            text="Biden defeated Trump.",
            evidence=(evidence(a, "Biden defeated Trump"),),
            story_id="s-1",
            reported=("a-1",),
        )
    ]
    articles = {x.id: x for x in (a, b, outside)}
    voices = {"a-1": "a-1", "a-2": "a-1", "a-3": "a-3"}
    return story, claims, conflicts, timeline, articles, voices


def _changed(value: object) -> Iterator[object]:
    """`value` changed in each of its parts, one at a time (parts left alone stay the same
    objects, so a changed claim leaves its story's other claims as they were)."""
    if isinstance(value, str):
        yield value + " x"
    elif isinstance(value, bool):
        yield not value
    elif isinstance(value, int | float):
        yield value + 1
    elif value is None:
        yield "x"
    elif dataclasses.is_dataclass(value) and not isinstance(value, type):
        for f in dataclasses.fields(value):
            for other in _changed(getattr(value, f.name)):
                yield dataclasses.replace(value, **{f.name: other})  # type: ignore[arg-type]
    elif isinstance(value, tuple | list):
        kind = type(value)
        for i, item in enumerate(value):
            for other in _changed(item):
                yield kind([*value[:i], other, *value[i + 1 :]])
        if value:
            yield kind(value[:-1])
            yield kind([*value, value[-1]])
    elif isinstance(value, dict):
        for k, item in value.items():
            for other in _changed(item):
                yield {**value, k: other}
            yield {x: y for x, y in value.items() if x != k}
    else:
        raise AssertionError(f"no change for {type(value).__name__}")


_Inputs = tuple[object, ...]


def _every_change(inputs: _Inputs) -> Iterator[tuple[str, _Inputs]]:
    names = ("story", "claims", "conflicts", "timeline", "articles", "voices")
    for i, name in enumerate(names):
        for other in _changed(inputs[i]):
            yield name, (*inputs[:i], other, *inputs[i + 1 :])


def _group(inputs: _Inputs) -> dict[str, list[object]]:
    story, claims, conflicts, timeline, articles, voices = inputs
    return {
        story.id: _story_inputs(  # type: ignore[attr-defined]
            story,  # type: ignore[arg-type]
            claims,  # type: ignore[arg-type]
            conflicts,  # type: ignore[arg-type]
            timeline,  # type: ignore[arg-type]
            articles=articles,  # type: ignore[arg-type]
            voices=voices,  # type: ignore[arg-type]
        )
    }


def _task(
    config: BriefConfig | None = None, claim_config: ClaimConfig | None = None
) -> functools.partial[object]:
    return functools.partial(
        _brief_of_story,
        config=config or BriefConfig(),
        claim_config=claim_config or ClaimConfig(),
    )


def _old_key(inputs: _Inputs, task: functools.partial[object] | None = None) -> bytes:
    """The brief's key before: the story's group itself."""
    product = product_of(task or _task())
    assert product is not None
    [(story_id, group)] = _group(inputs).items()
    return product_key(*product, model_signature(), (story_id, group))


def _new_key(
    inputs: _Inputs, cache: ProductCache, task: functools.partial[object] | None = None
) -> bytes:
    product = product_of(task or _task())
    assert product is not None
    groups = _group(inputs)
    [(story_id, item)] = _brief_key_items(groups, cache).items()
    return product_key(*product, model_signature(), (story_id, item))


def _claims_stage_keys(inputs: _Inputs, claims_key: bytes = b"k" * 20) -> ProductCache:
    """A cache holding what the claims stage leaves for `inputs`: each article's claim-vectors
    key and the story's claims key, naming these very claims and conflicts."""
    story, claims, conflicts, _, articles, _ = inputs
    cache = ProductCache()
    product = product_of(embed_article_claims)
    assert product is not None
    cache.named_keys[product[0]] = {
        a.id: (a, product_key(*product, model_signature(), a))
        for a in articles.values()  # type: ignore[attr-defined]
    }
    cache.named_keys[STORY_CLAIMS_KIND] = {
        story.id: ((tuple(claims), tuple(conflicts)), claims_key)  # type: ignore[arg-type,attr-defined]
    }
    return cache


@pytest.mark.parametrize("kept", [False, True], ids=["keyed-here", "claims-stage-keys"])
def test_the_key_changes_with_every_input_the_old_key_covered(kept: bool) -> None:
    base = _inputs()

    def cache() -> ProductCache:
        return _claims_stage_keys(base) if kept else ProductCache()

    old, new = _old_key(base), _new_key(base, cache())
    assert _new_key(base, cache()) == new  # the same inputs: the same key
    seen: dict[str, int] = {}
    for name, changed in _every_change(base):
        if _old_key(changed) == old:
            continue  # a change the brief does not read (a voice of an article it never names)
        seen[name] = seen.get(name, 0) + 1
        assert _new_key(changed, cache()) != new, name
    # Every input was changed in many ways (each field of each record, nested).
    assert seen["articles"] >= 30 and seen["claims"] >= 15 and seen["conflicts"] >= 10
    assert min(seen.values()) >= 2 and set(seen) == {
        "story",
        "claims",
        "conflicts",
        "timeline",
        "articles",
        "voices",
    }


def test_the_key_changes_with_the_claims_key_and_the_configs() -> None:
    base = _inputs()
    new = _new_key(base, _claims_stage_keys(base))
    # The story's claims came from other inputs (another claims key): another brief key.
    assert _new_key(base, _claims_stage_keys(base, b"j" * 20)) != new
    # Equal claims that are not the product's very objects stand for themselves.
    story, claims, conflicts, timeline, articles, voices = base
    copied = [dataclasses.replace(c) for c in claims]
    assert _new_key(
        (story, copied, conflicts, timeline, articles, voices), _claims_stage_keys(base)
    ) == _new_key(base, ProductCache())
    # The configs and the product's version, as before (they are the task's options).
    for task in (
        _task(
            config=dataclasses.replace(BriefConfig(), max_sentences=BriefConfig().max_sentences + 1)
        ),
        _task(claim_config=dataclasses.replace(ClaimConfig(), threshold=0.5)),
    ):
        assert _old_key(base, task) != _old_key(base)
        assert _new_key(base, _claims_stage_keys(base), task) != new
    assert product_of(functools.partial(_align_story, config=ClaimConfig()))[0] == STORY_CLAIMS_KIND  # type: ignore[index]


# --- through the stages: an untouched story's brief costs a lookup ----------------------------


def _run(corpus: Corpus, shelf: _Shelf, then: Stage | None = None) -> tuple[Corpus, ProductCache]:
    """The claims stage, then `then` (the brief's by default), with `shelf` as the store."""
    engine = RecordingExecutor()
    try:
        cache = ProductCache(backing=shelf)
        executor = CachingExecutor(engine, cache)
        corpus = ClaimsStage().run(corpus, executor)
        cache.end_stage()
        corpus = (then or BriefStage()).run(corpus, executor)
        cache.flush()
    finally:
        engine.close()
    return corpus, cache


def test_a_run_that_finds_every_brief_canonicalises_no_article_or_claim(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    first, second, third = (seed_article(n) for n in ("000", "001", "002"))
    corpus = Corpus(
        articles=(first, second, third),
        stories=(
            Story(id="s-a", title="Putin and Biden", article_ids=(first.id, second.id)),
            Story(id="s-b", title="Putin and Biden", article_ids=(third.id,)),
        ),
        voices={a.id: a.id for a in (first, second, third)},
    )
    shelf = _Shelf()
    before, _ = _run(corpus, shelf)
    assert before.claims and len(before.summaries) == 2

    canonical = products.canonical
    counted: list[type] = []

    def counting(value: object) -> object:
        if type(value) in (Article, Claim):
            counted.append(type(value))
        return canonical(value)

    # Only the brief's keys are counted: the claims stage keys every member as it did.
    brief_run = BriefStage.run

    def brief_counted(self: BriefStage, corpus: Corpus, executor: object) -> Corpus:
        monkeypatch.setattr(products, "canonical", counting)
        try:
            return brief_run(self, corpus, executor)  # type: ignore[arg-type]
        finally:
            monkeypatch.setattr(products, "canonical", canonical)

    monkeypatch.setattr(BriefStage, "run", brief_counted)
    again, cache = _run(corpus, shelf)
    assert again.summaries == before.summaries
    assert cache.misses == 0  # every brief (and every story's claims) found
    assert counted == []
