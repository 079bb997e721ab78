"""Split an article's clean text into candidate claims: whole sentences.

Each piece comes back as `Evidence` whose span indexes the article text exactly, so every claim
can be shown in context. Rule-based on purpose: a regex splitter with an abbreviation list runs
at memory speed and, on clean news prose, cuts where spaCy's sentencizer does; the parser-based
splitter would cost more than the embedding it feeds.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from newsweave.extract.numbers import SPLIT_AMOUNT, SPLIT_DECIMAL
from newsweave.model import Article, Evidence

# Fewer words than this is a fragment ("Just in Time", "Listen Live"), not a statement.
MIN_WORDS = 5
# A sentence is never cut at its clauses (";", ", but", ", while"): the old rule cut 293 long
# sentences of the ECB+/GVC train articles, and of the first 35 read by eye (session 8) 22 left
# a piece a fact-checker could not check on its own - a subject-less tail ("is asking for a
# significant raise"), a pronoun with nothing to refer to ("she's not in the clear yet!", "the
# starlet left it after a few minutes"), a reason without its claim ("because Ross wanted to do
# something different"), or a head without its contrast ("This was a disappointing blow"). A
# compound sentence stays one claim, and a sentence stating only one of its halves does not
# support it (`ClaimConfig.support_part_coverage`).

# Words that end with a period without ending a sentence. The titles in the second line stand
# before a name and are no words of their own ("CNA asked Msgr. Farmer if ...", "Dist. Atty.
# Steve Cooley said": split there, a claim read "Farmer if he knew ...").
ABBREVIATIONS = frozenset(
    """mr mrs ms dr prof st sen rep gov gen col lt sgt capt maj adm rev jr sr inc corp co ltd
    msgr fr det atty dist supt insp asst ofc cmdr cpt cpl brig spc pvt
    jan feb mar apr jun jul aug sep sept oct nov dec no vs etc approx est dept univ ft
    mt pres sec""".split()  # noqa: SIM905  (a word list reads better as text)
)
NEVER_LAST = frozenset(
    "a an the of with and or".split()  # noqa: SIM905
)
# A decimal the tokeniser split before a scale or unit word, or after a currency sign ("$368. 0
# million", "12. 7 percent", "$1. 29 for the first time") is no sentence end: `SPLIT_AMOUNT`,
# the pattern the quantity reader repairs the same points with (one pattern, so that a sentence
# and its figures agree). Imported here, and importable from here, under that name.
# A leading decimal the tokeniser split from its word ("armed with her. 357 Magnum", "A. 38-caliber
# revolver", "a blood alcohol content of. 09 percent"): a calibre, or a figure below one.
# ... or three digits alone, a figure below one written without its zero: a batting average or
# an OPS ("He hit. 308 with 33 homers", "a career. 290 hitter", "this:. 290 average,. 919 OPS",
# ECB+ 10_ecbplus, where "308 with 33 homers and 121 RBIs last season, including." was a brief
# line and 'Patrick said Monday morning: "If it's true they're offering $200 million to a
# career.' a timeline entry). No news sentence opens on a bare three-digit figure after a word
# (style books spell it out): over every ECB+/GVC article the 6 such points are all decimals.
SPLIT_LEADING_DECIMAL = re.compile(
    r"(?<=[^\W\d_])\.(?= (?:\d{2,3}[\s-]?(?i:caliber|calibre|magnum|special|revolver|pistol"
    r"|handgun|rifle|shotgun|semi-automatic)\b|0\d))"
    r"|(?<=[^\W\d_]|[,:])\.(?= \d{3}(?!\w|[.,]\d))"
)
_BOUNDARY = re.compile(r"(?<![.!?])[.!?]+[\"'”’)\]]*\s+(?=[\"'“‘(\[]*[A-Z0-9])")
_WORD = re.compile(r"[^\W_]+(?:['’.-][^\W_]+)*", re.UNICODE)
_TERMINAL = re.compile(r"[.!\"'”’)]\s*$")
# Blog and law-firm page furniture that survives cleaning ("On behalf of Newman, Anzalone &
# Newman, LLP. posted in Hit and Run Accidents on Friday, September 20, 2013."): a byline or a
# filing line, no statement (read on ECB+ 21_ecbplus, where it opened a brief).
_FURNITURE = re.compile(
    r"^(?:on behalf of|posted (?:in|by|on)|filed (?:under|in)|written by)\b|\bposted in\b.*\bon\b"
    # A station's plea to keep watching ("Stay with 7 Action News for the latest developments").
    r"|^(?:stay|check back) (?:with|on)\b.*\bfor (?:the latest|updates|more)\b"
    # A credit line ("Staff writer Jesse Paul contributed to this report.", GVC 525329's Denver
    # Post story, read by eye in session 15, where it stood as a single-source claim).
    r"|^[^!?]{0,120}\bcontributed (?:to )?(?:this|the) (?:report|story|article)[.”\"]?$",
    re.IGNORECASE,
)
# An appeal or a promo speaks to the reader and states nothing a fact-checker could sign
# (issue 11, session 21: "Anyone with information is asked to call ...", "Click here to watch
# ...", "Sign up for our newsletters"; GVC and ECB+ hold ~60, and every outlet of a story may
# print the police's appeal, which then looks corroborated). Only sentences whose main clause is the
# appeal: "Police say witnesses are not cooperating and anyone with information should call"
# keeps its claim, so no "and" or comma may come before an asking verb.
_TO_CALL = r"(?:call|contact|phone|text|e-?mail|come forward|get in touch|reach|submit|report)\b"
# Who is asked, with what they know ("Anyone with information", "Those who saw the crash").
_WITH_INFO = (
    r"(?:anyone|anybody|those|witnesses|residents|the public)\b[^.;]{0,80}?\b(?:information|info"
    r"|knowledge|tips?|details|saw|seen|witnessed|knows?|knew|whereabouts|video|footage)\b"
)
_APPEAL = re.compile(
    # "Anyone with information (about ...) is asked / urged / encouraged to call ..."
    rf"^[\"“‘(]?{_WITH_INFO}[^.;]{{0,120}}?\b(?:is|are|was|were|being) (?:also )?"
    rf"(?:asked|urged|encouraged|requested) to (?:please )?{_TO_CALL}"
    # "Anyone with information should / can call ..."
    rf"|^[\"“‘(]?{_WITH_INFO}[^.;]{{0,120}}?\b(?:should|can|may|could|must) (?:please )?"
    rf"{_TO_CALL}"
    # "If you have any information (...), please call ...", "If anyone has information ..."
    r"|^[\"“‘(]?if (?:you|anyone|anybody)\b[^.;]{0,60}?\b(?:information|info|knowledge|saw"
    rf"|seen|witnessed|know|knows)\b[^.;]{{0,100}}?\b{_TO_CALL}"
    # "Police ask anyone with information to call", "Bratton asked anyone ... to call", "Dunn
    # asked that anyone ... contact", "A spokesperson said anyone with information should call"
    rf"|^(?:(?! and )[^,;]){{0,80}}?\b(?:asks?|asked|asking|urges?|urged|urging|encourages?"
    rf"|encouraged|said|says)(?: that)? {_WITH_INFO}[^.;]{{0,120}}?\b{_TO_CALL}"
    # "For more information, please call ...", "Please contact ..."
    r"|(?:^|, )please (?:call|contact|e-?mail|visit)\b"
    # Promos: "Click here to ...", "Watch the video here", "Sign up for ... newsletters",
    # "Download our app", "Follow us on Twitter", "Subscribe to ...".
    r"|\bclick here\b|\bwatch (?:the|our) (?:full )?video here\b|^(?:watch|listen):"
    r"|^(?:[\w ]{0,40} )?sign up (?:for|to)\b|\bsign up for (?:[\w’' ]{0,40})?newsletters?\b"
    r"|^(?:download|subscribe to|follow us|like us|stay informed|get the latest|text \w+ to)\b"
    r"|\bdownload (?:our|the) (?:[\w’' ]{0,30})?app\b",
    re.IGNORECASE,
)
# An outlet's promise of more, or its plea to keep following it, speaks to the reader about the
# page, not about the happening (issue 11, session 22: "Stay with 13abc as we continue to provide
# updates to this developing story." stood as a claim; the cleaner drops such lines only when
# they end "for the latest/more/updates"). The station-led forms need their subject: "Stay with"
# a name (capital or digit) or "us", so "Stay with relatives tonight" keeps its claim; "update
# this story/page", never "update the report" (an agency's report is news). A sentence with a
# quotation mark is someone's statement ("We will keep you updated on progress," SEACOM
# tweeted: ECB+ 30_6ecbplus, the company whose cable broke) and stays.
_UPDATES_PROMO = re.compile(
    r"^(?:please )?stay (?:tuned\b|with (?-i:us\b|[A-Z0-9]))"
    r"|^(?:please )?(?:check back|keep checking)\b|\bplease check back\b|^watch for updates\b"
    r"|\bupdate (?:this|our) (?:story|article|post|page|web version)\b"
    r"|\bwill keep you (?:updated|posted|informed)\b"
    r"|^this (?:story|article|report|post|page)\b[^.;]{0,40}\bwill be updated\b"
    r"|^this is a (?:developing|breaking)(?: news)? story\b"
    # "WESH 2 News ... will bring you updates as they become available", "ABC 6/FOX 28 will have
    # updates on this developing story when they're made available"
    r"|\bwill (?:bring you|have|provide|post) (?:more |further |additional |the latest )?updates\b"
    r"(?=[^.;]{0,80}\b(?:available|developing story|this story)\b)"
    r"|^(?:additional|more|further) (?:information|details) will (?:follow|be (?:posted|added))\b"
    r"|^below are (?:previous|earlier) updates\b"
    r"|^for more information, (?:check out|see|visit|go to|read)\b",
    re.IGNORECASE,
)
_QUOTE_MARK = re.compile('["“”]')
# A photo credit at the head of a sentence: a gallery caption the page printed with its credit
# in front ("Gary Marks/GM Video Productions The shooting occurred in a home on Walnut St.",
# "(Brian Cassella / Chicago Tribune) Family, neighbors and community members gather ...",
# "Remembering Devon Lofton Brian Cassella / Chicago Tribune Family, ..."). Where the credit ends
# and the caption starts cannot be told from the words ("Melinda Meza/KCRA Stockton police
# investigate"), and a caption describes a photo rather than reporting, so the sentence is no
# claim. A person's name, a slash, then a capitalised name and a capitalised word: a dateline
# ("New Delhi/Mumbai: An Indian warship") has its colon, a pairing ("the Big Ten/ACC
# Challenge") a lower-case word before it.
_HEAD_CREDIT = re.compile(
    r"^\(?(?:[A-Z][\w'’.-]* ){0,5}?[A-Z][\w'’.-]+ [A-Z][\w'’.-]+ ?/ ?[A-Z][\w'’.&-]*"
    # ... but a transcript's speaker label is no credit ("Peter Lynch/Timmons' Attorney: ...").
    r"(?: [A-Z][\w'’.&-]*){0,4}\)? [\"“‘(]?[A-Z0-9](?![\w'’.&-]*(?: [A-Z][\w'’.&-]*)*:)"
)


def ends_sentence(text: str, end: int) -> bool:
    """Whether the punctuation at `text[end-1]` (just before a boundary match) ends a sentence."""
    if text[end - 1] != ".":
        return True
    start = end - 1
    while start > 0 and (text[start - 1].isalnum() or text[start - 1] == "."):
        start -= 1
    word = text[start : end - 1]
    if not word:
        return True
    # Initials and dotted abbreviations: "J. Smith", "U.S.", "D.C."
    if len(word) == 1 and word.isupper():
        return False
    if "." in word and all(len(part) <= 2 for part in word.split(".")):
        return False
    # No sentence ends on an article, preposition or conjunction: "a. 357 Magnum", "a loaded.
    # 38-caliber revolver" are tokeniser breaks inside one sentence (ECB+ keeps a few).
    return word.lower() not in ABBREVIATIONS and word.lower() not in NEVER_LAST


# Every match of the three split-point patterns below holds a period, a space and a digit
# ("9. 35am", "$1. 29", "her. 357"): the period at or after the match's start, the digit before
# the end of the scanned range. A paragraph without one has no split point, and most have none.
# Their scans (each pattern opens on a lookbehind, so it is tried at every character) were half
# of the timeline's anchors, one paragraph per date mention (session 21, issue 15).
_SPLIT_HINT = re.compile(r"\. \d")


def _split_points(text: str, start: int, end: int) -> set[int]:
    """Where a period in `text[start:end]` is a split decimal or amount, no sentence end."""
    if _SPLIT_HINT.search(text, start, end) is None:
        return set()
    # A decimal the tokeniser split ("arrested around 9. 35am") is no sentence end: the quantity
    # reader repairs the same shape (`SPLIT_DECIMAL`).
    split_points = {m.end(1) for m in SPLIT_DECIMAL.finditer(text, start, end)}
    split_points |= {
        m.end("unit") if m["unit"] else m.end("currency")
        for m in SPLIT_AMOUNT.finditer(text, start, end)
    }
    split_points |= {m.start() for m in SPLIT_LEADING_DECIMAL.finditer(text, start, end)}
    return split_points


def _sentence_spans(text: str, start: int, end: int) -> Iterator[tuple[int, int]]:
    cursor = start
    split_points = _split_points(text, start, end)
    for match in _BOUNDARY.finditer(text, start, end):
        punct_end = match.start() + 1
        if match.start() in split_points or not ends_sentence(text, punct_end):
            continue
        yield cursor, match.end()
        cursor = match.end()
    if cursor < end:
        yield cursor, end


def sentence_around(text: str, start: int, end: int) -> tuple[int, int]:
    """Span of the sentence holding `text[start:end]`, within its paragraph (blank-line bounded)."""
    p_start = text.rfind("\n\n", 0, start)
    p_start = 0 if p_start == -1 else p_start + 2
    p_end = text.find("\n\n", end)
    p_end = len(text) if p_end == -1 else p_end
    for s_start, s_end in _sentence_spans(text, p_start, p_end):
        if s_start <= start < s_end:
            left, right = _trimmed(text, s_start, max(s_end, end))
            return min(left, start), max(right, end)
    return start, end


def _trimmed(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def is_claim(sentence: str) -> bool:
    """Whether a sentence states something: not a question, heading, caption or fragment."""
    words = _WORD.findall(sentence)
    if len(words) < MIN_WORDS:
        return False
    stripped = sentence.rstrip()
    if stripped.lstrip("\"'“‘([ ")[:1].islower():
        # A lower-case start is the tail of a sentence cut before it ("unpatched, vulnerability
        # in IE8 and IE9, and that its engineers..."), not a statement of its own.
        return False
    if stripped.endswith("?") or not _TERMINAL.search(stripped):
        # Questions ask, and lines without closing punctuation are headings, captions, credits.
        return False
    if "http://" in sentence or "https://" in sentence or _FURNITURE.search(stripped):
        return False
    if _APPEAL.search(stripped):
        return False
    if not _QUOTE_MARK.search(stripped) and _UPDATES_PROMO.search(stripped.lstrip("([ ")):
        return False
    if "/" in stripped[:120] and _HEAD_CREDIT.match(stripped):
        return False
    capitalised = sum(1 for w in words if w[0].isupper())
    # Title Case lines ("Putin Congratulates Biden On Election Victory.") are headlines.
    return capitalised <= 0.7 * len(words)


def claim_spans(text: str) -> Iterator[tuple[int, int]]:
    """The spans of a text's claim-like sentences, in text order, found lazily (the brief
    reads only an article's first one); each paragraph is cut on its own."""
    position = 0
    for paragraph in text.split("\n"):
        p_start, p_end = position, position + len(paragraph)
        position = p_end + 1
        for raw_start, raw_end in _sentence_spans(text, p_start, p_end):
            s_start, s_end = _trimmed(text, raw_start, raw_end)
            if s_start != s_end and is_claim(text[s_start:s_end]):
                yield s_start, s_end


def split_claims(article: Article) -> tuple[Evidence, ...]:
    """The article's claim-like sentences, in text order, each with its exact span."""
    text = article.text
    return tuple(
        Evidence(article_id=article.id, text=text[start:end], span=(start, end))
        for start, end in claim_spans(text)
    )
