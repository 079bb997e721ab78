"""Which differing figures are a dispute, an update, or two things: the order of magnitude
between them, the days between them, and counts of another time."""

from __future__ import annotations

import pytest

from newsweave.align.conflicts import ConflictConfig, Statement, compare_mentions, find_conflicts
from newsweave.extract.numbers import extract_quantities
from newsweave.model import DateMention, Evidence


def no_dates(text: str, published: str | None) -> tuple[DateMention, ...]:
    return ()


def statement(article: str, text: str, day: str | None) -> Statement:
    evidence = Evidence(article_id=article, text=text, span=(0, len(text)))
    return Statement(evidence=evidence, voice=article, published=day)


def conflicts_of(*items: tuple[str, str, str | None], config: ConflictConfig | None = None):
    statements = [statement(*item) for item in items]
    return find_conflicts(
        "s",
        statements,
        list(range(len(statements))),
        quantities=extract_quantities,
        dates=no_dates,
        config=config,
    )


def test_figures_an_order_of_magnitude_apart_are_two_things() -> None:
    haul = "Robbers stole jewels worth 2 million euros from the store."
    other = "The robbers escaped with around 60,000 euros stolen from the company."
    assert conflicts_of(("a", haul, None), ("b", other, None)) == ()
    close = "Robbers stole jewels worth 3 million euros from the store."
    (conflict,) = conflicts_of(("a", haul, None), ("b", close, None))
    assert conflict.kind == "conflict"
    # The ratio is the shipped setting: a wider one lets the far figure dispute.
    (wide,) = conflicts_of(
        ("a", haul, None), ("b", other, None), config=ConflictConfig(max_dispute_ratio=100.0)
    )
    assert {v.value for v in wide.values} == {"2 million EUR", "around 60,000 EUR"}


def test_a_count_against_none_is_a_dispute_whatever_the_ratio() -> None:
    (conflict,) = conflicts_of(
        ("a", "The quake killed 120 people.", None), ("b", "No one was killed.", None)
    )
    assert conflict.basis == "negation"


def test_a_toll_that_rises_within_days_is_an_update_and_a_year_apart_nothing() -> None:
    first = "Seven people were killed in the shootings."
    later = "Nine people were killed in the shootings."
    (update,) = conflicts_of(("a", first, "2015-07-05"), ("b", later, "2015-07-07"))
    assert update.kind == "update"
    assert conflicts_of(("a", first, "2015-07-05"), ("b", later, "2016-03-28")) == ()
    pair = compare_mentions(
        (first, (0, 5), "2015-07-05"), (later, (0, 4), "2016-03-28"), dates=no_dates
    )
    assert pair == "different"


def test_a_record_of_earlier_arrests_is_no_count_of_this_happening() -> None:
    record = "Police sources said Gray has four prior arrests."
    today = "One person was arrested for disorderly conduct."
    assert conflicts_of(("a", record, "2013-03-11"), ("b", today, "2013-03-11")) == ()


def test_a_magnitude_far_from_the_others_is_another_quake() -> None:
    main = "The quake measured magnitude 5.9, the seismological centre said."
    other = "The USGS said the quake had a magnitude of 6.1."
    aftershock = "The station registered a quake measuring 3.8 on the Richter scale on Monday."
    (conflict,) = conflicts_of(("a", main, None), ("b", other, None), ("c", aftershock, None))
    assert {v.value for v in conflict.values} == {"5.9", "6.1"}


@pytest.mark.parametrize(
    "field,value",
    [("max_dispute_ratio", 1.0), ("max_series_days", -1), ("max_magnitude_gap", 0.0)],
)
def test_config_rejects_meaningless_limits(field: str, value: float) -> None:
    with pytest.raises(ValueError, match=field):
        ConflictConfig(**{field: value})


def test_a_figure_of_another_weekday_than_the_storys_is_left_out() -> None:
    sunday = [
        ("a", "An earthquake hit southern Iran on Sunday, killing 10 people.", None),
        ("b", "The quake on Sunday killed three people, the governor said.", None),
        ("c", "On Saturday, more than a dozen people were killed by a quake in China.", None),
    ]
    (conflict,) = conflicts_of(*sunday)
    assert {v.value for v in conflict.values} == {"10", "3"}
    # With no weekday that most sentences name, none is left out.
    (tied,) = conflicts_of(sunday[0], sunday[2])
    assert {v.value for v in tied.values} == {"10", "more than 12"}


def test_the_day_a_figure_was_told_is_not_the_day_it_happened() -> None:
    # ECB+ 24_ecb: a Thursday robbery; "$108 million ..., officials said Friday" is of it.
    thursday = [
        ("a", "Robbers stole $137 million of jewels on Thursday evening.", None),
        ("b", "The robbers on Thursday took gems worth more than $160 million.", None),
        ("c", "Robbers snatched $108 million worth of jewels, officials said Friday.", None),
    ]
    (conflict,) = conflicts_of(*thursday)
    assert {v.value for v in conflict.values} >= {"108 million USD"}
    # A weekday the sentence tells of is still another day's.
    other_day = ("c", "On Friday robbers snatched $108 million worth of jewels.", None)
    (conflict,) = conflicts_of(thursday[0], thursday[1], other_day)
    assert "108 million USD" not in {v.value for v in conflict.values}


def test_a_reward_raised_over_the_days_is_an_update() -> None:
    raised = conflicts_of(
        (
            "cbs",
            "Police upped the reward by $20,000, making the total reward $23,000.",
            "2016-08-28",
        ),
        ("nbc", "Police said they've increased the reward in the case to $25,000.", "2016-08-31"),
    )
    assert [c.kind for c in raised] == ["update"]
    # Two rewards told on one day by two outlets still dispute.
    (same_day,) = conflicts_of(
        ("cbs", "Police are offering a reward of $23,000.", "2016-08-28"),
        ("nbc", "Police are offering a reward of $25,000.", "2016-08-28"),
    )
    assert same_day.kind == "conflict"
