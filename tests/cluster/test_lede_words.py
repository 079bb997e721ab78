"""The lede compared word for word: what tells twin happenings of one kind apart."""

from __future__ import annotations

import math

from newsweave.cluster.features import lede_words
from newsweave.model import Article
from tests.cluster.samples import make_article


def test_lede_words_are_a_unit_vector_of_words_and_word_pairs() -> None:
    words = dict(
        lede_words(
            make_article("INS Mysore captured 23 pirates.", title="Navy captures 23 pirates")
        )
    )
    assert math.isclose(math.sqrt(sum(w * w for w in words.values())), 1.0)
    assert {"23", "pirates", "23 pirates", "ins mysore"} <= set(words)
    # Both sentences say "23 pirates": it weighs more than a pair only one of them has.
    assert words["23 pirates"] > words["ins mysore"]


def test_twin_happenings_share_fewer_lede_words_than_two_reports_of_one() -> None:
    def cosine(a: Article, b: Article) -> float:
        x, y = dict(lede_words(a)), dict(lede_words(b))
        return sum(w * y.get(k, 0.0) for k, w in x.items())

    one = make_article(
        "INS Mysore captured 23 pirates on Saturday.", title="Indian Navy captures 23 pirates"
    )
    same = make_article(
        "The INS Mysore held 23 pirates Saturday.", title="23 pirates held by Indian Navy"
    )
    twin = make_article(
        "INS Sukanya foiled an attack on Thursday.", title="Indian Navy captures 26 pirates"
    )
    assert cosine(one, same) > cosine(one, twin)


def test_an_article_without_words_has_no_lede_words() -> None:
    assert lede_words(make_article("...", title="")) == ()
