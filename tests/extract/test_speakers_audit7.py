"""Speaker cases of the audit-7 fact check (session 7, issue 12), from the real sentences: a name
that modifies the noun that speaks, a speech noun given ("offered the explanation that"), an
"it" after an organisation's attribution, and a double quote closed by two apostrophes."""

from __future__ import annotations

from newsweave.extract.quotes import find_quote_spans

from .helpers import tagged_quotes as _quotes


def test_a_name_in_the_subjects_prepositional_phrase_does_not_speak() -> None:
    text = (
        'The prosecutor in the Costello case claimed that Gigante was "a young punk on the way '
        'up in the underworld who was chosen to kill Costello to win his spurs."\n\n'
        "If so, it seemed to have worked."
    )
    [(_, quote, who, shown)] = _quotes(text, [("Costello", "PERSON"), ("Gigante", "PERSON")])
    assert quote.startswith("a young punk")
    assert who is None
    assert shown == "The prosecutor in the Costello case"


def test_an_organisation_before_a_noun_that_is_not_its_spokesman_does_not_speak() -> None:
    text = (
        "Mafia informers and defectors said that Mr. Gigante gained control of the Genovese "
        "family in a peaceful transition in the early 1980's."
    )
    [(kind, _, who, shown)] = _quotes(text, [("Mafia", "ORG"), ("Gigante", "PERSON")])
    assert (kind, who, shown) == ("indirect", None, "Mafia informers and defectors")


def test_an_organisations_officials_still_speak_for_it() -> None:
    text = "Microsoft officials said that the patch would ship on Tuesday."
    [(_, _, who, _)] = _quotes(text, [("Microsoft", "ORG")])
    assert who == "Microsoft"


def test_offering_an_explanation_that_introduces_the_quote() -> None:
    text = (
        "As part of the plea, three more years were added.\n\nHis lawyer, Benjamin Brafman, "
        'offered the explanation that "I think you get to a point in life-I think everyone '
        'does-where you become too old and too sick and too tired to fight."'
    )
    [(_, _, who, _)] = _quotes(text, [("Benjamin Brafman", "PERSON")])
    assert who == "Benjamin Brafman"


def test_offering_something_else_is_no_speech() -> None:
    text = 'His lawyer, Benjamin Brafman, offered the court a "full and frank account of it".'
    assert all(who is None for _, _, who, _ in _quotes(text, [("Benjamin Brafman", "PERSON")]))


def test_it_said_after_an_organisations_attribution_is_that_organisation() -> None:
    text = (
        "Attackers could set up websites specifically designed to exploit the vulnerability, "
        "Microsoft said, and then run malicious code on users' computers.\n\n"
        "Targeted attacks directed at IE8 and 9 had already been reported, it said."
    )
    found = [q for q in _quotes(text, [("Microsoft", "ORG")]) if q[1].startswith("Targeted")]
    assert [(who, shown) for _, _, who, shown in found] == [("Microsoft", "it")]


def test_it_said_after_an_organisation_only_named_stays_unresolved() -> None:
    text = (
        "Attackers targeted Microsoft customers in Asia last week.\n\n"
        "Targeted attacks directed at IE8 and 9 had already been reported, it said."
    )
    found = [q for q in _quotes(text, [("Microsoft", "ORG")]) if q[1].startswith("Targeted")]
    assert all(who is None for _, _, who, _ in found)


def test_two_apostrophes_close_a_curly_double_quote() -> None:
    text = (
        "The incident occurred when Aavaire Johnson, who was “playing’’ with his younger "
        "brother, allegedly pointed a handgun at him. The weapon discharged, the prosecutor’s "
        "office said in a press release Thursday. Paramedics transported him to a hospital."
    )
    spans = find_quote_spans(text)
    assert [text[s:e] for s, e in spans] == ["playing"]


def test_a_frame_in_lower_case_after_a_paragraph_break_is_the_quotes_own() -> None:
    text = (
        "Federal marshals once found him standing under the shower.\n\n"
        '"Vincenzo?\n\nHe is the boss of the toilet!"\n\n'
        "his mother told New York Post columnist Cindy Adams.\n\n"
        "Gigante, meantime, was consolidating his power."
    )
    tagged = [("Cindy Adams", "PERSON"), ("Gigante", "PERSON"), ("New York Post", "ORG")]
    [(_, _, who, shown)] = _quotes(text, tagged)
    assert (who, shown) == (None, "his mother")


def test_a_new_paragraph_opening_a_sentence_is_no_frame() -> None:
    text = (
        '"Vincenzo? He is the boss of the toilet!"\n\n'
        "His mother told Cindy Adams nothing more about it."
    )
    [(_, _, who, shown)] = _quotes(text, [("Cindy Adams", "PERSON")])
    assert (who, shown) == (None, None)


def test_a_dash_glued_to_a_conjunction_ends_the_frame_after_a_quote() -> None:
    text = (
        "'This issue could allow remote code execution,' explained Microsoft's Dustin Childs "
        "in an alert.\n\n'This would typically occur when an attacker compromises the security "
        "of trusted websites.\n\nRunning modern versions of Internet Explorer ensures that "
        "customers receive additional security features,' he added-but while the current "
        "targeted attacks are only being publicised now, they began earlier."
    )
    found = _quotes(text, [("Microsoft", "ORG"), ("Dustin Childs", "PERSON")])
    assert [who for kind, _, who, _ in found if kind == "direct"] == ["Dustin Childs"] * 2


def test_according_to_reports_is_no_speech_verb_after_a_quote() -> None:
    text = 'The shot had only "creased his head," according to reports at the time.'
    [(_, _, who, shown)] = _quotes(text, [])
    assert (who, shown) == (None, "reports")


def test_according_to_researchers_at_a_named_firm_keeps_the_firm() -> None:
    text = '"The flaw is serious," according to researchers at iDefense.'
    [(_, _, who, _)] = _quotes(text, [("iDefense", "ORG")])
    assert who == "iDefense"
