"""Calendar arithmetic behind date resolution: TIMEX3 value strings, year and weekday inference.

Everything here is a small pure function over `datetime.date`; the grammar in `grammar.py` decides
*what* an expression means, these functions decide *which* calendar day, week, month or year.
"""

from __future__ import annotations

import calendar
from datetime import date, datetime, timedelta


def parse_published(published: str | None) -> date | None:
    """The calendar day of an ISO date or datetime string, or None when absent or unreadable."""
    if not published:
        return None
    text = published.strip()
    try:
        return date.fromisoformat(text[:10])
    except ValueError:
        pass
    try:
        return datetime.fromisoformat(text.replace("Z", "+00:00")).date()
    except ValueError:
        return None


def day_value(day: date) -> str:
    return day.isoformat()


def month_value(year: int, month: int) -> str:
    return f"{year:04d}-{month:02d}"


def year_value(year: int) -> str:
    return f"{year:04d}"


def week_value(day: date) -> str:
    """The ISO week holding `day`, TIMEX3-style ("2020-W51")."""
    iso_year, iso_week, _ = day.isocalendar()
    return f"{iso_year:04d}-W{iso_week:02d}"


def valid_day(year: int, month: int, day: int) -> date | None:
    if not 1 <= month <= 12 or not 1 <= day <= calendar.monthrange(year, month)[1]:
        return None
    return date(year, month, day)


def add_months(year: int, month: int, delta: int) -> tuple[int, int]:
    index = year * 12 + (month - 1) + delta
    return index // 12, index % 12 + 1


def shift(base: date, amount: int, unit: str) -> date:
    """`base` moved by `amount` days, weeks, months or years (month ends clamp)."""
    if unit == "day":
        return base + timedelta(days=amount)
    if unit == "week":
        return base + timedelta(weeks=amount)
    months = amount if unit == "month" else amount * 12
    year, month = add_months(base.year, base.month, months)
    return date(year, month, min(base.day, calendar.monthrange(year, month)[1]))


def value_at(day: date, precision: str) -> str:
    """The TIMEX3 value of the `precision`-sized period holding `day`."""
    if precision == "day":
        return day_value(day)
    if precision == "week":
        return week_value(day)
    if precision == "month":
        return month_value(day.year, day.month)
    return year_value(day.year)


def infer_year(
    month: int,
    day: int | None,
    base: date,
    *,
    future_weight: float,
    future: bool = False,
    past: bool = False,
) -> int | None:
    """The year of a month(-day) given without one, seen from the publication date `base`.

    With `future` (the sentence speaks of what will happen) the first such date on or after
    `base` wins, with `past` the last one on or before it; otherwise the closest one, a future
    one counting `future_weight` times (`DatesConfig.future_weight`).
    """
    best: tuple[float, int] | None = None
    for year in (base.year - 1, base.year, base.year + 1):
        if day is None:
            # Whole months: distance in months, the publication month itself being distance 0.
            gap = float((year * 12 + month) - (base.year * 12 + base.month))
        else:
            candidate = valid_day(year, month, day)
            if candidate is None:
                continue
            gap = float((candidate - base).days)
        if future:
            if gap < 0:
                continue
            cost = gap
        elif past:
            if gap > 0:
                continue
            cost = -gap
        else:
            cost = gap * future_weight if gap > 0 else -gap
        if best is None or cost < best[0]:
            best = (cost, year)
    return None if best is None else best[1]


def relative_month(month: int, base: date, relation: str) -> tuple[int, int]:
    """ "last/next/this December" seen from `base`: the month strictly before/after, or this year's.

    "last December" in December 2020 is December 2019 (dateparser answers 2020-12); "last
    August" in December 2020 is August 2020.
    """
    if relation == "last":
        year = base.year if month < base.month else base.year - 1
    elif relation == "next":
        year = base.year if month > base.month else base.year + 1
    else:
        year = base.year
    return year, month


def resolve_weekday(weekday: int, base: date, relation: str) -> date:
    """The day named by a weekday (0 = Monday) seen from the publication date `base`.

    relation "past" (the news default: "on Monday" in a Tuesday article is yesterday, and the
    publication weekday itself is the publication day), "future" (on or after `base`), "last"
    (strictly before), "next" (strictly after), or "this" (the same ISO week).
    """
    back = (base.weekday() - weekday) % 7
    ahead = (weekday - base.weekday()) % 7
    if relation == "past":
        return base - timedelta(days=back)
    if relation == "future":
        return base + timedelta(days=ahead)
    if relation == "last":
        return base - timedelta(days=back or 7)
    if relation == "next":
        return base + timedelta(days=ahead or 7)
    return base + timedelta(days=weekday - base.weekday())


def nth_weekday(year: int, month: int, weekday: int, nth: int) -> date:
    """The `nth` `weekday` (0 = Monday) of a month: Thanksgiving is (year, 11, 3, 4)."""
    first = date(year, month, 1)
    return first + timedelta(days=(weekday - first.weekday()) % 7 + 7 * (nth - 1))


def easter(year: int) -> date:
    """Western Easter Sunday of `year` (the anonymous Gregorian computus)."""
    a, b, c = year % 19, year // 100, year % 100
    d, e = divmod(b, 4)
    g = (8 * b + 13) // 25
    h = (19 * a + b - d - g + 15) % 30
    i, k = divmod(c, 4)
    l = (32 + 2 * e + 2 * i - h - k) % 7  # noqa: E741 (the algorithm's own letters)
    m = (a + 11 * h + 19 * l) // 433
    month = (h + l - 7 * m + 90) // 25
    return date(year, month, (h + l - 7 * m + 33 * month + 19) % 32)


def expand_two_digit_year(year: int, base: date | None) -> int:
    """ "09" -> 2009: the century putting the year at most one year after the publication.

    Without a publication date the pivot is fixed (00-49 -> 2000s), never the clock, so the
    same input always gives the same output.
    """
    pivot = base.year % 100 + 1 if base else 49
    return 2000 + year if year <= pivot else 1900 + year
