"""Entities: one record per real thing across the corpus, with every mention traced to its span.

Two halves, as the design asks of a map/group stage:
1. per article (run by `executor.map_partitions`, model loaded once per worker): name mentions
   from spaCy NER on the clean text, or from capitalised-sequence rules without the model
   (`mentions.py`);
2. on the driver, in a fixed order: caption debris is split into the names it glues together,
   titles and possessives are folded ("Russian President Vladimir Putin", "Putin's" ->
   Vladimir Putin), surname-only mentions link to the full name in the same article or else to
   the only person in the corpus with that surname, role phrases ("the Russian president") link
   to the person a title phrase established, acronyms ("AP", "U.S.") to the one name they
   abbreviate, and each entity's type is voted by its mentions (PERSON wins when a full-name
   mention is PERSON).

The output does not depend on article order or partition size: mentions are sorted by
(article id, span) before linking and every tie is broken by the names themselves.
"""

from __future__ import annotations

import bisect
import functools
import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence
from typing import Final

from newsweave.executors import Executor, LocalExecutor
from newsweave.extract import gazetteer
from newsweave.extract.aliases import (
    PAST_ROLE_WORDS,
    TITLE_WORDS,
    bare_name,
    fold_accents,
    name_key,
    name_tokens,
    normalize_space,
    role_of,
    split_title,
    strip_possessive,
    wordlist,
)
from newsweave.extract.mentions import (
    MAX_NAME_WORDS,
    NAME_TYPES,
    TENTATIVE,
    NameMention,
    rules_mentions,
    spacy_mentions,
    title_case_line,
)
from newsweave.ids import content_id
from newsweave.model import Article, Entity, Evidence, Span, record
from newsweave.nlp import NER_ONLY, load_spacy, spacy_mode

RULES_MODE: Final = "rules"
# Order in which tied type votes are decided: the kind spaCy confuses least first.
_TYPE_PRIORITY: Final = ("PERSON", "GPE", "ORG", "NORP", "LOC", "EVENT", "FAC", "PRODUCT")
# Labels a lone surname gets wrong most often (spaCy tags "Putin" ORG or GPE in running text).
_SURNAME_LABELS: Final = frozenset(
    {"PERSON", "ORG", "GPE", "NORP", "MISC", "FAC", "PRODUCT", TENTATIVE}
)


@record
class EntityConfig:
    """Options of entity extraction."""

    # False forces the rule-based mode even when spaCy is installed (tests, comparisons).
    use_model: bool = True
    types: tuple[str, ...] = NAME_TYPES
    # spaCy `nlp.pipe` batch (paragraphs); 64 was the fastest of 16/32/64/128 on ECB+ train.
    batch_size: int = 64
    # Articles per executor task.
    partition_size: int = 128
    # Without stories, a lone surname links to a person named in full in another article only
    # when that person is named in full in at least this many articles. 2 keeps the seeds'
    # "Putin" (named in full in most of them) and refuses a name from a single local story;
    # read on the tune stories of eval/data/entities_gold.jsonl (re-check: eval/entities.py).
    min_full_name_articles: int = 2

    def __post_init__(self) -> None:
        if self.batch_size < 1 or self.partition_size < 1 or self.min_full_name_articles < 1:
            raise ValueError(
                "EntityConfig.batch_size, partition_size and min_full_name_articles must be at"
                " least 1"
            )


@record
class EntityResult:
    """The corpus's entities and the mode that found them ("spacy:<model>" or "rules")."""

    entities: tuple[Entity, ...]
    mode: str


def _mentions_partition(
    items: list[tuple[str, str]], *, use_model: bool, batch_size: int, types: tuple[str, ...]
) -> list[tuple[str, tuple[NameMention, ...]]]:
    """(mode, mentions) per (article_id, text): the per-worker half of the stage."""
    if use_model:
        found = spacy_mentions(items, batch_size=batch_size, types=types)
        if found is not None:
            mode = spacy_mode(load_spacy(exclude=NER_ONLY))
            return [(mode, tuple(m)) for m in found]
    out: list[tuple[str, tuple[NameMention, ...]]] = []
    for article_id, text in items:
        mentions = [
            m
            for m in rules_mentions(article_id, text)
            if m.label in types or m.label in {"MISC", TENTATIVE}
        ]
        out.append((RULES_MODE, tuple(mentions)))
    return out


def extract_entities(
    articles: Sequence[Article],
    *,
    executor: Executor | None = None,
    config: EntityConfig | None = None,
    story_of: Mapping[str, str | None] | None = None,
) -> EntityResult:
    """Entities of `articles`, each linking every mention of one real thing across the corpus.

    `story_of` (article id -> story id, when stories are known) is the evidence that lets a
    lone surname or a role phrase in one article link to a person named in another.
    """
    cfg = config or EntityConfig()
    engine = executor or LocalExecutor()
    ordered = sorted(articles, key=lambda a: a.id)
    task = functools.partial(
        _mentions_partition, use_model=cfg.use_model, batch_size=cfg.batch_size, types=cfg.types
    )
    results = engine.map_partitions(
        task, [(a.id, a.text) for a in ordered], size=cfg.partition_size
    )
    modes = sorted({mode for mode, _ in results})
    mentions = [m for _, found in results for m in found]
    texts = {a.id: a.text for a in ordered}
    entities = link_mentions(
        mentions, texts, story_of=story_of, min_full_name_articles=cfg.min_full_name_articles
    )
    return EntityResult(entities=entities, mode="+".join(modes) if modes else _idle_mode(cfg))


def _idle_mode(cfg: EntityConfig) -> str:
    if not cfg.use_model:
        return RULES_MODE
    nlp = load_spacy(exclude=NER_ONLY)
    return spacy_mode(nlp) if nlp is not None else RULES_MODE


# ---- linking ----------------------------------------------------------------------------------


@record
class _Cluster:
    key: str
    person: bool


def _word_spans(text: str, span: Span) -> list[Span]:
    return [
        (span[0] + m.start(), span[0] + m.end())
        for m in re.finditer(r"\S+", text[span[0] : span[1]])
    ]


def _split_debris(mentions: list[NameMention], texts: dict[str, str]) -> list[NameMention]:
    """Split caption debris ("Getty Vladimir Putin Mikhail") into the known names it glues.

    A name of 3+ words is split when a shorter person name seen elsewhere in the corpus, at least
    as often, stands inside it; left-over words survive only if they are a known surname.
    """
    counts = Counter(name_key(m.text) for m in mentions if m.label == "PERSON")
    pairs = {k for k in counts if len(k.split()) == 2}
    pair_surnames = Counter({k.split()[-1]: 0 for k in pairs})
    for k in pairs:
        pair_surnames[k.split()[-1]] = max(pair_surnames[k.split()[-1]], counts[k])
    # "Putin Congratulates" (a title-case headline): a known surname followed by a word that is
    # no part of another name, and rarer than the full name behind that surname.
    # Likewise "Newsweek Biden": a word that is mostly a non-person name, then a known surname.
    others = Counter(name_key(m.text) for m in mentions if m.label != "PERSON")
    # Only in a title-case line: in prose, "James Oler" beside a better known "LeBron James" is
    # a person of his own, not "James" plus a word.
    surname_first = {
        k
        for k in pairs
        if counts[k] < pair_surnames.get(k.split()[0], 0)
        and not any(k.split()[1] in o.split() for o in pairs - {k})
    }
    outlet_first = {
        k
        for k in pairs
        if counts[k] < pair_surnames.get(k.split()[1], 0) and others[k.split()[0]] >= counts[k]
    }
    headline_pairs = surname_first | outlet_first
    known = pairs - headline_pairs
    # Longer names are known only when no known pair stands inside them ("Martin Luther King"
    # is, "Getty Vladimir Putin" is not).
    for k in counts:
        words = k.split()
        if len(words) >= 3 and not any(
            " ".join(words[i : i + 2]) in known for i in range(len(words) - 1)
        ):
            known.add(k)
    surnames = {k.split()[-1] for k in known}
    out: list[NameMention] = []
    for mention in mentions:
        key = name_key(mention.text)
        words = key.split()
        if mention.label != "PERSON" or len(words) < 2:
            out.append(mention)
            continue
        text = texts[mention.article_id]
        spans = _word_spans(text, mention.span)
        tokens = [name_key(text[s:e]) for s, e in spans]
        pieces: list[tuple[int, int]] = []
        i = 0
        while i < len(tokens):
            for j in range(len(tokens), i + 1, -1):
                sub = " ".join(t for t in tokens[i:j] if t)
                if (j - i < len(tokens)) and sub in known and counts[sub] >= counts[key]:
                    pieces.append((i, j))
                    i = j
                    break
            else:
                if tokens[i] in surnames:
                    pieces.append((i, i + 1))
                i += 1
        # "Putin Congratulates" (a title-case headline): a known surname followed by a word
        # that is no part of any known name.
        title_line = title_case_line(_line_at(text, mention.span[0]))
        headline = key in outlet_first or (key in surname_first and title_line)
        if key in known and len(words) == 2 and not title_line:
            # "5-year-old Thomas Horn" in prose is a person, though "Thomas" is another's
            # surname: two known surnames are split only in captions and headlines.
            out.append(mention)
            continue
        if not headline and len(pieces) < 2 and not any(j - i >= 2 for i, j in pieces):
            out.append(mention)
            continue
        for i, j in pieces:
            start, end = spans[i][0], spans[j - 1][1]
            surface = text[start:end]
            trimmed = strip_possessive(surface.rstrip(",;:"))
            out.append(
                NameMention(
                    article_id=mention.article_id,
                    span=(start, start + len(trimmed)),
                    text=trimmed,
                    label="PERSON",
                )
            )
    return out


def _line_at(text: str, pos: int) -> str:
    start = text.rfind("\n", 0, pos) + 1
    end = text.find("\n", pos)
    return text[start : end if end >= 0 else len(text)]


def _title_before(text: str, mention: NameMention) -> str:
    """The title phrase of a person mention, inside its span or just before it in the text.

    spaCy leaves titles out of PERSON spans ("Russian President [Vladimir Putin]"), the rules
    keep them in; both give "Russian President" here.
    """
    inner, _ = split_title(strip_possessive(normalize_space(mention.text)))
    if inner:
        return inner
    before = text[max(0, mention.span[0] - 80) : mention.span[0]]
    words = before.replace("\xa0", " ").split(" ")[:-1] if before.endswith((" ", "\xa0")) else []
    run: list[str] = []
    for word in reversed(words[-6:]):
        low = word.lower()
        if low in TITLE_WORDS or low in PAST_ROLE_WORDS:
            run.insert(0, word)
        elif word[:1].isupper() and run and not word.endswith((",", ".", ";", ":")):
            run.insert(0, word)  # "Russian", "United Kingdom", "Putin’s" before the title
        else:
            break
    title, rest = split_title(" ".join([*run, "X"]))
    return title if rest == "X" else ""


def _person_key(tokens: list[str]) -> str:
    """Full names with the same first and last word are one person ("Vladimir V. Putin"); a
    quoted nickname stands for the first name ('Luis Gerardo "Jerry" Ortiz' is Jerry Ortiz)."""
    if len(tokens) < 2:
        return tokens[0]
    nicknames = [t.strip(_QUOTE_CHARS) for t in tokens[1:-1] if t[:1] in _QUOTE_CHARS]
    first = nicknames[0] if nicknames and nicknames[0] else tokens[0].strip(_QUOTE_CHARS)
    return f"{first} {tokens[-1].strip(_QUOTE_CHARS)}"


_QUOTE_CHARS: Final = "\"“”'‘’"


def _acronym(tokens: Iterable[str]) -> str:
    return "".join(t[0] for t in tokens if t not in {"of", "the", "and", "for", "&"})


def link_mentions(
    mentions: list[NameMention],
    texts: dict[str, str],
    *,
    story_of: Mapping[str, str | None] | None = None,
    min_full_name_articles: int = 2,
) -> tuple[Entity, ...]:
    """Group name mentions into entities (see the module docstring for the rules).

    `story_of` (article id -> story id) lets a lone surname or a role phrase link to a person
    named in full in another article of the same story; without it, to a person named in full
    in at least `min_full_name_articles` articles of the corpus.
    """
    mentions = sorted(
        _split_debris(sorted(mentions, key=lambda m: (m.article_id, m.span)), texts),
        key=lambda m: (m.article_id, m.span),
    )
    mentions = sorted(
        [
            *_person_of_place([_cut_at_dash(m) for m in mentions], story_of),
            *_defined_acronyms(mentions, texts),
        ],
        key=lambda m: (m.article_id, m.span),
    )
    mentions = sorted(
        _with_repeats(mentions, texts, story_of), key=lambda m: (m.article_id, m.span)
    )
    mentions = sorted(
        [*mentions, *_nested_places(mentions, story_of)], key=lambda m: (m.article_id, m.span)
    )
    assigned: dict[int, str] = {}  # mention index -> cluster key
    person_clusters: set[str] = set()  # keys "P:first last"; other names get "N:name"
    by_article_surname: dict[tuple[str, str], set[str]] = defaultdict(set)
    by_article_first: dict[tuple[str, str], set[str]] = defaultdict(set)
    corpus_surname: dict[str, set[str]] = defaultdict(set)
    roles: dict[tuple[str, str], set[str]] = defaultdict(set)  # (article, role) -> persons

    # 1. Full person names seed person clusters.
    for index, mention in enumerate(mentions):
        tokens = name_tokens(mention.text)
        if mention.label != "PERSON" or len(tokens) < 2 or _place_like(tokens):
            continue
        key = "P:" + _person_key(tokens)
        assigned[index] = key
        person_clusters.add(key)
        by_article_surname[(mention.article_id, tokens[-1])].add(key)
        by_article_first[(mention.article_id, tokens[0])].add(key)
        corpus_surname[tokens[-1]].add(key)
        title = _title_before(texts[mention.article_id], mention)
        role = role_of(title) if title else None
        if role:
            roles[(mention.article_id, role)].add(key)

    misspelt = _merge_misspellings(mentions, assigned, person_clusters, story_of)

    # 2. Multi-word names tagged otherwise join a person with the same first and last word.
    for index, mention in enumerate(mentions):
        tokens = name_tokens(mention.text)
        if index in assigned or len(tokens) < 2:
            continue
        key = "P:" + _person_key(tokens)
        if key in person_clusters:
            assigned[index] = key

    # 3. Lone names: the article's one person with that surname (any label: spaCy tags a lone
    # "Horn" LOC), or with that first name ("Joe" beside "Joe Biden"); across articles only with
    # evidence (`_corpus_holder`). Never on a word that is also somebody's first name.
    single_votes: dict[str, Counter[str]] = defaultdict(Counter)
    pending: list[tuple[int, str]] = []
    article_names: dict[str, list[tuple[str, set[str]]]] = defaultdict(list)
    article_firsts: dict[str, list[tuple[str, set[str]]]] = defaultdict(list)
    for (article, name), keys in sorted(by_article_surname.items()):
        article_names[article].append((name, keys))
    for (article, name), keys in sorted(by_article_first.items()):
        article_firsts[article].append((name, keys))
    corpus_first = {k[2:].split()[0] for k in person_clusters}
    for index, mention in enumerate(mentions):
        tokens = name_tokens(mention.text)
        if index in assigned or len(tokens) != 1:
            continue
        token = tokens[0]
        local = by_article_surname.get((mention.article_id, token), set())
        first = by_article_first.get((mention.article_id, token), set())
        if not local and not first and mention.label in _SURNAME_LABELS:
            near = _near_person(
                token,
                article_names[mention.article_id],
                article_firsts[mention.article_id] if mention.label == "PERSON" else [],
            )
            if near is not None:
                assigned[index] = near
                continue
        if not local and len(first) == 1 and mention.label == "PERSON":
            assigned[index] = next(iter(first))
        elif len(local) == 1:
            assigned[index] = next(iter(local))
            single_votes[token]["linked"] += 1
        elif len(local) >= 2:
            # "Caron" in an article naming Daniel and Nicole Caron: a person, but which one
            # the name alone cannot say; an entity of its article.
            assigned[index] = f"P:{token}#{mention.article_id}"
        else:
            single_votes[token][mention.label] += 1
            if not local and mention.label in _SURNAME_LABELS and token not in corpus_first:
                pending.append((index, token))
    full_articles: dict[str, set[str]] = defaultdict(set)
    for index, key in assigned.items():
        if key.startswith("P:") and len(name_tokens(mentions[index].text)) >= 2:
            full_articles[key].add(mentions[index].article_id)
    for index, token in pending:
        votes = single_votes[token]
        personal = votes["linked"] + votes["PERSON"]
        # Only when the surname usually denotes a person here: "Washington" tagged GPE in an
        # article without "Denzel Washington" stays the place.
        holders = corpus_surname.get(token, set())
        if len(holders) != 1 or personal * 2 < sum(
            n for label, n in votes.items() if label != TENTATIVE
        ):
            continue
        holder = next(iter(holders))
        if _corpus_evidence(
            mentions[index].article_id, full_articles[holder], story_of, min_full_name_articles
        ):
            assigned[index] = holder

    # 4. Role phrases: "the Russian president" -> the person "Russian President X" named.
    role_mentions = _role_mentions(
        texts, roles, mentions, assigned, story_of, min_full_name_articles
    )

    # 5. Everything else by its name; acronyms join the one name they abbreviate. A lone word
    # that mostly names a person here ("Warren", "James") is an entity of its article only:
    # two articles' "Warren" are not one person on the strength of the name alone.
    keys_by_acronym: dict[str, set[str]] = defaultdict(set)
    for index, mention in enumerate(mentions):
        if index in assigned or mention.label == TENTATIVE:
            continue
        tokens = _plain_key(mention.text).split()
        if not tokens:
            continue
        key = "N:" + " ".join(tokens)
        state = _STATE_ABBREVIATIONS.get(normalize_space(mention.text).rstrip(",").lower())
        if state is not None and mention.label != "PERSON":
            key = "N:" + state  # "Atlanta, Ga." names Georgia
        elif len(tokens) >= 2:
            keys_by_acronym[_acronym(tokens)].add(key)
        elif _personal_word(tokens[0], single_votes):
            key = f"N:{tokens[0]}#{mention.article_id}"
        assigned[index] = key
    for index, key in list(assigned.items()):
        tokens = key[2:].split()
        if key.startswith("N:") and len(tokens) == 1:
            options = keys_by_acronym.get(tokens[0].replace(".", ""), set())
            if len(options) == 1 and mentions[index].text.replace(".", "").isupper():
                assigned[index] = next(iter(options))
    _link_short_forms(mentions, assigned, story_of)
    for index, key in list(assigned.items()):
        assigned[index] = misspelt.get(key, key)
    grouped: dict[str, list[tuple[NameMention, bool]]] = defaultdict(list)
    for index, key in assigned.items():
        if mentions[index].label == TENTATIVE:
            mention = mentions[index]
            mentions[index] = NameMention(
                article_id=mention.article_id, span=mention.span, text=mention.text, label="PERSON"
            )
        grouped[key].append((mentions[index], True))
    for key, mention in role_mentions:
        grouped[misspelt.get(key, key)].append((mention, False))
    entities = [_entity(key, members, texts) for key, members in grouped.items()]
    return tuple(sorted(entities, key=lambda e: (e.type, e.name, e.id)))


# AP-style state abbreviations, as datelines write them ("ATLANTA, Ga.").
_STATE_ABBREVIATIONS: Final = dict(
    item.replace("_", " ").lower().split("=")
    for item in wordlist(
        """Ala.=Alabama Ariz.=Arizona Ark.=Arkansas Calif.=California Colo.=Colorado
        Conn.=Connecticut Del.=Delaware Fla.=Florida Ga.=Georgia Ill.=Illinois Ind.=Indiana
        Kan.=Kansas Ky.=Kentucky La.=Louisiana Md.=Maryland Mass.=Massachusetts Mich.=Michigan
        Minn.=Minnesota Miss.=Mississippi Mo.=Missouri Mont.=Montana Neb.=Nebraska Nev.=Nevada
        N.H.=New_Hampshire N.J.=New_Jersey N.M.=New_Mexico N.Y.=New_York N.C.=North_Carolina
        N.D.=North_Dakota Okla.=Oklahoma Ore.=Oregon Pa.=Pennsylvania R.I.=Rhode_Island
        S.C.=South_Carolina S.D.=South_Dakota Tenn.=Tennessee Tex.=Texas Vt.=Vermont
        Va.=Virginia Wash.=Washington W.Va.=West_Virginia Wis.=Wisconsin Wyo.=Wyoming"""
    )
)


def _link_short_forms(
    mentions: Sequence[NameMention],
    assigned: dict[int, str],
    story_of: Mapping[str, str | None] | None,
) -> None:
    """Short forms of a longer name in the same story (or article, without stories), when that
    longer name is the only one they fit: the name without its leading place ("Journal-
    Constitution" for "Atlanta Journal-Constitution"), or with the words before the common tail
    written as their initials ("EBR Parish Prison" for "East Baton Rouge Parish Prison")."""

    def scope(article_id: str) -> str:
        story = story_of.get(article_id) if story_of else None
        return f"s:{story}" if story is not None else f"a:{article_id}"

    places = {
        name_key(m.text) for m in mentions if m.label in _PLACE_LABELS and len(m.text) > 2
    } | {p.lower() for p in gazetteer.GPE_NAMES}
    # Longer names of each scope, indexed by their tails: a short form is looked up, never
    # compared with every name of a large story.
    by_tail: dict[tuple[str, tuple[str, ...]], set[str]] = defaultdict(set)
    by_lead_tail: dict[tuple[str, str, tuple[str, ...]], set[str]] = defaultdict(set)
    by_article_tail: dict[tuple[str, tuple[str, ...]], set[str]] = defaultdict(set)
    by_stem: dict[tuple[str, tuple[str, ...]], set[str]] = defaultdict(set)
    for index, key in assigned.items():
        if not key.startswith("N:") or "#" in key or " " not in key:
            continue
        where = scope(mentions[index].article_id)
        full = tuple(key[2:].split())
        for extra in range(1, len(full)):
            if " ".join(full[:extra]) in places:
                by_tail[(where, full[extra:])].add(key)  # "Journal-Constitution"
            if extra >= 2:
                by_lead_tail[(where, _acronym(full[:extra]), full[extra:])].add(key)
            if len(full) - extra >= 2 and full[-1] in _ORG_ENDS:
                # "Mansion Party" beside "Summer Kick Off Mansion Party" in one article (an
                # organisation's or event's name: "Baton Rouge" is no short "East Baton Rouge")
                by_article_tail[(mentions[index].article_id, full[extra:])].add(key)
        if full[-1] in _GENERIC_ORG_WORDS:
            by_stem[(where, full[:-1])].add(key)  # "X Police" for "X Police Department"
    present = {(key, mentions[index].article_id) for index, key in assigned.items()}
    found: dict[tuple[str, str, bool], set[str]] = {}
    for index, key in sorted(assigned.items()):
        if not key.startswith("N:") or "#" in key:
            continue
        where = scope(mentions[index].article_id)
        words = tuple(key[2:].split())
        capital = mentions[index].text[:1].isupper()
        look = (where, key, capital)
        if look not in found:
            options = set(by_tail.get((where, words), set()))
            if len(words) >= 2 and capital:
                options |= by_lead_tail.get((where, words[0], words[1:]), set())  # "EBR …"
            found[look] = options - {key}
        options = found[look]
        if not options and len(words) >= 2 and capital:
            options = (
                by_article_tail.get((mentions[index].article_id, words), set())
                | by_stem.get((where, words), set())
            ) - {key}
        if len(options) == 1 and (len(words) >= 2 or "-" in words[0]):
            assigned[index] = next(iter(options))
        elif len(options) == 1 and mentions[index].label in {"ORG", TENTATIVE}:
            # A one-word tail ("the Post" for "The Denver Post") only beside its long form.
            target = next(iter(options))
            if (target, mentions[index].article_id) in present:
                assigned[index] = target


_ORG_ENDS: Final = gazetteer.ORG_HEADS | gazetteer.EVENT_HEADS
# Last words an organisation's name may drop ("Prince George's County Police [Department]",
# "Bladensburg High [School]"); the rest must keep two words or more.
_GENERIC_ORG_WORDS: Final = wordlist("department dept office agency service inc corp co ltd school")


def _one_edit(a: str, b: str) -> bool:
    """True when `a` and `b` differ by one substitution, insertion, deletion or swap of
    neighbours ("Lonfair"/"Lanfair", "Haung"/"Huang")."""
    if a == b or abs(len(a) - len(b)) > 1:
        return False
    if len(a) == len(b):
        diff = [i for i in range(len(a)) if a[i] != b[i]]
        swap = len(diff) == 2 and diff[1] == diff[0] + 1 and a[diff[0]] == b[diff[1]]
        return len(diff) == 1 or (swap and a[diff[1]] == b[diff[0]])
    short, long_ = (a, b) if len(a) < len(b) else (b, a)
    return any(long_[:i] + long_[i + 1 :] == short for i in range(len(long_)))


def _merge_misspellings(
    mentions: Sequence[NameMention],
    assigned: dict[int, str],
    person_clusters: set[str],
    story_of: Mapping[str, str | None] | None,
) -> dict[str, str]:
    """One person whose full name a story's articles spell two ways ("Lamont Lanfair" and
    "Lamont Lonfair"): same first name (or surname), the other differing by one edit in a word
    of five letters or more, and never both in one article (two names side by side are two
    people). Only within a story: across stories a near name is another person."""
    if not story_of:
        return {}
    articles: dict[str, set[str]] = defaultdict(set)
    counts: Counter[str] = Counter()
    by_story: dict[str, set[str]] = defaultdict(set)
    for index, key in assigned.items():
        if key in person_clusters:
            article = mentions[index].article_id
            articles[key].add(article)
            counts[key] += 1
            story = story_of.get(article)
            if story is not None:
                by_story[story].add(key)
    remap: dict[str, str] = {}
    for story in sorted(by_story):
        # Only names sharing their first or their last word are compared (work stays near
        # linear in a story with thousands of people).
        buckets: dict[str, list[str]] = defaultdict(list)
        for key in by_story[story]:
            first, last = key[2:].split(" ", 1)
            buckets["f:" + first].append(key)
            buckets["l:" + last].append(key)
        for bucket in sorted(buckets):
            keys = sorted(buckets[bucket], key=lambda k: (-counts[k], k))
            for i, a in enumerate(keys):
                for b in keys[i + 1 :]:
                    if b in remap or articles[a] & articles[b]:
                        continue
                    (fa, la), (fb, lb) = a[2:].split(" ", 1), b[2:].split(" ", 1)
                    near = (fa == fb and len(la) >= 5 and _one_edit(la, lb)) or (
                        la == lb and len(fa) >= 5 and _one_edit(fa, fb)
                    )
                    if near:
                        remap[b] = remap.get(a, a)
    for key in list(remap):  # follow chains to their end
        seen = {key}
        while remap[key] in remap and remap[key] not in seen:
            seen.add(remap[key])
            remap[key] = remap[remap[key]]
    return remap


def _near_person(
    token: str, surnames: list[tuple[str, set[str]]], firsts: list[tuple[str, set[str]]]
) -> str | None:
    """The article's one person a lone name (the model took for a person) misspells or
    shortens: a surname one edit away ("Scheifer" beside "Dakota Schriefer", six letters or
    more) or the start of a first name ("Zack" beside "Zackary Yashkus", three letters or
    more). `surnames` and `firsts` are the article's (name, person keys). None when no one,
    or more than one, fits."""
    found: set[str] = set()
    for name, keys in surnames if len(token) >= 6 else ():
        if len(name) >= 6 and _one_edit(token, name):
            found |= keys
    for name, keys in firsts if len(token) >= 3 else ():
        if name.startswith(token) and name != token:
            found |= keys
    return next(iter(found)) if len(found) == 1 else None


def _corpus_evidence(
    article_id: str,
    holder_articles: set[str],
    story_of: Mapping[str, str | None] | None,
    min_articles: int,
) -> bool:
    """Whether a person named in full in `holder_articles` may be meant by a lone name in
    `article_id`: the same story names them in full, or (no stories known) `min_articles` do."""
    if story_of is None:
        return len(holder_articles) >= min_articles
    story = story_of.get(article_id)
    return story is not None and any(story_of.get(a) == story for a in holder_articles)


def _personal_word(token: str, votes: Mapping[str, Counter[str]]) -> bool:
    """A lone word that mostly names a person in this corpus (and is no place or nationality)."""
    if token in gazetteer.GPE_NAMES or token in gazetteer.NORP_NAMES:
        return False
    counts = votes.get(token, Counter())
    personal = counts["PERSON"] + counts["linked"]
    return personal * 2 > sum(n for label, n in counts.items() if label != TENTATIVE)


_WORD_TOKEN = re.compile(r"[^\W\d_][\w-]*(?:['’][^\W\d_]+)*")


def _with_repeats(
    mentions: list[NameMention],
    texts: dict[str, str],
    story_of: Mapping[str, str | None] | None = None,
) -> list[NameMention]:
    """Mentions plus the repeats NER missed: within one article, every other occurrence of a
    name already found there ("said Rawlins" after "Sheila Rawlins", "KOKOMO" in the dateline
    of an article naming Kokomo), and the surname of the article's only person with it; within
    one story (`story_of`), the place and organisation names and full person names found in
    its other articles ("Chalmette" tagged in one article, missed in the next).

    Work is linear in the text: words are looked up in a set, names of up to
    `MAX_NAME_WORDS` words; a repeat never overlaps a found mention nor continues a longer
    capitalised name ("Dennis Jones" is not a repeat of "Jones").
    """
    by_article: dict[str, list[NameMention]] = defaultdict(list)
    for mention in mentions:
        by_article[mention.article_id].append(mention)
    own: dict[str, dict[str, Counter[str]]] = {}
    shared: dict[str, dict[str, Counter[str]]] = defaultdict(lambda: defaultdict(Counter))
    for article_id in sorted(by_article):
        found = by_article[article_id]
        labels: dict[str, Counter[str]] = defaultdict(Counter)
        for m in found:
            plain = m.label != TENTATIVE and not any(c in m.text for c in "\n\xa0\t")
            if plain and any(c.isalpha() for c in m.text):
                labels[m.text][m.label] += 1
        own[article_id] = labels
        story = story_of.get(article_id) if story_of else None
        if story is None:
            continue
        for surface, votes in labels.items():
            # Only names that stand on their own: a full person name, or a non-person name
            # of two or more words or of one word that is no common word ("Chalmette").
            person = "PERSON" in votes
            words = surface.split(" ")
            if person and len(name_tokens(surface)) < 2:
                continue
            if (
                not person
                and len(words) == 1
                and (
                    len(surface) < 4 or surface.lower() in gazetteer.NOT_NAMES or surface.isupper()
                )
            ):
                continue
            shared[story][surface].update(votes)
    story_names = {story: sorted(names.items()) for story, names in shared.items()}
    out = list(mentions)
    dropped: set[tuple[str, Span]] = set()
    for article_id in sorted(texts):
        found = by_article.get(article_id, [])
        text = texts[article_id]
        labels = defaultdict(Counter, own.get(article_id, {}))
        story = story_of.get(article_id) if story_of else None
        for surface, votes in story_names.get(story or "", []):
            if surface not in labels:
                labels[surface] = Counter(votes)
        people: dict[str, set[str]] = defaultdict(set)
        for m in found:
            tokens = name_tokens(m.text)
            words = bare_name(m.text).split()
            if m.label == "PERSON" and len(tokens) >= 2 and words:
                people[strip_possessive(words[-1])].add(_person_key(tokens))
        for last, keys in people.items():
            common = last in gazetteer.NOT_NAMES or last.lower() in gazetteer.NOT_NAMES
            if len(keys) == 1 and last[:1].isupper() and len(last) > 2 and not common:
                labels[last]["PERSON"] += 1
        wanted: dict[tuple[str, ...], str] = {}
        for surface, votes in list(labels.items()):
            if surface.endswith(" High School") and "PERSON" not in votes:
                # "Bladensburg High" is the school "Bladensburg High School" is
                labels.setdefault(surface[: -len(" School")], Counter(votes))
        for surface, votes in labels.items():
            label = min(votes, key=lambda lab: (-votes[lab], _priority(lab), lab))
            parts = tuple(surface.split(" "))
            if len(parts) <= MAX_NAME_WORDS:
                wanted.setdefault(parts, label)
                upper = tuple(w.upper() for w in parts)
                # An all-caps dateline names a place: a name the model also tagged as a place
                # or organisation somewhere in the article qualifies ("Kokomo" is PERSON three
                # times, GPE once, and "KOKOMO, Ind." opens the article).
                places = [lab for lab in votes if lab not in {"PERSON", TENTATIVE}]
                if places and len(surface) >= 4 and upper != parts:
                    place = min(places, key=lambda lab: (-votes[lab], _priority(lab), lab))
                    wanted.setdefault(upper, place)
        if not wanted:
            continue
        longest = max(len(w) for w in wanted)
        taken = sorted(m.span for m in found)
        starts = [span[0] for span in taken]
        spans_at = [(m.group(0), m.start(), m.end()) for m in _WORD_TOKEN.finditer(text)]
        i = 0
        while i < len(spans_at):
            hit = _repeat_at(text, spans_at, i, wanted, longest)
            if hit is None:
                i += 1
                continue
            n, end, label = hit
            start = spans_at[i][1]
            k = bisect.bisect_left(starts, end)
            near = [t for t in taken[max(0, k - 8) : k] if t[1] > start]
            # A longer name of the story swallows the pieces the model cut it into
            # ("Hawaiian" NORP + "Gardens" for "Hawaiian Gardens"); a name overlapping a
            # found mention otherwise stays out.
            inside = all(start <= s2 and e2 <= end and (s2, e2) != (start, end) for s2, e2 in near)
            clash = bool(near) and not (inside and n >= 2)
            if not clash and not _continues_name(text, spans_at, i, i + n):
                dropped.update((article_id, t) for t in near)
                out.append(
                    NameMention(
                        article_id=article_id, span=(start, end), text=text[start:end], label=label
                    )
                )
            i += n
    return [m for m in out if (m.article_id, m.span) not in dropped]


_SPACED_DASH = re.compile(r"(?<!\s)\s+[-–—]+\s+")  # lookbehind: linear on runs of spaces


def _cut_at_dash(mention: NameMention) -> NameMention:
    """A name glued to the sentence after a dateline ("BRISTOL - Standing") ends at the dash:
    no name holds a dash between spaces."""
    found = _SPACED_DASH.search(mention.text)
    if found is None or found.start() == 0:
        return mention
    text = mention.text[: found.start()]
    return NameMention(
        article_id=mention.article_id,
        span=(mention.span[0], mention.span[0] + len(text)),
        text=text,
        label=mention.label,
    )


def _person_of_place(
    mentions: Sequence[NameMention], story_of: Mapping[str, str | None] | None
) -> list[NameMention]:
    """Mentions, with "Chad Couture of Bristol" (a person and their town read as one
    organisation) split into the person and the place, when the story names that person
    on their own elsewhere, and "Lopez and Carrasquillo" into the two people the article
    names in full."""

    def scope(article_id: str) -> str:
        story = story_of.get(article_id) if story_of else None
        return f"s:{story}" if story is not None else f"a:{article_id}"

    people: set[tuple[str, str]] = set()
    for m in mentions:
        if m.label == "PERSON" and len(name_tokens(m.text)) >= 2:
            people.add((scope(m.article_id), " ".join(m.text.split())))
            # "Lopez and Carrasquillo": surnames of the article's people named in full
            people.add((m.article_id, bare_name(m.text).split(" ")[-1]))
        elif m.label == "PERSON":  # a lone surname the model tagged a person in this article
            people.add((m.article_id, strip_possessive(m.text)))
    out: list[NameMention] = []
    for m in mentions:
        pair = m.text.split(" and ")
        if (
            m.label != "PERSON"
            and len(pair) == 2
            and all((m.article_id, p) in people or (scope(m.article_id), p) in people for p in pair)
        ):
            second = m.span[0] + len(pair[0]) + len(" and ")
            for start, name in ((m.span[0], pair[0]), (second, pair[1])):
                out.append(
                    NameMention(
                        article_id=m.article_id,
                        span=(start, start + len(name)),
                        text=name,
                        label="PERSON",
                    )
                )
            continue
        head, sep, tail = m.text.partition(" of ")
        words = head.split(" ")
        known = (scope(m.article_id), head) in people or (
            len(words) in {2, 3}
            and all(w[:1].isupper() for w in words)
            and (m.article_id, words[-1]) in people
        )
        if m.label == "PERSON" or not sep or not known:
            out.append(m)
            continue
        start = m.span[0]
        tail_start = start + len(head) + len(sep)
        out.append(
            NameMention(
                article_id=m.article_id, span=(start, start + len(head)), text=head, label="PERSON"
            )
        )
        out.append(
            NameMention(
                article_id=m.article_id,
                span=(tail_start, tail_start + len(tail)),
                text=tail,
                label="GPE",
            )
        )
    return out


_DEFINED = re.compile(r"\(([A-Z]{2,6})\)")
_CAPS_WORD = re.compile(r"(?<![\w.])[A-Z]{3,6}(?![\w.])")
_NAME_WORD = re.compile(r"[A-Z][\w’'&.-]*|of|and|the|for|&")


def _defined_acronyms(
    mentions: Sequence[NameMention], texts: Mapping[str, str]
) -> list[NameMention]:
    """Names the model missed that the text defines by their acronym: "Internet Explorer (IE)"
    (the capitalised words right before the bracket, whose initials spell the acronym), and
    the acronym itself; both then link as one name. Also an acronym of three letters or more
    that spells a name of three words or more the article names ("TCSO")."""
    taken: dict[str, list[Span]] = defaultdict(list)
    labels: dict[tuple[str, str], str] = {}
    for m in mentions:
        taken[m.article_id].append(m.span)
        labels.setdefault((m.article_id, m.text), m.label)
    out: list[NameMention] = []
    acronyms: dict[str, dict[str, str]] = defaultdict(dict)  # article -> acronym -> label
    for m in mentions:
        words = _plain_key(m.text).split()
        if m.label not in {"PERSON", TENTATIVE} and len(words) >= 3:
            acronyms[m.article_id].setdefault(_acronym(words).upper(), m.label)
    for article_id in sorted(texts):
        text = texts[article_id]
        spans = taken.get(article_id, [])
        own = acronyms.get(article_id, {})
        for match in _CAPS_WORD.finditer(text) if own else ():
            # "TCSO deputies" in an article naming the Tyler County Sheriff's Office
            span = (match.start(), match.end())
            label = own.get(match.group(0))
            if label and not any(a < span[1] and span[0] < b for a, b in spans):
                out.append(
                    NameMention(article_id=article_id, span=span, text=match.group(0), label=label)
                )
        for match in _DEFINED.finditer(text):
            acronym = match.group(1)
            words = text[max(0, match.start() - 120) : match.start()].rstrip(" ").split(" ")
            run: list[str] = []
            for word in reversed(words):
                if not _NAME_WORD.fullmatch(word) or len(run) >= len(acronym) + 3:
                    break
                run.insert(0, word)
            while run and not run[0][:1].isupper():
                run.pop(0)
            for n in range(len(run), 1, -1):
                phrase = run[-n:]
                if (
                    phrase[0][:1].isupper()
                    and _acronym(w.lower() for w in phrase).upper() == acronym
                ):
                    long_form = " ".join(phrase)
                    end = text.rfind(long_form, 0, match.start()) + len(long_form)
                    start = end - len(long_form)
                    found = [(start, end), (match.start(1), match.end(1))]
                    label = labels.get((article_id, acronym), labels.get((article_id, long_form)))
                    for span in found:
                        if not any(a < span[1] and span[0] < b for a, b in spans):
                            out.append(
                                NameMention(
                                    article_id=article_id,
                                    span=span,
                                    text=text[span[0] : span[1]],
                                    label=label or "ORG",
                                )
                            )
                    break
    return out


# Words that, right after a place name, make an institution of that place's government
# ("Baton Rouge Police", "Henry County Prosecutor’s Office"): the place is named too. Not
# "City", "County" or "Parish", which make another place ("Kansas City", "Washington County").
# Read on the tune stories of eval/data/entities_gold.jsonl (re-check: eval/entities.py).
_INSTITUTION_WORDS: Final = wordlist(
    """police sheriff sheriff's sheriff’s fire prosecutor prosecutor's prosecutor’s coroner
    coroner's coroner’s department dept. metropolitan metro municipal superior district circuit
    court council school schools board jail prison correctional detention mayor's mayor’s"""
)
_PLACE_LABELS: Final = frozenset({"GPE", "LOC"})
_COMPASS: Final = frozenset(
    {"North", "South", "East", "West", "Northeast", "Northwest", "Southeast", "Southwest"}
)


def _nested_places(
    mentions: Sequence[NameMention], story_of: Mapping[str, str | None] | None
) -> list[NameMention]:
    """The place that opens an institution's name ("Baton Rouge" in "Baton Rouge Police"), as a
    mention of its own, when the article or its story names that place on its own."""
    places: dict[str, set[str]] = defaultdict(set)  # article or story -> place surfaces
    for m in mentions:
        if m.label in _PLACE_LABELS and not _institution(m.text):
            places[m.article_id].add(m.text)
            story = story_of.get(m.article_id) if story_of else None
            if story is not None:
                places["story:" + story].add(m.text)
    out: list[NameMention] = []
    for m in mentions:
        words = m.text.split(" ")
        compass = m.label in _PLACE_LABELS and words[0] in _COMPASS
        if m.label in {"PERSON", TENTATIVE} or not (compass or _institution(m.text)):
            continue
        story = story_of.get(m.article_id) if story_of else None
        own = places.get(m.article_id, set())
        told = places.get(f"story:{story}", set())
        if m.label in _PLACE_LABELS and len(words) >= 2 and words[0] in _COMPASS:
            # "South Stockton" is a part of Stockton, and names it.
            # Not a country, state or large city ("South Korea", "West Virginia", "South
            # America"): those are places of their own, or not parts of the rest.
            rest = " ".join(words[1:])
            big = m.text.lower() in gazetteer.GPE_NAMES or rest.lower() in gazetteer.GPE_NAMES
            if (rest in own or rest in told) and not big:
                start = m.span[1] - len(rest)
                out.append(
                    NameMention(
                        article_id=m.article_id, span=(start, m.span[1]), text=rest, label="GPE"
                    )
                )
            continue
        for n in range(min(3, len(words) - 1), 0, -1):
            head = " ".join(words[:n])
            if (head in own or head in told) and words[n].lower() in _INSTITUTION_WORDS:
                start = m.span[0]
                out.append(
                    NameMention(
                        article_id=m.article_id,
                        span=(start, start + len(head)),
                        text=head,
                        label="GPE",
                    )
                )
                break
    return out


def _institution(text: str) -> bool:
    return any(w.lower() in _INSTITUTION_WORDS for w in text.split(" ")[1:])


def _repeat_at(
    text: str,
    tokens: list[tuple[str, int, int]],
    i: int,
    wanted: Mapping[tuple[str, ...], str],
    longest: int,
) -> tuple[int, int, str] | None:
    """(words, end, label) of the longest wanted name starting at token `i`, if any."""
    words: list[str] = []
    for j in range(i, min(len(tokens), i + longest)):
        if j > i and text[tokens[j - 1][2] : tokens[j][1]] != " ":
            break
        words.append(tokens[j][0])
    for n in range(len(words), 0, -1):
        key = tuple(words[:n])
        label = wanted.get(key)
        end = tokens[i + n - 1][2]
        if label is None and key[-1].endswith(("'s", "’s")):
            label = wanted.get((*key[:-1], key[-1][:-2]))
            end -= 2
        if label is not None:
            return n, end, label
    return None


def _continues_name(text: str, tokens: list[tuple[str, int, int]], i: int, j: int) -> bool:
    """True when a capitalised word right before or after tokens[i:j] extends the name (in an
    all-caps name, only an all-caps word: "WOODLAWN — A man" is a dateline, then a sentence)."""
    caps = all(w.isupper() for w, _, _ in tokens[i:j])

    def extends(word: str) -> bool:
        return word.isupper() if caps else word[:1].isupper()

    if (
        j < len(tokens)
        and text[tokens[j - 1][2] : tokens[j][1]] == " "
        and extends(tokens[j][0])
        and tokens[j - 1][0][-2:] not in {"'s", "’s"}
    ):
        return True
    if i > 0 and text[tokens[i - 1][2] : tokens[i][1]] == " ":
        before = tokens[i - 1][0]
        if extends(before) and before.lower() not in TITLE_WORDS:
            # "The Henry County Prosecutor": an article opening a sentence is no part of it.
            return before not in gazetteer.NOT_NAMES and before.lower() not in {"the", "a", "an"}
    return False


def _plain_key(text: str) -> str:
    """Key of a non-person name: no leading 'the', no possessive, case folded."""
    words = normalize_space(text).replace("’", "'")
    words = re.sub(r"^(?:the|The|THE)\s+", "", words)
    key = fold_accents(strip_possessive(words)).lower().strip(" .,")
    head, _, last = key.rpartition(" ")
    return f"{head} {_STREET_WORDS[last]}" if head and last in _STREET_WORDS else key


# "Porter St." is "Porter Street" (the trailing full stop is stripped before the look-up).
_STREET_WORDS: Final = {
    "st": "street",
    "ave": "avenue",
    "blvd": "boulevard",
    "rd": "road",
    "ln": "lane",
    "hwy": "highway",
    "pkwy": "parkway",
}


def _role_mentions(  # noqa: PLR0917
    texts: dict[str, str],
    roles: dict[tuple[str, str], set[str]],
    mentions: list[NameMention],
    assigned: Mapping[int, str],
    story_of: Mapping[str, str | None] | None,
    min_articles: int,
) -> list[tuple[str, NameMention]]:
    """Mentions such as "the Russian president" linked to the person holding that role.

    Within an article the role must have exactly one holder; elsewhere in the corpus a role of
    two or more words ("russian president", not "president") must have exactly one holder
    corpus-wide, none other in that article, and evidence: the holder is named in the article,
    or in full elsewhere in its story (`_corpus_evidence`).
    """
    named: dict[str, set[str]] = defaultdict(set)
    full: dict[str, set[str]] = defaultdict(set)
    for index, key in assigned.items():
        named[key].add(mentions[index].article_id)
        if len(name_tokens(mentions[index].text)) >= 2:
            full[key].add(mentions[index].article_id)
    corpus: dict[str, set[str]] = defaultdict(set)
    for (_, role), holders in roles.items():
        corpus[role] |= holders
    covered: dict[str, list[Span]] = defaultdict(list)
    for mention in mentions:
        if mention.label == "PERSON":
            covered[mention.article_id].append(mention.span)
    out: list[tuple[str, NameMention]] = []
    for article_id in sorted(texts):
        text = texts[article_id]
        for role in sorted(corpus):
            local = roles.get((article_id, role), set())
            if len(local) == 1:
                holder = next(iter(local))
            elif not local and (" " in role or "-" in role) and len(corpus[role]) == 1:
                holder = next(iter(corpus[role]))
                if article_id not in named[holder] and not _corpus_evidence(
                    article_id, full[holder], story_of, min_articles
                ):
                    continue
            else:
                continue
            words = r"\s+".join(re.escape(w) for w in role.split())
            # "the Russian president", not "the President of Russia" nor "the president Joe …"
            pattern = re.compile(rf"\b[Tt]he\s+(?i:{words})(?![\w-])(?!\s+[A-Z])(?!\s+of\b)")
            for match in pattern.finditer(text):
                span = (match.start(), match.end())
                if any(s < span[1] and span[0] < e for s, e in covered[article_id]):
                    continue
                out.append(
                    (
                        holder,
                        NameMention(
                            article_id=article_id, span=span, text=match.group(0), label="PERSON"
                        ),
                    )
                )
    return out


def _entity(key: str, members: list[tuple[NameMention, bool]], texts: Mapping[str, str]) -> Entity:
    person = key.startswith("P:")
    named = [m for m, is_name in members if is_name] or [m for m, _ in members]
    labels = Counter(m.label for m in named)
    if person:
        entity_type = "PERSON"
    else:
        entity_type = min(labels, key=lambda lab: (-labels[lab], _priority(lab), lab))
        entity_type = _not_a_person(entity_type, key, named, texts)
    forms = Counter(_canonical_form(m.text, person) for m in named)
    full = {f: n for f, n in forms.items() if len(f.split()) >= 2} if person else {}
    pool = full or dict(forms)
    name = min(pool, key=lambda f: (-pool[f], f.isupper(), -len(f), f))
    evidence = tuple(
        sorted(
            {Evidence(article_id=m.article_id, text=m.text, span=m.span) for m, _ in members},
            key=lambda e: (e.article_id, e.span),
        )
    )
    aliases = sorted({strip_possessive(normalize_space(m.text)) for m, _ in members} - {name})
    # A lone name kept to its article ("N:warren#<article>") is an entity of its own.
    scope = key.partition("#")[2]
    return Entity(
        id=content_id("e", entity_type, name, scope)
        if scope
        else content_id("e", entity_type, name),
        name=name,
        type=entity_type,
        aliases=tuple(aliases),
        article_ids=tuple(sorted({m.article_id for m, _ in members})),
        mentions=evidence,
    )


# "in Kokomo", "near Knightstown", "Emmanuel Arrington, 33, of Kokomo".
_LOCATIVE = re.compile(r"(?:\b(?:in|near|outside|across)|\d,\s+of)\s+$", re.IGNORECASE)
# Last words that make a two-word "person" a street, a building or a place ("Clinton Drive",
# "Elks Lodge", "Aransas Pass"); read on the tune stories of eval/data/entities_gold.jsonl.
_PLACE_HEADS: Final = wordlist(
    """drive dr dr. avenue ave ave. street st st. road rd rd. way boulevard blvd lane ln court
    ct circle terrace place plaza highway parkway lodge hotel motel prison jail hospital
    school center centre pass park bridge bar club church airport station mall"""
)


def _not_a_person(voted: str, key: str, named: list[NameMention], texts: Mapping[str, str]) -> str:
    """The type of a name not linked to any full person name, when the model's PERSON vote is
    plainly wrong: a nationality ("Russian") is NORP, a country or city of the gazetteer GPE,
    a call sign or acronym ("KTHV", "WISH") or a web name ("KMOV.com", "Fox59") ORG, and a word
    that mostly follows "in"/"near" ("in Kokomo") a place."""
    words = key[2:].split("#", 1)[0]
    if words in gazetteer.NORP_NAMES:
        return "NORP"
    if voted != "PERSON":
        return voted
    if words in gazetteer.GPE_NAMES:
        return "GPE"
    surfaces = [m.text for m in named]
    if all(len(t) >= 3 and t.replace(".", "").isupper() for t in surfaces):
        return "ORG"
    if any(".com" in t.lower() or any(c.isdigit() for c in t) for t in surfaces):
        return "ORG"
    if _place_like(words.split()):
        return "FAC"
    if " " not in words:
        placed = sum(
            1
            for m in named
            if _LOCATIVE.search(texts.get(m.article_id, "")[max(0, m.span[0] - 12) : m.span[0]])
        )
        if placed * 2 > len(named):
            return "GPE"
    return voted


def _place_like(tokens: list[str]) -> bool:
    last = tokens[-1]
    return len(tokens) >= 2 and (
        last in _PLACE_HEADS or last in gazetteer.LOC_HEADS or last in gazetteer.ORG_HEADS
    )


def _priority(label: str) -> int:
    return _TYPE_PRIORITY.index(label) if label in _TYPE_PRIORITY else len(_TYPE_PRIORITY)


def _canonical_form(text: str, person: bool) -> str:
    if person:
        return bare_name(text)
    words = normalize_space(text)
    return strip_possessive(re.sub(r"^(?:the|The|THE)\s+", "", words)).strip(" ,")
