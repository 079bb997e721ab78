"""Two figures of one named person's standing, told two ways (ECB+ 31_ecbplus, read on split
fresh19's misses in session 17):
- the record a named person holds: "Rodney Buford's school scoring record of 2,116 points" vs
  "Rodney Buford's scoring record of 2,106";
- a named person's running total at the telling: "McDermott now has 2,129 points" vs
  "McDermott now has 2,029 points in 106 games".

The figure rules read such numbers as counts of no named thing, so this rule reads the two
narrow patterns itself and says less whenever it can:
- the record is written as the person's own ("Buford's ... record of N"), at most three words
  between the name and "record";
- a total is "NAME (, an apposition,) now has N NOUN", compared only between counts of one noun
  and only when every sentence that holds it is of one publication day (or undated): a total
  told on two days is a series, not a dispute;
- two independent voices, two values, and no voice writes both (`two_forms_conflict`).
Read over every ECB+ and GVC story (each article its own voice), it finds 6 records and 6
totals, and reports two conflicts, the two above; every other pair agrees.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Sequence

from newsweave.align.conflict_base import Statement
from newsweave.align.place_conflicts import two_forms_conflict
from newsweave.model import Conflict

__all__ = ["held_records", "record_conflicts", "running_totals"]

_NAME = r"(?P<name>[A-Z][a-z]{1,20}(?:[A-Z][a-z]{1,20})?)"
_NUMBER = r"(?P<count>\d{1,3}(?:,\d{3}){0,3})"
_RECORD = re.compile(
    _NAME
    + r"(?:'s|\u2019s)\s{1,3}(?:[a-z]{1,12}\s{1,3}){0,3}record\s{1,3}of\s{1,3}"
    + _NUMBER
    + r"\b(?![.,]\d)"
)
_TOTAL = re.compile(
    r"\b"
    + _NAME
    + r"(?:,[^,]{1,30},)?\s{1,3}now\s{1,3}has\s{1,3}"
    + _NUMBER
    + r"\s{1,3}(?:career\s{1,3})?(?P<noun>[a-z]{2,20})\b"
)


def _value(count: str) -> str:
    return f"{int(count.replace(',', '')):,}"


def held_records(text: str) -> list[tuple[str, str]]:
    """(name, value) of each record the sentence says a named person holds."""
    return [(m["name"], _value(m["count"])) for m in _RECORD.finditer(text)]


def running_totals(text: str) -> list[tuple[str, str, str]]:
    """(name, noun, value) of each running total the sentence gives a named person."""
    return [(m["name"], m["noun"], _value(m["count"])) for m in _TOTAL.finditer(text)]


def record_conflicts(story_id: str, statements: Sequence[Statement]) -> list[Conflict]:
    """Conflicts (basis "number") on a named person's record or running total."""
    records: dict[str, dict[str, list[int]]] = defaultdict(lambda: defaultdict(list))
    totals: dict[tuple[str, str], dict[str, list[int]]] = defaultdict(lambda: defaultdict(list))
    for index, statement in enumerate(statements):
        text = statement.evidence.text
        for name, value in held_records(text):
            records[name][value].append(index)
        for name, noun, value in running_totals(text):
            totals[(name, noun)][value].append(index)
    out: list[Conflict] = []
    for name, forms in sorted(records.items()):
        out += two_forms_conflict(
            story_id, f"the record {name} holds", dict(forms), statements, mentions=False,
            basis="number",
        )  # fmt: skip
    for (name, noun), forms in sorted(totals.items()):
        days = {statements[i].day for held in forms.values() for i in held} - {""}
        if len(days) > 1:
            continue  # a total told on two days is a series
        out += two_forms_conflict(
            story_id, f"{name}'s total {noun}", dict(forms), statements, mentions=False,
            basis="number",
        )  # fmt: skip
    return out
