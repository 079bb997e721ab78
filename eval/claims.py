"""Claims and corroboration scored on what `newsweave analyze` produces (issue 11); briefs are
scored by eval/briefs.py, with the brief labels described below.

Usage: python eval/claims.py [--quick] [--show]

Labelled data (annotation guideline: eval/README_annotation.md, "Claim pairs and briefs"):
- `eval/data/claim_pairs.jsonl`: sentence pairs from ECB+ and GVC stories, each a
  same statement / contradiction / related-not-same / unrelated, split by story into a tuning
  half (ECB+ train, GVC train) and a test half (ECB+ dev, GVC dev). A pair names its two
  sentences by record id and character span into the record's text in ../shared/eval (the text
  itself is never copied here); pairs are looked up by the sentences' normalised text.
- `eval/data/brief_labels.jsonl`: the brief of each labelled story as the product wrote it, each
  sentence (by text hash and cited records) supported or not by every article it cites, and
  whether the brief opens with the happening.

Figures, all on the test half (the tuning half set `ClaimConfig.support_threshold`,
`support_cosine`, `support_similarity` and the alignment number penalty; its product output is
labelled too, so rules are checked on it before the test half is run):
- pairs: precision and recall of "states the same claim" (the product's support rule) over the
  labelled pairs; baseline: MiniLM cosine alone at the threshold with the same recall on tune;
- product, one `analyze` run per labelled story (its gold articles as one JSONL input):
  corroborated precision (every cited sentence states the claim), disputed precision (two
  cited sentences of independent articles contradict). A claim whose labels are missing (the
  product now says something no one has read) is *unjudged*: the coverage is printed beside
  the figure, and `--show` prints what to label. Baseline of corroborated precision: every
  cross-article pair of the same stories' labelled sentences with MiniLM cosine >= 0.8 taken as
  corroboration;
- disputes missed: of the labelled contradiction pairs of those stories (sampled and product-
  cited), the share that one disputed claim cites on both sides (recall of real disagreements).

Limit (session 7): a pair label has no direction, and the guideline lets "extra detail on one
side" be `same`, so a sentence stating one half of a compound claim ("an attack is unlikely" for
"the cause is still unclear, but it's unlikely to have been an attack") is often labelled
`same`. Since session 7 the product requires every main clause of the claim in each cited
sentence (`ClaimConfig.support_part_coverage`); corroborated precision here cannot show that
gain, only what it costs, and the compound cases were judged by eye.

Session 8: claims are whole sentences (no cut at ", but" / ", while" / ";"), set by reading the
cuts in ECB+/GVC train articles. The test half's corroborated claims were then judged in full
(32 product rows q747-q778 labelled) and its wrong citations read; the rules
tried on them were dropped (on the tuning half's pairs they lost more `same` pairs than they
parted `related` ones). One rule came after that reading, from ECB+ train output read by eye: a
cited sentence names every named actor of a compound claim (tuning-half pairs: 1 related parted,
no same lost; the ECB+ dev claims are identical with it).

Session 9: cited sentences that keep one 15-word narration run (the voices stage's rule) count
as one voice, and a decimal split before a unit or after a currency sign ("$368. 0 million") no
longer cuts a sentence. The test half's wrong corroborations were read again (figure "read"):
the rules tried from that reading (a claim's main verb named only as a noun in the cited
sentence; main verbs that never meet) parted more `same` than `related` pairs of the tuning
half and were dropped.

Session 10: a new untouched split (`claims10`, see FRESH_STORIES) was labelled on f1fb92a's
output before any rule changed: corroborated precision 0.815 (22 of 27) against 0.882 for the
cosine >= 0.8 pairs (exact there: every such pair is labelled). Its five wrong claims, and most
of the test half's, cite a sentence that states a detail clause of the claim or presupposes it
("was struck as she walked into Sam's Club" for "was killed ... when LaSalle struck her"): the
rules tried for them (the claim's main verb or main-clause terms in the member's main clause, a
member's main verb found only in the claim's detail clause, figures unmatched on both sides, a
stricter `support_threshold` 0.75, and the claim's text chosen as the member the others share
best) parted as many or more `same` pairs of the tuning half than `related` ones, or changed
nothing on the split, and were dropped. Two same-statement vetoes were kept (`align.statement`):
nationalities of one noun that share no country ("a British climber" / "a New Zealand
climber"), and two different steps of a criminal case ("charged" / "convicted"); on every
labelled pair they part 7 `related` pairs (2 of the tuning half) and no `same` one.

Session 11: a second untouched split (`claims11`, FRESH11_STORIES: 43 two-article GVC train
incidents) was labelled on b22c87c's output first: 0.857 (24 of 28), baseline 0.902. Then
voice evidence for corroboration (`ClaimConfig.credited_reprint_sentences`, `retold_*`,
`dedupe.credits`): a sentence crediting an outlet speaks with its voice, and articles retelling
one report are one voice. This figure cannot show most of that gain: it judges whether each
cited sentence states the claim, not whether the citations are independent (audit 10's retold
AP text was right sentence by sentence). What it shows is the claims that leave "corroborated"
(on the test half 9: 8 right sentence by sentence but one text retold - five of audit 10's
35_ecbplus AP text, two of an Indian Navy release, one AP background line - and 1 wrong; none on
claims10 or claims11; all 9 by the light-rewrite rule, none by the credit rule alone); the
sources each claim rests on are now in the report (`Claim.independent_sources`).

Session 12: a third untouched split (`claims12`, FRESH12_STORIES: eleven ECB+ train events of
topics no pair named) was labelled on 6ee5a7e's output first: 0.881 (52 of 59); its baseline is
a seeded sample of 40 of the 254 other cosine >= 0.8 pairs (0.800). Then two-way token coverage
(`align.coverage`, `ClaimConfig.support_token_coverage`): each cited sentence and the claim must
each carry the other's content (BERTScore-style greedy alignment of MiniLM token vectors, story-
IDF weighted), set on the tuning half and claims10 at the claim level. The pair figures below
apply the support rule without it (as without the parse-based check): it needs the story's
sentences for its weights, which a labelled pair does not have.

Session 13: a fourth untouched split (`claims13`, FRESH13_STORIES: the 76 GVC incidents no pair
named, 24 of them of 3-4 articles) was labelled on 6429ea2's output first: 0.879 (29 of 33);
baseline a seeded sample of 40 of the 51 other cosine >= 0.8 pairs (0.950). Then the token rule's
two directions were given a floor each (`support_token_coverage`, `support_token_extra`) to win
back the long cited sentences that state a claim with more detail; every variant was chosen on
the tuning half, and the best there (the member's floor eased by the length ratio, 45 right / 2
wrong -> 48 / 1) lost precision on the test half (106 / 5 -> 105 / 8), so the shipped floors stay
0.62 both ways (see `ClaimConfig.support_token_extra`).

Session 14: four same-statement vetoes from the wrong corroborations of claims10-13
(`align.statement`: clock times that never meet, a death against a stated condition, actors'
ages, "her friend" / "she"); on every labelled pair they part 9 pairs that are not `same` and 1
`same` one. Then a fifth untouched split (`claims14`, FRESH14_STORIES: seven ECB+ events no claim
label named) was labelled on their output (da08d68) and run once: 0.833 (15 of 18), baseline
0.967 (sampled pairs).

Session 15: claims14's three wrong pairs (read after that run) each cite a sentence whose main
predicate says something else while a clause on its subject or copular complement says the claim
("Garrard, who completed 28 passes for 329 yards, ran for two yards ..."); such a member no
longer states the claim (`ClaimConfig.support_detail_predicate`, on every labelled pair: 4 not-
same pairs of the tuned splits parted, 3 `same` ones). Then a sixth untouched split (`claims15`,
FRESH15_STORIES) was labelled on that output (08825ec) and run once (8301545): 0.941 (16 of 17),
baseline 0.800 (a seeded sample of 30 of its other cosine >= 0.8 pairs). Its one wrong claim,
read after: '"We have no idea what caused it," the Rev. Larry Kroon ... said Saturday, adding
that investigators were considering arson ...' cited with a copy of that sentence cut after "the
Rev." (the abbreviation ended the sentence, so the cited part is the attribution and the added
detail, without the quote). Not the detail-clause kind; no rule was written from it.

Session 19: no claims rule changed, but the sentence splitter keeps a batting average with its
word ("He hit. 308 with", helper-146, claim-vectors v2). Measured by the lead at 4b5756d
(run_all --only claims): every figure as before but claims15, where one right claim's cited
sentences changed and it is not labelled yet (judged 17 -> 16, 0.941 -> 0.938 = 15 of 16).

Session 20: that claim's pair was read and labelled `same` (w066, README_annotation.md); the
cleaning stage now takes captions credited "(Provided by family)" or "(Photo courtesy of ...)"
out of the text (helper-151), so claims of such captions go (GVC 571210's, no labelled story).

Session 21 (helper-156, claim-vectors v3): an appeal or a promo ("Anyone with information is
asked to call ...", "Click here ...", "Sign up for our newsletters") and a caption led by its
photo credit ("Gary Marks/GM Video Productions The shooting occurred ...") are no claims
(`align.sentences`); over every cleaned ECB+/GVC article 72 sentences leave, each read (58
appeals and promos - all four ECB+ 14_ecb outlets print the police's appeal - and 14 gallery
captions; a compound whose main clause states something, "Police say witnesses are not
cooperating and anyone with information should call ...", stays). A single-source claim now
lists the close sentences of other voices it was not matched with (`Claim.near_elsewhere`) and
the report calls it "not matched elsewhere"; how often another article states such claims is
measured by eval/single_source.py.

Session 22 (helper-160, claim-vectors v4): an outlet's promise of updates or plea to stay with
it is no claim ("Stay with 13abc as we continue to provide updates to this developing story.",
"News 4 will update this story as more information becomes available.", "WLKY will keep you
updated ..."); over every cleaned ECB+/GVC article 15 sentences leave, each read (13 GVC station
promos, ECB+ 9_1ecbplus "For more information, check out the ESC statement." and 18_4ecbplus
"Additional information will follow ..."); a quoted one stays ('"We will keep you updated on
progress," SEACOM tweeted', 30_6ecbplus, the company whose cable broke). Every figure of this
section and of single_source measured again through run_all at 4375cde: unchanged, judged
counts included. The web app now says "not matched elsewhere" as the report does.

Session 22 (helper-161, story-claims v24): the 19 "not matched elsewhere" claims of
eval/single_source.py that another article states were read against the sentences that state them.
Three fail only on the polarity veto, each pair denying one thing in other words ("life without
parole" / "life sentences with no chance of parole"; "never one of those to go out and get into
trouble" / "never one of those to get into trouble"): `similarity.polarity_clash` now reads each
denial cue within its clause and counts a denied word as a clash only when the other side has it
outside its own denials' reach. The rule only removes clashes; on every labelled pair it removes 3,
all `same` (p146 of the tuning half, q641 and q646 of the test half), none of another label. The
one-way inclusion test the session-21 note suggested (the claim's content found in a longer
sentence of another voice, `support_token_coverage`'s claim direction alone, every other check on)
was tried on those 41 labelled claims and not built: at 0.62 it corroborates 4 claims another
article states and 3 that none does ("is due in court over the murders" by "has been charged with
the murder"; "after a four year spell living in Cardiff" by "moved to Merthyr Tydfil ... four years
ago"; "It sounded like the screams of a dog" by "It sounded like someone telling a dog to shut
up"), and the wrong ones carry more of the claim's words than the right ones, as session 13 found
on the test half. Checked over every ECB+ and GVC story (one analyze run per corpus, each story's
claims built with the old and the new check on the same inputs): nothing changes in GVC; in ECB+ 3
claims become corroborated (the tsunami quote of 20_ecbplus in two translations, x128; Reavey's
quote of 27_ecb in three outlets; 32_ecbplus's "good kid" quote), a sentence joins 2 corroborated
claims (3_ecb's life without parole; 9_ecb's "nothing in the proposals relieves an agency ...") and
4 single-source claims of one voice, each read: all right but one joined member (8_ecb: "Police had
no motive for the bombing ..." for "The police would not discuss a possible motive ...", one voice,
no corroboration). On the splits below only claims12 moves (the tsunami claim, labelled x128: 0.932
-> 0.933, judged 44 -> 45).

Session 24 (lead, story-claims v27): a claim that is mostly a quote (at most 6 words outside its
quote marks, no figure among them) is stated by a close sentence of another voice quoting the
same run of 8 or more words, unless two named speakers part them (`align.same_quote`): "He told
Parliament that "a demonstration is one thing and murder is quite another."" and Sky's "Greek
prime minister George Papandreou condemned the killings, saying: "A demonstration is one thing
..."" (ECB+ 8_ecbplus, read by eye) were two single-source claims. Among all the labelled claim
pairs, 59 quote 8 or more words alike: 58 `same`, one a contradiction (A.J. Butler / A.J. Smith
said the same words: the speaker guard refuses it). Measured through run_all --only claims,briefs:
the test half gains the producers' quote of 2_ecbplus (q811, q812: same), and three corroborations
the product already made there were unjudged and are now labelled (q808-q810, read against both
articles; q808, "charged with drunk driving, leaving the scene ... and vehicular manslaughter"
citing for "... Vehicular Manslaughter, Criminally Negligent Homicide, Leaving the scene ... and
DWI", names three of the four charges: related). Test corroborated precision 0.963 (judged 107,
coverage 0.98) -> 0.956 (judged 113, coverage 1.00; the one new wrong is q808, older than the
rule), baseline 0.957; claims10, 11, 13, 14, 15 unchanged; single_source unchanged; briefs: one
fresh10 line (the producers' quote, labelled supported: 0.959 -> 0.960, clean 0.784 -> 0.787).
Session 25 (helper-174, story-claims v28): how long one act lasted is a figure
(`align.act_spans`), so ECB+ 18_ecb's "a tense two hours while police negotiated" (18_2ecb)
and "about two hours negotiating" (18_3ecb) dispute "for almost three hours while they
negotiated" (18_8ecb): one new disputed claim on the test half, unjudged in the first run
(disputed judged 5, coverage 1.00 -> 0.83); its three cited pairs were read against the
articles and labelled (q813, q814 contradiction; q815 same).
"""

from __future__ import annotations

import argparse
import hashlib
import itertools
import pickle
import re
import sys
from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))

from harness import (
    REPO,
    Figure,
    print_figures,
    read_jsonl,
    record_articles,
    run_product,
    shared_eval,
)
from newsweave.align.claims import ClaimConfig, ClaimScorer
from newsweave.align.similarity import term_weights, text_features
from newsweave.embed import get_embedder
from newsweave.model import Report

PAIRS = REPO / "eval" / "data" / "claim_pairs.jsonl"
BRIEFS = REPO / "eval" / "data" / "brief_labels.jsonl"
CORPORA = {"ecbplus": "event", "gvc": "incident"}
# The quick gate: two pinned test-half stories (a few seconds of analysis each).
QUICK_STORIES = ("ecbplus:35_ecbplus", "gvc:591237")
COMMAND = "python eval/claims.py"
# Session 4 read the test half's wrong corroborations before fixing number agreement (numbers in
# dates, phone numbers read as two numbers): the test figures are not untouched by that reading.
TUNED_ON = "claim pairs, tuning half (test-half pairs read in sessions 4, 7, 8, 9 and 10)"
# Session 10's untouched split (`half: "claims10"`): every ECB+ dev event and GVC dev incident
# with 2+ articles that no claim pair named before. Labelled on the output of f1fb92a (every
# pair a corroborated claim cites, and every cross-article pair of split sentences with MiniLM
# cosine >= 0.8, the baseline's whole population) before any rule was changed.
FRESH_SPLIT = "claims10"
FRESH_STORIES = (
    *("ecbplus:21_ecb", "ecbplus:23_ecb"),
    *("gvc:146565", "gvc:282561", "gvc:356090", "gvc:399367", "gvc:486434", "gvc:488277"),
    *("gvc:551295", "gvc:578238", "gvc:583854", "gvc:584156", "gvc:613903", "gvc:619156"),
    *("gvc:641499", "gvc:661322", "gvc:663712", "gvc:682143", "gvc:693003", "gvc:693359"),
    *("gvc:698315", "gvc:704909", "gvc:708277", "gvc:723277"),
)
FRESH_TUNED_ON = (
    "untouched at f1fb92a: 0.815 (22 of 27), baseline 0.882; its wrong claims were read after; "
    "session 12's support_token_coverage was set on it with the tuning half"
)
# Session 11's untouched split (`half: "claims11"`): the 43 GVC train incidents (2 articles
# each) that no claim, brief, conflict or quantity label named. Labelled on the output of
# b22c87c the same way as claims10, before any rule of session 11 was written.
FRESH11_SPLIT = "claims11"
FRESH11_STORIES = (
    *(
        "gvc:108112",
        "gvc:113480",
        "gvc:170442",
        "gvc:178149",
        "gvc:207298",
        "gvc:269677",
        "gvc:281766",
        "gvc:302749",
    ),
    *(
        "gvc:312892",
        "gvc:314973",
        "gvc:341726",
        "gvc:358286",
        "gvc:365252",
        "gvc:384676",
        "gvc:390960",
        "gvc:399503",
    ),
    *(
        "gvc:432540",
        "gvc:484317",
        "gvc:491438",
        "gvc:492546",
        "gvc:509471",
        "gvc:512877",
        "gvc:533658",
        "gvc:549432",
    ),
    *(
        "gvc:566863",
        "gvc:583177",
        "gvc:593238",
        "gvc:623581",
        "gvc:643219",
        "gvc:643909",
        "gvc:646995",
        "gvc:655478",
    ),
    *(
        "gvc:657396",
        "gvc:666472",
        "gvc:669251",
        "gvc:677186",
        "gvc:678245",
        "gvc:685537",
        "gvc:689518",
        "gvc:716641",
    ),
    *("gvc:719325", "gvc:724900", "gvc:735826"),
)
FRESH11_TUNED_ON = (
    "untouched at b22c87c: 0.857 (24 of 28), baseline 0.902; "
    "its wrong claims read, no rule from them"
)
# Session 12's untouched split (`half: "claims12"`): eleven ECB+ train events of topics no claim
# pair named (1, 4, 6, 11, 13, 19, 20, 24, 26, 28, 30). Labelled on the output of 6ee5a7e before
# any rule of session 12 was written: every pair a corroborated claim cites (origin "product"),
# and, for the baseline, a seeded sample of 40 of the 254 other cross-article pairs with MiniLM
# cosine >= 0.8 (origin "cosine-sample"; the whole population was too large to label).
FRESH12_SPLIT = "claims12"
FRESH12_STORIES = (
    *("ecbplus:6_ecbplus", "ecbplus:11_ecb", "ecbplus:19_ecbplus", "ecbplus:26_ecbplus"),
    *("ecbplus:28_ecb", "ecbplus:30_ecbplus", "ecbplus:1_ecbplus", "ecbplus:4_ecbplus"),
    *("ecbplus:13_ecbplus", "ecbplus:20_ecbplus", "ecbplus:24_ecbplus"),
)
FRESH12_TUNED_ON = "untouched at 6ee5a7e: 0.881 (52 of 59), baseline 0.8 (sampled pairs)"
# Session 13's untouched split (`half: "claims13"`): the GVC incidents (24 of 3-4 articles, 52 of
# 2) that claim_pairs.jsonl never named. Labelled on the output of 6429ea2 before any rule of
# session 13 was written: every pair a corroborated claim cites (origin "product") and a seeded
# sample of 40 of the 51 other cross-article cosine >= 0.8 pairs (origin "cosine-sample").
FRESH13_SPLIT = "claims13"
FRESH13_STORIES = (
    *("gvc:710200", "gvc:727980", "gvc:111416", "gvc:711973", "gvc:630886", "gvc:717231"),
    *("gvc:601037", "gvc:704906", "gvc:478948", "gvc:487996", "gvc:571210", "gvc:492366"),
    *("gvc:700468", "gvc:710885", "gvc:603253", "gvc:346621", "gvc:590958", "gvc:718272"),
    *("gvc:591218", "gvc:449691", "gvc:730637", "gvc:562315", "gvc:688841", "gvc:338580"),
    *("gvc:368727", "gvc:190615", "gvc:295502", "gvc:717947", "gvc:356646", "gvc:583879"),
    *("gvc:624533", "gvc:273773", "gvc:653953", "gvc:653539", "gvc:640899", "gvc:537545"),
    *("gvc:364715", "gvc:583168", "gvc:720830", "gvc:583179", "gvc:648457", "gvc:386225"),
    *("gvc:525119", "gvc:711467", "gvc:603823", "gvc:655275", "gvc:681768", "gvc:512274"),
    *("gvc:513903", "gvc:321156", "gvc:446569", "gvc:604190", "gvc:586764", "gvc:401223"),
    *("gvc:624215", "gvc:427621", "gvc:168844", "gvc:491937", "gvc:501412", "gvc:461515"),
    *("gvc:638622", "gvc:701425", "gvc:558618", "gvc:418318", "gvc:432535", "gvc:717395"),
    *("gvc:448947", "gvc:548991", "gvc:715024", "gvc:443637", "gvc:138295", "gvc:711921"),
    *("gvc:537974", "gvc:462496", "gvc:669506", "gvc:628206"),
)
FRESH13_TUNED_ON = (
    "untouched at 6429ea2: 0.879 (29 of 33), baseline 0.95 (sampled pairs); "
    "read after, with session 13's rejected length-eased token rule"
)
# Session 14's untouched split (`half: "claims14"`): seven ECB+ events no claim label file named
# (other stages' files name them: briefs, conflicts, entities, speakers, dates). Labelled on the
# output of da08d68 before this run: every pair a corroborated claim cites (origin "product") and
# a seeded sample of 30 of the 147 other cross-article cosine >= 0.8 pairs (origin
# "cosine-sample").
FRESH14_SPLIT = "claims14"
FRESH14_STORIES = (
    *("ecbplus:6_ecb", "ecbplus:11_ecbplus", "ecbplus:33_ecb", "ecbplus:16_ecb"),
    *("ecbplus:29_ecb", "ecbplus:3_ecbplus", "ecbplus:28_ecbplus"),
)
FRESH14_TUNED_ON = (
    "untouched at b4900de: 0.833 (15 of 18), baseline 0.967 (sampled pairs); "
    "its wrong claims read in sessions 14 and 15"
)
# Session 15: four ECB+ events that neither claim_pairs.jsonl nor this file named (7_ecbplus,
# Klitschko-Thompson, in no claim, quantity or conflict label; 24_ecb, 10_ecbplus, 13_ecb only
# in quantity_pairs.jsonl's figures and other stages' files), labelled on 08825ec's output (the
# session's detail-clause rule in) before this split's figure was run.
FRESH15_SPLIT = "claims15"
FRESH15_STORIES = ("ecbplus:7_ecbplus", "ecbplus:24_ecb", "ecbplus:10_ecbplus", "ecbplus:13_ecb")
FRESH15_TUNED_ON = (
    "untouched at 8301545: 0.941 (16 of 17), baseline 0.8 (sampled pairs); "
    "its wrong claim read after, no rule from it"
)
FRESH_SPLITS = {
    FRESH_SPLIT: (FRESH_STORIES, FRESH_TUNED_ON, "ECB+ dev / GVC dev stories no pair named"),
    FRESH11_SPLIT: (FRESH11_STORIES, FRESH11_TUNED_ON, "GVC train incidents no claim label named"),
    FRESH12_SPLIT: (FRESH12_STORIES, FRESH12_TUNED_ON, "ECB+ train events no claim pair named"),
    FRESH13_SPLIT: (FRESH13_STORIES, FRESH13_TUNED_ON, "GVC incidents no claim pair named"),
    FRESH14_SPLIT: (FRESH14_STORIES, FRESH14_TUNED_ON, "ECB+ events no claim label named"),
    FRESH15_SPLIT: (FRESH15_STORIES, FRESH15_TUNED_ON, "ECB+ events no claim pair named"),
}
_SPACE = re.compile(r"\s+")


def norm(text: str) -> str:
    """The form labels are looked up by: whitespace collapsed, ends trimmed."""
    return _SPACE.sub(" ", text).strip()


def text_hash(text: str) -> str:
    return hashlib.sha1(norm(text).encode("utf-8")).hexdigest()[:12]


@dataclass
class Corpus:
    """The shared ECB+ and GVC records, by id and by story."""

    records: dict[str, dict[str, Any]] = field(default_factory=dict)
    stories: dict[str, list[str]] = field(default_factory=lambda: defaultdict(list))

    def text(self, side: Mapping[str, Any]) -> str:
        start, end = side["span"]
        return str(self.records[side["article"]]["text"][start:end])


def load_corpus() -> Corpus | None:
    corpus = Corpus()
    for name, key in CORPORA.items():
        folder = shared_eval(name)
        if folder is None:
            return None
        for record in read_jsonl(folder / "articles.jsonl"):
            corpus.records[record["id"]] = record
        for gold in read_jsonl(folder / "gold.jsonl"):
            corpus.stories[f"{name}:{gold[key]}"].append(gold["id"])
    return corpus


def pair_labels(corpus: Corpus) -> tuple[list[dict[str, Any]], dict[frozenset[str], str]]:
    """The labelled pairs (with their texts) and a lookup by the two normalised texts."""
    pairs = read_jsonl(PAIRS)
    lookup: dict[frozenset[str], str] = {}
    for pair in pairs:
        pair["a_text"], pair["b_text"] = corpus.text(pair["a"]), corpus.text(pair["b"])
        lookup[frozenset({norm(pair["a_text"]), norm(pair["b_text"])})] = pair["label"]
    return pairs, lookup


# --- the scorer on labelled pairs ------------------------------------------------------------


def pair_scores(pairs: list[dict[str, Any]], corpus: Corpus) -> tuple[list[bool], list[float]]:
    """Whether the product's support rule takes each pair as one statement, and its cosine.

    The product's own rule (`ClaimScorer.states` in `newsweave.align.claims`, without the parse-
    based same-statement check), with the story's term weights computed over the labelled
    sentences of that story.
    """
    config = ClaimConfig()
    embedder = get_embedder()
    by_story: dict[str, list[str]] = defaultdict(list)
    for pair in pairs:
        by_story[pair["story"]] += [pair["a_text"], pair["b_text"]]
    weights = {story: term_weights(texts) for story, texts in by_story.items()}
    states, cosines = [], []
    for pair in pairs:
        texts = [pair["a_text"], pair["b_text"]]
        vectors = embedder.embed(texts)
        scorer = ClaimScorer(
            vectors, [text_features(t) for t in texts], weights[pair["story"]], config
        )
        states.append(scorer.states(0, 1, texts))
        cosines.append(float(vectors[0] @ vectors[1]))
    return states, cosines


def pair_figures(pairs: list[dict[str, Any]], corpus: Corpus) -> list[Figure]:
    states, cosines = pair_scores(pairs, corpus)
    half = np.array([p["half"] for p in pairs])
    same = np.array([p["label"] == "same" for p in pairs])
    states_a, cosine_a = np.array(states), np.array(cosines)
    tune, test = half == "tune", half == "test"
    recall_tune = float(states_a[tune & same].mean())
    # Baseline threshold: the cosine with the product's recall on the tuning half.
    threshold = float(np.quantile(cosine_a[tune & same], 1.0 - recall_tune))
    baseline = cosine_a >= threshold

    def precision(predicted: np.ndarray) -> float:
        chosen = predicted & test
        return float(same[chosen].mean()) if chosen.any() else 0.0

    data = (
        f"claim pairs, test half ({int(test.sum())} pairs, {len(set(half_stories(pairs)))} stories)"
    )
    return [
        Figure(
            eval="claims",
            metric="same-statement precision (support rule)",
            data=data,
            tuned_on=TUNED_ON,
            value=round(precision(states_a), 3),
            baseline=f"MiniLM cosine >= {threshold:.2f} (same recall on tune)",
            baseline_value=round(precision(baseline), 3),
            command=COMMAND,
        ),
        Figure(
            eval="claims",
            metric="same-statement recall (support rule)",
            data=data,
            tuned_on=TUNED_ON,
            value=round(float(states_a[test & same].mean()), 3),
            baseline=f"MiniLM cosine >= {threshold:.2f} (same recall on tune)",
            baseline_value=round(float(baseline[test & same].mean()), 3),
            command=COMMAND,
        ),
    ]


def half_stories(pairs: Iterable[Mapping[str, Any]]) -> list[str]:
    return sorted({p["story"] for p in pairs if p["half"] == "test"})


def fresh_baseline(pairs: list[dict[str, Any]], split: str) -> float:
    """Precision of "cosine >= 0.8 corroborates" over the fresh split, where every cross-article
    pair at that cosine is labelled (the whole population, product-cited or not)."""
    embedder = get_embedder()
    chosen = [p for p in pairs if p["half"] == split]
    # A split that labelled only a sample of the population scores the baseline on the sample.
    if any(p.get("origin") == "cosine-sample" for p in chosen):
        chosen = [p for p in chosen if p.get("origin") == "cosine-sample"]
    hits = [
        p["label"] == "same"
        for p in chosen
        if float(np.prod(embedder.embed([p["a_text"], p["b_text"]]), axis=0).sum()) >= 0.8
    ]
    return round(float(np.mean(hits)), 3) if hits else 0.0


# --- the product on labelled stories ---------------------------------------------------------


@dataclass
class Tally:
    right: int = 0
    wrong: int = 0
    unjudged: int = 0
    todo: list[str] = field(default_factory=list)

    @property
    def judged(self) -> int:
        return self.right + self.wrong

    def precision(self) -> float:
        return self.right / self.judged if self.judged else 0.0

    def coverage(self) -> float:
        total = self.judged + self.unjudged
        return self.judged / total if total else 0.0


def analyse_story(story: str, corpus: Corpus) -> tuple[Report, dict[str, str]]:
    """The product's report over one story's records, and article id -> record id."""
    ids = sorted(corpus.stories[story])
    records = [corpus.records[i] for i in ids]
    report = run_product(records)
    mapped = record_articles(report, len(records))
    return report, {a: r for a, r in zip(mapped, ids, strict=True) if a is not None}


def judge_claims(
    report: Report, lookup: Mapping[frozenset[str], str], corroborated: Tally, disputed: Tally
) -> None:
    for claim in report.claims:
        if claim.status == "corroborated":
            verdicts = [
                lookup.get(frozenset({norm(claim.text), norm(e.text)}))
                for e in claim.support
                if norm(e.text) != norm(claim.text)
            ]
            if any(v is not None and v != "same" for v in verdicts):
                corroborated.wrong += 1
            elif all(v == "same" for v in verdicts):
                corroborated.right += 1
            else:
                corroborated.unjudged += 1
                corroborated.todo += [
                    f"{claim.text}\n    ~ {e.text}"
                    for e in claim.support
                    if lookup.get(frozenset({norm(claim.text), norm(e.text)})) is None
                    and norm(e.text) != norm(claim.text)
                ]
        elif claim.status == "disputed":
            cross = [
                (a, b)
                for a, b in itertools.combinations(claim.support, 2)
                if a.article_id != b.article_id and norm(a.text) != norm(b.text)
            ]
            verdicts = [lookup.get(frozenset({norm(a.text), norm(b.text)})) for a, b in cross]
            if "contradiction" in verdicts:
                disputed.right += 1
            elif cross and all(v is not None for v in verdicts):
                disputed.wrong += 1
            else:
                disputed.unjudged += 1
                disputed.todo += [
                    f"{a.text}\n    x {b.text}"
                    for (a, b), v in zip(cross, verdicts, strict=True)
                    if v is None
                ]


def contradiction_recall(
    pairs: list[dict[str, Any]], reports: Mapping[str, Report]
) -> tuple[int, int]:
    """Labelled contradiction pairs of the analysed stories that one disputed claim cites on
    both sides (found, all): do the real disagreements reach the reader as disputes?"""
    found = total = 0
    for pair in pairs:
        report = reports.get(pair["story"])
        if pair["label"] != "contradiction" or report is None:
            continue
        total += 1
        wanted = {norm(pair["a_text"]), norm(pair["b_text"])}
        found += any(
            claim.status == "disputed" and wanted <= {norm(e.text) for e in claim.support}
            for claim in report.claims
        )
    return found, total


def cosine_baseline(pairs: list[dict[str, Any]], stories: set[str]) -> float:
    """Pair-level precision of "cosine >= 0.8 between two articles' sentences corroborates",
    over the sampled pairs of the same stories (not the product's own, which would favour it).
    A claim needs every cited pair right, so the product's claim-level figure is the harder one.
    """
    embedder = get_embedder()
    chosen = [p for p in pairs if p["story"] in stories and p.get("origin") != "product"]
    hits = [
        p["label"] == "same"
        for p in chosen
        if float(np.prod(embedder.embed([p["a_text"], p["b_text"]]), axis=0).sum()) >= 0.8
    ]
    return round(float(np.mean(hits)), 3) if hits else 0.0


def product_figures(
    pairs: list[dict[str, Any]],
    lookup: Mapping[frozenset[str], str],
    corpus: Corpus,
    stories: list[str],
    *,
    show: bool = False,
    dump: Path | None = None,
    fresh: str | None = None,
) -> list[Figure]:
    corroborated, disputed = Tally(), Tally()
    reports = {}
    for story in stories:
        report, record_of = analyse_story(story, corpus)
        reports[story] = (report, record_of)
        judge_claims(report, lookup, corroborated, disputed)
    if dump is not None:
        with dump.open("wb") as stream:
            pickle.dump(reports, stream)
    if show:
        for name, tally in (("corroborated", corroborated), ("disputed", disputed)):
            for line in tally.todo:
                print(f"UNJUDGED {name}: {line}", file=sys.stderr)
    found, labelled = contradiction_recall(pairs, {s: r for s, (r, _) in reports.items()})
    data = f"ECB+ dev / GVC dev stories of the test half ({len(stories)} stories)"
    if fresh is not None:
        _, tuned_on, what = FRESH_SPLITS[fresh]
        # The first fresh split keeps its metric name (the floors and docs rows name it).
        metric = "corroborated precision, fresh split"
        if fresh != FRESH_SPLIT:
            metric += f" {fresh}"
        data = f"split {fresh}: {what} ({len(stories)})"
        return [
            Figure(
                eval="claims",
                metric=metric,
                data=f"{data}; judged {corroborated.judged}, "
                f"coverage {corroborated.coverage():.2f}",
                tuned_on=tuned_on,
                value=round(corroborated.precision(), 3),
                baseline="every pair with MiniLM cosine >= 0.8 taken as corroboration",
                baseline_value=fresh_baseline(pairs, fresh),
                command=COMMAND,
            )
        ]

    def figure(metric: str, tally: Tally, **extra: Any) -> Figure:
        where = extra.pop("data", data)
        return Figure(
            eval="claims",
            metric=metric,
            data=f"{where}; judged {tally.judged}, coverage {tally.coverage():.2f}",
            tuned_on=TUNED_ON,
            value=round(tally.precision(), 3),
            command=COMMAND,
            **extra,
        )

    results = [
        figure(
            "corroborated precision",
            corroborated,
            baseline="pairs with MiniLM cosine >= 0.8 taken as corroboration (pair-level)",
            baseline_value=cosine_baseline(pairs, set(stories)),
        ),
        figure("disputed precision", disputed),
        Figure(
            eval="claims",
            metric="labelled contradictions disputed (recall)",
            data=f"{data}; {found} of {labelled} labelled contradiction pairs",
            tuned_on=TUNED_ON,
            value=round(found / labelled, 3) if labelled else 0.0,
            command=COMMAND,
        ),
    ]
    # A figure over nothing judged is no figure (the quick subset may hold no dispute).
    return [
        f
        for f in results
        if not f.data.endswith(("judged 0, coverage 0.00", " 0 of 0 labelled contradiction pairs"))
    ]


def figures(*, quick: bool = False, show: bool = False, dump: Path | None = None) -> list[Figure]:
    """The figures of this script (quick: the pair figures and two pinned stories)."""
    corpus = load_corpus()
    if corpus is None or not PAIRS.exists():
        return []
    pairs, lookup = pair_labels(corpus)
    # Rows that label the conflict report's name disputes (`eval/conflicts.py`) are not claims
    # the scorer or the disputes were sampled from: the claim figures leave them out.
    pairs = [p for p in pairs if p.get("origin") != "conflict-review"]
    stories = list(QUICK_STORIES) if quick else half_stories(pairs)
    sampled = [p for p in pairs if p.get("origin") != "product" and p["half"] not in FRESH_SPLITS]
    results = pair_figures(sampled, corpus) + product_figures(
        pairs, lookup, corpus, stories, show=show, dump=dump
    )
    if not quick:
        for split, (fresh_stories, _, _) in FRESH_SPLITS.items():
            results += product_figures(pairs, lookup, corpus, list(fresh_stories), fresh=split)
    return results


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true")
    parser.add_argument("--show", action="store_true", help="print unjudged items to stderr")
    parser.add_argument("--dump", type=Path, help="pickle the reports here (for annotators)")
    args = parser.parse_args()
    print_figures(figures(quick=args.quick, show=args.show, dump=args.dump))


if __name__ == "__main__":
    main()
