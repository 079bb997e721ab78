"""Benchmark: copy detection. Signatures/s (ours vs datasketch), then LSH + decisions by size.

    python benchmarks/bench_dedupe.py [--sizes 1000,10000] [--shared ../shared]
    python benchmarks/bench_dedupe.py --rewrites [--fallback] [--shared ../shared]

Documents are built from real text (the bundled seed articles and the ECB+ articles under
../shared/eval/ecbplus): ~500-word articles stitched from sentences of random real articles
(distinct documents that still share sentences, as same-event reports do), of which 20 % are
then re-published as near copies (page furniture, truncation, edits) and 5 % as exact copies.
Each size runs in a fresh process so that peak RSS is that run's own. Prints a Markdown table:
- signatures: fingerprints (5-gram and content-word MinHash) per CPU second on one core;
- decide: exact/near copy decisions given the fingerprints (LSH buckets, candidate screening,
  exact checks, groups, originals), with rewrite candidates blocked and counted but not
  embedded (embedding costs ~170 sentences/s whatever the blocking: see docs/benchmarks.md).

`--rewrites` times the whole of `find_copies`, rewrites embedded, on real corpora read and
cleaned as `analyze` reads them: the 772 ECB+ articles (the pipeline benchmark's first 772),
the copies evaluation's built corpus (eval/copies.py: ECB+ and the seeds with built copies) and
GVC with a fresh spin and a spin of that spin of every third article (seeds no evaluation
used). Each corpus runs twice, each in a fresh process (an empty embedding cache): every
rewrite candidate embedded (`rewrite_word_aligned=0`, the behaviour before the word test) and
the shipped config; the table says whether links and voices are the same. `--fallback` runs
the hashed bag-of-words embedder instead of MiniLM.
"""

from __future__ import annotations

import argparse
import json
import random
import resource
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
WORDS_PER_DOC = 500


def _sentences(shared: Path) -> list[str]:
    from newsweave.dedupe.rewrites import split_sentences

    texts = [p.read_text(encoding="utf-8") for p in sorted((REPO / "examples").glob("*.txt"))]
    ecb = shared / "eval" / "ecbplus" / "articles.jsonl"
    if ecb.exists():
        with ecb.open(encoding="utf-8") as handle:
            texts += [json.loads(line)["text"] for line in handle]
    return [s for text in texts for s in split_sentences(text)]


def make_documents(shared: Path, size: int) -> list[str]:
    """`size` documents: stitched real sentences, 20 % near copies, 5 % exact copies."""
    from newsweave.dedupe.synth import NEAR_VARIANTS, exact_copy, near_copy

    sentences = _sentences(shared)
    docs: list[str] = []
    for index in range(size):
        rng = random.Random(index)
        roll = rng.random()
        if docs and roll < 0.20:
            variant = NEAR_VARIANTS[index % len(NEAR_VARIANTS)]
            docs.append(near_copy(rng.choice(docs), rng, variant))
            continue
        if docs and roll < 0.25:
            docs.append(exact_copy(rng.choice(docs), rng))
            continue
        picked: list[str] = []
        count = 0
        while count < WORDS_PER_DOC:
            sentence = rng.choice(sentences)
            picked.append(sentence)
            count += len(sentence.split())
        docs.append("\n\n".join(picked))
    return docs


def _rate(count: int, run: Callable[[], object], repeats: int = 3) -> float:
    """Items per CPU second, best of `repeats` runs: the machine is shared, so CPU time of this
    process (not wall time) and the best run are the fairest measure."""
    best = float("inf")
    for _ in range(repeats):
        start = time.process_time()
        run()
        best = min(best, time.process_time() - start)
    return count / best


def bench_signatures(shared: Path, count: int = 1000) -> dict[str, float]:
    """Signatures per second: ours vs datasketch `update_batch` on the same 5-gram shingles."""
    from newsweave.dedupe.fingerprints import fingerprint
    from newsweave.dedupe.minhash import minhash, signature
    from newsweave.dedupe.shingles import text_shingles, words

    docs = make_documents(shared, count)
    hashed = [text_shingles(doc) for doc in docs]
    out = {
        "ours_minhash": _rate(count, lambda: [minhash(s) for s in hashed]),
        "ours_from_text": _rate(count, lambda: [signature(d) for d in docs]),
        "ours_fingerprint": _rate(
            count,
            lambda: [
                fingerprint(str(n), d, num_perm=128, topic_perm=64) for n, d in enumerate(docs)
            ],
        ),
    }
    try:
        from datasketch import MinHash
    except ImportError:
        return out
    grams = []
    for doc in docs:
        tokens = words(doc)
        grams.append([" ".join(tokens[i : i + 5]).encode() for i in range(len(tokens) - 4)])
    out["datasketch_minhash"] = _rate(
        count, lambda: [MinHash(num_perm=128).update_batch(g) for g in grams]
    )
    return out


def _measure(shared: Path, size: int) -> None:
    """Child process: fingerprints, then decisions; prints one JSON line."""
    from newsweave.dedupe import DedupeConfig, find_copies
    from newsweave.dedupe import decide as decide_module
    from newsweave.dedupe.fingerprints import fingerprint
    from newsweave.model import Article

    docs = make_documents(shared, size)
    articles = [
        Article(
            id=f"doc{index:06d}",
            source=f"doc{index:06d}",
            url=None,
            outlet=None,
            domain=None,
            title="",
            published=None,
            published_basis="unknown",
            language="en",
            text=text,
        )
        for index, text in enumerate(docs)
    ]
    config = DedupeConfig()
    start = time.process_time()
    prints = {
        a.id: fingerprint(a.id, a.text, num_perm=config.num_perm, topic_perm=config.topic_perm)
        for a in articles
    }
    fingerprint_seconds = time.process_time() - start

    counted: list[int] = []

    def count_only(texts, prints_, candidates, executor, config_):  # type: ignore[no-untyped-def]
        counted.append(len(candidates))
        return {}, "none"

    decide_module._rewrite_edges = count_only  # type: ignore[assignment]
    start = time.process_time()
    result = find_copies(articles, config=config, fingerprints=prints)
    decide_seconds = time.process_time() - start
    peak_mib = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(
        json.dumps(
            {
                "size": size,
                "fingerprint_s": fingerprint_seconds,
                "decide_s": decide_seconds,
                "copies": len(result.links),
                "rewrite_candidates": counted[0] if counted else 0,
                "peak_mib": peak_mib,
            }
        )
    )


REWRITE_CORPORA = ("ECB+ 772", "copies evaluation", "GVC + fresh spins")


def rewrite_records(shared: Path, name: str) -> list[dict[str, str | None]]:
    """The JSONL records of one corpus of `REWRITE_CORPORA`."""
    from newsweave.dedupe.synth import spin

    def read(corpus: str) -> list[dict[str, str | None]]:
        path = shared / "eval" / corpus / "articles.jsonl"
        with path.open(encoding="utf-8") as handle:
            rows = [json.loads(line) for line in handle]
        return [
            {"text": r["text"], "url": r.get("url"), "published": r.get("published")} for r in rows
        ]

    if name == "ECB+ 772":
        return read("ecbplus")[:772]
    if name == "copies evaluation":
        sys.path.insert(0, str(REPO / "eval"))
        import copies  # eval/copies.py

        base, _ = copies.load_base(shared / "eval" / "ecbplus", REPO / "examples", "all")
        derived, _ = copies.derive(base, 4)
        return [item.record() for item in base + derived]
    records = read("gvc")
    for number, record in enumerate(list(records)):
        if number % 3:
            continue
        rng = random.Random(f"fresh-{number}")
        once = spin(str(record["text"]), rng)
        for text in (once, spin(once, rng, swap=0.3)):
            records.append({"text": text, "url": None, "published": None})
    return records


def _measure_rewrites(shared: Path, name: str, *, every_candidate: bool, fallback: bool) -> None:
    """Child process: `find_copies` on one cleaned corpus; prints one JSON line."""
    import hashlib
    import tempfile

    from newsweave.api import as_inputs, default_stages
    from newsweave.config import Config
    from newsweave.dedupe import DedupeConfig, find_copies, rewrites
    from newsweave.dedupe import decide as decide_module
    from newsweave.executors import LocalExecutor
    from newsweave.pipeline import Corpus, Pipeline

    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "records.jsonl"
        with path.open("w", encoding="utf-8") as stream:
            for record in rewrite_records(shared, name):
                stream.write(json.dumps(record, ensure_ascii=False) + "\n")
        clean = [s for s in default_stages(Config()) if s.name in {"ingest", "clean"}]
        articles = Pipeline(clean).run(Corpus(inputs=as_inputs(str(path)))).articles
    if fallback:
        from newsweave.embed import Embedder

        hashed = Embedder(prefer_model=False)
        rewrites.get_embedder = lambda: hashed  # type: ignore[assignment]
    embedded = {"candidates": 0, "articles_embedded": 0, "sentences": 0}
    original = decide_module._rewrite_edges

    def counting(texts, prints, candidates, executor, config):  # type: ignore[no-untyped-def]
        needed = {i for pair in candidates for i in pair}
        embedded["candidates"] = len(candidates)
        embedded["articles_embedded"] = len(needed)
        embedded["sentences"] = sum(len(rewrites.split_sentences(texts[i])) for i in needed)
        return original(texts, prints, candidates, executor, config)

    decide_module._rewrite_edges = counting  # type: ignore[assignment]
    config = DedupeConfig(rewrite_word_aligned=0.0) if every_candidate else DedupeConfig()
    start = time.process_time()
    result = find_copies(articles, executor=LocalExecutor(workers=1), config=config)
    seconds = time.process_time() - start
    links = {k: (v.article_id, v.kind, v.similarity) for k, v in result.links.items()}
    digest = hashlib.sha256(repr((links, result.voices, result.embedding)).encode()).hexdigest()
    rewritten = sum(link.kind == "rewritten" for link in result.links.values())
    print(
        json.dumps(
            {
                "articles": len(articles),
                "cpu_s": seconds,
                "rewrites": rewritten,
                "links": len(links),
                "digest": digest,
                **embedded,
            }
        )
    )


def bench_rewrites(shared: Path, *, fallback: bool) -> None:
    """Every candidate embedded vs the shipped word test, per corpus; prints a Markdown table."""
    print(
        "| corpus | articles | rewrite candidates before / after | articles embedded "
        "| sentences embedded | find_copies CPU s | rewrites found | same links and voices |"
    )
    print("|---|---:|---:|---:|---:|---:|---:|---|")
    for name in REWRITE_CORPORA:
        rows = []
        for every in (True, False):
            command = [sys.executable, __file__, "--measure-rewrites", name]
            command += ["--shared", str(shared)]
            command += ["--every-candidate"] if every else []
            command += ["--fallback"] if fallback else []
            child = subprocess.run(command, capture_output=True, text=True, check=True)
            rows.append(json.loads(child.stdout.strip().splitlines()[-1]))
        before, after = rows
        print(
            f"| {name} | {before['articles']} | {before['candidates']} / {after['candidates']} "
            f"| {before['articles_embedded']} → {after['articles_embedded']} "
            f"| {before['sentences']} → {after['sentences']} "
            f"| {before['cpu_s']:.1f} → {after['cpu_s']:.1f} "
            f"| {before['rewrites']} / {after['rewrites']} "
            f"| {'yes' if before['digest'] == after['digest'] else 'NO'} |"
        )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="1000,10000")
    parser.add_argument("--shared", type=Path, default=REPO.parent / "shared")
    parser.add_argument("--measure", type=int, help=argparse.SUPPRESS)
    parser.add_argument("--rewrites", action="store_true", help="rewrite detection on real corpora")
    parser.add_argument("--fallback", action="store_true", help="with the hashed embedder")
    parser.add_argument("--measure-rewrites", choices=REWRITE_CORPORA, help=argparse.SUPPRESS)
    parser.add_argument("--every-candidate", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.measure:
        _measure(args.shared, args.measure)
        return
    if args.measure_rewrites:
        _measure_rewrites(
            args.shared,
            args.measure_rewrites,
            every_candidate=args.every_candidate,
            fallback=args.fallback,
        )
        return
    if args.rewrites:
        bench_rewrites(args.shared, fallback=args.fallback)
        return
    speed = bench_signatures(args.shared)
    print("| signatures of ~500-word articles, one core (best of 3) | docs/s |")
    print("|---|---:|")
    print(f"| ours: MinHash of the 5-gram shingle hashes | {speed['ours_minhash']:.0f} |")
    if "datasketch_minhash" in speed:
        print(
            "| datasketch 2.0 `MinHash.update_batch`, the same shingles "
            f"| {speed['datasketch_minhash']:.0f} |"
        )
    print(f"| ours: from text (tokenise, hash, shingle, MinHash) | {speed['ours_from_text']:.0f} |")
    print(
        "| ours: full fingerprint from text (+ 64-perm content-word MinHash) "
        f"| {speed['ours_fingerprint']:.0f} |"
    )
    print()
    print(
        "| articles | fingerprints CPU s | docs/s | LSH + decisions CPU s | copies found "
        "| rewrite candidates (of all pairs) | peak RSS MiB |"
    )
    print("|---:|---:|---:|---:|---:|---:|---:|")
    for size in (int(s) for s in args.sizes.split(",")):
        child = subprocess.run(
            [sys.executable, __file__, "--measure", str(size), "--shared", str(args.shared)],
            capture_output=True,
            text=True,
            check=True,
        )
        row = json.loads(child.stdout.strip().splitlines()[-1])
        all_pairs = size * (size - 1) // 2
        print(
            f"| {size} | {row['fingerprint_s']:.1f} | {size / row['fingerprint_s']:.0f} "
            f"| {row['decide_s']:.1f} | {row['copies']} "
            f"| {row['rewrite_candidates']} ({row['rewrite_candidates'] / all_pairs:.1e}) "
            f"| {row['peak_mib']:.0f} |"
        )


if __name__ == "__main__":
    main()
