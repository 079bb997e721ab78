"""Quote grouping across outlets, and the seed acceptance case."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsweave.align.quotes import attribution_conflicts, group_quotes, same_statement, variant_diff
from newsweave.extract.entities import extract_entities
from newsweave.extract.quotes import QuoteMention, extract_quotes
from newsweave.model import Article

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"


def _mention(aid: str, text: str, speaker: str | None) -> QuoteMention:
    return QuoteMention(
        article_id=aid,
        text=text,
        span=(0, len(text)),
        speaker_text=speaker,
        speaker_id=speaker,
        kind="direct",
        cue="said",
    )


def test_trimmed_and_retranslated_renderings_group_but_different_statements_do_not() -> None:
    a = _mention(
        "a",
        "can, despite their differences, effectively contribute to solving many problems",
        "e-p",
    )
    b = _mention("b", "can really contribute to solving many problems", "e-p")
    c = _mention("c", "We will work with any person who holds the trust of the people", "e-p")
    quotes = group_quotes([a, b, c], story_of={"a": "s", "b": "s", "c": "s"})
    sizes = sorted(len(q.variants) for q in quotes)
    assert sizes == [1, 2]
    assert all(q.speaker == "e-p" and q.story_id == "s" for q in quotes)


def test_grouping_stays_within_a_story() -> None:
    a = _mention("a", "For my part, I am ready for interaction and contacts with you.", "e-p")
    b = _mention("b", "For my part, I am ready for interaction and contacts with you.", "e-p")
    quotes = group_quotes([a, b], story_of={"a": "s1", "b": "s2"})
    assert len(quotes) == 2


def test_majority_speaker_and_conflicting_attributions_are_reported() -> None:
    text = "For my part, I am ready for interaction and contacts with you."
    mentions = [_mention("a", text, "e-p"), _mention("b", text, "e-p"), _mention("c", text, "e-k")]
    quotes = group_quotes(mentions, story_of={})
    assert len(quotes) == 1 and quotes[0].speaker == "e-p"
    conflicts = attribution_conflicts(quotes, mentions)
    assert [sorted(sid for sid, _, _ in c.attributions) for c in conflicts] == [["e-k", "e-p"]]


def test_variant_diff_shows_word_changes() -> None:
    assert variant_diff("can effectively contribute", "can really contribute") == [
        ("equal", "can"),
        ("delete", "effectively"),
        ("insert", "really"),
        ("equal", "contribute"),
    ]


def _seed_text(path: Path) -> str:
    """The seed's clean text: the project's cleaner when it is importable, else the paragraphs
    that read as prose (page furniture is short)."""
    raw = path.read_text(encoding="utf-8")
    try:
        from newsweave.clean import clean_document
        from newsweave.model import RawDoc
    except ImportError:
        return "\n\n".join(p.strip() for p in raw.split("\n\n") if len(p.split()) >= 12)
    return clean_document(RawDoc(source=path.name, text=raw)).text


@pytest.mark.slow
def test_seed_quotes_group_across_outlets_with_putin_as_speaker() -> None:
    files = sorted(EXAMPLES.glob("*.txt"))
    if len(files) < 4:
        pytest.skip("examples/ not present")
    articles = [
        Article(
            id=f.name[:3],
            source=f.name,
            url=None,
            outlet=None,
            domain=None,
            title="",
            published=None,
            published_basis="unknown",
            language="en",
            text=_seed_text(f),
        )
        for f in files
    ]
    entities = extract_entities(articles)
    putin = [e for e in entities.entities if e.name == "Vladimir Putin"]
    assert len(putin) == 1 and putin[0].type == "PERSON"
    assert putin[0].article_ids == ("000", "001", "002", "003")
    mentions = [q for a in articles for q in extract_quotes(a, entities)]
    quotes = group_quotes(mentions, story_of={a.id: "s" for a in articles})

    def group_of(words: str) -> set[str]:
        hits = [q for q in quotes if any(words in v.text for v in q.variants)]
        assert len(hits) == 1
        assert hits[0].speaker == putin[0].id
        return {v.article_id for v in hits[0].variants}

    assert group_of("ready for interaction and contacts") >= {"000", "001"}
    assert group_of("contribute to solving many problems") >= {"000", "001", "002"}


def test_grouping_does_not_depend_on_input_order() -> None:
    mentions = [
        _mention(
            "a", "can, despite their differences, effectively contribute to solving problems", "e-p"
        ),
        _mention("b", "can really contribute to solving many problems", "e-p"),
        _mention("c", "For my part, I am ready for interaction and contacts with you.", "e-p"),
        _mention("d", "For my part, I am ready for interaction and contacts with you", "e-k"),
    ]
    story = {"a": "s", "b": "s", "c": "s", "d": "s"}
    assert group_quotes(mentions, story_of=story) == group_quotes(mentions[::-1], story_of=story)


def test_shared_contractions_do_not_make_two_quotes_one_statement() -> None:
    assert not same_statement(
        "It’s disturbing and it’s sad,",
        "It’s too bad the kids were the victims. It’s a sad thing that they had to pay",
        0.5,
    )


def _reported(aid: str, text: str, speaker: str | None, start: int = 0) -> QuoteMention:
    return QuoteMention(
        article_id=aid,
        text=text,
        span=(start, start + len(text)),
        speaker_text=speaker,
        speaker_id=speaker,
        kind="indirect",
        cue="said",
    )


def test_a_negated_report_never_groups_with_the_plain_one() -> None:
    a = _reported("a", "police do not believe he was present for the shooting", "e-w")
    b = _reported("b", "he was present for the shooting", "e-w")
    quotes = group_quotes([a, b], story_of={"a": "s", "b": "s"})
    assert len(quotes) == 2


def test_a_trimmed_direct_quote_still_groups_across_a_negation() -> None:
    full = (
        "The crews worked to ensure that this fire didn't spread further, but I'm afraid the "
        "building here is a total loss."
    )
    a = _mention("a", full, "e-g")
    b = _mention("b", "the building here is a total loss", "e-g")
    assert len(group_quotes([a, b], story_of={"a": "s", "b": "s"})) == 1


def test_two_speakers_of_one_article_or_two_reporting_people_stay_apart() -> None:
    argued = _reported(
        "a", "Mendoza was the only one in the room with Bandemer when the gun went off", "e-s"
    )
    told = _reported(
        "a", "Mendoza was the only one in the room with Bandemer, and he had the gun", "e-c", 200
    )
    elsewhere = _reported(
        "b", "Mendoza was the only one in the room with Bandemer when the gun went off", "e-p"
    )
    quotes = group_quotes([argued, told, elsewhere], story_of={"a": "s", "b": "s"})
    assert len(quotes) == 3
