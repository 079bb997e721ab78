"""Clean already-scraped plain text: keep the article, drop the page around it.

No open tool does this (trafilatura and jusText need the DOM), so this is ours. The method:

1. normalise and split into lines; repair sentences and words that the scrape broke;
2. mark each line that is certainly boilerplate (phrase lexicons, counters, credits, bylines,
   lines that the corpus repeats) and measure how prose-like the others are;
3. find the article *region*: the run of lines with the largest sum of weights, where prose
   weighs its word count and boilerplate or short fragments weigh against (the maximum-sum
   segment, so a short paragraph inside the article survives and a long policy paragraph after
   a block of junk does not);
4. take the headline from the lines before the region, cut captions glued to paragraphs, and
   join what remains into paragraphs separated by one blank line.

Every removed piece is returned with its reason. The result is a fixpoint (cleaning the clean
text again changes nothing), which the tests check as a property.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from typing import Final

from newsweave.clean.captions import (
    caption_words,
    has_trailing_credit,
    is_alt_text_line,
    is_credit_line,
    split_glued_caption,
)
from newsweave.clean.config import CleanConfig
from newsweave.clean.lexicon import (
    is_byline,
    is_date_line,
    is_end_marker,
    is_labelled_date_line,
    is_metadata_label,
    phrase_hits,
    whole_line_reason,
)
from newsweave.clean.lines import (
    IMPERATIVE_OPENERS,
    PAGE_CLOSING_CALLS,
    Line,
    Measures,
    is_prose,
    is_short_sentence,
    is_title_like,
    line_key,
    measure,
    normalize_text,
    split_lines,
)
from newsweave.clean.repair import join_paragraphs, space_glued_sentences, unwrap
from newsweave.clean.stats import CorpusLineStats
from newsweave.model import Cleaned, Removal

# Region weights, calibrated on the cleaning dev set (eval/cleaning.py; re-run after a change):
# prose weighs its word count (capped, so one huge paragraph cannot pull in a distant block of
# junk), boilerplate weighs against in proportion to its length, and a short non-prose line
# (menu entry, headline of another story) costs a little, so that a run of them separates the
# article from prose further down the page but a sub-heading inside the article does not.
_PROSE_CAP: Final = 60.0
_JUNK_BASE: Final = 4.0
_JUNK_PER_WORD: Final = 0.5
_SHORT_COST: Final = 2.0
_MAX_PASSES: Final = 3
# A line that ends with a photo credit is that photo's caption up to this many words (longer,
# it is a paragraph that happens to end on a bracket).
_CAPTION_MAX_WORDS: Final = 60
# An author's bio closes many articles: "Jane Doe is a senior writer for Example."
_AUTHOR_BIO: Final = re.compile(
    r"^(?:[A-Z][\w.'’-]+ ){1,3}(?i:is|was|has been|has worked as) (?:(?i:an?|the)|[A-Z]\w+['’]s) "
    r"(?:[\w&,-]+ ){0,5}"
    r"(?i:writer|reporter|editor|correspondent|columnist|journalist|contributor|professor|author|"
    r"expert|founder|co-founder|freelancer|producer|analyst|consultant|blogger|manager|"
    r"specialist|strategist|director|lecturer|researcher)\b"
)
_SITE_SEPARATOR: Final = re.compile(r"\s(?:[-|–—·:»]|::)\s")


def clean_text(
    text: str,
    *,
    config: CleanConfig | None = None,
    stats: CorpusLineStats | None = None,
    outlet_key: str | None = None,
) -> Cleaned:
    """Keep the article of a page's plain text; return it with its title and what was removed."""
    config = config or CleanConfig()
    memo: dict[str, Measures] = {}
    first = _clean_once(text, config, stats, outlet_key, memo, find_title=config.find_title)
    body, removed = first.text, list(first.removed)
    # Removing junk can make two kept lines neighbours, or a kept line the new edge of the
    # region; a second look settles that, so the result is a fixpoint (idempotent).
    for _ in range(_MAX_PASSES - 1):
        again = _clean_once(body, config, stats, outlet_key, memo, find_title=False)
        if again.text == body:
            break
        body = again.text
        removed.extend(again.removed)
    return Cleaned(text=body, removed=tuple(removed), title=first.title, route="text")


def _clean_once(
    text: str,
    config: CleanConfig,
    stats: CorpusLineStats | None,
    outlet_key: str | None,
    memo: dict[str, Measures],
    *,
    find_title: bool,
) -> Cleaned:
    text = normalize_text(text)
    if config.repair:
        text = space_glued_sentences(text)
    lines = split_lines(text)
    if config.repair:
        lines = unwrap(lines)
    if not lines:
        return Cleaned(text="")
    for line in lines:
        known = memo.get(line.text)
        if known is None:
            measure(line)
            line.reason = _line_reason(line, stats, outlet_key, config)
            line.lowered = None
            memo[line.text] = line.snapshot()
        else:  # the same line in a later pass: its own measures and verdict do not change
            line.restore(known)
    _mark_captions(lines)
    _mark_repeats(lines)
    _assign_weights(lines)
    start, end = _article_region(lines)
    end = _cut_at_end_marker(lines, start, end)
    end = _extend_over_closing_lines(lines, start, end)
    title = _find_title(lines, start) if find_title and start > 0 else None
    if title is not None:
        _mark_title_copies(lines, title)
    start = _extend_over_opening_line(lines, start, end)
    start = _extend_over_deck(lines, start, end, top_line_ok=not find_title)
    for line in lines[:start] + lines[end:]:
        if line.reason is None:
            line.reason = _outside_reason(line)
    _mark_author_bio(lines, start, end)
    return _assemble(lines, title, repair=config.repair)


def _outside_reason(line: Line) -> str:
    """Why a line outside the article region goes (it had no reason of its own)."""
    if _is_bio(line):
        return "author-bio"
    if is_prose(line):
        return "outside-article"
    if line.linkish and line.words <= 3:
        return "link"
    return "navigation"


def _line_reason(
    line: Line, stats: CorpusLineStats | None, outlet_key: str | None, config: CleanConfig
) -> str | None:
    """The reason when the line by itself is certainly not article text."""
    text = line.text
    if line.url_only:
        return "link"
    if line.counter:
        return "counter"
    if line.words <= 12:
        reason = whole_line_reason(text)
        if reason is not None:
            return reason
        if is_metadata_label(text) or is_date_line(text, line.words) or is_byline(text, line.words):
            return "metadata-line"
        if is_credit_line(text):
            return "photo-credit"
    elif is_metadata_label(text) and not is_prose(line):
        return "metadata-line"
    reason, hits = phrase_hits(text, line.lowered)
    # One phrase condemns a short line; a paragraph needs one more per 40 words, because an
    # article may mention cookies or a newsletter (dev set: no article paragraph lost this way).
    if reason is not None and hits >= 1 + line.words // 40:
        return reason
    if stats is not None and _corpus_repeated(line, stats, outlet_key, config):
        return "corpus-repeated"
    # A caption line, unless a paragraph follows the caption on the same line (cut later).
    captioned = (has_trailing_credit(text) or is_alt_text_line(text)) and (
        line.words <= _CAPTION_MAX_WORDS or caption_words(text) <= _CAPTION_MAX_WORDS
    )
    if captioned and split_glued_caption(text, str) is None:
        return "caption"
    return None


def _corpus_repeated(
    line: Line, stats: CorpusLineStats, outlet_key: str | None, config: CleanConfig
) -> bool:
    overall, in_outlet = stats.docs_with(line.text, outlet_key)
    if in_outlet >= config.corpus_min_docs:
        return True
    if overall < config.corpus_min_docs or is_prose(line) or is_short_sentence(line):
        return False
    # Across outlets only page chrome counts: buttons and labels (three words at most) or short
    # lines that are not headline-shaped; a headline shared by syndicated copies must survive,
    # and so must a short sentence that wire reprints share ("She was 91.", a quote's opening
    # line): the same words in several outlets' articles are what corroboration is made of.
    return line.words <= 3 or (
        line.words <= config.corpus_max_words_unkeyed and not is_title_like(line)
    )


def _mark_captions(lines: list[Line]) -> None:
    """A line beside a photo credit, in the same block, is that photo's caption."""
    for i, line in enumerate(lines):
        if line.reason != "photo-credit":
            continue
        for j in (i - 1, i + 1):
            if 0 <= j < len(lines):
                other = lines[j]
                if other.block == line.block and other.reason is None and other.words <= 50:
                    other.reason = "caption"


def _mark_repeats(lines: list[Line]) -> None:
    """Later copies of a line of five words or more (alt text + caption, pull quotes)."""
    seen: set[str] = set()
    for line in lines:
        if line.words < 5 or len(line.text) > 2000:
            continue
        key = line.text.lower()  # digits count here: "Score: 3-1." is not "Score: 2-0."
        if key in seen and line.reason is None:
            line.reason = "repeated-line"
        seen.add(key)


def _is_bio(line: Line) -> bool:
    # 60 words: the longest bios on the dev set run to ~55; an article paragraph that opens like
    # a bio is only removed at the very start or end of the article (`_mark_author_bio`).
    return line.words <= 60 and _AUTHOR_BIO.match(line.text) is not None


def _assign_weights(lines: list[Line]) -> None:
    """Prose weighs its words; junk weighs against in proportion to its length; a short line
    costs a little. An author bio weighs like a short line, so that it cannot pull a list of
    links into the article (it is removed later when it sits at the edge of the article).

    (A variant where the k-th line of a run of short lines costs more was measured and lost:
    list-like articles were cut in two.)
    """
    for line in lines:
        if line.reason is not None:
            line.weight = -(_JUNK_BASE + _JUNK_PER_WORD * min(line.words, 80))
        elif is_prose(line) and not _is_bio(line):
            line.weight = min(float(line.words), _PROSE_CAP)
        else:
            line.weight = -_SHORT_COST


def _article_region(lines: Sequence[Line]) -> tuple[int, int]:
    """[start, end) of the run of lines with the largest total weight (Kadane)."""
    best, best_start, best_end = 0.0, 0, 0
    running, run_start = 0.0, 0
    for i, line in enumerate(lines):
        if running <= 0:
            running, run_start = 0.0, i
        running += line.weight
        if running > best:
            best, best_start, best_end = running, run_start, i + 1
    if best <= 0:
        return _fallback_region(lines)
    return best_start, best_end


def _cut_at_end_marker(lines: Sequence[Line], start: int, end: int) -> int:
    """End the article at a heading like "Related stories" or "Comments" when what follows it
    is small next to what precedes it (teasers of other stories are prose too).

    "Small" = at most half the prose words before the marker: calibrated on the dev set, where
    it removed teaser lists without cutting an article whose inline "Related" box sat near
    the end (re-run eval/cleaning.py after a change).
    """
    total = sum(line.weight for line in lines[start:end] if line.weight > 0)
    before = 0.0
    for i in range(start, end):
        line = lines[i]
        if line.weight > 0:
            before += line.weight
        elif (
            before >= 40 and is_end_marker(line.text, line.words) and total - before <= 0.5 * before
        ):
            return i
    return end


# An article may close on short sentences below the prose length ("She was a very caring
# person."): they cost a little in the region's sum, so the maximum-sum run stops before them.
# At most this many such lines, right after the region's last line, are taken back.
_MAX_CLOSING_LINES: Final = 3
_CLOSING_MIN_WORDS: Final = 3


def _extend_over_closing_lines(lines: Sequence[Line], start: int, end: int) -> int:
    """`end` moved past the short sentences that follow the article's last paragraph.

    Only lines that no rule condemned, that end like a sentence and read like one (function
    words, letters), directly after a prose paragraph; a button or a menu label is no sentence.
    """
    if end <= start or not is_prose(lines[end - 1]):
        return end
    taken = 0
    while end < len(lines) and taken < _MAX_CLOSING_LINES and _is_closing_sentence(lines[end]):
        end += 1
        taken += 1
    return end


# What may stand right above an article's first line: its headline or its date.
_HEAD_REASONS: Final = frozenset(["title", "repeated-title", "metadata-line", "counter"])


def _extend_over_opening_line(lines: Sequence[Line], start: int, end: int) -> int:
    """`start` moved back over a short lede ("The expectations placed upon Andrew Luck almost
    seemed unfair.") between the headline (or the date line) and the article's first paragraph:
    a statement as `_is_closing_sentence` reads one, which the region's sum left out."""
    if not 1 <= start < end or not is_prose(lines[start]):
        return start
    lede = lines[start - 1]
    above = lines[start - 2] if start >= 2 else None
    if above is not None and above.reason not in _HEAD_REASONS:
        return start
    return start - 1 if _is_closing_sentence(lede) else start


# What may stand between a deck and the article's first paragraph: the date or update line.
_BETWEEN_DECK_AND_TEXT: Final = frozenset(["metadata-line", "counter"])
_DECK_MIN_WORDS: Final = 6
_DECK_MAX_WORDS: Final = 40
# A time stamp ("updated April 30, 2008 at 4:31 AM"), a caption's "| Facebook photo", or a
# full stop: a deck has none, while a photo caption under a headline is a sentence and a credit
# ("... in Portage Park, police said. View Full Caption", "... 2015. (WISH Photo)").
_NO_DECK_MARK: Final = re.compile(r"\b\d{1,2}:\d{2}\b|\||[.!?][\"”’')]*(?:\s+[A-Z(]|\s*$)")


def _extend_over_deck(lines: Sequence[Line], start: int, end: int, *, top_line_ok: bool) -> int:
    """`start` moved back over the deck (the sub-headline) right under the headline: "IE6
    through IE11 harbor vulnerability, but in-the-wild attacks limited to IE8 and IE9".

    A deck is article content, often the only line stating a fact this way, and it has no full
    stop, so neither the region's sum nor `_extend_over_opening_line` takes it. It must sit
    between the headline and the first paragraph (at most the date lines between it and the
    paragraph) and read as a statement: enough words, a function word, mostly letters, a capital
    first; no command, question, link, time stamp, byline or photo credit.
    """
    if not 1 <= start < end:
        return start
    deck_at = start - 1
    while deck_at >= 1 and lines[deck_at].reason in _BETWEEN_DECK_AND_TEXT:
        deck_at -= 1
    # Under the headline; or the text's first line when no headline is sought there: a later
    # pass sees only what the first kept (its headline is gone), and so does a record whose
    # title came apart from its text. A page's first line with no headline above is furniture
    # ("× Arrest made after teen is shot") more often than a deck.
    if deck_at >= 1:
        if lines[deck_at - 1].reason not in ("title", "repeated-title"):
            return start
    elif not top_line_ok:
        return start
    deck = lines[deck_at]
    text = deck.text
    first_word = text.lstrip("\"“‘'(").split(" ", 1)[0].lower()
    is_deck = (
        deck.reason is None
        and text.lstrip("\"“‘'(")[:1].isupper()
        and _NO_DECK_MARK.search(text) is None
        and not is_date_line(text, deck.words)
        and not is_byline(text, deck.words)
        and not is_credit_line(text)
        and not has_trailing_credit(text)
        and not is_alt_text_line(text)
        and _DECK_MIN_WORDS <= deck.words <= _DECK_MAX_WORDS
        and not text.rstrip().endswith((":", "…"))  # ".", "?" and "!" are _NO_DECK_MARK's
        # is_prose's measures of running text, without its full stop and length
        and deck.stop_ratio >= 0.12
        and deck.letter_ratio >= 0.5
        and first_word not in IMPERATIVE_OPENERS
        and not deck.linkish
        and not deck.counter
    )
    if not is_deck:
        return start
    # Kept as the sentence it is: with its full stop, a later cleaning of the clean text reads
    # it as a lede, not as a headline to remove (cleaning stays idempotent).
    deck.text += "."
    return deck_at


# An editor's note or a credit opens with a dash ("— This story has been updated.").
_NOTE_DASHES: Final = ("—", "–", "-")
_STATEMENT_END: Final = re.compile(r"\.[\"”’')\]]*$")


def _is_closing_sentence(line: Line) -> bool:
    """A statement (no "!" or "?": those close pages with a call or a teaser), not a command.

    A closing line of six words or more needs only one function word: a report's last line is
    often a plain statement of fact ("Davis' friends lit candles outside the apartment Thursday
    night."), while a page's credit or kicker has none ("Michael George reports.").
    """
    first_word = line.text.lstrip("\"“‘'(").split(" ", 1)[0].lower()
    return (
        line.reason is None
        and not line.text.startswith(_NOTE_DASHES)
        and line.final
        and _STATEMENT_END.search(line.text) is not None
        and first_word not in PAGE_CLOSING_CALLS
        and line.words >= _CLOSING_MIN_WORDS
        and (line.stop_ratio >= 0.2 or (line.words >= 6 and line.stop_ratio > 0))
        and line.letter_ratio >= 0.7
        and not line.linkish
        and not line.counter
    )


def _fallback_region(lines: Sequence[Line]) -> tuple[int, int]:
    """No prose at all (a list, a short note): keep the span of clean lines of 4+ words."""
    useful = [i for i, line in enumerate(lines) if line.reason is None and line.words >= 4]
    if not useful:
        return 0, 0
    return useful[0], useful[-1] + 1


# A tail that is part of the headline, not a site's name: a quote or a clause ("– Where She
# 'Knows Everyone'") or an attribution ("... while taking selfie – Police").
_HEADLINE_TAIL: Final = re.compile(
    r"[\"“”‘’']|^(?:Where|What|Who|Why|How|When|She|He|They|It|We|I)\b"
    r"|^(?:Police|Officials|Authorities|Sources|Witnesses|Report|Poll|Study)$"
)


def _split_site_name(text: str) -> str:
    """'Headline - Site Name' -> 'Headline' when the tail is short (a site name)."""
    parts = _SITE_SEPARATOR.split(text)
    if (
        len(parts) >= 2
        and len(parts[-1].split()) <= 5
        and len(parts[0].split()) >= 2
        and _HEADLINE_TAIL.search(parts[-1].strip()) is None
    ):
        return text[: text.rfind(parts[-1])].rstrip(" -|–—·:»")
    return text


def _content_words(text: str) -> set[str]:
    return {w for w in re.findall(r"\w+", text.lower()) if len(w) > 3}


def _find_title(lines: list[Line], start: int) -> str | None:
    """The headline: among the title-like lines before the article, the one the page repeats or
    that matches the page title (first line); else the page title; else the longest one."""
    before = [line for line in lines[:start] if line.reason in (None, "repeated-line")]
    candidates = [
        line for line in before if is_title_like(line) and not is_labelled_date_line(line.text)
    ]
    first = lines[0]
    titled = first in candidates or (first in before and _is_page_title_line(first))
    if not candidates and not titled:
        return _stopped_headline(lines, before)
    page_title = _split_site_name(first.text) if titled else None
    keys = Counter(line.key for line in lines if len(line.text) <= 300)
    if page_title is not None:
        wanted = _content_words(page_title)
        for line in candidates:
            if line is first:
                continue
            if _same_headline(line.text, page_title, wanted):
                # The page's own copy, unless it only adds to the page title: a label before it
                # ("10PM:", "MORE VIDEO", a close button "×") or a "Posted: ..." line after it.
                return page_title if page_title in line.text else line.text
        return page_title
    for line in candidates:
        if keys[line.key] > 1:
            return line.text
    multi = [line for line in candidates if line.words >= 3]
    if not multi:
        return None
    return max(multi, key=lambda line: (min(line.words, 15), line.index)).text


# A headline closed by a full stop ("Palin appointee under federal indictment.", a blog's post
# title under its date): at most this many words, and only as the page's first line after
# its date and counter lines, when no other line before the article reads as a headline.
_MAX_STOPPED_HEADLINE_WORDS: Final = 20
_HEAD_METADATA: Final = frozenset(["metadata-line", "counter"])


def _stopped_headline(lines: list[Line], before: list[Line]) -> str | None:
    """The page's first line when it is a headline that ends with one full stop, beside its
    date line, else None (a first line without a date beside it is the lede's first sentence:
    "Deep Throat is dead.")."""
    if not before:
        return None
    line = before[0]
    text = line.text
    if any(other.reason not in _HEAD_METADATA for other in lines[: line.index]):
        return None
    beside = lines[max(line.index - 1, 0) : line.index + 2]
    if not any(other.reason in _HEAD_METADATA for other in beside):
        return None
    if not 3 <= line.words <= _MAX_STOPPED_HEADLINE_WORDS or line.linkish or line.counter:
        return None
    if not text.endswith(".") or text.endswith("..") or line.letter_ratio < 0.55:
        return None
    return None if _SENTENCE_INSIDE.search(text) else text


# A page title line that `is_title_like` refuses for a reason of its site tail or its dateline:
# a site's host name after the headline ("... - WECT TV6-WECT.com:News, weather & sports"), or
# a state's abbreviation ending it ("3-year-old shot and killed in Sunman, Ind.").
_LINKISH_TAIL: Final = re.compile(r"https?://|www\.|\.(?:com|org|net|co\.uk)\b")
_PLACE_ABBREVIATION_END: Final = re.compile(
    r"(?:,\s+(?:Ala|Ariz|Ark|Calif|Colo|Conn|Del|Fla|Ga|Ill|Ind|Kan|Ky|La|Md|Mass|Mich|Minn|Miss"
    r"|Mo|Mont|Neb|Nev|Okla|Ore|Pa|Tenn|Va|Vt|Wash|Wis|Wyo|[NSW]\.[A-Z]|[NSW]\.\s?[A-Z][a-z])"
    r"|\s(?:Co|Twp))\.$"
)
_MAX_PAGE_TITLE_WORDS: Final = 30


def _is_page_title_line(line: Line) -> bool:
    """Whether the page's first line is its title although `is_title_like` says no."""
    text = line.text
    if not 3 <= line.words <= _MAX_PAGE_TITLE_WORDS or len(text) > 250 or line.counter:
        return False
    if _PLACE_ABBREVIATION_END.search(text) and not line.linkish:
        return True
    parts = _SITE_SEPARATOR.split(text)
    if not line.linkish or len(parts) < 2:
        return False
    headline = parts[0]
    return (
        len(headline.split()) >= 3
        and _LINKISH_TAIL.search(headline) is None
        and not headline.endswith((".", ":", ",", ";"))
    )


def _same_headline(text: str, page_title: str, wanted: set[str]) -> bool:
    """Whether a title-like line repeats the page title: most of the title's words in a line not
    much longer than it (a caption or a lede that shares its words is another line)."""
    words = _content_words(text)
    if not words or len(words) > len(wanted) + _HEADLINE_EXTRA_WORDS:
        return False
    if text.endswith(("…", "...")):
        return False  # a teaser cut short ("Brothel catering to politicians, doctors,…")
    if _SENTENCE_INSIDE.search(text):
        return False  # "A boy was shot ..., police said. View Full Caption ...": a caption
    shared = len(words & wanted)
    # Most of the page title's words, and at least two: a short line sharing one or two is a
    # photo kicker ("Mat Maid mop up" under "Historic Mat Maid warehouse burns"), a section
    # ("Clothing Care") or a quote. And a fair share of the line's own words: a standfirst that
    # repeats the title's words among many others is no copy ("SEACOM downtime explained" /
    # "SEACOM experienced downtime this morning; SEACOM explained that ...").
    return (
        shared >= 0.6 * min(len(words), len(wanted))
        and shared >= max(0.5 * len(wanted), min(2, len(wanted)))
        and shared >= _MIN_LINE_SHARE * len(words)
    )


_MIN_LINE_SHARE: Final = 0.4


# A sentence ending inside the line (a lower-case word, a full stop, a capital): no headline.
_SENTENCE_INSIDE: Final = re.compile(r"(?<![\w.])[a-z]{3,}\. [A-Z]")
# Content words a page's copy of its headline may add to the page title (a label, a date line).
_HEADLINE_EXTRA_WORDS = 8


def _mark_title_copies(lines: list[Line], title: str) -> None:
    """The headline line itself, and every other line that repeats it."""
    key = line_key(title)
    marked = False
    for line in lines:
        if len(line.text) > 2 * len(title) + 200:
            continue
        text_key = line.key
        if text_key == key or (
            line.words <= 40
            and text_key.startswith(key)
            and _split_site_name(line.text) != line.text
        ):
            line.reason = "title" if not marked else "repeated-title"
            marked = True


def _mark_author_bio(lines: list[Line], start: int, end: int) -> None:
    """An author bio among the first or last lines of the article."""
    kept = [line for line in lines[start:end] if line.reason is None]
    for line in kept[:2] + kept[-2:]:
        if _is_bio(line):
            line.reason = "author-bio"


# A wire service's dateline opening the body: "NEW YORK (AP) - ", "BERN, Switzerland (AP) — ".
# It is no part of the first sentence (a claim or a brief would quote it), so it is cut off and
# kept among the removals, where `describe` still reads the credit.
_WIRE_DATELINE: Final = re.compile(
    r"^[A-Z][A-Z.'-]+(?: [A-Z][A-Z.'-]+){0,3}(?:, [A-Z][A-Za-z.]+(?: [A-Z][A-Za-z.]+)?)?"
    r" ?\([A-Z][\w .&/-]{0,30}\) ?(?:[-–—]{1,2}|:) (?=[A-Z\"“‘'])"
)
# A publication stamp closing a paragraph: "... Michael George reports. (Published Friday,
# May 20, 2016)" (a video's caption); the date is metadata, not a sentence of the article.
_TRAILING_STAMP: Final = re.compile(
    r" ?\((?i:first )?(?i:published|posted|updated)\b[^()]{3,60}\)$"
)


def _cut_page_marks(paragraphs: list[str], removed: list[Removal]) -> list[str]:
    """Paragraphs without the wire dateline that opens the first and the publication stamps that
    close any (each cut piece is added to `removed`); a paragraph left empty goes."""
    out: list[str] = []
    dateline_cut = False
    for index, paragraph in enumerate(paragraphs):
        text = paragraph
        # The first paragraph, or the second when the first is the deck (`_extend_over_deck`).
        dateline = _WIRE_DATELINE.match(text) if index < 2 and not dateline_cut else None
        if dateline is not None:
            removed.append(Removal(text=dateline.group(0).strip(), reason="dateline"))
            text = text[dateline.end() :]
            dateline_cut = True
        stamp = _TRAILING_STAMP.search(text)
        if stamp is not None and is_date_line(stamp.group(0).strip(" ()"), 9):
            removed.append(Removal(text=stamp.group(0).strip(), reason="metadata-line"))
            text = text[: stamp.start()].rstrip()
        if text:
            out.append(text)
    return out


def _assemble(lines: list[Line], title: str | None, *, repair: bool) -> Cleaned:
    """Paragraphs of the kept lines; removed runs grouped by reason."""
    lowered: list[str] = []

    def document() -> str:
        if not lowered:
            lowered.append("\n".join(line.text for line in lines).lower())
        return lowered[0]

    removed: list[Removal] = []
    paragraphs: list[str] = []
    run: list[str] = []
    run_reason: str | None = None

    def flush() -> None:
        nonlocal run, run_reason
        if run and run_reason is not None:
            removed.append(Removal(text="\n".join(run), reason=run_reason))
        run, run_reason = [], None

    for line in lines:
        if line.reason is not None:
            if line.reason != run_reason:
                flush()
            run.append(line.text)
            run_reason = line.reason
            continue
        flush()
        split = split_glued_caption(line.text, document)
        if split is not None:
            removed.append(Removal(text=split[0], reason="caption"))
            paragraphs.append(split[1])
        else:
            paragraphs.append(line.text)
    flush()
    if repair:
        paragraphs = join_paragraphs(paragraphs)
    paragraphs = _cut_page_marks(paragraphs, removed)
    return Cleaned(text="\n\n".join(paragraphs), removed=tuple(removed), title=title)
