"""Figures about people: unnamed people's ages when listed together, parents' children, and the
numbers written the way some outlets tokenise them."""

from __future__ import annotations

from newsweave.align.conflicts import Statement, compare_mentions, find_conflicts
from newsweave.align.quantities import QuantityFrame, frames_of
from newsweave.extract.numbers import extract_quantities
from newsweave.model import DateMention, Evidence


def no_dates(text: str, published: str | None) -> tuple[DateMention, ...]:
    return ()


def mention(sentence: str, figure: str) -> tuple[str, tuple[int, int], str | None]:
    start = sentence.index(figure)
    return sentence, (start, start + len(figure)), "2016-11-18"


def frames_at(sentence: str) -> list[QuantityFrame]:
    """The money frames the shipped rules read in one sentence."""
    found = frames_of(sentence, extract_quantities(sentence), dates=no_dates)
    return [f for f in found if f.unit in {"USD", "EUR", "GBP"}]


def related(a: str, figure_a: str, b: str, figure_b: str) -> str:
    return compare_mentions(
        mention(a, figure_a), mention(b, figure_b), quantities=extract_quantities, dates=no_dates
    )


def test_an_unnamed_person_listed_with_the_same_others_is_one_person() -> None:
    police = "A 16-year-old boy and 17-year-old girl are each charged with first-degree murder."
    family = "A 17-year-old girl and 15-year-old boy forced their way into the home."
    assert related(police, "16-year-old", family, "15-year-old") == "conflict"
    assert related(police, "17-year-old", family, "17-year-old") == "agree"


def test_unnamed_ages_alone_or_listed_with_different_others_never_dispute() -> None:
    alone = "A 16-year-old boy was charged with murder."
    other = "A 15-year-old boy was shot in the leg."
    assert related(alone, "16-year-old", other, "15-year-old") == "different"
    listed = "A 16-year-old boy and 17-year-old girl are each charged with murder."
    listed_other = "A 40-year-old woman and 15-year-old boy were hurt."
    assert related(listed, "16-year-old", listed_other, "15-year-old") == "different"
    # The same noun twice names no one: "a 16-year-old girl and a 14-year-old girl".
    twice = "He showed a 16-year-old girl and a 14-year-old girl a handgun."
    assert related(twice, "16-year-old", listed, "17-year-old") == "different"


def test_an_age_written_year_old_with_a_space_is_an_age() -> None:
    (man, woman, girl) = extract_quantities(
        "A 46-year old man killed a 47-year old woman and 12-year old girl."
    )
    assert (girl.kind, girl.value, girl.text) == ("age", 12.0, "12-year old")
    assert man.kind == woman.kind == "age"
    a = "Detectives say a 46-year old man killed a 47-year old woman and 12-year old girl."
    b = "A 47-year-old woman and 11-year-old girl were found in the front yard."
    assert related(a, "12-year old", b, "11-year-old") == "conflict"


def test_a_named_parents_children_compare_and_an_unnamed_parents_do_not() -> None:
    before = "Video of Brooklyn Mother of 13 Zurana Horton shot and killed was revealed Thursday."
    after = "Zurana Horton, 34, a mother of 12, was fatally shot in 2011."
    assert related(before, "13", after, "12") == "conflict"
    other = "Maria Lopez, 41, a mother of 12, spoke at the vigil."
    assert related(before, "13", other, "12") == "different"
    unnamed = "The victim, a mother of 12, was shot outside a school."
    assert related(unnamed, "12", after, "12") == "different"


def test_split_thousands_and_hyphenated_scales_are_one_amount() -> None:
    (grant,) = extract_quantities(
        'It awarded her one of its prestigious $500, 000 "genius" grants.'
    )
    assert (grant.value, grant.text) == (500000.0, "$500, 000")
    (haul,) = extract_quantities("Robbers made off with $137-million of diamonds.")
    assert (haul.value, haul.kind) == (137e6, "money")
    ages = extract_quantities("Three men, ages 25, 34 and 23, were shot.")
    assert [q.value for q in ages] == [3.0, 25.0, 34.0, 23.0]  # no "25,034"


def test_a_conversion_disputes_only_beyond_the_conversion_tolerance() -> None:
    # Sentence by sentence, "85 million euros ($108 million)" is a figure of the haul like
    # any other, and a conversion of the same amount at another rate ("$110 million") agrees.
    a = "Armed robbers snatched $108 million worth of diamond rings from a Paris boutique."
    b = "Jewellery worth more than $160 million has been stolen from a Paris boutique."
    converted = "Robbers stole diamonds valued at 85 million euros ($108 million) in Paris."
    other_rate = "Robbers stole diamonds valued at 85 million euros ($110 million) in Paris."
    assert related(a, "$108 million", b, "more than $160 million") == "conflict"
    assert related(converted, "$108 million", other_rate, "$110 million") == "rounding"
    # A pair whose sentence prices the thing in euros is read as a story is (below): its
    # dollars may be two countries'.
    assert related(converted, "$108 million", b, "more than $160 million") == "agree"
    assert related(converted, "$108 million", a.replace("108", "250"), "$250 million") == "conflict"


def _haul_conflicts(*texts: str) -> list[dict[str, set[str]]]:
    statements = [
        Statement(
            Evidence(article_id=str(k), text=t, span=(0, len(t))), voice=str(k), published=None
        )
        for k, t in enumerate(texts)
    ]
    found = find_conflicts(
        "s", statements, list(range(len(texts))), quantities=extract_quantities, dates=no_dates
    )
    return [{v.value: {e.article_id for e in v.evidence} for v in c.values} for c in found]


def test_dollars_of_a_thing_priced_in_euros_may_be_several_countries_dollars() -> None:
    # ECB+ 24_ecb, December 2008: 85 million euros were $108 million (US), $137 million
    # (Canadian) and $166 million (Australian); "$" names no country.
    us = "Armed robbers snatched $108 million worth of diamond rings from a Paris boutique."
    canadian = "Four armed robbers made off with $137-million of diamonds from a Paris store."
    australian = "Jewellery worth more than $160 million has been stolen from a Paris boutique."
    in_euros = "Robbers stole diamonds valued at 85 million euros ($108 million) in Paris."
    assert _haul_conflicts(us, canadian, australian, in_euros) == []
    # With no figure in another currency, dollars are one country's: the figures dispute.
    (held,) = _haul_conflicts(us, australian)
    assert held == {"108 million USD": {"0"}, "more than 160 million USD": {"1"}}
    # Beyond what an exchange between dollars explains, they dispute even so.
    doubled = "Jewellery worth $250 million has been stolen from a Paris boutique."
    (held,) = _haul_conflicts(us, doubled, in_euros)
    assert held == {"108 million USD": {"0", "2"}, "250 million USD": {"1"}}


def test_a_bracketed_list_of_conversions_is_read_as_the_amount_it_converts() -> None:
    # ECB+ 24_ecbplus: "2m euros" is two million euros, and each amount of the bracket is
    # the loot ("in gems and watches" follows the bracket).
    frames = frames_at("They made off with 2m euros (£1. 7m; $2. 6m) in gems and watches.")
    assert [(f.label, f.measure, f.converted) for f in frames] == [
        ("2 million EUR", "haul", False),
        ("1.7 million GBP", "haul", True),
        ("2.6 million USD", "haul", True),
    ]


def test_a_figure_of_another_happening_told_beside_this_one_is_background() -> None:
    # ECB+ 24_ecbplus: the Cannes festival theft in a story of a Paris heist.
    also = "Thieves also targeted the annual Cannes film festival, stealing almost $2 million."
    paris = "They made off with 2m euros (£1. 7m; $2. 6m) in gems and watches."
    assert related(also, "almost $2 million", paris, "$2. 6m") == "different"
    another = "In another robbery, thieves took $5 million from a bank."
    assert [f.background for f in frames_at(another)] == [True]
    said = "Police also said the robbers took $5 million."
    assert [f.background for f in frames_at(said)] == [False]


def test_an_age_in_months_is_an_age_in_months() -> None:
    (baby,) = extract_quantities("The family of a 2-month-old girl shot on Sunday spoke.")
    assert (baby.kind, baby.value, baby.unit) == ("age", 2.0, "months")
    a = "A 2-month-old girl and 30-year-old woman were shot in the car."
    b = "A 30-year-old woman and 2-year-old girl were shot in the car."
    assert related(a, "2-month-old", b, "2-year-old") == "different"


def test_a_middle_initial_does_not_make_a_named_age_another_persons() -> None:
    # fresh6 (GVC 711921): the hunter's age in two outlets, one with his middle initial.
    a = "35-year-old Herbert N. Lattin, of Edmonton, was located in a wooded area."
    b = "Officials said 31-year-old Herbert Lattin was deer hunting with his son."
    assert related(a, "35-year-old", b, "31-year-old") == "conflict"
    other = "Officials said 31-year-old Herbert Smith was deer hunting with his son."
    assert related(a, "35-year-old", other, "31-year-old") == "different"
