"""Headline choice and the cheap per-article features."""

from __future__ import annotations

import numpy as np

from newsweave.cluster.features import (
    _join_surnames,
    content_terms,
    is_headline_like,
    rule_entities,
    split_sentences,
)
from newsweave.cluster.titles import TitleCandidate, rank_candidates


def test_headline_like_rejects_file_names_urls_and_all_caps() -> None:
    assert is_headline_like("Putin Congratulates Biden on Election Victory")
    assert not is_headline_like("000_bf838fbfbc626702.txt")
    assert not is_headline_like("https://example.com/2020/12/15/putin")
    assert not is_headline_like("BREAKING NEWS LIVE UPDATES")
    assert not is_headline_like("Register")


def test_title_is_the_real_headline_closest_to_the_centroid() -> None:
    centroid = np.array([1.0, 0.0])
    candidates = [
        TitleCandidate(
            article_id="a", title="Far headline here", headline_like=True, vector=(0.0, 1.0)
        ),
        TitleCandidate(
            article_id="b", title="Close headline here", headline_like=True, vector=(0.9, 0.1)
        ),
        TitleCandidate(article_id="c", title="JUNK BANNER", headline_like=False, vector=(1.0, 0.0)),
    ]
    ranked = rank_candidates(candidates, centroid)
    assert [c.article_id for c in ranked] == ["b", "a", "c"]


def test_split_sentences_keeps_abbreviated_numbers_together() -> None:
    text = "A 6.1 quake hit Chile. Five died.\n\nOfficials said so."
    assert split_sentences(text) == ["A 6.1 quake hit Chile.", "Five died.", "Officials said so."]


def test_content_terms_fold_inflections_and_drop_stopwords() -> None:
    terms = content_terms("Police arrested him. The arrests followed arrest warrants in 2013.")
    assert terms["arrest"] == 3
    assert terms["2013"] == 1
    assert "the" not in terms


def test_rule_entities_find_capitalised_names_and_surnames_join_full_names() -> None:
    names = rule_entities("Yesterday Tara Reid entered rehab in Malibu. Reid is 33.")
    assert "Tara Reid" in names and "Malibu" in names
    counts = _join_surnames(["tara reid", "reid", "malibu"])
    assert counts == {"tara reid": 2, "malibu": 1}


def test_story_without_its_articles_still_gets_a_storyline_of_its_own() -> None:
    from newsweave.cluster import link_storylines
    from newsweave.model import Story

    story = Story(id="s-1", title="Quake hits Chile", article_ids=("a-missing",))
    linked, storylines = link_storylines([story], [])
    assert len(storylines) == 1
    assert storylines[0].story_ids == ("s-1",)
    assert linked[0].storyline_id == storylines[0].id
