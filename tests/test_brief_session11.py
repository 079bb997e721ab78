"""Session 11 brief rules for the opening, read on the fresh and fresh11 splits (ECB+ 25_ecb,
4_ecb; GVC 170442, 492546): a vigil is aftermath, a death told as a present state is a past
event, an agency dateline after a title-case place is page furniture, a person's pronoun after an
opening phrase leans on an unseen sentence, a decade does not date a sentence, and an opener from
a lede beats one from further down.
"""

from __future__ import annotations

import pytest

from newsweave.align.roundups import DATELINE as _DATELINE
from newsweave.brief import (
    _dates_of,
    _leans_on_unseen,
    _reacts,
    _tells_past_event,
    summarize_story,
)
from newsweave.model import Claim, DateMention, Story
from newsweave.nlp import spacy_model_available
from tests.report.sample import article, evidence


def test_a_vigil_is_aftermath_not_the_happening() -> None:
    assert _reacts(
        "Friends and family were on hand on Friday night to remember the life of a teenager "
        "from Killingly, who was killed earlier this month."
    )
    assert _reacts("A candlelight vigil was held for the victims on Sunday.")
    assert not _reacts("A 16-year-old has died after being accidentally shot in the face.")


@pytest.mark.skipif(not spacy_model_available(), reason="needs the spaCy model")
def test_a_death_told_as_a_present_state_is_a_past_event() -> None:
    assert _tells_past_event(
        "According to the coroner's office, a 14-year-old is dead after an apparent accidental "
        "shooting in Hopkins County, Kentucky."
    )
    assert not _tells_past_event("Kentucky State Police are investigating a shooting.")


def test_an_agency_dateline_after_a_title_case_place_is_cut() -> None:
    line = "Killingly (AP) — Connecticut State Police say a 16-year-old has died."
    assert _DATELINE.sub("", line) == "Connecticut State Police say a 16-year-old has died."
    assert _DATELINE.sub("", "NEW YORK (AP) - A man died.") == "A man died."
    # No dash after the brackets: no dateline.
    assert _DATELINE.sub("", "The man (AP) said so.") == "The man (AP) said so."


def test_a_pronoun_subject_after_an_opening_phrase_leans_on_an_unseen_sentence() -> None:
    assert _leans_on_unseen("To the rockabilly culture, she embodied the ideal woman.")
    assert _leans_on_unseen("After the game, they celebrated in the streets.")
    assert not _leans_on_unseen("On Tuesday, Smith said he would appeal the ruling.")
    assert not _leans_on_unseen("In Los Angeles, pin-up icon Bettie Page died on Thursday.")


def test_a_decade_does_not_date_a_sentence() -> None:
    text = "Bettie Page, the pin-up model of the 1950s, has died on Thursday."
    decade = text.index("1950s")
    thursday = text.index("Thursday")
    dated = article(
        "a",
        text,
        published="2008-12-12",
        dates=(
            DateMention(text="1950s", span=(decade, decade + 5), value="195", precision="year"),
            DateMention(
                text="Thursday", span=(thursday, thursday + 8), value="2008-12-11", precision="day"
            ),
        ),
    )
    assert _dates_of(evidence(dated, text), {"a": dated}) == ("2008-12-11",)


def test_an_opener_from_a_lede_beats_a_detail_further_down() -> None:
    lede = "Reggie Bush's injury-hit season has come to an early end due to a sprained left knee."
    filler = [f"Paragraph {n} of the report tells of the team's other players." for n in range(6)]
    detail = (
        "Bush picked up the problem in the Saints' overtime loss to the Chicago Bears, a "
        "result that ended their hopes of reaching the play-offs."
    )
    text = "\n\n".join(["Saints shut down Bush", lede, *filler, detail])
    a = article("a", text, title="Saints shut down Bush")
    claims = [
        Claim(
            id=f"c{i}",
            story_id="s",
            text=t,
            status="single-source",
            support=(evidence(a, t),),
        )
        for i, t in enumerate((lede, detail))
    ]
    story = Story(id="s", title="Saints shut down Bush", article_ids=("a",))
    summary = summarize_story(story, claims, [], {"a": a}, voices={})
    assert summary.sentences[0].text == lede
