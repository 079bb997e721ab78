"""The speaker scorer looks for a gold quote's words at every place they are printed (session
20): a subheadline or an unquoted sentence may print them before the quote itself ('… is found
"cowering in a bathtub" …' above '"cowering in a bathtub," Sheriff Lee Baca said', ECB+
16_7ecbplus)."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def _load_eval():  # type: ignore[no-untyped-def]
    sys.path.insert(0, str(ROOT / "eval"))
    spec = importlib.util.spec_from_file_location("eval_quotes_places", ROOT / "eval" / "quotes.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_every_place_the_words_are_printed_in_order() -> None:
    text = (
        "A parolee is found 'cowering in a bathtub' near the house.\n\n"
        'He was found "cowering in a bathtub," Sheriff Lee Baca said.'
    )
    module = _load_eval()
    places = module._places(text, "cowering in a bathtub")
    assert places == [text.find("cowering"), text.rfind("cowering")]
    assert module._places(text, "not printed") == []
