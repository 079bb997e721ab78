"""Session 7: when an undated story happens, and decades as dates."""

from __future__ import annotations

from datetime import date

from newsweave.align.claims import date_interval, is_background, story_time


def test_an_undated_obituary_happens_in_the_latest_year_it_repeats() -> None:
    # ECB+ 28_ecb: a life retold names 1972 most often; the death is the latest repeated year.
    sentences = [("1972",), ("1972",), ("1972", "1974"), ("2008",), ("2008",), ("2010",)]
    assert story_time([None, None], sentences) == (date(2008, 1, 1), date(2008, 12, 31))
    # A year stated once (a plan, "the 2010 sequel") does not move it; with no year repeated,
    # the most stated year stands (ties to the later).
    assert story_time([None], [("1999",), ("2005",)]) == (date(2005, 1, 1), date(2005, 12, 31))
    # Publication days still come first.
    assert story_time(["2008-12-12"], sentences) == (date(2008, 12, 12), date(2008, 12, 12))


def test_a_decade_is_a_date_and_background_well_before_the_story() -> None:
    assert date_interval("197") == (date(1970, 1, 1), date(1979, 12, 31))
    assert date_interval("19") is None
    reference = (date(2008, 1, 1), date(2008, 12, 31))
    assert is_background(("195",), reference, 60)
    assert not is_background(("200",), reference, 60)
    # Decades are no story year.
    assert story_time([None], [("195",), ("195",), ("2008",)]) == (
        date(2008, 1, 1),
        date(2008, 12, 31),
    )
