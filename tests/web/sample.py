"""A small store-shaped report with several stories of different sizes, dates and outlets."""

from __future__ import annotations

import dataclasses

from newsweave.model import Claim, Report, Story
from tests.report.sample import article, evidence
from tests.store.test_tables import report_with_unknown_sources

RLO_TITLE = "Flood \u202eevarb\u202c warning issued"


def several_stories() -> Report:
    """The sample story (5 articles) plus a 2-article and a 3-article story, later in time."""
    base = report_with_unknown_sources()
    flood = [
        article(
            "f-1",
            "The river rose two metres overnight in the town.",
            outlet="Daily Flood",
            published="2021-03-02",
            title=RLO_TITLE,
        ),
        article(
            "f-2",
            "The river rose two metres overnight, officials said.",
            outlet="River News",
            published="2021-03-03",
            language="de",
        ),
    ]
    quake = [
        article(
            f"q-{i}",
            f"A magnitude 6 earthquake struck the coast, report {i}.",
            outlet=f"Quake Times {i}",
            published="2020-06-0" + str(i),
        )
        for i in range(1, 4)
    ]
    stories = (
        *base.stories,
        Story(
            id="s-flood",
            title="River flood",
            article_ids=("f-1", "f-2"),
            start="2021-03-02",
            end="2021-03-03",
        ),
        Story(
            id="s-quake",
            title="Coastal earthquake",
            article_ids=("q-1", "q-2", "q-3"),
            start="2020-06-01",
            end="2020-06-03",
        ),
    )
    flood_claim = Claim(
        id="c-flood",
        story_id="s-flood",
        text="The river rose two metres overnight.",
        status="corroborated",
        support=tuple(evidence(a, "The river rose two metres overnight") for a in flood),
    )
    quake_claims = tuple(
        Claim(
            id=f"c-quake-{i}",
            story_id="s-quake",
            text=f"Quake claim {i}",
            status="single-source",
            support=(evidence(q, "A magnitude 6 earthquake struck the coast"),),
        )
        for i, q in enumerate(quake)
    )
    return dataclasses.replace(
        base,
        articles=(*base.articles, *flood, *quake),
        stories=stories,
        claims=(*base.claims, flood_claim, *quake_claims),
    )
