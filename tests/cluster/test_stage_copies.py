"""The stories stage clusters through copies of a text, not through the copies stage's voices.

Since session 6 a voice also joins the different reports of one outlet (one newsroom counts
once for corroboration); two earthquakes reported by one station are still two stories.
"""

from __future__ import annotations

import dataclasses

from newsweave.cluster.stage import StoriesStage
from newsweave.executors import LocalExecutor
from newsweave.model import CopyLink
from newsweave.pipeline import Corpus
from tests.cluster.samples import QUAKE_CALIFORNIA, QUAKE_CHILE, make_article


def test_reports_of_one_outlet_about_two_happenings_stay_two_stories() -> None:
    chile = [make_article(text, title=title) for title, text in QUAKE_CHILE]
    california = [make_article(text, title=title) for title, text in QUAKE_CALIFORNIA]
    articles = [*chile, *california]
    # One outlet wrote all of them: one voice, as the copies stage now says.
    voices = {a.id: chile[0].id for a in articles}
    corpus = Corpus(articles=tuple(articles), voices=voices)
    stories = StoriesStage().run(corpus, LocalExecutor(workers=1)).stories
    groups = {frozenset(s.article_ids) for s in stories}
    assert groups == {frozenset(a.id for a in chile), frozenset(a.id for a in california)}


def test_a_copy_of_a_text_joins_its_originals_story() -> None:
    chile = [make_article(text, title=title) for title, text in QUAKE_CHILE]
    california = [make_article(text, title=title) for title, text in QUAKE_CALIFORNIA]
    # A reprint of a California report, linked as a copy of a Chile one (only the link says so).
    reprint = dataclasses.replace(
        make_article(california[0].text + " (reprint)", title=california[0].title),
        copy_of=CopyLink(article_id=chile[0].id, kind="near", similarity=0.99),
    )
    corpus = Corpus(articles=(*chile, *california, reprint))
    stories = StoriesStage().run(corpus, LocalExecutor(workers=1)).stories
    chile_story = next(s for s in stories if chile[0].id in s.article_ids)
    assert reprint.id in chile_story.article_ids
