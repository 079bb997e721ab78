"""The publication date: from metadata, a date line of the page text, or the URL.

Only the article's own date is found here (in-text date expressions are `extract/dates.py`'s
job). On the page text the signal is a *date line*: a line that is little more than a date,
perhaps with a label ("Published:", "date"), a time, a weekday or a short byline, near the
headline or at the top of the page. Dates inside prose are about events, not publication.
English month names and numeric formats are matched with our own regexes (microseconds per
line); dateparser, restricted to the article's language, only sees short candidate lines of
non-English pages, where our regexes know no month names.
"""

from __future__ import annotations

import datetime as dt
import email.utils
import re
from dataclasses import dataclass
from typing import Any

from rapidfuzz.distance import OSA

_MONTHS = {
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6,
    "jul": 7, "aug": 8, "sep": 9, "oct": 10, "nov": 11, "dec": 12,
}  # fmt: skip
_MONTH = (
    r"(?P<mon>jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
    r"|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
)
_YEAR = r"(?P<y>(?:19|20)\d\d)"
_DAY = r"(?P<d>[0-3]?\d)(?:st|nd|rd|th)?"
_DATE_PATTERNS = (
    re.compile(
        rf"(?<!\d){_YEAR}-(?P<m>[01]\d)-(?P<d>[0-3]\d)"
        r"(?:[T ](?P<time>[0-2]\d:[0-5]\d(?::[0-5]\d(?:\.\d+)?)?)(?P<tz>Z|[+-][0-2]\d:?[0-5]\d)?)?"
        r"(?!\d)"
    ),
    re.compile(rf"(?i)\b{_MONTH}\s+{_DAY},?\s+{_YEAR}(?!\d)"),
    re.compile(rf"(?i)(?<!\d){_DAY}\s+(?:of\s+)?{_MONTH},?\s+{_YEAR}(?!\d)"),
    re.compile(rf"(?<![\d./]){_YEAR}/(?P<m>[01]?\d)/(?P<d>[0-3]?\d)(?![\d/])"),
    # Dotted year first ("Published: 2012.08.08 09:01 AM"): year, month, day as in ISO; not a
    # version or build number ("rev 2020.1.20.35817").
    re.compile(rf"(?<![\d.]){_YEAR}\.(?P<m>[01]?\d)\.(?P<d>[0-3]?\d)(?!\d|\.\d)"),
    # Dotted numbers are day first wherever they are used (19.01.2020).
    re.compile(rf"(?<![\d.]){_DAY}\.(?P<m>[01]?\d)\.{_YEAR}(?![\d.])"),
    # Slashed numbers: month/day (US) or day/month; only taken when one part exceeds 12.
    re.compile(rf"(?<![\d/])(?P<a>[0-3]?\d)/(?P<b>[0-3]?\d)/{_YEAR}(?![\d/])"),
)
_YEAR_HINT_RE = re.compile(r"(?:19|20)\d\d")
# A date line with a two-digit year ("11/30/09 05:40 PM ET", "POSTED: 04/02/07, 9:00 PM PDT",
# US sites of the 2000s; 12 of ECB+'s pages). Read only on a date line, never in prose
# ("against Houston (10/1/61)"), because "3/4/07" alone could be a score or a fraction.
_SHORT_YEAR_RE = re.compile(r"(?<![\d/.])(?P<a>[01]?\d)/(?P<b>[0-3]?\d)/(?P<yy>\d\d)(?![\d/])")
_FULL_YEAR_SLASHED_RE = re.compile(rf"(?<![\d/])(?P<a>[01]?\d)/(?P<b>[0-3]?\d)/{_YEAR}(?![\d/])")
# A US time zone on the line says the slashed date is month first (04/02/07 ... PDT = 2 April).
_US_ZONE_RE = re.compile(r"\b(?:ET|[ECMP][SD]T|CT|PT)\b")
# As POSIX strptime's %y: 69-99 are 1900s, 00-68 are 2000s.
_CENTURY_PIVOT = 69
_MONTH_YEAR_RE = re.compile(rf"(?i)\b{_MONTH}\s+{_YEAR}\b")
_LABEL_RE = re.compile(
    r"(?i)(?P<label>first\s+published|published|posted|written|last\s+updated|updated|last\s+modified"
    r"|modified|created|uploaded|released|issued|date|dated|publication\s+date)\b"
    r"(?:\s+(?:on|at))?\s*[:\-–—]?\s*$"
)
_FILLER_RE = re.compile(
    r"(?i)\b(?:[0-2]?\d[:.][0-5]\d(?::[0-5]\d)?\s*(?:[ap]\.?m\.?)?|[ap]\.?m\.?|gmt|utc|bst|cet|cest"
    r"|msk|[ecmp][sd]?t|ist|jst|aest|mon(?:day)?|tue(?:s(?:day)?)?|wed(?:nesday)?"
    r"|thu(?:r(?:s(?:day)?)?)?|fri(?:day)?|sat(?:urday)?|sun(?:day)?|on|at|am|pm|by|and"
    r"|first|published|posted|written|updated|last|modified|date|dated|created|uploaded|released"
    r"|issued|publication|of|the|in)\b"
)
_WORD_RE = re.compile(r"[^\W\d_][\w'’.-]*")
_URL_TOKEN_RE = re.compile(
    r"(?:https?://|www\.)\S+|\b[\w-]{1,63}(?:\.[\w-]{1,63}){0,8}\.[a-z]{2,}/\S*", re.IGNORECASE
)
_DATELINE_RE = re.compile(r"^[A-Z][A-Za-z.'\- ]{1,40}(?:,\s*[A-Z][\w. ]{1,20})?\s*[,(–—-]")
# A date line says little besides the date: a label, a time, a weekday, a short byline or a
# site button ("date 2020-12-15 Register"). More leftover words than this means prose or a
# headline of another item ("Science and Technology links (December 14th 2019)"): with 4 such
# lines won on the cleaning dev pages, with 2 none did and no true date line was lost.
MAX_LEFTOVER_WORDS = 2
MAX_DATE_LINE_CHARS = 160
# Unlabelled date lines are trusted only near the top of the page or near the headline.
TOP_LINES = 40
NEAR_TITLE_LINES = 12
# Ranking offsets in lines (see `find_text_date`): a date above the headline counts as this many
# lines further away; a "Published"/byline date as this many lines closer.
ABOVE_PENALTY = 3
LABEL_BONUS = 2
# Publication years we accept. Any year the input states is kept (TimeBank's 1989 wires are
# real dates); the bounds only refuse placeholders ("0001-01-01") and typos ("20201-..").
FIRST_YEAR = 1800
LAST_YEAR = 2100
# Placeholder values content systems write when no date is known.
_PLACEHOLDERS = {"1970-01-01", "1900-01-01"}


@dataclass(frozen=True, slots=True)
class _Found:
    value: str
    start: int
    end: int


def _valid(year: int, month: int, day: int) -> str | None:
    try:
        return dt.date(year, month, day).isoformat()
    except ValueError:
        return None


def find_dates(text: str) -> list[_Found]:
    """Every day-precision date written in `text`, in text order, overlaps removed."""
    found: list[_Found] = []
    for pattern in _DATE_PATTERNS:
        for match in pattern.finditer(text):
            value = _match_value(match)
            if value and not any(f.start < match.end() and match.start() < f.end for f in found):
                found.append(_Found(value, match.start(), match.end()))
    return sorted(found, key=lambda f: f.start)


def _match_value(match: re.Match[str]) -> str | None:
    groups = match.groupdict()
    year = int(groups["y"])
    if groups.get("mon"):
        month = _MONTHS[groups["mon"][:3].lower()]
        return _valid(year, month, int(groups["d"]))
    if groups.get("a"):
        first, second = int(groups["a"]), int(groups["b"])
        if first > 12 >= second:
            return _valid(year, second, first)
        if second > 12 >= first:
            return _valid(year, first, second)
        if first == second:
            return _valid(year, first, second)  # "04/04/2012": both orders give one day
        return None  # 03/04/2020 is March or April depending on the country: not guessed
    return _valid(year, int(groups["m"]), int(groups["d"]))


def has_date(text: str) -> bool:
    """Whether `text` contains a date (a day, or a month and year)."""
    return bool(find_dates(text)) or bool(_MONTH_YEAR_RE.search(text))


def normalise_published(value: str | None) -> str | None:
    """An ISO 8601 date or datetime for a metadata date string in any common format, or None."""
    if not value or not value.strip():
        return None
    text = value.strip()
    try:
        parsed = dt.datetime.fromisoformat(text.replace("z", "Z"))
    except ValueError:
        parsed = None
    if parsed is None:
        try:
            parsed = email.utils.parsedate_to_datetime(text)
        except (TypeError, ValueError, IndexError):
            parsed = None
    if parsed is not None:
        if not FIRST_YEAR <= parsed.year <= LAST_YEAR or parsed.date().isoformat() in _PLACEHOLDERS:
            return None
        has_time = bool(re.search(r"\d:\d\d", text))
        return parsed.isoformat() if has_time else parsed.date().isoformat()
    found = find_dates(text)
    if found:
        return found[0].value
    return _dateparser_date(text, "en")


def _dateparser_date(text: str, language: str) -> str | None:
    """dateparser on one short string, in one language, absolute dates only (no clock used)."""
    if len(text) > 80:
        return None
    try:
        import dateparser

        settings: Any = {
            "REQUIRE_PARTS": ["day", "month", "year"],
            "PARSERS": ["custom-formats", "absolute-time"],
            "RELATIVE_BASE": dt.datetime(2000, 1, 1),
            "RETURN_AS_TIMEZONE_AWARE": False,
        }
        parsed = dateparser.parse(text, languages=[language], settings=settings)
    except Exception:  # an unknown language code or a dateparser bug: no date, not a crash
        return None
    if parsed is None or not FIRST_YEAR <= parsed.year <= LAST_YEAR:
        return None
    return parsed.date().isoformat()


@dataclass(frozen=True, slots=True)
class _Candidate:
    value: str
    line: int
    updated: bool
    near: bool
    labelled: bool


def find_text_date(
    text: str,
    *,
    title: str | None = None,
    url_date: str | None = None,
    language: str | None = None,
) -> str | None:
    """The publication date stated on a date line of the page `text`, or None."""
    # Blank lines do not count in distances: layouts put them around every block.
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    title_lines = _title_lines(lines, title)
    candidates: list[_Candidate] = []
    nonempty = 0
    for index, line in enumerate(lines):
        if not line:
            continue
        nonempty += 1
        if not (_YEAR_HINT_RE.search(line) or _SHORT_YEAR_RE.search(line)):
            continue  # every date we read has a year
        near = nonempty <= TOP_LINES or any(
            abs(index - at) <= NEAR_TITLE_LINES for at in title_lines
        )
        candidates.extend(_line_candidates(line, index, near=near, language=language))
    if not candidates:
        return None
    if url_date:
        for candidate in candidates:
            if candidate.value == url_date:
                return candidate.value

    def rank(candidate: _Candidate) -> tuple[bool, bool, int, int]:
        # A publication date before an "updated" one; near the headline (or the top) before a
        # labelled date further down (a comment's "Posted on"); then the closest to a headline
        # occurrence, below it rather than above (a header shows today's date above the page's
        # title), a "Published"/byline line first; then the first.
        if title_lines:
            distance = min(
                candidate.line - at if candidate.line >= at else at - candidate.line + ABOVE_PENALTY
                for at in title_lines
            )
        else:
            distance = candidate.line
        if candidate.labelled:
            distance -= LABEL_BONUS
        return (candidate.updated, not candidate.near, distance, candidate.line)

    return min(candidates, key=rank).value


def _title_lines(lines: list[str], title: str | None) -> list[int]:
    """Lines where the headline is written (a page often repeats it: <title>, then <h1>)."""
    if not title:
        return []
    key = re.sub(r"\W+", "", title.lower())[:60]
    if len(key) < 10:
        return []
    first_word = (re.findall(r"\w+", title.lower()) or [""])[0]  # cheap test before normalising
    found = [
        i
        for i, line in enumerate(lines)
        if first_word in line.lower() and key in re.sub(r"\W+", "", line.lower())
    ]
    return found[:5]


def _line_candidates(
    line: str, index: int, *, near: bool, language: str | None
) -> list[_Candidate]:
    if len(line) > MAX_DATE_LINE_CHARS:
        dateline = _DATELINE_RE.match(line)
        if not (near and dateline):
            return []
        found = [f for f in find_dates(line[: dateline.end() + 40]) if f.start <= dateline.end()]
        return [
            _Candidate(f.value, index, updated=False, near=True, labelled=True) for f in found[:1]
        ]
    # A date inside a web address is the date of the linked page ("clarityofsignal.com/2017/01/
    # 21/..." in a list of sources), not of this one.
    urls = [m.span() for m in _URL_TOKEN_RE.finditer(line)]
    found = [f for f in find_dates(line) if not any(s <= f.start < e for s, e in urls)]
    if not found:
        found = _short_year_dates(line)
    if not found:
        found = _misspelt_month_dates(line)
    if not found and language and language != "en" and near and re.search(r"(?:19|20)\d\d", line):
        value = _dateparser_date(line, language)
        found = [_Found(value, 0, len(line))] if value else []
    if not found:
        return []
    leftover = line
    for f in reversed(found):
        leftover = leftover[: f.start] + " " + leftover[f.end :]
    words = _WORD_RE.findall(_FILLER_RE.sub(" ", leftover))
    byline = line.lower().startswith("by ")
    if len(words) > MAX_LEFTOVER_WORDS and not (byline and len(words) <= MAX_LEFTOVER_WORDS + 4):
        return []
    out: list[_Candidate] = []
    for f in found:
        label = _LABEL_RE.search(_strip_trailing_times(line[: f.start]))
        updated = label is not None and bool(
            re.search(r"(?i)updated|modified", label.group("label"))
        )
        if near or label is not None:
            labelled = byline or (label is not None and not updated)
            out.append(_Candidate(f.value, index, updated=updated, near=near, labelled=labelled))
    return out


def _short_year_dates(line: str) -> list[_Found]:
    """Slashed dates with a two-digit year, month first when the line names a US time zone or
    only one order is a date; None for "04/02/07" with nothing to tell the order."""
    us_order = bool(_US_ZONE_RE.search(line))
    found = []
    if us_order:
        # "8:00 AM PDT 4/5/2012": a US time zone on the date line says month first for a
        # four-digit year too (`find_dates` leaves such a date unread: either order is a day).
        for match in _FULL_YEAR_SLASHED_RE.finditer(line):
            value = _valid(int(match["y"]), int(match["a"]), int(match["b"]))
            if value:
                found.append(_Found(value, match.start(), match.end()))
    for match in _SHORT_YEAR_RE.finditer(line):
        first, second, short = int(match["a"]), int(match["b"]), int(match["yy"])
        year = 1900 + short if short >= _CENTURY_PIVOT else 2000 + short
        if us_order or second > 12 >= first:
            value = _valid(year, first, second)
        elif first > 12 >= second:
            value = _valid(year, second, first)
        else:
            value = None
        if value:
            found.append(_Found(value, match.start(), match.end()))
    return found


# A date with a misspelt month name ("Novemer 27, 2005", a forum's hand-typed date line): read
# only on a date line (the caller checks it says little else), and only for month names of six
# letters or more one edit away (a letter left out, added or changed, or two neighbours swapped:
# an OSA distance of 1), so that a short word or a name ("Marcy 27, 2005") is not one.
_MISSPELT_MONTH_RE = re.compile(
    rf"(?i)\b(?P<word>[a-z]{{5,10}})\.?\s+{_DAY},?\s+{_YEAR}(?!\d)"
    rf"|(?<!\d){_DAY.replace('<d>', '<d2>')}\s+(?:of\s+)?(?P<word2>[a-z]{{5,10}})\.?,?\s+"
    rf"{_YEAR.replace('<y>', '<y2>')}(?!\d)"
)
_LONG_MONTHS = {
    name: number
    for number, name in enumerate(
        ("january", "february", "march", "april", "may", "june", "july", "august",
         "september", "october", "november", "december"),
        start=1,
    )
    if len(name) >= 6
}  # fmt: skip


def _misspelt_month_dates(line: str) -> list[_Found]:
    found = []
    for match in _MISSPELT_MONTH_RE.finditer(line):
        word = (match["word"] or match["word2"]).lower()
        month = next((n for name, n in _LONG_MONTHS.items() if OSA.distance(word, name) == 1), None)
        if month is None:
            continue
        value = _valid(int(match["y"] or match["y2"]), month, int(match["d"] or match["d2"]))
        if value:
            found.append(_Found(value, match.start(), match.end()))
    return found


_TRAILING_TIME_RE = re.compile(
    r"(?i)(?:\b[0-2]?\d[:.][0-5]\d(?::[0-5]\d)?\s*(?:[ap]\.?m\.?)?(?:\s*[a-z]{1,4}t)?"
    r"|\b(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*|[,|•·/]|\s)+$"
)


_PUBLISHED_LABEL_RE = re.compile(
    r"(?i)\b(?:first\s+published|published|posted|written)(?:\s+(?:on|at))?\s*:?\s*"
)
_LABEL_KEYWORDS = ("published", "posted", "written")
# How far after its label a labelled date may end ("Written: 2023-11-07 15:03:30").
LABELLED_DATE_CHARS = 40


def labelled_publication_dates(text: str) -> set[str]:
    """The days a label right before them calls publication days ("Written: 2023-11-07",
    "Published on March 3, 2021"); "Updated" dates are not among them."""
    lowered = text.lower()
    if not any(keyword in lowered for keyword in _LABEL_KEYWORDS):
        return set()
    days: set[str] = set()
    for label in _PUBLISHED_LABEL_RE.finditer(text):
        found = find_dates(text[label.end() : label.end() + LABELLED_DATE_CHARS])
        if found and found[0].start == 0:
            days.add(found[0].value)
    return days


def _strip_trailing_times(prefix: str) -> str:
    """`prefix` without the times, weekdays and separators between a label and its date."""
    return _TRAILING_TIME_RE.sub("", prefix)
