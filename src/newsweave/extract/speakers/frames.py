"""Who is speaking: attribution frames around quotes, subjects, pronouns and statement authors.

News attributes speech in a handful of frames, which these rules read:
- after the quote: `"…," Putin said.` / `"…," said Putin.` / `"…," the statement reads.`
- before it: `Putin said: "…"` / `Peskov told reporters, "…"` / `Putin also "expressed …"`
- `According to X, "…"`; `Giving a direct quote from Putin …, the release concluded, "…"`
- pronouns (`he said`) resolved to the subject of the nearest preceding sentence that names a
  person, only when that is unambiguous;
- documents (`the statement`, `the release`) resolved to their author when the article names
  it (`a statement from the Kremlin`, `the Kremlin said in a statement`).
A speaker is an entity when the entity index covers the name; otherwise only `speaker_text` is
set. Nothing is guessed: an unresolved pronoun or document leaves the entity id None.
"""

from __future__ import annotations

import bisect
import itertools
import re
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import replace
from typing import Final

from newsweave.extract.aliases import wordlist
from newsweave.extract.speakers.config import SpeakerConfig
from newsweave.extract.speakers.mentions import (
    Attribution,
    MentionIndex,
    SpanIndex,
    _Mention,
    _pick,
)
from newsweave.extract.speakers.phrases import (
    _DESCRIBED_OPENING,
    _described_speaker,
    _gender_near,
    _given_name_gender,
    _leading_noun_phrase,
    _names_someone,
    _negates,
    _noun_phrase,
    _offers_words,
    _owned_phrase,
    _passive,
)
from newsweave.extract.speakers.text import (
    _is_verb,
    _words,
    after_dateline,
    possessed,
    sentence_limit,
    sentence_starts,
    title_words,
)
from newsweave.extract.speakers.words import (
    _ABBREVIATION,
    _APPOSITIVE_SPEAKS,
    _AS_PUT,
    _AUXILIARIES,
    _BARE_FORMS,
    _BETWEEN,
    _CAPTION,
    _CLAUSE_SUBJECT,
    _CLAUSE_WORDS,
    _COPULAS,
    _CREDIT_LINE,
    _DAY_ADVERBS,
    _FINAL_SAID,
    _GROUP_OF,
    _HEADING,
    _INDEFINITE,
    _INNER_SAID,
    _KIN_FORMS,
    _KIN_PHRASE,
    _NAME_OPENING,
    _NOT_NAMES,
    _OFFICIAL_ROLES,
    _OPENERS,
    _ORG_NOUNS,
    _ORG_SAID,
    _OWNED_FRAME,
    _PAGE_AFTER,
    _PERSON_ROLE_PHRASE,
    _PERSON_ROLES,
    _PERSONAL,
    _PHOTO_CAPTION,
    _POSSESSED_OPENING,
    _POSSESSED_PHRASE,
    _PREPOSITIONS,
    _PROGRESSIVE_AUXILIARIES,
    _RELATIVES,
    _ROLE_ABBREVIATIONS,
    _ROLE_PHRASE,
    _SENTENCE_OPENERS,
    _SOURCE_GROUP,
    _SOURCE_HEADS,
    _SUBORDINATORS,
    _THAT_TIMES,
    _TRAILING_SAID,
    DOCUMENT_WORDS,
    KIN_SEX,
    NAMING_VERBS,
    PRONOUNS,
    SPEECH_VERBS,
)
from newsweave.model import Span

# Between a person and a name inside the firm they are "of" ("Kurt Brouwer of Brouwer amp
# Janachowski"): "of" and up to four words of a firm's name, no comma.
_FIRM_AFTER_OF: Final = re.compile(r" of (?:the )?[A-Z][\w&.'-]{0,30}(?: [\w&.'-]{1,30}){0,3} ")

# A courtesy title right before a one-word name ("Mr. Weil"): the name is a person's.
_COURTESY_TITLE: Final = re.compile(r"\b(?:Mr|Mrs|Ms|Dr)\.?\s{1,2}$")

# Words after a naming verb that make it another verb ("called for", "called off police") and
# words that open another clause between a naming verb and a far quote.
_NAMING_PARTICLES: Final = wordlist("to for off on in up out back into upon")
_CLAUSE_BREAKS: Final = wordlist(
    """that which who whom whose when while after before because since if as where although
    though but or until unless whether"""
)

# A role acting for someone, right before the person it acts for ("a representative for Mr.",
# "a spokeswoman for", "an attorney for the", "a lawyer representing").
_REPRESENTATIVE_OF: Final = re.compile(
    r"\b(?:representative|rep|spokes(?:man|woman|person)|publicist|agent|lawyer|attorney|"
    r"counsel|aide|adviser|advisor|manager)[ \t]+(?:for|of|representing)[ \t]+"
    r"(?:(?:the|Mr\.?|Mrs\.?|Ms\.?|Dr\.?)[ \t]+)?$",
    re.IGNORECASE,
)


def _described_subject(segment: list[tuple[str, int, int]]) -> bool:
    """True for a long description standing as the subject of the verb after a quote ('"…,"
    the 35-year-old store manager and father of two young sons said'): a determiner, then
    up to eleven more words with no verb, comma or clause word among them."""
    if len(segment) > 12 or segment[0][0].lower() not in {"the", "a", "an"}:
        return False
    clause = _APPOSITION_ENDS | _COPULAS | _AUXILIARIES | _SUBORDINATORS
    return not any(
        w in {",", ";", ":"} or w.lower() in clause or _is_verb(w) or re.fullmatch(r"[a-z]+ed", w)
        for w, _, _ in segment[1:]
    )


# A subject led by a pronoun and the people it owns: "he and his co-authors", "she and her team".
# A document about someone, right before that person's name: "a criminal complaint filed
# against", "the police report on", "court records about". Its issuer is not named there.
_DOCUMENT_ABOUT: Final = re.compile(
    r"\b(?P<doc>"
    + "|".join(sorted(DOCUMENT_WORDS | {w + "s" for w in DOCUMENT_WORDS} | {"record", "records"}))
    + r")\b(?:[ \t]+[a-z]{1,20}){0,2}?[ \t]+(?:against|about|on|into|regarding|concerning|"
    r"charging|accusing|naming)[ \t]+(?:(?:the|Mr\.?|Mrs\.?|Ms\.?|Dr\.?)[ \t]+)?$",
    re.IGNORECASE,
)

# Verbs of saying whose bare complement is a clause ("Schabes said the teens were …").
_CLAUSE_REPORTING: Final = frozenset(
    {"said", "says", "say", "added", "adds", "recalled", "recalls", "testified", "explained"}
)


def _reported_subject(
    subj_words: list[tuple[str, int, int]],
) -> list[tuple[str, int, int]]:
    """The words after the last reporting verb of `subj_words` (the words before a later
    speech verb): the subject of the clause it reports ("the teens" in "Schabes said the teens
    were"), without a "that"; empty when no reporting verb stands there."""
    at = max(
        (j for j, (w, _, _) in enumerate(subj_words) if w.lower() in _CLAUSE_REPORTING),
        default=-1,
    )
    if at < 0:
        return []
    inner = subj_words[at + 1 :]
    if inner and inner[0][0].lower() == "that":
        inner = inner[1:]
    return inner


# A person described with an age in apposition ("an older boy, 11"), and the sex of its head.
_AGED_PERSON: Final = re.compile(
    r"\b(?:an?|the)[ \t]+(?:[a-z-]+[ \t]+){0,2}?([a-z]+),[ \t]+\d{1,2}\b"
)
_AGED_HEADS: Final = {
    **dict.fromkeys(("boy", "man", "son", "brother"), "he"),
    **dict.fromkeys(("girl", "woman", "daughter", "sister"), "she"),
    **dict.fromkeys(("teen", "teenager", "child", "student", "juvenile"), ""),
}
# The words before a photographer's or a video's credit ("Photo: Mike Glenn, Chronicle").
_PHOTO_CREDIT: Final = re.compile(
    r"\b(?:Photos?|Photograph|Image|Video|Credit)(?:[ \t]+by)?:?[ \t]+$"
)
# A source cited for a clause ("…, according to a police report").
_ACCORDING_TO: Final = re.compile(r"\b[Aa]ccording[ \t]+to\b")
# A preposition of place and maybe "the" right before a name: a place, not an actor.
_PLACE_OBJECT: Final = re.compile(
    r"\b(?:at|in|into|on|near|outside|inside|to|from)[ \t]+(?:the[ \t]+)?$"
)
# Two people joined by "or" ("Maldonado or his cousin", "either the driver or Smith"): not one.
_EITHER_OR: Final = re.compile(r"^(?:[Ee]ither[ \t]+)?[^,;:]{1,60}?[ \t]or[ \t]+[^,;:]{1,60}$")

# The object form of "he"/"she" in a sentence: "him", and "her" not before a noun ("a sister
# to her than a cousin", "told her."); "herself"/"himself" are the subject again.
_OBJECT_PRONOUN: Final = {
    "he": re.compile(r"\bhim\b"),
    "she": re.compile(
        r"\bher(?=[ \t]*(?:[.,;:!?]|$)|[ \t]+(?:than|and|as|at|to|in|on|for|with|when|because|"
        r"after|before|that|if|about|from|into|up|out|back|again)\b)"
    ),
}

_LED_BY_PRONOUN: Final = re.compile(r"(?:^|\s)(he|she)\s+and\s+(?:his|her)\s+[a-z’'-]{1,30}$")

# Words owned by their speaker, right before the colon that introduces them: "His message:",
# "Rankin's statement to the House:", "her reply was simple:". Word lengths are bounded so that
# a search over a long run of one letter stays linear.
_OWNED_WORDS: Final = re.compile(
    r"(?:\b([A-Z][\w.-]{0,30}(?:[ \t]+[A-Z][\w.-]{0,30}){0,3})['’]s?|\b([Hh]is|[Hh]er))[ \t]+"
    r"(?:[a-z-]{1,30}[ \t]+){0,2}?(?:message|statement|words|response|reply|answer|advice|verdict|"
    r"explanation|warning|plea|reaction|comment|comments|thoughts|take|assessment|view)"
    r"(?:[ \t]+(?:to|for|on)[ \t]+[^:;.\n]{1,40}?|[ \t]+(?:was|is)[ \t]+[a-z]+)?[ \t]*:[ \t]*$"
)


# Verbs of perceiving someone speak ("heard the police yelling").
_PERCEIVING: Final = wordlist("heard hear hears saw see sees watched listened")
# The bare speech verbs a perceiving verb takes ('heard a cop yell, "What do you have …?"'):
# the one heard speaks, as with "yelling".
_HEARD_BARE: Final = wordlist("say yell shout scream cry whisper exclaim ask answer reply")


# Verbs of speech acts whose object, quoted right after them, is the subject's own words
# ("thanked "the Lord Jesus, …"", "apologized for "…"").
_OBJECT_ACTS: Final = wordlist(
    "thanked thanks praised apologized apologised apologizes apologises condemned condemns"
)


# Writings that speak in an article ("the paper states", "the study found") but hold no role.
_WRITINGS: Final = frozenset({"paper", "study", "article", "book", "survey", "analysis"})


# The apposition after a name: set off by a comma, or glued with an article ("Rudy Bandemer the
# boy's older half-brother"), ending at a comma or stop within eight words ("ABC's Deborah
# Roberts, the singer discussed everything …" is a new clause, not an apposition).
_APPOSITION: Final = re.compile(
    r"(?:,[ \t]+|[ \t]+(?=(?:the|a|an)[ \t]))((?:(?:the|a|an|his|her|their|its)[ \t]+)"
    r"(?:[\w'’-]+[ \t]+){0,6}[\w'’-]+)(?=[ \t]*(?:[,.;:!?)\n]|$))"
)
# Words that end an apposition: a clause about someone else begins ("a friend who asked the
# singer …").
_APPOSITION_ENDS: Final = frozenset({"who", "whom", "whose", "which", "that", "when", "where"})


# What may stand between an apposition's comma and the name it gives: nothing, or a role of
# one or two lower-case words ("Lamas' son, actor Lorenzo Lamas, tweeted"; "the aunt, fellow
# teacher Ann Lee, said"), never a conjunction, a clause word or a gerund ("Police, searching
# Ann Lee, said") that starts another phrase.
_ROLE_BEFORE_NAME: Final = re.compile(
    r"[ \t]*(?:(?!(?:and|or|but|with|who|whose|which|that|of|by|to|for|from|as|like|including)"
    r"\b|[a-z]+ing\b)[a-z][a-z-]+[ \t]+){0,2}"
)


# A naming verb right before a name inside a quote ("they used to call Deep Throat").
_GIVEN_NAME: Final = re.compile(r"\b(?:call|calls|called|dubbed|nicknamed|known as)[ \t]+$")


# A relative clause about a statement right before a pronoun ("… a statement in which she").
_IN_WHICH: Final = re.compile(r"\b(?:in|with) which[ \t]+$")
_IN_WHICH_AT: Final = re.compile(r"(?:in|with) which[ \t]+(?:he|she)\b")


# Finite naming verbs whose object a short quoted description follows ('called the shooting an
# "isolated and unprecedented" incident'); "named", "titled" and "known" give names.
_FINITE_NAMING: Final = wordlist("called calls termed terms labelled labeled labels dubbed dubs")


# "… their son, Michael", "their 17-year-old daughter": the couple named before it are parents.
_CHILD_OF_COUPLE: Final = re.compile(
    r"\btheir[ \t]+(?:(?:\d+-year-old|only|youngest|eldest|oldest|teenage|infant)[ \t]+)?"
    r"(?:son|daughter|child|boy|girl|baby)\b"
)


def _photo_caption(sentence: str) -> bool:
    """True for a caption's sentence (`_PHOTO_CAPTION`) whose place phrase holds no verb:
    no auxiliary, copula, speech verb or past form ("Smith, 45, in Chicago, was arrested" is
    no caption)."""
    found = _PHOTO_CAPTION.match(sentence)
    if found is None:
        return False
    words = re.findall(r"[a-z’']+", found.group(1))
    return not any(
        w in _COPULAS or w in _FINITE_AUX or w.endswith("ed") or _is_verb(w) for w in words
    )


_FINITE_AUX: Final = frozenset({"has", "had", "have", "will", "would", "can", "could", "did"})


class Speakers:
    """Attribution of quotes in one article."""

    def __init__(
        self,
        text: str,
        index: MentionIndex,
        quote_spans: Sequence[Span],
        config: SpeakerConfig | None = None,
    ) -> None:
        self.config = config or SpeakerConfig()
        self.text = text
        self.index = index
        self.quotes = SpanIndex(quote_spans)
        self._breaks = [m.start() for m in re.finditer("\n\n", text)]
        self._genders: dict[str, str] | None = None
        self._org_heads: set[str] | None = None
        # People named inside the quote being attributed: talked about, so not whom a
        # "he said" after it means ('"Tara was 100 percent professional," he told E! News').
        self.quoted_people: frozenset[str] = frozenset()

    def attributing(self, quote: Span) -> None:
        """Set the quote whose speaker the next calls look for."""
        self.quoted_people = frozenset(
            m.entity_id
            for m in self.index.within(quote[0], quote[1])
            if m.type == "PERSON"
            and m.entity_id is not None
            # '"I'm the guy they used to call Deep Throat," Felt told …': a name the quote
            # gives after a naming verb is a name given, not someone talked about
            and not _GIVEN_NAME.search(self.text, max(quote[0], m.span[0] - 24), m.span[0])
        )

    def namesake_before(self, surname: str, before: int) -> _Mention | None:
        """The nearest person named in full before `before` whose last name is `surname` and
        who is not named in the quote being attributed: '"…, like Fabriccio, …," said Patti'
        after "Martin Patti is now asking himself …" is the father, not the son addressed.

        Looks back at most `SpeakerConfig.namesake_chars` characters, so the work per quote
        stays bounded on untrusted text."""
        floor = max(0, before - self.config.namesake_chars)
        for mention in reversed(self.index.within(floor, before)):
            words = mention.text.split()
            if (
                mention.type == "PERSON"
                and len(words) >= 2
                and words[-1] == surname
                and mention.entity_id not in self.quoted_people
                and not self.inside_quote(mention.span[0])
            ):
                return mention
        return None

    def gender(self, entity_id: str) -> str | None:
        """'he' or 'she' when the article says which (a title, a kin or gendered word before
        the name or in apposition) or the person's given name does (a name far more common
        among one sex in the 1990 US census lists, `aliases.given_name_sex`: "Mark Roesler",
        "Billy Graham"); None when nothing tells or two signs disagree. A "she said" is never
        given to a person known as a man (ECB+ 4_ecb: Bettie Page's words went to her agent,
        to Hugh Hefner and to the Rev. Billy Graham, named before them with no title)."""
        if self._genders is None:
            seen: dict[str, set[str]] = defaultdict(set)
            for m in self.index.mentions:
                if m.type != "PERSON":
                    continue
                signs = {
                    _gender_near(self.text, m.span) if not self.inside_quote(m.span[0]) else None,
                    _given_name_gender(m.text),
                    _given_name_gender(self.index.names.get(m.entity_id, "")),
                }
                seen[m.entity_id] |= {sign for sign in signs if sign}
            self._genders = {k: next(iter(v)) for k, v in seen.items() if len(v) == 1}
        return self._genders.get(entity_id)

    def paragraph(self, pos: int) -> Span:
        """The paragraph (text between blank lines) holding `pos`, found in log time."""
        i = bisect.bisect_right(self._breaks, pos)
        start = self._breaks[i - 1] + 2 if i > 0 else 0
        j = bisect.bisect_left(self._breaks, pos)
        end = self._breaks[j] if j < len(self._breaks) else len(self.text)
        return min(start, pos), max(end, pos)

    def inside_quote(self, pos: int) -> bool:
        return self.quotes.contains(pos)

    # ---- subjects -------------------------------------------------------------------------

    def subject(self, start: int, end: int, *, prefer_last: bool, cue: str | None) -> Attribution:
        """The speaker named by the phrase text[start:end] (a subject or an object of 'by')."""
        start = after_dateline(self.text, start, end)
        # Two apostrophes are a double quote mark ("According to ''The Hollywood Reporter''"),
        # never part of a name.
        chunk = self.text[start:end].replace("''", " ").strip(' ,;:\n"“”‘’')
        # "The indictment also said": the adverb between subject and verb is no part of it.
        while len(chunk.split()) > 1 and chunk.split()[-1].lower() in _BETWEEN - {"was", "is"}:
            chunk = chunk[: chunk.rstrip().rfind(" ")].rstrip(" ,")
        if chunk.endswith(".") and not (
            _ABBREVIATION.search(chunk[:-1]) or chunk[:-1].endswith(("Inc", "Co", "Corp", "Ltd"))
        ):
            chunk = chunk[:-1]  # "said Mattix." ends the sentence, not the name
        mentions = [m for m in self.index.within(start, end) if not self.inside_quote(m.span[0])]
        chosen = _pick(mentions, last=prefer_last)
        if chosen is not None:
            chosen = self._person_of_firm(chosen, mentions)
        low = chunk.lower()
        words = re.findall(r"[\w’']+", low)
        about = (
            _DOCUMENT_ABOUT.search(self.text, start, chosen.span[0]) if chosen is not None else None
        )
        if about is not None and chosen is not None and about.end() == chosen.span[0]:
            # "According to a criminal complaint filed against Kennedy, …": the document is
            # the source; the person it is filed against or written about does not speak.
            shown = self.text[start : about.end("doc")].strip(' ,;:\n"“”‘’')
            return Attribution(speaker_text=shown, speaker_id=None, cue=cue)
        if chosen is not None and _EITHER_OR.search(chunk):
            # "Maldonado or his cousin shouted": one of two, no single speaker; the phrase is
            # kept as written.
            return Attribution(speaker_text=chunk, speaker_id=None, cue=cue)
        owned = (
            re.match(r"['’]s?\s+(?:\w+\s+)?([a-z]+)\b", self.text[chosen.span[1] : end])
            if chosen
            else None
        )
        if (
            chosen is not None
            and owned
            and owned.group(1) in DOCUMENT_WORDS
            and chosen.type != "GPE"
        ):
            # "Willoughby's letter continued", "Putin's statement said": the owner of a
            # document wrote it.
            return Attribution(speaker_text=chosen.text, speaker_id=chosen.entity_id, cue=cue)
        if (
            chosen is not None
            and chosen.type == "PERSON"
            and _REPRESENTATIVE_OF.search(self.text[start : chosen.span[0]])
        ):
            # "A representative for Mr. Jackman said": the representative speaks, unnamed; the
            # person they act for does not.
            return Attribution(speaker_text=chunk, speaker_id=None, cue=cue)
        if chosen is not None and re.match(r"['’]s?\s+[a-z]", self.text[chosen.span[1] : end]):
            # "The Bible Church's head minister", "Putin's spokesperson", "Andrews' grandmother":
            # the owner is not the speaker; the phrase is, unnamed.
            return Attribution(speaker_text=_noun_phrase(chunk) or chunk, speaker_id=None, cue=cue)
        if chosen is not None and self._name_as_modifier(chosen, end, mentions):
            # "Mafia informers and defectors said", "The prosecutor in the Costello case
            # claimed": the name modifies the noun that speaks; the description is kept.
            shown = chunk if len(chunk.split()) <= 6 else _noun_phrase(chunk) or chunk
            return Attribution(speaker_text=shown, speaker_id=None, cue=cue)
        if (
            chosen is not None
            and chosen.type == "PERSON"
            and self._group_of(start, chosen, mentions)
        ):
            # "Friends of Kathryn Jenkin, known as Katie, have described her as …": the
            # friends speak about the person their phrase names.
            shown = self.text[start : chosen.span[1]].strip(' ,;:\n"“”‘’')
            return Attribution(speaker_text=shown, speaker_id=None, cue=cue)
        if chosen is not None and not (words and words[-1] in DOCUMENT_WORDS):
            # "Bishop Henry Mansell of the Archdiocese of Buffalo said": the member speaks.
            chosen = self._member_of(chosen)
            return Attribution(speaker_text=chosen.text, speaker_id=chosen.entity_id, cue=cue)
        if words and words[-1] == "it":
            document = self.document_before(start)
            if document is not None:
                # "…, the statement from the Texas Department of Criminal Justice said. …, it
                # said.": the document's issuer speaks when the article names it.
                author = self.document_author(start)
                if author is not None:
                    return Attribution(
                        speaker_text=author.text, speaker_id=author.entity_id, cue=cue
                    )
                return Attribution(speaker_text=document, speaker_id=None, cue=cue)
        led = _LED_BY_PRONOUN.search(low)
        if led is not None:
            # "he and his co-authors predicted": the one the pronoun means leads them and speaks.
            resolved, described = self.resolve_pronoun_phrase(led.group(1), start)
            if resolved is not None:
                return Attribution(speaker_text=led.group(1), speaker_id=resolved, cue=cue)
        if words and words[-1] in PRONOUNS:
            resolved, described = self.resolve_pronoun_phrase(words[-1], start)
            shown = described if described and not resolved else chunk.split()[-1]
            return Attribution(speaker_text=shown, speaker_id=resolved, cue=cue)
        # A document word as written in lower case: "the Post reported" names an outlet.
        cased = re.findall(r"[\w’']+", chunk)
        if cased and any(w in DOCUMENT_WORDS for w in cased[-3:]):
            # "said a message that was read …": a document the frame introduces has only the
            # author it names there, not the issuer of an earlier document.
            new = bool(re.match(r"(?:an?|another)\s", low))
            author = self.document_author(end if new else start, nearest_only=new)
            text = author.text if author else chunk
            return Attribution(
                speaker_text=text,
                speaker_id=author.entity_id if author else None,
                cue=f"{chunk} {cue}" if cue else chunk,
            )
        phrase = _noun_phrase(chunk)
        if phrase.lower() == "one":
            # '… sources involved with the franchise are betting that … / "…," says one.': one
            # of the group of sources the sentences before name.
            group = self._source_group_before(start)
            if group is not None:
                return Attribution(speaker_text=f"one of the {group}", speaker_id=None, cue=cue)
        if not phrase or phrase.lower() in _INDEFINITE | _OPENERS or not _names_someone(phrase):
            # "argued a" (the frame cut by a quoted title), "There is an old": no one named.
            return Attribution(speaker_text=None, speaker_id=None, cue=cue)
        if phrase.lower() in PRONOUNS:
            return Attribution(speaker_text=phrase, speaker_id=None, cue=cue)
        return Attribution(speaker_text=phrase, speaker_id=None, cue=cue)

    def _source_group_before(self, before: int) -> str | None:
        """The plural source noun ("sources", "officials") of the nearest sentence before
        `before` that names a group of sources, within the two paragraphs before it ("one"
        never stands for a person named by name); None when there is none outside quotes."""
        floor = max(0, before - self.config.frame_chars)
        paragraphs = [floor, *(p for p in self._breaks if floor <= p < before)]
        floor = paragraphs[-3] if len(paragraphs) >= 3 else floor
        found = max(
            (
                match
                for match in _SOURCE_GROUP.finditer(self.text, floor, before)
                if not self.inside_quote(match.start())
            ),
            key=lambda match: match.start(),
            default=None,
        )
        return found.group(0).lower() if found is not None else None

    def resolve_pronoun(self, pronoun: str, before: int) -> str | None:
        """Entity id of the person a 'he'/'she' refers to, or None when unsure."""
        return self.resolve_pronoun_phrase(pronoun, before)[0]

    def resolve_pronoun_phrase(self, pronoun: str, before: int) -> tuple[str | None, str | None]:
        """(entity id, description) of whom a 'he'/'she' refers to; (None, None) when unsure.

        The description is an unnamed source that spoke in the sentence walked back to
        ("…, a France Telecom spokeswoman who asked not to be named said." before "she said").

        The referent is the subject of the nearest sentence before the pronoun that has a
        person for subject (its own sentence first: "Judge Hickok told … that he …"), walking
        back over sentences that open with a pronoun ("He said the club …") up to
        `SpeakerConfig.pronoun_sentences` sentences within three paragraphs. A sentence naming
        two or more people with none as its subject stops the walk (ambiguous); a possessive subject
        ("Steafon Lewis' father offered …") names someone else, so it stops the walk too.
        """
        if pronoun == "it":
            return self._organisation_speaking_before(before), None
        if pronoun not in _PERSONAL:
            return None, None
        window_start = before
        for _ in range(self.config.pronoun_sentences):  # sentence-per-paragraph text (ECB+)
            window_start = self.paragraph(max(0, window_start - 3))[0]  # past the "\n\n"
        window_start = max(window_start, before - 4 * self.config.frame_chars)
        starts = sentence_starts(self.text, window_start, before)
        bounds = [*starts, before]
        sentences = list(itertools.pairwise(bounds))[::-1]
        own = bool(sentences) and bool(self.text[sentences[0][0] : before].strip(' "“‘'))
        # Sentences inside a quote name no referent and do not count against the look-back
        # ('"I speed-walked …\n\nI was scared.\n\nI was trying …," she testified.').
        sentences = sentences[:1] + [
            (s, e) for s, e in sentences[1:] if not self._quoted_sentence(s, e)
        ]
        for n, (s, e) in enumerate(sentences[: self.config.pronoun_sentences]):
            fitting = [
                self._fitting(m, pronoun)
                for m in self.index.within(s, e)
                if m.type == "PERSON" and not self.inside_quote(m.span[0])
            ]
            persons = [
                m
                for m in fitting
                # "Andy Mai/New York Daily News The teen was …": a photo credit, no referent
                if m is not None
                and not self.text.startswith("/", m.span[1])
                # "Photo: Mike Glenn, Chronicle Image 1 of 3": a photographer's credit too
                and not _PHOTO_CREDIT.search(self.text, max(0, m.span[0] - 16), m.span[0])
                and not self._org_head(m)
                and m.entity_id not in self.quoted_people
            ]
            opener = self.text[s:e].lstrip(' "“‘').split(" ", 1)[0].lower()
            opener_at = s + len(self.text[s:e]) - len(self.text[s:e].lstrip(' "“‘'))
            if self.inside_quote(opener_at):
                opener = ""  # '"He was an outstanding person," said Orpe': quoted words
            if n > 0 and _CREDIT_LINE.match(self.text[s:e]):
                continue  # "Michael George reports.": the reporter's credit, no referent
            if n > 0 and self._crosshead(s, e):
                continue  # "Policy Shortcomings": a crosshead names no one who speaks
            if n > 0 and s == self.paragraph(s)[0] and _photo_caption(self.text[s:e]):
                continue  # "Jon'tayasia Dillon-White, 10, in her bedroom.": a photo's caption
            framed = _OWNED_FRAME.match(self.text, s)
            if n > 0 and framed and framed.group(1).lower() == pronoun:
                # "In Hajjaj's case, she decided to stay …": the owner of the fronted phrase is
                # the pronoun's subject there, so the one meant after it.
                owners = [m for m in persons if m.span[1] <= framed.start(1)]
                if len({m.entity_id for m in owners}) == 1:
                    return owners[0].entity_id, None
            if n > 0 and opener == pronoun:
                # "She said Dana Remaley was generous …": a sentence opened by the same pronoun
                # goes on about someone else; its "she" is the referent, found further back.
                continue
            relation = self._possessed_speaker(s, e) if n > 0 else None
            if relation is not None:
                phrase, sex = relation
                if sex in {"", pronoun}:
                    # "…, Michael was a teenager who knew …, his mother said." before '"…," she
                    # said' (GVC): the relation that spoke goes on speaking, not the person her
                    # words are about nor the one who owns the phrase; the role resolves her to
                    # a name where the article introduced her with it ("his mother, Ann …").
                    return None, phrase
                # the other sex: neither she nor the people her words name; further back
                continue
            if n > 0:
                # "Mendoza threw away the shotgun …, Sedelmaier said." before '"…," she said':
                # the one who spoke the sentence before speaks on.
                speaker = self._trailing_speaker(s, e, persons)
                if speaker is not None:
                    return speaker.entity_id, None
            if self._non_person_speaks(s, e):
                # "Jefferies said McDonald was kind …" with "Jefferies" not taken for a person:
                # the speaker is not the person the model found in the sentence.
                return None, None
            subject = self._sentence_subject(s, persons)
            if n == 0 and own and self._trailing_pronoun(s, before):
                # "Catherine Gomes lived in that apartment, he said.": the subject belongs to
                # the clause reported; who speaks is found in the sentences before.
                continue
            if (
                n == 0
                and own
                and len({m.entity_id for m in persons}) == 1
                and persons[0].entity_id is not None
                and (
                    _IN_WHICH.search(self.text, max(s, before - 12), before)
                    or _IN_WHICH_AT.match(self.text, before)
                )
            ):
                # "Palin released a statement after the fire in which she said …": the one
                # person whose statement the relative clause is about speaks in it.
                return persons[0].entity_id, None
            parallel = self._parallel_that_subject(s, before, persons, pronoun) if own else None
            if n == 0 and parallel is not None:
                # 'said … that Mendoza should have known …, that he was … and that he told the
                # cousin "not to snitch"' (GVC 571210): the pronoun opening a "that" clause
                # coordinated with one whose subject is a person is that person.
                return parallel.entity_id, None
            if n == 0 and own and self._other_actor(subject, persons, s, before):
                # "After Kathina was shot, she exclaimed", "Sedelmaier said that Mendoza …
                # and that he told": another person fitting the pronoun acts in its own
                # sentence, so whom it means is unsure.
                return None, None
            if n > 0 and not persons:
                sentence = self.text[s:e].lstrip(' "“‘')
                opening = _described_speaker(sentence[:1].lower() + sentence[1:], pronoun)
                if opening is not None and sentence.lower().startswith(opening):
                    opening = sentence[: len(opening)]
                    # 'The friend said she was "bubbly" when she saw her …' before 'She added:
                    # "…"': the described source opening the sentence speaks on; the "she" of
                    # its reported clause is someone else.
                    return None, opening
                subject_phrase = _DESCRIBED_OPENING.match(sentence)
                if (
                    n == 1
                    and subject_phrase is not None
                    and _SOURCE_HEADS[subject_phrase.group(1).lower()] in {"", pronoun}
                    and self.paragraph(before)[0] <= s
                ):
                    # "A fourth man escaped unscathed …, police said. He said the suspect …":
                    # the described person opening the sentence before, in the same paragraph,
                    # is the one the pronoun goes on about; not a name further back.
                    return None, subject_phrase.group(0).strip(' "“‘')
                aged = _AGED_PERSON.search(sentence)
                if aged is not None and _AGED_HEADS.get(aged.group(1)) in {"", pronoun}:
                    # "Also in the room at the time was an older boy, 11. He told police …":
                    # the person the sentence before introduces with an age; no one named
                    # further back (a photo caption's name, GVC).
                    return None, sentence[aged.start() : aged.start(1) + len(aged.group(1))]
            speaks = self._pronoun_speaks(s, e, pronoun) if n > 0 else None
            if speaks is not None and (subject is None or speaks < subject.span[0]):
                # 'After a face-off …, he testified, Timmons pulled the trigger.': the same
                # pronoun speaks in this sentence; the person named after it is spoken about.
                continue
            if (
                n > 0
                and subject is not None
                and _OBJECT_PRONOUN[pronoun].search(self.text, subject.span[1], e)
                and not any(_is_verb(w) for w, _, _ in _words(self.text, s, e))
            ):
                # "Shauna was more like a sister to her than a cousin." before '"…," she
                # said': the one the object pronoun stands for speaks, not the subject.
                continue
            if subject is not None:
                if possessed(self.text, subject.span[1]):
                    # "Steafon Lewis' father offered …": the possessed noun is the referent,
                    # or the person named in apposition to it ("McDonald’s mother, Linda
                    # Hendrick, recently moved …").
                    owned = _owned_phrase(self.text, subject.span[0], subject.span[1])
                    named = self._appositive(subject.span[0] + len(owned))
                    if named is not None and self.gender(named.entity_id) in {None, pronoun}:
                        return named.entity_id, None
                    return None, owned
                if self._another_speaks(subject, persons):
                    # '"So which is it?" Lynch asked Coleman, who in turn said he had …': two
                    # people speak in the sentence, so whom the pronoun means is unsure.
                    return None, None
                return subject.entity_id, None
            if n == 0 and own:
                continue  # the pronoun's own sentence without a person subject
            if len({m.entity_id for m in persons}) == 1 and not possessed(
                self.text, persons[0].span[1]
            ):
                return persons[0].entity_id, None
            if persons:
                return None, None
            described = _described_speaker(self.text[s:e], pronoun)
            if described is not None:
                return None, described
            if self._unknown_name_subject(s, e):
                return None, None
        return None, None

    def _possessed_speaker(self, start: int, end: int) -> tuple[str, str] | None:
        """(phrase, sex) of a relation or source owned by someone that speaks the sentence
        text[start:end] ("…, his mother said.", "Michael's father told …"); sex is '' when the
        head tells none ("her attorney"). None when the sentence's speaker is no such phrase."""
        sentence = self.text[start:end].rstrip(' \n"”’')
        found = []
        trailing = _TRAILING_SAID.search(sentence)
        if trailing is not None:
            found.append(trailing.group(1))
        opening = _POSSESSED_OPENING.match(sentence)
        if opening is not None:
            found.append(opening.group(1))
        for phrase in found:
            owned = _POSSESSED_PHRASE.fullmatch(phrase.strip())
            if owned is None:
                continue
            head = owned.group(1).lower()
            sex = KIN_SEX.get(head, _SOURCE_HEADS.get(head))
            if sex is None:
                continue
            at = self.text.find(phrase.strip(), start, end)
            if at >= 0 and self._appositive(at + len(phrase.strip())) is not None:
                # "Fuller's next door neighbor, Ronnie Patterson, told …": the name speaks,
                # which the subject rules find
                return None
            return phrase.strip(), sex
        return None

    def _parallel_that_subject(
        self, start: int, at: int, persons: list[_Mention], pronoun: str
    ) -> _Mention | None:
        """The person opening the first of coordinated "that" clauses of a speech verb, when the
        pronoun at `at` opens a later one and every "that" between opens the same pronoun ("said
        that Mendoza should have known …, that he was … and that he told …"); else None."""
        # `at` is the pronoun or the start of its phrase ("and that he")
        opens = re.match(
            rf"(?:(?:and|or|but)[ \t]+)?that[ \t]+{pronoun}\b", self.text[at : at + 16]
        )
        if (
            opens is None
            and re.search(r"\bthat[ \t]+$", self.text[max(start, at - 8) : at]) is None
        ):
            return None
        if opens is not None:
            at += opens.end() - len(pronoun)
        first = [
            m
            for m in persons
            if m.span[1] <= at
            and re.search(r"\bthat[ \t]+$", self.text[max(start, m.span[0] - 8) : m.span[0]])
        ]
        if not first or first[0].entity_id is None:
            return None
        lead = re.findall(
            r"[\w’'-]+", self.text[max(start, first[0].span[0] - 80) : first[0].span[0]]
        )
        if not any(w.lower() in SPEECH_VERBS for w in lead[-6:]):
            return None  # "that" after a noun or an adjective, not a reported clause
        between = re.findall(r"\bthat[ \t]+([\w’'-]+)", self.text[first[0].span[1] : at])
        if any(w.lower() != pronoun for w in between):
            return None
        return first[0]

    def _crosshead(self, start: int, end: int) -> bool:
        """True when text[start:end] is a paragraph of its own of a few words without a closing
        stop: a crosshead between paragraphs ("Policy Shortcomings"), not a sentence."""
        line = self.text[start:end].strip()
        begin, stop = self.paragraph(start)
        return (
            bool(line)
            and line == self.text[begin:stop].strip()
            and len(line.split()) <= 6
            and not line.endswith((".", "!", "?", ":", '"', "”", "’", "'"))
        )

    def _organisation_speaking_before(self, before: int) -> str | None:
        """The organisation that spoke the sentence right before the one of `before`
        ("…, Microsoft said, and then …. Targeted attacks …, it said."): "it" speaks on.
        Only an attribution frame counts, never an organisation merely named there."""
        starts = sentence_starts(self.text, max(0, before - 2 * self.config.frame_chars), before)
        if len(starts) < 2:
            return None
        s, e = starts[-2], starts[-1]
        sentence = self.text[s:e]
        frame = _ORG_SAID.search(sentence)
        if frame is None:
            return None
        named = {
            m.entity_id
            for m in self.index.within(s + frame.start(1), s + frame.end(1))
            if m.type == "ORG" and not self.inside_quote(m.span[0])
        }
        return next(iter(named)) if len(named) == 1 else None

    def _org_head(self, mention: _Mention) -> bool:
        """True for a one-word "person" that is the first word of an organisation the article
        names ("Hewlett announced …, it said" beside "Hewlett-Packard Co."): the company, which
        no "he" refers to."""
        if " " in mention.text.strip():
            return False
        if _COURTESY_TITLE.search(self.text, max(0, mention.span[0] - 5), mention.span[0]):
            return False  # "Mr. Weil of Weil amp Associates said …": a titled person, not the firm
        if self._org_heads is None:
            self._org_heads = {
                re.split(r"[\s-]", m.text.strip(), maxsplit=1)[0]
                for m in self.index.within(0, len(self.text))
                if m.type == "ORG" and re.search(r"[\s-]", m.text.strip())
            }
        return mention.text.strip() in self._org_heads

    def _names_next(self, words: list[tuple[str, int, int]], i: int, start: int) -> bool:
        """True when the naming verb words[i] introduces the quote opening at `start`: a few
        words before it, with no other quote between ('called the actor "…"', not 'known as
        "Little Miami," the reason being, "…"')."""
        if self.quotes.first_start_within(words[i][2], start) is not None:
            return False
        if len(words) - i <= 6:
            return True
        # 'Ivanov calls extending NATO membership to the three countries of the former Warsaw Pact
        # "a movement in the wrong direction"': a longer object of the verb, when nothing between
        # opens another clause (no punctuation, clause word or speech verb) and the verb is not
        # a phrasal "called to/for/off" (fresh17's two misses; re-run eval/quotes.py on change).
        between = words[i + 1 :]
        return (
            len(between) <= 15
            and bool(between)
            and between[0][0].lower() not in _NAMING_PARTICLES
            and not any(
                w in {",", ";", ":", "(", ")"} or w.lower() in _CLAUSE_BREAKS or _is_verb(w)
                for w, _, _ in between
            )
        )

    def colon_introducer(self, mark: int, floor: int) -> Attribution | None:
        """The person who opens the sentence a colon right before the quote mark at `mark`
        ends ('Armando Gutierrez, a spokesman for the Miami relatives, dismissed the criticism:
        "…"'), when that person is its subject and no other person is named in it."""
        head = self.text[max(floor, mark - self.config.frame_chars) : mark]
        if not head.rstrip(' `"“‘').endswith(":"):
            return None
        begin = sentence_starts(self.text, max(floor, mark - self.config.frame_chars), mark)[-1]
        owned = _OWNED_WORDS.search(self.text, begin, mark)
        if owned is not None:
            # 'His message: "…"', "Rankin's statement to the House:": the owner of the words.
            if owned.group(2):
                found, described = self.resolve_pronoun_phrase(
                    "he" if owned.group(2).lower() == "his" else "she", owned.start()
                )
                if found is not None or described is not None:
                    return Attribution(
                        speaker_text=described or owned.group(2), speaker_id=found, cue="colon"
                    )
            else:
                owners = [
                    m
                    for m in self.index.within(owned.start(), owned.end(1) + 1)
                    if m.type in {"PERSON", "ORG"} and m.span[1] >= owned.end(1) - 1
                ]
                if owners:
                    owner = owners[-1]
                    return Attribution(
                        speaker_text=owner.text, speaker_id=owner.entity_id, cue="colon"
                    )
        persons = [
            m
            for m in self.index.within(begin, mark)
            if m.type == "PERSON" and not self.inside_quote(m.span[0])
        ]
        subject = self._sentence_subject(begin, persons)
        if (
            subject is None
            and len(persons) == 1
            and _APPOSITIVE_SPEAKS.match(self.text, persons[0].span[1])
        ):
            # 'The vice president of the civil servants' union, Elias Vrettakos, told Sky
            # News: "…"': the name in apposition to the subject speaks.
            subject = persons[0]
        if subject is None or len({m.entity_id for m in persons}) != 1:
            return None
        if possessed(self.text, subject.span[1]):
            return None  # "Smith's father read …:": the possessed noun is who speaks
        return Attribution(speaker_text=subject.text, speaker_id=subject.entity_id, cue="colon")

    def sentence_final_attribution(self, start: int, end: int) -> Attribution | None:
        """The speaker of a sentence-final ", he said." closing text[start:end] ('"Hundreds of
        people have been interviewed" and investigators … reach any conclusion, he said.'):
        the whole sentence, the quote opening it included, is that speaker's."""
        match = _TRAILING_SAID.search(self.text[start:end].rstrip(' \n"”’'))
        if match is None or self.inside_quote(start + match.start(1)):
            return None
        found = self.subject(
            start + match.start(1), start + match.end(1), prefer_last=True, cue="said"
        )
        return found if found.speaker_text is not None else None

    def _trailing_speaker(self, start: int, end: int, persons: list[_Mention]) -> _Mention | None:
        """The person of a sentence-final attribution ("…, Sedelmaier said.")."""
        sentence = self.text[start:end].rstrip(' \n"”’')
        # "A Crowley employee was at the office, said terminal manager Jasper Hall, ready to …"
        match = _TRAILING_SAID.search(sentence) or _INNER_SAID.search(sentence)
        if match is None:
            final = _FINAL_SAID.search(sentence)
            if final is None:
                return None
            # "…, said California Highway Patrol Officer Ray Scheidnes.": only capitalised
            # title words and the name that ends them ("said many factors could explain the
            # wounds … of Mr. Gray's body" reports a clause), even where the model took a
            # title word ("Highway") for a person too.
            named = [
                m for m in persons if start + final.start(1) <= m.span[0] < start + final.end(1)
            ]
            if not named or named[-1].span[1] != start + final.end(1):
                return None
            if title_words(self.text[start + final.start(1) : named[-1].span[0]]):
                return named[-1]
            return None
        named = [m for m in persons if start + match.start(1) <= m.span[0] < start + match.end(1)]
        return named[-1] if len(named) == 1 or (named and named[-1] == named[0]) else None

    def _other_actor(
        self, subject: _Mention | None, persons: list[_Mention], start: int, pronoun_at: int
    ) -> bool:
        """True when someone other than `subject` is the subject of a clause before the pronoun
        at `pronoun_at` in its sentence ("After Kathina was shot, she …"; "… said that Mendoza
        should have known …, and that he …"). A capitalised word the entity model did not take
        for a person counts too: a wrong "unsure" costs less than a wrong name."""
        floor = subject.span[1] if subject is not None else start
        for m in persons:
            if m.span[1] > pronoun_at or m.span[0] < floor:
                continue
            if subject is not None and m.entity_id == subject.entity_id:
                continue
            if _CLAUSE_SUBJECT.match(self.text, m.span[1]) and not possessed(self.text, m.span[1]):
                return True
        lead = len(self.text[floor:pronoun_at]) - len(self.text[floor:pronoun_at].lstrip(' "“‘'))
        for word in re.finditer(r"\b[A-Z][a-z’'-]+\b", self.text[floor + lead : pronoun_at]):
            at = floor + lead + word.start()
            if at == floor + lead or word.group(0).lower() in _NOT_NAMES:
                continue  # the sentence's first word, or a capitalised function word
            if self.index.within(at, at + len(word.group(0))) and any(
                m.type == "PERSON" for m in self.index.within(at, at + len(word.group(0)))
            ):
                continue  # a person mention: judged above
            end = at + len(word.group(0))
            if _CLAUSE_SUBJECT.match(self.text, end) and not self.inside_quote(at):
                return True
        return False

    def someone_else_acts(self, start: int, end: int, pronoun: str) -> bool:
        """True when text[start:end], the opening of a sentence up to a pronoun speaker, has
        someone fitting the pronoun act in a clause of their own ("After Kathina was shot, she
        exclaimed, …"): the pronoun may mean them."""
        fitting = [
            self._fitting(m, pronoun)
            for m in self.index.within(start, end)
            if m.type == "PERSON" and not self.inside_quote(m.span[0])
        ]
        persons = [m for m in fitting if m is not None]
        subject = self._sentence_subject(start, persons)
        return self._other_actor(subject, persons, start, end)

    def _fitting(self, mention: _Mention, pronoun: str) -> _Mention | None:
        """`mention` when its person may be the one a "he"/"she" means (of that sex, or of no
        known sex); else, for a lone surname the entity stage linked to a person of the other
        sex, the one person of that surname and of the pronoun's sex named in full in the
        article ('"My dad was …," said Caron.' after "his 20-year-old daughter Nicole Caron",
        with "Caron" linked to her father, GVC); else None."""
        sex = self.gender(mention.entity_id)
        if sex is None or sex == pronoun or pronoun not in _PERSONAL:
            return mention
        surname = mention.text.strip()
        if not surname or " " in surname:
            return None
        namesakes = {
            m.entity_id
            for m in self.index.mentions
            if m.type == "PERSON"
            and m.entity_id != mention.entity_id
            and len(m.text.split()) >= 2
            and m.text.split()[-1] == surname
            and self.gender(m.entity_id) == pronoun
        }
        if len(namesakes) != 1:
            return None
        return replace(mention, entity_id=next(iter(namesakes)))

    def _non_person_speaks(self, start: int, end: int) -> bool:
        """True when a sentence opens with one capitalised word that is no person mention, right
        before a speech verb ("Jefferies said …" with Jefferies tagged ORG or missed)."""
        lead = len(self.text[start:end]) - len(self.text[start:end].lstrip(' "“‘'))
        words = _words(self.text, start + lead, end)[:2]
        if len(words) < 2 or not words[0][0][:1].isupper() or not _is_verb(words[1][0]):
            return False
        word, ws, we = words[0]
        if word.lower() in _SENTENCE_OPENERS:
            return False  # "When asked …", "Once told …": a clause, not a subject
        return not any(m.type == "PERSON" for m in self.index.within(ws, we))

    def _pronoun_speaks(self, start: int, end: int, pronoun: str) -> int | None:
        """Where `pronoun` is the subject of a speech verb in text[start:end] ("…, he
        testified, …"), or None."""
        words = _words(self.text, start, end)
        return next(
            (
                at
                for i, (w, at, _) in enumerate(words)
                if w.lower() == pronoun and any(_is_verb(x) for x, _, _ in words[i + 1 : i + 3])
            ),
            None,
        )

    def _quoted_sentence(self, start: int, end: int) -> bool:
        """True when the sentence text[start:end] lies inside a quote (marks aside)."""
        piece = self.text[start:end]
        lead = len(piece) - len(piece.lstrip(' "“‘\n'))
        tail = len(piece.rstrip(' "”’\n'))
        inner_start, inner_end = start + lead, start + tail
        return inner_end > inner_start and all(
            self.inside_quote(p)
            for p in (inner_start, (inner_start + inner_end) // 2, inner_end - 1)
        )

    def _unknown_name_subject(self, start: int, end: int) -> bool:
        """True when a sentence opens (or opens after a clause) with two capitalised words no
        entity mention covers: a person the NER missed may be the pronoun's referent."""
        lead = len(self.text[start:end]) - len(self.text[start:end].lstrip(' "“'))
        sentence = self.text[start + lead : end]
        first = sentence.split(" ", 1)[0].lower().strip(",")
        if first in {"he", "she", "they", "it", "i", "we"}:
            return False
        match = _NAME_OPENING.match(sentence)
        if not match:
            return False
        name_start = start + lead + match.end() - len(match.group(0).split()[-1]) - 1
        return not self.index.within(max(start, name_start - 40), start + lead + match.end() + 1)

    def _sentence_subject(self, start: int, persons: list[_Mention]) -> _Mention | None:
        """The person a sentence opens with ("Lay said …", "Sheriff Mike Thomas says …"), or
        the first after an opening subordinate clause ("As police sought Walker, Doreen Walker
        woke up …")."""
        # "A Crowley employee was …": a name after an article and before a noun modifies it.
        persons = [m for m in persons if not self._modifier(start, m)]
        if not persons:
            return None
        lead = self.text[start : persons[0].span[0]]
        lead_words = lead.split()
        if (
            len(lead_words) > 2
            and lead_words[0].lower() in {"but", "and", "yet", "so"}
            and all(w[:1].isupper() for w in lead_words[1:])
        ):
            # "But Tanzanian Foreign Minister Jakaya Kikwete, …, said": a conjunction and a
            # title before the name
            return persons[0]
        opener = lead_words[0].lower().strip(",") if lead_words else ""
        # "Asked if Ortiz …, Waldie said …": a participle opens a clause, like "As" or "After".
        participle = opener.endswith("ed") and len(lead_words) >= 2
        if len(lead_words) <= 2 and opener not in _SUBORDINATORS | _PREPOSITIONS and not participle:
            return persons[0]
        for m in persons:
            # "Asked if Ortiz …, Waldie said …": a person right before a speech verb.
            following = _words(self.text, m.span[1], min(len(self.text), m.span[1] + 40))[:3]
            if any(_is_verb(w) for w, _, _ in following) and not possessed(self.text, m.span[1]):
                verb_at = next(i for i, (w, _, _) in enumerate(following) if _is_verb(w))
                if all(w.lower() in _BETWEEN for w, _, _ in following[:verb_at]):
                    return m
        if opener in _SUBORDINATORS | _PREPOSITIONS or participle:
            comma = self.text.find(",", start, start + 200)
            # "In 2016, as Trump's rise continued, Schwartz disavowed …": a second opening
            # clause after the first comma; the subject follows the comma that ends it.
            for _ in range(3):
                if comma < 0:
                    return None
                after = [m for m in persons if m.span[0] > comma]
                if not after:
                    return None
                between = self.text[comma + 1 : after[0].span[0]].split()
                if between and between[0].lower() in _SUBORDINATORS:
                    comma = self.text.find(",", comma + 1, start + 200)
                    continue
                return after[0] if len(between) <= 2 else None
        return None

    def _trailing_pronoun(self, start: int, at: int) -> bool:
        """True when the pronoun phrase at `at` is a sentence-final attribution after a comma
        ("Catherine Gomes lived in that apartment, he said."), not a clause of its own."""
        rest = self.text[at : sentence_limit(self.text, at)]
        return bool(
            re.search(r",[\"”’']?\s*$", self.text[start:at])
            and re.fullmatch(r"\s*\w+\s+[a-z]+(?:\s+[\w.]+){0,2}[\s.!?\"”’']*", rest)
        )

    def _another_speaks(self, subject: _Mention, persons: list[_Mention]) -> bool:
        """True when a person other than `subject` is the subject of a speech verb in a relative
        clause of the sentence ("…, who in turn said …")."""
        for m in persons:
            if m.entity_id == subject.entity_id:
                continue
            follows = _words(self.text, m.span[1], min(len(self.text), m.span[1] + 40))[:5]
            relative = len(follows) >= 3 and follows[0][0] == "," and follows[1][0] == "who"
            if relative and any(_is_verb(w) for w, _, _ in follows[2:]):
                return True
        return False

    def _name_as_modifier(self, mention: _Mention, end: int, mentions: list[_Mention]) -> bool:
        """True when a subject phrase ends in a name and one to three lower-case nouns that are
        not its spokespeople ("Mafia informers and defectors", "the Costello case", "Rock Hill
        police"): those nouns head the phrase, so the name does not speak."""
        if any(m.span[0] > mention.span[0] for m in mentions):
            return False
        rest = self.text[mention.span[1] : end].split()
        role = [w for w in rest if w.lower() not in _BETWEEN]  # "Director also urged"
        if (
            mention.type != "PERSON"
            and len(role) == 1
            and role[0][:1].isupper()
            and role[0].lower() in _PERSON_ROLES
        ):
            return True  # "The PAHO Director also urged": the organisation's director speaks
        if not 1 <= len(rest) <= 3 or not all(re.fullmatch(r"[a-z][a-z-]*", w) for w in rest):
            return False
        if {rest[0], rest[-1]} & {"and", "or"} or rest[0] in _OFFICIAL_ROLES:
            return False
        closed = _BETWEEN | _AUXILIARIES | _PREPOSITIONS | _CLAUSE_WORDS | _DAY_ADVERBS | _RELATIVES
        return not any(
            w in closed | SPEECH_VERBS | DOCUMENT_WORDS | _COPULAS | PRONOUNS
            or w.endswith(("ly", "ed"))
            or _is_verb(w)
            for w in rest
            if w not in {"and", "or"}
        )

    def _modifier(self, start: int, mention: _Mention) -> bool:
        """True when a name stands between an article and a lower-case word ("A Crowley
        employee", "the Smith family"): it modifies the noun, which is the subject."""
        lead = self.text[max(start, mention.span[0] - 5) : mention.span[0]].lower().split()
        return (
            bool(lead)
            and lead[-1] in {"a", "an", "the"}
            and re.match(r"[ \t]+[a-z]", self.text[mention.span[1] : mention.span[1] + 3])
            is not None
        )

    def document_before(self, before: int) -> str | None:
        """'the indictment' that an 'it says' refers to: a document named in the sentences just
        before (a statement's lines go on in "…, it said." sentences)."""
        window = self.text[max(0, before - self.config.frame_chars) : before]
        hits = list(
            re.finditer(
                rf"\b(?:the|an?|its|this|that)\s+(?:\w+\s+)?(?:{'|'.join(sorted(DOCUMENT_WORDS))})\b",
                window,
                re.IGNORECASE,
            )
        )
        return hits[-1].group(0) if hits else None

    def document_author(self, before: int, *, nearest_only: bool = False) -> _Mention | None:
        """Who issued 'the statement' mentioned before `before` (the nearest one, 2 paragraphs;
        only the last document word before `before` when `nearest_only`)."""
        window = max(0, before - 1500)
        hits = list(
            re.finditer(rf"\b(?:{'|'.join(sorted(DOCUMENT_WORDS))})s?\b", self.text[window:before])
        )
        for hit in reversed(hits):
            pos = window + hit.start()
            if self.inside_quote(pos):
                continue
            after = re.match(
                r"\s+(?:(?:yesterday|today|[MTWFS][a-z]+day)\s+)?(?:from|by|of)\s+",
                self.text[window + hit.end() :],
            )
            if after:
                start = window + hit.end() + after.end()
                # "the statement from the Texas Department of Criminal Justice": the issuer, not
                # the place inside its name.
                found = [
                    m
                    for m in self.index.within(start, start + 60)
                    if m.span[0] - start < 8 and m.type in {"ORG", "PERSON"}
                ]
                if found:
                    issuer = max(found, key=lambda m: m.span[1] - m.span[0])
                    if possessed(self.text, issuer.span[1]):
                        # "a letter from Elian's grandmothers": the writers are no entity.
                        return None
                    return issuer
            sentence_start = max(self.text.rfind(". ", 0, pos), self.text.rfind("\n", 0, pos)) + 1
            near = [
                m
                for m in self.index.within(sentence_start, pos)
                if not self.inside_quote(m.span[0])
                # "… who lives at the Addison address, according to a police report": a place
                # named in the clause a report is cited for did not write it (but "Collier
                # County Sheriff's Office deputies responded …, according to a police report")
                and not (
                    _ACCORDING_TO.search(self.text, m.span[1], pos)
                    and _PLACE_OBJECT.search(self.text, max(0, m.span[0] - 20), m.span[0])
                )
                and (
                    m.type == "ORG"
                    # "Biden said in a statement": a person or country issues it only as the
                    # subject of issuing verbs.
                    or (
                        m.type in {"PERSON", "GPE"}
                        and (
                            issuing := re.match(
                                r"(?:\s+(?:of|at|from)\s+(?:the\s+)?(?:(?:[A-Z][\w'’-]*|of|and|for)\s+){0,8}?"
                                r"[A-Z][\w'’-]*,)?"
                                r"\s+((?:\w+\s+){0,2}?)(?:said|says|issued|released|posted|wrote|sent)\b",
                                self.text[m.span[1] : pos],
                            )
                        )
                        # "Biden also said in a statement", not "Fairbanks police said …"
                        and all(w.lower() in _BETWEEN for w in issuing.group(1).split())
                    )
                )
            ]
            if near:
                return self._member_of(near[-1])
            if nearest_only:
                return None
        return None

    def _apposition_before(self, words: list[tuple[str, int, int]], clause: int) -> _Mention | None:
        """The person named alone between two commas, the second at `words[clause]` ("The
        head of the union, Giannis Panagopoulos, said"), when a description opens the
        sentence before the first."""
        earlier = [i for i, (w, _, _) in enumerate(words[:clause]) if w == ","]
        if not earlier or earlier[-1] < 2:
            return None
        start, end = words[earlier[-1]][2], words[clause][1]
        people = [m for m in self.index.within(start, end) if m.type == "PERSON"]
        if len(people) != 1 or not _ROLE_BEFORE_NAME.fullmatch(self.text, start, people[0].span[0]):
            return None
        if self.text[people[0].span[1] : end].strip():
            return None
        opening = self.index.within(words[0][1], words[earlier[-1]][1])
        # "Booker's aunt, Michelle Jackson, said": a possessive owner in the description is
        # whom it relates to, not a second subject.
        return (
            people[0]
            if not any(m.type == "PERSON" and not possessed(self.text, m.span[1]) for m in opening)
            else None
        )

    def _group_of(self, start: int, mention: _Mention, mentions: list[_Mention]) -> bool:
        """True when the subject phrase from `start` is "Friends of X", "the family of X":
        people related to the person named after "of", who is talked about, not speaking."""
        if any(m.span[0] > mention.span[0] and m.type == "PERSON" for m in mentions):
            return False  # "A friend of Smith, John Doe, said": the name after speaks
        lead = self.text[start : mention.span[0]].strip(' ,;:\n"“”‘’')
        return _GROUP_OF.fullmatch(lead) is not None

    def _person_of_firm(self, mention: _Mention, mentions: list[_Mention]) -> _Mention:
        """The person named before "of" when `mention` is a name inside the firm after it
        ("says Kurt Brouwer of Brouwer amp Janachowski, a … adviser", with "Janachowski" taken
        for a person): the firm's name belongs to its member, who speaks (fresh18)."""
        if mention.type != "PERSON":
            return mention
        for m in mentions:
            if m.type != "PERSON" or m.span[1] >= mention.span[0]:
                continue
            if _FIRM_AFTER_OF.fullmatch(self.text, m.span[1], mention.span[0]):
                return m
        return mention

    def _member_of(self, mention: _Mention) -> _Mention:
        """The person named right before an organisation as its member ("Matthew Willoughby of
        the Urban Assembly School …, wrote a letter"): that person wrote it, not the school."""
        if mention.type != "ORG":
            return mention
        head = self.text[max(0, mention.span[0] - 12) : mention.span[0]]
        words = head.split()
        if words and words[-1] == "the":
            words.pop()
        if not head[-1:].isspace() or not words or words[-1] not in {"of", "at", "from"}:
            return mention
        lead = self.text.rfind(words[-1], 0, mention.span[0])
        people = [
            m
            for m in self.index.within(max(0, lead - 60), lead)
            if m.type == "PERSON" and not self.text[m.span[1] : lead].strip()
        ]
        return people[-1] if people else mention

    # ---- frames ---------------------------------------------------------------------------

    def as_put_it(self, end: int, limit: int) -> Attribution | None:
        """The source of a quote a writer's sentence borrows, named right after its closing
        mark by ", as X put it" / "as X said" ('opposition to "the collective society," as
        Margaret Thatcher put it, also had …'): the words are X's, however few."""
        found = _AS_PUT.match(self.text, end, limit)
        if found is None:
            return None
        att = self.subject(found.start(1), found.end(1), prefer_last=False, cue="put it")
        return att if att.speaker_text is not None else None

    def after_frame(self, end: int, limit: int) -> Attribution | None:
        """`"…," Putin said` / `"…," said Putin` / `"…," Nichols, 37, told the court` /
        `"…," the statement reads` / `"…" to this risk, Strauss-Kahn said`."""
        words = _words(self.text, end, limit)[:24]
        if words and words[0][0] == ",":
            words = words[1:]
        verb = None
        for i, (word, _, _) in enumerate(words[:20]):
            if word in {";", ":"}:
                break
            if i > 1 and [w.lower() for w, _, _ in words[i - 2 : i]] == ["according", "to"]:
                break  # '"creased his head," according to reports': a source, not the verb
            on = i + 1 < len(words) and words[i + 1][0].rstrip(".") == "on"
            if (
                _is_verb(word)
                and word in _BARE_FORMS
                and any(_is_verb(w) and w not in _BARE_FORMS for w, _, _ in words[i + 1 : i + 4])
            ):
                continue  # "an assistant state attorney general said": a noun, not the verb
            if i > 0 and word.endswith("ing") and words[i - 1][0].lower() in _PREPOSITIONS:
                continue  # "defended the use of the issue by noting that": a gerund, no frame
            if word.endswith("ing") and any(
                w.lower() in _PERCEIVING for w, _, _ in words[max(0, i - 4) : i]
            ):
                continue  # '"…," smelled gunpowder and heard co-workers yelling, said X'
            if _is_verb(word) or (word.lower() in {"went", "goes", "go"} and on):
                verb = i
                break
        if verb is None:
            return self._long_apposition(end, limit) or self._according_to(end, limit)
        word, ws, we = words[verb]
        if verb > 0 and _negates(words[verb - 1][0], words[verb - 2][0] if verb > 1 else ""):
            # '"…." He wouldn't elaborate.', '"…," she declined to say': a refusal to speak
            # is no attribution of the words before it.
            return None
        if (
            verb > 0
            and verb + 1 < len(words)
            and words[verb + 1][0].lower() == "that"
            and not (verb + 2 < len(words) and words[verb + 2][0].lower() in _THAT_TIMES)
            and self.text[:end].rstrip(" \"”’'`")[-1:] in {"?", "!", "."}
        ):
            # '… asked last week "Why has this taken four months …?" Mr. Cueto responded that
            # "…"': after a quote that ends its sentence, "X responded that" reports what X
            # said next; it does not attribute the quote before it.
            return None
        cue = word.rstrip(".")
        if word.lower() in {"told", "tells", "tell", "went", "goes"} and verb + 1 < len(words):
            cue = f"{word} {words[verb + 1][0].rstrip('.')}"
        inverted = not word.lower().endswith("ing") and not (
            verb + 1 < len(words) and words[verb + 1][0].lower() in {"that", "how", "whether"}
        )
        if (verb == 0 or (words[verb - 1][0] == "," and self._names_after_only(words, verb))) and (
            not inverted
        ):
            # '"accident," adding that Mendoza had …': a participle or a reported clause
            # follows the quote, not its speaker.
            return None
        if verb == 0 or (words[verb - 1][0] == "," and self._names_after_only(words, verb)):
            # "said Putin" / "said a spokesman for the company" / "said the Democrat who …";
            # also after the quote's own sentence runs on: '"…," smelled gunpowder and heard
            # co-workers yelling, said Jean Larson, 48, …'.
            stop = ws
            for w, _, e2 in words[verb + 1 : verb + 10]:
                # "said a message that was read Wednesday night to …": a relative clause
                # describes the speaker named before it.
                if w in {",", ";", ":", "."} or w.lower() in {
                    "who",
                    "which",
                    "that",
                    "in",
                    "at",
                    "on",
                }:
                    break
                stop = e2
            # "said Soul City Boxing Gym owner Roshawn Jones", "said Wayne County Prosecutor Kym
            # Worthy": titles and affiliations come first, the person named last is the speaker.
            people = [m for m in self.index.within(we, stop + 1) if m.type == "PERSON"]
            ends_with_name = bool(people) and not self.text[people[-1].span[1] : stop].strip(".")
            found = self.subject(we, stop, prefer_last=ends_with_name, cue=cue)
            if found.speaker_text is None and verb + 1 < len(words):
                unnamed = self._indefinite_source(words[verb + 1 :], cue=cue)
                if unnamed is not None:
                    return unnamed
            if found.speaker_id is None:
                # '"…," says Melanie's husband, Chris Whittaker.': the name in apposition.
                named = self._appositive(stop)
                if named is not None:
                    return Attribution(speaker_text=named.text, speaker_id=named.entity_id, cue=cue)
            return found
        before = words[:verb]
        if before and _passive(before[-1][0], word):
            # '"…." They are asked to "…"', '"…," he was told': the subject of a passive
            # speech verb is spoken to, not the speaker; only an agent ("by …") speaks.
            agent = verb + 1 < len(words) and words[verb + 1][0].lower() == "by"
            return self._agent(words[verb + 1 :], cue=cue) if agent else None
        if (
            len(before) >= 3
            and before[-1][0].lower() == "as"
            and before[-3][0].lower() == "quoted"
            and before[-2][0].lower() in {"him", "her"}
        ):
            # '"…," People quoted him as saying': the magazine reports; the one it quotes
            # speaks (the person "him" means, or no one when that is unsure).
            pronoun = "he" if before[-2][0].lower() == "him" else "she"
            quoted_id, described = self.resolve_pronoun_phrase(pronoun, before[-2][1])
            if quoted_id is None and described is None:
                # unsure whom: no speaker from this frame ('According to Laurence Mark, …'
                # before the quote may name them)
                return Attribution(speaker_text=None, speaker_id=None, cue="quoted as saying")
            return Attribution(
                speaker_text=described or pronoun, speaker_id=quoted_id, cue="quoted as saying"
            )
        while before and before[-1][0].lower() in {"was", "is", "were", "quoted", "as"}:
            before = before[:-1]  # "X was quoted as saying"
            cue = "quoted as saying" if word.lower() == "saying" else cue
        if not before:
            # A passive frame with no subject: '"…," was said by the officer.'
            agent = verb + 1 < len(words) and words[verb + 1][0].lower() == "by"
            return self._agent(words[verb + 1 :], cue=cue) if agent else None
        if before[0][0].lower() in _SUBORDINATORS:
            return None  # '"…", while her mother told her …': not an attribution
        commas = [i for i, (w, _, _) in enumerate(before) if w == ","]
        if commas and commas[-1] == len(before) - 1 and commas[0] > 0:
            # An appositive closes right before the verb: "Nichols, 37, told" / "Gérard
            # Bénézat, the store's insurer, told": the subject stands before the first comma.
            segment = before[: commas[0]]
            last = before[commas[-2] + 1 : commas[-1]] if len(commas) >= 2 else []
            if last and not any(
                m.type == "PERSON" for m in self.index.within(segment[0][1], segment[-1][2])
            ):
                # '"…," Minister of Industry, Investment and Commerce, Senator the Hon. Aubyn
                # Hill, told JIS News.': a title with commas of its own; the name ends it.
                titled = [
                    m
                    for m in self.index.within(last[0][1], last[-1][2])
                    if m.type == "PERSON" and m.span[1] >= last[-1][2] - 1
                ]
                if titled:
                    segment = last
        elif commas:
            segment = before[commas[-1] + 1 :]  # "… to this risk, Strauss-Kahn said"
            if not segment:
                return None
            if (
                len(commas) == 1
                and segment[0][0].lower() in {"a", "an", "the"}
                and 1 <= commas[0] <= 4
                and all(w[:1].isupper() for w, _, _ in before[: commas[0]])
            ):
                # '"…," Robert McFarlane, an assistant state attorney general said Tuesday.':
                # the appositive's closing comma is missing; the name before it speaks.
                segment = before[: commas[0]]
        else:
            segment = before
        if word.lower().endswith("ing"):
            # '"…," she remembered telling Harry', 'he recalled saying': the subject stands
            # before the finite verb that governs the gerund.
            while len(segment) > 1 and re.fullmatch(r"[a-z]+ed|began|kept", segment[-1][0]):
                segment = segment[:-1]
        if len(segment) > 9 and self._titled_name_ends(segment):
            # '"…," California Department of Alcohol and Drug Program deputy director Millicent
            # Tidwell told The Post.': a long title, the person named right before the verb.
            segment = segment[-9:]
        # '"…" that needed to be followed before the win was confirmed', '"…" and insisted'
        if (len(segment) > 9 and not _described_subject(segment)) or segment[0][
            0
        ].lower() in _SUBORDINATORS | _RELATIVES:
            return None
        if len(segment) > 9:
            # the description's first noun phrase names the speaker ("the 35-year-old store
            # manager"), not a noun of its "and …"/"of …" tail ("two young sons")
            cut = next(i for i, (w, _, _) in enumerate(segment) if w in {"and", "of"} or i == 9)
            segment = segment[:cut]
        found = self.subject(segment[0][1], segment[-1][2], prefer_last=True, cue=cue)
        if found.speaker_id is None:
            # '"…," Copeland's father, Jermaine Carroll, told CBS46.': the name in apposition.
            named = self._appositive(segment[-1][2])
            if named is not None:
                return Attribution(speaker_text=named.text, speaker_id=named.entity_id, cue=cue)
        return found

    def _long_apposition(self, end: int, limit: int) -> Attribution | None:
        """'"…," Dr. Sobhi Skaik, the director of the Turkish Friendship Hospital in the
        Mughraqa area in the central Gaza Strip, said in an interview': a named person whose
        apposition runs past the frame's usual reach speaks, when the verb follows the
        apposition's closing comma in the same sentence."""
        words = _words(self.text, end, min(limit, sentence_limit(self.text, end, reach=400)))
        if words and words[0][0] == ",":
            words = words[1:]
        commas = [i for i, (w, _, _) in enumerate(words[:40]) if w == ","]
        if len(commas) < 2 or not 1 <= commas[0] <= 4:
            return None
        closing = commas[1]
        if closing + 1 >= len(words) or not _is_verb(words[closing + 1][0]):
            return None
        if any(w in {";", ":"} for w, _, _ in words[:closing]):
            return None
        name = [
            m for m in self.index.within(words[0][1], words[commas[0]][1]) if m.type == "PERSON"
        ]
        if len(name) != 1 or name[0].entity_id is None:
            return None
        cue = words[closing + 1][0].rstrip(".")
        return Attribution(speaker_text=name[0].text, speaker_id=name[0].entity_id, cue=cue)

    def _titled_name_ends(self, segment: list[tuple[str, int, int]]) -> bool:
        """True when a long subject is a title and a name: no verb or clause word in it, and a
        person named at its end."""
        if segment[0][0].lower() in _SUBORDINATORS | _RELATIVES or any(
            _is_verb(w)
            or w in {",", ";", ":"}
            # "Alcohol and Drug Program": "and" inside a name joins nouns, not clauses
            or (w.lower() in _SUBORDINATORS | _RELATIVES and w.lower() != "and")
            for w, _, _ in segment
        ):
            return False
        people = self.index.within(segment[-9][1], segment[-1][2])
        return any(m.type == "PERSON" and m.span[1] == segment[-1][2] for m in people)

    def _indefinite_source(
        self, words: list[tuple[str, int, int]], *, cue: str
    ) -> Attribution | None:
        """'said someone at the meeting', 'said someone in the public who called in': an
        unnamed source the frame describes, kept as written (up to its clause's end), so the
        quote is not handed to the previous speaker."""
        if not words or words[0][0].lower() not in {"someone", "somebody", "another"}:
            return None
        stop = words[0][2]
        for w, _, e in words[:12]:
            if w in {",", ";", ":"}:
                break
            stop = e
            if w.endswith(".") and not _ABBREVIATION.search(w[:-1]):
                break  # the sentence's end
        phrase = self.text[words[0][1] : stop].strip(" .,")
        return Attribution(speaker_text=phrase, speaker_id=None, cue=cue)

    def _names_after_only(self, words: list[tuple[str, int, int]], verb: int) -> bool:
        """True when a person is named within three words after the verb at `verb` and nobody
        before it ('…, heard co-workers yelling, said Jean Larson'; not 'Nichols, 37, said
        Tuesday')."""
        if verb + 1 >= len(words):
            return False
        after = self.index.within(words[verb][2], words[min(verb + 3, len(words) - 1)][2])
        before = self.index.within(words[0][1], words[verb][1])
        return any(m.type == "PERSON" for m in after) and not any(
            m.type in {"PERSON", "ORG"} for m in before
        )

    def role_holder(self, phrase: str, before: int) -> _Mention | None:
        """The person (or organisation) a definite role phrase ("the judge", "the agency")
        continues: the nearest one before `before` whom the article gave that role as a title
        ("Judge James Bodiford", "software giant Microsoft"), in apposition ("Joe Silva, a
        police spokesman") or in its name ("IRNA news agency")."""
        match = _ROLE_PHRASE.match(phrase.strip())
        if not match:
            titled = _PERSON_ROLE_PHRASE.match(phrase.strip())
            if titled is None or titled.group(1).lower() not in _PERSON_ROLES:
                return self._kin_holder(phrase, before)
            match = titled  # "The PAHO Director" after "PAHO Director Carissa F. Etienne"
        head = match.group(1).lower()
        if head in DOCUMENT_WORDS | _WRITINGS:
            # "the paper states" after "A new research paper published in Frontiers …": a
            # text is no role, and the journal that printed it did not write it.
            return None
        if head in _ORG_NOUNS:
            # "the company said", "the US software giant said": the nearest organisation.
            orgs = [
                m
                for m in self.index.within(max(0, before - 3000), before)
                if m.type == "ORG"
                and not self.inside_quote(m.span[0])
                # "Russell Smith's Facebook page said he worked at L-3 Communications. But the
                # company said …": a site holding someone's page is not the company meant.
                and not _PAGE_AFTER.match(self.text, m.span[1])
            ]
            if not orgs:
                return None
            # The organisation the article has been about (most mentions), the nearest on ties;
            # mentions opening a sentence ("Microsoft said …") first: "the software maker" is an
            # actor, not the product it makes ("Internet Explorer").
            counts = Counter(m.entity_id for m in orgs if self._opens_sentence(m.span[0]))
            if not counts:
                counts = Counter(m.entity_id for m in orgs)
            top = max(counts.values())
            return next(m for m in reversed(orgs) if counts[m.entity_id] == top)
        # A MISC mention counts only through a title before it ("President Bush" typed MISC by
        # the entity stage, then "The president responded,": fresh17).
        people = [
            m
            for m in self.index.within(max(0, before - 6000), before)
            if m.type in {"PERSON", "ORG", "MISC"} and not self.inside_quote(m.span[0])
        ]
        for m in reversed(people):
            named = re.findall(r"[a-z][a-z-]*", m.text.lower())
            if m.type == "ORG" and head in named and head not in _PERSON_ROLES:
                return m  # "the agency" after "Islamic Republic News Agency"
            if named[-1:] == [head]:
                continue  # "the actress" is no show named "Fat Actress"
            if m.type == "PERSON" and len(named) >= 2 and named[0] == head:
                return m  # "The president responded" after a mention "President Bush" (fresh17)
            title = self.text[max(0, m.span[0] - 50) : m.span[0]].lower()
            # 'the "American Pie" star's rep Jack Ketsoyan': the owner's role is not his.
            title = re.split(r"['’]s\s", title)[-1]
            title_words = re.findall(r"[a-z][a-z-]*", title.rsplit("\n", 1)[-1])[-4:]
            spoken = [i for i, w in enumerate(title_words) if w in SPEECH_VERBS]
            if spoken:
                # "Another highly placed source said the younger Bush": words before a speech
                # verb belong to its subject, not to a title of the name after it.
                title_words = title_words[spoken[-1] + 1 :]
            # "Joe Silva, a police spokesman, said", "according to Rudy Bandemer the boy's
            # older half-brother": the apposition up to the next stop or comma
            if m.type == "MISC":
                # only a title right before it ("President Bush"), never "the president, an
                # American": a nationality is no speaker
                if title_words[-1:] == [head] and title.endswith(" "):
                    return m
                continue
            apposition = _APPOSITION.match(self.text, m.span[1]) if m.type == "PERSON" else None
            appended = (
                re.findall(r"[a-z][a-z-]*", apposition.group(1).lower()) if apposition else []
            )
            ends = [i for i, w in enumerate(appended) if w in _APPOSITION_ENDS]
            words = title_words + (appended[: ends[0]] if ends else appended)
            if head in {_ROLE_ABBREVIATIONS.get(w, w) for w in words}:
                return m  # "the lieutenant" after "Roy Police Lt. Kevin Smith"
        return None

    def role_continues(self, phrase: str, before: int) -> _Mention | None:
        """The named person a definite role phrase goes on with when the article never gave
        anyone that role as a title: 'Chris Grayling warned on Monday …. Speaking in the
        Commons, the Conservative MP said:' / '…, Dr Etienne said. The PAHO Director also
        urged …'. Only the nearest person before it, within the paragraph before, and only one
        the text has just shown speaking (a speech verb after the name in its sentence): a
        person merely talked about ("Smith was charged. The prosecutor said") is not meant."""
        match = _PERSON_ROLE_PHRASE.match(phrase.strip())
        if match is None or match.group(1).lower() not in _PERSON_ROLES:
            return None
        start = self.paragraph(before)[0]
        floor = self.paragraph(start - 3)[0] if start > 3 else 0  # the paragraph before too
        people = [
            m
            for m in self.index.within(floor, before)
            if m.type == "PERSON" and not self.inside_quote(m.span[0])
        ]
        if not people or people[-1].entity_id is None:
            return None
        last = people[-1]
        head = match.group(1).lower()
        window = self.text[floor:before]
        at = window.rfind(phrase.strip())
        earlier = window[:at] if at >= 0 else window  # not the phrase itself
        if re.search(rf"\b{re.escape(head)}\b", earlier.lower()):
            # "the actress's rep Jack Kets confirmed …. the actress said": the role was
            # someone else's in the text before; it goes on with them, not with the name.
            return None
        phrase_at = floor + at if at >= 0 else before
        if last.span[1] > sentence_starts(self.text, start, max(start, phrase_at))[-1]:
            # 'when Vogue asked Dion, "…?" the singer answered': someone in the phrase's own
            # sentence is another actor, not the one it goes on with.
            return None
        rest = self.text[last.span[1] : sentence_limit(self.text, last.span[1])]
        verbs = re.findall(r"[a-z]+", rest.lower())[:6]
        return last if any(w in SPEECH_VERBS for w in verbs) else None

    def _kin_holder(self, phrase: str, before: int) -> _Mention | None:
        """The person a kinship phrase ("his Mom", "her father") continues: the one person the
        article introduced with that relation ("his mother Lee Anna Richardson", "Doreen
        Warren, his mother"); None when nobody or more than one person was."""
        match = _KIN_PHRASE.match(phrase.strip())
        if not match:
            return None
        head = _KIN_FORMS.get(match.group(1).lower(), match.group(1).lower())
        holders: dict[str, _Mention] = {}
        for m in self.index.within(max(0, before - 6000), before):
            if m.type != "PERSON" or self.inside_quote(m.span[0]) or m.entity_id is None:
                continue
            lead = self.text[max(0, m.span[0] - 30) : m.span[0]].rsplit("\n", 1)[-1].lower()
            title = re.findall(r"[a-z]+", lead)[-2:]
            apposition = re.match(r",\s+(?:his|her|their|the)\s+(\w+)", self.text[m.span[1] :])
            kin = {_KIN_FORMS.get(w, w) for w in title}
            if apposition:
                kin.add(_KIN_FORMS.get(apposition.group(1).lower(), apposition.group(1).lower()))
            if head in kin:
                holders[m.entity_id] = m
        if not holders and head in {"mother", "father"}:
            return self._parent_named(head, before)
        return next(iter(holders.values())) if len(holders) == 1 else None

    def _parent_named(self, head: str, before: int) -> _Mention | None:
        """The mother or father of "his mother" when the article named the parents as a couple
        of a child ('David and Myrtle Parsons will never know what kind of man their son,
        Michael, could have been.', GVC 597c86a): the one of the two of that sex. None when
        the sex is not known or more than one such couple is named."""
        sex = KIN_SEX.get(head)
        persons = [
            m
            for m in self.index.within(max(0, before - 6000), before)
            if m.type == "PERSON" and m.entity_id is not None and not self.inside_quote(m.span[0])
        ]
        found: dict[str, _Mention] = {}
        for first, second in itertools.pairwise(persons):
            if first.entity_id == second.entity_id or not re.fullmatch(
                r"[ \t]+and[ \t]+", self.text[first.span[1] : second.span[0]]
            ):
                continue
            end = sentence_limit(self.text, second.span[1])
            if not _CHILD_OF_COUPLE.search(self.text, second.span[1], end):
                continue
            for m in (first, second):
                if self.gender(m.entity_id or "") == sex:
                    found[m.entity_id or ""] = m
        return next(iter(found.values())) if len(found) == 1 else None

    def _opens_sentence(self, pos: int) -> bool:
        """True when only a determiner stands between the start of a sentence and `pos`."""
        lead = self.text[max(0, pos - 40) : pos]
        cut = max(lead.rfind(". "), lead.rfind("\n"), lead.rfind('" '), lead.rfind("” "))
        words = lead[cut + 1 :].split() if cut >= 0 or pos <= 40 else None
        return words is not None and all(w.lower() in {"the", "a", "an"} for w in words)

    def _appositive(self, end: int) -> _Mention | None:
        """The person named right after ', ' at `end` ("…'s husband, Chris Whittaker")."""
        if not self.text.startswith(", ", end):
            return None
        found = [
            m
            for m in self.index.within(end + 2, end + 60)
            if m.type == "PERSON"
            and (
                m.span[0] == end + 2
                # "Lamas' son, actor Lorenzo Lamas, tweeted": a role before the name, which
                # the comma closing the apposition ends
                or (
                    _ROLE_BEFORE_NAME.fullmatch(self.text, end + 1, m.span[0]) is not None
                    and self.text.startswith(",", m.span[1])
                )
            )
        ]
        return found[0] if found else None

    def _agent(self, words: list[tuple[str, int, int]], *, cue: str) -> Attribution | None:
        """The agent of a passive frame: "by the officer" (the words start at "by")."""
        stop = None
        for w, _, e in words[1:10]:
            if w in {",", ";", ":", "."} or w.lower() in {"who", "which", "in", "at", "on"}:
                break
            stop = e
        if stop is None:
            return None
        while stop > words[0][2] and self.text[stop - 1] == ".":
            stop -= 1  # the sentence's full stop, kept by the word pattern
        return self.subject(words[0][2], stop, prefer_last=False, cue=cue)

    def _participle_subject(
        self, words: list[tuple[str, int, int]], before: int
    ) -> Attribution | None:
        """The person opening a sentence whose ", saying" reports the clause a partial quote
        ends ('Beat writer Larry Holder puts this in a one liner, saying Bush "could sit out
        …"'): the subject of the participle, not the subject of the clause it reports."""
        for i in range(len(words) - 1, 0, -1):
            word, at, _ = words[i]
            if at >= before or words[i - 1][0] != ",":
                continue
            if word.lower() not in {"saying", "adding", "noting", "writing", "insisting"}:
                continue
            opening = words[: min(i, 5)]
            people = [
                m
                for m in self.index.within(words[0][1], opening[-1][2])
                if m.type == "PERSON" and not self.inside_quote(m.span[0])
            ]
            if not people or any(w in {",", ";", ":"} for w, _, _ in words[: i - 1][:5]):
                return None
            return Attribution(
                speaker_text=people[0].text, speaker_id=people[0].entity_id, cue=word
            )
        return None

    def _reporting_subject(
        self, words: list[tuple[str, int, int]], before: int, *, cue: str
    ) -> Attribution | None:
        """The named subject of the first speech verb of a sentence whose words are `words`,
        when that verb comes before `before` and reports a clause ("Lyons said that …",
        "Police told reporters …"): a short phrase opening the sentence. None otherwise."""
        for i, (word, at, _) in enumerate(words):
            if at >= before or self.inside_quote(at):
                break
            if not _is_verb(word) or word.lower().endswith("ing"):
                continue
            subject = words[:i]
            # "Bishop Henry Mansell of the Archdiocese of Buffalo said it was "…"": a subject
            # that opens with a person may run on with the body the person belongs to.
            named = subject and any(
                # the name first, or after one title word ("Bishop Henry Mansell")
                m.type == "PERSON" and m.span[0] <= subject[min(1, len(subject) - 1)][1]
                for m in self.index.within(subject[0][1], subject[-1][2])
            )
            longest = 10 if named else 6
            commas = [j for j, (w, _, _) in enumerate(subject) if w == ","]
            if len(commas) == 2 and commas[-1] == len(subject) - 1 and 0 < commas[0] <= 6:
                # "Vacco's campaign manager, Matt Behrmann, said … that Spitzer had "…"": the
                # name in apposition, else the phrase before it, reports the clause.
                # the name opens the apposition ("one of … owned by James Pattison" is none)
                opens = {w[1] for w in subject[commas[0] + 1 : commas[0] + 3]}
                inner = [
                    m
                    for m in self.index.within(subject[commas[0]][2], subject[commas[1]][1])
                    if m.type == "PERSON" and m.span[0] in opens
                ]
                if inner:
                    return Attribution(
                        speaker_text=inner[0].text, speaker_id=inner[0].entity_id, cue=cue
                    )
                subject = subject[: commas[0]]
            elif (
                commas
                and subject[0][0].lower() in _PREPOSITIONS | _SUBORDINATORS
                and 1 <= len(subject) - commas[-1] - 1 <= 4
            ):
                # "Of the fatal shooting, Hart said Vigil "did not …"": an opening adverbial
                # set off by a comma stands before the subject.
                subject = subject[commas[-1] + 1 :]
            if not 1 <= len(subject) <= longest or any(w in {",", ";", ":"} for w, _, _ in subject):
                return None
            if subject[0][0].lower() in _SUBORDINATORS | _PREPOSITIONS:
                return None
            found = self.subject(subject[0][1], subject[-1][2], prefer_last=False, cue=cue)
            return found if found.speaker_text is not None else None
        return None

    def _after_preposition(self, pos: int) -> bool:
        """True when a preposition stands right before the word at `pos` ("in NATO")."""
        before = re.findall(r"[\w’']+", self.text[max(0, pos - 12) : pos])
        return bool(before) and before[-1].lower() in _PREPOSITIONS | {"into", "among"}

    def _heading(self, begin: int, start: int) -> Attribution | None:
        """The speaker of a statement listed under a heading of a name and a day, without a
        verb ('… regarding a meeting with the president: Wechsler on Thursday "…" White House on
        Thursday "…" Clinton on Friday. "…"'): the heading is all that stands between the
        quote and a colon, a closing mark or the sentence before, and it is one mention."""
        head = self.text[begin:start]
        cut = max(head.rfind(":"), head.rfind("''"), head.rfind('"'), head.rfind("”"))
        piece_start = begin + cut + (2 if head.startswith("''", cut) else 1) if cut >= 0 else begin
        piece = self.text[piece_start:start].rstrip(' \t`"“')
        if not piece.strip() and begin > 0:
            # "Clinton on Friday. "…"": the heading is the sentence before.
            piece_start = sentence_starts(self.text, max(0, begin - 120), begin - 1)[-1]
            piece = self.text[piece_start:begin].rstrip()
            if not piece.endswith("."):
                return None
        match = _HEADING.fullmatch(piece)
        if match is None:
            return None
        s, e = piece_start + match.start(1), piece_start + match.end(1)
        named = [
            m for m in self.index.within(s, e) if m.type in {"PERSON", "ORG"} and m.span[1] == e
        ]
        if not named or self.text[s : named[0].span[0]].strip() not in {"", "the", "The"}:
            return None
        return Attribution(speaker_text=named[0].text, speaker_id=named[0].entity_id, cue="caption")

    def _clause_subject(self, words: list[tuple[str, int, int]], *, cue: str) -> Attribution | None:
        """The subject of the first clause of a sentence whose words are `words`: a person or
        a personal pronoun right before a past-tense verb ("In an interview from Jordan on ABC,
        he declined …"), after an opening phrase set off by a comma at most."""
        for i, (token, _, _) in enumerate(words[:-1]):
            if token in {";", ":"}:
                return None
            following = words[i + 1][0]
            if not (following.endswith("ed") or following.lower() in SPEECH_VERBS):
                continue
            j = i
            while j > 0 and words[j][0].lower() in _BETWEEN | _DAY_ADVERBS:
                j -= 1  # "President Bush today denounced …": the subject is before the adverb
            word, at, end = words[j]
            if word.lower() in _PERSONAL:
                found = self.subject(at, end, prefer_last=False, cue=cue)
                return found if found.speaker_id is not None else None
            people = [m for m in self.index.within(words[0][1], end) if m.type == "PERSON"]
            if (
                people
                and people[-1].span[1] == end
                and not self._after_preposition(people[-1].span[0])
            ):
                return Attribution(
                    speaker_text=people[-1].text, speaker_id=people[-1].entity_id, cue=cue
                )
            return None
        return None

    def _caption(self, begin: int, start: int) -> Attribution | None:
        """The speaker of a caption that opens the quote's line: 'David Soares/Albany County
        District Attorney: "…"' (a TV transcript's name and title), or 'Putin: "…"' when a
        person mention is all that stands before the colon."""
        head = self.text[begin:start]
        match = _CAPTION.match(head)
        if match is not None:
            return self.subject(
                begin + match.start(1), begin + match.end(1), prefer_last=False, cue="caption"
            )
        bare = re.match(r"\s*([^:\n]{2,60}?):\s*$", head)
        if bare is None:
            return None
        s, e = begin + bare.start(1), begin + bare.end(1)
        people = [m for m in self.index.within(s, e) if m.type == "PERSON"]
        if len(people) == 1 and people[0].span == (s, e):
            return Attribution(
                speaker_text=people[0].text, speaker_id=people[0].entity_id, cue="caption"
            )
        return None

    def _according_to(self, start: int, limit: int) -> Attribution | None:
        """', according to Troy police Lt. Gerry Scherlinck.' after a quote."""
        tail = self.text[start:limit]
        match = re.match(r"\s*(?:,\s*)?[Aa]ccording to\s+", tail)
        if not match:
            return None
        s = start + match.end()
        stop = min(
            sentence_limit(self.text, s),
            *(s + i for i in (self.text.find(c, s, limit) - s for c in ",;") if i >= 0),
            limit,
        )
        modifier = re.match(
            r"((?:[a-z][\w-]*\s+){1,6}?)(?:acting|working|representing|for|of|with|close|at)\b",
            self.text[s:stop],
        )
        if modifier is not None and self.text.startswith("at", s + modifier.end(1)):
            # "according to reports at the time", "officers at the scene": a description,
            # unless a name follows ("researchers at iDefense" stays with the firm)
            modifier = None if self.index.within(s, stop) else modifier
        if modifier is not None and not self.index.within(s, s + modifier.end(1)):
            # "according to forensic experts and independent experts acting for the
            # Grigoropoulos family": the source is the description, not the name it serves.
            phrase = modifier.group(1).strip()
            if phrase.split()[-1] not in _RELATIVES | _PREPOSITIONS and _names_someone(phrase):
                return Attribution(speaker_text=phrase, speaker_id=None, cue="according to")
        return self.subject(s, stop, prefer_last=False, cue="according to")

    def _absolute_subject(
        self, words: list[tuple[str, int, int]], v: int, *, cue: str
    ) -> Attribution | None:
        """The speaker of a participle in an absolute phrase opened by "with" ('his trial
        began, with the prosecution describing the Nazi leader as "…"', 'with police saying
        "…"'): the noun phrase between "with" and the participle, not the sentence's subject.
        Only a short phrase with no comma or verb of its own."""
        opener = next(
            (j for j in range(v - 1, max(-1, v - 6), -1) if words[j][0].lower() == "with"), None
        )
        if opener is None or opener + 1 >= v:
            return None
        between = words[opener + 1 : v]
        if any(w in {",", ";", ":"} or _is_verb(w) or w.lower() in _COPULAS for w, _, _ in between):
            return None
        found = self.subject(between[0][1], between[-1][2], prefer_last=True, cue=cue)
        return found if found.speaker_text is not None else None

    def before_frame(self, start: int, floor: int) -> tuple[Attribution | None, bool]:
        """`Putin said: "…"`, `X also "expressed …"`, `According to X, "…"`; and attachment.

        Returns the attribution and whether the frame introduces the quote directly (a speech
        verb just before it), which short quotes need to count as statements.
        """
        # An attribution frame is never longer than this: bounding it keeps the work per quote
        # constant on untrusted text with huge paragraphs or no full stops.
        floor = max(floor, start - self.config.frame_chars)
        begin = sentence_starts(self.text, floor, start)[-1]
        words = _words(self.text, begin, start)
        caption = self._caption(begin, start) or self._heading(begin, start)
        if caption is not None:
            return caption, True
        according = re.match(r"[\s\"“‘]*[Aa]ccording to\s", self.text[begin:start])
        if (
            according
            and not any(_is_verb(w) for w, _, _ in words)
            and words
            and words[-1][0].lower() in _COPULAS | {"as", "remains", "seems", "became"}
        ):
            # 'According to director Rojansky, Kolomoisky is "perceived as …"': the source the
            # sentence opens with speaks, not the subject the partial quote describes; but in
            # 'According to the release, Putin also "expressed confidence …"' the subject acts.
            source = self._according_to(begin + according.start(), start)
            if source is not None and source.speaker_text is not None:
                return source, False
        override = re.search(
            r"(?:quote|quotes|quoting|words|remarks)\s+(?:from|of|by)?\s*([A-Z][^,;:]*?)(?:\s+(?:addressing|to|about|on|in)\b|[,;:])",
            self.text[begin:start],
        )
        if override:
            s = begin + override.start(1)
            att = self.subject(s, begin + override.end(1), prefer_last=False, cue="quoted")
            if att.speaker_text:
                return att, True
        # Partial quote as predicate: 'Putin also "expressed confidence that …"', 'the Russian
        # president, 68, "wished …"'.
        tail = [t for t in words[-6:] if t[0].lower() not in _BETWEEN and not t[0].isdigit()]
        tail = [t for t in tail if t[0] != ","]
        # ('said the Memphis project was " pulled in for …"': a space may follow the mark)
        if tail and self.text[start + 1 : start + 3].lstrip()[:1].islower():
            last = tail[-1]
            found = [
                m
                for m in self.index.within(tail[0][1], last[2] + 3)
                if m.type in {"PERSON", "ORG"}
                and m.span[1] >= last[2] - 1
                # 'called Hungary's admission in NATO "returning to …"': the object of a
                # preposition is not who speaks
                and not self._after_preposition(m.span[0])
            ]
            if found or last[0].lower() in PRONOUNS:
                first_word = self.text[start + 1 :].split(" ", 1)[0]
                participle = self._participle_subject(words, last[1])
                if participle is not None:
                    return participle, False
                outer = self._reporting_subject(words, last[1], cue=first_word)
                if outer is not None:
                    # 'Lyons said that Comeaux used a wheelchair – he "claimed it was …"': a
                    # partial quote inside a reported clause gives the reporter's words.
                    return outer, False
                att = self.subject(
                    last[1] if not found else found[-1].span[0],
                    last[2],
                    prefer_last=True,
                    cue=first_word,
                )
                return att, False
        if (
            len(words) > 2
            and words[0][0][:1].isupper()
            and words[0][0].lower() in SPEECH_VERBS
            and words[-1][0] in {",", ":"}
            # "Asked about …, Billie Holliday replied, "…"": a participle opens the sentence
            # and a later verb has its own subject
            and not any(_is_verb(w) for w, _, _ in words[2:-1])
        ):
            # 'Replied State Department deputy spokesman Richard Boucher, "…"': the verb opens
            # the sentence and its subject follows it.
            inverted = self.subject(
                words[1][1], words[-1][1], prefer_last=True, cue=words[0][0].lower()
            )
            if inverted.speaker_text is not None:
                return inverted, True
        own = self.quotes.starting_at(start + 1)
        quoted = self.text[own[0] : own[1]] if own else ""
        # 'called the actor "a consummate entertainer and …"': a naming verb introduces a
        # statement when what it quotes is one (four words or more, as for scare quotes).
        small = {"of", "the", "a", "an", "and", "in", "on", "for", "to", "at", "by", "from", "with"}
        naming = len(quoted.split()) >= 4 and any(
            w[:1].islower() and w not in small for w in quoted.split()
        )
        # 'The university called the shooting an "isolated and unprecedented" incident': two
        # or three lower-case words after a naming verb and its object are the subject's words
        # too; right after the verb they stay a name ('a practice called "stop and frisk"').
        short_naming = (
            2 <= len(quoted.split()) <= 3
            and all(w[:1].islower() for w in quoted.split())
            and any(w not in small for w in quoted.split())
        )
        verbs = [
            i
            for i, (w, _, _) in enumerate(words)
            # a naming verb introduces only the quote right after it ('called it "…"'), not a
            # later one ('known as "Little Miami," the reason being, "…"')
            if (
                _is_verb(w)
                or (naming and w.lower() in NAMING_VERBS and self._names_next(words, i, start))
                or (
                    short_naming
                    and w in _FINITE_NAMING
                    # an object of two words at least: 'called them "…"' names a term
                    and 3 <= len(words) - i <= 6
                    and words[i + 1][0].lower() not in _NAMING_PARTICLES
                    and self._names_next(words, i, start)
                )
                # 'Scientists used …, describing them as "a seamless mosaic of forests …"':
                # the participle names what it quotes as a naming verb does
                or (
                    naming
                    and w.lower() == "describing"
                    and words[-1][0].lower() == "as"
                    and self._names_next(words, i, start)
                )
                or _offers_words(words, i)
                # 'Fulcher also thanked "the Lord Jesus, …"', 'put it simply: Renewables "are
                # not …"': speech acts whose object or complement is the speaker's words
                or (w.lower() in _OBJECT_ACTS and i >= len(words) - 4)
                or (
                    w == "put"
                    and i + 2 < len(words)
                    and words[i + 1][0] == "it"
                    and words[i + 2][0].lower() in {"simply", "bluntly", "best", "plainly", ":"}
                )
                # 'Alley went on, "…"': the speaker goes on speaking
                or (
                    w in {"went", "goes"}
                    and i + 1 < len(words)
                    and words[i + 1][0] == "on"
                    and (i + 2 == len(words) or words[i + 2][0] in {",", ":", "in", "to"})
                )
            )
            # "difficult to say", "asked the media to keep": an infinitive reports no speech
            and not (i > 0 and words[i - 1][0].lower() == "to")
            # 'a passage relating "let it be said to all …," but instead arise from "…"':
            # a verb inside an earlier quote is its words, no frame of this one
            and not self.inside_quote(words[i][1])
            # "If Trump actually read it, Schwartz would …, telling Mayer": a verb inside the
            # opening subordinate clause frames nothing
            and not (
                words[0][0].lower() in _SUBORDINATORS
                and "," not in {x for x, _, _ in words[1:i]}
                and "," in {x for x, _, _ in words[i + 1 : -1]}
            )
            # "if global temperatures continue to rise": going on, not speaking
            and not (
                w.lower() in {"continue", "continues", "continued"}
                and i + 1 < len(words)
                and words[i + 1][0].lower() == "to"
            )
            # "They are asked to": a passive speech verb's subject is addressed, not speaking
            and not (i > 0 and _passive(words[i - 1][0], w))
            # "denied reports that": a speech verb's object, a noun
            and not (i > 0 and w.lower() in _BARE_FORMS | {"reports"} and _is_verb(words[i - 1][0]))
        ]
        attached = bool(
            verbs
            and len(words) - verbs[-1] <= 3
            and all(
                w.lower() in {"that", ",", ":", "reporters", "him", "her", "them"}
                for w, _, _ in words[verbs[-1] + 1 :]
            )
        ) or bool(
            # 'Mr. LaRue said in 1971, "I'm no millionaire."': a short adverbial of time or
            # place between the verb and the comma before the quote.
            verbs
            and 3 <= len(words) - verbs[-1] <= 5
            and words[-1][0] in {",", ":"}
            and words[verbs[-1] + 1][0].lower() in {"in", "on", "at", "during", "last", "this"}
            and not any(w in {",", ";"} for w, _, _ in words[verbs[-1] + 1 : -1])
        )
        for v in reversed(verbs):
            # A participle after a comma ("…, adding that") takes the subject of the clause
            # before it: try verbs right to left until one has a subject.
            clause = max(
                [i for i, (w, _, _) in enumerate(words[:v]) if w in {",", ";", ":"}], default=-1
            )
            progressive = v > 0 and words[v - 1][0].lower() in _PROGRESSIVE_AUXILIARIES
            gerund = words[v][0].lower().endswith("ing") and not progressive
            if gerund or words[v][0].lower() in _HEARD_BARE:
                heard = next(
                    (j for j in range(max(0, v - 5), v - 1) if words[j][0].lower() in _PERCEIVING),
                    None,
                )
                if (
                    heard is not None
                    and v - heard <= 5
                    and (
                        gerund or not any(w in {",", ";", ":"} for w, _, _ in words[heard + 1 : v])
                    )
                ):
                    # 'she heard the police yelling "Look nice."', 'Kelly said an "earwitness"
                    # heard a cop yell, "…"': the one heard speaks, not the sentence's subject
                    heard_by = self.subject(
                        words[heard + 1][1], words[v - 1][2], prefer_last=True, cue=words[v][0]
                    )
                    if heard_by.speaker_text is not None:
                        return heard_by, attached
            if gerund:
                absolute = self._absolute_subject(words, v, cue=words[v][0])
                if absolute is not None:
                    return absolute, attached
                # a participle ("…, stating that"): the sentence's subject speaks; but "She is
                # asking for" is a finite verb with its own subject
                continue
            if v > 0 and words[v - 1][0].lower() in DOCUMENT_WORDS:
                continue  # "a statement posted on his website": not the speech verb
            subj_start = words[clause + 1][1] if clause + 1 < v else words[v][1]
            subj_words = words[clause + 1 : v]
            if progressive:
                # "She is asking": the subject is the words before the auxiliary
                while (
                    subj_words and subj_words[-1][0].lower() in _PROGRESSIVE_AUXILIARIES | _BETWEEN
                ):
                    subj_words = subj_words[:-1]
            subj_end = subj_words[-1][2] if progressive and subj_words else words[v][1]
            cue = words[v][0].rstrip(".")
            if cue.lower() in {"told", "tells"} and v + 1 < len(words):
                cue = f"{cue} {words[v + 1][0]}"
            near = subj_words[-3:]
            near_start = near[0][1] if near else words[v][1]
            adjacent = [
                m
                for m in self.index.within(near_start, words[v][1])
                if not self.inside_quote(m.span[0])
                and all(
                    w.lower() in _BETWEEN or w == ","
                    for w, _, _ in _words(self.text, m.span[1], words[v][1])
                    if w not in {"’s", "'s"}
                )
            ]
            if subj_words and self.inside_quote(subj_words[-1][1]):
                # '"…" says Bonnie Young, adding, "…"': the verb follows a quote, so its
                # subject comes after it, not from the quoted words.
                stops = [i for i in range(v + 1, len(words)) if words[i][0] in {",", ";", ":"}]
                stop = words[stops[0]][1] if stops else start
                after = self.subject(words[v][2], stop, prefer_last=True, cue=cue)
                if after.speaker_text is not None:
                    return after, attached
                continue
            # "…, William Dufty, Billie Holliday replied": capitalised words alone before the
            # verb are a name the model missed; they speak, not the apposition before them.
            bare_name = 0 < len(subj_words) <= 3 and all(
                w[:1].isupper() and w.lower() not in _BETWEEN for w, _, _ in subj_words
            )
            if clause >= 0 and not bare_name and not any(m.type == "PERSON" for m in adjacent):
                named = self._apposition_before(words, clause)
                if named is not None:
                    # "The head of the GSEE private sector union, Giannis Panagopoulos, said:":
                    # the name set off by commas right before the verb speaks, not the union.
                    return (
                        self.subject(named.span[0], named.span[1], prefer_last=False, cue=cue),
                        attached,
                    )
                # "Peter Guest, Assistant Chief Fire Officer at …, says": the appositive
                # describes the person who opens the sentence.
                opener = [
                    m
                    for m in self.index.within(begin, words[clause][1])
                    if m.type == "PERSON" and len(self.text[begin : m.span[0]].split()) <= 2
                ]
                if opener and self.text[opener[0].span[1] :].lstrip().startswith(","):
                    first = opener[0]
                    if self._group_of(begin, first, [first]):
                        # "Friends of Kathryn Jenkin, known as Katie, have described her as":
                        # the friends speak, not the person their phrase names.
                        shown = self.text[begin : first.span[1]].strip(' "“‘')
                        return Attribution(speaker_text=shown, speaker_id=None, cue=cue), attached
                    return (
                        self.subject(first.span[0], first.span[1], prefer_last=False, cue=cue),
                        attached,
                    )
            coordinated = {"and", "then", "but"}
            if (
                not adjacent
                and subj_words
                and (
                    subj_words[-1][0].lower() in coordinated
                    # "He suggests …, then for some reason adds, "…"": an adverbial after
                    # the conjunction is no subject
                    or (
                        subj_words[0][0].lower() in coordinated
                        and len(subj_words) > 1
                        and subj_words[1][0].lower() in _PREPOSITIONS
                    )
                )
            ):
                # '… – and added, "…"': a coordinated verb shares the subject of the
                # sentence's first speech verb ("Lyons said that … and added"), or of its
                # first verb ("In an interview on ABC, he declined to discuss details, but
                # said: "…"").
                if not _is_verb(words[v][0]) and any(u < v for u in verbs):
                    # 'in which she said she stopped by … and offered an apology to …': a
                    # speech act coordinated inside a reported clause is its speaker's
                    continue
                outer = self._reporting_subject(words[:v], words[v][1], cue=cue)
                if outer is None:
                    outer = self._clause_subject(words[:v], cue=cue)
                if outer is not None:
                    return outer, attached
            if adjacent or (subj_words and subj_words[-1][0].lower() in PRONOUNS):
                return self.subject(near_start, subj_end, prefer_last=True, cue=cue), attached
            relative = (
                clause > 0
                and not subj_words
                and any(
                    w == "," and i + 1 < clause and words[i + 1][0].lower() in {"who", "which"}
                    for i, (w, _, _) in enumerate(words[:clause])
                )
            )
            if relative or (
                clause >= 0
                and subj_words
                and all(w.lower() in _AUXILIARIES | _BETWEEN for w, _, _ in subj_words)
            ):
                # "The official, who was not authorized to speak, did say that …", "A Kellogg
                # officer, who asked not to be named, said …": the subject opens the sentence,
                # before the clause set off by commas.
                first_comma = next(i for i, (w, _, _) in enumerate(words) if w == ",")
                if 0 < first_comma <= 6 and words[0][0].lower() in _OPENERS:
                    opening = self.subject(
                        words[0][1], words[first_comma - 1][2], prefer_last=False, cue=cue
                    )
                    named = self._appositive(words[first_comma - 1][2])
                    if opening.speaker_id is None and named is not None:
                        # "The U.S. ambassador to Poland, Dan Fried, who was …, said": the name
                        # in apposition.
                        opening = Attribution(
                            speaker_text=named.text, speaker_id=named.entity_id, cue=cue
                        )
                    return opening, attached
            if len(subj_words) > 6 and not adjacent:
                # 'The Communist Party daily Granma compared Elian with … and said': a long
                # run before the verb holds a clause; its opening noun phrase is the subject,
                # not the first person named in it.
                phrase = _leading_noun_phrase(subj_words)
                if phrase is not None:
                    opening = self.subject(phrase[0], phrase[1], prefer_last=True, cue=cue)
                    head = self.text[phrase[0] : phrase[1]].rstrip(" .,")
                    # only a name that heads the phrase ("… daily Granma"), not a modifier
                    # ("The Weatherford football Twitter page")
                    if opening.speaker_id is not None and head.endswith(
                        opening.speaker_text or "-"
                    ):
                        return opening, attached
            inner = _reported_subject(subj_words)
            if inner:
                # 'Schabes said the teens were screaming, "Oh my God,"': the speech verb of the
                # reported clause has its own subject, who spoke the words; the reporter only
                # passes them on.
                spoke = self.subject(inner[0][1], inner[-1][2], prefer_last=False, cue=cue)
                if spoke.speaker_text is not None:
                    return spoke, attached
            if subj_words:
                return self.subject(subj_start, subj_end, prefer_last=False, cue=cue), attached
        if verbs:
            # Only participles ("…, stating that"): the sentence's subject speaks.
            lead = [
                m
                for m in self.index.within(begin, words[verbs[0]][1])
                if m.type in {"PERSON", "ORG"} and not self.inside_quote(m.span[0])
            ]
            cue = words[verbs[-1]][0]
            leading_word = words[0][0].lower() if words else ""
            if lead and leading_word in _SUBORDINATORS:
                # "If Trump actually read it, Schwartz would have been surprised, telling
                # Mayer, "…"": the subject follows the opening clause, not the name inside it.
                commas = [w_start for w, w_start, _ in words if w == ","]
                people = [
                    m for m in lead if m.type == "PERSON" and commas and m.span[0] > commas[0]
                ]
                if not people or len(self.text[commas[0] + 1 : people[0].span[0]].split()) > 2:
                    return None, attached
                subject = people[0]
                return (
                    self.subject(subject.span[0], subject.span[1], prefer_last=False, cue=cue),
                    attached,
                )
            if lead and len(self.text[begin : lead[0].span[0]].split()) <= 6:
                return (
                    self.subject(lead[0].span[0], lead[0].span[1], prefer_last=False, cue=cue),
                    attached,
                )
            phrase = _leading_noun_phrase(words)
            if phrase is not None:
                return self.subject(phrase[0], phrase[1], prefer_last=False, cue=cue), attached
        match = re.search(r"\b[Aa]ccording to\s+", self.text[begin:start])
        if match:
            return self._according_to(begin + match.start(), start), False
        return None, False
