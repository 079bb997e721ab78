"""Speaker attribution cases of session 18 (issue 12, errors read by eye in ECB+ 19_4ecbplus
and 28_6ecb): a person heard saying words speaks them, a described person's speech verb right
before the marks beats the frame that passes the words on, and a quote that carries on its
sentence after an article goes on with the previous quote's speaker. Sentences are shaped like
the articles' own, with other names."""

from __future__ import annotations

from .helpers import tagged_quotes


def _direct(text: str, tagged: list[tuple[str, str]]) -> list[tuple[str, str | None, str | None]]:
    return [
        (quote, name, shown)
        for found, quote, name, shown in tagged_quotes(text, tagged)
        if found == "direct"
    ]


def test_the_one_heard_saying_words_speaks_them() -> None:
    text = (
        'Lee said a neighbour heard a guard yell, "Put your hands where I can see them!" but '
        "a source said the neighbour was too far away."
    )
    found = _direct(text, [("Lee", "PERSON")])
    assert [(name, shown) for _, name, shown in found] == [(None, "a guard")]


def test_a_bare_verb_after_a_comma_is_no_heard_speaker() -> None:
    # the perceived person and the verb are in one clause only: no comma between them
    text = 'Ann Lee, who heard the shots, said, "We ran to the back of the store at once."'
    found = _direct(text, [("Ann Lee", "PERSON")])
    assert [name for _, name, _ in found] == ["Ann Lee"]


def test_a_described_speaker_right_before_the_marks_spoke_first() -> None:
    text = (
        'Ann Lee was at home. When the driver yelled, "Get on the ground now!" it became clear '
        "they were police, she said."
    )
    found = _direct(text, [("Ann Lee", "PERSON")])
    assert [(name, shown) for _, name, shown in found] == [(None, "the driver")]


def test_a_document_before_the_marks_does_not_beat_the_frame_after() -> None:
    text = (
        'The report said, "The crew followed every rule of the base," the admiral told the '
        "committee on Tuesday."
    )
    found = _direct(text, [])
    assert [shown for _, _, shown in found] == ["the admiral"]


def test_a_quote_carrying_on_its_sentence_after_the_goes_on_with_the_speaker() -> None:
    text = (
        "Tom Reyes, a retired judge, wrote to the governor in support of the nominee.\n\n"
        '"Ms. Lee is a woman of rare judgment and patience," he said.\n\n'
        'The "courage, fairness and independence of Ms. Lee are beyond any doubt."'
    )
    found = _direct(text, [("Tom Reyes", "PERSON"), ("Ms. Lee", "PERSON")])
    assert [name for _, name, _ in found] == ["Tom Reyes", "Tom Reyes"]


def test_a_sentence_going_on_after_the_quote_is_not_carried_on() -> None:
    text = (
        "Tom Reyes, a retired judge, wrote to the governor in support of the nominee.\n\n"
        '"Ms. Lee is a woman of rare judgment and patience," he said.\n\n'
        'The "courage, fairness and independence" of the nominee were praised by the board.'
    )
    found = _direct(text, [("Tom Reyes", "PERSON"), ("Ms. Lee", "PERSON")])
    # no one: the fragment is left without speaker, or (session 20) dropped, no one saying it
    assert [name for _, name, _ in found][1:] in ([None], [])
