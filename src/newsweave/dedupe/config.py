"""Options of the copy-detection stage; every default says how it was calibrated."""

from __future__ import annotations

from newsweave.errors import ConfigError
from newsweave.executors.base import DEFAULT_PARTITION_SIZE
from newsweave.model import record


@record
class DedupeConfig:
    """Options of `find_copies`. Re-run `eval/copies.py` (numbers in docs/evaluation.md) after
    changing a threshold."""

    num_perm: int = 128
    """MinHash permutations of the word 5-gram signature (Jaccard error ~0.044 at J=0.5)."""
    bands: int = 64
    """LSH bands of the 5-gram signature (rows = num_perm / bands = 2). S-curve steepest near
    J = (1/64)**(1/2) = 0.125: candidate probability 0.47 at J=0.1, 0.93 at J=0.2, 0.998 at
    J=0.35. Far below the usual 0.5-0.6 on purpose: a copy cut to a third of its original has
    J ~ 0.3 (containment ~1.0), and ECB+ holds real wire copies like that (22_12/22_14:
    J=0.39, C=0.98), which 32 bands of 4 rows (steepest at 0.42) missed. Every candidate is
    screened by its estimated Jaccard/containment and then checked exactly, so the loose net
    costs cheap checks, not precision (benchmarks/bench_dedupe.py shows the count stays linear)."""
    near_jaccard: float = 0.5
    """Exact 5-gram Jaccard from which two texts are near copies. On ECB+ same-event articles by
    other outlets stay under 0.05 (90 % quantile); the closest non-copies, stories built on one
    wire text (8_1/8_2ecbplus), reach 0.41; edited copies measure >= 0.6."""
    near_containment: float = 0.8
    """Share of the shorter text's shingles found in the longer one from which it is a
    (truncated or extended) near copy. Truncated copies measure 0.9-1.0; on ECB+ the closest
    same-event non-copies reach 0.60 (one wire text reworked by each outlet; 0.6-0.8 is a
    judgement call, see eval/copies.py); seeds 000-002, sharing Putin's quote, stay under 0.2.
    Session 7 tried 0.7 (the ECB+ pairs at 0.7-0.8 read as wire versions): pair precision fell
    0.974 -> 0.927 as groups chained through them, so those pairs are one voice
    (`shared_run_words`), not copies."""
    min_containment_ratio: float = 0.2
    """Containment alone counts only when the shorter text has at least this share of the
    longer one's shingles: a one-paragraph teaser inside a long article is not a copy of it."""
    min_shingles: int = 10
    """Texts with fewer 5-gram shingles (~14 words) are judged by exact identity only: a
    phrase-sized text is contained in too many others. 10 (rather than 20) finds cut copies of
    one-sentence ECB+ reports (near recall 0.96 -> 0.98) and joined no same-event pair."""
    topic_perm: int = 64
    """MinHash permutations of the content-word set signature that blocks rewrite candidates."""
    topic_bands: int = 32
    """LSH bands of the content-word signature (2 rows: S-curve steepest near J=0.18). Spun
    rewrites keep names, numbers and the untouched words: content-word Jaccard 0.3-0.7 with
    their original, so nearly all become candidates; so do many same-event articles, which
    the sentence alignment then rejects."""
    detect_rewrites: bool = True
    """Look for rewrites at all (needs sentence embeddings: the costly part)."""
    rewrite_length_ratio: float = 0.5
    """A rewrite keeps the article whole: candidates whose word counts differ more than this
    ratio are not aligned at all (saves embedding whole same-event neighbourhoods)."""
    rewrite_min_topic: float = 0.25
    """Estimated content-word Jaccard below which a candidate is not aligned. Spun rewrites of
    ECB+ articles measured 0.6-1.0 (10 % quantile 0.74); same-event articles by other outlets
    median 0.15, 90 % quantile 0.29: this cuts most of the embedding work on a busy event."""
    rewrite_min_sentences: int = 3
    """Articles with fewer sentences are never called rewrites: two one-sentence leads of the
    same event by different outlets align as well as a rewrite does (ECB+ topic 34: five
    different outlets' one-line reports on Sanjay Gupta all align at cosine >= 0.8)."""
    rewrite_word_overlap: float = 0.3
    """Content-word Dice from which a sentence may be a rewording of another, judged before any
    embedding. Of 7,313 sentence pairs at MiniLM cosine >= 0.8 (the rewrite candidates of ECB+
    and the built copies), 98.9 % reach 0.3 and 99.6 % 0.25."""
    rewrite_word_aligned: float = 0.6
    """Share of the sentences of both articles that must have a partner at
    `rewrite_word_overlap` before the pair is embedded at all: 0.1 below `rewrite_aligned`, so
    the few aligned sentences whose words changed more cannot cost a rewrite. Every rewrite
    the model found on ECB+ and the built copies measured >= 0.7; 0 embeds every candidate."""
    rewrite_min_content_words: int = 3
    """Sentences with fewer content words cannot be judged by their words and count as having
    a partner in that test."""
    rewrite_cosine: float | None = None
    """Cosine from which two sentences align; None = the calibrated value for the embedder that
    runs (see `rewrite_cosine_for`)."""
    rewrite_aligned: float = 0.7
    """Share of the sentences of *both* articles that must align for a rewrite."""
    rewrite_in_order: float = 0.7
    """Share of aligned sentences that must keep their order."""
    shared_run_words: int = 15
    """Words in a row, outside quotation marks and first-person sentences, that two articles
    must share word for word to speak with one voice (0 = never join voices on shared text).
    Outlets that rework one agency text keep some of its sentences verbatim (audit 7: CBC and
    USA Today's AP stories share "In Oman and the United Arab Emirates, buildings were evacuated
    and people fled into the streets.", 16 words), while independent reports of one event share
    names, figures and quotes, not 15-word narrative runs. On ECB+, 226 of 4,437 same-event
    pairs of other outlets share one (156 of them below the near-copy containment); 10 of those
    156 read by eye (random) were all one source's text: AP stories on several sites, blog
    reposts, one press release, a DA's statement."""
    shared_run_sentences: int = 2
    """Sentences of each article that must hold such a run for the two to be one voice in
    every sentence. One copied passage (a police charge list, a press release's paragraph, a
    police appeal) is one voice for that passage only (claims count near-identical sentences
    once): the outlets' other sentences are their own (session 8, fresh5: two local outlets
    copying one charge list had made "Calvin Williams, 23" and "Calvin Williams, 24" one
    voice). On raw ECB+/GVC same-event pairs of other sites, 93 of 236 sharing pairs share one
    sentence; of six read, three were wire rewrites (AP, USA Today vs CBC), three an appeal,
    a press release and a charge list; every pair of two shared sentences read (5) was one
    agency or statement text."""
    partition_size: int = DEFAULT_PARTITION_SIZE
    """Articles per map task (signatures, embeddings); never changes the result."""

    def __post_init__(self) -> None:
        for name, perms, bands in (
            ("num_perm/bands", self.num_perm, self.bands),
            ("topic_perm/topic_bands", self.topic_perm, self.topic_bands),
        ):
            if perms < 1 or bands < 1 or perms % bands:
                raise ConfigError(
                    f"{name} = {perms}/{bands}: bands must be a positive divisor of the "
                    "permutation count (e.g. 128 permutations in 32 bands of 4 rows)"
                )
        for name, value in (
            ("near_jaccard", self.near_jaccard),
            ("near_containment", self.near_containment),
            ("min_containment_ratio", self.min_containment_ratio),
            ("rewrite_length_ratio", self.rewrite_length_ratio),
            ("rewrite_min_topic", self.rewrite_min_topic),
            ("rewrite_word_overlap", self.rewrite_word_overlap),
            ("rewrite_word_aligned", self.rewrite_word_aligned),
            ("rewrite_aligned", self.rewrite_aligned),
            ("rewrite_in_order", self.rewrite_in_order),
        ):
            if not 0.0 <= value <= 1.0:
                raise ConfigError(f"{name}={value}: use a share between 0 and 1")
        if self.rewrite_cosine is not None and not -1.0 <= self.rewrite_cosine <= 1.0:
            raise ConfigError(f"rewrite_cosine={self.rewrite_cosine}: use a cosine in [-1, 1]")
        if self.partition_size < 1:
            raise ConfigError(f"partition_size={self.partition_size}: use 1 or more")
        if self.rewrite_min_sentences < 1:
            raise ConfigError(f"rewrite_min_sentences={self.rewrite_min_sentences}: use 1 or more")
        if self.rewrite_min_content_words < 0:
            raise ConfigError(
                f"rewrite_min_content_words={self.rewrite_min_content_words}: use 0 or more"
            )
        if self.shared_run_sentences < 1:
            raise ConfigError(f"shared_run_sentences={self.shared_run_sentences}: use 1 or more")
        if self.shared_run_words < 0:
            raise ConfigError(f"shared_run_words={self.shared_run_words}: use 0 or more")
        if self.min_shingles < 1:
            raise ConfigError(f"min_shingles={self.min_shingles}: use 1 or more")

    def rewrite_cosine_for(self, mode: str) -> float:
        """The sentence-alignment cosine for embedder `mode` (config value if set)."""
        if self.rewrite_cosine is not None:
            return self.rewrite_cosine
        return REWRITE_COSINE.get(mode, REWRITE_COSINE["hashed-bow"])


# Sentence cosine from which a sentence of one article is a rewording of one in another, per
# embedder; calibrated on ECB+ dev (eval/copies.py): with MiniLM, spun rewrites keep >= 86 % of
# sentences aligned at 0.8 (10 % quantile 0.94), while same-event pairs by other outlets of 3+
# sentences stay under 0.3 (99 % quantile). Hashed bag-of-words cosines run lower for a
# reworded sentence (synonyms share no features): at 0.5 spun rewrites keep >= 87 % aligned
# (10 % quantile) and same-event pairs stay under 0.24 (99 % quantile) on the same data.
REWRITE_COSINE: dict[str, float] = {"minilm-onnx": 0.8, "hashed-bow": 0.5}
