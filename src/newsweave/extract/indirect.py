"""Indirect speech: reported clauses and who reports them.

Three shapes, each giving the span of the reported clause (never the attribution):
- "Putin said (that) <clause>", "Putin expressed confidence that <clause>", "told jurors he …";
- "<clause>, police said on Saturday." / "<clause>, said Lt. Gregg Hastings." / "…, it said,
  adding that <clause>";
- "According to X, <clause>."
A clause already quoted directly is left to the direct quote; a subject that names nobody
("after news media announced …") gives no indirect quote. A reported clause never loses the
negation or hedge of its frame: "said police do not believe he was …" and "said there was no
indication that …" report the whole complement; a negated frame ("would not say whether",
"declined to confirm") or a rejecting verb ("denied that") reports nothing.
"""

from __future__ import annotations

import itertools
import re
from typing import Final

from newsweave.extract.aliases import wordlist
from newsweave.extract.speakers import (
    _PERSON_ROLES,
    PRONOUNS,
    SPEECH_VERBS,
    Attribution,
    SpanIndex,
    Speakers,
    after_dateline,
    sentence_limit,
    sentence_starts,
)
from newsweave.extract.speakers.text import title_words
from newsweave.model import Span


def find_indirect(
    text: str, speakers: Speakers, direct_spans: list[Span]
) -> list[tuple[Span, Attribution]]:
    """(span of the reported clause, who reports it) for the indirect speech of `text`."""
    quoted = SpanIndex(direct_spans)
    found = _that_clauses(text, speakers, quoted)
    taken = SpanIndex([span for span, _ in found])
    found += _reported_sentences(text, speakers, quoted, taken)
    return found


_CLAUSE_VERBS = (
    r"said|says|say|told|tells|added|noted|stressed|warned|claimed|claims|claiming|"
    r"argued|insisted|announced|stated|explained|acknowledged|admitted|confirmed|denied|hoped|"
    r"revealed|testified|expressed\s+(?:confidence|hope|concern|regret|belief|doubt)|assured|"
    r"predicted|believes|believed|underlined|emphasi[sz]ed|maintained|reiterated|promised|"
    # reporting verbs of writing and of formal notice ("wrote that", "notified the panel that")
    r"wrote|writes|tweeted|asserted|contended|disclosed|notified|informed"
)
# Verbs whose bare complement is a clause ("said the talks …"); others take objects ("denied
# the allegations", "confirmed the report") and need "that" or a pronoun subject. Not
# "thought": "The 13-year-old thought the gun was not loaded" is a belief the writer reports.
_BARE_CLAUSE_VERBS = (
    r"said|says|say|added|believes|believed|hoped|thinks|argued|insisted|claimed|warned"
)
# What one says that is no statement: a prayer, grace, Mass, goodbye ("Hughes said a prayer
# before giving it to the family", GVC; "said a silent prayer for the victims"). The word must
# end its noun phrase, so "said the mass shooting …" stays a clause.
_SAID_RITE = (
    r"(?:(?:a|an|the|his|her|their|our|its|one|two|some|several)\s+)?(?:[a-z]+\s+)?"
    r"(?:prayers?|grace|[Mm]ass(?:es)?|rosar(?:y|ies)|goodbyes?|good-byes?|farewells?|"
    r"blessings?|vows|amen)"
    r"(?=\s*(?:[.,;:!?\n]|$)|\s+(?:for|before|after|at|over|with|in|on|to|and|as|while|"
    r"during|together|aloud|quietly)\b)"
)
_INDIRECT = re.compile(
    rf"\b(?:(?P<verb>{_CLAUSE_VERBS})(?!\s+{_SAID_RITE})"
    r"(?:(?P<gap>(?:\s+[\w.,’']+){0,7}?)\s+that\s+"
    # without "that": a pronoun may follow a short object or time ("told jurors in Albany County
    # Court he …", "said on Saturday they …")
    # (no word of a new clause in it: "said McMillian was talking … when she was killed" is
    # the bare clause below, not a gap before "she")
    # (nor a conjunction of time or manner: "Hansbrough said as he stood alone at midcourt",
    # "LaRue said in a statement after he admitted the charges" report no clause, ECB+ 31, 28)
    r"|(?P<gap2>(?:\s+(?!(?i:who|which|said|says|and|but|because|if|when|while|as|after"
    r"|before|since|until|once|whenever|though|although)\b)[\w.’']+)"
    r"{0,6}?)\s+(?=(?:he|she|they|it|we|I)\s))"
    rf"|(?P<bare>{_BARE_CLAUSE_VERBS})"
    rf"(?!\s+{_SAID_RITE})"
    r"\s+(?=(?:the|a|an|his|her|its|our|their|this|these|those|there|some"
    # a capitalised word, or a name with an inner capital ("McMillian", "O’Toole", "DeShawn")
    r"|[A-Z][a-z]+|(?:Ma?c|O['’]|De|La|Di)[A-Z][a-z]{1,30})\s"
    # a bare plural subject and its auxiliary: "Jerman said investigators have interviewed …"
    r"|(?:[a-z]{3,20}s|police|people)\s+(?:have|had|were|are|will|would|could|did|do|can)\s))"
)
# The words between a verb and "that" must read as an adverbial or an object ("in his message",
# "on Nov. 9", "reporters"), not as a new clause ("… said the man who claimed that").
_GAP_STOP: Final = wordlist("who which said says and but because if when while")
# Nouns of attitude or belief whose own complement a "that" after them opens: "the rioting
# underlined skepticism that the government could …" reports no one's words.
_ATTITUDE_NOUNS: Final = wordlist(
    """skepticism scepticism doubt doubts fear fears concern concerns hope hopes belief beliefs
    confidence optimism pessimism suspicion suspicions speculation worry worries anxiety
    frustration anger expectation expectations assumption perception impression notion
    sense feeling feelings uncertainty conviction"""
)
_OWN_WORDS: Final = wordlist("his her their its our my your")
# Verbs whose clause is what the speaker rejects or doubts: no statement of theirs.
_REVERSING_VERBS: Final = frozenset(
    {"denied", "expressed doubt", "disputed", "rejected", "dismissed"}
)
# Verbs whose clause is a wish or a fear: the statement keeps the verb ("hoped that …").
_HEDGING_VERBS: Final = frozenset({"hoped", "expressed hope", "expressed concern"})
_QUESTION_WORDS: Final = wordlist("whether if")
# A reported clause opens with its subject, never with a verb ("… the shot that killed …").
_AUXILIARY_STARTS: Final = wordlist("is was were are has have had did does do be been being")
# An adverb between a speaker and its verb ("investigators now say", "police still believe").
_SAYING_ADVERB: Final = re.compile(
    r"[ \t]{1,5}(?:now|still|already|initially|originally|publicly|privately|repeatedly)[ \t]{0,5}$"
)
# Finite auxiliaries: a phrase holding one is a clause, never a speaker's name.
_FINITE: Final = wordlist(
    "had has have was were is are would will could should did does do can may might must"
)
_PRONOUN_LIKE: Final = wordlist("ted red fred ned")
# Words that make the gap between a verb and its clause a clause of its own ("police do not
# believe", "there was no indication", "it is possible"): a verb, a negation, a hedge.
_GAP_CLAUSE: Final = wordlist(
    """not no never nor neither nothing nobody none is was were are be been being do does did
    don't doesn't didn't isn't wasn't weren't aren't can't couldn't won't wouldn't there
    believe believes believed think thinks thought doubt doubts doubted suspect suspects
    suspected know knows knew possible possibly impossible unlikely likely unclear clear
    unknown may might could would should can will must indication evidence sign signs
    reason proof"""
)
# The time of saying right after the verb ("said Saturday night the incident …", "said on
# Tuesday there was …", "said late Friday"): when the statement was made, no part of it.
_TIME_OF_SAYING = re.compile(
    r"(?:(?:(?:on|late|early)[ \t]+)?"
    r"(?:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day|yesterday|today|tonight)"
    r"(?:[ \t]+(?:morning|afternoon|evening|night))?"
    r"|(?:on[ \t]+)?(?:Jan|Feb|Aug|Sept?|Oct|Nov|Dec)\.[ \t]+\d{1,2}"
    r"|(?:last|this|earlier[ \t]+this)[ \t]+(?:week|month|year|night|morning|afternoon|evening)"
    r"|earlier)"
    # not the start of a possessive ("Tuesday morning’s testimony" is the clause's subject)
    r"(?![ \t]+(?:morning|afternoon|evening|night)['’])"
    r",?[ \t]+"
)
# Words a reported clause cannot open with once the time of saying is skipped ("said Friday
# about the teen …", "said Tuesday in a statement"): a phrase of the frame, no clause.
_NOT_CLAUSE_STARTS: Final = wordlist(
    "about to of in on at for with from after before during by into through over as"
)
# Past forms of common verbs: a gap "Seals gave" between the verb and "that" holds the clause's
# own subject and verb ("says Seals gave that gun to …"), so "that" there is a determiner.
_PAST_VERBS: Final = wordlist(
    """gave took had got made sold brought left put kept saw found knew went came ran held
    shot hit bought sent lost paid stole threw drove fired struck told did was were"""
)
_GAP_PREPOSITIONS: Final = wordlist("in on at to for by with from of during after before as")
# Words before a verb that negate the frame itself ("would not say", "declined to confirm").
_NEGATED_FRAME = re.compile(
    r"(?:\b(?:not|never|nobody|no\s+one|neither|nor)|n['’]t|\b(?:declined|refused|failed)\s+to)"
    r"\s*(?:\w+\s+){0,1}$",
    re.IGNORECASE,
)
# A clause that reaches a quote mid-phrase ("went to West Hill on May 29 to", "used by", "the
# reason being,") goes on in the quote: it is not cut there.
_RUN_ON_ENDS: Final = wordlist(
    """to by of in on at for from with as and or but the a an his her their its that than
    into about being was were is are be had has have would will could should can may might
    must"""
)


def _is_verb(word: str) -> bool:
    return word[:1].islower() and word.strip(".,") in SPEECH_VERBS


def _clause_word(word: str) -> bool:
    return word.replace("’", "'") in _GAP_CLAUSE or word.endswith("n't")


def _skip_time_of_saying(text: str, pos: int) -> int:
    """Where the reported clause begins once a time of saying at `pos` is skipped."""
    time = _TIME_OF_SAYING.match(text, pos)
    return time.end() if time is not None else pos


def _gap_has_clause(gap_words: list[str], original: list[str]) -> bool:
    """True when the words between the verb and "that" open a clause of their own, a subject
    then a past verb ("says Seals gave that gun …", "said the man sold that car …"): "that" is
    a determiner inside the reported clause, which starts at the gap."""
    for i, word in enumerate(gap_words[:5]):
        if word in _GAP_PREPOSITIONS:
            return False  # "in a statement released Tuesday that …": an adverbial
        verb_like = word in _PAST_VERBS or (word.endswith("ed") and len(word) > 4)
        # gap_words are lower-cased: a capitalised word ("The Associated Press") is no verb
        if i > 0 and verb_like and original[i][:1].islower():
            return True
    return False


def _negated(before: str) -> bool:
    """True when the words right before a verb negate it ("did not say", "won't confirm")."""
    return bool(_NEGATED_FRAME.search(before))


def _runs_on(piece: str) -> bool:
    stripped = piece.rstrip()
    words = stripped.split()
    return bool(words) and (stripped.endswith((",", "—", "-")) or words[-1].lower() in _RUN_ON_ENDS)


def _that_clauses(
    text: str, speakers: Speakers, quoted: SpanIndex
) -> list[tuple[Span, Attribution]]:
    """'X said (that) <clause>', 'X expressed confidence that <clause>'."""
    out: list[tuple[Span, Attribution]] = []
    taken = SpanIndex()
    for match in _INDIRECT.finditer(text):
        verb_group = "verb" if match.group("verb") else "bare"
        verb_start = match.start(verb_group)
        if speakers.inside_quote(verb_start):
            continue
        gap = (match.group("gap") or match.group("gap2") or "").split()
        if any(w.lower().strip(",") in _GAP_STOP for w in gap):
            continue
        if (
            match.group("gap")
            and gap[-1].lower().strip(",") in _ATTITUDE_NOUNS
            and not _OWN_WORDS & {w.lower() for w in gap}
        ):
            # "the rioting underlined skepticism that …", "raised fears that …": the clause is
            # the noun's, no one's words ("stressed her belief that …" states her own).
            continue
        if verb_group == "bare" and _verb_first_attribution(text, verb_start):
            continue  # "<clause>, said Alfredo Perez, a spokesman …": the name speaks
        verb = " ".join(match.group(verb_group).split()).lower()
        if verb in _REVERSING_VERBS or _negated(text[max(0, verb_start - 40) : verb_start]):
            continue  # "denied that X", "would not say whether X": X is not what they said
        clause_start = match.end()
        gap_words = [w.lower().strip(",") for w in gap]
        if any(w in _QUESTION_WORDS for w in gap_words):
            continue  # "said whether he …": a question, not a statement
        subject_gap = bool(
            match.group("gap2")
            and gap_words
            and gap_words[0] in _DETERMINERS
            and not verb.startswith(("told", "tell"))
        )
        if subject_gap and not re.fullmatch(_BARE_CLAUSE_VERBS, verb):
            continue
        gap_clause = bool(match.group("gap")) and _gap_has_clause(gap_words, gap)
        if subject_gap or gap_clause or (gap and any(_clause_word(w) for w in gap_words)):
            # "said the gun he used was …": the gap is the clause's own subject.
            # "said police do not believe he was …", "said there was no indication that …":
            # the words before the inner clause carry its negation or hedge, so the statement
            # is the whole complement of the verb.
            clause_start = match.start("gap" if match.group("gap") else "gap2")
            clause_start += len(text[clause_start:]) - len(text[clause_start:].lstrip())
        elif verb in _HEDGING_VERBS:
            clause_start = verb_start  # "hoped that X" is a hope, not the statement X
        verb_kept = clause_start == verb_start
        timed = not verb_kept and _skip_time_of_saying(text, clause_start) > clause_start
        if timed:
            # "said Saturday night the incident does not …": the clause starts after the time
            clause_start = _skip_time_of_saying(text, clause_start)
        first = text[clause_start:].split(" ", 1)[0].lower()
        if timed and first in _NOT_CLAUSE_STARTS:
            # "said Friday about the teen known as …": no reported clause ("said that in light
            # of this incident, …" is one: the phrase opens the clause, no time before it)
            continue
        if not verb_kept and (
            first in _AUXILIARY_STARTS or (first.endswith("ed") and first not in _PRONOUN_LIKE)
        ):
            continue  # "believed to have fired the shot that killed …": a relative clause
        sentence_end = sentence_limit(text, clause_start)
        clause_end = _clause_end(text, clause_start, sentence_end)
        # The reported clause stops where a quote of its own words begins; what is left must
        # still be a clause, not only its subject ('that the Russian president, 68, "wished …"').
        s = quoted.first_start_within(clause_start, clause_end)
        head = text[clause_start : s - 1] if s is not None else ""
        runs_on = len(head.split()) > 5 and _runs_on(head)
        inner = quoted.starting_at(s) if s is not None else None
        if (
            inner is not None
            and len(text[inner[0] : inner[1]].split()) <= 3
            and re.match(r"[\"”’'`]*,?[ \t]+[a-z]", text[inner[1] :])
            and quoted.first_start_within(inner[1], clause_end) is None
        ):
            # 'he would "certainly concede" to Joe Biden if …': a fragment of two or three
            # words inside the clause, which runs on past it; the clause keeps it.
            runs_on = True
        if runs_on and s is not None and not text[s : s + 1].islower():
            continue  # "the reason being, "It's hot …"": the statement is the quote's own
        if s is not None and not runs_on:
            clause_end = s - 1 if len(head.split()) > 5 else clause_start
        # else 'went to West Hill on May 29 to "put in some work"': a quoted fragment finishes
        # the clause, which keeps it (cut before it, the clause would end mid-phrase).
        clause_end = _clause_end(text, clause_start, clause_end)
        if clause_end - clause_start < 15:
            continue
        if not runs_on and quoted.overlaps(clause_start, clause_end):
            continue  # the reported words are quoted: the direct quote covers them
        if taken.overlaps(clause_start, clause_end):
            continue
        para_start, _ = speakers.paragraph(verb_start)
        para_start = max(para_start, verb_start - speakers.config.frame_chars)
        begin = max(sentence_starts(text, para_start, verb_start)[-1], para_start)
        semicolon = text.rfind(";", begin, verb_start)
        if semicolon >= 0:
            begin = semicolon + 1  # "…; prosecutors argued he was feigning": its own subject
            begin += len(text[begin:verb_start]) - len(text[begin:verb_start].lstrip())
        before = text[begin:verb_start]
        subject_end = verb_start
        own_clause = before.rsplit(",", 1)[-1]
        if _QUESTION_WORDS & {w.lower() for w in re.findall(r"[\w’']+", own_clause)}:
            continue  # "It was not clear whether Evans is believed to …": a question
        age = re.search(r",\s*\d{1,3}\s*,\s*$", before)  # "Armstead, 32, testified"
        if age:
            before = before[: age.start()]
        member = _INCLUDING.search(before)
        if member is not None and 0 < len(before[: member.start()].split()) <= 4:
            # "Relatives, including a brother who was a Roman Catholic priest, insisted …",
            # "Relatives-even including his brother, a priest-insisted …": the group speaks,
            # not the member the aside names.
            before = before[: member.start()]
            subject_end = begin + member.start()
        words = re.findall(r"[\w’'\-\.]+|,", before)
        if not words:
            continue
        commas = [i for i, w in enumerate(words) if w == ","]
        if words[-1] == ",":
            # "Jonathan Wright, a director at Interoute, said that …": the appositive names
            # the subject that opens the sentence.
            if len(commas) < 2 or commas[0] > 5:
                continue
            cut = -1
            subject = words[: commas[0]]
            aside = begin + _nth_offset(before, words, commas[0])
            if not speakers.index.within(aside, verb_start):
                # "The union, at loggerheads … over issues big and small, said": the subject
                # ends at the first comma when the aside after it names no one ("Another
                # official, Ghasem Karami, said" keeps the name).
                subject_end = aside
        else:
            cut = commas[-1] if commas else -1
            subject = words[cut + 1 :]
        whole = subject
        lead = 0
        for i, word in enumerate(subject[:-1]):
            if word.lower() in _SUBORDINATORS:
                # "Evans was arrested in 2014 after police said he …": the verb's subject is
                # the subordinate clause's ("police"), not the main clause's.
                lead = i + 1
        while lead < len(subject) - 1 and subject[lead].lower() in {"but", "and", "yet", "so"}:
            lead += 1  # "…, but the news release added that …": the conjunction is no subject
        subject = subject[lead:]
        if not subject or len(subject) > 8:
            continue
        clause_from = begin + _nth_offset(before, words, cut + 1 + lead)
        adverb = _SAYING_ADVERB.search(text, clause_from, subject_end)
        if adverb is not None and len(subject) > 1:
            # "but investigators now say the plants …": the adverb is no part of the speaker
            subject_end = adverb.start()
            subject = subject[:-1]
        attribution = speakers.subject(
            clause_from,
            subject_end,
            prefer_last=False,
            cue=" ".join(match.group(verb_group).split()),
        )
        named = subject[-1][:1].isupper() and subject[-1].lower() not in PRONOUNS
        described = subject[0].lower() in _DETERMINERS and len(subject) <= 6
        # "She said …" after "According to a relative, …": a pronoun resolved to a described
        # source names a speaker too.
        resolved = (attribution.speaker_text or "").lower() not in PRONOUNS | {""}
        if subject[-1].lower() in PRONOUNS:
            named = named or resolved
        # "Police arrested a man after they say he …": the pronoun of the subordinate clause
        # stands for the main clause's speaker noun.
        noun = _speaker_noun(subject) or (subject[-1].lower() in PRONOUNS and _speaker_noun(whole))
        if attribution.speaker_id is None and not (noun or named or described):
            continue  # "after news media announced Biden has won": no speaker named
        span = (clause_start, clause_end)
        taken.add(span)
        out.append((span, attribution))
    return out


_REPORTING = (
    r"said|says|told\s+[\w.]+(?:\s+[A-Z][\w.]+)*|added|reported|announced|confirmed|stated|"
    r"explained|noted|warned|insisted|claimed|reports"
)
# "<clause>, police said on Saturday." / "<clause>, it said, adding that <clause>."
_TRAILING = re.compile(
    rf",\s+(?P<subj>[^,\"“”]{{1,70}}?)\s+(?P<verb>{_REPORTING})(?P<tail>(?:\s+[^,\"“”]{{0,50}})?)"
    r"(?:,\s+adding\s+that\s+(?P<added>.+)|,\s+(?:in|as|after|while|with|\w+ing)\b[^\"“”]*)?$"
)
# "<clause>, said Lt. Gregg Hastings of the Oregon State Police."
_TRAILING_VERB_FIRST = re.compile(
    r",\s+(?P<verb>said|says|added)\s+(?P<subj>[^,\"“”]{1,80})"
    # an appositive: "…, a spokesman for …", or a short title without article ("…, said Lt. Joe
    # Heffernan, department spokesman.")
    r"(?:,\s+(?:who|a|an|the)\b[^\"“”]*|,\s+[a-z][\w'’.-]*(?:\s+[\w'’.-]+){0,4})?$"
)
_ACCORDING = re.compile(r"^[Aa]ccording to\s+(?P<subj>[^,]{1,80}),\s+")


_SUBORDINATORS: Final = wordlist("after before when while because since until although though once")
_INCLUDING = re.compile(r"(?:,|[–—-])\s*(?:even\s+|among\s+them\s+)?including\b")


def _verb_first_attribution(text: str, verb_start: int) -> bool:
    """True when the verb at `verb_start` follows a comma and a name follows it up to the end
    of the sentence or an appositive (", said Alfredo Perez, a spokesman for …."): the clause
    before the comma is what was said, not the words after the verb ("said Interoute would …"
    reports a clause)."""
    before = text[:verb_start].rstrip()
    closing_mark = before.endswith(('"', "”", "’", "'")) and before.rstrip("\"”’'").endswith(
        (",", "!", "?")
    )
    if not before.endswith(",") and not closing_mark:
        return False
    if closing_mark or _NAME_AFTER_VERB.match(text, verb_start):
        # '"…," said Lois Scholz, a friend of LuAnn's.' / '…, said Mark Rockwell, California
        # state representative of …': the name after the verb speaks the words before it.
        named = _NAME_AFTER_VERB.match(text, verb_start)
        if named is not None:
            return True
    body = text[len(before) - 1 : sentence_limit(text, verb_start)].rstrip(".!? \n")
    match = _TRAILING_VERB_FIRST.match(body)
    if match is None:
        return False
    words = match.group("subj").split()
    return words[0][:1].isupper() and all(w[:1].isupper() or w in _NAME_JOINERS for w in words)


# "said Lois Scholz," / "said Lawrence yesterday." / "said Mark Rockwell, …": a verb, a run of
# capitalised words (a name, a title before it), then a stop, a comma or a time word.
_NAME_AFTER_VERB: Final = re.compile(
    r"(?:said|says|added)[ \t]+(?:[A-Z][\w.'’-]*[ \t]+){0,4}[A-Z][\w'’-]*\.?"
    r"(?=[,;.!?]|[ \t]*$|[ \t]+(?:yesterday|today|tonight|on|in|at|last|this|earlier|later)\b)"
)


# Small words inside a name or title ("Lt. Gregg Hastings of the Oregon State Police").
_NAME_JOINERS: Final = wordlist("of the for and at in de da van von")


def _reported_sentences(
    text: str, speakers: Speakers, quoted: SpanIndex, taken: SpanIndex
) -> list[tuple[Span, Attribution]]:
    """Indirect speech attributed at the end or start of its sentence, without "that":
    "<clause>, police said." / "<clause>, said X." / "According to X, <clause>."."""
    out: list[tuple[Span, Attribution]] = []
    for para in re.finditer(r"[^\n]+", text):
        bounds = [*sentence_starts(text, para.start(), para.end()), para.end()]
        for start, end in itertools.pairwise(bounds):
            sentence = text[start:end].rstrip()
            body = sentence.rstrip(".!? ")
            stop = start + len(body)
            if quoted.overlaps(start, stop) or taken.overlaps(start, stop):
                continue
            found = _reported_in(text, start, stop, speakers)
            if found is None:
                continue
            (clause_start, clause_end), attribution = found
            out.append(((clause_start, clause_end), attribution[0]))
            if attribution[1] is not None:
                out.append((attribution[1], attribution[0]))
    return out


def _reported_in(
    text: str, start: int, stop: int, speakers: Speakers
) -> tuple[Span, tuple[Attribution, Span | None]] | None:
    # "CHICAGO -- The grandson of …, police said.": the dateline is no part of what was said.
    start = after_dateline(text, start, stop)
    start += len(text[start:stop]) - len(text[start:stop].lstrip())
    body = text[start:stop]
    match = _ACCORDING.match(body)
    if match:
        attribution = speakers.subject(
            start + match.start("subj"),
            start + match.end("subj"),
            prefer_last=False,
            cue="according to",
        )
        clause_start = start + match.end()
        apposition = _APPOSITION.match(text, clause_start, stop)
        if (
            apposition is not None
            and _describes_role(apposition.group(1))
            and any(
                m.type == "PERSON"
                for m in speakers.index.within(
                    start + match.start("subj"), start + match.end("subj")
                )
            )
        ):
            # "According to Alan Mauldin, research director of … TeleGeography, the succession
            # …": the description of the person cited is the attribution's, not what they said.
            clause_start = apposition.end()
        clause = (clause_start, stop)
        return (clause, (attribution, None)) if _named(attribution, match.group("subj")) else None
    match = _TRAILING.search(body) or _TRAILING_VERB_FIRST.search(body)
    if match is None or "that" in (match.groupdict().get("tail") or "").split():
        return None
    tail = (match.groupdict().get("tail") or "").split()
    if tail and tail[0].lower() in _DETERMINERS:
        return None  # "…, Soares announced a gun buyback program": the verb has an object
    subject = match.group("subj")
    if _negated(subject + " "):
        return None  # "…, police have not said"
    if any(_is_verb(w) for w in subject.split()):
        return None  # "When asked …, he responded he said …": no subject of its own
    if len(subject.split()) > 8 or subject.split()[0].lower() in {"which", "who", "and", "but"}:
        return None
    first = subject.split()[0]
    if match.re is _TRAILING_VERB_FIRST and _FINITE & {w.lower() for w in subject.split()}:
        # "Nicole Lee, said Shauna had wanted out of her marriage, but Clarence didn't.": the
        # words after the verb are a clause it reports, not the name of who said it.
        return None
    if match.re is _TRAILING_VERB_FIRST and first.lower() in PRONOUNS:
        # "Snider, who attended King's news conference, said he backed King": the verb
        # reports the clause after it; the words before the comma are its subject.
        return None
    clause_end = start + match.start()
    if len(text[start:clause_end].split()) < 4:
        return None
    attribution = speakers.subject(
        start + match.start("subj"),
        start + match.end("subj"),
        prefer_last=match.re is _TRAILING
        or _titled_name(text, start + match.start("subj"), start + match.end("subj"), speakers),
        cue=" ".join(match.group("verb").split()),
    )
    if not _named(attribution, subject):
        return None
    added = match.groupdict().get("added")
    extra = (start + match.start("added"), stop) if added else None
    return (start, clause_end), (attribution, extra)


# A phrase set off by commas right after the name "according to" cites, then what was said.
_APPOSITION = re.compile(r"([^,;:\"“”()]{2,120}),\s+(?=\S+\s+\S+\s+\S)")
_APPOSITION_OPENERS: Final = wordlist("a an the")


def _describes_role(phrase: str) -> bool:
    """True when `phrase` describes a person by a role, a title or an organisation ("research
    director of communications analysis company TeleGeography", "a spokesman for the agency"):
    a role word in it, and no verb or clause word (not "the director resigned")."""
    words = phrase.split()
    if not 1 <= len(words) <= 14 or not _PERSON_ROLES & {w.lower() for w in words}:
        return False
    for i, word in enumerate(words):
        low = word.lower()
        if low in _FINITE or low in _GAP_STOP or low in {"that", "who", "whom", "whose"}:
            return False
        if _is_verb(word):
            return False
        if (
            low.endswith("ed")
            and word[:1].islower()
            and (i == 0 or words[i - 1].lower() not in _APPOSITION_OPENERS)
        ):
            return False  # "the director resigned"; "the retired general" describes
    return True


def _titled_name(text: str, start: int, end: int, speakers: Speakers) -> bool:
    """True when text[start:end], the words after a verb ("said Highway Patrol Officer Brad
    Baehr"), is capitalised title words ending in a person's name: that last name speaks, even
    where the model took a title word ("Highway") for a person too."""
    people = [m for m in speakers.index.within(start, end) if m.type == "PERSON"]
    if len(people) < 2 or people[-1].span[1] != start + len(text[start:end].rstrip(" .")):
        return False
    return title_words(text[start : people[-1].span[0]])


def _named(attribution: Attribution, subject: str) -> bool:
    """A speaker worth reporting: an entity, a name, a pronoun or a speaker noun."""
    words = subject.split()
    return bool(words) and (
        attribution.speaker_id is not None
        or _speaker_noun(words)
        or words[-1].lower() in PRONOUNS
        or words[-1][:1].isupper()
    )


def _nth_offset(before: str, words: list[str], n: int) -> int:
    pos = 0
    for i, word in enumerate(words):
        pos = before.find(word, pos)
        if i == n:
            return pos
        pos += len(word)
    return len(before)


# A dashed aside of the writer about the statement itself, closing the sentence: "-- a line
# whose meaning would soon come into play", "-- a claim that police disputed".
_WRITERS_COMMENT = re.compile(
    r"\s(?:--|[–—])\s+(?:a|an|the)\s+\w+(?:\s+\w+)?\s+(?:whose|that|which)\s[^–—]*$"
)


# A semicolon, then a new subject and its own speech verb.
_OTHER_VOICE = re.compile(rf";\s+(?:[\w’'.-]+\s+){{1,4}}?(?:{_CLAUSE_VERBS})\b")


def _clause_end(text: str, start: int, end: int) -> int:
    """End of a reported clause: before a trailing ', according to …' and the final stop."""
    piece = text[start:end]
    match = re.search(
        r",\s+(?:according to|adding|saying|noting|stressing|he said|she said|they said|"
        r"(?:the\s+)?[A-Z][\w’'.\- ]{0,40} (?:said|says|reported|reports|told|added)|"
        # ", the report said", ", a police spokesman said": a described source closing it
        r"(?:the|a|an)\s+[a-z]+(?:\s+[a-z]+)?\s+(?:said|says|reported|reports|added))\b",
        piece,
    )
    if match:
        piece = piece[: match.start()]
    other = _OTHER_VOICE.search(piece)
    if other is not None:
        # "His attorneys argued that he was ill; prosecutors argued he was feigning": the
        # second voice's clause is its own statement, not more of the first one's.
        piece = piece[: other.start()]
    comment = _WRITERS_COMMENT.search(piece)
    if comment is not None:
        piece = piece[: comment.start()]  # "… all of them -- a line whose meaning would …"
    tail_at = max(0, len(piece) - 30)
    dash = re.search(r"\s(?:[–—]|--)\s", piece[tail_at:])
    if (
        dash is not None
        and tail_at + dash.start() > 0
        and len(piece[tail_at + dash.end() :].split()) <= 3
    ):
        # '… used a wheelchair in prison – he "claimed …"': the clause stopped at a quote that
        # goes on in a dashed aside; its first words are no part of the statement.
        piece = piece[: tail_at + dash.start()]
    piece = piece.rstrip(' .,;:!?\n"“‘')
    stop = start + len(piece)
    if piece.count("“") > piece.count("”") or piece.count('"') % 2:
        # 'does not appear to be an “intentional assault.”': the quoted words that close the
        # clause keep their closing mark, or the statement would end inside a quote.
        closing = _CLOSING_MARK.match(text, stop)
        if closing is not None:
            stop = closing.end()
    return stop


_CLOSING_MARK = re.compile(r"[.,!?]?[”\"]")


# Common nouns that name a speaker well enough without a name ("police said that ...").
_SPEAKER_NOUNS: Final = wordlist(
    """spokesman spokeswoman spokesperson spokespeople official officials police authorities
    officers witnesses prosecutors prosecutor lawyer lawyers attorney source sources
    statement agency ministry company government department experts analysts residents
    investigators representative representatives publicist informers informants defectors
    employees workers"""
)


# A subject opening with one of these describes a speaker ("The victim's nephew said she …",
# "some 62 percent of respondents said …"); prepositions ("after news media announced …") do not.
_DETERMINERS: Final = wordlist("the a an his her its their our some many most several")


def _speaker_noun(subject: list[str]) -> bool:
    return any(w.lower().strip(".,") in _SPEAKER_NOUNS for w in subject)
