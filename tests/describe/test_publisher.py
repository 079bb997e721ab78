"""Who published a page: table, container, and the page's self-references."""

from __future__ import annotations

from newsweave.describe import describe_article
from newsweave.describe.publisher import copyright_holders, resolve_outlet, text_clues
from newsweave.model import Cleaned, RawDoc, Removal

BODY = (
    "The council voted on Tuesday to expand the bus network to three new districts, a plan "
    "that officials said would cut average commuting times by almost a quarter."
)


def _outlet(text: str, **raw_fields: str) -> str | None:
    raw = RawDoc(source="page.txt", text=text, **raw_fields)
    return describe_article(raw, Cleaned(text=BODY)).outlet


def test_table_by_domain_beats_the_container_name() -> None:
    assert _outlet(BODY, url="https://www.reuters.com/world/x-y-z", outlet="Yahoo") == "Reuters"


def test_og_site_name_names_an_unknown_site() -> None:
    raw = RawDoc(source="p.html", text=BODY, url="https://www.acme-gazette.org/news/a-b-c")
    cleaned = Cleaned(text=BODY, route="html", meta_outlet="Acme Gazette")
    assert describe_article(raw, cleaned).outlet == "Acme Gazette"


def test_container_alias_is_canonicalised() -> None:
    assert _outlet(BODY, outlet="The Associated Press") == "Associated Press"


def test_newsletter_plug_names_the_publisher() -> None:
    text = f"{BODY}\nNever miss a story — sign up for PEOPLE’s free daily newsletter."
    assert _outlet(text) == "PEOPLE"


def test_account_prompts_and_copyright_name_the_publisher() -> None:
    text = f"{BODY}\nDo you have a Sputniknews.com account?\n© Sputnik 2020"
    assert _outlet(text) == "Sputnik"


def test_outlets_cited_as_sources_are_not_the_publisher() -> None:
    text = (
        f"{BODY} The decision was reported by Reuters, according to the AP and "
        "The New York Times, the Associated Press reported."
    )
    assert _outlet(text) is None


def test_picture_credits_are_not_the_publisher() -> None:
    text = f"{BODY}\n© REUTERS / KEVIN LAMARQUE\nPhoto: AFP / Getty Images"
    assert copyright_holders(text) == []
    assert _outlet(text) is None


def test_copyright_line_of_an_unknown_company_alone_is_not_enough() -> None:
    assert _outlet(f"{BODY}\n© 2020 Battery Media Group, Inc. All rights reserved.") is None


def test_two_clues_agreeing_on_an_unknown_name_are_enough() -> None:
    text = (
        f"{BODY}\nSubscribe to the Acme Gazette's newsletter\n"
        "© 2020 Acme Gazette. All rights reserved."
    )
    assert _outlet(text) == "Acme Gazette"


def test_known_name_repeated_in_a_footer_menu_does_not_add_up() -> None:
    text = f"{BODY}\nEvening Standard\nEvening Standard\nEvening Standard\nEvening Standard"
    assert _outlet(text) is None


def test_domain_name_is_spelled_from_the_page_when_unknown() -> None:
    text = f"{BODY}\nFollow Cayman Compass for more local news."
    raw = RawDoc(source="p.txt", text=text, url="https://www.caymancompass.com/2022/05/04/a-b-c/")
    assert describe_article(raw, Cleaned(text=BODY)).outlet == "Cayman Compass"


def test_unknown_domain_without_a_name_falls_back_to_the_domain() -> None:
    raw = RawDoc(source="p.txt", text=BODY, url="https://www.qzxv-news.net/2022/05/04/a-b-c/")
    assert describe_article(raw, Cleaned(text=BODY)).outlet == "qzxv-news.net"


def test_clues_from_a_site_of_another_domain_are_ignored() -> None:
    clues = text_clues(f"{BODY}\nsign up for PEOPLE’s newsletter")
    outlet = resolve_outlet(
        url="https://www.qzxv-news.net/a/b-c-d",
        domain="qzxv-news.net",
        declared=(None,),
        clues=clues,
        texts=[BODY],
    )
    assert outlet == "qzxv-news.net"


def test_boilerplate_mentions_in_removed_lines_support_the_publisher() -> None:
    removed = (
        Removal(text="Get the latest from The Moscow Times", reason="promo"),
        Removal(text="The Moscow Times is an independent outlet", reason="about"),
        Removal(text="Support The Moscow Times", reason="promo"),
        Removal(text="The Moscow Times newsroom", reason="promo"),
    )
    raw = RawDoc(source="p.txt", text=BODY)
    assert describe_article(raw, Cleaned(text=BODY, removed=removed)).outlet == "The Moscow Times"


def test_a_declared_social_handle_becomes_the_name_the_page_writes() -> None:
    outlet = resolve_outlet(
        url="https://www.politifact.com/factchecks/2020/x",
        domain="politifact.com",
        declared=("@politifact",),
        clues=[],
        texts=["PolitiFact rated the claim False."],
    )
    assert outlet == "PolitiFact"


def test_a_handle_without_the_name_in_the_page_loses_its_at_sign() -> None:
    outlet = resolve_outlet(
        url="https://example.org/x", domain="example.org", declared=("@newsdesk",), clues=[],
        texts=[],
    )  # fmt: skip
    assert outlet == "newsdesk"


def test_a_declared_site_name_loses_its_tagline() -> None:
    def outlet(declared: str, domain: str, texts: list[str] | None = None) -> str | None:
        return resolve_outlet(
            url=f"https://{domain}/a", domain=domain, declared=(declared,), clues=[],
            texts=texts or [],
        )  # fmt: skip

    assert outlet("WSVN 7News | Miami News, Weather, Sports | Fort Lauderdale", "wsvn.com") == (
        "WSVN 7News"
    )
    assert outlet("My Daily Magazine - Art, Design, DIY, Fashion and Beauty !",
                  "mydailymagazine.com") == "My Daily Magazine"  # fmt: skip
    assert outlet("HearYa - Indie Music Blog", "hearya.com") == "HearYa"
    assert outlet("Belize News and Opinion on www.breakingbelizenews.com",
                  "breakingbelizenews.com", ["Read Breaking Belize News daily"]) == (
        "Breaking Belize News"
    )  # fmt: skip
    assert outlet("Rough Draft Atlanta", "roughdraftatlanta.com") == "Rough Draft Atlanta"


def test_a_one_word_declared_name_unlike_the_domain_gives_way_to_the_written_name() -> None:
    outlet = resolve_outlet(
        url="http://thenervousbreakdown.com/a", domain="thenervousbreakdown.com",
        declared=("TNBtweets",), clues=[], texts=["Welcome to The Nervous Breakdown"],
    )  # fmt: skip
    assert outlet == "The Nervous Breakdown"
    assert (
        resolve_outlet(
            url="https://qz.com/a", domain="qz.com", declared=("Quartz",), clues=[], texts=[]
        )
        == "Quartz"
    )


def test_a_copyright_line_with_the_holder_first_and_the_headline_suffix_agree() -> None:
    # No address: "Bahamas Local © 2022" and the title's "Bahamas Local News" are one outlet.
    text = f"{BODY}\nBahamas Local © 2022. All rights reserved."
    raw = RawDoc(source="p.txt", text=text, title="Ferry service resumes | Bahamas Local News")
    assert describe_article(raw, Cleaned(text=BODY)).outlet == "Bahamas Local"
    assert [h[0] for h in copyright_holders("Bahamas Local © 2022. All rights reserved.")] == [
        "Bahamas Local"
    ]
    # Mid-sentence, a name before the sign is not the line's holder.
    assert copyright_holders("as described by Foo Bar © 2022 in a note") == []


def test_the_headline_site_name_written_as_a_masthead_line_beats_the_domain_spelling() -> None:
    text = f"Four Years Remaining\nArchives\n{BODY}\nFour Years Ago Today"
    raw = RawDoc(
        source="p.txt",
        text=text,
        url="http://fouryears.eu/2019/10/21/interning/",
        title="Four Years Remaining » Blog Archive » Interning of Small Integers in Python",
    )
    assert describe_article(raw, Cleaned(text=BODY)).outlet == "Four Years Remaining"
