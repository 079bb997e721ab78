"""The outlet a republished text credits as its origin.

Credits come in a few fixed shapes: an explicit line ("This article originally appeared on X",
"Republished with permission from X"), wire copy marks ("MOSCOW (Reuters) -", "— AFP",
"By Jane Doe, Associated Press", "Copyright 2020 The Associated Press. All rights reserved."),
a "Source: X" line, and the original outlet left standing as the subject of its own reporting
steps ("Newsweek reached out to the Kremlin for comment"; after machine translation often
garbled to "Newsweek The Kremlin ... for comment"), and a retold report: an outlet credited with
the lead itself ("..., officials were quoted by AP as saying.") or credited and then referred
back to as "the report" ("According to the BBC, ... the report added."). Bare mentions of an
outlet as the source of one quote or fact ("according to the AP", "told Reuters") are not
credits. The article's own outlet is never its origin.
"""

from __future__ import annotations

import bisect
import re
from collections import Counter

from newsweave.describe.outlets import (
    MAX_NAME_WORDS,
    canonical_outlet,
    find_outlet_mentions,
    known_outlet_prefix,
    outlet_for_host,
    outlet_table,
    same_outlet,
)
from newsweave.describe.publisher import copyright_holders
from newsweave.describe.scan import keyword_positions, keyword_windows
from newsweave.describe.urls import clean_url, registered_domain

_NAME_OR_URL = (
    r"(?P<name>(?:https?://|www\.)\S+|[A-Z][\w.'’&!-]*(?:[ ](?:of[ ]|the[ ]|de[ ]|&[ ])?"
    r"[A-Z0-9][\w.'’&!-]*){0,5}|[a-z][\w-]*\.(?:com|org|net|co\.uk|news)\b)"
)
# Weights rank the kinds of credit: an explicit "originally appeared" line outranks wire marks,
# which outrank a copyright line, a "Source:" line and the reporting-step subject.
_EXPLICIT_RE = re.compile(
    r"(?i:(?:this|the)\s+(?:article|story|piece|post|report|column|interview|essay|op-ed|"
    r"content|commentary)\s+(?:was\s+|is\s+)?(?:originally|first)\s+(?:appeared|published|ran|"
    r"posted|produced)(?:\s+(?:in|on|by|at|with))?|originally\s+(?:appeared|published|ran|posted)"
    r"\s+(?:in|on|by|at)|first\s+(?:appeared|published|ran)\s+(?:in|on|by|at)|(?:republished|"
    r"reprinted|reproduced|adapted)(?:\s+(?:here\s+)?with(?:\s+the)?\s+permission)?\s+"
    r"(?:from|of|by)|(?:published|produced)\s+in\s+partnership\s+with|syndicated\s+from)"
    r"\s+(?:(?:the\s+)?website\s+of\s+)?" + _NAME_OR_URL
)
_EXPLICIT_HINTS = (
    "originally", "first pub", "first appeared", "first ran", "republished", "reprinted",
    "reproduced", "adapted", "partnership", "syndicated",
)  # fmt: skip
_WIRE_DATELINE_RE = re.compile(
    r"^[^\n]{0,80}?\((?P<name>[A-Za-z][\w .&/-]{0,40})\)\s*(?:[-–—]{1,2}|:)\s"
)
_END_CREDIT_RE = re.compile(r"^\s*(?:[-–—]+\s*|\()?(?P<name>[A-Z][\w .&'-]{1,40}?)\)?\s*$")
_BYLINE_RE = re.compile(r"^\s*By\s+[^\n]{2,80}?(?:,|\||—|–|-|\s)\s*(?P<name>[A-Z][\w .&'-]{1,40})$")
_SOURCE_LINE_RE = re.compile(
    r"(?im)^[^\S\n]*(?:source|sources|via|credit)\s*[:\-—]\s*(?P<name>.+)$"
)
_REPORTING_BY_RE = re.compile(r"(?im)^[^\S\n]*(?:\(\s*)?reporting\s+by\s+[^\n]+?;\s*"
                              r"(?:additional\s+)?(?:writing|editing)\s+by\b")  # fmt: skip
_STEP_RE = re.compile(
    r"(?i:\s+(?:has\s+|had\s+|have\s+)?(?:reached\s+out|contacted|emailed|asked|approached|"
    r"requested\s+comment|sought\s+comment|has\s+requested|could\s+not\s+reach|was\s+unable\s+to))"
)
_FOR_COMMENT_RE = re.compile(
    r"(?i)\bfor\s+(?:a\s+)?comments?\b|\breached\s+out\b|\bdid\s+not\s+(?:immediately\s+)?"
    r"(?:respond|reply|return)"
)
_REPORTED_RE = re.compile(
    r"(?i)\s*(?:has\s+|had\s+)?(?:reported|reports|said|says|wrote|writes|quoted|cited|revealed|"
    r"found|learned|obtained|according|published|noted|added)\b"
)
# A sentence ends at . ! ? before a capital, or at a line break ("D.C. for comment" goes on).
# Words without which neither _STEP_RE nor _FOR_COMMENT_RE can match (a cheap pre-filter).
_STEP_HINTS = ("reached out", "contacted", "emailed", "asked", "approached", "requested comment",
               "sought comment", "could not reach", "unable to", "for comment", "for a comment",
               "did not")  # fmt: skip
_SENTENCE_END_RE = re.compile(r"(?<![.!?])[.!?]+[\"'”’)]*\s+(?=[A-Z\"“‘'(])|\n+")
EXPLICIT, WIRE_MARK, COPYRIGHT, SOURCE_LINE, REPORTING_STEP, REPORTING_BY = 5, 4, 3, 2, 2, 1
RETOLD = 1
# Wire datelines and bylines sit at the top of the body; end credits in its last lines.
HEAD_CHARS = 600
TAIL_LINES = 6


# "first published on November 19": a date, not an outlet.
_DATE_NAME_RE = re.compile(
    r"(?i)^(?:(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?\s+\d"
    r"|(?:mon|tues?|wed(?:nes)?|thu(?:rs)?|fri|sat(?:ur)?|sun)(?:day)?\b|\d)"
)


def _name_of(captured: str) -> str | None:
    """The outlet a captured credit names: a URL's outlet or domain, a known or a plain name."""
    captured = captured.strip().rstrip(".,;:)!?'\"’”")
    if _DATE_NAME_RE.match(captured):
        return None
    if captured.lower().startswith(("http", "www.")):
        url = clean_url(captured)
        if url is None:
            return None
        return outlet_for_host(url) or registered_domain(url)
    known = known_outlet_prefix(captured)
    if known:
        return known
    words = captured.split()
    if not words or len(words) > 5 or not captured[:1].isupper():
        return canonical_outlet(captured) if "." in captured else None
    return re.sub(r"['’]s$", "", " ".join(words))


def _candidates(text: str, body: str) -> list[tuple[int, int, str]]:
    """(weight, position, name) for every credit in the page text and the body."""
    found: list[tuple[int, int, str]] = []
    lowered = text.lower()
    for offset, piece in keyword_windows(text, lowered, _EXPLICIT_HINTS):
        for match in _EXPLICIT_RE.finditer(piece):
            name = _name_of(match.group("name"))
            if name:
                found.append((EXPLICIT, offset + match.start(), name))
    head = body[:HEAD_CHARS]
    for line_match in re.finditer(r"[^\n]+", head):
        line = line_match.group(0)
        for pattern in (_WIRE_DATELINE_RE, _BYLINE_RE):
            mark = pattern.match(line)
            wire = canonical_outlet(mark.group("name")) if mark else None
            if wire:
                found.append((WIRE_MARK, line_match.start(), wire))
    tail = [line for line in body.splitlines() if line.strip()][-TAIL_LINES:]
    for line in tail:
        credit = _END_CREDIT_RE.match(line)
        credited = canonical_outlet(credit.group("name")) if credit else None
        if credited and (line.lstrip()[:1] in "-–—(" or line.strip().endswith(")")):
            found.append((WIRE_MARK, len(body), credited))
    for name, known, position in copyright_holders(text, lowered=lowered):
        if known:
            found.append((COPYRIGHT, position, name))
    source_lines = (
        (offset + match.start(), match)
        for offset, piece in keyword_windows(text, lowered, ("source", "via", "credit"))
        for match in _SOURCE_LINE_RE.finditer(piece)
    )
    for position, match in source_lines:
        value = match.group("name").strip()
        if len(value.split()) <= 8:
            url_match = re.search(r"(?:https?://|www\.)\S+", value)
            name = _name_of(url_match.group(0)) if url_match else known_outlet_prefix(value)
            if name and (url_match is None or canonical_outlet(name)):
                found.append((SOURCE_LINE, position, name))
    if _REPORTING_BY_RE.search(body):
        found.append((REPORTING_BY, len(body), "Reuters"))
    found.extend(_reporting_step_credits(body))
    found.extend(_retold_report_credits(body))
    return found


# An outlet credited as the source of what is said: "according to the BBC", "quoted by AP",
# "the BBC reported". "told Reuters" credits one quote, so it counts only in the lead.
_CREDITED_BEFORE_RE = re.compile(
    r"(?i)\b(?P<verb>according\s+to|quoted\s+by|cited\s+by|reported\s+by|told|per)\s+(?:the\s+)?$"
)
_CREDITED_AFTER_RE = re.compile(
    r"(?i)^(?:\s+news\s+agency|\s+news\s+service|\s+newspaper|\s+website)?,?\s+(?:has\s+|had\s+)?"
    r"(?:reported|reports|wrote|writes|quoted|cited|said|says|added|learned"
    r"|(?:is|are|was|were)\s+(?:reporting|saying))\b"
)
# A credit in the present tense relays a current report: "THR is reporting", "The Hollywood
# Reporter says", "ESPN reports".
_PRESENT_CREDIT_RE = re.compile(
    r"(?i)^(?:\s+news\s+agency|\s+news\s+service|\s+newspaper|\s+website)?,?\s+"
    r"(?:reports|writes|says|(?:is|are)\s+(?:reporting|saying))\b"
)
# "the report added": the article goes on retelling the report it credited before.
_REPORT_BACK_RE = re.compile(
    r"(?i)\bthe\s+(?:report|article|story)\s+(?:also\s+)?(?:added|said|says|stated|noted|claimed|"
    r"quoted|cited|reported)\b|\baccording\s+to\s+the\s+(?:same\s+)?(?:report|article|story)\b"
)
LEAD_MIN_WORDS = 12
# Sentences crediting one outlet for what the article says that make the article a retelling
# of its report (one credit is a source for one fact: "according to the AP"). Audit 9: blogs
# retelling The Hollywood Reporter ("THR is reporting that …", "According to THR, …").
RETOLD_MIN_CREDITS = 2
_LEAD_SCAN_CHARS = 1500


def _retold_report_credits(body: str) -> list[tuple[int, int, str]]:
    """Outlets whose report the article retells: credited in its lead, or credited and then
    referred back to as "the report" with no other outlet credited in between."""
    mentions = [
        (name, start, end)
        for name, start, end in find_outlet_mentions(body)
        if not _inside_quotes(body, start)
    ]
    if not mentions:
        return []
    lead_start, lead_end = _lead_span(body)
    found: list[tuple[int, int, str]] = []
    credited: list[tuple[int, str]] = []  # (position, outlet) of each content credit
    relayed: set[str] = set()  # outlets credited in the present tense ("THR is reporting")
    for name, start, end in mentions:
        before = _CREDITED_BEFORE_RE.search(body[max(0, start - 30) : start])
        after = _CREDITED_AFTER_RE.match(body[end : end + 40])
        in_lead = lead_start <= start < lead_end
        if not (before or after):
            continue
        if in_lead:
            found.append((RETOLD, start, name))
        if after or (before and before.group("verb").lower() != "told"):
            credited.append((start, name))
            if after and _PRESENT_CREDIT_RE.match(after.group(0)):
                relayed.add(name)
        else:
            credited.append((start, ""))  # a quote's credit: "the report" after it is not this
    ends = [boundary.end() for boundary in _SENTENCE_END_RE.finditer(body)] if credited else []
    content = Counter(
        name for name, _ in {(name, bisect.bisect_right(ends, p)) for p, name in credited if name}
    )
    for name, count in content.items():
        if count >= RETOLD_MIN_CREDITS and len(content) == 1 and name in relayed:
            # "THR is reporting that …" … "According to THR, …": an article that relays one
            # outlet's current report (a present-tense credit) and keeps crediting it, and no
            # other outlet, for what it says retells that report. Past-tense credits ("the AP
            # reported at the time") borrow facts for background.
            found.append((RETOLD, min(p for p, n in credited if n == name), name))
    if credited:
        for back in _REPORT_BACK_RE.finditer(body):
            earlier = [item for item in credited if item[0] < back.start()]
            if earlier and earlier[-1][1]:
                found.append((RETOLD, earlier[-1][0], earlier[-1][1]))
    return found


def _lead_span(body: str) -> tuple[int, int]:
    """Where the lead sentence is: the first sentence of the first paragraph long enough to be
    one (headlines and date lines are short)."""
    for match in re.finditer(r"[^\n]+", body[:_LEAD_SCAN_CHARS]):
        if len(match.group(0).split()) >= LEAD_MIN_WORDS:
            end = _SENTENCE_END_RE.search(match.group(0))
            return match.start(), match.start() + (end.end() if end else len(match.group(0)))
    return 0, 0


def _inside_quotes(text: str, position: int) -> bool:
    """Whether `position` is inside a quotation in its paragraph (an odd number of quote
    marks before it)."""
    paragraph_start = text.rfind("\n", 0, position) + 1
    before = text[paragraph_start:position]
    return (before.count('"') % 2 == 1) or before.count("“") > before.count("”")


def _reporting_step_credits(body: str) -> list[tuple[int, int, str]]:
    """Known outlets standing as the subject of "reached out / asked ... for comment"."""
    found: list[tuple[int, int, str]] = []
    for sentence_start, text in _hinted_sentences(body):
        leading = _leading_outlet(text)
        if leading is not None:
            name, end = leading
            after = text[end:]
            if _STEP_RE.match(after) or (
                not _REPORTED_RE.match(after) and _FOR_COMMENT_RE.search(after)
            ):
                found.append((REPORTING_STEP, sentence_start, name))
                continue
        for name, start, end in find_outlet_mentions(text):
            if _STEP_RE.match(text[end:]):
                found.append((REPORTING_STEP, sentence_start + start, name))
    return found


def _hinted_sentences(text: str) -> list[tuple[int, str]]:
    """(start, sentence) for the sentences holding a reporting-step word; the rest are skipped."""
    lowered = text.lower()
    hints = sorted(p for word in _STEP_HINTS for p in keyword_positions(lowered, word))
    if not hints:
        return []
    ends = [boundary.end() for boundary in _SENTENCE_END_RE.finditer(text)]
    out: dict[int, str] = {}
    for position in hints:
        index = bisect.bisect_right(ends, position)
        start = ends[index - 1] if index else 0
        end = ends[index] if index < len(ends) else len(text)
        if start not in out:
            out[start] = text[start:end]
    return sorted(out.items())


def _leading_outlet(sentence: str) -> tuple[str, int] | None:
    """The known outlet a sentence starts with (longest name first) and where the name ends.

    Unlike `find_outlet_mentions`, a capitalised word may follow: machine translation drops the
    verb and leaves "Newsweek The Kremlin ... for comment".
    """
    words = list(re.finditer(r"\S+", sentence))[:MAX_NAME_WORDS]
    exact = outlet_table().by_exact
    for count in range(len(words), 0, -1):
        end = words[count - 1].end()
        phrase = re.sub(r"['’]s?$", "", sentence[words[0].start() : end].rstrip(",;:"))
        name = exact.get(phrase)
        if name:
            return name, end
    return None


def find_origin(text: str, *, body: str, outlet: str | None) -> str | None:
    """The outlet `text` credits as the origin of the article, never `outlet` itself; or None."""
    scores: dict[str, tuple[int, int]] = {}
    for weight, position, name in _candidates(text, body):
        if same_outlet(name, outlet) or (outlet and _same_site(name, outlet)):
            continue
        total, first = scores.get(name, (0, position))
        scores[name] = (total + weight, min(first, position))
    if not scores:
        return None
    return min(scores.items(), key=lambda item: (-item[1][0], item[1][1], item[0]))[0]


def _same_site(name: str, outlet: str) -> bool:
    """A domain credit ("people.com") that is the outlet's own address."""
    return "." in name and same_outlet(outlet_for_host(name), outlet)
