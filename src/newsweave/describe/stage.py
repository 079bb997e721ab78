"""The stage that infers missing publication dates from an article's story."""

from __future__ import annotations

from dataclasses import dataclass, field

from newsweave.executors import Executor
from newsweave.extract.dates import DatesConfig
from newsweave.pipeline import Corpus, stage_problem


@dataclass(slots=True, kw_only=True)
class InferPublishedStage:
    """Fill `published` (basis "inferred") where the story makes it safe, then re-date those.

    Relative dates of an article that had no publication date could not be valued by the dates
    stage; once a date is inferred they are valued again against it.
    """

    dates: DatesConfig = field(default_factory=DatesConfig)
    name: str = "infer"
    requires: tuple[str, ...] = ("articles.dates", "stories", "voices")
    provides: tuple[str, ...] = ("articles.published", "articles.dates")

    def run(self, corpus: Corpus, executor: Executor) -> Corpus:
        from newsweave.describe.infer import infer_published
        from newsweave.extract.stage import dated

        try:
            inferred = infer_published(corpus.articles, corpus.stories, voices=corpus.voices)
        except Exception as error:  # the articles keep the dates they have
            problem = stage_problem(self.name, f"{len(corpus.articles)} articles", error)
            return corpus.evolve(problems=(*corpus.problems, problem))
        changed = tuple(
            new for old, new in zip(corpus.articles, inferred, strict=True) if new is not old
        )
        if not changed:
            return corpus
        redated, problems = dated(changed, executor, self.dates)
        by_id = {a.id: a for a in redated}
        articles = tuple(by_id.get(a.id, a) for a in inferred)
        return corpus.evolve(articles=articles, problems=corpus.problems + problems)
