"""Session 17 brief rules (issue 11): a roundup article's parts that tell another happening than
the story's give no brief line (GVC 590958: a 6:20 p.m. dispute beside a 2:15 a.m. killing);
an appeal for information, a tip line or a number to call is no brief line."""

from __future__ import annotations

from newsweave.align.roundups import other_incident_spans
from newsweave.brief import _appeal
from newsweave.model import Story
from tests.report.sample import article

ROUNDUP = (
    "Milwaukee police are investigating two separate shooting incidents that occurred Monday "
    "night, June 27th and early Tuesday morning, June 28th. One person died and another "
    "sustained a serious gunshot wound as a result of the shootings.\n\n"
    "The first shooting occurred around 6:20 p.m. Monday, June 27th near 35th and Park Hill "
    "Street.\n\n"
    "Police say the victim, a 20-year-old man, became involved in a verbal dispute with the "
    "suspect.\n\n"
    "Milwaukee police were called out to another shooting near 28th and Capitol Drive around "
    "2:55 a.m. Tuesday, June 28th.\n\n"
    "Upon arrival, police discovered a 49-year-old man, identified as Alac Jackson, suffering "
    "from a fatal gunshot wound."
)
FOLLOW_UP = (
    "Oliver Kennedy of Milwaukee has been charged in connection to the June 28th fatal shooting "
    "of 49-year-old Alac Jackson.\n\n"
    "The shooting occurred near 28th and Capitol Drive around 2:15 a.m. on Tuesday, June 28th."
)


def _parts(*texts: str) -> dict[str, list[tuple[int, int]]]:
    arts = {f"a{i}": article(f"a{i}", text) for i, text in enumerate(texts)}
    story = Story(id="s", title="t", article_ids=tuple(arts))
    return other_incident_spans(story, arts)


def test_a_roundup_keeps_only_the_part_the_story_tells() -> None:
    parts = _parts(ROUNDUP, FOLLOW_UP)
    assert set(parts) == {"a0"}
    kept = ROUNDUP.index("Milwaukee police were called out")
    assert [a for a, _ in parts["a0"]] == [0, ROUNDUP.index("The first shooting")]
    assert all(b <= kept for _, b in parts["a0"])


def test_a_roundup_alone_or_unmatched_sets_nothing_aside() -> None:
    assert _parts(ROUNDUP) == {}
    assert _parts(ROUNDUP, "A storm closed schools across the county on Friday.") == {}
    # An article that names no other happening is no roundup.
    assert _parts(FOLLOW_UP, ROUNDUP.rsplit("\n\n", maxsplit=1)[-1]) == {}


def test_a_lede_stays_and_a_part_set_aside_ends_where_the_story_comes_back() -> None:
    lede = "Two men were stabbed on Amesti Road near Watsonville at 3 a.m. Saturday, Hart said."
    roundup = (
        f"{lede}\n\nSaturday's shooting is the second deadly shooting by deputies this year.\n\n"
        "Sean Arlt was shot by police on Chase Street in October.\n\n"
        "Luke Smith lived at the house on Amesti Road with his father Saturday."
    )
    other = "Sheriff Hart said a deputy shot a teen in Watsonville on Amesti Road at 3 a.m."
    parts = _parts(roundup, other)
    assert parts == {"a0": [(len(lede) + 2, roundup.index("\n\nLuke"))]}


def test_a_charge_named_after_another_killing_opens_no_part() -> None:
    text = (
        "Three teens were charged in the killing of a driver on Friday in Houston.\n\n"
        "Battles, who was arrested on a separate capital murder charge, admitted the robbery."
    )
    assert _parts(text, "Three Houston teens were charged Friday in the driver's killing.") == {}


def test_appeals_for_information_are_no_brief_line() -> None:
    for text in (
        "Anyone with information is asked to call Milwaukee Police at 414-935-7360.",
        "Detectives are asking anyone with information to contact Crime Stoppers.",
        "If you have any information you're asked to call the sheriff's office.",
        "Tips can be submitted anonymously through the app.",
        "Police urged witnesses to the crash to come forward.",
    ):
        assert _appeal(text), text
    for text in (
        "The jury was asked to reach a verdict by Friday.",
        "Kennedy has been charged with homicide by negligent handling of a dangerous weapon.",
        "Police said a 49-year-old man died at the scene.",
    ):
        assert not _appeal(text), text
