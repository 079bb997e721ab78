"""Teaser and plug lines (the page pointing to more of itself) are cut; news prose stays."""

from __future__ import annotations

import pytest

from newsweave.clean import clean_text
from newsweave.clean.lexicon import phrase_hits


def _page(*parts: str) -> str:
    return "\n\n".join(parts)


@pytest.mark.parametrize(
    "teaser",
    [
        "Hit the jump for more details and how the sequel could face a huge delay.",
        "More after the jump, including the studio's reply.",
        "Click here to watch Jane Doe's report.",
        "Go here to keep reading.",
        "This story is still developing. Check back for updates.",
        "This is a developing story; please check back for updates.",
        "Stay with Channel 4 for more information.",
        "Stay with WTOL 11 for the latest.",
        "Click here for reuse options!",
        "News X has exclusive pictures of the anti-piracy operation.",
        "Watch the video above.",
        "ON A MOBILE DEVICE? WATCH THE VIDEO HERE.",
    ],
)
def test_a_teaser_line_is_cut_from_an_article(article: str, teaser: str) -> None:
    cleaned = clean_text(_page(article, teaser, article.split("\n\n", maxsplit=1)[0]))
    assert teaser not in cleaned.text
    assert any(teaser in r.text for r in cleaned.removed)


@pytest.mark.parametrize(
    "prose",
    [
        "The jury took a break after the judge ruled on the evidence in the afternoon.",
        "Officers stayed with the victim until paramedics arrived at the scene on Main Street.",
        "Residents were told to check their doors and windows before going to bed.",
        "The athlete failed to clear the bar on his third jump and went home without a medal.",
        "He did not want the family to have to watch the video again, his lawyer said.",
        "Police released video of the suspect and said the footage was exclusive to detectives.",
    ],
)
def test_news_prose_with_near_words_is_no_teaser(prose: str) -> None:
    assert phrase_hits(prose) == (None, 0)
