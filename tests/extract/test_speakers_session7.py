"""Speaker attribution cases of session 7 (issue 12), from sentences of TimeBank/AQUAINT wire
copy: statement lists under a name-and-day heading, quotes split by their attribution, a
sentence-final "he said", a quote sentence after "X said …", a colon after a named subject,
members of a body, documents and their writers, and descriptions kept whole."""

from __future__ import annotations

from newsweave.extract.speakers import _noun_phrase

from .helpers import tagged_quotes


def _direct(text: str, tagged: list[tuple[str, str]]) -> list[tuple[str, str | None, str | None]]:
    """(quote text, speaker entity name, speaker text) of each direct quote, with every
    occurrence of each (name, type) in `tagged` as the entity mentions (no model, no rules)."""
    return [
        (quote, name, shown)
        for kind, quote, name, shown in tagged_quotes(text, tagged)
        if kind == "direct"
    ]


def test_statements_listed_under_a_name_and_a_day_are_that_speakers() -> None:
    text = (
        "WASHINGTON _ Following are statements made Friday and Thursday in response to an "
        "article: Wechsler on Thursday ``Without commenting on the allegations raised in this "
        "article, that implication is entirely inaccurate.'' White House on Thursday ``For the "
        "past few weeks we've been subjected to false leaks.'' Clinton on Friday. ``Once again, "
        "I never asked anybody to do anything but tell the truth.''"
    )
    tagged = [("Wechsler", "PERSON"), ("White House", "ORG"), ("Clinton", "PERSON")]
    assert [who for _, who, _ in _direct(text, tagged)] == ["Wechsler", "White House", "Clinton"]


def test_a_heading_needs_a_day_or_place_after_the_name() -> None:
    text = "Reporters waited outside. Clinton ``Once again, I never asked anybody to lie.''"
    assert [who for _, who, _ in _direct(text, [("Clinton", "PERSON")])] == [None]


def test_the_second_half_of_a_quote_split_by_its_attribution_is_the_same_speakers() -> None:
    text = (
        "``We as Christians have a responsibility to protect the innocent from being "
        "murdered,'' Spitz said in a statement released to The Associated Press, ``the same "
        "way we would want someone to protect us.''"
    )
    tagged = [("Spitz", "PERSON"), ("Associated Press", "ORG")]
    assert [who for _, who, _ in _direct(text, tagged)] == ["Spitz", "Spitz"]


def test_a_quote_in_the_next_paragraph_is_not_the_second_half_of_a_split_one() -> None:
    text = (
        'City Council Member Jumaane Williams lamented that a "peaceful vigil that devolved '
        'into a riot."\n\n'
        'NYPD spokesman Paul Browne had said yesterday, "After the sergeant told the suspect '
        'to show his hands, Gray produced a revolver."'
    )
    tagged = [("Jumaane Williams", "PERSON"), ("Paul Browne", "PERSON")]
    assert _direct(text, tagged)[-1][1] == "Paul Browne"


def test_a_member_named_before_his_body_speaks_not_the_body() -> None:
    text = (
        "Bishop Henry Mansell of the Archdiocese of Buffalo said it was ``an act of "
        "madness,'' but he went on to defend the Church's opposition to abortion as "
        "``respecting of human life in all its forms, especially the most vulnerable.''"
    )
    tagged = [("Henry Mansell", "PERSON"), ("Archdiocese of Buffalo", "ORG")]
    assert [who for _, who, _ in _direct(text, tagged)] == ["Henry Mansell", "Henry Mansell"]


def test_a_sentence_final_he_said_gives_the_quote_opening_the_sentence() -> None:
    text = (
        "Director of the FBI Louis Freeh said here Friday that the raid is not linked with "
        "the probe.\n\n"
        '"This is an investigation proceeding on many fronts," said Freeh at a press '
        'conference. "I cannot detail the type of evidence we have gathered in Nairobi."\n\n'
        "He said he cannot confirm there is any evidence linking the bomb blasts to Osama Bin "
        "Laden, who now lives in Afghanistan.\n\n"
        '"Hundreds of people have been interviewed" and investigators probably have to take '
        "quite a long time to compile evidence in the two bomb blasts so as to reach any "
        "conclusion, he said."
    )
    tagged = [("Freeh", "PERSON"), ("Osama Bin Laden", "PERSON")]
    assert _direct(text, tagged)[-1][1] == "Freeh"


def test_a_quote_sentence_goes_on_with_who_reports_the_sentence_before_it() -> None:
    text = (
        "The company had a loss of $484 million.\n\n"
        "While a few assets are still being shopped -- including the ticketing portion of the "
        "company's Ticketron unit -- Mr. Price said future restructuring would be a question "
        'of strategy. "We don\'t need the cash."'
    )
    tagged = [("Price", "PERSON"), ("Ticketron", "ORG")]
    assert _direct(text, tagged)[0][1] == "Price"


def test_a_quote_sentence_after_a_sentence_nobody_reports_stays_unknown() -> None:
    text = (
        "The company had a loss of $484 million.\n\n"
        "Mr. Price joined the board in 1987 and sold his shares in May. \"We don't need the "
        'cash."'
    )
    assert _direct(text, [("Price", "PERSON")])[0][1] is None


def test_the_named_subject_before_a_colon_speaks_the_quote_after_it() -> None:
    text = (
        "Armando Gutierrez, a spokesman for the Miami relatives, dismissed the criticism: "
        "``Elian is surrounded by love.''"
    )
    tagged = [("Armando Gutierrez", "PERSON"), ("Elian", "PERSON")]
    assert _direct(text, tagged)[0][1] == "Armando Gutierrez"


def test_the_source_is_not_a_person_named_after_a_source_spoke() -> None:
    text = (
        "Another highly placed source said the president's son met with Sununu last week. "
        'The source said the younger Bush "sketched out for Sununu" problems the president '
        'is encountering. "He was told ... the handwriting was on the wall," the source said.'
    )
    tagged = [("Sununu", "PERSON"), ("Bush", "PERSON")]
    assert [who for _, who, _ in _direct(text, tagged)] == [None, None]


def test_the_company_with_an_abbreviated_place_is_the_company() -> None:
    text = (
        "Anheuser-Busch Cos. said it plans to discount its beer brands.\n\n"
        'The St. Louis company said major rivals "have been following a policy of continuous '
        'and deep discounting for at least the past 18 months" on their premium brands.'
    )
    assert _direct(text, [("Anheuser-Busch Cos.", "ORG")])[0][1] == "Anheuser-Busch Cos."


def test_a_message_the_frame_introduces_is_not_an_earlier_rulings_issuer() -> None:
    text = (
        "The exiles want to get around Wednesday's ruling by the U.S. Immigration and "
        "Naturalization Service.\n\n"
        "``We cannot stop mobilizing! The struggle must not stop for one minute!'' said a "
        "message that was read Wednesday night to several thousand rallying Cuban scientists."
    )
    tagged = [("U.S. Immigration and Naturalization Service", "ORG")]
    _, who, written = _direct(text, tagged)[0]
    assert who is None
    assert written == "a message"


def test_a_letter_from_someones_relatives_is_not_the_papers_that_printed_it() -> None:
    text = (
        "The newspaper of Cuba's Communist Party, daily Gramma, published a letter Thursday "
        "from Elian's grandmothers asking for Elian's return.\n\n"
        "``No material good exists that can compete with the value of the family,'' said a "
        "Spanish version of the letter, dated Feb. 4."
    )
    tagged = [("Communist Party", "ORG"), ("Elian", "PERSON")]
    assert _direct(text, tagged)[0][1] is None


def test_a_body_after_a_preposition_is_not_the_speaker_of_a_partial_quote() -> None:
    text = (
        "Martonyi called Hungary's admission in NATO ``returning to her natural habitat,'' "
        "saying it was a great day."
    )
    tagged = [("Martonyi", "PERSON"), ("NATO", "ORG"), ("Hungary", "GPE")]
    assert _direct(text, tagged)[0][1] == "Martonyi"


def test_a_reduced_relative_clause_ends_a_described_subject() -> None:
    chunk = "The creator of an anti-abortion Web site found to be a threat to abortion providers"
    assert _noun_phrase(chunk) == "The creator of an anti-abortion Web site"
    assert _noun_phrase("A close friend of the dead mum") == "A close friend of the dead mum"


def test_worries_after_a_quote_is_a_speech_verb() -> None:
    text = (
        'If so, "the lingering cost of that could be high," worries former national security '
        "adviser Zbigniew Brzezinski."
    )
    assert _direct(text, [("Zbigniew Brzezinski", "PERSON")])[0][1] == "Zbigniew Brzezinski"


def test_a_verb_after_but_shares_the_subject_of_the_sentence() -> None:
    text = (
        "Indeed, French President Francois Mitterrand said yesterday that some allied forces "
        "are crossing Iraqi territory, but insisted, \"The purpose isn't to invade Iraqi "
        "territory, that's not the aim.\""
    )
    assert _direct(text, [("Francois Mitterrand", "PERSON")])[0][1] == "Francois Mitterrand"


def test_but_said_after_a_pronoun_subject_resolves_the_pronoun() -> None:
    text = (
        "Crown Prince Hassan, King Hussein's brother, was asked today about the message. In an "
        "interview from Jordan on ABC, he declined to discuss details, but said: ``I don't "
        "think that his majesty would be traveling at this crucial moment.''"
    )
    tagged = [("Crown Prince Hassan", "PERSON"), ("King Hussein", "PERSON")]
    assert _direct(text, tagged)[0][1] == "Crown Prince Hassan"


def test_the_subject_before_a_relative_clause_speaks_or_its_appositive_name() -> None:
    text = (
        "The U.S. ambassador to Poland, Dan Fried, who was then on the National Security "
        "Council, said Friday that he remembered being asked to help ``turn this pious wish "
        "into a policy.''"
    )
    tagged = [("Dan Fried", "PERSON"), ("National Security Council", "ORG")]
    assert _direct(text, tagged)[0][1] == "Dan Fried"


def test_whoever_issued_the_following_statement_speaks_the_quote_paragraph() -> None:
    text = (
        "Chargers players had the day off yesterday.\n\n"
        "General Manager A.J. Smith issued the following statement on Jackson's arrest:\n\n"
        "\"We're aware of the off-the-field issue involving Vincent.\n\n"
        "Obviously, we're disappointed.\""
    )
    tagged = [("A.J. Smith", "PERSON"), ("Jackson", "PERSON")]
    assert _direct(text, tagged)[0][1] == "A.J. Smith"


def test_a_named_person_who_commended_someone_speaks_the_quote_paragraph_after() -> None:
    text = (
        '"They cuffed him on the ground," Mr. Pigeon said.\n\n'
        "Mr. Pigeon also commended police for their handling of the dangerous situation.\n\n"
        '"They managed to stop any further loss of life."\n\n'
        "Mark Pinder was working at a film studio across the street."
    )
    tagged = [("Pigeon", "PERSON"), ("Mark Pinder", "PERSON")]
    assert [who for _, who, _ in _direct(text, tagged)] == ["Pigeon", "Pigeon"]


def test_a_quote_paragraph_after_a_sentence_of_no_speech_act_stays_unknown() -> None:
    text = (
        "Mr. Pigeon also drove to the station after the arrest.\n\n"
        '"They managed to stop any further loss of life."'
    )
    assert _direct(text, [("Pigeon", "PERSON")])[0][1] is None


def test_and_said_after_a_subject_an_adverb_and_a_verb_is_that_subjects() -> None:
    text = (
        "President Bush today denounced Saddam's ``ruinous policies of war,'' and said the "
        "United States is ``striking a blow for the principle that might does not make right.''"
    )
    tagged = [("Bush", "PERSON"), ("Saddam", "PERSON")]
    assert _direct(text, tagged)[-1][1] == "Bush"


def test_the_reporter_in_apposition_not_the_reported_clauses_subject_speaks() -> None:
    text = (
        "Vacco's campaign manager, Matt Behrmann, said in a statement that Spitzer had ``sunk "
        "to a new and despicable low by attempting to capitalize on the murder.''"
    )
    tagged = [("Matt Behrmann", "PERSON"), ("Spitzer", "PERSON"), ("Vacco", "PERSON")]
    assert _direct(text, tagged)[0][1] == "Matt Behrmann"


def test_an_apposition_that_is_no_name_leaves_the_company_as_the_reporter() -> None:
    text = (
        "Jim Pattison Industries Ltd., one of a group of closely held companies owned by "
        'entrepreneur James Pattison, said it "intends to seek control" of Innopac Inc.'
    )
    tagged = [("Jim Pattison Industries Ltd.", "ORG"), ("James Pattison", "PERSON")]
    assert _direct(text, tagged)[0][1] != "James Pattison"


def test_a_conjunction_and_a_title_before_the_name_keep_it_the_subject() -> None:
    text = (
        "But Tanzanian Foreign Minister Jakaya Kikwete, speaking at a joint news conference "
        "with Albright, said there are no ill feelings in Tanzania.\n\n"
        "``The bomb blast has not generated any hatred against Americans,'' he said."
    )
    tagged = [("Jakaya Kikwete", "PERSON"), ("Albright", "PERSON")]
    assert _direct(text, tagged)[0][1] == "Jakaya Kikwete"


def test_a_bracket_opening_a_quote_starts_a_new_sentence() -> None:
    text = (
        '"Just couldn\'t believe it," said Rosa Samuel, a member of Central Baptist Church. '
        '"[He was] up and down the aisle ways, laughing and smiling."'
    )
    tagged = [("Rosa Samuel", "PERSON"), ("Central Baptist Church", "ORG")]
    assert [who for _, who, _ in _direct(text, tagged)] == ["Rosa Samuel", "Rosa Samuel"]


def test_a_gerund_after_a_preposition_is_no_frame_after_a_quote() -> None:
    text = (
        "Goldstein, who said it was ``thoroughly, thoroughly possible'' that the issue would "
        "surface, defended the use of the issue by noting that it matters."
    )
    _, _, written = _direct(text, [("Goldstein", "PERSON")])[0]
    assert written != "the use of the issue by"
