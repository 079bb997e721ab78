"""Do two aligned sentences make ONE statement? The checks a corroboration must pass.

Similar wording is not the same statement: neighbouring sentences of one story share most of
their words ("six AK-47 rifles were seized" / "so far the navy has seized 14 AK-47 rifles"; "the
scientists urged the department to rescind the changes" / "Salazar rescinded the changes"). Before
a sentence counts as stating a claim, four things must agree (each a veto, never a bonus):

- who does what: the agents (subjects, the "by" of a passive, the speaker of a direct quote) and
  the patients (objects, the subject of a passive) of the main statement, read from a dependency
  parse and named by the entities stage's entity ids where a name is one: when both sentences
  have agents (or patients) and none of one side's is named on the other side at all, the two
  sentences tell of different actors;
- figures: the quantities each states (versions, phone numbers, dates and years excluded by the
  numbers extractor): two sentences that both state figures and share none, or give one counted
  thing ("rounds", "rifles") different values, tell different facts;
- dates: resolved dates on both sides that never overlap ("on Tuesday" / "on March 3");
- polarity: one side denies what the other affirms (`similarity.polarity_clash`);
- nationality: both sides give one noun nationalities that share no country ("a British
  climber" / "a New Zealand climber"; `align.nationality`);
- legal step: both name a step of a case (arrest, charge, arraignment, plea, conviction,
  sentence, acquittal) and share none ("In 2005, he was charged with assault" / "In 2005, Gomes
  was convicted of beating her");
- clock times: both state moments of the day and none of one side's meets one of the other's
  ("was reported just before 12:45 p.m." / "happened at about 1:30 p.m.");
- condition: one side tells of a death, the other of someone alive in a stated condition ("has
  died, days after she shot herself" / "is in critical condition after she shot herself"): a
  report and its update are two statements;
- ages: the agents (or the patients) of the main statement carry ages on both sides that share
  none ("A 17-year-old boy has been charged" / "A 16-year-old boy was killed");
- the possessor: one side's agent is someone's relation ("her friend found her daughter"), the
  other's the possessor herself ("She then found her daughter").

The parse is optional: without spaCy the who-does-what check is skipped (figures, dates and
polarity still apply), and the claims stage says so through the pipeline's modes.
"""

from __future__ import annotations

import re
from collections import OrderedDict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from typing import Any

from newsweave.align.clock_conflicts import ClockTime, clock_times
from newsweave.align.nationality import nationalities, nationalities_apart
from newsweave.align.similarity import polarity_clash, stem, text_features

Interval = tuple[date, date]

# Verbs whose clausal complement carries the statement ("X said S"): the actors of S count, not
# the reporter (two outlets citing different officials for one fact state one fact).
REPORTING = frozenset(
    """say tell add announce report confirm state claim note explain write warn insist
    believe think deny reveal testify acknowledge""".split()  # noqa: SIM905
)
# Subjects that name no one by themselves: the statement's actor is then the speaker.
PRONOUNS = frozenset(
    "i we you he she it they this that who which what there one someone anyone".split()  # noqa: SIM905
)
# Steps of a criminal case, by word stem (`similarity.stem`): two sentences naming different
# steps tell of different acts. Read on the labelled claim pairs (eval/data/claim_pairs.jsonl,
# session 10): sentences that name steps and share none were 5 `related` pairs (arrested /
# charged, charged / convicted, on probation for an arrest / for a charge) and no `same` one.
LEGAL_STEPS = {
    "arrest": "arrest",
    "charg": "charge",
    "indict": "charge",
    "indictment": "charge",
    "arraign": "arraign",
    "arraignment": "arraign",
    "plead": "plea",
    "pled": "plea",
    "plea": "plea",
    "convict": "conviction",
    "conviction": "conviction",
    "sentenc": "sentence",
    "acquit": "acquittal",
    "acquittal": "acquittal",
}
# A death against someone alive in a stated condition: read on the labelled claim pairs
# (eval/data/claim_pairs.jsonl, session 14), where sentences with one and not the other were 2
# `related` pairs and 1 `contradiction` ("has died" / "is in critical condition", "later died" /
# "listed in stable condition later", "has died" / "remained on life support") and no `same` one.
_DEATH = re.compile(
    r"\b(?:died|dies|dead|killed|death|fatal|fatally|slain|succumbed)\b", re.IGNORECASE
)
_ALIVE = re.compile(
    r"\b(?:critical|serious|stable|fair|good|grave)(?:\s(?:but|and)\sstable)?\scondition\b"
    r"|\b(?:is|was|remains|remained)\s(?:in|on)\s(?:a\s)?(?:hospital|life\ssupport)\b",
    re.IGNORECASE,
)
# "17-year-old" (one token, or spaCy's "17 - year - old"): an age of the word it modifies.
_AGE_WORD = re.compile(r"(\d{1,3})-years?-old", re.IGNORECASE)
# Possessives and the pronoun of their possessor as a subject: "her friend" is not "she".
_POSSESSOR = {"her": "she", "his": "he", "their": "they"}
# Dependents of an actor whose ages belong to someone else ("the man who shot a 16-year-old").
_OTHER_PEOPLE = frozenset({"relcl", "acl", "appos", "prep", "conj", "cc"})
_SUBJECTS = frozenset({"nsubj", "csubj"})
_PASSIVE_SUBJECTS = frozenset({"nsubjpass", "csubjpass"})
_OBJECTS = frozenset({"dobj", "obj", "iobj", "attr"})


@dataclass(frozen=True, slots=True)
class Actor:
    """One agent or patient: its entity id when the word is part of a named entity, and the
    stemmed head word (what to look for in the other sentence when it names no entity)."""

    entity: str | None
    word: str
    named: bool = False


@dataclass(frozen=True, slots=True)
class StatementFacts:
    """What the same-statement check needs of one sentence."""

    text: str
    entities: frozenset[str]
    terms: frozenset[str]
    agents: frozenset[Actor]
    patients: frozenset[Actor]
    figures: frozenset[float]
    figures_by_thing: tuple[tuple[str, frozenset[float]], ...]
    dates: tuple[Interval, ...]
    nations: frozenset[tuple[str, str]] = frozenset()
    clocks: tuple[ClockTime, ...] = ()
    # "dead", "alive" (a stated condition), or None when neither or both are told.
    condition: str | None = None
    # From the parse (empty without it): ages stated on the agents and on the patients of the
    # main statement, the subject pronouns among its agents, and the possessors ("her" as
    # "she") of its common-noun agents.
    agent_ages: frozenset[int] = frozenset()
    patient_ages: frozenset[int] = frozenset()
    agent_pronouns: frozenset[str] = frozenset()
    agent_possessors: frozenset[str] = frozenset()


Parser = Callable[[str], Any]
QuantityReader = Callable[[str], Sequence[Any]]


# Components of the English pipeline the parse needs: `tok2vec` (which `tagger` and `parser`
# listen to), `tagger` and `attribute_ruler` (the coarse `pos_` that `_actor` reads), `parser`
# (`dep_`). NER is not loaded (names come from the entities stage). The lemmatizer is loaded but
# off: only the root's lemma is read (is it a reporting verb?), so `_lemma` asks the lemmatizer for
# that one token, with the same result (the lemmatizer sets a lemma no other component set, from
# the token's `pos_`), instead of lemmatizing every token of every sentence.
_NOT_LOADED = ("ner",)
_LOADED_OFF = ("lemmatizer",)
# Parses kept by sentence text: a story's copies and rewrites repeat sentences word for word, and
# one sentence is checked again in every story it lands in. A parse depends on the text alone.
PARSE_CACHE_ENTRIES = 20_000
# Sentences per `nlp.pipe` batch in `parse_ahead`.
PARSE_BATCH = 256


@lru_cache(maxsize=1)
def default_parser() -> Parser | None:
    """spaCy's English pipeline with the parser (no NER: names come from the entities stage),
    or None when spaCy or its model is unavailable."""
    from newsweave.nlp import load_spacy

    nlp = load_spacy(exclude=_NOT_LOADED, disable=_LOADED_OFF)
    if nlp is None or "parser" not in nlp.pipe_names:
        return None
    return nlp  # type: ignore[no-any-return]


def statement_facts(
    text: str,
    *,
    entity_spans: Sequence[tuple[int, int, str]] = (),
    dates: Sequence[Interval] = (),
    parser: Parser | None = None,
    quantities: QuantityReader | None = None,
) -> StatementFacts:
    """The facts of one sentence; `entity_spans` are (start, end, entity id) relative to it."""
    agents: frozenset[Actor] = frozenset()
    patients: frozenset[Actor] = frozenset()
    roles = _Roles((), (), ())
    if parser is not None:
        roles = _roles(parser, text)
        agents, patients = _actors(roles, entity_spans)
    figures: set[float] = set()
    by_thing: dict[str, set[float]] = {}
    for quantity in quantities(text) if quantities is not None else ():
        if quantity.kind in ("year", "ordinal"):
            continue
        values = {float(quantity.value)}
        if quantity.second_value is not None:
            values.add(float(quantity.second_value))
        figures |= values
        if quantity.unit:
            by_thing.setdefault(stem(str(quantity.unit).split()[-1]), set()).update(values)
    return StatementFacts(
        text=text,
        entities=frozenset(e for _, _, e in entity_spans),
        terms=text_features(text).terms,
        agents=agents,
        patients=patients,
        figures=frozenset(figures),
        figures_by_thing=tuple(sorted((k, frozenset(v)) for k, v in by_thing.items())),
        dates=tuple(dates),
        nations=nationalities(text),
        clocks=tuple(clock_times(text)),
        condition=_condition(text),
        agent_ages=roles.agent_ages,
        patient_ages=roles.patient_ages,
        agent_pronouns=roles.agent_pronouns,
        agent_possessors=roles.agent_possessors,
    )


def _condition(text: str) -> str | None:
    dead, alive = _DEATH.search(text) is not None, _ALIVE.search(text) is not None
    if dead == alive:
        return None
    return "dead" if dead else "alive"


def different_statement(a: StatementFacts, b: StatementFacts) -> str | None:
    """Why `a` and `b` cannot be one statement ("actors", "figures", "dates", "polarity",
    "nationality", "legal step"), or None when nothing tells them apart (they may still differ
    in ways no rule reads)."""
    if a.text == b.text:
        return None
    for mine, theirs, other_mine, other_theirs in (
        (a.agents, b.agents, a.patients, b.patients),
        (a.patients, b.patients, a.agents, b.agents),
    ):
        # Two common nouns may be one actor in other words ("the navy" / "naval forces"): the
        # check needs a name on one side at least.
        if (
            mine
            and theirs
            and any(x.named for x in (*mine, *theirs))
            and _actors_apart(mine, b, other_theirs)
            and _actors_apart(theirs, a, other_mine)
        ):
            return "actors"
    if a.figures and b.figures and not a.figures & b.figures:
        return "figures"
    things_b = dict(b.figures_by_thing)
    if any(
        thing in things_b and values.isdisjoint(things_b[thing])
        for thing, values in a.figures_by_thing
    ):
        return "figures"
    if (
        a.dates
        and b.dates
        and not any(sa <= eb and sb <= ea for sa, ea in a.dates for sb, eb in b.dates)
    ):
        return "dates"
    if polarity_clash(a.text, b.text):
        return "polarity"
    if nationalities_apart(a.nations, b.nations):
        return "nationality"
    if a.clocks and b.clocks and not any(_clocks_meet(x, y) for x in a.clocks for y in b.clocks):
        return "clock times"
    if a.condition and b.condition and a.condition != b.condition:
        return "condition"
    if any(
        mine and theirs and mine.isdisjoint(theirs)
        for mine, theirs in ((a.agent_ages, b.agent_ages), (a.patient_ages, b.patient_ages))
    ):
        return "ages"
    if a.agent_possessors & b.agent_pronouns or b.agent_possessors & a.agent_pronouns:
        return "actors"
    steps_a = {LEGAL_STEPS[t] for t in a.terms if t in LEGAL_STEPS}
    steps_b = {LEGAL_STEPS[t] for t in b.terms if t in LEGAL_STEPS}
    if steps_a and steps_b and steps_a.isdisjoint(steps_b):
        return "legal step"
    return None


def _clocks_meet(a: ClockTime, b: ClockTime) -> bool:
    """Whether two stated times may be one moment: their windows (hedges and round times are
    tolerances, `clock_conflicts.clock_times`) meet on one clock, a day either side. When the
    zones differ (one left unsaid: "3:30 p.m." / "4:30 p.m. ET"), a whole number of hours apart
    also meets: the zones may tell that gap, not a different moment."""
    shifts = (0,) if a.zone == b.zone else range(-14 * 60, 15 * 60, 60)
    return any(
        lb + shift <= ha and la <= hb + shift
        for la, ha in a.windows
        for lb, hb in b.windows
        for day in (-1440, 0, 1440)
        for shift in (s + day for s in shifts)
    )


def _actors_apart(
    actors: frozenset[Actor], other: StatementFacts, other_role: frozenset[Actor]
) -> bool:
    """Whether none of `actors` is named in the other sentence outside the opposite role: an
    agent of one that is the other's patient ("Obama asked Gupta" / "Gupta is the leading
    contender") does not make one actor."""
    return not any(
        _named(actor, other) and not any(_same_actor(actor, o) for o in other_role)
        for actor in actors
    )


def agents_unnamed(a: StatementFacts, b: StatementFacts) -> bool:
    """Whether `b`, which names agents of its own, never names some named agent of `a`'s main
    statement. Of a compound statement ("Artino scored 14 points and Echenique had 11
    rebounds"), a sentence about one of its actors does not state it all, even where
    `different_statement` (which needs every actor of one side missing from the other) finds
    the two one statement. A `b` whose subject is a pronoun ("He appeared to be on the mend")
    names no one, and is not held to it."""
    return bool(b.agents) and any(actor.named and not _named(actor, b) for actor in a.agents)


def _named(actor: Actor, other: StatementFacts) -> bool:
    return (actor.entity is not None and actor.entity in other.entities) or (
        actor.word in other.terms
    )


def _same_actor(a: Actor, b: Actor) -> bool:
    return (a.entity is not None and a.entity == b.entity) or a.word == b.word


Word = tuple[str, str, int]  # a token's text, coarse part of speech and character offset


@dataclass(frozen=True, slots=True)
class ParsedWord:
    """One token of a parsed sentence, kept small: what typed comparisons read of the parse
    (`align.state_conflicts`: who died, who is charged with what, who holds which title)."""

    text: str
    pos: str
    dep: str
    head: int  # index of the head token in the sentence (the root is its own head)
    start: int  # character offset in the sentence


@dataclass(frozen=True, slots=True)
class _Roles:
    """The words in the roles of a sentence's main statement, read from its parse."""

    agents: tuple[Word, ...]
    patients: tuple[Word, ...]
    # The subjects of a reporting verb whose clause is the statement ("Smith said ..."), else ().
    speakers: tuple[Word, ...]
    # Every token, for readers of more than the roles.
    words: tuple[ParsedWord, ...] = ()
    # Whether the root is a reporting verb ("X said S"), read once here: the lemmatizer is off
    # in the pipeline, so the lemma needs the token, which `words` no longer holds.
    reports: bool = False
    # See `StatementFacts`.
    agent_ages: frozenset[int] = frozenset()
    patient_ages: frozenset[int] = frozenset()
    agent_pronouns: frozenset[str] = frozenset()
    agent_possessors: frozenset[str] = frozenset()


# (parser, sentence text) -> its roles, least recently used first.
_parsed_roles: OrderedDict[tuple[Parser, str], _Roles] = OrderedDict()


def _roles(parser: Parser, text: str) -> _Roles:
    """Agents, patients and the speaker of the sentence's main statement (see the module
    docstring), as words: which of them are named depends on the entity spans (`_actors`)."""
    key = (parser, text)
    found = _parsed_roles.get(key)
    if found is None:
        found = _keep(key, _roles_of(parser(text)))
    else:
        _parsed_roles.move_to_end(key)
    return found


def parsed_words(parser: Parser, text: str) -> tuple[ParsedWord, ...]:
    """The tokens of a sentence with their dependency labels and heads (cached with the roles:
    a sentence parsed for the same-statement check is not parsed again)."""
    return _roles(parser, text).words


def root_reports(parser: Parser, text: str) -> bool:
    """Whether the sentence's root is a reporting verb (`REPORTING`: "X said S"), from the same
    cached parse as `parsed_words`."""
    return _roles(parser, text).reports


def parse_ahead(parser: Parser | None, texts: Iterable[str]) -> None:
    """Parse the `texts` not parsed yet in one batch (`nlp.pipe`), for `statement_facts` to find.

    spaCy parses a batch of sentences in about half the CPU of parsing them one call each
    (4,118 claim sentences of 772 ECB+ articles: 5.9 s against 11.8 s), so a caller that knows
    which sentences it will check parses them here first. The result is the same either way.
    """
    if parser is None:
        return
    todo = list(dict.fromkeys(t for t in texts if (parser, t) not in _parsed_roles))
    pipe = getattr(parser, "pipe", None)
    docs = pipe(todo, batch_size=PARSE_BATCH) if pipe is not None else map(parser, todo)
    for text, doc in zip(todo, docs, strict=True):
        _keep((parser, text), _roles_of(doc))


def held_parses(parser: Parser, texts: Iterable[str]) -> dict[str, _Roles]:
    """The parses this process holds of `texts`, for a caller that keeps them beyond it."""
    return {t: found for t in texts if (found := _parsed_roles.get((parser, t))) is not None}


def hold_parses(parser: Parser, parses: Iterable[tuple[str, _Roles]]) -> None:
    """Hold parses of these texts made by `parser`'s model elsewhere (`held_parses` of another
    process or run): `parse_ahead` and `statement_facts` then find them."""
    for text, roles in parses:
        if (parser, text) not in _parsed_roles:
            _keep((parser, text), roles)


def _keep(key: tuple[Parser, str], roles: _Roles) -> _Roles:
    _parsed_roles[key] = roles
    while len(_parsed_roles) > PARSE_CACHE_ENTRIES:
        _parsed_roles.popitem(last=False)
    return roles


def _roles_of(doc: Any) -> _Roles:
    """The roles of a parsed sentence (see `_roles`)."""
    words = tuple(
        ParsedWord(
            text=str(t.text), pos=str(t.pos_), dep=str(t.dep_), head=int(t.head.i), start=int(t.idx)
        )
        for t in doc
    )
    roots = [token for token in doc if token.dep_ == "ROOT"]
    if not roots:
        return _Roles((), (), (), words)
    root = roots[0]
    speaker = [c for c in root.children if c.dep_ in _SUBJECTS]
    verb = root
    reports = _lemma(root) in REPORTING
    if reports:
        content = [c for c in root.children if c.dep_ in ("ccomp", "parataxis")]
        if content:
            verb = content[0]
    verbs = [verb, *(c for c in verb.children if c.dep_ == "conj" and c.pos_ in ("VERB", "AUX"))]
    agents, patients = [], []
    for head in verbs:
        for child in head.children:
            if child.dep_ in _SUBJECTS:
                agents.append(child)
            elif child.dep_ in _PASSIVE_SUBJECTS or child.dep_ in _OBJECTS:
                patients.append(child)
            elif child.dep_ == "agent":
                agents += [g for g in child.children if g.dep_ == "pobj"]
    return _Roles(
        agents=tuple(_word(t) for t in agents),
        patients=tuple(_word(t) for t in patients),
        speakers=tuple(_word(t) for t in speaker) if verb is not root else (),
        words=words,
        reports=reports,
        agent_ages=frozenset(a for t in agents for a in _ages_of(t)),
        patient_ages=frozenset(a for t in patients for a in _ages_of(t)),
        agent_pronouns=frozenset(
            str(t.text).lower() for t in agents if str(t.text).lower() in _POSSESSOR.values()
        ),
        agent_possessors=frozenset(
            _POSSESSOR[str(c.text).lower()]
            for t in agents
            if t.pos_ == "NOUN"
            for c in t.children
            if c.dep_ == "poss" and str(c.text).lower() in _POSSESSOR
        ),
    )


def _ages_of(token: Any) -> list[int]:
    """The ages stated on an actor's own modifiers ("A 17-year-old boy", "the boy, 17," is not
    read), not in clauses or phrases about someone else."""
    ages, todo = [], [c for c in token.children if c.dep_ not in _OTHER_PEOPLE]
    while todo:
        child = todo.pop()
        text = str(child.text)
        if (found := _AGE_WORD.fullmatch(text)) is not None:
            ages.append(int(found.group(1)))
        elif text.isdigit() and len(text) <= 3:
            # spaCy's "17 - year - old": the number, then "-", "year(s)", "-", "old".
            after = " ".join(str(t.text) for t in child.doc[child.i : child.i + 5])
            if _AGE_WORD.fullmatch(after.replace(" ", "")):
                ages.append(int(text))
        todo += [c for c in child.children if c.dep_ not in _OTHER_PEOPLE]
    return ages


def _word(token: Any) -> Word:
    return str(token.text), str(token.pos_), int(token.idx)


def _actors(roles: _Roles, entity_spans: Sequence[tuple[int, int, str]]) -> tuple[
    frozenset[Actor], frozenset[Actor]
]:  # fmt: skip
    """Agents and patients of the sentence's main statement (see the module docstring)."""
    named_agents = {a for w in roles.agents if (a := _actor(w, entity_spans)) is not None}
    if roles.speakers and not named_agents:
        # "We are aware...," Smith said / The navy said it captured...: the speaker acts.
        named_agents = {a for w in roles.speakers if (a := _actor(w, entity_spans)) is not None}
    named_patients = {a for w in roles.patients if (a := _actor(w, entity_spans)) is not None}
    return frozenset(named_agents), frozenset(named_patients)


def _lemma(token: Any) -> str:
    """The token's lemma, lower-cased: the one a pipeline component set, else the lemmatizer's
    (loaded off in `default_parser`; asked for this token only), else the word itself."""
    lemma = token.lemma_
    lemmatizer = _lemmatizer()
    if lemmatizer is not None and (lemmatizer.overwrite or not lemma):
        lemma = lemmatizer.lemmatize(token)[0]
    return str(lemma or token.text).lower()


@lru_cache(maxsize=1)
def _lemmatizer() -> Any | None:
    nlp: Any = default_parser()
    if nlp is None or "lemmatizer" not in nlp.disabled:
        return None  # no lemmatizer, or one that ran in the pipeline already
    return nlp.get_pipe("lemmatizer")


def _actor(word: Word, entity_spans: Sequence[tuple[int, int, str]]) -> Actor | None:
    """The actor a subject or object word names; None for pronouns and function words."""
    text, pos, start = word
    lowered = text.lower()
    if lowered in PRONOUNS or pos not in ("NOUN", "PROPN") or not lowered.isalpha():
        return None
    entity = next((e for s, t, e in entity_spans if s <= start < t), None)
    return Actor(entity=entity, word=stem(lowered), named=entity is not None or pos == "PROPN")
