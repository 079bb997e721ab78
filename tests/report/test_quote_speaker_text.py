"""A quote whose speaker is no entity shows the text's own description, escaped, everywhere."""

from __future__ import annotations

import dataclasses
from pathlib import Path

from newsweave.align.quotes import group_quotes
from newsweave.extract.quotes import QuoteMention
from newsweave.model import Quote, Report
from newsweave.report.decode import report_from_dict
from newsweave.report.html import render_html
from newsweave.report.json import report_to_dict
from newsweave.report.markdown import render_markdown
from newsweave.store import Store
from newsweave.store.read import ReportQueries
from tests.report.sample import evidence, sample_report

HOSTILE = "a <b>local</b> official"


def _report_with_described_speaker() -> Report:
    base = sample_report()
    a = base.articles[0]
    quote = Quote(
        id="q-2",
        story_id="s-1",
        speaker=None,
        speaker_text=HOSTILE,
        variants=(evidence(a, "I am ready for interaction."),),
    )
    return dataclasses.replace(base, quotes=(quote,))


def test_grouped_quote_keeps_the_description_when_no_entity_speaks() -> None:
    def mention(aid: str, speaker_text: str | None, speaker_id: str | None) -> QuoteMention:
        text = "The road will stay closed until the bridge is repaired next spring"
        return QuoteMention(
            article_id=aid,
            text=text,
            span=(0, len(text)),
            speaker_text=speaker_text,
            speaker_id=speaker_id,
            kind="direct",
            cue="said",
        )

    story_of: dict[str, str | None] = {"a": "s", "b": "s", "c": "s"}
    (described,) = group_quotes(
        [mention("a", "a local official", None), mention("b", "he", None)], story_of=story_of
    )
    assert described.speaker is None
    assert described.speaker_text == "a local official"
    (named,) = group_quotes(
        [mention("a", "a local official", None), mention("c", "Jane Roe", "e-jane")],
        story_of=story_of,
    )
    assert named.speaker == "e-jane"
    assert named.speaker_text is None
    (pronoun,) = group_quotes([mention("b", "she", None)], story_of=story_of)
    assert pronoun.speaker_text is None


def test_description_shows_escaped_in_html_and_markdown() -> None:
    report = _report_with_described_speaker()
    html = render_html(report)
    assert "a &lt;b&gt;local&lt;/b&gt; official" in html
    assert HOSTILE not in html
    markdown = render_markdown(report)
    assert "unknown speaker" not in markdown
    assert "local" in markdown and "official" in markdown


def test_description_survives_json_and_the_store(tmp_path: Path) -> None:
    report = _report_with_described_speaker()
    back = report_from_dict(report_to_dict(report))
    assert back.quotes[0].speaker_text == HOSTILE
    with Store(tmp_path / "n.db") as store:
        store.add_articles(report.articles)
        store.put_report_tables(report)
        row = ReportQueries(store.connection).quote("q-2")
    assert row is not None
    assert row["speaker_name"] == HOSTILE
