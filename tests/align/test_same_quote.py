"""A claim that is a quote, stated by another outlet quoting the same words (`align.same_quote`)."""

from __future__ import annotations

import dataclasses

from newsweave.align.claims import ClaimConfig, align_claims
from newsweave.align.same_quote import quotes_alike
from newsweave.model import Story
from tests.align.test_claims import article

PARLIAMENT = 'He told Parliament that "a demonstration is one thing and murder is quite another."'
CONDEMNED = (
    "Greek prime minister George Papandreou condemned the killings, saying: "
    '"A demonstration is one thing and murder is quite another".'
)
BUTLER = (
    "\u201cWe're aware of the off-the-field issue involving Vincent,\u201d Chargers general "
    "manager A.J. Butler said in a statement."
)
SMITH = (
    '"We\'re aware of the off-the-field issue involving Vincent," team general manager '
    "A.J. Smith said."
)


def alike(claim: str, other: str) -> bool:
    return quotes_alike(claim, other, min_words=8, max_frame_words=6)


def test_the_same_quoted_words_in_another_frame_state_the_claim() -> None:
    assert alike(PARLIAMENT, CONDEMNED)
    # A longer quote holding the claim's words states it too; the claim's frame is what is
    # limited (the other sentence may tell more), so not the other way round here.
    longer = CONDEMNED.replace("another", "another, and we will find them")
    assert alike(PARLIAMENT, longer)
    assert not alike(CONDEMNED, PARLIAMENT)


def test_two_named_speakers_part_one_quote() -> None:
    assert not quotes_alike(BUTLER, SMITH, min_words=8, max_frame_words=12)
    assert quotes_alike(BUTLER, SMITH.replace("Smith", "Butler"), min_words=8, max_frame_words=12)


def test_short_quotes_facts_in_the_frame_and_paraphrases_do_not_count() -> None:
    short = 'He said "murder is quite another."'
    assert not alike(short, 'Papandreou said: "murder is quite another."')
    fact = 'In 2005 he told police "a demonstration is one thing and murder is quite another."'
    assert not alike(fact, CONDEMNED)  # a year outside the quote
    paraphrase = "He said a demonstration is one thing and murder is quite another."
    assert not alike(PARLIAMENT, paraphrase)  # no quote marks: not quoted words
    assert not quotes_alike(PARLIAMENT, CONDEMNED, min_words=0, max_frame_words=6)


def test_a_quote_in_another_frame_corroborates_the_claim_through_alignment() -> None:
    fox = article(
        "q-1", "Protesters marched on parliament in Athens.\n\n" + PARLIAMENT, "2010-05-05"
    )
    sky = article(
        "q-2", "Three people died in a burning bank in Athens.\n\n" + CONDEMNED, "2010-05-05"
    )
    story = Story(id="s-athens", title="Athens", article_ids=("q-1", "q-2"))
    articles = {"q-1": fox, "q-2": sky}

    def quote_claim(config: ClaimConfig) -> str:
        claims, _ = align_claims([story], articles, voices={}, config=config)
        (claim,) = [c for c in claims if c.text == PARLIAMENT]
        return claim.status

    assert quote_claim(ClaimConfig()) == "corroborated"
    assert quote_claim(dataclasses.replace(ClaimConfig(), support_quote_words=0)) != "corroborated"
