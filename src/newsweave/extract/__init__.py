"""Extraction of mentions from article text: time expressions, quantities (and, from other
modules of this package, entities and quotes)."""

from newsweave.extract.dates import extract_dates
from newsweave.extract.entities import EntityConfig, EntityResult, extract_entities
from newsweave.extract.numbers import Quantity, extract_quantities
from newsweave.extract.quotes import QuoteMention, extract_quotes

__all__ = [
    "EntityConfig",
    "EntityResult",
    "Quantity",
    "QuoteMention",
    "extract_dates",
    "extract_entities",
    "extract_quantities",
    "extract_quotes",
]
