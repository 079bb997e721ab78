"""Claim sentences keep a decimal the tokeniser split ("9. 35am" in ECB+ texts) whole."""

from __future__ import annotations

from newsweave.align.sentences import split_claims
from tests.extract.helpers import plain_article


def test_a_split_decimal_does_not_end_a_sentence() -> None:
    # ECB+ 32_5ecbplus: "arrested at Millom Pier around 9." had become a claim of its own.
    text = (
        "Jenkin was arrested at Millom Pier around 9. 35am on Saturday morning.\n\n"
        "The court heard police were called to the family home at 8. 39am on Saturday.\n\n"
        "He was 23. He faces one charge of causing unnecessary suffering to an animal."
    )
    claims = [e.text for e in split_claims(plain_article(text))]
    assert claims == [
        "Jenkin was arrested at Millom Pier around 9. 35am on Saturday morning.",
        "The court heard police were called to the family home at 8. 39am on Saturday.",
        "He faces one charge of causing unnecessary suffering to an animal.",
    ]


def test_a_split_amount_before_a_scale_or_unit_word_stays_one_sentence() -> None:
    # ECB+ texts: "$368. 0 million", "£1. 7 million", "($2. 6-million)", "$1. 29 for".
    text = (
        "The Hunger Games has grossed $368. 0 million globally in its first weeks.\n\n"
        "Thieves took jewels worth two million euros (£1. 7 million) from the store.\n\n"
        "They made off with a two-million-euro ($2. 6-million) booty, police said.\n\n"
        "The quake, of 5. 6 magnitude, struck 10. 5 km below the town on Sunday.\n\n"
        "The deal helped drive the euro below $1. 29 for the first time in a year."
    )
    claims = [e.text for e in split_claims(plain_article(text))]
    assert claims == text.split("\n\n")


def test_a_number_ending_a_sentence_still_ends_it() -> None:
    # The next sentence starts with a number that is no unit's: two sentences.
    text = (
        "The firefighters worked through the night in shift number 12. 15 people were "
        "rescued from the building by the morning. The toll rose in 2012. 10 people died "
        "in the town after the storm."
    )
    claims = [e.text for e in split_claims(plain_article(text))]
    assert claims == [
        "The firefighters worked through the night in shift number 12.",
        "15 people were rescued from the building by the morning.",
        "The toll rose in 2012.",
        "10 people died in the town after the storm.",
    ]


def test_a_leading_decimal_split_from_its_word_stays_in_its_sentence() -> None:
    # ECB+ 22_ecbplus and GVC texts: ".357 Magnum", ".38-caliber", ".09 percent" written ". 357".
    text = (
        "She headed back up to the third floor armed with her. 357 Magnum, which she has a "
        "permit to carry.\n\n"
        "Police found a loaded. 38-caliber revolver under the seat of the car on Friday.\n\n"
        "He had a blood alcohol content of. 09 percent when he was stopped by police."
    )
    claims = [e.text for e in split_claims(plain_article(text))]
    assert claims == [" ".join(p.split()) for p in text.split("\n\n")]


def test_a_batting_average_split_from_its_word_stays_in_its_sentence() -> None:
    # ECB+ 10_ecbplus: ".308", ".290", ".919 OPS" written ". 308"; the brief had the line
    # "308 with 33 homers and 121 RBIs last season, including." (session 19).
    text = (
        "He hit. 308 with 33 homers and 121 RBIs last season, including. 358 with 13 homers "
        "and 43 RBIs in 54 games with the Angels.\n\n"
        'Patrick said Monday morning: "If they are offering $200 million to a career. 290 '
        'hitter, it will be interesting to see what the Angels do."\n\n'
        "Over six full seasons, his career stat line looks like this:. 290 average,. 919 OPS, "
        "203 HR and 676 RBI.\n\n"
        "Last season Teixeira hit. 308, with 33 home runs and 121 RBI."
    )
    claims = [e.text for e in split_claims(plain_article(text))]
    assert claims == [" ".join(p.split()) for p in text.split("\n\n")]
    # A sentence that ends on a word before a figure with more or fewer digits still ends.
    two = "Police arrested the man on Friday. 2016 was the worst year for the city so far."
    assert len(list(split_claims(plain_article(two)))) == 2


def test_an_appeal_or_a_promo_is_no_claim() -> None:
    # Issue 11, session 21: ECB+ 14_ecb's outlets all print the police's appeal, which stood as
    # a "corroborated" claim; GVC pages add their promos. A compound sentence whose main clause
    # states something keeps its claim.
    text = (
        "A fire destroyed the warehouse on Monday night, police said.\n\n"
        "Anyone with information is asked to call police on 0845 125 2222.\n\n"
        "Palmer police ask anyone with information about how the fire started to call Sgt. Shayne"
        " La Croix at 745-4811.\n\n"
        "If you have any information about this shooting, please call Crime Stoppers.\n\n"
        "Those with information that could aid detectives were urged to call the police.\n\n"
        "Click here to watch the full report from our reporter.\n\n"
        "Sign up for one of our email newsletters today.\n\n"
        "Police say witnesses at the scene are not cooperating and anyone with information should"
        " call the police.\n\n"
        "Anyone who was in the building at the time was asked to leave by the firefighters."
    )
    claims = [e.text for e in split_claims(plain_article(text))]
    assert claims == [
        "A fire destroyed the warehouse on Monday night, police said.",
        "Police say witnesses at the scene are not cooperating and anyone with information should"
        " call the police.",
        "Anyone who was in the building at the time was asked to leave by the firefighters.",
    ]


def test_a_caption_led_by_its_photo_credit_is_no_claim() -> None:
    # GVC 727980's Daily News gallery: each caption printed after its credit, "Gary Marks/GM
    # Video Productions The shooting occurred ..." stood as a claim. A dateline with a slash
    # and a transcript's speaker label are no credits.
    text = (
        "A girl was shot in the face on Monday night, police said.\n\n"
        "Gary Marks/GM Video Productions The shooting occurred in a home on Walnut St. shortly"
        " after 11 p.m. Gary Marks/GM Video Productions The child was rushed to an area hospital"
        " and is expected to survive, police said.\n\n"
        "(Brian Cassella / Chicago Tribune) Family members gather to remember the boy, 7, on"
        " Monday.\n\n"
        "New Delhi/Mumbai: An Indian warship foiled a five-boat pirate attack on Friday.\n\n"
        "Peter Lynch/Timmons' Attorney: \"I'm not going to be offering any comments on it.\""
    )
    claims = [e.text for e in split_claims(plain_article(text))]
    assert claims == [
        "A girl was shot in the face on Monday night, police said.",
        "New Delhi/Mumbai: An Indian warship foiled a five-boat pirate attack on Friday.",
        "Peter Lynch/Timmons' Attorney: \"I'm not going to be offering any comments on it.\"",
    ]


def test_an_outlets_promise_of_updates_is_no_claim() -> None:
    # Issue 11, session 22: GVC pages close on a plea to stay with the station or a promise to
    # update the page ("Stay with 13abc as we continue to provide updates ..." stood as a
    # claim). Guests: advice to stay with relatives, an agency updating its report, and a
    # company's own promise quoted from its tweet stay claims.
    text = (
        "A boy was shot in the leg on Friday night, police said.\n\n"
        "Stay with 13abc as we continue to provide updates to this developing story.\n\n"
        "Stay with KWWL for further updates.\n\n"
        "News 4 will update this story as more information becomes available.\n\n"
        "Fox59 will continue to update this story as we learn more.\n\n"
        "This story is breaking and will be updated.\n\n"
        "WLKY will keep you updated with any new details that are released.\n\n"
        "ABC 6/FOX 28 will have updates on this developing story when they're made available.\n\n"
        "We will follow the investigation as it unfolds and update this page with more"
        " information as it develops.\n\n"
        "Residents were told to stay with relatives for the night, police said.\n\n"
        "The agency will update the report on emissions next year, officials said.\n\n"
        '"We will keep you updated on progress," SEACOM tweeted on Tuesday morning.\n\n'
        "Police said they will have more details on Monday."
    )
    claims = [e.text for e in split_claims(plain_article(text))]
    assert claims == [
        "A boy was shot in the leg on Friday night, police said.",
        "Residents were told to stay with relatives for the night, police said.",
        "The agency will update the report on emissions next year, officials said.",
        '"We will keep you updated on progress," SEACOM tweeted on Tuesday morning.',
        "Police said they will have more details on Monday.",
    ]


def test_a_title_abbreviation_before_a_name_ends_no_sentence() -> None:
    # ECB+ 34_9ecbplus, 16_6ecbplus and 22_12ecbplus: split at the title's period, the claims
    # read "Farmer if he knew ...", '... was made for," said Dist.' and "Janice Leader, a 911 ...".
    text = (
        "CNA asked Msgr. Farmer if he knew her position on abortion. "
        '"This is the kind of crime the death penalty was made for," said Dist. Atty. Steve '
        "Cooley. Cpl. Janice Leader, a dispatcher, told reporters Friday that Hiller called 911."
    )
    claims = [e.text for e in split_claims(plain_article(text))]
    assert claims == [
        "CNA asked Msgr. Farmer if he knew her position on abortion.",
        '"This is the kind of crime the death penalty was made for," said Dist. Atty. Steve'
        " Cooley.",
        "Cpl. Janice Leader, a dispatcher, told reporters Friday that Hiller called 911.",
    ]
