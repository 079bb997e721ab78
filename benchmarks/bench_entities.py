"""Entity extraction: throughput (words/s) and peak memory, spaCy mode vs rules, on ECB+ text.

Usage: python benchmarks/bench_entities.py [ARTICLES_JSONL] [N]
       python benchmarks/bench_entities.py --linking CACHE.pkl [K ...]

Each mode runs in a fresh process so that its peak resident memory (ru_maxrss) is its own:
model load, NER over N articles, linking. Throughput is timed after a warm-up call (the model
is loaded once per worker, as in the pipeline), over the whole `extract_entities` call.
Wall-clock throughput depends on what else runs on the machine; CPU throughput (process time)
is the steadier figure. Prints a Markdown table.

`--linking` times the corpus-wide, serial steps alone, in CPU seconds: `link_mentions` and
`group_quotes` (issue 15). Its corpus is session 13's: spaCy NER-only mentions of the 772 ECB+
and 436 GVC articles (stories: ECB+ sub-topics, GVC publication days), found once and kept in
CACHE.pkl, replicated K times with article and story ids suffixed; quotes are each article's
`extract_quotes` with the linked entities. Each K runs in a fresh process.
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
import pickle
import resource
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

DEFAULT = (
    Path(__file__).resolve().parents[1] / ".." / "shared" / "eval" / "ecbplus" / "articles.jsonl"
)


def _run(path: Path, n: int, use_model: bool) -> dict[str, object]:
    from newsweave.extract.entities import EntityConfig, extract_entities
    from newsweave.model import Article

    lines = path.read_text(encoding="utf-8").splitlines()[:n]
    rows = [json.loads(line) for line in lines]
    articles = [
        Article(
            id=r["id"],
            source=r["id"],
            url=None,
            outlet=None,
            domain=None,
            title="",
            published=None,
            published_basis="unknown",
            language="en",
            text=r["text"],
        )
        for r in rows
    ]
    words = sum(len(a.text.split()) for a in articles)
    config = EntityConfig(use_model=use_model)
    extract_entities(articles[:2], config=config)  # warm-up: loads the model once
    start, cpu_start = time.perf_counter(), time.process_time()
    result = extract_entities(articles, config=config)
    elapsed, cpu = time.perf_counter() - start, time.process_time() - cpu_start
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return {
        "mode": result.mode,
        "articles": len(articles),
        "words": words,
        "words_per_s": round(words / elapsed),
        "words_per_cpu_s": round(words / cpu),
        "entities": len(result.entities),
        "peak_rss_mb": round(peak_mb),
    }


def _linking_corpus(cache: Path) -> dict[str, Any]:
    if cache.exists():
        return pickle.loads(cache.read_bytes())
    from newsweave.extract.entities import EntityConfig, _mentions_partition

    items: list[tuple[str, str]] = []
    story_of: dict[str, str | None] = {}
    for name in ("ecbplus", "gvc"):
        for line in (DEFAULT.parents[1] / name / "articles.jsonl").read_text().splitlines():
            row = json.loads(line)
            items.append((row["id"], row["text"]))
            if name == "ecbplus":
                topic, rest = row["id"].split("_", 1)
                story_of[row["id"]] = topic + ("p" if rest.endswith("plus") else "")
            else:
                story_of[row["id"]] = row.get("published") or None
    items.sort()
    config = EntityConfig()
    found = _mentions_partition(
        items, use_model=True, batch_size=config.batch_size, types=config.types
    )
    corpus = {
        "mentions": [m for _, f in found for m in f],
        "texts": dict(items),
        "story_of": story_of,
    }
    cache.write_bytes(pickle.dumps(corpus))
    return corpus


def _linking(cache: Path, k: int) -> dict[str, object]:
    from newsweave.align.quotes import group_quotes
    from newsweave.embed import get_embedder
    from newsweave.extract.entities import link_mentions
    from newsweave.extract.missed_names import missed_names
    from newsweave.extract.quotes import extract_quotes
    from newsweave.extract.speakers import MentionIndex

    base = _linking_corpus(cache)
    mentions = sorted(
        (
            dataclasses.replace(m, article_id=f"{m.article_id}~{r}")
            for r in range(k)
            for m in base["mentions"]
        ),
        key=lambda m: (m.article_id, m.span),
    )
    texts = {f"{a}~{r}": t for r in range(k) for a, t in sorted(base["texts"].items())}
    story_of = {
        f"{a}~{r}": None if s is None else f"{s}~{r}"
        for r in range(k)
        for a, s in base["story_of"].items()
    }
    missed = missed_names(mentions, texts)
    cpu = time.process_time()
    entities = link_mentions(mentions, texts, story_of=story_of, missed=missed)
    link_cpu = time.process_time() - cpu
    indexes = MentionIndex.per_article(entities, sorted(texts))
    quotes = [
        q for a in sorted(texts) for q in extract_quotes(_article(a, texts[a]), index=indexes[a])
    ]
    get_embedder().embed(["warm-up"])
    cpu = time.process_time()
    grouped = group_quotes(quotes, story_of=story_of)
    group_cpu = time.process_time() - cpu
    return {
        "articles": len(texts),
        "mentions": len(mentions),
        "entities": len(entities),
        "entities_sha1": hashlib.sha1(repr(entities).encode()).hexdigest()[:12],
        "link_cpu": round(link_cpu, 2),
        "quote_mentions": len(quotes),
        "quotes": len(grouped),
        "quotes_sha1": hashlib.sha1(repr(grouped).encode()).hexdigest()[:12],
        "group_cpu": round(group_cpu, 2),
    }


def _article(article_id: str, text: str) -> Any:
    from newsweave.model import Article

    return Article(
        id=article_id,
        source=article_id,
        url=None,
        outlet=None,
        domain=None,
        title="",
        published=None,
        published_basis="unknown",
        language="en",
        text=text,
    )


def _child_stats(*args: str) -> dict[str, Any]:
    """The JSON stats line a fresh run of this script prints last (peak memory is its own)."""
    out = subprocess.run(
        [sys.executable, __file__, *args], check=True, capture_output=True, text=True
    ).stdout
    stats: dict[str, Any] = json.loads(out.strip().splitlines()[-1])
    return stats


def main(argv: list[str]) -> None:
    if len(argv) > 2 and argv[1] == "--linking-one":
        stats = _linking(Path(argv[2]), int(argv[3]))
        sys.stdout.write(json.dumps(stats) + "\n")
        return
    if len(argv) > 2 and argv[1] == "--linking":
        _linking_corpus(Path(argv[2]))  # found once, before the timed children
        rows = [
            "| articles | mentions | link_mentions CPU s | entities (sha1) "
            "| quote mentions | group_quotes CPU s | quotes (sha1) |",
            "|---:|---:|---:|---|---:|---:|---|",
        ]
        for k in argv[3:] or ["1", "2", "8"]:
            s = _child_stats("--linking-one", argv[2], k)
            rows.append(
                f"| {s['articles']:,} | {s['mentions']:,} | {s['link_cpu']} "
                f"| {s['entities']:,} ({s['entities_sha1']}) | {s['quote_mentions']:,} "
                f"| {s['group_cpu']} | {s['quotes']:,} ({s['quotes_sha1']}) |"
            )
            sys.stdout.write(rows[-1] + "\n")
        sys.stdout.write("\n".join(rows) + "\n")
        return
    if len(argv) > 1 and argv[1] == "--one":
        stats = _run(Path(argv[2]), int(argv[3]), argv[4] == "model")
        sys.stdout.write(json.dumps(stats) + "\n")
        return
    path = Path(argv[1]) if len(argv) > 1 else DEFAULT
    n = argv[2] if len(argv) > 2 else "300"
    lines = [
        "| mode | articles | words | words/s (wall) | words/s (CPU) | entities | peak RSS MB |",
        "|---|---|---|---|---|---|---|",
    ]
    for mode in ("model", "rules"):
        s = _child_stats("--one", str(path), n, mode)
        lines.append(
            f"| {s['mode']} | {s['articles']} | {s['words']} | {s['words_per_s']:,} "
            f"| {s['words_per_cpu_s']:,} "
            f"| {s['entities']} | {s['peak_rss_mb']} |"
        )
    sys.stdout.write("\n".join(lines) + "\n")


if __name__ == "__main__":
    main(sys.argv)
