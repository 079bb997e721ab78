"""Session 18 rules (issue 11): a wire dateline in any of its forms heads no brief line or
timeline entry ("MILWAUKEE — 37-year-old Oliver Kennedy ...", GVC 590958), and a roundup
article's parts that tell another happening date nothing in the story's timeline."""

from __future__ import annotations

import dataclasses

from newsweave.align.roundups import other_incident_spans, strip_dateline
from newsweave.align.timeline import build_timeline
from newsweave.extract.dates import extract_dates
from newsweave.model import Article, Story
from tests.report.sample import article


def test_a_dateline_goes_in_each_of_its_forms() -> None:
    for line, kept in (
        (
            "MILWAUKEE — 37-year-old Oliver Kennedy of Milwaukee has been charged.",
            "37-year-old Oliver Kennedy of Milwaukee has been charged.",
        ),
        ("WASHINGTON (AP) — The Senate voted on Monday.", "The Senate voted on Monday."),
        ("LONDON, Nov 7 (Reuters) - Britain said it would act.", "Britain said it would act."),
        ("WASHINGTON, Nov. 7 — The Senate voted.", "The Senate voted."),
        ("ATLANTA, Ga. -- Police said a man died.", "Police said a man died."),
        ('BOSTON — "We are shocked," the mayor said.', '"We are shocked," the mayor said.'),
        ("WILKES-BARRE -- A mother was found dead.", "A mother was found dead."),
        ("NAPLES, Fla. - NAPLES, Fla. -- One person was shot.", "One person was shot."),
        ("SAN ANTONIO- A man was shot.", "A man was shot."),
        ("(Updated 3:25 p.m.) WATSONVILLE >> A boy is dead.", "A boy is dead."),
        ("NEW HAVEN>> One woman is dead.", "One woman is dead."),
        ("ALASKA-Shortly after 3:30 someone called 911.", "Shortly after 3:30 someone called 911."),
        # A page's bracketed date (ECB+ 30_7ecbplus, session 23).
        (
            "(Tue, 16 Aug 2011) This morning SEACOM had an outage.",
            "This morning SEACOM had an outage.",
        ),
        ("(August 16, 2011) Seacom said a cable broke.", "Seacom said a cable broke."),
    ):
        assert strip_dateline(line) == kept, line
    for line in (
        "BREAKING NEWS-3 people were hurt in a crash.",  # a hyphen glued to a figure
        "SKY-TV reports that the three bank employees died.",  # ... or to a word
        "A FIRE-BOMB attack on a bank in Athens left three dead.",
        "FBI agents said the man - a 37-year-old - fled.",
        "The man (AP) said so.",
        "(16 Aug 2011 was a Tuesday) The outage began.",  # no bracketed date alone
        "(2011) The outage began.",
    ):
        assert strip_dateline(line) == line


def _dated(ident: str, text: str, published: str) -> Article:
    base = article(ident, text, published=published, outlet=ident.upper())
    return dataclasses.replace(base, dates=extract_dates(text, published))


ROUNDUP = (
    "Milwaukee police are investigating two separate shooting incidents that occurred Monday "
    "night, June 27th and early Tuesday morning, June 28th.\n\n"
    "The first shooting occurred around 6:20 p.m. Monday, June 27th near 35th and Park Hill "
    "Street.\n\n"
    "Police say the victim, a 20-year-old man, was taken to hospital on Monday.\n\n"
    "Milwaukee police were called out to another shooting near 28th and Capitol Drive around "
    "2:55 a.m. Tuesday, June 28th.\n\n"
    "Police found Alac Jackson, 49, dead near 28th and Capitol Drive on Tuesday, June 28th."
)
FOLLOW_UP = (
    "MILWAUKEE — 37-year-old Oliver Kennedy of Milwaukee was charged on Friday, July 1st in the "
    "fatal shooting of 49-year-old Alac Jackson.\n\n"
    "The shooting occurred near 28th and Capitol Drive around 2:15 a.m. on Tuesday, June 28th."
)


def test_a_roundups_other_happening_dates_nothing_and_entries_lose_their_dateline() -> None:
    arts = {
        "a": _dated("a", ROUNDUP, "2016-06-28"),
        "b": _dated("b", FOLLOW_UP, "2016-07-05"),
    }
    entries = build_timeline([Story(id="s", title="t", article_ids=("a", "b"))], arts)
    texts = " ".join(e.text for e in entries)
    assert "6:20 p.m." not in texts and "taken to hospital" not in texts
    assert "2016-06-27" not in {e.date for e in entries}
    assert any(e.date == "2016-06-28" for e in entries)
    charged = [e for e in entries if "charged" in e.text]
    assert [e.text[:22] for e in charged] == ["37-year-old Oliver Ken"]
    # The evidence keeps the sentence as written, dateline and all.
    assert charged[0].evidence[0].text.startswith("MILWAUKEE — ")


def _parts(*texts: str) -> dict[str, list[tuple[int, int]]]:
    arts = {f"a{i}": article(f"a{i}", text) for i, text in enumerate(texts)}
    return other_incident_spans(Story(id="s", title="t", article_ids=tuple(arts)), arts)


SECOND = (
    "A 5-year-old boy was fatally shot in Madisonville on Saturday, Sgt. Mike Miller said.\n\n"
    "This is the second shooting this week in Madisonville. On Wednesday, a 2-year-old was left "
    "in critical condition after a shooting on Whetsel Avenue. Ernest Cephas, 35, was "
    "arrested.\n\n"
    "Cephas was held on a $50,000 bond in Hamilton County.\n\n"
    "She drove to the scene of the shooting Saturday after hearing the news."
)


def test_a_one_article_story_is_its_ledes_happening() -> None:
    alone = SECOND.replace("This is the second shooting", "Police also handle another shooting")
    aside = _parts(alone)["a0"]
    assert aside == [(alone.index("Police also"), alone.index("\n\nShe drove"))]
    # An overview of several happenings alone: no part is clearly the story's.
    overview = (
        "Police are investigating two separate shootings on Monday.\n\n"
        "The first shooting occurred around 6:20 p.m. near Park Hill Street.\n\n"
        "Police were called out to another shooting near Capitol Drive around 2:55 a.m."
    )
    assert _parts(overview) == {}


def test_a_part_set_aside_ends_where_the_storys_own_marks_come_back() -> None:
    # The same roundup beside another article of the story: the aside ends at the paragraph
    # naming the story's Saturday and nothing new (a paragraph's first word is no name:
    # "Cephas" opens one; "$50,000" and "Hamilton County" are new).
    other = "A boy, 5, was shot dead in Madisonville on Saturday, Sgt. Mike Miller said."
    assert _parts(SECOND, other)["a0"] == [(SECOND.index("This is"), SECOND.index("\n\nShe drove"))]


def test_alone_only_another_happening_opens_a_part() -> None:
    spree = (
        "A gunman killed his wife and shot two people at shopping centers on Friday.\n\n"
        "His car was parked across Connecticut Avenue from where the second shooting occurred "
        "Friday, Chief Tom Manger said.\n\n"
        "Officers then spotted Tordil going into a Boston Market."
    )
    assert _parts(spree) == {}


def test_a_chronology_of_dated_items_is_set_aside() -> None:
    items = (
        "Sept. 26: Police discover the body of Shannon Magner, 66, in an apartment. A possible "
        "suspect is identified but remains on the loose.\n\n"
        "Oct. 16: An officer shoots and kills 32-year-old Sean Arlt on Chace Street.\n\n"
        "Nov. 19: Deputies shoot and kill Luke Smith, 15, on Amesti Road."
    )
    report = "A deputy shot and killed a 15-year-old boy on Amesti Road on Saturday.\n\n"
    text = report + "SANTA CRUZ COUNTY HOMICIDES 2016\n\n" + items
    parts = _parts(text)
    assert [text[a:b][:5] for a, b in parts["a0"]] == ["Sept.", "Oct. ", "Nov. "]
    # One or two dated paragraphs are no chronology.
    assert _parts(report + items.rsplit("\n\n", 1)[0].split("\n\n", 1)[1]) == {}
