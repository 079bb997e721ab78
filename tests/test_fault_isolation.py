"""One article that trips a stage costs a problem line, never the batch: a failure injected into
every stage in turn, with the seeds beside it."""

from __future__ import annotations

import shutil
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

import pytest

import newsweave
from newsweave.cli import main
from newsweave.model import Report
from tests.conftest import EXAMPLES

MARK = "TRIPWIRE"
TRIPWIRE_ARTICLE = f"""Storm {MARK} to pass over the coast by noon, forecasters say

A winter storm named {MARK} will reach the northern coast of Norway on Tuesday morning and pass
by noon, the national weather service said on Monday.

"The {MARK} storm will bring strong winds but little snow," said forecaster Ingrid Berg of the
Norwegian Meteorological Institute.

Ferries between the islands were cancelled for Tuesday, the operator said.
"""


def _tripped(texts: Iterable[str | None]) -> bool:
    return any(MARK in (text or "") for text in texts)


def _fail_if(check: Callable[..., bool], real: Callable[..., Any]) -> Callable[..., Any]:
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        if check(*args, **kwargs):
            raise RuntimeError("injected failure")
        return real(*args, **kwargs)

    return wrapper


def _articles_of(stories: Any, articles: Any) -> list[str]:
    return [articles[i].text for s in stories for i in s.article_ids if i in articles]


# stage name -> (module, function, does this call touch the tripwire article?)
INJECTIONS: dict[str, tuple[str, str, Callable[..., bool]]] = {
    "clean": ("newsweave.clean", "clean_document", lambda raw, **_: _tripped([raw.text])),
    "describe": (
        "newsweave.describe",
        "describe_article",
        lambda raw, cleaned, **_: _tripped([cleaned.text]),
    ),
    "copies": (
        "newsweave.dedupe",
        "find_copies",
        lambda articles, **_: _tripped(a.text for a in articles),
    ),
    "dates": ("newsweave.extract.dates", "extract_dates", lambda text, *_, **__: MARK in text),
    "stories": (
        "newsweave.cluster",
        "cluster_stories",
        lambda articles, **_: _tripped(a.text for a in articles),
    ),
    "infer": (
        "newsweave.describe.infer",
        "infer_published",
        lambda articles, *_, **__: _tripped(a.text for a in articles),
    ),
    "entities": (
        "newsweave.extract.entities",
        "extract_entities",
        lambda articles, **_: _tripped(a.text for a in articles),
    ),
    "quotes": (
        "newsweave.extract.quotes",
        "extract_quotes",
        lambda article, *_, **__: MARK in article.text,
    ),
    "claims": (
        "newsweave.align.claims",
        "align_claims",
        lambda stories, articles, **_: _tripped(_articles_of(stories, articles)),
    ),
    "timeline": (
        "newsweave.align.timeline",
        "build_timeline",
        lambda stories, articles, **_: _tripped(_articles_of(stories, articles)),
    ),
    "brief": (
        "newsweave.brief",
        "write_briefs",
        lambda stories, claims, conflicts, articles, **_: _tripped(_articles_of(stories, articles)),
    ),
}


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("tripwire")
    for path in EXAMPLES.glob("*.txt"):
        shutil.copy(path, folder / path.name)
    (folder / "storm.txt").write_text(TRIPWIRE_ARTICLE, encoding="utf-8")
    return folder


@pytest.fixture(scope="module")
def clean_report(corpus: Path) -> Report:
    return newsweave.analyze(corpus)


def _seed_articles(report: Report) -> set[str]:
    return {Path(a.source).name for a in report.articles if MARK not in a.text}


@pytest.mark.slow
@pytest.mark.parametrize("stage", sorted(INJECTIONS))
def test_a_stage_failing_on_one_article_costs_one_problem_not_the_batch(
    stage: str, corpus: Path, clean_report: Report, monkeypatch: pytest.MonkeyPatch
) -> None:
    module_name, function, check = INJECTIONS[stage]
    module = __import__(module_name, fromlist=[function])
    monkeypatch.setattr(module, function, _fail_if(check, getattr(module, function)))

    report = newsweave.analyze(corpus)

    failures = [p for p in report.problems if "injected failure" in p.error]
    assert failures, f"no problem line for the injected {stage} failure"
    assert all(p.error.startswith(f"{stage} failed: RuntimeError") for p in failures)
    assert all("\n" not in p.error for p in report.problems)
    # The seeds are all there, and what the stage gives them is what a clean run gives them.
    assert _seed_articles(report) == _seed_articles(clean_report)
    seed_story = max(clean_report.stories, key=lambda s: len(s.article_ids))
    if stage in {"claims", "brief", "timeline", "quotes"}:
        assert [c for c in report.claims if c.story_id == seed_story.id] == [
            c for c in clean_report.claims if c.story_id == seed_story.id
        ]
        assert [s for s in report.summaries if s.story_id == seed_story.id] == [
            s for s in clean_report.summaries if s.story_id == seed_story.id
        ]


@pytest.mark.slow
def test_the_cli_still_writes_its_report_and_exits_1_when_a_stage_fails(
    corpus: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    module_name, function, check = INJECTIONS["claims"]
    module = __import__(module_name, fromlist=[function])
    monkeypatch.setattr(module, function, _fail_if(check, getattr(module, function)))
    out = tmp_path / "report.json"

    status = main(["analyze", str(corpus), "-o", str(out), "--no-progress"])

    assert status == 1
    assert out.stat().st_size > 0
    assert "claims failed: RuntimeError: injected failure" in capsys.readouterr().err
