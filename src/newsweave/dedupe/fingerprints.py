"""Per-article fingerprints: the map step of copy detection, small enough to store and reuse.

A `Fingerprint` holds what the group step needs about an article: a key for exact copies,
set sizes, the 5-gram MinHash signature (near copies) and a MinHash of its set of content words
(blocking rewrite candidates). Signatures are stored as little-endian uint64 bytes: 1.5 KiB per
article with the defaults, comparable (`==`), picklable, and ready for a SQLite BLOB.
"""

from __future__ import annotations

import hashlib

import numpy as np

from newsweave.dedupe.minhash import Signature, minhash
from newsweave.dedupe.shingles import Hashes, Tokens, normalize, shingle_hashes, tokenize
from newsweave.model import record

# Function words carry no topic; dropping them makes the content-word set of a spun rewrite
# (which keeps names, numbers and most nouns) overlap its original's far more than its
# function words would dilute it.
STOPWORDS = frozenset(
    """a about above after again against all also am an and any are as at be because been before
    being below between both but by can could did do does doing down during each few for from
    further had has have having he her here hers herself him himself his how i if in into is it
    its itself just me more most my myself no nor not now of off on once only or other our ours
    out over own same she should so some such than that the their theirs them then there these
    they this those through to too under until up very was we were what when where which while
    who whom why will with would you your yours said says say told according one two new also
    mr mrs ms""".split()  # noqa: SIM905  (a word list reads better as text)
)


@record
class Fingerprint:
    """What copy detection keeps of one article (see the module docstring)."""

    article_id: str
    exact_key: str
    words: int
    shingles: int
    signature: bytes
    topic: bytes

    def signature_array(self) -> Signature:
        """The 5-gram MinHash signature as a (read-only) uint64 array."""
        return np.frombuffer(self.signature, dtype="<u8").astype(np.uint64, copy=False)

    def topic_array(self) -> Signature:
        """The content-word MinHash signature as a (read-only) uint64 array."""
        return np.frombuffer(self.topic, dtype="<u8").astype(np.uint64, copy=False)


def exact_key(text: str) -> str:
    """Equal for texts that differ only in letter case and whitespace."""
    digest = hashlib.blake2b(normalize(text).encode("utf-8", "surrogatepass"), digest_size=16)
    return digest.hexdigest()


def _stopword_hashes() -> Hashes:
    return np.unique(tokenize(" ".join(sorted(STOPWORDS))).hashes)


_STOP_HASHES = _stopword_hashes()


def content_words(tokens: Tokens) -> Hashes:
    """Distinct hashes of the words that are not function words (numbers kept: they survive
    any rewording; other one-letter words dropped)."""
    keep = ~np.isin(tokens.hashes, _STOP_HASHES) & ((tokens.lengths > 1) | tokens.numeric)
    return np.unique(tokens.hashes[keep])


def fingerprint(article_id: str, text: str, *, num_perm: int, topic_perm: int) -> Fingerprint:
    """The fingerprint of one article's clean text."""
    tokens = tokenize(text)
    shingles = shingle_hashes(tokens.hashes)
    return Fingerprint(
        article_id=article_id,
        exact_key=exact_key(text),
        words=int(tokens.hashes.size),
        shingles=int(shingles.size),
        signature=minhash(shingles, num_perm).astype("<u8").tobytes(),
        topic=minhash(content_words(tokens), topic_perm).astype("<u8").tobytes(),
    )
