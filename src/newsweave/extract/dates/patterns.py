"""The vocabulary of time expressions: word tables, regexes and the context tests around them.

`grammar.py` pairs each `*_EXPR` with a builder; the tests here ("is this sentence about the
future?", "is this May a verb?") are shared by the builders.
"""

from __future__ import annotations

import re

MONTHS = {
    "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4, "apr": 4,
    "may": 5, "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8, "september": 9,
    "sept": 9, "sep": 9, "october": 10, "oct": 10, "november": 11, "nov": 11, "december": 12,
    "dec": 12,
}  # fmt: skip
WEEKDAYS = {
    "monday": 0, "mon": 0, "tuesday": 1, "tue": 1, "tues": 1, "wednesday": 2, "wed": 2,
    "thursday": 3, "thu": 3, "thur": 3, "thurs": 3, "friday": 4, "fri": 4, "saturday": 5,
    "sat": 5, "sunday": 6, "sun": 6,
}  # fmt: skip
NUMBER_WORDS = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
    "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
    "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "a couple of": 2,
}  # fmt: skip
VAGUE_COUNTS = ("a few", "few", "several", "some", "many")

MONTH = (
    r"(?<![A-Za-z])(?:(?:January|February|March|April|May|June|July|August|September|October"
    r"|November|December)(?![\w-])(?:\.(?=\s*\d))?|(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)(?![\w-])\.?)"
)
FULL_WEEKDAY = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
ANY_WEEKDAY = r"(?<![A-Za-z])(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|Mon|Tues|Tue|Wed|Thurs|Thur|Thu|Fri|Sat|Sun)"  # noqa: E501
YEAR = r"(?:1[89]|20)\d\d(?!\d)"
DAY = r"(?<!\d)[0-3]?\d(?:st|nd|rd|th)?(?!\d)"
PERIOD_MOD = (
    r"\b(?:(?:the\s+)?(?:very\s+)?(?:end|beginning|start|middle|close|turn)\s+of\s+"
    r"|(?:early|late|mid)[\s-]+|mid-)"
)

MONTH_EXPR = re.compile(
    rf"(?P<mod>{PERIOD_MOD})?(?P<rel>\b(?:last|next|this|coming)\s+)?"
    rf"(?:(?P<wd>{ANY_WEEKDAY})\.?,?\s+)?"
    rf"(?:(?P<m1>{MONTH})\s*(?P<d1>{DAY})(?:(?:\s*,\s*|\s+)(?P<y1>{YEAR}))?"
    rf"|(?:\bthe\s+)?(?P<d2>{DAY})(?:\s+of)?\s+(?P<m2>{MONTH})(?:,?\s+(?P<y2>{YEAR}))?"
    rf"|(?P<m3>{MONTH})(?:,?\s+(?:of\s+)?(?P<y3>{YEAR}))?)"
    r"(?:,?\s+(?P<yrel>last|this|next)\s+year\b(?!['’]s))?",
    re.IGNORECASE,
)
# Years and days as broadcast transcripts spell them: "nineteen ninety-six", "March eighth".
_TEENS = ("ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen",
          "eighteen", "nineteen")  # fmt: skip
_TENS = ("twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety")
_ONES = ("one", "two", "three", "four", "five", "six", "seven", "eight", "nine")
SPOKEN_YEAR = (
    rf"(?:(?:nineteen|twenty)\s+(?:{'|'.join(_TEENS)}|(?:{'|'.join(_TENS)})(?:[\s-](?:{'|'.join(_ONES)}))?)"
    rf"|two\s+thousand(?:\s+and)?(?:\s+(?:{'|'.join(_ONES)}))?)(?![\w-])"
)
ORDINAL_WORDS = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7,
    "eighth": 8, "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12, "thirteenth": 13,
    "fourteenth": 14, "fifteenth": 15, "sixteenth": 16, "seventeenth": 17, "eighteenth": 18,
    "nineteenth": 19, "twentieth": 20, "thirtieth": 30,
}  # fmt: skip
_ORDINAL_DAY = (
    r"(?:(?P<dtens>twenty|thirty)-)?(?P<dword>first|second|third|fourth|fifth|sixth|seventh"
    r"|eighth|ninth|tenth|eleventh|twelfth|thirteenth|fourteenth|fifteenth|sixteenth"
    r"|seventeenth|eighteenth|nineteenth|twentieth|thirtieth)\b(?!-)"
)
ORDINAL_DAY_AFTER = re.compile(rf"\s+(?:the\s+)?{_ORDINAL_DAY}", re.IGNORECASE)
SPOKEN_EXPR = re.compile(
    rf"(?:(?:(?P<wd>{FULL_WEEKDAY}),?\s+)?(?P<m>{MONTH})\s+(?:(?:the\s+)?{_ORDINAL_DAY}(?:,?\s+(?P<y1>{SPOKEN_YEAR}))?"
    rf"|(?P<y2>{SPOKEN_YEAR}))|(?P<y3>{SPOKEN_YEAR}))",
    re.IGNORECASE,
)
SPOKEN_NUMBERS = (
    {word: index + 10 for index, word in enumerate(_TEENS)}
    | {word: 20 + 10 * index for index, word in enumerate(_TENS)}
    | {word: index + 1 for index, word in enumerate(_ONES)}
)


def spoken_year(words: str) -> int:
    """ "nineteen ninety-six" -> 1996, "two thousand and one" -> 2001 (a SPOKEN_YEAR match)."""
    parts = [w for w in re.split(r"[\s-]+", words.lower()) if w != "and"]
    if parts[:2] == ["two", "thousand"]:
        return 2000 + sum(SPOKEN_NUMBERS[w] for w in parts[2:])
    return (1900 if parts[0] == "nineteen" else 2000) + sum(SPOKEN_NUMBERS[w] for w in parts[1:])


YEAR_EXPR = re.compile(rf"(?P<mod>{PERIOD_MOD})?(?<![\w$€£#.,:/])(?P<y>{YEAR})", re.IGNORECASE)
ISO_EXPR = re.compile(r"(?<![\d-])(?P<y>(?:19|20)\d\d)-(?P<m>[01]\d)-(?P<d>[0-3]\d)(?!\d)")
NUMERIC_EXPR = re.compile(r"(?<![\d/.])(?P<a>\d{1,2})/(?P<b>\d{1,2})/(?P<y>\d{4}|\d{2})(?![\d/])")
DEICTIC_EXPR = re.compile(
    r"\b(?:(?P<two>the\s+day\s+(?:before\s+yesterday|after\s+tomorrow))"
    r"|(?P<word>yesterday|today|tonight|tomorrow)"
    r"|(?P<rel>this|last)\s+(?P<part>morning|afternoon|evening|night))\b",
    re.IGNORECASE,
)
# "today's" before these nouns is the present age ("today's youth", "today's challenges").
GENERIC_TODAY_AFTER = re.compile(
    r"['’]s\s+(?:[\w-]+\s+){0,2}(?:world|society|youth|young|children|kids|teenagers|generation"
    r"|economy|challenges|problems|standards|culture|times|age|era|politics|climate|environment"
    r"|marketplace|workplace|technology|media|families|parents|students|schools|America"
    r"|Britain|Europe|Russia|China|India|Africa)\b"
)
PERIOD_EXPR = re.compile(
    r"\b(?:(?P<mod>earlier|later|early|late)\s+)?(?:(?P<the>the\s+)?(?P<rel>this|last|next|coming))"
    r"\s+(?P<unit>week|month|year|weekend)\b",
    re.IGNORECASE,
)
# "For the year, volume was flat", "the full year", "the current fiscal year", "by year end": the
# publication's year ("since year-end": the last day of the year before). Not "the year ended
# June 30" (a span), "the year-earlier quarter", "the year before", "in the year 2000", nor
# "done for the year" mid-clause (`current_year_candidate`).
CURRENT_YEAR_EXPR = re.compile(
    r"\b(?:(?P<lead>for|of|in|through|throughout|during)\s+)?the\s+"
    r"(?P<mods>(?:(?:full|fiscal|current|calendar|entire|whole)[\s-]+)*)year"
    r"(?![\w-]|\s+(?:ended|ending|earlier|ago|before|after|since|to\s+date|\d)\b)"
    r"|\b(?:(?P<since>since)|by|at|before|until|toward|towards)\s+"
    r"(?P<end>year[\s-]end|year['’]s\s+end)\b",
    re.IGNORECASE,
)
# "Earlier that day", "that same day": the day mentioned before; "the following year".
SAME_DAY_EXPR = re.compile(
    r"\b(?:(?:earlier|later)\s+that\s+day|that\s+same\s+day)\b", re.IGNORECASE
)
SEQUENCE_PERIOD_EXPR = re.compile(
    r"\bthe\s+(?P<which>following|previous|prior)\s+(?P<unit>year|month)\b(?![\s-]+(?:ended|ending)\b)",
    re.IGNORECASE,
)
WEEKEND_EXPR = re.compile(r"\bthe\s+weekend\b", re.IGNORECASE)
HOLIDAYS = {
    "christmas": (12, 25), "christmas day": (12, 25), "christmas eve": (12, 24),
    "new year's day": (1, 1), "new year's eve": (12, 31), "halloween": (10, 31),
    "valentine's day": (2, 14), "boxing day": (12, 26), "independence day": (7, 4),
    "fourth of july": (7, 4), "july fourth": (7, 4),
}  # fmt: skip
# Holidays whose day changes with the year, each with a rough (month, day) for choosing the
# year before its exact day is computed (grammar.holiday_day). Only names that mean one day
# wherever English news is written; Election Day is the US one, as Thanksgiving and
# Independence Day are read as the US ones. Not Mother's Day (Britain's is in Lent) nor Labor
# Day (May 1 in much of the world).
MOVABLE_HOLIDAYS = {
    "thanksgiving": (11, 25), "thanksgiving day": (11, 25), "easter": (4, 8),
    "easter sunday": (4, 8), "father's day": (6, 18), "election day": (11, 4),
}  # fmt: skip
HOLIDAY_EXPR = re.compile(
    r"(?P<name>\b(?:Christmas(?:\s+(?:Day|Eve))?|New\s+Year['’]s\s+(?:Day|Eve)|Halloween"
    r"|Valentine['’]s\s+Day|Boxing\s+Day|Independence\s+Day|Thanksgiving(?:\s+Day)?"
    r"|Fourth\s+of\s+July|July\s+Fourth"
    r"|Easter(?:\s+Sunday)?(?!\s+(?:Monday|Island|Rising|egg|bunny))"
    r"|Father['’]s\s+Day|Election\s+Day)\b"
    r"|(?<![\d/])9/11(?![\d/]))"
)
# "the Fourth of July" is that day even without a temporal word ("celebrating the Fourth of
# July", "the Fourth of July slaying"); "a Christmas concert" or "Easter eggs" name no day.
DEFINITE_HOLIDAY_BEFORE = re.compile(r"\bthe\s+$", re.IGNORECASE)
DEFINITE_HOLIDAYS = frozenset({"fourth of july"})
HOLIDAY_CONTEXT = re.compile(
    r"\b(?:on|at|by|since|until|before|after|over|for|during|this|last|next|of|through|come|to"
    r"|till)\s+$",
    re.IGNORECASE,
)
# "the start of the year": the publication's year, month or week.
PART_OF_PERIOD_EXPR = re.compile(
    r"\b(?:the\s+)?(?:very\s+)?(?:end|beginning|start|middle)\s+of\s+the\s+(?P<unit>week|month|year)\b",
    re.IGNORECASE,
)
WEEKDAY_EXPR = re.compile(
    rf"(?:\b(?P<rel>last|next|this|early|late|the\s+(?:previous|preceding|following))\s+)?"
    rf"\b(?P<wd>{FULL_WEEKDAY})\b(?!-)"
    r"(?:'s)?(?:\s+(?P<part>morning|afternoon|evening|night))?",
    re.IGNORECASE,
)
COUNT = "|".join(sorted((re.escape(w) for w in (*NUMBER_WORDS, *VAGUE_COUNTS)), key=len)[::-1])
OFFSET_EXPR = re.compile(
    rf"\b(?P<n>\d{{1,3}}|{COUNT})\s+(?P<unit>day|week|month|year)s?(?:\s+or\s+so)?\s+"
    r"(?P<dir>ago|earlier|later|after|before|from\s+now|previously|since)\b",
    re.IGNORECASE,
)
SEQUENCE_EXPR = re.compile(
    r"\b(?:the\s+(?P<which>next|following|previous|prior)\s+day"
    r"|the\s+day\s+(?P<dir>before|after)(?!\s+(?:yesterday|tomorrow)))\b",
    re.IGNORECASE,
)

# "May" and "March" are verbs too; alone they are months only after a word like these. "for"
# only in a scheduling frame ("a trial set for July", "slated for May"): "voted for May" is not.
MONTH_CONTEXT = re.compile(
    r"(?:\b(?:in|since|by|until|till|through|throughout|during|from|to|of|last|next|this|early|"
    r"late|mid|between|and|or|before|after|since|around|as of)\s+|mid-"
    r"|\b(?:set|scheduled|rescheduled|slated|planned|postponed|delayed|due)\s+for\s+)$",
    re.IGNORECASE,
)
FUTURE_CUE = re.compile(
    r"(?:\b(?:is|are)|['’](?:re|s))\s+(?:to|due|expected|scheduled|set|slated|going\s+to)\b"
    r"|\bcan\s+(?:also\s+)?(?!have\b)\w+"  # "parents can contact the school on Monday"
    r"|\b(?:will|shall|won't)\b|'ll\b|\bscheduled\b|\bupcoming\b|\bplans?\s+(?:to|a|an)\b"
    # "a vigil is planned for Thursday", "police are planning a news conference for Thursday",
    # "both face arraignment Thursday", "details are being released until Monday"
    r"|\b(?:is|are)\s+planned\s+for\b|(?:\b(?:is|are)|['’]re)\s+planning\b"
    r"|\bfaces?\s+(?:arraignment|sentencing|trial|a\s+hearing)\b"
    r"|\b(?:is|are)\s+(?:[\w'’-]+\s+){0,3}until\b"
    r"|\b(?:set|due|planned|planning|expects?|expected|intends?)\s+to\b"
    # A day something is booked for, whatever the tense of the booking: "the trial was set for
    # October 28", "slated for", "due on", "due in court", "a ruling was expected on". Not "set
    # in" ("a film set in 1920"), "set on" ("set on fire"), "expected in" ("as expected in"),
    # nor "was planned for" (a plan that may have fallen through: "was planned for Thursday,
    # but it rained").
    r"|\b(?:set|slated|pencil+ed\s+in)\s+for\b|\bslated\s+(?:on|to)\b"
    r"|\bdue\s+(?:on|for|in|back|before|at)\b|\bexpected\s+(?:on|at)\b"
    # A present copula right before the day: "her visitation is Friday evening", "the
    # deadline is on Monday" (what was is written "was").
    r"|\b(?:is|are)\s+(?:on\s+)?$"
    r"|\bas\s+(?:soon|early)\s+as\b|\bahead\s+of\b"
    # A prospect: "it raises the chances of Seattle pulling off an upset on Saturday", "hopes
    # of a deal by Friday" (TimeML values a weekday by its event's tense and mood).
    r"|\b(?:chances|odds|hopes|prospects?|likelihood)\s+(?:of|for)\b"
    # "has until Friday to respond", "given the relatives until 9 a.m. Tuesday": a time limit
    r"|\b(?:has|have|given|gives|giving)\s+(?:[\w'’-]+\s+){0,4}until\b"
    # "before postponing the man's testimony until Monday": what is put off until a day
    r"|\b(?:postpon|adjourn|delay|recess|put\s+off)\w*\s+(?:[\w'’-]+\s+){0,4}until\b"
    r"|\bto\s+be\s+\w+ed\b",  # "the measures to be voted on Thursday"; not "is said to have"
    re.IGNORECASE,
)
# Irregular past forms news reports events with ("a quake struck", "the storm hit the coast",
# "protests began", "a boy shot himself"); no base form among them except "hit", which after
# a modal or "to" is not past ("will hit", "to hit").
IRREGULAR_PAST = (
    r"(?:struck|shook|began|came|went|took|gave|rose|fell|broke|drew|flew|grew|threw|wrote"
    r"|spoke|stole|froze|swore|tore|became|fought|caught|brought|bought|sold|sent|spent|held"
    r"|met|fled|sank|swept|killed|shot|found|saw|heard|(?<!\bwill\s)(?<!\bwon't\s)(?<!\bcan\s)(?<!\bcould\s)"
    r"(?<!\bwould\s)(?<!\bmay\s)(?<!\bmight\s)(?<!\bto\s)(?<!\bdid\s)(?<!\bdoes\s)"
    r"(?<!\bdo\s)(?<!n't\s)hit)"
)
# A past-tense verb after the future cue ("will meet X after Y outlasted Z Friday") wins.
PAST_CUE = re.compile(
    r"(?<!\bbe\s)(?<!been\s)\b(?:was|were|had|did|said|told|"
    rf"{IRREGULAR_PAST}|(?!(?:scheduled|expected|slated)\b)\w{{3,}}ed)\b",
    re.IGNORECASE,
)
NAMED_DAYS = {"super", "black", "good", "cyber", "patch", "ash", "easter", "holy", "bloody",
               "maundy", "shrove", "palm", "giving", "fat", "manic", "blue", "mad", "oscar", "bowl",
               "derby", "selection", "cup", "championship", "election"}  # fmt: skip
NAMED_DAYS_AFTER = re.compile(r"\s+(?:Times|Telegraph|Mirror|Express|Post|Night\s+Football)\b")
# A weekday that recurs is a set (TimeML's SET), not a day to date: "every Tuesday", "each
# Monday and Thursday", and the nth weekday of every month ("patches come out on the second
# Tuesday of every month"), whose nearest Tuesday is no day the text speaks of.
RECURRING_WEEKDAY_BEFORE = re.compile(
    r"\b(?:every|each)\s+(?:other\s+|single\s+)?"
    rf"(?:{FULL_WEEKDAY}s?(?:\s*,\s*(?:and\s+|or\s+)?|\s+(?:and|or)\s+))*$",
    re.IGNORECASE,
)
NTH_WEEKDAY_BEFORE = re.compile(
    r"\b(?:first|second|third|fourth|fifth|last|final|1st|2nd|3rd|4th|5th)\s+$", re.IGNORECASE
)
OF_EVERY_MONTH_AFTER = re.compile(
    r"\s+(?:of|in)\s+(?:every|each|the|a)\s+(?:calendar\s+)?month\b", re.IGNORECASE
)
# Words after a four-digit number that make it a count, not a year ("2000 people").
COUNT_NOUNS = re.compile(
    r"\s+(?:people|persons|men|women|children|troops|soldiers|votes|voters|residents|homes|"
    r"houses|deaths|cases|jobs|workers|years|miles|kilometres|kilometers|km|feet|metres|meters|"
    r"tons|tonnes|dollars|euros|pounds|units|block|calories|points|copies|signatures|members|"
    r"students|employees|officers|police|page|pages|pixels?|px|dpi|mah|mhz|ghz|mm|cm|cc|hp|rpm|kg|"
    r"lbs?|mph|kph|words|yen|yuan|rupees|euro|usd|sq|square|acres|hectares|barrels|shares|"
    r"seats|beds|rooms|calories|kcal|watts?|volts?)\b",
    re.IGNORECASE,
)
QUANTIFIER_BEFORE = re.compile(
    r"\b(?:about|some|nearly|over|than|least|up\s+to|around|approximately|almost|roughly|estimated|"
    r"exactly|only|just|No|number|Nos?|\$|flight|route|room|model|version|Interstate|I"
    # Opening a sentence: "About 2000 protesters marched" ("Around 1990, ..." stays a year).
    r"|About|Nearly|Approximately|Almost|Roughly|Exactly)\.?\s*$"
)


# Labels a number identifies ("Resolution 1973", "Section 1983", "Flight 1989", "Room 2012"):
# the number is a name, not a year.
LABEL_BEFORE = re.compile(
    r"(?:\b(?:resolutions?|sections?|articles?|paragraphs?|clauses?|chapters?|rules?|bills?"
    r"|forms?|flights?|routes?|highways?|rooms?|suites?|apartments?|units?|models?|versions?"
    r"|platforms?|gates?|channels?|exhibits?|items?|lines?|dockets?|tables?|figures?)"
    r"|\bH\.\s?R\.)\s*$",
    re.IGNORECASE,
)
# A vehicle's model year ("a gray 2013 Toyota Camry", "a 2008 GMC Sierra"): a year within two
# words of a make or body type names the model, not a time of the story.
VEHICLE_AFTER = re.compile(
    r"(?:\s+[A-Za-z-]+){0,2}?\s+(?:Toyota|Honda|Ford|Chevrolet|Chevy|Nissan|Dodge|Jeep|BMW"
    r"|Mercedes(?:-Benz)?|Audi|Volkswagen|VW|Hyundai|Kia|Mazda|Subaru|Lexus|Acura|Infiniti|Cadillac"
    r"|Buick|GMC|Chrysler|Pontiac|Lincoln|Mercury|Saturn|Volvo|Tesla|Mitsubishi|Oldsmobile"
    r"|Plymouth|Camry|Corolla|Accord|Civic|Impala|Malibu|Mustang|Silverado|Altima|Tahoe|sedan"
    r"|SUV|pickup|minivan|hatchback|coupe|motorcycle|Harley(?:-Davidson)?)\b"
)
# A house number: "He lives at 1995 Main St.", "the 2000 block of Elm Avenue".
STREET_AFTER = re.compile(
    r"(?:\s+(?:[NSEW]\.?|North|South|East|West))?(?:\s+[A-Z][\w'’-]*){1,3}\s+(?:St|Street|Ave"
    r"|Avenue|Rd|Road|Blvd|Boulevard|Dr|Drive|Ln|Lane|Way|Pl|Place|Ct|Court|Pkwy|Parkway|Hwy"
    r"|Highway|Ter|Terrace|Cir|Circle)\b\.?"
    r"|\s+block\s+of\b"
)
CLOCK_AFTER = re.compile(r"\s*(?:GMT|UTC|hrs|hours|[A-Z]{1,3}T)\b")
# A year is no year when followed by %, a digit group, a time, a decade "s", a decimal or a
# second dimension ("1920x1200 pixels", "1920 × 1080").
YEAR_MAY_END = re.compile(r"(?![%:/]|s\b|(?<=0)['’]s\b|[.,]\d|\d|\s*[x×*]\s*\d)")


def month_number(token: str) -> int | None:
    word = token.rstrip(".")
    if not word[:1].isupper():  # "may", "march" in lower case are not months
        return None
    return MONTHS.get(word.lower())


# A full stop that ends an abbreviation, not a sentence ("9 a.m. Tuesday", "the U.S. team",
# "Gen. Schwarzkopf", "Nov. 3").
_ABBREVIATION_END = re.compile(
    r"(?:\b[A-Za-z]\.[A-Za-z]|\b(?:Mr|Mrs|Ms|Dr|St|Gen|Sen|Rep|Gov|Lt|Col|Sgt|Capt|Jr|Sr|Inc|Co"
    r"|Corp|No|Jan|Feb|Aug|Sept|Oct|Nov|Dec))$"
)


def sentence_before(text: str, start: int) -> str:
    """The words of the sentence before `start` (up to 200 characters)."""
    window = text[max(0, start - 200) : start]
    cut = max(window.rfind("\n"), window.rfind("? "), window.rfind("! "))
    stop = window.rfind(". ")
    while stop > cut and _ABBREVIATION_END.search(window, max(0, stop - 6), stop):
        stop = window.rfind(". ", 0, stop)
    return window[max(cut, stop) + 1 :]


def sentence_after(text: str, end: int) -> str:
    """The words of the sentence after `end` (up to 120 characters)."""
    window = text[end : end + 120]
    cut = min((at for at in (window.find(". "), window.find("\n"), window.find("? "),
                             window.find("! ")) if at >= 0), default=len(window))  # fmt: skip
    return window[:cut]


def speaks_of_future(text: str, start: int) -> bool:
    """True when the nearest tense cue before `start` in its sentence is a future one."""
    return tense_before(text, start) == "future"


def tense_before(text: str, start: int) -> str | None:
    """ "future" or "past": the nearest tense cue before `start` in its sentence, else None."""
    before = sentence_before(text, start)
    future = [m.end() for m in FUTURE_CUE.finditer(before)]
    past = [m.end() for m in PAST_CUE.finditer(before)]
    if not future and not past:
        return None
    if future and (not past or future[-1] > past[-1]):
        return "future"
    return "past"


# A past auxiliary, or a past verb with its object right after it ("a quake hit the town",
# "gunmen killed 12 people", "agents arrested him"): a participle is seldom followed by an
# object ("the town hit by", "an unspecified date", "extended through"). Nor does one follow
# a subject pronoun or "who" ("she moved to Iowa in February", "the man who moved"): there it
# is the verb.
STRONG_PAST = re.compile(
    r"\b(?:was|were|had|did)\b"
    rf"|(?<!\bbe\s)(?<!been\s)(?<!\bbeing\s)\b(?:{IRREGULAR_PAST}|\w{{3,}}ed)"
    r"\s+(?:the|a|an|its|his|her|their|him|them|\d)\b"
    rf"|\b(?:he|she|they|we|I|who|and|but)\s+(?:{IRREGULAR_PAST}|\w{{3,}}ed)\b",
    re.IGNORECASE,
)


def strong_past(text: str, start: int) -> bool:
    """Whether the clause before `start` has a past auxiliary or a past verb with its object,
    or nothing before it in its sentence ("In January, ...", "On July 22, police arrested"):
    "-ed" words alone are often participles ("an unspecified date in January", "extended
    through January")."""
    before = sentence_before(text, start)
    return STRONG_PAST.search(before) is not None or not re.sub(
        r"(?i)\b(?:in|on|since|during|until|by|through|early|late|mid)\b|[\s,\"'“‘(-]", "", before
    )


def tense_around(text: str, start: int, end: int) -> str | None:
    """The tense of the clause holding text[start:end]: the nearest cue before it in its
    sentence, else the first one after it ("In January, a week after ..., the clinic was")."""
    found = tense_before(text, start)
    if found is not None:
        return found
    after = sentence_after(text, end)
    future = FUTURE_CUE.search(after)
    past = PAST_CUE.search(after)
    if future is None and past is None:
        return None
    if future is not None and (past is None or future.start() < past.start()):
        return "future"
    return "past"


def starts_sentence(text: str, start: int) -> bool:
    before = text[max(0, start - 4) : start].rstrip(" \t\"'“‘(`")
    return not before or before[-1] in ".!?:\n"
