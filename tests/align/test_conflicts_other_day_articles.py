"""An undated article that opens on another weekday than its story tells of another happening:
its figures and clock times dispute nothing of the story's day (ECB+ 20_ecb: Monday's 5.2 quake
"injured three" and "struck at 5:11 p.m." against Sunday's 5.6, five hurt, 17:06)."""

from __future__ import annotations

from newsweave.align.conflict_base import ConflictConfig, Statement
from newsweave.align.conflicts import find_conflicts
from newsweave.align.quantity_time import articles_of_another_day
from newsweave.extract.numbers import extract_quantities
from newsweave.model import Conflict, DateMention, Evidence


def _article(article: str, *sentences: str) -> list[Statement]:
    out, offset = [], 0
    for text in sentences:
        evidence = Evidence(article_id=article, text=text, span=(offset, offset + len(text)))
        out.append(Statement(evidence=evidence, voice=article, published=None))
        offset += len(text) + 1
    return out


def _no_dates(text: str, published: str | None) -> tuple[DateMention, ...]:
    return ()


def _conflicts(statements: list[Statement]) -> list[Conflict]:
    found = find_conflicts(
        "s-1",
        statements,
        list(range(len(statements))),
        quantities=extract_quantities,
        dates=_no_dates,
        config=ConflictConfig(),
    )
    return [c for c in found if c.kind == "conflict"]


_SUNDAY = [
    *_article(
        "a",
        "A 5.6 magnitude earthquake hit the island on Sunday, injuring five people.",
        "The quake struck at 17:06 on Sunday, state television said.",
    ),
    *_article(
        "b", "An earthquake of magnitude 5.6 jolted the island on Sunday, injuring five people."
    ),
]
_MONDAY = _article(
    "c",
    "State television says a magnitude-5.2 quake has injured three people on the island.",
    "The report says the earthquake struck the island at 5:11 p.m. local time.",
    "Monday's earthquake was the second one to hit the island in 24 hours.",
    "Earlier on Sunday a 5.6 quake jolted the island.",
)


def test_an_article_opening_on_another_day_disputes_no_figure_or_time_of_the_story() -> None:
    assert _conflicts([*_SUNDAY, *_MONDAY]) == []


def test_the_same_sentences_from_an_article_of_the_storys_day_still_dispute() -> None:
    sunday_report = _article(
        "c",
        "State television says a magnitude-5.2 quake has injured three people on the island.",
        "The report says the earthquake struck the island at 5:11 p.m. local time.",
        "Sunday's earthquake was felt across the region.",
    )
    found = _conflicts([*_SUNDAY, *sunday_report])
    assert sorted((c.basis, frozenset(v.value for v in c.values)) for c in found) == sorted(
        [
            ("number", frozenset({"5.2", "5.6"})),
            ("number", frozenset({"3", "5"})),
            ("time", frozenset({"17:06", "5:11 p.m. local time"})),
        ]
    )


def test_the_first_weekday_an_article_names_is_its_day() -> None:
    sentences = [
        ("x", 0, "On Monday rescuers searched the rubble."),
        ("x", 50, "The quake on Sunday killed ten."),
        ("y", 0, "The quake struck on Sunday, officials said Monday."),
        ("z", 0, "No weekday here."),
    ]
    assert articles_of_another_day(sentences, "Sunday") == {"x"}
    assert articles_of_another_day(sentences, None) == set()
