"""Briefs scored on what `newsweave analyze` writes (issue 11): supported, opening, clean.

Usage: python eval/briefs.py [--quick] [--show] [--split test|fresh|fresh7|...|fresh11]

Labels: `eval/data/brief_labels.jsonl` (guideline: eval/README_annotation.md, "Claim pairs and
briefs"). One row per gold story: each brief sentence as the product wrote it (text hash and the
record ids it cites), `supported` when every cited article states it, and per brief whether its
first sentence is the happening (who did what, when or where). Rows of the `fresh` half (nine
ECB+ train stories in no claim, quantity or brief label file - five in no eval/data file at all,
four with a few date labels - labelled in session 6 on the commit named in `judged_on`, before
any brief change of that session; lines the changed briefs wrote later were labelled as they
appeared) also carry `problem` where a supported sentence still does not belong in a brief:
`background` (not about this happening: earlier events, biography, standing facts,
boilerplate), `opinion` (the writer's own view or chatter), `fragment` (leans on a sentence the
brief does not show: "The two ...", an unattributed quote, a tweet), `redundant` (repeats an
earlier line of the brief), `furniture` (the page speaking: "News X has exclusive pictures").

Rows of the `fresh7` half (five ECB+ train stories that no brief label file covered: 16_ecb,
33_ecb, 8_ecb, 3_ecb, 14_ecb) were labelled in session 7 on the briefs of the commit in
`judged_on`, after the session's last brief and claims change, with the same `problem` tags; no
rule changed after they were read, so their figures are untouched. They add one problem tag,
`false-conflict`: an "Outlets differ" line whose values are no disagreement (a hedged "about
8.40pm" against "8.49pm"). Support is judged on the cited sentence, as the guideline says: an
article whose cited sentence states only part of the line (the place of a blast, not its
deaths) does not support it.

Rows of the `fresh8` half (twelve stories in no brief or claim-pair label file: ECB+ train
13_ecbplus, 19_ecb, 19_ecbplus, 24_ecbplus, 26_ecb, 27_ecb, 29_ecb, 32_ecbplus, 3_ecbplus,
4_ecbplus; GVC 492366, 562315) were labelled in session 8: the happening of each story was
written down (eval/README_annotation.md) before the product ran on it, then the briefs of the
commit in `judged_on` were read against every cited sentence, with the same tags. Four of them
(13_ecbplus, 29_ecb, 3_ecbplus, GVC 562315) had been read in audits 5 and 6 when brief rules were
set, so only eight are untouched by any rule; the figure is printed for all twelve. Lines
the session-8 brief wrote afterwards were labelled the same way (in fresh and fresh7 rows too,
marked `labelled: session 8`). Since session 8 a brief line cites only the articles whose
sentence holds every figure and name of it: a line labelled supported with more citations is
supported with a part of them (`_narrowed`); one labelled unsupported is judged again.

Rows of the `fresh9` half (twelve stories in no brief, claim-pair or conflict label file:
GVC train 601037, 715024, 462496, 138295, 364715, 432535, 604190, 583179; ECB+ train 20_ecb,
14_ecbplus, 33_ecbplus, 30_ecbplus) were labelled in session 9 the same way: the happening of
each story written down (eval/README_annotation.md) and committed before the product ran on it,
then the briefs of the commit in `judged_on` (after the session's brief changes) read against
every cited sentence. No rule changed after they were read: their figures are untouched.

Rows of the `fresh10` half (twelve test-side stories no brief label row named: ECB+ dev 35_ecb,
23_ecb, 34_ecb, 35_ecbplus, 2_ecbplus, 21_ecb; GVC dev 688979, 661322, 663712, 723277, 486434,
619156) were labelled in session 10 the same way: happenings committed (8967439) before the
product ran on them, then the briefs of that commit read against every cited sentence:
untouched there, supported 0.932 (88 lines), openings 0.941 (16 of 17), clean 0.693. The
session's opening rules came after, one of them widened on its wrong opening (21_ecb).

Rows of the `fresh11` half (twelve GVC train incidents named by no label file but
entities_gold.jsonl: 358286, 678245, 643219, 170442, 583177, 491438, 646995, 685537, 533658,
492546, 384676, 566863) were labelled in session 11 the same way: happenings committed (5687b22)
before the product ran on them, then the briefs of that commit read against every cited
sentence: untouched there, supported 0.986 (70 of 71), openings 0.667 (8 of 12).

Rows of the `fresh12` half (ECB+ dev topic 5, the one ECB+ topic no brief label named: 5_ecb,
5_ecbplus) were labelled in session 12 the same way: happenings committed (bbc91d0) before the
product ran on them: untouched there, supported 1.000 (28 of 28), openings 0.600 (3 of 5).

Rows of the `fresh13` half (eight GVC incidents no label file, test or doc named: 730637,
525486, 708277, 704906, 704555, 700468, 693798, 688841) were labelled in session 13 the same
way: happenings committed (6429ea2) before the product ran on them, then the briefs of that
commit read against every cited sentence. Lines and openings that session 13's rules wrote in
fresh8, fresh10 and fresh12 rows (ECB+ 5_ecbplus, 21_ecb, 19_ecb's and GVC 661322's openings)
were labelled the same way (`labelled: session 13`).

Session 14 (story-brief v12): when the chosen opener names no one, nowhere and no day, or holds
none of the verbs two or more headlines tell the happening with, the story's earliest headline
that states it opens the brief (the outlet's own words, citing its article). The three openings
this wrote in labelled rows (fresh11 GVC 678245 and 685537, test GVC 556993) were read against
their articles and labelled (`labelled: session 14`; a headline line is supported by its
article, whose own headline it is).

Rows of the `fresh15` half (twelve stories no brief label named: GVC train 470971, 306048,
487094, 610379, 544535, 315594, 341451, 589488, 657926, 282956; ECB+ train 11_ecb, 7_ecb; every
event with 3+ articles is named by some label file, so these are ones no brief rule was read on)
were labelled in session 15 the same way: each story's happening committed in its row (b4eaa74)
before the product ran on it, then the briefs of that commit read against every cited sentence:
untouched there (labels committed at facdafa before the figure ran), supported 0.976 (81 of 83),
openings 0.846 (11 of 13), clean 0.771. Its errors, read after: two openings (GVC 306048's
'still in "grave" condition' when the girl had died - the scare quotes hid the open outcome from
the overtaken-opening rule; ECB+ 7_ecb's column 7_3ecb, a story of its own, opens on the
writer's view, a stories/claims matter: its lede is no claim of that story) and two lines whose
second citation states only part (a head wound; "minor" injuries against "not expected to be
life-threatening", claim alignment). Session 15's rules (story-brief v14) then followed: a
headline cut mid-word ("shot in fa", GVC 470971) loses its stub; "All three ...", "Both ..." and
"these crimes" lean on unseen sentences (fresh8's one wrong opening, the arson blog of ECB+
13_ecbplus); a scare-quoted condition is an open outcome; a conflict topic worded as a question
takes no article ("Outlets differ on how many times ...").

Session 16 (story-brief v17-v19) read those errors and 11 more briefs (GVC, ECB+) as a
fact-checker before any change: a line now cites only the sentences that state its injury degree
("minor" is not "not expected to be life-threatening"), its wounded body part and a done act
(not "was to release"); a column's sentences open no brief, and a story told only by columns is
briefed by their ledes that tell a dated happening or not at all (7_3ecb). The two narrowed
fresh15 lines were labelled after (`labelled: session 16`); fresh15 is no longer untouched.

Session 17 (story-brief v20): a roundup article's parts that tell another happening than the
story's give no line (a part opens on "another shooting", "a separate incident", "the first
shooting"; the story's part is the one whose figures and names the story's other articles share;
GVC 590958 put a 6:20 p.m. dispute after a 2:15 a.m. killing), and appeals for information, tip
lines and numbers to call are no line; the timeline dates a case step ("has been charged in
connection to the June 28th fatal shooting") by its report, not by the happening it names. The
three lines session 16 narrowed and the four that v20 writes once appeals leave were labelled after
(`labelled: session 17`).

Session 18 (story-brief v21), read as a fact-checker on the briefs and timelines of ECB+ 12_ecb,
10_ecbplus, 14_ecb and GVC 716641, 717395, 704906, 735826, 590958, 604190, each rule counted
over every ECB+/GVC story: a wire dateline leaves a line in each of its forms
("MILWAUKEE — 37-year-old Oliver Kennedy ...", "WILKES-BARRE -- ", "NAPLES, Fla. - NAPLES,
Fla. -- ", "(Updated 3:25 p.m.) WATSONVILLE >> ", no longer "SKY-TV" or "A FIRE-BOMB" cut as
one: 11 paragraphs' brief wording changes) and timeline entries lose theirs (106 paragraphs); the
timeline drops a roundup's parts of another happening as the brief does; a one-article story's
"another shooting" part is set aside (GVC 677316); a part set aside ends at a paragraph that
names only the story's marks ("She drove to the scene of the shooting Saturday", GVC 604190;
ECB+ 16_ecbplus's sentencing motion); a chronology of three or more dated items beside a report
("Sept. 26: Santa Cruz police discover the body of ...", only GVC 704906 in either corpus) gives
no line or entry. The three lines v21 writes in 704906 (fresh13) and the two lines and one
opening it writes in GVC 492366 (fresh8) without their "NEW HAVEN>>" datelines and one quote line
of ECB+ 14_ecb (fresh7, its cited sentence word for word) were labelled after (`labelled:
session 18`). Measured at a821763 (run_all --only briefs, 1278 s wall under load ~15) and
re-judged with those labels: every figure as before but fresh13 clean 0.792 -> 0.812 (the
chronology's background lines gone); openings 1.000 on every split.

Session 19 (story-brief v22, claim-vectors v2; helper-146, ECB+ 10_ecbplus read as a
fact-checker, each rule counted over every ECB+/GVC article): a batting average split from its
word ("He hit. 308 with") ends no sentence (7 such points in either corpus, all decimals); a
line where the writer speaks to the reader ("You can follow the entire saga on ...", "rest
assured", "Without question, ...") or that opens on a connective leaning on an unseen sentence
("In fact, ...", "Moreover") is no brief line; a timeline entry is a whole sentence, and a plan
dated after its page's day ("will be 29 in April", "is due in court Feb. 17") is left out of the
timeline. Over the 66 ECB+ stories 13 brief lines change (8 right, 3 neutral, 2 wrong: 16_ecbplus
loses its conviction lede, and a labelled-clean "In fact, the Colts ..." line of 29_ecb) and 37
timeline entries go (36 right; a "SEACOM tweeted at 09:30" quote tail wrongly); GVC not read.
5 lines and 5 openings labelled after (`labelled: session 19`). Measured by the lead at 5c15229
(run_all --only briefs, 381 s): test unchanged, fresh7 clean 0.758 -> 0.788, one line each of
fresh8, fresh9 and fresh10 not yet labelled (coverage 0.99).

Session 20 (story-brief v23, helper-151; errors the lead read by eye, each rule counted over
every ECB+/GVC story): the timeline takes no day from a wire dateline ("NEW HAVEN, Conn., Oct. 27
(UPI) -- One person was killed", GVC 492366: the shooting was on the 26th) nor from a time word
without a calendar date inside a quotation (the speaker's "this morning", said on a day the page
does not give); it leaves out any day more than a week after its page (no page reports that
done; an "Update (May 11, 2016)" stamp excepted), plans in more words ("to be voted on
Thursday", "when he returns to court Feb. 4, 2016", "next court date") and, on a page of no
known day, a sentence in the present or future words of a plan ("court date is set for
February 17, 2009"); a quote's tail is whole when any saying verb the quote extraction knows
(`SPEECH_VERBS`) names its speaker ("SEACOM tweeted"). Over the 273 stories (stages up to
dates, then the timeline before and after) 50 entries go, 5 change and 4 come, each read: 27
quoted time words (chants, "today" in statements, "tomorrow", a Facebook post's "Saturday
morning"; a few of them named the right day, said that day: said less), 19 plans or deadlines,
the dateline, 2 wrong years of extraction (dated after their page), and one background year
group of 28_ecb (a quoted "will" on a page of no day); SEACOM's quote tail comes back, "The
decision today ..." is dated by its "said after court Tuesday", 3 entries the cap of 20 had cut
come in. Cleaning: a photo credit handed in by its owner ("(Provided by family)", "(Photo
courtesy of ...)", "Courtesy of ..." alone on a line) marks a caption, and a caption printed
twice on one line counts its words once: over every GVC/ECB+ text 4 paragraphs go, all captions
(GVC 571210's was a claim). The unlabelled lines (29_ecb, 33_ecbplus, 35_ecbplus, GVC 688979's
"Four people were shot ...") were read against their cited articles and labelled (`labelled:
session 20`, all supported, stated word for word).

Sessions 21 and 22 (story-brief v24, v25: appeals, promos, credit-led captions and an outlet's
promise of updates are no claims, so no brief's first sentence): every figure below measured
again through `run_all --only briefs` at cfc9294 (helper-160): all 29 unchanged, coverage
included.

Session 22 (story-brief v26, helper-161): claims whose cited sentences deny one thing in other
words are corroborated (`similarity.polarity_clash`, eval/claims.py); on these stories one line
is new, fresh8's 27_ecb quote of Mike Reavey ('"Even with that, the release Emergency Response
process isn't over," ...'), now cited with the two other outlets that print it: read against
each and labelled (`labelled: session 22`, supported, a fragment: "Even with that" leans on the
release it follows). Measured through run_all --only claims,single_source,briefs: fresh8's
supported 0.913 -> 0.924 (judged 92), its clean share unchanged; every other figure unchanged.

Session 23 (story-brief v27, lead; from reading ECB+ 35_ecb and 30_ecbplus by eye): a statement
whose only attribution is a pronoun ("Jackson was on probation for a previous DUI arrest, he
said.", the "he" an officer two paragraphs up) is no brief line, and a page's bracketed date
before a lede ("(Tue, 16 Aug 2011) This morning ...") is stripped as a dateline is. Two texts
the briefs write were new and labelled (`labelled: session 23`, each read against its cited
article): fresh9 30_ecbplus's opening without its bracketed date (supported, the happening, as
the dated form was) and fresh10 35_ecb's "The results of a blood test are pending." (supported),
which takes the pronoun line's place. Measured through run_all --only briefs: fresh10's clean
share 0.731 -> 0.744 (the pronoun line was a fragment); every other figure unchanged.

Session 24 (story-brief v28, helper-170; issue 11's clean share): the problem lines of every
split were listed and read against their briefs and cited sentences, and sorted by kind; the two
largest kinds a general rule can tell got one each. A line whose content words (stems and
figures, `similarity.text_features`) the brief's lines so far mostly hold (0.7) and whose cosine
to one of them is 0.6 or more says the same thing in other words and is left out ("Baton Rouge
Police have charged 17-year-old Ahmad Antoine ... with Negligent Homicide" under "Ahmad Antoine,
17, ... was charged with negligent homicide and booked ...", GVC 486434); either test alone also
took lines that add a fact. Both values were set on the `redundant` labels of fresh, fresh8 and
fresh10; a first version without the cosine was read on every split and dropped such lines there
too (fresh11's "... two juveniles were inside the home", fresh13's "the motive ... is unknown",
fresh15's "... self-inflicted"), so no split is untouched by it. A line whose own words (quotes
and a closing "..., X said." aside) hold no verb is a clause torn from its sentence or a quote's
tail ("Thursday at the Broad River bridge ..., deputies said.", fresh9; 'The 27-year-old
Escalante "was shot ..."', fresh7; "ITNewsAfrica that "..."", fresh9), written on those three;
"The others ..." (a fragment) and the writer's "Really, ..." (opinion) were read on fresh12's
5_ecbplus. Background (the largest kind: biographies, earlier seasons, standing facts) and
opinion lines were read but got no rule: none that told them from news lines on these labels.
The six lines the new briefs wrote were read against their cited sentences and labelled
(`labelled: session 24`): 4 clean, 1 redundant (fresh8 26_ecb's third retelling of the hanging,
the rule's miss at share 0.62), 1 background (fresh9 30_ecbplus: the cable's route). Measured
through run_all --only briefs against the figures before: clean fresh7 0.788 -> 0.844, fresh9
0.811 -> 0.822, fresh10 0.744 -> 0.784, fresh11 0.959 -> 0.973, fresh12 0.625 -> 0.708; fresh
0.729, fresh8 0.707, fresh13 0.812, fresh15 0.885 unchanged; openings 1.000 everywhere; the
unsupported lines are the same on every split, but the supported share moves where supported
lines left without a line in their place (fresh7 0.970 -> 0.969 = 31 of 32, fresh10 0.962 ->
0.959 = 71 of 74: three of its briefs are a line or two shorter). The seeds' report
is byte-identical.

Session 25 (helper-175; issue 11's background lines): no rule landed. Tuning splits fresh,
fresh8, fresh10 and fresh12 (the four session 24 tuned on); held out fresh7, fresh9, fresh11,
fresh13, fresh15 and the test half. Every line of the briefs `figures()` judges was listed with
its label and what the product holds of it (its dates against the story's days, tense, names
shared with the ledes, cosine to the opening, the claims' centroid and the headlines, its
voices, paragraph and lede). What each test drops of the 250 judged lines of the tuning
splits (21 of them background), as background / other problem / clean, read as a removal with
no line in its place (openings, update and conflict lines never dropped):
- a word of earlier times (prior, previous, former, earlier, ago, history, career, decades, once,
  known as, ...): 8 / 3 / 7; and no day of the story (weekday, yesterday, today, tonight, last
  night, this week): 8 / 2 / 7 (the clean ones: obituary lines with a decade, "a week ago",
  "based on previous negotiations");
- no day of the story and no saying verb: 19 / 21 / 48; no day, paragraph 2 or later and no
  article's first sentence: 17 / 20 / 45; one voice, no day, no saying verb, paragraph 1 or
  later: 15 / 12 / 38;
- a past perfect: 0 / 6 / 6; cosine to the opening < 0.3: 3 / 12 / 31; to the centroid of the
  story's claims < 0.45: 3 / 6 / 26; none of the names of the story's ledes: 4 / 14 / 57; a
  resolved date over 60 days before the story (`is_background` takes most already): 1 / 0 / 2;
- narrowed cues (prior/previous + a record noun, history of, career, known as/for, the latest
  ... after, years ago, for years, last season, -era, overall record, his ... seasons, when he
  was N, Nth century, in the 1980s), no day of the story, cosine to the opening < 0.6:
  11 / 2 / 0.

The last one ran through the product (story-brief v29 in the worktree, `take` refusing such a
line; measured with eval/briefs.py's own `figures()` before and after). Tuning splits, clean
before -> after: fresh 0.729 -> 0.796 (coverage 0.98 -> 0.90), fresh8 0.707 -> 0.730 (0.97),
fresh10 0.787 -> 0.808 (0.99), fresh12 0.708 -> 0.773 (0.92); supported fresh 0.983 -> 0.981,
fresh8 0.924 -> 0.921, fresh10 0.960 -> 0.959, fresh12 1.000; openings 1.000. Dropped: 11
background lines (LaRue's "bagman" years, career and heart history, Gray's prior arrests, the
earlier Cannes heists, Williams's WWII-era films, Cheeks's overall record, "Mo ran the Sixers in
the 1980s", ...), one redundant and one opinion line, no clean line; the 12 lines that came in
their place were read by eye but not labelled: 8 news, 4 background ("In 2005, Felt revealed
...", the "Daffy Don" nickname, the Post reporters' pledge on Deep Throat, a WWII pin-up line
labelled before). Held out, measured once: clean fresh7 0.844, fresh9 0.822, fresh11 0.973,
fresh13 0.812, fresh15 0.885, supported and openings all unchanged (their briefs hold 4
background lines, none with a cue: a company's description, a cable's route, an earlier escape,
an undercard bout); the test half lost one news line ("Defense attorney Jerome Fenton argued
LaCalamita's extensive history of mental illness was to blame.", 18_ecbplus: the trial's
argument, read by "history of" as a life), supported 0.987 (75 of 76) -> 0.987 (74 of 75). The
held-out clean share did not rise and a news line was lost, so the rule was not adopted; the
background left is mostly lines no word marks (a company's or a film's description, a plot, a
life told in the simple past: "The couple ran a Manhattan mail order business").

Session 26 (story-brief v29, helper-176; issues 11 and 15): claims of one score were ordered by
their ids, and conflicts (after name spellings last) by theirs, and both ids hash the story's id,
which depends on how the store grew: one story of the same articles wrote another brief under
another id (the seeds' last two lines swap; tests/test_brief_history_free.py). Ties are now
broken by the reports: the earliest day of a cited sentence (undated last), then how far down
its article it stands, the article's id (a content hash), then the text. The key was chosen on
that reasoning before any figure ran; the brief's suggested alternative (day, article, span)
was replayed once afterwards on the same inputs and, on the lines already labelled (38 of its
lines unread), fell alike (clean fresh7 0.750, fresh13 0.745; openings fresh8 0.944, fresh9
0.933), so the choice was not changed. Ties are common (one voice in a lede scores the same),
so most labelled briefs changed: the 135 lines and 10 openings they newly write were read against
their cited sentences and labelled (`labelled: session 26`): 91 clean, 26 redundant (ledes of
several outlets retelling the opening), 5 fragment, 5 background, 4 opinion, 3 furniture, one
unsupported (fresh10 35_ecb: 35_7ecb names no Ray Scheidnes); openings 8 the happening, 2 not
(fresh8 13_ecbplus: a blog's aside on an earlier fire; fresh9 33_ecbplus: the killing, for a
story of its trial); rebased on main's 8d761b2, one more opening (fresh15 GVC 341451: the
9-year-old's death, the happening) read the same way. Measured through run_all --only briefs,
before -> after: supported test 0.987 -> 0.987,
fresh10 0.960 -> 0.947, fresh13 0.979 -> 0.980, every other split unchanged;
openings fresh8 1.000 -> 0.944, fresh9 1.000 -> 0.933, the others 1.000; clean fresh 0.733 ->
0.700, fresh7 0.844 -> 0.812, fresh8 0.707 -> 0.674, fresh9 0.822, fresh10 0.787 -> 0.747,
fresh11 0.973 -> 0.919, fresh12 0.708, fresh13 0.812 -> 0.694, fresh15 0.885 (one line
unjudged) -> 0.848. The old order was no better by design (a hash); the rules of sessions 6-25
were read and set on the lines it happened to pick, which is likely part of the fall.

Session 27 (story-brief v30, helper-182; issue 11's two wrong openings of session 26, read on
fresh8 and fresh9, each rule checked on every split). Why they won: fresh9 ECB+ 33_ecbplus's
headlines chose the verdict ("Andrew Lopez, 20 was found guilty in murder of Zurana Horton.",
closest to them), but the step that lets a better-supported restatement take the opener's place
took the trial's first report's standfirst ("Zurana Horton was killed when the accused thugs ..."),
one voice and the same rank as the verdict, by the order of the reports alone (v29's tie-break);
now a restatement no better supported and ranked the same keeps the headlines' choice. Fresh8 ECB+
13_ecbplus's blog (13_4ecbplus, a story of its own) was no longer told as a column: its first
paragraph opens a quotation mark it never closes, and every sentence after it, its hedges and "I
suspected" too, counted as that quote; a quote no later paragraph closes now ends at the next
paragraph that holds quotation marks of its own (one a truncated page leaves open at its end still
runs on: ECB+ 22_1ecbplus). Of the 1,208 ECB+/GVC texts (as stored, before cleaning) only
13_4ecbplus changes; the blog's story, told only by a column with no dated lede, has no brief (its
aside on an earlier fire opened it). Tried and not adopted: the tie broken by the cosine to the
headlines (13 openings changed on the splits, several to later follow-ups), and a retelling rule (a
line that gives no figure, name or day the brief does not show, told share 0.55 and cosine 0.65 to
a line of it): read on every split it dropped four redundant lines, but also fresh13 GVC 704555's
clean "Police say a dispute over gym shoes led to ..." under an earlier "argument over sneakers"
line labelled redundant (clean 0.694 -> 0.688), so a redundant label depends on which of two lines
comes first and the rule could not be checked on these labels. The new texts were read against
their cited sentences and labelled (`labelled: session 27`): fresh10 2_ecbplus's opening (the
producers' announcement, the happening, word for word in both articles) and fresh15 11_ecb's
(voting began on Sunday, the happening) and its "Voting for MPs to Majlis (Parliament) began in
Turkmenistan on Dec.14." (redundant). Measured through run_all --only briefs, before -> after:
openings fresh8 0.944 -> 1.000 (17 of 17), fresh9 0.933 -> 1.000 (15 of 15), every other split
1.000 as before; supported test 0.987 (75 of 76) unchanged, fresh8 0.924 -> 0.923 (the blog's line
gone), fresh10 0.947, every other split unchanged; clean fresh8 0.674 -> 0.681, fresh10 0.747 ->
0.733 (the Ellen brief's new opening brings an opinion line in), fresh15 0.848, every other split
unchanged.

A brief line also shows the other independent voices of its claim (`also_reported_by`, session
13); those sentences are not judged here.

Figures, one `analyze` run per labelled story (its gold articles as one JSONL input):
- brief sentences supported and briefs opening with the happening, on the test half (ECB+ dev,
  GVC dev stories) and on the fresh stories; a sentence or opening whose label is missing (the
  product now writes something no one has read) is unjudged, and the coverage is printed beside
  the figure (`--show` lists what to label);
- clean brief sentences (fresh, fresh7): supported and free of the problems above; a sentence
  repeated word for word in one brief counts as redundant without a label.
Baseline: none that is judged; the briefs are extractive, so a lede baseline would be supported
by construction and its opening is what the opening figure measures.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from claims import BRIEFS, Tally, analyse_story, load_corpus, text_hash
from harness import Figure, print_figures, read_jsonl
from newsweave.model import Report

COMMAND = "python eval/briefs.py"
# The quick gate: two pinned test-half stories and two fresh ones.
QUICK_STORIES = ("ecbplus:18_ecbplus", "gvc:591237", "ecbplus:25_ecb", "ecbplus:11_ecbplus")
TUNED_ON = {
    "test": "rules read on the tuning half; test-half brief errors read in sessions 4 and 6",
    "fresh": "labelled in session 6 at 7af541f before any brief change of the session; "
    "its errors were then read and general rules followed (sessions 7 and 11: 25_ecb's and "
    "4_ecb's openings; session 24: the redundancy rule set on it, fresh8 and fresh10)",
    "fresh7": "labelled in session 7 on the briefs of the commit in `judged_on`, after the "
    "last brief and claims change; its errors read in sessions 8 and 10 (33_ecb's opening); "
    "session 24: the verbless-line rule written on one of its fragments",
    "fresh8": "labelled in session 8 at acd2f35 (happenings written before the product ran; "
    "4 of 12 stories read in audits 5-6); its errors were then read and general rules followed "
    "(19_ecb's opening in session 10; session 15: 13_ecbplus's 'All three fires'; session 24: "
    "the redundancy rule set on it, fresh and fresh10; session 27: 13_ecbplus's blog opening "
    "read, the stray-quote rule written on it)",
    "fresh9": "labelled in session 9 on the briefs of the commit in `judged_on`, happenings "
    "written before the product ran (untouched there: openings 0.812); its 3 wrong openings "
    "read in session 10 and general rules followed; session 24: the verbless-line rule written "
    "on two of its fragments; session 27: 33_ecbplus's opening read, the restating-opener rule "
    "written on it",
    "fresh10": "labelled in session 10 at 8967439, happenings written before the product ran "
    "(untouched there: supported 0.932, openings 0.941 = 16 of 17, clean 0.693); its wrong "
    "opening (21_ecb) then read and the injury-to-death rule widened to 'was struck'; session "
    "24: the redundancy rule set on it, fresh and fresh8",
    "fresh11": "labelled in session 11 at 5687b22, happenings written before the product ran "
    "(untouched there: supported 0.986, openings 0.667 = 8 of 12, clean 0.915); its wrong "
    "openings then read and general rules followed (170442's vigil, 492546's 'is dead'; "
    "session 12: 685537's 'this case'; session 14: 678245's and 685537's, the headline rule; "
    "session 24: the lines the redundancy rule dropped read)",
    "fresh12": "labelled in session 12 at bbc91d0 (ECB+ dev topic 5, happenings written before "
    "the product ran; untouched there: supported 1.000 = 28 of 28, openings 0.600 = 3 of 5, "
    "clean 0.607); its wrong openings read; session 13: a rule written on 5_ecbplus's (a "
    "headline above a removed dateline does not open; session 24: 'The others', 'Really,' rules "
    "written on 5_ecbplus)",
    "fresh13": "labelled in session 13 at 6429ea2 (8 GVC incidents no label file named, "
    "happenings committed before the product ran; untouched there: supported 0.979 = 47 of 48, "
    "openings 1.000 = 8 of 8, clean 0.792; session 24: the lines the redundancy rule dropped "
    "read)",
    "fresh15": "labelled in session 15 at b4eaa74 (12 stories no brief label named, happenings "
    "committed before the product ran; untouched there: supported 0.976 = 81 of 83, openings "
    "0.846 = 11 of 13, clean 0.771); its errors then read and general rules followed (306048's "
    "scare-quoted outcome, 470971's cut headline; session 24: the lines the redundancy rule "
    "dropped read)",
}
HALF_NAMES = {
    "test": "test-half",
    "fresh": "fresh",
    "fresh7": "fresh7",
    "fresh8": "fresh8",
    "fresh9": "fresh9",
    "fresh10": "fresh10",
    "fresh11": "fresh11",
    "fresh12": "fresh12",
    "fresh13": "fresh13",
    "fresh15": "fresh15",
}


@dataclass
class BriefTallies:
    supported: Tally = field(default_factory=Tally)
    opening: Tally = field(default_factory=Tally)
    clean: Tally = field(default_factory=Tally)


def judge(
    story: str,
    report: Report,
    record_of: Mapping[str, str],
    label: Mapping[str, Any],
    tallies: BriefTallies,
) -> None:
    """Add one story's briefs to the tallies."""
    known = {(s["hash"], tuple(s["cited"])): s for s in label.get("sentences", [])}
    openings = {o["opening"]: o["opens_with_happening"] for o in label.get("openings", [])}
    for summary in report.summaries:
        seen: set[str] = set()
        for position, sentence in enumerate(summary.sentences):
            cited = tuple(sorted(record_of.get(a, a) for a in sentence.article_ids))
            digest = text_hash(sentence.text)
            row = known.get((digest, cited)) or _narrowed(label, digest, cited)
            repeated = digest in seen
            seen.add(digest)
            if row is None:
                for tally in (tallies.supported, tallies.clean):
                    tally.unjudged += 1
                tallies.supported.todo.append(f"{story} [{digest}] {sentence.text} {list(cited)}")
            else:
                tallies.supported.right += bool(row["supported"])
                tallies.supported.wrong += not row["supported"]
                clean = bool(row["supported"]) and not row.get("problem") and not repeated
                tallies.clean.right += clean
                tallies.clean.wrong += not clean
            if position == 0:
                verdict = openings.get(digest)
                if verdict is None:
                    tallies.opening.unjudged += 1
                    tallies.opening.todo.append(f"{story} OPENING [{digest}] {sentence.text}")
                elif verdict:
                    tallies.opening.right += 1
                else:
                    tallies.opening.wrong += 1


def _narrowed(label: Mapping[str, Any], digest: str, cited: tuple[str, ...]) -> Any:
    """A line labelled supported by every article of a set is supported by every article of a
    part of it: the brief now cites fewer of them (only those whose sentence holds every
    figure and name of the line, session 8). A line labelled unsupported stays unjudged."""
    return next(
        (
            s
            for s in label.get("sentences", [])
            if s["hash"] == digest and s["supported"] and set(cited) <= set(s["cited"])
        ),
        None,
    )


def half_figures(
    half: str, labels: list[dict[str, Any]], *, quick: bool, show: bool
) -> list[Figure]:
    corpus = load_corpus()
    if corpus is None:
        return []
    rows = [r for r in labels if r["half"] == half and (not quick or r["story"] in QUICK_STORIES)]
    tallies = BriefTallies()
    for row in rows:
        report, record_of = analyse_story(row["story"], corpus)
        judge(row["story"], report, record_of, row, tallies)
    if show:
        for line in tallies.supported.todo + tallies.opening.todo:
            print(f"UNJUDGED {half}: {line}", file=sys.stderr)
    where = f"briefs of {len(rows)} labelled {HALF_NAMES[half]} stories"
    suffix = "" if half == "test" else f" ({HALF_NAMES[half]} stories)"

    def figure(metric: str, tally: Tally) -> Figure:
        return Figure(
            eval="briefs",
            metric=metric + suffix,
            data=f"{where}; judged {tally.judged}, coverage {tally.coverage():.2f}",
            tuned_on=TUNED_ON[half],
            value=round(tally.precision(), 3),
            command=COMMAND + ("" if half == "test" else f" --split {half}"),
        )

    figures = [
        figure("brief sentences supported", tallies.supported),
        figure("briefs opening with the happening", tallies.opening),
    ]
    if half != "test":  # only the fresh labels judge every sentence's problems
        figures.append(figure("clean brief sentences", tallies.clean))
    return [f for f in figures if " judged 0," not in f.data]


def figures(*, quick: bool = False, show: bool = False, split: str | None = None) -> list[Figure]:
    """The figures of this script (quick: two test-half and two fresh stories)."""
    if not BRIEFS.exists():
        return []
    labels = read_jsonl(BRIEFS)
    halves = [split] if split else list(TUNED_ON)
    return [f for half in halves for f in half_figures(half, labels, quick=quick, show=show)]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true")
    parser.add_argument("--show", action="store_true", help="print unjudged items to stderr")
    parser.add_argument("--split", choices=sorted(TUNED_ON))
    args = parser.parse_args()
    print_figures(figures(quick=args.quick, show=args.show, split=args.split))


if __name__ == "__main__":
    main()
