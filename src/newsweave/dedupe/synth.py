"""Make copies of real articles, for evaluating and benchmarking copy detection.

Every function takes the text to copy and a `random.Random` (seed it from the article id for a
reproducible corpus) and returns the copy's text:
- `exact_copy`: the same words with other line breaks, spacing and letter case of the headline;
- `near_copy`: the same text with added page furniture, cut to 50-70 %, or lightly edited;
- `spin`: a machine-spun rewrite: words swapped for synonyms throughout, attributions and
  leading time phrases moved within their sentence, and neighbouring sentences swapped now and
  then: the wording changes everywhere while the article stays the same.
Used by eval/copies.py and benchmarks/bench_dedupe.py; not by the pipeline.
"""

from __future__ import annotations

import random
import re

from newsweave.dedupe.rewrites import split_sentences

NearVariant = str
NEAR_VARIANTS: tuple[NearVariant, ...] = ("furniture", "truncate", "edit")

FURNITURE = (
    "Advertisement",
    "Share this article on Facebook and Twitter",
    "Sign up for our daily newsletter to get the top stories in your inbox.",
    "Copyright 2024. All rights reserved. This material may not be published or redistributed.",
    "Read more: the latest news from around the world",
    "Follow us on Twitter for breaking news updates",
    "Click here to subscribe to our print edition",
    "Comments are closed for this story.",
    "Related Coverage",
    "Story continues below",
)

# A small spinner's thesaurus of frequent news words (each side a word that can replace it in
# most contexts). Enough to touch most sentences of a news article, as spinning tools do.
_SYNONYMS: dict[str, tuple[str, ...]] = {
    "said": ("stated", "declared", "remarked"),
    "says": ("states", "declares", "notes"),
    "told": ("informed", "advised"),
    "announced": ("declared", "revealed", "disclosed"),
    "reported": ("stated", "disclosed"),
    "killed": ("slain", "left dead"),
    "died": ("passed away", "perished"),
    "police": ("law enforcement", "officers"),
    "officials": ("authorities", "representatives"),
    "official": ("representative", "spokesperson"),
    "people": ("persons", "individuals"),
    "man": ("male", "individual"),
    "woman": ("female", "lady"),
    "home": ("house", "residence"),
    "house": ("home", "residence"),
    "car": ("vehicle", "automobile"),
    "big": ("large", "huge"),
    "large": ("big", "sizable"),
    "small": ("little", "minor"),
    "new": ("fresh", "recent"),
    "first": ("initial", "earliest"),
    "last": ("final", "previous"),
    "week": ("seven days",),
    "began": ("started", "commenced"),
    "start": ("begin", "commence"),
    "started": ("began", "commenced"),
    "end": ("finish", "close"),
    "ended": ("finished", "concluded"),
    "help": ("assist", "aid"),
    "helped": ("assisted", "aided"),
    "show": ("demonstrate", "display"),
    "showed": ("demonstrated", "displayed"),
    "found": ("discovered", "located"),
    "find": ("discover", "locate"),
    "get": ("obtain", "receive"),
    "got": ("obtained", "received"),
    "make": ("create", "produce"),
    "made": ("created", "produced"),
    "take": ("seize", "grab"),
    "took": ("seized", "grabbed"),
    "went": ("headed", "proceeded"),
    "go": ("head", "proceed"),
    "come": ("arrive", "approach"),
    "came": ("arrived", "approached"),
    "give": ("provide", "offer"),
    "gave": ("provided", "offered"),
    "use": ("employ", "utilize"),
    "used": ("employed", "utilized"),
    "need": ("require",),
    "needed": ("required",),
    "want": ("wish", "desire"),
    "wanted": ("wished", "desired"),
    "try": ("attempt",),
    "tried": ("attempted",),
    "many": ("numerous", "several"),
    "several": ("a number of", "multiple"),
    "also": ("additionally", "likewise"),
    "however": ("nevertheless", "nonetheless"),
    "but": ("yet", "though"),
    "because": ("since", "as"),
    "about": ("regarding", "concerning"),
    "after": ("following", "subsequent to"),
    "before": ("prior to", "ahead of"),
    "during": ("throughout", "amid"),
    "near": ("close to", "nearby"),
    "around": ("roughly", "approximately"),
    "more": ("additional", "further"),
    "most": ("majority of",),
    "very": ("extremely", "highly"),
    "important": ("significant", "crucial"),
    "major": ("significant", "key"),
    "hit": ("struck", "strike"),
    "struck": ("hit",),
    "attack": ("assault", "strike"),
    "attacks": ("assaults", "strikes"),
    "arrested": ("detained", "apprehended"),
    "charged": ("accused", "indicted"),
    "statement": ("declaration", "release"),
    "according": ("as per",),
    "company": ("firm", "business"),
    "companies": ("firms", "businesses"),
    "government": ("administration", "authorities"),
    "country": ("nation", "state"),
    "countries": ("nations", "states"),
    "city": ("town", "municipality"),
    "area": ("region", "zone"),
    "world": ("globe", "planet"),
    "president": ("head of state", "leader"),
    "leader": ("head", "chief"),
    "team": ("squad", "side"),
    "game": ("match", "contest"),
    "won": ("claimed", "secured"),
    "win": ("victory", "triumph"),
    "lost": ("was defeated", "surrendered"),
    "children": ("kids", "youngsters"),
    "family": ("relatives", "household"),
    "friend": ("pal", "companion"),
    "friends": ("pals", "companions"),
    "money": ("cash", "funds"),
    "deal": ("agreement", "pact"),
    "plan": ("scheme", "proposal"),
    "plans": ("schemes", "proposals"),
    "problem": ("issue", "difficulty"),
    "problems": ("issues", "difficulties"),
    "decision": ("ruling", "choice"),
    "support": ("backing", "assistance"),
    "believe": ("think", "consider"),
    "believed": ("thought", "considered"),
    "think": ("believe", "reckon"),
    "expected": ("anticipated", "projected"),
    "likely": ("probably", "apt"),
    "quickly": ("rapidly", "swiftly"),
    "recently": ("lately", "newly"),
    "later": ("subsequently", "afterwards"),
    "early": ("initial", "premature"),
    "late": ("delayed", "overdue"),
    "high": ("elevated", "lofty"),
    "low": ("reduced", "modest"),
    "injured": ("wounded", "hurt"),
    "fire": ("blaze", "flames"),
    "building": ("structure", "edifice"),
    "hospital": ("medical center", "infirmary"),
    "school": ("academy", "institution"),
    "court": ("tribunal", "bench"),
    "judge": ("magistrate", "justice"),
    "case": ("matter", "lawsuit"),
    "investigation": ("inquiry", "probe"),
    "happened": ("occurred", "took place"),
    "occurred": ("happened", "took place"),
    "increase": ("rise", "growth"),
    "released": ("issued", "published"),
    "release": ("issue", "publish"),
    "spokesman": ("representative", "spokesperson"),
    "spokeswoman": ("representative", "spokesperson"),
    "appeared": ("seemed", "emerged"),
    "added": ("continued", "went on"),
    "confirmed": ("verified", "affirmed"),
    "including": ("among them", "such as"),
    "while": ("whereas", "as"),
    "against": ("versus", "opposing"),
    "again": ("once more", "anew"),
    "good": ("fine", "positive"),
    "bad": ("poor", "negative"),
    "hard": ("difficult", "tough"),
    "next": ("following", "upcoming"),
    "enough": ("sufficient", "adequate"),
    "year": ("twelvemonth",),
    "years": ("twelvemonths",),
    "day": ("date",),
    "time": ("moment", "occasion"),
    "news": ("reports", "tidings"),
    "report": ("account", "dispatch"),
    "reports": ("accounts", "dispatches"),
    "election": ("vote", "ballot"),
    "vote": ("ballot", "poll"),
    "voted": ("balloted", "cast ballots"),
    "state": ("region", "province"),
    "states": ("regions", "provinces"),
    "nations": ("countries",),
    "national": ("nationwide", "countrywide"),
    "international": ("global", "worldwide"),
    "global": ("worldwide", "international"),
    "foreign": ("overseas", "external"),
    "relations": ("ties", "dealings"),
    "cooperation": ("collaboration", "partnership"),
    "congratulated": ("commended", "praised"),
    "congratulations": ("compliments", "felicitations"),
    "wished": ("hoped", "desired"),
    "success": ("triumph", "achievement"),
    "confidence": ("assurance", "certainty"),
    "ready": ("prepared", "willing"),
    "despite": ("notwithstanding", "in spite of"),
    "differences": ("disagreements", "divisions"),
    "contribute": ("add", "donate"),
    "solving": ("resolving", "fixing"),
    "challenges": ("difficulties", "trials"),
    "facing": ("confronting", "encountering"),
    "message": ("note", "communication"),
    "sent": ("dispatched", "delivered"),
    "wrote": ("penned", "authored"),
    "called": ("named", "termed"),
    "asked": ("requested", "queried"),
    "claimed": ("asserted", "alleged"),
    "claiming": ("asserting", "alleging"),
    "refused": ("declined", "rejected"),
    "rejected": ("dismissed", "refused"),
    "failed": ("flopped", "faltered"),
    "official's": ("representative's",),
    "result": ("outcome", "consequence"),
    "results": ("outcomes", "findings"),
    "fight": ("bout", "battle"),
    "round": ("stage", "phase"),
    "title": ("crown", "championship"),
    "champion": ("titleholder", "victor"),
    "record": ("tally", "mark"),
    "crowd": ("audience", "throng"),
    "night": ("evening",),
    "morning": ("forenoon",),
    "earthquake": ("quake", "tremor"),
    "magnitude": ("strength", "size"),
    "shooting": ("gunfire", "shootout"),
    "suspect": ("accused", "defendant"),
    "victim": ("casualty", "sufferer"),
    "victims": ("casualties", "sufferers"),
    "actress": ("performer", "star"),
    "actor": ("performer", "star"),
    "film": ("movie", "picture"),
    "rehab": ("rehabilitation", "treatment"),
    "treatment": ("therapy", "care"),
    "center": ("centre", "facility"),
    "facility": ("centre", "site"),
    "representative": ("spokesperson", "agent"),
    "publicist": ("press agent", "rep"),
    "magazine": ("journal", "periodical"),
    "percent": ("per cent",),
    "million": ("mn",),
    "billion": ("bn",),
    "former": ("previous", "ex"),
    "current": ("present", "existing"),
    "biggest": ("largest", "greatest"),
    "largest": ("biggest", "greatest"),
    "top": ("leading", "foremost"),
    "key": ("crucial", "central"),
    "public": ("civic", "communal"),
    "private": ("personal", "confidential"),
    "department": ("agency", "division"),
    "agency": ("bureau", "office"),
    "office": ("bureau", "agency"),
    "workers": ("employees", "staff"),
    "employees": ("workers", "staff"),
    "market": ("marketplace", "exchange"),
    "price": ("cost", "rate"),
    "prices": ("costs", "rates"),
    "shares": ("stocks", "equities"),
    "growth": ("expansion", "rise"),
    "fell": ("dropped", "declined"),
    "rose": ("climbed", "increased"),
    "nearly": ("almost", "close to"),
}
_WORD = re.compile(r"[A-Za-z]+")
_ATTRIBUTION = re.compile(r'^(?P<quote>["“].+?[,.]["”]) (?P<who>[A-Z][\w .]{1,40}?) said\.$')
_LEADING_TIME = re.compile(
    r"^(?P<time>(?:On|Late on|Early on|Last) "
    r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|week|night|year)), "
    r"(?P<rest>[a-z].+)\.$"
)


def exact_copy(text: str, rng: random.Random) -> str:
    """The same words with different whitespace and a re-cased first line."""
    lines = text.split("\n")
    if lines and rng.random() < 0.5:
        lines[0] = lines[0].upper()
    joined = "\n".join(line.strip() for line in lines)
    joined = re.sub(r"\n\n+", "\n\n\n" if rng.random() < 0.5 else "\n \n", joined)
    return joined.replace(". ", ".  ") if rng.random() < 0.5 else "  " + joined + "\n"


def near_copy(text: str, rng: random.Random, variant: NearVariant) -> str:
    """A near copy of `text`; `variant` is one of `NEAR_VARIANTS`."""
    paragraphs = [p for p in re.split(r"\n\s*\n", text) if p.strip()]
    if variant == "furniture":
        extra = rng.sample(FURNITURE, k=min(4, len(FURNITURE)))
        head, tail = extra[:2], extra[2:]
        middle = len(paragraphs) // 2
        body = [*paragraphs[:middle], head[1], *paragraphs[middle:]]
        return "\n\n".join([head[0], *body, *tail])
    if variant == "truncate":
        keep = max(1, round(len(paragraphs) * rng.uniform(0.5, 0.7)))
        if keep >= len(paragraphs):
            words = text.split()
            return " ".join(words[: max(1, int(len(words) * rng.uniform(0.5, 0.7)))])
        return "\n\n".join(paragraphs[:keep])
    if variant == "edit":
        edited = list(paragraphs)
        if len(edited) > 4:
            del edited[rng.randrange(1, len(edited))]
        for index in rng.sample(range(len(edited)), k=min(2, len(edited))):
            words = edited[index].split()
            if len(words) > 3:
                position = rng.randrange(len(words))
                words[position] = rng.choice(("also", "reportedly", "then", "now"))
                edited[index] = " ".join(words)
        edited.append("This story has been updated with additional details.")
        return "\n\n".join(edited)
    raise ValueError(f"unknown near-copy variant {variant!r}: use one of {NEAR_VARIANTS}")


def _swap_word(match: re.Match[str], rng: random.Random, rate: float) -> str:
    word = match.group(0)
    options = _SYNONYMS.get(word.lower())
    if not options or rng.random() >= rate:
        return word
    choice = rng.choice(options)
    return choice[0].upper() + choice[1:] if word[0].isupper() else choice


def _reshuffle(sentence: str) -> str:
    attribution = _ATTRIBUTION.match(sentence)
    if attribution:
        quote = attribution.group("quote").rstrip('"”').rstrip(",.")
        return f"{attribution.group('who')} said: {quote.lstrip(chr(34) + '“')}."
    leading = _LEADING_TIME.match(sentence)
    if leading:
        rest = leading.group("rest")
        return f"{rest[0].upper()}{rest[1:]} {leading.group('time').lower()}."
    return sentence


def spin(text: str, rng: random.Random, *, rate: float = 1.0, swap: float = 0.15) -> str:
    """A machine-spun rewrite of `text` (see the module docstring)."""
    paragraphs = [p for p in re.split(r"\n\s*\n", text) if p.strip()]
    out: list[str] = []
    for paragraph in paragraphs:
        sentences = split_sentences(paragraph) or [paragraph.strip()]
        sentences = [_reshuffle(s) for s in sentences]
        for index in range(len(sentences) - 1):
            if rng.random() < swap:
                sentences[index], sentences[index + 1] = sentences[index + 1], sentences[index]
        spun = " ".join(_WORD.sub(lambda m: _swap_word(m, rng, rate), s) for s in sentences)
        out.append(spun)
    for index in range(len(out) - 1):
        if rng.random() < swap:
            out[index], out[index + 1] = out[index + 1], out[index]
    return "\n\n".join(out)
