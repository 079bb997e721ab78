"""Past weekdays count back from the page's stated update day (a week at most after publication)."""

from __future__ import annotations

import pytest

from newsweave.extract.dates import DatesConfig, extract_dates, stated_update_day

# A KTVA page of the GVC: published Friday 2016-11-25, its "Last updated" line (removed by
# cleaning as navigation) says Sunday, Nov. 27; the text tells of Saturday.
TEXT = (
    "The Hampton Inn posted a statement to the hotel's Facebook page Saturday morning. "
    "Friday night, police released the names. The family will meet Monday. He died yesterday."
)


def _values(updated: str | None) -> dict[str, str | None]:
    return {m.text: m.value for m in extract_dates(TEXT, "2016-11-25", updated=updated)}


def test_past_weekday_counts_back_from_the_update_day() -> None:
    assert _values("2016-11-27")["Saturday morning"] == "2016-11-26"
    assert _values(None)["Saturday morning"] == "2016-11-19"


def test_the_update_day_changes_only_past_weekdays() -> None:
    updated, plain = _values("2016-11-27"), _values(None)
    for words in ("Friday night", "Monday", "yesterday"):
        assert updated[words] == plain[words]


@pytest.mark.parametrize("updated", ["2016-11-25", "2016-11-20", "2016-12-09"])
def test_an_update_day_not_within_the_week_after_publication_is_ignored(updated: str) -> None:
    assert _values(updated)["Saturday morning"] == "2016-11-19"


@pytest.mark.parametrize(
    ("pieces", "published", "day"),
    [
        (["Last updated at 10:39 a.m. on Sunday, Nov. 27"], "2016-11-25", "2016-11-27"),
        (["by: Dave Faherty Updated: Apr 14, 2016 - 9:35 AM"], "2016-04-12", "2016-04-14"),
        (["Modified: 12/30/2015", "Updated: Dec. 29, 2015"], "2015-12-28", "2015-12-30"),
        (["Published: Sunday, 6/28/2015 - Updated: 3 months ago"], "2015-06-28", None),
        (["UPDATED AT 3:05PM\nOn March 12 the sheriff said"], "2016-03-11", None),
        (["Published: Dec. 29, 2015", "Updated Monday"], "2015-12-29", None),
        (["This story will be updated as details come in."], "2015-12-29", None),
    ],
)
def test_stated_update_day_reads_labelled_absolute_days(
    pieces: list[str], published: str, day: str | None
) -> None:
    assert stated_update_day(pieces, published) == day


def test_the_dates_stage_reads_the_update_line_that_cleaning_removed() -> None:
    # The whole path: the "Last updated" line is no longer in the text, only among the removals.
    import dataclasses

    from newsweave.executors import LocalExecutor
    from newsweave.extract.stage import dated
    from newsweave.model import Removal
    from tests.extract.helpers import plain_article

    page = dataclasses.replace(
        plain_article(TEXT),
        published="2016-11-25",
        removed=(Removal(text="Last updated at 10:39 a.m. on Sunday, Nov. 27", reason="nav"),),
    )
    (out,), problems = dated((page,), LocalExecutor(workers=1), DatesConfig())
    assert not problems
    assert {m.text: m.value for m in out.dates}["Saturday morning"] == "2016-11-26"
