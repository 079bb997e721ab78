"""Typed slots two outlets fill two ways (sex, wound, part of a weekday, year, calibre): reported
only between independent voices about one thing, never when one value names the other, never
when an outlet writes both values, never for sentences far apart in meaning."""

from __future__ import annotations

from newsweave.align.conflicts import ConflictConfig, Statement, find_conflicts
from newsweave.align.slot_conflicts import read_slots, slot_conflicts
from newsweave.model import Evidence


def said(article: str, text: str, voice: str | None = None) -> Statement:
    evidence = Evidence(article_id=article, text=text, span=(0, len(text)))
    return Statement(evidence=evidence, voice=voice or article, published="2016-01-20")


def close(_i: int, _j: int) -> float:
    return 0.9


def far(_i: int, _j: int) -> float:
    return 0.2


def found(*statements: Statement, cosine=close) -> list[tuple[str, set[str]]]:
    conflicts = slot_conflicts("s", statements, cosine, ConflictConfig())
    assert all(c.kind == "conflict" for c in conflicts)
    return [(str(c.basis), {v.value for v in c.values}) for c in conflicts]


def test_the_slots_a_sentence_fills() -> None:
    slots = read_slots(
        "On Saturday night, an 11-year-old girl was shot in the right shoulder with a .22-caliber "
        "rifle in the home her family bought in 2009."
    )
    assert {(s.kind, s.anchor, s.value) for s in slots} == {
        ("sex", "11", "female"),
        ("wound", "", "shoulder"),
        ("time", "Saturday", "night"),
        ("weapon", "calibre", ".22 caliber"),
        ("weapon", "kind", "rifle"),
        ("date", "", "2009"),
    }
    assert read_slots("A two-year-old boy was hurt.")[0].anchor == "2"
    # Not a wound to the back, not a calibre (ECB+ train: a pitcher's "$20MM per year").
    assert not read_slots("Escalante was shot in the back of the head.")
    assert not read_slots("He is seeking more than $21MM per year, or 21MM.")


def test_two_outlets_giving_the_victim_two_sexes_disagree() -> None:
    assert found(
        said(
            "swok",
            "The latest tragedy occured Tuesday night when an 11-year-old girl took her life.",
        ),
        said("news9", "The latest suicide happened Tuesday involving an 11-year-old boy."),
    ) == [("sex", {"girl", "boy"})]
    # The value as written for that age only (not the "man" of another age).
    assert found(
        said("a", "They found the children, a 3-year-old girl and a boy, about 4."),
        said("b", "The victims are a 36-year-old man and two children, a 3-year-old boy."),
    ) == [("sex", {"girl", "boy"})]


def test_two_wounds_two_times_two_calibres_two_years() -> None:
    assert found(
        said("a", "Officers found a 2-year-old child with a gunshot wound to the shoulder."),
        said("b", "Officers found the 2-year-old boy with a single gunshot wound to the chest."),
    ) == [("wound", {"shoulder", "chest"})]
    assert found(
        said("a", "A boy was shot and killed by his brother in Perris Saturday afternoon."),
        said("b", "On Saturday night, Ezekiel was shot by his 14-year-old brother."),
    ) == [("time", {"afternoon", "night"})]
    assert found(
        said("a", "Police recovered a .40-caliber pistol from the bedroom."),
        said("b", "Police recovered a 9mm pistol from the bedroom."),
    ) == [("weapon", {".40 caliber", "9mm"})]
    assert found(
        said("a", "Police say the boy pulled a BB gun from his waistband."),
        said("b", "Police say the boy pulled a handgun from his waistband."),
    ) == [("weapon", {"air gun", "handgun"})]
    assert not found(
        said("a", "Police say the boy pulled a pistol from his waistband."),
        said("b", "Police say the boy pulled a handgun from his waistband."),
    )
    assert found(
        said("a", "Voters in 2009 approved the tax that pays for the new stadium."),
        said("b", "Voters in 2010 approved the tax that pays for the new stadium."),
    ) == [("date", {"2009", "2010"})]


def test_compatible_values_are_no_dispute() -> None:
    assert not found(
        said("a", "The girl was shot in the face at the home."),
        said("b", "The girl was shot in the head at the home."),  # a face is part of the head
    )
    assert not found(
        said("a", "He was shot around 5:35 p.m. Friday evening near his home."),
        said("b", "He was shot on Friday afternoon near his home."),  # neighbouring parts
    )


def test_wounds_of_two_victims_and_impressions_are_no_dispute() -> None:
    assert not found(
        said("a", "Armstead sustained a gunshot wound to her left arm."),
        said("b", "The 34-year-old mother was struck in the chest by a bullet."),
    )
    assert not found(
        said("a", "Smith was struck in the chest by a bullet."),
        said("b", "I honestly thought Smith was shot in the head."),
    )


def test_a_year_in_otherwise_different_sentences_is_no_dispute() -> None:
    assert not found(
        said("a", "Voters in 2009 approved the tax that pays for the new stadium."),
        said("b", "The team moved to the city in 2010 after years of talks."),
    )


def test_one_voice_far_meanings_and_outlets_writing_both_values_say_nothing() -> None:
    wounds = (
        said("a", "Officers found Smith with a gunshot wound to the shoulder."),
        said("b", "Officers found Smith with a gunshot wound to the chest."),
    )
    assert found(*wounds) == [("wound", {"shoulder", "chest"})]
    assert not found(*wounds, cosine=far)  # not about one thing
    # b names two wounds somewhere: two victims, not one told two ways.
    assert not found(*wounds, said("b", "The second man was shot in the shoulder."))
    reprint = (
        said("a", wounds[0].evidence.text, voice="agency"),
        said("b", wounds[1].evidence.text, voice="agency"),
    )
    assert not found(*reprint)


def test_find_conflicts_compares_slots_only_when_given_cosine() -> None:
    statements = [
        said("a", "Officers found a 2-year-old child with a gunshot wound to the shoulder."),
        said("b", "Officers found the 2-year-old boy with a single gunshot wound to the chest."),
    ]
    none = lambda _text: ()  # noqa: E731
    no_dates = lambda _text, _published: ()  # noqa: E731
    assert not find_conflicts("s", statements, [0, 1], quantities=none, dates=no_dates)
    (conflict,) = find_conflicts(
        "s", statements, [0, 1], quantities=none, dates=no_dates, cosine=close
    )
    assert conflict.basis == "wound"
    off = ConflictConfig(slot_min_cosine=1.5)
    assert not find_conflicts(
        "s", statements, [0, 1], quantities=none, dates=no_dates, cosine=close, config=off
    )


def test_the_part_of_the_day_something_was_told_fills_no_slot() -> None:
    # ECB+ 16_ecbplus: the slaying was on Friday afternoon; the undersheriff spoke that night.
    told = "Ortiz was attacked, Undersheriff Larry Waldie told reporters Friday night."
    assert not read_slots(told)
    assert not read_slots("Police said Friday night that the boy had been shot.")
    assert [s.value for s in read_slots("The boy was shot Friday night, police said.")] == ["night"]


def test_parts_of_a_weekday_dating_one_named_happening_compare_from_a_lower_cosine() -> None:
    def middling(_i: int, _j: int) -> float:
        return 0.4  # fresh5: the two sentences below, MiniLM cosine 0.40

    shooting = (
        said(
            "kark", "Police named the man found dead at a motel after a shooting Tuesday afternoon."
        ),
        said(
            "thv", "New details are emerging from Tuesday night's shooting that left one man dead."
        ),
    )
    assert read_slots(shooting[1].evidence.text)[0].happenings == {"shoot"}
    assert found(*shooting, cosine=middling) == [("time", {"afternoon", "night"})]
    # No happening named beside both parts of the day: two things of one day (ECB+/GVC train:
    # "a 911 call Saturday morning" / "a road was blocked off Saturday night").
    apart = (
        said("a", "Police got a 911 call Saturday morning from her husband."),
        said("b", "A road leading to the house was blocked off Saturday night."),
    )
    assert found(*apart, cosine=middling) == []
    # Two happenings are not one: a fire in the morning, an arrest at night.
    fire_and_arrest = (
        said("a", "The fire broke out Saturday morning at the store."),
        said("b", "A man was arrested Saturday night at the store."),
    )
    assert found(*fire_and_arrest, cosine=middling) == []
    # Far apart in meaning, a named happening is not enough.
    assert found(*shooting, cosine=far) == []
