"""Speaker attribution cases of session 23 read by the lead on ECB+ (issue 12): a "He said"
after a sentence closed by "said <title> <name>" is that name's (35_4ecb); a he/she never
reports about its own referent by name; "According to NAME, <role description>, <clause>" keeps
the description out of the clause (30_3ecb). Sentences are shaped like the articles' own."""

from __future__ import annotations

from newsweave.extract.quotes import extract_quotes

from .helpers import plain_article
from .test_speakers_session19 import _entities, _quotes

# ECB+ 35_4ecb: the officer's name closes the sentence after the verb and its title words.
PATROL = (
    "San Diego Chargers wide receiver Vincent Jackson was arrested yesterday on suspicion of "
    "drunken driving.\n\n"
    "Jackson failed sobriety tests shortly after 2 a.m. on state Route 52 in San Diego, said "
    "California Highway Patrol Officer Ray Scheidnes.\n\n"
    "He said he didn't know Jackson's blood-alcohol level.\n\n"
    "An officer stopped Jackson after spotting the player braking abruptly, speeding and "
    "weaving in a 2008 GMC Sierra, said Highway Patrol Officer Brad Baehr.\n\n"
    "Jackson was on probation for a previous DUI arrest, he said.\n"
)
PATROL_PEOPLE = {
    "Vincent Jackson": ["Vincent Jackson", "Jackson"],
    "Ray Scheidnes": ["Ray Scheidnes"],
    "Brad Baehr": ["Brad Baehr"],
}


def _indirect(text: str, people: dict[str, list[str]]) -> dict[str, tuple[str | None, str | None]]:
    """(speaker entity name, speaker as written) of each indirect quote, by its first words."""
    return {
        " ".join(q.split()[:3]): (name, written)
        for q, name, written in _quotes(text, people, kind="indirect")
    }


def test_he_after_said_title_name_is_that_name() -> None:
    found = _indirect(PATROL, PATROL_PEOPLE)
    assert found["he didn't know"] == ("Ray Scheidnes", "He")
    assert found["Jackson was on"] == ("Brad Baehr", "he")


def test_said_title_words_and_name_credits_the_name() -> None:
    # the model took the title word "Highway" for a person too
    people = {**PATROL_PEOPLE, "Highway": ["Highway"]}
    found = _indirect(PATROL, people)
    assert found["An officer stopped"] == ("Brad Baehr", "Brad Baehr")
    assert found["Jackson was on"] == ("Brad Baehr", "he")


def test_a_pronoun_does_not_report_about_itself_by_name() -> None:
    # without the officer's name closing the sentence before, "He" resolves to Jackson; the
    # words he reports name Jackson in the third person, so Jackson is not the speaker
    text = (
        "San Diego Chargers wide receiver Vincent Jackson was arrested yesterday on suspicion "
        "of drunken driving.\n\n"
        "Jackson failed sobriety tests shortly after 2 a.m. on state Route 52 in San Diego.\n\n"
        "He said he didn't know Jackson's blood-alcohol level.\n"
    )
    found = _indirect(text, {"Vincent Jackson": ["Vincent Jackson", "Jackson"]})
    assert found["he didn't know"] == (None, "He")


def test_a_pronoun_reporting_about_someone_else_keeps_its_speaker() -> None:
    text = (
        "Coach Norv Turner met reporters on Tuesday.\n\n"
        "He said Jackson would play on Sunday against the Raiders.\n"
    )
    people = {"Norv Turner": ["Norv Turner"], "Vincent Jackson": ["Jackson"]}
    found = _indirect(text, people)
    assert found["Jackson would play"] == ("Norv Turner", "He")


def test_the_writer_may_name_the_speaker_inside_what_they_report() -> None:
    # GVC: the clause before "she said", or one opened by another name, may name the speaker
    text = (
        "Shelby Castleton, a neighbor, said she was flabbergasted to hear about the ordeal.\n\n"
        "Nothing about the home itself made Castleton suspicious that something was wrong "
        "there, she said.\n\n"
        "His father, Jamie DuBois, allowed News 9 to use his son's name. He said Jaidon seemed "
        "to be doing well lately, but DuBois believes Jaidon had an inner depression.\n"
    )
    people = {
        "Shelby Castleton": ["Shelby Castleton", "Castleton"],
        "Jamie DuBois": ["Jamie DuBois", "DuBois"],
        "Jaidon DuBois": ["Jaidon"],
    }
    found = _indirect(text, people)
    assert found["Nothing about the"] == ("Shelby Castleton", "she")
    assert found["Jaidon seemed to"] == ("Jamie DuBois", "He")


# ECB+ 30_3ecb (The Guardian)
MAULDIN = (
    "The cables hit by the latest incident are among the most vital information pipelines.\n\n"
    "According to Alan Mauldin, research director of communications analysis company "
    "TeleGeography, the succession of problems in the region are only likely to be remedied "
    "by a series of new cables which are currently being planned.\n"
)


def _indirect_texts(text: str, people: dict[str, list[str]]) -> list[tuple[str, str | None]]:
    entities = _entities(text, people)
    return [
        (q.text, q.speaker_text)
        for q in extract_quotes(plain_article(text), entities)
        if q.kind == "indirect"
    ]


def test_according_to_keeps_the_role_out_of_the_clause() -> None:
    found = _indirect_texts(MAULDIN, {"Alan Mauldin": ["Alan Mauldin"]})
    assert [(q.split(",")[0][:40], who) for q, who in found] == [
        ("the succession of problems in the region", "Alan Mauldin")
    ]


def test_according_to_a_spokesman_for_the_agency() -> None:
    text = (
        "According to Joe Smith, a spokesman for the county fire department, the blaze was "
        "started by a cigarette thrown from a car.\n"
    )
    found = _indirect_texts(text, {"Joe Smith": ["Joe Smith"]})
    assert found == [("the blaze was started by a cigarette thrown from a car", "Joe Smith")]


def test_according_to_then_a_clause_with_commas_keeps_it_whole() -> None:
    # no role described after the name: the words up to the next comma are the clause's
    text = "According to Joe Smith, the man, who was 34, was taken to hospital after the crash.\n"
    found = _indirect_texts(text, {"Joe Smith": ["Joe Smith"]})
    assert found[0][0].startswith("the man, who was 34")
    # a role word in a clause with its own verb is no description either
    text = "According to Joe Smith, the director resigned, and the board met on Monday.\n"
    found = _indirect_texts(text, {"Joe Smith": ["Joe Smith"]})
    assert found[0][0].startswith("the director resigned")
