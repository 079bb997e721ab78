"""Sentence vectors found in the `claim-vectors` products, for stages that embed in the driving
process after the claims stage (the brief, the timeline; issue 15).

In an `ingest` the claims stage loads the stored articles' `ArticleClaims` from the store, not
into this process's embedder, and lets them go when it ends; a story's brief or timeline built
again then asked the model for every sentence no earlier run had asked for (the brief: 119
texts, ~1.2 CPU s of the +1 % step at 10,000). A product holds each claim sentence's vector as
the model gives it, and a vector does not depend on the batch it was embedded in
(`Embedder.embed`; tests/test_brief_claim_vectors.py compares the bytes), so the one found is
the one the model would give. A text is matched by equality with a product's sentence: an
article changed since its product was made can only miss, and then the model embeds it.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import cast

import numpy as np

from newsweave.align.claims import ArticleClaims, embed_article_claims
from newsweave.embed import VectorLookup
from newsweave.products import ProductCache, product_of


def claim_vector_lookup(
    cache: ProductCache, holders: Callable[[str], Sequence[str]]
) -> VectorLookup:
    """A lookup (`Embedder.held_in`) of texts in the `claim-vectors` products of the articles
    `holders(text)` names, in that order, among those whose product key this run made (the
    claims stage's, `cache.named_keys`)."""
    product = product_of(embed_article_claims)
    assert product is not None
    kind = product[0]

    def lookup(texts: list[str]) -> dict[str, np.ndarray]:
        keys = cache.named_keys.get(kind, {})
        named = {t: [a for a in holders(t) if a in keys] for t in texts}
        out: dict[str, np.ndarray] = {}
        # Each text from its first holder whose product has it, else from the next one.
        for rank in range(max((len(held) for held in named.values()), default=0)):
            by_article: dict[str, list[str]] = {}
            for text, held in named.items():
                if text not in out and rank < len(held):
                    by_article.setdefault(held[rank], []).append(text)
            found = cache.lookup(kind, [keys[a][1] for a in by_article])
            for article_id, asked in by_article.items():
                claims = cast(ArticleClaims | None, found.get(keys[article_id][1]))
                if claims is None:
                    continue
                row = {e.text: k for k, e in enumerate(claims.evidence)}
                for text in asked:
                    if text in row:
                        out[text] = claims.vectors[row[text]].copy()
        return out

    return lookup
