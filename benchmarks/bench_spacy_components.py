"""Benchmark: spaCy CPU with the components loaded before `NER_ONLY`, and with NER only.

    python benchmarks/bench_spacy_components.py [N]

On every third ECB+ article (the first N, default 200; `../shared/eval/ecbplus`), runs the two
ways newsweave uses spaCy NER: story features (whole texts, batch 32) and mentions (paragraphs,
batch 64). "Before" is the pipeline as it was loaded until `NER_ONLY` (parser and lemmatizer off;
mentions also turned tagger and attribute_ruler off per call); "NER only" is
`load_spacy(exclude=NER_ONLY)`. Prints CPU seconds of each and whether every entity (start, end,
label) is identical.
"""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path
from typing import Any

from newsweave.extract.mentions import paragraphs
from newsweave.nlp import NER_ONLY, load_spacy

SHARED = Path(__file__).resolve().parents[2] / "shared" / "eval" / "ecbplus" / "articles.jsonl"


def _entities(
    nlp: Any, texts: list[str], batch_size: int, disable: tuple[str, ...] = ()
) -> tuple[list[list[tuple[int, int, str]]], float]:
    start = time.process_time()
    found = [
        [(e.start_char, e.end_char, e.label_) for e in doc.ents]
        for doc in nlp.pipe(texts, batch_size=batch_size, disable=list(disable))
    ]
    return found, time.process_time() - start


def main() -> None:
    size = int(sys.argv[1]) if len(sys.argv) > 1 else 200
    if not SHARED.exists():
        sys.exit(f"{SHARED} is not present")
    lines = SHARED.read_text(encoding="utf-8").splitlines()
    texts = [json.loads(line)["text"] for line in lines[::3][:size]]
    pieces = [piece for text in texts for _, piece in paragraphs(text)]
    before = load_spacy(disable=("parser", "lemmatizer"))
    after = load_spacy(exclude=NER_ONLY)
    if before is None or after is None:
        sys.exit("spaCy or its English model is not installed")
    _entities(before, pieces[:50], 64)  # warm both up
    _entities(after, pieces[:50], 64)
    rows = []
    for label, items, batch, skip in (
        ("story features (whole texts)", texts, 32, ()),
        ("mentions (paragraphs)", pieces, 64, ("tagger", "attribute_ruler")),
    ):
        old, old_cpu = _entities(before, items, batch, skip)
        new, new_cpu = _entities(after, items, batch)
        rows.append(
            {
                "use": label,
                "texts": len(items),
                "before_cpu_s": round(old_cpu, 2),
                "ner_only_cpu_s": round(new_cpu, 2),
                "change": f"{new_cpu / old_cpu - 1:+.0%}",
                "identical_entities": old == new,
            }
        )
    print(json.dumps({"articles": len(texts), "before_pipes": before.pipe_names, "rows": rows}))


if __name__ == "__main__":
    main()
