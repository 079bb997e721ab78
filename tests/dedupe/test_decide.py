from __future__ import annotations

import random

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newsweave.dedupe import (
    DedupeConfig,
    choose_original,
    decide,
    find_copies,
    fingerprint,
    signature,
)
from newsweave.dedupe.synth import exact_copy, near_copy, spin
from newsweave.errors import ConfigError
from newsweave.executors import LocalExecutor
from newsweave.executors.base import partition
from newsweave.model import Article

from .helpers import make_article, seed_texts

NO_REWRITES = DedupeConfig(detect_rewrites=False)


def _corpus() -> list[Article]:
    """The four seeds, and copies of two of them made the ways copies happen."""
    texts = seed_texts()
    rng = random.Random(3)
    base = [
        make_article(f"seed{n}", t, outlet=f"outlet{n}", published="2020-12-15T10:00:00Z")
        for n, t in texts.items()
    ]
    copies = [
        make_article("copy-exact", exact_copy(texts["002"], rng), published="2020-12-16"),
        make_article("copy-cut", near_copy(texts["002"], rng, "truncate"), published="2020-12-16"),
        make_article(
            "copy-junk", near_copy(texts["000"], rng, "furniture"), published="2020-12-17"
        ),
        make_article("copy-edit", near_copy(texts["000"], rng, "edit"), published="2020-12-17"),
    ]
    return base + copies


def test_same_event_reports_by_other_outlets_are_not_copies() -> None:
    # 000, 001 and 002 report the same Kremlin telegram and share its long quote.
    articles = [make_article(f"seed{n}", t) for n, t in seed_texts().items()]
    result = find_copies(articles)
    assert result.links == {}
    assert result.voices == {a.id: a.id for a in articles}


def test_exact_and_near_copies_point_to_their_original() -> None:
    result = find_copies(_corpus(), config=NO_REWRITES)
    kinds = {k: (v.article_id, v.kind) for k, v in result.links.items()}
    assert kinds == {
        "copy-exact": ("seed002", "exact"),
        "copy-cut": ("seed002", "near"),
        "copy-junk": ("seed000", "near"),
        "copy-edit": ("seed000", "near"),
    }
    assert result.links["copy-exact"].similarity == 1.0
    assert result.links["copy-cut"].similarity > 0.9  # contained, though Jaccard is ~0.6
    assert result.voices["copy-cut"] == result.voices["seed002"] == "seed002"
    assert result.voices["seed001"] == "seed001"


@settings(max_examples=15, deadline=None)
@given(seed=st.integers(0, 10_000), size=st.sampled_from([1, 2, 3, 256]))
def test_result_does_not_depend_on_input_order_or_partition_size(seed: int, size: int) -> None:
    articles = _corpus()
    expected = find_copies(articles, config=NO_REWRITES)
    random.Random(seed).shuffle(articles)
    config = DedupeConfig(detect_rewrites=False, partition_size=size)
    assert find_copies(articles, executor=LocalExecutor(), config=config) == expected


def test_chains_collapse_onto_the_groups_original() -> None:
    text = seed_texts()["002"]
    words = text.split()
    articles = [
        make_article("a-full", text, published="2020-12-15"),
        make_article("b-cut", " ".join(words[: len(words) * 3 // 4]), published="2020-12-16"),
        make_article("c-cut-of-cut", " ".join(words[: len(words) // 2]), published="2020-12-17"),
    ]
    result = find_copies(articles, config=NO_REWRITES)
    assert {k: v.article_id for k, v in result.links.items()} == {
        "b-cut": "a-full",
        "c-cut-of-cut": "a-full",
    }


def test_original_is_credited_then_earliest_then_longest_then_smallest_id() -> None:
    text = seed_texts()["001"]
    longer = text + "\n\nAn extra closing paragraph added by the second outlet for its readers."
    wire = make_article("z", text, outlet="Reuters", published="2020-12-16")
    early = make_article("y", longer, outlet="Daily", published="2020-12-15", origin="Reuters")
    assert choose_original([wire, early]).id == "z"
    plain = make_article("y", longer, outlet="Daily", published="2020-12-15")
    assert choose_original([wire, plain]).id == "y"
    undated = [make_article("b", longer), make_article("a", text)]
    assert choose_original(undated).id == "b"
    assert choose_original([make_article("b", text), make_article("a", text)]).id == "a"


def test_empty_and_duplicate_articles_are_handled() -> None:
    text = seed_texts()["003"]
    articles = [
        make_article("e1", ""),
        make_article("e2", "   "),
        make_article("same", text),
        make_article("same", text),
    ]
    result = find_copies(articles, config=NO_REWRITES)
    assert result.links == {}
    assert result.voices == {"e1": "e1", "e2": "e2", "same": "same"}


def test_stored_fingerprints_are_reused_and_change_nothing() -> None:
    articles = _corpus()
    config = NO_REWRITES
    stored = {
        a.id: fingerprint(a.id, a.text, num_perm=config.num_perm, topic_perm=config.topic_perm)
        for a in articles
    }
    stale = make_article("seed000", "different text now " * 20)
    stored["seed000"] = fingerprint(
        "seed000", stale.text, num_perm=config.num_perm, topic_perm=config.topic_perm
    )
    result = find_copies(articles, config=config, fingerprints=stored)
    assert result == find_copies(articles, config=config)


def test_bad_config_says_what_to_do() -> None:
    with pytest.raises(ConfigError, match="positive divisor"):
        DedupeConfig(bands=30)
    with pytest.raises(ConfigError, match="share between 0 and 1"):
        DedupeConfig(near_jaccard=1.5)


@pytest.mark.slow
def test_spun_rewrite_is_found_and_same_event_reports_are_not() -> None:
    texts = seed_texts()
    rng = random.Random(7)
    articles = [make_article(f"seed{n}", t, published="2020-12-15") for n, t in texts.items()]
    articles.append(make_article("spun", spin(texts["002"], rng), published="2020-12-16"))
    result = find_copies(articles)
    assert set(result.links) == {"spun"}
    link = result.links["spun"]
    assert (link.article_id, link.kind) == ("seed002", "rewritten")
    assert result.embedding in {"minilm-onnx", "hashed-bow"}


def test_public_surface_is_pinned() -> None:
    import newsweave.dedupe

    assert sorted(newsweave.dedupe.__all__) == [
        "CopyResult",
        "DedupeConfig",
        "Fingerprint",
        "choose_original",
        "estimate_jaccard",
        "find_copies",
        "fingerprint",
        "signature",
    ]


def test_fingerprints_round_trip_through_bytes() -> None:
    text = seed_texts()["001"]
    found = fingerprint("x", text, num_perm=128, topic_perm=64)
    assert len(found.signature) == 128 * 8
    assert found.signature_array().dtype.kind == "u"
    assert (found.signature_array() == signature(text)).all()


@pytest.mark.slow
def test_dask_executor_gives_the_local_result() -> None:
    pytest.importorskip("dask.distributed")
    from newsweave.executors import make_executor

    articles = _corpus()
    config = DedupeConfig(detect_rewrites=False, partition_size=3)
    dask = make_executor("dask", workers=1)
    try:
        assert find_copies(articles, executor=dask, config=config) == find_copies(
            articles, config=config
        )
    finally:
        dask.close()


def test_hashed_fallback_embedder_still_finds_a_spun_rewrite(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from newsweave.dedupe import rewrites
    from newsweave.embed import Embedder

    fallback = Embedder(prefer_model=False)
    monkeypatch.setattr(rewrites, "get_embedder", lambda: fallback)
    texts = seed_texts()
    articles = [make_article(f"seed{n}", t, published="2020-12-15") for n, t in texts.items()]
    articles.append(
        make_article("spun", spin(texts["000"], random.Random(5)), published="2020-12-16")
    )
    result = find_copies(articles)
    assert result.embedding == "hashed-bow"
    assert {k: (v.article_id, v.kind) for k, v in result.links.items()} == {
        "spun": ("seed000", "rewritten")
    }


def test_copies_stage_gives_one_outlet_name_per_site_before_counting_voices() -> None:
    import dataclasses

    from newsweave.dedupe.stage import CopiesStage
    from newsweave.pipeline import Corpus

    texts = seed_texts()
    named = dataclasses.replace(
        make_article("a", texts["000"], outlet="KSL"), domain="ksl.com", url="https://ksl.com/1"
    )
    fallback = dataclasses.replace(
        make_article("b", texts["003"], outlet="ksl.com"), domain="ksl.com", url="https://ksl.com/2"
    )
    corpus = CopiesStage().run(Corpus(articles=(named, fallback)), LocalExecutor(workers=1))
    assert [a.outlet for a in corpus.articles] == ["KSL", "KSL"]


class _TwoWorkersHere(LocalExecutor):
    """Partitions as two pool workers get them, run in this process; each call's recorded."""

    def __init__(self) -> None:
        super().__init__(workers=2)
        self.parts: dict[str, list[list[int]]] = {}

    def map_partitions(self, fn, items, *, size=256):  # type: ignore[no-untyped-def]
        parts = partition(items, self._even_size(len(items), size))
        name = getattr(fn, "func", fn).__name__
        self.parts.setdefault(name, []).append([len(part) for part in parts])
        return [result for part in parts for result in fn(part)]


def test_rewrite_candidates_fewer_than_a_partition_are_embedded_by_every_worker(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # 772 ECB+ articles embed 143 candidate texts: in one partition of 256 they ran in the
    # driving process while both workers idled (issue 15).
    monkeypatch.setattr(decide, "_EMBED_PARTITION", 2, raising=False)
    texts = seed_texts()
    articles = [make_article(f"seed{n}", t, published="2020-12-15") for n, t in texts.items()]
    articles += [
        make_article(f"spun{n}", spin(texts["002"], random.Random(n)), published="2020-12-16")
        for n in range(3)
    ]
    executor = _TwoWorkersHere()
    result = find_copies(articles, executor=executor)
    [embedded] = executor.parts["embed_partition"]
    assert len(embedded) >= 2
    assert sum(embedded) < DedupeConfig().partition_size
    assert result == find_copies(articles, executor=LocalExecutor(workers=1))
    assert {link.kind for link in result.links.values()} == {"rewritten"}


def test_rewrite_candidates_linked_through_pairs_are_embedded_next_to_each_other() -> None:
    # Candidates share sentences: a partition holding a linked group embeds them once.
    assert decide._embedding_order([(5, 1), (2, 9), (1, 7), (3, 3)]) == [1, 5, 7, 2, 9, 3]
