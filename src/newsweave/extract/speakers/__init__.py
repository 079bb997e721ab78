"""Who is speaking: attribution frames around quotes, subjects, pronouns and statement authors.

One package, read bottom-up:
- `words.py`: the word lists and patterns frames are read with;
- `text.py`: sentence and word helpers over raw text (sentence starts and limits, datelines);
- `phrases.py`: noun-phrase helpers (who a phrase names or describes, a name's gender);
- `mentions.py`: `Attribution`, and look-ups over an article's entity mentions and spans;
- `config.py`: `SpeakerConfig`;
- `frames.py`: `Speakers`, the attribution of quotes in one article (the frames it reads are
  listed in its docstring).
Every name other modules and tests import is re-exported here.
"""

from __future__ import annotations

from newsweave.extract.speakers.config import SpeakerConfig
from newsweave.extract.speakers.frames import Speakers
from newsweave.extract.speakers.mentions import Attribution, MentionIndex, SpanIndex, _Mention
from newsweave.extract.speakers.phrases import _gender_near, _noun_phrase
from newsweave.extract.speakers.text import after_dateline, sentence_limit, sentence_starts
from newsweave.extract.speakers.words import (
    _PERSON_ROLES,
    DOCUMENT_WORDS,
    NAMING_VERBS,
    PRONOUNS,
    SPEECH_VERBS,
)

__all__ = [
    "DOCUMENT_WORDS",
    "NAMING_VERBS",
    "PRONOUNS",
    "SPEECH_VERBS",
    "_PERSON_ROLES",
    "Attribution",
    "MentionIndex",
    "SpanIndex",
    "SpeakerConfig",
    "Speakers",
    "_Mention",
    "_gender_near",
    "_noun_phrase",
    "after_dateline",
    "sentence_limit",
    "sentence_starts",
]
