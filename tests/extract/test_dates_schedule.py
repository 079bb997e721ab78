"""A bare month after a scheduling "for" ("a trial set for July") is a month; after another
"for" ("voted for May") it is not. The sentence is of GVC 9bd71047 (eval/data/dates_gold.jsonl,
split fresh13, whose one miss it was)."""

from __future__ import annotations

from newsweave.extract.dates import extract_dates


def values(text: str, published: str) -> dict[str, str | None]:
    return {m.text: m.value for m in extract_dates(text, published)}


def test_a_month_a_trial_is_set_for() -> None:
    found = values(
        "Her next hearing is scheduled for June 16 with a trial set for July.", "2016-05-11"
    )
    assert found == {"June 16": "2016-06-16", "July": "2016-07"}


def test_for_alone_makes_no_month() -> None:
    assert "May" not in values("She voted for May in the leadership race.", "2016-05-11")
    assert "June" not in values("He bought flowers for June, his neighbour.", "2016-05-11")
