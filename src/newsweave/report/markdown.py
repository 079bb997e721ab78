"""The Markdown report: per story, the brief, conflicts, claims, quotes, timeline and sources.

Article text is untrusted: it is escaped so that it cannot inject Markdown links, images or raw
HTML into the newsroom document it is pasted into.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable

from newsweave.model import (
    UNKNOWN_SOURCE,
    Article,
    Evidence,
    Report,
    Story,
    StoryLink,
    source_label,
)
from newsweave.report.labels import status_label

_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]<>()#+!|~])")


def md_escape(text: str) -> str:
    """Text safe to place in Markdown prose: specials escaped, newlines folded."""
    return _MD_SPECIAL.sub(r"\\\1", " ".join(text.split()))


class _Names:
    """Short labels for articles: the outlet, else the domain, else the title."""

    def __init__(self, articles: Iterable[Article]) -> None:
        self.by_id = {a.id: a for a in articles}

    def label(self, article_id: str) -> str:
        article = self.by_id.get(article_id)
        if article is None:
            return article_id
        return md_escape(source_label(article))

    def cite(self, article_ids: Iterable[str], independent: int | None = None) -> str:
        """'[omaha.com; 2 articles of unknown source · 2 independent sources]'.

        Articles of unknown source are counted, not folded into one label: a claim that two
        such articles state must not read as resting on one citation."""
        known, unknown = self._split(article_ids)
        labels = known + (
            [f"{unknown} articles of {UNKNOWN_SOURCE}"]
            if unknown > 1
            else [UNKNOWN_SOURCE] * unknown
        )
        return "[" + "; ".join(labels) + sources_note(independent, len(known) + unknown) + "]"

    def sources_shown(self, article_ids: Iterable[str]) -> int:
        """The outlets cited, each article of unknown source counted as one."""
        known, unknown = self._split(article_ids)
        return len(known) + unknown

    def _split(self, article_ids: Iterable[str]) -> tuple[list[str], int]:
        """The known labels of `article_ids`, sorted, and how many are of unknown source."""
        labels = [self.label(i) for i in set(article_ids)]
        return sorted(set(labels) - {UNKNOWN_SOURCE}), labels.count(UNKNOWN_SOURCE)


def sources_note(independent: int | None, shown: int) -> str:
    """ " · 1 independent source" when the citations shown (`shown` outlets or articles) are
    fewer voices than they look: reprints of one text cited three times are one source, and a
    fact-checker must not read them as three. Empty otherwise."""
    if independent is None or independent >= shown:
        return ""
    return f" · {independent} independent source{'' if independent == 1 else 's'}"


def _quote_evidence(evidence: Evidence, names: _Names) -> str:
    return f"> {md_escape(evidence.text)} — *{names.label(evidence.article_id)}*"


def chronological(story: Story) -> tuple[bool, str, str, str]:
    """Sort key of a storyline's stories: by start, then end, undated ones last."""
    return (story.start is None, story.start or "", story.end or "", story.id)


def gap_words(gap_days: int | None) -> str:
    """The days between two linked stories, in words (None: one of them is undated)."""
    if gap_days is None:
        return "date gap unknown"
    if gap_days == 0:
        return "dates overlap"
    return f"{gap_days} day{'s' if gap_days != 1 else ''} apart"


def link_arrow(link: StoryLink) -> str:
    """ "→" from the earlier story to the later; "and" when one is undated (no order is known)."""
    return "→" if link.gap_days is not None else "and"


def link_reason(link: StoryLink, escape: Callable[[str], str] = str) -> str:
    """Why two stories are one storyline, in words: what they share and how far apart they are.

    The names and words come from articles: `escape` makes them safe for the output format.
    """
    named: set[str] = set()
    shown: list[str] = []
    for item in link.shared:
        # "biden" after "joe biden" tells the reader nothing more.
        if item not in named:
            shown.append(item)
            named.update(item.split())
    shared = escape(", ".join(shown)) if shown else "their content"
    return f"{shared} ({gap_words(link.gap_days)}, similarity {link.similarity:.2f})"


def _story_name(story_id: str, stories: dict[str, Story]) -> str:
    story = stories.get(story_id)
    return md_escape(story.title if story else story_id)


def render_markdown(report: Report) -> str:
    """The whole report as Markdown."""
    names = _Names(report.articles)
    out: list[str] = ["# newsweave report", ""]
    lines = sum(1 for line in report.storylines if len(set(line.story_ids)) > 1)
    out.append(
        f"{len(report.articles)} articles, {len(report.stories)} stories, "
        f"{lines} storyline{'s' if lines != 1 else ''} of several stories, "
        f"{len(report.problems)} problems."
    )
    out.append("")
    stories_in_line = {s.id: s for s in report.stories}
    for storyline in report.storylines:
        members = [stories_in_line[s] for s in storyline.story_ids if s in stories_in_line]
        titles = [md_escape(story.title) for story in sorted(members, key=chronological)]
        if len(titles) > 1:
            out += [f"**Storyline: {md_escape(storyline.title)}** — " + " → ".join(titles), ""]
            out += [
                f"- {_story_name(link.story_ids[0], stories_in_line)} {link_arrow(link)} "
                f"{_story_name(link.story_ids[1], stories_in_line)}: "
                f"linked by {link_reason(link, md_escape)}"
                for link in storyline.links
            ]
            out += [""] if storyline.links else []
    for story in report.stories:
        out += _story_section(story, report, names)
    clustered = {i for s in report.stories for i in s.article_ids}
    unclustered = {a.id for a in report.articles} - clustered
    out += _articles_section(
        "Articles" if not report.stories else "Articles in no story",
        [a for a in report.articles if a.id in unclustered],
        names,
    )
    if report.problems:
        out += ["## Problems", ""]
        out += [f"- `{md_escape(p.source)}`: {md_escape(p.error)}" for p in report.problems]
        out.append("")
    return "\n".join(out).rstrip() + "\n"


def _story_section(story: Story, report: Report, names: _Names) -> list[str]:
    out = [f"## {md_escape(story.title)}", ""]
    members = [names.by_id[i] for i in story.article_ids if i in names.by_id]
    span = " – ".join(x for x in (story.start, story.end) if x)
    out += [f"{len(members)} articles" + (f", {span}" if span else ""), ""]
    for summary in report.summaries:
        if summary.story_id == story.id:
            out += ["### Brief", ""]
            for s in summary.sentences:
                out.append(
                    f"- {md_escape(s.text)} {names.cite(s.article_ids, s.independent_sources)}"
                )
                # Other voices stating the line's claim in their own words, as evidence.
                out += [
                    f"  - also reported by *{names.label(e.article_id)}*: “{md_escape(e.text)}”"
                    for e in s.also_reported_by
                ]
            out.append("")
    conflicts = [c for c in report.conflicts if c.story_id == story.id]
    for heading, items in (
        ("Where outlets disagree", [c for c in conflicts if not c.is_correction]),
        (
            "Where an outlet changed its own account",
            [c for c in conflicts if c.is_correction],
        ),
    ):
        if items:
            out += [f"### {heading}", ""]
        for conflict in items:
            out += [f"**{md_escape(conflict.topic)}** ({conflict.kind})", ""]
            for value in conflict.values:
                out.append(f"- **{md_escape(value.value)}**")
                out += ["  " + _quote_evidence(e, names) for e in value.evidence]
            out.append("")
    claims = [c for c in report.claims if c.story_id == story.id]
    if claims:
        out += ["### Claims", "", "| status | claim | sources |", "|---|---|---|"]
        order = {"disputed": 0, "corroborated": 1, "single-source": 2}
        for claim in sorted(claims, key=lambda c: (order[c.status], -len(c.support), c.id)):
            sources = names.cite((e.article_id for e in claim.support), claim.independent_sources)
            status = status_label(claim.status, claim.near_elsewhere)
            if (
                claim.status == "single-source"
                and names.sources_shown(e.article_id for e in claim.support) > 1
            ):
                status += " (one text, retold)"  # outlets that retell one text: one voice
            if claim.near_elsewhere:
                # The closest sentence of another voice, for the reader to judge.
                near = claim.near_elsewhere[0]
                cited = names.cite([near.article_id])
                sources += f" · closest elsewhere: “{md_escape(near.text)}” {cited}"
            out.append(f"| {status} | {md_escape(claim.text)} | {sources} |")
        out.append("")
    quotes = [q for q in report.quotes if q.story_id == story.id]
    if quotes:
        speakers = {e.id: e.name for e in report.entities}
        out += ["### Quotes", ""]
        for quote in quotes:
            who = speakers.get(quote.speaker or "") or quote.speaker_text or "unknown speaker"
            out += [f"**{md_escape(who)}** ({quote.kind}, {len(quote.variants)} wording(s))", ""]
            if quote.attributions:
                sides = [
                    f"{md_escape(speakers.get(a.speaker or '', a.speaker_text or 'unknown'))} "
                    f"{names.cite(a.article_ids)}"
                    for a in quote.attributions
                ]
                out += ["*Attributed differently:* " + " vs ".join(sides), ""]
            out += [_quote_evidence(v, names) for v in quote.variants]
            out.append("")
    timeline = [t for t in report.timeline if t.story_id == story.id]
    if timeline:
        out += ["### Timeline", ""]
        for entry in timeline:
            sources = names.cite(e.article_id for e in entry.evidence)
            out.append(f"- **{entry.date}** {md_escape(entry.text)} {sources}")
        out.append("")
    out += _articles_section("Sources", members, names, level="###")
    return out


def _articles_section(
    heading: str, articles: list[Article], names: _Names, *, level: str = "##"
) -> list[str]:
    if not articles:
        return []
    out = [
        f"{level} {heading}",
        "",
        "| outlet | title | published | copy of |",
        "|---|---|---|---|",
    ]
    for article in articles:
        title = md_escape(article.title)
        link = f"[{title}](<{article.url}>)" if _safe_url(article.url) else title
        copy = ""
        if article.copy_of is not None:
            copy = f"{article.copy_of.kind} copy of {names.label(article.copy_of.article_id)}"
        published = article.published or "unknown"
        out.append(f"| {names.label(article.id)} | {link} | {published} | {copy} |")
    out.append("")
    return out


def _safe_url(url: str | None) -> bool:
    return bool(url) and re.match(r"https?://[^\s<>]+$", url or "") is not None
