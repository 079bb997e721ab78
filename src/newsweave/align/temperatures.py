"""The temperature at the happening, told by two outlets: "Firefighters fought the blaze in
temperatures of minus 17 degrees" / "Outside temperatures were minus 20 as firefighters battled
the blaze" (ECB+ 13_ecb, tune row q138). The number reader takes "minus 17 degrees" for a count
of degrees and "minus 20" for no figure at all, so the figure rules never compared them; here a
figure written with a temperature word beside it is a frame of measure "temperature", signed,
in the scale it names ("C", "F"), or in none ("degrees", a bare number).

"Degrees" names no scale, as "$" names no country (`figure_conflicts._dollars_of_unknown_kind`):
a US outlet's "10 degrees" and a Canadian one's "minus 12" may be one reading. So two
temperatures dispute only when no choice of Celsius or Fahrenheit for the unscaled ones makes
them meet; a reading is rounded to the degree (one degree either side), a hedged one ("about
28 degrees") to three. A temperature changes with the hours and the days: only one told on one
day is compared (`measure_words.ONE_DAY_MEASURES`), and none of a clause that speaks of highs,
lows, a forecast, a change or a body, water or wind chill. Over every ECB+ and GVC story (each
article its own voice, session 25) five sentences read as temperatures, three of one fire;
the one conflict is the labelled one above.
"""

from __future__ import annotations

import re
from itertools import product

from newsweave.align.quantities import QuantityFrame, Relation

__all__ = ["TEMPERATURE", "temperature_frames", "temperature_relation"]

TEMPERATURE = "temperature"

_SIGN = r"(?P<sign>minus[\s-]+|negative\s+|-\s?|−\s?)?"
_NUMBER = r"(?P<n>\d{1,3}(?:\.\d)?)(?![\d,])"
_SCALE = r"(?P<scale>C|F|Celsius|Fahrenheit|centigrade)\b"
_DEGREES = r"(?:°|º|degrees?\b|deg\b\.?)"
_BELOW = r"(?P<below>\s+below\s+zero)?"
_HEDGE = r"(?P<approx>about|around|roughly|nearly|almost|some|approximately)\s+"
# "temperatures of minus 17 degrees", "Outside temperatures were minus 20".
_WORD_FIRST = re.compile(
    r"\btemperatures?\s+(?:(?:were|was|of|at|stood\s+at|hovered\s+(?:around|near))\s+)+"
    rf"(?:{_HEDGE})?{_SIGN}{_NUMBER}(?:\s*{_DEGREES})?(?:\s*{_SCALE})?{_BELOW}",
    re.IGNORECASE,
)
# "in minus-20 degree temperatures", "-15C temperatures".
# (The gaps are bounded: a figure before a long run of spaces must not make it backtrack.)
_VALUE_FIRST = re.compile(
    rf"(?:{_HEDGE})?{_SIGN}{_NUMBER}[\s-]{{0,2}}(?:{_DEGREES}[\s-]{{0,2}})?"
    rf"(?:{_SCALE}[\s-]{{0,2}})?{_BELOW}[\s-]{{0,2}}temperatures?\b",
    re.IGNORECASE,
)
# Not the temperature at the happening: an extreme, a forecast, a change, not the air.
_NOT_NOW = re.compile(
    r"\b(?:highs?|lows?|overnight|forecast\w*|expected|will|would|could|may|might|drop\w*|"
    r"f[ae]ll(?:s|ing)?|ris(?:e|es|ing)|rose|reach\w*|record\w*|average\w*|normal|body|water|"
    r"oven|sea|surface|core|feels?|chill|up\s+to|as\s+(?:low|high)\s+as)\b",
    re.IGNORECASE,
)
_CLAUSE = re.compile(r"[;:()\[\]—–]|\.\s")
_SCALES = {"c": "C", "celsius": "C", "centigrade": "C", "f": "F", "fahrenheit": "F"}
_ROUNDED = 1.0  # degrees either side of a reading
_HEDGED = 3.0


def temperature_frames(text: str) -> list[QuantityFrame]:
    """The temperatures at the happening one sentence tells (see the module docstring)."""
    out: list[QuantityFrame] = []
    taken: list[tuple[int, int]] = []
    for pattern in (_WORD_FIRST, _VALUE_FIRST):
        for found in pattern.finditer(text):
            if any(found.start() < end and start < found.end() for start, end in taken):
                continue
            clause = _clause_of(text, found.start(), found.end())
            value = float(found["n"])
            if value == 0 or _NOT_NOW.search(clause):
                continue  # "0" would read as "none"; see _NOT_NOW
            if found["sign"] or found["below"]:
                value = -value
            scale = _SCALES.get((found["scale"] or "").lower())
            approx = found["approx"].lower() if found["approx"] else None
            taken.append(found.span())
            out.append(
                QuantityFrame(
                    text=found[0].strip(),
                    span=found.span("n"),
                    value=value,
                    low=value,
                    high=value,
                    approx=approx,
                    measure=TEMPERATURE,
                    unit=scale,
                    about=None,
                )
            )
    return out


def _clause_of(text: str, start: int, end: int) -> str:
    before = _CLAUSE.split(text[:start])[-1]
    after = _CLAUSE.split(text[end:], maxsplit=1)[0]
    return before + text[start:end] + after


def temperature_relation(a: QuantityFrame, b: QuantityFrame) -> Relation:
    """ "same" or "rounding" when some reading of the unscaled sides as Celsius or Fahrenheit
    makes the two meet, else "conflict"."""
    if a.value == b.value and a.approx == b.approx and a.unit == b.unit:
        return "same"
    for scale_a, scale_b in product(_scales(a), _scales(b)):
        low_a, high_a = _celsius_range(a, scale_a)
        low_b, high_b = _celsius_range(b, scale_b)
        if low_a <= high_b and low_b <= high_a:
            return "rounding"
    return "conflict"


def _scales(frame: QuantityFrame) -> tuple[str, ...]:
    return (frame.unit,) if frame.unit else ("C", "F")


def _celsius_range(frame: QuantityFrame, scale: str) -> tuple[float, float]:
    slack = _HEDGED if frame.approx else _ROUNDED
    low, high = frame.value - slack, frame.value + slack
    if scale == "F":
        return (low - 32) * 5 / 9, (high - 32) * 5 / 9
    return low, high
