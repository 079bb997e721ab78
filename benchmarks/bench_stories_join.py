"""Benchmark: clustering only the new articles into the kept stories, against today's path.

    python benchmarks/bench_stories_join.py eval            # ECB+ dev and GVC dev (../shared)
    python benchmarks/bench_stories_join.py time COPY.db    # the clustering's CPU on a store copy

Not the product (issue 15, session 22: docs/benchmarks.md, "the stories stage"). Each route
is `cluster_stories` with its clustering line replaced, the same features, penalties, linkages,
blocking and stable ids:
- `today`: `cluster_features` over every article (what `ingest` does now);
- `join`: every kept story enters the agglomeration as one cluster (its members' profiles at
  today's document frequencies, summed), the new articles as singletons; only pairs with a new
  article are candidates, so kept stories merge only through a new article and never split
  (since session 23 the product's `stories.join_features`, which `cluster_stories` takes for
  small steps: `StoryConfig.join_share`);
- `touched`: the stories a new article has an edge with (content linkage >= threshold) are
  clustered again from scratch with the new articles, the others kept as they were.

`eval` builds the product's ECB+ dev and GVC dev articles as `eval/stories.py` does and prints,
per route, the evaluation's incremental figure (B3 agreement with one-shot, 3 random orders x
3 batches) and the B3 F1 of the final stories against gold, then the same in +1 % steps (80 %
one-shot, then ~1 % at a time). `time` takes 100 random stored articles out of their stories,
treats them as new (their features known) and times each route's clustering.
"""

from __future__ import annotations

import dataclasses
import json
import random
import sys
import time
from collections import Counter
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

from newsweave.cluster import StoryIndex
from newsweave.cluster import stories as st
from newsweave.cluster.event_weekdays import event_weekday
from newsweave.cluster.event_years import article_year
from newsweave.cluster.features import ArticleFeatures, Vector
from newsweave.cluster.linkage import (
    agglomerate,
    batch_content_linkage,
    candidate_pairs,
    content_linkages,
)
from newsweave.cluster.profiles import Profile
from newsweave.embed import get_embedder
from newsweave.executors import LocalExecutor
from newsweave.model import Article, Story

Extracted = list[tuple[ArticleFeatures, Vector]]


def _evidence(extracted: Extracted, config: st.StoryConfig) -> dict[str, Any]:
    """The penalties' maps, as `cluster_features` builds them."""
    leads = {name for f, _ in extracted for name in f.lede_people}
    return {
        "weekdays_of": {
            f.id: event_weekday(
                f.mention_days,
                f.mention_weekdays,
                published=f.day,
                lede_chars=config.event_lede_chars,
                window_days=config.event_window_days,
            )
            for f, _ in extracted
        },
        "years_of": {f.id: article_year(f.day, f.newest_year) for f, _ in extracted},
        "lead_people_of": {f.id: f.lede_people for f, _ in extracted},
        "named_people_of": {
            f.id: sorted(set(f.lede_people) | {w for w, _ in f.lede_words if w in leads})
            for f, _ in extracted
        },
    }


def _keys(
    profiles: Sequence[Profile], df_terms: Counter[str], df_entities: Counter[str], config: Any
) -> list[list[str]]:
    """Blocking keys as `cluster_profiles` makes them."""
    return st.profile_keys(profiles, df_terms=df_terms, df_entities=df_entities, config=config)


def _weights(config: Any) -> dict[str, float]:
    return {
        "embed": config.weight_embed,
        "terms": config.weight_terms,
        "entities": config.weight_entities,
        "lede": config.weight_lede,
    }


def _agglomerate(
    profiles: list[Profile], pairs: list[tuple[int, int]], config: Any, evidence: dict[str, Any]
) -> list[Profile]:
    weights = _weights(config)
    return agglomerate(
        profiles,
        pairs,
        content=lambda a, b: st.content_linkage(a, b, **weights),
        penalty=st.story_penalty(config, **evidence),
        slack=config.event_match_bonus,
        threshold=config.threshold,
        linkages=content_linkages(profiles, pairs, **weights),
        content_many=batch_content_linkage(profiles, **weights),
    )


def incremental(
    extracted: Extracted, new_ids: set[str], index: StoryIndex, config: Any, route: str
) -> list[Profile]:
    """The clusters of `route` ("join" or "touched") over every article of `extracted`."""
    df_terms: Counter[str] = Counter()
    df_entities: Counter[str] = Counter()
    for f, _ in extracted:
        df_terms.update(t for t, _ in f.terms)
        df_entities.update(e for e, _ in f.entities)
    profile = {
        f.id: st._article_profile(
            f,
            v,
            df_terms=df_terms,
            df_entities=df_entities,
            n_docs=len(extracted),
            config=config,
        )
        for f, v in extracted
    }
    evidence = _evidence(extracted, config)
    groups: list[list[str]] = []
    placed = set(new_ids)
    for story in index.stories:
        members = sorted(m for m in story.members if m in profile and m not in placed)
        if members:
            groups.append(members)
            placed.update(members)
    groups += [[i] for i in sorted(set(profile) - placed)]

    def merged(members: list[str]) -> Profile:
        parts = sorted((profile[m] for m in members), key=lambda p: p.founder_key)
        for part in parts[1:]:
            parts[0].absorb(part)
        return parts[0]

    if route == "join":
        # The product's route since session 23 (`cluster_stories` takes it for small steps).
        kept = [[m for m in s.members if m not in new_ids] for s in index.stories]
        return st.join_features(extracted, kept=kept, config=config)
    story_of = {m: k for k, g in enumerate(groups) for m in g}
    singles = sorted(profile.values(), key=lambda p: p.founder)
    pairs = candidate_pairs(
        _keys(singles, df_terms, df_entities, config), max_block=config.max_block
    )
    new_at = {k for k, p in enumerate(singles) if p.founder in new_ids}
    probe = [(i, j) for i, j in pairs if (i in new_at) != (j in new_at)]
    touched = {
        story_of[singles[j if i in new_at else i].founder]
        for (i, j), link in zip(
            probe, content_linkages(singles, probe, **_weights(config)), strict=True
        )
        if link >= config.threshold - config.event_match_bonus
    }
    again = sorted((profile[m] for k in touched for m in groups[k]), key=lambda p: p.founder)
    again += [profile[i] for i in sorted(new_ids)]
    again.sort(key=lambda p: p.founder)
    print(f"touched: {len(again)} of {len(profile)} articles clustered again", file=sys.stderr)
    sub_pairs = candidate_pairs(
        _keys(again, df_terms, df_entities, config), max_block=config.max_block
    )
    kept = [merged(g) for k, g in enumerate(groups) if k not in touched]
    return _agglomerate(again, sub_pairs, config, evidence) + kept


def cluster_stories_by(
    articles: Sequence[Article],
    *,
    voices: Mapping[str, str],
    index: StoryIndex | None,
    route: str,
) -> tuple[tuple[Story, ...], StoryIndex]:
    """`cluster_stories` (copies as it handles them) with the clustering of `route`."""
    embedder = get_embedder()
    config = st.effective_config(st.StoryConfig(), embedder.mode)
    index = index or StoryIndex(embed_mode=embedder.mode, dim=embedder.dim)
    step = st.gather_step(articles, index=index, voices=voices, executor=LocalExecutor())
    if route == "today" or not index.stories:
        clusters = st.cluster_features(step.extracted, config=config)
    else:
        fresh_ids = {f.id for f, _ in step.fresh}
        clusters = incremental(step.extracted, fresh_ids, index, config, route)
    return st.stories_of(clusters, step, index=index, embedder=embedder, joined=0)


def _evaluate() -> None:
    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "eval"))
    import stories as ev  # eval/stories.py

    for data in (ev.ecbplus("dev"), ev.gvc("dev")):
        if data is None:
            raise SystemExit("no ../shared/eval data")
        product = ev.run_product(data)
        articles, voices = product.articles, product.voices
        one_shot, _ = st.cluster_stories(articles, voices=voices)
        one = {a: s.id for s in one_shot for a in s.article_ids}
        ids = sorted(a.id for a in articles)

        def gold_f1(story_of: Mapping[str, str], product: Any = product, data: Any = data) -> float:
            labels = [
                story_of.get(a, f"alone:{a}") if a is not None else f"lost:{i}"
                for i, a in enumerate(product.article_of)
            ]
            return float(ev.b3_f1(labels, data.gold))

        for steps in ("3 batches", "+1 % steps"):
            for route in ("today", "join", "touched"):
                agreement, f1 = [], []
                for seed in ev.ORDERS:
                    order = list(articles)
                    random.Random(seed).shuffle(order)
                    if steps == "3 batches":
                        size = -(-len(order) // ev.BATCHES)
                        cuts = list(range(0, len(order), size))
                    else:
                        first, step = int(len(order) * 0.8), max(1, round(len(order) / 100))
                        cuts = [0, *range(first, len(order), step)]
                    index = None
                    for start, end in zip(cuts, [*cuts[1:], len(order)], strict=True):
                        found, index = cluster_stories_by(
                            order[start:end], voices=voices, index=index, route=route
                        )
                    got = {a: s.id for s in found for a in s.article_ids}
                    agreement.append(ev.b3_f1([got[i] for i in ids], [one[i] for i in ids]))
                    f1.append(gold_f1(got))
                row = {"data": data.name, "steps": steps, "route": route}
                print(json.dumps({**row, "agreement": agreement, "b3_f1": f1}), flush=True)


def _time(db: str) -> None:
    from newsweave.store.sqlite import Store

    # Opened for writing: a store of an older schema is upgraded (give it a copy).
    with Store(db, create=False) as store:
        state = store.get_state("stories")
    if state is None:
        raise SystemExit(f"{db}: no story index")
    index = StoryIndex.from_bytes(state)
    config = st.effective_config(st.StoryConfig(), get_embedder().mode)
    extracted = [fv for fv in index.articles if fv[0].id not in index.copies]
    new = set(random.Random(15).sample(sorted(f.id for f, _ in extracted), 100))
    stories = tuple(
        dataclasses.replace(s, members=tuple(m for m in s.members if m not in new))
        for s in index.stories
    )
    without = StoryIndex(
        embed_mode=index.embed_mode,
        dim=index.dim,
        articles=index.articles,
        copies=index.copies,
        stories=stories,
    )
    for route in ("join", "touched", "today"):
        start = time.process_time()
        if route == "today":
            clusters = st.cluster_features(extracted, config=config)
        else:
            clusters = incremental(extracted, new, without, config, route)
        cpu = time.process_time() - start
        print(json.dumps({"route": route, "cpu": round(cpu, 2), "clusters": len(clusters)}))


if __name__ == "__main__":  # the pool's spawned workers import this module again
    if sys.argv[1:2] == ["eval"]:
        _evaluate()
    elif sys.argv[1:2] == ["time"] and len(sys.argv) == 3:
        _time(sys.argv[2])
    else:
        raise SystemExit(__doc__)
