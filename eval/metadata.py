"""Title, outlet, publication date and language of real web pages, through `newsweave analyze`.

Usage: python eval/metadata.py [--quick] [--errors]

Data: the 118 English pages of `../shared/eval/cleaning` (see its README), each given to the
shipped path as a JSONL record {"id", "html", "url"} (the address where the data set knows it,
as a crawler would); the figures score the report's `Article.title/outlet/published/language`.

Labels: `eval/data/metadata_gold.jsonl`, one line per page, checked by hand against the page
(its headline, byline region and metadata): {"page", "title": [...], "outlet": [...],
"published": [...], "language"}. Each list holds the accepted answers, the first preferred.
Annotation guideline:
- title: the article's headline as the page shows it (its <h1>); the <title> or og:title
  wording is accepted too when the page gives one, without the site name around it.
- outlet: the publication's name as it calls itself (masthead, og:site_name, copyright line);
  short or legal forms it also uses ("PCMag"/"PCMAG", "Daily Mail"/"MailOnline") are listed;
  a bare domain is listed only for sites that name themselves by it. Never a social handle.
- published: the day the article was first published, as its byline or its metadata says
  (byline first; "Updated ..." only where it is the only date the page shows, then both are
  accepted). Never today's date in a header, a comment's date, or the date of a related link.
- language: ISO 639-1 code of the article ("en" on every page here).

Scoring: a field is right when the system's value, normalised (case, quotes, dashes, spaces,
a leading "The", punctuation), equals one of the accepted answers (dates: the first ten
characters). Pages are halved by a hash of their name (A, B). The rules were first changed
while reading the errors of half A only; half B, not looked at, then scored title 0.850, outlet
0.950, date 0.983, language 1.000 (commit 1fe7f1f, reading stages of the shipped pipeline). The
errors of half B were read next and general fixes made (a lone "l" as a bar, a site name first,
acronym domains, handle-like names), so the figures below are tuned on both halves, and say so.
The last five errors (both halves) were read later still and fixed by general rules (site tails
of several parts, a masthead line or a holder-first copyright line naming the outlet, a page's
one labelled publication day over a date from a list of related stories); no untouched pages of
this kind exist here to measure those rules on.
News text no one tuned on (audit 6, session 6): a fact-checker ran `newsweave analyze` on four
multi-outlet stories given as text with their URLs (ECB+ 4_ecbplus, 7_ecbplus, 11_ecbplus and
GVC incident 562315; 30 articles) and read every article: titles 28 of 30, outlets 29 of 30 right
(a dotted date line "Article posted on 08.07.2012" taken for the headline; "27/09/2013-" glued
before a headline; "go.com" for espn.go.com). General rules then fixed all three (dotted dates
are date lines; a numeric date glued before a headline is cut; a brand's host under its owner's
domain is its own site, as a blog's is on a platform): 30 of 30 and 30 of 30 through `analyze`,
tuned on those stories, so no untouched figure; the figures below did not move.
Baseline beside them: trafilatura's own metadata (`extract_metadata`: title, sitename, date)
and the page's <html lang>.

Text route (full run only): the same pages given as their visible text (`txt/`, what a scraped
article looks like: {"id", "text", "url"}), scored against the same labels. Before session 5's
fixes (read while fixing them, so tuned on both halves as well) it scored title 0.881, outlet
0.763, date 0.847. Baseline beside it: the first line as title, the URL's registered domain
as outlet, the URL's date, and "en" (the language of every page here).

Session 8: a publication day inferred from an article's story (`describe/infer.py`, basis
"inferred") now needs evidence in the page itself: an expression only its publication date can
value ("on Monday", "yesterday") and no stated date after the inferred day. A wiki.answers.com
page in ECB+ topic 26 ("Gigante died ... on December 19, 2005", no byline) had been given its
story's day; through `analyze` it now stays unknown. Every page here states its own date, so
the figures below did not move (re-measured on a clean worktree of that commit).
"""

from __future__ import annotations

import gzip
import hashlib
import html
import json
import re
import sys
import unicodedata
import warnings
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

import harness

GOLD = Path(__file__).parent / "data" / "metadata_gold.jsonl"
COMMAND = "python eval/metadata.py"
FIELDS = ("title", "outlet", "published", "language")
# The quick subset: the first pages of each half (sorted by name).
QUICK_PAGES = 15
Answers = dict[str, str | None]


def half(page: str) -> str:
    """The split of a page: "A" or "B", from a hash of its name (stable, order-free)."""
    return "AB"[hashlib.sha1(page.encode()).digest()[0] % 2]


def normalise(field: str, value: str | None) -> str | None:
    """The comparable form of a field value."""
    if value is None or not value.strip():
        return None
    if field == "published":
        return value.strip()[:10]
    if field == "language":
        return value.strip().lower()[:2]
    text = unicodedata.normalize("NFKC", html.unescape(value)).lower()
    text = re.sub(r"[‘’′`´]", "'", text)
    text = re.sub(r"[“”]", '"', text)
    text = re.sub(r"[‐‑‒–—―]", "-", text)
    if field == "outlet":
        text = re.sub(r"^the\s+", "", text)
        return re.sub(r"[\W_]+", "", text)
    return " ".join(text.split()).strip(" .!?:;,")


def right(field: str, value: str | None, accepted: list[str | None] | str) -> bool:
    options = accepted if isinstance(accepted, list) else [accepted]
    return normalise(field, value) in {normalise(field, option) for option in options}


def load_gold() -> list[dict[str, Any]]:
    return harness.read_jsonl(GOLD)


def pages(gold: list[dict[str, Any]], root: Path) -> list[dict[str, Any]]:
    """The JSONL records a user would give: the page's HTML and, where known, its address."""
    snippets = json.loads((root / "snippets.json").read_text(encoding="utf-8"))
    records = []
    for row in gold:
        name = row["page"]
        page = gzip.decompress((root / "html" / f"{name}.html.gz").read_bytes())
        record: dict[str, Any] = {"id": name, "html": page.decode("utf-8")}
        if snippets[name].get("url"):
            record["url"] = snippets[name]["url"]
        records.append(record)
    return records


def text_records(records: list[dict[str, Any]], root: Path) -> list[dict[str, Any]]:
    """The same pages as plain text: their visible text instead of their HTML."""
    out = []
    for record in records:
        text = (root / "txt" / f"{record['id']}.txt").read_text(encoding="utf-8")
        out.append({k: v for k, v in record.items() if k != "html"} | {"text": text})
    return out


def text_baseline_answers(records: list[dict[str, Any]]) -> list[Answers]:
    """First line as title, the URL's domain as outlet and its date, "en" (the baseline)."""
    from newsweave.describe.urls import date_from_url, registered_domain

    out: list[Answers] = []
    for record in records:
        first = next((line.strip() for line in record["text"].splitlines() if line.strip()), None)
        url = record.get("url")
        out.append({
            "title": first,
            "outlet": registered_domain(url) if url else None,
            "published": date_from_url(url) if url else None,
            "language": "en",
        })  # fmt: skip
    return out


def product_answers(records: list[dict[str, Any]]) -> list[Answers]:
    """Title, outlet, date and language of each record through the shipped path."""
    report = harness.run_product(records)
    ids = harness.record_articles(report, len(records))
    articles = {a.id: a for a in report.articles}
    out: list[Answers] = []
    for article_id in ids:
        article = articles.get(article_id) if article_id else None
        if article is None:
            out.append(dict.fromkeys(FIELDS))
            continue
        out.append({"title": article.title, "outlet": article.outlet,
                    "published": article.published, "language": article.language,
                    "origin": article.origin})  # fmt: skip
    return out


def baseline_answers(records: list[dict[str, Any]]) -> list[Answers]:
    """trafilatura's metadata of each page and its <html lang> (the baseline)."""
    from trafilatura import extract_metadata

    out: list[Answers] = []
    for record in records:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            meta = extract_metadata(record["html"], default_url=record.get("url"))
        lang = re.search(r"<html[^>]*\blang=[\"']?([A-Za-z-]+)", record["html"][:5000])
        out.append({
            "title": meta.title if meta else None,
            "outlet": meta.sitename if meta else None,
            "published": meta.date if meta else None,
            "language": lang.group(1) if lang else None,
        })  # fmt: skip
    return out


def accuracy(
    gold: list[dict[str, Any]], answers: list[Answers], split: str, errors: list[str] | None = None
) -> dict[str, float]:
    """Share of the pages of `split` ("A", "B" or "all") with each field right."""
    rows = [(g, a) for g, a in zip(gold, answers, strict=True) if split in {"all", half(g["page"])}]
    scores: dict[str, float] = {}
    for field in FIELDS:
        hits = 0
        for row, answer in rows:
            if right(field, answer.get(field), row[field]):
                hits += 1
            elif errors is not None:
                accepted = row[field] if isinstance(row[field], list) else [row[field]]
                errors.append(f"{row['page']}: {field} {answer.get(field)!r}, gold {accepted[0]!r}")
        scores[field] = round(hits / len(rows), 3) if rows else 0.0
    all_right = sum(
        1 for row, answer in rows if all(right(f, answer.get(f), row[f]) for f in FIELDS)
    )
    scores["all_fields"] = round(all_right / len(rows), 3) if rows else 0.0
    return scores


def measure(*, quick: bool = False) -> tuple[dict[str, dict[str, float]], ...] | None:
    root = harness.shared_eval("cleaning")
    if root is None or not GOLD.exists():
        return None
    gold = load_gold()
    if quick:
        gold = [g for g in gold if half(g["page"]) == "A"][:QUICK_PAGES] + [
            g for g in gold if half(g["page"]) == "B"
        ][:QUICK_PAGES]
    records = pages(gold, root)
    ours, base = product_answers(records), baseline_answers(records)
    splits = ("A", "B", "all")
    measured = (
        {s: accuracy(gold, ours, s) for s in splits},
        {s: accuracy(gold, base, s) for s in splits},
    )
    if quick:
        return measured
    texts = text_records(records, root)
    text_ours, text_base = product_answers(texts), text_baseline_answers(texts)
    return (
        *measured,
        {"all": accuracy(gold, text_ours, "all")},
        {"all": accuracy(gold, text_base, "all")},
    )


def figures(*, quick: bool = False) -> list[harness.Figure]:
    """Per-field accuracy on each half and on all pages, trafilatura's metadata beside it."""
    measured = measure(quick=quick)
    if measured is None:
        return []
    ours, base = measured[:2]
    size = f"{QUICK_PAGES} + {QUICK_PAGES} pages" if quick else "118 pages"
    command = COMMAND + (" --quick" if quick else "")
    # Half B was scored unseen once (see the module docstring), then tuned on as well.
    tuned = dict.fromkeys(("A", "B", "all"), "cleaning pages, both halves (A, then B: unseen once "
                          "at 1fe7f1f, 0.850 title, 0.950 outlet, 0.983 date)")  # fmt: skip
    out = []
    for split in ("B", "A", "all"):
        label = "all" if split == "all" else f"half {split}"
        for field in (*FIELDS, "all_fields"):
            out.append(harness.Figure(
                eval="metadata", metric=f"{field}_accuracy_{split}",
                data=f"cleaning dev pages, {label} ({size})", tuned_on=tuned[split],
                value=ours[split][field], baseline="trafilatura extract_metadata + <html lang>",
                baseline_value=base[split][field], command=command,
            ))  # fmt: skip
    if len(measured) == 4:
        text_ours, text_base = measured[2]["all"], measured[3]["all"]
        for field in (*FIELDS, "all_fields"):
            out.append(harness.Figure(
                eval="metadata", metric=f"text_route_{field}_accuracy_all",
                data="cleaning dev pages as plain text (txt/), all (118 pages)",
                tuned_on="cleaning pages, both halves (text route read in session 5: title "
                "0.881, outlet 0.763, date 0.847 before its fixes)",
                value=text_ours[field], baseline="first line, URL's domain and date, 'en'",
                baseline_value=text_base[field], command=COMMAND,
            ))  # fmt: skip
    return out


def main() -> None:
    arguments = sys.argv[1:]
    if "--errors" in arguments:
        split = arguments[arguments.index("--errors") + 1]
        root = harness.shared_eval("cleaning")
        if root is None:
            return
        gold = load_gold()
        errors: list[str] = []
        answers = product_answers(pages(gold, root))
        print(json.dumps(accuracy(gold, answers, split, errors)))
        print("\n".join(errors), file=sys.stderr)
        return
    harness.print_figures(figures(quick="--quick" in arguments))


if __name__ == "__main__":
    main()
