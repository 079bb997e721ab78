"""Quantity frames of things, places and one person's figures: counted things whose state is
written ("three undersea cables were damaged"), a street block, how far a person fell."""

from __future__ import annotations

from newsweave.align.conflicts import compare_mentions
from newsweave.extract.numbers import extract_quantities
from newsweave.model import DateMention


def no_dates(text: str, published: str | None) -> tuple[DateMention, ...]:
    return ()


def related(a: str, figure_a: str, b: str, figure_b: str) -> str:
    def mention(sentence: str, figure: str) -> tuple[str, tuple[int, int], str | None]:
        start = sentence.index(figure)
        return sentence, (start, start + len(figure)), "2008-01-31"

    return compare_mentions(
        mention(a, figure_a), mention(b, figure_b), quantities=extract_quantities, dates=no_dates
    )


def test_counted_things_in_one_state_dispute_and_a_noun_alone_does_not() -> None:
    # ECB+ 30_ecb: three vs two undersea cables damaged.
    three = "Traffic was disrupted Friday after three undersea cables were damaged, it said."
    two = "Millions lost access after two undersea cables in the Mediterranean suffered damage."
    assert related(three, "three", two, "two") == "conflict"
    bare = "The operator owns two undersea cables in the region."
    assert related(three, "three", bare, "two") == "different"
    unread = "Outages began when three undersea cables between Italy and Egypt were damaged."
    assert related(three, "three", unread, "three") == "agree"  # the state not read: agree only
    assert related(two, "two", unread, "three") == "different"
    destroyed = "The quake flattened seven villages, and 15 villages were destroyed."
    damaged = "Officials said 15 villages were damaged."
    assert related(destroyed, "15", damaged, "15") == "different"  # another state


def test_a_street_block_disputes_another_block_of_the_same_street_only() -> None:
    # ECB+ 16_ecbplus: the 12000 vs the 12500 block of East 223rd Street.
    a = "Deputy Ortiz was shot outside an apartment in the 12000 block of East 223rd Street."
    b = "Ortiz followed Orozco to an apartment in the 12500 block of East 223rd Street."
    assert related(a, "12000", b, "12500") == "conflict"
    assert related(b, "12500", b, "12500") == "agree"
    other_street = "Ortiz was seen in the 12500 block of Pioneer Boulevard."
    assert related(a, "12000", other_street, "12500") == "different"
    # GVC test half: two places on one street, the suspect's and the victim's.
    suspect = (
        "The man suspected of stabbing them was found nearby on the 800 block of Pioneer Road."
    )
    victim = "Luke was found on the 300 block of Pioneer Road."
    assert related(suspect, "800", victim, "300") == "different"
    assert related(victim, "300", victim.replace("Luke", "Luke Smith"), "300") == "agree"
    unnamed = "It happened on the 300 block of Pioneer Road."
    assert related(victim, "300", unnamed, "300") == "agree"
    assert related(suspect, "800", unnamed, "300") == "different"


def test_a_house_number_lies_in_its_hundred_block_of_the_same_street() -> None:
    # GVC 168844: "the 4400 block of Rixeyville Road" vs "home at 14458 Rixeyville Rd.".
    block = "Police say Clarence Washington shot his family in the 4400 block of Rixeyville Road."
    house = "Shauna Washington's mother went to the family's home at 14458 Rixeyville Rd."
    assert related(block, "4400", house, "14458") == "conflict"
    in_block = block.replace("4400", "14400")
    assert related(in_block, "14400", house, "14458") in {"agree", "rounding"}
    assert related(house, "14458", house.replace("14458", "14460"), "14460") != "conflict"
    other_person = "Deputies found a car at 14458 Rixeyville Rd. on Monday."
    assert related(block, "4400", other_person, "14458") == "different"  # unnamed: whose?


def test_a_fall_compares_with_the_same_persons_fall_only() -> None:
    # ECB+ 23_ecbplus: two climbers died in one national park on two days.
    rait = "Yesterday, a 36-year-old Australian climber died after falling about 150 metres."
    rait_named = (
        "On Friday, 36-year-old Duncan Raite died after slipping and falling about 60 metres."
    )
    buckley = "On Saturday, 32-year-old Englishman Robert Buckley fell about 600m near a hut."
    buckley_again = "The next day, 31-year-old Robert Buckley slipped on ice and fell 700 meters."
    assert related(rait, "about 150", rait_named, "about 60") == "conflict"
    assert related(buckley, "about 600m", buckley_again, "700") == "conflict"
    assert related(rait_named, "about 60", buckley, "about 600m") == "different"
    unnamed = "A man fell about 60 metres from a ridge."
    assert related(unnamed, "about 60", rait, "about 150") == "different"  # whose fall?
