"""`find_conflicts(..., bases=...)` runs only the rules that can give those bases, and gives what
the whole call gives of them (the storyline pass asks for four bases; issue 15, session 25)."""

from __future__ import annotations

import random

from newsweave.align.conflicts import find_conflicts
from newsweave.align.storyline_conflicts import STABLE_BASES
from tests.align.statements import said

# Sentences that trip most rules: figures, a name's spelling, an address, a date, a death, a
# clock time, an age, a negation.
SENTENCES = [
    "Kendal Pinkerton, 11, was critically injured in the shooting on Saturday night.",
    "The child, identified as Kendall Pinkerton, was taken to a hospital.",
    "Kendall Pinkerton, 12, was shot in the shoulder on Saturday afternoon.",
    "Biden won 306 electoral votes, officials said.",
    "Biden has 302 electoral votes, according to the count.",
    "The fire broke out about 8.40pm at 1094 Misty Hollow Lane.",
    "The fire broke out at 8.49pm at 1094 Misty Hollow Court.",
    "The family sold the Bolton oil field for a reported $45 million in 1957, records show.",
    "His company found the field, which his brothers sold for $45 million in 1967.",
    "Smith died of heart failure at his home in Malibu, his family said.",
    "Smith died from Alzheimer's disease at a hospice in Malibu, his family said.",
    "Twelve people were killed in the blast, police said.",
    "No one was killed in the blast, police said.",
    "Fifteen people were killed in the blast, police said on Tuesday.",
    "Jack Bolton, 34, was arrested on Monday.",
    "Jack Bolton, 36, was arrested on Monday.",
    "The company confirmed the sale on Friday.",
    "The company denied the sale on Friday.",
    "The council approved the budget on March 3, 2020.",
    "The council approved the budget on March 5, 2020.",
]
DAYS = ["2020-01-02", "2020-01-03", "2020-01-09", None]
VOICES = ["ap", "nyt", "bbc", "wsj"]
EVERY_BASIS = ("number", "negation", "date", "time", "name", "place", "death")


def _sample(rng: random.Random) -> tuple[list[object], list[int]]:
    chosen = rng.sample(SENTENCES, rng.randint(4, 10))
    statements = [
        said(f"a{i}", text, voice=rng.choice(VOICES), day=rng.choice(DAYS))
        for i, text in enumerate(chosen)
    ]
    labels = [rng.randint(0, 3) for _ in statements]
    return statements, labels


def test_asked_bases_give_what_the_whole_call_gives_of_them() -> None:
    rng = random.Random(25)
    seen: set[str | None] = set()
    for _ in range(40):
        statements, labels = _sample(rng)
        whole = find_conflicts("s", statements, labels)  # type: ignore[arg-type]
        seen |= {c.basis for c in whole}
        for bases in [*({b} for b in EVERY_BASIS), STABLE_BASES]:
            asked = find_conflicts("s", statements, labels, bases=bases)  # type: ignore[arg-type]
            assert asked == tuple(c for c in whole if c.basis in bases), bases
    # The samples do trip the rules whose bases are compared.
    assert {"number", "date", "name", "place", "death"} <= seen


def test_a_correction_a_conflict_of_another_basis_holds_is_not_told_either() -> None:
    # One outlet dates the sale to 1957, then 1967 (a correction), but the two sentences are
    # also one side of an age conflict with another outlet: `revisions` tells no correction
    # whose sentences a conflict already holds, and that conflict is of a basis not asked for.
    first = "Jack Bolton, 34, sold the Bolton oil field for a reported $45 million in 1957."
    later = "Jack Bolton, 34, sold the Bolton oil field for a reported $45 million in 1967."
    other = "Jack Bolton, 36, sold the oil field, records show."
    statements = [
        said("a1", first, voice="ap", day="2020-01-02"),
        said("a2", later, voice="ap", day="2020-01-05"),
    ]
    alone = find_conflicts("s", statements, [0, 0], bases={"date"})
    assert [(c.kind, c.basis) for c in alone] == [("correction", "date")]

    statements.append(said("b", other, voice="nyt", day="2020-01-05"))
    whole = find_conflicts("s", statements, [0, 0, 0])
    assert [(c.kind, c.basis) for c in whole] == [("conflict", "number")]
    assert find_conflicts("s", statements, [0, 0, 0], bases={"date"}) == ()


def test_rules_of_bases_not_asked_for_do_not_run(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from newsweave.align import conflicts

    ran: list[str] = []

    def counting(*args: object, **kwargs: object) -> list[object]:
        ran.append("figures")
        return []

    monkeypatch.setattr(conflicts, "figure_conflicts", counting)
    statements = [said("a", SENTENCES[3]), said("b", SENTENCES[4])]
    find_conflicts("s", statements, [0, 0], bases=STABLE_BASES)
    assert ran == []
    find_conflicts("s", statements, [0, 0])
    assert ran == ["figures"]
