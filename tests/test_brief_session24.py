"""Session 24 brief rules (issue 11), written on the `redundant` and `fragment` labels of the
fresh briefs: a line whose content words the brief already holds, close in meaning to one of its
lines, tells the same thing in other words (GVC 486434); a line whose own words hold no verb is
a clause torn from its sentence or a quote's tail (GVC 138295, ECB+ 16_ecb, 30_ecbplus); "The
others ..." leans on an unseen sentence and "Really, ..." is the writer's view (ECB+ 5_ecbplus).
"""

from __future__ import annotations

import pytest

import newsweave.brief as brief_module
from newsweave.align.similarity import text_features
from newsweave.brief import (
    _leans_on_unseen,
    _line_worthy,
    _speculates,
    _told_share,
    _verbless,
    summarize_story,
)
from newsweave.model import Claim, Story, Summary
from newsweave.nlp import spacy_model_available
from tests.report.sample import article, evidence

# The lines of GVC 486434's brief (fresh10): the third says the second again in other words.
_LEDES = (
    "A 17-year-old was arrested Saturday night in connection with the shooting death of Devin "
    "Anderson on Birch Street, police said.",
    "Ahmad Antoine, 17, of 1915 Birch St., was charged with negligent homicide and booked in the "
    "East Baton Rouge Parish Prison, the Baton Rouge Police Department said.",
    "Baton Rouge Police have charged 17-year-old Ahmad Antoine of Baton Rouge with Negligent "
    "Homicide in the city's latest shooting death.",
    "Antoine said the gun accidentally went off, striking Anderson, who died at the scene on "
    "Saturday.",
)


def _brief() -> Summary:
    articles = {f"a{i}": article(f"a{i}", text) for i, text in enumerate(_LEDES)}
    claims = [
        Claim(
            id=f"c{i}",
            story_id="s",
            text=text,
            status="single-source",
            support=(evidence(articles[f"a{i}"], text),),
        )
        for i, text in enumerate(_LEDES)
    ]
    story = Story(id="s", title="t", article_ids=tuple(articles))
    return summarize_story(story, claims, [], articles, voices={a: a for a in articles})


def test_a_line_the_brief_already_tells_in_other_words_is_left_out(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    lines = [line.text for line in _brief().sentences]
    assert _LEDES[1] in lines and _LEDES[3] in lines
    assert _LEDES[2] not in lines
    # Its cosine to the line it repeats (0.70) is under the older rule's 0.72: this rule is
    # what leaves it out.
    monkeypatch.setattr(brief_module, "TOLD_SHARE", 1.01)
    assert _LEDES[2] in [line.text for line in _brief().sentences]


def test_the_told_share_counts_content_words_and_figures() -> None:
    told = set(text_features("Ahmad Antoine, 17, was charged with negligent homicide.").terms)
    assert _told_share("Antoine, 17, was charged with negligent homicide.", told) == 1.0
    assert _told_share("Antoine, 18, was charged with murder.", told) == 0.5
    assert _told_share("Police say the motive of the shooting is unknown.", told) == 0.0
    assert _told_share("", told) == 1.0


@pytest.mark.skipif(not spacy_model_available(), reason="needs the spaCy English model")
def test_a_line_whose_own_words_hold_no_verb_is_a_fragment() -> None:
    for text in (
        "Thursday at the Broad River bridge on the Elbert County line, Madison County "
        "sheriff's deputies said.",
        'The 27-year-old Escalante "was shot in the back of the head and never saw the '
        'assailants coming."',
        'ITNewsAfrica that "a Telecom Egypt fiber line near Alexandria has been damaged '
        'resulting in loss of telecommunications for all three mobile operators."',
    ):
        assert _verbless(text), text
    # Whole sentences, those the parser reads as one noun phrase too, and quotes with a
    # speaker keep their verbs.
    for text in (
        "The shooting occurred about 5:30 p.m. at the Broad River bridge on the Elbert County "
        "line, Patton said.",
        "An earthquake measuring 5.6 on the Richter scale jolted Qeshm island off Iran's "
        "southern coast on Sunday, followed by several aftershocks on Monday.",
        "Violence reignited in Athens following vigils for the teenager killed by police a week "
        "ago.",
        '"If there was any more I could give you, I would," the judge said.',
        "Reid, 33, was photographed on the red carpet on Friday night in Los Angeles.",
    ):
        assert not _verbless(text), text


def test_the_others_lean_on_an_unseen_sentence() -> None:
    others = (
        "The others involved a booster allegedly giving $500 to a football player, and an "
        "orthodontist providing free and discounted services to five players."
    )
    assert _leans_on_unseen(others)
    assert not _line_worthy(others)
    for text in (
        "The former president was arrested in Paris on Monday, police said.",
        "The others of the group were released on bail on Monday evening.",
        "The rest of the team flew home on Sunday after the game ended.",
    ):
        assert not _leans_on_unseen(text), text


def test_really_opens_the_writers_view() -> None:
    assert _speculates("Really, this move has been in the making for quite some time.")
    assert not _speculates("Really big crowds gathered outside the court on Monday morning.")
