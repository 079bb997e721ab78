"""Quote variants across outlets: one `Quote` per statement, its wordings as `variants`.

Two quote mentions render one statement when their words overlap enough - verbatim, trimmed
("…contribute to solving many problems" inside a longer rendering) or translated differently
("can, despite their differences, effectively contribute" vs "can really contribute"). Signals:
- containment of content words (share of the shorter quote's words found in the longer);
- rapidfuzz `partial_ratio`, which scores a trimmed quote against the best-matching window;
- MiniLM cosine (`newsweave.embed`) for translations that share few exact words.
Mentions are compared only within a story (`story_of`), or, for articles without a story,
within blocks sharing the speaker or a rare content word, so the work stays sub-quadratic in
the corpus. Linked mentions form groups by single linkage; ids and order come from contents.
Whatever their words share, two mentions never link when one article gives them to different
speakers, when they report the speech of two different people, or when one is negated and the
other is not (`_may_link`): a group is one statement of one voice, so a reversed or borrowed
wording cannot lend it support.

The speaker of a grouped quote is the majority resolved speaker of its mentions (ties broken by
entity id); `attribution_conflicts` lists the groups whose mentions name different speakers.
"""

from __future__ import annotations

import difflib
import re
from collections import Counter, defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Final, Literal

import numpy as np
from rapidfuzz import fuzz

from newsweave.embed import get_embedder
from newsweave.extract.aliases import wordlist
from newsweave.extract.quotes import QuoteMention
from newsweave.ids import content_id
from newsweave.model import Evidence, Quote, record

# Thresholds, calibrated on the direct quotes the extractor finds in `eval/data/quotes_gold.jsonl`
# (pairs from different passages of one ECB+ topic or of the seeds): same-statement pairs had
# containment 0.80-1.00 or cosine 0.90-0.91 (retranslations); different statements at most
# containment 0.50 and cosine 0.64. Re-run `tests/align/test_quotes.py` and that check
# (see docs/evaluation.md, "Quotes") after changing them.
CONTAINMENT_MIN = 0.7  # share of the shorter quote's content words inside the longer
PARTIAL_RATIO_MIN = 88.0  # rapidfuzz partial_ratio (0-100) for trimmed verbatim quotes
COSINE_MIN = 0.80  # MiniLM cosine for differently translated renderings
COSINE_CONTAINMENT_MIN = 0.35  # ...which must still share this many content words
MIN_WORDS = 3  # quotes shorter than this link only verbatim
# A story-less block (one speaker, or one rare word) larger than this is not compared: a word
# or speaker that common does not single out a statement, and the pairs would grow as n². A
# story with more distinct wordings than this is blocked the same way (see `_within_block`).
BLOCK_MAX = 400

_STOP: Final = wordlist(
    """a an the and or but of to in on at for with by from as is are was were be been being it
    its this that these those there their they we i you he she his her our my your not no so
    can could would will should may might must has have had do does did which who whom whose
    what when where why how than then also very just only all any both each more most other
    some such into over under about after before between through during it's i'm that's there's
    don't didn't can't we're they're he's she's i've we've you're isn't wasn't won't i'd i'll
    it'll what's"""
)
_WORD: Final = re.compile(r"[\w’'-]+")
_NO_DESCRIPTION_WORDS: Final = wordlist("he she they it i we you him her them someone somebody")


@record
class AttributionConflict:
    """One statement attributed to different speakers by different articles."""

    quote_id: str
    # (speaker entity id or None, speaker as written, article ids) for each attribution.
    attributions: tuple[tuple[str | None, str | None, tuple[str, ...]], ...]


def _content(text: str) -> list[str]:
    words = (m.group(0).lower().replace("’", "'") for m in _WORD.finditer(text))
    return [w for w in words if w not in _STOP]


def _norm(text: str) -> str:
    return " ".join(m.group(0).lower() for m in _WORD.finditer(text))


def _containment(a: list[str], b: list[str]) -> float:
    if not a or not b:
        return 0.0
    small, large = (a, b) if len(a) <= len(b) else (b, a)
    pool = Counter(large)
    hits = 0
    for word in small:
        if pool[word] > 0:
            pool[word] -= 1
            hits += 1
    return hits / len(small)


def same_statement(a: str, b: str, cosine: float) -> bool:
    """True when two quote texts render one statement (see the module docstring)."""
    wa, wb = _words(a), _words(b)
    ca, cb = wa.content, wb.content
    contained = _containment(ca, cb)
    if min(len(ca), len(cb)) < MIN_WORDS:
        return wa.norm == wb.norm or (
            min(len(wa.norm), len(wb.norm)) >= 12 and fuzz.partial_ratio(wa.norm, wb.norm) >= 98
        )
    if contained >= CONTAINMENT_MIN:
        return True
    if fuzz.partial_ratio(wa.norm, wb.norm) >= PARTIAL_RATIO_MIN and contained >= 0.5:
        return True
    return cosine >= COSINE_MIN and contained >= COSINE_CONTAINMENT_MIN


def _may_need_cosine(a: str, b: str) -> bool:
    """Whether `same_statement` may read the cosine of `a` and `b` (their words leave it open)."""
    ca, cb = _words(a).content, _words(b).content
    if min(len(ca), len(cb)) < MIN_WORDS:
        return False
    return COSINE_CONTAINMENT_MIN <= _containment(ca, cb) < CONTAINMENT_MIN


@dataclass(frozen=True, slots=True)
class _Words:
    """What the tests of one quote text read."""

    content: list[str]
    norm: str
    negated: bool


# A story's mentions are compared pairwise: each text is read once, not once per pair.
@lru_cache(maxsize=1 << 16)
def _words(text: str) -> _Words:
    return _Words(_content(text), _norm(text), _negated(text))


def group_quotes(
    mentions: Sequence[QuoteMention], *, story_of: Mapping[str, str | None]
) -> tuple[Quote, ...]:
    """Quotes grouped into statements across articles (see the module docstring)."""
    ordered = sorted(mentions, key=lambda m: (m.article_id, m.span, m.kind))
    if not ordered:
        return ()
    plans: list[tuple[list[tuple[int, int]], list[tuple[int, int]]]] = []
    for block in _blocks(ordered, story_of):
        # The same words of the same kind always render one statement (their tests and vectors
        # are the same): they join at once, and only one of them is compared with the rest.
        first: dict[tuple[str, str, str], int] = {}
        joins: list[tuple[int, int]] = []
        for i in block:
            # Reported speech of two different people is two statements, even word for word.
            speaker = (ordered[i].speaker_id or "") if ordered[i].kind == "indirect" else ""
            key = (ordered[i].kind, ordered[i].text, speaker)
            if key in first:
                joins.append((first[key], i))
            else:
                first[key] = i
        pairs = [
            (i, j)
            for part in _within_block(ordered, list(first.values()))
            for i, j in _word_pairs(ordered, part)
            if ordered[i].kind == ordered[j].kind and _may_link(ordered[i], ordered[j])
        ]
        plans.append((joins, pairs))
    # The cosine is the last test: only the texts of pairs whose words leave it open are
    # embedded, in one batch (whether a pair links never depends on the groups formed so far).
    vectors = _Vectors(
        ordered,
        {
            k
            for _, pairs in plans
            for i, j in pairs
            if _may_need_cosine(ordered[i].text, ordered[j].text)
            for k in (i, j)
        },
    )
    parent = list(range(len(ordered)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    def union(i: int, j: int) -> None:
        root_i, root_j = find(i), find(j)
        parent[max(root_i, root_j)] = min(root_i, root_j)

    for joins, pairs in plans:
        for i, j in joins:
            union(i, j)
        for i, j in pairs:
            if find(i) != find(j) and same_statement(
                ordered[i].text, ordered[j].text, vectors.cosine(i, j)
            ):
                union(i, j)
    groups: dict[int, list[int]] = defaultdict(list)
    for i in range(len(ordered)):
        groups[find(i)].append(i)
    quotes = [_quote([ordered[i] for i in members], story_of) for members in groups.values()]
    return tuple(
        sorted(
            quotes, key=lambda q: (q.story_id or "", q.variants[0].article_id, q.variants[0].span)
        )
    )


# The least share of content words `same_statement` links two quotes of `MIN_WORDS` or more
# content words with (its three tests each ask for at least this much).
_LINK_CONTAINMENT_MIN: Final = min(CONTAINMENT_MIN, 0.5, COSINE_CONTAINMENT_MIN)
# The shortest norm `same_statement` compares by `partial_ratio` when a quote is short.
_SHORT_FUZZY_CHARS: Final = 12


def _word_pairs(ordered: list[QuoteMention], part: list[int]) -> list[tuple[int, int]]:
    """The pairs (i, j) of `part` (i before j, in the order of a pairwise loop) whose words may
    pass `same_statement`; the others cannot link and are never read (issue 15: a story of
    400 wordings was 80,000 pairs, each reading both texts' words).

    Two quotes of `MIN_WORDS` content words or more link only when the shorter has at least
    `_LINK_CONTAINMENT_MIN` of its words (t of its s) in the longer: with its words ordered
    rarest first, one of its first s - t + 1 is then in the longer (prefix filtering, as in
    set-similarity joins), so each quote looks up only the quotes holding one of those. A
    shorter quote links by its normalised text: the same one, or (both `_SHORT_FUZZY_CHARS`
    long or more) a `partial_ratio` with any longer one, which every such pair is still read
    for.
    """
    where = {i: x for x, i in enumerate(part)}
    words = {i: _words(ordered[i].text) for i in part}
    long_ = [i for i in part if len(words[i].content) >= MIN_WORDS]
    frequency = Counter(w for i in long_ for w in set(words[i].content))
    holders: dict[str, list[int]] = defaultdict(list)
    for i in long_:
        for w in set(words[i].content):
            holders[w].append(i)
    found: set[tuple[int, int]] = set()

    def pair(i: int, j: int) -> tuple[int, int]:
        return (i, j) if where[i] < where[j] else (j, i)

    for i in long_:
        content = sorted(words[i].content, key=lambda w: (frequency[w], w))
        size = len(content)
        least = next(h for h in range(size + 1) if h / size >= _LINK_CONTAINMENT_MIN)
        for w in set(content[: size - least + 1]):
            for j in holders[w]:
                if j != i and size <= len(words[j].content):
                    found.add(pair(i, j))
    short = [i for i in part if len(words[i].content) < MIN_WORDS]
    same_norm: dict[str, list[int]] = defaultdict(list)
    for i in part:
        same_norm[words[i].norm].append(i)
    for i in short:
        for j in same_norm[words[i].norm]:
            if j != i:
                found.add(pair(i, j))
        if len(words[i].norm) >= _SHORT_FUZZY_CHARS:
            for j in part:
                if j != i and len(words[j].norm) >= _SHORT_FUZZY_CHARS:
                    found.add(pair(i, j))
    return sorted(found, key=lambda pair: (where[pair[0]], where[pair[1]]))


class _Vectors:
    """Sentence vectors of the mentions that may need one, embedded together up front; the
    cosine of a pair whose words already decide (`_may_need_cosine` false) is never read."""

    def __init__(self, ordered: list[QuoteMention], wanted: set[int]) -> None:
        indexes = sorted(wanted)
        found = get_embedder().embed([ordered[i].text for i in indexes])
        self.rows: dict[int, np.ndarray] = dict(zip(indexes, found, strict=True))

    def cosine(self, i: int, j: int) -> float:
        if i not in self.rows or j not in self.rows:
            return 0.0  # not read: the words decide this pair
        return float(np.dot(self.rows[i], self.rows[j]))


_NEGATIONS: Final = wordlist(
    """not no never none nobody nothing neither nor without no-one cannot n't"""
)


def _negated(text: str) -> bool:
    words = (m.group(0).lower().replace("’", "'") for m in _WORD.finditer(text))
    return any(w in _NEGATIONS or w.endswith("n't") for w in words)


def _speaker_key(mention: QuoteMention) -> str | None:
    return mention.speaker_id or _description(mention)


def _may_link(a: QuoteMention, b: QuoteMention) -> bool:
    """Whether two mentions may render one statement at all, whatever their words share.

    Not when one article gives them to two different speakers (a prosecutor's argument and
    what a cousin told police), not for reported speech of two different people (two accounts,
    even of one fact), and not when one is negated and the other is not ("police do not
    believe he was present" against "he was present"), unless one direct quote is a verbatim
    cut of the other.
    """
    ka, kb = _speaker_key(a), _speaker_key(b)
    if a.article_id == b.article_id and ka and kb and ka.lower() != kb.lower():
        return False
    if a.kind == "indirect" and _different_voices(a, b):
        return False
    words_a, words_b = _words(a.text), _words(b.text)
    if words_a.negated != words_b.negated:
        short, long = sorted((words_a.norm, words_b.norm), key=len)
        return a.kind == "direct" and short in long
    return True


def _different_voices(a: QuoteMention, b: QuoteMention) -> bool:
    """True when two mentions name speakers known to differ: two entities, or names as written
    that share no word ("Michelle Lyons" and "MyFoxHouston.com"; "Lyons" and "Michelle Lyons"
    may be one person). An unresolved pronoun is unknown and differs from no one."""
    if a.speaker_id and b.speaker_id:
        return a.speaker_id != b.speaker_id
    wa, wb = _voice_words(a), _voice_words(b)
    return bool(wa) and bool(wb) and not wa & wb


# Words of a speaker as written that do not single one out.
_VOICE_STOP: Final = _STOP | _NO_DESCRIPTION_WORDS


def _voice_words(mention: QuoteMention) -> set[str]:
    words = {w.lower() for w in _WORD.findall(mention.speaker_text or "")}
    return words - _VOICE_STOP


def _within_block(ordered: list[QuoteMention], block: list[int]) -> list[list[int]]:
    """`block` itself, or, past `BLOCK_MAX` distinct wordings, its keyed sub-blocks.

    Every pair of a story's wordings is compared up to `BLOCK_MAX` of them (all real stories
    measured: ECB+ and GVC stories hold far fewer); a larger story (a flood of one event) is
    split like the story-less mentions, by speaker and by its two rarest content words, so the
    work stays linear in the mentions instead of growing with the square of the story.
    """
    if len(block) <= BLOCK_MAX:
        return [block]
    return _keyed(ordered, block)


def _keyed(ordered: list[QuoteMention], indexes: list[int]) -> list[list[int]]:
    """Blocks of `indexes` sharing the speaker or one of their two rarest content words."""
    frequency = Counter(w for i in indexes for w in set(_content(ordered[i].text)))
    keyed: dict[str, list[int]] = defaultdict(list)
    for i in indexes:
        mention = ordered[i]
        if mention.speaker_id:
            keyed["s:" + mention.speaker_id].append(i)
        words = sorted(set(_content(mention.text)), key=lambda w: (frequency[w], w))[:2]
        for word in words:
            keyed["w:" + word].append(i)
    return [v for k, v in sorted(keyed.items()) if 1 < len(v) <= BLOCK_MAX]


def _blocks(ordered: list[QuoteMention], story_of: Mapping[str, str | None]) -> list[list[int]]:
    """Index lists to compare pairwise: per story; story-less mentions by speaker and rare word."""
    by_story: dict[str, list[int]] = defaultdict(list)
    loose: list[int] = []
    for i, mention in enumerate(ordered):
        story = story_of.get(mention.article_id)
        if story is None:
            loose.append(i)
        else:
            by_story[story].append(i)
    blocks = [by_story[k] for k in sorted(by_story)]
    if loose:
        blocks.extend(_keyed(ordered, loose))
    return blocks


def _quote(members: list[QuoteMention], story_of: Mapping[str, str | None]) -> Quote:
    members = sorted(members, key=lambda m: (m.article_id, m.span))
    votes = Counter(m.speaker_id for m in members if m.speaker_id)
    speaker = min(votes, key=lambda s: (-votes[s], s)) if votes else None
    # No entity speaks: the articles' own description ("a witness"), the most common one.
    described = Counter(d for m in members if (d := _description(m)) is not None)
    speaker_text = (
        min(described, key=lambda d: (-described[d], d)) if described and not speaker else None
    )
    stories = sorted({s for m in members if (s := story_of.get(m.article_id)) is not None})
    story = stories[0] if stories else None
    kind: Literal["direct", "indirect"] = (
        "direct" if any(m.kind == "direct" for m in members) else "indirect"
    )
    variants = tuple(Evidence(article_id=m.article_id, text=m.text, span=m.span) for m in members)
    parts = [f"{v.article_id}:{v.span[0]}:{v.span[1]}" for v in variants]
    return Quote(
        id=content_id("q", story or "", *parts),
        story_id=story,
        speaker=speaker,
        variants=variants,
        kind=kind,
        speaker_text=speaker_text,
    )


# Speaker texts that describe no one by themselves.
_NO_DESCRIPTION: Final = _NO_DESCRIPTION_WORDS


def _description(mention: QuoteMention) -> str | None:
    """The mention's speaker as the text describes it, when no entity was resolved."""
    text = " ".join((mention.speaker_text or "").split())
    if mention.speaker_id or not text or text.lower() in _NO_DESCRIPTION:
        return None
    return text


def attribution_conflicts(
    quotes: Sequence[Quote], mentions: Sequence[QuoteMention]
) -> tuple[AttributionConflict, ...]:
    """Grouped quotes whose articles name different speakers for the same words.

    Unresolved speakers (None) do not conflict with anyone; an organisation issuing a statement
    about its head (Kremlin vs Putin) does, and the report shows both so a reader can judge.
    """
    by_place = {(m.article_id, m.span): m for m in mentions}
    out: list[AttributionConflict] = []
    for quote in quotes:
        speakers: dict[str, tuple[str | None, set[str]]] = {}
        for variant in quote.variants:
            mention = by_place.get((variant.article_id, variant.span))
            if mention is None or mention.speaker_id is None:
                continue
            entry = speakers.setdefault(mention.speaker_id, (mention.speaker_text, set()))
            entry[1].add(variant.article_id)
        if len(speakers) > 1:
            out.append(
                AttributionConflict(
                    quote_id=quote.id,
                    attributions=tuple(
                        (sid, text, tuple(sorted(ids)))
                        for sid, (text, ids) in sorted(speakers.items())
                    ),
                )
            )
    return tuple(out)


DiffOp = Literal["equal", "insert", "delete"]


def variant_diff(a: str, b: str) -> list[tuple[str, str]]:
    """Word-level differences from wording `a` to wording `b`: ("equal"|"insert"|"delete", text)."""
    wa, wb = a.split(), b.split()
    out: list[tuple[str, str]] = []
    matcher = difflib.SequenceMatcher(a=wa, b=wb, autojunk=False)
    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        if op == "equal":
            out.append(("equal", " ".join(wa[i1:i2])))
            continue
        if op in {"delete", "replace"}:
            out.append(("delete", " ".join(wa[i1:i2])))
        if op in {"insert", "replace"}:
            out.append(("insert", " ".join(wb[j1:j2])))
    return out
