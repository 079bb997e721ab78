"""Indirect speech keeps the negation and hedge of its frame (fact-check audit, 2026-12-02).

Shapes from the audit of four train stories (GVC 710885, 571210, ECB+ 33): a reported clause
that drops "do not believe" or "no indication" states the opposite of the article.
"""

from __future__ import annotations

from newsweave.extract.entities import EntityConfig, extract_entities
from newsweave.extract.quotes import extract_quotes

from .helpers import plain_article as _article


def _indirect(text: str) -> list[str]:
    article = _article(text)
    result = extract_entities([article], config=EntityConfig(use_model=False))
    return [q.text for q in extract_quotes(article, result) if q.kind == "indirect"]


def test_do_not_believe_stays_in_the_reported_clause() -> None:
    found = _indirect(
        "Police spokesman Doug Wellborn said the man crying in the hallway is not a suspect. "
        "He said police do not believe he was present for the shooting."
    )
    assert "police do not believe he was present for the shooting" in found
    assert "he was present for the shooting" not in found


def test_no_indication_that_stays_in_the_reported_clause() -> None:
    found = _indirect(
        "Police said there was no indication that drugs or alcohol were involved in the deaths."
    )
    assert found == ["there was no indication that drugs or alcohol were involved in the deaths"]


def test_an_affirmative_frame_still_reports_only_its_clause() -> None:
    found = _indirect("Police said on Saturday they were likely to remain closed for some time.")
    assert found == ["they were likely to remain closed for some time"]
    found = _indirect("Prosecutor David Rossi said that the gun was never found.")
    assert found == ["the gun was never found"]


def test_a_negated_frame_reports_nothing() -> None:
    for text in (
        "Police Chief Mark Jones would not say whether the suspect was armed with a rifle.",
        "Police Chief Mark Jones did not say that the suspect was armed with a rifle.",
        "Police Chief Mark Jones declined to confirm that the suspect was armed with a rifle.",
        "Mayor Anne Smith denied that the city had lost the files in the fire.",
        "Mayor Anne Smith neither confirmed nor denied that the city had lost the files.",
        "No one has said that the city lost the files in the fire.",
    ):
        assert _indirect(text) == [], text


def test_a_hope_keeps_its_verb() -> None:
    found = _indirect("Mayor Anne Smith hoped that the talks would end the strike by Friday.")
    assert found == ["hoped that the talks would end the strike by Friday"]


def test_a_clause_reaching_a_quote_mid_phrase_is_never_cut_there() -> None:
    found = _indirect(
        "Jermayne Timmons told police he fired at the group. He said the gun he used was kept "
        'hidden under a shed and used by "everyone in the neighborhood."'
    )
    assert not any(q.endswith("used by") or q.startswith("he used") for q in found)
    assert (
        'the gun he used was kept hidden under a shed and used by "everyone in the neighborhood."'
        in found
    )
    found = _indirect(
        "Elijah Coleman told jurors he and two friends went to West Hill on May 29 to "
        '"put in some work."'
    )
    assert found == ['he and two friends went to West Hill on May 29 to "put in some work."']
    found = _indirect(
        "Prosecutor David Rossi said Timmons rode his bike to an area of West Hill, the "
        'reason being, "It\'s hot, lots of action in that area."'
    )
    assert found == []


def test_a_verb_with_an_object_after_a_clause_is_no_attribution() -> None:
    found = _indirect(
        "In response to the fallout over the death, and further gun violence in Albany, "
        "District Attorney David Soares announced a gun buyback program in mid-June, offering "
        "gift cards to anyone who brought in a gun."
    )
    assert found == []


def test_according_to_reports_names_no_speaker() -> None:
    found = _indirect(
        "According to reports, Mendoza and Bandemer were with another teen who left the house."
    )
    assert found == []


def test_an_outlet_credit_after_the_clause_is_not_part_of_it() -> None:
    found = _indirect(
        "Mendoza appeared in court Sunday, where prosecutors said he confessed to the murder in "
        "a video he took from a squad car, the Tribune reported."
    )
    assert found == ["he confessed to the murder in a video he took from a squad car"]


def test_a_document_after_but_reports_with_its_own_name() -> None:
    article = _article(
        "Fairbanks police said in a statement that four people were found dead.\n\n"
        "Police did not immediately clarify whether the man was involved, but the news release "
        "added that there is no threat to the public."
    )
    result = extract_entities([article], config=EntityConfig(use_model=False))
    found = [
        (q.text, q.speaker_text)
        for q in extract_quotes(article, result)
        if q.kind == "indirect" and "threat" in q.text
    ]
    assert found == [("there is no threat to the public", "the news release")]


def test_a_frame_inside_a_question_or_before_a_relative_clause_reports_nothing() -> None:
    found = _indirect(
        "It was not clear whether Saeve Evans is believed to have fired the shot that killed "
        "Marcus McMillian."
    )
    assert found == []


def test_a_clause_before_a_colon_and_its_quote_is_complete() -> None:
    found = _indirect(
        "Michelle Powell said she is praying for the girl's mother, and she hopes the death will "
        'serve as a reminder for others: "Put your gun away."'
    )
    assert found == [
        "she is praying for the girl's mother, and she hopes the death will serve as a reminder "
        "for others"
    ]


def test_a_clause_of_time_or_manner_after_the_verb_is_not_what_was_said() -> None:
    # ECB+ 31 and 28, GVC, AQUAINT: the speaker's circumstances, not their words.
    for text in (
        '"I never dreamed I\'d be here," Hansbrough said as he stood alone at midcourt.',
        '"It was won," Castro said as he wound up his speech at the theater.',
        "Prime Minister George Papandreou told parliament as he condemned the act.",
        '"I joined in that coverup," LaRue said in a statement after he admitted the charges.',
    ):
        assert _indirect(text) == [], text
    # A clause that holds such a conjunction is still reported whole.
    assert _indirect("Neighbors said they ran to the home after they heard the shot.") == [
        "they ran to the home after they heard the shot"
    ]
    assert _indirect("Police said on Saturday they found the car.") == ["they found the car"]
