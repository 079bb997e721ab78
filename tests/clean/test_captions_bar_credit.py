"""A photo credit that splits the photographer and the outlet with a bar ("(Kelsey Thomas |
KSNV)", "(Henry Sturm | Houston Chronicle)") ends a caption as a slash does (GVC 717231: the
caption repeated the paragraph below it, so its quote came out twice and "12/6/16 (Kelsey
Thomas | KSNV)" was a claim)."""

from __future__ import annotations

import pytest

from newsweave.clean import clean_text
from newsweave.clean.captions import has_trailing_credit
from tests.clean.conftest import PARAGRAPHS

_CAPTION = (
    "Lt. Dan McGrath of the Homicide Section said the clerk fired 8 or 9 shots as the boys "
    "entered the business wearing masks."
)


@pytest.mark.parametrize(
    "caption",
    [f"{_CAPTION} 12/6/16 (Kelsey Thomas | KSNV)", f"{_CAPTION} (Henry Sturm | Houston Chronicle)"],
)
def test_a_caption_ending_with_a_barred_credit_is_removed(article: str, caption: str) -> None:
    page = "\n\n".join([*PARAGRAPHS[:2], caption, *PARAGRAPHS[2:]])
    assert clean_text(page).text == article


@pytest.mark.parametrize(
    "text",
    [
        "The vote was 5 | 4 (see Table | Notes)",
        "He said so (Smith | Jones said)",
        "The council met on Monday (agenda | minutes).",
    ],
)
def test_a_bar_inside_brackets_of_prose_is_no_credit(text: str) -> None:
    assert not has_trailing_credit(text)
