"""One outlet is one voice: two reports of one newsroom never corroborate each other."""

from __future__ import annotations

import dataclasses
import json
from pathlib import Path

import newsweave
from newsweave.dedupe.stage import one_voice_per_outlet
from newsweave.executors import LocalExecutor
from tests.dedupe.helpers import make_article, seed_texts


def test_articles_of_one_outlet_share_the_smallest_voice() -> None:
    articles = [
        make_article("x", "", outlet="NBC New York"),
        make_article("y", "", outlet="nbc new york"),
        make_article("z", "", outlet="ABC7"),
        make_article("d", "", outlet="ABC7"),
        make_article("c", "", outlet="Yahoo"),  # a copy of z: speaks with z's voice
        make_article("w", ""),  # no outlet, no domain: its own voice
        make_article("v", ""),
    ]
    voices = {"x": "x", "y": "y", "z": "z", "d": "d", "c": "z", "w": "w", "v": "v"}
    assert one_voice_per_outlet(articles, voices) == {
        "x": "x",
        "y": "x",
        "z": "d",
        "d": "d",
        "c": "d",  # the copy follows its original's voice into ABC7's
        "w": "w",
        "v": "v",
    }


def test_the_domain_stands_for_an_unnamed_outlet() -> None:
    first = dataclasses.replace(make_article("a", ""), domain="trend.az")
    second = dataclasses.replace(make_article("b", ""), domain="trend.az")
    assert one_voice_per_outlet([first, second], {"a": "a", "b": "b"}) == {"a": "a", "b": "a"}


def _corroborated(tmp_path: Path, urls: list[str]) -> dict[str, set[str]]:
    """Corroborated claims of the three 15 December seed reports at `urls`: text -> the last
    path parts of the urls of the reports that state it."""
    texts = seed_texts()
    path = tmp_path / "seeds.jsonl"
    records = [
        {"id": key, "text": texts[key], "url": url}
        for key, url in zip(("000", "001", "002"), urls, strict=True)
    ]
    path.write_text("\n".join(json.dumps(r) for r in records) + "\n", encoding="utf-8")
    report = newsweave.analyze([path], executor=LocalExecutor(workers=1))
    record_of = {a.id: a.url.rsplit("/", 1)[-1] for a in report.articles if a.url}
    return {
        c.text: {record_of[e.article_id] for e in c.support}
        for c in report.claims
        if c.status == "corroborated"
    }


def test_two_reports_of_one_outlet_do_not_corroborate_each_other(tmp_path: Path) -> None:
    # Reserved names such as example.com have no registrable domain: real-looking hosts.
    apart = _corroborated(
        tmp_path, ["https://www.nbcnewyork.com/a", "https://www.wcax.com/b", "https://abc7ny.com/c"]
    )
    together = _corroborated(
        tmp_path,
        ["https://www.nbcnewyork.com/a", "https://www.nbcnewyork.com/b", "https://abc7ny.com/c"],
    )
    # Claims backed by the first two reports only: corroborated when two outlets wrote them,
    # single-source when one outlet did.
    by_first_two = {text for text, backers in apart.items() if backers == {"a", "b"}}
    assert by_first_two
    assert not by_first_two & set(together)
