"""Session 16 brief rules (issue 11): a line cites only the sentences that state its injury
degree, its wounded body part and a done act as done (GVC 610379, 306048, ECB+ 27_ecb); a
plan told in the past opens no brief; a column's sentences open no brief while a news report's
can, and a story told only by columns is briefed by a dated lede or not at all (ECB+ 7_3ecb);
a photo credit glued to its caption is no line (GVC 492366)."""

from __future__ import annotations

from newsweave.brief import (
    _claim_sentence,
    _degrees,
    _fragment,
    _not_yet_or_announced,
    _opinion_piece,
    _states_details,
    summarize_story,
)
from newsweave.model import Claim, Story
from tests.report.sample import article, evidence


def _claim(*texts: str) -> Claim:
    arts = [article(f"a{i}", text) for i, text in enumerate(texts)]
    support = tuple(evidence(a, a.text) for a in arts)
    return Claim(id="c", story_id="s", text=texts[0], status="corroborated", support=support)


def test_minor_injuries_are_not_stated_by_not_life_threatening() -> None:
    line = "Another child was taken to a local hospital with minor injuries."
    other = (
        "Another child had been taken Saturday night to a hospital, but her injuries were "
        "not expected to be life-threatening."
    )
    assert not _states_details(other, line)
    assert _claim_sentence(_claim(line, other)).article_ids == ("a0",)


def test_the_same_degree_in_other_words_is_stated() -> None:
    assert _degrees("He was critically wounded") == _degrees("in critical condition")
    assert _states_details(
        "The man was taken to hospital in serious condition.",
        "The man was seriously injured and taken to hospital.",
    )
    assert _degrees("injuries not expected to be life-threatening") == {"not life-threatening"}
    assert _degrees("non-life-threatening injuries") == {"not life-threatening"}
    assert _degrees("life-threatening injuries") == {"life-threatening"}


def test_a_wounded_body_part_must_be_stated() -> None:
    line = (
        "Ilanye Price was taken to Kosair Children's Hospital Friday night after suffering "
        "serious injury from a gunshot wound to the head."
    )
    other = (
        "Ilanye Price was taken to Kosair Children's Hospital Friday night after being "
        "injured at a home on Algonquin Parkway near 35th Street."
    )
    assert not _states_details(other, line)
    assert _states_details(
        "A man was shot in the head and seriously hurt.",
        "A man with a serious head wound was taken to hospital.",
    )
    assert _states_details("She was shot in both legs.", "She was shot in the leg, police said.")
    # "on the back of a truck" is no wound.
    assert _states_details("Boxes fell off a truck.", "Boxes were loaded on the back of a truck.")


def test_a_plan_does_not_state_a_done_act() -> None:
    planned = "Microsoft was to release an emergency patch yesterday to fix a software flaw."
    done = "Microsoft released an emergency patch yesterday to fix a software flaw."
    assert not _states_details(planned, done)
    assert _states_details(done, done)
    assert _states_details(planned, planned)
    assert not _states_details(
        "The company will hold a vote on Monday.", "The company held a vote."
    )


def test_a_plan_told_in_the_past_opens_no_brief() -> None:
    assert not _not_yet_or_announced("Microsoft was to release an emergency patch yesterday.")
    assert _not_yet_or_announced("Microsoft released an emergency patch yesterday.")


_COLUMN = "\n\n".join(
    (
        "Heavyweight Champion Wladimir Klitschko easily dismantled Hasim Rahman in the seventh.",
        "Rahman never gave himself a chance, standing on the outside all night long.",
        "Chris Arreola would probably give an effort before being stopped in a round or two.",
        "Alexander Povetkin might want to rethink his title shot after this one.",
        "The weak heavyweight division doesn't seem to have much to offer the champion.",
        "It was the only time that I have ever seen a three punch combo downstairs.",
    )
)
_NEWS = "\n\n".join(
    (
        "Wladimir Klitschko stopped Hasim Rahman in the seventh round on Saturday in Mannheim.",
        "Klitschko knocked Rahman down in the sixth round with three left hooks.",
        '"I was surprised how easy it was," Klitschko said after the fight.',
        "Referee Tony Weeks stopped the bout 44 seconds into the seventh round.",
        "Rahman may have been the worst opponent of the year, one trainer said.",
    )
)


def test_a_column_is_an_opinion_piece_and_a_report_is_not() -> None:
    assert _opinion_piece(article("col", _COLUMN))
    assert not _opinion_piece(article("news", _NEWS))


def test_a_photo_credit_glued_to_its_caption_is_no_line() -> None:
    assert _fragment(
        "(Peter Hvizdak — Register)Saturday October 26, 2013(Peter Hvizdak — Register)New "
        "Haven Police investigate the crime scene where one woman is dead."
    )
    assert not _fragment("Police (who arrived at 9 p.m.) found the man dead.")


def test_a_story_told_only_by_a_column_without_a_dated_lede_has_no_brief() -> None:
    column = article("col", _COLUMN)
    claim = Claim(
        id="c",
        story_id="s",
        text="Rahman never gave himself a chance, standing on the outside all night long.",
        status="single-source",
        support=(evidence(column, "Rahman never gave himself a chance"),),
    )
    story = Story(id="s", title="t", article_ids=("col",))
    brief = summarize_story(story, [claim], [], {"col": column}, voices={"col": "col"})
    assert brief.sentences == ()


def test_a_quote_running_across_paragraphs_is_no_writer_s_view() -> None:
    text = "\n\n".join(
        (
            "Tara Reid has entered a rehab program, her representative confirmed on Friday.",
            "In an interview in October, Reid told People she was no longer tempted:",
            '"No. I have done enough for a lifetime of everything.',
            "I have had a great time and I ate and drank whatever I wanted.",
            "I dated a million guys, but I am so happy with where I am at right now.",
            'I do not need to do anything anymore."',
        )
    )
    assert not _opinion_piece(article("n", text))
