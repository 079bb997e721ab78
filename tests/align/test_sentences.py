"""Claim sentences keep a decimal the tokeniser split ("9. 35am" in ECB+ texts) whole."""

from __future__ import annotations

from newsweave.align.sentences import split_claims
from tests.extract.helpers import plain_article


def test_a_split_decimal_does_not_end_a_sentence() -> None:
    # ECB+ 32_5ecbplus: "arrested at Millom Pier around 9." had become a claim of its own.
    text = (
        "Jenkin was arrested at Millom Pier around 9. 35am on Saturday morning.\n\n"
        "The court heard police were called to the family home at 8. 39am on Saturday.\n\n"
        "He was 23. He faces one charge of causing unnecessary suffering to an animal."
    )
    claims = [e.text for e in split_claims(plain_article(text))]
    assert claims == [
        "Jenkin was arrested at Millom Pier around 9. 35am on Saturday morning.",
        "The court heard police were called to the family home at 8. 39am on Saturday.",
        "He faces one charge of causing unnecessary suffering to an animal.",
    ]
