"""Benchmark: the whole job on a few hundred real articles, and how fast its HTML report opens.

    python benchmarks/bench_report.py [--articles ../shared/eval/ecbplus/articles.jsonl] [--n 200]

Analyzes the first N ECB+ articles plus the bundled seed corpus (end to end: ingest, clean,
describe, copies, stories, entities, quotes, dates, claims, timeline, brief), writes the HTML
report, then opens it in Debian's headless Chromium and measures the time to the `load` event
and to the first paint. Prints a Markdown table.
"""

from __future__ import annotations

import argparse
import json
import resource
import tempfile
import time
from pathlib import Path

import newsweave

REPO = Path(__file__).resolve().parents[1]


def _open_times(path: Path) -> tuple[float, float]:
    """Seconds to the load event and to the first contentful paint, in headless Chromium."""
    from newsweave.report.chromium import chromium_page

    with chromium_page() as page:
        start = time.perf_counter()
        page.goto(path.as_uri(), wait_until="load")
        loaded = time.perf_counter() - start
        paint = page.evaluate(
            "performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? -1"
        )
    return loaded, paint / 1000


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--articles", default=str(REPO.parent / "shared" / "eval" / "ecbplus" / "articles.jsonl")
    )
    parser.add_argument("--n", type=int, default=200)
    parser.add_argument("--keep", help="also write the JSON report here, to re-render it later")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        corpus = Path(folder) / "articles.jsonl"
        with open(args.articles, encoding="utf-8") as source, corpus.open("w") as target:
            for index, line in enumerate(source):
                if index >= args.n:
                    break
                target.write(json.dumps({"text": json.loads(line)["text"]}) + "\n")
        start = time.perf_counter()
        report = newsweave.analyze([str(corpus), str(REPO / "examples")])
        analyze_seconds = time.perf_counter() - start
        if args.keep:
            Path(args.keep).write_text(newsweave.render(report, "json"), encoding="utf-8")
        html_path = Path(folder) / "report.html"
        html_path.write_text(newsweave.render(report, "html"), encoding="utf-8")
        size_mb = html_path.stat().st_size / 1e6
        loaded, paint = _open_times(html_path)
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(
        "| articles | stories | claims | analyze s | peak RSS MiB | HTML MB "
        "| open (load) s | first paint s |"
    )
    print("|---|---|---|---|---|---|---|---|")
    print(
        f"| {len(report.articles)} | {len(report.stories)} | {len(report.claims)} "
        f"| {analyze_seconds:.0f} | {peak:.0f} | {size_mb:.1f} | {loaded:.2f} | {paint:.2f} |"
    )


if __name__ == "__main__":
    main()
