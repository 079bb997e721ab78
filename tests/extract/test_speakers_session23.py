"""Speaker attribution cases of session 23 (issue 12, read by eye: ECB+ 27_9ecbplus and 12_ecbplus,
GVC 321156 and 356646): a "He adds" right after quoted paragraphs goes on with their speaker;
a pull quote credited after a dash is the credited person's; "according to a police report"
makes no name before it the report's issuer; the subject of a speech verb inside a reported
clause speaks ("Schabes said the teens were screaming, "…""); "7:45 a.m. Friday" ends no
sentence, and ", the report said" is no part of the clause it closes. Sentences are shaped like
the articles' own."""

from __future__ import annotations

from dataclasses import replace

from newsweave.extract.entities import EntityResult
from newsweave.extract.quotes import extract_quotes

from .helpers import plain_article
from .test_speakers_session19 import _entities, _quotes

# ECB+ 27_9ecbplus (pcworld.com): one analyst quoted, then another whose closing mark the page
# left out before his attribution, then two quoted paragraphs of his and "He adds".
ANALYSTS = (
    "Paul Henry, security and forensic analyst with Lumension, says that the threat is "
    "limited.\n\n"
    '“The average user does not run the restricted sites mode," Henry explains, "I recommend '
    "employing the mitigating factors.\n\n"
    "It’s been a while since we’ve seen an out-of-band patch, but apply it as soon as "
    "possible.”\n\n"
    "“It's important to reiterate that ALL versions of IE are affected, Tyler Reguly, technical "
    "manager of security research for Tripwire, says.\n\n"
    '"Since attacks are occurring now, Microsoft should release a patch as soon as possible.\n\n'
    "In the meantime, install the shim that they've released.”\n\n"
    "He adds, “For less technical users, using another browser until a patch is available is "
    "the best option,”\n"
)


def _typed(result: EntityResult, name: str, kind: str) -> EntityResult:
    """`result` with the entity called `name` typed `kind` (as the model mistyped it)."""
    return replace(
        result,
        entities=tuple(replace(e, type=kind) if e.name == name else e for e in result.entities),
    )


def _speakers(text: str, entities: EntityResult) -> dict[str, str | None]:
    """Speaker as written of each direct quote, by the quote's first words."""
    return {
        " ".join(q.text.split()[:4]): q.speaker_text
        for q in extract_quotes(plain_article(text), entities)
        if q.kind == "direct"
    }


def test_he_adds_after_quoted_paragraphs_is_their_speaker() -> None:
    people = {"Paul Henry": ["Paul Henry", "Henry"], "Tyler Reguly": ["Tyler Reguly"]}
    # the model typed "Tyler Reguly" as an organisation, so the look-back, which skips the
    # quoted paragraphs, reached Henry
    entities = _typed(_entities(ANALYSTS, people), "Tyler Reguly", "ORG")
    found = _speakers(ANALYSTS, entities)
    assert found["Since attacks are occurring"] == "Tyler Reguly"
    assert found["For less technical users,"] == "Tyler Reguly"


def test_the_one_asked_answers_a_reporters_question() -> None:
    # The Times of Israel (fresh4): a described reporter asks, the judge replies
    text = (
        "Gov. Jay Inslee appointed Raquel Montoya-Lewis to the court.\n\n"
        "At a press conference announcing her appointment, a reporter asked Montoya-Lewis, "
        "“What do you see as the biggest problem with implicit bias in the courts right now?”\n\n"
        "“The biggest hurdle is getting people to understand that we all bring biases,” she "
        "replied."
    )
    people = {"Jay Inslee": ["Jay Inslee"], "Raquel Montoya-Lewis": ["Montoya-Lewis"]}
    found = _speakers(text, _entities(text, people))
    assert found["The biggest hurdle is"] != "a reporter"


def test_a_pull_quote_is_the_speaker_its_dash_credits() -> None:
    # GVC 356646 (Chicago Tribune): the pull quote follows another neighbour's paragraph
    text = (
        "Karen Schabes woke Friday morning to screams.\n\n"
        '"It was horrific," she said. "It sounded painful."\n\n'
        "Wayne Sibenhaller, a neighbor, said he was walking his dog when he saw a boy run out.\n\n"
        '"It was horrific. It sounded painful." — Karen Schabes, who overheard the accidental '
        "shooting and aftermath\n\n"
        '"The gas guy put his head out the window to say something," Sibenhaller said.'
    )
    people = {
        "Karen Schabes": ["Karen Schabes", "Schabes"],
        "Wayne Sibenhaller": ["Wayne Sibenhaller", "Sibenhaller"],
    }
    found = _quotes(text, people)
    assert ("It was horrific. It sounded painful.", "Karen Schabes") in [
        (quote, name) for quote, name, _ in found
    ]


def test_a_dash_before_a_sentence_credits_no_one() -> None:
    text = (
        "Wayne Sibenhaller said he saw a boy run out of the alley.\n\n"
        '"It was horrific and it sounded painful." — Karen Schabes went back inside after that.'
    )
    people = {
        "Karen Schabes": ["Karen Schabes", "Schabes"],
        "Wayne Sibenhaller": ["Wayne Sibenhaller", "Sibenhaller"],
    }
    assert all(name != "Karen Schabes" for _, name, _ in _quotes(text, people))


def test_according_to_a_police_report_is_not_an_earlier_names_report() -> None:
    # GVC 356646: "Addison" (a street, typed ORG by the model) is no issuer of the report
    text = (
        "Officers spoke to a 17-year-old classmate who lives at the Addison address, according "
        "to a police report.\n\n"
        '"He looked up and the victim was lying on the ground," the report said.'
    )
    entities = _typed(_entities(text, {"Addison": ["Addison"]}), "Addison", "ORG")
    quotes = [q for q in extract_quotes(plain_article(text), entities) if q.kind == "direct"]
    assert [(q.speaker_text, q.speaker_id) for q in quotes] == [("the report", None)]


def test_the_agency_opening_the_sentence_a_report_is_cited_for_issued_it() -> None:
    # GVC 352 (Naples Daily News): the deputies' office is the report's
    text = (
        "Collier County Sheriff's Office deputies responded to a call about a shooting near "
        "Colorado Avenue, according to a police report.\n\n"
        '"The teen was struck in the leg and ran to a cousin\'s house," the report said.'
    )
    office = "Collier County Sheriff's Office"
    entities = _typed(_entities(text, {office: [office]}), office, "ORG")
    quotes = [q for q in extract_quotes(plain_article(text), entities) if q.kind == "direct"]
    assert [q.speaker_id for q in quotes] == ["e0"]


def test_the_subject_of_a_reported_speech_verb_speaks() -> None:
    # GVC 356646: Schabes passes on what the teens screamed
    text = (
        "Karen Schabes woke Friday morning to screams.\n\n"
        'Schabes said the teens were screaming, "Oh my God," as they ran from the building.'
    )
    found = _quotes(text, {"Karen Schabes": ["Karen Schabes", "Schabes"]})
    assert [(quote, shown) for quote, _, shown in found] == [("Oh my God", "the teens")]


def test_a_clock_time_before_a_weekday_ends_no_reported_sentence() -> None:
    # GVC 356646: the reported sentence was cut to 'Friday in the stairwell …'
    text = (
        "McCullough suffered a gunshot wound to the head about 7:45 a.m. Friday in the stairwell "
        "of an apartment building, police said."
    )
    found = _quotes(text, {"Bobby McCullough": ["McCullough"]}, "indirect")
    assert [quote for quote, _, _ in found] == [
        "McCullough suffered a gunshot wound to the head about 7:45 a.m. Friday in the "
        "stairwell of an apartment building"
    ]


def test_the_report_said_closing_a_that_clause_is_not_in_it() -> None:
    text = (
        "The classmate told police that he heard a loud pop after peering down at his phone, "
        "the report said."
    )
    found = _quotes(text, {}, "indirect")
    assert [quote for quote, _, _ in found] == [
        "he heard a loud pop after peering down at his phone"
    ]


# GVC 424 (Houston Chronicle): a gallery caption with a photographer's credit, then the story.
GALLERY = (
    "Gunshots rang out at a home in the 8400 block of Tavenor Lane on Thursday. Photo: Mike "
    "Glenn, Chronicle Image 1 of 3\n\n"
    "An 8-year-old boy died in an apparent accidental shooting Thursday, police said.\n\n"
    "The child was fatally shot about 5 p.m. Thursday at a home near Hobby Airport.\n\n"
)


def test_a_photographers_credit_is_no_referent() -> None:
    text = GALLERY + '"We are heartbroken for the family," he said.'
    found = _quotes(text, {"Mike Glenn": ["Mike Glenn"]})
    assert [name for _, name, _ in found] == [None]


def test_a_he_after_a_person_described_with_an_age_is_that_person() -> None:
    text = (
        GALLERY + "Also in the room at the time was an older boy, 11. He told Houston police "
        "investigators that he and the 8-year-old were tossing a pistol back and forth when it "
        "suddenly fired."
    )
    found = _quotes(text, {"Mike Glenn": ["Mike Glenn"]}, "indirect")
    assert [(quote[:21], shown) for quote, _, shown in found if quote.startswith("he and")] == [
        ("he and the 8-year-old", "an older boy")
    ]
