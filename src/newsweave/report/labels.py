"""Honest count lines shared by the HTML report and the web app.

Unknown-source articles (no outlet, no domain) are never counted as outlets; copies add no
independent voice; corroboration that rests on unknown sources says so.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from newsweave.model import UNKNOWN_SOURCE, Article

# A single-source claim that other articles of its story come close to without stating it (as
# the strict support rule reads them: issue 11, "same statement" recall 0.42 at precision 0.97)
# is not known to rest on one source: the report says what it knows (session 21).
NOT_MATCHED = "not matched elsewhere"
# What the label means, where a page has room for a tooltip (the HTML report's count line says
# the same words).
NOT_MATCHED_TITLE = (
    "one voice states it; other articles say something close that was not matched as the same"
    " statement"
)


def status_label(status: str, near_elsewhere: object = ()) -> str:
    """The status as the report words it: "not matched elsewhere" for a single-source claim
    that other voices' sentences come close to (`Claim.near_elsewhere`), else the status."""
    return NOT_MATCHED if status == "single-source" and near_elsewhere else status


def plural(n: int, word: str, many: str | None = None) -> str:
    return f"{n} {word if n == 1 else many or word + 's'}"


def sources_line(n_articles: int, n_outlets: int, n_unknown: int, n_voices: int) -> str:
    """'12 articles from 5 outlets (3 of unknown source) · 9 independent voices'."""
    if n_outlets == 0 and n_unknown:
        text = f"{plural(n_articles, 'article')}, all of {UNKNOWN_SOURCE}"
    else:
        text = f"{plural(n_articles, 'article')} from {plural(n_outlets, 'outlet')}"
        if n_unknown:
            text += f" ({n_unknown} of {UNKNOWN_SOURCE})"
    return text + f" · {plural(n_voices, 'independent voice')}"


def support_note(claim: Mapping[str, Any]) -> str:
    """How a claim is backed (`n_outlets`, `n_unknown`, `n_voices`, `status`), unknowns named."""
    outlets, unknown, voices = claim["n_outlets"], claim["n_unknown"], claim["n_voices"]
    if claim["status"] == "corroborated" and outlets < 2 and unknown:
        if outlets == 0:
            return f"{plural(voices, 'voice')}, all of {UNKNOWN_SOURCE}"
        return f"{plural(voices, 'voice')}: 1 known outlet, the others of {UNKNOWN_SOURCE}"
    text = plural(outlets, "outlet")
    if unknown:
        text += f" + {plural(unknown, 'article')} of {UNKNOWN_SOURCE}"
    if claim["status"] == "single-source" and outlets + unknown >= 2:
        # The claims stage counts outlets that retell one text (an agency story, its reprints
        # and light rewrites) as one voice: a "single-source" label beside four outlets says so.
        return text + " retelling one text · 1 voice"
    return text + f" · {plural(voices, 'voice')}"


def outlet_key(article: Article) -> str | None:
    """The outlet an article counts for: its outlet, else its domain, else None (unknown)."""
    return article.outlet or article.domain or None


def voice_of(article: Article, by_id: Mapping[str, Article]) -> str:
    """The original at the end of `article`'s copy chain: copies share their original's voice."""
    seen = {article.id}
    current = article
    while current.copy_of is not None and current.copy_of.article_id not in seen:
        seen.add(current.copy_of.article_id)
        found = by_id.get(current.copy_of.article_id)
        if found is None:
            return current.copy_of.article_id
        current = found
    return current.id
