"""Story clustering time and peak memory at growing corpus sizes (Markdown table on stdout).

Usage: python benchmarks/bench_cluster.py [DATA_DIR] [--sizes 1000 10000 [100000]] [--features F]

DATA_DIR defaults to ../shared/eval/ecbplus. Its 772 articles are read by the product's stages up
to `dates` (ingest, clean, copies, dates: the publication day a date line gives, the valued time
expressions) and featurised once with the real models (MiniLM + spaCy; that cost is reported on
its own line, since it is linear and dominates), so that the time evidence of the story decision
(publication days, event days and weekdays, the newest named year) fires as in the product.
`--raw-records` featurises the records as they are instead (no dates at all: the measurements
before session 9).

Larger corpora are made by replication with perturbation: replica r of an article gets every word,
name and lede word suffixed with `~r` (so replicas are separate "worlds" with their own events, as
in a real stream; their dates are kept, as in a stream of the same years), 10 % of its words
dropped, and its vector rotated by a per-replica permutation and sign flip of the dimensions plus
small noise. Clustering (blocking, edges, average link, titles, index) then runs through
`cluster_stories` on those precomputed features; the table shows its CPU and wall time, peak
Python memory (tracemalloc), and the CPU growth factor per 10x articles (CPU seconds, since wall
time on a shared machine mostly measures the load). `--features FILE`
keeps the featurised base articles between runs.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
import tracemalloc
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "eval"))

from newsweave.cluster import StoryIndex, cluster_stories
from newsweave.cluster.features import ArticleFeatures, Vector, extract_features
from newsweave.embed import get_embedder
from newsweave.executors import LocalExecutor, partition
from newsweave.model import Article


def make_article(record: dict[str, Any]) -> Article:
    """An Article from a raw record (title = first line): cheap, for timing clustering only."""
    text = str(record["text"])
    title = next((line.strip() for line in text.splitlines() if line.strip()), "")[:160]
    return Article(
        id=str(record["id"]),
        source=str(record["id"]),
        url=record.get("url"),
        outlet=None,
        domain=None,
        title=title,
        published=record.get("published"),
        published_basis="metadata" if record.get("published") else "unknown",
        language="en",
        text=text,
    )


DEFAULT_DATA = Path(__file__).resolve().parents[2] / "shared" / "eval" / "ecbplus"


class CachedFeatures(LocalExecutor):
    """An executor whose feature map step returns precomputed features (by article id)."""

    def __init__(self, cache: dict[str, tuple[ArticleFeatures, Vector]]) -> None:
        self.cache = cache

    def map_partitions(
        self, fn: Callable[[list[Any]], list[Any]], items: Sequence[Any], *, size: int = 256
    ) -> list[Any]:
        if fn is extract_features:
            return [self.cache[a.id] for part in partition(items, size) for a in part]
        return super().map_partitions(fn, items, size=size)


def replicate(
    articles: list[Article], base: dict[str, tuple[ArticleFeatures, Vector]], n: int
) -> tuple[list[Article], dict[str, tuple[ArticleFeatures, Vector]]]:
    rng = np.random.default_rng(12345)
    dim = len(next(iter(base.values()))[1])
    out: list[Article] = []
    cache: dict[str, tuple[ArticleFeatures, Vector]] = {}
    replica = 0
    while len(out) < n:
        perm = rng.permutation(dim)
        signs = rng.choice([-1.0, 1.0], dim)
        for article in articles:
            if len(out) >= n:
                break
            features, vector = base[article.id]
            new_id = f"r{replica}-{article.id}"
            keep = rng.random(len(features.terms)) >= 0.1
            terms = tuple(
                (f"{t}~{replica}", c) for (t, c), k in zip(features.terms, keep, strict=True) if k
            )
            entities = tuple((f"{e}~{replica}", c) for e, c in features.entities)
            lede_words = tuple((f"{w}~{replica}", x) for w, x in features.lede_words)
            moved = vector[perm] * signs + 0.02 * rng.standard_normal(dim)
            moved = (moved / np.linalg.norm(moved)).astype(np.float32)
            cache[new_id] = (
                ArticleFeatures(
                    id=new_id,
                    title=features.title,
                    headline_like=features.headline_like,
                    terms=terms,
                    entities=entities,
                    day=features.day,
                    mention_days=features.mention_days,
                    mention_weekdays=features.mention_weekdays,
                    lede_words=lede_words,
                    lede_people=tuple(f"{x}~{replica}" for x in features.lede_people),
                    newest_year=features.newest_year,
                ),
                moved,
            )
            out.append(
                Article(
                    id=new_id,
                    source=article.source,
                    url=None,
                    outlet=None,
                    domain=None,
                    title=article.title,
                    published=None,
                    published_basis="unknown",
                    language="en",
                    text="",
                )
            )
        replica += 1
    return out, cache


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("data_dir", type=Path, nargs="?", default=DEFAULT_DATA)
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000])
    parser.add_argument(
        "--features",
        type=Path,
        help="keep the featurised base articles in this file (a StoryIndex) and reuse them",
    )
    parser.add_argument(
        "--raw-records",
        action="store_true",
        help="featurise the records as they are (no reading or dates stages: no time evidence)",
    )
    parser.add_argument(
        "--no-memory", action="store_true", help="skip tracemalloc (it slows clustering ~2x)"
    )
    args = parser.parse_args()

    with (args.data_dir / "articles.jsonl").open(encoding="utf-8") as handle:
        records = [json.loads(line) for line in handle if line.strip()]
    articles = [make_article(r) for r in records] if args.raw_records else read_articles(records)
    base = load_features(args.features, articles)
    dated = sum(f.day is not None for f, _ in base.values())
    named_year = sum(f.day is None and f.newest_year is not None for f, _ in base.values())
    print(
        f"{len(base)} base articles: {dated} dated, {named_year} undated naming a year "
        f"(the year evidence compares these two kinds)\n"
    )
    print("| articles | stories | clustering CPU s | wall s | peak MB | CPU x per 10x n |")
    print("|---:|---:|---:|---:|---:|---:|")
    previous: tuple[int, float] | None = None
    for n in args.sizes:
        corpus, cache = replicate(articles, base, n)
        if not args.no_memory:
            tracemalloc.start()
        started, cpu = time.perf_counter(), time.process_time()
        stories, _ = cluster_stories(corpus, executor=CachedFeatures(cache))
        seconds, cpu = time.perf_counter() - started, time.process_time() - cpu
        peak = "" if args.no_memory else f"{tracemalloc.get_traced_memory()[1] / 2**20:.0f}"
        tracemalloc.stop()
        growth = ""
        if previous is not None:
            ratio = cpu / previous[1]
            growth = f"{ratio ** (1 / np.log10(n / previous[0])):.1f}"
        print(
            f"| {n} | {len(stories)} | {cpu:.1f} | {seconds:.1f} | {peak} | {growth} |", flush=True
        )
        previous = (n, cpu)


def read_articles(records: list[dict[str, Any]]) -> list[Article]:
    """The articles the product's stages make of `records` up to `dates` (shipped Config)."""
    from harness import run_until

    return list(run_until(records, "dates").articles)


def load_features(
    path: Path | None, articles: list[Article]
) -> dict[str, tuple[ArticleFeatures, Vector]]:
    """Features of `articles` (real models), from `path` when it holds them, else extracted."""
    if path is not None and path.exists():
        index = StoryIndex.from_bytes(path.read_bytes())
        found = {f.id: (f, v) for f, v in index.articles}
        if all(a.id in found for a in articles):
            print(f"Features of {len(articles)} articles read from {path}\n")
            return found
    started = time.perf_counter()
    extracted = extract_features(articles)
    featurise = time.perf_counter() - started
    print(
        f"Features (MiniLM lede + spaCy NER + words), {len(articles)} ECB+ articles: "
        f"{featurise:.1f} s ({len(articles) / featurise:.1f} articles/s, linear in n)\n"
    )
    if path is not None:
        embedder = get_embedder()
        index = StoryIndex(embed_mode=embedder.mode, dim=embedder.dim, articles=tuple(extracted))
        path.write_bytes(index.to_bytes())
    return {f.id: (f, v) for f, v in extracted}


if __name__ == "__main__":
    main()
