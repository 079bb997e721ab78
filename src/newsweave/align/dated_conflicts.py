"""The date of one happening told two ways: "sold ... for a reported $30 million in 1957" vs
"sold for $30 million in 1967"; "the 2005 film The Notorious Bettie Page" vs "the 2006 HBO
movie, The Notorious Bettie Page" (ECB+ train stories read for split fresh12). "He pleaded
guilty ... in July 1973" vs "On June 27, 1973, he pleaded guilty" is left: nothing but a pronoun
says whose plea it is.

A year is what news writes most often about other things (background, earlier cases, careers),
so the slot rule (`align.slot_conflicts`) compares years only between sentences that say nearly
the same words. This rule reads a narrower frame instead and says less whenever it can:
- the happening is named by a verb of one class (`_HAPPENINGS`: a sale, a release, a death...)
  right before the date (or right after a date that opens the sentence: "On June 27, 1973, he
  pleaded guilty"), or by a work's noun ("the 2005 film");
- the sentence dates exactly one thing: it holds one year, no range ("from 1963 to 1968",
  "1951-1957"), no decade, and is no quote in the first person;
- the two sentences share what happened to: the same amount ("$30 million") or the same title
  (a quoted title, or a run of capitalised words after the verb); a person's name is enough
  only for a birth or a death (one person sells, marries or is sentenced more than once);
- the two dates cannot be one: different years, or different months of one year;
- two independent voices, and no voice writes both dates of that happening.
Happenings that recur for one thing (wins, hostings, arrests, convictions, sentences) are not
read: a team wins a title in two years, a man is convicted twice. An indictment is read, of the
named thing written after its verb (one bribery of one town's police is indicted once).

A weekday dates one happening the same way, more narrowly still: a check-in or an escape
(`_DAY_HAPPENINGS`) at a named place written between the verb and the weekday ("checked into
Promises Treatment Center on Friday" vs "entered Malibu Promises Treatment Center on
Tuesday"; a place is also the last words of its name), one weekday in the sentence and not the
day something was told ("confirmed to People on Friday"). "Late Thursday" and "early Friday"
(or "Thursday night" and "Friday morning") can be one night and agree. A death is dated by a
weekday right after its verb ("died on Friday", "died Thursday at his home"), of the name that
opens the sentence (a person dies once; others named in a clause are not who died).
A date may also stand between a subject and its verb ("Palmer voters in 2010 approved a $3
million bond"); a vote (`approved`) is one happening of what it passes, known by its amount or
title. A month with no year written ("Reid launched a new fashion line called Mantra in
December" vs "... called Mantra in September", ECB+ 1_ecb, session 16) dates a happening too,
in a sentence naming no year and no other month, planning nothing ("will", "set for"), never a
birth or death (an anniversary as often): two different months cannot be one date whatever
their years, so no year is guessed from the publication date; beside a bare year it says
nothing, and it joins the dated month of its name. A one-word name ("called Mantra") is what a
happening befalls, as a title is. Read over every ECB+ and GVC story (each article its own
voice), these rules report seven conflicts, all real disagreements (three years, two weekdays,
an indictment's year, two months) and no false one (session 13: the death and the vote were
read on split fresh13 after its untouched run; session 16: the yearless month adds only the
Mantra pair).
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass

from newsweave.align.conflict_base import FIRST_PERSON, Statement
from newsweave.align.per_text import kept_per_text
from newsweave.align.place_conflicts import two_forms_conflict
from newsweave.model import Conflict

__all__ = ["DatedHappening", "dated_conflicts", "dated_happenings"]

_MONTHS = (
    "January", "February", "March", "April", "May", "June", "July", "August", "September",
    "October", "November", "December",
)  # fmt: skip
_MONTH_NUMBER = {m: i for i, m in enumerate(_MONTHS, start=1)}
_MONTH_NUMBER |= {m[:3]: i for m, i in list(_MONTH_NUMBER.items())} | {"Sept": 9}
_MONTH = "|".join(sorted(_MONTH_NUMBER, key=len, reverse=True))
# "June 27, 1973", "July 1973", "1957"; not "1950s", "$1957", "1951-1957", "2,005".
_DATE = re.compile(
    r"(?:\b(?P<month>" + _MONTH + r")\.?\s+(?:\d{1,2}(?:st|nd|rd|th)?,?\s+)?)?"
    r"(?<![\w$.,/-])(?P<year>(?:19|20)\d{2})(?![\w-]|\s*(?:-|–|to|and|or)\s*(?:19|20)?\d{2}\b)"
)
# A month with no year ("in December", "on Dec. 13"): `_by_month`. Read as a month only: two
# different months cannot be one date whatever their years, so no year need be guessed.
_YEARLESS_MONTH = re.compile(
    r"\b(?:in|on)\s+(?:early\s+|late\s+|mid-)?(?P<month>" + _MONTH + r")\b\.?"
    r"(?:\s+\d{1,2}(?:st|nd|rd|th)?\b)?"
)
_ANY_MONTH = re.compile(r"\b(?:" + _MONTH + r")\b")
_PLANNED = re.compile(
    r"\b(?:will|would|to be|set (?:to|for)|scheduled|expected|plans?|planned|due|until)\b", re.I
)
_IN_DATE = re.compile(r"\b(?:in|on)\s+$", re.I)
_RANGE_BEFORE = re.compile(r"\b(?:from|between|through|until|till|since|before|after)\s+$", re.I)

# Verbs of happenings that befall one thing once, by class.
_HAPPENINGS = {
    "sold": ("sold", "sells", "sell", "selling"),
    "bought": ("bought", "purchased", "acquired"),
    "founded": ("founded", "established", "incorporated"),
    "released": ("released", "premiered", "debuted", "published", "aired"),
    "died": ("died", "killed", "passed away"),
    "born": ("born",),
    "pleaded": ("pleaded guilty", "pled guilty", "pleaded no contest"),
    "built": ("built", "constructed", "completed"),
    "opened": ("opened", "inaugurated"),
    "closed": ("closed", "shut down"),
    "launched": ("launched",),
    # A vote passes one measure once; what it befalls is read as for every class (an amount,
    # a title), so two budgets of two years never meet unless their amounts are one.
    "approved": ("approved",),
    "discovered": ("discovered",),
    # A man is indicted more than once, but for one named thing once: what it befalls must be
    # shared as for every class ("In 1969, he was indicted ... to bribe the entire five-member
    # Old Tappan police force" vs "In 1970, he was indicted for bribing the entire five-man
    # police force of Old Tappan", ECB+ 26_ecbplus, read on split fresh13 after its untouched
    # run; over every ECB+ and GVC story the class adds that one conflict and no other).
    "indicted": ("indicted",),
}
_VERB_CLASS = {form: cls for cls, forms in _HAPPENINGS.items() for form in forms}
_VERB = re.compile(
    r"\b(?:"
    + "|".join(sorted((re.escape(f) for f in _VERB_CLASS), key=len, reverse=True))
    + r")\b",
    re.I,
)
# A work named by its year: "the 2005 film", "the 2006 HBO movie", "his 1998 album".
_WORKS = "film|movie|documentary|biopic|book|novel|memoir|album|single|play|musical|series|show"
_WORK_AFTER_YEAR = re.compile(r"\s+(?:[A-Z][\w&!.-]*\s+)?(?P<work>" + _WORKS + r")\b")
_WORK_KIND = {"movie": "film", "biopic": "film", "documentary": "film", "novel": "book",
              "memoir": "book", "musical": "play"}  # fmt: skip
_WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
_WEEKDAY = re.compile(
    r"\b(?:(?P<early>early)\s+|(?P<late>late)\s+)?(?P<day>" + "|".join(_WEEKDAYS) + r")"
    r"(?:\s+(?P<part>morning|afternoon|evening|night))?\b"
)
# A telling right before a weekday ("said Friday", "told People on Friday"): its day, not the
# happening's.
_TOLD = re.compile(
    r"\b(?:said|says|told(?: \w+)?|announced|reported|confirmed(?: \w+)?|added|stated)"
    r"(?: on)? $"
)
# Happenings dated by a weekday that befall one person at one place once in a story.
_DAY_HAPPENINGS = {
    "entered": (
        "checked into", "checked in to", "checked herself into", "checked himself into",
        "entered", "admitted to", "admitted herself to", "admitted himself to",
    ),
    "escaped": ("escaped from", "fled from"),
}  # fmt: skip
_DAY_VERB_CLASS = {form: cls for cls, forms in _DAY_HAPPENINGS.items() for form in forms}
_DAY_VERB = re.compile(
    r"\b(?:"
    + "|".join(sorted(_DAY_VERB_CLASS, key=len, reverse=True)).replace(" ", r"\s+")
    + r")\b",
    re.I,
)
_GENERIC_PLACE_WORDS = {
    "center", "centre", "treatment", "recovery", "medical", "hospital", "clinic", "county",
    "city", "state", "prison", "unit", "jail", "house", "home", "facility", "the",
}  # fmt: skip
# A person is born and dies once: their name is enough to tell what is dated.
_ONCE_PER_PERSON = {"born", "died"}
# How many words may stand between the verb and the date it is dated by.
_VERB_REACH = 12
# A death's weekday follows its verb closely ("died Thursday at his home", "died on Friday");
# a weekday further on dates something else ("died ... after he was arrested on Monday").
_DEATH_VERB = re.compile(r"\b(?:died|passed away)\b", re.I)
_DEATH_REACH = 2
_WORDS = re.compile(r"\S+")
# What a happening befalls: an amount, a quoted title, a run of two or more capitalised words.
_AMOUNT = re.compile(r"[$£€]\s?\d[\d,.]*(?:\s?(?:million|billion|m|bn)\b)?", re.I)
_QUOTED = re.compile(r"[\"“]([^\"“”]{3,80})[\"”]")
_CAPITAL_RUN = re.compile(r"\b[A-Z][\w'’&-]*(?:\s+(?:of\s+|the\s+|and\s+)?[A-Z][\w'’&-]*)+")
_CALLED = re.compile(r"\b(?:called|named|titled|dubbed)\s+[\"“]?(?P<name>[A-Z][\w'’&-]{2,30})")
_NOT_A_TITLE = set(_MONTHS) | {"Mr", "Mrs", "Ms", "Dr", "The", "A", "An", "In", "On", "At"}


@dataclass(frozen=True, slots=True)
class DatedHappening:
    """One dated happening a sentence states: its class, the things it befalls, its date
    ("1973-06" when a month is written, else "1973")."""

    happening: str
    things: frozenset[str]
    date: str


@kept_per_text
def dated_happenings(text: str) -> list[DatedHappening]:
    """The dated happenings of a sentence (at most one by its year, one by its weekday; see
    the module docstring)."""
    if FIRST_PERSON.search(text):
        return []
    return _by_year(text) + _by_month(text) + _by_weekday(text)


def _by_weekday(text: str) -> list[DatedHappening]:
    """A happening dated by a weekday ("entered Malibu Promises Treatment Center on Tuesday"):
    one weekday in the sentence, right after a verb of `_DAY_HAPPENINGS`, not a telling's day
    ("said Friday")."""
    days = list(_WEEKDAY.finditer(text))
    if len(days) != 1:
        return []
    match = days[0]
    if _TOLD.search(text, max(0, match.start() - 30), match.start()):
        return []
    before = text[: match.start()]
    verbs = list(_DAY_VERB.finditer(before))
    deaths = list(_DEATH_VERB.finditer(before))
    if deaths and (not verbs or deaths[-1].start() > verbs[-1].start()):
        # A person dies once: the name written before the verb is what the weekday dates
        # ("Mark Felt, ..., died on Friday" vs "W. Mark Felt, ..., died on Thursday").
        verb = deaths[-1]
        if len(_WORDS.findall(before[verb.end() :])) > _DEATH_REACH:
            return []
        happening = "died"
        things = _names(text[: verb.start()], first_only=True)
    else:
        if not verbs or len(_WORDS.findall(before[verbs[-1].end() :])) > _VERB_REACH:
            return []
        verb = verbs[-1]
        happening = _DAY_VERB_CLASS[re.sub(r"\s+", " ", verb.group(0).lower())]
        things = _places(text[verb.end() : match.start()])
    if not things:
        return []
    early = bool(match["early"]) or match["part"] == "morning"
    late = bool(match["late"]) or match["part"] in ("evening", "night")
    date = match["day"] + (" late" if late else " early" if early else "")
    return [DatedHappening(f"{happening} (weekday)", things, date)]


def _places(text: str) -> frozenset[str]:
    """The named places a happening is at, as keys: each run of capitalised words and its
    last two or more words ("Malibu Promises Treatment Center" is also "Promises Treatment
    Center"), never a run of generic words alone."""
    out: set[str] = set()
    for run in _CAPITAL_RUN.finditer(text):
        words = _key(run.group(0)).split()
        for start in range(len(words) - 1):
            tail = words[start:]
            if not all(w in _GENERIC_PLACE_WORDS for w in tail):
                out.add(" ".join(tail))
    return frozenset(out)


def _by_year(text: str) -> list[DatedHappening]:
    dates = list(_DATE.finditer(text))
    years = re.findall(r"(?<!\d)(?:19|20)\d{2}(?!\d)", text)
    if len(dates) != 1 or len(years) != 1:
        return []
    match = dates[0]
    if _RANGE_BEFORE.search(text, max(0, match.start() - 12), match.start()):
        return []
    month = match["month"]
    date = f"{match['year']}-{_MONTH_NUMBER[month]:02d}" if month else match["year"]
    happening, after = _happening_of(text, match)
    if happening is None:
        return []
    things = _things(text, after)
    if happening in _ONCE_PER_PERSON:
        things |= _names(text[: match.start()])
    if not things:
        return []
    return [DatedHappening(happening, things, date)]


def _by_month(text: str) -> list[DatedHappening]:
    """A happening dated by a month with no year written ("launched a new fashion line called
    Mantra in December"): the sentence holds no year and that one month, after "in" or "on",
    and plans nothing (a release "set for December" may move: a delay, no dispute)."""
    if re.search(r"(?<!\d)(?:19|20)\d{2}(?!\d)", text) or _PLANNED.search(text):
        return []
    months = list(_YEARLESS_MONTH.finditer(text))
    if len(months) != 1 or len(_ANY_MONTH.findall(text)) != 1:
        return []
    match = months[0]
    happening, after = _happening_of(text, match)
    if happening is None or happening in _ONCE_PER_PERSON:
        # A birthday or a death's month with no year is an anniversary as often as the day.
        return []
    things = _things(text, after)
    if not things:
        return []
    return [DatedHappening(happening, things, f"????-{_MONTH_NUMBER[match['month']]:02d}")]


def _happening_of(text: str, match: re.Match[str]) -> tuple[str | None, int]:
    """The class of the happening the date at `match` dates, and where its object begins."""
    if work := _WORK_AFTER_YEAR.match(text, match.end()):
        # A book and the film made of it share a title: the work's kind is part of what
        # was released ("the 1974 book" and "the 1976 movie" of one title are two works).
        return f"released ({_WORK_KIND.get(work['work'], work['work'])})", match.end()
    before = text[: match.start()]
    verbs = list(_VERB.finditer(before))
    if verbs:
        verb = verbs[-1]
        if len(_WORDS.findall(before[verb.end() :])) <= _VERB_REACH:
            return _VERB_CLASS[verb.group(0).lower()], verb.end()
        return None, 0
    if len(_WORDS.findall(before)) <= 2:
        # "On June 27, 1973, he pleaded guilty ...": a date that opens its sentence.
        after = _VERB.search(text, match.end())
        if after and len(_WORDS.findall(text[match.end() : after.start()])) <= 3:
            return _VERB_CLASS[after.group(0).lower()], after.end()
    if _IN_DATE.search(before):
        # "Palmer voters in 2010 approved a $3 million bond": the date stands between the
        # subject and its verb.
        rest = text[match.end() :]
        after = _VERB.match(text, match.end() + len(rest) - len(rest.lstrip(", ")))
        if after:
            return _VERB_CLASS[after.group(0).lower()], after.end()
    return None, 0


def _things(text: str, after: int) -> frozenset[str]:
    """What the happening befalls, as keys: amounts and titles written after its verb."""
    rest = text[after:]
    found = {re.sub(r"\s+", "", m.group(0)).lower() for m in _AMOUNT.finditer(rest)}
    found |= {_key(m.group(1)) for m in _QUOTED.finditer(rest) if " " in m.group(1).strip()}
    for run in _CAPITAL_RUN.finditer(rest):
        words = [w for w in run.group(0).split() if w not in _NOT_A_TITLE]
        if len(words) >= 2 and not any(w.rstrip(".,") in _MONTH_NUMBER for w in words):
            found.add(_key(" ".join(words)))
    # A one-word name a thing is given ("a new fashion line called Mantra").
    found |= {_key(m["name"]) for m in _CALLED.finditer(rest) if m["name"] not in _MONTH_NUMBER}
    return frozenset(found)


def _names(text: str, *, first_only: bool = False) -> frozenset[str]:
    """The full names (two or more capitalised words) written before a person's birth or death
    date: a person is born and dies once, so the name is what the date befalls. `first_only`:
    the sentence's first name alone (its subject; a weekday's death sentence often names
    others in a clause: "X, who helped bring down President Richard M. Nixon, died ...")."""
    out = set()
    for run in _CAPITAL_RUN.finditer(text):
        words = [w for w in run.group(0).split() if w not in _NOT_A_TITLE]
        if len(words) >= 2 and not any(w.rstrip(".,") in _MONTH_NUMBER for w in words):
            out.add(_key(" ".join(words)))
            if first_only:
                break
    return frozenset(out)


def _key(title: str) -> str:
    """A title as a key: lower case, without the punctuation quotes carry ("Men," / "Men")."""
    return " ".join(re.findall(r"[\w'’&]+", title.lower()))


def dated_conflicts(story_id: str, statements: Sequence[Statement]) -> list[Conflict]:
    """Conflicts (basis "date") on the date of one happening of one thing."""
    read = [dated_happenings(s.evidence.text) for s in statements]
    # (happening, thing) -> date -> statements
    held: dict[tuple[str, str], dict[str, list[int]]] = defaultdict(lambda: defaultdict(list))
    for index, found in enumerate(read):
        for item in found:
            for thing in item.things:
                held[(item.happening, thing)][item.date].append(index)
    out: list[Conflict] = []
    seen: set[tuple[str, tuple[tuple[int, ...], ...]]] = set()
    for (happening, _thing), by_date in sorted(held.items()):
        forms = _incompatible_pair(by_date)
        if forms is None:
            continue
        # One sale named by its amount and its field is one dispute, reported once.
        sides = (happening, tuple(sorted(tuple(sorted(held)) for held in forms.values())))
        if sides in seen:
            continue
        seen.add(sides)
        # "date of: The son sold one of their oil fields for $30 million in 1957 ..." (as the
        # slot rule names a year): the sentence says what is dated better than a key does.
        first = min(i for held in forms.values() for i in held)
        topic = f"date of: {statements[first].evidence.text}"
        # A month written with no year shows as its name ("December"), not as a date key.
        forms = {(_MONTHS[int(d[5:]) - 1] if d.startswith("?") else d): h for d, h in forms.items()}
        out += two_forms_conflict(story_id, topic, forms, statements, mentions=False, basis="date")
    return out


def _incompatible_pair(by_date: dict[str, list[int]]) -> dict[str, list[int]] | None:
    """Exactly two dates of one happening that cannot be one, with the statements holding
    each; None otherwise."""
    if any(d.split()[0] in _WEEKDAYS for d in by_date):
        return _weekday_pair(by_date)
    # A bare year joins the one month of it that is written ("1973" with "June 27, 1973");
    # under two months of it, it says neither and is left out.
    finer = [d for d in by_date if len(d) > 4 and not d.startswith("?")]
    positions: dict[str, list[int]] = {d: list(by_date[d]) for d in finer}
    for year in (d for d in by_date if len(d) == 4):
        months = [d for d in finer if d[:4] == year]
        if not months:
            positions[year] = list(by_date[year])
        elif len(months) == 1:
            positions[months[0]] += by_date[year]
    # A month with no year ("????-12") joins the one dated month of that name; beside a bare year
    # it says nothing (December of which year?), under two of them it says neither.
    for month in (d for d in by_date if d.startswith("?")):
        same = [d for d in positions if d[4:] == month[4:]]
        if any(len(d) == 4 for d in positions):
            return None
        if not same:
            positions[month] = list(by_date[month])
        elif len(same) == 1:
            positions[same[0]] += by_date[month]
    return positions if len(positions) == 2 else None


def _weekday_pair(by_date: dict[str, list[int]]) -> dict[str, list[int]] | None:
    """Two weekdays of one happening, unless they can be one night: "late Thursday" (or
    "Thursday night") and "early Friday" (or "Friday morning") are one check-in at 1:30 a.m."""
    days: dict[str, list[int]] = defaultdict(list)
    flags: dict[str, set[str]] = defaultdict(set)
    for date, held in by_date.items():
        day, *flag = date.split()
        days[day] += held
        flags[day] |= set(flag)
    if len(days) != 2:
        return None
    first, second = sorted(days, key=_WEEKDAYS.index)
    for earlier, later in ((first, second), (second, first)):
        next_day = _WEEKDAYS[(_WEEKDAYS.index(earlier) + 1) % 7] == later
        if next_day and "late" in flags[earlier] and "early" in flags[later]:
            return None
    return dict(days)
