from __future__ import annotations

import numpy as np
import pytest

from newsweave.align.similarity import (
    SimilarityConfig,
    lexical_overlap,
    number_agreement,
    same_statement_matrix,
    same_statement_score,
    stem,
    term_weights,
    text_features,
    without_clash_penalty,
)


def test_score_is_within_unit_interval_and_symmetric() -> None:
    a = "Putin sent Biden a telegram of congratulations."
    b = "The Kremlin said Putin congratulated Biden in a telegram."
    ab, ba = same_statement_score(a, b), same_statement_score(b, a)
    assert 0.0 <= ab <= 1.0
    assert ab == pytest.approx(ba, abs=1e-6)


def test_paraphrase_scores_above_threshold_and_unrelated_below() -> None:
    config = SimilarityConfig()
    paraphrase = same_statement_score("largest shareholder", "biggest shareholder")
    unrelated = same_statement_score("largest shareholder", "a tiresome internet troll")
    assert paraphrase > config.threshold > unrelated


def test_clashing_numbers_lower_the_score_and_shared_numbers_raise_it() -> None:
    same = same_statement_score("for three more years", "three years")
    clash = same_statement_score("two more years", "three years")
    assert same > clash
    neutral = same_statement_score(
        "two more years", "three years", config=without_clash_penalty(SimilarityConfig())
    )
    assert neutral > clash


def test_number_agreement_reads_digits_and_number_words() -> None:
    assert (
        number_agreement(text_features("1,000 troops"), text_features("a thousand and 1000")) == 1
    )
    assert number_agreement(text_features("three years"), text_features("3 years")) == 1
    assert number_agreement(text_features("two years"), text_features("three years")) == -1
    # "one" is too often not a count to clash with anything.
    assert number_agreement(text_features("one of the leaders"), text_features("5 leaders")) == 0


def test_stem_maps_inflections_together() -> None:
    assert stem("smuggling") == stem("smuggled") == stem("smuggle")
    assert stem("inspections") == stem("inspection")
    assert stem("Abbott's") == stem("abbott")


def test_topic_words_weigh_less_than_specific_words() -> None:
    texts = ["trucks smuggle drugs", "border security", "truck safety inspections"]
    weights = term_weights(texts, topic="Why did Abbott order truck inspections?")
    assert weights.of(stem("inspections")) < weights.of(stem("drugs"))
    x = text_features("truck inspections for smuggled drugs")
    y = text_features("truck inspections for safety")
    z = text_features("drugs smuggling checks")
    # Unweighted, both pairs share two words; weighted, sharing the topic's words counts less.
    assert lexical_overlap(x, y, None) == pytest.approx(lexical_overlap(x, z, None))
    assert lexical_overlap(x, y, weights) < lexical_overlap(x, z, weights)


def test_matrix_matches_pairwise_shape_and_puts_copies_on_top() -> None:
    texts = ["three years", "until July 2024", "three years", "a critic"]
    matrix = same_statement_matrix(texts, texts, topic="How long will cocktails to-go last?")
    assert matrix.shape == (4, 4)
    assert np.all((matrix >= 0) & (matrix <= 1))
    assert matrix[0, 2] == pytest.approx(1.0)
    assert matrix[0, 2] > matrix[0, 1]
    assert np.allclose(matrix, matrix.T, atol=1e-6)


def test_context_counts_only_with_a_positive_context_weight() -> None:
    a, b = "he agreed", "he agreed"
    plain = same_statement_score(a, b, context_a="The deal is done.", context_b="It rained.")
    weighted = same_statement_score(
        a,
        b,
        context_a="The deal is done.",
        context_b="It rained.",
        config=SimilarityConfig(context_weight=0.5),
    )
    assert weighted < plain


def test_config_rejects_out_of_range_weights() -> None:
    with pytest.raises(ValueError, match="semantic_weight"):
        SimilarityConfig(semantic_weight=1.5)
    with pytest.raises(ValueError, match="negative"):
        SimilarityConfig(number_clash_penalty=-0.1)


def test_polarity_clash_needs_the_denied_word_on_the_other_side() -> None:
    from newsweave.align.similarity import negated_terms, polarity_clash

    assert negated_terms("The mayor was not arrested on Friday.") == {stem("arrested")}
    assert polarity_clash("The mayor was arrested on Friday.", "The mayor was not arrested.")
    assert polarity_clash("Police did not confirm the death.", "Police confirmed the death.")
    # A denial about something the other sentence does not say is no clash.
    assert not polarity_clash(
        "One man was shot and killed but no one else was injured.",
        "The other partygoers managed to escape.",
    )
    assert not polarity_clash("Not only the city but the region was hit.", "The region was hit.")


def test_numbers_inside_dates_are_no_figures() -> None:
    # "since October 23" is a day, not the 23 pirates of the other sentence.
    assert text_features("patrols since October 23 to protect trade").numbers == frozenset()
    assert text_features("on Dec. 6, 2008, and 3 March 2009").numbers == frozenset()
    assert (
        number_agreement(
            text_features("The navy captured 23 pirates."),
            text_features("The navy has patrolled the gulf since October 23."),
        )
        == 0
    )


def test_joined_digit_groups_are_one_figure() -> None:
    # Two phone numbers with one area code do not agree; a record is one value, not two counts.
    first = text_features("Call police at (203) 574-6941.")
    second = text_features("Call Waterbury police at (203) 574-6920.")
    assert number_agreement(first, second) == -1
    assert number_agreement(text_features("a 122-147 record"), text_features("162-139")) == -1
    assert number_agreement(text_features("a 9-14 start"), text_features("9–14 so far")) == 1
    assert number_agreement(text_features("in 2007-08"), text_features("2008 and 7")) == -1


def test_digit_like_symbols_are_no_numbers() -> None:
    # "❶" and "²" are digits to str.isdigit but not numbers float() reads: a story of a blog post
    # with numbered steps lost all its claims to a ValueError before (helper-53, 2k benchmark).
    features = text_features("Step ❶ install the gem, then ❷ run it 3 times on a 10² grid")
    assert features.numbers == frozenset({"3", "10"})
    assert text_features("١٢ injured").numbers == frozenset({"12"})  # Arabic-Indic digits


def test_polarity_clash_two_wordings_of_one_denial() -> None:
    # Issue 11, session 22: each pair denies one thing in other words; the first content word
    # after the cue differs ("parole" / "chance", "go" / "get"), and the denied word of one side
    # stands on the other inside that side's own denial.
    from newsweave.align.similarity import polarity_clash

    assert not polarity_clash(
        "The man was sentenced Saturday to prison for life without parole.",
        "A judge sentenced the man to multiple life sentences with no chance of parole.",
    )
    assert not polarity_clash(
        "He was a good kid, never one of those to go out and get into trouble.",
        '"John was a good kid, never one of those to get into trouble.',
    )
    assert not polarity_clash(
        '"We are encouraged with the outlook and not having surgery," Payton said.',
        "He said Bush's injury does not require surgery, just rest and rehabilitation.",
    )
    assert not polarity_clash(
        "Williams gave a blood sample, but the results were not yet known.",
        "Williams gave a blood sample, but the results won't be known for a few weeks.",
    )
    # A cue's reach ends with its clause: "nothing," does not deny the speaker's name.
    assert not polarity_clash(
        'Giannis Panagopoulos said: "The rich pay nothing."',
        '"The rich pay nothing," said Giannis Panagopoulos.',
    )


def test_polarity_clash_a_denied_word_affirmed_elsewhere_still_clashes() -> None:
    from newsweave.align.similarity import polarity_clash

    # The other side denies something else; the word is affirmed there, outside its denial.
    assert polarity_clash("He was arrested but not charged.", "He was not arrested.")
    assert polarity_clash(
        "Police did not charge him, but arrested him on Friday.", "Police did not arrest him."
    )
    assert polarity_clash("No U.S. troops were killed.", "Two U.S. troops were killed.")
    assert polarity_clash("No one else was injured.", "Three people were injured.")
