"""Retellings of one report are one voice: credited rewrites and edited agency texts."""

from __future__ import annotations

import dataclasses

from newsweave.dedupe.voices import credited_links, join_voices, shared_text_links
from tests.dedupe.helpers import make_article, seed_texts

AGENCY_SENTENCE = (
    "In Oman and the United Arab Emirates, buildings were evacuated and people fled into the "
    "streets."
)


def test_an_article_crediting_an_outlet_speaks_with_that_outlets_voice() -> None:
    articles = [
        make_article("bbc", "", outlet="BBC"),
        make_article("ht", "", outlet="Hindustan Times", origin="BBC"),
        make_article("crn", "", outlet="CRN"),
    ]
    voices = join_voices({a.id: a.id for a in articles}, credited_links(articles))
    assert voices == {"bbc": "bbc", "ht": "bbc", "crn": "crn"}


def test_articles_crediting_one_agency_are_one_voice_without_the_agency() -> None:
    articles = [
        make_article("a", "", outlet="USA Today", origin="Associated Press"),
        make_article("b", "", outlet="softpedia.com", origin="AP"),
        make_article("c", "", outlet="CBC News", origin="Reuters"),
    ]
    voices = join_voices({a.id: a.id for a in articles}, credited_links(articles))
    assert voices == {"a": "a", "b": "a", "c": "c"}


SECOND_AGENCY_SENTENCE = (
    "Buildings were toppled in the island's capital, Qeshm City, as well as in the villages of "
    "Tonban and Kousheh."
)


def test_agency_sentences_kept_word_for_word_join_two_edited_copies() -> None:
    first = make_article(
        "usa",
        "An earthquake measuring at least magnitude-5.9 shook southern Iran on Sunday, officials "
        f"said.\n\n{AGENCY_SENTENCE}\n\n{SECOND_AGENCY_SENTENCE}\n\n"
        "Iran is located on a number of seismic fault lines.",
    )
    second = make_article(
        "cbc",
        "An earthquake with a magnitude of at least 5.9 hit southern Iran on Sunday.\n\n"
        f"{SECOND_AGENCY_SENTENCE}\n\n{AGENCY_SENTENCE}\n\n"
        "On Saturday, more than a dozen people were killed in China.",
    )
    other = make_article("bbc", "A powerful earthquake has hit southern Iran, state media said.")
    found = shared_text_links([first, second, other], run_words=15, min_sentences=2)
    assert found == [("usa", "cbc")]
    assert shared_text_links([first, second, other], run_words=0) == []


def test_one_copied_passage_makes_no_voice_of_the_other_sentences() -> None:
    # Two local outlets copy one police charge list and write the rest themselves; one gives
    # the wounded man as 23, the other as 24: two voices, or their disagreement is lost.
    charges = (
        "Jamie Clayton was charged with possession of cocaine with intent to deliver, "
        "possession of marijuana and possession of a firearm by certain persons."
    )
    first = make_article("kark", f"Calvin Williams, 23, was shot Tuesday.\n\n{charges}")
    second = make_article("thv", f"{charges}\n\nCalvin Williams, 24 was shot in the chest.")
    assert shared_text_links([first, second], run_words=15, min_sentences=2) == []
    # The one passage is shared all the same: with one sentence enough they are one voice.
    assert shared_text_links([first, second], run_words=15, min_sentences=1) == [("kark", "thv")]
    # One sentence repeated in an article is still one sentence of the pair's text.
    third = make_article("wreg", f"{charges}\n\nPolice said.\n\n{charges}")
    assert shared_text_links([first, third], run_words=15, min_sentences=2) == []


def test_a_run_on_many_sites_still_joins_each_to_its_first_holder() -> None:
    text = f"{AGENCY_SENTENCE}\n\n{SECOND_AGENCY_SENTENCE}"
    articles = [make_article(f"site{n:02d}", text) for n in range(40)]
    links = shared_text_links(articles, run_words=15, min_sentences=2)
    voices = join_voices({a.id: a.id for a in articles}, links)
    assert set(voices.values()) == {"site00"}


def test_shared_quotes_and_short_phrases_do_not_join_voices() -> None:
    quote = (
        '"We were panicked and everybody ran out of their houses into the streets of the village '
        'at once," said one woman.'
    )
    unmarked = (
        "We will continue to monitor the situation and let the legal process run its course "
        "as we always have."
    )
    first = make_article("a", f"The quake hit the island on Sunday.\n\n{quote}\n\n{unmarked}")
    second = make_article("b", f"Villages were flattened on Qeshm.\n\n{quote}\n\n{unmarked}")
    assert shared_text_links([first, second], run_words=15) == []
    # Fourteen words in a row are not enough for a run of fifteen.
    run = "the port city of Bandar Abbas and Qeshm Island in the waters of the Gulf"
    assert len(run.split()) == 15
    third = make_article("c", f"The epicentre was between {' '.join(run.split()[1:])}.")
    fourth = make_article("d", f"Officials said it lay near {' '.join(run.split()[1:])}.")
    assert shared_text_links([third, fourth], run_words=15) == []
    assert shared_text_links([third, fourth], run_words=14) == [("c", "d")]


def test_independent_seed_reports_of_one_event_stay_apart() -> None:
    texts = seed_texts()
    articles = [
        dataclasses.replace(make_article(key, texts[key]), outlet=f"outlet {key}")
        for key in ("000", "001", "002")
    ]
    assert shared_text_links(articles, run_words=15) == []
    assert credited_links(articles) == []
