"""Word lists and patterns that attribution frames are read with (shared by `frames.py`,
`phrases.py` and `text.py`, and by `extract/quotes.py` and `extract/indirect.py`)."""

from __future__ import annotations

import re
from typing import Final

from newsweave.extract.aliases import wordlist

SPEECH_VERBS: Final = wordlist(
    """say says said saying tell tells told telling add adds added adding note notes noted
    state states stated write writes wrote tweet tweets tweeted post posts posted ask asks asking
    asked explain explains explained declare declares declared announce announces announced
    insist insists insisted argue argues argued continue continues continued conclude
    concludes concluded stress stresses stressed underline underlines underlined warn warns
    warned claim claims claimed recall recalls recalled acknowledge acknowledged admit
    admits admitted reply replied replies respond responded responds remark remarked comment
    commented comments observe observed suggest suggested urge urged urges concede conceded confirm
    confirmed confirms deny denied denies read reads emphasize emphasized emphasise
    emphasised testify testified shout shouted yell yelled whisper whispered exclaim
    exclaimed caution cautioned predict predicted promise promised vow vowed pledge pledged
    boast boasted complain complained joke joked quip quipped maintain maintained reiterate
    reiterated reveal revealed describe described describes assure assured assures inform
    informed expressed expresses stating noting telling writing explaining declaring insisting
    arguing warning claiming announcing stressing reported reports screamed screams chanted
    cried sobbed sobs wept weeps laughed laughs sighed recounted recounts muttered murmured
    pleaded pleads begged lamented laments answered answers countered counters retorted
    bemoaned groaned gasped wailed texted emailed notify notifies notified assert asserts
    asserted contend contends contended disclose discloses disclosed mention mentions mentioned
    clarify clarifies clarified elaborate elaborates elaborated affirm affirms affirmed opine
    opines opined blogged messaged retweeted advise advises advised testifies acknowledges
    emphasizes emphasises cautions predicts concedes maintains reveals observes suggests vows
    complains reiterates informs shouts yells underscore underscores underscored sang sings
    worries frets shared shares penned pens mused muses confided confides wondered screaming
    yelling questioned thundered thunders bellowed bellows barked fumed fumes scoffed scoffs
    hissed growled stammered mumbled grumbled grumbles interjected proclaimed proclaims intoned
    blurted snapped"""
)


# Verbs that name rather than report: '"stolen"', 'what he called "far-fetched"'.
NAMING_VERBS: Final = wordlist(
    """called call calls dubbed dub termed term labelled labeled named titled known"""
)


# Words that may stand between a subject and its verb ("Putin also said", "has said").
_BETWEEN: Final = wordlist(
    """also later then again once further has have had was is would will could previously
    earlier recently reportedly subsequently simply just"""
)


PRONOUNS: Final = frozenset({"he", "she", "they", "i", "we", "it"})


_PERSONAL: Final = frozenset({"he", "she"})


# A reporter's credit ("Michael George reports.", "Reporting by Jane Smith", "Jane Smith
# contributed to this report."): the name in it reports the story, it never speaks in it.
_CREDIT_LINE: Final = re.compile(
    r"^\s*(?:(?:[A-Z][\w.'’-]*\s+){1,4}reports\.?\s*(?:\([^()]*\)\s*)?$"
    r"|(?:Additional\s+)?(?:[Rr]eporting|Writing|Editing)\s+by\s"
    r"|By\s+[A-Z][\w.'’-]*\s+[A-Z]"
    r"|.{0,80}\bcontributed\s+(?:to\s+)?this\s+(?:report|story|article))"
)


# A photo caption's sentence: a name, an age in digits and where the person is, with no verb
# ("Jon'tayasia Dillon-White, 10, in her bedroom.", between a mother's quotes, GVC).
_PHOTO_CAPTION: Final = re.compile(
    r"\s*[A-Z][\w.'’-]*(?:[ \t]+[A-Z][\w.'’-]*){0,3},[ \t]+\d{1,3},[ \t]+"
    r"(?:in|at|inside|outside|near|beside|with|during|on)[ \t]([^.!?;:\"“”\n]*)\.?\s*$"
)


DOCUMENT_WORDS: Final = wordlist(
    """statement release telegram message letter post tweet report communique announcement
    readout transcript notice document filing indictment complaint lawsuit ruling affidavit"""
)


_ABBREVIATION = re.compile(
    r"(?:\b(?:Mr|Mrs|Ms|Dr|St|Rev|Gen|Sen|Rep|Gov|Lt|Col|Sgt|Capt|Prof|Jr|Sr|Mt|No|Nov|Dec|Jan|"
    r"Dist|Atty|Det|Cpl|Supt|Insp|Asst|Dep|Ofc|Cmdr|Maj|Hon|Rt|"
    r"Feb|Aug|Sept|Oct)|(?<![\w.])[A-Z]|\b[A-Z]\.[A-Z])$"
)


_SUBORDINATORS: Final = wordlist(
    "while as when because after before although though if since until"
)


_RELATIVES: Final = wordlist("that which who whom whose to and but or nor")


_PREPOSITIONS: Final = wordlist(
    "after before with without to for from by of in on at about like unlike"
)


_INDEFINITE: Final = wordlist("someone somebody anyone anybody one people everyone")


# "the judge", "the police chief", "the minister": a definite role phrase of one to three words.
# Heads of a description that names an organisation, not a person.
_ORG_NOUNS: Final = wordlist(
    """company firm giant maker manufacturer carrier operator agency ministry department group
    corporation network organisation organization provider retailer bank insurer utility"""
)


# "The St. Louis company": an abbreviation's full stop may stand in a modifier.
_ROLE_PHRASE = re.compile(r"^(?:the|The)\s+(?:[\w’'.-]+\s+){0,2}([a-z][\w-]*)$")


# "the Conservative MP", "The PAHO Director": a role phrase whose head may be capitalised; only
# for these heads of a person's role.
_PERSON_ROLE_PHRASE = re.compile(r"^(?:the|The)\s+(?:[\w’'.-]+\s+){0,2}([A-Za-z][\w-]*)$")


_PERSON_ROLES: Final = wordlist(
    """mp minister secretary director chairman chairwoman chair president senator congressman
    congresswoman governor mayor lawmaker legislator spokesman spokeswoman spokesperson chief
    commissioner ceo executive founder owner detective sheriff judge prosecutor attorney lawyer
    doctor scientist researcher professor councilman councilwoman councilmember leader manager
    coach actor actress singer star prince princess duke duchess king queen epidemiologist
    economist analyst representative lieutenant captain sergeant general admiral premier
    chancellor ambassador envoy diplomat bishop pastor priest principal superintendent"""
)


# "his Mom", "her father": a kinship phrase, which continues the person introduced so.
_KIN_PHRASE = re.compile(r"^(?:his|her|their|His|Her|Their)\s+([A-Za-z]+)$")


_KIN_FORMS: Final = {"mom": "mother", "mum": "mother", "dad": "father"}


# Relations by the sex they tell ('' when none), heads of a possessed phrase that speaks ("…,
# his mother said."): a "she said" after it goes on with the mother, not the son she spoke of.
KIN_SEX: Final = {
    **dict.fromkeys(
        wordlist(
            """mother mom mum stepmother grandmother grandma sister stepsister daughter
            stepdaughter granddaughter wife aunt niece girlfriend fiancee widow"""
        ),
        "she",
    ),
    **dict.fromkeys(
        wordlist(
            """father dad stepfather grandfather grandpa brother stepbrother son stepson grandson
            husband uncle nephew boyfriend fiance widower"""
        ),
        "he",
    ),
    **dict.fromkeys(wordlist("cousin parent grandparent sibling partner"), ""),
}


# A phrase owned by a person: "his mother", "her older sister", "Michael's mother", "the boy's
# father" (group 1: the head noun).
_POSSESSED_PHRASE: Final = re.compile(
    r"(?:his|her|their|His|Her|Their|(?:[Tt]he[ \t]+[a-z]+|[A-Z][\w.'’-]*(?:[ \t]+[A-Z][\w.'’-]*)"
    r"{0,2})(?:['’]s|(?<=s)['’]))[ \t]+(?:[\w'’-]+[ \t]+){0,2}?([a-z]+)"
)


# A sentence opened by a possessed phrase that speaks: "His mother said …", "Michael's father,
# a retired teacher, told …" (group 1: the phrase).
_POSSESSED_OPENING: Final = re.compile(
    r"[\s\"“‘]*((?:His|Her|Their|[A-Z][\w.'’-]*(?:[ \t]+[A-Z][\w.'’-]*){0,2}(?:['’]s|(?<=s)['’]))"
    r"[ \t]+(?:[\w'’-]+[ \t]+){0,2}?[a-z]+)(?:,[^,;:\"“”]{1,80},)?[ \t]+(?:also[ \t]+)?"
    r"(?:said|says|told|tells|added|explained|recalled|stated|wrote)\b"
)


# Abbreviated titles before a name, as the role a later "the lieutenant said" names.
_ROLE_ABBREVIATIONS: Final = {
    "lt": "lieutenant",
    "sgt": "sergeant",
    "det": "detective",
    "capt": "captain",
    "cpl": "corporal",
    "supt": "superintendent",
    "insp": "inspector",
    "gov": "governor",
    "sen": "senator",
    "rep": "representative",
    "atty": "attorney",
    "col": "colonel",
    "gen": "general",
}


_NAME_OPENING = re.compile(
    r"(?:[A-Z][\w'’-]*\s+){0,2}?(?:[^,]{0,60},\s+)?[A-Z][a-z’'-]+\s+[A-Z][a-z’'-]+"
)


# Groups of unnamed sources that a following "…," says one.' picks one of.
_SOURCE_GROUP = re.compile(
    r"\b(?:sources|officials|witnesses|neighbou?rs|residents|investigators|analysts|insiders|"
    r"executives|relatives|friends|experts|lawyers|prosecutors|officers|diplomats|aides)\b",
    re.IGNORECASE,
)


# Words that make a description a man or a woman ("his brother", "a spokeswoman"), for fitting
# a "he"/"she" to a described speaker (extract/quotes.py) and for the heads below.
MALE_WORDS: Final = wordlist(
    "man father husband son brother uncle grandfather boyfriend nephew spokesman"
)
FEMALE_WORDS: Final = wordlist(
    "woman mother wife daughter sister aunt grandmother girlfriend niece spokeswoman mom"
)

# The source heads keep the set they were measured with: "nephew", "niece" and "mom" were never
# heads of an unnamed source's phrase here (adding them is unmeasured).
_SOURCE_HEADS: Final = {
    **dict.fromkeys(FEMALE_WORDS - {"niece", "mom"}, "she"),
    **dict.fromkeys(MALE_WORDS - {"nephew"}, "he"),
    **dict.fromkeys(
        wordlist(
            """spokesperson official officer witness neighbor neighbour resident source
            prosecutor detective lawyer attorney relative friend investigator employee analyst"""
        ),
        "",
    ),
}


# 'Peter Lynch/Timmons' Attorney: "…"': a capitalised name, a slash, a title, a colon.
_CAPTION = re.compile(
    r"\s*([A-Z][\w.'’-]*(?:[ \t]+[A-Z][\w.'’-]*){1,3})[ \t]*/[ \t]*[^:/\n\"“”]{2,80}:[ \t]*$"
)


# A heading of a listed statement: a name, a day, no verb ("White House on Thursday").
_HEADING = re.compile(
    r"\s*((?:[Tt]he\s+)?[A-Z][\w.'’-]*(?:[ \t]+[A-Z][\w.'’-]*){0,4}?)"
    r"[ \t]+(?:on|in)[ \t]+[A-Z][a-z]+\.?[ \t]*"
)


# A verb-first attribution set off by commas inside a sentence: "…, said manager Jasper Hall, …".
# (no finite verb inside: ", said Shauna had wanted out of her marriage," reports a clause)
_INNER_SAID = re.compile(
    r",\s+(?:said|says|added|explained)\s+"
    r"((?:(?!\b(?:had|has|have|was|were|is|are|would|will|could|did|does|can|may|might)\b)"
    r"[^,;:\"“”]){2,60}?)\s*,"
)


# "…, said California Highway Patrol Officer Ray Scheidnes.": the verb first, then the titled
# name that closes the sentence.
_FINAL_SAID = re.compile(r",[\"”’']?\s+(?:said|says|added|explained)\s+([^,;:\"“”]{2,80}?)[.!?]?$")


# The verb after a name set off in apposition to a sentence's subject ("…, Elias Vrettakos, told").
_APPOSITIVE_SPEAKS = re.compile(r",\s+(?:told|said|says|added|wrote|explained|stated|declared)\b")


# People named by their relation to someone: "Friends of", "The family of", "A neighbour of".
_GROUP_OF = re.compile(
    r"(?:(?:[Tt]he|[Aa]n?|[Tt]wo|[Tt]hree|[Ss]everal|[Mm]any|[Ss]ome)\s+)?(?:[a-z]+\s+)?"
    r"(?:[Ff]riends?|[Rr]elatives?|[Ff]amily|[Nn]eighbou?rs?|[Cc]lassmates?|[Tt]eammates?|"
    r"[Cc]olleagues?|[Ss]upporters?|[Ff]ans|[Pp]arents|[Cc]o-workers?|[Cc]oworkers?)"
    r"(?:\s+and\s+[a-z]+)?\s+of"
)


# A web page or account a site holds ("Facebook page", "Twitter account").
_PAGE_AFTER = re.compile(r"\s+(?:page|pages|post|posts|account|profile|feed|group)\b")


# A sentence-final attribution: "…, Sedelmaier said." / "…, she testified Tuesday." / "…,
# authorities say." (the plural present of wire and local news: 'a BB gun that looked
# "practically identical" to the weapon police use, authorities say.', GVC).
_TRAILING_SAID = re.compile(
    r",[\"”’']?\s+([^,;:\"“”]{2,60}?)\s+"
    r"(?:said|says|say|added|testified|explained|stated|recalled|wrote|told\s+\w+)"
    r"(?:\s+[\w.]+){0,2}\W*$"
)


# "…, Microsoft said, and then …", "Microsoft said …": who speaks a sentence (an "it" after it).
_ORG_SAID = re.compile(r"(?:^|,[\"”’']?\s+)([A-Z][^,;:\"“”]{1,40}?)\s+(?:said|says|added|stated)\b")


_SENTENCE_OPENERS: Final = (
    _SUBORDINATORS
    | _PREPOSITIONS
    | PRONOUNS
    | wordlist("once when where also then later unless whether upon the a an his her their its")
)


_NOT_NAMES: Final = wordlist("the a an i he she it they we this that there then police")


# A person who is the subject of a clause: a verb right after the name.
_CLAUSE_SUBJECT = re.compile(
    r"(?:\s*,\s*\d{1,3}\s*,)?\s+(?:(?:also|then|later|allegedly|reportedly|never|not|just)\s+)?"
    r"(?:was|is|were|had|has|should|would|could|did|got|went|came|shot|fired|took|ran|fled|"
    r"left|saw|heard|knew|fell|hit|[a-z]{2,}[^\We]ed)\b"
)


_DAY_ADVERBS: Final = wordlist("today yesterday tonight")


# "In Hajjaj's case, she …", "For Smith's part, he …": a sentence opened by a person's phrase.
_OWNED_FRAME: Final = re.compile(
    r"[ \t\"“‘]*(?:In|For|As for)[ \t]+[A-Z][\w.'’-]*(?:[ \t]+[A-Z][\w.'’-]*){0,3}['’]s?[ \t]+"
    r"(?:case|part|view|words|mind|account)[ \t]*,[ \t]+(he|she)\b"
)


# "said that night": a time, not a reported clause.
_THAT_TIMES: Final = wordlist("night day morning afternoon evening week month year time")


# Nouns after an organisation's name that speak for it ("Microsoft officials said").
_OFFICIAL_ROLES: Final = wordlist(
    """official officials spokesman spokeswoman spokesperson spokespeople spokesmen spokeswomen
    executive executives representative representatives leader leaders officer officers
    management press chief head president director board operations team staff data figures
    statistics records"""
)


_AUXILIARIES: Final = wordlist(
    "to have has had just also would will can could must did does do not never then later only "
    # adverbs between a subject and its verb ("A witness initially told police …")
    "initially originally reportedly allegedly repeatedly previously earlier subsequently first"
)


_CLAUSE_WORDS: Final = wordlist(
    "that after before when while because if and but as since who which where whom said says"
)


# Speech verbs in their base form, which are nouns too ("state attorney", "post office").
_BARE_FORMS: Final = wordlist("state note post report comment claim tweet reply answer")


_COPULAS: Final = wordlist("is are was were be been am")


# "is asking", "were saying": a progressive speech verb is finite, not a participle.
_PROGRESSIVE_AUXILIARIES: Final = wordlist("is are was were am 's ’s")


_OPENERS: Final = wordlist(
    "the a an his her their its our my this these those some one two another"
)


# ", as Margaret Thatcher put it": a borrowed phrase's source after its closing mark; the
# subject starts with a capital, a pronoun or a determiner and runs to the verb, no clause
# between ("as he walked out" has no saying verb and is no source).
_AS_PUT = re.compile(
    # "(?:[ \t]*,)?[ \t]+", not "[ \t]*,?[ \t]+": the same words, without trying every split of
    # a long run of blanks between the two (quadratic, tests/test_regex_linear.py)
    r"(?:[ \t]*,)?[ \t]+as[ \t]+((?:[A-Z]|(?:he|she|they|the|his|her|their|one|an?)\b)"
    r"[^,;:.!?\"“”\n]{0,50}?)[ \t]+"
    r"(?:(?:once|famously|memorably|later|has|had|so[ \t]+\w+)[ \t]+)?"
    r"(?:put[ \t]+it|puts[ \t]+it|said|says|wrote|writes|noted|notes|called[ \t]+it"
    r"|calls[ \t]+it)\b"
)
