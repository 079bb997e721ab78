"""The claims stage reads the token vectors its support checks will need in batches, before the
checks (`_StoryCoverage.read_ahead`, issue 15): one model run per sentence cost more than a
padded batch of them. The rows are the same float32 bytes as one run each (padding is masked),
so the directions and the claims are the same."""

from __future__ import annotations

import pytest

from newsweave.align import claims
from newsweave.align.claims import ClaimConfig, SentenceReadings, _align_story, _StoryCoverage
from newsweave.align.coverage import TokenCoverage
from newsweave.embed import MAX_TOKENS, get_embedder
from newsweave.products import Aid
from tests.align.test_claims_readings import _story_groups

needs_model = pytest.mark.skipif(
    get_embedder().mode != "minilm-onnx", reason="needs the MiniLM ONNX model"
)

LONG = " ".join(["Police said the two teenagers were playing with a shotgun on the porch."] * 30)
TEXTS = [
    "Anderson was taken to a hospital, where he died.",
    "Police said Antoine accidentally shot Anderson while the two played with a shotgun.",
    "...",
    LONG,  # past the model's input limit: truncated, and alone in its batch
    "Anderson was taken to a hospital, where he died.",
    '"He was my best friend," Antoine told officers on Thursday night.',
    "Neighbours described the family as quiet.",
]


def _counted(coverage: TokenCoverage) -> list[int]:
    """The batch size of each model run of `coverage` from now on."""
    runs: list[int] = []
    real = coverage.session.run

    class Session:
        def run(self, names, feed):  # type: ignore[no-untyped-def]
            runs.append(len(feed["input_ids"]))
            return real(names, feed)

    coverage.session = Session()
    return runs


@needs_model
def test_vectors_read_ahead_in_batches_are_those_of_one_run_each() -> None:
    assert len(get_embedder().token_model[1].encode(LONG).ids) == MAX_TOKENS  # type: ignore[index]
    ahead = _StoryCoverage.of(TEXTS)
    assert ahead is not None
    runs = _counted(ahead)
    ahead.read_ahead([6, 0, 1, 2, 3, 4, 5, 0])
    assert sorted(runs) == [1, len(set(TEXTS)) - 1]  # the long one alone, the rest padded
    alone = TokenCoverage.of(TEXTS)
    assert alone is not None
    for index in range(len(TEXTS)):
        (vectors, pieces), (one, one_pieces) = ahead._tokens(index), alone._tokens(index)
        assert pieces == one_pieces
        assert vectors.dtype == one.dtype and vectors.shape == one.shape
        assert vectors.tobytes() == one.tobytes()
    ahead.read_ahead(range(len(TEXTS)))  # all held: no run
    assert len(runs) == 2


@needs_model
def test_a_story_reads_its_token_vectors_ahead_to_the_same_claims(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    [(story_id, members)] = _story_groups().items()
    config = ClaimConfig()
    one_each: list[int] = []
    real_tokens = TokenCoverage._tokens

    def counting(self: TokenCoverage, index: int) -> claims.TokenVectors:
        one_each.append(index)
        return real_tokens(self, index)

    monkeypatch.setattr(TokenCoverage, "_tokens", counting)
    ahead = _align_story(story_id, [*members, Aid(SentenceReadings())], config=config)
    # Every sentence the support checks compare was read in a batch, none in a run of its own.
    assert one_each == []
    monkeypatch.setattr(_StoryCoverage, "read_ahead", lambda self, indices: None)
    lazily = _align_story(story_id, [*members, Aid(SentenceReadings())], config=config)
    assert one_each  # the seed story's support checks do ask for token vectors
    assert ahead[:2] == lazily[:2]
    # The token vectors kept for a later run: of the same sentences, the same bytes.
    kept, read = (_tokens_kept(found[2]) for found in (ahead, lazily))
    assert kept == read and kept


def _tokens_kept(aid: object) -> list[tuple[str, bytes, tuple[str, ...]]]:
    assert isinstance(aid, Aid) and isinstance(aid.value, SentenceReadings)
    return [(text, v.tobytes(), pieces) for text, (v, pieces) in aid.value.tokens]
