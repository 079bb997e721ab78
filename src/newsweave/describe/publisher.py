"""Who published the page: the outlet table by domain, the container, then what the page says.

A page names its publisher in self-references that only the publisher writes: a newsletter plug
("sign up for PEOPLE's free daily newsletter"), account and app prompts ("Do you have a
Sputniknews.com account?"), a copyright line, the site name alone on a line, a site suffix on
the headline. Outlets named as *sources* ("according to the AP", "Reuters reported") are not
evidence: no rule here matches a bare mention in prose, and photo credits ("© REUTERS /
KEVIN LAMARQUE") are skipped because agencies sell pictures to every publisher.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from newsweave.describe.outlets import (
    canonical_outlet,
    compatible_with_domain,
    find_outlet_mentions,
    is_wire,
    name_from_domain,
    outlet_for_host,
    outlet_table,
)
from newsweave.describe.scan import keyword_windows

# Words bounded to 40 characters: an unbounded run made every capital of a 4,000-character
# token restart a scan to its end (quadratic); no outlet name has a longer word.
_NAME = (
    r"(?P<name>[A-Z][\w.'’&!-]{0,40}(?:[ ](?:of[ ]|the[ ]|de[ ]|&[ ])?[A-Z][\w.'’&!-]{0,40}){0,5})"
)
# (pattern, weight). Weights: a self-reference only the publisher writes counts 1; a copyright
# line 1; calibrated so that one strong clue decides when nothing else is known.
# Each pattern comes with a lower-case keyword it cannot match without: a cheap `in` test
# skips the regex on the many pages that lack it.
_SELF_REFERENCES: tuple[tuple[str, re.Pattern[str], float], ...] = tuple(
    (keyword, re.compile(pattern), weight)
    for keyword, pattern, weight in (
        ("sign up", rf"(?i:sign up for) {_NAME}['’]s\b", 1.0),
        ("subscribe", rf"(?i:subscribe to) {_NAME}['’]s\b", 1.0),
        ("subscribe", rf"(?i:subscribe to) {_NAME}(?=[.!,]|\s*$| (?i:today|now|for|and)\b)", 0.5),
        ("newsletter", rf"{_NAME}['’]s? (?i:free |daily |weekly |morning )*(?i:newsletter)", 1.0),
        ("notifications", rf"(?i:push notifications from) {_NAME}", 1.0),
        ("account", rf"(?i:have an?|delete your|your) {_NAME} (?i:account)", 1.0),
        (" app", rf"(?i:download the|get the) {_NAME} (?i:app)\b", 1.0),
        ("follow", rf"(?i:follow) {_NAME} (?i:on) (?i:twitter|facebook|instagram|x)\b", 1.0),
        ("has to offer", rf"(?i:best of what) {_NAME} (?i:has to offer)", 1.0),
        ("external", rf"{_NAME} (?i:is not responsible for the content of external)", 1.0),
        ("contact", rf"(?i:contact) {_NAME} (?i:at)\b", 0.5),
    )
)  # fmt: skip
_COPYRIGHT_RE = re.compile(
    r"(?:(?:©|\(c\)|(?i:copyright))\s*){1,3}(?:(?:19|20)\d\d(?:\s*[-–]\s*(?:19|20)?\d\d)?\s*(?:,\s*)?)?"
    + _NAME
)
# "Bahamas Local © 2022. All rights reserved.": the holder first, at the start of a line.
_COPYRIGHT_AFTER_RE = re.compile(
    _NAME + r"\s*(?:©|\(c\)|(?i:copyright))\s*(?:19|20)\d\d\b(?!\s*[/|])"
)
_PHOTO_CREDIT_RE = re.compile(r"^\s*(?:/|\|)|(?i:photo|image|getty|pool|video|file)", re.IGNORECASE)
_SITE_EMAIL_RE = re.compile(
    r"(?i)\b(?:privacy|moderator|editor|editors|newsroom|news|tips|feedback|letters|support"
    r"|webmaster|corrections|subscriptions|customerservice|help)@([a-z0-9.-]+\.[a-z]{2,})"
)
_CORPORATE_SUFFIXES = frozenset(
    ["inc", "llc", "ltd", "limited", "co", "corp", "plc", "gmbh", "ag", "sa", "all"]
)
_UNKNOWN_NAME_STOP = frozenset(
    [
        "our",
        "us",
        "we",
        "my",
        "your",
        "all",
        "this",
        "the",
        "a",
        "an",
        "rights",
        "reserved",
        "inc",
        "llc",
        "ltd",
        "copyright",
        "android",
        "ios",
        "iphone",
        "ipad",
        "apple",
        "google",
        "mobile",
        "free",
        "official",
        "new",
        "app",
        "apps",
    ]
)
# Text evidence must reach this score to name an outlet when the page has no known domain.
# Each rule counts once per name (its strongest hit), so one clue repeated in a menu or footer
# does not add up. A name the table does not know counts UNKNOWN_FACTOR of its rule's weight:
# on the cleaning dev pages (text route) one copyright line or one headline suffix alone named
# the parent company or a section ("WWB Holdings", "Step-by-Step Guide") about as often as the
# site; two different clues agreeing were right.
MIN_EVIDENCE = 1.0
UNKNOWN_FACTOR = 0.75
WEAK_MENTION = 0.25
MAX_REMOVED_PIECE = 200
# A known name alone on a line is as often a partner link in a footer ("Evening Standard" on
# independent.co.uk) as the site's own name, so it only supports other clues.
SITE_LINE = 0.5


@dataclass(frozen=True, slots=True)
class OutletClue:
    """One piece of evidence for the publisher: a name and how strongly the page asserts it."""

    name: str
    weight: float
    known: bool
    rule: str


def _resolve_name(captured: str) -> tuple[str, bool] | None:
    """A captured name as (outlet name, known in the table), or None when it is not a name."""
    captured = re.split(r"\.\s", captured + " ", maxsplit=1)[0].strip(" .,:;!?'’")
    words = captured.split()
    while words and words[-1].lower().strip(".,") in _CORPORATE_SUFFIXES:
        words.pop()
    known = canonical_outlet(" ".join(words))
    if known:
        return known, True
    if not words or len(words) > 5 or words[0].lower() in _UNKNOWN_NAME_STOP:
        return None
    while words and words[-1].lower() in _UNKNOWN_NAME_STOP:
        words.pop()
    name = re.sub(r"['’]s$", "", " ".join(words))
    return (name, False) if len(name) >= 3 else None


def copyright_holders(text: str, *, lowered: str | None = None) -> list[tuple[str, bool, int]]:
    """Holders named by copyright lines of `text` as (name, known, position); photo credits out.

    `lowered` is `text.lower()` when the caller has it already (it costs ~15 µs per kB).
    """
    holders: list[tuple[str, bool, int]] = []
    lowered = text.lower() if lowered is None else lowered
    for offset, piece in keyword_windows(text, lowered, ("©", "copyright", "(c)")):
        for match in _COPYRIGHT_RE.finditer(piece):
            after = piece[match.end() : match.end() + 3]
            line_start = piece.rfind("\n", 0, match.start()) + 1
            line_end = piece.find("\n", match.end())
            line = piece[line_start : line_end if line_end >= 0 else len(piece)]
            if after.lstrip().startswith(("/", "|")) or _PHOTO_CREDIT_RE.search(line):
                continue
            resolved = _resolve_name(match.group("name"))
            if resolved:
                holders.append((resolved[0], resolved[1], offset + match.start()))
        for match in _COPYRIGHT_AFTER_RE.finditer(piece):
            at = offset + match.start()
            if at > 0 and text[at - 1] != "\n":
                continue  # only a name opening its line: "... reserved by Foo © 2022" is prose
            line_end = piece.find("\n", match.end())
            line = piece[match.start() : line_end if line_end >= 0 else len(piece)]
            if _PHOTO_CREDIT_RE.search(line):
                continue
            resolved = _resolve_name(match.group("name"))
            if resolved:
                holders.append((resolved[0], resolved[1], at))
    return holders


def text_clues(
    text: str, *, removed: Sequence[str] = (), title_names: Sequence[str] = ()
) -> list[OutletClue]:
    """Every clue to the publisher in the page text, removed boilerplate and headline suffixes."""
    clues: list[OutletClue] = []
    for name in title_names:
        known = canonical_outlet(name)
        clues.append(_clue(known or name, 1.0, known is not None, "title"))
    lowered = text.lower()
    for keyword, pattern, weight in _SELF_REFERENCES:
        for _, window in keyword_windows(text, lowered, (keyword,)):
            for match in pattern.finditer(window):
                resolved = _resolve_name(match.group("name"))
                if resolved:
                    clues.append(_clue(resolved[0], weight, resolved[1], keyword))
    for holder, holder_known, _ in copyright_holders(text, lowered=lowered):
        clues.append(_clue(holder, 1.0, holder_known, "copyright"))
    unknown_title_names = {n for n in title_names if canonical_outlet(n) is None}
    for line in text.splitlines():
        stripped = line.strip()
        if stripped in unknown_title_names:
            # The name the headline's suffix gives, alone on a line: the page's masthead.
            clues.append(_clue(stripped, SITE_LINE, False, "line"))
            unknown_title_names.discard(stripped)
        on_line = outlet_table().by_exact.get(stripped) if 2 < len(stripped) <= 60 else None
        if on_line:
            # A wire's name alone on a line is usually a picture credit.
            weight = SITE_LINE / 2 if is_wire(on_line) else SITE_LINE
            clues.append(_clue(on_line, weight, True, "line"))
    emails = (
        match
        for _, piece in keyword_windows(text, lowered, ("@",), reach=40)
        for match in _SITE_EMAIL_RE.finditer(piece)
    )
    for match in emails:
        site = outlet_for_host(match.group(1))
        if site:
            clues.append(_clue(site, 0.5, True, "email"))
    for piece in dict.fromkeys(removed):  # each distinct piece once
        # Only short pieces: a site naming itself in boilerplate does so in a line or a button;
        # a removed block of related stories names every outlet it quotes.
        if len(piece) > MAX_REMOVED_PIECE or "©" in piece or _PHOTO_CREDIT_RE.search(piece):
            continue
        for mentioned, _, _ in find_outlet_mentions(piece):
            if not is_wire(mentioned):
                clues.append(_clue(mentioned, WEAK_MENTION, True, "removed"))
    return clues


def _clue(name: str, weight: float, known: bool, rule: str) -> OutletClue:
    return OutletClue(name, weight if known else weight * UNKNOWN_FACTOR, known, rule)


# Words a site may add to its name or leave off ("Bahamas Local News" / "Bahamas Local" /
# "BahamasLocal.com"): two clues differing only by them name one outlet.
_NAME_TAIL_WORDS = frozenset(["news", "online", "com", "net", "org"])


def _outlet_stem(name: str) -> str:
    words = re.findall(r"[a-z0-9]+", name.lower())
    while len(words) > 1 and words[-1] in _NAME_TAIL_WORDS:
        words.pop()
    return "".join(words)


def _best(clues: Iterable[OutletClue]) -> str | None:
    strongest: dict[tuple[str, str], float] = {}
    for clue in clues:
        key = (clue.name, clue.rule)
        if clue.rule == "removed":
            # distinct boilerplate pieces naming the site add up, to one strong clue at most
            strongest[key] = min(1.0, strongest.get(key, 0.0) + clue.weight)
        else:
            strongest[key] = max(strongest.get(key, 0.0), clue.weight)
    scores: dict[str, float] = {}
    for (name, _), weight in strongest.items():
        scores[name] = scores.get(name, 0.0) + weight
    if not scores:
        return None
    # Spellings of one name add up; the best supported spelling (then the shortest) names it.
    by_stem: dict[str, list[str]] = {}
    for name in scores:
        by_stem.setdefault(_outlet_stem(name), []).append(name)
    totals = {
        min(names, key=lambda n: (-scores[n], len(n), n)): sum(scores[n] for n in names)
        for names in by_stem.values()
    }
    name, score = min(totals.items(), key=lambda item: (-item[1], item[0]))
    return name if score >= MIN_EVIDENCE else None


_HANDLE_RE = re.compile(r"^@(?P<handle>[A-Za-z0-9_]{2,30})$")
_NAME_SEPARATOR_RE = re.compile(r"(?<!\s)\s+(?:\||-|–|—|::|·|•|»)\s+|:\s+")
_SITE_OF_RE = re.compile(
    r"^(?P<what>.{3,60}?)\s+(?:on|at|from)\s+(?:https?://)?(?:www\.)?\S+\.\w{2,}/?$"
)


def _declared_name(name: str, *, domain: str | None, texts: Sequence[str]) -> str | None:
    """A declared site name as a reader would write it, or None when it names no more than the
    domain: "@politifact" (a social handle) -> "PolitiFact" as the page writes it; "WSVN 7News |
    Miami News, Weather, Sports | Fort Lauderdale" -> "WSVN 7News" (a tagline cut off)."""
    cleaned = re.sub(r"\s+", " ", name).strip()
    handle = _HANDLE_RE.match(cleaned)
    if handle:
        written = None
        if domain and compatible_with_domain(handle["handle"], domain):
            written = name_from_domain(domain, list(texts))
        return written or handle["handle"]
    if "." in cleaned and " " not in cleaned:
        return None  # a bare host name ("DW.COM") says no more than the domain
    if " " not in cleaned and domain and not compatible_with_domain(cleaned, domain):
        # One word unlike the domain ("TNBtweets", a feed's handle, on thenervousbreakdown.com):
        # the name the page writes that spells the domain is the site's.
        return name_from_domain(domain, list(texts)) or cleaned
    site_of = _SITE_OF_RE.match(cleaned)
    if site_of and domain:
        # "Belize News and Opinion on www.breakingbelizenews.com": a description of the site
        return name_from_domain(domain, list(texts))
    parts = [p.strip() for p in _NAME_SEPARATOR_RE.split(cleaned) if p.strip()]
    if len(parts) > 1:
        fitting = [p for p in parts if domain and compatible_with_domain(p, domain)]
        if fitting:
            return fitting[0]
        # The masthead first, a tagline after it ("My Daily Magazine - Art, Design, DIY ...").
        if "," in cleaned or len(parts[0].split()) <= MAX_SITE_NAME_WORDS < len(cleaned.split()):
            return parts[0]
    return cleaned


# A site name longer than this many words with separators in it carries a tagline.
MAX_SITE_NAME_WORDS = 4


def resolve_outlet(
    *,
    url: str | None,
    domain: str | None,
    declared: Sequence[str | None],
    clues: Sequence[OutletClue],
    texts: Sequence[str],
    title_names: Sequence[str] = (),
) -> str | None:
    """The publisher's name: table by domain > declared names > text clues > the domain's name
    (spelled as the site names cut from the headline write it, else as the page writes it)."""
    if url:
        known = outlet_for_host(url)
        if known:
            return known
    for name in declared:
        if name and name.strip():
            known = canonical_outlet(name)
            if known:
                return known
            cleaned = _declared_name(name, domain=domain, texts=texts)
            if cleaned is None:
                continue
            known = canonical_outlet(cleaned)
            if known:
                return known
            if 0 < len(cleaned) <= 80:
                return cleaned
    if domain:
        fitting = [c for c in clues if compatible_with_domain(c.name, domain)]
        return (
            _best(fitting)
            or name_from_domain(domain, list(title_names), any_word=True)
            or name_from_domain(domain, list(texts))
            or domain
        )
    return _best(clues)
