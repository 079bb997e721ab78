"""The stories stage: articles grouped into stories, and stories linked into storylines."""

from __future__ import annotations

from dataclasses import dataclass, field

from newsweave.cluster.stories import StoryConfig
from newsweave.executors import Executor
from newsweave.model import Article, Story, Storyline
from newsweave.pipeline import Corpus, isolate


@dataclass(slots=True, kw_only=True)
class StoriesStage:
    """Cluster articles into stories (incrementally when a story index is kept) and storylines."""

    config: StoryConfig = field(default_factory=StoryConfig)
    name: str = "stories"
    requires: tuple[str, ...] = ("articles", "articles.dates", "articles.copy_of")
    provides: tuple[str, ...] = ("stories", "storylines")

    def run(self, corpus: Corpus, executor: Executor) -> Corpus:
        from newsweave.cluster import StoryIndex, cluster_stories, link_storylines
        from newsweave.embed import get_embedder

        saved = corpus.state.get("stories")
        try:
            index = StoryIndex.from_bytes(saved) if saved else None
        except ValueError:
            # An index of an earlier format: features are extracted again for every article.
            index = None
        if index is not None and index.embed_mode != get_embedder().mode:
            # The store was clustered with another embedder (models installed or removed since):
            # its story vectors cannot be compared with today's, so cluster everything afresh.
            index = None

        # A copy joins its original's story unclustered: copies of a text (`copy_of`), not the
        # copies stage's voices, which since session 6 also join the different reports of one
        # outlet (one newsroom, one voice for corroboration): two shootings reported by one
        # station are two stories (GVC dev through analyze: 0.940 with the voices, 0.994 before).
        copies = {a.id: a.copy_of.article_id for a in corpus.articles if a.copy_of is not None}

        def stories(
            articles: list[Article],
        ) -> tuple[tuple[Story, ...], tuple[Storyline, ...], StoryIndex]:
            found, new_index = cluster_stories(
                articles, executor=executor, voices=copies, index=index, config=self.config
            )
            linked, lines = link_storylines(found, articles, index=new_index, config=self.config)
            return linked, lines, new_index

        (found, storylines, new_index), problems = isolate(
            self.name, corpus.articles, stories, source_of=lambda a: a.source
        )
        return corpus.evolve(
            stories=found,
            storylines=storylines,
            problems=corpus.problems + tuple(problems),
            # The stored articles' features are written as they were read, not encoded again.
            state={**corpus.state, "stories": new_index.to_bytes(reuse=index)},
            modes={**corpus.modes, "embeddings": get_embedder().mode},
        )
