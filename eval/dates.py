"""Score `extract_dates` on hand-annotated time expressions, against a dateparser-only baseline.

Usage: python eval/dates.py [GOLD] [--errors]   (GOLD defaults to eval/data/dates_gold.jsonl)

GOLD holds one JSON line per time expression: {"doc", "published", "sentence", "text",
"value", "precision"}. Every time expression of a listed sentence is annotated, so whatever
else the system reports in it is a false positive; `"text": null` lists a sentence with none.
An optional `"split"` says "dev" (default: lines read while the grammar was written) or
"heldout" (annotated after it was frozen); held-out lines are also scored on their own. A
`"value": null` line marks a temporal phrase without a calendar value ("at the time", "the next
day" with no date before it, a decade): it counts neither way for mention scores, but a value
the system gives it is a wrong value.

Scores (one JSON line): mention precision/recall/F1 (a system span overlapping a gold span),
value accuracy (matched mentions whose TIMEX value is exactly the gold one), value
precision/recall/F1 (exact values over all system values and all gold values), the same for
`dateparser.search.search_dates` run on each sentence with the publication date as
RELATIVE_BASE (the baseline), and the system's speed. `--errors` lists misses on stderr.

The gold file quotes short sentences of the seed articles and of ECB+ (Cybulska & Vossen 2014,
"Using a sledgehammer to crack a nut? Lexical diversity and event coreference resolution",
LREC 2014; CC BY 3.0), annotated by hand for newsweave.
"""

from __future__ import annotations

import json
import sys
import time
import warnings
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from newsweave.extract.dates import extract_dates

DEFAULT_GOLD = Path(__file__).parent / "data" / "dates_gold.jsonl"


@dataclass(frozen=True)
class Found:
    span: tuple[int, int]
    value: str | None
    text: str


Extractor = Callable[[str, str | None], list[Found]]


Groups = dict[tuple[str, str | None, str], list[dict[str, str | None]]]


def load(path: Path, split: str | None = None) -> Groups:
    """Gold lines grouped by (doc, published, sentence), in file order; only `split` if given."""
    groups: Groups = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip():
            row = json.loads(line)
            if split is None or row.get("split", "dev") == split:
                key = (row["doc"], row["published"], row["sentence"])
                groups.setdefault(key, []).append(row)
    return groups


def gold_spans(sentence: str, rows: list[dict[str, str | None]]) -> list[Found]:
    """Each annotated text located in its sentence; a repeated text takes the next occurrence."""
    spans: list[Found] = []
    after: dict[str, int] = {}
    for row in rows:
        text = row["text"]
        if text is None:
            continue
        start = sentence.find(text, after.get(text, 0))
        if start < 0:
            raise ValueError(f"{text!r} is not in {sentence[:80]!r}")
        after[text] = start + len(text)
        spans.append(Found((start, start + len(text)), row["value"], text))
    return spans


def newsweave_dates(sentence: str, published: str | None) -> list[Found]:
    return [Found(m.span, m.value, m.text) for m in extract_dates(sentence, published)]


def dateparser_dates(sentence: str, published: str | None) -> list[Found]:
    """search_dates over the sentence, valued at the period dateparser itself reports."""
    from dateparser.date import DateDataParser
    from dateparser.search import search_dates

    settings: dict[str, object] = {"PREFER_DATES_FROM": "past"}
    if published:
        settings["RELATIVE_BASE"] = datetime.fromisoformat(published[:10])
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        hits = search_dates(sentence, languages=["en"], settings=settings) or []
        parser = DateDataParser(languages=["en"], settings=settings)
        found, cursor = [], 0
        for text, moment in hits:
            start = sentence.find(text, cursor)
            if start < 0:
                continue
            cursor = start + len(text)
            period = parser.get_date_data(text).period or "day"
            found.append(Found((start, cursor), _value_at(moment, period), text))
    return found


def _value_at(moment: datetime, period: str) -> str:
    if period == "year":
        return f"{moment.year:04d}"
    if period == "month":
        return f"{moment.year:04d}-{moment.month:02d}"
    if period == "week":
        year, week, _ = moment.isocalendar()
        return f"{year:04d}-W{week:02d}"
    return moment.date().isoformat()


def _overlaps(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def score(
    groups: Groups,
    extract: Extractor,
    errors: list[str] | None = None,
) -> dict[str, float]:
    """Mention and value scores of `extract` over every annotated sentence."""
    gold_mentions = system_mentions = mention_hits = 0
    gold_values = system_values = value_hits = matched = 0
    for (doc, published, sentence), rows in groups.items():
        gold = gold_spans(sentence, rows)
        system = extract(sentence, published)
        neutral = [g for g in gold if g.value is None]
        scored = [g for g in gold if g.value is not None]
        used: set[int] = set()
        gold_mentions += len(scored)
        gold_values += len(scored)
        system_values += sum(1 for s in system if s.value is not None)
        for g in scored:
            hit = next(
                (i for i, s in enumerate(system) if i not in used and _overlaps(s.span, g.span)),
                None,
            )
            if hit is None:
                _note(errors, doc, f"missed {g.text!r} = {g.value}", sentence)
                continue
            used.add(hit)
            matched += 1
            if system[hit].value == g.value:
                value_hits += 1
            else:
                _note(
                    errors, doc, f"{system[hit].text!r} = {system[hit].value}, gold {g.value}", ""
                )
        for i, s in enumerate(system):
            if i in used:
                continue
            if any(_overlaps(s.span, n.span) for n in neutral):
                if s.value is not None:
                    _note(errors, doc, f"valued a no-value phrase {s.text!r} = {s.value}", "")
                continue
            system_mentions += 1
            _note(errors, doc, f"spurious {s.text!r} = {s.value}", sentence)
        system_mentions += len(used)
        mention_hits += len(used)
    mention_p, mention_r = (
        _ratio(mention_hits, system_mentions),
        _ratio(mention_hits, gold_mentions),
    )
    value_p, value_r = _ratio(value_hits, system_values), _ratio(value_hits, gold_values)
    return {
        "mention_precision": round(mention_p, 3),
        "mention_recall": round(mention_r, 3),
        "mention_f1": round(_f1(mention_p, mention_r), 3),
        "value_accuracy": round(_ratio(value_hits, matched), 3),
        "value_precision": round(value_p, 3),
        "value_recall": round(value_r, 3),
        "value_f1": round(_f1(value_p, value_r), 3),
    }


def _note(errors: list[str] | None, doc: str, what: str, sentence: str) -> None:
    if errors is not None:
        errors.append(f"{doc}: {what}" + (f"  | {sentence[:120]}" if sentence else ""))


def _ratio(part: int, whole: int) -> float:
    return part / whole if whole else 0.0


def _f1(precision: float, recall: float) -> float:
    return 2 * precision * recall / (precision + recall) if precision + recall else 0.0


def speed(sentences: Iterable[tuple[str, str | None]]) -> float:
    """Sentences per second through extract_dates (best of three passes)."""
    items = list(sentences)
    best = float("inf")
    for _ in range(3):
        start = time.perf_counter()
        for sentence, published in items:
            extract_dates(sentence, published)
        best = min(best, time.perf_counter() - start)
    return len(items) / best if best > 0 else 0.0


def main(path: Path, *, show_errors: bool = False) -> dict[str, object]:
    groups = load(path)
    errors: list[str] | None = [] if show_errors else None
    result: dict[str, object] = {
        "sentences": len(groups),
        "expressions": sum(1 for rows in groups.values() for row in rows if row["text"]),
        "valued_expressions": sum(1 for rows in groups.values() for row in rows if row["value"]),
        **score(groups, newsweave_dates, errors),
        "baseline_dateparser": score(groups, dateparser_dates),
        "sentences_per_second": round(speed((s, p) for (_, p, s) in groups)),
    }
    heldout = load(path, "heldout")
    if heldout:
        result["heldout"] = {
            "expressions": sum(1 for rows in heldout.values() for row in rows if row["text"]),
            **score(heldout, newsweave_dates),
            "baseline_dateparser": score(heldout, dateparser_dates),
        }
    if errors:
        print("\n".join(errors), file=sys.stderr)
    return result


if __name__ == "__main__":
    arguments = [a for a in sys.argv[1:] if not a.startswith("--")]
    gold_path = Path(arguments[0]) if arguments else DEFAULT_GOLD
    print(json.dumps(main(gold_path, show_errors="--errors" in sys.argv)))
