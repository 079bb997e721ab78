"""Single-source claims: how often another article of the story does state them (issue 11).

Usage: python eval/single_source.py [--show]

The support rule that makes a claim corroborated is strict both ways (eval/claims.py: same-
statement precision 0.968, recall 0.423 on the labelled test pairs), so a claim no other article
matched is not a claim only one outlet makes. Since session 21 a single-source claim carries the
close sentences of other voices it was not matched with (`Claim.near_elsewhere`: a candidate
pair scoring above `ClaimConfig.threshold`, the aligner's own, untuned here) and the report says
"not matched elsewhere" for it, "single-source" only for one that nothing of another voice comes
near.

Labelled data: `eval/data/single_source_labels.jsonl` (guideline: eval/README_annotation.md,
"Single-source claims"), a fixed set since session 23: each row names its sentence (story,
record id, span into the record's text, text hash) and the figures read what the product now
says of that sentence (the status of the claim whose cited sentences hold it: single-source,
"not matched elsewhere" or corroborated), so two commits are scored on the same claims; a
labelled sentence the output no longer holds (a split moved) counts against the coverage, and a
claim no row names is never judged (`--show` prints each row's verdict and the seeded draw's
unlabelled claims for the labeller). Stories: a seeded sample (random.Random(21)) of 4 of the 17
ECB+ events of 2+ articles that no claim label (claim_pairs.jsonl, eval/claims.py's splits)
names; GVC has no such incident. Of each story's single-source claims, a seeded sample of 12 (by
claim id) was read on the output of the session-21 commit that added the field, before any
figure was run: each claim against every sentence the labeller was shown of the story's other
articles (its `near_elsewhere` and the 5 sentences of other voices closest by MiniLM cosine),
`elsewhere` true when one of them states the claim (the guideline's `same`), false when none
does. Limit: a sentence stating the claim in words far from it (cosine below the 5 closest) is
missed, so the figures count stated-elsewhere claims from below.

Figures, per label: the share of claims so labelled that no other article states (the label's
precision; for "not matched elsewhere" the share another article does state is 1 minus it), and
of the labelled claims another article states, the share the report corroborates (with how many
corroborated ones are labelled as stated nowhere else, which should be none). Baseline: every
single-source claim called "single-source", the wording before session 21.

Session 22 (helper-161): the 19 "not matched elsewhere" claims that another article states were
read against the sentences that state them, with what the support rule decides of each pair
(`ClaimScorer.states`, both directions). 8 are stated in part: the other sentence says less, or
each says something the other lacks (the magnitude, the time, a second injured village) - the
guideline's "extra detail on one side", which the support rule refuses by design
(`support_part_coverage`, the token coverage both ways). 5 are stated whole by a longer
sentence ("The same island was hit by a 6.1 quake in September" in "A powerful quake with a
magnitude of 6.1 struck southern Iran in September ... near Qeshm island ..."; "Saints put Bush
on I.R." in "The Saints placed running back Reggie Bush on injured reserve ..."). 3 fail on the
polarity veto, both sides denying one thing in other words ("without parole" / "with no chance
of parole"): `similarity.polarity_clash` now reads each cue within its clause (eval/claims.py,
session 22). 1 fails on the dates veto (a follow-up published ten days later dates "on
Saturday" to the Saturday before its own day: the dates stage's reading), 1 is a quote told in
other words ("I don't think Brian Nichols won" / "I believe Brian Nichols did not win"), and in
1 the aligner grouped the stating sentence with others that the support rule takes while the
claim stayed apart. A one-way inclusion test for the whole-statement kind (the claim's content
found in the other sentence, `support_token_coverage`'s claim direction alone at 0.62, every
other check on) was tried on the 41 claims and not built: it corroborates 4 stated-elsewhere
claims and 3 that no other article states ("is due in court over the murders" by "has been
charged with the murder"; "It sounded like the screams of a dog" by "It sounded like someone
telling a dog to shut up"). The polarity rule was read from these labels (made before it), so
this split is no longer untouched for it; eval/claims.py's fresh splits are the untouched check.
With it two of the three are corroborated ("He was a good kid, never one of those to go out
and get into trouble" with the other outlet's "John was a good kid ..."; "... sentenced Saturday
to prison for life without parole and hundreds of years more" now cited by the claim "A judge on
Saturday sentenced the man ... to multiple life sentences with no chance of parole ..."); the
third ("not having surgery" / "does not require surgery") still fails on the score and the
actors. The seeded sample is drawn from the single-source claims, so one claim leaving each of
32_ecbplus and 3_ecb drew 20 other claims into it: they were labelled the same way (session 22
rows), 6 of them stated elsewhere.

Session 23 (helper-165): the sample is frozen. Until then it was a seeded draw over the current
single-source claims (`random.Random(21).sample` of 12 per story, by claim id), redrawn whenever
a story's single-source claims changed, so figures of two commits were of different claims: at
b313448 (session 21) "not matched elsewhere" 0.537 (22 of 41), "single-source" 1.000 (7),
baseline 0.604; at 5844b41 (session 22) 0.550 (22 of 40), 1.000 (8), baseline 0.625 (`git show
b4ad64c:eval/single_source.py` is the last such script, and gives them at those commits). The
frozen set is every row labelled by then (68: the 48 of session 21's draw and the 20 session
22's draw added), each located by record and span in de95fe5's output, where the frozen figures
are "not matched elsewhere" 0.589 (33 of 56), "single-source" 1.000 (10), baseline 0.652, and 2
of the 25 stated-elsewhere claims corroborated.

The whole-statement rule issue 11 asked for was built and not landed (branch helper-165, commit
1f2e540): a single-source claim corroborated by a close sentence of another voice in which every
content word of the claim has a counterpart (the same stem, figure, date or entity, or a MiniLM
word vector at 0.7 or closer), with at least 4 content words and every veto of the support rule.
On these rows it corroborates 1 of the 23 stated-elsewhere claims the report calls "not matched
elsewhere" ("Houses in two villages were also reported damaged"; at 0.65 also "The same island
was hit by a 6.1 quake", hit / struck 0.69, with one `related` tuning pair); on the test half it
cites two sentences labelled wrong (r102, a contradiction of name spellings the entity
counterpart lets through; q788, related) and on claims10 one wrong by eye (walking "out of" /
"into" the store: stop words), so corroborated precision would fall.
"""

from __future__ import annotations

import argparse
import random
import sys
from collections import Counter
from pathlib import Path
from typing import Any

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))

from claims import Corpus, analyse_story, load_corpus, norm, text_hash
from harness import REPO, Figure, print_figures, read_jsonl
from newsweave.embed import get_embedder
from newsweave.model import Claim, Report

LABELS = REPO / "eval" / "data" / "single_source_labels.jsonl"
COMMAND = "python eval/single_source.py"
SEED = 21
CLAIMS_PER_STORY = 12
CLOSEST = 5
TUNED_ON = (
    "the near rule: nothing (the aligner's own threshold; labelled before the run); session 22's"
    " polarity rule was read from 3 of its stated-elsewhere claims"
)
SINGLE = ("single-source", "not matched elsewhere")


def said(claim: Claim | None) -> str:
    """What the report says of a claim: its status, a single-source one with close sentences of
    other voices being "not matched elsewhere"."""
    if claim is None:
        return "not found"
    if claim.status == "single-source" and claim.near_elsewhere:
        return "not matched elsewhere"
    return claim.status


def located(report: Report, records: dict[str, str]) -> dict[tuple[str, str], Claim]:
    """The claim citing each sentence, by (record id, text hash)."""
    return {
        (records.get(e.article_id, "?"), text_hash(e.text)): claim
        for claim in report.claims
        for e in claim.support
    }


def sampled(report: Report) -> list[Claim]:
    """A seeded sample of the report's single-source claims, by claim id (what a labeller reads
    next; the figures read only labelled rows)."""
    single = sorted((c for c in report.claims if c.status == "single-source"), key=lambda c: c.id)
    if len(single) <= CLAIMS_PER_STORY:
        return single
    return sorted(random.Random(SEED).sample(single, CLAIMS_PER_STORY), key=lambda c: c.id)


def closest(claim: Claim, report: Report, records: dict[str, str]) -> list[tuple[float, str, str]]:
    """The sentences of other articles closest to the claim by MiniLM cosine (for the labeller)."""
    own = {e.article_id for e in claim.support}
    pool = [
        (records.get(e.article_id, "?"), e.text)
        for c in report.claims
        if c.story_id == claim.story_id
        for e in c.support
        if e.article_id not in own
    ]
    if not pool:
        return []
    vectors = get_embedder().embed([claim.text] + [t for _, t in pool])
    scores = vectors[1:] @ vectors[0]
    order = np.argsort(-scores)[:CLOSEST]
    return [(float(scores[i]), pool[i][0], pool[i][1]) for i in order]


def label_rows() -> list[dict[str, Any]]:
    return (
        [r for r in read_jsonl(LABELS) if r.get("elsewhere") is not None] if LABELS.exists() else []
    )


def sentence_of(row: dict[str, Any], corpus: Corpus) -> str:
    """The labelled sentence (its record's text at its span), checked against its text hash."""
    start, end = row["span"]
    text = str(corpus.records[row["record"]]["text"][start:end])
    if text_hash(text) != row["claim"]:
        raise ValueError(f"{row['story']} {row['claim']}: the span holds another sentence")
    return text


def show_unlabelled(story: str, report: Report, records: dict[str, str], named: set[str]) -> None:
    for claim in sampled(report):
        if text_hash(claim.text) in named:
            continue
        print(f"\nUNLABELLED {story} {text_hash(claim.text)} {norm(claim.text)}", file=sys.stderr)
        for e in claim.near_elsewhere:
            print(f"    near {records.get(e.article_id, '?')}: {e.text}", file=sys.stderr)
        for score, record, text in closest(claim, report, records):
            print(f"    {score:.2f} {record}: {text}", file=sys.stderr)


def figures(*, quick: bool = False, show: bool = False) -> list[Figure]:
    corpus: Corpus | None = load_corpus()
    rows = label_rows()
    if corpus is None or quick or not rows:
        return []
    # What the report says of each labelled sentence, and whether another article states it.
    verdicts: list[tuple[str, bool]] = []
    chosen = sorted({r["story"] for r in rows})
    for story in chosen:
        report, records = analyse_story(story, corpus)
        where = located(report, records)
        mine = [r for r in rows if r["story"] == story]
        for row in mine:
            sentence_of(row, corpus)
            claim = where.get((row["record"], row["claim"]))
            verdicts.append((said(claim), bool(row["elsewhere"])))
            if show:
                text = norm(claim.text) if claim is not None else ""
                print(f"{story} {row['claim']} {verdicts[-1]} {text[:100]}", file=sys.stderr)
        if show:
            show_unlabelled(story, report, records, {r["claim"] for r in mine})
    counts = Counter(label for label, _ in verdicts)
    found = len(verdicts) - counts["not found"]
    single = [not elsewhere for label, elsewhere in verdicts if label in SINGLE]
    stated = [label == "corroborated" for label, elsewhere in verdicts if elsewhere]
    nowhere = sum(1 for label, elsewhere in verdicts if label == "corroborated" and not elsewhere)
    names = ", ".join(s.split(":")[1] for s in chosen)
    data = (
        f"{len(rows)} labelled single-source claims of {len(chosen)} ECB+ events no claim label"
        f" named ({names}), fixed by sentence; found {found}, coverage"
        f" {found / len(rows):.2f}"
    )
    baseline = "every single-source claim called single-source (before session 21)"
    out = []
    for label, metric in (
        ("single-source", 'precision of "single-source" (no other article states it)'),
        ("not matched elsewhere", '"not matched elsewhere" claims no other article states'),
    ):
        values = [not elsewhere for said_, elsewhere in verdicts if said_ == label]
        out.append(
            Figure(
                eval="single_source",
                metric=f"{metric} ({len(values)} claims)",
                data=data,
                tuned_on=TUNED_ON,
                value=round(float(np.mean(values)), 3) if values else 0.0,
                baseline=baseline,
                baseline_value=round(float(np.mean(single)), 3) if single else 0.0,
                command=COMMAND,
            )
        )
    out.append(
        Figure(
            eval="single_source",
            metric=f"claims another article states, corroborated ({len(stated)} claims)",
            data=f"{data}; corroborated and labelled stated nowhere else: {nowhere}",
            tuned_on=TUNED_ON,
            value=round(float(np.mean(stated)), 3) if stated else 0.0,
            command=COMMAND,
        )
    )
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument(
        "--show", action="store_true", help="print each row's verdict and unlabelled claims"
    )
    args = parser.parse_args()
    print_figures(figures(show=args.show))


if __name__ == "__main__":
    main()
