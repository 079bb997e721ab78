from __future__ import annotations

import re

import lxml.html

from newsweave.report.highlight import anchor_id, paragraphs_with_marks
from newsweave.report.html import render_html, safe_url, word_diff
from tests.report.sample import article, sample_report

HOSTILE = (
    "\n\n<script>alert(1)</script><img src=x onerror=alert(2)>"
    '<a href="javascript:alert(3)">click</a><iframe src="https://evil.example/"></iframe>'
    "<style>body{background:url(https://evil.example/x.png)}</style><b>unclosed <i"
)


def _elements(html: str) -> list[lxml.html.HtmlElement]:
    return list(lxml.html.document_fromstring(html).iter())


def test_report_runs_no_script_and_fetches_nothing() -> None:
    html = render_html(sample_report(HOSTILE))
    elements = _elements(html)
    tags = {str(e.tag).lower() for e in elements}
    assert not tags & {"script", "iframe", "img", "object", "embed", "link", "base", "form"}
    handlers = [name for e in elements for name in e.attrib if name.lower().startswith("on")]
    assert handlers == []
    urls = [e.get(attr) or "" for e in elements for attr in ("href", "src") if e.get(attr)]
    assert all(u.startswith(("#", "https://example.org/")) for u in urls), urls
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    csp = re.search(r'Content-Security-Policy" content="([^"]+)"', html)
    assert csp is not None and "default-src 'none'" in csp.group(1)
    assert "script-src" not in csp.group(1)


def test_no_external_resource_is_referenced() -> None:
    html = render_html(sample_report(HOSTILE))
    assert not re.search(
        r"(src|href)=\"(https?:)?//", html.replace('href="https://example.org/', "")
    )


def test_hostile_url_is_not_linked() -> None:
    assert safe_url("javascript:alert(1)") is None
    assert safe_url("https://example.org/a b") is None
    assert safe_url("https://example.org/a") == "https://example.org/a"
    report = sample_report()
    evil = article("a-9", "Some text here.", url="javascript:alert(1)")
    html = render_html(report.__class__(version="t", articles=(evil,)))
    assert 'href="javascript:' not in html


def test_citations_link_to_anchored_evidence() -> None:
    report = sample_report()
    html = render_html(report)
    conflict_evidence = report.conflicts[0].values[1].evidence[0]
    target = anchor_id(conflict_evidence.article_id, conflict_evidence.span)
    assert f'href="#{target}"' in html
    assert f'id="{target}"' in html


def test_sections_are_present() -> None:
    html = render_html(sample_report())
    for heading in (
        "Brief",
        "Where outlets disagree",
        "Timeline",
        "Who says what",
        "Quotes",
        "Copies and provenance",
        "attributed differently",
        "Problems",
        "Cleaning removed 1 piece",
    ):
        assert heading in html


def test_overlapping_spans_are_all_marked_once() -> None:
    text = "alpha beta gamma\n\ndelta epsilon"
    paragraphs = paragraphs_with_marks("a", text, [(0, 10), (6, 16), (18, 23)])
    assert len(paragraphs) == 2
    assert "".join(s.text for s in paragraphs[0]) == "alpha beta gamma"
    assert [s.text for s in paragraphs[0] if s.marked] == ["alpha ", "beta", " gamma"]
    assert [s.anchors for s in paragraphs[0] if s.anchors] == [("ev-a-0-10",), ("ev-a-6-16",)]


def test_word_diff_shows_inserted_and_deleted_words() -> None:
    ops = word_diff("can effectively contribute", "can really contribute")
    assert ("delete", "effectively") in ops and ("insert", "really") in ops
