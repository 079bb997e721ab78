from __future__ import annotations

import dataclasses

from newsweave.model import Storyline, StoryLink
from newsweave.report.html import render_html
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


def test_a_storyline_says_why_its_stories_are_linked() -> None:
    base = sample_report()
    later = dataclasses.replace(base.stories[0], id="s-2", title="Biden sworn in")
    link = StoryLink(
        story_ids=("s-1", "s-2"), shared=("joe biden", "vladimir putin"), gap_days=36,
        similarity=0.61,
    )  # fmt: skip
    line = Storyline(id="l-1", title="Putin and Biden", story_ids=("s-1", "s-2"), links=(link,))
    report = dataclasses.replace(base, stories=(*base.stories, later), storylines=(line,))
    text = render_markdown(report)
    assert "linked by joe biden, vladimir putin" in text
    assert "36 days apart, similarity 0.61" in text
    assert "Linked by joe biden, vladimir putin (36 days apart" in render_html(report)
