"""Coarse time expressions: quarters, seasons, decades and the present/past/future references.

TimeML (TIMEX3) gives these values that are not calendar days: "1989-Q3" (a quarter),
"1998-SU" (a season: SP, SU, FA, WI), "198" (the 1980s), and PRESENT_REF / PAST_REF /
FUTURE_REF for "now", "recently", "in the future". Words that more often qualify a verb than
point at a time ("previously announced", "formerly", "soon after") are left out. Their
`precision` is None: they name no day, week, month or year, so the timeline and the conflict
checks (which read day/month/year values) leave them alone, while the report still shows what
the text says about time.

Resolution, like the rest of the grammar, is read from the publication date:
- "the third quarter" is the most recent third quarter that has begun (the publication year's
  when it has, else the year before; the next one in a future sentence); "the quarter" /
  "the latest quarter" is the last finished one (earnings reports speak of the quarter just
  closed), "the current quarter" the publication's; "the year-earlier quarter" is the one a
  year before the quarter just closed.
- "last quarter" / "next quarter" are the quarters before and after the publication's;
  "the first quarter of next year" is next year's.
- Seasons the same way ("last fall" is the fall before the current season; "this summer" the
  publication year's); December starts its year's winter ("1998-WI" is Dec 1998 to Feb 1999).
- A season or a bare reference word needs a determiner or a preposition ("in the fall", "last
  spring"): "spring water", "the fall of Rome" are not dates; "the fall of" is left alone.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date

from newsweave.extract.dates.config import DatesConfig
from newsweave.extract.dates.grammar import (
    Anchor,
    Candidate,
    QuarterReading,
    _base,
    _fixed,
    quarter_back,
    quarter_value,
)
from newsweave.extract.dates.patterns import (
    MONTH,
    YEAR,
    sentence_after,
    sentence_before,
    speaks_of_future,
    starts_sentence,
)

_ORDINALS = {"first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3, "fourth": 4,
             "4th": 4}  # fmt: skip
_EARLIER = r"(?:year[\s-]+(?:earlier|ago)|prior[\s-]+year|comparable|same|year-before)"
QUARTER_EXPR = re.compile(
    rf"\b(?:(?P<det>the|its|this|that|a|(?P<yrel>last|this|next)\s+year['’]s)\s+)?"
    rf"(?P<mods>(?:(?:latest|current|{_EARLIER}|fiscal|calendar|flat|(?P<y1>{YEAR}))[\s-]+){{0,4}})"
    r"(?P<ord>first|second|third|fourth|1st|2nd|3rd|4th)[\s-]+quarter\b"
    rf"(?:\s+of\s+(?:(?:fiscal\s+)?(?P<y2>{YEAR})|(?P<yrel2>last|this|next)\s+year\b))?",
    re.IGNORECASE,
)
QUARTER_DEICTIC_EXPR = re.compile(
    rf"\b(?P<det>the|this|its|that|(?<!\bthe\s)(?<!\bits\s)(?<!\ba\s)(?:last|next))\s+(?P<mods>(?:(?:latest|current|most\s+recent|just[\s-]ended"
    rf"|{_EARLIER}|fiscal)[\s-]+)*)quarter\b(?![\s-]+(?:of\s+a|century|mile|final)|-to-)"
    r"(?P<ago>\s+a\s+year\s+(?:ago|earlier))?",
    re.IGNORECASE,
)
# A quarter of a game is no calendar quarter: "a 7-yard touchdown pass late in the fourth quarter".
GAME_WORDS = re.compile(
    r"\b(?:touchdowns?|yards?|goals?|scored?|scoring|games?|innings?|halftime|quarterback|passes"
    r"|rebounds?|field\s+goals?|free\s+throws?|fumbles?|interceptions?|overtime|buzzer|baskets?"
    r"|points|seconds?\s+left|minutes?\s+left|threw|tackles?|sacks?|punts?|kickoff)\b",
    re.IGNORECASE,
)


def _in_a_game(text: str, start: int, end: int) -> bool:
    return (
        GAME_WORDS.search(sentence_before(text, start) + " " + sentence_after(text, end))
        is not None
    )


# "the year-earlier period", "the latest period": in a results report, a quarter. Only with
# one of these words: a bare "the period" names nothing.
RESULTS_PERIOD_EXPR = re.compile(
    rf"\b(?:(?P<det>the|its|that)\s+)?(?P<mods>(?:(?:latest|most\s+recent|{_EARLIER})[\s-]+)+)"
    r"period\b",
    re.IGNORECASE,
)


def results_period_candidate(
    match: re.Match[str], text: str, config: DatesConfig
) -> Candidate | None:
    """ "the year-earlier period" (the closed quarter a year before), "the latest period"."""
    if _in_a_game(text, match.start(), match.end()):
        return None
    back = 1 if _earlier(match["mods"]) else 0
    if not back and not match["det"]:
        return None  # "latest period" without a determiner: too loose

    def resolve(anchor: Anchor | None) -> str | None:
        base = _base(anchor)
        if base is None:
            return None
        return _quarter_value(base.year - back, _quarter_of(base) - 1)

    return Candidate(start=match.start(), end=match.end(), precision=None, resolve=resolve,
                     in_quarter=quarter_back(back), years_back=back or None)  # fmt: skip


# "the 1988 quarter", "the 1989 period": in a results report, the quarter under discussion (the
# last one named, else the last one closed) of that year.
YEAR_QUARTER_EXPR = re.compile(
    rf"\b(?:the|that|its)\s+(?P<y>{YEAR})\s+(?:fiscal\s+)?(?:quarter|period)\b(?!\s+of\b)",
    re.IGNORECASE,
)


# A results sentence about a span of months or the whole year ("For the nine months, net was
# $306 million, compared with a loss of $195 million in the 1988 period"): its "1988 period" is
# that span of 1988, which TimeML writes as the year.
_MONTHS_SPAN_BEFORE = re.compile(
    r"\b(?:(?:six|nine|\d{1,2})[\s-]+months?|first\s+half|full\s+year|(?:fiscal\s+)?year\s+ended)\b",
    re.IGNORECASE,
)


def year_quarter_candidate(
    match: re.Match[str], text: str, config: DatesConfig
) -> Candidate | None:
    """ "the 1988 quarter", "in the 1989 period": that year's quarter, the one reported on."""
    if _in_a_game(text, match.start(), match.end()):
        return None
    year = int(match["y"])
    if match[0].lower().endswith("period") and _MONTHS_SPAN_BEFORE.search(
        sentence_before(text, match.start())
    ):
        return Candidate(start=match.start(), end=match.end(), precision="year",
                         resolve=_fixed(f"{year:04d}"), years_back=0)  # fmt: skip

    def resolve(anchor: Anchor | None) -> str | None:
        base = _base(anchor)
        if base is None:
            return None
        closed = _quarter_value(base.year, _quarter_of(base) - 1)
        return f"{year:04d}-{closed[5:]}"

    # years_back 0: not a quarter to count "year-ago results" from (it is often that one).
    return Candidate(start=match.start(), end=match.end(), precision=None, resolve=resolve,
                     in_quarter=lambda _year, quarter: f"{year:04d}-Q{quarter}",
                     years_back=0)  # fmt: skip


# "year-ago results", "year-earlier profit": a year before the quarter reported on (else the
# year before publication), as "a year ago" is.
YEAR_AGO_EXPR = re.compile(r"\byear-(?:ago|earlier)\b(?![\s-]+(?:quarter|period)\b)", re.IGNORECASE)


def year_ago_candidate(match: re.Match[str], text: str, config: DatesConfig) -> Candidate | None:
    def resolve(anchor: Anchor | None) -> str | None:
        base = _base(anchor)
        return None if base is None else f"{base.year - 1:04d}"

    return Candidate(start=match.start(), end=match.end(), precision="year", resolve=resolve,
                     years_back=1, in_quarter=quarter_back(1))  # fmt: skip


# "the first half of 1990", "the second half of next year", "the first two quarters of 1990":
# TimeML's half-years ("1990-H1"). A bare "the first half" (of a game, of a book) names no year.
HALF_EXPR = re.compile(
    r"\b(?:the\s+)?(?P<which>first|second|1st|2nd)\s+(?:half|(?P<two>two\s+quarters))\s+of\s+"
    rf"(?:(?:the\s+)?(?:fiscal\s+|calendar\s+)?(?P<y>{YEAR})|(?P<rel>this|next|last)\s+year\b"
    r"|the\s+(?P<same>current\s+)?year\b)",
    re.IGNORECASE,
)


def half_candidate(match: re.Match[str], text: str, config: DatesConfig) -> Candidate | None:
    """ "the first half of 1990" -> "1990-H1"; "the second half of this year"; "the first two
    quarters of 1990" (the same half; "the last two quarters" would be a duration back)."""
    which = match["which"].lower()
    if match["two"] and which not in {"first", "1st"}:
        return None  # "the second two quarters": not a phrase news uses for a half
    half = 1 if which in {"first", "1st"} else 2
    shift = {"this": 0, "next": 1, "last": -1}.get((match["rel"] or "this").lower(), 0)

    def resolve(anchor: Anchor | None) -> str | None:
        if match["y"]:
            return f"{int(match['y']):04d}-H{half}"
        base = _base(anchor)
        return None if base is None else f"{base.year + shift:04d}-H{half}"

    return Candidate(start=match.start(), end=match.end(), precision=None, resolve=resolve)


_SEASONS = {"spring": "SP", "summer": "SU", "fall": "FA", "autumn": "FA", "winter": "WI"}
SEASON_EXPR = re.compile(
    r"\b(?:(?P<rel>last|this|next|this\s+past|the\s+past|the\s+coming|the|early|late"
    r"|the\s+early|the\s+late)\s+)?(?P<season>spring|summer|fall|autumn|winter)\b"
    rf"(?:\s+(?:of\s+)?(?P<y>{YEAR}))?",
    re.IGNORECASE,
)
# A season with no year or "last/this/next" counts only after one of these words.
SEASON_CONTEXT = re.compile(
    r"\b(?:in|into|during|over|since|until|by|through|for|of)\s+(?:the\s+)?$", re.IGNORECASE
)
_DECADE_WORDS = {"twenties": 2, "thirties": 3, "forties": 4, "fifties": 5, "sixties": 6,
                 "seventies": 7, "eighties": 8, "nineties": 9}  # fmt: skip
DECADE_EXPR = re.compile(
    r"\b(?:the\s+)?(?:(?:early|mid|late)[\s-]+|mid-)?"
    r"(?:(?P<full>1[5-9]\d0|20[0-9]0)['’]?s\b|['’](?P<short>\d0)['’]?s\b"
    r"|(?P<word>twenties|thirties|forties|fifties|sixties|seventies|eighties|nineties)\b)",
    re.IGNORECASE,
)
REF_EXPR = re.compile(
    r"\b(?:(?P<present>(?:right\s+|just\s+|until\s+|up\s+to\s+|by\s+)?now|currently|at\s+present"
    r"|these\s+days|nowadays|at\s+the\s+moment)"
    r"|(?P<past>recently|the\s+past|lately|(?:in\s+)?recent\s+(?:years|months|weeks|days)"
    r"|(?<!\bthe\s)past\s+(?:years|decades))"
    r"|(?P<future>the\s+(?:near\s+|distant\s+)?future|the\s+(?:near|short|long)\s+term"
    r"|as\s+soon\s+as\s+possible|(?P<soon>(?<!\bas\s)soon(?![\w-]|\s+(?:after|afterwards?|thereafter|as)\b))"
    r"|(?P<coming>a\s+later\s+date|(?:the\s+)?coming\s+(?:days|weeks|months|quarters|years"
    r"|decades))|(?P<someday>one\s+day|someday|some\s+day)))\b",
    re.IGNORECASE,
)


def _quarter_of(day: date) -> int:
    return (day.month - 1) // 3 + 1


_quarter_value = quarter_value


def _earlier(mods: str) -> bool:
    return re.search(_EARLIER, mods, re.IGNORECASE) is not None


def quarter_candidate(match: re.Match[str], text: str, config: DatesConfig) -> Candidate | None:
    """ "the third quarter", "third-quarter (profit)", "the 1988 second quarter"."""
    quarter = _ORDINALS[match["ord"].lower()]
    if _in_a_game(text, match.start(), match.end()):
        return None
    mods = (match["mods"] or "") + " " + (match["det"] or "")
    year_token = match["y1"] or match["y2"]
    if year_token:
        return _quarter_span(match, _fixed(_quarter_value(int(year_token), quarter)))
    future = speaks_of_future(text, match.start())
    back = 1 if _earlier(mods) else 0
    year_rel = {"last": -1, "this": 0, "next": 1}.get(
        (match["yrel"] or match["yrel2"] or "").lower()
    )

    def resolve(anchor: Anchor | None) -> str | None:
        base = _base(anchor)
        if base is None:
            return None
        if year_rel is not None:  # "next year's first quarter"
            return _quarter_value(base.year + year_rel, quarter)
        current = _quarter_of(base)
        year = base.year
        if quarter > current and not future:
            year -= 1  # "the fourth quarter" in a May report of results: last year's
        elif quarter < current - 1 and future:
            # A coming quarter; not the one just closed, whose results are still to be
            # reported ("expects to report third-quarter net", written in October).
            year += 1
        return _quarter_value(year - back, quarter)

    if year_rel is None and not back and _ENDED_ON.match(text, match.end()):
        # "the second quarter ended Oct. 31": the year of the day it ended (a fiscal quarter
        # keeps its number), read from that date once it has its value.
        return Candidate(start=match.start(), end=match.end(), precision=None, anchor="next",
                         resolve=lambda end: None if end is None else _quarter_value(
                             end[0].year, quarter))  # fmt: skip
    return _quarter_span(match, resolve)


_ENDED_ON = re.compile(rf"\s+end(?:ed|ing)\s+(?:on\s+)?{MONTH}")


def quarter_deictic_candidate(
    match: re.Match[str], text: str, config: DatesConfig
) -> Candidate | None:
    """ "the quarter", "the latest quarter", "the current quarter", "the year-earlier quarter"."""
    if _in_a_game(text, match.start(), match.end()):
        return None
    mods = match["mods"].lower()
    det = match["det"].lower()
    if det in {"last", "next"} and (mods or re.match(r"\s+of\b", text[match.end() :])):
        return None  # "the company's last quarter of growth", "last fiscal quarter ..."
    current = "current" in mods or (det == "this" and not mods)
    back = 1 if _earlier(mods) or match["ago"] else 0
    step = 1 if det == "next" else 0

    def resolve(anchor: Anchor | None) -> str | None:
        base = _base(anchor)
        if base is None:
            return None
        quarter = _quarter_of(base) - (0 if current else 1) + 2 * step
        return _quarter_value(base.year - back, quarter)

    if det in {"last", "next"}:
        # "last quarter", "next quarter": counted from publication, never the one reported on.
        return _quarter_span(match, resolve)
    if det in {"the", "its"} and not (mods or match["ago"]) and _ENDED_ON.match(text, match.end()):
        # "the quarter ended July 31" names its quarter by its last day: the calendar quarter
        # that holds most of its three months (the one of the month before the end month;
        # May-July is 1989-Q2, as TimeBank writes it), never the quarter before publication
        # ("the quarter ended Sept. 30" in an October report was read as Q2). After a named
        # quarter it is that one, keeping a fiscal number ("its fiscal first quarter ... the
        # quarter ended Sept. 29").
        return Candidate(start=match.start(), end=match.end(), precision=None, anchor="next",
                         resolve=_quarter_ended, in_quarter=quarter_back(0))  # fmt: skip

    # "the quarter", "the year-earlier quarter" after a named (perhaps fiscal) quarter: that one.
    return _quarter_span(match, resolve, None if current else quarter_back(back), back or None)


def _quarter_ended(end: Anchor | None) -> str | None:
    if end is None:
        return None
    day = end[0]
    month = day.month - 1 or 12
    return _quarter_value(day.year - (month == 12), (month - 1) // 3 + 1)


def _quarter_span(
    match: re.Match[str],
    resolve: Callable[[Anchor | None], str | None],
    in_quarter: QuarterReading | None = None,
    years_back: int | None = None,
) -> Candidate:
    return Candidate(start=match.start(), end=match.end(), precision=None, resolve=resolve,
                     in_quarter=in_quarter, years_back=years_back)  # fmt: skip


_SEASON_ORDER = ("SP", "SU", "FA", "WI")


def _season_index(day: date) -> int:
    """Seasons numbered across years, year * 4 + (0 SP, 1 SU, 2 FA, 3 WI); December starts its
    year's winter, January and February end the winter of the year before."""
    if day.month <= 2:
        return (day.year - 1) * 4 + 3
    return day.year * 4 + (day.month - 3) // 3


def _season_value(index: int) -> str:
    year, number = divmod(index, 4)
    return f"{year:04d}-{_SEASON_ORDER[number]}"


def season_candidate(match: re.Match[str], text: str, config: DatesConfig) -> Candidate | None:
    """ "last fall", "this summer", "the winter of 1994", "in spring"."""
    code = _SEASONS[match["season"].lower()]
    rel = " ".join((match["rel"] or "").lower().split())
    number = _SEASON_ORDER.index(code)
    if match["y"]:
        return Candidate(start=match.start(), end=match.end(), precision=None,
                         resolve=_fixed(f"{int(match['y']):04d}-{code}"))  # fmt: skip
    if re.match(r"\s+of\b", text[match.end() :]):
        return None  # "the fall of the Berlin Wall", "spring of hope"
    word = match["season"]
    if word[:1].isupper() and not starts_sentence(text, match.start("season")):
        return None  # "a 3-year-old in Spring (Texas)": news writes seasons in lower case
    if rel in {"", "the", "early", "late", "the early", "the late"}:
        context = SEASON_CONTEXT.search(text[max(0, match.start() - 12) : match.start()])
        if rel in {"", "the"} and context is None:
            return None  # "spring water", "the summer heat wave", "the fall in prices"
        rel = "next" if speaks_of_future(text, match.start()) else "closest"

    def resolve(anchor: Anchor | None) -> str | None:
        base = _base(anchor)
        if base is None:
            return None
        now = _season_index(base)
        if rel == "this":
            return _season_value(now if now % 4 == number else base.year * 4 + number)
        if rel in {"last", "the past", "this past"}:
            found = now - ((now - number) % 4 or 4)
        elif rel in {"next", "the coming"}:
            found = now + ((number - now) % 4 or 4)
        else:
            # The current season, else the closer of the last and the next one, a coming one
            # counting double (as for months: "was to enter first grade in the fall", in June).
            back, ahead = (now - number) % 4, (number - now) % 4
            found = (
                now + ahead if back and ahead * config.future_season_weight < back else now - back
            )
        return _season_value(found)

    return Candidate(start=match.start(), end=match.end(), precision=None, resolve=resolve)


CENTURY_EXPR = re.compile(
    r"\b(?:(?P<n>\d{1,2})(?:st|nd|rd|th)|(?P<word>nineteenth|twentieth|twenty-first))"
    r"[\s-]+century\b",
    re.IGNORECASE,
)
_CENTURY_WORDS = {"nineteenth": 19, "twentieth": 20, "twenty-first": 21}


def century_candidate(match: re.Match[str], text: str, config: DatesConfig) -> Candidate | None:
    """ "the 20th century" -> "19", "11th-century" -> "10" (TimeML's century values)."""
    if re.match(r"Century\s+[A-Z]", text[match.end() - 7 :]):
        return None  # "20th Century Fox": a name
    number = int(match["n"]) if match["n"] else _CENTURY_WORDS[match["word"].lower()]
    if not 1 <= number <= 21:
        return None
    return Candidate(start=match.start(), end=match.end(), precision=None,
                     resolve=_fixed(f"{number - 1:02d}"))  # fmt: skip


def decade_candidate(match: re.Match[str], _text: str, config: DatesConfig) -> Candidate | None:
    """ "the 1980s", "the late '70s", "the nineties" (of the 1900s)."""
    if match["full"]:
        value = match["full"][:3]
    elif match["short"]:
        value = "19" + match["short"][0]
    else:
        value = "19" + str(_DECADE_WORDS[match["word"].lower()])
    return Candidate(start=match.start(), end=match.end(), precision=None, resolve=_fixed(value))


# "soon" is a FUTURE_REF only under a modal or future cue ("may soon seek", "it soon will").
SOON_BEFORE = re.compile(
    r"(?:\b(?:will|would|could|may|might|should|can|shall|expects?|expected|hopes?|plans?)\b"
    r"|'ll\b)[^.;,!?]{0,30}$|\bto\s+$",
    re.IGNORECASE,
)
# "will one day be", "could someday reach": "one day" / "someday" right after a modal.
_MODAL_RIGHT_BEFORE = re.compile(
    r"\b(?:will|could|may|might|can|shall)\s+(?:\w+ly\s+)?$|'ll\s+$", re.IGNORECASE
)
# "a pattern he would repeat in the coming decades": a future seen from the past, not from now.
_FUTURE_IN_THE_PAST = re.compile(r"\bwould\b", re.IGNORECASE)
SOON_AFTER = re.compile(r"\s+(?:will|would|could|may|might|be|to)\b", re.IGNORECASE)


def ref_candidate(match: re.Match[str], text: str, config: DatesConfig) -> Candidate | None:
    """ "now", "currently", "recently", "in the future": TimeML's PRESENT/PAST/FUTURE_REF."""
    if match["present"]:
        value = "PRESENT_REF"
        word = match["present"].lower()
        if word.endswith("now") and re.match(r"\s+that\b", text[match.end() :]):
            return None  # "now that": a conjunction
        if match["present"] == "Now" and text[match.end() : match.end() + 1] == ",":
            return None  # "Now, he says, ...": a discourse marker opening a sentence
    elif match["past"]:
        value = "PAST_REF"
        if match["past"].lower() == "the past" and re.match(
            r"\s+(?:\w+\s+)?(?:years?|months?|weeks?|days?|decades?|century|quarters?)\b",
            text[match.end() :],
        ):
            return None  # "the past two years": a duration
    else:
        value = "FUTURE_REF"
        if match["soon"] and not (
            SOON_BEFORE.search(text[max(0, match.start() - 40) : match.start()])
            or SOON_AFTER.match(text, match.end())
        ):
            return None  # "Rahman soon grew tired": narrative "soon" names no time to come
        if match["someday"] and not _MODAL_RIGHT_BEFORE.search(
            text, max(0, match.start() - 30), match.start()
        ):
            return None  # "one day" is a day's length or a narrative "one day he left"
        if (match["coming"] or match["someday"]) and _FUTURE_IN_THE_PAST.search(
            sentence_before(text, match.start())
        ):
            return None
    return Candidate(start=match.start(), end=match.end(), precision=None, resolve=_fixed(value))


COARSE_PATTERNS = (
    (QUARTER_EXPR, quarter_candidate, ("quarter",)),
    (QUARTER_DEICTIC_EXPR, quarter_deictic_candidate, ("quarter",)),
    (RESULTS_PERIOD_EXPR, results_period_candidate, ("period",)),
    (YEAR_QUARTER_EXPR, year_quarter_candidate, ("quarter", "period")),
    (YEAR_AGO_EXPR, year_ago_candidate, ("ago", "earlier")),
    (HALF_EXPR, half_candidate, ("half", "quarters")),
    (SEASON_EXPR, season_candidate, ("spring", "summer", "fall", "autumn", "winter")),
    (DECADE_EXPR, decade_candidate, ("#4", "#", *_DECADE_WORDS)),
    (CENTURY_EXPR, century_candidate, ("century",)),
    (REF_EXPR, ref_candidate, ("now", "currently", "present", "these", "nowadays", "moment",
                               "recently", "past", "lately", "recent", "future", "term",
                               "soon", "possible", "years", "decades", "later", "coming",
                               "day", "someday")),
)  # fmt: skip
