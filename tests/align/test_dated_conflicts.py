"""The date of one happening told two ways (`align.dated_conflicts`): a conflict only when the
happening, what it befalls and the two dates leave no doubt; else nothing."""

from __future__ import annotations

from newsweave.align.conflicts import disputed_statements, find_conflicts
from newsweave.align.dated_conflicts import dated_conflicts, dated_happenings
from newsweave.extract.numbers import extract_quantities
from newsweave.model import Conflict, DateMention
from tests.align.statements import said


def values(conflicts: list[Conflict] | tuple[Conflict, ...]) -> list[list[str]]:
    return [[v.value for v in c.values] for c in conflicts]


SOLD_1957 = "The family sold the Bolton oil field for a reported $45 million in 1957, records show."
SOLD_1967 = "His company found the field, which his brothers sold for $45 million in 1967."


def test_one_sale_dated_to_two_years_by_two_voices_is_a_date_conflict() -> None:
    statements = [said("a", SOLD_1957), said("b", SOLD_1967)]
    (conflict,) = dated_conflicts("s", statements)
    assert conflict.kind == "conflict" and conflict.basis == "date"
    assert values([conflict]) == [["1957", "1967"]]
    assert conflict.topic == f"date of: {SOLD_1957}"


def test_the_shipped_entry_point_reports_it_and_marks_both_sentences_disputed() -> None:
    statements = [said("a", SOLD_1957), said("b", SOLD_1967)]

    def no_dates(text: str, published: str | None) -> tuple[DateMention, ...]:
        return ()

    found = find_conflicts("s", statements, [0, 1], quantities=extract_quantities, dates=no_dates)
    dated = [c for c in found if c.basis == "date"]
    assert values(dated) == [["1957", "1967"]]
    assert disputed_statements(statements, dated) == {0, 1}


def test_one_voice_writing_both_years_tells_of_two_sales_not_a_dispute() -> None:
    statements = [said("a", SOLD_1957, voice="ap"), said("b", SOLD_1967, voice="ap")]
    assert not dated_conflicts("s", statements)


def test_two_different_things_sold_in_two_years_do_not_conflict() -> None:
    other = "The family sold the Castaways casino for $12 million in 1967."
    assert not dated_conflicts("s", [said("a", SOLD_1957), said("b", other)])


def test_a_work_year_conflicts_only_between_works_of_one_kind_and_title() -> None:
    film_2005 = "She inspired the 2005 film The Secret Life Of Anna Reyes."
    film_2006 = (
        "She was celebrated in the 2006 HBO movie, The Secret Life Of Anna Reyes, last year."
    )
    book_1999 = "The story was told in the 1999 book The Secret Life Of Anna Reyes."
    (conflict,) = dated_conflicts("s", [said("a", film_2005), said("b", film_2006)])
    assert values([conflict]) == [["2005", "2006"]]
    # A book and the film made of it share the title but are two works, two years.
    assert not dated_conflicts("s", [said("a", film_2005), said("c", book_1999)])


def test_months_of_one_year_conflict_and_a_bare_year_agrees_with_either() -> None:
    june = "On June 27, 1973, the board sold the Harbor Point Hotel for $8 million."
    july = "The board sold the Harbor Point Hotel for $8 million in July 1973."
    bare = "The board sold the Harbor Point Hotel for $8 million in 1973."
    (conflict,) = dated_conflicts("s", [said("a", june), said("b", july)])
    assert values([conflict]) == [["1973-06", "1973-07"]]
    assert not dated_conflicts("s", [said("a", june), said("c", bare)])


def test_ranges_decades_quotes_and_recurring_happenings_date_nothing() -> None:
    assert not dated_happenings("He sold cars for Ford Motor Co. from 1963 to 1968.")
    assert not dated_happenings("He sold Ford Motor Co. cars for $2 million in the 1960s.")
    assert not dated_happenings('"I sold the Bolton oil field for $45 million in 1957," he said.')
    # A title can be won in many years: winning is not read.
    assert not dated_happenings("The team won the Super Bowl for $1 million in 2007.")


def test_a_check_in_on_two_weekdays_conflicts_but_one_night_told_two_ways_does_not() -> None:
    friday = "The actress checked into Sunrise Hills Treatment Center on Friday, her rep said."
    tuesday = "She has finally entered Malibu Sunrise Hills Treatment Center on Tuesday."
    (conflict,) = dated_conflicts("s", [said("a", friday), said("b", tuesday)])
    assert values([conflict]) == [["Friday", "Tuesday"]]
    late = "She checked into Sunrise Hills Treatment Center late Thursday, sources said."
    early = "She checked into Sunrise Hills Treatment Center early Friday, around 1:30 a.m."
    assert not dated_conflicts("s", [said("a", late), said("b", early)])


def test_the_day_something_was_told_and_two_different_places_are_no_dispute() -> None:
    told = "Her rep confirmed to People on Friday that she entered Sunrise Hills Center."
    assert not dated_happenings(told)
    friday = "She checked into Sunrise Hills Treatment Center on Friday."
    elsewhere = "She checked into Morningside Recovery on Thursday before she left."
    assert not dated_conflicts("s", [said("a", friday), said("b", elsewhere)])


# ECB+ 28_ecb (Mark Felt's death), names changed: one obituary's lead says Friday, the others
# Thursday; a person dies once, so the name written before "died" is what the weekday dates.
DIED_FRIDAY = "Walter Crane, who was known as the informant 'Blue Harbor,' died on Friday."
DIED_THURSDAY = (
    "W. Walter Crane, who was the No. 2 official at the bureau when he helped bring down "
    "President Richard M. Nixon, the most famous anonymous source in history, died on Thursday."
)


def test_a_named_death_on_two_weekdays_is_a_date_conflict() -> None:
    (conflict,) = dated_conflicts("s", [said("a", DIED_FRIDAY), said("b", DIED_THURSDAY)])
    assert values([conflict]) == [["Friday", "Thursday"]]


def test_a_death_weekday_dates_only_the_subject_and_only_right_after_the_verb() -> None:
    # The president named in the clause is not who died.
    (found,) = dated_happenings(DIED_THURSDAY)
    assert found.things == frozenset({"walter crane"})
    # A weekday further on dates something else; a lone surname names no one for sure.
    assert not dated_happenings("Walter Crane died after police arrested a suspect on Monday.")
    assert not dated_happenings("Crane died Thursday at his home in Santa Rosa, Calif.")
    late = "Betty Marsh died late Thursday at a Los Angeles hospital."
    early = "Betty Marsh died early Friday, her agent said."
    assert not dated_conflicts("s", [said("a", late), said("b", early)])


def test_a_vote_dated_between_subject_and_verb_by_its_amount() -> None:
    # ECB+ 13_ecbplus: the year Palmer's voters passed one $3 million bond (names changed).
    in_2010 = (
        "Harlow voters in 2010 approved a $3 million bond to pay for purchase of the property."
    )
    in_2009 = "Voters in 2009 approved a $3 million bond to buy the properties, the clerk said."
    (conflict,) = dated_conflicts("s", [said("a", in_2010), said("b", in_2009)])
    assert values([conflict]) == [["2009", "2010"]]
    # Two measures of two amounts are two votes.
    other = "Voters in 2009 approved a $12 million bond for a new school."
    assert not dated_conflicts("s", [said("a", in_2010), said("b", other)])


# ECB+ 26_ecbplus (names changed): one bribery indictment, two years.
INDICTED_1969 = (
    "In 1969, he was indicted in New Jersey on a charge of conspiracy to bribe the entire "
    "five-member Old Tappan police force."
)
INDICTED_1970 = (
    "In 1970, he was indicted for bribing the entire five-man police force of Old Tappan, N.J."
)


def test_one_indictment_of_one_named_thing_dated_two_ways_conflicts() -> None:
    statements = [said("a", INDICTED_1969), said("b", INDICTED_1970)]
    assert values(dated_conflicts("s", statements)) == [["1969", "1970"]]
    # Two indictments of two things (a man is indicted more than once) say nothing.
    other = said("c", "In 1990, he was indicted for racketeering in Brooklyn Federal Court.")
    assert not dated_conflicts("s", [said("a", INDICTED_1969), other])


MANTRA_DECEMBER = "Reid launched a new fashion line called Mantra in December."
MANTRA_SEPTEMBER = (
    "Three years ago, Reid, who has launched a new fashion line called Mantra in September, "
    "opened up about her party girl image."
)


def test_one_launch_dated_to_two_yearless_months_is_a_date_conflict() -> None:
    # ECB+ 1_ecb (split fresh12, t402): two months cannot be one date, whatever their years.
    (conflict,) = dated_conflicts("s", [said("a", MANTRA_DECEMBER), said("b", MANTRA_SEPTEMBER)])
    assert conflict.basis == "date"
    assert values([conflict]) == [["December", "September"]]


def test_a_yearless_month_joins_the_dated_month_of_its_name() -> None:
    dated = "Reid launched a new fashion line called Mantra in December 2008."
    assert not dated_conflicts("s", [said("a", MANTRA_DECEMBER), said("b", dated)])
    other = "Reid launched a new fashion line called Mantra in September 2008."
    (conflict,) = dated_conflicts("s", [said("a", MANTRA_DECEMBER), said("b", other)])
    assert values([conflict]) == [["2008-09", "December"]]


def test_a_yearless_month_beside_a_bare_year_says_nothing() -> None:
    # December of which year? Nothing tells whether it falls in 2008.
    year = "Reid launched a new fashion line called Mantra in 2008."
    assert not dated_conflicts("s", [said("a", MANTRA_DECEMBER), said("b", year)])


def test_a_planned_or_unnamed_yearless_happening_is_not_read() -> None:
    assert not dated_happenings("The line called Mantra will be launched in December.")
    assert not dated_happenings("The line was launched in December.")
    # A sentence naming two months dates nothing by one of them.
    assert not dated_happenings("A line called Mantra was launched in December, not in March.")
    # A death's month with no year is not read (an anniversary as often as the day).
    assert not dated_happenings("Jane Doe died in December at her home.")
