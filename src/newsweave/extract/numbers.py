"""Quantities in article text: counts, ages, money, percentages, scores, with what they count.

`extract_quantities(text)` finds numbers written in digits ("1,200", "3.5", "306-232") or words
("six", "a dozen", "two million"), reads the qualifier before them ("about", "more than"), the
unit after them ("306 electoral votes" -> "electoral votes"; "$3.5 billion" -> "USD") and a
cheap subject hint `about`: the name the number belongs to ("Putin, 68" -> "Putin";
"302 electoral votes for Joe Biden" -> "Joe Biden"), else the nearest name before it in the
sentence. Numbers inside time expressions (days, years: see `extract.dates`), URLs, times of
day and words such as "COVID-19" are not quantities. Word numbers count only with a unit
("three people"; "one of them" is not a quantity). Rules only: no model is needed for this.
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import Literal

from newsweave.extract.dates import extract_dates
from newsweave.extract.dates.patterns import STREET_AFTER
from newsweave.model import Span, record

__all__ = ["SPLIT_AMOUNT", "SPLIT_DECIMAL", "Quantity", "QuantityKind", "extract_quantities"]

QuantityKind = Literal[
    "count", "age", "money", "percent", "score", "dimension", "ordinal", "duration", "year",
    "number",
]  # fmt: skip


@record
class Quantity:
    """A number in the text: `text[span[0]:span[1]] == quantity.text`.

    `unit` is what is counted ("electoral votes", "percent", "USD", "years" for ages), `approx`
    the qualifier as written ("about", "more than") or None for an exact figure, `about` the
    name it belongs to when cheap to find, `second_value` the other side of a score or range
    ("306-232" -> 306 and 232).
    """

    text: str
    span: Span
    value: float
    unit: str | None
    kind: QuantityKind
    approx: str | None = None
    about: str | None = None
    second_value: float | None = None


_ONES = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
    "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19,
}  # fmt: skip
_TENS = {
    "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
    "eighty": 80, "ninety": 90,
}  # fmt: skip
_SCALES = {
    "hundred": 1e2, "thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12,
    "bn": 1e9, "mn": 1e6, "m": 1e6, "k": 1e3,
}  # fmt: skip
_CURRENCIES = {"$": "USD", "us$": "USD", "usd": "USD", "€": "EUR", "eur": "EUR", "£": "GBP",
               "gbp": "GBP", "dollars": "USD", "euros": "EUR", "pounds": "GBP"}  # fmt: skip
_TENS_RE = "|".join(_TENS)
_ONES_RE = "|".join(sorted(_ONES, key=len, reverse=True))
_DIGITS = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
_APPROX = (
    r"about|around|approximately|roughly|nearly|almost|more\s+than|over|at\s+least|up\s+to|"
    r"less\s+than|fewer\s+than|under|some|an\s+estimated|as\s+many\s+as|as\s+much\s+as|close\s+to|"
    r"just\s+over|just\s+under|at\s+most|as\s+few\s+as"
)
QUANTITY_EXPR = re.compile(
    rf"(?:\b(?P<approx>{_APPROX})\s+)?"
    r"(?P<currency>US\$|\$|€|£|\b(?:USD|EUR|GBP)\s?)?"
    rf"(?:(?:(?<![\w.,-])|(?<=magnitude-))(?P<digits>{_DIGITS})(?!\d|\.\d|,\d)"
    rf"|\b(?P<words>(?:{_TENS_RE})(?:[\s-](?:{_ONES_RE}))?|{_ONES_RE}|a\s+dozen|dozen"
    r"|a\s+hundred|a\s+thousand)\b)"
    # "$137 million" and "$137-million".
    r"(?:(?:\s*|-)(?P<scale>hundred|thousand|million|billion|trillion)\b"
    r"|(?P<short>\s?(?:bn|mn|m|k))\b)?",
    re.IGNORECASE,
)
_AFTER_PERCENT = re.compile(r"\s*(?:%|percent\b|per\s+cent\b|percentage\s+points?\b)", re.I)
_AFTER_DIMENSION = re.compile(
    rf"\s?[x×]\s?(?P<second>{_DIGITS})(?![\d.]\d)|(?:\s+|-)by(?:\s+|-)(?P<second_by>{_DIGITS})(?![\d.,]\d)"
)
_AFTER_PAIR = re.compile(rf"[-–](?P<second>{_DIGITS})(?![\d-]|\.\d)")
# "a 12-year-old girl", "12 years old", "a 12-year old girl" as some outlets write it, and "a
# 2-month-old girl" (an age in months).
_AFTER_AGE = re.compile(r"(?:-|\s+)(?P<unit>year|month|week|day)s?[-\s]old\b", re.IGNORECASE)
_ATTACHED_UNIT = re.compile(
    r"(?P<unit>km|kg|mph|cm|mm|ft|lbs?|mi|m)\b|\s?(?P<tech>GHz|MHz|GB|MB|TB|mAh|kWh|MW|GW)\b"
)
_MAGNITUDE_BEFORE = re.compile(r"\bmagnitude(?:-|\s+(?:of\s+)?)$", re.IGNORECASE)
_FRACTION = re.compile(r"(?<!\d)\d+(?:[-\s]\d+)?/\d+")
_DECADE = re.compile(r"\b(?:1[0-9]|20)\d0['’]?s\b|['’]\d0s\b")
_SPEECH_VERBS = frozenset(["said", "says", "told", "added", "asked", "noted", "wrote"])
# An elliptical number ("the 232 assigned to Trump") takes the unit of a count at most this
# many characters before it in its sentence, when introduced by one of these words
# (set by reading the seed articles and ECB+ output).
INHERIT_WINDOW = 80
_INHERIT_AFTER = re.compile(r"\b(?:the|and|to|vs\.?|versus|against|with)\s+$", re.IGNORECASE)
_AFTER_ORDINAL = re.compile(r"(?:st|nd|rd|th)\b", re.IGNORECASE)
_AFTER_COMPOUND = re.compile(r"-(?P<noun>[a-z]+)\b")
_AFTER_CURRENCY_WORD = re.compile(r"\s+(?P<cur>dollars|euros|pounds)\b", re.IGNORECASE)
# "over 2m Windows users", "3bn customers", "11k followers": a short scale before a plural count
# noun (after at most one capitalised word, a name qualifying it) is thousands, millions or
# billions of them, never metres (`_ATTACHED_UNIT`) nor a bare "3" (the scale was dropped). The
# nouns of news counts; "2m high", "a 60m fall" stay distances. Every short scale of the shared
# corpora (ECB+, GVC, the seeds, the cleaning pages) was read: besides currencies (read before
# this) and distances, the only such figures are "2m Windows users" and "2k/11k followers".
_COUNTED_AFTER_SHORT = re.compile(
    r"\s+(?:[A-Z][\w'’-]*\s+)?(?P<noun>users|people|customers|subscribers|viewers|visitors"
    r"|residents|voters|votes|members|followers|downloads|copies|households|homes|jobs|workers"
    r"|employees|passengers|readers|listeners|fans|shares|accounts|devices|computers|phones"
    r"|patients|children|students|tourists|refugees|migrants|signatures|barrels|tonnes)\b"
)
# "one" after these words is no count: "on the one hand", "the one big card", "at one point".
_ONE_IDIOM = re.compile(r"\b(?:the|at)\s+$", re.IGNORECASE)
_WEIGHT_BEFORE = re.compile(r"\bweigh(?:s|ed|ing)?\b[^.\n]{0,16}$", re.IGNORECASE)
_AFTER_WORDS = re.compile(r"(?:\s+[a-z][a-z-]*){1,3}")
_SCALE_AFTER = re.compile(r"\s+(?P<scale>hundred|thousand|million|billion|trillion)\b", re.I)
_AND_A_HALF = re.compile(r"(?:\s+|-)and(?:\s+|-)a(?:\s+|-)half\b", re.IGNORECASE)
# Scale and measure words: after "d.dd" they make it an amount, not a time of day; a split
# decimal stands before them (`SPLIT_AMOUNT`).
_MEASURE_WORDS = (
    r"million|billion|trillion|thousand|bn|mn|percent|per\s+cent|magnitude|km|kilomet(?:re|er)s?"
    r"|miles?|met(?:re|er)s?|feet|ft|inch(?:es)?|kg|kilograms?|pounds|lbs?|tonnes?|tons?|mph"
    r"|degrees"
)
_TIME_OF_DAY = re.compile(
    r"\d{1,2}:\d{2}(?::\d{2})?\s*(?:[ap]\.?m\.?)?|\d{1,2}\s*[ap]\.?m\.?\b"
    # "9.35pm", "at 9.35": a dotted time, but not an amount ("$1.25 billion", "9.35 percent",
    # "a 6.1 magnitude").
    rf"|(?<![$€£\d.,])\d{{1,2}}\.\d{{2}}(?:\.\d{{2}})?(?!\s*(?:%|(?i:{_MEASURE_WORDS})(?!\w)))"
    r"\s*(?:[ap]\.?m\.?)?"
    r"|\b\d{3,4}\s*(?:GMT|UTC|ET|EST|EDT|CST|CDT|PST|PDT|BST|IST|CET|hrs)\b"
)
# ECB+-style tokenisation splits decimals ("2. 7GHz", "22. 4bn", "6. 30am"): a short integer,
# ". ", digits glued to a unit. Read as "2.7 GHz" (same length, so spans stay valid); a sentence
# ending in a number is followed by a space and a word, which this never matches.
SPLIT_DECIMAL = re.compile(r"(?<![\d.,])(\d{1,3})\. (\d+)(?=[A-Za-z%])")
# The words a split decimal stands before ("12. 7 percent", "a 6. 1 magnitude", "$368. 0 million",
# "3. 5 km", "9. 35 a.m."): scale and measure words, short scales, clock and computer units.
_UNIT_AFTER = _MEASURE_WORDS + r"|m|k|[ap]\.?m\.?|[kmg]hz|[kmgt]b"
# ... and the same split before such a word, or after a currency sign ("$1. 29 for the first
# time"): every such "<1-3 digits>. <digits>" in the ECB+/GVC articles is one amount, none a
# sentence end (the sentence splitter, `align.sentences`, skips the same points, so a sentence
# and its figures agree); a year ("in 2012. 10 people") never matches. The fraction is read in
# the lookahead (`unit_fraction` / `currency_fraction`), so a match ends where a sentence end
# would be: at the space after the point.
SPLIT_AMOUNT = re.compile(
    rf"(?<![\d.,])(?P<unit>\d{{1,3}})\. "
    rf"(?=(?P<unit_fraction>\d+)(?:[\s-]?(?i:{_UNIT_AFTER})(?!\w)|\s?%))"
    r"|(?<=[$€£])(?P<currency>\d{1,3})\. (?=(?P<currency_fraction>\d+))"
)
# The same tokenisation splits thousands ("$500, 000"): read as one amount after a currency sign
# or when the group is "000"; "ages 25, 34" and "in 2006, 300 people" are not matched.
_SPLIT_THOUSANDS = re.compile(r"(?<![\d.,])(?P<sign>[$€£])?(\d{1,3}), (\d{3})(?![\d,])")
# The word right before a number that makes it a name or version, not an amount: "IE 11",
# "iPhone 5", "Windows 8", "version 7", "Flight 370". Acronyms and camel case always; a
# capitalised word unless it is an ordinary sentence word (see `_NOT_NAMES`).
_IDENTIFIER_BEFORE = re.compile(r"(?:\b(?P<word>[A-Za-z][\w]*)|(?P<mark>#|No\.))\s?$")
_PAIR_OR_PERCENT = re.compile(
    rf"(?:{_DIGITS})(?:[-–]\d|\s*(?:%|percent\b|per\s+cent\b)|\s?[x×]\s?\d|\s+by\s+\d)", re.I
)
_PER_UNIT = re.compile(r"\s+(?:per|an?)\s+(?P<per>[a-z]+)\b")
_TIME_UNIT_IN = re.compile(r"\b(?:day|week|month|year)s?\b", re.IGNORECASE)
_URL = re.compile(r"(?:https?://|www\.)\S+", re.IGNORECASE)
# A telephone number, also with letters for its last digits ("(800) 577-TIPS", "1-800-CALL-FBI"),
# an emergency number ("call 911", "a 911 dispatcher") and a text-message short code ("send a
# text message anonymously to 50411"): no amounts (read by eye on GVC 688841 and 710200).
_PHONE = re.compile(
    r"\(?\d{3}\)?[\s.-]\d{3}[\s.-](?:\d{4}\b|[A-Z]{4}\b)|\b1-800-[A-Z0-9]{3,4}-[A-Z0-9]{3,4}\b"
    r"|(?<![\d,.$])\b9-?1-?1\b(?!\d|[,.]\d)(?!\s*(?:%|percent\b|people\b))"
)
_SHORT_CODE = re.compile(r"\b[Tt]ext(?:\s+message)?\b[^.\n]{0,60}?\bto\s+(\d{5,6})\b")
# An embedded tweet's counters ("3 3 Retweets 2 2 likes"): page furniture, no figures.
_TWEET_COUNTERS = re.compile(r"\b(\d{1,6}) \1 (?:Retweets?|likes?)\b")
# "the 1200 block of West Madison": a street address, never an amount.
# A match starts at the first digit of a number (linear on long runs of "1,1,1...").
_ADDRESS_BLOCK = re.compile(r"(?<![\w,])\d[\d,]*(?:\s+|-)block\s+(?:of|on)\b", re.IGNORECASE)
# "at 1915 Birch St.", "45 Main Street": a house number. The street shape is the dates stage's
# (`STREET_AFTER`), which also keeps such numbers from being years; a year the dates stage keeps
# ("In 1998 Smith Road opened") is blocked as a date already.
_HOUSE_NUMBER = re.compile(r"(?<![\w,.$€£])\d{1,5}\b")


def _wordset(words: str) -> frozenset[str]:
    return frozenset(words.split())


_IDENTIFIER_WORDS = _wordset(
    "version versions v build release model number no series chapter flight route room level "
    "category season episode phase stage interstate highway"
)
_PER_NOUNS = _wordset("inch capita head share person game month year day hour")
_STOP = _wordset(
    "for to of in on at by with from and or but nor the a an that which who whom whose was were "
    "is are be been being have has had will would could should may might can than as after "
    "before ago later earlier since per each more less this these those it its their his her "
    "our into over under about between against during while when where not no so if then also "
    "all both only just still out up down off"
)
_PLURAL_UNITS = _wordset(
    "people children men women police staff personnel cattle sheep fish km kg mph ft lbs mg ml "
    "feet teeth mice percent"
)
_SINGULAR_UNITS = _wordset(
    "magnitude mile kilometre kilometer metre meter foot inch pound ton tonne acre hour minute "
    "second day week month year percent point vote person degree"
)
_TIME_UNITS = _wordset(
    "day days week weeks month months year years hour hours minute minutes "
                        "second seconds decade decades"
)  # fmt: skip
_NAME_WORD = r"(?:(?:[A-Z]\.){1,3}|[A-Z][\w'’-]*)"
# A name's words stand on one line: "Southeast D.C.\n\nBreyona McMillian" is two (GVC 710200).
_NAME = re.compile(rf"{_NAME_WORD}(?:[^\S\n]+(?:{_NAME_WORD}|(?:de|van|von|bin)\b))*")
_NOT_NAMES = _wordset(
    "The A An In On At He She It They We I But And This That These Those According After Before "
    "When While If As For From By With Its His Her Their Our Some Many Most Both Each All No "
    "About Not Yet So Then There Here What Who Why How Once One Two Three You Your My Monday "
    "Tuesday "
    "Wednesday Thursday Friday Saturday Sunday January February March April May June July "
    "August September October November December"
)
_TITLES = re.compile(
    r"^(?:(?:President|Vice|President-elect|Prime|Minister|Chancellor|Mr|Mrs|Ms|Dr|Sen|Rep|Gov|"
    r"Former|Incumbent|Democratic|Republican|Russian|American|U\.S\.|US|German|French|"
    r"British|Chinese)\.?\s+)+"
)
_AGE_BEFORE = re.compile(r"(?<![\w'’.-])(?P<subject>[\w'’.-]+(?:[^\S\n]+[\w'’.-]+){0,3}),[^\S\n]*$")
_AGED_AFTER_NAME = re.compile(r"[A-Z][\w'’.-]{0,30},[^\S\n]*$")
# "Arcade Joseph Comeaux Jr., 49": a suffix ends the name before an age.
_NAME_SUFFIX = re.compile(r",?[^\S\n]{1,3}(?:Jr|Sr)\.?$")
# "aged 24", and every age of a list: "two men, aged 32 and 42, were kicked", "striking three
# men, ages 25, 34 and 23" (the last is no count of the men before: GVC 688841).
_AGED_BEFORE = re.compile(
    r"\b(?:aged|ages)\s+(?:\d{1,3}(?:\s*,\s*(?:(?:and|or)\s+)?|\s+(?:and|or|to)\s+)){0,8}$",
    re.IGNORECASE,
)
_AGE_AFTER = re.compile(r"\s*(?:[,;)]|\.(?:\s|$)|\s+(?:and|who|was|is|has|had|said)\b|$)")
_AGE_FOLLOWER = re.compile(rf"\s+(?P<who>{_NAME_WORD}(?:\s+{_NAME_WORD}){{0,3}}|[a-z]+)")
_FOR_NAME = re.compile(
    rf"(?:\s+[a-z]+ed)?\s+(?:for|to|of|by)\s+(?P<name>{_NAME_WORD}(?:\s+{_NAME_WORD}){{0,3}})"
)


def extract_quantities(text: str) -> tuple[Quantity, ...]:
    """Every quantity in `text`, in order (see the module docstring for what counts)."""
    original = text
    text = repair_split_decimals(text)
    # Days and years inside dates are no quantities; "six weeks" in "six weeks after" is one.
    blocked = [m.span for m in extract_dates(text, None) if not _TIME_UNIT_IN.search(m.text)]
    blocked += [m.span() for m in _URL.finditer(text)]
    blocked += [m.span() for m in _TIME_OF_DAY.finditer(text)]
    blocked += [m.span() for m in _PHONE.finditer(text)]
    blocked += [m.span() for m in _TWEET_COUNTERS.finditer(text)]
    blocked += [m.span(1) for m in _SHORT_CODE.finditer(text)]
    blocked += [m.span() for m in _ADDRESS_BLOCK.finditer(text)]
    blocked += [m.span() for m in _HOUSE_NUMBER.finditer(text) if STREET_AFTER.match(text, m.end())]
    blocked += [m.span() for m in _DECADE.finditer(text)]
    # Fractions ("4-1/2 months", "41/2" for a lost "4½"): their digits are no amounts.
    blocked += [m.span() for m in _FRACTION.finditer(text)]
    found: list[Quantity] = []
    for start, end in _windows(text):
        for match in QUANTITY_EXPR.finditer(text, start, end):
            number_start = match.start("digits") if match["digits"] else match.start("words")
            if any(s < match.end() and number_start < e for s, e in blocked):
                continue
            if found and number_start < found[-1].span[1]:
                continue  # the second side of "2880x1800" or "2,880 by 1,800"
            plain = match["digits"] and not (match["approx"] or match["currency"])
            if plain and _is_identifier(text, match.start("digits")):
                continue
            quantity = _read(match, text, found)
            if quantity is not None:
                found.append(quantity)
    if text != original:
        repaired = [m.end(2) for m in SPLIT_DECIMAL.finditer(original)]
        repaired += [end for _, _, end in _split_amounts(original)]
        repaired += [m.end(3) for m in _split_thousands(original)]
        found = [_restore(q, original, repaired) for q in found]
    return tuple(found)


def _restore(quantity: Quantity, original: str, repaired: list[int]) -> Quantity:
    """The quantity's span and text in the input before `repair_split_decimals`."""
    start, end = quantity.span
    if end + 1 in repaired:
        end += 1  # "2.7" read from "2. 7": the input has the 7 one place later
    return replace(quantity, span=(start, end), text=original[start:end])


def repair_split_decimals(text: str) -> str:
    """ "2. 7GHz" -> "2.7 GHz", "$500, 000" -> "$500,000 ": the same length, so every span is
    a span of the input too."""
    text = SPLIT_DECIMAL.sub(lambda m: f"{m[1]}.{m[2]} ", text)
    for whole, fraction, end in reversed(_split_amounts(text)):
        start = end - len(fraction) - len(whole) - 2
        # "4. 5-magnitude" -> "4.5  magnitude": the hyphen gives way, the unit stays the number's.
        glue = "  " if text[end : end + 1] == "-" else " "
        text = f"{text[:start]}{whole}.{fraction}{glue}{text[end + len(glue) - 1 :]}"
    for found in reversed(_split_thousands(text)):
        start, end = found.start(2), found.end(3)
        text = f"{text[:start]}{found[2]},{found[3]} {text[end:]}"
    return text


def _split_amounts(text: str) -> list[tuple[str, str, int]]:
    """(whole part, fraction, end of the fraction) of each split decimal `SPLIT_AMOUNT` reads
    as one amount ("12. 7 percent" -> ("12", "7", end))."""
    out = []
    for m in SPLIT_AMOUNT.finditer(text):
        fraction = "unit_fraction" if m["unit"] else "currency_fraction"
        out.append((m["unit"] or m["currency"], m[fraction], m.end(fraction)))
    return out


def _split_thousands(text: str) -> list[re.Match[str]]:
    """The split thousands of `text` that are read as one amount (see `_SPLIT_THOUSANDS`)."""
    return [m for m in _SPLIT_THOUSANDS.finditer(text) if m["sign"] or m[3] == "000"]


def _is_identifier(text: str, start: int) -> bool:
    """Whether the number at `start` names or versions something ("IE 11", "Windows 8")."""
    before = _IDENTIFIER_BEFORE.search(text, max(0, start - 24), start)
    if before is None:
        return False
    if before["mark"]:
        return True
    word = before["word"]
    if word.lower() in _IDENTIFIER_WORDS:
        return True
    if word in _NOT_NAMES or word.lower() in _STOP:
        return False
    named = word[0].isupper() or any(c.isupper() for c in word[1:])
    # "Chiefs 20-13", "Trump 306-232" and "Obama 52%" are amounts after a name.
    after = text[start:]
    return named and not _PAIR_OR_PERCENT.match(after)


# A quantity reaches this far before its number ("an estimated US$") and after it ("4.5
# trillion percentage points"): the pattern runs only in such windows around digits and number
# words, which is ~4x faster than over the whole text with the same output (tests, seeds).
_BEFORE_NUMBER, _AFTER_NUMBER = 32, 48
_NUMBER_WORDS = (*_ONES, *_TENS, "dozen", "hundred", "thousand")
_DIGIT_RUN = re.compile(r"\d+")


def _windows(text: str) -> list[tuple[int, int]]:
    """Merged stretches of `text` around digits and whole number words."""
    lowered = text.lower()
    starts = [m.start() for m in _DIGIT_RUN.finditer(text)]
    for word in _NUMBER_WORDS:
        at = lowered.find(word)
        while at != -1:
            after = at + len(word)
            if (at == 0 or not lowered[at - 1].isalpha()) and (
                after == len(lowered) or not lowered[after].isalpha()
            ):
                starts.append(at)
            at = lowered.find(word, after)
    windows: list[tuple[int, int]] = []
    for at in sorted(starts):
        start, end = max(0, at - _BEFORE_NUMBER), at + _AFTER_NUMBER
        if windows and start <= windows[-1][1]:
            windows[-1] = (windows[-1][0], end)
        else:
            windows.append((start, end))
    return windows


def _number(match: re.Match[str]) -> float:
    if match["digits"]:
        return float(match["digits"].replace(",", ""))
    words = match["words"].lower().replace("-", " ").split()
    if words[-1] == "dozen":
        return 12.0
    if words[-1] in {"hundred", "thousand"}:
        return _SCALES[words[-1]]
    return float(sum(_TENS.get(w, 0) + _ONES.get(w, 0) for w in words))


def _read(match: re.Match[str], text: str, found: list[Quantity]) -> Quantity | None:
    value = _number(match)
    currency = _CURRENCIES.get((match["currency"] or "").strip().lower())
    counted = _COUNTED_AFTER_SHORT.match(text, match.end("short")) if match["short"] else None
    end = match.end("digits") if match["digits"] else match.end("words")
    if match["scale"]:
        value *= _SCALES[match["scale"].lower()]
        end = match.end("scale")
    elif match["short"] and (currency or _AFTER_CURRENCY_WORD.match(text, match.end("short"))):
        # "$2m", and "2m euros" whose currency word follows the scale.
        value *= _SCALES[match["short"].strip().lower()]
        end = match.end("short")
    elif counted:
        value *= _SCALES[match["short"].strip().lower()]
        end = match.end("short")
    if not match["scale"] and not match["short"] and (half := _AND_A_HALF.match(text, end)):
        # "four and a half months", "a two-and-a-half-hour stand-off": one figure, not a bare
        # "four" with nothing counted (ECB+ 28_ecbplus's prison term was lost to that).
        value += 0.5
        end = half.end()
        if scale := _SCALE_AFTER.match(text, end):
            value *= _SCALES[scale["scale"].lower()]  # "three and a half million"
            end = scale.end()
    start = match.start()
    approx = " ".join(match["approx"].lower().split()) if match["approx"] else None
    kind: QuantityKind
    unit: str | None
    second: float | None = None
    about: str | None = None
    rest = text[end:]
    word = _AFTER_CURRENCY_WORD.match(rest) if currency is None else None
    if word and word["cur"].lower() == "pounds" and _WEIGHT_BEFORE.search(text, start - 24, start):
        word = None  # "weighing approximately 200 pounds": a weight (ECB+ 3_2ecbplus)
    if word:
        currency = _CURRENCIES[word["cur"].lower()]
        end += word.end()
    if currency:
        kind, unit = "money", currency
    elif percent := _AFTER_PERCENT.match(rest):
        kind, end = "percent", end + percent.end()
        unit = "percentage points" if "point" in percent[0].lower() else "percent"
    elif match["digits"] and (ordinal := _AFTER_ORDINAL.match(rest)):
        kind, end = "ordinal", end + ordinal.end()
        unit = _unit_after(text[end:], value=1)
    elif age := _AFTER_AGE.match(rest):
        kind, unit, end = "age", age["unit"].lower() + "s", end + age.end()
        follower = _AGE_FOLLOWER.match(text, end)
        # "a 61-year-old man" is nobody named; the nearest name before is often someone else
        # ("Gary Gomes, 35, ... two women -- 68 and 48-years-old").
        about = follower["who"] if follower else None
        if about and about.islower() and (about in _STOP or about.endswith("ly") or len(about) < 3):
            # "The 25-year-old and 34-year-old victims", "a 17-year-old fatally shot": no noun.
            about = None
    elif match["digits"] and (dimension := _AFTER_DIMENSION.match(rest)):
        second = float((dimension["second"] or dimension["second_by"]).replace(",", ""))
        end += dimension.end()
        kind, unit = "dimension", _unit_after(text[end:], value=2)
        about = _nearest_name(text, start)
    elif match["digits"] and (pair := _AFTER_PAIR.match(rest)):
        second = float(pair["second"].replace(",", ""))
        end += pair.end()
        unit = _unit_after(text[end:], value=2)
        kind = "count" if unit else "score"
        about = _score_sides(text, start) if kind == "score" else _nearest_name(text, start)
    elif compound := _AFTER_COMPOUND.match(rest):
        noun = compound["noun"].lower()
        if noun == "old" or (value == 1 and not match["digits"]):
            return None  # "one-sided", "one-person": idioms, not quantities
        unit = noun if value == 1 or noun.endswith("s") else _plural(noun)
        kind = "duration" if unit in _TIME_UNITS else "count"
        end += compound.end()
    elif match["digits"] and (attached := _ATTACHED_UNIT.match(rest)):
        kind, unit, end = "count", attached["unit"] or attached["tech"], end + attached.end()
    else:
        unit = _unit_after(rest, value=value)
        age_subject = (
            _age_subject(text, start, end, value) if unit is None and match["digits"] else None
        )
        aged = _AGED_BEFORE.search(text, max(0, start - 60), start) if age_subject is None else None
        if aged is not None:
            # "Robert Pitman, aged 24" is Pitman's age; in "three men, ages 25, 34 and 23" the
            # nearest name is someone else's (the gunman's), so such an age names nobody.
            named = _AGED_AFTER_NAME.search(text, max(0, aged.start() - 40), aged.start())
            single = aged[0].lower().startswith("aged") and not re.search(r"\d", aged[0])
            age_subject = (_nearest_name(text, start) if named and single else None) or ""
        if age_subject is not None:
            kind, unit, about = "age", "years", age_subject or None
        elif not match["digits"] and value == 1 and _ONE_IDIOM.search(text, start - 8, start):
            return None  # "on the one hand", "the one you're looking for", "at one point"
        elif unit is None and not match["digits"]:
            return None  # "one of them", "One by one": a word number with nothing counted
        elif unit is None and _MAGNITUDE_BEFORE.search(text, max(0, start - 16), start):
            kind, unit = "count", "magnitude"
        elif unit is None and _is_year(match, value):
            kind = "year"
        elif unit is None:
            unit = _unit_of_previous(found, text, start, end)
            kind = "count" if unit else "number"
        else:
            kind = "duration" if unit in _TIME_UNITS else "count"
        if about is None and kind != "age":
            about = _name_after(text[end:], unit=unit) or _nearest_name(text, start)
    if counted is not None and unit is None and kind == "number":
        kind, unit = "count", counted["noun"]  # "2m Windows users": the name hides the noun
    if unit and kind in {"count", "dimension"}:
        unit = _per_unit(text, end, unit)
    if kind != "age" and about is None and kind not in {"score"}:
        about = _nearest_name(text, start)
    return Quantity(
        text=text[start:end],
        span=(start, end),
        value=value,
        unit=unit,
        kind=kind,
        approx=approx,
        about=about,
        second_value=second,
    )


# Plural of a counted noun written after a hyphen ("13-inch", "6-feet", "three-step").
_IRREGULAR_PLURALS = {"foot": "feet", "feet": "feet", "man": "men", "woman": "women",
                      "child": "children", "person": "people"}  # fmt: skip


def _plural(noun: str) -> str:
    if noun in _IRREGULAR_PLURALS:
        return _IRREGULAR_PLURALS[noun]
    return noun + "es" if noun.endswith(("ch", "sh", "x", "z")) else noun + "s"


def _per_unit(text: str, end: int, unit: str) -> str:
    """ "220 pixels per inch": the rate's unit, when the counted noun is followed by one."""
    at = text.find(unit, end, end + len(unit) + 2)
    per = _PER_UNIT.match(text, at + len(unit) if at >= 0 else end)
    if per and (per["per"] in _SINGULAR_UNITS or per["per"] in _PER_NOUNS):
        return f"{unit} per {per['per']}"
    return unit


def _is_year(match: re.Match[str], value: float) -> bool:
    """ "in 2013" outside a date the date reader knows: four digits, no comma, 1800-2100."""
    digits = match["digits"] or ""
    return len(digits) == 4 and digits.isdigit() and 1800 <= value <= 2100


def _unit_after(rest: str, *, value: float) -> str | None:
    """What follows a number and is counted: "electoral votes", "presidential electors"."""
    words_match = _AFTER_WORDS.match(rest)
    if words_match is None:
        return None
    words: list[str] = []
    for word in words_match[0].split():
        if word in _STOP or word in _ONES or word in _TENS:
            break  # "two co-workers two years ago": the next number counts something else
        words.append(word)
    for cut in range(len(words), 0, -1):
        last = words[cut - 1]
        plural = last.endswith("s") and not last.endswith(("ss", "us", "is"))
        if plural or last in _PLURAL_UNITS:
            return " ".join(words[:cut])
    if not words or words[0] in _SPEECH_VERBS or words[0].endswith("ed"):
        return None  # "One said:", "one richocheted": a verb follows, nothing is counted
    if value == 1 or words[0] in _SINGULAR_UNITS:
        return words[0]
    return None


def _unit_of_previous(found: list[Quantity], text: str, start: int, end: int) -> str | None:
    """ "302 electoral votes ... the 232 assigned to Trump": the unit of a count just before."""
    before = text[max(0, start - 30) : start]
    if _INHERIT_AFTER.search(before) is None:
        return None
    sentence_start = _sentence_start(text, start)
    for earlier in reversed(found):
        if earlier.span[0] < max(sentence_start, start - INHERIT_WINDOW):
            break
        if earlier.kind == "count" and earlier.unit:
            return earlier.unit
    return None


def _sentence_start(text: str, position: int) -> int:
    window = text[max(0, position - 300) : position]
    cut = max(window.rfind(". "), window.rfind("\n"), window.rfind("? "), window.rfind("! "))
    return max(0, position - 300) + cut + 1


def _clean_name(name: str) -> str | None:
    name = _TITLES.sub("", re.sub(r"['’]s?$", "", name.strip(" ,"))).strip()
    if not name or name in _NOT_NAMES:
        return None
    return name


def _names_before(text: str, position: int) -> list[str]:
    sentence = text[_sentence_start(text, position) : position]
    names = []
    for found in _NAME.finditer(sentence):
        words = found[0].split()
        while words and words[0] in _NOT_NAMES:
            words = words[1:]
        name = _clean_name(" ".join(words))
        if name is None:
            continue
        if (
            " " not in name
            and _opens_sentence(sentence, found.start())
            and _common_word(text, name)
        ):
            continue  # "Police on Monday identified ...": a common noun opening a sentence
        names.append(name)
    return names


def _opens_sentence(sentence: str, at: int) -> bool:
    return not sentence[:at].strip(" \t\n\"'“‘(-—–")


def _common_word(text: str, word: str) -> bool:
    """Whether `word`, capitalised as a sentence opener, is a common word of `text`: written in
    lowercase elsewhere ("police said") and never capitalised after a lowercase word or a comma
    ("Police", "Investigators", "People"; a name such as "Hiller" is: "that Hiller called")."""
    if re.search(rf"\b{re.escape(word.lower())}\b", text) is None:
        return False
    return re.search(rf"(?:[a-z]|,)[^\S\n]+{re.escape(word)}\b", text) is None


def _nearest_name(text: str, position: int) -> str | None:
    names = _names_before(text, position)
    return names[-1] if names else None


def _score_sides(text: str, position: int) -> str | None:
    """ "Biden defeated President Donald Trump 306-232" -> "Biden vs Donald Trump"."""
    names = _names_before(text, position)
    if len(names) >= 2:
        return f"{names[-2]} vs {names[-1]}"
    return names[-1] if names else None


def _name_after(rest: str, *, unit: str | None = None) -> str | None:
    """ "302 electoral votes for Joe Biden", "232 assigned to Donald Trump"."""
    if unit:
        rest = rest[rest.find(unit) + len(unit) :] if unit in rest[: len(unit) + 40] else rest
    found = _FOR_NAME.match(rest)
    return _clean_name(found["name"]) if found else None


def _age_subject(text: str, start: int, end: int, value: float) -> str | None:
    """ "Putin, 68," / "Biden, 78, the release" -> the name before the comma."""
    if not (value.is_integer() and 1 <= value <= 120):
        return None
    if _AGE_AFTER.match(text, end) is None:
        return None
    before = _AGE_BEFORE.search(text[max(0, start - 60) : start])
    if before is None:
        return None
    subject = _NAME_SUFFIX.sub("", before["subject"])
    if not subject[-1:].isalpha():
        return None  # "306, 232, and ..." is a list of numbers
    names = _NAME.findall(subject)
    if names and subject.endswith(names[-1]):
        return _clean_name(names[-1]) or names[-1]
    words = [w for w in subject.split() if w.lower() not in {"the", "a", "an"}]
    return " ".join(words[-2:]) if words else None
