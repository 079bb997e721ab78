"""A brief line shows every independent voice that states its claim (issue 11, session 13): it
cites the sentences holding every figure and name of it, and the other voices, which state the
claim in fewer details, are shown beside it as "also reported by", with their own sentence."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest

from newsweave import analyze
from newsweave.brief import summarize_story
from newsweave.model import Claim, Removal, Story
from newsweave.report.decode import report_from_dict
from newsweave.report.html import render_html
from newsweave.report.json import report_to_dict
from newsweave.report.markdown import render_markdown
from tests.conftest import EXAMPLES, shared_path
from tests.report.sample import article, evidence

REPO_SCHEMA = Path(__file__).resolve().parents[1] / "spec" / "report.schema.json"

LEDE = "A 7-year-old boy died Sunday after accidentally shooting himself at his Chicago home."
OTHER = "The boy shot himself with a gun his 10-year-old brother had brought into the house."
EARLIER = "The boy shot himself on Friday in a house where his brother had left a gun."


def _story(*texts: str) -> tuple[Story, list[Claim], dict[str, object]]:
    arts = {
        f"a{i}": article(f"a{i}", text, outlet=f"outlet{i}.com") for i, text in enumerate(texts)
    }
    claim = Claim(
        id="c0",
        story_id="s",
        text=texts[0],
        status="corroborated",
        support=tuple(evidence(a, a.text) for a in arts.values()),
    )
    return Story(id="s", title="Boy shoots himself", article_ids=tuple(arts)), [claim], arts


def test_a_voice_stating_the_claim_with_fewer_details_is_shown_not_cited() -> None:
    story, claims, arts = _story(LEDE, OTHER)
    line = summarize_story(story, claims, [], arts, voices={}).sentences[0]  # type: ignore[arg-type]
    assert line.article_ids == ("a0",)  # OTHER has no "7-year-old", "Sunday" or "Chicago"
    assert [(e.article_id, e.text) for e in line.also_reported_by] == [("a1", OTHER)]


def test_a_voice_naming_only_another_day_is_not_shown() -> None:
    story, claims, arts = _story(LEDE, EARLIER)
    line = summarize_story(story, claims, [], arts, voices={}).sentences[0]  # type: ignore[arg-type]
    assert line.also_reported_by == ()


def test_reprints_of_a_cited_text_are_no_other_voice() -> None:
    story, claims, arts = _story(LEDE, OTHER)
    # a1 retells a0's text (one voice, as dedupe says): nothing else to show.
    line = summarize_story(
        story,
        claims,
        [],
        arts,
        voices={"a0": "a0", "a1": "a0"},  # type: ignore[arg-type]
    ).sentences[0]
    assert line.also_reported_by == ()


@pytest.mark.slow
def test_the_seeds_opener_shows_sputnik_beside_the_moscow_times() -> None:
    report = analyze([str(EXAMPLES)])
    opening = next(s.sentences[0] for s in report.summaries if s.sentences)
    assert "Putin" in opening.text and "congratulat" in opening.text.lower()
    labels = {a.id: a.outlet or a.domain or "" for a in report.articles}
    cited = {labels[i] for i in opening.article_ids}
    shown = {labels[e.article_id] for e in opening.also_reported_by}
    assert "Sputnik" in shown and not shown & cited, (cited, shown)
    sputnik = next(e for e in opening.also_reported_by if labels[e.article_id] == "Sputnik")
    article_text = next(a.text for a in report.articles if a.id == sputnik.article_id)
    assert article_text[sputnik.span[0] : sputnik.span[1]] == sputnik.text
    assert "congratulat" in sputnik.text.lower()
    # Every renderer shows it: Markdown, HTML (escaped), JSON (valid, read back the same).
    markdown = render_markdown(report)
    assert "also reported by *Sputnik*" in markdown
    html = render_html(report)
    assert "also reported by" in html and sputnik.text.replace("'", "&#39;") in html
    data = report_to_dict(report)
    jsonschema.validate(data, json.loads(REPO_SCHEMA.read_text(encoding="utf-8")))
    jsonschema.validate(data, json.loads(shared_path("spec", "report.schema.json").read_text()))
    assert report_from_dict(json.loads(json.dumps(data))).summaries == report.summaries
    assert data["summaries"][0]["sentences"][0]["also_reported_by"][0]["text"] == sputnik.text


SUNDAY = "An earthquake measuring 5.6 jolted Qeshm island off Iran's southern coast on Sunday."
SUNDAY_2 = "The quake on Sunday damaged homes in villages of Qeshm island, the governor said."
MONDAY = "A magnitude-5.2 earthquake injured three people on Qeshm island on Monday."
MONDAY_TIME = "The report says the earthquake struck the island at 5:11 p.m."


def test_a_line_only_an_undated_article_of_another_day_states_stays_out() -> None:
    # ECB+ 20_ecb: Sunday's quake and Monday's second one, all undated; the Monday report's
    # clock time read as if of Sunday's quake.
    arts = {
        "a": article("a", SUNDAY, published=None),
        "b": article("b", SUNDAY_2, published=None),
        "m": article("m", f"{MONDAY}\n\n{MONDAY_TIME}", published=None),
    }
    claims = [
        Claim(
            id=f"c{n}",
            story_id="s",
            text=text,
            status="single-source",
            support=(evidence(arts[a], text),),
        )
        for n, (a, text) in enumerate(
            (("a", SUNDAY), ("b", SUNDAY_2), ("m", MONDAY), ("m", MONDAY_TIME))
        )
    ]
    story = Story(id="s", title="Quake hits Qeshm", article_ids=tuple(arts))
    lines = [s.text for s in summarize_story(story, claims, [], arts, voices={}).sentences]
    assert SUNDAY in lines and MONDAY_TIME not in lines and MONDAY not in lines
    dated = {k: article(k, a.text, published="2020-12-15") for k, a in arts.items()}
    lines = [s.text for s in summarize_story(story, claims, [], dated, voices={}).sentences]
    assert MONDAY_TIME in lines  # dated articles are no guess from a weekday


def test_a_headline_run_into_its_standfirst_above_the_dateline_does_not_open() -> None:
    # ECB+ 5_1ecbplus: the page's headline and standfirst read as one sentence.
    head = "Cheeks returns as Sixers' fixer Jim O'Brien was shown the door after a season."
    lede = "Billy King pushed out coach Jim O'Brien yesterday and brought in Maurice Cheeks."
    removed = (Removal(text="Posted: May 24, 2005", reason="metadata-line"),)
    arts = {"a": article("a", f"{head}\n\n{lede}", title=head, removed=removed)}
    claims = [
        Claim(
            id=f"c{n}",
            story_id="s",
            text=t,
            status="single-source",
            support=(evidence(arts["a"], t),),
        )
        for n, t in enumerate((head, lede))
    ]
    story = Story(id="s", title="Sixers fire O'Brien, hire Cheeks", article_ids=("a",))
    brief = summarize_story(story, claims, [], arts, voices={})
    assert brief.sentences[0].text == lede
