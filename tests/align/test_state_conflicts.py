"""A person's state, charge or title that two outlets give two ways, read on the parse: reported
only between independent voices about one person (an age or a name), never when an outlet writes
both values, never for an alive report older than the death, never without the parser."""

from __future__ import annotations

import pytest

from newsweave.align.conflicts import ConflictConfig, Statement, find_conflicts
from newsweave.align.state_conflicts import read_person_slots, state_conflicts
from newsweave.align.statement import default_parser
from newsweave.model import Evidence

needs_parser = pytest.mark.skipif(default_parser() is None, reason="needs spaCy's parser")

# ECB+/GVC-style sentences (GVC train 613826: KHOU and the Chronicle on one day).
DIED = "A 5-year-old boy who was shot in the face at a Harris County home has died, officials said."
ON_SUPPORT = (
    "The boy, believed to be 5 years old, remained on life support late Thursday after what "
    "appeared to be a self-inflicted gunshot wound, officials said."
)


def said(article: str, text: str, day: str = "2016-01-20", voice: str | None = None) -> Statement:
    evidence = Evidence(article_id=article, text=text, span=(0, len(text)))
    return Statement(evidence=evidence, voice=voice or article, published=day)


def close(_i: int, _j: int) -> float:
    return 0.9


def found(*statements: Statement, cosine=close) -> list[tuple[str, set[str]]]:
    conflicts = state_conflicts("s", statements, cosine, ConflictConfig())
    assert all(c.kind == "conflict" for c in conflicts)
    return [(str(c.basis), {v.value for v in c.values}) for c in conflicts]


@needs_parser
def test_what_a_sentence_says_of_a_person() -> None:
    parser = default_parser()
    assert parser is not None
    slots = {(s.kind, s.value, s.ages, s.names) for s in read_person_slots(DIED, parser, set())}
    assert slots == {("state", "dead", frozenset({"5"}), frozenset())}
    # The age the parse hangs off the subject ("The boy, believed to be 5 years old,") is read.
    assert [s.ages for s in read_person_slots(ON_SUPPORT, parser, set())] == [frozenset({"5"})]
    # Hedged or negated: no state; a pronoun names no one; a place is no name.
    for text in (
        "The 5-year-old boy could have died, officials said.",
        "The 5-year-old boy did not die.",
        "He died at the hospital.",
    ):
        assert not read_person_slots(text, parser, set()), text
    lenawee = "A 3-year-old Lenawee County boy died Sunday after shooting himself."
    assert [s.names for s in read_person_slots(lenawee, parser, set())] == [frozenset()]
    charged = "Thomas Meisenheimer, 34, was charged with manslaughter."
    assert [(s.kind, s.value) for s in read_person_slots(charged, parser, set())] == [
        ("charge", "manslaughter")
    ]
    # An attempted murder is another victim's charge.
    attempted = "Thomas Meisenheimer, 34, was charged with attempted murder."
    assert not read_person_slots(attempted, parser, set())


@needs_parser
def test_dead_in_one_outlet_alive_in_another_on_one_day() -> None:
    assert found(said("khou", DIED), said("chron", ON_SUPPORT)) == [
        ("state", {"died", "on life support"})
    ]


@needs_parser
def test_alive_before_the_death_is_an_update_not_a_dispute() -> None:
    critical = "A 4-year-old girl is in critical condition after she shot herself, police said."
    died = "A 4-year-old girl has died, days after she shot herself, police said."
    assert not found(said("pix", critical, "2015-05-26"), said("cbs", died, "2015-05-29"))
    # Reported dead first and alive later: the two cannot both hold.
    assert found(said("pix", critical, "2015-05-29"), said("cbs", died, "2015-05-26"))


@needs_parser
def test_one_voice_and_an_outlet_writing_both_say_nothing() -> None:
    assert not found(said("a", DIED, voice="wire"), said("b", ON_SUPPORT, voice="wire"))
    later = "The 5-year-old boy died hours later, officials said."
    assert not found(
        said("khou", DIED), said("chron", ON_SUPPORT), said("chron2", later, voice="chron")
    )
    # Another person (another age) is no dispute.
    other = "A 7-year-old boy remained on life support late Thursday, officials said."
    assert not found(said("khou", DIED), said("chron", other))
    # Far apart in meaning: not about one thing.
    assert not found(said("khou", DIED), said("chron", ON_SUPPORT), cosine=lambda i, j: 0.2)


@needs_parser
def test_two_charges_of_one_defendant_on_one_day() -> None:
    murder = "Thomas Meisenheimer, 34, was charged with murder in his father's death."
    manslaughter = "Thomas Meisenheimer was charged with manslaughter, deputies said."
    assert found(said("abc", murder), said("kprc", manslaughter)) == [
        ("charge", {"murder", "manslaughter"})
    ]
    (conflict,) = state_conflicts(
        "s", [said("abc", murder), said("kprc", manslaughter)], close, ConflictConfig()
    )
    assert conflict.topic == "charge against Thomas Meisenheimer"
    # Charges change over days (upgraded, reduced): an update, not a dispute.
    assert not found(said("abc", murder, "2016-08-08"), said("kprc", manslaughter, "2016-08-10"))


@needs_parser
def test_one_title_word_changed_for_one_person_at_one_place() -> None:
    director = (
        "Shawna Smith worked as the assistant director at Busy Bee Playhouse, a day care close "
        "to her home."
    )
    manager = "Shawna Smith was the assistant manager of the Busy Bee Playhouse child care."
    assert found(said("ksl", director), said("kutv", manager)) == [
        ("role", {"assistant director", "assistant manager"})
    ]
    # A less precise title, or two whole titles one person can hold, are no dispute.
    less_precise = "Shawna Smith was the director of the Busy Bee Playhouse child care."
    assert not found(said("ksl", director), said("kutv", less_precise))
    president = "Shawna Smith was the president of Busy Bee Playhouse."
    chairman = "Shawna Smith was the chairman of Busy Bee Playhouse."
    assert not found(said("ksl", president), said("kutv", chairman))
    # Another place: another job.
    elsewhere = "Shawna Smith was the assistant manager of the Roy Public Library."
    assert not found(said("ksl", director), said("kutv", elsewhere))


def test_without_the_parser_nothing_is_compared(monkeypatch: pytest.MonkeyPatch) -> None:
    import newsweave.align.state_conflicts as module

    monkeypatch.setattr(module, "default_parser", lambda: None)
    assert not found(said("khou", DIED), said("chron", ON_SUPPORT))


@needs_parser
def test_find_conflicts_reports_them_with_the_cosine() -> None:
    statements = [said("khou", DIED), said("chron", ON_SUPPORT)]
    with_cosine = find_conflicts("s", statements, [0, 1], config=ConflictConfig(), cosine=close)
    assert [(c.basis, c.topic) for c in with_cosine] == [("state", "state of the 5-year-old")]
    assert not find_conflicts("s", statements, [0, 1], config=ConflictConfig())
