"""A brief line that cites reprints of one text says how many independent sources it rests on
(issue 11, item 5): four citations of two texts read as two sources, not four."""

from __future__ import annotations

import dataclasses
import json
from pathlib import Path

import jsonschema

from newsweave.brief import summarize_story
from newsweave.model import Article, Claim, Report, Story, Summary, SummarySentence
from newsweave.report.decode import report_from_dict
from newsweave.report.html import render_html
from newsweave.report.json import report_to_dict
from newsweave.report.markdown import render_markdown
from tests.conftest import shared_path
from tests.report.sample import article, evidence, sample_report

REPO_SCHEMA = Path(__file__).resolve().parents[1] / "spec" / "report.schema.json"

HAPPENING = "The earthquake struck northern Chile on Tuesday, destroying hundreds of homes."
RESCUE = "Rescue teams searched the rubble of the port city through the night, officials said."
SCHOOLS = "Schools across the region will stay closed for the rest of the week, the mayor said."
WIRE = f"{HAPPENING}\n\n{RESCUE}\n\n{SCHOOLS}"


def _story() -> tuple[Story, list[Claim], dict[str, Article]]:
    """An agency text (AP) reprinted by two sites, and one outlet that reported it itself."""
    arts = {
        "ap": article("ap", WIRE),
        "dui": article("dui", WIRE, outlet="duianswer.com"),
        "exam": article("exam", "Posted on Wednesday.\n\n" + WIRE, outlet="examiner.com"),
        # Its own wording (a sentence near-identical to the wire's is one voice with it, in the
        # claims stage and in the brief alike).
        "rt": article("rt", "Hundreds of homes were destroyed on Tuesday when a quake hit Chile."),
    }
    wire = [arts[i] for i in ("ap", "dui", "exam")]
    claims = [
        Claim(
            id=f"c{n}",
            story_id="s",
            text=text,
            status="corroborated",
            support=tuple(evidence(a, text) for a in wire),
        )
        for n, text in enumerate((HAPPENING, RESCUE, SCHOOLS))
    ]
    claims[0] = dataclasses.replace(
        claims[0], support=(*claims[0].support, evidence(arts["rt"], arts["rt"].text))
    )
    story = Story(id="s", title="Chile earthquake", article_ids=tuple(arts))
    return story, claims, arts


# What the dedupe stage says: the two reprints speak with AP's voice.
REPRINTS = {"ap": "ap", "dui": "ap", "exam": "ap", "rt": "rt"}


def test_a_line_citing_reprints_counts_them_as_one_source() -> None:
    story, claims, arts = _story()
    line = summarize_story(story, claims, [], arts, voices=REPRINTS).sentences[0]
    assert line.text == HAPPENING
    assert line.article_ids == ("ap", "dui", "exam", "rt")
    assert line.independent_sources == 2


def test_reprints_the_claims_stage_would_join_count_once_without_a_voice_map() -> None:
    # No voices from dedupe: the brief's own reprint rule (shared sentences of 8+ words) joins
    # the three copies of the wire text, as the claims stage does.
    story, claims, arts = _story()
    line = summarize_story(story, claims, [], arts, voices={}).sentences[0]
    assert len(line.article_ids) == 4
    assert line.independent_sources == 2


def test_independent_outlets_are_counted_each() -> None:
    story, claims, arts = _story()
    alone = {i: i for i in arts}
    # Each in its own words: one sentence printed alike by four outlets is one text retold.
    own = {
        "dui": "A powerful quake hit the north of Chile on Tuesday, flattening hundreds of houses.",
        "exam": "Hundreds of buildings collapsed in Chile's north as the ground shook on Tuesday.",
    }
    arts = {
        **arts,
        "dui": dataclasses.replace(arts["dui"], text="A quake hit Chile.\n\n" + own["dui"]),
        "exam": dataclasses.replace(arts["exam"], text=own["exam"] + "\n\nMore soon."),
    }
    claims = [
        dataclasses.replace(
            claims[0],
            support=tuple(
                evidence(a, HAPPENING)
                if a.id == "ap"
                else evidence(a, own[a.id])
                if a.id in own
                else evidence(a, a.text)
                for a in arts.values()
            ),
        )
    ]
    line = summarize_story(story, claims, [], arts, voices=alone).sentences[0]
    assert line.independent_sources == 4


def _report(line: SummarySentence) -> Report:
    _, _, arts = _story()
    hostile = dataclasses.replace(arts["dui"], outlet="<b>dui</b> & co")
    return Report(
        version="test",
        articles=(arts["ap"], hostile, arts["exam"], arts["rt"]),
        stories=(Story(id="s", title="Chile earthquake", article_ids=tuple(arts)),),
        summaries=(Summary(story_id="s", sentences=(line,)),),
    )


def test_markdown_and_html_say_how_many_independent_sources_a_line_rests_on() -> None:
    line = SummarySentence(
        text=HAPPENING, article_ids=("ap", "dui", "exam", "rt"), independent_sources=2
    )
    markdown = render_markdown(_report(line))
    assert "· 2 independent sources]" in markdown
    html = render_html(_report(line))
    assert "· 2 independent sources</span>" in html
    assert "<b>dui</b>" not in html  # every rendered label stays escaped


def test_no_note_when_every_citation_is_its_own_voice_or_the_count_is_unknown() -> None:
    for count in (4, None):
        line = SummarySentence(
            text=HAPPENING, article_ids=("ap", "dui", "exam", "rt"), independent_sources=count
        )
        assert "independent source" not in render_markdown(_report(line))
        assert "independent source" not in render_html(_report(line))
    one = SummarySentence(text=HAPPENING, article_ids=("ap", "dui"), independent_sources=1)
    assert "· 1 independent source]" in render_markdown(_report(one))


def test_the_count_is_exported_validated_and_read_back() -> None:
    line = SummarySentence(
        text=HAPPENING, article_ids=("ap", "dui", "exam", "rt"), independent_sources=2
    )
    report = dataclasses.replace(
        sample_report(), summaries=(Summary(story_id="s1", sentences=(line,)),)
    )
    data = report_to_dict(report)
    assert data["summaries"][0]["sentences"][0]["independent_sources"] == 2
    for schema_path in (REPO_SCHEMA, shared_path("spec", "report.schema.json")):
        jsonschema.validate(data, json.loads(schema_path.read_text(encoding="utf-8")))
    assert report_from_dict(data).summaries[0].sentences[0].independent_sources == 2
    # A report written before the field existed still reads (the count unknown).
    del data["summaries"][0]["sentences"][0]["independent_sources"]
    assert report_from_dict(data).summaries[0].sentences[0].independent_sources is None
