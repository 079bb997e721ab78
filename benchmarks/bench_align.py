"""Claim alignment time and memory at 10, 100 and 1,000 articles per story.

Usage: python benchmarks/bench_align.py [--sizes 10 100 1000] [--ecbplus DIR]

One story of N articles is built from the seed corpus (examples/, prose paragraphs only) and
ECB+ articles (when DIR, default ../shared/eval/ecbplus, exists), replicated and perturbed so
that no two articles are identical: each replica drops, swaps and renumbers a few words per
sentence (a rewrite of a wire story looks like that). Embedding is timed apart from alignment
(the executor's map vs reduce phases), in CPU seconds as well as wall time because the machine
is shared; each size runs in a fresh process so its max RSS is its own ("before" = with the
model loaded, before alignment). The same-statement check's spaCy parses (`align.statement`,
one per claim member checked, read lazily) are counted and timed inside the align phase.
Prints a Markdown table.
"""

from __future__ import annotations

import argparse
import json
import random
import re
import resource
import subprocess
import sys
import time
from collections.abc import Callable, Hashable, Sequence
from pathlib import Path
from typing import Any, TypeVar

import newsweave.align.claims as claims_module
from newsweave.align.claims import align_claims
from newsweave.align.statement import default_parser
from newsweave.embed import get_embedder
from newsweave.executors import LocalExecutor
from newsweave.ids import content_id
from newsweave.model import Article, Story

REPO = Path(__file__).resolve().parents[1]
T = TypeVar("T")
U = TypeVar("U")
K = TypeVar("K", bound=Hashable)
V = TypeVar("V")


class TimingExecutor(LocalExecutor):
    """The local executor, recording how long the map (embedding) and reduce phases take."""

    def __init__(self) -> None:
        # One worker: every phase runs in this process, so its CPU clock sees all of the work.
        super().__init__(workers=1)
        self.map_seconds = 0.0
        self.reduce_seconds = 0.0
        self.map_cpu = 0.0

    def map_partitions(
        self, fn: Callable[[list[T]], list[U]], items: Sequence[T], *, size: int = 256
    ) -> list[U]:
        start, cpu = time.perf_counter(), time.process_time()
        out = super().map_partitions(fn, items, size=size)
        self.map_seconds += time.perf_counter() - start
        self.map_cpu += time.process_time() - cpu
        return out

    def reduce_groups(self, fn: Callable[[K, list[V]], U], groups: dict[K, list[V]]) -> dict[K, U]:
        start = time.perf_counter()
        out = super().reduce_groups(fn, groups)
        self.reduce_seconds += time.perf_counter() - start
        return out


def prose(raw: str) -> str:
    lines = (" ".join(line.split()) for line in raw.splitlines())
    return "\n\n".join(
        line for line in lines if len(line.split()) >= 12 and re.search(r"[.!?\"”’]$", line)
    )


def base_texts(ecbplus: Path | None) -> list[str]:
    texts = [prose(p.read_text(encoding="utf-8")) for p in sorted((REPO / "examples").glob("*"))]
    if ecbplus is not None and (ecbplus / "articles.jsonl").exists():
        with (ecbplus / "articles.jsonl").open(encoding="utf-8") as handle:
            for line, _ in zip(handle, range(200), strict=False):
                texts.append(json.loads(line)["text"])
    return [t for t in texts if t.strip()]


def perturb(text: str, rng: random.Random) -> str:
    """A light rewrite: per paragraph, drop one word, swap two, and shift one number."""
    out = []
    for original in text.split("\n\n"):
        words = original.split(" ")
        if len(words) > 6:
            del words[rng.randrange(1, len(words) - 1)]
            k = rng.randrange(1, len(words) - 2)
            words[k], words[k + 1] = words[k + 1], words[k]
        rewritten = " ".join(words)
        out.append(re.sub(r"\d+", lambda m: str(int(m.group()) + rng.choice([0, 0, 1])), rewritten))
    return "\n\n".join(out)


def build_story(size: int, texts: list[str], seed: int = 0) -> tuple[Story, dict[str, Article]]:
    rng = random.Random(seed)
    articles: dict[str, Article] = {}
    for n in range(size):
        base = texts[n % len(texts)]
        text = base if n < len(texts) else perturb(base, rng)
        article_id = content_id("a", str(n), text)
        articles[article_id] = Article(
            id=article_id,
            source=f"bench-{n}",
            url=None,
            outlet=f"outlet-{n}",
            domain=None,
            title="",
            published="2020-12-15",
            published_basis="text",
            language="en",
            text=text,
        )
    story = Story(id=f"s-bench-{size}", title="benchmark", article_ids=tuple(sorted(articles)))
    return story, articles


class ParseClock:
    """Counts and times the same-statement facts read (`align.statement`: a spaCy parse each)."""

    def __init__(self) -> None:
        self.calls = 0
        self.cpu = 0.0
        self.inner = claims_module.statement_facts

    def __call__(self, *args: Any, **kwargs: Any) -> Any:
        cpu = time.process_time()
        try:
            return self.inner(*args, **kwargs)
        finally:
            self.calls += 1
            self.cpu += time.process_time() - cpu


def run(size: int, texts: list[str]) -> dict[str, float]:
    """One size, in this (fresh) process so that max RSS belongs to it alone."""
    get_embedder().embed(["warm up the model"])
    default_parser()  # loaded before the clock starts, as the embedder is
    clock = ParseClock()
    claims_module.statement_facts = clock
    rss_before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    story, articles = build_story(size, texts)
    executor = TimingExecutor()
    start, cpu = time.perf_counter(), time.process_time()
    claims, conflicts = align_claims([story], articles, voices={}, executor=executor)
    seconds = time.perf_counter() - start
    cpu_seconds = time.process_time() - cpu
    return {
        "articles": size,
        "claims_in": sum(1 for _ in claims for _ in _.support),
        "claims_out": len(claims),
        "conflicts": len(conflicts),
        "seconds": seconds,
        "embed_seconds": executor.map_seconds,
        "cpu_seconds": cpu_seconds,
        "embed_cpu_seconds": executor.map_cpu,
        "align_seconds": executor.reduce_seconds,
        "parses": clock.calls,
        "parse_cpu_seconds": clock.cpu,
        "rss_before_mb": rss_before,
        "rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[10, 100, 1000])
    parser.add_argument("--ecbplus", type=Path, default=REPO.parent / "shared/eval/ecbplus")
    parser.add_argument("--one", type=int, help=argparse.SUPPRESS)
    args = parser.parse_args()
    texts = base_texts(args.ecbplus if args.ecbplus.exists() else None)
    if args.one:
        print(json.dumps(run(args.one, texts)))
        return
    parser_name = "spaCy parser" if default_parser() is not None else "no parser (fallback)"
    print(f"embedder: {get_embedder().mode}; statements: {parser_name}; base texts: {len(texts)}\n")
    print(
        "| articles | claim sentences | claims | conflicts | wall s | CPU s | embed CPU s "
        "| align CPU s | of which parse CPU s (parses) | sentences per CPU s "
        "| max RSS MB (before) |"
    )
    print("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
    for size in args.sizes:
        command = [sys.executable, __file__, "--one", str(size), "--ecbplus", str(args.ecbplus)]
        done = subprocess.run(command, capture_output=True, text=True, check=True)
        r = json.loads(done.stdout)
        print(
            f"| {r['articles']} | {r['claims_in']} | {r['claims_out']} | {r['conflicts']} "
            f"| {r['seconds']:.1f} | {r['cpu_seconds']:.1f} | {r['embed_cpu_seconds']:.1f} "
            f"| {r['cpu_seconds'] - r['embed_cpu_seconds']:.1f} "
            f"| {r['parse_cpu_seconds']:.1f} ({r['parses']}) "
            f"| {r['claims_in'] / r['cpu_seconds']:.0f} "
            f"| {r['rss_mb']:.0f} ({r['rss_before_mb']:.0f}) |"
        )


if __name__ == "__main__":
    main()
