"""Score entity linking: pairwise precision/recall of name mentions, through `newsweave analyze`.

Usage: python eval/entities.py [--quick] [--split tune|test|all]

Gold: `eval/data/entities_gold.jsonl`, annotated by hand (guideline in
`eval/README_annotation.md`): one line per story (a GVC incident or an ECB+ event; the article
texts are read from `../shared/eval/{gvc,ecbplus}`), each with the real things its articles name
and the surface forms that name them ("Warren Jeffs", "Jeffs"). A form names its entity in every
article of the story unless the entity lists `articles`. The same `name` in two stories is the
same real thing (one city, one company); different people sharing a surname have different
names. Gold mentions are every whole-word, case-sensitive occurrence of a form in the clean
article text of the report, minus occurrences inside a longer form.

All stories of a split go through `harness.run_product` together (one corpus, so cross-story
false merges count). A gold mention is matched to the report entity whose mention overlaps it
best (overlap minus half of what sticks out); unmatched gold mentions stay singletons.
Pairwise precision = gold-linked share of the mention pairs the product links; recall = share
of gold-linked pairs the product links. Baseline: exact-string linking (mentions linked when
their surface text is identical), on the same gold mentions. Also reported: the share of
report PERSON entities (with a gold-matched mention) that are people in the gold.
Split: by story (first byte of the sha256 of the story id even -> `tune`, odd -> `test`), made
before any system output was looked at; `tune` stories are for reading errors, `test` for the
figure. 25 stories: 20 GVC dev incidents (all their articles) and 5 ECB+ events (2-3 articles
each, trials and tech), 60 articles. The test errors were read for issue 12 (2026-12-02), so a
`fresh` split (7 more GVC dev incidents, 16 articles, annotated before the product ever ran on
them) was measured once untouched (P 0.967, R 0.831), then its errors were read; a `fresh2`
split (4 more GVC dev incidents, 5 articles, annotated before the product ran on them) gave the
untouched figure of the rules written after that (P 0.964, R 0.956, person precision 0.688),
then its errors were read in session 4 (with those of `fresh` again); a `fresh3` split (6 more
GVC dev incidents, the last ones of dev, and 2 ECB+ dev events: 15 articles, annotated on
2026-12-02 before the product ran on them) gave the untouched figure of session 4's first rules
(P 0.990, R 0.842), then its errors were read; a `fresh4` split (6 GVC train incidents picked
by the sha256 of their ids, 2 articles each, annotated before the product ran on them) gave the
untouched figure of the rules written after that (P 0.963, R 0.865), then its errors were read;
a `fresh5` split (the next 6 GVC train incidents in that order, 12 articles, annotated before the
product ran on them) gave the untouched figure of session 4's rules (P 0.968, R 0.750), then
its errors were read too (three general fixes); a `fresh6` split (the next 5 GVC train incidents
in that order, 10 articles, annotated before the product ran on them) gave the untouched figure
of session 4's later rules (P 0.985, R 0.880); a `fresh7` split (the next 6 GVC train incidents
in that order with 2 articles each, skipping two with over 6,000 characters: 12 articles,
annotated before the product ran on them) gives the untouched figure of the rules written after
the fact-check audit of four train stories (ECB+ 14 and 33, GVC 571210 and 710885): P 0.950,
R 0.854, person precision 0.963 (the fresh7 texts were read to annotate them before the last
audit rules were written: none was written for a fresh7 name, but the nickname table holds
"Greg" and "Nick", and the platform list "Facebook" and "Twitter", which fresh7 uses); then
its errors were read (three general fixes); a `fresh8` split (the next 5 two-article GVC train
incidents in that order, one of over 4,500 characters skipped: 10 articles, annotated before
the product ran on them) gave the untouched figure of session 4's final rules (P 0.984,
R 0.864, person precision 0.944). In session 5 the errors of fresh3-fresh6 were read again
(general fixes only, see git log), then fresh8's, and six more splits were made the same way:
`fresh9`-`fresh14`, each the next 8 two-article GVC train incidents in that order (skipping any
already in eval/data and any article over 4,500 characters), annotated by reading the clean
texts before the product ran on them, measured once untouched, and (fresh9-fresh13) read after
that for the next rules: fresh9 P 0.997 R 0.890, fresh10 P 1.000 R 0.865, fresh11 P 1.000
R 0.783, fresh12 P 0.989 R 0.814, fresh13 P 1.000 R 0.733; fresh14 (P 0.997 R 0.941) and
`fresh15` (the last 6 two-article GVC train incidents and 2 short three-article ones: P 0.945
R 0.722) were then measured untouched with the same rules. Reading fresh15 withdrew one rule
(a shared surname given to the person named in full most often: it gave a father's lone
surname to his wife); without it fresh15 reads P 0.990 R 0.719 and fresh14 is unchanged (its
errors were read for the report only). Later in session 5 the type rules written for the audit
of four unlabelled ECB+ train stories (teams and companies after "the", common words, a place
before a home or a community) also cover fresh14's "Traer" typed PERSON, which the report had
listed: fresh14 is no longer untouched for types (person precision 0.889 -> 0.960, R 0.941 ->
0.960). Their untouched check was on three other unlabelled ECB+ train stories (7, 6 and 28
ecbplus), PERSON entities judged by reading before the change: 69 of 80 people -> 69 of 79.
In session 6 `fresh16` (ECB+ train events 1_ecb, 1_ecbplus and 25_ecb, 3 articles each that no
file of eval/data names; celebrity rehab and American football) was annotated before the
product ran on it and measured once untouched with session 5's rules: P 0.993, R 0.706
(baseline 0.988 / 0.454), person precision 0.867 (15 PERSON entities); then its errors were
read.
Session 6's second pass for names the model misses (`extract/missed_names.py`: capitalised
sequences no mention covers, kept when a title, a speech verb or a head word types them) and
two linking rules (a sentence-opening first name before a person's verb; a lone "person" word
that opens the story's place name) were written reading their effect on tune, test and
fresh-fresh16 (fresh16 R 0.706 -> 0.767, person precision 0.867 -> 1.000; fresh15 R 0.719 ->
0.825). `fresh17` (ECB+ train events 3_ecbplus, 4_ecbplus and 13_ecb, 9 articles no file of
eval/data names, annotated before the product ran on them) then gave the untouched figure of
these rules: P 0.992, R 0.956, person precision 1.000 (9 PERSON entities; exact-string
baseline 1.000 / 0.547). Session 5's rules give the same figure on it: none of the new rules
fires there. `fresh18` (ECB+ train events 24_ecbplus, 29_ecb and 13_ecbplus, 8 articles, made
the same way) then gave the untouched figure of session 6's later rules (streets, call signs,
datelines, towns, person types): P 0.982, R 0.474 (exact-string baseline 0.983 / 0.491), person
precision 1.000 (9 PERSON entities), the same as session 5's rules give: an American football
story whose teams are named four ways ("Indianapolis Colts", "Colts", "Indy"; "Jaguars",
"Jags", "Jacksonville") and whose quarterback the model tags ORG; then its errors were read
(one rule: a team's plural name joins the one name of its story it ends, R 0.474 -> 0.560).
`fresh19` (ECB+ train events 31_ecb, 10_ecbplus and 32_ecbplus, 9 articles, made the same way)
gave the untouched figure of session 6's final rules: P 0.983, R 0.740 (exact-string baseline
1.000 / 0.537), person precision 0.773 (22 PERSON entities); session 5's rules give the same.
Audit 6 (four untuned ECB+/GVC stories read by an auditor, one of them 4_ecbplus of fresh17)
then gave five rules (a possessive surname before a kinship word and a full name is the
relative; an -ing/-ly word opening a sentence glued to a named person's surname is cut; an
acronym defined in brackets joins its name; a lone first name two articles introduce with the
same kinship word is one person; a first name cut from the surname the article uses alone
grows): fresh17 P 0.992 -> 1.000, R 0.956 -> 1.000 (now touched), no other split changes.
Session 6's rules are written for what local crime news names (sheriffs, streets, datelines,
call signs) and do not fire on these ECB+ sports and celebrity stories.
Session 7 read the misses of fresh18 and fresh19 by kind (the model never found the mention;
found it but typed it otherwise; found and typed it but did not link it) and wrote five rules
for the sports stories (a lone organisation word ending the one organisation name its article
names, "Sox"; a plural name after "the" is a team, no person, "the Tar Heels (10-0)"; a
one-word plural after "the" the model missed is a team, "the Nationals"; a two-word ORG whose
last word opens a clause before a person's verb is a person, "Peyton Manning"; a story's
acronym repeats across its articles) and one for first names spelt with and without an "h"
("Jon"/"John" Owen): fresh19 R 0.740 -> 0.849, person precision 0.773 -> 0.850, fresh18
R 0.560 -> 0.655, no split's precision lower. `fresh20` (ECB+ train events 30_ecb, 27_ecb and
16_ecb: undersea cables, an Internet Explorer patch, a deputy's murder; 8 articles, annotated
before the product ran on it) then gave the untouched figure of those rules: P 0.973, R 0.720,
person precision 1.000, below the exact-string baseline's recall (1.000 / 0.817): the small
model never tags "Internet Explorer". Its errors were then read (three rules: a name of 2-4
capitalised words written twice inside sentences is a name; "Wright-director" is cut at the
dash; "the Mediterranean" is the story's "Mediterranean Sea"; fresh20 R 0.720 -> 0.927), and
`fresh21` (ECB+ train events 8_ecb, 26_ecb and 23_ecb: a bank bombing, a Mafia boss's suicide,
a climber's fall; 9 articles, annotated before the product ran on it) gave the untouched
figure of those rules: P 1.000, R 0.824, person precision 1.000 (6 PERSON entities;
exact-string baseline 1.000 / 0.765); then its errors were read (one rule: "Wells Fargo" is the
story's "Wells Fargo Bank", R 0.824 -> 0.843; "West Coast" for "West Coast Bank" stays apart,
as a place's name before an institution's head word does).
Session 8 read the misses of every split by kind (the model never found the mention; found it
but typed it otherwise; found and typed it but did not link it: short forms of organisations
and facilities, blended nicknames, shared surnames, names inside titles) and wrote rules for
them: a name opening the story's one longer organisation or facility name joins it
("Morningside" for "Morningside Recovery", never "Burbank" before "police"); a blend of a
person's name openings ("LiLo") is the story's one person it fits; a place joined by "/" to a
unit's name is that unit; a possessive before a house number ends a name; a dateline glued by
a hyphen to the opening name is two names; a name ending in an acronym is no person's; a first
name the model also tags PERSON alone is no outlet before a surname ("Scott Westerhuis").
`fresh22` (ECB+ train events 32_ecb, 19_ecbplus, 9_ecb and 4_ecb: a double murder, a police
shooting in Brooklyn, an endangered-species rule, Bettie Page's death; 11 articles picked by
the sha256 of event and article ids, annotated before the product ran on them) then gave the
untouched figure of those rules: P 0.950, R 0.383 (exact-string baseline 1.000 / 0.463),
person precision 0.941 (34 PERSON entities); session 7's rules give the same (none of the new
rules fires there). Its errors were then read (three rules: a shared surname nothing else
settles goes to the story's subject, named in full in more articles than each other bearer
and in two at least; a title ending in a person's full name names that person, and a place
before a title before the titled person is the place; a surname is not the relative the text
names after it, "Gray's sister Mahnefah Gray"): fresh22 P 0.993, R 0.900, now touched.
Two more rules came from reading unlabelled ECB+ train stories by eye (27_ecbplus, 31_ecbplus):
a name after "the" before a unit's noun is an organisation ("the Trustworthy Computing
group"), and a lone surname the model tags ORG joins the story's person two other articles
name in full ("Echenique"); no labelled split changes with them.
Session 9: every ECB+ train event is named by some file of eval/data, so `fresh23` is the 18
one-article GVC train incidents no file of eval/data names (by incident or article id), in the
order of the sha256 of their incident ids (one skipped: its article is outside 300-3,000
characters), annotated by reading the texts before the product ran on them (eval/README_
annotation.md). Its untouched figure of session 8's final rules: P 0.963, R 0.720 (exact-
string baseline 1.000 / 0.449), person precision 0.886 (35 PERSON entities): two people merged
("Kristina Burroughs" and "10-month-old Justice Burroughs", whose given name the model left out
and the linker then read as a judge's title), a town merged with its street ("Rosamond" and
"Rosamond Boulevard"), a father's lone surname left apart because his 4-year-old son shares it,
a surname mistyped once, "Janet Francois,16", "Gallatin County 911", "Garner City
Administrator", "[Fish Wildlife] and [Parks] (FWP)", "HCPD". Its errors and fresh5's misses
were then read by kind and rules written for them (see git log): a given name the model cut
from a shared surname grows back, and a title word after an age is a given name; a lone
surname written after all its bearers are named is the grown-up's when the others are given a
child's age beside their names (written before, it may be the child's: fresh15's "Journi
Johnson"); one surname mistyped once in an article beside the name written twice; ages and
phone numbers glued to names cut; a town's official cut to the town; "XPD" for "X Police";
pieces of a name an acronym in brackets spells joined; a town written after "in" stays apart
from the street named after it; a surname two people of the article share, and a nickname of
the article's one person with that given name ("Wally"), found where the model missed them; a
residence after a name ("Cade Hartwig, of Clear Lake,") cues a person; an acronym of a name
another article of the story writes joins it ("SLED"); numbered streets and precincts the
model misses are places ("East 52nd Street", "the 67th precinct"), and "E. 171st St." is the
story's "East 171st St.". With them (read through the entity stage on each split's stored
mentions) fresh23 reads P 1.000, R 0.972 (now touched), fresh5 R 0.803 -> 0.908, fresh11
R 0.890 -> 0.897, fresh22 R 0.900 -> 0.903, fresh7, fresh10 and fresh20 up slightly, no
split's precision lower; the figures below are the shipped path's.
Session 10: no ECB+ train event was left, so `fresh24` is the first four ECB+ dev events no
entity file names, in the order of the sha256 of their event ids (18_ecbplus, 21_ecb,
23_ecbplus, 12_ecb: an office shooting, a hit-and-run, two climbers' deaths, a navy's capture
of pirates), three articles each (eval/README_annotation.md), annotated and committed
(437bcbc) before the product ran on them. Its untouched figure of session 9's rules: P 0.964,
R 0.795 (exact-string baseline 1.000 / 0.552), person precision 0.864 (22 PERSON entities):
a town glued before a store ("the Bloomington Sam's Club"), a quoted alias ("Crazy T"),
"Insp Gaskin", "Gordon Advisers" beside "Gordon Advisors", "Mt"/"Mount", "I-75", a force's
name before a title the model missed in one article ("Troy Police Lt."), a residence typed
PERSON ("of Burnsville,"). Its errors, and those of fresh8, fresh16, fresh18, fresh19 and
fresh21 (recall < 0.90), were then read by kind and general rules written (see git log): the
alias, the short police titles, one organisation's two spellings in a story, "Mt"/"Ft", a
town before an organisation the story names alone (never a team's plural or a public body),
a residence after ", of", a name after a bare "the" seeds no person, a clipped team plural
("Jags") and a team's score tagged LAW ("Colts 7"), a force's name before a title found again,
"I-75", a company's first word the model tagged PERSON; and for fresh23's type errors, a
maker ("a Sig Sauer model 229"), where someone is carried ("transported to Ephraim
McDowell") and a pike are no people. Left: a city standing for its team ("New Orleans",
"North Carolina"), a lone first name in another story than its full name ("Lindsay"),
nicknames cut from a surname ("Tex"), names the model never tags ("Purple Aces", "ALASKA").
`fresh25` (the next four ECB+ dev events in that order: 12_ecbplus, 35_ecb, 21_ecbplus,
18_ecb; 12 articles, annotated after those rules and before the product ran on it) then gave
their untouched figure: P 0.997, R 0.948 (exact-string baseline 0.974 / 0.579), person
precision 1.000 (12 PERSON entities). No rule was written from its errors.
Session 11: `fresh26` (the last ECB+ dev events no entity file names, 34_ecb and 34_ecbplus,
three articles each, and the first two GVC train incidents no entity file names, 601037 and
449691, three articles each: 12 articles; eval/README_annotation.md) was annotated and
committed (9ec8caf) before the product ran on it. Its untouched figure of session 10's rules:
P 0.980, R 0.898 (exact-string baseline 1.000 / 0.633), person precision 1.000 (12 PERSON
entities): "the Obama team" kept apart from Barack Obama, "the Foundation" from the Robert
Wood Johnson Foundation, a sheriff's "Department" from its "Office", "U.S." the model never
tags in "U.S. Surgeon General", "LSU-Shreveport" for "LSU Medical Center". Its errors, audit
10's (the award "Oscar" absorbed by a person "Oscar Maximillian", "Mo" and "Maurice Cheeks"
apart) and those of fresh8, fresh16, fresh18, fresh19 and fresh21 (recall < 0.90) were then
read and general rules written (see git log): a word a story uses as a thing's name ("Oscar
night", "an Oscar win") is no given name there and no person; shared short forms ("Mo") link
to the one full name the corpus gives their surname; "the Foundation" names its article's one
organisation it ends; a lone surname before "team"/"camp"/"aides" is the story's person two
other articles name in full; a sheriff's Department and Office are one body; a city the
story's one team name opens is the team where sports words say so ("win over X", "X coach",
"X (7-2)"); two spellings of one street join; one full name two stories give ages more than a
year apart is two people. Left: two same-named people told apart only by their teams ("Jim
O'Brien" of the 76ers and of Ohio State, audit 10), names the model never tags.
Session 12: `fresh27` (ECB+ events of topics no entity file named: 7_ecb, 6_ecb, 20_ecb, 2_ecb,
28_ecb, three articles each; eval/README_annotation.md) was annotated and committed (2b11928)
before the product ran on it; 2_ecb (Hugh Jackman to host the Oscars) turned out to be one of the
stories audit 10 read in session 11, so the four others are the untouched part. Untouched figure
of session 11's rules: P 0.999, R 0.853 (exact-string baseline 0.999 / 0.560), person precision
0.949 (39 PERSON entities); without 2_ecb P 0.999, R 0.842, person precision 0.929: Mark Felt's
alias "Deep Throat" an entity of its own, "Summit" apart from "Summit Entertainment", villages
typed PERSON ("the villages Kavouhi and Zinabieh"), "Wlad", "The Rock" and "Feld" (a misspelt
Felt typed ORG) missed. Its errors were then read and three rules written: a quoted name after
"was known as <up to four words>" is its bearer's alias, and joins them in every article that
names the bearer; a brand opening the story's one company or venue name joins it ("Summit");
names after a lower-case "village(s)"/"island(s)" are places. No other split changes.
Session 13: `fresh28` (GVC train incidents 413257, 730637, 688841, 662638 and 525329, all their
16 articles; no entity file, test or doc named them; eval/README_annotation.md) was annotated
and committed (d5ef322) before the product ran on it. Untouched figure of session 12's rules
(at 9062809): P 1.000, R 0.903 (exact-string baseline 1.000 / 0.678), person precision 1.000
(30 PERSON entities): "Brittany Rock" typed GPE, "Smith saw Calloway" one ORG, "Vicious Lower
East Side" (a link's opening adjective), "Tennessee" the state for a street, lone "Smith" and
"Mesa County Sheriff's office" never tagged. Its errors were then read, with ECB+ 32_ecb's
(a bare "Gomes" given to the suspect's mother) and fresh27's Washington, and four rules
written: a two-word name typed as a place that opens with a common given name (the 1990 US
census lists, `resources/given_names.txt`) is the person whose surname the article names
alone; a name run over a short clause between two of the article's people is those two; a
titled shared surname ("Ms. Gomes") goes to the bearer of its sex (given name or text), and a
bare one is not given by the first-name rule to a bearer the article's titles mostly call the
other sex; "Washington" after a town and a comma (or "Wash.") is the state, not the capital
(fresh28 R 0.903 -> 0.961, no other split changes). Then two more: a one-word name tagged ORG
that its article writes twice after "says" or before a sentence opening on "He"/"She" is a
person (a game diary's "Hadvar", cleaning set), and a known place's name right after "block of"
is the story's street it heads ("700 block of Tennessee"): fresh28 R 0.961 -> 0.965.

Annotation guideline (how the gold was made, by reading each article in full):
- List every person the story's articles name, and the organisations, places and facilities
  that they name (outlets and credit lines included when they are names: "KDVR", "DNAinfo").
- Forms are written exactly as in the text, case included ("WOODLAWN" and "Woodlawn" are two
  forms of one place); a misspelling of the same referent is a form of it ("Lamont Lonfair").
- A lone surname or first name is a form of the person it refers to in that article, judged
  by reading (pronouns, roles, context). When it refers to two people within one article
  ("Caron" for a father and his daughter), it is left out (listed as `ambiguous`); when it
  refers to different people in different articles of the story, the entity lists `articles`.
- A title or role phrase is not a form ("the sheriff"), nor are nationality adjectives.
- Two stories' entities share a `name` only when they are the same real thing.
- Names in page furniture are names too ("Twitter", "Pinterest" in a share bar; "WTOL" in a
  copyright line); a state abbreviation of a dateline ("Ga.", "MD") is a form of the state.
- A surname standing for a family ("the Hanna family") is no form of a person; when a lone
  surname names one person in some articles only, a second entry with the same `name` gives
  that form with `articles` (session 5).
"""

from __future__ import annotations

import argparse
import re
import sys
from collections import Counter, defaultdict
from collections.abc import Iterable
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

import harness

GOLD = Path(__file__).resolve().parent / "data" / "entities_gold.jsonl"
# Quick (CI gate) subset: these test stories, pinned by id (16 articles).
QUICK_STORIES = (
    "gvc:619156",
    "gvc:571922",
    "gvc:682143",
    "gvc:584156",
    "ecb:16_ecbplus",
    "ecb:33_ecbplus",
)
COMMAND = "python eval/entities.py"


def _norm(text: str) -> str:
    return text.replace("’", "'")


def load_records(stories: list[dict[str, Any]]) -> list[dict[str, Any]] | None:
    """The articles of `stories` as input records, or None when the shared data is absent."""
    found = harness.news_records(a for s in stories for a in s["articles"])
    if found is None:
        return None
    return [found[a] for s in stories for a in s["articles"]]


def gold_mentions(
    story: dict[str, Any], texts: dict[str, str]
) -> list[tuple[str, tuple[int, int], str, str, str]]:
    """(article id, span, gold key, gold type, surface) for every occurrence of a gold form."""
    out = []
    for article in story["articles"]:
        text = texts.get(article)
        if text is None:
            continue
        plain = _norm(text)
        found: list[tuple[int, int, str, str]] = []
        for entity in story["entities"]:
            if article not in entity.get("articles", story["articles"]):
                continue
            for form in entity["forms"]:
                pattern = re.compile(r"(?<!\w)" + re.escape(_norm(form)) + r"(?!\w)")
                for m in pattern.finditer(plain):
                    found.append((m.start(), m.end(), entity["name"], entity["type"]))
        for s, e, key, etype in found:
            inside = any((s2 <= s and e <= e2) and (e2 - s2) > (e - s) for s2, e2, _, _ in found)
            if not inside:
                out.append((article, (s, e), key, etype, text[s:e]))
    return sorted(set(out))


def _pairs(counts: Iterable[int]) -> int:
    return sum(n * (n - 1) // 2 for n in counts)


def pairwise(gold: list[str], system: list[str]) -> tuple[float, float]:
    """Pairwise precision and recall of the clustering `system` against `gold` (same items)."""
    cells = Counter(zip(gold, system, strict=True))
    tp = _pairs(cells.values())
    sys_pairs = _pairs(Counter(system).values())
    gold_pairs = _pairs(Counter(gold).values())
    return (tp / sys_pairs if sys_pairs else 1.0), (tp / gold_pairs if gold_pairs else 1.0)


def score(stories: list[dict[str, Any]], *, errors: bool = False) -> dict[str, float | int] | None:
    """Pairwise scores of the product and of the exact-string baseline over `stories`."""
    records = load_records(stories)
    if records is None:
        return None
    report = harness.run_product(records)
    ids = harness.record_articles(report, len(records))
    by_record = {r["id"]: a for r, a in zip(records, ids, strict=True)}
    texts = {rid: a.text for a in report.articles for rid, aid in by_record.items() if aid == a.id}
    spans: dict[str, list[tuple[tuple[int, int], str, str]]] = defaultdict(list)
    for entity in report.entities:
        for ev in entity.mentions:
            spans[ev.article_id].append((ev.span, entity.id, entity.type))
    gold_keys: list[str] = []
    system_keys: list[str] = []
    baseline_keys: list[str] = []
    surfaces: list[str] = []
    person_gold: dict[str, Counter[str]] = defaultdict(Counter)
    for story in stories:
        for article, (s, e), key, etype, surface in gold_mentions(story, texts):
            aid = by_record[article]
            best, best_score = None, 0.0
            for (ms, me), eid, mtype in spans.get(aid or "", []):
                overlap = min(e, me) - max(s, ms)
                if overlap <= 0:
                    continue
                value = overlap - 0.5 * ((me - ms) - overlap)
                if value > best_score:
                    best, best_score = (eid, mtype), value
            gold_keys.append(key)
            system_keys.append(best[0] if best else f"unmatched:{article}:{s}")
            baseline_keys.append(surface)
            surfaces.append(f"{surface}@{article[:8]}")
            if best and best[1] == "PERSON":
                person_gold[best[0]][etype] += 1
    if errors:
        names = {e.id: f"{e.type}:{e.name}" for e in report.entities}
        _print_errors(gold_keys, [names.get(k, k) for k in system_keys], surfaces)
    p, r = pairwise(gold_keys, system_keys)
    bp, br = pairwise(gold_keys, baseline_keys)
    people = sum(1 for c in person_gold.values() if c.most_common(1)[0][0] == "PERSON")
    return {
        "articles": len(records),
        "mentions": len(gold_keys),
        "matched": sum(1 for k in system_keys if not k.startswith("unmatched:")),
        "precision": round(p, 4),
        "recall": round(r, 4),
        "baseline_precision": round(bp, 4),
        "baseline_recall": round(br, 4),
        "person_entities": len(person_gold),
        "person_precision": round(people / len(person_gold), 4) if person_gold else 1.0,
    }


def _print_errors(gold: list[str], system: list[str], surfaces: list[str]) -> None:
    """Split gold entities and merged system entities, for reading errors (tune split only)."""
    rows = list(zip(gold, system, surfaces, strict=True))
    by_gold: dict[str, set[str]] = defaultdict(set)
    by_system: dict[str, set[str]] = defaultdict(set)
    for g, s, _ in rows:
        by_gold[g].add(s)
        by_system[s].add(g)
    for g, systems in sorted(by_gold.items()):
        if len(systems) > 1:
            parts = [
                (s[:40], sorted({x for g2, s2, x in rows if s2 == s and g2 == g}))
                for s in sorted(systems)
            ]
            print("SPLIT", g, parts, file=sys.stderr)
    for golds in by_system.values():
        if len(golds) > 1:
            print("MERGED", sorted(golds), file=sys.stderr)


def _stories(split: str, quick: bool) -> list[dict[str, Any]]:
    rows = harness.read_jsonl(GOLD)
    if quick:
        return [r for r in rows if r["story"] in QUICK_STORIES]
    return [r for r in rows if split == "all" or r["split"] == split]


# The splits annotated before the product ever ran on them, in the order they were made.
FRESH_SPLITS = ("fresh", *(f"fresh{n}" for n in range(2, 29)))


def figures(*, quick: bool = False) -> list[harness.Figure]:
    """Pairwise precision and recall on the test stories (the quick subset with `quick`) and
    on the `fresh` stories (annotated for issue 12 before the product ever ran on them)."""
    out = _split_figures("test", quick)
    if not quick:
        for split in FRESH_SPLITS:
            out += _split_figures(split, quick)
    return out


_TUNED = {
    "test": "own entity gold, tune stories; test errors read for issue 12 (no threshold fitted),"
    " again in session 5 (the shared-surname rule was checked on two test stories)",
    "fresh": "fresh errors read for issue 12 after its first measurement (P 0.967, R 0.831),"
    " again in session 4",
    "fresh2": "fresh2 errors read in session 4 after its untouched measurement (P 0.964,"
    " R 0.956, person precision 0.688)",
    "fresh3": "fresh3 errors read in sessions 4 and 5 after its untouched measurement (P 0.990,"
    " R 0.842, person precision 1.000)",
    "fresh4": "fresh4 errors read in sessions 4 and 5 after its untouched measurement (P 0.963,"
    " R 0.865, person precision 1.000)",
    "fresh5": "fresh5 errors read in sessions 4 and 5 after its untouched measurement (P 0.968,"
    " R 0.750, person precision 1.000)",
    "fresh6": "fresh6 errors read in session 5 after its untouched measurement in session 4"
    " (P 0.985, R 0.880)",
    "fresh7": "fresh7 errors read in session 4 after its untouched measurement (P 0.950,"
    " R 0.854, person precision 0.963)",
    "fresh8": "fresh8 errors read in session 5 after its untouched measurement (P 0.984,"
    " R 0.864, person precision 0.944)",
    "fresh9": "fresh9 errors read in session 5 after its untouched measurement (P 0.997,"
    " R 0.890, person precision 0.907)",
    "fresh10": "fresh10 errors read in session 5 after its untouched measurement (P 1.000,"
    " R 0.865, person precision 0.881)",
    "fresh11": "fresh11 errors read in session 5 after its untouched measurement (P 1.000,"
    " R 0.783, person precision 0.983)",
    "fresh12": "fresh12 errors read in session 5 after its untouched measurement (P 0.989,"
    " R 0.814, person precision 0.907)",
    "fresh13": "fresh13 errors read in session 5 after its untouched measurement (P 1.000,"
    " R 0.733, person precision 0.976)",
    "fresh14": "its untouched measurement (P 0.997, R 0.941, person precision 0.889) read for"
    " the report; the type rules of session 5's audit-5 work (a place before 'community' or an"
    " aged person noun) cover its 'Traer' typed PERSON",
    "fresh15": "fresh15 errors read in session 5 after its untouched measurement (P 0.945,"
    " R 0.722, person precision 0.861): one rule withdrawn, none written",
    "fresh16": "fresh16 (three ECB+ train events, 1_ecb, 1_ecbplus, 25_ecb) errors read in"
    " session 6 after its untouched measurement (P 0.993, R 0.706, person precision 0.867)",
    "fresh17": "untouched: annotated in session 6 (ECB+ train events 3_ecbplus, 4_ecbplus,"
    " 13_ecb) before the product ran on it, measured once with session 6's rules (P 0.992,"
    " R 0.956, person precision 1.000; session 5's rules give the same); touched in session"
    " 6 by audit 6, which read its 4_ecbplus event (Esther Williams) and gave the rules on"
    " possessive kin surnames and opening adjectives ('Stunning Williams')",
    "fresh18": "fresh18 (ECB+ train events 24_ecbplus, 29_ecb, 13_ecbplus) errors read in"
    " sessions 6 and 7 after its untouched measurement (P 0.982, R 0.474, person precision"
    " 1.000; session 5's rules give the same)",
    "fresh19": "fresh19 (ECB+ train events 31_ecb, 10_ecbplus, 32_ecbplus) errors read in"
    " session 7 after its untouched measurement in session 6 (P 0.983, R 0.740, person"
    " precision 0.773; session 5's rules give the same)",
    "fresh20": "fresh20 (ECB+ train events 30_ecb, 27_ecb, 16_ecb, annotated in session 7"
    " before the product ran on it) errors read in session 7 after its untouched measurement"
    " (P 0.973, R 0.720, person precision 1.000; exact string 1.000 / 0.817)",
    "fresh21": "fresh21 (ECB+ train events 8_ecb, 26_ecb, 23_ecb, annotated in session 7"
    " before the product ran on it) errors read in session 7 after its untouched measurement"
    " (P 1.000, R 0.824, person precision 1.000; exact string 1.000 / 0.765)",
    "fresh22": "fresh22 (ECB+ train events 32_ecb, 19_ecbplus, 9_ecb, 4_ecb, annotated in session"
    " 8 before the product ran on it) errors read in session 8 after its untouched measurement"
    " (P 0.950, R 0.383, person precision 0.941; exact string 1.000 / 0.463; session 7's rules"
    " give the same)",
    "fresh23": "fresh23 (18 one-article GVC train incidents no eval file named, annotated in"
    " session 9 before the product ran on it) errors read in session 9 after its untouched"
    " measurement (P 0.963, R 0.720, person precision 0.886; exact string 1.000 / 0.449)",
    "fresh24": "fresh24 (ECB+ dev events 18_ecbplus, 21_ecb, 23_ecbplus, 12_ecb, annotated in"
    " session 10 before the product ran on it) errors read in session 10 after its untouched"
    " measurement (P 0.964, R 0.795, person precision 0.864; exact string 1.000 / 0.552)",
    "fresh25": "untouched: annotated in session 10 (ECB+ dev events 12_ecbplus, 35_ecb,"
    " 21_ecbplus, 18_ecb) after fresh24's rules and before the product ran on it, measured"
    " once at 1eb2d20 (P 0.997, R 0.948, person precision 1.000; exact string 0.974 / 0.579);"
    " its error list was printed then, no rule written from it",
    "fresh26": "fresh26 (ECB+ dev events 34_ecb, 34_ecbplus; GVC train incidents 601037, 449691;"
    " annotated in session 11 before the product ran on it) errors read in session 11 after its"
    " untouched measurement at 9ec8caf (P 0.980, R 0.898, person precision 1.000; exact string"
    " 1.000 / 0.633)",
    "fresh27": "fresh27 (ECB+ events 7_ecb, 6_ecb, 20_ecb, 2_ecb, 28_ecb, annotated in session 12"
    " before the product ran on it) errors read in session 12 after its untouched measurement at"
    " 2b11928 (P 0.999, R 0.853, person precision 0.949; exact string 0.999 / 0.560; without"
    " 2_ecb, which audit 10 had read in session 11: P 0.999, R 0.842, person precision 0.929)",
    "fresh28": "fresh28 (GVC train incidents 413257, 730637, 688841, 662638, 525329, annotated in"
    " session 13 before the product ran on it) errors read in session 13 after its untouched"
    " measurement at 9062809 (P 1.000, R 0.903, person precision 1.000; exact string 1.000 /"
    " 0.678)",
}
# Session 6's second pass (extract/missed_names.py) and its two linking rules were written
# reading what they add and change on every split but fresh17 (tune, test, fresh-fresh16).
_SESSION6 = "; session 6: the missed-names pass was checked on its mentions"
# Session 8 read the errors of every split but fresh22 (classified by kind) before its rules.
_SESSION8 = "; session 8: errors read again (by kind) before its rules"
# Session 10 read the errors of these splits (by kind) before its rules (fresh24's are above);
# fresh23's type errors (a hospital, a pike, a gun maker typed PERSON) were read too.
_SESSION10_READ = frozenset({"fresh8", "fresh16", "fresh18", "fresh19", "fresh21", "fresh23"})
_SESSION10 = "; session 10: errors read again (by kind) before its rules"
# Session 11 read the errors of these splits (recall < 0.90) before its rules (fresh26's above).
_SESSION11_READ = frozenset({"fresh8", "fresh16", "fresh18", "fresh19", "fresh21"})
_SESSION11 = "; session 11: errors read again before its rules"
# Session 9 read the errors of these splits (by kind) before its rules (fresh23's are above).
_SESSION9_READ = frozenset(
    {"fresh5", "fresh8", "fresh11", "fresh12", "fresh13", "fresh15", "fresh16", "fresh18"}
    | {"fresh19", "fresh20", "fresh21", "fresh22"}
)
_SESSION9 = "; session 9: errors read again (by kind) before its rules"


def _split_figures(split: str, quick: bool) -> list[harness.Figure]:
    stories = _stories(split, quick)
    result = score(stories)
    if result is None:
        return []
    data = (
        f"own entity gold, {'quick subset' if quick else split}: {len(stories)} stories, "
        f"{result['articles']} articles, {result['mentions']} mentions"
    )
    tuned = (
        _TUNED[split]
        + (
            ""
            if split
            in {"fresh22", "fresh23", "fresh24", "fresh25", "fresh26", "fresh27"} | {"fresh28"}
            else _SESSION8
        )
        + (
            _SESSION6
            if split
            not in {"fresh17", "fresh18", "fresh19", "fresh20", "fresh21", "fresh22", "fresh23"}
            | {"fresh24", "fresh25", "fresh26", "fresh27", "fresh28"}
            else ""
        )
        + (_SESSION9 if split in _SESSION9_READ else "")
        + (_SESSION10 if split in _SESSION10_READ else "")
        + (_SESSION11 if split in _SESSION11_READ else "")
    )
    command = COMMAND + (" --quick" if quick else "")
    metric_of = "" if split == "test" else f" ({split})"
    return [
        harness.Figure(
            eval="entities",
            metric=metric + metric_of,
            data=data,
            tuned_on=tuned,
            value=float(result[metric]),
            baseline="exact-string linking",
            baseline_value=float(result[f"baseline_{metric}"]),
            command=command,
        )
        for metric in ("precision", "recall")
    ] + [
        harness.Figure(
            eval="entities",
            metric="person_precision" + metric_of,
            data=data + f", {result['person_entities']} PERSON entities",
            tuned_on=tuned,
            value=float(result["person_precision"]),
            command=command,
        )
    ]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--quick", action="store_true")
    parser.add_argument(
        "--split",
        choices=("tune", "test", *FRESH_SPLITS, "all"),
        default=None,
    )
    parser.add_argument("--errors", action="store_true", help="print split and merged entities")
    args = parser.parse_args()
    if args.split is not None:
        import json

        found = score(_stories(args.split, args.quick), errors=args.errors)
        print(json.dumps(found, sort_keys=True))
        return
    harness.print_figures(figures(quick=args.quick))


if __name__ == "__main__":
    main()
