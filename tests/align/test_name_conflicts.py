"""Names outlets spell two ways: reported only between independent voices, never for nicknames,
words of the language, or an outlet that spells a name both ways itself."""

from __future__ import annotations

from newsweave.align.conflicts import ConflictConfig, Statement
from newsweave.align.name_conflicts import name_conflicts, spelling_slip
from newsweave.model import Evidence


def said(article: str, text: str) -> Statement:
    evidence = Evidence(article_id=article, text=text, span=(0, len(text)))
    return Statement(evidence=evidence, voice=article, published="2015-03-31")


def spellings(*statements: Statement) -> list[set[str]]:
    found = name_conflicts("s", statements, ConflictConfig())
    assert all(c.basis == "name" and c.kind == "conflict" for c in found)
    return [{v.value for v in c.values} for c in found]


def test_two_outlets_spelling_one_name_two_ways_disagree() -> None:
    found = spellings(
        said("wkrn", "The child, identified as Kendall Pinkerton, was taken to hospital."),
        said("wsmv", "Police said Kendal Pinkerton was critically injured in the shooting."),
    )
    assert found == [{"Kendall Pinkerton", "Kendal Pinkerton"}]


def test_an_outlet_that_writes_both_spellings_is_no_dispute_between_outlets() -> None:
    assert not spellings(
        said("kesq", "The coroner said the boy was named Ezequiel Melendez."),
        said("10news", "On Saturday night, Ezekiel Melendez was shot by his brother."),
        said("10news", "Ezequiel's parents will hold a memorial for him on Saturday."),
    )


def test_nicknames_other_names_and_words_are_not_slips() -> None:
    assert not spelling_slip("Steve", "Steven", 2)  # a shortening
    assert not spelling_slip("East", "West", 2)  # another word
    assert not spelling_slip("Joseph", "Thomas", 2)
    assert spelling_slip("Welborn", "Wellborn", 2)
    assert spelling_slip("Kendal", "Kendall", 2)  # a doubled letter
    # A word the story writes in lower case is a word, not a name: "Tower Bridge" and "Tower
    # Bridges" aside, "Bridge Rood" / "Bridge Road" share "bridge", which a sentence writes.
    slip = (
        said("a", "The car left Bridge Road at noon."),
        said("b", "The car was found on Bridge Rood later."),
    )
    assert spellings(*slip) == [{"Bridge Road", "Bridge Rood"}]
    assert not spellings(*slip, said("c", "The bridge was closed after the crash."))


def test_the_rule_can_be_turned_off() -> None:
    statements = (
        said("wkrn", "The child, identified as Kendall Pinkerton, was taken to hospital."),
        said("wsmv", "Police said Kendal Pinkerton was critically injured in the shooting."),
    )
    assert not name_conflicts("s", statements, ConflictConfig(max_name_edits=0))


def test_a_spelling_marks_no_statement_disputed() -> None:
    from newsweave.align.conflicts import disputed_statements

    statements = (
        said("wkrn", "The child, identified as Kendall Pinkerton, was taken to hospital."),
        said("wsmv", "Police said Kendal Pinkerton was critically injured in the shooting."),
    )
    found = name_conflicts("s", statements, ConflictConfig())
    assert found
    assert not disputed_statements(statements, found)


def test_name_spellings_come_after_the_disputed_figures() -> None:
    from newsweave.align.conflicts import find_conflicts
    from newsweave.extract.numbers import extract_quantities

    statements = [
        said("wkrn", "Police said Kendall Pinkerton, 2, was one of 3 people injured."),
        said("wsmv", "Kendal Pinkerton was one of 5 people injured, police said."),
    ]
    found = find_conflicts(
        "s", statements, [0, 1], quantities=extract_quantities, dates=lambda t, p: ()
    )
    assert [c.basis for c in found] == ["number", "name"]


def test_a_middle_initial_does_not_hide_a_spelling() -> None:
    found = spellings(
        said(
            "wsvn", "The suspects were identified as Travonte L. Berry, 20, and Michael C. Melon."
        ),
        said("cbs12", "Police charged 18-year-old Michael Melton with attempted murder."),
    )
    assert found == [{"Michael Melon", "Michael Melton"}]


def test_a_given_name_written_alone_after_one_age_is_one_person() -> None:
    """ "13-year-old Onesha" / "13-year-old Omesha" (GVC 168844): the age ties the two spellings
    to one daughter; other ages and other names are other people."""
    found = spellings(
        said(
            "wusa",
            "The daughters were 13-year-old Onesha, six-year-old Onya and 4-year-old Olivia.",
        ),
        said(
            "nbc",
            "Their three daughters -- 4-year-old Olivia and 13-year-old Omesha -- were found.",
        ),
    )
    assert found == [{"13-year-old Onesha", "13-year-old Omesha"}]
    # Twins of one age with names one letter apart: an outlet that names both settles it.
    assert not spellings(
        said("a", "The 5-year-old Jayden and the 5-year-old Jaylen were hurt."),
        said("b", "Police said 5-year-old Jaylen was released from hospital."),
    )
    # A surname after the given name is the two-word rule's, not counted twice.
    assert spellings(
        said("a", "Police named 13-year-old Onesha Washington."),
        said("b", "Police named 13-year-old Omesha Washington."),
    ) == [{"Onesha Washington", "Omesha Washington"}]


def test_one_letter_put_in_is_a_slip_the_labels_call_real() -> None:
    # Every labelled pair of this kind (Jerymayne / Jermayne, Heffner / Hefner, Kiliam /
    # Killiam, Anre / Andre) is one outlet's misspelling that a reader should check.
    assert spelling_slip("Heffner", "Hefner", 2)
    assert spelling_slip("Jerymayne", "Jermayne", 2)
    # A three-letter name against a four-letter one with a letter put in ("Jon" / "John"),
    # never two three-letter names or a shortening.
    assert spelling_slip("Jon", "John", 2)
    assert not spelling_slip("Tim", "Tom", 2)
    assert not spelling_slip("Jon", "Jonas", 2)


def test_another_mans_given_name_is_no_spelling_of_this_one() -> None:
    # ECB+ 13_ecbplus (names changed): one outlet writes "John Ower" only; another writes "Jon
    # Ower" and, of the fire chief, "John Cutler": that is two men, not an outlet writing both.
    found = spellings(
        said("ktuu", "John Ower, the city's public safety director, says a call came in."),
        said("adn", "The chief arrived first, said Jon Ower, the safety director."),
        said("adn", "Fire Chief John Cutler saw fire under the eaves of the building."),
    )
    assert found == [{"John Ower", "Jon Ower"}]
    # The outlet that writes "John" alone beside "Jon Ower" may mean him: no dispute.
    assert not spellings(
        said("ktuu", "John Ower, the city's public safety director, says a call came in."),
        said("adn", "The chief arrived first, said Jon Ower, the safety director."),
        said("adn", "John said the building was a total loss."),
    )
