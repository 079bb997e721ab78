"""Speaker attribution cases of session 20 (issue 12, errors read by eye in GVC): a pronoun
after a relation that spoke ("…, his mother said." / '"…," she said') goes on with that
relation, not with the man her words are about; the coordinated "that" clauses of one speech
verb share their subject ('said that Mendoza …, and that he told the cousin "not to snitch"');
a lone surname shared with a relative named in full is the relative who spoke by that full name
('said his daughter Nicole Caron' / 'said Caron', with "Caron" linked to her father); a few
words in marks inside a sentence where no one says anything are no quote. Sentences are shaped
like the articles' own, with other names."""

from __future__ import annotations

from .test_speakers_session19 import _quotes


def test_she_after_his_mother_said_is_the_mother_not_the_son() -> None:
    # GVC 597c86a: the son is named in the mother's sentence, the father spoke before it
    text = (
        '"I just wanted him to grow up to be a good man," Paul Reed said.\n\n'
        "An outdoorsman who loved video games, Tom was a teenager who knew a little bit about "
        "everything, his mother said.\n\n"
        '"He was always happy," she said.'
    )
    found = _quotes(text, {"Paul Reed": ["Paul Reed"], "Tom Reed": ["Tom"]})
    assert [(name, shown) for _, name, shown in found] == [
        ("Paul Reed", "Paul Reed"),
        (None, "his mother"),
    ]


def test_she_after_her_mother_said_is_not_the_daughter_spoken_of() -> None:
    text = (
        "Anna was a kind girl who loved horses, her mother said.\n\n"
        '"She was always singing," she said.'
    )
    found = _quotes(text, {"Anna Cole": ["Anna"]})
    assert [(name, shown) for _, name, shown in found] == [(None, "her mother")]


def test_the_mother_named_elsewhere_speaks_by_her_name() -> None:
    text = (
        "Ann Reed, his mother, sat by the door on Sunday.\n\n"
        "Tom was a teenager who knew a little bit about everything, his mother said.\n\n"
        '"He was always happy," she said.'
    )
    found = _quotes(text, {"Ann Reed": ["Ann Reed"], "Tom Reed": ["Tom"]})
    assert [name for _, name, _ in found] == ["Ann Reed"]


def test_he_after_his_mother_said_is_not_the_son_she_spoke_of() -> None:
    text = (
        '"I just wanted him to grow up to be a good man," Paul Reed said.\n\n'
        "Tom was a teenager who knew a little bit about everything, his mother said.\n\n"
        '"He had so many friends," he said.'
    )
    found = _quotes(text, {"Paul Reed": ["Paul Reed"], "Tom Reed": ["Tom"]})
    assert [name for _, name, _ in found][1] != "Tom Reed"


def test_a_relation_named_in_apposition_speaks_by_name() -> None:
    # GVC 72c717a: "Fuller's next door neighbor, Ronnie Patterson, told local media that …"
    text = (
        "Ray's next door neighbor, Ronald Pike, told local media that the family moved in last "
        "year.\n\n"
        '"We heard shots all the time," he said.'
    )
    found = _quotes(text, {"Ronald Pike": ["Ronald Pike"], "Ray Lund": ["Ray"]})
    assert [name for _, name, _ in found] == ["Ronald Pike"]


def test_a_surname_linked_to_the_father_is_the_daughter_who_spoke_by_full_name() -> None:
    # GVC 0103fecb: "Caron" is linked to the father, whose daughter spoke by her full name
    text = (
        "Saturday Dan Lowe was remembered as a man who would do anything for his family.\n\n"
        '"They were good buddies. They hung out all the time," said his 20-year-old daughter '
        "Nicole Lowe.\n\n"
        '"I have met him on multiple occasions. He lived right down the street," Lowe recalled.'
    )
    found = _quotes(text, {"Dan Lowe": ["Dan Lowe", "Lowe"], "Nicole Lowe": ["Nicole Lowe"]})
    assert [name for _, name, _ in found] == ["Nicole Lowe", "Nicole Lowe"]


def test_a_surname_stays_with_the_one_named_in_full_since() -> None:
    text = (
        '"They were good buddies," said his daughter Nicole Lowe.\n\n'
        "Her father, Dan Lowe, had worked at the plant for thirty years.\n\n"
        '"I never thought of leaving this town," Lowe once told a reporter.'
    )
    found = _quotes(text, {"Dan Lowe": ["Dan Lowe", "Lowe"], "Nicole Lowe": ["Nicole Lowe"]})
    assert [name for _, name, _ in found] == ["Nicole Lowe", "Dan Lowe"]


def test_a_surname_without_a_namesake_who_spoke_keeps_its_link() -> None:
    # GVC 48de4059: "His father, Jamie DuBois, allowed News 9 … DuBois said …"
    text = (
        "The first was 16-year-old Jaidon Roe. His father, Jamie Roe, allowed News 9 to use his "
        "son's name.\n\n"
        '"He seemed to be doing well lately," Roe said.'
    )
    found = _quotes(text, {"Jamie Roe": ["Jamie Roe", "Roe"], "Jaidon Roe": ["Jaidon Roe"]})
    assert [name for _, name, _ in found] == ["Jamie Roe"]


def test_a_few_words_in_marks_where_no_one_speaks_are_no_quote() -> None:
    # GVC: a printed T-shirt, a text message to send, a charge's name
    text = (
        'He was last seen wearing a black T-shirt with "Hustle first question later" printed '
        "on it.\n\n"
        'Callers may call Crime Solvers at 1-866-411-TIPS or text "PGPD plus your message" to '
        "CRIMES.\n\n"
        'The "extreme indifference to life" assault counts were dropped by the State\'s Attorney.'
    )
    assert _quotes(text, {}) == []


def test_a_few_words_in_marks_that_someone_calls_something_stay() -> None:
    text = (
        'Police are looking for John Figg, her boyfriend, and calling him "a person of '
        'interest" in the case.'
    )
    assert [quote for quote, _, _ in _quotes(text, {"John Figg": ["John Figg"]})] == [
        "a person of interest"
    ]


def test_a_surname_of_two_men_keeps_its_link() -> None:
    # ECB+ 28_2ecbplus: the nephew spoke by full name, then the obituary's subject
    text = (
        "Mr. Fred Lane served on the committee from 1963 to 1968, his nephew William T. Lane "
        "said.\n\n"
        "The family money had dwindled by the early 1970s.\n\n"
        'Mr. Lane said in 1971, "I\'m no millionaire."'
    )
    found = _quotes(
        text,
        {"Fred Lane": ["Fred Lane", "Lane"], "William T. Lane": ["William T. Lane"]},
    )
    assert [name for _, name, _ in found] == ["Fred Lane"]


def test_a_relation_owned_by_a_name_is_not_that_name() -> None:
    text = (
        "Dan Lowe died on Friday.\n\n"
        '"He was a good man," Lowe\'s daughter said.\n\n'
        '"He loved us," she added.'
    )
    found = _quotes(text, {"Dan Lowe": ["Dan Lowe", "Lowe"]})
    assert [(name, shown) for _, name, shown in found] == [
        (None, "Lowe's daughter"),
        (None, "Lowe's daughter"),
    ]
