"""A year inside an identifier is no date: ECB+ 27's reports named the flaw "CVE-2013-3893",
and the timeline listed the patch under the year 2013. Year ranges keep both years."""

from __future__ import annotations

import pytest

from newsweave.extract.dates import extract_dates


def values(text: str) -> dict[str, str | None]:
    return {m.text: m.value for m in extract_dates(text, "2013-09-18")}


@pytest.mark.parametrize(
    "text",
    [
        'The company released a patch, "CVE-2013-3893 MSHTML Shim Workaround", to plug it.',
        "The flaw, CVE-2013-3893, affects IE 8.",
        "Flight MH-2014 crashed.",
    ],
)
def test_a_year_inside_an_identifier_is_no_date(text: str) -> None:
    assert values(text) == {}


def test_year_ranges_keep_their_years() -> None:
    assert values("the 2014-2015 budget") == {"2014": "2014", "2015": "2015"}
    assert values("The 2013-14 season ended.") == {"2013": "2013"}
    assert values("Prices rose in mid-2013.") == {"mid-2013": "2013"}
