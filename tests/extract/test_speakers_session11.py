"""Speaker attribution cases of session 11 (issue 12, from the errors of split fresh13: web
pages and local news): a second opening clause before the subject, a verb right after a
quote with its subject after it, a name the model missed before "replied", an adverbial after
"then", a crosshead between a speaker and "he said"."""

from __future__ import annotations

from .helpers import tagged_quotes


def _direct(text: str, tagged: list[tuple[str, str]]) -> list[tuple[str | None, str | None]]:
    return [
        (name, shown) for kind, _, name, shown in tagged_quotes(text, tagged) if kind == "direct"
    ]


def test_the_subject_follows_a_second_opening_clause() -> None:
    text = (
        "In 2016, as Trump’s improbable rise to power continued, Schwartz disavowed the book. "
        "“I put lipstick on a pig,” he told the New Yorker’s Jane Mayer."
    )
    tags = [("Schwartz", "PERSON"), ("Trump", "PERSON"), ("Jane Mayer", "PERSON")]
    assert _direct(text, tags) == [("Schwartz", "he")]


def test_a_verb_right_after_a_quote_has_its_subject_after_it() -> None:
    text = (
        "The group thanked the resort.\n\n"
        '"We want to give thanks for our Mobile Spay and Neuter Clinic" says Volunteer '
        'Coordinator Bonnie Young, adding, "We operate solely on donations."'
    )
    tags = [("Bonnie Young", "PERSON"), ("Neuter Clinic", "ORG")]
    assert [who for who, _ in _direct(text, tags)] == ["Bonnie Young", "Bonnie Young"]


def test_a_name_the_model_missed_before_replied_speaks_not_the_apposition() -> None:
    text = (
        "Asked about discrepancies in her autobiography, which was credited to her and the "
        "writer William Dufty, Billie Holliday replied, “Man, I never read that book.”"
    )
    [(who, shown)] = _direct(text, [("William Dufty", "PERSON")])
    assert who is None
    assert shown == "Billie Holliday"


def test_an_adverbial_after_then_is_no_subject() -> None:
    text = (
        '"Thanks for your help," says Hadvar.\n\n'
        "He suggests we both head to Riverwood, then for some reason adds, "
        '"It is probably best if we split up."'
    )
    quotes = _direct(text, [("Hadvar", "PERSON"), ("Riverwood", "GPE")])
    assert [who for who, _ in quotes] == ["Hadvar", "Hadvar"]


def test_a_crosshead_is_not_whom_he_said_means() -> None:
    text = (
        "“We find that top-down governance often fails,” Fa added.\n\n"
        "Policy Shortcomings\n\n"
        "“The role of these communities is vital,” he said."
    )
    quotes = _direct(text, [("Fa", "PERSON"), ("Policy Shortcomings", "PERSON")])
    assert [who for who, _ in quotes] == ["Fa", "Fa"]


def _indirect(text: str, tagged: list[tuple[str, str]]) -> list[tuple[str, str | None, str | None]]:
    return [
        (quote, name, shown)
        for kind, quote, name, shown in tagged_quotes(text, tagged)
        if kind == "indirect"
    ]


def test_according_to_opening_the_sentence_names_who_speaks_a_partial_quote() -> None:
    text = (
        "According to Wilson Center director Rojansky, Kolomoisky is “perceived as the bulwark "
        "and the reason why the whole project broke down.”"
    )
    tags = [("Rojansky", "PERSON"), ("Kolomoisky", "PERSON"), ("Wilson Center", "ORG")]
    assert [who for who, _ in _direct(text, tags)] == ["Rojansky"]


def test_a_title_with_commas_of_its_own_ends_with_the_name_that_speaks() -> None:
    text = (
        "The conference opens Monday.\n\n“We are looking to bring a group of ministers of "
        "industry and trade from across the region,” Minister of Industry, Investment and "
        "Commerce, Senator the Hon. Aubyn Hill, told JIS News."
    )
    tags = [("Aubyn Hill", "PERSON"), ("JIS News", "ORG")]
    assert [who for who, _ in _direct(text, tags)] == ["Aubyn Hill"]


def test_a_quote_after_a_sentence_reported_by_a_name_in_apposition_is_theirs() -> None:
    text = (
        "After court adjourned, Robinson’s mother, Celeste Fulcher, said she, too, was thankful "
        "Bennett had admitted his guilt. “That video, it was horrifying.”"
    )
    tags = [("Celeste Fulcher", "PERSON"), ("Bennett", "PERSON"), ("Robinson", "PERSON")]
    assert [who for who, _ in _direct(text, tags)] == ["Celeste Fulcher"]


def test_the_outlet_that_quotes_him_is_not_the_speaker() -> None:
    text = (
        "According to Laurence Mark, producer of the telecast, the actor has been selected "
        '"because we want the ceremony to be fun and entertaining for everyone," People '
        "quoted him as saying."
    )
    tags = [("Laurence Mark", "PERSON"), ("People", "ORG")]
    assert [who for who, _ in _direct(text, tags)] == ["Laurence Mark"]


def test_a_representative_for_a_person_speaks_not_the_person() -> None:
    text = (
        "Hugh Jackman will host the Oscars. A representative for Mr. Jackman said he was "
        "walking a red carpet in Berlin and was unavailable for comment."
    )
    tags = [("Hugh Jackman", "PERSON"), ("Jackman", "PERSON"), ("Berlin", "GPE")]
    [(_, who, shown)] = _indirect(text, tags)
    assert who is None
    assert shown == "A representative for Mr. Jackman"


def test_a_name_after_said_is_no_reported_clause() -> None:
    text = (
        '"She is better off where she is now," said Lois Scholz, a friend of LuAnn\'s.\n\n'
        "Snider, who attended King's news conference, said he backed King."
    )
    tags = [("Lois Scholz", "PERSON"), ("LuAnn", "PERSON"), ("Snider", "PERSON")]
    assert _indirect(text, [*tags, ("King", "PERSON")]) == []


def test_an_aside_after_the_subject_is_not_the_speaker() -> None:
    text = (
        "The union, at loggerheads with studios over contract issues big and small, said on "
        "Wednesday that it would ask its members to authorize a strike."
    )
    [(_, who, shown)] = _indirect(text, [])
    assert who is None
    assert shown == "The union"


def test_a_paper_is_no_role_of_the_journal_that_printed_it() -> None:
    text = (
        "A new research paper published in Frontiers in Ecology looks at forests.\n\n"
        "Some 370 million people identify as Indigenous due to their descent “from populations "
        "who inhabited a country before the time of conquest,” manage or have land rights over "
        "a quarter of the land, the paper states."
    )
    [(who, shown)] = _direct(text, [("Frontiers", "ORG")])
    assert who is None
    assert shown == "the paper"


def test_a_verb_inside_an_earlier_quote_frames_nothing() -> None:
    text = (
        "Hitler believed books were for the weak-hearted, with one passage relating “let it be "
        "said to all our present-day fops and knights of the pen: revolutions have never been "
        "directed by a goose-quill,” but instead arise from “the magic power of the spoken word, "
        "and that alone.”"
    )
    quotes = _direct(text, [("Hitler", "PERSON")])
    assert quotes[-1][1] != "the pen"


def test_the_subject_after_an_opening_if_clause_speaks_through_a_participle() -> None:
    text = (
        "If Trump actually read it, Schwartz would have been surprised, telling Mayer, “I "
        "seriously doubt that he has ever read a book straight through in his adult life.”"
    )
    tags = [("Trump", "PERSON"), ("Schwartz", "PERSON"), ("Mayer", "PERSON")]
    assert [who for who, _ in _direct(text, tags)] == ["Schwartz"]


def test_confided_frames_a_quote() -> None:
    text = (
        "Tony Schwartz struggled with the book. He confided to his journal, “the book will be "
        "far more successful if he is a sympathetic character.”"
    )
    assert [who for who, _ in _direct(text, [("Tony Schwartz", "PERSON")])] == ["Tony Schwartz"]


def test_a_role_glued_after_the_name_is_held_by_that_name() -> None:
    text = (
        "The teen was shot, according to Rudy Bandemer the boy's older half-brother.\n\n"
        "Outside the bungalow, the boy was remembered.\n\n"
        '"He was not a gang member," said the older half-brother.'
    )
    assert [who for who, _ in _direct(text, [("Rudy Bandemer", "PERSON")])] == ["Rudy Bandemer"]


def test_an_apposition_ends_at_a_comma_not_at_a_new_clause() -> None:
    text = (
        "In a conversation moderated by ABC’s Deborah Roberts, the singer discussed "
        "everything that she had had to overcome.\n\n"
        "“I do feel that I’ve grown,” the singer said."
    )
    [(who, _)] = _direct(text, [("Deborah Roberts", "PERSON")])
    assert who is None


def test_a_photo_credit_is_not_whom_she_means() -> None:
    text = (
        "“She loved to dance,” her cousin Sara Gray said.\n\n"
        "Andy Mai/New York Daily News The teen was visiting a friend, police sources said.\n\n"
        "“We would like the truth,” she said."
    )
    quotes = _direct(text, [("Sara Gray", "PERSON"), ("Andy Mai", "PERSON")])
    assert "Andy Mai" not in [who for who, _ in quotes]


def test_a_message_sent_out_is_its_senders() -> None:
    text = (
        "McDermott sent out the following message on Twitter:\n\n"
        "“I will be returning to Creighton for my senior year.”"
    )
    assert [who for who, _ in _direct(text, [("McDermott", "PERSON")])] == ["McDermott"]


def test_wondered_frames_a_quote() -> None:
    text = "“Imagine you hear these gunshots where you live,” wondered one neighbor."
    [(_, shown)] = _direct(text, [])
    assert shown == "one neighbor"


def test_according_to_a_release_the_subject_acting_in_the_partial_quote_speaks() -> None:
    text = (
        "A statement from the Kremlin was published on Tuesday.\n\n"
        "According to the release, Putin also “expressed confidence that Russia and the United "
        "States can effectively contribute to solving many problems.”"
    )
    tags = [("Putin", "PERSON"), ("Kremlin", "ORG"), ("Russia", "GPE")]
    assert [who for who, _ in _direct(text, tags)] == ["Putin"]
