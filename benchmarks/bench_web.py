"""Benchmark: the web app on a store of ~10,000 articles, on loopback, alone and under 50 clients.

    python benchmarks/bench_web.py --report REPORT.json [--articles 10000] [--requests 200]
                                   [--clients 50] [--per-client 20] [--db OUT.db]

Recipe. A full analysis of 10,000 articles takes far longer than this machine allows while
others work on it, so the store is built from the report of a smaller real analysis, replicated:

1. Analyse real articles with the shipped path, e.g. 300 ECB+ articles plus the bundled seeds:
   `newsweave ingest ECB300.jsonl examples --db small.db`, then export its report with
   `newsweave report --db small.db -o small.json` (or pass any JSON report).
2. This script copies that report until it holds `--articles` articles. Copy k renames every id
   (articles, stories, claims, conflicts, quotes, entities, storylines) with a suffix `-k`,
   shifts dates by 3·k days so coverage spreads over time, and (ECB+ has no outlets) gives each
   copied article a synthetic outlet from a pool of 60 names, 20 % left unknown. Article texts
   are real, so search works on real words; story sizes are those of the real analysis.
3. The articles go into a fresh store (`Store.add_articles`: the Porter FTS index) and the
   report into its tables (`Store.put_report_tables`), exactly as `ingest` writes them.

Then `newsweave serve --db STORE --port 0` runs in a subprocess and this script measures, with
one client, the latency of the story list (each sort, with and without filters, several pages),
the largest and random story pages, article pages, and searches (real words, phrases and awkward
input); then `--clients` concurrent clients each making `--per-client` mixed requests. Prints a
Markdown table: p50/p95/max per kind, errors, throughput.
"""

from __future__ import annotations

import argparse
import asyncio
import hashlib
import json
import random
import statistics
import subprocess
import sys
import tempfile
import time
from collections import Counter
from datetime import date, timedelta
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
OUTLETS = [f"outlet-{i:02d}.example" for i in range(60)]
SEARCHES = [
    "earthquake",
    "earthquakes",
    "police said",
    '"was arrested"',
    "hit-and-run",
    "U.S.",
    "9.1",
    "AND",
    "NEAR(",
    "fire killed",
    "president",
    "Zürich",
    "a OR " * 500,
]


def _shift(value: str, days: int) -> str:
    try:
        day = date.fromisoformat(value[:10])
    except ValueError:
        return value
    return (day + timedelta(days=days)).isoformat() + value[10:]


def replicate(report: dict[str, Any], target: int) -> dict[str, Any]:
    """`report` copied until it holds `target` articles (see the module docstring)."""
    ids = {
        x["id"]
        for section in (
            "articles",
            "stories",
            "storylines",
            "entities",
            "quotes",
            "claims",
            "conflicts",
        )
        for x in report[section]
    }
    out: dict[str, Any] = {k: [] for k in report if isinstance(report[k], list)}
    out.update({k: v for k, v in report.items() if not isinstance(v, list)})
    per_copy = max(len(report["articles"]), 1)
    copies = -(-target // per_copy)

    def walk(value: Any, suffix: str, days: int, key: str = "") -> Any:
        if isinstance(value, dict):
            return {k: walk(v, suffix, days, k) for k, v in value.items()}
        if isinstance(value, list):
            return [walk(v, suffix, days, key) for v in value]
        if isinstance(value, str):
            if value in ids:
                return value + suffix
            if key in {"published", "start", "end", "date"} and days:
                return _shift(value, days)
        return value

    for k in range(copies):
        suffix = f"-{k}" if k else ""
        copy = walk({s: report[s] for s in out if isinstance(report[s], list)}, suffix, 3 * k)
        for article in copy["articles"]:
            digest = hashlib.sha256(article["id"].encode()).digest()
            if k and not article.get("outlet") and digest[0] % 5:
                article["outlet"] = OUTLETS[digest[1] % len(OUTLETS)]
                article["domain"] = article["outlet"]
        for section, items in copy.items():
            out[section].extend(items)
    out["articles"] = out["articles"][:target]
    kept = {a["id"] for a in out["articles"]}
    out["stories"] = [
        s | {"article_ids": [a for a in s["article_ids"] if a in kept]}
        for s in out["stories"]
        if any(a in kept for a in s["article_ids"])
    ]
    return out


def build_store(report_path: Path, target: int, db: Path) -> dict[str, Any]:
    from newsweave.report.decode import report_from_dict
    from newsweave.store import Store

    started = time.perf_counter()
    data = replicate(json.loads(report_path.read_text(encoding="utf-8")), target)
    report = report_from_dict(data)
    with Store(db) as store:
        store.add_articles(report.articles)
        store.add_problems(report.problems)
        store.put_report("latest", json.dumps(data, ensure_ascii=False))
        store.put_report_tables(report)
    sizes = sorted((len(s.article_ids) for s in report.stories), reverse=True)
    return {
        "articles": len(report.articles),
        "stories": len(report.stories),
        "largest_story": sizes[0] if sizes else 0,
        "claims": len(report.claims),
        "seconds": time.perf_counter() - started,
        "mb": db.stat().st_size / 1e6,
    }


def _counts(db: Path) -> dict[str, Any]:
    import sqlite3

    con = sqlite3.connect(f"file:{db}?mode=ro", uri=True)

    def one(sql: str) -> Any:
        return con.execute(sql).fetchone()[0]

    out = {
        "articles": one("SELECT count(*) FROM r_articles"),
        "stories": one("SELECT count(*) FROM r_stories"),
        "largest_story": one("SELECT max(n_articles) FROM r_stories"),
        "claims": one("SELECT count(*) FROM r_claims"),
        "seconds": float("nan"),
        "mb": db.stat().st_size / 1e6,
    }
    con.close()
    return out


def _ids(db: Path) -> dict[str, list[str]]:
    import sqlite3

    con = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    out = {
        "stories": [r[0] for r in con.execute("SELECT id FROM r_stories ORDER BY n_articles DESC")],
        "articles": [r[0] for r in con.execute("SELECT id FROM r_articles")],
        "outlets": [r[0] for r in con.execute("SELECT key FROM r_outlets")],
        "claims": [r[0] for r in con.execute("SELECT id FROM r_claims LIMIT 5000")],
    }
    con.close()
    return out


def _requests(ids: dict[str, list[str]], rng: random.Random) -> dict[str, list[str]]:
    from urllib.parse import quote, urlencode

    sorts = ["size", "latest", "outlets", "disputes"]
    lists = []
    for _ in range(40):
        params: dict[str, str] = {"sort": rng.choice(sorts), "offset": str(25 * rng.randrange(8))}
        if rng.random() < 0.3 and ids["outlets"]:
            params["outlet"] = rng.choice(ids["outlets"])
        if rng.random() < 0.3:
            params["from"] = "2009-01-01"
        lists.append("/?" + urlencode(params))
    largest = ids["stories"][:5]
    stories = [f"/stories/{quote(s, safe='')}" for s in largest]
    stories += [f"/stories/{quote(rng.choice(ids['stories']), safe='')}" for _ in range(35)]
    articles = [f"/articles/{quote(rng.choice(ids['articles']), safe='')}" for _ in range(40)]
    searches = ["/search?" + urlencode({"q": q}) for q in SEARCHES]
    searches += [
        "/search?" + urlencode({"q": q, "outlet": rng.choice(ids["outlets"])})
        for q in ("police", "and", "president")
        if ids["outlets"]
    ]
    api = [
        "/api/stories?limit=50",
        "/api/search?" + urlencode({"q": "police"}),
        f"/api/claims/{quote(rng.choice(ids['claims']), safe='')}"
        if ids["claims"]
        else "/api/claims",
    ]
    return {
        "story list": lists,
        "story page": stories,
        "article page": articles,
        "search": searches,
        "api": api,
    }


async def _timed(client: Any, url: str) -> tuple[float, int]:
    start = time.perf_counter()
    response = await client.get(url)
    await response.aread()
    return time.perf_counter() - start, response.status_code


async def _sequential(base: str, urls: dict[str, list[str]], rounds: int) -> dict[str, Any]:
    import httpx

    out: dict[str, Any] = {}
    async with httpx.AsyncClient(base_url=base, timeout=120) as client:
        for url in (u for group in urls.values() for u in group[:2]):
            await client.get(url)  # warm the page cache and the templates
        for kind, group in urls.items():
            times, errors = [], 0
            for i in range(rounds):
                seconds, status = await _timed(client, group[i % len(group)])
                times.append(seconds)
                errors += status >= 500 or status == 400
            out[kind] = (times, errors)
    return out


async def _concurrent(
    base: str, urls: dict[str, list[str]], clients: int, per_client: int, seed: int
) -> dict[str, Any]:
    import httpx

    everything = [u for group in urls.values() for u in group]
    times: list[float] = []
    statuses: list[int] = []
    failures: list[str] = []

    async def one(index: int) -> None:
        rng = random.Random(seed + index)
        async with httpx.AsyncClient(base_url=base, timeout=120) as client:
            for _ in range(per_client):
                try:
                    seconds, status = await _timed(client, rng.choice(everything))
                except httpx.HTTPError as error:
                    failures.append(type(error).__name__)
                    continue
                times.append(seconds)
                statuses.append(status)

    started = time.perf_counter()
    await asyncio.gather(*(one(i) for i in range(clients)))
    wall = time.perf_counter() - started
    return {"times": times, "statuses": statuses, "failures": failures, "wall": wall}


def _p(values: list[float], q: float) -> float:
    if not values:
        return float("nan")
    return statistics.quantiles(values, n=100, method="inclusive")[int(q) - 1] * 1000


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--report", required=True, help="JSON report of a real analysis")
    parser.add_argument("--articles", type=int, default=10_000)
    parser.add_argument("--requests", type=int, default=200, help="per kind, one client")
    parser.add_argument("--clients", type=int, default=50)
    parser.add_argument("--per-client", type=int, default=20)
    parser.add_argument("--db", help="keep the built store here (default: a temporary folder)")
    parser.add_argument("--seed", type=int, default=13)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        db = Path(args.db) if args.db else Path(folder) / "bench.db"
        if db.exists():
            print(f"using the existing store {db}", file=sys.stderr)
            built = _counts(db)
        else:
            built = build_store(Path(args.report), args.articles, db)
        print(json.dumps({"store": built}), file=sys.stderr)
        urls = _requests(_ids(db), random.Random(args.seed))
        with subprocess.Popen(
            [sys.executable, "-m", "newsweave.cli", "serve", "--db", str(db), "--port", "0"],
            stdout=subprocess.PIPE,
            text=True,
        ) as server:
            try:
                assert server.stdout is not None
                line = server.stdout.readline()
                base = line.split(" at ", 1)[1].split(" ", 1)[0].rstrip("/")
                alone = asyncio.run(_sequential(base, urls, args.requests))
                crowd = asyncio.run(
                    _concurrent(base, urls, args.clients, args.per_client, args.seed)
                )
            finally:
                server.terminate()
                server.communicate(timeout=30)
    print(
        f"\nStore: {built['articles']} articles, {built['stories']} stories (largest "
        f"{built['largest_story']} articles), {built['claims']} claims, {built['mb']:.0f} MB, "
        f"built in {built['seconds']:.0f} s.\n"
    )
    print("| request (one client, loopback) | n | p50 ms | p95 ms | max ms | errors |")
    print("|---|---:|---:|---:|---:|---:|")
    for kind, (times, errors) in alone.items():
        print(
            f"| {kind} | {len(times)} | {_p(times, 50):.0f} | {_p(times, 95):.0f} "
            f"| {max(times) * 1000:.0f} | {errors} |"
        )
    errors = sum(1 for s in crowd["statuses"] if s >= 500 or s == 400) + len(crowd["failures"])
    kinds = Counter([str(s) for s in crowd["statuses"] if s >= 500 or s == 400] + crowd["failures"])
    bad = ", ".join(f"{n}× {k}" for k, n in sorted(kinds.items()))
    n = len(crowd["times"]) + len(crowd["failures"])
    print(
        f"\n{args.clients} concurrent clients × {args.per_client} mixed requests: {n} requests in "
        f"{crowd['wall']:.1f} s ({n / crowd['wall']:.0f}/s), p50 {_p(crowd['times'], 50):.0f} ms, "
        f"p95 {_p(crowd['times'], 95):.0f} ms, p99 {_p(crowd['times'], 99):.0f} ms, "
        f"errors {errors} ({bad or 'none'})."
    )


if __name__ == "__main__":
    main()
