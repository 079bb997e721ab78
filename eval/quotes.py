"""Score quote extraction and speaker attribution against hand-annotated passages.

Usage: python eval/quotes.py [GOLD]   (default: eval/data/quotes_gold.jsonl)

Gold: one JSON object per line, {"doc", "split", "passage", "quotes": [{"text", "speaker",
"kind"}]}. `split` is "dev" for passages looked at while the rules were written (the seeds and
the first 70 ECB+ paragraphs) and "test" for passages annotated afterwards and never tuned on.
Each passage is run as one article (entities extracted over all passages together). A system
quote matches a gold quote of the same kind when at least half of the shorter one's words are
in the other (one-to-one, greedy by overlap). Speaker accuracy is over matched direct quotes:
correct when the system's speaker (entity name, its aliases, or the text as written) shares a
name word with the gold speaker, or both are null. Prints one JSON line, for spaCy and rules.
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

from newsweave.extract.entities import EntityConfig, extract_entities
from newsweave.extract.quotes import extract_quotes
from newsweave.model import Article

OVERLAP_MIN = 0.5
_WORD = re.compile(r"[\w’']+")
_SKIP = {"the", "a", "an", "of", "mr", "mrs", "ms", "dr", "president", "s"}


def _words(text: str) -> list[str]:
    return [w.lower() for w in _WORD.findall(text)]


def _overlap(a: str, b: str) -> float:
    wa, wb = _words(a), _words(b)
    if not wa or not wb:
        return 0.0
    small, large = (wa, wb) if len(wa) <= len(wb) else (wb, wa)
    pool = set(large)
    return sum(1 for w in small if w in pool) / len(small)


def _names(text: str | None) -> set[str]:
    return {w for w in _words(text or "") if w not in _SKIP and len(w) > 1}


def score(
    gold_path: Path, *, use_model: bool, split: str | None = None
) -> dict[str, float | int | str]:
    """Metrics over the passages of `split` ("dev", "test") or over all of them."""
    rows = [
        json.loads(line)
        for line in gold_path.read_text(encoding="utf-8").splitlines()
        if line.strip()
    ]
    rows = [row for row in rows if split is None or row.get("split", "dev") == split]
    articles = [
        Article(
            id=f"p{i:04d}",
            source=row["doc"],
            url=None,
            outlet=None,
            domain=None,
            title="",
            published=None,
            published_basis="unknown",
            language="en",
            text=row["passage"],
        )
        for i, row in enumerate(rows)
    ]
    result = extract_entities(articles, config=EntityConfig(use_model=use_model))
    entity_names = {e.id: {e.name, *e.aliases} for e in result.entities}
    counts = {"direct": [0, 0, 0], "indirect": [0, 0, 0]}  # tp, system, gold
    speaker_ok = speaker_n = 0
    for article, row in zip(articles, rows, strict=True):
        system = list(extract_quotes(article, result))
        for kind in ("direct", "indirect"):
            gold = [q for q in row["quotes"] if q.get("kind", "direct") == kind]
            mine = [q for q in system if q.kind == kind]
            counts[kind][1] += len(mine)
            counts[kind][2] += len(gold)
            pairs = sorted(
                (
                    (_overlap(g["text"], m.text), gi, mi)
                    for gi, g in enumerate(gold)
                    for mi, m in enumerate(mine)
                ),
                reverse=True,
            )
            used_g: set[int] = set()
            used_m: set[int] = set()
            for value, gi, mi in pairs:
                if value < OVERLAP_MIN or gi in used_g or mi in used_m:
                    continue
                used_g.add(gi)
                used_m.add(mi)
                counts[kind][0] += 1
                if kind != "direct":
                    continue
                speaker_n += 1
                gold_speaker = gold[gi].get("speaker")
                found = mine[mi]
                predicted = set()
                if found.speaker_id:
                    for name in entity_names.get(found.speaker_id, set()):
                        predicted |= _names(name)
                elif found.speaker_text and found.speaker_text.lower() not in {
                    "he",
                    "she",
                    "they",
                    "it",
                    "i",
                    "we",
                }:
                    predicted = _names(found.speaker_text)
                if gold_speaker is None:
                    speaker_ok += int(not predicted)
                else:
                    speaker_ok += int(bool(predicted & _names(gold_speaker)))
    out: dict[str, float | int | str] = {"mode": result.mode, "passages": len(rows)}
    for kind, (tp, n_sys, n_gold) in counts.items():
        p = tp / n_sys if n_sys else 0.0
        r = tp / n_gold if n_gold else 0.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        out.update(
            {
                f"{kind}_p": round(p, 3),
                f"{kind}_r": round(r, 3),
                f"{kind}_f1": round(f, 3),
                f"{kind}_gold": n_gold,
            }
        )
    out["speaker_accuracy"] = round(speaker_ok / speaker_n, 3) if speaker_n else 0.0
    out["speaker_n"] = speaker_n
    return out


def main(argv: list[str]) -> None:
    gold = Path(argv[1]) if len(argv) > 1 else Path(__file__).parent / "data" / "quotes_gold.jsonl"
    out = {
        f"{mode}_{split or 'all'}": score(gold, use_model=mode == "spacy", split=split)
        for mode in ("spacy", "rules")
        for split in (None, "dev", "test", "heldout")
    }
    print(json.dumps(out, sort_keys=True))


if __name__ == "__main__":
    main(sys.argv)
