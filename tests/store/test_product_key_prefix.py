"""`product_key` hashes a kept prefix state and then the item (session 18): the same key as
hashing `repr((kind, options, signature, canonical(item)))` whole, as every kept store's keys
were made."""

from __future__ import annotations

import hashlib
import random

import numpy as np

from newsweave.model import Article, Evidence
from newsweave.products import canonical, product_key


def _old_key(kind: str, options: str, signature: str, item: object) -> bytes:
    text = repr((kind, options, signature, canonical(item)))
    return hashlib.blake2b(text.encode("utf-8", "surrogatepass"), digest_size=20).digest()


_PIECES = ["a", "'", '"', "\\", "\n", "é", "漢", "\U0001f600", "\ud800", ", ", ")", "(", " "]


def _text(rng: random.Random) -> str:
    return "".join(rng.choice(_PIECES) for _ in range(rng.randint(0, 12)))


def _item(rng: random.Random, depth: int = 0) -> object:
    pick = rng.randrange(8 if depth < 3 else 4)
    if pick == 0:
        return _text(rng)
    if pick == 1:
        return rng.choice([0, -1, 2**70, 1.5, -0.0, float("inf"), True, None, b"\x00'"])
    if pick == 2:
        return Evidence(article_id=_text(rng), text=_text(rng), span=(0, rng.randint(0, 9)))
    if pick == 3:
        return np.arange(rng.randint(0, 5), dtype=np.float32) * rng.random()
    if pick == 4:
        return tuple(_item(rng, depth + 1) for _ in range(rng.randint(0, 3)))
    if pick == 5:
        return [_item(rng, depth + 1) for _ in range(rng.randint(0, 3))]
    if pick == 6:
        return {_text(rng): _item(rng, depth + 1) for _ in range(rng.randint(0, 3))}
    return frozenset(_text(rng) for _ in range(rng.randint(0, 3)))


def test_product_keys_are_the_hash_of_the_whole_repr() -> None:
    rng = random.Random(18)
    kinds = [(_text(rng), _text(rng), _text(rng)) for _ in range(10)]
    kinds.append(("sentence-parse", repr((1, "ab12")), "newsweave=0.1;embedder=onnx"))
    for _ in range(3000):
        kind, options, signature = rng.choice(kinds)
        item = _item(rng)
        assert product_key(kind, options, signature, item) == _old_key(
            kind, options, signature, item
        )


def test_an_article_and_a_group_keep_their_keys() -> None:
    article = Article(
        id="a1", source="s", url=None, outlet="O", domain="o.com", title="T", published=None,
        published_basis="unknown", language="en", text="Text with \u2019 and \ud83d.",
    )  # fmt: skip
    for item in (article, ("story", [article, (1, "x")]), "plain", ()):
        assert product_key("k", "o", "s", item) == _old_key("k", "o", "s", item)
    # One kind's kept prefix never leaks into another's key.
    assert product_key("k", "o", "s", "x") != product_key("k", "o", "t", "x")
    assert product_key("k", "o", "s", "x") != product_key("k", "o2", "s", "x")
