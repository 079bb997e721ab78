"""DATE expressions of TimeBank + AQUAINT scored through `newsweave analyze`, dateparser beside.

Usage: python eval/timebank.py [--quick] [--errors A|B]

Data: `../shared/eval/timebank` (TempEval-3 training gold, TBAQ-cleaned; see its README). Every
document is given to the shipped path as a JSONL record {"id", "text", "published"} with
`published` its creation date; the figures score `Article.dates` of the report.

Matching (TempEval-3 style): a gold DATE timex is found when a system mention overlaps it
(one-to-one, in text order); it is right when the values are equal. Value precision is over
every system mention with a value that overlaps no gold TIME/DURATION/SET timex (we do not
type our mentions, so one that overlaps such a timex counts neither way); recall over every
gold DATE. Gold values are compared after these format repairs only: week numbers are
zero-padded ("2000-W7" -> "2000-W07") and trailing unknown parts are dropped ("1968-XX" ->
"1968", a decade "198X" -> "198"): both spell the same value.

Cleaning may change the text: each gold expression is looked up in the clean text (its own
words, the occurrence nearest its offset shifted by the drift of the expressions before it);
one that cleaning removed is a miss, and their number is reported.

Splits: the documents are halved by a hash of their id (A, B). Rules were written from our own
annotations (eval/data/dates_gold.jsonl) and the TimeML guidelines; the TimeBank errors read
while extending them were those of half A (`--errors A`), so half B is the figure not looked at.
The baseline is `dateparser.search.search_dates` over the same clean text (languages=["en"],
RELATIVE_BASE = publication date), valued at the period dateparser reports.

Session 7 (2026-12-02): `--errors A` tags each error by kind. All half-A errors were read again
and the general ones fixed (half A 0.866 -> 0.880, read): vague times as TimeML references
("several years ago", "past years", "a later date", "coming quarters", "will one day"),
half-years ("the first two quarters of 1990" = 1990-H1), "the 1988 period" after "For the nine
months" = 1988, "the second quarter ended Oct. 31" with the year of that day and its apposition
("the comparable year-ago quarter, the second quarter ended ..."), "the quarter" referring back
under a future cue, "a year ago" after the publication year's period, "this year as last", "a
high for the year", "a venture called Orion 1980" no year. Half B was then measured once,
untouched: 0.829, as before the session (its per-kind counts were printed, not its lines: 47
missed spans, 39 extra spans, 27 anchors, 23 granularities, 22 unmatchable, 1 reference).

Session 7, audit 7 (ECB+ train stories read by a fact-checker): a month(-day) in a clause about
something done is the past one ("a quake hit the town ... in February", "the patch issued Jan.
14" in a September article); written from the audit's sentences, then checked on every TimeBank
mention whose value changed (a diff of values, both halves printed): one half-A line ("effective
Feb. 1", a day something takes effect) made us exempt such days; one half-B line changed, a
gain ("In January, American Medical brought in ..."), read but not tuned on. Half B 0.829 ->
0.831, half A 0.880 unchanged.

What the 130 remaining half-A error lines are (missed span 39, extra span 32, anchor 22,
granularity 18, unmatchable 18, reference 1):
- 45 present/past/future references the gold marks in one place and not the next ("now" is
  marked 29 times of 47, "current" 5 of 10, "recent" 9 of 23, "previously" 3 of 19): 25 of ours
  count against precision, 19 against recall; dropping "now" lowers half A.
- 18 gold values no value of ours can equal: 11 unknown weeks and quarters ("1989-WXX",
  "1988-QX"), 6 parts of day and clock times ("2000-03-26TNI", "2000-04-04T09:00"; our own
  guideline and the timeline give the day), 1 duration "P1W" for "last week".
- 7 weekdays of AP900815-0044 a week before the ones its creation date gives.
- About 15 granularities the gold picks case by case: "a year ago" a quarter 15 times of 20 and
  a month, a day or a year otherwise; "last week" a month twice; "this week" a month twice;
  "1992" a day twice; "two weeks ago" a day.
- About 14 gold values that contradict the text or the gold's own rule: "Tuesday" = a
  Wednesday, "Oct. 23, 1999" = 1998, "Sept. 27, 1989" = 1989-11-27, "fourth quarter" = 1998-Q4
  in a 1989 article, "July last year" = June, "Sunday" a month early, "fiscal 1988" = 1989,
  "Sept. 30" = a month, "last week" = the coming week and = the publication's own week, "six
  weeks ago" a week off, "the Communist Party daily Granma" = P1D twice.
- About 15 values that need knowledge of the world or an event's date never written: Sun's and
  Jayark's fiscal quarters, "in the days before the slaying" = 1998-FA, "the day after his
  death", "his first day in office", "Election Day", "the eighth day of Desert Shield", "last
  February" (a crash of 1997, written on 1998-03-01), "June 1" = 1990.
- 7 expressions we value that the gold leaves unmarked ("results for 1989", "this year's
  campaign", "the close of 1969", "third-quarter results", "the year-earlier $4.5 million").
- Left on purpose: "For the year ended Sept. 30" (the gold's 6 other "year ended" spans are
  durations, as our rule reads them), "Until then" (our guideline gives "by then" no value),
  "the week" 4 times (= "1989-WXX"), "the next year or so", "in five years", "since year-end".
Reading those five as the gold does would give half A about 0.884 (721 of 812 and of 820); the
rest of the gap is gold we cannot match without fitting it document by document.

Session 8 (2026-12-03): is ~0.875 the honest ceiling? The 130 half-A error lines were classified
again, one by one (half B's lines were not printed; only their kinds were counted by the same
automatic tags): 47 (B: 53) present/past/future references the gold marks in one place and not
the next; 18 (B: 22) gold values no value of ours can equal ("1989-WXX", "2000-03-26TNI"); of
the 65 (B: 83) others, 34 are gold that contradicts the text or its own rule or picks a
granularity case by case (the seven AP900815-0044 weekdays; "a year ago" as a quarter, a month
or a day; "last week" in two Sunday articles: ISO week before in one, the article's own week in
the other), 16 need an event date the text never writes or knowledge of the world ("10 days
before the murder", "Election Day", Sun's fiscal April), 7 are real dates the gold leaves
unmarked, and 8 are read otherwise by our guideline ("Until then", "the next year or so", "in
five years", "since year-end", "the week" = "1989-WXX" four times). At most six of them could
be reached by a general rule, each against a reading elsewhere in the gold or in our own
guideline: half A would reach about 0.885. Counting the references and the unmatchable values
neither way, the rest scores 0.929 on half A and 0.897 on half B. If B's unread 83 other lines
mix as A's do, general rules could add about 8 hits there (B about 0.84, all about 0.86): 0.88
on half B or on all documents is out of reach without fitting the gold, and ~0.875 for all
documents is, if anything, above what general rules give. The session's new rules (future cues
of a booking, "On July 22, police arrested", past verbs after a pronoun or "but", a present
copula before a weekday, "2016 Jan. 5", "postponing ... until Monday", "Valentine's Day in
2012"; read by eye on GVC and on ECB+ stories through `analyze`) change no half-A value and one
half-B value, not read (by the counts a gain: B 0.831 -> 0.832).

Session 13 (2026-12-03): the half-A lines read again, one by one. Holidays whose day the text
does not write (the Fourth of July, Easter, Father's Day, the US Election Day; a holiday's year
chosen by tense as a month-day's is) were written on 13 lines of our own annotation (GVC
sentences and a cleaning page), annotated before the rule: one half-A value changes ("from now
to Election Day" = 1998-11-03, a hit; half A 0.880 -> 0.881), half B's figure does not (0.832).
A bare month after a scheduling "for" ("a trial set for July"), written on our fresh13 split,
changes no TimeBank value. What the 129 remaining half-A error lines are:
- 45 present/past/future references the gold marks in one place and not the next.
- 18 gold values no value of ours can equal ("1989-WXX", "1988-QX", "2000-03-26TNI", "P1W").
- 38 gold values that contradict the text or the gold's own rule, or pick a granularity case by
  case: the seven AP900815-0044 weekdays a week early, "a year ago"/"last year" a quarter, a
  month, a day or a year (7), "last week"/"this week" a month (4) or the coming week, "1992" a
  day (2), "two weeks ago" and "a week or so ago" a day, "Sept. 27, 1989" = November, "fiscal
  1988" = 1989, "fourth quarter" = 1998-Q4 in 1989, "daily" = P1D (2), "Earlier that day" a
  year before the day the text gives, "effective June 1" after "resulted from" a year ahead,
  "Tuesday" = a Wednesday, "Sunday" a month early, "six weeks ago" a week off, "July last year"
  = June, "last week" in a Sunday article its own week, "next week's election" and "so far
  this year" a day, "Sept. 30" a month.
- 10 need an event date the text never writes or knowledge of the world ("10 days before the
  murder", "in the days before the slaying" = 1998-FA, "his first day in office", "the eighth
  day of Desert Shield", Sun's fiscal April, "last February" = 1997 written on 1998-03-01).
- 7 real dates the gold leaves unmarked ("results for 1989", "this year's campaign").
- 9 read otherwise by our guideline ("Until then", "in five years", "the next year or so", "the
  year ended", "since year-end"; "the week" = "1989-WXX" four times).
- 2 ours and general, with no sentence of our own text to write them on: "In the quarter ended
  July 31" (the gold gives the calendar quarter holding most of its months, 1989-Q2; we give
  the one before publication) and "changed ... to a calendar year in December" written in
  November (last December; our past rule waits for a strong past cue and a three-month gap).
So 127 of the 129 are gold conventions, gold inconsistency or knowledge no general rule has.
Fixing the last two would give half A about 0.883, also reading the five guideline ones as the
gold does about 0.886. DATE value F1 >= 0.88 holds on half A (read) but not on all documents
(0.858) nor on half B (0.832, unseen; only its figure printed, never its lines): if B's errors
mix as A's do, general rules could add about 8 hits there (session 8), B about 0.84. The
reverse figure (rules tuned on TimeBank half A and our dev lines, scored on our own lines not
tuned on) is in the dates section: held-out lines 0.909, fresh 0.978, fresh13 0.895 untouched.

Session 15 (2026-12-03): the remaining errors broken down by kind, by the automatic tags of
`--errors` refined by the value kinds (half A: 128 lines, read one by one; half B: 161 lines,
counted only, never printed). Half A / half B:
- references (PRESENT/PAST/FUTURE_REF) we give that the gold leaves unmarked 25 / 24, that the
  gold marks and we miss 19 / 19, one valued otherwise 1 / 1: the gold marks "now" 29 times of
  47 in half A, a bare "current" 4 of 9, "recent" 6 of the 14 we leave, "previously" 3 of 19,
  "already" 1 of 16. A reference class raises F1 only when the gold marks more than F1/2
  (about 43%) of its occurrences: "now" and "currently" are above, "current", "recent" and
  "previously" at or below it, so none was added or dropped.
- gold values no value of ours can equal 18 / 22: an unknown part ("1989-WXX", "1988-QX") 11 /
  15, a part of day or clock time ("2000-03-26TNI", "2000-04-04T09:00") 6 / 6, a duration
  ("P1W" for "last week") 1 / 1. TimeML writes "Sunday night" as a TIME with a part of day; our
  own guideline and the timeline give the day, so those stay.
- weekdays another day of the same kind ("anchor") 9 / 19: 7 of each half are the same
  document (AP900815-0044, in half A and again in half B as testpipeline/AP900815-0044, same
  text and gold), whose gold counts the weekdays after "on Aug. 6" a week before the ones its
  creation date gives (King Hussein met Bush on Thursday Aug. 16, 1990, our value); of half
  B's other 12 by their counts alone: 5 the gold reads as coming days where we read past ones
  and 1 the reverse (weekday direction), 4 a week further back, 2 a day off.
- other anchors (month, day, week, quarter, year, season) 12 / 10; granularities 18 / 23 (half
  A: a year for a day "1992", a week for a month or a day, "a year ago" a quarter, a month or a
  day; half B by count: a quarter for a year 5, a year for a day 4, a week for a month 3, a year
  for a quarter 3, 8 others).
- calendar dates missed 19 / 28 and given where the gold marks none 7 / 15 (half A: event
  dates never written, "the day after his death", "in five years"; unmarked "results for 1989").
One new rule reached TimeBank: "the quarter ended July 31" with no quarter named before it is
the calendar quarter holding most of its months (1989-Q2, as the gold writes it), and after a
named fiscal quarter that quarter ("its fiscal first quarter ... the quarter ended Sept. 29");
before, "the quarter ended Sept. 30" in an October report was Q2 (its "a year ago" 1988-Q2), a
reading error the gold's "1989-QX" did not count. Half A 0.881 -> 0.882 (717 -> 718 hits),
half B unchanged. Two rules written on lines of our own set (a prospect looks forward, a dev
line; "the September 11 attacks", a held-out line) change no TimeBank value. Tuned on our own
annotations (half B, never read): 0.832; all documents 0.858 -> 0.859. The reverse (TimeBank
half A and our dev lines -> our lines not tuned on): fresh 0.978 untouched, fresh13 0.923
(0.895 untouched), held-out 0.935 (0.909 before one of its lines was written on). So the
issue's 0.88 holds on half A (read, 0.882) but not on all documents: of half B's 161 error
lines, 44 are references the gold marks one time and not the next, 22 are values no system of
our kind can write, 7 are a document's gold counted from another week, and the rest, if they
mix as half A's do, are mostly gold conventions picked case by case. Reaching 0.88 on all
documents would take about 33 more hits with no more extra spans.

Session 21 (2026-12-04): the 128 half-A error lines printed by kind once more (`--errors A`,
through the shipped path's clean text) and read one by one; half B's lines were not printed.
They are the kinds listed above, with two general ones left: "Last year's results were hurt
by ..." after a quarter reported on is that quarter a year before (1988-Q2), as "from $3
million last year" already was (a results noun after "last year's"; with no quarter before,
"last year's" stays a year), and "The percentage change is since year-end" is the year end
passed (1988-12-31; "by year end" stays the publication's year). Both rules change no value on
any line of our own set (eval/data/dates_gold.jsonl), none on the raw text of the 1,208
ECB+/GVC articles and none on the seeds: nothing a reader's timeline shows moves. Checked and
left: a Sunday publication's "last week" read as the week just ending (the gold's own week once,
"last week" three times the ISO week before in another Sunday article), "Until then" (the gold
marks one of three "since/until then"), a bare "future" (2 of 14 marked), "changed from a
fiscal year to a calendar year in December" (a past verb before a preposition is as often a
participle: "the man injured in"). Half A 0.882 -> 0.884 (718 -> 720 hits, 809 valued
mentions); half B, measured once after the rules were committed: 0.832, unchanged (587 hits);
all documents 0.859 -> 0.860. The issue's 0.88 still holds on half A only: half A's remaining
error lines are gold conventions, gold picked case by case, values no calendar reading can
write and event dates the text never gives; 0.88 on all documents would need about 31 more
right values with no more valued mentions, from half B, whose lines were never read.
"""

from __future__ import annotations

import hashlib
import re
import sys
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

import harness

COMMAND = "python eval/timebank.py"
# The quick subset: this many documents of each half (the first ones in file order).
QUICK_DOCS = 20


Mention = harness.DateFound


@dataclass(slots=True)
class Counts:
    hits: int = 0
    system: int = 0
    gold: int = 0
    lost: int = 0

    def add(self, other: Counts) -> None:
        self.hits += other.hits
        self.system += other.system
        self.gold += other.gold
        self.lost += other.lost

    def f1(self) -> float:
        precision = self.hits / self.system if self.system else 0.0
        recall = self.hits / self.gold if self.gold else 0.0
        return 2 * precision * recall / (precision + recall) if precision + recall else 0.0


def half(doc_id: str) -> str:
    """The split of a document: "A" or "B", from a hash of its id (stable, order-free)."""
    return "AB"[hashlib.sha1(doc_id.encode()).digest()[0] % 2]


def normalise_value(value: str) -> str:
    value = re.sub(r"-W(\d)$", r"-W0\1", value)
    value = re.sub(r"^(\d{3})X$", r"\1", value)
    return re.sub(r"(?:-XX)+$", "", value)


def load() -> tuple[list[dict[str, Any]], dict[str, dict[str, Any]]] | None:
    root = harness.shared_eval("timebank")
    if root is None:
        return None
    articles = harness.read_jsonl(root / "articles.jsonl")
    gold = {row["id"]: row for row in harness.read_jsonl(root / "gold.jsonl")}
    return articles, gold


def locate(original: str, clean: str, timexes: list[dict[str, Any]]) -> list[int | None]:
    """The start of each gold expression in `clean` (None when cleaning removed it)."""
    starts: list[int | None] = []
    drift = 0
    for timex in timexes:
        text = timex["text"]
        expected = timex["start"] + drift
        best: int | None = None
        at = clean.find(text)
        while at != -1:
            if best is None or abs(at - expected) < abs(best - expected):
                best = at
            at = clean.find(text, at + 1)
        if best is not None:
            drift = best - timex["start"]
        starts.append(best)
    return starts


def score_doc(
    timexes: list[dict[str, Any]],
    starts: list[int | None],
    system: Sequence[Mention],
    errors: list[str] | None,
    clean: str,
) -> Counts:
    counts = Counts()
    placed = [
        (start, start + len(t["text"]), t)
        for t, start in zip(timexes, starts, strict=True)
        if start is not None
    ]
    counts.lost = sum(1 for t, s in zip(timexes, starts, strict=True) if s is None and
                      t["type"] == "DATE")  # fmt: skip
    dates = [p for p in placed if p[2]["type"] == "DATE"]
    others = [p for p in placed if p[2]["type"] != "DATE"]
    valued = [m for m in system if m.value is not None]
    used: set[int] = set()
    counts.gold = sum(1 for t in timexes if t["type"] == "DATE")
    for start, end, timex in dates:
        hit = next(
            (
                i
                for i, m in enumerate(valued)
                if i not in used and m.span[0] < end and start < m.span[1]
            ),
            None,
        )
        gold_value = normalise_value(timex["value"])
        if hit is None:
            _note(errors, f"[missed span] {timex['text']!r} = {gold_value}", clean, start, end)
            continue
        used.add(hit)
        if valued[hit].value == gold_value:
            counts.hits += 1
        else:
            kind = value_error_kind(valued[hit].value or "", gold_value)
            _note(errors, f"[{kind}] {valued[hit].text!r} = {valued[hit].value}, gold "
                  f"{timex['text']!r} = {gold_value}", clean, start, end)  # fmt: skip
    for index, mention in enumerate(valued):
        if index in used:
            counts.system += 1
        elif not any(mention.span[0] < e and s < mention.span[1] for s, e, _ in others):
            counts.system += 1
            _note(errors, f"[extra span] {mention.text!r} = {mention.value}", clean, *mention.span)
    return counts


def granularity(value: str) -> str:
    """The kind of period a TIMEX3 value names: "day", "week", "month", "quarter", "half",
    "season", "year", "decade", "century", "reference", or "other" (a part of day, a clock time,
    a duration)."""
    if value.endswith("_REF"):
        return "reference"
    if "T" in value[4:] or value.startswith("P"):
        return "other"
    for kind, pattern in _GRANULARITIES:
        if re.fullmatch(pattern, value):
            return kind
    return "other"


_GRANULARITIES = (
    ("day", r"\d{4}-\d\d-\d\d"), ("week", r"\d{4}-W(?:\d\d|XX)(?:-WE)?"),
    ("month", r"\d{4}-\d\d"), ("quarter", r"\d{4}-Q[1-4X]"), ("half", r"\d{4}-H[12X]"),
    ("season", r"\d{4}-(?:SP|SU|FA|WI)"), ("year", r"\d{4}"), ("decade", r"\d{3}"),
    ("century", r"\d\d"),
)  # fmt: skip


def value_error_kind(system: str, gold: str) -> str:
    """What a wrong value gets wrong: "unmatchable" (the gold value has unknown parts, a part of
    day or a clock time: no value we give can equal it), "reference" (one side is a
    PRESENT/PAST/FUTURE_REF), "granularity" (the two name periods of different kinds: a week
    for a month) or "anchor" (the same kind of period, another one: the wrong Tuesday)."""
    if "X" in gold or granularity(gold) == "other":
        return "unmatchable"
    if "reference" in (granularity(system), granularity(gold)):
        return "reference"
    if granularity(system) != granularity(gold):
        return "granularity"
    return "anchor"


def _note(errors: list[str] | None, what: str, text: str, start: int, end: int) -> None:
    if errors is not None:
        context = " ".join(text[max(0, start - 70) : end + 40].split())
        errors.append(f"{what}  | {context}")


def product_mentions(records: list[dict[str, Any]]) -> list[tuple[str, list[Mention]] | None]:
    """(clean text, dates) of each record through the shipped path (None: no article)."""
    report = harness.run_product(records)
    ids = harness.record_articles(report, len(records))
    articles = {a.id: a for a in report.articles}
    out: list[tuple[str, list[Mention]] | None] = []
    for article_id in ids:
        article = articles.get(article_id) if article_id else None
        if article is None:
            out.append(None)
            continue
        out.append((article.text, [Mention(m.span, m.value, m.text) for m in article.dates]))
    return out


def measure(
    *, quick: bool = False, errors_of: str | None = None, baseline: bool = True
) -> dict[str, dict[str, Counts]] | None:
    """Counts per split ("A", "B", "all") for the product and the baseline."""
    loaded = load()
    if loaded is None:
        return None
    articles, gold = loaded
    if quick:
        kept: list[dict[str, Any]] = []
        for name in "AB":
            kept += [a for a in articles if half(a["id"]) == name][:QUICK_DOCS]
        articles = kept
    records = [{"id": a["id"], "text": a["text"], "published": a["published"]} for a in articles]
    outputs = product_mentions(records)
    result = {"product": {k: Counts() for k in ("A", "B", "all")},
              "baseline": {k: Counts() for k in ("A", "B", "all")}}  # fmt: skip
    errors: list[str] = []
    for article, output in zip(articles, outputs, strict=True):
        timexes = sorted(gold[article["id"]]["timexes"], key=lambda t: t["start"])
        split = half(article["id"])
        clean, mentions = output if output is not None else ("", [])
        starts = locate(article["text"], clean, timexes)
        notes = errors if errors_of == split else None
        counts = score_doc(timexes, starts, mentions, notes, clean)
        if notes:
            notes.append(f"-- {article['id']} published {article['published']}")
        result["product"][split].add(counts)
        result["product"]["all"].add(counts)
        if baseline:
            base = score_doc(timexes, starts, harness.dateparser_dates(clean, article["published"]),
                             None, clean)  # fmt: skip
            result["baseline"][split].add(base)
            result["baseline"]["all"].add(base)
    if errors_of:
        print("\n".join(errors), file=sys.stderr)
        kinds = Counter(line[1 : line.index("]")] for line in errors if line.startswith("["))
        print("errors by kind:", dict(kinds.most_common()), file=sys.stderr)
    return result


def figures(*, quick: bool = False) -> list[harness.Figure]:
    """DATE value F1 on each half and on both, with dateparser beside it."""
    result = measure(quick=quick)
    if result is None:
        return []
    size = f"{QUICK_DOCS} + {QUICK_DOCS} documents" if quick else "all 256 documents"
    command = COMMAND + (" --quick" if quick else "")
    tuned = (
        "eval/data/dates_gold.jsonl (ours) + TimeBank half A errors (read again sessions 7, 8, 13, "
        "15, 21)"
    )
    out = []
    for split, data, tuned_on in (
        ("B", f"TimeBank+AQUAINT half B ({size})", tuned),
        ("A", f"TimeBank+AQUAINT half A ({size})", tuned),
        ("all", f"TimeBank+AQUAINT ({size})", tuned),
    ):
        ours, base = result["product"][split], result["baseline"][split]
        out.append(harness.Figure(
            eval="timebank", metric=f"date_value_f1_{split}", data=data, tuned_on=tuned_on,
            value=round(ours.f1(), 3), baseline="dateparser search_dates",
            baseline_value=round(base.f1(), 3), command=command,
        ))  # fmt: skip
    lost = result["product"]["all"]
    out.append(harness.Figure(
        eval="timebank", metric="date_gold_lost_to_cleaning_share",
        data=f"TimeBank+AQUAINT ({size}), {lost.gold} DATE timexes", tuned_on="nothing",
        value=round(lost.lost / lost.gold, 4) if lost.gold else 0.0, command=command,
        higher_is_better=False,
    ))  # fmt: skip
    return out


def main() -> None:
    arguments = sys.argv[1:]
    errors_of = None
    if "--errors" in arguments:
        errors_of = arguments[arguments.index("--errors") + 1]
        result = measure(quick="--quick" in arguments, errors_of=errors_of, baseline=False)
        if result is not None:
            for split, counts in result["product"].items():
                print(split, round(counts.f1(), 3), counts)
        return
    harness.print_figures(figures(quick="--quick" in arguments))


if __name__ == "__main__":
    main()
