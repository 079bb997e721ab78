from __future__ import annotations

import json

import jsonschema

from newsweave.report.json import dumps, report_to_dict
from tests.conftest import shared_path
from tests.report.sample import sample_report


def test_sample_report_validates_against_the_schema() -> None:
    schema = json.loads(shared_path("spec", "report.schema.json").read_text(encoding="utf-8"))
    jsonschema.validate(report_to_dict(sample_report()), schema)


def test_json_is_byte_identical_for_the_same_report() -> None:
    assert dumps(sample_report()) == dumps(sample_report())


def test_json_keeps_non_ascii_text_readable() -> None:
    assert "“I am ready for interaction.”" in dumps(sample_report())


def test_evidence_spans_point_at_their_text() -> None:
    report = sample_report()
    texts = {a.id: a.text for a in report.articles}
    for claim in report.claims:
        for item in claim.support:
            assert texts[item.article_id][item.span[0] : item.span[1]] == item.text
