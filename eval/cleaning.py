"""Score the cleaning stage on the noisy plain-text dev set (snippet metric of trafilatura's
benchmark, exactly as described in the data set's README).

Usage: python eval/cleaning.py DATA_DIR [--routes text,text-stats,html,baseline]

Prints ONE JSON line: for each route precision, recall, f1, accuracy and the four counts.
Routes:
  baseline    the page text as it is (must give F1 0.689: TP 347 FN 5 FP 308 TN 50)
  text        clean_text on each txt/ page alone (the honest per-page number)
  text-stats  clean_text with CorpusLineStats built over the whole set (118 sites: helps little)
  html        extract_html on html/*.html.gz
For the text routes the output is title + blank line + text: the headline is part of the page's
article content, and `with` snippets may quote it.
"""

from __future__ import annotations

import argparse
import gzip
import json
import re
import sys
import time
from collections.abc import Callable
from pathlib import Path

from newsweave.clean import clean_text, corpus_line_stats, extract_html
from newsweave.model import Cleaned

_SPACE = re.compile(r"\s+")


def _collapse(text: str) -> str:
    return _SPACE.sub(" ", text).strip()


def score_page(output: str, with_: list[str], without: list[str]) -> tuple[int, int, int, int]:
    """(TP, FN, FP, TN) of one page; an empty output finds nothing."""
    flat = _collapse(output)
    if not flat:
        return 0, len(with_), 0, len(without)
    tp = sum(_collapse(s) in flat for s in with_)
    fp = sum(_collapse(s) in flat for s in without)
    return tp, len(with_) - tp, fp, len(without) - fp


def metrics(tp: int, fn: int, fp: int, tn: int) -> dict[str, float | int]:
    total = tp + fn + fp + tn
    return {
        "precision": round(tp / (tp + fp), 4) if tp + fp else 0.0,
        "recall": round(tp / (tp + fn), 4) if tp + fn else 0.0,
        "f1": round(2 * tp / (2 * tp + fp + fn), 4) if tp else 0.0,
        "accuracy": round((tp + tn) / total, 4) if total else 0.0,
        "tp": tp,
        "fp": fp,
        "fn": fn,
        "tn": tn,
    }


def _text_output(cleaned: Cleaned) -> str:
    return f"{cleaned.title}\n\n{cleaned.text}" if cleaned.title else cleaned.text


def run_route(
    root: Path, snippets: dict[str, dict[str, list[str]]], route: str
) -> tuple[dict[str, float | int], dict[str, tuple[int, int, int, int]]]:
    """Metrics of one route and the per-page counts (for error analysis)."""
    names = sorted(snippets)
    texts = {n: (root / "txt" / f"{n}.txt").read_text(encoding="utf-8") for n in names}
    produce: Callable[[str], str]
    if route == "baseline":
        produce = lambda n: texts[n]  # noqa: E731
    elif route == "text":
        produce = lambda n: _text_output(clean_text(texts[n]))  # noqa: E731
    elif route == "text-stats":
        stats = corpus_line_stats(texts[n] for n in names)
        produce = lambda n: _text_output(clean_text(texts[n], stats=stats))  # noqa: E731
    elif route == "html":

        def produce(n: str) -> str:
            raw = gzip.decompress((root / "html" / f"{n}.html.gz").read_bytes())
            return _text_output(extract_html(raw.decode("utf-8"), url=snippets[n].get("url")))  # type: ignore[arg-type]

    else:
        raise SystemExit(f"unknown route {route!r}")
    pages: dict[str, tuple[int, int, int, int]] = {}
    for name in names:
        pages[name] = score_page(produce(name), snippets[name]["with"], snippets[name]["without"])
    totals = [sum(p[i] for p in pages.values()) for i in range(4)]
    tp, fn, fp, tn = totals
    return metrics(tp, fn, fp, tn), pages


def evaluate(root: Path, routes: list[str]) -> dict[str, dict[str, float | int]]:
    snippets = json.loads((root / "snippets.json").read_text(encoding="utf-8"))
    result: dict[str, dict[str, float | int]] = {}
    for route in routes:
        started = time.perf_counter()
        result[route], _ = run_route(root, snippets, route)
        result[route]["seconds"] = round(time.perf_counter() - started, 2)
    return result


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("data_dir", type=Path)
    parser.add_argument("--routes", default="baseline,text,text-stats,html")
    args = parser.parse_args(argv)
    result = evaluate(args.data_dir, args.routes.split(","))
    sys.stdout.write(json.dumps(result, sort_keys=True) + "\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
