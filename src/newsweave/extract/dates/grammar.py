"""The regex grammar of time expressions: candidate spans, each with how to resolve it.

Each pattern is paired with a builder that looks at the match (and the words around it), rejects
what is not a date ("May" the verb, "Patch Tuesday", "538 electors", an age) and returns a
`Candidate` whose `resolve` turns an anchor day into a TIMEX3 value. Which anchor: the
publication date for deictic expressions ("yesterday", "on Monday", "Nov. 3"), the date just
before for narrative ones ("two days later"), the date just after for "six weeks after the
Nov. 3 vote".

We parse the fields ourselves rather than calling dateparser on each span: the grammar has
already isolated day, month and year, and dateparser (0.7 ms a call) is slower by two orders of
magnitude and wrong on the cases listed in DEPENDENCIES.md; `eval/dates.py` measures both.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Literal

from newsweave.extract.dates import calendar as cal
from newsweave.extract.dates.config import DatesConfig
from newsweave.extract.dates.patterns import (
    CLOCK_AFTER,
    COUNT_NOUNS,
    CURRENT_YEAR_EXPR,
    DEFINITE_HOLIDAY_BEFORE,
    DEFINITE_HOLIDAYS,
    DEICTIC_EXPR,
    GENERIC_TODAY_AFTER,
    HOLIDAY_CONTEXT,
    HOLIDAY_EXPR,
    HOLIDAYS,
    ISO_EXPR,
    LABEL_BEFORE,
    MONTH_CONTEXT,
    MONTH_EXPR,
    MONTHS,
    MOVABLE_HOLIDAYS,
    NAMED_DAYS,
    NAMED_DAYS_AFTER,
    NTH_WEEKDAY_BEFORE,
    NUMBER_WORDS,
    NUMERIC_EXPR,
    OF_EVERY_MONTH_AFTER,
    OFFSET_EXPR,
    ORDINAL_DAY_AFTER,
    ORDINAL_WORDS,
    PART_OF_PERIOD_EXPR,
    PERIOD_EXPR,
    QUANTIFIER_BEFORE,
    RECURRING_WEEKDAY_BEFORE,
    SAME_DAY_EXPR,
    SEQUENCE_EXPR,
    SEQUENCE_PERIOD_EXPR,
    SPOKEN_EXPR,
    STREET_AFTER,
    VAGUE_COUNTS,
    VEHICLE_AFTER,
    WEEKDAY_EXPR,
    WEEKDAYS,
    WEEKEND_EXPR,
    YEAR,
    YEAR_EXPR,
    YEAR_MAY_END,
    month_number,
    speaks_of_future,
    spoken_year,
    starts_sentence,
    strong_past,
    tense_around,
)
from newsweave.model import DatePrecision

# "latest": the latest day the page states for its text (a "Last updated" line within a week
# after publication), else the publication day; see `extract_dates`.
AnchorKind = Literal["pub", "latest", "prev", "prev_or_pub", "next"]
# An anchor: a day and the precision it is known to.
Anchor = tuple[date, DatePrecision]
Resolver = Callable[[Anchor | None], str | None]
QuarterReading = Callable[[int, int], str]


@dataclass(frozen=True, slots=True)
class Candidate:
    """A span the grammar read as a time expression; `resolve(anchor)` gives its value."""

    start: int
    end: int
    precision: DatePrecision | None
    resolve: Resolver
    anchor: AnchorKind = "pub"
    # "a year ago", "two years earlier": the shift in years ("a year earlier" never counts from
    # another "a year ago": chained, they would drift a year further each time); 0 for a period
    # of a year the text names ("the 1988 quarter"), not a quarter to count "a year ago" from.
    years_back: int | None = None
    # The value when a quarter is named shortly before, from that quarter's (year, number): in a
    # results report "a year ago" is that quarter a year before ("the third quarter ... from $5
    # million a year ago"), "the latest period" that very quarter (a fiscal one included).
    in_quarter: QuarterReading | None = None


def quarter_value(year: int, quarter: int) -> str:
    """TimeML's quarter value ("1989-Q3"); quarter 0 is the last one of the year before."""
    year, index = divmod(year * 4 + quarter - 1, 4)
    return f"{year:04d}-Q{index + 1}"


def quarter_back(years: int) -> QuarterReading:
    """The reading of "a year ago" after a quarter: that quarter `years` years before."""
    return lambda year, quarter: quarter_value(year - years, quarter)


def _fixed(value: str | None) -> Resolver:
    return lambda _anchor: value


def _base(anchor: Anchor | None) -> date | None:
    return None if anchor is None else anchor[0]


def month_candidate(match: re.Match[str], text: str, config: DatesConfig) -> Candidate | None:
    """ "Nov. 3", "14 December 2020", "the end of November", "last December", "mid-November",
    "June last year"."""
    month_token = match["m1"] or match["m2"] or match["m3"]
    month = month_number(month_token)
    if month is None:
        return None
    day_token = match["d1"] or match["d2"]
    year_token = match["y1"] or match["y2"] or match["y3"]
    mod, rel = match["mod"], (match["rel"] or "").strip().lower()
    year_rel = (match["yrel"] or "").lower()
    start = match.start()
    if match["wd"] and not match["wd"][:1].isupper():
        return None
    if match["m3"] and ORDINAL_DAY_AFTER.match(text, match.end("m3")):
        return None  # "March eighth": a spoken day (`spoken_candidate`)
    if day_token is None and year_token is None and not mod and not rel and not year_rel:
        before = text[max(0, start - 20) : start]
        after = text[match.end() : match.end() + 30]
        if month_token.rstrip(".").lower() in {"may", "march"} or len(month_token) <= 4:
            if MONTH_CONTEXT.search(before) is None:
                return None
        elif re.match(r"\s+[A-Z][a-z]", after) and MONTH_CONTEXT.search(before) is None:
            return None  # "April Ryan", "June Carter": a given name
    day = int(day_token.rstrip("stndrh")) if day_token else None
    if day is not None and not 1 <= day <= 31:
        return None
    precision: DatePrecision = "day" if day is not None and not mod else "month"
    if year_token is not None:
        year = int(year_token)
        if day is not None and cal.valid_day(year, month, day) is None:
            return None
        value = cal.day_value(date(year, month, day)) if precision == "day" and day else None
        return Candidate(
            start=start,
            end=match.end(),
            precision=precision,
            resolve=_fixed(value or cal.month_value(year, month)),
        )
    stated = _YEAR_RIGHT_BEFORE.search(text, max(0, start - 6), start)
    if stated is not None and not mod and not rel and not year_rel:
        # "HOMICIDES 2016 Jan. 5: ..." (a year heading a list of days), "the 2016 Jan. 5
        # shooting": the year written right before the day is its year.
        year = int(stated[1])
        if day is not None and cal.valid_day(year, month, day) is None:
            return None
        value = cal.day_value(date(year, month, day)) if precision == "day" and day else None
        return Candidate(start=start, end=match.end(), precision=precision,
                         resolve=_fixed(value or cal.month_value(year, month)))  # fmt: skip
    resolve = _month_resolver(
        text, (start, match.end()), month=month, day=day if precision == "day" else None,
        rel=rel or (year_rel and f"{year_rel} year"), config=config,
    )  # fmt: skip
    return Candidate(start=start, end=match.end(), precision=precision, resolve=resolve)


# A year written right after a holiday's name ("Valentine's Day in 2012", "Christmas 2012",
# "Thanksgiving of 2010").
_YEAR_AFTER_HOLIDAY = re.compile(r"\s+(?:in\s+|of\s+)?((?:1[89]|20)\d\d)\b(?![\d,.]\d)")


# A year written right before a month-day, with nothing but spaces between ("2016 Jan. 5").
_YEAR_RIGHT_BEFORE = re.compile(r"(?<![\d,.$/-])\b((?:1[89]|20)\d\d)[ \t]+$")


# A comparison in the clause before "last year" ("up from $3 million last year").
_COMPARED_BEFORE = re.compile(r"\b(?:from|with|than|versus|vs\.)\s[^.;!?]*$", re.IGNORECASE)
# "last year's results", "last year's operating earnings": a year's results, read as the
# quarter reported on when one was just before.
_RESULTS_AFTER = re.compile(
    r"['’]s\s+(?:[a-z-]+\s+)?(?:results|earnings|profits?|net|income|loss(?:es)?|sales"
    r"|revenues?)\b"
)
_ENDED_BEFORE = re.compile(r"\bended\s+$", re.IGNORECASE)
_EFFECTIVE_BEFORE = re.compile(r"\beffective\s+(?:on\s+|as\s+of\s+)?$", re.IGNORECASE)
_YEAR_SHIFT = {"last year": -1, "this year": 0, "next year": 1}
_ATTACKS_AFTER = re.compile(
    r"\s+(?:terror(?:ist)?\s+)?(?:attacks?|hijack(?:ers|ings?)|commission)\b", re.IGNORECASE
)


def _month_resolver(
    text: str, span: tuple[int, int], *, month: int, day: int | None, rel: str, config: DatesConfig
) -> Resolver:
    """The value of a month(-day) written without a year, read from the publication date.

    `rel` is "last"/"next"/"this"/"coming" ("last December"), "last year"/"this year"/"next
    year" ("June last year"), or "" (the closest such month, by tense).
    """
    start, end = span
    if (month, day, rel) == (9, 11, "") and _ATTACKS_AFTER.match(text, end):
        # "the September 11 attacks": the named event, as "9/11" is (2001-09-11).
        return _fixed("2001-09-11")
    tense = tense_around(text, start, end)
    future = tense == "future"
    # A month(-day) in a past-tense clause is the latest such one ("In January, a bomb
    # exploded", written in October; "the last one it shipped was ... issued Jan. 14", written
    # in September): the closest-month rule would pick the coming one. Only for months at
    # least `past_month_gap` ahead: "-ed" words are weak cues of the past.
    # Not a date something takes effect ("created an office, effective Feb. 1"): that one
    # is as often to come as past, and the closest reading is kept.
    effective = _EFFECTIVE_BEFORE.search(text, max(0, start - 20), start) is not None
    past = tense == "past" and not effective and strong_past(text, start)
    # "the fiscal year ended Jan. 31": a period that has ended ended on or before publication.
    ended = _ENDED_BEFORE.search(text, max(0, start - 12), start) is not None

    def resolve(anchor: Anchor | None) -> str | None:
        base = _base(anchor)
        if base is None:
            return None
        if rel in _YEAR_SHIFT:
            year = base.year + _YEAR_SHIFT[rel]
        elif rel in {"last", "next", "this"}:
            year, _ = cal.relative_month(month, base, rel)
        elif rel == "coming":
            year, _ = cal.relative_month(month, base, "next")
        else:
            weight = config.future_weight
            found = cal.infer_year(
                month, day, base, future_weight=weight, future=future and not ended, past=ended
            )
            ahead = (found or base.year) * 12 + month - (base.year * 12 + base.month)
            if past and ahead >= config.past_month_gap:
                found = cal.infer_year(month, day, base, future_weight=weight, past=True)
            if found is None:
                return None
            year = found
        if day is not None:
            valid = cal.valid_day(year, month, day)
            return None if valid is None else cal.day_value(valid)
        return cal.month_value(year, month)

    return resolve


def spoken_candidate(match: re.Match[str], text: str, config: DatesConfig) -> Candidate | None:
    """Broadcast spellings: "nineteen ninety-six", "January nineteen ninety-seven", "Sunday,
    March eighth"."""
    year_words = match["y1"] or match["y2"] or match["y3"]
    year = spoken_year(year_words) if year_words else None
    if match["m"] is None:
        if year is None:
            return None
        return Candidate(start=match.start(), end=match.end(), precision="year",
                         resolve=_fixed(cal.year_value(year)))  # fmt: skip
    month = month_number(match["m"])
    if month is None:
        return None
    day = None
    if match["dword"]:
        day = ORDINAL_WORDS[match["dword"].lower()] + (
            {"twenty": 20, "thirty": 30}.get((match["dtens"] or "").lower(), 0)
        )
        if not 1 <= day <= 31:
            return None
    start, end = match.start(), match.end()
    if year is not None:
        valid = cal.valid_day(year, month, day) if day is not None else None
        if day is not None and valid is None:
            return None
        value = cal.day_value(valid) if valid is not None else cal.month_value(year, month)
        return Candidate(start=start, end=end, precision="day" if day else "month",
                         resolve=_fixed(value))  # fmt: skip
    if day is None:
        return None
    return Candidate(start=start, end=end, precision="day",
                     resolve=_month_resolver(text, (start, end), month=month, day=day, rel="",
                                              config=config))  # fmt: skip


def year_candidate(match: re.Match[str], text: str, config: DatesConfig) -> Candidate | None:
    """ "in 2016", "the 2016 election", "early 2020"; not "2000 people", "about 2016", phones."""
    start, end = match.start("y"), match.end("y")
    if YEAR_MAY_END.match(text, end) is None:
        return None
    if re.match(r"-\d", text[end : end + 2]):
        following = re.match(r"-(\d+)", text[end:])
        if following is None or len(following[1]) not in (2, 4):
            return None  # a phone number or a score, not a year range
        if len(following[1]) == 4 and not _ends_year_range(match["y"], following[1]):
            return None  # "CVE-2013-3893": a serial number, not a year range
    before = text[max(0, start - 6) : start]
    if _CODE_PREFIX_BEFORE.search(before):
        return None  # "CVE-2013-3893", "flight MH-2014": part of an identifier
    if re.search(r"\d-$", before) and not re.search(r"(?<!\d)(?:1[89]|20)\d\d-$", before):
        return None  # the end of a phone number or a score; "2014-2015" is a year range
    quantified = QUANTIFIER_BEFORE.search(text[max(0, start - 20) : start]) or (
        LABEL_BEFORE.search(text[max(0, start - 20) : start])
    )
    if not match["mod"] and (COUNT_NOUNS.match(text, end) or quantified):
        return None
    if CLOCK_AFTER.match(text, end):
        return None  # "1852 HKT", "0440 GMT": a time of day
    if not match["mod"] and VEHICLE_AFTER.match(text, end):
        return None  # "a 2013 Toyota Camry": a model year
    if (
        not match["mod"]
        and STREET_AFTER.match(text, end)
        and not _TIME_PREPOSITION_BEFORE.search(text, max(0, start - 8), start)
    ):
        return None  # "at 1995 Main St.", "the 2000 block of Elm": a house number
    if not match["mod"] and _NAMED_BEFORE.search(text, max(0, start - 60), start):
        return None  # "a joint venture called Orion 1980": the end of a name
    return Candidate(start=match.start(), end=end, precision="year", resolve=_fixed(match["y"]))


def _ends_year_range(first: str, second: str) -> bool:
    """Whether `second` can end a range of years that `first` starts ("2014-2015")."""
    return re.fullmatch(YEAR, second) is not None and int(first) < int(second)


# An upper-case code and a hyphen right before a number: an identifier ("CVE-2013", "MH-2014").
_CODE_PREFIX_BEFORE = re.compile(r"(?<![\w-])[A-Z][A-Z0-9]+-$")


# A name introduced by "called"/"named" ends in the number right after its capitalised words.
_NAMED_BEFORE = re.compile(
    r"\b(?:called|named|dubbed|titled|entitled)\s+(?:[A-Z][\w&'’.-]*\s+){1,3}$"
)


# "In 1998 Smith Road opened": after one of these a number before a street name is a year.
_TIME_PREPOSITION_BEFORE = re.compile(
    r"\b(?:in|since|by|until|till|during|from|before|after|through)\s+$", re.IGNORECASE
)


def iso_candidate(match: re.Match[str], _text: str, config: DatesConfig) -> Candidate | None:
    day = cal.valid_day(int(match["y"]), int(match["m"]), int(match["d"]))
    if day is None:
        return None
    return Candidate(
        start=match.start(), end=match.end(), precision="day", resolve=_fixed(cal.day_value(day))
    )


def numeric_candidate(match: re.Match[str], _text: str, config: DatesConfig) -> Candidate | None:
    """ "11/30/09", "15/09/2013", "6/6/2013": month first unless that is impossible or farther."""
    first, second, year_token = int(match["a"]), int(match["b"]), match["y"]

    def resolve(anchor: Anchor | None) -> str | None:
        base = _base(anchor)
        year = (
            int(year_token)
            if len(year_token) == 4
            else cal.expand_two_digit_year(int(year_token), base)
        )
        readings = (cal.valid_day(year, first, second), cal.valid_day(year, second, first))
        options = [day for day in readings if day is not None]
        if not options:
            return None
        if base is not None and len(options) == 2:
            # Month first (US style) unless only the day-first reading is near publication.
            near = [abs((day - base).days) <= config.numeric_near_days for day in options]
            if near == [False, True]:
                options.reverse()
        return cal.day_value(options[0])

    if not (cal.valid_day(2000, first, second) or cal.valid_day(2000, second, first)):
        return None
    return Candidate(start=match.start(), end=match.end(), precision="day", resolve=resolve)


def deictic_candidate(match: re.Match[str], text: str, config: DatesConfig) -> Candidate | None:
    """ "yesterday", "today", "tonight", "this morning", "last night"."""
    word = (match["word"] or "").lower()
    capitalised = (match["word"] or match["part"] or match["two"] or " ")[0].isupper()
    if capitalised and not match[0].isupper() and not starts_sentence(text, match.start()):
        return None  # "USA Today", "CBS This Morning", "The Day After Tomorrow": a name
    if word == "today" and GENERIC_TODAY_AFTER.match(text, match.end()):
        # "today's challenges", "in today's world": the present age, not the publication day
        # (TimeML's PRESENT_REF; no day for the timeline to file them under).
        return Candidate(start=match.start(), end=match.end(), precision=None,
                         resolve=_fixed("PRESENT_REF"))  # fmt: skip
    offset = {"yesterday": -1, "tomorrow": 1}.get(word, 0)
    if match["two"]:  # "the day before yesterday", "the day after tomorrow"
        offset = -2 if "yesterday" in match["two"].lower() else 2
    if (match["rel"] or "").lower() == "last":
        offset = -1

    def resolve(anchor: Anchor | None) -> str | None:
        base = _base(anchor)
        return None if base is None else cal.day_value(cal.shift(base, offset, "day"))

    return Candidate(start=match.start(), end=match.end(), precision="day", resolve=resolve)


def period_candidate(match: re.Match[str], text: str, config: DatesConfig) -> Candidate | None:
    """ "last week", "earlier this month", "this year", "late last year", "next weekend"."""
    rel, unit = match["rel"].lower(), match["unit"].lower()
    if match["the"] and rel != "coming" and unit != "weekend":
        return None  # "the last year" is a duration, not a calendar year
    first = match["mod"] or match["the"] or match["rel"]
    if (
        first[:1].isupper()
        and match["unit"][:1].isupper()
        and not starts_sentence(text, match.start())
    ):
        return None  # "ABC's "This Week With David Brinkley"": a title
    step = {"last": -1, "next": 1, "coming": 1}.get(rel, 0)
    precision: DatePrecision = "week" if unit == "weekend" else unit  # type: ignore[assignment]

    def resolve(anchor: Anchor | None) -> str | None:
        base = _base(anchor)
        if base is None:
            return None
        if unit == "weekend":
            saturday = cal.resolve_weekday(5, base, "this")
            return cal.week_value(cal.shift(saturday, step, "week")) + "-WE"
        return cal.value_at(cal.shift(base, step, unit), unit)

    if (
        unit == "year"
        and step == -1
        and not match["mod"]
        and (
            _COMPARED_BEFORE.search(text, max(0, match.start() - 60), match.start())
            or _RESULTS_AFTER.match(text, match.end())
        )
    ):
        # In a results report "compared with a loss of $3 million last year" and "Last year's
        # results were hurt by ..." are the quarter reported on, a year before (when a quarter
        # was: `in_quarter`); "the plant closed last year" stays a year.
        return Candidate(start=match.start(), end=match.end(), precision=precision,
                         resolve=resolve, years_back=1, in_quarter=quarter_back(1))  # fmt: skip
    return Candidate(start=match.start(), end=match.end(), precision=precision, resolve=resolve)


# "rising to a high for the year of $42.875": a market's high or low of the current year.
_EXTREME_BEFORE = re.compile(r"\b(?:highs?|lows?)\s+$", re.IGNORECASE)
# "twice as high a dividend this year as last": "last" standing for last year.
ELLIPTIC_LAST_EXPR = re.compile(
    r"\bthis\s+year\s+(?:as|than|and|or|versus|vs\.)\s+(?P<last>last)(?=\s*(?:[.,;:!?)]|$))",
    re.IGNORECASE,
)


def elliptic_last_candidate(match: re.Match[str], _text: str, config: DatesConfig) -> Candidate:
    """ "this year as last": the "last" is last year (the "this year" is read on its own)."""

    def resolve(anchor: Anchor | None) -> str | None:
        base = _base(anchor)
        return None if base is None else cal.year_value(base.year - 1)

    return Candidate(start=match.start("last"), end=match.end("last"), precision="year",
                     resolve=resolve)  # fmt: skip


def current_year_candidate(
    match: re.Match[str], text: str, config: DatesConfig
) -> Candidate | None:
    """ "for the full year", "the current fiscal year", "by year end": the publication year;
    "since year-end" is the last day of the year before.

    A bare "the year" counts after "of", "in", "through", "during", or as "For the year" opening
    a sentence or clause; "done for the year" mid-clause is left alone.
    """
    if re.search(r"\bYear\b", match[0]) and not starts_sentence(text, match.start()):
        return None  # "Coach of the Year": a title
    if not match["end"] and not match["mods"]:
        lead = (match["lead"] or "").lower()
        if not lead:
            return None
        if lead == "for" and not (
            starts_sentence(text, match.start())
            or text[: match.start()].rstrip().endswith(",")
            or _EXTREME_BEFORE.search(text, max(0, match.start() - 12), match.start())
        ):
            return None

    since = match["since"] is not None

    def resolve(anchor: Anchor | None) -> str | None:
        base = _base(anchor)
        if base is None:
            return None
        if since:
            # "The percentage change is since year-end": a change counted from a year end
            # that has passed, the last day of the year before (TimeML writes that day).
            return cal.day_value(date(base.year - 1, 12, 31))
        return cal.year_value(base.year)

    start = match.start("end") if match["end"] else match.start() + len(match["lead"] or "")
    start += len(text[start : match.end()]) - len(text[start : match.end()].lstrip())
    return Candidate(start=start, end=match.end(), precision="year", resolve=resolve)


def same_day_candidate(match: re.Match[str], _text: str, config: DatesConfig) -> Candidate:
    """ "Earlier that day", "that same day": the date mentioned just before, to its precision."""

    def resolve(anchor: Anchor | None) -> str | None:
        if anchor is None or anchor[1] not in {"day", "month"}:
            return None
        return cal.value_at(anchor[0], anchor[1])

    return Candidate(
        start=match.start(), end=match.end(), precision="day", resolve=resolve, anchor="prev"
    )


def sequence_period_candidate(match: re.Match[str], _text: str, config: DatesConfig) -> Candidate:
    """ "the following year", "the previous month": one period from the date mentioned before
    (from publication when none is)."""
    unit = match["unit"].lower()
    step = 1 if match["which"].lower() == "following" else -1
    precision: DatePrecision = unit  # type: ignore[assignment]

    def resolve(anchor: Anchor | None) -> str | None:
        if anchor is None or (unit == "month" and anchor[1] == "year"):
            return None
        return cal.value_at(cal.shift(anchor[0], step, unit), unit)

    return Candidate(start=match.start(), end=match.end(), precision=precision, resolve=resolve,
                     anchor="prev_or_pub")  # fmt: skip


def weekend_candidate(match: re.Match[str], text: str, config: DatesConfig) -> Candidate:
    """ "the weekend": the publication's weekend, else the one before (after, for the future)."""
    relation = "future" if speaks_of_future(text, match.start()) else "past"

    def resolve(anchor: Anchor | None) -> str | None:
        base = _base(anchor)
        if base is None:
            return None
        day = base if base.weekday() >= 5 else cal.resolve_weekday(5, base, relation)
        return cal.week_value(day) + "-WE"

    return Candidate(start=match.start(), end=match.end(), precision="week", resolve=resolve)


def _recurring(match: re.Match[str], text: str) -> bool:
    """Whether the weekday recurs ("every Tuesday", "the second Tuesday of every month")."""
    before = text[max(0, match.start("wd") - 60) : match.start("wd")]
    if RECURRING_WEEKDAY_BEFORE.search(before):
        return True
    ordinal = (match["rel"] or "").lower() == "last" or NTH_WEEKDAY_BEFORE.search(before)
    return bool(ordinal) and OF_EVERY_MONTH_AFTER.match(text, match.end("wd")) is not None


def weekday_candidate(match: re.Match[str], text: str, config: DatesConfig) -> Candidate | None:
    """ "on Monday", "Monday night", "last Tuesday", "next Friday"."""
    token = match["wd"]
    if not token[:1].isupper():
        return None
    start = match.start()
    before = text[max(0, match.start("wd") - 20) : match.start("wd")]
    previous = re.search(r"(?<!\w)(\w+)\s+$", before)
    if previous and previous[1].lower() in NAMED_DAYS:
        return None
    if NAMED_DAYS_AFTER.match(text, match.end("wd")):
        return None
    if _recurring(match, text):
        return None
    rel = " ".join((match["rel"] or "").lower().split())
    weekday = WEEKDAYS[token.lower()]
    if rel.startswith("the "):
        # "down 4.5% from the previous Friday": the one before the day mentioned just before.
        step = "next" if rel == "the following" else "last"

        def resolve_from_previous(anchor: Anchor | None) -> str | None:
            if anchor is None or anchor[1] != "day":
                return None
            return cal.day_value(cal.resolve_weekday(weekday, anchor[0], step))

        return Candidate(start=start, end=match.end(), precision="day",
                         resolve=resolve_from_previous, anchor="prev_or_pub")  # fmt: skip
    if rel in {"early", "late", ""}:
        rel = "future" if tense_around(text, start, match.end()) == "future" else "past"

    def resolve(anchor: Anchor | None) -> str | None:
        base = _base(anchor)
        return None if base is None else cal.day_value(cal.resolve_weekday(weekday, base, rel))

    # A past weekday counts back from the latest day the page states for its text: "posted a
    # statement Saturday morning" on a page published Friday and "Last updated ... Sunday" is
    # that Saturday, not the one before publication.
    return Candidate(start=start, end=match.end(), precision="day", resolve=resolve,
                     anchor="latest" if rel == "past" else "pub")  # fmt: skip


def offset_candidate(match: re.Match[str], _text: str, config: DatesConfig) -> Candidate:
    """ "six weeks ago", "two days later", "six weeks after (the Nov. 3 vote)"."""
    count_token, unit = match["n"].lower(), match["unit"].lower()
    direction = " ".join(match["dir"].lower().split())
    count = int(count_token) if count_token.isdigit() else NUMBER_WORDS.get(count_token)
    if count_token in VAGUE_COUNTS and direction in {"ago", "from now"}:
        # "several years ago", "a few weeks from now": no calendar value, but a time the text
        # places in the past or the future (TimeML's PAST_REF / FUTURE_REF).
        reference = "PAST_REF" if direction == "ago" else "FUTURE_REF"
        return Candidate(start=match.start(), end=match.end(), precision=None,
                         resolve=_fixed(reference))  # fmt: skip
    sign = -1 if direction in {"ago", "earlier", "before", "previously"} else 1
    anchor_kind: AnchorKind = "pub"
    if direction in {"later", "earlier"}:
        anchor_kind = "prev_or_pub"
    elif direction in {"after", "before"}:
        anchor_kind = "next"
    precision: DatePrecision = unit  # type: ignore[assignment]

    def resolve(anchor: Anchor | None) -> str | None:
        if anchor is None or count is None or direction == "since":
            return None
        day, known = anchor
        if known == "year" and unit != "year":
            return None
        if known == "month" and unit in {"day", "week"}:
            return None
        # "six weeks after Nov. 3" names a day; "six weeks ago" a week.
        result_precision = known if anchor_kind == "next" and unit != "year" else unit
        return cal.value_at(cal.shift(day, sign * count, unit), result_precision)

    years_back = count if unit == "year" and sign < 0 and count is not None else None
    return Candidate(
        start=match.start(), end=match.end(), precision=precision, resolve=resolve,
        anchor=anchor_kind, years_back=years_back,
        in_quarter=None if years_back is None else quarter_back(years_back),
    )  # fmt: skip


def sequence_candidate(match: re.Match[str], text: str, config: DatesConfig) -> Candidate:
    """ "the next day", "the day before": one day from the date mentioned just before.

    "the day before Obama's inauguration" counts from what follows instead (a date written
    right after it, else no value).
    """
    word = (match["which"] or match["dir"]).lower()
    step = 1 if word in {"next", "following", "after"} else -1
    followed = match["dir"] is not None and re.match(r"\s+[\w'’\"]", text[match.end() :])

    def resolve(anchor: Anchor | None) -> str | None:
        if anchor is None or anchor[1] != "day":
            return None
        return cal.day_value(cal.shift(anchor[0], step, "day"))

    return Candidate(
        start=match.start(),
        end=match.end(),
        precision="day",
        resolve=resolve,
        anchor="next" if followed else "prev",
    )


def holiday_day(name: str, year: int) -> date:
    """The day holiday `name` (lower case, as HOLIDAYS and MOVABLE_HOLIDAYS spell it) falls on."""
    if name in HOLIDAYS:
        return date(year, *HOLIDAYS[name])
    if name.startswith("thanksgiving"):  # the fourth Thursday of November
        return cal.nth_weekday(year, 11, 3, 4)
    if name.startswith("easter"):
        return cal.easter(year)
    if name == "father's day":  # the third Sunday of June
        return cal.nth_weekday(year, 6, 6, 3)
    # Election Day: the Tuesday after the first Monday of November.
    return cal.nth_weekday(year, 11, 0, 1) + timedelta(days=1)


def holiday_candidate(match: re.Match[str], text: str, config: DatesConfig) -> Candidate | None:
    """ "on Christmas Day", "before Thanksgiving", "since 9/11": fixed and computed holidays.

    A holiday name is a date only after a temporal word ("on Christmas Eve", "this
    Thanksgiving", "come Election Day"); "a Christmas concert" names no day. Its year is
    chosen as a month-day's is, by tense ("was shot on the Fourth of July", written in March,
    is last July's).
    """
    name = " ".join(match["name"].lower().replace("’", "'").split())
    if name == "9/11":
        return Candidate(
            start=match.start("name"),
            end=match.end(),
            precision="day",
            resolve=_fixed("2001-09-11"),
        )
    before = text[max(0, match.start() - 12) : match.start()]
    if HOLIDAY_CONTEXT.search(before) is None and not (
        name in DEFINITE_HOLIDAYS and DEFINITE_HOLIDAY_BEFORE.search(before)
    ):
        return None
    stated = _YEAR_AFTER_HOLIDAY.match(text, match.end())
    if stated is not None and not COUNT_NOUNS.match(text, stated.end()):
        # "on Valentine's Day in 2012", "Christmas 2012": the year the text gives.
        value = cal.day_value(holiday_day(name, int(stated[1])))
        return Candidate(start=match.start("name"), end=match.end(), precision="day",
                         resolve=_fixed(value))  # fmt: skip
    # The year is that of the holiday's usual month-day, read like any month-day; then its
    # exact day in that year.
    month, day = HOLIDAYS.get(name) or MOVABLE_HOLIDAYS[name]
    usual = _month_resolver(text, (match.start(), match.end()), month=month, day=day, rel="",
                            config=config)  # fmt: skip

    def resolve(anchor: Anchor | None) -> str | None:
        found = usual(anchor)
        return None if found is None else cal.day_value(holiday_day(name, int(found[:4])))

    return Candidate(start=match.start("name"), end=match.end(), precision="day", resolve=resolve)


def part_of_period_candidate(match: re.Match[str], _text: str, config: DatesConfig) -> Candidate:
    """ "the start of the year", "the end of the month": the publication's period."""
    unit = match["unit"].lower()
    precision: DatePrecision = unit  # type: ignore[assignment]

    def resolve(anchor: Anchor | None) -> str | None:
        base = _base(anchor)
        return None if base is None else cal.value_at(base, unit)

    return Candidate(start=match.start(), end=match.end(), precision=precision, resolve=resolve)


Builder = Callable[[re.Match[str], str, DatesConfig], Candidate | None]
_UNITS = ("day", "days", "week", "weeks", "month", "months", "year", "years")
# Each pattern with its trigger words: every expression it reads holds one of them ("#4" stands
# for a four-digit number, "#" for any other number). A pattern runs only in windows around its
# own triggers, so text without dates costs a few substring scans: ~5x faster than running all
# patterns over the whole text, with identical output on all 776 ECB+ articles and the seeds.
PATTERNS: tuple[tuple[re.Pattern[str], Builder, tuple[str, ...]], ...] = (
    (MONTH_EXPR, month_candidate, tuple(MONTHS)),
    (YEAR_EXPR, year_candidate, ("#4",)),
    (ISO_EXPR, iso_candidate, ("#4",)),
    (NUMERIC_EXPR, numeric_candidate, ("#", "#4")),
    (DEICTIC_EXPR, deictic_candidate, ("yesterday", "today", "tonight", "tomorrow", "morning",
                                       "afternoon", "evening", "night")),
    (PERIOD_EXPR, period_candidate, ("week", "month", "year", "weekend")),
    (WEEKEND_EXPR, weekend_candidate, ("weekend",)),
    (HOLIDAY_EXPR, holiday_candidate, ("christmas", "year", "halloween", "valentine", "boxing",
                                       "independence", "thanksgiving", "fourth", "easter",
                                       "father", "election", "#")),
    (PART_OF_PERIOD_EXPR, part_of_period_candidate, ("week", "month", "year")),
    (WEEKDAY_EXPR, weekday_candidate, tuple(w for w in WEEKDAYS if len(w) > 4)),
    (OFFSET_EXPR, offset_candidate, _UNITS),
    (SEQUENCE_EXPR, sequence_candidate, ("day",)),
    (CURRENT_YEAR_EXPR, current_year_candidate, ("year",)),
    (ELLIPTIC_LAST_EXPR, elliptic_last_candidate, ("last",)),
    (SAME_DAY_EXPR, same_day_candidate, ("day",)),
    (SEQUENCE_PERIOD_EXPR, sequence_period_candidate, ("year", "month")),
    (SPOKEN_EXPR, spoken_candidate, ("nineteen", "twenty", "thousand", *ORDINAL_WORDS)),
)  # fmt: skip
