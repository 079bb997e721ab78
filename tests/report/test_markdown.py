from __future__ import annotations

from newsweave.report.markdown import md_escape, render_markdown
from tests.report.sample import sample_report


def test_markdown_names_conflicting_values_with_their_outlets() -> None:
    text = render_markdown(sample_report())
    assert "electoral votes for Biden" in text
    assert "**306**" in text and "**302**" in text
    assert "Sputnik" in text


def test_markdown_escapes_links_and_html_from_articles() -> None:
    assert md_escape("[click](javascript:x) <b>") == r"\[click\]\(javascript:x\) \<b\>"
    text = render_markdown(sample_report("\n\n[evil](javascript:alert(1)) <script>x</script>"))
    assert "](javascript:" not in text and "<script>" not in text
