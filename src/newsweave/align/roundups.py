"""Roundups and datelines: what of an article's text is not its story's own statement.

A roundup article tells several happenings one after another; only the part its story's other
articles tell is the story's (`other_incident_spans`): the brief takes no line from the other
parts and the timeline dates none of their sentences. A wire dateline ("MILWAUKEE - ",
"LONDON, Nov 7 (Reuters) - ") heads a lede as page furniture: a brief line or a timeline entry
shows the sentence after it (`strip_dateline`).
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence

from newsweave.model import Article, Evidence, Story

# A wire dateline at the head of a lede: "NEW YORK (AP) - ", "OVERLAND, MO (KTVI) – ",
# "(WISH) — " (GVC 562315 in audit 6, GVC 402674 and 591237). Page furniture, not the outlets'
# statement: a line starts after it. Cleaning cuts the plain wire form from an article's first
# paragraph (`clean.text._WIRE_DATELINE`); these are the forms it leaves.
DATELINE = re.compile(
    # A page's update stamp may stand before it: "(Updated 3:25 p.m.) WATSONVILLE >> " (GVC
    # 704906, the Santa Cruz Sentinel's dateline mark).
    r"^(?:\((?:Updated|Posted|Published)\b[^()\n]{0,40}\)\s*)?"
    # The place may be in title case before the agency's name: "Killingly (AP) — " (GVC 170442).
    r"(?:(?:[A-Z][A-Za-z.'’ ]{1,30}(?:,\s*[A-Z][A-Za-z.]{1,15})?"
    # ... with the day: "NEW HAVEN, Conn., Oct. 27 (UPI) -- " (GVC 492366, fresh8).
    r"(?:,\s*[A-Z][a-z]{2,8}\.?\s+\d{1,2})?\s*)?"
    r"\([A-Za-z0-9.' ]{2,20}\)\s*[-—–]+\s*"
    # An all-capitals place, its state and day, without an agency: "MILWAUKEE — ", "ATLANTA,
    # Ga. -- ", "WASHINGTON, Nov. 7 - " ...
    # A hyphen inside the place is its own ("WILKES-BARRE -- A mother ...").
    r"|[A-Z][A-Z.'’ -]{2,30}(?:,\s*[A-Z][A-Za-z.]{1,15})?(?:,\s*[A-Z][a-z]{2,8}\.?\s+\d{1,2})?"
    # ... before a capital, or, with a spaced dash, before a figure or a quote: "MILWAUKEE —
    # 37-year-old Oliver Kennedy of Milwaukee has been charged ..." (GVC 590958, session 18)
    # kept the place as the line's first word. A hyphen glued on both sides joins words
    # ("SKY-TV reports", "A FIRE-BOMB attack", "BREAKING NEWS-3"), unless a sentence's first
    # word follows ("ALASKA-Shortly after 3:30 Tuesday morning ...", ECB+ 13_ecbplus).
    r"(?:(?:\s*(?:--|[—–]|>>)\s*|\s*-\s+|\s+-\s*)(?=[A-Z])|-(?=[A-Z][a-z])"
    r"|\s+(?:--|[-—–])\s+(?=[\d\"“‘])))"
)


# A page's date in brackets before its lede: "(Tue, 16 Aug 2011) This morning one of the Wits
# Internet Service providers, SEACOM, experienced an outage ..." (ECB+ 30_7ecbplus, session 23:
# a brief opened on it). The report's day, not a happening's, like a wire dateline's.
_BRACKETED_DATE = re.compile(
    r"^\((?:(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun)[a-z]{0,6}\.?,?\s+)?"
    r"(?:\d{1,2}\s+[A-Z][a-z]{2,8}\.?,?\s+\d{4}|[A-Z][a-z]{2,8}\.?\s+\d{1,2},?\s+\d{4})\)\s*"
    r"(?=[A-Z\"“‘])"
)


def strip_dateline(text: str) -> str:
    """`text` without the wire dateline that heads it (twice: "NAPLES, Fla. - NAPLES, Fla. --
    One person is in the hospital ...", a page that repeats it), or the bracketed date of its
    page ("(Tue, 16 Aug 2011) This morning ...")."""
    text = _BRACKETED_DATE.sub("", text, count=1)
    return DATELINE.sub("", DATELINE.sub("", text, count=1), count=1)


# A roundup tells several happenings one after another ("The first shooting occurred around
# 6:20 p.m. ...", "Milwaukee police were called out to another shooting near 28th and Capitol
# ...", GVC 590958): each part opens on a sentence that names its happening as one of several.
_INCIDENT_NOUN = (
    r"(?:shootings?|stabbings?|crash(?:es)?|collisions?|incidents?|fires?|robber(?:y|ies)"
    r"|homicides?|killings?|murders?|accidents?|explosions?|burglar(?:y|ies)"
    r"|carjackings?|blasts?|bombings?|quakes?|earthquakes?)"
)
# ... not a charge or a case named after one ("arrested on a separate capital murder charge",
# GVC 700468: the same suspect's other case, told as this story's).
_PART_OPENS = re.compile(
    r"\b(?:another|a\s+second|a\s+third|a\s+separate|an\s+unrelated|the\s+first|the\s+second"
    r"|the\s+third|the\s+other|the\s+earlier|the\s+later)\s+(?:[a-z-]{2,20}\s+)?"
    + _INCIDENT_NOUN
    + r"\b(?!\s+(?:charges?|counts?|cases?|trials?|investigations?|suspects?|convictions?))",
    re.IGNORECASE,
)
_ANOTHER = re.compile(r"another|a\s+separate|an\s+unrelated", re.IGNORECASE)
# The overview before a roundup's parts ends where "the first shooting" opens its first part.
_FIRST_PART = re.compile(r"\bthe\s+first\b", re.IGNORECASE)
# The words a part is told by: figures ("2:55", "28th", "49-year-old") and names.
_MARK = re.compile(r"\d+(?:[:.]\d+)?(?:st|nd|rd|th)?|(?<![.!?]\s)(?<!^)\b[A-Z][a-z]{2,}")
MIN_PART_MARKS = 2  # a part's words another article must share before it is the story's


def _marks(text: str) -> set[str]:
    return {m.lower() for m in _MARK.findall(text)}


def other_incident_spans(
    story: Story, articles: Mapping[str, Article]
) -> dict[str, list[tuple[int, int]]]:
    """The parts of a roundup article that tell another happening than the story's.

    A roundup's later parts open on a sentence that names their happening as one of several
    ("another shooting", "in a separate incident", "This is the second shooting this week");
    the article's lede, before the first such sentence, is its own happening, unless the first
    part opens on "the first shooting": the lede is then an overview of them all
    ("investigating two separate shooting incidents ... One person died and another sustained
    a serious gunshot wound"). The story's part is the one whose figures and names (those not
    in every part) the story's other articles share most; the overview and the other parts
    tell no one happening of the story, and a brief line from them reads as the story's (GVC
    590958: a 6:20 p.m. dispute and its victim's hospital after a 2:15 a.m. killing). A part
    set aside ends at a paragraph after its first whose figures and names the story's other
    articles share again (the writer back on the story: "Luke lived at the house on Amesti
    Road ..." after an earlier shooting's story, GVC 704906), or that names one of the story
    part's own that the other happening's opening paragraph does not ("She drove to the scene
    of the shooting Saturday" after Wednesday's shooting, GVC 604190). A story of one article
    is its lede's part. Nothing is set aside when no part is clearly the story's. A chronology
    of dated items beside the report is set aside too (`chronology_spans`)."""
    out: dict[str, list[tuple[int, int]]] = {}
    members = [articles[i] for i in story.article_ids if i in articles]
    # Each member's marks read once, when a roundup of the story first asks for them (every
    # roundup article compares its parts with all its story's other articles).
    member_marks: dict[str, set[str]] = {}

    def marks_of(other: Article) -> set[str]:
        if other.id not in member_marks:
            member_marks[other.id] = _marks(other.text)
        return member_marks[other.id]

    for article in members:
        text = article.text
        if chronology := chronology_spans(text):
            out[article.id] = chronology
        opens = {
            start: match
            for match in _PART_OPENS.finditer(text)
            if (start := _sentence_start(text, match.start())) > 0
        }
        starts = sorted(opens)
        if not starts:
            continue
        overview = bool(_FIRST_PART.match(opens[starts[0]][0]))
        if len(members) == 1:
            # Alone, an article's "the second shooting" is as often a step of its own spree
            # ("the shopping center where the second shooting occurred Friday", GVC 554133):
            # only "another", "a separate" or "an unrelated" one is another happening.
            starts = [start for start in starts if _ANOTHER.match(opens[start][0])]
            if overview or not starts:
                continue  # an overview of them all: no part is clearly the story's
        bounds = [0, *starts, len(text)]
        parts = [(bounds[i], bounds[i + 1]) for i in range(len(bounds) - 1)]
        marks = [_marks(text[a:b]) for a, b in parts]
        others = set().union(*(marks_of(o) for o in members if o.id != article.id))
        if len(members) > 1:
            common = set.intersection(*marks)
            scores = [len((m - common) & others) for m in marks]
            best = max(scores)
            if best < MIN_PART_MARKS or scores.count(best) > 1:
                continue
            own = scores.index(best)
        else:
            # A story of one article is its lede's happening (session 18: GVC 677316's "The
            # homicide unit is also handling another shooting." opens a night's other cases).
            own = 0
        aside = []
        for number, (a, b) in enumerate(parts):
            if number == own or (number == 0 and not overview):
                continue
            end = b
            paragraph = text.find("\n\n", a) if number else -1  # an overview is all aside
            opening = _marks(text[a:paragraph])
            while 0 <= paragraph < b:
                following = text.find("\n\n", paragraph + 2)
                following = b if following < 0 or following > b else following
                new = _marks(text[paragraph:following]) - opening
                # Back on the story: a paragraph sharing the story's other articles' figures and
                # names, or one that names only the story's (its own part's or other articles')
                # and one of its own part's that the other happening's opening lacks ("She drove
                # to the scene of the shooting Saturday", GVC 604190, after Wednesday's; not "On
                # April 16 in East Kensington, 4-year-old Tahirah Phillips ...", GVC 586609, a
                # third shooting). Its first word opens a sentence: no name ("Police say ...").
                named = _marks(text[paragraph:following].strip()) - opening
                if len(new & others) >= MIN_PART_MARKS or (
                    named & marks[own] and named <= marks[own] | others
                ):
                    end = paragraph
                    break
                paragraph = following if following < b else -1
            aside.append((a, end))
        if aside:
            out[article.id] = sorted([*out.get(article.id, []), *aside])
    return out


# A chronology beside the report: items that each open on their day ("Sept. 26: Santa Cruz police
# discover the body of Shannon Magner ...", "Oct. 16: A Santa Cruz police officer shoots ...",
# under "SANTA CRUZ COUNTY HOMICIDES 2016", GVC 704906), each another happening or a recap of
# the story's. After an optional capitals heading, at a paragraph's or a sentence's start.
_CHRONOLOGY_ITEM = re.compile(
    r"(?:^|(?<=[.!?]\s))(?:[A-Z][A-Z0-9 ,'’-]{2,60}\s)?"
    r"(?:Jan|Feb|Mar|March|Apr|April|May|June?|July?|Aug|Sept?|Oct|Nov|Dec)\.?\s+\d{1,2}:\s"
)
MIN_CHRONOLOGY_ITEMS = 3  # dated items that make a chronology (one or two may be a story's own)


def chronology_spans(text: str) -> list[tuple[int, int]]:
    """The paragraphs of a chronology (`_CHRONOLOGY_ITEM`) in an article: none unless its
    item paragraphs hold `MIN_CHRONOLOGY_ITEMS` dated items or more. Over every ECB+/GVC
    article (session 18) only GVC 704906's two Santa Cruz Sentinel pages hold one; its items
    gave brief lines ("A possible suspect is identified but remains on the loose.", of another
    killing) and a timeline of the county's year of homicides."""
    spans: list[tuple[int, int]] = []
    items = 0
    start = 0
    for paragraph in text.split("\n\n"):
        if _CHRONOLOGY_ITEM.match(paragraph):
            spans.append((start, start + len(paragraph)))
            items += len(_CHRONOLOGY_ITEM.findall(paragraph))
        start += len(paragraph) + 2
    return spans if items >= MIN_CHRONOLOGY_ITEMS else []


def _sentence_start(text: str, at: int) -> int:
    """Where the sentence holding text[at] starts (a paragraph or a sentence end before it)."""
    cut = max(text.rfind("\n", 0, at), *(text.rfind(p, 0, at) for p in (". ", "? ", "! ")))
    if cut < 0:
        return 0
    return cut + (1 if text[cut] == "\n" else 2)


def in_other_incident(
    evidence: Evidence, other_parts: Mapping[str, Sequence[tuple[int, int]]]
) -> bool:
    """Whether a sentence stands in a part `other_incident_spans` set aside."""
    return any(a <= evidence.span[0] < b for a, b in other_parts.get(evidence.article_id, ()))
