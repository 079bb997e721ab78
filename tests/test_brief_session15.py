"""Session 15 brief rules (issue 11): a conflict topic worded as an indirect question takes no
article in the templated lines; a headline cut mid-word loses its stub (GVC 470971); "All
three ..." and "these crimes" lean on unseen sentences (ECB+ 13_ecbplus); a scare-quoted
condition is an open outcome (GVC 306048)."""

from __future__ import annotations

from newsweave.brief import (
    _OPEN_OUTCOME,
    _QUOTED,
    _REFERS_BACK,
    _SCARE_QUOTES,
    _conflict_sentence,
    _leans_on_unseen,
    _uncut,
    _update_sentence,
)
from newsweave.model import Conflict, ConflictValue
from tests.report.sample import article, evidence


def _conflict(topic: str, kind: str = "conflict") -> tuple[Conflict, dict]:
    a = article("a", "Smith has married three times.", published="2016-10-18")
    b = article("b", "Smith has married four times.", published="2016-10-19")
    values = (
        ConflictValue(value="3", evidence=(evidence(a, "three times"),)),
        ConflictValue(value="4", evidence=(evidence(b, "four times"),)),
    )
    conflict = Conflict(id="k", story_id="s", topic=topic, values=values, kind=kind)
    return conflict, {"a": a, "b": b}


def test_a_question_topic_takes_no_article() -> None:
    conflict, arts = _conflict("how many times Smith married")
    line = _conflict_sentence(conflict, arts)
    assert line.text.startswith("Outlets differ on how many times Smith married: 3 (")


def test_a_noun_topic_keeps_its_article() -> None:
    conflict, arts = _conflict("people killed")
    assert _conflict_sentence(conflict, arts).text.startswith(
        "Outlets differ on the people killed:"
    )


def test_an_update_line_capitalises_a_question_topic() -> None:
    conflict, arts = _conflict("how many times Smith married", kind="update")
    assert _update_sentence(conflict, arts).text.startswith(
        "How many times Smith married changed over the days: 3 ("
    )
    conflict, arts = _conflict("people killed", kind="update")
    assert _update_sentence(conflict, arts).text.startswith("The people killed changed")


def test_a_title_cut_mid_word_loses_its_stub_and_dangling_words() -> None:
    body = "Deputies responded after a teen was accidentally shot in the face."
    a = article("a", body, title="Teen recovering after accidentally being shot in fa")
    assert _uncut(a.title, [a]) == "Teen recovering after accidentally being shot"


def test_a_title_ending_on_a_word_of_the_story_stays_whole() -> None:
    a = article("a", "The fire was set and crews were called in.", title="Crews called in")
    assert _uncut(a.title, [a]) == "Crews called in"


def test_all_three_and_both_lean_on_an_unseen_sentence() -> None:
    assert _leans_on_unseen("All three fires occurred in or around the small town of Alaska.")
    assert _leans_on_unseen("Both men were charged with murder on Monday.")
    assert not _leans_on_unseen("Both Smith and Jones were charged with murder on Monday.")


def test_these_crimes_refers_back() -> None:
    assert _REFERS_BACK.search("Given the fact that none of these crimes has been solved.")


def test_a_scare_quoted_condition_is_the_writers_outcome() -> None:
    text = 'A girl shot in the neighborhood was still in "grave" condition on Saturday.'
    own = _QUOTED.sub(" ", _SCARE_QUOTES.sub(r"\1", text))
    assert _OPEN_OUTCOME.search(own)


def test_a_topic_with_its_own_article_gets_no_second_one() -> None:
    conflict, arts = _conflict("the body whose office Smith holds")
    assert _conflict_sentence(conflict, arts).text.startswith(
        "Outlets differ on the body whose office Smith holds:"
    )
