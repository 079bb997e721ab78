"""A small hand-made report with every section filled, spans valid, for the renderer tests."""

from __future__ import annotations

from newsweave.model import (
    Article,
    Attribution,
    Claim,
    Conflict,
    ConflictValue,
    CopyLink,
    Entity,
    Evidence,
    Problem,
    Quote,
    Removal,
    Report,
    Story,
    Storyline,
    Summary,
    SummarySentence,
    TimelineEntry,
)


def evidence(article: Article, words: str) -> Evidence:
    start = article.text.index(words)
    return Evidence(article_id=article.id, text=words, span=(start, start + len(words)))


def single_source(claim_id: str, source: Article, text: str) -> Claim:
    """A claim one article states, in the words of `text`, for the brief tests."""
    return Claim(
        id=claim_id,
        story_id="s",
        text=text,
        status="single-source",
        support=(evidence(source, text),),
    )


def article(ident: str, text: str, **fields: object) -> Article:
    base: dict[str, object] = {
        "id": ident,
        "source": f"{ident}.txt",
        "url": f"https://example.org/{ident}",
        "outlet": ident.upper(),
        "domain": "example.org",
        "title": f"Title of {ident}",
        "published": "2020-12-15",
        "published_basis": "text",
        "language": "en",
        "text": text,
    }
    base.update(fields)
    return Article(**base)  # type: ignore[arg-type]


def sample_report(hostile: str = "") -> Report:
    a = article(
        "a-1",
        "Biden defeated Trump 306-232 on Monday.\n\nPutin said: “I am ready for interaction.”"
        + hostile,
        removed=(Removal(text="Leave A Reply", reason="comment-form"),),
    )
    b = article(
        "a-2",
        "The Electoral College cast 302 electoral votes for Biden.\n\n"
        "Putin said he was “ready for interaction and contacts”." + hostile,
        outlet="Sputnik",
    )
    c = article(
        "a-3",
        a.text,
        outlet="Copycat",
        copy_of=CopyLink(article_id="a-1", kind="exact", similarity=1.0),
    )
    story = Story(
        id="s-1",
        title="Putin congratulates Biden",
        article_ids=("a-1", "a-2", "a-3"),
        storyline_id="l-1",
        start="2020-12-14",
        end="2020-12-15",
    )
    putin = Entity(
        id="e-putin",
        name="Vladimir Putin",
        type="PERSON",
        aliases=("Putin",),
        article_ids=("a-1", "a-2"),
    )
    return Report(
        version="test",
        articles=(a, b, c),
        stories=(story,),
        storylines=(Storyline(id="l-1", title="Putin and Biden", story_ids=("s-1",)),),
        entities=(putin,),
        quotes=(
            Quote(
                id="q-1",
                story_id="s-1",
                speaker="e-putin",
                variants=(
                    evidence(a, "I am ready for interaction."),
                    evidence(b, "ready for interaction and contacts"),
                ),
                attributions=(
                    Attribution(speaker="e-putin", speaker_text="Putin", article_ids=("a-1",)),
                    Attribution(speaker=None, speaker_text="the Kremlin", article_ids=("a-2",)),
                ),
            ),
        ),
        claims=(
            Claim(
                id="c-1",
                story_id="s-1",
                text="Putin is ready for interaction.",
                status="corroborated",
                support=(
                    evidence(a, "I am ready for interaction."),
                    evidence(b, "ready for interaction and contacts"),
                ),
            ),
        ),
        conflicts=(
            Conflict(
                id="k-1",
                story_id="s-1",
                topic="electoral votes for Biden",
                values=(
                    ConflictValue(
                        value="306", evidence=(evidence(a, "Biden defeated Trump 306-232"),)
                    ),
                    ConflictValue(
                        value="302", evidence=(evidence(b, "302 electoral votes for Biden"),)
                    ),
                ),
            ),
        ),
        timeline=(
            TimelineEntry(
                date="2020-12-14",
                precision="day",
                text="The Electoral College votes",
                evidence=(evidence(a, "on Monday"),),
                story_id="s-1",
            ),
            TimelineEntry(
                date="2020-11-03",
                precision="day",
                text="Election",
                evidence=(evidence(b, "Electoral College"),),
                story_id="s-1",
            ),
        ),
        summaries=(
            Summary(
                story_id="s-1",
                sentences=(
                    SummarySentence(text="Putin congratulated Biden.", article_ids=("a-1", "a-2")),
                ),
            ),
        ),
        problems=(Problem(source="bad.bin", error="binary file"),),
        modes={"entities": "rules"},
    )
