"""Each claim says how many independent sources its articles are (issue 11, session 11): three
outlets that retell one agency text and one that reported it itself are two sources."""

from __future__ import annotations

import dataclasses
import json
from pathlib import Path

import jsonschema

from newsweave.model import Claim, Report, Story
from newsweave.report.html import render_html
from newsweave.report.json import report_to_dict
from newsweave.report.markdown import render_markdown
from tests.report.sample import article, evidence

REPO_SCHEMA = Path(__file__).resolve().parents[2] / "spec" / "report.schema.json"
TEXT = "The earthquake struck northern Chile on Tuesday, destroying hundreds of homes."


def _report(independent: int | None) -> Report:
    arts = {
        "ap": article("ap", TEXT),
        "dui": article("dui", TEXT, outlet="duianswer.com"),
        "exam": article("exam", TEXT, outlet="examiner.com"),
        "rt": article("rt", TEXT, outlet="<b>rt</b>"),
    }
    claim = Claim(
        id="c1",
        story_id="s",
        text=TEXT,
        status="corroborated",
        support=tuple(evidence(a, TEXT) for a in arts.values()),
        independent_sources=independent,
    )
    return Report(
        version="test",
        articles=tuple(arts.values()),
        stories=(Story(id="s", title="Chile earthquake", article_ids=tuple(arts)),),
        claims=(claim,),
    )


def test_markdown_and_html_say_how_many_independent_sources_a_claim_rests_on() -> None:
    markdown = render_markdown(_report(2))
    claims_table = markdown.split("### Claims", 1)[1]
    assert "· 2 independent sources]" in claims_table
    html = render_html(_report(2))
    assert "4 outlets · 2 voices" in html
    assert "<b>rt</b>" not in html  # every rendered label stays escaped


def test_no_note_when_the_count_is_unknown_and_copy_chains_decide() -> None:
    assert "independent source" not in render_markdown(_report(None)).split("### Claims", 1)[1]
    assert "4 outlets · 4 voices" in render_html(_report(None))


def test_the_count_validates_against_the_schema() -> None:
    schema = json.loads(REPO_SCHEMA.read_text(encoding="utf-8"))
    data = report_to_dict(_report(2))
    jsonschema.validate(data, schema)
    bad = dataclasses.replace(_report(2).claims[0], independent_sources=0)
    data["claims"] = [report_to_dict(dataclasses.replace(_report(2), claims=(bad,)))["claims"][0]]
    try:
        jsonschema.validate(data, schema)
    except jsonschema.ValidationError:
        return
    raise AssertionError("a claim with 0 independent sources must not validate")


def test_the_store_keeps_the_claims_count_for_the_web_pages(tmp_path: Path) -> None:
    from newsweave.store import Store

    report = _report(2)
    with Store(tmp_path / "n.db") as store:
        store.add_articles(report.articles)
        store.put_report_tables(report)
        row = store.connection.execute("SELECT n_voices FROM r_claims WHERE id = 'c1'").fetchone()
    assert row[0] == 2
