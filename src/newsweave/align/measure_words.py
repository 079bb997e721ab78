"""The words that say what a figure measures: cue words, units, hedges, negated counts.

Lexicons of `align.quantities` (kept apart so that the frame logic stays short); every entry was
added for a case read in ECB+/GVC stories (tune half of `eval/data/quantity_pairs.jsonl`) or in
the issue that asked for it, and `eval/conflicts.py` re-checks them.
"""

from __future__ import annotations

import re

# Measures whose figure belongs to the happening itself (a story is one happening): the entity
# named near them is not part of the frame. Other measures need an entity ("home to 120,000"
# is Qeshm's population, not Zarand's).
EVENT_MEASURES = frozenset(
    {"deaths", "injured", "casualties", "missing", "arrested", "displaced", "magnitude",
     "aftershock magnitude", "depth", "shots", "rescued", "hostages", "charges", "sentence",
     "haul", "reward", "damaged", "destroyed", "seized", "fall", "time in hospital",
     "temperature"}
)  # fmt: skip
# A hospital stay's length written right before its duration ("had been hospitalized in Los
# Angeles for four weeks", "had been in hospital for three weeks"): one patient's stay before
# what the story tells, read on ECB+ 4_ecb (split fresh12, after its untouched run); over every
# ECB+ and GVC story no other sentence writes one, so no two patients' stays meet.
HOSPITAL_STAY = re.compile(
    r"\b(?:hospitali[sz]ed|in (?:the |a )?hospital)(?: in [A-Z][a-z]{1,20}(?: [A-Z][a-z]{1,20})?)?"
    r" for (?:more than |about |nearly |almost |over )?$",
    re.IGNORECASE,
)
# "the 12000 block of East 223rd Street": the block's number and the street (capitalised words,
# numbered streets; up to five words, so the match stays short).
STREET_BLOCK = re.compile(
    r"\bthe\s+(?P<number>[1-9]\d{1,5}|[1-9]\d{0,2},\d{3})(?:\s+|-)block\s+of\s+"
    r"(?P<street>(?:(?:[A-Z][\w'’.-]*|\d+(?:st|nd|rd|th))\s?){1,5})"
)
# A house number on a named street: "went to the family's home at 14458 Rixeyville Rd." lies in
# the 14400 block of that street (GVC 168844: "the 4400 block of Rixeyville Road" elsewhere).
# Only after "at" and with a street word, so a count ("at 300 Main Street stores") is rare.
HOUSE_NUMBER = re.compile(
    r"\bat\s+(?P<number>[1-9]\d{1,5})\s+"
    r"(?P<street>(?:(?:[A-Z][\w'’.-]*|\d+(?:st|nd|rd|th))\s){1,4}"
    r"(?:St|Street|Ave|Avenue|Rd|Road|Blvd|Boulevard|Dr|Drive|Ln|Lane|Pl|Place|Ct|Court|Pkwy"
    r"|Parkway|Hwy|Highway|Ter|Terrace|Cir|Circle)\b)"
)
# Street words as outlets shorten them ("Rixeyville Rd." / "Rixeyville Road").
STREET_WORDS = {
    "st": "street", "ave": "avenue", "rd": "road", "blvd": "boulevard", "dr": "drive",
    "ln": "lane", "pl": "place", "ct": "court", "pkwy": "parkway", "hwy": "highway",
    "ter": "terrace", "cir": "circle",
}  # fmt: skip
# A distance fallen: "died after falling about 150 metres", "fell 700 meters".
FALL_BEFORE = re.compile(
    r"\b(?:fell|falls?|falling|plunged|plunging|plummeted|plummeting|tumbled|tumbling)"
    r"(?:\s+(?:about|some|around|nearly|almost|more\s+than|at\s+least|roughly))?\s+$",
    re.I,
)
# "casualties" count the dead and the injured together: none of them contradicts any dead or
# injured; a number of them does not contradict a number of either (a part is not the total).
# A score's sides are tallies of whatever its sentence counts ("306-232" after "the Electoral
# College" two sentences earlier): a score compares with a tally of the same side's name.
TALLIES = frozenset({"score", "votes", "electoral votes", "points", "goals", "runs"})
INCLUDES = {"casualties": frozenset({"deaths", "injured"})}


# Cue word stems -> measure. Participles and nouns; checked on the counted noun, then right
# after the number ("Ten people were killed"), then left of it ("killing 10 people").
def _cue_table(table: dict[str, str]) -> dict[str, str]:
    """{measure: "word word ..."} -> {word: measure}."""
    return {word: measure for measure, words in table.items() for word in words.split()}


def _set(words: str) -> frozenset[str]:
    return frozenset(words.split("|"))


CUES = _cue_table(
    {
        "deaths": "killed kill kills killing dead died die dies death deaths fatalities fatality "
        "fatal fatally lives bodies toll slain murdered perished",
        "injured": "injured injuring injures injury injuries wounded wounding wounds hurt "
        "hospitalized hospitalised",
        "casualties": "casualties casualty victims",
        "missing": "missing unaccounted",
        "arrested": "arrested arrests arrest detained detentions bust roundup",
        "displaced": "evacuated displaced homeless evacuees refugees",
        "rescued": "rescued",
        "hostages": "hostages",
        "magnitude": "magnitude magnitudes strength",
        "depth": "depth deep",
        "shots": "shots",
        "charges": "counts charges",
        "electoral votes": "electoral",
        "votes": "votes vote",
        "population": "population residents inhabitants",
    }
)
# "Two people were shot": the people hit by gunfire (dead and wounded together), unless the next
# words say which ("shot dead", "shot and killed", "shot and wounded"). Not a cue of a counted
# noun: "one shot" is a shot fired.
SHOT_WORDS = frozenset({"shot", "gunned"})
# Which shooting a bare count of people shot is of is not read (shooting stories tell of others
# in the same words): it can agree, never dispute.
SHOT = "shot (noun only)"
AFTER_SHOT = {
    "dead": "deaths", "killed": "deaths", "death": "deaths", "fatally": "deaths",
    "wounded": "injured", "injured": "injured", "hurt": "injured",
}  # fmt: skip
# Money measures: what the amount is the price, loot or fine of.
MONEY_CUES = _cue_table(
    {
        "price": "paid pay pays paying price deal acquisition acquire acquires acquired buy buys "
        "bought purchase takeover offer bid cost sold sell",
        "contract": "contract salary",
        "haul": "stolen stole heist loot haul robbery robbers robbed snatched jewels jewellery "
        "jewelry diamond diamonds gems necklaces",
        "bail": "bail bond",
        "fine": "fine fined penalty settlement damages",
        "reward": "reward",
        "revenue": "revenue revenues sales",
        "profit": "profit profits earnings",
        "loss": "loss losses",
    }
)
PERCENT_CUES = {"vote": "vote share", "votes": "vote share", "turnout": "turnout"}
# Counted nouns that say nothing of what happened to them: the measure needs a cue word.
GENERIC_UNITS = _set(
    "people|persons|person|men|women|children|others|adults|teenagers|students|residents|"
    "civilians|soldiers|officers|workers|passengers"
)
# A count of "people" (or of nothing named) is the whole; "two women died" or "two officers
# were hurt" count a group among them: "deaths (women)" is its own measure, which only a
# count of none contradicts.
WHOLE_UNITS = _set("people|persons|person|others")
DISTANCE_UNITS = {
    "km": 1.0, "kilometers": 1.0, "kilometres": 1.0, "kilometer": 1.0, "kilometre": 1.0,
    "miles": 1.609, "mile": 1.609, "mi": 1.609, "m": 0.001, "meters": 0.001, "metres": 0.001,
}  # fmt: skip
DIRECTION = re.compile(
    r"^\s*(?:\(.*?\)\s*)?(?:(?:north|south|east|west)(?:-?(?:east|west))?(?:ern)?|from|away from|"
    r"off|outside)\b(?:\s+of)?\s+(?:the\s+)?(?P<place>(?:[A-Z][\w'’-]+\s?){1,3})"
)
BELOW = re.compile(r"^\s*(?:\(.*?\)\s*)?(?:deep|below|beneath|underground|down)\b", re.I)
DEPTH_BEFORE = re.compile(r"\bdepth\s+of\s+(?:about\s+|some\s+)?$", re.I)
PART_AFTER = re.compile(
    r"^\s*(?:(?P<of>of\s+(?:the|those|them|whom|which|these)\b)"
    r"|in\s+(?P<part>cash|stock|shares|equity|debt)\b|(?P<share>(?:a|per)\s+share)\b)",
    re.I,
)
POPULATION_BEFORE = re.compile(
    r"(?:\bhome\s+to|\bpopulation\s+of|\b(?:town|city|village|island)\s+of)\s+(?:about\s+|some\s+|"
    r"more\s+than\s+|over\s+|nearly\s+|around\s+)?$",
    re.I,
)
LOCATED_BEFORE = re.compile(
    r"(?:\b(?:located|lies|lying|situated|sits)|[A-Z][\w'’-]{1,40},)\s+(?:about\s+|some\s+|roughly\s+|"
    r"around\s+|nearly\s+)?$"
)
# The two ends of a range: "(ranging) from 3.6 to 4.3", "between 10 and 15".
RANGE_OPEN = re.compile(r"\b(?:from|between)\s+$", re.I)
# The lookbehind starts a match only at the start of a run of spaces (linear on long runs).
RANGE_JOIN = re.compile(r"(?<!\s)\s*(?:to|and|-|–)\s*", re.I)
# Between an amount and its conversion: "5 million euros ($6.5 million)", "£3m, or $4.7m".
# Between two conversions listed in one bracket: "(£1.7m; $2.6m)", "(£1.7m, $2.6m)".
LIST_GAP = re.compile(r"^[;,]\s?$")
CONVERSION_GAP = re.compile(
    # One optional comma, never two runs of spaces in a row (linear on long runs of spaces).
    r"^\s*(?:\(|/|(?:,\s*)?(?:or|about|approximately|roughly|around|some)\b)\s*"
    r"(?:(?:about|approximately|roughly|around|some|nearly)\s*)?$",
    re.I,
)
# "Qeshm, a 1,500-square-kilometer island ... and 1,500 kilometers south of Tehran, has ...": a
# figure inside the apposition that opens the sentence is of the name it follows (no ", " in
# between; "1,500" has no space after its comma).
SUBJECT_APPOSITION = re.compile(
    r"^\W*[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+){0,2},\s+(?:(?!,\s)[^;:()—–])*$"
)
NEGOTIATED_MONEY = frozenset({"price", "contract", "revenue", "profit", "loss"})
# A score is a tally of votes only in a sentence about an election: "voted" alone also comes with
# games ("voted the league's MVP ... beat the Chiefs 20-13"), whose scores change during play.
ELECTION_WORDS = re.compile(r"\b(?:election|electoral|ballots?|elector)s?\b", re.I)
AUX = frozenset(
    [
        "were",
        "was",
        "are",
        "is",
        "have",
        "has",
        "had",
        "been",
        "be",
        "being",
        "reported",
        "confirmed",
        "said",
        "believed",
    ]
)
CLAUSE_BREAK = re.compile(r"[;:()\[\]—–]|,\s|\.\s|\band\b|\bbut\b|\bwhile\b")
WORD = re.compile(r"[A-Za-z][A-Za-z'-]*")

# Words that may stand between a counted noun and its cue: "two officers suffered minor injuries".
BETWEEN_NOUN_AND_CUE = _set(
    "in|on|of|the|a|more|others|other|suffered|sustained|received|minor|serious|critical|"
    "severe|life-threatening|non-life-threatening|gunshot|bullet|were|reportedly"
)
# Hedges -> which side of the stated value the true one may lie on.
LOWER_BOUND = _set("more than|over|at least|upwards of|just over|as many as|some|an estimated")
UPPER_BOUND = _set("less than|fewer than|under|up to|at most|just under|as few as")
NEAR_BELOW = _set("nearly|almost|close to")

# Sentences about the after-effects, not the happening: their figures are another measure.
AFTERSHOCK = re.compile(r"\baftershocks?\b|\btremors?\s+(?:followed|after)\b", re.I)
# Measures that only grow or shrink as the news comes in: a later different figure is an update.
# "86 arrests over the course of Saturday's protests": a count of one day of several (a day's
# protests, a night's riot) is a part of the story's total, which it can never dispute.
ONE_DAY_SCOPE = re.compile(
    r"\b(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day(?:\s+(?:night|morning|evening|afternoon))?"
    r"['’]s\b"
)
# Figures that grow as the news goes on: a later, other value is an update, and one writer
# stating two values holds two things. A reward is raised ("upped the reward by $20,000, making
# the total $23,000"; "$25,000" three days later: fresh5, read after its untouched figure).
# How long one act lasted (`align.act_spans`) is read only of a finished act, but a later
# article may tell a longer one that went on: an update, never a dispute across days.
CUMULATIVE_MEASURES = frozenset(
    {"deaths", "injured", "casualties", "missing", "arrested", "displaced", "rescued", "shots",
     "charges", "reward", "damaged", "destroyed", "seized", "time spent"}
)  # fmt: skip
# Figures of one moment: told on two days, two values are two moments, neither an update nor a
# dispute (`align.temperatures`).
ONE_DAY_MEASURES = frozenset({"temperature"})
# What happened to counted things ("three undersea cables were damaged"), read right after
# their noun (`quantities._thing_state`): a count of one noun in one state is one measure.
THING_STATES = {
    "damaged": "damaged", "damage": "damaged", "cut": "damaged", "severed": "damaged",
    "destroyed": "destroyed", "flattened": "destroyed", "razed": "destroyed",
    "seized": "seized", "confiscated": "seized",
}  # fmt: skip
# "Qeshm island, home to 120,000 people", "Zarand, a town of about 15,000 people": the name the
# population belongs to is the one the phrase is set off from by a comma.
POPULATION_OF = re.compile(
    r"(?P<name>[A-Z][\w'’-]{0,40}(?:\s+[A-Z][\w'’-]{0,40}){0,2})(?:\s+(?:island|city|town|province|"
    r"village|county|state))?,\s+(?:(?:a|the)\s+(?:[\w-]+\s+){0,2}(?:town|city|village|island|"
    r"province|country)\s+of|home\s+to|with\s+a\s+population\s+of|population)\s+"
    r"(?:about\s+|some\s+|more\s+than\s+|over\s+|nearly\s+|around\s+|roughly\s+)?$"
)
# "Qeshm is Iran's largest island in the Persian Gulf, with a population of 120,000": the
# sentence's subject, when it "is" or "has" what follows in one clause (no "which", "who" ...
# that would bring in another thing).
POPULATION_SUBJECT = re.compile(
    r"^\W*(?P<name>[A-Z][\w'’-]{1,40}(?:\s+[A-Z][\w'’-]{1,40}){0,2})\s+(?:is|has)\s+"
    r"(?:(?!\b(?:which|who|whose|where|that|while|and|but)\b)[^.;:()])*?"
    r"(?:,\s+)?(?:with\s+)?(?:a\s+)?population\s+of\s+"
    r"(?:about\s+|some\s+|more\s+than\s+|over\s+|nearly\s+|around\s+|roughly\s+)?$"
)
# Negated counts: "no casualties", "no one was killed", "nobody was hurt".
ZERO = re.compile(
    r"\b(?:no|zero)\s+(?:other\s+)?(?P<noun>casualties|deaths|fatalities|injuries|victims|dead|"
    r"one\s+(?:was|were|has\s+been|had\s+been)\s+(?:\w+\s+)?(?P<verb1>killed|injured|hurt|wounded|"
    r"harmed)|injured)\b(?!\s+(?:reports?|immediate))"
    r"|\bnobody\s+(?:was|were|has\s+been|had\s+been)\s+(?:\w+\s+)?(?P<verb2>killed|injured|hurt|"
    r"wounded|harmed)\b"
    r"|\bwithout\s+(?:any\s+)?(?P<noun2>casualties|injuries)\b",
    re.I,
)
ZERO_HEDGED = re.compile(
    r"\b(?:immediate|initial|early|yet|else|other|further|more|reports?\s+of|word\s+of|"
    r"information|known|no\s+one\s+else)\b",
    re.I,
)
ZERO_MEASURE = {
    "casualties": "casualties", "victims": "casualties", "deaths": "deaths",
    "fatalities": "deaths", "dead": "deaths", "killed": "deaths", "injuries": "injured",
    "injured": "injured", "hurt": "injured", "wounded": "injured", "harmed": "casualties",
}  # fmt: skip

# Nouns that name one unnamed person by role, after an age ("a 12-year-old girl"): two such
# ages compare only when listed with others (`quantities.listed_ages`).
PERSON_NOUNS = _set(
    "boy|girl|man|woman|son|daughter|stepson|stepdaughter|child|baby|toddler|infant|teen|"
    "teenager|brother|sister|wife|husband|mother|father|grandmother|grandfather|nephew|niece|"
    "cousin|uncle|aunt|victim|suspect|gunman|driver|passenger|student|friend|neighbor|"
    "neighbour|boyfriend|girlfriend"
)
# "a mother of 12", "father of three": a parent's number of children.
PARENT_OF = re.compile(
    r"\b(?:mother|father|mom|dad|mum|parent|grandmother|grandfather)\s+of\s+$", re.I
)
# The parent named right after the figure: "Mother of 13 Zurana Horton" (two or more names);
# a match starts only at the first space of a run (linear on long runs of spaces).
NAME_AFTER = re.compile(r"(?<!\s)\s+(?P<name>[A-Z][\w'’-]+(?:\s[A-Z][\w'’-]+){1,3})")
# ... or set off before it: "Zurana Horton, 34, a mother of 12".
PARENT_APPOSITION = re.compile(
    r"(?<![\w'’-])(?P<name>[A-Z][\w'’-]+(?:\s[A-Z][\w'’-]+){0,3}),\s(?:\d{1,3},\s)?"
    r"(?:an?|the)\s(?:[\w-]+\s){0,2}(?:mother|father|mom|dad|mum|parent|grandmother|"
    r"grandfather)\s+of\s+$"
)
# Counted nouns of another time: "four prior arrests", "two previous convictions".
EARLIER_WORDS = _set("prior|previous|earlier|past|former")
CAPITALISED = re.compile(r"\b[A-Z][a-z'’-]+")
# Capitalised words that name no one: a sentence's first word, officials, days and months.
NOT_NAMES = _set(
    "The|A|An|He|She|They|It|His|Her|Their|On|In|At|After|When|Police|Officers|Authorities|"
    "Deputies|Detectives|Investigators|Officials|Witnesses|Neighbors|Neighbours|According|"
    "Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|January|February|March|April|"
    "May|June|July|August|September|October|November|December|Deputy|Officer|Sheriff|Sgt|Lt"
)
