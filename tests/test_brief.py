from __future__ import annotations

from newsweave.brief import summarize_story
from newsweave.model import Claim, Conflict, ConflictValue, Story
from tests.report.sample import article, evidence


def test_brief_leads_with_corroboration_names_disputes_and_cites_everything() -> None:
    a = article(
        "a",
        "Russian President Vladimir Putin congratulated Joe Biden on his election victory.\n\n"
        "Biden defeated President Donald Trump 306-232 in the Electoral College vote.\n\n"
        "He added that he was ready for contacts with the new administration soon.",
        outlet="PEOPLE",
    )
    b = article(
        "b",
        "Vladimir Putin has congratulated Joe Biden on his victory in the US election.\n\n"
        "Electors cast 302 electoral votes for Joe Biden in the Electoral College.",
        outlet="Sputnik",
    )
    c = article("c", b.text, outlet="Copy")
    arts = {x.id: x for x in (a, b, c)}
    corroborated = Claim(
        id="c1",
        story_id="s",
        text=a.text.split("\n\n")[0],
        status="corroborated",
        support=(evidence(a, a.text.split("\n\n")[0]), evidence(b, b.text.split("\n\n")[0])),
    )
    near_repeat = Claim(
        id="c2",
        story_id="s",
        text=b.text.split("\n\n")[0],
        status="single-source",
        support=(evidence(b, b.text.split("\n\n")[0]), evidence(c, c.text.split("\n\n")[0])),
    )
    pronoun = Claim(
        id="c3",
        story_id="s",
        text=a.text.split("\n\n")[2],
        status="single-source",
        support=(evidence(a, a.text.split("\n\n")[2]),),
    )
    conflict = Conflict(
        id="k",
        story_id="s",
        topic="electoral votes for Joe Biden",
        values=(
            ConflictValue(value="306", evidence=(evidence(a, "306-232"),)),
            ConflictValue(value="302", evidence=(evidence(b, "302 electoral votes"),)),
        ),
    )
    story = Story(id="s", title="t", article_ids=("a", "b", "c"))
    summary = summarize_story(
        story, [near_repeat, pronoun, corroborated], [conflict], arts, voices={"c": "b"}
    )
    texts = [s.text for s in summary.sentences]
    assert texts[0] == corroborated.text
    assert (
        texts[1]
        == "Outlets differ on the electoral votes for Joe Biden: 306 (PEOPLE) vs 302 (Sputnik)."
    )
    assert near_repeat.text not in texts  # says what the lead already says
    assert pronoun.text not in texts  # leans on a sentence the brief does not show
    assert all(s.article_ids for s in summary.sentences)
    assert summary.sentences[0].article_ids == ("a", "b")
    extractive = [t for t in texts if not t.startswith("Outlets differ")]
    assert all(any(t in x.text for x in arts.values()) for t in extractive)
