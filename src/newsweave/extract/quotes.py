"""Quotes: direct quotes (any quote marks, across sentences and paragraphs) and indirect speech.

Direct quotes are found by pairing quote marks, classed as opening or closing by the characters
around them (typography is often wrong in scraped text: `rule. “` closes a quote). A quote left
open at the end of a paragraph continues when the next paragraph re-opens it (the journalistic
convention) or closes it first thing (sentence-per-paragraph text such as ECB+); otherwise it
ends with its paragraph. Short quoted fragments ("stolen", "far-fetched") are scare quotes, not
statements, unless a speech verb introduces them directly. Indirect speech ("Putin said that
…") is reported with the span of the reported clause (`indirect.py`). Speakers come from
`speakers/frames.py`.

`QuoteMention.text` is always `article.text[span]`: the quoted words without the outer marks
(a quote running over paragraphs keeps the paragraph break and the re-opening mark inside).
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import Final, Literal

from newsweave.extract.aliases import wordlist
from newsweave.extract.entities import EntityResult
from newsweave.extract.indirect import find_indirect
from newsweave.extract.speakers import (
    NAMING_VERBS,
    SPEECH_VERBS,
    Attribution,
    MentionIndex,
    SpanIndex,
    SpeakerConfig,
    Speakers,
    _Mention,
    sentence_limit,
    sentence_starts,
)
from newsweave.extract.speakers.phrases import _given_name_gender
from newsweave.extract.speakers.text import possessed
from newsweave.extract.speakers.words import DOCUMENT_WORDS, FEMALE_WORDS, MALE_WORDS, PRONOUNS
from newsweave.model import Article, Span, record

QuoteKind = Literal["direct", "indirect"]


_DOUBLE_OPEN: Final = "“«„"
_DOUBLE_CLOSE: Final = "”»"
_SINGLE_OPEN: Final = "‘"
_SINGLE_CLOSE: Final = "’"


@record
class QuoteMention:
    """One quote as one article renders it; `text == article.text[span]`."""

    article_id: str
    text: str
    span: Span
    speaker_text: str | None
    speaker_id: str | None
    kind: QuoteKind
    cue: str | None


def _mark_role(text: str, i: int) -> str | None:
    """'open', 'close', or None (not a quote mark here, e.g. an apostrophe)."""
    ch = text[i]
    before = text[i - 1] if i > 0 else " "
    after = text[i + 1] if i + 1 < len(text) else " "
    if ch in "'’‘":
        if before.isalnum() and after.isalnum():
            return None  # Russia’s, don't
        if (
            ch in "’'"
            and before.isalpha()
            and after in "s"
            and (i + 2 >= len(text) or not text[i + 2].isalpha())
        ):
            return None
    space_before = before.isspace() or before in "([{—–-/"
    space_after = after.isspace() or after in ".,;:!?)]}—–-"
    if space_before and space_after and (after in "\n" or i + 1 >= len(text)):
        return "close"  # "rule. “" ending a paragraph: a closing mark typed the wrong way
    if space_before and after in ",.;:!?":
        return "close"  # "the orchestra “, the comedian said": no quote opens on a comma
    if (
        before == " "
        and after == " "
        and text[i - 2 : i - 1] in (",", "!", "?")
        and text[i + 2 : i + 3].islower()
    ):
        # '"This game isn't over yet, " said Joel D. Gross' (WSJ): a mark between spaces
        # after a comma and before a lower-case word closes the quote.
        return "close"
    if space_before and not space_after:
        return "open"
    if space_after and not space_before:
        return "close"
    if ch in _DOUBLE_OPEN + _SINGLE_OPEN:
        return "open"
    if ch in _DOUBLE_CLOSE + _SINGLE_CLOSE:
        return "close"
    return "open" if space_before else "close"


_MARK_CHARS: Final = {"double": re.compile('["“”«»„]'), "single": re.compile("['‘’]")}


def _marks(text: str, family: str) -> list[tuple[int, str]]:
    typed = _typed_doubles(text)
    out = [(i, role) for i, role in typed.items() if role is not None and family == "double"]
    for found in _MARK_CHARS[family].finditer(text):
        i = found.start()
        if i in typed:
            continue
        role = _mark_role(text, i)
        if role is not None:
            out.append((i, role))
    return sorted(out) if typed else out


def _typed_doubles(text: str) -> dict[int, str | None]:
    """Double quotes typed as two characters, as newswire archives (LDC, Penn Treebank) write
    them: ``It was a bomb,'' said an official. The position that stands for the mark (the
    second backtick, the first apostrophe, so that spans exclude both characters) maps to its
    role; the other character maps to None, to be skipped by both families."""
    out: dict[int, str | None] = {}
    # 'who was “playing’’ with his brother': two right single quotes close a double quote
    # (Detroit News); read one by one, the second would open a quote running into narration.
    for at in (m.start() for m in re.finditer("’’", text)):
        if at - 1 not in out:
            out[at], out[at + 1] = "close", None
    if "``" not in text:
        return out
    for at in (m.start() for m in re.finditer("``", text)):
        out[at], out[at + 1] = None, "open"
    for at in (m.start() for m in re.finditer("''", text)):
        if at not in out and at + 1 not in out:
            out[at], out[at + 1] = "close", None
    return out


def find_quote_spans(text: str, config: SpeakerConfig | None = None) -> list[Span]:
    """Spans of quoted words (marks excluded), double-quoted first, then single-quoted ones."""
    config = config or SpeakerConfig()
    spans = _pair(text, _marks(text, "double"), config=config)
    taken = SpanIndex([(s - 1, e + 1) for s, e in spans])
    singles = [(i, role) for i, role in _marks(text, "single") if not taken.contains(i)]
    for s, e in _pair(text, singles, open_end=False, config=config):
        # Single marks double as apostrophes: keep only what reads as a quoted phrase, and
        # never anything overlapping a double-quoted span.
        piece = text[s:e]
        if (
            len(piece.split()) >= 2
            and ("\n" not in piece or _single_statement(text, s, e, config))
            and not taken.overlaps(s - 1, e + 1)
        ):
            spans.append((s, e))
    return sorted(spans)


def _single_statement(text: str, start: int, end: int, config: SpeakerConfig) -> bool:
    """True when single marks hold a statement over paragraphs: the opening mark starts a
    paragraph, a few paragraphs later the closing mark is followed by a speech verb ("'… the
    elections.\n\nThis will give …', the message said."). Apostrophes do neither."""
    opens_paragraph = start - 1 == 0 or text[: start - 1].endswith("\n")
    breaks = text.count("\n\n", start, end)
    return (
        opens_paragraph
        and 1 <= breaks <= config.max_unmarked_paragraphs - 1
        and _after_attached(text, end + 1)
    )


def _pair(
    text: str, marks: list[tuple[int, str]], *, config: SpeakerConfig, open_end: bool = True
) -> list[Span]:
    """Pair opening and closing marks into quote spans (marks excluded)."""
    out: list[Span] = []
    opened: int | None = None  # where the quote began
    segment: int = 0  # where its current paragraph's part began (after a re-opening mark)
    stray: int | None = None  # a closing mark with no quote open, in the current paragraph

    def runaway(end: int) -> Span:
        """The span of a quote `opened` that runs to `end` without closing: the words between
        a stray closing mark and it when the source reversed a pair ('added to their” 15 Most
        Wanted “list of fugitives …'), else the rest of its paragraph."""
        assert opened is not None
        if stray is not None and stray < opened and "\n" not in text[stray:end]:
            return (stray + 1, opened)
        return (opened + 1, end)

    for k, (i, marked) in enumerate(marks):
        role = marked
        if opened is not None and role == "open" and text[i] in "\"'":
            # A straight mark cannot show its direction: when no mark follows in this
            # paragraph, it closes the open quote ('… my back", then …').
            nxt = marks[k + 1][0] if k + 1 < len(marks) else len(text)
            if ("\n" in text[i:nxt] or k + 1 == len(marks)) and not _blank_before(text, i):
                role = "close"
        if opened is None:
            if role == "open":
                opened = segment = i
            else:
                stray = i
            continue
        between = text[segment + 1 : i]
        if "\n" in between:
            first_break = segment + 1 + between.find("\n")
            next_paragraph = text.rfind("\n", segment, i) + 1
            adjacent = text[first_break:next_paragraph].strip() == ""
            if adjacent and role == "open" and text[next_paragraph:i].strip() == "":
                attributed = _unclosed_before_attribution(text, segment + 1, first_break)
                if attributed is not None:
                    # The paragraph ends with its speaker ('“It's important …, Tyler Reguly,
                    # technical manager …, says.'): its closing mark was left out, and the
                    # next paragraph's mark opens a new quote, not a continued one.
                    out.append((opened + 1, attributed))
                    opened = segment = i
                    stray = None
                    continue
                segment = i  # re-opening mark of a quote continued in the next paragraph
                continue
            if role == "close" and (adjacent or _closes_later(text, first_break, i, config)):
                # Closed in the next paragraph (ECB+ style), or two paragraphs on when nothing
                # between re-opens it and its attribution follows the closing mark
                # ('"Initial estimates …\n\nThis entails …\n\nA repair …," SEACOM said').
                out.append((opened + 1, i))
                opened = None
                continue
            if open_end:
                out.append(runaway(first_break))  # the quote ended with its paragraph
            stray = None
            opened = segment = i
            if role != "open":
                opened = None
            continue
        if role == "close":
            if i - opened - 1 <= config.max_quote_chars:
                out.append((opened + 1, i))
            opened = stray = None
        else:
            if text.startswith("``", i - 1) and text.startswith("``", opened - 1):
                # Newswire marks leave a quote that goes on in a new paragraph unclosed and
                # re-open it (``… truth. ``We believe …''), and archives that ran paragraphs
                # together keep that: the first quote ends where the next opens.
                out.append((opened + 1, i - 1))
            opened = segment = i  # two openings in a row: the first was stray
    if opened is not None and open_end:
        stop = text.find("\n", segment + 1)
        out.append(runaway(stop if stop >= 0 else len(text)))
    return [(s, e) for s, e in (_trim(text, span) for span in out) if e > s]


# A paragraph inside a quote that ends the way attributions end a quote: a comma, a speaker
# (a pronoun, "the" and a description, or up to four capitalised words, with an appositive
# between commas) and a speech
# verb closing the paragraph ('…, Tyler Reguly, technical manager for Tripwire, says.').
_TRAILING_ATTRIBUTION = re.compile(
    r"(?P<comma>,)\s+(?:(?:he|she|they)|the\s+(?:[\w'’-]+\s+){0,3}[\w'’-]+"
    r"|(?:[A-Z][\w.'’-]*\s+){0,3}[A-Z][\w.'’-]*"
    r"(?:,\s+[^,\n\"“”]{3,120},)?)\s+(?:says|said|adds|added|explains|explained|notes|noted"
    r"|writes|wrote|continues|continued|told\s+[\w.]+(?:\s+[\w.]+)?)\.[ \t]*$"
)


def _unclosed_before_attribution(text: str, start: int, end: int) -> int | None:
    """Where a quote that runs into the next paragraph really closed, when its paragraph
    (`start`-`end`) ends with an attribution and holds no other quotation mark."""
    paragraph = text[start:end]
    if any(mark in paragraph for mark in '"“”'):
        return None
    found = _TRAILING_ATTRIBUTION.search(paragraph)
    return None if found is None else start + found.start("comma")


def _blank_before(text: str, pos: int) -> bool:
    """True when the mark at `pos` opens a paragraph after a blank line: the journalistic
    re-opening mark of a quote that runs on ('"The crowd …\n\n"It's been …'), never its close."""
    return re.search(r"\n[ \t]*\n[ \t]*$", text[max(0, pos - 40) : pos]) is not None


def _closes_later(text: str, first_break: int, close: int, config: SpeakerConfig) -> bool:
    breaks = text.count("\n\n", first_break, close)
    return 1 <= breaks <= config.max_unmarked_paragraphs - 1 and _after_attached(text, close + 1)


def _trim(text: str, span: Span) -> Span:
    s, e = span
    while s < e and text[s].isspace():
        s += 1
    while e > s and text[e - 1].isspace():
        e -= 1
    return s, e


def _title_like(words: list[str]) -> bool:
    lettered = [w for w in words if w[:1].isalpha()]
    small = {
        "of",
        "the",
        "a",
        "an",
        "and",
        "or",
        "in",
        "on",
        "for",
        "to",
        "at",
        "by",
        "from",
        "with",
    }
    caps = [w for w in lettered if w[:1].isupper() or w.lower() in small]
    return bool(lettered) and len(caps) == len(lettered) and any(w[:1].isupper() for w in lettered)


def extract_quotes(
    article: Article,
    entities: EntityResult | None = None,
    *,
    index: MentionIndex | None = None,
    config: SpeakerConfig | None = None,
) -> tuple[QuoteMention, ...]:
    """Direct and indirect quotes of one article, each with its speaker when the text says who.

    `index`: the article's entity mentions, when the caller built every article's at once
    (`MentionIndex.per_article`); otherwise they are found in `entities`.
    """
    config = config or SpeakerConfig()
    text = article.text
    if index is None:
        index = MentionIndex(article.id, entities.entities if entities else ())
    spans = find_quote_spans(text, config)
    speakers = Speakers(text, index, spans, config)
    direct: list[QuoteMention] = []
    previous: QuoteMention | None = None
    named_before: QuoteMention | None = None  # the last quote whose speaker is a known entity
    for n, (s, e) in enumerate(spans):
        quote_text = text[s:e]
        words = quote_text.split()
        if not any(c.isalpha() for c in quote_text):
            continue
        para_start, _ = speakers.paragraph(s)
        speakers.attributing((s, e))
        next_start = spans[n + 1][0] - 1 if n + 1 < len(spans) else len(text)
        # After the closing mark: two characters for a typed '' (newswire archives).
        past = e + 2 if text.startswith(("''", "’’"), e) else e + 1
        broken = _BROKEN_FRAME.match(text, past)
        if broken is not None:
            # '"… toilet!"\n\nhis mother told …': a paragraph break the page put inside the
            # sentence; the frame in lower case after it is the quote's own.
            past = broken.end()
        limit = min(next_start, sentence_limit(text, past))
        titled = _TITLE_BROKEN.match(text, past)
        if titled is not None and text[limit - 1 : limit] == "\n":
            # '"We have no idea what caused it," the Rev.\n\nLarry Kroon … said': a sentence
            # splitter broke the line after a title's full stop; the frame runs on past it.
            limit = min(next_start, sentence_limit(text, titled.end()))
        # '…,' he added-but while …': a dash glued to a conjunction ends the frame.
        glued = _GLUED_CLAUSE.search(text, past, limit)
        if glued is not None:
            limit = glued.start()
        after = None
        if not _closed_sentence(text, e, past, limit):
            after = speakers.after_frame(past, limit)
        # '"the collective society," as Margaret Thatcher put it': a borrowed phrase's source.
        borrowed = (
            speakers.as_put_it(past, limit) if after is None or after.speaker_text is None else None
        )
        after = borrowed or after
        before, attached = speakers.before_frame(s - 1, para_start)
        after_attached = after is not None and (
            borrowed is not None
            or _after_attached(text, past)
            # '"I'm devastated," social worker Ashley Hoopes, an advocate …, wrote': the comma
            # inside the marks hands the quote to the frame that names its speaker.
            or (
                quote_text.endswith(",")
                and after.speaker_text is not None
                and _names_next(text, past, after.speaker_text)
            )
        )
        attached = (
            attached
            or _said_nearby(text, s - 1, len(words))
            or _reported_fragment(speakers, text, (s, e), past, words)
        )
        follows = _follows_attribution(text, s, previous)
        _, last_end = speakers.paragraph(max(s, e - 1))
        whole_paragraph_start = not text[para_start : s - 1].strip(" \t\n`")
        whole_paragraph = whole_paragraph_start and (not text[past:last_end].strip(" \"”’'"))
        if whole_paragraph and _crosshead(text, para_start, s, e, words):
            continue  # "'We panicked'" between paragraphs: a subhead, not words spoken
        short = len(words) < config.min_statement_words
        if short and not (attached or after_attached or whole_paragraph or follows):
            continue  # a scare quote ("stolen") or a name ("American Pie")
        # '"No," he said.': a capitalised word that opens its sentence and is framed by a
        # speech verb is an answer, not a title.
        answer = after_attached and _whole_utterance(text, s - 1, para_start)
        if _title_like(words) and not attached and not whole_paragraph and not answer:
            continue
        if short and _names_quote(text, s - 1):
            continue
        if len(words) == 1 and not _whole_utterance(text, s - 1, para_start):
            continue  # 'is "active," the sheriff's office said': a scare-quoted word
        if _titled_or_promoted(text, s - 1):
            continue  # "a seminar on 'Enhancing …'", 'promoted as "the girl you …"'
        attribution = _choose(after, before)
        credit = _dash_credit(speakers, s, past) if whole_paragraph_start else None
        if credit is not None:
            # '"It was horrific. It sounded painful." — Karen Schabes, who overheard …': a pull
            # quote or an epigraph names its speaker after a dash; the frames around it belong
            # to the paragraphs before.
            attribution = credit
        if (
            attached
            and before is not None
            and before.speaker_text is not None
            # a pronoun there reaches back over the reported sentences: not sure enough
            and before.speaker_text.lower() not in PRONOUNS
            and after is not None
            and after.cue in _SECOND_HAND
            # '"…," according to …': the frame after closes this sentence, not a later clause
            and quote_text.endswith(",")
        ):
            # '… and telling her, "you're never going to leave me," according to court records.':
            # the verb right before the marks says who spoke; the frame after, who passed it on.
            attribution = before
        elif _pronoun_after_speaker(speakers, before, after):
            # 'An Aptos woman, who … said she …, said Monday, "…" / "…," she said': the
            # pronoun after a quote its own sentence already framed names that speaker again.
            attribution = before
        elif _passed_on(
            text, quote_text, before=before, after=after, past=past, limit=limit, attached=attached
        ):
            # 'Dixon told police they wanted to "air out the house," the complaint said', 'Trevor
            # was screaming "I've been shot" from inside, the sheriff said': a speech verb of
            # the same sentence before the marks names who spoke; the frame after, who told it.
            attribution = before
        if (
            (after is None or after.speaker_text is None)
            and previous is not None
            and previous.speaker_text is not None
            and _split_by_attribution(text, previous, s)
        ):
            # '"…," Spitz said in a statement released to The Associated Press, "…"': the
            # second half of a quote split by its attribution is the same speaker's.
            attribution = Attribution(
                speaker_text=previous.speaker_text, speaker_id=previous.speaker_id, cue=previous.cue
            )
        if attribution is None or attribution.speaker_text is None:
            # '… had suffered "severe trauma to his upper body" sometime before …, Lt.
            # Kenneth Nelson said.': a sentence-final attribution covers the whole sentence.
            attribution = (
                speakers.sentence_final_attribution(past, limit_of_sentence(text, past))
                or attribution
            )
        if (
            attribution is not None
            and attribution.speaker_id is None
            and (attribution.speaker_text or "").lower() in {"he", "she"}
            and previous is not None
            and previous.speaker_text is not None
            and _continues_previous(speakers, previous, s, (attribution.speaker_text or "").lower())
            and not speakers.someone_else_acts(
                sentence_starts(text, para_start, s - 1)[-1],
                s - 1,
                (attribution.speaker_text or "").lower(),
            )
        ):
            # '"…," said a senior officer. "…," he added.': the pronoun continues the
            # previous quote's speaker when nothing else was named in between.
            attribution = Attribution(
                speaker_text=previous.speaker_text,
                speaker_id=previous.speaker_id,
                cue=attribution.cue,
            )
        # '“…, Tyler Reguly …, says. / "…" / "…” / He adds, “…”' (ECB+ 27_9ecbplus): the quoted
        # paragraphs right before the pronoun are the last voice it can mean; the look-back
        # skips quoted sentences, so it found the speaker before them.
        attribution = _carried_by_previous(speakers, previous, attribution, s) or attribution
        attribution = _role_resolved(speakers, attribution, s)
        if attribution is None or attribution.speaker_text is None:
            attribution = _inherit(text, s, para_start, previous, config, end=past) or attribution
        if (attribution is None or attribution.speaker_text is None) and not text[
            para_start : s - 1
        ].strip(" \t\n`"):
            attribution = _introduced_before(speakers, text, para_start) or attribution
        if (attribution is None or attribution.speaker_text is None) and not text[
            para_start : s - 1
        ].strip(" \t\n`"):
            attribution = _subject_goes_on(speakers, para_start, previous) or attribution
        if attribution is None or attribution.speaker_text is None:
            attribution = (
                _reported_before(speakers, para_start, s)
                or speakers.colon_introducer(s - 1, para_start)
                or attribution
            )
            # 'Speaking in the Commons, the Conservative MP said: "…"': a role again.
            attribution = _role_resolved(speakers, attribution, s)
        if (
            attribution is not None
            and attribution.speaker_id in speakers.quoted_people
            and attribution.speaker_text
            and len(attribution.speaker_text.split()) == 1
        ):
            # '"…, like Fabriccio, …," said Patti': the surname is shared by the son the quote
            # addresses and his father named before it; the father speaks.
            namesake = speakers.namesake_before(attribution.speaker_text, s)
            if namesake is not None:
                attribution = Attribution(
                    speaker_text=attribution.speaker_text,
                    speaker_id=namesake.entity_id,
                    cue=attribution.cue,
                )
        attribution = _namesake_spoke(speakers, attribution, s)
        if _two_fitting(speakers, attribution, named_before, s):
            # 'Dillon and the kids hear gunshots …. Jon'tayasia was one of three people shot …
            # / "It's a never-ending battle over here," she said.' (GVC): the previous quote's
            # speaker and another person of the same sex are both named since it; whom the
            # pronoun means is unsure, so no one is given.
            attribution = replace(attribution, speaker_id=None) if attribution else None
        if (
            attribution is not None
            and (attribution.speaker_text or "").lower() in {"he", "she"}
            and not _fits(
                speakers,
                attribution.speaker_id,
                None,
                (attribution.speaker_text or "").lower(),
            )
        ):
            # A "she said" is never given to a man nor a "he said" to a woman, whichever rule
            # reached them: unknown rather than wrong.
            attribution = replace(attribution, speaker_id=None)
        if attribution is not None and attribution.speaker_id in speakers.quoted_people:
            # 'The judge offered advice for the guards who will handle Nichols: "Do not trust
            # Mr. Nichols ever again."': a person the quote names is talked about; people do
            # not name themselves in their own words, so the speaker is unknown rather than them.
            attribution = None
        if (
            (attribution is None or attribution.speaker_text is None)
            and len(words) <= _FRAGMENT_WORDS
            and not whole_paragraph
            and not _whole_utterance(text, s - 1, para_start)
            and not _speech_in_sentence(text, para_start, s, past)
        ):
            # 'a T-shirt with "Hustle first question later" printed on it', 'text "PGPD plus
            # your message" to CRIMES', 'The "extreme indifference to life" assault counts': a
            # few words in marks inside a sentence that has no one say anything are a name or
            # a text shown, not someone's words; dropped rather than left without a speaker.
            continue
        # The comma before '"…," he said' belongs to the sentence, not to the words quoted.
        shown_end = e - 1 if quote_text.endswith(",") and len(quote_text) > 1 else e
        mention = QuoteMention(
            article_id=article.id,
            text=text[s:shown_end],
            span=(s, shown_end),
            speaker_text=attribution.speaker_text if attribution else None,
            speaker_id=attribution.speaker_id if attribution else None,
            kind="direct",
            cue=attribution.cue if attribution else None,
        )
        direct.append(mention)
        previous = mention
        if mention.speaker_id is not None:
            named_before = mention
    direct = _pull_quotes_attributed(text, direct)
    speakers.attributing((0, 0))  # reported speech names no quote's people
    indirect = [
        QuoteMention(
            article_id=article.id,
            text=text[a:b],
            span=(a, b),
            speaker_text=attribution.speaker_text,
            # a reporting "she" is never a man either
            speaker_id=attribution.speaker_id
            if _fits(
                speakers, attribution.speaker_id, None, (attribution.speaker_text or "").lower()
            )
            else None,
            kind="indirect",
            cue=attribution.cue,
        )
        for (a, b), attribution in find_indirect(text, speakers, [q.span for q in direct])
    ]
    for n, quote in enumerate(indirect):
        # 'Caron said her father knew …' after 'said his daughter Nicole Caron': as above.
        found = _namesake_spoke(
            speakers,
            Attribution(
                speaker_text=quote.speaker_text, speaker_id=quote.speaker_id, cue=quote.cue
            ),
            quote.span[0],
        )
        if found is not None and found.speaker_id != quote.speaker_id:
            indirect[n] = replace(quote, speaker_id=found.speaker_id)
        elif _names_the_pronoun(speakers, indirect[n]):
            # "He said he didn't know Jackson's blood-alcohol level": whom a he/she reports
            # about by name is not who speaks; the resolution is wrong, so no one is given.
            indirect[n] = replace(quote, speaker_id=None)
    return tuple(sorted([*direct, *indirect], key=lambda q: (q.span, q.kind)))


def _names_the_pronoun(speakers: Speakers, quote: QuoteMention) -> bool:
    """True when a "he"/"she" frames an indirect quote from before it ("He said he …") and the
    reported clause, opening with a he/she of its own, names the person the framing pronoun was
    resolved to: the pronoun that frames a clause is never the person named inside it ("He said
    he didn't know Jackson's blood-alcohol level" is not Jackson's). Not after the clause, nor
    with a name opening it: there the writer may name the speaker ("Nothing about the home made
    Castleton suspicious, she said", "He said Jaidon seemed …, but DuBois believes …", GVC)."""
    pronoun = (quote.speaker_text or "").lower()
    if quote.speaker_id is None or pronoun not in {"he", "she"}:
        return False
    if quote.text.split(" ", 1)[0].lower() not in {"he", "she"}:
        return False
    text = speakers.text
    lead = text[max(0, quote.span[0] - 80) : quote.span[0]]
    lead = re.split(r"[.!?\n]\s", lead)[-1]
    if re.search(rf"\b{pronoun}\b", lead, re.IGNORECASE) is None:
        return False
    return any(
        m.type == "PERSON" and m.entity_id == quote.speaker_id
        for m in speakers.index.within(*quote.span)
    )


def _namesake_spoke(
    speakers: Speakers, attribution: Attribution | None, start: int
) -> Attribution | None:
    """A lone surname speaker shared by two or more people the article names in full is the one
    of them last shown speaking by full name, when the entity stage linked the surname to
    another who is not named in full since: '"…," said his 20-year-old daughter Nicole Caron.'
    then '"…," said Caron.', with "Caron" linked to her father Dan Caron, named only before her
    quote (GVC), is the daughter: a relation named with the parent's surname does not give the
    parent her words. When none of them was shown speaking, or the two are not known to be of
    different sexes, the entity stage's choice stands."""
    if attribution is None or attribution.speaker_id is None:
        return attribution
    surname = re.sub(r"['’]s?$", "", (attribution.speaker_text or "").strip())
    if re.fullmatch(r"[A-Z][\w'’-]*", surname) is None:
        return attribution  # a full name, a pronoun or a description
    text = speakers.text
    full = [
        m
        for m in speakers.index.within(0, start)
        if m.type == "PERSON"
        and m.entity_id is not None
        and len(m.text.split()) >= 2
        and m.text.split()[-1] == surname
        and not speakers.inside_quote(m.span[0])
    ]
    linked = attribution.speaker_id
    if linked not in {m.entity_id for m in full} or len({m.entity_id for m in full}) < 2:
        return attribution
    speaking = [
        m
        for m in full
        if _SPEAKS_AFTER.match(text, m.span[1])
        or _SPEAKS_BEFORE.search(text, max(0, m.span[0] - 60), m.span[0])
    ]
    if not speaking or speaking[-1].entity_id == linked:
        return attribution
    last = speaking[-1]
    if any(m.entity_id == linked and m.span[0] > last.span[0] for m in full):
        return attribution  # the linked person is named in full since
    sexes = (speakers.gender(linked), speakers.gender(last.entity_id or ""))
    if None in sexes or sexes[0] == sexes[1]:
        # '… his nephew William T. LaRue said. / … / Mr. LaRue said in 1971, "…"' (ECB+
        # 28_2ecbplus): two men of one name, the obituary's subject spoke; only a relative of
        # the other sex is told apart from the one the entity stage chose.
        return attribution
    return replace(attribution, speaker_id=last.entity_id)


# A full name shown speaking: "Nicole Caron said", "Nicole Caron, 20, told", '," said his
# 20-year-old daughter Nicole Caron' (no "that" between: 'said that Mendoza' reports him).
# Any speech verb of the shared list (not a narrower copy of it that drifts apart).
_SPEECH: Final = (
    "(?:"
    + "|".join(sorted((re.escape(verb) for verb in SPEECH_VERBS), key=len, reverse=True))
    + ")"
)
_SPEAKS_AFTER: Final = re.compile(
    rf"(?:[ \t]*,[^,.;:\"“”\n]{{1,60}},)?[ \t]+(?:(?:also|later|then)[ \t]+)?{_SPEECH}\b"
)
_SPEAKS_BEFORE: Final = re.compile(
    rf"[,\"”’'][ \t]*{_SPEECH}[ \t]+(?:(?!that\b)[\w’'.-]+[ \t]+){{0,4}}$"
)


# Longest quoted fragment inside a sentence that is dropped when nothing in its sentence says it.
_FRAGMENT_WORDS: Final = 4


def _speech_in_sentence(text: str, para_start: int, start: int, past: int) -> bool:
    """True when the sentence holding the quote opening at `start` (the mark at start - 1)
    has a speech or naming verb outside the quote that someone acts with: not a capitalised
    word ("State's Attorney"), an infinitive or a modal's verb ("may call Crime Solvers") nor a
    passive ("was described as")."""
    begin = (
        sentence_starts(text, para_start, start - 1)[-1] if start - 1 > para_start else para_start
    )
    end = limit_of_sentence(text, past)
    for piece in (text[begin : start - 1], text[past:end]):
        words = re.findall(r"[\w’'-]+", piece)
        for i, word in enumerate(words):
            if word not in SPEECH_VERBS | NAMING_VERBS | _SAYING | _NAMING_FORMS:
                continue  # (lower case only: a capitalised word is a name or a title)
            if i > 0 and words[i - 1].lower() in _NOT_ACTING:
                continue
            return True
        if "according to" in piece.lower():
            return True
    return False


# Forms of naming and saying verbs the shared lists lack ('calling him "a person of
# interest"', 'chanting ``Cuba libre'' and ``long live the USA.''').
_NAMING_FORMS: Final = wordlist(
    "calling labelling labeling dubbing terming naming chanting chant chants shouting singing "
    "crying"
)
# Words before a verb that make it no one's act in the sentence: an infinitive, a modal, a
# passive ("may call Crime Solvers", "to say", "was described as").
_NOT_ACTING: Final = wordlist(
    "to may might can could should must will would was were is are be been being"
)


def _pull_quotes_attributed(text: str, direct: list[QuoteMention]) -> list[QuoteMention]:
    """A pull quote (words of a quote repeated alone in their own paragraph, with no frame, as
    web features print them between paragraphs) is the speaker's the article gives those words
    to where it quotes them in full."""
    out = []
    for mention in direct:
        words = _plain(mention.text)
        source = None
        if len(words.split()) >= 6 and _alone(text, mention.span):
            # Whatever the paragraph before handed on to it: the words are their speaker's.
            source = next(
                (
                    q
                    for q in direct
                    if q is not mention
                    and q.speaker_text
                    and words in _plain(q.text)
                    and len(_plain(q.text)) > len(words)
                ),
                None,
            )
        out.append(
            mention
            if source is None
            else replace(
                mention,
                speaker_text=source.speaker_text,
                speaker_id=source.speaker_id,
                cue="pull quote",
            )
        )
    return out


def _plain(text: str) -> str:
    return " ".join(re.findall(r"\w+", text.lower()))


# A dash after a quote's closing mark, then a capitalised word: the credit line of a pull quote
# or an epigraph.
_DASH_CREDIT: Final = re.compile(r"[ \t]*(?:—|–|--|[ \t]-)[ \t]*(?=[A-Z])")
# Two or three capitalised words: a name the model may have typed as something else.
_NAME_WORDS: Final = re.compile(r"[A-Z][\w’'.-]+(?:[ \t]+[A-Z][\w’'-]+){1,2}")


def _dash_credit(speakers: Speakers, start: int, past: int) -> Attribution | None:
    """The person a dash after the quote credits when the credit ends the paragraph ('"…" —
    Karen Schabes, who overheard the shooting'): a person the model found there, or a name
    opening with a given name; None when anything else follows the dash."""
    text = speakers.text
    dash = _DASH_CREDIT.match(text, past)
    if dash is None:
        return None
    at = dash.end()
    end = speakers.paragraph(start)[1]
    person = next(
        (m for m in speakers.index.within(at, end) if m.span[0] == at and m.type == "PERSON"),
        None,
    )
    found: str | None
    if person is not None:
        shown, found, stop = person.text, person.entity_id, person.span[1]
    else:
        name = _NAME_WORDS.match(text, at, end)
        if name is None or _given_name_gender(name.group(0)) is None:
            return None
        mention = next((m for m in speakers.index.within(at, name.end()) if m.span[0] == at), None)
        shown, found, stop = name.group(0), mention.entity_id if mention else None, name.end()
    rest = text[stop:end].strip()
    if rest and not rest.startswith(","):
        return None  # '"…" — Smith went on to say …': a sentence, not a credit line
    return Attribution(speaker_text=shown, speaker_id=found, cue="—")


def _alone(text: str, span: Span) -> bool:
    """True when the quote at `span` fills its paragraph (only quote marks around it)."""
    before = text.rfind("\n", 0, span[0])
    after = text.find("\n", span[1])
    after = len(text) if after < 0 else after
    return not text[before + 1 : span[0]].strip(" \t\"“‘'`") and not text[span[1] : after].strip(
        " \t\"”’'`.,"
    )


def _role_resolved(
    speakers: Speakers, attribution: Attribution | None, start: int
) -> Attribution | None:
    """ "the judge said": the person the article gave that role, nearest before; else the
    person just shown speaking whom a role phrase goes on with ("the Conservative MP")."""
    if attribution is None or attribution.speaker_id is not None or not attribution.speaker_text:
        return attribution
    holder = (
        speakers.role_holder(attribution.speaker_text, start)
        or speakers.role_continues(attribution.speaker_text, start)
        or _age_holder(speakers, attribution.speaker_text, start)
    )
    if holder is None or holder.entity_id in speakers.quoted_people:
        # '"… goes back to defendant Philip Battles," the prosecutor said': a person the quote
        # names is talked about, so the role stays a description rather than being them.
        return attribution
    return Attribution(speaker_text=holder.text, speaker_id=holder.entity_id, cue=attribution.cue)


_AGE_PHRASE: Final = re.compile(r"[Tt]he[ \t]+\d{1,3}-year-old(?:[ \t]+[a-z]+){0,2}")


def _age_holder(speakers: Speakers, phrase: str, start: int) -> _Mention | None:
    """The one person an age phrase ("said the 29-year-old") goes on with: the only person
    named in its paragraph before it and the paragraph before that; None when two are."""
    if not _AGE_PHRASE.fullmatch(phrase.strip()):
        return None
    para_start, _ = speakers.paragraph(start)
    floor = speakers.paragraph(para_start - 3)[0] if para_start > 3 else 0
    people = [
        m
        for m in speakers.index.within(floor, start)
        if m.type == "PERSON" and not speakers.inside_quote(m.span[0])
    ]
    if len({m.entity_id for m in people}) != 1 or people[0].entity_id is None:
        return None
    age = re.search(r"\d+", phrase)
    stated = _stated_ages(speakers, people[-1].entity_id)
    if age is not None and stated and int(age.group(0)) not in stated:
        # '"Can I wash your car?" the 11-year-old asked.' after "Dillon, 31, sat on the front
        # stoop …" (GVC): the only person named is not of that age, so not the one speaking.
        return None
    return people[-1]


_AGE_AFTER: Final = re.compile(r",[ \t]+(\d{1,3}),")
_AGE_BEFORE: Final = re.compile(r"(\d{1,3})-year-old[ \t]+$")


def _stated_ages(speakers: Speakers, entity_id: str) -> set[int]:
    """The ages the article gives a person in digits at their name ("Dillon, 31,",
    "10-year-old Jon'tayasia")."""
    text = speakers.text
    ages: set[int] = set()
    for m in speakers.index.mentions:
        if m.entity_id != entity_id:
            continue
        after = _AGE_AFTER.match(text, m.span[1])
        before = _AGE_BEFORE.search(text, max(0, m.span[0] - 16), m.span[0])
        ages |= {int(found.group(1)) for found in (after, before) if found is not None}
    return ages


def _crosshead(text: str, para_start: int, start: int, end: int, words: list[str]) -> bool:
    """True when the quote text[start:end], alone in its paragraph, is a crosshead (BBC's
    "'We panicked'", "'Untimely death'"): a few words without an ending stop, between a
    paragraph that ends a sentence and one that opens a new sentence."""
    if len(words) > _CROSSHEAD_WORDS or text[start:end].rstrip()[-1:] in ".!?…,;:-–—":
        return False
    before = text[:para_start].rstrip()
    after = text[end + 1 :].lstrip(" \t\"”’'")
    if not before or before[-1] not in ".!?\"”’'" or not after.startswith("\n"):
        return False
    following = after.lstrip()
    return following[:1].isupper() and not following.startswith(_QUOTE_OPENERS)


_CROSSHEAD_WORDS = 6
_QUOTE_OPENERS = ('"', "“", "‘", "'", "`")


def _continues_previous(
    speakers: Speakers, previous: QuoteMention, start: int, pronoun: str
) -> bool:
    """Whether an unresolved "he said"/"she added" at `start` continues the previous quote's
    speaker: the next paragraph, or up to `SpeakerConfig.pronoun_paragraphs` on when nobody is named
    in between ("…," said Caron. / As she looked at pictures … / "…," she added.) and the
    speaker's known gender fits the pronoun."""
    if not _fits(speakers, previous.speaker_id, previous.speaker_text, pronoun):
        # '"…," Mark Roesler said. / "…," she said in 1998.': the next paragraph's "she" is not
        # the man who spoke before (ECB+ 4_2ecb), whoever it is.
        return False
    gap = speakers.text[previous.span[1] : start]
    breaks = gap.count("\n\n")
    if breaks <= 1:
        return True
    if gap[:1] == "\n" and not any(mark in gap.rstrip(' "“‘`') for mark in '"“”«»`'):
        # The previous quote never closed and its paragraphs ran on without marks ('“People
        # were standing …' / 'I saw …' / '“I said, ‘Oh my god! …’” she continued.'): the
        # pronoun continues its speaker however many lines the quote took.
        breaks = 1
    if breaks > speakers.config.pronoun_paragraphs:
        return False
    if breaks == 1:
        return True
    between = speakers.index.within(previous.span[1], start)
    return all(m.entity_id == previous.speaker_id or m.type != "PERSON" for m in between)


# Between a quote and the next one, nothing but closing and opening marks and a frame that
# names no one ("He adds, "): no sentence of narration.
_ONLY_MARKS: Final = re.compile(r"[\s\"“”‘’'`.,!?;:]*")


def _carried_by_previous(
    speakers: Speakers,
    previous: QuoteMention | None,
    attribution: Attribution | None,
    start: int,
) -> Attribution | None:
    """The previous quote's speaker, with the pronoun's cue, when a "he/she said" at `start`
    goes on with it: no narration stands between the two quotes (only marks, paragraph breaks
    and the pronoun's own frame), and that speaker is a person (a name or a described voice,
    not an organisation or a document), fits the pronoun and did not ask a question (the
    answer is someone else's). None otherwise, or when the pronoun already means them."""
    if attribution is None or previous is None or previous.speaker_text is None:
        return None
    pronoun = (attribution.speaker_text or "").lower()
    if pronoun not in {"he", "she"} or previous.kind != "direct":
        return None
    if previous.speaker_id is None and previous.speaker_text.lower() in PRONOUNS:
        return None  # an unresolved "he" carries nobody
    if attribution.speaker_id is not None and attribution.speaker_id == previous.speaker_id:
        return None
    if previous.text.rstrip(" ,\"”’'").endswith("?"):
        # 'a reporter asked Montoya-Lewis, "What do you see …?" / "The biggest hurdle …," she
        # replied': the one asked answers (fresh4, The Times of Israel)
        return None
    text = speakers.text
    gap = text[previous.span[1] : start]
    frame = re.search(r"\b(?:he|she)\b", gap, re.IGNORECASE)
    if frame is not None:
        # '” / He adds, “': the frame may only be the pronoun and its verb phrase
        if not _ONLY_MARKS.fullmatch(gap, 0, frame.start()) or re.search(
            r"[.!?]", gap[frame.start() :]
        ):
            return None
    elif not _ONLY_MARKS.fullmatch(gap):
        return None
    if any(m.type == "PERSON" for m in speakers.index.within(previous.span[1], start)):
        return None
    if not _fits(speakers, previous.speaker_id, previous.speaker_text, pronoun):
        return None
    # A given name tells a person the model typed otherwise ("Tyler Reguly" as an ORG).
    by_name = _given_name_gender(previous.speaker_text)
    if by_name is None and previous.speaker_id is not None:
        person = any(
            m.entity_id == previous.speaker_id and m.type == "PERSON"
            for m in speakers.index.mentions
        )
    else:
        person = by_name == pronoun or _described_voice(previous.speaker_text)
    if not person:
        return None
    return Attribution(
        speaker_text=previous.speaker_text, speaker_id=previous.speaker_id, cue=attribution.cue
    )


def _two_fitting(
    speakers: Speakers, attribution: Attribution | None, previous: QuoteMention | None, start: int
) -> bool:
    """True when a "he/she said" was resolved to someone other than the speaker of the last
    quote given to a known person (`previous`), though that speaker fits the pronoun too and
    the narration since that quote (at most `SpeakerConfig.pronoun_paragraphs` paragraphs)
    names both."""
    if attribution is None or previous is None:
        return False
    pronoun = (attribution.speaker_text or "").lower()
    found, before = attribution.speaker_id, previous.speaker_id
    if pronoun not in {"he", "she"} or found is None or before is None or found == before:
        return False
    gap = speakers.text[previous.span[1] : start]
    if gap.count("\n\n") > speakers.config.pronoun_paragraphs:
        return False
    if not _fits(speakers, before, None, pronoun):
        return False
    # the narration after the sentence of that quote (its own frame names its speaker)
    text = speakers.text
    since = limit_of_sentence(text, previous.span[1] + 1)
    named = [
        m
        for m in speakers.index.within(since, start)
        if m.type == "PERSON" and not speakers.inside_quote(m.span[0])
    ]
    nearest = next((m for m in reversed(named) if m.entity_id == found), None)
    if nearest is None:
        return False
    # the paragraph naming the one found also opens a sentence with the earlier speaker
    begin, end = speakers.paragraph(nearest.span[0])
    openings = sentence_starts(text, begin, end)
    return any(
        m.entity_id == before
        and begin <= m.span[0] < end
        and not possessed(text, m.span[1])
        and any(not text[o : m.span[0]].strip(' \t\n"“‘') for o in openings if o <= m.span[0])
        for m in named
    )


def _fits(
    speakers: Speakers, speaker_id: str | None, speaker_text: str | None, pronoun: str
) -> bool:
    """False when a speaker is known to be of the other sex than a "he"/"she": by what the
    article says of the person (`Speakers.gender`), or for an unnamed one by the words of its
    description ("the man", "his mother"); True when nothing tells."""
    if pronoun not in {"he", "she"}:
        return True
    if speaker_id is not None:
        return speakers.gender(speaker_id) in {None, pronoun}
    words = set(re.findall(r"[a-z]+", (speaker_text or "").lower()))
    other = MALE_WORDS if pronoun == "she" else FEMALE_WORDS
    own = FEMALE_WORDS if pronoun == "she" else MALE_WORDS
    return not (words & other) or bool(words & own)


# Cues of a frame that names who passed words on, not who spoke them.
_SECOND_HAND: Final = frozenset({"reported", "reports", "according to"})
# A frame cut after a title's full stop: ', the Rev.' then a new paragraph opening on a name.
_TITLE_BROKEN: Final = re.compile(
    r"[^\n\"“”]{0,40}?\b(?:Rev|Dr|Gov|Sen|Rep|Lt|Sgt|Capt|Gen|Col|Prof|Det|Insp|Supt|Hon)\."
    r"[ \t]*\n\s{0,8}(?=[A-Z])"
)
_BROKEN_FRAME = re.compile(r"[ \t]{0,4}\n\s{0,8}(?=(?:his|her|their|he|she|they|said|says)\b)")
_GLUED_CLAUSE = re.compile(r"(?<=\w)[-–—](?=(?:but|and|while|though|although|as)\b)")


def limit_of_sentence(text: str, pos: int) -> int:
    """End of the sentence running at `pos`, however many quotes it holds."""
    return sentence_limit(text, pos, reach=600)


# The gap between two quotes of one sentence split by its attribution: the closing mark, a
# frame without a sentence end, a comma, the opening mark.
_SPLIT_GAP: Final = re.compile(
    r"(?:,[\"”’']{1,2}|[\"”’']{1,2},)[ \t]+([^\n\"“”`!?;]{2,160}),[ \t]*[\"“‘`]{1,2}"
)


def _split_by_attribution(text: str, previous: QuoteMention, start: int) -> bool:
    """True when the quote at `start` goes on with the previous quote's sentence after an
    attribution between commas ('"…," Spitz said in a statement …, "…"')."""
    gap = _SPLIT_GAP.fullmatch(text, previous.span[1], start)
    if gap is None:
        return False
    frame = gap.group(1)
    words = [w.lower() for w in re.findall(r"[\w’']+", frame)]
    ends = re.search(r"(?<=[a-z]{3})\.\s+[A-Z]", frame)  # "… said. The" ends a sentence
    return ends is None and any(w in SPEECH_VERBS for w in words[:8])


def _closed_sentence(text: str, end: int, past: int, limit: int) -> bool:
    """True when the quote ending at `end` closed its sentence with a full stop inside the marks
    and more than a short frame follows ('"… absolutely preventable." She called for …'): the
    next sentence is not its attribution ('"…." Putin said.' still is)."""
    follow = text[past:limit].split()  # after the mark: one character, or a typed ''
    return text[:end].rstrip().endswith(".") and len(follow) > 4 and follow[0][:1].isupper()


def _follows_attribution(text: str, start: int, previous: QuoteMention | None) -> bool:
    """A short whole sentence quoted right after the previous quote and its attribution, in
    the same paragraph ('"…," Jordan said. "It's tragic."'): the same speaker goes on."""
    if previous is None or previous.kind != "direct" or previous.speaker_text is None:
        return False
    gap = text[previous.span[1] : start]
    quoted = text[start : text.find("\n", start) if "\n" in text[start:] else len(text)]
    return (
        "\n" not in gap
        and len(gap) < 80
        and bool(re.search(r"[.!?][\"”’]?\s*[\"“‘]$", gap.rstrip(" ")))
        and quoted[:1].isupper()
        and bool(re.match(r"[^\"”]*[.!?][\"”]", quoted))
    )


def _after_attached(text: str, pos: int) -> bool:
    """True when a speech verb follows the closing mark within a few words."""
    words = re.findall(r"[\w’']+", text[pos : pos + 60])[:5]
    return any(w.lower() in SPEECH_VERBS for w in words)


# Verbs that make a short fragment right after them a quote: 'says the fire "is definitely
# suspicious"'. Narrower than SPEECH_VERBS on purpose ('claiming the election was "stolen"' is
# a scare quote, as annotated in the gold set).
_SAYING: Final = wordlist("says said say told tells added stated insisted wrote")
# Words a reported clause's quoted predicate follows ('was "a good dude"', 'was an "improvised
# firearm"'); a quoted object of other verbs stays a scare quote ('the election was "stolen"'
# has one word, under the two-word floor of the annotation guideline).
_PREDICATE_ENDS: Final = wordlist("was is were are be been a an as")


def _names_next(text: str, pos: int, speaker: str) -> bool:
    """True when the speaker's words follow the closing mark at `pos` within three words (',"
    social worker Ashley Hoopes, …, wrote'), not after the rest of a sentence ('," underwent
    surgery …, Scherlinck said')."""
    found = text.find(speaker, pos, pos + 200)
    between = text[pos + 1 : found]
    return found >= 0 and len(between.split()) <= 3 and "," not in between


def _said_nearby(text: str, pos: int, n_words: int) -> bool:
    """True when a saying verb governs the fragment quoted at `pos`: in its clause, five words
    before it at most ('says the fire "is definitely suspicious"'), or earlier in its sentence
    with the fragment closing the reported clause ('Jordan said Gomez-Martinez would often stop
    and chat and was "a good dude."')."""
    clause = re.split(r"[,;:.!?\"“”]", text[max(0, pos - 80) : pos])[-1]
    words = re.findall(r"[\w’'-]+", clause)[-5:]
    if n_words >= 3 and any(w.lower() in _SAYING for w in words):
        return True
    if n_words < 2:
        return False
    sentence = re.split(r"[;:.!?\"“”\n]", text[max(0, pos - 160) : pos])[-1]
    words = re.findall(r"[\w’'-]+", sentence)[-16:]
    return any(w in _SAYING for w in words[1:]) and words[-1].lower() in _PREDICATE_ENDS


def _reported_fragment(
    speakers: Speakers, text: str, span: Span, past: int, words: list[str]
) -> bool:
    """True when a two- or three-word fragment of degree, quantity, negation or a verb stands in
    a sentence that says who spoke ('has "fully cooperated" …, the Sheriff's Office said',
    'Police say Gomes had been there for "a few hours"'): someone's words, not a scare quote
    (those sentences name no source: 'the "cola wars"')."""
    if not 2 <= len(words) <= 3:
        return False
    plain = [w.strip(".,;:!?").lower() for w in words]
    if not any(w in _FRAGMENT_MARKERS or (w.endswith("ly") and len(w) > 4) for w in plain):
        # a term in marks ("zero day", "active shooter", "direct file", "Spring of Life"):
        # a name for something, which a sentence's source does not make a statement
        return False
    begin = max(0, span[0] - 200)
    sentence = re.split(r"[.!?\n]\s", text[begin : span[0] - 1])[-1]
    said = re.findall(r"[\w’'-]+", sentence)
    if any(w in _FRAGMENT_SOURCES for w in said[1:]) or (said and said[0].lower() == "according"):
        return True
    end = limit_of_sentence(text, past)
    tail = text[past:end]
    if "according to" in tail:
        return True
    found = speakers.sentence_final_attribution(past, end)
    return found is not None and found.speaker_text is not None


# Words that make a short fragment a statement rather than a term: degree, quantity and
# negation ("very sad", "too many", "fully cooperated", "a few hours", "no qualms"), and verbs
# ("take responsibility").
_FRAGMENT_MARKERS: Final = wordlist(
    """very too so really not no never just some few many much more most less any every all
    a an take taken be been is was were are have has had"""
)


# Verbs that make a sentence someone's words ("Police say …", "a hearing heard they had …").
_FRAGMENT_SOURCES: Final = wordlist("said says say told tells heard according")


def _whole_utterance(text: str, pos: int, para_start: int) -> bool:
    """True when the quote opening at `pos` is a whole sentence of its own, at the start of its
    sentence or right after a speech verb ('"No," he said.', 'He said: "No."'), not one word
    of the writer's sentence set in marks ('the investigation is "active,"').

    One word is the floor: two-word fragments in a sourced sentence ('"fully cooperated"')
    are labelled as quotes in eval/data/speakers_gold.jsonl, so they stay (re-run
    eval/quotes.py when this changes)."""
    begin = sentence_starts(text, para_start, pos)[-1] if pos > para_start else para_start
    before = text[max(begin, para_start, pos - 200) : pos].strip(" \t\n`'\"“‘—-")
    if not before:
        return True
    words = re.findall(r"[\w’']+", before)
    return (
        bool(words)
        and words[-1].lower() in SPEECH_VERBS
        and (before[-1:] in ",:" or before.endswith(words[-1]))
    )


def _names_quote(text: str, pos: int) -> bool:
    """True when a naming word introduces the quote at `pos` ('called it "…"', 'characterized
    the shooting as an "accident"')."""
    words = re.findall(r"[\w’'-]+", text[max(0, pos - 30) : pos])
    if len(words) > 1 and words[-1].lower() in {"a", "an", "the"}:
        words = words[:-1]
    return bool(words) and words[-1].lower() in NAMING_VERBS | {"as", "so-called"}


# Nouns of events and works whose topic or title follows them in quote marks ('a seminar … on
# "Enhancing the electoral system"'), and verbs that sell a thing as a slogan ('promoted as
# "the girl you will dream about!"'): what the marks hold is a name, not someone's words.
_TITLED_NOUNS: Final = wordlist(
    """seminar seminars conference conferences workshop workshops forum forums lecture
    lectures symposium course courses exhibition exhibit panel session sessions book books
    paper report study documentary film show campaign programme program project theme"""
)
_TITLE_WORDS: Final = wordlist("entitled titled themed headlined captioned")
_PROMOTING: Final = wordlist(
    "promoted billed marketed advertised touted branded sold pitched hailed dubbed"
)


def _titled_or_promoted(text: str, pos: int) -> bool:
    """True when the mark at `pos` opens a title or a slogan: right after 'entitled', after
    'on'/'about' in a phrase headed by an event or a work noun (in its clause, 12 words back at
    most), or after 'promoted as', 'billed as'."""
    clause = re.split(r"[;:.!?\"“”\n]", text[max(0, pos - 160) : pos])[-1]
    words = [w.lower() for w in re.findall(r"[\w’'-]+", clause)]
    if not words:
        return False
    if words[-1] in _TITLE_WORDS:
        return True
    if words[-1] == "as" and len(words) > 1 and words[-2] in _PROMOTING:
        return True
    if words[-1] in {"on", "about"}:
        back = words[-13:-1]
        return any(w in _TITLED_NOUNS for w in back) and not any(w in _SAYING for w in back)
    return False


def _pronoun_after_speaker(
    speakers: Speakers, before: Attribution | None, after: Attribution | None
) -> bool:
    """True when a quote framed by a speech verb before it ('X, …, said Monday, "…"') ends on
    a bare 'he/she said' that fits X: the pronoun means X, not someone named in between."""
    if before is None or after is None or not before.speaker_text or not after.speaker_text:
        return False
    pronoun = after.speaker_text.lower()
    if pronoun not in {"he", "she"} or before.speaker_text.lower() in PRONOUNS:
        return False
    if after.speaker_id is not None and after.speaker_id == before.speaker_id:
        return False
    verb = (before.cue or "").split(" ", 1)[0].lower()
    if verb not in SPEECH_VERBS:
        return False  # 'Jones "loved the game," she said': a predicate, not a frame
    if before.speaker_id is not None:
        return speakers.gender(before.speaker_id) in {None, pronoun}
    words = set(re.findall(r"[a-z]+", before.speaker_text.lower()))
    other = MALE_WORDS if pronoun == "she" else FEMALE_WORDS
    own = FEMALE_WORDS if pronoun == "she" else MALE_WORDS
    return bool(words & own) and not words & other


# Two people joined by "or", one of them named ("Maldonado or his cousin").
_NAMED_PAIR: Final = re.compile(r"\b[A-Z][\w’'-]{1,30}[ \t]+or[ \t]|[ \t]or[ \t]+[A-Z]")


def _passed_on(
    text: str,
    quote_text: str,
    *,
    before: Attribution | None,
    after: Attribution | None,
    past: int,
    limit: int,
    attached: bool = False,
) -> bool:
    """True when a named speaker's speech verb before the marks and another's frame closing the
    sentence after them both frame one quote: the first spoke, the second passed it on.
    `attached`: the speech verb before stands right before the marks."""
    if before is None or after is None or not before.speaker_text or not after.speaker_text:
        return False
    # only a name is sure enough to beat the frame after, or a pair that names one
    # ("Maldonado or his cousin shouted, "…" and "…," sources said"), or a described person
    # whose speech verb stands right before the marks ('When the driver yelled, "Don't
    # move!" it clicked that they were cops, she said': the driver spoke, she passes it on)
    named = (
        before.speaker_id is not None
        or bool(_NAMED_PAIR.search(before.speaker_text))
        or (attached and _described_voice(before.speaker_text))
    )
    if not named or before.speaker_text.lower() in PRONOUNS:
        return False
    if after.speaker_id is not None and after.speaker_id == before.speaker_id:
        return False
    verb = (before.cue or "").split(" ", 1)[0].lower()
    if verb not in SPEECH_VERBS or verb in {"reported", "reports"}:
        return False
    tail = text[past:limit]
    # the frame after closes this sentence: one clause after the quote, no second verb phrase
    # ('which said the fruit was "…" -- while a separate story simply reported')
    return (quote_text.endswith(",") or tail.count(",") == 1) and not re.search(
        r"[;–—]|--|\b(?:while|but|and|as|though|although|whereas)\b", tail
    )


# A person described, not named: a determiner and one to three lower-case words ("the driver",
# "one cop", "a neighbor"), never a document ("the statement").
_DESCRIBED_VOICE: Final = re.compile(
    r"(?:[Tt]he|[Aa]n?|[Oo]ne|[Aa]nother)((?: [a-z][\w’'-]*){1,3})"
)


def _described_voice(speaker: str) -> bool:
    found = _DESCRIBED_VOICE.fullmatch(speaker)
    return found is not None and found.group(1).split()[-1] not in DOCUMENT_WORDS


def _choose(after: Attribution | None, before: Attribution | None) -> Attribution | None:
    """A frame that names a speaker wins; the verb right after the quote first."""
    for candidate in (after, before):
        if candidate is not None and candidate.speaker_text is not None:
            return candidate
    return after or before


# The words that may stand before a quote that carries on its sentence ('The "fidelity …"').
_QUOTED_SENTENCE_LEAD: Final = re.compile(r"(?:The|A|An|And|But|Its|Their|His|Her)")


def _inherit(
    text: str,
    start: int,
    para_start: int,
    previous: QuoteMention | None,
    config: SpeakerConfig,
    *,
    end: int | None = None,
) -> Attribution | None:
    """An unattributed quote continuing the previous speaker's words.

    Either it follows that speaker's quote in the same or the next paragraph with nothing but
    the quote between, or the paragraph before ends by introducing it ("Putin said:"), or the
    previous quote never closed and only paragraphs without marks stand between ('"It was a
    historic building …' / 'You can't replace that.' / '"It's devastating."': a quote split
    into paragraphs whose re-opening marks were lost).
    """
    if previous is not None and previous.speaker_text is not None:
        gap = text[previous.span[1] : start]
        same_paragraph = "\n\n" not in gap
        lead = text[para_start:start].strip(' "“«‘`\n')
        opens_paragraph = lead == "" or (
            # 'The "fidelity, bravery, and integrity of Mr. Felt are unquestioned."' after '"Mr.
            # Felt is …," he said.': an article or conjunction alone before a quote that ends
            # the paragraph is the quoted sentence's own first word; the speaker goes on.
            _QUOTED_SENTENCE_LEAD.fullmatch(lead) is not None
            and end is not None
            and not text[end : end + 200].split("\n", 1)[0].strip(" .\"”’'")
        )
        unclosed = gap[:1] == "\n" and not any(mark in gap.rstrip("`")[:-1] for mark in '"“”«»`')
        # '"…." That didn't stop the judge from allowing the prisoner to give extended
        # speeches: "…"': a sentence of its own between the quotes that introduces this one
        # with a colon hands it to whom it names, not to the previous speaker; one opened by
        # that speaker ('He later issued a statement: "…"') goes on with them.
        colon = re.search(
            r"(?:^[\"”’']+|[.!?][\"”’']?)\s+([A-Z][\w’'-]*)[^.!?]*:\s*[\"“‘`]*$", gap.rstrip(" \t")
        )
        introduced = colon is not None and not (
            colon.group(1).lower() in PRONOUNS
            or colon.group(1) in (previous.speaker_text or "").split()
        )
        if (
            (same_paragraph and len(gap) < 200 and not introduced)
            or (opens_paragraph and gap.count("\n\n") == 1)
            or (
                opens_paragraph
                and unclosed
                and gap.count("\n\n") <= config.max_unmarked_paragraphs - 1
            )
        ):
            return Attribution(
                speaker_text=previous.speaker_text, speaker_id=previous.speaker_id, cue=previous.cue
            )
    return None


# A paragraph announcing the document the next paragraph quotes.
_ISSUED: Final = re.compile(
    r"\b(?:has|have|had)?\s*(?:issued|released|posted|published|sent)\s+(?:out\s+)?"
    r"(?:an?|the|its|their)"
    r"\s+(?:[\w-]+\s+)?(?:update|statement|release|message|letter|notice)\b"
)


def _introduced_before(speakers: Speakers, text: str, para_start: int) -> Attribution | None:
    """The speaker a paragraph names at its end for the quote paragraph that follows it:
    'Putin said:' (a colon intro) or '"…," SEACOM said in a statement.' (the same voice goes on)."""
    if para_start < 2:
        return None
    prev_start, prev_end = speakers.paragraph(para_start - 3)
    paragraph = text[prev_start:prev_end].rstrip()
    if paragraph.endswith(":"):
        found, _ = speakers.before_frame(prev_start + len(paragraph), prev_start)
        if found is None or found.speaker_text is None:
            # '… experts in the papers tomorrow, such as the prophetic Dr Azm Al Homoud:' then
            # the quote paragraph: the person the introduction ends on speaks.
            colon = prev_start + len(paragraph) - 1
            named = [
                m
                for m in speakers.index.within(max(prev_start, colon - 80), colon)
                if m.type == "PERSON" and not text[m.span[1] : colon].strip()
            ]
            if named:
                return Attribution(
                    speaker_text=named[-1].text, speaker_id=named[-1].entity_id, cue="introduced"
                )
        if found is None or found.speaker_text is None:
            # 'General Manager A.J. Smith issued the following statement on Jackson's arrest:'
            found = _issuer(speakers, paragraph, prev_start) or found
        return found
    issuer = _issuer(speakers, paragraph, prev_start)
    if issuer is not None:
        return issuer
    closing = max(paragraph.rfind(mark) for mark in ('"', "”", "’"))
    if closing > 0 and len(paragraph) - closing < 120:
        return speakers.after_frame(prev_start + closing + 1, prev_start + len(paragraph))
    if closing < 0:
        # 'Two deaths so close together was unusual, Insp Gaskin said.' or 'Mr Gaskin urged
        # people not to go unprepared.' then a quote paragraph naming no one: the person who
        # speaks in the paragraph before goes on (only a named person, never a guess).
        found = _last_sentence_speaker(speakers, prev_start, prev_start + len(paragraph))
        if found is not None and found.speaker_id is None and found.speaker_text:
            # 'The director denied reports that …' then the quote: the person the article
            # gave that role ("Hunger Games director Gary Ross"), when it did.
            holder = speakers.role_holder(found.speaker_text, prev_start)
            if holder is not None:
                found = Attribution(
                    speaker_text=holder.text, speaker_id=holder.entity_id, cue=found.cue
                )
        if found is not None and found.speaker_id is not None:
            return found
        # 'Mr. Pigeon also commended police for their handling of the situation.' then the
        # quote paragraph: a named person who praised, blamed or thanked goes on speaking.
        begin = sentence_starts(text, prev_start, prev_start + len(paragraph))[-1]
        return _speaking_person(speakers, begin, prev_start + len(paragraph))
    return None


# A paragraph opened by a pronoun subject and its verb ("He would not specify how many …").
_PRONOUN_OPENING: Final = re.compile(r"(?:He|She)[ \t]+(?:[a-z]+[ \t]+){0,2}?[a-z]+")


def _subject_goes_on(
    speakers: Speakers, para_start: int, previous: QuoteMention | None
) -> Attribution | None:
    """The previous quote's speaker for a quote paragraph naming no one, when the paragraph
    before it is about that speaker: its opening "He"/"She" means them and it quotes nothing
    ('"…," he said.' / 'Kroon said he was not at the church …' / 'He would not specify how
    many people were in the building …' / '"They were all adults …"')."""
    if previous is None or previous.speaker_id is None or para_start < 2:
        return None
    text = speakers.text
    prev_start, prev_end = speakers.paragraph(para_start - 3)
    paragraph = text[prev_start:prev_end]
    if prev_start < previous.span[1] or any(c in paragraph for c in '"“”`'):
        return None
    if text.count("\n\n", previous.span[1], para_start) > speakers.config.pronoun_paragraphs:
        return None
    opening = _PRONOUN_OPENING.match(text, prev_start)
    if opening is None:
        return None
    pronoun = text[prev_start : prev_start + 3].strip().lower()
    if speakers.resolve_pronoun(pronoun, prev_start) != previous.speaker_id:
        return None
    return Attribution(
        speaker_text=previous.speaker_text, speaker_id=previous.speaker_id, cue=previous.cue
    )


# Verbs of speech acts that report no words themselves but whose subject speaks the quote that
# follows them ("Obama lauded Dr. Collins' experience …" / "Dr. Collins is one of the top …").
_SPEECH_ACTS: Final = wordlist(
    """commended lauded praised criticized criticised blasted slammed thanked welcomed
    condemned denounced defended questioned dismissed rejected applauded hailed accused"""
)


def _speaking_person(speakers: Speakers, start: int, end: int) -> Attribution | None:
    """The first named person right before a speech verb or a speech act in text[start:end]
    (adverbs such as "also" between), when that sentence holds no quote of its own."""
    text = speakers.text
    if any(c in text[start:end] for c in '"“”`') or "''" in text[start:end]:
        return None
    for m in speakers.index.within(start, end):
        verb = _VERB_AFTER.match(text, m.span[1])
        spoken = verb.group(1).lower() if verb else ""
        if m.type == "PERSON" and (spoken in SPEECH_VERBS or spoken in _SPEECH_ACTS):
            return Attribution(speaker_text=m.text, speaker_id=m.entity_id, cue=spoken)
        if m.type == "PERSON" and _GAVE_STATEMENT.match(text, m.span[1]):
            # "Bolger's lawyer, Jeremy Robinson, had a more succinct statement after the
            # ruling." then the quote: the statement is the quote, his.
            return Attribution(speaker_text=m.text, speaker_id=m.entity_id, cue="statement")
    return None


_GAVE_STATEMENT: Final = re.compile(
    r",?[ \t]+(?:had|gave|issued|released|made|offered)[ \t]+(?:a|an|the)[ \t]+"
    r"(?:[a-z]+[ \t]+){0,2}(?:statement|response|comment|reply)\b"
)


def _reported_before(speakers: Speakers, para_start: int, start: int) -> Attribution | None:
    """The person who reports the sentence before a quote that is a sentence of its own in the
    same paragraph ('… -- Mr. Price said future restructuring would be a question of strategy.
    "We don't need the cash."'): a named person right before a speech verb in that sentence,
    which holds no quote of its own."""
    text = speakers.text
    mark = start - 1
    while mark > para_start and text[mark - 1] in '`"“‘':
        mark -= 1
    sentence = sentence_starts(text, para_start, mark)[-1]
    if sentence <= para_start or text[sentence:mark].strip():
        return None
    end = len(text[:sentence].rstrip())
    before = sentence_starts(text, para_start, end - 1)[-1]
    found = _speaking_person(speakers, before, end)
    if found is not None or any(c in text[before:end] for c in '"“”`'):
        return found
    # 'The first two weren't loud, she said. "The third was very loud."': the sentence before
    # ends on its speaker's frame, and the quote goes on with that speaker's words.
    trailing = _TRAILING_FRAME.search(text, before, end)
    if trailing is not None:
        found = speakers.subject(trailing.start(1), trailing.end(1), prefer_last=True, cue="said")
        return found if found.speaker_text is not None else None
    return _acting_speaker(speakers, before, end)


def _acting_speaker(speakers: Speakers, start: int, end: int) -> Attribution | None:
    """The one person a sentence is about, right before a frameless quote in its paragraph:
    the subject who opens it ('Hadvar hacks the wolf down, then turns to me. "I'm glad …"'),
    or a name whose apposition speaks ('… was provided by Podsiad, a plainclothes detective
    who said he knows Bennett …. "I've been in his presence …"'). None when the sentence
    names anyone else."""
    text = speakers.text
    persons = [m for m in speakers.index.within(start, end) if m.type == "PERSON"]
    if not persons or persons[0].entity_id is None or possessed(text, persons[0].span[1]):
        return None  # "Hadvar's uncle reaches for …": the uncle, not Hadvar
    person = persons[0]
    # the people after "who said" are in the clause it reports, not speaking
    if _WHO_SAID.match(text, person.span[1], end) is None:
        opens = not text[start : person.span[0]].strip(' "“‘')
        if len({m.entity_id for m in persons}) != 1 or not opens:
            return None
        if not _ACTS.match(text, person.span[1], end):
            return None
    return Attribution(speaker_text=person.text, speaker_id=person.entity_id, cue="before")


# ", a plainclothes detective who said": an apposition whose relative clause speaks.
_WHO_SAID: Final = re.compile(
    r",[ \t]+(?:a|an|the)[ \t]+[^,.;:\"“”]{1,60}?[ \t]+who[ \t]+(?:also[ \t]+)?"
    r"(?:said|says|told|testified|explained)\b"
)
# A present- or past-tense verb right after the opening name ("Hadvar hacks", "Smith turned"),
# not a copula or auxiliary: the person acts in the sentence.
_ACTS: Final = re.compile(r"[ \t]+(?:then[ \t]+)?(?!(?:is|was|has|had|are|were)\b)[a-z]+(?:s|ed)\b")


_TRAILING_FRAME: Final = re.compile(
    r",[ \t]+([^,\n]{2,60}?)[ \t]+(?:said|says|added|explained|recalled)[ \t]*\.?[ \t]*$"
)


# The verb right after a name ("Mr. Price said", "Howard also said", "Mr. Ruano last week
# said", "Smith on Monday said"), or after the comma closing an apposition ("Robinson's mother,
# Celeste Fulcher, said").
_VERB_AFTER: Final = re.compile(
    r",?[ \t]+(?:(?:also|later|then|again|yesterday|today|(?:last|this|on)[ \t]+[A-Za-z]+)[ \t]+)?"
    r"([a-z]+)\b"
)


def _issuer(speakers: Speakers, paragraph: str, prev_start: int) -> Attribution | None:
    """The named issuer of an update or statement the paragraph announces ("MWEB operations has
    issued an update regarding the downtime.") for the quote paragraph after it: the subject
    of the issuing verb, when the sentence names one."""
    issued = _ISSUED.search(paragraph)
    if issued is None:
        return None
    # the sentence of the verb ("A.J. Smith" holds a full stop that ends no sentence)
    begin = sentence_starts(speakers.text, prev_start, prev_start + issued.start())[-1]
    found = speakers.subject(begin, prev_start + issued.start(), prefer_last=False, cue="issued")
    return found if found.speaker_id is not None else None


def _last_sentence_speaker(speakers: Speakers, start: int, end: int) -> Attribution | None:
    """The person who speaks in the last sentence of text[start:end]: its subject before a
    speech verb, or the name after a trailing ', X said'."""
    begin = sentence_starts(speakers.text, start, end)[-1]
    sentence = speakers.text[begin:end].rstrip(" .")
    trailing = re.search(r",\s+([^,]{2,60}?)\s+(?:said|says|added)$", sentence)
    if trailing:
        return speakers.subject(
            begin + trailing.start(1), begin + trailing.end(1), prefer_last=True, cue="said"
        )
    found, _ = speakers.before_frame(begin + len(sentence), begin)
    return found
