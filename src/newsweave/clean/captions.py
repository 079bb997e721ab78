"""Photo captions and credits, on their own lines or glued to the start of a paragraph.

Scrapers that flatten a page often glue the caption of a picture to the paragraph that follows
it, without a space ("Joe BidenVladimir Putin is extending ..."), or put the caption, its alt
text and the credit in front of the first sentence ("... Chip Somodevilla/Getty Vladimir Putin
(L); Joe Biden“The President ..."). We cut such prefixes from general evidence: a credit
naming a photo agency, a lower-to-upper case join with no space, names that repeat.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Final

from newsweave.clean.lexicon import word_set

# Photo agencies and the words of a credit line. Extend the list, do not special-case a page.
_AGENCIES: Final = (
    r"Getty(?: Images)?|Shutterstock|AP(?: Photo)?|Associated Press|Reuters|REUTERS|AFP|EPA|"
    r"Alamy|iStock(?:photo)?|Bloomberg|Corbis|Xinhua|TASS|Sputnik|RIA Novosti|Pool|WireImage|"
    r"FilmMagic|Invision|Zuma(?: Press)?|ZUMA|PA(?: Images| Wire)?|Rex Features|REX|"
    r"NurPhoto|SOPA Images|Anadolu(?: Agency)?|Unsplash|Pexels|Flickr|Wikimedia(?: Commons)?|"
    r"Official White House(?: Photo)?|White House|Handout|Courtesy(?: of)?|File Photo|"
    r"Newscom|Splash News|Backgrid|Polaris|Redux|Bloomberg via Getty"
)
# Strong marks only ("Name/Getty", "via Getty", "©", "Photo:"): "for Reuters" is also how a
# sentence names a news source.
_CREDIT_MARK: Final = re.compile(
    rf"(?:\S/ ?(?:{_AGENCIES})\b|\bvia (?:{_AGENCIES})\b|©|"
    rf"\b(?:Photo|Image|Picture|Credit|Photograph)s?(?: by|:) )"
)
# A line that is nothing but a credit: "© Sputnik / Alexey Nikolsky", "Photo: Jane Doe/AP",
# "REUTERS / KEVIN LAMARQUE", "Getty Images".
_CREDIT_LINE: Final = re.compile(
    rf"^(?:©|\(c\)|photo(?:graph)?s?(?: by|:)|image(?:s)?(?: by|:)|pictures?(?: by|:)|"
    rf"credits?:|source:)?\s*(?:[\w.'’\- ]{{0,40}}(?:/|\bvia\b|\bfor\b)\s*)?"
    rf"(?:{_AGENCIES})?[\w.'’\-/ ]{{0,50}}$",
    re.IGNORECASE,
)
_CREDIT_WORD: Final = re.compile(
    rf"©|\b(?:{_AGENCIES})\b|^(?:photo|image|picture|credit)s?\b|\bphoto(?:graph)? by\b|"
    # "Provided by family", "Submitted by the Smith family": a photo handed in by its owner.
    r"^(?:(?:photo|image|picture)s?\s+)?(?:provided|submitted|contributed) by\b",
    re.IGNORECASE,
)
# A caption that ends with its credit: "... solve global problems. **David Lienemann / Official
# White House**", "... in Wilmington. (AP Photo/Jane Doe)", "... Photo: Jane Doe".
_TRAILING_CREDIT: Final = re.compile(
    rf"(?:\*\*[^*]{{2,80}}/[^*]{{2,80}}\*\*|\((?:[^()]{{0,40}}(?:{_AGENCIES})[^()]{{0,60}}|"
    rf"(?:photo|image|credit)[^()]{{0,80}})\)|\b(?:Photo|Image|Credit|Photograph)s?(?: by|:) "
    rf"[^.]{{2,60}}|(?:[A-Z][\w'’.-]{{1,30}} ){{1,3}}?[A-Z][\w'’.-]{{1,30}} ?/ ?(?:{_AGENCIES})|"
    rf"\. By [A-Z][A-Z.&'’ -]{{5,60}}|"
    # "... with serious injuries. (Source: WECT)", "... a teenager (Waterbury police/WFSB)": a
    # local station credits its still the same way (a broadcaster's call letters after a slash).
    rf"\(Source: (?:[A-Z][\w'’.&-]*\s?){{1,4}}\)|\([^()/]{{2,40}}/[A-Z][A-Z0-9-]{{2,9}}\)|"
    # "... from the shop. 12/6/16 (Kelsey Thomas | KSNV)", "(Henry Sturm | Houston Chronicle)":
    # the photographer and the outlet split by a bar (GVC 717231: the caption repeated the
    # paragraph below it, and its quote came out twice).
    rf"\((?:[A-Z][\w'’.-]+ ){{1,3}}\| (?:[A-Z][\w'’.&-]*\s?){{1,4}}\)|"
    # "... the medical examiner's office. (Provided by family)", "(Photo courtesy of the
    # sheriff)", "(File photo)": a photo handed in by its owner or taken from the archive
    # (GVC 571210: a caption ending "(Provided by family) (Provided by family)" was a claim).
    rf"\((?:(?:Photos?|Images?):?\s+)?(?:[Pp]rovided|[Ss]ubmitted|[Cc]ontributed|[Cc]ourtesy)\b"
    rf"[^()]{{0,60}}\)|"
    rf"\((?:File|Family|Submitted|Contributed|Staff|Courtesy) (?:photo|image)s?\))\s*$"
)
# "X is posing for a picture:", "Y wearing a suit and tie:" (automatic alt texts).
_ALT_TEXT: Final = re.compile(
    r"\b(?:is|are) (?:posing|standing|sitting|smiling|looking|holding|wearing)\b[^:]{0,60}:|"
    r"\bwearing an? [\w ]{2,30}:"
)
# A lower-case letter (or closing bracket) glued to a capital or an opening quote: "BidenVladimir",
# "Biden“The".
_GLUE: Final = re.compile(r"(?<=[a-z\)\]])(?=[A-Z][a-z]|[“\"‘][A-Z])")
# Titles that may stand before the names in a short caption ("President-elect Joe Biden").
_TITLE_WORDS: Final = word_set(
    "president president-elect vice former first lady prime minister sen. senator rep. "
    "gov. governor secretary chancellor king queen prince princess mr. mrs. ms. dr. the "
    "of and l r (l) (r) left right center from pictured mayor judge general ambassador "
    "chief ceo coach actor actress singer star officer director leader chairman "
    "chairwoman speaker"
)
_SEARCH_SPAN: Final = 600  # a caption prefix is never longer than this many characters


# A credit of a photo handed in by its owner, alone on its line with the name it credits and
# no sentence: "Provided by family", "Courtesy of The Woodburn IndependentScott Russell, Woodburn
# Police Chief" (ECB+ 8_7ecb, a credit glued to its caption's name).
_HANDED_IN_LINE: Final = re.compile(
    r"^(?:(?:photo|image|picture)s?:?\s+)?(?:courtesy(?: of)?|(?:provided|submitted|contributed)"
    r" by)\s[^.!?:;\n]{0,80}$",
    re.IGNORECASE,
)


def is_credit_line(text: str) -> bool:
    """A short line that only credits a photo ("© Sputnik / Alexey Nikolsky", "(Provided by
    family)")."""
    if len(text) > 90 or len(text.split()) > 10:
        return False
    if text.startswith("(") and text.endswith(")") and text.count("(") == 1:
        text = text[1:-1].strip()
    if _HANDED_IN_LINE.match(text):
        return True
    return _CREDIT_WORD.search(text) is not None and _CREDIT_LINE.match(text) is not None


# Cheap substring tests that must pass before a regex runs (a regex pass costs ~50 ns a
# character in CPython; `in` is C-fast).
_CREDIT_HINTS: Final = ("/", "©", "via ", "Photo", "Image", "Picture", "Credit", "Getty")
_TRAILING_HINTS: Final = ("/", ")", "*", "Photo", "Image", "Credit", ". By ")
_ALT_HINTS: Final = (
    " posing",
    " standing",
    " sitting",
    " smiling",
    " looking",
    " holding",
    " wearing",
)


def has_trailing_credit(text: str) -> bool:
    """A caption line that ends with its credit."""
    if len(text) >= 600:
        return False
    tail = text[-200:]
    return any(h in tail for h in _TRAILING_HINTS) and _TRAILING_CREDIT.search(tail) is not None


def caption_words(text: str) -> int:
    """The words of a caption line, each of its sentences counted once: a page may print a
    caption twice on one line, as the photo's alt text and as its caption ("Christian Bandemer,
    of the 900 block ... office. Christian Bandemer, of the 900 block ... office. (Provided by
    family)", GVC 571210)."""
    counted: list[str] = []
    # Longest first: the alt text may carry the caption's credit in front of it ("Christian
    # Bandemer Provided by family Christian Bandemer, of the 900 block ...").
    for sentence in sorted(re.split(r"(?<=[.!?])\s+", text), key=len, reverse=True):
        if not any(sentence in other for other in counted):
            counted.append(sentence)
    return sum(len(sentence.split()) for sentence in counted)


def _has_alt_text(text: str) -> re.Match[str] | None:
    if not any(h in text for h in _ALT_HINTS):
        return None
    return _ALT_TEXT.search(text)


def is_alt_text_line(text: str) -> bool:
    """A short automatic alt text ("Joe Biden, Kamala Harris are posing for a picture: ...")."""
    return len(text) < 300 and _has_alt_text(text) is not None


def _words_in(text: str) -> set[str]:
    return {w.strip("(),;:“”\"'’‘").lower() for w in _GLUE.sub(" ", text).split()}


def _prose_follows(rest: str) -> bool:
    """The remainder looks like running text: several words, some of them lower-case."""
    words = rest.split()
    return len(words) >= 6 and sum(w[:1].islower() for w in words[:12]) >= 3


def _cut_after_credit(head: str, rest: str) -> int | None:
    """Where the prose starts in `rest`, which follows the last credit of a caption prefix."""
    glue = _GLUE.search(rest)
    if glue is not None and glue.start() < 200 and _prose_follows(rest[glue.start() :]):
        return glue.start()
    # No glue: skip the short caption that repeats names of the alt text, then the first
    # capitalised word that does not belong to it starts the sentence.
    known = _words_in(head) | _TITLE_WORDS
    for match in re.finditer(r"\S+", rest):
        word = match.group().strip("(),;:“”\"'’‘").lower()
        if word in known or not word:
            continue
        if match.group()[:1].isupper() and _prose_follows(rest[match.start() :]):
            return match.start()
        return None
    return None


# A caption's last word glued to the paragraph is a name ("... John SmithThe mayor said"); a
# piece of two letters before a capital is a name's own prefix ("La", "Mc", "De") or a brand's.
_MIN_GLUED_NAME = 3


def split_glued_caption(text: str, document: Callable[[], str]) -> tuple[str, str] | None:
    """(caption, paragraph) when `text` starts with a photo caption glued to the paragraph.

    `document()` is the lower-cased text of the whole document (computed only when needed): a
    glued name must occur elsewhere too (captions repeat the names of the article) and the
    glued pair only here, which keeps "PowerPoint" or "MacBook" intact.
    """
    span = text[:_SEARCH_SPAN]
    hinted = any(h in span for h in _CREDIT_HINTS)
    credits = list(_CREDIT_MARK.finditer(span)) if hinted else []
    alt = _has_alt_text(span)
    if credits or alt:
        end = credits[-1].end() if credits else alt.end() if alt else 0
        if len(text[:end].split()) > 60:
            return None
        # Skip the rest of the credit (the photographer's or agency's name).
        tail = re.match(r"[^\s“\"]*(?: (?:Images|Photo|Pool|via \w+))?", text[end:])
        end += tail.end() if tail else 0
        cut = _cut_after_credit(text[:end], text[end:])
        if cut is not None:
            start = end + cut
            while start < len(text) and text[start] == " ":
                start += 1
            return text[:start].rstrip(), text[start:]
        return None
    glue = _GLUE.search(span, 0, 80)
    if glue is None:
        return None
    head, rest = text[: glue.start()], text[glue.start() :]
    head_words = head.split()
    if not 2 <= len(head_words) <= 8 or not all(w[:1].isupper() for w in head_words):
        return None
    glued_tail = re.sub(r"\W", "", head_words[-1]).lower()
    if len(glued_tail) < _MIN_GLUED_NAME:
        return None  # "Fred LaRue", "Roxanne McDaris", "A GoFundMe account": one word
    compound = (head_words[-1] + rest.split()[0]).lower() if rest.split() else ""
    lowered = document()
    pairs = lowered.count(compound) if compound else 0
    # The caption's last name as a word of its own elsewhere (not inside another word).
    alone = re.search(rf"(?<![^\W\d_]){re.escape(glued_tail)}(?![^\W\d_])", lowered)
    if pairs > 1 or alone is None:
        return None
    if not rest[:1].isupper() or not _prose_follows(rest):
        return None
    return head, rest
