"""Storylines say why their stories are linked, and the report schema accepts it."""

from __future__ import annotations

import json

import pytest

from newsweave import __version__
from newsweave.model import Report, Story, Storyline, StoryLink
from newsweave.report.json import report_to_dict
from tests.conftest import shared_path


def test_storyline_links_validate_against_the_report_schema() -> None:
    jsonschema = pytest.importorskip("jsonschema")
    schema = json.loads(shared_path("spec", "report.schema.json").read_text(encoding="utf-8"))
    stories = (
        Story(id="s-1", title="Vote", article_ids=("a-1",), storyline_id="l-1"),
        Story(id="s-2", title="Certification", article_ids=("a-2",), storyline_id="l-1"),
    )
    link = StoryLink(
        story_ids=("s-1", "s-2"), shared=("joe biden", "electoral"), gap_days=37, similarity=0.53
    )
    line = Storyline(id="l-1", title="Vote", story_ids=("s-1", "s-2"), links=(link,))
    report = Report(version=__version__, stories=stories, storylines=(line,))
    plain = report_to_dict(report)
    jsonschema.validate(plain, schema)
    assert plain["storylines"][0]["links"][0]["shared"] == ["joe biden", "electoral"]
    assert plain["storylines"][0]["links"][0]["gap_days"] == 37


def test_shared_words_are_shown_as_the_articles_write_them() -> None:
    from newsweave.cluster.storylines import surface_words

    texts = ["Endangered species: Nichols sentenced", "The species act; endangered, endangering"]
    assert surface_words(["specy", "sentenc", "endanger", "nichol", "absent"], texts) == {
        "specy": "species",
        "sentenc": "sentenced",
        "endanger": "endangered",
        "nichol": "nichols",
    }
    assert surface_words([], texts) == {}
