"""Whom a report is about: two clusters leading with different people are two happenings."""

from __future__ import annotations

from collections import Counter

import pytest

from newsweave.cluster import StoryConfig, StoryIndex, cluster_stories
from newsweave.cluster.features import _first_sentence_end, _surnames, extract_features
from newsweave.cluster.stories import lead_conflict
from newsweave.nlp import NER_ONLY, load_spacy
from tests.cluster.samples import make_article

needs_spacy = pytest.mark.skipif(load_spacy(exclude=NER_ONLY) is None, reason="no spaCy model")


def _side(
    size: int, leads: dict[str, int], named: dict[str, int]
) -> tuple[int, Counter[str], Counter[str]]:
    return size, Counter(leads), Counter(named)


def test_different_leads_never_named_across_are_a_full_conflict() -> None:
    jackson = _side(4, {"jackson": 4}, {"jackson": 4})
    williams = _side(3, {"williams": 3}, {"williams": 3})
    assert lead_conflict(jackson, williams) == 1.0
    assert lead_conflict(williams, jackson) == 1.0


def test_the_same_lead_or_a_side_without_people_is_no_evidence() -> None:
    reid = _side(2, {"reid": 2}, {"reid": 2})
    assert lead_conflict(reid, _side(3, {"reid": 1}, {"reid": 3})) == 0.0
    assert lead_conflict(reid, _side(3, {}, {})) == 0.0


def test_ledes_naming_the_other_lead_and_partial_coverage_weaken_it() -> None:
    # Half of the victim-led cluster's ledes name the suspect the other cluster leads with.
    victim = _side(4, {"smith": 2}, {"smith": 4, "jones": 2})
    suspect = _side(2, {"jones": 2}, {"jones": 2})
    # coverage 2/4 x 2/2, the suspect named by 2 of 4 ledes, the victim by none of 2
    assert lead_conflict(victim, suspect) == pytest.approx(0.5 * 1.0 * 1.0 * 0.5)


def test_the_most_common_lead_decides_with_ties_broken_by_name() -> None:
    tie = _side(2, {"beta": 1, "alpha": 1}, {"alpha": 1, "beta": 1})
    other = _side(1, {"alpha": 1}, {"alpha": 1})
    assert lead_conflict(tie, other) == 0.0  # "alpha" leads the tie, as the other side


def test_surnames_are_the_last_word_as_the_lede_words_spell_it() -> None:
    assert _surnames(["Vincent Jackson", "Jamal Williams'", "JACKSON"]) == ("jackson", "williams")
    assert _surnames(["", "7"]) == ()


def test_the_first_sentence_ends_at_its_stop_or_its_paragraph() -> None:
    text = "  Jackson was arrested on Tuesday. He will play.\n\nMore."
    assert text[: _first_sentence_end(text)].strip() == "Jackson was arrested on Tuesday."
    assert _first_sentence_end("One line\nNext line.") == len("One line")


ARRESTS = (
    (
        "Chargers' Jackson arrested on suspicion of DUI",
        "San Diego Chargers receiver Vincent Jackson was arrested on suspicion of drunken driving "
        "early on a weekday morning, the California Highway Patrol said. The team said it was "
        "disappointed. Jackson will play in the playoff game at Pittsburgh.",
    ),
    (
        "Jackson arrested on DUI charge",
        "Chargers receiver Vincent Jackson was arrested on suspicion of driving under the "
        "influence, the California Highway Patrol said. The team said it was disappointed. "
        "Jackson was on probation for a prior DUI.",
    ),
    (
        "Chargers' Jamal Williams arrested on DUI suspicion",
        "Chargers defensive tackle Jamal Williams was arrested on suspicion of drunken driving, "
        "the California Highway Patrol said. The team said it was disappointed. Williams gave a "
        "blood sample for a blood-alcohol test.",
    ),
    (
        "Chargers lineman Jamal Williams faces DUI charges",
        "Chargers defensive lineman Jamal Williams was arrested on suspicion of drunken driving "
        "after speeding, the California Highway Patrol said. The team said it was disappointed. "
        "Williams was booked into county jail.",
    ),
)


@needs_spacy
def test_the_headline_and_first_sentence_people_are_kept_with_the_model() -> None:
    articles = [make_article(text, title=title) for title, text in ARRESTS]
    people = [f.lede_people for f, _ in extract_features(articles)]
    assert people[0] == ("jackson",) and people[2] == ("williams",)


@needs_spacy
def test_two_players_arrested_alike_stay_two_stories_with_the_lead_evidence() -> None:
    articles = [make_article(text, title=title) for title, text in ARRESTS]
    ids = [a.id for a in articles]

    def groups(weight: float) -> set[frozenset[str]]:
        config = StoryConfig(lead_conflict_weight=weight)
        stories, _ = cluster_stories(articles, config=config)
        return {frozenset(ids.index(a) for a in s.article_ids) for s in stories}

    # Without it the shared words (team, patrol, DUI) make one story of the two arrests.
    assert groups(0.0) == {frozenset({0, 1, 2, 3})}
    assert groups(0.5) == {frozenset({0, 1}), frozenset({2, 3})}


@needs_spacy
def test_the_story_index_keeps_the_lead_people() -> None:
    articles = [make_article(text, title=title) for title, text in ARRESTS]
    _, index = cluster_stories(articles)
    restored = StoryIndex.from_bytes(index.to_bytes())
    people = {f.id: f.lede_people for f, _ in restored.articles}
    assert people[articles[0].id] == ("jackson",)
    assert people == {f.id: f.lede_people for f, _ in index.articles}
