"""Brief rules from audit 5 (four unlabelled ECB+ train stories read by a fact-checker):
speculation stays out of a brief, the opener is the best-supported wording of the
happening, a reprinted notes column is one voice, and the latest corroborated development is
told."""

from __future__ import annotations

from newsweave.align.claims import ClaimConfig
from newsweave.brief import _vouched, reprint_voices, summarize_story
from newsweave.model import Claim, Story, TimelineEntry
from tests.report.sample import article, evidence
from tests.report.sample import single_source as single


def test_speculation_and_first_person_stay_out_of_a_brief() -> None:
    lines = [
        "The old dairy warehouse in Palmer burned to the ground on Tuesday morning.",
        "Arson is likely, given the fact that the building was without electrical connections.",
        "When the church fire destroyed church records, I suspected foul play at the time.",
        "All three fires may have conferred some benefit on the former governor of the state.",
        "It was probably just coincidence that the nurse had worked at the same hospital.",
        "Did they know that the owner of the house did not smoke in bed at all?",
        "If there were records the governor did not want found, a fire would solve that problem.",
        "Of course it was not coincidence that the nurse was at home when the fire broke out.",
    ]
    blog = article("b", "\n\n".join(lines), outlet="example-blog.org")
    claims = [single(f"c{k}", blog, text) for k, text in enumerate(lines)]
    story = Story(id="s", title="A pattern of fires?", article_ids=("b",))
    brief = summarize_story(story, claims, [], {"b": blog}, voices={})
    assert [s.text for s in brief.sentences] == [lines[0]]


def test_a_hedge_in_a_news_report_stays_out_and_the_rest_stays() -> None:
    lines = [
        "A fire destroyed the historic dairy warehouse in Palmer early on Tuesday morning.",
        "Firefighters poured 5,000 gallons of water a minute onto the burning building.",
        "The owner said the building was likely a total loss after the blaze.",
    ]
    news = article("n", "\n\n".join(lines), outlet="adn.com")
    claims = [single(f"c{k}", news, text) for k, text in enumerate(lines)]
    story = Story(id="s", title="Historic warehouse burns", article_ids=("n",))
    texts = [s.text for s in summarize_story(story, claims, [], {"n": news}, voices={}).sentences]
    assert texts[0] == lines[0]
    assert lines[1] in texts
    assert lines[2] not in texts  # the hedge itself stays out


def test_the_opener_is_the_best_supported_wording_of_the_happening() -> None:
    # One outlet's wording is the closest to the headline; two outlets say it otherwise (MiniLM:
    # headline cosine 0.78 vs 0.57, the two wordings 0.87 apart: one happening).
    minority = (
        "The old Matanuska dairy building in Palmer was nearly destroyed by a fire on Tuesday."
    )
    majority = "Fire destroyed Palmer's historic Matanuska dairy warehouse on Tuesday morning."
    one = article(
        "a",
        f"{minority}\n\nCrews from two fire departments responded to the blaze.",
        title="Dairy building nearly destroyed by fire",
    )
    two = article("b", f"{majority}\n\nThe building had stood empty for years.", title="Fire")
    three = article("c", f"{majority}\n\nThe cause is not known yet.", title="Palmer")
    arts = {x.id: x for x in (one, two, three)}
    claims = [
        single("m1", one, minority),
        Claim(
            id="m2",
            story_id="s",
            text=majority,
            status="corroborated",
            support=(evidence(two, majority), evidence(three, majority)),
        ),
    ]
    story = Story(
        id="s", title="Dairy building nearly destroyed by fire", article_ids=("a", "b", "c")
    )
    brief = summarize_story(story, claims, [], arts, voices={})
    assert brief.sentences[0].text == majority


def test_articles_that_share_three_sentences_are_one_voice() -> None:
    notes = [
        "Adam Jones says the herniated disk in his neck was bothering him before the hit.",
        "St. Louis lost two more players for the rest of the season on Wednesday afternoon.",
        "Pro Bowl cornerback Cortland Finnegan was fined by the league for two hard hits.",
    ]
    wire = article("w", "Manning led the Colts past the Jaguars.\n\n" + "\n\n".join(notes))
    reprint = article("r", "The Colts beat the Jaguars on Thursday.\n\n" + "\n\n".join(notes))
    other = article("o", "Indianapolis won 31-24.\n\n" + "\n\n".join(notes[:2]))
    # Each note is one claim of the claims stage, stated by the articles that print it.
    claims = [
        Claim(
            id=f"n{k}",
            story_id="s",
            text=note,
            status="corroborated",
            support=tuple(evidence(a, note) for a in (wire, reprint, other) if note in a.text),
        )
        for k, note in enumerate(notes)
    ]
    voices = reprint_voices(claims, {}, ClaimConfig())
    assert voices["w"] == voices["r"]
    # Two shared sentences are not a retold text (`ClaimConfig.reprint_sentences`).
    assert voices["o"] != voices["w"]


def test_a_line_one_voice_states_outside_its_lede_is_not_vouched_for() -> None:
    class Facts:
        def __init__(self, voices: int, lede: bool) -> None:
            self.voices, self.lede = voices, lede

    assert not _vouched(Facts(1, False))  # type: ignore[arg-type]
    assert _vouched(Facts(1, True))  # type: ignore[arg-type]
    assert _vouched(Facts(2, False))  # type: ignore[arg-type]


def _entry(day: str, art, text: str) -> TimelineEntry:  # type: ignore[no-untyped-def]
    return TimelineEntry(
        date=day, precision="day", text=text, evidence=(evidence(art, text),), story_id="s"
    )


def test_the_latest_development_that_two_voices_report_is_told() -> None:
    escape = "The inmate escaped from a prison van near Houston on Monday morning after a gunfight."
    escape2 = "A convicted inmate escaped from a prison transport van near Houston on Monday."
    capture = "The escaped inmate was captured on Monday in northeast Houston after a tip."
    capture2 = "Marshals caught the fugitive on Monday at a business in north Houston, police said."
    a = article("a", escape, published="2009-11-30")
    b = article("b", escape2, published="2009-11-30")
    c = article("c", capture, published="2009-12-07")
    d = article("d", capture2, published="2009-12-08")
    arts = {x.id: x for x in (a, b, c, d)}
    claims = [
        Claim(
            id="e",
            story_id="s",
            text=escape,
            status="corroborated",
            support=(evidence(a, escape), evidence(b, escape2)),
        )
    ]
    timeline = [
        _entry("2009-11-30", a, escape),
        _entry("2009-11-30", b, escape2),
        _entry("2009-12-07", c, capture),
        _entry("2009-12-07", d, capture2),
    ]
    story = Story(id="s", title="Inmate escapes", article_ids=("a", "b", "c", "d"))
    brief = summarize_story(story, claims, [], arts, voices={}, timeline=timeline)
    assert brief.sentences[0].text == escape
    assert brief.sentences[1].text in {capture, capture2}
    assert len(brief.sentences[1].article_ids) == 1
    # One outlet alone reporting a later day is no corroborated development.
    lone = summarize_story(story, claims, [], arts, voices={}, timeline=timeline[:3])
    assert capture not in [s.text for s in lone.sentences]
