"""Speaker attribution cases of session 11 (issue 12, from the errors of split fresh13: web
pages and local news): a second opening clause before the subject, a verb right after a
quote with its subject after it, a name the model missed before "replied", an adverbial after
"then", a crosshead between a speaker and "he said"."""

from __future__ import annotations

from .helpers import tagged_quotes


def _direct(text: str, tagged: list[tuple[str, str]]) -> list[tuple[str | None, str | None]]:
    return [
        (name, shown) for kind, _, name, shown in tagged_quotes(text, tagged) if kind == "direct"
    ]


def test_the_subject_follows_a_second_opening_clause() -> None:
    text = (
        "In 2016, as Trump’s improbable rise to power continued, Schwartz disavowed the book. "
        "“I put lipstick on a pig,” he told the New Yorker’s Jane Mayer."
    )
    tags = [("Schwartz", "PERSON"), ("Trump", "PERSON"), ("Jane Mayer", "PERSON")]
    assert _direct(text, tags) == [("Schwartz", "he")]


def test_a_verb_right_after_a_quote_has_its_subject_after_it() -> None:
    text = (
        "The group thanked the resort.\n\n"
        '"We want to give thanks for our Mobile Spay and Neuter Clinic" says Volunteer '
        'Coordinator Bonnie Young, adding, "We operate solely on donations."'
    )
    tags = [("Bonnie Young", "PERSON"), ("Neuter Clinic", "ORG")]
    assert [who for who, _ in _direct(text, tags)] == ["Bonnie Young", "Bonnie Young"]


def test_a_name_the_model_missed_before_replied_speaks_not_the_apposition() -> None:
    text = (
        "Asked about discrepancies in her autobiography, which was credited to her and the "
        "writer William Dufty, Billie Holliday replied, “Man, I never read that book.”"
    )
    [(who, shown)] = _direct(text, [("William Dufty", "PERSON")])
    assert who is None
    assert shown == "Billie Holliday"


def test_an_adverbial_after_then_is_no_subject() -> None:
    text = (
        '"Thanks for your help," says Hadvar.\n\n'
        "He suggests we both head to Riverwood, then for some reason adds, "
        '"It is probably best if we split up."'
    )
    quotes = _direct(text, [("Hadvar", "PERSON"), ("Riverwood", "GPE")])
    assert [who for who, _ in quotes] == ["Hadvar", "Hadvar"]


def test_a_crosshead_is_not_whom_he_said_means() -> None:
    text = (
        "“We find that top-down governance often fails,” Fa added.\n\n"
        "Policy Shortcomings\n\n"
        "“The role of these communities is vital,” he said."
    )
    quotes = _direct(text, [("Fa", "PERSON"), ("Policy Shortcomings", "PERSON")])
    assert [who for who, _ in quotes] == ["Fa", "Fa"]
