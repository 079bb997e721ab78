"""Entity extraction: throughput (words/s) and peak memory, spaCy mode vs rules, on ECB+ text.

Usage: python benchmarks/bench_entities.py [ARTICLES_JSONL] [N]

Each mode runs in a fresh process so that its peak resident memory (ru_maxrss) is its own:
model load, NER over N articles, linking. Throughput is timed after a warm-up call (the model
is loaded once per worker, as in the pipeline), over the whole `extract_entities` call.
Wall-clock throughput depends on what else runs on the machine; CPU throughput (process time)
is the steadier figure. Prints a Markdown table.
"""

from __future__ import annotations

import json
import resource
import subprocess
import sys
import time
from pathlib import Path

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


def main(argv: list[str]) -> None:
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
        out = subprocess.run(
            [sys.executable, __file__, "--one", str(path), n, mode],
            check=True,
            capture_output=True,
            text=True,
        ).stdout
        s = json.loads(out.strip().splitlines()[-1])
        lines.append(
            f"| {s['mode']} | {s['articles']} | {s['words']} | {s['words_per_s']:,} "
            f"| {s['words_per_cpu_s']:,} "
            f"| {s['entities']} | {s['peak_rss_mb']} |"
        )
    sys.stdout.write("\n".join(lines) + "\n")


if __name__ == "__main__":
    main(sys.argv)
