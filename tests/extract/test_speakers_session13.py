"""Speaker attribution cases of session 13 (issue 12, from the errors of split fresh16: local TV
and newspaper web writing, and the web-style gaps of fresh13 and fresh15). Sentences are shaped
like the articles' own, with other names: a possessive description before a name in apposition,
a speech verb before the marks against a second-hand frame after them, a long description after
a quote, frameless words after ", she said.", described openers with a relative clause or a
place, a pronoun after a quote its sentence already framed, an opening adverbial, glued
sentences, speech acts whose object is quoted, the one heard speaking, owned words before a
colon."""

from __future__ import annotations

from .helpers import tagged_quotes


def _direct(text: str, tagged: list[tuple[str, str]]) -> list[tuple[str | None, str | None]]:
    return [
        (name, shown) for kind, _, name, shown in tagged_quotes(text, tagged) if kind == "direct"
    ]


def test_a_name_in_apposition_to_a_possessed_description_speaks() -> None:
    text = (
        "The boy was shot on Sunday.\n\nDalton's aunt, Rita Moss, said, \"This is very hard. "
        'I helped raise him."'
    )
    tags = [("Dalton", "PERSON"), ("Rita Moss", "PERSON")]
    assert _direct(text, tags) == [("Rita Moss", "Rita Moss")]


def test_the_speech_verb_before_the_marks_beats_the_document_after_them() -> None:
    text = 'Reed told police they wanted to "scare the whole family," the complaint said.'
    assert _direct(text, [("Reed", "PERSON")]) == [("Reed", "Reed")]


def test_a_progressive_scream_before_the_marks_beats_the_sheriff_after_them() -> None:
    text = (
        "When a deputy arrived, Tom Hale was screaming \"I've been hit, I've been hit\" from "
        "inside the trailer, the sheriff said."
    )
    assert _direct(text, [("Tom Hale", "PERSON")]) == [("Tom Hale", "Tom Hale")]


def test_questioned_after_a_quote_frames_it() -> None:
    text = (
        '"I think it is sad," said Dan Cole, a witness.\n\n'
        '"For a phone? For some cash," questioned neighbor Ann Lee.'
    )
    tags = [("Dan Cole", "PERSON"), ("Ann Lee", "PERSON")]
    assert _direct(text, tags)[-1] == ("Ann Lee", "Ann Lee")


def test_a_long_description_after_a_quote_goes_on_with_the_one_person_named() -> None:
    text = (
        "A few doors down, Greg Dunn stood in his driveway.\n\n"
        '"It\'s awful," the 35-year-old store manager and father of two young sons said. '
        '"I heard it was an accident."'
    )
    assert _direct(text, [("Greg Dunn", "PERSON")]) == [
        ("Greg Dunn", "Greg Dunn"),
        ("Greg Dunn", "Greg Dunn"),
    ]


def test_a_frameless_quote_goes_on_after_a_sentence_ending_she_said() -> None:
    text = (
        "The woman, who asked not to be named, said she heard shots. The first two were quiet, "
        'she said. "The third was very loud."'
    )
    assert _direct(text, []) == [(None, "The woman")]


def test_a_described_opener_with_a_relative_clause_is_whom_she_means() -> None:
    text = (
        "Mark Ryan's father works at the roofing firm.\n\n"
        "A woman who answered the phone at the firm on Monday said the staff were shaken.\n\n"
        '"We have all been praying," she said.'
    )
    assert _direct(text, [("Mark Ryan", "PERSON")]) == [(None, "A woman")]


def test_a_described_opener_with_a_place_is_whom_he_means() -> None:
    text = (
        "Another neighbor on Elm Road said he woke up when he heard sirens.\n\n"
        '"It happens. It just happened here," he said.'
    )
    assert _direct(text, []) == [(None, "Another neighbor")]


def test_a_pronoun_after_a_quote_its_sentence_framed_is_that_speaker() -> None:
    text = (
        "An Aptos woman, who declined to be named but said she had known Luke Hart for years, "
        'said Monday, "The family is just torn up." He was fifteen.\n\n'
        '"He was a great kid," she said.'
    )
    assert _direct(text, [("Luke Hart", "PERSON")])[0] == (None, "An Aptos woman")


def test_an_opening_adverbial_does_not_hide_the_reporter_of_a_partial_quote() -> None:
    text = 'Of the fatal shooting, Jim Hale said Cole Vigo "did not do anything wrong."'
    tags = [("Jim Hale", "PERSON"), ("Cole Vigo", "PERSON")]
    assert _direct(text, tags) == [("Jim Hale", "Jim Hale")]


def test_a_sentence_glued_to_the_next_still_ends_its_frame() -> None:
    text = (
        '"Last Monday was when we were notified," Lt. Lee Cox with the Long Beach police said.A '
        "reward was offered."
    )
    assert _direct(text, [("Lee Cox", "PERSON")]) == [("Lee Cox", "Lee Cox")]


def test_a_role_is_not_the_person_its_quote_names() -> None:
    text = (
        "She tracked her attackers to the door of Ray Battles, prosecutors said in court.\n\n"
        '"She used an app on her phone, which led to defendant Ray Battles," the prosecutor said.'
    )
    assert _direct(text, [("Ray Battles", "PERSON")]) == [(None, "the prosecutor")]


def test_the_quoted_object_of_thanked_is_the_subjects_words() -> None:
    text = 'After thanking the court, Fulcher also thanked "the Lord, who helped us every day."'
    assert _direct(text, [("Fulcher", "PERSON")]) == [("Fulcher", "Fulcher")]


def test_an_apology_offered_to_someone_is_the_subjects_words() -> None:
    text = (
        "Palin released a statement and offered an apology to the pastor "
        '"if the fire is in any way connected to the attention."'
    )
    assert _direct(text, [("Palin", "PERSON")]) == [("Palin", "Palin")]


def test_put_it_simply_frames_a_partial_quote() -> None:
    text = 'The chief of the grid operator put it simply: Renewables "are not a factor" at all.'
    assert _direct(text, []) == [(None, "The chief of the grid operator")]


def test_the_one_heard_yelling_speaks() -> None:
    text = 'The woman said she heard the police yelling "Get down now." She hid.'
    assert _direct(text, []) == [(None, "the police")]


def test_a_verb_heard_after_the_quote_is_no_frame() -> None:
    text = '"We heard a bang," smelled smoke and heard co-workers yelling, said Jean Lark, 48.'
    assert _direct(text, [("Jean Lark", "PERSON")]) == [("Jean Lark", "Jean Lark")]


def test_owned_words_before_a_colon_are_their_owners() -> None:
    text = (
        'Mayor Jane Roe spoke to the crowd on Friday.\n\nHer message: "We will rebuild this town."'
    )
    assert _direct(text, [("Jane Roe", "PERSON")]) == [("Jane Roe", "Her")]


def test_a_frameless_quote_after_a_name_whose_apposition_speaks_is_theirs() -> None:
    text = (
        "The testimony was given by Podell, a detective who said he knows Benton from the "
        'area. "I have been in his presence more than once."'
    )
    tags = [("Podell", "PERSON"), ("Benton", "PERSON")]
    assert _direct(text, tags) == [("Podell", "Podell")]


def test_a_frameless_quote_after_the_one_person_acting_is_theirs() -> None:
    text = 'Hadvar cuts the wolf down, then turns to me. "I am glad you decided to join me."'
    assert _direct(text, [("Hadvar", "PERSON")]) == [("Hadvar", "Hadvar")]


def test_a_frameless_quote_after_a_sentence_about_two_people_stays_unknown() -> None:
    text = 'Hadvar cuts the wolf down, then turns to Ralof. "I am glad you decided to join me."'
    assert _direct(text, [("Hadvar", "PERSON"), ("Ralof", "PERSON")]) == [(None, None)]


def test_a_short_fragment_in_a_sourced_sentence_is_a_statement() -> None:
    text = 'The other teen has "fully cooperated" in the investigation, the Sheriff\'s Office said.'
    assert _direct(text, [("Sheriff's Office", "ORG")]) == [
        ("Sheriff's Office", "Sheriff's Office")
    ]


def test_a_term_in_marks_stays_a_scare_quote_even_in_a_sourced_sentence() -> None:
    text = 'Deputies responded to an "active shooter" call at the mall, officials said.'
    assert _direct(text, []) == []


def test_a_clause_keeps_a_short_fragment_it_runs_on_past() -> None:
    text = 'Reed said he would "certainly concede" to his rival if the count was fair.'
    found = tagged_quotes(text, [("Reed", "PERSON")])
    assert (
        "indirect",
        'he would "certainly concede" to his rival if the count was fair',
        "Reed",
        "Reed",
    ) in found
