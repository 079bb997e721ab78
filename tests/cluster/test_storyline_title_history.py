"""A storyline's title does not depend on its stories' ids: an `ingest` keeps a stored story's
id (`stories._stable_ids`) where one run over the same articles names it by its founder, so
the same stories may carry other ids (ECB+ 772: one run against 760 ingested, 12 joined, then
`newsweave report --db`, the same 78 stories, one id kept, the storyline's title differed)."""

from __future__ import annotations

import numpy as np

from newsweave.cluster import link_storylines
from newsweave.cluster.incremental import StoredStory, StoryIndex
from newsweave.model import Story


def _titles(first_id: str, second_id: str) -> tuple[str, ...]:
    # Two stories of one storyline: each is as close to their sum as the other, the
    # candidates' tie-break decides.
    vectors = {first_id: np.array([1.0, 0.2, 0.0]), second_id: np.array([0.9, 0.0, 0.3])}
    members = {first_id: ("a-0002", "a-0003"), second_id: ("a-0001",)}
    titles = {first_id: "Bush rule eases species reviews", second_id: "Obama overturns Bush rule"}
    names = {"interior department": 1.0, "endangered species act": 1.0}
    index = StoryIndex(
        embed_mode="test",
        dim=3,
        stories=tuple(
            StoredStory(
                id=story_id,
                founder=members[story_id][0],
                members=members[story_id],
                copies=(),
                vector=vectors[story_id],
                terms={},
                entities=names,
                first_day=day,
                last_day=day,
                titles=(),
            )
            for story_id, day in ((first_id, 100), (second_id, 110))
        ),
    )
    stories = [Story(id=s, title=titles[s], article_ids=members[s]) for s in (first_id, second_id)]
    _, storylines = link_storylines(stories, [], index=index)
    return tuple(line.title for line in storylines)


def test_the_same_stories_under_other_ids_give_the_storyline_the_same_title() -> None:
    # The second pair swaps which story has the smaller id (before: its title was the title).
    assert _titles("s-1", "s-2") == _titles("s-2", "s-1")
    assert len(_titles("s-1", "s-2")) == 1
