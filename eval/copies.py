"""Score copy detection on real articles and copies made of them, with same-event negatives.

Usage: python eval/copies.py ECBPLUS_DIR [--examples examples] [--split all|train|dev]
       [--sample 4] [--no-rewrites]

Corpus: the ECB+ articles (CC BY 3.0, read from ECBPLUS_DIR, never copied into the repo) and the
bundled seed articles, each its own outlet with a fixed publication date. One article in
`--sample` (chosen by a hash of its id) gets derived copies, published later by other outlets:
a near copy (page furniture added, cut to 50-70 %, or lightly edited, in turn), a machine-spun
rewrite, and for every third also an exact copy. A quarter of the near copies are dated
*before* their original but credit its outlet (`origin`), which must still win as the original.

Negatives that matter: ECB+ articles of the same gold event come from different outlets and
share names, numbers and quotes but are not copies of one another (and neither are the seed
articles 000-002, which report one event). ECB+ does hold genuine copies (31 pairs: one wire
story on two sites): they were found by this evaluation, read by hand and listed in
`GENUINE_COPIES`; they count as copies, not as false positives.

Prints ONE JSON line: per kind precision/recall, overall pairwise precision/recall (pairs of
articles put in one copy group), same-event pairs wrongly joined, original choice accuracy,
embedder mode and seconds.
"""

from __future__ import annotations

import argparse
import hashlib
import itertools
import json
import random
import sys
import time
from collections import defaultdict
from datetime import date, timedelta
from pathlib import Path
from urllib.parse import urlparse

import numpy as np

from newsweave.dedupe import DedupeConfig, find_copies
from newsweave.dedupe.shingles import text_shingles
from newsweave.dedupe.synth import NEAR_VARIANTS, exact_copy, near_copy, spin
from newsweave.model import Article

REPO = Path(__file__).resolve().parents[1]

# Pairs of ECB+ articles that are genuinely one text on two sites (wire copies, a blog post
# reproducing most of a newspaper story). Found by running find_copies on the base articles,
# then read by hand: each shares its lead paragraphs word for word (J 0.13-0.98, containment of
# the shorter in the longer 0.70-1.00); groups of three or more are listed as chains.
GENUINE_COPIES: tuple[tuple[str, str], ...] = tuple(
    tuple(pair.split("/"))  # type: ignore[misc]
    for pair in """12_1ecbplus/12_3ecbplus 12_4ecbplus/12_8ecbplus 12_6ecbplus/12_9ecbplus
    18_5ecb/18_13ecb 21_12ecb/21_8ecb 21_1ecbplus/21_9ecbplus 22_12ecbplus/22_14ecbplus
    22_7ecb/22_4ecb 23_3ecbplus/23_6ecbplus 23_3ecbplus/23_4ecbplus
    24_10ecbplus/24_1ecbplus 24_10ecbplus/24_7ecbplus
    24_6ecbplus/24_11ecbplus 24_3ecbplus/24_9ecbplus 26_2ecbplus/26_11ecbplus
    26_2ecbplus/26_8ecbplus 28_12ecb/28_13ecb 28_7ecbplus/28_8ecbplus 28_7ecbplus/28_9ecbplus
    29_1ecbplus/29_5ecbplus 29_1ecbplus/29_9ecbplus 31_11ecbplus/31_5ecbplus
    31_11ecbplus/31_6ecbplus 31_9ecbplus/31_4ecbplus 35_1ecbplus/35_10ecbplus
    7_3ecbplus/7_10ecbplus 7_3ecbplus/7_11ecbplus 7_3ecbplus/7_1ecbplus 7_3ecbplus/7_4ecbplus
    7_3ecbplus/7_9ecbplus 9_9ecbplus/9_3ecbplus""".split()  # noqa: SIM905
)
# Same-event pairs that share most of a wire text but were rewritten around it (exact 5-gram
# containment 0.6-0.8, e.g. ECB+ 7_2/7_4, 24_5/24_7): whether they are "copies" is a judgement
# call, so they count neither as copies nor as negatives. Computed, not hand-listed.
AMBIGUOUS_CONTAINMENT = (0.6, 0.8)


def _stable(text: str) -> int:
    return int.from_bytes(hashlib.sha256(text.encode()).digest()[:8], "big")


def _article(
    article_id: str, text: str, outlet: str, published: str, origin: str | None = None
) -> Article:
    return Article(
        id=article_id,
        source=article_id,
        url=None,
        outlet=outlet,
        domain=None,
        title="",
        published=published,
        published_basis="metadata",
        language="en",
        text=text,
        origin=origin,
    )


def load_base(data: Path, examples: Path, split: str) -> tuple[list[Article], dict[str, str]]:
    """Real articles and their gold event (seed articles 000-002 share one event)."""
    gold = {
        g["id"]: g
        for g in map(json.loads, (data / "gold.jsonl").read_text(encoding="utf-8").splitlines())
    }
    articles: list[Article] = []
    events: dict[str, str] = {}
    for line in (data / "articles.jsonl").read_text(encoding="utf-8").splitlines():
        record = json.loads(line)
        label = gold[record["id"]]
        if split != "all" and label["split"] != split:
            continue
        host = urlparse(record["url"]).netloc.removeprefix("www.") if record["url"] else ""
        outlet = host or f"outlet-{record['id']}"
        articles.append(_article(record["id"], record["text"], outlet, "2020-01-01T08:00:00Z"))
        events[record["id"]] = label["event"]
    for path in sorted(examples.glob("*.txt")):
        article_id = f"seed-{path.stem[:3]}"
        text = path.read_text(encoding="utf-8")
        articles.append(_article(article_id, text, f"seed-outlet-{path.stem[:3]}", "2020-12-15"))
        events[article_id] = "seed-putin" if path.stem[:3] in {"000", "001", "002"} else article_id
    return articles, events


def _later(day: date, days: int) -> str:
    return f"{day + timedelta(days=days)}T08:00:00Z"


def derive(base: list[Article], sample: int) -> tuple[list[Article], dict[str, tuple[str, str]]]:
    """Copies of every `sample`-th base article: id -> (original id, gold kind)."""
    derived: list[Article] = []
    truth: dict[str, tuple[str, str]] = {}
    chosen = [a for a in base if _stable(a.id) % sample == 0]
    for number, original in enumerate(chosen):
        rng = random.Random(_stable(original.id))
        variant = NEAR_VARIANTS[number % len(NEAR_VARIANTS)]
        credited = number % 4 == 1
        day = date.fromisoformat((original.published or "2020-01-01")[:10])
        made = [
            (
                "near",
                near_copy(original.text, rng, variant),
                _later(day, -1 if credited else 1),
                original.outlet if credited else None,
            ),
            ("rewritten", spin(original.text, rng), _later(day, 2), None),
        ]
        if number % 3 == 0:
            made.append(("exact", exact_copy(original.text, rng), _later(day, 1), None))
        for kind, text, published, origin in made:
            copy_id = f"{original.id}~{kind}"
            outlet = f"copier-{_stable(copy_id) % 50}"
            derived.append(_article(copy_id, text, outlet, published, origin))
            truth[copy_id] = (original.id, kind)
    return derived, truth


def _groups(pairs: list[tuple[str, str]], ids: list[str]) -> dict[str, str]:
    parent = {i: i for i in ids}

    def find(item: str) -> str:
        while parent[item] != item:
            parent[item] = parent[parent[item]]
            item = parent[item]
        return item

    for a, b in pairs:
        if a in parent and b in parent:
            parent[max(find(a), find(b))] = min(find(a), find(b))
    return {i: find(i) for i in ids}


def _ambiguous(first: str, second: str) -> bool:
    a, b = text_shingles(first), text_shingles(second)
    if min(a.size, b.size) == 0:
        return False
    shared = np.intersect1d(a, b, assume_unique=True).size
    low, high = AMBIGUOUS_CONTAINMENT
    return low <= shared / min(a.size, b.size) < high


def _ratio(num: int, den: int) -> float:
    return round(num / den, 4) if den else 1.0


def score(
    articles: list[Article],
    events: dict[str, str],
    truth: dict[str, tuple[str, str]],
    links: dict[str, tuple[str, str]],
    voices: dict[str, str],
) -> dict[str, object]:
    """Metrics of predicted `links` (id -> (original, kind)) and `voices` against the truth."""
    ids = [a.id for a in articles]
    gold_pairs = [(c, o) for c, (o, _) in truth.items()] + list(GENUINE_COPIES)
    gold = _groups(gold_pairs, ids)
    by_kind: dict[str, dict[str, int]] = defaultdict(lambda: {"tp": 0, "fn": 0, "fp": 0})
    kind_right = 0
    missed: list[str] = []
    wrong: list[str] = []
    for copy_id, (original, kind) in truth.items():
        if copy_id in links and voices[copy_id] == voices[original]:
            by_kind[kind]["tp"] += 1
            kind_right += links[copy_id][1] == kind
        else:
            by_kind[kind]["fn"] += 1
            missed.append(copy_id)
    for copy_id, (target, kind) in links.items():
        if gold[copy_id] != gold[target]:
            by_kind[kind]["fp"] += 1
            wrong.append(f"{copy_id}->{target}:{kind}")
    kinds = {
        kind: {
            "precision": _ratio(c["tp"], c["tp"] + c["fp"]),
            "recall": _ratio(c["tp"], c["tp"] + c["fn"]),
            **c,
        }
        for kind, c in sorted(by_kind.items())
    }
    predicted: dict[str, list[str]] = defaultdict(list)
    for article_id in ids:
        predicted[voices[article_id]].append(article_id)
    gold_members: dict[str, list[str]] = defaultdict(list)
    for article_id in ids:
        gold_members[gold[article_id]].append(article_id)
    pred_pairs = {p for g in predicted.values() for p in itertools.combinations(sorted(g), 2)}
    true_pairs = {p for g in gold_members.values() for p in itertools.combinations(sorted(g), 2)}
    same_event = [
        (a, b)
        for a, b in itertools.combinations(sorted(events), 2)
        if events[a] == events[b] and gold[a] != gold[b]
    ]
    texts = {a.id: a.text for a in articles}
    ambiguous = {(a, b) for a, b in same_event if _ambiguous(texts[a], texts[b])}
    same_event = [p for p in same_event if p not in ambiguous]
    pred_pairs -= ambiguous
    hits = len(pred_pairs & true_pairs)
    joined = [(a, b) for a, b in same_event if voices[a] == voices[b]]
    # The original is right when no derived copy was taken for it: copies are dated later, or
    # earlier but crediting the original's outlet.
    found = [c for c in truth if c in links and voices[c] == voices[truth[c][0]]]
    original_right = sum(voices[c] not in truth for c in found)
    return {
        "kinds": kinds,
        "pairs": {
            "precision": _ratio(hits, len(pred_pairs)),
            "recall": _ratio(hits, len(true_pairs)),
            "predicted": len(pred_pairs),
            "gold": len(true_pairs),
        },
        "kind_accuracy": _ratio(kind_right, sum(c["tp"] for c in by_kind.values())),
        "same_event_pairs": len(same_event),
        "same_event_joined": len(joined),
        "same_event_joined_examples": [list(p) for p in joined[:5]],
        "original_accuracy": _ratio(original_right, len(found)),
        "ambiguous_pairs": len(ambiguous),
        "missed_examples": sorted(missed)[:8],
        "false_link_examples": sorted(wrong)[:8],
        "articles": len(ids),
    }


def main(argv: list[str] | None = None) -> dict[str, object]:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("data", type=Path, help="folder with articles.jsonl and gold.jsonl")
    parser.add_argument("--examples", type=Path, default=REPO / "examples")
    parser.add_argument("--split", default="all", choices=("all", "train", "dev"))
    parser.add_argument("--sample", type=int, default=4, help="derive copies of 1 in N")
    parser.add_argument("--no-rewrites", action="store_true")
    args = parser.parse_args(argv)
    base, events = load_base(args.data, args.examples, args.split)
    derived, truth = derive(base, args.sample)
    articles = base + derived
    start = time.perf_counter()
    result = find_copies(articles, config=DedupeConfig(detect_rewrites=not args.no_rewrites))
    seconds = time.perf_counter() - start
    links = {k: (v.article_id, v.kind) for k, v in result.links.items()}
    metrics = score(articles, events, truth, links, result.voices)
    metrics["embedding"] = result.embedding
    metrics["seconds"] = round(seconds, 2)
    print(json.dumps(metrics, sort_keys=True))
    return metrics


if __name__ == "__main__":
    main(sys.argv[1:])
