"""Benchmark: ingest + clean + describe, documents/s and peak memory, on text and on HTML.

    python benchmarks/bench_ingest.py [--sizes 1000,10000] [--kinds text,html] [--shared ../shared]

Text documents are the bundled seed articles and ECB+ articles (../shared/eval/ecbplus), HTML
documents the pages of ../shared/eval/cleaning/html; both are replicated with a per-copy edit
so that no two documents are identical (ids differ, nothing is deduplicated away). Each size
runs in a fresh process so that peak RSS is that run's own. Prints a Markdown table.
"""

from __future__ import annotations

import argparse
import gzip
import json
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]


def _text_sources(shared: Path) -> list[str]:
    texts = [p.read_text(encoding="utf-8") for p in sorted((REPO / "examples").glob("*.txt"))]
    ecb = shared / "eval" / "ecbplus" / "articles.jsonl"
    if ecb.exists():
        with ecb.open(encoding="utf-8") as handle:
            texts += [json.loads(line)["text"] for line in handle]
    return texts


def _html_sources(shared: Path) -> list[str]:
    folder = shared / "eval" / "cleaning" / "html"
    return [gzip.decompress(p.read_bytes()).decode("utf-8") for p in sorted(folder.glob("*.gz"))]


def _write_corpus(folder: Path, sources: list[str], size: int, suffix: str) -> None:
    for index in range(size):
        body = sources[index % len(sources)]
        marker = f"Copy {index} of this document."
        edited = (
            body.replace("</body>", f"<p>{marker}</p></body>")
            if suffix == ".html"
            else f"{body}\n\n{marker}"
        )
        (folder / f"doc{index:06d}{suffix}").write_text(edited, encoding="utf-8")


def _measure(folder: str) -> None:
    """Child process: run the stages on `folder`, print seconds and peak RSS."""
    from newsweave.api import reading_stages
    from newsweave.config import Config
    from newsweave.pipeline import Corpus, Pipeline

    start = time.perf_counter()
    corpus = Pipeline(reading_stages(Config())).run(Corpus(inputs=(folder,)))
    seconds = time.perf_counter() - start
    peak_mib = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(
        json.dumps(
            {
                "seconds": seconds,
                "articles": len(corpus.articles),
                "problems": len(corpus.problems),
                "peak_mib": peak_mib,
            }
        )
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="1000,10000")
    parser.add_argument("--kinds", default="text,html", help="which inputs: text, html or both")
    parser.add_argument("--shared", default=str(REPO.parent / "shared"))
    parser.add_argument("--measure", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.measure:
        _measure(args.measure)
        return
    shared = Path(args.shared)
    wanted = args.kinds.split(",")
    kinds = {
        kind: (load(shared), suffix)
        for kind, load, suffix in (
            ("text", _text_sources, ".txt"),
            ("html", _html_sources, ".html"),
        )
        if kind in wanted
    }
    print("| input | documents | seconds | documents/s | peak RSS (MiB) |")
    print("|---|---|---|---|---|")
    for kind, (sources, suffix) in kinds.items():
        if not sources:
            print(f"| {kind} | - | skipped: no source documents | | |")
            continue
        for size in (int(s) for s in args.sizes.split(",")):
            with tempfile.TemporaryDirectory() as folder:
                _write_corpus(Path(folder), sources, size, suffix)
                out = subprocess.run(
                    [sys.executable, __file__, "--measure", folder],
                    capture_output=True,
                    text=True,
                    check=True,
                ).stdout
            result = json.loads(out.strip().splitlines()[-1])
            rate = size / result["seconds"]
            print(
                f"| {kind} | {size:,} | {result['seconds']:.1f} | {rate:,.0f} "
                f"| {result['peak_mib']:.0f} |"
            )


if __name__ == "__main__":
    main()
