from __future__ import annotations

import dataclasses
from collections.abc import Iterator
from typing import NamedTuple

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import newsweave.align.conflicts as conflicts_module
from newsweave.align.claims import ClaimConfig, align_claims, normalise_claim_text
from newsweave.align.sentences import is_claim, split_claims
from newsweave.ids import content_id
from newsweave.model import Article, Claim, Conflict, CopyLink, DateMention, RawDoc, Story
from tests.align.quantity_stand_in import stand_in_quantities
from tests.align.seed_articles import EXAMPLES, seed_article, seed_story


def article(article_id: str, text: str, published: str | None = "2021-05-01") -> Article:
    return Article(
        id=article_id,
        source=f"{article_id}.txt",
        url=None,
        outlet=None,
        domain=None,
        title="",
        published=published,
        published_basis="text",
        language="en",
        text=text,
    )


@pytest.fixture
def figures_extractor(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Use the real numbers extractor when installed, else the test stand-in."""
    if conflicts_module.default_quantity_extractor() is None:
        monkeypatch.setattr(
            conflicts_module, "default_quantity_extractor", lambda: stand_in_quantities
        )
    yield


# --- splitting -----------------------------------------------------------------------------


def test_split_skips_questions_headings_and_fragments() -> None:
    text = (
        "Putin Congratulates Biden On Election Victory\n\n"
        "Listen Live\n\n"
        "What will the Kremlin do next?\n\n"
        "Russian President Vladimir Putin has sent a telegram to Joe Biden, the Kremlin said."
    )
    claims = split_claims(article("a", text))
    assert [c.text for c in claims] == [
        "Russian President Vladimir Putin has sent a telegram to Joe Biden, the Kremlin said."
    ]


def test_split_keeps_abbreviations_and_initials_inside_sentences() -> None:
    text = (
        "The U.S. President-elect won after the Nov. 3 vote, Mr. Smith wrote in Washington, D.C. "
        "on Tuesday. J. R. Jones said the count was over."
    )
    claims = [c.text for c in split_claims(article("a", text))]
    assert claims == [
        "The U.S. President-elect won after the Nov. 3 vote, Mr. Smith wrote in Washington, "
        "D.C. on Tuesday.",
        "J. R. Jones said the count was over.",
    ]


def test_a_long_sentence_stays_one_claim_whatever_its_clauses() -> None:
    # ECB+ 1_7ecbplus and 6_3ecbplus: cut at ", but", the halves were "Lindsay Lohan's lawyer
    # says the actress checked into rehab on Thursday" (no period, no contrast) and "is asking
    # for a significant raise for Catching Fire." (no subject): no claim a fact-checker can check.
    sentences = [
        "Lindsay Lohan's lawyer says the actress checked into rehab on Thursday, but the facility "
        "has not been officially sanctioned by the court that ordered her to serve 90 days of "
        "treatment.",
        "THR says Ross, a seasoned director, accepted a relatively low $3 million salary for "
        "directing (and co-writing) The Hunger Games, but is asking for a significant raise for "
        "Catching Fire.",
        "Russia's opposition leader Alexei Navalny has congratulated President-elect Joe Biden on "
        "his victory in the election, while Russian President Vladimir Putin has not yet made "
        "any congratulatory remarks about the result.",
        "The navy captured the pirates after a long chase across the gulf on Saturday; the "
        "government said they would be handed over to the authorities in the coming days.",
        "Among the seized items were seven AK-47 automatic rifles, three other automatic weapons "
        "and 13 loaded magazines; a rocket-propelled grenade launcher along with rockets and "
        "grenades; up to three outboard motors and a global positioning system receiver.",
    ]
    claims = [c.text for c in split_claims(article("a", "\n\n".join(sentences)))]
    assert claims == sentences


def test_is_claim_rejects_a_plea_to_keep_watching() -> None:
    assert not is_claim(
        "Stay with 7 Action News & WXYZ.com for the latest developments on this breaking story."
    )
    assert is_claim("Residents were told to stay with relatives for the night, police said.")


def test_is_claim_rejects_page_furniture() -> None:
    assert not is_claim(
        "On behalf of Newman, Anzalone & Newman, LLP. posted in Hit and Run Accidents on Friday, "
        "September 20, 2013."
    )
    assert is_claim("The officer was posted to Queens on Friday, police said.")


def test_is_claim_rejects_a_credit_line() -> None:
    assert not is_claim("Staff writer Jesse Paul contributed to this report.")
    assert not is_claim("Staff writers Kirk Mitchell and J. Paul contributed to this story.")
    assert is_claim("Poor maintenance contributed to the crash, the safety board said.")
    assert is_claim("He said the leak contributed to the report's delay by several weeks.")


def test_is_claim_rejects_title_case_lines() -> None:
    assert not is_claim("Putin Congratulates U.S. President-Elect Biden After Electoral Vote.")
    assert is_claim("Putin congratulated the U.S. president-elect after the vote.")


_WORDS = st.sampled_from(
    ["Putin", "said", "the", "vote", "U.S.", "Nov.", "3", "302", "while", "but", "a", "Biden"]
)
_SENTENCE = st.lists(_WORDS, min_size=1, max_size=40).map(" ".join)
_END = st.sampled_from([".", "?", "!", ";", ", while", ".”", ""])
_GAP = st.sampled_from([" ", "  ", "\n", "\n\n", " \t "])


@settings(max_examples=150, deadline=None)
@given(st.lists(st.tuples(_SENTENCE, _END, _GAP), min_size=1, max_size=12))
def test_every_claim_span_indexes_the_article_text_exactly(
    parts: list[tuple[str, str, str]],
) -> None:
    text = "".join(s + end + gap for s, end, gap in parts)
    doc = article("a", text)
    previous_end = 0
    for evidence in split_claims(doc):
        start, end = evidence.span
        assert doc.text[start:end] == evidence.text
        assert evidence.text == evidence.text.strip()
        assert start >= previous_end
        previous_end = end


# --- alignment on the seed story -----------------------------------------------------------


class SeedResult(NamedTuple):
    story: Story
    articles: dict[str, Article]
    claims: tuple[Claim, ...]
    conflicts: tuple[Conflict, ...]


@pytest.fixture(scope="module")
def seed_result() -> SeedResult:
    story, articles = seed_story(("000", "001", "002"))
    with pytest.MonkeyPatch.context() as patch:
        if conflicts_module.default_quantity_extractor() is None:
            patch.setattr(
                conflicts_module, "default_quantity_extractor", lambda: stand_in_quantities
            )
        claims, conflicts = align_claims([story], articles, voices={})
    return SeedResult(story, articles, claims, conflicts)


def test_seed_story_has_several_corroborated_claims(seed_result: SeedResult) -> None:
    claims = seed_result.claims
    corroborated = [c for c in claims if c.status == "corroborated"]
    # The fixture keeps article 002's photo caption glued to "The President of Russia noted ...
    # Russian-American cooperation ..." in one sentence (the cleaning stage removes it: see the
    # test through the real cleaning stage, where that claim is corroborated too).
    assert len(corroborated) >= 3
    texts = " ".join(c.text for c in corroborated)
    assert "ready for interaction and contacts" in texts
    assert "congratulatory telegram" in texts


def test_seed_story_surfaces_the_electoral_vote_conflict(seed_result: SeedResult) -> None:
    claims, conflicts = seed_result.claims, seed_result.conflicts
    vote_conflicts = [c for c in conflicts if {"306", "302"} <= {v.value for v in c.values}]
    assert len(vote_conflicts) == 1
    conflict = vote_conflicts[0]
    assert conflict.kind == "conflict"
    assert "electoral vote" in conflict.topic
    by_value = {v.value: [e.text for e in v.evidence] for v in conflict.values}
    assert any("306-232" in t for t in by_value["306"])
    assert any("302 electoral votes for Joe Biden" in t for t in by_value["302"])
    assert any("232 assigned to Donald Trump" in t for t in by_value["302"])
    disputed = [c for c in claims if c.status == "disputed"]
    assert any("306-232" in e.text for c in disputed for e in c.support)


def test_seed_claims_have_exact_evidence_and_content_ids(seed_result: SeedResult) -> None:
    story, articles, claims, conflicts = seed_result
    assert len({c.id for c in claims}) == len(claims)
    for claim in claims:
        assert claim.story_id == story.id
        assert claim.text in {e.text for e in claim.support}
        assert claim.id == content_id("c", story.id, normalise_claim_text(claim.text))
        for evidence in claim.support:
            text = articles[evidence.article_id].text
            assert text[evidence.span[0] : evidence.span[1]] == evidence.text
    for conflict in conflicts:
        for value in conflict.values:
            for evidence in value.evidence:
                text = articles[evidence.article_id].text
                assert text[evidence.span[0] : evidence.span[1]] == evidence.text


def test_status_follows_independent_voices(seed_result: SeedResult) -> None:
    claims = seed_result.claims
    for claim in claims:
        articles_supporting = {e.article_id for e in claim.support}
        if claim.status == "corroborated":
            assert len(articles_supporting) >= 2
        if claim.status == "single-source":
            assert len(articles_supporting) == 1


def test_result_does_not_depend_on_input_order(seed_result: SeedResult) -> None:
    story, articles, claims, conflicts = seed_result
    other = seed_story(("003",))
    shuffled = dataclasses.replace(story, article_ids=tuple(reversed(story.article_ids)))
    reordered = dict(reversed(list(articles.items())))
    reordered.update(other[1])
    with pytest.MonkeyPatch.context() as patch:
        if conflicts_module.default_quantity_extractor() is None:
            patch.setattr(
                conflicts_module, "default_quantity_extractor", lambda: stand_in_quantities
            )
        again, again_conflicts = align_claims(
            [other[0], shuffled], reordered, voices={}, config=ClaimConfig(chunk_rows=7)
        )
    assert tuple(c for c in again if c.story_id == story.id) == claims
    assert tuple(c for c in again_conflicts if c.story_id == story.id) == conflicts
    # Blocking: no claim mixes the two stories.
    for claim in again:
        story_articles = set(
            story.article_ids if claim.story_id == story.id else other[0].article_ids
        )
        assert {e.article_id for e in claim.support} <= story_articles


# --- independence of voices ----------------------------------------------------------------


def test_copies_of_one_article_count_once(figures_extractor: None) -> None:
    original = seed_article("001")
    copy = dataclasses.replace(
        original,
        id="a-copy",
        source="copy.txt",
        copy_of=CopyLink(article_id=original.id, kind="exact", similarity=1.0),
    )
    story = Story(id="s-copies", title="Putin", article_ids=(original.id, copy.id))
    articles = {original.id: original, copy.id: copy}
    claims, _ = align_claims([story], articles, voices={})
    assert claims
    assert all(c.status == "single-source" for c in claims)
    assert all(len({e.article_id for e in c.support}) == 2 for c in claims)
    # Unlinked by the copies stage, a reprint is still one voice: its sentences are the same.
    unlinked = dataclasses.replace(copy, copy_of=None)
    claims, _ = align_claims([story], {original.id: original, copy.id: unlinked}, voices={})
    assert claims
    assert all(c.status == "single-source" for c in claims)
    independent = unlinked
    # An explicit voice mapping wins.
    claims, _ = align_claims(
        [story],
        {original.id: original, copy.id: independent},
        voices={original.id: "v", copy.id: "v"},
    )
    assert all(c.status == "single-source" for c in claims)


def test_paraphrases_from_two_outlets_align_and_unrelated_ones_do_not(
    figures_extractor: None,
) -> None:
    a = article(
        "a-1",
        "Firefighters rescued twelve people from the burning apartment block on Friday night.\n\n"
        "The mayor promised an inquiry into the building's fire safety.",
    )
    b = article(
        "a-2",
        "Twelve residents were rescued by firefighters from the blazing apartment block on "
        "Friday.\n\nLocal football club won its third match in a row on Saturday afternoon.",
    )
    story = Story(id="s-fire", title="Apartment fire", article_ids=("a-1", "a-2"))
    claims, conflicts = align_claims([story], {"a-1": a, "a-2": b}, voices={})
    statuses = sorted((c.status, len(c.support)) for c in claims)
    assert statuses == [("corroborated", 2), ("single-source", 1), ("single-source", 1)]
    assert conflicts == ()


def test_missing_articles_and_empty_stories_are_skipped() -> None:
    story = Story(id="s-empty", title="", article_ids=("a-missing",))
    assert align_claims([story], {}, voices={}) == ((), ())


def test_config_rejects_bad_values() -> None:
    with pytest.raises(ValueError, match="neighbours"):
        ClaimConfig(neighbours=0)
    with pytest.raises(ValueError, match="threshold"):
        ClaimConfig(threshold=2.0)


@pytest.mark.slow
def test_seed_story_through_the_real_cleaning_stage(figures_extractor: None) -> None:
    clean = pytest.importorskip("newsweave.clean")
    describe = pytest.importorskip("newsweave.describe")
    if not hasattr(clean, "clean_document") or not hasattr(describe, "describe_article"):
        pytest.skip("cleaning or describing is not available yet")
    articles = {}
    for number in ("000", "001", "002"):
        path = next(EXAMPLES.glob(f"{number}_*.txt"))
        raw = RawDoc(source=path.name, text=path.read_text(encoding="utf-8"))
        described = describe.describe_article(raw, clean.clean_document(raw))
        articles[described.id] = described
    story = Story(id="s-seed", title="Putin congratulates Biden", article_ids=tuple(articles))
    claims, conflicts = align_claims([story], articles, voices={})
    corroborated = [c.text for c in claims if c.status == "corroborated"]
    assert len(corroborated) >= 4
    texts = " ".join(corroborated)
    for wanted in (
        "ready for interaction and contacts",
        "Russian-American cooperation",
        "congratulatory telegram",
    ):
        assert wanted in texts
    assert any({"306", "302"} <= {v.value for v in c.values} for c in conflicts)


# --- background, reprints and polarity -------------------------------------------------------


def _dated(article_id: str, text: str, published: str, *years: str) -> Article:
    dates = []
    for year in years:
        start = text.index(year)
        dates.append(DateMention(text=year, span=(start, start + 4), value=year, precision="year"))
    return dataclasses.replace(article(article_id, text, published), dates=tuple(dates))


def test_last_years_quake_never_corroborates_this_years(figures_extractor: None) -> None:
    a = _dated(
        "q-1",
        "A magnitude 6 earthquake struck the coast of Chile in 2013, destroying many homes.",
        "2014-04-02",
        "2013",
    )
    b = article(
        "q-2",
        "A magnitude 6 earthquake struck the coast of Chile on Tuesday, destroying many homes.",
        "2014-04-02",
    )
    c = _dated(
        "q-3",
        "In 2013 a magnitude 6 earthquake struck the coast of Chile and destroyed many homes.",
        "2014-04-03",
        "2013",
    )
    story = Story(id="s-quake", title="Chile earthquake", article_ids=("q-1", "q-2", "q-3"))
    claims, _ = align_claims([story], {x.id: x for x in (a, b, c)}, voices={})
    by_article = {e.article_id: c for c in claims for e in c.support}
    assert by_article["q-2"] is not by_article["q-1"]
    # Two sentences about the same earlier quake still corroborate each other.
    assert by_article["q-1"] is by_article["q-3"]
    assert by_article["q-1"].status == "corroborated"
    assert by_article["q-2"].status == "single-source"


def test_an_agency_text_with_edited_top_and_bottom_counts_once(figures_extractor: None) -> None:
    body = (
        "Rescue teams pulled four survivors from the collapsed hotel in the capital overnight.\n\n"
        "The interior ministry said the search would continue through the weekend at least.\n\n"
        "Engineers blamed the collapse on an illegal extension built on the roof last year.\n\n"
    )
    a = article("w-1", "Our city reporter adds local reactions below.\n\n" + body + "Ends.")
    b = article("w-2", body + "Local officials declined to comment on the engineers' claims.")
    c = article(
        "w-3",
        "Four people were rescued alive overnight from the rubble of the capital's hotel, "
        "the emergency service said.",
    )
    story = Story(id="s-hotel", title="Hotel collapse", article_ids=("w-1", "w-2", "w-3"))
    claims, _ = align_claims([story], {x.id: x for x in (a, b, c)}, voices={})
    for claim in claims:
        ids = {e.article_id for e in claim.support}
        if ids == {"w-1", "w-2"}:
            assert claim.status == "single-source", claim.text
    survivors = next(c for c in claims if "survivors" in c.text or "rescued" in c.text)
    assert {e.article_id for e in survivors.support} == {"w-1", "w-2", "w-3"}
    assert survivors.status == "corroborated"


def test_a_denial_does_not_corroborate_the_claim_it_denies(figures_extractor: None) -> None:
    a = article("n-1", "The mayor was arrested on Friday on suspicion of taking bribes.")
    b = article("n-2", "The mayor was not arrested on Friday on suspicion of taking bribes.")
    story = Story(id="s-mayor", title="Mayor", article_ids=("n-1", "n-2"))
    claims, _ = align_claims([story], {"n-1": a, "n-2": b}, voices={})
    assert not any(c.status == "corroborated" for c in claims)


def test_split_keeps_tokeniser_breaks_inside_one_sentence_and_drops_tails() -> None:
    text = (
        "She pulled out a. 357 Magnum and forced her way past the guards at the gate.\n\n"
        "unpatched, vulnerability in Internet Explorer 8 and 9, the company said on Monday."
    )
    claims = [c.text for c in split_claims(article("a", text))]
    assert claims == [
        "She pulled out a. 357 Magnum and forced her way past the guards at the gate."
    ]


def test_a_shared_figure_is_no_evidence_of_one_statement() -> None:
    """The support rule scores without the shared-number bonus that alignment gives."""
    import numpy as np

    from newsweave.align.claims import ClaimScorer
    from newsweave.align.similarity import term_weights, text_features

    texts = ["His 7-yard pass won the game.", "Luck found Wayne for a 7-yard touchdown."]
    features = [text_features(t) for t in texts]
    vectors = np.array([[1.0, 0.0], [0.8, 0.6]], dtype=np.float32)
    scorer = ClaimScorer(vectors, features, term_weights(features), ClaimConfig())
    bonus = ClaimConfig().similarity.number_match_bonus
    assert scorer.score(0, 1) == pytest.approx(scorer.score(0, 1, support=True) + bonus, abs=1e-4)


def test_a_single_source_claim_lists_what_other_voices_say_close_to_it(
    figures_extractor: None,
) -> None:
    # Issue 11, session 21: the support rule is strict both ways, so "single-source" often
    # means "no other article matched", not "one outlet says it" (GVC 727980: "police say they
    # do not expect any charges" / "it doesn't appear charges will be filed"). Such a claim
    # carries the close sentences of other voices; one that nothing comes near carries none.
    a = article(
        "a-1",
        "A 16-year-old girl died early Saturday after accidentally shooting herself, police"
        " said.\n\nThe mayor promised an inquiry into the city's gun safety classes.",
    )
    b = article(
        "a-2",
        "One person is dead after a shooting in the north of the city early Saturday"
        " morning.\n\nThe local football club won its third match in a row on Sunday afternoon.",
    )
    story = Story(id="s-near", title="Girl dies in shooting", article_ids=("a-1", "a-2"))
    claims, _ = align_claims([story], {"a-1": a, "a-2": b}, voices={})
    by_text = {c.text: c for c in claims}
    died = by_text[a.text.split("\n\n")[0]]
    dead = by_text[b.text.split("\n\n")[0]]
    assert died.status == dead.status == "single-source"
    assert [e.text for e in died.near_elsewhere] == [dead.text]
    assert [e.text for e in dead.near_elsewhere] == [died.text]
    assert by_text[b.text.split("\n\n")[1]].near_elsewhere == ()
    off = align_claims(
        [story], {"a-1": a, "a-2": b}, voices={}, config=ClaimConfig(near_elsewhere=0)
    )[0]
    assert all(c.near_elsewhere == () for c in off)
