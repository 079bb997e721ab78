"""What a brief reads of one sentence's text alone, kept per story (`brief-text-reads`, issue
15): whether a claim's text may be a line (`_eligible`) and whether it tells of a past event
(`_tells_past_event`, a parse). A story whose brief is written again reads the answers its last
brief kept; the brief written without them (the old computation) is the oracle."""

from __future__ import annotations

import pytest

from newsweave import brief
from newsweave.brief import _TEXT_READS_KIND, BriefStage, _text_reads_key, write_briefs
from newsweave.executors import Executor
from newsweave.model import Story
from newsweave.pipeline import Corpus
from tests.align.seed_articles import seed_article
from tests.align.test_claims_story_index import _Shelf
from tests.test_brief_keys import _run


def _corpus() -> Corpus:
    first, second, third = (seed_article(n) for n in ("000", "001", "002"))
    return Corpus(
        articles=(first, second, third),
        stories=(
            Story(id="s-a", title="Putin and Biden", article_ids=(first.id, second.id)),
            Story(id="s-b", title="Putin and Biden", article_ids=(third.id,)),
        ),
        voices={a.id: a.id for a in (first, second, third)},
    )


def _oracle(corpus: Corpus, executor: Executor | None = None) -> tuple[object, ...]:
    """The briefs written with no product cache (every text read), or by `executor`."""
    return write_briefs(
        corpus.stories,
        corpus.claims,
        corpus.conflicts,
        {a.id: a for a in corpus.articles},
        voices=corpus.voices,
        config=BriefStage().config,
        claim_config=BriefStage().claims,
        timeline=corpus.timeline,
        executor=executor,
    )


def _counted(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Texts read anew (not found among the held answers), by what was read."""
    calls: list[str] = []
    eligible, past = brief._eligible_text, brief._parsed_past_event

    def eligible_counted(text: str) -> bool:
        calls.append("eligible")
        return eligible(text)

    def past_counted(text: str) -> bool:
        calls.append("past")
        return past(text)

    monkeypatch.setattr(brief, "_eligible_text", eligible_counted)
    monkeypatch.setattr(brief, "_parsed_past_event", past_counted)
    return calls


def test_briefs_written_again_read_the_kept_answers_and_are_the_same(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    shelf = _Shelf()
    first, _ = _run(_corpus(), shelf)
    assert len(first.summaries) == 2 and all(s.sentences for s in first.summaries)
    assert first.summaries == _oracle(first)
    kept = shelf.rows[_TEXT_READS_KIND]
    assert set(kept) == {_text_reads_key("s-a"), _text_reads_key("s-b")}
    eligible, past = kept[_text_reads_key("s-a")]  # type: ignore[misc]
    assert len(eligible) >= 10 and past  # every claim's text, and the openers parsed

    # The briefs written again (none kept), the text reads kept: no text is read anew.
    calls = _counted(monkeypatch)
    again, _ = _run(_corpus(), shelf.copy(without="story-brief"))
    assert again.summaries == first.summaries
    assert calls == []

    # Without the text reads every text is read, to the same briefs.
    fresh, _ = _run(_corpus(), shelf.copy(without="story-brief").copy(without=_TEXT_READS_KIND))
    assert fresh.summaries == first.summaries
    assert "eligible" in calls and "past" in calls


def test_the_kept_answers_are_read_not_carried() -> None:
    shelf = _Shelf()
    first, _ = _run(_corpus(), shelf)
    told = shelf.copy(without="story-brief")
    # Every text of story s-a held as no line: its brief is its lede fallback, not its claims.
    eligible, past = told.rows[_TEXT_READS_KIND][_text_reads_key("s-a")]  # type: ignore[misc]
    told.rows[_TEXT_READS_KIND][_text_reads_key("s-a")] = (dict.fromkeys(eligible, False), past)
    again, _ = _run(_corpus(), told)
    assert again.summaries[0] != first.summaries[0]
    assert again.summaries[1] == first.summaries[1]


def test_a_run_that_keeps_every_brief_keeps_every_story_text_reads() -> None:
    shelf = _Shelf()
    _run(_corpus(), shelf)
    _, cache = _run(_corpus(), shelf)
    assert cache.misses == 0  # every brief found: none written, no text read
    # ... and yet each story's text reads are live, so the store does not prune them.
    assert cache.used[_TEXT_READS_KIND] == {_text_reads_key("s-a"), _text_reads_key("s-b")}
