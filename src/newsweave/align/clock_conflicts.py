"""Clock times that disagree: two independent outlets timing one happening differently.

"The blaze broke out about 8.40pm" against "broke out ... at 8.49pm"; "shot ... at 11:35 a.m."
against "shot in the chest at 11:37 a.m.". A time is compared only with times of the same event
frame: the happening verb next to it ("broke out", "was shot", "struck", "pronounced dead",
"police were called", "arrived"), so that the time police were called never meets the time the
fire broke out. Times are read as minutes after midnight: "2045 GMT", "8.45pm", "20:45", "9 p.m.",
"noon"; a stated zone is converted when both sides state one, and a hedge ("about", "around",
"shortly before") or a round time ("9pm") is a tolerance: times whose windows meet agree.

Precision first, so a time is left out when it is not plainly one moment of this happening: a
bound ("until", "by", "before"), a time far from any happening verb, a voice that itself gives
one frame two times (a round-up of several shootings; but a later day's article of the voice
that alone agrees with itself is the voice's update, and its times stand), two sentences
naming different weekdays or different victims' ages, and gaps that a zone could explain (whole
hours when a zone is unstated) or so wide that two happenings are told
(`ConflictConfig.max_clock_gap_minutes`).

An unnamed happening ("The incident happened around 3:30 p.m.", "it occurred at") is read as
the story's one happening when the other times name exactly one onset frame (shot, broke out,
struck ...), and is otherwise compared only with other unnamed ones. And a call about the
happening ("The shooting was reported just before 12:45 p.m.") timed more than a round time's
tolerance before another voice's time of the happening itself disputes it: a call after the
happening (police called at 2:55 to a shooting of 2:15) is its own moment and never disputes.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, replace

from newsweave.align.conflict_base import (
    ConflictConfig,
    Statement,
    components,
    days_apart,
    make_conflict,
    story_days,
)
from newsweave.align.per_text import kept_per_text
from newsweave.ids import content_id
from newsweave.model import Conflict, ConflictValue

__all__ = [
    "GENERIC_FRAME",
    "ONSET_FRAMES",
    "ClockTime",
    "clock_conflicts",
    "clock_time_at",
    "clock_times",
    "clocks_disagree",
    "compare_clock_mentions",
    "resolve_generic",
]

# Offsets from UTC in minutes of zones that name one offset; "ET"-style names that hide
# daylight saving are compared only with themselves.
_ZONE_OFFSETS = {
    "GMT": 0, "UTC": 0, "BST": 60, "CET": 60, "CEST": 120, "EST": -300, "EDT": -240,
    "CST": -360, "CDT": -300, "MST": -420, "MDT": -360, "PST": -480, "PDT": -420,
    "AKST": -540, "AKDT": -480, "HST": -600,
}  # fmt: skip
_ZONE = r"(?:GMT|UTC|BST|CEST|CET|EST|EDT|CST|CDT|MST|MDT|PST|PDT|AKST|AKDT|HST|ET|CT|MT|PT)"

# "8.40pm", "11:35 a.m.", "9 p.m.", "6. 30am" (ECB+ tokenisation), "20:49", "2045 GMT", "noon".
_CLOCK = re.compile(
    r"(?<![\d.:,$£€])(?:"
    r"(?P<h12>1[0-2]|0?[1-9])(?:[:.]\s?(?P<m12>[0-5]\d))?\s?(?P<mer>[ap])(?:\.\s?m\.|\s?m\b)"
    r"|(?P<h24>[01]?\d|2[0-3]):(?P<m24>[0-5]\d)(?![\d:])"
    r"|(?P<h4>[01]\d|2[0-3])(?P<m4>[0-5]\d)(?=\s*(?:" + _ZONE + r"|hrs)\b)"
    r"|\b(?P<word>noon|midday|midnight)\b"
    r")"
    r"(?:\s*\(?(?P<zone>" + _ZONE + r")\b|(?P<local>\s+local\s+time\b))?"
)
# The words right before a time that say how it is meant. Bounds ("until", "by") are no moment.
_BEFORE_TIME = re.compile(
    r"(?P<hedge>about|around|approximately|roughly|some|circa|nearly|almost)\s+(?:at\s+)?$"
    r"|(?P<before>(?:shortly|just|soon)\s+before)\s+$"
    r"|(?P<after>(?:shortly|just|soon)\s+after)\s+$"
    r"|(?P<bound>until|till|by|before|after|since|between|from|to|and|or|than|past)\s+"
    r"(?:about\s+|around\s+)?$",
    re.I,
)
_TAIL = 24  # characters before a time that may hold its hedge
_GAME_CLOCK = re.compile(r"\s*(?:left|to\s+go|to\s+play|remaining|into\s+the)\b", re.I)
# A time that opens its sentence ("At 11:35 a.m., the teen was ... when he was shot") may be
# framed by a happening word after it; elsewhere only by one before it ("Reports came in
# around 11:05 a.m. and police arrived ..." times the reports, not the arrival).
_OPENING = re.compile(r"\W*(?:\w+\s+){0,2}(?:at\s+)?$", re.I)

# Happening words and the frame they put a time in. Only times next to one of these are
# compared; times of the police's call, arrival or a death pronounced are frames of their own.
_FRAMES = (
    (
        "started",
        r"broke\s+out|break(?:s|ing)?\s+out|erupted|sparked|(?:fire|blaze|shooting|trial|hearing"
        r"|attack|riot|quake)\s+(?:\w+\s+){0,3}?(?:started|began)",
    ),
    (
        "shot",
        r"(?<!\ba\s)(?<!\bthe\s)(?<!\bone\s)\bshot\b|opened\s+fire|shots\s+(?:were\s+)?(?:fired|rang)",
    ),
    ("stabbed", r"stabbed"),
    ("struck", r"struck|hit|rocked|jolted|shook"),
    ("exploded", r"exploded|detonated|went\s+off"),
    ("crashed", r"crashed|collided"),
    ("pronounced dead", r"pronounced\s+dead|declared\s+dead"),
    ("died", r"\bdied\b"),
    (
        "called",
        r"called|alerted|notified|reported|dispatched|summoned|raised\s+the\s+alarm|"
        r"alarm\s+was\s+raised|911",
    ),
    ("arrived", r"arrived|arriving|responded|got\s+there"),
    ("arrested", r"arrested|detained|taken\s+into\s+custody"),
    ("found", r"found|discovered"),
)
_FRAME_CUE = re.compile(
    "|".join(rf"(?P<f{i}>\b(?:{pattern})\b)" for i, (_, pattern) in enumerate(_FRAMES)), re.I
)
# "The shooting happened at ...": the happening named by a noun.
_NOUN_HAPPENED = re.compile(
    r"\b(?P<noun>shooting|fire|blaze|quake|earthquake|explosion|blast|crash|stabbing)\s+"
    r"(?:\w+\s+)?(?:happened|occurred|took\s+place)\b",
    re.I,
)
# "The incident happened at ...", "it occurred around ...": a happening not named, the story's
# own. Its frame is "happened", which `clock_conflicts` reads as the story's one onset frame
# (below) and otherwise compares only with itself. Read only before its time, and only when no
# clause of its own lies between ("it happened after an argument that began at 9 p.m." times
# the argument).
_GENERIC_HAPPENED = re.compile(
    r"\b(?:incident|it|attack|assault|accident|homicide|killing|murder)\s+(?:\w+\s+)?"
    r"(?:happened|occurred|took\s+place)\b",
    re.I,
)
_GENERIC_GAP = re.compile(
    r"\b(?:after|before|when|while|as|that|which|who|because|following|since|until|and|but)\b",
    re.I,
)
# "a block away from where the assault occurred, around 6:10 a.m., police said": a happening
# named in a clause of another's sentence, whose time may be the other's.
_SUBORDINATE = re.compile(
    r"\b(?:where|when|after|before|since|until|while|as|because|if|once)\s+(?:\w+\s+){0,2}$",
    re.I,
)
_GENERIC_REACH = 60  # characters from "happened" to its time: "at the teen's home on X Road"
GENERIC_FRAME = "happened"
# The frames of the happening itself (not the call, arrival, death or arrest that follow it):
# the frames an unnamed "incident happened" can stand for.
ONSET_FRAMES = frozenset({"started", "shot", "stabbed", "struck", "exploded", "crashed"})
_NOUN_FRAMES = {
    "shooting": "shot", "fire": "started", "blaze": "started", "quake": "struck",
    "earthquake": "struck", "explosion": "exploded", "blast": "exploded", "crash": "crashed",
    "stabbing": "stabbed",
}  # fmt: skip
# How far (characters) a happening word may be from the time it frames: before the time (the
# usual "was shot in the chest at 11:35"), or after it ("At 11:35 a.m., the teen was ... when
# he was shot"). Read on the ECB+/GVC train stories of eval/data/quantity_pairs.jsonl.
_CUE_BEFORE = 90
_CUE_AFTER = 80
_SENTENCE_BREAK = re.compile(r"[;:]|\s[—–]\s")
_WEEKDAY = re.compile(r"\b(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day\b")
_AGE = re.compile(r"\b(\d{1,3})-year-old\b|,\s(\d{1,2}),")

_TOPICS = {
    "started": "time the {} broke out",
    "shot": "time of the shooting",
    "stabbed": "time of the stabbing",
    "struck": "time the {} struck",
    "exploded": "time of the explosion",
    "crashed": "time of the crash",
    "pronounced dead": "time of being pronounced dead",
    "died": "time of death",
    "called": "time of the call",
    "arrived": "time of arrival",
    "arrested": "time of the arrest",
    "found": "time of the finding",
    GENERIC_FRAME: "time it happened",
}  # fmt: skip


@dataclass(frozen=True, slots=True)
class ClockTime:
    """One stated time of day: its window in minutes after midnight (one per reading when
    a.m./p.m. is unstated), its zone, and the happening it times."""

    label: str
    span: tuple[int, int]
    windows: tuple[tuple[int, int], ...]
    zone: str | None
    frame: str | None
    # Said with "about", "shortly before" ...: "about 6am" rounds "06:00 BST", not restates it.
    hedged: bool = False
    # The minutes after midnight as written (one per reading), whatever the window around them.
    written: tuple[int, ...] = ()


@kept_per_text
def clock_times(text: str, config: ConflictConfig | None = None) -> list[ClockTime]:
    """The moments of the day a sentence states, with their frames (None: no happening word)."""
    config = config or ConflictConfig()
    out = []
    for found in _CLOCK.finditer(text):
        readings = _minutes(found)
        if readings is None:
            continue
        start = found.start()
        if _GAME_CLOCK.match(text, found.end()):
            continue  # "17:06 left in the half": a clock of the game, not of the day
        head = _BEFORE_TIME.search(text[max(0, start - _TAIL) : start])
        if head is not None and head.group("bound"):
            continue  # "until about 9 p.m.", "by 4.30pm": a bound, not a moment
        low, high = _tolerance(found, head, config)
        windows = tuple((m - low, m + high) for m in readings)
        zone = found.group("zone")
        label_start = start - len(head.group(0)) if head is not None else start
        label = " ".join(text[label_start : found.end()].split())
        out.append(
            ClockTime(
                label=label,
                span=(label_start, found.end()),
                windows=windows,
                zone=zone.upper() if zone else None,
                frame=_frame_of(text, (start, found.end())),
                hedged=head is not None,
                written=readings,
            )
        )
    return out


def _minutes(found: re.Match[str]) -> tuple[int, ...] | None:
    """Minutes after midnight of a matched time; two readings when a.m./p.m. is unstated."""
    if found.group("word"):
        return (720,) if found.group("word").lower() in {"noon", "midday"} else (0, 1440)
    if found.group("h12"):
        hour = int(found.group("h12")) % 12 + (12 if found.group("mer").lower() == "p" else 0)
        return (hour * 60 + int(found.group("m12") or 0),)
    if found.group("h4"):
        return (int(found.group("h4")) * 60 + int(found.group("m4")),)
    text, hour = found.group("h24"), int(found.group("h24"))
    if hour > 12 or text.startswith("0") or found.group("zone"):
        return (hour * 60 + int(found.group("m24")),)
    # "7:41" with no a.m./p.m. or zone is as often a game clock ("with 7:41 left"), a race
    # time or a duration as a time of day: left out.
    return None


def _tolerance(
    found: re.Match[str], head: re.Match[str] | None, config: ConflictConfig
) -> tuple[int, int]:
    """Minutes the time may stand for before and after itself."""
    if head is not None and head.group("before"):
        return config.clock_shortly_minutes, 0
    if head is not None and head.group("after"):
        return 0, config.clock_shortly_minutes
    minute = int(found.group("m12") or found.group("m24") or found.group("m4") or 0)
    round_time = minute in {0, 30} or bool(found.group("word"))
    if round_time:
        # "9pm" and "about 9pm" both stand for a quarter-hour either side: news rounds to it.
        return config.clock_round_minutes, config.clock_round_minutes
    if head is not None and head.group("hedge"):
        return config.clock_about_minutes, config.clock_about_minutes
    return 0, 0


def _frame_of(text: str, span: tuple[int, int]) -> str | None:
    """The happening the time stands next to: the nearest happening word before it in its
    clause, else the nearest one after it."""
    start, end = span
    cues = _cues(text)
    before = [c for c in cues if c[1] <= start and start - c[1] <= _CUE_BEFORE]
    before = [c for c in before if not _SENTENCE_BREAK.search(text[c[1] : start])]
    if before:
        nearest = max(before, key=lambda c: c[1])
        if nearest[2] == GENERIC_FRAME:
            between = text[nearest[1] : start]
            if len(between) > _GENERIC_REACH or _GENERIC_GAP.search(between):
                return None  # "it happened after a fight that began at ...": another moment
        return nearest[2]
    if not _OPENING.match(text[:start]):
        return None
    cues = [c for c in cues if c[2] != GENERIC_FRAME]  # "At 9pm, ... it happened": no frame
    after = [c for c in cues if c[0] >= end and c[0] - end <= _CUE_AFTER]
    after = [c for c in after if not _SENTENCE_BREAK.search(text[end : c[0]])]
    return min(after, key=lambda c: c[0])[2] if after else None


def _cues(text: str) -> list[tuple[int, int, str]]:
    cues = []
    for found in _FRAME_CUE.finditer(text):
        group = next(name for name, value in found.groupdict().items() if value is not None)
        cues.append((found.start(), found.end(), _FRAMES[int(group[1:])][0]))
    for found in _NOUN_HAPPENED.finditer(text):
        cues.append((found.start(), found.end(), _NOUN_FRAMES[found.group("noun").lower()]))
    named = [(start, end) for start, end, _ in cues]
    for found in _GENERIC_HAPPENED.finditer(text):
        # "The shooting incident happened ...": a named happening's noun wins.
        if any(s < found.end() and found.start() < e for s, e in named):
            continue
        if not _SUBORDINATE.search(text[max(0, found.start() - 40) : found.start()]):
            cues.append((found.start(), found.end(), GENERIC_FRAME))
    return cues


# --- comparison -------------------------------------------------------------------------------


def _aligned(a: ClockTime, b: ClockTime) -> tuple[list[tuple[int, int]], list[tuple[int, int]]]:
    """The two times' windows on one clock: UTC when both zones are known, else as written
    (a day either side of b's too: 23:50 and 00:10 are 20 minutes apart)."""
    shift_a = shift_b = 0
    if a.zone in _ZONE_OFFSETS and b.zone in _ZONE_OFFSETS:
        assert a.zone is not None and b.zone is not None
        shift_a, shift_b = -_ZONE_OFFSETS[a.zone], -_ZONE_OFFSETS[b.zone]
    first = [(low + shift_a, high + shift_a) for low, high in a.windows]
    second = [
        (low + shift_b + day, high + shift_b + day)
        for low, high in b.windows
        for day in (-1440, 0, 1440)
    ]
    return first, second


def _comparable(a: ClockTime, b: ClockTime) -> bool:
    """False for two stated zones that cannot be put on one clock ("ET" against "GMT")."""
    both_known = a.zone in _ZONE_OFFSETS and b.zone in _ZONE_OFFSETS
    return both_known or not (a.zone and b.zone and a.zone != b.zone)


def _gap(a: ClockTime, b: ClockTime) -> tuple[int, bool] | None:
    """(minutes between the two windows at the closest readings, whether both zones are
    known); None when a zone makes them incomparable."""
    if not _comparable(a, b):
        return None
    first, second = _aligned(a, b)
    gap = min(max(0, lb - ha, la - hb) for la, ha in first for lb, hb in second)
    return gap, a.zone in _ZONE_OFFSETS and b.zone in _ZONE_OFFSETS


def _centre_gap(a: ClockTime, b: ClockTime) -> int:
    """Minutes between the two times as written (the middles of their windows)."""
    first, second = _aligned(a, b)
    return min(abs((la + ha) - (lb + hb)) // 2 for la, ha in first for lb, hb in second)


def clocks_disagree(a: ClockTime, b: ClockTime, config: ConflictConfig) -> bool:
    """Whether two times of one frame cannot both be right, and are close enough to be one
    moment misreported rather than two moments or a zone left unsaid."""
    if a.frame is None or a.frame != b.frame:
        return False
    found = _gap(a, b)
    if found is None:
        return False
    gap, zoned = found
    if gap <= config.clock_slack_minutes:
        return False  # "8.39am" and "8.40am": one moment, its seconds rounded or cut
    centre = _centre_gap(a, b)
    if centre > config.max_clock_gap_minutes:
        return False  # two moments (two shootings of one night), not one misreported
    # Unstated zones: a difference of whole hours may be one moment in two zones.
    return zoned or centre % 60 != 0


def resolve_generic(frame: str | None, onsets: set[str]) -> str | None:
    """The frame an unnamed happening's time ("the incident happened at") stands in: the one
    onset frame the other times name; with none it stays its own; with two or more (a crash
    and a shooting told in one story) it is left out (None), as no one can tell which."""
    if frame != GENERIC_FRAME:
        return frame
    if not onsets:
        return frame
    return next(iter(onsets)) if len(onsets) == 1 else None


def compare_clock_mentions(
    a: tuple[str, tuple[int, int]], b: tuple[str, tuple[int, int]], config: ConflictConfig
) -> str | None:
    """How two labelled times (sentence, span) relate, by the rules `clock_conflicts` applies:
    "conflict", "agree", "rounding" (windows meet, values differ) or "different" (two frames,
    people, weekdays, or too far apart); None when either span holds no framed time of day."""
    first, second = (clock_time_at(text, span, config) for text, span in (a, b))
    if first is None or second is None:
        return None
    if GENERIC_FRAME in (first.frame, second.frame):
        # "It happened around 7:15 p.m." is read against a time of the happening itself, or
        # another unnamed one; against the call or an arrival the pair is left to the figure
        # rules, as before the frame was read.
        onsets = {f for f in (first.frame, second.frame) if f in ONSET_FRAMES}
        if first.frame not in ONSET_FRAMES | {GENERIC_FRAME}:
            return None
        if second.frame not in ONSET_FRAMES | {GENERIC_FRAME}:
            return None
        first = replace(first, frame=resolve_generic(first.frame, onsets))
        second = replace(second, frame=resolve_generic(second.frame, onsets))
    if first.frame != second.frame or not _same_people(a[0], b[0]) or not _same_weekday(a[0], b[0]):
        return "different"
    if clocks_disagree(first, second, config):
        return "conflict"
    found = _gap(first, second)
    if found is None or found[0] > config.clock_slack_minutes:
        return "different"
    same = _centre_gap(first, second) == 0 and first.hedged == second.hedged
    return "agree" if same else "rounding"


def clock_time_at(text: str, span: tuple[int, int], config: ConflictConfig) -> ClockTime | None:
    """The framed time of day at `span` in `text` (what a conflict's position shows), or None."""
    return next(
        (
            t
            for t in clock_times(text, config)
            if t.frame is not None and t.span[0] < span[1] and span[0] < t.span[1]
        ),
        None,
    )


def _same_people(a: str, b: str) -> bool:
    """False when both sentences give ages and share none (two victims of a round-up)."""
    ages_a = {x or y for x, y in _AGE.findall(a)}
    ages_b = {x or y for x, y in _AGE.findall(b)}
    return not (ages_a and ages_b) or bool(ages_a & ages_b)


def _same_weekday(a: str, b: str) -> bool:
    days_a, days_b = set(_WEEKDAY.findall(a)), set(_WEEKDAY.findall(b))
    return not (days_a and days_b) or bool(days_a & days_b)


@dataclass(slots=True)
class _Position:
    time: ClockTime
    members: list[int]


def clock_conflicts(
    story_id: str, statements: Sequence[Statement], config: ConflictConfig
) -> list[Conflict]:
    """Disputes over the time of day of one happening between independent voices."""
    # No sentence-level story-weekday filter as for figures: a fire "at 8.49pm on Friday" is
    # told by articles of Saturday; two sentences naming different weekdays are kept apart
    # pairwise instead. An undated article that opens on another day tells of another
    # happening ("the earthquake struck the island at 5:11 p.m.", then "Monday's earthquake was
    # the second one"), and its times are left out as its figures are.
    _, other_articles = story_days(statements)
    framed: list[tuple[int, ClockTime]] = []
    for index, statement in enumerate(statements):
        if statement.evidence.article_id in other_articles:
            continue
        text = statement.evidence.text
        framed += [(index, t) for t in clock_times(text, config) if t.frame is not None]
    # "The incident happened around 3:30 p.m." times the story's one happening when the other
    # times name one onset frame ("shot"): WGN's 3:30 against three outlets' 3:50 (GVC 525486).
    onsets = {t.frame for _, t in framed if t.frame in ONSET_FRAMES}
    framed = [
        (i, replace(t, frame=frame))
        for i, t in framed
        if (frame := resolve_generic(t.frame, onsets)) is not None
    ]
    framed = _consistent_voices(framed, statements, config)
    by_frame: dict[str, dict[str, _Position]] = defaultdict(dict)
    for index, time in framed:
        assert time.frame is not None
        by_label = by_frame[time.frame]
        if time.label in by_label:
            by_label[time.label].members.append(index)
        else:
            by_label[time.label] = _Position(time, [index])
    out = []
    for frame in sorted(by_frame):
        positions = [by_frame[frame][k] for k in sorted(by_frame[frame])]
        disputes: dict[int, set[int]] = defaultdict(set)
        for i, a in enumerate(positions):
            for j in range(i + 1, len(positions)):
                b = positions[j]
                if clocks_disagree(a.time, b.time, config) and _independent_pair(
                    a.members, b.members, statements, config
                ):
                    disputes[i].add(j)
                    disputes[j].add(i)
        for component in components(disputes):
            held = [positions[k] for k in component]
            out.append(_conflict(story_id, frame, held, statements))
    for frame in sorted(by_frame.keys() & ONSET_FRAMES):
        out += _reported_before(story_id, frame, by_frame, statements, config)
    return out


# The words by which a call names the happening of an onset frame: "the shooting was reported
# just before 12:45 p.m." is a call about the shooting; "police were called at 1 a.m. to a
# disturbance" is about something else, which may well come before the shooting.
_CALLED_ABOUT = {
    "shot": r"shooting|shots|gunfire|gunshots?|shot",
    "stabbed": r"stabbing|stabbed",
    "started": r"fire|blaze|flames",
    "exploded": r"explosion|blast",
    "crashed": r"crash|collision|wreck",
    "struck": r"(?:earth)?quake|tremor",
}  # fmt: skip


def _reported_before(
    story_id: str,
    frame: str,
    by_frame: dict[str, dict[str, _Position]],
    statements: Sequence[Statement],
    config: ConflictConfig,
) -> list[Conflict]:
    """One voice's time of a happening against another's time of the call about it, when the
    call comes first: "The shooting happened at about 1:30 p.m." (WFTV) against "The shooting
    was reported just before 12:45 p.m." (WESH), GVC 525119. A call after the happening is
    no dispute (GVC 590958: shot about 2:15 a.m., police called out about 2:55)."""
    about = re.compile(rf"\b(?:{_CALLED_ABOUT[frame]})\b", re.I)
    onsets = [by_frame[frame][k] for k in sorted(by_frame[frame])]
    calls = []
    for label in sorted(by_frame.get("called", {})):
        position = by_frame["called"][label]
        members = [i for i in position.members if about.search(statements[i].evidence.text)]
        if members:
            calls.append(_Position(position.time, members))
    disputes: dict[int, set[int]] = defaultdict(set)
    for i, onset in enumerate(onsets):
        for j, call in enumerate(calls, start=len(onsets)):
            if _call_first(call.time, onset.time, config) and _independent_pair(
                onset.members, call.members, statements, config
            ):
                disputes[i].add(j)
                disputes[j].add(i)
    out = []
    for component in components(disputes):
        held = [onsets[k] for k in component if k < len(onsets)]
        called = [calls[k - len(onsets)] for k in component if k >= len(onsets)]
        # The positions keep their written times (what a labelled pair's figure shows); the
        # topic says that one side is the call.
        out.append(_conflict(story_id, frame, held + called, statements, _CALLED_FIRST))
    return out


def _call_first(call: ClockTime, onset: ClockTime, config: ConflictConfig) -> bool:
    """Whether a call's time lies wholly before the happening's, by more than a round time's
    tolerance beyond both windows (two sources' clocks; the first of several calls), and close
    enough to be one happening's (as `clocks_disagree`: within the widest gap, and not a whole
    number of hours when a zone is unstated)."""
    if not _comparable(onset, call):
        return False
    first, second = _aligned(onset, call)
    low, high, call_low, call_high = min(
        ((la, ha, lb, hb) for la, ha in first for lb, hb in second),
        key=lambda w: abs((w[0] + w[1]) - (w[2] + w[3])),
    )
    centre = abs((low + high) - (call_low + call_high)) // 2
    if centre > config.max_clock_gap_minutes:
        return False
    zoned = onset.zone in _ZONE_OFFSETS and call.zone in _ZONE_OFFSETS
    apart = {(a - b) % 60 for a in onset.written for b in call.written}
    if not zoned and 0 in apart:
        return False  # "1:30 p.m." and "12:30 p.m.": one moment in two zones, maybe
    return low - call_high > config.clock_round_minutes


def _consistent_voices(
    framed: list[tuple[int, ClockTime]], statements: Sequence[Statement], config: ConflictConfig
) -> list[tuple[int, ClockTime]]:
    """Leave out a voice's times of a frame when the voice itself gives that frame two
    disagreeing times: it tells of two happenings (a night's shootings), not one. But an outlet
    that times one happening again in a later day's article (tune: DNAinfo's "shot in the
    chest at 11:35 a.m." on Friday, "at 11:37 a.m." on Sunday) updates itself: when only its
    latest day's articles agree among themselves, that day's times stand for the voice."""
    by_voice: dict[tuple[str, str | None], list[tuple[int, ClockTime]]] = defaultdict(list)
    for index, time in framed:
        by_voice[(statements[index].voice, time.frame)].append((index, time))
    kept: set[tuple[str, str | None]] = set()
    latest: set[int] = set()
    for key, items in by_voice.items():
        if not _mixed([t for _, t in items], config):
            kept.add(key)
            continue
        days = {statements[i].day for i, _ in items}
        last = max(days)
        newest = [(i, t) for i, t in items if statements[i].day == last]
        if len(days) > 1 and "" not in days and not _mixed([t for _, t in newest], config):
            latest.update(i for i, _ in newest)
    return [(i, t) for i, t in framed if (statements[i].voice, t.frame) in kept or i in latest]


def _mixed(times: list[ClockTime], config: ConflictConfig) -> bool:
    """Whether some two of one voice's times of a frame lie further apart than the slack."""
    return any(
        (gap := _gap(a, b)) is not None and gap[0] > config.clock_slack_minutes
        for a in times
        for b in times
    )


def _independent_pair(
    a: list[int], b: list[int], statements: Sequence[Statement], config: ConflictConfig
) -> bool:
    """Some sentence of each side, from two voices, of the same people, weekday and days."""
    for i in a:
        for j in b:
            first, second = statements[i], statements[j]
            if first.voice == second.voice:
                continue
            text_a, text_b = first.evidence.text, second.evidence.text
            if not _same_people(text_a, text_b) or not _same_weekday(text_a, text_b):
                continue
            apart = days_apart(first.day, second.day)
            if apart is not None and apart > config.max_clock_days:
                continue  # written on days so far apart that two happenings are told
            return True
    return False


_CALLED_FIRST = "{}, reported before it happened"


def _conflict(
    story_id: str,
    frame: str,
    held: list[_Position],
    statements: Sequence[Statement],
    topic_form: str = "{}",
) -> Conflict:
    values = tuple(
        ConflictValue(
            value=p.time.label,
            evidence=tuple(
                sorted(
                    {statements[i].evidence for i in p.members},
                    key=lambda e: (e.article_id, e.span),
                )
            ),
        )
        for p in sorted(held, key=lambda p: p.time.label)
    )
    topic = _topic(frame, [statements[i].evidence.text for p in held for i in p.members])
    topic = topic_form.format(topic)
    conflict_id = content_id("x", story_id, "conflict", topic, *(v.value for v in values))
    return make_conflict(conflict_id, story_id, topic, values, kind="conflict", basis="time")


# What broke out or struck, named in the positions' sentences: "time the fire broke out".
_HAPPENING_NOUN = re.compile(r"\b(fire|blaze|flames|quake|earthquake|tremor|riot|fight)\b", re.I)
_NOUN_NAMES = {"blaze": "fire", "flames": "fire", "earthquake": "quake", "tremor": "quake"}


def _topic(frame: str, texts: list[str]) -> str:
    words = _TOPICS.get(frame, f"time it {frame}")
    if "{}" not in words:
        return words
    nouns = {
        _NOUN_NAMES.get(n.lower(), n.lower()) for t in texts for n in _HAPPENING_NOUN.findall(t)
    }
    return words.format(nouns.pop()) if len(nouns) == 1 else words.replace("the {}", "it")
