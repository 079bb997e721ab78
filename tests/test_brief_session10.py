"""Session 10 brief rules for the opening, read on the fresh8 and fresh9 splits (GVC 462496 and
601037, ECB+ 20_ecb, 19_ecb, 33_ecbplus, 33_ecb): an opening that stops at an injury yields to a
lede that reports the death; a parse with no verb at its root says nothing of the tense; what is
scheduled is no happening yet; a sequel ("Two weeks later, ...") and a reaction are no lede.
"""

from __future__ import annotations

import pytest

from newsweave.brief import (
    _SEQUEL_START,
    _best_opener,
    _final_outcome,
    _not_yet_or_announced,
    _reacts,
    _states_values,
    _tells_past_event,
    _values,
)
from newsweave.model import Claim
from newsweave.nlp import spacy_model_available


def _claims(*texts: str) -> list[Claim]:
    return [
        Claim(id=f"c{i}", story_id="s", text=t, status="single-source", support=())
        for i, t in enumerate(texts)
    ]


INJURED = (
    "A 17-year-old is recovering from a critical gunshot wound to the head after accidentally "
    "shooting himself in front of friends, Universal City Police said."
)
DIED = (
    "The teenager that accidentally shot himself in front of friends early Thursday morning "
    "has died, according to his family."
)


def test_an_opening_that_stops_at_an_injury_yields_to_a_lede_that_reports_the_death() -> None:
    candidates = _claims(INJURED, DIED)

    def pick(headline: list[float], lede: bool = True) -> int:
        return _final_outcome(
            0,
            [0, 1],
            candidates,
            headline,
            0.2,
            lede=lambda i: lede,
            rank=lambda i: (1.0, -i),
        )

    assert pick([0.8, 0.7]) == 1
    # ... only a lede that restates the headlines about as well, and only a lede.
    assert pick([0.8, 0.5]) == 0
    assert pick([0.8, 0.7], lede=False) == 0
    # An opening that already tells the death, or tells no open outcome, stays.
    both = _claims(DIED, INJURED)
    assert _final_outcome(0, [0, 1], both, [0.8, 0.8], 0.2, lede=bool, rank=lambda i: (0, i)) == 0
    killing = _claims(
        "A bomb exploded Friday at a bank, killing an officer and critically injuring the chief.",
        DIED,
    )
    assert (
        _final_outcome(0, [0, 1], killing, [0.8, 0.8], 0.2, lede=bool, rank=lambda i: (0, i)) == 0
    )
    plain = _claims("The council voted on Tuesday to close the old bridge for repairs.", DIED)
    assert _final_outcome(0, [0, 1], plain, [0.8, 0.8], 0.2, lede=bool, rank=lambda i: (0, i)) == 0


def test_a_person_struck_yields_to_the_lede_that_says_she_died() -> None:
    candidates = _claims(
        "Police said the woman was hit in the crosswalk of the parking lot around 7 p.m.",
        "A woman died Wednesday night after being struck by a hit-and-run driver outside a store.",
    )
    chosen = _final_outcome(
        0, [0, 1], candidates, [0.7, 0.7], 0.2, lede=lambda i: True, rank=lambda i: (1.0, -i)
    )
    assert chosen == 1


@pytest.mark.skipif(not spacy_model_available(), reason="needs spaCy's parser")
def test_a_sentence_parsed_as_a_noun_phrase_tells_its_past_verbs() -> None:
    assert _tells_past_event(
        "An earthquake measuring 5.6 on the Richter scale jolted Qeshm island off Iran's "
        "southern coast on Sunday, followed by several aftershocks on Monday."
    )
    # ... and a sentence with a verb at its root is read as before.
    assert not _tells_past_event("Kraft makes Ritz crackers at the plant.")


def test_what_is_scheduled_or_planned_is_no_happening_yet() -> None:
    assert not _not_yet_or_announced("A separate protest is scheduled in western Athens.")
    assert not _not_yet_or_announced("More demonstrations are planned for Monday.")
    assert _not_yet_or_announced("The attack was planned for weeks.")
    assert _not_yet_or_announced("Youths attacked a police station in central Athens.")


def test_a_sequel_or_an_addition_is_no_opening() -> None:
    assert _SEQUEL_START.match(
        "Less than two weeks later, Jermayne Timmons was arrested and charged with the shooting."
    )
    assert _SEQUEL_START.match("In addition to the mother, a girl was wounded by the sniper.")
    assert _SEQUEL_START.match("Hours earlier, police had closed the road.")
    assert not _SEQUEL_START.match("Timmons was arrested two weeks later and charged.")
    assert not _SEQUEL_START.match("Later Tuesday, police arrested a 17-year-old.")


def test_among_openers_alike_a_reaction_is_not_the_lede() -> None:
    reaction = (
        "A week of violence in Greece has taken its toll on the fragile conservative government, "
        "with opinion polls showing on Sunday that many think authorities mishandled the riots."
    )
    news = "Greek students announced new rallies on Sunday after another night of violence."
    assert _reacts(reaction)
    assert not _reacts(news)
    assert not _reacts('"We reacted as fast as we could," the chief said of the fire on Main St.')
    candidates = _claims(reaction, news)
    ranks = {0: (2.6, 0), 1: (2.3, -1)}
    chosen = _best_opener([0, 1], [0.64, 0.61], candidates, 0.1, rank=ranks.__getitem__)
    assert chosen == 1
    # ... but a reaction is the opener when every opener alike is one.
    alone = _claims(reaction, "Greeks have reacted with fury to an official report.")
    assert _best_opener([0, 1], [0.64, 0.61], alone, 0.1, rank=ranks.__getitem__) == 0


def test_a_cited_sentence_must_hold_the_ordinal_of_the_line() -> None:
    line = "Jamal Williams was arrested on suspicion of drunk driving, the second such arrest."
    numbers, names = _values(line)
    assert not _states_values("Jamal Williams was arrested early Sunday.", numbers, names)
    assert _states_values(
        "Jamal Williams was arrested, the second such arrest in less than a month.", numbers, names
    )
