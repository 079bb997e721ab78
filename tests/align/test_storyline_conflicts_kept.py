"""The claims stage keeps each storyline's cross-story conflicts (issue 15, session 25): an
`ingest` compares again only the storylines whose stories' claim sentences, or their articles'
voices and dates, changed; what it gives is what comparing every storyline gives."""

from __future__ import annotations

import dataclasses

import pytest

from newsweave.align import storyline_conflicts as module
from newsweave.align.claims import ClaimConfig
from newsweave.align.conflict_base import ConflictConfig
from newsweave.align.stage import ClaimsStage
from newsweave.align.storyline_conflicts import storyline_conflicts
from newsweave.executors import LocalExecutor
from newsweave.model import Conflict, Story, Storyline
from newsweave.pipeline import Corpus
from newsweave.products import CachingExecutor, ProductCache
from tests.align.test_storyline_conflicts import ARTICLES, _article
from tests.memory_products import MemoryProducts

# A second storyline, its two stories spelling one name two ways.
SPELT = "Kendal Pinkerton, 11, was critically injured in the shooting, police said."
RESPELT = "The girl, identified as Kendall Pinkerton, was taken to a hospital on Sunday."


def _corpus(**changed: object) -> Corpus:
    articles = {
        **ARTICLES,
        "p": _article("p", SPELT, "2016-09-18"),
        "q": _article("q", RESPELT, "2016-09-19"),
    }
    articles.update(changed)  # type: ignore[arg-type]
    members = {"march": "b", "april": "a", "shot": "p", "named": "q"}
    line_of = {"march": "l1", "april": "l1", "shot": "l2", "named": "l2"}
    return Corpus(
        articles=tuple(articles.values()),
        stories=tuple(
            Story(id=s, title="", article_ids=(a,), storyline_id=line_of[s])
            for s, a in members.items()
        ),
        storylines=(
            Storyline(id="l1", title="", story_ids=("march", "april")),
            Storyline(id="l2", title="", story_ids=("shot", "named")),
        ),
        voices={a: a for a in articles},
    )


def _run(
    monkeypatch: pytest.MonkeyPatch, corpus: Corpus, backing: MemoryProducts | None
) -> tuple[tuple[Conflict, ...], list[str]]:
    """The stage's storyline conflicts (checked against comparing every storyline), and the
    storylines it compared, in a run of its own over `backing` (None: a one-shot run)."""
    compared: list[str] = []
    real = module.find_conflicts

    def counting(line_id: str, *args: object, **kwargs: object) -> tuple[Conflict, ...]:
        compared.append(line_id)
        return real(line_id, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(module, "find_conflicts", counting)
    inner = LocalExecutor(workers=1)
    cache = ProductCache(backing=backing)
    executor = CachingExecutor(inner, cache) if backing else inner
    try:
        out = ClaimsStage(config=ClaimConfig()).run(corpus, executor)
        cache.end_stage()  # as the pipeline does after each stage: written to the store
    finally:
        executor.close()
        monkeypatch.setattr(module, "find_conflicts", real)
    by_id = {a.id: a for a in corpus.articles}
    expected = storyline_conflicts(
        corpus.storylines, out.claims, by_id, corpus.voices, config=ConflictConfig()
    )
    across = tuple(c for c in out.conflicts if c.id in {e.id for e in expected})
    assert across == expected
    return across, sorted(compared)


def test_a_storyline_whose_stories_did_not_change_is_not_compared_again(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    corpus = _corpus()
    once, compared = _run(monkeypatch, corpus, None)
    assert {c.basis for c in once} == {"date", "name"} and compared == ["l1", "l2"]

    backing = MemoryProducts()
    assert _run(monkeypatch, corpus, backing) == (once, ["l1", "l2"])
    # The next run (a new product cache on the same store) finds both kept.
    assert _run(monkeypatch, corpus, backing) == (once, [])

    # A story's claim sentences changed: its storyline only is compared again.
    text = RESPELT.replace("Kendall", "Kendal")
    changed = _corpus(q=dataclasses.replace(_corpus_article("q"), text=text))
    found, compared = _run(monkeypatch, changed, backing)
    assert compared == ["l2"] and {c.basis for c in found} == {"date"}
    # Back as it was: both kept.
    assert _run(monkeypatch, corpus, backing) == (once, [])


def test_a_new_voice_or_date_of_a_cited_article_compares_its_storyline_again(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    corpus = _corpus()
    backing = MemoryProducts()
    once, _ = _run(monkeypatch, corpus, backing)
    # The two outlets of storyline l2 found to be one voice (a copy link): the stories' claims
    # are the same (one article each), but one voice's later article is its correction.
    joined = corpus.evolve(voices={**corpus.voices, "q": "p"})
    found, compared = _run(monkeypatch, joined, backing)
    assert compared == ["l2"]
    assert {(c.basis, c.kind) for c in once} == {("date", "conflict"), ("name", "conflict")}
    assert {(c.basis, c.kind) for c in found} == {("date", "conflict"), ("name", "correction")}
    # Another publication date of a cited article.
    moved = _corpus(a=dataclasses.replace(ARTICLES["a"], published="2009-05-01"))
    assert _run(monkeypatch, moved, backing)[1] == ["l1"]


def _corpus_article(article_id: str):  # type: ignore[no-untyped-def]
    return next(a for a in _corpus().articles if a.id == article_id)
