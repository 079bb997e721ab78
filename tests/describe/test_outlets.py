"""The outlet table and name lookups."""

from __future__ import annotations

from importlib import resources

from newsweave.describe.outlets import (
    _fold,
    canonical_outlet,
    compatible_with_domain,
    find_outlet_mentions,
    harmonise_outlets,
    is_wire,
    name_from_domain,
    outlet_for_host,
    outlet_table,
    same_outlet,
)


def test_table_has_hundreds_of_outlets_and_no_alias_names_two_outlets() -> None:
    text = resources.files("newsweave.resources").joinpath("outlets.tsv").read_text("utf-8")
    rows = [line.split("\t") for line in text.splitlines() if line and not line.startswith("#")]
    assert len(rows) >= 300
    assert all(len(row) == 4 and row[3] in ("wire", "news") for row in rows)
    owner: dict[str, str] = {}
    for _, name, aliases, _ in rows:
        for alias in [name, *filter(None, aliases.split("|"))]:
            key = _fold(alias)
            assert owner.setdefault(key, name) == name, f"{alias!r} names {owner[key]} and {name}"


def test_hosts_resolve_through_their_parent_domains() -> None:
    assert outlet_for_host("edition.cnn.com") == "CNN"
    assert outlet_for_host("https://news.bbc.co.uk/2/hi/x.stm") == "BBC"
    assert outlet_for_host("abcnews.go.com") == "ABC News"
    assert outlet_for_host("www.themoscowtimes.com") == "The Moscow Times"
    assert outlet_for_host("go.com") is None
    assert outlet_for_host("example.org") is None


def test_any_spelling_of_a_known_name_is_canonicalised() -> None:
    assert canonical_outlet("the associated press") == "Associated Press"
    assert canonical_outlet("AP") == "Associated Press"
    assert canonical_outlet("Sputnik International") == "Sputnik"
    assert canonical_outlet("Sputniknews.com") == "Sputnik"
    assert canonical_outlet("PEOPLE’s") == "PEOPLE"
    assert canonical_outlet("Acme Gazette") is None


def test_wire_services_are_marked() -> None:
    assert is_wire("Reuters") and is_wire("Associated Press") and is_wire("Agence France-Presse")
    assert not is_wire("The Moscow Times")


def test_same_outlet_compares_aliases() -> None:
    assert same_outlet("AP", "The Associated Press")
    assert same_outlet("the guardian", "The Guardian")
    assert not same_outlet("Reuters", "Newsweek")
    assert not same_outlet(None, "Reuters")


def test_mentions_must_not_be_the_head_of_a_longer_name() -> None:
    names = [
        m[0] for m in find_outlet_mentions("Officials of The Independent Electoral Commission")
    ]
    assert names == []
    found = find_outlet_mentions(
        "Sign up for The Moscow Times newsletter and Sputnik International"
    )
    assert [m[0] for m in found] == ["The Moscow Times", "Sputnik"]


def test_common_words_are_not_taken_for_outlets_in_free_text() -> None:
    text = "People in Time Square read the Guardian angel story in Nature."
    assert find_outlet_mentions(text) == []
    assert "Local" not in outlet_table().by_exact  # "The Local" is not "Local"


def test_name_of_an_unknown_domain_is_read_from_the_page() -> None:
    texts = ["Copyright 2022 Cayman Compass. All rights reserved."]
    assert name_from_domain("caymancompass.com", texts) == "Cayman Compass"
    assert name_from_domain("caymancompass.com", ["nothing here"]) is None


def test_names_compatible_with_a_domain() -> None:
    assert compatible_with_domain("Sputnik", "sputniknews.com")
    assert compatible_with_domain("The Moscow Times", "themoscowtimes.com")
    assert not compatible_with_domain("Reuters", "sputniknews.com")


def test_a_page_that_fell_back_to_its_domain_takes_the_name_its_site_gives_elsewhere() -> None:
    # GVC 613903: one ksl.com page names "KSL" in its text, the other does not.
    pairs = [
        ("ksl.com", "KSL"),
        ("ksl.com", "ksl.com"),
        ("ksl.com", None),
        ("deseretnews.com", "deseretnews.com"),
        ("chicagotribune.com", "Chicago Tribune"),
        ("chicagotribune.com", "RedEye"),  # a sub-brand the page declares keeps its name
        (None, None),
    ]
    assert harmonise_outlets(pairs) == [
        "KSL",
        "KSL",
        "KSL",
        "deseretnews.com",
        "Chicago Tribune",
        "RedEye",
        None,
    ]


def test_the_most_common_spelling_wins_and_ties_do_not_depend_on_order() -> None:
    pairs = [("wsvn.com", "WSVN"), ("wsvn.com", "wsvn.com"), ("wsvn.com", "Wsvn")]
    assert harmonise_outlets(pairs)[1] == "WSVN"
    assert harmonise_outlets(list(reversed(pairs)))[1] == "WSVN"
    pairs.append(("wsvn.com", "Wsvn"))
    assert harmonise_outlets(pairs)[1] == "Wsvn"


def test_a_plain_one_word_spelling_of_the_domain_is_a_place_not_the_site() -> None:
    # "Akron, Ohio." on ohio.com, "Tallahassee Police" on tallahassee.com: the domain is honest.
    assert name_from_domain("ohio.com", ["He lived in Akron, Ohio. The police said."]) is None
    assert name_from_domain("tallahassee.com", ["Tallahassee Police found it."]) is None
    # The site's own spellings: capitals inside, all capitals, or several words.
    assert name_from_domain("wesh.com", ["Download the WESH 2 News app"]) == "WESH"
    assert name_from_domain("doingitlocal.com", ["By DoingItLocal staff"]) == "DoingItLocal"
    # A plain word is taken from a text that names the site (the headline's site name).
    assert name_from_domain("pluralsight.com", ["Pluralsight Tech Blog"], any_word=True) == (
        "Pluralsight"
    )
