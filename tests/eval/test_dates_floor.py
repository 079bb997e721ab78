"""Evaluation gate: extract_dates on the hand-annotated gold (eval/data/dates_gold.jsonl)."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
GOLD = REPO / "eval" / "data" / "dates_gold.jsonl"

# Floors a few points under the measured values (docs/evaluation.md, "Dates"): mention F1
# 1.000 and value F1 0.973 on all lines, value F1 0.951 on the 41 held-out values (one error
# there costs 2.4 points). Lower them only on purpose.
MENTION_F1_FLOOR = 0.95
VALUE_F1_FLOOR = 0.92
HELDOUT_VALUE_F1_FLOOR = 0.88


@pytest.mark.slow
def test_dates_eval_stays_above_floor() -> None:
    if not GOLD.exists():
        pytest.skip(f"{GOLD} is not present")
    spec = importlib.util.spec_from_file_location("eval_dates", REPO / "eval" / "dates.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # its dataclasses look their module up there
    spec.loader.exec_module(module)
    groups = module.load(GOLD)
    result = module.score(groups, module.newsweave_dates)
    assert result["mention_f1"] >= MENTION_F1_FLOOR
    assert result["value_f1"] >= VALUE_F1_FLOOR
    baseline = module.score(groups, module.harness.dateparser_dates)
    assert result["value_f1"] > baseline["value_f1"]
    heldout = module.score(module.load(GOLD, "heldout"), module.newsweave_dates)
    assert heldout["value_f1"] >= HELDOUT_VALUE_F1_FLOOR


# The grammar alone on TimeBank + AQUAINT (raw text, creation date as publication date): value
# F1 0.825 on half A (errors read while extending the grammar) and 0.815 on half B (not read),
# measured with `python eval/timebank.py`'s scorer. The shipped-path figures are in
# docs/evaluation.md; this gate keeps the grammar from sliding back.
TIMEBANK_HALF_FLOOR = 0.79


@pytest.mark.slow
def test_timebank_grammar_value_f1_stays_above_floor() -> None:
    spec = importlib.util.spec_from_file_location("eval_timebank", REPO / "eval" / "timebank.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    loaded = module.load()
    if loaded is None:
        pytest.skip("../shared/eval/timebank is not present")
    from newsweave.extract.dates import extract_dates

    articles, gold = loaded
    counts = {"A": module.Counts(), "B": module.Counts()}
    for article in articles:
        timexes = sorted(gold[article["id"]]["timexes"], key=lambda t: t["start"])
        mentions = [
            module.Mention(m.span, m.value, m.text)
            for m in extract_dates(article["text"], article["published"])
        ]
        starts = [t["start"] for t in timexes]
        found = module.score_doc(timexes, starts, mentions, None, article["text"])
        counts[module.half(article["id"])].add(found)
    assert counts["A"].f1() >= TIMEBANK_HALF_FLOOR
    assert counts["B"].f1() >= TIMEBANK_HALF_FLOOR
