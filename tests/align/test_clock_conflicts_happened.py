"""Clock times of an unnamed happening ("the incident happened around 3:30 p.m.") and a call
timed before the happening it reports (session 19)."""

from __future__ import annotations

from newsweave.align.clock_conflicts import clock_conflicts, clock_times, compare_clock_mentions
from newsweave.align.conflict_base import ConflictConfig, Statement
from newsweave.model import Conflict, Evidence

CONFIG = ConflictConfig()


def statement(article: str, text: str) -> Statement:
    evidence = Evidence(article_id=article, text=text, span=(0, len(text)))
    return Statement(evidence=evidence, voice=article, published=None)


def conflicts(*sentences: tuple[str, str]) -> list[Conflict]:
    return clock_conflicts("s", [statement(a, t) for a, t in sentences], CONFIG)


def held(conflict: Conflict) -> dict[str, set[str]]:
    return {v.value: {e.article_id for e in v.evidence} for v in conflict.values}


# GVC 525486: WGN's unnamed "incident" against three outlets' times of the shooting.
ENGLEWOOD = (
    ("wgn", "The incident happened around 3:30 p.m."),
    ("sun", "Devon Lofton accidentally shot himself in the head about 3:50 p.m. inside the home."),
    ("trib", "The shooting happened about 3:50 p.m. as the boys played in the home."),
    ("nbc", "According to the fire department, the shooting occurred at 3:51 p.m., and the child "
     "was taken to the hospital."),
)  # fmt: skip


def test_an_unnamed_happening_is_framed_only_by_its_own_clause() -> None:
    assert [t.frame for t in clock_times("The incident happened around 3:30 p.m.")] == ["happened"]
    assert [t.frame for t in clock_times("According to police, it happened around 1:45 a.m.")] == [
        "happened"
    ]
    # a clause between times something else
    assert [
        t.frame for t in clock_times("It happened after an argument that began at 9:10 p.m.")
    ] == [None]
    # nor a happening named in a clause of another's sentence (GVC 688841)
    sentence = "He fired at men a block away from where the assault occurred, around 6:10 a.m."
    assert [t.frame for t in clock_times(sentence)] == [None]
    # a named happening's noun wins over the unnamed one
    assert [t.frame for t in clock_times("The shooting incident happened at 2:05 a.m.")] == ["shot"]


def test_an_unnamed_happening_takes_the_storys_one_onset_frame() -> None:
    found = conflicts(*ENGLEWOOD)
    assert [(c.topic, c.basis) for c in found] == [("time of the shooting", "time")]
    # 3:30 (a round time: 3:15-3:45) misses the fire department's exact 3:51; the hedged
    # "about 3:50" (3:45-3:55) only touches it, which stays agreement (tune row c010)
    assert held(found[0]) == {"around 3:30 p.m.": {"wgn"}, "3:51 p.m.": {"nbc"}}
    assert conflicts(*ENGLEWOOD[:3]) == []


def test_an_unnamed_happening_in_a_story_of_two_happenings_is_left_out() -> None:
    assert (
        conflicts(
            ("a", "The incident happened around 3:30 p.m."),
            ("b", "The man was shot at 3:51 p.m."),
            ("c", "The car crashed into a pole at 3:40 p.m."),
        )
        == []
    )


def test_two_unnamed_happenings_are_compared_when_nothing_is_named() -> None:
    found = conflicts(
        ("a", "The incident happened at 11:05 a.m. on Main Street."),
        ("b", "Police said the incident occurred at 11:20 a.m."),
    )
    assert [(c.topic, held(c)) for c in found] == [
        ("time it happened", {"11:05 a.m.": {"a"}, "11:20 a.m.": {"b"}})
    ]


def test_a_call_reported_before_the_happening_it_reports_is_a_dispute() -> None:
    """GVC 525119: WFTV's shooting "at about 1:30 p.m." against WESH's "The shooting was
    reported just before 12:45 p.m."."""
    happened = ("wftv", "The shooting happened at about 1:30 p.m. Saturday at a home.")
    reported = ("wesh", "The shooting was reported just before 12:45 p.m. in the 1000 block.")
    found = conflicts(happened, reported)
    assert [(c.topic, held(c)) for c in found] == [
        (
            "time of the shooting, reported before it happened",
            {"about 1:30 p.m.": {"wftv"}, "just before 12:45 p.m.": {"wesh"}},
        )
    ]


def test_calls_after_the_happening_or_about_something_else_are_no_dispute() -> None:
    # GVC 590958: shot about 2:15 a.m., police called out about 2:55 a.m.
    assert (
        conflicts(
            ("a", "The shooting occurred near 28th and Capitol Drive around 2:15 a.m."),
            ("b", "Police were called out to a shooting near Capitol Drive around 2:55 a.m."),
        )
        == []
    )
    # the call names no shooting: a disturbance may well come first
    assert (
        conflicts(
            ("a", "The man was shot at 1:40 a.m."),
            ("b", "Police were called to a disturbance at the bar at 1:05 a.m."),
        )
        == []
    )
    # within a quarter hour beyond both windows: two sources' clocks
    assert (
        conflicts(
            ("a", "The man was shot at 1:40 a.m."),
            ("b", "The shooting was reported at 1:28 a.m."),
        )
        == []
    )
    # whole hours apart as written, zones unstated: maybe one moment in two zones
    assert (
        conflicts(
            ("a", "The man was shot at 1:40 p.m."),
            ("b", "The shooting was reported at 12:40 p.m."),
        )
        == []
    )


def test_labelled_pairs_read_an_unnamed_happening_only_against_the_happening() -> None:
    it = "It happened around 7:15 p.m. in the 3400 block."
    shot = "The man was shot at 7:40 p.m."
    call = "The shooting was reported at 7:15 p.m. Friday."
    span_it, span_shot, span_call = (12, 28), (19, 28), (29, 38)
    assert compare_clock_mentions((it, span_it), (shot, span_shot), CONFIG) == "conflict"
    # against the call the pair is left to the figure rules, as before the frame was read
    assert compare_clock_mentions((it, span_it), (call, span_call), CONFIG) is None
