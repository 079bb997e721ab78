"""Token coverage is read once per text of a story and shared narration runs once per text of
a process (issue 15): a story's copies repeat sentences verbatim, and one sentence is compared
in many pairs. The same values as reading them for every index and pair (the old computation,
kept here as the oracle)."""

from __future__ import annotations

import itertools

import numpy as np
import pytest

from newsweave.align import claims
from newsweave.align.claims import _SharedRuns, _StoryCoverage
from newsweave.align.coverage import TokenCoverage
from newsweave.dedupe.voices import sentence_runs
from newsweave.embed import get_embedder
from newsweave.model import Evidence

needs_model = pytest.mark.skipif(
    get_embedder().mode != "minilm-onnx", reason="needs the MiniLM ONNX model"
)

TEXTS = [
    "Antoine and Anderson were on the front porch playing with a shotgun, police said.",
    "Police said Antoine accidentally shot Anderson while the two played with a shotgun.",
    "Antoine and Anderson were on the front porch playing with a shotgun, police said.",
    "Anderson was taken to a hospital, where he died.",
    '"He was my best friend," Antoine told officers.',
    "Police said Antoine accidentally shot Anderson while the two played with a shotgun.",
    "...",
    "Anderson was taken to a hospital, where he died.",
]


def _old_directions(coverage: TokenCoverage, a: int, b: int) -> tuple[float, float]:
    """`TokenCoverage.directions` (the claims stage's before session 19): each index encoded,
    each piece weighed, for every pair."""

    def tokens(index: int) -> tuple[np.ndarray, tuple[str, ...]]:
        encoding = coverage.tokenizer.encode(coverage.texts[index])
        ids = np.array([encoding.ids], dtype=np.int64)
        (hidden,) = coverage.session.run(
            None,
            {
                "input_ids": ids,
                "attention_mask": np.ones_like(ids),
                "token_type_ids": np.zeros_like(ids),
            },
        )
        pieces = hidden[0][1:-1].astype(np.float32)
        norms = np.linalg.norm(pieces, axis=1, keepdims=True)
        return pieces / np.clip(norms, 1e-9, None), tuple(encoding.tokens[1:-1])

    vectors_a, pieces_a = tokens(a)
    vectors_b, pieces_b = tokens(b)
    if not pieces_a or not pieces_b:
        return 1.0, 1.0
    similarity = vectors_a @ vectors_b.T
    weights_a = np.array([TokenCoverage._weight(coverage, p) for p in pieces_a])
    weights_b = np.array([TokenCoverage._weight(coverage, p) for p in pieces_b])
    if weights_a.sum() <= 0 or weights_b.sum() <= 0:
        return 1.0, 1.0
    recall = float((similarity.max(axis=1) * weights_a).sum() / weights_a.sum())
    precision = float((similarity.max(axis=0) * weights_b).sum() / weights_b.sum())
    return round(recall, 4), round(precision, 4)


@needs_model
def test_directions_read_once_per_text_are_the_old_ones() -> None:
    coverage = _StoryCoverage.of(TEXTS)
    assert coverage is not None
    runs: list[str] = []
    real = coverage.session.run

    class Session:
        def run(self, names, feed):  # type: ignore[no-untyped-def]
            runs.append("run")
            return real(names, feed)

    coverage.session = Session()
    pairs = list(itertools.permutations(range(len(TEXTS)), 2))
    found = [coverage.directions(a, b) for a, b in pairs]
    # One model pass per distinct text, not per index.
    assert len(runs) == len(set(TEXTS))
    assert found == [_old_directions(coverage, a, b) for a, b in pairs]
    # What a store keeps of the story (its token vectors by text) covers every text read.
    assert {coverage.texts[i] for i in coverage.vectors} == set(TEXTS)


def test_shared_runs_read_once_per_text(monkeypatch: pytest.MonkeyPatch) -> None:
    calls: list[str] = []

    def counting(text: str, run_words: int) -> np.ndarray:
        calls.append(text)
        return sentence_runs(text, run_words)

    monkeypatch.setattr(claims, "sentence_runs", counting)
    claims._runs_of.cache_clear()
    evidence = [Evidence(article_id=f"a{i}", text=t, span=(0, len(t))) for i, t in enumerate(TEXTS)]
    runs = _SharedRuns(evidence, 4)
    found = [runs.of(i) for i in range(len(TEXTS))]
    assert found == [frozenset(int(h) for h in sentence_runs(t, 4)) for t in TEXTS]
    assert sorted(calls) == sorted(set(TEXTS))
    # ... and once per process: another story with those sentences reads none again.
    again = _SharedRuns(evidence[::-1], 4)
    assert [again.of(i) for i in range(len(TEXTS))] == found[::-1]
    assert sorted(calls) == sorted(set(TEXTS))
    claims._runs_of.cache_clear()
