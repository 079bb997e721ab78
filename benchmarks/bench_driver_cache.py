"""Benchmark: the memory the driving process's embedding cache holds, kept or spilled.

    python benchmarks/bench_driver_cache.py [--vectors 150000] [--corpus FILE.jsonl]

The driver of a local pool receives every sentence vector its workers compute (`Embedder.remember`).
It kept up to `CACHE_ENTRIES` (100,000) of them; since issue 15's session 12 it keeps
`DRIVER_CACHE_ENTRIES` and spills the rest into the run's vector exchange (`Embedder.spill_to`),
reading them back on a miss. This feeds `--vectors` vectors (unit float32 of the model's size) keyed
by distinct real sentences, in rounds of 5,000 as partitions come back, to one fresh process
each way, and prints its RSS growth, the CPU of the feeding and of reading 10,000 of the oldest
sentences back (from the cache, or from the exchange). The model's vectors are not computed:
memory depends on sizes only. Numbers go into docs/benchmarks.md.
"""

from __future__ import annotations

import argparse
import json
import re
import subprocess
import sys
from pathlib import Path

_SENTENCE = re.compile(r"(?<=[.!?])\s+")
ROUND = 5_000


def sentences(path: Path, count: int) -> list[str]:
    """`count` distinct sentences of the corpus's texts, numbered past its end."""
    seen: dict[str, None] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        for sentence in _SENTENCE.split(json.loads(line)["text"]):
            if len(sentence) > 20:
                seen.setdefault(sentence.strip())
        if len(seen) >= count:
            break
    texts = list(seen)[:count]
    n = 0
    while len(texts) < count:  # a small corpus: the same sentences, numbered
        texts.append(f"{texts[n % len(seen)]} ({n})")
        n += 1
    return texts


def child(mode: str, path: str, count: int) -> None:
    import resource
    import time

    import numpy as np

    from newsweave.embed import CACHE_ENTRIES, MODEL_DIM, get_embedder
    from newsweave.executors.memory import give_back_free_memory
    from newsweave.executors.vectors import DRIVER_CACHE_ENTRIES, VectorExchange

    texts = sentences(Path(path), count)
    embedder = get_embedder()
    if embedder.mode != "minilm-onnx":
        print(json.dumps({"mode": mode, "skipped": "no model"}))
        return
    exchange = VectorExchange()
    if mode == "spill":
        embedder.spill_to(exchange, keep=DRIVER_CACHE_ENTRIES)
    rng = np.random.default_rng(7)
    give_back_free_memory()
    before = _rss()
    cpu = time.process_time()
    for start in range(0, count, ROUND):
        chunk = texts[start : start + ROUND]
        vectors = rng.standard_normal((len(chunk), MODEL_DIM), dtype=np.float32)
        vectors /= np.linalg.norm(vectors, axis=1, keepdims=True)
        embedder.remember(dict(zip(chunk, vectors, strict=True)))
        if mode == "keep":  # what `publish` wrote before each round
            exchange.publish(embedder)
    feed = time.process_time() - cpu
    give_back_free_memory()
    after = _rss()
    oldest = texts[:10_000]
    cpu = time.process_time()
    found = (
        sum(1 for t in oldest if t in embedder._cache) if mode == "keep" else len(exchange(oldest))
    )
    back = time.process_time() - cpu
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(
        json.dumps(
            {
                "mode": mode,
                "limit": DRIVER_CACHE_ENTRIES if mode == "spill" else CACHE_ENTRIES,
                "held": len(embedder._cache),
                "rss_growth_mib": round((after - before) / 2**20, 1),
                "peak_mib": round(peak, 1),
                "feed_cpu_s": round(feed, 2),
                "oldest_10k_found": found,
                "read_back_cpu_s": round(back, 3),
            }
        )
    )
    exchange.close()


def _rss() -> int:
    with open("/proc/self/statm", encoding="ascii") as statm:
        import os

        return int(statm.read().split()[1]) * os.sysconf("SC_PAGE_SIZE")


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--vectors", type=int, default=150_000)
    parser.add_argument("--corpus", default="")
    parser.add_argument("--child", default="")
    args = parser.parse_args()
    if not args.corpus:
        sys.exit("--corpus: a JSONL of articles (e.g. the bench_pipeline.py recipe's, --keep)")
    if args.child:
        child(args.child, args.corpus, args.vectors)
        return
    for mode in ("keep", "spill"):
        command = [sys.executable, __file__, "--child", mode, "--corpus", args.corpus]
        subprocess.run([*command, "--vectors", str(args.vectors)], check=True)


if __name__ == "__main__":
    main()
