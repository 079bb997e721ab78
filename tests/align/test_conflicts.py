"""Conflicts: only incompatible figures of one measured thing, from independent voices."""

from __future__ import annotations

import pytest

from newsweave.align.conflicts import (
    ConflictConfig,
    Statement,
    disputed_statements,
    find_conflicts,
)
from newsweave.align.quantities import frames_of, relate, zero_frames
from newsweave.extract.numbers import extract_quantities
from newsweave.model import Conflict, DateMention, Evidence


def statement(article: str, text: str, voice: str | None = None, day: str = "2020-12-15"):
    evidence = Evidence(article_id=article, text=text, span=(0, len(text)))
    return Statement(evidence=evidence, voice=voice or article, published=day)


def no_dates(text: str, published: str | None) -> tuple[DateMention, ...]:
    return ()


def conflicts_of(
    statements: list[Statement], labels: list[int] | None = None, **options: object
) -> tuple[Conflict, ...]:
    labels = labels if labels is not None else list(range(len(statements)))
    config = options.get("config")
    assert config is None or isinstance(config, ConflictConfig)
    return find_conflicts(
        "s-1", statements, labels, quantities=extract_quantities, dates=no_dates, config=config
    )


def values_of(conflict: Conflict) -> set[str]:
    return {v.value for v in conflict.values}


def relation(a: str, b: str) -> str:
    (fa,) = frames_of(a, extract_quantities(a)) or zero_frames(a)
    (fb,) = frames_of(b, extract_quantities(b)) or zero_frames(b)
    return relate(fa, fb)


def test_hedges_and_rounding_agree_with_close_exact_values() -> None:
    assert relation("Officials counted about 300 deaths.", "302 deaths.") == "rounding"
    assert relation("more than 300 people were killed", "302 people were killed") == "rounding"
    assert relation("at least 10 people were killed", "12 people were killed") == "rounding"
    assert relation("at least 10 people were killed", "Ten people were killed") == "rounding"
    assert relation("about 300 people were killed", "400 people were killed") == "conflict"


def test_different_exact_counts_from_two_outlets_conflict_with_their_positions() -> None:
    st = [
        statement("a", "The earthquake killed 10 people and injured 80."),
        statement("b", "Three people were killed, the governor told AFP."),
    ]
    (conflict,) = conflicts_of(st)
    assert (conflict.kind, conflict.basis, conflict.topic) == ("conflict", "number", "deaths")
    by_value = {v.value: {e.article_id for e in v.evidence} for v in conflict.values}
    assert by_value == {"10": {"a"}, "3": {"b"}}
    assert disputed_statements(st, (conflict,)) == {0, 1}


def test_depth_is_not_magnitude_and_injured_are_not_dead() -> None:
    st = [
        statement("a", "The 6.1-magnitude quake struck at a depth of 10 km (6.2 miles)."),
        statement("b", "A magnitude 6.1 quake hit, killing 10 people and injuring 80."),
        statement("c", "The quake was 10 km deep; 80 people were killed."),
    ]
    found = conflicts_of(st)
    assert [(c.topic, values_of(c)) for c in found] == [("deaths", {"10", "80"})]


def test_a_part_is_not_the_total() -> None:
    st = [
        statement("a", "AMD will pay $4.3 billion in cash and $1.1 billion in stock."),
        statement("b", "AMD agreed to pay $5.4 billion for ATI."),
    ]
    assert conflicts_of(st) == ()


def test_a_resolution_is_not_a_pixel_density() -> None:
    st = [
        statement("a", "The display has 2,880 by 1,800 pixels."),
        statement("b", "The screen shows 2880x1800 at 220 pixels per inch."),
        statement("c", "Its 2. 7GHz processor beats the 2.3GHz one."),
    ]
    assert conflicts_of(st) == ()


def test_versions_do_not_conflict() -> None:
    st = [
        statement("a", "The flaw affects IE 11 users."),
        statement("b", "The flaw affects IE 9 users."),
    ]
    assert conflicts_of(st) == ()


def test_a_rising_toll_over_days_is_an_update_not_a_dispute() -> None:
    st = [
        statement("a", "The storm killed 12 people.", day="2021-03-01"),
        statement("b", "The death toll rose to 15 people.", day="2021-03-03"),
    ]
    (update,) = conflicts_of(st)
    assert update.kind == "update"
    assert [v.value for v in update.values] == ["12 (2021-03-01)", "15 (2021-03-03)"]
    assert disputed_statements(st, (update,)) == set()


def test_a_count_against_no_casualties_is_a_negation_conflict() -> None:
    st = [
        statement("a", "Twelve people were killed in the strike, a local official said."),
        statement("b", "There were no casualties, the aid group said."),
    ]
    (conflict,) = conflicts_of(st)
    assert (conflict.kind, conflict.basis) == ("conflict", "negation")
    assert values_of(conflict) == {"12", "none"}


def test_no_immediate_reports_take_no_position() -> None:
    st = [
        statement("a", "Twelve people were killed in the strike."),
        statement("b", "There were no immediate reports of casualties."),
    ]
    assert conflicts_of(st) == ()


def test_figures_of_another_time_or_place_in_time_do_not_conflict() -> None:
    st = [
        statement("a", "A powerful earthquake killed 10 people on Sunday."),
        statement("b", "In December 2003, a quake in Bam left more than 31,000 people dead."),
        statement("c", "A magnitude-6.0 quake can cause severe damage; 600 were killed last year."),
    ]
    assert conflicts_of(st) == ()


def test_population_belongs_to_the_place_it_is_set_off_from() -> None:
    st = [
        statement("a", "The quake struck Qeshm island, home to 120,000 people."),
        statement("b", "The quake was centred near Qeshm Island, home to 200,000 people."),
        statement("c", "Zarand, a town of about 15,000 people, was hit in the past."),
    ]
    (conflict,) = conflicts_of(st)
    assert conflict.topic.startswith("population of Qeshm")
    assert values_of(conflict) == {"120,000", "200,000"}


def test_a_score_conflicts_with_a_tally_of_the_same_side() -> None:
    st = [
        statement("a", "Biden defeated President Donald Trump 306-232 in the election."),
        statement("b", "Electors cast 302 electoral votes for Joe Biden on Monday."),
        statement("b", "Biden won 302 electoral votes against the 232 assigned to Donald Trump."),
    ]
    (conflict,) = conflicts_of(st)
    assert (conflict.basis, values_of(conflict)) == ("number", {"306", "302"})
    assert "electoral votes for" in conflict.topic
    assert disputed_statements(st, (conflict,)) == {0, 1, 2}


def test_game_scores_change_during_the_game_and_never_conflict() -> None:
    st = [
        statement("a", "The Colts went into halftime leading the Chiefs 13-3."),
        statement("b", "The Colts beat the Chiefs 20-13 to clinch a playoff berth."),
    ]
    assert conflicts_of(st) == ()


def test_a_dropped_apostrophe_is_still_a_negation() -> None:
    st = [
        statement("a", "'I can't speak for the first death,' Inspector Gaskin said."),
        statement("b", "'I cant speak for the first death,' Inspector Gaskin said."),
    ]
    assert conflicts_of(st, [0, 0]) == ()


def test_distances_need_the_thing_that_is_located() -> None:
    st = [
        statement("a", "Qeshm, located 1,150 kilometers (700 miles) southeast of Tehran, is busy."),
        statement("b", "Qeshm, 1,500 kilometers south of Tehran, has a port."),
        statement("c", "Police evacuated the building, about 15 miles north of Detroit."),
        statement("d", "A motorist 50 miles north of Detroit spotted the car."),
    ]
    (conflict,) = conflicts_of(st)
    assert conflict.topic == "distance of Tehran, in km"


def test_offers_and_prices_can_agree_but_never_dispute() -> None:
    st = [
        statement("a", "The Nationals made Teixeira an eight-year, $160 million offer."),
        statement("b", "The Red Sox made Teixeira an eight-year, $200 million offer."),
        statement("c", "Thieves stole jewels worth $108 million from the store."),
        statement("d", "Jewellery worth more than $160 million was stolen from the store."),
    ]
    (conflict,) = conflicts_of(st)
    assert conflict.topic.startswith("haul")


def test_a_named_month_is_another_time_when_the_article_is_undated() -> None:
    def dates(text: str, published: str | None) -> tuple[DateMention, ...]:
        at = text.find("September")
        if at < 0:
            return ()
        return (DateMention(text="September", span=(at, at + 9), value=None, precision="month"),)

    st = [
        statement("a", "A 5.6 magnitude earthquake hit the island, injuring five people.", day=""),
        statement(
            "b", "A quake struck in September, killing seven people and injuring 40.", day=""
        ),
    ]
    assert find_conflicts("s-1", st, [0, 1], quantities=extract_quantities, dates=dates) == ()


def test_prison_terms_and_fractions_never_dispute() -> None:
    st = [
        statement("a", "He was sentenced to 12 years in prison."),
        statement("b", "A year later he was sentenced to seven years in prison."),
        statement("c", "He served a 4-1/2-month prison term."),
        statement("d", "He served 41/2 months in federal prison."),
    ]
    assert conflicts_of(st) == ()


def test_not_yet_is_a_negation_on_both_sides() -> None:
    st = [
        statement("a", "Williams gave a blood sample, but the results are not yet known."),
        statement("b", "Williams gave a blood sample, but the results won't be known soon."),
    ]
    assert conflicts_of(st, [0, 0]) == ()


def test_one_voice_repeating_itself_with_other_numbers_is_no_conflict() -> None:
    st = [
        statement("a", "Officials said 12 people died in the blast."),
        statement("a2", "Officials said 15 people died in the blast.", voice="a"),
    ]
    assert conflicts_of(st, [0, 0]) == ()


def test_negated_claim_from_another_outlet_disputes_it() -> None:
    st = [
        statement("a", "The ministry confirmed that troops crossed the border on Sunday."),
        statement("b", "The ministry denied that troops crossed the border on Sunday."),
    ]
    (conflict,) = conflicts_of(st, [0, 0])
    assert (conflict.kind, conflict.basis) == ("conflict", "negation")
    assert values_of(conflict) == {"affirmed", "negated"}
    assert disputed_statements(st, (conflict,)) == {0, 1}


def test_negation_elsewhere_in_a_long_sentence_does_not_dispute() -> None:
    st = [
        statement("a", "Cooperation would serve the interests of the whole world."),
        statement("b", "Cooperation would serve not only the US and Russia but the whole world."),
    ]
    assert conflicts_of(st, [0, 0]) == ()


def test_a_negation_of_something_else_is_no_dispute() -> None:
    st = [
        statement("a", "Pastor Kroon said investigators were considering arson as a cause."),
        statement("b", '"We have no idea what caused it," Pastor Kroon said of the arson.'),
    ]
    assert conflicts_of(st, [0, 0], config=ConflictConfig(min_opposed_overlap=0.3)) == ()


def test_a_hedged_report_is_not_a_disagreement() -> None:
    st = [
        statement("a", "Hackers linked to Russian intelligence breached several US agencies."),
        statement("b", "Hackers linked to Russian intelligence reportedly breached US agencies."),
    ]
    assert conflicts_of(st, [0, 0]) == ()


def test_differing_day_dates_of_one_claim_conflict() -> None:
    def dates(text: str, published: str | None) -> tuple[DateMention, ...]:
        day = "14" if "14" in text else "13"
        return (
            DateMention(
                text=f"{day} December", span=(0, 1), value=f"2020-12-{day}", precision="day"
            ),
        )

    st = [
        statement("a", "The electors met on 14 December to confirm the result."),
        statement("b", "The electors met on 13 December to confirm the result."),
    ]
    found = find_conflicts("s-1", st, [0, 0], quantities=extract_quantities, dates=dates)
    assert [(c.topic.startswith("date of:"), c.basis) for c in found] == [(True, "date")]


def test_relative_dates_and_the_report_day_are_no_date_conflict() -> None:
    def dates(text: str, published: str | None) -> tuple[DateMention, ...]:
        return (DateMention(text="today", span=(0, 1), value=published, precision="day"),)

    st = [
        statement("a", "Seacom said today that the cable was repaired.", day="2011-10-14"),
        statement("b", "Seacom said today that the cable was repaired.", day="2011-10-20"),
    ]
    assert find_conflicts("s-1", st, [0, 0], quantities=extract_quantities, dates=dates) == ()


def test_a_negation_inside_a_longer_other_statement_is_no_dispute() -> None:
    st = [
        statement("a", "Palin stopped by the church this morning."),
        statement("b", "Ms. Palin, who was not at the church at the time of the fire, stopped by."),
    ]
    assert conflicts_of(st, [0, 0]) == ()


def test_a_group_is_not_the_whole_but_none_contradicts_it() -> None:
    st = [
        statement("a", "Three bank workers were killed in the fire."),
        statement("b", "A man and two women died in the blaze."),
        statement("c", "Two officers suffered minor injuries."),
        statement("d", "Police said no injuries were reported."),
    ]
    (conflict,) = conflicts_of(st)
    assert (conflict.basis, values_of(conflict)) == ("negation", {"2", "none"})


def test_two_people_with_one_surname_are_not_one_age() -> None:
    st = [
        statement("a", "Gray, 16, was shot eleven times."),
        statement("b", "His sister, Mahnefah Gray, 19, told reporters."),
        statement("c", "Vladimir Putin, 68, said."),
        statement("d", "Vladimir Putin, 67, said."),
        statement("e", "Putin, 66, said."),
    ]
    (conflict,) = conflicts_of(st)
    assert conflict.topic == "age of Vladimir Putin"


def test_conflicts_do_not_depend_on_statement_order() -> None:
    st = [
        statement("a", "Biden defeated Donald Trump 306-232 in the Electoral College."),
        statement("b", "Biden won 302 electoral votes in his favour against the 232 for Trump."),
        statement("c", "The storm killed 12 people."),
        statement("d", "The storm killed 14 people."),
    ]
    forward = conflicts_of(st, [0, 1, 2, 2])
    backward = conflicts_of(st[::-1], [2, 2, 1, 0])
    assert forward == backward
    assert len(forward) == 2


def test_config_tolerance_is_used() -> None:
    st = [statement("a", "about 300 people were killed."), statement("b", "340 people died.")]
    assert len(conflicts_of(st)) == 1
    assert conflicts_of(st, config=ConflictConfig(rounding_tolerance=0.15)) == ()
    with pytest.raises(ValueError, match="rounding_tolerance"):
        ConflictConfig(rounding_tolerance=1.5)


def test_an_extractor_failing_on_one_sentence_does_not_stop_the_rest() -> None:
    def fragile(text: str):
        if "boom" in text:
            raise ValueError("extractor bug")
        return extract_quantities(text)

    st = [
        statement("a", "It won 306 electoral votes for Biden."),
        statement("b", "It won 302 electoral votes for Biden."),
        statement("c", "boom 300 electoral votes for Biden."),
    ]
    found = find_conflicts("s-1", st, [0, 0, 0], quantities=fragile, dates=no_dates)
    assert [sorted(v.value for v in c.values) for c in found] == [["302", "306"]]


def test_a_negation_on_an_earlier_day_is_a_change_not_a_dispute() -> None:
    st = [
        statement("a", "Putin has not congratulated Joe Biden on his victory.", day="2020-11-08"),
        statement("b", "Putin has congratulated Joe Biden on his victory.", day="2020-12-15"),
    ]
    assert conflicts_of(st, [0, 0]) == ()


def test_a_negation_from_an_undated_article_does_not_dispute_a_dated_one() -> None:
    st = [
        statement("a", "The ministry confirmed that troops crossed the border.", day=""),
        statement("b", "The ministry denied that troops crossed the border.", day="2020-12-15"),
    ]
    assert conflicts_of(st, [0, 0]) == ()


def test_copies_differing_in_apostrophes_take_no_opposite_sides() -> None:
    st = [
        statement("a", "Police said the driver didn't stop at the light."),
        statement("b", "Police said the driver didn 't stop at the light."),
        statement("c", "Police said the driver didn t stop at the light."),
    ]
    assert conflicts_of(st, [0, 0, 0]) == ()


def frame_measures(text: str) -> list[tuple[float, str | None]]:
    frames = frames_of(text, extract_quantities(text))
    return [(f.value, f.measure) for f in frames if not f.background]


def test_people_shot_are_their_own_measure_unless_the_words_say_dead_or_wounded() -> None:
    assert frame_measures("Two people were shot on Sunday.") == [(2.0, "shot (noun only)")]
    assert frame_measures("Three people were shot dead on Sunday.") == [(3.0, "deaths")]
    assert frame_measures("Police said two men were shot and wounded.") == [(2.0, "injured (men)")]
    assert frame_measures("A gunman shot three people outside the bar.") == [
        (3.0, "shot (noun only)")
    ]
    assert frame_measures("He fired one shot.") == [(1.0, "shot (noun only)")]


def test_people_shot_do_not_conflict_with_people_wounded_nor_with_another_shooting() -> None:
    st = [
        statement("a", "Police said three people were shot outside the club."),
        statement("b", "Police said two people were wounded outside the club."),
        statement("c", "It came weeks after a driver shot eight people at a depot."),
    ]
    assert conflicts_of(st) == ()


def test_the_ends_of_a_range_are_no_values() -> None:
    text = "At least four aftershocks followed, with magnitudes ranging from 3.6 to 4.3."
    assert all(value not in {3.6, 4.3} for value, _ in frame_measures(text))


def test_magnitudes_in_a_sentence_about_aftershocks_never_dispute() -> None:
    st = [
        statement("a", "Aftershocks have hit the island since a magnitude-5.9 quake on Sunday."),
        statement("b", "The quake measured magnitude 6.1, the USGS said."),
    ]
    assert conflicts_of(st) == ()


def test_a_modal_bears_on_its_own_clause_only() -> None:
    text = "He may have been driven to suicide because 89 people were arrested in the sweep."
    assert frame_measures(text) == [(89.0, "arrested")]
    assert frame_measures("A magnitude-6 quake can cause severe damage.") == []


def test_a_converted_amount_never_disputes() -> None:
    st = [
        statement("a", "Thieves stole jewels worth $6.5 million, or about 5 million euros."),
        statement("b", "Thieves stole jewels worth $6.5 million, or about 4.8 million euros."),
    ]
    assert conflicts_of(st) == ()


def test_euros_and_dollars_never_dispute() -> None:
    st = [
        statement("a", "Thieves stole jewels worth 5 million euros."),
        statement("b", "Thieves stole jewels worth $6.5 million."),
    ]
    assert conflicts_of(st) == ()


def test_a_group_of_people_shot_is_still_noun_only() -> None:
    assert frame_measures("Two officers were shot on Sunday.") == [
        (2.0, "shot (officers) (noun only)")
    ]


def test_a_population_belongs_to_the_subject_that_has_it() -> None:
    text = "Qeshm is Iran's largest island in the Persian Gulf, with a population of 120,000."
    (frame,) = [f for f in frames_of(text, extract_quantities(text)) if not f.background]
    assert (frame.measure, frame.about) == ("population", "Qeshm")
    other = "Tehran is far from Qeshm, which has a population of 100,000."
    assert [f for f in frames_of(other, extract_quantities(other)) if f.measure] == []


def test_a_game_score_beside_a_vote_for_a_player_is_no_tally() -> None:
    st = [
        statement("a", "Manning, voted the league MVP, led the Colts past the Chiefs 20-13."),
        statement("b", "Manning, voted the league MVP, led the Colts past the Chiefs 23-13."),
    ]
    assert conflicts_of(st) == ()


def test_a_distance_in_the_apposition_opening_the_sentence_is_of_its_name() -> None:
    st = [
        statement("a", "Qeshm, located 1,150 kilometers southeast of Tehran, has a port."),
        statement(
            "b", "Qeshm, an island off the coast and 1,500 kilometers south of Tehran, has a port."
        ),
        statement("c", "Police said a motorist, driving 50 miles north of Tehran, was stopped."),
    ]
    (conflict,) = conflicts_of(st)
    assert values_of(conflict) == {"1,150", "1,500"}


def test_a_named_persons_fall_on_another_weekday_still_disputes_their_fall() -> None:
    """ECB+ 23_ecbplus: most sentences tell of Saturday's death; "On Friday, 36-year-old Duncan
    Raite died after ... falling about 60 metres" is still Raite's fall (vs about 150), while a
    count of another weekday stays out."""
    story = [
        statement("a", "On Saturday, Robert Buckley, 32, died on Mount Sefton.", day=""),
        statement("b", "Robert Buckley, 32, fell on Saturday near a hut.", day=""),
        statement("c", "Searchers found Buckley on Saturday afternoon.", day=""),
        statement(
            "a",
            "On Friday, 36-year-old Duncan Raite died after falling about 60 metres.",
            day="",
        ),
        statement(
            "b", "A 36-year-old climber, Duncan Raite, died after falling about 150 metres.", day=""
        ),
    ]
    found = [c for c in conflicts_of(story) if c.kind == "conflict"]
    assert [values_of(c) for c in found] == [{"about 60", "about 150"}]
    counts = [
        statement("a", "On Saturday, 12 people were injured in the storm.", day=""),
        statement("b", "The storm injured 12 people on Saturday.", day=""),
        statement("a", "On Friday, 4 people were injured in a crash.", day=""),
    ]
    assert not [c for c in conflicts_of(counts) if c.kind == "conflict"]


def test_one_patients_hospital_stay_told_two_ways_conflicts() -> None:
    # ECB+ 4_ecb (split fresh12): a stay's length right before "for" is one patient's stay.
    a = "She had been hospitalized in Los Angeles for four weeks due to pneumonia."
    b = "Roesler said Marsh had been in hospital for three weeks with pneumonia."
    (fa,) = frames_of(a, extract_quantities(a))
    (fb,) = frames_of(b, extract_quantities(b))
    assert fa.measure == fb.measure == "time in hospital"
    assert relate(fa, fb) == "conflict"
    # Another duration ("in a coma for a week", a prison term) stays a noun only.
    c = "She was in a coma for two weeks before she died."
    assert all(relate(fa, fc) == "different" for fc in frames_of(c, extract_quantities(c)))
    d = "He was sentenced to three weeks in jail after he had been hospitalized."
    assert all(relate(fa, fd) == "different" for fd in frames_of(d, extract_quantities(d)))


def test_a_figure_conflicts_topic_carries_the_values_one_unit() -> None:
    # The values are bare numbers: "time in hospital: 3 vs 4" lost its weeks (issue 11).
    story = [
        statement("a", "She had been hospitalized in Los Angeles for four weeks.", day=""),
        statement("b", "Roesler said Marsh had been in hospital for three weeks.", day=""),
    ]
    (found,) = [c for c in conflicts_of(story) if c.kind == "conflict"]
    assert found.topic == "time in hospital, in weeks"
    assert values_of(found) == {"3", "4"}
    votes = [
        statement("a", "Biden won 306 electoral votes.", day=""),
        statement("b", "Biden won 302 electoral votes.", day=""),
    ]
    (found,) = [c for c in conflicts_of(votes) if c.kind == "conflict"]
    assert "in " not in found.topic.replace("Biden", "")
