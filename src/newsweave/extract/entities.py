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

The driver half lives in four modules: `mention_repair` (mentions fixed before linking),
`person_linking` (people), `name_linking` (organisations and places) and `entity_records`
(the entity of each cluster, its type and name); `link_mentions` here runs them in order.

The output does not depend on article order or partition size: mentions are sorted by
(article id, span) before linking and every tie is broken by the names themselves.
"""

from __future__ import annotations

import ast
import contextlib
import functools
import gc
import hashlib
import operator
import re
from collections import Counter, defaultdict
from collections.abc import Callable, Iterator, Mapping, Sequence
from pathlib import Path
from typing import Final

import numpy as np
import numpy.typing as npt

from newsweave.clean.lexicon import STOP_WORDS
from newsweave.executors import Executor, LocalExecutor
from newsweave.extract import gazetteer
from newsweave.extract.aliases import (
    TITLE_WORDS,
    given_name_sex,
    given_names,
    name_tokens,
    normalize_space,
    role_of,
    strip_possessive,
    token_pattern,
)
from newsweave.extract.entity_records import (
    bare_definite,
    build_entity,
    definite_use,
    modifies_noun,
    no_person_shape,
    not_a_person_here,
    place_evidence,
    place_like,
    team_use,
    thing_words,
)
from newsweave.extract.mention_repair import (
    WORD_RULE,
    KeptUnits,
    UnitArticle,
    UnitRepeats,
    cut_at_dash,
    cut_before_house_number,
    cut_local_official,
    cut_opening_adjective,
    cut_trailing_number,
    cut_trailing_title,
    defined_acronyms,
    first_word_of_place,
    given_title,
    grow_cut_first_name,
    grow_cut_given_name,
    join_defined_pieces,
    names_inside_titles,
    nested_places,
    org_of_place,
    orgs_of_places,
    person_of_place,
    slash_joined_unit,
    split_acronym_lead,
    split_at_joiner,
    split_debris,
    split_glued_clause,
    split_glued_dateline,
    split_paired_streets,
    split_place_lead,
    unit_repeats,
    whole_caps_dateline,
    with_repeats,
    with_route_number,
    word_spans,
)
from newsweave.extract.mentions import (
    NAME_TYPES,
    TENTATIVE,
    NameMention,
    rules_mentions,
    spacy_mentions,
)
from newsweave.extract.missed_names import missed_names
from newsweave.extract.name_linking import (
    LOWER_WORD_RULE,
    STATE_ABBREVIATIONS,
    country_key,
    initials_of,
    link_defined_acronyms,
    link_short_forms,
    lower_words,
    plain_key,
    plural_name,
    postal_state,
)
from newsweave.extract.person_linking import (
    alias_of,
    blended_name,
    corpus_evidence,
    given_name_key,
    kin_before,
    link_kin_first_names,
    merge_misspellings,
    near_person,
    nickname_keys,
    person_cue,
    person_cue_after,
    person_key,
    personal_word,
    quoted_aliases,
    quoted_nickname,
    relative_named_next,
    relative_of_next,
    role_phrase_mentions,
    sex_of,
    split_by_age,
    surname_holder,
    title_before,
)
from newsweave.model import Article, Entity, record
from newsweave.nlp import NER_ONLY, load_spacy, spacy_mode
from newsweave.products import PRODUCTS, ProductCache, source_digest

RULES_MODE: Final = "rules"


# Labels a lone surname gets wrong most often (spaCy tags "Putin" ORG or GPE in running text).
_SURNAME_LABELS: Final = frozenset(
    {"PERSON", "ORG", "GPE", "NORP", "MISC", "FAC", "PRODUCT", TENTATIVE}
)

# A lone first name links to the article's one person of that first name whatever the model
# called it ("Amirra's uncle" tagged ORG, "Mariah" WORK_OF_ART, "Jayden was taken" GPE), unless
# it is a known place or a nationality, or the text uses it as a place ("in Tyler" beside
# "Tyler Jones").
_KNOWN_PLACES: Final = frozenset(p.lower() for p in gazetteer.GPE_NAMES)

# A young child's age right before or after a name ("four-year old Owen Cadenbach", "Owen
# Cadenbach, 4,"): news calls such a child by the given name, never by the bare surname.
_CHILD_AGE_BEFORE: Final = re.compile(
    r"(?:\b(?:[1-9]|1[0-2]|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)"
    r"[- ]years?[- ]old|\b\d{1,2}[- ](?:months?|weeks?|days?)[- ]old)\s$",
    re.IGNORECASE,
)
_CHILD_AGE_AFTER: Final = re.compile(r",\s(?:[1-9]|1[0-2])\b(?![-\d])")


def _young_child(mention: NameMention, text: str) -> bool:
    """Whether the text gives `mention`'s bearer a child's age (under 13) right beside it."""
    start, end = mention.span
    before = _CHILD_AGE_BEFORE.search(text, max(0, start - 24), start)
    return before is not None or _CHILD_AGE_AFTER.match(text, end) is not None


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


@functools.lru_cache(maxsize=1)
def missed_name_rules() -> str:
    """A hash of the name rules' source (the modules of `newsweave.extract` that
    `missed_names.py` imports, directly or through each other, `newsweave.model`, and the word
    lists in `newsweave/resources/` the rules read, such as given_names.txt), part of the
    `missed-names` key (`products.source_digest`).

    Only the modules the missed names can run: with every module of the package in the key, a
    linking rule edited in this module or in `mention_repair.py` found every stored article's
    missed names again on the next `ingest` (~10,000 texts in the pool at 10,000; issue 15,
    session 20)."""
    from newsweave.extract import missed_names

    return _rules_digest(Path(missed_names.__file__))


@functools.lru_cache(maxsize=1)
def repeat_rules() -> str:
    """A hash of the rules `with_repeats` runs (`mention_repair.py` and the modules it
    imports, `newsweave.model`, the word lists), part of the `story-repeats` key."""
    from newsweave.extract import mention_repair

    return _rules_digest(Path(mention_repair.__file__))


def _rules_digest(start: Path) -> str:
    from newsweave import model

    files = name_rule_files(start)
    lists = sorted((Path(model.__file__).parent / "resources").glob("*.txt"))
    return source_digest([*files, Path(model.__file__), *lists])


def name_rule_files(start: Path) -> list[Path]:
    """`start` and the modules of its package it imports, directly or through each other (any
    `from newsweave.extract[.module] import ...` or `import newsweave.extract.module`, at any
    depth of the source: a function's own import counts), sorted. A subpackage counts whole.
    The package's `__init__.py` is not followed: it imports every stage, not the rules."""
    package = start.parent
    seen: set[Path] = set()
    todo = [start]
    while todo:
        path = todo.pop()
        if path in seen:
            continue
        seen.add(path)
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            names: list[str] = []
            if isinstance(node, ast.ImportFrom) and node.module is not None and node.level == 0:
                if node.module == "newsweave.extract":
                    names = [alias.name for alias in node.names]
                elif node.module.startswith("newsweave.extract."):
                    names = [node.module.split(".")[2]]
            elif isinstance(node, ast.Import):
                names = [
                    alias.name.split(".")[2]
                    for alias in node.names
                    if alias.name.startswith("newsweave.extract.")
                ]
            for name in names:
                if (package / f"{name}.py").is_file():
                    todo.append(package / f"{name}.py")
                elif (package / name / "__init__.py").is_file():
                    todo.extend(sorted((package / name).rglob("*.py")))
    return sorted(seen)


# What the missed names of an article depend on: its id, text and NER mentions.
_Named = tuple[str, str, tuple[NameMention, ...]]


def _missed_names_partition(
    items: list[_Named], *, rules: str = ""
) -> list[tuple[NameMention, ...]]:
    """The names each article's NER mentions leave out (`missed_names` reads one article at a
    time, so its answer is a product of the article: an `ingest` finds the stored articles'
    and looks for the new ones' only). `rules`: `missed_name_rules()`, read by the key only."""
    return [
        tuple(missed_names(list(found), {article_id: text})) for article_id, text, found in items
    ]


# What linking reads of one text whatever the other articles say: the spans of the words
# `with_repeats` looks for repeats among (`word_spans`), and the text's lower-case words
# (`_LOWER_WORD`: the common words no entity is named by), sorted and joined by spaces, and
# those short-form linking reads (`name_linking.lower_words`).
ArticleWords = tuple[npt.NDArray[np.int32], str, str]


def word_rules() -> str:
    """The patterns `_words_partition` reads besides the text (part of its product key)."""
    return f"{WORD_RULE}\n{_LOWER_WORD.pattern}\n{LOWER_WORD_RULE}"


def _words_partition(items: list[tuple[str, str]], *, rules: str = "") -> list[ArticleWords]:
    """Each (article_id, text)'s `ArticleWords`: a product of the text alone, kept per article
    (`article-words`), so that an `ingest` tokenises its new articles only and the stored ones'
    are read back (issue 15). `rules`: `word_rules()`, read by the key only."""
    return [
        (word_spans(text), " ".join(sorted(set(_LOWER_WORD.findall(text)))), lower_words(text))
        for _, text in items
    ]


def _repeats_of_unit(unit: str, articles: list[UnitArticle], *, rules: str = "") -> UnitRepeats:
    """`mention_repair.unit_repeats`: the repeats of one story's (or lone article's) names, a
    pure function of its articles' ids, texts and mentions before the repeats. `rules`:
    `repeat_rules()`, read by the key only."""
    return unit_repeats(unit, articles)


# The repeats `with_repeats` finds in one story, kept per story (`_kept_repeats`): an `ingest`
# finds again only those of the stories whose articles or mentions before the repeats changed
# (15 of linking's 65 CPU s at 10,000 articles were the repeats of every story, session 20).
PRODUCTS.setdefault((__name__, _repeats_of_unit.__qualname__), ("story-repeats", 1))


def _kept_repeats(
    cache: ProductCache,
) -> Callable[[dict[str, list[UnitArticle]]], dict[str, UnitRepeats]]:
    """`with_repeats`' `kept_units` through the run's product cache: each unit's repeats found
    by a key on what the unit reads (its articles' ids, a digest of each text, which fixes its
    kept word spans too, and their mentions in order), the others found here and kept."""
    task = functools.partial(_repeats_of_unit, rules=repeat_rules())

    def kept(units: dict[str, list[UnitArticle]]) -> dict[str, UnitRepeats]:
        stand_ins = {
            unit: tuple(
                (
                    article_id,
                    None if text is None else _text_digest(text),
                    tuple((m.span, m.text, m.label) for m in found),
                )
                for article_id, text, _, found in articles
            )
            for unit, articles in units.items()
        }
        return cache.kept_groups(
            task,
            units,
            lambda todo: {unit: task(unit, articles) for unit, articles in todo.items()},
            key_items=stand_ins,
        )

    return kept


@contextlib.contextmanager
def no_cycle_collection() -> Iterator[None]:
    """The cyclic garbage collector paused while linking (or the whole entities stage) runs,
    as it was before afterwards.

    Linking makes millions of short-lived tuples, sets and mentions, and the collections they
    set off (a full one walks every object the corpus holds) took 5.1 of linking's 28.6 CPU s
    in an `ingest` of 100 articles into 10,000 (issue 15, session 27; 7 full collections, 4.2
    s). Its garbage is freed by reference counting as before: a collection after linking
    those 10,000 articles found no cycle, and one made later is freed once collection
    resumes."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def _text_digest(text: str) -> bytes:
    return hashlib.blake2b(text.encode("utf-8", "surrogatepass"), digest_size=20).digest()


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
    missed: list[NameMention] | None = None
    words: dict[str, ArticleWords] | None = None
    if len(texts) == len(ordered):  # ids are unique: each article's missed names on its own
        named = [(a.id, a.text, found) for a, (_, found) in zip(ordered, results, strict=True)]
        task_missed = functools.partial(_missed_names_partition, rules=missed_name_rules())
        # In the pool, as the NER mentions: done here, 2,000 articles held the second core idle
        # for ~9 profiled s (docs/benchmarks.md, session 14).
        found_missed = engine.map_partitions(task_missed, named, size=cfg.partition_size)
        missed = [m for found in found_missed for m in found]
        # In the pool too: the words of a text are a product of it (`_words_partition`).
        task_words = functools.partial(_words_partition, rules=word_rules())
        found_words = engine.map_partitions(
            task_words, [(a.id, a.text) for a in ordered], size=cfg.partition_size
        )
        words = {a.id: w for a, w in zip(ordered, found_words, strict=True)}
    cache = getattr(engine, "cache", None)
    with no_cycle_collection():
        entities = link_mentions(
            mentions,
            texts,
            story_of=story_of,
            min_full_name_articles=cfg.min_full_name_articles,
            missed=missed,
            article_words=words,
            kept_repeats=_kept_repeats(cache) if isinstance(cache, ProductCache) else None,
        )
    return EntityResult(entities=entities, mode="+".join(modes) if modes else _idle_mode(cfg))


def _capital_before(text: str, start: int) -> bool:
    """Whether a capitalised word and one space come right before `start`."""
    before = text[max(0, start - 24) : start]
    words = before.split(" ")
    return len(words) >= 2 and words[-1] == "" and words[-2][:1].isupper()


def _place_names(
    mentions: Sequence[NameMention],
    seeds: list[tuple[int, list[str], str]],
    texts: Mapping[str, str],
) -> set[str]:
    """Person keys whose mentions (the seeds and the names that would join them, "Bayou La
    Batre" tagged GPE four times and PERSON once) the text uses as a place's or an
    institution's first words at least twice and half the time, and never beside a word that
    makes them a person's. A place label of the model counts as such a use when the text
    shows one at least once."""
    keys = {key for _, _, key in seeds}
    used: Counter[str] = Counter()
    shown: set[str] = set()
    cued: set[str] = set()
    total: Counter[str] = Counter()
    for mention in mentions:
        tokens = name_tokens(mention.text)
        if len(tokens) < 2 or mention.label == TENTATIVE:
            continue
        key = "P:" + person_key(tokens)
        if key not in keys:
            continue
        text = texts[mention.article_id]
        total[key] += 1
        if person_cue(text, mention.span) or title_before(text, mention):
            cued.add(key)
        elif place_evidence(text, mention.span) or definite_use(text, mention.span):
            # "the Mat Maid building", "the Matanuska Maid corporation": no person's name
            used[key] += 1
            shown.add(key)
        elif mention.label in {"GPE", "LOC"}:
            used[key] += 1
    # A name written five times or more whose last word never stands alone is no person's
    # once it is used so twice ("Mat Maid", 32 times, "the Mat Maid building"): a person
    # that often named is called by the surname too.
    candidates = [k for k, n in used.items() if n >= 2 and k in shown and k not in cued]
    rare = {k for k in candidates if used[k] * 2 < total[k] and total[k] >= 5}
    # Last words the corpus also names alone: a person's surname ("Garrard" of David Garrard).
    # (not a word cut out of a longer name: "Maid" of "the Matanuska Maid creamery")
    # Read only when a rarely so used name asks (~13 % of this pass at 10,000 articles).
    alone: set[str] = set()
    if rare:
        lasts = {k.split()[-1] for k in rare}
        for m in mentions:
            words = name_tokens(m.text)
            if (
                len(words) == 1
                and words[0] in lasts
                and not _capital_before(texts[m.article_id], m.span[0])
            ):
                alone.add(words[0])
    return {
        k
        for k in candidates
        if used[k] * 2 >= total[k] or (k in rare and k.split()[-1] not in alone)
    }


def _sexes_differ(
    mention: NameMention,
    key: str,
    named_in: Mapping[tuple[str, str], list[int]],
    mentions: Sequence[NameMention],
    text: str,
) -> bool:
    """Whether a titled surname ("Mr. Craig") and the article's one person of that surname
    are of different sexes by what the text says of each (`sex_of`)."""
    title = title_before(text, mention)
    own = sex_of(text, mention) if title else None
    if own is None:
        return False
    for index in named_in.get((mention.article_id, key), []):
        other = sex_of(text, mentions[index])
        if other is not None:
            return other != own
    return False


# "Forks, Washington": a town's name, a comma, then the state's name; not a list of places
# ("New York, Washington and Boston"), where a state or another place name follows.
# Word lengths bounded so that a search over a long run of one letter stays linear.
_TOWN_COMMA_BEFORE: Final = re.compile(r"([A-Z][\w.'-]{0,30}(?: [A-Z][\w.'-]{0,30}){0,2}), $")
_LIST_AFTER: Final = re.compile(r"(?:,| and| or) [A-Z]")
_STATE_NAMES: Final = frozenset(STATE_ABBREVIATIONS.values())


def _state_after_town(text: str, span: tuple[int, int]) -> bool:
    """Whether a state's name is written after a town's and a comma ("Forks, Washington")."""
    found = _TOWN_COMMA_BEFORE.search(text, max(0, span[0] - 40), span[0])
    return (
        found is not None
        and found.group(1).lower() not in _STATE_NAMES
        and not _LIST_AFTER.match(text, span[1])
    )


def _bearer_sex(
    key: str,
    article: str,
    named_in: Mapping[tuple[str, str], list[int]],
    mentions: Sequence[NameMention],
    text: str,
) -> str | None:
    """A person's sex by the given name of their key ("Gary" m, "Catherine" f), else by what
    the article says of their full name (`sex_of`); None when neither tells."""
    sex = given_name_sex(key[2:].partition(" ")[0])
    if sex is not None:
        return sex
    for index in named_in.get((article, key), []):
        found = sex_of(text, mentions[index])
        if found is not None:
            return found
    return None


def _titled_bearer(
    mention: NameMention,
    keys: set[str],
    named_in: Mapping[tuple[str, str], list[int]],
    mentions: Sequence[NameMention],
    text: str,
) -> str | None:
    """The one of an article's people sharing a surname whom a titled lone surname fits by
    sex ("Ms. Gomes" beside Gary and Catherine Gomes: her), else None."""
    own = sex_of(text, mention) if title_before(text, mention) else None
    if own is None:
        return None
    fitting = [
        key
        for key in sorted(keys)
        if _bearer_sex(key, mention.article_id, named_in, mentions, text) == own
    ]
    return fitting[0] if len(fitting) == 1 else None


def _titles_against(  # noqa: PLR0917
    holder: str,
    token: str,
    named_in: Mapping[tuple[str, str], list[int]],
    mentions: Sequence[NameMention],
    article_mentions: Sequence[NameMention],
    text: str,
) -> bool:
    """Whether an article's titled uses of a shared surname give the other sex than `holder`
    more often than the holder's ("Mr. Gomes" nine times, "Ms. Gomes" twice: the bare
    "Gomes" is the son's, though the article once calls him "Gary"; ECB+ 32_3ecb)."""
    sex = _bearer_sex(holder, article_mentions[0].article_id, named_in, mentions, text)
    if sex is None:
        return False
    titled = Counter(
        sex_of(text, other)
        for other in article_mentions
        if name_tokens(other.text) == [token] and title_before(text, other)
    )
    titled.pop(None, None)
    return sum(n for found, n in titled.items() if found != sex) > titled[sex]


def _definite_words(
    mentions: Sequence[NameMention], assigned: Mapping[int, str], texts: Mapping[str, str]
) -> set[str]:
    """Lone words left unlinked that the corpus writes after "the" as no person's name: a
    plural once ("the Jaguars", "The Rams lost") or half their uses ("the Indy passing game").
    The model may call them people, but they are one team or company across articles."""
    uses: Counter[str] = Counter()
    total: Counter[str] = Counter()
    for index, mention in enumerate(mentions):
        tokens = plain_key(mention.text).split()
        if index in assigned or len(tokens) != 1:
            continue
        total[tokens[0]] += 1
        if definite_use(texts[mention.article_id], mention.span):
            uses[tokens[0]] += 1
    return {word for word, n in uses.items() if n * 2 >= total[word] or plural_name(word)}


def _full_person_name(mention: NameMention, tokens: list[str], text: str) -> bool:
    """Whether `mention` is a person's full name: tagged PERSON, or a two- or three-word name
    of capitalised words the model tagged otherwise that the words around it call a person's
    ("neighbor Constance Jones" tagged ORG)."""
    if len(tokens) < 2:
        return False
    words = mention.text.split()
    if _ACRONYM_LAST.fullmatch(words[-1]) and not mention.text.isupper():
        return False  # "Indiana DNR said": no person's name ends in an acronym
    if mention.label == "PERSON":
        return True
    return (
        mention.label in _CUE_LABELS
        and len(tokens) <= 3
        and len(words) == len(tokens)
        and all(w[:1].isupper() and w.replace("-", "").replace("'", "").isalpha() for w in words)
        and " ".join(tokens) not in gazetteer.GPE_NAMES
        and (person_cue(text, mention.span) or bool(title_before(text, mention)))
        # "Mason Jefferies calls himself": the verb of a person's cue is no noun it modifies
        and (person_cue_after(text, mention.span[1]) or not modifies_noun(text, mention.span[1]))
    )


# An acronym as a name's last word ("DNR", "PD"), not a generation ("III", "IV").
_ACRONYM_LAST: Final = re.compile(r"(?![IVX]+\b)[A-Z]{2,6}")


def _surname_named_alone(
    mention: NameMention, tokens: list[str], lone_people: set[tuple[str, str]]
) -> bool:
    """Whether `mention` is a person's two- or three-word name the model tagged otherwise
    whose last word the same article names alone as a person ("the child as Sincere Peek"
    tagged ORG, then "Police said Peek" tagged PERSON). A name typed as a place is a person's
    only when it opens with a common given name ("Smith, Brittany Rock, Rock's girlfriend"
    tagged GPE beside "Rock was driving" tagged PERSON; GVC 662638, read after fresh28's
    untouched figure): "Rock Falls" with a "Falls" alone stays a place."""
    words = mention.text.split()
    return (
        mention.label in _CUE_LABELS
        and (
            mention.label not in {"GPE", "LOC"}
            or (len(words) == 2 and words[0].lower() in given_names())
        )
        and 2 <= len(tokens) <= 3
        and len(words) == len(tokens)
        and (mention.article_id, words[-1]) in lone_people
        and all(w[:1].isupper() and w.replace("-", "").replace("'", "").isalpha() for w in words)
        and not any(w.lower() in gazetteer.ORG_HEADS for w in words)
        and " ".join(tokens) not in gazetteer.GPE_NAMES
    )


# Labels the model gives a person's full name by mistake that the words around it may correct.
_CUE_LABELS: Final = frozenset({"ORG", "FAC", "PRODUCT", "GPE", "LOC", "MISC", TENTATIVE})


def _story_or_article(article: str, story_of: Mapping[str, str | None] | None) -> str:
    story = story_of.get(article) if story_of else None
    return story if story is not None else article


def _story_named_twice(
    mention: NameMention,
    holder: str,
    full_articles: Mapping[str, set[str]],
    story_of: Mapping[str, str | None] | None,
    texts: Mapping[str, str],
) -> bool:
    """Whether a lone surname the model mostly tagged otherwise is still the story's person:
    two other articles of its story name that person in full, the word is no known place and
    the text does not use it as a place's here ("Echenique's third three-point play" tagged
    ORG in the one article of a Creighton game that never names Gregory Echenique in full;
    session 8, seen by eye on ECB+ 31_ecbplus)."""
    story = story_of.get(mention.article_id) if story_of else None
    if story is None or mention.text.lower() in _KNOWN_PLACES:
        return False
    others = {a for a in full_articles.get(holder, set()) if a != mention.article_id}
    if sum(1 for a in others if story_of and story_of.get(a) == story) < 2:
        return False
    text = texts[mention.article_id]
    if _ENTOURAGE_AFTER.match(text, mention.span[1]):
        return True  # "approached by the Obama team" (fresh26): his people, no company's unit
    return not place_evidence(text, mention.span)


# The people around a person that a lone surname before them names: "the Obama team".
_ENTOURAGE_AFTER: Final = re.compile(r"\s(?:team|camp|aides|staff|campaign)\b")


def _relatives_named(
    token: str, article: str, mentions: Sequence[NameMention], texts: Mapping[str, str]
) -> set[str]:
    """Keys of the full names an article gives as a relative of its lone surname `token`
    ("Gray's sister Mahnefah Gray"; session 8, read on fresh22 after its untouched figure).
    `mentions` may be the article's own (the others are passed over)."""
    text = texts[article]
    found: set[str] = set()
    for other in mentions:
        if other.article_id != article or name_tokens(other.text) != [token]:
            continue
        named = relative_named_next(text, other.span[1], token)
        if named is not None:
            found.add("P:" + person_key(name_tokens(named)))
    return found


def _story_subject(
    keys: frozenset[str], story: str, story_named: Mapping[tuple[str, str], set[str]]
) -> str | None:
    """The person a lone surname shared by several people of its article means when nothing
    else settles it: the story's subject, the one of them the story names in full in more of
    its articles than each other and in two at least ("Gray" for Kimani Gray, named in all
    three articles, beside his sister named in one; session 8, read on fresh22 after its
    untouched figure). Counting a name within one article is no evidence (fresh15: the
    mother named in full more often than the father whose full name the model cut).
    `story_named`: (story, person key) -> the story's articles naming that person
    (`_named_by_story`)."""
    ranked = sorted(((len(story_named.get((story, key), ())), key) for key in keys), reverse=True)
    if len(ranked) < 2 or ranked[0][0] < 2 or ranked[0][0] == ranked[1][0]:
        return None
    return ranked[0][1]


def _named_by_story(
    named_in: Mapping[tuple[str, str], list[int]], story_of: Mapping[str, str | None]
) -> dict[tuple[str, str], set[str]]:
    """(story, person key) -> the articles of the story that name the person, from `named_in`
    ((article, person key) -> the person's mentions there). Built once: a scan of every
    (article, person) pair for each unresolved surname was quadratic in the corpus (issue 15)."""
    named: dict[tuple[str, str], set[str]] = defaultdict(set)
    for (article, key), found in named_in.items():
        story = story_of.get(article)
        if found and story is not None:
            named[(story, key)].add(article)
    return named


def _first_introduced(  # noqa: PLR0917
    index: int,
    token: str,
    keys: set[str],
    named_in: Mapping[tuple[str, str], list[int]],
    mentions: list[NameMention],
    texts: Mapping[str, str],
    article_mentions: Sequence[NameMention],
) -> str | None:
    """The person a lone surname means in an article naming several people with it: the one
    named in full first, when the article already calls him by the surname alone before it
    names anyone else with it ("Vincent Gigante ... Mr. Gigante ... his brother, the Rev. Louis
    Gigante ... Mr. Gigante"): news keeps the bare surname for the person it introduced it
    for. Never for a mention whose title or pronoun gives the other sex ("Mrs. Gigante")."""
    mention = mentions[index]
    article = mention.article_id
    firsts = sorted(
        (min(mentions[i].span[0] for i in named_in[(article, key)]), key)
        for key in keys
        if named_in.get((article, key))
    )
    if len(firsts) != len(keys) or len(firsts) < 2:
        return None
    (start, holder), (next_start, _) = firsts[0], firsts[1]
    text = texts[article]
    settled = [
        other
        for other in article_mentions
        if other.article_id == article
        and start < other.span[0] < next_start
        and name_tokens(other.text) == [token]
    ]
    if not settled or _sexes_differ(mention, holder, named_in, mentions, text):
        return None
    # "Mrs. Gigante" where the settled uses say "Mr. Gigante": his mother, not him.
    own = sex_of(text, mention) if title_before(text, mention) else None
    settled_sexes = {sex_of(text, other) for other in settled if title_before(text, other)}
    if own is not None and settled_sexes - {None, own}:
        return None
    # A capitalised word before the surname that is neither a title nor a candidate's given
    # name ("Scott Westerhuis", his given name tagged apart) may be one more bearer of it; a
    # sentence's first function word is not ("Then Hansbrough -- who followed ...", ECB+).
    known = {key[2:].split(" ")[0] for key in keys} | TITLE_WORDS | STOP_WORDS
    before = re.compile(r"([A-Z][\w'’-]*)\.? (?i:" + token_pattern(token) + r")(?![\w'’-])")
    for found in before.finditer(text):
        word = found.group(1).lower()
        if word not in known and len(word) > 1:
            return None
    return holder


def _grown_bearers(
    bearers: set[str],
    lone: NameMention,
    named_in: Mapping[tuple[str, str], list[int]],
    mentions: Sequence[NameMention],
    texts: Mapping[str, str],
) -> set[str]:
    """The bearers of the shared surname `lone` writes that its article never gives a child's
    age beside their full name, when every bearer is named before it; else all of them. A
    surname written before the grown-up is named may be the child's ("2-year-old Journi
    Johnson ... Johnson was pronounced dead", then "Turhan Johnson"; fresh15)."""
    article = lone.article_id
    text = texts[article]
    named = {key: [mentions[i] for i in named_in.get((article, key), [])] for key in bearers}
    if any(not found or found[0].span[0] > lone.span[0] for found in named.values()):
        return set(bearers)
    grown = {key for key, found in named.items() if not any(_young_child(m, text) for m in found)}
    return grown if grown else set(bearers)


def _idle_mode(cfg: EntityConfig) -> str:
    if not cfg.use_model:
        return RULES_MODE
    nlp = load_spacy(exclude=NER_ONLY)
    return spacy_mode(nlp) if nlp is not None else RULES_MODE


# The order of mentions through linking: by article, then by place in the text (a key made in
# C: the sorts of ~290,000 mentions at 10,000 articles called a lambda for each; issue 15).
_IN_TEXT_ORDER: Final = operator.attrgetter("article_id", "span")


def link_mentions(
    mentions: list[NameMention],
    texts: dict[str, str],
    *,
    story_of: Mapping[str, str | None] | None = None,
    min_full_name_articles: int = 2,
    missed: Sequence[NameMention] | None = None,
    article_words: Mapping[str, ArticleWords] | None = None,
    kept_repeats: KeptUnits | None = None,
) -> tuple[Entity, ...]:
    """Group name mentions into entities (see the module docstring for the rules).

    `story_of` (article id -> story id) lets a lone surname or a role phrase link to a person
    named in full in another article of the same story; without it, to a person named in full
    in at least `min_full_name_articles` articles of the corpus. `missed`: the names
    `missed_names(mentions, texts)` gives, when already known (kept per article).
    `article_words`: each article's `ArticleWords` (`_words_partition`), when kept; else the
    texts are read here. `kept_repeats`: each story's repeats when kept (`with_repeats`).
    """
    # Names the model left untagged, typed by their context (`missed_names`), join first.
    if missed is None:
        missed = missed_names(mentions, texts)
    mentions = join_defined_pieces(
        grow_cut_given_name(
            grow_cut_first_name(cut_opening_adjective([*mentions, *missed], texts), texts),
            texts,
        ),
        texts,
    )
    mentions = sorted(
        split_place_lead(
            orgs_of_places(
                split_debris(
                    names_inside_titles(
                        split_glued_dateline(
                            split_acronym_lead(
                                split_paired_streets(
                                    split_at_joiner(
                                        split_glued_clause(sorted(mentions, key=_IN_TEXT_ORDER))
                                    ),
                                    texts,
                                )
                            ),
                            texts,
                        ),
                        texts,
                    ),
                    texts,
                ),
                texts,
            ),
            texts,
            story_of,
        ),
        key=_IN_TEXT_ORDER,
    )
    mentions = sorted(
        [
            *person_of_place(
                [
                    with_route_number(
                        cut_trailing_title(
                            cut_local_official(
                                cut_at_dash(
                                    cut_before_house_number(
                                        cut_trailing_number(
                                            org_of_place(
                                                slash_joined_unit(
                                                    whole_caps_dateline(m, texts[m.article_id]),
                                                    texts[m.article_id],
                                                ),
                                                texts[m.article_id],
                                            )
                                        )
                                    )
                                )
                            )
                        ),
                        texts[m.article_id],
                    )
                    for m in mentions
                ],
                story_of,
            ),
            *defined_acronyms(mentions, texts, story_of),
        ],
        key=_IN_TEXT_ORDER,
    )
    mentions = sorted(
        first_word_of_place(
            with_repeats(
                mentions,
                texts,
                story_of,
                spans_of=(
                    {a: w[0] for a, w in article_words.items()}
                    if article_words is not None
                    else None
                ),
                kept_units=kept_repeats,
            ),
            story_of,
        ),
        key=_IN_TEXT_ORDER,
    )
    mentions = sorted([*mentions, *nested_places(mentions, story_of)], key=_IN_TEXT_ORDER)
    # A piece without a letter ("-" left of "John Mitchell - - President") names nothing.
    mentions = [m for m in mentions if any(c.isalpha() for c in m.text)]
    # Each article's mentions, in order: the scans of one article read these, never the corpus
    # (a scan of every mention for each shared surname was quadratic; issue 15).
    of_article: dict[str, list[NameMention]] = defaultdict(list)
    for mention in mentions:
        of_article[mention.article_id].append(mention)
    assigned: dict[int, str] = {}  # mention index -> cluster key
    person_clusters: set[str] = set()  # keys "P:first last"; other names get "N:name"
    by_article_surname: dict[tuple[str, str], set[str]] = defaultdict(set)
    by_article_first: dict[tuple[str, str], set[str]] = defaultdict(set)
    corpus_surname: dict[str, set[str]] = defaultdict(set)
    full_counts: dict[str, Counter[str]] = defaultdict(Counter)  # article -> person -> names
    roles: dict[tuple[str, str], set[str]] = defaultdict(set)  # (article, role) -> persons

    # 1. Full person names seed person clusters, unless the text uses the name as a place's
    # in several places and never as a person's ("in Rock Falls", "Rock Falls High School").
    seeds: list[tuple[int, list[str], str]] = []
    # A plural name the text once writes after "the" is a team's in every article ("the Tar
    # Heels (10-0)" and "talented Tar Heels"): no seed of a person.
    teams = {
        person_key(name_tokens(m.text))
        for m in mentions
        if " " in m.text and team_use(texts[m.article_id], m.span)
    }
    lone_people = {
        (m.article_id, m.text) for m in mentions if m.label == "PERSON" and " " not in m.text
    }

    def person_tokens(mention: NameMention) -> list[str]:
        if given_title(mention, texts[mention.article_id]):  # "10-month-old Justice Burroughs"
            return [w.lower() for w in strip_possessive(mention.text).split()]
        return name_tokens(mention.text)

    for index, mention in enumerate(mentions):
        tokens = person_tokens(mention)
        if (
            not (
                _full_person_name(mention, tokens, texts[mention.article_id])
                or _surname_named_alone(mention, tokens, lone_people)
            )
            or place_like(tokens)
            or no_person_shape(tokens)
            or person_key(tokens) in teams
            or not_a_person_here(texts[mention.article_id], mention.span)
            or (len(tokens) >= 2 and bare_definite(texts[mention.article_id], mention.span))
        ):
            continue
        seeds.append((index, tokens, "P:" + person_key(tokens)))
    vetoed = _place_names(mentions, seeds, texts)
    # "Dave Rossi" is the "David Rossi" the corpus names in full.
    nicknamed = nickname_keys(key for _, _, key in seeds)
    # 'Vincent "Chin" Gigante' is the Vincent Gigante the corpus names without the nickname.
    seed_keys = {key for _, _, key in seeds}
    for _, tokens, key in seeds:
        given = given_name_key(tokens)
        if given is not None and f"P:{given}" in seed_keys and f"P:{given}" != key:
            nicknamed.setdefault(key, f"P:{given}")
    seeds = [(index, tokens, nicknamed.get(key, key)) for index, tokens, key in seeds]
    vetoed = {nicknamed.get(key, key) for key in vetoed}
    # "Boone Isaacs" beside "Cheryl Boone Isaacs" in one article: the last two words of the
    # article's one longer name are that person.
    tails: dict[tuple[str, tuple[str, ...]], set[str]] = defaultdict(set)
    for index, tokens, key in seeds:
        if len(tokens) >= 3 and key not in vetoed:
            tails[(mentions[index].article_id, tuple(tokens[-2:]))].add(key)
    for index, tokens, own_key in seeds:
        if own_key in vetoed:
            continue
        mention = mentions[index]
        longer = tails.get((mention.article_id, tuple(tokens)), set())
        key = next(iter(longer)) if len(tokens) == 2 and len(longer) == 1 else own_key
        assigned[index] = key
        person_clusters.add(key)
        by_article_surname[(mention.article_id, tokens[-1])].add(key)
        by_article_first[(mention.article_id, tokens[0])].add(key)
        full_counts[mention.article_id][key] += 1
        corpus_surname[tokens[-1]].add(key)
        title = title_before(texts[mention.article_id], mention)
        role = role_of(title) if title else None
        if role:
            roles[(mention.article_id, role)].add(key)

    misspelt = merge_misspellings(mentions, assigned, person_clusters, story_of)

    # 2. Multi-word names tagged otherwise join a person with the same first and last word,
    # or the article's one person whose longer name ends with them.
    for index, mention in enumerate(mentions):
        if index in assigned:
            continue
        tokens = name_tokens(mention.text)
        if len(tokens) < 2:
            continue
        key = "P:" + person_key(tokens)
        key = nicknamed.get(key, key)
        longer = tails.get((mention.article_id, tuple(tokens)), set())
        if key in person_clusters:
            assigned[index] = key
            # "Clarence Washington" tagged ORG still names him in this article: his lone
            # "Clarence" and "Washington" there are his
            by_article_surname[(mention.article_id, tokens[-1])].add(key)
            by_article_first[(mention.article_id, tokens[0])].add(key)
            full_counts[mention.article_id][key] += 1
        elif len(tokens) == 2 and len(longer) == 1:
            assigned[index] = next(iter(longer))

    # 3. Lone names: the article's one person with that surname (any label: spaCy tags a lone
    # "Horn" LOC), or with that first name ("Joe" beside "Joe Biden"); across articles only with
    # evidence (`_corpus_holder`). Never on a word that is also somebody's first name.
    single_votes: dict[str, Counter[str]] = defaultdict(Counter)
    # (story, surname) -> the people a shared surname was found to mean in the story's articles
    resolved: dict[tuple[str, str], set[str]] = defaultdict(set)
    unresolved: list[tuple[int, str, frozenset[str]]] = []
    pending: list[tuple[int, str]] = []
    firsts_pending: list[tuple[int, str]] = []
    article_names: dict[str, list[tuple[str, set[str]]]] = defaultdict(list)
    article_firsts: dict[str, list[tuple[str, set[str]]]] = defaultdict(list)
    for (article, name), keys in sorted(by_article_surname.items()):
        article_names[article].append((name, keys))
    for (article, name), keys in sorted(by_article_first.items()):
        article_firsts[article].append((name, keys))
    corpus_first = {k[2:].split()[0] for k in person_clusters}
    story_names: dict[str | None, list[tuple[str, set[str]]]] = defaultdict(list)
    for (article, name), keys in sorted(by_article_surname.items()):
        if story_of and story_of.get(article) is not None:
            story_names[story_of.get(article)].append((name, keys))
    # Quoted nicknames of the story's full names ('Vincent "The Chin" Gigante': "chin").
    nicknames: dict[tuple[str, str], set[str]] = defaultdict(set)
    for index, tokens, _ in seeds:
        nickname = quoted_nickname(tokens)
        if nickname is not None and index in assigned:
            where = _story_or_article(mentions[index].article_id, story_of)
            nicknames[(where, nickname)].add(assigned[index])
    # Words the story uses as a thing's name ("Oscar night") name no one by a given name alone.
    scope_of = {a: _story_or_article(a, story_of) for a in texts}
    things = thing_words(mentions, texts, scope_of)
    for index, mention in enumerate(mentions):
        words = name_tokens(mention.text)
        if (
            index not in assigned
            and mention.label == "PERSON"
            and len(words) == 1
            and (scope_of[mention.article_id], words[0]) in things
            and not kin_before(texts[mention.article_id], mention.span[0])
        ):
            # "the Oscar host": the award's name, no person's, whatever the model said
            mentions[index] = NameMention(
                article_id=mention.article_id, span=mention.span, text=mention.text, label="MISC"
            )
    named_in: dict[tuple[str, str], list[int]] = defaultdict(list)  # (article, person) -> names
    # (article, lone word, whether tagged PERSON) -> `near_person`'s answer
    nearest: dict[tuple[str, str, bool], str | None] = {}
    # (article, shared surname) -> `surname_holder`'s answer
    surname_holders: dict[tuple[str, str], str | None] = {}
    for index, key in sorted(assigned.items()):
        named_in[(mentions[index].article_id, key)].append(index)
    for index, mention in enumerate(mentions):
        if index in assigned:
            continue
        tokens = name_tokens(mention.text)
        if len(tokens) != 1:
            continue
        token = tokens[0]
        alias = alias_of(mentions, index, assigned, texts[mention.article_id])
        if alias is not None:
            assigned[index] = alias  # "Heriberto Gonzalez, also known as Kirby"
            continue
        local = by_article_surname.get((mention.article_id, token), set())
        first = by_article_first.get((mention.article_id, token), set())
        bearers = nicknames.get((_story_or_article(mention.article_id, story_of), token), set())
        if len(bearers) == 1 and not local and not first:
            assigned[index] = next(iter(bearers))  # "the Chin" of 'Vincent "The Chin" Gigante'
            continue
        # "LiLo" for the "Lindsay Lohan" of its article, or else of its story.
        blend = blended_name(mention.text, article_names[mention.article_id]) or (
            blended_name(mention.text, story_names.get(story_of.get(mention.article_id), []))
            if story_of
            else None
        )
        if blend is not None and not local and not first:
            assigned[index] = blend
            continue
        if not local and not first and mention.label in _SURNAME_LABELS:
            # A lone name repeats in its article ("Putin" ten times): the edit distances to
            # the article's names are worked out once per word (issue 15).
            near_key = (mention.article_id, token, mention.label == "PERSON")
            if near_key not in nearest:
                nearest[near_key] = near_person(
                    token,
                    article_names[mention.article_id],
                    article_firsts[mention.article_id] if mention.label == "PERSON" else [],
                )
            near = nearest[near_key]
            if near is not None:
                assigned[index] = near
                continue
        # Each read only where a branch below asks for it (the place evidence of every lone
        # word was ~2 of linking's 32 CPU s at 10,000 articles; issue 15).
        place_word = ((not local and len(first) == 1) or mention.label == "PERSON") and (
            token in _KNOWN_PLACES or place_evidence(texts[mention.article_id], mention.span)
        )
        thing = (
            not local
            and (len(first) == 1 or mention.label == "PERSON")
            and (scope_of[mention.article_id], token) in things
            and not kin_before(texts[mention.article_id], mention.span[0])
        )
        if (
            not local
            and len(first) == 1
            and not place_word
            and mention.label != "NORP"
            and not thing
        ):
            assigned[index] = next(iter(first))
        elif len(local) == 1 and relative_of_next(
            texts[mention.article_id], mention.span[1], token
        ):
            # "Lamas' son, actor Lorenzo Lamas": the father, a person of this article.
            assigned[index] = f"P:{token}#{mention.article_id}"
        elif len(local) == 1 and _sexes_differ(
            mention, next(iter(local)), named_in, mentions, texts[mention.article_id]
        ):
            # "Mr. Craig" beside "neighbor Susan Craig, who has lived in her home": her
            # husband, not her; a person of this article.
            assigned[index] = f"P:{token}#{mention.article_id}"
        elif len(local) == 1:
            assigned[index] = next(iter(local))
            single_votes[token]["linked"] += 1
        elif (
            len(local) >= 2
            and (
                titled := _titled_bearer(
                    mention, local, named_in, mentions, texts[mention.article_id]
                )
            )
            is not None
        ):
            assigned[index] = titled
            single_votes[token]["linked"] += 1
        elif (
            len(local) >= 2
            and len(adults := _grown_bearers(local, mention, named_in, mentions, texts)) == 1
        ):
            # "Cadenbach" after "Christopher Cadenbach" and "four-year old Owen Cadenbach":
            # the one bearer the article gives no child's age (fresh23, session 9)
            assigned[index] = next(iter(adults))
            single_votes[token]["linked"] += 1
        elif len(local) >= 2:
            # "Caron" in an article naming Daniel and Nicole Caron: a person, but which one
            # the name alone cannot say, unless the article calls all but one of them by
            # the first name; else an entity of its article.
            # The same for each use of the surname in its article (issue 15).
            held = (mention.article_id, token)
            if held not in surname_holders:
                surname_holders[held] = surname_holder(
                    local, texts[mention.article_id], full_counts[mention.article_id]
                )
            holder = surname_holders[held]
            if holder is not None and len(local) == 2:
                # "Gray's sister Mahnefah Gray": the bare surname is not the sister's
                relatives = _relatives_named(
                    token, mention.article_id, of_article[mention.article_id], texts
                )
                if holder in relatives:
                    others = local - {holder} - relatives
                    holder = next(iter(others)) if len(others) == 1 else None
            if holder is not None and _titles_against(
                holder,
                token,
                named_in,
                mentions,
                of_article[mention.article_id],
                texts[mention.article_id],
            ):
                holder = None
            # A surname settled on its first bearer holds in its article only: another
            # article's "Mrs. Gigante" may be the mother it names there.
            introduced = (
                _first_introduced(
                    index, token, local, named_in, mentions, texts, of_article[mention.article_id]
                )
                if holder is None
                else None
            )
            assigned[index] = holder or introduced or f"P:{token}#{mention.article_id}"
            if introduced is not None:
                single_votes[token]["linked"] += 1
            elif holder is not None:
                single_votes[token]["linked"] += 1
                story = story_of.get(mention.article_id) if story_of else None
                if story is not None:
                    resolved[(story, token)].add(holder)
            else:
                unresolved.append((index, token, frozenset(local)))
        else:
            # "in Surrey" tagged PERSON is a place's use: the word names no person here.
            placed = place_word and mention.label == "PERSON"
            single_votes[token]["GPE" if placed else mention.label] += 1
            if not local and mention.label in _SURNAME_LABELS and token not in corpus_first:
                pending.append((index, token))
            elif (
                not local
                and not first
                and not place_word
                and mention.label == "PERSON"
                and not thing
            ):
                firsts_pending.append((index, token))
    # A shared surname another article of the story resolved ("Jessie" is the mother there)
    # means the same person here, when that person is one of this article's candidates.
    # Names are compared as spelling variants merge them ("Cheyenne" and "Cheyanne Jessie").
    story_named = _named_by_story(named_in, story_of) if story_of and unresolved else {}
    for index, token, local_keys in unresolved:
        story = story_of.get(mentions[index].article_id) if story_of else None
        found = resolved.get((story, token), set()) if story is not None else set()
        meant = {misspelt.get(key, key) for key in found}
        local_meant = [key for key in sorted(local_keys) if misspelt.get(key, key) in meant]
        if len(meant) == 1 and len(local_meant) == 1:
            assigned[index] = local_meant[0]
        elif story is not None:
            subject = _story_subject(local_keys, story, story_named)
            if subject is not None and not _sexes_differ(
                mentions[index], subject, named_in, mentions, texts[mentions[index].article_id]
            ):
                assigned[index] = subject
    full_articles: dict[str, set[str]] = defaultdict(set)
    for index, key in assigned.items():
        if key.startswith("P:") and len(person_tokens(mentions[index])) >= 2:
            full_articles[key].add(mentions[index].article_id)
    for index, token in pending:
        votes = single_votes[token]
        personal = votes["linked"] + votes["PERSON"]
        # Only when the surname usually denotes a person here: "Washington" tagged GPE in an
        # article without "Denzel Washington" stays the place.
        holders = corpus_surname.get(token, set())
        if len(holders) != 1:
            continue
        holder = next(iter(holders))
        if personal * 2 < sum(n for label, n in votes.items() if label != TENTATIVE) and not (
            _story_named_twice(mentions[index], holder, full_articles, story_of, texts)
        ):
            continue
        if corpus_evidence(
            mentions[index].article_id, full_articles[holder], story_of, min_full_name_articles
        ):
            assigned[index] = holder

    # A lone first name the model took for a person, with no one of that first name in its
    # article: the one person of the story with it, named in full in another article ("his
    # wife Shauna" beside "Shauna Washington" of the story), never a surname of the corpus.
    stories = story_of or {}
    # The people of each first name (a scan of every person for each lone first name was
    # quadratic in the corpus; issue 15).
    people_by_first: dict[str, list[str]] = defaultdict(list)
    for key in person_clusters if firsts_pending else ():
        people_by_first[key[2:].split(" ")[0]].append(key)
    for index, token in firsts_pending:
        story = stories.get(mentions[index].article_id)
        if story is None or token in corpus_surname or token.lower() in _KNOWN_PLACES:
            continue
        holders = {
            key
            for key in people_by_first.get(token.lower(), ())
            if any(stories.get(a) == story for a in full_articles[key])
        }
        if len(holders) == 1:
            assigned[index] = next(iter(holders))

    # 4. Role phrases: "the Russian president" -> the person "Russian President X" named.
    role_mentions = role_phrase_mentions(
        texts, roles, mentions, assigned, story_of, min_full_name_articles
    )

    # 5. Everything else by its name; acronyms join the one name they abbreviate. A lone word
    # that mostly names a person here ("Warren", "James") is an entity of its article only:
    # two articles' "Warren" are not one person on the strength of the name alone.
    keys_by_acronym: dict[str, set[str]] = defaultdict(set)
    definite = _definite_words(mentions, assigned, texts)
    for index, mention in enumerate(mentions):
        if index in assigned or mention.label == TENTATIVE:
            continue
        tokens = plain_key(mention.text).split()
        if not tokens:
            continue
        key = "N:" + " ".join(tokens)
        if mention.label == "GPE":
            key = "N:" + country_key(" ".join(tokens))
        state = STATE_ABBREVIATIONS.get(
            normalize_space(mention.text).rstrip(",").lower()
        ) or postal_state(mention, texts[mention.article_id])
        if state is not None and mention.label != "PERSON":
            key = "N:" + state  # "Atlanta, Ga." names Georgia
        if key == "N:washington" and (
            state is not None or _state_after_town(texts[mention.article_id], mention.span)
        ):
            # "Forks, Washington" and "Spokane, Wash." name the state, not the capital
            # another story names alone (fresh27: 6_6ecb's Forks and 28_2ecb's Watergate).
            key = "N:washington state"
        elif len(tokens) >= 2:
            keys_by_acronym[initials_of(tokens)].add(key)
            if tokens[-1] == "police":  # "HCPD" for "Horry County Police" (Department)
                keys_by_acronym[initials_of(tokens) + "d"].add(key)
            for lead in (1, 2):
                # "DCI" for "Iowa Division of Criminal Investigation": initials after its place
                if len(tokens) - lead >= 2 and " ".join(tokens[:lead]) in _KNOWN_PLACES:
                    keys_by_acronym[initials_of(tokens[lead:])].add(key)
        elif tokens[0] not in definite and personal_word(tokens[0], single_votes):
            key = f"N:{tokens[0]}#{mention.article_id}"
        assigned[index] = key
    # A two-letter acronym is too short to name one thing across stories: "M.D." after a
    # doctor's name is no "Monica Drive" of another story (fresh26, session 11).
    scoped_keys = {(key, scope_of[mentions[index].article_id]) for index, key in assigned.items()}
    for index, key in list(assigned.items()):
        tokens = key[2:].split()
        if key.startswith("N:") and len(tokens) == 1:
            letters = tokens[0].replace(".", "")
            options = keys_by_acronym.get(letters, set())
            if len(letters) <= 2:
                where = scope_of[mentions[index].article_id]
                options = {k for k in options if (k, where) in scoped_keys}
            if len(options) == 1 and mentions[index].text.replace(".", "").isupper():
                assigned[index] = next(iter(options))
    link_defined_acronyms(mentions, assigned, texts, story_of)
    link_kin_first_names(mentions, assigned, texts, story_of)
    link_short_forms(
        mentions,
        assigned,
        story_of,
        texts,
        lower_of=(
            {a: w[2] for a, w in article_words.items()} if article_words is not None else None
        ),
    )
    # 'LaSalle, also known by law enforcement as "Crazy T"': the alias is his.
    # An alias never names its entity: the entity keeps the name the text gives the person.
    alias_indexes: set[int] = set()
    for alias_mention, bearer, same in quoted_aliases(mentions, assigned, texts):
        if same is None:
            mentions.append(alias_mention)
        alias_indexes.add(len(mentions) - 1 if same is None else same)
        assigned[len(mentions) - 1 if same is None else same] = bearer
    for index, key in list(assigned.items()):
        assigned[index] = misspelt.get(key, key)
    split_by_age(mentions, assigned, texts, story_of)
    grouped: dict[str, list[tuple[NameMention, bool]]] = defaultdict(list)
    for index, key in assigned.items():
        if mentions[index].label == TENTATIVE:
            mention = mentions[index]
            mentions[index] = NameMention(
                article_id=mention.article_id, span=mention.span, text=mention.text, label="PERSON"
            )
        grouped[key].append((mentions[index], index not in alias_indexes))
    for key, mention in role_mentions:
        if not key:  # a place's name inside a role phrase: a name of its own
            place = "N:" + country_key(plain_key(mention.text))
            grouped[place].append((mention, True))
            continue
        grouped[misspelt.get(key, key)].append((mention, False))
    people_words = {w for key in person_clusters for w in key[2:].split()}
    if article_words is None:
        lower = frozenset(word for text in texts.values() for word in _LOWER_WORD.findall(text))
    else:  # the same union, of each article's kept words
        union: set[str] = set()
        for article_id, text in texts.items():
            kept = article_words.get(article_id)
            union.update(kept[1].split() if kept is not None else _LOWER_WORD.findall(text))
        lower = frozenset(union)
    common_words = lower - people_words
    built = {
        key: build_entity(key, members, texts, common_words) for key, members in grouped.items()
    }
    # A name refused as a person's full name ("the Mat Maid building") is none when no place
    # evidence typed it either: an organisation's or a thing's.
    not_people = {key[2:] for key in vetoed}
    for key, entity_type in _same_name_types(built, not_people).items():
        built[key] = build_entity(key, grouped[key], texts, entity_type=entity_type)
    entities = list(built.values())
    return tuple(sorted(entities, key=lambda e: (e.type, e.name, e.id)))


# A lower-case word in running text ("arson", "dairy"); a name is never written so.
_LOWER_WORD = re.compile(r"(?<![\w'’.-])[a-z]{3,}(?![\w'’-])")


def _same_name_types(built: Mapping[str, Entity], not_people: set[str]) -> dict[str, str]:
    """Entities whose plural name only the model calls a person's take the type the other
    entities of the same name have in most mentions: "Rams" of "The Rams lost" (ORG) types the
    "Rams" of "12 Rams players" in another article. Never for a person named in full ("P:"
    keys). A name refused as a person's full name and a company's first word ("Crowley" beside
    "Crowley Petroleum" in its article) are organisations'."""
    votes: dict[str, Counter[str]] = defaultdict(Counter)
    # First words of organisations' longer names, with their articles ("Crowley Petroleum").
    leads: dict[str, set[str]] = defaultdict(set)
    for key, entity in built.items():
        if key.startswith("N:"):
            words = key[2:].split("#", 1)[0]
            votes[words][entity.type] += len(entity.mentions)
            if " " in words and entity.type == "ORG":
                leads[words.split()[0]].update(entity.article_ids)
    retyped: dict[str, str] = {}
    for key, entity in built.items():
        if key.startswith("N:") and entity.type == "PERSON":
            words = key[2:].split("#", 1)[0]
            tally = votes[words]
            others = [(n, t) for t, n in tally.items() if t != "PERSON"]
            # Only for a plural: a given name ("Connor") the model calls ORG in one article
            # and a person in another is a person's all the same.
            if others and sum(n for n, _ in others) >= tally["PERSON"] and plural_name(words):
                retyped[key] = max(others)[1]
            elif words in not_people:
                retyped[key] = "ORG"
            elif " " not in words and leads.get(words, set()) & set(entity.article_ids):
                retyped[key] = "ORG"  # "Crowley" beside "Crowley Petroleum" in its article
    return retyped
