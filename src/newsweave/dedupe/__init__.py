"""Copy detection: exact copies, near copies and rewrites, and the voice each article speaks for.

    from newsweave.dedupe import find_copies
    result = find_copies(articles)          # CopyResult(links=..., voices=...)

Copies never count as independent support later: `voices` maps every article to the original
of its copy group (itself when it has no copies). The copies stage then joins the voices of
articles that retell one report (`voices`: one crediting the other's outlet or both crediting
one origin; both keeping a 15-word run of one agency text) and of one outlet
(`stage.one_voice_per_outlet`), so `Corpus.voices` means "independent sources"; copy groups
themselves are read from each article's `copy_of`.
"""

from __future__ import annotations

from newsweave.dedupe.config import DedupeConfig
from newsweave.dedupe.decide import CopyResult, find_copies
from newsweave.dedupe.fingerprints import Fingerprint, fingerprint
from newsweave.dedupe.groups import choose_original
from newsweave.dedupe.minhash import estimate_jaccard, signature

__all__ = [
    "CopyResult",
    "DedupeConfig",
    "Fingerprint",
    "choose_original",
    "estimate_jaccard",
    "find_copies",
    "fingerprint",
    "signature",
]
