"""A single-source claim that other voices come close to is "not matched elsewhere" (issue 11,
session 21): the strict support rule finds fewer than half the sentence pairs that state one
claim, so "single-source" is said outright only when no other voice holds anything near it."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema

from newsweave.model import Claim, Report, Story
from newsweave.report.decode import report_from_dict
from newsweave.report.html import render_html
from newsweave.report.json import report_to_dict
from newsweave.report.markdown import render_markdown
from tests.conftest import shared_path
from tests.report.sample import article, evidence

REPO_SCHEMA = Path(__file__).resolve().parents[2] / "spec" / "report.schema.json"
CHARGES = "At this time, police say they do not expect any charges to be filed."
APPEAR = "Stephens says it doesn't appear charges will be filed in the case."
GUN = "The gun belongs to someone who lives in the home."


def _report() -> Report:
    wibw = article("wibw", f"{CHARGES} {GUN}", outlet="wibw.com")
    kfdi = article("kfdi", APPEAR, outlet="kfdi.com")
    near = evidence(kfdi, APPEAR)
    claims = (
        Claim(
            id="c1",
            story_id="s",
            text=CHARGES,
            status="single-source",
            support=(evidence(wibw, CHARGES),),
            independent_sources=1,
            near_elsewhere=(near,),
        ),
        Claim(
            id="c2",
            story_id="s",
            text=GUN,
            status="single-source",
            support=(evidence(wibw, GUN),),
            independent_sources=1,
        ),
    )
    return Report(
        version="test",
        articles=(wibw, kfdi),
        stories=(Story(id="s", title="Girl dies in shooting", article_ids=("wibw", "kfdi")),),
        claims=claims,
    )


def test_the_json_carries_the_close_sentences_and_reads_back() -> None:
    data = report_to_dict(_report())
    assert data["claims"][0]["near_elsewhere"][0]["text"] == APPEAR
    assert data["claims"][1]["near_elsewhere"] == []
    assert data["claims"][0]["status"] == "single-source"  # the contract's enum is unchanged
    for schema_path in (REPO_SCHEMA, shared_path("spec", "report.schema.json")):
        jsonschema.validate(data, json.loads(schema_path.read_text(encoding="utf-8")))
    assert report_from_dict(data).claims[0].near_elsewhere[0].text == APPEAR
    # A report written before the field existed still reads.
    del data["claims"][0]["near_elsewhere"]
    assert report_from_dict(data).claims[0].near_elsewhere == ()


def test_markdown_and_html_say_not_matched_elsewhere_and_show_the_close_sentence() -> None:
    markdown = render_markdown(_report())
    rows = {line.split(" | ")[1]: line for line in markdown.splitlines() if " | " in line}
    assert rows[CHARGES].startswith("| not matched elsewhere |")
    assert f"closest elsewhere: “{APPEAR}”" in rows[CHARGES]
    assert rows[GUN].startswith("| single-source |")
    html = render_html(_report())
    assert "not matched elsewhere</span> " + CHARGES in html
    assert "close elsewhere, not matched: “" + APPEAR.replace("'", "&#39;") + "”" in html
    assert "1 not matched elsewhere</span>" in html
