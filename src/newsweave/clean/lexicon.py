"""Curated phrase lexicons of web-page boilerplate, one compiled pattern per removal reason.

The phrases are written in several phrasings each (the way sites actually word a cookie banner
or a comment form), never copied from one sample page. They were collected from the kinds of
boilerplate seen on news, magazine and blog pages (see `eval/cleaning.py` and the "Cleaning"
section of `docs/evaluation.md`); after changing a pattern, re-run that evaluation.

A *strong* match is boilerplate wherever it occurs on a short line; on a long line (a prose
paragraph) one match is not enough, because an article may well talk about cookies or newsletters.
"""

from __future__ import annotations

import re
from typing import Final


def word_set(words: str) -> frozenset[str]:
    """The blank-separated words of a literal (keeps long word lists compact and readable)."""
    return frozenset(words.split())


# Function words: a prose line has many, a menu or a list of headlines has few.
STOP_WORDS: Final = word_set(
    "a about above after again against all also am an and any are as at be because been "
    "before being below between both but by can could did do does doing down during each "
    "few for from further had has have having he her here hers herself him himself his "
    "how i if in into is it its itself just me more most my myself no nor not now of off "
    "on once only or other our ours ourselves out over own same she should so some such "
    "than that the their theirs them themselves then there these they this those through "
    "to too under until up very was we were what when where which while who whom why will "
    "with would you your yours yourself yourselves said says says told according since "
    "though although however still even already yet may might must shall"
)

_I = re.IGNORECASE

# reason -> alternation of phrases (regex fragments, matched case-insensitively).
_PHRASES: Final[dict[str, tuple[str, ...]]] = {
    "cookie-notice": (
        r"\b(?:we|this (?:web)?site|our (?:web)?site|site) uses? cookies",
        r"\buses? cookies (?:to|and)",
        r"\baccept (?:all )?cookies",
        r"\bcookies? (?:policy|settings|preferences|consent|notice|declaration)",
        r"\b(?:necessary|functional|performance|targeting|analytics?) cookies?\b",
        r"\benable or disable cookies",
        r"\bopt[- ]out if you wish",
        r"\bby (?:continuing to (?:use|browse)|using) (?:this|our|the) (?:web)?site",
        r"\bmanage (?:your )?(?:cookie|consent|privacy) (?:settings|preferences|choices)",
        r"\bconsent to (?:the use of|our use of|our) cookies",
        r"\bonline tracking choices",
    ),
    "privacy-notice": (
        r"\bprivacy (?:policy|notice|statement|settings|center|preferences)\b",
        r"\bdo not sell (?:or share )?my (?:personal )?(?:information|data|info)",
        r"\bterms (?:of (?:use|service)|(?:and|&) conditions)\b",
        r"\bnotice to california residents",
        r"\bgeneral data protection regulation",
        r"\bprotected by recaptcha",
        r"\bpersonal data of third parties",
        r"\bcontinue processing your data",
        r"\byour data protection rights",
        r"\bcookie and privacy",
    ),
    "newsletter-plug": (
        r"\bsign(?:ing)? ?up (?:for|to) (?:\S+ ){0,6}?(?:newsletters?|updates|alerts|emails?)\b",
        r"\b(?:daily|weekly|monthly|free|email|our|the) newsletters?\b",
        r"\bnewsletters? (?:sign[- ]?up|curates|delivered)",
        r"\b(?:straight|right|directly|delivered) (?:to|into) (?:your|their) inbox",
        r"\bin (?:your|their) inbox(?:es)?\b",
        r"\bdelivered to (?:you|your (?:phone|door))\b",
        r"\bsign(?:ing)? ?up (?:to|for|and) (?:get|receive)\b",
        r"\bnews and offers\b",
        r"\bon behalf of our (?:trusted )?(?:partners|sponsors)",
        r"\b(?:get|download) (?:the|our) (?:\S+ ){0,3}app\b",
        r"\bfollow (?:us|\w+(?: \w+)?) on (?:twitter|facebook|instagram|linkedin)",
        r"^(?:the )?(?:\S+ ){0,3}newsletters?$",
        r"\b(?:get|join|read) (?:the|our) (?:\S+ ){0,4}newsletters?\b",
        r"\b(?:missing|miss) out on (?:the latest|our)\b",
        r"\bnever miss (?:a|the|another) (?:story|thing|post|update|beat|latest)",
        r"\bsubscribe (?:to|now|today|for|and)\b",
        r"\bsubscribe$",
        r"\bstay up[- ]to[- ]date\b",
        r"\bno spam\b",
        r"\bunsubscribe at any time",
        r"\benter your e-?mail",
        r"\bjoin (?:our|the) (?:\S+ )?(?:newsletter|mailing list)",
        r"\bfree (?:articles?|stories) (?:left|remaining)",
        r"\bsupport (?:our|independent|local|quality) (?:\S+ )?journalism",
        r"\bbecome a (?:member|subscriber|patron|supporter)",
        r"\balready (?:a|an) (?:subscriber|member)",
        r"\bplease subscribe\b",
        r"\bdownload (?:the|our) (?:\S+ ){0,3}apps?\b",
        r"\bpush notifications",
        r"\bget (?:the )?(?:latest|best|top) (?:\S+ ){0,4}(?:delivered|in your|by email)",
        r"\bi consent to receiving",
        r"\bwe won'?t share your e-?mail",
        r"\bsubscribers? (?:also )?(?:receive|get|enjoy)\b",
        r"\bwe want to hear (?:what you think|from you)",
        r"\bsubmit (?:your|a) (?:letter|story|news|tip|photos?|event|sports)",
    ),
    "metadata-line": (r"\b\d+[- ]min(?:ute)?s?\.? read\b",),
    "disclaimer": (
        r"\bnot responsible for the (?:opinions|content|views|statements)",
        r"\bviews expressed (?:here|in this|by)",
        r"\b(?:references to|links to) products from",
        r"\bour advertisers\b",
        r"\bterms apply\b",
        r"\bdoes not (?:offer|provide|constitute) (?:medical|legal|financial|investment) advice",
    ),
    "comment-rules": (
        r"\bleave a (?:reply|comment|response)",
        r"\bemail address will not be published",
        r"\bemail addresses will not be published",
        r"\brequired fields are marked",
        r"\bsave my name,? e-?mail",
        r"\bnotify me (?:of|when) (?:new|follow-up)",
        r"\bcancel reply",
        r"\b(?:post|write|add|submit) a comment",
        r"\b(?:view|show|load|hide|read) (?:all )?(?:\d+ )?comments",
        r"\bno comments yet",
        r"\bbe the first to comment",
        r"\bcomments? (?:are|is) (?:moderated|closed)",
        r"\bcomments? policy",
        r"\bdiscussion thread",
        r"\b(?:join|be part of) the (?:discussion|conversation)",
        r"\bakismet\b",
        r"\bcommunity (?:standards|guidelines|rules)",
        r"\blogged in to (?:post|comment)",
        r"\buser comment will be deleted",
        r"\bplease enter your (?:comment|name)",
        r"\bcode of conduct",
        r"\busers are obliged",
        r"\bthe (?:websites?'?s?|site'?s?) administration has the right",
    ),
    "login-form": (
        r"\bforgot (?:your )?password",
        r"\bpassword recovery",
        r"\bcreate (?:an|your|a free) account",
        r"\bdo(?:n'?t| not)? (?:you )?have an? (?:\S+ )?account",
        r"\bi (?:do not |don'?t )?have an? (?:\S+ )?account",
        r"\byour account (?:has been|was) (?:deleted|created|blocked)",
        r"\brestore your account",
        r"\b(?:log|sign) ?in (?:to|with) (?:your|facebook|google|twitter)",
        r"\balready (?:registered|have an account)",
        r"\bby registering,? you agree",
        r"\bsign in to (?:stop|continue|read|comment)",
        r"\b(?:log|sign) in for immediate access",
        r"\bunlock access",
    ),
    "share-widget": (
        r"\bshare (?:this|on|to|via) (?:article|story|post|page|facebook|twitter|x\b|linkedin|"
        r"whatsapp|email|reddit|pinterest)",
        r"\bclick to (?:share|email|print|tweet)",
        r"\bfollow us (?:on|@)",
        r"\bget short url",
        r"\bcopy (?:the )?link\b",
        r"\bopens in (?:a )?new (?:window|tab)",
        r"\bshare (?:this )?(?:article|story)$",
    ),
    "related-link": (
        r"^(?:related|more|similar|recommended|popular|trending|latest|recent|top|most "
        r"(?:popular|read|viewed|shared))(?: \w+)?(?: (?:articles?|stories|posts|topics|news|"
        r"content|coverage|reading|links|videos|headlines|now|this week))?:?$",
        r"^(?:read|see|watch|listen) (?:more|also|next|this next|the latest)\b",
        r"^(?:related|more|also|next|previous)(?: \w+)?: ",
        r"\byou (?:may|might|will) also (?:like|enjoy|be interested)",
        r"\bmore (?:stories|articles|news|posts) (?:from|in|on|like|about)\b",
        r"^more (?:from|in|on|about) ",
        r"^(?:previous|next) (?:article|post|story)\b",
        r"\bscroll (?:down )?(?:for|to) (?:the next|read|continue)",
        r"\bin case you missed it\b",
        r"\brecommended for you\b",
        r"\beditor'?s'? picks\b",
        # A header ("Also on CNN", "Also on Yahoo News:"), never a paragraph opening with a
        # day ("Also on Friday morning, at least four people were killed...": TimeBank XIE19980808).
        r"^also on [\w.&'-]+(?: [\w.&'-]+){0,3}:?$",
        r"^also on [\w.&' -]{1,40}: ",
        r"\bcontinue reading\b",
        r"^read (?:the )?(?:full|original) (?:article|story)",
        # Teasers and plugs: the page pointing the reader to more of itself, a video or a later
        # update ("Hit the jump for more details and how 'Catching Fire' could face a huge
        # delay.", two blogs of ECB+ 6_ecbplus, which became a claim and a brief line; "Click
        # here to watch ...'s report", "Stay with WTOL 11 for the latest.", "This is a developing
        # story; please check back for updates." in GVC pages). Not news about a happening.
        r"\b(?:hit|after|past|click|beyond) the jump\b",
        r"\bmore (?:after|below) the (?:break|fold)\b",
        r"\b(?:click|tap) here\b",
        r"\bgo here (?:to|for)\b",
        r"\bhere to (?:keep|continue) reading\b",
        r"\bcheck back (?:later |often |soon |here )?(?:for|as)\b",
        r"\bstay (?:with|tuned to) [\w.'’& ]{1,40}? for (?:the latest|more|updates)\b",
        r"\bthis is a (?:breaking|developing) (?:news )?(?:story|alert)\b",
        r"\bthis story is (?:still )?developing\b",
        r"\bfor reuse options\b",
        # A channel plugging its own pictures or video ("News X has exclusive pictures of the
        # anti-piracy operation.", ECB+ 12_ecbplus, a brief line in session 10; "Watch the
        # video above", "ON A MOBILE DEVICE? WATCH THE VIDEO HERE." in GVC pages).
        r"\bha(?:s|ve) exclusive (?:pictures|photos|images|footage|video|visuals)\b",
        r"\b(?:watch|see|view) (?:the|our|this) (?:full )?(?:video|clip|footage|report|"
        r"interview|slideshow|gallery)s? (?:above|below|here)\b",
    ),
    "advertisement": (
        r"^advertisement:?$",
        r"^(?:sponsored|paid|partner) (?:content|post|stories)\b",
        r"\badvertising (?:disclosure|disclaimer|guidelines)",
        r"\bwhen you (?:buy|purchase|shop) (?:\S+ )?(?:through|via|using) (?:our )?links",
        r"\b(?:earn|receive|get) (?:a )?(?:small )?(?:commission|compensation)\b",
        r"\bamazon (?:services|associates?)\b",
        r"\baffiliate (?:links?|program|commission)",
        r"\bad[- ]?blocker",
        # A site asking to be let through ("Try disabling any ad blocking extensions..."), not
        # news about ad blocking (read on GVC 613903, where it reached a brief).
        r"\b(?:disabl(?:e|ing)|turn(?:ing)? off|paus(?:e|ing)|whitelist(?:ing)?)\b[^.]{0,30}"
        r"\bad[- ]?block(?:ing|er)",
        r"\bqualifying purchases",
        r"\bis supported by its audience",
    ),
    # A site's box of help lines under a story about suicide or abuse ("National Suicide
    # Prevention Lifeline: 1-800-273-TALK (8255)"): a service to the reader, not the report (read
    # on GVC 613903, where such lines became claims). A help resource and its number are both
    # required, so a story about a hotline and a police tip line ("call Crime Stoppers at ...")
    # are kept.
    "help-box": (
        r"\b(?:suicide|crisis|domestic (?:violence|abuse)|abuse|mental health|sexual assault|"
        r"addiction|lifeline|helpline)\b[^\n]{0,80}?(?:\b1-)?\(?\b\d{3}\)?[-. ]\d{3}[-. ]"
        r"(?:\d{4}|[A-Z]{4})\b",
        r"\bif you or someone you know\b[^\n]{0,80}?\b(?:struggl|suicid|abuse|crisis|in danger)",
        r"^resources (?:for help|are (?:also )?available)\b",
    ),
    "copyright": (
        r"©",
        r"\bcopyright\b",
        r"\ball rights reserved",
        r"\b(?:proudly )?powered by\b",
        r"\bcopyleft\b",
        r"\breproduction of (?:this )?material",
        r"\bwritten permission\b",
        r"\bcontent is licensed",
        r"\bcopyrighted property",
    ),
    "browser-notice": (
        r"\byou are using (?:an? )?(?:outdated |old |unsupported )?browser",
        r"\benable javascript",
        r"\bjavascript (?:is )?(?:disabled|required)",
        r"\bupgrade your browser",
    ),
}

# Lines that are boilerplate when they are (nearly) the whole line: site chrome words.
_WHOLE_LINE: Final[dict[str, tuple[str, ...]]] = {
    "navigation": (
        r"(?:home|menu|search|close|open|back|back to top|skip to (?:main )?content|"
        r"skip navigation|toggle navigation|main menu|sections|navigation|sitemap|site map|"
        r"more|show more|"
        r"load more|next|previous|prev|jump to|go to top|top|contact|contact us|about|about us|"
        r"careers|faq|help|shop|store|tags|topics|categories|archives|blogroll|meta|print|"
        r"edit|listen|listen live|watch live|live|live tv|watch|video|videos|photos|podcasts?|"
        r"weather|sports|news|all news|multimedia|opinion|entertainment|business|world|politics|"
        r"lifestyle|technology|tech|science|health|local|us|u\.s\.|uk|advertise|subscriptions?|"
        r"customer (?:care|service)|corrections(?: and clarifications)?|ok|accept|refuse|decline|"
        r"agree|i agree|yes|no|yesno|acceptrefuse|dismiss|got it|continue|cancel|submit|send|"
        r"delete|reply|report|report abuse|like|tweet|email|share|permalink|rss|feed|archive)",
    ),
    "login-form": (
        r"(?:log ?in|log ?out|sign ?in|sign ?out|sign ?up|register|registration|my account|"
        r"your account|account|profile|password|captcha|avatar|welcome,?|hello,? ?!?|"
        r"subscribe|subscriber login|login / register|log in / register|sign in / register)",
    ),
    "share-widget": (
        r"(?:share|facebook|twitter|x|linkedin|pinterest|whatsapp|reddit|email|e-mail|print|"
        r"tumblr|telegram|instagram|youtube|flipboard|messenger|sms|copy|copy link|link|"
        r"tweet|pin it|follow|follow us:?|share this:?|share this article:?|share on:?)"
        r"(?:[ ,|/·•]+(?:share|facebook|twitter|x|linkedin|pinterest|whatsapp|reddit|email|"
        r"e-mail|print|tumblr|telegram|instagram|youtube|flipboard|messenger|sms|copy|link|"
        r"tweet|rss))*",
    ),
    "comment-rules": (r"(?:\d+ )?(?:comments?|responses?|replies|reply|discussion|discuss)",),
    "metadata-line": (
        r"(?:\d+ (?:min(?:ute)?s?|hours?|days?) (?:read|ago)|\d+ words|"
        r"(?:updated|published|posted|last updated|release date)(?: on)?:?)",
    ),
}

# A line that is only a label for the text that follows ("Tags:", "Original url:").
_METADATA_LABEL = re.compile(
    r"^(?:original (?:url|source|article|link|post)|source(?: url)?|via|tags?|tagged(?: with)?|"
    r"filed (?:under|in)|categor(?:y|ies)|posted (?:in|on|by|under)|published(?: on| in| by)?|"
    r"updated(?: on)?|release date|topics?|keywords|related topics|share|permalink|"
    r"photo credits?|image credits?|credits?)\s*:",
    _I,
)


def _compile_named(table: dict[str, tuple[str, ...]], *, whole: bool) -> re.Pattern[str]:
    parts = []
    for reason, phrases in table.items():
        group = reason.replace("-", "_")
        body = "|".join(phrases)
        parts.append(rf"(?P<{group}>^(?:{body})[\s.!:?]*$)" if whole else rf"(?P<{group}>{body})")
    return re.compile("|".join(parts), _I | re.MULTILINE)


def _split_anchored(
    table: dict[str, tuple[str, ...]],
) -> tuple[dict[str, tuple[str, ...]], dict[str, tuple[str, ...]]]:
    anchored = {k: tuple(p for p in v if p.startswith("^")) for k, v in table.items()}
    floating = {k: tuple(p for p in v if not p.startswith("^")) for k, v in table.items()}
    return {k: v for k, v in anchored.items() if v}, {k: v for k, v in floating.items() if v}


# Prefixes of words too common in article prose to be worth a trigger when a phrase has a rarer one.
_COMMON_PREFIXES: Final = word_set(
    "use uses using get new news like first time right left state top list page part name "
    "date web site local free read story stori post posts data best case small old thing "
    "month today ing via info link links stand servi conte mail email publi show view "
    "third user users"
)


def phrase_triggers(phrase: str) -> frozenset[str]:
    """Five-letter prefixes of the content words of a phrase pattern (regex escapes removed)."""
    plain = re.sub(r"\\[A-Za-z]", " ", phrase)
    words = {w[:5] for w in re.findall(r"[a-z][a-z'-]{2,}", plain.lower()) if w not in STOP_WORDS}
    rare = words - _COMMON_PREFIXES
    return frozenset(rare or words)


_ANCHORED, _FLOATING = _split_anchored(_PHRASES)
_ANCHORED_RE: Final = _compile_named(_ANCHORED, whole=False)
_WHOLE_RE: Final = _compile_named(_WHOLE_LINE, whole=True)
# Each floating phrase is searched only in lines that contain one of its content words (an
# inverted index from word prefix to phrases): one big alternation searched at every position
# of every line cost ~200 µs a line; this costs a few µs on article prose.
_FLOATING_RE: Final = tuple(
    (reason, re.compile(phrase, _I)) for reason, phrases in _FLOATING.items() for phrase in phrases
)
_BY_TRIGGER: Final[dict[str, tuple[int, ...]]] = {}
for _number, (_reason, _pattern) in enumerate(_FLOATING_RE):
    for _trigger in phrase_triggers(_pattern.pattern) or {"©"}:
        _BY_TRIGGER[_trigger] = (*_BY_TRIGGER.get(_trigger, ()), _number)
TRIGGERS: Final = frozenset(_BY_TRIGGER)
_TOKEN_PUNCT: Final = "\"'“”‘’()[]{},.;:!?-–—…«»*/|•·#@"

# Beyond this length a line is not searched for phrases: boilerplate paragraphs are shorter,
# and it keeps a pathological 10 MB single line linear and quick.
MAX_SEARCH_CHARS: Final = 5000


# Words glued by a scraper ("Log inPrivacy Policy") are split before matching.
_GLUED = re.compile(r"(?<=[a-z])(?=[A-Z])")


def whole_line_reason(line: str) -> str | None:
    """The reason code when the whole (short) line is a piece of site chrome, else None."""
    if len(line) > 80:
        return None
    chrome = " \t•·|>»-–—*#"
    match = _WHOLE_RE.match(line.strip(chrome)) or _WHOLE_RE.match(
        _GLUED.sub(" ", line).strip(chrome)
    )
    if match is None or match.lastgroup is None:
        return None
    return match.lastgroup.replace("_", "-")


def phrase_hits(line: str, words: list[str] | None = None) -> tuple[str | None, int]:
    """(first boilerplate reason found in the line, number of distinct phrases found).

    `words` are the line's lower-case words without punctuation when the caller has them.
    """
    if len(line) > MAX_SEARCH_CHARS:
        return None, 0
    if len(line) <= 300:  # glued site chrome is short; a regex pass over prose is costly
        glued = _GLUED.sub(" ", line)
        if glued != line:
            line, words = glued, None
    found: list[tuple[int, str]] = []
    anchored = _ANCHORED_RE.match(line)
    if anchored is not None and anchored.lastgroup is not None:
        found.append((0, anchored.lastgroup.replace("_", "-")))
    candidates: set[int] = set()
    if words is None:
        words = [token.strip(_TOKEN_PUNCT) for token in line.lower().split()]
    for word in set(words):
        candidates.update(_BY_TRIGGER.get(word[:5], ()))
    if "©" in line:
        candidates.update(_BY_TRIGGER["©"])
    for number in candidates:
        reason, pattern = _FLOATING_RE[number]
        match = pattern.search(line)
        if match is not None:
            found.append((match.start(), reason))
    if not found:
        return None, 0
    return min(found)[1], len(found)


def is_metadata_label(line: str) -> bool:
    """True for 'Tags: ...', 'Original url:' and the like."""
    return _METADATA_LABEL.match(line) is not None


_MONTH = (
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|"
    r"sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
)
# A line that only dates the page: "Thursday, November 9, 2023 4:41AM", "08:33 GMT15 December 2020",
# "2020-12-15", "Jun 18th 2018", "Article posted on 08.07.2012".
_DATE_LINE = re.compile(
    rf"(?:\b{_MONTH}\s*\d{{1,2}}(?:st|nd|rd|th)?,?\s+\d{{4}}|\d{{1,2}}(?:st|nd|rd|th)?\s*{_MONTH}"
    rf",?\s+\d{{4}}|\b\d{{4}}-\d{{2}}-\d{{2}}\b|\b\d{{1,2}}/\d{{1,2}}/\d{{2,4}}\b|\b{_MONTH}\s+\d{{4}}\b"
    rf"|\b\d{{1,2}}\.\d{{1,2}}\.\d{{4}}\b)",
    _I,
)
# Words a date line may hold beside its date: labels, times, zones, weekdays, prepositions.
_DATE_LINE_WORDS: Final = word_set(
    "posted published updated modified last first on at by in of and or am pm a.m p.m et gmt "
    "utc edt est cdt cst mdt mst pdt pst bst cet cest ist time date day today yesterday ago "
    "article story entry issue edition page print online monday tuesday wednesday thursday "
    "friday saturday sunday mon tue tues wed thu thurs fri sat sun hours hour minutes minute "
    "jan feb mar apr may jun jul aug sep sept oct nov dec january february march april june "
    "july august september october november december"
)
# A line that ends like a sentence and holds this many other lower-case words is a sentence
# that names a date ("The main current staff was elected in December 2008."), not a line that
# dates the page (those end with their date or time: "Seacom restored: 4 November 2011").
_SENTENCE_WORDS_BESIDE_DATE = 3
# "By Alex Bozarjian", "by Jane Doe, Staff Writer", "Written by ...", "Author: ...".
_BYLINE = re.compile(
    r"^(?i:(?:written |posted |reported |story )?by|author|reporting)\b:? ?"
    r"(?:[A-Z][\w.'’-]*|and|&|,| )+(?:[,|·–—-].{0,60})?$"
)


def is_date_line(line: str, words: int) -> bool:
    """A short line that is a date (and maybe a time, a weekday or a label), not a sentence."""
    if words > 9 or len(line) > 80:
        return False
    found = _DATE_LINE.search(line)
    if found is None:
        return False
    if not line.rstrip("\"'”’)").endswith((".", "!", "?")):
        return True
    rest = f"{line[: found.start()]} {line[found.end() :]}"
    other = [
        word
        for word in (token.strip(".,;:!?()[]\"'“”‘’-–—|") for token in rest.split())
        if len(word) >= 2 and word.isalpha() and word.islower() and word not in _DATE_LINE_WORDS
    ]
    return len(other) < _SENTENCE_WORDS_BESIDE_DATE


# "Posted: Nov 27, 2005 8:20 AM ET Last Updated: ...": a label, then a date within a few words.
_DATE_LABEL = re.compile(r"(?i)^(?:first |last )?(?:posted|published|updated|modified)\b")
_LABEL_REACH = 40


def is_labelled_date_line(line: str) -> bool:
    """A line that opens with a publication or update label followed by a date (any length)."""
    return (
        _DATE_LABEL.match(line) is not None and _DATE_LINE.search(line[:_LABEL_REACH]) is not None
    )


def is_byline(line: str, words: int) -> bool:
    """A short 'By Jane Doe' line."""
    return words <= 10 and _BYLINE.match(line) is not None


# Bare headings that open what follows an article: other stories, comments, tags, the author.
_END_MARKER = re.compile(
    r"^(?:related(?: \w+)?|more (?:stories|articles|news|posts|from|in|on|like this)\b.*|"
    r"(?:similar|recommended|popular|trending|latest|recent|top|other|further) (?:\w+ )?"
    r"(?:stories|articles|posts|news|reads|reading|content|links|videos)|"
    r"most (?:popular|read|viewed|shared|commented)\b.*|recommended(?: for you)?|trending(?: now)?|"
    r"you (?:may|might|will|could) (?:also )?(?:like|enjoy|be interested in)|keep reading|"
    r"read (?:more|next|this next|also)|(?:what|things) to read next|don'?t miss|also read|"
    r"see also|further reading|up next|watch next|(?:\d+ )?comments?|(?:\d+ )?responses?|"
    r"leave a (?:reply|comment)|join the (?:discussion|conversation)|comments are closed|"
    r"about the authors?|author bio|tags?|tagged(?: with)?|filed under|topics|related topics|"
    r"share this(?: article| story| post)?|share on|keep exploring|around the web|"
    r"from (?:our|the) (?:partners|network|web))[\s.:!?🚀→»›]*$",
    _I,
)


def is_end_marker(line: str, words: int) -> bool:
    """A short heading that opens the page furniture after an article ("Related Stories")."""
    return words <= 8 and _END_MARKER.match(line) is not None
