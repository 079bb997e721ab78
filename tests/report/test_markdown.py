from __future__ import annotations

import dataclasses

from newsweave.model import Report, Storyline, StoryLink
from newsweave.report.html import render_html
from newsweave.report.markdown import gap_words, link_reason, md_escape, render_markdown
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


def _linked_report(
    *,
    shared: tuple[str, ...] = ("joe biden", "vladimir putin"),
    later_title: str = "Biden sworn in",
) -> Report:
    base = sample_report()
    later = dataclasses.replace(base.stories[0], id="s-2", title=later_title)
    link = StoryLink(story_ids=(base.stories[0].id, "s-2"), shared=shared, gap_days=36,
                     similarity=0.61)  # fmt: skip
    line = Storyline(
        id="l-1", title="Putin and Biden", story_ids=(base.stories[0].id, "s-2"), links=(link,)
    )
    return dataclasses.replace(base, stories=(*base.stories, later), storylines=(line,))


def test_a_storyline_says_which_stories_are_linked_and_why() -> None:
    report = _linked_report()
    first = md_escape(report.stories[0].title)
    text = render_markdown(report)
    assert (
        f"- {first} → Biden sworn in: linked by joe biden, vladimir putin"
        " (36 days apart, similarity 0.61)"
    ) in text
    page = render_html(report)
    links = page[page.index('<ul class="links">') :]
    links = links[: links.index("</ul>")]
    assert f'href="#{report.stories[0].id}"' in links and 'href="#s-2"' in links
    assert "Biden sworn in" in links
    assert "linked by joe biden, vladimir putin (36 days apart, similarity 0.61)" in links


def test_gap_words_say_undated_and_overlapping() -> None:
    assert gap_words(None) == "date gap unknown"
    assert gap_words(0) == "dates overlap"
    assert gap_words(1) == "1 day apart"


def test_storyline_links_escape_what_articles_wrote() -> None:
    hostile = "<script>alert(1)</script> [x](javascript:y)"
    report = _linked_report(shared=(hostile, "b<i>"), later_title=hostile)
    text = render_markdown(report)
    assert "<script>" not in text and "](javascript:" not in text and "b<i>" not in text
    page = render_html(report)
    assert "<script>alert" not in page and "b<i>" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page


def test_a_shared_word_already_in_a_shared_name_is_said_once() -> None:
    link = StoryLink(
        story_ids=("s-1", "s-2"), shared=("joe biden", "russia", "biden", "vote"), gap_days=2,
        similarity=0.5,
    )  # fmt: skip
    assert link_reason(link) == "joe biden, russia, vote (2 days apart, similarity 0.50)"


def test_an_undated_link_has_no_direction() -> None:
    report = _linked_report()
    line = dataclasses.replace(
        report.storylines[0],
        links=(dataclasses.replace(report.storylines[0].links[0], gap_days=None),),
    )
    report = dataclasses.replace(report, storylines=(line,))
    first = md_escape(report.stories[0].title)
    assert f"- {first} and Biden sworn in: linked by" in render_markdown(report)
    assert "</a> and <a" in render_html(report)


def test_a_storylines_stories_are_listed_by_date_undated_last() -> None:
    base = sample_report()
    first = base.stories[0]  # starts 2020-12-14
    earlier = dataclasses.replace(first, id="s-0", title="Election night", start="2020-11-03",
                                  end="2020-11-04")  # fmt: skip
    undated = dataclasses.replace(first, id="s-00", title="Undated piece", start=None, end=None)
    line = Storyline(id="l-1", title="Election", story_ids=("s-0", "s-00", first.id))
    report = dataclasses.replace(base, stories=(first, undated, earlier), storylines=(line,))
    order = ["Election night", first.title, "Undated piece"]
    text = render_markdown(report)
    assert " → ".join(md_escape(t) for t in order) in text
    page = render_html(report)
    chain = page[page.index('<ol class="chain">') :]
    chain = chain[: chain.index("</ol>")]
    positions = [chain.index(t) for t in order]
    assert positions == sorted(positions)


def test_a_storyline_of_one_story_is_not_listed() -> None:
    report = sample_report()  # one story, in a storyline of its own
    assert len(report.storylines) == 1 and len(report.storylines[0].story_ids) == 1
    assert 'id="storylines"' not in render_html(report)
    assert "0 storylines" in render_html(report)
    text = render_markdown(report)
    assert "**Storyline:" not in text and "0 storylines of several stories" in text
    linked = _linked_report()
    assert 'id="storylines"' in render_html(linked) and "1 storyline ·" in render_html(linked)
    assert "1 storyline of several stories" in render_markdown(linked)


def test_a_single_source_claim_says_retold_only_when_several_outlets_carry_it() -> None:
    base = sample_report()
    a, b, copy = base.articles
    claim = dataclasses.replace(base.claims[0], status="single-source")
    two_outlets = dataclasses.replace(base, claims=(claim,))
    assert "single-source (one text, retold)" in render_markdown(two_outlets)
    # Two reports of one outlet are one voice by being one newsroom, not by retelling a text.
    one_outlet = dataclasses.replace(
        two_outlets, articles=(a, dataclasses.replace(b, outlet=a.outlet), copy)
    )
    text = render_markdown(one_outlet)
    assert "| single-source |" in text and "retold" not in text


def test_articles_of_unknown_source_are_counted_not_folded_into_one_citation() -> None:
    base = sample_report()
    a, b, copy = base.articles
    unknown = [dataclasses.replace(x, outlet=None, domain=None, url=None) for x in (a, b)]
    claim = dataclasses.replace(base.claims[0], status="corroborated", independent_sources=2)
    text = render_markdown(dataclasses.replace(base, articles=(*unknown, copy), claims=(claim,)))
    row = next(line for line in text.splitlines() if line.startswith("| corroborated |"))
    assert row.endswith("| [2 articles of unknown source] |")
    # Retold by two articles of unknown source: one voice, and the citation says so.
    retold = dataclasses.replace(claim, status="single-source", independent_sources=1)
    text = render_markdown(dataclasses.replace(base, articles=(*unknown, copy), claims=(retold,)))
    assert "| single-source (one text, retold) |" in text
    assert "[2 articles of unknown source · 1 independent source]" in text
    # One known outlet and one article of unknown source.
    mixed = dataclasses.replace(base, articles=(a, unknown[1], copy), claims=(claim,))
    assert f"[{a.outlet}; unknown source]" in render_markdown(mixed)
