"""Alignment across outlets: claims, conflicts, quote variants, timelines."""

from newsweave.align.claims import ClaimConfig, align_claims
from newsweave.align.similarity import (
    SimilarityConfig,
    same_statement_matrix,
    same_statement_score,
)

__all__ = [
    "ClaimConfig",
    "SimilarityConfig",
    "align_claims",
    "same_statement_matrix",
    "same_statement_score",
]
