"""Options of the cleaning stage."""

from __future__ import annotations

from newsweave.clean.stats import MAX_COUNTED_BODIES
from newsweave.errors import ConfigError
from newsweave.model import record


@record
class CleanConfig:
    """Options of `clean_text` / `extract_html`; the defaults are the measured best.

    Every default was calibrated on the cleaning dev set (`eval/cleaning.py`, numbers in
    `docs/evaluation.md`); re-run that evaluation after changing one.
    """

    find_title: bool = True
    """Recognise the headline, return it in `Cleaned.title` and keep it out of the text."""
    repair: bool = True
    """Join sentences split by a stray line break, undo hyphenation and hard wraps."""
    corpus_min_docs: int = 3
    """A line in at least this many documents of one outlet is page furniture. Three: two
    documents of one outlet may legitimately share a paragraph (an update of the same story)."""
    corpus_max_words_unkeyed: int = 12
    """Without an outlet, only short non-prose lines are judged by corpus repetition, because
    syndicated copies of one wire story legitimately repeat long paragraphs across outlets."""
    html_favor_recall: bool = False
    """trafilatura's recall mode on the HTML route (measured: see docs/evaluation.md)."""
    html_include_tables: bool = True
    """Keep table text on the HTML route (measured: see docs/evaluation.md)."""
    html_text_rules: bool = True
    """Apply the safe plain-text rules (plugs, captions, credits) to trafilatura's output."""

    def __post_init__(self) -> None:
        if self.corpus_min_docs < 2:
            raise ConfigError(
                f"corpus_min_docs={self.corpus_min_docs}: use 2 or more (a line always occurs "
                "in its own document)"
            )
        if self.corpus_min_docs > MAX_COUNTED_BODIES:
            # Line counts saturate there (`stats.py`): a larger value would never fire.
            raise ConfigError(
                f"corpus_min_docs={self.corpus_min_docs}: use at most {MAX_COUNTED_BODIES} "
                "(line counts stop there, so a larger value never marks a line as furniture)"
            )
        if self.corpus_max_words_unkeyed < 0:
            raise ConfigError("corpus_max_words_unkeyed must be 0 or more")
