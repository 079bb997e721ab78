"""Timelines: dated happenings per story, merged across the outlets that report them.

Each resolved time expression in an article (`Article.dates`) anchors the sentence it stands in.
Within a story, anchored sentences with the same date value that say much the same thing
(embedding similarity) become one entry whose evidence lists every outlet's sentence. Event time
(the entry's `date`) is kept apart from report time (`reported`: when those articles came out).

A sentence sits under ONE date, that of its main event: "Murphy had a hearing today on charges
that he killed Rodriguez on Aug. 1" is the hearing's day, not also the killing's (the killing has
its own sentences). Without a parser, the main event's date is the one (1) not attached to a
reporting verb ("police said Friday", "announced Wednesday" give report time: "officials
announced Wednesday that police arrested him Tuesday" is Tuesday's), (2) inside the fewest
subordinate clauses ("who died Friday", "charges that he killed ... on Aug. 1", "After X on Aug.
1, ..."), (3) first in the sentence.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
from collections import defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

import numpy as np

from newsweave.align.roundups import in_other_incident, other_incident_spans, strip_dateline
from newsweave.align.sentences import sentence_around
from newsweave.embed import get_embedder
from newsweave.extract.dates import stated_update_day
from newsweave.extract.speakers.words import SPEECH_VERBS
from newsweave.model import Article, DateMention, Evidence, Story, TimelineEntry

TIMELINE_PRECISIONS = frozenset({"day", "month", "year"})


@dataclass(frozen=True, slots=True, kw_only=True)
class TimelineConfig:
    """How the timeline merges and trims its entries (the `[timeline]` section of Config)."""

    # Two sentences dated the same day are the same happening when their embeddings are at least
    # this close. Set from the seed corpus' 14 Dec sentences (0.55-0.75 between outlets
    # describing the Electoral College vote; < 0.35 for unrelated sentences dated the same day);
    # re-checked by tests/align/test_timeline.py and the seed timeline.
    same_happening: float = 0.5
    # A story rarely needs more dated entries than this to be readable; the rest are the least
    # supported (fewest independent voices). Set by hand for readability, not measured.
    max_entries_per_story: int = 20


@dataclass(slots=True)
class _Anchor:
    date: str
    precision: str
    evidence: Evidence
    voice: str
    published: str | None
    at: tuple[int, int] = (0, 0)  # the time expression's span in the article text
    words: str = ""  # the time expression as written ("Sunday morning")
    planned: bool = False  # a plan dated after its page's day (`_planned`)


_SUBORDINATOR = re.compile(
    r"\b(?:who|whom|whose|which|that|after|before|since|when|while|until|because|although"
    r"|where|if|following|once)\b",
    re.IGNORECASE,
)
_REPORTING = r"(?:said|says|say|told|tells|announced|announces|reported|confirmed|stated|added)"
# A time expression right after a reporting verb gives the report's time ("police said Friday").
_REPORTED_AT = re.compile(rf"\b{_REPORTING}\s+(?:(?:on|late|early|last)\s+)?$", re.IGNORECASE)
# "said that", "told reporters that": a complement clause, the report's content, not background.
_REPORTED_THAT = re.compile(rf"\b{_REPORTING}\b(?:\s+\w+){{0,2}}\s+$", re.IGNORECASE)


def _main_event_rank(sentence: str, at: int) -> tuple[int, int, int]:
    """How unlikely the time expression at offset `at` of `sentence` dates its main event
    (lower is likelier): (reporting verb, subordinate clauses around it, position)."""
    before = sentence[:at]
    reported = 1 if _REPORTED_AT.search(before) else 0
    depth = 0
    opening = _SUBORDINATOR.match(sentence.lstrip(" \"'“‘("))
    comma = sentence.find(",")
    closed = comma if opening and comma >= 0 else -1
    if closed >= 0 and at < closed:
        depth += 1  # inside a clause opening the sentence ("After X on Aug. 1, ...")
    for word in _SUBORDINATOR.finditer(before):
        if word.start() <= closed:
            continue  # that opening clause is closed by its comma
        if word[0].lower() == "that" and _REPORTED_THAT.search(before[: word.start()]):
            continue
        depth += 1
    return reported, depth, at


def _one_date_per_sentence(anchors: list[_Anchor], text: str) -> list[_Anchor]:
    """Each sentence under the date of its main event only (see the module docstring)."""
    best: dict[tuple[int, int], _Anchor] = {}
    for anchor in anchors:
        span = anchor.evidence.span
        sentence = text[span[0] : span[1]]
        rank = _main_event_rank(sentence, anchor.at[0] - span[0])
        kept = best.get(span)
        if kept is None or rank < _main_event_rank(sentence, kept.at[0] - span[0]):
            best[span] = anchor
    return [a for a in anchors if best[a.evidence.span] is a]


def _anchors(article: Article, voice: str) -> list[_Anchor]:
    out = []
    seen: set[tuple[str, tuple[int, int]]] = set()
    # Sentences whose date names the earlier happening of a case step they report.
    case_steps: set[tuple[int, int]] = set()
    for mention in article.dates:
        if not _usable(mention):
            continue
        start, end = sentence_around(article.text, mention.span[0], mention.span[1])
        if not whole_sentence(article.text, start, end):
            continue
        if _names_earlier_happening(
            article.text[start:end], mention.span[0] - start, mention.span[1] - start
        ):
            case_steps.add((start, end))
        if _is_stamp(article.text[start:end], mention.text):
            continue
        if mention.span[0] < start + _dateline_length(article.text[start:end]):
            continue  # "NEW HAVEN, Conn., Oct. 27 (UPI) -- One person was killed": the report's day
        if _speakers_time(article.text, mention):
            continue
        if _dates_subject_clause(
            article.text[start:end], mention.span[0] - start, mention.span[1] - start
        ):
            continue
        if _no_happening_at(
            article.text[start:end], mention.span[0] - start, mention.span[1] - start
        ):
            continue
        key = (str(mention.value), (start, end))
        if key in seen:
            continue
        seen.add(key)
        evidence = Evidence(article_id=article.id, text=article.text[start:end], span=(start, end))
        out.append(
            _Anchor(
                str(mention.value), str(mention.precision), evidence, voice, article.published,
                at=mention.span, words=mention.text,
                planned=_planned(article.text[start:end], mention, article.published),
            )
        )  # fmt: skip
    # A case step with no date of its own is reported on the article's day: that is its date
    # ("... has been charged in connection to the June 28th fatal shooting", published July 5).
    published = _day(article.published)
    for start, end in sorted(case_steps - {a.evidence.span for a in out}):
        if published is None:
            break
        step = _CASE_STEP.search(article.text, start, end)
        evidence = Evidence(article_id=article.id, text=article.text[start:end], span=(start, end))
        at = (step.start(), step.end()) if step else (start, start)
        out.append(
            _Anchor(str(published), "day", evidence, voice, article.published, at=at, words="")
        )
    # A sentence that names a day is about that day; its coarser mentions ("in November") are
    # background to it, not happenings of their own.
    day_sentences = {a.evidence.span for a in out if a.precision == "day"}
    out = [a for a in out if a.precision == "day" or a.evidence.span not in day_sentences]
    # A sentence whose main event is a plan is left out, not filed under its other date ("He
    # will be sentenced Monday, officials said Friday" is no happening of Friday's either).
    return [a for a in _one_date_per_sentence(out, article.text) if not a.planned]


_STAMP_WORDS = frozenset(
    {"published", "updated", "posted", "last", "first", "on", "at", "am", "pm"}
)


# A credit line that dates its post: "On behalf of Howard R. Sanders, Esq. posted in Pedestrian
# Accidents on Wednesday, September 18, 2013", "By Jane Doe, posted on May 3, 2016".
_CREDIT_STAMP = re.compile(
    r"^\W*(?:By|On\s+behalf\s+of)\s[^\n]{0,100}?\b(?:posted|published|updated)\b", re.IGNORECASE
)


def _is_stamp(sentence: str, mention_text: str) -> bool:
    """ "(Published Friday, May 6, 2016)", "Updated: Aug. 3", a blog's "On behalf of X posted in
    Y on <date>": a page's date stamp, no happening."""
    at = sentence.find(mention_text)
    if at > 0 and _CREDIT_STAMP.match(sentence[:at]):
        return True
    words = re.findall(r"[A-Za-z]+", sentence.replace(mention_text, " "))
    if words and len(words) <= MAX_CREDIT_WORDS and not any(w[0].islower() for w in words):
        return True  # "12/6/16 (Kelsey Thomas | KSNV)": a photo's date and credit, no clause
    return (
        bool(words)
        and all(w.lower() in _STAMP_WORDS for w in words)
        and (words[0].lower() in {"published", "updated", "posted", "last", "first"})
    )


def _dateline_length(sentence: str) -> int:
    """How many characters of `sentence` its wire dateline takes ("NEW HAVEN, Conn., Oct. 27
    (UPI) -- "): a day written there is the report's, not a happening's (GVC 492366: UPI's
    "One person was killed ..." sat under its page's Oct. 27, the shooting was on the 26th)."""
    return len(sentence) - len(strip_dateline(sentence))


# A time word that counts from the moment of speaking: "this morning", "today", "last night",
# "Saturday" (no figure and no month name: `_CALENDAR_WORD`).
_CALENDAR_WORD = re.compile(
    r"\d|\b(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\b|"
    r"\b(?:Christmas|Thanksgiving|Easter|Halloween|New Year|Independence Day|Memorial Day"
    r"|Labor Day|Valentine)",
)


# Quotation marks as pages write them: curly, straight, and doubled single marks (“playing’’).
_QUOTE_MARK = re.compile(r"“|”|‘‘|’’|``|''|\"")
_OPENING_QUOTE = frozenset({"“", "‘‘", "``"})


def _in_quotation(text: str, at: int) -> bool:
    """Whether offset `at` of `text` stands inside a quotation: the last quotation mark before
    it in its paragraph opens one (“, or a straight mark at the paragraph's start or after a
    space or bracket), and a mark closes it later in the paragraph or the next paragraph carries
    it on (opens on a mark). A paragraph that opens on a quote's tail ('We will keep you updated
    on progress," SEACOM tweeted this morning') closes a quotation it did not open; a stray mark
    that nothing closes ('"A gunman shot three people ... Monday morning, police said.') opens
    none."""
    start = text.rfind("\n", 0, at) + 1
    end = text.find("\n", at)
    end = len(text) if end < 0 else end
    inside = False
    for mark in _QUOTE_MARK.finditer(text, start, at):
        if mark[0] in {'"', "''"}:
            inside = mark.start() == start or text[mark.start() - 1] in " \t([—–-"
        else:
            inside = mark[0] in _OPENING_QUOTE
    if not inside:
        return False
    if _QUOTE_MARK.search(text, at, end):
        return True
    return text[end:].lstrip()[:1] in {'"', "“"}


def _speakers_time(text: str, mention: DateMention) -> bool:
    """Whether `mention` is a time word inside a quotation: it counts from the moment the
    speaker spoke, a day the page does not give (a Yale Daily News page of Oct. 28 quoted "the
    promise we made ... this morning in the emergency room", said on the 26th; GVC 492366).
    Read from the page's day it may be days off, so it dates nothing; a calendar date ("on
    Oct. 26") names its day wherever it stands."""
    return _CALENDAR_WORD.search(mention.text) is None and _in_quotation(text, mention.span[0])


# A caption credit names a photographer and an outlet or agency ("AP Photo/John Locher"):
# longer runs of capitalised words beside a date are a headline-like sentence, left alone.
MAX_CREDIT_WORDS = 6


# A relative clause inside the subject, closed by the main verb right after the time expression:
# "the three year old who was injured ... Monday night has died", "Smith, who was arrested
# Monday, was released". The date is the clause's; the main event has none of its own.
_RELATIVE_OPENER = re.compile(r"\b(?:who|which|that)\b", re.IGNORECASE)
_MAIN_VERB_AFTER = re.compile(
    r"^[^\S\n]*(?:,[^\S\n]*)?(?:(?!(?:and|or|but|then|so)\b)[\w'’-]+[^\S\n]+){0,3}?"
    r"(?:has|have|had|is|are|was|were|will|died|dies"
    r"|remains|remained)\b",
    re.IGNORECASE,
)


def _dates_subject_clause(sentence: str, at: int, end: int) -> bool:
    """Whether the time expression at sentence[at:end] sits in a relative clause of the
    sentence's subject that the main verb closes right after it (see `_RELATIVE_OPENER`)."""
    before = sentence[:at]
    opener = max(_RELATIVE_OPENER.finditer(before), key=lambda m: m.start(), default=None)
    if opener is None or _REPORTED_THAT.search(before[: opener.start()]):
        return False
    if re.search(r"[.;:]", before[opener.end() :]):
        return False
    return bool(_MAIN_VERB_AFTER.match(sentence[end:]))


# "home from out of town for Thanksgiving", "charged for Monday's attack": an occasion or the
# happening a thing is for, not the time of the sentence's own happening; a scheduling word
# before the "for" makes it that time ("the hearing is set for Monday").
_FOR_BEFORE = re.compile(r"\bfor\s+(?:the\s+)?$", re.IGNORECASE)
_SCHEDULED_FOR = re.compile(
    r"\b(?:scheduled|rescheduled|set|slated|planned|due|postponed|delayed|moved|pushed|booked"
    r"|expected|called|adjourned|continued)\s+(?:back\s+|again\s+)?for\s+(?:the\s+)?$",
    re.IGNORECASE,
)
# "on parole through April 28, 2019", "closed until Friday": the end of a state, no happening of
# that day; "at large until Dec. 7, when he was found" dates the "when" clause's happening.
_UNTIL_BEFORE = re.compile(r"\b(?:through|thru|until|till|til)\s+$", re.IGNORECASE)
# ... or a deferral: "postponing the testimony until Monday", "it took until 2003 for".
_NEGATED = re.compile(
    r"\b(?:not|no|never|won['’]t|can['’]t|postpon[a-z]{1,4}|delay[a-z]{0,3}|adjourn[a-z]{0,3}"
    r"|reschedul[a-z]{1,4}|put\s+off|pushed\s+back|take|takes|took|taking)\b|n['’]t\b",
    re.IGNORECASE,
)
_WHEN_AFTER = re.compile(r"^,?\s+when\b", re.IGNORECASE)
# "Sept. 11, 2001 conspirator Zacarias Moussaoui": a dated role before a name (an agent noun
# right after the year, then the name), not a happening told by the sentence.
_ROLE_AFTER_YEAR = re.compile(r"^\s+[a-z]{2,20}(?:er|or|ist|ant|ent|ee|ian)s?\s+[A-Z]")


# A later step of a case told of an earlier happening the sentence names by its date: "has been
# charged in connection to the June 28th fatal shooting of ...", "was arrested in Monday's
# stabbing" (GVC 590958: the charge, published a week later, sat under the shooting's day). The
# date is the named happening's (a noun after it); the step is reported on the article's day.
_CASE_STEP = re.compile(
    r"\b(?:charged|arrested|sentenced|convicted|indicted|identified|arraigned|acquitted|pleaded"
    r"|pled|booked|extradited|jailed|detained|released|freed|cleared|sued)\b",
    re.IGNORECASE,
)
_NAMES_A_HAPPENING = re.compile(r"^(?:['’]s)?\s+(?:[a-z][a-z-]{1,20}\s+){0,2}[a-z]{3,20}\b")


def _names_earlier_happening(sentence: str, at: int, end: int) -> bool:
    """Whether the time expression at sentence[at:end] modifies a happening a case step is about
    ("charged in the June 28th fatal shooting", "arrested in Monday's stabbing")."""
    before, after = sentence[:at], sentence[end:]
    attributive = before.rstrip().lower().endswith(" the") or after[:2] in {"'s", "’s"}
    return attributive and bool(_NAMES_A_HAPPENING.match(after)) and bool(_CASE_STEP.search(before))


def _no_happening_at(sentence: str, at: int, end: int) -> bool:
    """Whether the time expression at sentence[at:end] dates no happening of the sentence: an
    occasion after "for", a state's end after "until", a dated role before a name, an earlier
    happening a case step names (`_names_earlier_happening`)."""
    if _names_earlier_happening(sentence, at, end):
        return True
    before, after = sentence[:at], sentence[end:]
    if _FOR_BEFORE.search(before) and not _SCHEDULED_FOR.search(before):
        # "an outreach event for Jan. 31", "a vigil for Friday" schedule that day; a holiday
        # ("home for Thanksgiving"), "for Monday's attack" and "for the Nov. 7th shooting"
        # name an occasion or another happening.
        words = sentence[at:end]
        holiday = not re.search(r"\d", words) and not _BARE_WEEKDAY.fullmatch(words)
        attributive = before.rstrip().lower().endswith("the") or after[:2] in {"'s", "’s"}
        if holiday or attributive:
            return True
    # "won't resume until Sept. 9", "testimony delayed until Monday": it happens that day.
    ends_a_state = not _WHEN_AFTER.match(after) and not _NEGATED.search(before)
    if _UNTIL_BEFORE.search(before) and ends_a_state:
        return True
    return bool(re.search(r"\d{4}$", sentence[at:end]) and _ROLE_AFTER_YEAR.match(after))


# A sentence's start that is no sentence's: a lower-case word (the tail of a sentence cut before
# it), or a quotation's close before any opening (its head and speaker are in the sentence
# before: 'After hearing about his other offers, however, it seems clear that we are not going
# to be a factor."').
_OPENING_MARKS = "\"“”'‘([ "
_STRAIGHT_CLOSE = re.compile(r'(?<=\S)"(?=[\s,.;:!?)]|$)')
# The speaker after a quote's tail is named with any verb the quote extraction knows as a
# saying verb (`SPEECH_VERBS`: '... on progress," SEACOM tweeted at 09:30', ECB+ 30_ecbplus).
_SAID_AFTER = re.compile(
    r"[^.!?\"“”]{0,60}?\b(?:"
    + "|".join(sorted((re.escape(verb) for verb in SPEECH_VERBS), key=len, reverse=True))
    + r")\b"
)


def whole_sentence(text: str, start: int, end: int) -> bool:
    """Whether `text[start:end]` is a whole sentence, one a reader can check on its own: it
    starts as a sentence starts, and its brackets and quotation marks open and close in it
    (a quote's head may run on: 'Henry said, "We met with Mr. Teixeira ...' names its speaker).
    `align.sentences` cuts where a sentence ends; what it cannot mend (a paragraph cut
    mid-sentence by its page, a quote run across sentences) is left out here."""
    sentence = strip_dateline(text[start:end])
    head = sentence.lstrip(_OPENING_MARKS)
    if not head or head[0].islower():
        return False
    if sentence.count("(") != sentence.count(")"):
        return False
    # A decimal cut from its word ("He hit. 308 ..."): the sentence splitter keeps the known
    # forms together; a bare figure right after "<word>. " is the piece of one it missed.
    if head[0].isdigit() and re.search(r"[^\W\d_]\.\s*$", text[max(0, start - 4) : start]):
        return False
    # A quote's tail is whole when its speaker follows ('... the situation," Kraft said in a
    # statement Friday.').
    curly_close, curly_open = sentence.find("”"), sentence.find("“")
    if curly_close >= 0 and (curly_open < 0 or curly_close < curly_open):
        return bool(_SAID_AFTER.match(sentence, curly_close + 1))
    if sentence.count('"') % 2 == 1:
        first = sentence.find('"')
        if _STRAIGHT_CLOSE.match(sentence, first):
            return bool(_SAID_AFTER.match(sentence, first + 1))
    return True


# A plan or a forecast: a sentence dated after its own page's day, told in words of what will
# be ("Teixeira will be 29 in April", "is due in court Feb. 17", "would like a resolution by
# Christmas", ECB+ 10_ecbplus; "will be sentenced on Monday"). The page could not report it
# done; the timeline lists what happened, so it is left out (a later page that reports it done
# dates it). Without the words of a plan, a day after the page's is a page updated later
# ("died Nov. 27" on a page first published Nov. 25) and stays.
_PLAN_WORDS = re.compile(
    r"\b(?:will|would|shall|won['’]t|wouldn['’]t|is to|are to|(?:is|are|was|were|['’]re|['’]s)"
    r" (?:due|expected|scheduled|set|slated|planned|supposed|going)|plans? to|planning to"
    r"|scheduled|slated|due in|fac(?:e|es|ing) (?:arraignment|sentencing|trial|a hearing)"
    r"|set for|upcoming|likely|chances? of|odds of|hopes? of|prospects? (?:of|for)"
    # "the measures to be voted on Thursday" (ECB+ 8_ecbplus), "when he returns to court Feb.
    # 4, 2016" (GVC 492366), "preparing for the vote": a step still to come.
    r"|to be [a-z]+(?:ed|en|wn)|returns? to (?:court|the stand|work|school)|next (?:court )?"
    r"(?:date|hearing|appearance|session)|preparing (?:for|to))\b"
    r"|['’](?:ll|d)\b",
    re.IGNORECASE,
)
# A page cannot report as done what happens more than this long after its day, whatever its
# words ("he still faces ... up to 193½ years when he returns to court Feb. 4, 2016" on a page of
# Nov. 10, 2015): a page updated later is updated within days (`_stated_update`).
_PLAN_AFTER = dt.timedelta(days=7)
# ... unless the page says it was updated that day: "Update (May 11, 2016) -- The mother of the
# child ... has been charged" (GVC 544535, a page of April 20).
_UPDATE_STAMP = re.compile(r"^\W*(?:update|updated)\b", re.IGNORECASE)
# On a page of no known day only the present and future forms of a plan tell one: "is set for",
# "will"; past ones ("was supposed to be a good one", "had expected to be named") and an
# infinitive ("had to be approved") tell of what was.
_FUTURE_WORDS = re.compile(
    r"\b(?:will|shall|(?:is|are|['’]re|['’]s) (?:due|expected|scheduled|set|slated|planned|going)"
    r"|is to|are to|plans? to)\b|['’]ll\b",
    re.IGNORECASE,
)


def _planned(sentence: str, mention: DateMention, published: str | None) -> bool:
    """Whether `sentence` tells a plan dated by `mention` after its page's day (`_PLAN_WORDS`),
    or dated more than `_PLAN_AFTER` after it; on a page of no known day, any sentence in the
    words of a plan ("Jackson's court date is set for February 17, 2009", ECB+ 35_ecbplus: what
    the page could not have reported done is no happening)."""
    first = _first_day(str(mention.value), str(mention.precision))
    if first is None:
        return False
    day = _day(published)
    if day is None:
        return bool(_FUTURE_WORDS.search(sentence))
    if first > day + _PLAN_AFTER and not _UPDATE_STAMP.match(sentence):
        return True
    return first > day and bool(_PLAN_WORDS.search(sentence))


def _first_day(value: str, precision: str) -> dt.date | None:
    """The first day of a date value of the timeline's precisions ("2009-04" is April 1)."""
    padded = {"day": value, "month": f"{value}-01", "year": f"{value}-01-01"}.get(precision)
    return _day(padded) if padded else None


def _usable(mention: DateMention) -> bool:
    return mention.value is not None and mention.precision in TIMELINE_PRECISIONS


# A weekday written alone ("Sunday", "on Friday evening"): it names a day only modulo a week.
_BARE_WEEKDAY = re.compile(
    r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)(?:['’]s)?"
    r"(?:\s+(?:morning|afternoon|evening|night))?",
    re.IGNORECASE,
)
_WEEK = dt.timedelta(days=7)


def _day(value: str | None) -> dt.date | None:
    try:
        return dt.date.fromisoformat(str(value)[:10]) if value else None
    except ValueError:
        return None


def _redate_stale_weekdays(
    anchors: list[_Anchor], threshold: float, updated: Mapping[str, str] | None = None
) -> list[_Anchor]:
    """Past weekdays an outlet's later report puts a week on, moved there.

    News pages keep their first publication date while the text is rewritten: a page dated
    Friday June 3 that says "held on a $250,000 bond in court Sunday" resolves Sunday back to
    May 29, while the outlet that published on June 5 says the same of June 5. A weekday names
    its day only modulo a week: when another article of the story dates much the same sentence
    (embedding similarity >= `threshold`) a week later, after this article's publication date
    and no later than the story's latest one, and no other article agrees with the earlier day,
    the later day is the one meant; the article's other past weekdays then count back from that
    day too, as they would from a stated "Last updated" day (`extract_dates(updated=...)`).
    `Article.dates` keep the reading from the publication date: only the story shows this.
    A page's own "Last updated" day (`updated`, by article id) shows the same.
    """
    movable = [
        i
        for i, a in enumerate(anchors)
        if a.precision == "day"
        and _BARE_WEEKDAY.fullmatch(a.words)
        and (day := _day(a.date)) is not None
        and (published := _day(a.published)) is not None
        and day < published < day + _WEEK
    ]
    if not movable:
        return anchors
    latest = max((d for a in anchors if (d := _day(a.published)) is not None), default=None)
    vectors = get_embedder().embed([a.evidence.text for a in anchors])
    out = list(anchors)
    for index in movable:
        anchor = anchors[index]
        later = str(_day(anchor.date) + _WEEK)  # type: ignore[operator]
        if latest is None or later > str(latest):
            continue

        def support(date: str, anchor: _Anchor = anchor, index: int = index) -> float:
            scores = [
                float(vectors[other] @ vectors[index])
                for other, a in enumerate(anchors)
                if a.date == date and a.evidence.article_id != anchor.evidence.article_id
            ]
            return max(scores, default=0.0)

        if support(later) >= threshold and support(later) > support(anchor.date):
            out[index] = dataclasses.replace(anchor, date=later)
    # An article shown to speak from a later day than its publication date counts its other
    # past weekdays back from that day ("An autopsy Saturday ruled ..." beside the Sunday hearing).
    speaks_from: dict[str, str] = dict(updated or {})
    for index in movable:
        if out[index] is not anchors[index]:
            article_id = anchors[index].evidence.article_id
            speaks_from[article_id] = max(out[index].date, speaks_from.get(article_id, ""))
    for index in movable:
        anchor = anchors[index]
        later = str(_day(anchor.date) + _WEEK)  # type: ignore[operator]
        if out[index] is anchor and later <= speaks_from.get(anchor.evidence.article_id, ""):
            out[index] = dataclasses.replace(anchor, date=later)
    return out


def _week_ambiguous(anchor: _Anchor, article: Article | None) -> bool:
    """Whether a past weekday may name either of two days a week apart, so the entry is left out.

    A page dated day D that also calls D by its weekday ("A 7-year-old boy died Sunday" on a
    Sunday page) speaks of D as a day gone by: it was written, or rewritten, on D or after. A
    past weekday that reads back to D-6, the weekday of D+1, is then as likely the day after D,
    told on the updated page: "An autopsy Monday did not rule on Devon's cause ... of death" sat
    six days before the Sunday death it is the autopsy of (GVC 525486), "critically wounded ...
    on Friday died on Saturday" a week before the Friday (GVC 717395). Wire copy dated D says
    the same of the Saturday before it, so neither day is certain: the timeline says less.
    `Article.dates` keep the reading back (TimeBank's wire gold supports it); a later report
    that dates the happening a week on moves it there first (`_redate_stale_weekdays`)."""
    published = _day(anchor.published)
    if (
        article is None
        or published is None
        or anchor.precision != "day"
        or not _BARE_WEEKDAY.fullmatch(anchor.words)
        or _day(anchor.date) != published - _WEEK + dt.timedelta(days=1)
    ):
        return False
    return any(
        _day(mention.value) == published and _BARE_WEEKDAY.fullmatch(mention.text)
        for mention in article.dates
    )


def _stated_update(article: Article) -> str | None:
    """The day the page says its text was last updated, read also in the lines cleaning
    removed ("Last updated at 10:39 a.m. on Sunday, Nov. 27" is navigation to it), when it
    comes less than a week after publication (a page "updated" months later had a correction,
    not a new text)."""
    published = _day(article.published)
    if published is None:
        return None
    pieces = [*(removal.text for removal in article.removed), article.text]
    day = _day(stated_update_day(pieces, article.published))
    return str(day) if day is not None and published < day < published + _WEEK else None


def _merge_same_date(anchors: list[_Anchor], threshold: float) -> list[list[_Anchor]]:
    """Group anchors of one date whose sentences say much the same (greedy, in a fixed order)."""
    anchors = sorted(anchors, key=lambda a: (a.evidence.article_id, a.evidence.span))
    vectors = get_embedder().embed([a.evidence.text for a in anchors])
    groups: list[list[int]] = []
    for index in range(len(anchors)):
        best, best_score = None, threshold
        for number, group in enumerate(groups):
            score = float(np.max(vectors[group] @ vectors[index]))
            if score >= best_score:
                best, best_score = number, score
        if best is None:
            groups.append([index])
        else:
            groups[best].append(index)
    return [[anchors[i] for i in group] for group in groups]


def _entry(group: list[_Anchor], story_id: str) -> TimelineEntry:
    # The shortest sentence usually states the happening most directly; one whose date is a
    # report's ("said Friday") or that opens on a quotation tells the saying, not the happening
    # ("'Everybody loved her,' her cousin said Friday" beside "... was shot Friday morning").
    representative = min(group, key=_representative_rank)
    evidence = tuple(sorted((a.evidence for a in group), key=lambda e: (e.article_id, e.span)))
    reported = tuple(sorted({a.published for a in group if a.published}))
    return TimelineEntry(
        date=representative.date,
        precision=representative.precision,  # type: ignore[arg-type]
        # Shown without the wire dateline that heads a lede ("MILWAUKEE — 37-year-old Oliver
        # Kennedy ..."); the evidence keeps the sentence as written.
        text=strip_dateline(representative.evidence.text),
        evidence=evidence,
        story_id=story_id,
        reported=reported,
    )


def _representative_rank(anchor: _Anchor) -> tuple[int, int, str]:
    sentence = anchor.evidence.text
    at = anchor.at[0] - anchor.evidence.span[0]
    reported = bool(_REPORTED_AT.search(sentence[: max(0, at)]))
    quoted = sentence.lstrip()[:1] in {'"', "“", "'", "‘"}
    return (int(reported or quoted), len(sentence), anchor.evidence.article_id)


def build_timeline(
    stories: Sequence[Story],
    articles: Mapping[str, Article],
    *,
    voices: Mapping[str, str] | None = None,
    config: TimelineConfig | None = None,
) -> tuple[TimelineEntry, ...]:
    """Every story's dated happenings, merged across outlets, ordered by story then date."""
    config = config or TimelineConfig()
    voices = voices or {}
    out: list[TimelineEntry] = []
    for story in sorted(stories, key=lambda s: s.id):
        story_anchors: list[_Anchor] = []
        for article_id in story.article_ids:
            article = articles.get(article_id)
            if article is None:
                continue
            story_anchors.extend(_anchors(article, voices.get(article_id, article_id)))
        # A roundup's parts that tell another happening date none of this story's (the brief's
        # rule, `other_incident_spans`): GVC 590958's timeline put a 6:20 p.m. dispute of June
        # 27 and its victim's hospital under a story of a 2:15 a.m. killing (session 18).
        aside = other_incident_spans(story, articles)
        if aside:
            story_anchors = [a for a in story_anchors if not in_other_incident(a.evidence, aside)]
        updated = {
            article_id: day
            for article_id in story.article_ids
            if (article := articles.get(article_id)) is not None
            and (day := _stated_update(article)) is not None
        }
        by_date: dict[str, list[_Anchor]] = defaultdict(list)
        for anchor in _redate_stale_weekdays(story_anchors, config.same_happening, updated):
            if not _week_ambiguous(anchor, articles.get(anchor.evidence.article_id)):
                by_date[anchor.date].append(anchor)
        groups = [
            group
            for anchors in by_date.values()
            for group in _merge_same_date(anchors, config.same_happening)
        ]
        # Month and year mentions from one voice are mostly background ("the 2016 election",
        # "last December"); a story's own happenings are dated to the day or told by several.
        groups = [g for g in groups if g[0].precision == "day" or len({a.voice for a in g}) > 1]
        # Keep the best-supported entries: most independent voices, then most evidence.
        groups.sort(key=lambda g: (-len({a.voice for a in g}), -len(g), g[0].date))
        kept = groups[: config.max_entries_per_story]
        entries = [_entry(g, story.id) for g in kept]
        out.extend(sorted(entries, key=lambda e: (e.date, e.text)))
    return tuple(out)
