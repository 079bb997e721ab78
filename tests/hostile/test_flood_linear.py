"""Floods of valid articles cost work linear in their size (issue 14 row 6, issue 15 item 5).

Each test counts the operations a step performs (never times it): one event reported by
thousands of articles, or a corpus of thousands of articles, must not make a step compare every
pair or rescan the whole corpus per article.
"""

from __future__ import annotations

import dataclasses
import random

import pytest

from newsweave import brief
from newsweave.align import claims as claims_module
from newsweave.align import quotes as quote_grouping
from newsweave.align.statement import default_parser, different_statement, statement_facts
from newsweave.extract.quotes import QuoteMention
from newsweave.extract.speakers import MentionIndex
from newsweave.extract.speakers import mentions as speaker_mentions
from newsweave.model import Article, Claim, Entity, Evidence, Story
from tests.report.sample import article as sample_article
from tests.report.sample import evidence as sample_evidence


def _entities(articles: int, per_article: int) -> tuple[Entity, ...]:
    """`per_article` entities named in each of `articles` articles, each once."""
    out = []
    for k in range(per_article):
        mentions = tuple(
            Evidence(article_id=f"a{n:05d}", text=f"Name{k}", span=(10 * k, 10 * k + 5))
            for n in range(articles)
        )
        out.append(
            Entity(
                id=f"e{k}",
                name=f"Name{k}",
                type="PERSON",
                aliases=(),
                article_ids=tuple(m.article_id for m in mentions),
                mentions=mentions,
            )
        )
    return tuple(out)


def _counting_mentions(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    made = [0]
    original = speaker_mentions._Mention

    def counted(**fields: object) -> object:
        made[0] += 1
        return original(**fields)  # type: ignore[arg-type]

    # Patched where MentionIndex looks `_Mention` up (its own module), not on the package.
    monkeypatch.setattr(speaker_mentions, "_Mention", counted)
    return made


@pytest.mark.parametrize("articles", [200, 400])
def test_mention_indexes_of_a_corpus_visit_each_mention_once(
    monkeypatch: pytest.MonkeyPatch, articles: int
) -> None:
    entities = _entities(articles, per_article=3)
    ids = [f"a{n:05d}" for n in range(articles)] + ["no-entities"]
    made = _counting_mentions(monkeypatch)

    indexes = MentionIndex.per_article(entities, ids)

    assert made[0] == 3 * articles  # one per mention: linear, not articles x mentions
    assert set(indexes) == set(ids)
    assert indexes["no-entities"].mentions == []
    monkeypatch.undo()
    for article_id in ids[:: max(1, articles // 10)]:
        alone = MentionIndex(article_id, entities)
        assert indexes[article_id].mentions == alone.mentions
        assert indexes[article_id].names == alone.names


def _mention(n: int, text: str, story_article: str | None = None) -> QuoteMention:
    return QuoteMention(
        article_id=story_article or f"a{n:05d}",
        text=text,
        span=(0, len(text)),
        speaker_text=None,
        speaker_id=None,
        kind="direct",
        cue="said",
    )


def _count_comparisons(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    calls = [0]
    original = quote_grouping.same_statement

    def counted(a: str, b: str, cosine: float) -> bool:
        calls[0] += 1
        return original(a, b, cosine)

    monkeypatch.setattr(quote_grouping, "same_statement", counted)
    return calls


def test_one_statement_repeated_by_a_flood_of_one_story_is_one_quote_without_pairs(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    statement = "The water will keep rising through the night, so stay away from the river"
    mentions = [_mention(n, statement) for n in range(1500)]
    story_of: dict[str, str | None] = {m.article_id: "s1" for m in mentions}
    calls = _count_comparisons(monkeypatch)

    quotes = quote_grouping.group_quotes(mentions, story_of=story_of)

    assert calls[0] == 0
    assert len(quotes) == 1 and len(quotes[0].variants) == 1500


@pytest.mark.parametrize("wordings", [120, 240])
def test_quote_pairs_in_a_story_past_the_block_size_grow_linearly(
    monkeypatch: pytest.MonkeyPatch, wordings: int
) -> None:
    monkeypatch.setattr(quote_grouping, "BLOCK_MAX", 20)
    mentions = [
        _mention(n, f"Gauge on the river rose overnight at station{n // 3} reading{n // 5}")
        for n in range(wordings)
    ]
    story_of: dict[str, str | None] = {m.article_id: "s1" for m in mentions}
    calls = _count_comparisons(monkeypatch)

    quote_grouping.group_quotes(mentions, story_of=story_of)

    # Each wording sits in at most 2 keyed blocks (no speakers here) of at most BLOCK_MAX:
    # at most wordings * BLOCK_MAX comparisons, against wordings² / 2 for every pair.
    assert 0 < calls[0] <= wordings * 20
    assert calls[0] < wordings * (wordings - 1) // 2


def test_a_story_within_the_block_size_compares_every_pair_whose_words_may_link(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # Wordings that share most of their words may link, so every pair is compared (the test
    # says no to each, so that no group formed on the way spares a pair).
    shared = [_mention(n, f"alpha bravo charlie delta echo{n}") for n in range(30)]
    asked = [0]

    def never(a: str, b: str, cosine: float) -> bool:
        asked[0] += 1
        return False

    monkeypatch.setattr(quote_grouping, "same_statement", never)
    quote_grouping.group_quotes(shared, story_of={m.article_id: "s1" for m in shared})
    assert asked[0] == 30 * 29 // 2
    monkeypatch.undo()

    # Wordings that share no word cannot reach the containment a link needs (session 14's
    # prefix filter, tests/align/test_quotes_pairs_linear.py): no pair is compared.
    distinct = [_mention(n, f"alpha{n} bravo{n} charlie{n} delta{n} echo{n}") for n in range(30)]
    calls = _count_comparisons(monkeypatch)
    quote_grouping.group_quotes(distinct, story_of={m.article_id: "s1" for m in distinct})
    assert calls[0] == 0


class _CountedTuple(tuple):  # type: ignore[type-arg]
    """A tuple that counts how often it is iterated (one count per full or partial scan)."""

    scans = 0

    def __iter__(self):  # type: ignore[no-untyped-def]
        type(self).scans += 1
        return super().__iter__()


def _html_scans_with_extra_stories(extra: int) -> int:
    """Scans of the report's per-story records while rendering it with `extra` more stories."""
    from newsweave.report.html import render_html
    from tests.report.sample import article, sample_report

    report = sample_report()
    articles = [article(f"x-{k}", f"Gauge {k} on the river rose by {k} cm.") for k in range(extra)]
    stories = [
        Story(id=f"s-x-{k}", title=f"Gauge {k}", article_ids=(f"x-{k}",)) for k in range(extra)
    ]

    class Counted(_CountedTuple):
        scans = 0

    report = dataclasses.replace(
        report,
        articles=report.articles + tuple(articles),
        stories=report.stories + tuple(stories),
        claims=Counted(report.claims),
        conflicts=Counted(report.conflicts),
        quotes=Counted(report.quotes),
        timeline=Counted(report.timeline),
        summaries=Counted(report.summaries),
        entities=Counted(report.entities),
    )
    render_html(report)
    return Counted.scans


def test_html_report_scans_each_record_list_a_fixed_number_of_times() -> None:
    # The scans of claims, quotes, timeline, ... must not grow with the number of stories.
    assert _html_scans_with_extra_stories(40) == _html_scans_with_extra_stories(5)


# ---- a flood of one-sentence articles: the parser runs a few times per story, not per article


def _flood_story(n: int) -> tuple[Story, dict[str, Article], list[Claim]]:
    articles, claims = {}, []
    for i in range(n):
        text = f"Record {i}: the river at gauge {i} rose by {i % 97} cm on Tuesday."
        art = sample_article(f"a{i:05d}", text, title=f"River gauge {i} report")
        articles[art.id] = art
        claims.append(
            Claim(
                id=f"c{i:05d}",
                story_id="s",
                text=text,
                status="single-source",
                support=(sample_evidence(art, text),),
            )
        )
    return Story(id="s", title="River", article_ids=tuple(articles)), articles, claims


def test_the_brief_of_a_flood_story_parses_a_few_openers_not_each(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Every opener was parsed for its tense (300 parses here; 4,656 in the 5,000-record flood,
    21 CPU s); the best opener needs only the ones near the top of the headline order and of
    the ranking."""
    parsed: list[str] = []

    def tells_past_event(text: str) -> bool:
        parsed.append(text)
        return True

    monkeypatch.setattr(brief, "_tells_past_event", tells_past_event)
    story, articles, claims = _flood_story(300)
    summary = brief.summarize_story(story, claims, [], articles, voices={})
    assert summary.sentences
    # A text asked twice is parsed once: the product's `_tells_past_event` is cached.
    assert len(set(parsed)) <= 3, parsed


@pytest.mark.parametrize("seed", range(40))
def test_the_best_opener_is_the_one_filtering_every_opener_gives(
    monkeypatch: pytest.MonkeyPatch, seed: int
) -> None:
    """`_best_opener` parses lazily; its answer is the eager rule's (filter by tense, band of
    `margin` below the closest headline, best ranked), ties and the no-past case included."""
    rng = random.Random(seed)
    n = rng.randint(1, 30)
    texts = [f"sentence {i}" for i in range(n)]
    past = {t for t in texts if rng.random() < rng.choice((0.0, 0.2, 0.8))}
    monkeypatch.setattr(brief, "_tells_past_event", lambda text: text in past)
    headline = [rng.choice((0.0, 0.3, 0.31, 0.5, rng.random())) for _ in range(n)]
    scores = [rng.choice((1.0, 2.0, rng.random())) for _ in range(n)]
    openers = sorted(rng.sample(range(n), rng.randint(1, n)))
    candidates = [
        Claim(id=str(i), story_id="s", text=t, status="single-source", support=())
        for i, t in enumerate(texts)
    ]
    margin = rng.choice((0.0, 0.05, 0.2))

    def rank(i: int) -> tuple[float, int]:
        return (scores[i], -i)

    eager = [i for i in openers if texts[i] in past] or openers
    top = max(headline[i] for i in eager)
    expected = max((i for i in eager if headline[i] >= top - margin), key=rank)
    assert brief._best_opener(openers, headline, candidates, margin, rank=rank) == expected


def _counting_parser(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    parsed: list[str] = []
    real = default_parser()

    def parser(text: str) -> object:
        parsed.append(text)
        return real(text) if real is not None else []

    monkeypatch.setattr(claims_module, "default_parser", lambda: parser)
    return parsed


def test_claims_parse_only_sentences_that_figures_dates_and_polarity_do_not_tell_apart(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Each aligned member was parsed for who does what (4,698 parses in the 5,000-record flood,
    ~12 CPU s); records that state different figures are told apart without a parse."""
    parsed = _counting_parser(monkeypatch)
    texts = [f"Record {i}: the river at gauge {i} rose by {i + 1000} cm." for i in range(200)]
    texts += ["Police arrested the mayor.", "The mayor arrested police."]
    evidence = [Evidence(article_id=f"a{i}", text=t, span=(0, len(t))) for i, t in enumerate(texts)]
    facts = claims_module._FactsOf(evidence, [()] * len(texts), [()] * len(texts))
    assert all(facts.differ(0, i) for i in range(1, 200))
    assert parsed == []
    facts.differ(200, 201)  # nothing but the parse can tell these two apart
    assert parsed == texts[200:]


@pytest.mark.skipif(default_parser() is None, reason="needs spaCy's English parser")
def test_the_lazy_check_answers_as_the_full_one() -> None:
    texts = [
        "Police arrested the mayor on Tuesday.",
        "The mayor was arrested by police on Tuesday.",
        "The mayor arrested two officers on Tuesday.",
        "Smith said the navy seized six rifles.",
        "The navy has seized 14 rifles so far.",
        "The navy did not seize any rifles.",
        "Jones said the navy seized six rifles.",
    ]
    evidence = [Evidence(article_id="a", text=t, span=(0, len(t))) for t in texts]
    facts = claims_module._FactsOf(evidence, [()] * len(texts), [()] * len(texts))
    parser = default_parser()
    for i, a in enumerate(texts):
        for j, b in enumerate(texts):
            full = different_statement(
                statement_facts(a, parser=parser, quantities=facts.quantities),
                statement_facts(b, parser=parser, quantities=facts.quantities),
            )
            assert facts.differ(i, j) == (full is not None), (a, b)
