"""Session 19 rules (issue 11), read as a fact-checker on ECB+ 10_ecbplus: a brief line is no
writer speaking to the reader ("You can follow the entire saga on MLB Trade Rumors", "rest
assured that the Sox want him") and no sentence a connective joins to one the brief does not
show ("In fact, Angels GM Tony Reagins later confirmed the report ..."); a timeline entry is a
whole sentence, and a plan dated after its page's day is no happening of that day."""

from __future__ import annotations

import dataclasses

from newsweave.align.timeline import build_timeline, whole_sentence
from newsweave.brief import _leans_on_unseen, _line_worthy, _opinion_piece, _speculates
from newsweave.extract.dates import extract_dates
from newsweave.model import Article, Story
from tests.report.sample import article


def test_the_writer_speaking_to_the_reader_is_no_line() -> None:
    for text in (
        "You can follow the entire saga on MLB Trade Rumors.",
        "In the case of Teixeira, rest assured that the Sox want him, no matter what games are "
        "being played by club officials.",
        "Without question, Teixeira is a very solid hitter and a bona fide slugger.",
        "Here's a prediction: the Red Sox will have made the largest offer in your history.",
        "Leave your thoughts, ideas and desires in the comments section below.",
    ):
        assert _speculates(text), text
        assert not _line_worthy(text), text
    # A speaker's own "you", told without quotation marks, and news copy without one stay.
    for text in (
        "Sheriff Alan Jones says if you can't afford a lock for your gun, the Sheriff's Office "
        "will try and get them for you.",
        "\"You can't put your mind around it,\" the victim's uncle said on Sunday.",
        "Dan Patrick reported on his show that the Red Sox made Teixeira an eight-year offer.",
        "Police clearly identified the man as the driver of the car on Friday night.",
    ):
        assert not _speculates(text), text


def test_a_column_that_speaks_to_its_reader_is_a_column() -> None:
    column = article(
        "c",
        "You fail 1.5 times in today's NBA, you might be done for a while.\n\n"
        "If you don't know by now: you disappoint in the NBA, you get canned.\n\n"
        "Clearly the owners are less concerned with winning than with selling tickets.\n\n"
        "The team fired its coach on Monday after a loss to the Bulls.\n\n"
        "He had coached the team for three seasons and won 120 games.",
    )
    assert _opinion_piece(column)


def test_a_connective_leans_on_the_sentence_before() -> None:
    for text in (
        "In fact, Angels GM Tony Reagins later confirmed the report to the Los Angeles Times.",
        "Similarly, Buster Olney of ESPN.com believes the Nationals do not expect to sign him.",
        "Additionally, one victim, 19-year-old Amanda John, was underage.",
        "As a result, the two men have reportedly cost the city about $215,000.",
        "Nonetheless, Microsoft lists Internet Explorer 5.01, 6 and 7 as affected software.",
        "Both Detroit residents face arraignment Thursday on charges of child abuse.",
    ):
        assert _leans_on_unseen(text), text
    # A phrase that names what it follows leans on nothing.
    for text in (
        "In response to the shooting, police closed the road for three hours on Friday.",
        "As a result of the crash, the highway was closed for three hours on Friday.",
        "Indiana State Police said the crash happened on Friday morning near Muncie.",
        "Both Smith and Jones were charged with second-degree child abuse on Monday.",
    ):
        assert not _leans_on_unseen(text), text


def _dated(ident: str, text: str, published: str) -> Article:
    base = article(ident, text, published=published, outlet=ident.upper())
    return dataclasses.replace(base, dates=extract_dates(text, published))


def _entries(*pages: tuple[str, str]) -> list[tuple[str, str]]:
    arts = {f"a{i}": _dated(f"a{i}", text, day) for i, (text, day) in enumerate(pages)}
    story = Story(id="s", title="t", article_ids=tuple(arts))
    return [(e.date, e.text) for e in build_timeline([story], arts)]


def test_a_timeline_entry_is_a_whole_sentence() -> None:
    page = (
        "Smith was arrested at his home on Friday after a chase.\n\n"
        'In an e-mail on Thursday night, Henry said, "We met with Mr. Teixeira.\n\n'
        'After hearing his offers on Thursday, it seems clear we are out."\n\n'
        "and the team left the stadium on Wednesday night, police said.\n\n"
        "The judge (who was appointed on Tuesday said the case would go on."
    )
    entries = _entries((page, "2008-12-20"))
    assert [text[:12] for _, text in entries] == ["In an e-mail", "Smith was ar"]
    assert whole_sentence("He hit. 308 with 33 homers on Monday.", 8, 37) is False
    assert whole_sentence("He said “we won” on Monday.", 0, 27) is True
    # A quote's tail whose speaker follows is whole (ECB+ 22_ecbplus).
    tail = 'We wanted to investigate the situation," Kraft said in a statement Friday.'
    assert whole_sentence(tail, 0, len(tail)) is True


def test_a_plan_dated_after_its_page_is_no_happening() -> None:
    first = (
        "Smith pleaded guilty to murder on Monday in Superior Court.\n\n"
        "He will be sentenced on Dec. 29, prosecutors said Monday.\n\n"
        "Teixeira will be 29 in April.\n\n"
        "The injury raises the chances of an upset by the Hawks on Dec. 20.\n\n"
        "Both face arraignment on Dec. 18 in the county court.\n\n"
        "They're expected to be arraigned at 10:30 a.m. on Dec. 19.\n\n"
        "His next court hearing is scheduled for Dec. 22 in the county court."
    )
    entries = _entries((first, "2008-12-15"))
    assert entries == [
        ("2008-12-15", "Smith pleaded guilty to murder on Monday in Superior Court.")
    ]
    # The day after the page's told as done stays: a page updated after its first day.
    updated = "The boy died at a hospital on Dec. 17, his family said."
    assert _entries((updated, "2008-12-15")) == [("2008-12-17", updated)]
    # ... and a later page that reports the plan done dates it.
    later = "Smith was sentenced on Dec. 29 to life in prison."
    assert ("2008-12-29", later) in _entries((first, "2008-12-15"), (later, "2008-12-30"))
