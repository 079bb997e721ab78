"""Clock-time conflicts: one happening timed differently by independent outlets, and nothing
else (other frames, hedged spreads, zones, game clocks, round-ups of several happenings)."""

from __future__ import annotations

from newsweave.align.clock_conflicts import clock_conflicts, clock_times, compare_clock_mentions
from newsweave.align.conflict_base import ConflictConfig, Statement
from newsweave.align.conflicts import find_conflicts
from newsweave.model import Conflict, Evidence

CONFIG = ConflictConfig()


def statement(article: str, text: str, voice: str | None = None, day: str | None = None):
    evidence = Evidence(article_id=article, text=text, span=(0, len(text)))
    return Statement(evidence=evidence, voice=voice or article, published=day)


def conflicts(*sentences: tuple[str, str]) -> list[Conflict]:
    return clock_conflicts("s", [statement(a, t) for a, t in sentences], CONFIG)


def values(conflict: Conflict) -> set[str]:
    return {v.value for v in conflict.values}


def test_times_are_read_in_their_written_forms() -> None:
    def minutes(text: str) -> list[tuple[tuple[int, int], ...]]:
        return [t.windows for t in clock_times(text)]

    assert minutes("The blaze broke out at 8.49pm.") == [((1249, 1249),)]
    assert minutes("It was shot at 11:37 a.m. on Monday.") == [((697, 697),)]
    assert minutes("The quake struck at 20:49 GMT.") == [((1249, 1249),)]
    assert minutes("It broke out at about 2045 GMT.") == [((1240, 1250),)]
    assert minutes("Police were called at 8. 39am on Saturday.") == [((519, 519),)]
    # a round time and "shortly before" are windows, not points
    assert minutes("It broke out at around 9pm.") == [((1245, 1275),)]
    assert minutes("Crews were called shortly before 9pm.") == [((1230, 1260),)]


def test_bounds_game_clocks_and_bare_clock_digits_are_no_moment() -> None:
    assert clock_times("Roads were closed until about 1630 GMT on Saturday.") == []
    assert clock_times("He banked in a shot with 7:42 remaining in the first half.") == []
    assert clock_times("He was shot at 7:41 near the park.") == []  # no a.m./p.m.: unknown
    assert clock_times("The afternoon session began.") == []


def test_each_time_takes_the_happening_next_to_it() -> None:
    text = (
        "Bandemer was pronounced dead at the scene after being shot in the chest at 11:35 a.m., "
        "and was pronounced dead at 11:59 a.m."
    )
    assert [(t.label, t.frame) for t in clock_times(text)] == [
        ("11:35 a.m.", "shot"),
        ("11:59 a.m.", "pronounced dead"),
    ]
    opening = "At 11:35 a.m., the teen was in the 3500 block when he was shot in his chest."
    assert [t.frame for t in clock_times(opening)] == ["shot"]
    # a happening word after a time in mid-sentence does not frame it
    later = "Reports came in around 11:05 a.m. and police arrived 15 minutes later."
    assert [t.frame for t in clock_times(later)] == [None]


def test_two_outlets_timing_one_shooting_differently_conflict() -> None:
    found = conflicts(
        ("a", "Christian Bandemer was shot in the chest with a shotgun at 11:35 a.m."),
        ("b", "At 11:35 a.m., the teen was in the 3500 block when he was shot in his chest."),
        ("c", "Mendoza is charged with killing Bandemer, 16, who was shot at 11:37 a.m."),
        ("d", "Bandemer was shot in the chest about 11:35 a.m."),  # hedged: agrees with both
    )
    assert len(found) == 1
    conflict = found[0]
    assert (conflict.kind, conflict.basis, conflict.topic) == (
        "conflict",
        "time",
        "time of the shooting",
    )
    assert values(conflict) == {"11:35 a.m.", "11:37 a.m."}
    held = {v.value: {e.article_id for e in v.evidence} for v in conflict.values}
    assert held == {"11:35 a.m.": {"a", "b"}, "11:37 a.m.": {"c"}}


def test_a_spread_within_the_stated_approximation_is_agreement() -> None:
    found = conflicts(
        ("a", "The blaze broke out on the roof at about 2045 GMT on Friday."),
        ("b", "It broke out in the roof at around 9pm on Friday."),
        ("c", "The fire broke out in the roof of the store at 8.49pm on Friday night."),
    )
    assert found == []
    # ... but an exact time outside a hedged one's window is a disagreement
    found = conflicts(
        ("a", "They were sent to the church after the blaze broke out about 8.40pm."),
        ("c", "The fire broke out in the roof of the store at 8.49pm on Friday night."),
    )
    assert [(c.topic, values(c)) for c in found] == [
        ("time the fire broke out", {"about 8.40pm", "8.49pm"})
    ]


def test_different_frames_never_conflict() -> None:
    assert (
        conflicts(
            ("a", "Police were called to the store shortly before 9pm on Friday."),
            ("b", "The fire broke out in the roof of the store at 8.20pm on Friday."),
            ("c", "Officers arrived at the store at 9.40pm."),
            ("d", "The man was pronounced dead at 10.05pm."),
        )
        == []
    )


def test_one_minute_apart_is_one_moment() -> None:
    assert (
        conflicts(
            ("a", "Police were called to the family's home at 8. 39am on Saturday."),
            ("b", "Police were called to the family's house at 8. 40am on Saturday."),
        )
        == []
    )


def test_zones_are_converted_when_both_are_stated_and_whole_hours_otherwise_left_alone() -> None:
    assert (
        conflicts(("a", "The quake struck at 20:45 GMT."), ("b", "It struck at 3:45 p.m. EST."))
        == []
    )
    found = conflicts(("a", "The quake struck at 20:45 GMT."), ("b", "It struck at 3:55 p.m. EST."))
    assert [values(c) for c in found] == [{"20:45 GMT", "3:55 p.m. EST"}]
    # one zone unstated: an hour apart may be the local clock, not a misreport
    assert conflicts(("a", "The quake struck at 20:45 GMT."), ("b", "It struck at 9.45pm.")) == []


def test_other_days_victims_and_distant_times_are_other_happenings() -> None:
    assert (
        conflicts(
            ("a", "A man was shot at 11:35 p.m. on Friday."),
            ("b", "A man was shot at 11:50 p.m. on Saturday."),
        )
        == []
    )
    assert (
        conflicts(
            ("a", "A 20-year-old man was shot at 1:10 a.m."),
            ("b", "A 34-year-old woman was shot at 1:25 a.m."),
        )
        == []
    )
    assert (
        conflicts(
            ("a", "The shooting occurred around 2:15 a.m."),
            ("b", "The first shooting occurred around 6:20 p.m."),
        )
        == []
    )


def test_a_voice_giving_one_frame_two_times_tells_two_happenings() -> None:
    found = conflicts(
        ("roundup", "A man was shot at 1:10 a.m. in Englewood."),
        ("roundup", "Another man was shot at 1:40 a.m. in Austin."),
        ("b", "The man was shot at 1:25 a.m."),
    )
    assert found == []


def test_an_outlet_timing_one_happening_again_on_a_later_day_updates_itself() -> None:
    """GVC tune 571210: DNAinfo's Friday "shot ... at 11:35 a.m.", Sunday's "at 11:37 a.m.": its
    latest day's time stands, and disputes another outlet's 11:35; on one day it would be two
    happenings (a round-up), and a later day that itself gives two times says nothing."""

    def said(article: str, text: str, voice: str, day: str) -> Statement:
        return statement(article, text, voice=voice, day=day)

    friday = said("d1", "Bandemer was shot in the chest at 11:35 a.m.", "dna", "2016-06-03")
    sunday = said("d2", "Bandemer, 16, was shot in the chest at 11:37 a.m.", "dna", "2016-06-05")
    other = said("s1", "At 11:35 a.m., the teen was shot in his chest.", "sun", "2016-06-03")
    found = clock_conflicts("s", [friday, sunday, other], CONFIG)
    assert [values(c) for c in found] == [{"11:35 a.m.", "11:37 a.m."}]
    held = {v.value: {e.article_id for e in v.evidence} for v in found[0].values}
    assert held == {"11:35 a.m.": {"s1"}, "11:37 a.m.": {"d2"}}
    same_day = said("d2", "Bandemer, 16, was shot in the chest at 11:37 a.m.", "dna", "2016-06-03")
    assert clock_conflicts("s", [friday, same_day, other], CONFIG) == []
    mixed = said("d3", "Another man was shot at 11:50 a.m.", "dna", "2016-06-05")
    assert clock_conflicts("s", [friday, sunday, mixed, other], CONFIG) == []


def test_one_voice_never_disputes_itself() -> None:
    found = clock_conflicts(
        "s",
        [
            statement("a", "The man was shot at 11:35 a.m.", voice="ap"),
            statement("b", "The man was shot at 11:42 a.m.", voice="ap"),
        ],
        CONFIG,
    )
    assert found == []


def test_find_conflicts_reports_clock_disputes() -> None:
    statements = [
        statement("a", "The boy was shot in the chest at 11:35 a.m."),
        statement("b", "The boy was shot in the chest at 11:37 a.m."),
    ]
    found = find_conflicts("s", statements, [0, 0], quantities=None, dates=None)
    assert [(c.basis, values(c)) for c in found] == [("time", {"11:35 a.m.", "11:37 a.m."})]


def test_labelled_pairs_are_compared_by_the_same_rules() -> None:
    a = "Bandemer was shot in the chest about 11:35 a.m."
    b = "Bandemer, 16, was shot in the chest at 11:37 a.m."
    c = "Bandemer was pronounced dead at 11:59 a.m."
    span_a, span_b, span_c = (a.index("about"), len(a)), (b.index("11:37"), len(b)), (33, 43)
    assert compare_clock_mentions((a, span_a), (b, span_b), CONFIG) == "rounding"
    assert compare_clock_mentions((b, span_b), (c, span_c), CONFIG) == "different"
    assert compare_clock_mentions((b, span_b), ("No time here.", (0, 2)), CONFIG) is None
