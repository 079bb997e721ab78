"""Time expressions in article text, resolved against the publication date (TIMEX3-style values).

`extract_dates(text, published)` finds every time expression the grammar in `grammar.py` knows
and gives it a value: a day "2020-12-14", an ISO week "2020-W50", a month "2020-11" or a year
"2020", with its precision. Candidate spans come only from that grammar (never from
`dateparser.search_dates` over raw text, which reads ages and counts as years).

Resolution, and the simplifications it makes on purpose:
- Deictic expressions ("yesterday", "on Monday", "last week", "this year", "Nov. 3") are read
  from the publication date. A weekday alone is the most recent such day on or before it (the
  publication weekday is the publication day), or the next one when the sentence speaks of the
  future ("will meet on Friday"); "last"/"next" make it strictly before/after.
- A month(-day) without a year takes the year closest to publication, a future date counting
  double (`DatesConfig.future_weight`); "last December" is the December strictly before. In a
  clause about something done (a past auxiliary, or a past verb with its object: "a quake hit
  the town ... in February", "the patch issued Jan. 14" after "was") it is the latest one on or
  before publication when the closest one lies `past_month_gap` months or more ahead.
- Period modifiers keep the period: "mid-November" and "the end of November" are "2020-11",
  "early 2020" is "2020".
- Narrative offsets ("two days later", "the next day") count from the date mentioned just
  before in the text; "two days later" with none before counts from publication (a
  simplification: the true reference may be an event whose date is never written).
  "six weeks after the Nov. 3 vote" counts from the date right after it.
- Modifier years count as year mentions: "the 2016 election" -> "2016".
- Holidays count after a temporal word ("on Christmas Eve", "before Thanksgiving"), not as
  modifiers ("a Christmas concert"); "9/11" and "the September 11 attacks" are 2001-09-11.
  "Today" capitalized inside a sentence is a name ("USA Today"). "the weekend" is
  "2020-W50-WE".
- The publication's year in results reports ("for the full year", "the current fiscal year",
  "by year end", "a high for the year"); "this year as last": the "last" is last year; "June
  last year" is June of the year before; "earlier that day" and "the following year" count
  from the date before. Broadcast spellings are read ("nineteen
  ninety-six", "March eighth"); "the 20th century" is TimeML's "19".
- Results reports: "the latest period", "the 1988 quarter", "year-ago results", "last year"
  and "a year ago" take the quarter reported on just before (a fiscal one included: "its fourth
  quarter ended Sept. 30 ... the latest period" is that fourth quarter), never one spoken of as
  to come ("will take a fourth-quarter charge"); without one they keep their plain reading.
- "the fiscal year ended Jan. 31": a day after "ended" lies on or before publication. "the
  previous Friday" is the Friday before the day mentioned just before. "today's challenges" is
  the present age (PRESENT_REF), not the publication day.
- Quarters: "the second quarter ended Oct. 31" has the year of the day it ended; "the
  comparable year-ago quarter, the second quarter ended Oct. 31" is that same quarter (an
  apposition); "the quarter ended July 31", no quarter named before it, is the calendar quarter
  holding most of its months (1989-Q2); "the quarter" that refers back to a named quarter
  stays it under a future cue ("expected to break even for the quarter").
- Vague times keep their direction: "several years ago", "in past years" are PAST_REF; "a
  few weeks from now", "at a later date", "coming quarters", "will one day" are FUTURE_REF.
  "the first half of 1990" and "the first two quarters of 1990" are the half-year "1990-H1";
  "the 1988 period" after "For the nine months" is the year 1988, not a quarter.
- Not dates: ages, counts, scores, phone numbers, times of day alone, numbers a label names
  ("Resolution 1973", "Section 1983"), a number ending a name ("a venture called Orion
  1980"), house numbers ("of 1915 Birch St.", "the 1800 block of"), titles ("This Week With
  David Brinkley", "Coach of the Year"), and anaphors with no calendar anchor ("at the time",
  "back then").
With `published` None, deictic expressions are still reported, with value None.
"""

from __future__ import annotations

import re
from datetime import date

from newsweave.extract.dates import calendar as cal
from newsweave.extract.dates.config import DatesConfig
from newsweave.extract.dates.grammar import Anchor, Candidate
from newsweave.extract.dates.patterns import MONTH_EXPR, month_number, speaks_of_future
from newsweave.extract.dates.scan import candidates
from newsweave.extract.dates.updated import stated_update_day
from newsweave.model import DateMention, DatePrecision

__all__ = ["DatesConfig", "extract_dates", "month_day", "stated_update_day"]


_WEEK = re.compile(r"(\d{4})-W(\d{2})")
_QUARTER = re.compile(r"(\d{4})-Q([1-4])")
_ORDINAL = re.compile(r"\b(?:first|second|third|fourth|1st|2nd|3rd|4th)\b", re.IGNORECASE)


def extract_dates(
    text: str,
    published: str | None,
    *,
    config: DatesConfig | None = None,
    updated: str | None = None,
) -> tuple[DateMention, ...]:
    """Every time expression in `text`, in order, valued against the `published` ISO date.

    `updated` is the day the page says its text was last updated (`stated_update_day`): past
    weekdays count back from it when it lies less than a week after publication.
    """
    config = config or DatesConfig()
    base = cal.parse_published(published)
    chosen = _longest_first(list(candidates(text, config)))
    values: list[str | None] = [None] * len(chosen)
    pub_anchor: Anchor | None = None if base is None else (base, "day")
    latest_anchor = _latest_anchor(base, cal.parse_published(updated), config)
    for index, found in enumerate(chosen):
        if found.anchor == "pub":
            values[index] = _resolve(found, pub_anchor)
        elif found.anchor == "latest":
            values[index] = _resolve(found, latest_anchor or pub_anchor)
    for index, found in enumerate(chosen):
        if found.anchor == "next":
            anchor = _next_anchor(text, chosen, values, index, config.next_anchor_window)
            values[index] = _resolve(found, anchor)
            if values[index] is None:
                values[index] = _apposed_day(text, chosen, values, index)
    for index, found in enumerate(chosen):
        if found.anchor in {"prev", "prev_or_pub"}:
            anchor = _previous_anchor(values, index, chosen)
            if anchor is None and found.anchor == "prev_or_pub":
                anchor = pub_anchor
            values[index] = _resolve(found, anchor)
    # Mentions that took their quarter from one named before ("the quarter" after "the fiscal
    # first quarter"): they refer back, so a future cue in their own clause ("it expected to
    # break even for the quarter") does not make them a coming quarter.
    referring: set[int] = set()
    for index, found in enumerate(chosen):
        if found.in_quarter is not None:
            quarter = _quarter_before(
                text, chosen, values, index, config.quarter_context,
                published=base, referring=referring,
            )  # fmt: skip
            if quarter is not None:
                values[index] = found.in_quarter(*quarter)
                referring.add(index)
    for index in range(len(chosen) - 1):
        # "the comparable year-ago quarter, the second quarter ended Oct. 31": an apposition
        # names one quarter twice; the one it restates it as (a number, a year) says which.
        # Not a list of numbered quarters ("the third quarter, the fourth quarter and ...").
        if (
            not _ORDINAL.search(text, chosen[index].start, chosen[index].end)
            and _QUARTER.fullmatch(values[index] or "")
            and _QUARTER.fullmatch(values[index + 1] or "")
            and _APPOSITION.fullmatch(text, chosen[index].end, chosen[index + 1].start)
        ):
            values[index] = values[index + 1]
    return tuple(
        DateMention(
            text=text[found.start : found.end],
            span=(found.start, found.end),
            value=value,
            precision=_precision_of(value) or found.precision,
        )
        for found, value in zip(chosen, values, strict=True)
    )


def month_day(expression: str) -> tuple[int, int] | None:
    """(month, day) of a mention that names a calendar day without a year ("Nov. 3", "the 3rd
    of November", "Sunday, March 8"); None for anything else ("November", "Monday", "Nov. 3,
    1998", which has its value already).

    For texts without a publication date: their "Nov. 3" has no value (no year to give it), yet
    it still says on which day of the year the happening fell, which two reports can share.
    """
    found = MONTH_EXPR.fullmatch(expression.strip())
    if found is None or found["mod"] or found["rel"] or found["yrel"]:
        return None
    if found["y1"] or found["y2"] or found["y3"]:
        return None
    month_token = found["m1"] or found["m2"]
    day_token = found["d1"] or found["d2"]
    month = month_number(month_token) if month_token else None
    if month is None or day_token is None:
        return None
    day = int(day_token.rstrip("stndrh"))
    return (month, day) if cal.valid_day(2000, month, day) is not None else None


def _latest_anchor(
    published: date | None, updated: date | None, config: DatesConfig
) -> Anchor | None:
    """The stated update day, when it comes after publication by less than
    `config.update_reach_days`: a text updated within the week was rewritten for the news of
    those days; a page "updated 3 months ago" had a correction, not a new text."""
    if published is None or updated is None:
        return None
    if 0 < (updated - published).days < config.update_reach_days:
        return updated, "day"
    return None


def _resolve(found: Candidate, anchor: Anchor | None) -> str | None:
    """The candidate's value; None when the arithmetic leaves the calendar ("999 years ago"
    from year 1, a publication date of 9999-12-31): article text is untrusted."""
    try:
        return found.resolve(anchor)
    except (ValueError, OverflowError):
        return None


def _longest_first(found: list[Candidate]) -> list[Candidate]:
    """Non-overlapping candidates, a longer span winning over the shorter ones it overlaps."""
    taken: list[Candidate] = []
    for candidate in sorted(found, key=lambda c: (c.start - c.end, c.start)):
        if all(candidate.end <= t.start or candidate.start >= t.end for t in taken):
            taken.append(candidate)
    return sorted(taken, key=lambda c: c.start)


def _precision_of(value: str | None) -> DatePrecision | None:
    """The precision a resolved value carries ("six weeks after Nov. 3" is a day)."""
    anchor = _anchor_of(value)
    return None if anchor is None else anchor[1]


def _anchor_of(value: str | None) -> Anchor | None:
    """A resolved value read back as a day and its precision ("2020-11" -> Nov 1, month)."""
    if value is None:
        return None
    week = _WEEK.match(value)
    if week:
        return date.fromisocalendar(int(week[1]), int(week[2]), 1), "week"
    parts = value.split("-")
    if len(parts[0]) != 4:
        return None  # a decade ("198") or a reference ("PRESENT_REF"): no calendar anchor
    try:
        if len(parts) == 3:
            return date(int(parts[0]), int(parts[1]), int(parts[2])), "day"
        if len(parts) == 2:
            return date(int(parts[0]), int(parts[1]), 1), "month"
        return date(int(parts[0]), 1, 1), "year"
    except ValueError:
        return None


def _quarter_before(
    text: str,
    chosen: list[Candidate],
    values: list[str | None],
    index: int,
    reach: int,
    *,
    published: date | None,
    referring: set[int],
) -> tuple[int, int] | None:
    """(year, quarter) of the quarter reported on shortly before mention `index`, if any: not
    one spoken of as to come ("will take a fourth-quarter charge"), nor one a year back. A
    quarter named by its year ("the 1988 quarter") is often the year-ago one; it counts only
    when that year is the publication's ("In the 1989 period also, rates were lower than a year
    ago", written in 1989). `referring`: the mentions that took their quarter from an earlier
    one (a future cue in their clause does not make them a coming quarter)."""
    for earlier in range(index - 1, -1, -1):
        if chosen[index].start - chosen[earlier].end > reach:
            return None
        found = _QUARTER.fullmatch(values[earlier] or "")
        back = chosen[earlier].years_back
        current = (
            back == 0
            and found is not None
            and published is not None
            and (int(found[1]) == published.year)
        )
        if (
            found
            and (back is None or current)
            and (earlier in referring or not speaks_of_future(text, chosen[earlier].start))
        ):
            return int(found[1]), int(found[2])
    return None


def _previous_anchor(
    values: list[str | None], index: int, chosen: list[Candidate]
) -> Anchor | None:
    """The date mentioned last before `index` ("a year earlier" never counts from another
    "a year ago": chained, they would drift a year further each time)."""
    for earlier in range(index - 1, -1, -1):
        if chosen[earlier].years_back is not None and chosen[index].years_back is not None:
            continue
        anchor = _anchor_of(values[earlier])
        if anchor is not None:
            return anchor
    return None


def _apposed_day(
    text: str, chosen: list[Candidate], values: list[str | None], index: int
) -> str | None:
    """The day a "five days before the game" set off by a comma restates: "on Jan. 6, five
    days before San Diego's playoff loss" is Jan. 6 (the game's date is never written)."""
    if index == 0 or not _APPOSITION.fullmatch(text, chosen[index - 1].end, chosen[index].start):
        return None
    anchor = _anchor_of(values[index - 1])
    return values[index - 1] if anchor is not None and anchor[1] == "day" else None


_APPOSITION = re.compile(r"\s*,\s*")


def _next_anchor(
    text: str, chosen: list[Candidate], values: list[str | None], index: int, window: int
) -> Anchor | None:
    if index + 1 >= len(chosen):
        return None
    gap = text[chosen[index].end : chosen[index + 1].start]
    if len(gap) > window or re.search(r"[.;!?\n]", gap):
        return None
    return _anchor_of(values[index + 1])
