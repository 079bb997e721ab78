"""Quote extraction: marks, speakers, scare quotes, indirect speech."""

from __future__ import annotations

from newsweave.extract.entities import EntityConfig, extract_entities
from newsweave.extract.quotes import extract_quotes, find_quote_spans
from newsweave.extract.speakers import SpeakerConfig
from newsweave.model import Article


def _article(text: str, aid: str = "a") -> Article:
    return Article(
        id=aid,
        source=aid,
        url=None,
        outlet=None,
        domain=None,
        title="",
        published=None,
        published_basis="unknown",
        language="en",
        text=text,
    )


def _quotes(text: str, use_model: bool = False):  # type: ignore[no-untyped-def]
    article = _article(text)
    result = extract_entities([article], config=EntityConfig(use_model=use_model))
    names = {e.id: e.name for e in result.entities}
    return [(q, names.get(q.speaker_id or "")) for q in extract_quotes(article, result)]


def test_said_after_and_colon_before_give_the_speaker() -> None:
    found = _quotes(
        'Angela Merkel spoke on Monday. "We will not give up on this plan," Merkel said.\n\n'
        'Boris Johnson said: "This is a very good day for the country."'
    )
    direct = [(q.text, name) for q, name in found if q.kind == "direct"]
    assert direct == [
        ("We will not give up on this plan", "Angela Merkel"),
        ("This is a very good day for the country.", "Boris Johnson"),
    ]


def test_quote_text_is_the_span_of_the_article() -> None:
    text = "“It is over,” said Tom Hanks. ‘Really over now,’ he said."
    for q, _ in _quotes(text):
        assert text[q.span[0] : q.span[1]] == q.text


def test_short_scare_quotes_are_not_statements() -> None:
    found = _quotes('Trump claimed the election was "stolen" and called it "far-fetched" nonsense.')
    assert [q for q, _ in found if q.kind == "direct"] == []


def test_multi_paragraph_quote_continues_after_a_reopening_mark() -> None:
    text = '"The first part goes on here.\n\n"And the second part ends here," Putin said.'
    assert find_quote_spans(text) == [(1, len(text) - len('" Putin said.'))]


def test_pronoun_resolves_to_the_previous_subject_only_when_unambiguous() -> None:
    found = _quotes(
        "Mikhail Gorbachev sided with Joe Biden in a statement.\n\n"
        'He described him as "a figure with very long experience in policy."'
    )
    assert [name for q, name in found if q.kind == "direct"] == ["Mikhail Gorbachev"]


def test_unknown_speaker_stays_none() -> None:
    found = _quotes('"We have no information on intent or motive at this time."')
    assert [(q.speaker_text, q.speaker_id) for q, _ in found] == [(None, None)]


def test_statement_resolves_to_its_author() -> None:
    found = _quotes(
        "The Kremlin said in a statement on Tuesday that talks had begun.\n\n"
        '"The two leaders spoke at length about trade and security," the statement reads.'
    )
    direct = [(q.cue, name) for q, name in found if q.kind == "direct"]
    assert direct == [("the statement reads", "Kremlin")]


def test_indirect_speech_reports_the_clause() -> None:
    found = _quotes("Vladimir Putin said that Moscow was ready for contacts with the new team.")
    indirect = [(q.text, name) for q, name in found if q.kind == "indirect"]
    assert indirect == [("Moscow was ready for contacts with the new team", "Vladimir Putin")]


def test_without_entities_the_speaker_is_the_text_as_written() -> None:
    article = _article('"We will not give up on this plan," Merkel said.')
    (quote,) = extract_quotes(article)
    assert (quote.speaker_text, quote.speaker_id, quote.cue) == ("Merkel", None, "said")


def test_trailing_attribution_is_indirect_speech() -> None:
    found = _quotes("The talks will resume in Geneva next week, Sergei Lavrov said on Friday.")
    assert [(q.kind, q.text, name) for q, name in found] == [
        ("indirect", "The talks will resume in Geneva next week", "Sergei Lavrov")
    ]


def test_appositive_between_speaker_and_verb() -> None:
    found = _quotes(
        '"They are absolutely not afraid of anything," Gerard Benezat, the store\'s insurer, '
        "told France Info."
    )
    assert [name for q, name in found if q.kind == "direct"] == ["Gerard Benezat"]


def test_passive_frame_without_a_subject_names_the_agent() -> None:
    # Issue 14 row 1: this frame raised IndexError and aborted the whole analyze.
    found = _quotes(
        'Police searched the area.\n\n"We are looking for the shooter," was said by the officer.'
    )
    direct = [q for q, _ in found if q.kind == "direct"]
    assert [(q.text, q.speaker_text) for q in direct] == [
        ("We are looking for the shooter", "the officer")
    ]


def test_frames_reduced_to_auxiliaries_or_nothing_never_raise() -> None:
    for frame in ("was said.", "is said", "were told,", "said.", "was quoted as saying", ", said"):
        text = f'"We are looking for the shooter in the town," {frame}'
        direct = [q for q, _ in _quotes(text) if q.kind == "direct"]
        assert [q.text for q in direct] == ["We are looking for the shooter in the town"]


def test_he_said_after_a_chain_of_he_sentences_is_the_last_named_speaker() -> None:
    found = _quotes(
        "Willie Lay manages the club.\n\n"
        '"We all ran to the closet," Lay said.\n\n'
        "Lay said both patrons had permits.\n\n"
        "He said the club had no trouble before. He did not see the gunman.\n\n"
        '"This is an old folks club," he said.',
        use_model=False,
    )
    direct = [(q.text, name) for q, name in found if q.kind == "direct"]
    assert direct[-1] == ("This is an old folks club", "Willie Lay")


def test_she_never_resolves_to_a_man_the_text_calls_a_brother() -> None:
    found = _quotes(
        '"We will be baffled for years," said Wendell Warren, the victim\'s brother.\n\n'
        "She turned on the television at home.\n\n"
        '"You see these things on television," she said.',
        use_model=False,
    )
    last = [q for q, _ in found if q.kind == "direct"][-1]
    assert last.speaker_id is None


def test_role_phrase_continues_the_person_given_that_title() -> None:
    found = _quotes(
        "Superior Court Judge James Bodiford sentenced the man on Saturday.\n\n"
        '"The jury has spoken and I respect the jury," the judge said.',
        use_model=False,
    )
    assert [name for q, name in found if q.kind == "direct"] == ["James Bodiford"]


def test_possessive_description_takes_the_name_in_apposition() -> None:
    found = _quotes(
        '"He would give the shirt off his back to anybody," says Melanie\'s husband, Chris '
        "Whittaker.",
        use_model=False,
    )
    assert [name for q, name in found if q.kind == "direct"] == ["Chris Whittaker"]


def test_a_nationality_is_never_a_speaker() -> None:
    found = _quotes('"We will never accept these terms at all," Sudanese said on Monday.')
    assert [q.speaker_id for q, _ in found if q.kind == "direct"] == [None]


def test_pronoun_after_an_unnamed_source_keeps_the_description() -> None:
    found = _quotes(
        "The cuts hit three lines, a France Telecom spokeswoman who asked not to be named said."
        '\n\n"We have two assumptions about the cause," she said.',
        use_model=True,
    )
    direct = [q for q, _ in found if q.kind == "direct"]
    assert [(q.speaker_id, q.speaker_text) for q in direct] == [
        (None, "a France Telecom spokeswoman")
    ]


def test_the_company_said_continues_the_organisation_the_article_is_about() -> None:
    found = _quotes(
        "Microsoft released a patch on Tuesday. Microsoft said attacks were limited.\n\n"
        '"We urge all customers to install it now," the software giant said.',
        use_model=True,
    )
    assert [name for q, name in found if q.kind == "direct"] == ["Microsoft"]


def test_a_capitalised_outlet_reporting_is_no_document() -> None:
    text = (
        "Sheriff Mike Thomas said the case was closed.\n\n"
        '"The battle had escalated, and the mother grew paranoid," the Post reported.'
    )
    (quote,) = [q for q, _ in _quotes(text, use_model=True) if q.kind == "direct"]
    assert quote.speaker_text == "the Post"
    assert quote.speaker_id is None


def test_she_added_continues_the_last_speaker_over_a_paragraph_naming_no_one() -> None:
    text = (
        "Nicole Caron spoke on Friday.\n\n"
        '"My dad was a very kind and friendly man," said Caron.\n\n'
        "As she looked at pictures of her father, she was left wondering why.\n\n"
        '"I love him so much and I want people to know he was good," she added.'
    )
    direct = [(q.text[:9], name) for q, name in _quotes(text, use_model=True) if q.kind == "direct"]
    assert direct == [("My dad wa", "Nicole Caron"), ("I love hi", "Nicole Caron")]


def test_pronoun_after_a_long_quote_looks_past_the_quoted_sentences() -> None:
    text = (
        "The talk of guns had made Unique Armstead nervous.\n\n"
        '"I speed-walked to my son. I held him. I hid.\n\nI was scared. I was shaking.\n\n'
        "I was trying to get out of harm's way,\" she testified."
    )
    direct = [name for q, name in _quotes(text, use_model=True) if q.kind == "direct"]
    assert direct == ["Unique Armstead"]


def test_asked_if_x_then_y_said_makes_y_the_referent_of_he() -> None:
    text = (
        "Asked if Jerry Ortiz might have lived, Larry Waldie said there was no way to know.\n\n"
        '"There might have been two people killed," he said.'
    )
    direct = [name for q, name in _quotes(text, use_model=True) if q.kind == "direct"]
    assert direct == ["Larry Waldie"]


def test_a_quoted_update_speaks_for_the_organisation_that_issued_it() -> None:
    text = (
        "Microsoft has issued an update regarding the outage to its customers.\n\n"
        '"Some more bandwidth was brought online last night, bringing us to 83% of capacity."'
    )
    direct = [name for q, name in _quotes(text, use_model=True) if q.kind == "direct"]
    assert direct == ["Microsoft"]


def test_speaker_settings_come_from_the_config() -> None:
    text = "Lou Reed was here.\n\n" + '"one\n\ntwo\n\nthree\n\nfour," Reed said.'
    loose = find_quote_spans(text, SpeakerConfig(max_unmarked_paragraphs=4))
    strict = find_quote_spans(text, SpeakerConfig(max_unmarked_paragraphs=2))
    assert len(loose) == 1
    assert len(strict) != 1 or strict != loose


def test_a_relative_clause_after_a_name_says_nothing_of_its_gender() -> None:
    text = (
        '"I saw it," testified Unique Armstead, who was walking with her son.\n\n'
        "The talk of guns had made Armstead nervous.\n\n"
        '"I was scared and I was trying to get out of the way," she testified.'
    )
    direct = [name for q, name in _quotes(text, use_model=True) if q.kind == "direct"]
    assert direct == ["Unique Armstead", "Unique Armstead"]


def test_an_opening_mark_before_a_comma_closes_the_quote() -> None:
    text = (
        "“It’s official: I’m hosting the show! I’d like to thank my wife “, the comedian said.\n\n"
        "The announcement came on Friday."
    )
    spans = find_quote_spans(text)
    assert [text[s:e] for s, e in spans] == [
        "It’s official: I’m hosting the show! I’d like to thank my wife"
    ]


def test_a_speaker_text_drops_the_sentence_full_stop() -> None:
    found = _quotes('"I met him one time for twenty minutes and he was polite," said Mattix.')
    (quote,) = [q for q, _ in found if q.kind == "direct"]
    assert quote.speaker_text == "Mattix"


def test_another_neighbor_is_kept_as_the_description() -> None:
    found = _quotes('"My wife screamed that somebody hit another car," another neighbor said.')
    (quote,) = [q for q, _ in found if q.kind == "direct"]
    assert quote.speaker_text == "another neighbor"
    assert quote.speaker_id is None
