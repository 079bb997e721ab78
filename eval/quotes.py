"""Score quotes and their speakers through `newsweave analyze`, with a baseline beside each figure.

Usage: python eval/quotes.py [--quick] [--detail tune|test|passages]

Two hand-annotated sets, both run through `harness.run_product` (the shipped path):

1. `eval/data/quotes_gold.jsonl` (passages of the seeds and ECB+, written while the quote rules
   were built): {"doc", "split", "passage", "quotes": [{"text", "speaker", "kind"}]}. Each
   passage is one input record. `split` "dev" passages were looked at while the rules were
   written, "test" ones only afterwards. A system quote matches a gold quote of the same kind
   when at least half of the shorter one's words are in the other (one-to-one, greedy).
2. `eval/data/speakers_gold.jsonl` (whole articles in writing styles set 1 lacks: GVC local
   crime news, ECB+ trials and tech): {"id", "dataset", "story", "split", "quotes": [{"text",
   "speaker"}]}; `text` is the start of a direct quote as printed, `speaker` who the article
   says spoke it (a name, a description such as "the official", or null when the text names no
   one). Split by story (sha256 of the story id), fixed before any output was read; `tune`
   stories were read for errors. The `test` errors were read once (2026-12-02) before the
   last rule changes, so a `heldout` split (6 GVC articles, test-half stories, annotated after
   the last change) gives the untouched figure. A `fresh` split (14 articles of 9 more GVC dev
   incidents, 60 quotes, annotated for issue 12 before the product ever ran on them; their
   errors not read) gives the untouched figure of the issue-12 rules. After the fresh and
   heldout errors were read (2026-12-02, session 4), a `fresh2` split (14 articles of 12 more
   GVC dev / ECB+ dev stories in styles not covered before: entertainment and sports news, wire
   stories, a navy report, a blog, New Zealand and British local news; 77 quotes) was annotated
   before the product ever ran on it: the untouched figure of that session's rules. No fresh2
   article is in the passages of set 1 (four first picks that were replaced before any
   run); other articles of some of their ECB+ stories are. The fresh2 errors were read after
   its figure was committed (0.921); a `fresh3` split (9 articles: 6 ECB+ dev, 3 GVC train
   incidents no split used; 58 quotes; none in the passages) was annotated before the rules
   that followed and before any run: their untouched figure. Some of its ECB+ stories have
   articles in fresh2. Articles come from `../shared/eval/{gvc,ecbplus}`.

Session 6: a `fresh4` split (24 articles, 126 quotes) was annotated before the product ran on
it and before any rule change of the session: 8 GVC train incidents no label file named (CBS
Miami, NBC Washington, NBC4 Columbus, CBS Boston, KCRA, WFAA, KAIT, Patch), 13 ECB+ train
articles in no label file (NY Daily News, Gothamist, Essence and a citizen-journalism blog on one
riot; NYT and Washington Post obituaries; CNN; an AP sports story; Rolling Stone; an
entertainment wire item; a Dubai blog quoting a paper; a Bettie Page obituary; a British wire
item), and 3 pages of `../shared/eval/cleaning` given as HTML (ABC7 San Francisco, the Boston
Herald, The Times of Israel: in `metadata_gold.jsonl` for title/outlet/date only, their quotes
never labelled). Stories read for the rules of earlier sessions (3_ecbplus, 13_ecbplus, 26_ecbplus,
29_ecb, 33_ecb) and those other helpers labelled this session were left out, and so was one
ECB+ article (27_7ecb) whose quotes repeat a tune article's. Quotes in headlines, captions of
videos, sign texts, titles and one-word scare quotes are not labelled; one quote whose source
the text does not name (a blog quoting "witnesses ... said" from an unnamed paper) is null.
UNTOUCHED FIGURE of fresh4, measured once through analyze with the rules of commit 75218bc
(session 5's, no other helper's uncommitted work) right after the gold was committed: speaker
accuracy 0.836 (102 of 122 found quotes), nearest-PERSON baseline 0.516, direct quote recall
0.968 (122 of 126). Its errors were read after that (fresh4 is touched from then on): a kinship
description kept instead of the mother it names ("says his Mom"); "They are" taken for a
speaker; a "she continued" and a "he said" whose antecedent is paragraphs back left at the
pronoun; an attribution in the paragraph after the quote ("Williams, a critic ..., said"), a
colon introduction, "let fans know that", "tweeted that" and a quote paragraph after "The
director denied ..." left without speaker; "the letter read" given to the school in its
author's apposition; "described in a 1972 Washington Post profile as" given to the man
described; "said someone at the meeting" given to the previous "another person"; experts
"acting for the Grigoropoulos family" given to the family's name; "Mr. LaRue said in 1971,
..." not found as a quote. Rules written on those errors (session 6): a passive speech verb's
subject is spoken to; "said someone at the meeting" stays that description; a document's owner
or writer speaks ("Willoughby's letter"; "Matthew Willoughby of the X School ... wrote a
letter"); "according to experts acting for the X family" is the experts; a kinship phrase
continues the one person introduced so; "she continued" after an unclosed quote of many lines; a
paragraph ending on a name and a colon; a role subject ("The director denied reports ...") in
the paragraph before; "said in 1971, \"...\"". Also from by-eye reads of unlabelled stories: in
indirect speech, "Relatives, including a brother who was a priest, insisted" is the relatives
and "X argued A; Y argued B" two statements (ECB+ 26_ecbplus); newswire-archive quote marks
(``...'') are quote marks (two AQUAINT stories of `../shared/eval/timebank`, NYT20000105.0325
and APW20000128.0316: 0 direct quotes found before, 25 after, 21 of them with the speaker the
text gives, 22 once a party paper's words were no longer given to the boy its reported clause is
about; unknown although the text names a source: "the government" of Cuba, Wayne Smith for a
second sentence after "said Wayne Smith, ...", chanting children; "It's high time" missed); a
third, TimeBank wsj_0781 (straight quotes): 12 of its 13 quotes found, 11 with the speaker the
text gives once "he" no longer meant the company "Hewlett" the model took for a person, and "a
Sun spokesman" shown as Sun; the 13th is lost by the cleaning stage, which drops its paragraph.
The scorer reads a possessive name as the name ("NYPD's" = "NYPD"), which would have made the
untouched figure 0.844 instead of 0.836 (one quote).

Session 6, last: a `fresh5` split (5 wire and newspaper articles of `../shared/eval/timebank`
that no label file names and no one here had read for quotes: AP 1990 and 2000, APW 1998, NYT
2000, WSJ 1989; 66 quotes, most in newswire-archive marks ``...''; their dates are TimeBank gold
the date rules were measured on, not their quotes) was annotated after the session's last rule
change and before the product ran on it: the untouched figure of session 6's rules.
UNTOUCHED FIGURE of fresh5, measured once through analyze with the rules of commit 4e66ab9
right after its gold was committed: speaker accuracy 0.810 (47 of 58 found quotes),
nearest-PERSON baseline 0.621, direct quote recall 0.879 (58 of 66). Its errors were read after
that (fresh5 is touched from then on): in newswire-archive marks a quote left open and re-opened
by another ``, or re-opened in the next paragraph, loses itself or its speaker; "He wouldn't
elaborate." after a quote taken for its frame; a band that "sang", chanting protesters and a
banner left unknown; "We don't need the cash." after "Mr. Price said ..." unknown; four short
fragments after "called" or "calls" ("a liar", "eternal merger") not taken as quotes, as the
scare-quote rule intends. Rules written on those errors: typed opening marks count where a
quote paragraph's lead is judged; a quote re-opened by another `` in one paragraph ends there; a
negated speech verb after a quote is no frame; "sang"; a sentence opened by "Replied X, ...".
After them (tuned): 0.917 of 60 found, recall 0.909; every other split and every other cached
article unchanged. What is left there is unknown speakers only (no wrong names): chanting
protesters, a banner, and two quotes in a sentence after "Howard said ..." / "Mr. Price said
...", which a rule tried in session 6 (the previous sentence's speaker) did not get right on
fresh4, so it was not kept.

Session 6, after fresh5's rules: a `fresh6` split (8 TimeBank/AQUAINT articles no label file
names and no one here had read for quotes: AP 1998-2000 wire from Jerusalem, Havana and Atlanta,
a Xinhua item, three WSJ 1989 business stories; 47 quotes, in newswire-archive and straight
marks; chants, a TV voiceover, a read-out message and a State Department statement among them;
one-word scare quotes, titles, sign texts and a repeated fragment not labelled) was annotated
before the product ran on it: the untouched figure of the rules of commit bbb6d6f.
UNTOUCHED FIGURE of fresh6, measured once through analyze with the rules of commit 1b1fd23 (a
clean worktree: no other helper's uncommitted work) right after its gold was committed: speaker
accuracy 0.892 (33 of 37 found quotes), nearest-PERSON baseline 0.595, direct quote recall 0.787
(37 of 47). Its errors were printed by that run (fresh6 is touched from then on): a fragment
in newswire marks closing its sentence ('had ``the necessary security safeguards.'' Cabinet
minister Michael Eitan said Sunday that …') framed by the next sentence's speaker (the check
for a closed sentence read the second character of the typed '' as the next word); a party
paper's quote, chants, a TV voiceover, a read-out message and four short fragments after
"called", "termed" or "said he had" missed or unknown. One rule written on them (the typed
closing mark); after it (tuned) 0.919 of 37. Also in this session, from audit 6 of four
unlabelled stories: a reporter's credit line ("Michael George reports.", "Reporting by X")
is never a pronoun's referent; a title after a seminar's or a work's "on"/"entitled" and a
slogan after "promoted as"/"billed as" are no quotes; a single-quoted statement over two
paragraphs whose closing mark is followed by a speech verb is one quote. Every other split
and the passages unchanged by them.

Session 7: a `fresh7` split (10 TimeBank/AQUAINT articles no label file names and no one here
had read for quotes, in styles no split had: NYT features on the Slepian killing and the Gonzalez
family, a NYT editorial, a NYT list of statements with a speaker's name before each (no speech
verb), a Xinhua item, a San Jose Mercury politics story of anonymous sources, a WSJ 1989 company
story whose company speaks, AP from Buffalo, Washington and Belfast; 66 quotes) was annotated
before the product ran on it and before any rule change of the session. Words the article gives
to someone through another's report ("Sununu lamented that ...", "The father's response ... was
..., Cid said") are the first speaker's; a letter's words its writers'; one-word chants and
scare quotes and a name in quotes ("cola wars", "Spring of Life") not labelled.
UNTOUCHED FIGURE of fresh7, measured once through analyze with the rules of commit 4e1d48a (a
clean worktree) right after its gold was committed: speaker accuracy 0.767 (46 of 60 found
quotes), nearest-PERSON baseline 0.533, direct quote recall 0.909 (60 of 66). Its errors were
read after that (fresh7 is touched from then on), with fresh5's and fresh6's known ones: the
statement list's four quotes unknown (a name and a day before each, no verb); the second half
of a quote split by "Spitz said in a statement released to The Associated Press," given to the
agency; "Bishop Henry Mansell of the Archdiocese of Buffalo said it was "...", but he went on to
..." given to "it" and to the archdiocese; a quote opening a sentence that ends ", he said."
unknown; "The source said ..." given to Bush (the title window of a name held the words
"source said"); "The St. Louis company" not read as the company; a colon after "Armando
Gutierrez, a spokesman ..., dismissed the criticism" unknown; "said a Spanish version of the
letter" given to the party paper that printed the grandmothers' letter; fresh5's "Mr. Price
said ... . "We don't need the cash."" and "Howard said ... . ``She is ...''" unknown; fresh6's
Martonyi quote given to NATO ("admission in NATO"), "a message that was read ..." cut to
"Wednesday night to several", and "a threat to abortion providers" as a subject. Rules
written on them (commit 7035f18), each checked on 400 random ECB+/GVC/TimeBank articles with
quotes (2,740 quotes; 23 changed, all read: every one right or a name replaced by the
description the text gives). After them (tuned): fresh7 0.967, fresh5 0.967, fresh6 0.973;
every other split and the passages unchanged.

Session 7, after those rules: a `fresh8` split (8 articles no label file named and no one here
had read for quotes: a WSJ 1991 Gulf war story, two WSJ 1989 company stories, a NYT wire story
and an AP 1990 round-up of TimeBank/AQUAINT; a CNN story of ECB+ 9_ecbplus, a San Diego sports
story of 35_ecb, Florida TV crime news of GVC incident 386225; 84 quotes) was annotated after
the last rule change and before the product ran on it: the untouched figure of session 7's
rules. A court opinion's words are "the opinion"; a league policy's its policy.
UNTOUCHED FIGURE of fresh8, measured once through analyze with the rules of commit 7035f18 (a
clean worktree of 4be4bcb) right after its gold was committed: speaker accuracy 0.895 (68 of
76 found quotes), nearest-PERSON baseline 0.487, direct quote recall 0.905 (76 of 84). All
eight errors are unknown speakers, no wrong name: frames with verbs the rules do not take for
speech ("worries former national security adviser Zbigniew Brzezinski", "Bush today denounced
Saddam's "..."", "issued a memorandum that ... promotes "..."", "insisted" after "but"), a
quote with a space after its opening mark, "declined to discuss details, but said:", and "A.J.
Smith issued the following statement" before a quote paragraph. Rules written on them (commit
901112d; checked on the same 400 articles: 5 quotes changed, all right): "worries" speaks; a
verb after "but" shares the sentence's subject; the subject before a relative clause set off by
commas ("A Kellogg officer, who asked not to be named, said"), or the name in apposition to it;
a space after an opening mark; "issued the following statement ...:". After them (tuned):
fresh8 0.961 of 76; every other split and the passages unchanged.

Session 7, last: a `fresh9` split (7 articles no label file named and no one here had read for
quotes: Xinhua, WSJ 1989 (two), a NYT street-interview story of TimeBank/AQUAINT; a Boston TV
sports story (ECB+ 10_4ecbplus), a Philadelphia radio story whose quotes run over paragraphs
(22_8ecbplus), Miami TV crime news (GVC 512877, whose other article is in `heldout`); 56
quotes) was annotated after the session's last rule change and before the product ran on it:
the untouched figure of session 7's final rules. GM's letter quoted by a Jaguar spokesman is
GM's; a quote running over paragraphs without re-opening marks is one quote.
UNTOUCHED FIGURE of fresh9, measured once through analyze with the rules of commit 901112d (a
clean worktree of 05a6e8f) right after its gold was committed: speaker accuracy 0.926 (50 of
54 found quotes), nearest-PERSON baseline 0.537, direct quote recall 0.964 (54 of 56). Its
errors (printed by that run, so fresh9 is touched from then on; no rule written on them):
"condemned the "cowardly, criminal and tragic" bombings" unknown; two quotes another person
reports ("GM ... wrote Jaguar that it intends "to go to that 15%" level ..., a Jaguar
spokesman said", 'He said Jaguar "shouldn't be smothered ...," recalled one participant')
given to the reporter, the company of "a Jaguar spokesman" and "one participant", where the
gold names who spoke first; '"This game isn't over yet, " said Joel D. Gross' (a space before
the closing mark) not found as a quote, so its second half is left unknown.

Session 7, after fresh9: one more rule set from a by-eye read of 25 unknown speakers in 400
random ECB+/GVC/TimeBank articles with quotes (14 of the 25 name their speaker in the text;
commit f6dff21): a named person who commended, lauded, denounced ... in the sentence before a
frameless quote speaks it; "President Bush today denounced ... and said"; a sentence-final ",
X said." for a quote anywhere in its sentence. On those 400 articles 3 quotes changed, all
right; fresh8 0.961 -> 0.974 (the "and said" quote); every other split unchanged. Then a
`fresh10` split (5 articles no label file named and no one here had read for quotes: AP,
NYT and Xinhua of TimeBank/AQUAINT, an AP sports item of ECB+ 5_ecb, South Carolina TV of GVC
190615; 40 quotes, two with no named source) was annotated before the product ran on it: the
untouched figure of the final rules.
UNTOUCHED FIGURE of fresh10, measured once through analyze with the rules of commit f6dff21 (a
clean worktree of fd335bd) right after its gold was committed: speaker accuracy 0.889 (32 of
36 found quotes), nearest-PERSON baseline 0.583, direct quote recall 0.900 (36 of 40). Its
errors, printed by that run (fresh10 is touched from then on): one wrong name ('Vacco's
campaign manager, Matt Behrmann, said in a statement that Spitzer had "sunk to a new ... low"'
given to Spitzer, the subject of the reported clause), a description cut wrong ("the use of
the issue by" for Goldstein's "thoroughly, thoroughly possible"), "he said" after a sentence
opened by "But Tanzanian Foreign Minister Jakaya Kikwete, speaking at ..., said" left at the
pronoun, and "[He was] up and down ..." after '"Just couldn't believe it," said Rosa Samuel'
given to "it". Rules written on them (commit 68e9490; checked on the 400 articles: 2 quotes
changed, both right): the name in apposition to a reporting subject reports a partial quote,
not the reported clause's subject; "But Tanzanian Foreign Minister X, …, said" keeps X the
subject; a quote opening with a bracket starts a sentence; a gerund after a preposition ("by
noting") is no frame. After them (tuned): fresh10 0.972 of 36; every other split unchanged.

Session 7, audit 7: rules from a fact-checker's read of four unlabelled stories (Gigante, the
IE zero-day, the Iran quake, a Detroit shooting; in no split; commits 3553b65, 12594d4): a
name followed by one to three lower-case nouns that are not its spokespeople modifies the noun
that speaks ("Mafia informers and defectors", "The prosecutor in the Costello case"; the
description is kept, no entity); "offered the explanation that" introduces a quote; "it said"
right after a sentence an organisation spoke is that organisation; two right single quotes
close a double quote ("“playing’’"); a lower-case frame after a paragraph break inside the
sentence is the quote's own; a dash glued to a conjunction ends a frame. On 300 random ECB+/GVC
articles with quotes 6 of 2,283 quotes changed, all read, all right (two police descriptions
instead of their town, "Cordray Farms employees" instead of the farm, two quotes no longer
running into their frame, one narration no longer a quote). Every split below
unchanged (clean worktree of 12594d4 vs e390cb1). Tuned on those four stories only.

Session 8: a `fresh11` split (13 articles of 8 ECB+/GVC stories no label file named and no one
here had read for quotes, in outlets the older splits lack: AP and the Huffington Post's copy of
it, AFP via the Inquirer and Sky News on one riot, ESPN and CBC on one fight, an E!-style
celebrity item, the New York Daily News, a breaking-news blog, Chicago, Alaska and Utah TV, a
small Oklahoma paper with crossheads; 95 quotes) was annotated before the product ran on it and
before any rule change of the session (eval/README_annotation.md).
UNTOUCHED FIGURE of fresh11, measured once through analyze with the rules of commit 0c3f3dc (a
clean worktree) right after its gold was committed: speaker accuracy 0.856 (77 of 90 found
quotes), nearest-PERSON baseline 0.544, direct quote recall 0.947 (90 of 95). Its errors,
printed by that run (fresh11 is touched from then on): a neighbour's three quotes ("A woman who
lives across the street ... described the family as ...", then '"...," she said') given to
Tylee, the dead child a sentence before ("Tylee ... loved dance, Pruitt recalled"); '"Tara was
100 percent professional," he told E! News' unknown after "Reunion Pictures' Matthew O'Connor,
who coproduced Reid"; "the lieutenant" not tied to "Roy Police Lt. Kevin Smith"; "McDonald's
mother, Linda Hendrick, ... said" kept as the description; "The vice president of the civil
servants' union, Elias Vrettakos, told Sky News:" unknown; "the company" taken for Facebook
(most mentions: "Facebook page") instead of L-3 Communications; 'She remembered Blake as "so
happy ..."' unknown; "the Taradise star"; "wrote another" inheriting "one person"; "he" for a
man the NER did not tag. Rules written on them and on the kinds seen by eye (commits 97f5ff1,
5649dff, f0d94d7, 7f5c06f, 0a77b28): a person named inside the quote is neither whom "he said"
after it means nor its speaker ('"Do not trust Mr. Nichols ever again."' after "The judge
offered advice for the guards who will handle Nichols:"); "Friends of X" speak, not X; a
described source opening the sentence is whom "she said" means, and ", X recalled." ends a
sentence X spoke; a short quote alone between paragraphs without a stop is a crosshead (BBC's
"'We panicked'", "'Untimely death'"), not a quote; abbreviated titles give the role ("Lt." for
"the lieutenant"); the name in apposition to a possessed description or to a subject before
"said:" / "told ...:" speaks (the AFP and Sky copies of the GSEE leader's quote now agree); a
site holding someone's page is not "the company"; a role owned by someone else ("the star's rep
Jack Ketsoyan") is not the named person's; a long title before the name after a quote keeps the
name. On 300 random ECB+/GVC articles with quotes 17 of 2,388 quotes changed, all read, all
right or unknown instead of wrong. After them (tuned): fresh11 0.956 of 90, fresh4 0.959 ->
0.967; every other split, the passages and the seeds' quote groups and speakers (Putin one
entity, his groups and speaker) unchanged. A rule giving a statement's '"In a telegram, Putin
wished ...," the statement reads' to Putin was tried and dropped (5649dff): the Kremlin wrote
those words about him, as the seed passage gold says.

Session 10: a `fresh12` split (19 pages of `../shared/eval/cleaning`, given as their HTML, that
no quote or speaker label file named and no one here had read for quotes, in web styles no split
had: a long Intercept feature with pull quotes, CNN's round-up of an interview, Politico, the
Evening Standard and the Independent, DW, The Local, Breaking Belize News, the Haitian Times, Miami
Today, the Observer, Vice, Threatpost, the California Globe, Gothamist, KXAN, WSVN, ABC13; 180
quotes) was annotated before the product ran on it and before any rule change of the session
(eval/README_annotation.md). UNTOUCHED FIGURE of fresh12, measured once through analyze with the
rules of commit 38577b8 (a clean worktree) right after its gold was committed: speaker accuracy
0.857 (150 of 175 found quotes), nearest-PERSON baseline 0.657, direct quote recall 0.972 (175 of
180). Its errors were read after that (fresh12 is touched from then on): a role phrase for a
person named a paragraph before ("Chris Grayling warned …" / "Speaking in the Commons, the
Conservative MP said:", four quotes; "The PAHO Director also urged" given to PAHO); an apposition
of 17 words before "said" (the Intercept's first quote, its continuation and its pull quote
unknown); "she remembered telling Harry" giving the speaker "remembered"; "Prince Harry" with no
gender, so "she" went to him twice; "if global temperatures continue to rise" giving
"temperatures"; 'Peggy Bell asked "…?" Mr. Cueto responded that "…"' giving Bell's question to
Cueto; "Mr. Ruano last week said …" and "Jeremy Robinson, had a more succinct statement" before
a frameless quote; "The court also found …, noting that"; "In Hajjaj's case, she decided …"
before "she continued". Rules written on them (commits 3504538, 3c2d460, a090e3a): a definite
role phrase ("the Conservative MP", "The PAHO Director") goes on with the nearest person of the
paragraph before when the text has just shown that person speaking and no one else held the role;
an organisation followed by a capitalised role ("PAHO Director") is no speaker itself; a named
subject whose apposition runs past the frame window before its verb; pull quotes (a quote alone
in its paragraph whose words a longer quote repeats) take that quote's speaker; a gerund's subject
stands before its finite verb; "continue to" is no speech; after a quote closing its sentence, "X
responded that" reports X's next words; titles inside a mention ("Prince Harry", "Princess
Diana") and royal, "-man"/"-woman" titles give gender; a time between a name and its verb ("last
week", "on Monday"); "X had a statement" before a quote; a participle's subject is the noun phrase
before an adverb; the owner of "In X's case, she …". Then, from a by-eye read of the unknown
speakers of 40 other cleaning pages (commit ecbd9fd): "shared", "penned" and "mused" frame quotes
('"…," she shared with The List'); 'Alley went on, "…"'; a person's role ("the actress") never
continues a work or organisation whose name holds it ("Fat Actress"). On 340 sample articles (300
random ECB+/GVC articles with quotes and those 40 cleaning pages) 24 of 1,772 quotes changed, all
read: 15 to the person the text names (a "Lieutenant" to its holder, "he" to the fire chief a
paragraph back, "she shared" to three dietitians and a pharmacist, "Alley went on"/"mused"), 5
wrong names dropped to unknown (four quotes of a singer given to her brother, a writer's question
given to the author it discusses), 4 still unknown (one now shown as "The actress"). After
them (tuned): fresh12 0.960, fresh4 0.967 -> 0.976 (a quote "shared"); every other split, the
passages and the seeds' quote groups and speakers (Putin's groups and speaker) unchanged. Left on
fresh12: a "he declined, saying" after "When Winfrey asked" (given to Winfrey), "When Meghan
joined the family, she said" (unresolved: another actor in the clause), a trust's resolution
('ensure that it "honors …"'), a PAC's plans, a law's text, a paragraph of partial quotes with no
frame, and a name the entity model split ("Camille Etienne Gbedey": "Gbedey" linked to her son).

Session 11: a `fresh13` split (16 pages of `../shared/eval/cleaning` outside every speaker file
and helper-84's 40-page sample, in styles no split had: a game diary with dialogue, essays quoting
books and speeches, Caribbean government and local news, a press release, a Q&A, a beauty site,
climate and science sites; and 4 GVC train articles; 20 outlets, 128 quotes) was annotated before
the product ran on it and before any rule change of the session. UNTOUCHED FIGURE of fresh13,
measured once through analyze at commit e765968 (a clean worktree): speaker accuracy 0.724 (89 of
123 found quotes), nearest-PERSON baseline 0.472, direct quote recall 0.961 (0.732 once one gold
anchor was fixed: Nixon's "I am not a crook," occurs first inside Hitler's quote, so the scorer
read the wrong span; no speaker changed). Its errors were read after that: a second opening clause
("In 2016, as Trump's rise continued, Schwartz …" gave "Trump's improbable rise"), a verb right
after a quote taking its subject from the quoted words ("Neuter Clinic"), an apposition chosen
over a name the model missed before "replied" (Billie Holliday's words given to William Dufty),
"then for some reason adds" ("some reason"), a crosshead ("Policy Shortcomings") taken for whom
"he said" means, "According to X, Y is "…"" given to Y, a title with its own commas before the
name ("Minister of …, Senator the Hon. Aubyn Hill, told"), a name in apposition before ", said"
not read as the speaker of the next frameless quote, a journal ("Frontiers") holding the role of
"the paper", a verb inside an earlier quote ("… knights of the pen") and one inside an opening
"If" clause taken as the frame. Rules written on them (commits 6a19633, f5ecdb9, c2d4d2b), with
audit 10's: "People quoted him as saying" never gives the outlet; "a representative for Mr.
Jackman" is the representative, not Jackman; '"…," said NAME, a friend …', ', said NAME
yesterday' and ', said he backed King' are no reported clauses; "The union, at loggerheads … big
and small, said" is the union. Then a `fresh14` split (17 GVC train articles outside every quote
or speaker file and both 300-article samples, and an Omaha World-Herald feature; 114 quotes; local
news, a style the older splits cover) was annotated before the product ran on it. UNTOUCHED FIGURE
of fresh14 at commit 0153ecf (those rules): 0.921 (105 of 114), baseline 0.579, recall 1.000 (the
same 0.921 with session 10's rules of e765968, rescored on the same report: none of fresh13's
rules changed a fresh14 quote). Its errors were read: a role glued after the name ("according to
Rudy Bandemer the boy's older half-brother", then "said the older half-brother"; the role's
apposition pattern had kept one word only), a photo credit ("Andy Mai/New York Daily News") taken
for whom "she" means, "sent out the following message on Twitter:", "wondered one neighbor"; rules
on them in 2d3aa15. Each rule was checked on the pickled reports of every split, the passages and
helper-84's 340-article sample (300 random ECB+/GVC articles with quotes and 40 cleaning pages):
every older split and the passages unchanged; 15 sample quotes changed, all read (non-quotes
dropped, outlets and journals replaced by the speaker or the description, one more named).
Left on fresh13: quotes framed by nouns or naming verbs ("with the prosecution describing the
Nazi leader as", "allowing the prisoner to give extended speeches:", "the author's various
visions of genocide:", "Allow the dermatologist to repeat that:"), frameless game dialogue after
narration, partial quotes as objects ("Fulcher also thanked "the Lord Jesus …""), "X comments
that", and "he and his co-authors predicted" shown as "his co-authors".

Session 12: a `fresh15` split (30 ECB+ articles of topics 11, 13_ecb, 14, 25 and 32, which no
speaker row named; AFP, AP, the NYT, the BBC, ESPN, the Washington Post, the Mirror, British local
papers, blogs and short web items; 94 quotes) was annotated before the product ran on it and
before any rule change of the session. UNTOUCHED FIGURE of fresh15 at commit fddd471 (a clean
worktree): speaker accuracy 0.866 (71 of 82 found quotes), nearest-PERSON baseline 0.476, quote
recall 0.872 (two- and three-word partial quotes such as '"potentially suspicious"' and
'"undeserved negative attention"' are taken for scare quotes). Its errors were read: a frame cut
by the source's sentence splitter after "the Rev." ('"…," the Rev.' / 'Larry Kroon … said'), a
verb before the marks losing to a second-hand frame after them ('telling her, "…," according to
court records'; '… told her, "…," the newspaper reported'), "She added:" after 'The friend said
she was "bubbly" …' given to the woman talked about, 'said the 29-year-old' kept as a
description, ', saying Bush "could sit out …"' given to Bush, a quote paragraph after 'He would
not specify …' (the last speaker) left unknown, 'a statement … in which she said' unresolved, and
Palin's apology quoted as objects of "apologize"/"offered an apology" (left). Rules on them
(57c756b), with "comments that" from fresh13. Each was checked on the pickled reports of every
split and the passages (2,307 quotes): 8 speakers changed, all read (7 right; one "Gomes" right
as written but linked by the entity stage to his mother Catherine Gomes); one change a first
version made ('which said the fruit was "…" -- while a separate story simply reported' given to
the reader) was removed by requiring the second-hand frame to close the quote's own sentence.
The scorer counts "one of the neighbours" wrong against the label "a neighbour" (plural).

Session 13: a `fresh16` split (35 GVC articles of 20 multi-article incidents that no speaker or
quote label file, test or doc named: local TV and newspaper web writing, the style the older
splits have least of: CBS Miami, WSB, WFLA, ABC Action News, KHQ's AP copy, the Tampa Tribune,
News4Jax, the Buffalo News, WIVB, the Denver Post, the Houston Chronicle, KHOU, the Cedar Rapids
Gazette, ABC7 Los Angeles and San Francisco, WTOC, WCCO, the NY Daily News and Post, KSLA, the
Santa Cruz Sentinel, the LA Daily News, WISN, Fox6, a sheriff's Facebook post, a blog; 172
quotes) was annotated before the product ran on it and before any rule change of the session.
UNTOUCHED FIGURE of fresh16, measured once through analyze with the rules of commit b3a7501 (a
clean worktree) right after its gold was committed: speaker accuracy 0.854 (140 of 164 found
quotes), nearest-PERSON baseline 0.476, direct quote recall 0.953 (164 of 172; the 8 missed are
two- and three-word partial quotes taken for scare quotes, and a quote glued to the sentence
before it).
Its errors were read after that (fresh16 is touched from then on): "Booker's aunt, Michelle
Jackson, said," given to Booker; a named speech verb before the marks losing to a second-hand
frame after them ('Dixon told police they wanted to "air out the house," the complaint said';
'Trevor was screaming "I've been shot" …, the sheriff said'; 'Maldonado or his cousin shouted,
"…" and "I'll be back," sources said'); "questioned neighbor Sharon Williams"; a ten-word
description after a quote ("the 35-year-old store manager and father of two young sons said");
a frameless quote after ", she said."; "she" after "A woman who answered the phone … said" and
"he" after "Another neighbor on Pioneer Road said" left at the pronoun or given to a man; an
apposition's relative clause holding "said" before the frame ("An Aptos woman, who … said she …,
said Monday,") and a "she said" after that quote given to the boy named in the clause; "Of the
fatal shooting, Hart said Vigil "…"" given to Vigil; a frame glued to the next sentence
("said.A $40,000 reward"); "the prosecutor" taken for the defendant the quote names, then
dropped; a quote a statement of the family's gives ("the statement said", "they said") left at
the document or the pronoun (left). Rules written on them and on the web-style gaps of fresh13
and fresh15 (commits 4b052e1, ec02825, 6ce9aec): the name in apposition to a possessed
description speaks; a named speech verb of the same sentence before the marks beats another's
frame closing the sentence after them; "screaming", "yelling", "questioned"; a long
description after a quote keeps its first noun phrase; the speaker of a sentence ending ", she
said." goes on in a frameless quote; a described opener with a relative clause or a place
speaks on; a he/she after a quote its own sentence framed (a speech verb, a fitting gender) is
that speaker; an opening adverbial before a reporter; a stop glued to a capital ends a
sentence; a role is not the person its quote names; speech acts with quoted objects
("thanked", "apologized", "offered an apology to the pastor "…""), "put it simply:", the one
heard yelling, owned words before a colon ("Her message:"); a frameless quote after a sentence
whose one person opens it and acts, or whose apposition "who said" speaks; a two- or three-word
fragment of degree, quantity, negation or a verb in a sentence naming its source is a statement,
a term in marks ("active shooter") stays a scare quote. Each was checked on the cached reports
of every split, the passages and the seeds (2,781 quotes): outside fresh16, 13 direct quotes
new or changed, all read and right (a frameless quote after "…, he said." given to Prince Harry,
Fulcher's thanks, the grid CEO's "are not a factor", Palin's apology, Podsiad's testimony, and
fragments of Human Rights Watch, the police, Netanyahu, Freeh, a senior U.S. official, Tegnell,
Shiguematsu and Trump); four indirect clauses gave way to their fragment ('the sky went "really
dark" …', 'had made "some progress" but "remains …"', '"Very few" of the …', 'had "no qualms"
about …': the clause is no longer shown as indirect speech, its fragment is, with the same
speaker), one indirect clause ends at a glued stop ("desk.A list"), one keeps its fragment.
After them (tuned): fresh16 0.959 (162 of 169), recall 0.983; fresh15 0.964, fresh13 0.870;
every other split unchanged.

Session 14: rules on fresh9's and fresh13's misses (commit a4c6437): a sentence's capitalised
first word before a lower-case title is no part of the title ("Police commissioner Charles
Ramsey" holds "commissioner", so "The commissioner says" is his again, ECB+ 22_8ecbplus; no
head-word rule, which had given Biden's promise to Harris on the seeds); a straight mark between
spaces after a comma and before a lower-case word closes a quote ('"This game isn't over yet, "
said Joel D. Gross'); "condemned the "…" bombings" is the subject's words; "he and his co-authors
predicted" is the one "he" means. After them (tuned): fresh9 0.907 -> 0.964, recall 0.964 ->
0.982; fresh13 0.878 -> 0.886; every other split, the passages and the seeds' report (byte-
identical Markdown: Putin one entity, his quote groups and speaker, Biden's "do what Donald
Trump refuses to do" Biden's) unchanged. Then a `fresh17` split (10 TimeBank/AQUAINT articles
no label file named, in styles the older splits lack: speeches at a NATO accession ceremony as
AP, the NYT and Xinhua report them, Havana and Miami wire on the Gonzalez case, a NYT travel
feature, a WSJ 1990 Gulf-crisis analysis built on officials' words, WSJ 1989 company and analyst
stories; 77 quotes; one-word quotes, chants, sign texts, a voiceover's names and titles not
labelled) was annotated and committed (1b9c9dc) before the product ran on it. UNTOUCHED FIGURE
of fresh17, measured once through analyze with the rules of commit a4c6437 (a frozen worktree,
run_all --only quotes): speaker accuracy 0.946 (70 of 74 found quotes), nearest-PERSON baseline
0.581, direct quote recall 0.961 (74 of 77). Its errors, read after that (fresh17 is touched
from then on; no rule written on them): one wrong name ('Mr. Weil of Weil amp Associates said
… "…?" he asked' given to the analyst quoted before him); "calls extending NATO membership …
"a movement in the wrong direction."" and "called the program part of … and "an effective
headcount-control program."" unknown (a naming verb far from its quote); "The president
responded," not tied to President Bush; three two- and three-word fragments not found as quotes
('Saying "nothing is certain"', 'suggest only that Americans "exercise caution"', 'had "
heard nothing"').

Session 15: a `fresh18` split (12 TimeBank/AQUAINT articles no label file named: NYT Miami and
AP Havana wire on the Gonzalez case, a NYT economy report, WSJ 1989 market, fund, company,
takeover and legal stories quoting analysts, officials and companies; 47 quotes; one-word quotes
and titles not labelled) was annotated and committed before the product ran on it (its first
draft had reused 4 articles of older splits, a hyphenated id missed by the check; they were
dropped before any figure was read). UNTOUCHED FIGURE of fresh18, measured once through analyze
with the rules of commit 1370bef (a frozen worktree, run_all --only quotes): speaker accuracy
0.952 (40 of 42 found quotes), nearest-PERSON baseline 0.476, direct quote recall 0.894 (42 of
47). Its errors, read after that: 'says Kurt Brouwer of Brouwer amp Janachowski, a … adviser'
given to "Janachowski" (a name of his firm taken for a person); "the parties said" kept as that
description where the gold names the university and Connaught; five two- and three-word
fragments not found as quotes ("matter of months", "net benefit", "very positive"). Rules
written on fresh17's and fresh18's errors (87fad7d): a person named before "of" and a name
inside the firm after it speaks, not that name; a one-word name after "Mr."/"Mrs."/"Ms."/"Dr."
is a person for a later "he" even when it heads a firm's name ("Mr. Weil of Weil amp
Associates"); a naming verb names a quote up to 15 words after it when nothing between opens a
clause (no punctuation, clause word or speech verb) and it is no "called for/to/off"; and
(dbc4ab5) "The president responded," goes on with "President Bush" when the entity stage typed
the name MISC (a title right before it only) or the mention holds the title.

Sessions 17-18 (article-quotes v8-v10), rules from errors read by eye in stories no speaker file
names, every figure below unchanged by them (run_all --only quotes at 50815f5, and at 32562cb
against 7a9a8a2 in session 18; the fixed quotes are in no label file): an 'according to'
document filed against or written about a person names the document, not the person ('According
to a criminal complaint filed against Kennedy', GVC 590958); 'X or Y shouted' is no single
speaker; an attitude noun before 'that' ('underlined skepticism that') reports no words;
'thundered', 'bellowed' and the like are speech verbs; a 'he said' after a described man in the
same paragraph is that man; the person heard saying words speaks them ('an earwitness heard a
cop yell, "What do you have in your hands?"', ECB+ 19_4ecbplus: the cop, not the witness); a
described speaker whose speech verb sits right before the quote marks beats a frame that passes
the words on ('When the driver yelled, "Don't move!" it clicked ..., she said'); a quote after
only 'The'/'A'/'And' that ends its paragraph goes on with the paragraph before's speaker (ECB+
28_6ecb). Names written with a typographic apostrophe (O’Toole, Ke’Ambrielle) are given to NER
with a straight one (spaCy cut 'Lawrence O’Toole' to 'Lawrence'): over GVC 14 of 8,057 mentions
change, all in the 3 articles with such names, all right; speakers change in 3 of 3,079 ECB+
quotes (those above) and 0 of 2,325 GVC quotes. Seen and left (session 18): 'Lamas' son, actor
Lorenzo Lamas, tweeted' given to the father (ECB+ 4_ecbplus); a 'she said' resolved to men named
before it (ECB+ 4_ecb); a mother's 'she said' given to her daughter (GVC); 'Hughes said a
prayer' read as a statement (GVC 525486).

Session 19 (article-quotes v11), rules on those four errors, each checked over every ECB+ and GVC
article (helper-142's analyze output of session 18, quotes with and without the rules): a
speaker's sex also comes from the given name that opens their name (the 1990 US census lists
the entity stage already ships, `resources/given_names.txt`; `gender-guesser` is GPLv3, so not
used) and from a few more gendered words ('widow', 'mom', 'dad'), and a 'he/she said' is never
given to a person of the other sex: the next paragraph's pronoun no longer continues such a
speaker and any rule's pick of one is left unknown ('"I don't want to be photographed in my old
age," she said' was Mark Roesler's, ECB+ 4_2ecb, and Bettie Page's words went to the Rev Billy
Graham and to Jerry Tibbs, 4_4ecb); a lone surname the entity stage linked to a person of the
other sex is, for that pronoun, the one person of the surname and of the pronoun's sex named in
full ('"My dad was …," said Caron.' after 'his 20-year-old daughter Nicole Caron', GVC); a role
between an apposition's comma and the name ('Lamas' son, actor Lorenzo Lamas, tweeted':
Lorenzo, was his father); a photo caption ('Jon'tayasia Dillon-White, 10, in her bedroom.') is
no pronoun referent; a 'she said' resolved to another person than the last named speaker is
unsure when the paragraph naming the one found opens a sentence with that speaker ('Dillon and
the kids hear gunshots …. Jon'tayasia was one of three people shot …' before the mother's '"It's
a never-ending battle over here," she said', GVC); 'the 11-year-old asked' is not the one person
named when the text gives that person another age ('Dillon, 31,'); 'said a prayer', grace, Mass
or goodbye reports no words. Over ECB+ 23 of 3,079 quotes change (15 wrong to right, 3 unknown
or a description to the right name, 5 wrong to unknown) and over GVC 15 of 2,325 (10 right, 5
wrong to unknown or dropped); none right to wrong or right to unknown. The speaker figures
below: fresh14 0.965 -> 0.974 (Sara Gray's two quotes after a photo credit now hers, was
unknown; Myrtle Parsons' '"He was always happy," she said' after '…, his mother said.' now
unknown, was her son's, which the scorer counted right by the shared surname), every other
split and the passages unchanged (run_all --only quotes at 5756644; a first version
without the surname rule gave the daughter's 'she added' to her father's ex-wife and the test
split 0.961, where the father's name had been scored right by its surname). Left: the
daughter's other quotes linked to her father (an entity-linking error), 4_6ecb's two 'she later
said' unknown (Page is named only as the object of 'photos of Page'), GVC's 'she answered "no"'
after 'Booker's mother' unknown.

Session 20 (article-quotes v12), rules on errors read by eye in GVC, each checked over every
ECB+ and GVC article (quotes with and without them: GVC from an analyze of this session's base,
ECB+ from helper-142's session-19 analyze; GVC 9 of 2,323 quotes change, ECB+ 5 of 3,079, each
read): a 'he/she said' after a sentence a relation speaks ('…, Michael was a teenager who knew
…, his mother said.' / '"He was always happy," she said.', GVC 597c86a) is that relation (the
role as written, or the person the article introduced with it), not the son her words are
about nor the possessor; a relation of the other sex is passed over; a relation with a name in
apposition leaves the name to speak ('Fuller's next door neighbor, Ronnie Patterson, told');
coordinated 'that' clauses of one speech verb share their subject ('said … that Mendoza should
have known …, that he was … and that he told the 20-year-old cousin "not to snitch"', GVC
571210: Mendoza, was unknown; the session-5 test that kept it unsure now expects him); a lone
surname the entity stage linked to one person is the namesake of the other sex last shown
speaking by full name when the linked one is not named in full since ('said his 20-year-old
daughter Nicole Caron' then '"…," Caron recalled', 'said Caron': the daughter's four quotes,
were her father's; two men of one name keep the entity stage's choice: '… his nephew William T.
LaRue said' / 'Mr. LaRue said in 1971, "I'm no millionaire."'); a quoted fragment of one to
four words inside a sentence where no one says, calls, chants or writes anything (a verb after
a modal, an infinitive or a passive, and a capitalised 'State', do not count) and to which no
rule gives a speaker is no quote (a T-shirt's print, a text message to send, a charge's name, a
subheadline's '… is found "cowering in a bathtub" …', a scare-quoted phrase, a mis-paired
apostrophe). The changed quotes, read: GVC the Caron four (wrong -> right), the mother's quote
(unknown -> 'his mother'; the article names her only with her husband, so no name), Mendoza
(unknown -> right), three frameless fragments dropped (no quotes); ECB+ 'she had been visiting
…, he explained' (the victim Raj Chohan, a woman -> 'her friend', the friend who spoke the
sentence before) and four fragments dropped (no quotes, one the indictment's words in a
sentence without a speech verb). The scorer now looks for a gold quote's words at every place
they are printed, not only the first (a subheadline or an unquoted sentence may print them
before the quote). Figures (run_all --only quotes on this session's base 5d9ef16 plus these
rules; before, the figures above of session 19): test 0.974 -> 0.987 and recall 0.987 -> 1.000
(the subheadline's copy of 'cowering in a bathtub', unknown, dropped and the quote found where
Sheriff Lee Baca says it; 'Initial estimates indicate' found at its second place, right);
fresh11 0.956 (86 of 90) -> 0.956 (87 of 91; 'ranking gang member' found at its second place,
right); fresh12 0.960 -> 0.966 (Tegnell's 'take responsibility' found at its second place,
right; 'primaries in Republican districts', labelled the PAC's and shown without speaker,
dropped: same recall); fresh13 0.886 -> 0.879, recall 0.961 -> 0.969 ('practically identical'
found at its second place, given to Kim Jacobs where the gold says the authorities); fresh15
0.964 -> 0.965, recall 0.894 -> 0.915 ('potentially suspicious' found at its second place in
two articles, right); passages direct F1 0.987 -> 0.984 and speaker 0.9805 -> 0.9804 ('his own
"personal and discretionary use"', labelled a quote with no speaker, dropped); every other
split unchanged (fresh14's mother's quote stays wrong for the scorer: 'his mother' is not
Myrtle Parsons). Left: the role 'his mother' not tied to the mother the article names with her
husband; a document noun before a fragment ('on charges he took … for his own "…"') not yet
read as its frame; 'The university called the shooting an "isolated and unprecedented"
incident' and 'calling him "a person of interest"' kept without speaker.

Session 21 (article-quotes v13), rules on fresh13's errors read again (fresh13 is tuned on
from then on) and on session 20's left items, each checked with extract_quotes of main (528662b)
against the rules over the analyze pickles of every ECB+ and GVC article, the passages and the
fresh12/fresh13 web pages (8 of 5,973 quotes change, each read, all right): a sentence-final ",
authorities say." (the plural present) covers a fragment in its sentence ('looked "practically
identical" to the weapon police use, authorities say.': found there, the authorities'); ", as
Margaret Thatcher put it" after a closing mark names a borrowed phrase's source; "describing …
as" names what it quotes, and in an absolute phrase the noun phrase after "with" speaks ('with
the prosecution describing the Nazi leader as "…"', ECB+ 9_7ecbplus 'with a spokesman stating:
"…"'; "Scientists used …, describing them as "…"" is the sentence's subject); "his mother" /
"his father" is the one of that sex of a couple named as a child's parents ('David and Myrtle
Parsons … their son, Michael', GVC 597c86a); the namesake rule of session 20 reads every shared
speech verb (`quotes._SPEECH` was a 10-verb copy of `SPEECH_VERBS`); two or three lower-case
words after a finite naming verb and its object are the subject's ('The university called the
shooting an "isolated and unprecedented" incident', GVC 5add884: Northern Arizona University;
right after the verb they stay a name: 'a tactic called "stop and frisk"'); a sentence of its
own ending in a colon between two quotes of a paragraph hands the second to whom it names, not
to the previous speaker ('That didn't stop a … judge from allowing the prisoner to give
extended speeches: "I alone bear …"', was the prosecution's under a first version), unless that
speaker or a pronoun opens it ('He later issued a statement: "…"', GVC 882bee6, Doug Ducey).
Figures (run_all --only quotes at 736c7cd): fresh13 0.879 -> 0.904 (113 of 125; tuned on: its
errors were read again for these rules), recall 0.969 -> 0.977; every other split and the
passages unchanged. Fresh14's Myrtle Parsons quote, changed in the whole-GVC pickle, is not
changed in fresh14's own run (its figure stays 0.974): the rule did not fire there (the entity
stage's output for that run differs; not looked into). Then a `fresh19` split (4 GVC train
articles of 4 incidents no speaker or quote file named: the Austin American-Statesman, WSVN
Miami, the Tallahassee Democrat, the Orlando Sentinel; 33 quotes; headline words, nested and
one-word quotes not labelled; an incident report's words "the report") was labelled after these
rules and before any of its figures or outputs was read. UNTOUCHED FIGURE of fresh19, measured
once through analyze at 736c7cd (run_all --only quotes): speaker accuracy 0.933 (28 of 30
found quotes), nearest-PERSON baseline 0.400, direct quote recall 0.909 (30 of 33). Left on
fresh13: quotes framed by nouns or verbs of acts ("allowing the prisoner to give extended
speeches:", "the author's various visions of genocide:", "with one passage relating",
"Allow the dermatologist to repeat that:", "Major wanted to offer Britain "…""), game dialogue
after narration ("Hadvar's uncle … reaches for his mace … / "…," he reiterates"), "the
governor also indicated that …" before a quote paragraph ("indicated" is no speech verb), a
definition's source ('descent "from populations who …"', labelled no one, shown as the paper),
"He praised Bennett because he came forward "to man up …"". Also left: 'calling him "a person
of interest"' (a gerund naming verb: no speaker), GVC's 'she answered "no"' (one word, not a
labelled quote).

Session 23 (article-quotes v16), issue 12: read by eye as a fact-checker (every quote and speaker of
`analyze` output against the text) on three stories no quote or speaker file names, ECB+ 12_ecbplus
(11 web articles on an Indian navy anti-piracy action: Indian papers and TV sites, a Pakistani
defence forum, a US forum, a blog), GVC 321156 (two Memphis TV stories) and GVC 356646 (the Chicago
Tribune and DNAinfo on an accidental shooting), and on ECB+ 27_9ecbplus (the "He adds" left by
session 22). Before: 47 of 52 given speakers right (12_ecbplus 20/20, 321156 15/15, 356646 12/17),
one quote rightly left without one, two indirect spans wrong; 27_9ecbplus's "He adds" given to Paul
Henry. Errors by kind: a "He adds, “…”" right after another speaker's quoted paragraphs resolved
past them (the model typed "Tyler Reguly" ORG, so the look-back, which skips quoted sentences,
reached the analyst before him); a pull quote credited after a dash ('"It was horrific. It sounded
painful." — Karen Schabes, who overheard …') given to the neighbour of the paragraph before; "the
report said" given to "Addison" (a street in "who lives at the Addison address, according to a
police report"), three times; 'Schabes said the teens were screaming, "Oh my God,"' given to
Schabes; an indirect span cut after "7:45 a.m." ("Friday in the stairwell …") and one running on
over ", the report said". Rules: a "he/she" right after the previous quote, with only marks and its
own frame between, is that quote's speaker when that one is a person (a given name tells a person
the model typed otherwise) who fits the pronoun and did not ask a question ("a reporter asked
Montoya-Lewis, “…?” / “…,” she replied", fresh4); a dash after the closing mark and a name ending
the paragraph credit the quote; a place after a preposition in the clause an "according to a …
report" cites is not the report's issuer (the agency opening that clause still is: GVC 352, Collier
County Sheriff's Office); the subject after "said" of a reported clause whose own speech verb frames
the quote speaks; "a.m."/"p.m." before a weekday, a date or a lower-case word ends no sentence in
`sentence_starts` (as it already did in `sentence_limit`); ", the report said" / "a spokesman said"
closes a "that" clause; a name after "Photo:" is a credit, no pronoun's referent, and "was an older
boy, 11. He told …" is that boy (both surfaced by the a.m. rule in GVC 424, where the longer
look-back reached a gallery credit). After: 50 of 50 given speakers right (356646 15/15; its two
"the report said" indirect statements are dropped, as indirect speech of a document is), both spans
whole, "He adds" Tyler Reguly's. Over every ECB+, GVC and TimeBank article (extract_quotes on the
entities of one analyze run each, old rules against new; 6,553 quotes) 32 quotes change, each read,
all right: 15 indirect spans now the whole sentence around a clock time, 7 indirect statements found
that the split sentence hid (the Anchorage Daily News, Lt. Steven McClanahan, Dan Donakowski, Scott
D. Hess, police twice, "an older boy"), 2 clauses lose a closing ", the report/sources said", 5
speakers change ('her daughter cried out "Mommy, …"' is the daughter's, ECB+ 33_1ecb; "He adds"; GVC
356646's three) and 3 wrong document attributions are dropped (GVC 356646's two, "Harrison", a
police district). Figures (run_all --only quotes at de95fe5 and with these rules): all 45 unchanged
(the gold sets hold none of these layouts; fresh4 0.976, fresh13 0.904, passages 0.980); a first run
without the question guard dropped fresh4 to 0.959 (the Times of Israel judge's two answers given to
"a reporter"), which is why it is there. Left: 'for justice."I went across there …,' said … Larry
Baker' (GVC 321156) is missed because the cleaning stage's glued-sentence repair (`clean/repair.py`)
wants a capital and a lower-case letter after the mark, not "I"; a question's answer after a
described asker still goes to whom the look-back finds.

Speakers are read at the mention level: `extract_quotes` over the report's articles with the
report's entities (exactly what `analyze` ran), so a description ("a local official") counts
too; the report's grouped `Quote.speaker` keeps entity ids only. A speaker is right when its
entity name or aliases, or else its text as written, share a name word with the gold speaker
(a description: a content word), or both are empty. Speaker accuracy is over the gold quotes the
product found; quote recall is reported beside it. Baseline: the nearest PERSON entity mention
before the quote in the article.

Annotation guideline for set 2 (by reading each article whole): every direct quote of 2+ words
that someone says or writes; the speaker is the one the article attributes it to, following
"he said"/"the minister added" back to the person meant; a statement's issuer (an outlet, a
company, an agency) when the words are its; a description when the article names no one. A
quote nested inside another quote (a witness repeating what someone shouted) is not labelled on
its own.

Session 5 (audit 5): the quote and speaker rules were changed after a fact-checker read the
output on four unlabelled ECB+ train stories (3_ecbplus, 13_ecbplus, 29_ecb, 33_ecb; in no
split above). Every quote and speaker of both gold sets stayed the same (all figures below
unchanged), so these sets do not measure those changes; the re-read of the two audited stories
(3_ecbplus 9/18 -> 19/19 quotes right, 13_ecbplus 62/70 -> 69/70) is tuned on them.
"""

from __future__ import annotations

import argparse
import gzip
import json
import re
import sys
from collections.abc import Iterable
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

import harness
from newsweave.extract.entities import EntityResult
from newsweave.extract.quotes import QuoteMention, extract_quotes
from newsweave.model import Report

DATA = Path(__file__).resolve().parent / "data"
PASSAGES = DATA / "quotes_gold.jsonl"
SPEAKERS = DATA / "speakers_gold.jsonl"
COMMAND = "python eval/quotes.py"
# What the fresh4 figure was tuned on: kept in one place, updated when its errors are read.
FRESH4_TUNED = (
    "errors read after its untouched figure (0.836 at commit 75218bc) and session 6's rules"
    " written on them"
)
FRESH5_TUNED = (
    "errors read after its untouched figure (0.810 at commit 4e66ab9); 4 rules written on them"
)
FRESH6_TUNED = (
    "errors read after its untouched figure (0.892 at commit 7204773); 1 rule written on them"
)
FRESH7_TUNED = (
    "errors read after its untouched figure (0.767 at commit 4e1d48a); session 7's rules"
    " written on them"
)
FRESH8_TUNED = (
    "errors read after its untouched figure (0.895 at commit 7035f18); annotated in session 7"
    " after its rules, before the product ran on it"
)
FRESH10_TUNED = (
    "errors read after its untouched figure (0.889 at commit f6dff21); 4 rules written on them"
)
FRESH9_TUNED = (
    "nothing: annotated after session 7's last rule change, before the product ran on it;"
    " errors printed after its figure, no rule written on them"
)
FRESH11_TUNED = (
    "errors read after its untouched figure (0.856 at commit 0c3f3dc); session 8's rules"
    " written on them"
)
FRESH12_TUNED = (
    "errors read after its untouched figure (0.857 at commit 38577b8); session 10's rules"
    " written on them"
)
FRESH13_TUNED = (
    "errors read after its untouched figure (0.724 at commit e765968); session 11's rules"
    " written on them, and session 21's (its errors read again)"
)
FRESH14_TUNED = (
    "errors read after its untouched figure (0.921 at commit 0153ecf); four rules written on"
    " them (2d3aa15), session 21's couple-of-parents rule on its 'his mother'"
)
FRESH15_TUNED = (
    "errors read after its untouched figure (0.866 at commit fddd471); session 12's rules"
    " written on them (57c756b)"
)
FRESH16_TUNED = (
    "errors read after its untouched figure (0.854 at commit b3a7501); session 13's rules"
    " written on them (4b052e1, ec02825, 6ce9aec)"
)
FRESH17_TUNED = (
    "errors read after its untouched figure (0.946 at commit a4c6437); three rules of session"
    " 15 written on them (87fad7d, dbc4ab5)"
)
FRESH18_TUNED = (
    "errors read after its untouched figure (0.952 at commit 1370bef); one rule of session 15"
    " written on them (87fad7d)"
)
FRESH19_TUNED = (
    "nothing: annotated in session 21 after its rules were written, before the product ran on it"
)
OVERLAP_MIN = 0.5
# Quick (CI gate) subsets, pinned: test-split speaker articles of four stories, and the test
# passages.
QUICK_STORIES = ("gvc:663712", "gvc:682143", "ecb:16_ecbplus", "ecb:30_ecbplus")
_WORD = re.compile(r"[\w’']+")
_SKIP = frozenset(
    [
        "the",
        "a",
        "an",
        "of",
        "mr",
        "mrs",
        "ms",
        "dr",
        "president",
        "s",
        "sgt",
        "lt",
        "capt",
        "said",
        "says",
        "and",
        "in",
        "at",
        "for",
        "to",
        "with",
        "by",
        "on",
    ]
)
_PRONOUNS = frozenset({"he", "she", "they", "it", "i", "we", "you"})


def _words(text: str | None) -> list[str]:
    return [w.lower() for w in _WORD.findall(text or "")]


def _names(text: str | None) -> set[str]:
    # "the NYPD's statement", "Willoughby's letter": the owner's name without the possessive.
    words = (re.sub(r"['’]s?$", "", w) for w in _words(text))
    return {w for w in words if w not in _SKIP and len(w) > 1}


def _overlap(a: str, b: str) -> float:
    wa, wb = _words(a), _words(b)
    if not wa or not wb:
        return 0.0
    small, large = (wa, wb) if len(wa) <= len(wb) else (wb, wa)
    pool = set(large)
    return sum(1 for w in small if w in pool) / len(small)


def _quotes_of(report: Report) -> dict[str, list[QuoteMention]]:
    """Mention-level quotes of every report article, as `analyze` extracted them."""
    entities = EntityResult(entities=report.entities, mode=report.modes.get("entities", ""))
    return {a.id: list(extract_quotes(a, entities)) for a in report.articles}


def _predicted(mention: QuoteMention, names: dict[str, set[str]]) -> set[str]:
    if mention.speaker_id:
        return {w for name in names.get(mention.speaker_id, set()) for w in _names(name)}
    if mention.speaker_text and mention.speaker_text.lower() not in _PRONOUNS:
        return _names(mention.speaker_text)
    return set()


def _right(predicted: set[str], gold: str | None) -> bool:
    return not predicted if gold is None else bool(predicted & _names(gold))


# ---- set 2: speakers in unseen styles ---------------------------------------------------------


def _page_record(name: str) -> dict[str, Any] | None:
    """A page of `../shared/eval/cleaning` as the input record a scraper would give: its HTML."""
    root = harness.shared_eval("cleaning")
    if root is None:
        return None
    snippets = json.loads((root / "snippets.json").read_text(encoding="utf-8"))
    page = gzip.decompress((root / "html" / f"{name}.html.gz").read_bytes()).decode("utf-8")
    url = snippets.get(name, {}).get("url")
    return {"id": name, "html": page} | ({"url": url} if url else {})


def _timebank_records(ids: set[str]) -> dict[str, dict[str, Any]] | None:
    """TimeBank/AQUAINT wire articles of `../shared/eval/timebank` by id, as input records."""
    root = harness.shared_eval("timebank")
    if root is None:
        return None
    return {
        row["id"]: {k: row[k] for k in ("id", "text", "published") if row.get(k)}
        for row in harness.read_jsonl(root / "articles.jsonl")
        if row["id"] in ids
    }


def _speaker_records(rows: list[dict[str, Any]]) -> list[dict[str, Any]] | None:
    news = [r["id"] for r in rows if r["dataset"] in {"gvc", "ecbplus"}]
    found = harness.news_records(news)
    if found is None:
        return None
    wire = {r["id"] for r in rows if r["dataset"] == "timebank"}
    if wire:
        more = _timebank_records(wire)
        if more is None:
            return None
        found.update(more)
    for row in rows:
        if row["dataset"] == "cleaning":
            page = _page_record(row["id"])
            if page is None:
                return None
            found[row["id"]] = page
    return [found[r["id"]] for r in rows]


def _places(text: str, words: str) -> list[int]:
    """Every offset where `words` are printed in `text`, in order."""
    found, at = [], text.find(words)
    while at >= 0:
        found.append(at)
        at = text.find(words, at + 1)
    return found


def score_speakers(
    rows: list[dict[str, Any]], *, detail: bool = False
) -> dict[str, float | int] | None:
    """Speaker accuracy, quote recall and the nearest-PERSON baseline over `rows`."""
    records = _speaker_records(rows)
    if records is None:
        return None
    report = harness.run_product(records)
    ids = harness.record_articles(report, len(records))
    articles = {a.id: a for a in report.articles}
    quotes = _quotes_of(report)
    names = {e.id: {e.name, *e.aliases} for e in report.entities}
    persons = sorted(
        (ev.article_id, ev.span[0], e.name)
        for e in report.entities
        if e.type == "PERSON"
        for ev in e.mentions
    )
    total = found = right = base_right = 0
    for row, aid in zip(rows, ids, strict=True):
        article = articles.get(aid or "")
        for gold in row["quotes"]:
            total += 1
            # The first place the words are printed where the product found a quote: a
            # subheadline may repeat the words its story quotes ('… is found "cowering in a
            # bathtub" …' above '… "cowering in a bathtub," Sheriff Lee Baca said.').
            pos, hits = -1, []
            for at in _places(article.text, gold["text"]) if article else []:
                pos = at if pos < 0 else pos
                hits = [
                    q
                    for q in quotes.get(aid or "", [])
                    if q.kind == "direct" and q.span[0] - 1 <= at < q.span[1]
                ]
                if hits:
                    pos = at
                    break
            if not hits or article is None:
                if detail:
                    print("MISSED", row["id"][:10], gold["text"][:40], file=sys.stderr)
                continue
            found += 1
            mention = hits[0]
            ok = _right(_predicted(mention, names), gold["speaker"])
            right += ok
            before = [n for a, s, n in persons if a == article.id and s < pos]
            base_right += _right(_names(before[-1]) if before else set(), gold["speaker"])
            if detail and not ok:
                shown = names.get(mention.speaker_id or "", {mention.speaker_text or "-"})
                print(
                    "WRONG",
                    row["id"][:10],
                    repr(gold["text"][:30]),
                    "gold:",
                    gold["speaker"],
                    "got:",
                    sorted(shown)[:2],
                    file=sys.stderr,
                )
    return {
        "articles": len(records),
        "quotes": total,
        "found": found,
        "speaker_accuracy": round(right / found, 4) if found else 0.0,
        "baseline_accuracy": round(base_right / found, 4) if found else 0.0,
        "quote_recall": round(found / total, 4) if total else 0.0,
    }


# ---- set 1: passages --------------------------------------------------------------------------


def score_passages(rows: list[dict[str, Any]], *, detail: bool = False) -> dict[str, float | int]:
    """Direct/indirect quote P/R/F1 and speaker accuracy over passages run as records."""
    records = [{"id": f"p{i:04d}", "text": row["passage"]} for i, row in enumerate(rows)]
    report = harness.run_product(records)
    ids = harness.record_articles(report, len(records))
    quotes = _quotes_of(report)
    names = {e.id: {e.name, *e.aliases} for e in report.entities}
    counts = {"direct": [0, 0, 0], "indirect": [0, 0, 0]}  # tp, system, gold
    speaker_ok = speaker_n = base_ok = 0
    seen: set[str] = set()
    for row, aid in zip(rows, ids, strict=True):
        # A passage the product kept once as a copy of another is scored once.
        system = quotes.get(aid or "", []) if aid not in seen else []
        seen.add(aid or "")
        for kind in ("direct", "indirect"):
            gold = [q for q in row["quotes"] if q.get("kind", "direct") == kind]
            mine = [q for q in system if q.kind == kind]
            counts[kind][1] += len(mine)
            counts[kind][2] += len(gold)
            pairs = sorted(
                (
                    (_overlap(g["text"], m.text), gi, mi)
                    for gi, g in enumerate(gold)
                    for mi, m in enumerate(mine)
                ),
                reverse=True,
            )
            used_g: set[int] = set()
            used_m: set[int] = set()
            for value, gi, mi in pairs:
                if value < OVERLAP_MIN or gi in used_g or mi in used_m:
                    continue
                used_g.add(gi)
                used_m.add(mi)
                counts[kind][0] += 1
                if kind == "direct":
                    speaker_n += 1
                    ok = _right(_predicted(mine[mi], names), gold[gi].get("speaker"))
                    speaker_ok += ok
                    if detail and not ok:
                        print("WRONG", row["doc"], gold[gi].get("speaker"), file=sys.stderr)
    out: dict[str, float | int] = {"passages": len(rows)}
    for kind, (tp, n_sys, n_gold) in counts.items():
        p = tp / n_sys if n_sys else 0.0
        r = tp / n_gold if n_gold else 0.0
        out[f"{kind}_f1"] = round(2 * p * r / (p + r), 4) if p + r else 0.0
        out[f"{kind}_p"] = round(p, 4)
        out[f"{kind}_r"] = round(r, 4)
    out["speaker_accuracy"] = round(speaker_ok / speaker_n, 4) if speaker_n else 0.0
    out["speaker_n"] = speaker_n
    del base_ok
    return out


# ---- figures ----------------------------------------------------------------------------------


def _speaker_rows(split: str, quick: bool) -> list[dict[str, Any]]:
    rows = harness.read_jsonl(SPEAKERS)
    rows = [r for r in rows if r["split"] == split]
    return [r for r in rows if r["story"] in QUICK_STORIES] if quick else rows


def _passage_rows(quick: bool) -> list[dict[str, Any]]:
    rows = harness.read_jsonl(PASSAGES)
    return [r for r in rows if r.get("split") == "test"] if quick else rows


def figures(*, quick: bool = False) -> list[harness.Figure]:
    """Speaker accuracy in unseen styles (test stories) and quote/speaker scores on passages."""
    out: list[harness.Figure] = []
    command = COMMAND + (" --quick" if quick else "")
    splits = [("test", "tune stories; test errors read (round 2, and issue 12 on 2026-12-02)")]
    if not quick:
        splits.append(
            ("heldout", "errors read 2026-12-02 (session 4); annotated after round 2's rules")
        )
        splits.append(
            (
                "fresh",
                "errors read 2026-12-02 (session 4); annotated before the product ran on them",
            )
        )
        splits.append(
            ("fresh2", "errors read after its first figure (0.921, commit f5981c2), session 4")
        )
        splits.append(
            ("fresh3", "errors not read; annotated in session 4, before session 5's rules")
        )
        splits.append(("fresh4", FRESH4_TUNED))
        splits.append(("fresh5", FRESH5_TUNED))
        splits.append(("fresh6", FRESH6_TUNED))
        splits.append(("fresh7", FRESH7_TUNED))
        splits.append(("fresh8", FRESH8_TUNED))
        splits.append(("fresh9", FRESH9_TUNED))
        splits.append(("fresh10", FRESH10_TUNED))
        splits.append(("fresh11", FRESH11_TUNED))
        splits.append(("fresh12", FRESH12_TUNED))
        splits.append(("fresh13", FRESH13_TUNED))
        splits.append(("fresh14", FRESH14_TUNED))
        splits.append(("fresh15", FRESH15_TUNED))
        splits.append(("fresh16", FRESH16_TUNED))
        splits.append(("fresh17", FRESH17_TUNED))
        splits.append(("fresh18", FRESH18_TUNED))
        splits.append(("fresh19", FRESH19_TUNED))
    for split, tuned in splits:
        rows = _speaker_rows(split, quick)
        result = score_speakers(rows)
        if result is None:
            continue
        kinds = {
            "fresh4": "GVC local news, ECB+ news, 3 web pages",
            "fresh5": "TimeBank/AQUAINT wire and WSJ copy",
            "fresh6": "TimeBank/AQUAINT wire and WSJ copy",
            "fresh7": "TimeBank/AQUAINT: NYT features, an editorial, a statement transcript,"
            " Xinhua, San Jose Mercury, WSJ, AP",
            "fresh8": "TimeBank/AQUAINT WSJ, NYT and AP wire; CNN, a San Diego paper, Florida TV",
            "fresh9": "TimeBank/AQUAINT WSJ, NYT and Xinhua; Boston and Philadelphia TV, Miami TV",
            "fresh10": "TimeBank/AQUAINT AP, NYT and Xinhua; an AP sports item, South Carolina TV",
            "fresh11": "ECB+/GVC: AP and its HuffPost copy, AFP, Sky, ESPN, CBC, E! style,"
            " NY Daily News, a news blog, Chicago, Alaska and Utah TV, an Oklahoma paper",
            "fresh12": "web pages: a long Intercept feature with pull quotes, Politico, CNN's"
            " interview round-up, British, German, Swedish, Belizean and Haitian-American outlets,"
            " local TV, a Miami business weekly, tech and arts sites",
            "fresh13": "web pages: a game diary with dialogue, essays quoting books and"
            " speeches, Caribbean government and local news, a press release, a Q&A interview,"
            " a beauty site, climate and science sites; GVC local TV and papers (Toledo, New"
            " Haven court report, Indianapolis TV, AP on Columbus)",
            "fresh14": "GVC local TV and papers (NY Daily News, NY Post, Chicago Tribune and"
            " Sun-Times, Gaston Gazette, CBS Miami, Houston, Memphis, Cincinnati, San Antonio,"
            " Pittsburgh and DC TV, New Haven Register) and an Omaha World-Herald sports feature",
            "fresh15": "ECB+ web news: AFP and AP on an election, AP, the NYT, a celebrity blog"
            " and short web items on a church fire, the BBC, Surrey papers and a trade site on"
            " supermarket fires, NFL wire briefs, a blog, the Washington Post, ESPN and New"
            " Orleans TV, Boston papers, the Mirror, the BBC and a Cumbrian paper on murders",
            "fresh16": "GVC local TV and newspaper web writing (Miami, Atlanta, Tampa, Buffalo,"
            " Denver, Houston, Cedar Rapids, Los Angeles, Savannah, Minneapolis, New York,"
            " Shreveport, Santa Cruz, Milwaukee TV and papers, a sheriff's Facebook post, a blog)",
            "fresh17": "TimeBank/AQUAINT: speeches at a NATO accession ceremony (AP, NYT,"
            " Xinhua), Havana and Miami wire on the Gonzalez case, a NYT travel feature, a WSJ"
            " 1990 Gulf-crisis analysis of officials' words, WSJ 1989 company and analyst stories",
            "fresh18": "TimeBank/AQUAINT: NYT Miami and AP Havana wire on the Gonzalez case, a NYT"
            " economy report, WSJ 1989 market, fund, company, takeover and legal stories",
            "fresh19": "GVC local TV and papers (the Austin American-Statesman, WSVN Miami, the"
            " Tallahassee Democrat, the Orlando Sentinel): neighbours, parents, officials and"
            " an incident report",
        }.get(split, "GVC local news, ECB+ news")
        data = (
            f"own speaker gold ({kinds}), "
            f"{'quick subset of ' if quick else ''}{split} stories: {result['articles']} "
            f"articles, {result['quotes']} quotes ({result['found']} found)"
        )
        out.append(
            harness.Figure(
                eval="quotes",
                metric=f"speaker accuracy, unseen styles ({split})",
                data=data,
                tuned_on=tuned,
                value=float(result["speaker_accuracy"]),
                baseline="nearest PERSON before the quote",
                baseline_value=float(result["baseline_accuracy"]),
                command=command,
            )
        )
        out.append(
            harness.Figure(
                eval="quotes",
                metric=f"direct quote recall, unseen styles ({split})",
                data=data,
                tuned_on=tuned,
                value=float(result["quote_recall"]),
                command=command,
            )
        )
    passages = _passage_rows(quick)
    found = score_passages(passages)
    data = f"quotes_gold passages ({'test split' if quick else 'dev+test'}): {len(passages)}"
    tuned = "dev passages (rules written on them)" if not quick else "nothing in this subset"
    for metric, key in (
        ("direct quote F1", "direct_f1"),
        ("indirect quote F1", "indirect_f1"),
        ("speaker accuracy, passages", "speaker_accuracy"),
    ):
        out.append(
            harness.Figure(
                eval="quotes",
                metric=metric,
                data=data,
                tuned_on=tuned,
                value=float(found[key]),
                command=command,
            )
        )
    return out


def _print(values: Iterable[object]) -> None:
    for value in values:
        print(json.dumps(value, sort_keys=True))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--quick", action="store_true")
    parser.add_argument(
        "--detail",
        choices=(
            "tune",
            "test",
            "heldout",
            "fresh",
            "fresh2",
            "fresh3",
            "fresh4",
            "fresh5",
            "fresh6",
            "fresh7",
            "fresh8",
            "fresh9",
            "fresh10",
            "fresh11",
            "fresh12",
            "fresh13",
            "fresh14",
            "fresh15",
            "fresh16",
            "fresh17",
            "fresh18",
            "fresh19",
            "passages",
        ),
        default=None,
    )
    args = parser.parse_args()
    if args.detail == "passages":
        _print([score_passages(_passage_rows(args.quick), detail=True)])
    elif args.detail:
        _print([score_speakers(_speaker_rows(args.detail, args.quick), detail=True)])
    else:
        harness.print_figures(figures(quick=args.quick))


if __name__ == "__main__":
    main()
