"""A brief does not depend on the history of the store (issue 11, session 26): a claim's and a
conflict's id hash the story's id, and a story's id depends on how the store grew (one
`analyze`, or `ingest` in steps), so ties between equally scored claims or conflicts are broken
by the reports themselves, never by an id."""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from pathlib import Path

import pytest

import newsweave.brief as brief_module
from newsweave.api import analyze
from newsweave.brief import summarize_story
from newsweave.executors import LocalExecutor
from newsweave.ids import content_id
from newsweave.model import (
    Article,
    Claim,
    Conflict,
    ConflictValue,
    Story,
    Summary,
    SummarySentence,
    TimelineEntry,
)
from tests.report.sample import article, evidence

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"

# Four outlets' ledes of one happening, each stated by one outlet in its first paragraphs: every
# one scores the same (one voice, in a lede), as most lines of a small story do.
_LEDES = (
    (
        "2021-03-02",
        "A fire destroyed the old mill on Bridge Street in Hexham on Monday night.",
        "Firefighters from three stations fought the blaze for six hours before it was out.",
    ),
    (
        "2021-03-01",
        "The Bridge Street mill in Hexham burned down late on Monday, the fire service said.",
        "Nobody was inside the building when the fire broke out, according to the owner.",
    ),
    (
        "2021-03-03",
        "Police are treating the blaze at the Hexham mill as arson, a spokesman said.",
        "Two teenagers were seen running from the mill shortly before the alarm was raised.",
    ),
    (
        "2021-03-02",
        "The mill had stood empty since the textile firm that owned it closed in 2009.",
        "Residents of nearby Tyne Green were told to keep their windows shut overnight.",
    ),
)


def _story(name: str) -> tuple[Story, list[Claim], dict[str, Article]]:
    """The four ledes as one story named `name`, its claims' ids hashed from it as the claims
    stage hashes them."""
    articles: dict[str, Article] = {}
    claims: list[Claim] = []
    for i, (day, *sentences) in enumerate(_LEDES):
        a = article(f"a{i}", "\n\n".join(sentences), published=day, title=f"Mill fire {i}")
        articles[a.id] = a
        claims += [
            Claim(
                id=content_id("c", name, text),
                story_id=name,
                text=text,
                status="single-source",
                support=(evidence(a, text),),
            )
            for text in sentences
        ]
    return Story(id=name, title="Mill fire", article_ids=tuple(articles)), claims, articles


def _brief(name: str, conflicts: Sequence[Conflict] = ()) -> Summary:
    story, claims, articles = _story(name)
    conflicts = [
        dataclasses.replace(
            c,
            id=content_id("x", name, c.topic, *(v.value for v in c.values)),
            story_id=name,
        )
        for c in conflicts
    ]
    return summarize_story(story, claims, conflicts, articles, voices={a: a for a in articles})


def _lines(summary: Summary) -> list[SummarySentence]:
    return list(summary.sentences)


def test_the_same_story_under_another_id_has_the_same_brief() -> None:
    one = _brief("s-1c47b08142ada216")
    assert len(one.sentences) >= 4
    for name in ("s-0a1b2c3d4e5f6071", "s-ffffffffffffffff", "story"):
        assert _lines(_brief(name)) == _lines(one), name


def test_equally_scored_lines_follow_the_reports_day_then_their_place_in_the_text() -> None:
    """Of lines that tie, the one of the earliest day comes first; within a day, the one higher
    in its article (news writing puts the news first); figure lines have their place before the
    others, by rule."""
    _, claims, _ = _story("s-1")
    where = {
        c.text: (day, c.support[0].span[0], c.support[0].article_id)
        for c in claims
        for day, *sentences in _LEDES
        if c.text in sentences
    }
    lines = [line.text for line in _brief("s-1").sentences]
    rest = [line for line in lines[1:] if not any(ch.isdigit() for ch in line)]
    assert len(rest) >= 3
    assert rest == sorted(rest, key=where.__getitem__)


def _conflict(topic: str, first: tuple[str, str], second: tuple[str, str], basis: str) -> Conflict:
    _, claims, articles = _story("s")
    by_text = {c.text: c for c in claims}

    def value(name: str, text: str) -> ConflictValue:
        a = articles[by_text[text].support[0].article_id]
        return ConflictValue(value=name, evidence=(evidence(a, text),))

    return Conflict(
        id="x",
        story_id="s",
        topic=topic,
        values=(value(*first), value(*second)),
        basis=basis,
    )


_MILL = _LEDES[0][1], _LEDES[1][1], _LEDES[2][1], _LEDES[3][1]
_SECOND = _LEDES[0][2], _LEDES[1][2], _LEDES[2][2], _LEDES[3][2]
_CONFLICTS = (
    _conflict("day of the fire", ("Monday night", _MILL[0]), ("late on Monday", _MILL[1]), "date"),
    _conflict("hours of the fight", ("six", _SECOND[0]), ("five", _SECOND[2]), "number"),
    _conflict("owner of the mill", ("a firm", _MILL[3]), ("the owner", _SECOND[1]), "place"),
    _conflict("spelling of a name", ("Hexham", _MILL[2]), ("Hexam", _MILL[1]), "name"),
)


def test_the_disagreements_a_brief_states_do_not_depend_on_conflict_ids(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(brief_module, "_briefable", lambda conflict, voices=None: True)
    one = [s.text for s in _brief("s-1", _CONFLICTS).sentences if s.text.startswith("Outlets")]
    assert len(one) == 2  # `max_conflicts` of the four
    for name in ("s-2", "s-ffffffffffffffff", "story"):
        other = [s.text for s in _brief(name, _CONFLICTS).sentences]
        assert [t for t in other if t.startswith("Outlets")] == one, name
    # The earliest reports' disagreements first, a name's spelling last.
    assert one == [
        "Outlets differ on the day of the fire: Monday night (A0) vs late on Monday (A1).",
        "Outlets differ on the owner of the mill: a firm (A3) vs the owner (A1).",
    ]


def _renamed(
    story: Story,
    claims: Sequence[Claim],
    conflicts: Sequence[Conflict],
    timeline: Sequence[TimelineEntry],
    name: str,
) -> tuple[Story, list[Claim], list[Conflict], list[TimelineEntry]]:
    """The story's records as a store that named the story `name` holds them."""
    return (
        dataclasses.replace(story, id=name),
        [dataclasses.replace(c, id=content_id("c", name, c.text), story_id=name) for c in claims],
        [
            dataclasses.replace(
                c, id=content_id("x", name, c.topic, *(v.value for v in c.values)), story_id=name
            )
            for c in conflicts
        ],
        [dataclasses.replace(t, story_id=name) for t in timeline],
    )


@pytest.mark.slow
def test_seed_briefs_do_not_depend_on_the_story_id(monkeypatch: pytest.MonkeyPatch) -> None:
    """The seeds' Putin story ties on its last lines: renamed, it wrote them in another order
    before session 26."""
    seen: list[tuple[object, ...]] = []
    write = brief_module.summarize_story

    def kept(
        story: Story,
        claims: Sequence[Claim],
        conflicts: Sequence[Conflict],
        articles: dict[str, Article],
        **options: object,
    ) -> Summary:
        seen.append((story, list(claims), list(conflicts), articles, options))
        return write(story, claims, conflicts, articles, **options)  # type: ignore[arg-type]

    monkeypatch.setattr(brief_module, "summarize_story", kept)
    # In this process: a run without a store writes its briefs in the pool's workers, which
    # do not see the patch.
    engine = LocalExecutor(workers=1)
    try:
        analyze([str(EXAMPLES)], executor=engine)
    finally:
        engine.close()
    assert seen
    for story, claims, conflicts, articles, options in seen:
        assert isinstance(story, Story)
        timeline = options.get("timeline", ())
        brief = write(story, claims, conflicts, articles, **options)  # type: ignore[arg-type]
        for name in ("s-renamed-1", "s-renamed-2", "zzz"):
            s, c, k, t = _renamed(story, claims, conflicts, timeline, name)  # type: ignore[arg-type]
            again = write(s, c, k, articles, **{**options, "timeline": t})  # type: ignore[arg-type]
            assert again.sentences == brief.sentences, (story.id, name)
