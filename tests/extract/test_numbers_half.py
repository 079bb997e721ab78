"""'four and a half months' is one figure (4.5 months), not a bare 'four' with nothing counted
(ECB+ 28_ecbplus: a prison term that no rule could compare because it was never read)."""

from __future__ import annotations

from newsweave.extract.numbers import extract_quantities


def read(text: str) -> list[tuple[str, float, str | None, str]]:
    return [(q.text, q.value, q.unit, q.kind) for q in extract_quantities(text)]


def test_a_word_number_and_a_half_is_one_duration() -> None:
    text = "He served a reduced sentence of four and a half months in federal prison."
    assert read(text) == [("four and a half", 4.5, "months", "duration")]


def test_digits_and_compounds_and_a_half() -> None:
    assert read("The stand-off lasted 2 and a half hours.") == [
        ("2 and a half", 2.5, "hours", "duration")
    ]
    assert read("It ended a two-and-a-half-hour stand-off.") == [
        ("two-and-a-half-hour", 2.5, "hours", "duration")
    ]


def test_a_scale_after_the_half_scales_the_whole_figure() -> None:
    (quantity,) = extract_quantities("About three and a half million people live there.")
    assert quantity.value == 3_500_000 and quantity.unit == "people"


def test_a_half_alone_or_a_plain_and_is_untouched() -> None:
    # "and a half" must follow the number itself; "two and a halfback" is no fraction.
    assert read("He ran for two touchdowns and a half-hearted cheer.")[0][1] == 2.0
    assert read("Four and a halfback were hurt.") == []
