"""Session 8 brief rules, read on the fresh8 split (ECB+ 24_ecbplus, 26_ecb, 32_ecbplus, GVC
492366): the lede most outlets tell in their own words opens the brief, a sentence cut at a
split decimal stays out, an estimate is no disagreement, a dated wire dateline is cut."""

from __future__ import annotations

import numpy as np

from newsweave.align.roundups import DATELINE as _DATELINE
from newsweave.brief import (
    _briefable,
    _claim_sentence,
    _cut_at_decimal,
    _Facts,
    _fragment,
    _restated_ledes,
    _values,
)
from newsweave.model import Claim, Conflict, ConflictValue
from tests.report.sample import article, evidence


def facts(*voices: str) -> _Facts:
    return _Facts(
        voices=len(voices),
        lede=True,
        lede_voices=len(voices),
        lede_voice_ids=frozenset(voices),
        first=True,
        dated_now=False,
        background=False,
        names=2,
    )


def test_openers_that_restate_one_another_pool_their_lede_voices() -> None:
    # Three outlets word "a man has been charged" each their own way (0, 1, 2); two local
    # outlets wrote the later hearing alike (3). Only restatements (cosine > 0.72) pool.
    charged = np.array([1.0, 0.0])
    near = np.array([0.9, np.sqrt(1 - 0.81)])
    hearing = np.array([0.0, 1.0])
    vectors = np.stack([charged, near, near, hearing])
    pooled = _restated_ledes(
        [0, 1, 2, 3], vectors, [facts("a"), facts("b"), facts("c"), facts("d", "e")]
    )
    assert pooled == {0: 3, 1: 3, 2: 3, 3: 2}


def test_a_bracket_left_open_or_closed_alone_is_a_fragment() -> None:
    assert _fragment(
        "Four men rammed their car into a jewellery store in central Paris on Monday, "
        "making off with a two-million-euro ($2."
    )
    assert _fragment("6 million) the thieves reversed their car out of the store and fled.")
    assert not _fragment("The thieves (four men) reversed their car out of the store and fled.")


def test_a_sentence_cut_at_a_split_decimal_is_a_piece() -> None:
    text = (
        "A smash-and-grab saw four robbers make off with jewelry valued at over $2. 6 million "
        "early Monday. Police said the store had been hit twice this year."
    )
    art = article("a", text)
    cut = "A smash-and-grab saw four robbers make off with jewelry valued at over $2."
    tail = "6 million early Monday."
    whole = "Police said the store had been hit twice this year."

    def claim(words: str) -> Claim:
        return Claim(
            id="c",
            story_id="s",
            text=words,
            status="single-source",
            support=(evidence(art, words),),
        )

    assert _cut_at_decimal(claim(cut), {"a": art})
    assert _cut_at_decimal(claim(tail), {"a": art})
    assert not _cut_at_decimal(claim(whole), {"a": art})


def conflict(*values: str) -> Conflict:
    one = article("a", "x")
    two = article("b", "y")
    sides = [
        ConflictValue(value=v, evidence=(evidence(a, a.text),))
        for v, a in zip(values, (one, two), strict=True)
    ]
    return Conflict(id="k", story_id="s", topic="arrested", values=tuple(sides))


def test_an_estimate_is_no_disagreement_in_a_brief_line() -> None:
    assert not _briefable(conflict("89", "almost 100"))
    assert not _briefable(conflict("8.49pm", "about 8.40pm"))
    assert _briefable(conflict("89", "99"))


def test_a_dated_wire_dateline_is_cut() -> None:
    line = "NEW HAVEN, Conn., Oct. 27 (UPI) -- One person was killed in a shooting."
    assert _DATELINE.sub("", line) == "One person was killed in a shooting."
    assert _DATELINE.sub("", "NEW YORK (AP) - A man was shot.") == "A man was shot."


def test_a_line_cites_only_the_articles_whose_sentence_holds_its_figures_and_names() -> None:
    line = "Garrard finished with 28-of-41 for 329 yards with one touchdown for Jacksonville."
    full = article("a", line)
    part = article("b", "Garrard finished with 28 completions on 41 attempts and a touchdown.")
    other = article(
        "c", "Garrard completed 28 of 41 passes for 329 yards and 1 touchdown, Jacksonville."
    )
    claim = Claim(
        id="c",
        story_id="s",
        text=line,
        status="corroborated",
        support=tuple(evidence(a, a.text) for a in (full, part, other)),
    )
    assert _claim_sentence(claim).article_ids == ("a", "c")


def test_a_capital_that_starts_a_sentence_or_a_quote_is_no_name() -> None:
    numbers, names = _values("“Tonight was a peaceful vigil,” Williams wrote on Monday.")
    assert numbers == set()
    assert names == [{"williams"}, {"monday"}]
    assert _values("Microsoft said two of the 500 users")[1] == []
    assert _values("Microsoft said two of the 500 users")[0] == {"2", "500"}
