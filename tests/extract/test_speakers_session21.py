"""Speaker attribution cases of session 21 (issue 12, fresh13's web styles and the items left by
session 20): a sentence-final ", authorities say." covers a fragment in its sentence; a phrase
a writer borrows names its source after the closing mark (", as Margaret Thatcher put it"); a
participle "describing … as" names what it quotes, and in an absolute phrase ("with the
prosecution describing …") the phrase after "with" speaks; "his mother" is the mother of a
couple named as a child's parents; the namesake rule reads every shared speech verb; a short
quoted description after a finite naming verb and its object is the subject's. Sentences are
shaped like the articles' own, with other names."""

from __future__ import annotations

from .test_speakers_session19 import _quotes


def test_a_fragment_before_authorities_say_is_theirs() -> None:
    # GVC 4ad939d (fresh13): the plural present "say" of wire copy closes the sentence
    text = (
        "A Columbus officer shot a 13-year-old boy Wednesday night after the youngster pulled a "
        'BB gun from his waistband that looked "practically identical" to the weapon police '
        "use, authorities say."
    )
    found = _quotes(text, {})
    assert [(quote, shown) for quote, _, shown in found] == [
        ("practically identical", "authorities")
    ]


def test_as_she_put_it_names_the_source_of_a_borrowed_phrase() -> None:
    # newrepublic.com (fresh13): three words a writer borrows, named after the closing mark
    text = (
        'The neoliberal embrace of individualism and opposition to "the collective society," '
        "as Margaret Thatcher put it, also had perverse consequences for social life."
    )
    found = _quotes(text, {"Margaret Thatcher": ["Margaret Thatcher"]})
    assert [(quote, name) for quote, name, _ in found] == [
        ("the collective society", "Margaret Thatcher")
    ]


def test_as_followed_by_no_saying_verb_is_no_source() -> None:
    text = (
        'Voters want "real and lasting change in the city" as the mayor walked out of the hall '
        "on Monday night."
    )
    found = _quotes(text, {})
    assert all(shown is None for _, _, shown in found)


def test_describing_as_after_a_comma_is_the_sentence_subject() -> None:
    # theplanetarypress.com (fresh13)
    text = (
        'Scientists used a pre-existing definition of "intact forest landscapes" for their '
        'study, describing them as "a seamless mosaic of forests and associated natural '
        'treeless ecosystems."'
    )
    found = _quotes(text, {})
    assert [shown for _, _, shown in found] == ["Scientists"]


def test_with_the_prosecution_describing_is_the_prosecution() -> None:
    # villagevoice.com (fresh13): an absolute phrase inside the sentence
    text = (
        "In early 1924, his trial for high treason began, with the prosecution describing the "
        'party leader as "the soul of the whole undertaking." That did not stop the judge.'
    )
    found = _quotes(text, {"Karl Brandt": ["Brandt"]})
    assert [(name, shown) for _, name, shown in found] == [(None, "the prosecution")]


def test_with_a_named_person_saying_is_that_person() -> None:
    text = (
        "The team won again on Sunday, with coach Pat Riley saying "
        '"we played the best defense of the year" after the game.'
    )
    found = _quotes(text, {"Pat Riley": ["Pat Riley"], "Joe Dumars": ["Joe Dumars"]})
    assert [name for _, name, _ in found] == ["Pat Riley"]


def test_his_mother_is_the_mother_of_the_couple_named_as_parents() -> None:
    # GVC 597c86a (fresh14): "David and Myrtle Parsons … their son, Michael" then "his mother
    # said" / '"He was always happy," she said.'
    text = (
        "BOILING SPRINGS — Paul and Ann Reed will never know what kind of man their son, Tom, "
        "could have been.\n\n"
        '"I just wanted him to grow up to be a good man," Paul Reed said.\n\n'
        "Tom was a teenager who knew a little bit about everything, his mother said.\n\n"
        '"He was always happy," she said.'
    )
    people = {"Paul Reed": ["Paul Reed", "Paul"], "Ann Reed": ["Ann Reed"], "Tom Reed": ["Tom"]}
    found = _quotes(text, people)
    assert [name for _, name, _ in found] == ["Paul Reed", "Ann Reed"]


def test_his_mother_stays_the_role_when_two_couples_are_parents() -> None:
    text = (
        "Paul and Ann Reed lost their son, Tom, on Saturday. Mark and Eve Hill lost their "
        "daughter, Jo.\n\n"
        "Tom was a teenager who knew a little bit about everything, his mother said.\n\n"
        '"He was always happy," she said.'
    )
    people = {
        "Paul Reed": ["Paul"],
        "Ann Reed": ["Ann Reed"],
        "Mark Hill": ["Mark"],
        "Eve Hill": ["Eve Hill"],
        "Tom Reed": ["Tom"],
    }
    found = _quotes(text, people)
    assert [(name, shown) for _, name, shown in found] == [(None, "his mother")]


def test_a_namesake_shown_speaking_with_any_speech_verb() -> None:
    # session 20's namesake rule read only ten verbs ("said", "told", …): "recounted" too
    text = (
        "Saturday Dan Lowe was remembered as a man who would do anything for his family.\n\n"
        "Nicole Lowe, his 20-year-old daughter, recounted that they hung out all the time.\n\n"
        '"I have met him on multiple occasions. He lived right down the street," Lowe recalled.'
    )
    found = _quotes(text, {"Dan Lowe": ["Dan Lowe", "Lowe"], "Nicole Lowe": ["Nicole Lowe"]})
    assert [name for _, name, _ in found] == ["Nicole Lowe"]


def test_a_short_description_after_called_and_its_object_is_the_subjects() -> None:
    # GVC 5add884 (NAU): "The university called the shooting an "isolated and unprecedented"
    # incident and said classes will go on"
    text = (
        "The shooting happened at 1:20 a.m. in a parking lot outside a dorm. The university "
        'called the shooting an "isolated and unprecedented" incident and said classes will go '
        "on as planned Friday."
    )
    found = _quotes(text, {})
    assert [shown for _, _, shown in found] == ["The university"]


def test_a_name_right_after_called_stays_no_ones_words() -> None:
    text = 'Officers use a tactic called "stop and frisk" in the area, police said.'
    assert _quotes(text, {}) == []


def test_a_colon_sentence_between_quotes_does_not_hand_on_the_previous_speaker() -> None:
    # villagevoice.com (fresh13): the prisoner's speech after the prosecution's words
    text = (
        '"We will win this case," Paul Smith said on Monday. That did not stop a judge from '
        'allowing the prisoner to give extended speeches: "I alone bear the responsibility. I '
        'alone wanted to carry out the deed."'
    )
    found = _quotes(text, {"Paul Smith": ["Paul Smith"]})
    assert [name for _, name, _ in found] == ["Paul Smith", None]


def test_a_colon_sentence_the_previous_speaker_opens_goes_on_with_them() -> None:
    # GVC 882bee6 (NAU): the governor's tweet, then "He later issued a statement:"
    text = (
        "Arizona Governor Doug Ducey tweeted, \"Praying for the victims of this morning's "
        'shooting." He later issued a statement: "I join Arizonans from all across our state '
        'in praying for the victims."'
    )
    found = _quotes(text, {"Doug Ducey": ["Doug Ducey"]})
    assert [name for _, name, _ in found] == ["Doug Ducey", "Doug Ducey"]
