"""The conflict scorer holds a labelled figure through any sentence of the labelled article
that states it in the same framing words (session 27): the Daily Mail prints "Zurana Horton,
34, a mother of 12" in its standfirst (the labelled sentence) and again in its body, and the
report cites the body sentence against NewsOne's "Mother of 13" (ECB+ 33_ecbplus, q110)."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]

STANDFIRST = (
    "Zurana Horton, 34, a mother of 12, was fatally shot in 2011 while picking up her "
    "daughter, 11, from school"
)
BODY = (
    "This frightening surveillance video was presented at the Brooklyn Supreme Court on "
    "Thursday during the trial of two men accused in killing Zurana Horton, 34, a mother of "
    "12, in 2011 and wounding two others, including an 11-year-old girl."
)


def _load_eval():  # type: ignore[no-untyped-def]
    sys.path.insert(0, str(ROOT / "eval"))
    spec = importlib.util.spec_from_file_location(
        "eval_conflicts_matcher", ROOT / "eval" / "conflicts.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _side(sentence: str, figure: str, after: str = "") -> dict[str, Any]:
    start = sentence.index(figure + after)
    return {"sentence": sentence, "span": [start, start + len(figure)], "article": "x"}


def test_a_figure_is_framed_by_the_two_words_before_it_in_its_clause() -> None:
    module = _load_eval()
    assert module._figure_phrase(_side(STANDFIRST, "12", ",")) == "mother of 12"
    # The clause starts at the comma: the words after the figure frame it instead.
    assert module._figure_phrase(_side("Deaths, 10 people in all.", "10")) == "10 people in"
    # A figure its clause gives no two words is no phrase: its sentence alone holds it.
    assert module._figure_phrase(_side("Killed: 10.", "10")) is None


def test_another_sentence_holds_the_figure_only_in_the_same_words() -> None:
    module = _load_eval()
    phrase = module._figure_phrase(_side(STANDFIRST, "12", ","))
    assert module._states_figure(BODY, phrase)
    assert not module._states_figure("She leaves a son of 12 and a mother of two.", phrase)
    assert not module._states_figure("Horton was a mother of 120 children's charity.", phrase)
